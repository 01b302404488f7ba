"""Latency of filtered /api/events and /api/dyads requests on a store of one million events,
on SQLite or PostgreSQL.

Builds a synthetic store (about 200 countries with a skewed, Zipf-like share of events, the 16
PLOVER types, dates from 2000 to 2026; each event its own real-world event with one report)
straight into the tables, with the rows the writer would put in the derived tables the queries
read. Then it times requests through FastAPI's TestClient (the whole stack without a socket) and
prints p50 / p95.

    PYTHONPATH=src python bench/bench_api.py                 # builds /tmp/communique-bench.db once
    PYTHONPATH=src python bench/bench_api.py --rebuild --limit 200000
    PYTHONPATH=src python bench/bench_api.py --postgres      # a PostgreSQL 15 of its own, on loopback
    PYTHONPATH=src python bench/bench_api.py --db postgresql://user@host/db --rebuild
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pycountry

from communique.store import BaseStore, display_address, open_store

TYPES = [("AGREE", "030", 1, 3.0), ("CONSULT", "040", 1, 1.0), ("SUPPORT", "050", 1, 3.5),
         ("CONCEDE", "080", 1, 5.0), ("COOPERATE", "060", 2, 6.0), ("AID", "070", 2, 7.0),
         ("RETREAT", "087", 2, 9.0), ("REQUEST", "020", 1, 3.0), ("ACCUSE", "112", 3, -2.0),
         ("REJECT", "120", 3, -4.0), ("THREATEN", "130", 3, -4.4), ("PROTEST", "140", 3, -6.5),
         ("SANCTION", "163", 4, -8.0), ("MOBILIZE", "150", 4, -7.2), ("COERCE", "170", 4, -7.0),
         ("ASSAULT", "180", 4, -9.0)]
TYPE_WEIGHTS = [8, 30, 10, 2, 10, 5, 1, 6, 8, 4, 3, 3, 3, 2, 2, 3]
FIRST = ["USA", "CHN", "RUS", "UKR", "IND", "GBR", "FRA", "DEU", "JPN", "TUR", "IRN", "ISR", "BRA", "KOR", "SAU",
         "PAK", "TJK"]
EVENTS_PER_DOC = 5


def hid(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:20]


def parties() -> list[str]:
    codes = FIRST + sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in FIRST)
    return codes[:195] + ["IGO:UN", "IGO:EU", "IGO:NATO", "IGO:SCO", "IGO:ASEAN"]


def drop(address: str) -> None:
    """Start again: remove the SQLite file, or every table of the PostgreSQL database."""
    if "://" not in address:
        for suffix in ("", "-wal", "-shm"):
            Path(address + suffix).unlink(missing_ok=True)
        return
    store = open_store(address)
    store.drop_everything()
    store.close()


def build(store: BaseStore, n_events: int, seed: int = 7) -> None:
    """Fill an empty store with `n_events` synthetic events, each its own real-world event with one
    report: the rows the writer would store, written in bulk through the store's portable SQL."""
    rnd = random.Random(seed)
    codes = parties()
    weights = [1 / (i + 1) ** 1.05 for i in range(len(codes))]
    start, span = date(2000, 1, 1), (date(2026, 12, 31) - date(2000, 1, 1)).days
    now = datetime.now(UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    rows: dict[str, list[tuple[object, ...]]] = {k: [] for k in COLUMNS}
    counts: Counter[tuple[object, ...]] = Counter()
    with store.transaction():
        for i in range(n_events):
            if i % EVENTS_PER_DOC == 0:
                doc_id = hid("doc", i)
                day = start + timedelta(days=rnd.randrange(span))
                text = f"Synthetic report {i // EVENTS_PER_DOC} of {day.isoformat()}."
                rows["documents"].append((doc_id, f"bench/{i // EVENTS_PER_DOC}.txt", f"https://example.org/{i}",
                                          f"Report {i}", day.isoformat(), "text", text, "{}", now, "example.org"))
            a, b = rnd.choices(codes, weights)[0], rnd.choices(codes, weights)[0]
            while b == a:
                b = rnd.choices(codes, weights)[0]
            t = rnd.choices(range(16), TYPE_WEIGHTS)[0]
            typ, cameo, quad, gold = TYPES[t]
            r = rnd.random()
            d = day + timedelta(days=-rnd.randrange(3))
            when = d.isoformat() if r < 0.9 else d.isoformat()[:7] if r < 0.97 else d.isoformat()[:4]
            status = "planned" if rnd.random() < 0.03 else "occurred"
            recipient = [b] if typ != "AGREE" else []
            actor = [a] if recipient else sorted([a, b])
            eid, group = hid(doc_id, i), hid(typ, sorted([a, b]))
            evidence = f"Evidence sentence {i}."
            rows["events"].append((eid, doc_id, hid(typ, sorted([a, b]), when), typ, cameo, gold, quad, when, status,
                                   json.dumps(actor), json.dumps(recipient), evidence, 0, 20, group, json.dumps(actor),
                                   json.dumps(recipient), eid))
            rows["event_parties"].extend([(eid, c, "actor", when) for c in actor]
                                         + [(eid, c, "recipient", when) for c in recipient])
            rows["real_events"].append((eid, group, typ, cameo, gold, quad, when, status, json.dumps(actor),
                                        json.dumps(recipient), "[]", eid, doc_id, evidence, 0, 20, 1, 1, 1,
                                        d.isoformat()))
            rows["real_event_parties"].extend([(eid, c, "actor") for c in actor] + [(eid, c, "recipient") for c in recipient])
            x, y = sorted([a, b])
            rows["event_facets"].extend([(c, when, eid, typ, quad, status) for c in (x, y)])
            rows["event_dyads"].append((x, y, when, eid, eid, typ, quad, status))
            for c in ("*", x, y):
                counts[c, when[:7], typ, quad, status] += 1
            if len(rows["events"]) >= 50_000:
                flush(store, rows)
        flush(store, rows)
        store.bulk_insert("event_counts", ("party", "month", "type", "quad_class", "status", "n"),
                          [(*k, n) for k, n in counts.items()])
    store.analyze()
    print(f"built {n_events:,} events in {time.perf_counter() - t0:.0f} s: {store.path}", file=sys.stderr)


COLUMNS = {  # documents first: reports point to them
    "documents": ("id", "source", "url", "title", "published", "format", "text", "record", "ingested_at", "publisher"),
    "events": ("id", "document_id", "event_key", "type", "cameo", "goldstein", "quad_class", "date", "status", "actor",
               "recipient", "evidence_text", "evidence_start", "evidence_end", "group_key", "norm_actor",
               "norm_recipient", "real_event_id"),
    "event_parties": ("event_id", "party", "role", "date"),
    "real_events": ("id", "group_key", "type", "cameo", "goldstein", "quad_class", "date", "status", "actor",
                    "recipient", "people", "mention_id", "document_id", "evidence_text", "evidence_start",
                    "evidence_end", "mentions", "documents", "publishers", "first_published"),
    "real_event_parties": ("event_id", "party", "role"),
    "event_facets": ("party", "date", "event_id", "type", "quad_class", "status"),
    "event_dyads": ("a", "b", "date", "event_id", "event_key", "type", "quad_class", "status"),
}


def flush(store: BaseStore, rows: dict[str, list[tuple[object, ...]]]) -> None:
    for table, cols in COLUMNS.items():
        store.bulk_insert(table, cols, rows[table])
        rows[table].clear()


URLS = [
    "/api/events?country=TJK&type=CONSULT&since=2024-01-01",
    "/api/events?country=USA&limit=50",
    "/api/events?type=ACCUSE&since=2022-01-01",
    "/api/events?country=CHN&quad_class=4&since=2020",
    "/api/events?dyad=USA,CHN&since=2023-06",
    "/api/events?since=2025-01&until=2025-03&status=planned",
    "/api/events?country=RUS&limit=50&offset=5000",
    "/api/dyads/CHN/TJK",
    "/api/dyads/USA/CHN",
    "/api/dyads/USA/RUS?limit=100",
    "/api/counts?country=TJK&type=CONSULT",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/communique-bench.db",
                    help="SQLite file or postgresql:// URL (default: /tmp/communique-bench.db)")
    ap.add_argument("--events", "--limit", type=int, default=1_000_000, help="events to build (default: 1,000,000)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--repeat", type=int, default=60, help="timed requests per URL (default: 60)")
    ap.add_argument("--postgres", action="store_true",
                    help="start a PostgreSQL 15 server of its own (initdb in a temporary folder) and use it")
    args = ap.parse_args()
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.servers import LocalPostgres

        server = LocalPostgres()
        args.db = server.create("bench")
        try:
            return run(args)
        finally:
            server.stop()
    return run(args)


def run(args: argparse.Namespace) -> int:
    if args.rebuild:
        drop(args.db)
    store = open_store(args.db)
    try:
        if store.stats()["documents"] == 0:
            store.prepare_bulk_load()
            build(store, args.events)
    finally:
        store.close()

    from fastapi.testclient import TestClient

    from communique.api import create_app

    with TestClient(create_app(args.db)) as client:
        n = client.get("/api/events?limit=1").json()["count"]
        backend = "PostgreSQL" if "://" in args.db else "SQLite"
        print(f"{n:,} events in {display_address(args.db)} ({backend})\n")
        print(f"{'request':<58}{'count':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        worst = 0.0
        for url in URLS:
            r = client.get(url)  # warm the page cache for this shape
            assert r.status_code == 200, (url, r.text)
            body = r.json()
            count = body.get("count", 0)
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                assert client.get(url).status_code == 200
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
            worst = max(worst, p95)
            print(f"{url:<58}{count:>9,}{p50:>9.1f}{p95:>9.1f}{times[-1]:>9.1f}")
        print(f"\nworst p95: {worst:.1f} ms ({'meets' if worst < 50 else 'misses'} the 50 ms goal)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
