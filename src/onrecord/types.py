"""Value types passed between stages.

Every record is a frozen dataclass; spans are character offsets into the article's text as given
(after decoding), end exclusive. Identity (database ids, run timestamps) belongs to the store, not here.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, get_args

#: The kinds of attribution, by how the content is rendered.
AttributionType: TypeAlias = Literal["direct", "indirect", "mixed", "unknown"]

#: The channels a statement can come through.
Medium: TypeAlias = Literal[
    "statement",
    "remarks",
    "interview",
    "post",
    "letter",
    "court_filing",
    "press_conference",
    "document",
    "unknown",
]

#: What kind of cue introduced the content: speech acts, beliefs/intentions, or documents/reports.
CueKind: TypeAlias = Literal["speech", "belief", "document"]

#: What kind of speaker the source refers to.
SpeakerKind: TypeAlias = Literal["person", "organisation", "anonymous", "unknown"]

#: The same values at run time, in the order written above (one definition: the Literal types).
ATTRIBUTION_TYPES: tuple[AttributionType, ...] = get_args(AttributionType)
MEDIA: tuple[Medium, ...] = get_args(Medium)
CUE_KINDS: tuple[CueKind, ...] = get_args(CueKind)
SPEAKER_KINDS: tuple[SpeakerKind, ...] = get_args(SpeakerKind)

#: What joins an attribution's quoted fragments into one string (``quoted_text``).
QUOTED_SEPARATOR = " … "


@dataclass(frozen=True, slots=True, order=True)
class CharSpan:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if type(self.start) is not int or type(self.end) is not int:  # type(), not isinstance: bool is not an offset
            if not (_is_int(self.start) and _is_int(self.end)):
                raise ValueError(f"invalid span [{self.start!r}, {self.end!r}): offsets must be integers")
            object.__setattr__(self, "start", int(self.start))  # a NumPy integer, say
            object.__setattr__(self, "end", int(self.end))
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
        """``[start, end]`` (integers, or integers written as ``"3"`` or ``3.0``; ``true`` and ``1.5`` are refused) ->
        a span; None -> None."""
        if value is None:
            return None
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise ValueError(f"a span is [start, end], not {_short(value)}")
        return cls(*(_offset(v) for v in value))


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _offset(value: Any) -> int:
    if _is_int(value):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 20:
        return int(value)
    raise ValueError(f"a span offset must be an integer, not {_short(value)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _optional_str(owner: str, name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{owner} {name} must be a string or null, not {type(value).__name__} {_short(value)}")


def _one_of(name: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} {_short(value)} is not one of {', '.join(allowed)}")


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

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise ValueError(f"article text must be a string, not {type(self.text).__name__} {_short(self.text)}")
        for name in ("id", "title", "outlet", "url", "published", "author"):
            _optional_str("article", name, getattr(self, name))

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

    def __post_init__(self) -> None:
        if not isinstance(self.span, CharSpan):
            raise ValueError(f"a relay's span must be a span, not {_short(self.span)}")
        _optional_str("relay", "name", self.name)
        _optional_str("relay", "outlet", self.outlet)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "outlet": self.outlet, "span": self.span.to_list()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relay:
        if not isinstance(data, dict):
            raise ValueError(f"a relay is an object, not {_short(data)}")
        return cls(span=CharSpan.from_list(data.get("span")), name=data.get("name"),  # type: ignore[arg-type]
                   outlet=data.get("outlet"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: what was said, by whom, through which channel, relayed by whom."""

    content: CharSpan
    source: CharSpan | None = None  # the mention the cue attaches to, as written
    cue: CharSpan | None = None
    speaker: str | None = None  # resolved fullest name; None when anonymous or unknown
    speaker_kind: SpeakerKind = "unknown"
    speaker_description: str | None = None  # "a senior official" when the speaker is unnamed
    type: AttributionType = "unknown"
    medium: Medium = "unknown"
    cue_kind: CueKind = "speech"
    via: tuple[Relay, ...] = ()
    confidence: float = 0.5
    # the parts of the content inside quotation marks, without the marks, in order: empty for indirect speech, the
    # content for a direct quotation, the quoted fragments of a mixed one ("called the plan “a fantasy”")
    quoted: tuple[CharSpan, ...] = ()

    def __post_init__(self) -> None:
        # what the store's columns require, refused here where the value is made rather than by the store later
        if not isinstance(self.content, CharSpan):
            raise ValueError(f"an attribution's content must be a span, not {_short(self.content)}")
        for name in ("source", "cue"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, CharSpan):
                raise ValueError(f"an attribution's {name} must be a span or null, not {_short(value)}")
        _optional_str("attribution", "speaker", self.speaker)
        _optional_str("attribution", "speaker_description", self.speaker_description)
        _one_of("type", self.type, ATTRIBUTION_TYPES)
        _one_of("medium", self.medium, MEDIA)
        _one_of("speaker_kind", self.speaker_kind, SPEAKER_KINDS)
        _one_of("cue_kind", self.cue_kind, CUE_KINDS)
        if not isinstance(self.via, tuple) or not all(isinstance(r, Relay) for r in self.via):
            raise ValueError(f"via must be a tuple of relays, not {_short(self.via)}")
        c = self.confidence
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c) or not 0 <= c <= 1:
            raise ValueError(f"confidence must be a number from 0 to 1, not {_short(c)}")
        _check_quoted(self.quoted, self.content)

    def spans(self) -> tuple[CharSpan, ...]:
        """Every span this attribution points into its article's text with (content, source, cue, relays, the
        quoted parts)."""
        return tuple(s for s in (self.content, self.source, self.cue, *(r.span for r in self.via), *self.quoted)
                     if s is not None)

    def quoted_text(self, text: str, separator: str = QUOTED_SEPARATOR) -> str | None:
        """The quoted words, fragments joined by " … "; None when nothing is quoted."""
        return separator.join(q.of(text) for q in self.quoted) if self.quoted else None

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
            "quoted": [q.to_list() for q in self.quoted],
        }
        if text is not None:
            out["content_text"] = self.content.of(text)
            out["source_text"] = self.source.of(text) if self.source is not None else None
            out["cue_text"] = self.cue.of(text) if self.cue is not None else None
            out["quoted_text"] = self.quoted_text(text)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        if not isinstance(data, dict):
            raise ValueError(f"an attribution is an object, not {_short(data)}")
        via = data.get("via") or ()
        if not isinstance(via, (list, tuple)):
            raise ValueError(f"via must be a list of relays, not {_short(via)}")
        confidence = data.get("confidence", 0.5)
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
            raise ValueError(f"confidence must be a number from 0 to 1, not {_short(confidence)}")
        quoted = data.get("quoted") or ()  # (absent from records written before the field: nothing quoted)
        if not isinstance(quoted, (list, tuple)):
            raise ValueError(f"quoted must be a list of spans, not {_short(quoted)}")
        return cls(
            content=CharSpan.from_list(data.get("content")),  # type: ignore[arg-type]
            source=CharSpan.from_list(data.get("source")),
            cue=CharSpan.from_list(data.get("cue")),
            speaker=data.get("speaker"),
            speaker_kind=data.get("speaker_kind", "unknown"),
            speaker_description=data.get("speaker_description"),
            type=data.get("type", "unknown"),
            medium=data.get("medium", "unknown"),
            cue_kind=data.get("cue_kind", "speech"),
            via=tuple(Relay.from_dict(r) for r in via),
            confidence=float(confidence),
            quoted=tuple(CharSpan.from_list(q) for q in quoted),  # type: ignore[misc]  # (None is refused below)
        )


def _check_quoted(quoted: Any, content: CharSpan) -> None:
    """The quoted parts: a tuple of non-empty spans inside the content, in order, none overlapping another."""
    if not isinstance(quoted, tuple) or not all(isinstance(q, CharSpan) for q in quoted):
        raise ValueError(f"quoted must be a tuple of spans, not {_short(quoted)}")
    end = content.start
    for q in quoted:
        if q.end <= q.start:
            raise ValueError(f"a quoted span is empty: [{q.start}, {q.end})")
        if not content.contains(q):
            raise ValueError(f"quoted span [{q.start}, {q.end}) lies outside the content "
                             f"[{content.start}, {content.end})")
        if q.start < end:
            raise ValueError(f"quoted spans must be in order and not overlap: [{q.start}, {q.end}) after one "
                             f"ending at {end}")
        end = q.end


@dataclass(frozen=True, slots=True)
class Skipped:
    """A part of an article that extraction could not use, and why (e.g. an unbalanced quotation mark)."""

    reason: str
    span: CharSpan | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.reason, str):
            raise ValueError(f"a skipped part's reason must be a string, not {_short(self.reason)}")
        if self.span is not None and not isinstance(self.span, CharSpan):
            raise ValueError(f"a skipped part's span must be a span or null, not {_short(self.span)}")

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
    # the claims and within-article flags (onrecord.provenance.ArticleProvenance), when settings.provenance asked
    # for them; None otherwise
    provenance: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.article, Article):
            raise ValueError(f"an extraction's article must be an Article, not {_short(self.article)}")
        size = len(self.article.text)
        for n, a in enumerate(self.attributions):
            if not isinstance(a, Attribution):
                raise ValueError(f"attribution {n} is not an Attribution: {_short(a)}")
            for span in a.spans():
                if span.end > size:
                    raise ValueError(f"attribution {n}: span [{span.start}, {span.end}) lies past the end of the "
                                     f"text ({size} characters)")
        for s in self.skipped:
            if not isinstance(s, Skipped):
                raise ValueError(f"a skipped part is not a Skipped: {_short(s)}")
            if s.span is not None and s.span.end > size:
                raise ValueError(f"skipped span [{s.span.start}, {s.span.end}) lies past the end of the text "
                                 f"({size} characters)")
        for name in ("pipeline_version", "model"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"{name} must be a string, not {_short(getattr(self, name))}")

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
        if self.provenance is not None:
            out["provenance"] = self.provenance.to_dict()
        return out

    def quotations(self) -> list[dict[str, Any]]:
        """The direct-quotations view: one record per quoted part of each direct or mixed attribution, in text
        order -- the quoted words (``quotation``) and their span (``quotation_start``, ``quotation_end``), which
        part of which attribution (``attribution``: its index in :attr:`attributions`; ``part``: from 0), and the
        attribution's speaker, source, cue, type, channel and confidence; the document's ``doc_id`` and what is
        known of it."""
        art, text = self.article, self.article.text
        head: dict[str, Any] = {"doc_id": art.id}
        head.update({k: getattr(art, k) for k in ("title", "outlet", "url", "published")
                     if getattr(art, k) is not None})
        out: list[dict[str, Any]] = []
        for n, a in enumerate(self.attributions):
            if a.type not in ("direct", "mixed"):
                continue
            for part, q in enumerate(a.quoted):
                out.append({
                    **head, "attribution": n, "part": part, "quotation": q.of(text), "quotation_start": q.start,
                    "quotation_end": q.end,
                    "speaker": a.speaker, "speaker_kind": a.speaker_kind,
                    "speaker_description": a.speaker_description,
                    "source": a.source.to_list() if a.source is not None else None,
                    "source_text": a.source.of(text) if a.source is not None else None,
                    "cue": a.cue.to_list() if a.cue is not None else None,
                    "cue_text": a.cue.of(text) if a.cue is not None else None,
                    "type": a.type, "medium": a.medium, "cue_kind": a.cue_kind, "confidence": round(a.confidence, 3),
                })
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """One record as :meth:`to_dict` writes it; a malformed one raises ``ValueError`` saying which field."""
        if not isinstance(data, dict):
            raise ValueError(f"an extraction record is an object, not {_short(data)}")
        pipe = data.get("pipeline") or {}
        if not isinstance(pipe, dict):
            raise ValueError(f"pipeline must be an object, not {_short(pipe)}")
        attributions, skipped = data.get("attributions") or (), data.get("skipped") or ()
        for name, value in (("attributions", attributions), ("skipped", skipped)):
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"{name} must be a list, not {_short(value)}")
        found = []
        for n, a in enumerate(attributions):
            try:
                found.append(Attribution.from_dict(a))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"attribution {n}: {exc}") from None
        parts = []
        for s in skipped:
            if not isinstance(s, dict):
                raise ValueError(f"a skipped part is an object, not {_short(s)}")
            parts.append(Skipped(reason=s.get("reason"), span=CharSpan.from_list(s.get("span"))))  # type: ignore[arg-type]
        return cls(
            article=Article.from_dict(data),
            attributions=tuple(found),
            skipped=tuple(parts),
            pipeline_version=pipe.get("version", ""),
            model=pipe.get("model", ""),
            provenance=_provenance(data.get("provenance")),
        )


def _provenance(data: Any) -> Any:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError(f"provenance must be an object, not {_short(data)}")
    from onrecord.provenance import ArticleProvenance  # (provenance builds on these types)

    try:
        return ArticleProvenance.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"provenance: {exc}") from None


__all__ = [
    "ATTRIBUTION_TYPES",
    "CUE_KINDS",
    "MEDIA",
    "QUOTED_SEPARATOR",
    "SPEAKER_KINDS",
    "Article",
    "Attribution",
    "AttributionType",
    "CharSpan",
    "CueKind",
    "Extraction",
    "Medium",
    "Relay",
    "Skipped",
    "SpeakerKind",
]
