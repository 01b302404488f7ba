"""The SQL of an event filter: which table drives the scan and the WHERE that selects real-world events."""

from __future__ import annotations

from typing import Any

from communique.query.common import since_clause, until_clause
from communique.query.params import EventFilter
from communique.query.reference import country_codes, country_of_name
from communique.store.dialect import Dialect, SQLiteDialect


class Plan:
    """FROM and WHERE for an event filter, with the driving table aliased `k`.

    `k` has the columns date, type, quad_class, status, and `id_col` names the real event's id.
    With a place it is `real_events`, through the place index (a place is rarer than a party or a
    pair, which are then checked per event); with a dyad `event_dyads`, with a party
    `event_facets` (both: date '' when undated); else `real_events`."""

    def __init__(self, f: EventFilter, dialect: Dialect | None = None) -> None:
        sql = dialect or SQLiteDialect()
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
            place = (("place_country", code, "real_events_place_country") if code
                     else ("place_name", f.place, "real_events_place_name"))
        if place:
            self.source = "real_events k" + sql.indexed_by(place[2])
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
            self.source = "real_events k"
        self.driven_by_events = self.source.startswith("real_events k")
        self.id_col = "k.id" if self.driven_by_events else "k.event_id"
        for code, role in parties:
            where.append(f"EXISTS (SELECT 1 FROM real_event_parties p WHERE p.event_id = {self.id_col}"
                         " AND p.party = ?" + (" AND p.role = ?)" if role else ")"))
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
        if place:
            where.append(sql.equals_nocase(f"k.{place[0]}") if place[0] == "place_name" else f"k.{place[0]} = ?")
            p.append(place[1])
        if f.search:  # any report of the event has every word in its evidence
            where.append(f"{self.id_col} IN (SELECT m.real_event_id FROM events m"
                         f" WHERE m.id IN ({sql.evidence_match}))")
            p.append(sql.search_query(f.search))
        self.where = " AND ".join(where) or "1 = 1"

    @property
    def from_(self) -> str:
        return self.source

    @property
    def order(self) -> str:
        """Newest first, undated last on both backends (SQLite sorts NULL lowest, PostgreSQL
        highest); the derived tables store undated as '' and need no NULLS clause."""
        if self.driven_by_events:
            return "k.date DESC NULLS LAST, k.id DESC"
        return f"k.date DESC, {self.id_col} DESC"
