"""How a Q&A interview is laid out: its questions and answers, by the paragraphs their labels open.

Plain text, no parse: :mod:`onrecord.attribution.transcripts` reads the turns as statements, and speaker resolution
(:mod:`onrecord.attribution.resolution.interview_rules`) reads who "I" and "you" are in them.
"""

from __future__ import annotations

import re

__all__ = ["QA_LABEL", "qa_turn", "qa_turns"]

#: A Q&A line's label: "Q" or "A" with a colon or full stop, opening a paragraph.
QA_LABEL = re.compile(r"^[\"“]?([QA])[:.][ \t]+(?=\S)", re.MULTILINE)
#: A question whose "Q" lost its colon and stands against the question's first word ("QWhy stop now?"), as copy
#: that set the label in bold gives it; only read as a label beside answers labelled "A:" (see :func:`qa_turn`).
_GLUED_Q = re.compile(r"^[\"“]?Q(?=[A-Z][a-z’'\s])", re.MULTILINE)


def qa_turns(text: str) -> list[tuple[int, str]]:
    """A Q&A's turns, by where their paragraphs start and their label: the lines labelled "Q:" and "A:", and
    questions whose "Q" stands against their first word where two answers or more are labelled "A:". Empty
    where the article has no questions or fewer than two answers."""
    found = [(m.start(), m.group(1)) for m in QA_LABEL.finditer(text)]
    answers = sum(label == "A" for _, label in found)
    if answers < 2:
        return []
    found += [(m.start(), "Q") for m in _GLUED_Q.finditer(text)]
    return sorted(found) if any(label == "Q" for _, label in found) else []


def qa_turn(text: str, turns: list[tuple[int, str]], at: int) -> str | None:
    """The label ("Q" or "A") of the turn of ``turns`` (:func:`qa_turns`) that holds character ``at``: the last to
    open a paragraph at or before it (an answer runs on over paragraphs of its own with no label); None before
    the first."""
    start = text.rfind("\n", 0, at) + 1
    return next((label for s, label in reversed(turns) if s <= start), None)
