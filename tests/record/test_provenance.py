"""Provenance in the store: claims and flags written with each article, flags across articles, idempotence,
recomputation on reprocess, and the ``provenance`` and ``flags`` commands. Real model, real stores (SQLite, and
PostgreSQL as the other store tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.record import Store, export, open_store
from onrecord.record import provenance as stored
from onrecord.record.commands import ingest_paths, reprocess
from onrecord.record.queries import timeline

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "lake-1", "title": "Plant to close", "outlet": "Lakeview Ledger", "published": "2031-03-01",
     "text": "The Lakeview plant will close, Ana Lind said on Monday. Ivo Tarn, the union leader, said the school "
             "budget was too small."},
    {"id": "lake-2", "title": "Plant saved", "outlet": "Harlow Post", "published": "2031-03-20",
     "text": "Ana Lind said on Friday that the Lakeview plant will not close."},
]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "lakeview.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def _reversals(store: Store) -> list[stored.StoredFlag]:
    return stored.flags(store, kind="reversal")


def _check_reversal(store: Store) -> None:
    (flag,) = _reversals(store)
    assert (flag.kind, flag.rating, flag.speaker) == ("reversal", "full", "Ana Lind")
    assert flag.a and flag.b and flag.a["text"] == "The Lakeview plant will close"
    assert flag.b["text"].endswith("the Lakeview plant will not close")
    assert flag.a["article_id"] != flag.b["article_id"]
    ids = store.rows("SELECT a_attribution_id, b_attribution_id FROM flags WHERE kind = 'reversal'")
    assert ids == [(flag.a["attribution_id"], flag.b["attribution_id"])]


def test_cross_article_reversal_once(store: Store, articles: Path) -> None:
    result = ingest_paths(store, [articles])
    assert (result.stored, result.failed) == (2, 0)
    assert store.one("SELECT count(*) FROM claims")[0] == store.attribution_count()  # type: ignore[index]
    _check_reversal(store)
    assert ingest_paths(store, [articles]).known == 2  # a rerun
    _check_reversal(store)
    assert reprocess(store, every=True).done == 2
    _check_reversal(store)
    assert store.one("SELECT count(*) FROM flags")[0] == len(stored.flags(store))  # type: ignore[index]
    assert [f.id for f in stored.flags(store, speaker="Lind")] == [f.id for f in _reversals(store)]
    entries = timeline(store, "Ana Lind").entries
    assert [e.flags for e in entries] == [("reversal (full)",), ("reversal (full)",)]


def test_extracted_input_gets_provenance(tmp_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["extract", str(articles), "-o", str(out)]) == 0
    db = str(tmp_path / "r.db")
    assert main(["ingest", "--extracted", str(out), "--db", db]) == 0
    capsys.readouterr()
    with open_store(db) as store:
        _check_reversal(store)


@pytest.fixture
def db(tmp_path: Path, articles: Path) -> str:
    path = str(tmp_path / "record.db")
    with open_store(path) as store:
        ingest_paths(store, [articles])
    return path


def test_flags_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flags", "--kind", "reversal", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 flags\n") and "reversal (full)" in out and "Ana Lind" in out
    assert "“The Lakeview plant will close”" in out
    assert main(["flags", "--speaker", "Ivo Tarn", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["flags", "--speaker", "Hal Nobody", "--db", db]) == 1
    assert "no speaker named 'Hal Nobody'" in capsys.readouterr().err


def test_provenance_command_stored(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db) as store:
        (article_id,) = store.one("SELECT id FROM articles WHERE doc_id = 'lake-1'")  # type: ignore[misc]
    assert main(["provenance", str(article_id), "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"#{article_id} Plant to close\nLakeview Ledger · 2031-03-01")
    assert "Ivo Tarn [unknown; indirect]: the school budget was too small" in out
    assert "⚑ reversal (full)" in out and "opposite polarity" in out
    assert "“The Lakeview plant will close”" in out and "the Lakeview plant will not close”" in out
    assert "“Plant saved”, Harlow Post, 2031-03-20" in out
    assert main(["provenance", "lake-2", "--json", "--db", db]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["article"]["title"] == "Plant saved" and len(card["flags"]) == 1
    assert {card["flags"][0]["a"]["speaker"], card["flags"][0]["b"]["speaker"]} == {"Ana Lind"}


def test_provenance_command_bad_target(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["provenance", "999", "--db", db]) == 1
    assert capsys.readouterr().err == (f"onrecord: 999: no such file or folder, and no stored article with this id "
                                       f"or URL in {db}\n")
    assert main(["provenance", "missing/story.txt", "--db", db]) == 1
    assert capsys.readouterr().err == "onrecord: missing/story.txt: no such file or folder\n"
    assert main(["provenance", "12", "--db", str(tmp_path / "none.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("onrecord: 12: no such file or folder, and the store cannot be read") and "Traceback" \
        not in err


def test_provenance_command_path(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["provenance", str(articles), "--json"]) == 0
    cards = json.loads(capsys.readouterr().out)
    assert [c["article"]["doc_id"] for c in cards] == ["lake-1", "lake-2"]
    for c in cards:
        assert [(f["kind"], f["rating"]) for f in c["flags"]] == [("reversal", "full")]


def test_export_carries_flags(db: str, tmp_path: Path) -> None:
    with open_store(db, read_only=True) as store:
        counts = export.export_all(store, "jsonl", tmp_path)
    assert counts["flags"] == 1
    (row,) = [json.loads(line) for line in (tmp_path / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (row["kind"], row["rating"]) == ("reversal", "full") and row["data"]["a"]["speaker"] == "Ana Lind"
