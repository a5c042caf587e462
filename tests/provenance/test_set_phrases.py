"""Session 23: a negation inside a set phrase of manner ("will pay, no questions asked") denies nothing (the rule
stance.negation-set-phrase), so it is no opposite of asking questions. Invented sentences, the real model; with the
look-alike that a plain negative subject still denies."""

from __future__ import annotations

import pytest

from claim_cases import BROAD, only
from onrecord.api import extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Ana Lind said the Kestrel firm will pay for every damaged boat, no questions asked.",
    "Ana Lind said the Kestrel grant comes with no strings attached.",
])
def test_a_negation_in_a_set_phrase_gives_no_stance(text: str) -> None:
    claim = only(text)
    assert claim.stance("ask") is None and claim.stance("attach") is None


def test_a_negative_subject_outside_a_set_phrase_still_denies() -> None:
    assert only("Ana Lind said no questions were asked about the Kestrel boats.").stance("ask") == -1


def test_no_questions_asked_is_no_conflict_with_asking_hard_questions() -> None:
    flags = extract("Ana Lind said the Kestrel firm will pay for every damaged boat, no questions asked. Ivo Tarn "
                    "said the Kestrel council will be asking hard questions about every damaged boat.",
                    settings=BROAD).provenance.flags
    assert not [f for f in flags if f.kind == "conflict" and f.concept == "ask"]
