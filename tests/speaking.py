"""What the end-to-end speaker tests ask of one made-up passage: the speaker onrecord gives a statement."""

from __future__ import annotations

import onrecord
from onrecord.settings import Settings


def speaker_of(text: str, content: str) -> str | None:
    """The speaker of the first statement whose content holds ``content`` (the test fails when none does)."""
    found = [a for a in onrecord.extract(text).attributions if content in text[a.content.start : a.content.end]]
    assert found, content
    return found[0].speaker


def speakers(text: str) -> dict[str, str | None]:
    """Each statement's source as written -> the speaker onrecord gives it, in the ``all`` scope (beliefs and
    documents too)."""
    found = onrecord.extract(text, settings=Settings(scope="all")).to_dict()["attributions"]
    return {a["source_text"]: a.get("speaker") for a in found}
