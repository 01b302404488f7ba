"""Partnerships: the current level of every pair and its history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique import query
from communique.api.deps import StoreDep

router = APIRouter(prefix="/api", tags=["partnerships"])


@router.get("/partnerships", response_model=query.Page[query.PartnershipPair])
def read_partnerships(
    store: StoreDep,
    country: Annotated[str | None, Query(description="only pairs with this party")] = None,
    limit: int = 100,
    offset: int = 0,
) -> query.Page[query.PartnershipPair]:
    """Pairs with a partnership level, highest current rank first, each with its history."""
    return query.partnerships(store, country=country, limit=limit, offset=offset)
