"""The embedded SQLite store: one file, schema migrations, one writer at a time (BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from communique.errors import StoreError
from communique.store.base import BaseStore, Row, item_id

__all__ = ["SQLiteStore", "item_id"]


def _migrations(folder: str = "migrations") -> list[tuple[int, str]]:
    """(number, SQL) of the migrations in `folder` of the package, in order."""
    root = resources.files("communique.store") / folder
    out = []
    for entry in root.iterdir():
        name = entry.name
        if name.endswith(".sql"):
            out.append((int(name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(out)


#: migrations whose data step runs in Python after their SQL (the real-world events of version 4
#: are clustered by communique.merge from the reports already stored)
REBUILDS_REAL_EVENTS = 4


class SQLiteStore(BaseStore):
    """A store in one SQLite file (or `:memory:`)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such database (run `communique ingest` first)")
                uri = f"file:{self.path}?mode=ro" if self.path != ":memory:" else ":memory:"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            if readonly:
                self.conn.execute("PRAGMA query_only=ON")
                self.conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # not a database: fail here
            else:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    # ------------------------------------------------------------ schema

    @staticmethod
    def latest_version() -> int:
        return max(n for n, _ in _migrations())

    def migrate(self) -> None:
        version = self.schema_version
        for number, sql in _migrations():
            if number > version:
                # one script, one transaction: a migration applies whole or not at all
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;")
                if number == REBUILDS_REAL_EVENTS:
                    self.rebuild_real_events()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def prepare_bulk_load(self) -> None:
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA cache_size=-512000")

    def prepare_reader(self) -> None:
        self.conn.execute("PRAGMA mmap_size=1073741824")
        self.conn.execute("PRAGMA cache_size=-32000")

    # ------------------------------------------------------------ SQL

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(sql, params).rowcount
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 5000) -> Iterator[Row]:
        try:
            cur = self.conn.execute(sql, params)
            while rows := cur.fetchmany(batch):
                yield from rows
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
