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
