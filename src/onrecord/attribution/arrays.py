"""A parsed Doc's token attributes as numpy arrays, read once per Doc and shared by the passes over it.

A loop over every token of a Doc builds a spaCy ``Token`` object per token, and most tokens fail the first cheap
test of the loop (its part of speech, its dependency, its case). The passes over the whole document (the cues'
candidates, the article index's chains, surnames, appositions and acronyms) read these arrays instead and build
``Token`` objects only for the indices that pass the same test: the same tokens are looked at in the same order,
so the results are the same.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_ATTRS: list[int | str] = ["POS", "TAG", "DEP", "LOWER", "ORTH", "LEMMA", "IS_TITLE", "IDX", "HEAD"]


class TokenArrays:
    """One Doc's token attributes, by token index: ``pos``, ``tag``, ``dep``, ``lower``, ``orth`` and ``lemma``
    as spaCy's ids (compare with :func:`ids`), ``is_title``, ``idx`` (each token's first character) and ``head``
    (the index of each token's head)."""

    __slots__ = ("_lemmas", "dep", "doc", "head", "idx", "is_title", "lemma", "lower", "memo", "n", "orth", "pos",
                 "tag")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self.memo: dict[Hashable, Any] = {}  # (what the passes of one shared() block build once: memo_of)
        table = doc.to_array(_ATTRS) if self.n else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
        pos, tag, dep, lower, orth, lemma, title, idx, head = table.T
        self.pos: NDArray[np.uint64] = pos
        self.tag: NDArray[np.uint64] = tag
        self.dep: NDArray[np.uint64] = dep
        self.lower: NDArray[np.uint64] = lower
        self.orth: NDArray[np.uint64] = orth
        self.lemma: NDArray[np.uint64] = lemma
        self.is_title: NDArray[np.bool_] = title.astype(bool)
        self.idx: NDArray[np.int64] = idx.astype(np.int64)
        # HEAD is the offset of the head from the token, a negative one wrapped in uint64 (the cast unwraps it)
        self.head: NDArray[np.int64] = head.astype(np.int64) + np.arange(self.n, dtype=np.int64)
        self._lemmas: tuple[list[int], NDArray[np.intp]] | None = None  # distinct lemma ids, each token's among them

    def has_child(self, deps: NDArray[np.uint64]) -> NDArray[np.bool_]:
        """For each token, whether a token with one of the dependencies ``deps`` (from :func:`ids`) has it as
        its head: every token with such a child in ``Token.children``, and possibly more (a superset)."""
        out = np.zeros(self.n, dtype=bool)
        with_dep = one_of(self.dep, deps)
        out[self.head[with_dep]] = True
        return out

    def next_is(self, mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """For each token, whether the token after it passes ``mask`` (False for the last token)."""
        out = np.zeros(self.n, dtype=bool)
        out[:-1] = mask[1:]
        return out

    def lemma_in(self, words: Iterable[str], *, lower: bool = True) -> NDArray[np.bool_]:
        """For each token, whether its lemma (lowercased with ``lower``) is one of ``words``."""
        wanted = words if isinstance(words, frozenset) else frozenset(words)
        known = _LEMMA_IN.setdefault((wanted, lower), {})  # (each lemma id decided once per word list)
        if len(known) > _LEMMA_IN_LIMIT:
            known.clear()  # (a long corpus run meets ever more names: the memo stays small)
        strings = self.doc.vocab.strings
        if self._lemmas is None:  # (the same for every word list: found once per Doc)
            distinct, inverse = np.unique(self.lemma, return_inverse=True)
            self._lemmas = distinct.tolist(), inverse
        distinct_ids, inverse = self._lemmas
        hits = []
        for v in distinct_ids:
            hit = known.get(v)
            if hit is None:
                hit = known[v] = (strings[v].lower() if lower else strings[v]) in wanted
            hits.append(hit)
        return np.asarray(hits, dtype=bool)[inverse] if hits else np.zeros(self.n, dtype=bool)


#: :meth:`TokenArrays.lemma_in`'s answers by word list and lemma id (an id is the hash of its string: the same
#: id is the same lemma in every Doc), so that an article's lemmas are looked up, not decoded and lowercased anew.
_LEMMA_IN: dict[tuple[frozenset[str], bool], dict[int, bool]] = {}
_LEMMA_IN_LIMIT = 200_000


def ids(*strings: str) -> NDArray[np.uint64]:
    """The ids spaCy gives these strings (a dependency label, a part of speech, a word)."""
    return np.asarray([get_string_id(s) for s in strings], dtype=np.uint64)


#: Up to this many ids, :func:`one_of` compares them one by one; more, it leaves them to ``np.isin`` (whose fixed
#: cost, about 150 us, is that of some 30 comparisons over an article of a few thousand tokens: the surname
#: particles' 31 ids are compared one by one).
_FEW_IDS = 32


def one_of(values: NDArray[np.uint64], wanted: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """``np.isin(values, wanted)``: for each value, whether it is one of ``wanted`` (ids from :func:`ids`). For
    the few ids a rule names, one comparison each: ``np.isin`` sorts both arrays first, a fixed cost many times
    that of the test itself on one article's tokens."""
    if len(wanted) > _FEW_IDS:
        return np.isin(values, wanted)
    out = np.zeros(values.shape, dtype=bool)
    for w in wanted:
        out |= values == w
    return out


def positions(mask: NDArray[np.bool_]) -> list[int]:
    """The token indices where ``mask`` holds, in order."""
    return [int(i) for i in np.flatnonzero(mask)]


_CURRENT: ContextVar[TokenArrays | None] = ContextVar("onrecord_token_arrays", default=None)


@contextlib.contextmanager
def shared(doc: Doc) -> Iterator[TokenArrays]:
    """While the block runs (in this thread or task), :func:`token_arrays` of ``doc`` gives the same arrays: one
    reading for all the passes of one prediction, and ``Token.sent`` and ``Span.sent`` of ``doc`` look the sentence
    up (:class:`_Sentences`). (Not kept beyond it: a Doc changed later is read again.)"""
    arrays = TokenArrays(doc)
    token = _CURRENT.set(arrays)
    hooks = _Sentences.install(doc)
    try:
        yield arrays
    finally:
        _CURRENT.reset(token)
        _Sentences.remove(doc, hooks)


class _Sentences:
    """The sentence of each token of a parsed Doc, found once: spaCy's ``Token.sent`` slices the Doc (a Python
    call to normalise the slice) and ``Span.sent`` asks whether the Doc has sentence starts and walks to both ends of
    the sentence, on every access (about 7 us; the rules ask it tens of thousands of times per hundred articles).
    Installed as the Doc's ``sent`` hooks for one :func:`shared` block: the same Span as spaCy's walk, which any
    other case is left to (a Doc made from this one shares its hooks)."""

    __slots__ = ("doc", "ends", "n", "starts")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = n = len(doc)
        marks = doc.to_array("SENT_START") == 1  # (spaCy's walk stops at a token whose sent_start is 1)
        index = np.arange(n, dtype=np.int64)
        opening = marks.copy()
        if n:
            opening[0] = True
        self.starts: list[int] = np.maximum.accumulate(np.where(opening, index, 0)).tolist()
        bounds = np.append(np.flatnonzero(marks), n)
        self.ends: list[int] = bounds[np.searchsorted(bounds[:-1], index, side="right")].tolist()

    @classmethod
    def install(cls, doc: Doc) -> tuple[Any, Any] | None:
        """Install the hooks on ``doc`` (those it had before are returned, to put back); None when spaCy's own
        answer does not come from the sentence starts (no parse, or hooks of the Doc's own for sentences)."""
        if "sents" in doc.user_hooks or "sents" in doc.user_span_hooks or not doc.has_annotation("SENT_START"):
            return None
        table = cls(doc)
        before = (doc.user_token_hooks.get("sent"), doc.user_span_hooks.get("sent"))
        doc.user_token_hooks["sent"] = table.of_token
        doc.user_span_hooks["sent"] = table.of_span
        return before

    @staticmethod
    def remove(doc: Doc, before: tuple[Any, Any] | None) -> None:
        if before is None:
            return
        for hooks, hook in zip((doc.user_token_hooks, doc.user_span_hooks), before, strict=True):
            if hook is None:
                hooks.pop("sent", None)
            else:
                hooks["sent"] = hook

    def of_token(self, tok: Token) -> Span:
        return self.of(tok.doc, tok.i)

    def of_span(self, span: Span) -> Span:
        return self.of(span.doc, span.start)

    def of(self, doc: Doc, i: int) -> Span:
        if doc is self.doc and 0 <= i < self.n:
            return Span(doc, self.starts[i], self.ends[i])
        return _walk(doc, i)


def _walk(doc: Doc, i: int) -> Span:
    """spaCy's ``Span.sent`` for a span starting at token ``i`` (its walk to the sentence's first token and past its
    last, on the sentence starts)."""
    if not doc.has_annotation("SENT_START"):
        raise ValueError("[E030] Sentence boundaries unset.")
    marks = (doc.to_array("SENT_START") == 1).tolist()
    n = len(doc)
    start = i
    while start > 0 and not (start < n and marks[start]):
        start -= 1
    end = i + 1
    while end < n and not marks[end]:
        end += 1
    return doc[start:end]


def memo_of(doc: Doc) -> dict[Hashable, Any] | None:
    """A dict for what the passes of the current :func:`shared` block of ``doc`` build once (the Doc's entities,
    a span several passes read); None outside such a block (then each pass builds its own)."""
    current = _CURRENT.get()
    return current.memo if current is not None and current.doc is doc else None


def text_of(doc: Doc) -> str:
    """``doc.text``, read once per :func:`shared` block (spaCy joins every token's text anew on each access);
    outside such a block, read as it is."""
    memo = memo_of(doc)
    if memo is None:
        return doc.text
    text = memo.get("text")
    if text is None:
        text = memo["text"] = doc.text
    return cast("str", text)


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once per :func:`shared` block until :func:`set_ents` changes them (spaCy walks every
    token and builds the entities' Spans anew on each access, and several passes of the resolver read them);
    outside such a block, read as they are."""
    memo = memo_of(doc)
    if memo is None:
        return cast("tuple[Span, ...]", doc.ents)
    ents = memo.get("ents")
    if ents is None:
        ents = memo["ents"] = doc.ents
    return cast("tuple[Span, ...]", ents)


def root_of(span: Span) -> Token:
    """``span.root``, found once per :func:`shared` block for each span's range (spaCy walks each of its tokens'
    paths to the sentence's root on every access; the article index asks it of every person entity three times);
    outside such a block, found as it is."""
    memo = memo_of(span.doc)
    if memo is None:
        return span.root
    key = ("root", span.start, span.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = span.root
    return cast("Token", found)


def set_ents(doc: Doc, ents: Iterable[Span]) -> None:
    """``doc.ents = ents``, and :func:`ents_of` reads them anew (the one way the rules change a Doc's entities)."""
    doc.ents = ents  # type: ignore[assignment]
    memo = memo_of(doc)
    if memo is not None:
        memo.pop("ents", None)


def token_arrays(doc: Doc) -> TokenArrays:
    """The arrays of ``doc``: those :func:`shared` read, inside its block, else a fresh reading."""
    current = _CURRENT.get()
    return current if current is not None and current.doc is doc else TokenArrays(doc)
