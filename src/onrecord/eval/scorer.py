"""Score predicted attributions against gold ones (../shared/data/FORMAT.md), without spaCy.

Documents are plain dicts in the FORMAT.md shape: ``id``, ``text`` and ``attributions``, each attribution with
``content``, ``source`` and ``cue`` spans (``[start, end]``, end exclusive, or null), ``speaker`` and ``type``.
Predictions are paired with gold documents by ``id``; a gold document with no prediction counts as predicting
nothing. Offsets index the gold text (a prediction's ``text``, when given, must equal it).

What is computed (every metric has precision, recall, F1 and its counts)
-----------------------------------------------------------------------
Trimming
    Before any comparison of spans, whitespace and punctuation (Unicode category P*, which includes quotation
    marks and dashes, plus the backtick and acute accent used as quote marks) are trimmed from both ends of the
    span; spans are compared by their trimmed offsets. A span of punctuation only trims to an empty span at its
    start.

Tokens and the content matching
    The text's tokens are its ``\\w+`` runs. A span holds a token when it covers more than half of the token's
    characters (so a span that cuts a word short, "All of thi", still holds the word, while an off-by-one end
    that takes one letter of the next word does not). Overlap of two contents = |tokens in both| /
    |tokens in either| (Jaccard); two contents with no tokens overlap 1.0 when their trimmed spans are equal, else
    0. Gold and predicted contents are paired one-to-one, greedily by overlap, highest first (ties: earlier gold,
    then earlier prediction), keeping pairs with overlap >= 0.5 (``OVERLAP_THRESHOLD``). This pairing, per
    document, is *the content matching* used below.

``content_exact``
    Predicted content == gold content after trimming; each gold span can be claimed once (multiset
    intersection per document). tp / all predictions, tp / all gold.
``content_overlap``
    tp = pairs in the content matching. tp / all predictions, tp / all gold.

Source and cue (``{field}`` is ``source`` or ``cue``). A field is scored only when some gold attribution in the
scored set gives it (a corpus that never annotates it, e.g. DeWikiNews speakers, gets no metric). Following
FORMAT.md's "scoring skips a field that the gold leaves null", a prediction is left out of the precision
denominator when the gold items its content is paired with leave the field null.

``{field}_exact`` (the headline; PolNeAR-style, span level)
    Recall: a gold attribution with the field is a tp when *some* prediction whose content overlaps it (>= 0.5,
    not necessarily its one-to-one partner) has the identical trimmed span. Precision: a prediction with the
    field is a tp when some gold attribution whose content overlaps it has the identical trimmed span; a
    prediction whose overlapping gold items all leave the field null is not counted. Because a prediction and a
    gold item are credited separately, ``tp`` (gold side, for recall) and ``tp_pred`` (prediction side, for
    precision) can differ.
``{field}_exact_paired``
    Over the one-to-one content matching only: a pair is a tp when both give the field and the trimmed spans are
    equal. Precision denominator = predictions that give the field, except those paired with a gold item that
    leaves it null; recall denominator = gold items that give the field.
``{field}_spanset``
    Ignoring content: per document, the multiset of trimmed predicted spans (one per attribution that gives the
    field) against the multiset of trimmed gold spans; tp = size of the intersection. Precision denominator = all
    predictions that give the field; recall denominator = all gold items that give it.

Speakers (only when some gold attribution in the scored set names a speaker; skipped e.g. for PolNeAR)
``end_to_end``
    A tp is a pair in the content matching whose speakers match (the predicted speaker is ``speaker``, or
    ``speaker_description`` when ``speaker`` is null: an unnamed source such as "a senior official") (see
    :func:`speakers_match`), or whose gold leaves the speaker null (an unnamed person: following FORMAT.md's
    "scoring skips a field that the gold leaves null", the pair is judged on its content alone). Precision
    denominator = all predictions; recall denominator = all gold items.
``speaker_accuracy`` (an accuracy, reported in ``Scores.accuracy``)
    Over the pairs of the content matching whose gold names a speaker: the share whose predicted speaker
    matches.

Speaker names match when, after normalising (NFKD without accents, lowercase, possessive "'s" dropped,
periods and apostrophes removed, other punctuation made a space, a leading "the" and every leading token up to
the last title word dropped ("Defense Secretary Mark Esper" -> "mark esper", "Prime Minister Justin Trudeau"
-> "justin trudeau"; see ``TITLES``), and "Jr", "Sr", "II", "III" dropped at the end), they are equal, or one
is a trailing part of the other ("esper" / "mark esper"), or they share the last token and their first tokens
do not conflict (equal, or one is an initial of the other: "j trudeau" / "justin trudeau"; "john f kennedy" /
"john kennedy"). An organisation whose last word is the predicted name therefore also matches ("Canada" /
"Export Development Canada"); this is rare and accepted.

By type (over the content matching)
    ``by_gold_type[t]`` = recall of gold items of type ``t`` (matched / gold of that type); ``by_pred_type[t]`` =
    precision of predictions of type ``t`` (matched / predictions of that type). A missing type is "unknown".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.lexicon import en as lexicon
from onrecord.spans import jaccard as _jaccard
from onrecord.spans import trim_punctuation as trim  # (the scorer's trim; onrecord.spans says how trims differ)

#: Content pairs need at least this token overlap (Jaccard) to match.
OVERLAP_THRESHOLD = 0.5

#: Words dropped from the front of a speaker name (every leading token up to the last of these goes).
TITLES = lexicon.SCORER_TITLES
_SUFFIXES = lexicon.SCORER_SUFFIXES

_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Metric:
    """Precision, recall and F1 from counts. ``tp`` is the gold-side count (recall), ``tp_pred`` the
    prediction-side count (precision); they differ only for the span-level ``*_exact`` metrics."""

    tp: int
    n_pred: int
    n_gold: int
    tp_pred: int | None = None

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_pred is None else self.tp_pred
        return tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Metric) -> Metric:
        tp_pred = None
        if self.tp_pred is not None or other.tp_pred is not None:
            tp_pred = (self.tp if self.tp_pred is None else self.tp_pred) + (
                other.tp if other.tp_pred is None else other.tp_pred
            )
        return Metric(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold, tp_pred)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }
        if self.tp_pred is not None:
            out["tp_pred"] = self.tp_pred
        return out


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


#: Metric names in report order.
METRIC_ORDER = (
    "content_exact",
    "content_overlap",
    "source_exact",
    "source_exact_paired",
    "source_spanset",
    "cue_exact",
    "cue_exact_paired",
    "cue_spanset",
    "end_to_end",
)


@dataclass(frozen=True, slots=True)
class Scores:
    """Everything :func:`score_documents` computed. A metric the gold cannot support is absent."""

    n_docs: int
    metrics: Mapping[str, Metric]
    accuracy: Mapping[str, Accuracy] = field(default_factory=dict)
    by_gold_type: Mapping[str, Metric] = field(default_factory=dict)  # recall is meaningful
    by_pred_type: Mapping[str, Metric] = field(default_factory=dict)  # precision is meaningful

    def __getitem__(self, name: str) -> Metric:
        return self.metrics[name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs,
            "metrics": {k: m.to_dict() for k, m in self.metrics.items()},
            "accuracy": {k: a.to_dict() for k, a in self.accuracy.items()},
            "recall_by_gold_type": {
                t: {"recall": round(m.recall, 4), "tp": m.tp, "n_gold": m.n_gold} for t, m in self.by_gold_type.items()
            },
            "precision_by_pred_type": {
                t: {"precision": round(m.precision, 4), "tp": m.tp, "n_pred": m.n_pred}
                for t, m in self.by_pred_type.items()
            },
        }


# --------------------------------------------------------------------------------------------- spans


class _Tokens:
    """The ``\\w+`` tokens of one text, for mapping spans to token index ranges."""

    def __init__(self, text: str) -> None:
        matches = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in matches]
        self.ends = [e for _, e in matches]

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``[i, j)`` of the tokens of which ``[start, end)`` covers more than half."""
        i = bisect.bisect_right(self.ends, start)  # first token ending after start
        j = bisect.bisect_left(self.starts, end)  # first token starting at or after end
        if i < j and not self._mostly_in(i, start, end):
            i += 1
        if i < j and not self._mostly_in(j - 1, start, end):
            j -= 1
        return i, max(i, j)

    def _mostly_in(self, k: int, start: int, end: int) -> bool:
        s, e = self.starts[k], self.ends[k]
        return 2 * (min(e, end) - max(s, start)) > e - s


# --------------------------------------------------------------------------------------------- speakers


def normalise_speaker(name: str | None) -> tuple[str, ...]:
    """Name tokens for comparison: ``"Defense Secretary Mark Esper's"`` -> ``("mark", "esper")``."""
    if not name:
        return ()
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[.'’`´]", "", s)
    tokens = re.sub(r"[\W_]+", " ", s).split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    last_title = -1
    for k, tok in enumerate(tokens[:-1]):
        if tok in TITLES:
            last_title = k
    return tuple(tokens[last_title + 1 :])


def speakers_match(pred: str | None, gold: str | None) -> bool:
    """True when ``pred`` names the same speaker as ``gold`` (see the module docstring)."""
    p, g = normalise_speaker(pred), normalise_speaker(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long = (p, g) if len(p) < len(g) else (g, p)
    if long[-len(short) :] == short:
        return True
    if p[-1] != g[-1]:
        return False
    a, b = p[0], g[0]
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


# --------------------------------------------------------------------------------------------- scoring


def check_document(doc: Any) -> None:
    """Raise ValueError when ``doc`` is not a FORMAT.md document with valid spans."""
    if not isinstance(doc, Mapping):
        raise ValueError(f"expected a JSON object, got {type(doc).__name__}")
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        raise ValueError("missing or empty 'id'")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError("missing 'text' (a string)")
    atts = doc.get("attributions")
    if not isinstance(atts, list):
        raise ValueError("missing 'attributions' (a list)")
    for k, att in enumerate(atts):
        if not isinstance(att, Mapping):
            raise ValueError(f"attribution {k} is not an object")
        for name in ("content", "source", "cue"):
            span = att.get(name)
            if span is None and name != "content":
                continue
            if (
                not isinstance(span, (list, tuple))
                or len(span) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                or not 0 <= span[0] <= span[1] <= len(text)
            ):
                raise ValueError(f"attribution {k}: {name} {span!r} is not a span [start, end] within the text")
        speaker = att.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise ValueError(f"attribution {k}: speaker must be a string or null")
        kind = att.get("type", "unknown")
        if kind not in ("direct", "indirect", "mixed", "unknown"):
            raise ValueError(f"attribution {k}: unknown type {kind!r}")


@dataclass(slots=True)
class _Counts:
    tp: int = 0
    tp_pred: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def metric(self, asymmetric: bool = False) -> Metric:
        return Metric(self.tp, self.n_pred, self.n_gold, self.tp_pred if asymmetric else None)


def _speaker_of(attribution: Mapping[str, Any]) -> str | None:
    """The predicted speaker; for an unnamed source, onrecord's ``speaker_description`` ("a senior official"),
    which is what gold corpora that name groups and unnamed people write in their speaker field."""
    return attribution.get("speaker") or attribution.get("speaker_description")


def score_documents(gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]) -> Scores:
    """Score ``predicted`` documents against ``gold`` ones (both FORMAT.md dicts, paired by ``id``).

    Raises ValueError for duplicate or unknown ids, a prediction whose text differs from its gold text, or a
    span outside the text.
    """
    gold_docs = list(gold)
    by_id: dict[str, Mapping[str, Any]] = {}
    for doc in gold_docs:
        check_document(doc)
        if doc["id"] in by_id:
            raise ValueError(f"duplicate gold id {doc['id']!r}")
        by_id[doc["id"]] = doc
    preds: dict[str, Mapping[str, Any]] = {}
    for doc in predicted:
        doc_id = doc.get("id")
        if doc_id not in by_id:
            raise ValueError(f"prediction for unknown document id {doc_id!r}")
        if doc_id in preds:
            raise ValueError(f"duplicate prediction for document id {doc_id!r}")
        text = doc.get("text")
        if text is not None and text != by_id[doc_id]["text"]:
            raise ValueError(f"prediction for {doc_id!r} has a different text from the gold document")
        check_document({**doc, "text": by_id[doc_id]["text"]})
        preds[doc_id] = doc

    fields = [f for f in ("source", "cue") if any(a.get(f) is not None for d in gold_docs for a in d["attributions"])]
    with_speakers = any(a.get("speaker") for d in gold_docs for a in d["attributions"])

    names = ["content_exact", "content_overlap"]
    for f in fields:
        names += [f"{f}_exact", f"{f}_exact_paired", f"{f}_spanset"]
    if with_speakers:
        names.append("end_to_end")
    counts = {name: _Counts() for name in names}
    speaker_acc = _Counts()
    by_gold: dict[str, _Counts] = {}
    by_pred: dict[str, _Counts] = {}

    for gdoc in gold_docs:
        pdoc = preds.get(gdoc["id"])
        _score_one(
            gdoc["text"],
            gdoc["attributions"],
            list(pdoc["attributions"]) if pdoc else [],
            fields,
            with_speakers,
            counts,
            speaker_acc,
            by_gold,
            by_pred,
        )

    metrics = {
        name: counts[name].metric(asymmetric=name in ("source_exact", "cue_exact"))
        for name in METRIC_ORDER
        if name in counts
    }
    accuracy = {"speaker_accuracy": Accuracy(speaker_acc.tp, speaker_acc.n_gold)} if with_speakers else {}
    return Scores(
        n_docs=len(gold_docs),
        metrics=metrics,
        accuracy=accuracy,
        by_gold_type={t: by_gold[t].metric() for t in sorted(by_gold)},
        by_pred_type={t: by_pred[t].metric() for t in sorted(by_pred)},
    )


def match_contents(
    text: str, gold: Sequence[Sequence[int]], pred: Sequence[Sequence[int]]
) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """The one-to-one content matching of one document, and for each prediction the gold items it overlaps.

    Returns ``(pairs, overlapping)``: ``pairs`` are ``(gold_index, pred_index)``; ``overlapping[p]`` lists every
    gold index whose overlap with prediction ``p`` reaches the threshold.
    """
    tokens = _Tokens(text)
    g_trim = [trim(text, s) for s in gold]
    p_trim = [trim(text, s) for s in pred]
    g_tok = [tokens.range(*s) for s in g_trim]
    p_tok = [tokens.range(*s) for s in p_trim]
    candidates: list[tuple[float, int, int]] = []
    overlapping: list[list[int]] = [[] for _ in pred]
    for gi, gt in enumerate(g_tok):
        for pi, pt in enumerate(p_tok):
            if gt[0] == gt[1] or pt[0] == pt[1]:  # no tokens: only an identical span matches
                score = 1.0 if gt[0] == gt[1] and pt[0] == pt[1] and g_trim[gi] == p_trim[pi] else 0.0
            else:
                score = _jaccard(gt, pt)
            if score >= OVERLAP_THRESHOLD:
                candidates.append((-score, gi, pi))
                overlapping[pi].append(gi)
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs, overlapping


def _score_one(
    text: str,
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    fields: Sequence[str],
    with_speakers: bool,
    counts: dict[str, _Counts],
    speaker_acc: _Counts,
    by_gold: dict[str, _Counts],
    by_pred: dict[str, _Counts],
) -> None:
    def trimmed(att: Mapping[str, Any], name: str) -> tuple[int, int] | None:
        span = att.get(name)
        return None if span is None else trim(text, span)

    # content, exact: multiset intersection of trimmed spans
    g_exact = Counter(trimmed(a, "content") for a in gold)
    p_exact = Counter(trimmed(a, "content") for a in pred)
    c = counts["content_exact"]
    c.tp += sum((g_exact & p_exact).values())
    c.n_pred += len(pred)
    c.n_gold += len(gold)

    # content, overlap
    pairs, overlapping = match_contents(text, [a["content"] for a in gold], [a["content"] for a in pred])
    c = counts["content_overlap"]
    c.tp += len(pairs)
    c.n_pred += len(pred)
    c.n_gold += len(gold)
    partner_of_pred = {pi: gi for gi, pi in pairs}
    matched_g = {gi for gi, _ in pairs}

    # gold items overlapping each gold item's content, seen from the gold side
    overlapping_pred: list[list[int]] = [[] for _ in gold]
    for pi, gis in enumerate(overlapping):
        for gi in gis:
            overlapping_pred[gi].append(pi)

    for f in fields:
        g_span = [trimmed(a, f) for a in gold]
        p_span = [trimmed(a, f) for a in pred]

        # headline: span level, any overlapping partner
        c = counts[f"{f}_exact"]
        for gi, gs in enumerate(g_span):
            if gs is not None:
                c.n_gold += 1
                c.tp += any(p_span[pi] == gs for pi in overlapping_pred[gi])
        for pi, ps in enumerate(p_span):
            if ps is None:
                continue
            partners = overlapping[pi]
            if partners and all(g_span[gi] is None for gi in partners):
                continue  # the gold leaves the field null here: skipped
            c.n_pred += 1
            c.tp_pred += any(g_span[gi] == ps for gi in partners)

        # paired: over the one-to-one matching
        c = counts[f"{f}_exact_paired"]
        c.n_gold += sum(s is not None for s in g_span)
        for pi, ps in enumerate(p_span):
            if ps is None:
                continue
            partner = partner_of_pred.get(pi)
            if partner is not None and g_span[partner] is None:
                continue
            c.n_pred += 1
            if partner is not None and g_span[partner] == ps:
                c.tp += 1
        c.tp_pred = c.tp

        # span sets, ignoring content
        c = counts[f"{f}_spanset"]
        g_set = Counter(s for s in g_span if s is not None)
        p_set = Counter(s for s in p_span if s is not None)
        c.tp += sum((g_set & p_set).values())
        c.n_pred += sum(p_set.values())
        c.n_gold += sum(g_set.values())

    if with_speakers:
        c = counts["end_to_end"]
        c.n_pred += len(pred)
        c.n_gold += len(gold)
        for gi, pi in pairs:
            if not gold[gi].get("speaker"):  # FORMAT.md: a field the gold leaves null is not scored
                c.tp += 1
                continue
            ok = speakers_match(_speaker_of(pred[pi]), gold[gi].get("speaker"))
            c.tp += ok
            speaker_acc.n_gold += 1
            speaker_acc.tp += ok

    for gi, att in enumerate(gold):
        t = by_gold.setdefault(att.get("type") or "unknown", _Counts())
        t.n_gold += 1
        t.tp += gi in matched_g
    for pi, att in enumerate(pred):
        t = by_pred.setdefault(att.get("type") or "unknown", _Counts())
        t.n_pred += 1
        t.tp += pi in partner_of_pred


__all__ = [
    "METRIC_ORDER",
    "OVERLAP_THRESHOLD",
    "TITLES",
    "Accuracy",
    "Metric",
    "Scores",
    "check_document",
    "match_contents",
    "normalise_speaker",
    "score_documents",
    "speakers_match",
    "trim",
]
