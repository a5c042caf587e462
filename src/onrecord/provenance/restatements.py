"""Restatements: a speaker's paraphrase and the quotation next to it say one thing, so a flag on one stands for both.

A reporter often gives a position twice in a row: "Ana Lind said the memo was genuine. “It is our memo, and every
word in it is ours,” she said." A flag raised on the paraphrase is the same disagreement as one on the quotation,
so :func:`with_restatements` adds the pairs the neighbouring restatement makes to the flag's ``also`` (the pairs it
stands for); it raises no flag of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from onrecord.provenance.pairs import SUBJECT_THRESHOLD, Pair, overlap
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


__all__ = ["restates", "with_restatements"]
