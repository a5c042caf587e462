"""Relay chains: who passed a statement on ("according to Washington Post reporter Mustafa Salim").

A relay mention is split into a person and an outlet by two tables at the foot of this module: ``relays.name``
(the person, if any) and then ``relays.outlet`` (the outlet, which may depend on the name found).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from onrecord.attribution.resolution import clean_name
from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon.en import OUTLET_WORDS, REPORTER_ROLES
from onrecord.types import CharSpan, Relay

__all__ = ["NAME_RULES", "OUTLET_RULES", "RelayCase", "relay_from"]


def _ents_within(span: Span) -> list[Span]:
    """The entities that lie wholly inside ``span``, as ``span.ents`` gives them, read off its own tokens
    (``Span.ents`` walks every entity of the document: for each relay of a long article, in the square of its
    length)."""
    doc, out, i = span.doc, [], span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            out.append(Span(doc, i, j, label=doc[i].ent_type_))
        i = j
    return out


def relay_from(mention: Span) -> Relay:
    """Split a relay mention into a person and an outlet: "Washington Post reporter Mustafa Salim"."""
    case = RelayCase(mention, _ents_within(mention), next((t for t in mention if t.lower_ in REPORTER_ROLES), None))
    named = NAME_RULES.first(case)
    name = named[1] if named is not None else None
    outlet = OUTLET_RULES.first(RelayCase(mention, case.ents, case.role, name))
    return Relay(span=CharSpan(mention.start_char, mention.end_char), name=name,
                 outlet=outlet[1] if outlet is not None else None)


@dataclass(frozen=True, slots=True)
class RelayCase:
    """What a ``relays`` rule looks at: the mention, the entities inside it, its role word ("reporter") if any,
    and (for the outlet rules) the person's name the name rules found."""

    mention: Span
    ents: list[Span]
    role: Token | None
    name: str | None = None


@rule("relays.person-entity", ("Ana Lind said the pier would close, according to Kestrel Bay reporter Ivo Tarn.",
                               "Ivo Tarn"))
def person_entity(case: RelayCase) -> str | None:
    """The first person the entity recogniser finds in the mention."""
    return next((clean_name(ent.text) for ent in case.ents if ent.label_ == "PERSON"), None)


@rule("relays.name-after-role", ("Ana Lind said the pier would close, according to Harbour Post reporter Obi.",
                                 "Obi"))
def name_after_role(case: RelayCase) -> str | None:
    """The proper nouns after a role word: "Harbour Post reporter Nadia Ferris" -> Nadia Ferris."""
    if case.role is None:
        return None
    after = [t for t in case.mention if t.i > case.role.i and t.pos_ == "PROPN"]
    return clean_name(case.mention.doc[after[0].i : after[-1].i + 1].text) if after else None


NAME_RULES: RuleTable[RelayCase, str] = RuleTable("relays.name", [person_entity, name_after_role])


@rule("relays.outlet-entity", ("Ana Lind said the pier would close, according to The Lakeview Herald.",
                               "Lakeview Herald"))
def outlet_entity(case: RelayCase) -> str | None:
    """The first organisation, group, place or work the entity recogniser finds in the mention."""
    return next((_outlet_text(ent.text) for ent in case.ents if ent.label_ in ("ORG", "NORP", "GPE", "WORK_OF_ART")),
                None)


@rule("relays.outlet-before-role", ("Ana Lind said the pier would close, according to Kestrel Bay reporter Ivo Tarn.",
                                    "Kestrel Bay"))
def outlet_before_role(case: RelayCase) -> str | None:
    """The proper nouns before a role word: "Harbour Post reporter Nadia Ferris" -> Harbour Post."""
    if case.role is None:
        return None
    before = [t for t in case.mention if t.i < case.role.i and t.pos_ == "PROPN"]
    return _outlet_text(case.mention.doc[before[0].i : before[-1].i + 1].text) if before else None


@rule(
    "relays.outlet-words",
    ("Ana Lind said the pier would close, according to correspondent Ivo Tarn of Harbour Radio.", "Harbour Radio"),
)
def outlet_words(case: RelayCase) -> str | None:
    """Proper nouns (not the person's name) among which one is an outlet word ("Radio", "Herald"): from the
    first to the last of them."""
    name = case.name
    words = [t for t in case.mention if t.pos_ == "PROPN" and (name is None or t.text not in name)]
    if words and any(w.lower_ in OUTLET_WORDS for w in words):
        return _outlet_text(case.mention.doc[words[0].i : words[-1].i + 1].text)
    return None


@rule("relays.whole-mention", ("Ana Lind said the pier would close, according to the harbour newsletter.",
                               "harbour newsletter"))
def whole_mention(case: RelayCase) -> str | None:
    """No person and nothing else found: the whole mention is the outlet ("according to the newsletter")."""
    return _outlet_text(case.mention.text) if case.name is None else None


OUTLET_RULES: RuleTable[RelayCase, str] = RuleTable(
    "relays.outlet", [outlet_entity, outlet_before_role, outlet_words, whole_mention]
)


def _outlet_text(text: str) -> str:
    text = text.strip().rstrip(",.;:")
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text
