"""What every fact-kind module shares: the document's context, CAMEO -> PLOVER, building an Event.

PLOVER types come from the CAMEO codes through the 2021 CAMEO-to-PLOVER table
(`data/cameo.jsonl`), read against the codebook and the project's annotation guidelines:
- CAMEO 02 (appeal) is a request: PLOVER's REQUEST covers "all requests, demands, and orders";
  CAMEO 01 (public statements) makes no event.
- Sanctions (163) are SANCTION, as the codebook's SANCTION section says ("international
  (political or economic) sanctions are coded as 'discontinue'"), where the 2021 table has COERCE.
- In documents, a signed or adopted text (057) is AGREE, as GUIDELINES.md says; PLOVER 2021 and
  the sentence sets code it SUPPORT, which sentence mode keeps.
- In documents, a planned meeting stays CONSULT with status `planned` (GUIDELINES.md); PLOVER
  codes future meetings, and intents to meet (036), as AGREE, which sentence mode keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from communique.events.clause import Clause
from communique.events.parse import FUTURE_AUX, preps, subjects
from communique.events.parties import Mention, Parties, agent_kind_nouns, dedupe
from communique.records import Event, EventPerson, Evidence, Place
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import Gazetteer, read_jsonl


@cache
def cameo_table() -> dict[str, dict[str, Any]]:
    return {r["code"]: r for r in read_jsonl("cameo.jsonl")}


def cameo_row(code: str) -> dict[str, Any]:
    t = cameo_table()
    for k in (code, code[:3], code[:2]):
        if k in t:
            return t[k]
    return {}


def plover_type(code: str, sentence_mode: bool) -> str | None:
    root = code[:2]
    if root == "01":
        return None
    if root == "02":
        return "REQUEST"
    if code.startswith("163"):
        return "SANCTION"  # the codebook: "international sanctions are coded as SANCTION 'discontinue'"
    if code.startswith("057") and not sentence_mode:
        return "AGREE"
    if code.startswith("036") and not sentence_mode:
        return "CONSULT"
    if code.startswith("033") and not sentence_mode:
        # "announced £50 million in assistance": the guidelines code aid "delivered or committed" as
        # AID (GUIDELINES.md, events table); the codebook's intent to give aid is AGREE (033)
        return "AID"
    row = cameo_row(code)
    return row.get("plover")


#: sentence mode: dictionary blocks whose default reading the codebook gives another type.
#: (block, code prefix) -> (type, the codebook's words)
CODEBOOK_READINGS: dict[tuple[str, str], tuple[str, str]] = {
    # AGREE: "Agree to, offer, promise ..." (PLOVER_MANUAL.tex:348); the dictionary's AGREE block is 050
    ("AGREE", "050"): ("AGREE", "PLOVER_MANUAL.tex:348"),
    # RETREAT "also covers resignations of government officials" (:531); the RESIGN block is 083
    ("RESIGN", "083"): ("RETREAT", "PLOVER_MANUAL.tex:531"),
    # "the actual release or exchange of prisoners should be coded as RETREAT" (:451, :531); RELEASE is 080
    ("RELEASE", "080"): ("RETREAT", "PLOVER_MANUAL.tex:451"),
    # RETREAT: "a military retreat from, or ceding, territory" (:531, mode withdraw); the RETREAT block is 080
    ("RETREAT", "080"): ("RETREAT", "PLOVER_MANUAL.tex:531"),
    # ACCUSE: "Sue or bring to court" (:620); the SUE block is 173 (arrest, detain, charge: COERCE)
    ("SUE", "173"): ("ACCUSE", "PLOVER_MANUAL.tex:620"),
}
#: CONCEDE covers "easing of administrative or legal restrictions ..., removing curfews" (PLOVER_MANUAL.tex:443),
#: where the 2021 table sends easing a curfew (0813) or a state of emergency (0814) to RETREAT
CONCESSIONS = ("0813", "0814")


#: dictionary blocks of handing something over (give, provide, grant, issue): their default, CAMEO 060
#: (material cooperation), is COOPERATE, "*mutual* material cooperation or exchange"; handed *to* a
#: recipient it is a provision that benefits the recipient, the codebook's AID (PLOVER_MANUAL.tex:498)
PROVISION_BLOCKS = frozenset({"GRANT"})


def trigger_block(source: str) -> str:
    """The dictionary block a trigger's source line names ("CAMEO.2.0.txt:6268 GRANT/give" -> GRANT)."""
    if not source.startswith("CAMEO.2.0.txt:") or " " not in source:
        return ""
    return source.split(" ", 1)[1].split("/", 1)[0].split(" ", 1)[0]


def sentence_reading(code: str, source: str, type_: str, clause: Clause | None = None) -> str:
    """The PLOVER type of a dictionary trigger as the codebook reads it, where its own sections
    contradict the dictionary block's default or the 2021 conversion table."""
    if code.startswith(CONCESSIONS):
        return "CONCEDE"
    block = trigger_block(source)
    for (b, prefix), (reading, _) in CODEBOOK_READINGS.items():
        if block == b and code.startswith(prefix):
            return reading
    if block in PROVISION_BLOCKS and code == "060" and clause is not None and (
            clause.targets or clause.prep.get("to")):
        return "AID"  # "provided intelligence to Macedonia", "gave Tanzania a grant"
    return type_


@dataclass
class Context:
    """One document as the fact modules see it."""

    res: Resolved
    parties: Parties
    gaz: Gazetteer
    published: str | None
    anchor: str | None  # the day the document's main events happened
    place: Place | None  # where they happened
    planned: str | None = None  # the date of the document's main planned visit or meeting
    sentence_mode: bool = False
    venues: dict[str, dict[str, str]] = field(default_factory=dict)
    place_at: dict[int, Place] = field(default_factory=dict)  # token index -> the city or venue it names
    homed: set[int] = field(default_factory=set)  # visits sent to the publisher's state for want of a destination
    guest_meeting: bool = False  # the headline is the voice's "Meeting with X" or "Talks with X", no trip or call


def evidence(sent: Span) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(text=text, start=sent.start_char, end=sent.start_char + len(text))


def people_of(ctx: Context, actor: list[Mention], recipient: list[Mention]) -> list[EventPerson]:
    out: list[EventPerson] = []
    seen: set[str] = set()
    for side, ms in (("actor", actor), ("recipient", recipient)):
        for m in ms:
            if m.person and m.person not in seen and m.person in ctx.res.people:
                seen.add(m.person)
                p = ctx.res.people[m.person]
                out.append(EventPerson(id=p.id, name=p.name, country=p.country, side=side))  # type: ignore[arg-type]
    return out


def make_event(ctx: Context, clause: Clause, sent: Span, type_: str, code: str, actor: list[Mention],
               recipient: list[Mention], *, mode: str | None = None, status: str = "occurred",
               date: str | None = None, place: Place | None = None) -> Event | None:
    """An event with its CAMEO fields, or None when it does not name the parties it needs."""
    a = sorted(dict.fromkeys(m.code for m in actor))
    # a party does not act on itself, unless a domestic group acts on its own state ("rebels attacked
    # Peruvian troops": PLOVER codes both sides by country, PER -> PER)
    foreign = {m.code for m in actor if m.kind != "domestic"}
    r = sorted(c for c in dict.fromkeys(m.code for m in recipient) if c not in foreign)
    if not a and not r and not ctx.sentence_mode:
        return None  # (sentence mode keeps an event whose parties the text leaves unresolved)
    if not ctx.sentence_mode and (len(set(a) | set(r)) < 2 or not a):
        return None
    row = cameo_row(code)
    return Event(type=type_, mode=mode or (row.get("mode") or None), cameo=code, goldstein=row.get("goldstein"),
                 quad_class=row.get("quad_class"), actor=a, recipient=r, date=date, status=status,  # type: ignore[arg-type]
                 place=place, trigger=clause.trigger.token.text, people=people_of(ctx, actor, recipient),
                 evidence=evidence(sent))


def event_date(ctx: Context, clause: Clause, status: str, span: bool = False) -> str | None:
    """When: the time expression of the trigger's own clause, else the document's main day for
    something that happened, or the day of the document's main planned trip for something
    planned. `span`: the act covers several stops, so a range of days dates it to its month."""
    when = clause.when
    if when is not None and status == "occurred" and when.future:
        return ctx.anchor  # a statement about a future date was made on the main day
    if when is not None:
        if span and when.range and len(when.value) == 10:
            return when.value[:7]
        if status == "occurred" and when.future:
            return ctx.anchor
        if status == "occurred" and when.relative and len(when.value) == 4 and (
                ctx.anchor is None or ctx.anchor.startswith(when.value)):
            return ctx.anchor  # "this year's summit": not the day it happened (but "last year" is that year)
        return when.value
    if status == "occurred" and told_as_earlier(clause):
        return None  # "his recent visit", "as discussed during their recent contacts": before, but when?
    if status == "planned" and ctx.anchor and _within_current_trip(clause.trigger.token):
        return ctx.anchor[:7]  # "during his ongoing European trip, he will also visit Iceland": this month
    if span and status == "occurred" and ctx.anchor and len(ctx.anchor) == 10:
        return ctx.anchor[:7]  # "this visit to Laos, Thailand and Vietnam": its stops were not all on the main day
    return ctx.anchor if status == "occurred" else ctx.planned


#: nouns of a journey, and the words that make one the journey under way
JOURNEY_NOUNS = frozenset({"trip", "tour", "visit", "travel", "travels", "journey", "mission", "swing"})
UNDER_WAY = frozenset({"ongoing", "current", "present", "continuing"})


def _within_current_trip(tok: Token) -> bool:
    """'During his ongoing European trip, Mr X will also visit Y', 'on his current tour he will meet Z': a plan
    set within the journey under way, which dates it to now (to the month: its day is not told)."""
    verb = tok
    for _ in range(2):
        if _framed_by(verb, ("during", "on", "in"), UNDER_WAY, ("amod", "compound"), JOURNEY_NOUNS):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            break
        verb = verb.head
    return False


#: words saying an act happened before the document's main day, without saying when
EARLIER_ADV = frozenset({"recently", "earlier", "previously", "lately", "formerly", "ago"})
EARLIER_ADJ = frozenset({"recent", "previous", "earlier", "past", "former", "prior"})


#: verbs of reporting to someone what has happened
#: nouns of judging what was done: "his assessment of the talks"
ASSESSING = frozenset({"assessment", "assessments", "evaluation", "appraisal"})
INFORMING = frozenset({"inform", "informed", "informs", "informing", "brief", "briefed", "briefs", "briefing",
                       "update", "updated", "updates", "apprise", "apprised", "told", "tell", "tells", "telling"})


def told_as_earlier(clause: Clause) -> bool:
    """The act is told as one that happened some time before: 'the recent visit', 'had recently
    met', 'as discussed during their recent contacts'."""
    toks = [clause.trigger.token] + ([clause.verb] if clause.verb is not None else [])
    tok = clause.trigger.token
    if clause.trigger.nominal and tok.dep_ == "pobj" and tok.head.lower_ in ("about", "on", "of") \
            and (tok.head.head.lower_ in INFORMING or tok.head.head.lower_ in ASSESSING):
        # "informed X about the talks between A and B", "gave an assessment of the negotiations with X": talks
        # reported, held before the telling
        return True
    if not clause.trigger.nominal and tok.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ == "had" for a in tok.children):
        return True  # "although Mr X had visited Australia on a number of occasions": the past before the text's
    for t in toks:
        for c in t.children:
            if (c.dep_ == "advmod" and c.lower_ in EARLIER_ADV) or (c.dep_ == "amod" and c.lower_ in EARLIER_ADJ):
                return True
        if _framed_by(t, ("during", "at", "in"), EARLIER_ADJ, ("amod",)):
            return True
    return False


def _framed_by(tok: Token, preps: tuple[str, ...], words: frozenset[str], deps: tuple[str, ...],
               nouns: frozenset[str] | None = None) -> bool:
    """`tok` has a prepositional phrase ('during', 'in' ...) whose object is modified by one of `words`
    ("during their recent contacts", "during his ongoing trip"), the object one of `nouns` when given."""
    return any(c.dep_ == "prep" and c.lower_ in preps and o.dep_ == "pobj" and (nouns is None or o.lower_ in nouns)
               and any(a.dep_ in deps and a.lower_ in words for a in o.children)
               for c in tok.children for o in c.children)


#: cues of a future that is ahead whatever time the clause names ("will", "look forward to")
AHEAD_CUES = FUTURE_AUX | {"look forward to"}


def status_of(clause: Clause) -> str | None:
    """occurred, planned, or None when the clause asserts no act (negated, wished, conditional)."""
    if clause.negated:
        return None
    if clause.mood.kind == "future":
        if clause.when is not None and clause.when.future is False and clause.mood.cue not in AHEAD_CUES \
                and not CURRENT.match(clause.when.text):
            # "a delegation to attend the inauguration on October 1", told on October 3 (but "is to visit
            # this week" is still to come)
            return "occurred"
        return "planned"
    if clause.mood.kind == "irrealis":
        if clause.mood.cue == "would" and clause.when is not None and clause.when.future:
            return "planned"  # reported future: "said he would visit next month"
        return None
    if clause.when is not None and clause.when.future:
        return "planned"
    if clause.when is None and _experienced(clause):
        return None  # "I have visited Chile twice": visits counted, no one of them told
    return "occurred"


#: adverbs that count how often something has happened
REPEATED = frozenset({"twice", "thrice", "often", "repeatedly", "frequently"})


def _experienced(clause: Clause) -> bool:
    """A perfect that counts its acts: "have visited X twice", "has met Y several times"."""
    v = clause.verb if clause.verb is not None else clause.trigger.token
    if not any(a.dep_ == "aux" and a.lower_ in ("have", "has", "had") for a in v.children):
        return False
    if v.dep_ == "relcl" and v.head.lower_ in ("time", "times"):
        return True  # "the third time that an Australian Prime Minister has visited Japan"
    return any((c.dep_ in ("advmod", "npadvmod") and c.lower_ in REPEATED)
               or (c.dep_ == "npadvmod" and c.lower_ == "times") for c in v.children)


#: time expressions of the period the text is written in, which a plan may still lie ahead in
CURRENT = re.compile(r"(?:this|today|tonight|later)\b", re.I)


#: cues of an act committed to now ("will provide", "decided to allocate"), not only intended
COMMITTED = FUTURE_AUX | {"decided"}


#: CAMEO families of verbal acts: said now, whatever time their content points to
VERBAL = frozenset({"01", "02", "03", "05", "09", "10", "11", "12", "13"})


def act_status(clause: Clause, code: str = "") -> str | None:
    """Whether an act other than a meeting is asserted: done, or committed to ("will provide");
    one only intended ("agreed to provide", "plans to impose") is coded on the verb of intent,
    and a conflictual act in the future is no act (a threat is coded as a threat). A verbal act
    ("threatened to strike from May 1") is made when it is said: the time it names is its content's."""
    if code[:2] in VERBAL and not clause.negated and clause.mood.kind == "realis":
        return "occurred"
    status = status_of(clause)
    if status == "planned" and (clause.mood.kind == "future" and clause.mood.cue not in COMMITTED
                                or code[:2] >= "09"):
        return None
    return status


def directed(ctx: Context, clause: Clause, sent: Span, type_: str, code: str,
             recipient_preps: tuple[str, ...], owners: bool = True) -> list[Event]:
    """A one-way act: the doers act on the objects, else on the owners of a non-party object
    ("condemned Russia's attack"), else on the parties of the first of `recipient_preps` that
    names any ("called on X", "support for X", "sanctions against X")."""
    status = act_status(clause, code)
    if status is None:
        return []
    doers = clause.doers
    own = {d.code for d in doers if d.kind != "domestic"}

    def others(ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if m.code not in own]  # "reiterated U.S. support for ...": not the doer

    recipients = others(clause.targets)
    if not recipients and owners:
        # (sentence mode: "shelled positions of the X forces" aims at X, as PETRARCH reads an object phrase)
        recipients = others(clause.owners if code[:2] in VERBAL or ctx.sentence_mode else clause.near_owners)
    if not recipients:
        for p in recipient_preps:
            if others(clause.prep.get(p, [])):
                recipients = others(clause.prep[p])
                break
    if ctx.sentence_mode and not recipients and type_ in PLACE_AIMED:
        recipients = others(_place_countries(ctx, clause, recipient_preps))
    if not ctx.sentence_mode and not recipients and type_ == "ASSAULT" and own and _by_forces(clause):
        # "the drama theater destroyed by the occupiers in Mariupol": force used in one other state's city hits
        # that state (PLOVER ASSAULT: the victim as the recipient)
        found = [ctx.place_at.get(i) for i in range(sent.start, sent.end)]
        hit = {pl.country for pl in found if pl is not None and pl.country and pl.name} - own
        if len(hit) == 1:
            recipients = [Mention(hit.pop(), "country")]
    if not ctx.sentence_mode and not recipients and not (type_ == "SUPPORT" and len(doers) >= 2 and status == "occurred"
                                                         and clause.mood.kind == "realis" and _reciprocal(clause)):
        return []  # a one-way act needs the party it is aimed at
    date = event_date(ctx, clause, "occurred" if status == "planned" else status)
    ev = make_event(ctx, clause, sent, type_, code, doers, recipients, status="occurred", date=date)
    return [ev] if ev else []


def _by_forces(clause: Clause) -> bool:
    """The act's subject or agent is a force (PETRARCH2 MIL agents: "troops", "the occupiers")."""
    tok = clause.trigger.token
    who = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    who += [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return any(w.lower_ in agent_kind_nouns(frozenset({"MIL"})) for w in who if w.dep_ != "nsubjpass")


#: material acts a news sentence aims at the country of the place they are done in or to ("shelled
#: targets in Jericho", "delivered goods to Baghdad University"): the people or things hit there are
#: that country's (PLOVER ASSAULT: "the victim as the recipient")
PLACE_AIMED = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "SANCTION"})


def _place_countries(ctx: Context, clause: Clause, words: tuple[str, ...]) -> list[Mention]:
    """Countries of the cities named in the clause's phrases `words` (in order of `words`)."""
    tok = clause.trigger.token
    toks = [tok, *(tok.doc[i] for i in sorted(clause.trigger.covered) if i != tok.i)]
    if clause.verb is not None and clause.verb.i != tok.i:
        toks.append(clause.verb)
    toks += [o for t in list(toks) for o in t.children if o.dep_ in ("dobj", "nsubjpass")]
    for w in words:
        for t in toks:
            for p, o in preps(t):
                if p != w:
                    continue
                hit = next((ctx.place_at[x.i] for x in o.subtree if x.i in ctx.place_at), None)
                if hit is not None and hit.country:
                    return [Mention(hit.country, "country", None, o.i)]
                inside = next((m for x in o.subtree if x.i != o.i and (m := ctx.parties.at(x)) is not None
                               and m.kind == "country" and x.head.dep_ == "prep" and x.head.lower_ in ("in", "near")),
                              None)  # "at this jail in northern Israel"
                if inside is not None:
                    return [inside]
    return []


RECIPROCAL = frozenset({"each", "one", "mutual", "mutually", "exchanged", "exchange", "exchanging", "reciprocal"})


def _reciprocal(clause: Clause) -> bool:
    """'thanked each other', 'exchanged congratulations', 'expressed mutual support': an act the doers
    aim at one another (the marker is the verb, 'each other' / 'one another', or a word of
    reciprocity on the act's own object, not anywhere further down the sentence)."""
    tok = clause.verb or clause.trigger.token
    if tok.lower_ in RECIPROCAL:
        return True
    doc = tok.doc
    for t in tok.subtree:
        if t.i > tok.i and t.lower_ in ("each", "one") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in (
                "other", "another"):
            return True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")] + [clause.trigger.token]
    return any(m.lower_ in RECIPROCAL for o in objs for m in o.children if m.dep_ in ("amod", "advmod", "compound"))


def speakers_met(clause: Clause, ctx: Context) -> list[Mention]:
    """'We' of a transcript where officials of several states speak, in a joint act ("we agreed to
    complete this work", "our talks today"): every state whose official speaks in it. Nothing outside
    such a transcript, or when 'we' is not the subject."""
    tok = clause.verb or clause.trigger.token
    if len(ctx.res.speakers) < 2 or ctx.res.speaker_at(tok.idx) is None:
        return []
    we = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "we" for c in tok.children) or any(
        s.lower_ == "we" for s in subjects(tok)) or (clause.trigger.nominal and any(
            c.dep_ == "poss" and c.lower_ == "our" for c in clause.trigger.token.children))
    return [Mention(c, "group") for c in ctx.res.turn_parties()] if we else []


def together(ctx: Context, clause: Clause, sent: Span, type_: str, code: str) -> list[Event]:
    """A joint act: every doer and partner ('with', 'between') is an actor."""
    status = act_status(clause, code)
    if status is None:
        return []
    parties = [*clause.doers, *clause.targets, *clause.with_("with", "between", "among")]
    if len(dedupe(parties)) == 1 and type_ == "AGREE" and clause.trigger.token.lower_ in ("agree", "agreed"):
        parties += speakers_met(clause, ctx)  # "we agreed to ...", said by one of the leaders who met
    date = event_date(ctx, clause, "occurred" if status == "planned" else status)
    ev = make_event(ctx, clause, sent, type_, code, parties, [], status="occurred", date=date)
    return [ev] if ev else []
