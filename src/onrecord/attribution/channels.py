"""The channel a statement came through: a letter, a post, remarks to reporters, a court filing ...

The decision is the table ``channels`` at the foot of this module: the first rule that finds channel words
decides, and where several channel words are found the most specific wins (``MEDIA_PRIORITY``). A channel word
in the source itself ("the statement read") counts with every rule's; alone it is the last rule. None: unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from spacy.tokens import Token

from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon.en import (
    CHANNEL_WORDS_IN_TITLES,
    MEDIA_PRIORITY,
    MEDIUM_VERBS,
    MEDIUM_WORDS,
    NOT_FRONTED_CHANNELS,
    OUTLET_HINTS,
)
from onrecord.types import Medium

__all__ = ["CHANNEL_RULES", "ChannelCase", "medium_for"]

#: The dependencies of a cue whose words may name the channel ("wrote in a letter", "told reporters").
_CHANNEL_DEPS = ("prep", "dobj", "dative", "npadvmod", "advcl", "agent", "obl")


def medium_for(text: str, cue: Token | None, source_head: Token | None) -> Medium:
    """Read the channel off the cue verb, its prepositional phrases and objects, and the source itself.

    "Seely wrote in a letter" -> letter; "Engel tweeted" -> post; "told reporters" -> remarks;
    "in a series of tweets, Merkley said" -> post; "the statement read" -> statement.
    """
    decided = CHANNEL_RULES.first(ChannelCase(text, cue, source_head))
    # the lexicon's channel words map to Medium values (tests/attribution/test_channels.py holds it to that)
    return cast(Medium, decided[1]) if decided is not None else "unknown"


@dataclass(frozen=True, slots=True)
class ChannelCase:
    """What a ``channels`` rule looks at: the text, the cue and the source's head; ``in_source`` is the channel
    the source itself names ("the statement read": statement), read once for every rule."""

    text: str
    cue: Token | None
    source_head: Token | None
    in_source: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        head = self.source_head
        medium = MEDIUM_WORDS.get(head.lower_) if head is not None and head.pos_ == "NOUN" else None
        object.__setattr__(self, "in_source", (medium,) if medium else ())

    def most_specific(self, found: list[str]) -> str | None:
        """The most specific of the channels found and the source's own; None when there are none."""
        every = found + list(self.in_source)
        return min(every, key=MEDIA_PRIORITY.index) if every else None


@rule(
    "channels.cue-words",
    ("Ana Lind said in an email that the pier would close.", "letter"),
    ("Ivo Tarn tweeted that the vote was rigged.", "post"),
    ("Mira Oduya told reporters that the talks had failed.", "remarks"),
)
def cue_words(case: ChannelCase) -> str | None:
    """The cue verb ("tweeted"), the phrases and objects it governs ("in a letter", "told reporters"), or a
    phrase heading its sentence ("In a statement, Ana Lind said ...") name the channel."""
    cue = case.cue
    if cue is None:
        return None
    found: list[str] = []
    verb = MEDIUM_VERBS.get(cue.lemma_.lower())
    if verb:
        found.append(verb)
    for child in cue.children:
        if child.dep_ in _CHANNEL_DEPS:
            for tok in child.subtree:
                medium = MEDIUM_WORDS.get(tok.lower_)
                # a common noun or verb: "the Harbour Post" is a paper, not a post
                if medium and not (tok.is_title and tok.lower_ in CHANNEL_WORDS_IN_TITLES):
                    found.append(medium)
    # a sentence-initial "In a statement," / "In the letter," attached elsewhere in the clause
    for tok in cue.sent:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "on", "at", "via", "through") and tok.i < cue.i \
                and (tok.head.i == cue.i or tok.head.dep_ == "ROOT" or tok.head == cue.head):
            for sub in tok.subtree:
                medium = MEDIUM_WORDS.get(sub.lower_)
                if medium and sub.pos_ in ("NOUN", "PROPN"):
                    found.append(medium)
    return case.most_specific(found) if found else None


@rule(
    "channels.fronted-phrase",
    ("In the letter, Army Spec. Ana Lind said the base would close.", "letter"),
)
def fronted_phrase(case: ChannelCase) -> str | None:
    """A channel named in a phrase fronting the cue's clause, where the parse attaches it elsewhere or the
    sentence splitter cut the clause at an abbreviation the tokenizer splits ("In the letter, Army Spec. | Ana Lind
    said")."""
    if case.cue is None:
        return None
    found = _fronted_phrase(case.text, _clause_start(case.cue), case.cue.idx)
    return case.most_specific(found) if found else None


@rule(
    "channels.told-outlet",
    ("Ana Lind told the Lakeview Herald that the pier would close.", "interview"),
)
def told_outlet(case: ChannelCase) -> str | None:
    """Speaking to a news outlet is an interview: "told the Harbour Post", "told CNN"."""
    cue = case.cue
    if cue is None or cue.lemma_.lower() != "tell":
        return None
    listener = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)
    if listener is not None and (listener.ent_type_ in ("ORG", "WORK_OF_ART") or (listener.pos_ == "PROPN"
                                 and any(t.lower_ in OUTLET_HINTS for t in listener.subtree))):
        return case.most_specific(["interview"])
    return None


@rule(
    "channels.source-noun",
    ("The statement said the pier would close in May.", "statement"),
)
def source_noun(case: ChannelCase) -> str | None:
    """The source itself names the channel: "the statement read", "the letter said"."""
    return case.most_specific([])


_FRONTED = re.compile(
    r"\b(?:in|on|via|through|at)\s+(?:(?:a|an|the|his|her|their|its|this|that|one|two|several)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?([\w-]+)\s*,",
    re.IGNORECASE,
)


def _clause_start(cue: Token) -> int:
    """Where the cue's sentence starts -- one sentence earlier when that one is a fragment the splitter cut
    off at an abbreviation ("In the letter, Marine Corps Brig. | Gen. William Seely said ...")."""
    sent = cue.sent
    if sent.start > 0:
        prev = cue.doc[sent.start - 1].sent
        if 2 <= len(prev) < 10 and prev[-1].text == "." and len(prev[-2].text) <= 5 and prev[-2].is_title:
            return prev.start_char
    return sent.start_char


def _fronted_phrase(text: str, clause_start: int, cue_start: int) -> list[str]:
    """A channel named in a fronted phrase of the cue's clause: "In the letter, … said" / "In a series of
    tweets on Monday, … said"."""
    para = text.rfind("\n", 0, cue_start) + 1
    start = max(para, clause_start, cue_start - 160)
    out = []
    for m in _FRONTED.finditer(text, start, cue_start):
        words = re.findall(r"[\w-]+", m.group(0).lower())
        for w in words:
            medium = MEDIUM_WORDS.get(w)
            if medium and w not in NOT_FRONTED_CHANNELS:
                out.append(medium)
                break
    return out


CHANNEL_RULES: RuleTable[ChannelCase, str] = RuleTable(
    "channels", [cue_words, fronted_phrase, told_outlet, source_noun]
)
