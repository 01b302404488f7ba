"""Which parties a noun phrase names, read on the parse.

A party is a state (ISO alpha-3) or an organisation (`IGO:...`); a person stands for the state
or organisation they serve. A phrase names a party when its head is the party's name ("China",
"Xi Jinping", "the Russian Federation"), or when its head is an agent noun ("the Chinese side",
"Indian troops", "the government of Japan", "the leaders of China and Tajikistan") whose
modifier or "of" phrase names it. A country word that only modifies another noun ("US dollars",
"the Minsk agreements", "the South China Sea", "the Normandy format") names no party: the head
decides. Agent nouns come from PETRARCH2's agents dictionary (`data/agents.jsonl`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from communique.events.parse import children, conjuncts, token_starts
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import read_jsonl

#: words that stand for the parties a text is about: "both sides", "the two leaders", "they"
COLLECTIVE = frozenset({"they", "them", "their", "both", "sides", "parties", "interlocutors", "leaders",
                        "presidents", "countries", "nations", "states", "governments", "delegations",
                        "ministers", "heads", "counterparts", "partners", "allies"})
#: collective nouns that need a determiner saying they are the pair ("the two", "both")
NEEDS_PAIR = frozenset({"countries", "nations", "states", "governments", "delegations", "ministers",
                        "heads", "counterparts", "partners", "allies", "presidents"})
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})


@dataclass(frozen=True)
class Mention:
    """A party named in the text: the code it stands for, and what named it."""

    code: str
    kind: str  # person | country | org | group
    person: str | None = None  # person id for a person
    token: int = -1  # the token that named it


@cache
def thing_nouns() -> frozenset[str]:
    """Nouns that name a thing (currencies, agreements, formats, seas, markets): a country word
    modifying one ("US dollars", "the Minsk agreements") makes no party."""
    return frozenset(n for r in read_jsonl("thing_nouns.jsonl") for n in r["nouns"])


@cache
def agent_nouns(civilians: bool = False) -> frozenset[str]:
    """Nouns that denote an actor of a state: 'minister', 'troops', 'government', 'side' ...; with
    `civilians`, also a country's people and groups ('protesters', 'students', 'rebels'), as
    sentence-level event sets code them."""
    rows = read_jsonl("agents.jsonl")
    return frozenset(f for r in rows if civilians or r.get("state", True) for f in r["forms"])


#: heads that count or group the actors named by their 'of' phrase: "thousands of Serbian protesters"
QUANTITY = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups", "members",
                      "some", "many", "all", "most", "number", "majority", "representatives", "delegation", "team"})


class Parties:
    """The party each token of one document stands for, and the parties of a noun phrase."""

    def __init__(self, doc: Doc, res: Resolved, civilians: bool = False) -> None:
        self.doc = doc
        self.res = res
        self.agents = agent_nouns(civilians)
        starts = token_starts(doc)
        self._by_token: dict[int, Mention] = {}
        person_at: dict[tuple[int, int], str] = {}
        for pa in res.people.values():
            for s, e, _form in pa.mentions:
                person_at[(s, e)] = pa.id
        for s, e, code, kind in res.party_spans:
            if not code or (kind == "nonstate" and not civilians):  # armed groups are parties of news sentences only
                continue
            first = bisect.bisect_right(starts, s) - 1
            last = bisect.bisect_left(starts, e) - 1
            if first < 0:
                first = 0
            pid = person_at.get((s, e)) if kind == "person" else None
            last = max(first, last)
            if kind == "person":  # "Joseph R. Biden, Jr.": the suffix is the same person (and may head the phrase)
                k = last + 1
                while k < len(doc) and k <= last + 3 and (doc[k].lower_ in NAME_SUFFIXES or doc[k].text == ","):
                    k += 1
                if k - 1 > last and doc[k - 1].lower_ in NAME_SUFFIXES:
                    last = k - 1
            for i in range(first, last + 1):
                self._by_token[i] = Mention(code, kind, pid, i)
        self.group = [Mention(c, "group") for c in res.group] if len(res.group) >= 2 else []

    def at(self, tok: Token) -> Mention | None:
        return self._by_token.get(tok.i)

    def in_span(self, lo: int, hi: int) -> list[Mention]:
        """Every party mention among tokens [lo, hi), first occurrence of each code."""
        out: dict[str, Mention] = {}
        for i in range(lo, hi):
            m = self._by_token.get(i)
            if m is not None and m.code not in out:
                out[m.code] = m
        return list(out.values())

    def speaker(self, tok: Token, plural: bool = True) -> list[Mention]:
        """Who 'we' or 'I' is: the speaker of a transcript turn, else the text's authors (all of
        them for 'we' in a joint statement, the first for 'I')."""
        s = self.res.speaker_at(tok.idx)
        if s:
            return [Mention(s, "group", None, tok.i)]
        authors = self.res.we if plural else self.res.we[:1]
        return [Mention(c, "group", None, tok.i) for c in authors]

    def of_np(self, tok: Token, depth: int = 0) -> list[Mention]:
        """The parties the noun phrase headed by `tok` names (coordinated heads included)."""
        out: list[Mention] = []
        heads = conjuncts(tok)
        if self.at(tok) is not None and self.at(tok).kind == "country":  # type: ignore[union-attr]
            # "Saudi Arabia, Bahrain, the UAE and Egypt": a list the parser read as an apposition
            for a in children(tok, "appos"):
                if self.at(a) is not None and self.at(a).kind == "country":  # type: ignore[union-attr]
                    heads += conjuncts(a)
        for t in heads:
            out.extend(self._head(t, depth))
        return dedupe(out)

    def _head(self, t: Token, depth: int) -> list[Mention]:
        m = self.at(t)
        if m is not None:
            return [m]
        w = t.lower_
        if w in FIRST_PERSON:
            return self.speaker(t, plural=w not in ("i", "me", "my"))
        if w in THIRD_PERSON:
            return self._antecedent(t)
        if (w in QUANTITY or t.tag_ == "CD") and depth < 2:
            found = [m for p in children(t, "prep") if p.lower_ == "of" for o in children(p, "pobj")
                     for m in self.of_np(o, depth + 1)]
            if found:
                return found
        if w in COLLECTIVE and self.group:
            dets = {c.lower_ for c in t.children if c.dep_ in ("det", "nummod", "predet", "amod", "poss")}
            pair = w in ("they", "them", "their", "both", "sides", "interlocutors", "parties") or "two" in dets \
                or "both" in dets or "three" in dets or (w not in NEEDS_PAIR and "the" in dets)
            if pair and not self._modifiers(t, depth):
                return [Mention(g.code, "group", None, t.i) for g in self.group]
        if w in self.agents or w in COLLECTIVE or t.ent_type_ in ("PERSON",):
            found = self._modifiers(t, depth) or (self._within(t) if w in self.agents or w in QUANTITY else [])
            if found:
                return found
            if w in self.agents and t.tag_ in ("NN", "NNP") and any(c.lower_ == "the" for c in t.children):
                holder = self._title_holder(t)  # "the Deputy Secretary": the person of that title named earlier
                if holder:
                    return holder
        # "X, the President of Y": an apposition names the same actor
        for a in children(t, "appos"):
            found = self.of_np(a, depth + 1) if depth < 2 else []
            if found:
                return found
        return []

    def _within(self, t: Token) -> list[Mention]:
        """A title or body whose party stands further in its own phrase: "Secretary of State for
        Defence of the United Kingdom Ben Wallace", "a delegation of the upper house of the United
        States Congress". The person named wins, else the first state or organisation; clauses
        describing the phrase ("who ...", "headed by ...") are not read."""
        found: list[Mention] = []
        stack = [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "appos", "conj", "cc", "punct")]
        while stack:
            c = stack.pop(0)
            m = self.at(c)
            if m is not None:
                found.append(m)
            stack.extend(g for g in c.children if g.dep_ not in ("relcl", "acl", "advcl", "conj", "agent"))
        people = [m for m in found if m.kind == "person"]
        return people[:1] or found[:1]

    def _title_holder(self, t: Token) -> list[Mention]:
        """The person the text names with the title a bare 'the <Title>' uses, when one only fits."""
        words = [c.lower_ for c in t.children if c.dep_ == "compound"] + [t.lower_]
        title = " ".join(words)
        fits = [p for p in self.res.people.values() if p.country and p.role and title in p.role.lower()]
        exact = [p for p in fits if p.role and p.role.lower().split(" of ")[0].endswith(title)]
        pick = exact or fits
        if len(pick) != 1:
            return []
        return [Mention(pick[0].country or "", "person", pick[0].id, t.i)]

    def _antecedent(self, t: Token) -> list[Mention]:
        """Who 'he' or 'she' is: the subject of the verb reporting the clause ("Modi said he ..."),
        else the last person named before it, within a few sentences."""
        head = t.head
        while head.dep_ in ("ccomp", "conj", "xcomp", "advcl") and head.head is not head:
            head = head.head
            for s in head.children:
                if s.dep_ == "nsubj" and s.i != t.i:
                    m = self.at(s)
                    if m is not None and m.kind == "person":
                        return [m]
        for i in range(t.i - 1, max(-1, t.i - 80), -1):
            m = self._by_token.get(i)
            if m is not None and m.kind == "person":
                return [Mention(m.code, "person", m.person, t.i)]
        return []

    def _modifiers(self, t: Token, depth: int) -> list[Mention]:
        """Parties named by an agent noun's modifiers: 'Chinese troops', 'China's government',
        'the government of China', 'the U.S. delegation', 'the leaders of China and Tajikistan'."""
        out: list[Mention] = []
        kids = [k for c in t.children for k in (conjuncts(c) if c.dep_ in ("amod", "compound", "nmod") else [c])]
        for c in kids:  # "the Brazilian and Argentine ministers": coordinated modifiers too
            if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "conj"):
                m = self.at(c)
                if m is not None:
                    out.append(m)
                elif c.dep_ == "poss" and c.lower_ in FIRST_PERSON:
                    out.extend(self.speaker(c))
                else:  # "EU member states": the party modifies the modifier
                    out.extend(m2 for g in c.children if g.dep_ in ("compound", "amod", "nmod")
                               and (m2 := self.at(g)) is not None)
            elif c.dep_ == "prep" and c.lower_ in ("of", "from") and depth < 2:
                for o in children(c, "pobj"):
                    out.extend(self.of_np(o, depth + 1))
            elif c.dep_ == "appos" and depth < 2:
                out.extend(self.of_np(c, depth + 1))
        return dedupe(out)


def dedupe(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return out


def codes(ms: list[Mention]) -> list[str]:
    return [m.code for m in dedupe(ms)]
