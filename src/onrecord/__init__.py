"""onrecord: who said what in the news — quotations, speakers, channels and relay chains."""

__version__ = "0.1.0"

from onrecord.api import extract, extract_many  # noqa: E402
from onrecord.errors import InputError, OnrecordError  # noqa: E402
from onrecord.settings import Settings  # noqa: E402
from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay, Skipped  # noqa: E402

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
    "extract",
    "extract_many",
    "load_pipeline",
    "__version__",
]


def __getattr__(name: str):  # noqa: ANN202 -- PEP 562: spaCy is loaded only by what needs it (not the store, not the web)
    if name == "load_pipeline":
        from onrecord.nlp import load_pipeline

        return load_pipeline
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")
