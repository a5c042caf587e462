"""Bodies named by the forms news copy uses besides their names (speakers.outlet-by-its-noun,
speakers.relative-after-body, speakers.body-of-its-head, speakers.account-of-owner, a name set off after a relative
clause, a speech as its speaker's own words, an outlet's name written with its reporter's as one entity, a company
named by its shares); and the look-alikes that keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # an outlet by its noun: the outlet named last, not the body that acted last
    ("The Kestrel Times ran an editorial on Sunday. The Harbour Council voted on Monday to keep the pier open. The "
     "newspaper, long a critic of the plan, writes that the council should close it.",
     "The newspaper, long a critic of the plan", "Kestrel Times"),
    ("Two officers were suspended, an official told Harbour News. The rules apply to every statement, according to "
     "the news outlet.", "the news outlet", "Harbour News"),
    # a "which" or "that" the parser did not hang on the name before it
    ("The rumour was traced to a website called Lakeview News Right Now, which claims that the council sold the "
     "pier.", "which", "Lakeview News Right Now"),
    ("In the late 1990s, it was the Harbour Party that warned that the pier would close.", "that", "Harbour Party"),
    # the name set off after a noun's relative clause
    ("The group that says it organised the march, Lakeview Forward, has asked the council for a permit.", "that",
     "Lakeview Forward"),
    # a body a person heads, by the title the article gave them
    ("Ana Lind met Harbour Safety Secretary Ivo Tarnowski on Monday. Tarnowski's agency said the pier would close.",
     "Tarnowski's agency", "Harbour Safety"),
    # a company the recogniser does not know, named by its shares: "a company spokeswoman" is its voice, and its
    # first word alone is the company
    ("Shares of Tarnwick Appliances fell 14% on Thursday after the maker of ovens cut its outlook. Chief Executive "
     "Ana Lind said the demand was there. A company spokeswoman said two warehouses would close.",
     "A company spokeswoman", "Tarnwick Appliances"),
    ("Shares of Tarnwick Appliances fell 14% on Thursday after the maker of ovens cut its outlook. Chief Executive "
     "Ana Lind said the demand was there. Tarnwick said it would close two warehouses.", "Tarnwick",
     "Tarnwick Appliances"),
    # an account on a social network speaks for its owner, a pronoun's too
    ("Sarah Okafor spoke at the harbour on Monday. The next day, her Twitter account posted: “Thank you, "
     "Lakeview.”", "her Twitter account", "Sarah Okafor"),
    # a speech is its speaker's own words
    ("Sarah Lind won the vote on Monday. Lind's victory speech focused on the harbour and the budget.",
     "Lind's victory speech", "Sarah Lind"),
    # an outlet named with its reporter in one entity: the outlet's short name is the outlet, not the reporter
    ("Harbour News' Ana Lindqvist said the networks kept the cameras on the rally. Later, Harbour said it had "
     "not replayed the speech.", "Harbour", "Harbour News"),
])
def test_a_body_named_by_a_form_of_copy(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # no outlet named before: the description stands for itself
    ("The Harbour Council voted on Monday to keep the pier open. The newspaper writes that the council ignored "
     "its engineers.", "The newspaper", "newspaper"),
    # a reporter written with the outlet stays the reporter
    ("Harbour News' Ana Lindqvist said the networks kept the cameras on the rally.",
     "Harbour News' Ana Lindqvist", "Ana Lindqvist"),
    # a relative clause the parser did hang on its noun: that noun, as before
    ("Sarah Lind, who said the vote was close, left early.", "who", "Sarah Lind"),
    # no title names the body the person heads: the description stands for itself
    ("Ana Lind met Ivo Tarnowski on Monday. Tarnowski's agency said the pier would close.", "Tarnowski's agency",
     "Tarnowski's agency"),
    # no company named: a company's spokeswoman stays unnamed
    ("Chief Executive Ana Lind said the demand was there. A company spokeswoman said two warehouses would close.",
     "A company spokeswoman", None),
    # a pronoun's account of events (not a network's) names nobody
    ("Sarah Okafor spoke at the harbour on Monday. Her account of the night contradicts the records.",
     "Her account of the night", None),
])
def test_look_alikes_keep_their_speaker(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text).get(source, "(no statement)") == speaker
