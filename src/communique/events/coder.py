"""Event and fact coding: sentences with resolved parties -> events, agreements, partnerships, ...

Trigger words and patterns live in data files (`event_triggers.jsonl`, `agreement_kinds.jsonl`,
`partnership_levels.jsonl`, `cooperation_areas.jsonl`, `venues.jsonl`), as CAMEO verb
dictionaries do; this module holds only the shapes of the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import SENT_START
from spacy.tokens import Doc

from communique.events.dates import TIME_HINT, TimeRef, find_times
from communique.records import (
    Agreement,
    Attendee,
    CooperationArea,
    Event,
    Evidence,
    Honour,
    Invitation,
    Partnership,
    Place,
)
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import Gazetteer, fold, read_jsonl

GROUP = re.compile(r"\b(?:the two (?:leaders|sides|presidents|heads of state|countries|nations|ministers|"
                   r"governments|delegations)|both (?:leaders|sides|countries|presidents)|the leaders|they|"
                   r"the parties|both|we|our|my)\b|\bI\b", re.I)
IRREALIS = re.compile(r"\b(?:would|could|should|might|importance of|propos\w*|ready to|willing to|calls? for|called for|hope\w*|wish\w*|seek\w*|possib\w+|starting|to start|prospects? of)\b[^.;]{0,50}$", re.I)
IRREALIS_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:would|could|might|may) (?:be|become|take|resume|start)\b", re.I)
INTENT = re.compile(r"\b(?:to|efforts to|ways to|plans? to|seek(?:s|ing)? to|aim(?:s|ed)? to|in order to)\s+$", re.I)
SPEECH = re.compile(r"\b(?:said|says|stated|reiterated|declared|insisted|stressed|warned|told|added|noted|argued)\b", re.I)
AIM_CHAIN = re.compile(r"\b(?:efforts?|ways?|plans?|aims?|seeks?|seeking|commitment|ready|working|steps) to\b", re.I)
NOMINAL = re.compile(r"\b(?:of|after|amid|during|following|despite)\s+(?:the\s+)?$", re.I)
REPORTED = re.compile(r"\b(?:(?:progress|results?|outcomes?|course|state|status|prospects?|resumption|round|goal|aim)s? (?:of|in|at)|"
                      r"about|regarding|concerning|on) (?:the )?(?:[\w’'‒–-]+ ){0,3}$", re.I)
PARTNER_HINT = re.compile(r"partner|allian|\bally\b|relationship|relations\b|cooperation", re.I)
PRESENCE = re.compile(r"\b(?:in the presence of|witnessed by|hosted by|facilitated by|mediated by|with the support of)\b", re.I)
FUTURE = re.compile(r"\b(?:will|shall|plans? to|planned|intends? to|is to|are to|expected to|upcoming|"
                    r"forthcoming|scheduled|to visit|would visit|set to|invited|invitation|look(?:s|ed)? forward "
                    r"to|agreed to meet|next (?:year|month|week)|later this)\b", re.I)
NEGATED = re.compile(r"\b(?:not|never|no|refused to|declined to|failed to)\s+(?:\w+\s+)?$", re.I)
HYPHEN_DYAD = re.compile(r"(?P<a>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s?[-\u2013\u2014]\s?(?P<b>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+$")
CHANGE_UP = re.compile(r"\b(?:upgrad\w*|elevat\w*|rais(?:e|ed|ing)|lift(?:ed)?|new positioning|to a new level)\b", re.I)
CHANGE_EST = re.compile(r"\b(?:establish\w*|launch\w*|announc\w* (?:the )?(?:establishment|creation|formation)|"
                        r"form(?:ed|ing)? (?:a|an)|creat\w*|new era)\b", re.I)
COUNT = re.compile(r"\b(?:more than|over|some|nearly|about|around|a total of|a package of)?\s*"
                   r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                   r"thirty|forty|fifty|dozens of|a dozen)\s+(?:[\w-]+\s+){0,6}?(?:documents|agreements|"
                   r"memoranda|deals|accords|instruments)\b", re.I)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
           "a dozen": 12, "dozens of": 24}
HOST_FUTURE = re.compile(r"\b(?:will host|to host|hosting|host(?:s)? the|will hold|to hold)\b", re.I)
ATTEND = re.compile(r"\b(?:were|was) (?:also )?present\b|\battended by\b|\baccompanied by\b|\bjoined by\b", re.I)
INVITE = re.compile(r"\b(?:invit(?:ed|es|ation|ing)|(?:is|are) welcome to (?:attend|visit))\b", re.I)
COOP = re.compile(r"\bcooperat\w*|\bcollaborat\w*|\bpartnership|\bwork together|\bjoint efforts", re.I)
QUOTED = re.compile(r"[\"\u201c](?P<q>[^\"\u201d]{3,80})[\"\u201d]")
JOINT_TITLE = re.compile(r"^(?:Joint|Trilateral|Quad)\s+(?:Leaders[’']?\s+)?(?:Statement|Declaration|Communiqu)", re.I)
HONOUR_NAME = re.compile(r"(?:the\s+)?(?P<h>(?:[\"\u201c][^\"\u201d]+[\"\u201d]|(?:[A-Z][\w'-]*\s+){0,4}(?:Medal|Order|Prize|Award|Cross|Star))"
                         r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s?)+)?)")


#: event types a conditional or proposal ("would", "the importance of starting talks") does not make
IRREALIS_TYPES = {"CONSULT", "AGREE", "COOPERATE", "MOBILIZE", "ASSAULT", "COERCE", "AID", "SANCTION", "RETREAT"}

#: how far after its trigger the first target of a directed event may stand
TARGET_REACH = {"SUPPORT": 20, "REQUEST": 30, "ACCUSE": 35, "SANCTION": 60}

#: characters between a trigger and a time expression that still belong together
MAX_TIME_GAP = 70


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str
    cameo: str
    shape: str
    soft: bool
    pattern: re.Pattern[str]
    explicit_subject: bool = False
    broad: bool = False  # general-news vocabulary: its object must follow closely


@dataclass(frozen=True)
class Rules:
    triggers: list[Trigger]
    cameo: dict[str, dict[str, Any]]
    levels: list[tuple[re.Pattern[str], dict[str, Any]]]
    ladders: dict[str, dict[str, int]]  # normalised level -> family (CHN, USA, ..., GEN) -> rank
    kinds: list[tuple[str, re.Pattern[str]]]
    areas: list[tuple[str, re.Pattern[str], str]]
    venues: dict[str, dict[str, str]]
    venue_pattern: re.Pattern[str]


@cache
def load_rules() -> Rules:
    triggers = [Trigger(r["type"], r.get("mode", ""), r["cameo"], r["shape"], bool(r.get("soft")),
                        re.compile(r["pattern"], 0 if r.get("mode") == "host" else re.I),
                        bool(r.get("explicit_subject")), bool(r.get("broad")))
                for r in read_jsonl("event_triggers.jsonl")]
    cameo = {r["code"]: r for r in read_jsonl("cameo.jsonl")}
    level_rows = read_jsonl("partnership_levels.jsonl")
    forms: list[tuple[str, dict[str, Any]]] = []
    for r in level_rows:
        if "community" in r["level"]:  # declared on top of a partnership, not a partnership level
            continue
        for form in [r["level"], *r.get("aliases", [])]:
            forms.append((form, r))
    forms.sort(key=lambda f: -len(f[0]))
    ladders: dict[str, dict[str, int]] = {}
    for r in level_rows:
        ladders.setdefault(r["level"], {})[r["family"]] = r["rank"]
    seen: set[str] = set()
    levels = []
    for form, r in forms:
        if form.lower() in seen:
            continue
        seen.add(form.lower())
        pat = re.escape(form).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
        levels.append((re.compile(r"\b" + pat + r"s?\b", re.I), r))
    kinds = [(r["kind"], re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I)) for r in read_jsonl("agreement_kinds.jsonl")]
    areas = []
    for r in read_jsonl("cooperation_areas.jsonl"):
        for kw in r["keywords"]:
            areas.append((r["area"], re.compile(r"\b" + re.escape(kw) + r"\b", re.I), kw))
    venue_rows = read_jsonl("venues.jsonl")
    venues = {fold(v["name"]): v for v in venue_rows}
    vp = re.compile(r"\b(?:the\s+)?(" + "|".join(re.escape(v["name"]) for v in venue_rows) + r")\b")
    return Rules(triggers, cameo, levels, ladders, kinds, areas, venues, vp)


@dataclass
class Sent:
    start: int
    end: int
    text: str
    parties: list[tuple[int, int, str]]  # absolute offsets
    times: list[TimeRef]  # offsets relative to the sentence


class Coder:
    """Codes one document's sentences into events and diplomatic facts."""

    def __init__(self, gaz: Gazetteer, rules: Rules | None = None, single_party: bool = False) -> None:
        """`single_party` keeps events with one named party (a protest, a domestic arrest), as
        sentence-level event sets such as PLOVER-GSR code them; document extraction follows the
        guidelines, which want two parties of different states."""
        self.gaz = gaz
        self.rules = rules or load_rules()
        self.single_party = single_party
        # looked up once here, not per sentence
        self.sign = next((t for t in self.rules.triggers if t.type == "AGREE" and t.mode == "sign"), None)
        self.honour = next((t for t in self.rules.triggers if t.type == "SUPPORT"), None)
        self.consult = [t for t in self.rules.triggers if t.type == "CONSULT"]

    # ------------------------------------------------------------ helpers

    def _sents(self, doc: Doc, res: Resolved, published: str | None) -> list[Sent]:
        # sentence starts read as one array: iterating doc.sents builds a Span per sentence, slowly
        if len(doc) == 0:
            return []
        starts = [i for i, v in enumerate(doc.to_array([SENT_START])) if v == 1] or [0]
        text = res.text
        bounds = [doc[i].idx for i in starts] + [len(text)]
        spans = res.party_spans
        out = []
        j = 0
        for s, e in zip(bounds, bounds[1:], strict=False):
            raw = text[s:e]
            e = s + len(raw.rstrip())
            while j < len(spans) and spans[j][0] < s:
                j += 1
            k = j
            while k < len(spans) and spans[k][0] < e:
                k += 1
            parties = [(a, b, c) for a, b, c, _ in spans[j:k]]
            body = text[s:e]
            out.append(Sent(s, e, body, parties, find_times(body, published) if TIME_HINT.search(body) else []))
        return out

    def _ev(self, sent: Sent) -> Evidence:
        return Evidence(text=sent.text, start=sent.start, end=sent.end)

    def _cameo(self, code: str) -> dict[str, Any]:
        return self.rules.cameo.get(code) or self.rules.cameo.get(code[:3]) or self.rules.cameo.get(code[:2]) or {}

    @staticmethod
    def _uniq(xs: list[str]) -> list[str]:
        return list(dict.fromkeys(xs))

    def _group(self, sent: Sent, res: Resolved, lo: int = 0, hi: int | None = None) -> list[str]:
        """Parties a collective subject ('the two leaders', 'they', 'we') stands for."""
        seg = sent.text[lo:hi]
        m = GROUP.search(seg)
        if m is None:
            return []
        word = m.group(0).lower()
        if word in ("we", "our", "i", "my"):
            speaker = res.speaker_at(sent.start + lo + m.start())
            if speaker:
                return [speaker]
            return list(res.we) if word in ("we", "our") else []
        return list(res.group) if len(res.group) >= 2 else []

    def _subject(self, sent: Sent, rel: list[tuple[int, int, str]], at: int, res: Resolved) -> list[str]:
        """Who acts: the nearest party (with those joined to it by 'and') or collective word before `at`.

        A verb coordinated with an earlier one ("The Leaders applauded X's chairmanship and
        welcomed ...") shares that verb's subject: the one opening the sentence."""
        if re.search(r"\band\s+(?:also\s+)?$", sent.text[max(0, at - 10):at]):
            lead_words = re.match(r"\s*(?:[A-Z]\w*,?\s+){0,2}", sent.text)
            start = len(sent.text) - len(sent.text.lstrip())
            opening = GROUP.match(sent.text, start) or GROUP.match(sent.text, lead_words.end() if lead_words else 0)
            lead = [(a, b, c) for a, b, c in rel if a <= 40]
            if opening and opening.start() <= 40 and (not lead or opening.start() < lead[0][0]):
                return self._group(sent, res, opening.start(), opening.end())
            if lead and lead[0][0] <= 12 and not re.search(r"\bto\s+\w+", sent.text[lead[0][1]:at]):
                at = lead[0][1]  # "The Secretary thanked X ... and encouraged": the opening subject
        # a country after "in", "to", "from" is where, not who ("back in Tajikistan for a state visit")
        before = [(a, b, c) for a, b, c in rel
                  if b <= at and not re.search(r"\b(?:in|to|from|at|into|across|on)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$", sent.text[max(0, a - 24):a])]
        groups = list(GROUP.finditer(sent.text[:at]))
        if groups and (not before or groups[-1].start() > before[-1][0]):
            return self._group(sent, res, groups[-1].start(), groups[-1].end())
        if not before:
            return list(res.we[:1]) if res.we else res.main[:1]
        if before[0][0] <= 10 and re.fullmatch(r",[^,]{1,90},\s*(?:\w+\s+){0,3}", sent.text[before[0][1]:at]):
            return [before[0][2]]  # "Pakistan, a key U.S. ally in the war, has refused": the opening subject
        out = [before[-1][2]]
        for i in range(len(before) - 1, 0, -1):
            gap = sent.text[before[i - 1][1]:before[i][0]]
            if before[i - 1][2] == before[i][2] and re.fullmatch(r"(?:\s+[A-Z][\w.’'-]*)*\s*", gap):
                continue  # "Tajik President Emomali Rahmon": one actor named twice
            if re.fullmatch(r"(?:['’]s?)?(?:\s+and\s+(?:the\s+)?(?:(?:His|Her) (?:Majesty|Excellency)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}|\s+of\s+(?:the\s+)?)", gap) or not gap.strip():
                out.insert(0, before[i - 1][2])
            else:
                break
        return self._uniq(out)

    def _targets(self, sent: Sent, rel: list[tuple[int, int, str]], end: int, subject: list[str],
                 res: Resolved, reach: int) -> list[str]:
        """Whom an act is aimed at: parties named right after the trigger, within its clause.

        The first target must start before `reach`: "support for the ceasefire between Israel and
        Hamas" is support for a ceasefire, not for Israel."""
        window = sent.text[end:end + 120]
        stop = re.search(r";|\.\s|,\s+(?:and|while|but|which)\b|\s(?:and|but) (?:agreed|discussed|expressed|reaffirmed|said|noted|made|called|thanked|welcomed)\b", window)
        hi = end + (stop.start() if stop else len(window))
        found = [(a, b, c) for a, b, c in rel if end <= a < hi and c not in subject]
        if not found or found[0][0] > reach:
            return []
        if not found:
            return []
        out = [found[0][2]]
        for (_a1, b1, _c1), (a2, _b2, c2) in zip(found, found[1:], strict=False):
            if re.fullmatch(r"(?:['\u2019]s?)?(?:\s*,)?\s+and\s+(?:the\s+)?", sent.text[b1:a2]):
                out.append(c2)
            else:
                break
        states = [c for c in self._uniq(out) if not c.startswith("IGO:")]
        return states or self._uniq(out)

    def _time_for(self, sent: Sent, at: int) -> TimeRef | None:
        """The time expression governing a trigger at sentence offset `at`: the nearest, ahead first."""
        if not sent.times:
            return None
        after = [t for t in sent.times if t.start >= at]
        before = [t for t in sent.times if t.start < at]  # one overlapping the trigger counts as before
        cands = ([after[0]] if after else []) + ([before[-1]] if before else [])
        best = min(cands, key=lambda t: (t.start - at) if t.start >= at else max(0, at - t.end) * 1.5)
        gap = best.start - at if best.start >= at else max(0, at - best.end)
        # a date far from the trigger belongs to another clause ("an agreement of February 18, 2019"),
        # unless it opens the sentence ("Yesterday, ...", "On July 5, ...")
        if gap > MAX_TIME_GAP and best.start > 40:
            return None
        return best

    # ------------------------------------------------------------ the document

    def code(self, doc: Doc, res: Resolved, published: str | None, location: str | None = None,
             title: str | None = None) -> dict[str, list[Any]]:
        sents = self._sents(doc, res, published)
        body = sents[1:] if title and sents and sents[0].text.strip() == " ".join(title.split()) else sents
        anchor = self._meeting_date(body, res, published) or self._anchor(body, published)
        titled = self._titled_agreement(sents, res, title, published)
        if titled is not None or re.match(r"\s*We,\s", res.text):  # a text its parties speak together
            authors = titled.parties if titled else self._uniq(
                [c for _, _, c in sents[0].parties if not c.startswith("IGO:")]) if sents else []
            if len(authors) >= 2:
                res.we = authors
                res.group = authors
        place = self._main_place(sents, res, location, anchor)
        events: dict[tuple[str, frozenset[str], str], Event] = {}
        agreements: list[Agreement] = []
        partnerships: dict[tuple[frozenset[str], str], Partnership] = {}
        honours: list[Honour] = []
        invitations: list[Invitation] = []
        areas: dict[tuple[frozenset[str], str], CooperationArea] = {}
        attendees: list[Attendee] = []
        hosted: list[tuple[str, str | None]] = []  # (host, date) of announced summits

        def add(ev: Event) -> None:
            if not ev.actor and not (self.single_party and ev.recipient):
                return
            if not self.single_party:
                if len(set(ev.actor) | set(ev.recipient)) < 2 and ev.type in ("CONSULT", "AGREE", "COOPERATE"):
                    return
                if not ev.recipient and ev.type not in ("CONSULT", "AGREE", "COOPERATE", "RETREAT", "SUPPORT"):
                    return
                if len(set(ev.actor) | set(ev.recipient)) < 2:
                    return
                if ev.type == "SUPPORT" and not ev.recipient and len(set(ev.actor)) < 2:
                    return
            k = ev.key()
            if ev.date is None:  # a sentence without its own date joins the same event told elsewhere
                same = [x for x in events.values() if x.key()[:2] == k[:2]]
                if same:
                    same[0].evidence_all.append(ev.evidence)
                    return
            old = events.get(k)
            if old is None:
                ev.evidence_all = [ev.evidence]
                events[k] = ev
            elif ev.evidence not in old.evidence_all:
                old.evidence_all.append(ev.evidence)

        if titled is None and not re.match(r"\s*We,\s", res.text):
            meeting = self._lead_meeting(sents[:4], res, anchor, published)
            if len(meeting) > len(res.group) and set(res.group) <= set(meeting):
                res.group = meeting  # "the leaders" of a three-way call are all three
        headline = sents[0] if sents and body is not sents else None
        from_title: set[int] = set()
        for sent in sents:
            for ev in self._sentence_events(sent, res, anchor, published, place):
                if sent is headline:  # a headline has no tense: its events join the body's report
                    ev.date, ev.place = None, None
                    from_title.add(id(ev))
                add(ev)
            agreements.extend(self._agreements(sent, res, anchor, published))
            for p in self._partnerships(sent, res, anchor, published):
                k2 = (frozenset(p.parties), p.level_normalized)
                if k2 not in partnerships or (partnerships[k2].change == "reaffirmed" and p.change != "reaffirmed"):
                    partnerships[k2] = p
            honours.extend(self._honours(sent, res, anchor, published))
            for area in self._areas(sent, res):
                areas.setdefault((frozenset(area.parties), area.area), area)
            attendees.extend(self._attendees(sent, res))
            hosting = self._hosting(sent, res, published)
            if hosting:
                hosted.append(hosting)
                host, when = hosting
                others = [c for c in res.main[:2] if c != host]
                if others:
                    add(Event(type="CONSULT", mode="visit", cameo="042", actor=others[:1], recipient=[host],
                              date=when, status="planned", place=Place(country=host), trigger="host",
                              evidence=self._ev(sent), **self._cameo_fields("042")))
            invitations.extend(self._invitations(sent, res, hosted, published))

        if titled is not None:
            agreements.insert(0, titled)
        for ag in agreements:  # a signing is an AGREE event between its parties
            if len(ag.parties) >= 2:
                add(Event(type="AGREE", mode="sign", cameo="057", actor=sorted(ag.parties), date=ag.date,
                          status="occurred", place=place if ag.date == anchor else None, trigger="signed",
                          evidence=ag.evidence, **self._cameo_fields("057")))
        for h in honours:
            if h.conferred_by and h.recipient_country and h.conferred_by != h.recipient_country:
                add(Event(type="SUPPORT", mode="praise", cameo="051", actor=[h.conferred_by],
                          recipient=[h.recipient_country], date=h.date, status="occurred",
                          place=place if h.date == anchor else None, trigger="awarded", evidence=h.evidence,
                          **self._cameo_fields("051")))
        for k in [k for k, ev in events.items() if not ev.date]:  # an undated report of a dated event
            told_in_headline = id(events[k]) in from_title and events[k].status == "occurred"
            twin = next((x for x in events.values() if x.date and x.key()[:2] == k[:2]
                         and (not told_in_headline or x.date == anchor)), None)
            if twin is not None:
                twin.evidence_all.extend(events.pop(k).evidence_all)
            elif id(events[k]) in from_title and events[k].status == "occurred":
                ev = events.pop(k)  # only the headline tells it: it happened when the text says
                ev.date, ev.place = anchor, place if ev.mode != "phone" else None
                events.setdefault(ev.key(), ev)
        self._direct_visits(events, place, anchor)
        return {
            "events": list(events.values()),
            "agreements": self._dedupe_agreements(agreements),
            "partnerships": self._prune_levels(list(partnerships.values())),
            "honours": honours,
            "invitations": invitations,
            "cooperation": list(areas.values()),
            "attendees": attendees,
        }

    def _titled_agreement(self, sents: list[Sent], res: Resolved, title: str | None,
                          published: str | None) -> Agreement | None:
        """A document titled 'Joint Statement ...' or 'Joint Declaration ...' is itself an adopted text."""
        if not title or not JOINT_TITLE.match(title.strip()):
            return None
        lead = [s for s in sents[:3]]
        if not lead:
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
        codes = self._uniq([c for c in codes if not c.startswith("IGO:")])
        for sent in lead:
            if len(codes) >= 2:
                break
            codes = self._uniq(codes + [c for _, _, c in sent.parties if not c.startswith("IGO:")])
        if len(codes) < 2:
            return None
        kind = "joint declaration" if "declaration" in title.lower() else "joint statement"
        ev = Evidence(text=lead[0].text, start=lead[0].start, end=lead[0].end)
        return Agreement(title=title.strip(), kind=kind, parties=sorted(codes), date=published, evidence=ev)

    def _cameo_fields(self, code: str) -> dict[str, Any]:
        c = self._cameo(code)
        return {"goldstein": c.get("goldstein"), "quad_class": c.get("quad_class")}

    def _lead_meeting(self, sents: list[Sent], res: Resolved, anchor: str | None,
                      published: str | None) -> list[str]:
        """The parties of the first meeting or call the text tells of."""
        for sent in sents:
            for trig in self.rules.triggers:
                if trig.type != "CONSULT" or trig.shape != "meet":
                    continue
                m = trig.pattern.search(sent.text)
                if m:
                    for ev in self._code_trigger(trig, m, sent, res, anchor, published, None):
                        if ev.status == "occurred" and len(ev.actor) >= 2:
                            return [c for c in res.main if c in ev.actor] + [c for c in ev.actor if c not in res.main]
        return []

    def _meeting_date(self, sents: list[Sent], res: Resolved, published: str | None) -> str | None:
        """The day of the meeting or call an early sentence dates ("spoke yesterday with ...")."""
        consult = self.consult
        for sent in sents[:3]:
            hits = [m for m in (t.pattern.search(sent.text) for t in consult) if m]
            if not hits:
                continue
            m = min(hits, key=lambda h: h.start())  # the first sentence telling of a meeting decides
            wm = re.match(r"[^.;]{0,40}?\b(?:with|between)\b", sent.text[m.end():])
            if wm:  # a meeting with someone outside the document's main pair is another story
                partner = [c for a, _, c in sent.parties if m.end() + wm.end() <= a - sent.start <= m.end() + wm.end() + 80]
                if partner and res.group and not set(partner) <= set(res.group):
                    return None
            when = self._time_for(sent, m.start())
            if (when and len(when.value) == 10 and when.future is False and published
                    and when.value <= published and _days_between(when.value, published) <= 45):
                return when.value
            return None
        return None

    def _anchor(self, sents: list[Sent], published: str | None) -> str | None:
        """The date the document's main events happened: a recent past date in its first sentence,
        or opening one of the next two ("Yesterday, ...", "On July 5, ...")."""
        for i, sent in enumerate(sents[:3]):
            for t in sent.times:
                if (((i == 0 and not t.relative) or t.start <= 60) and len(t.value) == 10 and t.future is False and published
                        and t.value <= published and _days_between(t.value, published) <= 45):
                    return t.value
        return published

    def _main_place(self, sents: list[Sent], res: Resolved, location: str | None, anchor: str | None = None) -> Place | None:
        meeting = re.compile(r"\b(?:summit|visit|talks|met|meeting|welcome|arriv\w+|held)\b", re.I)
        for i, sent in enumerate(sents):
            if i >= 6 and not meeting.search(sent.text):
                continue
            if anchor and any(len(t.value) == 10 and t.value != anchor for t in sent.times):
                continue  # "Biden's March 23-24 visit ... in Ottawa": another day, another place
            m = self.rules.venue_pattern.search(sent.text)
            cands: list[tuple[int, str, str]] = []
            if m:
                v = self.rules.venues[fold(m.group(1))]
                cands.append((m.start(), v["city"], v["country"]))
            for s, _e, name, country in res.places:
                if sent.start <= s < sent.end:
                    pre = sent.text[max(0, s - sent.start - 100):s - sent.start]
                    if re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", pre) and meeting.search(pre):
                        cands.append((s - sent.start, name, country))
            if cands:
                _, name, country = min(cands)
                return self._place(name, country)
        for part in reversed(re.split(r"\s*,\s*", location or "")):  # "The Kremlin, Moscow"
            if len(part) < 3 or part.upper() == part:  # "NA": not available
                continue
            venue = self.rules.venues.get(fold(part.removeprefix("The ").removeprefix("the ")))
            if venue:
                return self._place(venue["city"], venue["country"])
            city = self.gaz.city(part.removesuffix(" Region"))
            if city:
                return self._place(city["name"], city["country"])
        return None

    def _sentence_place(self, sent: Sent, res: Resolved, lo: int, hi: int) -> Place | None:
        """A venue or 'in <City>' named in the sentence near the trigger at [lo, hi)."""
        lo, hi = max(0, lo - 40), hi + 100
        m = self.rules.venue_pattern.search(sent.text, lo, hi)
        if m:
            v = self.rules.venues[fold(m.group(1))]
            return self._place(v["city"], v["country"])
        for s, _e, name, country in res.places:
            if sent.start + lo <= s < sent.start + hi and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", sent.text[max(0, s - sent.start - 12):s - sent.start]):
                return self._place(name, country)
        return None

    def _place(self, name: str, country: str) -> Place:
        city = self.gaz.city(name, country)
        if city:
            return Place(name=name, country=country, lat=city["lat"], lon=city["lon"])
        return Place(name=name, country=country)

    # ------------------------------------------------------------ events

    def _sentence_events(self, sent: Sent, res: Resolved, anchor: str | None, published: str | None,
                         place: Place | None) -> list[Event]:
        out: list[Event] = []
        if not sent.parties and not GROUP.search(sent.text):
            return out  # every event needs a party named in its sentence or a collective subject
        seen_types: set[str] = set()
        for trig in self.rules.triggers:
            for m in trig.pattern.finditer(sent.text):
                if trig.type in seen_types and trig.shape != "visit":
                    break
                if NEGATED.search(sent.text[max(0, m.start() - 25):m.start()]):
                    continue
                if trig.mode == "sign":  # signings become AGREE events through the agreements they name
                    continue
                planned_visit = trig.shape == "visit" and re.search(r"\b(?:would|will|to)\s+$", sent.text[max(0, m.start() - 8):m.start()])
                if trig.type in IRREALIS_TYPES and not planned_visit and (IRREALIS.search(sent.text[max(0, m.start() - 60):m.start()])
                                                    or IRREALIS_AFTER.match(sent.text[m.end():m.end() + 50])):
                    continue
                if trig.shape == "directed" and trig.type != "REQUEST" and (
                        INTENT.search(sent.text[max(0, m.start() - 30):m.start()])
                        or (re.search(r"\band\s+$", sent.text[max(0, m.start() - 6):m.start()])
                            and AIM_CHAIN.search(sent.text[max(0, m.start() - 120):m.start()]))):
                    continue  # "efforts to hold X accountable", "efforts to restore ... and condemn": aims, not acts
                if (trig.type == "CONSULT" and re.fullmatch(r"(?i)talks|negotiations|meeting|summit|consultations|dialogue", m.group(0))
                        and REPORTED.search(sent.text[max(0, m.start() - 60):m.start()])
                        and not re.match(r"\s*(?:with|between)\b", sent.text[m.end():])):
                    continue  # "assessed the progress of the Russian-Ukrainian talks": talks told about, not held
                if trig.type == "CONSULT" and trig.mode == "meet" and HOST_FUTURE.search(sent.text):
                    continue  # an announced summit is coded once, as a planned visit to its host
                ev = self._code_trigger(trig, m, sent, res, anchor, published, place)
                for e in ev:
                    out.append(e)
                    seen_types.add(trig.type)
        return out

    def _code_trigger(self, trig: Trigger, m: re.Match[str], sent: Sent, res: Resolved, anchor: str | None,
                      published: str | None, place: Place | None) -> list[Event]:
        rel = [(a - sent.start, b - sent.start, c) for a, b, c in sent.parties]
        before = self._uniq([c for a, _, c in rel if a < m.start()])
        after = self._uniq([c for a, _, c in rel if a >= m.end()])
        group = self._group(sent, res)
        when = self._time_for(sent, m.start())
        tail = sent.text[m.start():m.start() + 160]
        future = bool(FUTURE.search(sent.text[max(0, m.start() - 100):m.end() + 40])) or bool(when and when.future)
        status = "planned" if future and trig.type in ("CONSULT",) else "occurred"
        if when is not None and status == "occurred" and when.relative and len(when.value) == 4:
            when = None  # "this year's summit": not the day of what happened
        if when is not None and not (status == "occurred" and when.future):
            date = when.value
        elif status == "planned":
            date = None
        else:
            date = anchor
        code = trig.cameo
        fields = self._cameo_fields(code)
        ev_place = self._sentence_place(sent, res, m.start(), m.end()) if status == "occurred" and trig.mode != "phone" else None
        if ev_place is None and date == anchor and status == "occurred" and trig.mode != "phone":
            ev_place = place
        base: dict[str, Any] = {"type": trig.type, "mode": trig.mode or None, "cameo": code, "status": status,
                                "date": date, "trigger": m.group(0), "evidence": self._ev(sent), **fields}
        subject = self._subject(sent, rel, m.start(), res)
        if trig.shape == "directed" and NOMINAL.search(sent.text[max(0, m.start() - 12):m.start()]):
            opening = [c for a, _, c in rel if a <= 40]
            if opening:  # "... after five days of fighting": the sentence's subject acts
                subject = opening[:1]
        if trig.explicit_subject and not self.single_party and not [c for a, b, c in rel if m.start() - 60 <= b <= m.start()]:
            return []  # violent or coercive acts need their doer named right before them
        if trig.shape == "visit":
            hosts = [c for c in after if c not in subject and not c.startswith("IGO:")]
            venue = self.rules.venue_pattern.search(tail)
            if not hosts and venue:
                hosts = [self.rules.venues[fold(venue.group(1))]["country"]]
            if not hosts:  # "arrived in Amman": the country of the city named after the trigger
                hosts = [c for s0, _e, _n, c in res.places
                         if m.end() <= s0 - sent.start <= m.end() + 30 and c not in subject][:1]
            if not hosts:
                others = [c for c in before + after if c not in subject and not c.startswith("IGO:")]
                hosts = others[:1]
            out = []
            for h in hosts:
                p = Place(country=h) if status == "planned" else (ev_place if ev_place and ev_place.country == h else None)
                out.append(Event(actor=list(subject), recipient=[h], place=p, **base))
            return out
        if trig.shape in ("meet", "together"):
            with_m = re.match(r"" if m.group(0).lower().endswith("with") else r"[\w\s-]{0,30}?\bwith\b",
                              sent.text[m.end():m.end() + 40])
            if with_m and trig.shape == "meet":
                lo = m.end() + with_m.end()
                stop = re.search(r";|\.\s|\b(?:on|via|about|to|in|regarding|during|for|and (?:made|discussed|agreed|expressed|reaffirmed))\b", sent.text[lo + 3:])
                hi = lo + 3 + stop.start() if stop else len(sent.text)
                partners = self._uniq([c for a, _, c in rel if lo <= a < hi])
                parties = self._uniq(subject + partners)
            elif trig.shape == "together":  # "the leaders agreed to ...": the subject, and partners after 'with'
                partners = []
                wm = re.match(r"[^.;]{0,40}?\bwith\b", sent.text[m.end():])
                if wm:
                    partners = [c for a, _, c in rel if m.end() + wm.end() <= a < m.end() + wm.end() + 60][:1]
                parties = self._uniq(subject + partners)
                states = [c for c in parties if not c.startswith("IGO:")]
                if len(states) >= 2:
                    parties = states
            else:
                joined = re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:between|among|of)\b", sent.text[m.end():m.end() + 30])
                if joined and re.search(r"between|among", joined.group(0)):
                    # "the April 26 meeting between Putin and Guterres": exactly those named
                    between = [c for a, _, c in rel if m.end() <= a <= m.end() + joined.end() + 80]
                    subject, objects = between[:1], between[1:]
                elif joined:
                    objects = after
                elif re.fullmatch(r"met|meets?", m.group(0).lower()):  # "X met Y": Y named right after
                    objects = [c for a, _, c in rel if m.end() <= a <= m.end() + 40
                               and re.fullmatch(r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}", sent.text[m.end():a])][:1]
                else:
                    objects = []
                witnessed = PRESENCE.search(sent.text, 0, m.start())
                # "We, ..., as witnessed by X and Y, having met ...": the witnesses took part too
                parties = self._uniq((before if witnessed else subject) + objects)
                if len(parties) < 2 or (group and GROUP.search(sent.text[:m.start()])):
                    parties = self._uniq(group + parties)
            states = [c for c in parties if not c.startswith("IGO:")]
            if trig.type == "CONSULT":
                if len(states) >= 2:
                    parties = states
                elif not (states and len(parties) >= 2) and not (self.single_party and parties):
                    return []  # two states, or a state meeting an organisation ("U.S.-ASEAN Summit")
            if trig.soft and len(parties) > 2 and not group:
                return []
            events = [Event(actor=sorted(parties), recipient=[], place=ev_place, **base)]
            presence = PRESENCE.search(sent.text)
            if presence and trig.shape == "meet":
                principals = self._uniq([c for a, _, c in rel if a < presence.start() and not c.startswith("IGO:")])
                if len(principals) < 2 and GROUP.search(sent.text[:presence.start()]):
                    principals = self._uniq(group + principals)
                if 2 <= len(principals) < len(parties):
                    events.insert(0, Event(actor=sorted(principals), recipient=[], place=ev_place, **base))
            return events
        # directed: the subject acts on the parties named right after the trigger
        if trig.shape == "demand_must":  # "the Burmese military must cease": the party before 'must' is addressed
            targets = [c for c in subject if c not in group]
            speech = list(SPEECH.finditer(sent.text[:m.start()]))
            speaker = self._subject(sent, rel, speech[-1].start(), res) if speech else []
            subject = [c for c in speaker if c not in targets] or group or res.we[:1] or res.main[:1]
        else:
            verb_end = m.start() + len(m.group(0).split()[0])
            reach = 25 if trig.broad else TARGET_REACH.get(trig.type, 60)
            if self.single_party:  # a news sentence names its target further on ("aid to refugees ... in Liberia")
                reach = 110
            targets = self._targets(sent, rel, verb_end, subject, res, m.end() + reach)
        if not targets:
            third = [c for c in self._uniq([c for _, _, c in rel]) if c not in subject and c not in res.group]
            targets = third if len(third) == 1 and trig.type in ("THREATEN", "ACCUSE", "SANCTION", "REQUEST") else []
        targets = [c for c in targets if c not in subject]
        if not targets and not self.single_party:
            return []
        return [Event(actor=sorted(set(subject)), recipient=targets, place=ev_place, **base)]

    def _direct_visits(self, events: dict[tuple[str, frozenset[str], str], Event], place: Place | None,
                       anchor: str | None) -> None:
        """A meeting between two parties held in one party's country is a visit to it (PLOVER)."""
        if place is None or not place.country:
            return
        for ev in events.values():
            if (ev.type == "CONSULT" and not ev.recipient and len(ev.actor) == 2 and place.country in ev.actor
                    and ev.mode != "phone" and ev.status == "occurred" and ev.date == anchor):
                ev.actor = [c for c in ev.actor if c != place.country]
                ev.recipient = [place.country]
                ev.mode = "visit"
                ev.cameo = "042"
                if ev.place is None:
                    ev.place = place

    def _hosting(self, sent: Sent, res: Resolved, published: str | None) -> tuple[str, str | None] | None:
        m = HOST_FUTURE.search(sent.text)
        if not m or not re.search(r"\b(?:summit|meeting|leaders|conference|forum|talks)\b", sent.text[m.end():], re.I):
            return None
        when = self._time_for(sent, m.end())
        if when is None or not when.future:
            return None
        rel = [(a - sent.start, c) for a, _, c in sent.parties if not c.startswith("IGO:")]
        host = [c for a, c in rel if a < m.start()]
        if not host:
            return None
        return host[-1], when.value

    # ------------------------------------------------------------ facts

    def _parties_for_fact(self, sent: Sent, res: Resolved, at: int) -> list[str]:
        """Parties of a fact: a hyphenated pair right before it, else the sentence's parties, else the main pair."""
        pre = sent.text[max(0, at - 60):at]
        m = HYPHEN_DYAD.search(pre)
        if m:
            a = self._code_of(m.group("a").split()[-1]) or self._code_of(m.group("a"))
            b = self._code_of(m.group("b").split()[0]) or self._code_of(m.group("b"))
            if a and b and a != b:
                return [a, b]
        codes = self._uniq([c for _, _, c in sent.parties if not c.startswith("IGO:")])
        if len(codes) > 2 and len(res.group) >= 2 and set(res.group) <= set(codes):
            return list(res.group)  # the pair the text is about, not every state its sentence names
        if len(codes) >= 2:
            return codes
        if GROUP.search(sent.text) and len(res.group) >= 2:  # "our partnership", "the two countries"
            return self._uniq(codes + res.group) if not codes or codes[0] in res.group else self._uniq(codes + res.group[:1])
        if len(codes) == 1 and len(res.main) >= 2 and codes[0] in res.main[:2]:
            return res.main[:2]
        return codes if len(codes) >= 2 else res.main[:2] if len(res.main) >= 2 else []

    def _code_of(self, name: str) -> str | None:
        return self.gaz.country(name) or self.gaz.org(name) or self.gaz.combining.get(name.lower())

    def _date_for_fact(self, sent: Sent, at: int, anchor: str | None) -> str | None:
        when = self._time_for(sent, at)
        if when is not None and not when.future:
            return when.value
        return anchor

    def _agreements(self, sent: Sent, res: Resolved, anchor: str | None, published: str | None) -> list[Agreement]:
        sign = self.sign
        if sign is None:
            return []
        m = sign.pattern.search(sent.text)
        if not m or FUTURE.search(sent.text[max(0, m.start() - 30):m.start()]):
            return []
        if re.search(r"\b(?:into|to|forced to|coerced? into)\s+$", sent.text[max(0, m.start() - 20):m.start()]):
            return []
        out = []
        rest = sent.text[m.end():m.end() + 160]
        count_m = COUNT.search(sent.text)
        for kind, pat in self.rules.kinds:
            km = pat.search(rest)
            if not km:
                continue
            start = km.start()
            title_m = re.match(r"[^,;.]*?(?=,|;|\.\s|\s(?:and|which|that|to|covering|between|during|in order)\b|$)",
                               rest[start:])
            title = (km.group(0) + (title_m.group(0)[len(km.group(0)):] if title_m else "")).strip(" ,.")
            title = re.sub(r"^(?:a|an|the)\s+", "", title)
            parties = self._parties_for_fact(sent, res, m.start())
            count = None
            if count_m:
                n = count_m.group("n").lower()
                count = int(n) if n.isdigit() else NUMBERS.get(n)
            out.append(Agreement(title=title[:300], kind=kind, parties=parties,
                                 date=self._date_for_fact(sent, m.start(), anchor), count=count,
                                 evidence=self._ev(sent)))
            rest = rest[:start] + " " * (km.end() - start) + rest[km.end():]
            if kind == "documents":
                break
        return [a for a in out if len(a.parties) >= 2]

    @staticmethod
    def _dedupe_agreements(ags: list[Agreement]) -> list[Agreement]:
        seen: set[tuple[str, frozenset[str], str | None]] = set()
        out = []
        for a in ags:
            k = (fold(a.title), frozenset(a.parties), a.date)
            if k not in seen:
                seen.add(k)
                out.append(a)
        return out

    def _partnerships(self, sent: Sent, res: Resolved, anchor: str | None, published: str | None) -> list[Partnership]:
        out: list[Partnership] = []
        if not PARTNER_HINT.search(sent.text):
            return out
        taken: list[tuple[int, int]] = []
        for pat, row in self.rules.levels:
            for m in pat.finditer(sent.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                level = m.group(0)
                if row["level"] in ("partnership", "alliance") and not HYPHEN_DYAD.search(sent.text[max(0, m.start() - 60):m.start()]):
                    continue
                rel = [(a - sent.start, c) for a, _, c in sent.parties]
                tail = re.match(r"\s*(?:(?:between|of)\s+(?P<x>.{3,60}?)\s+and\s+|with\s+)", sent.text[m.end():])
                named = [c for a, c in rel if tail and m.end() <= a < m.end() + tail.end() + 40]
                if tail and tail.group("x"):
                    parties = self._uniq(named[:2])
                elif tail:
                    parties = self._uniq(self._subject(sent, [(a, a, c) for a, c in rel], m.start(), res)[:1] + named[:1])
                else:
                    parties = self._parties_for_fact(sent, res, m.start())
                if len(parties) < 2:
                    continue
                if re.search(r"\bfrom\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:[\w.-]+\s+){0,2}$", sent.text[max(0, m.start() - 40):m.start()]):
                    continue  # "upgraded from the comprehensive partnership": the level left behind
                window = sent.text[max(0, m.start() - 120):m.start()]
                change = "upgraded" if CHANGE_UP.search(window) else "established" if CHANGE_EST.search(window) else "reaffirmed"
                if re.search(r"\bin the new era\b|\bfor a new era\b", level, re.I) and change == "reaffirmed" and CHANGE_EST.search(window):
                    change = "established"
                out.append(Partnership(parties=sorted(parties), level=level, level_normalized=row["level"],
                                       rank=self._rank(row, parties), change=change,  # type: ignore[arg-type]
                                       date=self._date_for_fact(sent, m.start(), anchor), evidence=self._ev(sent)))
        return out

    @staticmethod
    def _prune_levels(ps: list[Partnership]) -> list[Partnership]:
        """Drop a level that is part of a longer level named for the same parties in the document."""
        out = []
        for p in ps:
            pair = [q for q in ps if q is not p and set(q.parties) == set(p.parties)]
            longer = [q for q in pair if len(q.level_normalized) > len(p.level_normalized)
                      and p.level_normalized.lower() in q.level_normalized.lower()]
            # "elevating relations from Comprehensive Partnership to ...": the old level is history
            superseded = [q for q in pair if q.change != "reaffirmed" and (q.rank or 0) > (p.rank or 0)
                          and (p.change == "reaffirmed" or q.evidence == p.evidence)]
            if not longer and not superseded:
                out.append(p)
        return out

    def _rank(self, row: dict[str, Any], parties: list[str]) -> int | None:
        """The rank on the ladder of a party that uses the level (China's for China's partners), else
        the generic ladder, else the first one listing it."""
        ladder = self.rules.ladders.get(row["level"], {})
        for family in [*parties, "IGO:EU" if "IGO:EU" in parties else "", "GEN"]:
            key = "EU" if family == "IGO:EU" else family
            if key in ladder:
                return ladder[key]
        return row.get("rank")

    def _honours(self, sent: Sent, res: Resolved, anchor: str | None, published: str | None) -> list[Honour]:
        m = self.honour.pattern.search(sent.text) if self.honour else None
        if not m or not re.search(r"medal|order|prize|award|honou?r|decoration", m.group(0), re.I):
            return []
        hm = QUOTED.search(sent.text[m.start():]) or HONOUR_NAME.search(sent.text[m.start():])
        if not hm:
            return []
        name = hm.group(1).strip().strip("\"\u201c\u201d")
        rel = [(a - sent.start, c) for a, _, c in sent.parties]
        giver = [c for a, c in rel if a < m.start()] or res.main[:1]
        recips = [p for p in res.people.values() for s, _e, _f in p.mentions
                  if sent.start + m.start() < s < sent.end and p.country]
        if recips:
            person = recips[0]
            rname, rcountry = person.name, person.country
        else:
            takers = [c for a, c in rel if a > m.start() and c not in giver[:1]]
            rname, rcountry = None, (takers[0] if takers else None)
        return [Honour(name=name, conferred_by=giver[0] if giver else None, recipient=rname,
                       recipient_country=rcountry, date=self._date_for_fact(sent, m.start(), anchor),
                       evidence=self._ev(sent))]

    def _invitations(self, sent: Sent, res: Resolved, hosted: list[tuple[str, str | None]],
                     published: str | None) -> list[Invitation]:
        m = INVITE.search(sent.text)
        if not m:
            return []
        rel = [(a - sent.start, c) for a, _, c in sent.parties]
        before = self._uniq([c for a, c in rel if a < m.start()])
        after = self._uniq([c for a, c in rel if a >= m.end()])
        what = sent.text[m.end():m.end() + 80].split(".")[0].strip()
        when = self._time_for(sent, m.start())
        if "welcome" in m.group(0).lower():
            invitee = before[:1]
            inviter = [hosted[-1][0]] if hosted else [c for c in res.main[:2] if c not in invitee][:1]
            date = when.value if when else (hosted[-1][1] if hosted else None)
        else:
            inviter = before[:1] or res.main[:1]
            invitee = [c for c in after if c not in inviter][:1] or [c for c in res.main[:2] if c not in inviter][:1]
            date = when.value if when else None
        if not inviter or not invitee or inviter == invitee:
            return []
        return [Invitation(inviter=inviter, invitee=invitee, what=what, date=date, evidence=self._ev(sent))]

    def _areas(self, sent: Sent, res: Resolved) -> list[CooperationArea]:
        if not COOP.search(sent.text):
            return []
        parties = self._parties_for_fact(sent, res, COOP.search(sent.text).start())  # type: ignore[union-attr]
        if len(parties) < 2:
            return []
        out = []
        seen: set[str] = set()
        for area, pat, kw in self.rules.areas:
            if area in seen:
                continue
            if pat.search(sent.text):
                seen.add(area)
                out.append(CooperationArea(parties=sorted(parties), area=area, keyword=kw, evidence=self._ev(sent)))
        return out

    def _attendees(self, sent: Sent, res: Resolved) -> list[Attendee]:
        m = ATTEND.search(sent.text)
        if not m:
            return []
        out = []
        for p in res.people.values():
            for s, _e, _f in p.mentions:
                if sent.start <= s < sent.end:
                    out.append(Attendee(name=p.name, country=p.country, evidence=self._ev(sent)))
                    break
        return out


def _days_between(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
