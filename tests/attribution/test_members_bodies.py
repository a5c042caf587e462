"""A body of a club's or a firm's people whose name begins with the club's ("Harwick Rovers Supporters’ Club"):
the club's own name is not a short form of it (short_forms.fullest_org). Every passage is made up."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.short_forms import fullest_org
from speaking import speaker_of


@pytest.mark.parametrize(("name", "names", "expected"), [
    ("Harwick Rovers", ["Harwick Rovers Supporters’ Club", "Harwick Rovers"], "Harwick Rovers"),
    ("Tarn Freight", ["Tarn Freight Workers' Union", "Tarn Freight"], "Tarn Freight"),
    # the look-alike: a fuller name of the same body still replaces its first words
    ("Harwick Rovers", ["Harwick Rovers Football Club", "Harwick Rovers"], "Harwick Rovers Football Club"),
])
def test_a_members_body_is_no_fuller_name_of_the_club(name: str, names: list[str], expected: str) -> None:
    assert fullest_org(name, names) == expected


@pytest.mark.model
def test_the_club_speaks_for_itself_beside_its_supporters_club() -> None:
    text = ("Harwick Rovers are set to sell their goalkeeper.\n\n"
            "The Harwick Rovers Supporters’ Club said it had asked the board for “an honest account”.\n\n"
            "In a statement, Harwick Rovers said they would not discuss “individual contracts” until May.")
    assert speaker_of(text, "individual contracts") == "Harwick Rovers"
    assert speaker_of(text, "an honest account") == "Harwick Rovers Supporters’ Club"
