"""Whole-corpus ingest: `--jobs 2` against `--dask` on a local two-worker cluster.

Reads every document of ../shared/corpus (about 13,400, six publishers) or the first `--limit`,
and ingests them into a new SQLite store (or a new PostgreSQL database with `--postgres`) as
`communique ingest` does: once with a pool of 2 processes, once on a Dask scheduler with two
single-threaded workers started on loopback (started before the clock runs, as an existing
cluster would be). For each it prints wall time, documents and words per second, the words per
second of each tenth of the documents (a store that slows down as it grows shows here), and the
peak memory: resident (RSS) of the largest process, and proportional (PSS) summed over the process
tree (the ingest and its pool or its workers). Then it checks the two stores hold the same record, and prints the machine's
load before and after: the machine is shared, so say so with the numbers.

    PYTHONPATH=src python bench/bench_corpus.py --limit 400          # a check on a subset
    PYTHONPATH=src python bench/bench_corpus.py                      # the whole corpus, both modes
    PYTHONPATH=src python bench/bench_corpus.py --mode dask --keep /tmp/corpus-dask.db
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.errors import ReadError  # noqa: E402
from communique.ingest.readers import read_paths  # noqa: E402
from communique.pipeline import RunReport, ingest_items  # noqa: E402
from communique.records import Document  # noqa: E402
from communique.store import open_store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def documents(limit: int | None) -> list[Document]:
    """The corpus's documents in the order `communique ingest ../shared/corpus` reads them."""
    items = (d for d in read_paths([str(CORPUS)]) if isinstance(d, Document))
    return list(itertools.islice(items, limit))


class PeakMemory:
    """Samples the memory of this process and its descendants every `every` seconds: the largest
    process's resident set (RSS), the sum of their RSS, and the sum of their proportional set sizes
    (PSS: a page shared by n processes counts 1/n in each, so forked workers that share the
    model's pages are not counted twice as they are in summed RSS)."""

    def __init__(self, every: float = 0.5) -> None:
        self.every, self.total, self.largest, self.pss = every, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            rss, pss = [], []
            for p in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a process that just ended
                    full = p.memory_full_info()
                    rss.append(full.rss)
                    pss.append(getattr(full, "pss", full.rss))  # PSS is Linux-only
            self.total, self.largest = max(self.total, sum(rss)), max(self.largest, max(rss))
            self.pss = max(self.pss, sum(pss))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Result:
    mode: str
    seconds: float = 0.0
    stored: int = 0
    words: int = 0
    rss_total: int = 0
    rss_largest: int = 0
    pss_total: int = 0
    tenths: list[float] = field(default_factory=list)  # words/s of each tenth of the documents


def ingest(mode: str, docs: list[Document], db: str, batch_size: int) -> Result:
    words = {d.id: len(d.text.split()) for d in docs}
    store = open_store(db)
    marks: list[tuple[float, int]] = []  # (time, documents done)
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        marks.append((time.perf_counter(), done[0]))

    cluster = None
    if mode == "dask":
        from tests.servers import LocalDask

        cluster = LocalDask(workers=2)
        cluster.wait_workers()
    errors: list[ReadError] = []
    try:
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            report = ingest_items(iter(docs), store, batch_size=batch_size, report=RunReport(), progress=progress,
                                  on_error=errors.append, jobs=2 if mode == "jobs" else 1,
                                  dask=cluster.address if cluster else None)
            seconds = time.perf_counter() - t0
    finally:
        if cluster:
            cluster.stop()
        store.close()
    if errors:
        print(f"  {len(errors)} documents failed, e.g. {errors[0]}", file=sys.stderr)
    per_doc = [words[d.id] for d in docs]
    tenths = []
    step = max(1, len(docs) // 10)
    start_t, start_n = t0, 0
    for when, n in marks:
        if n - start_n >= step or n == len(docs):
            tenths.append(sum(per_doc[start_n:n]) / max(when - start_t, 1e-9))
            start_t, start_n = when, n
    return Result(mode, seconds, report.stored, sum(per_doc), mem.total, mem.largest, mem.pss, tenths)


def content(path: str) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    out = {}
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
                            " AND name NOT LIKE 'sqlite_%'"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] != "ingested_at"]
        out[t] = sorted(con.execute(f"SELECT {', '.join(repr(c) for c in cols)} FROM {t}").fetchall(), key=repr)
    con.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N documents (default: all)")
    ap.add_argument("--mode", choices=("jobs", "dask", "both"), default="both")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--postgres", action="store_true", help="ingest into PostgreSQL databases of a local server")
    ap.add_argument("--keep", metavar="PATH", help="keep the last SQLite store here (for bench_merge.py --db)")
    args = ap.parse_args()
    load0 = os.getloadavg()
    t = time.perf_counter()
    docs = documents(args.limit)
    print(f"{len(docs):,} documents, {sum(len(d.text.split()) for d in docs):,} words, read in "
          f"{time.perf_counter() - t:.0f} s; {os.cpu_count()} cores; load average {load0[0]:.2f} "
          f"{load0[1]:.2f} {load0[2]:.2f} before", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="communique-corpus-"))
    server = None
    if args.postgres:
        from tests.servers import LocalPostgres

        server = LocalPostgres()
    results, stores = [], []
    try:
        for mode in (("jobs", "dask") if args.mode == "both" else (args.mode,)):
            db = server.create(f"corpus_{mode}") if server else str(tmp / f"{mode}.db")
            r = ingest(mode, docs, db, args.batch_size)
            results.append(r)
            stores.append(db)
            print(f"{mode:>5}: {r.stored:,} stored in {r.seconds:.0f} s, {r.stored / r.seconds:.1f} docs/s, "
                  f"{r.words / r.seconds:,.0f} words/s; peak memory: {r.rss_largest / 2**20:,.0f} MB RSS in the "
                  f"largest process, {r.pss_total / 2**20:,.0f} MB PSS summed over all "
                  f"({r.rss_total / 2**20:,.0f} MB summed RSS, counting shared pages once per process)",
                  flush=True)
            print("       words/s by tenth: " + " ".join(f"{w:,.0f}" for w in r.tenths), flush=True)
        if len(results) == 2:
            jobs, dask = results
            print(f"dask / jobs time: {dask.seconds / jobs.seconds:.2f} (goal: at most 1.25)")
            if not server:
                print("same stored record: " + ("yes" if content(stores[0]) == content(stores[1]) else "NO"))
        if args.keep and not server:
            shutil.copy(stores[-1], args.keep)
            print(f"kept {args.keep}")
    finally:
        if server:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    load1 = os.getloadavg()
    print(f"load average {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f} after (shared machine: other work runs beside)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
