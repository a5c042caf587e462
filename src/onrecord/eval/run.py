"""Run the extractor over a gold file and score it: :func:`evaluate_file` -> :class:`EvalReport`."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from io import BufferedIOBase
from pathlib import Path
from typing import Any

from onrecord.errors import GoldFormatError, OnrecordError
from onrecord.eval.pages import with_page_text
from onrecord.eval.quoted import gold_quoted, predicted_quoted
from onrecord.eval.scorer import Scores, check_document, score_documents
from onrecord.eval.speakers import KindScores, overlay_speakers, read_speakers, score_kinds
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article


def _open_bytes(path: Path) -> BufferedIOBase:
    """The file's bytes, decompressed when it starts with the gzip magic number (whatever its name)."""
    with path.open("rb") as fh:
        magic = fh.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")


def iter_documents(path: str | Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The documents of a FORMAT.md JSONL file (gzip-compressed or not), checked line by line.

    A line may name a saved news page instead of carrying its text (:mod:`onrecord.eval.pages`). Blank lines are
    skipped. Raises :class:`GoldFormatError` naming ``path:line`` for a line that is not a
    valid document (bad JSON, missing field, span outside the text, unknown type, repeated id), or naming
    ``path`` when the file cannot be read.
    """
    path = Path(path)
    seen: set[str] = set()
    count = 0
    try:
        with _open_bytes(path) as fh:
            for lineno, raw in enumerate(fh, 1):
                if limit is not None and count >= limit:
                    return
                where = f"{path}:{lineno}"
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise GoldFormatError(f"not UTF-8 ({exc.reason} at byte {exc.start})", document=where) from exc
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    reason = f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
                    raise GoldFormatError(reason, document=where) from exc
                if isinstance(doc, dict):
                    doc = with_page_text(doc, where=where)  # (a line naming a saved page: its text, read now)
                try:
                    check_document(doc)
                except ValueError as exc:
                    raise GoldFormatError(str(exc), document=where) from exc
                if doc["id"] in seen:
                    raise GoldFormatError(f"id {doc['id']!r} appears on an earlier line", document=where)
                seen.add(doc["id"])
                count += 1
                yield doc
    except (OSError, EOFError) as exc:
        raise GoldFormatError(f"cannot read the file: {exc}", document=str(path)) from exc


def read_documents(path: str | Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """All documents of a FORMAT.md file (see :func:`iter_documents`)."""
    return list(iter_documents(path, limit=limit))


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The scores of one run of the extractor over one gold file, with how long extraction took."""

    path: str
    corpus: str | None  # the documents' "source" field when they share one
    scores: Scores
    seconds: float  # wall time of extraction (model loading excluded)
    chars: int  # characters of text extracted from
    errors: tuple[str, ...] = ()  # documents the extractor refused ("id: reason"); scored as predicting nothing
    model: str = ""
    pipeline_version: str = ""
    speakers: str | None = None  # the speakers file laid over the gold (see onrecord.eval.speakers)
    kinds: KindScores | None = None  # speaker figures by gold kind, with a speakers file
    types: tuple[str, ...] | None = None  # only these attribution types were scored (both sides)
    quoted: bool = False  # the quoted words were scored, one record per quoted part (onrecord.eval.quoted)

    @property
    def n_docs(self) -> int:
        return self.scores.n_docs

    @property
    def docs_per_second(self) -> float:
        return self.n_docs / self.seconds if self.seconds > 0 else 0.0

    def f1(self, metric: str) -> float:
        """F1 of a metric (``KeyError`` when the gold cannot support it, e.g. ``end_to_end`` on PolNeAR)."""
        return self.scores.metrics[metric].f1

    def value(self, name: str) -> float:
        """A metric's F1, an accuracy (``speaker_accuracy``), or with a speakers file ``named_accuracy``;
        ``KeyError`` when the report lacks it."""
        if name in self.scores.metrics:
            return self.scores.metrics[name].f1
        if name in self.scores.accuracy:
            return self.scores.accuracy[name].value
        if name == "named_accuracy" and self.kinds is not None:
            right, total = self.kinds.named_accuracy
            return right / total if total else 0.0
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "corpus": self.corpus,
            "n_docs": self.n_docs,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "chars": self.chars,
            "model": self.model,
            "pipeline_version": self.pipeline_version,
            "errors": list(self.errors),
            **self.scores.to_dict(),
            **({"speakers": self.speakers} if self.speakers else {}),
            **({"types": list(self.types)} if self.types is not None else {}),
            **({"quoted": True} if self.quoted else {}),
            **({"speaker_kinds": self.kinds.to_dict()} if self.kinds is not None else {}),
        }

    def to_text(self) -> str:
        s = self.scores
        lines = [
            f"{self.path}  ({self.corpus or 'unknown corpus'}, {self.n_docs} docs, "
            f"{self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s, model {self.model or '?'})",
            *([f"speakers from {self.speakers}"] if self.speakers else []),
            *([f"only {', '.join(self.types)} attributions, gold and predicted"] if self.types is not None else []),
            *(["the quoted words: one record per quoted part of each direct or mixed attribution, gold and "
               "predicted"] if self.quoted else []),
            "",
            f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>11}{'n_pred':>8}{'n_gold':>8}",
        ]
        for name, m in s.metrics.items():
            tp = str(m.tp) if m.tp_pred is None or m.tp_pred == m.tp else f"{m.tp}/{m.tp_pred}"
            lines.append(
                f"{name:<22}{m.precision:>7.3f}{m.recall:>7.3f}{m.f1:>7.3f}{tp:>11}{m.n_pred:>8}{m.n_gold:>8}"
            )
        if any(m.tp_pred is not None and m.tp_pred != m.tp for m in s.metrics.values()):
            lines.append("  (tp a/b: a gold items found, for recall; b predictions confirmed, for precision)")
        for name, a in s.accuracy.items():
            lines.append(f"{name:<22}{a.value:>7.3f}  ({a.correct}/{a.total} matched pairs)")
        if self.kinds is not None:
            lines += ["", self.kinds.to_text()]
        if s.by_gold_type:
            lines += ["", f"{'recall by gold type':<22}{'R':>7}{'tp':>11}{'n_gold':>8}"]
            for t, m in s.by_gold_type.items():
                lines.append(f"  {t:<20}{m.recall:>7.3f}{m.tp:>11}{m.n_gold:>8}")
        if s.by_pred_type:
            lines += ["", f"{'precision by pred type':<22}{'P':>7}{'tp':>11}{'n_pred':>8}"]
            for t, m in s.by_pred_type.items():
                lines.append(f"  {t:<20}{m.precision:>7.3f}{m.tp:>11}{m.n_pred:>8}")
        if self.errors:
            lines += ["", f"{len(self.errors)} document(s) refused by the extractor (scored as empty):"]
            lines += [f"  {e}" for e in self.errors[:10]]
            if len(self.errors) > 10:
                lines.append(f"  ... and {len(self.errors) - 10} more")
        return "\n".join(lines)


def evaluate_file(
    path: str | Path,
    *,
    settings: Settings = DEFAULT,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
    speakers: str | Path | None = None,
    types: Collection[str] | None = None,
    quoted: bool = False,
) -> EvalReport:
    """Extract from every document of the gold file ``path`` (FORMAT.md JSONL, optionally gzipped) and score.

    ``types`` scores only the attributions of these types on both sides (``{"direct", "mixed"}``: the
    quotations; a gold type outside the set is not asked for, and a prediction outside it is not counted).
    ``quoted`` scores the quoted words instead, as a Quotebank-style user reads them: one record per quoted part
    of each direct or mixed attribution, on both sides (:mod:`onrecord.eval.quoted`).

    ``limit`` scores only the first documents. ``progress`` is called with 1 per document done. ``speakers`` names
    a speakers file (:mod:`onrecord.eval.speakers`) whose resolved names are laid over the gold: only its
    documents are scored (``limit`` counts among them), and the report adds speaker figures by gold kind. Raises
    :class:`GoldFormatError` (naming ``path:line``) for a malformed gold or speakers file and
    :class:`onrecord.errors.ModelError` when the model cannot be loaded; a document the extractor refuses is
    recorded in ``EvalReport.errors`` and scored as predicting nothing.
    """
    from onrecord.api import extract_many
    from onrecord.nlp import load_pipeline

    if speakers is None:
        gold = read_documents(path, limit=limit)
    else:
        names = read_speakers(speakers)  # first: a bad speakers file fails before the corpus is read
        gold = overlay_speakers(read_documents(path), names)[:limit]
    if types is not None:
        gold = [_only(d, types) for d in gold]
    if quoted:
        gold = [gold_quoted(d) for d in gold]
    load_pipeline(settings)  # load the model before the clock starts
    articles = [Article(text=d["text"], id=d["id"]) for d in gold]
    predicted: list[dict[str, Any]] = []
    errors: list[str] = []
    model = version = ""
    start = time.perf_counter()
    for art, result in zip(articles, extract_many(articles, settings=settings, progress=progress), strict=True):
        if isinstance(result, OnrecordError):
            errors.append(f"{art.id}: {result.reason}")
            continue
        found = _only(result.to_dict(include_text=False), types)
        predicted.append(predicted_quoted(found) if quoted else found)
        model, version = result.model, result.pipeline_version
    seconds = time.perf_counter() - start
    corpora = {d.get("source") for d in gold}
    kinds = score_kinds(gold, predicted) if speakers is not None else None
    return EvalReport(
        path=str(path),
        corpus=corpora.pop() if len(corpora) == 1 else None,
        scores=score_documents(gold, predicted),
        seconds=seconds,
        chars=sum(len(a.text) for a in articles),
        errors=tuple(errors),
        model=model,
        pipeline_version=version,
        speakers=None if speakers is None else str(speakers),
        kinds=kinds,
        types=None if types is None else tuple(sorted(types)),
        quoted=quoted,
    )


def _only(doc: dict[str, Any], types: Collection[str] | None) -> dict[str, Any]:
    """The document with only the attributions of these types (all of them when ``types`` is None)."""
    if types is None:
        return doc
    return {**doc, "attributions": [a for a in doc.get("attributions") or () if a.get("type") in types]}


__all__ = ["EvalReport", "evaluate_file", "iter_documents", "read_documents"]
