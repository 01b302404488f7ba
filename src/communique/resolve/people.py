"""Named people: which spans are names, and the state each person serves, with the reason.

The order of evidence: what the text states next to the name (a title naming a state, see
`titles`), then the leaders table for a role valid on the document's date, then membership of
a delegation the text names, then a sourced dated role (`roles_sourced.jsonl`), then the leaders
table for the country alone (the person's nearest role in time, no role claimed), then for a
title naming no state in a publisher's own text, that publisher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from communique.resolve.gazetteer import Gazetteer, Person, SourcedRole
from communique.resolve.titles import (
    HONORIFIC,
    INSTITUTIONAL,
    NOT_AN_OFFICE_OF,
    OFFICE,
    STATE_OFFICES,
    Stated,
    strip_honorific,
)

#: honorifics the NER does not take for the start of a name ("The Honorable Kelly Loeffler", "T.H. X")
HONOURED = re.compile(
    r"(?:\b(?:The\s+)?(?:Honou?rable|Rt\.?\s+Hon\.?|Right\s+Honou?rable|Hon\.)|\bT\.\s?H\.|\bH\.\s?E\.|\b(?:Mr|Mrs|Ms|Dr)\.?"
    r"|\bSir|\bDame)\s+(?P<name>[A-Z][\w\u2019'.-]+(?:\s+(?:[A-Z]\.|[A-Z][\w\u2019'-]+)){1,3})")
DELEGATION = re.compile(r"\bdelegation\b", re.I)
REPRESENTING = re.compile(r"\brepresent(?:ing|ed)\b", re.I)
#: a heading that opens a list of delegation members ("Members of the Presidential Delegation:")
LIST_HEAD = re.compile(r"(?im)^[^\n]*\b(?:delegation|delegates)\b[^\n]*:\W*$")
LEAD_VERB = re.compile(r"^(?:lead|leads|led|leading|head|heads|headed|heading|join|joins|joined|include|includes|"
                       r"included|comprise|comprises|comprised)$", re.I)
#: sending-state order of sourced roles: the highest office first
KIND_ORDER = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "deputy_head_of_government": 3,
              "deputy_head_of_state": 3, "io_official": 3, "minister": 4, "ambassador": 5}


@dataclass(frozen=True)
class Decision:
    country: str | None
    role: str | None
    why: str


#: nouns naming a body, which end a title the NER takes into the name ("...of the United States [Congress
#: Nancy Pelosi]", "...of the Irish [Parliament Mark Daly]")
BODIES = frozenset({"congress", "parliament", "assembly", "senate", "house", "council", "committee", "government",
                    "ministry", "office", "cabinet", "commission", "court", "bank", "party", "administration"})


def name_span(doc: Doc, ent: Span) -> Span | None:
    """The name in an entity, repaired where the NER cut it: a given name left out ("Isabel [Casillas
    Guzman]"), a family name cut off ("[Carlos Julián] Bermeo Casas"), a title taken in ("[Lady Jill Biden]")."""
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in OFFICE or HONORIFIC.match(doc[start].text + " ")
                           or doc[start].lower_ in ("the", "first", "his", "her") or doc[start].lower_ in BODIES):
        start += 1
    cut = next((i for i in range(start, end) if doc[i].text in ("'s", "\u2019s", "'", "\u2019")), end)
    end = cut  # "Blinken's Meeting": the name ends at the possessive
    if start >= end:
        return None

    def part_of_name(i: int) -> bool:
        t = doc[i]
        return (t.tag_ == "NNP" and t.text[:1].isupper() and t.text.isalpha() and t.lower_ not in OFFICE
                and t.lower_ not in BODIES
                and not (t.ent_type_ and t.ent_id_) and t.ent_type_ not in ("NORP", "ORG", "DATE")
                and not HONORIFIC.match(t.text + " "))

    if start == ent.start:
        while start - 1 >= 0 and end - start < 5 and part_of_name(start - 1) and doc[start - 1].dep_ == "compound" \
                and start <= doc[start - 1].head.i < end \
                and not (start >= 2 and doc[start - 2].lower_ in ("for", "of", "and", "&")):
            start -= 1  # (not the last word of an office: "Minister for Mines and [Resources] Maria Lopez")
    stop = end
    while stop < len(doc) and stop - start < 5 and part_of_name(stop) and doc[stop - 1].dep_ == "compound" \
            and doc[stop - 1].head.i >= stop:
        stop += 1
    if stop > end and (stop == len(doc) or doc[stop].is_punct):
        end = stop  # "Carlos Julian [Bermeo Casas], a former prosecutor" -- not "Uzra Zeya [Travel] to Geneva"
    if end < len(doc) and REGNAL.fullmatch(doc[end].text) and doc[end].tag_ in ("NNP", "NN") \
            and doc[end].idx == doc[end - 1].idx + len(doc[end - 1]) + 1:  # (not "Prime Minister Valls [I] will")
        end += 1  # "King George Tupou [V]", "Pope John Paul [II]": the regnal number is the name's
    return doc[start:end]


#: a regnal number after a name ("George Tupou V", "Elizabeth II"); the parser may keep a sentence's full stop on it
REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,2}I{0,3}|XIV|XV|XVI)\.?")


def honoured_names(doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
    """Names after an honorific that the NER missed ("The Honorable Kelly Loeffler", "T.H. Vincent Haley")."""
    out = []
    for m in HONOURED.finditer(doc.text):
        s, e = m.span("name")
        if any(s < te and ts < e for ts, te in taken):
            continue
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or len(span) < 2 or any(t.lower_ in OFFICE for t in span):
            continue
        out.append(span)
    return out


def _swallowed(doc: Doc, j: int) -> bool:
    """A word the NER took into an institution's name that follows it: "[the Foreign Ministry Roberto
    Velasco]" (ORG) is the ministry and then a name."""
    if doc[j].ent_type_ != "ORG" or doc[j].ent_id_:
        return False
    k = j - 1
    while k >= 0 and doc[k].ent_type_ == "ORG" and doc[k + 1].ent_iob_ != "B":
        if INSTITUTIONAL.match(doc[k].text):
            return True
        k -= 1
    return False


def _mislabelled(doc: Doc, i: int, j: int) -> bool:
    """A word of a name the NER took for a place or a body it could not identify ("The President of
    Chile, [Ricardo Lagos]" as GPE, "Hon Toke [Talagi]" as ORG): an unidentified entity that starts
    within the name."""
    t = doc[j]
    return t.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC") and not t.ent_id_ and (t.ent_iob_ == "B" or j > i)


def titled_names(doc: Doc, taken: list[tuple[int, int]], left_title: Callable[[int], object]) -> list[Span]:
    """Names the NER missed right after a title ("Speaker of the Parliament of Georgia Nika Beridze"):
    two to four capitalised proper nouns, no office word among them, that a title phrase precedes, or
    one between an office and the state it names."""
    out: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        j = i
        while j < n and j - i < 4 and doc[j].tag_ == "NNP" and doc[j].text.isalpha() and doc[j].text[:1].isupper() \
                and doc[j].lower_ not in OFFICE and (not doc[j].ent_type_ or _swallowed(doc, j) or _mislabelled(doc, i, j)) \
                and not HONORIFIC.match(doc[j].text + " ") \
                and not INSTITUTIONAL.match(doc[j].text):
            j += 1
        k = i - 1  # the word before the name, past honorifics ("Premier of Niue Hon Toke Talagi")
        while k > 0 and k < i and HONORIFIC.match(doc[k].text + " ") and doc[k].text[:1].isupper():
            k -= 1
        prev = doc[k] if k >= 0 else None
        if prev is not None and prev.text == "," and k > 0:
            k -= 1
            prev = doc[k]
        ends_title = prev is not None and (prev.lower_ in OFFICE or bool(prev.ent_id_) or bool(INSTITUTIONAL.match(prev.text))
                                           or k > 0 and doc[k - 1].lower_ == "of")
        # (one word is a name between an office and its state: "President Alfonsin of Argentina")
        of_state = j - i == 1 and k == i - 1 and prev is not None and prev.lower_ in OFFICE and j + 1 < n \
            and doc[j].lower_ == "of" and any(t.ent_id_ and t.ent_type_ == "GPE" and not t.ent_id_.startswith("city:")
                                              for t in doc[j + 1:j + 3])
        if (j - i >= 2 or of_state) and ends_title and all(t.text.istitle() for t in doc[i:j]) \
                and (j == n or doc[j].tag_ != "NNP" and not doc[j].text[:1].isupper() and doc[j].ent_iob_ != "I") \
                and i > 0 and (doc[i - 1].tag_ in ("NNP", ",") or i - 1 > k) \
                and not any(doc[i].idx < te and ts < doc[j - 1].idx + len(doc[j - 1]) for ts, te in taken) \
                and left_title(i) is not None:
            out.append(doc[i:j])
        i = max(j, i + 1)
    return out


#: letters after a name that are an office or an honour, not the name ("Hon Damien O'Connor MP")
POST_NOMINALS = re.compile(r"(?:[\s,]+(?:MP|MPs|QC|KC|SC|MHR|MLC|MLA|MSP|PC|JP|AC|AO|OBE|CBE|KBE|DBE|MBE|CMG|KCMG|GCMG|"
                           r"ONZM|CNZM|KNZM|DNZM|GNZM|QSO))+$")


def clean_name(text: str) -> str:
    name = re.sub(r"\s*\([^()]*\)\s*", " ", text.strip())  # "Feleti (Fred) Sevele": a nickname in brackets
    name = strip_honorific(re.sub(r"['\u2019]s?$", "", name.strip()))
    name = POST_NOMINALS.sub("", name) if len(name.split()) > 2 or "," in name else name
    return re.sub(r"\s+", " ", name).strip(" ,.")


def from_table(person: Person, published: str | None) -> Decision:
    """The leaders table: a role only when valid on the date; otherwise the country of the nearest
    role in time, with no role claimed."""
    held = person.held_on(published)
    if held:
        src = f"; dates from {held.source}" if held.source and held.source.startswith("roles.csv") else ""
        return Decision(held.country, held.role, f"leaders table: {person.name}, {held.role} of {held.country} "
                                                 f"({held.start}..{held.end or 'now'}){src}")
    near = person.role_on(published)
    if near is None:
        return Decision(None, None, "leaders table: no role")
    return Decision(near.country, None, f"leaders table: {person.name} was {near.role} of {near.country} "
                                        f"({near.start}..{near.end or 'now'}), no table role on {published}: "
                                        "country only")


def from_sourced(gaz: Gazetteer, name: str, published: str | None) -> Decision | None:
    """A sourced dated role valid on the date, when all such rows agree on the state."""
    rows: list[SourcedRole] = gaz.sourced_on(name, published)
    if not rows or len({r.country for r in rows}) != 1:
        return None
    best = min(rows, key=lambda r: (KIND_ORDER.get(r.kind, 6), -len(r.exact), r.title is None))
    when = f"{best.start}..{best.end}"
    return Decision(best.country, best.title if published else None, f"sourced role: {best.name}, {best.title or best.kind} of "
                                              f"{best.country} ({when}) in {best.cite()}")


def delegation_country(doc: Doc, gaz: Gazetteer, author: str | None) -> tuple[list[tuple[int, int, str, str]], str | None]:
    """Where delegation members are named, and whose delegation it is: (start, end, country, why)
    regions for persons leading or joining a delegation, and members listed under a heading."""
    regions: list[tuple[int, int, str, str]] = []
    doc_country: str | None = None
    told = DELEGATION.search(doc.text) is not None  # (walking the sentences makes a token object of every word)
    for sent in doc.sents if told else ():
        if not DELEGATION.search(sent.text):
            continue
        for tok in sent:
            if tok.lower_ != "delegation":
                continue
            code = _delegation_state(doc, tok.i, gaz)
            if code:
                doc_country = doc_country or code
            verb = next((a for a in [tok.head, tok.head.head] if LEAD_VERB.match(a.text)), None)
            if code and verb is not None:
                regions.append((sent.start_char, sent.end_char, code, f"leads or joins the {doc[tok.i - 1].text} delegation"
                                if doc[tok.i - 1].ent_type_ else "in the delegation it names"))
    listed = REPRESENTING.search(doc.text) is not None  # (read the tokens only where the words stand)
    for tok in doc if listed else ():  # "Representing Mexico were A; B", "Canada was represented by A"
        if tok.lower_ in ("representing", "represented"):
            deps = ("dobj",) if tok.lower_ == "representing" else ("nsubjpass",)
            state = next((c.ent_id_ for c in tok.children if c.dep_ in deps and c.ent_type_ in ("GPE", "NORP")
                          and c.ent_id_ and not c.ent_id_.startswith("city:")), None)
            if state is not None and (tok.lower_ == "represented" or tok.i == tok.sent.start):
                sent = tok.sent
                regions.append((sent.start_char, sent.end_char, state, f"listed as representing {doc[tok.i + 1].text}"
                                if tok.lower_ == "representing" else "listed as representing its state"))
    if doc_country is None and author and re.search(r"\b(?:Presidential|Official|U\.S\.|our) Delegation\b", doc.text):
        doc_country = author  # the publisher announces its own delegation
    if doc_country is None:
        return regions, None
    for sent in doc.sents:  # "Jane Doe will lead the delegation": the document's delegation
        if DELEGATION.search(sent.text) and not any(s <= sent.start_char < e for s, e, _, _ in regions) \
                and any(LEAD_VERB.match(t.text) for t in sent):
            regions.append((sent.start_char, sent.end_char, doc_country, "leads or joins the delegation"))
    for m in LIST_HEAD.finditer(doc.text):  # the lines listed under "Members of the Delegation:"
        pos = m.end()
        for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text[pos:]):
            line = para.group(0)
            if len(line.split()) > 40 or line.rstrip().endswith(":"):
                break
            regions.append((pos + para.start(), pos + para.start() + min(len(line), 60), doc_country,
                            "listed as a member of the delegation"))
    return regions, doc_country


def _delegation_state(doc: Doc, i: int, gaz: Gazetteer) -> str | None:
    """The state of 'the Indian delegation', 'the U.S. Presidential Delegation', 'the delegation of Japan'."""
    for j in range(i - 1, max(-1, i - 6), -1):  # (over "high-level", "senior", "presidential")
        t = doc[j]
        if t.ent_type_ in ("GPE", "NORP") and t.ent_id_ and not t.ent_id_.startswith("city:"):
            return t.ent_id_
        if t.lower_ in ("the", "a", "to", "of") or t.pos_ == "VERB":
            break
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("of", "from"):
        for t in doc[i + 2:i + 6]:
            if t.ent_type_ in ("GPE", "NORP") and t.ent_id_ and not t.ent_id_.startswith("city:"):
                return t.ent_id_
    return None


def coordination_top(span: Span, deps: tuple[str, ...] = ("conj", "appos")) -> int:
    """The first conjunct of the list a name stands in ("A, B and C": A), by the parse."""
    tok = span.root
    while tok.dep_ in deps and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


MEET = re.compile(r"^(?:meet|meets|met|meeting|receive|receives|received|host|hosts|hosted|welcome|welcomes|welcomed|"
                  r"call|calls|called|visit|visits|visited|thank|thanked|congratulate|congratulated)$", re.I)


def met_by_subject(span: Span) -> bool:
    """The person is whom the subject meets, calls or receives ("will meet with the Minister for
    Enterprise, X"): the other side, not the publisher's official."""
    tok = span.doc[coordination_top(span)]
    for _ in range(4):  # "Commissioners, including Trade Commissioner X", "the Minister for Enterprise, X"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among", "for", "of"):
            tok = tok.head.head
        elif tok.dep_ in ("appos", "conj"):
            tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "by") and tok.head.head.i != tok.head.i:
        tok = tok.head
    # ("met A; Shadow Foreign Secretary, B; and C": the small model hangs a later item of the list on the verb)
    return (tok.dep_ in ("dobj", "prep", "agent") or tok.dep_ == "dep" and tok.i > tok.head.i) \
        and bool(MEET.match(tok.head.text))


#: a head-level title that is not a head of state's or government's: the publisher's own when it acts
MINISTER_HEAD = re.compile(r"\b(?:Foreign Minister|Minister of Foreign Affairs)\b", re.I)


def titled_default(st: Stated, name: str, siblings: list[str], named: set[str], home: str | None,
                   other_side: bool = False, subject: bool = False, voice: str | None = None,
                   speaker: bool = False, sides: tuple[str, ...] = (), paired: bool = False) -> Decision | None:
    """A title naming no state. In a list whose other members all serve one state, that state
    ("A, the President of the Central Bank of Nicaragua; and B, a National Assembly Deputy");
    otherwise the office of the publisher's state (`home`) ('Deputy Secretary of State',
    'Assistant to the President') -- unless its sentence names the publisher's state apart from
    the person (then the person may be the other side's), and never for a head of state."""
    if not st.title[:1].isupper() and not STATE_OFFICES & set(st.title.lower().split()):
        return None  # "a member of parliament", "director": a description, not a publisher's office
    own = home or voice  # a text with no publisher address: the state it speaks as
    others = [c for c in sides if c != own and not c.startswith("IGO:")]
    if own in NOT_AN_OFFICE_OF and NOT_AN_OFFICE_OF[own].search(st.title) and len(others) == 1 and not st.head:
        # "Deputy Foreign Minister X" in a US text about Turkey: an office the publisher's state does not
        # have, so the text's one other side's
        return Decision(others[0], st.title, f"{st.why}, no state named: not an office of {own}, so of the "
                                             f"text's other side ({others[0]})")
    # (leaders listed in twos serve different states: "President X and Prime Minister Y"; a longer list of one
    # state's officials is its government's: "President A, Prime Minister B, Acting Foreign Minister C")
    if paired and len(siblings) == 1 and own and siblings[0] != own and not own.startswith("IGO:") and not st.head:
        # "Trade Minister A and Chinese Commerce Minister B will sign": of a pair, the one the text gives no
        # state is the publisher's, set apart from the other by the other's adjective
        return Decision(own, st.title, f"{st.why}, no state named: the publisher's ({own}), paired with an "
                                       f"official of {siblings[0]}")
    if len(set(siblings)) == 1 and (not st.head or len(siblings) >= 2):
        return Decision(siblings[0], st.title or None, f"{st.why}, no state named: listed with officials of "
                                                       f"{siblings[0]}")
    if other_side:  # met by the publisher's official: the one other state its sentence names, if one
        foreign = sorted(named - {own} if own else named)
        if len(foreign) == 1 and not st.head:
            return Decision(foreign[0], st.title, f"{st.why}, no state named: met by the subject, in a sentence "
                                                  f"naming {foreign[0]} alone")
        return None
    if subject and own and st.title and (own not in named or speaker) and not siblings \
            and (MINISTER_HEAD.search(st.title) if st.head else re.search(r"\bMinister\b", st.title)) \
            and not (own in NOT_AN_OFFICE_OF and NOT_AN_OFFICE_OF[own].search(st.title)):
        # "Foreign Minister Don McKinnon will attend ...": the subject of the publisher's release is its own minister
        return Decision(own, st.title, f"{st.why}, no state named: the publisher's ({own}), the sentence's subject")
    if st.head or not own or not st.title or own in named or own in siblings:
        return None
    if own in NOT_AN_OFFICE_OF and NOT_AN_OFFICE_OF[own].search(st.title):
        return None
    return Decision(own, st.title, f"{st.why}, no state named: the publisher's ({own})")
