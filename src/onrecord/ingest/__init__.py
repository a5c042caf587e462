"""Inputs -> :class:`onrecord.types.Article`: plain text, HTML (via trafilatura), JSONL, files, directories, stdin.

Every reader either gives an Article or an :class:`onrecord.errors.InputError` naming the document and the
reason; the batch readers yield those errors in place, so one bad document never stops the rest. ``extract``,
``ingest`` and corpus runs (``onrecord run``) all read through these functions: :func:`iter_inputs` walks paths,
:func:`read_file` reads one file, :func:`read_jsonl_file` a JSONL file or a part of it, and
:func:`onrecord.ingest.warc.iter_warc` a WARC file; :func:`iter_extracted` reads ``extract``'s output back.
"""

from onrecord.ingest.decode import decode_html, decode_text
from onrecord.ingest.extracted import iter_extracted
from onrecord.ingest.inputs import FORMATS, file_format, iter_inputs, read_file, sniff_format
from onrecord.ingest.readers import iter_jsonl, parse_jsonl_line, read_html, read_jsonl_file, read_text

__all__ = [
    "FORMATS",
    "decode_html",
    "decode_text",
    "file_format",
    "iter_extracted",
    "iter_inputs",
    "iter_jsonl",
    "parse_jsonl_line",
    "read_file",
    "read_html",
    "read_jsonl_file",
    "read_text",
    "sniff_format",
]
