"""The onrecord_paragraphs component: a sentence starts after every line break, and the parser keeps it."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language

from onrecord.nlp import load_pipeline
from onrecord.nlp.paragraphs import make_paragraphs_component, mark_paragraph_starts


def test_registered_as_a_factory() -> None:
    assert Language.has_factory("onrecord_paragraphs")
    (entry,) = [e for e in entry_points(group="spacy_factories") if e.name == "onrecord_paragraphs"]
    assert entry.load() is make_paragraphs_component


def test_marks_the_token_after_each_line_break() -> None:
    doc = spacy.blank("en")("Harbour news\n\nVarga says the pier closed.\nIt will reopen.")
    mark_paragraph_starts(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Harbour", "Varga", "It"]


@pytest.mark.model
def test_the_parser_never_runs_a_heading_into_the_next_paragraph() -> None:
    text = "Ferry Fares Rise Again\n\nIlse Varga says the crossing will cost more from May."
    doc = load_pipeline()(text)
    said = next(t for t in doc if t.text == "says")
    assert said.sent.text.startswith("Ilse Varga")
    assert all(t.i < said.sent.start or t.sent == said.sent for t in said.subtree)


@pytest.mark.model
def test_bare_pipeline_has_no_onrecord_components() -> None:
    assert "onrecord_paragraphs" in load_pipeline().pipe_names
    names = load_pipeline(with_attribution=False).pipe_names
    assert "onrecord_paragraphs" not in names and "onrecord_attribution" not in names
