"""The command line: parse arguments, make one library call, print. Errors become one clean line."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from communique import __version__
from communique.errors import CommuniqueError
from communique.ingest.readers import CsvColumns, iter_paths
from communique.records import Document

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 2


def writable_output(path: str, option: str = "--output") -> str:
    """`path` if a file can be written there ('-' is stdout); else a CommuniqueError naming why."""
    if path == "-":
        return path
    p = Path(path)
    if p.is_dir():
        raise CommuniqueError(f"{option} {path}: is a folder; give a file name")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise CommuniqueError(f"{option} {path}: folder {folder} does not exist (create it first)")
    if not os.access(folder, os.W_OK):
        raise CommuniqueError(f"{option} {path}: folder {folder} is not writable")
    return path


def _columns(args: argparse.Namespace) -> CsvColumns:
    return CsvColumns(url=args.csv_url, title=args.csv_title, date=args.csv_date, text=args.csv_text)


def _add_csv_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("CSV columns")
    g.add_argument("--csv-text", default="body", help="column with the document text (default: body)")
    g.add_argument("--csv-title", default="headline", help="column with the title (default: headline)")
    g.add_argument("--csv-date", default="date", help="column with the publication date (default: date)")
    g.add_argument("--csv-url", default="link", help="column with the address (default: link)")


@contextlib.contextmanager
def progress_bar(paths: list[str], label: str) -> Iterator[object]:
    """A rich progress bar with rate and ETA on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    files = [p for p in iter_paths(paths) if isinstance(p, Path)]
    total = sum(1 if f.suffix.lower() not in (".jsonl", ".csv") else max(1, f.stat().st_size // 4000) for f in files)
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn(), transient=True) as prog:
        task = prog.add_task(label, total=total or None, rate="0")
        yield (prog, task)


def _advance(bar: object, n: int) -> None:
    if bar is None:
        return
    prog, task = cast("tuple[Any, Any]", bar)
    t = prog.tasks[task]
    prog.update(task, advance=n, rate=f"{(t.completed + n) / max(t.elapsed or 1e-9, 1e-9):.1f}")
    if t.total is not None and t.completed + n > t.total:
        prog.update(task, total=t.completed + n)


def cmd_extract(args: argparse.Namespace) -> int:
    from communique.pipeline import RunReport, extract_paths

    report = RunReport()
    if args.output:
        writable_output(args.output)
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        with progress_bar(args.paths, "extract") as bar:
            for rec in extract_paths(args.paths, columns=_columns(args), report=report, output=args.output,
                                     mode=args.mode, jobs=args.jobs):
                out.write(rec.to_json() + "\n")
                _advance(bar, 1)
    finally:
        if args.output:
            out.close()
    return EXIT_REJECTED if report.errors else EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    from communique.pipeline import RunReport, ingest_paths
    from communique.store import open_store

    store = open_store(args.db)
    report = RunReport()
    try:
        with progress_bar(args.paths, "ingest") as bar:
            ingest_paths(args.paths, store, columns=_columns(args), batch_size=args.batch_size, report=report,
                         progress=lambda n: _advance(bar, n), jobs=args.jobs, dask=args.dask)
    finally:
        store.close()
    print(f"read {report.read} documents: {report.stored} stored, {report.skipped_known} already in {store.path}, "
          f"{report.duplicates} duplicates, {len(report.errors)} inputs rejected", file=sys.stderr)
    return EXIT_REJECTED if report.errors else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from communique.query import open_readonly

    store = open_readonly(args.db)
    counts = store.stats()
    store.close()
    if args.json:
        print(json.dumps(counts))
    else:
        for k, v in counts.items():
            print(f"{k:<14}{v:>10,}")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.merge:
        from communique.merge_eval import evaluate_merge, format_score

        result = evaluate_merge(args.merge)
        if not args.json:
            print(format_score(result))
        print(json.dumps(result.as_json()))
        return EXIT_OK
    if not args.gold:
        raise CommuniqueError("evaluate needs --gold DIR (extraction) or --merge FILE (merging)")
    from communique.evaluate import format_table, gold_document_path, load_gold, score
    from communique.extract import get_extractor
    from communique.ingest.readers import read_file

    golds = load_gold(args.gold)
    preds: dict[str, dict[str, object]] = {}
    ex = get_extractor()
    lines = []
    for g in golds:
        path = gold_document_path(g)
        for item in read_file(path):
            if not isinstance(item, Document):  # a ReadError or a ReadWarning: one line each
                print(f"communique: {item}", file=sys.stderr)
                continue
            rec = ex.extract(item)
            preds[path.name] = json.loads(rec.to_json())
            lines.append(rec.to_json())
    if args.predictions:
        Path(args.predictions).write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = score(golds, preds)
    if not args.json:
        print(format_table(summary))
    print(json.dumps(summary))
    for name, runner in (("plover", args.plover), ("petrarch", args.petrarch)):
        if runner:
            from communique import sentence_eval

            table = sentence_eval.run(name, runner, ex.sentence_mode())
            print(table)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="communique", description=__doc__)
    p.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    e = sub.add_parser("extract", help="extract records from documents, as JSON Lines",
                       description="Extract one JSON record per document (the record format of FORMAT.md).")
    e.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for stdin")
    e.add_argument("--output", "-o", help="write JSON Lines here instead of stdout")
    e.add_argument("--mode", choices=("document", "sentence"), default="document",
                   help="document: code by the annotation guidelines (default); sentence: code each input as one "
                        "news sentence, keeping one-party events and PLOVER's own reading, as the GSR sets do")
    e.add_argument("--jobs", "-j", type=int, default=1,
                   help="extraction processes (default: 1; the number of cores is fastest on many documents)")
    _add_csv_options(e)
    e.set_defaults(func=cmd_extract)

    i = sub.add_parser("ingest", help="extract and store documents",
                       description="Extract documents and store them; re-running stores nothing twice.")
    i.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for stdin")
    i.add_argument("--db", default="communique.db", help="SQLite file or postgresql://user@host/db URL (default: communique.db)")
    i.add_argument("--batch-size", type=int, default=64, help="documents per write transaction (default: 64)")
    i.add_argument("--jobs", "-j", type=int, default=1,
                   help="extraction processes (default: 1; the number of cores is fastest on a large corpus)")
    i.add_argument("--dask", metavar="ADDRESS",
                   help="extract on a Dask distributed cluster, e.g. tcp://127.0.0.1:8786 (workers need communique "
                        "installed); this process writes the store")
    _add_csv_options(i)
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("stats", help="count what the store holds",
                       description="Counts of documents, actors, events, agreements, partnerships.")
    s.add_argument("--db", default="communique.db", help="SQLite file or postgresql://user@host/db URL (default: communique.db)")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_stats)

    v = sub.add_parser("evaluate", help="score extraction against gold, or merging on merge cases",
                       description="Extract the gold documents and print precision, recall and F1 per field; "
                                   "with --merge, score how reports merge into real-world events.")
    v.add_argument("--gold", action="append", metavar="DIR", help="gold folder or file (repeatable)")
    v.add_argument("--merge", metavar="FILE", help="merge cases (e.g. ../shared/eval/merge/dev.json): the share of "
                                                   "same-event cases kept together and of look-alikes kept apart")
    v.add_argument("--predictions", metavar="FILE", help="also write the predictions (JSON Lines) here")
    v.add_argument("--plover", metavar="DIR", help="also run the PLOVER-GSR sentence set in DIR")
    v.add_argument("--petrarch", metavar="DIR", help="also run the PETRARCH-2 GSR sentence set in DIR")
    v.add_argument("--json", action="store_true", help="print the summary as JSON only")
    v.set_defaults(func=cmd_evaluate)

    if importlib.util.find_spec("communique.query_cli") is not None:
        from communique.query_cli import add_query_parsers

        add_query_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CommuniqueError as exc:
        print(f"communique: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("communique: interrupted; stored batches are kept, re-run to resume", file=sys.stderr)
        return 130
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except sqlite3.Error as exc:  # a store the checks above missed: one line, never a traceback
        print(f"communique: {getattr(args, 'db', 'store')}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, ValueError, RuntimeError) as exc:  # a defect or the system: one line, never a traceback
        print(f"communique: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
