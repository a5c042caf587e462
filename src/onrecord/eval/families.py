"""Scoring quote families against hand-verified families (``data/quotes/``: issue 16, part 1).

The gold (see ``data/quotes/README.md``) gives, for sampled seed quotations of PolNeAR train and dev, every other
appearance of the same quotation in those texts, the root and each member's changes. The pool scored here is
every span of four or more words between double quotation marks in those texts (the gold's own definition), so
the figures measure the grouping, not extraction.

- **Pairwise precision**: of the pairs the families put together that involve a gold family's member, the share
  that the gold puts together too (the gold searched every candidate of a seed, so a pair outside it is wrong).
- **Pairwise recall**: of the gold's pairs, the share put in one family.
- **Earliest outlet**: where a gold family's members carry different dates, whether the family's root has the
  gold root's outlet and date.
- **Dangerous changes**: each member's negation/number flags against the gold's (speaker changes need the
  speakers extraction finds, which this pool leaves out).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from onrecord.analysis.families import Appearance, Family, quote_families
from onrecord.eval.corpora import corpus_file
from onrecord.eval.run import iter_documents

GOLD_FILES = ("polnear-families.jsonl", "polnear-enriched.jsonl")
#: The held-out sample (seeds from PolNeAR test), scored once at the end over a pool with the test split too.
HELDOUT_FILES = ("polnear-test-heldout.jsonl",)
#: Pairs re-read blind where the scorer and the first labels disagreed (and control pairs): they override the
#: first labels for those pairs (data/quotes/README.md, "Adjudication").
ADJUDICATION = "adjudication.jsonl"
CORPORA = ("polnear/train.jsonl.gz", "polnear/dev.jsonl.gz")
HELDOUT_CORPORA = (*CORPORA, "polnear/test.jsonl.gz")
_DATED_ID = re.compile(r"^[a-z]+-(?P<outlet>[a-z-]+?)_(?P<date>\d{4}-\d{2}-\d{2})_")
_OPEN, _CLOSE = "“\"", "”\""


def is_families_gold(path: str | Path) -> bool:
    p = Path(path)
    return p.is_dir() and any((p / name).exists() for name in GOLD_FILES)


def quotation_spans(text: str, *, min_words: int = 4) -> Iterator[tuple[int, int]]:
    """Spans between a pair of double quotation marks (curly or straight), paragraph by paragraph; a curly opening
    mark inside an open quotation starts it again; a quotation still open at a paragraph's end ends there when
    the next paragraph re-opens it (as news prints long quotations)."""
    start = 0
    paragraphs = text.split("\n")
    for n, paragraph in enumerate(paragraphs):
        opened: int | None = None
        for i, ch in enumerate(paragraph):
            if ch == "“" or (opened is None and ch in _OPEN):
                opened = i + 1
            elif opened is not None and ch in _CLOSE:
                if len(paragraph[opened:i].split()) >= min_words:
                    yield start + opened, start + i
                opened = None
        following = next((p.lstrip() for p in paragraphs[n + 1:] if p.strip()), "")
        if opened is not None and following[:1] in _OPEN and len(paragraph[opened:].split()) >= min_words:
            yield start + opened, start + len(paragraph.rstrip())
        start += len(paragraph) + 1


def pool(corpora: tuple[str, ...] = CORPORA) -> tuple[list[Appearance], dict[str, list[tuple[int, int, str]]]]:
    """Every quotation of PolNeAR train and dev (or ``corpora``) as an appearance (outlet and date from the document
    id), and per document its spans with their keys."""
    appearances: list[Appearance] = []
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for name in corpora:
        path = corpus_file(name)
        if path is None:
            raise FileNotFoundError(f"{name} is not in the shared data folder (set ONRECORD_SHARED)")
        for doc in iter_documents(path):
            m = _DATED_ID.match(doc["id"])
            for s, e in quotation_spans(doc["text"]):
                key = f"{doc['id']}:{s}-{e}"
                spans.setdefault(doc["id"], []).append((s, e, key))
                appearances.append(Appearance(key, doc["text"][s:e], outlet=m["outlet"] if m else doc.get("outlet"),
                                              published=m["date"] if m else doc.get("published"), doc_id=doc["id"]))
    return appearances, spans


def _key_of(spans: dict[str, list[tuple[int, int, str]]], doc_id: str, span: list[int]) -> str | None:
    """The pool quotation that overlaps a gold span most."""
    best, best_overlap = None, 0
    for s, e, key in spans.get(doc_id, ()):
        overlap = min(e, span[1]) - max(s, span[0])
        if overlap > best_overlap:
            best, best_overlap = key, overlap
    return best


@dataclass
class FamiliesReport:
    gold_families: int = 0
    gold_pairs: int = 0
    found_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    dated: int = 0
    root_right: int = 0
    dangerous_gold: int = 0
    dangerous_predicted: int = 0
    dangerous_correct: int = 0
    unmapped: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.found_pairs / self.gold_pairs if self.gold_pairs else 1.0

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k not in ("misses", "false_alarms")}
        return {**out, "precision": round(self.precision, 4), "recall": round(self.recall, 4)}

    def lines(self) -> list[str]:
        return [
            f"gold families {self.gold_families} ({self.gold_pairs} pairs; {self.unmapped} members not in the pool)",
            f"pairwise precision {self.precision:.3f} ({self.correct_pairs}/{self.predicted_pairs}), "
            f"recall {self.recall:.3f} ({self.found_pairs}/{self.gold_pairs})",
            f"earliest outlet right where dates differ: {self.root_right}/{self.dated}",
            f"dangerous changes: gold {self.dangerous_gold}, flagged {self.dangerous_predicted}, "
            f"both {self.dangerous_correct}",
        ]


def read_gold(folder: str | Path, files: tuple[str, ...] = GOLD_FILES) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in files:
        path = Path(folder) / name
        if path.exists():
            out.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def read_adjudication(folder: str | Path, spans: dict[str, list[tuple[int, int, str]]]) -> dict[tuple[str, str], bool]:
    """The adjudicated pairs (pool keys, ordered) and whether they are one quotation."""
    path = Path(folder) / ADJUDICATION
    out: dict[tuple[str, str], bool] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            a = _key_of(spans, item["a"]["doc_id"], item["a"]["span"])
            b = _key_of(spans, item["b"]["doc_id"], item["b"]["span"])
            if a is not None and b is not None and a != b:
                out[(min(a, b), max(a, b))] = bool(item["same"])
    return out


def score(folder: str | Path, *, families: list[Family] | None = None, split: str = "dev") -> FamiliesReport:
    """Score :func:`quote_families` over the PolNeAR pool against the gold families in ``folder`` (with the
    adjudicated pairs overriding the first labels). ``split="heldout"``: the held-out sample (seeds from PolNeAR
    test) over a pool of train, dev and test."""
    heldout = split == "heldout"
    appearances, spans = pool(HELDOUT_CORPORA if heldout else CORPORA)
    families = quote_families(appearances, min_size=2) if families is None else families
    family_of = {m.appearance.key: f for f in families for m in f.members}
    adjudicated = read_adjudication(folder, spans)
    report = FamiliesReport()
    seen_pairs: set[tuple[str, str]] = set()
    for gold in read_gold(folder, HELDOUT_FILES if heldout else GOLD_FILES):
        keys = {}
        for m in gold["members"]:
            key = _key_of(spans, m["doc_id"], m["span"])
            if key is None:
                report.unmapped += 1
                continue
            keys[key] = m
        report.gold_families += 1
        members = sorted(keys)
        for a, b in combinations(members, 2):
            if adjudicated.get((a, b)) is False:
                continue  # re-read: not one quotation after all
            report.gold_pairs += 1
            if a in family_of and family_of[a] is family_of.get(b):
                report.found_pairs += 1
            else:
                report.misses.append(f"{gold['family']}: {a} / {b}")
        for a in members:
            for v in family_of[a].members if a in family_of else ():
                b = v.appearance.key
                pair = (min(a, b), max(a, b))
                if b == a or pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                report.predicted_pairs += 1
                if adjudicated.get(pair) is False:  # re-read: not one quotation (whatever the first labels said)
                    report.false_alarms.append(f"{gold['family']}: {a} / {b} (adjudicated)")
                    continue
                if b in keys or adjudicated.get(pair):
                    report.correct_pairs += 1
                    if b not in keys:  # re-read: one quotation the first labels missed, found
                        report.gold_pairs += 1
                        report.found_pairs += 1
                else:
                    report.false_alarms.append(f"{gold['family']}: {a} / {b}")
        root_key = _key_of(spans, gold["root"]["doc_id"], gold["root"]["span"])
        if len({m.get("date") for m in gold["members"]}) > 1 and root_key is not None:
            report.dated += 1
            fam = family_of.get(root_key)
            gold_root = next(m for m in gold["members"] if m["doc_id"] == gold["root"]["doc_id"])
            report.root_right += int(fam is not None and (fam.root.outlet, fam.root.published) == (
                gold_root.get("outlet"), gold_root.get("date")))
        for key, m in keys.items():
            gold_kinds = {d if isinstance(d, str) else d.get("kind") for d in m.get("dangerous") or ()} - {"speaker"}
            fam = family_of.get(key)
            variant = next((v for v in fam.members if v.appearance.key == key), None) if fam else None
            kinds = {d.kind for d in variant.dangerous} - {"speaker"} if variant else set()
            report.dangerous_gold += len(gold_kinds)
            report.dangerous_predicted += len(kinds)
            report.dangerous_correct += len(gold_kinds & kinds)
    return report


__all__ = ["FamiliesReport", "is_families_gold", "pool", "quotation_spans", "read_adjudication", "read_gold",
           "score"]
