"""The roles of the article's people, from titles and appositions ("Midfielder Sara Lund", "Ron Robison, the
league's commissioner"), and the gender evidence of each mention: read once as the article index is built."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Span

from onrecord.attribution.arrays import ents_of, root_of
from onrecord.attribution.resolution.genders import gender_votes
from onrecord.attribution.resolution.names import LEADING_ROLES, name_like
from onrecord.attribution.resolution.offices import office_before_name as office_titled
from onrecord.attribution.resolution.offices import office_of_noun
from onrecord.attribution.resolution.roles import office_before_name, role_before_name
from onrecord.attribution.resolution.syntax import role_key, role_noun

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex


def index_roles(ix: ArticleIndex, names: dict[int, str]) -> None:
    """Index each person entity's roles, from titled mentions and appositions, and each name's gender votes, in
    text order (``names``: each person entity's name, by its first token)."""
    doc = ix.doc
    # the fullest names of the honorific-less mentions, once a name: the loop learns roles and gender votes, which
    # a fullest name without a gender does not read (one with a gender does: it is asked each time)
    fullest = functools.cache(ix.fullest)
    for ent in ents_of(doc):
        if ent.label_ != "PERSON" or not name_like(name := names[ent.start]):
            continue
        gender = ix.honorific.get(ent.start)  # (the honorific is the mention's own: titled)
        full = fullest(name) if gender is None else ix.fullest(name, gender, titled=True)
        for inner in ent[: len(ent) - 2]:  # a role the recogniser took into the name: "Midfielder Sara Lund"
            if inner.lower_.rstrip(".") not in LEADING_ROLES:
                break
            ix.roles.setdefault(role_key(inner), []).append((ent.start, full))
        for left in doc[max(0, ent.start - 3) : ent.start]:
            if not (ent.start <= left.head.i < ent.end or left.i == ent.start - 1):
                continue  # a noun of another phrase ("expert replicates Ana Lind's path")
            if left.pos_ == "NOUN" and any(t.pos_ in ("NOUN", "PROPN") for t in doc[left.i + 1 : ent.start]):
                continue  # it qualifies the title after it: "district Vice Chair Ana Lind" is no "district"
            if (left.lower_.rstrip(".") in LEADING_ROLES and left.pos_ in ("NOUN", "PROPN")) or left.pos_ == "NOUN":
                ix.roles.setdefault(role_key(left), []).append((ent.start, full))
        title = doc[ent.start - 2] if ent.start >= 2 and doc[ent.start - 1].text == "." else None
        if title is not None and not title.whitespace_ and title.is_title and title.lower_ in LEADING_ROLES:
            ix.roles.setdefault(role_key(title), []).append((ent.start, full))  # "Capt" + "." the tokenizer split
        # "Ron Robison, the league's commissioner" / "the commissioner, Ron Robison"
        root = root_of(ent)
        apposed = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        for other in apposed:
            if role_noun(other):
                ix.roles.setdefault(other.lemma_.lower(), []).append((ent.start, full))
        if (before := role_before_name(ent)) is not None:  # "the district's MP, Ana Lind," hung elsewhere
            ix.roles.setdefault(before, []).append((ent.start, full))
        if (office := office_before_name(ent)) is not None:  # "Minister for Roads Smt. Ana Lind"
            ix.roles.setdefault(office, []).append((ent.start, full))
        # an office of several phrases: "Chief Financial Officer Ana Lind", "Ana Lind, the chief financial officer"
        offices = {office_titled(ent)} | {office_of_noun(o) for o in apposed if o.pos_ in ("NOUN", "PROPN")}
        for held in offices - {None}:
            ix.roles.setdefault(f"office:{held}", []).append((ent.start, full))
        _vote(ix, full, ent)
    for found in ix.roles.values():
        found.sort()  # (in text order, with the titled names the chains found)


def _vote(ix: ArticleIndex, name: str, ent: Span) -> None:
    """Gender evidence for a name from one mention (see :func:`gender_votes`)."""
    votes = ix.votes.setdefault(name, [0, 0])
    male, female = gender_votes(ent, ix.honorific)
    votes[0] += male
    votes[1] += female


__all__ = ["index_roles"]
