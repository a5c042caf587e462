"""Restatements: a speaker's paraphrase and the quotation next to it say one thing, so a flag on one stands for both.

A reporter often gives a position twice in a row: "Ana Lind said the memo was genuine. “It is our memo, and every
word in it is ours,” she said." A flag raised on the paraphrase is the same disagreement as one on the quotation,
so :func:`with_restatements` adds the pairs the neighbouring restatement makes to the flag's ``also`` (the pairs it
stands for); it raises no flag of its own.

A reporter also recalls a claim made in an earlier article of the story when setting a new finding against it
("The audit gives the lie to the chair's assurance in May that no money was lent"): :func:`with_recalled` adds to
such a signalled conflict the pair the person's own earlier words make ("Not a penny was lent", said in May).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from onrecord.provenance.pairs import SUBJECT_THRESHOLD, Pair, overlap
from onrecord.provenance.parties import recalled_claim, same_person
from onrecord.provenance.values import Flag, Statement


def restates(x: Statement, y: Statement) -> bool:
    """Does ``y`` say again what ``x`` said: the same party, next to each other in one article, both asserting, on
    one subject (a predicate said of the same thing, or most of what they name) and not opposed?"""
    if x.article != y.article or abs(x.ordinal - y.ordinal) != 1 or x.party is None or x.party != y.party:
        return False
    if not (x.claim.asserts and y.claim.asserts):
        return False
    pair = Pair(x, y) if x.ordinal < y.ordinal else Pair(y, x)
    if pair.opposed:
        return False
    return bool(pair.shared) or overlap(x.claim, y.claim) >= SUBJECT_THRESHOLD


def _key(ref: dict[str, Any] | None) -> tuple[str, int] | None:
    if ref is None or ref.get("ordinal") is None:
        return None
    return str(ref.get("article")), int(ref["ordinal"])


def _restating(s: Statement, other: Statement, by_key: dict[tuple[str, int], Statement]) -> list[Statement]:
    """The statements right before and after ``s`` (not the ``other`` side of its flag) that restate it."""
    return [n for o in (-1, 1) if (n := by_key.get((s.article, s.ordinal + o))) and n is not other
            and restates(s, n)]


def with_restatements(flags: Iterable[Flag], statements: Sequence[Statement]) -> list[Flag]:
    """The flags, each with the pairs its statements' neighbouring restatements make added to ``also``."""
    by_key = {(s.article, s.ordinal): s for s in statements}
    out = []
    for f in flags:
        ka, kb = _key(f.a), _key(f.b)
        a, b = by_key.get(ka) if ka else None, by_key.get(kb) if kb else None
        if f.kind not in ("reversal", "conflict") or a is None or b is None:
            out.append(f)
            continue
        extra = [(x.ref(), b.ref()) for x in _restating(a, b, by_key)] + [
            (a.ref(), y.ref()) for y in _restating(b, a, by_key)]
        out.append(replace(f, also=(*f.also, *extra)) if extra else f)
    return out


def recalls(recap: Statement, earlier: Statement, holders: Sequence[str] = ()) -> bool:
    """Does a reporter's recap of a person's claim (a signalled conflict's side, "the chief executive's statement
    in July that no bank details were exposed") give back this statement of another article: one person (by
    name, or one of the ``holders`` of the role that owns the recap), both asserting, on one subject with no
    concept opposed (one said of the same thing with one sign, or most of what they name)?"""
    if earlier.article == recap.article or earlier.document is not None or not earlier.claim.asserts:
        return False
    if not any(same_person(earlier.party, p) for p in (recap.party, *holders)):
        return False
    first = (earlier.published or "", earlier.article) <= (recap.published or "", recap.article)
    pair = Pair(earlier, recap) if first else Pair(recap, earlier)
    if pair.opposed:
        return False
    return bool(pair.shared) or overlap(earlier.claim, recap.claim) >= SUBJECT_THRESHOLD


def holders(role: str, statements: Sequence[Statement], texts: dict[str, str]) -> list[str]:
    """The people whose statements' sources give them a role ("the chief executive": "the company's chief
    executive, Ana Lind"), one name each."""
    words = role.lower().split()
    if len(words) < 2 or words[0] != "the":
        return []
    found: list[str] = []
    for s in statements:
        if s.attribution.source is None or s.attribution.speaker_kind != "person" or not s.party:
            continue
        source = s.attribution.source.of(texts.get(s.article, "")).lower().replace("’s", "").replace("'s", "")
        if set(words[1:]) <= set(re.findall(r"[a-z-]+", source)) and not any(same_person(s.party, f)
                                                                             for f in found):
            found.append(s.party)
    return found


def _in_signal_sentence(s: Statement, flag: Flag, text: str) -> bool:
    """Is the statement given in the reporter's sentence that raised the flag ("The survey's findings are at odds
    with what Ana Lind said in May, when she told reporters that ...")?"""
    if not flag.evidence or not text:
        return False
    start = max(text.rfind(". ", 0, s.attribution.content.start), text.rfind("\n", 0, s.attribution.content.start))
    end = text.find(". ", s.attribution.content.end)
    return flag.evidence[0] in text[start + 1:end if end >= 0 else len(text)]


def with_recalled(flags: Iterable[Flag], statements: Sequence[Statement],
                  texts: dict[str, str] | None = None) -> list[Flag]:
    """The flags, each signalled conflict (the reporter's words) with a side that recalls a person's claim (a
    claim whose owner the reporter's words name: no source of its own) given the pairs that person's earlier
    statements in other articles make (:func:`recalls`) in ``also``; ``texts``: each article's text, by key."""
    by_key = {(s.article, s.ordinal): s for s in statements}
    texts = texts or {}
    out = []
    for f in flags:
        sides = [by_key.get(k) if (k := _key(r)) else None for r in (f.a, f.b)]
        extra: list[tuple[dict[str, Any], dict[str, Any]]] = []
        if f.kind == "conflict" and f.reason.startswith("the reporter") and None not in sides:
            for i, recap in enumerate(sides):
                other = sides[1 - i]
                assert recap is not None and other is not None
                text = texts.get(recap.article, "")
                if recap.document is not None or not (recalled_claim(recap.attribution, text)
                                                      or _in_signal_sentence(recap, f, text)):
                    continue
                story = [s for s in statements if s.article != recap.article and s.story & recap.story]
                given = [s for s in story if recalls(recap, s, holders(recap.party or "", story, texts))]
                if len({s.party for s in given}) != 1:
                    continue  # (no one, or two holders of the role who each said it: whose is not known)
                extra.extend((s.ref(), other.ref()) if i == 0 else (other.ref(), s.ref()) for s in given)
        out.append(replace(f, also=(*f.also, *extra)) if extra else f)
    return out


__all__ = ["holders", "recalls", "restates", "with_recalled", "with_restatements"]
