"""The people of a Q&A interview: "I" in an answer, "you" in a question.

An interview laid out as questions and answers ("Q: ..." / "A: ..."; see
:func:`onrecord.attribution.qa_layout.qa_turns`) speaks in the first person of the one answering, and its
questions speak to them. Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which
states the precedence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.attribution.qa_layout import qa_turn
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.rules import rule

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention

#: The pronouns of the one answering: "I" in their answers, "you" in the questions put to them.
_ANSWERER_IN = {"i": "A", "me": "A", "you": "Q"}


@rule(
    "speakers.interviewee",
    ("Former mayor Ana Lind wrote a guide to the harbour. She spoke to us this week.\n\nQWhy did the pier close?\n\n"
     "A: The storm came, I think. I believe the council waited too long.\n\nQThe council reopened it. You welcomed "
     "that.\n\nA: Yes.", "Ana Lind"),
)
def interviewee(case: Mention) -> Speaker | None:
    """"I" outside quotation marks in an answer of a Q&A interview, or "you" in one of its questions, is the person
    interviewed: the one its introduction names most (see :func:`onrecord.attribution.transcripts.qa_speakers`).
    Not an "I" in a question (the interviewer's), nor one in an article without questions and answers."""
    head, r = case.head, case.resolver
    turn = _ANSWERER_IN.get(head.lower_)
    if turn is None or r.index.inside(head.idx):
        return None
    turns, answering = r.interview()
    if not turns or answering is None or qa_turn(r.text, turns, head.idx) != turn:
        return None
    return Speaker(answering, "person")


__all__ = ["interviewee"]
