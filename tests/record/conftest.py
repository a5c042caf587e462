"""Store fixtures: the same tests run against SQLite (a file in tmp_path) and PostgreSQL (``$ONRECORD_TEST_PG``, else
a throwaway server started from the installed binaries; skipped, with the reason, only when there is none)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.record import Store, open_store

_names = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "record.db")
    server = request.getfixturevalue("pg_server")
    return server.database(f"onrecord_test_{next(_names)}")  # type: ignore[attr-defined]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
