"""Hostile article text through the whole library path: ``extract_many`` -> ``Store.add`` (a real SQLite file) ->
``export`` as JSONL, CSV and Parquet -> read back.

Nothing may escape, every non-blank article is stored, a blank one is reported (EmptyDocumentError yielded, not
raised), and every span round-trips: ``text[start:end]`` is the stored and exported ``*_text``.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz.checks import GENEROUS_CAP_S, run_pipeline
from fuzz.strategies import articles, fuzz_settings, huge_article
from onrecord.settings import Settings
from onrecord.types import Article

pytestmark = pytest.mark.model

#: Settings to extract with, under a generous time cap (see checks.GENEROUS_CAP_S).
SETTINGS = st.sampled_from(tuple(s.with_(doc_timeout=GENEROUS_CAP_S) for s in (
    Settings(), Settings(), Settings(scope="all"), Settings(cue_span="word"))))


@fuzz_settings(60)
@given(batch=articles(), settings=SETTINGS)
@example(batch=[Article(text=huge_article(), id="huge"), Article(text="Ana Lind said so.", id="short")],
         settings=Settings(doc_timeout=GENEROUS_CAP_S))
def test_any_articles_survive_extract_store_and_export(nlp: object, batch: list[Article],
                                                       settings: Settings) -> None:
    run_pipeline(batch, settings)


@pytest.mark.postgres
@fuzz_settings(15)
@given(batch=articles(max_size=4))
def test_any_articles_survive_on_postgresql(nlp: object, pg_server: object, batch: list[Article]) -> None:
    run_pipeline(batch, store_url=pg_server.database("onrecord_fuzz"))  # type: ignore[attr-defined]
