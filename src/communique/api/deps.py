"""Dependencies shared by the routers: a read-only store per request, and the event filter."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from communique.errors import QueryError
from communique.query import EventFilter
from communique.store import Store, open_store


class StorePool:
    """Read-only SQLite connections, each used by one request at a time.

    A request checks a connection out and returns it when done, so no connection is ever used by
    two threads at once; idle connections are kept so their page cache stays warm."""

    def __init__(self, path: str, size: int = 16) -> None:
        self.path = path
        self.size = size
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()

    def acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.path, readonly=True)
            store.prepare_reader()
            return store

    def release(self, store: Store) -> None:
        if self._idle.qsize() < self.size:
            self._idle.put(store)
        else:
            store.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def get_store(request: Request) -> Iterator[Store]:
    pool: StorePool = request.app.state.pool
    store = pool.acquire()
    try:
        yield store
    finally:
        pool.release(store)


StoreDep = Annotated[Store, Depends(get_store)]


def event_filter(
    country: Annotated[str | None, Query(description="a party in any role: ISO alpha-3, XKX or IGO:<acronym>")] = None,
    actor: Annotated[str | None, Query(description="a party in the actor role")] = None,
    recipient: Annotated[str | None, Query(description="a party in the recipient role")] = None,
    dyad: Annotated[str | None, Query(description="two parties both in the event, e.g. CHN,TJK")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    quad_class: Annotated[str | None, Query(description="1 verbal / 2 material cooperation, 3 verbal / "
                                                        "4 material conflict (empty: any)", max_length=2)] = None,
    status: Annotated[str | None, Query(description="occurred or planned")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD; periods that overlap count")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(description="place name, or the alpha-3 code of its country")] = None,
    search: Annotated[str | None, Query(description="words that must all occur in the evidence sentence")] = None,
    limit: Annotated[int, Query(description="page size (at most 10000)")] = 50,
    offset: Annotated[int, Query(description="rows to skip")] = 0,
) -> EventFilter:
    # strings as given: EventFilter validates and normalises them (a dyad "CHN,TJK" becomes a pair)
    quad: int | None = None
    if quad_class not in (None, ""):
        if quad_class.strip() not in ("1", "2", "3", "4"):  # (not isdigit: "²" is a digit int() refuses)
            raise QueryError(f"quad_class must be 1, 2, 3 or 4 (got {quad_class!r})")
        quad = int(quad_class)
    given: dict[str, Any] = {"country": country, "actor": actor, "recipient": recipient, "dyad": dyad,
                             "type": type, "quad_class": quad, "status": status, "since": since,
                             "until": until, "place": place, "search": search, "limit": limit, "offset": offset}
    return EventFilter(**given)


FilterDep = Annotated[EventFilter, Depends(event_filter)]
