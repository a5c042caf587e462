"""A name given for someone who withholds the rest ("who gives his name only as Tiny"), end to end with the real
model. Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


def test_the_noun_whose_clause_gives_the_name_is_that_name() -> None:
    text = ("A busker who plays outside the bakery most days, and who gives his name only as Wren, says he will "
            "miss the staff.\n\n“They bring me a tea at eleven,” he says.")
    assert speaker_of(text, "he will miss the staff") == "Wren"
    assert speaker_of(text, "They bring me a tea at eleven") == "Wren"


def test_a_name_given_is_a_person_for_the_he_after_it() -> None:
    text = ("On a bench by the ferry, a 15-year-old who gave her name only as Pim was waiting for a lift.\n\n"
            "“I don’t have a car,” she said.")
    assert speaker_of(text, "I don’t have a car") == "Pim"


def test_serving_as_an_office_gives_no_name() -> None:
    """The look-alike: "served as Harbour Master" is an office, not a name given."""
    text = ("A clerk who served as Harbour Master for a decade said the pier had always flooded.")
    assert speaker_of(text, "the pier had always flooded") is None


def test_a_name_given_in_an_apposition_is_the_name_of_the_noun_before_it() -> None:
    """"One porter, a stooped man who gave his name only as Ossi, told ...": the apposition's clause names the
    porter, and the "he" after him."""
    text = ("Porters at the border post have not been paid since March.\n\n"
            "One porter, a stooped man who gave his name only as Ossi, told reporters: “We carry for nothing now.”\n\n"
            "“Nobody has come to explain,” he said.")
    assert speaker_of(text, "We carry for nothing now.") == "Ossi"
    assert speaker_of(text, "Nobody has come to explain") == "Ossi"


def test_an_apposition_that_gives_no_name_stays_unnamed() -> None:
    """The look-alike: the apposition's clause tells where he lives, not what he is called."""
    text = ("Porters at the border post have not been paid since March.\n\n"
            "One porter, a stooped man who lives by the river, told reporters: “We carry for nothing now.”")
    assert speaker_of(text, "We carry for nothing now.") is None
