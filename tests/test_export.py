from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from communique.export import GDELT_COLUMNS, export
from communique.query_cli import add_query_parsers
from communique.store import SQLiteStore


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="communique")
    add_query_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_export_jsonl_has_every_event_in_the_api_shape(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(query_store, "jsonl", out) == 13  # 14 reports, two of them of one event
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 13 and {"type", "actor", "recipient", "date", "evidence", "document", "sources",
                                "mentions", "documents", "publishers"} <= set(rows[0])
    assert sorted(len(r["sources"]) for r in rows)[-2:] == [1, 2]


def test_export_mentions_writes_every_report(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "mentions.jsonl"
    assert export(query_store, "mentions", out) == 14
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    export(query_store, "jsonl", tmp_path / "events.jsonl")
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {r["event_id"] for r in rows} == {e["id"] for e in events}
    assert len({r["document"]["id"] for r in rows if r["type"] == "CONSULT" and r["date"] == "2024-07-05"}) == 2


def test_export_csv_flattens_parties(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(query_store, "csv", out)
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 13
    assert any(r["type"] == "SANCTION" and r["actor"] == "USA;IGO:EU" for r in rows)


def test_export_parquet_keeps_lists(query_store: SQLiteStore, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    export(query_store, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 13
    assert ["USA", "IGO:EU"] in table.column("actor").to_pylist()


def test_export_gdelt_one_row_per_real_world_event(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(query_store, "gdelt", out) == 13  # the 2024 visit is reported twice
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    visit = next(r for r in rows if r["SQLDATE"] == "20240705" and r["EventCode"] == "042")
    assert (visit["Actor1Code"], visit["Actor2CountryCode"], visit["NumArticles"]) == ("CHN", "TJK", "2")
    assert (visit["EventBaseCode"], visit["EventRootCode"], visit["QuadClass"]) == ("042", "04", "1")
    assert visit["ActionGeo_FullName"] == "Dushanbe, Tajikistan" and visit["ActionGeo_Lat"] == "38.54"
    planned = next(r for r in rows if r["Year"] == "2025")
    assert (planned["SQLDATE"], planned["MonthYear"]) == ("20250101", "202501")


def test_export_plover_fields(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    export(query_store, "plover", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    sanction = next(r for r in rows if r["event_type"] == "SANCTION")
    assert sanction["source_actor"] == ["USA", "IGO:EU"] and sanction["source_country"] == ["USA"]
    assert sanction["target_country"] == ["RUS"] and sanction["text"].startswith("On February 24, 2022")
    assert {"id", "date", "mode", "context", "location", "url"} <= set(sanction)


def test_cli_export_and_events(query_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.tsv"
    assert run("export", "--db", str(query_db), "--format", "gdelt", "--output", str(out)) == 0
    assert out.read_text().startswith("GLOBALEVENTID\tSQLDATE")
    capsys.readouterr()
    assert run("events", "--db", str(query_db), "--dyad", "CHN", "TJK", "--status", "planned", "--format",
               "json") == 0
    body = json.loads(capsys.readouterr().out)
    assert body["count"] == 1 and body["data"][0]["date"] == "2025"
    assert run("events", "--db", str(query_db), "--type", "ACCUSE", "--format", "csv") == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert run("dyad", "CHN", "TJK", "--db", str(query_db)) == 0
    assert "comprehensive strategic cooperative partnership in the new era" in " ".join(
        capsys.readouterr().out.split())


def test_cli_events_rejects_a_bad_date(query_db: Path) -> None:
    from communique.errors import QueryError

    with pytest.raises(QueryError, match="malformed since"):
        run("events", "--db", str(query_db), "--since", "2024-1-1")
