"""Cut a document's text into segments so overlapping evidence spans become properly nested marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.query import Span


@dataclass
class Mark:
    span: Span
    anchor: str | None  # the HTML id on the first piece of each item, for links to #item-...


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)  # outermost first


def anchor(kind: str, item_id: str) -> str:
    return f"item-{kind}-{item_id}".replace(":", "-")


def segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    """The text split at every span boundary; each piece lists the spans covering it.

    A span that crosses another's boundary is split into several marks, so the HTML stays nested."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    seen: set[str] = set()
    out = []
    for i, j in zip(cuts, cuts[1:], strict=False):
        active = sorted((s for s in spans if s.start <= i and s.end >= j), key=lambda s: (s.start, -s.end, s.kind))
        marks = []
        for s in active:
            a = anchor(s.kind, s.item_id)
            marks.append(Mark(span=s, anchor=None if a in seen else a))
            seen.add(a)
        out.append(Segment(text=text[i:j], marks=marks))
    return out
