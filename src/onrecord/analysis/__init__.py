"""Cross-article analysis: speaker identity across articles (:mod:`onrecord.analysis.speakers`)."""

from onrecord.analysis.speakers import (
    ORGANISATION,
    PERSON,
    Candidate,
    Directory,
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
    "Candidate",
    "Directory",
    "MemoryDirectory",
    "Mention",
    "Name",
    "PairScore",
    "link",
    "mention_name",
    "parse_name",
    "score_pairs",
]
