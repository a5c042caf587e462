"""The ``doc.spans`` keys the attribution stages fill, in one place, and the one function that writes them.

Each stage of :func:`onrecord.attribution.find_attributions` gives, beside its result, the spans it found under
one of these keys, as spaCy's SpanRuler does; the ``onrecord_attribution`` component writes them to the Doc with
the records (predict, then write: :func:`onrecord.attribution.extractor.predict` touches nothing), so that a
stage can be inspected (``displacy.render(doc, style="span", options={"spans_key": CUES})``) and tested alone::

    quotations = find_quotations(doc)
    cues = find_cues(doc, quotations)
    write_groups(doc, cues.spans)
    [(s.text, s.label_) for s in doc.spans[CUES]]      # [("said", "speech")]

===========================  ==========================================  ==============================================
key                          spans                                       ``label_`` / ``kb_id_``
===========================  ==========================================  ==============================================
``onrecord_quotations``      each quotation, its marks included          ``"quotation"``
``onrecord_cues``            each candidate's cue (a verb, "according    the cue kind: ``speech``, ``belief``,
                             to", a transcript label's colon ...)        ``document``
``onrecord_contents``        each content, one per attribution           how it was found: ``clause``, ``according``,
                                                                         ``quote-after``, ``continuation`` ...
``onrecord_sources``         each attribution's source mention           the speaker kind; ``kb_id_``: the resolved
                                                                         speaker's name ("" when unnamed)
===========================  ==========================================  ==============================================

The cues stage gives the cues the parse finds; the contents stage, which attaches quotations to cues of their
own and widens one-word cues to their phrase, gives ``onrecord_cues`` again with the cues as they then stand. So
after a whole run every group holds what the attribution records hold. (The accurate mode, whose records are the
tagger's corrections of the rules', writes no groups.)

The groups are token-aligned views (``doc.char_span(..., alignment_mode="expand")``): a span that starts or ends
inside a token covers the whole token. The records (:class:`onrecord.types.Attribution`) keep the exact character
offsets the stages computed; read those for the figures, the groups for inspection. A second run over the same
Doc writes the groups again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeAlias

from spacy.tokens import Doc, Span

from onrecord.types import CharSpan

__all__ = ["CONTENTS", "CUES", "QUOTATIONS", "SOURCES", "SPAN_KEYS", "Groups", "SpanItem", "write_groups"]

QUOTATIONS = "onrecord_quotations"
CUES = "onrecord_cues"
CONTENTS = "onrecord_contents"
SOURCES = "onrecord_sources"

#: Every key, in the order the stages fill them.
SPAN_KEYS: tuple[str, ...] = (QUOTATIONS, CUES, CONTENTS, SOURCES)

#: One span of a group: the span (characters, or tokens already), its ``label_`` and its ``kb_id_``.
SpanItem: TypeAlias = tuple[CharSpan | Span, str, str]
#: Span groups by key, as a stage gives them.
Groups: TypeAlias = dict[str, list[SpanItem]]


def write_groups(doc: Doc, groups: Mapping[str, Iterable[SpanItem]]) -> None:
    """Set ``doc.spans[key]`` for each group given; a character span is widened to whole tokens, an empty one is
    left out."""
    for key, spans in groups.items():
        doc.spans[key] = _group(doc, spans)


def _group(doc: Doc, spans: Iterable[SpanItem]) -> list[Span]:
    group: list[Span] = []
    for span, label, kb_id in spans:
        if isinstance(span, Span):
            made: Span | None = Span(doc, span.start, span.end, label=label, kb_id=kb_id)
        elif span.end > span.start:
            made = doc.char_span(span.start, span.end, label=label, kb_id=kb_id, alignment_mode="expand")
        else:
            made = None
        if made is not None:
            group.append(made)
    return group
