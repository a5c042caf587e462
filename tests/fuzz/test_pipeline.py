"""Hostile article text through the whole library path: ``extract_many`` -> ``Store.add`` (a real SQLite file) ->
``export`` as JSONL, CSV and Parquet -> read back.

Nothing may escape, every non-blank article is stored, a blank one is reported (EmptyDocumentError yielded, not
raised), and every span round-trips: ``text[start:end]`` is the stored and exported ``*_text``.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz.checks import run_pipeline
from fuzz.strategies import articles, fuzz_settings, huge_article
from onrecord.settings import Settings
from onrecord.types import Article

pytestmark = pytest.mark.model

SETTINGS = st.sampled_from((Settings(), Settings(), Settings(scope="all"), Settings(cue_span="word")))


@fuzz_settings(60)
@given(batch=articles(), settings=SETTINGS)
# (a generous time cap: this is about a long article's spans and storage; the cap itself is tested in
# tests/cli/test_bounds.py and tests/test_api.py, and on a loaded machine wall time alone could decide this case)
@example(batch=[Article(text=huge_article(), id="huge"), Article(text="Ana Lind said so.", id="short")],
         settings=Settings(doc_timeout=300))
def test_any_articles_survive_extract_store_and_export(nlp: object, batch: list[Article],
                                                       settings: Settings) -> None:
    run_pipeline(batch, settings)


@pytest.mark.postgres
@fuzz_settings(15)
@given(batch=articles(max_size=4))
def test_any_articles_survive_on_postgresql(nlp: object, pg_server: object, batch: list[Article]) -> None:
    run_pipeline(batch, store_url=pg_server.database("onrecord_fuzz"))  # type: ignore[attr-defined]
