"""The sourcing of each attribution of an invented text, for the sourcing tests (tests/provenance/test_sourcing*)."""

from __future__ import annotations

from onrecord.nlp import load_pipeline
from onrecord.provenance.sourcing import Sourcing, sourcing
from onrecord.settings import Settings

BROAD = Settings(scope="all")
#: The outlet the invented texts are published by.
OUTLET = "Harbour Gazette"


def found(text: str, outlet: str | None = OUTLET) -> list[tuple[str, Sourcing]]:
    """(the source mention, its sourcing) for each attribution of ``text``."""
    doc = load_pipeline(BROAD)(text)
    attributions = doc._.onrecord_attributions
    return [(a.source.of(text) if a.source else "", s)
            for a, s in zip(attributions, sourcing(doc, attributions, outlet=outlet), strict=True)]
