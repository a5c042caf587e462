"""People introduced as outlets of many countries print them: a courtesy title or honorific before the name
("Smt.", "Shri", "Alhaja", "Engr.", "Cllr"), the office written first with its portfolio ("Minister for Rural Roads
Smt. R. Varsha"), a traditional title ("the Babaloja of Oja Titun, Alhaja ..."), namesakes, and a family name
written first. End to end with the real model; every passage is made up, and each rule has a look-alike that must
not change."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


_OFFICE_FIRST = (
    "Minister for Rural Roads Smt. R. Varsha, who chaired a meeting in the afternoon, announced an inquiry. Speaking "
    "to reporters after the meeting, the Minister said:\n\n\"Every village will get a road. Nobody will be left "
    "out.\"\n\nDirector of Transport Shri T. K. Ivar said the plans were ready. \"We are ready,\" said he.\n\n\"The "
    "contractors will be paid on time,\" the Minister said.")


def test_a_name_after_a_courtesy_title_is_the_persons_without_the_title() -> None:
    # the recogniser runs "Shri" into the name, or takes "Roads Smt" for a person: the name is what follows it
    assert speaker_of(_OFFICE_FIRST, "the plans were ready") == "T. K. Ivar"
    assert speaker_of(_OFFICE_FIRST, "We are ready") == "T. K. Ivar"


def test_an_office_written_before_its_portfolio_and_the_name_is_that_persons_role() -> None:
    assert speaker_of(_OFFICE_FIRST, "Every village will get a road") == "R. Varsha"
    assert speaker_of(_OFFICE_FIRST, "The contractors will be paid") == "R. Varsha"


def test_an_organisation_before_a_name_is_no_office() -> None:
    # look-alike: "the University of Lakeview, Ana Lind" gives her no role; "the university" stays the university
    text = ("The rector of the University of Lakeview, Ana Lind, opened the year on Monday.\n\nIvo Tarn, a student, "
            "spoke next. \"We need more rooms,\" Tarn said.\n\nThe university said in a statement that rooms would "
            "be added.")
    assert speaker_of(text, "rooms would be added") != "Ana Lind"


_MARKET = (
    "Addressing reporters at the market on Monday, the Babaloja of Oja Titun, Alhaja Remi Adekola-Bello, said the "
    "traders would not leave.\n\n\"This market is older than the government,\" she said. \"We are not against "
    "progress.\n\n\"We are mothers. We pay school fees from this market.\"\n\nBut the Commissioner for Works and "
    "Housing, Engr. Tunde Alabi-Okoro, insisted that the market was unsafe.\n\n\"Government will obey the court,\" "
    "he said.\n\nA lecturer at Ilora University, Dr. Kemi Ajayi-Ode, said the plan was rushed. \"You consult "
    "first,\" she said.\n\nBack at her stall, the Babaloja was counting tins. \"We are here,\" she said.")


@pytest.mark.parametrize(("content", "speaker"), [
    ("the traders would not leave", "Remi Adekola-Bello"),
    ("We pay school fees", "Remi Adekola-Bello"),
    ("the market was unsafe", "Tunde Alabi-Okoro"),
    ("Government will obey the court", "Tunde Alabi-Okoro"),
])
def test_a_name_after_an_honorific_the_recogniser_took_for_a_firm_is_a_person(content: str, speaker: str) -> None:
    assert speaker_of(_MARKET, content) == speaker


def test_a_she_after_a_traditional_title_as_subject_is_the_person_introduced_with_it() -> None:
    # "the Babaloja was counting tins. “…,” she said": the title's holder, not the woman quoted last
    assert speaker_of(_MARKET, "We are here") == "Remi Adekola-Bello"


def test_a_she_after_a_capitalised_word_nobody_was_given_as_a_role_is_unchanged() -> None:
    # look-alike: "the Harbour" names no role; the she is the woman quoted last
    text = ("Dr. Kemi Ajayi-Ode, a lecturer, said the plan was rushed. \"You consult first,\" she said.\n\nBy "
            "evening, the Harbour was quiet again. \"We are here,\" she said.")
    assert speaker_of(text, "We are here") == "Kemi Ajayi-Ode"


def test_a_namesake_is_the_other_person_of_that_family_name() -> None:
    text = ("Cllr Ivo Dolan (Ind) said he would support the motion. \"I grew up there,\" he said.\n\nCllr Mira Dolan "
            "(FG), no relation, took the opposite view. \"It is easy to be against every cut,\" she said.\n\n"
            "\"Nobody is against the roads,\" her namesake replied.")
    assert speaker_of(text, "I grew up there") == "Ivo Dolan"
    assert speaker_of(text, "Nobody is against the roads") == "Ivo Dolan"


_FAMILY_FIRST = (
    "Most of the coding was done by Tan Weiming, a doctoral student in the lab, who wrote the classifier. Tan says "
    "the hardest part was trusting the result.\n\n\"I kept thinking I had made a mistake,\" she says. \"I rewrote it "
    "twice.\"\n\nTan, who grew up in a flat in the city, now describes the song as \"a small bell at dusk.\"\n\n"
    "Another researcher, Peter Tan of the Harbour Lab, found the argument persuasive.")


def test_a_family_name_written_first_is_not_a_namesake_introduced_later() -> None:
    assert speaker_of(_FAMILY_FIRST, "a small bell at dusk") == "Tan Weiming"


def test_a_surname_after_both_bearers_were_introduced_is_left_to_the_surname_rules() -> None:
    # look-alike: Peter Tan is introduced before the lone "Tan" and is the subject just named
    text = ("Most of the coding was done by Tan Weiming, a doctoral student in the lab.\n\nThe lab is run by Peter "
            "Tan, who has studied the birds for years.\n\nIt took a decade.\n\nTan, who grew up by the sea, describes "
            "the song as \"a small bell at dusk.\"")
    assert speaker_of(text, "a small bell at dusk") == "Peter Tan"


@pytest.mark.parametrize(("text", "speaker"), [
    pytest.param("Datuk Seri Lim Wei Ling, the state's executive councillor, said the road would be built. “It is our "
                 "duty,” she said.", "Lim Wei Ling", id="malaysian-titles"),
    pytest.param("Mallam Ibrahim Danladi-Bawa, a trader, said prices had doubled. “We cannot eat,” he said.",
                 "Ibrahim Danladi-Bawa", id="hausa-courtesy-title"),
])
def test_the_titles_before_a_name_are_not_the_name(text: str, speaker: str) -> None:
    assert speaker_of(text, text.split("“")[1].split("”")[0]) == speaker


def test_a_place_named_with_a_courtesy_word_is_no_person() -> None:
    # look-alike: the honorific's word opens a country's name; the minister after it is still the speaker
    text = "Sri Lanka's trade minister, Ana Perera, said exports would rise. “We are ready,” she said."
    assert speaker_of(text, "We are ready") == "Ana Perera"
