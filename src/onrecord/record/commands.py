"""The record's batch work as library calls: :func:`ingest_paths` (read, extract, store) and :func:`reprocess`
(extract stored articles again). ``onrecord ingest`` and ``onrecord reprocess`` only parse their arguments, call
these, print the result and pick the exit status.

    from onrecord.record import open_store
    from onrecord.record.commands import ingest_paths

    with open_store("onrecord.db") as store:
        result = ingest_paths(store, ["articles/"], on_error=print)
    print(result.stored, "stored;", result.known, "already there;", result.failed, "failed")

A bad document never stops the batch: each is passed to ``on_error`` (an :class:`~onrecord.errors.OnrecordError`
naming it and the reason) and counted. A fault of the store itself (:class:`~onrecord.errors.StoreFault`: a full
disk, a lost connection) is raised at once, its reason saying how far the work got; what was committed before
it is kept, and the same call made again finishes the work.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from onrecord.errors import InputError, OnrecordError, StoreError, StoreFault
from onrecord.record.store import AddResult, Store
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction

OnError = Callable[[OnrecordError], None]
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What :func:`ingest_paths` did."""

    stored: int = 0  # articles stored
    attributions: int = 0  # attributions stored with them
    known: int = 0  # articles already in the store (passed over before extraction, or found by the store)
    failed: int = 0  # documents reported to on_error: unreadable, not extracted, or refused by the store
    lost: int = 0  # of those, the ones read but not stored: extraction failed or the store refused them
    families: int | None = None  # quote families after the ingest (None: nothing new, not rebuilt)

    @property
    def ok(self) -> bool:
        """Everything read was stored (or already there), and something could be used if anything failed: what
        ``onrecord ingest`` exits 0 for. An unreadable document alone is reported, as ``extract`` does."""
        return not self.lost and not (self.failed and not self.stored and not self.known)


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    """What :func:`reprocess` did: articles re-extracted and stored, their attributions, and failures."""

    done: int = 0
    attributions: int = 0
    failed: int = 0
    families: int | None = None  # quote families after reprocessing (None: nothing reprocessed, not rebuilt)


def is_run_output(path: str | os.PathLike[str]) -> bool:
    """Is this a directory that ``onrecord run`` wrote (it has a shards/ folder)?"""
    from onrecord.scale.output import SHARDS

    return os.fspath(path) != "-" and Path(path).is_dir() and (Path(path) / SHARDS).is_dir()


class _Counts:
    """The failures met during an ingest, passed on to ``on_error`` as they come."""

    def __init__(self, on_error: OnError | None) -> None:
        self.on_error = on_error
        self.failed = self.lost = self.known = 0

    def fail(self, exc: OnrecordError) -> None:
        self.failed += 1
        if not isinstance(exc, InputError):  # an article read but not stored: extraction or the store failed
            self.lost += 1
        if self.on_error is not None:
            self.on_error(exc)


def ingest_paths(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings = DEFAULT,
    extracted: bool = False,
    stdin: IO[bytes] | None = None,
    on_error: OnError | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Read the articles in ``paths``, extract them and store them in ``store``; see the module docstring.

    ``paths`` are what :func:`onrecord.ingest.iter_inputs` reads (files, directories, ``-`` for ``stdin``); an
    article already stored (same URL or same text) is passed over before extraction. With ``extracted`` they are
    files that ``onrecord extract`` wrote, stored without extraction. A directory that ``onrecord run`` wrote is
    loaded from its Parquet files, also without extraction. Every ``settings.batch_size`` articles are stored in
    one transaction. ``progress(n)`` is told of every ``n`` documents done.
    """
    counts = _Counts(on_error)
    settings = settings.with_(provenance=True)
    runs = [p for p in paths if is_run_output(p)]
    others = [p for p in paths if p not in runs]
    results: Iterable[Extraction | OnrecordError] = _read_runs(runs, counts.fail)
    if others and extracted:
        results = itertools.chain(results, _read_extracted(others, stdin))
    results = _with_provenance(store, results, settings)
    if others and not extracted:
        results = itertools.chain(results, _extracted_now(store, others, stdin, settings, counts, progress))
    total = AddResult()
    batch: list[Extraction] = []
    try:
        for result in results:
            if isinstance(result, OnrecordError):
                counts.fail(result)
                continue
            batch.append(result)
            if len(batch) >= settings.batch_size:
                total += _store_batch(store, batch, counts.fail)
                batch = []
        if batch:
            total += _store_batch(store, batch, counts.fail)
    except StoreFault as exc:  # the next article would fail the same way: one error, not one per article
        raise StoreFault(f"{exc.reason}; stopped, after storing {total.stored} articles ({total.attributions} "
                         "attributions): run the same command again to store the rest", document=exc.document) from exc
    return IngestResult(stored=total.stored, attributions=total.attributions, known=counts.known + total.duplicates,
                        failed=counts.failed, lost=counts.lost, families=_families(store) if total.stored else None)


def _families(store: Store) -> int:
    """Group the store's quotations into families again (record/families.py) after new ones were stored."""
    from onrecord.record.families import rebuild

    return rebuild(store)


def _with_provenance(store: Store, results: Iterable[Extraction | OnrecordError],
                     settings: Settings) -> Iterator[Extraction | OnrecordError]:
    """Extractions read without their parse (``--extracted`` files, ``onrecord run`` output) with their provenance
    computed from a new parse of their text (:func:`onrecord.provenance.analyse_text`); those the store holds
    already are passed on as they are (the store counts them), and those that carry it keep theirs."""
    from onrecord.errors import ExtractionError

    nlp = None
    for result in results:
        if isinstance(result, Extraction) and result.provenance is None and not store.contains(result.article):
            from onrecord.nlp import load_pipeline
            from onrecord.provenance import analyse_text

            nlp = nlp or load_pipeline(settings, with_attribution=False)
            try:
                result = dataclasses.replace(result, provenance=analyse_text(result, nlp))
            except Exception as exc:  # noqa: BLE001 -- one article's failure is reported, the batch goes on
                result = ExtractionError(f"provenance failed: {type(exc).__name__}: {exc}",
                                         document=result.article.id)
        yield result


def _read_runs(paths: list[str | os.PathLike[str]], fail: OnError) -> Iterator[Extraction]:
    from onrecord.scale import read_output

    for path in paths:
        try:
            yield from read_output(path)
        except OnrecordError as exc:  # a shard's files missing or inconsistent: named, and the others go on
            fail(exc)


def _read_extracted(paths: list[str | os.PathLike[str]],
                    stdin: IO[bytes] | None) -> Iterator[Extraction | OnrecordError]:
    from onrecord.ingest import iter_extracted

    yield from iter_extracted(paths, stdin=stdin)


def _extracted_now(store: Store, paths: list[str | os.PathLike[str]], stdin: IO[bytes] | None, settings: Settings,
                   counts: _Counts, progress: Progress | None) -> Iterator[Extraction | OnrecordError]:
    """The articles of ``paths`` that are not stored yet, extracted (unreadable ones reported on the way)."""
    from onrecord.api import extract_many
    from onrecord.ingest import iter_inputs

    def new(items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if not isinstance(item, Article):
                counts.fail(item)
            elif store.contains(item):
                counts.known += 1
                if progress:
                    progress(1)
            else:
                yield item

    inputs = iter_inputs(paths, stdin=stdin, max_chars=settings.max_chars)
    yield from extract_many(new(inputs), settings=settings, on_error="yield", progress=progress)


def _store_batch(store: Store, batch: list[Extraction], fail: OnError) -> AddResult:
    """Store a batch in one transaction; an article the store refuses is reported by name, the others are kept."""
    result = store.add(batch, batch_size=len(batch))
    for refused in result.refused:
        fail(refused)
    return result


def reprocess(
    store: Store,
    *,
    settings: Settings = DEFAULT,
    every: bool = False,
    on_error: OnError | None = None,
    progress: Progress | None = None,
) -> ReprocessResult:
    """Extract stored articles again and replace their machine attributions, ``settings.batch_size`` articles to a
    transaction: those extracted by another pipeline version or model (:func:`onrecord.api.extractor_id`), or
    with ``every`` all of them. An article that cannot be extracted or stored keeps what it had and is passed to
    ``on_error``; articles corrected by a person keep their attributions; recorded speaker merges and splits are
    applied again. A :class:`StoreFault` is raised at once, saying how many articles were done."""
    from onrecord.api import extract_many, extractor_id

    settings = settings.with_(provenance=True)
    if every:
        ids = store.article_ids()
    else:
        current = extractor_id(settings)
        ids = store.article_ids(stale_for=current.pipeline_version, model=current.model)
    done = stored = failed = 0
    families: int | None = None

    def fail(exc: OnrecordError) -> None:
        nonlocal failed
        failed += 1
        if on_error is not None:
            on_error(exc)

    try:
        for start in range(0, len(ids), settings.batch_size):
            chunk = ids[start: start + settings.batch_size]
            articles = [store.article(i) for i in chunk]
            with store.transaction():
                results = extract_many(articles, settings=settings, on_error="yield", progress=progress)
                for article_id, result in zip(chunk, results, strict=True):
                    if isinstance(result, OnrecordError):
                        fail(result)
                        continue
                    try:  # a savepoint: an article the store refuses keeps its old attributions
                        stored += store.replace_extraction(article_id, result)
                    except StoreFault:
                        raise
                    except StoreError as exc:
                        fail(StoreError(f"not reprocessed: {exc.reason}",
                                        document=result.article.id or f"article {article_id}"))
                        continue
                    done += 1
        if done:
            store.prune_speakers()
            families = _families(store)
    except StoreFault as exc:
        raise StoreFault(f"{exc.reason}; stopped, after reprocessing {done} articles: run the same command again to "
                         "finish", document=exc.document) from exc
    return ReprocessResult(done=done, attributions=stored, failed=failed, families=families)


__all__ = ["IngestResult", "ReprocessResult", "ingest_paths", "is_run_output", "reprocess"]
