"""One reader per format: plain text, HTML, JSONL (sentences and pages written for these tests)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, InputError, NoArticleError
from onrecord.ingest import iter_jsonl, read_html, read_text
from onrecord.types import Article

QUOTE = "\u201cThe repairs are ahead of schedule,\u201d said Mara Lindqvist, the city\u2019s chief engineer."

PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour bridge to reopen in spring | The Tidewater Ledger</title>
<meta name="author" content="Ada Quill">
<meta property="og:site_name" content="The Tidewater Ledger">
<meta property="og:url" content="https://ledger.example/2024/03/bridge">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour bridge to reopen in spring</h1>
<p>{QUOTE}</p>
<p>Lindqvist told reporters on Tuesday that the new deck would carry cyclists as well as cars, and that the
tolls would not rise before the end of next year.</p>
<p>A spokesman for the port authority said in a statement that shipping in the channel would not be disrupted
while the last of the cranes were taken down.</p>
</article>
<aside class="newsletter">Sign up for the Morning Tide newsletter and never miss a story.</aside>
<footer>Copyright The Tidewater Ledger. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


# --- plain text ----------------------------------------------------------------------------------------------


def test_read_text_from_a_path(tmp_path: Path) -> None:
    text = "First paragraph.\r\n\r\n" + QUOTE + "\n"
    article = read_text(write(tmp_path / "story.txt", text.encode()))
    assert article == Article(text=text, id="story")
    start = article.text.index("Mara")
    assert article.text[start : start + len("Mara Lindqvist")] == "Mara Lindqvist"


def test_read_text_gz_and_bom(tmp_path: Path) -> None:
    article = read_text(write(tmp_path / "story.txt.gz", b"\xef\xbb\xbf" + QUOTE.encode()))
    assert article.text == QUOTE  # the BOM is not part of the text, so offsets start at the first word
    assert article.id == "story"


def test_read_text_from_bytes_uses_name(tmp_path: Path) -> None:
    assert read_text(QUOTE.encode(), name="wire-7").id == "wire-7"
    with pytest.raises(InputError) as info:
        read_text(b"\xfd\xfc not text", name="wire-8")
    assert str(info.value).startswith("wire-8: ")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf"])
def test_empty_text_is_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "blank.txt", data)
    with pytest.raises(EmptyDocumentError) as info:
        read_text(path)
    assert info.value.document == str(path)
    assert "empty" in info.value.reason


def test_invalid_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Le ma\u00eetre a dit: \u00ab non \u00bb.".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: not valid UTF-8 at byte 5"


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match=r"looks binary") as info:
        read_text(path)
    assert info.value.document == str(path)


def test_five_megabyte_text_gets_a_clear_message(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", b"All work and no play. " * (5_000_000 // 22 + 1))
    with pytest.raises(DocumentTooLargeError) as info:
        read_text(path)  # default settings: 1,000,000 characters
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "1,000,000 characters" in message and "settings.max_chars" in message


def test_size_guard_only_refuses_what_cannot_fit(tmp_path: Path) -> None:
    # 30 characters with a limit of 10: ingest cannot know the character count cheaply, so it reads it
    # and leaves the character limit to the API; 100 bytes cannot fit 10 characters at 4 bytes each.
    assert read_text(write(tmp_path / "a.txt", b"x" * 30), max_chars=10).text == "x" * 30
    with pytest.raises(DocumentTooLargeError):
        read_text(write(tmp_path / "b.txt", b"x" * 100), max_chars=10)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file") as info:
        read_text(tmp_path / "gone.txt")
    assert info.value.document == str(tmp_path / "gone.txt")


# --- HTML ------------------------------------------------------------------------------------------------------


def test_read_html_text_and_metadata(tmp_path: Path) -> None:
    article = read_html(write(tmp_path / "bridge.html", PAGE.encode()))
    assert article.id == "bridge"
    assert article.title == "Harbour bridge to reopen in spring"
    assert article.author == "Ada Quill"
    assert article.outlet == "The Tidewater Ledger"
    assert article.published == "2024-03-05"
    assert article.url == "https://ledger.example/2024/03/bridge"
    assert QUOTE in article.text
    for boilerplate in ("Sign up for the Morning Tide", "All rights reserved", "Sport"):
        assert boilerplate not in article.text
    start = article.text.index("Mara Lindqvist")
    assert article.text[start : start + 14] == "Mara Lindqvist"


def test_read_html_url_argument_wins(tmp_path: Path) -> None:
    article = read_html(PAGE.encode(), name="page", url="https://mirror.example/bridge")
    assert article.url == "https://mirror.example/bridge"
    assert article.id == "page"


def test_read_html_gz_path(tmp_path: Path) -> None:
    article = read_html(write(tmp_path / "saved" / "bridge.html.gz", PAGE.encode()))
    assert article.id == "bridge" and QUOTE in article.text


def test_read_html_declared_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("\u2019", "'")
    article = read_html(write(tmp_path / "old.htm", page.encode("cp1252")))
    assert QUOTE.replace("\u2019", "'") in article.text


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>Nothing here</title></head><body></body></html>",
        b"<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_html_without_article(page: bytes) -> None:
    with pytest.raises(NoArticleError) as info:
        read_html(page, name="empty.html")
    assert str(info.value) == "empty.html: no article text found in the HTML page"


def test_empty_html_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocumentError):
        read_html(write(tmp_path / "nothing.html", b"  \n"))


def test_binary_html_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="looks binary"):
        read_html(write(tmp_path / "photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"))


# --- JSONL -----------------------------------------------------------------------------------------------------


def jsonl(*lines: object) -> bytes:
    return b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines)


def test_iter_jsonl_keeps_ids_and_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.jsonl",
        jsonl(
            {"id": "a-1", "text": QUOTE, "title": "Bridge", "outlet": "Ledger", "url": "https://l.example/a",
             "date": "2024-03-05", "author": ["Ada Quill", "Bo Reyes"], "attributions": []},
            {"id": 7, "text": "Second document.", "published": "2024-03-06T10:00:00Z"},
            {"text": "No id given."},
        ),
    )
    first, second, third = iter_jsonl(path)
    assert first == Article(text=QUOTE, id="a-1", title="Bridge", outlet="Ledger", url="https://l.example/a",
                            published="2024-03-05", author="Ada Quill, Bo Reyes")
    assert (second.id, second.published) == ("7", "2024-03-06T10:00:00Z")
    assert third.id == f"{path}:3"


def test_iter_jsonl_bad_lines_are_reported_and_the_rest_continue(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mixed.jsonl",
        jsonl(
            {"id": "ok-1", "text": "One."},
            b"{not json",
            {"id": "no-text", "title": "Headline only"},
            b"",  # blank lines are skipped, but still counted
            [1, 2, 3],
            {"id": "num", "text": 42},
            {"id": "blank", "text": "  \n "},
            b"{\"id\": \"bytes\", \"text\": \"caf\xe9\"}",
            {"id": "ok-2", "text": "Two."},
        ),
    )
    items = list(iter_jsonl(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok-1", "ok-2"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == [
        f"{path}:2: not JSON: Expecting property name enclosed in double quotes at column 2",
        f"{path}:3: no 'text' field",
        f"{path}:5: not a JSON object (got list)",
        f"{path}:6: 'text' is not a string (got int)",
        f"{path}:7 (id blank): document is empty (no text to read)",
        f"{path}:8: not valid UTF-8 at byte 28 of the line",
    ]
    assert isinstance(items[5], EmptyDocumentError)


def test_iter_jsonl_gz_and_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl.gz", b"\xef\xbb\xbf" + jsonl({"id": "g", "text": "Gzipped."}))
    assert list(iter_jsonl(path)) == [Article(text="Gzipped.", id="g")]


def test_iter_jsonl_truncated_gz(tmp_path: Path) -> None:
    lines = jsonl(*({"id": f"d{i}", "text": f"Document number {i}. " * 50} for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(lines)[:-200])
    items = list(iter_jsonl(path))
    assert isinstance(items[-1], InputError) and items[-1].document == str(path)
    assert f"cannot read line {len(items)}: " in items[-1].reason  # the line after the last one read
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) > 1


def test_iter_jsonl_missing_file(tmp_path: Path) -> None:
    (error,) = iter_jsonl(tmp_path / "none.jsonl")
    assert isinstance(error, InputError) and "cannot read file" in error.reason


def test_lone_surrogates_become_replacement_characters() -> None:
    import io

    (article,) = iter_jsonl(io.BytesIO(b'{"id": "s", "text": "before \\ud800 after"}\n'), name="<stdin>")
    assert article.text == "before \ufffd after"
    assert len(article.text) == len("before X after")
    article.text.encode("utf-8")  # writable as UTF-8 JSON


@pytest.mark.corpus
def test_shared_html_pages(shared_dir: Path) -> None:
    """Every saved page in ../shared/data/html gives an article; the annotated snippets are found."""
    root = shared_dir / "data" / "html"
    if not (root / "manifest.jsonl").is_file():
        pytest.skip("no saved HTML pages in shared data")
    found = expected = leaked = boilerplate = 0
    for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = read_html(root / record["file"], url=record["url"])
        assert article.id == record["file"].removesuffix(".html.gz")
        assert article.url == record["url"]
        assert "\ufffd" not in article.text, record["file"]  # all pages are valid UTF-8
        expected += len(record.get("with", []))
        found += sum(s in article.text for s in record.get("with", []))
        boilerplate += len(record.get("without", []))
        leaked += sum(s in article.text for s in record.get("without", []))
    assert found >= 0.9 * expected, (found, expected)
    assert leaked <= 0.2 * boilerplate, (leaked, boilerplate)



# --- bounds: nesting, line length, gzip bombs, UTF-16 and binary JSONL (issue 12) -----------------------------


def test_a_deeply_nested_line_is_an_error_for_that_line_and_the_rest_is_read(tmp_path: Path) -> None:
    deep = b'{"id": "deep", "text": "Ana Lind spoke.", "tags": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    path = write(tmp_path / "nested.jsonl", jsonl({"id": "before", "text": "Ana Lind spoke."}, deep,
                                                  {"id": "after", "text": "Bo Tarn replied."}))
    items = list(iter_jsonl(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["before", "after"]
    assert [str(i) for i in items if isinstance(i, InputError)] == [f"{path}:2: JSON nested too deeply to read"]


def test_an_over_long_line_is_passed_over_in_bounded_memory(tmp_path: Path) -> None:
    import base64
    import random
    import tracemalloc

    text = base64.b64encode(random.Random(3).randbytes(22_500_000))  # 30 MB that gzip cannot shrink much
    huge = b'{"id": "huge", "text": "' + text + b'"}'
    path = write(tmp_path / "big.jsonl.gz", jsonl({"id": "before", "text": "Ana Lind spoke."}, huge,
                                                  {"id": "after", "text": "Bo Tarn replied."}))
    del huge, text
    tracemalloc.start()
    try:
        items = list(iter_jsonl(path, max_chars=1000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.id for i in items if isinstance(i, Article)] == ["before", "after"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(error, DocumentTooLargeError) and error.document == f"{path}:2"
    assert error.reason.startswith("line of 30,000,027 bytes, over the limit of 1,060,576 bytes")  # with its newline
    assert peak < 8_000_000, peak  # the 30 MB line is never held


def test_a_gzip_bomb_stops_reading_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.ingest import readers

    monkeypatch.setattr(readers, "GZIP_RATIO_AFTER", 2**20, raising=False)  # not 16 MiB: a faster test
    blank_lines = b"\n" * 20_000_000  # 20 MB of blank lines compress about 1000 times
    path = write(tmp_path / "bomb.jsonl.gz", jsonl({"id": "first", "text": "Ana Lind spoke."}) + blank_lines +
                 jsonl({"id": "never", "text": "Bo Tarn replied."}))
    items = list(iter_jsonl(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["first"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.document == str(path)
    assert "decompresses to over 100 times its compressed size (a gzip bomb?)" in error.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe" + '{"id": "a", "text": "Ana Lind spoke."}\n'.encode("utf-16-le"), "this file is UTF-16"),
        ('{"id": "a", "text": "Ana Lind spoke."}\n'.encode("utf-16-be") * 3, "this file is UTF-16"),
        (bytes(range(256)) * 40, "looks binary (contains NUL bytes)"),
        (b"", "file is empty (no JSON lines to read)"),
        (b"\n \n\n", "file is empty (no JSON lines to read)"),
    ],
)
def test_a_jsonl_file_that_is_not_jsonl_gives_one_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "odd.jsonl", data)
    (error,) = iter_jsonl(path)
    assert isinstance(error, InputError) and error.document == str(path)
    assert reason in error.reason


def test_a_json_message_ending_in_at_is_not_doubled(tmp_path: Path) -> None:
    """json says 'Unterminated string starting at'; the reason reads '... starting at column 9', not 'at at'."""
    path = write(tmp_path / "cut.jsonl", b'{"text": "Ana Lind said')  # cut before its end: no newline
    (error,) = list(iter_jsonl(path))
    assert str(error) == f"{path}:1: not JSON: Unterminated string starting at column 10"
