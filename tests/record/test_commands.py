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
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "articles.parquet", "attributions.parquet", "flags.parquet", "quote_families.parquet",
        "quote_members.parquet", "speaker_genders.parquet", "speakers.parquet"]
    code, out, _ = run(["export", "--format", "jsonl", "--table", "speakers", "--db", db], capsys)
    assert code == 0 and all("aliases" in json.loads(line) and "gender" in json.loads(line)
                             for line in out.splitlines())
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
    assert err.splitlines()[-1] == (f"onrecord: stored 6 articles (11 attributions) in {db}; 0 already stored, "
                                    "1 failed; 0 quote families")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db], capsys)
    assert code == 0 and "stored 0 articles (0 attributions)" in err and "6 already stored" in err


def test_ingest_paths_is_the_library_call_behind_ingest(tmp_path: Path) -> None:
    """The command only prints what :func:`onrecord.record.commands.ingest_paths` returns and reports."""
    from onrecord.record.commands import ingest_paths

    lines = [json.dumps(e.to_dict()) for e in corpus()]
    source = tmp_path / "x.jsonl"
    source.write_text("\n".join(lines[:3]) + "\n{broken\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    errors: list[Any] = []
    with open_store(tmp_path / "r.db") as store:
        first = ingest_paths(store, [source], extracted=True, on_error=errors.append)
        again = ingest_paths(store, [source], extracted=True)
    assert (first.stored, first.attributions, first.known, first.failed, first.lost, first.ok) == (6, 11, 0, 1, 0, True)
    assert [e.document for e in errors] == [f"{source}:4"]
    assert (again.stored, again.known, again.failed) == (0, 6, 1)


@pytest.mark.model
def test_reprocess_learns_the_model_id_from_the_api() -> None:
    """``reprocess`` asks :func:`onrecord.api.extractor_id` for what it would record, instead of extracting a
    sentence to read it off."""
    import onrecord
    from onrecord.api import extractor_id

    extraction = onrecord.extract("Ana Lind said the bridge is safe.")
    assert extractor_id() == (extraction.pipeline_version, extraction.model)


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
    assert code == 1  # the exit status tells the truth: an article was not stored (issue 12)
    assert err.splitlines() == [
        "onrecord: a3: not stored: value too long (simulated)",
        f"onrecord: stored 5 articles (9 attributions) in {db}; 0 already stored, 1 failed; 0 quote families",
    ]
    # alone in its batch, the article is named too (before: the ingest stopped, naming only the store)
    db = str(tmp_path / "one.db")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db, "--batch-size", "1"], capsys)
    assert code == 1
    assert err.splitlines() == [
        "onrecord: a3: not stored: value too long (simulated)",
        f"onrecord: stored 5 articles (9 attributions) in {db}; 0 already stored, 1 failed; 0 quote families",
    ]


def test_ingest_extracted_refuses_malformed_records_one_by_one(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Each malformed record is named by file:line with the reason; the rest of the file is stored (issue 12, item
    5: before, some raised a traceback and stopped the ingest, others were stored as given)."""
    text = "Ana Lind touted her record. \u201cWe fixed the roads.\u201d"
    good = {"content": [28, 49], "speaker": "Ana Lind", "speaker_kind": "person", "type": "direct",
            "medium": "unknown", "confidence": 0.6}
    bad = [
        ({"content": None}, "attribution 0: an attribution's content must be a span, not None"),
        ({"via": [{"span": None, "name": "Ivo Tarn"}]}, "attribution 0: a relay's span must be a span, not None"),
        ({"speaker": ["Ana Lind"]},
         "attribution 0: attribution speaker must be a string or null, not list ['Ana Lind']"),
        ({"content": [28, 4900]}, "attribution 0: span [28, 4900) lies past the end of the text (53 characters)"),
        ({"type": "bogus"}, "attribution 0: type 'bogus' is not one of direct, indirect, mixed, unknown"),
        ({"confidence": "1e400"}, "attribution 0: confidence must be a number from 0 to 1, not inf"),
    ]
    lines = []
    for n, (change, _) in enumerate(bad):
        record = {"id": f"bad{n}", "text": f"{text} ({n})", "attributions": [{**good, **change}]}
        lines.append(json.dumps(record).replace('"1e400"', "1e400"))
    lines.append(json.dumps({"id": "ok", "text": text, "attributions": [good]}))
    source = tmp_path / "x.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, _, err = run(["ingest", "--extracted", str(source), "--db", db], capsys)
    assert "Traceback" not in err
    assert err.splitlines() == [
        *(f"onrecord: {source}:{n}: not an extraction record: {message}" for n, (_, message) in enumerate(bad, 1)),
        f"onrecord: stored 1 articles (1 attributions) in {db}; 0 already stored, 6 failed; 0 quote families",
    ]
    assert code == 0  # as with `extract`: unreadable input is reported; exit 1 only when nothing could be used
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT doc_id, medium, confidence FROM articles JOIN attributions a"
                            " ON a.article_id = articles.id").fetchall() == [("ok", "unknown", 0.6)]


def test_a_full_disk_stops_ingest_with_one_message_and_a_rerun_finishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A full disk is a fault of the store, not one failure per article: one message, the batches committed before
    it kept, exit 1; the same command run again stores the rest (issue 12: store faults are run faults)."""
    from onrecord.record import store as store_module

    records = [e.to_dict() for e in corpus()]
    records += [{"id": f"long{n}", "text": f"Ana Lind said the road {n} was fixed. " + "The road was long. " * 300,
                 "attributions": []} for n in range(8)]
    source = tmp_path / "x.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "r.db"
    open_store(db).close()
    connect = store_module._connect_sqlite

    def small_disk(*args, **kwargs):  # the disk fills up after a few more pages
        conn = connect(*args, **kwargs)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")
        return conn

    monkeypatch.setattr(store_module, "_connect_sqlite", small_disk)
    code, _, err = run(["ingest", "--extracted", str(source), "--db", str(db), "--batch-size", "2"], capsys)
    (line,) = err.splitlines()
    assert code == 1
    assert line.startswith(f"onrecord: {db}: database or disk is full; stopped, after storing ")
    assert line.endswith("run the same command again to store the rest")
    with sqlite3.connect(db) as conn:
        (kept,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    assert 0 < kept < len(records) and kept % 2 == 0 and f"after storing {kept} articles" in line
    monkeypatch.undo()
    code, _, err = run(["ingest", "--extracted", str(source), "--db", str(db), "--batch-size", "2"], capsys)
    (summary,) = err.splitlines()
    assert code == 0 and summary.startswith(f"onrecord: stored {len(records) - kept} articles (")
    assert summary.endswith(f"in {db}; {kept} already stored, 0 failed; 0 quote families")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attributions").fetchone() == (11,)


def test_reprocess_all_goes_past_an_article_the_store_refuses(
        db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`reprocess --all` failed on every rerun because one article was refused; now that article keeps what it had,
    is named, and the others are reprocessed (exit 1: not everything was done)."""
    import onrecord.api
    from onrecord.errors import StoreError
    from onrecord.record import Store
    from onrecord.types import Extraction

    stored = {e.article.text: e for e in corpus()}

    def extract_many(articles, **kwargs):  # the same attributions, as a new pipeline version
        for article in articles:
            yield Extraction(article=article, attributions=stored[article.text].attributions,
                             pipeline_version="9.9.9", model="en_test-2.0")

    original = Store._insert_attributions

    def refuse_a3(self, linker, article_id, art, *args, **kwargs):
        if art.id == "a3":
            raise StoreError("value too long (simulated)")
        return original(self, linker, article_id, art, *args, **kwargs)

    monkeypatch.setattr(onrecord.api, "extract_many", extract_many)
    monkeypatch.setattr(Store, "_insert_attributions", refuse_a3)
    for _ in range(2):
        code, _, err = run(["reprocess", "--all", "--db", db, "--no-progress", "--batch-size", "4"], capsys)
        assert code == 1
        assert err.splitlines() == ["onrecord: a3: not reprocessed: value too long (simulated)",
                                    "onrecord: reprocessed 5 articles (9 attributions), 1 failed; 0 quote families"]
    with sqlite3.connect(db) as conn:
        versions = dict(conn.execute("SELECT doc_id, pipeline_version FROM articles").fetchall())
        assert conn.execute("SELECT count(*) FROM attributions").fetchone() == (11,)
    assert versions.pop("a3") == "0.1.0" and set(versions.values()) == {"9.9.9"}


def test_search_query_words_may_start_with_a_dash(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["search", "troops", "-garrison", "--csv", "--db", db], capsys)
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and not any("garrison" in r["content"] for r in rows)
    assert run(["search", "--csv", "--db", db, "--", "troops", "-garrison"], capsys)[1] == out
    assert run(["search", "troops -garrison", "--csv", "--db", db], capsys)[1] == out
    code, out, err = run(["search", "-withdraw", "--db", db], capsys)
    assert (code, out) == (1, "") and err == ("onrecord: nothing to search for in '-withdraw' "
                                              "(give at least one word)\n")


def test_search_query_length_is_bounded(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    query = " ".join(f"word{n}" for n in range(20_000))
    code, out, err = run(["search", query, "--db", db], capsys)
    assert (code, out) == (1, "")
    assert err == f"onrecord: the search query is {len(query):,} characters long; at most 1,000 are searched for " \
                  "(shorten it)\n"
    code, out, err = run(["search", " ".join(["troops"] * 40), "--db", db], capsys)
    assert (code, out) == (1, "")
    assert err == "onrecord: the search query has 40 words; at most 32 are searched for (shorten it)\n"
    assert time.monotonic() - started < 5
    code, out, _ = run(["search", " OR ".join(["troops"] * 16), "--csv", "--db", db], capsys)  # 31 words
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 3


@pytest.mark.parametrize(("argv", "message"), [
    (["search", "troops", "--limit", "99999999999999999999"],
     "argument --limit: 99999999999999999999 is not from 0 to 1,000,000"),
    (["speaker", "Valdez", "--limit", "-1"], "argument --limit: -1 is not from 0 to 1,000,000"),
    (["speakers", "--limit", "ten"], "argument --limit: not a whole number: 'ten'"),
    (["stats", "--top", "1e9"], "argument --top: not a whole number: '1e9'"),
])
def test_counts_out_of_range_are_usage_errors(argv: list[str], message: str, db: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*argv, "--db", db], capsys)
    assert (code, out) == (2, "") and message in err and "Traceback" not in err


def test_a_speaker_id_too_large_for_the_store_is_not_found(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["speaker", "#99999999999999999999999", "--db", db], capsys)
    assert (code, out, err) == (1, "", f"onrecord: {db}: no speaker with id 99999999999999999999999\n")


def _cli(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own (for limits the test process must not take on)."""
    code = "import sys; from onrecord.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120, **kwargs)


def _small_file_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # writes past `limit` bytes fail with EFBIG, as a full disk fails them with ENOSPC
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "labelstudio"])
def test_an_export_that_cannot_be_written_leaves_no_partial_file(fmt: str, db: str, tmp_path: Path) -> None:
    """Writes fail part way (a file size limit standing in for a full disk): no truncated file under the final name,
    no temporary file, the files exported before untouched, one clear line (issue 12, item 7)."""
    out = tmp_path / "out"
    out.mkdir()
    before = {"articles." + ("json" if fmt == "labelstudio" else fmt): "an earlier export\n"}
    for name, content in before.items():
        (out / name).write_text(content, encoding="utf-8")
    target = out / "articles.json" if fmt == "labelstudio" else out
    done = _cli(["export", "--format", fmt, "-o", str(target), "--db", db], preexec_fn=_small_file_limit(1200))
    assert done.returncode == 1 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"onrecord: {out}") and ": cannot write: " in line and line.endswith("File too large")
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == before


def test_an_export_to_a_full_stdout_is_one_clear_line(db: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-c", "import sys; from onrecord.cli import main; "
                               "sys.exit(main(sys.argv[1:]))", "export", "--table", "articles", "--db", db],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "onrecord: <stdout>: cannot write: No space left on device\n"


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
                                "0 already stored, 1 failed; 0 quote families"]
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
    assert code == 0 and err == (f"onrecord: reprocessed 3 articles ({before} attributions), 0 failed; "
                           "0 quote families\n")


@pytest.mark.model
def test_a_quotation_after_a_sentence_about_a_person_is_stored(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12, item 1: the extractor gave this quotation no medium, the store refused it and the article was lost
    (exit 0); alone in its batch, the ingest stopped naming only the store."""
    source = tmp_path / "t.jsonl"
    source.write_text(json.dumps({"id": "t3", "text": "Ana Lind touted her record. \u201cWe fixed the roads.\u201d"})
                      + "\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, _, err = run(["ingest", str(source), "--db", db, "--batch-size", "1", "--no-progress"], capsys)
    assert (code, err) == (0, f"onrecord: stored 1 articles (1 attributions) in {db}; 0 already stored, "
                           "0 failed; 0 quote families\n")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT content_text, speaker, medium FROM attributions").fetchall() == [
            ("We fixed the roads.", "Ana Lind", "unknown")]


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
