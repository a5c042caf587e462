"""Extraction records read back (``ingest --extracted``) by the JSONL reader's own line reading (invented records)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from onrecord.errors import DocumentTooLargeError, InputError
from onrecord.ingest import iter_extracted
from onrecord.types import Article, Extraction

TEXT = "Ana Lind said the bridge is safe."


def _record(doc_id: str) -> str:
    return json.dumps(Extraction(article=Article(text=TEXT, id=doc_id), attributions=()).to_dict())


def _outcome(items: list[Extraction | InputError]) -> list[tuple[str, str]]:
    return [("ok", i.article.id or "") if isinstance(i, Extraction) else ("error", str(i)) for i in items]


def test_records_and_bad_lines_each_in_their_place(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl.gz"
    lines = [_record("a"), "{broken", "", json.dumps({"id": "t", "attributions": []}), "x" * 500, _record("b")]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    items = list(iter_extracted([path], limit=400))
    assert _outcome(items) == [
        ("ok", "a"),
        ("error", f"{path}:2: not an extraction record: not JSON: Expecting property name enclosed in double quotes "
                  "at column 2"),
        ("error", f"{path}:4: not an extraction record: 'text (was it written with --no-text?)'"),
        ("error", f"{path}:5: line of 501 bytes, over the limit of 400 bytes for an extraction record; passed over"),
        ("ok", "b"),
    ]
    assert isinstance(items[3], DocumentTooLargeError)


def test_a_missing_file_and_stdin(tmp_path: Path) -> None:
    stdin = io.BytesIO((_record("s") + "\n").encode())
    items = list(iter_extracted([tmp_path / "none.jsonl", "-"], stdin=stdin))
    assert _outcome(items) == [("error", f"{tmp_path}/none.jsonl: cannot read file: No such file or directory"),
                               ("ok", "s")]
    (error,) = iter_extracted(["-"])
    assert str(error) == "<stdin>: no stdin stream to read"


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(_record("s").replace('"s"', '"\\ud800s"') + "\n", encoding="utf-8")
    (extraction,) = iter_extracted([path])
    assert isinstance(extraction, Extraction) and extraction.article.id == "\ufffds"
