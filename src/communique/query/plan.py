"""The SQL of an event filter: which table drives the scan and the WHERE that selects events."""

from __future__ import annotations

from typing import Any

from communique.query.common import since_clause, until_clause
from communique.query.params import EventFilter, fts_query
from communique.query.reference import country_codes, country_of_name


class Plan:
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
            code = f.place.upper() if f.place.upper() in country_codes() else country_of_name(f.place)
            place = (("place_country", code, "events_place_country") if code
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
            where.append(since_clause("k.date", f.since, p))
        if f.until:
            where.append(until_clause("k.date", f.until, p))
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
