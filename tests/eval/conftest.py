from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.corpora import corpus_file


@pytest.fixture
def shared_corpus():
    """``shared_corpus("polnear/dev.jsonl.gz")``: the path of a shared gold file, or skip the test."""

    def find(relative: str) -> Path:
        path = corpus_file(relative)
        if path is None:
            pytest.skip(f"shared corpus {relative} not found (set ONRECORD_SHARED or place ../shared/data)")
        return path

    return find
