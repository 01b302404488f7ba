"""Load on a served store while an ingest writes to it: many clients on loopback, a mix of API and
page requests; prints requests per second, p50 / p95 / p99 latency, failed requests, and whether
the store holds every ingested document afterwards.

The store starts with the demo corpus; `communique serve` serves it on a free loopback port, and
`communique ingest` adds real documents from ../shared/corpus (read where they are) during the
run. Bounded in time (--seconds) and in count (--max-requests); the ingest is stopped after
--ingest-timeout seconds at the latest.

    .venv/bin/python bench/bench_load.py                       # 8 clients, 20 s, 200 documents ingested
    .venv/bin/python bench/bench_load.py --clients 16 --seconds 10 --documents 30
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "whitehouse" / "statements-releases"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

#: (weight, path): API and page requests, a few of them with filters that miss the fast paths
MIX = [
    (6, "/api/events?limit=20"), (3, "/api/events?country=USA&since=2021-01&limit=20"),
    (2, "/api/events?search=talks&limit=10"), (2, "/api/events?type=CONSULT&offset=10"),
    (2, "/api/counts"), (2, "/api/graph?since=2020"), (2, "/api/actors?limit=20"),
    (1, "/api/partnerships"), (2, "/api/search?q=president"), (1, "/api/dyads/CHN/TJK"),
    (3, "/"), (2, "/events?search=visit"), (2, "/events?country=Tajikistan"), (1, "/graph"),
    (1, "/actors?offset=20"), (1, "/partnerships"), (1, "/dyads/USA/UKR"), (1, "/openapi.json"),
    (2, "DOC"),  # a document page, from the ids the API returns
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def communique(*args: str) -> list[str]:
    return [sys.executable, "-m", "communique", *args]


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/events?limit=1")
            if c.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


class Client(threading.Thread):
    def __init__(self, port: int, until: float, budget: threading.Semaphore, doc_ids: list[str], seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.until, self.budget, self.doc_ids = port, until, budget, doc_ids
        self.rnd = random.Random(seed)
        self.latencies: list[float] = []
        self.failures: list[str] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        paths = [p for w, p in MIX for _ in range(w)]
        while time.monotonic() < self.until and self.budget.acquire(blocking=False):
            path = self.rnd.choice(paths)
            if path == "DOC":
                path = f"/documents/{self.rnd.choice(self.doc_ids)}" if self.doc_ids else "/"
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    self.failures.append(f"{r.status} {path}")
            except (OSError, http.client.HTTPException) as exc:
                self.failures.append(f"{type(exc).__name__} {path}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.latencies.append(time.perf_counter() - t0)
        conn.close()


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[q - 1] * 1000 if len(xs) >= 2 else (xs[0] * 1000 if xs else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--documents", type=int, default=200, help="documents ingested during the run (enough to last it)")
    ap.add_argument("--ingest-timeout", type=float, default=300.0)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="communique-load-"))
    db = work / "load.db"
    subprocess.run(communique("ingest", str(ROOT / "demo" / "corpus"), "--db", str(db)), env=ENV, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    inputs = sorted(CORPUS.glob("2021-0[3-6]/*.md"))[: args.documents]
    if len(inputs) < args.documents:
        raise SystemExit(f"only {len(inputs)} documents under {CORPUS}")
    listing = work / "inputs"
    listing.mkdir()
    for f in inputs:  # links, not copies: the articles stay in ../shared
        (listing / f.name).symlink_to(f)

    port = free_port()
    server = subprocess.Popen(communique("serve", "--db", str(db), "--port", str(port)), env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(port, server)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/api/events?limit=200")
        doc_ids = sorted({e["document"]["id"] for e in json.loads(c.getresponse().read())["data"]})
        before = json.loads(subprocess.run(communique("stats", "--db", str(db), "--json"), env=ENV,
                                           capture_output=True, text=True, check=True).stdout)["documents"]

        ingest = subprocess.Popen(communique("ingest", str(listing), "--db", str(db), "--batch-size", "8"), env=ENV,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        budget = threading.Semaphore(args.max_requests)
        start = time.monotonic()
        clients = [Client(port, start + args.seconds, budget, doc_ids, seed) for seed in range(args.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        elapsed = time.monotonic() - start
        ingest_running = ingest.poll() is None
        try:
            _, err = ingest.communicate(timeout=max(args.ingest_timeout - elapsed, 1))
        except subprocess.TimeoutExpired:
            ingest.kill()
            _, err = ingest.communicate()
        summary = err.decode().strip().splitlines()[-1] if err else ""
    finally:
        server.terminate()
        server.wait(timeout=30)

    sys.path.insert(0, str(ROOT / "src"))
    from communique.ingest.readers import read_paths
    from communique.records import Document
    from communique.store import open_store

    wanted = {d.id for d in read_paths([str(listing)]) if isinstance(d, Document)}
    store = open_store(str(db), readonly=True)
    held = store.known_documents(wanted)
    after = store.stats()["documents"]
    store.close()

    lat = [x for t in clients for x in t.latencies]
    failures = [x for t in clients for x in t.failures]
    result = {
        "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(lat),
        "requests_per_s": round(len(lat) / elapsed, 1),
        "p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1), "p99_ms": round(pct(lat, 99), 1),
        "max_ms": round(max(lat) * 1000, 1) if lat else 0.0,
        "failed": len(failures), "failures": sorted(set(failures))[:10],
        "ingest": {"documents": len(wanted), "held_after": len(held), "store_before": before, "store_after": after,
                   "still_running_when_load_ended": ingest_running, "summary": summary},
    }
    print(json.dumps(result, indent=2))
    shutil.rmtree(work, ignore_errors=True)
    ok = not failures and len(held) == len(wanted) and after == before + len(wanted)
    print("OK: no failed request, every ingested document held" if ok else "FAILED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
