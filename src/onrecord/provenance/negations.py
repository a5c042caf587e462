"""Negations that do not deny their predicate: the ``stance.negation`` rules, asked of each negated predicate of a
claim (provenance.claims), first match wins; a predicate they decide gives no stance.

A negation usually says a thing did not happen ("the firm did not act"), and so contradicts a report that it did.
Two kinds say something narrower, which a report that it happened does not contradict:

- a negation **bounded in time** by a duration or a "before" ("did not act on the warning for six weeks": it acted,
  six weeks late; "cannot have been painted before 1920": it was painted, later); a report that the firm acted, or
  that the canvas was painted in 1921, agrees;
- a negation of **a whole** ("was never going to find everything", "not every file was read"): it denies the whole
  only, so a report that a part was found or read agrees with it.

A negation inside a **set phrase** of manner ("will pay, no questions asked") denies nothing either.

The word lists are the lexicon's ``time_bounds``, ``time_spans``, ``universal_words`` and ``set_negations``
(lexicon/en/stance.toml).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon import load

_EN = load("en")
TIME_BOUNDS = _EN.words("time_bounds")
TIME_SPANS = _EN.words("time_spans")
UNIVERSAL_WORDS = _EN.words("universal_words")
SET_NEGATIONS = frozenset(w.replace("_", " ") for w in _EN.words("set_negations"))
#: Entity labels of a time ("the 1920s", "June 2", "three weeks").
_TIMES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Negated:
    """A predicate and the negation on it, as the ``stance.negation`` rules see them."""

    predicate: Token
    negation: Token

    def __str__(self) -> str:
        return f"{self.negation.text} {self.predicate.text}"


def _a_time(obj: Token, bound: str) -> bool:
    """Is a preposition's object a time: a duration after "for" ("six weeks", "a year"), a date or period after
    "before" ("the 1920s", "June")?"""
    if bound == "for":
        return obj.lemma_.lower() in TIME_SPANS and any(
            c.dep_ in ("nummod", "det") and (c.like_num or c.lower_ in ("a", "an")) for c in obj.children)
    return obj.ent_type_ in _TIMES or obj.like_num


@rule("stance.negation-bounded-in-time",
      ("Ana Lind said the Kestrel firm did not act on the warning for six weeks.",
       "bounded: not act for six weeks"),
      ("A report said the Tarn canvas cannot have been painted before 1920.",
       "bounded: not painted before 1920"))
def bounded_in_time(case: Negated) -> str | None:
    """A negated predicate with a duration ("did not act for six weeks") or a "before" and a time ("cannot have
    been painted before 1920") says when it happened, not that it did not: it gives no stance, so "the firm acted
    late" and "painted in 1921" contradict nothing. "Until" stays a negation (``flags.different-time`` reads it)."""
    tok = case.predicate
    heads = [tok, tok.head] if tok.dep_ in ("xcomp", "acomp") else [tok]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in TIME_BOUNDS):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and _a_time(obj, prep.lower_):
                return f"bounded: {case} {prep.text} {prep.doc[obj.left_edge.i: obj.i + 1].text}"
    return None


def _universal(np: Token) -> bool:
    """Is a subject or object the whole of something: "everything", "every bird", "all the files"?"""
    return np.lower_ in UNIVERSAL_WORDS or any(
        d.dep_ in ("det", "predet") and d.lower_ in UNIVERSAL_WORDS for d in np.children)


@rule("stance.negation-of-a-whole",
      ("Ivo Tarn said a monthly search was never going to find everything.", "a whole: never find everything"))
def of_a_whole(case: Negated) -> str | None:
    """A negation on a predicate whose object or subject is the whole of something ("never going to find
    everything", "not every file was read") denies the whole only: a part found or read agrees with it, so it
    gives no stance. A negative quantity ("found nothing") is not this: it denies every part."""
    tok = case.predicate
    if case.negation.dep_ not in ("neg", "advmod"):
        return None  # (the negation is the subject or object itself: "nothing", "no bird")
    whole = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and _universal(c)), None)
    return f"a whole: {case} {whole.text}" if whole is not None else None


@rule("stance.negation-set-phrase",
      ("Ana Lind said the Kestrel firm will pay for every damaged boat, no questions asked.",
       "set phrase: no questions asked"))
def set_phrase(case: Negated) -> str | None:
    """A negation inside a set phrase of manner ("no questions asked", "no strings attached") denies nothing: the
    phrase says how the main claim holds, so it gives no stance of its own (lexicon ``set_negations``)."""
    doc, neg, tok = case.predicate.doc, case.negation, case.predicate
    words = doc[min(neg.left_edge.i, tok.i): max(neg.i, tok.i) + 1].text.lower()  # ("no questions": the subject)
    return f"set phrase: {words}" if words in SET_NEGATIONS else None


NEGATION_RULES: RuleTable[Negated, str] = RuleTable("stance.negation", [bounded_in_time, of_a_whole, set_phrase])


def not_denied(predicate: Token, negation: Token) -> bool:
    """Does a negation leave its predicate undenied (a ``stance.negation`` rule decides)?"""
    return NEGATION_RULES.first(Negated(predicate, negation)) is not None


__all__ = ["NEGATION_RULES", "Negated", "not_denied"]
