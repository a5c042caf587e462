"""The people of a Q&A interview (session 31, speakers.interviewee): "I" in an answer and "you" in a question are
the person interviewed, also where each question's "Q" stands against its first word ("QWhy ...") and where an
answer runs on over a paragraph with no label. Look-alikes: an "I" in a question, an "I" in an article with
answers but no questions, and an "I" in a quotation inside an answer. And a name whose UTF-8 letters were read as
Windows-1252 ("JosÃ©") is given as written."""

from __future__ import annotations

import unicodedata

import pytest

from speaking import speakers

_INTRO = ("Ana Lind sees hope for the harbour; \nFormer mayor Ana Lind wrote a guide to the harbour. She sat "
          "down this week with us to talk about the storm and Governor Ivo Tarnberg.\n\n")
_GLUED = (_INTRO + "QThe pier has been shut for a year. Why?\n\nA: Because the storm came, I think. I believe the "
          "council waited too long.\n\nQLast spring, the governor changed course. You thanked him for that.\n\nA: "
          "Yes, it mattered.\n\nWe rebuilt the sea wall in a year. In fact, I suspect the new wall is stronger.\n\n"
          "QWill you vote for him?\n\nA: That is my own business.\n")


@pytest.mark.parametrize(("text", "source"), [
    (_GLUED, "I"),
    (_GLUED, "You"),
    (_INTRO + "Q: Why did the pier close?\n\nA: The storm came.\n\nQ: And then?\n\nA: Then the council met.\n\nWe "
     "rebuilt the wall. I suspect it is stronger now.\n", "I"),
])
def test_interviewee_speaks_as_i_and_is_asked_as_you(text: str, source: str) -> None:
    assert speakers(text)[source] == "Ana Lind"


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # an "I" in a question is the interviewer's: not the person answering
    (_INTRO + "QI suspect the storm was worse than the town says. Was it?\n\nA: It was bad.\n\nQWhy?\n\nA: The "
     "wall broke.\n", "I", None),
    # answers labelled but no questions: no interview read into it
    ("Ana Lind sees hope for the harbour; \nFormer mayor Ana Lind wrote a guide to the harbour.\n\nA: the "
     "guide.\n\nA: the map.\n\nThe council met on Monday. I suspect the wall will hold.\n", "I", None),
])
def test_interviewee_lookalikes(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text).get(source) == speaker


def test_interviewee_not_a_person_quoted_in_an_answer() -> None:
    text = (_INTRO + "Q: What did the governor say?\n\nA: He told me, “I think the wall will hold,” and left.\n\n"
            "Q: Did it?\n\nA: It did.\n")
    assert speakers(text).get("He") != "Ana Lind"


@pytest.mark.parametrize("written", ["JosÃ© Okonjo", unicodedata.normalize("NFD", "JosÃ© Okonjo")])
def test_name_read_as_windows_1252_is_given_as_written(written: str) -> None:
    text = f"Mayor {written} spoke on Monday. “The pier stays shut,” said {written}, who chairs the board."
    assert "José Okonjo" in speakers(text).values()
