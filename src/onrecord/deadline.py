"""A time cap on a block of Python code, in any thread: :func:`deadline` (used by :func:`onrecord.extract_many`
for ``Settings.doc_timeout``, and by corpus runs for reading).

How: a timer thread, when the time is up, raises :class:`DocumentTimeout` in the thread running the block, with
CPython's ``PyThreadState_SetAsyncExc`` (signals such as ``SIGALRM`` would only work in the main thread, and a
Dask worker runs tasks in other threads). The exception arrives at the next Python bytecode the thread runs:
code that stays in C (a single long regular-expression match, one call into a compiled library) overruns the
cap until it returns to Python. spaCy's pipeline and onrecord's rules return to Python often, and
:mod:`onrecord.nlp.guard` bounds each call into spaCy's compiled code (the tokenizer reads pieces of text, the
parser parts of a long document), so in practice the cap holds to about a second.

``DocumentTimeout`` derives from ``BaseException`` so that library code catching ``Exception`` (trafilatura
does, for one) cannot swallow it.
"""

from __future__ import annotations

import ctypes
import threading
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
    target = threading.get_ident()
    lock = threading.Lock()
    active = [True]

    def fire() -> None:
        with lock:
            if active[0]:
                state.expired = True
                _set_async_exc(target, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield state
    finally:
        with lock:
            active[0] = False
        timer.cancel()
        if state.expired:
            # the exception may still be pending if the block ended between the timer firing and its delivery
            _set_async_exc(target, ctypes.py_object())  # NULL clears a pending asynchronous exception


__all__ = ["Deadline", "DocumentTimeout", "deadline"]
