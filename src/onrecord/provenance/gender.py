"""Who gets quoted: each person speaker's gender, ``woman``, ``man`` or ``unknown``, with the evidence for it.

The article's own words come first (:func:`speaker_genders`), each piece kept as a short phrase:

- a he or she that extraction resolved to the speaker (an attribution whose source is the pronoun: "she said");
- an honorific before a mention of the name ("Ms. Lind"; :func:`onrecord.attribution.resolution.names.
  honorific_gender`);
- a gendered role or kinship noun for the person: before the name as a title ("Chairwoman Ana Lind"), in
  apposition ("Ana Lind, the council's spokeswoman", "his wife, Ana Lind": her gender, never his), or as the
  predicate ("Lind is a mother of three"); the lexicon's ``gendered_roles`` and ``gender_nouns``;
- a pronoun in the clause the name is the subject of, outside quotation marks, with no other subject or person
  between them: a reflexive ("Lind corrected herself"), a possessive ("Lind said her group ..."), or the subject
  of a clause it governs ("Lind said she ...").

Evidence of both genders gives ``unknown``, with every piece kept. Without any, the first name decides when the
first-name list is sure enough (:func:`first_name_call`): nomquamgender's P(woman) for a name, classified when its
uncertainty (0.5 - |0.5 - P|) is at most :data:`NAME_THRESHOLD`; an unseen, rare or ambiguous name, and a single
name (it may be a surname), stay ``unknown``. Organisations, groups and unnamed speakers get no call.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, TypeAlias, get_args

import numpy as np
from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, positions, token_arrays
from onrecord.attribution.resolution.index import ArticleIndex
from onrecord.attribution.resolution.names import compatible, honorific_gender, name_like, person_name, surname
from onrecord.attribution.resolution.resolver import index_of
from onrecord.attribution.resolution.syntax import Inside
from onrecord.lexicon import load
from onrecord.lexicon.en import (
    FEMALE_HONORIFICS,
    FEMALE_PRONOUNS,
    GENDERED_ROLES,
    MALE_HONORIFICS,
    MALE_PRONOUNS,
    NAME_SUFFIXES,
    TITLES,
)
from onrecord.provenance.anonymity import doc_ents, doc_text
from onrecord.spans import merge
from onrecord.types import Attribution

GenderLabel: TypeAlias = Literal["woman", "man", "unknown"]
GenderBasis: TypeAlias = Literal["article", "first name", "none"]
GENDER_LABELS: tuple[GenderLabel, ...] = get_args(GenderLabel)
GENDER_BASES: tuple[GenderBasis, ...] = get_args(GenderBasis)

#: Nouns for one person that say the person's gender ("m" or "f").
GENDER_NOUNS: dict[str, str] = {**GENDERED_ROLES, **load("en").mapping("gender_nouns")}
#: The largest uncertainty (0.5 - |0.5 - P(woman)|) at which a first name decides. nomquamgender's default is 0.1;
#: 0.15, chosen on GGT dev, also takes names such as Stacy (P 0.90), Chris (0.12) and Hayden (0.12): coverage 0.879
#: -> 0.902 there, first names alone right on 112 of 113 gendered lines (docs/provenance.md, "Gender").
NAME_THRESHOLD = 0.15
#: A name of the list counts when this many observations stand behind it, or this many sources give it.
MIN_COUNTS = 10
MIN_SOURCES = 3

_LABEL: dict[str, GenderLabel] = {"m": "man", "f": "woman"}
_PRONOUN_GENDER = {**dict.fromkeys(MALE_PRONOUNS, "m"), **dict.fromkeys(FEMALE_PRONOUNS, "f")}
_HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS
_REFLEXIVES = frozenset({"himself", "herself"})
_SUBJECTS = ("nsubj", "nsubjpass")
#: One entry of nomquamgender's name_data.json: "name": [sources, counts, P(woman), ...]. (The file is read with this
#: pattern rather than imported: importing the package loads all 720,000 entries, and pandas, into ~350 MB.)
_ENTRY = re.compile(rb"(?:\{|, )\"([a-z][a-z'-]*)\": \[(\d+), (\d+), ([0-9.]+(?:e-?\d+)?)")


@dataclass(frozen=True, slots=True)
class GenderCall:
    """A speaker's gender as onrecord reads it, how (``basis``), and the evidence: short phrases of the article
    ("she said", "Ms. Lind", "the council's spokeswoman") or the first name ("first name Ana (P(woman) 0.99)")."""

    label: GenderLabel = "unknown"
    basis: GenderBasis = "none"
    evidence: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.label not in GENDER_LABELS:
            raise ValueError(f"gender label {self.label!r} is not one of {', '.join(GENDER_LABELS)}")
        if self.basis not in GENDER_BASES:
            raise ValueError(f"gender basis {self.basis!r} is not one of {', '.join(GENDER_BASES)}")
        if not isinstance(self.evidence, tuple) or not all(isinstance(e, str) for e in self.evidence):
            raise ValueError(f"gender evidence must be a tuple of strings, not {self.evidence!r}")

    @property
    def gendered(self) -> bool:
        return self.label != "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "basis": self.basis, "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GenderCall:
        return cls(data.get("label", "unknown"), data.get("basis", "none"), tuple(data.get("evidence", ())))


UNKNOWN = GenderCall()


# -- the first-name list ----------------------------------------------------------------------------------------------


@functools.cache
def first_names() -> Mapping[str, float]:
    """nomquamgender's first names (lower case, ASCII) with P(woman), those with at least :data:`MIN_COUNTS`
    observations or :data:`MIN_SOURCES` sources (about 166,000 names; 0.4 s and ~45 MB, read once)."""
    path = metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
    raw = Path(str(path)).read_bytes()
    out: dict[str, float] = {}
    for m in _ENTRY.finditer(raw):
        if int(m.group(3)) >= MIN_COUNTS or int(m.group(2)) >= MIN_SOURCES:
            out[m.group(1).decode()] = float(m.group(4))
    return out


def first_name(name: str) -> str | None:
    """The first name of a full name, for the list: None for a single name (it may be a surname: "Powell"), and
    initials and titles skipped ("J. Robert Lind" -> "Robert")."""
    words = [w for w in name.split() if w.lower().rstrip(".,") not in NAME_SUFFIXES]
    while words and (words[0].lower() in TITLES or words[0].lower().rstrip(".") in TITLES):
        words.pop(0)
    if len(words) < 2:
        return None
    for word in words[:-1]:
        if len(word.rstrip(".")) > 1 and "." not in word:
            return word
    return None


def _ascii(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def first_name_call(name: str, *, names: Mapping[str, float] | None = None,
                    threshold: float = NAME_THRESHOLD) -> GenderCall:
    """The gender the first name of ``name`` says by the list ``names`` (lower-case first name -> P(woman);
    nomquamgender's by default): ``unknown`` for a single name, an unseen name, or one whose uncertainty is over
    ``threshold``."""
    first = first_name(name)
    if first is None:
        return UNKNOWN
    table = first_names() if names is None else names
    key = _ascii(first)
    p = table.get(key)
    if p is None and "-" in key:
        p = table.get(key.split("-")[0])  # "Jean-Marc": the first part, when the whole is not listed
    if p is None or 0.5 - abs(0.5 - p) > threshold:
        return UNKNOWN
    return GenderCall("woman" if p >= 0.5 else "man", "first name", (f"first name {first} (P(woman) {p:.2f})",))


# -- the article's evidence -------------------------------------------------------------------------------------------


def speaker_genders(doc: Doc, attributions: Sequence[Attribution], *, names: Mapping[str, float] | None = None,
                    threshold: float = NAME_THRESHOLD, first_name_fallback: bool = True) -> dict[str, GenderCall]:
    """A :class:`GenderCall` for each person speaker of the article (``doc``: its parse; ``attributions``:
    extraction's), by name, in the order first quoted. ``names`` and ``threshold``: the first-name list and its
    threshold (:func:`first_name_call`); ``first_name_fallback=False`` gives the article's evidence alone."""
    people = list(dict.fromkeys(
        a.speaker for a in attributions
        if a.speaker_kind == "person" and a.speaker and " and " not in a.speaker and name_like(a.speaker)
    ))
    if not people:
        return {}
    found = article_evidence(doc, attributions, people)
    calls: dict[str, GenderCall] = {}
    for person in people:
        pieces = found[person]
        genders = {g for g, _phrase in pieces}
        phrases = tuple(dict.fromkeys(phrase for _g, phrase in pieces))
        if len(genders) == 1:
            calls[person] = GenderCall(_LABEL[genders.pop()], "article", phrases)
        elif genders:
            calls[person] = GenderCall("unknown", "article", phrases)  # conflicting: both kept
        elif first_name_fallback:
            calls[person] = first_name_call(person, names=names, threshold=threshold)
        else:
            calls[person] = UNKNOWN
    return calls


def article_evidence(doc: Doc, attributions: Sequence[Attribution],
                     people: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """For each of ``people`` (speakers' fullest names), the article's gender evidence: ("m" or "f", phrase)."""
    text = doc_text(doc)
    said = merge([(s.start, s.end) for a in attributions for s in (a.content, *a.quoted)])
    quoted = Inside(merge([(q.start, q.end) for a in attributions for q in a.quoted]))
    # the index extraction's resolver built on this parse, else one of our own (a parse made for provenance alone)
    index = index_of(doc) or ArticleIndex(doc, text, said)
    found: dict[str, list[tuple[str, str]]] = {p: [] for p in people}
    for person, gender, phrase in _resolved_pronouns(text, attributions, found):
        found[person].append((gender, phrase))
    for start, end, person in _mentions(doc, index, people):
        for gender, phrase in _mention_evidence(doc, start, end, quoted):
            found[person].append((gender, phrase))
    return found


def _resolved_pronouns(text: str, attributions: Sequence[Attribution],
                       found: Mapping[str, object]) -> Iterator[tuple[str, str, str]]:
    """(speaker, gender, "she said") for each attribution whose source is a he or she resolved to the speaker."""
    for a in attributions:
        if a.source is None or a.speaker is None or a.speaker not in found:
            continue
        gender = _PRONOUN_GENDER.get(a.source.of(text).strip().lower())
        if gender is None:
            continue
        phrase = a.source.of(text).strip()
        if a.cue is not None and (0 <= a.cue.start - a.source.end <= 2 or 0 <= a.source.start - a.cue.end <= 2):
            phrase = text[min(a.source.start, a.cue.start) : max(a.source.end, a.cue.end)]
        yield a.speaker, gender, " ".join(phrase.split())


def _mentions(doc: Doc, index: ArticleIndex, people: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, person) of each mention of one of ``people``: the recogniser's person entities, and their
    family names where it labelled them otherwise ("Lind" read as a place)."""
    surnames = {surname(p) for p in people}
    in_person: set[int] = set()
    owners: dict[tuple[str, str | None], str | None] = {}

    def owner(name: str, honorific: str | None) -> str | None:
        """:func:`_owner`, once per name and honorific (an article names one person many times)."""
        if (name, honorific) not in owners:
            owners[(name, honorific)] = _owner(name, index, people, honorific)
        return owners[(name, honorific)]

    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        in_person.update(range(ent.start, ent.end))
        person = owner(person_name(ent), honorific_gender(doc, ent.start))
        if person is not None:
            yield ent.start, ent.end, person
    a = token_arrays(doc)  # only capitalised proper nouns written as one of the surnames are looked at
    for i in positions(np.isin(a.lower, ids(*surnames)) & a.is_title & (a.pos == ids("PROPN")[0])):
        tok = doc[i]
        if tok.i not in in_person and tok.is_title and tok.pos_ == "PROPN" and tok.lower_ in surnames \
                and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN"):
            person = owner(tok.text, honorific_gender(doc, tok.i))
            if person is not None:
                yield tok.i, tok.i + 1, person


def _owner(name: str, index: ArticleIndex, people: Sequence[str], honorific: str | None) -> str | None:
    """Which of ``people`` a mention's name stands for: its fullest name in the article, else the one person it is
    compatible with."""
    if not name:
        return None
    full = index.fullest(name, honorific)
    if full in people:
        return full
    cands = [p for p in people if compatible(name, p)]
    return cands[0] if len(cands) == 1 else None


def _mention_evidence(doc: Doc, start: int, end: int, quoted: Inside) -> Iterator[tuple[str, str]]:
    """The gender evidence one mention ``doc[start:end]`` carries: its honorific, a gendered noun as its title, in
    apposition or as its predicate, and pronouns of the clause it is the subject of."""
    honorific = honorific_gender(doc, start)
    if honorific is not None:
        first = start - 1 if start and doc[start - 1].lower_ in _HONORIFICS else start
        yield honorific, doc[first:end].text
    for tok in doc[max(0, start - 3) : end]:
        g = GENDER_NOUNS.get(tok.lower_)
        if g is not None and (tok.i == start - 1 or start <= tok.head.i < end or tok.i >= start):
            yield g, doc[min(tok.i, start) : end].text  # "Chairman Jerome Powell", "spokeswoman Ana Lind"
    root = doc[start:end].root
    for other in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
        g = GENDER_NOUNS.get(other.lower_)
        if g is not None and other.pos_ == "NOUN":
            yield g, _noun_phrase(other)  # "the council's spokeswoman", "his wife"
    if root.dep_ in _SUBJECTS and root.head.lemma_ == "be":
        for attr in root.head.children:
            g = GENDER_NOUNS.get(attr.lower_)
            if g is not None and attr.dep_ == "attr":
                yield g, f"{root.head.text} {_noun_phrase(attr)}"  # "is a mother"
    if root.dep_ == "appos" and root.head.dep_ in _SUBJECTS:
        root = root.head  # "His lawyer, Zhang Wei, said his client ...": the subject the name stands beside
    if root.dep_ in _SUBJECTS and not quoted(doc[start].idx):
        yield from _clause_pronouns(doc, start, end, root, quoted)
        yield from _next_sentence(doc, start, end, quoted)


def _noun_phrase(noun: Token) -> str:
    """The noun with its left modifiers ("the council's spokeswoman"), or the noun alone when they run long."""
    words = noun.doc[noun.left_edge.i : noun.i + 1]
    return words.text if len(words) <= 5 else noun.text


def _clause_pronouns(doc: Doc, start: int, end: int, root: Token, quoted: Inside) -> Iterator[tuple[str, str]]:
    """Pronouns the mention (a subject) binds in its own clause: a reflexive, a possessive, or the subject of a
    clause its verb governs ("Lind said she ..."); not inside quotation marks, not past another name or another
    noun subject, and not inside an infinitive, adverbial or relative clause, whose pronouns are often someone
    else's ("Lind offered to monitor his breathing"); a reflexive may be ("Lind tried to pace herself")."""
    verb = root.head
    sent: Span = doc[start].sent
    for tok in doc[end : sent.end]:
        if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or (tok.dep_ in _SUBJECTS and tok.pos_ == "NOUN"):
            return  # someone else may be in view from here on
        gender = _PRONOUN_GENDER.get(tok.lower_)
        if gender is None or quoted(tok.idx):
            continue
        reflexive = tok.lower_ in _REFLEXIVES
        if (reflexive or tok.dep_ == "poss" or tok.dep_ in _SUBJECTS) and _bound(tok, verb, reflexive):
            yield gender, _pronoun_phrase(tok)


def _next_sentence(doc: Doc, start: int, end: int, quoted: Inside) -> Iterator[tuple[str, str]]:
    """A he or she opening the next sentence as its subject, or a his or her in its subject ("She later
    joined ...", "Her husband, Ivo, ..."), when the mention's sentence names no one else."""
    sent: Span = doc[start].sent
    others = (t for t in sent if not start <= t.i < end)
    if sent.end >= len(doc) or any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in others):
        return
    first = next((t for t in doc[sent.end].sent if not t.is_space), None)
    if first is None or quoted(first.idx):
        return
    gender = _PRONOUN_GENDER.get(first.lower_)
    if gender is not None and (first.dep_ in _SUBJECTS or (first.dep_ == "poss" and first.head.dep_ in _SUBJECTS)):
        yield gender, _pronoun_phrase(first)


#: The dependencies a path from a pronoun up to its clause's verb may take (a reflexive's may take xcomp too).
_BINDING = frozenset({"poss", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "ccomp", "conj", "attr", "dative",
                      "acomp", "aux", "npadvmod"})


def _bound(tok: Token, verb: Token, reflexive: bool) -> bool:
    while tok.i != verb.i:
        if tok.head.i == tok.i or not (tok.dep_ in _BINDING or (reflexive and tok.dep_ == "xcomp")):
            return False
        tok = tok.head
    return True


def _pronoun_phrase(tok: Token) -> str:
    """A few words around a pronoun: "corrected himself", "her group", "she would"."""
    if tok.dep_ == "poss":
        return tok.doc[tok.i : tok.head.i + 1].text if tok.head.i - tok.i <= 3 else tok.text
    if tok.lower_ in _REFLEXIVES:
        return tok.doc[max(tok.head.i, tok.i - 3) : tok.i + 1].text if tok.head.i < tok.i else tok.text
    return tok.doc[tok.i : min(tok.head.i + 1, tok.i + 4)].text if tok.head.i > tok.i else tok.text


__all__ = ["GENDER_BASES", "GENDER_LABELS", "GENDER_NOUNS", "NAME_THRESHOLD", "GenderBasis", "GenderCall",
           "GenderLabel", "article_evidence", "first_name", "first_name_call", "first_names", "speaker_genders"]
