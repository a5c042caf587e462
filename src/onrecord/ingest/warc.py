"""WARC and WARC.gz files (Common Crawl, CC-NEWS) -> :class:`onrecord.types.Article`, with fastwarc.

Only ``response`` records are documents; request, metadata, warcinfo and other records are passed over
without being counted. Each response record becomes an :class:`Article` or a :class:`WarcSkip` that names the
record and says why it was not read, with a short ``code`` so that a corpus run can count the reasons:

============  ===============================================================================================
code          meaning
============  ===============================================================================================
not-ok        the HTTP status is not 2xx (redirects, errors)
not-html      the payload is not HTML (Content-Type other than text/html or application/xhtml+xml, or a
              payload without a Content-Type that does not start with ``<``)
too-large     the payload is larger than ``max_bytes`` (the largest page trafilatura reads)
decode-error  the payload could not be decoded (binary data, a broken content encoding)
empty         the payload is empty
no-article    trafilatura found no article text in the page, or less than ``min_chars`` characters of it
              (home pages, index pages, forms, cookie walls ...)
not-english   the article text is not English (see :func:`is_english`)
unreadable    the record itself could not be parsed, or the file ends inside it (a truncated or corrupt file)
============  ===============================================================================================

A truncated file: every record is checked against the length its header declares, and the file's end after
the last record is checked too (the rest of its gzip member, or of the file), so a file cut short in the middle
of a record gives its complete records and then one ``unreadable`` skip saying where it was cut; the part of a
page before the cut is never taken for a page.

Article fields: ``id`` is the record's ``WARC-Record-ID`` (``urn:uuid:…``, without the angle brackets), so ids
are stable across runs and machines; ``url`` is the ``WARC-Target-URI``; title, author, outlet and date come
from the page through trafilatura, and ``published`` falls back to the ``WARC-Date`` (the crawl date) when the
page gives no date. Payloads are decoded by :func:`onrecord.ingest.decode.decode_html` (the page's declared
charset, then UTF-8, then a guess), with the HTTP header's charset used before the guess; the HTTP
``Content-Encoding`` (gzip, brotli ...) is undone by fastwarc.

Language: the article text (its first :data:`LANGUAGE_SAMPLE_CHARS` characters) is classified with py3langid,
the maintained fork of langid.py that trafilatura itself uses for its language filter (97 languages, a
pre-trained naive Bayes model shipped inside the package, about 0.2 ms a page after a 0.5 s model load).

Splitting a file: :func:`warc_offsets` lists the byte offset of each response record (the compressed offset
in a ``.warc.gz``, whose records are separate gzip members as the WARC standard recommends), and
:func:`iter_warc` can start at such an offset and stop after ``count`` response records, so one large file
can be processed as several shards without reading it from the start each time.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, InputError, NoArticleError
from onrecord.ingest.decode import declared_charset, split_bom
from onrecord.ingest.readers import MAX_HTML_BYTES, capped, open_regular, read_html
from onrecord.types import Article

#: A fastwarc ``WarcRecord`` (fastwarc is compiled and ships no type information; an HTTP response record is
#: parsed before it is passed on).
WarcRecord = Any

#: File name endings read as WARC.
WARC_SUFFIXES = (".warc", ".warc.gz")

#: Content types read as HTML.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: Pages whose article text is shorter than this are not articles (a list of links, a cookie notice).
MIN_ARTICLE_CHARS = 200

#: How much of an article's text the language check reads.
LANGUAGE_SAMPLE_CHARS = 2000

#: The codes a :class:`WarcSkip` carries.
SKIP_CODES = ("not-ok", "not-html", "too-large", "decode-error", "empty", "no-article", "not-english", "unreadable")


class WarcSkip(InputError):
    """A WARC response record that gives no article, with a short ``code`` (one of :data:`SKIP_CODES`)."""

    def __init__(self, code: str, reason: str, *, document: str | None = None) -> None:
        super().__init__(reason, document=document)
        self.code = code


class _FileSkip(WarcSkip):
    """A problem of the file rather than of one listed response record (a truncated request record, data after
    the last record that cannot be read): reported by whichever reader reaches it, even past its ``count``."""


#: Bytes of HTTP headers allowed on top of ``max_bytes`` in a record's block.
_HTTP_HEADER_ALLOWANCE = 65536


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Whether the file name ends in ``.warc`` or ``.warc.gz``."""
    return os.fspath(path).lower().endswith(WARC_SUFFIXES)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (its first :data:`LANGUAGE_SAMPLE_CHARS` characters)."""
    import py3langid  # its model is loaded once per process, on the first call

    lang, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(lang)


def is_english(text: str) -> bool:
    """Whether py3langid classifies ``text`` as English."""
    return detect_language(text) == "en"


@dataclass(frozen=True, slots=True)
class WarcOffsets:
    """Where the response records of a WARC file start: byte offsets and record ids, in file order."""

    offsets: tuple[int, ...]
    record_ids: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.offsets)


def warc_offsets(path: str | os.PathLike[str]) -> WarcOffsets:
    """The offset and id of every response record in ``path``; headers only, payloads are not parsed.

    Raises :class:`InputError` naming the file when it cannot be read or holds no response record. A file that
    cannot be read to its end (truncated, corrupt) gives the records found before the fault: reading the last
    of them reports the fault (see :func:`iter_records`), and the records before it are kept.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    offsets: list[int] = []
    ids: list[str] = []
    fault = None
    try:
        with open_regular(path) as stream:
            for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False):
                offsets.append(record.stream_pos)
                ids.append(_record_id(record))
    except (OSError, ValueError) as exc:
        fault = f"cannot read WARC file: {getattr(exc, 'strerror', None) or exc}"
    if not offsets:
        raise InputError(fault or "no response record in the file (no page to read)", document=os.fspath(path))
    return WarcOffsets(tuple(offsets), tuple(ids))


def _record_id(record: WarcRecord) -> str:
    rid = (record.record_id or "").strip().strip("<>")
    if rid:
        return rid
    uri = record.headers.get("WARC-Target-URI") or ""
    date = record.headers.get("WARC-Date") or ""
    return "sha1:" + hashlib.sha1(f"{uri} {date} {record.stream_pos}".encode()).hexdigest()


def iter_warc(
    path: str | os.PathLike[str],
    *,
    offset: int = 0,
    count: int | None = None,
    first_id: str | None = None,
    max_bytes: int = MAX_HTML_BYTES,
    english_only: bool = True,
    min_chars: int = MIN_ARTICLE_CHARS,
    timeout: float = 0.0,
) -> Iterator[Article | InputError]:
    """The response records of a WARC(.gz) file as Articles or :class:`WarcSkip`, in file order.

    ``offset`` is where to start (an offset from :func:`warc_offsets`; 0 = the beginning) and ``count`` how
    many response records to read (None = to the end). ``first_id``, when given, is the id the record at
    ``offset`` must have; when it does not (a file compressed as one gzip stream cannot be entered in the
    middle), the file is read from the start and the records before ``first_id`` are passed over, which gives
    the same records more slowly. A record that cannot be read, or that the file ends inside, yields a
    ``WarcSkip`` with code ``unreadable`` and ends the file (what follows a corrupt record cannot be found
    reliably). Reading one page (trafilatura) is capped at ``timeout`` seconds (0: no cap); a page over it gives
    a :class:`~onrecord.errors.DocumentTimeoutError` (code ``timeout``) and the next page is read.
    """
    name = os.fspath(path)
    for item in iter_records(path, offset=offset, count=count, first_id=first_id, max_bytes=max_bytes):
        if isinstance(item, WarcSkip):
            yield item
        else:
            read = functools.partial(record_article, item, name=name, max_bytes=max_bytes,
                                     english_only=english_only, min_chars=min_chars)
            yield capped(read, document=_document(item, name), seconds=timeout)


def iter_records(
    path: str | os.PathLike[str],
    *,
    offset: int = 0,
    count: int | None = None,
    first_id: str | None = None,
    max_bytes: int = MAX_HTML_BYTES,
) -> Iterator[object]:
    """The raw fastwarc response records that :func:`iter_warc` reads (same arguments), or a WarcSkip
    ``unreadable`` last; pass each record to :func:`record_article` before asking for the next one.

    After ``count`` records, the next record is looked at: when there is none, the end of the file is checked
    (so the reader of a file's last records reports a file cut short after them)."""
    name = os.fspath(path)
    try:
        stream = open_regular(path)
    except OSError as exc:
        yield WarcSkip("unreadable", f"cannot open WARC file: {exc.strerror or exc}", document=name)
        return
    with stream:
        stream.seek(offset)
        records = _responses(stream, name, offset=offset)
        if first_id is not None:
            records = _starting_at(records, first_id, stream, name, max_bytes)
        for seen, item in enumerate(records):
            if count is not None and seen >= count:
                if isinstance(item, _FileSkip):
                    yield item
                return
            yield item
            if isinstance(item, WarcSkip):
                return


def _starting_at(records: Iterator[Any], first_id: str, stream: IO[bytes], name: str,
                 max_bytes: int) -> Iterator[Any]:
    """``records`` when its first is ``first_id``; else the file from its start, from ``first_id`` on."""
    first = next(records, None)
    if first is None or isinstance(first, WarcSkip) or _record_id(first) != first_id:
        stream.seek(0)
        records = _responses(stream, name, offset=0)
        for item in records:
            if isinstance(item, WarcSkip):
                yield item
                return
            if _record_id(item) == first_id:
                first = item
                break
        else:
            yield WarcSkip("unreadable", f"record {first_id} not found in the file", document=name)
            return
    yield first
    yield from records


def _document(record: WarcRecord, name: str) -> str:
    """How errors name a response record: the file's name, ``#``, the page's URL (else the record's id)."""
    return f"{name}#{record.headers.get('WARC-Target-URI') or _record_id(record)}"


def _block_length(record: WarcRecord) -> int | None:
    """The length of the record's block that its WARC header declares (None when it declares none)."""
    value = (record.headers.get("Content-Length") or "").strip()
    return int(value) if value.isdigit() else None


def _responses(stream: IO[bytes], name: str, *, offset: int) -> Iterator[Any]:
    """Response records from ``stream`` (the file ``name``, at ``offset``), each checked to be whole before it is
    yielded; a record that is not (or a parse failure) is yielded as a WarcSkip and ends the iteration, and so is
    data after the last record that is not one.

    The check reads the file a second time, one record ahead of the payloads, counting the bytes of each
    record's block without keeping them (a frozen record would be checked in memory, but fastwarc then decodes
    its whole payload at once, which a gzip bomb in the payload turns into gigabytes)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open_regular(name) as again:  # name is the path
        again.seek(offset)
        records = iter(ArchiveIterator(stream, parse_http=False))
        blocks = iter(ArchiveIterator(again, parse_http=False))
        last: tuple[int, int] | None = None  # where the last whole record starts, and its block length
        while True:
            try:
                record = next(records)
                block = next(blocks, None)
                got = block.reader.consume() if block is not None else None
            except StopIteration:
                if problem := _end_problem(stream, last, offset=offset):
                    yield _FileSkip("unreadable", problem, document=name)
                return
            except (OSError, ValueError) as exc:
                yield _FileSkip("unreadable", "WARC file cannot be read past this point (it is truncated or "
                                f"corrupt): {exc}", document=name)
                return
            response = record.record_type == WarcRecordType.response
            where = _document(record, name) if response else name
            skip = WarcSkip if response else _FileSkip
            declared = _block_length(record)
            if declared is None:
                yield skip("unreadable", "record header incomplete (no Content-Length): the file is truncated or "
                           "corrupt here", document=where)
                return
            if block is None or block.stream_pos != record.stream_pos:
                yield skip("unreadable", "record cannot be read whole (the file is truncated or corrupt)",
                           document=where)
                return
            if got is not None and got < declared:  # (got is None only when block is)
                yield skip("unreadable", f"record cut short: {got:,} of {declared:,} bytes (the file is "
                           "truncated)", document=where)
                return
            if response:
                record.parse_http(auto_decode="none")  # decoded by record_article, within its limit
                yield record
            last = (record.stream_pos, declared)


def _end_problem(stream: IO[bytes], last: tuple[int, int] | None, *, offset: int) -> str | None:
    """Why the file does not end cleanly after its last whole record (``last``: where it starts and its block
    length; None when no record was read from ``offset``), or None. Only the last record and what follows it are
    read again: its gzip member (and any after it), or the rest of an uncompressed file. A file compressed as
    one gzip stream cannot be entered there and is not checked."""
    import gzip
    import zlib

    start, block = last if last is not None else (offset, 0)
    try:
        stream.seek(start)
        magic = stream.read(2)
        stream.seek(0)
        whole_gzip = stream.read(2) == b"\x1f\x8b" and magic != b"\x1f\x8b"
        if whole_gzip:
            return None
        stream.seek(start)
        body = gzip.GzipFile(fileobj=stream, mode="rb") if magic == b"\x1f\x8b" else stream
        expected = 0
        if last is not None:
            head = body.read(65536)
            end = head.find(b"\r\n\r\n")
            if end < 0:
                return "the last record's header cannot be read again"
            expected = end + 4 + block - len(head)
        while expected > 0 and (chunk := body.read(min(expected, 2**20))):
            expected -= len(chunk)
        if expected > 0:
            return f"the last record is cut short by {expected:,} bytes (the file is truncated)"
        while chunk := body.read(2**16):
            if chunk.strip():
                return "the file ends with data that is not a whole WARC record (it is truncated or corrupt)"
    except (OSError, EOFError, zlib.error) as exc:
        return f"the file is truncated or corrupt after its last whole record: {exc}"
    return None


def record_article(
    record: WarcRecord,
    *,
    name: str,
    max_bytes: int = MAX_HTML_BYTES,
    english_only: bool = True,
    min_chars: int = MIN_ARTICLE_CHARS,
) -> Article | WarcSkip:
    """One fastwarc response record -> Article, or a WarcSkip saying why not; ``name`` is the file's name."""
    rid = _record_id(record)
    uri = record.headers.get("WARC-Target-URI") or None
    document = _document(record, name)
    status = record.http_headers.status_code if record.is_http else None
    if status is not None and not 200 <= status < 300:
        return WarcSkip("not-ok", f"HTTP status {status}", document=document)
    content_type = (record.http_content_type or "").split(";")[0].strip().lower() if record.is_http else ""
    if content_type and content_type not in HTML_TYPES:
        return WarcSkip("not-html", f"content type {content_type}", document=document)
    block = _block_length(record) or int(record.content_length)
    if block > max_bytes + _HTTP_HEADER_ALLOWANCE:  # the block holds the HTTP headers too
        return WarcSkip("too-large", f"record of {block:,} bytes, over the limit of {max_bytes:,}",
                        document=document)
    try:
        body = decode_payload(record, limit=max_bytes + 1)  # a compressed payload may decode to far more
    except (OSError, ValueError, EOFError) as exc:
        return WarcSkip("decode-error", f"payload cannot be decoded: {exc}", document=document)
    if len(body) > max_bytes:
        return WarcSkip("too-large", f"payload decodes to over {max_bytes:,} bytes, the limit", document=document)
    if not content_type and body.lstrip()[:1] != b"<":
        return WarcSkip("not-html", "no content type and the payload does not look like HTML", document=document)
    body = _with_http_charset(body, record.http_charset if record.is_http else None)
    try:
        article = read_html(body, name=document, id=rid, url=uri)
    except DocumentTooLargeError as exc:
        return WarcSkip("too-large", exc.reason, document=document)
    except EmptyDocumentError as exc:
        return WarcSkip("empty", exc.reason, document=document)
    except NoArticleError as exc:
        return WarcSkip("no-article", exc.reason, document=document)
    except InputError as exc:
        return WarcSkip("decode-error", exc.reason, document=document)
    if len(article.text.strip()) < min_chars:
        return WarcSkip("no-article", f"only {len(article.text.strip())} characters of text, fewer than "
                        f"{min_chars} (not an article)", document=document)
    if english_only and (lang := detect_language(article.text)) != "en":
        return WarcSkip("not-english", f"language detected: {lang}", document=document)
    if article.published is None and (date := record.headers.get("WARC-Date")):
        article = _replace(article, published=date)
    return article


def decode_payload(record: WarcRecord, *, limit: int) -> bytes:
    """The record's HTTP payload with its Transfer-Encoding (chunked) and Content-Encoding (gzip, deflate, br,
    zstd; several in order) undone, at most ``limit`` bytes of it. Decoded here rather than by fastwarc, which
    decodes a frozen payload whole and loses its place in the file after a payload that decodes to far more
    than its size. Raises ValueError for an encoding it does not know, OSError for data that does not decode."""
    import io

    from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, ZstdReader

    data = record.reader.read()  # the raw payload; its block is within the size limit (record_article)
    headers = record.http_headers if record.is_http else None
    transfer = _codings(headers.get("Transfer-Encoding") if headers else None)
    if "chunked" in transfer:
        data = ChunkedReader(io.BytesIO(data)).read(len(data))
    for coding in reversed(_codings(headers.get("Content-Encoding") if headers else None)):
        if coding in ("gzip", "x-gzip"):
            data = GzipReader(io.BytesIO(data)).read(limit)
        elif coding == "deflate":  # zlib-wrapped as the standard says, or raw deflate as some servers send
            import zlib

            wbits = 15 if data[:1] == b"\x78" else -15
            data = zlib.decompressobj(wbits).decompress(data, limit)
        elif coding == "br":
            data = BrotliReader(io.BytesIO(data)).read(limit)
        elif coding == "zstd":
            data = ZstdReader(io.BytesIO(data)).read(limit)
        elif coding != "identity":
            raise ValueError(f"unknown content encoding {coding!r}")
    return bytes(data[:limit])


def _codings(value: str | None) -> list[str]:
    return [c.strip().lower() for c in (value or "").split(",") if c.strip()]


def _with_http_charset(body: bytes, charset: str | None) -> bytes:
    """``body`` re-encoded as UTF-8 from the HTTP header's charset when the page itself says nothing (no BOM, no
    declared charset) and is not UTF-8; otherwise as it is, for :func:`decode_html` to decode."""
    if not charset or split_bom(body)[0] or declared_charset(body):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return body
    return body.decode(codec, errors="replace").encode("utf-8")


def _replace(article: Article, **changes: str) -> Article:
    from dataclasses import replace

    return replace(article, **changes)


__all__ = [
    "HTML_TYPES",
    "SKIP_CODES",
    "WARC_SUFFIXES",
    "WarcOffsets",
    "WarcSkip",
    "detect_language",
    "is_english",
    "is_warc",
    "iter_records",
    "iter_warc",
    "record_article",
    "warc_offsets",
]
