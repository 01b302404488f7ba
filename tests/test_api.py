from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.errors import StoreError
from communique.records import DocumentInfo, Event, Evidence, Record, content_hash
from communique.store import SQLiteStore
from tests.fixtures_store import NEW_ERA


@pytest.fixture(scope="module")
def client(query_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(query_db)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, r.text
    return r.json()


def test_api_events_filters_and_shape(client: TestClient) -> None:
    body = get(client, "/api/events?country=TJK&type=CONSULT&since=2024-01-01")
    assert body["count"] == 2 and len(body["data"]) == 2
    e = body["data"][1]
    assert (e["type"], e["actor"], e["recipient"], e["date"], e["status"]) == (
        "CONSULT", ["CHN"], ["TJK"], "2024-07-05", "occurred")
    assert e["place"]["name"] == "Dushanbe" and e["cameo"] == "042" and e["quad_class"] == 1
    assert set(e["evidence"]) == {"text", "start", "end"}
    assert set(e["document"]) >= {"id", "source", "title", "published"}
    assert (e["mentions"], e["documents"], e["publishers"], len(e["sources"])) == (2, 2, 1, 2)
    assert set(e["sources"][0]) == {"document", "evidence"} and {"id", "url", "title", "published", "source"} <= set(
        e["sources"][0]["document"])
    xi, rahmon = e["people"]  # who held the talks, for "Xi Jinping held talks with Emomali Rahmon"
    assert (xi["name"], xi["side"], rahmon["name"], rahmon["side"], rahmon["country"]) == (
        "Xi Jinping", "actor", "Emomali Rahmon", "recipient", "TJK")


def test_api_events_paginate(client: TestClient) -> None:
    body = get(client, "/api/events?limit=4&offset=4")
    assert (body["count"], len(body["data"]), body["offset"]) == (13, 4, 4)


@pytest.mark.parametrize(("url", "message"), [
    ("/api/events?since=2024-02-30", "malformed since"),
    ("/api/events?country=ABC", "unknown country code"),
    ("/api/events?limit=-1", "limit must not be negative"),
    ("/api/events?type=MEET", "unknown event type"),
    ("/api/counts?until=2024/01", "malformed until"),
    ("/api/dyads/CHN/XXX", "unknown country code"),
    ("/api/graph?since=yesterday", "malformed since"),
])
def test_api_bad_parameters_answer_422(client: TestClient, url: str, message: str) -> None:
    assert message in get(client, url, 422)["detail"]


def test_api_event_and_document(client: TestClient) -> None:
    first = get(client, "/api/events?dyad=CHN,TJK&type=CONSULT&since=2024-07&until=2024-07")["data"][0]
    one = get(client, f"/api/events/{first['id']}")
    assert len(one["sources"]) == len(one["reports"]) == one["documents"] == 2
    assert {r["event_id"] for r in one["reports"]} == {first["id"]}
    assert get(client, f"/api/events/{one['reports'][1]['id']}")["id"] == first["id"]  # a report finds its event
    doc = get(client, f"/api/documents/{first['document']['id']}")
    assert doc["record"]["document"]["id"] == first["document"]["id"]
    reports = {r["id"] for r in one["reports"]}
    assert any(s["kind"] == "event" and s["item_id"] in reports for s in doc["spans"])
    get(client, "/api/events/nope", 404)
    get(client, "/api/documents/nope", 404)


def test_api_dyad_partnerships_graph(client: TestClient) -> None:
    dyad = get(client, "/api/dyads/CHN/TJK")
    assert dyad["partnership"]["level_normalized"] == NEW_ERA
    assert {i["kind"] for i in dyad["data"]} == {"event", "agreement", "partnership"}
    assert all(s["document"]["id"] and s["evidence"]["text"] for i in dyad["data"] for s in i["sources"])
    pairs = get(client, "/api/partnerships")
    assert pairs["count"] == 1 and pairs["data"][0]["current"]["rank"] == 95
    graph = get(client, "/api/graph?since=2022")
    assert {n["id"] for n in graph["nodes"]} == {"CHN", "TJK", "USA", "RUS", "UKR", "IGO:EU"}


def test_api_search_counts_actors(client: TestClient) -> None:
    assert get(client, "/api/search?q=Kherson")["count"] == 1
    counts = get(client, "/api/counts?country=USA")
    assert counts["data"] == [{"month": "2021-12", "count": 3}, {"month": "2022-02", "count": 2}]
    actors = get(client, "/api/actors?type=person")
    assert actors["count"] == 4 and all(a["type"] == "person" for a in actors["data"])


def test_api_openapi_lists_every_resource(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/documents/{doc_id}",
              "/api/dyads/{a}/{b}", "/api/partnerships", "/api/graph", "/api/search", "/api/counts"):
        assert p in paths
    assert "/dyads/{a}/{b}" not in paths


def test_web_pages_have_json_twins(client: TestClient) -> None:
    assert get(client, "/dyads/CHN/TJK.json")["dyad"] == get(client, "/api/dyads/CHN/TJK")
    twin = get(client, "/events.json?country=UKR&quad_class=3")
    assert twin["events"]["count"] == 2 and twin["counts"]["total"] == 2
    home = get(client, "/.json")
    assert home["relationships"][0]["a"] == "CHN" and home["partnerships"]["count"] == 1
    doc_id = home["events"]["data"][0]["document"]["id"]
    assert get(client, f"/documents/{doc_id}.json")["document"]["id"] == doc_id
    assert get(client, "/graph.json")["graph"]["nodes"]
    assert get(client, "/events.json?since=2024-99", 422)["detail"].startswith("malformed since")


def test_web_home_links_to_the_dyad_and_partnership_levels(client: TestClient) -> None:
    html = client.get("/").text
    assert html.count('href="/dyads/CHN/TJK"') >= 2
    assert 'id="relationships"' in html and 'id="partnership-levels"' in html
    assert 'src="http' not in html and 'href="http' not in html  # offline: no CDN, no external asset


def test_web_document_highlights_every_item(client: TestClient) -> None:
    doc_id = get(client, "/api/events?type=SUPPORT&country=TJK")["data"][0]["document"]["id"]
    html = client.get(f"/documents/{doc_id}").text
    for kind in ("event", "actor", "agreement", "partnership"):
        assert f'class="hl hl-{kind}"' in html
    assert 'title="CONSULT/visit · CHN → TJK · 2024-07-05' in html


def test_web_errors_are_pages(client: TestClient) -> None:
    r = client.get("/events?country=ZZZ")
    assert r.status_code == 422 and "unknown country code" in r.text and "<html" in r.text
    assert client.get("/documents/nope").status_code == 404


def test_web_escapes_text(tmp_path: Path) -> None:
    text = "<script>alert(1)</script> The United States accused Russia."
    evidence = Evidence(text="The United States accused Russia.", start=26, end=59)
    rec = Record(document=DocumentInfo(id=content_hash(text), source="x.txt", title="<b>bold</b>"),
                 events=[Event(type="ACCUSE", actor=["USA"], recipient=["RUS"], date="2024", evidence=evidence)])
    store = SQLiteStore(tmp_path / "x.db")
    store.write_batch([(text, rec)])
    store.close()
    with TestClient(create_app(tmp_path / "x.db")) as c:
        html = c.get(f"/documents/{content_hash(text)}").text
        events = c.get("/events").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>bold</b>" not in events and "&lt;b&gt;bold&lt;/b&gt;" in events


def test_api_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_api_a_quad_class_that_is_a_digit_but_no_number_is_a_client_error(client: TestClient) -> None:
    # "²" is a digit to str.isdigit() and no number to int(): a 422 naming the parameter, not a 500
    r = client.get("/api/counts", params={"quad_class": "²"})
    assert r.status_code == 422 and "quad_class" in r.text
