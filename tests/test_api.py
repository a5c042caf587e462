"""extract / extract_many on the real model: order, per-document failures, the memory zone, the bounds."""

from __future__ import annotations

import time

import pytest

import onrecord
import onrecord.api
from onrecord.attribution.extractor import predict
from onrecord.errors import DocumentTimeoutError, EmptyDocumentError, ExtractionError
from onrecord.nlp import guard
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model

GOOD = "Mayor Lin Okafor said the harbour bridge would reopen in May."
POISON = "The ferry captain said the crossing was closed."
QUOTES = "“The repairs are ahead of schedule,” said Ana Lind, the city’s chief engineer."


def _fail_on_ferry(doc, **settings):
    if "ferry" in doc.text:
        raise IndexError("span index out of range")
    return predict(doc, **settings)


def test_one_failing_document_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.nlp.component.predict", _fail_on_ferry)
    articles = [Article(GOOD, id="a"), Article(POISON, id="b"), Article("", id="c"), Article(GOOD, id="d")]
    results = list(onrecord.extract_many(articles))
    assert [type(r) for r in results] == [Extraction, ExtractionError, EmptyDocumentError, Extraction]
    assert results[1].document == "b" and "IndexError: span index out of range" in str(results[1])
    assert results[0].attributions[0].speaker == "Lin Okafor"
    assert results[3].article.id == "d" and results[3].attributions


def test_extract_raises_the_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.nlp.component.predict", _fail_on_ferry)
    with pytest.raises(ExtractionError, match="extraction failed"):
        onrecord.extract(POISON, id="b")
    assert onrecord.extract(GOOD).attributions


# --- bounds: the time cap, batches that fail, long documents ------------------------------------------------------


def _spin_on_ferry(doc, **settings):
    if "ferry" in doc.text:
        while True:  # a rule that never ends on this document
            pass
    return predict(doc, **settings)


def test_a_document_over_the_time_cap_is_left_out_and_the_others_are_extracted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.nlp.component.predict", _spin_on_ferry)
    articles = [Article(GOOD, id="a"), Article(POISON, id="b"), Article(GOOD, id="c")]
    started = time.perf_counter()
    results = list(onrecord.extract_many(articles, settings=Settings(doc_timeout=1)))
    assert time.perf_counter() - started < 30
    assert [type(r) for r in results] == [Extraction, DocumentTimeoutError, Extraction]
    assert results[1].document == "b" and results[1].code == "timeout"
    assert "time cap of 1 s (settings.doc_timeout)" in results[1].reason
    assert results[0].attributions == results[2].attributions and results[0].attributions
    with pytest.raises(DocumentTimeoutError):
        onrecord.extract(POISON, settings=Settings(doc_timeout=0.5))


def test_when_a_batch_fails_each_document_is_read_again_from_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch ran (so its Docs are parsed) and then failed: each article is parsed alone from a fresh Doc
    (reusing the parsed one raised spaCy's E043 for every article) and gives what the batch would have given."""
    articles = [Article(f"{GOOD}\n\n{QUOTES}", id="a"), Article(POISON, id="b"), Article(f"{QUOTES}\n{GOOD}", id="c")]
    expected = list(onrecord.extract_many(articles))
    real = onrecord.api._Batches._parse_batch

    def parse_then_fail(self, docs, spent, index):
        real(self, docs, spent, index)
        return [None] * len(docs)

    monkeypatch.setattr(onrecord.api._Batches, "_parse_batch", parse_then_fail)
    assert list(onrecord.extract_many(articles)) == expected
    assert all(isinstance(r, Extraction) and r.attributions for r in expected)


def test_a_long_document_is_parsed_in_parts_with_the_same_attributions(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([GOOD, QUOTES, POISON] * 4)
    whole = onrecord.extract(text)
    monkeypatch.setattr(guard, "BATCH_TOKENS", 40)  # every paragraph or two a part of its own
    parts = onrecord.extract(text)
    assert len(guard.parts(onrecord.load_pipeline().make_doc(text), 40)) > 3
    assert parts.attributions == whole.attributions and len(whole.attributions) >= 12


def test_a_long_run_without_spaces_is_reported_and_the_rest_read() -> None:
    run = '"' * 5000
    result = onrecord.extract(f"{GOOD}\n\n{run}\n\n{QUOTES}")
    assert [a.speaker for a in result.attributions] == ["Lin Okafor", "Ana Lind"]
    (skipped,) = result.skipped
    assert result.article.text[skipped.span.start : skipped.span.end] == run
    assert skipped.reason.startswith("5,000 characters without a space were not read")
