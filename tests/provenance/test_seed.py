"""The seed article gives exactly the flags its story holds (read from ../shared/seed at run time)."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.settings import Settings

pytestmark = [pytest.mark.model, pytest.mark.corpus]


def test_the_seed_gives_its_flags(shared_dir) -> None:
    seed = next((shared_dir / "seed").glob("*.txt"), None)
    if seed is None:
        pytest.skip("no seed article")
    extraction = extract(seed.read_text(encoding="utf-8"), settings=Settings(scope="all", provenance=True))
    flags = extraction.provenance.flags
    kinds = sorted(f.kind for f in flags)
    assert kinds == ["conflict", "conflict", "document", "reversal"], [f.to_dict() for f in flags]
    (reversal,) = [f for f in flags if f.kind == "reversal"]
    assert reversal.speaker == "Mark Esper" and reversal.rating == "full"
    conflicts = {frozenset((f.speaker, f.other)): f for f in flags if f.kind == "conflict"}
    esper = conflicts[frozenset(("Mark Esper", "the letter"))]
    assert "inconsistent" in esper.evidence
    trump = conflicts[frozenset(("Donald Trump", "the letter"))]
    assert "unless" in trump.reason and "belies" in trump.evidence
    (document,) = [f for f in flags if f.kind == "document"]
    record = document.document
    assert record["signed"] is False and record["draft"] is True
    assert [(h["by"], h["stance"]) for h in record["authenticity"]] == [("Mark Esper", "disputed"),
                                                                        ("Mark Esper", "confirmed")]
    relays = {(r.name, r.outlet) for a in extraction.attributions for r in a.via}
    assert {"Mustafa Salim", "Paul McCleary"} <= {n for n, _ in relays}
    assert "New York Times" in {o for _, o in relays}
