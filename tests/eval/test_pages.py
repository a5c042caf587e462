"""Gold lines that name a saved news page instead of carrying its text (onrecord.eval.pages)."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from onrecord.errors import GoldFormatError
from onrecord.eval import read_documents
from onrecord.eval.pages import page_text

PARAGRAPHS = [
    "The Harwick ferry will stop running in March, the operator said on Tuesday, after a winter of breakdowns "
    "that left commuters stranded on both banks of the estuary for hours at a time.",
    "\u201cWe cannot keep patching a boat that is older than most of its crew,\u201d said Mara Quillon, who runs "
    "the Estuary Ferry Company. She said a replacement vessel would not arrive before the autumn.",
    "Commuters who rely on the crossing said they had been warned for years that the service was fragile, and "
    "that the council had ignored every petition they sent about the state of the landing stages.",
]
HTML = (
    "<html><head><title>Harwick ferry to stop in March</title></head><body><article><h1>Harwick ferry to stop in "
    "March</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
)


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shared data folder holding one invented saved page, gzip-compressed like ../shared/data/html's."""
    (tmp_path / "data" / "html").mkdir(parents=True)
    (tmp_path / "data" / "FORMAT.md").write_text("format\n")
    (tmp_path / "data" / "html" / "001-example.html.gz").write_bytes(gzip.compress(HTML.encode("utf-8")))
    monkeypatch.setenv("ONRECORD_SHARED", str(tmp_path))
    return tmp_path


def _gold(tmp_path: Path, text: str, **over: object) -> Path:
    start = text.find("We cannot keep")
    end = text.find(",\u201d said") + 1
    line = {"id": "001-example", "file": "001-example.html.gz",
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "attributions": [{"content": [start, end], "type": "direct", "speaker": "Mara Quillon"}], **over}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_a_line_naming_a_page_gets_the_text_the_reader_takes_from_it(shared: Path, tmp_path: Path) -> None:
    text = page_text("001-example.html.gz", where="here")
    assert "Mara Quillon" in text
    (doc,) = read_documents(_gold(tmp_path, text))
    span = doc["attributions"][0]["content"]
    assert doc["text"][span[0]:span[1]].startswith("We cannot keep patching")


def test_a_page_whose_text_changed_is_refused_with_its_name(shared: Path, tmp_path: Path) -> None:
    path = _gold(tmp_path, page_text("001-example.html.gz", where="here"), text_sha256="0" * 64)
    with pytest.raises(GoldFormatError, match=r"001-example\.html\.gz.*not the annotated one") as info:
        read_documents(path)
    assert info.value.document == f"{path}:1"


@pytest.mark.parametrize(("file", "reason"), [("002-missing.html.gz", "is not in"), ("../FORMAT.md", "is not in")])
def test_a_missing_page_is_refused(shared: Path, tmp_path: Path, file: str, reason: str) -> None:
    path = _gold(tmp_path, "", file=file)
    with pytest.raises(GoldFormatError, match=reason):
        read_documents(path)
