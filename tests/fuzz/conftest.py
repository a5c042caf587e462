"""Fixtures of the fuzz suite: a PostgreSQL server for the store's other backend (skipped, with the reason, when
there is none). The model is the session's ``nlp`` fixture (tests/conftest.py), loaded once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import fuzz.strategies  # noqa: F401  (registers the Hypothesis profiles "ci" and "long")
import pgserver


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    try:
        server = pgserver.server()
    except pgserver.Unavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    yield server
    server.stop()
