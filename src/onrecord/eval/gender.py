"""Score speaker genders against a gold folder or file of the ``data/gender`` shape (issue 16, part 3).

A gold line is ``{"doc_id", "speaker", "gender": "woman|man|unknown", "evidence"}``, labelled from the article's
own words (data/gender/README.md). Its articles are those of a shared corpus: ``ggt-dev.jsonl`` reads
``ggt/dev.jsonl`` of ``../shared/data``. Each article is extracted (the settings' mode, fast by default), each
person speaker gets a call (:func:`onrecord.provenance.gender.speaker_genders`), and a gold line takes the call of
the speaker whose name matches its own as the scorer matches speakers (the same last name and compatible first
names, or the gold's last name among the speaker's words).

Printed, each over the gold lines:

- accuracy where onrecord gives a gender, on the lines the gold genders (the others cannot be checked), and
  coverage: the share of all lines given a gender;
- the same for the article's evidence alone, and for the first names alone (as if the article said nothing);
- the share left unknown, and the lines whose speaker extraction did not find.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import GoldFormatError
from onrecord.eval.corpora import corpus_file
from onrecord.eval.scorer import normalise_speaker, speakers_match
from onrecord.provenance.gender import GENDER_LABELS, GenderCall, first_name_call, speaker_genders
from onrecord.settings import DEFAULT, Settings

#: The ways a line is called, each scored: both bases together, the article alone, the first name alone.
WAYS = ("onrecord", "article", "first name")
#: The issue's targets for the combined call.
TARGET_ACCURACY = 0.97
TARGET_COVERAGE = 0.90


def gold_files(path: str | Path) -> list[Path]:
    """The gold files of a folder (its ``*-dev.jsonl`` whose lines have doc_id, speaker and gender: a held-out file,
    ``ggt-test.jsonl``, is scored only when named), or the file itself; empty when ``path`` is neither."""
    p = Path(path)
    files = sorted(p.glob("*-dev.jsonl")) if p.is_dir() else [p] if p.is_file() and p.suffix == ".jsonl" else []
    return [f for f in files if _looks_like_gold(f)]


def _looks_like_gold(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        row = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(row, dict) and {"doc_id", "speaker", "gender"} <= row.keys()


def is_gender_gold(path: str | Path) -> bool:
    return bool(gold_files(path))


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"not JSON ({exc.msg})", document=f"{path}:{n}") from None
        if row.get("gender") not in GENDER_LABELS or not row.get("doc_id") or not row.get("speaker"):
            raise GoldFormatError("a line needs doc_id, speaker and gender (woman, man or unknown)",
                                  document=f"{path}:{n}")
        rows.append(row)
    return rows


def corpus_of(gold: Path) -> Path:
    """The shared corpus a gold file labels: ``ggt-dev.jsonl`` -> ``../shared/data/ggt/dev.jsonl``."""
    corpus, _, split = gold.stem.partition("-")
    found = corpus_file(f"{corpus}/{split}.jsonl") or corpus_file(f"{corpus}/{split}.jsonl.gz")
    if found is None:
        raise GoldFormatError(f"its articles ({corpus}/{split}.jsonl in the shared data folder) are not there",
                              document=str(gold))
    return found


@dataclass
class Figures:
    """How one way of calling did over the gold lines."""

    lines: int = 0  # every gold line
    gendered: int = 0  # lines the gold genders
    given: int = 0  # lines given a gender
    given_gendered: int = 0  # of those, lines the gold genders
    right: int = 0  # of those, with the gold's gender

    @property
    def accuracy(self) -> float:
        return self.right / self.given_gendered if self.given_gendered else 0.0

    @property
    def coverage(self) -> float:
        return self.given / self.lines if self.lines else 0.0

    def add(self, gold: str, call: GenderCall | None) -> None:
        self.lines += 1
        self.gendered += gold != "unknown"
        if call is not None and call.gendered:
            self.given += 1
            if gold != "unknown":
                self.given_gendered += 1
                self.right += call.label == gold

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.accuracy, 4), "right": self.right, "scored": self.given_gendered,
                "coverage": round(self.coverage, 4), "given": self.given, "lines": self.lines}


@dataclass
class GenderReport:
    path: str
    docs: int = 0
    seconds: float = 0.0
    gold: dict[str, int] = field(default_factory=dict)  # gold label -> lines
    ways: dict[str, Figures] = field(default_factory=lambda: {w: Figures() for w in WAYS})
    unknown: int = 0  # lines whose speaker was found and called unknown
    not_found: int = 0  # lines whose speaker extraction did not find
    wrong: list[str] = field(default_factory=list)  # "doc speaker: gold -> called (evidence)"

    @property
    def unknown_share(self) -> float:
        lines = self.ways["onrecord"].lines
        return (self.unknown + self.not_found) / lines if lines else 0.0

    def to_dict(self) -> dict[str, Any]:
        both = self.ways["onrecord"]
        return {"path": self.path, "docs": self.docs, "seconds": round(self.seconds, 1), "gold": self.gold,
                **{w: f.to_dict() for w, f in self.ways.items()},
                "unknown": self.unknown, "not_found": self.not_found, "unknown_share": round(self.unknown_share, 4),
                "targets": {"accuracy": TARGET_ACCURACY, "coverage": TARGET_COVERAGE,
                            "met": both.accuracy >= TARGET_ACCURACY and both.coverage >= TARGET_COVERAGE},
                "wrong": self.wrong}

    def lines(self) -> list[str]:
        gold = ", ".join(f"{n} {label}" for label, n in self.gold.items())
        out = [f"{self.path}: {self.ways['onrecord'].lines} (document, speaker) lines ({gold}), {self.docs} documents, "
               f"{self.seconds:.1f} s", "",
               f"{'':<12}{'accuracy':>10}{'right/scored':>14}{'coverage':>10}{'given/lines':>13}"]
        for way, f in self.ways.items():
            out.append(f"{way:<12}{f.accuracy:>10.3f}{f'{f.right}/{f.given_gendered}':>14}{f.coverage:>10.3f}"
                       f"{f'{f.given}/{f.lines}':>13}")
        both = self.ways["onrecord"]
        out += ["", f"unknown {self.unknown_share:.3f} ({self.unknown} called unknown, {self.not_found} speakers "
                f"extraction did not find)",
                f"targets: accuracy >= {TARGET_ACCURACY} {'met' if both.accuracy >= TARGET_ACCURACY else 'NOT met'}, "
                f"coverage >= {TARGET_COVERAGE} {'met' if both.coverage >= TARGET_COVERAGE else 'NOT met'}",
                "(accuracy is scored on the lines the gold genders; 'first name' calls every found speaker by the "
                "first name alone)"]
        return out


def match(gold_speaker: str, names: Sequence[str]) -> str | None:
    """Our speaker for a gold speaker string: a scorer's match first, else the gold's last name among its words."""
    for name in names:
        if speakers_match(name, gold_speaker):
            return name
    last = normalise_speaker(gold_speaker)[-1:]
    for name in names:
        if last and last[0] in normalise_speaker(name):
            return name
    return None


def _calls(path: Path, docs: set[str], settings: Settings) -> Iterator[tuple[str, dict[str, GenderCall]]]:
    """(doc id, speaker calls) for the corpus documents in ``docs``, extracted in batches."""
    from onrecord.eval.run import iter_documents
    from onrecord.nlp import load_pipeline

    nlp = load_pipeline(settings)
    wanted = [d for d in iter_documents(path) if d["id"] in docs]
    for d, doc in zip(wanted, nlp.pipe([d["text"] for d in wanted], batch_size=settings.batch_size), strict=True):
        atts = [a for a in doc._.onrecord_attributions if a.confidence >= settings.min_confidence]
        yield d["id"], speaker_genders(doc, atts)


def score(path: str | Path, *, settings: Settings = DEFAULT, limit: int | None = None,
          progress: Callable[[int], None] | None = None) -> GenderReport:
    """Extract the gold's articles and score the speakers' genders (``limit``: the first documents only)."""
    files = gold_files(path)
    if not files:
        raise GoldFormatError("no gold file of doc_id, speaker and gender lines", document=str(path))
    report = GenderReport(str(path))
    started = time.perf_counter()
    for gold_path in files:
        rows = read_gold(gold_path)
        order = list(dict.fromkeys(r["doc_id"] for r in rows))[:limit]
        by_doc: dict[str, list[dict[str, Any]]] = {d: [] for d in order}
        for r in rows:
            if r["doc_id"] in by_doc:
                by_doc[r["doc_id"]].append(r)
        for doc_id, calls in _calls(corpus_of(gold_path), set(order), settings):
            _score_doc(report, by_doc.pop(doc_id), calls)
            if progress:
                progress(1)
        if by_doc:
            raise GoldFormatError(f"documents not in the corpus: {', '.join(sorted(by_doc)[:5])}",
                                  document=str(gold_path))
        report.docs += len(order)
    report.seconds = time.perf_counter() - started
    return report


def _score_doc(report: GenderReport, rows: list[dict[str, Any]], calls: Mapping[str, GenderCall]) -> None:
    for row in rows:
        gold = row["gender"]
        report.gold[gold] = report.gold.get(gold, 0) + 1
        name = match(row["speaker"], list(calls))
        call = calls.get(name) if name is not None else None
        article = call if call is not None and call.basis == "article" else None
        by_name = first_name_call(name) if name is not None else None
        for way, c in zip(WAYS, (call, article, by_name), strict=True):
            report.ways[way].add(gold, c)
        if call is None:
            report.not_found += 1
        elif not call.gendered:
            report.unknown += 1
        elif gold != "unknown" and call.label != gold:
            report.wrong.append(f"{row['doc_id']} {row['speaker']} ({name}): gold {gold}, called {call.label} "
                                f"by {call.basis}: {'; '.join(call.evidence)}")


__all__ = ["TARGET_ACCURACY", "TARGET_COVERAGE", "Figures", "GenderReport", "corpus_of", "gold_files",
           "is_gender_gold", "match", "read_gold", "score"]
