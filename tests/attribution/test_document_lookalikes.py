"""Look-alikes of the document and organisation rules of session 24: phrases that resemble what those rules
read but must keep their speaker (see speakers.named-organisation, speakers.document-of-named-maker,
speakers.document-named-next, speakers.lead-author)."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.settings import Settings

ALL = Settings(scope="all")


def speakers(text: str) -> dict[str, str | None]:
    return {a["source_text"]: a.get("speaker") for a in extract(text, settings=ALL).to_dict()["attributions"]}


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a body and a person joined by "and": not one name
    ("The Ministry of Labour and Ana Tarn said in a statement that they had closed the agency.",
     "The Ministry of Labour and Ana Tarn", "Ministry of Labour"),
    # "and" before a lower-case body: not one name
    ("The Ministry of Ports and the harbour police said in a statement that they had closed the pier.",
     "The Ministry of Ports and the harbour police", "Ministry of Ports"),
    # "for" before what is no name
    ("The Lakeview Rowing Club for the third year said the race would go ahead.",
     "The Lakeview Rowing Club for the third year", "Lakeview Rowing Club"),
    # the poll named again with no maker: nobody known
    ("A new statewide poll has found that Lind holds a narrow lead over Okafor. The poll, which Ivo Tarn called "
     "flawed, was taken before the debate.", "A new statewide poll", None),
    # a study led by a team nobody names: its authors stay unnamed
    ("The survey, led by a team of marine biologists, analysed 900 samples of perch. As the lake warmed, the "
     "authors report, the fish grew smaller.", "the authors", None),
])
def test_a_look_alike_keeps_its_speaker(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker
