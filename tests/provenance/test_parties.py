"""Parties: one person under two forms of a name (no model needed)."""

from __future__ import annotations

import pytest

from onrecord.provenance.parties import (
    antecedent_in_sentence,
    named_after,
    named_by_role,
    named_in,
    one_party,
    owner_of_claim,
    person_key,
    same_person,
)
from onrecord.types import Attribution, CharSpan


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ivo Tarn", "Ivo Tarn", True),
    ("Developer Ivo Tarn", "Ivo Tarn", True),
    ("Her spokesman, Ivo Tarn", "Ivo Tarn", True),
    ("Tarn", "Ivo Tarn", False),  # a surname alone may be another Tarn
    ("Mira Tarn", "Ivo Tarn", False),
    (None, "Ivo Tarn", False),
])
def test_same_person(a: str | None, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_a_description_ending_in_a_name_gives_the_person() -> None:
    assert named_in("Her spokesman, Ivo Tarn") == "Ivo Tarn"
    assert named_in("a spokesman for the Lakeview council") is None
    assert person_key("Developer Ivo Tarn") == person_key("Ivo Tarn") == "Ivo Tarn"


def _said(text: str, source: str, cue: str, content: str, speaker: str | None = None) -> Attribution:
    def span(words: str) -> CharSpan:
        at = text.index(words)
        return CharSpan(at, at + len(words))

    return Attribution(content=span(content), source=span(source), cue=span(cue), speaker=speaker)


@pytest.mark.parametrize(("text", "owner"), [
    ("The audit belies Ivo Tarn's claim in March that the depot made money.", "Ivo Tarn"),
    ("The report contradicts the account Chief Ana Lind gave on Monday that the depot made money.", "Ana Lind"),
    ("The audit says the depot made money.", None),  # no conflict word: the audit's own words
])
def test_a_conflict_word_introducing_a_claim_gives_the_claims_owner(text: str, owner: str | None) -> None:
    source = text.split(" ")[0] + " " + text.split(" ")[1]
    cue = text.split(" ")[2]
    said = _said(text, source, cue, text[text.index(cue) + len(cue) + 1:-1])
    assert owner_of_claim(said, text, ["Ivo Tarn", "Ana Lind"]) == owner


def test_she_after_a_persons_account_in_her_sentence_is_that_person() -> None:
    text = ("Ivo Tarn signed the report. The report contradicts the account Chief Ana Lind gave on Monday, when she "
            "said the buses had stopped.")
    said = _said(text, "she", "said", "the buses had stopped", speaker="Ivo Tarn")
    assert antecedent_in_sentence(said, text, ["Ivo Tarn", "Ana Lind"]) == "Ana Lind"
    plain = "Ivo Tarn signed the report. Under questioning from Ana Lind, he said the buses had stopped."
    assert antecedent_in_sentence(_said(plain, "he", "said", "the buses had stopped", speaker="Ivo Tarn"), plain,
                                  ["Ivo Tarn", "Ana Lind"]) is None  # (a name with no account of hers)


def test_a_nameless_description_written_before_a_name_is_that_person() -> None:
    text = ("Lakeview port director Dr. Ana Lind rejected the report. “The harbor is safe,” she said.")
    said = Attribution(content=CharSpan(text.index("The harbor"), text.index(",” she")),
                       speaker_description="Lakeview port director")
    assert named_after(said, text) == "Ana Lind"
    alone = "A Lakeview port director rejected the report. “The harbor is safe,” she said."
    assert named_after(Attribution(content=CharSpan(alone.index("The harbor"), alone.index(",” she")),
                                   speaker_description="Lakeview port director"), alone) is None


@pytest.mark.parametrize("text", [
    "“The depot will close,” the firm's founder and chief executive, Ana Lind, said. Later the chief executive said "
    "the depot would stay open.",
    "Ana Lind, the chief executive, spoke first. Later the chief executive said the depot would stay open.",
])
def test_a_role_with_no_name_is_the_one_person_the_article_gives_that_role(text: str) -> None:
    said = Attribution(content=CharSpan(text.index("the depot would"), len(text) - 1),
                       speaker_description="The chief executive")
    assert named_by_role(said, text) == "Ana Lind"


def test_a_role_two_people_hold_in_the_article_is_nobody() -> None:
    text = ("The firm's former chief executive, Ivo Tarn, left in May; its chief executive, Ana Lind, took over. "
            "Later the chief executive said the depot would stay open.")
    said = Attribution(content=CharSpan(text.index("the depot would"), len(text) - 1),
                       speaker_description="The chief executive")
    assert named_by_role(said, text) is None


@pytest.mark.parametrize(("a", "b", "one"), [
    ("Kestrel Air Safety Directorate", "Directorate", True),  # a body in full and by its last word
    ("Tarn", "Ivo Tarn", True),
    ("Ana Lind", "Ana Lind", True),
    ("Ana Lind", "Ivo Lind", False),  # two people of one family
    ("the report", "the review", False),
    ("Directorate", "Kestrel Air Safety Board", False),
])
def test_one_party_under_two_names_does_not_conflict_with_itself(a: str, b: str, one: bool) -> None:
    assert one_party(a, b) is one
