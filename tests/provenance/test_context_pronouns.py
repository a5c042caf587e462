"""What a content's pronoun subject is about (claims._context): "it" and "they" take the nouns before them; "he"
and "she" are people (in reported speech most often the speaker), so the nouns of the sentence before are not what
the claim is said of (a mother's "she had heard about the problem" was set against "nobody at the clinic knew"
through the clinic of the sentence before). Invented sentences and people, the real model."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.provenance.claims import Claim
from onrecord.settings import Settings

pytestmark = pytest.mark.model


def _claims(text: str) -> list[Claim]:
    extraction = extract(text, settings=Settings(scope="all", provenance=True))
    assert extraction.provenance is not None
    return list(extraction.provenance.claims)


def test_she_takes_no_nouns_from_the_sentence_before() -> None:
    text = ("Parents who gathered at the Harwick clinic on Monday were anxious. Lina Obasi, whose son had his "
            "boosters there in October, said she had heard about the problem from another mother.")
    (claim,) = _claims(text)
    assert claim.context == ()
    assert "clinic" not in claim.arguments_of("know")


def test_it_still_takes_the_nouns_before_it() -> None:
    text = "The Harwick clinic has lost its night nurse. Lina Obasi said it would close in May."
    (claim,) = _claims(text)
    assert "clinic" in claim.context
