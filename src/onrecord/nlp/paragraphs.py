"""A sentence starts at every line break: set before the parser so that it never runs a heading, a caption, a
"READ MORE:" line or a dateline into the next paragraph's sentence.

    nlp.add_pipe("onrecord_paragraphs", before="parser")

The parser keeps sentence starts that are already set and decides the others as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a line break (in a whitespace token; a token's trailing whitespace is one space
    at most) a sentence start, and a lower-case word after a full stop not one ("who lost 16 lbs.
    “and two belt loops” between May and October, says ...": the parser would start a sentence there and give
    "says" a subject from the quoted words)."""
    if len(doc) < 2:
        return doc
    # the tokens written with a line break, found on their ids (each distinct one looked up once), not token by token
    orth = doc.to_array("ORTH")
    strings = doc.vocab.strings
    unique = np.unique(orth).tolist()
    breaks = [v for v in unique if "\n" in strings[v]]
    inside = _after_full_stops(doc, orth, [v for v in unique if _FULL_STOP.match(strings[v])])
    if not breaks and not inside:
        return doc
    after = np.flatnonzero(np.isin(orth[:-1], breaks)) + 1
    if doc.has_annotation("DEP"):
        doc[int((after.tolist() or inside)[0])].is_sent_start = True  # (refused after the parser: spaCy raises)
    # written at once: each Token.is_sent_start assignment checks the whole doc for a parse first
    starts = doc.to_array(["SENT_START"]).astype(np.int64)
    starts[inside] = -1
    starts[after] = 1
    # (-1, not a start, as the uint64 spaCy reads it)
    doc.from_array(["SENT_START"], starts.astype(np.uint64))  # type: ignore[arg-type]  # (doc.pyi: of float)
    return doc


#: A token that ends in a full stop: the stop alone ("lbs" "."), or an abbreviation the tokenizer kept whole ("St.").
_FULL_STOP = re.compile(r"^[A-Za-z]{0,5}\.$")


def _after_full_stops(doc: Doc, orth: np.ndarray, stops: list[int]) -> list[int]:
    """The tokens right after a full stop (``stops``: the ids of the tokens that end in one) that go on its
    sentence: a lower-case word, or an opening quotation mark before one (edited copy starts no sentence with a
    lower-case word). On the same line: a line break is a whitespace token of its own, never such a word."""
    if not stops:
        return []
    out = []
    for k in (np.flatnonzero(np.isin(orth[:-1], stops)) + 1).tolist():
        nxt = doc[k]
        word = doc[k + 1] if nxt.text in ("“", "\"", "‘") and k + 1 < len(doc) else nxt
        if word.is_alpha and word.is_lower:
            out.append(k)
    return out


@Language.factory("onrecord_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component: :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts
