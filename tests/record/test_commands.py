"""The record's commands, in-process through ``main([...])``: output shapes, exit codes and error messages.

Most tests fill a SQLite store by hand (no model); the ``model`` tests ingest with the real pipeline, and one runs
``onrecord ingest`` in a subprocess, kills it with SIGKILL in the middle of the work and runs it again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.record import open_store
from storydata import corpus


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "record.db")
    with open_store(path) as store:
        store.add(corpus())
    return path


def test_search_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["search", "withdraw troops", "--db", db], capsys)
    assert (code, err) == (0, "")
    assert "3 results for 'withdraw troops'" in out and "[withdraw] its [troops]" in out
    code, out, _ = run(["search", "troops", "--speaker", "Valdez", "--json", "--db", db], capsys)
    hits = json.loads(out)
    assert code == 0 and {h["speaker"] for h in hits} == {"Oren Valdez"} and len(hits) == 2
    code, out, _ = run(["search", "troops", "--outlet", "Coastline Courier", "--csv", "--db", db], capsys)
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (code, row["speaker"], row["published"]) == (0, "Defence Ministry", "2030-05-01")


def test_speaker_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["speaker", "Defence Minister Oren Valdez", "--db", db], capsys)
    assert (code, err) == (0, "")
    assert "Oren Valdez (person): 4 statements" in out
    for expected in ("2030-03-02", "Tarnwick Evening Star", "letter", "withdrawing troops was a question of cost"):
        assert expected in out
    code, out, _ = run(["speaker", "Valdez", "--csv", "--until", "2030-03", "--db", db], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["medium"] for r in rows] == ["unknown", "statement", "letter"]
    code, out, err = run(["speaker", "Hal Nobody", "--db", db], capsys)
    assert (code, out) == (1, "")
    assert err == f"onrecord: {db}: no speaker named 'Hal Nobody' in the store\n"
    code, _, err = run(["speaker", "Brennan", "--db", db], capsys)
    assert code == 1 and "'Brennan' is ambiguous" in err and "Alma Brennan" in err


def test_stats_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["stats", "--db", db], capsys)
    assert code == 0
    assert "6 articles, 11 statements" in out and "Anonymous sources, by outlet" in out and "50.0%" in out
    code, out, _ = run(["stats", "--json", "--db", db], capsys)
    assert json.loads(out)["attributions"] == 11
    code, out, _ = run(["stats", "--csv", "--anonymous", "--db", db], capsys)
    rows = {r["outlet"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["Tarnwick Evening Star"]["share"] == "0.5"


def test_speakers_command_merge_and_split(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["speakers", "--json", "--db", db], capsys)
    names = [s["name"] for s in json.loads(out)]
    assert code == 0 and names[0] == "Oren Valdez" and "Defence Ministry" in names
    code, out, _ = run(["speakers", "merge", "Alma Brennan", "Colm Brennan", "--db", db], capsys)
    assert code == 0 and out.startswith("merged 'Colm Brennan' into #")
    code, out, _ = run(["speakers", "list", "Brennan", "--csv", "--db", db], capsys)
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["statements"] == "4"
    code, out, _ = run(["speakers", "split", "Alma Brennan", "Colm Brennan", "--db", db], capsys)
    assert code == 0 and "as #" in out
    code, out, _ = run(["speakers", "relink", "--db", db], capsys)
    assert code == 0 and out.startswith("relinked: ")
    code, out, _ = run(["speakers", "list", "Brennan", "--json", "--db", db], capsys)
    # the split undid the merge, and relinking kept it undone: two Brennans, two statements each
    assert sorted((s["name"], s["statements"]) for s in json.loads(out)) == [("Alma Brennan", 2),
                                                                              ("Colm Brennan", 2)]
    code, _, err = run(["speakers", "merge", "Alma Brennan", "--db", db], capsys)
    assert (code, err) == (1, "onrecord: merge needs the speaker to keep and at least one other\n")


def test_export_command(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run(["export", "--format", "parquet", "-o", str(out_dir), "--db", db], capsys)
    assert code == 0 and "6 articles, 11 attributions" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["articles.parquet", "attributions.parquet",
                                                         "speakers.parquet"]
    code, out, _ = run(["export", "--format", "jsonl", "--table", "speakers", "--db", db], capsys)
    assert code == 0 and all("aliases" in json.loads(line) for line in out.splitlines())
    code, _, err = run(["export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"), "--table", "articles",
                        "--db", db], capsys)
    assert (code, err) == (1, f"onrecord: {tmp_path}/no: directory does not exist\n")
    code, _, err = run(["export", "--format", "parquet", "--table", "articles", "--db", db], capsys)
    assert code == 1 and "Parquet is binary" in err
    code, out, _ = run(["export", "--label-config"], capsys)
    assert code == 0 and out.startswith("<View>")


def test_label_studio_commands(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tasks_path = tmp_path / "tasks.json"
    code, _, err = run(["export", "--format", "labelstudio", "-o", str(tasks_path), "--db", db], capsys)
    assert code == 0 and "wrote 6 Label Studio tasks" in err
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    code, out, _ = run(["export", "--format", "labelstudio", "--outlet", "harlow ledger", "--limit", "1",
                        "--db", db], capsys)
    (only,) = json.loads(out)
    assert code == 0 and only["data"]["outlet"] == "Harlow Ledger"
    corrected = [{"data": t["data"], "annotations": [{"result": t["predictions"][0]["result"]}]} for t in tasks[:2]]
    corrected += [{"data": t["data"], "annotations": []} for t in tasks[2:]]
    back = tmp_path / "corrected.json"
    back.write_text(json.dumps(corrected), encoding="utf-8")
    code, _, err = run(["import-labels", str(back), "--db", db], capsys)
    assert code == 0
    assert err == "onrecord: imported 4 corrected attributions for 2 articles; 4 tasks without annotations left alone\n"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attributions WHERE human_corrected = 1").fetchone() == (4,)
    back.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(["import-labels", str(back), "--db", db], capsys)
    assert (code, err) == (1, f"onrecord: {back}: task 1: not a task (an object with 'data')\n")


def test_store_errors_at_the_edge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["ingest", "--extracted", "-", "--db", str(tmp_path / "missing" / "x.db")], capsys)
    assert (code, out) == (1, "")
    assert err == (f"onrecord: {tmp_path}/missing/x.db: cannot create the store: directory "
                   f"{tmp_path}/missing does not exist\n")
    code, out, err = run(["stats", "--db", str(tmp_path / "missing" / "x.db")], capsys)
    assert (code, out, err) == (1, "", f"onrecord: {tmp_path}/missing/x.db: no such store\n")
    code, _, err = run(["search", "x", "--db", "mysql://h/db"], capsys)
    assert code == 1 and "unsupported store URL scheme 'mysql'" in err and "Traceback" not in err


def test_db_default_comes_from_the_environment(db: str, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ONRECORD_DB", db)
    code, out, _ = run(["stats", "--json"], capsys)
    assert code == 0 and json.loads(out)["articles"] == 6


def test_ingest_extracted_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps(e.to_dict()) for e in corpus()]
    source = tmp_path / "x.jsonl"
    source.write_text("\n".join(lines[:3]) + "\n{broken\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db], capsys)
    assert code == 0
    assert err.splitlines()[0].startswith(f"onrecord: {source}:4: not an extraction record")
    assert err.splitlines()[-1] == f"onrecord: stored 6 articles (11 attributions) in {db}; 0 already stored, 1 failed"
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db], capsys)
    assert code == 0 and "stored 0 articles (0 attributions)" in err and "6 already stored" in err


def test_ingest_reports_an_article_the_store_refuses_and_keeps_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from onrecord.errors import StoreError
    from onrecord.record import Store

    source = tmp_path / "x.jsonl"
    source.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in corpus()), encoding="utf-8")
    original = Store._insert_attributions

    def refuse_a3(self, linker, article_id, art, *args, **kwargs):
        if art.id == "a3":
            raise StoreError("value too long (simulated)")
        return original(self, linker, article_id, art, *args, **kwargs)

    monkeypatch.setattr(Store, "_insert_attributions", refuse_a3)
    db = str(tmp_path / "r.db")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db, "--batch-size", "4"], capsys)
    assert code == 0
    assert err.splitlines() == [
        "onrecord: a3: not stored: value too long (simulated)",
        f"onrecord: stored 5 articles (9 attributions) in {db}; 0 already stored, 1 failed",
    ]


# --- with the real model -------------------------------------------------------------------------------------------

STORIES = [
    ("Defence Minister Oren Valdez said the garrison would leave the border by spring. "
     "\u201cWe are not leaving our allies behind,\u201d Valdez said."),
    ("Oren Valdez told reporters on Tuesday that the withdrawal would be complete by May."),
    ("\u201cThe tender was rigged,\u201d said Judge Alma Brennan, who ruled the harbour contract void."),
]


@pytest.mark.model
def test_ingest_with_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n, text in enumerate(STORIES):
        (docs / f"s{n}.txt").write_text(text, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "r.db")
    code, _, err = run(["ingest", str(docs), "--db", db], capsys)
    assert code == 0
    assert err.splitlines() == [f"onrecord: {docs}/empty.txt: document is empty (no text to read)",
                                f"onrecord: stored 3 articles ({_count(db)} attributions) in {db}; "
                                "0 already stored, 1 failed"]
    code, _, err = run(["ingest", str(docs), "--db", db], capsys)
    assert code == 0 and "stored 0 articles" in err and "3 already stored" in err
    code, out, _ = run(["speaker", "Oren Valdez", "--json", "--db", db], capsys)
    line = json.loads(out)
    assert code == 0 and line["total"] >= 2 and len({e["article_id"] for e in line["entries"]}) == 2
    with sqlite3.connect(db) as conn:
        versions = conn.execute("SELECT DISTINCT pipeline_version, model FROM attributions").fetchall()
    assert len(versions) == 1 and versions[0][0] and "en_core_web_sm" in versions[0][1]
    # reprocess: nothing is stale at the same version and model; an article from an older version is re-extracted;
    # --all re-extracts every article, with the same result
    code, _, err = run(["reprocess", "--db", db], capsys)
    assert (code, err) == (0, "onrecord: reprocessed 0 articles (0 attributions), 0 failed\n")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET pipeline_version = '0.0.1' WHERE id = 1")
        conn.execute("UPDATE attributions SET pipeline_version = '0.0.1' WHERE article_id = 1")
    code, _, err = run(["reprocess", "--db", db], capsys)
    assert code == 0 and err.startswith("onrecord: reprocessed 1 articles")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attributions WHERE pipeline_version = '0.0.1'").fetchone() == (0,)
    before = _count(db)
    code, _, err = run(["reprocess", "--all", "--db", db], capsys)
    assert code == 0 and err == f"onrecord: reprocessed 3 articles ({before} attributions), 0 failed\n"


def _count(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM attributions").fetchone()[0]


@pytest.mark.model
def test_ingest_killed_mid_batch_completes_on_rerun(tmp_path: Path) -> None:
    """SIGKILL an ingest after its first batches are committed; the rerun stores the rest, each article once."""
    docs = tmp_path / "docs"
    docs.mkdir()
    n_docs = 60
    for n in range(n_docs):
        text = (f"Councillor Mara Ostby{n} said the ferry route {n} would reopen in spring. "
                f"\u201cWe owe this to the island,\u201d said harbour master Tove Lindgren. ") * 6
        (docs / f"doc{n:03}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "r.db"
    script = Path(sys.executable).with_name("onrecord")
    argv = [str(script if script.exists() else "onrecord"), "ingest", str(docs), "--db", str(db), "--batch-size", "4",
            "--no-progress"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stored = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            stored = _articles(db)
            if stored >= 8:  # two batches committed, more in progress
                break
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed_at = _articles(db)
    assert 8 <= killed_at < n_docs and killed_at % 4 == 0  # whole batches only
    rerun = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {n_docs - killed_at} articles" in rerun.stderr and f"{killed_at} already stored" in rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM articles"
                            ).fetchone() == (n_docs, n_docs, n_docs)
        per_article = conn.execute("SELECT count(*) FROM attributions GROUP BY article_id").fetchall()
        assert len(per_article) == n_docs and len(set(per_article)) == 1  # every article complete, none doubled


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_commands_on_either_backend(store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same commands with --db a SQLite path or a postgresql:// URL."""
    source = tmp_path / "x.jsonl"
    source.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in corpus()), encoding="utf-8")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", store_url], capsys)
    assert code == 0 and "stored 6 articles (11 attributions)" in err
    code, out, _ = run(["speaker", "Valdez", "--json", "--db", store_url], capsys)
    assert code == 0 and json.loads(out)["total"] == 4
    code, out, _ = run(["search", "withdraw troops", "--csv", "--db", store_url], capsys)
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 3
    code, out, _ = run(["stats", "--json", "--db", store_url], capsys)
    assert code == 0 and json.loads(out)["attributions"] == 11
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    code, _, err = run(["export", "--format", "csv", "-o", str(out_dir), "--db", store_url], capsys)
    assert code == 0 and "6 articles, 11 attributions" in err
