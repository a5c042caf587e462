"""Value types passed between stages.

Every record is a frozen dataclass; spans are character offsets into the article's text as given
(after decoding), end exclusive. Identity (database ids, run timestamps) belongs to the store, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The kinds of attribution, by how the content is rendered.
ATTRIBUTION_TYPES = ("direct", "indirect", "mixed", "unknown")

#: The channels a statement can come through.
MEDIA = (
    "statement",
    "remarks",
    "interview",
    "post",
    "letter",
    "court_filing",
    "press_conference",
    "document",
    "unknown",
)

#: What kind of cue introduced the content: speech acts, beliefs/intentions, or documents/reports.
CUE_KINDS = ("speech", "belief", "document")

#: What kind of speaker the source refers to.
SPEAKER_KINDS = ("person", "organisation", "anonymous", "unknown")


@dataclass(frozen=True, slots=True, order=True)
class CharSpan:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: CharSpan) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: CharSpan) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_list(cls, value: Any) -> CharSpan | None:
        if value is None:
            return None
        start, end = value
        return cls(int(start), int(end))


@dataclass(frozen=True, slots=True)
class Article:
    """A document to read: its text and what is known about it."""

    text: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given
    author: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "author": self.author,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            id=data.get("id"),
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=data.get("published") or data.get("date"),
            author=data.get("author"),
        )


@dataclass(frozen=True, slots=True)
class Relay:
    """Who passed a statement on ("according to Washington Post reporter Mustafa Salim")."""

    span: CharSpan  # the relay mention as written
    name: str | None = None  # a person ("Mustafa Salim"), when one is named
    outlet: str | None = None  # an organisation ("Washington Post", "the New York Times")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "outlet": self.outlet, "span": self.span.to_list()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relay:
        return cls(span=CharSpan.from_list(data["span"]), name=data.get("name"), outlet=data.get("outlet"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: what was said, by whom, through which channel, relayed by whom."""

    content: CharSpan
    source: CharSpan | None = None  # the mention the cue attaches to, as written
    cue: CharSpan | None = None
    speaker: str | None = None  # resolved fullest name; None when anonymous or unknown
    speaker_kind: str = "unknown"
    speaker_description: str | None = None  # "a senior official" when the speaker is unnamed
    type: str = "unknown"
    medium: str = "unknown"
    cue_kind: str = "speech"
    via: tuple[Relay, ...] = ()
    confidence: float = 0.5

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """The FORMAT.md shape plus onrecord's fields; with ``text``, the covered strings too."""
        out: dict[str, Any] = {
            "content": self.content.to_list(),
            "source": self.source.to_list() if self.source is not None else None,
            "cue": self.cue.to_list() if self.cue is not None else None,
            "speaker": self.speaker,
            "type": self.type,
            "medium": self.medium,
            "via": [r.to_dict() for r in self.via],
            "confidence": round(self.confidence, 3),
            "speaker_kind": self.speaker_kind,
            "speaker_description": self.speaker_description,
            "cue_kind": self.cue_kind,
        }
        if text is not None:
            out["content_text"] = self.content.of(text)
            out["source_text"] = self.source.of(text) if self.source is not None else None
            out["cue_text"] = self.cue.of(text) if self.cue is not None else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            content=CharSpan.from_list(data["content"]),
            source=CharSpan.from_list(data.get("source")),
            cue=CharSpan.from_list(data.get("cue")),
            speaker=data.get("speaker"),
            speaker_kind=data.get("speaker_kind", "unknown"),
            speaker_description=data.get("speaker_description"),
            type=data.get("type", "unknown"),
            medium=data.get("medium", "unknown"),
            cue_kind=data.get("cue_kind", "speech"),
            via=tuple(Relay.from_dict(r) for r in data.get("via") or ()),
            confidence=float(data.get("confidence", 0.5)),
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """A part of an article that extraction could not use, and why (e.g. an unbalanced quotation mark)."""

    reason: str
    span: CharSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "span": self.span.to_list() if self.span is not None else None}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    pipeline_version: str = ""
    model: str = ""

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """One JSONL record in the FORMAT.md shape (``id``, ``text``, ``attributions``) plus metadata."""
        art = self.article
        out: dict[str, Any] = {"id": art.id}
        for key in ("title", "outlet", "url", "published", "author"):
            value = getattr(art, key)
            if value is not None:
                out[key] = value
        if include_text:
            out["text"] = art.text
        out["attributions"] = [a.to_dict(art.text) for a in self.attributions]
        out["skipped"] = [s.to_dict() for s in self.skipped]
        out["pipeline"] = {"version": self.pipeline_version, "model": self.model}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        pipe = data.get("pipeline") or {}
        return cls(
            article=Article.from_dict(data),
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions") or ()),
            skipped=tuple(
                Skipped(reason=s["reason"], span=CharSpan.from_list(s.get("span")))
                for s in data.get("skipped") or ()
            ),
            pipeline_version=pipe.get("version", ""),
            model=pipe.get("model", ""),
        )


__all__ = [
    "ATTRIBUTION_TYPES",
    "CUE_KINDS",
    "MEDIA",
    "SPEAKER_KINDS",
    "Article",
    "Attribution",
    "CharSpan",
    "Extraction",
    "Relay",
    "Skipped",
]
