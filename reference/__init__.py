"""Reference data (countries, organisations, bodies, cities, titles), read by ingest and graph."""
