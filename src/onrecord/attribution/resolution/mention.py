"""The case the speaker rules look at: one source mention, with what the parse and the index say of it.

Everything a rule reads is computed once here, in the order the rules once computed it: the phrase without its
trailing clause, the entities in it (without one that runs on past it), the people it names and those that are
its own, the entities of the head's own phrase, and the head's lemma, determiner and definiteness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.names import clean_name, last_line, name_like, person_name, surname
from onrecord.attribution.resolution.roles import title_read_as_name
from onrecord.attribution.resolution.syntax import (
    compound_start,
    core,
    determiner,
    modifies,
    names_other,
    possessor,
)
from onrecord.lexicon.en import CUES_READ_AS_NOUNS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver


@dataclass(frozen=True, slots=True)
class Mention:
    """A source mention to resolve, as the speaker rules see it."""

    resolver: SpeakerResolver
    whole: Span  # the mention as found
    head: Token  # its root
    moves: bool  # may resolution move to another mention (bounded: see SpeakerResolver.resolve)
    source: Span  # the mention without what trails its noun phrase (a relative clause, "but ...", a dash)
    ents: tuple[Span, ...]  # entities in ``source``, without one that runs on past the mention
    head_ent: Span | None  # the head's entity, unless it runs on past the mention (a title-case headline)
    people: tuple[Span, ...]  # person entities in ``source`` with a name
    own: tuple[Span, ...]  # the people the head's phrase names (not a possessor, not a preposition's object)
    head_name: str | None  # a proper or title-case head's name (its entity's, else its compound's)
    phrase_ents: tuple[Span, ...]  # the entities of the head's own phrase ("the RCMP statement")
    unknown_ents: tuple[Span, ...]  # of those, the ones that are not the surname of a person named
    lemma: str
    det: str | None
    description: str  # the text of ``source``
    definite: bool  # "the", "this", "that" or a possessor

    @classmethod
    def of(cls, resolver: SpeakerResolver, whole: Span, *, moves: bool) -> Mention:
        index = resolver.index
        head = whole.root
        det_outside = None
        if head.pos_ == "DET" and len(whole) == 2 and whole[1].dep_ == "compound" and whole[1].head.i == whole.end \
                and whole[1].head.lower_ in CUES_READ_AS_NOUNS:
            # "the email read": the tagger took "read" for a noun, "email" its compound and "the" its article
            head, det_outside = whole[1], whole[0].lower_
        source = core(whole)
        ents = list(dict.fromkeys(index.ent_of[t.i] for t in source if t.i in index.ent_of))
        head_ent = index.ent_of.get(head.i)
        if head_ent is not None and head_ent.label_ != "PERSON" and head_ent.end >= whole.end + 2:
            # "Bernie Sanders Promises Action On Immigration In": an entity that runs on past the phrase (a
            # title-case headline) does not name it
            ents = [e for e in ents if e != head_ent]
            head_ent = None
        people = [e for e in ents if e.label_ == "PERSON" and name_like(person_name(e))
                  and not title_read_as_name(e, index.full_surnames)]
        # the people the head's phrase names: the head itself, its appositions and what is joined to them --
        # not a possessor ("Lind's aunt") nor the object of a preposition ("a spokeswoman for Ana Lind")
        own = [e for e in people if not possessor(e) and not names_other(e, source)]
        head_name = None
        titled = head_ent is not None and head_ent.label_ == "PERSON" and title_read_as_name(
            head_ent, index.full_surnames)
        if (head.is_title or head.pos_ == "PROPN") and not titled:  # ("Her former Treasurer" names nobody)
            head_name = person_name(head_ent) if head_ent is not None else clean_name(
                last_line(resolver.doc[compound_start(head) : head.i + 1].text))
        # the organisations that belong to the head's own phrase ("the RCMP statement"), not those further
        # out ("the sergeant-at-arms of the Senate", "a resident of Lakeview")
        phrase_ents = [e for e in ents if modifies(e.root, head)]
        # not a person the recogniser took for an organisation: "Lind's staff" is not Lind, nor an organisation
        unknown_ents = [e for e in phrase_ents if surname(clean_name(e.text)) not in index.by_surname]
        det = determiner(head) or det_outside
        return cls(
            resolver, whole, head, moves, source, tuple(ents), head_ent, tuple(people), tuple(own), head_name,
            tuple(phrase_ents), tuple(unknown_ents), head.lemma_.lower(), det, source.text.strip(),
            det in ("the", "this", "that") or any(c.dep_ == "poss" for c in head.children),
        )
