from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from communique import query
from communique.errors import QueryError
from communique.query import EventFilter, PartnershipStep
from communique.query.counts import count_scan
from communique.query.plan import Plan
from communique.store import SQLiteStore
from tests.fixtures_store import NEW_ERA, SEED_TEXT, older_store


def ev(store: SQLiteStore, **kw: Any) -> query.Page[query.EventOut]:
    return query.events(store, EventFilter(**kw))


def test_query_events_country_type_since(query_store: SQLiteStore) -> None:
    page = ev(query_store, country="TJK", type="CONSULT", since="2024-01-01")
    assert page.count == 2  # the talks in Dushanbe, reported by two documents, are one event
    assert [e.date for e in page.data] == ["2025", "2024-07-05"]
    talks = page.data[1]
    assert talks.place and talks.place.name == "Dushanbe"
    assert (talks.documents, talks.publishers, talks.mentions) == (2, 1, 2)  # both on example.org
    assert {s.document.source for s in talks.sources} == {"seed/xi-rahmon-dushanbe.txt",
                                                         "wire/2024-07-05-xi-in-dushanbe.txt"}


def test_query_events_codes_and_types_are_case_insensitive(query_store: SQLiteStore) -> None:
    assert ev(query_store, country="tjk", type="consult").count == 3


def test_query_since_keeps_an_event_whose_period_overlaps(query_store: SQLiteStore) -> None:
    assert [e.date for e in ev(query_store, since="2025-06-01").data] == ["2025"]
    assert [e.date for e in ev(query_store, country="USA", until="2021-12-31").data] == [
        "2021-12-09", "2021-12-09", "2021-12"]


def test_query_events_dyad_status_quad_class(query_store: SQLiteStore) -> None:
    assert ev(query_store, dyad=("TJK", "CHN")).count == 6
    assert [e.type for e in ev(query_store, dyad="CHN,TJK", status="planned").data] == ["CONSULT"]
    assert ev(query_store, quad_class=3).count == 3
    assert ev(query_store, country="RUS", quad_class=4).data[0].type == "SANCTION"


def test_query_events_roles(query_store: SQLiteStore) -> None:
    assert [e.type for e in ev(query_store, actor="RUS").data] == ["REJECT"]
    assert ev(query_store, recipient="RUS").count == 3
    assert ev(query_store, country="USA", recipient="RUS").count == 2


def test_query_events_place_and_search(query_store: SQLiteStore) -> None:
    assert ev(query_store, place="dushanbe").count == 3
    assert ev(query_store, place="UKR").data[0].type == "ACCUSE"
    found = ev(query_store, search="sweeping sanctions")
    assert [e.type for e in found.data] == ["SANCTION"]
    assert found.data[0].actor == ["USA", "IGO:EU"]


def test_query_events_pagination_counts_all(query_store: SQLiteStore) -> None:
    first, second = ev(query_store, limit=5), ev(query_store, limit=5, offset=5)
    assert first.count == second.count == 13  # 14 reports, two of one event
    assert not {e.id for e in first.data} & {e.id for e in second.data}
    assert ev(query_store, offset=100).count == 13


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "2024-13"}, "malformed since"),
    ({"until": "July 2024"}, "malformed until"),
    ({"country": "XYZ"}, "unknown country code"),
    ({"dyad": "CHN"}, "two party codes"),
    ({"limit": -1}, "limit must not be negative"),
    ({"offset": -5}, "offset must not be negative"),
    ({"type": "MEET"}, "unknown event type"),
    ({"quad_class": 5}, "quad_class"),
    ({"status": "rumoured"}, "status"),
    ({"since": "2025", "until": "2024"}, "after until"),
])
def test_query_rejects_bad_parameters(params: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        EventFilter(**params)


def test_query_accepts_kosovo_and_organisations() -> None:
    assert EventFilter(country="XKX", dyad=("IGO:EU", "rus")).dyad == ("IGO:EU", "RUS")


def test_query_counts_per_month(query_store: SQLiteStore) -> None:
    c = query.counts(query_store, EventFilter(country="TJK"))
    assert [(m.month, m.count) for m in c.data] == [("2017-08", 2), ("2024-07", 3)]


def test_query_dyad_timeline(query_store: SQLiteStore) -> None:
    d = query.dyad(query_store, "TJK", "CHN")
    assert d.names == {"CHN": "China", "TJK": "Tajikistan"}
    assert d.partnership and d.partnership.level_normalized == NEW_ERA
    assert (d.partnership.rank, d.partnership.change, d.partnership.date) == (95, "upgraded", "2024-07-05")
    assert [i.date for i in d.data] == sorted(i.date or "" for i in d.data)
    assert d.counts == {"events": 6, "agreements": 2, "partnerships": 2}
    visit = next(i for i in d.data if i.kind == "event" and i.type == "CONSULT" and i.date == "2024-07-05")
    assert len(visit.sources) == 2 and all(s.evidence.text for s in visit.sources)
    assert isinstance(visit, query.TimelineEvent)
    assert [(p.name, p.side) for p in visit.people] == [("Xi Jinping", "actor"), ("Emomali Rahmon", "recipient")]
    assert d.data[-1].kind == "event" and d.data[-1].status == "planned"


def test_query_partnerships_ranked_with_history(query_store: SQLiteStore) -> None:
    pairs = query.partnerships(query_store)
    assert pairs.count == 1
    pair = pairs.data[0]
    assert pair.parties == ["CHN", "TJK"] and pair.current.rank == 95
    assert [s.rank for s in pair.history] == [80, 95]


def test_query_current_level_is_not_lowered_by_a_reaffirmation() -> None:
    def step(date: str, rank: int, change: str) -> PartnershipStep:
        return PartnershipStep(id=date, date=date, label="", parties=["A", "B"], level=str(rank),
                               level_normalized=str(rank), rank=rank, change=change, sources=[])

    steps = [step("2017", 80, "established"), step("2024", 95, "upgraded"), step("2025", 70, "reaffirmed")]
    assert query.current_level(steps) == steps[1]


def test_query_network_splits_cooperation_and_conflict(query_store: SQLiteStore) -> None:
    g = query.network(query_store, query.GraphParams(since="2021"))
    nodes = {n.id: n for n in g.nodes}
    assert nodes["IGO:EU"].kind == "organization"
    edge = next(e for e in g.edges if {e.source, e.target} == {"RUS", "USA"})
    assert (edge.weight, edge.cooperation, edge.conflict) == (2, 0, 2)
    chn_tjk = next(e for e in g.edges if {e.source, e.target} == {"CHN", "TJK"})
    assert chn_tjk.weight == 4  # 2024: CONSULT (two reports), AGREE, SUPPORT; 2025: CONSULT


def test_query_actors_have_roles_over_time(query_store: SQLiteStore) -> None:
    xi = next(a for a in query.actors(query_store).data if a.id == "person:xi-jinping")
    assert (xi.documents, xi.first_seen, xi.last_seen) == (3, "2017-08-31", "2024-07-05")
    assert xi.roles[0].role == "President"


def test_query_document_spans_point_into_the_text(query_store: SQLiteStore) -> None:
    doc_id = ev(query_store, type="SUPPORT", country="TJK").data[0].document.id
    doc = query.document(query_store, doc_id)
    assert doc is not None and doc.text == SEED_TEXT
    assert {s.kind for s in doc.spans} >= {"event", "actor", "agreement", "partnership", "honour"}
    for s in doc.spans:
        assert 0 <= s.start < s.end <= len(doc.text)
    assert len(doc.record.events) == 4
    assert query.document(query_store, "missing") is None


def test_query_search_documents_marks_words(query_store: SQLiteStore) -> None:
    hits = query.search_documents(query_store, "friendship medal")
    assert hits.count == 1
    s, e = hits.data[0].marks[0]
    assert hits.data[0].snippet[s:e] == "Friendship"
    with pytest.raises(QueryError):
        query.search_documents(query_store, '"*"')


def test_query_country_filter_uses_the_party_index(query_store: SQLiteStore) -> None:
    plan = Plan(EventFilter(country="TJK", type="CONSULT", since="2024"))
    rows = query_store.query(f"EXPLAIN QUERY PLAN SELECT count(*) FROM {plan.from_} WHERE {plan.where}",
                             plan.params)
    detail = " ".join(r["detail"] for r in rows)
    assert "event_facets" in detail and "SCAN" not in detail


def test_query_migration_fills_derived_tables_of_an_older_store(tmp_path: Path, query_db: Path) -> None:
    older_store(tmp_path / "old.db", query_db, version=1)
    store = query.open_readonly(str(tmp_path / "old.db"))
    assert store.schema_version >= 2
    assert query.events(store, EventFilter(country="TJK")).count == 6
    assert query.events(store, EventFilter(search="sanctions")).count == 1
    store.close()
    con = sqlite3.connect(tmp_path / "old.db")
    assert con.execute("SELECT count(*) FROM event_dyads WHERE a = 'CHN' AND b = 'TJK'").fetchone()[0] == 6


@pytest.mark.parametrize("country", [None, "TJK", "USA", "RUS"])
@pytest.mark.parametrize("type_", [None, "CONSULT", "ACCUSE"])
def test_query_summary_counts_equal_a_full_scan(query_store: SQLiteStore, country: str | None,
                                               type_: str | None) -> None:
    for since in (None, "2021-12-05", "2021-12", "2024", "2024-07-05", "2024-07-06"):
        for until in (None, "2021-12-10", "2024-07", "2025"):
            if since and until and since[: len(until)] > until:
                continue
            f = EventFilter(country=country, type=type_, since=since, until=until)
            assert query.count_events(query_store, f) == count_scan(query_store, f), (since, until)
            months = query.counts(query_store, f)
            assert months.total == count_scan(query_store, f) - sum(
                1 for e in query.events(query_store, f.model_copy(update={"limit": 1000})).data
                if e.date is None or len(e.date) < 7)


def test_query_derived_tables_follow_deletes(query_db: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copy(query_db, tmp_path / "copy.db")
    store = SQLiteStore(tmp_path / "copy.db")
    before = query.count_events(store, EventFilter(country="RUS"))
    gone = [r[0] for r in store.query("SELECT id FROM documents WHERE source = 'releases/2022-02-24-sanctions.txt'")]
    assert store.delete_documents(gone) == 1
    f = EventFilter(country="RUS")
    assert query.count_events(store, f) == count_scan(store, f) == before - 2
    assert query.events(store, EventFilter(dyad=("USA", "RUS"))).count == 0
    store.close()


def test_query_place_combines_with_parties(query_store: SQLiteStore) -> None:
    assert ev(query_store, place="Dushanbe", dyad="TJK,CHN").count == 3
    assert ev(query_store, place="Dushanbe", country="USA").count == 0
    assert ev(query_store, place="CHN", actor="TJK").data[0].date == "2025"
