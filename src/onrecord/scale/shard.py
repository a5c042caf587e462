"""One shard, start to end: :func:`process_shard` reads its documents, extracts, and writes its output.

The same function runs in a local worker process and on a Dask worker, so the output does not depend on where
it ran. It never raises for a bad document or a bad shard: it returns a :class:`ShardResult` whose ``status``
is ``done`` (output written), ``resumed`` (the output already existed; nothing was done) or ``failed`` (with the
reason; nothing was written, so the next run tries the shard again).

Bounds on each document:

- size: ``Settings.max_chars`` (an article over it is refused by :func:`onrecord.extract_many`, code
  ``too-large``) and, for HTML, the largest page trafilatura reads;
- time: ``Settings.doc_timeout``. Reading (trafilatura) is capped document by document. Extraction runs
  in spaCy batches of ``Settings.batch_size`` and a batch gets ``doc_timeout`` seconds per document; a batch
  over that budget is abandoned and its documents are extracted again one at a time, each with
  ``doc_timeout`` seconds, so only the document that is too slow is left out (code ``timeout``) and the others
  give the same result as in the batch. The cap is enforced by :func:`onrecord.scale.deadline.deadline`.

The spaCy pipeline is loaded once per worker process (``onrecord.load_pipeline`` caches it) and each batch runs
inside ``nlp.memory_zone()`` (in :func:`onrecord.extract_many`), so memory stays flat from shard to shard.
"""

from __future__ import annotations

import os
import socket
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, InputError, NoArticleError, OnrecordError
from onrecord.ingest.inputs import read_file
from onrecord.ingest.readers import document_stem, read_jsonl_file
from onrecord.scale.deadline import DocumentTimeout, deadline
from onrecord.scale.options import DEFAULT_OPTIONS, RunOptions
from onrecord.scale.output import OutputError, is_complete, read_shard_result, write_shard
from onrecord.scale.plan import Shard
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction

#: Failures kept with their document and reason, per shard (all are counted); the rest are counted only.
MAX_LISTED_FAILURES = 1000

#: Codes that are a filter doing its job (pages that are not articles, not English ...) rather than a failure:
#: they are counted but not listed document by document.
FILTER_CODES = frozenset({"not-ok", "not-html", "no-article", "not-english", "empty"})


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that gave no output: where it is, a short code and the reason."""

    document: str
    code: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"document": self.document, "code": self.code, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What became of one shard. ``counts``: documents left out, by code; ``failures``: the listed ones."""

    shard: str
    status: str  # done | resumed | failed
    documents: int = 0  # articles written
    attributions: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failures: tuple[Failure, ...] = ()
    reason: str | None = None  # why the shard failed
    seconds: float = 0.0
    worker: str = ""
    rss_mib: float | None = None

    @property
    def left_out(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {"shard": self.shard, "status": self.status, "documents": self.documents,
                "attributions": self.attributions, "counts": dict(sorted(self.counts.items())),
                "failures": [f.to_dict() for f in self.failures], "reason": self.reason,
                "seconds": round(self.seconds, 3), "worker": self.worker, "rss_mib": self.rss_mib}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardResult:
        return cls(shard=data["shard"], status=data["status"], documents=data.get("documents", 0),
                   attributions=data.get("attributions", 0), counts=dict(data.get("counts") or {}),
                   failures=tuple(Failure(**f) for f in data.get("failures") or ()), reason=data.get("reason"),
                   seconds=data.get("seconds", 0.0), worker=data.get("worker", ""), rss_mib=data.get("rss_mib"))


def failure_code(exc: BaseException) -> str:
    """The short code for why a document was left out."""
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        return code
    if isinstance(exc, DocumentTimeout):
        return "timeout"
    if isinstance(exc, DocumentTooLargeError):
        return "too-large"
    if isinstance(exc, EmptyDocumentError):
        return "empty"
    if isinstance(exc, NoArticleError):
        return "no-article"
    if isinstance(exc, InputError):
        return "unreadable"
    return "error"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def rss_mib() -> float | None:
    """This process's resident memory in MiB (None without psutil or /proc)."""
    try:
        with open("/proc/self/statm") as f:
            return round(int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil
    except ImportError:
        return None
    return round(float(psutil.Process().memory_info().rss) / 2**20, 1)


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.failures: list[Failure] = []

    def add(self, document: str, code: str, reason: str) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in FILTER_CODES and len(self.failures) < MAX_LISTED_FAILURES:
            self.failures.append(Failure(document, code, reason))

    def add_error(self, exc: BaseException, document: str | None = None) -> None:
        if isinstance(exc, OnrecordError):
            self.add(exc.document or document or "?", failure_code(exc), exc.reason)
        elif isinstance(exc, DocumentTimeout):
            self.add(document or "?", "timeout", "over the time cap (--doc-timeout)")
        else:
            self.add(document or "?", "error", f"{type(exc).__name__}: {exc}")


def process_shard(
    shard: Shard,
    outdir: str | os.PathLike[str],
    settings: Settings = DEFAULT,
    options: RunOptions = DEFAULT_OPTIONS,
    progress: Callable[[int], None] | None = None,
) -> ShardResult:
    """Read, extract and write one shard; see the module docstring. ``progress(n)`` is told of every ``n``
    documents finished (read and extracted or left out)."""
    start = time.perf_counter()
    if is_complete(outdir, shard.name):
        try:
            previous = ShardResult.from_dict(read_shard_result(outdir, shard.name))
        except (OutputError, KeyError, TypeError) as exc:
            return ShardResult(shard.name, "failed", reason=f"its marker cannot be read: {exc}",
                               worker=worker_name())
        return ShardResult(shard.name, "resumed", documents=previous.documents, attributions=previous.attributions,
                           counts=previous.counts, failures=previous.failures, seconds=previous.seconds,
                           worker=previous.worker, rss_mib=previous.rss_mib)
    tally = _Tally()
    try:
        extractions = list(_extract_shard(shard, settings, options, tally, progress))
        seconds = round(time.perf_counter() - start, 3)
        result = ShardResult(shard.name, "done", documents=len(extractions),
                             attributions=sum(len(e.attributions) for e in extractions), counts=tally.counts,
                             failures=tuple(tally.failures), seconds=seconds, worker=worker_name(), rss_mib=rss_mib())
        write_shard(outdir, shard.name, extractions, result.to_dict())
        return result
    except Exception as exc:  # noqa: BLE001 -- one bad shard must not stop the run; the reason is kept
        if isinstance(exc, OnrecordError):
            reason = str(exc)
        else:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            reason = f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
        return ShardResult(shard.name, "failed", counts=tally.counts, failures=tuple(tally.failures), reason=reason,
                           seconds=round(time.perf_counter() - start, 3), worker=worker_name(), rss_mib=rss_mib())


def _extract_shard(shard: Shard, settings: Settings, options: RunOptions, tally: _Tally,
                   progress: Callable[[int], None] | None) -> Iterator[Extraction]:
    batch: list[Article] = []
    for item in shard_documents(shard, settings, options):
        if isinstance(item, Article):
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield from _extract_batch(batch, settings, options, tally, progress)
                batch = []
        else:
            tally.add_error(item)
            if progress:
                progress(1)
    if batch:
        yield from _extract_batch(batch, settings, options, tally, progress)


def _extract_batch(batch: list[Article], settings: Settings, options: RunOptions, tally: _Tally,
                   progress: Callable[[int], None] | None) -> Iterator[Extraction]:
    from onrecord.api import extract_many

    try:
        with deadline(settings.doc_timeout * len(batch)):
            results: list[Any] = list(extract_many(batch, settings=settings))
    except (DocumentTimeout, Exception):  # noqa: BLE001 -- redo one by one, so only the culprit is left out
        results = []
        for article in batch:
            try:
                with deadline(settings.doc_timeout):
                    results.extend(extract_many([article], settings=settings))
            except (DocumentTimeout, Exception) as exc:  # noqa: BLE001 -- the culprit is kept with its reason; the rest of the batch goes on
                results.append(_Culprit(exc, article.id or "?"))
    for article, result in zip(batch, results, strict=True):
        if isinstance(result, Extraction):
            yield result
        elif isinstance(result, _Culprit):
            tally.add_error(result.exc, document=result.document)
        else:
            tally.add_error(result, document=article.id)
    if progress:
        progress(len(batch))


@dataclass(frozen=True, slots=True)
class _Culprit:
    exc: BaseException
    document: str


def shard_documents(shard: Shard, settings: Settings = DEFAULT,
                    options: RunOptions = DEFAULT_OPTIONS) -> Iterator[Article | InputError]:
    """The documents of ``shard`` in input order, each an Article or an InputError, read by the readers of
    ``extract`` and ``ingest`` (:mod:`onrecord.ingest`). Reading a page or a file is capped at
    ``settings.doc_timeout``; a document over it gives an InputError with code ``timeout``."""
    if shard.kind == "warc":
        from onrecord.ingest.warc import iter_warc

        yield from iter_warc(shard.path, offset=shard.offset, count=shard.count, first_id=shard.first_id,
                             english_only=options.english_only, timeout=settings.doc_timeout)
    elif shard.kind == "jsonl":
        yield from read_jsonl_file(shard.path, max_chars=settings.max_chars, start=shard.start, offset=shard.offset,
                                   count=shard.count, whole=False)
    elif shard.kind == "files":
        root = Path(shard.path)
        for rel in shard.files:
            rel_path = Path(rel)
            yield from read_file(root / rel, id=(rel_path.parent / document_stem(rel_path)).as_posix(),
                                 max_chars=settings.max_chars, timeout=settings.doc_timeout)
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")


__all__ = ["FILTER_CODES", "Failure", "ShardResult", "failure_code", "process_shard", "shard_documents"]
