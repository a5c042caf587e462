"""cues.verb-source.issued-message and cues.verb-source.fronted-phrase-subject: their look-alikes stay as they were."""

import pytest

from onrecord.api import extract


def _sources(text: str) -> list[str | None]:
    return [text[a.source.start : a.source.end] if a.source else None for a in extract(text).attributions]


def test_a_message_someone_read_out_is_not_theirs() -> None:
    # "read" does not make the letter: its reader did not say what it says
    assert _sources("At the rally she read out a letter saying that the plant would “close by May.”") == [None]


def test_a_statement_the_parser_gave_the_verb_s_subject_keeps_it() -> None:
    text = "The club issued a statement on Monday saying the coach had “lost the dressing room.”"
    assert _sources(text) == ["The club"]


def test_a_subject_the_parser_ran_into_a_fronted_phrase_is_the_source() -> None:
    text = "Earlier in the hearing the panel’s chair told the owner that the rent had “doubled overnight.”"
    assert _sources(text) == ["the panel’s chair"]


def test_a_bare_plural_after_a_fronted_phrase_is_left_alone() -> None:
    # no article or possessor opens the words after the phrase's object: the rule does not take them
    text = "Earlier in the week lawyers for the cafe told the panel that the rent had “doubled overnight.”"
    assert _sources(text) == ["lawyers for the cafe"]


def test_with_phrase_cues_the_issuer_is_the_source_and_the_message_part_of_the_cue() -> None:
    import dataclasses

    from onrecord.settings import Settings

    text = 'At the time, she released a statement saying, "The firm has been a trusted partner for years."'
    settings = dataclasses.replace(Settings(), cue_span="phrase", scope="all")
    found = [(text[a.source.start : a.source.end], text[a.cue.start : a.cue.end])
             for a in extract(text, settings=settings).attributions if a.source and a.cue]
    assert found == [("she", "released a statement saying")]
    words = dataclasses.replace(Settings(), cue_span="word", scope="all")
    assert [text[a.source.start : a.source.end] for a in extract(text, settings=words).attributions
            if a.source] == ["a statement"]


def test_the_one_quoted_as_saying_is_the_source() -> None:
    text = "The club's statement quoted its chair, Ana Lind, as saying the season had been “the best in years.”"
    assert _sources(text) == ["its chair, Ana Lind"]


def test_a_release_that_quotes_a_name_is_the_source_and_the_name_the_speaker() -> None:
    text = ("Festival director Ana Lind said the fair had its best year.\n\nThe release quotes Lind:\n\n“This fair "
            "was started by six growers. We are still that fair.”")
    assert _sources(text)[-1] == "The release"
    assert extract(text).attributions[-1].speaker == "Ana Lind"


def test_a_person_who_quotes_another_keeps_the_words() -> None:
    # the look-alike: a person quoting someone says it herself
    text = "Ana Lind quoted Lincoln: “A house divided against itself cannot stand.”"
    assert _sources(text) == ["Ana Lind"]
    assert [a.speaker for a in extract(text).attributions] == ["Ana Lind"]


def _speakers(text: str) -> list[str | None]:
    return [a.speaker for a in extract(text).attributions]


def test_a_reply_given_in_a_message_is_the_replier_s() -> None:
    # "responded in a statement saying", "shot back in an article stating": the message is the one put out by the
    # verb's subject, as with "released a statement saying"
    assert _speakers("The Harbor Workers Guild responded in a statement saying the strike would go on.") == [
        "Harbor Workers Guild"]
    assert _speakers("The Harbor Ledger shot back in an article stating that Port Averly had 79 firms.") == [
        "Harbor Ledger"]


@pytest.mark.parametrize("text", [
    # a message someone read or found: not theirs
    "Ivo Tarn read about the closure in a letter saying the pier would shut.",
    # a fronted message: the statement is the sentence's subject's, and "said" has its own source
    "In a statement defending Ivo Tarn, the Lind campaign said he would be cleared.",
])
def test_messages_not_put_out_by_the_verb_s_subject_are_left_alone(text: str) -> None:
    assert "Ivo Tarn" not in [s for s in _speakers(text) if s]
