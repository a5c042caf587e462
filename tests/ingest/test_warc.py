"""WARC reading: response records -> Articles, the skip codes, offsets for splitting (pages written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.ingest.warc import WarcSkip, detect_language, is_warc, iter_warc, warc_offsets
from onrecord.types import Article
from warcs import Page, article_html, gzip_whole, write_warc

FERRY = [
    "\u201cThe ferry will run every hour from June,\u201d said Ines Carvalho, the harbour master of Port Wenlow.",
    "Carvalho told the town council on Monday that the old pier would close for repairs in the autumn, and "
    "that the work would be paid for by the regional transport fund rather than by local taxes.",
    "Councillor Tomas Reyes said the timetable was a good start but asked for later sailings at weekends.",
]
LIBRARY = [
    "The Brackwater library will open on Sundays from next month, its director Hana Okoro announced on Friday.",
    "\u201cReaders have asked for this for years, and the budget finally allows it,\u201d Okoro said in a "
    "statement. The library will also extend its evening hours during the exam season in May and June.",
    "The city council approved the extra funding last week after a petition gathered four thousand names.",
]
GERMAN = [
    "Die F\u00e4hre wird ab Juni jede Stunde fahren, sagte die Hafenmeisterin am Montag vor dem Gemeinderat.",
    "Der alte Anleger soll im Herbst f\u00fcr Reparaturen geschlossen werden, die Kosten tr\u00e4gt der Verkehrsfonds.",
    "Ein Ratsmitglied sagte, der Fahrplan sei ein guter Anfang, forderte aber sp\u00e4tere Fahrten am Wochenende.",
]

PAGES = [
    Page("https://ledger.example/2024/ferry", article_html("Ferry to run every hour", FERRY,
                                                           published="2024-03-04")),
    Page("https://ledger.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
    Page("https://ledger.example/de/faehre", article_html("F\u00e4hre f\u00e4hrt st\u00fcndlich", GERMAN,
                                                          lang="de")),
    Page("https://ledger.example/", b"<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"),
    Page("https://ledger.example/gone", b"<html><body>Not found</body></html>", status="404 Not Found"),
    Page("https://ledger.example/2024/library", article_html("Library to open on Sundays", LIBRARY),
         date="2024-03-06T08:30:00Z"),
]


@pytest.fixture
def warc(tmp_path: Path) -> Path:
    return write_warc(tmp_path / "crawl.warc.gz", PAGES)


def test_response_records_become_articles_or_counted_skips(warc: Path) -> None:
    items = list(iter_warc(warc))
    assert len(items) == len(PAGES)  # request records are not documents
    ferry, png, german, home, gone, library = items
    assert isinstance(ferry, Article) and isinstance(library, Article)
    assert "every hour from June" in ferry.text and "Tomas Reyes" in ferry.text
    assert ferry.url == "https://ledger.example/2024/ferry"
    assert ferry.title == "Ferry to run every hour"
    assert ferry.outlet == "The Tidewater Ledger"
    assert ferry.published == "2024-03-04"  # the page's own date
    assert library.published == "2024-03-06T08:30:00Z"  # no date in the page: the WARC-Date
    assert ferry.id.startswith("urn:uuid:") and ferry.id != library.id
    codes = [item.code for item in (png, german, home, gone)]
    assert codes == ["not-html", "not-english", "no-article", "not-ok"]
    assert all(isinstance(item, WarcSkip) for item in (png, german, home, gone))
    assert german.document == f"{warc}#https://ledger.example/de/faehre"
    assert "image/png" in png.reason and "404" in gone.reason and "de" in german.reason


def test_ids_are_stable_across_reads(warc: Path) -> None:
    first = [a.id for a in iter_warc(warc) if isinstance(a, Article)]
    again = [a.id for a in iter_warc(warc) if isinstance(a, Article)]
    assert first == again and len(first) == 2


def test_other_languages_can_be_kept(warc: Path) -> None:
    items = list(iter_warc(warc, english_only=False))
    assert isinstance(items[2], Article) and "F\u00e4hre" in items[2].text


@pytest.mark.parametrize("gzip", [True, False])
def test_reading_from_an_offset_gives_the_same_records(tmp_path: Path, gzip: bool) -> None:
    path = write_warc(tmp_path / ("c.warc.gz" if gzip else "c.warc"), PAGES, gzip=gzip)
    offsets = warc_offsets(path)
    assert len(offsets) == len(PAGES)
    whole = list(iter_warc(path))
    for start in range(len(PAGES)):
        part = list(iter_warc(path, offset=offsets.offsets[start], count=2, first_id=offsets.record_ids[start]))
        assert _keys(part) == _keys(whole[start : start + 2])


def test_a_file_gzipped_as_one_stream_is_read_from_the_start(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "c.warc", PAGES, gzip=False)
    whole_gz = gzip_whole(plain, tmp_path / "c.warc.gz")
    offsets = warc_offsets(whole_gz)
    assert len(offsets) == len(PAGES)
    # the offsets are not gzip member boundaries here, so the reader falls back to skipping from the start
    part = list(iter_warc(whole_gz, offset=offsets.offsets[4], count=2, first_id=offsets.record_ids[4]))
    assert _keys(part) == _keys(list(iter_warc(plain))[4:6])


@pytest.mark.parametrize("cut", [100, 300, 2000])
@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_file_gives_what_can_be_read_and_never_raises(tmp_path: Path, cut: int, gzip: bool) -> None:
    whole = write_warc(tmp_path / ("c.warc.gz" if gzip else "c.warc"), PAGES, gzip=gzip)
    data = whole.read_bytes()
    truncated = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    truncated.write_bytes(data[: len(data) - cut])
    items = list(iter_warc(truncated))
    assert 1 <= len(items) <= len(PAGES)
    assert all(isinstance(i, (Article, WarcSkip)) for i in items)
    assert _keys(items[:2]) == _keys(list(iter_warc(whole))[:2])  # the records before the cut


def test_the_http_charset_is_used_when_the_page_declares_none(tmp_path: Path) -> None:
    text = [p.replace("\u201c", '"').replace("\u201d", '"').replace("Carvalho", "Carvalho of \u0141\u00f3d\u017a")
            for p in FERRY]
    html = article_html("Ferry", text).replace(b'<meta charset="utf-8">', b"")
    body = html.decode("utf-8").encode("iso-8859-2")
    path = write_warc(tmp_path / "c.warc.gz", [Page("https://x.example/a", body,
                                                    content_type="text/html; charset=iso-8859-2")])
    (article,) = iter_warc(path)
    assert isinstance(article, Article)
    assert "Carvalho of \u0141\u00f3d\u017a" in article.text


def test_missing_file(tmp_path: Path) -> None:
    (item,) = iter_warc(tmp_path / "none.warc.gz")
    assert isinstance(item, WarcSkip) and item.code == "unreadable" and "cannot open" in item.reason


def test_names_and_language() -> None:
    assert is_warc("a/CC-NEWS-1.warc.gz") and is_warc("x.WARC") and not is_warc("x.jsonl.gz")
    assert detect_language(" ".join(FERRY)) == "en"
    assert detect_language(" ".join(GERMAN)) == "de"


def _keys(items: list[Article | WarcSkip]) -> list[tuple[str, str]]:
    return [("article", i.id) if isinstance(i, Article) else ("skip", i.code) for i in items]


# --- a file cut short, a payload that decodes past the limit (issue 12) -------------------------------------


def _cuts(path: Path) -> list[int]:
    """Lengths to cut ``path`` to, all inside the request and response records of its last page: never at a
    record boundary, where the shorter file is a whole WARC, nor in the last 8 bytes (the gzip trailer, or the
    blank lines after the record), where the page itself is whole."""
    from fastwarc.warc import ArchiveIterator

    size = path.stat().st_size
    with open(path, "rb") as stream:
        starts = [r.stream_pos for r in ArchiveIterator(stream, parse_http=False)]
    return [n for n in range(starts[-2] + 1, size - 8, 41) if n not in starts] + [size - 9]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_file_cut_inside_its_last_page_keeps_the_whole_pages_and_reports_the_cut(tmp_path: Path, gzip: bool) -> None:
    pages = [PAGES[0], PAGES[5], Page("https://ledger.example/2024/ferry-2", PAGES[0].body)]
    whole = write_warc(tmp_path / ("w.warc.gz" if gzip else "w.warc"), pages, gzip=gzip)
    expected = list(iter_warc(whole))
    assert all(isinstance(i, Article) for i in expected)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    for size in _cuts(whole):
        cut.write_bytes(data[:size])
        *read, last = iter_warc(cut)
        assert read[:2] == expected[:2], size
        # the last page is left out, or read whole when the cut took only the end of its gzip member
        assert read[2:] in ([], [expected[2]]), size
        assert isinstance(last, WarcSkip) and last.code == "unreadable", (size, last)
        assert "truncated" in last.reason, (size, last.reason)


def _encoded_warc(path: Path, pages: list[tuple[str, bytes, list[tuple[str, str]]]]) -> Path:
    """A WARC of responses whose payloads are given as sent, with extra HTTP headers (Content-Encoding ...)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body, headers in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    return path


def _gzip_bomb(size: int) -> bytes:
    import zlib

    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    return packer.compress(b"<html><body><p>") + b"".join(packer.compress(b" " * 2**20) for _ in range(size // 2**20)) \
        + packer.flush()


def test_a_payload_that_decodes_past_the_limit_is_too_large_and_the_next_pages_are_read(tmp_path: Path) -> None:
    bomb = _gzip_bomb(200 * 2**20)  # 200 MiB of spaces in 200 KB
    path = _encoded_warc(tmp_path / "bomb.warc.gz", [
        ("https://x.example/bomb", bomb, [("Content-Encoding", "gzip")]),
        ("https://x.example/ferry", article_html("Ferry", FERRY), []),
    ])
    bombed, ferry = iter_warc(path, max_bytes=1_000_000)
    assert isinstance(bombed, WarcSkip) and bombed.code == "too-large"
    assert bombed.reason == "payload decodes to over 1,000,000 bytes, the limit"
    assert isinstance(ferry, Article) and "every hour from June" in ferry.text


def test_content_and_transfer_encodings_are_undone(tmp_path: Path) -> None:
    import gzip as gz
    import zlib

    import brotli

    page = article_html("Ferry", FERRY)
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i:i + 500]), page[i:i + 500]) for i in range(0, len(page), 500))
    encodings = {
        "gzip": (gz.compress(page), [("Content-Encoding", "gzip")]),
        "deflate": (zlib.compress(page), [("Content-Encoding", "deflate")]),
        "raw-deflate": (raw.compress(page) + raw.flush(), [("Content-Encoding", "deflate")]),
        "br": (brotli.compress(page), [("Content-Encoding", "br")]),
        "chunked": (chunked + b"0\r\n\r\n", [("Transfer-Encoding", "chunked")]),
        "chunked-gzip": (b"%x\r\n%s\r\n0\r\n\r\n" % (len(gz.compress(page)), gz.compress(page)),
                         [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
    }
    path = _encoded_warc(tmp_path / "encoded.warc.gz",
                         [(f"https://x.example/{name}", body, headers) for name, (body, headers) in encodings.items()])
    items = list(iter_warc(path))
    assert [(i.url, "every hour from June" in i.text) for i in items] == [
        (f"https://x.example/{name}", True) for name in encodings]
