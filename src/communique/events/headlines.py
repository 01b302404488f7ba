"""What a release's headline tells about the events of its body: who speaks in it (a byline names no
visitor) and who visits when the body's own clause loses the visitor."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.events.coder import Found
    from communique.events.sentences import Sent

#: the part of a headline that names its speaker: "VISIT BY X - STATEMENT BY THE PRIME MINISTER, MR Y"
BYLINE = re.compile(r"\s[-\u2013\u2014]\s*(?:STATEMENT|REMARKS|PRESS RELEASE|MEDIA RELEASE|TRANSCRIPT)\b", re.I)


def byline(found: list[Found], headline: Sent) -> None:
    """A headline's byline names who speaks, not who acts in its event: 'VISIT BY THE PRIME MINISTER OF FIJI -
    STATEMENT BY THE PRIME MINISTER, THE RT HON WILLIAM MCMAHON' is Fiji's visit (the parser may hang the
    second 'by' on the first)."""
    m = BYLINE.search(headline.text)
    if m is None:
        return
    cut = headline.span.start_char + m.start()
    doc = headline.span.doc
    for f in found:
        if f.sent is headline and f.trigger.token.idx < cut:
            kept = [d for d in f.clause.doers if d.token < 0 or doc[d.token].idx < cut]
            if kept and len(kept) < len(f.clause.doers):
                f.clause = replace(f.clause, doers=kept)


def visitors(found: list[Found], headline: Sent) -> None:
    """'VISIT OF PRESIDENT OF NAURU' over 'The President of the Republic of Nauru, His Excellency Dr X, 0. B.
    will make. an official visit to-Australia from Thursday December 9': a dated visit whose visitor the body's
    clause does not name (a typescript's OCR, a title the parser loses) is by the visitor the headline names."""
    heads = [f for f in found if f.sent is headline and (f.trigger.code or "").startswith("042") and f.clause.doers]
    if len(heads) != 1:
        return
    visitors = heads[0].clause.doers
    codes = {m.code for m in visitors}
    for f in found:
        if f.sent is headline or not (f.trigger.code or "").startswith("042") or f.clause.doers or f.clause.when is None:
            continue
        to = [*f.clause.targets, *f.clause.with_("to")]
        if to and not codes & {m.code for m in to}:
            f.clause = replace(f.clause, doers=list(visitors))
