"""Merging reports into real-world events: the rules on hand-built reports, order independence,
and the store's incremental merging against a one-shot clustering."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique import merge
from communique.merge import Report, cluster, conflict
from communique.records import Actor, DocumentInfo, Event, EventPerson, Evidence, Record, content_hash
from communique.store import SQLiteStore


def rep(id_: str, date: str | None, publisher: str = "whitehouse.gov", *, type_: str = "CONSULT",
        actor: tuple[str, ...] = ("USA", "UKR"), recipient: tuple[str, ...] = (), status: str = "occurred",
        mode: str | None = "phone", published: str | None = None, persons: dict[str, set[str]] | None = None) -> Report:
    return Report(id=id_, document_id="doc-" + id_, publisher=publisher, published=published or date, type=type_,
                  actor=actor, recipient=recipient, date=date, status=status, mode=mode,
                  persons={c: frozenset(s) for c, s in (persons or {}).items()})


def together(*reports: Report) -> bool:
    return len(cluster(reports)) == 1


# one row per trap: (what, reports, one event?)
CASES: list[tuple[str, list[Report], bool]] = [
    ("readouts of one call by two publishers", [rep("a", "2022-01-27"), rep("b", "2022-01-27", "kremlin.ru")], True),
    ("a day's shift across time zones", [rep("a", "2022-01-27"), rep("b", "2022-01-28", "president.gov.ua")], True),
    ("two days apart", [rep("a", "2022-01-27"), rep("b", "2022-01-29", "president.gov.ua")], False),
    ("one publisher's reports on consecutive days",
     [rep("a", "2022-02-24"), rep("b", "2022-02-25")], False),
    ("two publishers of one country, a day apart (no time zone between them)",
     [rep("a", "2022-02-19", "state.gov", mode="meet"), rep("b", "2022-02-20", "bidenwhitehouse.archives.gov",
                                                            mode="meet")], False),
    ("Washington and Kyiv, a day apart", [rep("a", "2022-03-05"), rep("b", "2022-03-06", "president.gov.ua")], True),
    ("actor and recipient swapped in a meeting",
     [rep("a", "2022-02-07", actor=("DEU",), recipient=("USA",), mode="visit"),
      rep("b", "2022-02-07", "state.gov", actor=("USA",), recipient=("DEU",), mode="meet")], True),
    ("aid given and aid received are not one event",
     [rep("a", "2022-06-15", type_="AID", actor=("USA",), recipient=("UKR",), mode=None),
      rep("b", "2022-06-15", "kremlin.ru", type_="AID", actor=("UKR",), recipient=("USA",), mode=None)], False),
    ("a call and an in-person meeting in the same week",
     [rep("a", "2022-03-05", mode="phone"), rep("b", "2022-03-05", "state.gov", mode="visit")], False),
    ("a bilateral and a trilateral on the same day",
     [rep("a", "2021-12-15", actor=("DEU", "UKR")), rep("b", "2021-12-15", actor=("DEU", "FRA", "UKR"))], False),
    ("another type", [rep("a", "2022-01-27"), rep("b", "2022-01-27", "kremlin.ru", type_="AGREE")], False),
    ("the same delegation meeting two counterparts on one day",
     [rep("a", "2021-11-10", persons={"USA": {"sullivan"}, "UKR": {"yermak"}}),
      rep("b", "2021-11-10", "president.gov.ua", persons={"USA": {"blinken"}, "UKR": {"yermak"}})], False),
    ("the same persons named differently by two publishers",
     [rep("a", "2021-11-10", persons={"USA": {"sullivan"}}),
      rep("b", "2021-11-11", "president.gov.ua", persons={"USA": {"sullivan"}, "UKR": {"kuleba"}})], True),
    ("an announced call and the call held as announced",
     [rep("a", "2021-12-30", status="planned", published="2021-12-29"), rep("b", "2021-12-30")], True),
    ("an announcement a publisher dates on its own day is not the event",
     [rep("a", "2022-02-20", status="planned", mode="meet"), rep("b", "2022-02-20", "kremlin.ru", mode="meet")],
     False),
    ("a plan for next year and a meeting that happened that year",
     [rep("a", "2025", status="planned", published="2024-07-05", mode="meet"),
      rep("b", "2025-03-01", mode="meet")], False),
    ("a month date against the one day event of that month",
     [rep("a", "2022-02"), rep("b", "2022-02-07", "state.gov")], True),
    ("a month date against two events of that month stays apart",
     [rep("a", "2022-02"), rep("b", "2022-02-07", "state.gov"), rep("c", "2022-02-20", "state.gov")], False),
    ("undated reports stay apart", [rep("a", None), rep("b", None, "kremlin.ru")], False),
]


@pytest.mark.parametrize(("what", "reports", "one"), CASES, ids=[c[0] for c in CASES])
def test_merge_rules(what: str, reports: list[Report], one: bool) -> None:
    groups = cluster(reports)
    if one:
        assert len(groups) == 1, what
    else:
        assert not any({r.id for r in g} >= {"a", "b"} for g in groups), what


def test_merge_conflict_names_its_reason() -> None:
    assert conflict(rep("a", "2022-02-24"), rep("b", "2022-02-25")) == "one publisher, two days"
    assert conflict(rep("a", "2022-02-24"), rep("b", "2022-02-24", "kremlin.ru")) is None


def test_merge_the_closest_report_wins_a_shift() -> None:
    """Two calls on consecutive days, each reported by its publisher, and a third report dated
    like the second: it joins the report of its own day, never both."""
    a, b, c = rep("a", "2022-02-24"), rep("b", "2022-02-25"), rep("c", "2022-02-25", "president.gov.ua")
    assert sorted(sorted(r.id for r in g) for g in cluster([a, b, c])) == [["a"], ["b", "c"]]


def test_merge_chains_stop_at_one_day() -> None:
    """Reports on three consecutive days from three publishers: no event spans more than a day."""
    reports = [rep("a", "2022-03-01"), rep("b", "2022-03-02", "kremlin.ru"), rep("c", "2022-03-03", "state.gov")]
    for g in cluster(reports):
        days = sorted(r.date or "" for r in g)
        assert merge.parse_day(days[-1]) and merge.parse_day(days[0])
        assert (merge.parse_day(days[-1]) - merge.parse_day(days[0])).days <= 1  # type: ignore[operator]


def test_merge_best_date_prefers_the_text_over_the_stamp() -> None:
    shifted = rep("b", "2021-12-31", "kremlin.ru")  # only the publication day: counts once
    said = rep("c", "2021-12-30", "kremlin.ru", published="2021-12-31")  # "On December 30": counts twice
    assert merge.best_date([rep("a", "2021-12-30"), shifted]) == "2021-12-30"  # a tie goes to the earlier day
    assert merge.best_date([said, rep("d", "2021-12-31", "state.gov")]) == "2021-12-30"


def test_merge_time_zone_of_a_publisher() -> None:
    assert merge.time_zone("state.gov") == merge.time_zone("bidenwhitehouse.archives.gov") == "USA"
    assert (merge.time_zone("en.kremlin.ru"), merge.time_zone("president.gov.ua")) == ("RUS", "UKR")
    assert merge.time_zone("gov.uk") == "GBR" and merge.time_zone("beehive.govt.nz") == "NZL"
    assert merge.time_zone("example.org") == "example.org"
    assert merge.time_zone("/corpus/kremlin/putin.csv") == "/corpus/kremlin/putin.csv"


def test_merge_publisher_and_surname() -> None:
    assert merge.publisher("https://www.president.gov.ua/en/news/x", "a.csv#3") == "president.gov.ua"
    assert merge.publisher(None, "/corpus/kremlin/putin.csv#12") == "/corpus/kremlin/putin.csv"
    assert merge.surname("Joseph R. Biden, Jr.") == merge.surname("person:joe-biden") == "biden"


dates = st.sampled_from(["2022-02-23", "2022-02-24", "2022-02-25", "2022-02-27", "2022-02", "2022", None])
reports = st.lists(st.builds(
    lambda i, d, pub, mode, status, actor, who: rep(
        f"r{i}", d, pub, mode=mode, status=status, actor=actor, published="2022-02-20" if status == "planned" else d,
        persons={"USA": {who}} if who else None),
    st.integers(0, 10_000), dates, st.sampled_from(["whitehouse.gov", "kremlin.ru", "state.gov"]),
    st.sampled_from(["phone", "visit", None]), st.sampled_from(["occurred", "occurred", "planned"]),
    st.sampled_from([("USA", "UKR"), ("UKR", "USA"), ("USA", "RUS")]), st.sampled_from(["", "biden", "blinken"])),
    max_size=14, unique_by=lambda r: r.id)


@given(reports, st.randoms(use_true_random=False))
@settings(max_examples=150, deadline=None)
def test_merge_does_not_depend_on_order(rs: list[Report], rnd: random.Random) -> None:
    shuffled = list(rs)
    rnd.shuffle(shuffled)
    assert cluster(rs) == cluster(shuffled)


@given(reports)
@settings(max_examples=150, deadline=None)
def test_merge_events_hold_no_conflict(rs: list[Report]) -> None:
    for g in cluster(rs):
        days = [r for r in g if r.day]
        assert all(conflict(a, b) is None for i, a in enumerate(days) for b in days[i + 1:])


# ---------------------------------------------------------------- the store merges incrementally


def _doc(i: int, published: str, url: str, events: list[Event], people: list[Actor] | None = None) -> tuple[str, Record]:
    text = f"Report {i}. " + " ".join(e.evidence.text for e in events)
    return text, Record(document=DocumentInfo(id=content_hash(text), source=f"r/{i}.txt", published=published,
                                              url=url), actors=people or [], events=events)


def _event(date: str, actor: list[str], recipient: list[str] | None = None, mode: str = "phone",
           status: str = "occurred", people: list[EventPerson] | None = None, type_: str = "CONSULT") -> Event:
    words = f"{type_} {' '.join(actor)} {date} {mode} {status}"
    return Event(type=type_, mode=mode, actor=actor, recipient=recipient or [], date=date, status=status,
                 people=people or [], evidence=Evidence(text=words, start=0, end=len(words)))


def corpus() -> list[tuple[str, Record]]:
    wh, kr, ua = "https://www.whitehouse.gov/x", "http://en.kremlin.ru/y", "https://www.president.gov.ua/z"
    biden = [EventPerson(id="person:joe-biden", name="Joe Biden", country="USA")]
    return [
        _doc(1, "2021-12-29", wh, [_event("2021-12-30", ["USA", "RUS"], status="planned")]),
        _doc(2, "2021-12-30", wh, [_event("2021-12-30", ["USA", "RUS"])]),
        _doc(3, "2021-12-31", kr, [_event("2021-12-30", ["RUS"], ["USA"], people=biden)]),
        _doc(4, "2022-02-24", wh, [_event("2022-02-24", ["USA", "UKR"])]),
        _doc(5, "2022-02-25", wh, [_event("2022-02-25", ["USA", "UKR"])]),
        _doc(6, "2022-02-26", ua, [_event("2022-02-25", ["UKR"], ["person:joe-biden"])],
             [Actor(id="person:joe-biden", name="Joe Biden", type="person", country="USA")]),
        _doc(7, "2022-02-07", wh, [_event("2022-02-07", ["DEU"], ["USA"], mode="visit")]),
        _doc(8, "2022-02-10", kr, [_event("2022-02", ["USA", "DEU"], mode="meet")]),
    ]


def grouping(store: SQLiteStore) -> set[frozenset[str]]:
    rows = store.query("SELECT e.real_event_id, d.source FROM events e JOIN documents d ON d.id = e.document_id")
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r[0], set()).add(r[1])
    return {frozenset(v) for v in out.values()}


def test_store_merges_reports_into_real_events(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.write_batch(corpus())
    assert grouping(store) == {frozenset({"r/1.txt", "r/2.txt", "r/3.txt"}), frozenset({"r/4.txt"}),
                               frozenset({"r/5.txt", "r/6.txt"}), frozenset({"r/7.txt", "r/8.txt"})}
    call = store.query("SELECT * FROM real_events WHERE date = '2021-12-30'")[0]
    assert (call["status"], call["documents"], call["publishers"]) == ("occurred", 3, 2)
    kyiv = store.query("SELECT actor, recipient FROM real_events WHERE date = '2022-02-25'")[0]
    assert set(json.loads(kyiv["actor"])) | set(json.loads(kyiv["recipient"])) == {"UKR", "USA"}  # Biden is the USA
    assert store.stats()["events"] == 4 and store.stats()["event_mentions"] == 8


@pytest.mark.parametrize("seed", range(6))
def test_store_merging_does_not_depend_on_ingest_order(tmp_path: Path, seed: int) -> None:
    docs = corpus()
    one = SQLiteStore(tmp_path / "one.db")
    one.write_batch(docs)
    rnd = random.Random(seed)
    rnd.shuffle(docs)
    other = SQLiteStore(tmp_path / "other.db")
    cut = sorted(rnd.sample(range(1, len(docs)), 3))
    for batch in (docs[a:b] for a, b in zip([0, *cut], [*cut, len(docs)], strict=True)):
        other.write_batch(batch)

    def table(s: SQLiteStore, sql: str) -> list[Any]:
        return [tuple(r) for r in s.query(sql)]

    for sql in ("SELECT * FROM real_events ORDER BY id", "SELECT * FROM event_facets ORDER BY party, date, event_id",
                "SELECT * FROM event_dyads ORDER BY a, b, date, event_id",
                "SELECT party, month, type, quad_class, status, n FROM event_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5",
                "SELECT id, real_event_id FROM events ORDER BY id"):
        assert table(one, sql) == table(other, sql), sql
