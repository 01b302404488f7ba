"""`communique evaluate` reports the numbers of shared/eval/score.py, and meets the issue's bar on the gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.evaluate import score
from tests.helpers import GOLD, SHARED
from tests.test_cli import run


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], Path]:
    pred = tmp_path_factory.mktemp("eval") / "pred.jsonl"
    r = run("evaluate", "--gold", str(GOLD), "--predictions", str(pred), "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1]), pred


def test_evaluate_matches_score_py(evaluated: tuple[dict[str, object], Path]) -> None:
    ours, pred = evaluated
    theirs = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD), "--pred",
                             str(pred), "--json"], capture_output=True, text=True, check=True)
    assert ours == json.loads(theirs.stdout)


def test_evaluate_holds_the_floor_on_gold(evaluated: tuple[dict[str, object], Path]) -> None:
    """Regression floors at what was measured on the whole visible gold (33 documents, the
    parse-based coder); the goals (events 0.85, people 0.95, ...) live in issue 7 and are scored
    on private documents."""
    s, _ = evaluated
    f1 = {k: s[k]["f1"] for k in ("events", "people", "agreements", "partnerships")}  # type: ignore[index]
    assert f1["events"] >= 0.895 and f1["people"] >= 0.99
    assert f1["agreements"] >= 0.94 and f1["partnerships"] >= 0.99
    assert s["date_accuracy"] >= 0.98 and s["place_accuracy"] >= 0.96  # type: ignore[operator]
    assert s["direction_accuracy"] >= 0.99  # type: ignore[operator]


def test_evaluate_score_counts_required_and_optional() -> None:
    gold = [{"doc": "x/a.txt", "people": [], "events": [
        {"type": "CONSULT", "actor": ["CHN"], "recipient": ["TJK"], "date": "2024-07-05"},
        {"type": "COOPERATE", "actor": ["CHN", "TJK"], "date": "2024-07-05", "required": False}]}]
    pred = {"a.txt": {"events": [
        {"type": "CONSULT", "actor": ["TJK", "CHN"], "recipient": [], "date": "2024-07-05"},
        {"type": "COOPERATE", "actor": ["CHN", "TJK"], "date": "2024-07-05"},
        {"type": "ACCUSE", "actor": ["CHN"], "recipient": ["USA"], "date": "2024-07-05"}]}}
    s = score(gold, pred)
    assert (s["events"]["tp"], s["events"]["fp"], s["events"]["fn"]) == (1, 1, 0)
    assert s["direction_accuracy"] == 0.0  # the visit's direction was lost


def test_evaluate_plover_gsr_holds_the_floor() -> None:
    """PLOVER-GSR through sentence mode, with no fitted trigger left: floors at what was measured
    (the goal of issue 7 is type 0.75 at most 1.3 events a sentence, source+target 0.70)."""
    from communique import sentence_eval
    from communique.extract import get_extractor

    m = sentence_eval.evaluate_plover(SHARED / "eval" / "plover-gsr", get_extractor("sentence"))
    assert m["type"]["accuracy"] >= 0.75 and m["types_per_sentence"] <= 1.3
    assert m["source"]["accuracy"] >= 0.81 and m["target"]["accuracy"] >= 0.76
    assert m["dyad"]["accuracy"] >= 0.70


def test_evaluate_petrarch_gsr_holds_the_floor() -> None:
    """PETRARCH-2 validation sentences through sentence mode: floors at what was measured (the goal
    of issue 7 is CAMEO root and dyad 0.50)."""
    from communique import sentence_eval
    from communique.extract import get_extractor

    m = sentence_eval.evaluate_petrarch(SHARED / "eval" / "petrarch2-gsr", get_extractor("sentence"))
    assert m["root"]["accuracy"] >= 0.65 and m["dyad"]["accuracy"] >= 0.70
