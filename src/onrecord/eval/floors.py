"""Pinned accuracy floors for the dev splits: the gate that tests/eval/test_floors.py enforces.

``FLOORS[corpus file][metric]`` is the lowest acceptable F1 (0-1) of that metric (see
:mod:`onrecord.eval.scorer`) on that file, a path relative to the shared data folder. A run passes when each
F1 >= floor - ``EPSILON``. Raise a floor when the engine improves (to a little under the new figure); lower
one only with a reason in the commit message.
"""

from __future__ import annotations

from collections.abc import Mapping

from onrecord.eval.run import EvalReport

#: Allowed shortfall below a floor, for run-to-run noise (model or library versions).
EPSILON = 0.01

FLOORS: Mapping[str, Mapping[str, float]] = {
    "polnear/dev.jsonl.gz": {
        "content_overlap": 0.0,
        "source_exact": 0.0,
        "cue_exact": 0.0,
    },
    "ggt/dev.jsonl": {
        "content_overlap": 0.0,
        "end_to_end": 0.0,
    },
}


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


__all__ = ["EPSILON", "FLOORS", "below_floors"]
