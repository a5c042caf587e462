"""Fixtures of the fuzz suite. The model is the session's ``nlp`` fixture and PostgreSQL the session's ``pg_server``
(both in tests/conftest.py, started once)."""

from __future__ import annotations

import fuzz.strategies  # noqa: F401  (registers the Hypothesis profiles "ci" and "long")
