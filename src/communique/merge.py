"""Which reports tell of one real-world event: the rules that merge event mentions.

A *report* is one document's mention of an event (a row of the store's `events` table). The White
House and the Kremlin each report the same call; a readout and a later press conference report the
same meeting. Honest reports of one event differ, and look-alikes differ too; the rules below say
which differences are which. Each rule that keeps two reports apart names its reason
(`conflict`), so a wrong split can be traced to its rule.

Kept apart (a conflict):
- another event type, or another set of parties (a person counts as their country): a bilateral
  and a trilateral on the same day are two meetings;
- for a directed type (AID, ACCUSE, SANCTION ...), roles reversed;
- day dates more than one day apart: a time zone or "yesterday" shifts a date by one day at most;
- the same time zone, different days: a publisher dates its reports in its own time zone, and the
  publishers of one country in one (a country's government publishes from its capital), so two
  such reports a day apart are two events (the same pair's calls on consecutive days), while a
  day's shift between Washington and Kyiv or Moscow is one event seen from two time zones. The
  country of a publisher comes from its host: `.gov` is the United States, a country-code domain
  its country; any other publisher is a time zone of its own;
- a call against an in-person meeting (mode phone or video against visit, meet or host);
- persons named for the same country who share no surname (Sullivan's meeting and Blinken's
  meeting with the same Ukrainian delegation, on the same day);
- a planned event against one that occurred, unless the plan names its day (a day date after its
  own publication): an announced call merges with the call held as announced; a meeting
  "accepted in principle", dated by its announcement, or planned for "next year", merges with
  nothing that happened.

Merged: reports of one type and party set whose day dates are at most one day apart and that
conflict with no report already in the event; the closest pairs merge first (the same day before
a day's shift, the same mode and the same persons before the rest). A report dated only to a month
or year joins the one event of its period it does not conflict with; when there are several it
stays apart, as guessing would merge it with the wrong one.

The clustering is a function of the set of reports of one type and party set (`cluster` sorts
everything it looks at), so the store recomputes a group on every insert and the result does not
depend on the order in which documents were ingested.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property, lru_cache
from urllib.parse import urlsplit

import pycountry

#: types whose roles are interchangeable: "A met B" and "B met A" report one meeting
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: how the parties met, by PLOVER mode; modes not listed say nothing about it
CHANNELS = {"phone": "remote", "video": "remote", "videoconference": "remote", "call": "remote",
            "visit": "in person", "meet": "in person", "host": "in person", "summit": "in person"}
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
MAX_DAY_SHIFT = 1


def publisher(url: str | None, source: str) -> str:
    """Who published a document: the host of its URL without `www.`, else the file it came from
    (a CSV or JSON Lines file is one publisher's feed; a folder of files is one publisher)."""
    if url:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        if host:
            return host
    path = source.split("#", 1)[0].replace("\\", "/")
    return path.rsplit("/", 1)[0] if path.endswith((".md", ".txt", ".html", ".htm")) else path


@lru_cache(maxsize=4096)
def time_zone(publisher: str) -> str:
    """The time zone a publisher dates its reports in, as the country of its host: `.gov` and
    `.mil` are the United States, a country-code domain (`.ua`, `.ru`, `.nz`) its country; any
    other publisher (a `.org`, a file without a URL) is a zone of its own."""
    host = publisher.lower()
    if "/" in host or "." not in host:
        return publisher
    tld = host.rsplit(".", 1)[-1]
    if tld in ("gov", "mil"):
        return "USA"
    if len(tld) == 2:
        country = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
        if country is not None:
            return str(country.alpha_3)
    return publisher


def surname(person: str) -> str:
    """The family name a person is matched on across publishers ("Jake Sullivan" and "Jacob
    Sullivan", "Joe Biden" and "Joseph R. Biden, Jr."): the last word of the name, suffixes dropped."""
    words = [w for w in re.split(r"[^a-z0-9]+", person.lower().removeprefix("person:")) if w]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def group_key(type_: str, parties: Iterable[str]) -> str:
    """Reports that may be of one event share this key: the type and the set of parties."""
    return hashlib.sha1(json.dumps([type_, sorted(set(parties))]).encode()).hexdigest()[:20]


def parse_day(value: str) -> Date | None:
    try:
        return Date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def period(value: str) -> tuple[str, str]:
    """The first and last day a date of any precision covers, as ISO strings."""
    if len(value) == 4:
        return value + "-01-01", value + "-12-31"
    if len(value) == 7:
        return value + "-01", value + "-31"  # string comparison only: day 31 ends every month
    return value, value


@dataclass(frozen=True)
class Report:
    """One document's report of an event, with what merging needs to know about it."""

    id: str
    document_id: str
    publisher: str
    published: str | None
    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None
    status: str = "occurred"
    mode: str | None = None
    #: surnames of the persons named for each country (Event.people and persons in the evidence)
    persons: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def parties(self) -> frozenset[str]:
        return frozenset(self.actor) | frozenset(self.recipient)

    @cached_property
    def day(self) -> Date | None:
        return parse_day(self.date) if self.date else None

    @cached_property
    def channel(self) -> str | None:
        return CHANNELS.get(self.mode or "")

    @property
    def names_its_day(self) -> bool:
        """A planned report that gives the day the event is planned for: a day date after the
        report's own publication. A plan dated on (or before) its publication day carries the
        announcement's date, not the event's."""
        return self.day is not None and self.published is not None and self.date is not None \
            and self.date > self.published[:10]


def conflict(a: Report, b: Report) -> str | None:
    """Why two reports cannot be of one event, or None when they can."""
    if a.type != b.type or a.parties != b.parties:
        return "another type or another set of parties"
    if a.type not in SYMMETRIC_TYPES and a.recipient and b.recipient and not set(a.actor) & set(b.actor):
        return "roles reversed"
    if a.date is None or b.date is None:
        return "undated"
    da, db = a.day, b.day
    if da is not None and db is not None:
        if abs((da - db).days) > MAX_DAY_SHIFT:
            return "more than a day apart"
        if da != db and time_zone(a.publisher) == time_zone(b.publisher):
            return "one publisher, two days" if a.publisher == b.publisher else "one time zone, two days"
    else:
        (a0, a1), (b0, b1) = period(a.date), period(b.date)
        if a1 < b0 or b1 < a0:
            return "different periods"
    if a.channel and b.channel and a.channel != b.channel:
        return "a call and an in-person meeting"
    for country in a.persons.keys() & b.persons.keys():
        if a.persons[country] and b.persons[country] and not a.persons[country] & b.persons[country]:
            return f"other persons for {country}"
    if a.status != b.status:
        plan = a if a.status == "planned" else b
        if not plan.names_its_day:
            return "a plan that does not name its day"
    return None


def affinity(a: Report, b: Report) -> float:
    """How alike two reports that do not conflict are: pairs merge from the most alike down."""
    da, db = a.day, b.day
    score = (4.0 if da == db else 2.0) if da is not None and db is not None else 1.0
    if a.channel and a.channel == b.channel:
        score += 1
    if any(a.persons[c] & b.persons[c] for c in a.persons.keys() & b.persons.keys()):
        score += 1
    if a.status == b.status:
        score += 0.5
    return score


class _Clusters:
    """Union of clusters with a complete-link check: two clusters join only if no report of one
    conflicts with a report of the other."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.of = {r.id: i for i, r in enumerate(reports)}
        self.members: dict[int, list[Report]] = {i: [r] for i, r in enumerate(reports)}

    def join(self, a: Report, b: Report) -> bool:
        ca, cb = self.of[a.id], self.of[b.id]
        if ca == cb or any(conflict(x, y) for x in self.members[ca] for y in self.members[cb]):
            return False
        keep, gone = min(ca, cb), max(ca, cb)
        for r in self.members.pop(gone):
            self.of[r.id] = keep
            self.members[keep].append(r)
        return True

    def move(self, r: Report, into: int) -> None:
        """Move a report that is still alone in its cluster into another cluster."""
        own = self.of[r.id]
        assert self.members[own] == [r]
        del self.members[own]
        self.of[r.id] = into
        self.members[into].append(r)


def _greedy(clusters: _Clusters, reports: Sequence[Report], window: int | None) -> None:
    """Join the pairs of `reports` that do not conflict, most alike first (ties by id)."""
    pairs: list[tuple[float, str, str, Report, Report]] = []
    for i, a in enumerate(reports):
        for b in reports[i + 1:]:
            if window is not None and a.day and b.day and (b.day - a.day).days > window:
                break
            if conflict(a, b) is None:
                x, y = (a, b) if a.id < b.id else (b, a)
                pairs.append((-affinity(a, b), x.id, y.id, x, y))
    pairs.sort(key=lambda p: p[:3])
    for _s, _x, _y, a, b in pairs:
        clusters.join(a, b)


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """The real-world events among the reports: lists of reports, each sorted by id, the lists
    sorted by their first id. Deterministic: the same set of reports gives the same events in
    any order."""
    uniq = sorted({r.id: r for r in reports}.values(), key=lambda r: r.id)
    by_day = sorted((r for r in uniq if r.day is not None), key=lambda r: (r.date or "", r.id))
    coarse = [r for r in uniq if r.date and r.day is None]
    clusters = _Clusters(uniq)
    _greedy(clusters, by_day, MAX_DAY_SHIFT)
    day_events = sorted({clusters.of[r.id] for r in by_day})
    spans = {c: (min(m.date or "" for m in clusters.members[c]), max(m.date or "" for m in clusters.members[c]))
             for c in day_events}
    leftover = []
    for r in coarse:  # a month or year report joins the only day event of its period that fits it
        first, last = period(r.date or "")
        fits = [c for c in day_events if spans[c][1] >= first and spans[c][0] <= last
                and all(conflict(r, m) is None for m in clusters.members[c])]
        if len(fits) == 1:
            clusters.move(r, fits[0])
        else:
            leftover.append(r)
    _greedy(clusters, leftover, None)  # the rest merge among themselves: same period, no conflict
    # each undated report stays an event of its own
    out = [sorted(ms, key=lambda r: r.id) for ms in clusters.members.values()]
    return sorted(out, key=lambda ms: ms[0].id)


def event_id(group: str, members: Sequence[Report]) -> str:
    """A real-world event's id: its group and its first report, so the same reports give the same id."""
    return hashlib.sha1(f"{group}:{min(r.id for r in members)}".encode()).hexdigest()[:20]


def best_date(members: Sequence[Report]) -> str | None:
    """The date of an event from its reports' dates: reports that occurred count before plans; a
    day date differing from its report's publication day (read from the text) counts twice one
    equal to it (perhaps only the publication day); the finest precision wins, then the most
    votes, then the earlier day (a shift comes from reporting later, not earlier)."""
    pool = [r for r in members if r.status == "occurred" and r.date] or [r for r in members if r.date]
    if not pool:
        return None
    votes: Counter[str] = Counter()
    for r in pool:
        assert r.date is not None
        votes[r.date] += 1 if r.published and r.date == r.published[:10] else 2
    return min(votes, key=lambda d: (-len(d), -votes[d], d))


def representative(members: Sequence[Report], date: str | None) -> Report:
    """The report that speaks for the event: one that occurred on the event's date, earliest
    published first (a plan only when nothing occurred)."""
    return min(members, key=lambda r: (r.status != "occurred", r.date != date, r.published or "9999", r.id))
