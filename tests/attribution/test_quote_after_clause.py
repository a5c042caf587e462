"""A closed quotation and, after it, a new sentence whose verb of saying goes on with a clause of its own: that
verb's content is the clause, and the quotation goes on with the cue before it. End to end with the real model;
every passage is made up."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.settings import Settings

pytestmark = pytest.mark.model


def _cue_of(text: str, content: str) -> str | None:
    found = [a for a in onrecord.extract(text, settings=Settings(cue_span="word")).attributions
             if content in text[a.content.start : a.content.end]]
    assert found, content
    cue = found[0].cue
    return None if cue is None else text[cue.start : cue.end]


def test_a_quotation_before_an_added_clause_keeps_the_cue_before_it() -> None:
    text = ("The ferry will stop in January.\n\n"
            "“We tried every timetable,” said Moira Quell, the operator’s manager. “The numbers never came back.” "
            "She added that the company had “no plans to sell the boats.”")
    assert _cue_of(text, "The numbers never came back.") == "said"
    assert _cue_of(text, "no plans to sell the boats") == "added"


def test_a_quotation_before_a_said_clause_keeps_the_cue_before_it() -> None:
    text = ("The island council met on Monday.\n\n"
            "“This island is being cut off,” Ben Hadley told reporters. “Nobody asked the people who live here.” "
            "He said he would raise it with the minister.")
    assert _cue_of(text, "Nobody asked the people who live here.") == "told"


def test_a_cue_in_the_quotation_sentence_keeps_it_whatever_follows() -> None:
    """The look-alike: the verb of saying in the quotation's own sentence is its cue, though a clause follows."""
    text = ("The ferry will stop in January.\n\n"
            "“The numbers never came back,” Moira Quell said, adding that the boats would stay in the harbour.")
    assert _cue_of(text, "The numbers never came back") == "said"


def test_a_quotation_after_a_colon_lead_is_left_to_the_lead() -> None:
    """The look-alike: after a lead-in's colon the rule stands aside, and the quotation keeps the speaker."""
    text = ("The two met on the stage in Harwick.\n\n"
            "Ana Lind had a quick reply: “No one is closing the pier. We are going ahead.” She argued that the costs "
            "were far lower than the council said.")
    found = [a for a in onrecord.extract(text).attributions
             if "No one is closing the pier" in text[a.content.start : a.content.end]]
    assert found and found[0].speaker == "Ana Lind"
