"""Actors: people, countries and organisations, most mentioned first, with their roles over time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import Field

from communique.query.common import Out, Page, fetch
from communique.query.params import ActorFilter
from communique.store import Store


class ActorRole(Out):
    role: str | None
    documents: int
    first: str | None
    last: str | None


class ActorOut(Out):
    id: str
    name: str
    type: str
    country: str | None = None
    documents: int
    mentions: int
    first_seen: str | None = None
    last_seen: str | None = None
    roles: list[ActorRole] = Field(default_factory=list, description="roles over time, by publication date")


def actors(store: Store, f: ActorFilter | None = None) -> Page[ActorOut]:
    """Actors, most mentioned first, each with the roles it was given over time."""
    f = f or ActorFilter()
    where: list[str] = []
    params: list[Any] = []
    if f.type:
        where.append("a.type = ?")
        params.append(f.type)
    if f.country:
        where.append("(a.country = ? OR a.id = ?)")
        params.extend([f.country, f.country])
    if f.q:
        like = store.dialect.like_nocase
        where.append(f"(a.name {like} ? OR a.id {like} ?)")
        params.extend([f"%{f.q}%", f"%{f.q}%"])
    w = " AND ".join(where) or "1 = 1"
    total = int(fetch(store, f"SELECT count(*) FROM actors a WHERE {w}", params)[0][0])
    sql = (f"SELECT a.id, a.name, a.type, a.country, count(DISTINCT m.document_id) AS docs, count(m.actor_id) AS n,"
           f" min(d.published) AS first, max(d.published) AS last FROM actors a"
           f" LEFT JOIN mentions m ON m.actor_id = a.id LEFT JOIN documents d ON d.id = m.document_id"
           f" WHERE {w} GROUP BY a.id ORDER BY docs DESC, a.name LIMIT ? OFFSET ?")
    rows = fetch(store, sql, [*params, f.limit, f.offset])
    roles = _roles(store, [r["id"] for r in rows])
    data = [ActorOut(id=r["id"], name=r["name"], type=r["type"], country=r["country"], documents=r["docs"],
                     mentions=r["n"], first_seen=r["first"], last_seen=r["last"], roles=roles.get(r["id"], []))
            for r in rows]
    return Page[ActorOut](data=data, count=total, limit=f.limit, offset=f.offset)


def _roles(store: Store, ids: Sequence[str]) -> dict[str, list[ActorRole]]:
    out: dict[str, list[ActorRole]] = defaultdict(list)
    if not ids:
        return out
    sql = (f"SELECT m.actor_id, m.role, count(DISTINCT m.document_id) AS docs, min(d.published) AS first,"
           f" max(d.published) AS last FROM mentions m JOIN documents d ON d.id = m.document_id"
           f" WHERE m.actor_id IN ({','.join('?' * len(ids))}) GROUP BY m.actor_id, m.role ORDER BY first")
    for r in fetch(store, sql, list(ids)):
        out[r["actor_id"]].append(ActorRole(role=r["role"], documents=r["docs"], first=r["first"], last=r["last"]))
    return out
