"""Documents: one document with its record and every highlighted span, and full-text search."""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field

from communique.errors import QueryError
from communique.query.common import DOC_COLS, DocumentRef, Out, Page, Row, arrow, doc_ref, fetch, names
from communique.query.events import event_label, mention_out
from communique.query.params import MAX_TEXT, PageParams
from communique.query.partnerships import partnership_label
from communique.records import Record
from communique.sentences import event_sentence
from communique.store import Store


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


def _coding_event(r: Row) -> str:
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


def fact_label(kind: str, p: dict[str, Any]) -> str:
    """What a fact is about, for a list of a document's items: the topic of a cooperation, the
    honour and who received it, what an invitation is to, who attended."""
    def parties(key: str) -> str:
        return ", ".join(p.get(key) or [])

    if kind == "cooperation":
        return f"cooperation on {p.get('area') or p.get('keyword') or 'an area'}" + (
            f" ({parties('parties')})" if p.get("parties") else "")
    if kind == "honour":
        to = p.get("recipient") or p.get("recipient_country")
        return f"honour: {p.get('name') or 'an honour'}" + (f" to {to}" if to else "") + (
            f" (by {p['conferred_by']})" if p.get("conferred_by") else "")
    if kind == "invitation":
        return f"invitation: {parties('inviter')} invites {parties('invitee')} to {p.get('what') or 'visit'}"
    if kind == "attendee":
        return f"attendee: {p.get('name')}" + (f" ({p['country']})" if p.get("country") else "")
    return kind


def _spans(store: Store, doc_id: str) -> list[Span]:
    """Every evidence span and actor mention in a document, with a label and the full coding."""
    items: dict[tuple[str, str], tuple[str, str]] = {}
    rows = fetch(store, f"SELECT e.*, {DOC_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE e.document_id = ?", [doc_id])
    events = [mention_out(r) for r in rows]
    nm = names(store, {c for e in events for c in (*e.actor, *e.recipient)})
    for r, e in zip(rows, events, strict=True):
        items["event", r["id"]] = (event_sentence(e, nm) + f" ({event_label(e.type, e.actor, e.recipient, e.status)})",
                                   _coding_event(r))
    for r in fetch(store, "SELECT * FROM agreements WHERE document_id = ?", [doc_id]):
        parties = ", ".join(json.loads(r["parties"]))
        items["agreement", r["id"]] = (f"agreement: {r['title']}",
                                       f"{r['title']} · {r['kind'] or 'agreement'} · {parties} · {r['date'] or 'undated'}")
    for r in fetch(store, "SELECT * FROM partnerships WHERE document_id = ?", [doc_id]):
        parties = ", ".join(json.loads(r["parties"]))
        items["partnership", r["id"]] = (
            f"partnership {partnership_label(r['change'], r['level_normalized'], r['rank'])}",
            f"{r['change']} · {r['level_normalized']} (as written: {r['level']}) · rank {r['rank']} · {parties}"
            f" · {r['date'] or 'undated'}")
    for r in fetch(store, "SELECT * FROM facts WHERE document_id = ?", [doc_id]):
        payload = json.loads(r["payload"])
        summary = " · ".join(f"{k}: {v}" for k, v in payload.items() if k != "evidence" and v not in (None, [], ""))
        items[r["kind"], r["id"]] = (fact_label(r["kind"], payload), summary)
    spans = []
    for r in fetch(store, 'SELECT kind, item_id, start, "end" FROM evidence WHERE document_id = ?', [doc_id]):
        label, coding = items.get((r["kind"], r["item_id"]), (r["kind"], r["kind"]))
        spans.append(Span(kind=r["kind"], item_id=r["item_id"], start=r["start"], end=r["end"], label=label,
                          coding=coding))
    sql = ('SELECT m.actor_id, m.start, m."end", m.role, m.country, m.resolution, a.name, a.type FROM mentions m'
           " JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ?")
    for r in fetch(store, sql, [doc_id]):
        coding = " · ".join(x for x in (r["name"], r["type"], r["country"], r["role"], r["resolution"]) if x)
        spans.append(Span(kind="actor", item_id=r["actor_id"], start=r["start"], end=r["end"],
                          label=f"{r['name']} ({r['actor_id']})", coding=coding))
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return spans


def document(store: Store, doc_id: str) -> DocumentOut | None:
    """A stored document: its text, the full extraction record and every highlighted span."""
    rows = fetch(store, "SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    r = rows[0]
    return DocumentOut(id=r["id"], source=r["source"], url=r["url"], title=r["title"], published=r["published"],
                       format=r["format"], ingested_at=r["ingested_at"], text=r["text"],
                       record=Record.model_validate_json(r["record"]), spans=_spans(store, doc_id))


def search_documents(store: Store, q: str, limit: int = 20, offset: int = 0) -> Page[DocumentHit]:
    """Documents whose title or text has every word of `q`, best match first, with a snippet."""
    page = PageParams(limit=limit, offset=offset)
    if len(q) > MAX_TEXT:
        raise QueryError(f"search is too long ({len(q):,} characters; at most {MAX_TEXT})")
    match = store.dialect.search_query(q)
    total = int(fetch(store, store.dialect.documents_count, [match])[0][0])
    sql = store.dialect.documents_page.format(cols=DOC_COLS)
    data = []
    for r in fetch(store, sql, [match, page.limit, page.offset]):
        snippet, marks = _unmark(r["snip"] or "")
        data.append(DocumentHit(document=doc_ref(r), snippet=snippet, marks=marks))
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
