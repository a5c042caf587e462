"""Sourcing rules of session 23 (issue 16 part 2): relay classes read from the dev samples' misses, each with
invented sentences and invented people."""

from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.nlp import load_pipeline
from onrecord.provenance.sourcing import Sourcing, sourcing
from sourcing_cases import BROAD, OUTLET, found

pytestmark = pytest.mark.model


def relays(text: str) -> list[tuple[str, bool]]:
    """(the source mention, relayed) for each attribution of ``text``."""
    return [(m, s.relay_only) for m, s in found(text)]


def of(text: str, mention: str) -> Sourcing:
    """The sourcing of the last attribution whose mention is ``mention``."""
    hits = [s for m, s in found(text) if m == mention]
    assert hits, found(text)
    return hits[-1]


# --- an interview passage: a description of the lede's person ---------------------------------------------------

_DESCRIBED = ("Ana Lind on Wednesday called on Ivo Tarn to apologize for his remarks about the harbour.\n\n{who} "
              "said in an interview with Kestrel News that the remarks were outrageous.\n\nTarn, the port "
              "director, had mocked the fishers in a speech on Monday.\n\n\"He ought to take that back,\" Lind said.")


def test_a_description_of_the_ledes_person_carries_the_interview_to_her() -> None:
    # the interview told by "the port's former chief pilot", whom speaker resolution left unnamed, is Lind's
    # (the person the lede named just before): her lede and her later words are from it
    text = _DESCRIBED.format(who="The port's former chief pilot")
    assert of(text, "Lind").relay_only
    assert of(text, "Ana Lind").relay_only


def test_an_indefinite_description_is_someone_else() -> None:
    # look-alike: "a former chief pilot" is a new, unnamed person: Lind's words stay hers
    text = _DESCRIBED.format(who="A former chief pilot")
    assert not of(text, "Lind").relay_only
    assert not of(text, "Ana Lind").relay_only


def test_a_description_that_is_no_person_is_not_the_ledes_person() -> None:
    # look-alike: "The opposition" is a set, not a description of Lind
    text = _DESCRIBED.format(who="The opposition")
    assert not of(text, "Lind").relay_only


def test_an_unresolved_pronoun_is_the_person_its_own_sentence_names() -> None:
    # "While he conceded ..., Marsh also noted ...": when speaker resolution leaves the "he" without a speaker (as
    # it may for a pronoun before its name), the sentence's named speaker is his, and the interview carries to him
    text = ("In an interview with Kestrel News, Obi Marsh said the pier would close.\n\nWhile he conceded that the "
            "cuts had hurt the fishers badly, Marsh also noted that the ferry was kept.")
    doc = load_pipeline(BROAD)(text)
    attributions = [a if a.source is None or a.source.of(text) != "he" else replace(a, speaker=None)
                    for a in doc._.onrecord_attributions]
    assert any(a.speaker is None and a.source is not None for a in attributions)
    found = sourcing(doc, attributions, outlet=OUTLET)
    assert all(s.relay_only for s in found)


# --- an interview passage: a channel word inside reported words -------------------------------------------------

def test_a_channel_word_in_words_reported_does_not_end_the_passage() -> None:
    # "debate" is in what Lind added, not where she said it: still the interview with Kestrel News
    text = ("Ana Lind told Kestrel News on Friday that the pier would close.\n\n\"We have no money left. I am sorry "
            "for that, but there is no other way,\" Lind said, adding that voters \"are tired of the whole "
            "debate.\"")
    assert of(text, "Lind").relay_only


def test_a_channel_word_of_the_statements_own_still_ends_the_passage() -> None:
    # look-alike: a debate named as where she spoke is a public channel of her own
    text = ("Ana Lind told Kestrel News on Friday that the pier would close.\n\n\"We have no money left,\" Lind said "
            "at a debate on Monday.")
    assert not of(text, "Lind").relay_only


# --- a private message --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "\"The pier is a money pit,\" Ana Lind wrote in an email to Kestrel Radio's Ivo Tarn.",  # to a named person
    "Ana Lind told staff in a private memo that wages would be paid on time.",  # called private
    "The port director hinted at it in an email, leaked on Friday, that called the pier \"a money pit.\"",
])
def test_words_in_a_private_message_are_relayed(text: str) -> None:
    assert [r for _, r in relays(text)] == [True]


@pytest.mark.parametrize("text", [
    "The port director said in an email that the pier would close.",  # (mostly to this outlet's reporter)
    "Ana Lind wrote in an email to supporters that the pier would close.",  # (to the public)
    "\"The pier will close,\" Ana Lind wrote in an email to the Harbour Gazette.",  # (to this outlet)
])
def test_words_in_an_email_to_this_outlet_or_the_public_are_not_relayed(text: str) -> None:
    assert [r for _, r in relays(text)] == [False]
