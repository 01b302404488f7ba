"""Extraction on a Dask distributed cluster: `communique ingest PATH... --db DB --dask tcp://HOST:PORT`.

The cluster runs the whole `Document -> Record` step; this process reads the inputs, skips what
the store already holds, and is the one writer: it sends documents in chunks, keeps a few chunks
per worker thread in flight, and writes the records batch by batch in input order, as `--jobs`
does, so a run killed midway resumes where it stopped and the store ends up the same.

Each worker loads the model once (a worker plugin builds the extractor when the worker joins, and
`get_extractor` caches it for the worker's life); workers need communique installed, with the
same model, as the client has.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from communique.errors import CommuniqueError, ExtractionError
from communique.parallel import extract_chunk, pairs_of
from communique.records import Document, Record

try:
    from distributed import Client
    from distributed.diagnostics.plugin import WorkerPlugin

    HAVE_DASK = True
except ImportError:  # the extra is not installed: connect says how to install it
    HAVE_DASK = False
    WorkerPlugin = object  # type: ignore[misc,assignment]


class LoadModel(WorkerPlugin):
    """Builds the extractor once when a worker starts, before any document arrives."""

    name = "communique-model"

    def setup(self, worker: Any) -> None:
        from communique.extract import get_extractor

        get_extractor()


def connect(address: str, timeout: float = 10) -> Any:
    """A client of the scheduler at `address`, with the model loaded on every worker."""
    if not HAVE_DASK:
        raise CommuniqueError("--dask needs Dask distributed: pip install 'communique[all]'")
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise CommuniqueError(f"{address}: cannot reach the Dask scheduler ({exc})") from None
    client.register_plugin(LoadModel(), name=LoadModel.name)
    return client


def extract_on_cluster(documents: Iterable[Document], address: str, chunk_size: int = 16,
                       on_error: Callable[[ExtractionError], None] | None = None,
                       in_flight: int | None = None) -> Iterator[tuple[Document, Record]]:
    """(Document, Record) pairs in input order, extracted by the cluster at `address`.

    `in_flight` chunks are sent ahead (default: two per worker thread, plus two), so the workers
    never wait for the writer and the client never holds the whole corpus's records."""
    docs = list(documents)
    if not docs:
        return
    client = connect(address)
    try:
        threads = sum(client.nthreads().values()) or 1
        ahead = in_flight or 2 * threads + 2
        chunks = iter([docs[i:i + chunk_size] for i in range(0, len(docs), chunk_size)])
        pending: deque[tuple[list[Document], Any]] = deque()

        def send() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                pending.append((chunk, client.submit(extract_chunk, chunk, pure=False)))

        for _ in range(ahead):
            send()
        while pending:
            chunk, future = pending.popleft()
            records = future.result()
            send()
            yield from pairs_of(chunk, records, on_error)
    finally:
        client.close()
