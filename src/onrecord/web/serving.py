"""Serving the app: one process, or several worker processes on one socket (``onrecord serve --workers N``).

One Python process runs the app's Python code one thread at a time, so a busy server uses about one core however
many requests it has in flight. With ``--workers N`` the server runs N processes that accept connections from the
same listening socket, each with its own read connections and caches:

- the first (the process ``onrecord serve`` started in) holds the one writable store and the extraction worker
  (so one process, never N, loads the model), and also listens on a private unix socket;
- the others serve reads, and hand every other request (paste/upload, extract, merge/split/relink, sign-in, and
  ``/healthz``, which reports the extraction queue) to the first over that socket, unchanged, answering with its
  answer (:class:`Forward`).

A write made by the first process is counted in a number shared by all of them (:data:`onrecord.web.db.GENERATION`),
part of the data version their caches are kept by, so no process serves what a write has changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import logging
import multiprocessing
import shutil
import signal
import socket
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from onrecord.web import db

log = logging.getLogger("onrecord.web")

#: Seconds a forwarded request may take (an extraction waits up to EXTRACT_SECONDS for its turn and its result).
FORWARD_SECONDS = 180.0

#: Request methods a worker process answers itself; every other request goes to the first process.
READ_METHODS = frozenset({"GET", "HEAD"})

#: Paths a worker process forwards even when read: they report on what only the first process holds.
FORWARDED_PATHS = frozenset({"/healthz"})

_HOP_BY_HOP = frozenset({b"connection", b"keep-alive", b"transfer-encoding", b"content-length", b"upgrade",
                         b"expect", b"te", b"trailer", b"proxy-connection"})


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def _round_trip(path: str, method: str, target: str, headers: list[tuple[bytes, bytes]],
                body: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    conn = _UnixConnection(path, FORWARD_SECONDS)
    try:
        conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in headers:
            if name.lower() not in _HOP_BY_HOP:
                conn.putheader(name.decode("latin-1"), value.decode("latin-1"))
        conn.putheader("Content-Length", str(len(body)))
        conn.putheader("Connection", "close")
        # the first process may answer (a refusal: 401, 413) before reading the whole body and close its end: its
        # answer is still there to read. If it is not, getresponse raises and the caller answers 503.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            conn.endheaders(body)
        response = conn.getresponse()
        data = response.read()
        out = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.getheaders()
               if k.lower().encode("latin-1") not in _HOP_BY_HOP]
        return response.status, out, data
    finally:
        conn.close()


class Forward:
    """ASGI middleware of a worker process: requests it does not answer itself go to the first process."""

    def __init__(self, app: Any, *, primary: str, max_body: int) -> None:
        self.app = app
        self.primary = primary
        self.max_body = max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or (scope["method"] in READ_METHODS and scope["path"] not in FORWARDED_PATHS):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await _error(send, 413, "too_large", f"the request body is over the limit of {self.max_body:,} bytes")
                return
            if not message.get("more_body"):
                break
        target = scope.get("raw_path") or scope["path"].encode()
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]
        try:
            status, headers, data = await asyncio.to_thread(
                _round_trip, self.primary, scope["method"], target.decode("latin-1"), list(scope["headers"]),
                bytes(body))
        except OSError as exc:
            log.error("forwarding %s %s to the first worker process failed: %s", scope["method"], scope["path"], exc)
            await _error(send, 503, "unavailable", "the server's writing process did not answer; try again",
                         retry_after=5)
            return
        headers.append((b"content-length", str(len(data)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})


async def _error(send: Any, status: int, type_: str, message: str, *, retry_after: int | None = None) -> None:
    body = json.dumps({"error": {"type": type_, "message": message, "status": status}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _uvicorn_config(app: Any, *, log_level: str, access_log: bool, **extra: Any) -> Any:
    import uvicorn

    return uvicorn.Config(app, log_level=log_level, access_log=access_log, server_header=False,
                          timeout_graceful_shutdown=5, **extra)


class _Stopped(BaseException):
    """SIGTERM reached the first process: stop serving, then stop the other processes."""


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


def _end_with_parent() -> None:
    """Linux: this process gets SIGTERM when the process that started it dies, however it dies."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _worker_process(config: Any, sock: socket.socket, generation: Any, log_level: str, access_log: bool) -> None:
    """A worker process: the app in forwarding mode, serving the shared socket."""
    import uvicorn

    from onrecord.web.app import create_app

    _end_with_parent()
    db.GENERATION.share(generation)
    app = create_app(config)
    uvicorn.Server(_uvicorn_config(app, log_level=log_level, access_log=access_log)).run(sockets=[sock])


def serve(config: Any, *, host: str, port: int, workers: int = 1, log_level: str = "warning",
          access_log: bool = False, app: Any = None) -> None:
    """Serve ``config``'s app on ``host:port`` in ``workers`` processes (see the module's description) until
    interrupted. ``app``: the first process's app when already made (``create_app(config)``)."""
    import uvicorn

    from onrecord.web.app import create_app

    if workers <= 1:
        uvicorn.run(app or create_app(config), host=host, port=port, log_level=log_level, access_log=access_log,
                    server_header=False, timeout_graceful_shutdown=5)
        return
    spawn = multiprocessing.get_context("spawn")
    generation = spawn.Value("q", 0)
    db.GENERATION.share(generation)
    first = app or create_app(config)  # creates and migrates the store before any worker process opens it
    public = _uvicorn_config(first, log_level=log_level, access_log=access_log, host=host, port=port).bind_socket()
    folder = Path(tempfile.mkdtemp(prefix="onrecord-serve-"))
    private = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    private.bind(str(folder / "first.sock"))
    private.listen(128)
    others = replace(config, primary=str(folder / "first.sock"))
    stopping = threading.Event()

    def start() -> Any:
        process = spawn.Process(target=_worker_process, args=(others, public, generation, log_level, access_log),
                                name="onrecord-serve-worker", daemon=True)
        process.start()
        return process

    processes = [start() for _ in range(workers - 1)]

    def watch() -> None:  # a worker process that dies is replaced
        while not stopping.wait(1.0):
            for i, process in enumerate(processes):
                if not process.is_alive() and not stopping.is_set():
                    log.warning("worker process %s ended (exit code %s); starting another", process.pid,
                                process.exitcode)
                    processes[i] = start()

    watcher = threading.Thread(target=watch, name="onrecord-serve-watch", daemon=True)
    watcher.start()
    # uvicorn stops on SIGTERM, then raises it again with this handler in place: the processes are stopped below
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop) if main else None
    try:
        uvicorn.Server(_uvicorn_config(first, log_level=log_level, access_log=access_log)).run(
            sockets=[public, private])
    except _Stopped:
        pass
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        stopping.set()
        for process in processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + 10
        for process in processes:
            process.join(max(0.1, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        with contextlib.suppress(OSError):
            private.close()
            public.close()
        shutil.rmtree(folder, ignore_errors=True)
