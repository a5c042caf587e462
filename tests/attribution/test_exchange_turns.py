"""Exchanges told as quotation after quotation (issue 17, session 31): the one who answers by a role the article
gave nobody is the person answered, not the one just quoted; a Q&A's answers are the person the paragraph before
it has someone speak with; a transcript's "Q:" lines whose answers are labelled by name are statements too.
Invented passages, each with look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

import onrecord
from speaking import speaker_of

pytestmark = pytest.mark.model

_BRIEFING = ("Harbour Undersecretary Colm Ardagh-Pereira said on Monday that fuel stocks would last the winter.\n\n"
             "“Some dealers are holding back diesel. They know who they are,” he said.\n\n"
             "“Will you name them?” asked Lotte Vranckx of the Coastal Courier.\n\n")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    (_BRIEFING + "“Not this week,” the undersecretary said.", "Not this week", "Colm Ardagh-Pereira"),
    ("The committee questioned the ferry board's director on Thursday.\n\n"
     "“Who signed the contract, Mr. Okonjo?” Freya Lindqvist-Amari asked.\n\n"
     "“I would have to look at the file,” Pieter Okonjo said.\n\n"
     "“Then look, and send it to the clerk by Friday,” the chair replied.",
     "send it to the clerk", "Freya Lindqvist-Amari"),
    ("“Were you at the quay that night?” prosecutor Dunja Marinkovic-Ray asked.\n\n"
     "“I was at home,” Tobias Engqvist said.\n\n“Your phone says otherwise,” Marinkovic-Ray said.\n\n"
     "“Then my phone was at the quay,” the witness answered.", "my phone was at the quay", "Tobias Engqvist"),
    # look-alikes: a role the article gave someone is that person; a role noun outside a turn of its own
    (_BRIEFING + "Fleet manager Ines Halvorsen-Dube joined the briefing late.\n\n"
     "“Not this week,” the manager said.", "Not this week", "Ines Halvorsen-Dube"),
    (_BRIEFING + "The undersecretary said he would not answer.", "he would not answer", "Colm Ardagh-Pereira"),
])
def test_role_answering_in_turn(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_QA = ("Coach Ilona Varga-Szabo said her side had been robbed.\n\n“Nobody can tell me that was a foul,” Varga-Szabo "
       "said.\n\n“We will write to the league,” she said.\n\n"
       "After the game, a pool reporter, Aksel Brandvold of the Fjord Herald, {verb} umpire Joaquim Serrat-Lobo. "
       "The league released the transcript:\n\n"
       "Q: What did you see on the last play?\n\n"
       "A: Contact on the shooter before the ball left her hand.\n\n"
       "Q: Could it be reviewed?\n\n"
       "A: No. Fouls are not reviewable.")


@pytest.mark.parametrize(("verb", "speaker"), [
    ("spoke with", "Joaquim Serrat-Lobo"),
    ("interviewed", "Joaquim Serrat-Lobo"),
    # look-alike: nobody is spoken with before the Q&A: the person the article names most often answers
    ("stood beside", "Ilona Varga-Szabo"),
])
def test_qa_answers_are_the_one_spoken_with(verb: str, speaker: str) -> None:
    assert speaker_of(_QA.format(verb=verb), "Fouls are not reviewable") == speaker


_NAMED_TRANSCRIPT = ("Minister Halla Rautio-Byrne took questions at the port on Tuesday. From the transcript the "
                     "ministry released:\n\n"
                     "Q: Minister, will the ferry fares rise in spring?\n\n"
                     "RAUTIO-BYRNE: That is for the board to decide. We have sent it our view.\n\n"
                     "Q: What is the view?\n\n"
                     "RAUTIO-BYRNE: That one I will keep for the board.")


def test_questions_of_a_named_transcript() -> None:
    found = onrecord.extract(_NAMED_TRANSCRIPT).attributions
    said = {_NAMED_TRANSCRIPT[a.content.start : a.content.end] for a in found}
    assert "Minister, will the ferry fares rise in spring?" in said
    assert "What is the view?" in said
    assert speaker_of(_NAMED_TRANSCRIPT, "That one I will keep") == "Halla Rautio-Byrne"


def test_a_lone_question_label_is_no_transcript() -> None:
    """Look-alike: a "Q:" line no named line answers (a reader's question in a column) stays unread."""
    text = ("Readers asked about the ferry.\n\nQ: Will the ferry fares rise in spring?\n\n"
            "The board has not said, and the ministry has sent it its view.")
    found = onrecord.extract(text).attributions
    assert not any("ferry fares rise" in text[a.content.start : a.content.end] for a in found)



_ASKED = ("Harbour coach Ivo Tarn said his side had been \"robbed in daylight\" after a late penalty.\n\n"
          "\"It was never a penalty,\" Tarn said.\n\n")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a reporter's question in a participle: the he/she who answers is the one asked, not the reporter
    (_ASKED + "Asked by a reporter whether he would complain to the league, he said the club would \"write a "
     "letter nobody reads.\"", "write a letter nobody reads", "Ivo Tarn"),
    # look-alike: a reporter who asks in a clause of its own is who "he" follows when nobody else is in view
    ("A reporter for the Fjord Herald, Aksel Brandvold, asked about the league.\n\nHe said the league would \"read "
     "the letter with care.\"", "read the letter with care", "Aksel Brandvold"),
])
def test_the_one_asked_by_a_reporter_answers(text: str, content: str, speaker: str | None) -> None:
    assert speaker_of(text, content) == speaker


_HEARING = ("The ranking member, Rep. Halla Quist-Moreno, pressed the airline's chief on the warnings.\n\n"
            "\"Did you read them?\" Quist-Moreno asked.\n\n\"I read one of them,\" Bram Odenkirk-Lal said.\n\n")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a question with no cue after an answer to a question: the one who asked goes on asking
    (_HEARING + "\"Which one?\"\n\n\"The one about the winter,\" the chief said.", "Which one?", "Halla Quist-Moreno"),
    # look-alikes: a statement with no cue carries the one who answered on; so does a question after a statement
    (_HEARING + "\"The one about the winter.\"\n\nThe room went quiet.", "The one about the winter",
     "Bram Odenkirk-Lal"),
    ("\"We read every report,\" Halla Quist-Moreno said.\n\n\"I read one of them,\" Bram Odenkirk-Lal said.\n\n"
     "\"Which one?\"", "Which one?", "Bram Odenkirk-Lal"),
])
def test_a_follow_up_question_is_the_askers(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker
