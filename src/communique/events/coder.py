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
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from spacy.tokens import Doc, Span

from communique.events import agreements, attendees, honours, material, meetings, partnerships, statements
from communique.events.clause import Clause, read_clause
from communique.events.common import Context, event_date, evidence, make_event, plover_type
from communique.events.lexicon import Lexicon, Trigger, load_lexicon
from communique.events.parse import is_verb, negated, subjects
from communique.events.parties import Mention, Parties
from communique.events.places import index_places, place
from communique.events.sentences import Sent, sentences
from communique.records import Agreement, Event, Evidence, Partnership, Place
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import Gazetteer, fold, read_jsonl

JOINT_TITLE = re.compile(r"^(?:Joint|Trilateral|Quad)\s+(?:Leaders[’']?\s+|Press\s+|Media\s+)?(?:Statement|Declaration|"
                         r"Communiqu|Release)", re.I)
#: sentence-mode reading of PLOVER: future cooperative acts are intents (AGREE)
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: support verbs whose event noun object carries the meaning (the lexicon's light verbs, and verbs of expressing)
LIGHT_VERBS = frozenset({"express", "expressed", "expresses", "expressing", "voice", "voiced", "voices", "extend",
                         "extended", "extends", "convey", "conveyed", "conveys", "reiterate", "reiterated",
                         "reiterates", "reaffirm", "reaffirmed", "reaffirms", "offer", "offered", "offers",
                         "give", "gave", "given", "gives", "lodge", "lodged", "issue", "issued", "issues",
                         "deliver", "delivered", "make", "made", "makes", "pay", "paid", "pays"})
#: PLOVER AGREE: "agree to, offer, promise, or otherwise indicate willingness or commitment to" act
COMMISSIVE = frozenset({"agree", "agreed", "agrees", "agreeing", "promise", "promised", "promises", "pledge",
                        "pledged", "pledges", "vow", "vowed", "vows", "commit", "committed", "commits", "offer",
                        "offered", "offers", "undertake", "undertook", "undertakes", "ready", "willing",
                        "prepared", "determined", "intend", "intends", "intended", "plan", "plans", "planned",
                        "planning", "readiness", "willingness", "commitment", "intention"})
INTENT_SOURCE = "PLOVER_MANUAL.tex:347 AGREE (commitment)"
#: verbs of commitment between parties: their complement is promised even when it names no event
PROMISE = frozenset({"agree", "agreed", "agrees", "pledge", "pledged", "pledges", "promise", "promised", "promises",
                     "commit", "committed", "commits", "vow", "vowed", "vows", "undertake", "undertook"})
#: the intent code of each cooperative CAMEO family (CAMEO 03: express intent to ...); conflict -> threaten
INTENT_CODE = {"03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
#: a noun trigger names an event only in these positions (else it is talked about)
NOUN_EVENT_DEPS = frozenset({"ROOT", "dobj", "nsubjpass", "nsubj", "pobj", "conj", "appos", "attr"})


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
    events: dict[tuple[str, frozenset[str], str], Event] = field(default_factory=dict)
    from_title: set[int] = field(default_factory=set)

    def add(self, ev: Event, headline: bool = False) -> None:
        k = ev.key()
        if ev.date is None and not self.sentence_mode:  # an undated report joins the same event told elsewhere
            same = [x for x in self.events.values() if x.key()[:2] == k[:2]]
            if same:
                if ev.evidence not in same[0].evidence_all:
                    same[0].evidence_all.append(ev.evidence)
                return
        old = self.events.get(k)
        if old is None:
            ev.evidence_all = [ev.evidence]
            self.events[k] = ev
            if headline:
                self.from_title.add(id(ev))
        else:
            if ev.evidence not in old.evidence_all:
                old.evidence_all.append(ev.evidence)
            if not old.recipient and ev.recipient:  # a directed report says who acted on whom
                old.actor, old.recipient, old.cameo, old.mode = ev.actor, ev.recipient, ev.cameo, ev.mode
            if not old.place and ev.place:
                old.place = ev.place
            for p in ev.people:
                if p not in old.people:
                    old.people.append(p)


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
                t = self.lex.verb(tok, span)
                if t is None:
                    continue
                t = self._light(t)
                meeting = (t.code or "")[:3] in CONSULT_CODES
                nouns = [tok.doc[i] for i in t.covered if i != tok.i] if meeting else []
                if any(self.lex.noun(n) is not None and _names_parties(n) for n in nouns):
                    continue  # "announced the upcoming visit of X to Y": the noun tells the meeting
                out.append(t)
                covered |= t.covered
        for tok in span:
            if tok.i in covered or is_verb(tok):
                continue
            t = self.lex.noun(tok)
            if t is None or t.token.dep_ not in NOUN_EVENT_DEPS:
                continue
            if not self.sentence_mode and not (t.code or "").startswith("04"):
                continue  # in readouts a noun names a meeting; other nouns are talked about
            if any(i in covered for i in t.covered):
                continue
            out.append(t)
            covered |= t.covered
        return self._intents(out)

    def _light(self, t: Trigger) -> Trigger:
        """A support verb with an event noun as object ("expressed support for", "extended
        condolences", "held talks"): the noun says what the act is, so its code wins."""
        tok = t.token
        if tok.lower_ not in LIGHT_VERBS:
            return t
        for o in tok.children:
            if o.dep_ == "dobj":
                n = self.lex.noun(o)
                if n is not None and n.code and (n.code or "")[:2] != (t.code or "")[:2]:
                    return Trigger(tok, n.code, None, f"{n.source} (noun of the support verb '{tok.text}')", False,
                                   t.covered | {o.i})
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
                out[out.index(t)] = composed
                by_token[tok.i] = composed
        for t in list(out):
            tok = t.token
            head = tok.head
            if tok.dep_ == "pcomp" and head.lower_ == "to" and head.head is not head:
                head = head.head  # "committed to strengthening"
            elif tok.dep_ != "xcomp":
                continue
            if head.lower_ not in COMMISSIVE or not t.code or head.i == tok.i:
                continue
            root = t.code[:2]
            if root == "04" and not self.sentence_mode:
                continue
            code = INTENT_CODE.get(root, "130" if root >= "09" else "030")
            composed = Trigger(head, code, None, f"{INTENT_SOURCE} + {t.source}", False,
                               frozenset({head.i}))
            old = by_token.get(head.i)
            if old is not None:
                out.remove(old)
            by_token[head.i] = composed
            out.append(composed)
        return out

    def read(self, sents: list[Sent], parties: Parties) -> list[Found]:
        return [Found(s, t, read_clause(t, parties, s.span, s.time_roots)) for s in sents for t in self.triggers(s)]

    # ------------------------------------------------------------ dispatch

    def events_of(self, f: Found, ctx: Context) -> tuple[list[Event], list[Agreement]]:
        trig, clause, span = f.trigger, f.clause, f.sent.span
        if trig.source.startswith(INTENT_SOURCE):  # "ready to expand cooperation with X": X is the partner
            for inner in trig.token.children:
                if inner.dep_ in ("xcomp", "prep") and inner is not trig.token:
                    c2 = read_clause(Trigger(inner, None, None, "inner", False, frozenset({inner.i})), ctx.parties,
                                     span, f.sent.time_roots)
                    clause = Clause(trig, clause.doers, [*clause.targets, *c2.targets],
                                    [*clause.owners, *c2.owners], {**c2.prep, **clause.prep}, clause.mood,
                                    clause.negated, clause.when or c2.when, clause.verb)
        out: list[Event] = []
        ags: list[Agreement] = []
        readings: list[tuple[str, Clause]] = []
        if trig.code and trig.paired and trig.paired == trig.code:
            joint = Clause(trig, [*clause.doers, *clause.targets], [], clause.owners, clause.prep, clause.mood,
                           clause.negated, clause.when, clause.verb)
            readings.append((trig.code, clause if trig.code.startswith("04") else joint))
        else:
            if trig.code:
                readings.append((trig.code, clause))
            if trig.paired:  # the reversed event: the object acts on the subject ("faces calls from")
                readings.append((trig.paired, Clause(trig, clause.targets or clause.owners, clause.doers, [],
                                                     clause.prep, clause.mood, clause.negated, clause.when,
                                                     clause.verb)))
        for code, c in readings:
            type_ = plover_type(code, ctx.sentence_mode)
            if type_ is None:
                continue
            if type_ == "CONSULT":
                out += meetings.code(c, ctx, span, code)
            elif type_ == "AGREE":
                evs, a = agreements.code(c, ctx, span, code)
                out += evs
                ags += a
            elif type_ in statements.TYPES:
                out += statements.code(c, ctx, span, type_, code)
            elif type_ in material.TYPES:
                out += material.code(c, ctx, span, type_, code)
        if ctx.sentence_mode:
            for ev in out:
                if ev.status == "planned" and ev.type in FUTURE_TO_AGREE:
                    ev.type = "AGREE"
        return out, ags

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
        lead = self._lead_meeting(found, body)
        if lead and len(lead) > len(res.group) and set(res.group) <= set(lead):
            res.group = lead  # "the leaders" of a three-way call are all three
            parties.group = [Mention(c, "group") for c in lead]
        ctx.anchor = self._anchor(found, body, published)
        ctx.planned = self._planned(found, body)
        ctx.place = self._main_place(found, body, ctx, location)

        events = EventSet(self.sentence_mode)
        ags: list[Agreement] = []
        if self.sentence_mode:
            found = self._main_clause(found, ctx)
        for f in found:
            evs, a = self.events_of(f, ctx)
            ags += a
            for ev in evs:
                if f.sent is headline:  # a headline has no tense: its events join the body's report
                    ev.date, ev.place = None, None
                events.add(ev, headline=f.sent is headline)
        for s in sents:
            for ev in self._demands(s, ctx):
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
        facts = self._facts(sents, ctx, events)
        self._undated(events, ctx)
        self._direct_visits(events, ctx)
        return {"events": list(events.events.values()), "agreements": ags, **facts}

    def _facts(self, sents: list[Sent], ctx: Context, events: EventSet) -> dict[str, list[Any]]:
        ps: list[Partnership] = []
        earlier: dict[frozenset[str], int] = {}
        hs, invs, atts, coop = [], [], [], []
        for s in sents:
            ps += partnerships.find(s.span, ctx, ctx.anchor, earlier)
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
            if not is_verb(tok) or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in tok.children):
                continue
            addressed = [m for n in tok.children if n.dep_ == "nsubj" for m in ctx.parties.of_np(n)]
            if not addressed or negated(tok):
                continue
            head = tok
            while head.dep_ in ("ccomp", "conj") and head.head is not head:
                head = head.head
            if head is tok:
                speaker = ctx.parties.speaker(tok)
            else:
                speaker = [m for sub in subjects(head) for m in ctx.parties.of_np(sub)]
            speaker = [m for m in speaker if m.code not in {a.code for a in addressed}]
            if not speaker:
                continue
            trig = Trigger(tok, "100", None, "PLOVER_MANUAL.tex:572 REQUEST (deontic 'must')", False, frozenset({tok.i}))
            clause = read_clause(trig, ctx.parties, s.span, s.time_roots)
            if clause.mood.kind == "irrealis" and clause.mood.cue not in ("must", "should"):
                continue
            date = clause.when.value if clause.when is not None and not clause.when.future else ctx.anchor
            ev = make_event(ctx, clause, s.span, "REQUEST", "100", speaker, addressed, date=date)
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
                if tok.i in done or tok.lower_ not in agreements.ADOPT_VERBS | agreements.WITNESS_VERBS or not is_verb(tok):
                    continue
                trig = Trigger(tok, None, None, "adopt verbs (GUIDELINES.md)", False, frozenset({tok.i}))
                c = read_clause(trig, ctx.parties, s.span, s.time_roots)
                if c.mood.kind != "realis" or c.negated:
                    continue
                out += agreements.agreements_of(tok, ctx, s.span, c.doers, c.with_("with", "between"),
                                                event_date(ctx, c, "occurred"))
        return out

    # ------------------------------------------------------------ document-level readings

    def _lead_meeting(self, found: list[Found], body: list[Sent]) -> list[str]:
        """The parties of the first meeting or call the text tells of."""
        first = {id(s) for s in body[:4]}
        for f in found:
            if id(f.sent) in first and f.trigger.code and plover_type(f.trigger.code, False) == "CONSULT":
                ps = [m.code for m in [*f.clause.doers, *f.clause.targets, *f.clause.with_("with", "between")]]
                states = list(dict.fromkeys(c for c in ps if not c.startswith("IGO:")))
                if len(states) >= 2 and f.clause.mood.kind == "realis":
                    return states
        return []

    def _anchor(self, found: list[Found], body: list[Sent], published: str | None) -> str | None:
        """The day the document's main events happened: the date of the first meeting or call an
        early sentence dates, else a recent past date opening one of the first sentences."""
        first = [id(s) for s in body[:3]]
        for f in found:
            if id(f.sent) not in first or not f.trigger.code or plover_type(f.trigger.code, False) != "CONSULT":
                continue
            w = f.clause.when
            if w is not None and _recent(w.value, published) and w.future is False:
                return w.value
            if f.clause.mood.kind == "realis":
                break
        for i, s in enumerate(body[:3]):
            for t in s.times:
                if ((i == 0 and not t.relative) or t.start <= 60) and _recent(t.value, published) and t.future is False:
                    return t.value
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
        for name in re.findall(r"[A-Z][\w.'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]+)*", title):
            pre = title[:title.find(name)]
            if re.search(r"\b(?:in|at|on|regarding|about|concerning)\s+(?:the\s+)?(?:[A-Z][\w ]+,\s*)?$", pre):
                continue
            for cand in (name, name.split(" of ")[-1], name.split()[-1]):
                c = self.gaz.country(cand) or self.gaz.org(cand)
                if c:
                    codes.append(c)
                    break
        codes = list(dict.fromkeys(c for c in codes if not c.startswith("IGO:")))
        for sent in sents[:3]:
            if len(codes) >= 2:
                break
            codes = list(dict.fromkeys([*codes, *(c for _, _, c in sent.parties if not c.startswith("IGO:"))]))
        if len(codes) < 2:
            return None
        kind = "joint declaration" if "declaration" in title.lower() else "joint statement"
        return Agreement(title=title.strip(), kind=kind, parties=sorted(codes), date=published,
                         evidence=evidence(sents[0].span))

    def _undated(self, events: EventSet, ctx: Context) -> None:
        """An undated report joins a dated twin; a headline's event alone happened on the main day."""
        evs = events.events
        for k in [k for k, ev in evs.items() if not ev.date]:
            titled = id(evs[k]) in events.from_title and evs[k].status == "occurred"
            twin = next((x for x in evs.values() if x.date and x.key()[:2] == k[:2]
                         and (not titled or x.date == ctx.anchor)), None)
            if twin is not None:
                twin.evidence_all.extend(e for e in evs.pop(k).evidence_all if e not in twin.evidence_all)
            elif titled:
                ev = evs.pop(k)
                ev.date, ev.place = ctx.anchor, ctx.place if ev.mode != "phone" else None
                evs.setdefault(ev.key(), ev)

    @staticmethod
    def _direct_visits(events: EventSet, ctx: Context) -> None:
        """A meeting between two parties held in one party's country is a visit to it (PLOVER)."""
        place_ = ctx.place
        if place_ is None or not place_.country or ctx.sentence_mode:
            return
        for ev in list(events.events.values()):
            if (ev.type == "CONSULT" and not ev.recipient and len(ev.actor) == 2 and place_.country in ev.actor
                    and ev.mode != "phone" and ev.status == "occurred" and ev.date == ctx.anchor):
                ev.actor = [c for c in ev.actor if c != place_.country]
                ev.recipient = [place_.country]
                ev.mode, ev.cameo = "visit", "042"
                if ev.place is None:
                    ev.place = place_


REPORTING = frozenset({"say", "said", "says", "saying", "told", "tell", "tells", "stated", "states", "added",
                       "announced", "announces", "reported", "reports", "according", "noted", "declared",
                       "claimed", "claims", "insisted", "stressed", "explained", "confirmed", "quoted"})


def _clause_depth(tok: Any) -> int:
    """How many clauses down a trigger sits (0: the main clause), a reporting verb's clause not counted."""
    depth = 0
    t = tok
    for _ in range(30):
        if t.head is t:
            break
        parent = t.head
        if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj") and is_verb(parent) \
                and parent.lower_ not in REPORTING:
            depth += 1
        t = parent
    return depth


CONSULT_CODES = frozenset({"036", "040", "041", "042", "043", "044", "045", "046"})


def _names_parties(noun: Any) -> bool:
    """An event noun that says who takes part: "the visit of X to Y", "talks with X", "X's visit"."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "with", "between", "by"))
               for c in noun.children)


def _recent(value: str, published: str | None) -> bool:
    if len(value) != 10 or not published or len(published) != 10 or value > published:
        return False
    return (Date.fromisoformat(published) - Date.fromisoformat(value)).days <= 45


def _dummy_clause(found: list[Found], span: Span) -> Clause:
    tok = span[0]
    return Clause(Trigger(tok, None, None, "fact", False), [], [], [])


def _dedupe_agreements(ags: list[Agreement]) -> list[Agreement]:
    seen: set[tuple[str, frozenset[str], str | None]] = set()
    out = []
    for a in ags:
        k = (fold(a.title), frozenset(a.parties), a.date)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out


__all__ = ["Coder", "EventSet", "Evidence"]
