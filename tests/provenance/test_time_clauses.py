"""Session 23: "once" or "until" with a clause in the past is a time, not a condition ("the firm co-operated once
the inquiry began": it began), so it makes no half reversal; in the present it stays one ("will pay once the board
publishes its report"). Invented sentences, the real model."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.eval.provenance import predict
from onrecord.settings import Settings
from onrecord.types import Article

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def condition(text: str) -> str | None:
    extraction = extract(text, settings=BROAD)
    assert extraction.provenance is not None
    (claim,) = extraction.provenance.claims
    return claim.condition


@pytest.mark.parametrize("text", [
    "Ana Lind said the Kestrel firm had co-operated once the inquiry began.",
    "Ana Lind said the Kestrel depot stayed open until the money ran out.",
])
def test_a_clause_of_time_in_the_past_is_no_condition(text: str) -> None:
    assert condition(text) is None


@pytest.mark.parametrize(("text", "words"), [
    ("Ana Lind said the Kestrel firm will pay once the board publishes its report.", "once the board publishes"),
    ("Ana Lind said the Kestrel firm will pay only once the board has published its report.", "once the board has"),
    ("Ana Lind said the Kestrel depot will stay open until the council finds the money.", "until the council"),
])
def test_once_or_until_in_the_present_stays_a_condition(text: str, words: str) -> None:
    assert words in (condition(text) or "")


def test_co_operating_once_an_inquiry_began_is_no_half_reversal_of_co_operating() -> None:
    articles = [Article(id="a1", published="2026-03-01", text="Ana Lind, the Kestrel firm's lawyer, said the firm "
                        "had co-operated with the regulator."),
                Article(id="a2", published="2026-05-01", text="Ana Lind, the Kestrel firm's lawyer, said the fine "
                        "was cut because the firm had co-operated with the regulator once the inquiry began.")]
    found, _ = predict(articles, Settings(scope="all"))
    assert not [f for f in found if f.kind == "reversal"]
