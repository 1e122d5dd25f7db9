"""The only place that runs psql and pg_dump: tools, connection settings, catalog query,
dump reader."""
