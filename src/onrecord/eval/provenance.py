"""Score provenance flags against a gold folder (``data/provenance``: ``articles-*.jsonl`` and ``gold-*.jsonl``).

Every article is extracted with provenance on; the flags within each article, and the reversals and conflicts
between articles (the statements of every article against those of every other, as the store compares them),
are laid over the gold. A predicted flag matches a gold item when the kinds agree and each gold statement's quote
lies in the content of one of the flag's two statements (a document's side matches by its name). Reported:

- per kind (reversal, conflict): precision, recall, F1; flags that match a look-alike pair (false alarms a
  fact-checker would have to dismiss) are counted apart;
- the rating right on the matched reversals;
- every flag carrying both statements, a subject and a reason;
- documents: found, and their signed/draft/leaked and authenticity history right.

The gold's stories are split: ``heldout`` (every fourth story: s04, s08, ...) is scored only at the end;
``dev`` is the rest; data/provenance/README.md says how the gold was written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import InputError
from onrecord.provenance import Flag, across_articles
from onrecord.provenance.documents import merge_documents
from onrecord.provenance.flags import group_flags
from onrecord.provenance.restatements import with_recalled
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

SPLITS = ("dev", "heldout", "all")


def split_of(story: str) -> str:
    """Every fourth story is held out: s04, s08, s12 ..."""
    digits = re.sub(r"\D", "", story)
    return "heldout" if digits and int(digits) % 4 == 0 else "dev"


def is_gold_folder(path: str | Path) -> bool:
    p = Path(path)
    return p.is_dir() and any(p.glob("gold-*.jsonl")) and any(p.glob("articles-*.jsonl"))


def _read(folder: Path, pattern: str) -> list[dict[str, Any]]:
    out = []
    for f in sorted(folder.glob(pattern)):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"line {n}: not JSON ({exc.msg})", document=str(f)) from None
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    lookalike: int = 0  # of the fp, those on a look-alike pair

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ProvenanceReport:
    split: str
    articles: int = 0
    kinds: dict[str, Counts] = field(default_factory=lambda: {"reversal": Counts(), "conflict": Counts()})
    ratings_right: int = 0
    ratings: int = 0
    complete: int = 0
    flags: int = 0
    documents: int = 0
    documents_found: int = 0
    document_fields_right: int = 0
    document_fields: int = 0
    document_fields_unstated: int = 0  # onrecord gave null (the text does not say) where the gold gave a value
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"split": self.split, "articles": self.articles}
        for kind, c in self.kinds.items():
            out[kind] = {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                         "tp": c.tp, "fp": c.fp, "fn": c.fn, "on_lookalikes": c.lookalike}
        out["rating_accuracy"] = round(self.ratings_right / self.ratings, 3) if self.ratings else None
        out["complete_flags"] = f"{self.complete}/{self.flags}"
        out["documents"] = {"gold": self.documents, "found": self.documents_found,
                            "fields_right": f"{self.document_fields_right}/{self.document_fields}",
                "fields_not_stated": self.document_fields_unstated}
        return out

    def value(self, metric: str) -> float:
        """A figure by name: ``reversal_precision``, ``conflict_recall`` ..., ``rating_accuracy``."""
        if metric == "rating_accuracy":
            return self.ratings_right / self.ratings if self.ratings else 0.0
        kind, _, what = metric.partition("_")
        return float(getattr(self.kinds[kind], what))

    def below(self, floors: dict[str, float], epsilon: float = 0.01) -> list[str]:
        """The figures under their floor (minus ``epsilon``), each as "name value < floor"."""
        return [f"{m} {self.value(m):.3f} < {f}" for m, f in floors.items() if self.value(m) < f - epsilon]

    def lines(self) -> Iterator[str]:
        yield f"provenance gold, {self.split} split: {self.articles} articles"
        for kind, c in self.kinds.items():
            yield (f"  {kind:9} precision {c.precision:.3f}  recall {c.recall:.3f}  F1 {c.f1:.3f}  "
                   f"(tp {c.tp}, fp {c.fp} of which on look-alikes {c.lookalike}, fn {c.fn})")
        if self.ratings:
            yield f"  rating right on {self.ratings_right}/{self.ratings} matched reversals " \
                  f"({self.ratings_right / self.ratings:.1%})"
        yield f"  flags carrying both statements, a subject and a reason: {self.complete}/{self.flags}"
        yield (f"  documents found {self.documents_found}/{self.documents}; signed/draft/leaked/history right "
               f"{self.document_fields_right}/{self.document_fields} ({self.document_fields_unstated} not stated by "
               f"onrecord, {self.document_fields - self.document_fields_right - self.document_fields_unstated} "
               f"wrong)")


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def _side_matches(side: dict[str, Any], ref: dict[str, Any] | None, party: str | None,
                  spans: dict[str, tuple[int, int] | None]) -> bool:
    if ref is None:
        return False
    span = spans.get(side.get("quote", ""))
    if ref.get("article") == side["article"] and ref.get("content") and span is not None:
        s, e = ref["content"]
        if s < span[1] and span[0] < e:
            return True
    doc = side.get("document")
    if doc and party and party.split()[-1].lower() == doc.split()[-1].lower():
        return ref.get("article") in (side["article"], None) or ref.get("document") is not None
    return False


def _matches(gold: dict[str, Any], flag: Flag, texts: dict[str, str]) -> bool:
    spans = {s["quote"]: _locate(texts.get(s["article"], ""), s["quote"]) for s in (gold["a"], gold["b"])
             if s.get("quote")}
    ga, gb = gold["a"], gold["b"]
    pa, pb = flag.speaker, flag.other if flag.kind == "conflict" else flag.speaker
    return any((_side_matches(ga, a, pa, spans) and _side_matches(gb, b, pb, spans))
               or (_side_matches(ga, b, pb, spans) and _side_matches(gb, a, pa, spans)) for a, b in flag.pairs())


def predict(articles: Sequence[Article], settings: Settings) -> tuple[list[Flag], list[Extraction]]:
    """Extract every article with provenance, then add the reversals and conflicts between articles."""
    from onrecord.api import extract_many

    done: list[Extraction] = []
    for result in extract_many(articles, settings=settings.with_(provenance=True), on_error="raise"):
        assert isinstance(result, Extraction)
        done.append(result)
    said, between = across_articles(done)
    texts = {ex.article.id or "": ex.article.text for ex in done}
    own = with_recalled([f for ex in done for f in ex.provenance.flags], [s for g in said for s in g], texts)
    flags = group_flags([f for f in own if f.kind != "document"] + between)
    documents = [f for f in own if f.kind == "document"]
    stories = {ex.article.id or "": frozenset(ex.provenance.names) for ex in done}
    flags.extend(merge_documents(documents, stories))
    return flags, done


def score(folder: str | Path, *, split: str = "dev", settings: Settings | None = None) -> ProvenanceReport:
    """Score onrecord's provenance flags on the gold in ``folder`` (see the module docstring)."""
    folder = Path(folder)
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    rows = [a for a in _read(folder, "articles-*.jsonl") if split == "all" or split_of(a["story"]) == split]
    gold = [g for g in _read(folder, "gold-*.jsonl") if split == "all" or split_of(g["story"]) == split]
    articles = [Article(text=a["text"], id=a["id"], title=a.get("title"), outlet=a.get("outlet"),
                        published=a.get("published"), author=a.get("author")) for a in rows]
    texts = {a.id or "": a.text for a in articles}
    flags, _ = predict(articles, settings or Settings(scope="all"))
    report = ProvenanceReport(split, articles=len(articles))
    _score_pairs(report, gold, flags, texts)
    _score_documents(report, gold, flags)
    return report


def _describe(flag: Flag) -> str:
    a, b = flag.a or {}, flag.b or {}
    return (f"{flag.kind} {flag.rating or ''} [{flag.reason}] {flag.speaker} / {flag.other or ''}: "
            f"{a.get('article')}:{(a.get('text') or '')[:50]!r} vs {b.get('article')}:{(b.get('text') or '')[:50]!r}")


def _score_pairs(report: ProvenanceReport, gold: list[dict[str, Any]], flags: list[Flag],
                 texts: dict[str, str]) -> None:
    pairs = [f for f in flags if f.kind in ("reversal", "conflict")]
    report.flags = len(pairs)
    report.complete = sum(1 for f in pairs if f.a and f.b and f.subject and f.subject != "?" and f.reason)
    matched: set[int] = set()
    for g in gold:
        kind = g["kind"]
        if kind not in ("reversal", "conflict"):
            continue
        hits = [i for i, f in enumerate(pairs) if f.kind == kind and _matches(g, f, texts)]
        if hits:
            report.kinds[kind].tp += 1
            matched.update(hits)
            if kind == "reversal":
                report.ratings += 1
                report.ratings_right += pairs[hits[0]].rating == g.get("rating")
        else:
            report.kinds[kind].fn += 1
            report.misses.append(f"{g['id']} {kind} {g.get('rating') or ''} {g.get('reason') or ''}: "
                                 f"{g['a'].get('quote', '')[:50]!r} vs {g['b'].get('quote', '')[:50]!r}")
    # a flag that matches a gold item of another kind, or a look-alike, or nothing is a false alarm
    for i, f in enumerate(pairs):
        if i in matched:
            continue
        if any(_matches(g, f, texts) for g in gold if g["kind"] == f.kind):
            continue  # (a second flag on a matched gold pair: counted once)
        report.kinds[f.kind].fp += 1
        if any(_matches(g, f, texts) for g in gold if g["kind"] == "lookalike"):
            report.kinds[f.kind].lookalike += 1
        report.false_alarms.append(_describe(f))


def _score_documents(report: ProvenanceReport, gold: list[dict[str, Any]], flags: list[Flag]) -> None:
    docs = [f for f in flags if f.kind == "document" and f.document]
    for g in gold:
        if g["kind"] != "document":
            continue
        report.documents += 1
        head = _document_head(g["document"])
        mine = [f for f in docs if (f.document or {}).get("name", "").split()[-1] == head
                and set((f.document or {}).get("articles", ())) & set(g["articles"])]
        if not mine:
            continue
        report.documents_found += 1
        got = max(mine, key=lambda f: len(set((f.document or {}).get("articles", ())) & set(g["articles"])))
        record = got.document or {}
        for name in ("signed", "draft", "leaked"):
            if g.get(name) is not None:
                report.document_fields += 1
                report.document_fields_right += record.get(name) == g[name]
                report.document_fields_unstated += record.get(name) is None
        if g.get("authenticity"):
            report.document_fields += 1
            want = [h["stance"] for h in g["authenticity"]]
            history = [h["stance"] for h in record.get("authenticity", ())]
            report.document_fields_right += _collapse(history) == _collapse(want)


def _document_head(name: str) -> str:
    """The noun that names a gold document ("the letter to employees" -> letter, "the March 2024 email" -> email)."""
    from onrecord.provenance.documents import RECORDED

    words = [w.strip(".,'’").lower() for w in name.split()]
    return next((w for w in reversed(words) if w in RECORDED), words[-1])  # (the last: "the audit report")


def _collapse(stances: list[str]) -> list[str]:
    """A history as its changes: disputed, disputed, confirmed -> disputed, confirmed."""
    return [s for i, s in enumerate(stances) if i == 0 or stances[i - 1] != s]


__all__ = ["SPLITS", "ProvenanceReport", "is_gold_folder", "predict", "score", "split_of"]
