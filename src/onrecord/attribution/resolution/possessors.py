"""A he/she after a sentence that names one person, only as the owner of a thing: that person.

"Lind's plan stalled, but she has said ..."; "Tarn's remarks ran long. He spoke of ...": the story is about the
owner (the thing cannot be a he/she), even when someone else spoke last. Kept apart from
:mod:`~onrecord.attribution.resolution.person_antecedents`, which asks it first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.index import PersonMention
from onrecord.attribution.resolution.syntax import person_noun, possessive_at
from onrecord.lexicon.en import (
    FAMILY_HEADS,
    FEMALE_PRONOUNS,
    GENDERED_ROLES,
    MALE_PRONOUNS,
    SPOKESPERSON_HEADS,
    SPOUSE_HEADS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: Nouns for people (kin, spokespeople) whose owner a he/she after them is not ("Lind's son said he ...").
_PERSON_HEADS = FAMILY_HEADS | SPOUSE_HEADS | SPOKESPERSON_HEADS | frozenset(GENDERED_ROLES)
_SUBJECT = ("nsubj", "nsubjpass")


def sole_possessor_before(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The one person named before a he/she subject, only as the owner of a thing that is not a person: in the
    pronoun's own sentence, outside the pronoun's clause ("Many of Tarn's claims since he took office ..."; not
    "Tarn's plan, she said, was flawed", where the pronoun's verb governs the thing: the speaker before); else,
    when its own sentence names nobody before it, in the subject of the sentence before, when nobody there is a
    he/she or a person as a subject ("Lind's children slept beside her. She said ..."; not "Tarn's aide said he
    ...", nor "He denied Tarn's request. He said ...", nor "It helped Tarn's farm. He said ...")."""
    if pronoun.dep_ not in _SUBJECT or r.index.inside(pronoun.idx):
        return None
    sent = pronoun.sent
    own = _owner(r, sent.start, pronoun.left_edge.i)
    if own is not None:
        return None if pronoun.head.is_ancestor(r.doc[own[0]].head) and _clause_spans(r.doc[own[0]].head, pronoun) \
            else own
    if sent.start == 0 or r.index.inside(sent[0].idx) or _names_or_subjects(r, sent.start, pronoun.left_edge.i):
        return None
    before = r.doc[sent.start - 1].sent
    owner = _owner(r, before.start, before.end)
    if owner is None or not _in_a_subject(r.doc[owner[0]]) or _person_subject(r, before) \
            or _same_gender_before(r, before, pronoun, owner[0]):
        return None
    return owner


def _clause_spans(thing: Token, pronoun: Token) -> bool:
    """Does the clause that holds the owned thing run on past the pronoun, which is set inside it ("Tarn's plan,
    she said, was flawed")? Not when it ended before ("For that she drew Tarn's ire - he called her weak": the parse
    may still hang it on the pronoun's verb)."""
    clause = thing
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return clause == pronoun.head or clause.right_edge.i > pronoun.i


def _owner(r: SpeakerResolver, start: int, end: int) -> PersonMention | None:
    """The one person named between ``start`` and ``end``, when each mention is a possessor of a thing."""
    named = [p for p in r.index.persons if start <= p[0] < end]
    if not named or len({p[1] for p in named}) != 1 or not all(possessive_at(r.doc, p[0]) for p in named):
        return None
    owner = r.doc[named[-1][0]]
    while owner.dep_ == "compound" and owner.head.i > owner.i:
        owner = owner.head
    thing = owner.head
    if owner.dep_ != "poss" or thing.pos_ != "NOUN" or thing.ent_type_ or (thing.tag_ != "NNS" and (
            person_noun(thing.lemma_.lower()) or thing.lemma_.lower() in _PERSON_HEADS)):
        return None
    return named[-1]


def _in_a_subject(name: Token) -> bool:
    """Is the thing the name owns a subject, or in one ("Lind's children slept"; "Many of Tarn's claims were ...";
    not "It helped Tarn's farm": the speaker before stays)?"""
    while name.dep_ in ("compound", "poss") and name.head.i > name.i:
        name = name.head
    if name.dep_ == "pobj" and name.head.dep_ == "prep":
        name = name.head.head
    return name.dep_ in _SUBJECT


def _names_or_subjects(r: SpeakerResolver, start: int, end: int) -> bool:
    """Does the stretch name a person, or have a he/she as a subject?"""
    return any(start <= p[0] < end for p in r.index.persons) or any(
        t.dep_ in _SUBJECT and t.lower_ in ("he", "she") for t in r.doc[start:end])


def _person_subject(r: SpeakerResolver, sent: Span) -> bool:
    """Is a person a subject in the sentence (a pronoun, a noun for a person), outside quotations?"""
    return any(t.dep_ in _SUBJECT and not r.index.inside(t.idx) and (
        t.lower_ in ("he", "she", "i", "we", "they") or t.ent_type_ == "PERSON"
        or person_noun(t.lemma_.lower()) or t.lemma_.lower() in _PERSON_HEADS) for t in sent)


def _same_gender_before(r: SpeakerResolver, sent: Span, pronoun: Token, at: int) -> bool:
    """Does a he/his (a she/her) of the pronoun's gender come before the owner in the sentence ("his record
    differs from Tarn's": the earlier person stays in view)?"""
    words = MALE_PRONOUNS if pronoun.lower_ in MALE_PRONOUNS else FEMALE_PRONOUNS
    return any(t.lower_ in words and not r.index.inside(t.idx) for t in r.doc[sent.start : at])
