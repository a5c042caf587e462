"""Session 32 speaker mechanisms, end to end with the real model: a he/she subject is never a person its own clause
names after it ("He has declared Morrison anointed": not Morrison); a description that opens its sentence with
"former" redescribes the person whose name closes the sentence before ("... aimed at Hannah Whitfield. The former
secretary of state has said"); "neither man" is the last two people named; "None has offered a plan" leaves no
unnamed person for a he/she to take up. Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model

_RALLY = "Glenn Whitaker backed Ted Morrison at the rally. The radio host has filled his speeches for Morrison with "


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_RALLY + "religious imagery. He has declared Morrison to be “anointed” by God.",
                     "anointed", "Glenn Whitaker", id="not-the-one-named-after-it-in-its-clause"),
        # look-alikes: a name before the pronoun in its sentence, and a name inside a word
        pytest.param(_RALLY + "religious imagery. Morrison thanked him, and he said the race was not over.",
                     "the race was not over", "Ted Morrison", id="a-name-before-the-pronoun"),
        pytest.param("Ted Morrison spoke at the rally on Monday. He called the anti-Morrison protesters “thugs.”",
                     "thugs", "Ted Morrison", id="a-name-inside-a-word"),
    ],
)
def test_a_he_or_she_is_not_a_name_its_own_clause_gives(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_WAGE = ("Robert Keane, the Vermont senator, won New Hampshire. Keane spoke to supporters on Tuesday night.\n\n"
         "Protesters started a petition this week calling on the candidates to back a higher wage, which appeared to "
         "be aimed at Hannah Whitfield. ")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_WAGE + "The former secretary of state has said that towns should decide the wage for "
                     "themselves.", "towns should decide", "Hannah Whitfield", id="a-former-role-redescribes"),
        pytest.param("Robert Keane, the Vermont senator, won New Hampshire.\n\nAs Kentucky slid away from Keane on "
                     "Tuesday, some of his supporters saw a culprit in Hannah Whitfield. The secretary of state and "
                     "former candidate for the Senate said on radio that the count was fair.", "the count was fair",
                     "Hannah Whitfield", id="the-name-closing-the-sentence-before"),
        # look-alike: a bare role with nothing more is not a redescription
        pytest.param(_WAGE + "The secretary said that towns should decide the wage for themselves.",
                     "towns should decide", None, id="a-bare-role"),
    ],
)
def test_a_former_role_redescribes_the_person_just_named(text: str, content: str, speaker: str | None) -> None:
    assert speaker_of(text, content) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param("Senator Hannah Whitfield and Senator Robert Keane oppose the ban. But neither man has said a "
                     "word about the attack, and neither senator said the party should act.", "the party should act",
                     "Hannah Whitfield and Robert Keane", id="neither-senator"),
        # look-alikes: "Neither" alone after two unnamed people, "neither" of one person's things
        pytest.param("Senator Hannah Whitfield and Senator Robert Keane spoke first. Later two farmers who had voted "
                     "in the straw poll talked to us. Neither said the party should act.", "the party should act",
                     None, id="neither-alone"),
        pytest.param("Senator Hannah Whitfield opposes the ban. Neither report says the party should act.",
                     "the party should act", None, id="neither-report"),
    ],
)
def test_neither_is_the_last_two_people_named(text: str, content: str, speaker: str | None) -> None:
    assert speaker_of(text, content) == speaker


_EGGERS = ("Lind will call for more research money, said Robert Eggers, executive director of the Memory Impact "
           "Movement, whose advocates lean on all the campaigns to take up the issue. ")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_EGGERS + "None has offered specific plans. “It makes this a national conversation,” he said.",
                     "Robert Eggers", id="none-is-nobody-to-take-up"),
        # look-alike: an unnamed person described stays the one a he/she takes up
        pytest.param(_EGGERS + "A campaign official said the plan was ready. “It makes this a national "
                     "conversation,” he said.", None, id="an-unnamed-official"),
    ],
)
def test_none_as_a_source_is_nobody_a_he_or_she_takes_up(text: str, speaker: str | None) -> None:
    assert speaker_of(text, "a national conversation") == speaker
