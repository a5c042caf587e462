"""A firm claim given later only as hoped or believed (``flags.hoped``, session 32): invented articles, each with a
look-alike that raises nothing."""

from __future__ import annotations

import pytest

from claim_cases import flags_across
from onrecord.provenance import Flag

pytestmark = pytest.mark.model


def across(first: str, second: str) -> list[Flag]:
    return [f for f in flags_across(first, second) if f.kind == "reversal"]


@pytest.mark.parametrize(("first", "later"), [
    ("“We will sail the Tarnwick ferry again in the summer,” said Ana Lind, who runs the Tarnwick ferry.",
     "“We hope to sail the Tarnwick ferry again before the end of the year,” said Ana Lind, who runs the Tarnwick "
     "ferry."),
    ("“The K4 is the safest kettle we have ever made,” said Ana Lind, who runs Tarnwick Kettles.",
     "“We believe the K4 is safe, but we are testing every kettle again,” said Ana Lind, who runs Tarnwick "
     "Kettles."),
], ids=["sail", "safe"])
def test_a_firm_claim_given_later_only_as_hoped_is_half_a_reversal(first: str, later: str) -> None:
    (flag,) = across(first, later)
    assert flag.rating == "half" and flag.reason == "certainty"


@pytest.mark.parametrize(("first", "later"), [
    # the earlier claim is of the past: what is hoped now is another matter
    ("“The Tarnwick ferry sailed every day in the summer,” said Ana Lind, who runs the Tarnwick ferry.",
     "“We hope to sail the Tarnwick ferry again before the end of the year,” said Ana Lind, who runs the Tarnwick "
     "ferry."),
    # the hoped predicate is said of something else
    ("“We will keep the Tarnwick ferry running all year,” said Ana Lind, who runs the Tarnwick ferry.",
     "“We hope to keep about forty of the crew on the payroll,” said Ana Lind, who runs the Tarnwick ferry."),
], ids=["past", "other-thing"])
def test_a_hope_about_another_matter_raises_nothing(first: str, later: str) -> None:
    assert not across(first, later)
