"""The values the flags compare and raise: a :class:`Statement` (one attribution with its claim and where it stands)
and a :class:`Flag` (two statements that do not agree, or a document's record), with their ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from onrecord.provenance.claims import Claim
from onrecord.provenance.parties import named_in
from onrecord.types import Attribution

FlagKind: TypeAlias = Literal["reversal", "conflict", "document"]
Rating: TypeAlias = Literal["full", "half"]

#: Media whose statements are a document's words ("In the letter, Seely wrote ...").
DOCUMENT_MEDIA = frozenset({"letter", "court_filing", "document"})


@dataclass(frozen=True, slots=True)
class Statement:
    """One attribution with its claim and where it stands: the unit the flags compare."""

    article: str  # the article's key: its id in the store, or its document id
    ordinal: int  # its place in the article's attributions
    attribution: Attribution
    claim: Claim
    text: str  # the content as written
    published: str | None = None
    outlet: str | None = None
    document: str | None = None  # the document whose words these are ("letter"), if any
    story: frozenset[str] = frozenset()  # the names its article gives (onrecord.provenance.article_names)

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker

    @property
    def person(self) -> str | None:
        """The speaker, else the name a description ends with ("Her spokesman, Colm Adair")."""
        return self.attribution.speaker or named_in(self.attribution.speaker_description)

    @property
    def party(self) -> str | None:
        """Who holds this position: the speaker, else the document, else the source as written ("the
        grievance", "a senior official")."""
        a = self.attribution
        if self.document:
            return f"the {self.document}"  # (its author, if named, is the statement's speaker)
        return a.speaker or a.speaker_description or None

    def ref(self) -> dict[str, Any]:
        a = self.attribution
        return {
            "article": self.article, "ordinal": self.ordinal, "speaker": a.speaker, "document": self.document,
            "text": self.text, "cue": None, "published": self.published, "outlet": self.outlet,
            "content": a.content.to_list(), "medium": a.medium, "type": a.type,
            "via": [r.name or r.outlet for r in a.via],
        }


@dataclass(frozen=True, slots=True)
class Flag:
    """A suggestion with its evidence, never a verdict: two statements that do not agree, or a document's record."""

    kind: FlagKind
    subject: str
    reason: str
    a: dict[str, Any] | None = None  # the earlier statement (Statement.ref())
    b: dict[str, Any] | None = None
    rating: Rating | None = None
    speaker: str | None = None  # a reversal's speaker; a conflict's first party; a document's author
    other: str | None = None  # a conflict's second party
    evidence: tuple[str, ...] = ()  # the words that decided it ("not closing", "shut", "belies")
    document: dict[str, Any] | None = None  # a document flag's record (onrecord.provenance.documents)
    concept: str | None = None  # the predicate concept the two statements disagree on ("leave", "close")
    also: tuple[tuple[dict[str, Any], dict[str, Any]], ...] = ()  # other pairs of statements saying the same

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "rating": self.rating, "subject": self.subject, "reason": self.reason,
            "speaker": self.speaker, "other": self.other, "evidence": list(self.evidence),
            "a": self.a, "b": self.b, "document": self.document, "concept": self.concept,
            "also": [list(p) for p in self.also],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        return cls(
            kind=data["kind"], subject=data.get("subject", ""), reason=data.get("reason", ""), a=data.get("a"),
            b=data.get("b"), rating=data.get("rating"), speaker=data.get("speaker"), other=data.get("other"),
            evidence=tuple(data.get("evidence", ())), document=data.get("document"), concept=data.get("concept"),
            also=tuple((p[0], p[1]) for p in data.get("also", ())),
        )

    def pairs(self) -> tuple[tuple[dict[str, Any] | None, dict[str, Any] | None], ...]:
        """Every pair of statements this flag stands for: its own, then the others saying the same."""
        return ((self.a, self.b), *self.also)


__all__ = ["DOCUMENT_MEDIA", "Flag", "FlagKind", "Rating", "Statement"]
