"""Silver checks at corpus scale: titles that state the event.

A title such as "Readout of President Biden's Call with President Macron of France", "Telephone
conversation with President of Finland Sauli Niinisto" or "Secretary Blinken's Meeting with
Turkish Foreign Minister Cavusoglu" says a consultation took place between the publisher's
country and one foreign country, around the publication day. No one annotated these documents,
so a miss is a cheap, noisy signal, good for catching regressions over thousands of texts that
no rule was written against.

For every document of `../shared/corpus` whose title names a call, meeting, talks or a visit
and exactly one foreign country (and no future: "upcoming", "will", "to visit"), the check
wants a CONSULT event whose parties include the publisher's country and that country, dated
from two days before publication to the publication day (Kremlin stamps are in UTC), or planned
for the four months after it (announcements: "Visit to Indonesia"). It
prints, per publisher, how many such titles were checked and the share met; `--show` lists the
misses with the events extracted.

    PYTHONPATH=src python bench/silver.py [--per-publisher 150] [--jobs 2] [--show 20]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from communique.ingest.readers import read_paths
from communique.parallel import extract_parallel
from communique.records import Document
from communique.resolve.gazetteer import load_gazetteer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

PUBLISHERS = {  # folder -> (publisher, its country)
    "whitehouse": ("wh", "USA"), "state-dept": ("state", "USA"), "kremlin": ("kremlin", "RUS"),
    "ukraine": ("ukraine", "UKR"), "nz-beehive": ("nz", "NZL"), "australia-pm": ("au", "AUS"),
}
EVENT = re.compile(r"\b(?:calls?|telephone conversations?|phone conversations?|phone call|conversation|meeting|"
                   r"meets|met|talks|visits?|visited)\b", re.I)
FUTURE = re.compile(r"\b(?:upcoming|will|to (?:visit|meet|travel|hold|attend|host|be held|open|lead|discuss)|ahead of|"
                    r"forthcoming|planned|announce[sd]?|invit\w+|travel|talks (?:on|about)|to\s+[A-Z])\b", re.I)
WORDS = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*")


def title_country(title: str, own: str) -> str | None:
    """The one foreign country a title names (by name, demonym or adjective), else None."""
    gaz = load_gazetteer()
    found: set[str] = set()
    for m in WORDS.finditer(title):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                c = gaz.country(" ".join(words[i:j]).strip(".,’'"))
                if c:
                    found.add(c)
                    break
    found.discard(own)
    found = {c for c in found if not c.startswith("IGO:")}
    return found.pop() if len(found) == 1 else None


def candidates(per_publisher: int) -> list[tuple[str, str, Document]]:
    """(publisher, foreign country, document) for titles that state a consultation."""
    out: list[tuple[str, str, Document]] = []
    for folder, (pub, own) in PUBLISHERS.items():
        picked: list[tuple[str, str, Document]] = []
        for item in read_paths([str(CORPUS / folder)]):
            if not isinstance(item, Document) or not item.title or not item.published:
                continue
            title = " ".join(item.title.split())
            if not EVENT.search(title) or FUTURE.search(title):
                continue
            country = title_country(title, own)
            if country:
                picked.append((pub, country, item))
        step = max(1, len(picked) // per_publisher)
        out.extend(picked[::step][:per_publisher])
    return out


def met(events: list, own: str, country: str, published: str) -> bool:
    """A consultation of the two, dated from two days before publication to its day, or planned
    for the next four months (titles announcing a visit: "Visit to Indonesia")."""
    pub = date.fromisoformat(published[:10])
    lo = (pub - timedelta(days=2)).isoformat()
    hi = (pub + timedelta(days=120)).isoformat()
    for e in events:
        parties = set(e.actor) | set(e.recipient)
        if e.type != "CONSULT" or own not in parties or country not in parties or not e.date:
            continue
        if lo <= e.date[:10] <= pub.isoformat() or (e.status == "planned" and pub.isoformat()[:len(e.date)] <= e.date <= hi):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-publisher", type=int, default=150)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=0, help="list this many misses per publisher")
    ap.add_argument("--only", default="", help="check one publisher (wh, state, kremlin, ukraine, nz, au)")
    ap.add_argument("--since", default="", help="only documents published on or after this date (YYYY-MM-DD)")
    args = ap.parse_args()
    t0 = time.time()
    cands = [c for c in candidates(args.per_publisher) if (not args.only or c[0] == args.only)
             and (c[2].published or "") >= args.since]
    docs = [d for _, _, d in cands]
    t1 = time.time()
    records = {d.source + "#" + d.id: r for d, r in extract_parallel(docs, args.jobs, on_error=lambda e: None)}
    t2 = time.time()
    own_of = {pub: own for pub, own in PUBLISHERS.values()}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    for pub, country, d in cands:
        rec = records.get(d.source + "#" + d.id)
        ok = rec is not None and met(rec.events, own_of[pub], country, d.published or "")
        tally[pub][0] += ok
        tally[pub][1] += 1
        if not ok and rec is not None:
            evs = "; ".join(f"{e.type} {'+'.join(e.actor)}>{'+'.join(e.recipient)} {e.date}" for e in rec.events[:6])
            misses[pub].append(f"  [{d.published}] {' '.join((d.title or '').split())[:110]} -> want {country} | {evs}")
    print(f"{'publisher':<10}{'titles':>8}{'met':>8}{'share':>8}")
    total = [0, 0]
    for pub, (ok, n) in sorted(tally.items()):
        total[0] += ok
        total[1] += n
        print(f"{pub:<10}{n:>8}{ok:>8}{ok / n:>8.2f}")
    print(f"{'all':<10}{total[1]:>8}{total[0]:>8}{total[0] / max(total[1], 1):>8.2f}")
    print(f"read {t1 - t0:.0f} s, extracted {len(docs)} documents in {t2 - t1:.0f} s")
    if args.show:
        for pub, ms in sorted(misses.items()):
            print(f"\nmisses, {pub}:")
            print("\n".join(ms[: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
