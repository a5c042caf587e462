"""The JSON API and the .json/.csv twins, through the test client against a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/articles.json", "/static/app.css", "/nowhere", "/openapi.json"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_openapi_is_served_and_swagger_from_a_cdn_is_not(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/articles.json" in spec["paths"] and "/search.json" in spec["paths"]
    assert "/api/extract" in spec["paths"] and "/speakers/{speaker_id}.csv" in spec["paths"]
    assert "/articles" not in spec["paths"]  # the HTML pages are not API
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


@pytest.mark.parametrize("path, status, kind", [
    ("/articles/99999.json", 404, "not_found"),
    ("/speakers/99999.json", 404, "not_found"),
    ("/articles.json?limit=0", 422, "bad_request"),
    ("/articles.json?limit=abc", 422, "validation_error"),
    ("/articles.json?after=not-a-cursor", 422, "bad_request"),
    ("/attributions.json?since=March", 422, "bad_request"),
    ("/search.json?q=", 422, "bad_request"),
    ("/nowhere.json", 404, "not_found"),
])
def test_errors_are_json_with_a_stable_type(client: TestClient, path: str, status: int, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["type"] == kind and error["status"] == status and error["message"]
    assert "Traceback" not in response.text


def test_an_error_page_for_browsers_is_html(client: TestClient) -> None:
    response = client.get("/articles/99999")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no article with id 99999" in response.text


def test_articles_keyset_pagination_walks_every_article_once(client: TestClient) -> None:
    seen, url = [], "/articles.json?limit=3"
    while url:
        page = client.get(url).json()
        assert len(page["rows"]) <= 3
        seen += [r["id"] for r in page["rows"]]
        url = f"/articles.json?limit=3&after={page['next']}" if page["next"] else None
    assert len(seen) == 8 and len(set(seen)) == 8 and seen == sorted(seen, reverse=True)


def test_articles_filters(client: TestClient) -> None:
    rows = client.get("/articles.json", params={"outlet": "Harlow Ledger"}).json()["rows"]
    assert {r["doc_id"] for r in rows} == {"a1", "a4", "a7"}
    rows = client.get("/articles.json", params={"since": "2030-03", "until": "2030-04"}).json()["rows"]
    assert {r["doc_id"] for r in rows} == {"a1", "a2", "a3"}


def test_article_with_attributions_and_offsets(client: TestClient, ids: Any) -> None:
    article_id = ids(client)["a1"]
    data = client.get(f"/articles/{article_id}.json").json()
    assert data["outlet"] == "Harlow Ledger" and len(data["attributions"]) == 2
    for a in data["attributions"]:
        assert data["text"][a["content_start"]:a["content_end"]] == a["content_text"]
    assert data["attributions"][1]["content_text"] == "We are not leaving our allies behind,"
    assert data["attributions"][1]["speaker"] == "Oren Valdez"


def test_skipped_paragraphs_come_with_their_reason(client: TestClient, ids: Any) -> None:
    data = client.get(f"/articles/{ids(client)['a7']}.json").json()
    assert data["skipped"][0]["reason"] == "unbalanced quotation mark"


def test_csv_twin_of_an_article_lists_its_attributions(client: TestClient, ids: Any) -> None:
    response = client.get(f"/articles/{ids(client)['a2']}.csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["content_text"] for r in rows] == ["withdrawing troops was a question of cost, not of courage",
                                                 "the plan had been drafted in January"]
    assert rows[1]["speaker_kind"] == "anonymous" and rows[1]["via"] == "Nadia Ferris, Ledger"


def test_csv_twin_of_a_list_links_its_next_page(client: TestClient) -> None:
    response = client.get("/attributions.csv?limit=2")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == 2
    assert 'rel="next"' in response.headers["link"] and "/attributions.csv?" in response.headers["link"]


def test_attributions_filters_and_pagination(client: TestClient) -> None:
    rows = client.get("/attributions.json", params={"medium": "letter"}).json()["rows"]
    assert [r["content_text"] for r in rows] == ["withdrawing troops was a question of cost, not of courage"]
    rows = client.get("/attributions.json", params={"speaker_kind": "anonymous"}).json()["rows"]
    assert {r["speaker_description"] for r in rows} == {"A senior official", "A clerk"}
    first = client.get("/attributions.json?limit=4").json()
    second = client.get(f"/attributions.json?limit=4&after={first['next']}").json()
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}


def test_speakers_most_quoted_first_with_keyset(client: TestClient) -> None:
    page = client.get("/speakers.json?limit=2").json()
    assert page["rows"][0]["name"] == "Oren Valdez" and page["rows"][0]["statements"] == 4
    rest = client.get(f"/speakers.json?after={page['next']}").json()["rows"]
    names = [r["name"] for r in page["rows"] + rest]
    assert len(names) == len(set(names)) and {"Alma Brennan", "Colm Brennan", "Ana Lind"} <= set(names)


def test_speaker_timeline_in_date_order(client: TestClient) -> None:
    valdez = client.get("/speakers.json?name=valdez").json()["rows"][0]["id"]
    data = client.get(f"/speakers/{valdez}.json").json()
    assert data["name"] == "Oren Valdez" and "Oren Valdez" not in data["aliases"]
    dates = [e["published"] for e in data["timeline"]["rows"]]
    assert dates == sorted(dates) and len(dates) == 4
    assert {r["outlet"] for r in data["by_month"]} == {"Harlow Ledger", "Tarnwick Evening Star", "Westbury Weekly"}
    page = client.get(f"/speakers/{valdez}.json?limit=3").json()["timeline"]
    more = client.get(f"/speakers/{valdez}.json?limit=3&after={page['next']}").json()["timeline"]
    assert [e["id"] for e in page["rows"] + more["rows"]] == [e["id"] for e in data["timeline"]["rows"]]
    chart = client.get(f"/speakers/{valdez}/timeline.svg")
    assert chart.headers["content-type"] == "image/svg+xml" and b"Harlow Ledger" in chart.content
    assert "script-src" not in chart.headers["content-security-policy"]


def test_search_with_facets_and_marked_snippets(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "troops"}).json()
    assert {r["content_text"] for r in data["rows"]} == {
        "the garrison would withdraw its troops from the northern border by spring",
        "withdrawing troops was a question of cost, not of courage", "it had no plans to withdraw troops"}
    assert data["matches"] == 3 and not data["matches_capped"]
    outlets = {f["value"]: f["count"] for f in data["facets"]["outlet"]}
    assert outlets == {"Harlow Ledger": 1, "Tarnwick Evening Star": 1, "Coastline Courier": 1}
    narrowed = client.get("/search.json", params={"q": "troops", "outlet": "Coastline Courier"}).json()
    assert [r["content_text"] for r in narrowed["rows"]] == ["it had no plans to withdraw troops"]
    page = client.get("/search", params={"q": "troops"}).text
    assert "<mark>troops</mark>" in page


def test_search_pagination_on_score(client: TestClient) -> None:
    every = client.get("/search.json", params={"q": "said OR troops OR letter OR withdraw"}).json()["rows"]
    walked, after = [], None
    while True:
        params = {"q": "said OR troops OR letter OR withdraw", "limit": 1, **({"after": after} if after else {})}
        page = client.get("/search.json", params=params).json()
        walked += [r["id"] for r in page["rows"]]
        after = page["next"]
        if not after:
            break
    assert walked == [r["id"] for r in every]


def test_search_ranks_and_counts_among_the_most_recent_matches(client: TestClient, db_url: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.web import queries

    every = client.get("/search.json", params={"q": "troops"}).json()
    assert every["matches"] == every["sample"] == 3 and not every["matches_capped"]
    newest = sorted((r["id"] for r in every["rows"]), reverse=True)[:2]
    monkeypatch.setattr(queries, "SEARCH_SAMPLE", 2)
    data = client.get("/search.json", params={"q": "troops"}).json()
    assert data["matches"] == 3 and data["sample"] == 2 and data["matches_capped"]
    assert sorted(r["id"] for r in data["rows"]) == sorted(newest)  # ranked among the two most recent only
    assert sum(f["count"] for f in data["facets"]["outlet"]) == 2  # counted over those two
    walked, after = [], None
    while True:
        page = client.get("/search.json", params={"q": "troops", "limit": 1, **({"after": after} if after else {})})
        walked += [r["id"] for r in page.json()["rows"]]
        if not (after := page.json()["next"]):
            break
    assert walked == [r["id"] for r in data["rows"]]
    assert "3 matches: ranked among the 2 most recently stored" in client.get("/search", params={"q": "troops"}).text
    # with a filter, SQLite does not count every match (that would join them all); PostgreSQL's scan counts them
    valdez = client.get("/speakers.json?name=valdez").json()["rows"][0]["id"]
    query = {"q": "said OR troops OR letter OR withdraw", "speaker_id": valdez}
    filtered = client.get("/search.json", params=query).json()
    assert filtered["sample"] == 2 and filtered["matches_capped"]
    assert filtered["matches"] == (3 if db_url.startswith("postgresql") else None)
    page = client.get("/search", params=query).text
    assert ("3 matches" if db_url.startswith("postgresql") else "More than 2 matches") in page


def test_a_search_sample_is_reused_until_the_data_changes(writer: TestClient, token: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.web import queries

    searched = []
    real = queries._sample
    monkeypatch.setattr(queries, "_sample", lambda *a, **k: searched.append(1) or real(*a, **k))
    first = writer.get("/search.json", params={"q": "troops"}).json()
    assert writer.get("/search.json", params={"q": "troops", "limit": 1}).json()["rows"][0] == first["rows"][0]
    assert len(searched) == 1  # the second page (and the same search again) read the kept sample
    body = {"text": "\u201cThe troops stay home,\u201d Ana Lind said.", "title": "Troops", "outlet": "Harlow Ledger"}
    stored = writer.post("/api/articles", json=body, headers={"authorization": f"Bearer {token}"})
    assert stored.status_code == 201
    after = writer.get("/search.json", params={"q": "troops"}).json()
    assert after["matches"] == first["matches"] + 1 and len(searched) == 2
    assert "The troops stay home," in {r["content_text"] for r in after["rows"]}


@pytest.mark.postgres
def test_postgresql_finds_the_newest_matches_of_a_frequent_word_in_a_window(
        pg_server: Any, client_factory: Any, fake: Any, corpus_of_web: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A query expected to match many statements is searched among the statements stored last (the GIN index
    gives matches in storage order: reading them all to find the newest costs what they number)."""
    from onrecord.record import open_store
    from onrecord.settings import Settings
    from onrecord.types import Article
    from onrecord.web import queries

    url = pg_server.database("onrecord_web_window")
    with open_store(url) as store:
        store.add(corpus_of_web())
        store.add([fake(Article(f"\u201cThe troops number {n}00,\u201d Ana Lind said.", id=f"t{n}",
                                outlet="Harlow Ledger", published="2030-07-01"), Settings()) for n in range(40)])
        store.execute("ANALYZE")  # the planner's estimates, as autovacuum keeps them in a store in use
    monkeypatch.setattr(queries, "SEARCH_SAMPLE", 2)
    monkeypatch.setattr(queries, "WINDOW_AFTER", 10**9)  # never "many": every match is read
    with client_factory(url) as client:
        every = client.get("/search.json", params={"q": "troops"}).json()
        assert every["matches"] == 43 and every["sample"] == 2  # read every match, counted them
        queries.SAMPLES.clear()
        monkeypatch.setattr(queries, "WINDOW_AFTER", 0)  # any expected match is "many"
        windowed = client.get("/search.json", params={"q": "troops"}).json()
    assert windowed["matches"] is None and windowed["sample"] == 2 and windowed["matches_capped"]
    assert sorted(r["id"] for r in windowed["rows"]) == sorted(r["id"] for r in every["rows"])  # the same newest
    assert windowed["facets"] == every["facets"]


def test_search_plan_estimates() -> None:
    from onrecord.web.queries import _estimates

    gin = {"Node Type": "Bitmap Index Scan", "Index Name": "attributions_content_tsv", "Plan Rows": 27568}
    filtered = {"Node Type": "Bitmap Heap Scan", "Plan Rows": 4013, "Filter": "(medium = 'letter')", "Plans": [gin]}
    assert _estimates(filtered) == (4013, 27568)  # the channel is tested on every match the index gives
    assert _estimates({"Node Type": "Index Scan", "Plan Rows": 12}) == (12, 12)
    joined = {"Node Type": "Nested Loop", "Plan Rows": 900, "Plans": [filtered, {"Node Type": "Index Scan"}]}
    assert _estimates(joined) == (900, 900)


@pytest.mark.parametrize("query", ['"', "AND", "NOT x", "troops)", "col:troops", "a*", "NEAR(a b)", "'; DROP TABLE x",
                                   "-troops", "OR OR", "^troops", "tr\u00f6ops \u201cwithdraw\u201d"])
def test_search_syntax_never_reaches_the_engine_as_an_error(client: TestClient, query: str) -> None:
    response = client.get("/search.json", params={"q": query})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert response.json()["error"]["type"] == "bad_request"


def test_stats_json_and_csv(client: TestClient) -> None:
    data = client.get("/stats.json").json()
    assert data["articles"] == 8 and data["attributions"] == 16
    channels = {c["medium"]: c["count"] for c in data["channels"]}
    assert channels["letter"] == 1 and channels["statement"] == 3
    anonymous = {r["outlet"]: r["anonymous"] for r in data["anonymous"]}
    assert anonymous["Tarnwick Evening Star"] == 1
    rows = list(csv.DictReader(io.StringIO(client.get("/stats.csv").text)))
    assert {"month", "outlet", "speaker", "count", "share"} <= set(rows[0])
    for chart in ("monthly", "anonymous", "channels"):
        assert client.get(f"/stats/{chart}.svg").headers["content-type"] == "image/svg+xml"


def test_extract_without_storing(client: TestClient) -> None:
    before = client.get("/stats.json").json()["articles"]
    text = "\u201cThe bridge opens in May,\u201d Ana Lind said."
    response = client.post("/api/extract", content=text.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["text"] == text and data["attributions"][0]["content_text"] == "The bridge opens in May,"
    response = client.post("/api/extract", json={"text": text, "title": "Bridge"})
    assert response.json()["title"] == "Bridge"
    assert client.get("/stats.json").json()["articles"] == before


def test_extract_the_direct_quotations_view(client: TestClient) -> None:
    text = "\u201cThe bridge opens in May,\u201d Ana Lind said. \u201cIt is paid for,\u201d Ivo Tarn said."
    response = client.post("/api/extract?quotations=true", content=text.encode(),
                           headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    rows = response.json()["quotations"]
    assert [(r["quotation"], r["speaker"]) for r in rows] == [("The bridge opens in May,", "Ana Lind"),
                                                              ("It is paid for,", "Ivo Tarn")]
    assert all(text[r["quotation_start"]:r["quotation_end"]] == r["quotation"] for r in rows)
    plain = client.post("/api/extract", content=text.encode(), headers={"content-type": "text/plain"}).json()
    assert plain["attributions"][0]["quoted_text"] == "The bridge opens in May,"


def test_stored_attributions_carry_their_quoted_parts(writer: TestClient, token: str) -> None:
    text = "\u201cThe ferry runs all winter,\u201d Mira Oduya said."
    response = writer.post("/api/articles", content=text.encode(),
                           headers={"content-type": "text/plain", "authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.text
    (row,) = writer.get(f"/articles/{response.json()['id']}.json").json()["attributions"]
    assert row["quoted"] == [[1, 27]] and row["quoted_text"] == "The ferry runs all winter,"
    assert row["quoted_text"] == text[1:27]


@pytest.mark.parametrize("body, content_type, status, kind", [
    (b"\xff\xfe\x00abc not utf-8 \xc3\x28", "text/plain", 422, "bad_input"),
    (b"%PDF-1.7 \x00\x01\x02", "application/pdf", 415, "unsupported_media_type"),
    (b"", "text/plain", 422, "bad_input"),
    (b"{not json", "application/json", 422, "bad_input"),
    (b'{"text": 5}', "application/json", 422, "bad_input"),
    (b"<html><body></body></html>", "text/html", 422, "bad_input"),
])
def test_bodies_that_are_not_text_are_refused_with_a_reason(client: TestClient, body: bytes, content_type: str,
                                                             status: int, kind: str) -> None:
    response = client.post("/api/extract", content=body, headers={"content-type": content_type})
    assert response.status_code == status, response.text
    assert response.json()["error"]["type"] == kind


def test_a_body_over_the_limit_gets_413(db_url: str, client_factory: Any) -> None:
    with client_factory(db_url, max_upload=1000) as small:
        response = small.post("/api/extract", content=b"a" * 1001, headers={"content-type": "text/plain"})
        assert response.status_code == 413 and response.json()["error"]["type"] == "too_large"
        files = {"file": ("big.txt", b"word " * 400, "text/plain")}
        assert small.post("/api/extract", files=files).status_code == 413


def test_writes_are_refused_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "\u201cYes,\u201d Ana Lind said."})
    assert response.status_code == 403 and response.json()["error"]["type"] == "writes_disabled"
    assert client.post("/api/speakers/1/merge", json={"others": ["#2"]}).status_code == 403


def test_writes_need_the_bearer_token(writer: TestClient, token: str) -> None:
    body = {"text": "\u201cThe ferry is late,\u201d Piet Varga said.", "outlet": "Harlow Ledger",
            "published": "2030-07-01"}
    assert writer.post("/api/articles", json=body).status_code == 401
    wrong = {"authorization": "Bearer nope"}
    assert writer.post("/api/articles", json=body, headers=wrong).json()["error"]["type"] == "unauthorized"
    auth = {"authorization": f"Bearer {token}"}
    stored = writer.post("/api/articles", json=body, headers=auth)
    assert stored.status_code == 201, stored.text
    data = stored.json()
    assert data["stored"] and data["attributions"] == 1
    article = writer.get(f"{data['url']}.json").json()
    assert article["attributions"][0]["speaker"] == "Piet Varga" and article["outlet"] == "Harlow Ledger"
    again = writer.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json() == {**data, "stored": False}


def test_merge_and_split_speakers_through_the_api(writer: TestClient, token: str) -> None:
    auth = {"authorization": f"Bearer {token}"}
    speakers = {r["name"]: r["id"] for r in writer.get("/speakers.json").json()["rows"]}
    alma, colm = speakers["Alma Brennan"], speakers["Colm Brennan"]
    merged = writer.post(f"/api/speakers/{alma}/merge", json={"others": [f"#{colm}"]}, headers=auth)
    assert merged.status_code == 200 and merged.json()["id"] == alma
    assert writer.get(f"/speakers/{alma}.json").json()["statements"] == 4
    assert writer.get(f"/speakers/{colm}.json").status_code == 404
    split = writer.post(f"/api/speakers/{alma}/split", json={"mention": "Colm Brennan"}, headers=auth)
    assert split.status_code == 200, split.text
    assert writer.get(f"/speakers/{split.json()['id']}.json").json()["statements"] == 2
    refused = writer.post(f"/api/speakers/{alma}/merge", json={"others": [f"#{alma}"]}, headers=auth)
    assert refused.status_code == 422 and refused.json()["error"]["type"] == "refused"
    assert writer.post("/api/speakers/relink", headers=auth).json()["speakers"] >= 5


def test_a_full_extraction_queue_answers_503_with_retry_after(db_url: str, client_factory: Any, fake: Any) -> None:
    import threading

    release = threading.Event()

    def slow(article, settings):  # type: ignore[no-untyped-def]
        release.wait(10)
        return fake(article, settings)

    with client_factory(db_url, extractor=slow, queue=1) as busy:
        worker = busy.app.state.worker  # type: ignore[attr-defined]
        started = threading.Event()
        worker.submit(lambda: (started.set(), release.wait(10)))  # the worker is busy with this one
        assert started.wait(10)
        worker.submit(lambda: None)  # and this one fills the queue of one
        response = busy.post("/api/extract", content=b"\xe2\x80\x9cNo,\xe2\x80\x9d Ana Lind said.",
                             headers={"content-type": "text/plain"})
        release.set()
        assert response.status_code == 503 and response.json()["error"]["type"] == "busy"
        assert int(response.headers["retry-after"]) > 0


def test_reads_cannot_write(client: TestClient) -> None:
    readers = client.app.state.readers  # type: ignore[attr-defined]
    from onrecord.errors import StoreError

    with pytest.raises(StoreError), readers.reader() as store:
        store.execute("DELETE FROM articles")
    assert client.get("/stats.json").json()["articles"] == 8


def test_sqlite_readers_map_the_store_into_memory(client: TestClient, db_url: str) -> None:
    if db_url.startswith("postgresql"):
        pytest.skip("SQLite only")
    from onrecord.web.db import MMAP_BYTES

    with client.app.state.readers.reader() as store:  # type: ignore[attr-defined]
        assert store.one("PRAGMA mmap_size") == (MMAP_BYTES,)


def test_a_query_past_the_time_limit_is_stopped_and_says_so(db_url: str, client_factory: Any) -> None:
    with client_factory(db_url, query_seconds=0.05) as slow:
        readers = slow.app.state.readers  # type: ignore[attr-defined]
        from onrecord.web.db import QueryTimeout

        forever = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
                   " SELECT count(*) FROM n")
        with pytest.raises(QueryTimeout, match="time limit"), readers.reader() as store:
            store.one(forever)
        assert slow.get("/articles.json").status_code == 200  # the connection is usable again


def test_the_web_app_never_imports_spacy_on_import() -> None:
    import subprocess
    import sys

    code = ("import sys; from onrecord.web import create_app; import onrecord.web.app, onrecord.cli.web; "
            "bad = [m for m in ('spacy', 'thinc', 'torch') if m in sys.modules]; assert not bad, bad")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr



def test_csv_twins_end_rows_with_crlf(client: TestClient) -> None:
    """RFC 4180 rows (CRLF): the writer then quotes a field holding a bare CR (old Mac line ends in an article),
    which a LF-terminated writer left bare, so that every reader split the row there."""
    response = client.get("/attributions.csv?limit=2")
    assert response.content.count(b"\r\n") == 3 and b"\n" not in response.content.replace(b"\r\n", b"")
