"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; never a browser that
a tool downloads): a real uvicorn server on loopback over a SQLite store, the real extraction worker and model.

The store is filled through the app's own API (the examples/ articles, with the token) and holds the invented
articles of tests/storydata.py, one of them carrying ``<script>``/``onerror=`` payloads. Screenshots of each page go
to a temporary directory, or to ``$ONRECORD_WEB_SCREENSHOTS`` when set (docs/img/ holds the ones kept).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [pytest.mark.browser, pytest.mark.model]

PASTED = ("Harbor council backs night ferry\n\n"
          "The Tarnwick harbour council voted on Monday to run a night ferry across the bay from June.\n\n"
          "\u201cPeople who work late deserve a way home,\u201d said councillor Petra Voss, who proposed the plan. "
          "She said the service would cost less than a new bus route.\n\n"
          "Harbour master Idris Calloway told reporters the pier lights would be replaced first. "
          "\u201cWe will not run a boat in the dark,\u201d Calloway said.")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, token: str, corpus_of_web: Any,
           live_module: Any) -> Iterator[dict[str, Any]]:
    import httpx

    from onrecord.record import open_store
    from onrecord.web import Config, create_app

    db = str(tmp_path_factory.mktemp("browser") / "web.db")
    with open_store(db) as store:
        store.add(corpus_of_web())
    auth = {"authorization": f"Bearer {token}"}
    with live_module(create_app(Config(db=db, token=token))) as base:
        with httpx.Client(base_url=base, headers=auth, timeout=180) as api:  # the examples, through the API
            for line in (EXAMPLES / "local-briefs.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    assert api.post("/api/articles", json=json.loads(line)).status_code in (200, 201)
            html = (EXAMPLES / "estmark-grain-imports.html").read_bytes()
            assert api.post("/api/articles", content=html, headers={"content-type": "text/html"}).is_success
            text = (EXAMPLES / "port-calloway-bridge.txt").read_text(encoding="utf-8")
            body = {"text": text, "title": text.splitlines()[0], "outlet": "Calloway Courier",
                    "published": "2031-10-07"}
            assert api.post("/api/articles", json=body).is_success
        yield {"base": base, "token": token}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it must not: dialogs opened, CSP violations and script errors."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


@pytest.fixture
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True,
                                  base_url=server["base"])
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def _sign_in(page: Any, token: str) -> None:
    page.goto("/login?next=/paste")
    page.fill("#token", token)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url("**/paste")


def test_paste_an_article_see_highlights_and_select_a_statement(page: Any, server: dict[str, Any],
                                                                screenshots: Path) -> None:
    _sign_in(page, server["token"])
    cookie = next(c for c in page.context.cookies() if c["name"] == "onrecord_session")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert server["token"] not in cookie["value"]
    page.fill("#paste-text", PASTED)
    page.click("form[action='/paste'] summary")  # title, outlet, date: folded away
    page.fill("#paste-outlet", "Tarnwick Evening Star")
    page.click("form[action='/paste'] button[type=submit]")
    page.wait_for_url("**/articles/*", timeout=120_000)
    text = page.locator("#article-text")
    assert text.inner_text() == PASTED  # the text, exactly, with highlights laid over it
    quoted = page.locator("#article-text .hl.content.quoted")
    assert quoted.count() >= 2
    assert "People who work late deserve a way home," in quoted.all_inner_texts()
    assert page.locator("#article-text .hl.source").count() >= 2
    assert page.locator("#article-text .hl.cue").count() >= 2
    assert "Petra Voss" in page.locator(".speakers-side").inner_text()
    page.screenshot(path=str(screenshots / "pasted.png"))

    # mouse: click a highlighted statement, read its details
    quoted.filter(has_text="People who work late").first.click()
    details = page.locator("#details")
    assert "Petra Voss" in details.inner_text() and "direct" in details.inner_text()
    for field in ("Speaker", "Kind", "Type", "Channel", "Relay", "Cue", "Confidence"):
        assert field in details.inner_text()
    assert page.locator("#article-text .hl.selected").count() >= 1

    # keyboard: Tab to a statement's first words, Enter selects it
    second = page.locator("#s-2")
    second.focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("data-selected") == "2"
    assert page.watch.dialogs == [] and page.watch.errors == []


def test_speaker_page_and_its_chart(page: Any, server: dict[str, Any], screenshots: Path) -> None:
    page.goto("/speakers?name=Quill")
    page.click("table.rows a:has-text('Marta Quill')")
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text() == "Marta Quill"
    chart = page.locator("#timeline-chart")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('timeline-chart').complete")
    assert chart.evaluate("img => img.naturalWidth") > 0  # the SVG loaded and rendered
    assert page.locator("table.rows tbody tr").count() >= 4
    page.screenshot(path=str(screenshots / "speaker.png"), full_page=True)
    # a statement links to its place in the article, which selects it
    page.locator("table.rows tbody a").first.click()
    page.wait_for_url("**/articles/*#s-*")
    assert page.locator("#details").get_attribute("data-selected") == page.url.rsplit("#s-", 1)[1]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshots / "article-selected.png"))
    assert page.watch.errors == []


def test_search_with_a_facet(page: Any, screenshots: Path) -> None:
    page.goto("/")
    page.fill("#home-q", "bridge")
    page.click("form.big-search button")
    page.wait_for_url("**/search?q=bridge")
    hits = page.locator("article.hit")
    everything = hits.count()
    assert everything >= 3 and page.locator("article.hit mark").first.inner_text().lower() == "bridge"
    speakers = page.locator(".facet:has(h3:text('Speaker')) li a")
    chosen = speakers.first.inner_text()
    expected = int(page.locator(".facet:has(h3:text('Speaker')) li .count").first.inner_text())
    speakers.first.click()
    page.wait_for_url("**speaker_id=*")
    assert hits.count() == expected < everything
    assert all(chosen in meta for meta in page.locator("article.hit .meta").all_inner_texts())
    page.screenshot(path=str(screenshots / "search.png"))
    assert page.watch.errors == []


def test_download_a_csv_twin(page: Any) -> None:
    page.goto("/search?q=bridge")
    with page.expect_download() as download:
        page.click("a[data-twin=csv]")
    path = download.value.path()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,article_id,number,score,snippet,speaker")
    assert len(lines) >= 4 and download.value.suggested_filename == "search.csv"


def test_stats_page_charts(page: Any, screenshots: Path) -> None:
    page.goto("/stats")
    for img in page.locator("img").all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=img.element_handle())
        assert img.evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=str(screenshots / "stats.png"), full_page=True)
    page.goto("/")
    page.screenshot(path=str(screenshots / "home.png"))
    assert page.watch.errors == []


def test_markup_in_an_article_is_text_and_fires_nothing(page: Any, server: dict[str, Any], screenshots: Path,
                                                        hostile: str) -> None:
    page.goto("/articles?outlet=Coastline+%3CCourier%3E")
    page.click("table.rows a")
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text").inner_text() == hostile
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert 'alert("title")' in page.locator("h1").inner_text()
    page.locator("#article-text .hl.content").first.hover()
    page.locator("#s-2").click()
    assert "onerror=alert(1)" in page.locator("#details").inner_text()
    page.screenshot(path=str(screenshots / "hostile.png"))
    # and pasted through the form, the same
    _sign_in(page, server["token"])
    page.fill("#paste-text", hostile.replace("Mayor", "Deputy mayor"))
    page.click("form[action='/paste'] button[type=submit]")
    page.wait_for_url("**/articles/*", timeout=120_000)
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.watch.dialogs == []
    assert not [e for e in page.watch.errors if "Content Security Policy" not in e]


def test_pages_read_without_javascript(browser: Any, server: dict[str, Any]) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server["base"])
    page = context.new_page()
    page.goto("/articles?limit=1")
    page.click("table.rows a")
    assert page.locator("#article-text .hl").count() > 0
    assert page.locator(".statement dl").count() == page.locator(".statement").count() > 0
    context.close()
