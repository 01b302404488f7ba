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


def display_address(address: str) -> str:
    """A store address fit for messages: a URL without its password."""
    if "://" in address:
        from communique.store.postgres import display

        return display(address)
    return address


def open_store(address: str, *, readonly: bool = False) -> BaseStore:
    """The store at `address`: a `postgresql://` URL, else a SQLite file path (or `:memory:`)."""
    if address.startswith(("postgresql://", "postgres://")):
        from communique.store.postgres import PostgresStore

        return PostgresStore(address, readonly=readonly)
    if "://" in address:
        raise StoreError(f"{address.split('@')[-1]}: unknown store address (a SQLite file path or a "
                         "postgresql:// URL)")
    return SQLiteStore(address, readonly=readonly)


__all__ = ["BaseStore", "Row", "SQLiteStore", "Store", "StoreError", "display_address", "open_store"]
