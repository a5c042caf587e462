"""The onrecord_attribution spaCy component: registration, its declared contract, predict-then-write."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language

from handparse import parse as hand_parse
from onrecord.attribution import find_attributions
from onrecord.attribution.keys import CONTENTS, CUES, SOURCES, SPAN_KEYS
from onrecord.nlp.component import AttributionComponent, make_attribution_component
from onrecord.types import CharSpan

TEXT = "Anna Keller said that the pier would close.\n\nBrun said “no."
TABLE = r"""
0  Anna   PROPN NNP compound 1  Anna   B-PERSON
1  Keller PROPN NNP nsubj    2  Keller I-PERSON
2  said   VERB  VBD ROOT     2  say
3  that   SCONJ IN  mark     7  that
4  the    DET   DT  det      5  the
5  pier   NOUN  NN  nsubj    7  pier
6  would  AUX   MD  aux      7  would
7  close  VERB  VB  ccomp    2  close
8  .      PUNCT .   punct    2  .
9  \n\n   SPACE _SP dep      8  \n\n
10 Brun   PROPN NNP nsubj    11 Brun   B-PERSON
11 said   VERB  VBD ROOT     11 say
12 “      PUNCT ``  punct    13 "
13 no     INTJ  UH  ccomp    11 no
14 .      PUNCT .   punct    11 .
"""



@pytest.fixture
def blank():
    """A blank English pipeline with only onrecord's component, and a hand-parsed Doc in its vocab."""
    nlp = spacy.blank("en")
    component = nlp.add_pipe("onrecord_attribution")
    return nlp, component, hand_parse(TEXT, TABLE, vocab=nlp.vocab)


def test_the_factory_is_registered() -> None:
    assert Language.has_factory("onrecord_attribution")
    (entry,) = [e for e in entry_points(group="spacy_factories") if e.name == "onrecord_attribution"]
    assert entry.load() is make_attribution_component


def test_the_factory_declares_what_it_reads_and_writes() -> None:
    meta = Language.get_factory_meta("onrecord_attribution")
    assert {"token.dep", "token.head", "token.lemma", "doc.ents"} <= set(meta.requires)
    assert set(meta.assigns) == {
        "doc._.onrecord_attributions", "doc._.onrecord_skipped", "doc._.onrecord_error", "doc.spans"
    }


def test_add_pipe_builds_the_component(blank) -> None:
    nlp, component, _ = blank
    assert nlp.pipe_names == ["onrecord_attribution"]
    assert isinstance(component, AttributionComponent)
    assert component.name == "onrecord_attribution"


def test_predict_does_not_touch_the_doc(blank) -> None:
    _, component, doc = blank
    before = doc.to_bytes()
    result = component.predict(doc)
    assert doc.to_bytes() == before
    assert doc._.onrecord_attributions == () and doc._.onrecord_skipped == ()
    assert not doc.spans
    assert (result.attributions, result.skipped) == find_attributions(doc)
    assert result.attributions[0].content.of(TEXT) == "that the pier would close"
    assert [s.span.of(TEXT) for s in result.skipped] == ["Brun said “no."]
    assert set(result.spans) == set(SPAN_KEYS)


def test_set_annotations_writes_the_prediction(blank) -> None:
    _, component, doc = blank
    result = component.predict(doc)
    component.set_annotations(doc, result)
    assert doc._.onrecord_attributions == result.attributions
    assert doc._.onrecord_skipped == result.skipped
    assert [(s.text, s.label_) for s in doc.spans[CUES]] == [("said", "speech"), ("said", "speech")]
    assert [(s.text, s.kb_id_) for s in doc.spans[SOURCES]] == [("Anna Keller", "Anna Keller"), ("Brun", "Brun")]


def test_calling_the_component_predicts_then_writes(blank) -> None:
    _, component, doc = blank
    expected = component.predict(doc)
    assert component(doc) is doc
    assert (doc._.onrecord_attributions, doc._.onrecord_skipped) == (expected.attributions, expected.skipped)
    assert isinstance(doc._.onrecord_attributions, tuple) and isinstance(doc._.onrecord_skipped, tuple)
    assert doc.spans[CONTENTS][0].text == "that the pier would close"
    assert [a.content for a in doc._.onrecord_attributions] == [
        CharSpan(s.start_char, s.end_char) for s in doc.spans[CONTENTS]
    ]  # (token-aligned: here the contents' own offsets)


BELIEF_TEXT = "Brun expects to win."
BELIEF_TABLE = r"""
0 Brun    PROPN NNP nsubj 1 Brun B-PERSON
1 expects VERB  VBZ ROOT  1 expect
2 to      PART  TO  aux   3 to
3 win     VERB  VB  xcomp 1 win
4 .       PUNCT .   punct 1 .
"""


@pytest.mark.parametrize(
    ("config", "expected"),
    [({}, []), ({"scope": "quotes"}, []), ({"scope": "all"}, [("to win", "belief")])],
    ids=["default", "quotes", "all"],
)
def test_the_scope_setting_reaches_predict(config: dict, expected: list) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("onrecord_attribution", config=config)
    doc = component(hand_parse(BELIEF_TEXT, BELIEF_TABLE, vocab=nlp.vocab))
    assert [(a.content.of(BELIEF_TEXT), a.cue_kind) for a in doc._.onrecord_attributions] == expected


@pytest.mark.model
def test_the_real_pipeline_annotates_docs(nlp) -> None:
    assert nlp.pipe_names[-1] == "onrecord_attribution"
    text = (
        "Harbour master Anna Keller said on Monday that the pier would close in May.\n\n"
        "“We have no choice,” Keller said."
    )
    doc = nlp(text)
    assert [(a.content.of(text), a.speaker, a.type) for a in doc._.onrecord_attributions] == [
        ("that the pier would close in May", "Anna Keller", "indirect"),
        ("We have no choice,", "Anna Keller", "direct"),
    ]
    assert doc._.onrecord_skipped == ()


def _failing(doc, **settings):
    raise IndexError("span index out of range")


def test_a_failure_propagates_by_default(blank, monkeypatch: pytest.MonkeyPatch) -> None:
    _, component, doc = blank
    monkeypatch.setattr("onrecord.nlp.component.predict", _failing)
    with pytest.raises(IndexError):
        component(doc)


def test_catch_errors_records_the_failure_on_the_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("onrecord_attribution", config={"catch_errors": True})
    doc = hand_parse(TEXT, TABLE, vocab=nlp.vocab)
    monkeypatch.setattr("onrecord.nlp.component.predict", _failing)
    component(doc)
    assert doc._.onrecord_error == "IndexError: span index out of range"
    assert doc._.onrecord_attributions == () and doc._.onrecord_skipped == ()
