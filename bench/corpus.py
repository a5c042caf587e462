"""Generated news-like articles for the benchmarks: invented people, places and outlets; quotes of every shape.

    from corpus import articles, write_jsonl, write_warc
    docs = list(articles(10_000, seed=7))          # dicts: id, title, outlet, published, author, text
    write_jsonl(docs, Path("gen.jsonl"))
    write_warc(docs, Path("gen.warc.gz"))          # one HTML response (and its request) per article, with warcio

Every article is built from a fixed seed, so two runs measure the same text. The texts are plausible local news
(a council, a harbour, a school ...) with direct quotations (cue before, after and in the middle), reported
speech, "according to", statements and posts, and plain sentences in between; ``sentences`` sets the length.
Nothing here comes from a real corpus.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FIRST = ("Ines", "Tomas", "Hana", "Lena", "Piet", "Mara", "Oskar", "Nadia", "Rafael", "Greta", "Idris", "Amara",
         "Jonas", "Freya", "Malik", "Sofia", "Emil", "Yara", "Bruno", "Lotte", "Kofi", "Elif", "Anton", "Noor")
LAST = ("Carvalho", "Reyes", "Okoro", "Brandt", "Vermeer", "Lindqvist", "Holm", "Ferris", "Quill", "Moreau",
        "Adeyemi", "Castell", "Novak", "Haddad", "Sorensen", "Ibarra", "Kowal", "Rasku", "Delacroix", "Mbeki",
        "Tanaka", "Oyelaran", "Petrov", "Whitlock")
ROLES = ("the harbour master", "the mayor", "a city councillor", "the head teacher", "the transport minister",
         "a spokesperson for the council", "the hospital's chief executive", "the union's regional secretary",
         "the police superintendent", "the chair of the residents' association", "a local shop owner")
ANONYMOUS = ("a senior official", "a council spokesperson", "two people familiar with the talks",
             "an official who asked not to be named")
OUTLETS = ("Harbour Post", "Brackwater Courier", "The Tidewater Ledger", "Northfield Gazette", "Valley Herald",
           "Port Wenlow Times")
PLACES = ("Port Wenlow", "Brackwater", "Northfield", "Kestrel Bay", "Ashby Vale", "Millbrook")
TOPICS = (
    ("the ferry timetable", "ferries will run every hour from June", "the old pier will close for repairs"),
    ("the library budget", "the library will open on Sundays", "the evening hours will be extended"),
    ("the bridge works", "the bridge will reopen in the spring", "the contractor needs six more months"),
    ("the school extension", "two more classrooms are needed", "the building work will start in August"),
    ("the market move", "the Saturday market will move to the quay", "stallholders will pay lower fees"),
    ("the hospital car park", "parking will be free for night staff", "a new car park will open next year"),
    ("the bus strike", "drivers will walk out on Monday", "talks will resume after the weekend"),
    ("the flood defences", "the sea wall will be raised by a metre", "homes on the quay remain at risk"),
)
PLAIN = (
    "The decision follows months of debate in {place}.",
    "The council meets again on {day}.",
    "Residents have been invited to comment on the plans until the end of the month.",
    "The project is expected to cost about {money} million.",
    "A similar scheme was tried in {place2} three years ago.",
    "Figures published last week show a rise in complaints about {topic}.",
    "The plans will be discussed at a public meeting in the town hall.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def article(index: int, *, seed: int = 7, sentences: int = 8) -> dict[str, Any]:
    """The article number ``index`` of the generated corpus with ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    topic, claim, claim2 = rng.choice(TOPICS)
    place, place2 = rng.sample(PLACES, 2)
    speakers = [_person(rng) for _ in range(3)]
    role = rng.choice(ROLES)
    outlet = rng.choice(OUTLETS)
    day = rng.choice(DAYS)
    reporter = " ".join(_person(rng))
    fill = {"place": place, "place2": place2, "day": day, "money": rng.randint(2, 90), "topic": topic}

    def quote_sentence() -> str:
        first, last = rng.choice(speakers)
        full = f"{first} {last}"
        shape = rng.randrange(9)
        if shape == 0:
            return f"\u201c{claim.capitalize()},\u201d said {full}, {role}."
        if shape == 1:
            return f"{full} said that {claim}."
        if shape == 2:
            return f"\u201cWe have listened to people in {place},\u201d {last} said. \u201cThis is the right " \
                   f"decision.\u201d"
        if shape == 3:
            return f"According to {rng.choice(ANONYMOUS)}, {claim2}."
        if shape == 4:
            return f"In a statement on {day}, {full} said {claim2}."
        if shape == 5:
            return f"\u201cIt is too early to say,\u201d {rng.choice(ANONYMOUS)} told the {outlet}."
        if shape == 6:
            return f"{last} wrote on social media that {claim} and thanked residents for their patience."
        if shape == 7:
            return f"\u201cThe timing,\u201d {last} said, \u201cmatters more than the cost.\u201d"
        return f"{full} told {reporter} of the {outlet} that {claim2}, according to a recording of the meeting."

    body: list[str] = []
    for _ in range(sentences):
        body.append(quote_sentence() if rng.random() < 0.6 else rng.choice(PLAIN).format(**fill))
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
    return {
        "id": f"gen-{seed}-{index:07d}",
        "title": f"{place}: {topic} decision expected",
        "outlet": outlet,
        "published": published.isoformat(),
        "author": reporter,
        "text": "\n\n".join(paragraphs),
    }


def articles(n: int, *, seed: int = 7, sentences: int = 8, start: int = 0) -> Iterator[dict[str, Any]]:
    for index in range(start, start + n):
        yield article(index, seed=seed, sentences=sentences)


def write_jsonl(docs: Iterable[dict[str, Any]], path: Path) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as stream:
        for doc in docs:
            stream.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def page_html(doc: dict[str, Any]) -> bytes:
    """A news page for ``doc``: navigation, the article with its metadata, a footer."""
    from html import escape

    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in doc["text"].split("\n\n"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(doc['title'])} | {escape(doc['outlet'])}</title>
<meta property="og:site_name" content="{escape(doc['outlet'])}">
<meta name="author" content="{escape(doc['author'])}">
<meta property="article:published_time" content="{doc['published']}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<main><article><h1>{escape(doc['title'])}</h1>
<p class="byline">By {escape(doc['author'])}</p>
{paragraphs}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside>
<footer>&copy; {escape(doc['outlet'])}. All rights reserved.</footer>
</body></html>""".encode()


def write_warc(docs: Iterable[dict[str, Any]], path: Path, *, extra_every: int = 20) -> dict[str, int]:
    """A WARC.gz (gzip per record) of one request + response per article, written with warcio; every
    ``extra_every``-th page is followed by a non-article response (an image), as in a real crawl.
    Returns counts of what was written."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    counts = {"articles": 0, "images": 0}
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for i, doc in enumerate(docs):
            slug = doc["id"]
            url = f"https://{doc['outlet'].lower().replace(' ', '')}.example/{doc['published']}/{slug}"
            date_header = {"WARC-Date": f"{doc['published']}T09:00:00Z"}
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
                warc_headers_dict=date_header))
            body = page_html(doc)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http, warc_headers_dict=date_header))
            counts["articles"] += 1
            if extra_every and i % extra_every == extra_every - 1:
                image = b"\x89PNG\r\n\x1a\n" + bytes(512)
                http = StatusAndHeaders("200 OK", [("Content-Type", "image/png"),
                                                   ("Content-Length", str(len(image)))], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + ".png", "response", payload=io.BytesIO(image),
                                                              http_headers=http, warc_headers_dict=date_header))
                counts["images"] += 1
    return counts
