"""Graph: countries and organisations linked by their interactions in a period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique import query
from communique.api.deps import StoreDep

router = APIRouter(prefix="/api", tags=["graph"])


@router.get("/graph", response_model=query.Graph)
def read_graph(
    store: StoreDep,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(description="only edges with this party")] = None,
    type: Annotated[str | None, Query(description="only events of this PLOVER type")] = None,
    max_nodes: int = 60,
    min_weight: int = 1,
) -> query.Graph:
    """Nodes and edges weighted by real-world events, split into cooperation and conflict."""
    return query.network(store, query.GraphParams(since=since, until=until, country=country, type=type,
                                                  max_nodes=max_nodes, min_weight=min_weight))
