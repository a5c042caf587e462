"""Offices written with a capital, as house styles of many countries write them (issue 17, session 27): "the new
Health Minister", "Her former Treasurer", "who has been Treasurer since 2020" are roles, not names; "the ranking
Democrat" is the one the article introduced with those words. And the look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a capitalised office with words before it: the one given the role
    ("The Harbour portfolio goes to Mirela Tostvik, a first-term minister from Lakeview. The new Harbour Minister "
     "said pay would come first.", "The new Harbour Minister", "Mirela Tostvik"),
    # look-alike: nobody was given that portfolio, only another one: no name
    ("Education Minister Ana Lind met union leaders. The new Health Minister said pay would come first.",
     "The new Health Minister", None),
    # a capitalised office after a possessive pronoun, the recogniser's "person": the one who held it
    ("Premier Ana Lindqvist removed her Treasurer on Monday. Sarah Okafor, who has been Treasurer since 2020, will "
     "return to the backbench. The Premier said the decision had been hard. Her former Treasurer told reporters an "
     "hour later that she had learned of it on Monday night.", "Her former Treasurer", "Sarah Okafor"),
    # look-alike: a noun that is no office, after the same possessive: the person in view, as before
    ("Premier Ana Lindqvist removed her Treasurer on Monday. Sarah Okafor, who has been Treasurer since 2020, will "
     "return to the backbench. The Premier said the decision had been hard. Her former adviser told reporters an "
     "hour later that she had learned of it on Monday night.", "Her former adviser", "Ana Lindqvist"),
    # look-alike: a title word that is the family name of a person named in full stays her name
    ("Julie Bishop, the deputy leader, spoke first. Ivo Tarn agreed with her. Later, Bishop said the vote had been "
     "close.", "Bishop", "Julie Bishop"),
    # a party member with the word that introduced them ("The ranking Democrat, Rep. ..."), whoever spoke since
    ("The ranking Democrat, Rep. Ana Velloro of Vermont, pressed the chief executive. \"Did you read them?\" "
     "Velloro asked. \"I read one,\" Ivo Tarn said. \"And was it?\" the ranking Democrat asked.",
     "the ranking Democrat", "Ana Velloro"),
    # look-alike: a party member described by a place only: the person in view, as before
    ("Rep. Ana Velloro, a Democrat from Vermont, pressed the chief executive. \"I read one,\" Ivo Tarn, a Democrat, "
     "said. \"And was it?\" the Vermont Democrat asked.", "the Vermont Democrat", "Ivo Tarn"),
])
def test_capitalised_offices(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker
