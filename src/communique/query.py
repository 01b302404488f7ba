"""Read functions shared by the CLI, the HTTP API and the web page: the only way they reach the store.

Parameters arrive as pydantic models (`EventFilter`, `ActorFilter`, ...) that validate themselves
and raise `QueryError` with a message a user can act on: a malformed date, an unknown country
code, a negative limit, an event type outside PLOVER's sixteen. Results are pydantic models too,
so the API serialises them as they are and the CLI prints them.

Dates are ISO strings at the precision the text supports (`2024`, `2024-07`, `2024-07-05`).
`since` and `until` keep an event whose period overlaps the range: an event dated `2024` is kept
by `since=2024-06-01`, because it may have happened in the second half of the year.

Speed on millions of events comes from derived tables kept by triggers (migration 0002):
`event_facets` (one row per party and event, clustered by party and date) serves country filters,
`event_dyads` (one row per pair of parties and event, clustered by pair and date) serves dyad
filters, the dyad timeline and the network, and `event_counts` (events per party, month, type,
quad class and status) makes `count` and the counts per month exact without scanning: full months
are summed, the months a day-precision `since`/`until` cuts are counted through the index.
Filters without a party use the indexes on `events`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date
from functools import cache
from importlib import resources
from typing import Annotated, Any, Generic, Literal, TypeVar

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from communique.errors import QueryError, StoreError
from communique.records import Evidence, Place, Record
from communique.store import SQLiteStore, open_store
from communique.store import sqlite as sqlite_store

MAX_LIMIT = 10_000
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CODE_RE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9][A-Z0-9_-]*)$")
COOPERATION, CONFLICT = (1, 2), (3, 4)


# ---------------------------------------------------------------- opening


def open_readonly(address: str) -> SQLiteStore:
    """The store at `address`, read-only, after applying any pending migration once (a store
    written by an older version lacks the tables that keep these queries fast)."""
    store = open_store(address, readonly=True)  # a missing file is an error, not a new empty store
    if store.schema_version < max(n for n, _ in sqlite_store._migrations()):
        store.close()
        open_store(address).close()
        store = open_store(address, readonly=True)
    return store


# ---------------------------------------------------------------- reference data


@cache
def plover_types() -> tuple[str, ...]:
    """PLOVER's sixteen event types, in the order of `data/plover.jsonl`."""
    text = (resources.files("communique.data") / "plover.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line)["type"] for line in text.splitlines() if line.strip())


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, a user-assigned code in wide use)."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _read_jsonl(name: str) -> list[dict[str, Any]]:
    path = resources.files("communique.data") / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def reference_names() -> dict[str, str]:
    """Display names of countries and organisations from `data/countries.jsonl` and
    `data/organizations.jsonl` (see data/SOURCES.md)."""
    return {r["code"]: r["name"] for f in ("countries.jsonl", "organizations.jsonl") for r in _read_jsonl(f)}


@cache
def country_name(code: str) -> str | None:
    """The common English name of a country code, or None when the code is not a country."""
    if code.startswith("IGO:") or code not in country_codes():
        return None
    if code in reference_names():
        return reference_names()[code]
    c = pycountry.countries.get(alpha_3=code)
    return "Kosovo" if c is None else str(getattr(c, "common_name", None) or c.name)


def check_code(value: str, what: str = "country code") -> str:
    """Upper-case and validate a party code: ISO alpha-3, XKX, or IGO:<acronym>."""
    code = value.strip().upper()
    if not CODE_RE.match(code) or (not code.startswith("IGO:") and code not in country_codes()):
        raise QueryError(f"unknown {what} {value!r}: use ISO 3166-1 alpha-3 (CHN, TJK), XKX or IGO:<acronym>")
    return code


def check_date(value: str, what: str = "date") -> str:
    """Validate an ISO date at year, month or day precision; returns it unchanged."""
    m = DATE_RE.match(value.strip())
    if m is None:
        raise QueryError(f"malformed {what} {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.groups()
    try:
        Date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise QueryError(f"malformed {what} {value!r}: no such day") from None
    return value.strip()


def check_type(value: str) -> str:
    t = value.strip().upper()
    if t not in plover_types():
        raise QueryError(f"unknown event type {value!r}: use one of PLOVER's {', '.join(plover_types())}")
    return t


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must occur; quotes keep FTS syntax out."""
    words = re.findall(r"[\w'*-]+", text)
    terms = []
    for w in words:
        prefix = w.endswith("*")
        w = w.strip("*'-")
        if w:
            terms.append('"' + w.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise QueryError(f"search {text!r} has no words to look for")
    return " ".join(terms)


# ---------------------------------------------------------------- parameters


class Params(BaseModel):
    """Validated query parameters; any problem becomes one QueryError."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"]) or "parameters"
            raise QueryError(f"{where}: {err['msg']}") from None


class PageParams(Params):
    limit: int = 50
    offset: int = 0

    @field_validator("limit", "offset")
    @classmethod
    def _non_negative(cls, v: int, info: Any) -> int:
        if v < 0:
            raise QueryError(f"{info.field_name} must not be negative (got {v})")
        if info.field_name == "limit" and v > MAX_LIMIT:
            raise QueryError(f"limit must be at most {MAX_LIMIT} (got {v})")
        return v


class Period(Params):
    since: str | None = None
    until: str | None = None

    @field_validator("since", "until")
    @classmethod
    def _date(cls, v: str | None, info: Any) -> str | None:
        return None if v in (None, "") else check_date(v, info.field_name)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")
        return self


class EventFilter(Period, PageParams):
    """Which events: every given filter must hold. `country` is any party; `actor` and `recipient`
    restrict the role; `dyad` needs both parties in the event."""

    country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    quad_class: int | None = None
    status: Literal["occurred", "planned"] | None = None
    place: str | None = None
    search: str | None = None

    @field_validator("country", "actor", "recipient")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)

    @field_validator("dyad", mode="before")
    @classmethod
    def _dyad(cls, v: Any) -> tuple[str, str] | None:
        if v in (None, "", [], ()):
            return None
        parts = [p for p in re.split(r"[,\s]+", v.strip()) if p] if isinstance(v, str) else list(v)
        if len(parts) != 2:
            raise QueryError(f"dyad needs two party codes, like CHN,TJK (got {v!r})")
        a, b = (check_code(p) for p in parts)
        if a == b:
            raise QueryError(f"dyad needs two different parties (got {a} twice)")
        return (a, b)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_type(v)

    @field_validator("quad_class")
    @classmethod
    def _quad(cls, v: int | None) -> int | None:
        if v is not None and v not in (1, 2, 3, 4):
            raise QueryError(f"quad_class must be 1, 2, 3 or 4 (got {v})")
        return v

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, v: Any) -> Any:
        if v in (None, ""):
            return None
        if v not in ("occurred", "planned"):
            raise QueryError(f"status must be occurred or planned (got {v!r})")
        return v

    @field_validator("place", "search")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return v.strip() or None if v else None

    def without_page(self) -> EventFilter:
        return self.model_copy(update={"limit": 50, "offset": 0})

    def query_args(self) -> dict[str, str]:
        """The filter as URL query parameters (for links), without defaults."""
        out: dict[str, str] = {}
        for k, v in self.model_dump(exclude_none=True, exclude_defaults=True).items():
            out[k] = ",".join(v) if k == "dyad" else str(v)
        return out


class ActorFilter(PageParams):
    type: Literal["person", "country", "organization"] | None = None
    country: str | None = None
    q: str | None = None

    @field_validator("country")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)


class GraphParams(Period):
    country: str | None = None
    type: str | None = None
    max_nodes: int = 60
    min_weight: int = 1

    @field_validator("country")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_code(v)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str | None) -> str | None:
        return None if v in (None, "") else check_type(v)

    @field_validator("max_nodes", "min_weight")
    @classmethod
    def _positive(cls, v: int, info: Any) -> int:
        if v < 1:
            raise QueryError(f"{info.field_name} must be at least 1 (got {v})")
        return v


# ---------------------------------------------------------------- results

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


class EventOut(Out):
    id: str
    event_key: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: list[str]
    recipient: list[str]
    date: str | None = None
    status: str
    place: Place | None = None
    trigger: str | None = None
    evidence: Evidence
    document: DocumentRef


class EventDetail(EventOut):
    reported_by: list[Source] = Field(default_factory=list, description="every document reporting this event")


class ActorRole(Out):
    role: str | None
    documents: int
    first: str | None
    last: str | None


class ActorOut(Out):
    id: str
    name: str
    type: str
    country: str | None = None
    documents: int
    mentions: int
    first_seen: str | None = None
    last_seen: str | None = None
    roles: list[ActorRole] = Field(default_factory=list, description="roles over time, by publication date")


class Span(Out):
    """One highlighted stretch of a document: an item's evidence or an actor's mention."""

    kind: str
    item_id: str
    start: int
    end: int
    label: str
    coding: str


class DocumentOut(Out):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    format: str
    ingested_at: str
    text: str
    record: Record
    spans: list[Span]


class DocumentHit(Out):
    document: DocumentRef
    snippet: str
    marks: list[tuple[int, int]] = Field(description="matched words in the snippet, as [start, end) offsets")


class TimelineEvent(Out):
    kind: Literal["event"] = "event"
    id: str = Field(description="the event key: one real-world event across documents")
    date: str | None
    label: str
    type: str
    status: str
    actor: list[str]
    recipient: list[str]
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    place: Place | None = None
    event_ids: list[str]
    sources: list[Source]


class TimelineAgreement(Out):
    kind: Literal["agreement"] = "agreement"
    id: str
    date: str | None
    label: str
    title: str
    agreement_kind: str | None = None
    parties: list[str]
    count: int | None = None
    sources: list[Source]


class PartnershipStep(Out):
    kind: Literal["partnership"] = "partnership"
    id: str
    date: str | None
    label: str
    parties: list[str]
    level: str
    level_normalized: str
    rank: int | None = None
    change: str
    sources: list[Source]


TimelineItem = Annotated[TimelineEvent | TimelineAgreement | PartnershipStep, Field(discriminator="kind")]


class Dyad(Out):
    a: str
    b: str
    names: dict[str, str]
    partnership: PartnershipStep | None = Field(description="the pair's current partnership level")
    counts: dict[str, int] = Field(description="events (real-world, all of them), agreements, partnership steps")
    data: list[TimelineItem] = Field(description="the timeline, oldest first")
    count: int = Field(description="items in the whole timeline; data holds the most recent `limit` events")


class PartnershipPair(Out):
    parties: list[str]
    names: list[str]
    current: PartnershipStep
    history: list[PartnershipStep]


class GraphNode(Out):
    id: str
    name: str
    kind: Literal["country", "organization", "other"]
    weight: int
    cooperation: int
    conflict: int


class GraphEdge(Out):
    source: str
    target: str
    weight: int
    cooperation: int
    conflict: int


class Graph(Out):
    since: str | None
    until: str | None
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class MonthCount(Out):
    month: str
    count: int


class Counts(Out):
    data: list[MonthCount]
    count: int = Field(description="number of months")
    total: int = Field(description="events counted (events dated to the month or day)")


class DyadSummary(Out):
    a: str
    b: str
    names: list[str]
    events: int
    agreements: int
    partnerships: int
    items: int


# ---------------------------------------------------------------- helpers


def _rows(store: SQLiteStore, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    return store.query(sql, list(params))


def _since_clause(col: str, since: str, params: list[Any]) -> str:
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


def _until_clause(col: str, until: str, params: list[Any]) -> str:
    """`col` overlaps (..., until]: its start is on or before the end of `until`."""
    params.append(until + "~")  # '~' sorts after digits and '-': 2024-06-30 <= '2024-06~'
    return f"{col} > '' AND {col} <= ?"


def _doc_ref(r: sqlite3.Row, prefix: str = "d_") -> DocumentRef:
    return DocumentRef(id=r[prefix + "id"], source=r[prefix + "source"], title=r[prefix + "title"],
                       published=r[prefix + "published"], url=r[prefix + "url"])


DOC_COLS = "d.id AS d_id, d.source AS d_source, d.title AS d_title, d.published AS d_published, d.url AS d_url"


def _evidence(r: sqlite3.Row) -> Evidence:
    return Evidence(text=r["evidence_text"], start=r["evidence_start"], end=r["evidence_end"])


def _event(r: sqlite3.Row) -> EventOut:
    place = None
    if r["place_name"] is not None or r["place_country"] is not None or r["lat"] is not None:
        place = Place(name=r["place_name"], country=r["place_country"], lat=r["lat"], lon=r["lon"])
    return EventOut(
        id=r["id"], event_key=r["event_key"], type=r["type"], mode=r["mode"], cameo=r["cameo"],
        quad_class=r["quad_class"], goldstein=r["goldstein"], actor=json.loads(r["actor"]),
        recipient=json.loads(r["recipient"]), date=r["date"], status=r["status"], place=place,
        trigger=r["trigger"], evidence=_evidence(r), document=_doc_ref(r))


def names(store: SQLiteStore, codes: Iterable[str]) -> dict[str, str]:
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
        for r in _rows(store, f"SELECT id, name FROM actors WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r["id"]] = r["name"]
    for c in rest:
        out.setdefault(c, c.removeprefix("IGO:"))
    return out


def arrow(actor: Sequence[str], recipient: Sequence[str]) -> str:
    return ", ".join(actor) + (" → " + ", ".join(recipient) if recipient else "")


def event_label(type_: str, actor: Sequence[str], recipient: Sequence[str], status: str) -> str:
    return f"{type_}: {arrow(actor, recipient)}" + (" (planned)" if status == "planned" else "")


def partnership_label(change: str, level: str, rank: int | None) -> str:
    return f"{change}: {level}" + (f" (rank {rank})" if rank is not None else "")


# ---------------------------------------------------------------- events


class _Plan:
    """FROM and WHERE for an event filter, with the driving table aliased `k`.

    `k` has the columns date, type, quad_class, status. With a place it is `events`, through the
    place index (a place is rarer than a party or a pair, which are then checked per event); with a
    dyad `event_dyads`, with a party `event_facets` (both: date '' when undated); else `events`."""

    def __init__(self, f: EventFilter) -> None:
        self.params: list[Any] = []
        where: list[str] = []
        p = self.params
        parties: list[tuple[str, str | None]] = []  # (party, role) still to check
        for code, role in ((f.country, None), (f.actor, "actor"), (f.recipient, "recipient")):
            if code:
                parties.append((code, role))
        place: tuple[str, str, str] | None = None  # (column, value, index)
        if f.place:
            code = f.place.upper()
            place = (("place_country", code, "events_place_country") if code in country_codes()
                     else ("place_name", f.place, "events_place_name"))
        if place:
            self.source = f"events k INDEXED BY {place[2]}"
            parties.extend((code, None) for code in f.dyad or ())
        elif f.dyad:
            a, b = sorted(f.dyad)
            self.source = "event_dyads k"
            where.append("k.a = ? AND k.b = ?")
            p.extend([a, b])
        elif parties:
            self.source = "event_facets k"
            code, role = parties[0]
            where.append("k.party = ?")
            p.append(code)
            if role is None:
                parties.pop(0)
        else:
            self.source = "events k"
        self.driven_by_events = self.source.startswith("events k")
        self.id_col = "k.id" if self.driven_by_events else "k.event_id"
        for code, role in parties:
            where.append(f"EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = {self.id_col} AND p.party = ?"
                         + (" AND p.role = ?)" if role else ")"))
            p.extend([code, role] if role else [code])
        if f.type:
            where.append("k.type = ?")
            p.append(f.type)
        if f.quad_class is not None:
            where.append("k.quad_class = ?")
            p.append(f.quad_class)
        if f.status:
            where.append("k.status = ?")
            p.append(f.status)
        if f.since:
            where.append(_since_clause("k.date", f.since, p))
        if f.until:
            where.append(_until_clause("k.date", f.until, p))
        self.needs_event = place is not None and not self.driven_by_events
        if place:
            ref = "k" if self.driven_by_events else "e"
            collate = " COLLATE NOCASE" if place[0] == "place_name" else ""
            where.append(f"{ref}.{place[0]} = ?{collate}")
            p.append(place[1])
        if f.search:
            where.append(f"{self.id_col} IN (SELECT ev.item_id FROM evidence_fts JOIN evidence ev"
                         " ON ev.rowid = evidence_fts.rowid WHERE evidence_fts MATCH ? AND ev.kind = 'event')")
            p.append(fts_query(f.search))
        self.where = " AND ".join(where) or "1"

    @property
    def from_(self) -> str:
        # CROSS JOIN keeps the driving table outermost, so the planner walks its index in date order
        return self.source + (" CROSS JOIN events e ON e.id = k.event_id" if self.needs_event else "")

    @property
    def order(self) -> str:
        return "k.date DESC, k.rowid DESC" if self.driven_by_events else "k.date DESC, k.event_id DESC"


def _count_scan(store: SQLiteStore, f: EventFilter, bucket: str | None = None) -> int:
    """COUNT(*) through the filter's plan; `bucket` restricts it to one month (or year) key."""
    plan = _Plan(f)
    where, params = plan.where, list(plan.params)
    if bucket is not None:
        if len(bucket) == 4:  # the year bucket holds only events dated to the year
            where += " AND k.date = ?"
            params.append(bucket)
        else:
            where += " AND k.date >= ? AND k.date <= ?"
            params.extend([bucket, bucket + "~"])
    return int(_rows(store, f"SELECT count(*) FROM {plan.from_} WHERE {where}", params)[0][0])


def _summarised(f: EventFilter) -> bool:
    """Whether `event_counts` can answer the filter: one party at most, no role, place or words."""
    return not (f.dyad or f.actor or f.recipient or f.place or f.search)


def _bucket_state(key: str, since: str | None, until: str | None) -> Literal["full", "none", "partial"]:
    """Whether all, none or some of the events whose date starts with `key` are in the period."""
    if key == "":
        return "none" if since or until else "full"
    if (since and key + "~" < since) or (until and key > until + "~"):
        return "none"

    def inside(d: str) -> bool:
        return (not since or d >= since or since.startswith(d)) and (not until or d <= until + "~")

    ends = [key] if len(key) == 4 else [key, key + "-01", key + "-31"]  # the checks are monotone in the day
    return "full" if all(inside(d) for d in ends) else "partial"


def _buckets(store: SQLiteStore, f: EventFilter) -> list[tuple[str, int, str]]:
    """(month key, events, state) from `event_counts` for a filter it can answer."""
    where: list[str] = ["party = ?"]
    params: list[Any] = [f.country or "*"]
    for col, value in (("type", f.type), ("quad_class", f.quad_class), ("status", f.status)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    if f.since:  # keys before the year of `since` are out; _bucket_state decides the rest
        where.append("month >= ?")
        params.append(f.since[:4])
    if f.until:
        where.append("month <= ?")
        params.append(f.until + "~")
    sql = f"SELECT month, sum(n) AS n FROM event_counts WHERE {' AND '.join(where)} GROUP BY month ORDER BY month"
    out: list[tuple[str, int, str]] = []
    for r in _rows(store, sql, params):
        state = _bucket_state(r["month"], f.since, f.until)
        if state != "none" and r["n"]:
            out.append((r["month"], int(r["n"]), state))
    return out


def count_events(store: SQLiteStore, f: EventFilter) -> int:
    """How many events match: summed from `event_counts` where it can, exact either way."""
    if not _summarised(f):
        return _count_scan(store, f)
    return sum(n if state == "full" else _count_scan(store, f, key) for key, n, state in _buckets(store, f))


def events(store: SQLiteStore, f: EventFilter) -> Page[EventOut]:
    """Events matching the filter, newest first, and how many match in all."""
    plan = _Plan(f)
    key = "k.rowid" if plan.driven_by_events else "k.event_id"
    join = "e.rowid = page.k" if plan.driven_by_events else "e.id = page.k"
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {key} AS k, k.date AS date FROM {plan.from_}"
           f" WHERE {plan.where} ORDER BY {plan.order} LIMIT ? OFFSET ?) page"
           f" JOIN events e ON {join} JOIN documents d ON d.id = e.document_id"
           f" ORDER BY page.date DESC, e.id DESC")
    rows = _rows(store, sql, [*plan.params, f.limit, f.offset])
    data = [_event(r) for r in rows]
    total = f.offset + len(data) if len(data) < f.limit and (data or f.offset == 0) else count_events(store, f)
    return Page[EventOut](data=data, count=total, limit=f.limit, offset=f.offset)


def iter_events(store: SQLiteStore, f: EventFilter | None = None, *, batch: int = 5000) -> Iterator[EventOut]:
    """Every matching event, oldest first, without holding them all in memory."""
    f = f or EventFilter()
    plan = _Plan(f.without_page())
    key = "k.rowid" if plan.driven_by_events else "k.event_id"
    join = "e.rowid = page.k" if plan.driven_by_events else "e.id = page.k"
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {key} AS k FROM {plan.from_} WHERE {plan.where}) page"
           f" JOIN events e ON {join} JOIN documents d ON d.id = e.document_id ORDER BY e.date, e.rowid")
    try:
        cur = store.conn.execute(sql, plan.params)
        while rows := cur.fetchmany(batch):
            yield from (_event(r) for r in rows)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{store.path}: {exc}") from None


def _source(r: sqlite3.Row) -> Source:
    """The document of a stored item and its evidence, from a row with the item and DOC_COLS."""
    return Source(document=_doc_ref(r), evidence=_evidence(r))


def event(store: SQLiteStore, event_id: str) -> EventDetail | None:
    """One stored event, with every document that reports the same real-world event."""
    rows = _rows(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.id = ?", [event_id])
    if not rows:
        return None
    ev = _event(rows[0])
    same = _rows(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.event_key = ? ORDER BY d.published, e.id", [ev.event_key])
    return EventDetail(**ev.model_dump(), reported_by=[_source(r) for r in same])


def counts(store: SQLiteStore, f: EventFilter) -> Counts:
    """Matching events per month (events dated only to the year are left out)."""
    if _summarised(f):
        data = [MonthCount(month=key, count=n if state == "full" else _count_scan(store, f, key))
                for key, n, state in _buckets(store, f) if len(key) == 7]
        data = [m for m in data if m.count]
        return Counts(data=data, count=len(data), total=sum(m.count for m in data))
    plan = _Plan(f)
    sql = (f"SELECT substr(k.date, 1, 7) AS month, count(*) AS n FROM {plan.from_}"
           f" WHERE {plan.where} AND length(k.date) >= 7 GROUP BY month ORDER BY month")
    data = [MonthCount(month=r["month"], count=r["n"]) for r in _rows(store, sql, plan.params)]
    return Counts(data=data, count=len(data), total=sum(m.count for m in data))


# ---------------------------------------------------------------- actors


def actors(store: SQLiteStore, f: ActorFilter | None = None) -> Page[ActorOut]:
    """Actors, most mentioned first, each with the roles it was given over time."""
    f = f or ActorFilter()
    where: list[str] = []
    params: list[Any] = []
    if f.type:
        where.append("a.type = ?")
        params.append(f.type)
    if f.country:
        where.append("(a.country = ? OR a.id = ?)")
        params.extend([f.country, f.country])
    if f.q:
        where.append("(a.name LIKE ? OR a.id LIKE ?)")
        params.extend([f"%{f.q}%", f"%{f.q}%"])
    w = " AND ".join(where) or "1"
    total = int(_rows(store, f"SELECT count(*) FROM actors a WHERE {w}", params)[0][0])
    sql = (f"SELECT a.id, a.name, a.type, a.country, count(DISTINCT m.document_id) AS docs, count(m.actor_id) AS n,"
           f" min(d.published) AS first, max(d.published) AS last FROM actors a"
           f" LEFT JOIN mentions m ON m.actor_id = a.id LEFT JOIN documents d ON d.id = m.document_id"
           f" WHERE {w} GROUP BY a.id ORDER BY docs DESC, a.name LIMIT ? OFFSET ?")
    rows = _rows(store, sql, [*params, f.limit, f.offset])
    roles = _roles(store, [r["id"] for r in rows])
    data = [ActorOut(id=r["id"], name=r["name"], type=r["type"], country=r["country"], documents=r["docs"],
                     mentions=r["n"], first_seen=r["first"], last_seen=r["last"], roles=roles.get(r["id"], []))
            for r in rows]
    return Page[ActorOut](data=data, count=total, limit=f.limit, offset=f.offset)


def _roles(store: SQLiteStore, ids: Sequence[str]) -> dict[str, list[ActorRole]]:
    out: dict[str, list[ActorRole]] = defaultdict(list)
    if not ids:
        return out
    sql = (f"SELECT m.actor_id, m.role, count(DISTINCT m.document_id) AS docs, min(d.published) AS first,"
           f" max(d.published) AS last FROM mentions m JOIN documents d ON d.id = m.document_id"
           f" WHERE m.actor_id IN ({','.join('?' * len(ids))}) GROUP BY m.actor_id, m.role ORDER BY first")
    for r in _rows(store, sql, list(ids)):
        out[r["actor_id"]].append(ActorRole(role=r["role"], documents=r["docs"], first=r["first"], last=r["last"]))
    return out


# ---------------------------------------------------------------- documents


def _coding_event(r: sqlite3.Row) -> str:
    bits = [f"{r['type']}" + (f"/{r['mode']}" if r["mode"] else ""),
            arrow(json.loads(r["actor"]), json.loads(r["recipient"])), r["date"] or "undated", r["status"]]
    if r["cameo"]:
        bits.append(f"CAMEO {r['cameo']}")
    if r["quad_class"] is not None:
        bits.append(f"quad class {r['quad_class']}")
    if r["goldstein"] is not None:
        bits.append(f"Goldstein {r['goldstein']:+g}")
    if r["place_name"] or r["place_country"]:
        bits.append("at " + ", ".join(x for x in (r["place_name"], r["place_country"]) if x))
    return " · ".join(bits)


def _spans(store: SQLiteStore, doc_id: str) -> list[Span]:
    """Every evidence span and actor mention in a document, with a label and the full coding."""
    items: dict[tuple[str, str], tuple[str, str]] = {}
    for r in _rows(store, "SELECT * FROM events WHERE document_id = ?", [doc_id]):
        items["event", r["id"]] = (event_label(r["type"], json.loads(r["actor"]), json.loads(r["recipient"]),
                                               r["status"]), _coding_event(r))
    for r in _rows(store, "SELECT * FROM agreements WHERE document_id = ?", [doc_id]):
        parties = ", ".join(json.loads(r["parties"]))
        items["agreement", r["id"]] = (f"agreement: {r['title']}",
                                       f"{r['title']} · {r['kind'] or 'agreement'} · {parties} · {r['date'] or 'undated'}")
    for r in _rows(store, "SELECT * FROM partnerships WHERE document_id = ?", [doc_id]):
        parties = ", ".join(json.loads(r["parties"]))
        items["partnership", r["id"]] = (
            f"partnership {partnership_label(r['change'], r['level_normalized'], r['rank'])}",
            f"{r['change']} · {r['level_normalized']} (as written: {r['level']}) · rank {r['rank']} · {parties}"
            f" · {r['date'] or 'undated'}")
    for r in _rows(store, "SELECT * FROM facts WHERE document_id = ?", [doc_id]):
        payload = json.loads(r["payload"])
        summary = " · ".join(f"{k}: {v}" for k, v in payload.items() if k != "evidence" and v not in (None, [], ""))
        items[r["kind"], r["id"]] = (r["kind"], summary)
    spans = []
    for r in _rows(store, 'SELECT kind, item_id, start, "end" FROM evidence WHERE document_id = ?', [doc_id]):
        label, coding = items.get((r["kind"], r["item_id"]), (r["kind"], r["kind"]))
        spans.append(Span(kind=r["kind"], item_id=r["item_id"], start=r["start"], end=r["end"], label=label,
                          coding=coding))
    sql = ('SELECT m.actor_id, m.start, m."end", m.role, m.country, m.resolution, a.name, a.type FROM mentions m'
           " JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ?")
    for r in _rows(store, sql, [doc_id]):
        coding = " · ".join(x for x in (r["name"], r["type"], r["country"], r["role"], r["resolution"]) if x)
        spans.append(Span(kind="actor", item_id=r["actor_id"], start=r["start"], end=r["end"],
                          label=f"{r['name']} ({r['actor_id']})", coding=coding))
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return spans


def document(store: SQLiteStore, doc_id: str) -> DocumentOut | None:
    """A stored document: its text, the full extraction record and every highlighted span."""
    rows = _rows(store, "SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    r = rows[0]
    return DocumentOut(id=r["id"], source=r["source"], url=r["url"], title=r["title"], published=r["published"],
                       format=r["format"], ingested_at=r["ingested_at"], text=r["text"],
                       record=Record.model_validate_json(r["record"]), spans=_spans(store, doc_id))


def search_documents(store: SQLiteStore, q: str, limit: int = 20, offset: int = 0) -> Page[DocumentHit]:
    """Documents whose title or text has every word of `q`, best match first, with a snippet."""
    page = PageParams(limit=limit, offset=offset)
    match = fts_query(q)
    total = int(_rows(store, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [match])[0][0])
    sql = (f"SELECT {DOC_COLS}, snippet(documents_fts, 1, char(2), char(3), '…', 24) AS snip FROM documents_fts"
           " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank"
           " LIMIT ? OFFSET ?")
    data = []
    for r in _rows(store, sql, [match, page.limit, page.offset]):
        snippet, marks = _unmark(r["snip"] or "")
        data.append(DocumentHit(document=_doc_ref(r), snippet=snippet, marks=marks))
    return Page[DocumentHit](data=data, count=total, limit=page.limit, offset=page.offset)


def _unmark(s: str) -> tuple[str, list[tuple[int, int]]]:
    out, marks, start = [], [], 0
    n = 0
    for ch in s:
        if ch == "\x02":
            start = n
        elif ch == "\x03":
            marks.append((start, n))
        else:
            out.append(ch)
            n += 1
    return "".join(out), marks


# ---------------------------------------------------------------- dyads and partnerships


def _items_of(store: SQLiteStore, kind: str, parties: Sequence[str]) -> list[str]:
    """Ids of agreements or partnerships in which all the given parties take part."""
    sql = " INTERSECT ".join("SELECT item_id FROM item_parties WHERE party = ? AND kind = ?" for _ in parties)
    return [r[0] for r in _rows(store, sql, [x for p in parties for x in (p, kind)])]


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


def _partnership_steps(store: SQLiteStore, ids: Sequence[str]) -> list[PartnershipStep]:
    """Partnership mentions grouped by (parties, level, date): one step, many sources."""
    if not ids:
        return []
    rows = _rows(store, f"SELECT p.*, {DOC_COLS} FROM partnerships p JOIN documents d ON d.id = p.document_id"
                        f" WHERE p.id IN ({_in(ids)}) ORDER BY p.date, d.published", list(ids))
    groups: dict[tuple[Any, ...], PartnershipStep] = {}
    order = {"established": 2, "upgraded": 3, "reaffirmed": 1}
    for r in rows:
        parties = sorted(json.loads(r["parties"]))
        key = (tuple(parties), r["level_normalized"], r["date"])
        step = groups.get(key)
        if step is None:
            groups[key] = PartnershipStep(id=r["id"], date=r["date"], parties=parties, level=r["level"],
                                          level_normalized=r["level_normalized"], rank=r["rank"],
                                          change=r["change"], label="", sources=[_source(r)])
        else:
            step.sources.append(_source(r))
            if order.get(r["change"], 0) > order.get(step.change, 0):
                step.change = r["change"]
            if step.rank is None:
                step.rank = r["rank"]
    for s in groups.values():
        s.label = partnership_label(s.change, s.level_normalized, s.rank)
    return sorted(groups.values(), key=lambda s: (s.date or "9999", s.rank or 0))


def current_level(steps: Sequence[PartnershipStep]) -> PartnershipStep | None:
    """The level a pair holds now: walking the steps by date, an established or upgraded step sets
    the level, and a reaffirmation only replaces it when it ranks at least as high (a later
    mention of a shorter name does not downgrade the pair)."""
    cur: PartnershipStep | None = None
    for s in sorted(steps, key=lambda s: (s.date or "", s.rank or 0)):
        if cur is None or s.change in ("established", "upgraded") or (s.rank or 0) >= (cur.rank or 0):
            cur = s
    return cur


def _agreements(store: SQLiteStore, ids: Sequence[str]) -> list[TimelineAgreement]:
    if not ids:
        return []
    rows = _rows(store, f"SELECT a.*, {DOC_COLS} FROM agreements a JOIN documents d ON d.id = a.document_id"
                        f" WHERE a.id IN ({_in(ids)}) ORDER BY a.date, d.published", list(ids))
    groups: dict[tuple[Any, ...], TimelineAgreement] = {}
    for r in rows:
        parties = sorted(json.loads(r["parties"]))
        key = (tuple(parties), " ".join(r["title"].lower().split()), r["date"])
        if key in groups:
            groups[key].sources.append(_source(r))
        else:
            groups[key] = TimelineAgreement(id=r["id"], date=r["date"], label=r["title"], title=r["title"],
                                            agreement_kind=r["kind"], parties=parties, count=r["count"],
                                            sources=[_source(r)])
    return list(groups.values())


def dyad(store: SQLiteStore, a: str, b: str, limit: int = 100) -> Dyad:
    """The timeline of two parties: events, agreements and partnership steps, each with its sources.

    Events are grouped by event key (one real-world event reported by several documents); the
    timeline holds the `limit` most recent of them and every agreement and partnership step."""
    f = EventFilter(dyad=(a, b), limit=limit)
    assert f.dyad is not None
    x, y = sorted(f.dyad)
    keys = [r[0] for r in _rows(store, "SELECT DISTINCT event_key FROM event_dyads WHERE a = ? AND b = ?"
                                       " ORDER BY date DESC, event_key LIMIT ?", [x, y, f.limit])]
    n_events = len(keys) if len(keys) < f.limit else int(_rows(
        store, "SELECT count(DISTINCT event_key) FROM event_dyads WHERE a = ? AND b = ?", [x, y])[0][0])
    timeline: list[TimelineEvent | TimelineAgreement | PartnershipStep] = []
    if keys:
        rows = _rows(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                            f" WHERE e.event_key IN ({_in(keys)}) ORDER BY d.published, e.id", keys)
        grouped: dict[str, TimelineEvent] = {}
        for r in rows:
            item = grouped.get(r["event_key"])
            if item is None:
                ev = _event(r)
                grouped[ev.event_key] = TimelineEvent(
                    id=ev.event_key, date=ev.date, label=event_label(ev.type, ev.actor, ev.recipient, ev.status),
                    type=ev.type, status=ev.status, actor=ev.actor, recipient=ev.recipient, cameo=ev.cameo,
                    quad_class=ev.quad_class, goldstein=ev.goldstein, place=ev.place, event_ids=[ev.id],
                    sources=[Source(document=ev.document, evidence=ev.evidence)])
            else:
                item.event_ids.append(r["id"])
                item.sources.append(_source(r))
                if item.place is None:
                    item.place = _event(r).place
        timeline.extend(grouped.values())
    agreements = _agreements(store, _items_of(store, "agreement", (x, y)))
    steps = _partnership_steps(store, _items_of(store, "partnership", (x, y)))
    timeline.extend(agreements)
    timeline.extend(steps)
    rank = {"partnership": 0, "agreement": 1, "event": 2}
    timeline.sort(key=lambda i: (i.date or "9999", rank[i.kind], i.label))
    codes = {x, y} | {c for i in timeline for c in (i.parties if not isinstance(i, TimelineEvent)
                                                     else [*i.actor, *i.recipient])}
    return Dyad(a=f.dyad[0], b=f.dyad[1], names=names(store, codes), partnership=current_level(steps),
                counts={"events": n_events, "agreements": len(agreements), "partnerships": len(steps)},
                data=timeline, count=n_events + len(agreements) + len(steps))


def partnerships(store: SQLiteStore, country: str | None = None, limit: int = 100,
                 offset: int = 0) -> Page[PartnershipPair]:
    """Every pair (or group) with a partnership level: its current level and history, highest rank first."""
    page = PageParams(limit=limit, offset=offset)
    if country:
        country = check_code(country)
        ids = [r[0] for r in _rows(store, "SELECT item_id FROM item_parties WHERE party = ? AND kind = 'partnership'",
                                   [country])]
    else:
        ids = [r[0] for r in _rows(store, "SELECT id FROM partnerships")]
    by_pair: dict[tuple[str, ...], list[PartnershipStep]] = defaultdict(list)
    for s in _partnership_steps(store, ids):
        by_pair[tuple(s.parties)].append(s)
    nm = names(store, {c for pair in by_pair for c in pair})
    pairs = []
    for pair, steps in by_pair.items():
        cur = current_level(steps)
        assert cur is not None
        pairs.append(PartnershipPair(parties=list(pair), names=[nm[c] for c in pair], current=cur, history=steps))
    pairs.sort(key=lambda p: (-(p.current.rank or 0), -int((p.current.date or "0")[:4]), p.parties))
    return Page[PartnershipPair](data=pairs[page.offset:page.offset + page.limit], count=len(pairs),
                                 limit=page.limit, offset=page.offset)


def relationships(store: SQLiteStore, limit: int = 10) -> list[DyadSummary]:
    """The pairs with the most items (real-world events, agreements, partnership steps), most first."""
    page = PageParams(limit=limit)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    sql = ("SELECT a, b, count(DISTINCT event_key) AS n FROM event_dyads GROUP BY a, b"
           " ORDER BY n DESC LIMIT ?")
    for r in _rows(store, sql, [page.limit * 3 + 20]):
        tally[r["a"], r["b"]][0] = r["n"]
    for col, kind in ((1, "agreement"), (2, "partnership")):
        sql = ("SELECT x.party AS a, y.party AS b, count(*) AS n FROM item_parties x JOIN item_parties y"
               " ON y.kind = x.kind AND y.item_id = x.item_id AND x.party < y.party WHERE x.kind = ?"
               " GROUP BY x.party, y.party")
        for r in _rows(store, sql, [kind]):
            tally[r["a"], r["b"]][col] = r["n"]
    top = sorted(tally.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:page.limit]
    nm = names(store, {c for (a, b), _ in top for c in (a, b)})
    return [DyadSummary(a=a, b=b, names=[nm[a], nm[b]], events=n[0], agreements=n[1], partnerships=n[2],
                        items=sum(n)) for (a, b), n in top]


# ---------------------------------------------------------------- network


def network(store: SQLiteStore, p: GraphParams | None = None) -> Graph:
    """Countries and organisations as nodes, edges weighted by real-world events between them in
    the period, split into cooperation (quad classes 1, 2) and conflict (3, 4)."""
    p = p or GraphParams()
    where: list[str] = []
    params: list[Any] = []
    if p.since:
        where.append(_since_clause("date", p.since, params))
    if p.until:
        where.append(_until_clause("date", p.until, params))
    if p.country:
        where.append("(a = ? OR b = ?)")
        params.extend([p.country, p.country])
    if p.type:
        where.append("event_id IN (SELECT id FROM events WHERE type = ?)")
        params.append(p.type)
    w = " AND ".join(where) or "1"
    sql = (f"SELECT a, b, count(DISTINCT event_key) AS n,"
           f" count(DISTINCT CASE WHEN quad_class IN (1, 2) THEN event_key END) AS coop,"
           f" count(DISTINCT CASE WHEN quad_class IN (3, 4) THEN event_key END) AS conf"
           f" FROM event_dyads WHERE {w} GROUP BY a, b")
    edges = [GraphEdge(source=r["a"], target=r["b"], weight=r["n"], cooperation=r["coop"], conflict=r["conf"])
             for r in _rows(store, sql, params) if r["n"] >= p.min_weight]
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in edges:
        for c in (e.source, e.target):
            t = tot[c]
            t[0] += e.weight
            t[1] += e.cooperation
            t[2] += e.conflict
    keep = sorted(tot, key=lambda c: (-tot[c][0], c))[:p.max_nodes]
    kept = set(keep)
    nm = names(store, kept)
    nodes = [GraphNode(id=c, name=nm[c], weight=tot[c][0], cooperation=tot[c][1], conflict=tot[c][2],
                       kind="organization" if c.startswith("IGO:") else "country" if country_name(c) else "other")
             for c in keep]
    edges = [e for e in edges if e.source in kept and e.target in kept]
    edges.sort(key=lambda e: -e.weight)
    return Graph(since=p.since, until=p.until, nodes=nodes, edges=edges)
