"""What a quote-attachment rule (attach.py) reads and what it decides: one quotation with the statements found so
far (:class:`Quotation`), and the rule's decision on it (:class:`Attachment`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.quotes import Quote
from onrecord.spans import overlap, trimmed_within

__all__ = ["Attachment", "Quotation"]


@dataclass
class Quotation:
    """What a quote-attachment rule looks at: one quotation (the ``k``-th of ``quotes``) and the statements found
    so far (the cues', and those of the quotations before it)."""

    doc: Doc
    cues: CueFinder
    quotes: list[Quote]
    k: int
    statements: list[Statement]

    @property
    def q(self) -> Quote:
        return self.quotes[self.k]

    @property
    def text(self) -> str:
        return self.cues.text

    @cached_property
    def words(self) -> int:
        return self.q.word_count(self.text)

    @cached_property
    def inside(self) -> list[int]:
        """The statements whose content overlaps the quotation, by index."""
        return [i for i, c in enumerate(self.statements) if c.content.overlaps(self.q.content)]

    @cached_property
    def best(self) -> int | None:
        """Of those, the one whose content lies within the quotation, else the one that overlaps it most."""
        if not self.inside:
            return None
        return max(self.inside, key=lambda i: (trimmed_within(self.text, self.statements[i].content, self.q.content),
                                               overlap(self.statements[i].content, self.q.content)))


@dataclass(frozen=True, slots=True)
class Attachment:
    """A rule's decision on a quotation: ``statement`` is added, or put in place of the statement at ``replaces``;
    the statements at ``drops`` are removed; with none of these the quotation is left unattributed."""

    statement: Statement | None = None
    replaces: int | None = None
    drops: frozenset[int] = frozenset()
