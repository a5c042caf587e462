"""Bytes -> str: BOMs, invalid UTF-8, binary data, declared HTML charsets."""

from __future__ import annotations

import codecs

import pytest

from onrecord.errors import InputError
from onrecord.ingest.decode import binary_reason, declared_charset, decode_html, decode_text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain words", "plain words"),
        ("caf\u00e9 \u201cquoted\u201d".encode(), "caf\u00e9 \u201cquoted\u201d"),
        (codecs.BOM_UTF8 + b"after a BOM", "after a BOM"),
        (codecs.BOM_UTF16_LE + "little \u00e9ndian".encode("utf-16-le"), "little \u00e9ndian"),
        (codecs.BOM_UTF16_BE + "big \u00e9ndian".encode("utf-16-be"), "big \u00e9ndian"),
        (b"line one\r\nline two\r\n", "line one\r\nline two\r\n"),  # newlines kept: offsets index this text
        (b"\x1b[1mbold\x1b[0m and a tab\t", "\x1b[1mbold\x1b[0m and a tab\t"),
    ],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data, name="doc") == expected


@pytest.mark.parametrize(
    ("data", "byte"),
    [
        (b"abc\xffdef", 3),
        (b"\xe2\x80 truncated sequence", 0),
        (codecs.BOM_UTF8 + b"ab\xff", 5),  # counted in the file, BOM included
        ("d\u00e9j\u00e0 vu".encode("latin-1"), 1),
    ],
)
def test_invalid_utf8_names_the_byte(data: bytes, byte: int) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, name="notes.txt")
    assert info.value.document == "notes.txt"
    assert info.value.reason == f"not valid UTF-8 at byte {byte}"
    assert str(info.value) == f"notes.txt: not valid UTF-8 at byte {byte}"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"some text\x00with a NUL",
        bytes(range(1, 9)) * 50,  # control characters, no NUL
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    assert binary_reason(data) is not None
    with pytest.raises(InputError, match="looks binary"):
        decode_text(data, name="blob.txt")


def test_a_few_control_characters_are_still_text() -> None:
    data = b"A bell \x07 rang once in a long paragraph of ordinary words. " * 3
    assert binary_reason(data) is None
    assert "\x07" in decode_text(data, name="doc")


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<META CHARSET=Shift_JIS>", "shift_jis"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8-r"),
        (b'<meta charset="utf-8">', "utf-8"),
        (b'<meta charset="utf-16">', "utf-8"),  # a page readable as ASCII is not UTF-16
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head>") == codec


def test_decode_html_honours_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>\u201cCaf\u00e9,\u201d she said.</p>'
    assert "\u201cCaf\u00e9,\u201d she said." in decode_html(page.encode("cp1252"), name="p.html")


def test_decode_html_with_a_wrong_utf8_declaration_keeps_going() -> None:
    page = b'<html><head><meta charset="utf-8"></head><body><p>bad \xff byte</p>'
    assert "bad \ufffd byte" in decode_html(page, name="p.html")


def test_decode_html_without_declaration_guesses() -> None:
    page = ("<html><body><p>" + "Der B\u00fcrgermeister sagte, die Br\u00fccke sei sicher. " * 20 + "</p>")
    text = decode_html(page.encode("latin-1"), name="p.html")
    assert "<p>Der B" in text and "\ufffd" not in text


def test_decode_html_refuses_binary() -> None:
    with pytest.raises(InputError, match="looks binary") as info:
        decode_html(b"\x00\x01\x02<html>", name="page.html")
    assert info.value.document == "page.html"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(encoding: str) -> None:
    text = "\u201cWe fixed the roads,\u201d said Ana Lind.\n"
    assert decode_text(text.encode(encoding), name="doc") == text
    page = f"<html><body><p>{text}</p></body></html>"
    assert decode_html(page.encode(encoding), name="page") == page


def test_binary_with_nul_bytes_in_every_other_position_is_still_binary() -> None:
    data = bytes(b for i in range(4000) for b in (i % 7 + 1, 0))  # control characters, not text
    with pytest.raises(InputError) as info:
        decode_text(data, name="blob")
    assert "looks binary" in info.value.reason
