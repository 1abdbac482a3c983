"""Readers (reports and incident tables, any encoding) and writers (RFC 7946 GeoJSON, GeoPackage, GeoParquet, CSV)."""
