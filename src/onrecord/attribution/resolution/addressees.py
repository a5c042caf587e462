"""A he/she who speaks right after a sentence in which someone told or asked a him/her of that gender: the person
spoken to, answering ("“You forgot your keys,” Tarn told her. “I did,” she agreed." -> the woman Tarn spoke to,
not Tarn; "Her doctor has told her it will not heal. “So this is the last,” she said." -> the patient).

Kept apart from :mod:`~onrecord.attribution.resolution.person_antecedents`, which asks it before the people the
sentence before names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.syntax import compound_start
from onrecord.lexicon.en import ADDRESSING_VERBS, ASKING_VERBS, FEMALE_PRONOUNS, MALE_PRONOUNS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

_SUBJECT = ("nsubj", "nsubjpass")


def answering_person(r: SpeakerResolver, pronoun: Token, gender: str | None, previous_start: int,
                     fits: Callable[[str], bool], full: Callable[[tuple[int, str, bool]], str]) -> Speaker | None:
    """The person spoken to (:func:`addressee_before`), else the one who answers a question
    (:func:`answer_after_question`), or None."""
    return addressee_before(r, pronoun, gender, previous_start, fits, full) or answer_after_question(
        r, pronoun, gender, previous_start, fits)


def addressee_before(r: SpeakerResolver, pronoun: Token, gender: str | None, previous_start: int,
                     fits: Callable[[str], bool], full: Callable[[tuple[int, str, bool]], str]) -> Speaker | None:
    """The person a he/she subject stands for when the sentence before it (from ``previous_start``) has someone
    tell or ask a him/her of its gender: the person the story named or heard last before that sentence, who is
    not the one speaking to them ("“You forgot your keys,” Tarn told her. “I did,” she agreed."). Not when a
    he/she of that gender did the telling ("She told her ..."), nor inside quotation marks."""
    if gender is None or pronoun.dep_ not in _SUBJECT or r.index.inside(pronoun.idx):
        return None
    heard = "him" if gender == "m" else "her"
    told = next((t for t in r.doc[previous_start : pronoun.sent.start] if t.lower_ == heard
                 and t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in ADDRESSING_VERBS
                 and not r.index.inside(t.idx)), None)
    if told is None:
        return None
    teller = next((c for c in told.head.children if c.dep_ in _SUBJECT), None)
    own = MALE_PRONOUNS if gender == "m" else FEMALE_PRONOUNS
    if teller is None or teller.lower_ in own:
        return None
    since = told.sent.start
    # who spoke the told sentence (its speaker as the resolver heard it), and the person its subject names
    tellers = {s.name for i, s in r.recent if since <= i < pronoun.i}
    tellers |= {full(p) for p in r.index.persons if compound_start(teller) <= p[0] <= teller.i}
    heard_before = [(i, s.name) for i, s in r.recent if i < since and s.kind == "person" and s.name]
    named_before = [(p[0], full(p)) for p in r.index.persons if p[0] < since and p[2]]
    candidates = sorted(c for c in heard_before + named_before if c[1] not in tellers and fits(c[1]))
    return Speaker(candidates[-1][1], "person") if candidates else None


def answer_after_question(r: SpeakerResolver, pronoun: Token, gender: str | None, previous_start: int,
                          fits: Callable[[str], bool]) -> Speaker | None:
    """The person a he/she who says a quotation stands for, right after a quoted question that someone named
    asked ("“Why not sooner?” Tarn asked. “Nobody asked,” she said."), when someone else spoke before the
    question: the one who answers is that person, the one being interviewed, not the one asking."""
    if gender is None or pronoun.dep_ not in _SUBJECT or r.index.inside(pronoun.idx) or not any(
            t.text in _CLOSING for t in r.doc[max(0, pronoun.i - 2) : pronoun.i]):
        return None
    asked = next((t for t in r.doc[previous_start : pronoun.sent.start] if t.lemma_.lower() in ASKING_VERBS
                  and t.pos_ == "VERB" and any(c.dep_ in _SUBJECT and c.pos_ == "PROPN" for c in t.children)), None)
    who = next((c for c in asked.children if c.dep_ in _SUBJECT), None) if asked is not None else None
    if asked is None or who is None or not any(  # (the question mark right before "Tarn asked" / "asked Tarn")
            t.text == "?" for t in r.doc[max(0, min(asked.i, who.left_edge.i) - 3) : min(asked.i, who.left_edge.i)]):
        return None
    asker = next((s.name for i, s in r.recent if previous_start <= i < pronoun.i and s.name), None)
    before = next(((i, s) for i, s in reversed(r.recent) if i < previous_start and s.kind == "person" and s.name
                   and " and " not in s.name), None)
    if asker is None or before is None or before[1].name == asker or not fits(before[1].name or ""):
        return None
    return before[1]


#: Closing quotation marks, which end the words a he/she after them said.
_CLOSING = frozenset({"”", '"', "’", "'", "''"})
