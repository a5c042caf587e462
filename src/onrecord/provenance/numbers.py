"""Numbers in a statement, each with the noun it counts ("200 jobs" -> ("job", 200.0), "$1.4 million" -> ("money",
1400000.0), "3 percent" -> ("percent", 3.0)): what a changed-number reversal compares."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from onrecord.lexicon import load
from onrecord.lexicon.en import NUMBER_SCALES, NUMBER_VALUES

_NUMBER_WORDS = {w: float(v) for w, v in NUMBER_VALUES.items()}
#: A counted noun's lemma as counts are compared ("penny" -> "pence"): the lexicon's ``count_nouns``.
_COUNT_NOUNS = load("en").mapping("count_nouns")
_SCALES = {w: float(v) for w, v in NUMBER_SCALES.items()}
NUMBER_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _number(tok: Token) -> float | None:
    text = tok.lower_.replace(",", "").lstrip("$€£")
    if text.endswith("%"):
        text = text[:-1]
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    return _NUMBER_WORDS.get(text)


def _units_after(tok: Token) -> Token | None:
    """The units word of a written-out number ("forty-five": "five", after "forty" and a hyphen), if any."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-" or _NUMBER_WORDS.get(tok.lower_, 0) < 20:
        return None
    units = doc[tok.i + 2]
    return units if 0 < _NUMBER_WORDS.get(units.lower_, 10) < 10 else None


def numbers(content: Span, tokens: Iterable[Token] | None = None) -> tuple[tuple[str, float], ...]:
    """Each number of a content with the noun it counts; ``tokens``: the content's tokens, listed once by a caller
    that walks them several times."""
    out: list[tuple[str, float]] = []
    wholes: set[int] = set()
    taken: set[int] = set()  # (the units word of a written-out number: read with its tens)
    for tok in content if tokens is None else tokens:
        if not (tok.like_num or tok.ent_type_ in NUMBER_ENTS) or tok.i in taken:
            continue
        value = _number(tok)
        if value is None or (tok.lower_ == "one" and not tok.text[0].isdigit()):
            continue  # ("one" is more often a pronoun or "not one" than a count)
        units = _units_after(tok)
        if units is not None:  # "forty-five jobs": one count, counted by the units word's noun
            value, tok = value + _NUMBER_WORDS[units.lower_], units
            taken.add(units.i)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and _ratio(nxt):
            continue  # "five times as many users": a ratio, no count of users
        if nxt is not None and nxt.lower_ in _SCALES:
            value *= _SCALES[nxt.lower_]
        if (nxt is not None and nxt.text == "%") or tok.text.endswith("%") or _per_cent(tok):
            key = "percent"
        elif tok.text.startswith(("$", "€", "£")) or (tok.i > 0 and tok.doc[tok.i - 1].text in "$€£"):
            key = "money"
        else:
            head = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else None
            while head is not None and head.dep_ in ("nummod", "quantmod", "compound") and head.head.i != head.i:
                head = head.head
            key = head.lemma_.lower() if head is not None and head.pos_ in ("NOUN", "PROPN") else ""
            key = _COUNT_NOUNS.get(key, key)
            whole = _partitive(tok) if not key else None
            if whole is not None:  # "130 of the 340 people": 130 people (and the 340 is the whole, not the claim)
                key, wholes = whole.lemma_.lower(), {*wholes, *(c.i for c in whole.children if c.dep_ == "nummod")}
        if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") or tok.i in wholes:
            continue
        out.append((key, value))
    return tuple(dict.fromkeys(out))


def _per_cent(tok: Token) -> bool:
    """Is the number followed by "per cent" or "percent" ("2 per cent of our output": a percentage, however the
    parse hangs the words)?"""
    after = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3]]
    return after[:1] == ["percent"] or after == ["per", "cent"]


def _ratio(nxt: Token) -> bool:
    """Is the word after a number "times" before a comparison ("five times as many", "three times higher", "twice
    the rate" is no number here): the number multiplies another count?"""
    after = nxt.nbor(1) if nxt.i + 1 < len(nxt.doc) else None
    return nxt.lower_ == "times" and after is not None and (
        after.lower_ in ("as", "the") or after.tag_ in ("JJR", "RBR"))


def _partitive(tok: Token) -> Token | None:
    """The noun a number takes a part of ("130 of the 340 people": people), if any."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((o for o in of.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None) if of is not None else None



__all__ = ["NUMBER_ENTS", "numbers"]
