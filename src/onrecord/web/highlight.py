"""Highlights for the article view, built from character offsets: the text is cut at every span boundary into
plain segments, and each segment says which statements cover it and as what (content, source, cue, skipped).

Nothing here makes markup: the template escapes each segment's text and wraps it in an element whose classes
come from the constants below, so article text can never become markup. Colours are assigned per speaker from
the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies); the CSS defines ``c0``..``c6``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

#: Okabe & Ito (2008), "Color Universal Design", without black: the colours of ``.c0`` .. ``.c6`` in app.css.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
PALETTE_NAMES = ("orange", "sky blue", "bluish green", "yellow", "blue", "vermillion", "reddish purple")

#: Quotation marks that open and close quoted words (the exact words someone said).
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"\n]*\"|‘[^’\n]{3,}’(?!\w)")

CONTENT, SOURCE, CUE, SKIPPED = "content", "source", "cue", "skipped"
_PRIORITY = {CUE: 0, SOURCE: 1, CONTENT: 2}


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text with what covers it. ``classes`` and ``attrs`` come from constants and numbers only."""

    text: str
    start: int
    classes: str = ""
    attrs: str = ""  # the 1-based numbers of the statements covering it, space-separated
    anchor: int | None = None  # the statement whose first words this is (id="s-N", focusable)
    skipped: str | None = None  # the reason a skipped part was not used
    #: the flags of the statements whose words end here, as (anchor, label): a ⚑ after this segment links to each
    flags: tuple[tuple[str, str], ...] = ()

    @property
    def plain(self) -> bool:
        return not self.classes


def speaker_label(a: dict[str, Any]) -> str:
    return a.get("speaker") or a.get("speaker_description") or a.get("source_text") or "unknown"


def speaker_colours(attributions: Sequence[dict[str, Any]]) -> dict[Any, int]:
    """A colour index per speaker of the article (by linked speaker id, else by how the article names them), in
    the order they first speak."""
    colours: dict[Any, int] = {}
    for a in attributions:
        colours.setdefault(speaker_key(a), len(colours) % len(PALETTE))
    return colours


def speaker_key(a: dict[str, Any]) -> Any:
    return ("id", a["speaker_id"]) if a.get("speaker_id") is not None else ("name", speaker_label(a).casefold())


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """The stretches between quotation marks (marks excluded)."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)]


def segments(text: str, attributions: Sequence[dict[str, Any]], skipped: Sequence[dict[str, Any]] = (),
             flags: Mapping[int, Sequence[dict[str, str]]] | None = None) -> list[Segment]:
    """Cut ``text`` at every boundary of the statements' spans (``content_start``/``_end``, ``source_*``,
    ``cue_*``; numbered by position from 1) and of the skipped parts (``span``: [start, end] or None).
    ``flags``: for the statements (by position, from 0) that take part in a provenance flag, each flag's
    ``anchor`` and ``label``; their words are classed ``flagged`` and their last segment carries the flags."""
    flags = flags or {}
    n = len(text)
    colours = speaker_colours(attributions)
    spans: list[tuple[int, int, str, int]] = []  # (start, end, role, statement index)
    for i, a in enumerate(attributions):
        for role in (CONTENT, SOURCE, CUE):
            start, end = a.get(f"{role}_start"), a.get(f"{role}_end")
            if start is None or end is None:
                continue
            start, end = max(0, min(int(start), n)), max(0, min(int(end), n))
            if end > start:
                spans.append((start, end, role, i))
    skips: list[tuple[int, int, str]] = []
    for s in skipped:
        span = s.get("span")
        if span:
            start, end = max(0, min(int(span[0]), n)), max(0, min(int(span[1]), n))
            if end > start:
                skips.append((start, end, str(s.get("reason") or "")))
    quotes = quoted_regions(text)
    cuts = {0, n}
    for start, end, *_ in spans:
        cuts.update((start, end))
    for start, end, _ in skips:
        cuts.update((start, end))
    for start, end in quotes:
        cuts.update((start, end))
    bounds = sorted(cuts)
    first_content: dict[int, int] = {}
    last_content: dict[int, int] = {}
    for start, end, role, i in sorted(spans):
        if role == CONTENT:
            first_content.setdefault(i, start)
            last_content[i] = max(end, last_content.get(i, end))
    out: list[Segment] = []
    for lo, hi in pairwise(bounds):
        if hi <= lo:
            continue
        covering = [(role, i, end - start) for start, end, role, i in spans if start <= lo and hi <= end]
        skip = next((reason for start, end, reason in skips if start <= lo and hi <= end), None)
        if not covering:
            out.append(Segment(text[lo:hi], lo, classes="skipped" if skip is not None else "", skipped=skip))
            continue
        role, primary, _ = min(covering, key=lambda c: (_PRIORITY[c[0]], c[2]))
        a = attributions[primary]
        classes = ["hl", role, f"c{colours[speaker_key(a)]}"]
        if role == CONTENT:
            in_quotes = any(qs <= lo and hi <= qe for qs, qe in quotes)
            classes.append("quoted" if a.get("type") == "direct" or in_quotes else "paraphrase")
        if skip is not None:
            classes.append("skipped")
        if any(flags.get(i) for r, i, _ in covering if r == CONTENT):
            classes.append("flagged")
        ending = tuple(dict.fromkeys((f["anchor"], f["label"]) for i in sorted({i for _, i, _ in covering})
                                     if last_content.get(i) == hi for f in flags.get(i, ())))
        numbers = sorted({i + 1 for _, i, _ in covering}, key=lambda k: (k != primary + 1, k))
        anchor = next((i + 1 for _, i, _ in covering if first_content.get(i) == lo), None)
        out.append(Segment(text[lo:hi], lo, classes=" ".join(classes), attrs=" ".join(map(str, numbers)),
                           anchor=anchor, skipped=skip, flags=ending))
    return out


def side_list(attributions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who said what in this article: one entry per speaker, in order of first statement, with their statements'
    numbers and colour."""
    colours = speaker_colours(attributions)
    entries: dict[Any, dict[str, Any]] = {}
    for i, a in enumerate(attributions, 1):
        key = speaker_key(a)
        entry = entries.setdefault(key, {"label": speaker_label(a), "speaker_id": a.get("speaker_id"),
                                         "kind": a.get("speaker_kind"), "colour": colours[key], "numbers": []})
        entry["numbers"].append(i)
    return list(entries.values())
