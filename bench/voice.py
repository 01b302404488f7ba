"""Silver check at corpus scale: the speaking state of a text read without its address.

A document handed over as plain text ("date YYYY-MM-DD Title", a blank line, the body), with no
URL, tells its publisher only through what it says: the officials it names with bare titles, the
state that opens its sentences, the speaker its headline names. Every event whose side is "the
publisher's" depends on that reading. The corpus knows each document's publisher, so the reading
can be checked on thousands of texts no rule was written against.

For a random sample of each publisher's documents, the check strips the address, resolves the
actors, and compares the state the text is read to speak as (`Resolved.we`) with the publisher's
country. It prints, per publisher, how many were right, wrong or left without a voice, and with
`--show` the wrong ones. Domestic texts (a garden tour, a bill signed) have little to go on, so
the share is a noisy floor, good for catching regressions.

    PYTHONPATH=src python bench/voice.py [--per-publisher 60] [--seed 5] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from communique.ingest.readers import read_paths, read_text
from communique.nlp.pipeline import build_nlp, parse
from communique.records import Document
from communique.resolve.actors import resolve
from communique.resolve.gazetteer import load_gazetteer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PUBLISHERS = {"whitehouse": "USA", "state-dept": "USA", "kremlin": "RUS", "ukraine": "UKR", "nz-beehive": "NZL",
              "australia-pm": "AUS"}


def plain(doc: Document) -> str:
    """The document as the held-out layout gives it: a date line with the title, then the body."""
    body = doc.text
    if doc.title and body.startswith(doc.title):
        body = body[len(doc.title):].lstrip()
    return f"date {doc.published} {doc.title or ''}\n\n{body}" if doc.published else body


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-publisher", type=int, default=60)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    by: dict[str, list[Document]] = defaultdict(list)
    for d in read_paths([str(CORPUS)]):
        if isinstance(d, Document):
            folder = next((f for f in PUBLISHERS if f"/{f}/" in d.source), None)
            if folder:
                by[folder].append(d)
    rng = random.Random(args.seed)
    nlp, gaz = build_nlp(), load_gazetteer()
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[tuple[str, str | None, str]] = []
    for folder, truth in PUBLISHERS.items():
        pick = rng.sample(by[folder], min(args.per_publisher, len(by[folder])))
        texts = [read_text(plain(d), d.source).text for d in pick]
        for d, sdoc in zip(pick, parse(nlp, texts, batch_size=16), strict=True):
            res = resolve(sdoc, gaz, d.published, None)
            voice = res.we[0] if res.we else None
            tally[folder]["right" if voice == truth else "none" if voice is None else "wrong"] += 1
            if voice not in (truth, None):
                wrong.append((folder, voice, (d.title or "")[:100]))
    total = sum(sum(c.values()) for c in tally.values())
    right = sum(c["right"] for c in tally.values())
    for folder, c in tally.items():
        print(f"{folder:<14} right {c['right']:>4}  wrong {c['wrong']:>4}  none {c['none']:>4}")
    print(f"{'all':<14} right {right:>4} of {total} ({right / max(total, 1):.3f})")
    for folder, voice, title in wrong[:args.show]:
        print(f"  {folder}: read as {voice}: {title}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
