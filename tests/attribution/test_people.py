"""The people layer (onrecord.attribution.resolution.people): who is a person by the article's own evidence, when
the recogniser gives the name another label or none. Invented sentences, invented people."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.attribution.resolution.names import person_name
from onrecord.attribution.resolution.people import evidenced_people, people_by_evidence, streets_read_as_people
from onrecord.nlp.pipeline import load_pipeline
from onrecord.settings import Settings


def _last(text: str) -> tuple[str | None, str]:
    found = extract(text).attributions
    assert found, "no attribution found"
    return found[-1].speaker, found[-1].speaker_kind


def _parse(text: str):  # type: ignore[no-untyped-def]
    return load_pipeline(with_attribution=False)(text)


def test_a_family_name_used_alone_as_a_subject_links_to_the_full_name() -> None:
    # the recogniser reads the first name and family name as a place, and the family name alone as another
    assert _last("Ines Quaresma and Teodor Vlk met on Tuesday. “It went well,” Quaresma said.") == (
        "Ines Quaresma", "person")


def test_a_pronoun_that_takes_up_a_first_named_subject_finds_it() -> None:
    assert _last("Wanjiru Kamau counts birds at the lake every morning. “The flamingos are back,” she said.") == (
        "Wanjiru Kamau", "person")
    assert _last("Zeb Tarkington coached the team for a decade. Asked about the final, he said: “We were ready.”") \
        == ("Zeb Tarkington", "person")


def test_a_first_named_subject_of_a_verb_of_saying_is_a_person() -> None:
    text = "Priyanka Venkataraman said on Monday that the grant was far too small for the village."
    assert _last(text) == ("Priyanka Venkataraman", "person")


def test_a_pronoun_of_the_other_gender_does_not_make_a_person() -> None:
    # "Marit" is a woman's name on the list: a "he" after it is someone else, and the chain stays as it was
    doc = _parse("Marit Solbakk founded the firm in 2004. Later he sold it.")
    assert [e.text for e in evidenced_people(doc)] == []


@pytest.mark.parametrize("text", [
    "Chase Bank said on Monday that rates would rise.",
    "Jordan Valley Water said the pipes were old.",
    "Grace Church said the hall would reopen. “We are ready,” Church said.",
    "The Kestrel Globe said the figures were wrong.",
])
def test_a_chain_with_an_organisations_or_a_places_word_is_no_person(text: str) -> None:
    assert evidenced_people(_parse(text)) == []


def test_a_street_the_recogniser_read_as_a_person_is_the_street() -> None:
    doc = _parse("Tove Hallberg runs the bakery on Mill Lane.")
    streets = [e.text for e in streets_read_as_people(doc)]
    if "Mill Lane" in [e.text for e in doc.ents if e.label_ == "PERSON"]:
        assert streets == ["Mill Lane"]
    with people_by_evidence(doc):
        assert "Mill Lane" not in [e.text for e in doc.ents if e.label_ == "PERSON"]
        assert "Tove Hallberg" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_the_recognisers_entities_are_restored_after_resolution() -> None:
    doc = _parse("Marit Solbakk founded the firm in 2004. “We started small,” Solbakk said.")
    before = [(e.text, e.label_) for e in doc.ents]
    with people_by_evidence(doc):
        assert ("Marit Solbakk", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert [(e.text, e.label_) for e in doc.ents] == before


def test_a_sure_first_name_outweighs_a_stray_his_in_the_clause_after_the_name() -> None:
    # "Ilsa" is on no short list; the long list is sure of it: the "his" of the mayor's view is not hers
    text = ("The coast guard seized three boats in the bay.\n\nIlsa Varnova, an independent political expert who "
            "writes about the region, noted that the mayor's stance stems from his view that rivals will see any "
            "concession as weakness.\n\n“He believes the pressure will only grow,” she said.")
    assert _last(text) == ("Ilsa Varnova", "person")


def test_a_place_the_recogniser_labelled_whole_needs_a_clear_first_name() -> None:
    # "North" is on the first-name list, unsure of a gender; "Lakeview" alone as a subject is the town again
    doc = _parse("North Lakeview grew faster than the south last year. Lakeview said the figures were sound.")
    assert [e.text for e in evidenced_people(doc)] == []


def test_a_title_case_headline_word_before_a_name_is_no_part_of_it() -> None:
    # in a headline every word is capitalised: "Endorses" before the name the recogniser found is no first name
    doc = _parse("Another Party Figure Endorses Mary Walsh.\n\nSome members back her.")
    assert [person_name(e) for e in doc.ents if e.label_ == "PERSON"] == ["Mary Walsh"]


def test_one_word_in_apposition_to_a_body_is_no_person() -> None:
    # the recogniser labels "Kestrel" a person; "the official state news agency" says it is a body
    text = ("Adm. Ivo Tarn, who leads the fleet, made no apologies. “We stay,” he said.\n\nKestrel, the official "
            "state news agency, said the admiral was wrong. “Some may say otherwise,” Kestrel said.\n\nThe "
            "derogatory comments had two goals, the admiral said.")
    found = {text[a.source.start : a.source.end]: (a.speaker, a.speaker_kind)
             for a in extract(text).attributions if a.source is not None}
    assert found["Kestrel"] == ("Kestrel", "organisation")
    assert found["the admiral"] == ("Ivo Tarn", "person")


def test_a_name_read_as_a_body_in_apposition_to_a_role_in_initials_is_a_person() -> None:
    # the recogniser labels the member's name an organisation; "the local MP," before it says she is a person, so a
    # "she" after her is she, not the spokeswoman for the hospital quoted before
    text = ("A spokeswoman for Harbour General Hospital said it had treated nine people. “We would not recommend "
            "swimming there,” she said.\n\nThe local MP, Nadia Farrow-Stokes, said the fine should be paid by the "
            "shareholders.\n\n“The people of this town have paid once already,” she said.")
    assert _last(text) == ("Nadia Farrow-Stokes", "person")


def test_an_unlabelled_name_ending_as_only_bodies_names_do_is_no_person() -> None:
    # the recogniser labels nothing in "Hard Right Watch"; as a person it took the "he" of the next paragraph from
    # the pastor whose words it reported
    text = ("Pastor Ivo Tarn has a new target.\n\nTarn, who leads a chapel in Eastholm, attacked the harbour board for "
            "“greed and sloth” on Monday’s edition of his weekly radio show, “Mornings with Ivo Tarn,” Hard Right "
            "Watch first reported.\n\nHe then implied that the mayor should resign.\n\n“Read the law,” he said.")
    found = extract(text, settings=Settings(scope="all")).attributions
    assert [a.speaker for a in found if text[a.source.start : a.source.end] == "He"] == ["Ivo Tarn"]
    assert found[-1].speaker == "Ivo Tarn"


def test_a_hyphenated_first_name_the_tagger_took_for_nouns_opens_the_name() -> None:
    """"Hye-jin" of "Hye-jin Castellane" tagged as nouns, the family name a proper noun, two places named between
    the name and its she: a person, taken up by the she."""
    text = ("Market trader Hye-jin Castellane, who came to New Halden from Seoul in 2011, sold kimchi from a stall "
            "near the church.\n\n“My mother-in-law said nobody would buy them,” she says.")
    assert _last(text) == ("Hye-jin Castellane", "person")


def test_a_hyphenated_common_word_opens_no_name() -> None:
    """The look-alike: "Long-term Care Lakeview" is no person for the she after it."""
    text = ("Long-term Care Lakeview opened a wing in May.\n\nAna Lind visited it.\n\n“It is bright,” she says.")
    assert _last(text) == ("Ana Lind", "person")
