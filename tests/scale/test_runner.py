"""Whole runs on local worker processes and on a Dask LocalCluster: same output, resume, failures, recycling.

These start real processes that each load the spaCy model, so they are few and small.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from onrecord.scale import RunOptions, read_output, run
from onrecord.settings import Settings

pytestmark = pytest.mark.model

SETTINGS = Settings(batch_size=2)


def _tables(out: Path) -> dict[str, list[dict]]:
    """Every Parquet file of an output, as rows, by relative path (the bytes of the data, not of the file)."""
    return {str(p.relative_to(out)): pq.read_table(p).to_pylist() for p in sorted(out.rglob("*.parquet"))}


def test_two_workers_give_the_output_of_one(corpus: Path, tmp_path: Path, expected: list) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    report1 = run([corpus], one, settings=SETTINGS, options=RunOptions(workers=1, shard_size=2))
    report2 = run([corpus], two, settings=SETTINGS, options=RunOptions(workers=2, shard_size=2))
    assert len(report1.results) == len(report2.results) == 3
    assert {r.status for r in report2.results} == {"done"}
    assert len({r.worker for r in report2.results}) == 2  # both workers took shards
    assert _tables(one) == _tables(two)
    assert list(read_output(two)) == list(read_output(one)) == expected
    data = json.loads((two / "report.json").read_text())
    assert data["documents"] == 5 and data["left_out"] == {"unreadable": 1}
    assert data["shards"] == {"total": 3, "done": 3, "resumed": 0, "failed": 0}
    assert data["options"]["workers"] == 2 and data["settings"]["batch_size"] == 2


def test_dask_local_cluster_gives_the_output_of_local_processes(corpus: Path, crawl: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run([corpus, crawl], local, settings=SETTINGS, options=RunOptions(workers=2, shard_size=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = run([corpus, crawl], dask, settings=SETTINGS,
                     options=RunOptions(shard_size=2, scheduler=cluster.scheduler_address))
    assert report.runner.startswith("dask tcp://")
    assert {r.status for r in report.results} == {"done"} and len(report.results) == 5
    assert _tables(local) == _tables(dask)
    assert list(read_output(local)) == list(read_output(dask))
    left_out = json.loads((dask / "report.json").read_text())["left_out"]
    assert left_out == {"not-english": 1, "not-html": 1, "unreadable": 1}


def test_a_killed_worker_fails_its_shard_only_and_the_next_run_completes(corpus: Path, tmp_path: Path,
                                                                         expected: list) -> None:
    out = tmp_path / "out"
    killed: list[int] = []

    def on_event(kind: str, value: object) -> None:
        if kind == "docs" and not killed:  # the worker is in the middle of its first shard: kill it
            import psutil

            (child,) = [c for c in psutil.Process().children() if c.name() != "resource_tracker"
                        and "resource_tracker" not in " ".join(c.cmdline())]
            os.kill(child.pid, signal.SIGKILL)
            killed.append(child.pid)

    first = run([corpus], out, settings=Settings(batch_size=1), options=RunOptions(workers=1, shard_size=5),
                on_event=on_event)
    statuses = sorted((r.status, r.reason or "") for r in first.results)
    assert [s for s, _ in statuses] == ["done", "failed"]
    assert "worker process died (killed by signal 9)" in statuses[1][1]
    again = run([corpus], out, settings=SETTINGS, options=RunOptions(workers=1, shard_size=5))
    assert sorted(r.status for r in again.results) == ["done", "resumed"]
    assert sorted(e.article.id for e in read_output(out)) == sorted(e.article.id for e in expected)


def test_workers_over_the_memory_limit_are_replaced(corpus: Path, tmp_path: Path, expected: list) -> None:
    report = run([corpus], tmp_path, settings=SETTINGS, options=RunOptions(workers=1, shard_size=2,
                                                                           memory_limit_mb=1))
    assert {r.status for r in report.results} == {"done"}
    assert len({r.worker for r in report.results}) == 3  # a fresh process for each shard
    assert list(read_output(tmp_path)) == expected


@pytest.mark.corpus
def test_the_saved_news_pages_run_on_two_workers(shared_dir: Path, tmp_path: Path) -> None:
    """The real pages in ../shared/data/html (read at run time, never copied): every page gives an article."""
    pages = sorted((shared_dir / "data" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("no saved HTML pages in the shared data")
    report = run(pages, tmp_path, options=RunOptions(workers=2, shard_size=20))
    assert {r.status for r in report.results} == {"done"}
    extractions = list(read_output(tmp_path))
    assert sorted(e.article.id for e in extractions) == sorted(p.name.removesuffix(".html.gz") for p in pages)
    assert sum(len(e.attributions) for e in extractions) > len(pages)  # news pages quote people
    assert all(e.article.text.strip() for e in extractions)


_STOPPED_RUN = """
import sys
from onrecord.scale import RunOptions, run
from onrecord.settings import Settings
run([sys.argv[1]], sys.argv[2], settings=Settings(doc_timeout=0), options=RunOptions(workers=1))
"""


def test_a_killed_run_leaves_no_worker_behind(tmp_path: Path) -> None:
    """The run is killed (SIGKILL: no clean-up) while its worker is busy on a long document with no time cap: the
    worker dies with it instead of running on alone (it spun at 100% CPU after ``run`` was killed)."""
    import subprocess
    import sys
    import time

    import psutil

    busy = tmp_path / "busy.jsonl"
    busy.write_text(json.dumps({"id": "busy", "text": 'He said "' * 80_000}) + "\n", encoding="utf-8")  # minutes
    parent = subprocess.Popen([sys.executable, "-c", _STOPPED_RUN, str(busy), str(tmp_path / "out")])
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        while not workers and time.monotonic() < deadline:
            time.sleep(0.5)
            workers = [c for c in psutil.Process(parent.pid).children()
                       if "resource_tracker" not in " ".join(c.cmdline())]
        assert workers, "the run started no worker"
        time.sleep(15)  # the worker loads the model and starts on the document
        assert parent.poll() is None, "the run ended before it could be stopped"
        assert workers[0].cpu_percent(interval=2.0) > 10, "the worker is not busy"  # (idle: ~0; shared cores)
        parent.kill()
        parent.wait()
        _, alive = psutil.wait_procs(workers, timeout=20)
        assert not alive, f"workers left running after the run was killed: {alive}"
    finally:
        parent.kill()
        for worker in workers:
            with contextlib.suppress(psutil.NoSuchProcess):
                worker.kill()
