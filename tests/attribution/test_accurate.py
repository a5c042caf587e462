"""The accurate mode end to end: the real spaCy model, the rules, and the shipped role tagger."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch", reason="the accurate mode needs the 'accurate' extra (make install has it)")

from onrecord import extract
from onrecord.errors import TaggerUnavailable
from onrecord.settings import Settings

pytestmark = pytest.mark.model

STORY = (
    "Port officials said on Tuesday that the ferry service will resume in May after repairs to the pier.\n\n"
    "Councillor Amira Haddad, who chairs the transport committee, criticized the delay and called for an "
    "independent review of the contract.\n\n"
    "\u201cWe were promised a working pier by spring,\u201d Haddad told reporters. "
    "\u201cThat promise was broken.\u201d\n\n"
    "Many residents believe the repairs were rushed, according to a survey by the local newspaper."
)


@pytest.fixture(scope="module")
def broad():
    return extract(STORY, settings=Settings(scope="all", mode="accurate"), id="pier")


@pytest.fixture(scope="module")
def quotes():
    return extract(STORY, settings=Settings(scope="quotes", mode="accurate"), id="pier")


def test_the_record_names_the_tagger_in_its_model(broad) -> None:
    assert broad.model.endswith("+role_tagger")


def test_statements_keep_their_speakers(broad, match) -> None:
    a = match.find(broad, "the ferry service will resume in May")
    assert a is not None and a.cue is not None and a.source.of(STORY) == "Port officials"
    q = match.find(broad, "We were promised a working pier by spring")
    assert q is not None and q.speaker == "Amira Haddad" and q.type == "direct"


def test_broad_scope_finds_beliefs(broad, match) -> None:
    assert match.find(broad, "the repairs were rushed") is not None


def test_quotes_scope_keeps_statements_only(quotes, broad, match) -> None:
    assert match.find(quotes, "We were promised a working pier by spring") is not None
    assert all(a.cue_kind != "belief" for a in quotes.attributions)
    assert len(quotes.attributions) < len(broad.attributions)


def test_spans_lie_inside_the_text_and_cues_outside_contents(broad) -> None:
    for a in broad.attributions:
        for s in (a.content, a.cue, a.source):
            if s is not None:
                assert 0 <= s.start < s.end <= len(STORY)
        if a.cue is not None:
            assert not a.cue.overlaps(a.content)


def test_missing_weights_are_a_clear_error(tmp_path: Path) -> None:
    from onrecord.attribution.tagger import RoleTaggerRuntime

    with pytest.raises(TaggerUnavailable, match="no tagger weights"):
        RoleTaggerRuntime(weights=tmp_path / "absent.safetensors")
