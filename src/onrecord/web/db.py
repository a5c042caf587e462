"""The web app's connections to the store: a bounded pool of read-only readers, and one writer.

Every read goes through :meth:`Readers.reader`: a connection that cannot write (``Store.open(read_only=True)``:
SQLite ``mode=ro``, PostgreSQL read-only transactions), and a time limit on each request's queries (SQLite: a
progress handler that interrupts the statement; PostgreSQL: ``statement_timeout``). A request that runs past the
limit gets :class:`QueryTimeout`, which the app answers with 503 and a message saying so.

Writes (paste/upload, speaker merge/split/relink) go through :class:`Writer`: one writable store behind a lock.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

from onrecord.errors import OnrecordError, StoreError
from onrecord.record import Store
from onrecord.record.store import POSTGRES
from onrecord.web.limits import QUERY_SECONDS

#: Seconds a request waits for a free reader before the server answers 503.
WAIT_SECONDS = 10.0


class QueryTimeout(OnrecordError):
    """A request's queries ran past the time limit and were interrupted."""


class Busy(OnrecordError):
    """No reader became free in time (the server is saturated)."""


#: SQLite readers map this much of the database file into memory (``PRAGMA mmap_size``): pages are read from the
#: operating system's page cache, shared by every reader, instead of copied into each connection's own small cache
#: (2 MB by default), which a large store misses on nearly every lookup.
MMAP_BYTES = 1 << 30

#: SQLite readers check their deadline every this many virtual-machine steps. Each check is a call into Python,
#: which must take the interpreter lock back from the request threads; every 2,000 steps made a search wait for
#: the lock hundreds of times under load. 100,000 steps take a few milliseconds: the limit is still kept closely.
PROGRESS_STEPS = 100_000


def _open_reader(url: str, seconds: float) -> tuple[Store, list[float]]:
    """A read-only store (SQLite ``mode=ro``, PostgreSQL read-only transactions) with a deadline cell its
    statements are checked against."""
    store = Store.open(url, read_only=True)
    deadline = [float("inf")]
    if store.backend == POSTGRES:
        store.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    else:
        store.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        store.conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline[0] else 0, PROGRESS_STEPS)
    return store, deadline


class Readers:
    """Up to ``size`` read-only stores, opened on demand and reused across requests."""

    def __init__(self, url: str, *, size: int = 8, seconds: float = QUERY_SECONDS,
                 wait: float = WAIT_SECONDS) -> None:
        self.url = url
        self.size = size
        self.seconds = seconds
        self.wait = wait
        self._idle: queue.LifoQueue[tuple[Store, list[float]]] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def _take(self) -> tuple[Store, list[float]]:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self.size:
                self._opened += 1
                try:
                    opened = _open_reader(self.url, self.seconds)
                except BaseException:
                    self._opened -= 1
                    raise
                self._all.append(opened[0])
                return opened
        try:
            return self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise Busy(f"all {self.size} store connections stayed busy for {self.wait:g} s; try again") from None

    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only store for one request; its queries together may run ``seconds``."""
        store, deadline = self._take()
        started = time.monotonic()
        deadline[0] = started + self.seconds
        healthy = True
        try:
            yield store
        except StoreError as exc:
            if time.monotonic() >= deadline[0] or "statement timeout" in exc.reason:
                raise QueryTimeout(f"the query ran past the time limit of {self.seconds:g} s and was stopped; "
                                   "narrow it with filters", document=None) from None
            healthy = _alive(store)
            raise
        finally:
            deadline[0] = float("inf")
            if healthy:
                self._idle.put((store, deadline))
            else:
                with self._lock:
                    self._opened -= 1
                    self._all.remove(store)
                with contextlib.suppress(Exception):
                    store.close()

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                with contextlib.suppress(Exception):
                    store.close()
            self._all.clear()
            self._opened = 0
        while not self._idle.empty():
            self._idle.get_nowait()


def _alive(store: Store) -> bool:
    try:
        store.one("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 -- a broken connection is replaced, whatever broke it
        return False


class Writer:
    """The one writable store, opened at start (which creates and migrates it), used under a lock."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.store = Store.open(url)
        self.lock = threading.Lock()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Store]:
        with self.lock:
            yield self.store

    def close(self) -> None:
        self.store.close()


class Generation:
    """How many writes this server has made: a cell of this process, or one shared by the server's worker
    processes (a ``multiprocessing.Value``, see :mod:`onrecord.web.serving`). It is part of :func:`data_version`,
    so that a write made in one process (a relink keeps every count and maximum the same) is seen by the caches
    of all of them."""

    def __init__(self) -> None:
        self._shared: Any = None
        self._local = 0
        self._lock = threading.Lock()

    def share(self, value: Any) -> None:
        """Count in ``value`` (a ``multiprocessing.Value("q")``) from now on."""
        self._shared = value

    def bump(self) -> None:
        if self._shared is not None:
            with self._shared.get_lock():
                self._shared.value += 1
        else:
            with self._lock:
                self._local += 1

    @property
    def value(self) -> int:
        return int(self._shared.value) if self._shared is not None else self._local


#: The writes of this server (its caches are keyed by :func:`data_version`, which includes it).
GENERATION = Generation()


def data_version(store: Store) -> tuple[Any, ...]:
    """Changes whenever articles, attributions or speakers change (cheap: maxima of primary keys and overrides),
    and with every write this server makes (:data:`GENERATION`)."""
    row = store.one("SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM attributions),"
                    " (SELECT max(id) FROM speakers), (SELECT count(*) FROM speakers),"
                    " (SELECT max(id) FROM speaker_overrides)")
    return (*(row or ()), GENERATION.value)
