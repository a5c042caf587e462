"""cues.raised-subject.passive-regard: "X is widely seen as Y" says what is thought of X, so X belongs to the
claim and is not its source; the active ("Ana Lind sees X as Y") keeps its subject as the source. Invented text;
scope "all" (a belief with no quotation marks is outside the quotes scope)."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.settings import Settings

pytestmark = pytest.mark.model

ALL = Settings(scope="all", cue_span="phrase")


def _statements(text: str) -> list[tuple[str, str | None]]:
    return [(a.content.of(text), a.speaker) for a in onrecord.extract(text, settings=ALL).attributions]


@pytest.mark.parametrize(("text", "content"), [
    ("The old pier is widely seen as a risk to swimmers.", "The old pier is widely seen as a risk to swimmers"),
    ("The harbour master is best known for her work on the breakwater.",
     "The harbour master is best known for her work on the breakwater"),
    ("The north quay was once known as the Long Walk.", "The north quay was once known as the Long Walk"),
])
def test_passive_regard_keeps_its_subject_in_the_claim(text: str, content: str) -> None:
    found = _statements(text)
    assert (content, None) in found, found


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ana Lind sees the old pier as a risk to swimmers.", "the old pier as a risk to swimmers", "Ana Lind"),
    ("Ivo Tarn said the old pier was a risk to swimmers.", "the old pier was a risk to swimmers", "Ivo Tarn"),
])
def test_active_regard_and_saying_keep_their_source(text: str, content: str, speaker: str) -> None:
    found = _statements(text)
    assert (content, speaker) in found, found
