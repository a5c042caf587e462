"""Quote families, speaker genders and sourcing in the web app (issue 16): /quotes and /quotes/{id} with their twins
and ClaimReview, the article page's family badges, the speaker page's gender and its token-protected write, the
stats page's gender and sourcing tables, and the families rebuilt after the app stores an article.

A real SQLite store holds three invented articles that carry one quotation (the third drops its "not") and another
(the third changes its number and credits another speaker), stored with the web fixtures' stand-in extraction and
grouped by the store's own :func:`onrecord.record.families.rebuild`; no model is needed. The Chromium test drives
Debian's headless browser over a live server and writes its screenshots to ``$ONRECORD_WEB_SCREENSHOTS`` (or a
temporary directory).
"""

from __future__ import annotations

import csv
import io
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.record import open_store
from onrecord.record.families import rebuild
from onrecord.types import Article, Attribution, CharSpan, Extraction

FARES = "We will not raise the ferry fares this year"
CRANES = "The harbour needs 12 new cranes for the port"
ARTICLES = [
    ("ferry-1", "Outlet One", "2031-01-01", "Fares frozen",
     f"The council met on Monday.\n\n\u201c{FARES},\u201d Ana Lind said. \u201c{CRANES},\u201d Ana Lind said."),
    ("ferry-2", "Outlet Two", "2031-01-02", "No rise in fares",
     f"\u201c{FARES},\u201d Ana Lind said after the vote."),
    ("ferry-3", "Outlet Three", "2031-01-03", "Fares to rise",
     "\u201cWe will raise the ferry fares this year,\u201d Ana Lind said. "
     "\u201cThe harbour needs 20 new cranes for the port,\u201d Ivo Tarn said."),
]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


_QUOTE = re.compile(r"\u201c([^\u201d]+),\u201d ([A-Z][a-z]+ [A-Z][a-z]+) said")


def _extract(doc: str, outlet: str, when: str, title: str, text: str) -> Extraction:
    """Each “quotation,” followed by “Name Name said” is a direct statement of that name (as the web fixtures'
    stand-in extraction reads them)."""
    found = tuple(Attribution(content=CharSpan(m.start(1), m.end(1)), source=CharSpan(m.start(2), m.end(2)),
                              cue=CharSpan(m.end(2) + 1, m.end()), speaker=m[2], speaker_kind="person",
                              type="direct", medium="unknown", confidence=0.9, quoted=(CharSpan(m.start(1), m.end(1)),))
                  for m in _QUOTE.finditer(text))
    return Extraction(article=Article(text=text, id=doc, outlet=outlet, published=when, title=title),
                      attributions=found, pipeline_version="0.1.0", model="fake")


@pytest.fixture(scope="module")
def quotes_db(tmp_path_factory: pytest.TempPathFactory, corpus_of_web: Any) -> str:
    db = str(tmp_path_factory.mktemp("quotes") / "web.db")
    with open_store(db) as store:
        store.add(corpus_of_web())
        store.add([_extract(*a) for a in ARTICLES])
        assert rebuild(store) == 2
    return db


@pytest.fixture
def web(quotes_db: str, client_factory: Any, token: str) -> Iterator[TestClient]:
    with client_factory(quotes_db, token=token) as client:
        yield client


def _family(client: TestClient, words: str) -> dict[str, Any]:
    rows = client.get("/quotes.json", params={"text": words}).json()["rows"]
    assert len(rows) == 1, rows
    return dict(rows[0])


def _article(client: TestClient, doc_id: str) -> int:
    return next(int(r["id"]) for r in client.get("/articles.json?limit=100").json()["rows"] if r["doc_id"] == doc_id)


def _speaker(client: TestClient, name: str) -> int:
    return int(client.get("/speakers.json", params={"name": name}).json()["rows"][0]["id"])


# --- /quotes -------------------------------------------------------------------------------------------------------


def test_quotes_list_and_its_twins(web: TestClient) -> None:
    page = web.get("/quotes")
    assert page.status_code == 200
    assert '<a href="/quotes">Quotes</a>' in page.text  # the nav
    data = web.get("/quotes.json").json()
    assert [r["appearances"] for r in data["rows"]] == [3, 2]  # the most carried first
    fares = _family(web, "ferry fares")
    assert fares["text"].startswith(FARES) and fares["speaker"] == "Ana Lind"
    assert (fares["first_outlet"], fares["first_published"], fares["outlets"], fares["dangerous"]) == \
        ("Outlet One", "2031-01-01", 3, 1)
    assert fares["first_article_id"] == _article(web, "ferry-1")
    assert f'href="/quotes/{fares["family_id"]}"' in page.text and "⚠ 1" in page.text
    rows = _csv(web.get("/quotes.csv").text)
    assert [(int(r["family_id"]), r["text"], int(r["appearances"]), int(r["outlets"]), int(r["dangerous"]))
            for r in rows] == [(r["family_id"], r["text"], r["appearances"], r["outlets"], r["dangerous"])
                               for r in data["rows"]]


@pytest.mark.parametrize(("params", "count"), [
    ({"speaker": "lind"}, 2), ({"speaker": "Nobody"}, 0), ({"dangerous": "true"}, 2), ({"text": "cranes"}, 1),
    ({"text": "cranes", "speaker": "Lind"}, 1), ({"limit": "1"}, 1),
])
def test_quotes_filters(web: TestClient, params: dict[str, str], count: int) -> None:
    assert len(web.get("/quotes.json", params=params).json()["rows"]) == count
    assert len(_csv(web.get("/quotes.csv", params=params).text)) == count
    assert web.get("/quotes", params=params).status_code == 200


def test_quotes_pages_follow_next(web: TestClient) -> None:
    first = web.get("/quotes.json?limit=1").json()
    second = web.get(f"/quotes.json?limit=1&after={first['next']}").json()
    assert second["next"] is None
    assert {first["rows"][0]["family_id"], second["rows"][0]["family_id"]} == \
        {r["family_id"] for r in web.get("/quotes.json").json()["rows"]}
    assert web.get("/quotes.json?after=garbage").status_code == web.get("/articles.json?after=garbage").status_code \
        == 422


# --- /quotes/{id} --------------------------------------------------------------------------------------------------


def test_family_page_shows_the_lost_negation(web: TestClient) -> None:
    fid = _family(web, "ferry fares")["family_id"]
    page = web.get(f"/quotes/{fid}")
    assert page.status_code == 200
    text = page.text
    assert "negation lost" in text and "“not” → “—”" in text
    assert '<del class="d-del d-danger" title="dangerous: not in this version">not</del>' in text
    assert text.index("Outlet One") < text.index("Outlet Two") < text.index("Outlet Three")
    for doc in ("ferry-1", "ferry-2", "ferry-3"):
        assert f'href="/articles/{_article(web, doc)}#s-1"' in text
    data = web.get(f"/quotes/{fid}.json").json()
    assert data["family_id"] == fid and data["size"] == 3
    assert [a["published"] for a in data["appearances"]] == ["2031-01-01", "2031-01-02", "2031-01-03"]
    assert [a["changes"] for a in data["appearances"]][1:] == [["identical"], ["reworded"]]
    assert data["appearances"][2]["warnings"] == ["negation lost: “not” → “—”"]
    rows = _csv(web.get(f"/quotes/{fid}.csv").text)
    assert [r["outlet"] for r in rows] == ["Outlet One", "Outlet Two", "Outlet Three"]
    assert rows[2]["dangerous"] == "negation lost: “not” → “—”" and rows[2]["changes"] == "reworded"


def test_family_page_shows_the_number_and_the_other_speaker(web: TestClient) -> None:
    fid = _family(web, "cranes")["family_id"]
    text = web.get(f"/quotes/{fid}").text
    assert "number changed: 12 → 20" in text
    assert "credited to Ivo Tarn, not Ana Lind" in text
    assert '<del class="d-del d-danger"' in text and '<ins class="d-ins d-danger"' in text


def test_claimreview(web: TestClient) -> None:
    fid = _family(web, "ferry fares")["family_id"]
    one = web.get(f"/quotes/{fid}.claimreview.json")
    assert one.status_code == 200 and one.headers["content-type"].startswith("application/ld+json")
    claim = one.json()
    assert claim == web.get(f"/api/quotes/{fid}/claimreview").json()
    assert claim["@type"] == "Claim" and claim["identifier"] == f"onrecord-family-{fid}"
    assert claim["firstAppearance"]["publisher"]["name"] == "Outlet One"
    assert len(claim["appearance"]) == 3 and claim["author"]["name"] == "Ana Lind"


@pytest.mark.parametrize("url", ["/quotes/999", "/quotes/999.json", "/quotes/999.csv",
                                 "/quotes/999.claimreview.json", "/api/quotes/999/claimreview"])
def test_missing_family(web: TestClient, url: str) -> None:
    assert web.get(url).status_code == 404


def test_a_store_without_families(client: TestClient) -> None:
    assert client.get("/quotes.json").json()["rows"] == []
    assert "No quote families" in client.get("/quotes").text


# --- the article page --------------------------------------------------------------------------------------------


def test_article_badges_link_to_the_family(web: TestClient) -> None:
    fares = _family(web, "ferry fares")["family_id"]
    cranes = _family(web, "cranes")["family_id"]
    third = _article(web, "ferry-3")
    page = web.get(f"/articles/{third}").text
    assert f'href="/quotes/{fares}"' in page and f'href="/quotes/{cranes}"' in page
    assert "carried by 3 outlets" in page and "⚠ changed" in page
    data = web.get(f"/articles/{third}.json").json()
    families = [a["families"] for a in data["attributions"]]
    assert [[f["family_id"] for f in fs] for fs in families] == [[fares], [cranes]]
    assert families[0][0]["dangerous"] == ["negation lost: “not” → “—”"]
    second = web.get(f"/articles/{_article(web, 'ferry-2')}").text
    assert "carried by 3 outlets" in second and "⚠ changed" not in second


# --- the speaker's gender ----------------------------------------------------------------------------------------


def test_gender_needs_the_token(web: TestClient, token: str) -> None:
    lind = _speaker(web, "Ana Lind")
    assert web.post(f"/api/speakers/{lind}/gender", json={"gender": "woman"}).status_code == 401
    assert web.post(f"/speakers/{lind}/gender", data={"gender": "woman"}).status_code == 401
    wrong = {"authorization": "Bearer nope"}
    assert web.post(f"/api/speakers/{lind}/gender", json={"gender": "woman"}, headers=wrong).status_code == 401
    assert web.get(f"/speakers/{lind}.json").json()["gender"]["basis"] != "hand"


def test_gender_set_by_hand_and_back(web: TestClient, token: str) -> None:
    auth = {"authorization": f"Bearer {token}"}
    lind = _speaker(web, "Ana Lind")
    before = web.get("/stats.json").json()["gender"]
    done = web.post(f"/api/speakers/{lind}/gender", json={"gender": "woman"}, headers=auth)
    assert done.status_code == 200
    assert done.json()["gender"] == {"label": "woman", "basis": "hand", "evidence": []}
    page = web.get(f"/speakers/{lind}").text
    assert 'id="gender"' in page and "Set by hand" in page
    assert web.get(f"/speakers/{lind}.json").json()["gender"]["label"] == "woman"
    after = web.get("/stats.json").json()["gender"]
    articles = web.get("/speakers.json", params={"name": "Ana Lind"}).json()["rows"][0]["articles"]
    assert sum(r["women"] for r in after) == sum(r["women"] for r in before) + articles  # once per article
    back = web.post(f"/api/speakers/{lind}/gender", json={"gender": "auto"}, headers=auth).json()
    assert back["gender"]["basis"] != "hand"


@pytest.mark.parametrize(("body", "status"), [({"gender": "female"}, 422), ({}, 422), ({"gender": 1}, 422)])
def test_gender_bad_bodies(web: TestClient, token: str, body: dict[str, Any], status: int) -> None:
    lind = _speaker(web, "Ana Lind")
    assert web.post(f"/api/speakers/{lind}/gender", json=body,
                    headers={"authorization": f"Bearer {token}"}).status_code == status


def test_gender_refused_for_an_organisation_and_a_missing_speaker(web: TestClient, token: str) -> None:
    auth = {"authorization": f"Bearer {token}"}
    org = next(r["id"] for r in web.get("/speakers.json?kind=organisation").json()["rows"])
    answer = web.post(f"/api/speakers/{org}/gender", json={"gender": "man"}, headers=auth)
    assert answer.status_code == 422 and "organisation" in answer.json()["error"]["message"]
    assert web.post("/api/speakers/99999/gender", json={"gender": "man"}, headers=auth).status_code == 404


def test_gender_form_when_signed_in(web: TestClient, token: str) -> None:
    tarn = _speaker(web, "Ivo Tarn")
    assert web.post("/login", data={"token": token, "next": "/"}, follow_redirects=False).status_code == 303
    assert '<form class="inline-form" action="/speakers/' in web.get(f"/speakers/{tarn}").text
    done = web.post(f"/speakers/{tarn}/gender", data={"gender": "man"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/speakers/{tarn}#gender"
    assert web.get(f"/speakers/{tarn}.json").json()["gender"] == {"label": "man", "basis": "hand", "evidence": []}


def test_read_only_server_refuses_the_gender(client: TestClient) -> None:
    assert client.post("/api/speakers/1/gender", json={"gender": "man"}).status_code == 403


# --- stats ---------------------------------------------------------------------------------------------------------


def test_stats_gender_and_sourcing_and_their_twins(web: TestClient) -> None:
    page = web.get("/stats").text
    assert 'id="gender"' in page and 'id="sourcing"' in page and 'src="/stats/gender.svg"' in page
    data = web.get("/stats.json").json()
    gender = _csv(web.get("/stats.csv?table=gender").text)
    assert [(r["month"], r["outlet"], int(r["people"]), int(r["unknown"]), float(r["unknown_share"]))
            for r in gender] == [(r["month"] or "", r["outlet"] or "", r["people"], r["unknown"], r["unknown_share"])
                                 for r in data["gender"]]
    assert "Unknown" in page  # the unknown share is always shown
    sourcing = _csv(web.get("/stats.csv?table=sourcing").text)
    assert [(r["outlet"], int(r["statements"])) for r in sourcing] == \
        [(r["outlet"] or "", r["statements"]) for r in data["sourcing"]]
    assert _csv(web.get("/stats.csv").text) == _csv(web.get("/stats.csv?table=quoted").text)
    svg = web.get("/stats/gender.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content and b">women<" in svg.content and b">unknown<" in svg.content
    assert svg.headers["content-security-policy"].startswith("default-src 'none'")  # no script runs
    assert web.get("/stats.csv?table=nothing").status_code == 422


# --- rebuilt after a write ---------------------------------------------------------------------------------------


def test_families_rebuilt_after_an_article_is_stored(tmp_path: Path, client_factory: Any, token: str) -> None:
    db = str(tmp_path / "rebuild.db")
    auth = {"authorization": f"Bearer {token}"}
    with client_factory(db, token=token) as web:
        for doc, outlet, when, title, text in ARTICLES:
            body = {"text": text, "id": doc, "outlet": outlet, "published": when, "title": title}
            assert web.post("/api/articles", json=body, headers=auth).status_code == 201
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            rows = web.get("/quotes.json").json()["rows"]
            if [r["appearances"] for r in rows] == [3, 2]:
                break
            time.sleep(0.1)
        assert [r["appearances"] for r in web.get("/quotes.json").json()["rows"]] == [3, 2]


def test_the_rebuild_is_queued_once() -> None:
    from onrecord.web.worker import Worker

    worker = Worker(capacity=4)
    gate, ran = threading.Event(), []
    try:
        worker.submit(gate.wait)  # the worker is busy
        first = worker.submit_once("families", lambda: ran.append(1))
        assert first is not None
        assert worker.submit_once("families", lambda: ran.append(2)) is None  # one already waits
        gate.set()
        first.result(timeout=10)
        again = worker.submit_once("families", lambda: ran.append(3))  # the first has run: another may wait
        assert again is not None
        again.result(timeout=10)
        assert ran == [1, 3]
    finally:
        gate.set()
        worker.close()


# --- in Chromium ---------------------------------------------------------------------------------------------------

@pytest.mark.browser
def test_in_chromium(quotes_db: str, screenshots: Path, live: Any, chromium: Any) -> None:
    from onrecord.web import Config, create_app

    with live(create_app(Config(db=quotes_db))) as base, chromium(base) as (page, errors):
        page.goto("/")
        page.click("nav a:has-text('Quotes')")
        page.wait_for_url("**/quotes")
        assert page.locator("table.quotes tbody tr").count() == 2
        page.screenshot(path=str(screenshots / "quotes.png"), full_page=True)
        page.click("table.quotes a:has-text('ferry fares')")
        page.wait_for_url("**/quotes/*")
        danger = page.locator("table.appearances del.d-danger")
        assert danger.count() == 1 and danger.inner_text() == "not"
        assert danger.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
        assert "negation lost" in page.locator("tr.changed-row").inner_text()
        page.screenshot(path=str(screenshots / "quote-family.png"), full_page=True)
        page.click("tr.changed-row a:has-text('Fares to rise')")
        page.wait_for_url("**/articles/*")
        assert page.locator(".statement a.badge.family").first.inner_text() == "carried by 3 outlets"
        page.screenshot(path=str(screenshots / "quote-article.png"), full_page=True)
        page.click(".statement a.badge.family.changed >> nth=0")
        page.wait_for_url("**/quotes/*")
        page.goto("/stats")
        img = page.locator("img[src^='/stats/gender.svg']")
        img.scroll_into_view_if_needed()
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        assert img.evaluate("i => i.naturalWidth") > 0
        page.screenshot(path=str(screenshots / "stats.png"), full_page=True)
    assert errors == []
