"""Session 24: general guards against false reversals and conflicts (read on the dev stories' false alarms), each
with the look-alike it stops and a true flag that must survive. Invented sentences and people, the real model."""

from __future__ import annotations

import pytest

from claim_cases import flags_of
from onrecord.api import extract
from onrecord.eval.provenance import predict
from onrecord.provenance.flags import Flag
from onrecord.settings import Settings
from onrecord.types import Article

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def flags(*texts: str, kind: str | None = None) -> list[Flag]:
    """The reversals and conflicts between articles (one a text, a month apart) and within each."""
    articles = [Article(id=f"a{i + 1}", published=f"2026-0{i + 3}-01", text=t) for i, t in enumerate(texts)]
    found, _ = predict(articles, Settings(scope="all"))
    return [f for f in found if f.kind in ((kind,) if kind else ("reversal", "conflict"))]


def claim_of(text: str) -> object:
    extraction = extract(text, settings=BROAD)
    assert extraction.provenance is not None
    return extraction.provenance.claims[0]


# -- a negation bound in time ("still not", "no longer") denies nothing at another time --------------------------------

def test_no_longer_is_no_conflict_with_what_was_done_before() -> None:
    assert not flags_of("The Kestrel board's report says the camera was switched off by a press of its power button "
                        "before the arrest. Ana Lind, the Kestrel police chief, said the force had changed its rules "
                        "so that cameras can no longer be switched off during a search.", "conflict")


def test_still_not_is_no_conflict_with_a_later_yes() -> None:
    assert not flags_of("Ana Lind said the Lakeview family had still not been shown the footage. Ivo Tarn said the "
                        "footage was shown to the Lakeview family in May.", "conflict")


def test_a_plain_denial_still_conflicts() -> None:
    assert flags_of("The Kestrel board's report says the camera was switched off by a press of its power button "
                    "before the arrest. Ana Lind, the Kestrel police chief, said the camera was not switched off "
                    "before the arrest.", "conflict")


# -- a word of a hyphened name is no predicate ------------------------------------------------------------------------

def test_a_word_of_a_hyphened_name_is_no_predicate() -> None:
    claim = claim_of("Ana Lind said officers used cameras in 61 per cent of stop-and-search encounters in Kestrel.")
    assert "continue" not in dict(claim.stances)  # type: ignore[attr-defined]


def test_the_same_verb_alone_is_one() -> None:
    claim = claim_of("Ana Lind said the Kestrel officers would stop the search.")
    assert "continue" in dict(claim.stances)  # type: ignore[attr-defined]


# -- a concession inside a question about someone else is no concession -----------------------------------------------

def test_an_admission_asked_about_is_no_concession() -> None:
    claim = claim_of("Ivo Tarn said he had asked the chief to explain why she had given the wrong account of the "
                     "Lakeview fire.")
    assert claim.concedes is None  # type: ignore[attr-defined]


def test_an_admission_made_is_one() -> None:
    claim = claim_of("“I gave the wrong account of the Lakeview fire,” Ivo Tarn said.")
    assert claim.concedes  # type: ignore[attr-defined]


# -- a concession that names the detail it puts right concedes that detail -------------------------------------------

HURT = "“Twenty-three people were hurt at the Lakeview hall, and none of them seriously,” Ana Lind said."
FIXED = ("“I gave the wrong number for the audience. There were 611 people in the Lakeview hall, not 540,” Ana Lind "
         "said.")


def test_a_corrected_detail_is_not_conceded_of_another_count() -> None:
    assert not flags(HURT, FIXED, kind="reversal")


def test_the_statement_that_gave_the_detail_is_conceded() -> None:
    found = flags("“There were 540 people in the Lakeview hall,” Ana Lind said.", FIXED, kind="reversal")
    assert [f.rating for f in found] == ["half"]


# -- "N times as many" multiplies; it counts nothing ------------------------------------------------------------------

def test_a_ratio_is_no_count() -> None:
    claim = claim_of("Ana Lind said records of five times as many users as it first said were exposed in the "
                     "Lumenfield leak.")
    assert ("user", 5.0) not in claim.numbers  # type: ignore[attr-defined]


def test_a_plain_count_of_users_stays_one() -> None:
    claim = claim_of("Ana Lind said 40 users of Lumenfield were exposed.")
    assert ("user", 40.0) in claim.numbers  # type: ignore[attr-defined]


# -- a bound the other count keeps agrees ----------------------------------------------------------------------------

def test_a_count_within_the_bound_agrees() -> None:
    assert not flags("“Our cameras are switched on in more than ninety per cent of Kestrel searches,” Ana Lind said.",
                     "“This month our cameras were on in ninety-four per cent of Kestrel searches,” Ana Lind said.",
                     kind="reversal")


def test_a_count_outside_the_bound_is_a_changed_number() -> None:
    found = flags("“Our cameras are switched on in more than ninety per cent of Kestrel searches,” Ana Lind said.",
                  "“This month our cameras were on in sixty-one per cent of Kestrel searches,” Ana Lind said.",
                  kind="reversal")
    assert [f.reason for f in found] == ["changed number"]


# -- durations of two different things -------------------------------------------------------------------------------

def test_durations_that_share_only_a_span_noun_are_no_reversal() -> None:
    assert not flags("Ana Lind said the minutes showed the Kestrel force had known about the fault for months.",
                     "“Four minutes and twenty seconds is not brief,” Ana Lind said.", kind="reversal")


# -- two places, two measures ----------------------------------------------------------------------------------------

def test_two_named_places_are_two_measures() -> None:
    assert not flags("Ana Lind said the river had peaked at 4.2 metres at Tarnwick Bridge.",
                     "“The river peaked at 4.6 metres at Kestrel Weir,” Ana Lind said.", kind="reversal")


def test_one_place_two_measures_is_a_changed_number() -> None:
    found = flags("Ana Lind said the river had peaked at 4.2 metres at Kestrel Weir.",
                  "“The river peaked at 4.6 metres at Kestrel Weir,” Ana Lind said.", kind="reversal")
    assert [f.reason for f in found] == ["changed number"]


def test_a_correction_names_the_count_it_puts_right() -> None:
    assert not flags("“The river peaked at 4.6 metres at Kestrel Weir,” Ana Lind said.",
                     "“I gave the wrong gauge reading: it was 3.4 metres, not 3.1,” Ana Lind said.", kind="reversal")


# -- an act is no claim ----------------------------------------------------------------------------------------------

def test_a_vote_to_close_is_no_claim() -> None:
    assert claim_of("The Kestrel council voted on Monday to close the Lakeview depot.").cue == "act"  # type: ignore
    assert not flags_of("“The Lakeview depot will not close,” Ana Lind, the mayor, said. The Kestrel council voted "
                        "on Monday to close the Lakeview depot.", "conflict")
    assert flags_of("“The Lakeview depot will not close,” Ana Lind, the mayor, said. The Kestrel council said the "
                    "Lakeview depot will close.", "conflict")


def test_a_decision_that_something_is_so_is_a_claim() -> None:
    assert claim_of("The Kestrel council decided that the Lakeview depot was unsafe.").cue == "assert"  # type: ignore


# -- what a clause of "before" says will happen is not asserted --------------------------------------------------------

def test_a_clause_of_before_is_not_asserted() -> None:
    assert not flags_of("“The whole Lakeview ceiling will be checked before anyone sits under it again,” Ana Lind "
                        "said. “Nobody will sit under the Lakeview ceiling until an engineer has signed it off,” Ivo "
                        "Tarn said.", "conflict")


# -- an order with "and" makes the clause after it a case ------------------------------------------------------------

def test_an_order_joined_by_and_is_a_condition() -> None:
    claim = claim_of("“Use the money in the Kestrel fund, and the Lakeview station stays open,” Ivo Tarn said.")
    assert claim.condition == "Use the money in the Kestrel fund"  # type: ignore[attr-defined]
    assert not flags_of("“Use the money in the Kestrel fund, and the Lakeview station stays open,” Ivo Tarn said. "
                        "“The Lakeview station will close on April 1,” Ana Lind said.", "conflict")


def test_a_plain_claim_with_and_is_none() -> None:
    claim = claim_of("“We checked the Kestrel fund, and the Lakeview station stays open,” Ivo Tarn said.")
    assert claim.condition is None  # type: ignore[attr-defined]
    assert flags_of("“The Lakeview station stays open,” Ivo Tarn said. “The Lakeview station will close on April "
                    "1,” Ana Lind said.", "conflict")


# -- two parts of one whole ------------------------------------------------------------------------------------------

def test_the_two_parts_of_a_whole_do_not_conflict() -> None:
    assert not flags_of("The Kestrel minority report says three of the nine panel members advised against approval. "
                        "“Six panel members advised approval,” Ana Lind said.", "conflict")


def test_another_count_of_the_same_part_conflicts() -> None:
    found = flags_of("The Kestrel minority report says three of the nine panel members advised approval. “Seven "
                     "panel members advised approval,” Ana Lind said.", "conflict")
    assert [f.reason for f in found] == ["changed number"]
