"""The network: countries and organisations as nodes, edges weighted by the events between them."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from communique.query.common import Out, fetch, names, since_clause, until_clause
from communique.query.params import GraphParams
from communique.query.reference import country_name
from communique.store import Store


class GraphNode(Out):
    id: str
    name: str
    kind: Literal["country", "organization", "other"]
    weight: int
    cooperation: int
    conflict: int


class GraphEdge(Out):
    source: str
    target: str
    weight: int
    cooperation: int
    conflict: int


class Graph(Out):
    since: str | None
    until: str | None
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def network(store: Store, p: GraphParams | None = None) -> Graph:
    """Countries and organisations as nodes, edges weighted by real-world events between them in
    the period, split into cooperation (quad classes 1, 2) and conflict (3, 4)."""
    p = p or GraphParams()
    where: list[str] = []
    params: list[Any] = []
    if p.since:
        where.append(since_clause("date", p.since, params))
    if p.until:
        where.append(until_clause("date", p.until, params))
    if p.country:
        where.append("(a = ? OR b = ?)")
        params.extend([p.country, p.country])
    if p.type:
        where.append("event_id IN (SELECT id FROM events WHERE type = ?)")
        params.append(p.type)
    w = " AND ".join(where) or "1 = 1"
    sql = (f"SELECT a, b, count(DISTINCT event_key) AS n,"
           f" count(DISTINCT CASE WHEN quad_class IN (1, 2) THEN event_key END) AS coop,"
           f" count(DISTINCT CASE WHEN quad_class IN (3, 4) THEN event_key END) AS conf"
           f" FROM event_dyads WHERE {w} GROUP BY a, b")
    edges = [GraphEdge(source=r["a"], target=r["b"], weight=r["n"], cooperation=r["coop"], conflict=r["conf"])
             for r in fetch(store, sql, params) if r["n"] >= p.min_weight]
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in edges:
        for c in (e.source, e.target):
            t = tot[c]
            t[0] += e.weight
            t[1] += e.cooperation
            t[2] += e.conflict
    keep = sorted(tot, key=lambda c: (-tot[c][0], c))[:p.max_nodes]
    kept = set(keep)
    nm = names(store, kept)
    nodes = [GraphNode(id=c, name=nm[c], weight=tot[c][0], cooperation=tot[c][1], conflict=tot[c][2],
                       kind="organization" if c.startswith("IGO:") else "country" if country_name(c) else "other")
             for c in keep]
    edges = [e for e in edges if e.source in kept and e.target in kept]
    edges.sort(key=lambda e: -e.weight)
    return Graph(since=p.since, until=p.until, nodes=nodes, edges=edges)
