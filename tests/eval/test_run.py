"""Reading gold files, the report, and evaluate_file end to end on a hand-written file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.errors import GoldFormatError
from onrecord.eval import EvalReport, evaluate_file, read_documents, score_documents

TEXT = '"The line opens in June," the transit chief, Sara Holt, said on Monday. Riders were sceptical.'


def gold_doc(id: str = "g1", text: str = TEXT) -> dict[str, Any]:
    content = text.index("The line opens in June,")
    source = text.index("the transit chief, Sara Holt")
    cue = text.index("said")
    return {
        "id": id,
        "source": "handmade",
        "text": text,
        "attributions": [
            {
                "content": [content, content + len("The line opens in June,")],
                "source": [source, source + len("the transit chief, Sara Holt")],
                "cue": [cue, cue + 4],
                "speaker": "Sara Holt",
                "type": "direct",
            }
        ],
    }


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["gold.jsonl", "gold.jsonl.gz"])
def test_read_documents_plain_and_gzip(tmp_path: Path, name: str) -> None:
    path = write_jsonl(tmp_path / name, [json.dumps(gold_doc("a")), "", json.dumps(gold_doc("b"))])
    assert [d["id"] for d in read_documents(path)] == ["a", "b"]
    assert [d["id"] for d in read_documents(path, limit=1)] == ["a"]


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({**gold_doc("x"), "attributions": [{"content": [0, 10_000]}]}), "within the text"),
        (json.dumps({"id": "x", "text": "t"}), "attributions"),
        (json.dumps(gold_doc("a")), "earlier line"),
    ],
)
def test_malformed_line_names_path_and_line(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(gold_doc("a")), "", bad_line])
    with pytest.raises(GoldFormatError, match=reason) as info:
        read_documents(path)
    assert info.value.document == f"{path}:3"
    assert str(info.value).startswith(f"{path}:3: ")


def test_unreadable_file_is_a_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError) as info:
        read_documents(tmp_path / "missing.jsonl")
    assert info.value.document == str(tmp_path / "missing.jsonl")
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(json.dumps(gold_doc("a")).encode() + b"\n" + b'{"id": "caf\xe9"}\n')
    with pytest.raises(GoldFormatError, match="UTF-8") as info:
        read_documents(bad)
    assert info.value.document == f"{bad}:2"


def test_report_text_and_dict() -> None:
    gold = [gold_doc()]
    report = EvalReport(path="gold.jsonl", corpus="handmade", scores=score_documents(gold, gold), seconds=0.5, chars=95)
    assert report.f1("content_overlap") == 1.0
    assert report.docs_per_second == 2.0
    text = report.to_text()
    for expected in ("content_overlap", "end_to_end", "speaker_accuracy", "recall by gold type", "2.0 docs/s"):
        assert expected in text
    data = report.to_dict()
    assert data["metrics"]["source_exact"]["f1"] == 1.0
    assert data["recall_by_gold_type"]["direct"]["recall"] == 1.0
    json.dumps(data)  # serialisable


@pytest.mark.model
def test_evaluate_file_runs_the_extractor(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl.gz", [json.dumps(gold_doc("a")), json.dumps(gold_doc("b"))])
    report = evaluate_file(path, limit=1)
    assert report.n_docs == 1
    assert report.corpus == "handmade"
    assert report.errors == ()
    assert report.model
    m = report.scores["content_overlap"]
    assert m.n_gold == 1
    assert 0.0 <= m.f1 <= 1.0
    assert report.seconds > 0


@pytest.mark.model
def test_types_scores_only_those_attributions_on_both_sides(tmp_path: Path) -> None:
    text = TEXT + " Holt said the trains would run every ten minutes."
    doc = gold_doc("a", text)
    reported = text.index("the trains would run every ten minutes")
    doc["attributions"].append({"content": [reported, reported + len("the trains would run every ten minutes")],
                                "source": None, "cue": None, "speaker": "Sara Holt", "type": "indirect"})
    path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(doc)])
    every = evaluate_file(path)
    quotes = evaluate_file(path, types={"direct", "mixed"})
    assert every.scores["content_overlap"].n_gold == 2 and every.types is None
    assert quotes.scores["content_overlap"].n_gold == 1 and quotes.types == ("direct", "mixed")
    assert quotes.scores["content_overlap"].n_pred < every.scores["content_overlap"].n_pred
    assert "only direct, mixed attributions" in quotes.to_text() and quotes.to_dict()["types"] == ["direct", "mixed"]


@pytest.mark.model
def test_evaluate_file_records_refused_documents(tmp_path: Path) -> None:
    empty = {"id": "empty", "text": "   ", "attributions": []}
    path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(empty), json.dumps(gold_doc("a"))])
    report = evaluate_file(path)
    assert report.n_docs == 2
    assert len(report.errors) == 1 and report.errors[0].startswith("empty: ")


def test_a_json_message_ending_in_at_is_not_doubled(tmp_path: Path) -> None:
    """json says 'Unterminated string starting at'; the reason reads '... starting at column 8', not 'at at'."""
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "x', encoding="utf-8")  # cut before its end: no newline after it
    with pytest.raises(GoldFormatError, match=r"not valid JSON \(Unterminated string starting at column 8\)"):
        read_documents(path)
