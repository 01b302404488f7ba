"""One trigger's clause, read off the parse into the roles event coding needs.

`read_clause` turns a trigger (a dictionary verb or an event noun) into a `Clause`: the parties
doing it, the parties it is done to (objects, the subject of a passive), parties owning a
non-party object ("condemned Russia's attack"), the parties of each prepositional phrase
("with", "to", "on", "against", "between" ...), its modality (happened, planned, or only wished
or conditional), negation, and the time expression attached to its own clause.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from communique.events.dates import TimeRef
from communique.events.lexicon import Trigger
from communique.events.parse import (
    Modality,
    children,
    conjuncts,
    depth_to,
    is_verb,
    modality,
    negated,
    objects,
    preps,
    subjects,
)
from communique.events.parties import Mention, Parties, dedupe, thing_nouns

#: verbs through which a noun trigger's doer is the verb's subject: "held talks", "paid a visit"
SUPPORT_VERBS = frozenset({"hold", "holds", "held", "holding", "have", "has", "had", "having", "conduct",
                           "conducts", "conducted", "conducting", "pay", "pays", "paid", "paying", "make",
                           "makes", "made", "making", "begin", "began", "begins", "start", "started",
                           "continue", "continued", "continues", "complete", "completed", "conclude",
                           "concluded", "undertake", "undertook", "undertaken", "embark", "embarked",
                           "take", "took", "taken", "takes", "participate", "participated", "join", "joined",
                           "attend", "attended", "attends", "host", "hosted", "hosts", "launch", "launched",
                           "issue", "issued", "express", "expressed", "expresses", "give", "gave", "given",
                           "lodge", "lodged", "impose", "imposed", "imposes", "announce", "announced",
                           "provide", "provided", "extend", "extended", "reaffirm", "reaffirmed", "offer",
                           "offered", "receive", "received", "sign", "signed", "stage", "staged", "carry",
                           "carried", "resume", "resumed", "engage", "engaged", "plan", "planned", "plans"})


@dataclass
class Clause:
    trigger: Trigger
    doers: list[Mention]
    targets: list[Mention]
    owners: list[Mention]
    prep: dict[str, list[Mention]] = field(default_factory=dict)
    mood: Modality = Modality("realis")
    negated: bool = False
    when: TimeRef | None = None
    verb: Token | None = None  # the verb of the clause (the trigger, or the verb governing an event noun)
    #: owners named by a possessive, an adjective or 'by' only ("Russia's attack", not "the chairmanship of X")
    near_owners: list[Mention] = field(default_factory=list)

    def with_(self, *words: str) -> list[Mention]:
        return dedupe([m for w in words for m in self.prep.get(w, [])])


def _owners(tok: Token, parties: Parties, depth: int = 0, of: bool = True) -> list[Mention]:
    """Parties that own or modify a noun that is not a party: 'Russia's aggression',
    'Russian aggression', 'the sovereignty of Ukraine', 'attacks by Russia', 'the preservation
    of the unity of EU member states'. A possessor wins over an adjective ("Indonesia's G20
    Presidency" is Indonesia's)."""
    out: list[Mention] = []
    things = thing_nouns()
    for t in conjuncts(tok):
        if t.lower_ in things:
            continue  # "a loan of 500 million US dollars", "the Minsk agreements"
        poss = [m for c in t.children if c.dep_ == "poss"
                for m in ([parties.at(c)] if parties.at(c) else parties.of_np(c, 1)) if m is not None]
        if poss:
            out.extend(poss)
            continue
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                m = parties.at(c)
                if m is not None:
                    out.append(m)
        for p, o in preps(t):
            if p in ("of", "by", "from") and (of or p == "by"):
                found = parties.of_np(o, 1)
                if not found and p == "of" and depth < 1:
                    found = _owners(o, parties, depth + 1)
                out.extend(found)
    # named owners only: "their sovereignty" says nothing about whom an act is aimed at
    return dedupe([m for m in out if m.kind != "group"])


def _prep_parties(toks: list[Token], parties: Parties) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for t in toks:
        for p, o in preps(t):
            found = parties.of_np(o, 1)
            if not found and p in ("to", "in", "on", "against", "for", "toward", "towards", "at", "into"):
                found = _owners(o, parties)  # "support for Ukraine's sovereignty", "an attack on Ukraine's cities"
            out[p].extend(found)
    return {k: dedupe(v) for k, v in out.items()}


def _time(anchor: Token, sent: Span, times: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    """The time expression whose head hangs from the trigger's own clause, nearest in the tree."""
    best: tuple[int, TimeRef] | None = None
    for ref, root in times:
        d = depth_to(root, anchor)
        if d is None:
            continue
        if _crosses_clause(root, anchor):
            continue
        if best is None or d < best[0]:
            best = (d, ref)
    return best[1] if best else None


def _crosses_clause(tok: Token, head: Token) -> bool:
    t = tok
    while t.i != head.i and t.head is not t:
        if t is not tok and is_verb(t) and t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj"):
            return True
        t = t.head
    return False


def read_clause(trig: Trigger, parties: Parties, sent: Span, times: list[tuple[TimeRef, Token]]) -> Clause:
    tok = trig.token
    covered = [tok.doc[i] for i in sorted(trig.covered) if i != tok.i]
    if not trig.nominal:
        doers = dedupe([m for s in subjects(tok) for m in parties.of_np(s)])
        if not doers and tok.dep_ == "acl" and tok.head is not tok and not children(tok, "agent"):
            doers = _owners(tok.head, parties)  # "the decision of the EU to allocate ..."
        objs = objects(tok)
        targets = dedupe([m for o in objs for m in parties.of_np(o)])
        owners = dedupe([m for o in objs if not parties.of_np(o) for m in _owners(o, parties)])
        near = dedupe([m for o in objs if not parties.of_np(o) for m in _owners(o, parties, of=False)])
        # "held talks with X", "signed a statement with X": the phrase's nouns carry prepositions too
        prep = _prep_parties([tok, *covered, *objs], parties)
        mood = modality(tok)
        neg = negated(tok)
        when = _time(tok, sent, times)
        return Clause(trig, doers, targets, owners, prep, mood, neg, when, tok, near)
    # an event noun: 'Putin's visit to China', 'the Russia-India talks', 'held talks with X'
    doers = dedupe([m for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                    for m in ([parties.at(c)] if parties.at(c) else parties.of_np(c, 1) if c.dep_ == "poss" else [])
                    if m is not None])
    verb: Token | None = None
    head = tok.head
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "pobj", "conj", "appos", "npadvmod") and head is not tok:
        v = head
        while v.dep_ in ("prep", "conj", "appos") and v.head is not v and not is_verb(v):
            v = v.head
        if is_verb(v):
            verb = v
    if not doers and verb is not None and verb.lower_ in SUPPORT_VERBS and tok.dep_ in ("dobj", "pobj", "conj"):
        doers = dedupe([m for s in subjects(verb) for m in parties.of_np(s)])
    if not doers and verb is not None and tok.dep_ == "nsubjpass":
        doers = dedupe([m for a in children(verb, "agent") for o in children(a, "pobj") for m in parties.of_np(o)])
    prep = _prep_parties([tok, *covered] + ([verb] if verb is not None and verb.lower_ in SUPPORT_VERBS else []),
                         parties)
    targets = prep.get("of", [])
    if not doers and targets:  # "the visit of X to Y", "a meeting of X and Y": the 'of' party takes part
        doers, targets = list(targets), []
    own = modality(tok)  # "the upcoming visit": the noun's own adjective says when
    mood = own if own.kind != "realis" else (modality(verb) if verb is not None else own)
    neg = negated(tok) or (verb is not None and negated(verb))
    when = _time(tok, sent, times) or (_time(verb, sent, times) if verb is not None else None)
    return Clause(trig, doers, list(targets), [], prep, mood, neg, when, verb)
