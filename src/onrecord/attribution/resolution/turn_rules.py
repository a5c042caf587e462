"""The one who answers in an exchange of quotations, named by a role the article gave nobody.

A hearing, a trial or a briefing is told as quotation after quotation, each its own paragraph, two people in turn:
"“Are you naming them, sir?” Ocampo asked. / “Not today,” the undersecretary said." When the answer's source is a
definite role the article never gave anyone by a title or an apposition ("the undersecretary", "the accused",
"the chair"), the description fallback takes the person in view -- the one who just spoke, the one answered. In
the turn-taking the answer is the other of the two: the person quoted before the one just quoted.

Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which states the precedence
(after the rules that find a role's holder, before the description fallback).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.resolution.genders import GENDER_NOUNS
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.roles import role_holder
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import COLLECTIVE_HEADS, DOCUMENT_NOUNS, ORGANISATION_HEADS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: How far back (in tokens) the two turns before the answer may lie.
_TURN_WINDOW = 120
#: A paragraph break: a line break, with any blank lines after it.
_BREAK = re.compile(r"\n\s*")


@rule(
    "speakers.role-answering-in-turn",
    ("Ana Lind, the trade minister, said stocks were enough.\n\n“Are you naming the traders?” Ivo Tarn asked.\n\n"
     "“Not today,” the envoy said.", "Ana Lind"),
    ("“Did you sign the order?” the prosecutor, Mira Holm, asked.\n\n“I read the summary,” Ivo Tarn answered.\n\n"
     "“You signed it,” Holm said.\n\n“Yes, and he is not here,” the accused replied.", "Ivo Tarn"),
)
def role_answering_in_turn(case: Mention) -> Speaker | None:
    """"“…,” the undersecretary said" in its own paragraph, right after two people quoted in turn in the
    paragraphs before it, with a definite role the article gave nobody: the one quoted before the one just quoted
    (the person answered), not the one in view. Not a possessed relation ("his lawyer"), a role with a name in
    apposition, an organisation's or a document's noun, nor a description already used ("the patient" again)."""
    head, r = case.head, case.resolver
    noun = (head.tag_ == "NN" and head.pos_ == "NOUN") or (head.tag_ in ("VBN", "JJ") and head.dep_ == "nsubj")
    if not (case.det == "the" and noun and not case.people and case.moves):
        return None  # (a participle as a noun too: "the accused replied")
    lemma = case.lemma
    if lemma in COLLECTIVE_HEADS or lemma in ORGANISATION_HEADS or lemma in DOCUMENT_NOUNS or lemma in r.definites:
        return None
    if any(c.dep_ in ("poss", "appos") for c in head.children) or not _turn_of_its_own(r, head):
        return None
    if role_holder(r, head) is not None or any(
            head.lower_ in (s.description or "").lower().split() for at, s, _g in r.described if at < head.i):
        return None  # (someone holds the role; "the official" after "an official said": that voice again)
    found = _answered(r, head)
    gender = GENDER_NOUNS.get(head.lower_)  # ("the chairwoman": not a man)
    if found is None or (gender is not None and r.index.gender(found, listed=True) not in (None, gender)):
        return None
    speaker = Speaker(found, "person", case.description)
    r.definites.setdefault(lemma, (head.i, speaker))  # ("the undersecretary" again is the same person)
    return speaker


def _turn_of_its_own(r: SpeakerResolver, head: Token) -> bool:
    """Does the mention follow the quotation that opens its paragraph ("“…,” the chair replied")?"""
    doc, k = r.doc, head.i - 2  # (before "the")
    while k >= 0 and doc[k].text in (",", "—", "–", "?", "!"):
        k -= 1
    if k < 0 or not doc[k].is_quote:
        return False
    start = r.text.rfind("\n", 0, doc[k].idx) + 1
    first = r.text[start : doc[k].idx].lstrip()
    return bool(first) and first[0] in "“\""


def _answered(r: SpeakerResolver, head: Token) -> str | None:
    """The person quoted before the one quoted last, when both spoke in the paragraphs right before ``head``,
    in turn: the last in the paragraph before, the other at most one paragraph earlier."""
    said = [(i, s.name) for i, s in r.recent if i < head.i and s.kind == "person" and s.name]
    if len(said) < 2 or head.i - said[-1][0] > _TURN_WINDOW:
        return None
    last_at, last = said[-1]
    if _breaks(r, last_at, head.i) != 1 or " and " in last:
        return None
    other = next(((i, name) for i, name in reversed(said) if name != last), None)
    if other is None or head.i - other[0] > _TURN_WINDOW or " and " in other[1]:
        return None
    return other[1] if 1 <= _breaks(r, other[0], last_at) <= 2 else None


def _breaks(r: SpeakerResolver, start: int, end: int) -> int:
    """How many paragraph breaks lie between two tokens."""
    return len(_BREAK.findall(r.text, r.doc[start].idx, r.doc[end].idx))


__all__ = ["role_answering_in_turn"]
