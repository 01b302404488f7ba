"""Events: filtered lists, one event with every report of it, counts per month."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from communique import query
from communique.api.deps import FilterDep, StoreDep

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=query.Page[query.EventOut])
def read_events(store: StoreDep, f: FilterDep) -> query.Page[query.EventOut]:
    """Events matching every filter, newest first; `count` is the number matching in all."""
    return query.events(store, f)


@router.get("/events/{event_id}", response_model=query.EventDetail)
def read_event(store: StoreDep, event_id: str) -> query.EventDetail:
    """One event, with every document that reports the same real-world event."""
    ev = query.event(store, event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    return ev


@router.get("/counts", response_model=query.Counts)
def read_counts(store: StoreDep, f: FilterDep) -> query.Counts:
    """Matching events per month (limit and offset are ignored)."""
    return query.counts(store, f)
