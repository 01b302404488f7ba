"""Triggers: the CAMEO verb dictionary and event nouns, matched on parsed sentences.

`data/cameo_verbs.jsonl` is PETRARCH2's CAMEO verb dictionary converted by
`scripts/build_lexicon.py` (verb blocks: synonym verbs with their forms and a code, then phrase
patterns with more specific codes), and `data/event_nouns.jsonl` the nouns that name an event
without a verb ("talks", "visit", "telephone conversation"), derived from the same dictionary's
support-verb patterns and the PLOVER codebook. Every trigger carries the dictionary line it came
from (`Trigger.source`), so a wrong event can be traced to its row.

A verb matches on its word form (the dictionary lists every form; no lemmatizer is needed). Its
patterns are read as PETRARCH reads them: the words after `*` must follow the verb in order inside
its own clause (gaps allowed), the words before `*` must precede it; of the patterns that match,
the one with most words wins, and a pattern coded `---` means the verb makes no event there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from communique.events.parse import in_phrase, is_noun, is_verb
from communique.resolve.gazetteer import read_jsonl

#: how many tokens after (before) the verb a pattern's words may reach
AFTER_WINDOW = 12
BEFORE_WINDOW = 6
ACTOR_MARKS = frozenset({"$", "+", "%", "^"})

#: blocks whose verbs consult by default (CAMEO 04). The codebook's CONSULT is "all consultations and
#: meetings ... visiting and hosting visits ... consultation by phone or other media": verbs of
#: meeting, conferring, calling, visiting and hosting qualify; the dictionary's other 040 defaults
#: (consider, think, hear, learn, introduce, notify; and ASSEMBLE, which mixes "convene" with "unite",
#: "join", "flock") are verbs of cognition, notice or joining, and consult only through a pattern.
CONSULT_BLOCKS = frozenset({"MEET_PEOPLE", "CONFER", "CALL", "VISIT", "HOST", "ARRIVE", "GO_SOMEWHERE"})
#: blocks of going somewhere: CONSULT only as a visit to a place named ("travelled to Japan")
MOTION_BLOCKS = frozenset({"GO_SOMEWHERE", "ARRIVE"})

#: nouns of the codebook's remote consultation ("consultation by phone or other media", PLOVER
#: CONSULT, mode phone) that name a consultation only with a partner: "a call with X", not "a call for"
PARTNERED = {"call": "041", "calls": "041", "conversation": "040", "conversations": "040",
             "videoconference": "041", "videoconferences": "041", "teleconference": "041", "videocall": "041"}
#: verbs that say an event took place: an event noun's partners may hang on them ("a conversation took place with X")
OCCURRENCE = frozenset({"took", "take", "takes", "taking", "held", "happened", "occurred", "was", "were"})
#: verbs that hold a call or conversation: its partners may hang on them ("held separate calls yesterday with X")
HOLDING = frozenset({"held", "hold", "holds", "holding", "had", "have", "has", "having", "conducted", "made"})
PARTNERED_SOURCE = "PLOVER_MANUAL.tex:386 CONSULT (mode phone: 'via phone or some other remote medium')"


@dataclass(frozen=True)
class Pattern:
    before: tuple[tuple[tuple[str, ...], ...], ...]  # slots, each a tuple of alternative phrases (word tuples)
    after: tuple[tuple[tuple[str, ...], ...], ...]
    code: str | None  # None: only the reversed (paired) event
    paired: str | None
    source: str
    verb: str | None = None  # the verb of the block the pattern was written for (its '# VERB' comment)
    pp: bool = False  # its first word after the verb heads a prepositional phrase ("HEAD * (TO)": a destination)

    @property
    def size(self) -> int:
        return sum(1 for s in (*self.before, *self.after) if s and s[0][0] not in ACTOR_MARKS)

    @property
    def needs(self) -> tuple[frozenset[str], ...]:
        """For each word slot, the words one of which must be near the verb (a cheap test first)."""
        return tuple(frozenset(alt[0] for alt in s) for s in (*self.before, *self.after) if s and s[0][0] not in ACTOR_MARKS)


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]  # the whole phrase of a multi-word verb ("call", "off")
    head: int
    code: str
    block: str
    source: str


@dataclass
class Block:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Trigger:
    """A word (or phrase) that names an event, with the CAMEO code the dictionary gives it."""

    token: Token  # the verb, or the event noun
    code: str | None  # None when only the paired, reversed event applies ("faces calls" -> [:020])
    paired: str | None
    source: str
    nominal: bool
    covered: frozenset[int] = frozenset()  # tokens the matched pattern used (not triggers of their own)
    motion: bool = False  # a verb of going somewhere: a visit only when it says where
    block: str = ""  # the dictionary block of a verb trigger


def _slot(alts: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(a.split()) for a in alts)


class Lexicon:
    """Forms -> verbs, blocks -> patterns, and event nouns; loaded once."""

    def __init__(self, verb_rows: list[dict[str, Any]], noun_rows: list[dict[str, Any]]) -> None:
        self.forms: dict[str, list[Verb]] = defaultdict(list)
        self.blocks: dict[str, Block] = {}
        self._needs: dict[int, tuple[frozenset[str], ...]] = {}
        self._pattern_groups: dict[int, list[list[Pattern]]] = {}
        for row in verb_rows:
            block = Block(row["block"], (row.get("code") or "---").split(":")[0] or "---")
            names = {n for v in row.get("verbs", []) for n in (" ".join(v.get("words") or [v["verb"]]),
                                                               (v.get("words") or [v["verb"]])[int(v.get("head", 0))])}
            for p in row.get("patterns", []):
                own = (p.get("from") or "").lower().replace("_", " ")
                block.patterns.append(Pattern(
                    tuple(_slot(s) for s in p.get("before", [])), tuple(_slot(s) for s in p.get("after", [])),
                    p.get("code"), p.get("paired"),
                    p.get("cite") or f"CAMEO.2.0.txt:{p.get('line')} {row['block']}", own if own in names else None,
                    bool(p.get("pp"))))
            self.blocks[block.name] = block
            for pat in block.patterns:
                self._needs[id(pat)] = pat.needs
            for v in row.get("verbs", []):
                words = tuple(v.get("words") or [v["verb"]])
                code = (v.get("code") or block.code).split(":")[0] or "---"  # "042:043": the verb's own event
                verb = Verb(words, int(v.get("head", 0)), code, block.name,
                            v.get("cite") or f"CAMEO.2.0.txt:{v.get('line')} {block.name}/{' '.join(words)}")
                for f in v["forms"]:
                    self.forms[f.lower()].append(verb)
        self.nouns: dict[str, tuple[str, str]] = {}
        self.noun_phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        # a noun with several codes ("visit": 036 and 042) takes the codebook's, else the act's own over an
        # intent to it (CAMEO 03x, which the pattern's verb says: "MAKE * TRIP", "BEGIN * TRIP" are 036, the
        # trip itself "START * TRIP" 042), else the most attested
        ranked = sorted(noun_rows, key=lambda r: ("PLOVER_MANUAL" not in str(r.get("source", "")),
                                                  str(r.get("code", "")).startswith("03"), -int(r.get("docs") or 0)))
        for row in ranked:
            for f in row["forms"]:
                words = tuple(f.lower().split())
                if len(words) == 1:
                    self.nouns.setdefault(words[0], (row["code"], row["source"]))
                elif not any(w == words for w, _, _ in self.noun_phrases[words[-1]]):
                    # "telephone conversation": keyed on its last word, the head
                    self.noun_phrases[words[-1]].append((words, row["code"], row["source"]))

    # ------------------------------------------------------------ verbs

    def verb(self, tok: Token, sent: Span) -> Trigger | None:
        """The trigger a verb token makes, or None (not a dictionary verb, or coded `---`)."""
        if not is_verb(tok):
            return None
        cands = self.forms.get(tok.lower_)
        if not cands:
            return None
        best: tuple[int, Pattern, Verb, frozenset[int]] | None = None
        plain: list[Verb] = []
        near = self._near_words(tok, sent)
        for verb in cands:
            covered = self._phrase(verb, tok, sent)
            if covered is None:
                continue
            plain.append(verb)
            # a verb's own patterns first; a verb with its own code takes its block-mates' only when none fits
            for group in self._groups(verb):
                for pat in group:
                    if any(not (need & near) for need in self._needs[id(pat)]):
                        continue
                    used = self._match(pat, tok, sent, covered)
                    if used is not None and (best is None or pat.size > best[0] or (
                            pat.size == best[0] and pat.pp and not best[1].pp and pat.after == best[1].after
                            and pat.before == best[1].before and _heads_pp(tok, used))):
                        # (of two patterns of the same words, "* (TO)" fits a 'to' that heads a phrase)
                        best = (pat.size, pat, verb, used)
                if best is not None:
                    break
        if best is not None:
            _, pat, verb, used = best
            if (pat.code or "").startswith("01") and not pat.paired and verb.code[:2] == "04" \
                    and verb.block in CONSULT_BLOCKS:
                # a symbolic act (CAMEO 01, no PLOVER event) of a verb of visiting is still the visit:
                # "attend the inauguration" (GUIDELINES.md: a visit is CONSULT)
                return Trigger(tok, verb.code.split(":")[0], None, verb.source, False, used, block=verb.block)
            if pat.code == "---" and not pat.paired:
                return None
            code = None if pat.code in (None, "---") else pat.code
            return Trigger(tok, code, pat.paired, pat.source, False, used, block=verb.block)
        coded = [v for v in plain if v.code and v.code != "---"
                 and (not v.code.startswith("04") or v.block in CONSULT_BLOCKS)]
        if not coded:
            return None
        multi = sorted(coded, key=lambda v: -len(v.words))[0]
        covered = self._phrase(multi, tok, sent) or frozenset()
        return Trigger(tok, multi.code, None, multi.source, False, covered,
                       motion=multi.block in MOTION_BLOCKS and multi.code.startswith("04"), block=multi.block)

    def _groups(self, verb: Verb) -> list[list[Pattern]]:
        cached = self._pattern_groups.get(id(verb))
        if cached is None:
            own = " ".join(verb.words)
            block = self.blocks[verb.block]
            names = (own, verb.words[verb.head])
            # a pattern of particles only makes a phrasal verb of the verb it was written for ("press
            # on", "head to", "call on"): a block-mate with the same particle is no such phrase
            # and a pattern that makes another verb's act symbolic (CAMEO 01, no PLOVER event) is that verb's:
            # COMMEMORATE * ANNIVERSARY [017] does not make "congratulated X on the anniversary" no praise
            patterns = [p for p in block.patterns if not (p.verb and p.verb not in names and (
                _phrasal(p) or ((p.code or "").startswith("01") and not p.paired)))]
            if verb.code == block.code:  # a synonym of the block's verbs: every pattern is its own
                cached = [patterns]
            else:
                mine = [p for p in patterns if p.verb is None or p.verb in names]
                cached = [mine, [p for p in patterns if p not in mine]]
            self._pattern_groups[id(verb)] = cached
        return cached

    @staticmethod
    def _near_words(tok: Token, sent: Span) -> frozenset[str]:
        """Words a pattern of this verb could use: the windows around it, and the phrase a passive or
        a participle has its object in."""
        doc = tok.doc
        lo, hi = max(sent.start, tok.i - BEFORE_WINDOW - 4), min(sent.end, tok.i + AFTER_WINDOW + 4)
        words = {doc[i].lower_ for i in range(lo, hi)}
        if any(doc[i].ent_type_ == "MONEY" for i in range(lo, hi)):
            words |= MONEY_WORDS
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                words |= {t.lower_ for t in c.subtree}
        words |= {c.lower_ for c in _verb_particles(tok) if c.dep_ in ("prep", "dative", "prt")}
        if tok.dep_ in ("acl", "relcl") and tok.head != tok:
            words |= {t.lower_ for t in tok.head.subtree}
        return frozenset(words)

    @staticmethod
    def _phrase(verb: Verb, tok: Token, sent: Span) -> frozenset[int] | None:
        """Token indices of a multi-word verb around `tok` ("called off", "beef up"), or None."""
        if len(verb.words) == 1:
            return frozenset({tok.i})
        doc = tok.doc
        start = tok.i - verb.head
        if start < sent.start or start + len(verb.words) > sent.end:
            return None
        for k, w in enumerate(verb.words):
            if k != verb.head and doc[start + k].lower_ != w:
                # a particle may stand after the object: "called the talks off"
                if k > verb.head and any(c.dep_ == "prt" and c.lower_ == w for c in tok.children):
                    continue
                return None
        return frozenset(range(start, start + len(verb.words)))

    def _match(self, pat: Pattern, tok: Token, sent: Span, covered: frozenset[int]) -> frozenset[int] | None:
        used = self._after(pat, tok, max(covered) + 1, min(sent.end, max(covered) + 1 + AFTER_WINDOW), covered)
        if used is None and _phrasal(pat):
            return None  # a particle is the verb's own ("attacked X for ..."): not a preposition of the
            # noun a passive verb's subject heads ("a camp for refugees was attacked")
        if used is None:  # a passive verb's object stands before it: "the statement was released",
            # "a joint statement released by the governments" (a participle describing its object)
            subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not subj and tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN" and tok.head != tok:
                subj = [tok.head]
            if not subj:
                return None
            lo = min(t.i for s in subj for t in s.subtree)
            hi = min(max(t.i for s in subj for t in s.subtree) + 1, tok.i)
            used = self._after(pat, tok, lo, hi, covered, passive=True)
            if used is None:
                return None
        doc = tok.doc
        if used is None:
            return None
        pos = min(covered) - 1
        lo = max(sent.start, pos - BEFORE_WINDOW)
        for slot in reversed(pat.before):
            if slot[0][0] in ACTOR_MARKS:
                continue
            hit = self._find(slot, doc, lo, pos + 1, tok, forward=False)
            if hit is None:
                return None
            used.update(range(hit[0], hit[1]))
            pos = hit[0] - 1
        return frozenset(used)

    def _after(self, pat: Pattern, tok: Token, pos: int, limit: int, covered: frozenset[int],
               passive: bool = False) -> set[int] | None:
        used: set[int] = set(covered)
        first = True
        for slot in pat.after:
            if slot[0][0] in ACTOR_MARKS:
                continue
            hit = self._find(slot, tok.doc, pos, limit, tok, forward=not passive, inside=passive, verb_prep=first)
            if hit is None and first and not passive:
                hit = _own_particle(slot, tok, pos)
            first = False
            if hit is None:
                return None
            used.update(range(hit[0], hit[1]))
            pos = hit[1]
        return used

    @staticmethod
    def _find(slot: tuple[tuple[str, ...], ...], doc: Any, lo: int, hi: int, verb: Token,
              forward: bool, inside: bool = False, verb_prep: bool = False) -> tuple[int, int] | None:
        if inside:  # a span read left to right, already known to belong to the verb
            for i in range(lo, hi):
                for alt in slot:
                    if all(i + k < hi and doc[i + k].lower_ == alt[k] for k in range(len(alt))):
                        return i, i + len(alt)
            return None
        order = range(lo, hi) if forward else range(hi - 1, lo - 1, -1)
        for i in order:
            for alt in slot:
                n = len(alt)
                if i + n > hi + (0 if forward else n):
                    continue
                if all(i + k < len(doc) and doc[i + k].lower_ == alt[k] for k in range(n)) or (
                        n == 1 and alt[0] in MONEY_WORDS and _money(doc, i)):
                    if forward and not in_phrase(doc[i], verb):
                        continue
                    if verb_prep and forward and n == 1 and alt[0] in PARTICLES and _noun_own_prep(doc[i], verb):
                        continue
                    if not forward and not _before_word(doc[i + n - 1], verb):
                        continue
                    return i, i + n
        return None

    # ------------------------------------------------------------ nouns

    def noun(self, tok: Token) -> Trigger | None:
        """The trigger an event noun makes ("talks", "visit", "telephone conversation")."""
        if not is_noun(tok):
            return None
        w = tok.lower_
        doc = tok.doc
        for words, code, source in self.noun_phrases.get(w, []):
            start = tok.i - len(words) + 1
            if start >= 0 and all(doc[start + k].lower_ == words[k] for k in range(len(words))):
                return Trigger(tok, code, None, source, True, frozenset(range(start, tok.i + 1)))
        hit = self.nouns.get(w)
        host = tok.head if (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lower_ in OCCURRENCE) or (
            tok.dep_ == "dobj" and tok.head.lower_ in HOLDING) else tok  # "held calls yesterday with X"
        if hit is None and w in PARTNERED and any(
                c.dep_ == "prep" and c.lower_ in ("with", "between") for c in (*tok.children, *host.children)):
            hit = (PARTNERED[w], PARTNERED_SOURCE)
        if hit is None:
            return None
        return Trigger(tok, hit[0], None, hit[1], True, frozenset({tok.i}))


#: the dictionary's words for money ("PLEDGE * MONEY, DOLLARS, EUROS, POUNDS", "PROMISE * CASH"): an amount
#: the model tags MONEY ("$10 million", "£50 million") is one of them
MONEY_WORDS = frozenset({"money", "cash", "currency", "currencies", "dollar", "dollars", "euro", "euros", "pound",
                         "pounds", "rubles", "yen", "yuan"})


def _heads_pp(verb: Token, used: frozenset[int] | set[int]) -> bool:
    """The pattern's first word after the verb is a preposition of the verb with an object."""
    first = min((i for i in used if i > verb.i), default=None)
    if first is None:
        return False
    t = verb.doc[first]
    return t.dep_ in ("prep", "dative") and t.head.i == verb.i and any(c.dep_ == "pobj" for c in t.children)


def _money(doc: Doc, i: int) -> bool:
    """An amount of money given as such, not the value of goods ("$30 billion worth of LNG",
    "$2 billion of exports")."""
    if doc[i].ent_type_ != "MONEY":
        return False
    j = i
    while j < len(doc) and doc[j].ent_type_ == "MONEY":
        j += 1
    return j >= len(doc) or doc[j].lower_ not in ("worth", "of")


def _own_particle(slot: tuple[tuple[str, ...], ...], verb: Token, pos: int) -> tuple[int, int] | None:
    """A pattern's particle the parse attaches to the verb itself, however long the object before
    it: "welcomed the President of the Republic of X, His Excellency Y, to Australia" (the word
    window is for patterns the parse cannot vouch for)."""
    words = {alt[0] for alt in slot if len(alt) == 1 and alt[0] in PARTICLES}
    for c in _verb_particles(verb):
        if c.i >= pos and c.dep_ in ("prep", "dative", "prt") and c.lower_ in words \
                and (c.dep_ == "prt" or any(g.dep_ == "pobj" for g in c.children)):
            return c.i, c.i + 1
    return None


def _verb_particles(verb: Token) -> list[Token]:
    """The verb's dependents that may be its particles: its own, and the prepositions the parse hangs on
    a name it takes as object, as a name takes no phrase of its own ("welcoming His Excellency X,
    President of Y, and Ms Z, to Australia", 'to' on Z, is the verb's)."""
    named = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS")]
    for o in named:  # and the names it lists or renames
        named += [g for g in o.children if g.dep_ in ("conj", "appos") and g.tag_ in ("NNP", "NNPS") and g not in named]
    return [*verb.children, *(g for o in named for g in o.children if g.dep_ == "prep" and g.i > verb.i)]


def _noun_own_prep(prep: Token, verb: Token) -> bool:
    """A preposition that belongs to a common noun the verb takes as object, not to the verb: in
    "welcomed the promise to the world", 'to' is the promise's, so WELCOME * TO (hosting a
    visitor) does not match, while "welcomed the President to Suva" keeps it. (Read only for a
    pattern's first word after the verb: in PAY * VISIT TO the 'to' is the visit's.)"""
    head = prep.head
    return prep.dep_ == "prep" and head.i != verb.i and head.tag_ in ("NN", "NNS") \
        and head.dep_ == "dobj" and head.head.i == verb.i


def _before_word(tok: Token, verb: Token) -> bool:
    """A word a pattern needs before its verb ("&MILITARY *", "SHARPLY *") is the verb's subject or a
    modifier of it or of the verb, not a word inside a phrase the subject carries ("riots against
    Israeli military policies are continuing": 'military' is no subject)."""
    t = tok
    for _ in range(12):
        if t.i == verb.i:
            return True
        of = (t.dep_ == "prep" and t.lower_ == "of") or (t.dep_ == "pobj" and t.head.lower_ == "of")
        if (t.dep_ in ("prep", "pobj", "relcl", "acl", "appos", "conj", "ccomp", "advcl") and not of) \
                or t.head.i == t.i:
            return False  # (an 'of' phrase names what its head counts: "a deployment of troops arrived")
        t = t.head
    return False


#: prepositions and adverb particles (closed classes of English): the words of phrasal verbs
PARTICLES = frozenset({"on", "to", "against", "for", "with", "at", "in", "into", "off", "out", "up", "down", "over",
                       "by", "from", "about", "back", "away", "through", "upon", "onto", "around", "along"})


def _phrasal(p: Pattern) -> bool:
    words = [w for slot in (*p.before, *p.after) for alt in slot for w in alt if w[0] not in ACTOR_MARKS]
    return bool(words) and all(w in PARTICLES for w in words)


@cache
def load_lexicon() -> Lexicon:
    return Lexicon(read_jsonl("cameo_verbs.jsonl"), read_jsonl("event_nouns.jsonl"))
