"""The knobs of a corpus run (how work is split and run), apart from the extraction settings.

:class:`onrecord.settings.Settings` says how each document is read; :class:`RunOptions` says how a corpus is cut
into shards and where they run. ``onrecord run`` has one flag per field, named like the field
(``shard_size`` -> ``--shard-size``), and a test checks that every field has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any


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
    doc_timeout: float = _knob(
        60.0, "Seconds one document may take to be read and extracted; a document over it is recorded as a "
        "'timeout' failure and left out (0 = no cap)."
    )
    memory_limit_mb: int = _knob(
        4096, "A local worker whose resident memory exceeds this many MiB after a shard is replaced by a fresh "
        "process (0 = never)."
    )
    english_only: bool = _knob(
        True, "Skip WARC pages whose article text is not English (counted as 'not-english')."
    )

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.shard_size < 1:
            raise ValueError(f"shard_size must be at least 1, not {self.shard_size}")
        if self.doc_timeout < 0:
            raise ValueError(f"doc_timeout must be 0 (no cap) or positive, not {self.doc_timeout}")
        if self.memory_limit_mb < 0:
            raise ValueError(f"memory_limit_mb must be 0 (no limit) or positive, not {self.memory_limit_mb}")

    def with_(self, **changes: Any) -> RunOptions:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> dict[str, tuple[Any, str]]:
        """Name -> (default, help) for every option."""
        return {f.name: (f.default, f.metadata.get("help", "")) for f in fields(cls)}


DEFAULT_OPTIONS = RunOptions()
