"""A name after a rank's abbreviation ("Army Sgt. Ivo Marsh") is the speaker (issue 17, session 28): spaCy's
tokenizer split "Sgt." and took its period for a sentence's end; onrecord's tokenizer keeps the lexicon's
abbreviations whole (nlp/pipeline.py). With look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("“I really don't understand it,” said Air Force 1st Lt. Ivo Marsh, who was waiting in line.",
     "Air Force 1st Lt. Ivo Marsh, who was waiting in line", "Ivo Marsh"),
    ("“I was hoping for something else,” said Army Sgt. Ivo Marsh. “We all were.”", "Army Sgt. Ivo Marsh",
     "Ivo Marsh"),
    # look-alikes: a title the tokenizer keeps whole; a rank as a description, a name in the next sentence
    ("“The vote was close,” said Sen. Ana Lind. “We won.”", "Sen. Ana Lind", "Ana Lind"),
    ("“The vote was close,” said the sergeant. Ivo Marsh disagreed.", "the sergeant", None),
])
def test_name_after_a_rank(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker
