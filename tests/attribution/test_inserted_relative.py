"""A verb of saying the parser left without a subject after "X, whose/who/which ..., said": the relative clause's
verb was read as the sentence's, with X as its subject (cues.verb-source.inserted-relative). End to end with the
real model; every passage is made up."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from speaking import speaker_of

pytestmark = pytest.mark.model


def _source(text: str, content: str) -> str | None:
    for a in extract(text).attributions:
        if content in text[a.content.start : a.content.end]:
            return None if a.source is None else text[a.source.start : a.source.end]
    raise AssertionError(f"no statement holds {content!r}")


def test_a_whose_clause_read_as_the_sentence_verb_leaves_its_subject_the_source() -> None:
    text = ("Mr. Halloran, whose latest venture, Brightloop, sells used bicycles to schools, said Ms. Ames was a "
            "candidate very much in the spirit of the valley.")
    assert _source(text, "Ms. Ames was a candidate") == (
        "Mr. Halloran, whose latest venture, Brightloop, sells used bicycles to schools")
    assert speaker_of(text, "Ms. Ames was a candidate") == "Halloran"


def test_a_name_read_as_an_adverb_before_its_relative_clause_is_the_source() -> None:
    # "Pike" tagged an adverb of "said", with "last week" between the clause's comma and the verb
    text = ("Pike, who backed Sen. Ana Lind, D-Maine, and fiercely opposed Tarn during the primaries, last week said "
            "Tarn was trying to start a movement.")
    assert _source(text, "Tarn was trying") == (
        "Pike, who backed Sen. Ana Lind, D-Maine, and fiercely opposed Tarn during the primaries")
    assert speaker_of(text, "Tarn was trying") == "Pike"


@pytest.mark.parametrize(("text", "content", "source"), [
    # parsed right: the subject rule's phrase, the same span the new rule gives
    ("Tomas Reyes, whose bakery supplies half the schools in town, said the new tax would close it.",
     "the new tax would close it", "Tomas Reyes, whose bakery supplies half the schools in town"),
    ("The Lindqvist Trust, which funds three clinics in the valley, said the grant would end in May.",
     "the grant would end in May", "The Lindqvist Trust, which funds three clinics in the valley"),
    ("Ivo Tarn, who runs the ferry, said the fares would rise in spring.", "the fares would rise in spring",
     "Ivo Tarn, who runs the ferry"),
    # no relative word: a subject given its own verb is not taken for the cue's
    ("Ivo Tarn sold the ferry, said a clerk at the harbour office.", "Ivo Tarn sold the ferry",
     "a clerk at the harbour office"),
])
def test_look_alikes_keep_their_sources(text: str, content: str, source: str) -> None:
    assert _source(text, content) == source
