"""ingest -> nlp -> resolve -> events -> store, batched and resumable.

A batch is read, the documents the store already holds are skipped by content hash, the rest
are extracted and written in one transaction. Killed midway, the store holds whole batches
only, and the next run carries on from there: nothing lost, nothing doubled.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from communique.errors import ExtractionError, ReadError, ReadWarning
from communique.extract import Extractor, get_extractor
from communique.ingest.readers import CsvColumns, Item, own_files, read_paths
from communique.records import Document, Record
from communique.store import Store


@dataclass
class RunReport:
    read: int = 0
    duplicates: int = 0
    skipped_known: int = 0
    stored: int = 0
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)


def unique_documents(items: Iterable[Item], report: RunReport, on_error: Callable[[ReadError], None],
                     on_warning: Callable[[ReadWarning], None] | None = None) -> Iterator[Document]:
    """Documents deduplicated by the hash of their normalised text; errors and warnings reported
    as they come (a warning does not change the exit status)."""
    seen: set[str] = set()
    warn = on_warning or print_warning
    for item in items:
        if isinstance(item, ReadError):
            report.errors.append(item)
            on_error(item)
            continue
        if isinstance(item, ReadWarning):
            report.warnings.append(item)
            warn(item)
            continue
        report.read += 1
        if item.id in seen:
            report.duplicates += 1
            continue
        seen.add(item.id)
        yield item


def _failed(err: ReadError, report: RunReport, on_error: Callable[[ReadError], None]) -> None:
    report.errors.append(err)
    on_error(err)


def print_error(err: ReadError, stream: TextIO | None = None) -> None:
    print(f"communique: {err}", file=stream or sys.stderr, flush=True)


def print_warning(warning: ReadWarning, stream: TextIO | None = None) -> None:
    print(f"communique: {warning}", file=stream or sys.stderr, flush=True)


def batched(it: Iterable[Document], n: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for x in it:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_paths(paths: list[str], *, columns: CsvColumns | None = None, extractor: Extractor | None = None,
                  report: RunReport | None = None,
                  on_error: Callable[[ReadError], None] = print_error,
                  output: str | None = None, mode: str = "document", jobs: int = 1) -> Iterator[Record]:
    """Records of every document under `paths`, in input order. `mode` is `document` (the
    guidelines) or `sentence` (each input one news sentence); `jobs > 1` extracts on a process pool."""
    report = report if report is not None else RunReport()
    docs = unique_documents(read_paths(paths, columns, own_files(output)), report, on_error)
    if jobs > 1:
        from communique.parallel import extract_parallel

        for _doc, rec in extract_parallel(docs, jobs, on_error=lambda e: _failed(e, report, on_error), mode=mode):
            yield rec
        return
    ex = extractor or get_extractor(mode)
    for batch in batched(docs, 32):
        for _doc, rec in ex.extract_many(batch, on_error=lambda e: _failed(e, report, on_error)):
            yield rec


def ingest_paths(paths: list[str], store: Store, *, columns: CsvColumns | None = None,
                 extractor: Extractor | None = None, batch_size: int = 64, report: RunReport | None = None,
                 on_error: Callable[[ReadError], None] = print_error,
                 progress: Callable[[int], None] | None = None, jobs: int = 1,
                 dask: str | None = None) -> RunReport:
    """Extract and store every new document under `paths`, one transaction per batch (see
    `ingest_items`)."""
    return ingest_items(read_paths(paths, columns, own_files(store.path)), store, extractor=extractor,
                        batch_size=batch_size, report=report, on_error=on_error, progress=progress, jobs=jobs,
                        dask=dask)


def ingest_items(items: Iterable[Item], store: Store, *, extractor: Extractor | None = None, batch_size: int = 64,
                 report: RunReport | None = None, on_error: Callable[[ReadError], None] = print_error,
                 progress: Callable[[int], None] | None = None, jobs: int = 1,
                 dask: str | None = None) -> RunReport:
    """Extract and store every new document of `items` (documents and read errors, as the
    readers give them), one transaction per batch.

    With `jobs > 1` the documents are read and checked against the store first, then extracted
    by a process pool (`parallel.extract_parallel`); with `dask` (a scheduler address) by a Dask
    distributed cluster (`dask_cluster.extract_on_cluster`). Either way this process writes the
    records batch by batch, in input order, so a killed run resumes the same way."""
    report = report if report is not None else RunReport()
    if dask:
        from communique.dask_cluster import extract_on_cluster

        def on_cluster(docs: list[Document], failed: Callable[[ExtractionError], None]) -> Iterator[Pair]:
            return extract_on_cluster(docs, dask, on_error=failed)

        return _ingest_elsewhere(items, store, batch_size, report, on_error, progress, on_cluster)
    if jobs > 1:
        from communique.parallel import extract_parallel

        def in_pool(docs: list[Document], failed: Callable[[ExtractionError], None]) -> Iterator[Pair]:
            return extract_parallel(docs, jobs, on_error=failed)

        return _ingest_elsewhere(items, store, batch_size, report, on_error, progress, in_pool)
    ex: Extractor | None = extractor
    for batch in batched(unique_documents(items, report, on_error), batch_size):
        known = store.known_documents(d.id for d in batch)
        todo = [d for d in batch if d.id not in known]
        report.skipped_known += len(batch) - len(todo)
        if todo:
            ex = ex or get_extractor()  # the model loads only when there is something new
            pairs = ex.extract_many(todo, on_error=lambda e: _failed(e, report, on_error))
            report.stored += store.write_batch([(d.text, rec) for d, rec in pairs])
        if progress:
            progress(len(batch))
    return report


Pair = tuple[Document, Record]


def _ingest_elsewhere(items: Iterable[Item], store: Store, batch_size: int, report: RunReport, on_error: Callable[[ReadError], None],
                      progress: Callable[[int], None] | None,
                      extract: Callable[[list[Document], Callable[[ExtractionError], None]], Iterator[Pair]]
                      ) -> RunReport:
    """Read and check every input first, have `extract` (a pool, a cluster) turn the new documents
    into records in input order, and write them here, batch by batch."""
    docs = list(unique_documents(items, report, on_error))
    known = store.known_documents(d.id for d in docs)
    todo = [d for d in docs if d.id not in known]
    report.skipped_known += len(docs) - len(todo)
    if progress and known:
        progress(len(docs) - len(todo))
    pairs = extract(todo, lambda e: _failed(e, report, on_error))
    while True:
        batch = list(itertools.islice(pairs, batch_size))
        if not batch:
            return report
        report.stored += store.write_batch([(d.text, rec) for d, rec in batch])
        if progress:
            progress(len(batch))
