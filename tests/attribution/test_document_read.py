""""“…,” the email read." where the tagger takes "read" for a noun, "email" for its compound and "the" for its
article (issue 17, session 27): the mention is the document, definite, and speaks for who sent it; and the
look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("The Tarn campaign sent a fundraising email on Wednesday. \"Friend, let me be blunt. I can win,\" the email "
     "read.", "the email", "Tarn campaign"),
    # look-alike: the parse that reads "read" as a verb: as before
    ("The club denied the claims in a statement. \"We were shocked,\" the statement read.", "the statement", "club"),
])
def test_document_read_as_a_compound(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker
