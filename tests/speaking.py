"""What the end-to-end speaker tests ask of one made-up passage: the speaker onrecord gives a statement."""

from __future__ import annotations

import onrecord


def speaker_of(text: str, content: str) -> str | None:
    """The speaker of the first statement whose content holds ``content`` (the test fails when none does)."""
    found = [a for a in onrecord.extract(text).attributions if content in text[a.content.start : a.content.end]]
    assert found, content
    return found[0].speaker
