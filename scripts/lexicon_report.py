"""Counts of the trigger lexicon, and the rows that hold a word.

    python scripts/lexicon_report.py              # counts: parsed, kept and dropped by attestation
    python scripts/lexicon_report.py talks visit  # plus every verb, pattern and noun row with the word

"Parsed" is what ``CAMEO.2.0.txt`` holds as ``build_lexicon.py`` reads it; "kept" is what the committed
``cameo_verbs.jsonl`` and ``event_nouns.jsonl`` hold after attestation in the corpus. Nothing here scans
the corpus: run ``build_lexicon.py`` to regenerate.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_lexicon as bl  # noqa: E402  (a sibling script, not a package)


def pattern_text(p: bl.Pattern) -> str:
    """A pattern as the dictionary writes it, with its alternatives joined by '|'."""
    def side(slots: tuple[bl.Slot, ...]) -> list[str]:
        return ["|".join(s) for s in slots]
    code = p.code or ""
    if p.paired is not None:
        code += ":" + p.paired
    return " ".join([*side(p.before), "*", *side(p.after), f"[{code}]"])


def counts(d: bl.Dictionary, kept: list[bl.Block], nouns: list[dict[str, object]]) -> list[tuple[str, int, int]]:
    """(what, parsed, kept) rows."""
    def tally(blocks: list[bl.Block]) -> dict[str, int]:
        return {
            "blocks": len(blocks),
            "verbs": sum(len(b.verbs) for b in blocks),
            "verb forms": sum(len(v.forms) for b in blocks for v in b.verbs),
            "patterns": sum(len(b.patterns) for b in blocks),
            "slot alternatives": sum(len(s) for b in blocks for p in b.patterns for s in (*p.before, *p.after)),
        }
    before, after = tally(d.blocks), tally(kept)
    rows = [(k, before[k], after[k]) for k in before]
    derived = bl.derived_nouns(d, kept, bl.PLOVER_MANUAL.read_text(encoding="utf-8"))
    rows.append(("event nouns", len(derived), len(nouns)))
    return rows


def word_rows(word: str, d: bl.Dictionary, kept: list[bl.Block], nouns: list[dict[str, object]]) -> list[str]:
    w = word.lower()
    out: list[str] = []
    kept_verbs = {(b.line, v.line): v for b in kept for v in b.verbs}
    kept_patterns = {(b.line, p.line): p for b in kept for p in b.patterns}
    for b in d.blocks:
        for v in b.verbs:
            if w in v.words or w in v.forms:
                k = kept_verbs.get((b.line, v.line))
                state = f"kept, {k.docs} docs, forms {', '.join(k.forms)}" if k else "dropped (not in the corpus)"
                paired = f":{v.paired}" if v.paired else ""
                out.append(f"verb    {b.name} line {v.line}: {v.verb} [{v.code}{paired}]  {state}")
        for p in b.patterns:
            if any(w in a.split() or w == a for s in (*p.before, *p.after) for a in s):
                kp = kept_patterns.get((b.line, p.line))
                shown = pattern_text(kp) if kp else pattern_text(p)
                state = f"kept, {kp.docs} docs" if kp else "dropped (not attested)"
                out.append(f"pattern {b.name} line {p.line} ({p.source or '?'}): {shown}  {state}")
    for n in nouns:
        forms = n["forms"]
        if isinstance(forms, list) and (w in forms or w == n["noun"] or any(w in str(f).split() for f in forms)):
            out.append(f"noun    {n['noun']} [{n['code']}] forms {', '.join(map(str, forms))}, "
                       f"{n['docs']} docs  <- {n['source']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("words", nargs="*", help="show the rows that hold these words")
    args = ap.parse_args(argv)
    d = bl.parse_dictionary(bl.DICTIONARY.read_text(encoding="utf-8"))
    kept = bl.reapply(d, bl.read_jsonl(bl.VERBS_OUT))
    nouns = bl.read_jsonl(bl.NOUNS_OUT)
    print(f"{'':20} {'parsed':>8} {'kept':>8} {'dropped':>8}")
    for what, parsed, k in counts(d, kept, nouns):
        print(f"{what:20} {parsed:8} {k:8} {parsed - k:8}")
    print(f"{'synonym sets':20} {len(d.synsets):8}")
    print(f"{'dictionary notes':20} {len(d.notes):8}   (irregular lines; build_lexicon.py prints them)")
    by_noun = Counter(str(n["noun"]) for n in nouns)
    several = sorted(n for n, c in by_noun.items() if c > 1)
    print(f"nouns with more than one code ({len(several)}): {', '.join(several)}")
    codes = Counter(p.code for b in kept for p in b.patterns)
    print(f"kept patterns with no event [---]: {codes[bl.NO_EVENT]}; only a reversed event [:x]: {codes[None]}")
    for word in args.words:
        print(f"\n== {word}")
        for line in word_rows(word, d, kept, nouns) or ["(no row)"]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
