"""Extraction on several cores: a process pool whose workers each hold one `Extractor`.

spaCy's own `nlp.pipe(n_process=...)` only parallelises the pipeline; our resolution and
coding run afterwards in the parent, one document at a time, and are Python-bound. So the pool
here runs the whole `Document -> Record` step in the workers, on chunks of documents (a chunk
amortises the pickling of documents and records and keeps `nlp.pipe` batching inside a worker).

With the "fork" start method the parent builds the extractor once before the pool starts and
the workers share it copy-on-write, as spaCy's `n_process` does with its model; with "spawn" or
"forkserver" each worker builds its own in the pool initializer.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator

from communique.errors import ExtractionError
from communique.extract import Extractor, get_extractor
from communique.records import Document, Record

#: the worker's extractor, set by `_init_worker`
_EXTRACTOR: Extractor | None = None


def _init_worker(mode: str = "document") -> None:
    global _EXTRACTOR
    _EXTRACTOR = get_extractor(mode)


def extract_chunk(docs: list[Document]) -> list[Record | ExtractionError]:
    """The records of a chunk of documents, in order; a document the extraction fails on gives its
    error in its place (a worker of a pool or of a Dask cluster runs this)."""
    ex = _EXTRACTOR if _EXTRACTOR is not None else get_extractor()
    failed: dict[str, ExtractionError] = {}
    done = {d.source: rec for d, rec in ex.extract_many(docs, batch_size=len(docs),
                                                         on_error=lambda e: failed.__setitem__(e.where, e))}
    return [done[d.source] if d.source in done else failed[d.source] for d in docs]


def extract_parallel(documents: Iterable[Document], n_process: int, chunk_size: int = 16,
                     start_method: str | None = None,
                     on_error: Callable[[ExtractionError], None] | None = None,
                     mode: str = "document") -> Iterator[tuple[Document, Record]]:
    """(Document, Record) pairs in input order, extracted by `n_process` worker processes.

    `n_process <= 1`, or input that fits in one chunk, runs in this process: a pool would only
    add its start-up. `start_method` defaults to the platform's ("fork" on Linux).
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    docs = list(documents)
    if n_process <= 1 or len(docs) <= chunk_size:
        for i in range(0, len(docs), 64):  # stream in batches: a caller may write as records come
            yield from get_extractor(mode).extract_many(docs[i:i + 64], on_error=on_error)
        return
    ctx = mp.get_context(start_method)
    if ctx.get_start_method() == "fork":
        get_extractor(mode)  # built once here, inherited by every worker
    chunks = [docs[i:i + chunk_size] for i in range(0, len(docs), chunk_size)]
    with ctx.Pool(min(n_process, len(chunks)), initializer=_init_worker, initargs=(mode,)) as pool:
        for chunk, records in zip(chunks, pool.imap(extract_chunk, chunks), strict=True):
            yield from pairs_of(chunk, records, on_error)


def pairs_of(chunk: list[Document], records: list[Record | ExtractionError],
             on_error: Callable[[ExtractionError], None] | None) -> Iterator[tuple[Document, Record]]:
    """The (Document, Record) pairs of an extracted chunk; each failure goes to `on_error` (raised
    when there is none)."""
    for doc, rec in zip(chunk, records, strict=True):
        if isinstance(rec, ExtractionError):
            if on_error is None:
                raise rec
            on_error(rec)
        else:
            yield doc, rec
