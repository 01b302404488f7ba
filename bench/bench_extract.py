"""Extraction speed against the bare spaCy NER, on the first 400 White House statements.

The bare pass (the model's tok2vec, parser and NER, `nlp.pipe(n_process=cpu_count)`) is the
ceiling: extraction cannot be faster than the model it runs. The ratio extraction wps / bare
wps says how much our rule layer, resolution and coding cost on top. Model loading is inside
both timings (a CLI run pays it every time); imports and file reading are outside both.

    PYTHONPATH=src python bench/bench_extract.py [--serial] [--profile]

`--serial` also times the library's single-process `Extractor.extract_many` and checks the
parallel records equal it; `--profile` runs cProfile over the step after the spaCy pipeline
(resolution and coding) and prints the hotspots in our code.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing as mp
import os
import pstats
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from communique.events.lexicon import load_lexicon
from communique.extract import Extractor, get_extractor
from communique.ingest.readers import read_file
from communique.nlp.pipeline import build_bare, build_nlp, parse
from communique.parallel import extract_parallel
from communique.records import Document, Record
from communique.resolve.gazetteer import load_gazetteer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "whitehouse" / "statements-releases"


def load_documents(root: Path, n: int) -> list[Document]:
    """The first `n` Markdown files under `root` in sorted path order, read as the CLI reads them."""
    docs: list[Document] = []
    for path in sorted(root.rglob("*.md"))[:n]:
        docs.extend(d for d in read_file(path) if isinstance(d, Document))
    return docs


def count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


@dataclass
class Timing:
    """Wall seconds and CPU seconds (this process and its finished children) of one phase."""

    wall: float = 0.0
    cpu: float = 0.0


def _cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def timed() -> Iterator[Timing]:
    t = Timing()
    w0, c0 = time.perf_counter(), _cpu_seconds()
    yield t
    t.wall = time.perf_counter() - w0
    while mp.active_children():  # spaCy leaves its workers to exit alone; their CPU counts once reaped
        time.sleep(0.02)
    t.cpu = _cpu_seconds() - c0


def _burn(n: int) -> int:
    return sum(i * i for i in range(n))


def cores_available(n_process: int, n: int = 3_000_000) -> float:
    """How many cores the machine gives right now: speed-up of a pure-Python task on `n_process` processes.

    Shared or throttled machines (a VM whose vCPUs other jobs use) give far fewer cores than
    `os.cpu_count()` says; without this number a flat parallel speed-up reads as a bug.
    """
    t0 = time.perf_counter()
    for _ in range(n_process):
        _burn(n)
    serial = time.perf_counter() - t0
    with mp.get_context().Pool(n_process) as pool:
        pool.map(_burn, [n] * n_process)  # start-up outside the timing
        t0 = time.perf_counter()
        pool.map(_burn, [n] * n_process)
        parallel = time.perf_counter() - t0
    return serial / parallel


def _cold() -> None:
    """Forget every loaded model and table, so the next timing pays the loading again."""
    for fn in (get_extractor, build_nlp, load_gazetteer, load_lexicon):
        fn.cache_clear()


def time_bare(texts: list[str], n_process: int, batch_size: int) -> Timing:
    with timed() as t:
        nlp = build_bare()
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            pass
    return t


def time_extraction(run: Callable[[], list[tuple[Document, Record]]]) -> tuple[Timing, list[Record]]:
    _cold()
    with timed() as t:
        records = [rec for _, rec in run()]
    return t, records


def profile_record_step(docs: list[Document], top: int) -> str:
    """Time the pipeline and the record step apart, then cProfile the record step alone."""
    ex: Extractor = get_extractor()
    t0 = time.perf_counter()
    sdocs = list(parse(ex.nlp, [d.text for d in docs], batch_size=32))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, s in zip(docs, sdocs, strict=True):
        ex.record(d, s)
    t_rec = time.perf_counter() - t0
    prof = cProfile.Profile()
    prof.enable()
    for d, s in zip(docs, sdocs, strict=True):
        ex.record(d, s)
    prof.disable()
    out = io.StringIO()
    out.write(f"single process, model loaded: spaCy pipeline {t_nlp:.1f}s, record step (resolve + code) "
              f"{t_rec:.1f}s = {t_rec / (t_nlp + t_rec):.0%} of {t_nlp + t_rec:.1f}s\n")
    stats = pstats.Stats(prof, stream=out)
    out.write(f"\ntop {top} by own time, in communique code:\n")
    stats.sort_stats("tottime").print_stats(r"communique", top)
    out.write(f"\ntop {top} by cumulative time, in communique code:\n")
    stats.sort_stats("cumulative").print_stats(r"communique", top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", type=Path, default=CORPUS, help="folder of Markdown documents")
    p.add_argument("-n", type=int, default=400, help="documents (default 400)")
    p.add_argument("--n-process", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    p.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size of the bare pass")
    p.add_argument("--chunk-size", type=int, default=16, help="documents per task of extract_parallel")
    p.add_argument("--serial", action="store_true", help="also time single-process extract_many")
    p.add_argument("--profile", action="store_true", help="cProfile the record step after the pipeline")
    p.add_argument("--top", type=int, default=20, help="hotspots to print with --profile")
    args = p.parse_args(argv)

    docs = load_documents(args.root, args.n)
    texts = [d.text for d in docs]
    words = count_words(texts)
    print(f"{len(docs)} documents, {words:,} words, {args.n_process} processes "
          f"(os.cpu_count() = {os.cpu_count()})")

    print(f"cores available now (speed-up of a pure-Python task on that many processes): "
          f"{cores_available(args.n_process):.2f} of {args.n_process}")

    def line(label: str, t: Timing) -> str:
        return f"{label:<52}{t.wall:6.1f}s  {words / t.wall:7,.0f} words/s  (CPU {t.cpu:6.1f}s)"

    bare = time_bare(texts, args.n_process, args.batch_size)
    print(line(f"bare tok2vec + parser + NER, nlp.pipe(n_process={args.n_process})", bare))
    par_t, par = time_extraction(lambda: list(extract_parallel(docs, args.n_process, args.chunk_size)))
    print(line(f"extraction, extract_parallel(n_process={args.n_process})", par_t))
    print(f"ratio extraction wps / bare wps: {bare.wall / par_t.wall:.2f}  "
          f"(CPU-time ratio bare / extraction: {bare.cpu / par_t.cpu:.2f})")

    if args.serial:
        def serial() -> list[tuple[Document, Record]]:
            return list(get_extractor().extract_many(docs))

        ser_t, ser = time_extraction(serial)
        print(line("extraction, Extractor.extract_many (1 process)", ser_t))
        print(f"ratio serial extraction / bare: {bare.wall / ser_t.wall:.2f}; "
              f"parallel speed-up over serial: {ser_t.wall / par_t.wall:.2f}x")
        same = [a.to_json() for a in par] == [b.to_json() for b in ser]
        print(f"parallel records identical to serial, in order: {same}")
    if args.profile:
        print()
        print(profile_record_step(docs, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
