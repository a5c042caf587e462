"""Cross-article analysis: speaker identity across articles (:mod:`onrecord.analysis.identity`)."""

from onrecord.analysis.identity import (
    ORGANISATION,
    PERSON,
    Directory,
    KnownPerson,
    MemoryDirectory,
    Mention,
    Name,
    PairScore,
    link,
    mention_name,
    parse_name,
    score_pairs,
)

__all__ = [
    "ORGANISATION",
    "PERSON",
    "Directory",
    "KnownPerson",
    "MemoryDirectory",
    "Mention",
    "Name",
    "PairScore",
    "link",
    "mention_name",
    "parse_name",
    "score_pairs",
]
