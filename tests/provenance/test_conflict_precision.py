"""Conflicts a fact-checker should not have to read: two parties who do not in fact disagree, on invented articles.
Each case comes with a look-alike that still conflicts (the rule must not swallow a real disagreement)."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.provenance import Claim, Flag
from onrecord.settings import Settings

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def conflicts(text: str) -> list[Flag]:
    extraction = extract(text, settings=BROAD)
    return [f for f in extraction.provenance.flags if f.kind == "conflict"]


def claims_of(text: str) -> list[Claim]:
    return list(extract(text, settings=BROAD).provenance.claims)


def test_a_negation_bounded_by_a_duration_does_not_deny_that_it_happened() -> None:
    assert not conflicts("The regulator said the Kestrel firm had been warned by a researcher long before it acted. "
                         "Ana Lind said: “A researcher told us about it, and we did not act on his warning for six "
                         "weeks.”")
    # the look-alike: a plain denial still conflicts
    assert conflicts("The regulator said the Kestrel firm had acted on the warning. Ana Lind said: “We did not act on "
                     "the warning.”")


def test_a_negation_bounded_by_before_a_time_does_not_deny_the_thing() -> None:
    (first, final) = claims_of("A first report said that the Tarn canvas “cannot have been painted before the "
                               "1920s”. The final report said that “the Tarn canvas was painted no earlier than "
                               "1921”.")
    assert first.stance("paint") is None and final.stance("paint") == 1
    # "until" stays a negation (the different-time rule reads it)
    (until,) = claims_of("Ana Lind said the Kestrel plant would not pay the bonus until June.")
    assert until.stance("pay") == -1


def test_a_negation_of_a_whole_does_not_contradict_a_part_found() -> None:
    assert not conflicts("Ana Lind said: “Our searches have found two owls in two years, and no hawks at all.” Ivo "
                         "Tarn said: “A monthly search was never going to find everything.”")
    # the look-alike: "found nothing" denies every part, and still conflicts
    assert conflicts("Ana Lind said: “Our searches have found two owls in the Kestrel woods.” Ivo Tarn said: “The "
                     "searches found nothing in the Kestrel woods.”")


def test_two_counts_that_agree_on_one_noun_are_no_changed_number() -> None:
    assert not conflicts("A memo said that inspections on four of its engines were overdue and that repairs to two "
                         "engines were put off. A review found that “inspections on four engines are overdue” and "
                         "records the delay of two engine seal replacements.")
    # the look-alike: another count of the same engines still conflicts
    assert conflicts("Ana Lind said inspections on four of the Kestrel engines were overdue. Ivo Tarn said "
                     "inspections on nine of the Kestrel engines were overdue.")


def test_a_condition_opened_by_had_is_a_hypothetical() -> None:
    text = ("Ana Lind said: “Had the council published the figures when we asked, none of this would have "
            "happened.” Ivo Tarn said: “No nurse in this ward was ever asked to check those figures.”")
    assert not conflicts(text)
    hypothetical = claims_of(text)[0]
    assert hypothetical.cue == "unclear"
    (plain,) = claims_of("Ana Lind said: “We had asked the council for the figures.”")
    assert plain.cue == "assert" and plain.stance("ask") == 1


def test_a_relative_clause_picks_out_a_noun_and_claims_nothing() -> None:
    assert not conflicts("Ana Lind said: “No homes have been lost, and the fire is contained.” Ivo Tarn said: "
                         "“Every family that lost a home has been offered a flat for a year.”")
    # the look-alikes: the same predicate in the main clause conflicts; a relative clause on what the content says
    # a thing is ("it is a warning we cannot ignore") is what it says
    assert conflicts("Ana Lind said: “No homes have been lost, and the fire is contained.” Ivo Tarn said: "
                     "“Four families lost their homes on Sunday.”")
    (said,) = claims_of("Ana Lind said: “It is a warning we cannot ignore.”")
    assert said.stance("ignore") == -1


def test_a_question_put_after_a_preposition_asserts_nothing() -> None:
    (_, question) = claims_of("Ana Lind said the Kestrel firm had known about the leak since May. Ivo Tarn said: "
                              "“We will look at when the firm knew, what it did, and what it told people.”")
    assert question.stance("know") is None and question.stance("tell") is None
    # the look-alike: a clause of time is asserted
    (closed,) = claims_of("Ana Lind said the Kestrel library closed when the grant ended.")
    assert closed.stance("close") == 1


def test_what_a_body_has_no_power_to_do_is_not_what_it_did() -> None:
    assert not conflicts("Ana Lind said: “The power was switched off across the whole ridge on Sunday.” Ivo Tarn "
                         "said: “The county has no power to switch off a private line.”")
    # the look-alike: "there is no plan to close" still says it will not close
    assert conflicts("Ana Lind said: “There is no plan to close the Kestrel depot.” Ivo Tarn said: “We will close "
                     "the Kestrel depot.”")


def test_there_is_no_event_noun_denies_the_event() -> None:
    (seepage, leakage, doubt) = claims_of("Ana Lind said: “There is no seepage from the Kestrel dam.” Ivo Tarn "
                                          "said: “There was leakage from the Kestrel dam.” Ana Lind said: “There is "
                                          "no doubt about the Kestrel dam.”")
    assert seepage.stance("leak") == -1 and leakage.stance("leak") == 1
    assert not doubt.stances  # (a noun that names no event of the lexicon's: nothing)


def test_a_concession_that_gives_back_the_concept_in_other_words_reverses_it() -> None:
    text = ("Ana Lind said: “There is no seepage from the Kestrel dam.” In May, Ana Lind said: “I told this town "
            "that nothing was leaking from the Kestrel dam. That was wrong.”")
    flags = [f for f in extract(text, settings=BROAD).provenance.flags if f.kind == "reversal"]
    assert [f.reason for f in flags] == ["conceded"]


def test_a_noun_in_a_relative_clause_is_not_what_the_predicate_is_said_of() -> None:
    assert not conflicts("Ivo Tarn said: “Riders who accepted fewer orders did receive a lower base fee.” Ana Lind "
                         "said: “I received no orders during the strike.”")
    # the look-alike: the same object of the same verb still conflicts
    assert conflicts("Ivo Tarn said: “Riders who joined the strike received their orders late.” Ana Lind said "
                     "riders received no orders during the strike.")
