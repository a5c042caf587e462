"""A firm claim given later only as hoped or believed (``flags.hoped``, session 32): invented articles, each with a
look-alike that raises nothing."""

from __future__ import annotations

import pytest

from onrecord.api import extract_many
from onrecord.provenance import Flag, statements
from onrecord.provenance.flags import group_flags, pair_flags
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def across(first: str, second: str) -> list[Flag]:
    articles = [Article(id="a1", published="2026-03-01", text=first),
                Article(id="a2", published="2026-05-01", text=second)]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    said = [statements(e.article, e.attributions, e.provenance.claims, names=e.provenance.names) for e in done]
    return [f for f in group_flags(pair_flags(said[1], against=said[0])) if f.kind == "reversal"]


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
