"""Reference data the queries validate against and name things with: PLOVER's types, country
codes and display names (data/*.jsonl, see data/SOURCES.md; pycountry for the rest)."""

from __future__ import annotations

import json
import re
from datetime import date as Date
from functools import cache
from importlib import resources
from typing import Any

import pycountry

from communique.errors import QueryError

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CODE_RE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9][A-Z0-9_-]*)$")


# ---------------------------------------------------------------- reference data


@cache
def plover_types() -> tuple[str, ...]:
    """PLOVER's sixteen event types, in the order of `data/plover.jsonl`."""
    text = (resources.files("communique.data") / "plover.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line)["type"] for line in text.splitlines() if line.strip())


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, a user-assigned code in wide use)."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _read_jsonl(name: str) -> list[dict[str, Any]]:
    path = resources.files("communique.data") / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def reference_names() -> dict[str, str]:
    """Display names of countries and organisations from `data/countries.jsonl` and
    `data/organizations.jsonl` (see data/SOURCES.md)."""
    return {r["code"]: r["name"] for f in ("countries.jsonl", "organizations.jsonl") for r in _read_jsonl(f)}


@cache
def country_name(code: str) -> str | None:
    """The common English name of a country code, or None when the code is not a country."""
    if code.startswith("IGO:") or code not in country_codes():
        return None
    if code in reference_names():
        return reference_names()[code]
    c = pycountry.countries.get(alpha_3=code)
    return "Kosovo" if c is None else str(getattr(c, "common_name", None) or c.name)


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split()).removeprefix("the ")


@cache
def party_names() -> dict[str, str]:
    """Names a user may type for a party, normalised (`_key`), to its code: every name, demonym and
    adjective of `data/countries.jsonl`, pycountry's names and alpha-2 codes, organisations' names
    and aliases. A name two countries share (an adjective) is left out."""
    out: dict[str, str] = {}
    clash: set[str] = set()

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        k = _key(name)
        if not k:
            return
        if out.get(k, code) != code:
            clash.add(k)
        out.setdefault(k, code)

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_3)
    for r in _read_jsonl("countries.jsonl"):
        for name in [r["name"], *r.get("names", []), *r.get("demonyms", []), *r.get("adjectives", [])]:
            add(name, r["code"])
    for r in _read_jsonl("organizations.jsonl"):
        for name in [r["name"], *r.get("aliases", [])]:
            add(name, r["code"])
    for k in clash:
        del out[k]
    return out


def country_of_name(name: str) -> str | None:
    """The country code a typed name stands for ("Tajikistan" -> TJK), None for other names."""
    code = party_names().get(_key(name))
    return code if code and not code.startswith("IGO:") else None


def check_code(value: str, what: str = "country code") -> str:
    """A party as a code: an ISO alpha-3 code, XKX or IGO:<acronym> as it is (upper-cased), or a
    name typed the way people write it: "Tajikistan", "tajik", "People's Republic of China",
    "European Union", an alpha-2 code ("TJ")."""
    raw = value.strip()
    code = raw.upper()
    if CODE_RE.match(code) and (code.startswith("IGO:") or code in country_codes()):
        return code
    by_name = party_names().get(_key(raw))
    if by_name is None and len(raw) == 2 and raw.isalpha():
        c = pycountry.countries.get(alpha_2=code)
        by_name = c.alpha_3 if c is not None else None
    if by_name is None:
        raise QueryError(f"unknown {what} or name {value!r}: use a country's name (Tajikistan) or its "
                         "ISO 3166-1 alpha-3 code (TJK), XKX, or IGO:<acronym> (IGO:EU)")
    return by_name


def check_date(value: str, what: str = "date") -> str:
    """Validate an ISO date at year, month or day precision; returns it unchanged."""
    m = DATE_RE.match(value.strip())
    if m is None:
        raise QueryError(f"malformed {what} {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.groups()
    try:
        Date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise QueryError(f"malformed {what} {value!r}: no such day") from None
    return value.strip()


def check_type(value: str) -> str:
    t = value.strip().upper()
    if t not in plover_types():
        raise QueryError(f"unknown event type {value!r}: use one of PLOVER's {', '.join(plover_types())}")
    return t
