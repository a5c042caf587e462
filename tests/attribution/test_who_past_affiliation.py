"""A "who" the parser hung on the body a person's role is at, or on a party member's word, is the person named
before the role (session 31, speakers.who-past-affiliation). Look-alikes: a "that" or "which" after the body is the
body's, and a "who" after a role with a name of its own is unchanged."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("The harbour plan is not good enough, said Ivo Tarnberg, a senior analyst at Kestrel Securities, who notes that "
     "the port has vowed to cut costs.", "who", "Ivo Tarnberg"),
    ("Mayor Mira Okonjo of Lakeview, a Democrat who has refused to back the plan, said the pier must close.",
     "who", "Mira Okonjo"),
    ("“The pier is safe,” said Ivo Tarnberg, a pollster with the mayor's former party who worked with the "
     "council for years and called the plan sound.", "who", "Ivo Tarnberg"),
])
def test_who_past_affiliation_is_the_person(text: str, source: str, speaker: str) -> None:
    assert speakers(text).get(source) == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("Ivo Tarnberg, a senior analyst at Kestrel Securities, which says the port will cut costs, spoke on Monday.",
     "which", "Kestrel Securities"),
    ("Yesterday I met Mira Okonjo, a nurse who says the ward is unsafe.", "who", "Mira Okonjo"),
])
def test_who_past_affiliation_lookalikes(text: str, source: str, speaker: str) -> None:
    assert speakers(text).get(source) == speaker
