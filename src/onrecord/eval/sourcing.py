"""Score the sourcing signals (:mod:`onrecord.provenance.sourcing`) against hand labels.

Two gold shapes are read (the first non-blank line decides):

- data/sourcing lines: ``{"doc_id", "source", "cue", "content", "anonymous", "reason_given", "relay_only",
  "single_source", "kind"}``, spans into the text of a FORMAT.md corpus document (found by ``doc_id`` in
  ``corpus``, else in the shared corpus folder named by the id's prefix: ``polnear-...`` -> ``polnear/``);
- a FORMAT.md file whose attributions carry those labels (the document's ``text`` is in the file).

Each document is parsed once. **End to end**: every gold item is matched to a predicted attribution (content
overlap, one to one, as the FORMAT.md scorer does; else the prediction with the same source span); an unmatched
item counts as predicted false for every signal and its kind as wrong. **On gold spans**: the signals computed for
the gold's own source, cue and content (with the speaker extraction resolved for that mention, when it found one),
so that signal errors show apart from extraction errors. A signal's positive class: anonymous, reason given,
relay only, and backed (single_source false).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import GoldFormatError
from onrecord.settings import Settings
from onrecord.types import Attribution, CharSpan

SIGNALS = ("anonymous", "reason_given", "relay_only", "backed")
#: PolNeAR's outlets, by the word its document ids carry ("polnear-wash-post_2016-...").
POLNEAR_OUTLETS = {"nyt": "New York Times", "wash-post": "Washington Post", "usa-today": "USA Today",
                   "breitbart": "Breitbart News", "politico": "Politico", "huff-post": "Huffington Post",
                   "west-journal": "Western Journal"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, gold: bool, predicted: bool) -> None:
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted


@dataclass
class SignalScores:
    """One way of scoring (end to end, or on gold spans): a tally per signal, and the kind accuracy."""

    signals: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in SIGNALS})
    kinds_right: int = 0
    items: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"items": self.items, "matched": self.matched,
                               "match_rate": round(self.matched / self.items, 3) if self.items else None,
                               "kind_accuracy": round(self.kinds_right / self.items, 3) if self.items else None}
        for name, t in self.signals.items():
            out[name] = {"precision": _r(t.precision), "recall": _r(t.recall), "tp": t.tp, "fp": t.fp, "fn": t.fn}
        return out

    def lines(self, title: str) -> Iterator[str]:
        yield f"  {title}: {self.matched}/{self.items} gold items matched" + (
            f" ({self.matched / self.items:.1%})" if self.items else "")
        for name, t in self.signals.items():
            p = "n/a" if t.precision is None else f"{t.precision:.3f}"
            r = "n/a" if t.recall is None else f"{t.recall:.3f}"
            yield f"    {name:13} precision {p:>5}  recall {r:>5}  (tp {t.tp}, fp {t.fp}, fn {t.fn})"
        if self.items:
            yield f"    kind accuracy {self.kinds_right}/{self.items} ({self.kinds_right / self.items:.1%})"


def _r(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


@dataclass
class SourcingReport:
    path: str
    documents: int = 0
    end_to_end: SignalScores = field(default_factory=SignalScores)
    gold_spans: SignalScores = field(default_factory=SignalScores)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "documents": self.documents, "end_to_end": self.end_to_end.to_dict(),
                "gold_spans": self.gold_spans.to_dict()}

    def lines(self) -> Iterator[str]:
        yield f"sourcing gold {self.path}: {self.gold_spans.items} items in {self.documents} documents"
        yield from self.end_to_end.lines("end to end (extraction, then the signals)")
        yield from self.gold_spans.lines("on the gold spans (the signals alone)")


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        if line.strip():
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"not JSON ({exc.msg})", document=f"{path}:{n}") from None


def is_sourcing_gold(path: str | Path) -> bool:
    """Does the file hold sourcing labels (either shape of the module docstring)?"""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        first = next(_lines(p), (0, {}))[1]
    except (GoldFormatError, UnicodeDecodeError, OSError, EOFError):
        return False
    if not isinstance(first, dict):
        return False
    if "doc_id" in first and "anonymous" in first:
        return True
    attributions = first.get("attributions")
    return isinstance(attributions, list) and any(isinstance(a, dict) and "anonymous" in a for a in attributions)


def outlet_of(document: dict[str, Any]) -> str | None:
    """A document's outlet: its ``outlet`` field, else the one a PolNeAR id names."""
    if document.get("outlet"):
        return str(document["outlet"])
    ident = str(document.get("id", ""))
    if ident.startswith("polnear-"):
        return POLNEAR_OUTLETS.get(ident.removeprefix("polnear-").split("_")[0])
    return None


def _find_documents(ids: set[str], corpus: str | Path | None) -> dict[str, dict[str, Any]]:
    from onrecord.eval.corpora import shared_data_dir

    if corpus is not None:
        files = [Path(corpus)]
    else:
        root = shared_data_dir()
        prefixes = {i.split("-")[0] for i in ids}
        files = sorted(f for p in prefixes if root is not None for f in (root / p).glob("*.jsonl*"))
    found: dict[str, dict[str, Any]] = {}
    for f in files:
        for _, doc in _lines(f):
            if doc.get("id") in ids:
                found[doc["id"]] = doc
        if len(found) == len(ids):
            break
    missing = ids - found.keys()
    if missing:
        raise GoldFormatError(f"{len(missing)} documents not found (e.g. {sorted(missing)[0]}); pass --corpus "
                              "or set $ONRECORD_SHARED", document=str(corpus or "the shared corpus folder"))
    return found


def read_gold(path: str | Path, *, corpus: str | Path | None = None
              ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(document, its labelled items) in file order; an item's spans as ``[start, end]``."""
    rows = list(_lines(Path(path)))
    if rows and "doc_id" in rows[0][1]:
        docs = _find_documents({r["doc_id"] for _, r in rows}, corpus)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for _, r in rows:
            grouped.setdefault(r["doc_id"], []).append(r)
        return [(docs[d], items) for d, items in grouped.items()]
    return [(doc, [a for a in doc.get("attributions", ()) if "anonymous" in a]) for _, doc in rows]


def _gold_attribution(item: dict[str, Any], like: Attribution | None) -> Attribution:
    source = CharSpan.from_list(item.get("source"))
    content = CharSpan.from_list(item["content"])
    assert content is not None
    extra: dict[str, Any] = {}
    if like is not None and like.source is not None and source is not None and like.source.overlaps(source):
        extra = {"speaker": like.speaker, "speaker_kind": like.speaker_kind,
                 "speaker_description": like.speaker_description}
        if like.content.overlaps(content):
            extra.update(medium=like.medium, via=like.via, cue_kind=like.cue_kind)
    return Attribution(content=content, source=source, cue=CharSpan.from_list(item.get("cue")), **extra)


def _tally(scores: SignalScores, item: dict[str, Any], got: Any, where: str) -> None:
    scores.items += 1
    gold = {"anonymous": bool(item["anonymous"]), "reason_given": bool(item.get("reason_given")),
            "relay_only": bool(item["relay_only"]), "backed": not item["single_source"]}
    if got is None:
        pred = dict.fromkeys(SIGNALS, False)
        kind = None
    else:
        scores.matched += 1
        pred = {"anonymous": got.anonymous, "reason_given": got.reason is not None and got.anonymous,
                "relay_only": got.relay_only, "backed": not got.single_source}
        kind = got.kind
    for name in SIGNALS:
        scores.signals[name].add(gold[name], pred[name])
    scores.kinds_right += kind == item["kind"]
    wrong = [n for n in SIGNALS if gold[n] != pred[n]] + (["kind"] if kind != item["kind"] else [])
    if wrong:
        scores.misses.append(f"{where}: {', '.join(wrong)} ({'; '.join(got.evidence) if got else 'unmatched'})")


def score(path: str | Path, *, corpus: str | Path | None = None, settings: Settings | None = None
          ) -> SourcingReport:
    """Parse every document of the gold once, then score both ways (see the module docstring)."""
    from onrecord.eval.scorer import match_contents
    from onrecord.nlp import load_pipeline
    from onrecord.provenance.sourcing import sourcing

    settings = settings or Settings(scope="all")
    nlp = load_pipeline(settings)
    report = SourcingReport(str(path))
    for document, items in read_gold(path, corpus=corpus):
        report.documents += 1
        text = document["text"]
        doc = nlp(text)
        predicted = tuple(a for a in doc._.onrecord_attributions if a.confidence >= settings.min_confidence)
        outlet = outlet_of(document)
        found = sourcing(doc, predicted, outlet=outlet)
        pairs, _ = match_contents(text, [i["content"] for i in items], [a.content.to_list() for a in predicted])
        match = dict(pairs)
        for gi, item in enumerate(items):
            if gi not in match:  # the same source span (and cue) as a prediction left unmatched
                used = set(match.values())
                same = [pi for pi, a in enumerate(predicted) if pi not in used and a.source is not None
                        and a.source.to_list() == item.get("source")
                        and (a.cue.to_list() if a.cue else None) == item.get("cue")]
                if same:
                    match[gi] = same[0]
        gold_attrs = [_gold_attribution(i, predicted[match[gi]] if gi in match else _by_source(predicted, i))
                      for gi, i in enumerate(items)]
        # the gold items among the article's other (predicted) attributions, in text order: backing and passages
        # look at the whole article, not only the items the gold drew
        taken = set(match.values())
        rest = [a for pi, a in enumerate(predicted) if pi not in taken]
        order = sorted(range(len(rest) + len(gold_attrs)),
                       key=lambda k: (rest + gold_attrs)[k].content.start)
        combined = sourcing(doc, [(rest + gold_attrs)[k] for k in order], outlet=outlet)
        on_gold = [combined[order.index(len(rest) + gi)] for gi in range(len(gold_attrs))]
        for gi, item in enumerate(items):
            where = f"{document.get('id')} {item.get('source')}"
            _tally(report.end_to_end, item, found[match[gi]] if gi in match else None, where)
            _tally(report.gold_spans, item, on_gold[gi], where)
    return report


def _by_source(predicted: tuple[Attribution, ...], item: dict[str, Any]) -> Attribution | None:
    source = CharSpan.from_list(item.get("source"))
    if source is None:
        return None
    return next((a for a in predicted if a.source is not None and a.source.overlaps(source)), None)


__all__ = ["POLNEAR_OUTLETS", "SIGNALS", "SignalScores", "SourcingReport", "is_sourcing_gold", "outlet_of",
           "read_gold", "score"]
