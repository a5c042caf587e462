"""A firm claim later given only as hoped or believed ("we will fly again in the summer" / "we hope to fly again
before the end of the year"; "the H2 is the safest heater we have built" / "we believe the H2 is safe"): the
``flags.hoped`` rule, half a change on certainty, as a hedge is.

A verb of hoping (the lexicon's ``hoping_verbs``) puts what follows it out of the claim's stances (a thing wanted
or expected is not asserted: :mod:`onrecord.provenance.claims`), so the two statements share no predicate; the
words after the verb are read instead: the earlier side's predicate (by its concept's word) and, when it is said of
something, one of its head nouns must be among them."""

from __future__ import annotations

import re

from onrecord.attribution.rules import rule
from onrecord.lexicon import load
from onrecord.provenance.pairs import Pair, Verdict, firm
from onrecord.provenance.values import Statement

HOPING_VERBS = load("en").words("hoping_verbs")
_HOPING = re.compile(rf"\b(?:{'|'.join(sorted(HOPING_VERBS))})(?:s|d|ed)?\b(.*)", re.I | re.S)


def _hoped_words(s: Statement) -> str | None:
    """The words after a statement's verb of hoping, when its claim asserts one ("we hope to fly again ...": "to fly
    again ...")."""
    if not any(c in HOPING_VERBS and sign > 0 for c, sign in s.claim.stances):
        return None
    m = _HOPING.search(s.text)
    return m.group(1).lower() if m else None


def hoped(a: Statement, b: Statement) -> str | None:
    """The concept of a firm claim of ``a`` (not hedged, not said of the past, not itself hoped) that the later
    ``b`` gives only as hoped or believed: its word among the words after ``b``'s verb of hoping, with one of the
    head nouns it is said of, if any."""
    rest = _hoped_words(b)
    if rest is None or any(c in HOPING_VERBS for c, _ in a.claim.stances):
        return None
    claim = a.claim
    for concept, sign in claim.stances:
        if sign < 0 or claim.modal_of(concept) is not None or claim.tense_of(concept) == "past":
            continue
        if not re.search(rf"\b{re.escape(concept.split('_')[0])}", rest):
            continue
        heads = firm(claim.heads_of(concept))
        if heads and not any(re.search(rf"\b{re.escape(h)}", rest) for h in heads):
            continue  # ("the plant would keep running" / "expects to keep about 130 of the 340 people")
        return concept
    return None


@rule("flags.hoped",
      ("Ana Lind said: “The Lakeview ferry will sail in June.” In May, Ana Lind said: “We hope to sail the Lakeview "
       "ferry in June.”", "half: certainty"))
def hoped_claim(pair: Pair) -> Verdict | None:
    """One speaker's firm claim given later only as hoped, believed or expected ("we will fly again in the summer" /
    "we hope to fly again before the end of the year": :func:`hoped`): half a change on certainty."""
    concept = hoped(pair.a, pair.b) if pair.same_speaker else None
    return Verdict("half", "certainty", concept) if concept else None


__all__ = ["HOPING_VERBS", "hoped", "hoped_claim"]
