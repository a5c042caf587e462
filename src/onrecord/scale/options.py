"""The knobs of a corpus run (how work is split and run), apart from the extraction settings.

:class:`onrecord.settings.Settings` says how each document is read; :class:`RunOptions` says how a corpus is cut
into shards and where they run. ``onrecord run`` has one flag per field, named like the field
(``shard_size`` -> ``--shard-size``), and a test checks that every field has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlsplit

from onrecord.settings import SettingError, _check_int

#: The most local worker processes (and documents per shard) a run accepts.
MAX_WORKERS = 1024
MAX_SHARD_SIZE = 10_000_000
#: The address schemes of a Dask scheduler (``distributed.comm``); a bare HOST:PORT is TCP.
SCHEDULER_SCHEMES = ("tcp", "tls", "ucx", "ws", "wss", "inproc")


def _knob(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class RunOptions:
    workers: int | None = _knob(
        None, "Worker processes on this machine (default: one per core this process may use). Ignored with "
        "--scheduler."
    )
    scheduler: str | None = _knob(
        None, "Address of a running Dask scheduler (tcp://HOST:PORT): shards run on its workers instead of local "
        "processes. Inputs and OUTDIR must be reachable at the same paths from every worker."
    )
    shard_size: int = _knob(
        1000, "Documents per shard: WARC response records, JSONL lines or files of a directory. A shard is the "
        "unit of output (one Parquet file of articles, one of attributions) and of resuming."
    )
    memory_limit_mb: int = _knob(
        4096, "A local worker whose resident memory exceeds this many MiB after a shard is replaced by a fresh "
        "process (0 = never)."
    )
    english_only: bool = _knob(
        True, "Skip WARC pages whose article text is not English (counted as 'not-english')."
    )

    def __post_init__(self) -> None:
        """Refuse a value a run cannot take (:class:`~onrecord.settings.SettingError`, a ValueError)."""
        if self.workers is not None:
            _check_int("workers", self.workers, 1, MAX_WORKERS)
        _check_int("shard_size", self.shard_size, 1, MAX_SHARD_SIZE)
        _check_int("memory_limit_mb", self.memory_limit_mb, 0, 2**40)
        if self.scheduler is not None:
            problem = scheduler_problem(self.scheduler)
            if problem:
                raise SettingError("scheduler", problem)
        if not isinstance(self.english_only, bool):
            raise SettingError("english_only", f"must be true or false, not {self.english_only!r}")

    def with_(self, **changes: Any) -> RunOptions:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> dict[str, tuple[Any, str]]:
        """Name -> (default, help) for every option."""
        return {f.name: (f.default, f.metadata.get("help", "")) for f in fields(cls)}


def scheduler_problem(address: str) -> str | None:
    """Why ``address`` cannot be a Dask scheduler's (``tcp://HOST:PORT``, or ``HOST:PORT``), or None."""
    shape = "must be a Dask scheduler address such as tcp://10.0.0.5:8786"
    if not isinstance(address, str) or not address.strip() or any(c.isspace() for c in address):
        return f"{shape}, not {address!r}"
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in SCHEDULER_SCHEMES:
        return f"{shape} (schemes: {', '.join(SCHEDULER_SCHEMES)}), not {address!r}"
    if parts.scheme == "inproc":
        return None
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        return f"{shape} (a host and a port), not {address!r}"
    return None


DEFAULT_OPTIONS = RunOptions()
