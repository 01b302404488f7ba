"""The coder: one parsed document -> events and diplomatic facts. It only orchestrates.

For every sentence it finds the triggers (`lexicon`), reads each trigger's clause off the parse
(`clause`), and hands it to the module of its PLOVER type (`meetings`, `statements`,
`material`, `agreements`); partnerships, honours, invitations, attendees and cooperation areas
come from the same sentences. Around that it keeps what only the whole document tells: the day
and place of its main event (an undated "the leaders discussed ..." happened then), a title that
is itself an adopted text ("Joint Statement ..."), a headline's event joining the body's report,
and a meeting held in one party's country being a visit to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date as Date
from typing import Any

from spacy.tokens import Doc, Span, Token

from communique.events import (
    agreements,
    attendees,
    headlines,
    honours,
    material,
    meetings,
    partnerships,
    statements,
    vetting,
)
from communique.events.clause import MEDIUM, Clause, occasion_time, read_clause
from communique.events.common import (
    Context,
    cameo_row,
    event_date,
    evidence,
    make_event,
    plover_type,
    sentence_reading,
    speakers_met,
    told_as_earlier,
)
from communique.events.lexicon import CONSULT_BLOCKS, Lexicon, Trigger, load_lexicon
from communique.events.parse import (
    FINITE,
    REPORTING,
    Modality,
    children,
    in_framing_phrase,
    is_verb,
    negated,
    same_noun,
    subjects,
)
from communique.events.parties import (
    CIVILIAN_AGENTS,
    FORCE_AGENTS,
    Mention,
    Parties,
    dedupe,
    subject_of_kind,
)
from communique.events.places import country_place, index_places, place, place_of_clause, places_in
from communique.events.sentences import Sent, sentences
from communique.records import Agreement, Event, Evidence, Partnership, Place
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import Gazetteer, fold, read_jsonl
from communique.resolve.titles import OFFICE

JOINT_TITLE = re.compile(r"^(?:Joint|Trilateral|Quad)\s+(?:Leaders[’']?\s+|Press\s+|Media\s+)?(?:Statement|Declaration|"
                         r"Communiqu|Release)", re.I)
#: sentence-mode reading of PLOVER: future cooperative acts are intents (AGREE)
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: support verbs whose event noun object carries the meaning (the lexicon's light verbs, and verbs of expressing)
LIGHT_VERBS = frozenset({"express", "expressed", "expresses", "expressing", "voice", "voiced", "voices", "extend",
                         "extended", "extends", "convey", "conveyed", "conveys", "reiterate", "reiterated",
                         "reiterates", "reaffirm", "reaffirmed", "reaffirms", "offer", "offered", "offers",
                         "give", "gave", "given", "gives", "lodge", "lodged", "issue", "issued", "issues",
                         "deliver", "delivered", "make", "made", "makes", "pay", "paid", "pays", "exchange",
                         "exchanged", "exchanges", "exchanging"})
#: nouns and adjectives of necessity whose "for X to" clause says what X must do
NEED = frozenset({"need", "necessity", "imperative", "necessary", "essential"})
#: verbs of a state or of what one receives, which no one can be asked to do
UNDERGONE = frozenset({"be", "have", "enjoy", "live", "receive", "get", "benefit", "remain", "feel", "see"})
#: CAMEO families of acts whose content is another act (intend, refuse, threaten): its aim is theirs
CONTENT_FAMILIES = frozenset({"03", "12", "13"})
#: CAMEO 12 code refusing each cooperative family: meet (04) -> 125, yield (08) -> 124, cooperate (06) -> 121
REFUSE_CODE = {"04": "125", "06": "121", "08": "124"}
#: the phrases that name whom a promised or refused act is aimed at, in order ("willing to withdraw from X")
CONTENT_AIMS = ("to", "for", "on", "against", "into", "in", "from")
#: verbs of agreeing: what they commit to is consented to, so it is AGREE whatever the act
AGREE_HEADS = frozenset({"agree", "agreed", "agrees", "agreeing"})
#: PLOVER AGREE: "agree to, offer, promise, or otherwise indicate willingness or commitment to" act
COMMISSIVE = frozenset({"agree", "agreed", "agrees", "agreeing", "promise", "promised", "promises", "pledge",
                        "pledged", "pledges", "vow", "vowed", "vows", "commit", "committed", "commits", "offer",
                        "offered", "offers", "undertake", "undertook", "undertakes", "ready", "willing",
                        "prepared", "determined", "intend", "intends", "intended", "plan", "plans", "planned",
                        "planning", "readiness", "willingness", "commitment", "intention", "committing",
                        "pledging", "promising", "vowing"})
INTENT_SOURCE = "PLOVER_MANUAL.tex:347 AGREE (commitment)"
#: dictionary blocks of refusing (CAMEO.2.0.txt 'REFUSE'): the codebook's REJECT, "All rejections and refusals"
REFUSAL_BLOCKS = frozenset({"REFUSE"})
REFUSAL_SOURCE = "PLOVER_MANUAL.tex:665 REJECT (refusal)"
#: verbs of commitment between parties: their complement is promised even when it names no event
PROMISE = frozenset({"agree", "agreed", "agrees", "pledge", "pledged", "pledges", "promise", "promised", "promises",
                     "commit", "committed", "commits", "vow", "vowed", "vows", "undertake", "undertook",
                     "committing", "pledging", "promising", "vowing"})
#: verbs of pledging, not of consenting: what they pledge is done as pledged (see `_intents`)
PLEDGING = PROMISE - AGREE_HEADS
#: nouns of working together, whose increase or continuation pledged is cooperation pledged
COOPERATION_NOUNS = frozenset({"cooperation", "co-operation", "collaboration", "coordination", "partnership"})
#: nouns of what is shared or exchanged in working together ("the sharing of data", "exchanges of experts")
SHARING_NOUNS = frozenset({"sharing", "exchange", "exchanges"})
COMMITTED_SOURCE = "GUIDELINES.md COOPERATE (material cooperation delivered or committed)"


def _names_cooperation(heads: list[Token]) -> bool:
    """What is pledged is working together: cooperation or joint work named as the pledge's object or
    its infinitive's ("to continue joint work", "to the sharing of data")."""
    for h in heads:
        for w in [h, *(o for o in h.children if o.dep_ == "dobj")]:
            if w.lower_ in COOPERATION_NOUNS or (w.lower_ in SHARING_NOUNS and w == h) or (
                    w.lower_ in ("work", "efforts")
                    and any(a.lower_ in ("joint", "common") for a in w.children if a.dep_ == "amod")):
                return True
    return False


def _pledges_cooperation(tok: Token) -> bool:
    """A verb of pledging whose infinitive or 'to' phrase names working together ("committed to continue
    joint work", "committed to the sharing of data")."""
    return tok.lower_ in PLEDGING and is_verb(tok) and not negated(tok) and _names_cooperation(
        [*(c for c in tok.children if c.dep_ == "xcomp" and is_verb(c)),
         *(o for p in children(tok, "prep") if p.lower_ == "to" for o in children(p, "pobj"))])


#: the intent code of each cooperative CAMEO family (CAMEO 03: express intent to ...); conflict -> threaten
INTENT_CODE = {"03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
#: cues of a plan announced as coming, kept though no time is told (parse.modality: "upcoming", "scheduled")
ANNOUNCED_CUES = frozenset({"upcoming", "scheduled"})
#: a noun trigger names an event only in these positions (else it is talked about)
NOUN_EVENT_DEPS = frozenset({"ROOT", "dobj", "nsubjpass", "nsubj", "pobj", "conj", "appos", "attr"})

#: verbs whose complement is a topic talked over, not something asserted or asked ("discussed how X must ...")
DISCUSSING = frozenset({"discuss", "discussed", "discusses", "discussing", "explore", "explored", "explores",
                        "exploring", "consider", "considered", "considers", "considering", "review", "reviewed",
                        "reviews", "reviewing", "debate", "debated", "debates", "debating"})


#: a headline of the voice's own meeting with a guest ("Meeting with Prime Minister of Hungary X", "Talks with
#: President of Mongolia X"), and words that make it a trip or a call instead
GUEST_MEETING = re.compile(r"(?:Meeting|Talks)\s+with\b")
TRIP_OR_CALL = re.compile(r"\b(?:visit|visits|travel|trip|tour|call|calls|telephone|phone|video|virtual)\b", re.I)
#: adjectives of gratitude: being grateful to someone is gratitude expressed to them
GRATEFUL = frozenset({"grateful", "thankful"})
#: adjectives of an event noun that make it another occasion than the one reported
OTHER_OCCASIONS = frozenset({"further", "other", "previous", "earlier", "subsequent", "past", "later", "future"})


@dataclass
class Found:
    """One trigger's reading in one sentence."""

    sent: Sent
    trigger: Trigger
    clause: Clause


@dataclass
class EventSet:
    """Events of one document, one per (type, parties, date), each with all its evidence."""

    sentence_mode: bool
    events: dict[tuple[str, frozenset[str], str, str], Event] = field(default_factory=dict)
    from_title: set[int] = field(default_factory=set)
    earlier: set[int] = field(default_factory=set)  # undated events told as before the main day
    defaulted: set[int] = field(default_factory=set)  # events dated to the main day for want of a time of their own
    named: set[int] = field(default_factory=set)  # of those, the ones an event noun told ("X's visit")
    dated: set[int] = field(default_factory=set)  # events a report dates with a time of its own
    announced: set[int] = field(default_factory=set)  # undated plans told as coming ("the upcoming visit")
    tenseless: set[int] = field(default_factory=set)  # headline events with no finite verb ("Travel to X")

    @staticmethod
    def slot(ev: Event) -> tuple[str, frozenset[str], str, str]:
        """(type, parties, date), and for an undated report its kind: an undated visit is not an
        undated call."""
        return (*ev.key(), "" if ev.date else (ev.mode or ""))

    def add(self, ev: Event, headline: bool = False, earlier: bool = False, defaulted: bool = False,
            nominal: bool = False) -> None:
        k = self.slot(ev)
        if ev.date is None and not self.sentence_mode and not earlier:
            # an undated report joins the same event told elsewhere ("the recent visit" is another one)
            same = [x for x in self.events.values() if x.key()[:2] == k[:2] and _same_kind(x, ev)]
            if same:
                if ev.evidence not in same[0].evidence_all:
                    same[0].evidence_all.append(ev.evidence)
                if id(same[0]) in self.tenseless and not headline and same[0].status != ev.status \
                        and ev.mode == same[0].mode == "visit" and len(same[0].evidence_all) == 2 \
                        and ev.actor == same[0].actor:
                    same[0].status = ev.status  # a headline with no verb has no tense: "Travel to X" over "I will travel to X"
                return
        old = self.events.get(k)
        if old is None:
            ev.evidence_all = [ev.evidence]
            self.events[k] = ev
            if headline:
                self.from_title.add(id(ev))
            if earlier and ev.date is None:
                self.earlier.add(id(ev))
            if defaulted:
                self.defaulted.add(id(ev))
                if nominal:
                    self.named.add(id(ev))
        else:
            if ev.evidence not in old.evidence_all:
                old.evidence_all.append(ev.evidence)
            # a directed report says who acted on whom; but a visit with no time of its own ("follow-up from
            # X's historic visit") does not turn a call or a meeting the text dates into that visit
            recalled = defaulted and nominal and id(old) in self.dated
            if not old.recipient and ev.recipient and not _call_and_visit(old, ev) and not recalled:
                old.actor, old.recipient, old.cameo, old.mode = ev.actor, ev.recipient, ev.cameo, ev.mode
            finer = old.place is not None and ev.place is not None and old.place.name is None and ev.place.name \
                and ev.place.country == old.place.country  # "arrived in Russia" and "talks in Sochi": Sochi
            if (not old.place or finer) and ev.place and not _call_and_visit(old, ev) and not recalled:
                old.place = ev.place
            for p in ev.people:
                if p not in old.people:
                    old.people.append(p)


def _consults(f: Found) -> bool:
    """The trigger codes a meeting or call (PLOVER CONSULT, document reading)."""
    return bool(f.trigger.code) and plover_type(f.trigger.code or "", False) == "CONSULT"


def _met(clause: Clause, *preps: str) -> list[str]:
    """The parties a meeting clause names, in order: its doers, its targets and those it is held with."""
    ms = [*clause.doers, *clause.targets, *clause.with_(*(preps or ("with", "between")))]
    return list(dict.fromkeys(m.code for m in ms))


def _fold(evs: dict[Any, Event], k: Any, into: Event) -> None:
    """The event at `k` is another report of `into`: its evidence joins `into`'s and it goes."""
    into.evidence_all.extend(e for e in evs.pop(k).evidence_all if e not in into.evidence_all)


def _call_and_visit(a: Event, b: Event) -> bool:
    """One report a call, the other a visit: a visit told in a call's readout is another event."""
    return {a.mode, b.mode} == {"phone", "visit"}


def _same_kind(a: Event, b: Event) -> bool:
    """Two reports can be one event unless they say different kinds of it (a visit, a call)."""
    return not (a.mode and b.mode and a.mode != b.mode)


class Coder:
    """Codes one document's sentences into events and diplomatic facts."""

    def __init__(self, gaz: Gazetteer, lexicon: Lexicon | None = None, single_party: bool = False) -> None:
        """`single_party` is sentence mode: one-party events are kept and PLOVER's own reading
        applies (signing is SUPPORT, future meetings are AGREE), as sentence sets code them."""
        self.gaz = gaz
        self.lex = lexicon or load_lexicon()
        self.sentence_mode = single_party
        rows = read_jsonl("venues.jsonl")
        self.venues = {fold(v["name"]): v for v in rows}
        self.venue_pattern = re.compile(r"\b(?:the\s+)?(" + "|".join(re.escape(v["name"]) for v in rows) + r")\b") if rows else None

    # ------------------------------------------------------------ triggers

    def triggers(self, sent: Sent) -> list[Trigger]:
        out: list[Trigger] = []
        covered: set[int] = set()
        span = sent.span
        for tok in span:
            if is_verb(tok):
                if self.sentence_mode and tok.lower_ == "according" and tok.i + 1 < len(tok.doc) \
                        and tok.doc[tok.i + 1].lower_ == "to":
                    continue  # "according to X": a complex preposition naming a source, not "accord"
                if self.sentence_mode and tok.dep_ in ("amod", "compound"):
                    continue  # a participle used as an adjective describes ("the Syrian-backed militia",
                    # "the banned party"): it asserts no event of the sentence
                if self.sentence_mode and _opening_participle(tok):
                    continue
                t = self.lex.verb(tok, span)
                if t is None and self.sentence_mode:
                    t = self._refusal(tok, span)
                if t is None:
                    continue
                t = self._light(t)
                if not self.sentence_mode and t.block == "CONFER" and t.code and t.code[:2] not in ("04", "--") \
                        and t.covered != frozenset({tok.i}):
                    # "talked to X about aid" (DISCUSS * AID [061]): in a readout the talk is the act; its topic
                    # is talked about, not done
                    t = replace(t, code="040", paired=None, covered=frozenset({tok.i}))
                if not self.sentence_mode and t.block == "CALL" and _courtesy_call(tok):
                    # "will call on the Governor-General and meet the Leader of the Opposition": calling on an
                    # official with nothing asked is paying a visit (PLOVER_MANUAL.tex:370 CONSULT, visits)
                    t = replace(t, code="040", paired=None)
                if self.sentence_mode:
                    t = self._prevented_protest(t)
                if t.block == "ENCOURAGE" and (t.code or "").startswith("05") and t.covered == frozenset({tok.i}) \
                        and _asks_an_act(tok):
                    # "encouraged the PRC to urge the DPRK to stop": urging a party to act is asking it
                    # (PLOVER_MANUAL.tex:572 REQUEST, "all requests, demands"), not praising it (ENCOURAGE 051)
                    t = replace(t, code="020", paired=None, source=f"PLOVER_MANUAL.tex:572 REQUEST + {t.source}")
                if vetting.no_act(t, tok, sent, self.sentence_mode):
                    continue
                meeting = (t.code or "")[:3] in CONSULT_CODES and t.block not in CONSULT_BLOCKS
                nouns = [tok.doc[i] for i in t.covered if i != tok.i] if meeting else []
                told = [n for n in nouns if self.lex.noun(n) is not None and _names_parties(n)]
                if told:  # "announced the upcoming visit of X to Y": the noun tells the meeting
                    base = next((v.code for v in self.lex.forms.get(tok.lower_, []) if v.block == t.block), None)
                    if not self.sentence_mode and base and base[:3] not in CONSULT_CODES and base != "---" \
                            and any(p.lower_ == "to" for n in told for p in n.children if p.dep_ == "prep"):
                        # "commended X for his visits to Poland": the pattern's hosting reading (ACCLAIM * VISIT
                        # [043:042]) does not fit a visit that goes elsewhere; the verb says its own act, and the
                        # noun is coded as the visit it names
                        out.append(replace(t, code=base, paired=None, covered=frozenset({tok.i}),
                                           source=f"{t.source} (the verb alone: its visit goes elsewhere)"))
                        covered.add(tok.i)
                    continue
                out.append(t)
                covered |= t.covered
        for tok in span:
            if tok.i in covered or is_verb(tok):
                continue
            t = self.lex.noun(tok)
            if t is None or t.token.dep_ not in NOUN_EVENT_DEPS:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in ("via", "by", "over") and tok.lower_ in MEDIUM:
                continue  # "launched, via videoconference, the construction": how, not a consultation
            if not self.sentence_mode and not (t.code or "").startswith("04"):
                continue  # in readouts a noun names a meeting; other nouns are talked about
            if any(i in covered for i in t.covered):
                continue
            out.append(t)
            covered |= t.covered
        for tok in span:  # "I am grateful to Italy for ...": gratitude expressed (EXPRESS * GRATITUDE [051])
            if tok.i not in covered and tok.lower_ in GRATEFUL and tok.dep_ == "acomp" and not negated(tok.head) \
                    and any(p.dep_ == "prep" and p.lower_ == "to" for p in tok.children):
                out.append(Trigger(tok, "051", None, "CAMEO.2.0.txt:4580 EXPRESS * GRATITUDE (grateful to: gratitude "
                                   "expressed)", False, frozenset({tok.i})))
                covered.add(tok.i)
        if not self.sentence_mode:
            for tok in span:  # "committed to continue joint work", "committed to the sharing of data"
                if tok.i not in covered and _pledges_cooperation(tok):
                    # cooperation pledged is cooperation (GUIDELINES.md: material cooperation "delivered or
                    # committed"), whether or not a dictionary verb names it
                    out.append(Trigger(tok, "060", None, COMMITTED_SOURCE, False, frozenset({tok.i})))
                    covered.add(tok.i)
        if self.sentence_mode:
            # "is committed to opening up the economy", "is ready to help": a word of commitment whose
            # act no dictionary verb names still commits (PLOVER_MANUAL.tex:347 AGREE, "indicate
            # willingness or commitment to cooperate"); when the act is a trigger, _intents codes its content
            for tok in span:
                if tok.i not in covered and tok.lower_ in COMMISSIVE and tok.tag_ in ("JJ", "VBN") \
                        and _to_complement(tok) and not negated(tok) \
                        and not (tok.dep_ in ("acomp", "attr") and negated(tok.head)):  # "is not committed to"
                    out.append(Trigger(tok, "030", None, f"{INTENT_SOURCE} (no dictionary verb)", False,
                                       frozenset({tok.i})))
                    covered.add(tok.i)
        out = self._intents(out)
        return _reported(out) if self.sentence_mode else out

    def _refusal(self, tok: Any, span: Span) -> Trigger | None:
        """Sentence mode: a verb of the dictionary's REFUSE block that no pattern codes ("rejected
        the plan", "refused to withdraw") is a rejection, as the codebook defines REJECT: "All
        rejections and refusals". (The dictionary leaves the block uncoded, `---`, and codes only
        its patterns; the verbs themselves name the category.)"""
        for v in self.lex.forms.get(tok.lower_, []):
            if v.block in REFUSAL_BLOCKS and v.code == "---":
                covered = Lexicon._phrase(v, tok, span)
                if covered is not None:
                    return Trigger(tok, "120", None, f"{REFUSAL_SOURCE} + {v.source}", False, covered)
        return None

    def _light(self, t: Trigger) -> Trigger:
        """A support verb with an event noun as object ("expressed support for", "extended
        condolences", "held talks"): the noun says what the act is, so its code wins."""
        tok = t.token
        if tok.lower_ not in LIGHT_VERBS:
            return t
        for o in tok.children:
            if o.dep_ == "dobj":
                n = self.lex.noun(o)
                if n is not None and tok.lower_.startswith("exchang") and (n.code or "")[:2] not in ("01", "05"):
                    continue  # exchanged greetings or congratulations (said); "exchange visits" stays a trade of acts
                if n is not None and n.code and (n.code or "")[:2] != (t.code or "")[:2]:
                    return Trigger(tok, n.code, None, f"{n.source} (noun of the support verb '{tok.text}')", False,
                                   t.covered | {o.i})
                praise = self._praise_of(o) if (t.code or "").startswith("01") else None
                if praise is not None:
                    return Trigger(tok, praise.code, None, f"{praise.source} (its noun '{o.text}' after the support "
                                   f"verb '{tok.text}')", False, t.covered | {o.i}, block=praise.block)
        return t

    def _praise_of(self, noun: Any) -> Any | None:
        """The dictionary verb of praise (CAMEO 051) a noun names ("appreciation": APPRECIATE), when the
        dictionary codes a comment with it: "expressed appreciation for Japan's leadership" praises Japan as
        "appreciated Japan's leadership" does."""
        w = noun.lower_
        stems = [w[:-5] + "ate", w[:-5], w[:-5] + "e"] if w.endswith("ation") else []
        for form in stems:
            for verb in self.lex.forms.get(form, []):
                if verb.code.startswith("051") and len(verb.words) == 1:
                    return verb
        return None

    def _prevented_protest(self, t: Trigger) -> Trigger:
        """Preventing or hindering a protest restricts the freedom to protest, calling one off concedes:
        the dictionary's DELAY block
        codes "PREVENT * PROTEST" and "PREVENT * RALLY" 1721 (CAMEO.2.0.txt:7661-7662, COERCE, mode
        restrict), read here for every noun the lexicon codes as a demonstration (CAMEO 14)."""
        if t.block not in ("DELAY", "CANCEL"):
            return t
        for o in t.token.children:
            n = self.lex.noun(o) if o.dep_ in ("dobj", "nsubjpass") else None
            if n is None or not (n.code or "").startswith("14"):
                continue
            if t.block == "DELAY" and t.code in ("120", None):
                return Trigger(t.token, "1721", None, "CAMEO.2.0.txt:7661 DELAY PREVENT * PROTEST", False,
                               t.covered | {o.i}, block=t.block)
            if t.block == "CANCEL" and not any(subject_of_kind(x, FORCE_AGENTS) for x in subjects(t.token, True)):
                # "the union called off its strike": suspending a protest is a concession (PLOVER_MANUAL.tex:443
                # CONCEDE, "suspending protests"; the dictionary's "END * STRIKE [082]", CAMEO.2.0.txt:1142),
                # not the de-escalation of military strikes it also codes
                return Trigger(t.token, "082", None, "PLOVER_MANUAL.tex:443 CONCEDE + CAMEO.2.0.txt:1142 CANCEL",
                               False, t.covered | {o.i}, block=t.block)
        return t

    def _intents(self, trigs: list[Trigger]) -> list[Trigger]:
        """'agreed to cooperate', 'is ready to provide', 'vowed to retaliate': the commitment is the
        event (AGREE with the intent code of what is promised; a promise of force is a threat).
        In documents a promised meeting stays a planned meeting (GUIDELINES.md)."""
        by_token = {t.token.i: t for t in trigs}
        out = list(trigs)
        for t in trigs:  # "agreed to work together": a commitment even when what is promised is no event
            tok = t.token
            if tok.lower_ in (COMMISSIVE if self.sentence_mode else PROMISE) and is_verb(tok) and (t.code or "")[:2] in ("05", "06", "03", "") and any(
                    c.dep_ == "xcomp" and is_verb(c) and c.i not in by_token for c in tok.children):
                composed = Trigger(tok, "030", None, f"{INTENT_SOURCE} + {t.source}", False,
                                   frozenset({tok.i}))
                if not self.sentence_mode and _pledges_cooperation(tok):
                    composed = Trigger(tok, "060", None, f"{COMMITTED_SOURCE} + {t.source}", False, frozenset({tok.i}))
                out[out.index(t)] = composed
                by_token[tok.i] = composed
        # (sentence mode: a verb of the dictionary's ALLEGE block with an infinitive, "swore to fight", vows
        # the subject's own act rather than alleging another's: "swear that X did" alleges)
        vowing = frozenset(t.token.i for t in trigs if self.sentence_mode and t.block == "ALLEGE"
                           and any(is_verb(c) and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                               a.dep_ == "aux" and a.lower_ == "to" for a in c.children))) for c in t.token.children))
        for t in list(out):
            tok = t.token
            head = tok.head
            if self.sentence_mode:
                head = _commissive_head(tok, vowing) or tok
            elif tok.dep_ == "pcomp" and head.lower_ == "to" and head.head != head:
                head = head.head  # "committed to strengthening"
            elif tok.dep_ != "xcomp":
                continue
            if (head.lower_ not in COMMISSIVE and head.i not in vowing) or not t.code or head.i == tok.i:
                continue
            root = t.code[:2]
            if root == "04" and not self.sentence_mode and not (
                    head.lower_ in AGREE_HEADS and not any(x.ent_type_ in ("DATE", "TIME") for x in tok.subtree)):
                continue  # (but agreeing to talk, at no time told, is the step agreed: "agreed to engage in a dialogue")
            code = INTENT_CODE.get(root, "130" if root >= "09" else "030") if root != "04" or self.sentence_mode \
                else "030"
            if t.code.startswith("033") and not self.sentence_mode:
                code = t.code  # a commitment to give the dictionary codes as an intent ("committing to provide
                # aircraft", 0332): aid committed (common.plover_type)
            if not self.sentence_mode and head.lower_ in PLEDGING and (root == "06" or root == "05" and any(
                    w.lower_ in COOPERATION_NOUNS for w in tok.subtree)):
                # "the two countries committed to increase cooperation to combat X", "pledged to share data": the
                # guidelines code material cooperation "delivered or committed" as COOPERATE (GUIDELINES.md,
                # events table), done when pledged; consenting to a step ("agreed to cooperate") stays AGREE
                code = t.code if root == "06" else "060"
            if self.sentence_mode and head.lower_ in AGREE_HEADS:
                code = INTENT_CODE.get(root, "030")  # agreeing to an act is consent, never a threat
            old = by_token.get(head.i)
            if self.sentence_mode and root in ("18", "19", "20") and _active(head) and any(
                    v.block == "PREPARE" for v in self.lex.forms.get(head.lower_, [])):
                # "the army prepared to resume shelling": getting forces ready to strike is a show of force
                # (the dictionary's "PREPARE * INVASION [154]"; PLOVER_MANUAL.tex MOBILIZE, "military
                # posturing ... readiness"), not the threat "is prepared to" states
                code = "154"
            composed = Trigger(head, code, None, f"{INTENT_SOURCE} + {t.source}", False,
                               frozenset({head.i}))
            if old is not None:
                out.remove(old)
            by_token[head.i] = composed
            out.append(composed)
        if not self.sentence_mode:
            out = [t for t in out if not agreements.empty_intent(t)]
            # "the two leaders plan to discuss X": the plan is the planned act, not an agreement of its own
            acts = {t.token.i for t in out}
            out = [t for t in out if not (t.block == "INTEND" and t.source.startswith("CAMEO") and any(
                c.dep_ == "xcomp" and c.i in acts for c in t.token.children))]
        if self.sentence_mode:
            # "decided to allow X": a decision taken is the act decided (common.COMMITTED), not only an intent
            # (the dictionary's SELECT block codes 'decide' 030)
            acts = {t.token.i for t in out}
            out = [t for t in out if not (t.block == "SELECT" and (t.code or "").startswith("03") and any(
                c.dep_ == "xcomp" and c.i in acts for c in t.token.children))]
        return out

    def read(self, sents: list[Sent], parties: Parties) -> list[Found]:
        return [Found(s, t, read_clause(t, parties, s.span, s.time_roots)) for s in sents for t in self.triggers(s)]

    # ------------------------------------------------------------ dispatch

    def events_of(self, f: Found, ctx: Context) -> tuple[list[Event], list[Agreement]]:
        trig, clause, span = f.trigger, f.clause, f.sent.span
        if trig.source.startswith((INTENT_SOURCE, REFUSAL_SOURCE)) or (
                ctx.sentence_mode and (trig.code or "")[:2] in CONTENT_FAMILIES and not clause.targets):
            # "ready to expand cooperation with X", "refused to meet X": X is the partner
            inners = [c for c in trig.token.children if c.dep_ in ("xcomp", "prep")]
            if ctx.sentence_mode:  # "willing to send troops to help defend X": the content's own clauses too
                inners += _content_clauses(inners)
            for inner in inners:
                if inner is not trig.token:
                    c2 = read_clause(Trigger(inner, None, None, "inner", False, frozenset({inner.i})), ctx.parties,
                                     span, f.sent.time_roots)
                    aimed = c2.targets or (c2.near_owners if ctx.sentence_mode else [])
                    if ctx.sentence_mode:  # "offered to hand them over to X", "refused to deploy in X", not
                        own = {d.code for d in clause.doers}  # the doer's own ("to withdraw its troops from X")
                        aimed = [m for m in aimed if m.code not in own] or next(
                            (c2.prep[p] for p in CONTENT_AIMS if any(m.code not in own for m in c2.prep.get(p, []))), [])
                    clause = Clause(trig, clause.doers, [*clause.targets, *aimed],
                                    [*clause.owners, *c2.owners], {**c2.prep, **clause.prep}, clause.mood,
                                    clause.negated, clause.when or c2.when, clause.verb)
        out: list[Event] = []
        ags: list[Agreement] = []
        readings: list[tuple[str, Clause]] = []
        if trig.code and trig.paired and trig.paired == trig.code:
            joint = Clause(trig, [*clause.doers, *clause.targets], [], clause.owners, clause.prep, clause.mood,
                           clause.negated, clause.when, clause.verb)
            readings.append((trig.code, clause if trig.code.startswith("04") or trig.block == "HOST" else joint))
        else:
            if trig.code:
                readings.append((trig.code, clause))
            if trig.paired and not meetings.departs(trig.token, ctx.sentence_mode):
                # the reversed event: the object acts on the subject ("faces calls from"); not the place one
                # departs ("depart Honiara for Port Vila": the visit to where one goes has its host)
                readings.append((trig.paired, Clause(trig, clause.targets or clause.owners, clause.doers, [],
                                                     clause.prep, clause.mood, clause.negated, clause.when,
                                                     clause.verb)))
        for code, c in readings:
            type_ = plover_type(code, ctx.sentence_mode)
            if type_ is None:
                continue
            if not ctx.sentence_mode and trig.block == "AGREE" and code == "050" and any(
                    ch.dep_ in ("prep", "xcomp") and ch.lower_ in ("to", "on", "upon") for ch in trig.token.children):
                # "both sides agreed to the sharing of expertise", not "agreed that X must ...": the parties agreed
                # on a step (PLOVER_MANUAL.tex:348 AGREE; the dictionary's AGREE block is 050, which the 2021
                # table reads as SUPPORT)
                type_ = "AGREE"
            if ctx.sentence_mode:
                type_ = sentence_reading(code, trig.source, type_, c)
                if c.negated and c.mood.kind == "future" and "03" <= code[:2] <= "08":
                    # "will not accept", "said it would not meet": declining to cooperate is a refusal
                    # (PLOVER_MANUAL.tex:665 REJECT, "All rejections and refusals"; CAMEO 12 refuses 03-08)
                    code, type_ = REFUSE_CODE.get(code[:2], "120"), "REJECT"
                    c = replace(c, negated=False, mood=Modality("realis"))
                elif c.mood.kind == "future" and not c.negated and _unless(c.verb or trig.token):
                    # "will boycott the vote unless X resigns": an act announced as the cost of another's
                    # not acting is a threat (PLOVER_MANUAL.tex:703 THREATEN, "coercive or forceful
                    # warnings"), aimed at the party of the condition (statements.conditioned)
                    code, type_ = "130", "THREATEN"
                    aimed = statements.conditioned(c.verb or trig.token, ctx) or c.targets \
                        or c.with_("from", "to", "against", "on", "in")
                    c = replace(c, targets=aimed, mood=Modality("realis"))
            evs = []
            if type_ == "CONSULT":
                evs = meetings.code(c, ctx, span, code)
            elif type_ == "AGREE":
                evs, a = agreements.code(c, ctx, span, code)
                ags += a
            elif type_ in statements.TYPES:
                evs = statements.code(c, ctx, span, type_, code)
            elif type_ in material.TYPES:
                evs = material.code(c, ctx, span, type_, code)
            if ctx.sentence_mode:
                _future_reading(evs, c)
                _who_obstructs(evs, type_, code, subjects(c.verb or trig.token, True))
                _expelled_entity(evs, code, c.verb or trig.token)
                self._protest_purpose(evs, c, span)
                for ev in evs:
                    if ev.type == "PROTEST" and not ev.recipient:  # "demonstrated to show anger at X's policy"
                        ev.recipient = sorted({m.code for m in material.purpose_aim(c, ctx, span)}
                                              - {d.code for d in c.doers if d.kind != "domestic"})
            out += evs
        return out, ags

    def _protest_purpose(self, evs: list[Event], c: Clause, span: Span) -> None:
        """'Palestinians shunned work to protest at X', 'farmers blocked roads to demonstrate against X':
        a collective act of a people or civilians done to protest is a protest (PLOVER_MANUAL.tex:742
        PROTEST, "All civilian demonstrations and other collective actions carried out as protests against
        the recipient"); the purpose verb is one the dictionary codes as a protest (CAMEO 14)."""
        verb = c.verb or c.trigger.token
        purpose = next((t for ch in verb.children if ch.dep_ in ("advcl", "xcomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in ch.children) and (t := self.lex.verb(ch, span)) is not None
                        and (t.code or "").startswith("14")), None)
        if purpose is None or not any(e.type in material.TYPES and e.type != "PROTEST" for e in evs):
            return
        subj = subjects(verb, True)
        if not any(subject_of_kind(x, CIVILIAN_AGENTS) or (x.ent_type_ == "NORP" and x.tag_ in ("NNS", "NNPS"))
                   for x in subj):
            return
        row = cameo_row(purpose.code or "140")
        for ev in evs:
            if ev.type in material.TYPES and ev.type != "PROTEST":
                ev.type, ev.cameo, ev.mode = "PROTEST", purpose.code, row.get("mode")
                ev.goldstein, ev.quad_class = row.get("goldstein"), row.get("quad_class")
                ev.recipient = []

    # ------------------------------------------------------------ the document

    def code(self, doc: Doc, res: Resolved, published: str | None, location: str | None = None,
             title: str | None = None) -> dict[str, list[Any]]:
        sents = sentences(doc, res, published)
        headline = sents[0] if title and sents and sents[0].text.strip() == " ".join(title.split()) else None
        body = sents[1:] if headline is not None else sents
        titled = self._titled_agreement(sents, res, title, published)
        if titled is not None or re.match(r"\s*We,\s", res.text):  # a text its parties speak together
            authors = titled.parties if titled else list(dict.fromkeys(
                c for _, _, c in sents[0].parties if not c.startswith("IGO:"))) if sents else []
            if len(authors) >= 2:
                res.we = authors
                res.group = authors
        parties = Parties(doc, res, civilians=self.sentence_mode)
        found = self.read(sents, parties)
        ctx = Context(res=res, parties=parties, gaz=self.gaz, published=published, anchor=None, place=None,
                      sentence_mode=self.sentence_mode, venues=self.venues)
        ctx.place_at = index_places(doc, ctx, self.venue_pattern)
        ctx.guest_meeting = bool(title and GUEST_MEETING.match(title.strip()) and not TRIP_OR_CALL.search(title))
        lead = self._lead_meeting(found, body)
        titled_call = self._headline_meeting(found, headline, res.we[:1]) if headline is not None else []
        if len(titled_call) >= 2 and set(titled_call) != set(res.group):
            # "Telephone conversation with European Council President X", "Call with President X of A, Chancellor
            # Y of B and Prime Minister Z of C": the text's sides ("the parties", "the leaders") are those its
            # headline says met, whoever else it names most
            lead = titled_call
            res.group = []
        if lead and len(lead) > len(res.group) and set(res.group) <= set(lead):
            res.group = lead  # "the leaders" of a three-way call are all three
            parties.group = [Mention(c, "group") for c in lead]
            found = self.read(sents, parties)  # "the leaders", "both sides" now name all of them
        if headline is not None and res.we:
            for f in found:  # "Telephone conversation with X": a headline's unnamed subject is the publisher
                partners = {m.code for m in f.clause.with_("with")}
                if f.sent is headline and not f.clause.doers and f.clause.with_("by") and not partners:
                    f.clause.doers = f.clause.with_("by")  # "Visit by Israeli Foreign Minister X to Morocco"
                    continue
                if f.sent is headline and (not f.clause.doers or (
                        partners and {m.code for m in f.clause.doers} <= partners and res.we[0] not in partners)):
                    # (and not the one met: "Meeting with President of X Y", the parser's subject taken from the 'with')
                    f.clause.doers = [Mention(res.we[0], "group")]
        if headline is not None:
            headlines.byline(found, headline)
            headlines.visitors(found, headline)
        _antecedents(found, sents, ctx)
        ctx.anchor = self._anchor(found, body, published, res.group)
        ctx.planned = self._planned(found, body) or (self._planned(found, [headline]) if headline is not None else None)
        ctx.place = self._main_place(found, body, ctx, location)

        events = EventSet(self.sentence_mode)
        ags: list[Agreement] = []
        if self.sentence_mode:
            found = self._main_clause(found, ctx)
        for f in found:
            if not self.sentence_mode and _question(f.sent):
                continue  # a question asserts nothing ("Or were they NATO soldiers that threatened Russia?")
            evs, a = self.events_of(f, ctx)
            ags += a
            before = told_as_earlier(f.clause)
            for ev in evs:
                if f.sent is headline and f.clause.when is None:  # a headline has no tense: its events join the body's report
                    ev.date, ev.place = None, None
                events.add(ev, headline=f.sent is headline, earlier=before,
                           defaulted=f.clause.when is None and ev.date == ctx.anchor and ev.status == "occurred",
                           nominal=f.trigger.nominal)
                if f.clause.when is not None and ev.date:
                    events.dated.add(id(events.events.get(EventSet.slot(ev), ev)))
                if ev.status == "planned" and f.clause.mood.cue in ANNOUNCED_CUES:
                    events.announced.add(id(events.events.get(EventSet.slot(ev), ev)))
                if f.sent is headline and (f.trigger.nominal or not children(f.trigger.token, "nsubj", "nsubjpass")):
                    events.tenseless.add(id(events.events.get(EventSet.slot(ev), ev)))
        for s in sents:
            if not self.sentence_mode and _question(s):
                continue
            for ev in [*self._demands(s, ctx), *self._allegations(s, ctx), *self._warnings(s, ctx)]:
                events.add(ev, headline=s is headline)
        ags += self._signed(sents, found, ctx)
        if titled is not None:
            ags.insert(0, titled)
        ags = _dedupe_agreements(ags)
        for ag in ags:  # a signing is an AGREE event between its parties
            sent_span = next((s.span for s in sents if s.start <= ag.evidence.start < s.end), None)
            if len(ag.parties) >= 2 and sent_span is not None:
                signed = make_event(ctx, _dummy_clause(found, sent_span), sent_span,
                                    "SUPPORT" if self.sentence_mode else "AGREE", "057",
                                    [Mention(c, "country") for c in ag.parties], [], mode="sign",
                                    date=ag.date, place=ctx.place if ag.date == ctx.anchor else None)
                if signed is not None:
                    signed.evidence = ag.evidence
                    events.add(signed)
                met = None if self.sentence_mode else _signed_together(ag, sents, ctx, found)
                if met is not None:
                    events.add(met)
        facts = self._facts(sents, ctx, events)
        self._legs(events)
        self._undated(events, ctx)
        self._stays(events, body, ctx)
        self._coarser_plans(events)
        self._announced(events)
        self._homed(events, ctx)
        self._legs_of_a_trip(events)
        self._direct_visits(events, ctx)
        self._places(events, ctx)
        kept = list(events.events.values())
        if not self.sentence_mode:
            # a plan with no time told ("will engage in a dialogue", "their teams will stay in touch") is an
            # intention, not a planned event (GUIDELINES.md: planned meetings "with a time reference")
            # (one announced as coming, "the upcoming visit of X", is planned though its day is not told)
            kept = [e for e in kept if not (e.status == "planned" and not e.date and id(e) not in events.announced)]
        return {"events": kept, "agreements": ags, **facts}

    def _facts(self, sents: list[Sent], ctx: Context, events: EventSet) -> dict[str, list[Any]]:
        ps: list[Partnership] = []
        earlier: dict[frozenset[str], int] = {}
        hs, invs, atts, coop = [], [], [], []
        for s in sents:
            ps += partnerships.find(s.span, ctx, _sentence_day(s, ctx), earlier)
            hs += honours.honours(s, ctx, ctx.anchor)
            invs += honours.invitations(s, ctx)
            atts += attendees.attendees(s, ctx)
            coop += attendees.cooperation(s, ctx)
        for h in hs:  # conferring an honour on another state's person is SUPPORT
            if h.conferred_by and h.recipient_country and h.conferred_by != h.recipient_country:
                span = next(s.span for s in sents if s.start <= h.evidence.start < s.end)
                ev = make_event(ctx, _dummy_clause([], span), span, "SUPPORT", "051", [Mention(h.conferred_by, "country")],
                                [Mention(h.recipient_country, "country")], mode="praise", date=h.date)
                if ev is not None:
                    events.add(ev)
        seen: set[tuple[frozenset[str], str]] = set()
        areas = []
        for a in coop:
            k = (frozenset(a.parties), a.area)
            if k not in seen:
                seen.add(k)
                areas.append(a)
        return {"partnerships": partnerships.prune(ps, earlier), "honours": hs, "invitations": invs,
                "cooperation": areas, "attendees": atts}

    def _main_clause(self, found: list[Found], ctx: Context) -> list[Found]:
        """Sentence mode: a news sentence reports one event, the one its main clause tells
        ("X said on Tuesday it would retaliate after Y attacked" reports the threat). Keep the
        triggers that make an event at the shallowest clause depth, reporting verbs not counted."""
        scored: list[tuple[int, int, Found]] = []
        for f in found:
            evs, _ = self.events_of(f, ctx)
            if not evs:
                continue
            has_parties = any(e.actor or e.recipient for e in evs)
            scored.append((_clause_depth(f.trigger.token), 0 if has_parties else 1, f))
        if not scored:
            return []
        best = min((d, p) for d, p, _ in scored)
        return [f for d, p, f in scored if (d, p) == best][:2]

    def _demands(self, s: Sent, ctx: Context) -> list[Event]:
        """'X must cease', 'agreed the Burmese military must release ...': a speaker telling another
        party what it must do makes a demand (PLOVER REQUEST: "all requests, demands, and orders")."""
        out: list[Event] = []
        for tok in s.span:
            if is_verb(tok) and tok.dep_ in ("advcl", "acl", "relcl") and tok.head.lower_ in NEED \
                    and any(a.dep_ == "mark" and a.lower_ == "for" for a in tok.children) \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children) and not self.sentence_mode:
                out += self._needed(tok, s, ctx)
                continue
            if not is_verb(tok) or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in tok.children):
                continue
            if _inverted_condition(tok):
                continue  # "Should X attack ..., X will face consequences": a condition, not a demand
            addressed = [m for n in tok.children if n.dep_ == "nsubj" for m in ctx.parties.of_np(n)]
            head = tok
            while head.dep_ in ("ccomp", "conj") and head.head != head:
                head = head.head
            said_by = head.head.head if self.sentence_mode and head.dep_ == "acl" and head.head.dep_ == "dobj" \
                and is_verb(head.head.head) else None
            issuer = [m for sub in subjects(said_by) for m in ctx.parties.of_np(sub)] if said_by is not None else []
            if said_by is not None and {m.code for m in addressed} <= {m.code for m in issuer}:
                # "issued a reminder to X that it must ...": the clause is the content of the noun the subject
                # issues, addressed to whom it is issued to ('it' is not the issuer telling itself)
                addressed = [m for p in said_by.children if p.dep_ in ("dative", "prep") and p.lower_ == "to"
                             for o in p.children if o.dep_ == "pobj" for m in ctx.parties.of_np(o)] or addressed
            if not addressed or negated(tok) or all(m.kind == "group" for m in addressed):
                continue  # ("our countries must work together": the speakers' own resolve, asked of no other)
            if head != tok and head.lower_ in DISCUSSING:
                continue  # "discussed how X must ...": the topic of a discussion, not a demand
            if said_by is not None:
                speaker = issuer
            elif head == tok:
                speaker = ctx.parties.speaker(tok)
            else:
                speaker = [m for sub in subjects(head) for m in ctx.parties.of_np(sub)]
            others = [m for m in speaker if m.code not in {a.code for a in addressed}]
            # (sentence mode: a demand within one state, "Rwandan rebels said the Rwandan government must ...")
            speaker = others if others or not self.sentence_mode else speaker
            if not speaker and not (self.sentence_mode and head != tok):
                continue  # (sentence mode: a speaker the text names but we cannot place still demands)
            trig = Trigger(tok, "100", None, "PLOVER_MANUAL.tex:572 REQUEST (deontic 'must')", False, frozenset({tok.i}))
            clause = read_clause(trig, ctx.parties, s.span, s.time_roots)
            if clause.mood.kind == "irrealis" and clause.mood.cue not in ("must", "should"):
                continue
            date = clause.when.value if clause.when is not None and not clause.when.future else ctx.anchor
            ev = make_event(ctx, clause, s.span, "REQUEST", "100", speaker, addressed, date=date)
            if ev is not None:
                out.append(ev)
        return out

    def _needed(self, tok: Any, s: Sent, ctx: Context) -> list[Event]:
        """'stressed the need for X to withdraw', 'agreed on the urgent need for X to drop its demands': what
        is needed of another party is asked of it, as 'X must' is (PLOVER REQUEST)."""
        if tok.lower_ in UNDERGONE:
            return []  # "the need for X and Y to be able to enjoy security": a good wished for them, not asked of them
        addressed = [m for n in tok.children if n.dep_ == "nsubj" for m in ctx.parties.of_np(n)]
        if not addressed or negated(tok) or all(m.kind == "group" for m in addressed):
            return []
        head = tok.head  # the noun of need, then the verb that states it
        for _ in range(3):
            if is_verb(head) or head.head == head:
                break
            head = head.head
        if not is_verb(head) or head.lower_ in DISCUSSING or negated(head):
            return []  # ("discussed the need for X to ...": a topic)
        speaker = [m for sub in subjects(head) for m in ctx.parties.of_np(sub)
                   if m.code not in {a.code for a in addressed}]
        if not speaker:
            return []
        trig = Trigger(tok, "100", None, "PLOVER_MANUAL.tex:572 REQUEST (the need for X to)", False, frozenset({tok.i}))
        clause = read_clause(trig, ctx.parties, s.span, s.time_roots)
        date = clause.when.value if clause.when is not None and not clause.when.future else ctx.anchor
        ev = make_event(ctx, clause, s.span, "REQUEST", "100", speaker, addressed, date=date)
        return [ev] if ev is not None else []

    def _warnings(self, s: Sent, ctx: Context) -> list[Event]:
        """'Should X attack, X will face consequences', 'there will be consequences if X ...': consequences
        promised on a condition threaten the one who faces them, else the one the condition names (the
        dictionary's WARN * CONSEQUENCES, CAMEO.2.0.txt:7715, 130 THREATEN)."""
        if self.sentence_mode:
            return []
        out: list[Event] = []
        for tok in s.span:
            if not is_verb(tok) or negated(tok) or not any(
                    c.dep_ in ("dobj", "attr", "nsubj") and c.lower_ in CONSEQUENCES for c in tok.children):
                continue
            trig = Trigger(tok, "130", None, "CAMEO.2.0.txt:7715 WARN * CONSEQUENCES", False, frozenset({tok.i}))
            clause = read_clause(trig, ctx.parties, s.span, s.time_roots)
            conditions = [c for v in [tok, *tok.ancestors] for c in v.children if (
                c.dep_ in ("advcl", "ccomp", "conj") and _inverted_condition(c) or c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)) and not any(
                n.dep_ in ("nsubj", "nsubjpass") and n.lower_ in ("i", "we") for n in c.children)]
            # (a condition on another's act, not the speaker's "if I may say so")
            if clause.mood.kind != "future" or not conditions:
                continue  # ("X will inevitably face consequences": a forecast, not a threat)
            faced = [m for n in tok.children if n.dep_ == "nsubj" for m in ctx.parties.of_np(n)] or [
                m for n in tok.children if n.lower_ in CONSEQUENCES for p in n.children if p.dep_ == "prep"
                and p.lower_ in ("for", "to") for o in p.children if o.dep_ == "pobj" for m in ctx.parties.of_np(o)]
            threatened = faced or [m for c in conditions for n in c.children if n.dep_ in ("nsubj", "nsubjpass")
                                   for m in ctx.parties.of_np(n)]
            speaker = [m for m in ctx.parties.speaker(tok) if m.code not in {t.code for t in threatened}]
            if threatened and speaker:
                ev = make_event(ctx, clause, s.span, "THREATEN", "130", speaker, threatened, date=ctx.anchor)
                if ev is not None:
                    out.append(ev)
        return out

    def _allegations(self, s: Sent, ctx: Context) -> list[Event]:
        """Saying that a party does wrong accuses it (statements.allegations)."""
        if self.sentence_mode:
            return []
        out: list[Event] = []
        for tok, accuser, accused in statements.allegations(s.span, ctx):
            trig = Trigger(tok, "112", None, "PLOVER_MANUAL.tex:619 ACCUSE (allege)", False, frozenset({tok.i}))
            clause = read_clause(trig, ctx.parties, s.span, s.time_roots)
            ev = make_event(ctx, clause, s.span, "ACCUSE", "112", accuser, accused,
                            date=event_date(ctx, replace(clause, when=None), "occurred"))
            if ev is not None:
                out.append(ev)
        return out

    def _signed(self, sents: list[Sent], found: list[Found], ctx: Context) -> list[Agreement]:
        """Agreements signed or adopted by verbs the dictionary does not code AGREE ("issued a
        joint statement", "the declaration adopted by ...")."""
        done = {f.trigger.token.i for f in found if plover_type(f.trigger.code or "", ctx.sentence_mode) == "AGREE"}
        out: list[Agreement] = []
        for s in sents:
            for tok in s.span:
                noun = agreements.signing_noun(tok) if not ctx.sentence_mode else None
                if noun is not None:
                    verb, signed = noun
                    c = read_clause(Trigger(verb, None, None, "signing noun (GUIDELINES.md)", False,
                                            frozenset({verb.i})), ctx.parties, s.span, s.time_roots)
                    if c.mood.kind == "realis" and not c.negated:
                        out += agreements.agreements_of(verb, ctx, s.span, c.doers, c.with_("with", "between"),
                                                        event_date(ctx, c, "occurred"), signed=signed)
                    continue
                if tok.i in done or tok.lower_ not in agreements.ADOPT_VERBS | agreements.WITNESS_VERBS or not is_verb(tok):
                    continue
                trig = Trigger(tok, None, None, "adopt verbs (GUIDELINES.md)", False, frozenset({tok.i}))
                c = read_clause(trig, ctx.parties, s.span, s.time_roots)
                if c.mood.kind != "realis" or c.negated:
                    continue
                doers = c.doers if len(c.doers) != 1 else dedupe([*c.doers, *speakers_met(c, ctx)])  # "we signed"
                out += agreements.agreements_of(tok, ctx, s.span, doers, c.with_("with", "between"),
                                                event_date(ctx, c, "occurred"))
        return out

    # ------------------------------------------------------------ document-level readings

    @staticmethod
    def _headline_meeting(found: list[Found], headline: Sent, voice: list[str]) -> list[str]:
        """The parties of the meeting or call a headline names, with the text's voice when it names no subject."""
        for f in found:
            if f.sent is headline and _consults(f) and f.clause.mood.kind == "realis" and f.clause.with_("with"):
                return list(dict.fromkeys([*([] if f.clause.doers else voice), *_met(f.clause, "with")]))
        return []

    def _lead_meeting(self, found: list[Found], body: list[Sent]) -> list[str]:
        """The parties of the first meeting or call the text tells of."""
        first = {id(s) for s in body[:4]}
        for f in found:
            if id(f.sent) in first and _consults(f):
                states = [c for c in _met(f.clause) if not c.startswith("IGO:")]
                if len(states) >= 2 and f.clause.mood.kind == "realis":
                    return states
        return []

    def _anchor(self, found: list[Found], body: list[Sent], published: str | None, group: list[str]) -> str | None:
        """The day the document's main events happened: the date of the first meeting or call of the
        text's main parties an early sentence dates, else a recent past date opening one of the first
        sentences."""
        first = [id(s) for s in body[:3]]
        for f in found:
            if id(f.sent) not in first or not _consults(f) or in_framing_phrase(f.trigger.token):
                continue
            met = set(_met(f.clause))
            if len(group) >= 2 and met and not set(group) <= met:
                continue  # "told X about his talks with Y on December 7": another meeting, told of
            w = f.clause.when
            if w is not None and _recent(w.value, published, month=True) and w.future is False:
                return w.value
            if f.clause.mood.kind == "realis":
                break
        for i, s in enumerate(body[:3]):
            for t, root in s.time_roots:  # a recent date of a sentence's main clause ("On July 5, ...")
                if any(f.sent is s and occasion_time(f.trigger.token, f.trigger, root) for f in found):
                    continue  # "congratulated X on his victory in the election on April 3": the election's day
                lede = i == 0 and not t.relative  # a full date in the opening sentence
                if (lede or t.start <= 12 or _main_clause_time(root)) and _recent(t.value, published, month=True) \
                        and t.future is False:
                    # (a span of days of a trip whose stops the sentence does not name dates what happened within
                    # it to its month: "traveled to the Middle East June 13-17" leaves the day of each stop untold)
                    stops_untold = not any(e.label_ == "GPE" and (self.gaz.country(e.text) or self.gaz.place_country(e.text))
                                           for e in s.span.ents)
                    return t.value[:7] if t.range and len(t.value) == 10 and stops_untold else t.value
        return published

    def _planned(self, found: list[Found], body: list[Sent]) -> str | None:
        """The date of the main planned visit or meeting an early sentence announces ("will travel
        to Japan from July 18 to July 25"): the later sentences telling its stops inherit it."""
        first = {id(s) for s in body[:3]}
        for f in found:
            if id(f.sent) in first and f.trigger.code and plover_type(f.trigger.code, False) == "CONSULT" \
                    and f.clause.mood.kind == "future" and f.clause.when is not None:
                w = f.clause.when
                return w.value[:7] if w.range and len(w.value) == 10 else w.value
        return None

    def _main_place(self, found: list[Found], body: list[Sent], ctx: Context, location: str | None) -> Place | None:
        """Where the main event happened: the place of the first meeting or visit that names one,
        else the document's dateline (the Kremlin's 'location' column)."""
        from communique.events.places import place_of_clause

        for f in found:
            if f.sent not in body[:6] or not f.trigger.code or plover_type(f.trigger.code, False) != "CONSULT":
                continue
            if f.clause.mood.kind != "realis" or (f.clause.when is not None and f.clause.when.value != ctx.anchor):
                continue
            if f.trigger.nominal and (f.trigger.token.dep_ == "conj" or any(
                    c.dep_ == "amod" and c.lower_ in OTHER_OCCASIONS for c in f.trigger.token.children)):
                continue  # "their first meeting in Paris and further meetings in Washington": other occasions
            p = place_of_clause(ctx, f.clause)
            if p is not None:
                return p
        for part in reversed(re.split(r"\s*,\s*", location or "")):  # "The Kremlin, Moscow"
            if len(part) < 3 or part.upper() == part:
                continue
            venue = self.venues.get(fold(part.removeprefix("The ").removeprefix("the ")))
            if venue:
                return place(self.gaz, venue["city"], venue["country"])
            city = self.gaz.city(part.removesuffix(" Region"))
            if city:
                return place(self.gaz, city["name"], city["country"])
        return None

    def _titled_agreement(self, sents: list[Sent], res: Resolved, title: str | None,
                          published: str | None) -> Agreement | None:
        """A document titled 'Joint Statement ...' or 'Joint Declaration ...' is itself an adopted text."""
        if not title or not JOINT_TITLE.match(title.strip()) or not sents:
            return None
        codes: list[str] = []
        named_as_authors: list[str] = []  # after "from", "by", "between": organisations too
        for name in re.findall(r"[A-Z][\w.'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]+)*", title):
            last = _last_prep(title[:title.find(name)])
            if last in TOPIC_PREPS:
                continue  # in a phrase of what the text is on or for ("on Support for Angola, Zambia and X")
            words = name.split()
            # (a name may run into the words after it: "the United States Following the Second Meeting")
            for cand in (name, name.split(" of ")[-1], words[-1], *(" ".join(words[:k]) for k in range(len(words) - 1, 0, -1))):
                c = self.gaz.country(cand) or self.gaz.org(cand)
                if c:
                    codes.append(c)
                    if last in AUTHOR_PREPS:
                        named_as_authors.append(c)
                    break
        head = sents[0]
        if head.text.strip() == " ".join(title.split()):
            # the people the title names as its authors ("Joint Statement by President Biden and President
            # von der Leyen") stand for their state or organisation
            for s0, _e0, c, kind in res.party_spans:
                if kind == "person" and head.start <= s0 < head.end and _last_prep(res.text[head.start:s0]) in AUTHOR_PREPS:
                    named_as_authors.append(c)
        named_as_authors = list(dict.fromkeys(named_as_authors))
        codes = named_as_authors if len(named_as_authors) >= 2 and any(not c.startswith("IGO:") for c in named_as_authors) \
            else list(dict.fromkeys(c for c in codes if not c.startswith("IGO:")))
        for sent in sents[:3]:
            if len(codes) >= 2:
                break
            codes = list(dict.fromkeys([*codes, *(c for s0, e0, c in sent.parties if not c.startswith("IGO:")
                                                  and not _topic_party(sent, s0, e0))]))
        if len(codes) < 2:
            return None
        kind = "joint declaration" if "declaration" in title.lower() else "joint statement"
        return Agreement(title=title.strip(), kind=kind, parties=sorted(codes), date=published,
                         evidence=evidence(sents[0].span))

    def _undated(self, events: EventSet, ctx: Context) -> None:
        """An undated report joins a dated twin of the same kind (a visit is not a call); a headline's
        event alone happened on the main day."""
        evs = events.events
        for k in [k for k, ev in evs.items() if not ev.date and id(ev) not in events.earlier]:
            titled = id(evs[k]) in events.from_title and evs[k].status == "occurred"
            # (a headline may name fewer parties than the body's report: "Call with the Advisors of Korea
            # and Japan" read as Korea only, joins the body's call with both)
            twin = next((x for x in evs.values() if x.date and (x.key()[:2] == k[:2] or titled and (
                x.key()[0] == k[0] and k[1] < x.key()[1]))
                         and (not titled or x.date == ctx.anchor) and (titled or _same_kind(x, evs[k]))), None)
            if twin is None and titled:  # "Visit to New Zealand" over a text announcing it: the planned visit
                twin = next((x for x in evs.values() if x.date and x.key()[:2] == k[:2] and x.status == "planned"), None)
            fuller = evs[k]
            wider = None if twin is not None or not titled or fuller.recipient else next(
                (x for x in evs.values() if x.date == ctx.anchor and x.key()[0] == k[0] and x.key()[1] < k[1]
                 and not x.recipient and len(x.actor) >= 2 and _same_kind(x, fuller)), None)
            if wider is not None:
                # "Call with President X of A, Chancellor Y of B, and Prime Minister Z of C" over a body that
                # lost one of them to the parse: the one call, with all the headline names
                old_slot = EventSet.slot(wider)
                _fold(evs, k, wider)
                evs.pop(old_slot, None)
                wider.actor = sorted(set(wider.actor) | set(fuller.actor))
                evs.setdefault(EventSet.slot(wider), wider)
            elif twin is not None:
                _fold(evs, k, twin)
                if titled and not twin.mode and fuller.mode:
                    twin.mode, twin.cameo = fuller.mode, fuller.cameo  # "Call with ...": the body's talks were a call
                if titled and fuller.mode == "visit" and fuller.recipient and not twin.recipient \
                        and twin.mode != "phone" and set(twin.actor) == set(fuller.actor) | set(fuller.recipient):
                    # "Foreign Minister completes visit to Thailand" over "in Bangkok today, where he met with Thai
                    # leaders": the body's meeting is the visit the headline names
                    twin.actor, twin.recipient, twin.mode, twin.cameo = fuller.actor, fuller.recipient, "visit", "042"
                if titled and not twin.recipient:
                    # the headline's call is the body's report that names all its parties; a report of it that
                    # lost one to the parse ("... Chancellor Y of B, and Prime Minister Z of C") is the same call
                    for j in [j for j, x in evs.items() if x is not twin and x.date == twin.date and not x.recipient
                              and x.type == twin.type and len(x.actor) >= 2 and set(x.actor) < set(twin.actor)
                              and _same_kind(x, twin)]:
                        _fold(evs, j, twin)
            elif titled:
                ev = evs.pop(k)
                ev.date, ev.place = ctx.anchor, ctx.place if ev.mode != "phone" else None
                evs.setdefault(EventSet.slot(ev), ev)

    @staticmethod
    def _legs(events: EventSet) -> None:
        """A planned visit told with no time of its own after the same visitor's planned visit with one ("I will
        travel to the Netherlands tonight ... Following the Netherlands I will travel to the United Kingdom") is
        a later leg of that trip: its month, as the day of the leg is not told."""
        evs = events.events
        plans = sorted((x for x in evs.values() if x.status == "planned" and x.date and x.mode == "visit"),
                       key=lambda x: x.evidence.start)
        for k in [k for k, ev in evs.items() if ev.status == "planned" and not ev.date and ev.mode == "visit"
                  and ev.recipient]:
            ev = evs[k]
            told = max(e.start for e in ev.evidence_all or [ev.evidence])  # (the body's report, after a headline's)
            before = [x for x in plans if x.evidence.start < told and x.actor == ev.actor
                      and x.recipient != ev.recipient]
            if before and before[-1].date:
                evs.pop(k)
                ev.date = before[-1].date[:7]
                evs.setdefault(EventSet.slot(ev), ev)
        # (and one given the day of the trip's first stop for want of its own, "will then travel to South Korea",
        # has that trip's month: the day of the leg is not told)
        timed = [x for x in plans if id(x) in events.dated]
        for k in [k for k, ev in evs.items() if ev.status == "planned" and ev.mode == "visit" and ev.recipient
                  and ev.date and len(ev.date) == 10 and id(ev) not in events.dated]:
            ev = evs[k]
            if any(x.evidence.start < ev.evidence.start and x.actor == ev.actor and x.recipient != ev.recipient
                   and x.date == ev.date for x in timed):
                evs.pop(k)
                ev.date = (ev.date or "")[:7]
                evs.setdefault(EventSet.slot(ev), ev)

    @staticmethod
    def _stays(events: EventSet, body: list[Sent], ctx: Context) -> None:
        """A planned visit told without its days takes those of the visitor's stay ("He will be in
        Australia from 10-17 October"), unless the text has that visit on those days already."""
        evs = events.events
        for k in list(evs):
            stay = meetings.stay_day(evs[k], body, ctx)
            if stay is not None:
                ev = evs.pop(k)
                ev.date = stay[0]
                if stay[1] is not None and (ev.place is None or not ev.place.name):
                    ev.place = stay[1]
                evs.setdefault(EventSet.slot(ev), ev)

    @staticmethod
    def _legs_of_a_trip(events: EventSet) -> None:
        """A meeting the text tells with no time of its own, between the parties of a trip it dates more
        coarsely ("Earlier this week, X traveled to Nigeria ... In Nigeria, X met with the Vice President"),
        is that trip's visit, not another event on the main day."""
        evs = events.events
        for k in [k for k, ev in evs.items() if id(ev) in events.defaulted and ev.type == "CONSULT"]:
            ev = evs[k]
            trip = next((x for x in evs.values() if x is not ev and x.type == "CONSULT" and x.status == "occurred"
                         and id(x) not in events.defaulted and x.date and ev.date and len(x.date) < len(ev.date)
                         and ev.date.startswith(x.date) and x.key()[1] == ev.key()[1]), None)
            if trip is not None:
                _fold(evs, k, trip)
                for p in ev.people:
                    if p not in trip.people:
                        trip.people.append(p)

    @staticmethod
    def _homed(events: EventSet, ctx: Context) -> None:
        """A visit sent to the publisher's state for want of a destination is another report of the same
        visitor's visit the text does place ("Papal Visit to Iraq ... the Pope's visit was historic"), or
        announces ("VISIT OF THE SINGAPORE MINISTER ... will visit Australia from 9 November")."""
        evs = events.events
        for k in [k for k, ev in evs.items() if id(ev) in ctx.homed]:
            ev = evs[k]
            placed = next((x for x in evs.values() if x is not ev and x.mode == "visit" and x.actor == ev.actor
                           and (x.recipient != ev.recipient or x.status == "planned" != ev.status)), None)
            if placed is not None:
                _fold(evs, k, placed)

    @staticmethod
    def _announced(events: EventSet) -> None:
        """A visit a noun tells with no time of its own ("the interest that Dr X's visit demonstrates"), in a
        text that announces the same parties' visit for a coming day, is that visit, not one on the main day."""
        evs = events.events
        for k in [k for k, ev in evs.items() if id(ev) in events.named and ev.mode == "visit"]:
            ev = evs[k]
            plan = next((x for x in evs.values() if x is not ev and x.status == "planned" and x.date
                         and x.mode == "visit" and x.actor == ev.actor and x.recipient == ev.recipient), None)
            if plan is not None:
                _fold(evs, k, plan)

    @staticmethod
    def _coarser_plans(events: EventSet) -> None:
        """A planned event dated to a month joins the same planned event dated to a day of that month ("will
        visit Australia from 23 to 26 October ... will also visit Sydney"): one trip, told twice."""
        evs = events.events
        for k in [k for k, ev in evs.items() if ev.status == "planned" and ev.date and len(ev.date) < 10]:
            ev = evs[k]
            finer = next((x for x in evs.values() if x is not ev and x.status == "planned" and x.date
                          and len(x.date) > len(ev.date or "") and x.date.startswith(ev.date or "")
                          and x.key()[:2] == ev.key()[:2] and sorted(x.recipient) == sorted(ev.recipient)), None)
            # (not a meeting of the two "later in 2022" and one side's visit in April: other occasions)
            if finer is not None:
                _fold(evs, k, finer)
                if finer.place is None:
                    finer.place = ev.place

    @staticmethod
    def _direct_visits(events: EventSet, ctx: Context) -> None:
        """A meeting between two parties held in one party's country is a visit to it (PLOVER). A text that
        names no place at all for its main meeting tells one held at home: its voice's state receives the
        other side ("Meeting with Prime Minister of Hungary X": the guest came)."""
        place_ = ctx.place
        home = ctx.res.author or (ctx.res.we[0] if len(ctx.res.we) == 1 else None)
        at_home = place_ is None and ctx.guest_meeting and home is not None and not home.startswith("IGO:") \
            and not ctx.res.places
        if at_home:
            place_ = country_place(ctx.gaz, home) if home else None
        if place_ is None or not place_.country or ctx.sentence_mode:
            return
        for ev in list(events.events.values()):
            if at_home and ev.cameo not in ("040", "046"):
                continue  # (a guest received: a meeting or talks, not another act the text dates that day)
            if (ev.type == "CONSULT" and not ev.recipient and len(ev.actor) == 2 and place_.country in ev.actor
                    and ev.mode != "phone" and ev.status == "occurred" and ev.date == ctx.anchor):
                ev.actor = [c for c in ev.actor if c != place_.country]
                ev.recipient = [place_.country]
                ev.mode, ev.cameo = "visit", "042"
                if ev.place is None:
                    ev.place = place_

    def _places(self, events: EventSet, ctx: Context) -> None:
        """Where each event happened when its own clause does not say: what was said or agreed on the
        main day between the main meeting's parties happened where that meeting was; an event placed in
        a country whose one city the text names was in that city."""
        if ctx.sentence_mode:
            return
        cities: dict[str, set[str]] = {}
        for _s, _e, name, country in ctx.res.places:
            cities.setdefault(country, set()).add(name)
        met = set(ctx.res.group)
        # (the main meeting's place when the opening sentences do not tell it: the main day's meeting of the
        # main parties that some later sentence placed, "during the talks in New Delhi")
        main = ctx.place or next((ev.place for ev in events.events.values() if ev.type == "CONSULT"
                                  and ev.place is not None and ev.status == "occurred"
                                  and ev.date == ctx.anchor and ev.mode != "phone"
                                  and set(ev.actor) | set(ev.recipient) == met), None)
        for ev in events.events.values():
            if ev.place is None and main is not None and ev.status == "occurred" and ev.date == ctx.anchor \
                    and ev.mode != "phone" and set(ev.actor) | set(ev.recipient) <= met:
                ev.place = main
            if ev.place is not None and ev.place.name is None and ev.place.country \
                    and len(cities.get(ev.place.country, ())) == 1:
                ev.place = place(self.gaz, next(iter(cities[ev.place.country])), ev.place.country)


#: determiners of a noun phrase that refers back to an event already named ("the summit", "this meeting")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: how many sentences back a definite event noun looks for the event it names
ANTECEDENT_REACH = 3


def _antecedents(found: list[Found], sents: list[Sent], ctx: Context) -> None:
    """'China will host the SCO summit in China next year. President Rahmon is welcome to attend the
    summit': a definite event noun that names no party of its own ("the summit", "this meeting")
    refers to the event of that name a few sentences before; attending or joining it takes that
    event's host, place and time."""
    order = {id(s): k for k, s in enumerate(sents)}
    for i, f in enumerate(found):
        if f.clause.targets or f.trigger.nominal or not f.trigger.code or not f.trigger.code.startswith("04"):
            continue
        noun = next((c for c in f.trigger.token.children if c.dep_ in ("dobj", "pobj", "nsubjpass")
                     and c.lower_ in meetings.EVENT_NOUNS
                     and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in c.children)
                     and not any(d.dep_ in ("compound", "amod", "poss", "prep") for d in c.children)), None)
        if noun is None:
            continue
        for g in reversed(found[:i]):
            if order[id(f.sent)] - order[id(g.sent)] > ANTECEDENT_REACH:
                break
            if g.sent is f.sent:
                continue
            n = g.trigger.token if g.trigger.nominal else next(
                (c for c in g.trigger.token.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if n is None or not same_noun(n, noun):
                continue
            host = next((h for h in found if h.sent is g.sent and h.trigger.token.i == n.head.i
                         and _hosting(h.trigger)), None) if g.trigger.nominal else (g if _hosting(g.trigger) else None)
            source = host or g
            parties = source.clause.doers if host is not None else dedupe(
                [*source.clause.doers, *source.clause.with_("with", "between")])
            parties = [m for m in parties if m.code not in {d.code for d in f.clause.doers}]
            if not parties:
                break
            where = place_of_clause(ctx, source.clause)
            if where is None and host is not None and not parties[0].code.startswith("IGO:"):
                where = country_place(ctx.gaz, parties[0].code)
            f.clause = replace(f.clause, targets=parties, when=f.clause.when or source.clause.when, place=where)
            break


#: what a threat says a party will face (CAMEO.2.0.txt:7715 WARN * CONSEQUENCES [130])
CONSEQUENCES = frozenset({"consequences", "consequence"})


#: the prepositions of a joint statement's title that open a phrase of its authors ("from", "by", "between")
#: or of its topic ("on", "for", "in" ...); a name belongs to the last one before it ('of' is either)
TITLE_PREPS = re.compile(r"\b(on|for|regarding|concerning|about|in|at|from|by|between|with)\b")
#: the prepositions after which a joint statement's title names its authors
AUTHOR_PREPS = frozenset({"from", "by", "between"})


def _last_prep(before: str) -> str | None:
    """The last of a title's prepositions in `before` (the title up to a name), lower-cased."""
    found = [m.group(1).lower() for m in TITLE_PREPS.finditer(before)]
    return found[-1] if found else None
TOPIC_PREPS = frozenset({"on", "for", "regarding", "concerning", "about", "in", "at"})


def _topic_party(sent: Sent, start: int, end: int) -> bool:
    """A state named as what a text is about or for ("the execution of protestors in Iran", "a statement on
    Syria", "F-16s for Ukraine"), not as one who speaks."""
    span = sent.span.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "poss", "nmod", "conj") and head.head != head:
        head = head.head  # (and the rest of a list: "for Angola, Zambia and X")
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "on", "for", "about", "against", "regarding", "concerning")


def _asks_an_act(verb: Any) -> bool:
    """The verb takes an object and an infinitive of what the object is to do ("encouraged X to stop")."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and is_verb(c) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _courtesy_call(verb: Any) -> bool:
    """'call on' a titled official or a named person, with no act asked of them ("called on X to withdraw")
    and no appeal made ("call on the world for help")."""
    ons = [p for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == "on"]
    if not ons or any(c.dep_ in ("xcomp", "ccomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "for")
                      for c in verb.children):
        return False
    objs = [o for p in ons for o in p.children if o.dep_ == "pobj"] or [o for o in verb.children if o.dep_ == "dobj"]
    return any(o.ent_type_ == "PERSON" or (o.tag_ == "NNP" and o.lower_ in OFFICE) for o in objs) \
        and not any(c.dep_ in ("xcomp", "acl", "relcl") for o in objs for c in o.children)


def _question(s: Sent) -> bool:
    """The sentence asks rather than tells (it ends with a question mark, inside quotes or not)."""
    return s.text.rstrip().rstrip("\"”’'»").endswith("?")


def _inverted_condition(verb: Any) -> bool:
    """'Should X attack ...': a modal before its subject opens a condition (no 'if')."""
    modal = next((a for a in verb.children if a.dep_ == "aux" and a.lower_ == "should"), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return modal is not None and subj is not None and modal.i < subj.i


def _hosting(t: Trigger) -> bool:
    return t.block == "HOST" or (t.code or "").startswith("043")


def _commissive_head(tok: Any, vowing: frozenset[int] = frozenset()) -> Any | None:
    """The word of commitment a trigger's clause is the content of, a few clauses up ("is willing
    to send troops to help defend X", "agreed to withdraw and release ..."): infinitives,
    'to'-gerunds ("committed to opening"), purpose clauses and their coordinated verbs."""
    t = tok
    for _ in range(3):
        h = t.head
        if h.i == t.i:
            return None
        if t.dep_ == "pcomp" and h.lower_ == "to" and h.head.i != h.i:
            h = h.head
        elif t.dep_ == "advcl":
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                return None  # "agreed, after Y attacked": not the content
        elif t.dep_ == "conj":
            if t.tag_ in FINITE:
                return None  # "agreed to X and attacked Y": a clause of its own
        elif t.dep_ != "xcomp":
            return None
        if h.lower_ in COMMISSIVE or h.i in vowing:
            return h
        t = h
    return None


def _unless(verb: Any) -> bool:
    """The verb has a negative condition: "... unless X withdraws"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children)


def _reported(trigs: list[Trigger]) -> list[Trigger]:
    """A verb of saying whose dictionary pattern reads the clause it reports ("announced that it will
    withdraw", "said it had halted aid") is not an act of its own when that clause has a trigger:
    the reported clause tells the act, with its own tense and polarity. A conflictual speech act
    (CAMEO 09-13: "claimed that X attacked" accuses) is made by the saying, and stays."""
    out = []
    for t in trigs:
        tok = t.token
        if tok.lower_ in REPORTING and t.code and not t.source.startswith(INTENT_SOURCE) \
                and not "09" <= t.code[:2] <= "13":
            said = {x.i for c in tok.children if c.dep_ in ("ccomp", "xcomp") for x in c.subtree}
            if any(u is not t and u.token.i in said for u in trigs):
                continue
        out.append(t)
    return out


def _content_clauses(tops: list[Any]) -> list[Any]:
    """The verbs further down a promised act: its infinitives, purpose clauses and coordinated verbs."""
    out: list[Any] = []
    stack = [(t, 0) for t in tops if is_verb(t)]
    while stack:
        t, d = stack.pop()
        if d >= 3:
            continue
        for c in t.children:
            if not is_verb(c) or c.tag_ in FINITE:
                continue
            if c.dep_ == "xcomp" or c.dep_ == "conj" or (
                    c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                out.append(c)
                stack.append((c, d + 1))
    return out


def _who_obstructs(evs: list[Event], type_: str, code: str, subj: list[Any]) -> None:
    """Blocking a road is a protest when civilians do it and a restriction when the state's forces
    do: PLOVER_MANUAL.tex:742 PROTEST is "All civilian demonstrations and other collective
    actions", :882 COERCE "coercive uses of power" (mode restrict: "cordoning off areas")."""
    if type_ == "COERCE" and code.startswith("170") and any(subject_of_kind(x, CIVILIAN_AGENTS) for x in subj):
        for ev in evs:
            ev.type, ev.cameo, ev.mode = "PROTEST", "140", None
    elif type_ == "PROTEST" and code.startswith("144") and any(subject_of_kind(x, FORCE_AGENTS) for x in subj):
        for ev in evs:
            ev.type, ev.cameo, ev.mode = "COERCE", "170", "restrict"


def _active(verb: Any) -> bool:
    """A verb used actively ("prepared to strike"), not a participle after a copula ("is prepared to")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VB", "VBG") and verb.dep_ != "acomp" and not any(
        c.dep_ == "auxpass" for c in verb.children)


def _to_complement(tok: Any) -> bool:
    """The word takes an act as its complement: an infinitive ("ready to help") or a 'to'-gerund
    ("committed to opening")."""
    for c in tok.children:
        if c.dep_ == "xcomp" and is_verb(c) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return True
    return False


def _opening_participle(tok: Any) -> bool:
    """'Newly appointed Prime Minister X has refused ...': a participle opening the sentence that the parser
    made its root, with no subject or auxiliary of its own while the clause under it has both, describes
    that clause's subject (as an adjective would) and asserts no event."""
    if tok.tag_ != "VBN" or tok.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj")
                                                        for c in tok.children):
        return False
    return any(c.dep_ == "ccomp" and c.i > tok.i and any(g.dep_ == "nsubj" for g in c.children)
               and any(g.dep_ == "aux" for g in c.children) for c in tok.children)


def _expelled_entity(evs: list[Event], code: str, verb: Any) -> None:
    """Expelling an organisation from a country is a sanction, deporting persons a coercion: PLOVER_MANUAL.tex
    SANCTION mode expel, "expel an entity from a group, organization, political party, or country ... this
    mode excludes individual deportations, which are coded as a mode under COERCE" (CAMEO 166)."""
    out = any(c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod") for c in verb.children)
    if not (code.startswith("174") or (code.startswith("170") and out)):
        return
    for ev in evs:
        if ev.type == "COERCE" and ev.recipient and all(r.startswith("IGO:") for r in ev.recipient):
            row = cameo_row("166")
            ev.type, ev.cameo, ev.mode = "SANCTION", "166", row.get("mode") or "expel"
            ev.goldstein, ev.quad_class = row.get("goldstein"), row.get("quad_class")


def _future_reading(evs: list[Event], clause: Clause) -> None:
    """PLOVER's reading of acts told in the future tense (PLOVER_MANUAL.tex:347 AGREE: "Cooperative
    actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future tense are also taken
    to imply intentions and should be coded as AGREE"; :535 RETREAT: "Announcements of future
    retreats should be coded as CONCEDE")."""
    future = clause.mood.kind == "future" and not clause.negated
    for ev in evs:
        if ev.status == "planned" or future:
            if ev.type in FUTURE_TO_AGREE:
                ev.type = "AGREE"
            elif ev.type == "RETREAT":
                ev.type = "CONCEDE"


def _clause_depth(tok: Any) -> int:
    """How many clauses down a trigger sits (0: the main clause), a reporting verb's clause not counted."""
    depth = 0
    t = tok
    for _ in range(30):
        if t.head == t:
            break
        parent = t.head
        if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj") and is_verb(parent) \
                and parent.lower_ not in REPORTING:
            depth += 1
        elif t.dep_ in ("relcl", "acl") and is_verb(t) and not (
                parent.dep_ == "dobj" and parent.head.lower_ in LIGHT_VERBS):
            # a clause describing a noun ("Africans ordered out of X", "militiamen armed with"); not
            # the content of what a light verb issues ("issued a declaration demanding ...")
            depth += 1
        t = parent
    return depth


CONSULT_CODES = frozenset({"036", "040", "041", "042", "043", "044", "045", "046"})


def _names_parties(noun: Any) -> bool:
    """An event noun that says who takes part: "the visit of X to Y", "talks with X", "X's visit"."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "with", "between", "by"))
               # "the Russian-Israeli talks were held", "the US-China talks": the country words name the sides
               or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP")
                   and any(g.ent_type_ in ("GPE", "NORP") for g in c.children))
               for c in noun.children)


def _sentence_day(s: Sent, ctx: Context) -> str | None:
    """The day a sentence's fact dates to: a past full date it gives, else the document's main day."""
    for t in s.times:
        if len(t.value) == 10 and t.future is False:
            return t.value
    return ctx.anchor


def _main_clause_time(tok: Any) -> bool:
    """A time expression hanging from its sentence's main verb, not from a phrase or a clause below."""
    t = tok
    for _ in range(6):
        head = t.head
        if head == t or head.dep_ == "ROOT":
            return head.dep_ == "ROOT" and t.dep_ in ("npadvmod", "prep", "advmod", "tmod", "obl", "pobj")
        if is_verb(head) or head.tag_.startswith("NN"):
            return False
        t = head
    return False


def _recent(value: str, published: str | None, month: bool = False) -> bool:
    """A past day within 45 days of publication; with `month`, also the publication's month ("earlier
    this week", which the guidelines date to its month)."""
    if month and len(value) == 7 and published and len(published) == 10:
        return value == published[:7]
    if len(value) != 10 or not published or len(published) != 10 or value > published:
        return False
    return (Date.fromisoformat(published) - Date.fromisoformat(value)).days <= 45


def _dummy_clause(found: list[Found], span: Span) -> Clause:
    tok = span[0]
    return Clause(Trigger(tok, None, None, "fact", False), [], [], [])


def _dedupe_agreements(ags: list[Agreement]) -> list[Agreement]:
    """One item per text signed: the same parties and day, and a title whose words are all in another's
    ("Statement" and "trilateral Statement", "Memorandum" and "Memorandum of Understanding"), are one
    text; the fuller title stays, in the place of the first report."""
    out: list[Agreement] = []
    for a in ags:
        a.title = " ".join(a.title.split())
        words = set(fold(a.title).split())
        # (a report that names fewer signers, "the trilateral Statement was adopted", is of the same text)
        same = next((i for i, b in enumerate(out) if b.date == a.date
                     and (set(b.parties) <= set(a.parties) or set(a.parties) <= set(b.parties))
                     and (words <= set(fold(b.title).split()) or set(fold(b.title).split()) <= words)), None)
        if same is None:
            out.append(a)
            continue
        b = out[same]
        out[same] = b.model_copy(update={"title": a.title if len(a.title) > len(b.title) else b.title,
                                         "parties": sorted(set(a.parties) | set(b.parties)),
                                         "kind": b.kind or a.kind, "count": b.count or a.count})
    return out


__all__ = ["Coder", "EventSet", "Evidence"]


#: verbs of signing whose agents or subjects sign in person
SIGNING_VERBS = frozenset({"signed", "sign", "signs", "signing", "initialled", "initialed"})


def _signed_together(ag: Agreement, sents: list[Sent], ctx: Context, found: list[Found]) -> Event | None:
    """"It was signed in Kuala Lumpur by Australia's Minister X and his Malaysian counterpart Y": the two
    signatories named at one place met there to sign (a visit when the place is one side's)."""
    if len(ag.parties) != 2 or not ag.date:
        return None
    for sent in sents:
        for verb in sent.span:
            if verb.lower_ not in SIGNING_VERBS or not is_verb(verb):
                continue
            signers = [m for c in verb.children if c.dep_ in ("nsubj", "agent")
                       for t in ([c] if c.dep_ == "nsubj" else children(c, "pobj")) for m in ctx.parties.of_np(t)]
            where = places_in(ctx, [verb], ("in", "at"))
            if {m.code for m in signers} != set(ag.parties) or not any(m.kind == "person" for m in signers) \
                    or not where or not where[0].name:
                continue
            at, clause = where[0], _dummy_clause(found, sent.span)
            if at.country in ag.parties:
                guest = next(c for c in ag.parties if c != at.country)
                return make_event(ctx, clause, sent.span, "CONSULT", "042", [Mention(guest, "country")],
                                  [Mention(str(at.country), "country")], mode="visit", date=ag.date, place=at)
            return make_event(ctx, clause, sent.span, "CONSULT", "040",
                              [Mention(c, "country") for c in sorted(ag.parties)], [], date=ag.date, place=at)
    return None
