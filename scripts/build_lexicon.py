"""Build the event-trigger lexicon from the CAMEO verb dictionary and the PLOVER tables.

Sources (read from ``../shared/dictionaries``, beside the checkout; never copied into the project):

- ``petrarch2/CAMEO.2.0.txt``: the CAMEO verb-pattern dictionary of PETRARCH2
  (github.com/openeventdata/petrarch2, ``petrarch2/data/dictionaries``), MIT License,
  (c) 2014 Open Event Data. "Derived from the PETRARCH2 CAMEO dictionaries, (c) 2014 Open Event
  Data, MIT License".
- ``plover/CAMEO2PLOVER-2021.txt`` and ``plover/PLOVER_MANUAL.tex``: the CAMEO-to-PLOVER table and
  the PLOVER codebook, draft 0.8 (2021), github.com/openeventdata/PLOVER. "PLOVER, Open Event Data
  Alliance, CC BY-SA 4.0".

Writes (sorted, stable; rerun after changing this script):

- ``src/communique/data/cameo_verbs.jsonl``: one row per verb block, its verbs with their forms and
  its phrase patterns with their CAMEO codes;
- ``src/communique/data/event_nouns.jsonl``: nominal triggers ("talks", "visit") taken from the
  dictionary's light-verb patterns (HOLD * TALKS) and from the PLOVER codebook's keyword lists;
- ``src/communique/data/cameo.jsonl``: only its ``plover`` and ``mode`` fields, when they differ
  from the 2021 table (differences are printed).

Run from the repository root: ``python scripts/build_lexicon.py`` (about a minute; prints timing).

Reading the dictionary follows PETRARCH2's ``read_verb_dictionary`` (petrarch2/PETRreader.py)
and the format notes of its predecessor's docstring:

- ``---  NAME  [code]  ---`` opens a block; the code defaults to ``---`` (no event).
- A verb line lists a verb, optionally all its forms in ``{...}`` (then no form is generated) and
  its own ``[code]``. Otherwise the forms are generated with PETRARCH2's rules: -S (-ES after s, x,
  z; -IES for final y), -ED (-D after e), -ING (dropping a final e after a consonant). These miss
  common spellings (launches, continuing, deploys, modified, slammed), so the standard English
  ones are added as candidates too; the corpus keeps the forms that exist. Multi-word
  verbs join words with ``_`` and mark the verb word with ``+`` (``+CALL_OFF``, ``RE_+ARREST``).
- ``&NAME`` opens a synonym set of ``+word`` lines; ``_`` joins the words of a phrase. Plurals are
  added with PETRARCH's ``make_plural`` (y -> ies, s -> es, else +s) unless the label or the word
  ends with ``_``. A pattern naming an undefined set is skipped, as PETRARCH skips it.
- ``- before * after [code]  # VERB`` is a pattern. ``(...)`` groups a prepositional phrase (the
  parentheses are dropped, the words become slots), ``{A B}`` is a consecutive phrase (one
  alternative "a b"), ``&SET`` a synonym set, ``$ + % ^`` actor markers (kept as slots). Codes:
  ``[xxx]``, ``[---]`` (no event), ``[a:b]`` (TABARI paired code: a from source to target, b from
  target to source), ``[:b]`` (only the reversed event).
- Patterns with ``{...}``: PETRARCH 1's reader skipped them as TABARI legacy; PETRARCH2's reader
  (the one that reads CAMEO.2.0.txt) keeps them and reads ``{A B}`` as a noun phrase with head B.
  We follow PETRARCH2 and keep them as one consecutive alternative.

Decisions where the dictionary is irregular or silent (irregular lines are printed as notes): a
literal word in a pattern also gets its ``make_plural`` form unless it opens a ``(...)`` phrase
or is a closed-class word (``FUNCTION_WORDS``); ``A/B`` inside a pattern is read as
alternatives; a stray ``)`` ends the pattern after its last whole group; a code with a stray
character (``[080!]``) keeps its digits; ``;`` starts a TABARI comment; commas in a verb's
``{...}`` list are separators; when the ``+`` of a multi-word verb marks a word that its listed
forms do not inflect (``+WIRE_TAP {+WIRE_TAPS ...}``), the word that inflects is the verb;
identical patterns in one block are kept once; a pattern's comment verb (``# PAID``) is named by
the block verb it is a form of (``pay``).

Attestation: a verb form, a pattern or a slot alternative is kept only when it is attested in
``../shared/corpus`` (all six publishers): a form when it occurs as a word (or, for a multi-word
verb, as the phrase) in some document; a pattern when, in one sentence, a form of one of its
block's verbs is followed by the pattern's slots in order (and preceded by its before-slots)
within ``WINDOW`` words, actor markers matching any word or none; a slot alternative when the
pattern, restricted to that alternative, is attested. Kept rows carry ``docs``, the number of
attesting documents. Nothing here reads ``../shared/eval``.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import sys
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DICTIONARY = SHARED / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
PLOVER_TABLE = SHARED / "dictionaries" / "plover" / "CAMEO2PLOVER-2021.txt"
PLOVER_MANUAL = SHARED / "dictionaries" / "plover" / "PLOVER_MANUAL.tex"
CORPUS = SHARED / "corpus"
DATA = ROOT / "src" / "communique" / "data"
VERBS_OUT = DATA / "cameo_verbs.jsonl"
NOUNS_OUT = DATA / "event_nouns.jsonl"
CAMEO_OUT = DATA / "cameo.jsonl"

#: words between the verb and the farthest slot of an attested pattern (either side)
WINDOW = 12
MARKERS = frozenset({"$", "+", "%", "^"})
NO_EVENT = "---"

Slot = tuple[str, ...]  # alternative phrases, lowercase, words separated by one space

#: Closed-class English words (prepositions and particles, determiners and pronouns, conjunctions,
#: auxiliaries): a literal pattern word among these gets no plural ('its', 'offs', 'tos').
FUNCTION_WORDS = frozenset([
    "about", "above", "across", "after", "against", "ahead", "along", "among", "around", "as",
    "aside", "at", "away", "back", "before", "behind", "below", "beside", "between", "beyond", "by",
    "down", "during", "for", "forth", "forward", "from", "in", "inside", "into", "near", "of",
    "off", "on", "onto", "out", "outside", "over", "past", "since", "through", "throughout", "till",
    "to", "toward", "towards", "under", "until", "up", "upon", "via", "with", "within", "without",
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "them",
    "him", "her", "his", "their", "our", "we", "us", "you", "i", "me", "my", "your", "each",
    "every", "all", "any", "some", "no", "not", "none", "other", "another", "and", "or", "but",
    "nor", "if", "than", "whether", "is", "are", "was", "were", "be", "been", "being", "am", "have",
    "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must",
])


# ================================================================ dictionary records


@dataclass(frozen=True)
class Verb:
    verb: str  # the primary phrase, e.g. "call off"
    words: tuple[str, ...]
    head: int  # index of the verb word in `words`
    forms: tuple[str, ...]  # forms of the head word
    code: str | None  # None: only a reversed event ('[:110]')
    line: int
    paired: str | None = None
    docs: int | None = None
    cite: str | None = None  # a verb the codebook adds: where it says so (a dictionary verb cites its line)

    def phrases(self) -> list[tuple[str, ...]]:
        """Each form as the whole word sequence, e.g. ("called", "off")."""
        return [tuple(tokenize(" ".join((*self.words[:self.head], f, *self.words[self.head + 1:])))) for f in self.forms]


@dataclass(frozen=True)
class Pattern:
    line: int
    source: str | None  # the verb the pattern was written for (the dictionary's comment)
    before: tuple[Slot, ...]
    after: tuple[Slot, ...]
    code: str | None
    paired: str | None
    docs: int | None = None
    cite: str | None = None  # a pattern the codebook adds: where it says so
    pp: bool = False  # its first word after the verb opens a parenthesis: a prepositional phrase ("* (TO)")

    def key(self) -> tuple[Any, ...]:
        return (self.before, self.after, self.code, self.paired, self.pp)


@dataclass
class Block:
    name: str
    line: int
    code: str | None
    paired: str | None = None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    blocks: list[Block]
    synsets: dict[str, Slot]
    notes: list[str]  # irregularities met while reading, "line N: what was done"


class PatternError(ValueError):
    """A pattern PETRARCH would skip (undefined synonym set, no verb marker)."""


# ================================================================ word forms


def make_plural(phrase: str) -> str:
    """PETRARCH's make_plural: the last word of the phrase pluralised."""
    if phrase.endswith("y"):
        return phrase[:-1] + "ies"
    if phrase.endswith("s"):
        return phrase[:-1] + "es"
    return phrase + "s"


def regular_forms(stem: str) -> list[str]:
    """PETRARCH2's regular verb forms: stem, -s, -ed, -ing."""
    if stem.endswith(("s", "x", "z")):
        third = stem + "es"
    elif stem.endswith("y"):
        third = stem[:-1] + "ies"
    else:
        third = stem + "s"
    past = stem + "d" if stem.endswith("e") else stem + "ed"
    ing = stem[:-1] + "ing" if stem.endswith("e") and len(stem) > 1 and stem[-2] not in "aeiou" else stem + "ing"
    return _unique([stem, third, past, ing])


_CVC = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")


def english_forms(stem: str) -> list[str]:
    """Standard English spellings that PETRARCH2's rules miss (launches, continuing, deploys,
    modified, slammed). Where spelling depends on stress (visited, but regretted) both candidates
    are made; attestation in the corpus keeps the real one."""
    out: list[str] = []
    consonant_y = len(stem) > 1 and stem.endswith("y") and stem[-2] not in "aeiou"
    if stem.endswith(("ch", "sh", "s", "x", "z")):
        out.append(stem + "es")
    elif consonant_y:
        out.append(stem[:-1] + "ies")
    else:
        out.append(stem + "s")
    if stem.endswith("e"):
        out.append(stem + "d")
        out.append(stem[:-2] + "ying" if stem.endswith("ie") else
                   stem + "ing" if stem.endswith(("ee", "ye", "oe")) else stem[:-1] + "ing")
    elif consonant_y:
        out += [stem[:-1] + "ied", stem + "ing"]
    else:
        out += [stem + "ed", stem + "ing"]
        if _CVC.search(stem):
            out += [stem + stem[-1] + "ed", stem + stem[-1] + "ing"]
    return out


def verb_forms(stem: str) -> list[str]:
    """A verb without listed forms: PETRARCH2's forms, then the English spellings they miss."""
    return _unique([*regular_forms(stem), *english_forms(stem)])


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ================================================================ dictionary reading


_BRACKET = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"---|\d{2,4}")
_PATTERN_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")
_SOURCE_VERB = re.compile(r"\s*([A-Z][A-Z_]*)\b")


def _strip_comment(line: str) -> tuple[str, str]:
    """Split off a '#' comment (PETRARCH) or a ';' comment (TABARI)."""
    cut = len(line)
    for mark in "#;":
        at = line.find(mark)
        if at >= 0:
            cut = min(cut, at)
    return line[:cut], line[cut + 1:]


def parse_code(text: str, where: str, notes: list[str]) -> tuple[str | None, str | None]:
    """'[046:046]' -> ("046", "046"); '[:173]' -> (None, "173"); '[---]' -> ("---", None)."""
    raw = text.strip()
    clean = re.sub(r"[^0-9:-]", "", raw)
    if clean != raw:
        notes.append(f"{where}: code [{raw}] read as [{clean}]")
    first, colon, second = clean.partition(":")
    code = first or None
    paired = second or None if colon else None
    for c in (code, paired):
        if c is not None and not _CODE.fullmatch(c):
            raise PatternError(f"unreadable code [{raw}]")
    if code is None and paired is None:
        raise PatternError(f"empty code [{raw}]")
    return code, paired


def _word_variants(word: str, synsets: dict[str, Slot], *, plural: bool) -> Slot:
    """One pattern word -> its alternatives (a synonym set, 'A/B' choices, a '_' phrase)."""
    if word.startswith("&"):
        label = word.rstrip("_")
        if label not in synsets:
            raise PatternError(f"undefined synonym set {word}")
        return synsets[label]
    out: list[str] = []
    for part in word.split("/"):
        no_plural = part.endswith("_")
        phrase = " ".join(w for w in part.strip("_").lower().split("_") if w)
        if not phrase:
            continue
        out.append(phrase)
        last = phrase.split()[-1]
        if plural and not no_plural and last not in FUNCTION_WORDS:
            out.append(make_plural(phrase))
    return tuple(_unique(out))


def parse_pattern(text: str, synsets: dict[str, Slot], where: str, notes: list[str]
                  ) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:
    """The slots before and after the verb ('*') of a pattern's text (code already removed)."""
    tokens = _PATTERN_TOKEN.findall(text)
    depth, last_group = 0, 0
    for i, tok in enumerate(tokens):  # an unmatched ')' ends the pattern after its last whole group
        depth += int(tok == "(") - int(tok == ")")
        if depth < 0:
            notes.append(f"{where}: stray ')'; pattern read as {' '.join(tokens[:last_group])!r}")
            tokens = tokens[:last_group]
            break
        if depth == 0 and tok == ")":
            last_group = i + 1
    if tokens.count("*") != 1:
        raise PatternError("no single '*' verb marker")
    before: list[Slot] = []
    after: list[Slot] = []
    slots = before
    in_paren = False
    paren_start = False
    brace: list[str] | None = None
    for tok in tokens:
        if tok == "*":
            slots = after
        elif tok == "(":
            in_paren, paren_start = True, True
        elif tok == ")":
            in_paren, paren_start = False, False
        elif tok == "{":
            brace = []
        elif tok == "}":
            if brace:
                slots.append(_phrase_slot(brace, synsets))
            brace = None
        elif brace is not None:
            brace.append(tok)
        elif tok in MARKERS:
            slots.append((tok,))
            paren_start = False
        else:
            slots.append(_word_variants(tok, synsets, plural=not (in_paren and paren_start)))
            paren_start = False
    return tuple(before), tuple(after)


def _phrase_slot(words: list[str], synsets: dict[str, Slot]) -> Slot:
    """'{A B}': every combination of the words' variants as one consecutive phrase; the last
    word, when literal, also in its plural."""
    variants = [_word_variants(w, synsets, plural=(i == len(words) - 1 and not w.startswith("&")))
                for i, w in enumerate(words)]
    return tuple(_unique(" ".join(combo) for combo in itertools.product(*variants)))


def _parse_verb(text: str, block: Block, line_no: int, notes: list[str]) -> Verb | None:
    where = f"line {line_no}"
    code, paired = block.code, block.paired
    m = _BRACKET.search(text)
    if m:
        text = text[:m.start()] + text[m.end():]
        try:
            code, paired = parse_code(m.group(1), where, notes)
        except PatternError as err:
            notes.append(f"{where}: {err}; block code used")
    listed: list[str] = []
    has_braces = "{" in text
    if has_braces:
        inner = text[text.find("{") + 1:text.find("}") if "}" in text else len(text)]
        if "," in inner:
            notes.append(f"{where}: commas in {{...}} read as separators")
        listed = inner.replace(",", " ").split()
        text = text[:text.find("{")]
    primary = text.strip()
    if not primary:
        return None
    if " " in primary:
        notes.append(f"{where}: verb {primary!r} has spaces; first word taken")
        primary = primary.split()[0]
    parts = primary.split("_")
    heads = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(parts) > 1 and len(heads) != 1:
        notes.append(f"{where}: multi-word verb {primary!r} has no single '+' verb word; skipped")
        return None
    head = heads[0] if heads else 0
    words = tuple(p.lstrip("+").lower() for p in parts)
    if not has_braces:
        forms = verb_forms(words[head])
    else:
        if not listed:
            notes.append(f"{where}: empty {{}}; only {primary.lower()!r} as written")
        listed_words = [tuple(p.lstrip("+").lower() for p in f.split("_")) for f in listed]
        if any(len(lw) != len(words) for lw in listed_words):
            notes.append(f"{where}: a listed form has not as many words as {primary!r}; skipped")
            return None
        changing = {i for lw in listed_words for i, w in enumerate(lw) if w != words[i]}
        if len(changing) == 1 and head not in changing:
            head = changing.pop()  # '+WIRE_TAP {+WIRE_TAPS ...}': the word that inflects is the verb
            notes.append(f"{where}: '+' marks {words[heads[0]]!r} but {words[head]!r} inflects; verb word "
                         f"taken as {words[head]!r}")
        elif len(changing) > 1:
            notes.append(f"{where}: listed forms of {primary!r} change more than the verb word; verb word kept")
        forms = [words[head], *(lw[head] for lw in listed_words)]
    return Verb(verb=" ".join(words), words=words, head=head, forms=tuple(_unique(forms)),
                code=code, paired=paired, line=line_no)


def parse_dictionary(text: str) -> Dictionary:
    """Read CAMEO.2.0.txt (or a piece of it in the same format) into blocks, without the corpus."""
    notes: list[str] = []
    synsets: dict[str, Slot] = {}
    blocks: list[Block] = []
    block: Block | None = None
    synset: tuple[str, bool] | None = None  # label being read, and whether plurals are made
    for n, raw in enumerate(text.split("\n"), 1):
        if raw.startswith("~") or raw.startswith("#") or raw.startswith("<!"):
            continue  # transformations, comments
        body, comment = _strip_comment(raw)
        if not body.strip():
            synset = None
            continue
        line = body.rstrip()
        where = f"line {n}"
        if synset is not None and line.startswith("+"):
            label, plurals = synset
            word = line[1:].strip()
            phrase = " ".join(word.strip("_").lower().replace("_", " ").split())
            alts = [phrase]
            if plurals and not word.endswith("_"):
                alts.append(make_plural(phrase))
            synsets[label] = tuple(_unique([*synsets.get(label, ()), *alts]))
            continue
        synset = None
        if line.startswith("&"):
            label = line.split()[0]
            synset = (label.rstrip("_"), not label.endswith("_"))
            synsets.setdefault(label.rstrip("_"), ())
        elif line.startswith("---"):
            m = _BRACKET.search(line)
            block = Block(name=line.strip("- ").split()[0], line=n, code=NO_EVENT)
            if m:
                try:
                    block.code, block.paired = parse_code(m.group(1), where, notes)
                except PatternError as err:
                    notes.append(f"{where}: {err}; block read as no event")
            blocks.append(block)
        elif line.startswith("-"):
            if block is None:
                notes.append(f"{where}: pattern outside a block; skipped")
                continue
            try:
                pattern = _parse_pattern_line(line[1:], comment, n, synsets, notes)
            except PatternError as err:
                notes.append(f"{where}: {err}; pattern skipped")
                continue
            if any(p.key() == pattern.key() for p in block.patterns):
                notes.append(f"{where}: repeats an earlier pattern of {block.name}; kept once")
                continue
            block.patterns.append(pattern)
        elif block is not None:
            verb = _parse_verb(line, block, n, notes)
            if verb is not None:
                block.verbs.append(verb)
    for b in blocks:
        _name_sources(b)
    _add_named_verbs(blocks, notes)
    _add_codebook_patterns(blocks, notes)
    _add_codebook_verbs(blocks, notes)
    return Dictionary(blocks=blocks, synsets=synsets, notes=notes)


#: patterns the PLOVER codebook adds to the dictionary's verbs, each with the section that says so:
#: (block, verb, words after the verb, CAMEO code, citation)
CODEBOOK_PATTERNS = [
    # SANCTION: "international (political or economic) sanctions are coded as SANCTION 'discontinue'"; a
    # designation under a sanctions authority ("designated X for corruption", "under Section 7031(c)")
    # is such a sanction, where the dictionary knows DESIGNATE only as appointing (NAME [---])
    ("NAME", "designate", ("under",), "163", "PLOVER_MANUAL.tex:823 SANCTION (designation under a sanctions authority)"),
    ("NAME", "designate", ("pursuant",), "163", "PLOVER_MANUAL.tex:823 SANCTION (designation under a sanctions authority)"),
    ("NAME", "designate", ("for", "involvement"), "163", "PLOVER_MANUAL.tex:823 SANCTION (designation for conduct)"),
    # CONSULT: "discussions" are consultations; the dictionary codes EXCHANGE * VIEWS / IDEAS as 046 but
    # knows no other word for what is said, so "exchanged opinions" fell to EXCHANGE's trade (060)
    ("TRADE", "exchange", ("opinions",), "046", "PLOVER_MANUAL.tex:370 CONSULT (discussions: an exchange of opinions)"),
    ("TRADE", "exchange", ("thoughts",), "046", "PLOVER_MANUAL.tex:370 CONSULT (discussions: an exchange of thoughts)"),
    ("TRADE", "exchange", ("assessments",), "046", "PLOVER_MANUAL.tex:370 CONSULT (discussions: an exchange of assessments)"),
    # SUPPORT: congratulations offered are praise, as the dictionary codes them extended (EXTEND *
    # CONGRATULATIONS [051], CAMEO.2.0.txt:1897); OFFER knows only condolences
    ("OFFER", "offer", ("congratulations",), "051", "CAMEO.2.0.txt:1897 EXTEND * CONGRATULATIONS, the same act offered"),
    # CONSULT: "consultation by phone or other media"; the dictionary codes SPEAK * (WITH) [046] but not
    # the readout's "spoke to President X", the same conversation (a party is still needed after "to")
    ("CONFER", "speak", ("to", "+"), "046", "PLOVER_MANUAL.tex:370 CONSULT (consultation by phone: spoke to a leader)"),
    # SUPPORT: appreciation expressed to someone is thanks, as the dictionary codes gratitude expressed
    # (EXPRESS * GRATITUDE [051], CAMEO.2.0.txt:4580); its EXPRESS * APPRECIATION [013] stays for
    # appreciation of a thing ("expressed appreciation for the briefing")
    ("EXPLAIN_VERBAL", "express", ("appreciation", "to"), "051",
     "CAMEO.2.0.txt:4580 EXPRESS * GRATITUDE, the same act: appreciation expressed to someone"),
    # CONSULT: "visiting and hosting visits"; the dictionary codes WELCOME * VISIT and WELCOME * COUNTERPARTS
    # as a visit hosted [043:042] but WELCOME * DELEGATION as cooperation [050]: a delegation of a state
    # welcomed ("welcomed a delegation of the United States") is a visit received
    ("ACCLAIM", "welcome", ("delegation", "of"), "043:042",
     "PLOVER_MANUAL.tex:367 CONSULT (hosting visits: a delegation welcomed, as CAMEO.2.0.txt:5853 WELCOME * COUNTERPARTS)"),
]


#: Verbs the PLOVER codebook names for a category that the dictionary lists under no block: (block, verb,
#: CAMEO code, citation). The category SANCTION is the verb of its own name: "International (political or
#: economic) sanctions are coded as 'discontinue'", while the dictionary knows sanctions only as a noun
#: imposed (IMPOSE * SANCTIONS), so "OFAC sanctioned 12 entities" coded nothing
CODEBOOK_VERBS = [
    ("EXCLUDE", "sanction", "163", "PLOVER_MANUAL.tex:822 SANCTION (international sanctions: discontinue)"),
]


def _add_codebook_verbs(blocks: list[Block], notes: list[str]) -> None:
    by_name = {b.name: b for b in blocks}
    listed = {f for b in blocks for v in b.verbs for f in v.forms}
    for i, (block_name, verb, code, cite) in enumerate(CODEBOOK_VERBS):
        b = by_name.get(block_name)
        if b is None or verb in listed:
            notes.append(f"codebook verb {verb} in {block_name}: no such block, or already listed; skipped")
            continue
        # a negative line: not a line of the dictionary (the citation says where the verb comes from)
        b.verbs.append(Verb(verb=verb, words=(verb,), head=0, forms=tuple(verb_forms(verb)), code=code,
                            line=-(1000 + i), cite=cite))


def _add_codebook_patterns(blocks: list[Block], notes: list[str]) -> None:
    by_name = {b.name: b for b in blocks}
    for i, (block_name, verb, words, code, cite) in enumerate(CODEBOOK_PATTERNS):
        b = by_name.get(block_name)
        if b is None or not any(v.verb == verb for v in b.verbs):
            notes.append(f"codebook pattern for {verb} in {block_name}: no such verb; skipped")
            continue
        # a negative line: not a line of the dictionary (the citation says where the pattern comes from)
        own, _, paired = code.partition(":")
        b.patterns.append(Pattern(line=-(i + 1), source=verb, before=(), after=tuple((w,) for w in words),
                                  code=own, paired=paired or None, cite=cite))


def _add_named_verbs(blocks: list[Block], notes: list[str]) -> None:
    """A verb that a block's pattern comments name ('# URGE' under DEMAND) but that no block lists
    is a verb of that block the dictionary forgot: add it with the block's code and its regular
    forms. A name that is another block's verb is a cross-reference and is left alone."""
    listed = {v.verb for b in blocks for v in b.verbs} | {f for b in blocks for v in b.verbs for f in v.forms}
    for b in blocks:
        named = sorted({p.source for p in b.patterns if p.source and p.source.isalpha() and p.source not in listed})
        for word in named:
            line = min(p.line for p in b.patterns if p.source == word)
            b.verbs.append(Verb(verb=word, words=(word,), head=0, forms=tuple(verb_forms(word)), code=b.code,
                                line=line, paired=b.paired))
            listed.add(word)
            notes.append(f"line {line}: '{word}' names patterns of {b.name} but is listed in no block; added as its verb")


def _name_sources(block: Block) -> None:
    """A pattern's comment names its verb as written ('PAID', 'CARRIED_OUT'): name the block's
    verb instead ('pay', 'carry out') when one of its forms is that word."""
    by_form = {" ".join(p): v.verb for v in block.verbs for p in v.phrases()}
    block.patterns = [replace(p, source=by_form.get(p.source, p.source)) if p.source else p for p in block.patterns]


def _parse_pattern_line(text: str, comment: str, n: int, synsets: dict[str, Slot], notes: list[str]) -> Pattern:
    where = f"line {n}"
    m = _BRACKET.search(text)
    if not m:
        raise PatternError("no [code]")
    if text[m.end():].strip():
        notes.append(f"{where}: text after the code ignored: {text[m.end():].strip()!r}")
    code, paired = parse_code(m.group(1), where, notes)
    before, after = parse_pattern(text[:m.start()], synsets, where, notes)
    sm = _SOURCE_VERB.match(comment)
    source = sm.group(1).lower().replace("_", " ") if sm else None
    # "* (TO)" is the verb with a prepositional phrase of 'to' (a destination), "* TO" the bare word
    pp = bool(re.match(r"\s*-?\s*\*\s*\(", text[:m.start()]))
    return Pattern(line=n, source=source, before=before, after=after, code=code, paired=paired, pp=pp)


# ================================================================ text: sentences and words


_WORD = re.compile(r"[^\W_]+")
_ABBREVIATION = re.compile(r"(?:\b(?:mr|mrs|ms|dr|st|gen|lt|col|sen|rep|gov|no|vs|jr|sr|prof|amb|u\.s|u\.k|u\.n|e\.g|i\.e)"
                           r"|\b[a-z])\.$", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")


def tokenize(text: str) -> list[str]:
    """Lowercase words; punctuation, hyphens and apostrophes separate words."""
    return _WORD.findall(text.lower())


def sentences(text: str) -> list[str]:
    """Lines, cut after '.', '!' or '?' before a capital (not after Mr., U.S. or an initial)."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _ABBREVIATION.search(line[start:m.start() + 1]):
                continue
            out.append(line[start:m.end()])
            start = m.end()
        out.append(line[start:])
    return [s for s in (s.strip() for s in out) if s]


# ================================================================ matching (on any token sequence)


Tok = Any  # str for text, int for the corpus index


def phrase_starts(tokens: Sequence[Tok], phrase: Sequence[Tok]) -> list[int]:
    n = len(phrase)
    if not n:
        return []
    first = phrase[0]
    return [i for i, t in enumerate(tokens) if t == first and tuple(tokens[i:i + n]) == tuple(phrase)]


def contains_phrase(tokens: Sequence[Tok], phrase: Sequence[Tok]) -> bool:
    return bool(phrase_starts(tokens, phrase))


def _after_ok(tokens: Sequence[Tok], pos: int, slots: Sequence[Sequence[Sequence[Tok]]], limit: int) -> bool:
    for alts in slots:
        best = None
        for alt in alts:
            n = len(alt)
            for i in range(pos, min(limit, len(tokens)) - n + 1):
                if tokens[i] == alt[0] and tuple(tokens[i:i + n]) == tuple(alt):
                    if best is None or i + n < best:
                        best = i + n
                    break
        if best is None:
            return False
        pos = best
    return True


def _before_ok(tokens: Sequence[Tok], pos: int, slots: Sequence[Sequence[Sequence[Tok]]], limit: int) -> bool:
    for alts in reversed(slots):
        best = None
        for alt in alts:
            n = len(alt)
            for i in range(pos - n, max(limit, 0) - 1, -1):
                if tokens[i] == alt[0] and tuple(tokens[i:i + n]) == tuple(alt):
                    if best is None or i > best:
                        best = i
                    break
        if best is None:
            return False
        pos = best
    return True


@dataclass(frozen=True)
class Compiled:
    """A pattern in token form: the block's verb phrases by first word, then the slots without
    actor markers, each a tuple of alternative token sequences."""

    anchors: dict[Tok, tuple[tuple[Tok, ...], ...]]
    before: tuple[tuple[tuple[Tok, ...], ...], ...]
    after: tuple[tuple[tuple[Tok, ...], ...], ...]


def compile_pattern(anchors: Iterable[Sequence[str]], pattern: Pattern, encode: Any = tuple) -> Compiled:
    def slots(side: tuple[Slot, ...]) -> tuple[tuple[tuple[Tok, ...], ...], ...]:
        return tuple(tuple(encode(tokenize(a)) for a in slot) for slot in side if slot[0] not in MARKERS)
    by_first: dict[Tok, list[tuple[Tok, ...]]] = {}
    for a in anchors:
        enc = encode(list(a))
        if enc and enc not in by_first.setdefault(enc[0], []):
            by_first[enc[0]].append(enc)
    return Compiled({k: tuple(v) for k, v in by_first.items()}, slots(pattern.before), slots(pattern.after))


def pattern_matches(tokens: Sequence[Tok], c: Compiled, window: int = WINDOW) -> bool:
    """A verb phrase in `tokens` with the before-slots in order before it and the after-slots in
    order after it, each within `window` words of the verb."""
    for start, tok in enumerate(tokens):
        for anchor in c.anchors.get(tok, ()):
            end = start + len(anchor)
            if (tuple(tokens[start:end]) == anchor and _after_ok(tokens, end, c.after, end + window)
                    and _before_ok(tokens, start, c.before, start - window)):
                return True
    return False


def restrict(c: Compiled, side: str, index: int, alt: tuple[Tok, ...]) -> Compiled:
    """`c` with one slot reduced to a single alternative."""
    slots = list(c.before if side == "before" else c.after)
    slots[index] = (alt,)
    if side == "before":
        return replace(c, before=tuple(slots))
    return replace(c, after=tuple(slots))


# ================================================================ the corpus


def corpus_documents(root: Path = CORPUS) -> Iterator[tuple[str, str]]:
    """(document id, title and text) of every corpus document, in a stable order.

    The formats are those of ../shared/corpus/README.md. JSON Lines are split on '\\n' only:
    some texts hold U+2028, which str.splitlines() would also cut at.
    """
    for md in sorted((root / "whitehouse").rglob("*.md")):
        text = md.read_text(encoding="utf-8", errors="replace")
        title = ""
        if text.startswith("---"):
            _, _, rest = text.partition("\n")
            header, _, text = rest.partition("\n---")
            for hline in header.splitlines():
                if hline.startswith("title:"):
                    title = hline[6:].strip().strip("'\"")
        yield str(md.relative_to(root)), f"{title}\n{text}"
    for name in ("state-dept/releases.jsonl", "nz-beehive/releases.jsonl", "australia-pm/releases.jsonl"):
        with (root / name).open(encoding="utf-8") as fh:
            for n, jline in enumerate(fh.read().split("\n"), 1):
                if not jline.strip():
                    continue
                try:
                    obj = json.loads(jline)
                except json.JSONDecodeError as exc:
                    print(f"{name}:{n}: skipped, broken JSON line ({exc.msg})", file=sys.stderr)
                    continue
                yield f"{name}:{n}", f"{obj.get('title') or ''}\n{obj.get('text') or ''}"
    csv.field_size_limit(1 << 27)
    for name in ("kremlin/putin.csv", "ukraine/zelenskyy.csv"):
        with (root / name).open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), 2):
                yield f"{name}:{n}", f"{row.get('headline') or ''}\n{row.get('body') or ''}"


class CorpusIndex:
    """Sentences as arrays of word ids, and an inverted index from word id to sentence ids."""

    def __init__(self, documents: Iterable[tuple[str, str]], keep: set[str] | None = None) -> None:
        self.ids: dict[str, int] = {}
        self.doc_names: list[str] = []
        self.doc_of = array("I")
        self.sents: list[array[int]] = []
        self.postings: dict[int, array[int]] = {}
        for name, text in documents:
            self.add(name, text, keep)

    def add(self, name: str, text: str, keep: set[str] | None) -> None:
        ids = self.ids
        doc = len(self.doc_names)
        self.doc_names.append(name)
        for sentence in sentences(text):
            words = tokenize(sentence)
            if not words:
                continue
            seq = array("I", [ids.setdefault(w, len(ids)) for w in words])
            sid = len(self.sents)
            self.sents.append(seq)
            self.doc_of.append(doc)
            for w in set(words) if keep is None else set(words) & keep:
                self.postings.setdefault(ids[w], array("I")).append(sid)

    def encode(self, words: Sequence[str]) -> tuple[int, ...]:
        """Word ids; a word absent from the corpus gets -1, which matches nothing."""
        return tuple(self.ids.get(w, -1) for w in words)

    def candidates(self, phrase: Sequence[int]) -> set[int]:
        """Sentences holding every word of the phrase (not checked for order)."""
        if not phrase or min(phrase) < 0:
            return set()
        lists = sorted((self.postings.get(w, array("I")) for w in set(phrase)), key=len)
        out = set(lists[0])
        for other in lists[1:]:
            out.intersection_update(other)
            if not out:
                break
        return out

    def sentences_with(self, phrase: Sequence[int]) -> set[int]:
        cands = self.candidates(phrase)
        if len(phrase) == 1:
            return cands
        return {s for s in cands if contains_phrase(self.sents[s], phrase)}

    def docs(self, sents: Iterable[int]) -> int:
        return len({self.doc_of[s] for s in sents})


# ================================================================ attestation


@dataclass
class Attested:
    blocks: list[Block]
    dropped_forms: int = 0
    dropped_verbs: int = 0
    dropped_patterns: int = 0
    dropped_alternatives: int = 0
    dropped_blocks: int = 0


def _slot_words(pattern: Pattern) -> set[str]:
    return {w for slot in (*pattern.before, *pattern.after) if slot[0] not in MARKERS for a in slot for w in tokenize(a)}


def lexicon_words(d: Dictionary) -> set[str]:
    """Every corpus word the dictionary can match (to index only those)."""
    words: set[str] = set()
    for b in d.blocks:
        for v in b.verbs:
            for p in v.phrases():
                words.update(p)
        for pat in b.patterns:
            words |= _slot_words(pat)
    return words


def attest(d: Dictionary, index: CorpusIndex) -> Attested:
    """Keep what the corpus attests: verb forms, verbs, patterns and slot alternatives."""
    out = Attested(blocks=[])
    phrase_cache: dict[tuple[int, ...], set[int]] = {}

    def sents_of(words: Sequence[str]) -> set[int]:
        key = index.encode(words)
        if key not in phrase_cache:
            phrase_cache[key] = index.sentences_with(key)
        return phrase_cache[key]

    for b in d.blocks:
        verbs: list[Verb] = []
        anchors: list[tuple[str, ...]] = []
        anchor_sents: set[int] = set()
        for v in b.verbs:
            kept_forms, verb_sents = [], set()
            for form, phrase in zip(v.forms, v.phrases(), strict=True):
                s = sents_of(phrase)
                if s:
                    kept_forms.append(form)
                    verb_sents |= s
                    anchors.append(phrase)
                else:
                    out.dropped_forms += 1
            if kept_forms:
                verbs.append(replace(v, forms=tuple(kept_forms), docs=index.docs(verb_sents)))
                anchor_sents |= verb_sents
            else:
                out.dropped_verbs += 1
        patterns = []
        for pat in b.patterns:
            kept = _attest_pattern(pat, anchors, anchor_sents, index)
            if kept is None:
                out.dropped_patterns += 1
                continue
            out.dropped_alternatives += sum(len(s) for s in (*pat.before, *pat.after)) - \
                sum(len(s) for s in (*kept.before, *kept.after))
            patterns.append(kept)
        if verbs:
            out.blocks.append(replace(b, verbs=verbs, patterns=patterns))
        else:
            out.dropped_blocks += 1
            out.dropped_patterns += len(patterns)
    return out


def _attest_pattern(pat: Pattern, anchors: list[tuple[str, ...]], anchor_sents: set[int],
                    index: CorpusIndex) -> Pattern | None:
    c = compile_pattern(anchors, pat, index.encode)
    cands: set[int] | None = None
    for compiled_slot in (*c.before, *c.after):
        slot_sents: set[int] = set()
        for alt_ids in compiled_slot:
            slot_sents |= index.candidates(alt_ids)
        cands = slot_sents if cands is None else cands & slot_sents
        if not cands:
            return None
    cands = anchor_sents if cands is None else cands & anchor_sents
    matched = {s for s in cands if pattern_matches(index.sents[s], c)}
    if not matched:
        return None
    sides: dict[str, list[Slot]] = {"before": list(pat.before), "after": list(pat.after)}
    for side in ("before", "after"):
        compiled_i = 0
        for i, slot in enumerate(sides[side]):
            if slot[0] in MARKERS:
                continue
            enc = getattr(c, side)[compiled_i]
            if len(slot) > 1:
                keep = []
                for alt, alt_ids in zip(slot, enc, strict=True):
                    rc = restrict(c, side, compiled_i, alt_ids)
                    if any(pattern_matches(index.sents[s], rc) for s in sorted(index.candidates(alt_ids) & matched)):
                        keep.append(alt)
                sides[side][i] = tuple(keep)
            compiled_i += 1
    return replace(pat, before=tuple(sides["before"]), after=tuple(sides["after"]), docs=index.docs(matched))


# ================================================================ event nouns

#: Light (support) verbs: verbs whose object noun carries the event, so that the noun alone can
#: name it ("held talks" -> "during the talks", "paid a visit" -> "after his visit"). Chosen from
#: the pattern sources of CAMEO.2.0.txt on the usual tests for support-verb constructions
#: (Jespersen's light verbs; Grimshaw and Mester 1988; Mel'cuk's Oper/Real lexical functions): the
#: verb adds little beyond "perform, carry out, bring about", the noun is the predicate that takes
#: the arguments, and the pair paraphrases to the noun's own verb (hold talks = talk, pay a visit =
#: visit, issue a warning = warn, lodge a protest = protest). Kept: general support verbs (hold,
#: have, make, give, take, do, pay, conduct, carry out), support verbs of speech acts and
#: procedures (issue, deliver, extend, lodge, file) and of inception or staging (launch, mount,
#: stage, begin, start). Left out: verbs with a meaning of their own that the noun does not carry
#: (sign, offer, seek, demand, reject, call, approve, order, receive, send, cancel, resume: "the
#: agreement" does not say it was signed, nor "aid" that it was offered); "open", whose objects
#: are mostly things (an embassy, a border, fire); "express" and "voice", whose objects name a
#: state of mind (concern, shock, sympathy) rather than the act of saying it.
LIGHT_VERBS: tuple[str, ...] = (
    "begin", "carry out", "conduct", "deliver", "do", "extend", "file", "give", "have", "hold",
    "issue", "launch", "lodge", "make", "mount", "pay", "stage", "start", "take",
)

#: Nominalisation suffixes that make a noun an event noun by its form (negotiation, agreement,
#: assistance, conference); a noun without one is an event noun when it is a dictionary verb's base
#: or -s form (visit, talks, attack), or its -ing form (meeting, bombing), or its -al noun (approval).
EVENT_SUFFIXES: tuple[str, ...] = ("tion", "sion", "ment", "ance", "ence")

#: Head nouns that pass the form test above but do not name the pattern's event when they stand
#: alone, read off the candidate list and left out, each for the reason given.
NOT_EVENT_NOUNS: dict[str, str] = {
    "back": "particle of 'give back', not a noun",
    "fire": "'hold fire' is an idiom; 'the fire' names no ceasefire",
    "pounds": "a currency (GIVE * &CURRENCY)",
    "forces": "people (GIVE * &MILITARY), not an act",
    "reserves": "people (GIVE * &MILITARY), not an act",
    "provisions": "goods, and mostly the clauses of a text",
    "nutrition": "goods",
    "jail": "a place",
    "control": "a state, not an act",
    "respect": "'pay respect' is an idiom; respect is an attitude",
    "achievements": "results, not an act",
    "solutions": "content, not an act",
    "resolution": "mostly a UN text, not an act",
    "outline": "content, not an act",
    "scheme": "content, not an act",
    "project": "a thing, not an act",
    "information": "content, not an act",
    "intelligence": "content or a service, not an act",
    "details": "content, not an act",
    "research": "not an investigation of a party",
    "study": "not an investigation of a party",
    "bid": "'launch a bid' names an attempt, not its event",
    "blow": "'deliver a blow' is an idiom",
    "order": "mostly 'in order to', 'world order', 'executive order'",
    "orders": "mostly 'executive orders', not a threat",
    "call": "in readouts the call is the phone call (the PLOVER phone rows), not an appeal",
    "calls": "in readouts the call is the phone call (the PLOVER phone rows), not an appeal",
    "campaign": "mostly an election or public campaign, not an appeal",
    "mission": "mostly a diplomatic mission (an embassy), not a meeting",
}


@dataclass(frozen=True)
class Noun:
    noun: str
    forms: tuple[str, ...]
    code: str
    source: str
    docs: int | None = None


def verb_bases(blocks: Iterable[Block]) -> dict[str, set[str]]:
    """The dictionary's one-word verbs: base forms, and their -s and -ing forms (for event nouns)."""
    out: dict[str, set[str]] = {"base": set(), "s": set(), "ing": set()}
    for b in blocks:
        for v in b.verbs:
            if len(v.words) != 1:
                continue
            base = v.forms[0]
            out["base"].add(base)
            out["s"].update(f for f in v.forms if f in (base + "s", base + "es", base[:-1] + "ies"))
            out["ing"].update(f for f in v.forms if f.endswith("ing"))
    return out


def is_event_noun(noun: str, verbs: dict[str, set[str]]) -> bool:
    """Whether the head (last word) of `noun` names an action or event by its form."""
    w = noun.split()[-1]
    if w in NOT_EVENT_NOUNS:
        return False
    sing = w[:-1] if w.endswith("s") else w
    if sing.endswith(EVENT_SUFFIXES) or w.endswith(EVENT_SUFFIXES):
        return True
    if w in verbs["base"] or w in verbs["s"] or w in verbs["ing"] or sing in verbs["ing"]:
        return True
    return sing.endswith("al") and (sing[:-2] + "e" in verbs["base"] or sing[:-2] in verbs["base"])


def light_verb_nouns(blocks: Iterable[Block], verbs: dict[str, set[str]],
                     dictionary_name: str = DICTIONARY.name) -> list[Noun]:
    """Event nouns of patterns 'LIGHT-VERB * NOUN [code]' (nothing else but actor markers)."""
    out = []
    for b in sorted(blocks, key=lambda b: b.line):
        for pat in sorted(b.patterns, key=lambda p: p.line):
            if pat.source not in LIGHT_VERBS or pat.code in (None, NO_EVENT):
                continue
            if any(s[0] not in MARKERS for s in pat.before):
                continue
            nouns = [s for s in pat.after if s[0] not in MARKERS]
            if len(nouns) != 1:
                continue
            family = _noun_forms(nouns[0])
            # a synonym set of meetings whose first word is an event noun is a set of meetings: "HOLD *
            # &NEGOTIATION" holds a dialogue or a discussion as well as a negotiation (kept to meetings,
            # CAMEO 04: the sets of other patterns mix acts with places and things, "HOLD * &PRISON")
            synonyms = len(family) > 1 and pat.code.startswith("04") and is_event_noun(family[0][0], verbs)
            for noun, forms in family:
                if synonyms or is_event_noun(noun, verbs):
                    out.append(Noun(noun=noun, forms=forms, code=pat.code,
                                    source=f"{dictionary_name}:{pat.line} {pat.source.upper()} * {noun.upper()}"))
    return out


def merge_nouns(nouns: Iterable[Noun]) -> list[Noun]:
    """One row per code and word family: rows of one code sharing a form are merged, their forms
    and sources joined in order ('talks' from HOLD * TALKS, HOLD * TALK and the codebook)."""
    out: list[Noun] = []
    for n in nouns:
        same = next((i for i, o in enumerate(out) if o.code == n.code and set(o.forms) & set(n.forms)), None)
        if same is None:
            out.append(n)
        else:
            o = out[same]
            sources = o.source.split("; ")
            out[same] = replace(o, forms=tuple(_unique([*o.forms, *n.forms])),
                                source="; ".join(_unique([*sources, n.source])))
    return out


def _noun_forms(slot: Slot) -> list[tuple[str, tuple[str, ...]]]:
    """Group a slot's alternatives into a singular and its plural ('talk', 'talks')."""
    alts = list(slot)
    out: list[tuple[str, tuple[str, ...]]] = []
    used: set[str] = set()
    for a in alts:
        if a in used:
            continue
        plural = make_plural(a)
        forms = (a, plural) if plural in alts else (a,)
        used.update(forms)
        out.append((a, forms))
    return out


#: Nouns named in the PLOVER codebook's CONSULT section, with the CAMEO code that the 2021 table
#: gives the PLOVER type and mode meant (CONSULT: 040; its phone mode, "via phone or some other
#: remote medium": 041; visit: 042; negotiation: 046). Each row quotes the manual's words to cite
#: the line they stand on.
PLOVER_NOUNS: tuple[tuple[str, str, str, str], ...] = (
    # noun, its plural, CAMEO code, the words quoted from the manual
    ("talks", "talks", "046", "``Holding talks''"),
    ("discussion", "discussions", "040", "``discussions''"),
    ("negotiation", "negotiations", "046", "``negotiations, bargaining"),
    ("bargaining", "bargaining", "046", "``negotiations, bargaining"),
    ("consultation", "consultations", "040", "All consultations and meetings"),
    ("meeting", "meetings", "040", "All consultations and meetings"),
    ("visit", "visits", "042", "visiting and hosting visits"),
    ("state visit", "state visits", "042", "summits, state visits"),
    ("summit", "summits", "040", "summits, state visits"),
    ("phone call", "phone calls", "041", "consultation by phone"),
    ("telephone call", "telephone calls", "041", "consultation by phone"),
    ("telephone conversation", "telephone conversations", "041", "consultation by phone"),
    ("phone conversation", "phone conversations", "041", "consultation by phone"),
    ("video call", "video calls", "041", "via phone or some other remote medium"),
    ("video conference", "video conferences", "041", "via phone or some other remote medium"),
    ("videoconference", "videoconferences", "041", "via phone or some other remote medium"),
)


def plover_nouns(manual: str, manual_name: str = PLOVER_MANUAL.name) -> list[Noun]:
    lines = manual.split("\n")
    out = []
    for noun, plural, code, quote in PLOVER_NOUNS:
        where = next((i for i, line in enumerate(lines, 1) if quote in line), None)
        if where is None:
            raise SystemExit(f"{manual_name}: {quote!r} not found; PLOVER_NOUNS needs updating")
        section = next((m.group(1) for line in reversed(lines[:where])
                        if (m := re.match(r"\\section\{([^}]*)\}", line))), "?")
        out.append(Noun(noun=noun, forms=tuple(_unique([noun, plural])), code=code,
                        source=f"{manual_name}:{where} {section}"))
    return out


def attest_nouns(nouns: Iterable[Noun], index: CorpusIndex) -> tuple[list[Noun], int]:
    kept, dropped = [], 0
    for n in nouns:
        forms, sents = [], set()
        for f in n.forms:
            s = index.sentences_with(index.encode(tokenize(f)))
            if s:
                forms.append(f)
                sents |= s
        if forms:
            kept.append(replace(n, forms=tuple(forms), docs=index.docs(sents)))
        else:
            dropped += 1
    return kept, dropped


# ================================================================ CAMEO -> PLOVER


def read_plover_table(text: str) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER-2021.txt; the first row of a code wins."""
    out: dict[str, tuple[str, str]] = {}
    for line in text.split("\n"):
        m = re.match(r"(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        mode = fields[1] if len(fields) > 1 else ""
        out.setdefault(m.group(1), (fields[0], mode))
    return out


def reconcile_cameo(rows: list[dict[str, Any]], table: dict[str, tuple[str, str]]
                    ) -> tuple[list[dict[str, Any]], list[str]]:
    """cameo.jsonl rows with `plover`/`mode` from the table (goldstein, quad_class untouched)."""
    out, diffs = [], []
    for row in rows:
        new = dict(row)
        if row["code"] in table:
            ptype, mode = table[row["code"]]
            mode = "" if mode.startswith("pro_") else mode  # 175: a context value in the mode column
            if (row.get("plover"), row.get("mode") or "") != (ptype, mode):
                diffs.append(f"{row['code']}: {row.get('plover')}/{row.get('mode')!r} -> {ptype}/{mode!r}")
                new["plover"], new["mode"] = ptype, mode
        elif row.get("plover") is not None:
            diffs.append(f"{row['code']}: {row.get('plover')} but absent from the table")
        out.append(new)
    missing = sorted(set(table) - {r["code"] for r in rows})
    diffs += [f"{code}: in the table ({table[code][0]}), no cameo.jsonl row" for code in missing]
    return out, diffs


# ================================================================ rows and files


def verb_rows(blocks: Iterable[Block]) -> list[dict[str, Any]]:
    rows = []
    for b in sorted(blocks, key=lambda b: b.line):
        rows.append({
            "block": b.name, "line": b.line, "code": b.code, "paired": b.paired,
            "verbs": [{"verb": v.verb, "words": list(v.words), "head": v.head, "forms": list(v.forms),
                       "code": v.code, "paired": v.paired, "line": v.line, "docs": v.docs,
                       **({"cite": v.cite} if v.cite else {})} for v in sorted(b.verbs, key=lambda v: v.line)],
            "patterns": [{"line": p.line, "from": p.source, "before": [list(s) for s in p.before],
                          "after": [list(s) for s in p.after], "code": p.code, "paired": p.paired, "docs": p.docs,
                          **({"cite": p.cite} if p.cite else {}), **({"pp": True} if p.pp else {})}
                         for p in sorted(b.patterns, key=lambda p: p.line)],
        })
    return rows


def noun_rows(nouns: Iterable[Noun]) -> list[dict[str, Any]]:
    return [{"noun": n.noun, "forms": list(n.forms), "code": n.code, "source": n.source, "docs": n.docs}
            for n in sorted(nouns, key=lambda n: (n.noun, n.code, n.source))]


def dumps(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def blocks_from_rows(rows: Iterable[dict[str, Any]]) -> list[Block]:
    """Committed cameo_verbs.jsonl rows back into blocks (for nouns and tests)."""
    blocks = []
    for r in rows:
        blocks.append(Block(
            name=r["block"], line=r["line"], code=r["code"], paired=r["paired"],
            verbs=[Verb(verb=v["verb"], words=tuple(v["words"]), head=v["head"], forms=tuple(v["forms"]),
                        code=v["code"], paired=v["paired"], line=v["line"], docs=v.get("docs"), cite=v.get("cite"))
                   for v in r["verbs"]],
            patterns=[Pattern(line=p["line"], source=p["from"], before=tuple(tuple(s) for s in p["before"]),
                              after=tuple(tuple(s) for s in p["after"]), code=p["code"], paired=p["paired"],
                              docs=p.get("docs"), pp=bool(p.get("pp"))) for p in r["patterns"]]))
    return blocks


def reapply(d: Dictionary, rows: Iterable[dict[str, Any]]) -> list[Block]:
    """The parsed dictionary cut down to what a cameo_verbs.jsonl kept, with its `docs`.

    Rendering the result gives the file back exactly when the file is this script's output for
    the dictionary as parsed now, so tests check the parse without scanning the corpus.
    """
    parsed = {b.line: b for b in d.blocks}
    out = []
    for r in rows:
        b = parsed[r["line"]]
        verbs = {v.line: v for v in b.verbs}
        patterns = {p.line: p for p in b.patterns}
        kept_verbs = [replace(verbs[rv["line"]], forms=tuple(f for f in verbs[rv["line"]].forms if f in rv["forms"]),
                              docs=rv["docs"]) for rv in r["verbs"]]
        kept_patterns = [replace(patterns[rp["line"]], before=_cut(patterns[rp["line"]].before, rp["before"]),
                                 after=_cut(patterns[rp["line"]].after, rp["after"]), docs=rp["docs"])
                         for rp in r["patterns"]]
        out.append(replace(b, verbs=kept_verbs, patterns=kept_patterns))
    return out


def _cut(slots: tuple[Slot, ...], kept: list[list[str]]) -> tuple[Slot, ...]:
    if len(slots) != len(kept):
        raise ValueError(f"slots {slots} do not match {kept}")
    return tuple(tuple(a for a in slot if a in set(k)) for slot, k in zip(slots, kept, strict=True))


def derived_nouns(d: Dictionary, blocks: Iterable[Block], manual: str) -> list[Noun]:
    """The nominal triggers before attestation: light-verb patterns of the kept blocks, then the
    PLOVER codebook's, merged."""
    return merge_nouns([*light_verb_nouns(blocks, verb_bases(d.blocks)), *plover_nouns(manual)])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    t0 = time.perf_counter()
    d = parse_dictionary(DICTIONARY.read_text(encoding="utf-8"))
    t1 = time.perf_counter()
    print(f"read {DICTIONARY.name}: {len(d.blocks)} blocks, {sum(len(b.verbs) for b in d.blocks)} verbs, "
          f"{sum(len(b.patterns) for b in d.blocks)} patterns, {len(d.synsets)} synonym sets ({t1 - t0:.1f} s)")
    for note in d.notes:
        print(f"  note: {note}")
    manual = PLOVER_MANUAL.read_text(encoding="utf-8")
    keep = lexicon_words(d) | {w for n in plover_nouns(manual) for f in n.forms for w in tokenize(f)}
    index = CorpusIndex(corpus_documents(), keep)
    t2 = time.perf_counter()
    print(f"indexed {len(index.doc_names)} corpus documents, {len(index.sents)} sentences ({t2 - t1:.1f} s)")
    att = attest(d, index)
    t3 = time.perf_counter()
    print(f"attested: dropped {att.dropped_forms} forms, {att.dropped_verbs} verbs, {att.dropped_blocks} blocks, "
          f"{att.dropped_patterns} patterns, {att.dropped_alternatives} slot alternatives ({t3 - t2:.1f} s)")
    nouns, dropped_nouns = attest_nouns(derived_nouns(d, att.blocks, manual), index)
    print(f"nouns: {len(nouns)} kept, {dropped_nouns} unattested")
    VERBS_OUT.write_text(dumps(verb_rows(att.blocks)), encoding="utf-8")
    NOUNS_OUT.write_text(dumps(noun_rows(nouns)), encoding="utf-8")
    cameo, diffs = reconcile_cameo(read_jsonl(CAMEO_OUT), read_plover_table(PLOVER_TABLE.read_text(encoding="utf-8")))
    for diff in diffs:
        print(f"  cameo.jsonl: {diff}")
    if any("->" in x for x in diffs):
        CAMEO_OUT.write_text(dumps(cameo), encoding="utf-8")
    print(f"wrote {VERBS_OUT.name}, {NOUNS_OUT.name}; {len(diffs)} cameo.jsonl differences "
          f"(total {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
