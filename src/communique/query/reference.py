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


def check_code(value: str, what: str = "country code") -> str:
    """Upper-case and validate a party code: ISO alpha-3, XKX, or IGO:<acronym>."""
    code = value.strip().upper()
    if not CODE_RE.match(code) or (not code.startswith("IGO:") and code not in country_codes()):
        raise QueryError(f"unknown {what} {value!r}: use ISO 3166-1 alpha-3 (CHN, TJK), XKX or IGO:<acronym>")
    return code


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
