"""The stages of find_attributions, one at a time: each gives its result and its doc.spans group."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from onrecord.attribution import find_attributions
from onrecord.attribution.extractor import find_contents, find_cues, find_quotations, predict
from onrecord.attribution.keys import CONTENTS, CUES, QUOTATIONS, SOURCES, SPAN_KEYS, write_groups
from onrecord.attribution.records import build_records, find_sources

pytestmark = pytest.mark.model

TEXT = (
    "Ana Lind said the pier would close in May.\n\n"
    "“We have no money left,” Ivo Tarn told reporters. “None at all.”\n\n"
    "The council believes the ferry will run, according to the Lakeview Herald."
)


@pytest.fixture
def doc(nlp) -> Doc:
    """The text parsed by the pipeline's model, without onrecord's component (the stages run by hand here)."""
    with nlp.select_pipes(disable=["onrecord_attribution"]):
        return nlp(TEXT)


def texts(doc: Doc, key: str) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in doc.spans[key]]


def test_the_quotations_stage_alone(doc: Doc) -> None:
    quotations = find_quotations(doc)
    assert [q.content.of(TEXT) for q in quotations.quotes] == ["We have no money left,", "None at all."]
    assert quotations.skipped == []
    write_groups(doc, quotations.spans)
    assert texts(doc, QUOTATIONS) == [("“We have no money left,”", "quotation"), ("“None at all.”", "quotation")]


def test_the_cues_stage_alone(doc: Doc) -> None:
    cues = find_cues(doc, find_quotations(doc), scope="all")
    write_groups(doc, cues.spans)
    assert texts(doc, CUES) == [("said", "speech"), ("told", "speech"), ("believes", "belief"),
                                ("according to", "speech")]


def test_the_scope_keeps_statements_only(doc: Doc) -> None:
    cues = find_cues(doc, find_quotations(doc), scope="quotes")
    assert "belief" not in {s.kind for s in cues.statements}


def test_the_contents_stage_attaches_quotations_and_gives_the_cues_again(doc: Doc) -> None:
    quotations = find_quotations(doc)
    contents = find_contents(doc, quotations, find_cues(doc, quotations, scope="all"), scope="all")
    write_groups(doc, contents.spans)
    found = [s.text for s in doc.spans[CONTENTS]]
    assert "We have no money left," in found and "None at all." in found
    assert ("told reporters", "speech") in texts(doc, CUES) or ("told", "speech") in texts(doc, CUES)
    starts = [c.content.start for c in contents.statements]
    assert starts == sorted(starts)
    assert all(s <= e for s, e in contents.said)


def test_the_sources_stage_names_each_speaker(doc: Doc) -> None:
    quotations = find_quotations(doc)
    contents = find_contents(doc, quotations, find_cues(doc, quotations, scope="all"), scope="all")
    sources = find_sources(doc, contents.statements, contents.said)
    write_groups(doc, sources.spans)
    assert ("Ana Lind", "Ana Lind") in [(s.text, s.kb_id_) for s in doc.spans[SOURCES]]
    assert {s.label_ for s in doc.spans[SOURCES]} <= {"person", "organisation", "anonymous", "unknown"}
    second = next(s for s in sources.sourced if s.statement.content.of(TEXT) == "None at all.")
    assert second.speaker.name == "Ivo Tarn" and second.how == "continues-interrupted"


def test_the_records_are_the_stages_results(doc: Doc) -> None:
    quotations = find_quotations(doc)
    contents = find_contents(doc, quotations, find_cues(doc, quotations, scope="all"), scope="all")
    sources = find_sources(doc, contents.statements, contents.said)
    records = build_records(doc, sources.sourced, quotations.quotes)
    assert records == find_attributions(doc, scope="all")[0]
    relayed = next(a for a in records if a.cue_kind == "belief")
    assert [v.outlet for v in relayed.via] == ["Lakeview Herald"]


def test_predict_gives_every_group_and_touches_nothing(doc: Doc) -> None:
    found = predict(doc, scope="all")
    assert set(found.spans) == set(SPAN_KEYS)
    assert not doc.spans
    assert (found.attributions, found.skipped) == find_attributions(doc, scope="all")


def test_the_pipeline_writes_the_groups_token_aligned(nlp) -> None:
    doc = nlp(TEXT)
    assert set(doc.spans) == set(SPAN_KEYS)
    for a, span in zip(doc._.onrecord_attributions, doc.spans[CONTENTS], strict=True):
        # the records keep exact offsets; the group covers the same words, widened to whole tokens
        assert span.start_char <= a.content.start and a.content.end <= span.end_char
