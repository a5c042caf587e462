"""A time cap on a block of Python code, in any thread: :func:`deadline` (used by :func:`onrecord.extract_many`
for ``Settings.doc_timeout``, and by corpus runs for reading).

How: one watchdog thread per process keeps the caps in a heap (a thread per cap cost more than some of the blocks it
timed: two per article); when a cap's time is up it raises :class:`DocumentTimeout` in the thread running the block,
with CPython's ``PyThreadState_SetAsyncExc`` (signals such as ``SIGALRM`` would only work in the main thread, and a
Dask worker runs tasks in other threads). The exception arrives at the next Python bytecode the thread runs: code
that stays in C (a single long regular-expression match, one call into a compiled library) overruns the cap until it
returns to Python. spaCy's pipeline and onrecord's rules return to Python often, and :mod:`onrecord.nlp.guard`
bounds each call into spaCy's compiled code (the tokenizer reads pieces of text, the parser parts of a long
document), so in practice the cap holds to about a second.

``DocumentTimeout`` derives from ``BaseException`` so that library code catching ``Exception`` (trafilatura
does, for one) cannot swallow it.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


class DocumentTimeout(BaseException):
    """Raised inside a :func:`deadline` block whose time ran out."""


class Deadline:
    """What :func:`deadline` yields: ``expired`` tells, after the block, whether this cap (and not an enclosing
    one) is the one that ran out, so that nested caps each catch only their own :class:`DocumentTimeout`."""

    __slots__ = ("expired",)

    def __init__(self) -> None:
        self.expired = False


class _Cap:
    """One running cap: the thread to interrupt and whether its block is still running."""

    __slots__ = ("active", "lock", "state", "target")

    def __init__(self, target: int, state: Deadline) -> None:
        self.target = target
        self.state = state
        self.lock = threading.Lock()
        self.active = True

    def fire(self) -> None:
        with self.lock:
            if self.active:
                self.state.expired = True
                _set_async_exc(self.target, ctypes.py_object(DocumentTimeout))


class _Watchdog:
    """The process's one timer thread: a heap of caps by the time they run out, the ended ones dropped lazily."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, _Cap]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, when: float, cap: _Cap) -> None:
        with self._cond:
            heapq.heappush(self._heap, (when, next(self._seq), cap))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="onrecord-deadline", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and not self._heap[0][2].active:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                left = self._heap[0][0] - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                heapq.heappop(self._heap)[2].fire()


_WATCHDOG = _Watchdog()


def _after_fork() -> None:  # a forked child has no watchdog thread, and its lock may have been held: a new one
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Run the block with a cap of ``seconds`` (0 or less: no cap); over it, :class:`DocumentTimeout` is raised.

    Caps may nest: the first to run out fires, and its exception passes through the blocks inside it, whose
    ``expired`` stays False.
    """
    state = Deadline()
    if seconds <= 0:
        yield state
        return
    cap = _Cap(threading.get_ident(), state)
    _WATCHDOG.add(time.monotonic() + seconds, cap)
    try:
        yield state
    finally:
        with cap.lock:
            cap.active = False
        if state.expired:
            # the exception may still be pending if the block ended between the cap firing and its delivery
            _set_async_exc(cap.target, ctypes.py_object())  # NULL clears a pending asynchronous exception


__all__ = ["Deadline", "DocumentTimeout", "deadline"]
