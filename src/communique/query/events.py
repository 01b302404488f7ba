"""Events: filtered lists newest first, one event with every report of it, and every event for export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence

from pydantic import Field

from communique.errors import StoreError
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
    source_of,
)
from communique.query.counts import count_events
from communique.query.params import EventFilter, fts_query
from communique.query.plan import Plan
from communique.records import EventPerson, Evidence, Place
from communique.store import SQLiteStore


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
    people: list[EventPerson] = Field(default_factory=list,
                                      description="who acted for the actor and recipient sides, when named")
    evidence: Evidence
    document: DocumentRef
    matched: Evidence | None = Field(default=None, description="with `search`: the evidence sentence the words were found in")


class EventDetail(EventOut):
    reported_by: list[Source] = Field(default_factory=list, description="every document reporting this event")


def event_out(r: Row) -> EventOut:
    place = None
    if r["place_name"] is not None or r["place_country"] is not None or r["lat"] is not None:
        place = Place(name=r["place_name"], country=r["place_country"], lat=r["lat"], lon=r["lon"])
    return EventOut(
        id=r["id"], event_key=r["event_key"], type=r["type"], mode=r["mode"], cameo=r["cameo"],
        quad_class=r["quad_class"], goldstein=r["goldstein"], actor=json.loads(r["actor"]),
        recipient=json.loads(r["recipient"]), date=r["date"], status=r["status"], place=place,
        trigger=r["trigger"], people=people_of(r), evidence=evidence_of(r), document=doc_ref(r))


def people_of(r: Row) -> list[EventPerson]:
    """The people of a stored event row (its `people` JSON column)."""
    return [EventPerson.model_validate(p) for p in json.loads(r["people"] or "[]")]


def event_label(type_: str, actor: Sequence[str], recipient: Sequence[str], status: str) -> str:
    return f"{type_}: {arrow(actor, recipient)}" + (" (planned)" if status == "planned" else "")


def events(store: SQLiteStore, f: EventFilter) -> Page[EventOut]:
    """Events matching the filter, newest first, and how many match in all."""
    plan = Plan(f)
    key = "k.rowid" if plan.driven_by_events else "k.event_id"
    join = "e.rowid = page.k" if plan.driven_by_events else "e.id = page.k"
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {key} AS k, k.date AS date FROM {plan.from_}"
           f" WHERE {plan.where} ORDER BY {plan.order} LIMIT ? OFFSET ?) page"
           f" JOIN events e ON {join} JOIN documents d ON d.id = e.document_id"
           f" ORDER BY page.date DESC, e.id DESC")
    rows = fetch(store, sql, [*plan.params, f.limit, f.offset])
    data = [event_out(r) for r in rows]
    if f.search and data:
        found = matched_evidence(store, [e.id for e in data], f.search)
        data = [e.model_copy(update={"matched": found.get(e.id)}) for e in data]
    total = f.offset + len(data) if len(data) < f.limit and (data or f.offset == 0) else count_events(store, f)
    return Page[EventOut](data=data, count=total, limit=f.limit, offset=f.offset)


def matched_evidence(store: SQLiteStore, event_ids: Sequence[str], search: str) -> dict[str, Evidence]:
    """Per event, the evidence span its search words were found in (an event may have several
    spans; the one shown must be the one that matched)."""
    sql = ("SELECT ev.item_id, ev.text, ev.start, ev.\"end\" FROM evidence_fts JOIN evidence ev"
           " ON ev.rowid = evidence_fts.rowid WHERE evidence_fts MATCH ? AND ev.kind = 'event'"
           f" AND ev.item_id IN ({','.join('?' * len(event_ids))}) ORDER BY ev.start")
    out: dict[str, Evidence] = {}
    for r in fetch(store, sql, [fts_query(search), *event_ids]):
        out.setdefault(r["item_id"], Evidence(text=r["text"], start=r["start"], end=r["end"]))
    return out


def iter_events(store: SQLiteStore, f: EventFilter | None = None, *, batch: int = 5000) -> Iterator[EventOut]:
    """Every matching event, oldest first, without holding them all in memory."""
    f = f or EventFilter()
    plan = Plan(f.without_page())
    key = "k.rowid" if plan.driven_by_events else "k.event_id"
    join = "e.rowid = page.k" if plan.driven_by_events else "e.id = page.k"
    sql = (f"SELECT e.*, {DOC_COLS} FROM (SELECT {key} AS k FROM {plan.from_} WHERE {plan.where}) page"
           f" JOIN events e ON {join} JOIN documents d ON d.id = e.document_id ORDER BY e.date, e.rowid")
    try:
        cur = store.conn.execute(sql, plan.params)
        while rows := cur.fetchmany(batch):
            yield from (event_out(r) for r in rows)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{store.path}: {exc}") from None


def event(store: SQLiteStore, event_id: str) -> EventDetail | None:
    """One stored event, with every document that reports the same real-world event."""
    rows = fetch(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.id = ?", [event_id])
    if not rows:
        return None
    ev = event_out(rows[0])
    same = fetch(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.event_key = ? ORDER BY d.published, e.id", [ev.event_key])
    return EventDetail(**ev.model_dump(), reported_by=[source_of(r) for r in same])
