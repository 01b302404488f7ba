"""Hostile input renders inert, every response carries the security headers, the server cannot
write, /docs works from local files, and request parameters are bounded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.api.security import safe_url
from communique.records import Actor, DocumentInfo, Evidence, Record, content_hash
from communique.store import SQLiteStore
from tests.fixtures_store import build_store

EVIL_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
EVIL_TEXT = 'The <b onmouseover="alert(2)">ministers</b> met. <script>alert(3)</script> "quoted" & more.'
EVIL_URL = "javascript:alert(document.domain)"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = build_store(tmp_path_factory.mktemp("hostile") / "h.db")
    doc_id = content_hash(EVIL_TEXT)
    rec = Record(document=DocumentInfo(id=doc_id, source="evil<b>.txt", title=EVIL_TITLE, url=EVIL_URL),
                 actors=[Actor(id="person:x", name='<svg onload=alert(4)>', type="person",
                               mentions=[Evidence(text="ministers", start=EVIL_TEXT.index("ministers"),
                                                  end=EVIL_TEXT.index("ministers") + 9)])])
    store = SQLiteStore(db)
    store.write_batch([(EVIL_TEXT, rec)])
    store.close()
    return db, doc_id


@pytest.fixture(scope="module")
def client(hostile: tuple[Path, str]) -> Iterator[TestClient]:
    with TestClient(create_app(hostile[0])) as c:
        yield c


def test_security_hostile_document_renders_inert(client: TestClient, hostile: tuple[Path, str]) -> None:
    html = client.get(f"/documents/{hostile[1]}").text
    assert 'href="javascript:' not in html and "<script>alert" not in html and "<img src=x" not in html
    assert "<svg onload" not in html and '<b onmouseover' not in html
    assert "&lt;script&gt;alert(&#34;title&#34;)" in html or "&lt;script&gt;alert(&quot;title&quot;)" in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all('src="/static/' in s for s in scripts), scripts


@pytest.mark.parametrize("url", ["/", "/events", "/static/style.css", "/api/events", "/openapi.json", "/nope",
                                 "/api/events?since=bad", "/docs", "/static/swagger/swagger-ui-bundle.js"])
def test_security_headers_on_every_response(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (200, 404, 422)
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_security_docs_offline(client: TestClient) -> None:
    html = client.get("/docs").text
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "no file from another host"
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 100, asset
    assert client.get("/static/docs.js").text.count("validatorUrl: null") == 1


def test_security_server_cannot_write(client: TestClient) -> None:
    import sqlite3

    store = client.app.state.pool.acquire()  # type: ignore[attr-defined]
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only|attempt to write"):
            store.conn.execute("DELETE FROM documents")
    finally:
        client.app.state.pool.release(store)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("url", "message"), [
    ("/api/events?offset=99999999999999999999999", "offset must be at most"),
    ("/api/events?search=" + "a" * 600, "too long"),
    ("/api/search?q=" + "a" * 600, "too long"),
    ("/api/graph?max_nodes=100000", "max_nodes must be at most"),
    ("/api/events?limit=abc", "limit"),
])
def test_security_parameters_are_bounded(client: TestClient, url: str, message: str) -> None:
    r = client.get(url)
    assert r.status_code == 422 and message in r.json()["detail"], r.text


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("//evil.example", False), ("/relative", False),
    ("https:evil", False), ('https://x.org/"onmouseover=alert(1)', False), (None, False), ("", False),
])
def test_security_only_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok
