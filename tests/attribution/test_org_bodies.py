"""An organisation's own bodies and a person's own office (issue 17, session 27): "the airline's board" is the
board of the airline named, "the Governor's office" is no office named before, "the city of Lakeview" names its
place; and the look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the board of the organisation a kind noun refers to
    ("Lakeview Air cancelled 900 flights in December. The airline's board, in a letter to the committee, said it "
     "had full confidence in the chief executive.", "The airline's board", "Lakeview Air board"),
    # look-alike: a kind noun no organisation named fits: the description, as before
    ("Lakeview Air cancelled 900 flights in December. The union's board said it had no confidence in the chief "
     "executive.", "The union's board", "union's board"),
    # a person's own office is not an office named before
    ("A spokesman for the Office of Harbour Law said it was reviewing the ruling. The Governor's office issued a "
     "two-sentence statement. \"The governor respects the ruling,\" it said.", "The Governor's office",
     "Governor's office"),
    # look-alike: the office alone is the one named before
    ("A spokesman for the Office of Harbour Law said it was reviewing the ruling. The office said it would not "
     "appeal.", "The office", "Office of Harbour Law"),
    # "the city of ...": with the place it names
    ("The city of Lakeview, which wrote the fines, said it would comply with the ruling.",
     "The city of Lakeview, which wrote the fines", "city of Lakeview"),
    # look-alike: a city's body given by a noun: as before
    ("The city council said it would comply with the ruling.", "The city council", "city council"),
])
def test_bodies_and_offices(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a short form given right after the name, whose letters are not its initials: the organisation
    ("In the late 1990s, the conservative Harbour People's Party, or HVP, began to campaign on migration. Its "
     "youth wing, Junge HVP, grew fast. In 2003, the HVP said it would fight the plan.", "the HVP",
     "Harbour People's Party"),
    ("In the late 1990s, the conservative Harbour People's Party (HVP) began to campaign on migration. Its "
     "youth wing, Junge HVP, grew fast. In 2003, the HVP said it would fight the plan.", "the HVP",
     "Harbour People's Party"),
    # look-alike: a person's name with "or" and a name of one capital after it is no short form
    ("The singer Ana Lind, or Annie, began to write songs at nine. Later, Lind said the songs came easily.", "Lind",
     "Ana Lind"),
])
def test_short_form_given_after_a_name(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


def test_a_kind_of_body_joined_by_and_is_not_named_by_the_next_name() -> None:
    """Look-alike of proper-noun's "Ivo Tarn's PAC, Harbour Crossroads,": with "and", two bodies, as before."""
    assert speakers("Strategist Ivo Tarn's PAC and Harbour Crossroads attacked Lind in an ad.")[
        "Strategist Ivo Tarn's PAC and Harbour Crossroads"] == "Harbour Crossroads"
