"""Verbal acts aimed at a party: SUPPORT, ACCUSE, REQUEST, REJECT, THREATEN, CONCEDE.

The doer is the clause's subject; the party acted on is its object ("condemned Russia"), the
owner of a non-party object ("condemned Russia's attack", "welcomed Indonesia's leadership"),
or the party of the phrase the verb governs: "called on X", "appealed to X", "support for X",
"concern about X", "stand with X" (PLOVER codebook: REQUEST, ACCUSE, SUPPORT ...).
"""

from __future__ import annotations

from spacy.tokens import Span

from communique.events.clause import Clause
from communique.events.common import Context, directed
from communique.records import Event

#: where each kind of statement names the party it is about, in order of preference
#: ("by" first: "condemned the attack on X by Y" is about Y, who did what is judged)
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "SUPPORT": ("by", "for", "to", "with", "on", "of"),
    "ACCUSE": ("by", "against", "of", "about", "over", "for", "on", "at"),
    "REQUEST": ("on", "upon", "to", "for", "of"),
    "REJECT": ("by", "of", "from", "to", "against"),
    "THREATEN": ("against", "on", "to", "with"),
    "CONCEDE": ("to", "for", "on"),
}

TYPES = frozenset(RECIPIENT_PREPS)


def code(clause: Clause, ctx: Context, sent: Span, type_: str, cameo: str) -> list[Event]:
    return directed(ctx, clause, sent, type_, cameo, RECIPIENT_PREPS[type_])
