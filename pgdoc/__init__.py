"""pgdoc: keep a PostgreSQL schema documented in git."""

__version__ = "0.3.0"
