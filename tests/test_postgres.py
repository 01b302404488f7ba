"""The PostgreSQL store against a real PostgreSQL 15 server the tests start on loopback: the same
schema, the same answers as SQLite, re-runs that store nothing, concurrent ingests that neither
double nor lose a document, and a read-only `serve`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique import query
from communique.api import create_app
from communique.errors import StoreError
from communique.export import export
from communique.store import BaseStore, SQLiteStore, open_store
from communique.store.postgres import PostgresStore
from tests.fixtures_store import records
from tests.helpers import DEMO, SEED

QUERIES: list[dict[str, Any]] = [
    {}, {"country": "TJK"}, {"country": "TJK", "type": "CONSULT", "since": "2024-01-01"}, {"dyad": "CHN,TJK"},
    {"actor": "RUS"}, {"recipient": "RUS"}, {"quad_class": 3}, {"status": "planned"}, {"place": "dushanbe"},
    {"place": "UKR"}, {"search": "sweeping sanctions"}, {"search": "talk*"}, {"since": "2021-12", "until": "2022"},
    {"limit": 3, "offset": 2}, {"country": "USA", "until": "2021-12-31"},
]


def both(tmp_path: Path, pg_url: str) -> tuple[BaseStore, BaseStore]:
    lite, pg = SQLiteStore(tmp_path / "s.db"), open_store(pg_url)
    for store in (lite, pg):
        store.write_batch(records())
    return lite, pg


def dump(x: Any) -> Any:
    return json.loads(x.model_dump_json()) if hasattr(x, "model_dump_json") else [dump(i) for i in x]


def test_postgres_schema_version_matches_sqlite(pg_url: str, tmp_path: Path) -> None:
    pg = open_store(pg_url)
    assert isinstance(pg, PostgresStore) and pg.backend == "postgresql"
    assert pg.schema_version == PostgresStore.latest_version() == SQLiteStore(tmp_path / "x.db").schema_version
    pg.close()
    assert open_store(pg_url).schema_version == PostgresStore.latest_version()  # reopening applies nothing


def test_postgres_queries_answer_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    lite, pg = both(tmp_path, pg_url)
    assert lite.stats() == pg.stats()
    for params in QUERIES:
        f = query.EventFilter(**params)
        assert dump(query.events(lite, f)) == dump(query.events(pg, f)), params
        assert dump(query.counts(lite, f)) == dump(query.counts(pg, f)), params
        assert query.count_events(lite, f) == query.count_events(pg, f), params
    for a, b in (("CHN", "TJK"), ("USA", "RUS"), ("UKR", "RUS")):
        assert dump(query.dyad(lite, a, b)) == dump(query.dyad(pg, a, b))
    assert dump(query.network(lite)) == dump(query.network(pg))
    assert dump(query.partnerships(lite)) == dump(query.partnerships(pg))
    assert dump(query.relationships(lite)) == dump(query.relationships(pg))
    assert dump(query.actors(lite, query.ActorFilter(q="rahmon"))) == dump(query.actors(pg, query.ActorFilter(q="rahmon")))
    one = query.events(lite, query.EventFilter(limit=1)).data[0]
    assert dump(query.event(lite, one.id)) == dump(query.event(pg, one.id))
    doc = query.document(pg, one.document.id)
    assert doc is not None and doc.spans == query.document(lite, one.document.id).spans  # type: ignore[union-attr]
    hits = query.search_documents(pg, "friendship medal")
    assert hits.count == query.search_documents(lite, "friendship medal").count == 1
    s, e = hits.data[0].marks[0]
    assert hits.data[0].snippet[s:e].lower() == "friendship"


def test_postgres_exports_equal_sqlite(pg_url: str, tmp_path: Path) -> None:
    lite, pg = both(tmp_path, pg_url)
    for fmt in ("jsonl", "mentions", "csv", "plover"):
        export(lite, fmt, tmp_path / f"lite.{fmt}")
        export(pg, fmt, tmp_path / f"pg.{fmt}")
        assert (tmp_path / f"lite.{fmt}").read_text() == (tmp_path / f"pg.{fmt}").read_text(), fmt
    export(lite, "gdelt", tmp_path / "lite.tsv")
    export(pg, "gdelt", tmp_path / "pg.tsv")

    def no_dateadded(path: Path) -> list[list[str]]:
        rows = [line.split("\t") for line in path.read_text().splitlines()]
        return [r[:-2] + r[-1:] for r in rows]  # DATEADDED is the time of ingest

    assert no_dateadded(tmp_path / "lite.tsv") == no_dateadded(tmp_path / "pg.tsv")


def test_postgres_undated_events_list_last_on_both(pg_url: str, tmp_path: Path) -> None:
    from communique.records import DocumentInfo, Event, Evidence, Record, content_hash

    text = "Tajikistan will host a summit with China. Russia and Ukraine will talk."
    rec = Record(document=DocumentInfo(id=content_hash(text), source="undated.txt"), events=[
        Event(type="CONSULT", actor=["TJK"], recipient=["CHN"], status="planned",
              evidence=Evidence(text=text[:41], start=0, end=41)),
        Event(type="CONSULT", actor=["RUS", "UKR"], status="planned", evidence=Evidence(text=text[42:], start=42,
                                                                                        end=len(text)))])
    lite, pg = both(tmp_path, pg_url)
    for store in (lite, pg):
        store.write_batch([(text, rec)])
    for params in ({}, {"country": "TJK"}, {"status": "planned"}, {"limit": 5, "offset": 10}):
        f = query.EventFilter(**params)
        assert dump(query.events(lite, f)) == dump(query.events(pg, f)), params
    assert query.events(pg, query.EventFilter(limit=100)).data[-1].date is None


def test_postgres_delete_and_merge_follow(pg_url: str, tmp_path: Path) -> None:
    lite, pg = both(tmp_path, pg_url)
    for store in (lite, pg):
        gone = [r[0] for r in store.query("SELECT id FROM documents WHERE source LIKE 'wire/%'")]
        assert store.delete_documents(gone) == 1
    f = query.EventFilter(dyad="CHN,TJK")
    assert dump(query.events(lite, f)) == dump(query.events(pg, f))
    assert lite.stats() == pg.stats()


def communique(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def inputs() -> list[str]:
    return [str(SEED), str(DEMO)]


def test_postgres_ingest_stats_and_api_equal_sqlite(pg_url: str, tmp_path: Path, inputs: list[str]) -> None:
    lite = str(tmp_path / "c.db")
    for db in (lite, pg_url):
        done = communique("ingest", *inputs, "--db", db)
        assert done.returncode == 0, done.stderr
    stats = [json.loads(communique("stats", "--db", db, "--json").stdout) for db in (lite, pg_url)]
    assert stats[0] == stats[1] and stats[0]["documents"] > 5 and stats[0]["events"] > 0
    counts = []
    for db in (lite, pg_url):
        with TestClient(create_app(db)) as client:
            counts.append([client.get(url).json()["count"] for url in (
                "/api/events", "/api/events?country=CHN", "/api/events?type=CONSULT", "/api/events?status=planned",
                "/api/events?since=2024", "/api/actors", "/api/partnerships")])
    assert counts[0] == counts[1] and counts[0][0] == stats[0]["events"]
    for db in (lite, pg_url):  # a re-run into either stores nothing
        again = communique("ingest", *inputs, "--db", db)
        assert again.returncode == 0 and " 0 stored" in again.stderr, again.stderr
        assert json.loads(communique("stats", "--db", db, "--json").stdout) == stats[0]
    for args in (["events", "--country", "TJK", "--format", "json"], ["dyad", "CHN", "TJK", "--format", "json"]):
        out = [communique(*args, "--db", db).stdout for db in (lite, pg_url)]
        assert json.loads(out[0]) == json.loads(out[1]), args
    exported = []
    for db in (lite, pg_url):
        done = communique("export", "--db", db, "--format", "jsonl", "--output", "-")
        assert done.returncode == 0, done.stderr
        exported.append(done.stdout)
    assert exported[0] == exported[1] and exported[0].count("\n") == stats[0]["events"]


def test_postgres_concurrent_ingests_neither_double_nor_lose(pg_url: str, tmp_path: Path, inputs: list[str]) -> None:
    """Two ingests of the same documents into one database at once, in opposite orders: every
    document once, and the same record as one ingest into SQLite."""
    lite = str(tmp_path / "c.db")
    assert communique("ingest", *inputs, "--db", lite).returncode == 0
    cmd = [sys.executable, "-m", "communique", "ingest", "--db", pg_url, "--batch-size", "2"]
    procs = [subprocess.Popen([*cmd, *order], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in (inputs, inputs[::-1])]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    stored = sum(int(err.split(" stored")[0].rsplit(": ", 1)[-1]) for _out, err in outs)
    pg_stats = json.loads(communique("stats", "--db", pg_url, "--json").stdout)
    lite_stats = json.loads(communique("stats", "--db", lite, "--json").stdout)
    assert pg_stats == lite_stats
    assert stored == pg_stats["documents"]  # each document stored by exactly one of the two


def test_postgres_serve_is_read_only(pg_url: str) -> None:
    open_store(pg_url).write_batch(records())
    reader = open_store(pg_url, readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        reader.execute("DELETE FROM documents")
    with TestClient(create_app(pg_url)) as client:
        assert client.get("/api/events").json()["count"] == 13
        assert client.get("/api/events?country=Tajikistan").json()["count"] == 6
        doc = client.get("/api/events?limit=1").json()["data"][0]["document"]["id"]
        for url in ("/", "/events?search=talks", "/dyads/CHN/TJK", "/graph", "/actors?q=xi", "/partnerships",
                    f"/documents/{doc}", "/api/search?q=Dushanbe", "/api/counts?country=TJK", "/api/graph?since=2022"):
            assert client.get(url).status_code == 200, url
    assert open_store(pg_url).stats()["documents"] == 6


def test_postgres_bad_addresses_are_one_line(pg_server: Any) -> None:
    with pytest.raises(StoreError, match="cannot open database") as err:
        open_store(pg_server.url("no_such_database"))
    assert "\n" not in str(err.value) and "postgresql://postgres@127.0.0.1" in str(err.value)
    done = communique("stats", "--db", pg_server.url("no_such_database"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
