"""Cutting inputs into shards: the unit of work, of output and of resuming.

A shard is a slice of one input, described by value (a :class:`Shard` is small and picklable, so it can be
sent to a local worker process or a Dask worker):

- a WARC/WARC.gz file: ``shard_size`` response records from a byte offset (found by a header-only scan with
  fastwarc, see :func:`onrecord.ingest.warc.warc_offsets`);
- a JSONL/JSONL.gz file: ``shard_size`` lines from a line number (and, for an uncompressed file, its byte
  offset, so the worker seeks there; a ``.gz`` file is decompressed from the start and the lines before the
  shard are passed over without being parsed);
- text and HTML files: ``shard_size`` files of one directory (in sorted path order), or files named on the
  command line that share a directory.

Directories are walked recursively in sorted path order, hidden entries skipped; WARC and JSONL files found in
them become their own shards. Shard names are stable: ``<file or directory name>-<8 hex digits of the resolved
path's SHA-1>-<first index>-<end index>``, so the same inputs and shard size give the same names, a run can be
resumed, and changing the shard size does not mix old and new shards.
"""

from __future__ import annotations

import hashlib
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import EmptyDocumentError, InputError
from onrecord.ingest.inputs import file_format, walk_files
from onrecord.ingest.readers import document_stem, file_problem, jsonl_head_problem, open_binary, read_lines
from onrecord.ingest.warc import is_warc, warc_offsets

#: The kinds of shard.
KINDS = ("warc", "jsonl", "files")


@dataclass(frozen=True, slots=True)
class Shard:
    """A slice of one input; see the module docstring.

    ``path`` is the file (warc, jsonl) or the directory the ``files`` are relative to; ``start`` the index of
    the first document in the input (response record, line, file of the directory listing) and ``count`` how
    many; ``offset`` the byte offset of the first document when it is known (0 otherwise); ``first_id`` the
    WARC-Record-ID expected at ``offset``.
    """

    name: str
    kind: str
    path: str
    start: int
    count: int
    offset: int = 0
    first_id: str | None = None
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "kind": self.kind, "path": self.path, "start": self.start, "count": self.count,
                "offset": self.offset, "first_id": self.first_id, "files": list(self.files)}


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def shard_name(path: Path, start: int, stop: int, *, label: str | None = None) -> str:
    """``<name>-<hash of the resolved path>-<start>-<stop>``, safe as a file name."""
    digest = hashlib.sha1(os.fsencode(path.resolve())).hexdigest()[:8]
    label = _UNSAFE.sub("_", label or path.name).strip("._") or "input"
    return f"{label[:60]}-{digest}-{start:07d}-{stop:07d}"


def plan_shards(
    inputs: Iterable[str | os.PathLike[str]], *, shard_size: int
) -> tuple[list[Shard], list[InputError]]:
    """The shards for ``inputs`` (files and directories) and the inputs that cannot be used, with reasons.

    Shard names are unique: an input given twice is planned once.
    """
    if shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, not {shard_size}")
    shards: list[Shard] = []
    errors: list[InputError] = []
    loose: list[Path] = []  # text/HTML files named on the command line, grouped by directory below
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            _plan_directory(path, shard_size, shards, errors)
        elif path.is_file():
            if is_warc(path) or file_format(path) == "jsonl":
                _plan_file(path, shard_size, shards, errors)
            elif file_format(path) in ("text", "html"):
                loose.append(path)
            else:
                errors.append(InputError("unsupported file type (expected .warc, .warc.gz, .jsonl, .txt, .html, "
                                         "each but .warc optionally .gz)", document=str(path)))
        else:
            errors.append(InputError(file_problem(path) or "no such file or directory", document=str(path)))
    by_parent: dict[Path, list[str]] = {}
    for path in loose:
        by_parent.setdefault(path.parent, []).append(path.name)
    for parent, names in by_parent.items():
        shards.extend(_file_shards(parent, sorted(set(names)), shard_size, label=parent.name or "files"))
    seen: set[str] = set()
    unique = []
    for shard in shards:
        if shard.name not in seen:
            seen.add(shard.name)
            unique.append(shard)
    return unique, errors


def _plan_directory(root: Path, shard_size: int, shards: list[Shard], errors: list[InputError]) -> None:
    files: list[str] = []
    for path in _walk(root, errors):
        if is_warc(path) or file_format(path) == "jsonl":
            _plan_file(path, shard_size, shards, errors)
        elif file_format(path) in ("text", "html"):
            files.append(path.relative_to(root).as_posix())
    shards.extend(_file_shards(root, files, shard_size, label=root.name or "dir"))


def _walk(directory: Path, errors: list[InputError]) -> Iterator[Path]:
    """The input files under ``directory`` (the same walk as ``extract``'s); entries that cannot be read go to
    ``errors``."""
    for item in walk_files(directory, wanted=lambda p: is_warc(p) or file_format(p) is not None):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item


def _file_shards(root: Path, files: list[str], shard_size: int, *, label: str) -> Iterator[Shard]:
    root = root.resolve()
    for start in range(0, len(files), shard_size):
        chunk = tuple(files[start : start + shard_size])
        yield Shard(name=shard_name(root, start, start + len(chunk), label=label), kind="files", path=str(root),
                    start=start, count=len(chunk), files=chunk)


def _plan_file(path: Path, shard_size: int, shards: list[Shard], errors: list[InputError]) -> None:
    try:
        if is_warc(path):
            shards.extend(_warc_shards(path, shard_size))
        else:
            shards.extend(_jsonl_shards(path, shard_size))
    except InputError as exc:
        errors.append(exc)


def _warc_shards(path: Path, shard_size: int) -> Iterator[Shard]:
    found = warc_offsets(path)
    resolved = path.resolve()
    for start in range(0, len(found), shard_size):
        count = min(shard_size, len(found) - start)
        yield Shard(name=shard_name(resolved, start, start + count), kind="warc", path=str(resolved), start=start,
                    count=count, offset=found.offsets[start], first_id=found.record_ids[start])


def _jsonl_shards(path: Path, shard_size: int) -> Iterator[Shard]:
    """Shards of ``shard_size`` lines; blank lines count, so line numbers match :func:`iter_jsonl`'s."""
    resolved = path.resolve()
    compressed = path.suffix.lower() == ".gz"
    starts: list[tuple[int, int]] = []  # (line index, byte offset) of each shard's first line
    lines = 0
    position = 0
    try:
        with open_binary(path) as stream:
            if problem := jsonl_head_problem(stream.read(8192)):
                raise InputError(problem, document=str(path))
            stream.seek(0)
            blank = True
            for line in read_lines(stream, limit=2**20):  # a longer line is counted without being held
                if lines % shard_size == 0:
                    starts.append((lines, 0 if compressed else position))
                lines += 1
                position += line if isinstance(line, int) else len(line)
                blank = blank and not isinstance(line, int) and not line.strip()
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read file: {exc}", document=str(path)) from None
    if blank:  # as extract and ingest say
        raise EmptyDocumentError("file is empty (no JSON lines to read)", document=str(path))
    for index, offset in starts:
        count = min(shard_size, lines - index)
        yield Shard(name=shard_name(resolved, index, index + count, label=document_stem(path)), kind="jsonl",
                    path=str(resolved), start=index, count=count, offset=offset)


__all__ = ["KINDS", "Shard", "plan_shards", "shard_name"]
