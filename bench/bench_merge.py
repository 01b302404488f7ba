"""Merged real-world events by publisher pair: how many events two publishers both report.

Reads a store (`--db`, e.g. the one `bench_corpus.py --keep` leaves), or ingests the first
`--limit` documents of ../shared/corpus with `--jobs 2` into a temporary store first, then prints:
reports (event mentions) against real-world events, how many events several documents or
publishers report, the reports and events of each publisher, and for each pair of publishers the
events both report (by type, the most common first). Also the time the merging took in the
ingest's writer, measured by writing the same records again into a new store.

    PYTHONPATH=src python bench/bench_merge.py --limit 400
    PYTHONPATH=src python bench/bench_merge.py --db /tmp/corpus-dask.db
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.records import Record  # noqa: E402
from communique.store import BaseStore, SQLiteStore, open_store  # noqa: E402

PAIRS = """
SELECT a.publisher AS a, b.publisher AS b, count(*) AS events,
       sum(CASE WHEN r.type = 'CONSULT' THEN 1 ELSE 0 END) AS consult
FROM (SELECT DISTINCT e.real_event_id, d.publisher FROM events e JOIN documents d ON d.id = e.document_id) a
JOIN (SELECT DISTINCT e.real_event_id, d.publisher FROM events e JOIN documents d ON d.id = e.document_id) b
  ON b.real_event_id = a.real_event_id AND a.publisher < b.publisher
JOIN real_events r ON r.id = a.real_event_id
GROUP BY a.publisher, b.publisher ORDER BY events DESC, a.publisher, b.publisher
"""
PUBLISHERS = """
SELECT d.publisher, count(DISTINCT d.id) AS documents, count(e.id) AS reports,
       count(DISTINCT e.real_event_id) AS events
FROM documents d LEFT JOIN events e ON e.document_id = d.id GROUP BY d.publisher ORDER BY documents DESC
"""


def ingest(limit: int, db: str) -> None:
    from bench.bench_corpus import documents

    from communique.pipeline import RunReport, ingest_items

    store = open_store(db)
    t = time.perf_counter()
    report = ingest_items(iter(documents(limit)), store, jobs=2, report=RunReport(), on_error=lambda e: None)
    store.close()
    print(f"ingested {report.stored:,} documents with --jobs 2 in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def rewrite_time(store: BaseStore) -> tuple[float, int]:
    """Seconds to write the stored records again into a new store, merging included, batch by batch."""
    rows = store.query("SELECT text, record FROM documents ORDER BY published, id")
    pairs = [(r["text"], Record.model_validate_json(r["record"])) for r in rows]
    with tempfile.TemporaryDirectory() as tmp:
        again = SQLiteStore(Path(tmp) / "again.db")
        t = time.perf_counter()
        for i in range(0, len(pairs), 64):
            again.write_batch(pairs[i:i + 64])
        seconds = time.perf_counter() - t
        again.close()
    return seconds, len(pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="a store to read (default: ingest --limit documents into a temporary one)")
    ap.add_argument("--limit", type=int, default=400, help="documents to ingest when no --db (default: 400)")
    ap.add_argument("--pairs", type=int, default=20, help="publisher pairs to list (default: 20)")
    ap.add_argument("--no-rewrite", action="store_true", help="skip timing the writer again")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "merge.db")
        if not args.db:
            ingest(args.limit, db)
        store = open_store(db, readonly=True)
        stats = store.stats()
        one = store.query("SELECT count(*), sum(CASE WHEN documents > 1 THEN 1 ELSE 0 END),"
                          " sum(CASE WHEN publishers > 1 THEN 1 ELSE 0 END), max(documents) FROM real_events")[0]
        print(f"{stats['documents']:,} documents, {stats['event_mentions']:,} reports, {stats['events']:,} real-world "
              f"events ({stats['event_mentions'] / max(stats['events'], 1):.2f} reports each)")
        print(f"events reported by 2+ documents: {one[1] or 0:,}; by 2+ publishers: {one[2] or 0:,}; "
              f"most documents for one event: {one[3] or 0}\n")
        print(f"{'publisher':<42}{'documents':>10}{'reports':>10}{'events':>10}")
        for r in store.query(PUBLISHERS):
            print(f"{r['publisher'][-41:]:<42}{r['documents']:>10,}{r['reports']:>10,}{r['events']:>10,}")
        print(f"\n{'publisher pair':<62}{'events':>8}{'CONSULT':>9}")
        for r in store.query(PAIRS)[:args.pairs]:
            pair = f"{r['a'][-30:]} + {r['b'][-28:]}"
            print(f"{pair:<62}{r['events']:>8,}{r['consult']:>9,}")
        if not args.no_rewrite:
            seconds, n = rewrite_time(store)
            print(f"\nwriting the {n:,} records again (merging included): {seconds:.1f} s, "
                  f"{1000 * seconds / max(n, 1):.1f} ms a document")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
