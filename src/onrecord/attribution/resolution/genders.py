"""A person's gender as one mention of their name shows it: the evidence :class:`ArticleIndex` adds up per name.

An honorific before the name ("Mrs. Ana Lind") counts most; a noun in apposition that says a gender ("her son,
Ivo Tarn", "Ana Lind, the chairwoman") as much; else the first he or she after the name in a sentence it is the
subject of ("Ana Lind said she would resign"), but not an object, and not a he or she of the gender of a her/his
in the subject's own phrase ("Her son, Ivo Tarn, said she had died": that she is the mother).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import root_of
from onrecord.attribution.resolution.names import honorific_gender
from onrecord.attribution.resolution.syntax import apposed, is_subject
from onrecord.lexicon import load
from onrecord.lexicon.en import (
    FEMALE_HONORIFICS,
    FEMALE_PRONOUNS,
    GENDERED_ROLES,
    MALE_HONORIFICS,
    MALE_PRONOUNS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex

#: He/she words and honorifics: evidence of a person's gender.
MALE = MALE_PRONOUNS | MALE_HONORIFICS
FEMALE = FEMALE_PRONOUNS | FEMALE_HONORIFICS
#: Nouns for one person that say the person's gender: roles ("spokeswoman") and kin ("son", "widow").
GENDER_NOUNS: dict[str, str] = {**GENDERED_ROLES, **load("en").mapping("gender_nouns")}
#: Every he/she word and honorific.
_EITHER = MALE | FEMALE
#: What an honorific or a gendered noun in apposition counts, against one pronoun.
_STRONG = 3


def gender_votes(ent: Span, honorifics: Mapping[int, str] | None = None) -> tuple[int, int]:
    """(male, female) evidence from one person mention ``ent``; ``honorifics``: the gender the honorific before each
    person entity gives, by its first token, where one was found for every person entity (the article index's),
    read instead of looked for again."""
    doc = ent.doc
    male = female = 0
    prev = doc[ent.start - 1].lower_ if ent.start else ""
    # (an honorific before the titles before the name too: "Mr Justice Ivo Tarn")
    titled = None
    if prev not in _EITHER and ent.start > 1:
        titled = honorific_gender(doc, ent.start) if honorifics is None else honorifics.get(ent.start)
    if prev in MALE or titled == "m":
        male += _STRONG
    elif prev in FEMALE or titled == "f":
        female += _STRONG
    root = root_of(ent)
    phrase = root.head if root.dep_ == "appos" else root
    nouns = apposed(root)
    kin = {GENDER_NOUNS.get(n.lower_) for n in nouns if n.pos_ == "NOUN"}
    male += _STRONG if "m" in kin else 0
    female += _STRONG if "f" in kin else 0
    if not is_subject(root):
        return male, female
    other = {t.lower_ for t in phrase.subtree if t.tag_ == "PRP$" and not ent.start <= t.i < ent.end}
    skip = (MALE if other & MALE else frozenset()) | (FEMALE if other & FEMALE else frozenset())
    after = [t for t in doc[ent.end : ent.sent.end] if t.pos_ == "PRON" and t.lower_ not in skip]
    objects: set[str] = set()  # the he/she words of the objects passed
    for tok in after:
        if tok.dep_ in ("dobj", "pobj", "dative"):
            objects.add(tok.lower_)  # an object is mostly someone else: "Ana Lind, whose union backs him, said ..."
            continue
        if tok.dep_ == "poss" and (not _main_subject(phrase) or _object_named_before(doc, ent.end, tok.i)):
            continue  # "the report says Ivo Tarn saw her letter": a subordinate subject's "her" is another's
        said = MALE if tok.lower_ in MALE else FEMALE if tok.lower_ in FEMALE else None
        if said is None:
            continue
        if any(t.head == tok.head and t.lower_ not in said and t.lower_ in _EITHER for t in after):
            return male, female  # "Ivo Tarn said she had given him a chance": which of the two is he?
        if objects & said:
            return male, female  # "Ana Lind, who has coached him since he was ten, said": he is the one coached
        return (male + 1, female) if said is MALE else (male, female + 1)
    return male, female


def _object_named_before(doc: Doc, start: int, end: int) -> bool:
    """Is a person named as an object between the subject's name and a his/her ("Ivo Tarn thanked Ana Lind and her
    crew"; "praised Lind for her work")? The his/her may be that person's: no evidence of the subject's gender."""
    return any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") and t.dep_ in ("dobj", "pobj", "dative", "conj")
               and t.is_title for t in doc[start:end])


def _main_subject(phrase: Token) -> bool:
    """Is ``phrase`` the subject of its sentence's main verb, or of a verb joined to it ("Ana Lind spoke and ...")?"""
    verb = phrase.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return phrase.dep_ in ("nsubj", "nsubjpass") and verb.i == verb.head.i


__all__ = ["FEMALE", "GENDER_NOUNS", "MALE", "gender_votes"]


def of_honorific(index: ArticleIndex, cands: list[str], owner: str | None, gender: str, *, titled: bool,
                 ) -> tuple[list[str], str | None]:
    """Of a family's names, those an honorific of ``gender`` may stand for, and the name's owner unless of the
    other gender: those known to be of it, else (``titled``: the honorific is the mention's own, "Mr. Tarn")
    those not known to be of the other, a first name the list is near sure of counting, the first named first
    (not the son named later); else all."""
    said = [c for c in cands if index.gender(c, listed=titled) == gender] or [
        c for c in cands if titled and index.gender(c, listed=True) is None] or cands
    if titled and len(said) > 1:
        first: dict[str, int] = {}
        # (a couple's members where the couple is named)
        for i, name in [(i, n) for i, n, _s in index.persons] + [(c[0], n) for c in index.couples for n in c[1:]]:
            first[name] = min(i, first.get(name, i))
        said = sorted(said, key=lambda c: first.get(c, len(index.doc)))
    if owner is not None and index.gender(owner, listed=titled) not in (None, gender):
        owner = None  # ("Mr. Tarn" is not Ana Tarn, who had the name alone first)
    return said, owner
