"""The defects the fuzz suite found, each as the smallest input that showed it, run through the whole path of
test_pipeline.py with nothing set aside. A case whose finding is still open is a strict xfail (findings.py)."""

from __future__ import annotations

import pytest

from fuzz.findings import xfail_if_open
from fuzz.checks import run_pipeline
from onrecord.types import Article

pytestmark = pytest.mark.model

CASES = [
    # 1: a quotation with no cue after a sentence about a person: medium None, the store refuses the batch
    pytest.param([Article(text="Ana Lind touted her record. \u201cWe fixed the roads.\u201d", id="t3")],
                 id="finding-1-no-medium", marks=xfail_if_open(1)),
    # 2: a carriage return without a line feed in a field: CSV export leaves it unquoted, the row is cut in two
    pytest.param([Article(text="Ana Lind said the bridge is safe.\rThe council agreed.", id="cr")],
                 id="finding-2-csv-carriage-return", marks=xfail_if_open(2)),
    pytest.param([Article(text="Ana Lind said the bridge is safe.", id="cr-meta", title="Bridge\rworks")],
                 id="finding-2-csv-carriage-return-in-title", marks=xfail_if_open(2)),
]


@pytest.mark.parametrize("batch", CASES)
def test_finding(nlp: object, batch: list[Article]) -> None:
    run_pipeline(batch, set_aside_open=False)


PG_CASES = [
    # 3: U+0000 in the text (SQLite stores it; PostgreSQL text cannot hold it)
    pytest.param([Article(text="\u201cThe bridge is safe,\u201d Ana Lind said. \x00", id="nul")],
                 id="finding-3-postgresql-nul", marks=xfail_if_open(3)),
    pytest.param([Article(text="Ana Lind said the bridge is safe.", id="nul-meta", author="Ana\x00Lind")],
                 id="finding-3-postgresql-nul-in-author", marks=xfail_if_open(3)),
]


@pytest.mark.postgres
@pytest.mark.parametrize("batch", PG_CASES)
def test_finding_on_postgresql(nlp: object, pg_server: object, batch: list[Article]) -> None:
    run_pipeline(batch, store_url=pg_server.database("onrecord_fuzz_case"), set_aside_open=False)  # type: ignore[attr-defined]
