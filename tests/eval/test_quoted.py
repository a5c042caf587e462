"""Scoring the quoted words themselves (onrecord eval --quoted; onrecord.eval.quoted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.eval import evaluate_file
from onrecord.eval.quoted import gold_quoted, predicted_quoted

TEXT = ("Mayor Ana Lind called the budget \u201cdead on arrival\u201d and said it would be rewritten.\n\n"
        "\u201cWe start again on Monday,\u201d she said.\n\nThe council met for an hour.")


def _span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


def gold_doc() -> dict:
    return {"id": "q1", "source": "handmade", "text": TEXT, "attributions": [
        {"content": _span(TEXT, "the budget \u201cdead on arrival\u201d"), "speaker": "Ana Lind", "type": "mixed"},
        {"content": _span(TEXT, "We start again on Monday,"), "speaker": "Ana Lind", "type": "direct"},
        {"content": _span(TEXT, "it would be rewritten"), "speaker": "Ana Lind", "type": "indirect"},
    ]}


def test_the_gold_gives_a_direct_content_and_the_quoted_words_of_a_mixed_one() -> None:
    parts = [(TEXT[a["content"][0]:a["content"][1]], a["speaker"]) for a in gold_quoted(gold_doc())["attributions"]]
    assert parts == [("dead on arrival", "Ana Lind"), ("We start again on Monday,", "Ana Lind")]


def test_a_prediction_gives_its_quoted_spans_with_its_speaker() -> None:
    doc = {"id": "q1", "attributions": [
        {"content": _span(TEXT, "the budget \u201cdead on arrival\u201d"), "type": "mixed", "speaker": None,
         "speaker_description": "the mayor", "quoted": [_span(TEXT, "dead on arrival")]},
        {"content": _span(TEXT, "it would be rewritten"), "type": "indirect", "speaker": "Ana Lind", "quoted": []},
    ]}
    (part,) = predicted_quoted(doc)["attributions"]
    assert TEXT[part["content"][0]:part["content"][1]] == "dead on arrival"
    assert (part["speaker"], part["speaker_description"], part["type"]) == (None, "the mayor", "direct")


@pytest.mark.model
def test_eval_scores_the_quoted_words_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_doc()) + "\n", encoding="utf-8")
    report = evaluate_file(path, quoted=True)
    assert report.quoted and "the quoted words" in report.to_text()
    assert report.scores.metrics["content_overlap"].n_gold == 2
    assert report.scores.metrics["end_to_end"].tp == 2, report.to_text()
