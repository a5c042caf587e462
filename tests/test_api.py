"""extract / extract_many on the real model: order, per-document failures, the memory zone."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.attribution import find_attributions
from onrecord.errors import EmptyDocumentError, ExtractionError
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model

GOOD = "Mayor Lin Okafor said the harbour bridge would reopen in May."
POISON = "The ferry captain said the crossing was closed."


def _fail_on_ferry(doc, **settings):
    if "ferry" in doc.text:
        raise IndexError("span index out of range")
    return find_attributions(doc, **settings)


def test_one_failing_document_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.nlp.component.find_attributions", _fail_on_ferry)
    articles = [Article(GOOD, id="a"), Article(POISON, id="b"), Article("", id="c"), Article(GOOD, id="d")]
    results = list(onrecord.extract_many(articles))
    assert [type(r) for r in results] == [Extraction, ExtractionError, EmptyDocumentError, Extraction]
    assert results[1].document == "b" and "IndexError: span index out of range" in str(results[1])
    assert results[0].attributions[0].speaker == "Lin Okafor"
    assert results[3].article.id == "d" and results[3].attributions


def test_extract_raises_the_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("onrecord.nlp.component.find_attributions", _fail_on_ferry)
    with pytest.raises(ExtractionError, match="extraction failed"):
        onrecord.extract(POISON, id="b")
    assert onrecord.extract(GOOD).attributions
