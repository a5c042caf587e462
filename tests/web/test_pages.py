"""The HTML pages through the test client: what they show, escaping, sign-in and the write forms."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient


def test_pages_render(client: TestClient, ids: Any) -> None:
    article = ids(client)["a1"]
    for path in ("/", "/articles", f"/articles/{article}", "/attributions", "/speakers", "/speakers/1",
                 "/search?q=troops", "/search", "/stats", "/paste", "/login"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<script src=\"/static/app.js\" defer></script>" in response.text
        assert not re.search(r"<script>|<style|<[a-z][^>]*\s(style|on[a-z]+)=", response.text), path  # nothing inline


def test_query_parameters_named_like_dict_methods_change_nothing(client: TestClient) -> None:
    # templates read rows' keys as attributes (a dict's key first); the query's own methods keep their meaning
    plain = client.get("/search", params={"q": "troops", "outlet": "Harlow Ledger"}).text
    odd = client.get("/search", params={"q": "troops", "outlet": "Harlow Ledger", "get": "x", "items": "y",
                                        "keys": "z", "values": "w"})
    assert odd.status_code == 200
    assert re.findall(r"<mark>[^<]*</mark>", odd.text) == re.findall(r"<mark>[^<]*</mark>", plain)
    assert 'name="outlet" value="Harlow Ledger"' in odd.text


def test_article_text_is_escaped_and_highlighted(client: TestClient, ids: Any, hostile: str) -> None:
    page = client.get(f"/articles/{ids(client)['a8']}").text
    body = page[page.index('id="article-text"'):page.index("</div>", page.index('id="article-text"'))]
    assert "<script" not in body and "<img" not in body and "<b " not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    text = re.sub(r"<[^>]+>", "", body.split(">", 1)[1])
    import html

    assert html.unescape(text) == hostile
    assert "<title>Budget &lt;script&gt;" in page and "Coastline &lt;Courier&gt;" in page
    assert page.count('class="badge anon"') >= 2  # the clerk, in the side list and the statements


def test_article_view_has_details_for_every_statement(client: TestClient, ids: Any) -> None:
    page = client.get(f"/articles/{ids(client)['a2']}").text
    assert 'id="s-1"' in page and 'id="s-2"' in page and 'id="d-2"' in page
    details = page[page.index('id="d-2"'):]
    assert "Nadia Ferris, Ledger" in details and "anonymous" in details and "0.80" in details


def test_skipped_paragraph_shown_with_its_reason(client: TestClient, ids: Any) -> None:
    page = client.get(f"/articles/{ids(client)['a7']}").text
    assert 'title="skipped: unbalanced quotation mark"' in page
    assert "Skipped paragraphs (1)" in page and "unbalanced quotation mark" in page


def test_speaker_page_links_statements_to_their_place(client: TestClient) -> None:
    valdez = client.get("/speakers.json?name=valdez").json()["rows"][0]["id"]
    page = client.get(f"/speakers/{valdez}").text
    assert f'src="/speakers/{valdez}/timeline.svg?by=outlet"' in page
    assert re.search(r'href="/articles/\d+#s-2"', page)
    assert "Sign in" not in page.split("Same person?")[1] or "Read-only" in page


def test_search_page_marks_hits_and_lists_facets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "troops"}).text
    assert page.count("<mark>troops</mark>") + page.count("<mark>Troops</mark>") >= 1
    assert "Harlow Ledger" in page and 'href="/search?q=troops&amp;outlet=' in page
    page = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in page


def test_pagination_links(client: TestClient) -> None:
    page = client.get("/articles?limit=3").text
    next_link = re.search(r'rel="next" href="([^"]+)"', page)
    assert next_link and "after=" in next_link[1]
    assert client.get(next_link[1].replace("&amp;", "&")).status_code == 200


def test_sign_in_and_paste_through_the_form(writer: TestClient, token: str) -> None:
    assert "Sign in" in writer.get("/paste").text
    refused = writer.post("/paste", data={"text": "\u201cHello,\u201d Ana Lind said."}, follow_redirects=False)
    assert refused.status_code == 401
    wrong = writer.post("/login", data={"token": "nope", "next": "/paste"}, follow_redirects=False)
    assert wrong.status_code == 401 and "not the server" in wrong.text
    signed = writer.post("/login", data={"token": token, "next": "/paste"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/paste"
    cookie = signed.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie and token not in cookie
    assert 'action="/paste"' in writer.get("/paste").text
    text = "Ferry vote delayed\n\n\u201cThe ferry is late,\u201d Piet Varga said."
    stored = writer.post("/paste", data={"text": text, "mode": "fast"}, follow_redirects=False)
    assert stored.status_code == 303
    article = writer.get(stored.headers["location"] + ".json").json()
    assert article["title"] == "Ferry vote delayed" and article["doc_id"] is None
    assert article["attributions"][0]["content_text"] == "The ferry is late,"
    upload = writer.post("/paste", files={"file": ("page.html", b"<html><body><article><p>" + b"x " * 10 +
                                                     b"</p></article></body></html>", "text/html")},
                         follow_redirects=False)
    assert upload.status_code in (303, 422)  # trafilatura may find no article in a page this small
    foreign = writer.post("/paste", data={"text": text}, headers={"origin": "https://elsewhere.example"})
    assert foreign.status_code == 403
    writer.post("/logout")
    assert writer.post("/paste", data={"text": text}, follow_redirects=False).status_code == 401


def test_login_next_never_leaves_the_site(writer: TestClient, token: str) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = writer.post("/login", data={"token": token, "next": target}, follow_redirects=False)
        assert response.headers["location"] == "/"


def test_merge_and_split_through_the_speaker_forms(writer: TestClient, token: str) -> None:
    writer.post("/login", data={"token": token, "next": "/"})
    speakers = {r["name"]: r["id"] for r in writer.get("/speakers.json").json()["rows"]}
    alma, colm = speakers["Alma Brennan"], speakers["Colm Brennan"]
    assert f'action="/speakers/{alma}/merge"' in writer.get(f"/speakers/{alma}").text
    merged = writer.post(f"/speakers/{alma}/merge", data={"other": f"#{colm}"}, follow_redirects=False)
    assert merged.status_code == 303 and merged.headers["location"] == f"/speakers/{alma}"
    split = writer.post(f"/speakers/{alma}/split", data={"mention": "Colm Brennan", "name": "Colm Brennan"},
                        follow_redirects=False)
    assert split.status_code == 303
    assert writer.get(split.headers["location"] + ".json").json()["name"] == "Colm Brennan"
    refused = writer.post(f"/speakers/{alma}/merge", data={"other": f"#{alma}"})
    assert refused.status_code == 422 and "into itself" in refused.text
