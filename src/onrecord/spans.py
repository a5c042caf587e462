"""Character spans: trimming at word and punctuation edges, overlap, merging.

One home for the span arithmetic that ``attribution/`` (the rules and the accurate mode's decoder) and ``eval/``
(the scorer) share. Spans are half-open character ranges ``[start, end)`` into a text, as
:class:`onrecord.types.CharSpan` or plain ``(start, end)`` pairs; nothing here knows about spaCy.

There are several trims, and they differ on purpose; each keeps the behaviour of the code it came from:

- :func:`trim_punctuation` drops whitespace and every Unicode punctuation character at either end (the scorer's
  trim: how gold and predicted spans are compared, and how the decoder cuts a tagger span);
- :func:`trim_to_alnum` drops everything that is not a letter or a digit at either end (for "is this clause
  inside that quotation?", :func:`trimmed_within`);
- :func:`strip_chars` drops the characters of a given set at either end (the rules' trims of a content at
  commas, dashes and quotation marks);
- :func:`widen_to_words` is the opposite: it widens a span that cuts a word to the whole word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Protocol

from onrecord.types import CharSpan

__all__ = [
    "jaccard",
    "merge",
    "overlap",
    "strip_chars",
    "trim_punctuation",
    "trim_to_alnum",
    "trimmed_within",
    "widen_to_words",
]

#: Characters the scorer's trim drops besides whitespace and Unicode punctuation (they are symbols, "Sk").
_EXTRA_PUNCT = frozenset("`´")


class _Range(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _is_edge(ch: str) -> bool:
    return ch.isspace() or ch in _EXTRA_PUNCT or unicodedata.category(ch).startswith("P")


def trim_punctuation(text: str, span: Sequence[int]) -> tuple[int, int]:
    """``span`` without whitespace and punctuation at either end (an all-punctuation span -> empty at start).

    >>> trim_punctuation("“We will,” she said", (0, 10))
    (1, 8)
    """
    start, end = int(span[0]), int(span[1])
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return start, end


def trim_to_alnum(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without anything but letters and digits at either end.

    >>> trim_to_alnum("“We will,” she said", 0, 10)
    (1, 8)
    """
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def strip_chars(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """``[start, end)`` without the characters of ``chars`` at either end.

    >>> strip_chars("Ana Lind: “We will.”", 8, 20, " :“”")
    (11, 19)
    """
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it cuts no word: an edge between two letters or digits moves outwards.

    >>> widen_to_words("Lakeview council", 2, 11)
    (0, 16)
    """
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def overlap(a: _Range, b: _Range) -> int:
    """How many characters two spans share (0 when they are apart)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Shared length over joint length of two ``(start, end)`` ranges (0.0 when they do not overlap).

    >>> jaccard((0, 10), (5, 15))
    0.3333333333333333
    """
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def trimmed_within(text: str, inner: CharSpan, outer: CharSpan) -> bool:
    """Does ``inner``, trimmed to letters and digits (:func:`trim_to_alnum`), lie within ``outer``?"""
    s, e = trim_to_alnum(text, inner.start, inner.end)
    return outer.start <= s and e <= outer.end


def merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``(start, end)`` ranges as sorted, disjoint ranges (touching ones are joined).

    >>> merge([(5, 9), (0, 3), (3, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
