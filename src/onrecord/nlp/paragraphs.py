"""A sentence starts at every line break: set before the parser so that it never runs a heading, a caption, a
"READ MORE:" line or a dateline into the next paragraph's sentence.

    nlp.add_pipe("onrecord_paragraphs", before="parser")

The parser keeps sentence starts that are already set and decides the others as usual.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a line break (in a whitespace token; a token's trailing whitespace is one space
    at most) a sentence start."""
    if len(doc) < 2:
        return doc
    # the tokens written with a line break, found on their ids (each distinct one looked up once), not token by token
    orth = doc.to_array("ORTH")
    strings = doc.vocab.strings
    breaks = [v for v in np.unique(orth).tolist() if "\n" in strings[v]]
    if not breaks:
        return doc
    after = np.flatnonzero(np.isin(orth[:-1], breaks)) + 1
    if doc.has_annotation("DEP"):
        doc[int(after[0])].is_sent_start = True  # (refused after the parser: spaCy raises, as it always did)
    # written at once: each Token.is_sent_start assignment checks the whole doc for a parse first
    starts = doc.to_array(["SENT_START"])
    starts[after] = 1
    doc.from_array(["SENT_START"], starts)  # type: ignore[arg-type]  # (doc.pyi: the array is of uint64, not float)
    return doc


@Language.factory("onrecord_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component: :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts
