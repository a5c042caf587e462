"""Small corpora for the scale tests, written for them: a few short articles as JSONL, text files and a WARC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warcs import Page, article_html, write_warc

ARTICLES = [
    {"id": "ferry", "outlet": "Harbour Post", "published": "2024-03-04",
     "text": "\u201cThe ferry will run every hour from June,\u201d said Ines Carvalho, the harbour master. "
             "She told the council that the old pier would close for repairs."},
    {"id": "library", "outlet": "Brackwater Courier", "published": "2024-03-19",
     "text": "The library will open on Sundays, its director Hana Okoro announced on Friday. "
             "\u201cReaders have asked for this for years,\u201d Okoro said in a statement."},
    {"id": "bridge", "outlet": "Harbour Post", "published": "2024-04-02", "title": "Bridge works",
     "text": "Councillor Tomas Reyes said the bridge works were late. According to a report seen by the Post, "
             "the contractor has asked for another six months."},
    {"id": "school", "outlet": "Brackwater Courier", "published": "2024-04-11", "author": "Ada Quill",
     "text": "\u201cWe need two more classrooms,\u201d the head teacher, Lena Brandt, wrote in a letter to parents. "
             "A spokesperson for the council said the request would be considered."},
    {"id": "market", "outlet": "Harbour Post", "published": "2024-04-20",
     "text": "The Saturday market will move to the quay in May. \u201cIt is a better place for everyone,\u201d "
             "said stallholder Piet Vermeer."},
]


def write_jsonl(path: Path, records: list[dict], *, extra_lines: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def expected() -> list:
    """What onrecord.extract_many gives for the five articles, in order (uses the model)."""
    import onrecord
    from onrecord.types import Article, Extraction

    results = list(onrecord.extract_many([Article.from_dict(a) for a in ARTICLES]))
    assert all(isinstance(r, Extraction) for r in results)
    return results


@pytest.fixture
def longest_text() -> int:
    return max(len(a["text"]) for a in ARTICLES)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSONL file of the five articles with a bad line in the middle (6 lines)."""
    records = ARTICLES[:3] + ARTICLES[3:]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, '{"id": "broken", "title": "no text here"}')
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A WARC with two English articles, an image and a German page."""
    ferry = [ARTICLES[0]["text"], "The new timetable was drawn up after a survey of commuters in the winter.",
             "Tickets will cost the same as last year, and season passes go on sale at the quay office in May."]
    market = [ARTICLES[4]["text"], "Traders have complained for years that the square floods after heavy rain.",
              "The town will pay for new awnings and lighting along the quay before the move in the spring."]
    pages = [
        Page("https://post.example/ferry", article_html("Ferry to run hourly", ferry, site="Harbour Post")),
        Page("https://post.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"),
        Page("https://post.example/de", article_html("F\u00e4hre", [
            "Die F\u00e4hre wird ab Juni jede Stunde fahren, sagte die Hafenmeisterin am Montag vor dem Rat.",
            "Der alte Anleger soll im Herbst f\u00fcr Reparaturen geschlossen werden, sagte sie weiter."] * 2,
            lang="de", site="Harbour Post")),
        Page("https://post.example/market", article_html("Market moves", market, site="Harbour Post")),
    ]
    return write_warc(tmp_path / "crawl.warc.gz", pages)
