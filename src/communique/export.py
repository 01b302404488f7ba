"""Write stored events to files other tools read: JSON Lines, CSV, Parquet, GDELT and PLOVER.

Events are real-world events (one row however many documents report it, with its sources and
counts); `mentions` writes the reports themselves.

- `jsonl`: one event a line, in the shape of the API (`/api/events`), sources included.
- `mentions`: one report a line (JSON Lines): each document's own coding of an event, with the id
  of the real-world event it belongs to.
- `csv`, `parquet`: one event a row, flat columns (`EVENT_COLUMNS`); Parquet keeps the party
  lists as lists and needs pyarrow (`pip install communique[parquet]`).
- `gdelt`: the GDELT 2.0 event-table columns that apply (`GDELT_COLUMNS`), tab separated with a
  header row, one row per real-world event (its reports give NumArticles, NumSources and
  NumMentions; the report that speaks for it gives SOURCEURL). Where GDELT differs from what we store:
  * actor country codes are ISO alpha-3, as CAMEO's are; an organisation is `IGO` plus its
    acronym (`IGO:EU` becomes `IGOEU`) with no country code;
  * ActionGeo_CountryCode is ISO alpha-3 too, not GDELT's FIPS 10-4;
  * Actor1 is the first actor; Actor2 the first recipient, else the second actor;
  * SQLDATE pads a month- or year-precision date with 01 (GDELT has no precision field; the
    exact date is in the other formats); undated events leave the date columns empty;
  * IsRootEvent is 1 when the evidence lies in the document's first paragraph.
- `plover`: PLOVER-style JSON Lines: id, date, event_type, mode, context, source_actor,
  source_country, target_actor, target_country, location, text (the evidence sentence), url;
  actors are lists of codes, as an event may have several; plus status and document_id.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

from communique import query
from communique.errors import CommuniqueError
from communique.query import EventFilter, EventOut
from communique.store import Row, Store

Format = Literal["jsonl", "mentions", "csv", "parquet", "gdelt", "plover"]
FORMATS: tuple[str, ...] = ("jsonl", "mentions", "csv", "parquet", "gdelt", "plover")

EVENT_COLUMNS = (
    "id", "date", "status", "type", "mode", "cameo", "quad_class", "goldstein", "actor", "recipient", "people",
    "place_name", "place_country", "lat", "lon", "evidence_text", "evidence_start", "evidence_end",
    "document_id", "document_source", "document_title", "document_published", "document_url",
    "mentions", "documents", "publishers",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1CountryCode", "Actor2Code",
    "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
)


def flat_event(e: EventOut, sep: str = ";") -> dict[str, Any]:
    """A real-world event as one flat row (its representative report's evidence and document, and
    its counts); party and people lists joined with `sep`."""
    p = e.place
    return {
        "id": e.id, "date": e.date, "status": e.status, "type": e.type, "mode": e.mode,
        "cameo": e.cameo, "quad_class": e.quad_class, "goldstein": e.goldstein, "actor": sep.join(e.actor),
        "recipient": sep.join(e.recipient), "place_name": p.name if p else None,
        "place_country": p.country if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
        "evidence_text": e.evidence.text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "document_id": e.document.id, "document_source": e.document.source, "document_title": e.document.title,
        "document_published": e.document.published, "document_url": e.document.url,
        "people": sep.join(x.name for x in e.people), "mentions": e.mentions, "documents": e.documents,
        "publishers": e.publishers,
    }


@contextmanager
def _text_out(output: str | Path) -> Iterator[IO[str]]:
    if str(output) == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        yield fh


def write_jsonl(store: Store, output: str | Path, f: EventFilter | None = None) -> int:
    n = 0
    with _text_out(output) as out:
        for e in query.iter_events(store, f):
            out.write(e.model_dump_json() + "\n")
            n += 1
    return n


def write_csv(store: Store, output: str | Path, f: EventFilter | None = None) -> int:
    n = 0
    with _text_out(output) as out:
        w = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
        w.writeheader()
        for e in query.iter_events(store, f):
            w.writerow(flat_event(e))
            n += 1
    return n


def write_parquet(store: Store, output: str | Path, f: EventFilter | None = None,
                  batch: int = 50_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise CommuniqueError("Parquet export needs pyarrow: pip install 'communique[parquet]'") from None
    if str(output) == "-":
        raise CommuniqueError("Parquet is binary: give a file with --output")
    strs = ("id", "people", "date", "status", "type", "mode", "cameo", "place_name", "place_country",
            "evidence_text", "document_id", "document_source", "document_title", "document_published", "document_url")
    fields = []
    for c in EVENT_COLUMNS:
        if c in ("actor", "recipient"):
            fields.append(pa.field(c, pa.list_(pa.string())))
        elif c in ("quad_class", "evidence_start", "evidence_end", "mentions", "documents", "publishers"):
            fields.append(pa.field(c, pa.int64()))
        elif c in ("goldstein", "lat", "lon"):
            fields.append(pa.field(c, pa.float64()))
        else:
            assert c in strs
            fields.append(pa.field(c, pa.string()))
    schema = pa.schema(fields)
    n = 0
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(output), schema) as writer:
        for e in query.iter_events(store, f):
            row = flat_event(e)
            row["actor"], row["recipient"] = e.actor, e.recipient
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def gdelt_actor(code: str | None) -> tuple[str, str]:
    """(ActorCode, ActorCountryCode) for a party code."""
    if not code:
        return "", ""
    if code.startswith("IGO:"):
        return "IGO" + code[4:], ""
    return code, code if query.country_name(code) else ""


def gdelt_date(d: str | None) -> tuple[str, str, str]:
    """(SQLDATE, MonthYear, Year)."""
    if not d:
        return "", "", ""
    y, m, day = (d.split("-") + ["01", "01"])[:3]
    return f"{y}{m}{day}", f"{y}{m}", y


def _host(url: str | None, source: str) -> str:
    if url and "//" in url:
        return url.split("//", 1)[1].split("/", 1)[0].lower()
    return source


def _gdelt_rows(store: Store) -> Iterator[dict[str, Any]]:
    sql = ("SELECT e.*, d.url AS d_url, d.source AS d_source, d.ingested_at AS d_added,"
           " substr(d.text, 1, e.evidence_start) AS before"
           " FROM real_events e JOIN documents d ON d.id = e.document_id ORDER BY e.date, e.id")
    for r in store.stream(sql):
        yield _gdelt_row(r)


def _gdelt_row(r: Row) -> dict[str, Any]:
    """One real-world event; its representative report gives the URL, the place and IsRootEvent."""
    actor, recipient = json.loads(r["actor"]), json.loads(r["recipient"])
    second = recipient[0] if recipient else (actor[1] if len(actor) > 1 else None)
    a1, a1c = gdelt_actor(actor[0] if actor else None)
    a2, a2c = gdelt_actor(second)
    sqldate, month, year = gdelt_date(r["date"])
    cameo = r["cameo"] or ""
    country = r["place_country"]
    place = ", ".join(x for x in (r["place_name"], query.country_name(country) if country else None) if x)
    added = "".join(ch for ch in (r["d_added"] or "")[:19] if ch.isdigit())
    return {
        "GLOBALEVENTID": int(r["id"][:15], 16), "SQLDATE": sqldate, "MonthYear": month, "Year": year,
        "Actor1Code": a1, "Actor1CountryCode": a1c, "Actor2Code": a2, "Actor2CountryCode": a2c,
        "IsRootEvent": 0 if "\n\n" in (r["before"] or "") else 1, "EventCode": cameo, "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2], "QuadClass": r["quad_class"] if r["quad_class"] is not None else "",
        "GoldsteinScale": r["goldstein"] if r["goldstein"] is not None else "",
        "NumMentions": r["mentions"], "NumSources": r["publishers"], "NumArticles": r["documents"],
        "ActionGeo_FullName": place, "ActionGeo_CountryCode": country or "",
        "ActionGeo_Lat": r["lat"] if r["lat"] is not None else "",
        "ActionGeo_Long": r["lon"] if r["lon"] is not None else "",
        "DATEADDED": added, "SOURCEURL": r["d_url"] or r["d_source"],
    }


def write_gdelt(store: Store, output: str | Path, f: EventFilter | None = None) -> int:
    if f is not None and f != EventFilter():
        raise CommuniqueError("the GDELT export writes every event; filters are not supported")
    n = 0
    with _text_out(output) as out:
        w = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        for row in _gdelt_rows(store):
            w.writerow({k: (str(v).replace("\t", " ").replace("\n", " ") if isinstance(v, str) else v)
                        for k, v in row.items()})
            n += 1
    return n


def plover_event(e: EventOut) -> dict[str, Any]:
    """An event in PLOVER's JSON field names."""
    def countries(codes: list[str]) -> list[str]:
        return [c for c in codes if query.country_name(c)]

    p = e.place
    return {
        "id": e.id, "date": e.date, "event_type": e.type, "mode": e.mode, "context": None,
        "source_actor": e.actor, "source_country": countries(e.actor),
        "target_actor": e.recipient, "target_country": countries(e.recipient),
        "location": p.model_dump() if p else None, "text": e.evidence.text, "url": e.document.url,
        "status": e.status, "document_id": e.document.id,
        "sources": [x.document.url or x.document.source for x in e.sources],
    }


def write_plover(store: Store, output: str | Path, f: EventFilter | None = None) -> int:
    n = 0
    with _text_out(output) as out:
        for e in query.iter_events(store, f):
            out.write(json.dumps(plover_event(e), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_mentions(store: Store, output: str | Path, f: EventFilter | None = None) -> int:
    if f is not None and f != EventFilter():
        raise CommuniqueError("the mentions export writes every report; filters are not supported")
    n = 0
    with _text_out(output) as out:
        for m in query.iter_mentions(store):
            out.write(m.model_dump_json() + "\n")
            n += 1
    return n


WRITERS = {"jsonl": write_jsonl, "mentions": write_mentions, "csv": write_csv, "parquet": write_parquet, "gdelt": write_gdelt,
           "plover": write_plover}


def export(store: Store, fmt: str, output: str | Path, f: EventFilter | None = None) -> int:
    """Write the (filtered) events to `output` ('-' for stdout, text formats only); returns rows written."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise CommuniqueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return writer(store, output, f)
