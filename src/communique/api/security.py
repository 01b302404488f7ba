"""What every response carries for safety: a Content-Security-Policy that lets the page load only
its own files, no MIME sniffing, no referrer sent to the sites documents link to, no framing.

A pure ASGI middleware (not `BaseHTTPMiddleware`): it adds headers as the response starts and
costs nothing per body chunk, so it does not slow the API under load."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: scripts, styles, fonts and connections from this server only; images may also be inline data
#: (Swagger UI's icons); no plugins, no <base>, no framing by other sites, forms post here only
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in have)]
            await send(message)

        await self.app(scope, receive, with_headers)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address, else None: a document's address comes from its input
    file, and `javascript:` or `data:` there must never become a live link."""
    if not url:
        return None
    u = url.strip()
    scheme = u.split(":", 1)[0].lower() if ":" in u else ""
    if scheme not in ("http", "https") or not u[len(scheme) + 1:].startswith("//"):
        return None
    if any(ord(c) < 33 or c in "<>\"'`\\" for c in u):
        return None
    return u
