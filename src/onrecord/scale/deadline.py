"""A time cap on a block of Python code, in any thread: :func:`deadline`.

How: a timer thread, when the time is up, raises :class:`DocumentTimeout` in the thread running the block, with
CPython's ``PyThreadState_SetAsyncExc`` (signals such as ``SIGALRM`` would only work in the main thread, and a
Dask worker runs tasks in other threads). The exception arrives at the next Python bytecode the thread runs:
code that stays in C (a single long regular-expression match, one call into a compiled library) overruns the
cap until it returns to Python. spaCy's pipeline and onrecord's rules return to Python often, so in practice
the cap holds to a few milliseconds.

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


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Run the block with a cap of ``seconds`` (0 or less: no cap); over it, :class:`DocumentTimeout` is raised."""
    if seconds <= 0:
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _set_async_exc(target, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        timer.cancel()
        if state["fired"]:
            # the exception may still be pending if the block ended between the timer firing and its delivery
            _set_async_exc(target, ctypes.py_object())  # NULL clears a pending asynchronous exception


__all__ = ["DocumentTimeout", "deadline"]
