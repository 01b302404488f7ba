"""End-to-end tests of the command-line contract, with the real model on real documents."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import CORPUS, SEED

ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}


def run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                          timeout=timeout, env=ENV)


def test_cli_extract_seed() -> None:
    r = run("extract", str(SEED))
    assert r.returncode == 0, r.stderr
    (line,) = r.stdout.splitlines()
    rec = json.loads(line)
    assert rec["document"]["published"] == "2024-07-15"
    assert any(e["type"] == "CONSULT" and set(e["actor"]) | set(e["recipient"]) == {"CHN", "TJK"}
               for e in rec["events"])


def test_cli_extract_mixed_directory(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(0x80, 0xA0)) * 40)
    (tmp_path / "baddate.txt").write_text("date 2024-99-01\nText.")
    (tmp_path / "lines.jsonl").write_text('{"text": "The ministers met.", "published": "2022-01-01"}\n{oops\n')
    (tmp_path / "nocol.csv").write_text("link,headline,date\nu,h,2022-01-01\n")
    (tmp_path / "huge.txt").write_bytes(b"talks " * (50 * 1024 * 1024 // 6))
    r = run("extract", str(tmp_path), "--output", str(tmp_path / "out.jsonl"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = r.stderr.strip().splitlines()
    for bad in ("empty.txt", "binary.txt", "undecodable.txt", "baddate.txt", "lines.jsonl:2", "nocol.csv", "huge.txt"):
        assert sum(bad in e for e in errors) == 1, (bad, errors)
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {Path(x["document"]["source"]).name.split("#")[0] for x in records} == {"seed.txt", "lines.jsonl"}


def test_cli_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert run("ingest", str(SEED), "--db", db).returncode == 0
    first = run("stats", "--db", db, "--json").stdout
    assert json.loads(first)["documents"] == 1 and json.loads(first)["events"] >= 1
    assert run("ingest", str(SEED), "--db", db).returncode == 0
    assert run("stats", "--db", db, "--json").stdout == first


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    out = {}
    for t in ("documents", "actors", "mentions", "events", "event_parties", "agreements", "partnerships",
              "item_parties", "evidence", "facts"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] != "ingested_at"]
        out[t] = sorted(con.execute(f"SELECT {', '.join(map(repr, cols))} FROM {t}").fetchall(), key=repr)
    con.close()
    return out


def test_cli_ingest_killed_midway_resumes(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    files = sorted((CORPUS / "whitehouse" / "statements-releases" / "2021-11").glob("*.md"))[:120]
    for f in files:
        shutil.copy(f, src / f.name)
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = subprocess.Popen([sys.executable, "-m", "communique", "ingest", str(src), "--db", str(killed),
                             "--batch-size", "16"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(killed, timeout=1)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if stored >= 16:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 16 <= stored < len(files), "the kill should land midway"
    assert run("ingest", str(src), "--db", str(killed), "--batch-size", "16").returncode == 0
    assert run("ingest", str(src), "--db", str(clean), "--batch-size", "16").returncode == 0
    assert _dump(killed) == _dump(clean)


def test_cli_ingest_parallel_equals_serial(tmp_path: Path) -> None:
    files = sorted((CORPUS / "whitehouse" / "statements-releases" / "2021-12").glob("*readout*.md"))[:24]
    src = tmp_path / "docs"
    src.mkdir()
    for f in files:
        shutil.copy(f, src / f.name)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run("ingest", str(src), "--db", str(one)).returncode == 0
    assert run("ingest", str(src), "--db", str(two), "--jobs", "2", "--batch-size", "8").returncode == 0
    assert _dump(one) == _dump(two)
