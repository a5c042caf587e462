"""Sourcing rules of session 21 (issue 16 part 2): backing and anonymity classes read from the dev samples' misses,
each with invented sentences and invented people."""

from __future__ import annotations

import pytest

from onrecord.provenance.sourcing import Sourcing
from sourcing_cases import OUTLET, found

pytestmark = pytest.mark.model


def of(text: str, mention: str, outlet: str | None = OUTLET) -> Sourcing:
    """The sourcing of the attribution whose mention is (or starts with, before a comma or a bracket) ``mention``."""
    hits = [s for m, s in found(text, outlet) if m == mention or m.startswith((mention + ",", mention + " ("))]
    assert hits, found(text, outlet)
    return hits[0]


# --- backing: a party's claim voiced by a named member ----------------------------------------------------------

_MEMBER_AFTER_A_BREAK = ("Republicans said the new audit raised troubling questions about the port authority, and "
                         "Democrats accused them of stoking the issue.\n\nHarbour Committee Republicans met on "
                         "Friday after the audit was released.\n\n\"These deals should never have been signed,\" "
                         "Rep. Ivo Tarn (R-Ore.), a committee member, said.")


@pytest.mark.parametrize(("text", "party", "member"), [
    # the member marked by the party's tag, next; and after another set and a paragraph of no statement
    ("Republicans said the new audit raised troubling questions about the port authority. \"These deals should "
     "never have been signed,\" Rep. Ivo Tarn (R-Ore.) said in a statement.", "Republicans", "Rep. Ivo Tarn"),
    ("Republicans said the new audit raised troubling questions about the port authority. \"These deals should "
     "never have been signed,\" Rep. Ivo Tarn (R-Ore.) said, adding that the contracts were handed out like sweets.",
     "Republicans", "Rep. Ivo Tarn"),
    (_MEMBER_AFTER_A_BREAK, "Republicans", "Rep. Ivo Tarn"),
    # a set of lawmakers, and a named voice with a legislator's title
    ("The harbour levy is an insult to every fisher in the county, top coastal lawmakers said on Friday.\n\"This is "
     "a shameful day,\" said Rep. Ana Lind, head of the coastal caucus.", "top coastal lawmakers", "Rep. Ana Lind"),
    # marked by the party's noun
    ("Democrats said the audit was a partisan exercise.\n\n\"This is a fishing expedition,\" said Rep. Ana Lind, the "
     "top Democrat on the harbour committee.", "Democrats", "Rep. Ana Lind"),
])
def test_a_partys_claim_and_its_named_member_back_each_other(text: str, party: str, member: str) -> None:
    assert not of(text, party).single_source
    assert all(not s.single_source for m, s in found(text) if m.startswith(member))  # (each of the member's)


def test_a_named_voice_of_another_side_does_not_back_a_partys_claim() -> None:
    # the other side's member answers the party; an unmarked named voice first ends the search
    text = ("Democrats said the audit was a partisan exercise. \"This is a fishing expedition,\" said Rep. Ivo Tarn "
            "(R-Ore.).")
    assert of(text, "Democrats").single_source and of(text, "Rep. Ivo Tarn").single_source
    text = ("Republicans said the audit raised questions about the port.\n\nThe harbour master, Obi Marsh, said the "
            "port had done nothing wrong.\n\n\"It is a scandal,\" Rep. Ivo Tarn (R-Ore.) said.")
    assert of(text, "Rep. Ivo Tarn").single_source
    # a set of lawmakers, and a named voice not marked as one of them
    text = ("The harbour levy is an insult to every fisher, coastal lawmakers said on Friday. \"This is a shameful "
            "day,\" said Ana Lind, head of the fishers' union.")
    assert of(text, "Ana Lind").single_source


# --- backing: one kind of thing pointed to, and a count of sources ----------------------------------------------

@pytest.mark.parametrize(("text", "mention", "single"), [
    ("Ledgers from before 2009 are kept in the archive. These and other ledgers would show how Ivo Tarn ran the "
     "port.", "These and other ledgers", True),
    # look-alike: two sources listed
    ("Ledgers from before 2009 are kept in the archive. These ledgers and the harbour minutes would show how Ivo "
     "Tarn ran the port.", "These ledgers and the harbour minutes", False),
])
def test_a_demonstrative_and_more_of_its_kind_is_one_source(text: str, mention: str, single: bool) -> None:
    assert of(text, mention).single_source is single


def test_numerous_sources_are_several_sources() -> None:
    assert not of("The pier will close in May, according to numerous sources.", "numerous sources").single_source


# --- anonymity: a named person's own side ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mention", "anonymous"), [
    ("The mayor and her aides said the pier would reopen in May.", "The mayor and her aides", False),
    ("The harbour master and his aides have said little about the hearing.", "The harbour master and his aides",
     False),
    # look-alike: unnamed informants listed with another source
    ("Port officials and party sources said the pier would reopen in May.", "Port officials and party sources",
     True),
])
def test_a_person_and_their_own_aides_are_not_anonymous(text: str, mention: str, anonymous: bool) -> None:
    assert of(text, mention).anonymous is anonymous
