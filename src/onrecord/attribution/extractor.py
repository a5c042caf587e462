"""Orchestrates the attribution stages over one parsed Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.types import Attribution, Skipped


def find_attributions(doc: Doc) -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
    return (), ()
