"""Build ``src/communique/data/roles_sourced.jsonl`` from the sourced dated-roles extract.

Source: ``shared/refdata/roles.csv`` (see ``shared/refdata/README.md``), itself built from
CountryInfo (CC BY-SA 3.0), the PETRARCH2 Phoenix dictionaries (MIT), Wikidata via
world-leaders-2021 (CC0), World Leaders Current (CC BY-SA 4.0) and the IfG Ministers Database
(MIT). Rows from CountryInfo and World Leaders Current are share-alike, so the generated file is
released under CC BY-SA 4.0 with this attribution (kept in ``data/SOURCES.md`` too):

    Contains data from CountryInfo.txt (c) 2012 Philip A. Schrodt, licensed CC BY-SA 3.0
    (https://github.com/openeventdata/CountryInfo); PETRARCH2 Phoenix dictionaries (c) 2014 Open Event
    Data Alliance, MIT licence (https://github.com/openeventdata/petrarch2); Wikidata (CC0) via
    every-politician-scrapers/world-leaders-2021; "World Leaders Current" (c) 2026 open-data-archive,
    CC BY-SA 4.0 (https://github.com/open-data-archive/world-leaders-current); IfG Ministers Database
    (c) 2024 Institute for Government, MIT licence
    (https://github.com/instituteforgov/ifg-ministers-database-public).
    Modified: reformatted, roles classified, dates normalised, open spells closed at successors
    (see build_extract.py); for communique: organisations mapped to IGO codes, titles tidied.

Each output row keeps its ``source`` and ``ref`` (file:line in the raw source) so that a resolution
can cite it. Run from the repository root:

    python scripts/build_roles.py [--src ../shared/refdata/roles.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "communique" / "data"
OUT = DATA / "roles_sourced.jsonl"
DEFAULT_SRC = ROOT.parent / "shared" / "refdata" / "roles.csv"

#: organisation labels of the extract that are not names in organizations.jsonl
ORG_CODES = {
    "UN agency (economic)": "IGO:UN", "IGOBUSOPC": "IGO:OPEC", "IGOEAFEAC": "IGO:EAC", "IGOASADEVADB": "IGO:ADB",
    "IGOOAS": "IGO:OAS", "IGOAFROAU": "IGO:AU", "IGOPGSGCC": "IGO:GCC", "IGOWAFWAS": "IGO:ECOWAS",
    "IGOAFRDEVAFB": "IGO:AFDB", "IGOCASCIS": "IGO:CIS", "IGOSAFDEVSAD": "IGO:SADC", "IGOMEAARL": "IGO:AL",
    "OECD/Western economic org": "IGO:OECD",
}
#: roles that say nothing about the office (the country is still the source's)
VAGUE = {"multi_role_unaligned", "government_official_unspecified"}


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).lower().split())


def org_codes() -> dict[str, str]:
    out = {}
    for line in (DATA / "organizations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for n in [row["name"], *row.get("aliases", [])]:
                out[fold(n)] = row["code"]
    return out


def country_codes() -> set[str]:
    return {json.loads(line)["code"] for line in (DATA / "countries.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()}


def title(row: dict[str, str]) -> str | None:
    """The office as a reader would write it ('Prime Minister'), or None when the source has no usable title."""
    if row["role"] in VAGUE:
        return None
    t = re.sub(r"\s*\[.*?\]|\s*\((?:SoS|MoS|PUSS)\)", "", row["role_title"]).strip()
    if not t or "_" in t or "," in t and t.split(",")[0].endswith("s"):  # "Presidents, PRIME_MINISTERS"
        return None
    t = re.sub(r"^(Chairm[ae]n|Presidents|Rulers|Kings|Secretaries) ", lambda m: m.group(1).rstrip("s")
               .replace("Chairmen", "Chairman") + " ", t)
    return " ".join(w if w.isupper() or w in ("of", "for", "and", "the", "to", "in") else w[:1].upper() + w[1:]
                    for w in t.split())


def build(src: Path) -> list[dict[str, object]]:
    orgs = org_codes()
    states = country_codes()
    out: list[dict[str, object]] = []
    seen: set[tuple[object, ...]] = set()
    with src.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["org"]:
                code = ORG_CODES.get(row["org"]) or orgs.get(fold(row["org"]))
            else:
                code = row["country_iso3"] if row["country_iso3"] in states else None
            if not code or not row["valid_from"]:
                continue
            aliases = [a for a in row["aliases"].split("|") if a and a != row["person"]]
            rec: dict[str, object] = {"name": row["person"], "country": code, "role": row["role"]}
            if aliases:
                rec["aliases"] = aliases
            if title(row):
                rec["title"] = title(row)
            rec.update({"from": row["valid_from"], "to": row["valid_to"] or row["source_date"]})
            # exact start and end only: listing months and open ends are not dates of office
            exact = "s" if row["start_qualifier"] == "exact" and row["start"] == row["valid_from"] else ""
            exact += "e" if row["end_qualifier"] == "exact" and row["end"] == row["valid_to"] else ""
            if exact:
                rec["exact"] = exact  # "s": `from` is the day of taking office, "e": `to` the day of leaving
            rec.update({"source": row["source"], "ref": row["source_ref"]})
            key = (rec["name"], code, rec["role"], rec.get("title"), rec["from"], rec["to"])
            if key in seen:
                continue
            seen.add(key)
            out.append(rec)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="roles.csv of shared/refdata")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.src)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in rows:
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(rows)} rows from {args.src}")


if __name__ == "__main__":
    main()
