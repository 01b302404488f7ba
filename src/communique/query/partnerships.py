"""Partnerships: levels a pair (or group) holds, as steps grouped across reporting documents."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

from communique.query.common import DOC_COLS, Out, Page, Source, fetch, names, placeholders, source_of
from communique.query.params import PageParams
from communique.query.reference import check_code
from communique.store import Store


class PartnershipStep(Out):
    kind: Literal["partnership"] = "partnership"
    id: str
    date: str | None
    label: str
    parties: list[str]
    level: str
    level_normalized: str
    rank: int | None = None
    change: str
    sources: list[Source]


class PartnershipPair(Out):
    parties: list[str]
    names: list[str]
    current: PartnershipStep
    history: list[PartnershipStep]


def partnership_label(change: str, level: str, rank: int | None) -> str:
    return f"{change}: {level}" + (f" (rank {rank})" if rank is not None else "")


def items_of(store: Store, kind: str, parties: Sequence[str]) -> list[str]:
    """Ids of agreements or partnerships in which all the given parties take part."""
    sql = " INTERSECT ".join("SELECT item_id FROM item_parties WHERE party = ? AND kind = ?" for _ in parties)
    return [r[0] for r in fetch(store, sql, [x for p in parties for x in (p, kind)])]


def partnership_steps(store: Store, ids: Sequence[str]) -> list[PartnershipStep]:
    """Partnership mentions grouped by (parties, level, date): one step, many sources."""
    if not ids:
        return []
    rows = fetch(store, f"SELECT p.*, {DOC_COLS} FROM partnerships p JOIN documents d ON d.id = p.document_id"
                        f" WHERE p.id IN ({placeholders(ids)}) ORDER BY COALESCE(p.date, ''), d.published", list(ids))
    groups: dict[tuple[Any, ...], PartnershipStep] = {}
    order = {"established": 2, "upgraded": 3, "reaffirmed": 1}
    for r in rows:
        parties = sorted(json.loads(r["parties"]))
        key = (tuple(parties), r["level_normalized"], r["date"])
        step = groups.get(key)
        if step is None:
            groups[key] = PartnershipStep(id=r["id"], date=r["date"], parties=parties, level=r["level"],
                                          level_normalized=r["level_normalized"], rank=r["rank"],
                                          change=r["change"], label="", sources=[source_of(r)])
        else:
            step.sources.append(source_of(r))
            if order.get(r["change"], 0) > order.get(step.change, 0):
                step.change = r["change"]
            if step.rank is None:
                step.rank = r["rank"]
    for s in groups.values():
        s.label = partnership_label(s.change, s.level_normalized, s.rank)
    return sorted(groups.values(), key=lambda s: (s.date or "9999", s.rank or 0))


def current_level(steps: Sequence[PartnershipStep]) -> PartnershipStep | None:
    """The level a pair holds now: walking the steps by date, an established or upgraded step sets
    the level, and a reaffirmation only replaces it when it ranks at least as high (a later
    mention of a shorter name does not downgrade the pair)."""
    cur: PartnershipStep | None = None
    for s in sorted(steps, key=lambda s: (s.date or "", s.rank or 0)):
        if cur is None or s.change in ("established", "upgraded") or (s.rank or 0) >= (cur.rank or 0):
            cur = s
    return cur


def partnerships(store: Store, country: str | None = None, limit: int = 100,
                 offset: int = 0) -> Page[PartnershipPair]:
    """Every pair (or group) with a partnership level: its current level and history, highest rank first."""
    page = PageParams(limit=limit, offset=offset)
    if country:
        country = check_code(country)
        ids = [r[0] for r in fetch(store, "SELECT item_id FROM item_parties WHERE party = ? AND kind = 'partnership'",
                                   [country])]
    else:
        ids = [r[0] for r in fetch(store, "SELECT id FROM partnerships")]
    by_pair: dict[tuple[str, ...], list[PartnershipStep]] = defaultdict(list)
    for s in partnership_steps(store, ids):
        by_pair[tuple(s.parties)].append(s)
    nm = names(store, {c for pair in by_pair for c in pair})
    pairs = []
    for pair, steps in by_pair.items():
        cur = current_level(steps)
        assert cur is not None
        pairs.append(PartnershipPair(parties=list(pair), names=[nm[c] for c in pair], current=cur, history=steps))
    pairs.sort(key=lambda p: (-(p.current.rank or 0), -int((p.current.date or "0")[:4]), p.parties))
    return Page[PartnershipPair](data=pairs[page.offset:page.offset + page.limit], count=len(pairs),
                                 limit=page.limit, offset=page.offset)
