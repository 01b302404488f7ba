"""The web page, served by the API process: one view per page type, each with a JSON twin.

`/dyads/CHN/TJK` renders HTML and `/dyads/CHN/TJK.json` answers the same data as JSON, like
Datasette. Pages read through `communique.query` only; text is escaped by Jinja2's autoescape;
scripts and styles are local files, so the page works offline.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from communique import query
from communique.api.deps import FilterDep, StoreDep
from communique.api.security import safe_url
from communique.sentences import event_sentence
from communique.store import Store
from communique.web.highlight import anchor, segments

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["anchor"] = anchor
templates.env.filters["safe_url"] = safe_url
templates.env.globals["event_sentence"] = event_sentence
templates.env.globals["kind_of_quad"] = {1: "verbal cooperation", 2: "material cooperation",
                                         3: "verbal conflict", 4: "material conflict"}
router = APIRouter(include_in_schema=False)
T = TypeVar("T")


def mount(app: FastAPI) -> None:
    import swagger_ui_bundle

    # before /static, which would otherwise take /static/swagger/... and miss
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API explorer (Swagger UI), from local files."""
    return templates.TemplateResponse(request, "docs.html", {})


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {**data, "json_url": json_url(request)},
                                      status_code=status)


def twin(data: dict[str, Any]) -> JSONResponse:
    return JSONResponse(jsonable_encoder(data))


def json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or ""
    return (path + ".json" if path else "/.json") + (f"?{request.url.query}" if request.url.query else "")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def cached(request: Request, name: str, fn: Callable[[], T]) -> T:
    """Aggregates over the whole store, recomputed only when the database file changes."""
    path = request.app.state.db_path
    stamp = tuple(os.stat(p).st_mtime_ns if os.path.exists(p) else 0 for p in (path, path + "-wal"))
    cache: dict[str, tuple[tuple[int, ...], Any]] = request.app.state.__dict__.setdefault("_web_cache", {})
    hit = cache.get(name)
    if hit and hit[0] == stamp:
        return hit[1]
    value = fn()
    cache[name] = (stamp, value)
    return value


# ---------------------------------------------------------------- month chart


@dataclass
class Bar:
    label: str
    since: str
    until: str
    count: int
    x: float
    width: float
    height: float


CHART_W, CHART_H = 720.0, 120.0


def month_bars(counts: query.Counts, max_bars: int = 240) -> list[Bar]:
    """Bars for every month between the first and last counted (empty months included); by year
    when that would be more than `max_bars` bars."""
    if not counts.data:
        return []
    per = {m.month: m.count for m in counts.data}
    y0, m0 = map(int, counts.data[0].month.split("-"))
    y1, m1 = map(int, counts.data[-1].month.split("-"))
    months = [f"{y:04d}-{m:02d}" for y in range(y0, y1 + 1) for m in range(1, 13)
              if (y, m) >= (y0, m0) and (y, m) <= (y1, m1)]
    buckets: list[tuple[str, int]]
    if len(months) > max_bars:
        years: dict[str, int] = {}
        for m in months:
            years[m[:4]] = years.get(m[:4], 0) + per.get(m, 0)
        buckets = list(years.items())
    else:
        buckets = [(m, per.get(m, 0)) for m in months]
    top = max(c for _, c in buckets) or 1
    w = min(CHART_W / len(buckets), 36.0)  # a few months should not make a wall of colour
    return [Bar(label=b, since=b, until=b, count=c, x=i * w, width=max(w - 1, 0.5), height=CHART_H * c / top)
            for i, (b, c) in enumerate(buckets)]


def mark_words(text: str, search: str) -> Markup:
    """`text`, escaped, with the words of a search (FTS rules: whole words, `word*` a prefix) marked."""
    terms = [t.strip("*'-") for t in re.findall(r"[\w'*-]+", search or "")]
    prefixes = {t.strip("*'-").casefold() for t in re.findall(r"[\w'*-]+\*", search or "")}
    words = {t.casefold() for t in terms if t}
    out: list[str] = []
    pos = 0
    for m in re.finditer(r"\w+", text):
        w = m.group(0).casefold()
        if w in words or any(w.startswith(p) for p in prefixes):
            out.append(str(escape(text[pos:m.start()])) + f"<mark>{escape(m.group(0))}</mark>")
            pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


templates.env.globals["mark_words"] = mark_words


def link(path: str, args: dict[str, Any]) -> str:
    args = {k: v for k, v in args.items() if v not in (None, "")}
    return path + ("?" + urlencode(args) if args else "")


templates.env.globals["link"] = link


# ---------------------------------------------------------------- pages


def home_data(request: Request, store: Store) -> dict[str, Any]:
    counts = cached(request, "counts", lambda: query.counts(store, query.EventFilter()))
    latest = query.events(store, query.EventFilter(limit=10))
    return {
        "relationships": cached(request, "relationships", lambda: query.relationships(store, 12)),
        "partnerships": query.partnerships(store, limit=12),
        "counts": counts,
        "events": latest,
        "names": query.names(store, {c for e in latest.data for c in (*e.actor, *e.recipient)}),
    }


@router.get("/.json")
def home_json(request: Request, store: StoreDep) -> JSONResponse:
    """The home page as JSON."""
    return twin(home_data(request, store))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Search, counts per month, relationships and partnership levels."""
    data = home_data(request, store)
    return render(request, "index.html", {**data, "bars": month_bars(data["counts"]), "types": query.plover_types()})


DOCUMENT_HITS = 5  # documents listed per page above the events of a search


def events_data(store: Store, f: query.EventFilter, doc_offset: int = 0) -> dict[str, Any]:
    page = query.events(store, f)
    counts = query.counts(store, f)
    docs = query.search_documents(store, f.search, limit=DOCUMENT_HITS, offset=doc_offset) if f.search else None
    return {"filter": f.model_dump(exclude_none=True), "events": page, "counts": counts, "documents": docs,
            "names": query.names(store, {c for e in page.data for c in (*e.actor, *e.recipient)})}


@router.get("/events.json")
def events_json(store: StoreDep, f: FilterDep, doc_offset: int = 0) -> JSONResponse:
    """The events page as JSON."""
    return twin(events_data(store, f, doc_offset))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, f: FilterDep, doc_offset: int = 0) -> HTMLResponse:
    """Filtered events with counts per month; with words, the documents that contain them too."""
    data = events_data(store, f, doc_offset)
    args = f.query_args()
    args.pop("offset", None)
    return render(request, "events.html", {**data, "bars": month_bars(data["counts"]), "args": args,
                                           "types": query.plover_types(), "doc_offset": doc_offset})


@router.get("/dyads/{a}/{b}.json")
def dyad_json(store: StoreDep, a: str, b: str, limit: int = 100) -> JSONResponse:
    """The dyad page as JSON."""
    return twin({"dyad": query.dyad(store, a, b, limit=limit)})


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, store: StoreDep, a: str, b: str, limit: int = 100) -> HTMLResponse:
    """The timeline of two parties."""
    d = query.dyad(store, a, b, limit=limit)
    years: dict[str, list[Any]] = {}
    for item in d.data:
        years.setdefault((item.date or "undated")[:4], []).append(item)
    return render(request, "dyad.html", {"dyad": d, "years": years})


GRAPH_ALL_TIME_UP_TO = 50_000  # events; above this the graph page opens on the last two years


def graph_params(request: Request, store: Store, since: str | None, until: str | None,
                 country: str | None, type: str | None, max_nodes: int, min_weight: int) -> query.GraphParams:
    if since is None and until is None and "since" not in request.query_params:
        total = cached(request, "total", lambda: query.count_events(store, query.EventFilter()))
        if total > GRAPH_ALL_TIME_UP_TO:
            since = str(date.today().year - 1)
    given: dict[str, Any] = {"since": since or None, "until": until or None, "country": country or None,
                             "type": type or None, "max_nodes": max_nodes, "min_weight": min_weight}
    return query.GraphParams(**given)


@router.get("/graph.json")
def graph_json(request: Request, store: StoreDep, since: str | None = None, until: str | None = None,
               country: str | None = None, type: str | None = None, max_nodes: int = 60,
               min_weight: int = 1) -> JSONResponse:
    """The graph page as JSON."""
    p = graph_params(request, store, since, until, country, type, max_nodes, min_weight)
    return twin({"graph": query.network(store, p)})


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, store: StoreDep, since: str | None = None, until: str | None = None,
               country: str | None = None, type: str | None = None, max_nodes: int = 60,
               min_weight: int = 1) -> HTMLResponse:
    """The network of countries and organisations in a period."""
    p = graph_params(request, store, since, until, country, type, max_nodes, min_weight)
    graph = query.network(store, p)
    return render(request, "graph.html", {"graph": graph, "graph_data": graph.model_dump(mode="json"), "params": p,
                                          "types": query.plover_types()})


def document_or_404(store: Store, doc_id: str) -> query.DocumentOut:
    doc = query.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@router.get("/documents/{doc_id}.json")
def document_json(store: StoreDep, doc_id: str) -> JSONResponse:
    """The document page as JSON."""
    return twin({"document": document_or_404(store, doc_id)})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    """A document with every extracted item highlighted at its evidence."""
    doc = document_or_404(store, doc_id)
    kinds: dict[str, list[query.Span]] = {}
    seen: set[tuple[str, str]] = set()
    for s in doc.spans:
        if (s.kind, s.item_id) not in seen:
            seen.add((s.kind, s.item_id))
            kinds.setdefault(s.kind, []).append(s)
    return render(request, "document.html", {"document": doc, "segments": segments(doc.text, doc.spans),
                                             "kinds": kinds})


@router.get("/partnerships.json")
def partnerships_json(store: StoreDep, country: str | None = None, limit: int = 100,
                      offset: int = 0) -> JSONResponse:
    """The partnerships page as JSON."""
    return twin({"partnerships": query.partnerships(store, country=country, limit=limit, offset=offset)})


@router.get("/partnerships", response_class=HTMLResponse)
def partnerships_page(request: Request, store: StoreDep, country: str | None = None, limit: int = 100,
                      offset: int = 0) -> HTMLResponse:
    """Partnership levels of every pair, highest first, with their history."""
    page = query.partnerships(store, country=country, limit=limit, offset=offset)
    args = {"country": country, "limit": limit if limit != 100 else None}
    return render(request, "partnerships.html", {"partnerships": page, "country": country, "args": args})


def actor_filter(type: str | None = None, country: str | None = None, q: str | None = None, limit: int = 50,
                 offset: int = 0) -> query.ActorFilter:
    given: dict[str, Any] = {"type": type or None, "country": country, "q": q, "limit": limit, "offset": offset}
    return query.ActorFilter(**given)


@router.get("/actors.json")
def actors_json(store: StoreDep, type: str | None = None, country: str | None = None, q: str | None = None,
                limit: int = 50, offset: int = 0) -> JSONResponse:
    """The actors page as JSON."""
    return twin({"actors": query.actors(store, actor_filter(type, country, q, limit, offset))})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep, type: str | None = None, country: str | None = None,
                q: str | None = None, limit: int = 50, offset: int = 0) -> HTMLResponse:
    """Actors with their roles over time."""
    f = actor_filter(type, country, q, limit, offset)
    args = {"type": f.type, "country": f.country, "q": f.q, "limit": f.limit if f.limit != 50 else None}
    return render(request, "actors.html", {"actors": query.actors(store, f), "filter": f, "args": args})
