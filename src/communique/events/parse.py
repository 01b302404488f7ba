"""Reading a clause off the dependency parse: who acts, on whom, whether it happened, and when.

Labels are those of spaCy's English models (ClearNLP style): `nsubj`, `nsubjpass`, `agent`,
`dobj`, `dative`, `prep`/`pobj`, `xcomp`, `ccomp`, `advcl`, `relcl`, `acl`, `conj`, `appos`,
`neg`, `aux`, `mark`. Every function takes the trigger token and walks only the parse, so a
party far from its verb in characters but close in the tree is found, and a country that only
modifies another noun is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

#: dependency labels whose child opens another clause: its words are not this clause's
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})

#: auxiliaries and modals that put an act in the future
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: modals that make an act possible, wished or conditional, not done
IRREALIS_AUX = frozenset({"would", "could", "should", "might", "may", "can", "must", "ca", "ought"})

#: heads whose to-infinitive is planned: "plans to visit", "is scheduled to meet", "looks forward to meeting"
PLAN_HEADS = frozenset({"plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending",
                        "expect", "expects", "expected", "schedule", "scheduled", "set", "due", "going",
                        "prepare", "prepares", "preparing", "prepared", "agree", "agreed", "agrees", "agreeing",
                        "decide", "decided", "decides", "arrange", "arranged", "invite", "invited", "invites",
                        "look", "looks", "looking", "looked", "forward", "about", "slated", "poised", "is", "are"})
#: heads whose to-infinitive happened: "continued to support", "went on to meet", "managed to reach"
REALIS_HEADS = frozenset({"continue", "continued", "continues", "continuing", "begin", "began", "begun",
                          "begins", "start", "started", "starts", "manage", "managed", "manages", "go", "went",
                          "proceed", "proceeded", "used", "came", "rush", "rushed", "move", "moved",
                          "hasten", "hastened", "took", "take", "help", "helped", "helps", "able"})
#: verbs whose object event is wanted, not held: "seeks dialogue with X", "wants talks"
SEEKING = frozenset({"seek", "seeks", "seeking", "sought", "want", "wants", "wanted", "desire", "desires", "desired"})
#: nouns of an act under way: "in the process of donating", "in the course of negotiating"
ASPECT_NOUNS = frozenset({"process", "course", "midst"})
#: heads whose gerund is put forward, not done: "proposed establishing a dialogue", "suggested holding talks"
PROPOSING = frozenset({"propose", "proposed", "proposes", "proposing", "suggest", "suggested", "suggests",
                       "recommend", "recommended", "recommends", "advocate", "advocated", "advocates"})
#: heads that deny their complement: "refused to meet", "failed to agree"
NEGATING_HEADS = frozenset({"refuse", "refused", "refuses", "refusing", "decline", "declined", "declines",
                            "fail", "failed", "fails", "reject", "rejected", "cease", "ceased", "stop",
                            "stopped", "avoid", "avoided", "deny", "denied", "unable"})
#: heads whose to-infinitive is decided, so committed to: "decided to allocate", "the decision to send"
DECISION_HEADS = frozenset({"decide", "decided", "decides", "decision", "decisions", "resolved"})
#: nouns of people sent somewhere: their to-infinitive is what they are sent to do
SENT_HEADS = frozenset({"delegation", "delegations", "mission", "missions", "envoy", "envoys", "team", "teams",
                        "representative", "representatives", "designation", "emissary", "delegates", "send", "sent",
                        "sends", "dispatch", "dispatched", "designate", "designated", "appoint", "appointed"})
#: participles that put an event noun on a timetable: "the call scheduled for December 9", "talks set for May"
SCHEDULED = frozenset({"scheduled", "planned", "set", "slated", "due", "rescheduled"})
#: adjectives that put an event noun in the future: "the upcoming visit", "a planned summit"
FUTURE_ADJ = frozenset({"upcoming", "forthcoming", "planned", "future", "next", "scheduled", "proposed",
                        "expected", "coming", "prospective"})
#: verbs of talking about: a gerund they take is a topic, not an act ("discussed expanding cooperation")
TOPIC_HEADS = frozenset({"discuss", "discussed", "discusses", "discussing", "talked", "talk", "explored", "explore",
                         "considered", "consider", "reviewed", "review", "addressed", "debated", "examined",
                         "exchanged", "focused", "emphasized", "stressed", "underscored", "noted", "highlighted",
                         "about", "on", "regarding", "concerning", "ways", "prospects", "importance"})
#: markers of a condition or a purpose: the act is not asserted
#: "accepted an invitation to visit": the dictionary codes ACCEPT * INVITATION as an intent to meet
#: (CAMEO.2.0.txt:1690, 036), so the visit invited to is planned, and the one who accepts makes it
INVITATION_NOUNS = frozenset({"invitation", "invitations"})
ACCEPTING = frozenset({"accept", "accepts", "accepted", "accepting"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest", "once", "until", "should"})


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token, read once per document (for char span -> token lookups)."""
    cached: list[int] | None = doc.user_data.get("communique:starts")
    if cached is None:
        cached = [int(x) for x in doc.to_array(IDX)] if len(doc) else []
        doc.user_data["communique:starts"] = cached
    return cached


def is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def is_noun(tok: Token) -> bool:
    return tok.tag_ in ("NN", "NNS", "NNP", "NNPS")


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it ("China, Russia and India")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def clause_head(tok: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself for a verb)."""
    t = tok
    for _ in range(40):
        if is_verb(t) or t.dep_ in ("ROOT",) or t.head == t:
            return t
        t = t.head
    return t


def in_clause(tok: Token, head: Token) -> bool:
    """`tok` hangs from `head` without crossing into another clause."""
    t = tok
    for _ in range(40):
        if t == head or t.i == head.i:
            return True
        if t.dep_ in CLAUSE_DEPS and is_verb(t):
            return False
        if t.head == t:
            return False
        t = t.head
    return False


#: edges a verb phrase does not reach across when a dictionary pattern is matched (PETRARCH reads the VP)
OUTSIDE_VP = frozenset({"conj", "relcl", "advcl", "parataxis", "acl", "csubj"})


def in_phrase(tok: Token, head: Token) -> bool:
    """`tok` is in the verb phrase of `head`: its complements included, coordinated and
    subordinate clauses not."""
    t = tok
    for _ in range(40):
        if t.i == head.i:
            return True
        if (t.dep_ in OUTSIDE_VP and not (t.dep_ == "conj" and t.tag_.startswith("NN"))) or t.head.i == t.i:
            return False  # (a coordinated noun is still in the phrase: "held X and those complicit responsible")
        t = t.head
    return False


def expletive(it: Token) -> bool:
    """'it' holds the place of an extraposed clause ("it is expected that ...", "it seems to"),
    rather than referring to a party ("it will withdraw", "it is ready to talk")."""
    verb = it.head
    if it.lower_ != "it" or verb is it:
        return False
    if verb.lower_ in RAISING:
        return True
    if any(c.dep_ in ("ccomp", "csubj") and any(m.dep_ == "mark" for m in c.children) for c in verb.children):
        return True  # "it is clear that ..."
    if verb.lower_ in BE or verb.tag_ == "VBN":
        return not any(c.dep_ in ("acomp", "attr") and c.lower_ in RESOLVE_ADJ for c in verb.children) \
            and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in verb.children)
    return False


#: verbs whose 'it' is a placeholder ("it seems", "it takes two weeks"); forms of 'be'
RAISING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared", "happen", "happens", "happened",
                     "remain", "remains", "remained", "take", "takes", "took", "rain", "rained"})
BE = frozenset({"be", "is", "was", "are", "were", "been", "being", "'s"})
#: adjectives of a party's own stance: "it is ready to", "it is willing to", "it is committed to"
RESOLVE_ADJ = frozenset({"ready", "willing", "prepared", "determined", "committed", "able", "unwilling",
                         "unable", "eager", "keen", "reluctant", "opposed", "open"})

#: adjectives of a stance toward an event that has not happened ("interested in talks", "ready for negotiations",
#: CAMEO 036 READY (FOR &NEGOTIATION))
STANCE_ADJ = frozenset({"ready", "willing", "prepared", "eager", "keen", "open", "interested", "hopeful",
                        "reluctant", "unwilling"})

#: nouns of the same stances (CAMEO's EXPRESS/REITERATE * WILLINGNESS, READINESS, DESIRE: 013/014/030/036)
STANCE_NOUNS = frozenset({"willingness", "readiness", "openness", "desire", "eagerness", "preparedness",
                          "interest", "intention", "intent"})

#: nouns of a chance one has to act ("had the opportunity to meet X")
CHANCE_NOUNS = frozenset({"chance", "opportunity", "occasion", "privilege", "pleasure", "honour", "honor"})


def title_under(prep: Token) -> bool:
    """The title 'Under Secretary' that the parser took for the preposition 'under' ("Department of
    Commerce Under Secretary X", "Under Secretary X and Deputy Minister Y met"): the names it governs
    are the phrase's people."""
    return prep.dep_ == "prep" and prep.text == "Under" and any(o.ent_type_ == "PERSON" for o in prep.subtree)


def subjects(verb: Token, referential_it: bool = False) -> list[Token]:
    """Who does what the verb says: its subject, the agent of a passive, or a shared subject.

    "X and Y met" -> [X, Y]; "was signed by X" -> [X]; "agreed to strengthen" -> the subject of
    "agreed"; "met ... and discussed" -> the subject of "met"; "the talks, which were held" ->
    "talks"; "..., welcoming X" -> the main clause's subject. With `referential_it`, an 'it'
    that is not expletive is a subject like any other (the caller resolves it)."""
    t = verb
    came_by = ""
    active = not children(verb, "auxpass")
    for _ in range(8):
        if came_by == "conj" and active and children(t, "nsubjpass"):
            # "X was indicted by Y and will resign": coordinated verbs share the subject, not the agent
            return [c for s in children(t, "nsubjpass") for c in conjuncts(s)]
        agent = [p for a in children(t, "agent") for p in children(a, "pobj")]
        if agent:
            return [c for a in agent for c in conjuncts(a)]
        subj = [s for s in children(t, "nsubj", "csubj") if s.lower_ != "there"
                and (s.lower_ != "it" or (referential_it and not expletive(s)))]
        # "the Red Cross operating in Iraq said": a reduced relative the parser read as a gerund subject
        # with the noun as its own subject; the noun is the subject
        subj = [g for s in subj for g in (children(s, "nsubj") if s.tag_ == "VBG" and s.dep_ == "nsubj"
                                          and children(s, "nsubj") else [s])]
        if not subj:  # "X and Y have today consented to ...": the small model hangs the subject on the auxiliary
            subj = [s for a in children(t, "aux") for s in children(a, "nsubj")]
        if subj and t.dep_ == "relcl" and t.head != t and all(s.tag_ in ("WP", "WDT") for s in subj):
            return conjuncts(t.head)  # "X, who arrived in Y today": the relative pronoun stands for X
        if subj:
            return [c for s in subj for c in conjuncts(s)]
        named = [c for c in t.children if c.dep_ in ("advmod", "npadvmod", "dep") and c.i < t.i and c.tag_ == "NNP"
                 and c.ent_type_ in ("PERSON", "GPE", "ORG")]
        if named and not children(t, "nsubjpass"):
            # "Foreign Minister Murray McCully met X": the small model hangs a titled name before the
            # verb on it as a modifier; a name there, with no subject, is the subject
            return conjuncts(named[-1])
        under = [p for p in children(t, "prep") if title_under(p) and p.i < t.i]
        if under and not children(t, "nsubjpass"):
            # "Under Secretary X and Deputy Minister Y met": the 'Under' heads the whole subject; its names are it
            lo, hi = under[0].left_edge.i, under[0].right_edge.i
            names = [e.root for e in verb.doc.ents if e.label_ == "PERSON" and lo <= e.start and e.end - 1 <= hi]
            if names:
                return names
        if children(t, "nsubjpass"):
            if came_by == "xcomp":  # "X is scheduled to meet": X meets
                return [c for s in children(t, "nsubjpass") for c in conjuncts(s)]
            return []  # a passive without "by": the doer is not named
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "for" and _thanked(t.head.head):
            # "sanctioned 12 entities for supplying components", "thanked X for supporting", "grateful to X
            # for committing": the one the verb acts on, or thanks go to, did what it is sanctioned or
            # thanked for
            return [c for o in _thanked(t.head.head) for c in conjuncts(o)]
        if t.dep_ == "pobj" and t.lower_ in ASPECT_NOUNS and t.head != t:
            t = t.head  # "are in the process of donating": the one in the process does it
            continue
        if t.dep_ == "xcomp" and t.head.lower_ in INVITING and children(t.head, "dobj"):
            # "X invited Foreign Secretary Y to visit New Zealand": the one invited visits
            return [c for o in children(t.head, "dobj") for c in conjuncts(o)]
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp", "oprd", "prep") and t.head != t:
            came_by = t.dep_ if t.dep_ != "prep" else came_by
            if t.dep_ == "conj" and misattached(t):
                t = t.head.head  # "reiterated that X must release ... and asked": 'asked' is the outer verb's
                continue
            t = t.head
            continue
        if t.dep_ == "acl" and accepted_invitation(t):
            t = t.head.head  # the invitation's accepting verb, whose subject visits
            continue
        if t.dep_ in ("relcl", "acl") and t.head != t:
            return conjuncts(t.head)
        return []
    return []


def in_framing_phrase(tok: Token) -> bool:
    """'Following Russia-Azerbaijan talks held in Moscow on February 22, X and Y shared opinions in a telephone
    conversation': an event in a phrase that frames the sentence's act in time is another, earlier one."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in ("following", "after") and t.head.dep_ == "ROOT":
            return True
        t = t.head
    return False


#: forms of the dictionary's INVITE block verb (CAMEO.2.0.txt:5417)
INVITING = frozenset({"invite", "invites", "invited", "inviting", "reinvited"})


#: adjectives of thanks, whose 'to' names the one thanked ("grateful to X for Y")
GRATEFUL = frozenset({"grateful", "thankful", "indebted"})


def _thanked(verb: Token) -> list[Token]:
    """The object a verb acts on, or the one its adjective of thanks is to ("are grateful to X")."""
    objs = children(verb, "dobj")
    if objs:
        return objs
    adjs = [verb] if verb.lower_ in GRATEFUL else [a for a in children(verb, "acomp") if a.lower_ in GRATEFUL]
    return [o for a in adjs for p in children(a, "prep") if p.lower_ == "to" for o in children(p, "pobj")]


def _motion(verb: Token) -> bool:
    """A verb of the dictionary's motion blocks ('travels', 'leaves', 'arrives')."""
    from communique.events.lexicon import (  # the lexicon reads the parse helpers here
        MOTION_BLOCKS,
        load_lexicon,
    )
    return any(v.block in MOTION_BLOCKS for v in load_lexicon().forms.get(verb.lower_, []))


def accepted_invitation(verb: Token) -> bool:
    """'has accepted an invitation to visit': `verb` is what the accepted invitation asks for."""
    head = verb.head
    if head.lower_ in ACCEPTING:  # parsed as the accepting verb's own clause ("accepted an invitation, to pay")
        return any(c.lower_ in INVITATION_NOUNS for c in children(head, "dobj"))
    return head.lower_ in INVITATION_NOUNS and head.dep_ == "dobj" and head.head.lower_ in ACCEPTING


def passive_subjects(verb: Token) -> list[Token]:
    """The grammatical subject of a passive verb: the one acted upon ("sanctions were imposed on X")."""
    return [c for s in children(verb, "nsubjpass") for c in conjuncts(s)]


def objects(verb: Token) -> list[Token]:
    """Direct and indirect objects, and what a passive verb's subject undergoes."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr"):
            out.extend(conjuncts(c))
        elif c.dep_ in ("ccomp", "xcomp") and not _finite(c):
            # a small clause: "holds X responsible", "urged X to withdraw" (parsed with X as its subject)
            out.extend(s for n in children(c, "nsubj") for s in conjuncts(n))
    out.extend(passive_subjects(verb))
    return out


def _finite(clause: Token) -> bool:
    """A clause with a tensed verb or a modal ("that the military must cease"), not a small
    clause ("X responsible") or an infinitive ("X to withdraw")."""
    if clause.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(a.dep_ == "aux" and a.lower_ != "to" for a in clause.children)


def preps(tok: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging from `tok`: 'with X', 'to X', 'on X', 'between X and Y'.

    Multi-word prepositions read as one: "in support of", "on behalf of" give ('support of', X)."""
    for p in tok.children:
        if p.dep_ not in ("prep", "agent", "dative") or p.tag_ not in ("IN", "TO", "RP"):
            if p.dep_ == "prt" and p.lower_ in ("on", "upon"):  # "called on X": 'on' as a particle
                for o in children(tok, "dobj"):
                    for c in conjuncts(o):
                        yield p.lower_, c
            continue
        for o in p.children:
            if o.dep_ == "pobj":
                for c in conjuncts(o):
                    yield p.lower_, c
            elif o.dep_ == "prep":  # "in support of X"
                for oo in children(o, "pobj"):
                    for c in conjuncts(oo):
                        yield o.lower_, c
            elif o.dep_ == "pcomp" and p.lower_ == "with" and o.tag_ == "VB":
                # "spoke with Prime Minister X to offer his congratulations": the parser makes X the subject of
                # a clause under 'with'; X is whom the subject spoke with
                for s in children(o, "nsubj"):
                    for c in conjuncts(s):
                        yield p.lower_, c


def negated(tok: Token) -> bool:
    """'did not meet', 'no talks', 'refused to sign', 'never condemned'."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    if any(c.lower_ in ("never", "neither", "nor") and c.dep_ in ("advmod", "preconj", "cc") for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and tok.head != tok:
        return tok.head.lower_ in NEGATING_HEADS or negated(tok.head)
    return False


@dataclass(frozen=True)
class Modality:
    """How a clause asserts its act: `realis` happened (or happens), `future` is planned,
    `irrealis` is wished, possible, requested or conditional (no event)."""

    kind: str  # realis | future | irrealis
    cue: str = ""


def same_noun(a: Token, b: Token) -> bool:
    """The same noun in either number ("the summit" of "summits"): the pipeline runs no lemmatizer, so
    a plural's final s is dropped by hand."""
    def base(t: Token) -> str:
        w = t.lower_
        return w[:-1] if t.tag_ in ("NNS", "NNPS") and w.endswith("s") and not w.endswith("ss") else w
    return base(a) == base(b)


def modality(tok: Token) -> Modality:
    """Tense and mood of the clause of `tok` (a verb or an event noun).

    "will visit", "is to visit", "plans to visit", "looks forward to meeting" -> future;
    "would meet", "could sign", "if X attacks", "efforts to hold X accountable", "urged X to
    withdraw" -> irrealis; everything else realis."""
    verb = tok if is_verb(tok) else None
    if verb is None and any(c.dep_ in ("amod", "compound") and c.lower_ in FUTURE_ADJ for c in tok.children):
        return Modality("future", "upcoming")
    if verb is None and any(c.dep_ == "acl" and c.lower_ in SCHEDULED for c in tok.children):
        return Modality("future", "scheduled")  # "his phone conversation with X scheduled for December 9"
    if verb is None:  # "a dialogue that must continue between X and Y": an event asked or wished for
        wished = next((a.lower_ for c in tok.children if c.dep_ == "relcl"
                       for a in c.children if a.dep_ == "aux" and a.lower_ in IRREALIS_AUX), None)
        if wished is not None:
            return Modality("irrealis", wished)
    if verb is None:  # "were interested in various formats of talks", "ready for negotiations", "the United
        # States' willingness for talks": a stance toward an event, no event
        up, steps = tok, 0
        while up.dep_ in ("pobj", "prep", "conj") and up.head != up and steps < 5:
            up = up.head
            steps += 1
            if up.tag_ == "JJ" and up.lower_ in STANCE_ADJ or up.tag_.startswith("NN") and up.lower_ in STANCE_NOUNS:
                return Modality("irrealis", f"stance ({up.lower_})")
    if verb is None:  # an event noun: read the verb that governs it ("will hold talks", "plans a visit")
        head = tok.head
        steps = 0
        # (a participle used as a preposition is no governing verb: "including in consultation with X")
        while head != head.head and (not is_verb(head) or head.dep_ == "prep") and steps < 4:
            head = head.head
            steps += 1
        if not is_verb(head):
            return Modality("realis")
        if head.lower_ in SEEKING and tok.dep_ == "dobj":
            return Modality("irrealis", f"sought ({head.lower_})")  # "continues to seek dialogue with X"
        verb = head
    if verb.dep_ == "ccomp" and verb.head != verb and verb.head.lower_ in HOPING and not any(
            t.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod", "tmod")
            for t in c.subtree):
        # "we hope that the Russian Federation will comply with its commitments": a hope, not an act or a plan
        # (GUIDELINES.md: wishes and hopes are soft); one with a time is a plan ("I hope that next February we
        # will be able to meet")
        return Modality("irrealis", f"hoped ({verb.head.lower_})")
    auxes = children(verb, "aux", "auxpass")
    # (the parser may hang a modal on the auxiliary: "will be extended meetings", 'will' under 'be')
    for aux in [*auxes, *(g for a in auxes for g in children(a, "aux"))]:
        w = aux.lower_
        if w in FUTURE_AUX:
            return Modality("future", w)
        if w == "would" and reported(verb) and not any(m.lower_ in CONDITION_MARKS for m in children(verb, "mark")):
            return Modality("future", "will")  # "said that Australia would provide": a reported 'will'
        if w in IRREALIS_AUX:
            return Modality("irrealis", w)
    for m in children(verb, "mark"):
        if m.lower_ in CONDITION_MARKS:
            return Modality("irrealis", m.lower_)
    if verb.tag_ == "VB" and children(verb, "aux") and any(a.lower_ == "to" for a in children(verb, "aux")):
        head = verb.head
        if head.lower_ == "with" and verb.dep_ == "pcomp" and head.head != head:
            head = head.head  # "spoke with X to offer his congratulations" (parsed as a clause under 'with')
        if verb.dep_ in ("advcl", "pcomp") and verb.lower_ in GREETING_ACTS and head.tag_ == "VBD" \
                and head.lower_ in CALL_VERBS and modality(head).kind == "realis":
            return Modality("realis", f"to ({head.lower_})")  # "called to congratulate": the call did it
        if verb.dep_ == "xcomp" and verb.lower_ in GREETING_ACTS - {"welcome"} and head.lower_ in PERFORMATIVE_HEADS \
                and any(s.lower_ in ("i", "we") for s in children(head, "nsubj")) and not negated(head):
            return Modality("realis", f"performative ({head.lower_})")  # "I would like to congratulate X": said, so done
        if verb.dep_ == "acl" and head.lower_ in CHANCE_NOUNS and head.dep_ == "dobj" \
                and head.head.lower_ in ("had", "has", "have", "having"):
            had = modality(head.head)  # "I had a chance to exchange views with X": the chance was taken
            if had.kind == "future" or had.kind == "realis" and head.head.tag_ in ("VBD", "VBN"):
                return Modality(had.kind, f"{had.cue or 'had'} ({head.lower_})")
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and head != verb:
            hw = head.lower_
            if verb.dep_ == "xcomp" and hw in REALIS_HEADS:
                return modality(head)
            if hw in DECISION_HEADS:
                return Modality("future", "decided")
            if verb.dep_ in ("acl", "advcl", "xcomp") and accepted_invitation(verb):
                return Modality("future", "accepted invitation")
            if verb.dep_ == "xcomp" and hw in PLAN_HEADS:
                outer = modality(head)
                return outer if outer.kind == "irrealis" else Modality("future", hw)
            if verb.dep_ == "advcl" and hw in ("scheduled", "set", "due", "expected"):
                return Modality("future", hw)
            if verb.dep_ == "advcl" and is_verb(head):
                outer = modality(head)  # "will travel to X to meet Y": the meeting is planned with the trip
                if outer.kind == "future":
                    return Modality("future", f"to ({outer.cue})")
                if outer.kind == "realis" and head.tag_ in ("VBZ", "VBP") and not children(head, "aux", "auxpass") \
                        and _motion(head):
                    # "travels to Nadi tomorrow to meet X": a release's present tells the schedule, and the
                    # purpose shares the trip's time (planned when that time is ahead)
                    return Modality("realis", f"to ({hw})")
            if verb.dep_ in ("acl", "relcl", "advcl") and (hw in SENT_HEADS or any(
                    c.dep_ == "dobj" and c.lower_ in SENT_HEADS for c in head.children)):
                return Modality("future", f"to ({hw})")  # "a delegation to attend the inauguration": sent to
            return Modality("irrealis", f"to ({hw})")
        if verb.dep_ == "pcomp" and head.lower_ == "forward":
            return Modality("future", "look forward to")
        return Modality("irrealis", "to")
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "pcomp", "ccomp", "conj"):
        head = verb.head
        while head.dep_ == "conj" and head.tag_ == "VBG" and head.head != head:
            head = head.head  # "discussed expanding and deepening cooperation"
        if head.lower_ in PROPOSING:
            return Modality("irrealis", f"proposed ({head.lower_})")  # "proposed establishing a dialogue"
        if head.lower_ in TOPIC_HEADS or (head.dep_ == "prep" and head.lower_ in ("about", "on", "of", "regarding",
                                                                                   "concerning", "over")
                                          and head.head.lower_ in TOPIC_HEADS):
            return Modality("irrealis", f"topic ({head.lower_})")
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head != verb and is_verb(verb.head) \
            and not children(verb, "aux", "auxpass", "nsubj", "mark"):
        outer = modality(verb.head)  # "will be in New Zealand from May 2, visiting Auckland": the visit's plan
        if outer.kind == "future":
            return outer
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":  # "look forward to meeting", "in order to"
        prep = verb.head
        if prep.lower_ == "to" and prep.head.lower_ in ("forward", "look", "looks", "looking", "looked"):
            return Modality("future", "look forward to")
        if prep.lower_ in TEMPORAL_MARKS and is_verb(prep.head) and prep.head != verb:
            outer = modality(prep.head)  # "will travel to Jakarta before visiting Viet Nam": the trip's time
            if outer.kind == "future":
                return outer
            if prep.lower_ == "before" and outer.kind == "realis":
                # "before going to Russia, the Chancellor held talks in Kyiv": still ahead when the talks were
                # held; a time of its own that is past makes it done
                return Modality("future", "before")
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp") and not children(verb, "aux", "auxpass") \
            and verb.head != verb and is_verb(verb.head) and verb.head.tag_ in ("VB", "VBG") \
            and children(verb.head, "aux") and any(a.lower_ == "to" for a in children(verb.head, "aux")):
        return modality(verb.head)  # "urged X to help end the war": a bare infinitive under an infinitive
    if verb.dep_ in ("conj",) and verb.head != verb and misattached(verb):
        return modality(verb.head.head)
    if verb.dep_ in ("conj",) and verb.head != verb:
        outer = modality(verb.head)
        if outer.kind != "realis" and not children(verb, "aux", "auxpass", "nsubj"):
            return outer
    if verb.dep_ == "advcl" and verb.tag_ in ("VBP", "VBZ") and verb.head != verb and is_verb(verb.head) \
            and any(m.lower_ in TEMPORAL_MARKS for m in children(verb, "mark", "advmod")):
        outer = modality(verb.head)
        if outer.kind == "future":  # "I'll raise it when I speak with him": a time clause's present is future
            return outer
    if verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ") and verb.head.lower_ in TIME_NOUNS \
            and any(m.lower_ == "when" for m in children(verb, "advmod")):
        host = verb.head.head  # "will be in the spotlight this week when the Minister travels to ..."
        while host.dep_ in ("npadvmod", "pobj", "prep") and host.head != host:
            host = host.head
        if is_verb(host) and modality(host).kind == "future":
            return modality(host)
    return Modality("realis")


#: verbs of hoping and wishing, whose content clause tells what is hoped for (CAMEO.2.0.txt HOPE block)
HOPING = frozenset({"hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing"})

#: heads under which a speaker's own greeting act is performed by saying it: "I would like to thank",
#: "we want to congratulate", "I wish to express" (a performative: the words are the act; not "welcome",
#: which also greets guests to a meeting)
PERFORMATIVE_HEADS = frozenset({"like", "want", "wish"})  # present forms: "wanted to thank" tells an intent

#: acts a call or meeting is made to do, which the call does ("spoke with X to offer his congratulations")
GREETING_ACTS = frozenset({"congratulate", "offer", "express", "convey", "extend", "thank", "welcome", "wish"})
#: past verbs of calling and meeting
CALL_VERBS = frozenset({"spoke", "called", "phoned", "telephoned", "met", "talked"})


#: nouns of a time a 'when' clause may describe ("this week when ...")
TIME_NOUNS = frozenset({"week", "month", "year", "day", "weekend", "morning", "afternoon", "evening", "time"})


#: subordinators of a time clause, whose present tense takes the main clause's future
TEMPORAL_MARKS = frozenset({"when", "once", "after", "before", "until"})


#: verbs that report speech: the tense of the clause they report is shifted back ('will' -> 'would')
REPORTING_VERBS = frozenset({"said", "say", "says", "told", "tell", "announced", "announce", "advised", "advise",
                             "informed", "inform", "stated", "noted", "added", "confirmed", "assured", "promised",
                             "pledged", "stressed", "emphasised", "emphasized", "declared", "indicated", "explained"})


def reported(verb: Token) -> bool:
    """The verb's clause is what a verb of saying reports ("he said that X would ...")."""
    t = verb
    for _ in range(4):
        if t.dep_ == "conj" and t.head != t:
            t = t.head
            continue
        if t.dep_ == "ccomp" and t.head != t:
            return t.head.lower_ in REPORTING_VERBS or reported(t.head) and t.head.lower_ in ("pleased", "glad")
        return False
    return False


FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: verbs that report what someone said: their complement clause is the report
REPORTING = frozenset({"say", "said", "says", "saying", "told", "tell", "tells", "stated", "states", "added",
                       "announced", "announces", "reported", "reports", "according", "noted", "declared",
                       "claimed", "claims", "insisted", "stressed", "explained", "confirmed", "quoted"})


def reported_future(tok: Token, mood: Modality) -> Modality:
    """'would' in a clause a reporting verb governs is 'will' shifted back into the past ("Iraq
    said it would allow ..." reports "Iraq will allow ..."): a planned act, not a wish."""
    if mood.kind != "irrealis" or mood.cue != "would":
        return mood
    verb = tok
    if verb.dep_ in ("acomp", "attr") and verb.head != verb:
        verb = verb.head  # "said he would be ready to ...": the copula's clause is the one reported
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.lower_ in REPORTING:
        return Modality("future", "will")
    return mood


def misattached(verb: Token) -> bool:
    """A tensed verb the parser coordinated with the bare verb of a modal clause ("that X must
    release ... and asked for ..."): it belongs to the clause above, which has its tense."""
    head = verb.head
    return (verb.tag_ in FINITE and head.tag_ == "VB" and head.dep_ in ("ccomp", "xcomp", "advcl")
            and any(a.dep_ == "aux" for a in head.children) and head.head != head)


def ancestors_within(tok: Token, limit: int = 6) -> Iterator[Token]:
    t = tok
    for _ in range(limit):
        if t.head == t:
            return
        t = t.head
        yield t


def depth_to(tok: Token, head: Token, limit: int = 12) -> int | None:
    """How many arcs from `tok` up to `head`; None when `head` does not govern `tok`."""
    t, n = tok, 0
    while n <= limit:
        if t.i == head.i:
            return n
        if t.head == t:
            return None
        t = t.head
        n += 1
    return None
