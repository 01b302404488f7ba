#!/usr/bin/env python3
"""Regenerate `data/actors.jsonl`: the named organisations, groups, forces, parties and
institutions of general news, each with the party it stands for.

Sources: PETRARCH2's actor dictionaries (github.com/openeventdata/petrarch2,
`petrarch2/data/dictionaries`), MIT License, (c) 2014 Open Event Data. "Derived from the
PETRARCH2 CAMEO dictionaries, (c) 2014 Open Event Data, MIT License".

- `../shared/dictionaries/petrarch2/Phoenix.Countries.actors.txt`: countries, their national
  institutions ("AFGHAN_NATIONAL_ARMY [AFGMIL]", "PALESTINIAN_AUTHORITY [PSEGOV]") and people;
- `../shared/dictionaries/petrarch2/Phoenix.International.actors.txt`: international
  organisations, NGOs, companies and their heads;
- `scripts/dictionaries/petrarch2/Phoenix.MilNonState.actors.txt`: militarised non-state groups
  ("HAMAS", "UNITA", "TALIBAN"). PETRARCH2 reads it with the other two (its config lists all
  three), but `../shared` does not hold it, so an unchanged copy (commit 4cad56eb) is kept beside
  this script with the licence.

The format is PETRARCH2's (`PETRreader.read_actor_dictionary`): a primary phrase whose words are
joined by `_`, optionally followed by `[CODE]`; `+phrase` synonym lines; tab-indented
`[CODE restriction]` lines (`<date`, `>date`, `date-date`); `#` or `;` starts a comment.

What is kept, and why (decisions the dictionaries leave open):

- Country entries (a code that is a bare country, or a country and a region: `[AFG]`,
  `[FRAMTQ]`, `[TJKUNR ...]`) are left out: `countries.jsonl` covers countries, their cities and
  regions are places.
- People are left out (`roles_sourced.jsonl` and the leaders tables cover them): an entry is a
  person when CountryInfo made it (its `# CountryInfo.txt` comment or an `IGOrulers.txt` one),
  when one of its codes has the role ELI (elite: an individual), when its phrase begins or ends
  with an office word ("SECRETARY_KERRY", "US_SECRETARY_OF_DEFENSE"), when every one of its codes
  is dated and its phrase has no organisation word ("JOHN_KERRY_" with `[USAGOV >130201]`), or
  when its phrase has the shape of a name: no organisation word, two to four words, the first a
  given name of a person in the project's people tables ("EDWARD_SNOWDEN [USAOPP]").
- A national actor (country code and a CAMEO role, `PSEREBHMS`, `USAGOVLEG`) stands for its
  country as ISO alpha-3 (old CAMEO codes mapped: `CODE_FIXES`); codes of regions (`MEA`, `SAS`,
  `WEU`, `INT`) and of states that are gone (`DDR`, `USR`, `YUG`) name no party and are left out.
  When an entry has several codes, the undated one (else the latest) decides.
- An international organisation (`IGO...`) is the project's organisation when one of its names
  is a name or alias in `organizations.jsonl`, else by its most specific CAMEO sub-code that the
  project knows (`IGO_CODES`: `IGOUNOKID` is UNICEF, `IGOUNOENV` the UN). An IGO the project has
  no code for gets none: it is left out rather than given a code nobody can query.
- Non-governmental organisations (`NGO...`) and international militarised groups (`IMG...`:
  al-Qaeda, ISIL) name no state, and the project's party codes are states and organisations of
  states (`IGO:`), so they are left out, as are companies (`MNC...`). The Red Cross is in
  `organizations.jsonl` already.
- A phrase is kept only when attested in `../shared/corpus` as a name: it occurs (words compared
  case-insensitively, punctuation between words ignored) with every content word capitalised,
  at least once inside a sentence when it is one word, and its lowercase occurrences are not
  more frequent than its capitalised ones (so "Youth", "Organization", "Red Line" are common
  words, not names). An acronym of three letters or fewer is kept only when the corpus
  introduces it after one of the entry's longer names ("Palestine Liberation Organization (PLO)").
  Forms are the capitalised spellings the corpus uses, plus the title-cased phrase.
- The seats of the corpus's publishers (White House, Kremlin, Department of State) are left out:
  their texts use them as byline, venue and announcer, and the extraction gives the publisher's
  voice its state already.
- Collisions: a form that is already a country name, demonym or capital, a person of the
  people tables, or an organisation's name for another code is dropped; a form two kept entries
  give to different parties is dropped from both.

Each row: `id` (`org:<slug>` for a national body or group, the organisation's code for an
international one), `name`, `forms`, `party` (ISO alpha-3 or `IGO:<acronym>`), `kind` (`national` or
`igo`), `cameo` (the deciding code), `source` (`file:line`), `docs` (attesting documents).

    .venv/bin/python scripts/build_actors.py        # about a minute; prints counts and collisions
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DICTIONARIES = [
    SHARED / "dictionaries" / "petrarch2" / "Phoenix.Countries.actors.txt",
    SHARED / "dictionaries" / "petrarch2" / "Phoenix.International.actors.txt",
    ROOT / "scripts" / "dictionaries" / "petrarch2" / "Phoenix.MilNonState.actors.txt",
]
OUT = ROOT / "src" / "communique" / "data" / "actors.jsonl"

#: old or mistyped CAMEO country codes -> ISO alpha-3 (sentence_eval.CODE_FIXES, and Kosovo, Angola)
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX",
              "ANG": "AGO"}

#: CAMEO role codes (CAMEO codebook, actor codes: domestic roles and sectors). A country code
#: followed by one of these is a national actor; followed by anything else (MTQ, UNR, OCC) it is
#: a territory, a transition or an occupied area of that country: a place.
ROLES = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "SPY", "COP", "JUD", "LEG", "INS", "SEP", "UAF", "BUS",
                   "MED", "EDU", "CVL", "LAB", "HLH", "HRI", "REL", "NGO", "NGM", "AGR", "ENV", "REF", "DEV",
                   "CRM", "MOD", "RAD", "ELI", "IGO", "PKO"})

#: roles of a state's own institutions (as build_agents.STATE_AGENTS): their names stand for the
#: state in any text; the other roles (rebels, opposition, media, business) are national groups,
#: which sentence-level event sets code with their country
STATE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PTY"})

#: CAMEO IGO sub-codes -> organisations of `organizations.jsonl` (sentence_eval.IGO_CAMEO and the
#: sub-codes of the International dictionary whose organisation the project lists)
IGO_CODES = {
    "UNO": "IGO:UN", "EUR": "IGO:EU", "NAT": "IGO:NATO", "ARL": "IGO:AL", "AFU": "IGO:AU",
    "ASN": "IGO:ASEAN", "SCO": "IGO:SCO", "ITP": "IGO:INTERPOL", "OSC": "IGO:OSCE", "IAE": "IGO:IAEA",
    "WTO": "IGO:WTO", "IMF": "IGO:IMF", "WBK": "IGO:WB", "WHO": "IGO:WHO", "OPC": "IGO:OPEC", "KID": "IGO:UNICEF",
    "ILO": "IGO:ILO", "HCH": "IGO:OHCHR", "HCR": "IGO:UNHCR", "WAS": "IGO:ECOWAS", "EAC": "IGO:EAC",
    "CRB": "IGO:CARICOM", "CIS": "IGO:CIS", "EBR": "IGO:EBRD", "OIC": "IGO:OIC", "SAA": "IGO:SAARC",
    "SAD": "IGO:SADC", "ADB": "IGO:ADB", "ICC": "IGO:ICC", "ICJ": "IGO:ICJ", "OAS": "IGO:OAS", "IAD": "IGO:IGAD",
    "AFB": "IGO:AFDB", "FAO": "IGO:FAO", "AIE": "IGO:IEA", "COE": "IGO:COE", "GOS": "IGO:G7", "GSS": "IGO:G77",
    "NON": "IGO:NAM", "GCC": "IGO:GCC", "WFP": "IGO:WFP", "CWN": "IGO:COMMONWEALTH",
}

#: words that make a phrase an organisation's name, never a person's
ORG_WORDS = frozenset({
    "army", "armies", "front", "party", "parties", "movement", "council", "forces", "force", "brigade", "brigades",
    "battalion", "battalions", "organization", "organisation", "organizations", "union", "committee", "committees",
    "ministry", "ministries", "department", "agency", "assembly", "parliament", "congress", "court", "bank", "fund",
    "commission", "authority", "authorities", "service", "services", "police", "guard", "guards", "navy", "corps",
    "group", "groups", "league", "alliance", "association", "federation", "institute", "institution", "university",
    "foundation", "office", "bureau", "administration", "government", "cabinet", "senate", "house", "command",
    "unit", "units", "militia", "militias", "network", "society", "coalition", "tribunal", "center", "centre",
    "secretariat", "board", "trust", "program", "programme", "college", "academy", "company", "corporation",
    "community", "mission", "fighters", "tigers", "rebels", "jihad", "intelligence", "directorate", "division",
    "legion"})

#: words that, with organisation words, make a phrase name a kind of institution rather than one
#: ("Supreme Court", "Senate", "Royal Navy", "National Assembly")
GENERIC = frozenset({"national", "federal", "supreme", "central", "royal", "general", "high", "upper",
                     "lower", "constitutional", "united", "joint", "special", "armed"})
#: organisation words that name a kind of body (not "intelligence" or "jihad", which qualify one)
KIND_WORDS = ORG_WORDS - {"intelligence", "jihad", "fighters", "tigers", "rebels"}

#: phrases of the dictionaries that are no actor's name in today's news (decided by hand, each
#: with its reason)
EXCLUDE = {
    "UNSCR": "a Security Council resolution, a document",
    "ISLAMIC JIHAD": "the 1980s Lebanese group of the dictionary; today the name means Palestinian Islamic "
                     "Jihad, which the dictionary codes MEAREB (no state)",
}

#: the seats of the corpus's publishers: the texts they publish use these names as byline, venue
#: and announcer ("The White House announced the visit of ..."), and the extraction already gives
#: the publisher's voice its state (extract.publisher_country); as a party the announcer would join
#: every event it announces
PUBLISHER_SEATS = frozenset({"WHITE HOUSE", "KREMLIN", "DEPARTMENT OF STATE"})

#: small words that stay lowercase in a capitalised name ("Liberation Tigers of Tamil Eelam")
MINOR = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "del", "la", "le", "des", "du",
                   "al", "el", "ul", "e", "i", "y", "a", "an", "fi", "wa", "bin", "ibn", "s"})

_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[ \t\-\u2010\u2011\u2013'\u2019./&]{1,3}")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"\u201c\u201d\n]\s*|^\s*)$")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&.\-]{1,8})\s*\)")


# ================================================================ reading the dictionaries


@dataclass(frozen=True)
class Code:
    code: str  # "PSEREBHMS"
    restriction: str = ""  # "", "<19940913", ">20130408", "19870101-20040322"


@dataclass
class Entry:
    file: str
    line: int
    phrases: list[tuple[int, str]]  # (line, phrase as written: "HAMAS_", "AL-QASSAM_BRIGADES")
    codes: list[Code] = field(default_factory=list)
    comment: str = ""  # the primary line's comment

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"


def _codes(text: str) -> list[Code]:
    out = []
    for inside in re.findall(r"\[([^\]]*)\]", text):
        parts = inside.split(None, 1)
        if parts and parts[0] != "---":
            out.append(Code(parts[0], parts[1].replace(" ", "") if len(parts) > 1 else ""))
    return out


def parse_actor_dictionary(text: str, file: str) -> list[Entry]:
    """Entries of a PETRARCH2 actor dictionary, as `read_actor_dictionary` reads them: a primary
    phrase opens an entry, `+` lines add synonyms, tab-indented `[...]` lines add codes."""
    entries: list[Entry] = []
    cur: Entry | None = None
    for n, raw in enumerate(text.split("\n"), 1):
        cut = min((i for i in (raw.find("#"), raw.find(";")) if i >= 0), default=len(raw))
        body, comment = raw[:cut], raw[cut + 1:].strip()
        if not body.strip():
            continue
        if raw[:1] in ("\t", " "):  # a date restriction (or a stray indented line, which PETRARCH skips)
            if cur is not None and "[" in body:
                cur.codes += _codes(body)
            continue
        if body.startswith("+"):
            if cur is not None:
                phrase = re.sub(r"\[[^\]]*\]", "", body[1:]).strip()
                if phrase:
                    cur.phrases.append((n, phrase))
            continue
        phrase = re.sub(r"\[[^\]]*\]", "", body).strip()
        cur = Entry(file, n, [(n, phrase)] if phrase else [], _codes(body), comment)
        entries.append(cur)
    return entries


def words_of(phrase: str) -> str:
    """A dictionary phrase as text: "KURDISTAN_WORKERS'_PARTY" -> "KURDISTAN WORKERS' PARTY";
    a parenthesised acronym or qualifier is removed ("BASQUE_..._(ETA)_" -> "BASQUE ...")."""
    text = re.sub(r"\([^)]*\)?", " ", phrase).replace("_", " ")
    return " ".join(text.split()).strip(" -,/")


def acronyms_of(phrase: str) -> list[str]:
    """Acronyms written in parentheses in a dictionary phrase: "(ETA)", "(LTTE)"."""
    return [a for a in re.findall(r"\(([A-Z][A-Z0-9\-]{1,7})\)", phrase) if not re.search(r"\d{4}", a)]


# ================================================================ what an entry stands for


def country_of(code: str, iso: set[str]) -> str | None:
    head = CODE_FIXES.get(code[:3], code[:3])
    return head if head in iso else None


def segments(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def deciding_code(entry: Entry) -> Code | None:
    """The undated code, else the one with the latest restriction."""
    if not entry.codes:
        return None
    undated = [c for c in entry.codes if not c.restriction]
    if undated:
        return undated[0]
    return max(entry.codes, key=lambda c: re.sub(r"\D", "", c.restriction.split("-")[-1]).rjust(8, "0")
               if not c.restriction.startswith("<") else "")


def is_country_entry(entry: Entry, iso: set[str]) -> bool:
    """A country, or a place of one: every code is a country code with no role after it."""
    return bool(entry.codes) and all(
        (country_of(c.code, iso) or c.code[:3] in {"USR", "YUG", "DDR", "SUN", "CSK", "SCG", "FRY"})
        and (len(c.code) == 3 or c.code[3:6] not in ROLES) for c in entry.codes)


def is_person(entry: Entry, given_names: set[str], office: set[str]) -> bool:
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return True
    if any("ELI" in segments(c.code)[1:] for c in entry.codes):
        return True
    words = words_of(entry.phrases[0][1]).lower().split() if entry.phrases else []
    if not words:
        return True
    if is_office(words, office):
        return True
    orgish = any(w in ORG_WORDS for w in words)
    if not orgish and all(c.restriction for c in entry.codes):
        return True
    return not orgish and 2 <= len(words) <= 4 and words[0] in given_names


def is_office(words: list[str], office: set[str] | frozenset[str]) -> bool:
    """An office a person holds: the phrase begins with an office word ("SECRETARY_KERRY") or its
    head, the word before the first preposition, is one ("US_SECRETARY_OF_DEFENSE", "WORLD BANK
    PRESIDENT", "SUPREME COURT JUSTICES"; not "HOUSE OF REPRESENTATIVES")."""
    prep = next((i for i, w in enumerate(words) if i and w in ("of", "to", "for", "at", "in", "on")), len(words))
    head = words[prep - 1]
    return words[0] in office or head in office or head.removesuffix("s") in office


def party_of(entry: Entry, iso: set[str], org_names: dict[str, str]) -> tuple[str, str, Code, bool] | None:
    """(party, kind, deciding code, found by name) of a non-person entry; None when it names no
    party we code. Kind: `state` (an institution of the state: a CAMEO state role), `nonstate`
    (a national group: rebels, parties out of government, media, universities), `igo`."""
    code = deciding_code(entry)
    if code is None:
        return None
    c = code.code
    if c.startswith("IGO"):
        for _, phrase in entry.phrases:
            known = org_names.get(fold(words_of(phrase)))
            if known:
                return known, "igo", code, True
        for seg in reversed(segments(c[3:])):
            if seg in IGO_CODES:
                return IGO_CODES[seg], "igo", code, False
        return None
    if c[:3] in ("NGO", "IMG", "MNC", "INT", "---"):
        return None
    state = country_of(c, iso)
    if state is None or len(c) < 6 or c[3:6] not in ROLES:
        return None
    return state, "state" if c[3:6] in STATE_ROLES else "nonstate", code, False


def fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


# ================================================================ the corpus


def load_corpus_reader() -> Any:
    """`corpus_documents` of scripts/build_lexicon.py (the six publishers' formats)."""
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = mod
    spec.loader.exec_module(mod)
    return mod.corpus_documents


@dataclass
class Seen:
    """How a candidate phrase occurs in the corpus."""

    surfaces: Counter[str] = field(default_factory=Counter)  # capitalised spellings
    lower: int = 0  # occurrences not written as a name
    inside: int = 0  # capitalised occurrences inside a sentence
    docs: set[int] = field(default_factory=set)
    acronyms: Counter[str] = field(default_factory=Counter)  # "(PLO)" right after it
    titled: int = 0  # capitalised occurrences right after a title ("Secretary-General", "Mr.")
    before: Counter[str] = field(default_factory=Counter)  # the word before a capitalised occurrence


def name_like(surface: str) -> bool:
    ws = _WORD.findall(surface)
    return bool(ws) and ws[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR
                                                    for w in ws)


def scan(documents: Iterable[tuple[str, str]], keys: set[tuple[str, ...]],
         titles: frozenset[str] = frozenset()) -> dict[tuple[str, ...], Seen]:
    """Occurrences of every key (lowercase word tuple) in the documents; `titles` are the words
    that, right before a name, make it a person's ("President", "Mr")."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in keys:
        by_first[k[0]].append(k)
    for ks in by_first.values():
        ks.sort(key=len, reverse=True)
    seen: dict[tuple[str, ...], Seen] = defaultdict(Seen)
    for d, (_name, text) in enumerate(documents):
        toks = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        for i, (s, _e, w) in enumerate(toks):
            for k in by_first.get(w, ()):
                j = i + len(k)
                if j > len(toks) or any(toks[i + x][2] != k[x] for x in range(1, len(k))):
                    continue
                if any(not _GAP.fullmatch(text[toks[i + x - 1][1]:toks[i + x][0]]) for x in range(1, len(k))):
                    continue
                end = toks[j - 1][1]
                surface = text[s:end]
                st = seen[k]
                st.docs.add(d)
                if name_like(surface):
                    st.surfaces[surface] += 1
                    if not _SENTENCE_END.search(text[max(0, s - 3):s]):
                        st.inside += 1
                    if i and toks[i - 1][2] in titles and s - toks[i - 1][1] <= 2:
                        st.titled += 1
                    if i and s - toks[i - 1][1] <= 2:  # "Russian Security Council", "Japan's National ..."
                        poss = toks[i - 1][2] == "s" and i > 1
                        st.before[toks[i - 2][2] + "'s" if poss else toks[i - 1][2]] += 1
                    m = _ACRONYM_AFTER.match(text, end)
                    if m:
                        st.acronyms[m.group(1).replace(".", "")] += 1
                else:
                    st.lower += 1
    return seen


# ================================================================ choosing forms


@dataclass
class Kept:
    entry: Entry
    party: str
    kind: str  # state | nonstate | igo
    code: Code
    by_name: bool = False  # an IGO found by its name in organizations.jsonl (not by its CAMEO code)
    forms: dict[str, int] = field(default_factory=dict)  # form -> capitalised occurrences
    docs: set[int] = field(default_factory=set)


def candidates(entry: Entry) -> list[tuple[str, bool]]:
    """(text, is a parenthesised acronym) of each phrase of the entry, leading "THE" dropped."""
    out = []
    for _, phrase in entry.phrases:
        text = re.sub(r"^THE ", "", words_of(phrase))
        if text:
            out.append((text, False))
        out += [(a, True) for a in acronyms_of(phrase)]
    return out


def key_of(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def form_problem(text: str, entry: Kept, st: Seen, given: set[str], office: set[str],
                 country_words: dict[str, str], country_kinds: dict[str, str]) -> str | None:
    """Why a phrase of a kept entry is no name of it: a person, an office, a kind of institution,
    a plain word."""
    words = [w.lower() for w in _WORD.findall(text)]
    entry_texts = [t for t, _ in candidates(entry.entry)]
    if text in EXCLUDE:
        return EXCLUDE[text]
    if is_office(words, office):
        return "an office, held by a person"
    if all(w in KIND_WORDS or w in MINOR or w in GENERIC for w in words):
        return "a kind of institution every state has"
    foreign = {country_words[w.removesuffix("'s")]: n for w, n in st.before.items()
               if (w.endswith("'s") or country_kinds.get(w) == "adjective") and w.removesuffix("'s") in country_words
               and country_words[w.removesuffix("'s")] != entry.party}
    if any(w in KIND_WORDS for w in words) and sum(foreign.values()) >= 2:
        return f"the corpus gives the name to other states' bodies too ({', '.join(sorted(foreign))})"
    if not any(w in ORG_WORDS for w in words):
        if len(words) >= 2 and st.titled * 2 >= sum(st.surfaces.values()):
            return "a person's name (the corpus gives it a title)"
        capitals = all(x.isupper() for x in st.surfaces)
        if len(words) == 1 and text != re.sub(r"^THE ", "", words_of(entry.entry.phrases[0][1])) \
                and not capitals and len(st.docs) < 2:
            return "a one-word synonym in one document only"
        if 2 <= len(words) <= 4 and words[0] in given:
            return "a person's name"
        if len(words) == 1 and not capitals and words[0] in given:
            return "a given name"
        if len(words) == 1 and any(t != text and key_of(t)[-1:] == (words[0],) and key_of(t)[0] in given
                                   for t in entry_texts):
            return "a person's family name"
    return None


def attested_forms(k: Kept, seen: dict[tuple[str, ...], Seen], country_docs: dict[str, set[int]],
                   given: set[str], office: set[str], country_words: dict[str, str], country_kinds: dict[str, str],
                   notes: list[str]) -> None:
    """The entry's names as the corpus writes them, with the documents attesting them."""
    cands = candidates(k.entry)
    introduced: Counter[str] = Counter()
    for text, _ in cands:
        st = seen.get(key_of(text))
        if st is not None:
            introduced.update(st.acronyms)
    home = country_docs.get(k.party) if k.kind != "igo" else None
    for text, acronym in cands:
        key = key_of(text)
        st = seen.get(key)
        if st is None or not st.surfaces:
            continue
        named = sum(st.surfaces.values())
        if st.lower > named or (len(key) == 1 and st.inside == 0):
            continue  # a common word or phrase, not a name
        if (acronym or re.fullmatch(r"[A-Z]{1,3}", text)) and not introduced.get(text):
            continue  # an acronym means this entry only where a text introduces it so
        docs = st.docs & home if home is not None else st.docs
        if not docs:
            continue  # never in a text that names the party's country: not attested as this actor
        problem = form_problem(text, k, st, given, office, country_words, country_kinds)
        if problem:
            notes.append(f"{text!r} ({k.entry.source}): {problem}: dropped")
            continue
        mixed = any(not x.isupper() for x in st.surfaces)
        for surface, n in st.surfaces.items():
            if surface.isupper() and mixed:
                continue  # a headline in capitals: the pipeline adds capitals itself
            k.forms[surface] = k.forms.get(surface, 0) + n
        k.docs |= docs


def build(log: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """The rows of actors.jsonl, from the dictionaries and the corpus; `log` gets the counts and
    every decision about a form."""
    sys.path.insert(0, str(ROOT / "src"))
    import pycountry

    from communique.resolve.gazetteer import load_gazetteer
    from communique.resolve.titles import OFFICE

    gaz = load_gazetteer()
    iso = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    org_names = {fold(n): code for code, rec in gaz.orgs.items() for n in [rec["name"], *rec.get("aliases", [])]}
    given = given_names(gaz)

    entries: list[Entry] = []
    for path in DICTIONARIES:
        entries += parse_actor_dictionary(path.read_text(encoding="utf-8", errors="replace"), path.name)
    log(f"read {len(entries)} entries from {len(DICTIONARIES)} dictionaries")
    why: Counter[str] = Counter()
    chosen: list[Kept] = []
    for e in entries:
        if not e.phrases or not e.codes:
            why["no phrase or no code"] += 1
        elif is_country_entry(e, iso):
            why["country or place"] += 1
        elif is_person(e, given, OFFICE):
            why["person or office"] += 1
        elif re.sub(r"^THE ", "", words_of(e.phrases[0][1])) in PUBLISHER_SEATS:
            why["seat of a corpus publisher"] += 1
        elif (p := party_of(e, iso, org_names)) is None:
            why["no party we code (NGO, IMG, company, region, unknown IGO)"] += 1
        else:
            chosen.append(Kept(e, *p))
    for reason, n in why.most_common():
        log(f"  left out: {n} {reason}")
    keys = {key_of(t) for k in chosen for t, _ in candidates(k.entry)}
    country_keys: dict[tuple[str, ...], str] = {key_of(n): c for n, c in gaz.country_names.items()}
    keys |= set(country_keys)
    keys.discard(())
    titles = frozenset(OFFICE) | {"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "secretary-general"}
    seen = scan(load_corpus_reader()(), keys, titles)
    country_docs: dict[str, set[int]] = defaultdict(set)
    for ck, code in country_keys.items():
        if ck in seen:
            country_docs[code] |= seen[ck].docs
    country_words = {n: c for n, c in gaz.country_names.items() if " " not in n and len(n) > 2}
    notes: list[str] = []
    for k in chosen:
        attested_forms(k, seen, country_docs, given, OFFICE, country_words, gaz.country_kind, notes)
    kept = [k for k in chosen if k.forms]
    log(f"{len(chosen)} organisation entries with a party; {len(kept)} attested in the corpus")
    rows = resolve_collisions(kept, gaz, org_names, notes)
    for note in notes:
        log(f"  {note}")
    return rows


def dumps(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    rows = build()
    OUT.write_text(dumps(rows), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows, {sum(len(r['forms']) for r in rows)} forms")


def given_names(gaz: Any) -> set[str]:
    """First words of the people tables' names, lowercased: of four letters or more, alphabetic,
    and no word of a country's or an organisation's name ("United", "National")."""
    names = [p.name for p in gaz.people.values()] + [r.name for rows in gaz.sourced.values() for r in rows]
    firsts = {n.split()[0] for n in names if " " in n.strip()}
    out = {f.lower() for f in firsts if len(f) >= 4 and f.isalpha() and f[:1].isupper() and f[1:].islower()}
    place_words = {w for n in gaz.country_names for w in n.split()}
    place_words |= {w for rec in gaz.orgs.values() for n in [rec["name"], *rec.get("aliases", [])]
                    for w in _WORD.findall(n.lower())}
    return out - place_words - ORG_WORDS - GENERIC - MINOR


def resolve_collisions(kept: list[Kept], gaz: Any, org_names: dict[str, str], notes: list[str]) -> list[dict[str, Any]]:
    """Rows of the kept entries, without the forms that name something else too."""
    owners: dict[str, dict[str, bool]] = defaultdict(dict)  # form -> party -> decided by name
    for k in kept:
        for f in k.forms:
            owners[fold(f)][k.party] = owners[fold(f)].get(k.party, False) or k.by_name
    rows = []
    taken: set[str] = set()
    for k in kept:
        forms = []
        for f in sorted(k.forms, key=lambda f: (-k.forms[f], f)):
            key = fold(f)
            named = [p for p, by_name in owners[key].items() if by_name]
            if gaz.country(f):
                notes.append(f"{f!r} ({k.entry.source}) is a country name already: dropped")
            elif gaz.person_names.get(gaz_fold(f)):
                notes.append(f"{f!r} ({k.entry.source}) is a person of the people tables: dropped")
            elif key in org_names:
                if org_names[key] != k.party:
                    notes.append(f"{f!r} ({k.entry.source}, {k.party}) is {org_names[key]} in organizations.jsonl: dropped")
            elif len(owners[key]) > 1 and not (len(named) == 1 and named[0] == k.party):
                if not named or named[0] != k.party:
                    notes.append(f"{f!r} ({k.entry.source}) names {sorted(owners[key])}: dropped here")
            elif f not in taken:
                forms.append(f)
                taken.add(f)
        if forms:
            primary = key_of(re.sub(r"^THE ", "", words_of(k.entry.phrases[0][1])))
            name = max(forms, key=lambda f: (key_of(f) == primary, k.forms[f], not f.isupper(), len(f)))
            ident = k.party if k.kind == "igo" else "org:" + "-".join(_WORD.findall(gaz_fold(name)))
            rows.append({"id": ident, "name": name, "forms": sorted(forms), "party": k.party, "kind": k.kind,
                         "cameo": k.code.code, "source": k.entry.source, "docs": len(k.docs)})
    return sorted(rows, key=lambda r: (r["party"], r["name"]))


def gaz_fold(text: str) -> str:
    from communique.resolve.gazetteer import fold as gfold

    return gfold(text)


if __name__ == "__main__":
    main()
