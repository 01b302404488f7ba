"""Honours conferred and invitations extended.

An honour is a named medal, order, prize or title conferred ("awarded ... the Order of
Friendship", "conferred the Friendship Medal on"): the conferring party is the clause's subject,
the recipient the person named after the verb. Conferring an honour on another state's person is
also SUPPORT (GUIDELINES.md). An invitation ("invited X to visit", "X is welcome to attend")
names an inviter, an invitee and what is offered.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from communique.events.common import Context, evidence
from communique.events.parse import is_verb, subjects
from communique.events.parties import Mention, dedupe
from communique.events.sentences import Sent, time_near
from communique.records import Honour, Invitation

CONFER = frozenset({"award", "awarded", "awards", "awarding", "confer", "conferred", "confers", "conferring",
                    "bestow", "bestowed", "bestows", "present", "presented", "presents", "decorate", "decorated"})
HONOUR_WORDS = re.compile(r"\b(?:medal|order|prize|award|honou?r|decoration|title|star|cross)\b", re.I)
QUOTED = re.compile(r"[\"\u201c](?P<q>[^\"\u201d]{3,80})[\"\u201d]")
HONOUR_NAME = re.compile(r"(?:the\s+)?(?P<h>(?:[\"\u201c][^\"\u201d]+[\"\u201d]|(?:[A-Z][\w'-]*\s+){0,4}(?:Medal|Order|Prize|Award|Cross|Star))"
                         r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s?)+)?)")
INVITE = frozenset({"invite", "invited", "invites", "inviting", "invitation", "invitations"})


def honours(sent: Sent, ctx: Context, date: str | None) -> list[Honour]:
    out: list[Honour] = []
    for tok in sent.span:
        if tok.lower_ not in CONFER or not is_verb(tok):
            continue
        rest = sent.text[tok.idx - sent.start:]
        if not HONOUR_WORDS.search(rest[:160]):
            continue
        hm = QUOTED.search(rest) or HONOUR_NAME.search(rest)
        if not hm:
            continue
        name = hm.group(1).strip().strip("\"\u201c\u201d")
        giver = dedupe([m for s in subjects(tok) for m in ctx.parties.of_np(s)])
        if not giver:
            giver = [Mention(c, "group") for c in ctx.res.main[:1]]
        recipient = _recipient(tok, ctx)
        rname = rcountry = None
        if recipient is not None:
            rname, rcountry = recipient
        out.append(Honour(name=name, conferred_by=giver[0].code if giver else None, recipient=rname,
                          recipient_country=rcountry, date=date, evidence=evidence(sent.span)))
    return out


def _recipient(verb: Token, ctx: Context) -> tuple[str | None, str | None] | None:
    for t in verb.subtree:
        if t.i <= verb.i:
            continue
        m = ctx.parties.at(t)
        if m is not None and m.person and m.person in ctx.res.people:
            p = ctx.res.people[m.person]
            return p.name, p.country
    for t in verb.subtree:
        m = ctx.parties.at(t)
        if t.i > verb.i and m is not None:
            return None, m.code
    return None


def invitations(sent: Sent, ctx: Context) -> list[Invitation]:
    out: list[Invitation] = []
    for tok in sent.span:
        if tok.lower_ not in INVITE:
            continue
        if is_verb(tok):
            inviter = dedupe([m for s in subjects(tok) for m in ctx.parties.of_np(s)])
            invitee = dedupe([m for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for m in ctx.parties.of_np(c)])
        else:  # "accepted the invitation of X to visit", "an invitation from X"
            inviter = dedupe([m for c in tok.children if c.dep_ == "poss" for m in ctx.parties.of_np(c)]
                             + [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                                for o in c.children for m in ctx.parties.of_np(o)])
            v = tok.head
            invitee = dedupe([m for s in subjects(v) for m in ctx.parties.of_np(s)]) if is_verb(v) else []
        if not inviter:
            inviter = [Mention(c, "group") for c in ctx.res.main[:1]]
        invitee = [m for m in invitee if m.code not in {i.code for i in inviter}]
        if not invitee:
            others = [c for c in ctx.res.main[:2] if c not in {i.code for i in inviter}]
            invitee = [Mention(c, "group") for c in others[:1]]
        if not inviter or not invitee:
            continue
        what = sent.text[tok.idx - sent.start + len(tok.text):][:80].split(".")[0].strip()
        when = time_near(sent, tok.idx - sent.start)
        out.append(Invitation(inviter=[inviter[0].code], invitee=[invitee[0].code], what=what,
                              date=when.value if when else None, evidence=evidence(sent.span)))
    return out
