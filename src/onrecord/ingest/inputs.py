"""Walk paths (files, directories) or a stdin stream and read every document in them."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from onrecord.errors import InputError
from onrecord.ingest.readers import (
    MAX_HTML_BYTES,
    capped,
    document_stem,
    file_problem,
    jsonl_documents,
    read_document,
    read_jsonl_file,
    text_byte_limit,
    with_head,
)
from onrecord.settings import DEFAULT
from onrecord.types import Article

#: File extensions read, each also with ``.gz`` after it; other files in a directory are skipped.
FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

STDIN = "-"


def file_format(path: Path) -> str | None:
    """``"text"``, ``"html"``, ``"jsonl"`` from the file name (``.gz`` allowed after the extension), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMATS.get(suffixes[-1]) if suffixes else None


def sniff_format(head: bytes) -> str:
    """Guess the format of a stream from its first non-blank byte: ``{`` JSONL, ``<`` HTML, else text."""
    first = head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1]
    return {b"{": "jsonl", b"<": "html"}.get(first, "text")


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: IO[bytes] | None = None,
    max_chars: int = DEFAULT.max_chars,
) -> Iterator[Article | InputError]:
    """Every document in ``paths``, in order, as an :class:`Article` or an :class:`InputError`.

    Directories are walked recursively in sorted path order (hidden entries skipped), reading ``.txt``,
    ``.html``/``.htm`` and ``.jsonl`` files, each optionally gzipped; other files are skipped. A file named
    explicitly must have one of those extensions. ``-`` (or no paths at all) reads ``stdin``, whose format is
    sniffed: JSONL when it starts with ``{``, HTML with ``<``, else plain text.

    Ids: JSONL keeps each line's ``id``; a file named explicitly gets its stem (``a.html.gz`` -> ``a``), a file
    found in a directory its path relative to that directory without the extension (``2024/a``).
    """
    for given in list(paths) or [STDIN]:
        if os.fspath(given) == STDIN:
            yield from _read_stream(stdin, max_chars=max_chars)
            continue
        path = Path(given)
        if _is_dir(path):
            for file in walk_files(path, wanted=lambda p: file_format(p) is not None):
                if isinstance(file, InputError):
                    yield file
                    continue
                rel = file.relative_to(path)
                yield from read_file(file, id=(rel.parent / document_stem(rel)).as_posix(), max_chars=max_chars)
        elif reason := file_problem(path):
            yield InputError(reason, document=str(path))
        else:
            kind = file_format(path)
            if kind is None:
                expected = ", ".join(FORMATS)
                yield InputError(f"unsupported file type (expected {expected}, optionally .gz)", document=str(path))
            else:
                yield from read_file(path, id=document_stem(path), max_chars=max_chars)


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def walk_files(directory: Path, *, wanted: Callable[[Path], bool]) -> Iterator[Path | InputError]:
    """The regular files under ``directory`` whose name is ``wanted``, in sorted path order, and an
    :class:`InputError` in place of each wanted entry that cannot be read (a symlink loop, a broken link, a FIFO
    or device, a directory that cannot be listed). Hidden entries are skipped, and so are symbolic links to
    directories (they are not followed, so a loop of directories cannot be walked forever); other entries whose
    name is not wanted are skipped without being looked at."""
    yield from _walk_one(directory, wanted, depth=0)


#: Directories deeper than this under the one given are reported, not walked (a tree made to exhaust the stack).
MAX_DEPTH = 256


def _walk_one(directory: Path, wanted: Callable[[Path], bool], *, depth: int) -> Iterator[Path | InputError]:
    try:
        with os.scandir(directory) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"cannot list directory: {exc.strerror or exc}", document=str(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth >= MAX_DEPTH:
                    yield InputError(f"directory nested over {MAX_DEPTH} levels deep: not read", document=str(path))
                else:
                    yield from _walk_one(path, wanted, depth=depth + 1)
                continue
        except OSError as exc:
            yield InputError(f"cannot read directory entry: {exc.strerror or exc}", document=str(path))
            continue
        if not wanted(path):
            continue
        if reason := file_problem(path):
            if not (entry.is_symlink() and _is_dir(path)):  # a link to a directory is skipped, not followed
                yield InputError(reason, document=str(path))
            continue
        yield path


def read_file(
    path: Path, *, id: str, name: str | None = None, max_chars: int = DEFAULT.max_chars, timeout: float = 0.0
) -> Iterator[Article | InputError]:
    """Every document in one file, in the format its name says (:func:`file_format`; text when it says none),
    each an Article or an :class:`InputError` in its place: a JSONL file's lines, or the one text or HTML
    document with id ``id``, read under a time cap of ``timeout`` seconds (0: none). ``name`` (default: the path)
    names the file in errors. The reader of ``extract``, ``ingest`` and corpus runs alike."""
    name = name or str(path)
    kind = file_format(path)
    if kind == "jsonl":
        yield from read_jsonl_file(path, name=name, max_chars=max_chars)
    else:
        yield capped(lambda: read_document(kind, path, name=name, id=id, max_chars=max_chars), document=name,
                     seconds=timeout)


def _read_stream(stream: IO[bytes] | None, *, max_chars: int) -> Iterator[Article | InputError]:
    name = "<stdin>"
    if stream is None:
        yield InputError("no stdin stream to read", document=name)
        return
    head = _read_head(stream)
    kind = sniff_format(head)
    if kind == "jsonl":
        yield from jsonl_documents(with_head(head, stream), name=name, max_chars=max_chars, check_head=True,
                                   report_empty=True)
        return
    # read one byte past the limit so that the reader can tell it was exceeded
    limit = MAX_HTML_BYTES if kind == "html" else text_byte_limit(max_chars)
    data = head + stream.read(max(limit + 1 - len(head), 0))
    yield capped(lambda: read_document(kind, data, name=name, id="stdin", max_chars=max_chars), document=name,
                 seconds=0)


#: Blank bytes read from stdin before its format is guessed; after as many, it is taken for text.
_MAX_HEAD = 65536


def _read_head(stream: IO[bytes]) -> bytes:
    """Bytes up to and including the first one that is not blank (or everything, if all are), at most
    :data:`_MAX_HEAD` of them."""
    head = bytearray()
    while len(head) < _MAX_HEAD and (byte := stream.read(1)):
        head += byte
        if byte not in b" \t\r\n\xef\xbb\xbf":
            break
    return bytes(head)
