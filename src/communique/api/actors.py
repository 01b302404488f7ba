"""Actors: people, countries and organisations with their roles over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from communique import query
from communique.api.deps import StoreDep

router = APIRouter(prefix="/api", tags=["actors"])


@router.get("/actors", response_model=query.Page[query.ActorOut])
def read_actors(
    store: StoreDep,
    type: Annotated[str | None, Query(description="person, country or organization")] = None,
    country: Annotated[str | None, Query(description="the actor's country (alpha-3)")] = None,
    q: Annotated[str | None, Query(description="part of the name or id")] = None,
    limit: int = 50,
    offset: int = 0,
) -> query.Page[query.ActorOut]:
    """Actors, most mentioned first, with the roles they held by publication date."""
    given: dict[str, Any] = {"type": type or None, "country": country, "q": q, "limit": limit, "offset": offset}
    return query.actors(store, query.ActorFilter(**given))
