"""The claim and the flags of an invented text, for the provenance tests (tests/provenance/test_positions,
test_places, test_set_phrases)."""

from __future__ import annotations

from onrecord.api import extract
from onrecord.provenance import Claim, Flag
from onrecord.settings import Settings

#: Every statement (the provenance step reads indirect ones too).
BROAD = Settings(scope="all", provenance=True)


def only(text: str) -> Claim:
    """The claim of the one statement ``text`` holds."""
    extraction = extract(text, settings=BROAD)
    assert extraction.provenance is not None
    (claim,) = extraction.provenance.claims
    return claim


def flags_of(text: str, kind: str) -> list[Flag]:
    """The flags of ``kind`` (reversal, conflict, document) within ``text``."""
    extraction = extract(text, settings=BROAD)
    assert extraction.provenance is not None
    return [f for f in extraction.provenance.flags if f.kind == kind]
