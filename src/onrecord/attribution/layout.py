"""The lines of a text as a page lays them out: which are headings, captions or boilerplate rather than the
story's sentences. Cues in such a line start no statement (:mod:`.extractor`, :mod:`.attach`, :mod:`.beside`).
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Token

from onrecord.lexicon.en import TEASER_LABELS


def in_heading(text: str, tok: Token) -> bool:
    """Is the token in a heading, caption or boilerplate line ("Story continues below advertisement")?
    Such a line is short and does not end like a sentence, or it links to another story ("READ MORE: ...")."""
    return _lines(text).heading(tok.idx)


def in_teaser(text: str, tok: Token) -> bool:
    """Is the token in a line that links to another story ("READ MORE: ...", "WATCH: ...")?"""
    return _lines(text).teaser(tok.idx)


class _Lines:
    """The lines of one text, each judged once: :func:`_in_heading` is asked for every cue, and reading the whole
    line each time made one long paragraph cost time in the square of its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}
        self.teasers: dict[int, bool] = {}

    def heading(self, pos: int) -> bool:
        k = self._judge(pos)
        return self.teasers[k] or self.judged[k]

    def teaser(self, pos: int) -> bool:
        return self.teasers[self._judge(pos)]

    def _judge(self, pos: int) -> int:
        """The line's number, judged (once)."""
        k = bisect.bisect_left(self.breaks, pos)  # the first line break at or after pos ends its line
        if k not in self.judged:
            start = self.breaks[k - 1] + 1 if k else 0
            end = self.breaks[k] if k < len(self.breaks) else len(self.text)
            line = self.text[start:end].strip()
            label, colon, _rest = line.partition(":")
            teaser = bool(colon) and "_".join(label.lower().split()) in TEASER_LABELS
            self.teasers[k] = teaser
            self.judged[k] = len(line.split()) < 16 and line[-1:] not in ".!?\"”’'»:,;)"
        return k


@functools.lru_cache(maxsize=2)
def _lines(text: str) -> _Lines:
    """The lines of ``text``, kept for the text being read (a str caches its hash; the lookup compares identity
    first, so asking again for the same text costs nothing)."""
    return _Lines(text)
