"""A party's claim voiced by a named member (:mod:`onrecord.provenance.backing`): "Republicans said the findings
raised new questions. ... 'It is a scandal,' Rep. Ivo Tarn (R-Ore.) said." The party's (or lawmakers') bare plural
and the first named voice after it, when that voice is marked as one of its members (the party's tag or noun; for
lawmakers, a legislator's title or any party tag: "top lawmakers said ...", then "Rep. Ana Lind"), back each other,
the member in all its words of that sentence; the first named voice decides (one unmarked, or marked as another
side's, ends the search), within two paragraph breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text, mention, mention_noun
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LEXICON = load("en")
_SIDES = _LEXICON.mapping("party_sides")  # (party noun -> the letter of its members' tag)
_LAWMAKERS, _TITLES = _LEXICON.words("lawmaker_heads"), _LEXICON.words("lawmaker_titles")
_LEGISLATURE = "lawmakers"  # (the side of a set of lawmakers, of no one party)
_TAG = re.compile(r"(?:\(|,\s)([A-Z])-[A-Z][a-z]*\.?")  # "(R-Ore.)", ", D-Vt."
_PARTS = frozenset("some many most few several other".split())  # (a part of the set: "many lawmakers")
_PARAGRAPHS = 2  # how many paragraph breaks may stand between the party's words and its member's


def _side(word: str) -> str | None:
    """The party a word names ("Republicans", "Democratic"), by its noun."""
    return next((noun for noun in _SIDES if word.lower().startswith(noun)), None)


def _party(doc: Doc, a: Attribution) -> str | None:
    """The party whose bare plural the mention is, saying or believing ("Republicans said", "House Democrats
    argue"; lawmakers: "top lawmakers said"); not a part of it ("some Republicans", "many Democrats") nor a deed
    ("Republicans voted")."""
    span = mention(doc, a)
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    if span is None or cue is None or not len(cue) or cue.root.lemma_.lower() not in lex.SPEECH_VERBS | \
            lex.BELIEF_VERBS:
        return None
    head = mention_noun(span)
    if head.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "predet", "nummod", "poss") or (
            c.dep_ == "amod" and c.lower_ in _PARTS) for c in head.children):
        return None
    if head.lemma_.lower() in _LAWMAKERS or head.lower_ in _LAWMAKERS:
        return _LEGISLATURE
    return _side(head.text) if head.lower_.removesuffix("s") in _SIDES and not any(
        c.dep_ == "amod" for c in head.children) else None


def _member_of(span: Span, party: str) -> bool | None:
    """Is the named voice marked as one of the party's members (its tag, "(R-Ore.)", or its noun, "the top
    Republican on the panel")? False when marked as another side's, None when not marked."""
    tags = {m.group(1) for m in _TAG.finditer(span.text)}
    if party == _LEGISLATURE:  # (a legislator's title or any party tag)
        return bool(tags) or any(t.lower_ in _TITLES and t.dep_ == "compound" and t.head.pos_ == "PROPN"
                                 for t in span) or None
    nouns = {_side(t.text) for t in span} - {None}
    if not tags and not nouns:
        return None
    return _SIDES[party] in tags or party in nouns


def party_members(doc: Doc, attributions: Sequence[Attribution], kinds: Sequence[str],
                  out: list[str | None]) -> None:
    """A party's bare plural saying something and the first named voice after it that is marked as its member back
    each other (see the module docstring)."""
    text = doc_text(doc)
    breaks = "\n\n" if "\n\n" in text else "\n"
    order = sorted(range(len(attributions)), key=lambda k: attributions[k].content.start)
    for n, i in enumerate(order):
        party = _party(doc, attributions[i])
        if party is None:
            continue
        for j in order[n + 1 :]:
            if text[attributions[i].content.end : attributions[j].content.start].count(breaks) > _PARAGRAPHS:
                break
            then = mention(doc, attributions[j])
            if kinds[j] != "person" or then is None or not any(t.pos_ == "PROPN" for t in then):
                continue  # (another set or a pronoun: not yet a named voice)
            member = _member_of(then, party)
            if member:
                said = mention(doc, attributions[i])
                out[i] = out[i] or f"member: {then.text}"
                for k in order[n + 1 :]:  # (all the member's words in that sentence: "..., adding that ...")
                    if k == j or (attributions[k].speaker == attributions[j].speaker and then.sent.start_char <=
                                  attributions[k].content.start < then.sent.end_char):
                        out[k] = out[k] or f"member of {said.text if said is not None else party}"
            break  # (the first named voice decides)


def another_side(doc: Doc, a: Attribution, then: Span) -> bool:
    """Is the statement a party's claim ("Democrats said ...") and the named voice marked as another side's member
    ("Rep. Ivo Tarn (R-Ore.)")? Such a voice answers the party; it does not back it."""
    party = _party(doc, a)
    return party is not None and _member_of(then, party) is False


__all__ = ["another_side", "party_members"]
