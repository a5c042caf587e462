"""load_pipeline: one pipeline per settings, none ever changed under a caller that holds it; the model's weights
are loaded once."""

from __future__ import annotations

import pytest

from onrecord.nlp import load_pipeline
from onrecord.settings import Settings

pytestmark = pytest.mark.model

TEXT = "Ana Lind wants the pier to close. “It is unsafe,” she said."


def _scope(nlp) -> str:
    return nlp.get_pipe("onrecord_attribution").scope


def test_loading_other_settings_does_not_change_a_pipeline_a_caller_holds() -> None:
    broad = load_pipeline(Settings(scope="all", cue_span="word"))
    before = [a.to_dict() for a in broad(TEXT)._.onrecord_attributions]
    narrow = load_pipeline(Settings(scope="quotes"))
    bare = load_pipeline(Settings(scope="all"), with_attribution=False)
    assert _scope(broad) == "all" and broad.get_pipe("onrecord_attribution").cue_span == "word"
    assert _scope(narrow) == "quotes"
    assert "onrecord_attribution" in broad.pipe_names and "onrecord_paragraphs" in broad.pipe_names
    assert "onrecord_attribution" not in bare.pipe_names and "onrecord_paragraphs" not in bare.pipe_names
    assert [a.to_dict() for a in broad(TEXT)._.onrecord_attributions] == before  # still the broad scope: the stance too
    assert len(before) > len(narrow(TEXT)._.onrecord_attributions)


def test_the_same_settings_give_the_same_pipeline_and_all_share_the_weights() -> None:
    one, two = load_pipeline(Settings(scope="all")), load_pipeline(Settings(scope="all"))
    other = load_pipeline(Settings(scope="quotes", max_chars=5000))
    assert one is two and one is not other
    assert one.get_pipe("parser") is other.get_pipe("parser") is load_pipeline(with_attribution=False).get_pipe(
        "parser")
    assert one.vocab is other.vocab


def test_abbreviated_ranks_stay_one_token_so_the_quotation_keeps_its_speaker() -> None:
    """spaCy's English tokenizer splits "Cpl." into "Cpl" "." (it keeps "Dr." and "Gen."), and the parse then ends a
    sentence before the name: "“…,” Marine Cpl. Ana Lind said." had no statement. onrecord's tokenizer keeps the
    ranks and titles of the lexicon's ``tokenizer_abbreviations`` whole; a full stop after a plain word still ends
    its sentence."""
    import onrecord

    nlp = load_pipeline(Settings(), with_attribution=False)
    words = [t.text for t in nlp.make_doc("“We held the line,” Marine Cpl. Ana Lind said. Det. Ivo Tarn agreed.")]
    assert "Cpl." in words and "Det." in words
    text = "“We held the line at the bridge,” Marine Cpl. Ana Lind said. “Nobody slept,” said Det. Ivo Tarn."
    found = onrecord.extract(text).attributions
    assert [(a.speaker, a.content.of(text)) for a in found] == [
        ("Ana Lind", "We held the line at the bridge,"), ("Ivo Tarn", "Nobody slept,")]
    assert [t.text for t in nlp.make_doc("She joined the Corps. Ana Lind said so.")][3:6] == ["Corps", ".", "Ana"]
