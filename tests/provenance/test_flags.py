"""Reversals, conflicts, documents and their look-alikes, within one invented article and across two."""

from __future__ import annotations

import pytest

from onrecord.api import extract, extract_many
from onrecord.provenance import Flag, statements
from onrecord.provenance.flags import group_flags, pair_flags
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def flags_of(text: str) -> list[Flag]:
    extraction = extract(text, settings=BROAD)
    return list(extraction.provenance.flags)


def pairs(flags: list[Flag], kind: str) -> list[Flag]:
    return [f for f in flags if f.kind == kind]


def test_a_full_reversal_within_an_article_carries_both_statements() -> None:
    flags = flags_of("Ana Lind said on Monday that the Lakeview plant will close. On Friday, Ana Lind said the "
                     "Lakeview plant will not close.")
    (flag,) = pairs(flags, "reversal")
    assert flag.rating == "full" and flag.speaker == "Ana Lind"
    assert flag.a and flag.b and flag.subject and flag.reason == "opposite polarity"
    assert "will close" in flag.a["text"] and "will not close" in flag.b["text"]


@pytest.mark.parametrize("text", [
    # a clarification that agrees
    "Ana Lind said the Lakeview plant will close. Ana Lind later said the Lakeview plant will close in June.",
    # a question
    "Ana Lind said the Lakeview plant will close. Ivo Tarn asked whether the Lakeview plant would close.",
    # a negated cue
    "Ana Lind said the Lakeview plant will close. Ivo Tarn did not deny that the Lakeview plant will not close.",
    # a different subject
    "Ana Lind said the Lakeview plant will close. Ana Lind said the Harbor school will not close.",
    # a different speaker who agrees
    "Ana Lind said the Lakeview plant will close. Ivo Tarn said the Lakeview plant will close.",
    # two things of one kind told apart by an adjective
    "Ana Lind said the western Lakeview gate will close. Ana Lind later said the eastern Lakeview gate will stay open.",
])
def test_look_alikes_raise_no_flag(text: str) -> None:
    flags = flags_of(text)
    assert not pairs(flags, "reversal") and not pairs(flags, "conflict"), [f.to_dict() for f in flags]


def test_two_speakers_who_disagree_conflict() -> None:
    flags = flags_of("Ana Lind said the Lakeview plant will close. Ivo Tarn, the union leader, insisted that the "
                     "Lakeview plant will not close.")
    (flag,) = pairs(flags, "conflict")
    assert {flag.speaker, flag.other} == {"Ana Lind", "Ivo Tarn"}
    assert flag.rating is None


def test_a_hedged_or_demanded_claim_does_not_conflict_with_a_report() -> None:
    assert not pairs(flags_of("Ana Lind said the Lakeview plant will close. Ivo Tarn said the Lakeview plant "
                              "may not close."), "conflict")
    assert not pairs(flags_of("Ana Lind said the Lakeview plant will close. Ivo Tarn said the Lakeview plant "
                              "must stay open."), "conflict")


def test_a_changed_number_across_articles_is_half_a_reversal() -> None:
    articles = [
        Article(id="a1", published="2026-03-01", text="Ana Lind, the Lakeview mayor, said the city will cut 200 "
                "jobs at the Lakeview depot this year."),
        Article(id="a2", published="2026-04-01", text="Ana Lind, the Lakeview mayor, said the city will cut 80 "
                "jobs at the Lakeview depot this year."),
    ]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    (flag,) = group_flags(pair_flags(said[1], against=said[0]))
    assert flag.kind == "reversal" and flag.rating == "half" and flag.reason == "changed number"
    assert flag.a["article"] == "a1" and flag.b["article"] == "a2"


def test_one_speaker_counting_one_thing_twice_in_other_words_is_half_a_reversal() -> None:
    articles = [
        Article(id="a1", published="2026-03-01", text="“Four hundred homes will be affordable. That is our promise "
                "to the city,” the developer Ivo Tarn said on Monday."),
        Article(id="a2", published="2026-04-01", text="The developer Ivo Tarn said his company “will build 220 "
                "affordable homes on the harbor site, with work starting in April.”"),
    ]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    (flag,) = group_flags(pair_flags(said[1], against=said[0]))
    assert flag.kind == "reversal" and flag.rating == "half" and flag.reason == "changed number"


def test_one_count_under_two_names_is_one_subject() -> None:
    flags = flags_of("“We reject this offer. Four percent over three years is an insult to the Lakeview drivers,” Ana "
                     "Lind, the union leader, said on Monday. On Friday, Lind said: “We accept the 4 percent raise, "
                     "because the new rota matters more to our members.”")
    (flag,) = pairs(flags, "reversal")
    assert flag.rating == "full" and flag.reason == "antonym"


def test_a_document_disputed_then_confirmed_has_its_history() -> None:
    flags = flags_of("An unsigned memo about the Lakeview depot reached the Harbor Ledger on Monday. Ivo Tarn "
                     "said the memo was fake. On Tuesday, Ivo Tarn said the memo was genuine but only a draft.")
    (doc,) = pairs(flags, "document")
    record = doc.document
    assert record["name"] == "the memo" and record["signed"] is False and record["draft"] is True
    assert [h["stance"] for h in record["authenticity"]] == ["disputed", "confirmed"]
    (rev,) = pairs(flags, "reversal")
    assert rev.speaker == "Ivo Tarn" and rev.rating == "full"


def test_a_reporters_words_mark_a_conflict() -> None:
    flags = flags_of("In the letter, Ana Lind wrote that the Lakeview depot will close in May. The letter belies "
                     "Ivo Tarn's promise. “The Lakeview depot will not close,” Ivo Tarn said on Sunday.")
    conflicts = pairs(flags, "conflict")
    assert any("belies" in f.reason for f in conflicts), [f.to_dict() for f in flags]


def test_a_flag_survives_json() -> None:
    flags = flags_of("Ana Lind said the Lakeview plant will close. Ana Lind later said the Lakeview plant will not "
                     "close.")
    assert [Flag.from_dict(f.to_dict()) for f in flags] == flags


def test_statements_are_grouped_by_subject() -> None:
    from onrecord.provenance.subjects import subjects

    text = ("Ana Lind said the Lakeview plant will close. Ivo Tarn said the troops would withdraw from Harbor City. "
            "Mira Oduya insisted that the Lakeview plant will not close. Ivo Tarn later said the troops would stay in "
            "Harbor City.")
    extraction = extract(text, settings=BROAD)
    found = subjects(statements(extraction.article, extraction.attributions, extraction.provenance.claims))
    by_concept = {s.concepts[0]: s for s in found}
    assert set(by_concept) == {"close", "leave"}
    assert by_concept["close"].label == "the Lakeview plant: close"
    assert [o for _, o in by_concept["close"].statements] == [0, 2]
    assert by_concept["leave"].parties == ("Ivo Tarn",)


@pytest.mark.parametrize("signal", [
    "His account is at odds with the audit, which says the Lakeview depot lost money every year.",
    "The audit tells a different story: it says the Lakeview depot lost money every year.",
])
def test_a_reporter_sets_a_speaker_against_a_document(signal: str) -> None:
    text = ("“The Lakeview depot made money every year,” Ivo Tarn, the transit director, said on Monday. " + signal)
    conflicts = [f for f in flags_of(text) if f.kind == "conflict"]
    assert any("the reporter says so" in f.reason and "Ivo Tarn" in (f.speaker, f.other) for f in conflicts), \
        [f.to_dict() for f in flags_of(text)]


def test_testimony_in_court_is_the_witness_not_a_filing() -> None:
    extraction = extract("“I never read the Lakeview orders,” Ivo Tarn told the court on Tuesday.", settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    (own,) = [s for s in said if "never read" in s.text]
    assert own.document is None and own.party == "Ivo Tarn"


def test_it_at_the_head_of_a_sentence_is_the_document_the_sentence_before_begins_with() -> None:
    extraction = extract("Ivo Tarn was charged on Monday. The indictment, filed by the county prosecutor, tells a "
                         "different story. It says Tarn signed the Lakeview orders himself.", settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    (signed,) = [s for s in said if "signed the Lakeview orders" in s.text]
    assert signed.document == "indictment" and signed.party == "the indictment"


def test_a_titles_period_does_not_hide_the_document_a_sentence_begins_with() -> None:
    extraction = extract("A Lakeview transit report was released on Monday. The report, signed by the night "
                         "supervisor, Lt. Ivo Tarn, says the Lakeview buses left the depot late.", settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    (late,) = [s for s in said if "left the depot late" in s.text]
    assert late.document == "report" and late.party == "the report"


@pytest.mark.parametrize("text", [
    # a month's period is no sentence's end
    "The Lakeview depot memo, dated Dec. 4 and stamped secret, carries no signature. It projects that "
    "“about 90 drivers will be let go” at the Lakeview depot.",
    # the sentence before names the document without beginning with it
    "The Lakeview Courier has also seen an internal memo sent to the board. It reads: “About 90 drivers will be "
    "let go at the Lakeview depot.”",
])
def test_it_at_the_head_of_a_sentence_is_the_document_the_sentence_before_names(text: str) -> None:
    extraction = extract(text, settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    (drivers,) = [s for s in said if "90 drivers" in s.text]
    assert drivers.document == "memo" and drivers.party == "the memo"


def test_a_reporters_sentence_pairs_the_statement_it_gives_itself() -> None:
    flags = flags_of("“The buses may have left the Lakeview depot late,” Ivo Tarn said on Friday. An email from the "
                     "depot says the buses left the Lakeview depot on May 1. The email is at odds with the statement "
                     "Tarn made on May 3, when he said the depot kept every bus in its yard that week.")
    (flag,) = [f for f in pairs(flags, "conflict") if "at odds" in f.reason]
    assert flag.a and flag.b and "kept every bus" in flag.b["text"] + flag.a["text"]


def test_a_reporters_sentence_passes_over_a_conditional_claim_for_a_firm_one() -> None:
    flags = flags_of("“We will rebuild the Lakeview bridge only if the state pays for half of it,” Ana Lind said on "
                     "Monday. Lind said the state had agreed in principle to share the cost of the bridge. “The state "
                     "has made no offer to pay for any part of the Lakeview bridge,” Ivo Tarn said on Tuesday. Tarn's "
                     "account contradicts Lind's.")
    (flag,) = [f for f in pairs(flags, "conflict") if "contradicts" in f.reason]
    assert flag.a and flag.b and "agreed in principle" in flag.a["text"] + flag.b["text"]


def test_a_reporters_sentence_raises_nothing_on_two_statements_with_nothing_in_common() -> None:
    flags = flags_of("“We expect to hire 40 drivers next year,” Ivo Tarn said on Monday. A memo from the transit "
                     "office says the Lakeview route will move to Dunmore in the spring. His denial is belied by the "
                     "memo.")
    assert not [f for f in pairs(flags, "conflict") if "belied" in f.reason], [f.to_dict() for f in flags]


def test_a_reporters_sentence_does_not_take_a_dispute_over_the_document_for_the_account() -> None:
    flags = flags_of("“Nothing from our depot reached the Lakeview River,” Ivo Tarn said on Monday. Tarn called the "
                     "report “not genuine.” The report says fuel from the depot was found in the Lakeview River below "
                     "the depot. His account is inconsistent with the sampling data in the report.")
    (flag,) = [f for f in pairs(flags, "conflict") if "inconsistent" in f.reason]
    assert flag.a and flag.b and "Nothing from our depot" in flag.a["text"] + flag.b["text"]


def test_his_account_is_the_speaker_whose_words_the_sentence_gives_back() -> None:
    flags = flags_of("“I signed the Lakeview orders, but I did not read them,” Ivo Tarn testified on Monday. “The "
                     "depot will reopen in May,” Paul Brennan, the depot manager, said on Tuesday. In an email to the "
                     "depot, a clerk wrote: “Send them through, I have checked every one myself.” The email is "
                     "inconsistent with his testimony that he never read the orders.")
    (flag,) = [f for f in pairs(flags, "conflict") if "inconsistent" in f.reason]
    assert "Ivo Tarn" in (flag.speaker, flag.other)


def test_a_paraphrase_and_the_quotation_next_to_it_are_one_side_of_a_flag() -> None:
    flags = flags_of("Ivo Tarn said the Lakeview memo was fake. Mira Oduya said the Lakeview memo was genuine. "
                     "“It is our memo, and every word in it is ours,” Oduya said.")
    (flag,) = pairs(flags, "conflict")
    texts = [(a or {}).get("text", "") + " | " + (b or {}).get("text", "") for a, b in flag.pairs()]
    assert any("every word in it is ours" in t for t in texts), texts


def test_a_datelines_place_holds_no_position() -> None:
    from dataclasses import replace

    text = "HARBORVILLE — Ana Lind said the Lakeview plant will close."
    extraction = extract(text, settings=BROAD)
    moved = [replace(a, speaker=None, speaker_description="HARBORVILLE") for a in extraction.attributions]
    said = statements(extraction.article, moved, extraction.provenance.claims)
    assert said and all(s.party is None for s in said)


def test_one_person_under_a_longer_form_of_the_name_reverses() -> None:
    articles = [
        Article(id="a1", published="2026-03-01", text="Mayor Ana Lind's office issued a statement on Monday. Her "
                "spokesman, Ivo Tarn, said the Lakeview memo was “not a real county document.”"),
        Article(id="a2", published="2026-03-09", text="Ivo Tarn said on Monday that the Lakeview memo is genuine."),
    ]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    (flag,) = group_flags(pair_flags(said[1], against=said[0]))
    assert flag.kind == "reversal" and flag.speaker == "Ivo Tarn" and flag.rating == "full"


def test_two_parties_giving_one_thing_different_counts_conflict() -> None:
    flags = flags_of("Ana Lind said the Lakeview tunnel is 70 percent complete. Ivo Tarn, the site engineer, said "
                     "the Lakeview tunnel is 45 percent complete.")
    (flag,) = pairs(flags, "conflict")
    assert flag.reason == "changed number" and {flag.speaker, flag.other} == {"Ana Lind", "Ivo Tarn"}


def test_two_parties_giving_one_count_roughly_do_not_conflict() -> None:
    flags = flags_of("Ana Lind said the Lakeview tunnel is about 70 percent complete. Ivo Tarn, the site engineer, "
                     "said the Lakeview tunnel is 68 percent complete.")
    assert not pairs(flags, "conflict")


def test_a_softened_opposite_within_one_article_is_half_a_reversal() -> None:
    flags = flags_of("On Monday, Ana Lind said no Lakeview bus had left the depot with a known fault. On Friday, "
                     "Ana Lind said some Lakeview buses may have left the depot with a known fault.")
    (flag,) = pairs(flags, "reversal")
    assert flag.rating == "half" and flag.reason == "certainty"


def test_a_role_right_after_a_named_person_is_that_person() -> None:
    extraction = extract("Ana Lind told the council on Monday that the Lakeview depot will close. “The Lakeview depot "
                         "will close in May,” the Harbor Transit Authority chief executive told the council. “We will "
                         "appeal,” the union said.", settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    assert [s.party for s in said][:2] == ["Ana Lind", "Ana Lind"] and said[2].party != "Ana Lind"


def test_a_time_phrase_taken_for_a_source_stands_for_the_possessives_owner() -> None:
    from dataclasses import replace

    text = ("“The Lakeview depot is open,” Ana Lind said on Monday. Lind's post on the Lakeview forum the following "
            "evening, which said that no bus had left the depot, is contradicted by the log.")
    extraction = extract(text, settings=BROAD)
    moved = [replace(a, speaker=None, speaker_description="the following evening") if "no bus" in a.content.of(text)
             else a for a in extraction.attributions]
    said = statements(extraction.article, moved, extraction.provenance.claims)
    (post,) = [s for s in said if "no bus" in s.text]
    assert post.party == "Ana Lind"


def test_statements_sharing_no_concept_or_counted_noun_are_not_judged_and_nothing_is_lost() -> None:
    """pair_flags asks the rules only about pairs whose topics (concepts, counted nouns) meet: judging every pair
    finds the same flags, and every flagged pair shares a topic."""
    from onrecord.provenance.flags import judge, order, topics

    text = ("Ana Lind said the Lakeview plant will close and cut 200 jobs. Ivo Tarn said the Harbor school will "
            "open in May. Ana Lind later said the Lakeview plant will not close. Ivo Tarn said the plant would cut "
            "80 jobs. Mara Senn asked whether the Harbor school would open.")
    extraction = extract(text, settings=BROAD)
    said = statements(extraction.article, extraction.attributions, extraction.provenance.claims)
    every = [f for i, a in enumerate(said) for b in said[i + 1:] if (f := judge(*order(a, b))) is not None]
    assert every and pair_flags(said) == every
    by_text = {s.text: s for s in said}
    for f in every:
        assert f.a and f.b and not topics(by_text[f.a["text"]].claim).isdisjoint(topics(by_text[f.b["text"]].claim))


def test_i_in_one_mouth_and_a_name_in_the_others_are_one_person() -> None:
    flags = flags_of("“I told Ivo Tarn on Monday that the Lakeview tank was leaking,” Ana Lind said. “No one told me "
                     "that the Lakeview tank was leaking,” Ivo Tarn said.")
    (flag,) = pairs(flags, "conflict")
    assert {flag.speaker, flag.other} == {"Ana Lind", "Ivo Tarn"} and flag.concept == "tell"


@pytest.mark.parametrize("text", [
    "Ana Lind said the Lakeview plant would not pay the bonus until June. In July, Ana Lind said the Lakeview plant "
    "had paid the bonus.",
    "Ana Lind said: “We will accept the Lakeview offer.” Ivo Tarn said: “We will not accept the Lakeview offer.”",
    "Ana Lind said the Lakeview inspector had not yet signed the lease when the crane fell. Ivo Tarn said the "
    "Lakeview inspector signed the lease two days after the crane fell.",
    "Ana Lind said the Lakeview plant will close. Later Ivo Tarn said: “I stand with Ana Lind: the Lakeview plant "
    "will not close.”",
])
def test_a_different_time_an_own_side_or_a_party_taking_the_others_side_raises_no_flag(text: str) -> None:
    flags = flags_of(text)
    assert not pairs(flags, "reversal") and not pairs(flags, "conflict"), [f.to_dict() for f in flags]


def test_paid_and_received_no_payment_conflict() -> None:
    flags = flags_of("Ana Lind said the Lakeview witness “was paid $5,000 to testify.” Ivo Tarn said the Lakeview "
                     "witness “has received no payment of any kind.”")
    (flag,) = pairs(flags, "conflict")
    assert flag.concept == "pay"


def test_one_number_in_two_units_is_two_counts() -> None:
    flags = flags_of("Ana Lind said the Lakeview union will accept a raise of 4 percent. Ivo Tarn said the Lakeview "
                     "union will not accept a fee of $4.")
    assert not pairs(flags, "conflict"), [f.to_dict() for f in flags]


@pytest.mark.parametrize(("rebuttal", "words"), [
    ("Peter Marsh disagreed.", "disagreed"),
    ("Peter Marsh said that was wrong.", "said that was wrong"),
    ("Peter Marsh said otherwise.", "said otherwise"),
    ("The harbour engineer, Peter Marsh, did not agree.", "did not agree"),
    ("Peter Marsh rejected that.", "rejected that"),
    ("Peter Marsh said his own survey suggested otherwise.", "suggested otherwise"),
    ("Peter Marsh said that was not his experience.", "said that was not his experience"),
])
def test_a_reporters_rebuttal_sentence_sets_the_next_speaker_against_the_one_before(rebuttal: str,
                                                                                     words: str) -> None:
    # session 16: "Lind disagreed." holds no claim; the conflict is between the words on either side of it
    text = (f"Ana Lind, the harbour master, said the pier was sound. “The pier has never been in better shape,” she "
            f"said.\n\n{rebuttal} “There are cracks in the piles you could put your hand in,” he said.")
    conflicts = [f for f in pairs(flags_of(text), "conflict") if f.reason.startswith("the reporter")]
    assert conflicts, [f.to_dict() for f in flags_of(text)]
    (flag,) = conflicts
    assert words in flag.reason and {flag.speaker, flag.other} == {"Ana Lind", "Peter Marsh"}
    assert {"The pier has never been in better shape", "There are cracks in the piles you could put your hand in"} <= {
        (side or {}).get("text", "").strip("“”,. ") for pair in flag.pairs() for side in pair}


@pytest.mark.parametrize("rebuttal", [
    "Peter Marsh did not dispute that.",  # a negated rebuttal
    "Peter Marsh disputed that the piles were cracked.",  # a clause of its own: a statement, not a rebuttal
    "Peter Marsh rejected suggestions that the pier would close.",  # names what it rejects: no one's words before
])
def test_what_is_not_a_rebuttal_sentence(rebuttal: str) -> None:
    text = (f"Ana Lind, the harbour master, said the pier was sound. “The pier has never been in better shape,” she "
            f"said.\n\n{rebuttal} “There are cracks in the piles you could put your hand in,” he said.")
    assert not [f for f in pairs(flags_of(text), "conflict") if f.reason.startswith("the reporter")], [
        f.to_dict() for f in flags_of(text)]


def test_a_rebuttal_of_a_claim_named_by_its_owner_sets_the_rebutter_against_the_owner() -> None:
    # session 16: "rejected the study's central finding" is against the study's words, wherever they stood before
    text = ("A study by the consultancy Arden Mure found that \"dust at the nearest houses exceeded the daily limit on "
            "19 days.\" Ana Lind, who lives on Mill Road, said her windows were grey every morning.\n\nThe quarry's "
            "manager, Peter Marsh, rejected the study's central finding. \"Our monitors have never recorded dust above "
            "the limit,\" he said.")
    conflicts = [f for f in pairs(flags_of(text), "conflict") if "central finding" in f.reason]
    assert conflicts, [f.to_dict() for f in flags_of(text)]
    texts = {(side or {}).get("text", "").strip("“”\",. ") for pair in conflicts[0].pairs() for side in pair}
    assert "Our monitors have never recorded dust above the limit" in texts
    assert any("dust at the nearest houses exceeded" in t for t in texts), texts


@pytest.mark.parametrize(("later", "rating"), [
    ("“The Lakeview bridge is safe for lorries, but I cannot be certain of it,” Ana Lind said.", "half"),
    ("“The Lakeview bridge is safe for lorries, and I am certain of it,” Ana Lind said.", None),
    # unsure of a question of its own, not of the claim beside it
    ("“The Lakeview bridge is safe for lorries, but I am not sure when the repairs will start,” Ana Lind said.",
     None),
])
def test_a_speaker_who_says_they_cannot_be_sure_softens_their_claim(later: str, rating: str | None) -> None:
    articles = [
        Article(id="a1", published="2026-03-01", text="“The Lakeview bridge is safe for lorries,” Ana Lind said."),
        Article(id="a2", published="2026-05-01", text=later),
    ]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    found = group_flags(pair_flags(said[1], against=said[0]))
    assert [f.rating for f in found] == ([rating] if rating else [])
    assert all(f.reason == "certainty" for f in found)


def test_a_document_its_writers_published_is_final_and_not_leaked() -> None:
    flags = flags_of("An audit released on Monday by the state auditor found that the Lakeview depot lost money. "
                     "Ivo Tarn said the audit was genuine.")
    (doc,) = pairs(flags, "document")
    assert doc.document["draft"] is False and doc.document["leaked"] is False
    # sent to those it was written for: final, but whether it leaked the words do not say
    flags = flags_of("A memo sent to the depot staff on Monday says the Lakeview depot will close. Ivo Tarn said the "
                     "memo was genuine.")
    (doc,) = pairs(flags, "document")
    assert doc.document["draft"] is False and doc.document["leaked"] is None
    # the words win: a draft obtained by the press stays a leaked draft, whoever published it later
    flags = flags_of("A draft memo obtained by the Harbor Ledger says the Lakeview depot will close. The memo was "
                     "published by the Ledger on Monday. Ivo Tarn said the memo was genuine.")
    (doc,) = pairs(flags, "document")
    assert doc.document["draft"] is True and doc.document["leaked"] is True


def test_a_leak_stays_a_leak_across_articles() -> None:
    from onrecord.provenance.documents import merge_documents

    texts = ["A memo obtained by the Harbor Ledger says the Lakeview depot will close. Ivo Tarn said the memo was "
             "fake.",
             "The Lakeview depot memo, published by the Harbor Ledger last week, is genuine, Ivo Tarn said on Friday. "
             "The memo says the Lakeview depot will close."]
    done = [e for e in extract_many([Article(text=t, id=f"a{i}") for i, t in enumerate(texts)], settings=BROAD)
            if isinstance(e, Extraction)]
    documents = [f for e in done for f in e.provenance.flags if f.kind == "document"]
    stories = {e.article.id or "": frozenset({"Ivo Tarn", "Lakeview"}) for e in done}
    (merged,) = merge_documents(documents, stories, shared=1)
    assert merged.document["leaked"] is True
    assert [h["stance"] for h in merged.document["authenticity"]] == ["disputed", "confirmed"]


@pytest.mark.parametrize("doubt", ["Ivo Tarn questioned whether the memo was genuine.",
                                   "Ivo Tarn doubted that the memo was genuine."])
def test_questioning_or_doubting_a_document_disputes_it(doubt: str) -> None:
    flags = flags_of(f"A leaked memo about the Lakeview depot reached the Harbor Ledger on Monday. {doubt} On Tuesday, "
                     "Ana Lind said the memo was genuine.")
    (doc,) = pairs(flags, "document")
    assert [(h["stance"], h["by"]) for h in doc.document["authenticity"]] == [
        ("disputed", "Ivo Tarn"), ("confirmed", "Ana Lind")]


def test_what_a_party_had_said_before_comes_first_in_a_documents_history() -> None:
    flags = flags_of("A leaked memo about the Lakeview depot reached the Harbor Ledger. Ivo Tarn said on Monday that "
                     "the memo is genuine. Last week Tarn had called the memo “a fake.”")
    (doc,) = pairs(flags, "document")
    assert [h["stance"] for h in doc.document["authenticity"]] == ["disputed", "confirmed"]


def test_a_leaked_log_is_a_document_too() -> None:
    flags = flags_of("An internal outage log, leaked to the Harbor Ledger, shows the Lakeview line was live. Ivo Tarn "
                     "said the log was not genuine.")
    (doc,) = pairs(flags, "document")
    assert doc.document["name"] == "the log" and doc.document["leaked"] is True
    assert [h["stance"] for h in doc.document["authenticity"]] == ["disputed"]


def test_the_scorer_names_a_gold_document_by_its_head_noun() -> None:
    from onrecord.eval.provenance import _document_head

    assert _document_head("the audit report") == "report"
    assert _document_head("the March 2024 email") == "email"


def test_her_account_passes_over_a_man_the_long_first_name_list_is_sure_of() -> None:
    # "Thaddeus" is on no short list of first names; the long list is sure he is a man: "Her account" is Lind's
    flags = flags_of("“The Lakeview depot made money every year,” Ana Lind, the finance director, said on Monday. "
                     "“The Lakeview depot money is safe every year,” Thaddeus Brennan, the depot manager, said on "
                     "Tuesday. Her account is at odds with the audit, which says the Lakeview depot lost money every "
                     "year.")
    conflicts = [f for f in pairs(flags, "conflict") if "at odds" in f.reason]
    assert any("Ana Lind" in (f.speaker, f.other) for f in conflicts), [f.to_dict() for f in flags]


def test_an_order_to_do_a_thing_does_not_conflict_with_a_refusal_and_a_report_does() -> None:
    refusal = "“We will not lower the water in the Kestrel reservoir,” said Ana Lind, the Tarn company's director. "
    assert not pairs(flags_of(refusal + "The Marl council has ordered the Tarn company to lower the water in the "
                              "Kestrel reservoir."), "conflict")
    assert pairs(flags_of(refusal + "Ivo Tarn, the Marl council's engineer, said the Tarn company will lower the "
                          "water in the Kestrel reservoir."), "conflict")  # (the look-alike: a report)


def test_no_longer_is_a_negation_and_two_speakers_who_say_so_agree() -> None:
    assert not pairs(flags_of("Ana Lind said the Kestrel levy would no longer apply to cafés. “The Kestrel levy will "
                              "not apply to cafés from May,” she said."), "reversal")


def test_a_police_investigation_opened_does_not_contradict_a_gate_closed() -> None:
    assert not pairs(flags_of("“The Kestrel gate was closed to stop people getting in,” said Ana Lind, the festival "
                              "director. Ivo Tarn, a Kestrel police spokesman, said the police had opened an "
                              "investigation into the closing of the gate."), "conflict")


def test_two_counts_of_one_thing_conflict_when_one_is_what_figures_suggest() -> None:
    flags = flags_of("The Kestrel drivers' union said about 600 drivers had logged off on Monday. Ana Lind, the cab "
                     "firm's director, said the firm's figures suggested about 200 drivers had logged off.")
    assert pairs(flags, "conflict"), [f.to_dict() for f in flags]


def test_going_ahead_put_under_a_condition_is_half_a_reversal() -> None:
    articles = [Article(id="a1", published="2026-03-01", text="“The Kestrel festival will go ahead next year on the "
                        "same site,” said Ana Lind, its director."),
                Article(id="a2", published="2026-06-01", text="“The Kestrel festival may go ahead next year, but only "
                        "if the council is satisfied,” Ana Lind said.")]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    (flag,) = pairs(group_flags(pair_flags(said[1], against=said[0])), "reversal")
    assert flag.rating == "half", flag.to_dict()
