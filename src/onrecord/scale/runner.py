"""Running shards: on local worker processes (the default) or on a Dask cluster, then the run report.

:func:`run` plans the shards, passes over those whose output exists (resume), sends the others to
:func:`onrecord.scale.shard.process_shard` through one of two runners, and writes ``OUTDIR/report.json``.

- Local (:func:`run_local`): ``workers`` processes started with the ``spawn`` method (a fresh interpreter, no
  state inherited from the parent). Each loads the pipeline once and receives shards one at a time over its own
  pipe (a worker killed in the middle of a message breaks only its own pipe), telling the parent of its
  progress after every batch. A worker dies with the run (the kernel kills it when its parent exits, see
  :func:`_die_with`), so a run stopped by any signal leaves no process behind. A worker whose resident memory is over
  ``RunOptions.memory_limit_mb`` after a shard, or in which a document hit the time cap (an interrupted
  parse may leave state behind), exits and is replaced by a fresh process. A worker that dies (killed by the
  kernel for memory, a crash in a compiled library) fails only the shard it had; a replacement takes the rest.
- Dask (:func:`run_dask`): ``client.map(process_shard, shards, ...)`` on ``distributed.Client(scheduler)``;
  the same function, so the same output. Memory is the cluster's business: a Dask worker over its
  ``--memory-limit`` is restarted by its nanny and its task retried (``distributed.scheduler.allowed-failures``);
  a shard that still fails is reported as failed.

Events for progress go to ``on_event(kind, value)``: ``("planned", RunPlan)``, ``("docs", n)`` after a batch
(local runner only), ``("shard", ShardResult)`` for each shard finished.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from onrecord import __version__
from onrecord.errors import InputError, OnrecordError
from onrecord.scale.options import DEFAULT_OPTIONS, RunOptions
from onrecord.scale.output import REPORT, is_complete, write_json
from onrecord.scale.plan import Shard, plan_shards
from onrecord.scale.shard import ShardResult, process_shard, rss_mib
from onrecord.settings import DEFAULT, Settings

Event = Callable[[str, Any], None]


@dataclass(frozen=True, slots=True)
class RunPlan:
    shards: tuple[Shard, ...]
    pending: tuple[Shard, ...]  # shards without complete output
    errors: tuple[InputError, ...]  # inputs that could not be planned
    documents: int  # documents in the pending shards (records, lines, files)


@dataclass
class RunReport:
    """The outcome of a run: written to ``OUTDIR/report.json`` (see :meth:`to_dict`)."""

    outdir: str
    inputs: list[str]
    runner: str
    started: str
    seconds: float = 0.0
    results: list[ShardResult] = field(default_factory=list)
    input_errors: list[InputError] = field(default_factory=list)
    interrupted: bool = False
    settings: dict[str, Any] = field(default_factory=dict)  # the Settings and RunOptions the run used
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return sum(r.documents for r in self.results if r.status != "failed")

    @property
    def failed_shards(self) -> list[ShardResult]:
        return [r for r in self.results if r.status == "failed"]

    def counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for r in self.results:
            for code, n in r.counts.items():
                total[code] = total.get(code, 0) + n
        return dict(sorted(total.items()))

    def to_dict(self) -> dict[str, Any]:
        done = [r for r in self.results if r.status == "done"]
        docs_done = sum(r.documents + r.left_out for r in done)
        return {
            "onrecord": __version__,
            "outdir": self.outdir,
            "inputs": self.inputs,
            "runner": self.runner,
            "settings": self.settings,
            "options": self.options,
            "started": self.started,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "shards": {
                "total": len(self.results),
                "done": len(done),
                "resumed": sum(r.status == "resumed" for r in self.results),
                "failed": len(self.failed_shards),
            },
            "documents": self.documents,
            "attributions": sum(r.attributions for r in self.results if r.status != "failed"),
            "left_out": self.counts(),
            "docs_per_s_this_run": round(docs_done / self.seconds, 2) if self.seconds else None,
            "input_errors": [{"document": e.document, "reason": e.reason} for e in self.input_errors],
            "failed_shards": [{"shard": r.shard, "reason": r.reason, "worker": r.worker} for r in self.failed_shards],
            "results": [r.to_dict() for r in sorted(self.results, key=lambda r: r.shard)],
        }


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def plan(inputs: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str],
         options: RunOptions = DEFAULT_OPTIONS) -> RunPlan:
    shards, errors = plan_shards(inputs, shard_size=options.shard_size)
    pending = tuple(s for s in shards if not is_complete(outdir, s.name))
    return RunPlan(tuple(shards), pending, tuple(errors), sum(s.count for s in pending))


def run(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    settings: Settings = DEFAULT,
    options: RunOptions = DEFAULT_OPTIONS,
    on_event: Event | None = None,
) -> RunReport:
    """Process ``inputs`` into ``outdir`` (created if needed); see the module docstring. Returns the report,
    which is also written to ``OUTDIR/report.json``. Shards already complete are not done again."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    event = on_event or (lambda kind, value: None)
    started = time.perf_counter()
    the_plan = plan(inputs, out, options)
    event("planned", the_plan)
    report = RunReport(outdir=str(out), inputs=[os.fspath(i) for i in inputs],
                       runner=f"dask {options.scheduler}" if options.scheduler else
                       f"local {options.workers or available_cores()} workers",
                       started=datetime.now(UTC).isoformat(timespec="seconds"),
                       input_errors=list(the_plan.errors), settings=dataclasses.asdict(settings),
                       options=dataclasses.asdict(options))
    pending = {s.name for s in the_plan.pending}
    for shard in the_plan.shards:
        if shard.name not in pending:  # complete: its recorded result goes into this report
            report.results.append(process_shard(shard, out, settings, options))

    def collect(result: ShardResult) -> None:
        report.results.append(result)
        event("shard", result)

    try:
        if the_plan.pending:
            if options.scheduler:
                run_dask(the_plan.pending, out, settings=settings, options=options, on_result=collect)
            else:
                run_local(the_plan.pending, out, settings=settings, options=options, on_result=collect,
                          on_docs=lambda n: event("docs", n))
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    finally:
        report.seconds = time.perf_counter() - started
        write_json(out / REPORT, report.to_dict())
    return report


# --- local processes ---------------------------------------------------------------------------------------------


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux ``PR_SET_PDEATHSIG``), so that a run stopped
    by SIGKILL, SIGTERM or a crash leaves no worker behind, even one busy in compiled code; where that is not
    available, :func:`_watch_parent` does it by polling. Exits at once if the parent is already gone."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # it died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), name="onrecord-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


#: ``prctl`` option: the signal a process gets when its parent exits (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent, where the kernel cannot be asked to do it.
PARENT_POLL_S = 1.0


def _worker(conn: Any, outdir: str, settings: Settings, options: RunOptions, parent: int | None = None) -> None:
    """A local worker process: shards from ``conn`` until a None; exits early when it should be recycled, and
    dies with its parent (``parent``, its process id).

    Each worker has its own pipe to the parent, so a worker killed in the middle of a message damages nothing
    that the other workers use.
    """
    if parent is not None:
        _die_with(parent)
    try:
        while True:
            task = conn.recv()
            if task is None:
                return
            result = process_shard(task, outdir, settings, options, progress=lambda n: conn.send(("docs", n)))
            rss = rss_mib()
            recycle = None
            if options.memory_limit_mb and rss is not None and rss > options.memory_limit_mb:
                recycle = f"RSS {rss:.0f} MiB over the limit of {options.memory_limit_mb} MiB"
            elif result.counts.get("timeout"):
                recycle = "a document hit the time cap"
            conn.send(("done", result, recycle))
            if recycle:
                return
    except (KeyboardInterrupt, EOFError, BrokenPipeError):
        return


#: Set in each local worker's environment (unless already set): one thread per worker for numeric libraries.
#: N workers on N cores each running a BLAS pool of N threads would oversubscribe the cores; Dask's nanny sets
#: the same variables for its workers.
WORKER_ENVIRONMENT = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextlib.contextmanager
def _worker_environment() -> Iterator[None]:
    """The parent's environment with :data:`WORKER_ENVIRONMENT` added while a worker is started (the spawned
    process copies it; the parent's own libraries are already loaded and unaffected), then restored."""
    added = {k: v for k, v in WORKER_ENVIRONMENT.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


@dataclass
class _Slot:
    process: Any
    conn: Any
    index: int | None = None  # the shard it has
    leaving: bool = False  # told the parent it exits after its shard


def run_local(
    shards: Sequence[Shard],
    outdir: str | os.PathLike[str],
    *,
    settings: Settings = DEFAULT,
    options: RunOptions = DEFAULT_OPTIONS,
    on_result: Callable[[ShardResult], None] | None = None,
    on_docs: Callable[[int], None] | None = None,
) -> list[ShardResult]:
    """Run ``shards`` on ``options.workers`` local processes (default: one per core); results in input order."""
    if not shards:
        return []
    ctx = multiprocessing.get_context("spawn")
    size = min(options.workers or available_cores(), len(shards))
    todo = deque(range(len(shards)))
    slots: list[_Slot] = []
    results: dict[int, ShardResult] = {}
    failed_starts = 0

    def spawn() -> None:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker, args=(child, os.fspath(outdir), settings, options, os.getpid()),
                              name="onrecord-worker", daemon=True)
        with _worker_environment():
            process.start()
        child.close()
        slot = _Slot(process, parent)
        slots.append(slot)
        give(slot)

    def give(slot: _Slot) -> None:
        if todo and not slot.leaving:
            slot.index = todo.popleft()
            with contextlib.suppress(OSError):  # it died (a broken pipe): noticed below
                slot.conn.send(shards[slot.index])

    def finish(index: int, result: ShardResult) -> None:
        results[index] = result
        if on_result:
            on_result(result)

    def receive(slot: _Slot) -> bool:
        """Handle one message from ``slot``; False when its pipe is closed or broken."""
        nonlocal failed_starts
        try:
            message = slot.conn.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            return False
        if message[0] == "docs":
            if on_docs:
                on_docs(message[1])
        elif message[0] == "done":
            _, result, recycle = message
            failed_starts = 0
            if slot.index is not None:
                finish(slot.index, result)
            slot.index = None
            slot.leaving = recycle is not None
            give(slot)
        return True

    def bury(slot: _Slot) -> None:
        nonlocal failed_starts
        while slot.conn.poll() and receive(slot):  # what it said before it exited
            pass
        slot.process.join()
        slot.conn.close()
        slots.remove(slot)
        if slot.index is not None:
            code = slot.process.exitcode
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            finish(slot.index, ShardResult(shards[slot.index].name, "failed", worker=f"pid {slot.process.pid}",
                                           reason=f"worker process died ({how}); probably out of memory or a "
                                                  "crash in a compiled library"))
        if not slot.leaving:
            failed_starts += 1
            if failed_starts > 3 * size:
                raise RuntimeError(f"worker processes keep dying (last exit status {slot.process.exitcode})")
        if todo and len(slots) < size:
            spawn()

    for _ in range(size):
        spawn()
    try:
        while len(results) < len(shards):
            if not slots:
                spawn()
            by_conn = {slot.conn: slot for slot in slots}
            by_sentinel = {slot.process.sentinel: slot for slot in slots}
            ready = wait(list(by_conn) + list(by_sentinel), timeout=1.0)
            dead: list[_Slot] = []
            for item in ready:
                if item in by_conn:
                    slot = by_conn[item]
                    if not receive(slot) and slot not in dead:
                        dead.append(slot)
                elif by_sentinel[item] not in dead:
                    dead.append(by_sentinel[item])
            for slot in dead:
                bury(slot)
    finally:
        for slot in slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        end = time.monotonic() + 10
        for slot in slots:
            slot.process.join(max(0.1, end - time.monotonic()))
            if slot.process.is_alive():
                slot.process.terminate()
                slot.process.join(5)
    return [results[i] for i in range(len(shards))]


# --- Dask --------------------------------------------------------------------------------------------------------


#: Seconds to wait for the Dask scheduler to answer.
DASK_CONNECT_TIMEOUT = 30


def run_dask(
    shards: Sequence[Shard],
    outdir: str | os.PathLike[str],
    *,
    settings: Settings = DEFAULT,
    options: RunOptions = DEFAULT_OPTIONS,
    on_result: Callable[[ShardResult], None] | None = None,
) -> list[ShardResult]:
    """Run ``shards`` on the Dask cluster at ``options.scheduler`` with ``client.map(process_shard, ...)``."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover -- a dependency
        raise RuntimeError("the Dask runner needs `distributed` (pip install 'dask[distributed]')") from exc
    if not options.scheduler:
        raise ValueError("run_dask needs options.scheduler (tcp://HOST:PORT)")
    results: dict[str, ShardResult] = {}
    try:
        client = Client(options.scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:  # ValueError: an address distributed cannot parse
        raise OnrecordError(f"cannot reach the Dask scheduler: {exc}", document=options.scheduler) from None
    with client:
        futures = client.map(process_shard, list(shards), outdir=os.fspath(outdir), settings=settings,
                             options=options, key=[f"onrecord-shard-{s.name}" for s in shards], pure=False)
        names = {future.key: shard.name for future, shard in zip(futures, shards, strict=True)}
        for future in as_completed(futures):
            name = names[future.key]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 -- a lost worker or a task error fails this shard only
                result = ShardResult(name, "failed", reason=f"Dask task failed: {type(exc).__name__}: {exc}")
            results[name] = result
            if on_result:
                on_result(result)
    return [results[s.name] for s in shards]


__all__ = ["RunPlan", "RunReport", "plan", "run", "run_dask", "run_local"]
