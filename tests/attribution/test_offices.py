"""An office named by several phrases: "Chief Financial Officer Ivo Tarn" is "the finance chief" and "the CFO"
later, not the chief executive (issue 17, session 28); with look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.offices import office_of_words
from speaking import speakers

_CALL = ("Lakeview Foods cut its outlook on Tuesday. Chief Executive Ana Lind said demand was weak. Chief Financial "
         "Officer Ivo Tarn said costs would stay high.\n\nAnalysts were unhappy. “Why now?” asked Mira Osei of Harbor "
         "Bank.\n\n")


@pytest.mark.parametrize(("text", "source", "speaker"), [
    (_CALL + "“Because the numbers are in,” the finance chief said.", "the finance chief", "Ivo Tarn"),
    ("Lakeview Foods cut its outlook on Tuesday. Ana Lind, the chief executive, said demand was weak. Ivo Tarn, the "
     "chief financial officer, said costs would stay high.\n\nAnalysts were unhappy. “Why now?” asked Mira Osei of "
     "Harbor Bank.\n\n“Because the numbers are in,” the CFO said.", "the CFO", "Ivo Tarn"),
    # look-alikes: the other office, named by another of its phrases; a bare role word
    (_CALL + "“Because the numbers are in,” the chief executive said.", "the chief executive", "Ana Lind"),
    ("David Okafor, the harbour master, met the crew. The harbour master said the port would close.",
     "The harbour master", "David Okafor"),
])
def test_office_of_several_phrases(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


def test_office_phrases() -> None:
    assert office_of_words(["Chief", "Financial", "Officer"]) == office_of_words(["finance", "chief"]) == \
        office_of_words(["CFO"])
    assert office_of_words(["CEO"]) == office_of_words(["chief", "executive"])
    assert office_of_words(["chief"]) is None and office_of_words(["officer"]) is None
