"""The channel a statement came through: a letter, a post, remarks to reporters, a court filing ..."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.attribution.lexicon import MEDIA_PRIORITY, MEDIUM_VERBS, MEDIUM_WORDS


def medium_for(doc: Doc, cue: Token | None, source_head: Token | None) -> str:
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
                    if medium and tok.pos_ in ("NOUN", "PROPN", "VERB"):
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
    if source_head is not None and source_head.pos_ == "NOUN":
        medium = MEDIUM_WORDS.get(source_head.lower_)
        if medium:
            found.append(medium)
    if not found:
        return "unknown"
    return min(found, key=MEDIA_PRIORITY.index)
