"""The PostgreSQL store: the same tables, writer and queries as SQLite, through psycopg 3.

`open_store("postgresql://user@host:port/db")` opens it; the database must exist, and the
migrations in `migrations/postgresql/` bring its schema to the same version as a SQLite store
(the version is kept in `communique_schema`). SQL is written once with `?` placeholders and
translated here. Writers take one advisory lock per transaction, so concurrent ingests into one
database write one batch at a time: a document (keyed by its content hash) is stored once, and the
real-world events each batch recomputes see every report committed before it. A read-only store
(`serve`) runs every statement in a read-only transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from communique.errors import StoreError
from communique.store.base import BaseStore, Row
from communique.store.dialect import PostgresDialect

#: the advisory lock writers and migrations take (an arbitrary constant: 'communiq' in hex)
WRITER_LOCK = 0x636F6D6D756E6971

try:
    import psycopg
    from psycopg.rows import RowMaker
except ImportError:  # the extra is not installed: open_store says how to install it
    psycopg = None  # type: ignore[assignment]


class PgRow(tuple):
    """A result row readable by position and by column name, as sqlite3.Row."""

    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> RowMaker[PgRow]:
    desc = cursor.description or []
    cls = type("Row", (PgRow,), {"_names": {d.name: i for i, d in enumerate(desc)}})

    def make(values: Sequence[Any]) -> PgRow:
        return cls(values)

    return make


def _migrations() -> list[tuple[int, str]]:
    root = resources.files("communique.store") / "migrations" / "postgresql"
    return sorted((int(e.name.split("_", 1)[0]), e.read_text(encoding="utf-8"))
                  for e in root.iterdir() if e.name.endswith(".sql"))


def _pg_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`, and literal `%` doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


def display(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


class PostgresStore(BaseStore):
    """A store in a PostgreSQL database."""

    backend = "postgresql"
    dialect = PostgresDialect()

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        if psycopg is None:
            raise StoreError("PostgreSQL stores need psycopg 3: pip install 'communique[all]'")
        self.path = display(url)
        self.readonly = readonly
        self._in_transaction = False
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                        application_name="communique")
            if readonly:
                self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            else:
                self.migrate()
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({_first_line(exc)})") from None

    # ------------------------------------------------------------ schema

    @staticmethod
    def latest_version() -> int:
        return max(n for n, _ in _migrations())

    @property
    def schema_version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('communique_schema') IS NOT NULL").fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.conn.execute("SELECT max(version) FROM communique_schema").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self) -> None:
        """Apply pending migrations, each in one transaction, one process at a time."""
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            self.conn.execute("CREATE TABLE IF NOT EXISTS communique_schema (version INTEGER PRIMARY KEY)")
            version = self.schema_version
            applied = []
            for number, sql in _migrations():
                if number > version:
                    self.conn.execute(sql.encode())
                    self.conn.execute("INSERT INTO communique_schema (version) VALUES (%s)", [number])
                    applied.append(number)
        if 4 in applied:  # what the SQLite store computes after its version 4 (nothing on a new database)
            self.rebuild_real_events()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                self._in_transaction = True
                if not self.readonly:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
                yield
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None
        finally:
            self._in_transaction = False

    def close(self) -> None:
        self.conn.close()

    def analyze(self) -> None:
        """VACUUM as well: index-only scans (counting a pair's events) need the visibility map."""
        self.conn.execute("VACUUM ANALYZE")

    def prepare_bulk_load(self) -> None:
        self.conn.execute("SET synchronous_commit = off")

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY the rows in: an order of magnitude faster than INSERTs for a synthetic store."""
        cols = ", ".join(f'"{c}"' for c in columns)
        try:
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN".encode()) as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None

    def drop_everything(self) -> None:
        with self.conn.transaction():
            for r in self.conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"):
                self.conn.execute(f'DROP TABLE IF EXISTS "{r[0]}" CASCADE'.encode())

    # ------------------------------------------------------------ SQL

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(_pg_sql(sql), list(params)).rowcount
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                cur.executemany(_pg_sql(sql), [list(r) for r in rows])
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return list(self.conn.execute(_pg_sql(sql), list(params)).fetchall())
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 5000) -> Iterator[Row]:
        """Rows through a server-side cursor, `batch` at a time."""
        try:
            with self.conn.transaction(), self.conn.cursor(name="communique_stream") as cur:
                cur.itersize = batch
                cur.execute(_pg_sql(sql), list(params))
                yield from cur
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return re.sub(r"\s+", " ", str(exc).strip().split("\n", 1)[0])
