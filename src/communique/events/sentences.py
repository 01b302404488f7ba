"""Sentences of a parsed document with their parties and resolved time expressions.

Each `Sent` keeps its span (for the parse), its text and offsets (for evidence), the party
mentions inside it, and its time expressions resolved against the publication date, each with
the token that heads it in the parse (so a trigger can take the time of its own clause).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.events.dates import TIME_HINT, TimeRef, find_times
from communique.events.parse import token_starts
from communique.resolve.actors import Resolved

#: collective subjects that stand for the pair a text is about
GROUP = re.compile(r"\b(?:the two (?:leaders|sides|presidents|heads of state|countries|nations|ministers|"
                   r"governments|delegations)|both (?:leaders|sides|countries|presidents)|the leaders|they|"
                   r"the parties|both|we|our|my)\b|\bI\b", re.I)


@dataclass
class Sent:
    span: Span
    start: int
    end: int
    text: str
    parties: list[tuple[int, int, str]]  # absolute char offsets, code
    times: list[TimeRef]  # offsets relative to the sentence
    time_roots: list[tuple[TimeRef, Token]]  # each time with the token heading it in the parse


def _root(doc: Doc, starts: list[int], s: int, e: int) -> Token:
    first = max(0, bisect.bisect_right(starts, s) - 1)
    last = max(first, bisect.bisect_left(starts, e) - 1)
    toks = [doc[i] for i in range(first, last + 1)]
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head == t]
    return heads[0] if heads else toks[0]


def sentences(doc: Doc, res: Resolved, published: str | None) -> list[Sent]:
    text = res.text
    starts = token_starts(doc)
    spans = res.party_spans
    out = []
    j = 0
    for span in doc.sents:
        s = span.start_char
        body = text[s:span.end_char].rstrip()
        if not body.strip():
            continue
        e = s + len(body)
        while j < len(spans) and spans[j][0] < s:
            j += 1
        k = j
        while k < len(spans) and spans[k][0] < e:
            k += 1
        parties = [(a, b, c) for a, b, c, _ in spans[j:k] if c]
        times = find_times(body, published) if TIME_HINT.search(body) else []
        roots = [(t, _root(doc, starts, s + t.start, s + t.end)) for t in times]
        out.append(Sent(span, s, e, body, parties, times, roots))
    return out


def time_near(sent: Sent, at: int, max_gap: int = 70) -> TimeRef | None:
    """The time expression nearest to sentence offset `at`, ahead first; None when far away
    (unless it opens the sentence: "Yesterday, ...", "On July 5, ...")."""
    if not sent.times:
        return None
    after = [t for t in sent.times if t.start >= at]
    before = [t for t in sent.times if t.start < at]
    cands = ([after[0]] if after else []) + ([before[-1]] if before else [])
    best = min(cands, key=lambda t: (t.start - at) if t.start >= at else max(0, at - t.end) * 1.5)
    gap = best.start - at if best.start >= at else max(0, at - best.end)
    if gap > max_gap and best.start > 40:
        return None
    return best
