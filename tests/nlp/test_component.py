"""The onrecord_attribution spaCy component: registration, its declared contract, predict-then-write."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.attribution import find_attributions
from onrecord.nlp.component import AttributionComponent, make_attribution_component

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


def parse(vocab, text: str, table: str) -> Doc:
    """A Doc for ``text`` from a hand-written parse, one token a line: ``index word POS TAG dep head lemma [ENT]``.

    Heads are absolute token indices, ENT an IOB tag (``B-PERSON``; ``O`` when left out), ``\\n`` a newline in a
    word. The single space after a token is read off ``text``, and the Doc's text must come out equal to it.
    """
    rows = [[cell.replace("\\n", "\n") for cell in line.split()] for line in table.splitlines() if line.strip()]
    assert [int(r[0]) for r in rows] == list(range(len(rows))), "token indices out of order"
    words, spaces, at = [r[1] for r in rows], [], 0
    for k, word in enumerate(words):
        assert text.startswith(word, at), f"token {k} {word!r} is not at offset {at}"
        at += len(word)
        spaces.append(text.startswith(" ", at))
        at += spaces[-1]
    doc = Doc(
        vocab, words=words, spaces=spaces, pos=[r[2] for r in rows], tags=[r[3] for r in rows],
        deps=[r[4] for r in rows], heads=[int(r[5]) for r in rows], lemmas=[r[6] for r in rows],
        ents=[r[7] if len(r) > 7 else "O" for r in rows],
    )
    assert doc.text == text
    return doc


@pytest.fixture
def blank():
    """A blank English pipeline with only onrecord's component, and a hand-parsed Doc in its vocab."""
    nlp = spacy.blank("en")
    component = nlp.add_pipe("onrecord_attribution")
    return nlp, component, parse(nlp.vocab, TEXT, TABLE)


def test_the_factory_is_registered() -> None:
    assert Language.has_factory("onrecord_attribution")
    (entry,) = [e for e in entry_points(group="spacy_factories") if e.name == "onrecord_attribution"]
    assert entry.load() is make_attribution_component


def test_the_factory_declares_what_it_reads_and_writes() -> None:
    meta = Language.get_factory_meta("onrecord_attribution")
    assert {"token.dep", "token.head", "token.lemma", "doc.ents"} <= set(meta.requires)
    assert set(meta.assigns) == {"doc._.attributions", "doc._.attribution_skipped"}


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
    assert doc._.attributions == () and doc._.attribution_skipped == ()
    assert result == find_attributions(doc)
    attributions, skipped = result
    assert attributions[0].content.of(TEXT) == "that the pier would close"
    assert [s.span.of(TEXT) for s in skipped] == ["Brun said “no."]


def test_set_annotations_writes_the_prediction(blank) -> None:
    _, component, doc = blank
    attributions, skipped = component.predict(doc)
    component.set_annotations(doc, (attributions, skipped))
    assert doc._.attributions == attributions
    assert doc._.attribution_skipped == skipped


def test_calling_the_component_predicts_then_writes(blank) -> None:
    _, component, doc = blank
    expected = component.predict(doc)
    assert component(doc) is doc
    assert (doc._.attributions, doc._.attribution_skipped) == expected
    assert isinstance(doc._.attributions, tuple) and isinstance(doc._.attribution_skipped, tuple)


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
    doc = component(parse(nlp.vocab, BELIEF_TEXT, BELIEF_TABLE))
    assert [(a.content.of(BELIEF_TEXT), a.cue_kind) for a in doc._.attributions] == expected


@pytest.mark.model
def test_the_real_pipeline_annotates_docs(nlp) -> None:
    assert nlp.pipe_names[-1] == "onrecord_attribution"
    text = (
        "Harbour master Anna Keller said on Monday that the pier would close in May.\n\n"
        "“We have no choice,” Keller said."
    )
    doc = nlp(text)
    assert [(a.content.of(text), a.speaker, a.type) for a in doc._.attributions] == [
        ("that the pier would close in May", "Anna Keller", "indirect"),
        ("We have no choice,", "Anna Keller", "direct"),
    ]
    assert doc._.attribution_skipped == ()
