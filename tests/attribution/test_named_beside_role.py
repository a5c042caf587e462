"""Session 33 speaker mechanisms, end to end with the real model: a role with a person's name set off beside it, past
what trails the role ("The editor I was talking to, Ivo Tarnowski, interrupted ..."), is the person named; a role
nobody was given before it, right after a person the narration is about, is that person rather than one given the
role further down; "both women" are the last two women named; "the email" is one named as the modifier of
another document noun ("sent out an email fundraising appeal"). Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speakers

pytestmark = pytest.mark.model

_HALL = "Back at the paper, I saw a man careening down the hallway pushing a mail cart.\n\n"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        pytest.param(_HALL + "The editor I was talking to, Ivo Tarnowski, interrupted me in mid-sentence to announce, "
                     "“And… there goes the franchise.”", "The editor I was talking to, Ivo Tarnowski",
                     "Ivo Tarnowski", id="a-name-set-off-after-the-role's-clause"),
        pytest.param("Whitfield calls on U.S. to lead, step up fight against floods.\n\nNEW YORK, Nov. 19 (UPI) — "
                     "Former Secretary of State and Democratic presidential frontrunner Hannah Whitfield is calling "
                     "for the United States to step up military efforts in the fight against the Harbour Front.",
                     "Former Secretary of State and Democratic presidential frontrunner", "Hannah Whitfield",
                     id="a-title-cut-before-the-name"),
        # look-alikes: a name after another person's noun is that person's; a name the parse makes an object
        pytest.param("Sen. Per Holmgren spoke first. A neighbour who looked after the widow, Ana Lindqvist, said the "
                     "house had been empty for “a very long time.”", "A neighbour who looked after the widow, Ana "
                     "Lindqvist", "Ana Lindqvist", id="a-name-after-another-person's-noun"),
        pytest.param("Unlike Ana Lindqvist, the mayor said the plan was “sound.”", "the mayor", None,
                     id="a-name-the-parse-makes-an-object"),
    ],
)
def test_a_role_with_a_name_set_off_beside_it(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


_RALLY = ("LAKEVIEW - At a rally here last week, Ivo Tarnowski showed the crowd a clip of Gov. Petra Sandoval "
          "awkwardly trying to defend the harbour plan.\n\n\"Governor Sandoval, let me help you out - the answer's "
          "no,\" the Republican vice-presidential nominee riffed, drawing applause from the crowd.\n\n")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_RALLY + "The senator said that her position is genuine. She was a full-fledged booster of 2012 "
                     "GOP presidential nominee Jonas Brekke.", "Ivo Tarnowski", id="not-the-one-given-it-later"),
        # look-alike: one given the role before it still holds it
        pytest.param("Vice-presidential nominee Jonas Brekke spoke on Monday.\n\n" + _RALLY, "Jonas Brekke",
                     id="one-given-it-before"),
    ],
)
def test_a_role_nobody_held_before_is_the_subject_in_view(text: str, speaker: str) -> None:
    assert speakers(text)["the Republican vice-presidential nominee"] == speaker


_EVENT = ("Senator Ana Lindqvist and Mayor Dana Okafor held their first joint event on Monday in the harbour town of "
          "Port Ellis.\n\nMrs. Lindqvist said that when Ms. Okafor railed against the shipping firms from her office "
          "in the town hall, “she is speaking for all of us.”\n\nIn this battleground county with inordinate weight "
          "on general elections, Mrs. Lindqvist delivered a forceful promise to strengthen the fishing unions, close "
          "loopholes that give shipping firms tax breaks when moving jobs overseas, raise the minimum wage and make "
          "college affordable for every family in the county.\n\n“Why do the richest firms get away with paying "
          "lower rates than you do?” Mrs. Lindqvist asked the crowd.\n\n")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_EVENT + "Both women framed their remarks on Monday by portraying Mr. Tarn as a selfish harbour "
                     "baron.", "Ana Lindqvist and Dana Okafor", id="the-two-women-further-back"),
        # look-alike: two people named just before stay the two
        pytest.param("James Lind met David Okafor at the pier on Monday. Both men framed their remarks by portraying "
                     "the mayor as a selfish harbour baron.", "James Lind and David Okafor",
                     id="two-named-just-before"),
    ],
)
def test_both_women_are_the_last_two_women_named(text: str, speaker: str) -> None:
    source = "Both women" if "Both women" in text else "Both men"
    assert speakers(text)[source] == speaker


_APPEALS = ("Hannah Whitfield and Ivo Tarnowski are running for the Senate nomination.\n\nIn addition, a fundraising "
            "email sent out by Ivo Tarnowski on Tuesday night warned of the tough fight ahead: \"There are 14 contests "
            "over the next three weeks.\"\n\n")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_APPEALS + "Hannah Whitfield's campaign sent out an email fundraising appeal that presaged her "
                     "poor showing. \"We need to make sure Hannah comes out on top,\" the email said.",
                     "Whitfield campaign", id="the-email-as-a-modifier-of-the-appeal"),
        # look-alike: an appeal that is no email leaves the email sent before
        pytest.param(_APPEALS + "Hannah Whitfield's campaign sent out a fundraising appeal that presaged her poor "
                     "showing. \"We need to make sure Hannah comes out on top,\" the email said.", "Ivo Tarnowski",
                     id="an-appeal-that-is-no-email"),
    ],
)
def test_the_email_is_the_one_sent_just_before(text: str, speaker: str) -> None:
    assert speakers(text)["the email"] == speaker


_PRIMARY = ("Hannah Whitfield won the primary in Lakeview on Tuesday. Whitfield thanked her volunteers. Whitfield "
            "said the race was “far from over.”\n\nHer husband, George Whitfield, campaigned for her all week.\n\n")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_PRIMARY + "George Whitfield spoke with voters outside the polling place before heading inside "
                     "with the mayor. At one point, a woman asked for a photo and Whitfield said, “as long as we’re "
                     "not breaking any election laws.”", "George Whitfield", id="the-namesake-named-just-before"),
        # look-alike: the namesake named only in passing keeps the name its owner's
        pytest.param(_PRIMARY + "Voters waited outside the polling place with the mayor. At one point, a woman asked "
                     "for a photo and Whitfield said, “as long as we’re not breaking any election laws.”",
                     "Hannah Whitfield", id="the-owner-of-the-name"),
    ],
)
def test_a_family_name_is_the_namesake_just_named_as_a_subject(text: str, speaker: str) -> None:
    assert speakers(text)["Whitfield"] == speaker
