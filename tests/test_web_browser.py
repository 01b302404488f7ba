"""The web page in Debian's Chromium via Playwright: a newcomer's path through the fixture store."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect

from communique.api import create_app
from tests.fixtures_store import NEW_ERA, SEED_TITLE

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).parent / "output" / "screenshots"


@pytest.fixture(scope="module")
def base_url_live(query_db: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(query_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_browser_search_filters_events_and_counts(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/")
    page.fill("#search-form input[name=search]", "sanctions")
    page.click("#search-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/events\?search=sanctions"))
    expect(page.locator("#event-count")).to_have_text("1")
    expect(page.locator("tr.event-row")).to_have_count(1)
    expect(page.locator("tr.event-row .badge")).to_have_text("SANCTION")
    expect(page.locator("figure.chart rect.bar")).not_to_have_count(0)
    shot(page, "events-search")


def test_browser_dyad_upgrade_within_three_clicks(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/")
    shot(page, "home")
    page.locator("#relationships a", has_text="China – Tajikistan").click()  # click 1
    expect(page).to_have_url(re.compile(r"/dyads/CHN/TJK$"))
    expect(page.locator("h1")).to_have_text("China – Tajikistan")
    expect(page.locator("#current-level")).to_contain_text(NEW_ERA)
    upgrade = page.locator("li.item-partnership", has_text=NEW_ERA)
    expect(upgrade).to_contain_text("2024-07-05")
    expect(upgrade).to_contain_text("upgraded")
    expect(page.locator("li.item-partnership", has_text="comprehensive strategic partnership")).to_contain_text(
        "2017-08-31")
    shot(page, "dyad-chn-tjk")


def test_browser_partnership_levels_lead_to_the_dyad(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/")
    page.locator("#partnership-levels a.dyad-link").first.click()
    expect(page.locator("#current-level")).to_contain_text("rank 95")


def test_browser_document_highlights_events(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/dyads/CHN/TJK")
    item = page.locator("li.item-event", has_text="SUPPORT").first
    item.locator("summary").click()
    item.locator("ul.sources a", has_text=SEED_TITLE).click()
    expect(page.locator("h1")).to_have_text(SEED_TITLE)
    marks = page.locator("#doc-text mark.hl-event")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 4
    consult = page.locator('#doc-text mark.hl-event[data-label="CONSULT: CHN → TJK"]').first
    expect(consult).to_have_attribute("title", re.compile("CAMEO 042"))
    consult.click(position={"x": 5, "y": 5})
    expect(page.locator("#coding")).to_contain_text("CONSULT")
    expect(page.locator("#doc-text mark.hl-partnership")).not_to_have_count(0)
    shot(page, "document-seed")


def test_browser_graph_click_lists_events(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/graph")
    node = page.locator('#graph g.node[data-id="TJK"]')
    expect(node).to_have_count(1)
    node.locator("circle").click()
    expect(page.locator("#selection h2")).to_have_text("Tajikistan")
    expect(page.locator("#selection-events li")).to_have_count(6)
    page.locator('#graph line.edge[data-source="RUS"][data-target="USA"]').click(force=True)
    expect(page.locator("#selection-events li")).to_have_count(2)
    shot(page, "graph")
