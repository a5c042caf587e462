"""The accurate mode's decoder: the rules' attributions, corrected by the role tagger (tagger.py).

Pure Python over character offsets; no torch here. The tagger gives, for each word piece, probabilities of
outside / beginning / inside for three layers (content, cue, source). From them:

1. **spans** per layer are read off the most probable labels and widened to whole words;
2. **corrected boundaries:** with ``spans="scored"`` (the default), each rule span is replaced by the best-scoring
   whole span near it (``best_span``) when that beats the rule's own by ``gain``; with ``spans="labels"``, by the
   tagger span read off the labels that covers it closely enough;
3. **dropped:** a rule attribution whose content the tagger does not see as content at all;
4. **added:** a tagger content span that no rule attribution covers becomes a new attribution, with the
   nearest tagger cue of its sentence and the tagger source nearest that cue.

The defaults are the best settings found on PolNeAR dev with tools/tagger/evaluate.py for the shipped tagger
(``add_min`` 0.9: only contents the tagger is nearly sure of are added; lower thresholds lose precision). The
tagger reads the rules' candidates down to a cue model probability of 0.15, more than the rules alone keep, and
``keep_min`` 0.7 keeps only those it supports: it judges candidates in context where the cue model cannot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.eval.scorer import trim
from onrecord.types import CharSpan

#: Label indices (as in tagger.py).
_O, _B, _I = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Decoding:
    """The decoder's knobs (defaults chosen on PolNeAR dev)."""

    replace_content: float = 0.5  # take the tagger's content when its overlap with the rule's is at least this
    spans: str = "scored"  # "scored": best whole span near the rule's (best_span); "labels": spans_of
    reach_content: int = 40  # pieces around a rule content searched for its boundaries
    reach_role: int = 6  # ... around a rule cue or source
    gain: float = 1.0  # take a scored content when it beats the rule's by more than this (log-probability)
    gain_cue: float = 1.0  # ... a scored cue
    gain_source: float = 1.0  # ... a scored source
    drop_below: float = 0.2  # drop a rule attribution whose content the tagger gives less than this support
    keep_min: float = 0.7  # ... and, even where a tagger content overlaps it, less than this (at or above
    # drop_below, as by default, it decides alone; drop_below matters when keep_min is lowered)
    add_min: float = 0.9  # add a tagger-only content whose mean support is at least this (above 1: never)
    add_needs_cue: bool = True  # ... only when a tagger cue is found for it


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    span: CharSpan
    score: float  # mean probability of not-outside over its pieces


@dataclass(frozen=True, slots=True)
class Refined:
    """One attribution after correction: its spans, and which rule attribution it came from (None: added)."""

    content: CharSpan
    cue: CharSpan | None
    source: CharSpan | None
    origin: int | None
    score: float


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def spans_of(text: str, offsets: Sequence[tuple[int, int]], probs: Any, layer: int) -> list[TaggedSpan]:
    """The spans of one layer: a piece labelled B starts one, I continues it (or starts one after O)."""
    out: list[TaggedSpan] = []
    cur: list[Any] | None = None  # [start, end, sum of support, pieces]

    def close() -> None:
        if cur is not None:
            s, e = _word_edges(text, cur[0], cur[1])
            s, e = trim(text, (s, e))
            if e > s:
                out.append(TaggedSpan(CharSpan(s, e), cur[2] / cur[3]))

    for k, (a, b) in enumerate(offsets):
        p = probs[k][layer]
        label = max(range(3), key=lambda j: p[j])
        support = 1.0 - float(p[_O])
        if label == _B or (label == _I and cur is None):
            close()
            cur = [a, b, support, 1]
        elif label == _I:
            cur[1] = b
            cur[2] += support
            cur[3] += 1
        else:
            close()
            cur = None
    close()
    return out


def support(offsets: Sequence[tuple[int, int]], probs: Any, layer: int, span: CharSpan) -> float:
    """Mean probability of not-outside of the pieces inside ``span``."""
    vals = [1.0 - float(probs[k][layer][_O]) for k, (a, b) in enumerate(offsets) if a >= span.start and b <= span.end]
    return sum(vals) / len(vals) if vals else 0.0


def best_span(
    text: str, offsets: Sequence[tuple[int, int]], probs: Any, layer: int, rule: CharSpan, reach: int
) -> tuple[CharSpan, float] | None:
    """The most probable span of one layer near a rule span, and its gain in log-probability over the rule's.

    Candidates start and end on word edges within ``reach`` pieces of the rule span's edges and overlap it. A
    candidate labels its first piece B, the rest I, and the piece after it not-I; its score is the log-probability
    those labels lose against the tagger's most probable label of each piece. Reading spans off per-piece labels
    fragments them; scoring whole spans keeps them coherent.
    """
    inside = [k for k, (a, b) in enumerate(offsets) if a < rule.end and b > rule.start]
    if not inside:
        return None
    lo = max(0, inside[0] - reach)
    hi = min(len(offsets), inside[-1] + reach + 1)
    eps = 1e-6
    rows = [[float(probs[k][layer][j]) for j in range(3)] for k in range(lo, hi)]
    n = hi - lo
    # against the tagger's own best labelling: a piece costs what giving it the candidate's label loses
    best_log = [math.log(max(eps, max(r))) for r in rows]
    b_gain = [math.log(max(eps, r[_B])) - m for r, m in zip(rows, best_log)]
    i_gain = [math.log(max(eps, r[_I])) - m for r, m in zip(rows, best_log)]
    after = [math.log(max(eps, 1.0 - r[_I])) for r in rows]  # the piece after a span does not continue it
    cum_i = [0.0]
    for g in i_gain:
        cum_i.append(cum_i[-1] + g)

    def word_start(k: int) -> bool:
        a = offsets[k][0]
        return a == 0 or not (text[a - 1].isalnum() and text[a].isalnum())

    def word_end(k: int) -> bool:
        b = offsets[k][1]
        return b >= len(text) or not (text[b - 1].isalnum() and text[b].isalnum())

    def score(i: int, j: int) -> float:  # span of window pieces i..j inclusive
        return b_gain[i] + (cum_i[j + 1] - cum_i[i + 1]) + (after[j + 1] if j + 1 < n else 0.0)

    first, last = inside[0] - lo, inside[-1] - lo
    starts = [i for i in range(n) if word_start(lo + i) and i <= last]
    ends = [j for j in range(n) if word_end(lo + j) and j >= first]
    best, best_score = None, -math.inf
    for i in starts:
        for j in ends:
            if j < i:
                continue
            sc = score(i, j)
            if sc > best_score:
                best, best_score = (i, j), sc
    if best is None:
        return None
    rule_score = score(first, last)
    a, b = offsets[lo + best[0]][0], offsets[lo + best[1]][1]
    a, b = trim(text, (a, b))
    if b <= a:
        return None
    return CharSpan(a, b), best_score - rule_score


def _jaccard(a: CharSpan, b: CharSpan) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))


def _best(spans: list[TaggedSpan], target: CharSpan) -> TaggedSpan | None:
    best, score = None, 0.0
    for t in spans:
        j = _jaccard(t.span, target)
        if j > score:
            best, score = t, j
    return best


def refine(
    text: str,
    rules: Sequence[tuple[CharSpan, CharSpan | None, CharSpan | None]],
    offsets: Sequence[tuple[int, int]],
    probs: Any,
    sentences: Sequence[tuple[int, int]],
    knobs: Decoding = Decoding(),
) -> list[Refined]:
    """Correct the rules' (content, cue, source) triples with the tagger's probabilities.

    ``sentences`` are the document's sentence spans (start, end), in order.
    """
    contents = spans_of(text, offsets, probs, 0)
    cues = spans_of(text, offsets, probs, 1)
    sources = spans_of(text, offsets, probs, 2)
    out: list[Refined] = []
    for i, (content, cue, source) in enumerate(rules):
        best = _best(contents, content)
        held = support(offsets, probs, 0, content)
        if held < knobs.keep_min or (best is None and held < knobs.drop_below):
            continue
        if knobs.spans == "scored":
            score = held
            found = best_span(text, offsets, probs, 0, content, knobs.reach_content)
            if found is not None and found[1] > knobs.gain:
                content = found[0]
            if cue is not None:
                found = best_span(text, offsets, probs, 1, cue, knobs.reach_role)
                if found is not None and found[1] > knobs.gain_cue and not found[0].overlaps(content):
                    cue = found[0]
            if source is not None:
                found = best_span(text, offsets, probs, 2, source, knobs.reach_role)
                if found is not None and found[1] > knobs.gain_source and not found[0].overlaps(content) \
                        and not found[0].overlaps(cue or CharSpan(0, 0)):
                    source = found[0]
            out.append(Refined(content, cue, source, i, score))
            continue
        if best is not None and _jaccard(best.span, content) >= knobs.replace_content:
            content = best.span
        if cue is not None:
            t = _best(cues, cue)
            if t is not None and not t.span.overlaps(content):
                cue = t.span
        if source is not None:
            t = _best(sources, source)
            if t is not None and not t.span.overlaps(cue or CharSpan(0, 0)):
                source = t.span
        score = best.score if best is not None else 0.0
        out.append(Refined(content, cue, source, i, score))

    # one attribution per content
    seen: set[tuple[int, int]] = set()
    unique: list[Refined] = []
    for r in out:
        key = (r.content.start, r.content.end)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    out = unique

    taken = [r.content for r in out]
    for t in contents:
        if t.score < knobs.add_min or any(t.span.overlaps(c) for c in taken):
            continue
        lo, hi = _sentence_range(sentences, t.span)
        cue_t = _nearest([c for c in cues if lo <= c.span.start and c.span.end <= hi and not c.span.overlaps(t.span)], t.span)
        if cue_t is None and knobs.add_needs_cue:
            continue
        source_t = None
        if cue_t is not None:
            source_t = _nearest(
                [s for s in sources if lo <= s.span.start and s.span.end <= hi
                 and not s.span.overlaps(t.span) and not s.span.overlaps(cue_t.span)],
                cue_t.span,
            )
        out.append(Refined(t.span, cue_t.span if cue_t else None, source_t.span if source_t else None, None, t.score))
        taken.append(t.span)
    return sorted(out, key=lambda r: (r.content.start, r.content.end))


def _sentence_range(sentences: Sequence[tuple[int, int]], span: CharSpan) -> tuple[int, int]:
    lo, hi = span.start, span.end
    for s, e in sentences:
        if s <= span.start < e:
            lo = min(lo, s)
        if s < span.end <= e:
            hi = max(hi, e)
    return lo, hi


def _nearest(spans: list[TaggedSpan], anchor: CharSpan) -> TaggedSpan | None:
    def distance(t: TaggedSpan) -> int:
        if t.span.end <= anchor.start:
            return anchor.start - t.span.end
        return t.span.start - anchor.end

    return min(spans, key=distance, default=None)
