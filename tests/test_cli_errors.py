"""Command errors are one line on stderr with exit status 2, never a traceback; rejected inputs
are one line each with exit status 1."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from communique.cli import main


def one_line_exit(argv: list[str], capsys: pytest.CaptureFixture[str], status: int = 2) -> str:
    assert main(argv) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_cli_serve_bad_port(query_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_exit(["serve", "--db", str(query_db), "--port", "99999"], capsys)
    assert "--port 99999" in line


def test_cli_serve_busy_port(query_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        line = one_line_exit(["serve", "--db", str(query_db), "--port", str(port)], capsys)
    assert f"127.0.0.1:{port}" in line and "in use" in line


def test_cli_output_into_a_missing_folder(query_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no" / "such"
    line = one_line_exit(["export", "--db", str(query_db), "--format", "csv", "--output", str(missing / "x.csv")],
                         capsys)
    assert "does not exist" in line and str(missing) in line
    line = one_line_exit(["extract", str(tmp_path), "--output", str(missing / "x.jsonl")], capsys)
    assert "does not exist" in line


@pytest.mark.parametrize("content", [b"this is not a database", b""])
@pytest.mark.parametrize("command", [["stats"], ["events"], ["export", "--format", "jsonl", "--output", "-"],
                                     ["serve", "--port", "0"]])
def test_cli_unreadable_store(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                              command: list[str]) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    line = one_line_exit([*command, "--db", str(db)], capsys)
    assert str(db) in line


def test_cli_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_exit(["events", "--db", str(tmp_path / "none.db")], capsys)
    assert "no such database" in line


def test_cli_rejected_inputs_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "nodate.csv").write_text("link,headline,body\nu,h,The leaders met.\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "data.bin").write_bytes(b"\x00\x01")
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 1
    err = capsys.readouterr().err.splitlines()
    for name in ("nodate.csv", "report.pdf", "data.bin"):
        assert sum(name in line for line in err) == 1, (name, err)
    assert any("--csv-date" in line for line in err if "nodate.csv" in line)
    assert "Traceback" not in "\n".join(err)
