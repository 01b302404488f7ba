"""What the text says about a named person: the title around the name and the state it names.

"United States Ambassador to Mexico, Ken Salazar", "ROK First Vice Foreign Minister Choi Jong Kun",
"Karol Nawrocki, President-Elect of the Republic of Poland", "X, a former Colombian prosecutor",
"Japan's Ambassador to China X", "EU Commissioner for Enlargement X". The title phrase is read on the
tokens next to the name (capitalised words and the small words that join them, one comma before
or after the name); its country is a state, a demonym or an organisation named inside it, except
the object of "to", "in" or "with" (an ambassador to Mexico serves the sending state).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.resolve.gazetteer import Gazetteer, fold

#: the other side's holder of the same office: "his Australian counterpart, Stephen Smith" serves Australia
COUNTERPART = {"counterpart", "counterparts"}
#: words that make a phrase an office (capitalised in a title, lower case in "a former prosecutor")
OFFICE = {
    *COUNTERPART, "president", "president-elect", "vice", "prime", "minister", "ministers", "premier", "chancellor", "secretary",
    "secretary-general", "undersecretary", "under", "deputy", "assistant", "ambassador", "envoy", "representative",
    "speaker", "chairman", "chairwoman", "chair", "chairperson", "co-chair", "commissioner", "governor",
    "governor-general", "mayor", "senator", "congressman", "congresswoman", "director", "director-general",
    "administrator", "advisor", "adviser", "counsellor", "counselor", "councillor", "councilor", "king", "queen",
    "emir", "amir", "sultan", "prince", "princess", "emperor", "empress", "pope", "general", "admiral", "marshal",
    "commander", "chief", "head", "leader", "attorney", "justice", "judge", "chargé", "charge", "consul",
    "consul-general", "attaché", "d'affaires", "d\u2019affaires", "affaires", "lady", "mp", "lawmaker", "legislator", "official", "officer", "coordinator",
    "delegate", "negotiator", "prosecutor", "diplomat", "ombudsman", "inspector", "member", "spokesperson",
    "spokesman", "spokeswoman", "commissar", "regent", "treasurer", "comptroller", "auditor", "rapporteur",
    "patriarch", "cardinal", "archbishop", "sheikh", "ceo", "politician", "activist", "candidate",
    # officers' ranks ("Major John Flanagan", "Colonel X"): officers of a state's forces
    "major", "colonel", "lieutenant", "brigadier", "commodore",
}
#: offices of the highest rank: a bare "President X" with no state named is not assumed to be the publisher's
HEAD = re.compile(r"^(?:the\s+)?(?:[\w.\u2019'-]+\s+)?(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|"
                  r"Amir|Sultan|Crown Prince|Emperor|Empress|Pope|Foreign Minister|Minister of Foreign Affairs)\b", re.I)
#: small words inside a title phrase ("Minister of the Interior", "Secretary for Foreign Affairs and Trade")
JOINERS = {"of", "the", "for", "and", "to", "on", "in", "at", "&", "'s", "\u2019s", "-", "\u2013", "de", "d'",
           "d\u2019", "du", "la", "des"}
#: prepositions whose object is not the state the official serves ("Ambassador to Mexico", "Embassy in
#: Warsaw", "Special Representative for Afghanistan")
AWAY = {"to", "in", "at", "with", "for", "toward", "towards", "into", "against"}
#: offices a state's government does not have: a "Vice Minister" in a US text is the other side's
NOT_AN_OFFICE_OF = {"USA": re.compile(r"\b(?:Minister|Premier|Chancellor)\b")}
#: qualifiers before a title after the name ("X, a former Colombian prosecutor")
QUALIFIER = {"a", "an", "the", "former", "then", "new", "acting", "interim", "incoming", "outgoing", "newly",
             "appointed", "elected", "current", "late", "previous", "sitting", "caretaker", "senior"}
#: words that open a title before its office word ("Special Envoy", "Senior Advisor")
MODIFIERS = {"special", "senior", "chief", "principal", "first", "executive", "acting", "deputy", "vice", "former",
             "presidential", "national", "permanent", "high", "under", "assistant", "associate", "foreign", "defence",
             "defense", "security", "interim", "caretaker", "lord", "supreme", "grand", "federal", "state"}
#: national institutions named without their state ("White House Social Secretary")
INSTITUTIONS = {
    "white house": "USA", "pentagon": "USA", "state department": "USA", "department of state": "USA",
    "kremlin": "RUS", "state duma": "RUS", "federation council": "RUS", "elysee": "FRA", "élysée": "FRA",
    "downing street": "GBR", "foreign office": "GBR", "whitehall": "GBR", "knesset": "ISR", "bundestag": "DEU",
    "bundesrat": "DEU", "verkhovna rada": "UKR", "national people's congress": "CHN",
    "national people\u2019s congress": "CHN", "state council": "CHN", "zhongnanhai": "CHN", "cppcc": "CHN",
    "lok sabha": "IND", "rajya sabha": "IND", "diet": "JPN", "national diet": "JPN", "blue house": "KOR",
    "majlis": "IRN", "bundeskanzleramt": "DEU", "quai d'orsay": "FRA", "beehive": "NZL", "riksdag": "SWE",
    "storting": "NOR", "folketing": "DNK", "sejm": "POL", "national assembly of vietnam": "VNM",
}
INSTITUTION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, INSTITUTIONS), key=len, reverse=True)) + r")\b", re.I)
HONORIFIC = re.compile(
    r"^(?:(?:the\s+)?(?:rt\.?\s+hon\.?|right\s+hon(?:ou?rable|\.)?|hon(?:ou?rable|\.)?)\s+|t\.\s?h\.\s+|h\.\s?e\.\s+"
    r"|h\s?e\s+(?=mr|mrs|ms|dr|sir)|(?:his|her)\s+(?:excellency|majesty|(?:royal\s+)?highness)\s+|excellency\s+"
    r"|(?:mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+)+", re.I)
#: honorifics and titles that are never a name on their own ("The Rt Hon", "His Excellency")
NOT_A_NAME = re.compile(r"^(?:the|rt|hon|right|honou?rable|excellency|majesty|highness|his|her|royal|sir|dame|mr|mrs|ms|"
                        r"dr|he|lady|lord|first|t\.?h|h\.?e)\.?$", re.I)


@dataclass(frozen=True)
class Stated:
    """A title the text gives a person, and the state or organisation it names (None if it names none)."""

    title: str
    country: str | None
    why: str
    head: bool  # the title is a head of state's or government's ("President", "Prime Minister")
    alone: bool = False  # the office is one state's alone and names none ("Secretary of State")


def strip_honorific(name: str) -> str:
    """'The Rt Hon Sir Mekere Morauta' -> 'Mekere Morauta'; a bare honorific gives ''."""
    out = HONORIFIC.sub("", name.strip()).strip(" ,")
    words = out.split()
    return "" if not words or all(NOT_A_NAME.match(w) for w in words) else out


def _office(tok: Token) -> bool:
    return tok.lower_ in OFFICE


#: offices of a state that stay offices when written in lower case ("with deputy prime minister X")
STATE_OFFICES = frozenset({"minister", "ministers", "ambassador", "ambassadors", "president", "premier",
                           "chancellor", "envoy"})


def _titleish(tok: Token) -> bool:
    t = tok.text
    return bool(t[:1].isupper() or tok.lower_ in JOINERS or tok.like_num or t[:1].isdigit() or _office(tok)
                or re.match(r"d['\u2019]\w", t))


def _country_of(doc: Doc, toks: list[Token], gaz: Gazetteer) -> tuple[str | None, str]:
    """The state or organisation a title phrase names: the first one not after "to"/"in"/"with"."""
    if not toks:
        return None, ""
    lo, hi = toks[0].i, toks[-1].i + 1
    found: list[tuple[int, str, str]] = []
    for ent in doc.ents:
        if ent.start < lo or ent.end > hi:
            continue
        code = _ent_code(ent, gaz)
        city = ent.ent_id_.startswith("city:") or not ent.ent_id_
        if _names_a_body(doc, ent.end, hi):
            continue  # the name of a body of people, not a state's office: "Iraq and Afghanistan Veterans of America CEO"
        if code and (not city or ent.start > 0 and doc[ent.start - 1].lower_ == "of"):
            found.append((ent.start, code, ent.text))  # a city counts in "Mayor of Tucson", not in a dateline
        elif ent.label_ == "GPE" and not ent.ent_id_ and ent.end < hi and (region := _region(ent.text, gaz)):
            found.append((ent.start, region, ent.text))  # "Michigan Governor X": a province's office is its state's
    span = doc[lo:hi]
    for m in INSTITUTION.finditer(span.text):
        tok = span.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is not None:
            found.append((tok.start, INSTITUTIONS[m.group(1).lower().replace("\u2019", "'")]
                          if m.group(1).lower().replace("\u2019", "'") in INSTITUTIONS
                          else INSTITUTIONS[m.group(1).lower()], m.group(1)))
    away = False
    for i, code, text in sorted(found):
        prev = _prev_word(doc, i, lo)
        if prev is not None and (prev.lower_ in AWAY or prev.text == "(" and away):
            away = True  # (and its short form after it: "Special Representative for the Republic of X (ROX)")
            continue
        return code, text
    return None, ""


def _names_a_body(doc: Doc, i: int, hi: int) -> bool:
    """The words after a country in a title name a body of people of another country: a plural noun
    before any office word, then 'of' ("Korea War Veterans of America CEO")."""
    plural = False
    for t in doc[i:hi]:
        if t.lower_ in OFFICE:
            return False
        if t.tag_ in ("NNS", "NNPS"):
            plural = True
        elif plural and t.lower_ == "of":
            return True
    return False


def _prev_word(doc: Doc, i: int, lo: int) -> Token | None:
    j = i - 1
    while j >= lo and doc[j].lower_ in ("the", "republic", "of", "kingdom", "federation", "state", "people's"):
        if doc[j].lower_ == "of" and j - 1 >= lo and doc[j - 1].lower_ in ("republic", "kingdom", "federation", "state"):
            j -= 1
            continue
        if doc[j].lower_ == "of":
            return doc[j]
        j -= 1
    return doc[j] if j >= lo else None


def _region(text: str, gaz: Gazetteer) -> str | None:
    """The state a province or state name belongs to, when only one state has it ("Michigan", "Bali")."""
    states = gaz.regions.get(fold(text).removeprefix("the "), [])
    return states[0] if len(states) == 1 and gaz.place_country(text) == states[0] else None


def _ent_code(ent: Span, gaz: Gazetteer) -> str | None:
    eid = ent.ent_id_
    if ent.label_ in ("GPE", "NORP") and eid:
        return eid[5:] if eid.startswith("city:") else eid
    if ent.label_ == "ORG" and eid.startswith("IGO:"):
        return eid
    if ent.label_ in ("GPE", "LOC"):
        city = gaz.city(ent.text)
        if city and int(city.get("population", 0)) >= 100_000:
            return str(city["country"])
    return None


def _head_word(toks: list[Token]) -> bool:
    """'Prime Minister', 'President', 'King', 'Foreign Minister' -- not 'Deputy Prime Minister' or 'Vice President'."""
    text = " ".join(t.text for t in toks)
    return bool(HEAD.match(text)) and not re.search(r"\b(?:deputy|vice|assistant|under|first lady)\b", text, re.I)


def _name_like(t: Token) -> bool:
    return t.text[:1].isupper() and t.tag_ == "NNP" and not _office(t) and t.lower_ not in JOINERS \
        and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC")


#: words of institutions, never of a person's name ("the U.S. Presidential Delegation")
INSTITUTIONAL = re.compile(r"^(?:Delegation|Administration|Department|Office|Bureau|Service|Embassy|Mission|Secretariat|"
                           r"Court|Parliament|Congress|Senate|Cabinet|Government|Affairs|Policy|Security|Defen[cs]e|"
                           r"Trade|Commerce|Energy|Health|Justice|Treasury|State|Council|Ministry|Committee|Commission|"
                           r"Agency|Assembly|House|Union|Republic|Kingdom|Federation|Presidential|National|Federal|"
                           r"Forces|Force|Army|Navy|Police|Bank|Fund|Board|Authority|Institute|Centre|Center|Party|"
                           r"Ministerial|Communiqu[eé]|Statement|Declaration|Relations|Cargo|Plan|Forum|Equity|Championship|Teleconference|"
                           r"Via)$")


def _ends_in_a_name(seg: list[Token]) -> bool:
    """A title phrase that runs into another person's name: two or more capitalised words at its end,
    none an office, an institution's word or a place, after an office, a place or an institution
    ("Ambassador to Mexico Ken Salazar", "at the Foreign Ministry Roberto Velasco", the last read by the
    NER as part of the ministry's name) -- not "Secretary of Homeland Security", "Chairman of Mitsubishi
    Heavy Industries"."""
    k = len(seg)
    while k > 0 and _name_like(seg[k - 1]) and not INSTITUTIONAL.match(seg[k - 1].text) and (
            seg[k - 1].ent_type_ != "ORG" or any(t.ent_type_ == "ORG" and INSTITUTIONAL.match(t.text) for t in seg[:k - 1])):
        k -= 1
    if len(seg) - k < 2 or k == 0:
        return False
    before = seg[k - 1]
    return _office(before) or before.ent_type_ in ("GPE", "NORP", "LOC") or bool(INSTITUTIONAL.match(before.text))


def _after_other_name(toks: list[Token]) -> list[Token]:
    """A title read leftwards from a name stops at another person's name the NER missed: in
    "National Security Advisor Celso Amorim of Brazil and Foreign Minister X", the title of X starts
    after "and" (an office word followed by two name-like words, or by one and "of" a state, is someone's
    title and name)."""
    for k in range(len(toks) - 2, 0, -1):
        # (or one name and the state it serves: "President Ruto of Kenya and President X")
        if _office(toks[k - 1]) and _name_like(toks[k]) and (_name_like(toks[k + 1]) or (
                toks[k + 1].lower_ == "of" and k + 2 < len(toks) and toks[k + 2].ent_type_ in ("GPE", "NORP"))):
            cut = next((j for j in range(k + 2, len(toks)) if toks[j].lower_ == "and"), None)
            if cut is not None:
                return toks[cut + 1:]
    return toks


def _in_portfolio_list(doc: Doc, comma: int, sent_start: int) -> bool:
    """Whether the comma at `comma` separates the portfolios of one office ("Assistant Secretary for
    Population, Refugees, and Migration"): capitalised words back to a "for" after an office phrase."""
    k = comma - 1
    while k > max(sent_start, comma - 8) and (doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON"
                                               or doc[k].text in (",", "&")):
        k -= 1
    return doc[k].lower_ == "for" and k > sent_start and doc[k - 1].text[:1].isupper()


def _segments(toks: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for k, t in enumerate(toks):
        if t.lower_ == "and" and not (out[-1] and out[-1][-1].text == ",") \
                and not _portfolio_and(out[-1], toks[k + 1:]):  # (", and": a portfolio list's last)
            out.append([])
        else:
            out[-1].append(t)
    return [s for s in out if s]


def _portfolio_and(before: list[Token], after: list[Token]) -> bool:
    """'and' joins two portfolio words of one office ("Australia's Trade and Competitiveness Minister"),
    not two holders or a state and an office ("the United States and Prime Minister X"): the word before
    it is a capitalised common word, and the part after it is more portfolio words up to the office."""
    if not before or not after:
        return False
    last = before[-1]
    if last.ent_type_ in ("GPE", "NORP", "PERSON") or last.lower_ in OFFICE or not last.text[:1].isupper():
        return False
    k = 0
    while k < len(after) and after[k].lower_ not in OFFICE:
        if after[k].ent_type_ in ("GPE", "NORP", "PERSON") or not after[k].text[:1].isupper():
            return False
        k += 1
    return 0 < k < len(after) and k <= 3


def _caps_run(doc: Doc, i: int, lo: int) -> int:
    """How many words in capitals end at token `i`."""
    n = 0
    while i >= lo and doc[i].text.isupper() and doc[i].text.isalpha():
        n += 1
        i -= 1
    return n


def left_title(doc: Doc, start: int, gaz: Gazetteer) -> Stated | None:
    """The title phrase just before the name at token `start`: 'U.S. Senator', 'Prime Minister of
    Japan', 'United States Ambassador to Mexico,'."""
    sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    if sent_start == start > 0 and doc[start - 1].text[-1:] not in (".", "!", "?", ":", ";") \
            and "\n" not in doc[start - 1].whitespace_:
        sent_start = doc[start - 1].sent.start  # a sentence the parser broke before the name, after its title
    i = start - 1
    toks: list[Token] = []
    honours = 0
    while i >= sent_start and HONORIFIC.match(doc[i].text + " ") or i >= sent_start and doc[i].lower_ in (
            "the", "hon", "rt", "professor", "prof", "excellency", "his", "her", "h", "e") and honours:
        honours += 1  # "Prime Minister, The Hon John Howard": the honorific stands between title and name
        i -= 1
    if i >= sent_start and doc[i].text == ",":
        i -= 1  # "Title, Name"
    elif honours and i >= sent_start and doc[i].lower_ in ("and", "with", "by"):
        return None  # "X, Prime Minister of Turkey and the Hon Y": that title is X's
    while i >= sent_start:
        t = doc[i]
        if t.ent_type_ == "PERSON" and not _office(t) or "\n" in t.whitespace_ or t.is_space:
            break  # (an office word the NER took for a name, "Chairperson", is still the title)
        if toks and not toks[0].text.isupper() and _caps_run(doc, i, sent_start) >= 3:
            break  # a heading in capitals run into the text: "TO VISIT NEW GUINEA The Prime Minister, Mr. X"
        if t.text == ")" and (toks or i == start - 1):
            # "Republic of Korea (ROK) Special Representative"; "Assistant Secretary for Migration (PRM) X"
            k = i - 1
            while k > max(sent_start, i - 5) and doc[k].text != "(":
                k -= 1
            if doc[k].text == "(" and all(x.text[:1].isupper() for x in doc[k + 1:i]):
                i = k - 1
                continue
        if t.text == "," and toks and not any(_office(x) for x in toks) and _in_portfolio_list(doc, i, sent_start):
            toks.insert(0, t)  # "Minister for Trade, Industry and Energy X": the portfolios are the title
            i -= 1
            continue
        if t.lower_ in ("spokesperson", "spokesman", "spokeswoman") and toks:
            break  # "Office of the Spokesperson Deputy Secretary X": a byline, then the title
        if t.text == "," and toks and i - 1 >= sent_start and doc[i - 1].ent_type_ in ("GPE", "LOC") \
                and toks[0].ent_type_ in ("GPE", "LOC"):
            i -= 1  # "Mayor of Tucson, Arizona, X"
            continue
        if not _titleish(t) or t.text in (",", ";", ":", "(", ")", '"', "\u201c", "\u201d"):
            break
        toks.insert(0, t)
        i -= 1
    toks = _after_other_name(toks)
    # "the United States and Prime Minister X": parts before the first office joined by "and" are not
    # the title; the state is looked for from the part next to the name leftwards
    # ("Representative of California and Chair of the Caucus": the part next to the name names none)
    segs = _segments(toks)
    while segs and not any(_office(t) for t in segs[0]):
        segs.pop(0)
    for seg in segs:
        while seg and seg[0].lower_ in JOINERS:
            seg.pop(0)
    segs = [seg for seg in segs if seg]
    if not segs or not any(_office(t) and (t.text[:1].isupper() or t.lower_ in COUNTERPART or t.lower_ in STATE_OFFICES)
                           for t in segs[0]):
        return None  # "opposition leader X", "activist X": a description, not an office (but "deputy prime
        # ministers X and Y", in lower case, are offices of a state)
    kept = [t for seg in segs for t in seg]
    first = next((k for k, t in enumerate(kept) if _office(t) or t.ent_type_ in ("GPE", "NORP") or t.ent_id_
                  or INSTITUTION.match(doc[t.i:kept[-1].i + 1].text)), 0)
    while first and (kept[first - 1].lower_ in MODIFIERS or kept[first].lower_ == "minister"
                     and kept[first - 1].text.istitle() and kept[first - 1].ent_type_ not in ("GPE", "NORP", "PERSON")):
        first -= 1  # "Special Envoy", "Former Secretary"; "Trade Minister": a portfolio
    if first:  # "Bronze Bust in Honor of Former Secretary of State": the title starts at "Secretary"
        drop = {t.i for t in kept[:first]}
        segs = [[t for t in seg if t.i not in drop] for seg in segs]
        segs = [seg for seg in segs if seg]
        kept = kept[first:]
    country, what = None, ""
    for seg in reversed(segs):
        country, what = _country_of(doc, seg, gaz)
        if country:
            break
    title = doc[kept[0].i:kept[-1].i + 1].text
    why = f"title before the name: '{title}'" + (f" names {what}" if country else "")
    if COUNTERPART & {t.lower_ for t in kept}:  # the other side's office, not one of its own: the state alone
        return Stated("", country, why, False) if country else None
    return Stated(title, country, why, _head_word(kept))


def right_title(doc: Doc, end: int, gaz: Gazetteer) -> Stated | None:
    """The title phrase just after the name ending at token `end`: ', President-Elect of the Republic
    of Poland', ', a former Colombian prosecutor', ' of Panama', ', Charge d'Affaires, U.S. Embassy Warsaw'."""
    n = len(doc)
    sent_end = doc[end - 1].sent.end if doc.has_annotation("SENT_START") else n
    i = end
    comma = i < sent_end and doc[i].text == ","
    if comma:
        i += 1
    if not comma and i < sent_end and doc[i].lower_ in ("of", "from"):
        toks = []
        j = i + 1
        while j < sent_end and (doc[j].text[:1].isupper() or doc[j].lower_ in ("the", "of")):
            toks.append(doc[j])
            j += 1
        country, what = _country_of(doc, toks, gaz)
        if country:
            return Stated("", country, f"'{doc[i].text} {what}' after the name", False)
        return None
    if i < sent_end and doc[i].lower_ in ("and", "or"):
        # "A and Chairperson of X B", "Minister A, and the State of Qatar's Minister B": the next item of
        # a list, with a title of its own
        return None
    while i < sent_end and (doc[i].lower_ in QUALIFIER and doc[i].ent_type_ not in ("GPE", "NORP") or comma and doc[i].lower_ in ("his", "her", "their")
                            and i + 2 < sent_end and COUNTERPART & {doc[i + 1].lower_, doc[i + 2].lower_}):
        i += 1  # (", his Australian counterpart": the possessive of a counterpart)
    segs: list[list[Token]] = []
    cur: list[Token] = []
    while i < sent_end and len(segs) < 3:
        t = doc[i]
        if t.text == ",":
            if not cur:
                break
            segs.append(cur)
            cur = []
            i += 1
            continue
        if t.ent_type_ == "PERSON" or HONORIFIC.match(t.text + " ") and len(cur) > 1:
            # "A, Japanese Vice Foreign Minister B": the title is B's; "A, Prime Minister of Turkey and the
            # Hon B": A's title ends at "and"
            ands = [k for k, x in enumerate(cur) if x.lower_ == "and"]
            cur = cur[:ands[-1]] if ands else []
            break
        if t.is_space or t.text in (";", ":", "(", ")", ".") or t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper():
            break
        if "\n" in t.whitespace_:
            cur.append(t)
            break
        if not _titleish(t) or t.text[:1].isupper() and t.tag_ not in ("NNP", "NNPS") and not _office(t) \
                and not t.ent_type_:
            break
        cur.append(t)
        i += 1
    if cur:
        segs.append(cur)
    # ", Ambassador Popadiuk, thank you": a title and a name the NER missed are another person
    segs = [seg for seg in segs if not (len(seg) >= 2 and _office(seg[-2]) and not _office(seg[-1])
                                        and seg[-1].tag_ == "NNP" and not seg[-1].ent_type_
                                        and not any(t.lower_ in JOINERS for t in seg))]
    if segs and _ends_in_a_name(segs[0]):
        # "X, U.S. Ambassador to Mexico Ken Salazar, ...": in a list of titles before names, the title
        # after a comma is the next person's
        return None
    if not segs or not comma and not any(_office(t) for t in segs[0][:3]):
        return None
    if not any(_office(t) for t in segs[0]):
        return None
    title = doc[segs[0][0].i:segs[0][-1].i + 1].text
    if COUNTERPART & {t.lower_ for t in segs[0]}:  # the other side's office, not one of its own: the state alone
        country, what = _country_of(doc, segs[0], gaz)
        return Stated("", country, f"'{title}' after the name names {what}", False) if country else None
    for seg in segs:
        country, what = _country_of(doc, seg, gaz)
        if country:
            return Stated(title, country, f"title after the name: '{title}' names {what}", _head_word(segs[0]))
        if seg is not segs[0] and not seg[0].text[:1].isupper():
            break
    return Stated(title, None, f"title after the name: '{title}'", _head_word(segs[0]))


#: offices only one state has, named without it ("Deputy Secretary of State": the UK's are "... for X").
#: The United States' officers of State and Defense are the Secretary, the Deputy, the Under Secretaries and
#: the Assistant Secretaries (22 U.S.C. 2651a; 10 U.S.C. 113, 132-138), spelled apart and with "Defense";
#: the United Kingdom's are Parliamentary or Permanent "Under-Secretaries of State for ..." and "Defence".
NATIONAL_OFFICES = [
    (re.compile(r"\bSecretary of State\b(?!\s+for\b)"), "USA"),
    (re.compile(r"(?<!Parliamentary )(?<!Permanent )\b(?:Deputy|Assistant|Under) Secretary of State\b"), "USA"),
    (re.compile(r"(?<!Parliamentary )(?<!Permanent )\b(?:Assistant|Under) Secretary (?:of (?:State|Defense) )?for\b"),
     "USA"),
    (re.compile(r"\bSecretary of Defense\b"), "USA"),
]


def stated(doc: Doc, span: Span, gaz: Gazetteer) -> Stated | None:
    """The title the text gives the person named by `span`, the one naming a state first."""
    left = left_title(doc, span.start, gaz)
    right = right_title(doc, span.end, gaz)
    if left is not None and left.country and left.country.startswith("IGO:"):
        # "the Sultan of Brunei Darussalam, the incumbent Chair of ASEAN Hassanal Bolkiah": a state's office
        # given just before an organisation's chair names the state the person serves
        j = span.start - 1
        sent_start = doc[span.start].sent.start if doc.has_annotation("SENT_START") else 0
        while j > sent_start and doc[j].text != "," and span.start - j < 12:
            j -= 1
        if j > sent_start and doc[j].text == ",":
            before = left_title(doc, j + 1, gaz)
            if before is not None and before.country and not before.country.startswith("IGO:"):
                return Stated(f"{before.title}, {left.title}", before.country, before.why, before.head)
    for s in (left, right):
        if s and s.country:
            other = right if s is left else left
            if not s.title and other is not None and other.title and not other.country:
                # "Prime Minister X of Ireland", "his Irish counterpart, Secretary X": one side the office,
                # the other the state
                return Stated(other.title, s.country, f"{other.why}; {s.why}", other.head)
            return s
    for s in (left, right):
        for pat, code in NATIONAL_OFFICES:
            if s and pat.search(s.title):
                return Stated(s.title, code, f"{s.why}: an office of {code} alone", s.head, alone=True)
    return left or right
