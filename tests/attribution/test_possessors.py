"""A he/she after a sentence that names one person only as the owner of a thing is that person, end to end with
the real model (:mod:`onrecord.attribution.resolution.possessors`). Every passage is made up."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.pronoun_features import candidates
from onrecord.attribution.resolution.resolver import SpeakerResolver
from onrecord.nlp import load_pipeline
from speaking import speaker_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Sarah Okafor spoke to voters on Tuesday. Maria Tarn, her rival, said the race was close. Sarah "
            "Okafor’s plan has stalled, but she has said she will press on.",
            "she will press on", "Sarah Okafor", id="owner-earlier-in-the-pronoun-s-sentence",
        ),
        pytest.param(
            "“We will win,” Maria Tarn said on Tuesday. Sarah Okafor’s children slept on a cot beside her. She said "
            "the night had been long.",
            "the night had been long", "Sarah Okafor", id="owner-in-the-sentence-before",
        ),
        # look-alikes: the speaker before stays
        pytest.param(
            "“We will win,” Maria Tarn said on Tuesday. She denied Sarah Okafor’s request. She said the night had "
            "been long.",
            "the night had been long", "Maria Tarn", id="a-she-subject-keeps-the-speaker",
        ),
        pytest.param(
            "Ivo Tarn spoke on Tuesday. “We will win,” Per Lind said. Tarn's plan, he said, was flawed.",
            "Tarn's plan", "Lind", id="the-pronoun-s-verb-governs-the-thing",
        ),
    ],
)
def test_a_he_or_she_after_a_sole_owner_is_that_owner(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


def test_a_he_or_she_s_candidates_are_the_people_of_its_gender_in_view() -> None:
    text = "Maria Tarn spoke on Tuesday. Ivo Lind and Sarah Okafor listened. She said the vote was close."
    doc = load_pipeline()(text)
    r = SpeakerResolver(doc)
    she = next(t for t in doc if t.text == "She")
    found = dict(candidates(r, she, "f", Speaker("Maria Tarn", "person")))
    assert "Ivo Lind" not in found
    assert found["Maria Tarn"]["rule"] == 1.0 and found["Sarah Okafor"]["rule"] == 0.0
    assert found["Sarah Okafor"]["rank0"] == 1.0
