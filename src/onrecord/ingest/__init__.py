"""Inputs -> :class:`onrecord.types.Article`: plain text, HTML (via trafilatura), JSONL, files, directories, stdin.

Every reader either gives an Article or an :class:`onrecord.errors.InputError` naming the document and the
reason; the batch readers yield those errors in place, so one bad document never stops the rest.
"""

from onrecord.ingest.decode import decode_html, decode_text
from onrecord.ingest.inputs import FORMATS, file_format, iter_inputs, sniff_format
from onrecord.ingest.readers import iter_jsonl, parse_jsonl_line, read_html, read_text

__all__ = [
    "FORMATS",
    "decode_html",
    "decode_text",
    "file_format",
    "iter_inputs",
    "iter_jsonl",
    "parse_jsonl_line",
    "read_html",
    "read_text",
    "sniff_format",
]
