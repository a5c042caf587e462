"""Text that stalls an NLP pipeline, through ``extract`` and ``ingest`` in a fresh process with a short time cap:
each such document is reported (``timeout``) or extracted, never a stall of the command, and the good document
beside it is extracted; the whole command stays within CPU and memory bounds.

The shapes are those that stalled onrecord (issue 12 items 8 and 9): a run of 200,000 ``"`` with no spaces
(quadratic in spaCy's tokenizer), ``He said "`` 40,000 times, and one paragraph of 999,000 characters.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fuzz.hostile import GOOD_TEXT, measured

pytestmark = pytest.mark.model

#: The time cap given to the command (``--doc-timeout``), and what the command may use in all: loading the model,
#: the good document, and each stalling document up to the cap, with room for a slow shared machine.
CAP_S = 3
STALLING = {
    "quote-run": '"' * 200_000,
    "he-said": 'He said "' * 40_000,
    "paragraph": ("Ana Lind said the roads were fixed and the council agreed with her. " * 15_000)[:999_000],
}
MAX_CPU_S = 15 + len(STALLING) * CAP_S * 3
MAX_RSS_MIB = 1536


@pytest.fixture
def stalling_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "in"
    directory.mkdir()
    (directory / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for name, text in STALLING.items():
        (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    return directory


def check(done: object, directory: Path) -> list[str]:
    """The bounds, and at most one line for each stalling document (it was extracted when there is none); returns
    the names reported."""
    assert done.code >= 0, f"killed after {done.wall_s:.0f} s: {done.stderr[-2000:]}"  # type: ignore[attr-defined]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]  # type: ignore[attr-defined]
    assert done.cpu_s < MAX_CPU_S, (done.cpu_s, done.stderr)  # type: ignore[attr-defined]
    assert done.rss_mib < MAX_RSS_MIB, (done.rss_mib, done.stderr)  # type: ignore[attr-defined]
    reported = []
    for name in STALLING:
        # named by its file, or by its id (a file's path in the directory, without the extension)
        lines = [line for line in done.stderr.splitlines()  # type: ignore[attr-defined]
                 if line.startswith((f"onrecord: {directory / name}.txt: ", f"onrecord: {name}: "))]
        assert len(lines) <= 1, lines
        if lines:
            assert "timeout" in lines[0] or "took longer" in lines[0] or "over" in lines[0], lines[0]
            reported.append(name)
    return reported


def test_extract_caps_each_stalling_document(stalling_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = measured("extract", str(stalling_dir), "-o", str(out), "--doc-timeout", str(CAP_S), "--no-progress",
                    cwd=tmp_path)
    reported = check(done, stalling_dir)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert sorted(ids) == sorted(["good", *(n for n in STALLING if n not in reported)]), (ids, done.stderr)


def test_ingest_caps_each_stalling_document(stalling_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "record.db"
    done = measured("ingest", str(stalling_dir), "--db", str(db), "--doc-timeout", str(CAP_S), "--no-progress",
                    cwd=tmp_path)
    reported = check(done, stalling_dir)
    assert f"stored {1 + len(STALLING) - len(reported)} articles" in done.stderr, done.stderr
