"""The claim and the flags of an invented text, or of two articles, for the provenance tests
(tests/provenance/test_positions, test_places, test_set_phrases, test_concessions, test_hoped, test_recounted)."""

from __future__ import annotations

from onrecord.api import extract, extract_many
from onrecord.provenance import Claim, Flag, statements
from onrecord.provenance.flags import group_flags, pair_flags
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

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


def flags_across(first: str, second: str, *, later: str = "2026-05-01") -> list[Flag]:
    """The grouped flags of the statements of ``second`` (published ``later``) against those of ``first`` (published
    2026-03-01): what the store raises across two articles."""
    articles = [Article(id="a1", published="2026-03-01", text=first), Article(id="a2", published=later, text=second)]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    return group_flags(pair_flags(said[1], against=said[0]))
