"""Verbal acts aimed at a party: SUPPORT, ACCUSE, REQUEST, REJECT, THREATEN, CONCEDE.

The doer is the clause's subject; the party acted on is its object ("condemned Russia"), the
owner of a non-party object ("condemned Russia's attack", "welcomed Indonesia's leadership"),
or the party of the phrase the verb governs: "called on X", "appealed to X", "support for X",
"concern about X", "stand with X" (PLOVER codebook: REQUEST, ACCUSE, SUPPORT ...).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.events.clause import Clause
from communique.events.common import Context, directed
from communique.events.parse import children, is_verb
from communique.events.parties import Mention, dedupe
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
    verb = clause.verb
    if ctx.sentence_mode and verb is not None:
        doers = {m.code for m in clause.doers}
        if type_ == "REQUEST" and not [m for m in clause.targets if m.code not in doers]:
            clause = replace(clause, targets=addressed(verb, ctx))
        elif type_ == "THREATEN":  # the party whose acting would avert the threat is the one threatened
            clause = replace(clause, targets=conditioned(verb, ctx) or clause.targets)
    return directed(ctx, clause, sent, type_, cameo, RECIPIENT_PREPS[type_])


def addressed(verb: Token, ctx: Context) -> list[Mention]:
    """Whom a demand is made of when it is a clause: the subject of "demanded that X withdraw" (the
    subject of a mandative clause is the one asked to act)."""
    return dedupe([m for c in verb.children if c.dep_ == "ccomp" for s in children(c, "nsubj", "nsubjpass")
                   for m in ctx.parties.of_np(s)])


def conditioned(verb: Token, ctx: Context) -> list[Mention]:
    """Whom a conditional threat is aimed at: the subject of its 'if' or 'unless' clause ("threatened
    to strike unless X withdrew"), on the threat or the act threatened."""
    out: list[Mention] = []
    stack, seen = [verb], 0
    while stack and seen < 6:
        v = stack.pop(0)
        seen += 1
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                out += [m for s in children(c, "nsubj", "nsubjpass") for m in ctx.parties.of_np(s)]
            elif c.dep_ in ("xcomp", "ccomp") and is_verb(c):
                stack.append(c)
    return dedupe(out)
