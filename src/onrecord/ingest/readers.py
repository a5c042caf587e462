"""One reader per format: plain text, HTML, JSONL. Each returns :class:`Article` (or yields them) or raises /
yields an :class:`InputError` that names the document and the reason.

``name`` is how errors refer to a document (a path, ``path:line``, ``<stdin>``); ``id`` becomes ``Article.id``.

Bounds, the same for ``extract``, ``ingest`` and ``run`` (they all read through these functions):

- only regular files are opened (a FIFO, a device or a socket named as input is refused, never waited on);
- a text file is read up to :func:`text_byte_limit` bytes and an HTML page up to :data:`MAX_HTML_BYTES`,
  decompressed bytes for a ``.gz`` file, so a gzip bomb costs no more than a document at the limit;
- a JSONL line is read up to :func:`jsonl_line_limit` bytes; a longer line is read through in pieces without
  being kept and reported as too large, and the next line is read;
- a ``.gz`` file that decompresses to more than :data:`MAX_GZIP_RATIO` times its compressed size (once past
  :data:`GZIP_RATIO_AFTER` bytes) is a gzip bomb: reading it stops there, with the reason;
- JSON nested too deeply to parse is an error for its line, not a crash.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast

from onrecord.errors import (
    DocumentTimeoutError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputError,
    NoArticleError,
)
from onrecord.ingest.decode import binary_reason, decode_html, decode_text, split_bom, utf16_without_bom
from onrecord.settings import DEFAULT
from onrecord.types import Article

#: A UTF-8 character takes at most 4 bytes, so a text file longer than this many bytes per allowed character
#: is over ``Settings.max_chars`` whatever it contains; it is refused before it is read into memory.
MAX_BYTES_PER_CHAR = 4

#: trafilatura refuses pages larger than its MAX_FILE_SIZE; we say so instead of reporting "no article".
MAX_HTML_BYTES = 20_000_000

#: JSON writes one character of text in at most 12 bytes (an escaped surrogate pair, ``\ud83d\ude00``).
MAX_JSON_BYTES_PER_CHAR = 12

#: What a JSONL line may hold besides its text (title, URL ...), in bytes; with the default ``max_chars`` a line
#: may take 13 MB, so a field holding the page's HTML fits too.
MAX_JSONL_OTHER_BYTES = 2**20

#: A ``.gz`` input that decompresses to more than this many times its compressed size is a gzip bomb
#: (news text compresses 3 to 10 times; a file of zeros or blank lines about 1000 times) ...
MAX_GZIP_RATIO = 100

#: ... once it has given this many decompressed bytes (a small file may compress better than any news).
GZIP_RATIO_AFTER = 16 * 2**20

#: How much of an over-long JSONL line is read at a time while it is passed over.
_SKIP_CHUNK = 2**20

#: How much of the start of a JSONL file is checked for binary data or UTF-16.
_HEAD_BYTES = 8192

Source = str | os.PathLike[str] | bytes

T = TypeVar("T")


class DecompressionBombError(OSError):
    """A ``.gz`` input decompresses to more than :data:`MAX_GZIP_RATIO` times its size."""


_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind_of(mode: int) -> str:
    return next((what for test, what in _FILE_KINDS if test(mode)), "a special file")


def file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be read as a document file (missing, a symlink loop, a FIFO ...), or None for a regular
    file (symbolic links are followed)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _stat_reason(path, exc)
    if stat.S_ISREG(mode):
        return None
    return _not_regular(mode)


def _not_regular(mode: int) -> str:
    return f"{_kind_of(mode)}, not a regular file: only files and directories are read"


def _stat_reason(path: str | os.PathLike[str], exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist)" if os.path.islink(path) else \
            "no such file or directory"
    return f"cannot read file: {os_reason(exc)}"


def open_regular(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a regular file for reading bytes. Raises :class:`OSError` for anything else (a FIFO, a device, a
    socket, a directory): the file is opened without blocking and checked before a byte is read, so a FIFO
    named as input never makes the reader wait."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(_not_regular(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class _GuardedGzip(gzip.GzipFile):
    """A GzipFile that raises :class:`DecompressionBombError` once it has given more than
    :data:`GZIP_RATIO_AFTER` bytes and over :data:`MAX_GZIP_RATIO` times the compressed bytes it read."""

    def _check(self) -> None:
        given = self._buffer.tell()  # type: ignore[attr-defined]  # GzipFile's decompressed position
        if given > GZIP_RATIO_AFTER and given > MAX_GZIP_RATIO * max(cast(IO[bytes], self.fileobj).tell(), 1):
            raise DecompressionBombError(
                f"decompresses to over {MAX_GZIP_RATIO} times its compressed size (a gzip bomb?): "
                f"stopped after {given:,} bytes")

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self._check()
        return data

    def read1(self, size: int = -1) -> bytes:
        data = super().read1(size)
        self._check()
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self._check()
        return data


def open_binary(path: Path) -> IO[bytes]:
    """Open a regular file for reading bytes, decompressing it when its name ends in ``.gz`` (with the gzip-bomb
    guard). Raises :class:`OSError`, also for a path that is not a regular file (see :func:`open_regular`)."""
    raw = open_regular(path)
    if path.suffix.lower() != ".gz":
        return raw
    stream = _GuardedGzip(fileobj=raw, mode="rb")
    stream.myfileobj = cast(io.FileIO, raw)  # closed with the GzipFile (it only calls close() on it)
    return cast(IO[bytes], stream)


def read_bytes(source: Source, *, name: str, limit: int, what: str) -> bytes:
    """The bytes of ``source`` (a path, decompressed if ``.gz``, or bytes), refusing more than ``limit``."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with open_binary(Path(source)) as stream:
                data = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"cannot read file: {os_reason(exc)}", document=name) from None
    if len(data) > limit:
        raise DocumentTooLargeError(f"over {limit:,} bytes, {what}", document=name)
    return data


def os_reason(exc: BaseException) -> str:
    """The reason an OS error (or a gzip error) gives, for a message."""
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
    stem, dot, _ = name.rpartition(".")
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
    except Exception as exc:  # one unparsable page must not stop a batch: raised again with the reason
        raise InputError(f"HTML could not be parsed: {type(exc).__name__}: {exc}", document=name) from exc
    text = "" if doc is None or isinstance(doc, dict) else doc.text or ""  # (a dict only with as_dict=True)
    if doc is None or isinstance(doc, dict) or not text.strip():
        raise NoArticleError("no article text found in the HTML page", document=name)
    return Article(
        text=text,
        id=id,
        title=doc.title or None,
        outlet=doc.sitename or doc.hostname or None,
        url=url or doc.url or None,
        published=doc.date or None,
        author=doc.author or None,
    )


def read_document(
    kind: str | None, source: Source, *, name: str, id: str, max_chars: int = DEFAULT.max_chars
) -> Article:
    """One document of a format holding one: ``"html"`` (:func:`read_html`), else plain text (:func:`read_text`)."""
    if kind == "html":
        return read_html(source, name=name, id=id)
    return read_text(source, name=name, id=id, max_chars=max_chars)


def capped(read: Callable[[], Article | InputError], *, document: str, seconds: float) -> Article | InputError:
    """``read()`` under a time cap of ``seconds`` (0: none): the Article it gives, or the :class:`InputError` it
    gives or raises, or, over the cap, a :class:`DocumentTimeoutError` naming ``document`` (trafilatura on a
    pathological page can take minutes; only that page is left out)."""
    from onrecord.deadline import DocumentTimeout, deadline

    timer = None
    try:
        with deadline(seconds) as timer:
            return read()
    except InputError as exc:
        return exc
    except DocumentTimeout:
        if timer is None or not timer.expired:
            raise  # an enclosing cap's, not this one's
        return DocumentTimeoutError(f"reading took over the time cap of {seconds:g} s (--doc-timeout)",
                                    document=document)


def jsonl_line_limit(max_chars: int) -> int:
    """The most bytes a JSONL line may take: a text of ``max_chars`` characters, each written in at most
    :data:`MAX_JSON_BYTES_PER_CHAR` bytes, and :data:`MAX_JSONL_OTHER_BYTES` of other fields."""
    return MAX_JSON_BYTES_PER_CHAR * max_chars + MAX_JSONL_OTHER_BYTES


def read_lines(stream: IO[bytes], *, limit: int) -> Iterator[bytes | int]:
    """The lines of a binary stream, each with its newline. A line of more than ``limit`` bytes is read through
    in pieces without being kept and given as its length in bytes (an ``int``) instead, so memory stays within
    ``limit`` whatever the input."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(_SKIP_CHUNK)):
            size += len(line)
        yield size


def skip_lines(stream: IO[bytes], count: int) -> int:
    """Pass over ``count`` lines of ``stream`` in bounded memory; the number of lines passed over (fewer at the
    end of the stream)."""
    skipped = 0
    if count > 0:
        for _ in read_lines(stream, limit=_SKIP_CHUNK):
            skipped += 1
            if skipped >= count:
                break
    return skipped


def jsonl_head_problem(head: bytes) -> str | None:
    """Why the first bytes of a JSONL file show that it is not JSONL (binary data, UTF-16), or None. JSON lines
    must be UTF-8 (RFC 8259, section 8.1); a UTF-16 file is refused whole instead of line by line."""
    encoding, _ = split_bom(head)
    if encoding is None:
        encoding = utf16_without_bom(head)
    if encoding and encoding.startswith("utf-16"):
        return "JSONL must be UTF-8, this file is UTF-16 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"
    if reason := binary_reason(head):
        return reason.replace("expected UTF-8 text", "expected JSONL (UTF-8 JSON, one object per line)")
    return None


class _Prefixed(io.RawIOBase):
    """A raw stream that gives ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def with_head(head: bytes, stream: IO[bytes]) -> IO[bytes]:
    """A buffered binary stream of ``head`` followed by the rest of ``stream`` (bytes already read from it)."""
    return io.BufferedReader(_Prefixed(head, stream))


def iter_jsonl(
    source: str | os.PathLike[str] | IO[bytes] | Iterable[bytes],
    *,
    name: str | None = None,
    max_chars: int = DEFAULT.max_chars,
) -> Iterator[Article | InputError]:
    """One article per line of a JSONL file (``.jsonl`` or ``.jsonl.gz``), binary stream or iterable of lines.

    Each line is an object with ``text`` and usually ``id``; ``title``, ``outlet``, ``url``, ``published`` (or
    ``date``) and ``author`` are kept when present. A line without an ``id`` gets ``name:line``. A bad line
    yields an :class:`InputError` naming ``name:line`` and the reason, and reading goes on; a line over
    :func:`jsonl_line_limit` is passed over without being held in memory. A file that is binary or UTF-16 from
    its first bytes gives one error for the whole file, and so does an empty one.
    Lone surrogates (``"\\ud800"``, valid JSON but not Unicode) become U+FFFD, one character for one, so
    offsets still index the text as given.
    """
    if isinstance(source, (str, os.PathLike)):
        yield from read_jsonl_file(source, name=name, max_chars=max_chars)
    elif hasattr(source, "readline"):  # a binary stream
        yield from jsonl_documents(cast(IO[bytes], source), name=name or "<stream>", max_chars=max_chars,
                                   check_head=True, report_empty=True)
    else:  # lines already in memory: only their length can be checked
        limit = jsonl_line_limit(max_chars)
        lines = (raw if len(raw) <= limit else len(raw) for raw in source)
        yield from numbered_lines(lines, name=name or "<stream>", parse=parse_jsonl_line,
                                  too_large=_jsonl_too_large(limit))


def read_jsonl_file(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    max_chars: int = DEFAULT.max_chars,
    start: int = 0,
    offset: int = 0,
    count: int | None = None,
    whole: bool = True,
) -> Iterator[Article | InputError]:
    """The documents of a JSONL file (``.gz`` decompressed), or of ``count`` of its lines from line ``start + 1``
    (0-based ``start``; ``offset``, when known, is the byte offset of that line, else the lines before it are
    passed over). Line numbers in errors and default ids count from the start of the file. ``whole``: an empty
    file gives an :class:`EmptyDocumentError` (a part of a file may hold only blank lines)."""
    name = name or os.fspath(path)
    try:
        stream = open_binary(Path(path))
    except OSError as exc:
        yield InputError(f"cannot read file: {os_reason(exc)}", document=name)
        return
    with stream:
        try:
            if offset:
                stream.seek(offset)
            elif skip_lines(stream, start) < start:
                return
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(f"cannot read past line {start}: {os_reason(exc)}", document=name)
            return
        yield from jsonl_documents(stream, name=name, max_chars=max_chars, first_line=start + 1, count=count,
                                   check_head=start == 0, report_empty=whole and start == 0)


def jsonl_documents(
    stream: IO[bytes],
    *,
    name: str,
    max_chars: int = DEFAULT.max_chars,
    first_line: int = 1,
    count: int | None = None,
    check_head: bool = False,
    report_empty: bool = False,
) -> Iterator[Article | InputError]:
    """The documents of up to ``count`` lines of ``stream``, numbered from ``first_line`` in errors and default
    ids, read within :func:`jsonl_line_limit`. ``check_head``: the stream is at the start of a file, whose first
    bytes are checked (:func:`jsonl_head_problem`); ``report_empty``: a stream without a line of JSON gives an
    :class:`EmptyDocumentError` naming ``name``."""
    if check_head:
        try:
            head = stream.read(_HEAD_BYTES)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(f"cannot read file: {os_reason(exc)}", document=name)
            return
        if reason := jsonl_head_problem(head):
            yield InputError(reason, document=name)
            return
        stream = with_head(head, stream)
    limit = jsonl_line_limit(max_chars)
    lines: Iterator[bytes | int] = read_lines(stream, limit=limit)
    if count is not None:
        lines = itertools.islice(lines, count)
    found = False
    for item in numbered_lines(lines, name=name, parse=parse_jsonl_line, too_large=_jsonl_too_large(limit),
                               first_line=first_line):
        found = True
        yield item
    if report_empty and not found:
        yield EmptyDocumentError("file is empty (no JSON lines to read)", document=name)


def _jsonl_too_large(limit: int) -> str:
    return f"over the limit of {limit:,} bytes for a JSONL line (settings.max_chars); passed over"


def numbered_lines(
    lines: Iterable[bytes | int],
    *,
    name: str,
    parse: Callable[[bytes, str], T],
    too_large: str,
    first_line: int = 1,
) -> Iterator[T | InputError]:
    """``parse(line, "name:number")`` for each line that is not blank, numbered from ``first_line``: what it
    returns, or the :class:`InputError` it raises, in the line's place. A line given as its length (an ``int``,
    from :func:`read_lines`: it was over the limit and not kept) is a :class:`DocumentTooLargeError`, ``line of N
    bytes, <too_large>``. A read that fails (a truncated or corrupt ``.gz``, a gzip bomb) ends the lines with
    ``cannot read line N`` naming ``name``. The one line reader of JSONL articles and extraction records."""
    lineno = first_line - 1
    try:
        for lineno, raw in enumerate(lines, first_line):  # (lineno is reported after the loop too)
            if isinstance(raw, int):
                yield DocumentTooLargeError(f"line of {raw:,} bytes, {too_large}", document=f"{name}:{lineno}")
                continue
            if not raw.strip():
                continue
            try:
                yield parse(raw, f"{name}:{lineno}")
            except InputError as exc:
                yield exc
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz, a gzip bomb
        yield InputError(f"cannot read line {lineno + 1}: {os_reason(exc)}", document=name)


def parse_jsonl_line(raw: bytes, name: str) -> Article:
    """One JSONL line -> Article; ``name`` (``path:line``) is the default id and names the line in errors."""
    data = json_line(raw, name=name)
    if not isinstance(data, dict):
        raise InputError(f"not a JSON object (got {type(data).__name__})", document=name)
    if "text" not in data:
        raise InputError("no 'text' field", document=name)
    text = data["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' is not a string (got {type(text).__name__})", document=name)
    text = replace_lone_surrogates(text)
    try:
        doc_id = _meta(data.get("id"))
        fields = {key: _meta(data.get(key)) for key in ("title", "outlet", "url", "author")}
        published = _meta(data.get("published") or data.get("date"))
    except RecursionError:
        raise InputError("a metadata field is nested too deeply to read", document=name) from None
    _require_text(text, name=name if doc_id is None else f"{name} (id {doc_id})")
    return Article(text=text, id=name if doc_id is None else doc_id, published=published, **fields)


def json_line(raw: bytes, *, name: str) -> Any:
    """The JSON value of one line (a leading BOM allowed); :class:`InputError` naming ``name`` and why not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start} of the line", document=name) from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}", document=name) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to read", document=name) from None


def _meta(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    return replace_lone_surrogates(str(value))


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (valid in JSON, not Unicode, not storable) replaced by U+FFFD, one
    character for one, so that offsets into it stay valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text
