"""Hostile files, all in one directory beside a good article, through ``ingest`` and ``run`` (the commands that
store and that shard), each in a fresh process whose time and memory are measured: every file is reported on one
line naming it and the reason (or read, when it can be), nothing crashes, the good documents are processed, and
the whole directory takes under 30 s of CPU and 1.5 GB of memory. (``extract`` on each file alone:
tests/ingest/test_hostile.py.)

The files are written by fuzz/hostile.py: empty, binary, invalid UTF-8, UTF-16, gzip bombs, a file cut inside its
gzip stream, a 20 MB paragraph, 100k nested tags, an entity bomb, a truncated WARC, JSON nested 100k deep, an
over-long JSONL line, a symlink loop, a directory that contains itself, a FIFO.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fuzz.hostile import Finished, measured, write_hostile_files, write_hostile_warcs
from onrecord.record.store import Store

pytestmark = pytest.mark.model

#: What one command may use for the whole directory of hostile files (the issue's bound for each file).
MAX_CPU_S = 30
MAX_RSS_MIB = 1536


def check_bounded(done: Finished) -> None:
    assert done.code >= 0, f"killed by signal {-done.code} after {done.wall_s:.0f} s\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.cpu_s < MAX_CPU_S, f"{done.cpu_s:.1f} s of CPU\n{done.stderr[-3000:]}"
    assert done.rss_mib < MAX_RSS_MIB, f"{done.rss_mib} MiB\n{done.stderr[-3000:]}"
    for line in done.stderr.splitlines():
        assert line.startswith("onrecord: "), f"not a message of onrecord's: {line!r}"


def lines_naming(stderr: str, path: Path) -> list[str]:
    """The stderr lines that report ``path`` (as ``path: reason``, ``path:LINE: reason`` or ``path#record: …``)."""
    pattern = re.compile(rf"^onrecord: {re.escape(str(path))}(?::\d+|#\S+)?(?: \(id [^)]*\))?: \S")
    return [line for line in stderr.splitlines() if pattern.match(line)]


@pytest.fixture
def hostile_dir(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    directory = tmp_path / "in"
    directory.mkdir()
    return directory, write_hostile_files(directory)


def check_reported(stderr: str, directory: Path, expect: dict[str, str]) -> set[str]:
    """Each refused file on exactly one line with its reason; a file that may be read, on at most one. Returns the
    names of the files that were not reported (so were read)."""
    read = set()
    for name, what in expect.items():
        lines = lines_naming(stderr, directory / name)
        if what == "refused":
            assert len(lines) == 1, (name, lines, stderr[-3000:])
        else:
            assert len(lines) <= 1, (name, lines)
            if not lines:
                read.add(name)
    return read


def test_ingest_reports_every_hostile_file_in_bounded_time_and_memory(
        hostile_dir: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    directory, expect = hostile_dir
    db = tmp_path / "record.db"
    done = measured("ingest", str(directory), "--db", str(db), "--no-progress", cwd=tmp_path)
    check_bounded(done)
    read = check_reported(done.stderr, directory, expect)
    with Store.open(db, read_only=True) as store:
        texts = [store.article(i).text for (i,) in store.rows("SELECT id FROM articles ORDER BY id")]
    assert len(texts) == 1 + len(read), (len(texts), read, done.stderr)
    assert any("Ana Lind" in t for t in texts)


def test_run_reports_every_hostile_file_in_bounded_time_and_memory(
        hostile_dir: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    directory, expect = hostile_dir
    expect = {**expect, **write_hostile_warcs(directory)}
    out = tmp_path / "out"
    done = measured("run", str(directory), "-o", str(out), "--workers", "1", "--no-progress", cwd=tmp_path)
    check_bounded(done)
    assert done.code == 0, done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    left_out = [e["document"] for e in report["input_errors"]] + \
        [f["document"] for r in report["results"] for f in r["failures"]]
    # a run counts the documents with no text (as it counts pages that are not articles) without listing them
    blank = ("empty.txt", "blank.txt", "empty.html")
    assert report["left_out"].get("empty", 0) >= len(blank), report["left_out"]
    problems = []
    for name, what in expect.items():
        if name in blank:
            continue
        path = str(directory / name)
        named = [d for d in left_out if d == path or re.match(rf"{re.escape(path)}(:\d+|#)", d)]
        problems.extend([] if len(named) <= 1 and (named or what == "either") else [(name, named)])
    assert not problems, problems
    assert report["documents"] >= 2  # good.txt and the page of good.warc.gz

