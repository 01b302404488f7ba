from __future__ import annotations

import argparse

from communique.cli import build_parser


def test_cli_every_command_and_option_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in sub._choices_actions}
    assert {"extract", "ingest", "stats", "evaluate", "events", "dyad", "export", "serve"} <= set(sub.choices)
    for name, p in sub.choices.items():
        assert helps.get(name), f"{name} has no help"
        for action in p._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.option_strings or action.dest} has no help"


def test_cli_progress_bar_only_on_a_terminal(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from communique import cli

    (tmp_path / "a.txt").write_text("date 2024-01-01\nThe leaders met.")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    with cli.progress_bar([str(tmp_path)], "ingest") as bar:
        assert bar is None  # piped: quiet
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    with cli.progress_bar([str(tmp_path)], "ingest") as bar:
        assert bar is not None
        cli._advance(bar, 1)
        prog, task = bar  # type: ignore[misc]
        assert prog.tasks[task].completed == 1 and prog.tasks[task].total >= 1
