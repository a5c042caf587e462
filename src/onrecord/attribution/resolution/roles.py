"""Who holds a role a description names: "the harbour master", "the senator", "the former mayor", "the foreign
minister" -- the person the article introduced with that role (by title, by apposition), narrowed by the place,
team and rank the description gives."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from onrecord.attribution.resolution.syntax import compound_start, copular_nouns, role_key
from onrecord.lexicon.en import ROLE_RANKS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: Words that make a role a second one: "the deputy foreign minister" is not "the foreign minister".
SECOND_RANKS = frozenset({"deputy", "vice", "assistant", "associate", "junior", "acting", "interim", "shadow"})


def role_holder(r: SpeakerResolver, head: Token) -> str | None:
    """The person last introduced before ``head`` with the role it names ("the harbour master"), else the
    first introduced after it (a lede's "the league commissioner said ..." named further down)."""
    roles = r.index.roles.get(role_key(head), [])
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    places = {c.text for c in modifiers if c.ent_type_ in ("GPE", "LOC")}
    if places:  # "the Vermont senator": not a senator the article never places in Vermont
        roles = [(i, name) for i, name in roles if r.index.placed(name, places)]
    teams = {c.text for c in modifiers if c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC")}
    if teams:  # "the Ashgrove manager": not the one introduced as "Harbour manager Colm Brady"
        roles = [(i, name) for i, name in roles if not _affiliated_elsewhere(r.doc, i, teams)]
    if any(c.lower_ == "former" for c in modifiers):  # "the former mayor": not the mayor in office
        roles = [(i, name) for i, name in roles if _introduced_with(r, i, {"former"})] or roles
    ranks = {c.lower_ for c in modifiers if c.lower_ in ROLE_RANKS}
    if ranks:  # "the lead plaintiff": not the one introduced as "the second plaintiff, Ivo Tarn"
        roles = [(i, name) for i, name in roles if _introduced_with(r, i, ranks)] or roles
    if not any(c.lower_ in SECOND_RANKS for c in modifiers):  # "the foreign minister": not the deputy one
        roles = [(i, name) for i, name in roles if not _introduced_with(r, i, SECOND_RANKS)] or roles
    last = next(((i, s.name) for i, s in reversed(r.recent) if i < head.i and s.kind == "person"), None)
    if last is not None and any(name == last[1] for _i, name in roles) and not any(
        last[0] < i < head.i and name != last[1] for i, name in roles
    ):
        # the one just quoted holds the role, and nobody else was given it since: "Sen. Ana Dale ... said
        # Dale. The senator paused" is her, not a senator introduced in between
        return last[1]
    in_view = _subject_in_view(r, head, {name for _i, name in roles})
    if in_view is not None:
        return in_view
    before = [name for i, name in roles if i < head.i]
    return before[-1] if before else (roles[0][1] if roles else None)


def _subject_in_view(r: SpeakerResolver, head: Token, holders: set[str]) -> str | None:
    """The person named last as a subject, in the sentence before ``head`` or in its own, when that person holds
    the role: "Sen. Ana Tarn ... Tarn defends her record in an ad: “…,” the senator says" is Tarn, whoever was
    introduced as a senator since."""
    start = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    subject = next((t for t in reversed(r.doc[start : head.i]) if t.dep_ in ("nsubj", "nsubjpass")
                    and t.pos_ == "PROPN" and not r.index.inside(t.idx)), None)
    if subject is None:
        return None
    full = r.index.fullest(r.doc[compound_start(subject) : subject.i + 1].text)
    return full if full in holders else None


def _title_before(doc: Doc, start: int) -> list[Token]:
    """The words right before the name at ``start`` that make its title ("former Harbour manager" Colm Brady)."""
    title = []
    for tok in reversed(doc[max(0, start - 4) : start]):
        if tok.is_punct or tok.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ"):
            break
        title.append(tok)
    return title


def _introduced_with(r: SpeakerResolver, start: int, words: Collection[str]) -> bool:
    """Was the person named at ``start`` given their role with one of ``words`` ("Former mayor Janet Cole", "Janet
    Cole, a former mayor"; "Delvany's deputy foreign minister, Ilse Marendaal")?"""
    ent = r.index.ent_of.get(start)
    root = ent.root if ent is not None else r.doc[start]
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []) + \
        copular_nouns(root)
    return any(t.lower_ in words for t in _title_before(r.doc, start)) or any(
        c.lower_ in words for n in nouns for c in n.children)


def _affiliated_elsewhere(doc: Doc, start: int, teams: set[str]) -> bool:
    """Do the words right before the name at ``start`` (its title: "Harbour manager Colm Brady") give it a proper
    noun as affiliation, none of them one of ``teams``?"""
    proper = [t.text for t in _title_before(doc, start) if t.pos_ == "PROPN"]
    return bool(proper) and not any(t in teams for t in proper)
