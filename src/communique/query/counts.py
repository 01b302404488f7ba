"""How many events match a filter, in all and per month: exact, and fast on millions of events
because `event_counts` answers the common filters without a scan."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from communique.query.common import Out, fetch
from communique.query.params import EventFilter
from communique.query.plan import Plan
from communique.store import Store


class MonthCount(Out):
    month: str
    count: int


class Counts(Out):
    data: list[MonthCount]
    count: int = Field(description="number of months")
    total: int = Field(description="events counted (events dated to the month or day)")


def count_scan(store: Store, f: EventFilter, bucket: str | None = None) -> int:
    """COUNT(*) through the filter's plan; `bucket` restricts it to one month (or year) key."""
    plan = Plan(f, store.dialect)
    where, params = plan.where, list(plan.params)
    if bucket is not None:
        if len(bucket) == 4:  # the year bucket holds only events dated to the year
            where += " AND k.date = ?"
            params.append(bucket)
        else:
            where += " AND k.date >= ? AND k.date <= ?"
            params.extend([bucket, bucket + "~"])
    return int(fetch(store, f"SELECT count(*) FROM {plan.from_} WHERE {where}", params)[0][0])


def _summarised(f: EventFilter) -> bool:
    """Whether `event_counts` can answer the filter: one party at most, no role, place or words."""
    return not (f.dyad or f.actor or f.recipient or f.place or f.search)


def _bucket_state(key: str, since: str | None, until: str | None) -> Literal["full", "none", "partial"]:
    """Whether all, none or some of the events whose date starts with `key` are in the period."""
    if key == "":
        return "none" if since or until else "full"
    if (since and key + "~" < since) or (until and key > until + "~"):
        return "none"

    def inside(d: str) -> bool:
        return (not since or d >= since or since.startswith(d)) and (not until or d <= until + "~")

    ends = [key] if len(key) == 4 else [key, key + "-01", key + "-31"]  # the checks are monotone in the day
    return "full" if all(inside(d) for d in ends) else "partial"


def _buckets(store: Store, f: EventFilter) -> list[tuple[str, int, str]]:
    """(month key, events, state) from `event_counts` for a filter it can answer."""
    where: list[str] = ["party = ?"]
    params: list[Any] = [f.country or "*"]
    for col, value in (("type", f.type), ("quad_class", f.quad_class), ("status", f.status)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    if f.since:  # keys before the year of `since` are out; _bucket_state decides the rest
        where.append("month >= ?")
        params.append(f.since[:4])
    if f.until:
        where.append("month <= ?")
        params.append(f.until + "~")
    sql = f"SELECT month, sum(n) AS n FROM event_counts WHERE {' AND '.join(where)} GROUP BY month ORDER BY month"
    out: list[tuple[str, int, str]] = []
    for r in fetch(store, sql, params):
        state = _bucket_state(r["month"], f.since, f.until)
        if state != "none" and r["n"]:
            out.append((r["month"], int(r["n"]), state))
    return out


def count_events(store: Store, f: EventFilter) -> int:
    """How many events match: summed from `event_counts` where it can, exact either way."""
    if not _summarised(f):
        return count_scan(store, f)
    return sum(n if state == "full" else count_scan(store, f, key) for key, n, state in _buckets(store, f))


def counts(store: Store, f: EventFilter) -> Counts:
    """Matching events per month (events dated only to the year are left out)."""
    if _summarised(f):
        data = [MonthCount(month=key, count=n if state == "full" else count_scan(store, f, key))
                for key, n, state in _buckets(store, f) if len(key) == 7]
        data = [m for m in data if m.count]
        return Counts(data=data, count=len(data), total=sum(m.count for m in data))
    plan = Plan(f, store.dialect)
    sql = (f"SELECT substr(k.date, 1, 7) AS month, count(*) AS n FROM {plan.from_}"
           f" WHERE {plan.where} AND length(k.date) >= 7 GROUP BY month ORDER BY month")
    data = [MonthCount(month=r["month"], count=r["n"]) for r in fetch(store, sql, plan.params)]
    return Counts(data=data, count=len(data), total=sum(m.count for m in data))
