"""Events: real-world events (one row per event, however many documents report it) filtered and
listed newest first, one event with each of its reports, and every event or report for export.

An event carries `sources`, one entry per reporting document with the sentence that shows it,
and GDELT-like counts: `mentions` (evidence sentences over all reports), `documents` and
`publishers`. Its `evidence` and `document` are those of the report that speaks for it (one that
occurred on the event's date, published first). The reports themselves (`MentionOut`) stay
reachable: in `event(...).mentions` and through `iter_mentions` (the mentions export).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from pydantic import Field

from communique.query.common import (
    DOC_COLS,
    DocumentRef,
    Out,
    Page,
    Row,
    Source,
    arrow,
    doc_ref,
    evidence_of,
    fetch,
    placeholders,
    source_of,
)
from communique.query.counts import count_events
from communique.query.params import EventFilter
from communique.query.plan import Plan
from communique.records import EventPerson, Evidence, Place
from communique.store import Store


class Coded(Out):
    """How an event is coded, the same for a real-world event and for each report of it."""

    id: str
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
    people: list[EventPerson] = Field(default_factory=list,
                                      description="who acted for the actor and recipient sides, when named")


class EventOut(Coded):
    """One real-world event."""

    evidence: Evidence = Field(description="the sentence of the report that speaks for the event")
    document: DocumentRef = Field(description="the document of that report")
    mentions: int = Field(1, description="evidence sentences over all reports (GDELT's NumMentions)")
    documents: int = Field(1, description="documents reporting the event (GDELT's NumArticles)")
    publishers: int = Field(1, description="distinct publishers reporting it (GDELT's NumSources)")
    sources: list[Source] = Field(default_factory=list, description="one entry per reporting document")
    report_id: str = Field("", description="the id of the report that speaks for the event (its evidence)")
    matched: Evidence | None = Field(default=None,
                                     description="with `search`: the evidence sentence the words were found in")


class MentionOut(Coded):
    """One document's report of an event, as the extraction coded it (its own date, status, mode)."""

    event_id: str | None = Field(description="the real-world event it reports")
    evidence: Evidence
    document: DocumentRef
    matched: Evidence | None = Field(default=None, description="with `search`: the evidence sentence the words were found in")


class EventDetail(EventOut):
    reports: list[MentionOut] = Field(default_factory=list, description="every report of this event")


def _place(r: Row) -> Place | None:
    if r["place_name"] is None and r["place_country"] is None and r["lat"] is None:
        return None
    return Place(name=r["place_name"], country=r["place_country"], lat=r["lat"], lon=r["lon"])


def people_of(r: Row) -> list[EventPerson]:
    """The people of a stored event or report row (its `people` JSON column)."""
    return [EventPerson.model_validate(p) for p in json.loads(r["people"] or "[]")]


def event_out(r: Row, sources: Sequence[Source] = ()) -> EventOut:
    """A `real_events` row joined with DOC_COLS (its representative document) as a result."""
    return EventOut(
        id=r["id"], type=r["type"], mode=r["mode"], cameo=r["cameo"], quad_class=r["quad_class"],
        goldstein=r["goldstein"], actor=json.loads(r["actor"]), recipient=json.loads(r["recipient"]),
        date=r["date"], status=r["status"], place=_place(r), trigger=r["trigger"], people=people_of(r),
        evidence=evidence_of(r), document=doc_ref(r), mentions=r["mentions"], documents=r["documents"],
        publishers=r["publishers"], sources=list(sources), report_id=r["mention_id"])


def mention_out(r: Row) -> MentionOut:
    """An `events` row (one report) joined with DOC_COLS as a result."""
    return MentionOut(
        id=r["id"], event_id=r["real_event_id"], type=r["type"], mode=r["mode"], cameo=r["cameo"],
        quad_class=r["quad_class"], goldstein=r["goldstein"], actor=json.loads(r["actor"]),
        recipient=json.loads(r["recipient"]), date=r["date"], status=r["status"], place=_place(r),
        trigger=r["trigger"], people=people_of(r), evidence=evidence_of(r), document=doc_ref(r))


def event_label(type_: str, actor: Sequence[str], recipient: Sequence[str], status: str) -> str:
    return f"{type_}: {arrow(actor, recipient)}" + (" (planned)" if status == "planned" else "")


def sources_of(store: Store, event_ids: Sequence[str]) -> dict[str, list[Source]]:
    """The reporting documents of each event, earliest published first, one entry per document."""
    out: dict[str, list[Source]] = {i: [] for i in event_ids}
    seen: set[tuple[str, str]] = set()
    for i in range(0, len(event_ids), 500):
        chunk = list(event_ids[i:i + 500])
        sql = (f"SELECT m.real_event_id, m.evidence_text, m.evidence_start, m.evidence_end, {DOC_COLS}"
               f" FROM events m JOIN documents d ON d.id = m.document_id"
               f" WHERE m.real_event_id IN ({placeholders(chunk)}) ORDER BY d.published, d.id, m.id")
        for r in fetch(store, sql, chunk):
            if (r["real_event_id"], r["d_id"]) not in seen:
                seen.add((r["real_event_id"], r["d_id"]))
                out[r["real_event_id"]].append(source_of(r))
    return out


def _with_sources(store: Store, rows: Sequence[Row]) -> list[EventOut]:
    sources = sources_of(store, [r["id"] for r in rows])
    return [event_out(r, sources[r["id"]]) for r in rows]


def events(store: Store, f: EventFilter) -> Page[EventOut]:
    """Real-world events matching the filter, newest first, and how many match in all."""
    plan = Plan(f, store.dialect)
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {plan.id_col} AS k, k.date AS date FROM {plan.from_}"
           f" WHERE {plan.where} ORDER BY {plan.order} LIMIT ? OFFSET ?) page"
           f" JOIN real_events e ON e.id = page.k JOIN documents d ON d.id = e.document_id"
           f" ORDER BY COALESCE(page.date, '') DESC, e.id DESC")
    data = _with_sources(store, fetch(store, sql, [*plan.params, f.limit, f.offset]))
    if f.search and data:
        found = matched_evidence(store, [e.id for e in data], f.search)
        data = [e.model_copy(update={"matched": found.get(e.id)}) for e in data]
    total = f.offset + len(data) if len(data) < f.limit and (data or f.offset == 0) else count_events(store, f)
    return Page[EventOut](data=data, count=total, limit=f.limit, offset=f.offset)


def matched_evidence(store: Store, event_ids: Sequence[str], search: str) -> dict[str, Evidence]:
    """Per event, the evidence span its search words were found in (an event may have several
    reports and a report several spans; the one shown must be one that matched), the report that
    speaks for the event first."""
    sql = (f"SELECT m.real_event_id, ev.text, ev.start, ev.\"end\" FROM events m"
           f" JOIN evidence ev ON ev.kind = 'event' AND ev.item_id = m.id"
           f" JOIN real_events e ON e.id = m.real_event_id"
           f" WHERE m.real_event_id IN ({placeholders(event_ids)}) AND {store.dialect.evidence_row_matches('ev')}"
           f" ORDER BY CASE WHEN m.id = e.mention_id THEN 0 ELSE 1 END, m.id, ev.start")
    out: dict[str, Evidence] = {}
    for r in fetch(store, sql, [*event_ids, store.dialect.search_query(search)]):
        out.setdefault(r["real_event_id"], Evidence(text=r["text"], start=r["start"], end=r["end"]))
    return out


def iter_events(store: Store, f: EventFilter | None = None, *, batch: int = 2000) -> Iterator[EventOut]:
    """Every matching real-world event with its sources, oldest first, without holding them all."""
    f = f or EventFilter()
    plan = Plan(f.without_page(), store.dialect)
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {plan.id_col} AS k FROM {plan.from_} WHERE {plan.where}) page"
           f" JOIN real_events e ON e.id = page.k JOIN documents d ON d.id = e.document_id ORDER BY COALESCE(e.date, ''), e.id")
    rows: list[Row] = []
    for r in store.stream(sql, plan.params, batch):
        rows.append(r)
        if len(rows) >= batch:
            yield from _with_sources(store, rows)
            rows = []
    yield from _with_sources(store, rows)


def iter_mentions(store: Store, *, batch: int = 5000) -> Iterator[MentionOut]:
    """Every report of an event (one row per document and event), by date, for the mentions export."""
    sql = (f"SELECT m.*, {DOC_COLS} FROM events m JOIN documents d ON d.id = m.document_id"
           f" ORDER BY COALESCE(m.date, ''), m.id")
    for r in store.stream(sql, (), batch):
        yield mention_out(r)


def event(store: Store, event_id: str) -> EventDetail | None:
    """One real-world event with its sources and every report of it; the id of a report finds
    the event it belongs to."""
    rows = fetch(store, f"SELECT e.*, {DOC_COLS} FROM real_events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.id = ? OR e.id = (SELECT real_event_id FROM events WHERE id = ?)",
                 [event_id, event_id])
    if not rows:
        return None
    ev = _with_sources(store, rows[:1])[0]
    reports = fetch(store, f"SELECT m.*, {DOC_COLS} FROM events m JOIN documents d ON d.id = m.document_id"
                           " WHERE m.real_event_id = ? ORDER BY d.published, m.id", [ev.id])
    return EventDetail(**ev.model_dump(), reports=[mention_out(r) for r in reports])
