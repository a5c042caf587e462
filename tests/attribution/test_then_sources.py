"""A finite verb of saying after ", then" with no subject of its own ("Ana Lind offered the man a job, then says
..."): the parser hung it on the first verb or hung the first clause under it; the first verb's subject is its
source (subjects._before_then). Every passage is made up; the look-alike with its own subject keeps it."""

from __future__ import annotations

import pytest

from speaking import source_by_cue


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        pytest.param(
            "Mr. Tarn jokingly offered the man a job as harbour master, then says he will welcome anyone who wants "
            "to help.", "says", "Mr. Tarn", id="then-says-hung-on-the-first-verb",
        ),
        pytest.param(
            "Ms. Lind thanked the crew, then said the ferry would sail on Friday.", "said", "Ms. Lind",
            id="first-clause-hung-under-then-said",
        ),
        # look-alike: a subject of its own after "then" stays the source
        pytest.param(
            "Ms. Lind thanked the crew, then the captain said the ferry would sail on Friday.", "said",
            "the captain", id="own-subject-unchanged",
        ),
    ],
)
def test_then_source(text: str, cue: str, source: str | None) -> None:
    assert source_by_cue(text, cue, anywhere=True) == source
