"""A speaker's count given again under a figure word ("the true number is ..."), "per cent" written apart, and a
count given back: invented articles, each with a look-alike that raises nothing (session 32)."""

from __future__ import annotations

import pytest

from claim_cases import flags_across
from onrecord.provenance import Flag
from onrecord.settings import Settings

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def across(first: str, second: str) -> list[Flag]:
    return [f for f in flags_across(first, second) if f.kind == "reversal"]


FIRST = ("Power returned to most of Tarnwick on Sunday. “About 4,000 homes in Tarnwick lost power,” said Ana Lind, "
         "the chief executive of Tarnwick Grid.")


@pytest.mark.parametrize("later", [
    "Ana Lind, the chief executive of Tarnwick Grid, said on Friday: “The true number is a little over 9,000.”",
    "Ana Lind, the chief executive of Tarnwick Grid, said on Friday: “I said 4,000. The real figure was 9,300.”",
])
def test_a_new_count_under_a_figure_word_is_half_a_reversal(later: str) -> None:
    (flag,) = across(FIRST, later)
    assert flag.rating == "half" and flag.reason == "changed number"


@pytest.mark.parametrize("later", [
    # a figure word that counts something else
    "Ana Lind, the chief executive of Tarnwick Grid, said on Friday: “The number of complaints rose to 40.”",
    # the count comes before the figure word: it names what it counts
    "Ana Lind, the chief executive of Tarnwick Grid, said on Friday: “Nine engineers is not our number; it is the "
    "union's number.”",
])
def test_a_figure_word_about_another_count_raises_nothing(later: str) -> None:
    assert not across(FIRST, later)


def test_per_cent_written_apart_is_a_percentage() -> None:
    (flag,) = across("“Closing at dusk would cost us perhaps 2 per cent of our output,” said Ivo Tarn, who runs the "
                     "Kelmoor wind farm.",
                     "“Closing at dusk will cost us closer to 5 per cent of our output,” said Ivo Tarn, who runs the "
                     "Kelmoor wind farm.")
    assert flag.rating == "half" and flag.reason == "changed number"


def test_the_same_share_written_two_ways_raises_nothing() -> None:
    assert not across("“Closing at dusk would cost us 2 per cent of our output,” said Ivo Tarn, who runs the "
                      "Kelmoor wind farm.",
                      "“Closing at dusk will cost us 2 percent of our output,” said Ivo Tarn, who runs the Kelmoor "
                      "wind farm.")


def test_a_count_given_back_is_no_change_but_one_put_right_is() -> None:
    first = "“Sixty-one percent is the figure the Kelmoor board was given,” said Ivo Tarn, a Kelmoor councillor."
    assert not across(first, "“Ninety percent is a long way from sixty-one,” said Ivo Tarn, a Kelmoor councillor.")
    (flag,) = across("“There were 540 people in the Kelmoor hall,” said Ivo Tarn, a Kelmoor councillor.",
                     "“There were 611 people in the Kelmoor hall, not 540,” said Ivo Tarn, a Kelmoor councillor.")
    assert flag.reason == "changed number"


def test_pence_and_pennies_are_one_unit() -> None:
    from onrecord.api import extract

    claims = extract("“About 70 pence in every pound reached the Tarnwick children last year,” said Ana Lind, who "
                     "runs the Tarnwick charity.", settings=BROAD).provenance.claims
    assert any(k == "pence" and v == 70 for c in claims for k, v in c.numbers)


def test_one_share_in_pence_twice_raises_nothing() -> None:
    assert not across("“Seventy pence of every pound we raise goes to the Tarnwick children,” said Ana Lind, who "
                      "runs the Tarnwick charity.",
                      "“About 70 pence in every pound reached the Tarnwick children last year,” said Ana Lind, who "
                      "runs the Tarnwick charity.")
