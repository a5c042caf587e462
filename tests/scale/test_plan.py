"""Shard planning: sizes, offsets, stable names, directories, errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from onrecord.scale.plan import Shard, plan_shards
from onrecord.scale.shard import shard_documents
from onrecord.types import Article
from warcs import Page, article_html, write_warc


def _jsonl(path: Path, n: int, *, gz: bool = False) -> Path:
    data = "".join(json.dumps({"id": f"doc-{i}", "text": f"Text number {i}."}) + "\n" for i in range(n))
    if gz:
        path.write_bytes(gzip.compress(data.encode()))
    else:
        path.write_text(data)
    return path


def _ids(shard: Shard) -> list[str]:
    return [d.id if isinstance(d, Article) else f"error:{d.reason}" for d in shard_documents(shard)]


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_is_cut_by_lines(tmp_path: Path, gz: bool) -> None:
    path = _jsonl(tmp_path / ("a.jsonl.gz" if gz else "a.jsonl"), 10, gz=gz)
    shards, errors = plan_shards([path], shard_size=4)
    assert not errors
    assert [(s.kind, s.start, s.count) for s in shards] == [("jsonl", 0, 4), ("jsonl", 4, 4), ("jsonl", 8, 2)]
    if not gz:
        assert shards[1].offset == len("".join(json.dumps({"id": f"doc-{i}", "text": f"Text number {i}."}) + "\n"
                                               for i in range(4)))
    assert [_ids(s) for s in shards] == [[f"doc-{i}" for i in r] for r in (range(4), range(4, 8), range(8, 10))]


def test_names_are_stable_and_depend_on_the_shard_size(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 10)
    first = [s.name for s in plan_shards([path], shard_size=4)[0]]
    assert first == [s.name for s in plan_shards([str(path)], shard_size=4)[0]]
    assert first[0].startswith("a-") and first[0].endswith("-0000000-0000004")
    other = {s.name for s in plan_shards([path], shard_size=5)[0]}
    assert not other & set(first)
    assert len(plan_shards([path, path], shard_size=4)[0]) == 3  # an input given twice is planned once


def test_directories_group_files_and_plan_jsonl_and_warc_on_their_own(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "2024").mkdir(parents=True)
    for name in ("a.txt", "b.html", "2024/c.txt", "2024/d.txt.gz", "notes.md", ".hidden.txt"):
        data = b"Some text of the file." if not name.endswith(".gz") else gzip.compress(b"Zipped text.")
        (root / name).write_bytes(data)
    _jsonl(root / "feed.jsonl", 3)
    write_warc(root / "crawl.warc.gz", [Page("https://x.example/a", article_html("A", ["One paragraph."]))])
    shards, errors = plan_shards([root], shard_size=3)
    assert not errors
    kinds = sorted((s.kind, s.count) for s in shards)
    assert kinds == [("files", 1), ("files", 3), ("jsonl", 3), ("warc", 1)]
    files = [s for s in shards if s.kind == "files"]
    assert [list(s.files) for s in files] == [["2024/c.txt", "2024/d.txt.gz", "a.txt"], ["b.html"]]
    assert _ids(files[0]) == ["2024/c", "2024/d", "a"]  # the ids `onrecord extract` gives


def test_files_named_on_the_command_line_are_grouped_by_directory(tmp_path: Path) -> None:
    for name in ("x.txt", "y.txt", "z.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    shards, _ = plan_shards([tmp_path / "y.txt", tmp_path / "x.txt", tmp_path / "z.txt"], shard_size=2)
    assert [list(s.files) for s in shards] == [["x.txt", "y.txt"], ["z.txt"]]
    assert _ids(shards[0]) == ["x", "y"]


def test_warc_is_cut_by_response_records(tmp_path: Path) -> None:
    pages = [Page(f"https://x.example/{i}", article_html(f"Title {i}", [f"Paragraph {i}."])) for i in range(5)]
    path = write_warc(tmp_path / "c.warc.gz", pages)
    shards, _ = plan_shards([path], shard_size=2)
    assert [(s.start, s.count) for s in shards] == [(0, 2), (2, 2), (4, 1)]
    assert 0 < shards[0].offset < shards[1].offset < shards[2].offset  # after the first request record
    assert all(s.first_id.startswith("urn:uuid:") for s in shards)
    docs = [list(shard_documents(s)) for s in shards]
    assert [len(d) for d in docs] == [2, 2, 1]  # each record once (too short to be articles: no-article skips)
    assert {d.code for part in docs for d in part} == {"no-article"}


def test_unusable_inputs_are_reported(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b")
    shards, errors = plan_shards([tmp_path / "missing.jsonl", tmp_path / "x.csv"], shard_size=2)
    assert shards == []
    assert [(e.document, e.reason.split(" (")[0]) for e in errors] == [
        (str(tmp_path / "missing.jsonl"), "no such file or directory"),
        (str(tmp_path / "x.csv"), "unsupported file type"),
    ]
    with pytest.raises(ValueError):
        plan_shards([], shard_size=0)


def test_run_options_are_checked() -> None:
    from onrecord.scale.options import RunOptions

    for bad in ({"workers": 0}, {"shard_size": 0}, {"memory_limit_mb": -5},
                {"scheduler": "bogus"}, {"scheduler": "tcp://host"}):
        with pytest.raises(ValueError):
            RunOptions(**bad)
    assert RunOptions().with_(workers=None, shard_size=7) == RunOptions(shard_size=7)


def test_workers_get_single_threaded_numeric_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from onrecord.scale.runner import WORKER_ENVIRONMENT, _worker_environment

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # a value the user set is kept
    with _worker_environment():
        assert os.environ["OMP_NUM_THREADS"] == WORKER_ENVIRONMENT["OMP_NUM_THREADS"] == "1"
        assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    assert "OMP_NUM_THREADS" not in os.environ and os.environ["OPENBLAS_NUM_THREADS"] == "4"


def test_an_unreachable_dask_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from onrecord.errors import OnrecordError
    from onrecord.scale import runner

    monkeypatch.setattr(runner, "DASK_CONNECT_TIMEOUT", 1)
    path = _jsonl(tmp_path / "a.jsonl", 2)
    with pytest.raises(OnrecordError) as info:
        runner.run([path], tmp_path / "out", options=runner.RunOptions(scheduler="tcp://127.0.0.1:9"))
    assert info.value.document == "tcp://127.0.0.1:9" and "cannot reach the Dask scheduler" in info.value.reason
    assert (tmp_path / "out" / "report.json").exists()
