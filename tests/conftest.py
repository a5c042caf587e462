"""Fixtures shared by the whole suite.

- ``shared_dir``: the project's shared data (``../shared`` beside the repository, or ``$ONRECORD_SHARED``);
  tests that need it are skipped when it is absent. Its files belong to publishers: read them, never copy them.
- ``nlp``: the real pipeline (model + onrecord's component), loaded once per session.
- ``match``: helpers for asserting on extractions (``match.find(extraction, "some words")`` and friends), given
  as a fixture so that test modules import nothing from this file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.types import Attribution, CharSpan, Extraction

REPO_ROOT = Path(__file__).resolve().parent.parent

#: Quotation marks, straight and curly, double and single, and guillemets.
QUOTE_MARKS = "\"“”„‟«»'‘’`"
_EDGE = " \t\r\n.,;:!?—–-" + QUOTE_MARKS


def normalize_content(text: str) -> str:
    """Content as compared in tests: trimmed of whitespace, punctuation and quote marks at both ends,
    inner whitespace collapsed, and a leading complementizer "that" dropped (the gold corpora include it,
    engines may not; the words that matter are the same)."""
    text = re.sub(r"\s+", " ", text).strip(_EDGE)
    text = re.sub(r"^that\s+", "", text)
    return text.strip(_EDGE)


def normalize_name(name: str | None) -> str | None:
    """A speaker or outlet name as compared in tests: case-folded, without a leading "the"."""
    if name is None:
        return None
    name = re.sub(r"\s+", " ", name).strip(" ,.").casefold()
    return re.sub(r"^the ", "", name)


def find_attribution(extraction: Extraction, content: str) -> Attribution | None:
    """The attribution whose content equals ``content`` (after :func:`normalize_content`), else the one whose
    content contains it, else the one overlapping most with where ``content`` first occurs in the text.

    ``content`` may be a short key ("sovereign decision") as well as the full expected content.
    None when nothing covers it.
    """
    text = extraction.article.text
    want = normalize_content(content)
    attributions = extraction.attributions
    for a in attributions:
        if normalize_content(a.content.of(text)) == want:
            return a
    for a in attributions:
        if want and want in normalize_content(a.content.of(text)):
            return a
    start = text.find(content)
    if start < 0:
        return None
    where = CharSpan(start, start + len(content))
    overlapping = [a for a in attributions if a.content.overlaps(where)]
    if not overlapping:
        return None

    def shared(a: Attribution) -> int:
        return min(a.content.end, where.end) - max(a.content.start, where.start)

    return max(overlapping, key=shared)


def assert_via(a: Attribution, names: tuple[str, ...] = (), outlets: tuple[str, ...] = ()) -> None:
    """Every name in ``names`` is a relay's person, every one in ``outlets`` a relay's outlet (normalized)."""
    got_names = {normalize_name(r.name) for r in a.via if r.name}
    got_outlets = {normalize_name(r.outlet) for r in a.via if r.outlet}
    for name in names:
        assert normalize_name(name) in got_names, f"via names: {got_names}"
    for outlet in outlets:
        assert normalize_name(outlet) in got_outlets, f"via outlets: {got_outlets}"


def describe(extraction: Extraction) -> str:
    """What was found, one line per attribution, for assertion messages."""
    text = extraction.article.text
    lines = [
        f"  [{a.type}] {a.content.of(text)[:70]!r} <- {a.speaker!r} ({a.speaker_description!r}), "
        f"medium={a.medium}, via={[(r.name, r.outlet) for r in a.via]}"
        for a in extraction.attributions
    ]
    return "\n".join(lines) or "  (no attributions)"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``$ONRECORD_SHARED`` or ``../shared`` beside the repository; skips the test when absent."""
    path = Path(os.environ.get("ONRECORD_SHARED") or REPO_ROOT.parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set ONRECORD_SHARED to point elsewhere)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once: the model with onrecord's attribution component last."""
    import onrecord

    return onrecord.load_pipeline()


class Match:
    """The helpers above, as one fixture value."""

    find = staticmethod(find_attribution)
    content = staticmethod(normalize_content)
    name = staticmethod(normalize_name)
    describe = staticmethod(describe)
    assert_via = staticmethod(assert_via)


@pytest.fixture(scope="session")
def match() -> type[Match]:
    return Match


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One PostgreSQL server for the session: $ONRECORD_TEST_PG's, or a throwaway one (tests/pgserver.py); the tests
    that need it skip, with the reason, when there is none."""
    import pgserver

    try:
        server = pgserver.server()
    except pgserver.Unavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    yield server
    server.stop()
