"""Names written with a patronym: a given name, the word for "son of" or "daughter of", the father's name ("Ana
Sari binti Osman", "Kumar a/l Rajan", "Azlan bin Haris"), as Malay, Tamil and Arabic names are.

News copy gives such a name in full once and then calls the person by the given name alone ("Ana Sari said",
"Kumar said"), never by the father's name. The recogniser cuts the name up (the given name a person, the father's
name another, or the whole an organisation), and the tokenizer splits "a/l" in three. Here the text is read once
for the whole names, which the index learns, and each given name is made to stand for its full name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from onrecord.attribution.arrays import text_of
from onrecord.attribution.resolution.names import LEADING_ROLES
from onrecord.lexicon.en import PATRONYM_WORDS

_WORD = r"[A-Z][\w'’-]+"
#: One to three capitalised given names, a patronym word, one or two capitalised words of the father's name.
_PATRONYMIC = re.compile(rf"\b((?:{_WORD} ){{0,2}}{_WORD}) (" + "|".join(
    re.escape(w) for w in sorted(PATRONYM_WORDS, key=len, reverse=True)) + rf") ({_WORD}(?: {_WORD})?)\b")
#: What every match of :data:`_PATRONYMIC` holds: a patronym word between spaces before a capital. Most articles
#: have none, and this one scan is a fraction of the full pattern's, which tries every capitalised word.
_PATRONYM_WORD = re.compile(" (?:" + "|".join(
    re.escape(w) for w in sorted(PATRONYM_WORDS, key=len, reverse=True)) + ") [A-Z]")


def patronymic_names(doc: Doc) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """(token, full name) of each name written with a patronym, and each given name (lower case) -> the full name
    it stands for; a title before the given name ("Dr", "Datuk") is left out, and a given name two people share
    stands for neither."""
    names, given, _spans = _read(doc)
    return names, given


def patronymic_people(doc: Doc) -> list[Span]:
    """The whole names written with a patronym, and the given names alone that stand for one ("Ana Sari said"),
    as PERSON spans, whatever the recogniser made of them (for
    :func:`onrecord.attribution.resolution.people.people_by_evidence`)."""
    _names, given, spans = _read(doc)
    if not spans:
        return []
    text = text_of(doc)
    wholes = [(s.start_char, s.end_char) for s in spans]
    for first in {full.rsplit(" ", 2)[0] for full in given.values()}:
        for m in re.finditer(rf"\b{re.escape(first)}\b", text):
            if any(a <= m.start() < b for a, b in wholes):
                continue
            span = doc.char_span(m.start(), m.end(), label="PERSON")
            if span is not None and span.root.ent_type_ != "PERSON":
                spans.append(span)
    return spans


def _read(doc: Doc) -> tuple[list[tuple[int, str]], dict[str, str], list[Span]]:
    text = text_of(doc)
    names: list[tuple[int, str]] = []
    given: dict[str, set[str]] = {}
    spans: list[Span] = []
    if _PATRONYM_WORD.search(text) is None:
        return names, {}, spans
    for m in _PATRONYMIC.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        while words and words[0].lower().rstrip(".") in LEADING_ROLES:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        first = " ".join(words)
        full = f"{first} {m.group(2)} {m.group(3)}"
        span = doc.char_span(start, start + len(words[0]), alignment_mode="expand")
        if span is None or span[0].pos_ != "PROPN":
            continue
        names.append((span.start, full))
        given.setdefault(first.lower(), set()).add(full)
        whole = doc.char_span(start, m.end(3), label="PERSON")
        if whole is not None:
            spans.append(whole)
    return names, {first: fulls.pop() for first, fulls in given.items() if len(fulls) == 1}, spans


__all__ = ["patronymic_names", "patronymic_people"]
