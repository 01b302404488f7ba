"""Partnerships: a named relationship level between two parties, established, upgraded or reaffirmed.

A level is a noun phrase headed by "partnership", "alliance", "relationship" or "relations"
(or "partners"/"allies" as a predicate: "the two countries are strategic partners"). The level
as written is the head with its modifiers ("enhanced trilateral security partnership",
"comprehensive strategic cooperative partnership in the new era"), without determiners and
country names; it is normalised to the longest known level it contains
(`data/partnership_levels.jsonl`) and ranked on the ladder of a party that uses that level.
A bare "partnership" or "alliance" counts only when the phrase itself names its parties.

Parties: the countries modifying the level ("the China-Tajikistan partnership"), "between X and
Y", "with X" (with the subject of the clause), "our"/"their" (the pair the text is about), the
subject of the clause ("the two countries are allies"), else the pair the text is about.

The step: the clause's verb says established ("establish", "launch", "form") or upgraded
("upgrade", "elevate", "raise"); the pair's earlier level named in the same text decides
("from the strategic partnership to ..."): a higher new rank is an upgrade, an equal one a
reaffirmation, and the level an upgrade starts from is history, not a step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from communique.events.common import Context, evidence
from communique.events.parse import children, is_verb, preps, subjects
from communique.events.parties import Mention, dedupe
from communique.records import Partnership
from communique.resolve.gazetteer import read_jsonl

HEADS = frozenset({"partnership", "partnerships", "alliance", "alliances", "relationship", "relationships",
                   "relations", "partners", "allies", "ally", "partner", "interaction", "cooperation"})
GENERIC = frozenset({"partnership", "partnerships", "alliance", "alliances", "partners", "allies", "ally",
                     "partner"})
UPGRADE = frozenset({"upgrade", "upgraded", "upgrades", "upgrading", "elevate", "elevated", "elevates",
                     "elevating", "raise", "raised", "raising", "lift", "lifted"})
ESTABLISH = frozenset({"establish", "established", "establishes", "establishing", "establishment", "launch",
                       "launched", "launches", "form", "formed", "forming", "create", "created", "creating",
                       "creation", "announce", "announced", "forge", "forged", "build", "built"})
MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})


@dataclass(frozen=True)
class Level:
    level: str
    rank: int
    family: str
    pattern: re.Pattern[str]


@cache
def levels() -> tuple[list[Level], dict[str, dict[str, int]]]:
    rows = read_jsonl("partnership_levels.jsonl")
    out: list[Level] = []
    ladders: dict[str, dict[str, int]] = {}
    for r in rows:
        ladders.setdefault(r["level"], {})[r["family"]] = r["rank"]
        for form in [r["level"], *r.get("aliases", [])]:
            pat = re.escape(form).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
            out.append(Level(r["level"], r["rank"], r["family"], re.compile(r"\b" + pat + r"s?\b", re.I)))
    out.sort(key=lambda lv: -len(lv.pattern.pattern))
    return out, ladders


def _written(head: Token, ctx: Context) -> tuple[str, int, int]:
    """The level as written: the head with its modifiers after the last country named before it
    ("U.S.-Indonesia Strategic Partnership" -> "Strategic Partnership"; an organisation stays:
    "NATO Allies"), and its 'of'/'in'/'for' tail."""
    lo = head.i
    for c in head.children:
        if c.i < head.i and c.dep_ in MOD_DEPS | {"nummod"}:
            lo = min(lo, min(t.i for t in c.subtree))
    for i in range(lo, head.i):
        m = ctx.parties.at(head.doc[i])
        if m is not None and not m.code.startswith("IGO:"):
            lo = i + 1
    hi = head.i + 1
    for p in children(head, "prep"):  # (a tail right after the level: not "relations between X and Y in all areas")
        if p.i == hi and p.lower_ in ("of", "in", "for") and not any(ctx.parties.at(t) for t in p.subtree):
            hi = max(hi, max(t.i for t in p.subtree) + 1)
    doc = head.doc
    for c in children(head, "conj"):  # "strategic partnership and alliance": one level, named twice over
        if c.left_edge.i == hi + 1 and _joined_level(c):
            hi = c.i + 1
    while lo < head.i and (doc[lo].is_punct or doc[lo].lower_ in ("-", "–", "and")):
        lo += 1
    return doc[lo:hi].text, lo, hi


def _joined_level(c: Token) -> bool:
    """`c`, a head coordinated right after another head by 'and', names one level with it: "strategic
    partnership and alliance", "comprehensive partnership and strategic interaction" (not two levels
    of one word, "strategic partnership and Quad partnership")."""
    head = c.head
    return c.dep_ == "conj" and head.lower_ in HEADS and c.lower_ in HEADS and c.left_edge.i >= 1 \
        and c.doc[c.left_edge.i - 1].lower_ == "and" and c.lower_.rstrip("s") != head.lower_.rstrip("s") \
        and not children(c, "prep")


def _parties(head: Token, ctx: Context) -> list[Mention]:
    found: list[Mention] = []
    for c in head.subtree:
        if c.i < head.i and c.head.i in (head.i, *[x.i for x in head.children]):
            m = ctx.parties.at(c)
            if m is not None and c.dep_ in MOD_DEPS | {"poss", "npadvmod"}:
                if m.code.startswith("IGO:") and head.lower_ in ("allies", "ally"):
                    continue  # "NATO Allies": allied within NATO, which is not a side of it
                found.append(m)
    for c in children(head, "poss"):
        if c.lower_ in ("our", "their", "its"):
            found.extend(ctx.parties.of_np(c))
    for p, o in preps(head):
        if p in ("between", "among", "with", "of"):
            found.extend(ctx.parties.of_np(o, 1))
    found = dedupe(found)
    verb = head.head if head.dep_ in ("dobj", "attr", "pobj", "nsubjpass", "conj") else None
    while verb is not None and not is_verb(verb) and verb.head.i != verb.i and verb.dep_ in ("prep", "pobj", "conj"):
        verb = verb.head
        if len(found) < 2 and verb.tag_.startswith("NN"):  # "their cooperation as partners and allies"
            found = dedupe([*found, *(m for c in children(verb, "poss") if c.lower_ in ("our", "their")
                                      for m in ctx.parties.of_np(c))])
    if verb is not None and is_verb(verb) and len(found) < 2:
        subj = dedupe([m for s in subjects(verb) for m in ctx.parties.of_np(s)])
        with_ = dedupe([m for p, o in preps(verb) if p in ("with", "between") for m in ctx.parties.of_np(o, 1)])
        up = verb
        while not with_ and up.dep_ in ("xcomp", "advcl", "conj") and up.head.i != up.i:
            up = up.head  # "to meet with Mongolian officials to reinforce our partnership": the partner met
            with_ = dedupe([m for p, o in preps(up) if p in ("with", "between") for m in ctx.parties.of_np(o, 1)])
        found = dedupe([*subj, *found, *with_])
    return found


def _change(head: Token, sent: Span) -> str:
    """What the clause does to the level: the verbs and nouns it hangs from ("upgraded relations
    to", "announcing the establishment of"), up to the clause's own verb."""
    words: set[str] = set()
    t = head
    for _ in range(6):
        if t.head == t:
            break
        t = t.head
        words.add(t.lower_)
        if is_verb(t) and t.dep_ not in ("acl", "xcomp", "pcomp", "advcl"):
            break
    if words & UPGRADE:
        return "upgraded"
    if words & ESTABLISH:
        return "established"
    return "reaffirmed"


def rank(row_level: str, parties: list[str]) -> int | None:
    ladder = levels()[1].get(row_level, {})
    for family in [*parties, "GEN"]:
        key = "EU" if family == "IGO:EU" else family
        if key in ladder:
            return ladder[key]
    return next(iter(ladder.values()), None)


def find(sent: Span, ctx: Context, date: str | None, earlier: dict[frozenset[str], int] | None = None) -> list[Partnership]:
    """Partnership levels named in a sentence. `earlier` collects, per pair, the rank of a level
    the text says the pair moves from ("upgraded from X to Y")."""
    out: list[Partnership] = []
    known, _ = levels()
    for tok in sent:
        if tok.lower_ not in HEADS or not tok.tag_.startswith("NN"):
            continue
        if tok.lower_ in ("relations", "relationship", "relationships") and any(
                t.lower_ in GENERIC for p in children(tok, "prep") if p.lower_ == "of" for t in p.subtree):
            continue  # "relations of strategic partnership and alliance": the level is the one inside
        if tok.dep_ == "conj" and tok.head.i == tok.left_edge.i - 2 and _joined_level(tok):
            continue  # ("... partnership and alliance": the alliance is part of the level before it)
        text, lo, hi = _written(tok, ctx)
        named_as = tok.lower_ in ("partners", "allies") and tok.dep_ == "attr"
        if named_as:
            # "China and Brazil are comprehensive strategic partners": the level they hold, named as a level
            text = re.sub(r"partners$", "partnership", re.sub(r"allies$", "alliance", text))
        norm: Any = None
        for lv in known:
            if lv.pattern.search(text):
                norm = lv
                break
        if named_as and norm is not None and norm.level in ("partnership", "alliance"):
            if norm.level == "partnership":
                continue  # "the two are partners": no level named
            text = "alliance"  # "are close allies": allied, however described
        if norm is None or any(c.lower_ in ("other", "another", "potential", "future") for c in tok.children):
            continue  # only known levels; "other important allies" are not this pair's level
        if any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in tok.children):
            continue  # "deepen this critical partnership": the level the text named before, not another
        if norm.level == "partnership" and any(c.dep_ in ("amod", "advmod") and c.lower_ != "bilateral"
                                               for c in tok.children):
            continue  # "a strong partnership", "a more direct partnership": described, not a named level
        if norm is not None and "community" in norm.level:
            continue  # "a community with a shared future" is declared on top of a partnership, not a level
        parties = _parties(tok, ctx)
        head_prep = sent.doc[max(sent.start, lo - 2):lo].text.lower()
        if re.search(r"\bfrom\b", head_prep):  # "upgraded from the strategic partnership": the level left behind
            if earlier is not None and norm is not None:
                pair = frozenset(m.code for m in parties) if len(parties) >= 2 else frozenset(ctx.res.group)
                earlier[pair] = min(earlier.get(pair, 999), rank(norm.level, list(pair)) or 0)
            continue
        bare = text.lower().rstrip("s") in ("partnership", "alliance", "partner", "ally", "allie")
        if bare and len(parties) < 2:
            continue
        codes = [m.code for m in parties]
        if named_as and len(set(codes)) < 2:
            continue  # "X has become one of our closest partners": a description, its pair not both named
        if len(codes) < 2 and norm.level in ("partnership", "alliance", "comprehensive partnership"):
            continue  # "our allies", "a partnership": whose, the phrase must say
        if len(codes) < 2 and len(ctx.res.group) >= 2:
            codes = list(dict.fromkeys([*codes, *ctx.res.group]))
        if len(set(codes)) < 2:
            continue
        level_norm = norm.level
        out.append(Partnership(parties=sorted(set(codes)), level=text, level_normalized=level_norm,
                               rank=rank(level_norm, codes),
                               change=_change(tok, sent), date=date, evidence=evidence(sent)))  # type: ignore[arg-type]
    return out


def prune(ps: list[Partnership], earlier: dict[frozenset[str], int] | None = None) -> list[Partnership]:
    """Keep one step per pair and level; drop a level inside a longer one for the same pair, and
    the older level an upgrade of the same sentence leaves behind; decide the step by the pair's
    earlier rank when the text states it: above it is an upgrade, at it a reaffirmation."""
    best: dict[tuple[frozenset[str], str], Partnership] = {}
    for p in ps:
        k = (frozenset(p.parties), p.level_normalized.lower())
        if k not in best or (best[k].change == "reaffirmed" and p.change != "reaffirmed"):
            best[k] = p
    items = list(best.values())
    out = []
    for p in items:
        pair = [q for q in items if q is not p and set(q.parties) == set(p.parties)]
        longer = [q for q in pair if len(q.level) > len(p.level) and p.level.lower() in q.level.lower()]
        superseded = [q for q in pair if q.change != "reaffirmed" and (q.rank or 0) > (p.rank or 0)
                      and q.evidence == p.evidence]
        if longer or superseded:
            continue
        before = (earlier or {}).get(frozenset(p.parties))
        if before is not None and p.rank is not None and p.change != "reaffirmed":
            p = p.model_copy(update={"change": "upgraded" if p.rank > before else "reaffirmed"})
        out.append(p)
    return out
