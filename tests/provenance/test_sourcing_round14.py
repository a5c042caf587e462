"""Sourcing rules of session 28 (issue 16 part 2): backing and relay classes read from the sixth dev sample's misses
and false flags, each with invented sentences and invented people, and a look-alike that must not change."""

from __future__ import annotations

import pytest

from onrecord.provenance.sourcing import Sourcing
from sourcing_cases import found

pytestmark = pytest.mark.model


def of(text: str, mention: str) -> Sourcing:
    """The sourcing of the last attribution whose mention is ``mention``."""
    hits = [s for m, s in found(text) if m == mention]
    assert hits, found(text)
    return hits[-1]


# --- several sources in one mention ----------------------------------------------------------------------------


def test_a_list_parsed_as_two_subjects_is_several_sources() -> None:
    # "The family, protesters and civic leaders": the parser makes "family" and "protesters" two subjects of one
    # verb, and extraction keeps only the first as the mention; the list is still several sources
    text = "The family, protesters and civic leaders have been demanding that police release the video of the crash."
    assert not of(text, "The family").single_source


def test_one_subject_stays_one_source() -> None:
    # look-alike: the family alone; and a date set off before the subject is no second source
    assert of("The family has been demanding that police release the video of the crash.", "The family").single_source
    assert of("Monday, protesters demanded that police release the video.", "protesters").single_source


def test_a_headlines_name_and_others_is_several_sources() -> None:
    assert not of("Lind, others warn of consequences after the harbour spill.", "others").single_source


def test_others_set_off_inside_a_sentence_is_not_a_list() -> None:
    # look-alike: "Tarn, others say, is ...": "others" is the speaker, Tarn the one spoken of
    assert of("Tarn, others say, is the best choice for the port.", "others").single_source


def test_a_count_in_digits_or_a_compound_word_is_several_sources() -> None:
    assert not of("Some 40 residents said the pier should close.", "Some 40 residents").single_source
    assert not of("Thirty fishers share their thoughts on the harbour plan.", "Thirty fishers").single_source


def test_a_bare_plural_a_share_or_an_age_is_not_a_count() -> None:
    assert of("Residents said the pier should close.", "Residents").single_source
    assert of("Nearly 40 percent of residents said the pier should close.",
              "Nearly 40 percent of residents").single_source
    assert of("The 31-year-old fisher said the pier should close.", "The 31-year-old fisher").single_source


def test_a_count_beside_a_named_person_is_that_person() -> None:
    # look-alike: the parse sets "Lind" beside "several hundred guests" and extraction takes both as the mention:
    # the speaker is Lind, not the guests
    text = ("But this year, a hum of intrigue ran through the party: As she welcomed several hundred guests, Lind "
            "(D-Harbour) was also launching her bid for a council seat that is not yet open.")
    assert all(s.single_source for _, s in found(text))


def test_an_average_of_polls_is_several_documents() -> None:
    s = of("The average of polls taken over the past two weeks shows Tarn leading Lind by three points.",
           "The average of polls taken over the past two weeks")
    assert not s.single_source
    assert s.kind == "document"


def test_one_poll_is_one_document() -> None:
    assert of("A new poll shows Tarn leading Lind by three points.", "A new poll").single_source
    assert of("The average of the poll's two samples shows Tarn leading Lind by three points.",
              "The average of the poll's two samples").single_source


# --- no backing where no one agrees with the claim --------------------------------------------------------------


def test_a_denied_agreement_backs_nothing() -> None:
    # the officials' claim is not backed by those who do not agree; "not everyone" is itself several people
    text = ("The council has imposed new fees on the trawlers, officials said. But not everyone agrees on who "
            "should pay.")
    assert of(text, "officials").single_source
    assert not of(text, "not everyone").single_source
    assert of("Everyone agrees the pier must close.", "Everyone").single_source  # (a public: one group)


def test_a_subject_inside_the_words_said_is_no_second_source() -> None:
    text = ("\"The loopholes he cited are the ability to use real estate losses to offset other income,\" the "
            "Kestrel Herald reported.")
    assert of(text, "the Kestrel Herald").single_source


def test_an_agreement_backs_the_claim_before_it() -> None:
    # look-alike: the bare agreement still backs
    assert not of("Tarn said the pier was a relic of the past. Lind agreed.", "Tarn").single_source


def test_an_assent_to_a_thing_backs_nothing() -> None:
    text = "Tarn called the pier a relic of the past. Lind agreed to a short interview with the Gazette."
    assert of(text, "Tarn").single_source


def test_as_x_put_it_inside_a_sentence_of_its_own_backs_nothing() -> None:
    # "as the Herald put it" credits that sentence's own words ("the operator") to the Herald, not Lind's claim
    text = ("Tarn says the pier is a relic. \"It must go,\" Lind said. Her degree and her record haven't shielded her "
            "from being seen, as the Kestrel Herald put it in a long profile, as \"the operator.\"")
    assert of(text, "Lind").single_source


def test_as_x_put_it_standing_alone_backs_the_claim() -> None:
    text = "Tarn says the pier is a relic. Or, as Ivo Marsh put it: \"The pier is finished.\""
    assert not next(s for m, s in found(text) if m == "Tarn").single_source


# --- relays --------------------------------------------------------------------------------------------------

_RECALLED = ("Ana Lind has long opposed the harbour plan.\n\"If anybody wanted a way out, this is it,\" Lind told "
             "Kestrel News{when}.\nThe plan would hurt the fishers, Lind said.\n\"It is a bad deal for the town,\" "
             "Lind said.")


def test_an_interview_recalled_with_then_sets_no_passage() -> None:
    # "told Kestrel News then": an old quotation brought back; her later words in the article are not from it
    for when in (" then", " at the time"):
        got = [s.relay_only for m, s in found(_RECALLED.format(when=when)) if m == "Lind"]
        assert got == [True, False, False], when


def test_an_interview_told_now_carries_on() -> None:
    got = [s.relay_only for m, s in found(_RECALLED.format(when="")) if m == "Lind"]
    assert got == [True, True, True]


_POLL = ("The latest Kestrel News poll released Friday shows that Lind leads Tarn by 43 percent to 38 percent. This "
         "is \"about the same lead she has held all month,\" {who}. Another 19 percent said they would not pick "
         "either candidate.\n\nWhen the poll asked about all four candidates, 42 percent of those responding said "
         "they would pick Lind.")


def test_a_poll_share_in_the_paragraph_of_another_outlets_report_is_relayed() -> None:
    text = _POLL.format(who="reported Kestrel News")
    assert of(text, "Another 19 percent").relay_only
    assert not of(text, "42 percent of those responding").relay_only  # (the next paragraph: the article's own)


def test_a_poll_share_after_a_persons_words_is_not_relayed() -> None:
    assert not of(_POLL.format(who="Lind said"), "Another 19 percent").relay_only
