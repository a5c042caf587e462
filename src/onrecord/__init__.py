"""onrecord: who said what in the news — quotations, speakers, channels and relay chains."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from onrecord.api import extract, extract_many
from onrecord.errors import InputError, OnrecordError
from onrecord.settings import Settings
from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay, Skipped

if TYPE_CHECKING:
    from onrecord.nlp import load_pipeline

__all__ = [
    "Article",
    "Attribution",
    "CharSpan",
    "Extraction",
    "InputError",
    "OnrecordError",
    "Relay",
    "Settings",
    "Skipped",
    "__version__",
    "extract",
    "extract_many",
    "load_pipeline",
]


def __getattr__(name: str) -> Any:
    # PEP 562: load_pipeline is imported on first use, so that importing onrecord does not load spaCy (the store and
    # the web app never need it)
    if name == "load_pipeline":
        from onrecord.nlp import load_pipeline

        return load_pipeline
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")
