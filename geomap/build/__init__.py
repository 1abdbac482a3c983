"""Building the shipped gazetteer from upstream sources (needs ``geomap[build]``).

    python -m geomap.build SOURCES

Steps, one module each: `admin` (OCHA COD-AB units), `communities` (OCHA 2015 places, Damascus neighbourhoods),
`geonames` (GeoNames alternates), `curated` (landmarks, rivers, extra places, aliases), `foreign` (countries and
cities abroad), `regions` (regions.toml), `attribution`; `pipeline` runs them and writes the files.
"""
