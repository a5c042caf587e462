"""Other names an article gives a speaker, and documents named by the body that made them (session 31, org31).

- a short form in parentheses after an organisation's name, which need not be its initials ("the Lakeview
  Department of Transportation (Laketrans)"): "Laketrans" alone is that body (short_forms.acronym_after);
- a nickname given after a person's full name ('Ivo Tarnescu, the hacker known as “Zorbix,”'): "Zorbix" alone,
  and a headline's "Hacker Zorbix", is that person (names.nicknamed_names);
- the first words of two bodies' names ("Harbour" of "Harbour News" and "Harbour Business Network"): the one
  the article names most (short_forms.fullest_org);
- a polls' average named by its maker ("the Harbourstats polling average"): that maker
  (speakers.average-of-its-maker).

Look-alikes: a place in parentheses, a short form of another first letter, an average of something else, a
person's name before an average, a nickname before a name that is not the holder's.
"""

from __future__ import annotations

import pytest

from speaking import speakers

LAKETRANS = ("Drivers on the coast road were surprised to see a Lakeview Department of Transportation (Laketrans) "
             "sign that read “Slow down.”\n\nLaketrans told reporters that someone had changed the sign.")

NETWORKS = ("The cable networks, Harbour Business Network and Harbour News, carried the speech live. Harbour News "
            "reporter Ivo Tarn noticed the cut. “We held on,” Harbour News said. But Harbour said it would not "
            "replay the speech.")


@pytest.mark.parametrize(("text", "source", "speaker"), [
    (LAKETRANS, "Laketrans", "Lakeview Department of Transportation"),
    ("Ivo Tarnescu, the hacker known as “Zorbix,” says the server was open.\n\n“It was easy,” Zorbix said.",
     "Zorbix", "Ivo Tarnescu"),
    ("Hacker Zorbix: Council Server Was Wide Open.\n\nIn an interview broadcast on Monday, Ivo Tarnescu, the hacker "
     "known as “Zorbix,” said that he had reached the council's server. Tarnescu said it was easy.",
     "Hacker Zorbix", "Ivo Tarnescu"),
    (NETWORKS, "Harbour", "Harbour News"),
    ("Ana Lind leads by four points, according to the Harbourstats polling average.",
     "the Harbourstats polling average", "Harbourstats"),
    ("Ana Lind leads by two points, according to the Pollwise rolling average of polls.",
     "the Pollwise rolling average of polls", "Pollwise"),
])
def test_other_names_and_makers(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a place in parentheses is no short form of the bank's name
    ("The Harbour Bank (London) lost money last year. London said the loss was small.", "London", "London"),
    # an average of something other than polls has no maker here
    ("Ana Lind leads by two points, according to the Pollwise rolling average of house prices.",
     "the Pollwise rolling average of house prices", None),
    ("Ana Lind leads by four points, according to the national average.", "the national average", None),
    # a person the article names, before an average, is no maker of it
    ("Ana Lind leads by four points, according to the Lind polling average.", "the Lind polling average", None),
    # the body named most is the other one: that one
    (NETWORKS.replace("Harbour News", "Harbour Business Network").replace("Business Network and Harbour Business "
     "Network", "News and Harbour Business Network"), "Harbour", "Harbour Business Network"),
    # one name that begins another: the fuller (as before)
    ("Harbour Energy Partners bought the plant. Harbour Energy said the deal would close in May.", "Harbour Energy",
     "Harbour Energy Partners"),
    # a short form of the name's initials stays as it was read
    ("The Lakeview Transit Authority (LTA) met on Monday. The LTA said fares would rise.", "The LTA",
     "Lakeview Transit Authority"),
])
def test_alias_lookalikes(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text).get(source) == speaker
