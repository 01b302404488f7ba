"""Write stored events to files other tools read: JSON Lines, CSV, Parquet, GDELT and PLOVER.

Events are real-world events (one row however many documents report it, with its sources and
counts); `mentions` writes the reports themselves.

- `jsonl`: one event a line, in the shape of the API (`/api/events`), sources included.
- `mentions`: one report a line (JSON Lines): each document's own coding of an event, with the id
  of the real-world event it belongs to.
- `csv`, `parquet`: one event a row, flat columns (`EVENT_COLUMNS`); Parquet keeps the party
  lists as lists and needs pyarrow (`pip install communique[parquet]`).
- `gdelt`: GDELT 2.0's event table, its 61 columns with GDELT's headers, tab separated
  (`communique.gdelt` says what goes in each); events that happened only, unless planned ones
  are asked for, and then written as the intent their report expresses.
- `plover`: PLOVER-style JSON Lines: id, date, event_type, mode, context, source_actor,
  source_country, target_actor, target_country, location, text (the evidence sentence), url;
  actors are lists of codes, as an event may have several; plus status and document_id.

Every format but GDELT has each event's `status` (occurred or planned), so a planned event ("will
visit") is never read as one that happened.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

from communique import gdelt, query
from communique.errors import CommuniqueError
from communique.query import EventFilter, EventOut
from communique.store import Store

Format = Literal["jsonl", "mentions", "csv", "parquet", "gdelt", "plover"]
FORMATS: tuple[str, ...] = ("jsonl", "mentions", "csv", "parquet", "gdelt", "plover")

EVENT_COLUMNS = (
    "id", "date", "status", "type", "mode", "cameo", "quad_class", "goldstein", "actor", "recipient", "people",
    "place_name", "place_country", "lat", "lon", "evidence_text", "evidence_start", "evidence_end",
    "document_id", "document_source", "document_title", "document_published", "document_url",
    "mentions", "documents", "publishers",
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


def write_gdelt(store: Store, output: str | Path, f: EventFilter | None = None,
                include_planned: bool = False) -> int:
    """The GDELT 2.0 event table (`communique.gdelt`): occurred events unless `include_planned`."""
    with _text_out(output) as out:
        return gdelt.write(store, out, f, include_planned)


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
    """Every report of an event (the per-document rows real-world events are merged from)."""
    if f is not None and f != EventFilter():
        raise CommuniqueError("the mentions export writes every report; filters are not supported")
    n = 0
    with _text_out(output) as out:
        for m in query.iter_mentions(store):
            out.write(m.model_dump_json() + "\n")
            n += 1
    return n


WRITERS = {"jsonl": write_jsonl, "mentions": write_mentions, "csv": write_csv, "parquet": write_parquet, "plover": write_plover}


def export(store: Store, fmt: str, output: str | Path, f: EventFilter | None = None,
           include_planned: bool = False) -> int:
    """Write the (filtered) events to `output` ('-' for stdout, text formats only); returns rows
    written. `include_planned` matters to GDELT only: the other formats carry each event's status."""
    if fmt == "gdelt":
        return write_gdelt(store, output, f, include_planned)
    writer = WRITERS.get(fmt)
    if writer is None:
        raise CommuniqueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return writer(store, output, f)
