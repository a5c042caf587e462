"""Session 19: claims said in words of position ("below the limit", "behind schedule", "up to date"), phrasal
forms of light verbs ("did not go off"), a few concepts grown by meaning, and a document's "It adds" after a
quotation that closes its sentence. Invented sentences, the real model; each with a look-alike."""

from __future__ import annotations

import pytest

from claim_cases import BROAD, flags_of, only
from onrecord.api import extract
from onrecord.provenance import statements

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "concept", "sign"), [
    ("Ana Lind said every reading at the Lakeview plant was below the legal limit.", "exceed", -1),
    ("Ana Lind said three readings at the Lakeview plant were above the legal limit.", "exceed", 1),
    ("Ana Lind said no reading at the Lakeview plant was over the limit.", "exceed", -1),
    ("Ivo Tarn said the Lakeview bridge works are behind schedule.", "late", 1),
    ("Ivo Tarn said the Lakeview bridge works are ahead of schedule.", "late", -1),
    ("Ivo Tarn said every Lakeview bus is fully up to date with its safety checks.", "late", -1),
    ("Ivo Tarn said the Lakeview buses ran late all week.", "late", 1),
])
def test_a_word_of_position_after_a_copula_is_a_predicate(text: str, concept: str, sign: int) -> None:
    assert only(text).stance(concept) == sign


@pytest.mark.parametrize(("text", "concept"), [
    ("Ana Lind said the Lakeview strike is over.", "exceed"),  # no mark to be over: it ended
    ("Ivo Tarn said the Lakeview drivers are behind him.", "late"),  # a person behind someone backs him
    ("Ivo Tarn said nobody had told him how late the Lakeview buses were.", "late"),  # a question of its own
    ("Ana Lind said the Lakeview office sits above the old bakery on Mill Street.", "exceed"),  # a proper place
])
def test_a_word_of_position_that_places_nothing_against_a_mark_is_no_predicate(text: str, concept: str) -> None:
    assert only(text).stance(concept) is None


def test_readings_below_the_limit_and_above_it_are_a_full_reversal() -> None:
    (flag,) = flags_of("Ana Lind said in March that every reading at the Lakeview plant was below the legal limit. "
                       "In May, Ana Lind said three readings at the Lakeview plant were above the legal limit.",
                       "reversal")
    assert flag.rating == "full" and flag.concept == "exceed"


def test_up_to_date_and_overdue_conflict() -> None:
    (flag,) = flags_of("Ivo Tarn said every Lakeview bus is fully up to date with its safety checks. Ana Lind said "
                       "the safety checks on six Lakeview buses are overdue.", "conflict")
    assert flag.concept == "late"


def test_two_kinds_of_reading_below_and_above_the_limit_are_no_reversal() -> None:
    assert not flags_of("Ana Lind said every Lakeview river sample was below the legal limit. Ana Lind said three "
                        "Lakeview tap samples were above the legal limit.", "reversal")


def test_a_light_verb_with_a_particle_is_a_predicate_of_its_own() -> None:
    assert only("Ana Lind said the Lakeview fire alarm did not go off.").stance("go_off") == -1
    (flag,) = flags_of("Ana Lind said on Monday that the Lakeview fire alarm did not go off. On Friday, Ana Lind said "
                       "the Lakeview fire alarm went off twice.", "reversal")
    assert flag.rating == "full" and flag.concept == "go_off"


def test_a_light_verb_without_a_particle_stays_light() -> None:
    assert only("Ana Lind said the Lakeview drivers went to the depot.").stances == ()


@pytest.mark.parametrize(("a", "b", "concept"), [
    ("the Lakeview meter was faulty", "the Lakeview meter was right", "authentic"),
    ("the Lakeview alarm never went off", "the Lakeview alarm activated at noon", "go_off"),
])
def test_words_of_one_concept_in_two_mouths_conflict(a: str, b: str, concept: str) -> None:
    (flag,) = flags_of(f"Ana Lind said {a}. Ivo Tarn said {b}.", "conflict")
    assert flag.concept == concept


def test_that_is_right_is_said_of_a_claim_not_of_a_thing() -> None:
    assert only("Ivo Tarn said that is right.").stance("authentic") is None


def test_it_after_a_quotation_that_ends_its_sentence_is_the_document_the_sentence_begins_with() -> None:
    text = ("Ana Lind said the Lakeview depot kept full ledgers. The audit, signed by Ivo Tarn, says that \"the "
            "Lakeview depot lost $2 million.\" It adds that \"the Lakeview depot kept no ledgers at all.\"")
    extraction = extract(text, settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    (adds,) = [s for s in said if "kept no ledgers" in s.text]
    assert adds.document == "audit" and adds.party == "the audit"


def test_it_after_a_quotation_in_a_sentence_not_about_a_document_is_no_document() -> None:
    text = ("Ivo Tarn, the Lakeview depot manager, said that \"the depot kept full ledgers.\" It adds that \"no "
            "ledger was ever lost.\"")
    extraction = extract(text, settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    assert all(s.document is None for s in said)


@pytest.mark.parametrize("text", [
    "Ana Lind said: “We asked for the Lakeview depot to stay open.”",
    "Ana Lind said: “All we want is for the Lakeview depot to stay open.”",
])
def test_what_a_speaker_asks_for_is_not_asserted(text: str) -> None:
    assert only(text).stance("close") is None


def test_what_a_speaker_asks_for_is_no_reversal_of_a_denial() -> None:
    assert not flags_of("Ana Lind said the Lakeview depot will not stay open. Ana Lind later said: “All we want is for "
                        "the Lakeview depot to stay open.”", "reversal")


def test_a_plain_for_clause_still_asserts() -> None:
    assert only("Ana Lind said the Lakeview depot remained in service for the drivers.").stance("leave") == -1


def test_staying_ahead_says_where_one_stays_not_that_one_stays() -> None:
    assert only("Ivo Tarn said the Lakeview works will stay ahead of schedule.").stance("leave") is None
    assert only("Ivo Tarn said the Lakeview crews will stay on the site.").stance("leave") == -1


def test_a_state_now_against_a_state_in_the_past_is_no_reversal() -> None:
    assert not flags_of("Ana Lind said the Lakeview gate was open for six weeks. In July, Ana Lind said the Lakeview "
                        "gate is closed now.", "reversal")
    (flag,) = flags_of("Ana Lind said the Lakeview gate was open for six weeks. In July, Ana Lind said the Lakeview "
                       "gate was closed the whole time.", "reversal")
    assert flag.rating == "full"


def test_a_wish_in_the_speakers_own_quoted_words_is_not_asserted() -> None:
    assert only("“All we want is for the Lakeview depot to close,” Ana Lind said.").stance("close") is None


def test_receiving_a_copy_says_nothing_of_whether_the_document_is_real() -> None:
    assert only("Ivo Tarn said the Lakeview agency had received a copy of the memo.").stance("authentic") is None
    assert not flags_of("Ana Lind said the Lakeview memo is genuine. Ivo Tarn said the Lakeview agency had received a "
                        "copy of the memo.", "conflict")


def test_receiving_no_payment_still_says_one_was_not_paid() -> None:
    assert only("Ivo Tarn said the Lakeview witness received no payment.").stance("pay") == -1
