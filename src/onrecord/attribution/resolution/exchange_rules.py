"""Two people quoted in turn, and the one who answers named by a relation to the other.

A feature quotes two people back and forth ("“…,” Lind says. “…,” Tarn says.") and names the one who answers by
what they are to the one just quoted: "“…,” her friend says", "his neighbour said", "her sister says". The
possessor is the one just quoted; the speaker is the other of the two -- the one the article introduced with
that relation, when that is not the possessor ("Her colleague, Mira Holm"), else the one quoted before the
possessor. A relation both hold ("friend", "neighbour", "sister") is the possessor's own where the article gave it
from the other side ("Ana Lind runs a bakery; her friend Mira Holm drives a bus" makes Holm's friend Lind).

Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which states the precedence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.resolution.genders import GENDER_NOUNS
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import MUTUAL_RELATION_HEADS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: How far back (in tokens) the other of the two may have been quoted.
_EXCHANGE_WINDOW = 160


@rule(
    "speakers.other-in-exchange",
    ("Ana Lind and Mira Holm drove six hours to see the band.\n\n“We came for the singer,” Lind says.\n\n"
     "“And she never came,” Holm says.\n\n“We stayed anyway,” her friend says.", "Ana Lind"),
    ("Ana Lind runs a bakery; her friend Mira Holm drives a bus.\n\n“The ad is confusing,” Lind said.\n\n"
     "“It works,” Holm said.\n\n“It works on you,” her friend said.", "Ana Lind"),
)
def other_in_exchange(case: Mention) -> Speaker | None:
    """"“…,” her friend says" right after two people quoted in turn: the other of the two, not the one the
    possessor is (see the module's docstring). Not a relation whose possessor is not the one just quoted, nor one
    that introduces a name ("Her brother, Ivo Tarn, said")."""
    head, r = case.head, case.resolver
    if head.tag_ != "NN" or head.lemma_.lower() not in MUTUAL_RELATION_HEADS or not case.moves:
        return None
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if poss is None or case.own or any(c.dep_ == "appos" for c in head.children) or not _after_quotation(poss):
        return None  # (not "Her brother, Ivo Tarn, said ...": the relation that names the one it introduces)
    owner = r.resolve(r.doc[poss.i : poss.i + 1]).name
    if owner is None or " and " in owner:
        return None
    found = _introduced_other(r, head, owner) or _quoted_before(r, head, owner)
    gender = GENDER_NOUNS.get(head.lower_)  # ("her sister": not a man quoted before)
    if found is None or (gender is not None and r.index.gender(found, listed=True) not in (None, gender)):
        return None
    return Speaker(found, "person", case.description)


def _after_quotation(poss: Token) -> bool:
    """Does the mention come right after the quotation it closes ("“…,” her friend says")?"""
    doc, k = poss.doc, poss.i - 1
    while k >= 0 and doc[k].text in (",", "—", "–"):
        k -= 1
    return k >= 0 and doc[k].is_quote and poss.i - k <= 2


def _introduced_other(r: SpeakerResolver, head: Token, owner: str) -> str | None:
    """The one person the article introduced with the relation before ``head`` ("Her colleague, Mira Holm"), when
    that is not the possessor."""
    holders = {name for i, name in r.index.roles.get(head.lemma_.lower(), ()) if i < head.i}
    return holders.pop() if len(holders) == 1 and owner not in holders else None


def _quoted_before(r: SpeakerResolver, head: Token, owner: str) -> str | None:
    """The person quoted last before the possessor's own run of quotations, close before ``head``; None unless the
    possessor is the one quoted last."""
    said = [(i, s.name) for i, s in r.recent if i < head.i and s.kind == "person" and s.name]
    if not said or said[-1][1] != owner:
        return None
    for i, name in reversed(said):
        if head.i - i > _EXCHANGE_WINDOW:
            return None
        if name != owner and " and " not in name:
            return name
    return None


__all__ = ["other_in_exchange"]
