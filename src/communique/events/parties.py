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

from communique.events.parse import children, conjuncts, is_verb, title_under, token_starts
from communique.resolve.actors import Resolved
from communique.resolve.gazetteer import agent_forms, read_jsonl, role_kind
from communique.resolve.titles import MODIFIERS as TITLE_MODIFIERS
from communique.resolve.titles import OFFICE

#: words that stand for the parties a text is about: "both sides", "the two leaders", "they"
COLLECTIVE = frozenset({"they", "them", "their", "both", "sides", "parties", "interlocutors", "leaders",
                        "presidents", "countries", "nations", "states", "governments", "delegations",
                        "ministers", "heads", "counterparts", "partners", "allies"})
#: the text's enemy named by its deed ("the occupiers", "the invaders", "the aggressor"): never the voice's side
def _window_start(t: Token, reach: int) -> int:
    """The first token of the sentence `reach` sentences before the one `t` is in."""
    sents = list(t.doc.sents)
    k = next((j for j, s in enumerate(sents) if s.start <= t.i < s.end), 0)
    return sents[max(0, k - reach)].start


HOSTILE_AGENTS = frozenset({"occupier", "occupiers", "invader", "invaders", "aggressor", "aggressors"})
#: collective nouns that need a determiner saying they are the pair ("the two", "both")
NEEDS_PAIR = frozenset({"countries", "nations", "states", "governments", "delegations", "ministers",
                        "heads", "counterparts", "partners", "allies", "presidents"})
#: tags of the words of a list of names and titles ("President of the Republic of Cyprus Nicos Anastasiades")
LIST_TAGS = frozenset({"NNP", "NNPS", "DT", "HYPH", "POS", ",", "CC", "-LRB-", "-RRB-"})
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})
#: pronouns that stand for a state, an organisation or a group ("Iraq said it would ...")
THIRD_NONPERSON = frozenset({"it", "its", "they", "them", "their"})
#: edges from a clause to the clause it is said or done within: a pronoun's antecedent is looked for up them
CLAUSE_UP = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "pobj", "dobj", "relcl", "acl",
                       "attr", "oprd", "npadvmod", "appos", "poss", "nsubj", "nsubjpass", "compound", "amod"})


@dataclass(frozen=True)
class Mention:
    """A party named in the text: the code it stands for, and what named it."""

    code: str
    kind: str  # person | country | org | group | domestic (sentence mode: a group of the one state named)
    person: str | None = None  # person id for a person
    token: int = -1  # the token that named it


#: kinds of thing a country word owns rather than names (its goods, its plan): a news sentence's act aimed
#: at "German goods" or rejecting "a Senegalese peace plan" is aimed at that country, as PETRARCH codes a
#: noun phrase by the country it names; currencies, places and agreements stay named, not owned
OWNED_KINDS = frozenset({"goods", "format"})


@cache
def owned_things() -> frozenset[str]:
    """Thing nouns whose country modifier is their owner in a news sentence ("German goods")."""
    return frozenset(n for r in read_jsonl("thing_nouns.jsonl") if r["kind"] in OWNED_KINDS for n in r["nouns"])


@cache
def agent_nouns(civilians: bool = False) -> frozenset[str]:
    """Nouns that denote an actor of a state: 'minister', 'troops', 'government', 'side' ...; with
    `civilians`, also a country's people and groups ('protesters', 'students', 'rebels'), as
    sentence-level event sets code them."""
    return agent_forms(civilians) | sovereign_titles() | office_nouns()


#: bodies of a government, named as proper nouns ("the Department of State", "the Ministry", "Treasury");
#: not "Government" itself, which also heads "Heads of Government" of many states
GOVERNMENT_BODIES = frozenset({"department", "ministry", "office", "treasury", "secretariat", "agency", "bureau"})


#: office words of titles (`titles.OFFICE`) that are no state's office, or only part of a title's name
NOT_STATE_OFFICES = frozenset({"vice", "prime", "under", "deputy", "assistant", "chief", "head", "lady", "member",
                               "activist", "candidate", "politician", "ceo", "spokesperson", "spokesman",
                               "spokeswoman", "patriarch", "cardinal", "archbishop", "pope", "affaires",
                               "d'affaires", "d’affaires", "attorney", "justice", "judge", "leader", "official",
                               "officer", "counterpart", "counterparts", "lawmaker", "mp",
                               # chairs of organisations a state's leader may hold ("African Union Chairperson,
                               # President of Senegal X"), envoys "for" a country they are not of, a task
                               "chair", "chairman", "chairwoman", "chairperson", "co-chair", "representative",
                               "envoy", "coordinator", "negotiator", "rapporteur", "delegate", "charge", "chargé"})


@cache
def office_nouns() -> frozenset[str]:
    """The offices titles name ('speaker', 'ambassador', 'governor-general'), singular and plural: "the
    Nepalese Speaker" acts for Nepal as "the Nepalese minister" does (PETRARCH2's agents list lacks some)."""
    one = {w for w in OFFICE if w not in NOT_STATE_OFFICES and w.isalpha()}
    return frozenset(one | {w + "s" for w in one})


@cache
def sovereign_titles() -> frozenset[str]:
    """One-word head-of-state titles of the leaders tables ('emir', 'queen', 'sultan'), singular and
    plural: PETRARCH2's agents list offices of government, not a monarch's title, which acts for its
    state as a president does."""
    words = {r["role"].split(" of ")[0].lower() for f in ("leaders.jsonl", "leaders_historical.jsonl")
             for r in read_jsonl(f) if role_kind(r["role"], r["country"]) == "head_of_state"}
    one = {w for w in words if " " not in w and w != "head"}  # "Head of State" is no title of its own
    return frozenset(one | {w + "s" for w in one})


#: PETRARCH2 agent codes of civilians (people, workers, farmers, students, the opposition, believers ...),
#: as distinct from state agents and armed groups (MIL, COP, GOV, REB, UAF, CRM ...)
CIVILIAN_AGENTS = frozenset({"PPL", "CVL", "OPP", "LAB", "AGR", "EDU", "ENV", "HLH", "MED", "REF", "REL", "CHR",
                             "MUS", "JEW", "BUD", "HIN", "BUS", "NGO"})


#: PETRARCH2 agent codes of the state's forces and government, which hold coercive power
FORCE_AGENTS = frozenset({"MIL", "COP", "GOV", "SPY"})


@cache
def agent_kind_nouns(codes: frozenset[str]) -> frozenset[str]:
    """Nouns of the PETRARCH2 agents of the given codes ('protesters', 'workers', 'police' ...)."""
    return frozenset(f for r in read_jsonl("agents.jsonl") if r.get("agent") in codes for f in r["forms"])


def subject_of_kind(tok: Token, codes: frozenset[str]) -> bool:
    """The phrase headed by `tok` names agents of these codes: "farm workers", "thousands of people"."""
    for _ in range(3):
        if tok.lower_ in agent_kind_nouns(codes):
            return True
        if tok.lower_ not in QUANTITY and tok.tag_ != "CD":
            return False
        of = [o for p in children(tok, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
        if not of:
            return False
        tok = of[0]
    return False


#: prepositions placing an actor in a country: a news sentence's "rebels in X" are X's (PETRARCH codes
#: a noun phrase by the country it names)
LOCATIVE = ("in", "from", "throughout", "inside", "across")
#: heads that count or group the actors named by their 'of' phrase: "thousands of Serbian protesters"
QUANTITY = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups", "members",
                      "some", "many", "all", "most", "number", "majority", "representatives", "delegation", "team"})


class Parties:
    """The party each token of one document stands for, and the parties of a noun phrase."""

    def __init__(self, doc: Doc, res: Resolved, civilians: bool = False) -> None:
        self.doc = doc
        self.res = res
        self.agents = agent_nouns(civilians)
        self.sentence = civilians  # sentence mode: a pronoun's antecedent is read in the sentence
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
            if civilians and first > 0 and doc[first - 1].lower_ == "ethnic":
                # "ethnic Albanians in Serbia": an ethnicity, which PLOVER codes beside the country, not as one
                # (PLOVER_MANUAL.tex:1188, the tertiary actor field); their country is where they live
                continue
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
        #: sentence mode: the country of every city token ("demonstrators in Baghdad" are Iraq's)
        self._place_country: dict[int, str] = {}
        if civilians:
            for s, e, _name, country in res.places:
                first = max(0, bisect.bisect_right(starts, s) - 1)
                last = max(first, bisect.bisect_left(starts, e) - 1)
                for i in range(first, last + 1):
                    if country:
                        self._place_country[i] = country

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

    def _owned_by_a_nonparty_subject(self, poss: Token, depth: int) -> bool:
        """'their' in the clause of a plural noun subject that names no party refers to that subject."""
        v = poss.head
        for _ in range(6):
            if is_verb(v) or v.head == v:
                break
            v = v.head
        subj = [c for c in v.children if c.dep_ == "nsubj"] if is_verb(v) else []
        return bool(subj) and all(s.tag_ in ("NNS", "NNPS") and s.i < poss.i and not self.of_np(s, depth + 1)
                                  for s in subj)

    def of_np(self, tok: Token, depth: int = 0) -> list[Mention]:
        """The parties the noun phrase headed by `tok` names (coordinated heads included)."""
        out: list[Mention] = []
        heads = conjuncts(tok)
        first = self.at(tok)
        if first is not None and first.kind == "person":
            # "Under Secretary X and Deputy Minister Y met": the small model hangs the first name on the second
            # as a modifier, with the 'and' between them its own
            heads += [c for c in tok.children if c.dep_ == "nmod" and (m := self.at(c)) is not None
                      and m.kind == "person" and m.person != first.person and children(c, "cc")]
            # "President X of France and Chancellor Y of Germany": the parser may coordinate Y with France;
            # a person in a list with the state of another is the list's next item
            heads += [c for p in children(tok, "prep") if p.lower_ == "of" for o in children(p, "pobj")
                      for c in conjuncts(o)[1:] if (m := self.at(c)) is not None and m.kind == "person"
                      and m.person != first.person]
        if first is not None and first.kind in ("country", "person"):
            # "Saudi Arabia, Bahrain, the UAE and Egypt", "President Macron, Scholz, Rutte and President
            # Biden": a list the parser read as appositions (a person's apposition naming the same person
            # adds nothing; one naming another person or state is the next item)
            stack = [a for h in heads for a in children(h, "appos")]
            while stack:
                a = stack.pop(0)
                m = self.at(a) or next((self.at(c) for c in a.subtree if self.at(c) is not None
                                        and self.at(c).kind == first.kind), None)  # type: ignore[union-attr]
                if m is not None and m.kind == first.kind and (m.person != first.person or m.kind == "country"):
                    heads += conjuncts(a)
                    if first.kind == "person":  # "X, President of the European Council Y, President of Egypt Z"
                        heads += [c for c in a.subtree if (n := self.at(c)) is not None and n.kind == "person"
                                  and n.person != first.person and c.dep_ in ("pobj", "appos", "conj", "nsubj", "dobj")]
                    stack.extend(children(a, "appos"))
        for t in heads:
            out.extend(self._head(t, depth))
        return dedupe(out)

    def list_tail(self, tok: Token) -> list[Mention]:
        """The rest of a list of names the parser broke off the phrase headed by `tok`: in "meetings
        with Lithuanian President Nausėda, Latvian President Levits, President of Finland Sauli
        Niinistö and ...", the items after the first may hang on the verb or on each other as
        appositions. Read the tokens after the phrase while they are names, titles, 'of', 'the',
        commas and 'and', up to a word of another kind that is not a verb (a verb would make the
        last names the subject of a new clause: "met with X, President Biden said")."""
        doc = tok.doc
        first = self.at(tok) or next((self.at(t) for t in tok.subtree if self.at(t) is not None), None)
        if first is None or first.kind not in ("person", "country"):
            return []
        sent = tok.sent
        i = max(t.i for t in tok.subtree) + 1
        if i >= sent.end or doc[i].text != ",":
            return []
        found: list[Mention] = []
        while i < sent.end:
            t = doc[i]
            m = self.at(t)
            if m is not None:
                if m.kind in ("person", "country"):
                    found.append(m)
            elif not (t.tag_ in LIST_TAGS or t.lower_ in ("of", "and", "the") or t.is_punct and t.text in ",-–()"
                      or (t.tag_ == "JJ" and t.is_title)):
                break
            i += 1
        if i < sent.end and (doc[i].tag_.startswith("VB") or doc[i].tag_ == "MD"):
            return []
        return dedupe(found)

    def _head(self, t: Token, depth: int) -> list[Mention]:
        m = self.at(t)
        if m is not None:
            if self.sentence and m.kind == "country" and t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS"):
                home = self._home(t)  # "Bosnian Serbs", "the Albanians of southern Serbia"
                if home is not None and home.code != m.code:
                    return [home]
            return [m]
        w = t.lower_
        if any(o.tag_ in ("WP", "WDT") for p in children(t, "prep") if p.lower_ == "of" for o in children(p, "pobj")):
            return []  # "both of whom helped": those the relative clause is about, not the text's pair
        if w in FIRST_PERSON:
            return self.speaker(t, plural=w not in ("i", "me", "my", "myself"))
        if w in ("you", "your") and t.tag_ in ("PRP", "PRP$"):
            # in a transcript, "you had a meeting with X": the one the turn speaks to, the other speaker
            them = self.res.addressee_at(t.idx)
            return [Mention(them, "group", None, t.i)] if them and them != self.res.speaker_at(t.idx) else []
        if w in THIRD_PERSON:
            return self._antecedent(t)
        if w in ("country", "nation") and (poss := next((c for c in t.children if c.dep_ == "poss"
                                                           and c.lower_ in ("his", "her")), None)) is not None:
            # "Johnson assured that his country is ready ...": the state of the one it refers to
            return [Mention(m.code, "country", None, t.i) for m in self._antecedent(poss)
                    if not m.code.startswith("IGO:")]
        if w in ("country", "nation") and not self.sentence and any(c.dep_ == "det" and c.lower_ == "this"
                                                                    for c in t.children):
            # "the visit to this country of the Tongan Prime Minister": the text's own (the 'of' phrase is
            # the visit's, whatever the parser hangs it on)
            own = self.res.we[0] if len(self.res.we) == 1 else None
            return [Mention(own, "country", None, t.i)] if own and not own.startswith("IGO:") else []
        if w in THIRD_NONPERSON and self.sentence and t.tag_ in ("PRP", "PRP$"):
            found = self._referent(t)
            if found:
                return found
        if (w in QUANTITY or t.tag_ == "CD") and depth < 2:
            found = [m for p in children(t, "prep") if p.lower_ == "of" for o in children(p, "pobj")
                     for m in self.of_np(o, depth + 1)]
            if found:
                return found
        if w == "they" and t.dep_ == "nsubj" and t.head.dep_ == "conj" and depth < 2:
            # "Indian officials visited the Taliban in Kabul, and they agreed to ...": those of the clause before
            first = t.head.head
            found = [m for c in first.children if c.dep_ in ("nsubj", "dobj") for m in self.of_np(c, depth + 1)]
            found += [m for p in first.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj" for m in self.of_np(o, depth + 1)]
            if found:
                return dedupe([Mention(m.code, m.kind, m.person, t.i) for m in found])
        if w == "their" and t.dep_ == "poss" and depth < 2 and self._owned_by_a_nonparty_subject(t, depth):
            return []  # "Pacific leaders agreed at their meeting": theirs, the subject's, who are no party
        if w in COLLECTIVE and self.group:
            dets = {c.lower_ for c in t.children if c.dep_ in ("det", "nummod", "predet", "amod", "poss")
                    and not any(x.tag_ == "CD" for x in c.children)}  # "Eighty-two countries" are no two
            pair = w in ("they", "them", "their", "both", "sides", "interlocutors", "parties") or "two" in dets \
                or "both" in dets or "three" in dets or (w not in NEEDS_PAIR and "the" in dets) \
                or (_capitalised_pair(t) and "the" in dets and not self.sentence) \
                or (w in ("counterpart", "counterparts") and bool(dets & {"his", "her", "their", "its"})
                    and not any(c.dep_ == "amod" for c in t.children)
                    and not (t.dep_ == "pobj" and t.head.head.lower_ in QUANTITY))
            # ("Secretary X and her counterparts": the others who met, with X the text's sides)
            if w in ("sides", "parties", "interlocutors") and (
                    "all" in dets or any(c.dep_ == "amod" and c.lower_ not in ("two", "both", "three")
                                         for c in t.children)):
                pair = False  # "warring parties", "all sides", "political parties": others than the pair
            if pair and w in ("they", "them", "their") and _against_first_person(t):
                pair = False  # "they told me", "they give us time": 'they' are others than the speaker's pair
            if pair and not self._modifiers(t, depth):
                local = self._local_pair(t) if not self.sentence and w in ("countries", "sides") else None
                if local is None and not self.sentence and "two" in dets and len(self.group) > 2:
                    local = self._named_two(t)
                if local is not None:
                    return [Mention(c, "group", None, t.i) for c in local]
                return [Mention(g.code, "group", None, t.i) for g in self.group]
        # "opposition groups in X", "parties in X", "ethnic Albanians in X" (a people, not a state)
        grouped = self.sentence and (w in QUANTITY or w in COLLECTIVE or t.ent_type_ == "NORP")
        if (w in self.agents or w in OFFICE) and t.tag_ == "NNP":
            named = self._name_after_title(t)
            if named is not None:  # (with whoever is coordinated with the name: "X and Chancellor of Y Z")
                return dedupe([named, *self.of_np(t.doc[named.token], depth + 1)]) if depth < 2 else [named]
        if w in self.agents or w in COLLECTIVE or t.ent_type_ in ("PERSON",) or grouped:
            found = self._modifiers(t, depth) or (self._within(t) if w in self.agents or w in QUANTITY or grouped
                                                  else [])
            if found:
                return found
            if w in self.agents and t.tag_ in ("NN", "NNP") and (any(c.lower_ == "the" for c in t.children) or (
                    # "The Deputy Secretary and Vice Foreign Minister condemned": the article serves both titles
                    t.dep_ == "conj" and t.tag_ == "NNP" and any(c.lower_ == "the" for c in t.head.children))):
                holder = self._title_holder(t)  # "the Deputy Secretary": the person of that title named earlier
                if holder:
                    return holder
            if w == "delegation" and not self.sentence and any(c.lower_ in ("the", "our") for c in t.children):
                return self._delegation_of(t)
            if w in HOSTILE_AGENTS and not self.sentence:  # "the drama theater destroyed by the occupiers": the
                # voice calls none of its own side occupiers; they are the text's other side
                voice = set(self.res.we)
                other = [c for c in self.res.main if c not in voice and not c.startswith("IGO:")][:1]
                return [Mention(other[0], "country", None, t.i)] if voice and other else []
        # "to hosts Thailand, Indonesia and Cambodia", "partners Japan and Korea": names right after a plural
        # noun are its members, however the parser hangs them
        members = next((c for c in t.children if c.i == t.i + 1 and t.tag_ == "NNS"
                        and c.dep_ in ("appos", "dobj", "npadvmod")
                        and (n := self.at(c)) is not None and n.kind == "country"), None)
        if members is not None and depth < 2:
            return self.of_np(members, depth + 1)
        # "X, the President of Y": an apposition names the same actor
        for a in children(t, "appos"):
            found = self.of_np(a, depth + 1) if depth < 2 else []
            if not found and self.sentence and depth < 2:
                # "Kenzo Oshima, the United Nations relief coordinator": a title whose modifier names the party
                found = self._modifiers(a, depth + 1)
            if found:
                return found
        if w in GOVERNMENT_BODIES and t.tag_ in ("NNP", "NNPS") and (found := self._within(t)):
            return found  # "the U.S. Department of Commerce", "Department of Commerce Under Secretary X"
        if w in GOVERNMENT_BODIES and t.tag_ in ("NNP", "NNPS") and self.res.author and not self.sentence:
            # "the Department of the Treasury's Office of Foreign Assets Control", "the Ministry", in a
            # government's release: a body of government that names no state is the publisher's
            return [Mention(self.res.author, "org", None, t.i)]
        return []

    def _home(self, t: Token) -> Mention | None:
        """Sentence mode: the country a people named by a demonym lives in, when its phrase names one:
        an adjective of another country ("Bosnian Serbs") or a place 'of' or 'in' it ("the Albanians of
        southern Serbia"). The demonym then names an ethnicity, which PLOVER codes beside the country
        (PLOVER_MANUAL.tex:1188), not the state."""
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod") and (m := self.at(c)) is not None and m.kind == "country":
                return m
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for o in children(c, "pobj"):
                    m = self.at(o)
                    if m is None and o.i in self._place_country:
                        m = Mention(self._place_country[o.i], "country", None, o.i)
                    if m is not None and m.kind == "country":
                        return m
        return None

    def _within(self, t: Token) -> list[Mention]:
        """A title or body whose party stands further in its own phrase: "Secretary of State for
        Defence of the United Kingdom Ben Wallace", "a delegation of the upper house of the United
        States Congress". The person named wins, else the first state or organisation; clauses
        describing the phrase ("who ...", "headed by ...") are not read."""
        found: list[Mention] = []
        # (sentence mode: "rebels in the Ivory Coast", "students throughout Indonesia" are that country's)
        reads = ("of", "for", *(LOCATIVE if self.sentence else ()))
        stack = [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "appos", "conj", "cc", "punct")
                 and not (c.dep_ == "prep" and c.lower_ not in reads and not title_under(c))]
        while stack:
            c = stack.pop(0)
            m = self.at(c)
            if m is None and c.i in self._place_country and c.head.dep_ == "prep" and c.head.lower_ in LOCATIVE:
                m = Mention(self._place_country[c.i], "country", None, c.i)  # "demonstrators in Baghdad"
            if m is not None:
                found.append(m)
            if c.dep_ == "prep" and c.lower_ not in reads and not title_under(c):
                continue  # "a tribunal on Russian crimes": not whose tribunal it is
            stack.extend(g for g in c.children if g.dep_ not in ("relcl", "acl", "advcl", "conj", "agent"))
        people = [m for m in found if m.kind == "person"]
        return people[:1] or found[:1]

    def _delegation_of(self, t: Token) -> list[Mention]:
        """Whose 'the delegation' is: that of the last delegation the text names with its state ("the
        Qatari delegation", "the delegation of Japan"), else the text's own ("The interagency delegation met
        with the Prime Ministers of ...", in a readout of the publisher's trip)."""
        for i in range(t.i - 1, -1, -1):
            d = t.doc[i]
            if d.lower_ not in ("delegation", "delegations"):
                continue
            named = [m for c in d.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                     and (m := self.at(c)) is not None and m.kind == "country"]
            named += [m for p in d.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                      for o in p.children if o.dep_ == "pobj" and (m := self.at(o)) is not None and m.kind == "country"]
            if named:
                return [Mention(named[0].code, "country", None, t.i)]
        voice = self.res.we[0] if len(self.res.we) == 1 else None
        return [Mention(voice, "country", None, t.i)] if voice and not voice.startswith("IGO:") else []

    def _title_holder(self, t: Token) -> list[Mention]:
        """The person the text names with the title a bare 'the <Title>' uses, when one only fits."""
        words = [c.lower_ for c in t.children if c.dep_ == "compound"] + [t.lower_]
        titles = [" ".join(words)]
        if len(words) > 1 and words[0] in TITLE_MODIFIERS:  # "the Federal Chancellor": a Chancellor
            titles.append(" ".join(words[1:]))
        title, fits = "", []
        for title in titles:
            fits = [p for p in self.res.people.values() if p.country and p.role and title in p.role.lower()]
            if fits:
                break
        exact = [p for p in fits if p.role and p.role.lower().split(" of ")[0].endswith(title)]
        pick = exact or fits
        if len(pick) != 1:
            return []
        return [Mention(pick[0].country or "", "person", pick[0].id, t.i)]

    def _local_pair(self, t: Token, reach: int = 3) -> list[str] | None:
        """'The two countries concluded a joint statement', told of one stop of a trip: the states of the two
        officials last named within a few sentences, when the text's main pair is not both of them ("In
        Saudi Arabia, Envoy X met Crown Prince Y ...", after a first stop in the UAE)."""
        lo = _window_start(t, reach)
        codes: list[str] = []
        for i in range(t.i - 1, lo - 1, -1):
            m = self._by_token.get(i)
            if m is not None and m.kind == "person" and not m.code.startswith("IGO:") and m.code not in codes:
                codes.append(m.code)
                if len(codes) == 2:
                    break
        main = {g.code for g in self.group}
        if len(codes) < 2 or set(codes) == main or len(main) != 2:
            return None
        return sorted(codes)

    def _named_two(self, t: Token, reach: int = 2) -> list[str] | None:
        """'The two countries' in a text of more than two: the text's voice and the one other state named
        last before the phrase, within a few sentences ("Following up on the visit to the Solomon Islands,
        the two countries held a dialogue", in a readout of a trip to five)."""
        voice = self.res.we[0] if len(self.res.we) == 1 else None
        if voice is None or voice.startswith("IGO:"):
            return None
        lo = _window_start(t, reach)
        for i in range(t.i - 1, lo - 1, -1):
            m = self._by_token.get(i)
            if m is not None and m.kind in ("country", "person") and m.code != voice and not m.code.startswith("IGO:"):
                return sorted({voice, m.code})
        return None

    def _antecedent(self, t: Token) -> list[Mention]:
        """Who 'he' or 'she' is: the subject of the verb reporting the clause ("Modi said he ..."),
        else the last person named before it, within a few sentences."""
        head = t.head
        for _ in range(8):  # up to the clause's verb: its subject, if a person other than the pronoun
            if head.tag_.startswith("VB") or head.head == head:
                break
            head = head.head
        bound: set[int] = set()  # an object pronoun is not its own clause's subject ("X called Y to congratulate him")
        if t.dep_ == "poss" and t.head.dep_ == "pobj" and t.head.head.lower_ in ("for", "on") \
                and t.head.head.head.i == head.i:
            # "commended the Prime Minister for his visits", "congratulated X on her election": what one is
            # praised, thanked or congratulated for is the object's own
            for o in head.children:
                if o.dep_ == "dobj" and (m := self.at(o)) is not None and m.kind == "person":
                    return [m]
        while True:
            for s in head.children:
                if s.dep_ == "nsubj" and s.i != t.i:
                    m = self.at(s)
                    if m is None and s.tag_ == "NNP" and s.lower_ in self.agents:
                        # "during his visit to Russia, the Federal Chancellor will ...": a titled subject
                        m = next((x for x in self.of_np(s, 2) if x.kind == "person"), None)
                    if m is not None and m.kind == "person":
                        if t.dep_ in ("dobj", "dative", "iobj") and not self.sentence:
                            bound.add(s.i)
                            continue
                        return [m]
            if head.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or head.head == head:
                break
            if t.dep_ in ("dobj", "dative", "iobj") and head.dep_ == "ccomp":
                bound = set()  # "X said that Y would meet him": him may be X
            head = head.head
        if t.dep_ in ("nsubj", "nsubjpass") and not self.sentence and not any(
                (m := self._by_token.get(i)) is not None and m.kind == "person" for i in range(t.sent.start, t.i)):
            told = self._last_subject(t)
            if told:
                return told
        bound_people = {self._by_token[i].person for i in bound if i in self._by_token}
        for i in range(t.i - 1, max(-1, t.i - 80), -1):
            m = self._by_token.get(i)
            if m is not None and m.kind == "person" and not (bound_people and m.person in bound_people):
                return [Mention(m.code, "person", m.person, t.i)]
        return []

    def _last_subject(self, t: Token, reach: int = 3, depth: int = 0) -> list[Mention]:
        """A pronoun subject continues the subject of the sentences before it (the main clause's subject
        is what a text is about): in "Zelenskyy had meetings with X, ... and President of Finland
        Niinistö. He also met Y", 'he' is Zelenskyy, not the last name. The nearest of the last `reach`
        sentences whose main subject names one party decides; none, and the last person named does."""
        doc = t.doc
        sent = t.sent
        for _ in range(reach):
            if sent.start == 0:
                return []
            sent = doc[sent.start - 1].sent
            root = sent.root
            heads = [root, *(c for c in root.children if c.dep_ == "conj" and c.tag_.startswith("VB"))]
            subj = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            pron = [s for s in subj if s.lower_ in ("he", "she")]
            if pron and depth < 3:  # the chain goes on through the same pronoun: its antecedent
                return self._last_subject(pron[0], depth=depth + 1)
            if any(s.lower_ in FIRST_PERSON or s.tag_ == "PRP" for s in subj):
                return []
            found = dedupe([m for s in subj for m in self.of_np(s, 1) if m.kind in ("person", "country")])
            if len(found) == 1 and found[0].kind == "person":
                return [Mention(found[0].code, "person", found[0].person, t.i)]
            return []
        return []

    def located(self, verb: Token) -> list[Mention]:
        """Sentence mode: the country an act is done in ("blocked streets in Hong Kong", "staged rallies
        in the Gaza Strip"): a city or a country in a locative phrase of the verb or of its object."""
        heads = [*(o for o in verb.children if o.dep_ == "dobj"), verb]
        for h in heads:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ not in LOCATIVE + ("at",):
                    continue
                # the place named by the phrase itself ("in Hong Kong", "in the Gaza Strip"), not one
                # further down it ("in defiance of Chinese authorities")
                for x in (t for o in children(p, "pobj") for t in [o, *children(o, "compound")]):
                    m = self.at(x)
                    if m is not None and m.kind == "country":
                        return [Mention(m.code, "country", None, x.i)]
                    if x.i in self._place_country:
                        return [Mention(self._place_country[x.i], "country", None, x.i)]
        return []

    def sole_country(self, tok: Token) -> list[Mention]:
        """Sentence mode: the one state the sentence of `tok` names, by a party or a place ("the
        rebels ... the Turkish government", "supporters ... blocked roads in Algiers"), when it names
        exactly one (organisations of states not counted, being no one's home); else none."""
        sent = tok.sent
        found: dict[str, int] = {}
        for i in range(sent.start, sent.end):
            m = self._by_token.get(i)
            code = m.code if m is not None else self._place_country.get(i)
            if code and not code.startswith("IGO:"):
                found.setdefault(code, i)
        if len(found) != 1:
            return []
        code, i = next(iter(found.items()))
        return [Mention(code, "domestic", None, i)]  # (an act within that state may be aimed at it too)

    def _referent(self, t: Token) -> list[Mention]:
        """Who 'it', 'its', 'they' or 'their' is in a news sentence: the nearest subject of a clause
        that contains the pronoun's clause ("Iraq said it would allow ...", "the rebels agreed to
        lay down their arms"), the pronoun's own subject phrase excepted. English pronouns corefer
        with the subject of the clause that embeds them far more than with anything else."""
        inside = {x.i for x in t.subtree}
        node = t
        for _ in range(12):
            if node.head.i == node.i:
                return []
            if node.dep_ not in CLAUSE_UP:
                return []
            node = node.head
            for s in node.children:
                if s.dep_ not in ("nsubj", "nsubjpass") or s.i in inside or s.i == t.i:
                    continue
                if t.i in {x.i for x in s.subtree} or s.lower_ in THIRD_NONPERSON or s.lower_ in THIRD_PERSON:
                    continue
                found = [m for m in self.of_np(s) if t.lower_ not in ("it", "its") or m.kind != "person"]
                if found:
                    return [Mention(m.code, m.kind, m.person, t.i) for m in found]
            inside |= {node.i}
        return []

    def _name_after_title(self, t: Token) -> Mention | None:
        """'Chairman of the Committee on Foreign Affairs of the Parliament of Estonia Marko Mikhelson':
        a capitalised title with its 'of' ('on', 'for') phrases, then the name, which the parser hangs as the last
        object of the chain; the person named is the party, serving the state the resolver gave."""
        cur = t
        for _ in range(8):
            nxt = [o for p in children(cur, "prep") if p.lower_ in ("of", "on", "for") for o in children(p, "pobj")]
            if len(nxt) != 1:
                return None
            cur = nxt[0]
            m = self.at(cur)
            if m is not None and m.kind == "person":
                return m
            if not cur.text[:1].isupper():
                return None
        return None

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
        if not out and depth < 2:
            # "the King and Queen of Nepal", "the President and Prime Minister of X": coordinated titles
            # share the 'of' phrase the parser hangs on the last of them
            out.extend(m for c in children(t, "conj") for p in children(c, "prep") if p.lower_ == "of"
                       for o in children(p, "pobj") for m in self.of_np(o, depth + 1))
        return dedupe(out)


def _against_first_person(t: Token) -> bool:
    """A third-person plural whose clause has a first person as another argument ("they told me I
    should", "they give us the time"): the speaker is one of the text's pair, so 'they' is not the pair."""
    verb = t.head
    for _ in range(3):
        if verb.tag_.startswith("VB") or verb.head == verb:
            break
        verb = verb.head
    args = [c for c in verb.children if c.i != t.i]
    args += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children]
    return any(a.lower_ in FIRST_PERSON and a.dep_ in ("nsubj", "dobj", "dative", "iobj", "pobj") or (
        a.dep_ == "prep" and any(o.lower_ in FIRST_PERSON for o in a.children)) for a in args)


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


def _capitalised_pair(t: Token) -> bool:
    """"The Ministers", "the Prime Ministers", "the Leaders": a joint text's capitalised name for those
    who met, as such; not a body it qualifies ("the Finance Ministers", "the Foreign Ministers' Meeting")."""
    return t.text[:1].isupper() and t.i != t.sent.start and t.dep_ != "poss" \
        and all(c.lower_ == "prime" for c in t.children if c.dep_ in ("amod", "compound", "nmod"))
