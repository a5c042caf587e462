"""The one a sentence asks by role answers: "Ana Lind asked the captain what he would say. “…,” he said" is the
captain introduced as "Capt. David Okafor" (a title the tokenizer split from its period), not the last man who
spoke (issue 17, session 28); with look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers

_OPENING = ("Capt. David Okafor had flown for 26 years. The airline's director of operations, Tomas Brandt, said the "
            "crew had been offered time off. He said both had asked to return.\n\n")
_ANSWER = "\n\n“Every pilot wants to go home for dinner,” he said."


@pytest.mark.parametrize(("text", "speaker"), [
    (_OPENING + "Back in the studio, Ana Lind asked the captain what he would say to nervous flyers." + _ANSWER,
     "David Okafor"),
    # look-alikes: nobody asked by role; the one asked answers in the narration, then another man speaks
    (_OPENING + "Back in the studio, Ana Lind asked the passengers what they had seen." + _ANSWER, "Tomas Brandt"),
    (_OPENING + "Back in the studio, Ana Lind asked the captain what he would say to nervous flyers, and Brandt "
     "answered." + _ANSWER, "Tomas Brandt"),
])
def test_asked_by_role_answers(text: str, speaker: str) -> None:
    assert speakers(text)["he"] == speaker
