"""What keeps provenance cheap changes nothing it finds: the steps read inside one analyse (a memo of the article's
entities and mentions, the tokens read off the token arrays) give what they give outside one, on invented text."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from onrecord.api import extract
from onrecord.attribution.arrays import memo_of, shared, token_arrays
from onrecord.provenance.anonymity import doc_ents, mention
from onrecord.provenance.claims import _CONCEPT_WORDS, _concept, claims
from onrecord.provenance.gender import speaker_genders
from onrecord.provenance.outlets import among, word_ids
from onrecord.provenance.parties import named_after
from onrecord.provenance.predicates import may_predicate
from onrecord.provenance.sourcing import sourcing
from onrecord.settings import Settings
from onrecord.types import Attribution, CharSpan

Parsed = tuple[Doc, tuple[Attribution, ...]]

TEXT = (
    "BRACKMOOR — Harbour authority chief executive Dr. Ana Lind said on Tuesday that the Quayside depot will not "
    "close this year, and that the operator received no payment from the council. \"The depot is safe,\" she told "
    "the Kestrel Herald in an interview. A senior official, speaking on condition of anonymity because the talks "
    "are private, said the closure was already agreed. According to the Brackmoor Ledger, the council denied that "
    "the depot would stay open. The spokeswoman, Mira Osgood, said the plan was a fake and that nobody in her office "
    "had seen the memo, first reported by the Harbour Wire.\n\nIvo Tarn, a dock worker, said the same.")


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    from onrecord.nlp import load_pipeline

    extraction = extract(TEXT, settings=Settings(scope="all"))
    assert extraction.attributions
    return load_pipeline(with_attribution=False)(TEXT), extraction.attributions


@pytest.mark.model
def test_the_steps_find_the_same_inside_one_analyse_as_outside(parsed: Parsed) -> None:
    doc, attributions = parsed
    outside = (claims(doc, attributions), sourcing(doc, attributions), speaker_genders(doc, attributions))
    assert memo_of(doc) is None
    with shared(doc):
        assert memo_of(doc) == {}
        inside = (claims(doc, attributions), sourcing(doc, attributions), speaker_genders(doc, attributions))
        assert doc_ents(doc) is doc_ents(doc)  # (built once)
        assert doc_ents(doc) == tuple(doc.ents)
        said = next(a for a in attributions if a.source is not None)
        assert mention(doc, said) is mention(doc, said)
    assert inside == outside


@pytest.mark.model
def test_only_the_tokens_may_predicate_keeps_can_give_a_concept(parsed: Parsed) -> None:
    doc, _ = parsed
    assert may_predicate(doc, _CONCEPT_WORDS) is None  # (outside an analyse)
    with shared(doc):
        may = may_predicate(doc, _CONCEPT_WORDS)
        assert may is not None
        for tok in doc:
            if _concept(tok) is not None:
                assert may[tok.i], tok.text
        assert may[[t.lower_ for t in doc].index("payment")]  # (an event noun)


@pytest.mark.model
def test_among_keeps_the_tokens_a_word_or_dependency_test_passes(parsed: Parsed) -> None:
    doc, _ = parsed
    for sent in doc.sents:
        found = among(sent, word_ids("to", "by", "with"), word_ids("dobj"), word_ids("VERB"))
        assert found == [t for t in sent if t.lower_ in ("to", "by", "with") or t.dep_ == "dobj"
                         or t.pos_ == "VERB"]
    assert token_arrays(doc).lemma_in(["close"]).tolist() == [t.lemma_.lower() == "close" for t in doc]


def test_a_description_takes_the_name_after_its_first_place_followed_by_one() -> None:
    text = ("Asked about the fleet manager post, staff pointed to the fleet manager, Dr. Oren Basterfield, who said "
            "the ferries were safe.")
    described = Attribution(content=CharSpan(0, 5), speaker_description="the fleet manager")
    assert named_after(described, text) == "Oren Basterfield"
    assert named_after(Attribution(content=CharSpan(0, 5), speaker_description="fleet manager"),
                       "The fleet manager spoke.") is None
