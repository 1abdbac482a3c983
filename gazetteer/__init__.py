"""Build scripts and curated tables for geomap's shipped gazetteer (not installed with the package)."""
