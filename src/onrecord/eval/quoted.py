"""Scoring the quoted words themselves, as a Quotebank-style user reads quotations (``onrecord eval --quoted``).

Both sides become one record per quoted part: a direct attribution is its content; a mixed one ("called the plan
“a fantasy” and said …") gives the words inside its quotation marks, each part its own record, with the
attribution's speaker. Gold corpora give no quoted parts, so the gold's are found as onrecord finds its own: the
quotations of the text (:func:`onrecord.attribution.quotes.find_quotes`) that lie inside the gold content
(:func:`onrecord.attribution.records.quoted_parts`). A prediction's parts are its ``quoted`` spans (what
``onrecord extract --quotations`` writes). Indirect attributions have none and drop out on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from onrecord.attribution.quotes import find_quotes
from onrecord.attribution.records import quoted_parts
from onrecord.types import CharSpan

#: The attribution types that have quoted words.
QUOTED_TYPES = frozenset({"direct", "mixed"})


def _part(att: Mapping[str, Any], span: list[int]) -> dict[str, Any]:
    return {"content": span, "source": None, "cue": None, "speaker": att.get("speaker"),
            "speaker_description": att.get("speaker_description"), "type": "direct"}


def gold_quoted(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A gold document with one record per quoted part of its direct and mixed attributions."""
    text = doc["text"]
    quotes = [q.content for q in find_quotes(text)[0]]
    out = []
    for att in doc.get("attributions") or ():
        if att.get("type") == "direct":
            out.append(_part(att, list(att["content"])))
        elif att.get("type") == "mixed":
            content = CharSpan(*att["content"])
            out += [_part(att, p.to_list()) for p in quoted_parts(text, content, quotes)]
    return {**doc, "attributions": out}


def predicted_quoted(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A predicted document (``Extraction.to_dict``) with one record per quoted part of its direct and mixed
    attributions."""
    out = [_part(att, list(span)) for att in doc.get("attributions") or () if att.get("type") in QUOTED_TYPES
           for span in att.get("quoted") or ()]
    return {**doc, "attributions": out}


__all__ = ["QUOTED_TYPES", "gold_quoted", "predicted_quoted"]
