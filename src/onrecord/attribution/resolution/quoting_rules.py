"""A document that quotes a person: "The release quotes Ana Lind: “…”", "The statement quotes the mayor".

The document is the source as written (news annotators mark it so); the words are the person's it quotes, the
verb's object. Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which states the
precedence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention


@rule(
    "speakers.document-quoting",
    ("The fair sent out a release on Monday. The release quotes Ana Lind: “We are still that fair.”", "Ana Lind"),
)
def document_quoting(case: Mention) -> Speaker | None:
    """A document the subject of "quotes" with a name for its object ("The release quotes Ana Lind:"): the one it
    quotes. Not a person quoting another ("Ana Lind quoted Lincoln: “…”" is hers), nor an object that names no one
    ("the report quotes figures")."""
    head = case.head
    verb = head.head
    if head.dep_ != "nsubj" or head.lemma_.lower() not in DOCUMENT_NOUNS or verb.lemma_.lower() != "quote" \
            or not case.moves:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if obj is None:
        return None
    found = case.resolver.resolve(case.resolver.doc[obj.left_edge.i : obj.right_edge.i + 1])
    return Speaker(found.name, found.kind, case.description) if found.name else None


__all__ = ["document_quoting"]
