"""A name given for someone who withholds the rest: "a busker who gives his name only as Tiny", "a fisherman who
gave his name as Tito", "a voter identified only as Ozzie".

The words after "name (only) as" or "identified (only) as" are a person's name whatever the recogniser made of
them (:func:`names_given`, read by :func:`onrecord.attribution.resolution.people.people_by_evidence`), and the
person noun whose relative clause gives it is that person (the rule ``speakers.name-given``): "A busker who plays
by the station, and who gives his name only as Tiny, says ..." is Tiny.

Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which states the precedence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from onrecord.attribution.arrays import ids, one_of, positions, token_arrays
from onrecord.attribution.resolution.names import Speaker, clean_name
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    NOT_NAMES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_ENDINGS,
    PLACE_FEATURE_WORDS,
    PLACE_HEADS,
    PLACE_NAME_ENDINGS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention

_AS = ids("as")
#: Words of an organisation's or a place's name: not a name given for a person.
_NOT_GIVEN = ORGANISATION_HEADS | ORGANISATION_NAME_ENDINGS | PLACE_FEATURE_WORDS | PLACE_HEADS | PLACE_NAME_ENDINGS \
    | NOT_NAMES
#: What the recogniser may have made of such a name (not a date, a number, a law).
_CORRECTABLE = frozenset({"", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: How many words a given name may have.
_WORDS = 3


def given_name_end(doc: Doc, i: int) -> int | None:
    """Where the name given after the "as" at ``i`` ends ("his name only as [Tiny]"), or None where none is."""
    k = i - 1 - (doc[i - 1].lower_ == "only") if i >= 2 else 0
    if k <= 0 or not (doc[k].lower_ in ("name", "identified") or (
            doc[k].lower_ in ("himself", "herself") and doc[k - 1].lower_ == "identified")):
        return None
    n, end = len(doc), i + 1
    while end < n and end - i <= _WORDS and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start \
            and doc[end].ent_type_ in _CORRECTABLE and doc[end].lower_ not in _NOT_GIVEN:
        end += 1
    if end == i + 1 or (end < n and doc[end].is_title and doc[end].is_alpha):
        return None  # (none, or more capitalised words than a name given so: "as Harbour Board Chair Ana")
    return end


def names_given(doc: Doc) -> list[Span]:
    """The names given so in the article, as PERSON spans."""
    a = token_arrays(doc)
    found = []
    for i in positions(one_of(a.lower, _AS)):
        end = given_name_end(doc, int(i))
        if end is not None:
            found.append(Span(doc, int(i) + 1, end, label="PERSON"))
    return found


@rule(
    "speakers.name-given",
    ("A busker who plays by the station, and who gives his name only as Sparrow, says the crowds are thin.",
     "Sparrow"),
)
def name_given(case: Mention) -> Speaker | None:
    """A person noun whose relative clause, or that of a noun in apposition to it, gives the name ("A busker who
    ... gives his name only as Sparrow, says"; "One farmer, a widower who gives his name as Sparrow, says"): that
    name. Not a name given in another clause of the sentence."""
    head = case.head
    if head.pos_ != "NOUN" or not case.moves:
        return None
    # (its relative clauses, those joined to them, and one the parse hung on the noun itself: "a busker who plays
    # ..., and who gives his name"; and those of a noun in apposition to it: "One farmer, a widower who gives his
    # name only as Sparrow, says")
    nouns = [head, *(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN")]
    clauses = [c for noun in nouns for c in noun.children if c.dep_ == "relcl" or (
        c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children))]
    clauses += [c for clause in clauses for c in clause.conjuncts if c.i > clause.i]
    for clause in clauses:
        for tok in clause.subtree:
            end = given_name_end(tok.doc, tok.i) if tok.lower_ == "as" else None
            if end is not None:
                name = clean_name(tok.doc[tok.i + 1 : end].text)
                return Speaker(case.resolver.index.fullest(name), "person", case.description)
    return None


__all__ = ["given_name_end", "name_given", "names_given"]
