"""The writer's aside after a quotation ends a reported clause: "said the firm took a charge tied to “the sale of
some ferries,” without naming them", "said the meters would “bring shoppers,” which is what traders want"
(``cues.content-stop.aside-after-quotation``, a rule of :mod:`.extent`'s table ``cues.content-stop``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.attribution.quotes import CLOSING_BEFORE_CUE, SINGLE_STRAIGHT
from onrecord.attribution.rules import rule

if TYPE_CHECKING:
    from spacy.tokens import Token

    from onrecord.attribution.extent import Tail

__all__ = ["stop_aside_after_quotation"]

#: The closing marks a quotation may end with before the aside's comma (or after it: “…,” which): the cue rule's
#: (quotes.CLOSING_BEFORE_CUE) but for the straight single mark, which after a comma is as often an apostrophe
#: ("the players', which"), and the guillemet, which English copy does not close with.
_CLOSING = CLOSING_BEFORE_CUE - {SINGLE_STRAIGHT, "»"}


@rule("cues.content-stop.aside-after-quotation",
      ("Ivo Tarn said the firm had taken a charge tied to “the sale of some old ferries,” without naming them.",
       "without"),
      ("Mia Holt said the meters would “bring more shoppers,” which is what the traders want.", "is"),
      ("Ana Lind once said the river had “taught me patience and then taught me grief,” a line she later used as a "
       "chapter title.", "line"))
def stop_aside_after_quotation(t: Tail) -> Tail | None:
    """A comma and a quotation's closing mark, then "without ...", a relative "which ..." or a noun phrase set
    beside the quotation ("“…,” without naming them", "“…,” which is what the traders want", "“…,” a line she
    later used as a title"): the writer's aside on what was quoted, not more of it; the news golds end the
    content at the mark. Not a relative with no quotation closing before it ("a heat standard, which it expects
    to publish": the speaker's, as likely as not)."""
    c, doc = t.child, t.child.doc
    first = c.left_edge
    if not ((c.dep_ == "relcl" and first.lower_ == "which") or (c.lower_ == "without" and c.i == first.i)
            or (_noun_beside(c) and doc[first.i - 1].whitespace_)):  # (a mark that closes: "“…,” a line")
        return None
    before = {doc[k].text for k in range(max(0, first.i - 2), first.i)}
    return t if first.i >= 2 and "," in before and before & _CLOSING else None


def _noun_beside(c: Token) -> bool:
    """Is ``c`` a noun set beside what comes before it, opening with an article and described by a clause of its
    own ("a line she later used", "the phrase that ..."): the parser's apposition, attribute or object after a
    quotation? Not the next item of a list ("“a new crane,” a bigger boat and a map")."""
    return c.dep_ in ("appos", "attr", "npadvmod", "dobj") and c.pos_ == "NOUN" and c.left_edge.i < c.i \
        and c.left_edge.lower_ in ("a", "an", "the") and any(g.dep_ in ("relcl", "acl") for g in c.children) \
        and not any(g.dep_ == "conj" for g in c.children)
