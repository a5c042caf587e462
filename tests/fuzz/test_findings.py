"""The defects the fuzz suite found, each as the smallest input that showed it (the library cases run through the
whole path of test_pipeline.py with nothing set aside). A case whose finding is still open is a strict xfail:
``marks=xfail_if_open(n)`` or ``@if_open(n)`` from findings.py, and an entry in its ``OPEN``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fuzz.checks import cli, run_pipeline
from fuzz.hostile import BOMB_BYTES, gzip_bomb, measured
from onrecord.types import Article

CASES = [
    # 1 (fixed in e9ecc59): a quotation with no cue after a sentence about a person had medium None, and the
    # store refused its whole batch
    pytest.param([Article(text="Ana Lind touted her record. \u201cWe fixed the roads.\u201d", id="t3")],
                 id="finding-1-no-medium"),
    # 2 (fixed in 595ad28): a carriage return without a line feed in a field was left unquoted by the CSV export,
    # and the row was cut in two when read back
    pytest.param([Article(text="Ana Lind said the bridge is safe.\rThe council agreed.", id="cr")],
                 id="finding-2-csv-carriage-return"),
    pytest.param([Article(text="Ana Lind said the bridge is safe.", id="cr-meta", title="Bridge\rworks")],
                 id="finding-2-csv-carriage-return-in-title"),
    # 9 (fixed in a824045): U+0000 inside a relay's outlet was stored as it was (in the via JSON), the article's
    # text with U+FFFD there
    pytest.param([Article(text="\u201cThe bridge is safe,\u201d Ana Lind told the Harbour Post, according to "
                               "Radio\x00Brackwater.", id="nul-relay")],
                 id="finding-9-nul-in-relay"),
]


@pytest.mark.model
@pytest.mark.parametrize("batch", CASES)
def test_finding(nlp: object, batch: list[Article]) -> None:
    run_pipeline(batch, set_aside_open=False)


PG_CASES = [
    # 3 (fixed in e9ecc59): U+0000 in the text or a field was refused by PostgreSQL, and its whole batch with it
    pytest.param([Article(text="\u201cThe bridge is safe,\u201d Ana Lind said. \x00", id="nul")],
                 id="finding-3-postgresql-nul"),
    pytest.param([Article(text="Ana Lind said the bridge is safe.", id="nul-meta", author="Ana\x00Lind")],
                 id="finding-3-postgresql-nul-in-author"),
]


@pytest.mark.model
@pytest.mark.postgres
@pytest.mark.parametrize("batch", PG_CASES)
def test_finding_on_postgresql(nlp: object, pg_server: object, batch: list[Article]) -> None:
    url = pg_server.database("onrecord_fuzz_case")  # type: ignore[attr-defined]
    run_pipeline(batch, store_url=url, set_aside_open=False)


@pytest.mark.model
def test_finding_4_run_reports_an_empty_jsonl_file(nlp: object, tmp_path: Path) -> None:
    """4 (fixed in 8607712): a corpus run names an input with no document in it, as extract and ingest do."""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n  \n")
    (tmp_path / "good.jsonl").write_text('{"id": "g", "text": "Ana Lind said the bridge is safe."}\n')
    out = tmp_path / "out"
    code, _, err = cli("run", str(tmp_path), "-o", str(out), "--workers", "1", "--no-progress")
    assert code == 0, err
    report = json.loads((out / "report.json").read_text())
    named = [e["document"] for e in report["input_errors"]] + \
        [f["document"] for r in report["results"] for f in r["failures"]]
    assert str(tmp_path / "empty.jsonl") in named and str(tmp_path / "blank.jsonl") in named, (named, err)


def test_finding_5_ingest_extracted_reports_a_record_nested_too_deep(tmp_path: Path) -> None:
    """5 (fixed in 595ad28): a record nested 100k deep is one bad record (file:line), and the records after it are
    stored."""
    good = {"id": "g", "text": "Ana Lind said the bridge is safe.", "attributions": []}
    deep = '{"id": "d", "text": "Ana Lind said so.", "attributions": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "x.jsonl"
    path.write_text(deep + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    _code, _, err = cli("ingest", "--extracted", str(path), "--db", str(tmp_path / "r.db"), "--no-progress")
    assert f"onrecord: {path}:1: " in err, err
    assert "stored 1 articles" in err, err


def test_finding_6_ingest_extracted_bounds_its_lines(tmp_path: Path) -> None:
    """6 (fixed in 595ad28): ``ingest --extracted`` reads a JSONL line only up to a bound, as the other readers do:
    one line of 256 MB (a .gz of 250 KB) is refused without holding it in memory (an ingest with no model needs
    ~100 MB)."""
    gzip_bomb(tmp_path / "x.jsonl.gz", b"0")
    done = measured("ingest", "--extracted", str(tmp_path / "x.jsonl.gz"), "--db", str(tmp_path / "r.db"),
                    "--no-progress", cwd=tmp_path)
    assert f"onrecord: {tmp_path / 'x.jsonl.gz'}" in done.stderr, done.stderr
    assert done.rss_mib < 100 + BOMB_BYTES // 2**20 // 2, (done.rss_mib, done.stderr)


@pytest.mark.parametrize("field", ["id", "title", "text"])
def test_finding_8_ingest_extracted_replaces_lone_surrogates(tmp_path: Path, field: str) -> None:
    """8 (fixed in 0eec491): ``ingest --extracted`` makes a lone surrogate U+FFFD, one character for one, as the
    JSONL reader does, and stores the record."""
    record = {"id": "s", "title": "Roads", "text": "Ana Lind said the bridge is safe.", "attributions": [
        {"content": [14, 32], "source": [0, 8], "cue": [9, 13], "speaker": "Ana Lind", "type": "indirect"}]}
    record[field] = "\ud800" + record[field][1:]
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")  # ASCII: the surrogate as \ud800
    code, _, err = cli("ingest", "--extracted", str(path), "--db", str(tmp_path / "r.db"), "--no-progress")
    assert code == 0 and "stored 1 articles (1 attributions)" in err, err
