"""Web app fixtures: a real store (SQLite file, and PostgreSQL under the ``postgres`` marker) filled with the invented
articles of tests/storydata.py plus a few made for the web tests, and the app over it through the test client.

Extraction in these tests is a small stand-in (:func:`fake_extract`: a quotation followed by "NAME said"), so they
need no spaCy model; the real worker is exercised by the tests marked ``model``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.record import open_store
from onrecord.settings import Settings
from onrecord.types import Article, Attribution, CharSpan, Extraction, Skipped
from onrecord.web import Config, create_app
from storydata import Said, corpus, story

TOKEN = "s3cret-t0ken-for-tests"

_names = itertools.count()

#: An article whose text carries markup and script payloads: it must render as text.
HOSTILE = ('Mayor Ana Lind said the <script>alert("x")</script> budget was fine. '
           '\u201cWe <img src=x onerror=alert(1)> will not pay,\u201d Lind said. '
           'A clerk said <b onmouseover="alert(2)">nothing</b> had changed.')


def web_corpus() -> list[Extraction]:
    """storydata's six articles, one with a skipped paragraph, and the hostile one."""
    items = corpus()
    skipped_text = ("Councillor Piet Varga said the ferry would run all winter. \u201cIt is settled,\u201d Varga said."
                    "\n\n\u201cAn unbalanced quotation, said nobody.\n\nThe end.")
    with_skip = story(skipped_text,
                      Said("the ferry would run all winter", "Councillor Piet Varga", "said", "Piet Varga",
                           type="indirect", medium="remarks"),
                      Said("It is settled,", "Varga", "said", "Piet Varga"),
                      id="a7", outlet="Harlow Ledger", published="2030-05-03", title="Ferry all winter")
    start = skipped_text.index("\u201cAn unbalanced")
    with_skip = Extraction(article=with_skip.article, attributions=with_skip.attributions,
                           skipped=(Skipped("unbalanced quotation mark", CharSpan(start, start + 38)),),
                           pipeline_version="0.1.0", model="en_test-1.0")
    hostile = story(HOSTILE,
                    Said('the <script>alert("x")</script> budget was fine', "Mayor Ana Lind", "said", "Ana Lind",
                         type="indirect"),
                    Said("We <img src=x onerror=alert(1)> will not pay,", "Lind", "said", "Ana Lind"),
                    Said('<b onmouseover="alert(2)">nothing</b> had changed', "A clerk", "said", None,
                         kind="anonymous", description="A clerk", type="indirect"),
                    id="a8", outlet="Coastline <Courier>", published="2030-06-01",
                    title='Budget <script>alert("title")</script>')
    return [*items, with_skip, hostile]


_QUOTE = re.compile(r"\u201c([^\u201d]+)\u201d,?\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?) (said|says|told)")


def fake_extract(article: Article, settings: Settings) -> Extraction:
    """A stand-in for the model: each “quotation” followed by “Name said” is a direct statement of Name."""
    found = []
    for m in _QUOTE.finditer(article.text):
        found.append(Attribution(content=CharSpan(m.start(1), m.end(1)), source=CharSpan(m.start(2), m.end(2)),
                                 cue=CharSpan(m.start(3), m.end(3)), speaker=m[2], speaker_kind="person",
                                 type="direct", medium="unknown", confidence=0.9,
                                 quoted=(CharSpan(m.start(1), m.end(1)),)))
    return Extraction(article=article, attributions=tuple(found), pipeline_version="0.1.0", model="fake")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store of each backend holding :func:`web_corpus`."""
    if request.param == "sqlite":
        url = str(tmp_path / "web.db")
    else:
        server = request.getfixturevalue("pg_server")
        url = server.database(f"onrecord_web_{next(_names)}")  # type: ignore[attr-defined]
    with open_store(url) as store:
        store.add(web_corpus())
    return url


def make_client(url: str, **config: object) -> TestClient:
    options: dict[str, object] = {"extractor": fake_extract, **config}
    app = create_app(Config(db=url, **options))  # type: ignore[arg-type]
    # https: the session cookie is Secure, and the client keeps it only for https
    return TestClient(app, base_url="https://testserver", raise_server_exceptions=False)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with make_client(db_url) as c:
        yield c


@pytest.fixture
def writer(db_url: str) -> Iterator[TestClient]:
    """A client of a server started with a token (not signed in)."""
    with make_client(db_url, token=TOKEN) as c:
        yield c


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def corpus_of_web() -> object:
    """:func:`web_corpus`, for tests in other modules of this folder."""
    return web_corpus


@pytest.fixture(scope="session")
def hostile() -> str:
    return HOSTILE


@pytest.fixture
def client_factory() -> object:
    """``make_client(url, **config)``: a client of an app with other settings (limits, extractor, token)."""
    return make_client


@pytest.fixture
def fake() -> object:
    return fake_extract


@pytest.fixture
def ids() -> object:
    """``ids(client)``: article ids by doc_id."""

    def article_ids(client: TestClient) -> dict[str, int]:
        rows = client.get("/articles.json?limit=100").json()["rows"]
        return {r["doc_id"]: r["id"] for r in rows}

    return article_ids


@contextlib.contextmanager
def live_server(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free local port in a thread; yields its base URL once /healthz answers, and
    stops it after (for the tests that drive a real browser)."""
    import httpx
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                       lifespan="on"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    try:
        yield base
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


#: Debian's Chromium and the flags every browser test launches it with (headless, nothing fetched from outside).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def chromium_page(base: str) -> Iterator[tuple[object, list[str]]]:
    """A page of headless Chromium on ``base`` (1360x900) and the list its JavaScript errors and console errors
    are written to; the browser is closed after."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base).new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            yield page, errors
        finally:
            browser.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``browser`` are skipped, with the reason, where Debian's Chromium is absent (before any of
    their fixtures is built)."""
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="no /usr/bin/chromium (Debian's chromium package) to drive")
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where a browser test writes its screenshots: ``$ONRECORD_WEB_SCREENSHOTS``, else a temporary folder."""
    where = os.environ.get("ONRECORD_WEB_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def chromium() -> object:
    """:func:`chromium_page`, for the modules that drive a real browser."""
    return chromium_page


@pytest.fixture
def live() -> object:
    """:func:`live_server`, for the modules that drive a real browser (test modules import nothing from here)."""
    return live_server


@pytest.fixture(scope="module")
def live_module() -> object:
    """:func:`live_server` for module-scoped fixtures."""
    return live_server
