"""Speakers named by a relation to someone named before ("his wife", "their father", "the couple"), end to end
with the real model. Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Among the crowd were Dafydd and Eirlys Pryce-Vaughan, who have come every year since 2001. She was "
            "smiling; her husband was holding the flag.\n\n“That was the best night we have had here,” he said.",
            "That was the best night", "Dafydd Pryce-Vaughan", id="her-husband-in-a-second-clause",
        ),
        pytest.param(
            "The shop is owned by Bram Oduya and his wife, Selma Oduya, who opened it in 2011. A lawyer for the "
            "owners, Katrin Voss, said they would appeal. Bram Oduya declined to comment as he left. His wife, who "
            "was with him, stopped on the steps.\n\n“We made a mistake, and we are sorry,” she said.",
            "We made a mistake", "Selma Oduya", id="his-wife-after-another-woman-spoke",
        ),
        pytest.param(
            "The new play is directed by her son, Tomas Varn, who was six at the time. Ilse Varn, 70, wrote it in "
            "1980. The designer, Priya Sandhu, said she had loved the script. “It is a gift,” she said.\n\n"
            "“We argue about everything,” Tomas said.\n\nHis mother did not deny it. "
            "She said the ending was the one she had always wanted. “I was afraid then,” she said.",
            "I was afraid then", "Ilse Varn", id="his-mother-the-one-woman-of-the-family",
        ),
        pytest.param(
            "The twins are the daughters of Ifeoma and Chidi Nwosu, from Harlow. Dr Maren Holt treated them.\n\n"
            "Their father later spoke to reporters by telephone. His wife, he said, had kept every letter.\n\n"
            "“There are six folders now,” he said.",
            "There are six folders now", "Chidi Nwosu", id="their-father-the-man-of-the-couple",
        ),
    ],
)
def test_a_he_or_she_after_a_relative_as_subject_is_that_relative(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


def test_an_honorific_does_not_give_a_family_name_to_the_one_known_of_the_other_gender() -> None:
    """"Mr. Brisk" after "Aldo Brisk and his wife, Vera Brisk": not the wife, though nothing says Aldo is a man."""
    text = ("The farm is run by Aldo Brisk and his wife, Vera Brisk. Mr. Brisk told the court that the flood "
            "\"ruined us.\"")
    assert speaker_of(text, "ruined us") == "Aldo Brisk"


def test_a_possessor_s_parents_are_the_couple_named_as_them() -> None:
    """"Noor's parents" (the parse may make "Noor's" a modifier) are the couple named in apposition before."""
    text = (
        "Noor’s parents, Farah and Idris Qasim, sat through all four days. In a statement read outside the court by"
        " the family’s lawyer, Mehmet Aksoy, Noor’s parents said she had “loved the sea.”"
    )
    assert speaker_of(text, "loved the sea") == "Farah Qasim and Idris Qasim"


def test_a_role_given_with_is_and_a_rank_tell_two_holders_apart() -> None:
    """"The lead plaintiff is Ana Lind" gives her the role as an apposition would; "the lead plaintiff" later is
    her, not "the second plaintiff, Ivo Tarn"."""
    text = (
        "The lead plaintiff is Odile Marchetti-Fry, 41, who lives on the third floor. The second plaintiff, Ivo "
        "Dunmore, 67, is a retired postman. “It came through the roof twice,” Dunmore said.\n\nOutside the "
        "court, the lead plaintiff said the flat had been cold for years."
    )
    assert speaker_of(text, "the flat had been cold") == "Odile Marchetti-Fry"


def test_a_role_given_in_a_relative_clause_is_that_persons() -> None:
    """"Ana Lind, who has been treasurer since May," gives her the role: "the treasurer" in the lede before her
    name, and later, is her, not the premier named in between."""
    text = (
        "“Nobody will thank me for this budget,” the treasurer told the assembly on Tuesday.\n\nSarah Lindgren, who has"
        " been treasurer since the election, set out a plan to cut the deficit. Premier Tomas Varga backed it.\n\n"
        "“We will not borrow for rail,” the treasurer said."
    )
    assert speaker_of(text, "We will not borrow for rail") == "Sarah Lindgren"
    assert speaker_of(text, "Nobody will thank me") == "Sarah Lindgren"


def test_a_co_role_is_the_other_person_given_the_role() -> None:
    """"Her co-plaintiff" is the one plaintiff other than her."""
    text = (
        "The lead plaintiff is Odile Marchetti-Fry, 41. The second plaintiff, Ivo Dunmore, 67, is a retired "
        "postman. The defendant, Keith Ambler, did not attend.\n\n“A dry room is all I want,” Marchetti-Fry said."
        "\n\nHer co-plaintiff, standing next to her, nodded. “I would like a ceiling,” he said."
    )
    assert speaker_of(text, "I would like a ceiling") == "Ivo Dunmore"



def test_a_role_given_with_is_to_a_name_in_apposition_is_that_persons() -> None:
    """"The defendant’s mother, Halina Brodzik, 63, was the first witness": "the witness" later is her."""
    text = (
        "Tomasz Brodzik, 34, denies arson. The defendant’s mother, Halina Brodzik, 63, was the first witness called "
        "by the defence. The prosecutor, Imelda Fairweather, suggested that a mother might say anything.\n\n"
        "“A mother might,” the witness answered. “I am saying what happened.”"
    )
    assert speaker_of(text, "A mother might") == "Halina Brodzik"
