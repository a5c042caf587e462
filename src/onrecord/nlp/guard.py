"""Bounds on what reaches spaCy, so that no document stalls a process or exhausts its memory.

spaCy's tokenizer peels prefixes and suffixes off a run of characters without whitespace one at a time, copying
the rest of the run each time: a run of ``n`` quotation marks or brackets costs time in ``n²``, in one call into
compiled code that no time cap can interrupt (200,000 ``"`` took hours). Its statistical components need memory in
proportion to the tokens of a batch (some 17 KB a token for the small English model). So:

- a run of more than :data:`MAX_RUN` characters without whitespace is *neutralised* in the text given to spaCy:
  replaced by as many spaces, so that every character offset stays valid, and reported as a
  :class:`~onrecord.types.Skipped` (``doc._.left_out``) -- no article has such a run (the longest in the gold
  corpora and the saved pages is under 150 characters; a long web address has a few hundred);
- the tokenizer is given the text in pieces of at most :data:`PIECE_CHARS` characters, cut where whitespace ends
  (tokens never span whitespace, so the tokens are exactly those of the whole text), and the pieces are joined
  again; a time cap (``Settings.doc_timeout``) can stop a document between two pieces;
- :func:`parts` cuts a long document into parts of at most :data:`BATCH_TOKENS` tokens at paragraph (or else
  sentence) boundaries for the statistical components, and :func:`onrecord.api.extract_many` puts at most that many
  tokens in one batch, so memory stays bounded whatever the size and shape of the text.

:class:`GuardedTokenizer` applies the first two to every text a pipeline from :func:`onrecord.load_pipeline` reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc

from onrecord.types import CharSpan, Skipped

#: The longest run of characters without whitespace that spaCy is given; a longer one is replaced by spaces.
MAX_RUN = 400
#: The tokenizer reads at most this many characters at a time (its worst case, a run of MAX_RUN affixes, costs
#: time in PIECE_CHARS x MAX_RUN: about a second).
PIECE_CHARS = 10_000
#: The most tokens the statistical components are given at once: one batch of documents, or one part of a long
#: document (some 350 MB of working memory for the small English model).
BATCH_TOKENS = 20_000

_WORD_START = re.compile(r"\s(?=\S)")
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")  # tried only where a run starts: linear time

if not Doc.has_extension("left_out"):
    Doc.set_extension("left_out", default=())


def neutralise(text: str) -> tuple[str, tuple[Skipped, ...]]:
    """``text`` with every run of more than :data:`MAX_RUN` non-whitespace characters replaced by spaces (same
    length, so offsets are unchanged), and a :class:`Skipped` for each such run."""
    runs = [m.span() for m in _LONG_RUN.finditer(text)]
    if not runs:
        return text, ()
    pieces: list[str] = []
    skipped: list[Skipped] = []
    last = 0
    for start, end in runs:
        pieces += [text[last:start], " " * (end - start)]
        skipped.append(Skipped(
            reason=f"{end - start:,} characters without a space were not read (a run over {MAX_RUN} characters "
                   "is not text)",
            span=CharSpan(start, end),
        ))
        last = end
    pieces.append(text[last:])
    return "".join(pieces), tuple(skipped)


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """``text`` in consecutive pieces, each cut where whitespace ends, so that tokenizing the pieces gives the
    tokens of the whole text: at most ``size`` characters, cut after a line break when there is one in the second
    half, else before the last word that starts in it. A piece with no word starting in it (whitespace, such as a
    neutralised run) goes on to the next word; only a run of more than ``size`` characters without whitespace is
    cut inside."""
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        cut = _cut(text, start + size // 2, limit, "\n") or _cut(text, start + 1, limit, None)
        if cut is None and text[limit - 1].isspace():  # whitespace past the limit: on to the next word
            after = _WORD_START.search(text, limit - 1)
            if after is None:
                break  # whitespace to the end
            cut = after.start() + 1
        elif cut is None:  # a run of more than ``size`` characters without whitespace
            cut = limit
        yield text[start:cut]
        start = cut
    yield text[start:]


def _cut(text: str, lo: int, hi: int, after: str | None) -> int | None:
    """The last position in [lo, hi] where whitespace (``after``, when given) is followed by non-whitespace."""
    i = hi
    while i >= lo:
        prev = text[i - 1]
        if (prev == after if after else prev.isspace()) and not text[i].isspace():
            return i
        i -= 1
    return None


class GuardedTokenizer:
    """A spaCy tokenizer that neutralises very long runs and reads the text in pieces (see the module docstring);
    the Doc's text is the neutralised text, and ``doc._.left_out`` lists what was neutralised. Anything else is
    the wrapped tokenizer's (serialisation, special cases)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        safe, left_out = neutralise(text)
        if len(safe) <= PIECE_CHARS:
            doc = self.tokenizer(safe)
        else:
            # the tokens and their norms only: not the sentence start every Doc has on its first token
            doc = Doc.from_docs([self.tokenizer(p) for p in pieces(safe, PIECE_CHARS)], ensure_whitespace=False,
                                attrs=["NORM"])
        if left_out:
            doc._.left_out = left_out
            _norm_as_if_absent(doc, left_out)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _norm_as_if_absent(doc: Doc, left_out: tuple[Skipped, ...]) -> None:
    """Give each whitespace token that holds a neutralised run the norm of what is left of it without the run
    (its line breaks): the statistical components read a token's norm, and a whitespace token of 200,000 spaces,
    a string they never saw, changed the parse of the sentence before it."""
    starts = [t.idx for t in doc]
    for skip in left_out:
        assert skip.span is not None
        first = max(0, bisect.bisect_right(starts, skip.span.start) - 1)
        for tok in doc[first : bisect.bisect_left(starts, skip.span.end)]:
            if tok.is_space:
                lo, hi = max(skip.span.start, tok.idx) - tok.idx, min(skip.span.end, tok.idx + len(tok)) - tok.idx
                tok.norm_ = (tok.text[:lo] + tok.text[hi:]) or " "


def parts(doc: Doc, size: int = BATCH_TOKENS) -> list[tuple[int, int]]:
    """Token ranges covering ``doc`` in order, each of at most ``size`` tokens, cut after a line break in the
    second half of the range when there is one, else after a sentence-final mark, else at ``size``."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(doc)
    while n - start > size:
        limit = start + size
        cut = next((i for i in range(limit, start + size // 2, -1) if "\n" in doc[i - 1].text_with_ws), None) \
            or next((i for i in range(limit, start + size // 2, -1) if doc[i - 1].text in (".", "!", "?")), None) \
            or limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


__all__ = ["BATCH_TOKENS", "MAX_RUN", "PIECE_CHARS", "GuardedTokenizer", "neutralise", "parts", "pieces"]
