"""Provenance in the web app: the article page's card and ⚑ marks, the speaker page's flags, /flags with its twins,
and the paste page's check (not stored).

Two invented Lakeview articles are ingested with the real model into a real SQLite store (``onrecord ingest``'s
own code), so the flags are the ones the store computes: Ana Lind's full reversal across the two articles, and the
leaked, unsigned draft letter whose authenticity Ivo Tarn disputes. The browser test drives Debian's headless
Chromium and writes its screenshots to ``$ONRECORD_WEB_SCREENSHOTS`` (or a temporary directory). The tests of the
rendering alone (escaping, a store without flags) use the web fixtures' store and need no model.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.record import open_store

LETTER = ("An unsigned draft letter from the Lakeview council was leaked to the Harlow Post. "
          "Ivo Tarn said the letter was not genuine.")
ARTICLES = [
    {"id": "lake-1", "title": "Lakeview plant to close", "outlet": "Lakeview Ledger", "published": "2031-03-01",
     "text": "The Lakeview plant will close, Ana Lind said on Monday, according to Lakeview Ledger reporter Mira "
             "Oduya.\n\n" + LETTER},
    {"id": "lake-2", "title": "Lakeview plant saved", "outlet": "Harlow Post", "published": "2031-03-08",
     "text": "Ana Lind said on Monday that the Lakeview plant will not close."},
]
#: A fact-checker's one article: a reversal within it, and the letter.
PASTED = ("Lakeview plant vote\n\nThe Lakeview plant will close, Ana Lind said on Monday. On Friday, Lind said that "
          "the Lakeview plant will not close.\n\n" + LETTER)


# --- the Lakeview store (real model) -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lakeview(tmp_path_factory: pytest.TempPathFactory) -> str:
    from onrecord.record.commands import ingest_paths

    where = tmp_path_factory.mktemp("lakeview")
    source = where / "lakeview.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(where / "web.db")
    with open_store(db) as store:
        assert ingest_paths(store, [source]).stored == 2
    return db


@pytest.fixture(scope="module")
def web(lakeview: str) -> Iterator[TestClient]:
    from onrecord.web import Config, create_app

    app = create_app(Config(db=lakeview))  # the real extraction worker (the paste check)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        yield client


def _ids(client: TestClient) -> dict[str, int]:
    return {r["doc_id"]: r["id"] for r in client.get("/articles.json").json()["rows"]}


def _lind(client: TestClient) -> int:
    return int(client.get("/speakers.json", params={"name": "Ana Lind"}).json()["rows"][0]["id"])


def _text(page: str) -> str:
    """A page's words, tags dropped, entities read, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.model
def test_article_page_shows_the_reversal_with_both_statements(web: TestClient) -> None:
    ids = _ids(web)
    page = web.get(f"/articles/{ids['lake-1']}").text
    card = page[page.index('id="provenance"'):page.index('class="statements"')]
    words = _text(card)
    assert "Flags (1)" in words and "reversal Full The Lakeview plant: close" in words
    assert "opposite polarity" in words and "Evidence: close , not close" in words
    assert "Earlier Ana Lind via Mira Oduya, Lakeview Ledger The Lakeview plant will close" in words
    assert "Later Ana Lind that the Lakeview plant will not close" in words
    assert "Lakeview plant saved · statement #1 Harlow Post · 2031-03-08" in words
    assert f'href="/articles/{ids["lake-2"]}#s-1"' in card and 'href="#s-1"' in card  # the other article; here
    assert '<span class="badge rating rating-full" title="rating">Full</span>' in card
    # the documents: the letter, unsigned, a draft, leaked; its authenticity disputed by Ivo Tarn
    assert "Documents (1)" in words and "the letter by the Lakeview council unsigned a draft leaked" in words
    assert "disputed by Ivo Tarn" in words and "not genuine" in words
    # the statement in the text carries the ⚑ mark linking to the flag, and its words the class
    text = page[page.index('id="article-text"'):page.index("</div>", page.index('id="article-text"'))]
    assert text.count('class="flag-mark"') == 1
    assert re.search(r'<a class="flag-mark" href="#flag-\d+" title="reversal \(full\)"', text)
    assert 'flagged' in text and "⚑" not in text  # the mark is drawn by CSS: the text stays the article's
    anchor = re.search(r'class="flag-mark" href="#(flag-\d+)"', text)[1]  # type: ignore[index]
    assert f'id="{anchor}"' in card
    assert f'href="#{anchor}">⚑ reversal (full)</a>' in page  # in the statement's details
    data = web.get(f"/articles/{ids['lake-1']}.json").json()
    kinds = sorted(f["kind"] for f in data["flags"])
    assert kinds == ["document", "reversal"]
    reversal = next(f for f in data["flags"] if f["kind"] == "reversal")
    assert reversal["a"]["relays"] == [{"name": "Mira Oduya", "outlet": "Lakeview Ledger"}]
    assert reversal["b"]["title"] == "Lakeview plant saved"
    # the later article shows the same flag
    later = _text(web.get(f"/articles/{ids['lake-2']}").text)
    assert "reversal Full" in later and "Lakeview plant to close · statement #1" in later


@pytest.mark.model
def test_speaker_page_lists_the_reversal_and_marks_the_timeline(web: TestClient) -> None:
    lind = _lind(web)
    page = web.get(f"/speakers/{lind}").text
    flags = page[page.index('id="flags"'):page.index("<h2>Statements</h2>")]
    words = _text(flags)
    assert "Reversals and conflicts (1)" in words and "reversal Full" in words
    assert "The Lakeview plant will close" in words and "that the Lakeview plant will not close" in words
    timeline = page[page.index("<h2>Statements</h2>"):]
    assert timeline.count('class="flagged-row"') == 2 and timeline.count("⚑ reversal (full)") == 2
    anchor = re.search(r'id="(flag-\d+)"', flags)[1]  # type: ignore[index]
    assert timeline.count(f'href="#{anchor}"') == 2
    data = web.get(f"/speakers/{lind}.json").json()
    assert [e["flags"] for e in data["timeline"]["rows"]] == [["reversal (full)"]] * 2
    assert [f["kind"] for f in data["flags"]] == ["reversal"]
    rows = list(csv.DictReader(io.StringIO(web.get(f"/speakers/{lind}.csv").text)))
    assert [r["flags"] for r in rows] == ["reversal (full)"] * 2


@pytest.mark.model
def test_flags_page_and_its_twins(web: TestClient) -> None:
    lind = _lind(web)
    words = _text(web.get("/flags").text)
    assert "reversal Full The Lakeview plant: close" in words and "document the letter" in words
    only = _text(web.get("/flags", params={"kind": "reversal"}).text)
    assert "reversal Full" in only and "document the letter" not in only
    mine = web.get("/flags", params={"speaker_id": lind}).text
    assert "Flags of" in mine and "reversal Full" in _text(mine) and "document the letter" not in _text(mine)
    assert "reversal Full" in _text(web.get("/flags", params={"speaker": "Ana Lind"}).text)
    data = web.get("/flags.json", params={"kind": "reversal"}).json()
    (flag,) = data["rows"]
    assert (flag["kind"], flag["rating"], flag["speaker"]) == ("reversal", "full", "Ana Lind")
    assert flag["a"]["text"] == "The Lakeview plant will close"
    assert flag["b"]["text"] == "that the Lakeview plant will not close"
    assert data["next"] is None and data["filters"] == {"kind": "reversal"}
    first = web.get("/flags.json", params={"limit": 1}).json()
    second = web.get("/flags.json", params={"limit": 1, "after": first["next"]}).json()
    assert first["next"] and len(second["rows"]) == 1 and second["rows"][0]["id"] < first["rows"][0]["id"]
    rows = list(csv.DictReader(io.StringIO(web.get("/flags.csv", params={"kind": "reversal"}).text)))
    assert [(r["kind"], r["a_speaker"], r["b_title"]) for r in rows] == [("reversal", "Ana Lind",
                                                                          "Lakeview plant saved")]
    assert 'href="/flags">Flags</a>' in web.get("/").text  # in the navigation


@pytest.mark.model
def test_pasted_article_is_checked_with_its_flags_and_not_stored(web: TestClient) -> None:
    before = len(_ids(web))
    form = web.get("/paste").text
    assert 'formaction="/paste/check"' in form and 'action="/paste/check"' in form  # read-only: check only
    response = web.post("/paste/check", data={"text": PASTED, "mode": "fast"})
    assert response.status_code == 200
    page = response.text
    assert "Checked, not stored" in page and "This page as" not in page
    words = _text(page[page.index('id="provenance"'):])
    assert "Flags (1)" in words and "reversal Full" in words
    assert "Earlier Ana Lind The Lakeview plant will close" in words
    assert "Later Ana Lind that the Lakeview plant will not close" in words
    assert "the letter by the Lakeview council unsigned a draft leaked" in words and "disputed by Ivo Tarn" in words
    card = page[page.index('id="provenance"'):]
    assert 'href="#s-1"' in card and 'href="#s-2"' in card and "/articles/" not in card
    assert page.count('class="flag-mark"') == 2  # both statements of the reversal
    assert len(_ids(web)) == before


# --- rendering without the model -----------------------------------------------------------------------------------


def _hostile_flag(url: str) -> None:
    """A flag whose every field is markup, on two statements of the fixtures' store."""
    evil = '<script>alert("flag")</script>'
    with open_store(url) as store:
        (a, a_article), (b, b_article) = store.rows(
            "SELECT id, article_id FROM attributions ORDER BY id LIMIT 2")
        side = {"speaker": evil, "text": evil, "published": "2030-01-01", "outlet": evil, "via": [evil]}
        data = {"kind": "conflict", "rating": None, "subject": evil, "reason": evil, "speaker": evil, "other": evil,
                "evidence": [evil], "a": {**side, "ordinal": 0, "attribution_id": a, "article_id": a_article},
                "b": {**side, "ordinal": 1, "attribution_id": b, "article_id": b_article}, "document": None,
                "also": []}
        with store.transaction():
            store.execute(
                "INSERT INTO flags (kind, rating, subject, reason, speaker, other, a_attribution_id,"
                " b_attribution_id, article_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ("conflict", None, evil, evil, evil, evil, a, b, a_article, json.dumps(data), "2030-01-01"))


def test_flags_are_escaped_everywhere(db_url: str, client_factory: Any) -> None:
    _hostile_flag(db_url)
    with client_factory(db_url) as client:
        flag = client.get("/flags.json").json()["rows"][0]
        pages = [client.get("/flags").text, client.get(f"/articles/{flag['article_id']}").text]
        for page in pages:
            assert '<script>alert("flag")' not in page and "&lt;script&gt;alert(&#34;flag&#34;)" in page
            assert not re.search(r"<script>|<style|<[a-z][^>]*\s(style|on[a-z]+)=", page)  # nothing inline


def test_a_store_without_flags(client: TestClient) -> None:
    assert "No flags" in client.get("/flags").text
    assert client.get("/flags.json").json() == {"rows": [], "next": None, "limit": 50, "filters": {}}
    article = client.get("/articles.json?limit=1").json()["rows"][0]["id"]
    page = client.get(f"/articles/{article}").text
    assert "No reversal or conflict found." in page and 'class="flag-mark"' not in page
    assert client.get(f"/articles/{article}.json").json()["flags"] == []


@pytest.mark.parametrize("query, status, kind", [
    ("kind=rumour", 422, "bad_request"),
    ("speaker=Hal+Nobody", 404, "not_found"),
    ("after=x", 422, "bad_request"),
    ("limit=0", 422, "bad_request"),
])
def test_flags_bad_filters(client: TestClient, query: str, status: int, kind: str) -> None:
    response = client.get(f"/flags.json?{query}")
    assert response.status_code == status and response.json()["error"]["type"] == kind


def test_the_check_needs_no_token(writer: TestClient) -> None:
    form = writer.get("/paste").text  # a server with a token, not signed in: check only
    assert 'action="/paste/check"' in form and "Extract and store" not in form
    response = writer.post("/paste/check", data={"text": "\u201cThe ferry is late,\u201d Piet Varga said."})
    assert response.status_code == 200 and "Checked, not stored" in response.text
    assert "The ferry is late," in _text(response.text) and "No reversal or conflict found." in response.text


# --- in Chromium ---------------------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.browser
def test_in_chromium(lakeview: str, screenshots: Path, live: Any, chromium: Any) -> None:
    from onrecord.web import Config, create_app

    with live(create_app(Config(db=lakeview))) as base, chromium(base) as (page, errors):
        page.goto("/articles")
        page.click("table.rows a:has-text('Lakeview plant to close')")
        page.wait_for_url("**/articles/*")
        assert page.locator("#article-text").inner_text() == ARTICLES[0]["text"]  # the marks are not text
        mark = page.locator("#article-text a.flag-mark")
        assert mark.count() == 1 and mark.evaluate("a => getComputedStyle(a, '::before').content") == '"⚑"'
        page.screenshot(path=str(screenshots / "provenance-article.png"))
        mark.click()
        page.wait_for_url("**#flag-*")
        flag = page.locator("li.flag:target")
        assert "The Lakeview plant will close" in flag.inner_text()
        assert "that the Lakeview plant will not close" in flag.inner_text()
        page.locator("#provenance").screenshot(path=str(screenshots / "provenance-card.png"))
        flag.locator("a:has-text('Lakeview plant saved')").click()
        page.wait_for_url("**/articles/*#s-1")
        assert page.locator("#details").get_attribute("data-selected") == "1"

        page.goto("/flags")
        assert page.locator("li.flag").count() == 2
        page.screenshot(path=str(screenshots / "provenance-flags.png"), full_page=True)
        page.click("li.flag-reversal a:has-text('Lakeview plant to close')")
        page.wait_for_url("**/articles/*#s-1")

        page.goto("/speakers?name=Lind")
        page.click("table.rows a:has-text('Ana Lind')")
        page.wait_for_url("**/speakers/*")
        assert page.locator("#flags li.flag").count() == 1
        assert page.locator("tr.flagged-row").count() == 2
        page.locator("#flags").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "provenance-speaker.png"), full_page=True)

        page.goto("/paste")
        page.fill("#paste-text", PASTED)
        page.click("form button[formaction='/paste/check']")
        page.wait_for_selector("#provenance", timeout=120_000)
        assert page.locator("h1").inner_text() == "Lakeview plant vote"  # the headline, from CRLF lines
        assert page.locator("#provenance li.flag-reversal").count() == 1
        assert page.locator("#provenance li.flag-document").count() == 1
        page.screenshot(path=str(screenshots / "provenance-paste.png"), full_page=True)
    assert errors == []
