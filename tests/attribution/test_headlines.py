"""A headline's source that is only a role ("Former Harbour Pollster Says ...") is the one person the body
introduces with that role (issue 17, session 30, speakers.headline-role). Look-alikes: a headline that names the
person, a role the body gives to two people, and the same role in the body, not in a headline."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("Former Harbour Pollster Says Mayor Is In Trouble.\n\nFormer Lakeview pollster Ivo Tarnberg was blunt on Tuesday "
     "about the race.", "Former Harbour Pollster", "Ivo Tarnberg"),
    ("Ferry union chair dismisses claims about pension fund.\n\nLakeview Ferry Workers Union Chair Mira Okonjo "
     "dismissed the claims on Monday.\n\n“Nothing was taken,” Okonjo said.", "Ferry union chair", "Mira Okonjo"),
    ("This Democrat Is Not Challenging Her Opponent.\n\nThe race had been led by progressive Democrat Mira Okonjo. "
     "Okonjo said she would not debate.", "This Democrat", "Mira Okonjo"),
    ("Pastor Wants Library To Ban Comic Books.\n\nPastor Ivo Tarnberg has now set his sights on the town library. "
     "Tarnberg said the books were harmful.", "Pastor", "Ivo Tarnberg"),
])
def test_headline_role_is_the_person_the_body_gives_it(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the headline names the person: not the aide the body introduces with a word of it
    ("Tarnberg Says Mayor Is In Trouble.\n\nTarnberg aide Mira Okonjo was blunt. Ivo Tarnberg said the race was "
     "lost.", "Tarnberg", "Ivo Tarnberg"),
    # two people given the role: neither is picked (the headline's word stays as written)
    ("Pastor Wants Library To Ban Comic Books.\n\nPastor Ivo Tarnberg and Pastor Mira Okonjo wrote to the town. "
     "Tarnberg said the books were harmful.", "Pastor", "Pastor"),
    # a plural role names no one person, even where the body gives the role to one
    ("Harbour Candidates Say Ferry Fares Will Fall.\n\nHarbour candidate Mira Okonjo spoke first on Monday. "
     "Okonjo said fares would fall.", "Harbour Candidates", None),
])
def test_headline_lookalikes(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text).get(source) == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a word of description before the family name, in the headline's capitals (session 31, speakers.headline-epithet)
    ("Absent Tarnberg Says Debate Is A Farce.\n\nIvo Tarnberg stayed away from the debate on Thursday. His rivals "
     "spoke for two hours.", "Absent Tarnberg", "Ivo Tarnberg"),
    # look-alikes: two people of the family in the body (neither is picked)
    ("Absent Tarnberg Says Debate Is A Farce.\n\nIvo Tarnberg and Mira Tarnberg stayed away from the debate on "
     "Thursday.", "Absent Tarnberg", "Absent Tarnberg"),
])
def test_headline_epithet(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


def test_headline_epithet_not_in_an_opening_paragraph() -> None:
    text = ("The crash killed the driver, Ivo Tarnberg. Mira Tarnberg, his mother, rejected the report on Monday."
            "\n\n\"It is wrong,\" Tarnberg said.")
    assert speakers(text)["Tarnberg"] == "Mira Tarnberg"
