"""Stores for extraction records. `open_store` picks the backend from the address.

A path (or `:memory:`) is an embedded SQLite file; a `postgresql://` URL a PostgreSQL database.
Both implement `BaseStore` (`write_batch`, `known_documents`, `stats`, `query`, `stream`), so the
pipeline and the query layer above them do not change.
"""

from __future__ import annotations

from communique.errors import StoreError
from communique.store.base import BaseStore, Row
from communique.store.sqlite import SQLiteStore

Store = BaseStore


def open_store(address: str, *, readonly: bool = False) -> BaseStore:
    if address.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{address.split('@')[-1]}: the PostgreSQL backend is not built yet; use a SQLite file path")
    if "://" in address:
        raise StoreError(f"{address}: unknown store address (a file path for SQLite)")
    return SQLiteStore(address, readonly=readonly)


__all__ = ["BaseStore", "Row", "SQLiteStore", "Store", "StoreError", "open_store"]
