"""`ingest --dask` against a real Dask scheduler and two workers the tests start on loopback: the
same stored record as `--jobs 2`, the model loaded once per worker, a killed run that resumes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique.pipeline import RunReport, ingest_paths
from communique.store import SQLiteStore
from tests.helpers import DEMO, SEED

INPUTS = [str(SEED), str(DEMO)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from tests.servers import dask_cluster

    with dask_cluster(workers=2) as c:
        yield c


def communique(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=600)


def content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a store, rows sorted, without the time of ingest."""
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {}
    for t in tables:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] != "ingested_at"]
        out[t] = sorted(con.execute(f"SELECT {', '.join(repr(c) for c in cols)} FROM {t}").fetchall(),
                        key=repr)
    con.close()
    return out


def test_dask_ingest_stores_what_jobs_2_stores(cluster: Any, tmp_path: Path) -> None:
    jobs, dask = tmp_path / "jobs.db", tmp_path / "dask.db"
    assert communique("ingest", *INPUTS, "--db", str(jobs), "--jobs", "2").returncode == 0
    done = communique("ingest", *INPUTS, "--db", str(dask), "--dask", cluster.address)
    assert done.returncode == 0, done.stderr
    a, b = content(jobs), content(dask)
    assert a["documents"] and a["events"] and a["real_events"]
    assert a == b
    again = communique("ingest", *INPUTS, "--db", str(dask), "--dask", cluster.address)
    assert again.returncode == 0 and " 0 stored" in again.stderr


def test_dask_loads_the_model_once_per_worker(cluster: Any, tmp_path: Path) -> None:
    from distributed import Client

    for i in range(2):
        assert communique("ingest", str(DEMO), "--db", str(tmp_path / f"{i}.db"), "--dask", cluster.address,
                          "--batch-size", "4").returncode == 0

    def loads() -> int:
        from communique.extract import get_extractor

        return int(get_extractor.cache_info().misses)

    with Client(cluster.address) as client:
        per_worker = client.run(loads)
    assert len(per_worker) == 2 and set(per_worker.values()) == {1}


def test_dask_killed_run_resumes(cluster: Any, tmp_path: Path) -> None:
    whole = tmp_path / "whole.db"
    assert communique("ingest", *INPUTS, "--db", str(whole), "--jobs", "2").returncode == 0
    store = SQLiteStore(tmp_path / "resumed.db")
    written = []

    def kill_after_two_batches(n: int) -> None:
        written.append(n)
        if len(written) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_paths(INPUTS, store, batch_size=4, progress=kill_after_two_batches, dask=cluster.address)
    partial = store.stats()["documents"]
    assert 0 < partial < content(whole)["documents"].__len__()
    report = ingest_paths(INPUTS, store, batch_size=4, report=RunReport(), dask=cluster.address)
    assert report.skipped_known == partial
    store.close()
    assert content(tmp_path / "resumed.db") == content(whole)


def test_dask_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    from tests.servers import free_port

    done = communique("ingest", str(SEED), "--db", str(tmp_path / "x.db"), "--dask", f"tcp://127.0.0.1:{free_port()}")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "cannot reach the Dask scheduler" in done.stderr
