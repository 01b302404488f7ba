"""What every resource module shares: opening a store for reading, the list and source models,
and small helpers that turn stored rows into result models."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from communique.errors import StoreError
from communique.query.reference import country_name, reference_names
from communique.records import Evidence
from communique.store import Row, Store, open_store


def open_readonly(address: str) -> Store:
    """The store at `address`, read-only, after applying any pending migration once (a store
    written by an older version lacks the tables that keep these queries fast)."""
    store = open_store(address, readonly=True)  # a missing file is an error, not a new empty store
    if store.schema_version == 0:
        store.close()
        raise StoreError(f"{address}: not a communique store (no tables; run `communique ingest` first)")
    if store.schema_version < store.latest_version():
        store.close()
        open_store(address).close()
        store = open_store(address, readonly=True)
    return store


T = TypeVar("T")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(Out, Generic[T]):
    """A list answer: `count` is the number of matching rows, `data` one page of them."""

    data: list[T]
    count: int
    limit: int | None = None
    offset: int = 0


class DocumentRef(Out):
    id: str
    source: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


class Source(Out):
    """One document that reports an item, with the sentence that shows it."""

    document: DocumentRef
    evidence: Evidence


def fetch(store: Store, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    return store.query(sql, list(params))


def since_clause(col: str, since: str, params: list[Any]) -> str:
    """`col` overlaps [since, ...): on or after `since`, or a coarser date containing it.

    Written as a range from the year so the index on `col` bounds the scan."""
    prefixes = [since[:n] for n in (4, 7) if n < len(since)]
    params.append(since[:4])
    params.append(since)
    sql = f"{col} >= ? AND ({col} >= ?"
    if prefixes:
        sql += f" OR {col} IN ({','.join('?' * len(prefixes))})"
        params.extend(prefixes)
    return sql + ")"


def until_clause(col: str, until: str, params: list[Any]) -> str:
    """`col` overlaps (..., until]: its start is on or before the end of `until`."""
    params.append(until + "~")  # '~' sorts after digits and '-': 2024-06-30 <= '2024-06~'
    return f"{col} > '' AND {col} <= ?"


def doc_ref(r: Row, prefix: str = "d_") -> DocumentRef:
    return DocumentRef(id=r[prefix + "id"], source=r[prefix + "source"], title=r[prefix + "title"],
                       published=r[prefix + "published"], url=r[prefix + "url"])


DOC_COLS = "d.id AS d_id, d.source AS d_source, d.title AS d_title, d.published AS d_published, d.url AS d_url"


def evidence_of(r: Row) -> Evidence:
    return Evidence(text=r["evidence_text"], start=r["evidence_start"], end=r["evidence_end"])


def names(store: Store, codes: Iterable[str]) -> dict[str, str]:
    """Display names of party codes: reference data for countries and organisations, else the stored name."""
    out: dict[str, str] = {}
    rest = []
    for c in set(codes):
        n = country_name(c) or reference_names().get(c)
        if n:
            out[c] = n
        else:
            rest.append(c)
    for i in range(0, len(rest), 500):
        chunk = rest[i:i + 500]
        for r in fetch(store, f"SELECT id, name FROM actors WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r["id"]] = r["name"]
    for c in rest:
        out.setdefault(c, c.removeprefix("IGO:"))
    return out


def arrow(actor: Sequence[str], recipient: Sequence[str]) -> str:
    return ", ".join(actor) + (" → " + ", ".join(recipient) if recipient else "")


def source_of(r: Row) -> Source:
    """The document of a stored item and its evidence, from a row with the item and DOC_COLS."""
    return Source(document=doc_ref(r), evidence=evidence_of(r))


def placeholders(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))
