"""One reader per format: plain text, HTML, JSONL. Each returns :class:`Article` (or yields them) or raises /
yields an :class:`InputError` that names the document and the reason.

``name`` is how errors refer to a document (a path, ``path:line``, ``<stdin>``); ``id`` becomes ``Article.id``.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, InputError, NoArticleError
from onrecord.ingest.decode import decode_html, decode_text
from onrecord.settings import DEFAULT
from onrecord.types import Article

#: A UTF-8 character takes at most 4 bytes, so a text file longer than this many bytes per allowed character
#: is over ``Settings.max_chars`` whatever it contains; it is refused before it is read into memory.
MAX_BYTES_PER_CHAR = 4

#: trafilatura refuses pages larger than its MAX_FILE_SIZE; we say so instead of reporting "no article".
MAX_HTML_BYTES = 20_000_000

Source = str | os.PathLike[str] | bytes


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading bytes, decompressing it when its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def read_bytes(source: Source, *, name: str, limit: int, what: str) -> bytes:
    """The bytes of ``source`` (a path, decompressed if ``.gz``, or bytes), refusing more than ``limit``."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with open_binary(Path(source)) as stream:
                data = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"cannot read file: {_os_reason(exc)}", document=name) from None
    if len(data) > limit:
        raise DocumentTooLargeError(f"over {limit:,} bytes, {what}", document=name)
    return data


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _names(source: Source, name: str | None, id: str | None) -> tuple[str, str]:
    if name is None:
        name = "<bytes>" if isinstance(source, bytes) else os.fspath(source)
    if id is None:
        id = name if isinstance(source, bytes) else document_stem(Path(source))
    return name, id


def document_stem(path: Path) -> str:
    """A file's name without ``.gz`` and its format extension: ``news/a.html.gz`` -> ``a``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem else name


def _require_text(text: str, *, name: str) -> str:
    if not text.strip():
        raise EmptyDocumentError("document is empty (no text to read)", document=name)
    return text


def text_byte_limit(max_chars: int) -> int:
    """The most bytes a text of ``max_chars`` characters can take (plus a byte-order mark)."""
    return MAX_BYTES_PER_CHAR * max_chars + 4


def read_text(
    source: Source, *, name: str | None = None, id: str | None = None, max_chars: int = DEFAULT.max_chars
) -> Article:
    """A plain-text article from a path (``.gz`` decompressed) or bytes; its text is the file as decoded.

    Raises :class:`InputError`: not UTF-8, binary, empty, or more bytes than ``max_chars`` characters can take
    (the character count itself is checked by the API).
    """
    name, id = _names(source, name, id)
    what = f"more than the limit of {max_chars:,} characters (settings.max_chars)"
    text = decode_text(read_bytes(source, name=name, limit=text_byte_limit(max_chars), what=what), name=name)
    return Article(text=_require_text(text, name=name), id=id)


def read_html(
    source: Source, *, name: str | None = None, id: str | None = None, url: str | None = None
) -> Article:
    """An article from an HTML page (path or bytes): main text and metadata by trafilatura, favouring precision.

    Title, author, date, outlet (site name, else host name) and URL come from the page where it gives them;
    ``url`` overrides the page's own. Raises :class:`NoArticleError` when no article text is found.
    """
    import trafilatura

    name, id = _names(source, name, id)
    data = read_bytes(source, name=name, limit=MAX_HTML_BYTES, what="the largest page trafilatura reads")
    if not data.strip():
        raise EmptyDocumentError("document is empty (no HTML to read)", document=name)
    html = decode_html(data, name=name)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as exc:  # noqa: BLE001 -- one unparsable page must not stop a batch; the reason is kept
        raise InputError(f"HTML could not be parsed: {type(exc).__name__}: {exc}", document=name) from exc
    if doc is None or not (doc.text or "").strip():
        raise NoArticleError("no article text found in the HTML page", document=name)
    return Article(
        text=doc.text,
        id=id,
        title=doc.title or None,
        outlet=doc.sitename or doc.hostname or None,
        url=url or doc.url or None,
        published=doc.date or None,
        author=doc.author or None,
    )


def iter_jsonl(
    source: str | os.PathLike[str] | Iterable[bytes], *, name: str | None = None
) -> Iterator[Article | InputError]:
    """One article per line of a JSONL file (``.jsonl`` or ``.jsonl.gz``), binary stream or iterable of lines.

    Each line is an object with ``text`` and usually ``id``; ``title``, ``outlet``, ``url``, ``published`` (or
    ``date``) and ``author`` are kept when present. A line without an ``id`` gets ``name:line``. A bad line
    yields an :class:`InputError` naming ``name:line`` and the reason, and reading goes on.
    Lone surrogates (``"\\ud800"``, valid JSON but not Unicode) become U+FFFD, one character for one, so
    offsets still index the text as given.
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = name or os.fspath(path)
        try:
            stream = open_binary(path)
        except OSError as exc:
            yield InputError(f"cannot read file: {_os_reason(exc)}", document=name)
            return
        with stream:
            yield from _jsonl_lines(stream, name=name)
    else:
        yield from _jsonl_lines(source, name=name or "<stream>")


def _jsonl_lines(lines: Iterable[bytes], *, name: str) -> Iterator[Article | InputError]:
    lineno = 0
    try:
        for lineno, raw in enumerate(lines, 1):  # noqa: B007 -- lineno is reported after the loop too
            if not raw.strip():
                continue
            try:
                yield parse_jsonl_line(raw, name=f"{name}:{lineno}")
            except InputError as exc:
                yield exc
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz
        yield InputError(f"cannot read past line {lineno}: {_os_reason(exc)}", document=name)


def parse_jsonl_line(raw: bytes, *, name: str) -> Article:
    """One JSONL line -> Article; ``name`` (``path:line``) is the default id and names the line in errors."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start} of the line", document=name) from None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at column {exc.colno}", document=name) from None
    if not isinstance(data, dict):
        raise InputError(f"not a JSON object (got {type(data).__name__})", document=name)
    if "text" not in data:
        raise InputError("no 'text' field", document=name)
    text = data["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' is not a string (got {type(text).__name__})", document=name)
    text = _replace_lone_surrogates(text)
    doc_id = _meta(data.get("id"))
    _require_text(text, name=name if doc_id is None else f"{name} (id {doc_id})")
    return Article(
        text=text,
        id=name if doc_id is None else doc_id,
        title=_meta(data.get("title")),
        outlet=_meta(data.get("outlet")),
        url=_meta(data.get("url")),
        published=_meta(data.get("published") or data.get("date")),
        author=_meta(data.get("author")),
    )


def _meta(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    return _replace_lone_surrogates(str(value))


def _replace_lone_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text
