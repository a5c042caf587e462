"""Pinned accuracy floors for the dev splits: the gate that tests/eval/test_floors.py enforces.

Each :class:`Gate` gives, for one corpus file and extraction scope, the lowest acceptable F1 (0-1) of each
metric (see :mod:`onrecord.eval.scorer`). A run passes when each
F1 >= floor - ``EPSILON``. Raise a floor when the engine improves (to a little under the new figure); lower
one only with a reason in the commit message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from onrecord.eval.run import EvalReport
from onrecord.settings import Settings

#: Allowed shortfall below a floor, for run-to-run noise (model or library versions).
EPSILON = 0.01


@dataclass(frozen=True, slots=True)
class Gate:
    """Floors for one corpus file (relative to the shared data folder) extracted with one scope.

    PolNeAR annotates broad attribution (beliefs, stances, documents), so it is gated with ``scope="all"``
    as well as the default; GGT annotates quotations, the default ``scope="quotes"``.
    """

    corpus: str
    scope: str
    floors: Mapping[str, float]
    #: The corpus's cue convention: PolNeAR marks the verb phrase ("has also said"), GGT the verb alone.
    cue_span: str = "phrase"
    #: "fast" (the default mode) or "accurate" (the rules corrected by the role tagger).
    mode: str = "fast"

    @property
    def name(self) -> str:
        return f"{self.corpus}[{self.scope}]" + ("" if self.mode == "fast" else f"[{self.mode}]")

    @property
    def settings(self) -> Settings:
        return Settings(scope=self.scope, cue_span=self.cue_span, mode=self.mode)


GATES: tuple[Gate, ...] = (
    Gate("polnear/dev.jsonl.gz", "all",
         {"content_overlap": 0.754, "content_exact": 0.629, "source_exact": 0.708, "cue_exact": 0.648}),
    Gate("polnear/dev.jsonl.gz", "quotes", {"content_overlap": 0.638, "source_exact": 0.608, "cue_exact": 0.569}),
    Gate("polnear/dev.jsonl.gz", "all",
         {"content_overlap": 0.801, "content_exact": 0.690, "source_exact": 0.733, "cue_exact": 0.682},
         mode="accurate"),
    Gate("ggt/dev.jsonl", "quotes", {"content_overlap": 0.876, "end_to_end": 0.812, "cue_exact": 0.845},
         cue_span="word"),
    Gate("ggt/dev.jsonl", "quotes", {"content_overlap": 0.884, "end_to_end": 0.818, "cue_exact": 0.857},
         cue_span="word", mode="accurate"),
)


def below_floors(report: EvalReport, floors: Mapping[str, float], *, epsilon: float = EPSILON) -> list[str]:
    """One message per metric whose F1 is under its floor minus ``epsilon`` (or that the report lacks)."""
    failures = []
    for metric, floor in floors.items():
        if metric not in report.scores.metrics:
            failures.append(f"{metric}: not computed for {report.path}")
            continue
        f1 = report.f1(metric)
        if f1 < floor - epsilon:
            failures.append(f"{metric}: F1 {f1:.4f} < floor {floor:.4f} - {epsilon} on {report.path}")
    return failures


__all__ = ["EPSILON", "GATES", "Gate", "below_floors"]
