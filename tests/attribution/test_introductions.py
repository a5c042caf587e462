"""The people an article introduces and the descriptions it gives them (a role in apposition or as a title, a kin
noun), read back when a description speaks later ("the welder said", "both senators said"), end to end with the
real model. Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


def test_a_name_read_as_a_place_or_a_date_beside_a_kin_noun_is_a_person() -> None:
    # the recogniser labels both names of the family a place: the wife in apposition is still the "she" after her
    text = ("Nora Vell, a lecturer, said the race was close. \"Nobody remembers a budget,\" Vell said.\n\n"
            "The last question came from Ivo Okafor, a retired welder. Okafor’s wife, June Okafor, had come with "
            "him and had not planned to speak.\n\n\"He asks everyone the same thing,\" she said.")
    assert speaker_of(text, "He asks everyone") == "June Okafor"


def test_a_role_in_apposition_to_a_name_the_recogniser_missed_is_that_persons() -> None:
    text = ("The last question came from Ivo Okafor, a retired welder. He wanted to know whether the clinic would "
            "stay open.\n\nNora Vell, a lecturer, said the race was close.\n\n\"They all promise,\" the welder said.")
    assert speaker_of(text, "They all promise") == "Ivo Okafor"


def test_a_role_nobody_was_given_is_the_subject_just_named() -> None:
    text = ("Ana Lind runs the club's youth teams. \"We lost,\" she said.\n\nIvo Tarn, asked about the second goal, "
            "shook his head.\n\n“I misjudged it,” the goalkeeper said.")
    assert speaker_of(text, "I misjudged it") == "Ivo Tarn"


def test_a_role_is_not_given_to_a_subject_introduced_with_another() -> None:
    text = "Coach Ana Lind praised the team on Sunday.\n\n\"We were great,\" the captain said."
    assert speaker_of(text, "We were great") is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Sen. Ana Lind and Sen. Ivo Tarn wrote to the board on Monday. Neither has endorsed a candidate.\n\n"
            "“We are not taking sides,” both senators said in a joint statement.",
            "Ana Lind and Ivo Tarn", id="the-only-two-given-the-title",
        ),
        pytest.param(
            "The challenger wants to unseat Senator Dana Moss in the district.\n\nTwo of Moss’s colleagues, "
            "Senators Ana Lind and Ivo Tarn, wrote to the board. Neither has endorsed a candidate.\n\n"
            "“We are not taking sides,” both senators said in a joint statement.",
            "Ana Lind and Ivo Tarn", id="a-plural-title-before-two-names",
        ),
    ],
)
def test_both_holders_of_a_role_are_the_two_introduced_with_it(text: str, speaker: str) -> None:
    assert speaker_of(text, "We are not taking sides") == speaker


def test_a_role_in_apposition_to_a_name_read_as_a_building_is_that_persons() -> None:
    text = ("The longest comment of the night came from Tomas Brandt Ruiz, a retired schoolteacher who has run the "
            "children’s program for eleven summers. Ivo Marsh, a lawyer, disagreed.\n\n“Build the new garden first,” "
            "the schoolteacher said.")
    assert speaker_of(text, "Build the new garden") == "Tomas Brandt Ruiz"


def test_a_she_after_a_role_the_parse_made_its_sentences_root_is_the_role_holder() -> None:
    # the parse hangs "The mayor, asked ..., smiled" on "mayor": still the subject a "she" after it takes up
    text = ("Mayor Nora Vell had said little during five hours of comment.\n\nCouncilmember Ana Lind voted against "
            "the plan. Lind, who spoke only once during the meeting, said in an interview on Wednesday that she had "
            "voted no because the vote had been rushed.\n\n“We had five hours of comment and five minutes of "
            "discussion,” she said. “That’s not a decision. That’s an endurance test.”\n\nThe mayor, asked after the "
            "meeting whether she expected to hear from the gardeners again, smiled for the first time that evening."
            "\n\n“Every Tuesday,” she said.")
    assert speaker_of(text, "Every Tuesday") == "Nora Vell"


def test_a_name_said_with_is_to_hold_a_role_is_a_person_who_holds_it() -> None:
    # the recogniser takes the name for an organisation's; "The engineer was ..." names the engineer who wrote
    text = ("The report quotes a message sent by an engineer aboard the ship to a friend four days before the fire. "
            "Ivo Tarn led the inquiry.\n\n‘It is held together with tape,’ the engineer wrote.\n\nThe engineer was "
            "Maryam Siddiqui.")
    assert speaker_of(text, "held together with tape") == "Maryam Siddiqui"


def test_a_person_a_feature_opens_on_by_what_they_do_is_the_one_named_next() -> None:
    text = ("RIVER RUNS BROWN\n\nBy Ana Lind, Environment Correspondent\n\n“You can smell it from the bridge before "
            "you see it,” says the man who has walked the upper Marrow every morning for nineteen years.\n\nIvo Tarn "
            "is the river keeper for the Marrow Angling Club. He counts the dead fish.")
    assert speaker_of(text, "You can smell it") == "Ivo Tarn"


def test_a_family_is_not_the_person_in_view() -> None:
    text = ("Ivo Tarn, 22, and Engineer Ana Lind, 31, died in the fire.\n\nThe parents of Ivo Tarn, Owen and Mari "
            "Tarn, spoke on Tuesday. Owen Tarn said he had been proud of his son.\n\nThe family of Engineer Lind said "
            "in a statement that she had been kind, and asked for privacy.")
    # (the family speaks as itself, named by its member: speakers.family-of-named; never the member in view)
    assert speaker_of(text, "she had been kind") == "family of Ana Lind"


def test_a_kin_noun_with_of_and_a_name_is_that_persons_relative() -> None:
    text = ("Ivo Tarn and his wife, Mira Tarn, run the bakery. Nora Vell, a neighbour, said the shop was busy.\n\n"
            "The husband of Mira Tarn said they would stay.")
    assert speaker_of(text, "they would stay") == "Ivo Tarn"


def test_a_first_name_alone_is_the_one_person_introduced_with_it() -> None:
    text = ("I appeared on the show hosted by Ana Lind that night. Earlier, the prosecutor, Nora Vell, had said the "
            "sentence was fair.\n\nI told Ana that the sentence had confirmed my faith. Ana was incredulous. “Only "
            "you would say that,” she said.")
    assert speaker_of(text, "Only you would say that") == "Ana Lind"


@pytest.mark.parametrize("text", [
    "The Kestrel Globe reported that Mira Oduya had resigned. She said she was tired of the fights.",
    "Officials said Mira Oduya had resigned on Friday. She said she was tired of the fights.",
])
def test_a_person_named_only_in_reported_words_is_the_he_or_she_after_them(text: str) -> None:
    # nobody else is in view: the one person the report named is who the reader takes the "she" for
    assert speaker_of(text, "she was tired") == "Mira Oduya"


def test_a_person_named_in_quoted_words_is_not_the_he_or_she_after_them() -> None:
    text = "“Mira Oduya is gone,” the board said. She said she was tired of the fights."
    assert speaker_of(text, "she was tired") is None


def test_an_unnamed_source_described_in_the_opening_is_not_the_person_named_after() -> None:
    # (speakers.named-after-lede is for a feature's "the man who ...", not for a source whose name is withheld)
    text = ("LAKEVIEW (The Kestrel Globe) — The clinic will close its night ward, according to a senior official. "
            "The official, who was not authorized to discuss staffing, said the ward had lost four nurses. The "
            "clinic's director, Ivo Tarn, said the ward \"will stay open through the winter.\"")
    assert speaker_of(text, "the ward had lost four nurses") is None
