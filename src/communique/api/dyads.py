"""Dyads: the timeline of two parties."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique import query
from communique.api.deps import StoreDep

router = APIRouter(prefix="/api", tags=["dyads"])


@router.get("/dyads/{a}/{b}", response_model=query.Dyad)
def read_dyad(
    store: StoreDep, a: str, b: str,
    limit: Annotated[int, Query(description="most recent real-world events to include")] = 100,
) -> query.Dyad:
    """Events, agreements and partnership steps between two parties, oldest first, with sources."""
    return query.dyad(store, a, b, limit=limit)
