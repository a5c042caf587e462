"""Extraction records, as ``onrecord extract`` writes them (one JSON object per line, with its text), read back
as :class:`onrecord.types.Extraction` by ``onrecord ingest --extracted``.

The lines are read by the JSONL reader's own line reading (:func:`onrecord.ingest.readers.numbered_lines`): the
same bound on a line, the same ``.gz`` handling and gzip-bomb guard, and the same errors naming ``path:line``
and the reason; a bad record is yielded as an :class:`InputError` in its place and reading goes on. A record is
checked by :meth:`Extraction.from_dict` (spans inside the text, known types, confidences from 0 to 1 ...).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from onrecord.errors import InputError
from onrecord.ingest.readers import (
    json_line,
    jsonl_line_limit,
    numbered_lines,
    open_binary,
    os_reason,
    read_lines,
    replace_lone_surrogates,
)
from onrecord.settings import DEFAULT
from onrecord.types import Extraction

#: The longest line read: a JSONL article line at the largest default text, and room for its attributions (each
#: repeats its content, source and cue words). A longer line is passed over unread.
EXTRACTED_LINE_LIMIT = 4 * jsonl_line_limit(DEFAULT.max_chars)

STDIN = "-"


def iter_extracted(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: IO[bytes] | None = None,
    limit: int = EXTRACTED_LINE_LIMIT,
) -> Iterator[Extraction | InputError]:
    """The extraction records of ``extract`` output files (``.gz`` decompressed; ``-`` reads ``stdin``), one per
    line, in order, each an :class:`Extraction` or an :class:`InputError` naming ``path:line`` and the reason.
    Lines are read within ``limit`` bytes, so memory stays bounded whatever a file holds."""
    for given in paths:
        if os.fspath(given) == STDIN:
            if stdin is None:
                yield InputError("no stdin stream to read", document="<stdin>")
            else:
                yield from extraction_records(stdin, name="<stdin>", limit=limit)
            continue
        name = os.fspath(given)
        try:
            stream = open_binary(Path(given))
        except OSError as exc:
            yield InputError(f"cannot read file: {os_reason(exc)}", document=name)
            continue
        with stream:
            yield from extraction_records(stream, name=name, limit=limit)


def extraction_records(
    stream: IO[bytes], *, name: str, limit: int = EXTRACTED_LINE_LIMIT
) -> Iterator[Extraction | InputError]:
    """The extraction records of one binary stream (``name`` names it in errors); see :func:`iter_extracted`."""
    yield from numbered_lines(read_lines(stream, limit=limit), name=name, parse=parse_extraction_line,
                              too_large=f"over the limit of {limit:,} bytes for an extraction record; passed over")


def parse_extraction_line(raw: bytes, name: str) -> Extraction:
    """One line of ``extract`` output -> Extraction; raises :class:`InputError` naming ``name`` (``path:line``)
    and why the line is not an extraction record. Lone surrogates (``"\\ud800"`` in the JSON) become U+FFFD,
    one character for one, as the JSONL article reader makes them, so offsets still index the text."""
    try:
        data = without_lone_surrogates(json_line(raw, name=name))
        if not isinstance(data, dict) or "text" not in data:
            raise KeyError("text (was it written with --no-text?)")
        return Extraction.from_dict(data)
    except InputError as exc:
        raise InputError(f"not an extraction record: {exc.reason}", document=name) from None
    except RecursionError:
        raise InputError("not an extraction record: JSON nested too deeply to read", document=name) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not an extraction record: {exc}", document=name) from None


def without_lone_surrogates(value: Any) -> Any:
    """``value`` (parsed JSON) with each lone surrogate in its strings replaced by U+FFFD, one character for one."""
    if isinstance(value, str):
        return replace_lone_surrogates(value)
    if isinstance(value, list):
        return [without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(k): without_lone_surrogates(v) for k, v in value.items()}
    return value


__all__ = ["EXTRACTED_LINE_LIMIT", "extraction_records", "iter_extracted", "parse_extraction_line",
           "without_lone_surrogates"]
