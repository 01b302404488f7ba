"""Scoring against document-level gold, by the matching rules of `shared/eval/FORMAT.md`.

`score` gives the same numbers as `shared/eval/score.py` for the same predictions (a test
checks this); `evaluate_gold` extracts the gold documents first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import CommuniqueError

TITLES = {
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "he", "his", "her", "excellency",
    "secretary", "foreign", "state", "general", "chancellor", "king", "queen", "crown", "prince",
    "premier", "vice", "deputy", "sheikh", "emir", "sultan", "jr", "sr", "ii", "iii", "honorable",
    "chairman", "senator", "ambassador", "the", "of",
}
FIELDS = ("people", "events", "agreements", "partnerships")
Key = tuple[Any, ...]


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[-\u2010-\u2015_/]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return " ".join(s.split())


def _tokens(s: str) -> frozenset[str]:
    return frozenset(t for t in norm_text(s).split() if t not in TITLES)


def _parties(*lists: Iterable[str] | None) -> frozenset[str]:
    return frozenset(str(p).strip().upper() for lst in lists for p in (lst or []) if p)


def event_key(e: dict[str, Any]) -> Key:
    return (str(e.get("type", "")).upper(), _parties(e.get("actor"), e.get("recipient")), str(e.get("date") or ""))


def agreement_key(a: dict[str, Any]) -> Key:
    return (_parties(a.get("parties")), str(a.get("date") or ""))


def partnership_key(p: dict[str, Any]) -> Key:
    level = " ".join(t for t in norm_text(p.get("level") or "").split() if t not in {"the", "a", "an"})
    return (_parties(p.get("parties")), level)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _variants(item: dict[str, Any], key: Callable[[dict[str, Any]], Key]) -> frozenset[Key]:
    return frozenset({key(item)} | {key({**item, **alt}) for alt in item.get("alt", [])})


def _match(pred: set[Key], gold: list[tuple[frozenset[Key], bool]]) -> tuple[int, int, int]:
    items: dict[frozenset[Key], bool] = {}
    for keys, req in gold:
        items[keys] = items.get(keys, False) or req
    known: set[Key] = set().union(*items) if items else set()
    tp = sum(1 for ks, req in items.items() if req and ks & pred)
    fn = sum(1 for req in items.values() if req) - tp
    return tp, len(pred - known), fn


def _person_match(name: str, gold: dict[str, Any]) -> bool:
    p = _tokens(name)
    if not p:
        return False
    for n in [gold["name"], *gold.get("aliases", [])]:
        g = _tokens(n)
        if g and (p <= g or g <= p):
            return True
    return False


def score(golds: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 per field, micro-averaged; preds are keyed by document file name."""
    t = {k: Tally() for k in FIELDS}
    extra: dict[str, list[bool]] = {"date": [], "direction": [], "place": [], "published": []}
    missing = []
    for g in golds:
        rec = preds.get(Path(g["doc"]).name)
        if rec is None:
            missing.append(g["doc"])
            rec = {}
        gp = g.get("people", [])
        used: set[int] = set()
        fp = 0
        for a in (a for a in rec.get("actors", []) if a.get("type") == "person"):
            hit = next((i for i, x in enumerate(gp) if i not in used
                        and (a.get("country") or "").upper() == x["country"] and _person_match(a.get("name", ""), x)),
                       None)
            if hit is None:
                fp += 1
            else:
                used.add(hit)
        t["people"].tp += len(used)
        t["people"].fp += fp
        t["people"].fn += len(gp) - len(used)

        pe = rec.get("events", [])
        ge = g.get("events", [])
        tp, fp, fn = _match({event_key(e) for e in pe}, [(_variants(e, event_key), e.get("required", True)) for e in ge])
        t["events"].tp += tp
        t["events"].fp += fp
        t["events"].fn += fn
        for e in ge:
            if not e.get("required", True):
                continue
            typ, pts, date = event_key(e)
            same = [p for p in pe if event_key(p)[:2] == (typ, pts)]
            if not same:
                continue
            extra["date"].append(any(str(p.get("date") or "") == date for p in same))
            full = [p for p in same if str(p.get("date") or "") == date] or same
            if e.get("recipient"):
                extra["direction"].append(any(_parties(p.get("actor")) == _parties(e.get("actor"))
                                              and _parties(p.get("recipient")) == _parties(e.get("recipient"))
                                              for p in full))
            gpl = e.get("place") or {}
            if gpl.get("country"):
                def ok(p: dict[str, Any], gpl: dict[str, Any] = gpl) -> bool:
                    pp = p.get("place") or {}
                    if (pp.get("country") or "").upper() != gpl["country"]:
                        return False
                    return not gpl.get("name") or norm_text(pp.get("name") or "") == norm_text(gpl["name"])
                extra["place"].append(any(ok(p) for p in full))
        for fld, key in (("agreements", agreement_key), ("partnerships", partnership_key)):
            tp, fp, fn = _match({key(x) for x in rec.get(fld, [])},
                                [(_variants(x, key), x.get("required", True)) for x in g.get(fld, [])])
            t[fld].tp += tp
            t[fld].fp += fp
            t[fld].fn += fn
        extra["published"].append(str((rec.get("document") or {}).get("published") or "") == g.get("published", ""))

    def share(xs: list[bool]) -> float | None:
        return round(sum(xs) / len(xs), 4) if xs else None

    summary: dict[str, Any] = {k: v.prf() for k, v in t.items()}
    summary.update({"documents": len(golds), "missing_documents": missing,
                    "date_accuracy": share(extra["date"]), "direction_accuracy": share(extra["direction"]),
                    "place_accuracy": share(extra["place"]), "published_accuracy": share(extra["published"])})
    return summary


def load_gold(paths: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise CommuniqueError(f"{p}: no such gold file or directory")
        for f in sorted(path.glob("*.json")) if path.is_dir() else [path]:
            g = json.loads(f.read_text(encoding="utf-8"))
            g["_file"] = str(f)
            out.append(g)
    return out


def gold_document_path(gold: dict[str, Any]) -> Path:
    """Gold `doc` paths are relative to `shared/`, two levels above the gold folder."""
    return Path(gold["_file"]).resolve().parent.parent.parent / gold["doc"]


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"{'field':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for k in FIELDS:
        s = summary[k]
        lines.append(f"{k:<14}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    for k in ("date_accuracy", "direction_accuracy", "place_accuracy", "published_accuracy"):
        lines.append(f"{k:<22}{summary[k]}")
    return "\n".join(lines)
