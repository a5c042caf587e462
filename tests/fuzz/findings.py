"""Defects the fuzz suite found that are not fixed yet (also listed, with their inputs, in the project's findings
notes). While a finding is open:

- its regression case (tests/fuzz/test_findings.py) is marked ``xfail(strict=True)``, so that the fix shows up as an
  unexpected pass;
- the property tests set aside the extractions that show it (``hits``), so that they keep looking for other defects
  instead of failing on this one again.

When a finding is fixed, delete its entry here: that removes the mark and the setting-aside in one step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from onrecord.types import Extraction

#: Where a defect shows: in the extraction itself, when storing (any backend, or only PostgreSQL), in the CSV
#: export, in a corpus run's output.
STAGES = ("extract", "store", "postgresql", "csv", "run")


@dataclass(frozen=True)
class Finding:
    number: int
    summary: str
    #: True when an extraction shows the defect (None: the defect is not visible in an extraction).
    hits: Callable[[Extraction], bool] | None = None
    #: The stages (:data:`STAGES`) a path must go through for the defect to show.
    stage: str = "extract"


#: The findings still open (none now: 1 to 9 are fixed, their cases in test_findings.py are plain regressions).
OPEN: dict[int, Finding] = {f.number: f for f in (
)}


def xfail_if_open(number: int) -> tuple[pytest.MarkDecorator, ...]:
    """The marks of a regression case for finding ``number``: strict xfail while it is open, none once fixed."""
    finding = OPEN.get(number)
    if finding is None:
        return ()
    return (pytest.mark.xfail(strict=True, reason=f"finding {number}: {finding.summary}"),)


def if_open(number: int) -> Callable[[Any], Any]:
    """A decorator: marks a regression test of finding ``number`` as a strict xfail while it is open."""
    def mark(test: Any) -> Any:
        for m in xfail_if_open(number):
            test = m(test)
        return test

    return mark


def open_findings_in(extraction: Extraction, stages: Iterable[str]) -> list[int]:
    """The numbers of the open findings this extraction shows on a path through ``stages``."""
    stages = set(stages)
    assert stages <= {*STAGES, ""}, stages
    return [n for n, f in OPEN.items() if f.stage in stages and f.hits is not None and f.hits(extraction)]
