"""CONSULT: meetings, talks, calls and visits (PLOVER codebook, CONSULT).

- A meeting, talks or a call with no visitor puts every participant in `actor` (the subject,
  those met, those "with" or "between" whom it was held) and leaves `recipient` empty.
- A visit (CAMEO 042) has the visitor as actor and the host as recipient: the country visited,
  or the country of the city or venue visited ("arrived in Amman"). Hosting (043: "hosted",
  "received", "welcomed X to") is the same visit seen from the host: the guest is the actor.
- A call is mode `phone` (CAMEO 041) when the trigger or its phrase says phone, telephone,
  call or video.
- Planned meetings keep CONSULT with status `planned` and the date the text gives; in sentence
  mode they are AGREE, as PLOVER codes references to future meetings.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.events.clause import CONVENED, Clause, clause_time
from communique.events.common import Context, event_date, make_event, speakers_met, status_of
from communique.events.dates import find_times, tensed
from communique.events.lexicon import MOTION_BLOCKS, load_lexicon
from communique.events.parse import children, conjuncts, preps, subjects
from communique.events.parties import Mention, dedupe
from communique.events.places import country_place, place_of_clause, places_in
from communique.events.sentences import Sent
from communique.records import Event, Place

PHONE_WORDS = frozenset({"phone", "telephone", "call", "calls", "videoconference", "video", "virtual", "phoned",
                         "telephoned", "videocall", "teleconference", "video-conference", "videolink", "online"})


def _phone(clause: Clause, sent: Span) -> bool:
    tok = clause.trigger.token
    words = {tok.lower_} | {tok.doc[i].lower_ for i in clause.trigger.covered}
    words |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("by", "via", "over", "on"):
            words |= {o.lower_ for o in p.subtree}
    if clause.verb is not None:
        for p in clause.verb.children:
            if p.dep_ == "prep" and p.lower_ in ("by", "via", "over"):
                words |= {o.lower_ for o in p.subtree}
    return bool(words & PHONE_WORDS)


def _destinations(clause: Clause, ctx: Context, visitors: list[str], objects: bool) -> list[tuple[Mention, Place | None]]:
    """Where a visit goes, in order: countries and cities 'to'/'in' which it goes (each a stop of a
    trip: "travel to Japan, the ROK and Mongolia"), the country visited ("visited China"), the
    country owning the event attended ("the inauguration of President X")."""
    out: list[tuple[Mention, Place | None]] = []
    tok = clause.trigger.token
    toks: list[Token] = [tok, *(tok.doc[i] for i in sorted(clause.trigger.covered))]
    # (sentence mode: "arrived in Amman" goes there too; a news sentence tells the arrival, not a stay)
    arrive = clause.trigger.block == "ARRIVE"  # "arrived in Wellington today": arriving there visits it
    words: tuple[str, ...] = ("to", "in", "into") if objects or arrive or (ctx.sentence_mode and clause.trigger.motion) \
        else ("to", "into")
    leaving = departs(tok, ctx.sentence_mode)
    if leaving:
        words, objects = ("for",), False  # "departs for Vanuatu", "left Honiara for Port Vila"
    for p in places_in(ctx, toks, words, objects=objects):
        if p.country:
            out.append((Mention(p.country, "country"), p))
    if arrive and not out:  # "arrive on Saturday for a series of events in Auckland": where its purpose is
        aims = [x for t in toks for w, o in preps(t) if w == "for" for x in o.subtree]
        out += [(Mention(p.country, "country"), p) for p in places_in(ctx, aims, ("in", "at")) if p.country]
    named = [*clause.with_("to", "into", *(("in",) if arrive else ()), *(("for",) if leaving else ())),
             *(clause.targets if objects else []),
             *(clause.owners if objects else []),
             *(m for m in clause.with_("in") if objects and m.kind == "country")]  # "attended the forum in Brazil"
    # "travel to Japan, Korea, and Mongolia" where the parser hung the last stop on the verb
    named += [m for c in tok.children if c.dep_ == "conj" and c.tag_ == "NNP"
              and (m := ctx.parties.at(c)) is not None]
    for m in named:
        if m.kind != "person" and not m.code.startswith("IGO:"):
            out.append((m, None))
    if objects:  # "attend the inauguration of President X": the country of the one whose event it is
        out += [(m, None) for m in clause.owners if not m.code.startswith("IGO:")]
        # "will attend the forum in Davos", "attend the summit in Indonesia": where the thing attended is
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        out += [(Mention(p.country, "country"), p) for p in places_in(ctx, objs, ("in", "at")) if p.country]
        out += [(m, None) for o in objs for w, po in preps(o) if w == "in" for c in conjuncts(po)
                if (m := ctx.parties.at(c)) is not None and m.kind == "country"]
    seen: set[str] = set()
    result: list[tuple[Mention, Place | None]] = []
    for m, where in out:
        if m.code in seen or m.code in visitors:
            continue
        seen.add(m.code)
        result.append((m, where))
    return result


#: plural nouns of meeting that say one meeting per partner ("had meetings with X and Y"); "talks" and
#: "consultations" are plural in form only
SEPARATE_NOUNS = frozenset({"meetings", "conversations", "calls", "bilaterals", "audiences"})


def _sets_off(verb: Token) -> bool:
    """A verb of the dictionary's going blocks ("leaves for a visit", "departs on a tour")."""
    return any(v.block in MOTION_BLOCKS for v in load_lexicon().forms.get(verb.lower_, []))


def _home_for(clause: Clause, ctx: Context) -> str | None:
    """Where a visit that names no destination goes: "this week's visit by the Saudi Commerce Minister", in
    a New Zealand release, is a foreign official's visit to the publisher's state. Not the publisher's own
    officials, nor a place visited ("a city visited by"), nor a transcript's, nor "after his first visit"
    (another visit, told to date this one), nor "recent visits by" (several, each told on its own)."""
    home, tok = ctx.res.author, clause.trigger.token
    if home is None and len(ctx.res.we) == 1:  # a text with no publisher address: the state it speaks as
        home = ctx.res.we[0]
    if home is None or not clause.doers or ctx.sentence_mode or ctx.res.speakers \
            or any(m.code == home or m.code.startswith("IGO:") for m in clause.doers):
        return None
    if clause.trigger.nominal:  # (visits in the plural are a series, each told where it is dated)
        return None if tok.dep_ == "pobj" and tok.head.lower_ in ANOTHER_TIME or tok.tag_ == "NNS" else home
    relative = tok.dep_ in ("acl", "relcl") and not any(c.lower_ == "who" for c in children(tok, "nsubj"))
    # ("X, who is visiting on his way to Chile": the one named visits; "a city visited by X" is a place)
    return None if relative or children(tok, "dobj", "nsubjpass") else home


def _stop_date(host: Mention, ctx: Context) -> str | None:
    """The days a trip's stop names right after it ("travels to Uganda July 9-15 and Geneva July 16-19",
    "Indonesia from 21 to 24 April"):
    that stop's own time, dated by its first day."""
    if host.token < 0:
        return None
    doc = ctx.parties.doc
    i = host.token + 1
    while i < len(doc) and doc[i].ent_type_ in ("GPE", "LOC") and doc[i].ent_iob_ == "I":
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in ("from", "on", "between") and doc[i + 1].ent_type_ == "DATE":
        i += 1  # "visiting Indonesia from 21 to 24 April, and Papua New Guinea from 24 to 26 April"
    if i >= len(doc) or doc[i].ent_type_ != "DATE" or doc[i].ent_iob_ != "B":
        return None
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "DATE":
        j += 1
    refs = find_times(doc[i:j].text, ctx.published)
    ref = tensed(refs[0], True) if refs else None  # (a stop of a planned trip: "on Sunday" is the coming one)
    return ref.value if ref is not None and len(ref.value) == 10 else None


def _separate(clause: Clause) -> bool:
    """The subject met each partner on its own: a plural noun of meeting, or 'separately'."""
    tok = clause.trigger.token
    heads = [tok, *([clause.verb] if clause.verb is not None else [])]
    return (clause.trigger.nominal and tok.lower_ in SEPARATE_NOUNS) or any(
        c.lower_ in ("separately", "individually") for h in heads for c in h.children)


def _with_you(clause: Clause) -> bool:
    tok = clause.verb or clause.trigger.token
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(o.lower_ == "you" for o in p.children)
               for h in (tok, clause.trigger.token) for p in h.children)


def _we_meet(clause: Clause) -> bool:
    tok = clause.verb or clause.trigger.token
    return any(c.dep_ == "nsubj" and c.lower_ == "we" for c in tok.children) or any(
        s.lower_ == "we" for s in subjects(tok)) or (clause.trigger.nominal and any(
            c.dep_ == "poss" and c.lower_ == "our" for c in clause.trigger.token.children))


#: prepositions that place an event noun before or after the one told ("after his first visit")
ANOTHER_TIME = frozenset({"after", "since", "following", "before", "until", "ahead"})

EVENT_NOUNS = frozenset({"summit", "meeting", "talks", "conference", "forum", "visit", "session", "dialogue",
                         "summits", "meetings", "consultations", "negotiations", "games", "ceremony"})


def _hosts_an_event(clause: Clause) -> bool:
    tok = clause.trigger.token
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in EVENT_NOUNS for c in tok.children)


#: forms of the CONFER block's verbs of speaking, whose "to" names whom one speaks to (CAMEO.2.0.txt:4361-4362)
SPEAKING = frozenset({"talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "spoken", "speaking"})
#: verbs of leaving: their object is where one was, "for" names where one goes (GO_SOMEWHERE: DEPART, LEAVE)
DEPART = frozenset({"depart", "departs", "departed", "departing", "leave", "leaves", "left", "leaving"})


def departs(tok: Token, sentence_mode: bool) -> bool:
    """A verb of leaving read in a document (a news sentence keeps the dictionary's DEPART FOR reading)."""
    return tok.lower_ in DEPART and not sentence_mode


def _no_journey(clause: Clause) -> bool:
    """A verb of going that moves nobody: "when it comes to Afghanistan" (a topic), "let me go to Iran"
    (a speaker turning to a question)."""
    tok = clause.trigger.token
    if any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "this", "that") for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("ccomp", "xcomp") and head.lower_ in ("let", "lets") and any(
        c.lower_ in ("me", "us", "'s") for c in (*head.children, *tok.children))


def code(clause: Clause, ctx: Context, sent: Span, cameo: str) -> list[Event]:
    status = status_of(clause)
    if status is None or ((clause.trigger.motion or clause.trigger.block in MOTION_BLOCKS) and _no_journey(clause)):
        return []
    phone = _phone(clause, sent) or cameo.startswith("041")
    type_ = "AGREE" if ctx.sentence_mode and status == "planned" else "CONSULT"
    # ("visit X for talks", VISIT * FOR TALKS [046], is still a visit: the visitor acts, the host receives)
    visit = cameo.startswith("042") or (clause.trigger.block == "VISIT" and not clause.trigger.nominal)
    hosting = cameo.startswith("043") or (cameo == "036" and clause.trigger.block == "HOST")  # "will host"
    if hosting and not phone:  # hosting: the guests visit the subject
        visitors = dedupe([*clause.targets, *clause.with_("to")])
        hosts: list[Mention] = clause.doers
        if _hosts_an_event(clause) or (visitors and all(v.code.startswith("IGO:") for v in visitors)):
            # "India will host the Quad summit", "hosting Quad leaders": the text's other party comes (an
            # event hosted in the past with no guest named, "we hosted the inaugural summit in 1994", names
            # no visit of the text's pair)
            visitors = [Mention(c, "group") for c in ctx.res.group if c not in {h.code for h in hosts}] \
                if status == "planned" or visitors else []
        place = place_of_clause(ctx, clause) or (country_place(ctx.gaz, hosts[0].code) if hosts else None)
        date = event_date(ctx, clause, status)
        ev = make_event(ctx, clause, sent, type_, "042", visitors, hosts[:1], mode="visit", status=status,
                        date=date, place=place)
        return [ev] if ev else []
    motion = clause.trigger.motion
    # (a verb of talking whose pattern took "to" takes its partner there as with "with": "spoke to President Ruto";
    # in a readout any verb of speaking does: "talked to X about Y", not "discussed their bid to the ICJ")
    doc = clause.trigger.token.doc
    talk = ("to",) if clause.trigger.block == "CONFER" and (
        (not ctx.sentence_mode and clause.trigger.token.lower_ in SPEAKING) or any(
            doc[i].lower_ == "to" for i in clause.trigger.covered)) else ()
    # ("will depart Honiara for Vanuatu": what one leaves is no partner; where one leaves for is where one goes)
    partners = dedupe([*clause.with_("with", "between", "among", "and", CONVENED, *talk),
                       *([] if visit or departs(clause.trigger.token, ctx.sentence_mode) else clause.targets)])
    if not clause.doers and clause.trigger.nominal and clause.with_("with") and not ctx.sentence_mode:
        # "A conversation took place with President Biden": the text's own voice had it
        speaker = ctx.parties.speaker(clause.trigger.token, plural=False)
        clause = Clause(clause.trigger, speaker, clause.targets, clause.owners, clause.prep, clause.mood,
                        clause.negated, clause.when, clause.verb, clause.near_owners)
    if not phone and (visit or motion or not partners):
        # ("attended the summit in Rio", ATTEND * SUMMIT [044]: a meeting elsewhere is a visit to where it is)
        stops = _destinations(clause, ctx, [m.code for m in clause.doers], objects=visit or (
            clause.trigger.block in MOTION_BLOCKS and cameo.startswith("044") and not partners))
        home = _home_for(clause, ctx) if not stops and visit and not motion else None
        homed = home is not None
        if home is not None:
            stops = [(Mention(home, "country"), None)]
        if stops and not clause.doers and not ctx.sentence_mode:
            # "On this visit to Laos, Thailand and Vietnam", "my visit to X": the speaker's own trip, when the
            # text speaks as one state and the trip goes elsewhere
            own = ctx.res.author or (ctx.res.we[0] if len(ctx.res.we) == 1 else None)
            tok = clause.trigger.token
            if own and clause.trigger.nominal and own not in {h.code for h, _s in stops} and any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("this", "my", "our") for c in tok.children):
                clause = replace(clause, doers=[Mention(own, "group", None, tok.i)])
            elif clause.trigger.nominal and tok.dep_ == "pobj" and tok.head.lower_ in ("for", "on") \
                    and _sets_off(tok.head.head):
                # "X leaves tomorrow for a two-day visit to Indonesia": the visit is the one who sets off
                goers = [m for sub in subjects(tok.head.head) for m in ctx.parties.of_np(sub)
                         if m.code not in {h.code for h, _s in stops}]
                if goers:
                    clause = replace(clause, doers=goers)
        if stops:  # a visit, or a trip of several stops: one visit to each
            date = event_date(ctx, clause, status, span=len(stops) > 1)
            out = []
            owns = {h.code: d for h, _s in stops if status == "planned" and not ctx.sentence_mode
                    and (d := _stop_date(h, ctx)) is not None}
            if len(stops) > 1 and list(owns) == [stops[-1][0].code]:
                owns = {}  # "will travel to A, B and C March 26-30": the days after the list are the trip's
            for k, (host, stop) in enumerate(stops):
                own = owns.get(host.code)
                if own is None and k > 0 and date and len(date) == 10 and status == "planned":
                    # "will be leaving tomorrow for A, B and C": the day is the first stop's; the later ones
                    # are within that month's trip
                    own = date[:7]
                where = stop if stop is not None and stop.country == host.code else country_place(ctx.gaz, host.code)
                ev = make_event(ctx, clause, sent, type_, "042", clause.doers, [host], mode="visit", status=status,
                                date=own or date, place=where)
                if ev:
                    out.append(ev)
                    if homed:
                        ctx.homed.add(id(ev))
            return out
        held_by = [m for m in clause.owners if m.code.startswith("IGO:") and m.code not in {d.code for d in clause.doers}]
        if held_by and clause.trigger.block in MOTION_BLOCKS and cameo.startswith("044") and not partners \
                and not ctx.sentence_mode:
            # "will attend the NATO Summit next week": taking part in an organisation's gathering is meeting the
            # organisation, where the gathering is
            ev = make_event(ctx, clause, sent, type_, cameo, clause.doers, held_by[:1], status=status,
                            date=event_date(ctx, clause, status), place=place_of_clause(ctx, clause))
            return [ev] if ev else []
        if (visit or motion) and not ctx.sentence_mode and not clause.with_(CONVENED):
            return []  # (not "attended the dinner hosted by X": its host met the guest where it was)
    date = event_date(ctx, clause, status)
    participants = dedupe([*clause.doers, *partners])
    idx = clause.trigger.token.idx
    dialogue = len(ctx.res.speakers) >= 2 and ctx.res.speaker_at(idx) is not None
    if len(participants) == 1 and dialogue and _with_you(clause):
        # "we discussed it with you", in a transcript: the one spoken to, the other turn's speaker
        participants = dedupe([*participants, Mention(ctx.res.addressee_at(idx) or "", "group")])
    elif len(participants) == 1 and dialogue and _we_meet(clause):
        # "our talks today", "we will discuss the details", in a transcript: those who speak in it (a
        # dialogue of one state's officials is no event between states)
        participants = dedupe([*participants, *speakers_met(clause, ctx)])
    elif len(participants) == 1 and _we_meet(clause) and len(ctx.res.group) >= 2:
        # "we will meet in Beijing", said to the counterpart: the speaker's side and the one addressed
        participants = dedupe([*participants, *(Mention(c, "group") for c in ctx.res.group)])
    place = None if phone else place_of_clause(ctx, clause)
    states = [m for m in participants if not m.code.startswith("IGO:")]
    if place is not None and place.country and len(states) == 2 and place.country in {m.code for m in states}:
        # a meeting in one party's country is a visit to it (PLOVER: the visitor is the actor)
        host = next(m for m in states if m.code == place.country)
        guest = [m for m in participants if m.code != host.code]
        ev = make_event(ctx, clause, sent, type_, "042", guest, [host], mode="visit", status=status, date=date,
                        place=place)
        return [ev] if ev else []
    if place is None and not phone and status == "occurred" and date == ctx.anchor:
        place = ctx.place
    code_ = "041" if phone else ("046" if cameo.startswith("046") else "040")
    # (an organisation's official met in such a list is a meeting with the organisation)
    listed = [m for m in partners if m.code not in {d.code for d in clause.doers}
              and (not m.code.startswith("IGO:") or m.kind == "person")]
    one_call = clause.trigger.nominal and clause.trigger.token.tag_ in ("NN", "NNP") \
        and clause.trigger.token.lower_ not in SEPARATE_NOUNS  # "a Call with A, B, C and D": one, all on it
    if clause.doers and ((len(listed) >= 3 and not one_call) or (len(listed) == 2 and _separate(clause))):
        # "spoke with President Macron, Scholz, Rutte and President Biden": one conversation after another
        out = []
        for m in listed:
            ev = make_event(ctx, clause, sent, type_, code_, [*clause.doers, m], [], mode="phone" if phone else None,
                            status=status, date=date, place=place)
            if ev:
                out.append(ev)
        return out
    ev = make_event(ctx, clause, sent, type_, code_, participants, [], mode="phone" if phone else None,
                    status=status, date=date, place=place)
    return [ev] if ev else []


def stay_day(ev: Event, sents: list[Sent], ctx: Context) -> tuple[str, Place | None] | None:
    """The day a planned visit dated no closer than a month begins, from a sentence saying the
    visitor "will be in" the host country or one of its cities then ("will make a State visit to
    Australia in our Bicentennial year. He will be in Australia from 10-17 October"): presence in
    a place is no event of its own, but it dates the visit there, and a city named places it."""
    if ev.mode != "visit" or ev.status != "planned" or (ev.date and len(ev.date) == 10) or len(ev.recipient) != 1:
        return None
    host = ev.recipient[0]
    for s in sents:
        for tok in s.span:
            if tok.lower_ != "be" or not any(a.lower_ in ("will", "shall") for a in children(tok, "aux")):
                continue
            there = [o for p, o in preps(tok) if p == "in"]
            cities = [pl for o in there if (pl := ctx.place_at.get(o.i)) is not None and pl.country == host]
            if not cities and not any(host in {m.code for m in ctx.parties.of_np(o)} for o in there):
                continue
            who = subjects(tok)
            if not who or not all(t.tag_ == "PRP" or set(m.code for m in ctx.parties.of_np(t)) <= set(ev.actor)
                                  for t in who):
                continue
            day = tensed(clause_time(tok, s.span, s.time_roots), True)
            if day is not None and len(day.value) == 10 and (not ev.date or day.value.startswith(ev.date)):
                return day.value, next((c for c in cities if c.name), None)
    return None
