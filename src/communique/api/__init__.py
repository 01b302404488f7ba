"""The HTTP API and web page, one process: `create_app(db_path)` builds the FastAPI application.

Every route reads through `communique.query` on a read-only connection; one router per resource.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.api import actors, documents, dyads, events, graph, partnerships
from communique.api.deps import StorePool
from communique.api.security import SecurityHeaders
from communique.errors import QueryError, StoreError
from communique.query import open_readonly

DESCRIPTION = """Diplomatic events, agreements and partnership levels extracted from news and readouts.

Lists answer `{"data": [...], "count": N}` where `count` is the number of matching rows; page with
`limit` and `offset`. Bad parameters (a malformed date, an unknown country code, a negative limit)
answer 422 with a message in `detail`. Every HTML page has a JSON twin at the same URL plus `.json`.
"""


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of problems as one message: `limit: Input should be ...; q: Field required`."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path) -> FastAPI:
    """The application serving the store at `db_path`: /api/*, /openapi.json and the web page at /."""
    path = str(db_path)
    open_readonly(path).close()  # fail now on a missing store; migrate an old one
    pool = StorePool(path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    # /docs is Swagger UI from the swagger-ui-bundle package, served here (FastAPI's would load a CDN)
    app = FastAPI(title="communique", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.pool = pool
    app.state.db_path = path
    app.add_middleware(SecurityHeaders)

    from communique import web

    async def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return web.error_page(request, status, message)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return await error(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return await error(request, 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return await error(request, 422, validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return await error(request, exc.status_code, str(exc.detail))

    for module in (events, actors, documents, dyads, partnerships, graph):
        app.include_router(module.router)
    web.mount(app)
    return app


__all__ = ["create_app"]
