"""Session 23: how long something lasted or will take, read as a range of hours whatever the units ("for less than a
day" / "for at least six weeks"), and two statements on one subject whose ranges cannot both hold (the rule
flags.changed-duration). Invented sentences; look-alikes that must not be flagged."""

from __future__ import annotations

import math

import pytest

from onrecord.eval.provenance import predict
from onrecord.provenance import Flag
from onrecord.provenance.durations import durations
from onrecord.settings import Settings
from onrecord.types import Article


@pytest.mark.parametrize(("text", "low", "high"), [
    ("the depot was open for less than a day", 0, 24),
    ("the depot was open to anyone for at least six weeks", 1008, math.inf),
    ("the vaccines were out of range for a few hours", 2, 5),
    ("the vaccines were out of range for most of the weekend", 24, 48),
    ("the log showed thirty-one hours out of range", 27.9, 34.1),
    ("one pump had run almost 300 hours past its service date", 240, 300),
    ("we fixed it within hours", 0, 20),
])
def test_a_stretch_of_time_is_a_range_of_hours(text: str, low: float, high: float) -> None:
    ((lo, hi),) = durations(text)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


@pytest.mark.parametrize("text", [
    "40 lorries a day would use the Lakeview road",  # a rate, not a stretch
    "the Lakeview drivers earn 14 pounds an hour",  # a rate
    "the Lakeview depot closed two years ago",  # a point in time
    "the council will review the Lakeview depot in five years",  # a point in time
    "the Lakeview depot is inspected every two weeks",  # a frequency
    "a four-day week at the Lakeview depot",  # a kind of week
])
def test_a_point_a_rate_or_a_frequency_is_no_duration(text: str) -> None:
    assert durations(text) == ()


def _flags(*texts: str) -> list[Flag]:
    articles = [Article(id=f"a{i}", published=f"2026-0{i}-01", text=t) for i, t in enumerate(texts, 1)]
    found, _ = predict(articles, Settings(scope="all"))
    return [f for f in found if f.kind in ("reversal", "conflict")]


@pytest.mark.model
def test_open_for_less_than_a_day_then_for_six_weeks_is_half_a_reversal() -> None:
    (flag,) = _flags("“The Kestrel database was open for less than a day,” Ana Lind, the firm's founder, said.",
                     "“The Kestrel database was open for at least six weeks,” Ana Lind, the firm's founder, said.")
    assert flag.kind == "reversal" and flag.rating == "half" and flag.concept == "duration"


@pytest.mark.model
def test_two_parties_giving_one_stretch_two_lengths_conflict() -> None:
    (flag,) = _flags("“The Kestrel database was open for less than a day,” Ana Lind, the firm's founder, said.",
                     "“The Kestrel database was open to anyone for at least six weeks,” Ivo Tarn, a researcher, "
                     "said.")
    assert flag.kind == "conflict" and flag.concept == "duration"


@pytest.mark.model
@pytest.mark.parametrize(("first", "second"), [
    # ranges that meet agree
    ("“The Kestrel database was open for a few hours,” Ana Lind, the firm's founder, said.",
     "“The Kestrel database was open for about four hours,” Ana Lind, the firm's founder, said."),
    # two parties, no predicate said by both: two stretches of two things
    ("Ana Lind, the council's treasurer, said the Kestrel yard will close for six weeks.",
     "Ivo Tarn, a driver, said the Kestrel yard had been short of staff for months."),
])
def test_durations_that_can_both_hold_or_are_of_two_things_are_not_flagged(first: str, second: str) -> None:
    assert not _flags(first, second)

