"""One trigger's clause, read off the parse into the roles event coding needs.

`read_clause` turns a trigger (a dictionary verb or an event noun) into a `Clause`: the parties
doing it, the parties it is done to (objects, the subject of a passive), parties owning a
non-party object ("condemned Russia's attack"), the parties of each prepositional phrase
("with", "to", "on", "against", "between" ...), its modality (happened, planned, or only wished
or conditional), negation, and the time expression attached to its own clause.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from communique.events.dates import TimeRef, tensed
from communique.events.lexicon import MOTION_BLOCKS, OCCURRENCE, Trigger, load_lexicon
from communique.events.parse import (
    CHANCE_NOUNS,
    FUTURE_ADJ,
    FUTURE_AUX,
    INVITING,
    SCHEDULED,
    Modality,
    children,
    conjuncts,
    depth_to,
    is_verb,
    modality,
    negated,
    objects,
    preps,
    reported_future,
    same_noun,
    subjects,
)
from communique.events.parties import (
    CIVILIAN_AGENTS,
    QUANTITY,
    THIRD_NONPERSON,
    Mention,
    Parties,
    dedupe,
    owned_things,
    subject_of_kind,
)
from communique.records import Place
from communique.resolve.gazetteer import thing_nouns
from communique.resolve.titles import OFFICE

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
                           "carried", "resume", "resumed", "engage", "engaged", "plan", "planned", "plans",
                           # gerunds: "committed to continuing these discussions", "looks forward to holding talks"
                           "beginning", "starting", "continuing", "completing", "concluding", "undertaking",
                           "embarking", "taking", "participating", "joining", "attending", "hosting", "launching",
                           "resuming", "engaging"})


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
    #: where the event happens when the clause itself does not say: an earlier sentence named it ("will host
    #: the summit in China ... is welcome to attend the summit")
    place: Place | None = None

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
        poss = [m for c in t.children if c.dep_ == "poss"
                for m in ([parties.at(c)] if parties.at(c) else parties.of_np(c, 1)) if m is not None]
        if poss:  # a possessor owns even a thing a place may name: "President Niinistö's initiative"
            out.extend(poss)
            continue
        if t.lower_ in things and not (parties.sentence and t.lower_ in owned_things()):
            continue  # "a loan of 500 million US dollars", "the Minsk agreements"
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                m = parties.at(c)
                if m is None and c.tag_ == "VBN" and parties.sentence:
                    # "the US-led war", "a Syrian-backed militia": the party that leads or backs the thing
                    m = next((parties.at(g) for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")
                              and parties.at(g) is not None), None)
                elif m is None and c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and parties.sentence:
                    # "the Palestinian Islamic Jihad movement": the country word modifies the name the head
                    # noun is named by
                    m = next((parties.at(g) for g in c.children if g.dep_ in ("compound", "amod")
                              and parties.at(g) is not None), None)
                if m is not None:
                    out.append(m)
                    if _meeting_noun(t):
                        # "Russia-Azerbaijan talks": the parser hangs 'Russia' on 'Azerbaijan' (a meeting's
                        # sides; "China-Russia relations" are no one side's)
                        out.extend(x for g in _modifier_words(c)[1:] if (x := parties.at(g)) is not None)
                elif c.dep_ == "nmod" and c.tag_ in ("NN", "NNS") and depth < 1:
                    # "Ukraine's sovereignty and territorial integrity", parsed as a noun modifying the last
                    out.extend(_owners(c, parties, depth + 1, of=False))
        # "the leadership role that India plays", "the contribution France has made": whose the thing is
        for c in t.children:
            if c.dep_ == "relcl" and any(g.dep_ == "dobj" and g.lower_ in ("that", "which") for g in c.children):
                out.extend(m for sub in children(c, "nsubj") for m in parties.of_np(sub, 1))
        # "the leadership shown by X", "the efforts made by Y": whose the conduct is (not "events organised
        # by X": who organises a gathering hosts it, see meetings)
        for c in t.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in CONDUCT_SHOWN:
                out.extend(m for a in children(c, "agent") for o in children(a, "pobj") for m in parties.of_np(o, 1))
        # "12 entities based in Russia and China": where a company or person is based is whose it is
        for c in t.children:
            if c.dep_ == "acl" and c.lower_ in SEATED:
                out.extend(m for p, o in preps(c) if p == "in" for x in conjuncts(o)
                           if (m := parties.at(x)) is not None and m.kind == "country")
        # (sentence mode: also whom a thing is for, "a camp for Congolese refugees", "aid for Bosnia")
        owning = ("of", "by", "from", "for") if parties.sentence else ("of", "by", "from")
        for p, o in preps(t):
            if p in owning and (of or p == "by"):
                found = parties.of_np(o, 1)
                if not found and p == "of" and depth < 1:
                    found = _owners(o, parties, depth + 1)
                out.extend(found)
    # named owners only: "their sovereignty" says nothing about whom an act is aimed at
    return dedupe([m for m in out if m.kind != "group"])


def _meeting_noun(tok: Token) -> bool:
    """The lexicon codes the noun a consultation (CAMEO 04: "talks", "meeting", "visit")."""
    return load_lexicon().nouns.get(tok.lower_, ("",))[0].startswith("04")


#: verbs of conduct shown whose agent owns it ("the leadership shown by X", "the role played by Y")
CONDUCT_SHOWN = frozenset({"shown", "showed", "demonstrated", "displayed", "made", "played", "taken", "exercised",
                           "provided"})
#: participles that say where a company or person is seated ("entities based in Russia")
SEATED = frozenset({"based", "located", "headquartered", "registered", "incorporated", "operating"})

#: prepositions whose object's owner is the party the phrase is about: "support for Ukraine's sovereignty"
OWNER_PREPS = ("to", "in", "on", "against", "for", "toward", "towards", "at", "into")
#: sentence mode: also the topics of a complaint or a dispute ("complained over Israeli raids", "angry about
#: Chinese tariffs"), what is asked or taken from ("demanded autonomy from Serbian authorities")
NEWS_OWNER_PREPS = (*OWNER_PREPS, "over", "about", "from", "upon", "near", "outside", "with", "between")


def _owner_told_before(obj: Token, sent: Span, parties: Parties, reach: int = 120) -> list[Mention]:
    """Document mode: the owner of a definite noun's earlier mention ("... North Korea's missile test.
    The leaders condemned the test": the test is North Korea's), looked for in the `reach` tokens
    before the sentence, the nearest first."""
    if obj.tag_ not in ("NN", "NNS") or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children) \
            or any(c.dep_ in ("poss", "amod", "compound", "prep") for c in obj.children):
        return []
    doc = obj.doc
    for i in range(sent.start - 1, max(-1, sent.start - reach - 1), -1):
        t = doc[i]
        if same_noun(t, obj) and t.tag_.startswith("NN"):
            return _owners(t, parties)
    return []


def _prep_parties(toks: list[Token], parties: Parties) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    owning = NEWS_OWNER_PREPS if parties.sentence else OWNER_PREPS
    for t in toks:
        if t.tag_.startswith("NN") and t is not toks[0]:  # "attended the dinner hosted by X": its host takes
            # part (not an event noun's own host: "the APEC meeting chaired by X" names no guest)
            out[CONVENED].extend(_conveners(t, parties))
        for p, o in preps(t):
            if t.tag_.startswith("VB"):  # "took part in a summit initiated by X"
                out[CONVENED].extend(_conveners(o, parties))
            if o.lower_ in OCCASION_NOUNS and not parties.sentence:
                continue  # "on the eve of the NATO summit", "on the sidelines of the G7": when, not with whom
            if p == "to" and not parties.sentence and (guest := _guest_of_place(o, parties)):
                out["of"].extend(guest)  # "the visit to Canberra of the Vice-President of the United States"
                continue
            found = parties.of_np(o, 1)
            if found and p == "with":  # "meetings with X, Y, President of Z W and V", a list the parser broke
                found = dedupe([*found, *parties.list_tail(o)])
            if not found and p in owning:
                found = _owners(o, parties)  # "support for Ukraine's sovereignty", "an attack on Ukraine's cities"
            out[p].extend(found)
            if not found and parties.sentence:
                # "mobilized reservists for a war against Iraq", "suspended part of an aid programme for
                # Bosnia": the phrase's noun is aimed at a party by a phrase of its own
                for p2, o2 in preps(o):
                    if p2 in NESTED_AIMS:
                        out[p2].extend(parties.of_np(o2, 1) or _owners(o2, parties))
    return {k: dedupe(v) for k, v in out.items()}


def _guest_of_place(place: Token, parties: Parties) -> list[Mention]:
    """A visit 'to' a place 'of' a person: the parser hangs the visitor's phrase on the place ("the official
    visit to Canberra of the Vice-President of the United States", "the visit to this country of the Tongan
    Prime Minister"). The place is a proper name or 'country'; the 'of' phrase names a person or an office."""
    if not (place.ent_type_ in ("GPE", "LOC") or place.lower_ in ("country", "nation")):
        return []
    for prep in place.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.ent_iob_ == "I":
            continue
        objs = [o for o in prep.children if o.dep_ == "pobj"]  # ("Vice", "-", "President": the parse of a compound)
        if any((m := parties.at(o)) is not None and m.kind == "person" or o.lower_ in OFFICE for o in objs):
            return next((found for o in reversed(objs) if (found := parties.of_np(o, 1))), [])
    return []


#: the key of `Clause.prep` that holds the hosts of the gathering the clause's nouns name
CONVENED = "hosted by"
#: participles that name who called a gathering together ("the summit hosted by X", "an X-convened meeting")
CONVENERS = frozenset({"hosted", "co-hosted", "convened", "co-convened", "initiated", "organized", "organised",
                       "chaired", "co-chaired", "sponsored", "arranged", "given"})


def _conveners(noun: Token, parties: Parties) -> list[Mention]:
    """The parties that host or convene the gathering a noun names: 'a summit initiated by President X',
    'the dinner hosted by X', 'the OECD-hosted meeting' (a meeting's host takes part in it)."""
    out: list[Mention] = []
    for c in noun.children:
        if c.lower_ not in CONVENERS:
            continue
        if c.dep_ == "acl":
            out += [m for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                    for m in parties.of_np(o, 1)]
        elif c.dep_ in ("amod", "compound"):
            out += [m for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")
                    if (m := parties.at(g)) is not None]
    return out


#: sentence mode: phrases of a phrase's noun that aim it at a party ("a war against X", "a programme for X")
NESTED_AIMS = ("against", "on", "for", "to", "toward", "towards")


def clause_time(anchor: Token, sent: Span, times: list[tuple[TimeRef, Token]],
          own: frozenset[int] = frozenset()) -> TimeRef | None:
    """The time expression whose head hangs from the trigger's own clause, nearest in the tree:
    not through another clause, nor through another noun ("signed the treaty of 2019", "his visit
    after the inauguration on March 19": those dates are the treaty's and the inauguration's)."""
    best: tuple[int, TimeRef] | None = None
    for ref, root in times:
        if _by_medium(root, anchor):
            return ref
        if anchor.dep_ == "relcl" and root.i == anchor.head.i:
            return ref  # "this week when the Minister travels to ...": the time the clause describes
        d = depth_to(root, anchor)
        if d is None:
            continue
        if _crosses_clause(root, anchor) or _through_noun(root, anchor, own):
            continue
        if best is None or d < best[0]:
            best = (d, ref)
    purpose = anchor.dep_ == "advcl" and any(a.lower_ == "to" for a in children(anchor, "aux"))
    # ("will be in New Zealand from Sunday May 2, visiting Auckland": a participle adjunct shares its verb's time)
    adjunct = anchor.dep_ == "advcl" and anchor.tag_ == "VBG" and not children(anchor, "aux", "auxpass", "nsubj", "mark")
    if best is None and (anchor.dep_ in ("xcomp", "acomp") or purpose or adjunct) and anchor.head != anchor:
        # ("travels to X tomorrow to meet Y": a purpose is done on the trip, at its time)
        # "next February, we will be able to meet": the time of the verb the trigger completes
        up = anchor.head if anchor.head.dep_ != "acomp" else anchor.head.head
        for ref, root in times:
            if root.head.i == up.i:
                return ref
    if best is None and anchor.dep_ == "acl" and anchor.head.dep_ in ("nsubj", "nsubjpass"):
        # "the declaration signed by A and B on Thursday sets out ...": the parser hangs a time
        # that stands inside the subject, before the main verb, on that verb; it is the participle's
        verb = anchor.head.head
        for ref, root in times:
            if root.head.i == verb.i and anchor.i < root.i < verb.i:
                return ref
    return best[1] if best else None


def occasion_time(tok: Token, trig: Trigger, root: Token | None) -> bool:
    """'congratulated the leader on his victory in the presidential election on April 3': praise
    (CAMEO 051) is given for an occasion, and a time (`root`, its head token) told after the
    occasion's phrase is the occasion's, however the parser hangs it (on the verb, as here); the
    praise comes after it."""
    if not (trig.code or "").startswith("051") or trig.nominal:
        return False
    return root is not None and any(c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") and c.i < root.i
                                    and not any(x.i == root.i for x in c.subtree) for c in tok.children)


#: the medium of a consultation is part of it ("talks via videoconference on December 7")
MEDIUM = frozenset({"videoconference", "conference", "teleconference", "video", "telephone", "phone", "link",
                    "videolink", "call"})
#: nouns that name an event or a dated thing of their own, whose date is theirs, not the trigger's
DATED_NOUN = re.compile(r"(?:tion|sion|ment|ance|ence|ure|ary|ections?|ations?|ments?)$")


def _by_medium(root: Token, anchor: Token) -> bool:
    """'the results of his talks with X via videoconference on December 7': the parser hangs the
    medium on the phrase around the talks, but a consultation's medium, and its date, are the
    talks' own."""
    t = root.head
    for _ in range(4):
        if t.lower_ in MEDIUM and t.dep_ == "pobj" and t.head.lower_ in ("via", "by", "over"):
            host = t.head.head
            return anchor.tag_ in ("NN", "NNS") and host.i != anchor.i and anchor.i < t.i \
                and any(x.i == anchor.i for x in host.subtree)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _through_noun(tok: Token, head: Token, own: frozenset[int]) -> bool:
    """The path from a time expression up to the trigger passes an event or dated-thing noun of
    its own ("the inauguration on March 19", "the treaty of 2019", "the anniversary")."""
    things = thing_nouns()
    if tok.lower_ == "since" and tok.dep_ == "prep":
        return True  # "our 37th meeting since 2013" (the expression's root is its preposition)
    t = tok.head
    while t.i != head.i and t.head.i != t.i:  # (spaCy makes a new Token per access: compare indices)
        if t.lower_ == "since" and t.dep_ == "prep":
            return True  # "his second visit since the lifting of sanctions in March": when a period began
        if t.tag_ in ("NN", "NNS") and t.i not in own and t.lower_ not in MEDIUM \
                and (DATED_NOUN.search(t.lower_) or t.lower_ in things or (
                    t.lower_ in load_lexicon().nouns and not (t.dep_ == "pobj" and t.head.lower_ in ("during", "at")))):
            # (an event noun's time is its own: "discussed the outcome of X's April 6 talks"; but what is done
            # "during his visit from 26 to 29 March" is done within the visit's time)
            return True
        t = t.head
    return False


def _crosses_clause(tok: Token, head: Token) -> bool:
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t != tok and is_verb(t) and t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj"):
            return True
        t = t.head
    return False


def _attempted(tok: Token, trig: Trigger, mood: Modality) -> Modality:
    """An attempt at force is an act of force: CAMEO codes "Attempt to assassinate" (185) and PLOVER
    ASSAULT counts "successful and attempted assassinations" (PLOVER_MANUAL.tex, ASSAULT modes).
    Sentence mode: a violent act (CAMEO 17-20) under a verb or noun of the dictionary's ATTEMPT
    block ("attempted to kill", "an attempt to assassinate") happened."""
    if mood.kind != "irrealis" or (trig.code or "")[:2] not in ("17", "18", "19", "20"):
        return mood
    head = tok.head
    if tok.dep_ in ("xcomp", "acl") and head.i != tok.i and head.lower_ in attempt_words():
        return Modality("realis", f"attempted ({head.lower_})")
    return mood


@cache
def attempt_words() -> frozenset[str]:
    """Forms of the verbs of the CAMEO dictionary's ATTEMPT block (also its nouns: 'an attempt')."""
    lex = load_lexicon()
    return frozenset(f for f, verbs in lex.forms.items() if any(v.block == "ATTEMPT" for v in verbs))


def read_clause(trig: Trigger, parties: Parties, sent: Span, times: list[tuple[TimeRef, Token]]) -> Clause:
    tok = trig.token
    covered = [tok.doc[i] for i in sorted(trig.covered) if i != tok.i]
    if not trig.nominal:
        subj = subjects(tok, parties.sentence)
        if parties.sentence and tok.dep_ == "acl" and tok.head.dep_ == "dobj" and is_verb(tok.head.head) \
                and not any(parties.of_np(s) for s in subj):
            subj = subjects(tok.head.head, True)  # "issued a declaration demanding ...": its issuer demands
        doers = dedupe([m for s in subj for m in parties.of_np(s)])
        if not doers and parties.sentence:
            # a news sentence's subject stands for the party that modifies it ("Israeli tanks
            # fired", "Syria's army shelled"): PETRARCH codes a noun phrase by the actor it contains
            doers = dedupe([m for s in subj for m in _owners(s, parties)])
        if not doers and parties.sentence and any(subject_of_kind(s, CIVILIAN_AGENTS) for s in subj):
            doers = parties.located(tok)  # civilians of no named country acting in X are X's people
        if not doers and parties.sentence and any(_domestic(s, parties) for s in subj):
            doers = parties.sole_country(tok)
        if not doers and tok.dep_ == "acl" and tok.head != tok and not children(tok, "agent") \
                and (tok.tag_ != "VBN" or tok.head.i in trig.covered):  # ("the talks held in Moscow": the talks')
            # "the decision of the EU to allocate ..." (but "aliens from X returned from Y": a passive participle's
            # noun is what is acted on, its owner no doer)
            doers = _owners(tok.head, parties)
        if not doers and tok.dep_ == "acl" and tok.head.lower_ in CHANCE_NOUNS and tok.head.dep_ == "dobj":
            # "he had a chance to exchange views with X": who had the chance acts
            doers = dedupe([m for s in subjects(tok.head.head, parties.sentence) for m in parties.of_np(s)])
        objs = objects(tok)
        if tok.dep_ == "pcomp" and tok.head.lower_ == "with" and tok.head.head != tok.head \
                and is_verb(tok.head.head) and not parties.sentence:
            # "spoke with X to offer his congratulations": the parser's subject of 'offer' is whom the speaker
            # spoke with; the speaker offers, to X
            spoke = tok.head.head
            told = [m for s in subjects(spoke) for m in parties.of_np(s)]
            if told:
                objs = [*objs, *(s for s in children(tok, "nsubj"))]
                doers = dedupe(told)
        whose = [c for o in objs for c in o.children if c.dep_ == "poss" and c.lower_ in ("his", "her")
                 and o.lower_ not in HONORIFIC_HEADS]  # ("thanked His Holiness": a style, not a possessive)
        if whose and not parties.sentence and not any(m.kind == "person" for m in doers):
            # "X said that Kiev was responsible and expressed his support": the one whose support it is acts
            told = [m for m in parties.of_np(whose[0]) if m.kind == "person"]
            if told:
                doers = told
        targets = dedupe([m for o in objs for m in parties.of_np(o)])
        owners = dedupe([m for o in objs if not parties.of_np(o) for m in _owners(o, parties)])
        near = dedupe([m for o in objs if not parties.of_np(o) for m in _owners(o, parties, of=False)])
        if not targets and not owners and not parties.sentence:
            owners = dedupe([m for o in objs for m in _owner_told_before(o, sent, parties)])
        # "held talks with X", "signed a statement with X": the phrase's nouns carry prepositions too (but
        # "discussed the Prime Minister's trip to Poland": a meeting noun's own partners are its event's)
        carriers = [o for o in objs if tok.lower_ in SUPPORT_VERBS or o.i in trig.covered or not _meeting_noun(o)]
        if trig.block == "CONFER" and tok.lower_.startswith("discuss"):
            # "discussed their respective engagements with the Ukrainian and Russian presidents": a possessed
            # topic's partners are its owner's, not those one talks with
            carriers = [o for o in carriers if o.i in trig.covered or not children(o, "poss")]
        prep = _prep_parties([tok, *covered, *carriers], parties)
        if trig.block == "CONFER" and tok.lower_.startswith("discuss") and not parties.sentence:
            targets, owners, near = [], [], []  # "they also discussed Hong Kong": what is discussed is a topic
        if trig.block == "CONFER" and "to" in prep:
            # "discussed assistance to Haiti": a topic's 'to' is the topic's aim, not where one talks or goes
            prep["to"] = _prep_parties([tok, *covered], parties).get("to", [])
        if "between" in prep and (
                # "discussed the conflict between Israel and Hamas": a topic's 'between' names the topic's sides
                not any(c.lower_ == "between" for t in (tok, *covered) for c in t.children)
                # "proposed a dialogue between the EU and Minsk": sides of a relation the subject is not
                # in are not the subject's partners (a mediator's, CAMEO 043, are)
                or (doers and not {m.code for m in doers} & {m.code for m in prep["between"]}
                    and (trig.code or "")[:3] != "043")):
            del prep["between"]
        mood = modality(tok)
        if parties.sentence:
            mood = reported_future(tok, mood)
            mood = _attempted(tok, trig, mood)
        neg = negated(tok)
        # (a release's present tense of going is its timetable: "leaves for Uruguay on Sunday", "travels to
        # Paris in May" are the coming Sunday and May)
        timetable = not parties.sentence and tok.tag_ in ("VBZ", "VBP") \
            and (trig.motion or trig.block in MOTION_BLOCKS) and not children(tok, "aux", "auxpass")
        when = tensed(clause_time(tok, sent, times, trig.covered), _ahead(mood) or timetable, _told_before(tok))
        if when is not None and occasion_time(tok, trig, next((r for ref, r in times if ref is when), None)):
            when = None
        if when is not None and when.future and tok.tag_ == "VBD" and mood.kind == "realis" \
                and not children(tok, "aux", "auxpass"):
            when = None  # "discussed the transition ... by 2014": a past act is not dated ahead; the time is the topic's
        return Clause(trig, doers, targets, owners, prep, mood, neg, when, tok, near)
    # an event noun: 'Putin's visit to China', 'the Russia-India talks', 'held talks with X'
    doers = dedupe([m for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                    for x in _modifier_words(c)
                    for m in ([parties.at(x)] if parties.at(x) else parties.of_np(x, 1) if x.dep_ == "poss" else [])
                    if m is not None])
    verb: Token | None = None
    head = tok.head
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "pobj", "conj", "appos", "npadvmod") and head != tok:
        v = head
        while v.dep_ in ("prep", "conj", "appos") and v.head != v and not is_verb(v):
            v = v.head
            if v.lower_ in SESSION_NOUNS and v.dep_ in ("nsubj", "nsubjpass", "dobj") and v.head != v:
                v = v.head  # "the second session of the dialogue will be held later this year": the session's verb
        if is_verb(v):
            verb = v
        elif not doers and v.lower_ in PREPARING_NOUNS and v.dep_ == "dobj" and is_verb(v.head) \
                and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == v.i:
            # "they discussed plans for a ministerial meeting in July": those who prepare a meeting hold it
            doers = dedupe([m for s in subjects(v.head, parties.sentence) for m in parties.of_np(s)])
    # (sentence mode: the subject of any verb whose object is the act does it: "renewed negotiations",
    # "staged rallies", "began a hunger strike"; a subject phrase with no agent head gives its modifier)
    awaited = verb is not None and _awaited(tok, verb)
    carried = verb is not None and (verb.lower_ in SUPPORT_VERBS or awaited or (parties.sentence and (
        tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("for", "in", "during") and tok.head.head.i == verb.i
                               and not children(verb, "auxpass")))  # "returned to Geneva for talks"
        # "will meet the Prime Minister during a two-day visit to Wellington": who meets is on the visit
        or (tok.dep_ == "pobj" and tok.head.lower_ in ("during", "on") and tok.head.head.i == verb.i
            and (trig.code or "").startswith("042") and not children(verb, "auxpass"))))
    formats: list[Mention] = []
    if doers and all(m.code.startswith("IGO:") for m in doers) and verb is not None and carried \
            and tok.dep_ == "dobj" and not parties.sentence and not verb.lower_.startswith("host"):
        # "will hold a G7 leaders' meeting", "held an ASEAN summit": the organisation names the meeting's
        # format; those who hold it take part in it, with the organisation (who hosts one receives its
        # guests: meetings.code)
        formats, doers = doers, []
    if not doers and verb is not None and carried and tok.dep_ in ("dobj", "pobj", "conj"):
        subj = subjects(verb, parties.sentence)
        doers = dedupe([m for s in subj for m in parties.of_np(s)])
        if not doers and parties.sentence:
            doers = dedupe([m for s in subj for m in _owners(s, parties)])
        if not doers and parties.sentence and any(_domestic(s, parties) for s in subj):
            doers = parties.sole_country(verb)
    if not doers and verb is not None and verb.lower_ in INVITING and tok.dep_ == "pobj" \
            and tok.head.lower_ in ("for", "to") and tok.head.head.i == verb.i:
        # "invited X to the White House for a meeting on Tuesday": the invited one comes to the one who
        # invites (the dictionary's INVITE block is a consultation verb, 040)
        guests = dedupe([m for o in children(verb, "dobj") for c in conjuncts(o) for m in parties.of_np(c)])
        hosts = dedupe([m for s in subjects(verb, parties.sentence) for m in parties.of_np(s)])
        if guests and hosts:
            mood = modality(verb)
            when = clause_time(tok, sent, times, trig.covered) or clause_time(verb, sent, times, trig.covered | {tok.i})
            return Clause(trig, guests, hosts, [], {}, mood, negated(verb), tensed(when, _ahead(mood)), verb)
    if not doers and verb is not None and tok.dep_ == "nsubjpass":
        doers = dedupe([m for a in children(verb, "agent") for o in children(a, "pobj") for m in parties.of_np(o)])
    on_verb = verb is not None and (carried or (verb.lower_ in OCCURRENCE and tok.dep_ in (
        "nsubj", "nsubjpass")))  # "held talks with X", "a conversation took place with X"
    prep = _prep_parties([tok, *covered] + ([verb] if verb is not None and on_verb else []), parties)
    targets = prep.get("of", [])
    if not doers and prep.get("by"):  # "the visit to Turkey by a Russian delegation"
        doers = list(prep["by"])
    if not doers:  # "reviewed the results of the visit to Turkey by a Russian delegation": an active verb
        doers = _stray_agent(tok, parties)  # has no agent; the parser hung the noun's 'by' on it
    if not doers and targets:  # "the visit of X to Y", "a meeting of X and Y": the 'of' party takes part
        doers, targets = list(targets), []
    taking_part = _participants(tok, parties)
    if taking_part:  # "Ukraine's participation in the NATO Summit": who takes part meets its holders
        formats = [*formats, *(m for m in doers if m.code not in {p.code for p in taking_part})]
        doers = taking_part
    if formats:
        if doers:
            targets = dedupe([*targets, *formats])
        else:
            doers = formats
    own = modality(tok)  # "the upcoming visit": the noun's own adjective says when
    mood = own if own.kind != "realis" else (modality(verb) if verb is not None else own)
    if awaited and mood.kind == "realis":
        mood = Modality("future", "look forward to")
    neg = negated(tok) or (verb is not None and negated(verb))
    held = occurrence_verb(tok)  # "following up on the talks held in Sochi on October 22": the talks' own time
    when = clause_time(tok, sent, times, trig.covered) or _time_ahead_of_past_verb(tok, times) or (
        clause_time(held, sent, times, trig.covered | {tok.i}) if held is not None else None)
    if when is None and verb is not None:
        when = clause_time(verb, sent, times, trig.covered | {tok.i})
        if when is not None and own.kind == "future" and own.cue in FUTURE_ADJ and not when.future:
            when = None  # "today welcomed the upcoming State Visit": today is the welcome's, the visit is ahead
    return Clause(trig, doers, list(targets), [], prep, mood, neg,
                  tensed(when, _ahead(mood), _told_before(verb or tok)), verb)


#: nouns of preparing an event ("plans for a meeting", "preparations for the summit")
PREPARING_NOUNS = frozenset({"plans", "preparations", "preparation", "arrangements", "planning"})
#: nouns naming one sitting of a meeting series ("the next round of talks", "a session of the dialogue")
SESSION_NOUNS = frozenset({"session", "sessions", "round", "rounds", "meeting", "edition", "sitting"})


def _time_ahead_of_past_verb(noun: Token, times: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    """'discussed X's participation in the summit in Madrid in June 2022': the parser hangs the time on the
    past verb, which it cannot date (a past act is not dated ahead); it is the gathering's, told inside the
    verb's object."""
    v = noun
    for _ in range(8):
        if v.head == v or is_verb(v):
            break
        v = v.head
    if not is_verb(v) or v.tag_ != "VBD" or children(v, "aux", "auxpass"):
        return None
    for ref, root in times:
        if root.head.i == v.i and root.i > noun.i and ref.future:
            return ref
    return None


#: nouns of taking part in a gathering ("Ukraine's participation in the summit")
PARTICIPATION = frozenset({"participation", "attendance", "presence"})


def _participants(noun: Token, parties: Parties) -> list[Mention]:
    """Those whose participation in the gathering `noun` names a phrase tells ("X's participation in the summit")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.lower_ not in PARTICIPATION:
        return []
    part = noun.head.head
    return dedupe([m for c in part.children if c.dep_ == "poss" for m in parties.of_np(c, 1)])


def _awaited(noun: Token, verb: Token) -> bool:
    """"X and Y look forward to a meeting later this year": those who look forward to an event take
    part in it, and it is ahead."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.i == verb.i \
        and verb.lower_ in ("look", "looks", "looking", "looked") and any(c.lower_ == "forward" for c in verb.children)


#: nouns of a phrase that says at what occasion an act happens ("on the eve of", "on the sidelines of")
OCCASION_NOUNS = frozenset({"eve", "sidelines", "margins", "margin", "occasion", "threshold"})
#: heads of the styles of address "His Holiness", "Her Majesty", "His Excellency"
HONORIFIC_HEADS = frozenset({"holiness", "majesty", "highness", "excellency", "eminence", "beatitude", "grace"})

#: participles that tell an event noun took place ("the talks held in Sochi", "the meeting that took place")
HELD_PARTICIPLES = frozenset({"held", "conducted", "organised", "organized", "hosted", "took", "convened"})


def occurrence_verb(tok: Token) -> Token | None:
    """The participle or relative clause of an event noun that says when and where it took place."""
    own = next((c for c in tok.children if (c.dep_ in ("acl", "relcl") and c.lower_ in HELD_PARTICIPLES)
                or (c.dep_ == "acl" and c.lower_ in SCHEDULED)
                or (c.dep_ in ("acl", "relcl") and _takes_place(c))), None)
    if own is None:  # "talks between the delegation and representatives from X held on March 7": the parser
        # hangs the participle on the last noun of the phrase
        own = next((c for c in tok.subtree if c.i > tok.i and c.dep_ == "acl" and c.lower_ in HELD_PARTICIPLES
                    and c.head != tok and c.head.tag_.startswith("NN")), None)
    if own is None and tok.dep_ in ("dobj", "pobj") and tok.head != tok:
        # "welcomed the upcoming dialogue, taking place in October": the parser hangs the participle right after
        # the noun's phrase on the verb
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        own = next((c for c in verb.children if c.dep_ == "advcl" and _takes_place(c)
                    and tok.right_edge.i < c.i <= tok.right_edge.i + 2), None)
    return own


def _takes_place(verb: Token) -> bool:
    return verb.lower_ in TAKE_PLACE and any(g.lower_ == "place" for g in verb.children)


#: "the dialogue, taking place in October", "the forum that will take place in June"
TAKE_PLACE = frozenset({"take", "takes", "taking", "took", "taken"})


def _modifier_words(c: Token) -> list[Token]:
    """A noun's modifier and the words joined to it by a hyphen or a conjunction: "Russian-Israeli
    talks", where the parser hangs 'Russian' on 'Israeli', and "the Russia-Israel talks"."""
    out = [c]
    if c.dep_ == "poss":
        return out
    stack = [g for g in c.children if g.dep_ in ("amod", "compound", "nmod", "conj")
             and any(h.tag_ == "HYPH" or h.dep_ == "cc" for h in c.doc[min(g.i, c.i):max(g.i, c.i)])]
    while stack:
        g = stack.pop()
        out.append(g)
        stack.extend(x for x in g.children if x.dep_ in ("amod", "compound", "nmod", "conj"))
    return out


def _domestic(subj: Token, parties: Parties, depth: int = 0) -> bool:
    """The subject names an actor of no stated country: a person, a named group, or an agent noun of
    PETRARCH2's agents dictionary ("the rebels", "President X", "the Homeland Union"). PLOVER codes every
    actor as a country and a sector (PLOVER_MANUAL.tex, "Sector Codes": rebels REB, parties PTY, labour
    LAB, civilians CVL are each some country's), so in a news sentence that names one state only, such an
    actor is that state's."""
    if subj.lower_ in THIRD_NONPERSON and subj.head.dep_ == "ccomp" and depth < 2:
        # "the X party said it will boycott ...": the pronoun is the reporting clause's subject
        return any(_domestic(s, parties, depth + 1) for s in subjects(subj.head.head))
    if (subj.lower_ in QUANTITY or subj.tag_ == "CD") and depth < 2:  # "a group of refugees", "thousands of ..."
        of = [o for p in children(subj, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
        if any(_domestic(o, parties, depth + 1) for o in of):
            return True
    if subj.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    if subj.lower_ in parties.agents or subj.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    # "Islamic fundamentalists", "the Islamic Jihad movement", "supporters of (a person)": a people,
    # faith, group or person named on the head's modifier or its 'of' phrase
    return any(c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "ORG") or c.tag_ in (
        "NNP", "NNPS")) for c in subj.children) or any(
        o.ent_type_ in ("PERSON", "ORG") for p in children(subj, "prep") if p.lower_ == "of" for o in children(p, "pobj"))


def _stray_agent(tok: Token, parties: Parties) -> list[Mention]:
    v = tok.head
    while v.head.i != v.i and not is_verb(v):
        v = v.head
    if not is_verb(v) or v.i > tok.i or v.tag_ == "VBN" or children(v, "auxpass") or not children(v, "nsubj"):
        return []
    return dedupe([m for p in v.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > tok.i
                   for o in children(p, "pobj") for m in parties.of_np(o)])


def _told_before(tok: Token) -> bool:
    """The plan of `tok` is told in the past tense: "prepared to strike", "agreed to meet" (no 'will')."""
    t = tok
    while t.dep_ in ("xcomp", "pobj", "prep", "pcomp") and t.head != t:
        t = t.head
    return t.tag_ == "VBD" and not any(c.lower_ in FUTURE_AUX for c in t.children)


def _ahead(mood: Modality) -> bool:
    """The clause speaks of what is to come ("will visit", "plans to", "would travel", "the upcoming")."""
    return mood.kind == "future" or (mood.kind == "irrealis" and mood.cue == "would")
