"""Campaigns, super PACs and polls named again by their kind: a candidate's team in a story about a race is the
candidate's campaign, "the Super PAC" is the PAC in view, "the poll" far down a story about one poll is its maker's
(see attribution/resolution/kinds.py and campaign_rules.candidate_campaign); and the look-alikes that must keep
their speaker."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.kinds import kind_only, name_kinds
from speaking import speakers

#: Sentences with no source, to push a mention far down an article.
FILLER = " ".join(["Voters in the north went to the polls on Monday and many of them said the roads were bad."] * 25)


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a named candidate's team in a story about a race: the campaign, whichever campaign was named before
    ("The primary is in May. Mira Oduya and Tom Brandt are running. Oduya's campaign has spent millions. Brandt's "
     "team thinks the debate gave him momentum.", "Brandt's team", "Brandt campaign"),
    ("The primary is in May.\n\nTeam Okafor sees the debate as a chance for David Okafor.", "Team Okafor",
     "Okafor campaign"),
    # "the Super PAC": the PAC named before
    ("Lakeview Forward PAC, a Super PAC aimed at Okafor, launched an ad. The Super PAC also plans to target voters.",
     "The Super PAC", "Lakeview Forward PAC"),
    # "a super PAC" the story names in the next sentence
    ("A liberal super PAC backing Ana Lind said on Monday that Ivo Tarn had misled voters. The claim came in a new "
     "ad from Lakeview Forward PAC, which has spent $2 million.", "A liberal super PAC backing Ana Lind",
     "Lakeview Forward PAC"),
    # "the poll" far down a story about a poll named with its maker
    ("A greater share of voters see Oduya as honest than they did two months ago, according to a new Orbis "
     f"Research poll. {FILLER} But the poll also finds that Brandt is seen as competent.", "the poll",
     "Orbis Research"),
    # "the companies": the two a deal's sentence names, and the same pair later
    ("Lakeview Freight Co. has agreed to buy Orvane Cargo Inc. for $90 million, the companies said on Monday. Ana "
     "Lind, an analyst, called it a good deal. In a joint statement, the companies said the deal would save money.",
     "the companies", "Lakeview Freight Co. and Orvane Cargo Inc."),
])
def test_a_body_named_again_by_its_kind(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # no word of a race: a coach's team is no campaign
    ("Tom Brandt coaches the Lakeview Rovers. The club's season has been poor. Brandt's team thinks it can win the "
     "cup.", "Brandt's team", "Brandt"),
    # a team narrowed by an adjective (a senator's political team after the race): no campaign
    ("The primary is in May. Mira Oduya and Tom Brandt are running. Oduya's campaign has spent millions. Brandt's "
     "political team thinks the debate gave him momentum.", "Brandt's political team", "Brandt"),
    # no PAC named: the Super PAC stays itself
    ("Tarn Airlines cancelled flights. The Super PAC said it would target voters.", "The Super PAC", "Super PAC"),
    # a super PAC the story never names
    ("A liberal super PAC backing Ana Lind said on Monday that Ivo Tarn had misled voters. Tarn denied it.",
     "A liberal super PAC backing Ana Lind", "PAC"),
    # the poll far down, its first mention naming no maker: nobody known
    (f"A greater share of voters see Oduya as honest than they did two months ago, according to a new poll. {FILLER}"
     " But the poll also finds that Brandt is seen as competent.", "the poll", None),
    # one company in the sentence, none paired before: "the companies" stay unnamed
    ("Lakeview Freight Co. raised its prices by 9 percent, the companies said on Monday.", "the companies", None),
])
def test_look_alikes_keep_their_speaker(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


def test_kind_only_names() -> None:
    assert kind_only("Super PAC") and kind_only("the PAC")
    assert not kind_only("Lakeview Forward PAC") and not kind_only("Super")
    assert "pac" in name_kinds("Lakeview Forward PAC")
