"""``onrecord run`` (src/onrecord/cli/scale.py, tested here beside the corpora it uses): exit statuses, the
summary on stderr, the report, and the output queried with DuckDB."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.scale import read_output
from onrecord.scale.options import RunOptions

TOP_SPEAKERS = """
    SELECT a.outlet, left(a.published, 7) AS month, t.speaker, count(*) AS statements
    FROM '{out}/attributions/*.parquet' t
    JOIN '{out}/articles/*.parquet' a ON t.doc_id = a.id AND t.shard = a.shard
    WHERE t.speaker IS NOT NULL
    GROUP BY a.outlet, month, t.speaker
    QUALIFY row_number() OVER (PARTITION BY a.outlet, month ORDER BY statements DESC, t.speaker) <= 3
    ORDER BY a.outlet, month, statements DESC, t.speaker
"""


def test_every_run_option_has_a_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    for field in dataclasses.fields(RunOptions):
        assert "--" + field.name.replace("_", "-") in out
        assert field.metadata["help"].split()[0] in out


@pytest.mark.parametrize(("flags", "message"), [
    (["--shard-size", "0"], "onrecord: --shard-size: must be from 1 to 10,000,000, not 0\n"),
    (["--workers", "0"], "onrecord: --workers: must be from 1 to 1,024, not 0\n"),
    (["--scheduler", "bogus"], "onrecord: --scheduler: must be a Dask scheduler address such as "
                               "tcp://10.0.0.5:8786 (a host and a port), not 'bogus'\n"),
    (["--scheduler", "tcp://10.0.0.5"], "onrecord: --scheduler: must be a Dask scheduler address such as "
                                        "tcp://10.0.0.5:8786 (a host and a port), not 'tcp://10.0.0.5'\n"),
    (["--batch-size", "0"], "onrecord: --batch-size: must be from 1 to 10,000, not 0\n"),
    (["--doc-timeout", "inf"], "onrecord: --doc-timeout: must be 0 (no cap) or a number of seconds, not inf\n"),
])
def test_bad_options_are_usage_errors(flags: list[str], message: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """One line naming the flag and exit 2 (``--scheduler bogus`` was a ValueError traceback from distributed)."""
    assert main(["run", str(tmp_path), "-o", str(tmp_path / "out"), *flags]) == 2
    assert capsys.readouterr() == ("", message)
    assert not (tmp_path / "out").exists()


def test_the_time_cap_is_a_setting_of_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """``--doc-timeout`` (Settings.doc_timeout) is the same flag for run, extract and ingest."""
    for command in ("run", "extract", "ingest"):
        assert main([command, "--help"]) == 0
        assert "--doc-timeout" in capsys.readouterr().out


def test_nothing_to_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"onrecord: {tmp_path / 'missing.jsonl'}: no such file or directory" in err
    assert "nothing to process" in err
    assert json.loads((tmp_path / "out" / "report.json").read_text())["shards"]["total"] == 0


@pytest.mark.model
def test_run_then_query_with_duckdb(corpus: Path, crawl: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    code = main(["run", str(corpus), str(crawl), "-o", str(out), "--workers", "1", "--shard-size", "10",
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"onrecord: {corpus}:3: no 'text' field [unreadable]" in err
    assert "2 shards done, 0 already done, 0 failed (2 in all); 7 articles" in err
    assert "left out: 1 not-english, 1 not-html, 1 unreadable" in err
    rows = duckdb.sql(TOP_SPEAKERS.format(out=out)).fetchall()
    assert rows == _top_speakers(out)
    assert ("Harbour Post", "2024-03", "Ines Carvalho", 4) in rows  # two statements, in the JSONL and the WARC
    assert ("Brackwater Courier", "2024-04", "Lena Brandt", 1) in rows
    # the same command again resumes: nothing is done twice
    assert main(["run", str(corpus), str(crawl), "-o", str(out), "--workers", "1", "--shard-size", "10"]) == 0
    assert "0 shards done, 2 already done, 0 failed (2 in all); 7 articles" in capsys.readouterr().err


def _top_speakers(out: Path) -> list[tuple[str, str, str, int]]:
    """TOP_SPEAKERS computed from read_output, in Python."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for extraction in read_output(out):
        art = extraction.article
        for a in extraction.attributions:
            if a.speaker is not None:
                counts[(art.outlet, art.published[:7], a.speaker)] += 1
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (outlet, month, speaker), n in counts.items():
        groups.setdefault((outlet, month), []).append((speaker, n))
    return [(outlet, month, speaker, n) for (outlet, month), speakers in sorted(groups.items())
            for speaker, n in sorted(speakers, key=lambda s: (-s[1], s[0]))[:3]]


@pytest.mark.model
def test_failed_shards_give_status_1_and_are_named(corpus: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles").write_text("a file where the articles folder should be")
    assert main(["run", str(corpus), "-o", str(out), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "onrecord: shard corpus-" in err and "failed: " in err and "cannot write output" in err


@pytest.mark.model
def test_the_progress_bar_draws_and_counts(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(corpus), "-o", str(tmp_path / "out"), "--workers", "1", "--shard-size", "2",
                 "--progress"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "6/6 documents" in err and "shards 3/3, 0 failed, 1 docs left out" in err and "docs/s" in err


@pytest.mark.model
def test_run_output_loads_into_the_store(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from onrecord.record import open_store

    out, db = tmp_path / "out", tmp_path / "record.db"
    assert main(["run", str(corpus), "-o", str(out), "--workers", "1", "--no-progress"]) == 0
    extracted = list(read_output(out))
    capsys.readouterr()
    assert main(["ingest", str(out), "--db", str(db)]) == 0, capsys.readouterr().err
    assert main(["ingest", str(out), "--db", str(db)]) == 0  # again: nothing is stored twice
    capsys.readouterr()
    store = open_store(str(db))
    try:
        assert store.article_count() == len(extracted) == 5
        assert store.attribution_count() == sum(len(e.attributions) for e in extracted) > 0
    finally:
        store.close()


def test_ingest_names_a_run_output_with_a_missing_shard_file(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    (out / "shards").mkdir(parents=True)
    (out / "shards" / "s0.json").write_text("{}", encoding="utf-8")
    assert main(["ingest", str(out), "--db", str(tmp_path / "record.db")]) == 1
    err = capsys.readouterr().err
    assert "s0" in err
