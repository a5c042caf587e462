"""Extraction off the request loop: one worker thread that holds the model, fed through a bounded queue.

A request submits a job and awaits its future; when the queue is full the submission is refused at once
(:class:`QueueFull`, answered 503 with ``Retry-After``), so a busy server never leaves a request hanging. The
spaCy pipeline is imported and loaded inside the worker on its first job (``onrecord.api`` is imported lazily
there), never when the web package is imported.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from onrecord.errors import OnrecordError
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

#: Extract one article with these settings (the real one loads the model; tests may pass their own).
Extractor = Callable[[Article, Settings], Extraction]


class QueueFull(OnrecordError):
    """The extraction queue is full; ``retry_after`` says when to try again (seconds)."""

    def __init__(self, reason: str, *, retry_after: int) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def model_extractor(article: Article, settings: Settings) -> Extraction:
    """The real extraction (loads the spaCy model in this thread on first use)."""
    from onrecord.api import extract_many

    (result,) = extract_many([article], settings=settings, on_error="raise")
    assert isinstance(result, Extraction)
    return result


def accurate_available() -> bool:
    """Whether the ``accurate`` extra is installed (its packages importable), without importing them."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers"))


@dataclass
class _Job:
    run: Callable[[], Any]
    future: concurrent.futures.Future[Any]


class Worker:
    """A thread running jobs one at a time from a queue of at most ``capacity`` waiting jobs."""

    def __init__(self, *, capacity: int = 8, extractor: Extractor = model_extractor,
                 retry_after: int = 10) -> None:
        self.extractor = extractor
        self.retry_after = retry_after
        self._queue: queue.Queue[_Job | None] = queue.Queue(maxsize=capacity)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._once: set[str] = set()  # the keys of the jobs queued by submit_once and not started yet

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="onrecord-extract", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                job.future.set_result(job.run())
            except BaseException as exc:  # noqa: BLE001 -- handed to the request that waits for it
                job.future.set_exception(exc)

    def submit(self, run: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Queue ``run``; :class:`QueueFull` at once when the queue is full."""
        self._start()
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        try:
            self._queue.put_nowait(_Job(run, future))
        except queue.Full:
            raise QueueFull(f"the extraction queue is full ({self._queue.maxsize} articles waiting); try again "
                            f"in {self.retry_after} s", retry_after=self.retry_after) from None
        return future

    def submit_once(self, key: str, run: Callable[[], Any]) -> concurrent.futures.Future[Any] | None:
        """Queue ``run`` unless a job of this ``key`` is already queued and not started (then None): a store
        written to many times while its quote families wait to be rebuilt is rebuilt once. A job that has started
        no longer counts, so a write made while it runs queues another. :class:`QueueFull` when the queue is."""
        with self._lock:
            if key in self._once:
                return None
            self._once.add(key)

        def job() -> Any:
            with self._lock:
                self._once.discard(key)
            return run()

        try:
            return self.submit(job)
        except QueueFull:
            with self._lock:
                self._once.discard(key)
            raise

    def extract(self, article: Article, settings: Settings) -> concurrent.futures.Future[Extraction]:
        return self.submit(lambda: self.extractor(article, settings))

    @property
    def waiting(self) -> int:
        return self._queue.qsize()

    def close(self, *, wait: float = 0.0) -> None:
        """Stop after the jobs already queued; with ``wait``, give them that many seconds to finish (the app
        waits before it closes the store they write to)."""
        if self._thread is not None and self._thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)
            if wait > 0:
                self._thread.join(timeout=wait)
