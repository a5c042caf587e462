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


def source_by_cue(text: str, cue: str, *, anywhere: bool = False) -> str | None:
    """The source, as written, of the first statement (scope all) whose cue begins with ``cue`` (or, with
    ``anywhere``, contains it); None when that statement has no source (the test fails when no cue matches)."""
    statements = onrecord.extract(text, settings=Settings(scope="all")).attributions
    cues = [(a, text[a.cue.start : a.cue.end]) for a in statements]
    found = [a for a, said in cues if (cue in said if anywhere else said.startswith(cue))]
    assert found, cue
    source = found[0].source
    return text[source.start : source.end] if source is not None else None
