"""The seed through the real pipeline into a store, then out through the HTTP API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.pipeline import ingest_paths
from communique.store import SQLiteStore
from tests.helpers import SEED


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    store = SQLiteStore(db)
    report = ingest_paths([str(SEED)], store)
    store.close()
    assert report.stored == 1
    return TestClient(create_app(str(db)))


def test_end_to_end_seed_events_for_tajikistan(seed_client: TestClient) -> None:
    body = seed_client.get("/api/events", params={"country": "TJK"}).json()
    consult = [e for e in body["data"] if e["type"] == "CONSULT" and e["date"] == "2024-07-05"]
    assert consult and consult[0]["actor"] == ["CHN"] and consult[0]["recipient"] == ["TJK"]
    assert body["count"] == len(body["data"])


def test_end_to_end_seed_dyad_shows_partnership_level(seed_client: TestClient) -> None:
    body = seed_client.get("/api/dyads/CHN/TJK").json()
    assert "comprehensive strategic cooperative partnership in the new era" in str(body)


def test_end_to_end_bad_date_is_422(seed_client: TestClient) -> None:
    r = seed_client.get("/api/events", params={"since": "not-a-date"})
    assert r.status_code == 422 and "date" in r.text.lower()


def test_end_to_end_seed_document_view_highlights_event(seed_client: TestClient) -> None:
    doc_id = seed_client.get("/api/events", params={"country": "TJK"}).json()["data"][0]["document"]["id"]
    page = seed_client.get(f"/documents/{doc_id}").text
    assert "<mark" in page and 'data-kind="event"' in page
