"""Building the shipped gazetteer from upstream sources (needs ``geomap[build]``).

python -m geomap.build SOURCES
"""
