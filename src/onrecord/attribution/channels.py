"""The channel a statement came through: a letter, a post, remarks to reporters, a court filing ..."""

from __future__ import annotations

import re

from spacy.tokens import Token

from onrecord.lexicon.en import MEDIA_PRIORITY, MEDIUM_VERBS, MEDIUM_WORDS


#: Channel words that are also parts of outlet names ("the Harbour Post", "the Times Brief").
_IN_TITLES = frozenset("post note brief report release journal statement review letter".split())


#: Words that mark a news outlet among proper nouns.
_OUTLET_HINTS = frozenset(
    "times post journal news herald tribune press cnn nbc abc cbs fox bbc cbc ctv npr msnbc reuters ap".split()
)


def medium_for(text: str, cue: Token | None, source_head: Token | None) -> str:
    """Read the channel off the cue verb, its prepositional phrases and objects, and the source itself.

    "Seely wrote in a letter" -> letter; "Engel tweeted" -> post; "told reporters" -> remarks;
    "in a series of tweets, Merkley said" -> post; "the statement read" -> statement.
    """
    found: list[str] = []
    if cue is not None:
        verb = MEDIUM_VERBS.get(cue.lemma_.lower())
        if verb:
            found.append(verb)
        for child in cue.children:
            if child.dep_ in ("prep", "dobj", "dative", "npadvmod", "advcl", "agent", "obl"):
                for tok in child.subtree:
                    medium = MEDIUM_WORDS.get(tok.lower_)
                    # a common noun or verb: "the Harbour Post" is a paper, not a post
                    if medium and not (tok.is_title and tok.lower_ in _IN_TITLES):
                        found.append(medium)
        # a sentence-initial "In a statement," / "In the letter," attached elsewhere in the clause
        sent = cue.sent
        for tok in sent:
            if tok.dep_ == "prep" and tok.lower_ in ("in", "on", "at", "via", "through") and tok.i < cue.i:
                if tok.head.i == cue.i or tok.head.dep_ == "ROOT" or tok.head == cue.head:
                    for sub in tok.subtree:
                        medium = MEDIUM_WORDS.get(sub.lower_)
                        if medium and sub.pos_ in ("NOUN", "PROPN"):
                            found.append(medium)
        if not found:
            found.extend(_fronted_phrase(text, _clause_start(cue), cue.idx))
        if not found and cue.lemma_.lower() == "tell":
            # "told the Harbour Post", "told CNN": speaking to a news outlet is an interview
            listener = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)
            if listener is not None and (listener.ent_type_ in ("ORG", "WORK_OF_ART") or listener.pos_ == "PROPN"
                                         and any(t.lower_ in _OUTLET_HINTS for t in listener.subtree)):
                found.append("interview")
    if source_head is not None and source_head.pos_ == "NOUN":
        medium = MEDIUM_WORDS.get(source_head.lower_)
        if medium:
            found.append(medium)
    if not found:
        return "unknown"
    return min(found, key=MEDIA_PRIORITY.index)


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
            if medium and w not in ("wrote", "writes", "write", "written", "filed", "event", "crowd"):
                out.append(medium)
                break
    return out
