"""Where the shared gold corpora live (``../shared/data`` next to the repository, or ``$ONRECORD_SHARED``).

The corpora are never copied into the repository; tests and benchmarks find them at run time and skip when
they are absent.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the shared folder (either ``shared`` or ``shared/data``).
ENV_VAR = "ONRECORD_SHARED"


def shared_data_dir() -> Path | None:
    """The folder holding ``FORMAT.md`` and the corpora, or None when it cannot be found.

    Looks at ``$ONRECORD_SHARED`` (the ``shared`` folder or its ``data`` folder), then at ``../shared/data``
    relative to the repository root of a source checkout, then relative to the working directory.
    """
    candidates: list[Path] = []
    env = os.environ.get(ENV_VAR)
    if env:
        candidates += [Path(env) / "data", Path(env)]
    repo = Path(__file__).resolve().parents[3]  # src/onrecord/eval/corpora.py -> repository root
    candidates += [repo.parent / "shared" / "data", Path.cwd().parent / "shared" / "data"]
    for cand in candidates:
        if (cand / "FORMAT.md").is_file():
            return cand
    return None


def corpus_file(relative: str) -> Path | None:
    """``shared_data_dir() / relative`` when it exists (e.g. ``"polnear/dev.jsonl.gz"``), else None."""
    root = shared_data_dir()
    if root is None:
        return None
    path = root / relative
    return path if path.is_file() else None


def repo_file(relative: str) -> Path | None:
    """A file of the source checkout (e.g. ``"data/speakers/polnear-train.jsonl"``), or None when it is absent
    (an installed package carries no data/ folder). A folder (``"data/provenance"``) is found too."""
    path = Path(__file__).resolve().parents[3] / relative
    return path if path.is_file() or path.is_dir() else None


__all__ = ["ENV_VAR", "corpus_file", "repo_file", "shared_data_dir"]
