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
    yield from serve(query_db)


@pytest.fixture(scope="module")
def dense_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store whose graph is dense (22 parties, about 50 links of cooperation, conflict or both)."""
    import random

    from communique.records import DocumentInfo, Event, Evidence, Record, content_hash
    from communique.store import SQLiteStore

    codes = ["USA", "CHN", "RUS", "UKR", "IND", "GBR", "FRA", "DEU", "JPN", "TUR", "IRN", "ISR", "BRA", "KOR", "SAU",
             "PAK", "TJK", "KAZ", "EGY", "ZAF", "IGO:EU", "IGO:UN"]
    rnd = random.Random(3)
    records = []
    for i in range(60):
        a, b = rnd.sample(codes, 2)
        conflict = rnd.random() < 0.3
        t = f"Document {i}: {a} and {b} met on day {i}."
        ev = Event(type="ACCUSE" if conflict else "CONSULT", cameo="112" if conflict else "040",
                   quad_class=3 if conflict else 1, actor=[a], recipient=[b], date=f"2023-01-{i % 28 + 1:02d}",
                   evidence=Evidence(text=t, start=0, end=len(t)))
        records.append((t, Record(document=DocumentInfo(id=content_hash(t), source=f"d{i}.txt"), events=[ev])))
    db = tmp_path_factory.mktemp("dense") / "dense.db"
    store = SQLiteStore(db)
    store.write_batch(records)
    store.close()
    yield from serve(db)


def serve(db: Path) -> Iterator[str]:
    """The app on a free loopback port, in a thread, stopped after the module's tests."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
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
    consult = page.locator('#doc-text mark.hl-event[data-label*="(CONSULT: CHN → TJK)"]').first
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
    page.locator('#graph path.edge[data-source="RUS"][data-target="USA"]').click(force=True)
    expect(page.locator("#selection-events li")).to_have_count(2)
    shot(page, "graph")


def test_browser_document_click_picks_the_item_pointed_at(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/dyads/CHN/TJK")
    page.locator("li.item-event", has_text="SUPPORT").first.locator("summary").click()
    page.locator("li.item-event", has_text="SUPPORT").first.locator("ul.sources a", has_text=SEED_TITLE).click()
    # an actor inside an event's sentence: the click picks the actor, a second click the event
    rahmon = page.locator('#doc-text mark.hl-actor[data-item="person:emomali-rahmon"]').first
    rahmon.click()
    expect(page.locator("#coding")).to_have_attribute("data-kind", "actor")
    expect(page.locator("#coding")).to_contain_text("Emomali Rahmon")
    rahmon.click()
    expect(page.locator("#coding")).to_have_attribute("data-kind", "event")
    expect(page.locator("#coding")).to_contain_text("Xi Jinping held talks with Emomali Rahmon in Dushanbe")
    # three items on one sentence (the agreement, the upgrade, the signing): one picked, the others offered
    signed = page.locator("#doc-text mark.hl-agreement").first
    signed.click(position={"x": 4, "y": 4})
    expect(page.locator("#coding")).to_have_attribute("data-kind", "agreement")
    also = page.locator("#coding .also button")
    expect(also).to_have_count(2)
    also.filter(has_text="partnership").click()
    expect(page.locator("#coding")).to_have_attribute("data-kind", "partnership")
    # layers never hide each other: every mark inside another keeps its own visible underline
    lines = page.evaluate("""() => [...document.querySelectorAll('#doc-text mark.hl mark.hl')].map((m) => {
        const s = getComputedStyle(m), o = getComputedStyle(m.parentElement.closest('mark.hl'));
        return [s.textDecorationLine, s.textUnderlineOffset, o.textUnderlineOffset, s.textDecorationColor,
                o.textDecorationColor, m.dataset.kind, m.parentElement.closest('mark.hl').dataset.kind]; })""")
    assert lines
    for line, offset, outer_offset, colour, outer_colour, kind, outer_kind in lines:
        assert line == "underline"
        if kind != outer_kind:
            assert offset != outer_offset and colour != outer_colour, (kind, outer_kind)
    # the sidebar names each item
    sidebar = page.locator("#coding-panel")
    expect(sidebar.locator('ul[data-kind="honour"] li')).to_have_text(
        re.compile("Friendship Medal to Emomali Rahmon"))
    expect(sidebar.locator('ul[data-kind="agreement"]')).to_contain_text(f"joint statement on the {NEW_ERA}")
    shot(page, "document-layers")


@pytest.mark.parametrize("store", ["fixture", "dense"])
def test_browser_graph_legend_labels_and_clear_edges(page: Page, base_url_live: str, dense_url: str,
                                                     store: str) -> None:
    page.goto((base_url_live if store == "fixture" else dense_url) + "/graph")
    legend = page.locator("#graph-legend")
    kinds = set(page.eval_on_selector_all("#graph path.edge", "es => es.map((e) => e.dataset.kind)"))
    assert "mixed" in kinds or "conflict" in kinds
    for kind in kinds | {"country", "organization", "width"}:  # a legend entry for every colour drawn
        expect(legend.locator(f'li[data-legend="{kind}"]')).to_have_count(1)
    report = page.evaluate("""() => {
        const nodes = [...document.querySelectorAll('#graph g.node')].map((g) => {
          const m = g.getAttribute('transform').match(/translate\\(([-\\d.]+),([-\\d.]+)\\)/);
          return {id: g.dataset.id, x: +m[1], y: +m[2], r: +g.querySelector('circle').getAttribute('r')}; });
        const through = [];
        for (const e of document.querySelectorAll('#graph path.edge')) {
          const len = e.getTotalLength();
          for (const n of nodes) {
            if (n.id === e.dataset.source || n.id === e.dataset.target) continue;
            for (let i = 0; i <= 50; i++) {
              const p = e.getPointAtLength(len * i / 50);
              if (Math.hypot(p.x - n.x, p.y - n.y) < n.r) { through.push([e.dataset.source, e.dataset.target, n.id]); break; }
            }
          }
        }
        const boxes = [...document.querySelectorAll('#graph text.label')].map((t) => t.getBBox());
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
        }
        const size = Math.min(...[...document.querySelectorAll('#graph text.label')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
        return {through, overlaps, labels: boxes.length, nodes: nodes.length, size};
    }""")
    assert report["labels"] == report["nodes"] > 3
    assert report["through"] == [], report["through"]
    assert report["overlaps"] == 0 and report["size"] >= 12
    shot(page, f"graph-legend-{store}")


def test_browser_lists_paginate(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/actors?limit=3")
    rows = page.locator("table.actors tbody tr")
    expect(rows).to_have_count(3)
    first = rows.first.inner_text()
    expect(page.locator("nav.pager .range")).to_have_text("1–3 of 8 actors")
    page.locator("nav.pager a[rel=next]").click()
    expect(page.locator("nav.pager .range")).to_have_text("4–6 of 8 actors")
    assert rows.first.inner_text() != first
    page.locator("nav.pager a[rel=prev]").click()
    expect(page.locator("nav.pager .range")).to_have_text("1–3 of 8 actors")
    page.goto(base_url_live + "/events?limit=5")
    expect(page.locator("tr.event-row")).to_have_count(5)
    page.locator("nav.pager a[rel=next]").click()
    expect(page.locator("nav.pager .range")).to_have_text("6–10 of 13 events")


def test_browser_search_shows_the_matching_sentence_and_true_counts(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/events?search=talks")
    for q in page.locator("tr.event-row td.evidence q").all():
        expect(q.locator("mark").first).to_have_text(re.compile("^talks$", re.I))
    docs = page.locator("#documents")
    shown = docs.locator("ul > li").count()
    total = int(docs.locator("nav.pager").get_attribute("data-count") or -1)
    assert shown == min(total, 5)
    expect(docs.locator("h2")).to_contain_text(f"({total} ")


def test_browser_country_typed_by_name(page: Page, base_url_live: str) -> None:
    page.goto(base_url_live + "/events")
    page.fill("#filter-form input[name=country]", "Tajikistan")
    page.click("#filter-form button[type=submit]")
    expect(page.locator("#event-count")).to_have_text("6")
    expect(page.locator("#filter-form input[name=country]")).to_have_value("TJK")
    expect(page.locator("tr.event-row td.sentence .what").first).to_be_visible()
    expect(page.locator("td.sentence", has_text="Xi Jinping held talks with Emomali Rahmon in Dushanbe")).to_have_count(1)
    expect(page.locator("td.sentence", has_text="will meet")).to_contain_text("CONSULT")
    page.goto(base_url_live + "/graph")
    page.fill("#graph-form input[name=country]", "tajik")
    page.click("#graph-form button[type=submit]")
    expect(page.locator('#graph g.node[data-id="TJK"]')).to_have_count(1)
    expect(page.locator('#graph g.node[data-id="USA"]')).to_have_count(0)
    shot(page, "country-by-name")


def test_browser_docs_offline(page: Page, base_url_live: str) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: problems.append(r.url) if not r.url.startswith(base_url_live) else None)
    page.goto(base_url_live + "/docs")
    expect(page.locator(".opblock-summary-path", has_text="/api/events").first).to_be_visible(timeout=15000)
    assert problems == [], problems
