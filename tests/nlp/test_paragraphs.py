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


def test_a_lower_case_word_after_a_full_stop_goes_on_its_sentence() -> None:
    doc = spacy.blank("en")("He lost 16 lbs. “and two belt loops” in May. She left. Then it rained.\n\nand so on.")
    mark_paragraph_starts(doc)
    after_stops = {doc[k].text: doc[k].is_sent_start for k in range(1, len(doc)) if doc[k - 1].text == "."}
    # not a start after "lbs." (an opening mark before a lower-case word); left to the parser before "She" and
    # "Then"; a line break still starts one, whatever follows it
    assert after_stops == {"“": False, "She": None, "Then": None, "\n\n": None}
    assert doc[-4].text == "and" and doc[-4].is_sent_start


@pytest.mark.model
def test_an_abbreviation_s_stop_does_not_split_a_speaker_from_the_verb() -> None:
    from onrecord.api import extract

    text = ("Riverton retiree Ivo Tarn, who lost 16 lbs. “and two belt loops” between May and October, says the "
            "program changed his life.")
    assert [a.speaker for a in extract(text).attributions] == ["Ivo Tarn"]
