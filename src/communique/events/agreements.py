"""AGREE: signed or adopted texts (with the Agreement facts they give) and stated intents.

A text is signed or adopted when a signing verb (CAMEO 057 and the verbs of adoption the
guidelines name: "signed or adopted") has an agreement noun as its object, its passive subject
("a joint statement was adopted"), or the noun it describes ("the joint declaration signed by X
and Y on Thursday"). Its parties are the signers (subject, agent, "with", "between"), else the
pair the document is about; its title is the object phrase as written; "more than 20 documents"
gives a count. Every agreement is also an AGREE event between its parties (GUIDELINES.md).

Intents (CAMEO 03: "agreed to", "pledged to", "is ready to") are AGREE among the doers and their
partners.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from communique.events.clause import Clause
from communique.events.common import (
    Context,
    directed,
    event_date,
    evidence,
    make_event,
    speakers_met,
    status_of,
    together,
)
from communique.events.lexicon import Trigger
from communique.events.parse import children, conjuncts, is_verb, negated
from communique.events.parties import Mention, dedupe
from communique.records import Agreement, Event
from communique.resolve.gazetteer import read_jsonl

#: verbs that make a text binding or public, beyond the CAMEO dictionary's 057 patterns
ADOPT_VERBS = frozenset({
    "sign", "signs", "signed", "signing", "adopt", "adopts", "adopted", "adopting", "conclude", "concluded",
    "concludes", "ink", "inked", "issue", "issued", "issues", "release", "released", "approve", "approved",
    "exchange", "exchanged", "ratify", "ratified", "endorse", "endorsed", "initial", "initialled", "initialed",
    "agree", "agreed", "finalize", "finalized", "finalise", "finalised", "launch", "launched", "unveil",
    "unveiled", "publish", "published"})
#: verbs of attending a signing: "the leaders witnessed the exchange of documents"
WITNESS_VERBS = frozenset({"witness", "witnessed", "witnesses", "attend", "attended", "oversaw", "oversee",
                           "saw", "held", "hold", "presided"})
#: those whose object is signed only with an agreement word ("issued a joint statement", not "issued a warning")
WEAK = frozenset({"issue", "issued", "issues", "release", "released", "launch", "launched", "unveil", "unveiled",
                  "publish", "published", "agree", "agreed", "endorse", "endorsed", "approve", "approved"})

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
           "dozen": 12, "dozens": 24}
TITLE_STOP = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj"})
TITLE_PREP_STOP = frozenset({"with", "during", "at", "by", "after", "before", "following", "in"})


@cache
def kinds() -> list[tuple[str, re.Pattern[str]]]:
    return [(r["kind"], re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I)) for r in read_jsonl("agreement_kinds.jsonl")]


def kind_of(head: Token) -> str | None:
    """The agreement kind a noun phrase names ("joint statement", "memorandum", "treaty"), by its head."""
    lo = min(c.i for c in head.subtree if c.i <= head.i and c.dep_ in ("compound", "amod", "nmod") or c.i == head.i)
    phrase = head.doc[lo:head.i + 1].text
    for kind, pat in kinds():
        m = pat.search(phrase)
        if m and m.end() >= len(phrase) - 1:
            return kind
    if head.text in ("Statement", "Statements") and head.i > head.sent.start and head.tag_.startswith("NN"):
        return "statement"  # a titled document ("approved a Statement by the Presidents of X and Y")
    return None


def _title(head: Token) -> str:
    doc = head.doc
    keep = [head]
    stack = [c for c in head.children]
    while stack:
        c = stack.pop()
        if c.head.i == head.i and (c.dep_ in TITLE_STOP or (c.dep_ == "prep" and c.lower_ in TITLE_PREP_STOP)):
            continue
        keep.append(c)
        stack.extend(c.children)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep) + 1
    text = doc[lo:hi].text
    return re.sub(r"^(?:a|an|the|this|these|its|their)\s+", "", text, flags=re.I).strip(" ,.;:")


def _count(head: Token) -> int | None:
    for c in head.children:
        if c.dep_ == "nummod":
            w = c.lower_.replace(",", "")
            if w.isdigit():
                return int(w)
            if w in NUMBERS:
                return NUMBERS[w]
    return None


#: nouns of signing: "the exchange of more than 20 documents", "the signing of a memorandum"
SIGNING_NOUNS = frozenset({"signing", "exchange", "adoption", "conclusion", "signature", "initialling"})


def objects_signed(verb: Token) -> list[Token]:
    """Agreement nouns a signing verb acts on: object, passive subject, or the noun it describes;
    through a noun of signing ("witnessed the exchange of 20 documents")."""
    cands: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            for x in conjuncts(c):
                cands.append(x)
                if x.lower_ in SIGNING_NOUNS:
                    cands.extend(o for p in children(x, "prep") if p.lower_ == "of" for o in children(p, "pobj"))
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        cands.extend(conjuncts(verb.head))
    elif not cands and verb.tag_ in ("VBN", "VBD") and verb.i > 0 and verb.doc[verb.i - 1].tag_.startswith("NN"):
        cands.append(verb.doc[verb.i - 1])  # "the Joint Statement adopted ...", a reduced relative the parser missed
    return [c for c in cands if kind_of(c)]


def agreements_of(verb: Token, ctx: Context, sent: Span, doers: list[Mention], partners: list[Mention],
                  date: str | None, signed: list[Token] | None = None) -> list[Agreement]:
    """The agreements a signing verb gives, with parties and date (empty when not signed); with `signed`,
    the agreements a noun of signing names in the verb's clause ("are taking a step with the signing of X")."""
    if not is_verb(verb) or negated(verb):
        return []
    if signed is None and verb.lower_ not in ADOPT_VERBS and not (verb.lower_ in WITNESS_VERBS and any(
            c.lower_ in SIGNING_NOUNS for c in verb.children if c.dep_ == "dobj")):
        return []
    out = []
    for obj in signed if signed is not None else objects_signed(verb):
        kind = kind_of(obj)
        if verb.lower_ in WEAK and kind not in ("joint statement", "joint declaration", "declaration",
                                                 "communique", "action plan", "roadmap", "agreement", "charter") \
                and not (kind == "statement" and verb.lower_ in ("approve", "approved", "endorse", "endorsed")):
            continue  # (a titled Statement is agreed when approved, not when merely issued)
        with_obj = [m for p in ("between", "with") for m in _obj_prep(ctx, obj, p)]
        if obj.tag_ == "NNS" and len(with_obj) >= 2 and doers:  # "agreements with Poland and the Czech Republic": one each
            for m in with_obj:
                out.append(Agreement(title=_title(obj)[:300], kind=kind, parties=sorted({doers[0].code, m.code}),
                                     date=date, count=None, evidence=evidence(sent)))
            continue
        parties = dedupe([*doers, *partners, *with_obj])
        codes = [m.code for m in parties]
        if len(codes) < 2 and ctx.res.group and len(ctx.res.group) >= 2 and not _signed_by_many(verb):
            # no signer stated: the text's sides (all who met, when its main meeting had more than two); one
            # stated: it and the text's other main side
            codes = list(ctx.res.group) if not codes else list(dict.fromkeys([*codes, *ctx.res.group]))[:2]
        if len(set(codes)) < 2:
            continue
        out.append(Agreement(title=_title(obj)[:300], kind=kind, parties=sorted(set(codes)), date=date,
                             count=_count(obj), evidence=evidence(sent)))
    return out


def signing_noun(tok: Token) -> tuple[Token, list[Token]] | None:
    """A noun of signing in a prepositional phrase of a verb ("taking a step with the signing of a
    Framework", "marked by the conclusion of a treaty"): the verb and the agreements signed."""
    if tok.lower_ not in SIGNING_NOUNS - {"exchange"} or not tok.tag_.startswith("NN") or tok.dep_ != "pobj" \
            or tok.head.lower_ not in ("with", "by", "at", "through", "during", "following", "after"):
        return None  # (the occasion or means of the act; not "preparations for the conclusion of X", still to come)
    signed = [o for p in children(tok, "prep") if p.lower_ == "of" for o in children(p, "pobj") if kind_of(o)]
    verb = tok.head.head
    for _ in range(4):  # ("a step towards closer links with the signing of X": up through the nouns)
        if is_verb(verb) or verb.head == verb or verb.dep_ not in ("pobj", "prep", "dobj"):
            break
        verb = verb.head
    if not signed or not is_verb(verb) or verb.lower_ in ADOPT_VERBS | WITNESS_VERBS:
        return None
    return verb, signed


def empty_intent(t: Trigger) -> bool:
    """Document mode: a bare verb of intent or offer that states no content is no commitment (GUIDELINES:
    AGREE is "a concrete step"). INTEND needs the act intended ("intend to deepen", not "what they
    mean to us"); OFFER needs what is offered ("offered assistance", not "we offer them")."""
    if t.nominal or len(t.covered) > 1 or not (t.code or "").startswith("03") or t.block not in ("INTEND", "OFFER"):
        return False
    verb = t.token
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return t.block == "INTEND" or not any(c.dep_ == "dobj" and c.tag_ in ("NN", "NNS", "NNP") for c in verb.children)


#: words that count signers beyond a pair ("several countries", "dozens of nations")
MANY = frozenset({"many", "several", "numerous", "dozens", "scores", "hundreds", "all", "more", "most"})


def _coordinated_up(verb: Token) -> list[Token]:
    """The verb and the verbs it is coordinated with before it ("will address ... and sign": "address")."""
    out = [verb]
    while out[-1].dep_ == "conj" and out[-1].head is not out[-1] and len(out) < 6:
        out.append(out[-1].head)
    return out


def _signing(verb: Token) -> bool:
    """A verb that signs or adopts a document ("sign an agreement", "witness the signing of a treaty")."""
    return is_verb(verb) and (verb.lower_ in ADOPT_VERBS and verb.lower_ not in WEAK or verb.lower_ in WITNESS_VERBS
                              and any(c.lower_ in SIGNING_NOUNS for c in verb.children if c.dep_ == "dobj")) \
        and bool(objects_signed(verb))


def _signed_by_many(verb: Token) -> bool:
    """The signers are counted past a pair ("Eighty-two countries have signed", "more than 80 states
    signed"): the text's pair is not who signed."""
    subjects = children(verb, "nsubj", "nsubjpass")
    if not subjects and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        subjects = children(verb.head, "nsubj", "nsubjpass")  # a root the parser put elsewhere
    for s in subjects:
        for c in s.subtree:
            pair = c.lower_ in ("two", "2", "both") and not any(x.tag_ == "CD" for x in c.children)  # not "Eighty-two"
            if (c.dep_ == "nummod" and not pair) or (c.lower_ in MANY and c.head.i == s.i):
                return True
    return False


def _concurs(verb: Token, ctx: Context) -> bool:
    """"I completely agree with you", "we agree with him": sharing a view someone stated, with nothing
    agreed to, on or about (PLOVER AGREE is agreeing to a course of action, not to an opinion)."""
    if verb.lower_ not in ("agree", "agrees", "agreed") or any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "advcl") for c in verb.children):
        return False
    preps = children(verb, "prep")
    if not preps or any(p.lower_ != "with" for p in preps):
        return False
    return all(o.tag_ == "PRP" or (m := ctx.parties.at(o)) is not None and m.kind == "person"
               for p in preps for o in children(p, "pobj"))


def _obj_prep(ctx: Context, obj: Token, word: str) -> list[Mention]:
    out: list[Mention] = []
    for p in children(obj, "prep"):
        if p.lower_ == word:
            for o in children(p, "pobj"):
                out.extend(ctx.parties.of_np(o, 1))
    return out


def code(clause: Clause, ctx: Context, sent: Span, cameo: str) -> tuple[list[Event], list[Agreement]]:
    """AGREE events and agreements for one trigger coded AGREE."""
    status = status_of(clause)
    if status is None:
        return [], []
    verb = clause.verb if clause.verb is not None else clause.trigger.token
    if not ctx.sentence_mode and _concurs(verb, ctx):
        return [], []
    date = event_date(ctx, clause, "occurred")
    doers = clause.doers if len(clause.doers) != 1 else dedupe([*clause.doers, *speakers_met(clause, ctx)])
    ags = agreements_of(verb, ctx, sent, doers, clause.with_("with", "between"), date) if status == "occurred" else []
    if ags:
        return [], ags  # the events come from the agreements (coder), once per text signed
    planned = event_date(ctx, clause, "planned") if status == "planned" else None
    if planned and not ctx.sentence_mode and _signing(verb) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for v in _coordinated_up(verb) for c in v.children):
        # "will sign an agreement next week": a signing to come, with a time, is planned at that time, not an
        # agreement made now (GUIDELINES: planned acts with a time reference); not one only asked for ("invite
        # X to sign") or believed in ("I believe we will sign many more")
        parties = dedupe([*doers, *clause.with_("with", "between")])
        if len(parties) < 2 and len(ctx.res.group) >= 2:
            parties = dedupe([*parties, *(Mention(c, "group") for c in ctx.res.group)])
        ev = make_event(ctx, clause, sent, "AGREE", cameo, parties, [], status="planned", date=planned)
        return ([ev] if ev else []), []
    if not ctx.sentence_mode and cameo == "032" and len({m.code for m in clause.doers}) == 1 \
            and not clause.with_("with", "between", "among") and (clause.targets or clause.with_("to")):
        # "pledged support to the people and government of X": one side's promise of policy support to
        # another (CAMEO 032, "such as policy support") is its endorsement (GUIDELINES: SUPPORT, one party
        # explicitly endorsed another), not an agreement between two
        return directed(ctx, clause, sent, "SUPPORT", "051", ("to",)), []
    if ctx.sentence_mode and clause.doers and not clause.with_("with", "between", "among") and (
            clause.targets or clause.with_("to", "for")):
        # "X offered Y ...", "offered troops to Y", "agreed to Y's mediation": Y is the recipient
        return directed(ctx, clause, sent, "AGREE", cameo, ("to", "for")), []
    return together(ctx, clause, sent, "AGREE", cameo), []
