"""Offices that news copy names by several phrases: "Chief Financial Officer Ana Lind" is later "the finance
chief" or "the CFO"; "CEO Ivo Tarn" is "the chief executive" (lexicon titles.toml ``office_phrases``).

The roles the index keeps are single words ("chief", "officer"), which tell a company's chiefs apart no more;
an office phrase gives the title before a name, an apposition or a description one key, so that each finds the
person introduced with any other phrase of the same office.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.lexicon.en import OFFICE_PHRASES

#: The most words an office phrase has.
_LONGEST = max(len(p.split()) for p in OFFICE_PHRASES)


def office_of_words(words: list[str]) -> str | None:
    """The office the last words of a title or a description name, the longest phrase first ("Chief Financial
    Officer" -> "finance chief"); None when they name none."""
    low = [w.lower().rstrip(".") for w in words]
    for k in range(min(_LONGEST, len(low)), 0, -1):
        found = OFFICE_PHRASES.get(" ".join(low[-k:]))
        if found is not None:
            return found
    return None


def office_before_name(ent: Span) -> str | None:
    """The office a title right before a person's name gives ("Chief Financial Officer Ana Lind", "CFO Ana
    Lind"): its capitalised words, read back from the name."""
    doc, k = ent.doc, ent.start
    while k > 0 and ent.start - k < _LONGEST and (doc[k - 1].is_title or doc[k - 1].is_upper) and doc[k - 1].is_alpha:
        k -= 1
        if doc[k].is_sent_start:
            break  # (the sentence's first word, and no further)
    return office_of_words([t.text for t in doc[k : ent.start]]) if k < ent.start else None


def office_of_noun(head: Token) -> str | None:
    """The office a noun and the words before it in its phrase name ("the finance chief", "the company's chief
    financial officer", "the CFO")."""
    start = head.i
    while start > head.sent.start and head.doc[start - 1].dep_ in ("amod", "compound") \
            and head.doc[start - 1].head.i <= head.i and head.doc[start - 1].is_alpha:
        start -= 1
    return office_of_words([t.text for t in head.doc[start : head.i + 1]])


__all__ = ["office_before_name", "office_of_noun", "office_of_words"]
