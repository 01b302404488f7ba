"""Mentions -> canonical actors: countries, organisations and people with a country and a role.

Every resolution records why it was made (`Actor.resolution`), as PETRARCH's actor coding
does. Within a document, "President Xi", "Xi" and "Xi Jinping" become one actor.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from communique.records import Actor, Evidence
from communique.resolve.gazetteer import (
    METROPOLIS,
    TOWN,
    Gazetteer,
    Person,
    agent_forms,
    fold,
    person_id,
    thing_nouns,
)
from communique.resolve.people import (
    MEET,
    clean_name,
    coordination_top,
    delegation_country,
    from_sourced,
    from_table,
    honoured_names,
    met_by_subject,
    name_span,
    titled_default,
    titled_names,
)
from communique.resolve.titles import COUNTERPART, OFFICE, Stated, left_title, stated

TITLE_PREFIX = re.compile(r"^(?:(?:His|Her) (?:Majesty|Royal Highness|Highness|Excellency)\s+|(?:President|King|Queen|"
                          r"Prime Minister|Chancellor|Secretary|Minister|Emir|Sultan|Sheikh|Crown Prince|Premier|"
                          r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)+")
BARE_TITLE = re.compile(r"\b(?:[Tt]he (?P<t>Vice President|President|Secretary|Prime Minister|King|Queen|Chancellor|Premier|"
                        r"Foreign Minister|Crown Prince|Emir|Sultan)|(?P<m>His Majesty|Her Majesty))\b"
                        r"(?!\s+(?:of\b|[A-Z]))(?!['\u2019]s\s+(?:Office|Administration|Cabinet))"
                        r"(?!\s+and\s+(?:[A-Z][\w-]+\s+){1,2}of\b)")  # "the King and Queen of Tonga": of Tonga both
#: what a person's name looks like: capitalised words, with the particles of Arabic, Iberian, Dutch names
NAME_WORDS = re.compile(r"(?:[A-Z\u00C0-\u024F][\w\u2019'.-]*|(?:al|bin|ibn|de|da|dos|das|del|van|von|der|la|le|y|el|"
                        r"ben|bint|abu|di|du)(?=\s))(?:\s+(?:[A-Z\u00C0-\u024F][\w\u2019'.-]*|al|bin|ibn|de|da|dos|"
                        r"das|del|van|von|der|la|le|y|el|ben|bint|abu|di|du|Jr\.?|Sr\.?)){0,6}")
#: the end of a transcript's speaker label after a name: "Vladimir Putin: ", "Narendra Modi (retranslated): ",
#: and the Kremlin's speaker card, family name first and the title glued on ("Ilham Aliyev Aliyev
#: IlhamPresident of Azerbaijan: ")
SPEAKER_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]+ [A-Z][a-z'’-]+[A-Z][^:\n.!?]{0,120})?"
                           r"\s*(?:\((?:re)?translated(?: from [A-Z]\w+)?\)\s*)?:\s")
#: the label of a turn from the floor of a press conference ("QUESTION:", "Q", "Moderator:", "Remark:")
ASKER = re.compile(r"(?m)^\s*(?:QUESTION|Question|Q|MODERATOR|Moderator|REPORTER|Reporter|Remark|REMARK|"
                   r"PARTICIPANT|Participant)\b[^:\n]{0,40}:")
PLACE_PREP = re.compile(r"\b(?:in|at|to|from|near|into|outside|around|of|across|via|through|toward|towards|between|and|visit|visited|visiting)\s+(?:the\s+)?$", re.I)
TITLED_NAME = re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Foreign Minister|"
                         r"Secretary of State|Secretary-General|Secretary General)\s+(?P<a>[A-Z][\w'’-]+)\b(?!\s+[A-Z])"
                         r"|\b(?P<b>[A-Z][\w'’-]+)\s+(?:administration|government|regime)\b")
PEOPLE_CUE = re.compile(r"\b(?:candidates?|officials?|members?|leaders?|activists?|journalists?|prisoners?|nationals?|"
                        r"individuals|persons|dissidents?|advis[eo]rs?|daughter|son|wife|husband|general|deputy|"
                        r"minister|director|coordinator|opposition|detained|arrested|sanction\w*|citizens?)\b", re.I)
#: words that introduce a relative or a spouse ("his wife, Mrs Akie Abe", "Madame Peng Liyuan")
KIN_CUE = re.compile(r"\b(?:wife|husband|spouse|partner|son|daughter|brother|sister|mother|father|Mrs|Madame|Lady)\b"
                     r"\.?[\s,]*(?:Mrs\.?\s+|Ms\.?\s+|Madame\s+|Lady\s+)?$")
SPOKES = re.compile(r"(?:spokes(?:person|man|woman)|press secretary|attributable to)[\s:,]*$", re.I)
EAST_ASIAN_FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "KHM", "SGP"}
ORG_WORDS = re.compile(r"\b(?:Workshop|Center|Centre|Initiative|Act|Agreement|Council|Ministry|Bank|University|"
                       r"Institute|Organization|Organisation|Party|Committee|Fund|Forum|Summit|Day|Street|House|"
                       r"Hall|Palace|Airport|Province|Region|Republic|Kingdom|Federation|Union|Group|Company|"
                       r"Corporation|Assembly|Commission|Movement|Medal|Order|Prize|Scholarship|Program|Programme|Awards?|"
                       r"Fellowship|Exchange|Foundation|Agency|Network|Alliance|Project|Plan|Strategy|Statement|Declaration|"
                       r"Communiqu[eé]|Memorandum|Treaty|Convention|Protocol|Readout|Text)\b")


@dataclass
class PersonActor:
    id: str
    name: str
    country: str | None
    role: str | None
    resolution: str
    forms: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Resolved:
    """Actors of one document, and for every character span which party code it stands for."""

    text: str
    people: dict[str, PersonActor]
    party_spans: list[tuple[int, int, str, str]]  # start, end, party code, kind (person/country/org/nonstate)
    places: list[tuple[int, int, str, str]]  # start, end, place name, country
    countries: dict[str, list[tuple[int, int, str]]]
    orgs: dict[str, list[tuple[int, int, str]]]  # IGO code or org:<slug> (actors.jsonl) -> mentions
    main: list[str]  # parties of the document's main actors, most mentioned first
    group: list[str] = field(default_factory=list)  # who "the two leaders", "they" stand for
    we: list[str] = field(default_factory=list)  # who "we" stands for: the authors
    speakers: list[tuple[int, int, str]] = field(default_factory=list)  # transcript turns: start, end, party
    author: str | None = None  # the state whose government published the text, when its address tells

    def speaker_at(self, offset: int) -> str | None:
        return next((c for s, e, c in self.speakers if s <= offset < e), None)

    def turn_parties(self) -> list[str]:
        """The parties of a transcript's speakers, in order of first turn."""
        return list(dict.fromkeys(c for _s, _e, c in self.speakers if c))

    def addressee_at(self, offset: int) -> str | None:
        """Whom a transcript turn speaks to ('you'): the party of the turn before it, else of the one
        after it; None outside a transcript."""
        turn = next((k for k, (s, e, _c) in enumerate(self.speakers) if s <= offset < e), None)
        if turn is None:
            return None
        for k in (turn - 1, turn + 1):
            if 0 <= k < len(self.speakers):
                lo, hi = sorted((self.speakers[k][0], self.speakers[turn][0]))
                if ASKER.search(self.text, lo, hi):
                    return None  # a question from the floor came between: "you" is whoever asked it
                return self.speakers[k][2]
        return None

    def actors(self, gaz: Gazetteer, text: str) -> list[Actor]:
        out: list[Actor] = []
        for p in self.people.values():
            out.append(Actor(id=p.id, name=p.name, type="person", country=p.country, role=p.role,
                             aliases=sorted(p.forms - {p.name}), resolution=p.resolution,
                             mentions=[Evidence(text=text[s:e], start=s, end=e) for s, e, _ in p.mentions]))
        for code, ms in self.countries.items():
            out.append(Actor(id=code, name=gaz.country_name(code), type="country", country=code,
                             aliases=sorted({m[2] for m in ms}), resolution="gazetteer: country name, demonym or adjective",
                             mentions=[Evidence(text=text[s:e], start=s, end=e) for s, e, _ in ms]))
        for code, ms in self.orgs.items():
            na = gaz.actors.get(code) if code.startswith("org:") else None
            out.append(Actor(id=code, name=na.name if na else gaz.country_name(code), type="organization",
                             country=na.party if na else None, aliases=sorted({m[2] for m in ms}),
                             resolution=na.why if na else "gazetteer: organisation name or acronym",
                             mentions=[Evidence(text=text[s:e], start=s, end=e) for s, e, _ in ms]))
        return out


#: the lower-case particles a family name may open with ("von der Leyen", "de Mistura", "van Rompuy")
PARTICLE = re.compile(r"(?:von|van|de|der|den|da|di|du|del|della|dos|das|le|la|al|bin|ibn)[\s-]+(?:\w+\s+)?[A-Z]")


def _family_forms(name: str, country: str | None) -> set[str]:
    toks = [t for t in re.split(r"\s+", name.strip()) if t]
    toks = [t for t in toks if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|II|III|IV", t)]
    if len(toks) < 2:
        return set(toks)
    fam = toks[0] if country in EAST_ASIAN_FAMILY_FIRST else toks[-1]
    return {fam} if len(fam) > 2 else set()


def resolve(doc: Doc, gaz: Gazetteer, published: str | None, author: str | None = None) -> Resolved:
    text = doc.text  # Doc.text joins every token: read it once
    people: dict[str, PersonActor] = {}
    spans: list[tuple[int, int, str, str]] = []
    places: list[tuple[int, int, str, str]] = []
    countries: dict[str, list[tuple[int, int, str]]] = {}
    orgs: dict[str, list[tuple[int, int, str]]] = {}
    person_ents: list[Span] = []
    pending: list[tuple[Span, str]] = []
    titled: list[tuple[Span, str, Stated]] = []
    bare: list[tuple[str, str, bool]] = []  # (person, state, acting) of officials titled with no state
    stated_ids: set[str] = set()  # people the text introduces with their state ("President Karamanlis of Greece")

    first_break = text.find("\n")

    def acting(span: Span) -> bool:
        """A name that acts in the text: a clause's subject, or named in its headline ("Statement by X")."""
        return _as_subject(span) or first_break < 0 or span.start_char < first_break

    def add_person(pa: PersonActor, s: int, e: int, form: str) -> None:
        existing = people.get(pa.id)
        if existing is None:
            people[pa.id] = existing = pa
        existing.forms.add(form)
        clean = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w\s.'-]*$", "", TITLE_PREFIX.sub("", form)).strip()
        if pa.id not in gaz.people and len(clean) > len(existing.name) and " " in clean:
            existing.name = clean  # the fullest form the text gives; the leaders table names its own
        elif _spelled_out(existing.name, clean):
            existing.name = clean  # unless the table gives an initial the text spells out ("S. Jaishankar")
        existing.mentions.append((s, e, form))
        if existing.country:
            spans.append((s, e, existing.country, "person"))

    ent_starts = {ent.start_char for ent in doc.ents}

    def in_longer_name(name: str) -> bool:
        """A single name that is a word of a longer name the text gives with no title and no state
        ("Jia" of "The fourth-ranked Chinese leader, Jia Qinglin"): that name's short form. (Full names
        come first in `cands`, so `pending` holds them by now.)"""
        return " " not in name and any(name in n.split() for _sp, n in pending)

    for ent in doc.ents:
        s, e, label, eid = ent.start_char, ent.end_char, ent.label_, ent.ent_id_
        if label in ("GPE", "NORP") and eid:
            if eid.startswith("city:"):
                if ent.root.dep_ in ("compound", "amod", "nmod", "poss") and ent.root.head.lower_ in thing_nouns():
                    continue  # "the Rome Statute", "the Minsk agreements": a thing named after a city, no place
                places.append((s, e, ent.text, eid[5:]))
                if not PLACE_PREP.search(text[max(0, s - 12):s]):  # "Berlin rejected": the government
                    countries.setdefault(eid[5:], []).append((s, e, ent.text))
                    spans.append((s, e, eid[5:], "country"))
                continue
            countries.setdefault(eid, []).append((s, e, ent.text))
            spans.append((s, e, eid, "country"))
        elif label == "ORG" and eid.startswith("IGO:"):
            orgs.setdefault(eid, []).append((s, e, ent.text))
            spans.append((s, e, gaz.party(eid), "org"))
        elif label == "ORG" and eid and (na := gaz.actor(ent.text)) is not None and na.party == eid:
            # a state's own body ("the Knesset", "the Afghan National Army") stands for the state; a
            # national group ("Hamas", "UNITA") stands for its country in news-sentence coding only
            orgs.setdefault(na.id, []).append((s, e, ent.text))
            spans.append((s, e, eid, "org" if na.kind != "nonstate" else "nonstate"))
        elif label == "PERSON":
            person_ents.append(ent)
        elif label in ("GPE", "LOC", "FAC") and (where := gaz.place_country(ent.text)):
            places.append((s, e, ent.text, where))  # the name as the text writes it

    # people: every name, with the state the text, the tables or the delegation it is in tell
    regions, _delegation = delegation_country(doc, gaz, author)
    cands: list[tuple[Span, str]] = []
    for ent in person_ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.ent_id_.startswith("person:") and nxt is not None and not nxt.is_stop and nxt.text[:1].isupper() \
                and nxt.text[1:2].islower() and nxt.text not in ("Jr", "Sr") and nxt.idx == ent.end_char + 1 \
                and ent.end_char + 1 not in ent_starts and not nxt.ent_type_ and nxt.text not in ent.text.split():
            continue  # "Juan Carlos Gonzalez" is not King Juan Carlos: a longer name goes on
        span = name_span(doc, ent) if not ent.ent_id_ else ent
        if span is not None:
            cands.append((span, ent.ent_id_))
    cands += [(sp, "") for sp in honoured_names(doc, [(sp.start_char, sp.end_char) for sp, _ in cands])]
    taken_names = [(sp.start_char, sp.end_char) for sp, _ in cands]
    cands += [(sp, "") for sp in titled_names(doc, taken_names, lambda i: left_title(doc, i, gaz))]
    cands.sort(key=lambda c: (len(c[0]) < 2, c[0].start))  # full names first: "Sherman" then finds Wendy R. Sherman
    for span, eid in cands:
        s, e = span.start_char, span.end_char
        if SPOKES.search(text[max(0, s - 40):s]):
            continue
        name = clean_name(span.text)
        if not name or not (name[:1].isupper() or (eid.startswith("person:") and PARTICLE.match(name))):
            continue  # (a known name may open on its particle: "President von der Leyen")
        st = stated(doc, span, gaz)
        if eid.startswith("person:"):
            known: PersonActor | None = _table_person(gaz.people[eid], published)
        else:
            known = _match_known(name, people, gaz, published, st.title if st else None)
            if known is not None and not (" " in name or known.id in people or st is not None
                                          or known.role and fold(name) != fold(known.name.split()[0])):
                known = None  # a given name alone ("Francis") needs a title; "Putin's war" is the leader in office
        if known is not None and known.id in people:
            had = people[known.id]
            if had.role is None and st is not None and st.title and st.country in (None, had.country):
                had.role = st.title  # "his Irish counterpart X" first, "Prime Minister X" later: the office
            add_person(had, s, e, name)
            continue
        if known is None and " " not in name and len(whole := [pa for pa in people.values()
                                                              if name in pa.name.split()[:-1]]) == 1:
            add_person(whole[0], s, e, name)  # "Vice Foreign Minister Mori" of "Mori Takeo" (family name first)
            continue
        if known is None and (ORG_WORDS.search(name) or gaz.country(name) or gaz.org(name) or gaz.actor(name)
                              or re.search(r"[\"“”«»]", name) or not NAME_WORDS.fullmatch(name)
                              or (gaz.city(name) and not (st is not None and st.title and st.why.startswith("title before")
                                                          and len(name) > 3 and not in_longer_name(name)))):
            # (a town's name is a person's when a title stands before it: "Secretary Austin", "Deputy Secretary
            # Campbell"; one that is part of a longer name in the text, or as short as "Li", is a short form of a
            # full name, read later)
            continue
        pid = known.id if known is not None else person_id(name)
        if st is not None and st.country and st.country.startswith("IGO:") and known is not None and known.role \
                and known.country and not known.country.startswith("IGO:"):
            add_person(known, s, e, name)  # "Chair of ASEAN": a state's leader in a rotating chair serves the state
            continue
        listed_in = next((r for r in regions if r[0] <= s < r[1]), None)
        other = listed_in[2] if listed_in is not None else known.country if known is not None and known.role else None
        if st is not None and st.alone and other and other != st.country:
            # "The Mexican delegation included ... Secretary of Defense General X": another state has an office of
            # that name; the state the delegation or the table (on the text's date) gives is the one
            if known is not None and known.country == other:
                add_person(known, s, e, name)
            else:
                add_person(PersonActor(pid, name, other, st.title, listed_in[3] if listed_in else ""), s, e, name)
            continue
        if st is not None and st.country:  # what the text states wins over the tables
            role = known.role if known is not None and known.country == st.country and known.role else st.title or None
            if role is None and " " in name and (src := from_sourced(gaz, name, published)) is not None \
                    and src.country == st.country:
                role = src.role  # "my Irish counterpart, Mr Bertie Ahern": the office the sources give
            add_person(PersonActor(pid, known.name if known else name, st.country, role, st.why), s, e, name)
            if st.alone:  # "Secretary of State X": a home office the title needs no state for
                bare.append((pid, st.country, acting(span)))
            else:
                stated_ids.add(pid)
            continue
        if known is not None and known.role:
            add_person(known, s, e, name)
            if st is not None and known.country:  # "Prime Minister John Key": the home state's officials need no adjective
                bare.append((known.id, known.country, acting(span)))
            continue
        region = next((r for r in regions if r[0] <= s < r[1]), None)
        if region is not None:
            add_person(PersonActor(pid, name, region[2], st.title if st else None, region[3]), s, e, name)
            continue
        src = from_sourced(gaz, name, published) if " " in name else None
        if src is not None and src.country:
            add_person(PersonActor(pid, name, src.country, src.role, src.why), s, e, name)
            if st is not None:
                bare.append((pid, src.country, acting(span)))
            continue
        if known is not None and known.country:
            add_person(known, s, e, name)
            continue
        if st is not None and not in_longer_name(name):
            titled.append((span, name, st))  # ("Chairman Jia" of a "Jia Qinglin" no state was found for waits)
        elif len(name.split()) >= 2:
            pending.append((span, name))  # decided once the document's own voice is known

    # family names with a title the NER missed: "President Bush", "the Bush administration"
    taken_now = [(s0, e0) for s0, e0, _, _ in spans]
    for m in TITLED_NAME.finditer(text):
        name = m.group("a") or m.group("b")
        s0 = m.start("a") if m.group("a") else m.start("b")
        e0 = s0 + len(name)
        if any(s0 < te and ts < e0 for ts, te in taken_now) or name in ("General", "Minister", "Secretary"):
            continue
        title = m.group(0)[:m.start("a") - m.start()].strip() if m.group("a") else None
        known = _match_known(name, people, gaz, published, title)
        if known is not None and known.country:
            add_person(known, s0, e0, name)

    def short_forms(pool: list[PersonActor]) -> None:
        """Later short forms of the people in `pool`: "Xi", "President Rahmon", "Mr McKinnon"."""
        forms: dict[str, str] = {}
        for pa in pool:
            for f in {pa.name, *pa.forms}:
                for fam in _family_forms(f, pa.country):
                    forms.setdefault(fam, pa.id)
            if pa.id in gaz.people:
                for alias in gaz.people[pa.id].aliases:
                    forms.setdefault(alias, pa.id)
            given = [t for t in pa.name.split() if t[:1].isupper()]
            if len(given) >= 2 and len(given[0]) > 2 and pa.country not in EAST_ASIAN_FAMILY_FIRST:
                # a knight or dame is addressed by title and given name: "Sir Mekere" is Sir Mekere Morauta
                for title in ("Sir", "Dame"):
                    forms.setdefault(f"{title} {given[0]}", pa.id)
        if forms:
            taken = [(s, e) for s, e, _, _ in spans]
            pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
                             + r")\b(?!['\u2019]s\s+(?:Republic|People))")
            for m in pat.finditer(text):
                if any(m.start() < te and ts < m.end() for ts, te in taken):
                    continue
                add_person(people[forms[m.group(1)]], m.start(), m.end(), m.group(1))

    def bare_titles_of(pool: list[PersonActor], waiting: set[str], ahead: bool = False) -> None:
        """Bare titles: "the Secretary", "His Majesty" stand for the person of that rank named before in
        the text (or, `ahead`, anywhere in it). A title that a person still to be placed also bears
        ("Foreign Minister X", of no state named yet) waits for that decision (`waiting`)."""
        taken = [(s, e) for s, e, _, _ in spans]
        first: dict[str, int] = {}  # a title's first bare use: told before any holder, it is no one's named
        for m in BARE_TITLE.finditer(text):
            if not any(m.start() < te and ts < m.end() for ts, te in taken):
                first.setdefault(m.group("t") or "King", m.start())
        for m in BARE_TITLE.finditer(text):
            if any(m.start() < te and ts < m.end() for ts, te in taken):
                continue
            title = m.group("t") or "King"
            if title.lower() in waiting:
                continue
            holders = [p for p in pool if p.country and p.role and title.lower() in p.role.lower()
                       and not (title == "President" and "vice" in p.role.lower())
                       and (ahead or min(ms for ms, _me, _f in p.mentions) < first[title])]
            if holders:
                best = max(holders, key=lambda p: len(p.mentions))
                best.mentions.append((m.start(), m.end(), m.group(0)))
                spans.append((m.start(), m.end(), best.country or "", "person"))

    def own_titles(state: str) -> None:
        """A bare title no person named in the text bears stands for the publisher's own office of that
        title, when the publisher's state has one in the leaders table ("the Prime Minister" in a New
        Zealand release, "the President" in a White House one): the state is a party, no person is named."""
        offices = state_offices(gaz, state)
        taken = [(s, e) for s, e, _, _ in spans]
        for m in BARE_TITLE.finditer(text):
            title = m.group("t")
            if title and title.lower() in offices and not any(m.start() < te and ts < m.end() for ts, te in taken):
                spans.append((m.start(), m.end(), state, "person"))

    short_forms(list(people.values()))
    bare_titles_of(list(people.values()), {st.title.lower() for _sp, _n, st in titled if st.title})
    spans.sort()
    counts: dict[str, int] = {}
    for pa in people.values():
        if pa.country:
            counts[pa.country] = counts.get(pa.country, 0) + len(pa.mentions) * 2
    for code, ms in countries.items():
        counts[code] = counts.get(code, 0) + len(ms)
    title_end = text.find("\n")
    for code, ms in orgs.items():  # an organisation a headline names beside a state ("Russia-ASEAN Summit") is a side
        if code.startswith("IGO:") and 0 < title_end < 200 and any(s0 < title_end for s0, _e0, _f in ms) \
                and any(s0 < title_end for s0, _e0, c, k in spans if k == "country"):
            counts[gaz.party(code)] = counts.get(gaz.party(code), 0) + len(ms)
    openers: dict[str, float] = {}
    introduced = {ms for pid in stated_ids if pid in people for ms, _me, _f in people[pid].mentions}
    for sm in re.finditer(r"(?:^|(?<=[.!?]\s)|\n)\s*(?:[A-Z][\w\u2019'-]*\s+){0,4}", text):
        lead = [(c, k, s) for s, _e, c, k in spans if sm.start() <= s <= sm.end() + 2 and k != "nonstate"]
        if lead and OPENING_PREP.search(text[sm.start():lead[0][2]]):
            continue  # "In Kenya, the Secretary will meet ...": a place or circumstance, not the subject
        if lead:  # a party opening a sentence is its subject: the voice of the text
            code, kind, at = lead[0]
            counts[code] = counts.get(code, 0) + 3
            # a state named as such speaks ("The United States welcomes"); a person the text introduces with
            # a state ("former Colombian Senator X", "President Karamanlis of Greece") is whom it tells of
            weight = 2.0 if kind != "person" else 0.0 if at in introduced else 1.0
            openers[code] = openers.get(code, 0) + weight
    first = {code: min((s for s, _, c, _ in spans if c == code), default=10**9) for code in counts}
    main = sorted(counts, key=lambda c: (-counts[c], first[c]))
    # the one a headline says the text's voice met or called ("Talks with President of China X") is not that voice
    head_end = text.find("\n")
    head_end = head_end if 0 < head_end < 300 else 0
    partners, visiting = _headline_partners(text[:head_end], [(s0, e0, c, k) for s0, e0, c, k in spans if s0 < head_end])
    if author is None:  # "This evening I met the Chinese Premier, Mr Wen": whom the narrator met is the other side
        partners |= _met_by_narrator(doc, people, stated_ids)
        bound = _narrator_bound_for(doc, spans)
        if bound & partners:  # "Visit to A and B by the Prime Minister of C" over "I will be leaving for A and B":
            partners, visiting = bound, bound  # the narrator is the visitor; where it goes is the other side
    # (the side a headline's "with" names may still be the voice's own: "Meeting with Defence Minister X";
    # the side of a visit never is)
    # (a state the headline's "with" names by name, "Meeting with President of Palestine X", is the other side
    # even when its guest speaks most)
    stated_with = {c for s0, _e, c, k in spans if s0 < head_end and k == "country"
                   and 0 <= text[:head_end].find(" with ") < s0}
    voters = {c: n for c, n in openers.items() if c not in partners and n > 0} or {
        c: n for c, n in openers.items() if n > 0 and c not in visiting and c not in stated_with}
    if any(not c.startswith("IGO:") for c in voters):  # a text of states speaks as one of them
        voters = {c: n for c, n in voters.items() if not c.startswith("IGO:")}
    # the publisher's state: the author when known, else the state whose known officials the text names
    # with bare titles ("Prime Minister John Key", "National Security Advisor Jake Sullivan"), when one leads;
    # an official the text has introduced with a state ("the Premier of China, Wen") is a foreigner after
    # officials who act in it (a clause's subject, or named in its headline: "Statement by X"), not those
    # it names as whom others met ("met President Clinton"), nor those of the side its headline names
    bare_titles: dict[str, int] = {}
    for pid, code, subject in bare:
        if pid not in stated_ids and subject and code not in partners:
            bare_titles[code] = bare_titles.get(code, 0) + 1
    home = author or _headline_speaker(text[:head_end], people, spans) or _leader(bare_titles)
    if home is None:  # a release quotes its own minister: '"...," Helen Clark said'
        home = _leader(_quoted_states(text, people, stated_ids))
    if home is None:  # a transcript: the state whose speakers hold the floor most ("Vladimir Putin: ...")
        held = Counter(c for _s, _e, c in _turns(text, spans) if c and not c.startswith("IGO:"))
        home = _leader(dict(held))
    rest = [c for c in main if c not in partners and not c.startswith("IGO:")] or main
    if partners and not voters:
        # "Telephone conversation with President of X" over a text that never has its own side speak: a state
        # it only tells of, as a topic ("a statement about North Korea") or by a person it introduces with
        # that state ("the conversation between X and Chancellor of Germany Angela Merkel"), is not the voice
        rest = [c for c in rest if not _only_told_of(c, spans, introduced, text)]
    voice = home or (max(voters, key=lambda c: (voters[c], counts[c])) if voters else (rest[0] if rest else None))
    if voice:  # the publisher speaks even when the text never names its own country
        if voice in main:
            main.remove(voice)
        main.insert(0, voice)
    known_early = set(people)
    titled.sort(key=lambda c: -len(c[1].split()))
    for span, name, st in titled:  # a title naming no state: its list's state, or the publisher's
        same = _match_known(name, people, gaz, None)
        if same is not None and same.id in people:  # "Special Envoy Satterfield" after "David Satterfield"
            add_person(people[same.id], span.start_char, span.end_char, name)
            continue
        sent = span.sent
        top = coordination_top(span, ("conj",))
        siblings = [p.country for p in people.values() if p.country for ms, _me, _f in p.mentions
                    if sent.start_char <= ms < sent.end_char and (sp := doc.char_span(ms, _me, alignment_mode="expand"))
                    is not None and coordination_top(sp, ("conj",)) == top]
        named = {c for s0, e0, c, k in spans if k == "country" and sent.start_char <= s0 < sent.end_char
                 and not _modifies_a_thing(doc, s0, e0) and not (c == home and _deep_below(doc, s0, e0, span))}
        along = _accompanies(span, spans)
        if along is not None:  # a minister travelling in a leader's party serves the leader's state
            add_person(PersonActor(person_id(name), name, along, st.title or None,
                                   f"{st.why}, no state named: accompanies an official of {along}"),
                       span.start_char, span.end_char, name)
            continue
        described = _described_by(span, spans)
        if described is not None:  # "A New Zealand Defence Force officer, Major X": the noun it renames names the state
            add_person(PersonActor(person_id(name), name, described, st.title or None,
                                   f"{st.why}, no state named: the noun it renames names {described}"),
                       span.start_char, span.end_char, name)
            continue
        met = met_by_subject(span)
        if met and not (named - {home, voice}):  # "While in London, Mr Peters also met ...": where the meeting was
            named |= {c for s0, _e0, _n, c in places if c and sent.start_char <= s0 < sent.end_char}
        dec = titled_default(st, name, siblings, named, home, met,
                             subject=span.root.dep_ in ("nsubj", "nsubjpass"), voice=voice,
                             speaker=span.root.dep_ == "nsubj" and span.root.head.lower_ in SAYING, sides=tuple(main[:2]),
                             paired=span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children))
        if dec is not None:
            add_person(PersonActor(person_id(name), name, dec.country, dec.role, dec.why), span.start_char,
                       span.end_char, name)
    placed_late = [pa for pa in people.values() if pa.id not in known_early]
    if placed_late:  # the people placed by their titles' defaults: their later short forms and bare titles
        short_forms(placed_late)
        bare_titles_of(list(people.values()), set())
    # "the Prime Minister" in a New Zealand release before any prime minister is named, or naming none:
    # the publisher's own (the voice's, when no publisher is known); a title no earlier person bore and the
    # voice has no office of is the one named later ("the President ... President Widodo")
    own = author or (voice if voice and not voice.startswith("IGO:") else None)
    if own:
        own_titles(own)
    bare_titles_of(list(people.values()), set(), ahead=True)
    per_sentence: dict[int, int] = {}
    for ent, _name in pending:
        per_sentence[ent.sent.start] = per_sentence.get(ent.sent.start, 0) + 1
    labels = {m.group(1) for m in SPEAKER_LABEL.finditer(text)} if pending else set()
    for ent, name in pending:  # listed people with no title ("candidates A, B and C"): their sentence's foreign country
        if name in labels and voice and not voice.startswith("IGO:") and name not in people_names(people):
            # "Yury Zaitsev: Good afternoon, Mr President." -- a transcript's speaker no state or title introduces
            # is of the text's own side (its foreign guests are introduced: "President of Iran Ebrahim Raisi")
            add_person(PersonActor(person_id(name), name, voice, None, f"a speaker of the transcript, not "
                                   f"introduced with a state: of its voice ({voice})"), ent.start_char, ent.end_char, name)
            continue
        kin = [pa for pa in people.values() if pa.country and len(pa.name.split()) >= 2 and name.split()[-1] == pa.name.split()[-1]
               and name.split()[0] != pa.name.split()[0]]
        if len(kin) == 1 and len(name.split()) >= 2 and KIN_CUE.search(text[max(0, ent.start_char - 40):ent.start_char]):
            # "Prime Minister Abe and his wife, Mrs Akie Abe": of the family of a person the text places
            add_person(PersonActor(person_id(name), name, kin[0].country, None, f"of the family of {kin[0].name} "
                                   f"({kin[0].country})"), ent.start_char, ent.end_char, name)
            continue
        if (other := _counterpart_of(ent, spans, voice)) is not None:
            add_person(PersonActor(person_id(name), name, other, None, f"a counterpart, in a sentence naming one "
                                   f"state besides its people's ({other})"), ent.start_char, ent.end_char, name)
            continue
        if per_sentence[ent.sent.start] < 2 or not PEOPLE_CUE.search(ent.sent.text):
            continue
        country, why = _sentence_country(doc, ent, spans, voice)
        if country:
            add_person(PersonActor(person_id(name), name, country, None, why), ent.start_char, ent.end_char, name)
    spans.sort()
    sides = {pa.country for pa in people.values() if pa.country}
    places = [_named_country_city(gaz, pl, set(countries), sides) for pl in places]
    speakers = _turns(text, spans)
    turns = list(dict.fromkeys(c for _s, _e, c in speakers if c))
    # a transcript where officials of two or more states speak: its sides are theirs ("Statements by
    # the leaders of Russia, Azerbaijan and Armenia"), not the two most named
    group = turns if len(turns) >= 2 and not any(c.startswith("IGO:") for c in turns) else _pair(main, counts, len(sides))
    return Resolved(text, people, spans, places, countries, orgs, main, group,
                    [voice] if voice else [],
                    speakers, author)


#: a headline's visit: the states after it are the side visiting or visited, the other side of the text's
#: voice ("Under Secretary X's Travel to A and B", "Visit by the Prime Minister of Japan", "Welcomes Saudi Visit")
HEAD_VISIT = re.compile(r"\b(?:travel|travels|trip|visit|visits|tour|journey)\b(?P<to>\s+to\b)?", re.I)


#: a preposition opening a sentence before its first party: that party is no subject
OPENING_PREP = re.compile(r"\b(?:In|At|From|To|For|During|While|After|Before|On|Across|Throughout)\b")

#: a transcript turn's label: a name opening a line or a sentence, then a colon ("Yury Zaitsev: Thank you.")
SPEAKER_LABEL = re.compile(r"(?:^|\n|(?<=[.!?>] ))((?:[A-Z][\w'\u2019.-]+ ){1,3}[A-Z][\w'\u2019-]+):", re.M)


def people_names(people: dict[str, PersonActor]) -> set[str]:
    return {f for p in people.values() for f in (p.name, *p.forms)}


#: verbs of a release's speaker ("Trade Minister X said today")
SAYING = {"said", "says", "added", "announced", "stated"}


#: a headline naming who speaks the text: "Speech by President of Ukraine X in the Knesset", "Statement of
#: the Prime Minister", "Address by X to the people of Switzerland"
HEAD_SPEAKER = re.compile(r"\b(?:Statement|Speech|Address|Remarks|Message|Interview|Op-Ed|Article|Letter|Greetings|"
                          r"Condolences|Appeal|Video Address|Press Statement)s?\s+(?:by|of|from)\s+", re.I)


#: an office of a state named in a headline after its speaker's "by" ("by the President of Ukraine")
HEAD_OFFICE = re.compile(r"(?:the\s+)?(?:President|Prime Minister|Chancellor|King|Queen|Emir|Foreign Minister|"
                         r"Minister of Foreign Affairs|Head of State|Premier)\s+of\s+(?:the\s+)?", re.I)


#: what opens a phrase naming a topic ("about North Korea", "regarding Syria")
TOPIC_BEFORE = re.compile(r"\b(?:about|regarding|concerning|on|against|towards?)\s+(?:the\s+)?$")


#: what may stand between a state and the name it introduces: a title ("New Zealand | Prime Minister | John Key")
TITLE_BETWEEN = re.compile(r"[\s,]*(?:(?:[A-Z][\w'\u2019.-]*|of|the|for)\s+)*")


def _only_told_of(code: str, spans: list[tuple[int, int, str, str]], introduced: set[int], text: str) -> bool:
    """Every mention of the state is a topic or the state of a person the text introduces with it."""
    for s0, e0, c, kind in spans:
        if c == code and kind == "person" and text[e0:e0 + 2].lstrip(" ").startswith(":"):
            return False  # "President of Russia Vladimir Putin: ...": a speaker of the transcript speaks
        if c != code or kind == "person" and s0 in introduced:
            continue
        if kind == "country" and any(k == "person" and p in introduced and 0 <= p - e0 <= 40 and x == code
                                     and TITLE_BETWEEN.fullmatch(text[e0:p]) for p, _q, x, k in spans):
            continue  # "Chancellor of Germany Angela Merkel", "New Zealand Prime Minister John Key"
        if TOPIC_BEFORE.search(text[max(0, s0 - 24):s0]):
            continue
        return False
    return True


def _headline_speaker(head: str, people: dict[str, PersonActor], spans: list[tuple[int, int, str, str]]) -> str | None:
    """The state of the person a headline names as the text's speaker ("Speech by President of Ukraine X"),
    when the text has no address: one the leaders table or a title naming the state places, or the state
    of the office named ("Address by the President of Ukraine")."""
    m = HEAD_SPEAKER.search(head)
    if m is None:
        return None
    office = HEAD_OFFICE.match(head, m.end())
    if office:
        state = next((c for s0, _e, c, k in spans if s0 == office.end() and k == "country"), None)
        if state and not state.startswith("IGO:"):
            return state
    named = sorted(((s0, pa) for pa in people.values() for s0, _e, _f in pa.mentions if m.end() <= s0 < len(head)),
                   key=lambda x: x[0])
    if not named:
        return None
    pa = named[0][1]
    sure = pa.resolution.startswith("leaders table: ") or (" names " in pa.resolution and "no state named" not in
                                                           pa.resolution)
    return pa.country if sure and pa.country and not pa.country.startswith("IGO:") else None


def _headline_partners(head: str, named: list[tuple[int, int, str, str]]) -> tuple[set[str], set[str]]:
    """The states a headline names as the other side, and of those the ones of a visit: those after
    " with " ("Call with President of China X"), and those of a visit ("Travel to A", "Visit by the King of
    B", "B Visit"). A visit "to A by B" names the host A before the visitor B: only B is the other side."""
    at = head.find(" with ")
    out = {c for s0, _e, c, _k in named if at >= 0 and s0 > at}
    m = HEAD_VISIT.search(head)
    if m is None:
        return out, set()
    by = re.search(r"\bby\b", head[m.end():])
    # (the state whose visit it is stands just before it: "Saudi Visit", "President of Indonesia's visit")
    before = {c for s0, e0, c, k in named if k == "country" and e0 < m.start() and re.fullmatch(r"(?:['\u2019]s)?\s*", head[e0:m.start()])}
    if m.group("to") and by is not None:  # "Visit to Australia by the King of Sweden"
        visiting = {c for s0, _e, c, _k in named if s0 > m.end() + by.start()}
    elif m.group("to") and before:  # "Prime Minister of Japan's visit to Australia": the host is not the other side
        visiting = before
    elif not before and (re.search(r"\bto\s*$", head[:m.start()]) or m.group(0).lower() in ("visits", "travels")) \
            and any(k == "country" and e0 <= m.start() for _s0, e0, _c, k in named):
        # "Tongan Prime Minister to visit New Zealand": a visitor named with its state may be the guest of
        # the text's own state, or the text's own going out; the headline does not tell which side speaks
        visiting = set()
    else:  # "Saudi Visit": a state just before names the visitor (not "Secretary X's Travel": the traveller);
        # after it, the destination or the visitor
        visiting = {c for s0, _e, c, k in named if s0 > m.start()} | before
    return out | visiting, visiting


#: verbs of a narrator's going ("I will be leaving for A", "we travel to B", "I shall visit C")
NARRATOR_GOING = frozenset({"leave", "leaving", "leaves", "travel", "travelling", "traveling", "go", "going",
                            "visit", "visiting", "depart", "departing", "head", "heading", "fly", "flying"})


def _narrator_bound_for(doc: Doc, spans: list[tuple[int, int, str, str]]) -> set[str]:
    """The states a first-person narrator says it goes to: "I will be leaving tomorrow for A, B and C"."""
    at: dict[int, str] = {}  # token index -> the state its country name names
    for s0, e0, c, k in spans:
        cs = doc.char_span(s0, e0, alignment_mode="expand") if k == "country" else None
        if cs is not None:
            at.update((t.i, c) for t in cs)
    out: set[str] = set()
    for tok in doc:
        if tok.lower_ not in ("i", "we") or tok.dep_ != "nsubj" or tok.head.lower_ not in NARRATOR_GOING:
            continue
        verb = tok.head
        dests = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
                 for o in p.children if o.dep_ == "pobj"] + [o for o in verb.children if o.dep_ == "dobj"]
        out |= {at[t.i] for o in dests for t in [o, *(c for c in o.subtree if c.dep_ == "conj")] if t.i in at}
    return out


#: nouns of the narrator's own meetings ("my meeting with X", "our talks with X")
NARRATED_MEETINGS = frozenset({"meeting", "meetings", "talks", "discussion", "discussions", "conversation",
                               "call", "visit"})


def _met_by_narrator(doc: Doc, people: dict[str, PersonActor], introduced: set[str]) -> set[str]:
    """States of the people a first-person narrator met, called or welcomed, when the text introduces them
    with their state: the other side of the narrator's text."""
    at = {ms: pa for pa in people.values() if pa.id in introduced and pa.country
          and not pa.country.startswith("IGO:") for ms, _me, _f in pa.mentions}
    out: set[str] = set()
    for tok in doc:
        if tok.lower_ in ("my", "our") and tok.dep_ == "poss" and tok.head.lower_ in NARRATED_MEETINGS:
            verb = tok.head  # "As a result of my meeting with His Excellency X, President of China": the same
        elif tok.lower_ not in ("i", "we") or tok.dep_ != "nsubj" or not (
                MEET.match(tok.head.text) or tok.head.lower_ in ("spoke", "speak")):
            continue
        else:
            verb = tok.head
        objs = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
        for o in objs:
            for t in o.subtree:
                pa = at.get(t.idx)
                if pa is not None and pa.country:
                    out.add(pa.country)
    return out


def _described_by(span: Span, spans: list[tuple[int, int, str, str]]) -> str | None:
    """The one state named in the noun phrase a name stands in apposition to, before it ("a New Zealand
    Defence Force officer, Major X"; not "his counterpart, X"), or the one organisation an office there
    names ("the Commander ISAF, General X")."""
    root = span.root
    head = root.head
    # (an apposition the parser reads as a list's next item, with no "and" between: "the Commander ISAF,
    # General X")
    renames = root.dep_ == "appos" or root.dep_ == "conj" and not any(
        t.dep_ == "cc" for t in span.doc[head.i + 1:span.start])
    if not renames or head.i >= span.start or head.lower_ in ("counterpart", "counterparts"):
        return None
    lo, hi = head.left_edge.idx, head.idx + len(head.text)
    found = {c for s0, _e, c, k in spans if k == "country" and lo <= s0 < hi and not c.startswith("IGO:")}
    if root.dep_ == "conj" and not any(t.lower_ in OFFICE for t in head.subtree if t.i < span.start):
        return None  # (a list's next item renames nothing: "met Japan, Major X")
    if not found and any(t.lower_ in OFFICE for t in head.subtree if t.i < span.start):
        # "the Commander ISAF, General X": the one organisation the office he is named by serves
        found = {c for s0, _e, c, _k in spans if lo <= s0 < hi and c.startswith("IGO:")}
    return found.pop() if len(found) == 1 else None


#: verbs whose agent travels in the subject's party ("X will be accompanied by Foreign Minister Y")
ACCOMPANYING = frozenset({"accompanied", "joined"})


def _accompanies(span: Span, spans: list[tuple[int, int, str, str]]) -> str | None:
    """The state of the person a name is said to accompany: the one state a person of the passive
    subject serves ("Dr Menem will be accompanied by a number of senior Ministers, including Foreign
    Minister X and Justice Minister Y", "The President will be accompanied by Economy Minister Z")."""
    tok = span.root
    for _ in range(8):
        if tok.dep_ == "agent" or tok.head == tok:
            break
        if tok.dep_ not in ("conj", "appos", "pobj", "prep", "compound", "nmod"):
            return None
        tok = tok.head
    verb = tok.head
    if tok.dep_ != "agent" or verb.lower_ not in ACCOMPANYING:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subj:
        return None
    lo, hi = subj[0].left_edge.idx, subj[0].right_edge.idx + len(subj[0].right_edge.text)
    found = {c for s0, _e, c, k in spans if k == "person" and lo <= s0 < hi and not c.startswith("IGO:")}
    return found.pop() if len(found) == 1 else None


def _spelled_out(short: str, full: str) -> bool:
    """`full` spells out the initials of `short`: "Subrahmanyam Jaishankar" of "S. Jaishankar"."""
    a, b = short.split(), full.split()
    return len(a) == len(b) >= 2 and a[-1] == b[-1] and any(re.fullmatch(r"[A-Z]\.?", w) for w in a[:-1]) \
        and all(x == y or re.fullmatch(r"[A-Z]\.?", x) and y[:1] == x[:1] and len(y) > 2 for x, y in zip(a[:-1], b[:-1], strict=True))


def _as_subject(span: Span) -> bool:
    """Whether a name is a clause's subject ("Prime Minister X said"), through its title and coordination."""
    return span.doc[coordination_top(span, ("appos", "compound", "conj", "flat"))].dep_ in ("nsubj", "nsubjpass")


def _leader(tally: dict[str, int]) -> str | None:
    """The state counted most, when one leads alone."""
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


#: a direct quotation attributed to a named person: '..." X said', '...," said Mr X'
QUOTED_BY = re.compile(r"[,.!?]?[\"”]\s*,?\s*(?:(?:said|says|added)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
                       r"(?P<who>[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:said|says|added)?\b")


def _quoted_states(text: str, people: dict[str, PersonActor], introduced: set[str]) -> dict[str, int]:
    """States of the people a text quotes directly ('"...," Helen Clark said'), not counting those it
    introduces with a state: a government release quotes its own ministers."""
    out: dict[str, int] = {}
    for m in QUOTED_BY.finditer(text):
        said = text[m.start():m.end()]
        if not re.search(r"\b(?:said|says|added)\b", said):
            continue
        at = m.start("who")
        pa = next((p for p in people.values() if any(s0 <= at < e0 for s0, e0, _f in p.mentions)), None)
        if pa is not None and pa.country and not pa.country.startswith("IGO:") and pa.id not in introduced:
            out[pa.country] = out.get(pa.country, 0) + 1
    return out


_OFFICES: dict[tuple[int, str], frozenset[str]] = {}


def state_offices(gaz: Gazetteer, state: str) -> frozenset[str]:
    """The offices of a state the leaders table knows, in lower case ("president", "prime minister",
    "secretary of state"), with each office's leading title ("secretary" of "secretary of state")."""
    key = (id(gaz), state)
    if key not in _OFFICES:
        roles = {r.role.lower() for p in gaz.people.values() for r in p.roles if r.country == state}
        _OFFICES[key] = frozenset(roles | {r.split(" of ")[0] for r in roles if " of " in r})
    return _OFFICES[key]


def _turns(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
    """Transcript turns (start, end, the speaker's party): "President of Russia Vladimir Putin: ...",
    "Narendra Modi (retranslated): ...", each running to the next speaker's label."""
    labels = []
    for _s, e, c, k in sorted(spans):
        turn = SPEAKER_AFTER.match(text, e)
        if k == "person" and turn:
            labels.append((turn.end(), c))
    return [(start, labels[i + 1][0] if i + 1 < len(labels) else len(text), c)
            for i, (start, c) in enumerate(labels)]


def _pair(main: list[str], counts: dict[str, int], sides: int) -> list[str]:
    """The two sides "the two leaders", "both sides", "the leaders" stand for: the two main parties, unless
    officials of five or more states are named and a third party is named about as often as the second (a
    summit of many, where "the leaders" are not a pair)."""
    if sides >= 5 and len(main) >= 3 and counts.get(main[2], 0) * 2 > counts.get(main[1], 0):
        return []
    return main[:2]


def _named_country_city(gaz: Gazetteer, place: tuple[int, int, str, str], countries: set[str],
                        sides: set[str]) -> tuple[int, int, str, str]:
    """A place name several states have ('Nadi' in Fiji and in Thailand) is the one in a state the
    text names; failing that, one in a state its people come from ('Bali' in India and Indonesia,
    with President Widodo in the text). A metropolis or a capital of its own country stays
    ("Paris" with Biden and Kishida, "Wellington" in a text that names the United States)."""
    s, e, name, country = place
    if country in countries:
        return place
    city = gaz.city(name, country)
    if city is not None and (int(city["population"]) >= METROPOLIS
                             or (gaz.capital_of(name) == country and int(city["population"]) >= TOWN)):
        return place
    key = fold(name)
    cands = [*(c["country"] for c in gaz.cities.get(key, [])), *gaz.regions.get(key, [])]
    named = [c for c in cands if c in countries] or ([c for c in cands if c in sides] if country not in sides else [])
    return (s, e, name, named[0]) if named else place


def _deep_below(doc: Doc, s: int, e: int, person: Span) -> bool:
    """A country named deep inside the phrases of the person's own clause ("Minister X travels to
    Malaysia for meetings including the ASEAN ministers' consultations with New Zealand"): it is
    what the trip is for, not the state the person is met by or travels to."""
    sp = doc.char_span(s, e, alignment_mode="expand")
    if sp is None or person.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb, t, steps = person.root.head, sp.root, 0
    while t.i != verb.i and t.head.i != t.i:
        t, steps = t.head, steps + 1
    return t.i == verb.i and steps > 4


def _modifies_a_thing(doc: Doc, s: int, e: int) -> bool:
    """A country word that only modifies a noun naming no actor ("New Zealand's export destination",
    "a Japanese company"): it does not name that state as a side of the sentence."""
    sp = doc.char_span(s, e, alignment_mode="expand")
    if sp is None:
        return False
    root = sp.root
    return root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.lower_ not in agent_forms() \
        and root.head.ent_type_ not in ("PERSON", "ORG")


def _name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-]+", fold(name)) if w and w not in ("al", "bin", "ibn", "de", "da", "von", "van")}


def _table_person(person: Person, published: str | None) -> PersonActor:
    dec = from_table(person, published)
    return PersonActor(person.id, person.name, dec.country, dec.role, dec.why)


def _match_known(name: str, people: dict[str, PersonActor], gaz: Gazetteer, published: str | None,
                 title: str | None = None) -> PersonActor | None:
    f = fold(name)
    words = _name_words(name)
    for pa in people.values():
        if f in {fold(x) for x in pa.forms} or f in {fold(x) for x in _family_forms(pa.name, pa.country)}:
            return pa
        known = _name_words(pa.name).union(*(_name_words(x) for x in pa.forms))
        if len(words) >= 2 and words <= known:  # "Bin Hamad Al-Thani" within "Tamim bin Hamad Al Thani"
            return pa
    cands: list[Person] = gaz.people_named(name)
    if not cands and title and " " not in name and len(name) > 2 and len(held := gaz.holders_named(name, title, published)) == 1:
        return _table_person(held[0], published)  # "President Ford" in 1976
    if len(cands) == 1 or (cands and published) or (cands and len({p.roles[0].country for p in cands if p.roles}) == 1):
        held = [p for p in cands if (r := p.role_on(published)) and r.holds_on(published)] if published else []
        if len(held) > 1:  # two leaders called Osmani: the one whose office the text names, else neither
            fit = [p for p in held if title and (r := p.held_on(published)) and r.role.lower() in title.lower()]
            held = fit[:1] if len(fit) == 1 else []
            if not held:
                return None
        one_country = len({p.roles[0].country for p in cands if p.roles}) == 1
        person = held[0] if held else (cands[0] if len(cands) == 1 or not published or one_country else None)
        if person:
            return _table_person(person, published)
    return None


def _where(doc: Doc, s: int, e: int) -> bool:
    """A country named as where something happened ("won the cup in Madrid, Spain", "in Spain"), not
    as whose people they are."""
    sp = doc.char_span(s, e, alignment_mode="expand")
    if sp is None:
        return False
    t = sp.root
    if t.dep_ == "appos":  # "Madrid, Spain"
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "at")


def _counterpart_of(ent: Span, spans: list[tuple[int, int, str, str]], voice: str | None) -> str | None:
    """The state of a name given as someone's counterpart with no state ("a visit to Indonesia where he
    will meet his counterpart, Dr X"): the one state its sentence names that none of its people serves."""
    root = ent.root
    title = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "compound"
                                                         and c.lower_ in COUNTERPART), None)
    if title is None or title.lower_ not in COUNTERPART:
        return None
    sent = ent.sent
    inside = [(c, k) for s0, _e, c, k in spans if sent.start_char <= s0 < sent.end_char]
    own = {c for c, k in inside if k == "person"} | ({voice} if voice else set())
    other = {c for c, k in inside if k == "country" and not c.startswith("IGO:")} - own
    return other.pop() if len(other) == 1 else None


def _sentence_country(doc: Doc, ent: Span, spans: list[tuple[int, int, str, str]],
                      author: str | None) -> tuple[str | None, str]:
    sent = ent.sent
    top = doc[coordination_top(ent, ("conj",))]
    for a in (c for c in top.children if c.dep_ == "appos"):  # "A, B and C, members of the Russian team"
        lo, hi = doc[a.left_edge.i].idx, doc[a.right_edge.i].idx + len(doc[a.right_edge.i])
        said = [c for s, e, c, k in spans if lo <= s < hi and k == "country"]
        if said:
            return said[0], f"the country of the apposition describing its list ({said[0]})"
    codes = [c for s, e, c, k in spans if sent.start_char <= s < sent.end_char and k == "country"
             and not _where(doc, s, e)]
    foreign = [c for c in dict.fromkeys(codes) if c != author and not c.startswith("IGO:")]
    if len(foreign) == 1:
        return foreign[0], f"the only foreign country named in its sentence ({foreign[0]})"
    return None, ""
