"""What gives a person a role that "the candidate" later names (session 31): not being "the candidate's first
backer" (the role's holder is the possessor, someone else), nor being "a former candidate" when the mention says
"the candidate". Look-alikes: "is the club's treasurer" still gives the role, "the former candidate" is still
the one introduced as such, and "former" on another role ("a former county clerk") keeps the challenger."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "wrong"), [
    ("Harbour developer Ivo Tarnberg is running for governor. Mira Okonjo, who sold boats for years, is the "
     "candidate's first, and so far only, backer in the valley. Tarnberg visited the valley on Monday.\n\n“I "
     "respect the valley,” the candidate said in an email.", "the candidate", "Mira Okonjo"),
    ("Harbour developer Ivo Tarnberg is running for governor.\n\n“I respect the valley,” the candidate said in an "
     "email. Mira Okonjo, a former candidate for mayor, said she would vote for Tarnberg.", "the candidate",
     "Mira Okonjo"),
])
def test_not_the_holder_of_a_role_the_mention_does_not_name(text: str, source: str, wrong: str) -> None:
    assert speakers(text).get(source) != wrong


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("Mira Okonjo is the club's treasurer. The club met on Monday.\n\n“The accounts are sound,” the treasurer said.",
     "the treasurer", "Mira Okonjo"),
    ("Mira Okonjo, a former candidate for mayor, spoke on Monday.\n\n“The valley deserves better,” the former "
     "candidate said.", "the former candidate", "Mira Okonjo"),
    # "former" on another role the person is given: still the challenger
    ("“There is no such budget,” the challenger said on Tuesday.\n\nThe challenger is Ivo Tarnberg, a former "
     "county clerk who runs a boatyard.\n\n“I have read it,” the challenger said.", "the challenger", "Ivo Tarnberg"),
    ("Mira Okonjo is the candidate of the harbour party. The party met on Monday.\n\n“The valley deserves better,” "
     "the candidate said.", "the candidate", "Mira Okonjo"),
])
def test_role_givers_lookalikes(text: str, source: str, speaker: str) -> None:
    assert speakers(text).get(source) == speaker
