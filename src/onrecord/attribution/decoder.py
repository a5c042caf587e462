"""The accurate mode's decoder: the rules' attributions, corrected by the role tagger (tagger.py).

Pure Python over character offsets; no torch here. The tagger gives, for each word piece, probabilities of
outside / beginning / inside for three layers (content, cue, source). From them:

1. **spans** per layer are read off the most probable labels and widened to whole words;
2. **corrected boundaries:** with ``spans="scored"`` (the default), each rule content and cue is replaced by the
   best-scoring whole span near it (``best_span``) when that beats the rule's own by ``gain``; with
   ``spans="labels"``, by the tagger span read off the labels that covers it closely enough;
3. **sources:** a rule source the tagger does not support gives way to the tagger's source span nearest the cue
   in the same sentences, or is dropped where there is none (``_source``);
4. **dropped:** a rule attribution whose content the tagger does not see as content at all;
5. **added:** a tagger content span that no rule attribution covers becomes a new attribution, with the
   nearest tagger cue of its sentence and the tagger source nearest that cue.

The defaults are the best settings found on PolNeAR dev with tools/tagger/evaluate.py for the shipped tagger
(``add_min`` 0.9: only contents the tagger is nearly sure of are added; lower thresholds lose precision). The
tagger reads the rules' candidates down to a cue model probability of 0.15, more than the rules alone keep, and
``keep_min`` 0.7 keeps only those it supports: it judges candidates in context where the cue model cannot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from onrecord.spans import jaccard, trim_punctuation, widen_to_words
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
    source_from: str = "tagged"  # "tagged": the rule's source or a tagger source span (_source); "scored":
    # best_span near the rule's (gain_source)
    source_keep: float = 0.4  # keep the rule's source where the tagger's support over it is at least this
    source_min: float = 0.7  # a tagger source taken in its place has at least this support
    source_word: bool = True  # ... and starts a word (not after an apostrophe or a hyphen: the "s" of "Lind's")
    source_drop: bool = True  # drop an unsupported rule source that no tagger source replaces


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


def spans_of(text: str, offsets: Sequence[tuple[int, int]], probs: Any, layer: int) -> list[TaggedSpan]:
    """The spans of one layer: a piece labelled B starts one, I continues it (or starts one after O)."""
    out: list[TaggedSpan] = []
    cur: list[Any] | None = None  # [start, end, sum of support, pieces]

    def close() -> None:
        if cur is not None:
            s, e = widen_to_words(text, cur[0], cur[1])
            s, e = trim_punctuation(text, (s, e))
            if e > s:
                out.append(TaggedSpan(CharSpan(s, e), cur[2] / cur[3]))

    for k, (a, b) in enumerate(offsets):
        p = probs[k][layer]
        label = max(range(3), key=lambda j: p[j])
        support = 1.0 - float(p[_O])
        if label == _B or (label == _I and cur is None):
            close()
            cur = [a, b, support, 1]
        elif label == _I and cur is not None:  # (cur is never None here: the branch above took that case)
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
    b_gain = [math.log(max(eps, r[_B])) - m for r, m in zip(rows, best_log, strict=True)]
    i_gain = [math.log(max(eps, r[_I])) - m for r, m in zip(rows, best_log, strict=True)]
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
    a, b = trim_punctuation(text, (a, b))
    if b <= a:
        return None
    return CharSpan(a, b), best_score - rule_score


def _jaccard(a: CharSpan, b: CharSpan) -> float:
    return jaccard((a.start, a.end), (b.start, b.end))


def _best(spans: list[TaggedSpan], target: CharSpan) -> TaggedSpan | None:
    best, score = None, 0.0
    for t in spans:
        j = _jaccard(t.span, target)
        if j > score:
            best, score = t, j
    return best


#: A rule attribution's spans: content, cue, source.
Triple = tuple[CharSpan, CharSpan | None, CharSpan | None]


@dataclass(frozen=True, slots=True)
class _Tagged:
    """The tagger's spans of each layer, read off its labels (``spans_of``)."""

    contents: list[TaggedSpan]
    cues: list[TaggedSpan]
    sources: list[TaggedSpan]


def refine(
    text: str,
    rules: Sequence[Triple],
    offsets: Sequence[tuple[int, int]],
    probs: Any,
    sentences: Sequence[tuple[int, int]],
    knobs: Decoding = Decoding(),
) -> list[Refined]:
    """Correct the rules' (content, cue, source) triples with the tagger's probabilities.

    ``sentences`` are the document's sentence spans (start, end), in order.
    """
    tagged = _Tagged(spans_of(text, offsets, probs, 0), spans_of(text, offsets, probs, 1),
                     spans_of(text, offsets, probs, 2))
    out: list[Refined] = []
    for i, triple in enumerate(rules):
        best = _best(tagged.contents, triple[0])
        held = support(offsets, probs, 0, triple[0])
        if held < knobs.keep_min or (best is None and held < knobs.drop_below):
            continue
        if knobs.spans == "scored":
            r = _scored(text, offsets, probs, triple, knobs, i, held)
            if knobs.source_from == "tagged":
                r = replace(r, source=_source(text, tagged, sentences, r, offsets, probs, knobs))
            out.append(r)
        else:
            out.append(_labelled(tagged, triple, best, knobs, i))
    out = _one_per_content(out)
    out += _added(tagged, sentences, [r.content for r in out], knobs)
    return sorted(out, key=lambda r: (r.content.start, r.content.end))


def _scored(
    text: str, offsets: Sequence[tuple[int, int]], probs: Any, triple: Triple, knobs: Decoding, i: int, held: float
) -> Refined:
    """``spans="scored"``: each rule span replaced by the best whole span near it that beats it by the gain."""
    content, cue, source = triple
    found = best_span(text, offsets, probs, 0, content, knobs.reach_content)
    if found is not None and found[1] > knobs.gain:
        content = found[0]
    if cue is not None:
        found = best_span(text, offsets, probs, 1, cue, knobs.reach_role)
        if found is not None and found[1] > knobs.gain_cue and not found[0].overlaps(content):
            cue = found[0]
    if source is not None and knobs.source_from == "scored":
        found = best_span(text, offsets, probs, 2, source, knobs.reach_role)
        if found is not None and found[1] > knobs.gain_source and not found[0].overlaps(content) \
                and not found[0].overlaps(cue or CharSpan(0, 0)):
            source = found[0]
    return Refined(content, cue, source, i, held)


def _starts_word(text: str, start: int) -> bool:
    """Whether a span starting at ``start`` starts a word: the text or a space or an opening mark before it."""
    return start == 0 or text[start - 1].isspace() or text[start - 1] in "\"“‘([«—–"


def _source(
    text: str, tagged: _Tagged, sentences: Sequence[tuple[int, int]], r: Refined,
    offsets: Sequence[tuple[int, int]], probs: Any, knobs: Decoding,
) -> CharSpan | None:
    """The source of a corrected rule attribution (``source_from="tagged"``).

    The rule's own source stands where the tagger supports it (``source_keep``). Otherwise the tagger's source
    span nearest the cue (else the content) in the sentences of the content and cue takes its place: one that
    overlaps neither, starts a word and has a support of at least ``source_min``. Where there is none, the
    rule's source is dropped (``source_drop``). Why: the tagger finds most gold sources as spans of its own
    (span-set F1 78 on PolNeAR dev), but reshaping the rule's source within a few pieces of it (``best_span``)
    lost them: a source the rules took from the wrong clause ("that", "it", the subject of another verb) is
    not near the right one.
    """
    rule, cue = r.source, r.cue  # (the rule's source: _scored leaves it as it is with source_from="tagged")
    if rule is not None and support(offsets, probs, 2, rule) >= knobs.source_keep:
        return rule
    around = CharSpan(min(r.content.start, cue.start), max(r.content.end, cue.end)) if cue else r.content
    lo, hi = _sentence_range(sentences, around)
    near = _nearest([s for s in tagged.sources if lo <= s.span.start and s.span.end <= hi
                     and s.score >= knobs.source_min and not s.span.overlaps(r.content)
                     and not (cue is not None and s.span.overlaps(cue))
                     and (not knobs.source_word or _starts_word(text, s.span.start))], cue or r.content)
    if near is not None:
        return near.span
    return None if knobs.source_drop else rule


def _labelled(tagged: _Tagged, triple: Triple, best: TaggedSpan | None, knobs: Decoding, i: int) -> Refined:
    """``spans="labels"``: each rule span replaced by the tagger span read off the labels that covers it."""
    content, cue, source = triple
    if best is not None and _jaccard(best.span, content) >= knobs.replace_content:
        content = best.span
    if cue is not None:
        t = _best(tagged.cues, cue)
        if t is not None and not t.span.overlaps(content):
            cue = t.span
    if source is not None and knobs.source_from == "scored":
        t = _best(tagged.sources, source)
        if t is not None and not t.span.overlaps(cue or CharSpan(0, 0)):
            source = t.span
    return Refined(content, cue, source, i, best.score if best is not None else 0.0)


def _one_per_content(refined: list[Refined]) -> list[Refined]:
    """The first attribution of each content."""
    seen: set[tuple[int, int]] = set()
    unique: list[Refined] = []
    for r in refined:
        key = (r.content.start, r.content.end)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique


def _added(
    tagged: _Tagged, sentences: Sequence[tuple[int, int]], taken: list[CharSpan], knobs: Decoding
) -> list[Refined]:
    """Tagger contents no attribution covers (``taken``), with the nearest tagger cue of their sentence and the
    tagger source nearest that cue."""
    out: list[Refined] = []
    for t in tagged.contents:
        if t.score < knobs.add_min or any(t.span.overlaps(c) for c in taken):
            continue
        lo, hi = _sentence_range(sentences, t.span)
        cue_t = _nearest([c for c in tagged.cues if lo <= c.span.start and c.span.end <= hi
                          and not c.span.overlaps(t.span)], t.span)
        if cue_t is None and knobs.add_needs_cue:
            continue
        source_t = None
        if cue_t is not None:
            source_t = _nearest(
                [s for s in tagged.sources if lo <= s.span.start and s.span.end <= hi
                 and not s.span.overlaps(t.span) and not s.span.overlaps(cue_t.span)],
                cue_t.span,
            )
        out.append(Refined(t.span, cue_t.span if cue_t else None, source_t.span if source_t else None, None, t.score))
        taken.append(t.span)
    return out


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
