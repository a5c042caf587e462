"""Claims: what each statement asserts and how firmly, on invented sentences (the real model)."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.provenance import Claim
from onrecord.settings import Settings

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def claims_of(text: str) -> list[Claim]:
    extraction = extract(text, settings=BROAD)
    assert extraction.provenance is not None
    return list(extraction.provenance.claims)


def only(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, found
    return found[0]


def test_a_plain_statement_asserts_its_predicate() -> None:
    c = only("Ana Lind said the Lakeview plant will close.")
    assert c.cue == "assert"
    assert c.stance("close") == 1
    assert "plant" in c.heads_of("close")


def test_negation_flips_the_sign() -> None:
    assert only("Ana Lind said the Lakeview plant will not close.").stance("close") == -1
    assert only("Ivo Tarn said nothing from the plant entered the river.").stance("enter") == -1


def test_a_denying_cue_flips_the_sign_and_a_negated_one_asserts_nothing() -> None:
    assert only("Ana Lind denied that the Lakeview plant will close.").stance("close") == -1
    negated = only("Ana Lind did not deny that the Lakeview plant will close.")
    assert negated.cue == "unclear" and not negated.asserts


def test_opposite_words_share_one_concept() -> None:
    assert only("Ivo Tarn said the memo was fake.").stance("authentic") == -1
    assert only("Ivo Tarn said the memo was genuine.").stance("authentic") == 1
    assert only("Mira Oduya said the troops would withdraw from Lakeview.").stance("leave") == 1


def test_wanted_and_conditional_predicates_are_not_asserted() -> None:
    c = only("“If they ask us to leave, we will charge them a fee,” Ivo Tarn said.")
    assert c.stance("leave") is None
    assert c.condition is not None and c.condition.lower().startswith("if")


def test_hedges_conditions_and_numbers_are_kept() -> None:
    c = only("Ana Lind said the Lakeview plant may close unless the state pays.")
    assert c.modal_of("close") == "may"
    assert c.condition is not None and "unless" in c.condition
    n = only("Ana Lind said the Lakeview plant will cut 200 jobs.")
    assert ("job", 200.0) in n.numbers


def test_a_question_asserts_nothing() -> None:
    assert only("Ivo Tarn asked whether the Lakeview plant would close.").cue == "ask"


def test_quoted_words_are_the_speakers_own() -> None:
    assert only("“The plant will close,” Ana Lind said.").own_words
    assert not only("Ana Lind said that the plant will close.").own_words


def test_a_claim_survives_json() -> None:
    c = only("Ana Lind said the Lakeview plant may close unless the state pays 40 million dollars.")
    assert Claim.from_dict(c.to_dict()) == c


def test_a_question_sentence_in_a_longer_quotation_asserts_nothing() -> None:
    c = only("Ivo Tarn wrote on Monday: “Will the Lakeview plant close? Workers deserve an answer.”")
    assert c.stance("close") is None


@pytest.mark.parametrize("text", [
    "Ivo Tarn declined to say whether the Lakeview memo was genuine.",
    "Ivo Tarn said he would not say whether the Lakeview memo was genuine.",
])
def test_an_indirect_question_asserts_nothing(text: str) -> None:
    assert all(c.stance("authentic") is None for c in claims_of(text))


def test_what_would_follow_without_it_is_not_asserted() -> None:
    c = only("Ana Lind said the district cannot pay more without cutting the Lakeview budget.")
    assert c.stance("increase") is None


@pytest.mark.parametrize("text", [
    "“Not one ballot from the Lakeview precinct went uncounted,” Mira Oduya said.",
    "“Not even half of the Lakeview tunnel has been dug,” Mira Oduya said.",
])
def test_a_negated_quantity_as_subject_negates_the_predicate(text: str) -> None:
    (stance,) = [s for c, s in only(text).stances if c in ("count", "dig")]
    assert stance == (1 if "uncounted" in text else -1)


def test_an_un_participle_shares_its_verbs_concept() -> None:
    assert only("Mira Oduya said the Lakeview ballots went uncounted.").stance("count") == -1


def test_an_adjective_on_a_compound_still_describes_the_copulas_noun() -> None:
    c = only("Ivo Tarn said the memo was not a real county document.")
    assert c.stance("authentic") == -1 and "memo" in c.heads_of("authentic")


def test_failing_to_do_a_thing_is_not_doing_it() -> None:
    assert only("Ivo Tarn said the clerk failed to count the Lakeview ballots.").stance("count") == -1


def test_a_part_of_a_whole_counts_the_wholes_noun() -> None:
    c = only("Ana Lind said the company expects to keep about 130 of the 340 people at the Lakeview plant.")
    assert c.numbers == (("people", 130.0),)


def test_even_if_concedes_and_puts_no_condition_on_the_claim() -> None:
    c = only("“Even if the grant came tomorrow, the Lakeview line could not open in 2027,” Ana Lind said.")
    assert c.asserts and c.condition is None
    assert c.stance("close") == 1  # (could not open)


def test_an_event_nouns_object_is_what_it_is_said_of() -> None:
    c = only("Ana Lind said there will be no cut to the Lakeview cod quota this season.")
    assert c.stance("increase") == 1  # ("no cut")
    assert "quota" in c.heads_of("increase") and "+cod" in c.heads_of("increase")
    assert "cut" not in c.heads_of("increase")


@pytest.mark.parametrize(("text", "concept", "sign"), [
    ("Ivo Tarn said the Lakeview council will fight the fine.", "accept", -1),
    ("Ivo Tarn said the Lakeview council will contest the fine.", "accept", -1),
    ("Ivo Tarn said the Lakeview council would resist any penalty.", "accept", -1),
    ("Mira Oduya said the Lakeview ferry service will end in May.", "continue", -1),
    ("Mira Oduya said the Lakeview ferry will cease operations in May.", "continue", -1),
    ("Mira Oduya said the Lakeview patrol broke off the chase.", "continue", -1),
    ("Ana Lind said the Lakeview herring stock is collapsing.", "increase", -1),
    ("Ana Lind said the Lakeview herring stock is booming.", "increase", 1),
    ("Ana Lind said the Lakeview mill will shut down in June.", "close", 1),
    ("Ivo Tarn said the Lakeview officers followed the pursuit policy.", "comply", 1),
    ("Ivo Tarn said the Lakeview officers flouted the pursuit policy.", "comply", -1),
])
def test_the_lexicon_knows_more_words_for_one_concept(text: str, concept: str, sign: int) -> None:
    assert any(c.stance(concept) == sign for c in claims_of(text)), [c.stances for c in claims_of(text)]


def test_a_copy_is_not_the_genuine_thing_but_obtaining_a_copy_says_nothing() -> None:
    assert only("Mira Oduya said the Lakeview portrait is a copy.").stance("authentic") == -1
    assert only("Mira Oduya said the Harbor Ledger obtained a copy of the Lakeview memo.").stance("authentic") is None


def test_what_a_speaker_calls_a_thing_is_asserted_what_others_call_it_is_not() -> None:
    assert only("“I would not call the Lakeview portrait a copy,” Mira Oduya said.").stance("authentic") == 1
    assert only("“Some have called our portrait a forgery,” Mira Oduya said.").stance("authentic") is None


def test_a_phrasal_verb_is_its_own_predicate() -> None:
    c = only("Ana Lind said the Lakeview drill will break through by May.")
    assert c.stance("break") is None and c.stance("break_through") == 1
    assert only("Ana Lind said the Lakeview council will cut back the budget.").stance("increase") == -1


@pytest.mark.parametrize("text", [
    "Ana Lind said a memo on closing the Lakeview depot had reached the council.",
    "Ana Lind said she did not expect a closure of the Lakeview depot.",
    "Ana Lind said the city can afford to keep the Lakeview depot open.",
])
def test_a_topic_an_expectation_or_a_means_asserts_nothing(text: str) -> None:
    assert only(text).stance("close") is None


@pytest.mark.parametrize(("text", "concept", "tense"), [
    ("Ana Lind said the Lakeview plant will close.", "close", "future"),
    ("Ana Lind said the Lakeview plant would close.", "close", "future"),
    ("Ana Lind said the Lakeview plant closed in May.", "close", "past"),
    ("Ana Lind said the Lakeview plant had paid the bonus.", "pay", "past"),
    ("Ana Lind said the Lakeview plant would have closed without the grant.", "close", "past"),
    ("Ana Lind said the Lakeview plant is safe.", "safe", None),
    ("Ana Lind said the Lakeview buses are not running and will not run until May.", "run", "future"),
])
def test_a_predicate_keeps_when_it_happens(text: str, concept: str, tense: str | None) -> None:
    assert only(text).tense_of(concept) == tense


def test_a_predicate_said_of_the_speakers_own_side_is_marked() -> None:
    assert "accept" in only("Ivo Tarn said: “Nobody in my union will accept the Lakeview offer.”").own
    assert "accept" in only("Ivo Tarn said: “We accept the Lakeview offer.”").own
    assert "accept" not in only("Ivo Tarn said the Lakeview council will accept the offer.").own


def test_an_adjectives_infinitive_is_not_asserted_unless_the_adjective_is_sure() -> None:
    assert only("Ivo Tarn said the Lakeview ferry is safe to sail.").stance("sail") is None
    assert only("Ivo Tarn said the Lakeview ferry is certain to sail.").stance("sail") == 1


@pytest.mark.parametrize(("text", "side"), [
    ("Ivo Tarn said: “The board stands with the director on the Lakeview plan.”", "director"),
    ("Ivo Tarn said: “I agree with Ana Lind about the Lakeview plant.”", "lind"),
    ("Ivo Tarn said: “The mayor is right that the Lakeview plant is failing.”", "mayor"),
])
def test_a_statement_keeps_whoever_its_speaker_sides_with(text: str, side: str) -> None:
    assert side in only(text).sides


def test_a_negated_siding_sides_with_no_one() -> None:
    assert not only("Ivo Tarn said: “We do not stand with the mayor on the Lakeview plant.”").sides


def test_an_adverb_or_a_phrasal_verb_of_its_own_takes_no_verbs_concept() -> None:
    assert only("Ivo Tarn said the Lakeview ferries will be back in service in May.").stance("accept") is None
    assert only("Ivo Tarn said the Lakeview union was not backing down.").stance("accept") is None


def test_an_event_noun_under_a_support_verb_is_the_events_predicate() -> None:
    c = only("Ivo Tarn said the Lakeview witness “has received no payment of any kind.”")
    assert c.stance("pay") == -1 and "witness" in c.heads_of("pay")
    assert only("Ivo Tarn said the Lakeview council reached an agreement with the union.").stance("agree") == 1


@pytest.mark.parametrize(("text", "sign"), [
    ("Ivo Tarn said the Lakeview memo was a genuine draft.", 1),
    ("Ivo Tarn said the Lakeview memo was real.", 1),
    ("Ivo Tarn said the Lakeview deal is a real gain for the town.", None),  # an intensifier
    ("Ivo Tarn said: “People say the Lakeview depot will close. That is simply not true.”", None),  # of a claim
])
def test_real_and_true_are_said_of_documents_and_works_not_of_claims_or_as_intensifiers(text: str,
                                                                                         sign: int | None) -> None:
    assert only(text).stance("authentic") == sign


def test_a_predicate_keeps_the_years_of_its_own_time_phrases() -> None:
    assert only("Ivo Tarn said the Lakeview bridge will open in 2027.").years_of("close") == (2027,)
    assert only("Ivo Tarn said the Lakeview bridge will open.").years_of("close") == ()


@pytest.mark.parametrize("text", [
    "Ivo Tarn called the Lakeview audit “a draft that the council has not finished.”",
    "Ivo Tarn dismissed the Lakeview audit as “a draft that the council has not finished.”",
])
def test_what_a_speaker_calls_an_object_is_said_of_it(text: str) -> None:
    c = only(text)
    assert c.cue == "assert" and c.stance("final") == -1 and "audit" in c.heads_of("final")


def test_written_out_tens_are_counts() -> None:
    assert ("job", 45.0) in only("Ana Lind said forty-five jobs will go at the Lakeview plant.").numbers
    assert ("home", 60.0) in only("Ivo Tarn said sixty homes at Lakeview will be affordable.").numbers


def test_a_clause_as_subject_names_an_event_and_asserts_nothing() -> None:
    c = only("“Closing the Lakeview plant is not a decision anyone has taken,” Ana Lind said.")
    assert c.stance("close") is None
    assert only("“Where we differ is how the Lakeview plant will close,” Ivo Tarn said.").stance("differ") is None


def test_not_recognising_a_document_disowns_it_and_hearing_of_a_thing_is_knowing_it() -> None:
    assert only("Ivo Tarn said the county does not recognise the Lakeview memo.").stance("authentic") == -1
    assert only("Ana Lind said the board heard about the Lakeview fees in May.").stance("know") == 1
    assert only("Ana Lind said the mayor signed off on the Lakeview budget.").stance("accept") == 1


def test_a_participle_used_as_an_adjective_says_what_its_verb_says() -> None:
    assert only("Ana Lind said the Lakeview depot will stay closed.").stance("close") == 1
    assert only("Ivo Tarn said Lakeview fares will stay frozen.").stance("freeze") == 1


@pytest.mark.parametrize("text", [
    "“It was closer to 900 drivers,” Ana Lind said.",
    "“The Kestrel strike cost us close to 40 percent of our orders,” Ana Lind said.",
])
def test_close_to_a_number_gives_a_count_roughly_and_closes_nothing(text: str) -> None:
    assert only(text).stance("close") is None


def test_close_as_a_verb_still_closes() -> None:  # (the look-alike)
    assert only("“The Kestrel depot will close to buses in May,” Ana Lind said.").stance("close") == 1


def test_no_longer_negates_the_predicate_and_for_longer_does_not() -> None:
    assert only("“The Kestrel levy will no longer apply to cafés,” Ana Lind said.").stance("apply") == -1
    assert only("“The Kestrel levy will apply for longer,” Ana Lind said.").stance("apply") == 1


def test_an_order_is_a_demand_not_an_assertion() -> None:
    assert only("The Kestrel council ordered the Tarn company to lower the water in its reservoir.").cue == "demand"
    assert only("The Kestrel council said the Tarn company had lowered the water in its reservoir.").cue == "assert"


def test_a_negated_accept_neither_asserts_nor_denies() -> None:
    assert only("Ivo Tarn did not accept that the Kestrel audit was a draft.").cue == "unclear"
    assert only("Ivo Tarn accepted that the Kestrel audit was a draft.").cue == "confirm"


def test_opening_an_investigation_opens_nothing_and_opening_a_gate_does() -> None:
    assert only("Ana Lind said the Kestrel police had opened an investigation into the fire.").stance("close") is None
    assert only("Ana Lind said the Kestrel police had opened the gate.").stance("close") == -1  # (the look-alike)


def test_what_a_comparison_is_made_against_is_not_asserted() -> None:
    c = only("“The Kestrel search misses more than it finds,” Ana Lind said.")
    assert c.stance("find") is None and c.stance("miss") == 1


def test_what_figures_suggest_happened_is_asserted_and_what_someone_suggests_be_done_is_not() -> None:
    said = "Ana Lind said the Kestrel figures suggested about 200 drivers had logged off."
    assert only(said).stance("log_off") == 1
    assert only("Ana Lind said the union suggested the Kestrel depot close in May.").stance("close") is None
    assert only("“Nothing we have seen suggests the Kestrel depot is unsafe,” Ana Lind said.").stance("safe") is None


def test_a_light_verb_with_an_adverb_particle_is_a_phrasal_predicate() -> None:
    assert only("“The Kestrel festival will go ahead next year,” Ana Lind said.").stance("go_ahead") == 1
    assert only("“The Kestrel alarm did not go off,” Ana Lind said.").stance("go_off") == -1
    assert not only("“We will go to the Kestrel council,” Ana Lind said.").stances  # (the look-alike)
