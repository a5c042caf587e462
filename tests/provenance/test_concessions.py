"""Concessions: statements that mark a change of position in the speaker's or the reporter's words, and the
reversals they give against the same speaker's earlier statements (invented articles)."""

from __future__ import annotations

import pytest

from claim_cases import flags_across
from onrecord.api import extract
from onrecord.provenance import Flag
from onrecord.settings import Settings

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def concessions(text: str) -> list[str | None]:
    """What each statement of the text concedes (its marking words), in order."""
    return [c.concedes for c in extract(text, settings=BROAD).provenance.claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ana Lind conceded on Monday that the Lakeview ward had been short of nurses.", ["conceded"]),
    ("“We were short of nurses on some nights, and I was wrong to say otherwise,” Ana Lind said.", ["I was wrong"]),
    ("“The Kestrel depot flooded twice, and we are sorry for the delays,” Ana Lind said.",
     ["we are sorry for the delays"]),
    ("Ana Lind apologised on Monday. “Some Lakeview patients waited far too long,” Lind said.", ["apologised"]),
    ("Ana Lind said she had been misinformed. “The Kestrel fund lent 12 million to Tarn Homes,” she said.",
     ["she had been misinformed", "she had been misinformed"]),
    ("“Door 4 was locked. I said in March that every fire door was open. That was wrong,” Ana Lind said.",
     ["That was wrong"]),
    ("“I had the date of the Kestrel board meeting wrong; it was March 10th, not March 3rd,” Ana Lind said.",
     ["I had the date of the Kestrel board meeting wrong"]),
])
def test_a_concession_is_marked_in_the_speakers_or_the_reporters_words(text: str, expected: list[str]) -> None:
    assert concessions(text) == expected


@pytest.mark.parametrize("text", [
    "“I have done nothing wrong, and I will prove it,” Ana Lind said.",  # negated
    "“If those Lakeview figures were padded, then I was wrong to praise them,” Ana Lind said.",  # a condition
    "“The Kestrel inspectors were wrong about the ward,” Ana Lind said.",  # someone else was wrong
    "Ana Lind did not concede that the Lakeview ward was short of nurses.",  # a negated cue
    "Ana Lind criticised the Kestrel ruling. “That was wrong,” she said.",  # no words of her own recalled
    "“They had the date of the Kestrel board meeting wrong,” Ana Lind said.",  # someone else had it wrong
])
def test_what_concedes_nothing(text: str) -> None:
    assert not any(concessions(text))


def test_a_concession_in_the_speakers_own_words_carries_to_nothing_after_it() -> None:
    marks = concessions("“We were short of nurses, and I was wrong to say otherwise,” Ana Lind said. “The Kestrel "
                        "wing will open in May,” she said.")
    assert marks == ["I was wrong", None]


def across(first: str, second: str) -> list[Flag]:
    return flags_across(first, second, later="2026-06-01")


def test_a_speaker_who_concedes_reverses_what_they_said_before_in_other_words() -> None:
    (flag,) = across(
        "“Not a penny of the members' money was lent to Tarn Homes,” said Ana Lind, who chairs the Kestrel fund.",
        "Ana Lind, who chairs the Kestrel fund, said she had been misinformed. “The fund lent 12 million to Tarn "
        "Homes, and we do not expect to see most of it again,” she said.")
    assert flag.kind == "reversal" and flag.rating == "full" and flag.reason == "conceded"
    assert flag.speaker == "Ana Lind" and flag.evidence == ("she had been misinformed",)
    assert flag.a and flag.a["article"] == "a1" and flag.b and flag.b["article"] == "a2"


@pytest.mark.parametrize("second", [
    # the concession shares nothing with what was said before
    "Ana Lind apologised on Monday. “The Kestrel office phones were down for a week,” she said.",
    # another speaker concedes
    "Ivo Tarn said he had been misinformed. “The fund lent 12 million to Tarn Homes,” he said.",
])
def test_a_concession_on_another_matter_or_by_another_speaker_reverses_nothing(second: str) -> None:
    flags = across("“Not a penny of the members' money was lent to Tarn Homes,” said Ana Lind, who chairs the "
                   "Kestrel fund.", second)
    assert not [f for f in flags if f.kind == "reversal"], [f.to_dict() for f in flags]


def test_a_reporters_clause_recalling_what_the_speaker_said_before_marks_the_new_words() -> None:
    text = ("The Kestrel depot will close in May, its director said on Monday, seven weeks after she told reporters "
            "the depot would stay open. “We are closing Kestrel because the lease ends,” Ana Lind said.")
    marks = concessions(text)
    assert marks[-1] == "after she told reporters the depot would stay open"


def test_the_words_a_reporters_clause_recalls_are_the_earlier_position_not_a_new_one() -> None:
    marks = concessions("The Kestrel depot will close in May, Ana Lind said on Monday, two months after Lind told "
                        "reporters the depot would stay open.")
    assert marks == ["after Lind told reporters the depot would stay open", None]  # (what she said before)


def test_a_recalled_clause_pairs_the_earlier_statement_it_names_and_no_other() -> None:
    flags = across(
        "“The Kestrel depot will stay open,” Ana Lind, the depot's director, said. “Our drivers are the best in the "
        "county,” Lind said.",
        "The Kestrel depot will close in May, its director said on Monday, seven weeks after she told reporters "
        "the depot would stay open. “We are closing Kestrel because the lease ends, and our drivers will be paid "
        "until June,” Ana Lind said.")
    (flag,) = [f for f in flags if f.kind == "reversal"]
    assert flag.reason == "conceded" and flag.a and "stay open" in flag.a["text"]
    assert all("drivers are the best" not in (p[0] or {}).get("text", "") for p in flag.pairs())
