#!/usr/bin/env python3
"""Regenerate `data/agents.jsonl` (nouns that name an actor of a state) and `data/thing_nouns.jsonl`
(nouns that name a thing, which a country word modifying them does not make a party).

Source: PETRARCH2's agents dictionary, `../shared/dictionaries/petrarch2/Phoenix.agents.txt`
("Derived from the PETRARCH2 CAMEO dictionaries, (c) 2014 Open Event Data, MIT License").
Each one-word entry (`PRESIDENT [~GOV]`, `TROOP [~MIL]`, macros such as `!MINIST!` expanded)
becomes a row with its forms (singular and the regular plural, as PETRARCH generates them) and
its agent code. A short list of nouns of the diplomatic register that the dictionary lacks
("side", "delegation", "official", "authorities") is added under `"source": "project"`: the
annotation guidelines say officials stand for their state.

    python scripts/build_agents.py [--dict PATH]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "dictionaries" / "petrarch2" / "Phoenix.agents.txt"
OUT = ROOT / "src" / "communique" / "data" / "agents.jsonl"
VERBS = ROOT.parent / "shared" / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
THINGS = ROOT / "src" / "communique" / "data" / "thing_nouns.jsonl"

#: heads that name a thing, not an actor, whatever country modifies them (issue 7: "a currency, an
#: agreement or format named after a place, a sea, a programme"); currencies come from CAMEO's &CURRENCY
THING_WORDS = {
    "agreement": ["agreement", "agreements", "accord", "accords", "treaty", "treaties", "protocol", "protocols",
                  "memorandum", "declaration", "charter", "convention", "deal", "pact", "statute", "statutes",
                  "covenant", "covenants"],
    "format": ["format", "formats", "framework", "mechanism", "process", "model", "group", "initiative",
               "programme", "program", "programmes", "programs", "plan", "plans", "project", "projects",
               "corridor", "pipeline", "scheme", "fund", "strategy", "doctrine", "formula", "round", "rounds"],
    "place": ["sea", "ocean", "strait", "gulf", "bay", "peninsula", "border", "borders", "region", "island",
              "islands", "embassy grounds", "waters", "airspace"],
    "goods": ["market", "markets", "economy", "products", "goods", "exports", "imports", "companies", "company",
              "firms", "business", "businesses", "market", "oil", "gas", "grain", "bonds", "debt", "assets"],
}

#: agent codes whose nouns stand for a state in diplomatic and conflict news
STATE_AGENTS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI", "PTY"}

#: the diplomatic register's actor nouns missing from the dictionary (GUIDELINES.md: officials stand for their state)
PROJECT = {"side": "GOV", "delegation": "GOV", "official": "GOV", "authority": "GOV", "authorities": "GOV",
           "leader": "GOV", "counterpart": "GOV", "administration": "GOV", "cabinet": "GOV", "embassy": "GOV",
           "ministry": "GOV", "minister": "GOV", "secretary": "GOV", "chancellor": "GOV", "premier": "GOV",
           "representative": "GOV", "spokesperson": "GOV", "negotiator": "GOV", "prime": "GOV",
           "head": "GOV", "mission": "GOV", "general": "GOV", "secretary-general": "GOV", "commissioner": "GOV",
           "president": "GOV", "ambassador": "GOV", "envoy": "GOV", "foreign": "GOV", "office": "GOV",
           "advisor": "GOV", "adviser": "GOV", "chief": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "parliament": "LEG", "navy": "MIL", "army": "MIL",
           "military": "MIL", "forces": "MIL", "force": "MIL", "troops": "MIL", "coast": "MIL",
           # a state's forces named by what they do in a war ("the Russian invaders", "occupiers"), about 800
           # times in the corpus's presidency texts of 2022
           "invader": "MIL", "occupier": "MIL", "aggressor": "MIL"}


def plural(word: str) -> str:
    """PETRARCH's make_plural: Y -> IES, S -> SES, else S."""
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith("s"):
        return word + "es"
    return word + "s"


def read_agents(text: str) -> dict[str, str]:
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"([A-Z!'_-]+?)_?\s*(?:\{[^}]*\})?\s*\[~?(\w+)\]", line)
        if not m:
            continue
        entry, code = m.group(1), m.group(2)
        words = [entry]
        for name, expansion in macros.items():
            if name in entry:
                words = [entry.replace(name, x.upper()) for x in expansion]
        for w in words:
            if "_" not in w and "!" not in w:
                rows.setdefault(w.lower(), code[:3])
    return rows


def build(path: Path) -> list[dict[str, object]]:
    rows = read_agents(path.read_text(encoding="utf-8"))
    out = []
    for word, code in sorted(rows.items()):
        out.append({"noun": word, "forms": sorted({word, plural(word)}), "agent": code,
                    "state": code in STATE_AGENTS, "source": "Phoenix.agents.txt"})
    have = {r["noun"] for r in out}
    for word, code in sorted(PROJECT.items()):
        if word not in have:
            out.append({"noun": word, "forms": sorted({word, plural(word)}), "agent": code, "state": True,
                        "source": "project"})
    return sorted(out, key=lambda r: str(r["noun"]))


def currencies(path: Path) -> list[str]:
    """The &CURRENCY synonym set of the CAMEO verb dictionary, with PETRARCH's plurals."""
    words: list[str] = []
    inside = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.lstrip().startswith("#"):
            continue
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            inside = line.rstrip("_") == "&CURRENCY"
            continue
        if inside and line.startswith("+"):
            w = line[1:].strip().rstrip("_").replace("_", " ").lower()
            words += [w] if line.rstrip().endswith("_") else [w, plural(w)]
        elif inside and not line:
            inside = False
    return sorted(set(words))


def things(verbs: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{"kind": "currency", "nouns": currencies(verbs), "source": "CAMEO.2.0.txt &CURRENCY"}]
    rows += [{"kind": k, "nouns": sorted(set(v)), "source": "project (issue 7: not a party)"} for k, v in THING_WORDS.items()]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dict", type=Path, default=DEFAULT)
    args = ap.parse_args()
    rows = build(args.dict)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} agent nouns -> {OUT}")
    t = things(VERBS)
    THINGS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in t), encoding="utf-8")
    print(f"{sum(len(r['nouns']) for r in t)} thing nouns -> {THINGS}")


if __name__ == "__main__":
    main()
