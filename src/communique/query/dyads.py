"""Dyads: the timeline of two parties (events, agreements, partnership steps) and the busiest pairs."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Field

from communique.query.common import DOC_COLS, Out, Source, fetch, names, placeholders, source_of
from communique.query.events import event_label, event_out, sources_of
from communique.query.params import EventFilter, PageParams
from communique.query.partnerships import PartnershipStep, current_level, items_of, partnership_steps
from communique.records import EventPerson, Place
from communique.store import Store


class TimelineEvent(Out):
    kind: Literal["event"] = "event"
    id: str = Field(description="the real-world event's id (as in /api/events)")
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
    people: list[EventPerson] = Field(default_factory=list, description="who acted for the parties, when named")
    mentions: int = 1
    documents: int = 1
    publishers: int = 1
    event_ids: list[str] = Field(description="the ids of its reports, one per document")
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


TimelineItem = Annotated[TimelineEvent | TimelineAgreement | PartnershipStep, Field(discriminator="kind")]


class Dyad(Out):
    a: str
    b: str
    names: dict[str, str]
    partnership: PartnershipStep | None = Field(description="the pair's current partnership level")
    counts: dict[str, int] = Field(description="events (real-world, all of them), agreements, partnership steps")
    data: list[TimelineItem] = Field(description="the timeline, oldest first")
    count: int = Field(description="items in the whole timeline; data holds the most recent `limit` events")


class DyadSummary(Out):
    a: str
    b: str
    names: list[str]
    events: int
    agreements: int
    partnerships: int
    items: int


def _agreements(store: Store, ids: Sequence[str]) -> list[TimelineAgreement]:
    if not ids:
        return []
    rows = fetch(store, f"SELECT a.*, {DOC_COLS} FROM agreements a JOIN documents d ON d.id = a.document_id"
                        f" WHERE a.id IN ({placeholders(ids)}) ORDER BY COALESCE(a.date, ''), d.published", list(ids))
    groups: dict[tuple[Any, ...], TimelineAgreement] = {}
    for r in rows:
        parties = sorted(json.loads(r["parties"]))
        key = (tuple(parties), " ".join(r["title"].lower().split()), r["date"])
        if key in groups:
            groups[key].sources.append(source_of(r))
        else:
            groups[key] = TimelineAgreement(id=r["id"], date=r["date"], label=r["title"], title=r["title"],
                                            agreement_kind=r["kind"], parties=parties, count=r["count"],
                                            sources=[source_of(r)])
    return list(groups.values())


def dyad(store: Store, a: str, b: str, limit: int = 100) -> Dyad:
    """The timeline of two parties: events, agreements and partnership steps, each with its sources.

    Events are real-world events (however many documents report them); the timeline holds the
    `limit` most recent of them and every agreement and partnership step."""
    f = EventFilter(dyad=(a, b), limit=limit)
    assert f.dyad is not None
    x, y = sorted(f.dyad)
    keys = [r[0] for r in fetch(store, "SELECT event_id FROM event_dyads WHERE a = ? AND b = ?"
                                       " ORDER BY date DESC, event_id LIMIT ?", [x, y, f.limit])]
    n_events = len(keys) if len(keys) < f.limit else int(fetch(
        store, "SELECT count(*) FROM event_dyads WHERE a = ? AND b = ?", [x, y])[0][0])
    timeline: list[TimelineEvent | TimelineAgreement | PartnershipStep] = []
    if keys:
        rows = fetch(store, f"SELECT e.*, {DOC_COLS} FROM real_events e JOIN documents d ON d.id = e.document_id"
                            f" WHERE e.id IN ({placeholders(keys)})", keys)
        reports = defaultdict(list)
        for r in fetch(store, f"SELECT id, real_event_id FROM events WHERE real_event_id IN ({placeholders(keys)})"
                              " ORDER BY id", keys):
            reports[r["real_event_id"]].append(r["id"])
        sources = sources_of(store, keys)
        for r in rows:
            ev = event_out(r)
            timeline.append(TimelineEvent(
                id=ev.id, date=ev.date, label=event_label(ev.type, ev.actor, ev.recipient, ev.status),
                type=ev.type, status=ev.status, actor=ev.actor, recipient=ev.recipient, cameo=ev.cameo,
                quad_class=ev.quad_class, goldstein=ev.goldstein, place=ev.place, people=ev.people,
                mentions=ev.mentions, documents=ev.documents, publishers=ev.publishers,
                event_ids=reports[ev.id], sources=sources[ev.id]))
    agreements = _agreements(store, items_of(store, "agreement", (x, y)))
    steps = partnership_steps(store, items_of(store, "partnership", (x, y)))
    timeline.extend(agreements)
    timeline.extend(steps)
    rank = {"partnership": 0, "agreement": 1, "event": 2}
    timeline.sort(key=lambda i: (i.date or "9999", rank[i.kind], i.label))
    codes = {x, y} | {c for i in timeline for c in (i.parties if not isinstance(i, TimelineEvent)
                                                     else [*i.actor, *i.recipient])}
    return Dyad(a=f.dyad[0], b=f.dyad[1], names=names(store, codes), partnership=current_level(steps),
                counts={"events": n_events, "agreements": len(agreements), "partnerships": len(steps)},
                data=timeline, count=n_events + len(agreements) + len(steps))


def relationships(store: Store, limit: int = 10) -> list[DyadSummary]:
    """The pairs with the most items (real-world events, agreements, partnership steps), most first."""
    page = PageParams(limit=limit)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    sql = ("SELECT a, b, count(DISTINCT event_key) AS n FROM event_dyads GROUP BY a, b"
           " ORDER BY n DESC LIMIT ?")
    for r in fetch(store, sql, [page.limit * 3 + 20]):
        tally[r["a"], r["b"]][0] = r["n"]
    for col, kind in ((1, "agreement"), (2, "partnership")):
        sql = ("SELECT x.party AS a, y.party AS b, count(*) AS n FROM item_parties x JOIN item_parties y"
               " ON y.kind = x.kind AND y.item_id = x.item_id AND x.party < y.party WHERE x.kind = ?"
               " GROUP BY x.party, y.party")
        for r in fetch(store, sql, [kind]):
            tally[r["a"], r["b"]][col] = r["n"]
    top = sorted(tally.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:page.limit]
    nm = names(store, {c for (a, b), _ in top for c in (a, b)})
    return [DyadSummary(a=a, b=b, names=[nm[a], nm[b]], events=n[0], agreements=n[1], partnerships=n[2],
                        items=sum(n)) for (a, b), n in top]
