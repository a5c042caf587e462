"""Bytes -> str, with a clear reason when the bytes are not text.

Plain text must be UTF-8 (a byte-order mark is dropped); UTF-16 is accepted too, with a BOM or without one when
its NUL bytes show it (English text in UTF-16 has a NUL in every other byte).
HTML honours the charset the page declares, then falls back to a guess and finally to UTF-8 with
replacement characters: a page with one bad byte is still worth reading, a text file is not.
Offsets downstream index the string returned here.
"""

from __future__ import annotations

import codecs
import re

from onrecord.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Bytes that do not occur in text: C0 controls other than tab, newlines, form feed and escape; DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_SAMPLE = 8192
_BINARY_RATIO = 0.10

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CHARSET_PRESCAN = 4096
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252; a UTF-16 label on a page
# whose bytes could be read this far is wrong, so it is treated as UTF-8.
_CHARSET_ALIASES = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def split_bom(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark announces (or None) and the bytes after it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None, data


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (without a BOM) looks like UTF-16 text: NUL bytes in at
    least a third of the odd (little-endian) or even (big-endian) positions of its first bytes and in almost none
    of the others; else None."""
    sample = data[:_BINARY_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs / 3 and even <= pairs / 50:
        return "utf-16-le"
    if even >= pairs / 3 and odd <= pairs / 50:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes) -> str | None:
    """``data`` decoded as UTF-16 without a BOM when it looks like it and decodes to text, else None."""
    encoding = utf16_without_bom(data)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if binary_reason(text[:_BINARY_SAMPLE].encode("utf-8")) else text


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file rather than text, or None when it does not."""
    if b"\x00" in data:
        return "looks binary (contains NUL bytes); expected UTF-8 text"
    sample = data[:_BINARY_SAMPLE]
    if sample:
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if controls / len(sample) > _BINARY_RATIO:
            return f"looks binary ({controls / len(sample):.0%} control characters); expected UTF-8 text"
    return None


def decode_text(data: bytes, *, name: str) -> str:
    """Decode a plain-text document: UTF-8 (BOM dropped), or UTF-16 (with a BOM, or without one, see
    :func:`utf16_without_bom`).

    Raises :class:`InputError` naming ``name`` for binary data or bytes that are not valid UTF-8.
    """
    encoding, body = split_bom(data)
    if encoding is None and (text := _decode_utf16(body)) is not None:
        return text
    encoding = encoding or "utf-8"
    if encoding == "utf-8" and (reason := binary_reason(body)):
        raise InputError(reason, document=name)
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise InputError(f"not valid {label} at byte {exc.start + len(data) - len(body)}", document=name) from None


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset an HTML page declares in its first bytes, or None."""
    match = _DECLARED_CHARSET.search(data[:_CHARSET_PRESCAN])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(codec, codec)


def decode_html(data: bytes, *, name: str) -> str:
    """Decode an HTML page: BOM, then UTF-16 without a BOM (see :func:`utf16_without_bom`), then the declared
    charset, then UTF-8, then a guess, then UTF-8 with U+FFFD.

    Raises :class:`InputError` naming ``name`` only for data that looks binary.
    """
    encoding, body = split_bom(data)
    if encoding:
        return body.decode(encoding, errors="replace")
    if (text := _decode_utf16(body)) is not None:
        return text
    if reason := binary_reason(body):
        raise InputError(reason, document=name)
    declared = declared_charset(body)
    if declared and declared != "utf-8":
        return body.decode(declared, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is None:
        from trafilatura.utils import detect_encoding

        for guess in detect_encoding(body):
            try:
                return body.decode(guess)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", errors="replace")
