"""A sentence starts at every line break: set before the parser so that it never runs a heading, a caption, a
"READ MORE:" line or a dateline into the next paragraph's sentence.

    nlp.add_pipe("onrecord_paragraphs", before="parser")

The parser keeps sentence starts that are already set and decides the others as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a line break (in a whitespace token or in trailing whitespace) a sentence start."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@Language.factory("onrecord_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component: :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts
