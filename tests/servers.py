"""Throwaway servers on loopback for tests and benchmarks: a PostgreSQL 15 cluster in a temporary
folder (initdb + pg_ctl, as the `postgres` user when run as root) and a Dask scheduler with
workers. Each stops itself when its `with` block ends, and on interpreter exit."""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_bin(name: str) -> str:
    """A PostgreSQL server binary: on PATH, else the newest in /usr/lib/postgresql/*/bin."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: run `bash scripts/system-packages.sh postgresql` "
                           "(Debian's postgresql-15)")
    return found


class LocalPostgres:
    """A PostgreSQL cluster of its own: `url(db)` addresses a database, `create(db)` makes one."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="communique-pg-"))
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as postgres
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.dir / "data"
        self._run(pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C")
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c max_connections=60", "start")
        atexit.register(self.stop)

    def _run(self, *cmd: str) -> None:
        out = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True, cwd=self.dir)
        if out.returncode != 0:
            raise RuntimeError(f"{Path(cmd[0]).name} failed: {out.stderr.strip() or out.stdout.strip()}")

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def create(self, db: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'.encode())
            conn.execute(f'CREATE DATABASE "{db}"'.encode())
        return self.url(db)

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run([*self.as_user, pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, cwd=self.dir)
            shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def postgres() -> Iterator[LocalPostgres]:
    server = LocalPostgres()
    try:
        yield server
    finally:
        server.stop()


class LocalDask:
    """A Dask scheduler and `workers` single-threaded worker processes on loopback.

    Workers run without a nanny (`--no-nanny`), as the README advises for extraction: on two cores
    the nanny's extra process cost about 15% of the ingest time (bench/bench_corpus.py, 1,000
    documents, three runs each); it only restarts a dead worker, and the scheduler gives a lost worker's tasks to the others."""

    def __init__(self, workers: int = 2, python: str = sys.executable) -> None:
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.dir = Path(tempfile.mkdtemp(prefix="communique-dask-"))
        bin_dir = Path(python).parent
        dask = str(bin_dir / "dask") if (bin_dir / "dask").exists() else "dask"
        env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        self.procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                        "--no-dashboard", "--no-show"], cwd=self.dir, env=env,
                                       stdout=subprocess.DEVNULL, stderr=open(self.dir / "scheduler.log", "w"),  # noqa: SIM115
                                       start_new_session=True)]
        self._wait_port()
        for i in range(workers):
            self.procs.append(subprocess.Popen(
                [dask, "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                 "--host", "127.0.0.1", "--name", f"w{i}", "--local-directory", str(self.dir / f"w{i}")],
                cwd=self.dir, env=env, stdout=subprocess.DEVNULL,
                stderr=open(self.dir / f"worker{i}.log", "w"), start_new_session=True))  # noqa: SIM115
        self.workers = workers
        atexit.register(self.stop)

    def _wait_port(self, timeout: float = 60) -> None:
        end = time.time() + timeout
        while time.time() < end:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            if self.procs[0].poll() is not None:
                raise RuntimeError(f"dask scheduler exited: {(self.dir / 'scheduler.log').read_text()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError("dask scheduler did not start")

    def wait_workers(self, timeout: float = 120) -> None:
        from distributed import Client

        with Client(self.address, timeout=timeout) as client:
            client.wait_for_workers(self.workers, timeout=timeout)

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        self.procs = []
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def dask_cluster(workers: int = 2) -> Iterator[LocalDask]:
    cluster = LocalDask(workers)
    try:
        cluster.wait_workers()
        yield cluster
    finally:
        cluster.stop()
