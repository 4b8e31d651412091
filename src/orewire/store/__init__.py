"""Storage: the embedded DuckDB database (the only package that writes SQL DDL/DML)."""
from .duckdb import Store, open_store

__all__ = ["Store", "open_store"]
