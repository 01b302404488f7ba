"""The read commands: `events`, `dyad`, `export`, `serve`. Each parses, makes one library call, prints.

`cli.py` registers them with `add_query_parsers(subparsers)`; library errors (a bad date, an
unknown country code) are `CommuniqueError`s that `cli.main` prints as one line.
"""

from __future__ import annotations

import argparse
import csv
import errno
import json
import socket
import sys
from typing import Any

from communique.errors import CommuniqueError
from communique.settings import get_settings

EXIT_OK = 0


def _db(p: argparse.ArgumentParser) -> None:
    default = get_settings().db
    p.add_argument("--db", default=default, help=f"SQLite file or postgresql://user@host/db URL (default: {default}, or COMMUNIQUE_DB)")


def add_query_parsers(sub: Any) -> None:
    """Register events, dyad, export and serve on an argparse subparsers object."""
    from communique.export import FORMATS

    e = sub.add_parser("events", help="list stored events matching filters",
                       description="List real-world events (one row however many documents report it), newest first. Filters combine; dates may be YYYY, YYYY-MM or "
                                   "YYYY-MM-DD and match events whose period overlaps.")
    _db(e)
    e.add_argument("--country", help="a party in any role: a name (Tajikistan) or a code (TJK, XKX, IGO:EU)")
    e.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="both parties take part")
    e.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    e.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4), help="1-2 cooperation, 3-4 conflict")
    e.add_argument("--status", choices=("occurred", "planned"), help="occurred or planned events only")
    e.add_argument("--since", metavar="DATE", help="on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    e.add_argument("--until", metavar="DATE", help="on or before")
    e.add_argument("--place", help="place name, or the alpha-3 code of its country")
    e.add_argument("--search", metavar="WORDS", help="words that must all occur in the evidence sentence")
    e.add_argument("--limit", type=int, default=50, help="at most this many (default: 50)")
    e.add_argument("--format", choices=("table", "json", "csv"), default="table", help="default: table")
    e.set_defaults(func=cmd_events)

    d = sub.add_parser("dyad", help="the timeline of two parties",
                       description="Events, agreements and partnership steps between two parties, with sources.")
    d.add_argument("a", metavar="A", help="a party: a name or a code, e.g. China or CHN")
    d.add_argument("b", metavar="B", help="another party, e.g. Tajikistan or TJK")
    _db(d)
    d.add_argument("--format", choices=("table", "json"), default="table", help="default: table")
    d.set_defaults(func=cmd_dyad)

    x = sub.add_parser("export", help="write every stored event to a file",
                       description="Write real-world events as jsonl (API shape, with sources), csv, parquet, gdelt "
                                   "(GDELT 2.0 event columns, tab separated) or plover (PLOVER JSON Lines); "
                                   "mentions writes every report of an event (JSON Lines).")
    _db(x)
    x.add_argument("--format", choices=FORMATS, required=True, help="jsonl, mentions, csv, parquet, gdelt (GDELT 2.0 event table) or plover")
    x.add_argument("--output", "-o", required=True, metavar="PATH", help="file to write (- for stdout, text formats)")
    x.add_argument("--include-planned", action="store_true",
                   help="gdelt: also write planned events, as the intent their report expresses (CAMEO 03x/130 on "
                        "the report's date); the other formats always carry each event's status")
    x.set_defaults(func=cmd_export)

    s = sub.add_parser("serve", help="serve the HTTP API and the web page",
                       description="Serve /api/*, /openapi.json and the web page at / from a read-only store.")
    _db(s)
    s.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    s.add_argument("--port", type=int, default=8000, help="default: 8000")
    s.set_defaults(func=cmd_serve)


def cmd_events(args: argparse.Namespace) -> int:
    from communique import query
    from communique.export import EVENT_COLUMNS, flat_event

    f = query.EventFilter(country=args.country, dyad=tuple(args.dyad) if args.dyad else None, type=args.type,
                          quad_class=args.quad_class, status=args.status, since=args.since, until=args.until,
                          place=args.place, search=args.search, limit=args.limit)
    store = query.open_readonly(args.db)
    try:
        page = query.events(store, f)
        if args.format == "table":
            print_events(store, page)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"data": [e.model_dump(mode="json") for e in page.data], "count": page.count}, indent=2,
                         ensure_ascii=False))
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=EVENT_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(flat_event(e) for e in page.data)
    return EXIT_OK


def print_events(store: Any, page: Any) -> None:
    """The events as a table: a sentence for each (who, what, whom, where) with its coding beside."""
    from rich.console import Console
    from rich.table import Table

    from communique import query
    from communique.sentences import event_codes, event_sentence

    t = Table(title=f"{page.count} events" + (f" (showing {len(page.data)})" if page.count > len(page.data) else ""))
    names = query.names(store, {c for e in page.data for c in (*e.actor, *e.recipient)}) if page.data else {}
    for col in ("date", "event", "coding", "evidence", "sources"):
        t.add_column(col, overflow="fold")
    for e in page.data:
        t.add_row((e.date or "undated") + (" planned" if e.status == "planned" else ""),
                  event_sentence(e, names), event_codes(e), (e.matched or e.evidence).text[:160],
                  (e.document.title or e.document.source)
                  + (f" (+{e.documents - 1} more)" if e.documents > 1 else ""))
    Console().print(t)


def cmd_dyad(args: argparse.Namespace) -> int:
    from communique import query

    store = query.open_readonly(args.db)
    try:
        d = query.dyad(store, args.a, args.b)
    finally:
        store.close()
    if args.format == "json":
        print(d.model_dump_json(indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    title = f"{d.names.get(d.a, d.a)} – {d.names.get(d.b, d.b)}"
    if d.partnership:
        title += f"\n{d.partnership.level_normalized} ({d.partnership.change} {d.partnership.date or ''})"
    t = Table(title=title)
    for col in ("date", "kind", "item", "sources"):
        t.add_column(col, overflow="fold")
    for item in d.data:
        srcs = "; ".join(sorted({s.document.title or s.document.source for s in item.sources}))
        t.add_row(item.date or "undated", item.kind, item.label, srcs)
    Console().print(t)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from communique import query
    from communique.cli import writable_output
    from communique.export import export

    writable_output(args.output)
    store = query.open_readonly(args.db)
    try:
        n = export(store, args.format, args.output, include_planned=args.include_planned)
    finally:
        store.close()
    if args.output != "-":
        print(json.dumps({"format": args.format, "output": args.output, "rows": n}), file=sys.stderr)
    return EXIT_OK


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a CommuniqueError saying why not (a bad port, a busy one)."""
    if not 0 <= port <= 65535:
        raise CommuniqueError(f"--port {port}: a port is a number from 1 to 65535 (0: any free port)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise CommuniqueError(f"--host {host}: not an address to listen on ({exc})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        why = "the port is in use (another server?); choose another with --port" if exc.errno == errno.EADDRINUSE \
            else exc.strerror or str(exc)
        raise CommuniqueError(f"cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from communique.api import create_app

    sock = listen(args.host, args.port)
    try:
        app = create_app(args.db)
    except BaseException:
        sock.close()
        raise
    host, port = sock.getsockname()[:2]
    from communique.store import display_address

    print(f"communique: serving {display_address(args.db)} on http://{host}:{port}/", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return EXIT_OK
