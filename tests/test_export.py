from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from communique import query
from communique.export import export
from communique.gdelt import GDELT_COLUMNS
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


#: the GDELT Event Codebook V2.0's 61 columns, in order
GDELT_2_HEADERS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


def gdelt_table(path: Path) -> list[dict[str, str]]:
    """The export loaded as a 61-column table (pyarrow's CSV reader, every column as text)."""
    from pyarrow import csv as pacsv

    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
                           convert_options=pacsv.ConvertOptions(column_types={c: "string" for c in GDELT_2_HEADERS}))
    assert table.num_columns == 61 and table.column_names == GDELT_2_HEADERS
    return [{k: (v or "") for k, v in row.items()} for row in table.to_pylist()]


def test_export_gdelt_is_gdelt_2_column_for_column(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    n = export(query_store, "gdelt", out)
    rows = gdelt_table(out)
    assert len(GDELT_2_HEADERS) == 61 and list(GDELT_COLUMNS) == GDELT_2_HEADERS
    assert n == len(rows) and all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())
    visit = next(r for r in rows if r["SQLDATE"] == "20240705" and r["EventCode"] == "042")
    assert (visit["Actor1Code"], visit["Actor1CountryCode"], visit["Actor2CountryCode"]) == ("CHN", "CHN", "TJK")
    assert (visit["Actor1Name"], visit["Actor2Name"]) == ("XI JINPING", "EMOMALI RAHMON")  # the people who met
    assert (visit["EventBaseCode"], visit["EventRootCode"], visit["QuadClass"]) == ("042", "04", "1")
    assert visit["FractionDate"] == f"{2024 + (7 * 30 + 5) / 365:.4f}" and visit["MonthYear"] == "202407"
    assert (visit["ActionGeo_Type"], visit["ActionGeo_FullName"]) == ("4", "Dushanbe, Tajikistan")
    assert (visit["ActionGeo_CountryCode"], visit["ActionGeo_Lat"]) == ("TI", "38.54")  # FIPS 10-4, as GDELT
    assert int(visit["NumMentions"]) >= 1 and int(visit["NumArticles"]) >= 1 and visit["IsRootEvent"] == "1"
    sanction = next(r for r in rows if r["EventCode"] == "163")
    assert (sanction["Actor1Code"], sanction["Actor2Code"], sanction["Actor1Name"]) == ("USA", "RUS", "UNITED STATES")
    assert int(sanction["GLOBALEVENTID"]) > 0 and len(sanction["DATEADDED"]) == 14


def test_export_gdelt_writes_the_precision_it_knows(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(query_store, "gdelt", out)
    aid = next(r for r in gdelt_table(out) if r["EventCode"] == "070")  # dated "2021-12" only
    assert (aid["SQLDATE"], aid["MonthYear"], aid["Year"]) == ("", "202112", "2021")
    assert aid["FractionDate"] == f"{2021 + (12 * 30 + 15) / 365:.4f}"
    assert not any(r["SQLDATE"].endswith("0101") for r in gdelt_table(out))


def test_export_gdelt_no_planned_event_as_occurred(query_store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(query_store, "gdelt", out)
    rows = gdelt_table(out)
    assert all(r["Year"] != "2025" for r in rows)  # the planned 2025 summit is not written as held
    assert len(rows) == sum(1 for e in query.iter_events(query_store) if e.status == "occurred")
    every = tmp_path / "all.tsv"
    export(query_store, "gdelt", every, include_planned=True)
    planned = [r for r in gdelt_table(every) if r not in rows]
    (summit,) = planned
    # written as what the report is: Tajikistan's expressed intent to meet, on the report's day
    assert (summit["EventCode"], summit["QuadClass"], summit["SQLDATE"]) == ("036", "1", "20240705")
    assert summit["Year"] != "2025"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover"])
def test_export_every_format_marks_planned_events(query_store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    export(query_store, fmt, out)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open()))
    else:
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    planned = [r for r in rows if r["status"] == "planned"]
    assert len(planned) == 1 and str(planned[0]["date"]) == "2025"
    assert {r["status"] for r in rows} == {"occurred", "planned"}


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
