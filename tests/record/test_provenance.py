"""Provenance in the store: claims and flags written with each article, flags across articles, idempotence,
recomputation on reprocess, and the ``provenance`` and ``flags`` commands. Real model, real stores (SQLite, and
PostgreSQL as the other store tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.record import Store, export, labelstudio, open_store
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


def test_a_concession_in_a_later_article_is_stored_as_a_reversal(store: Store, tmp_path: Path) -> None:
    rows = [
        {"id": "fund-1", "outlet": "Lakeview Ledger", "published": "2031-05-01",
         "text": "“Not a penny of the members' money was lent to Tarn Homes,” said Ana Lind, who chairs the Kestrel "
                 "fund."},
        {"id": "fund-2", "outlet": "Harlow Post", "published": "2031-11-01",
         "text": "Ana Lind, who chairs the Kestrel fund, said she had been misinformed. “The fund lent 12 million to "
                 "Tarn Homes, and we do not expect to see most of it again,” she said."},
    ]
    path = tmp_path / "fund.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths(store, [path])
    (flag,) = _reversals(store)
    assert (flag.rating, flag.reason, flag.speaker) == ("full", "conceded", "Ana Lind")
    assert flag.data["a"]["article_id"] != flag.data["b"]["article_id"]


def test_a_stored_concession_reverses_the_statement_it_concedes_not_another_on_the_same_thing(
        store: Store, tmp_path: Path) -> None:
    rows = [
        {"id": "depot-1", "outlet": "Lakeview Ledger", "published": "2031-03-01",
         "text": "“Not one bus was withdrawn from the Kestrel depot this winter,” said Ana Lind, the depot's "
                 "director."},
        {"id": "depot-2", "outlet": "Harlow Post", "published": "2031-04-01",
         "text": "“The buses at the Kestrel depot are safe to drive,” Ana Lind said."},
        {"id": "depot-3", "outlet": "Harlow Post", "published": "2031-05-01",
         "text": "“Twelve buses were withdrawn from the Kestrel depot, and I was wrong to say otherwise,” Ana Lind "
                 "said."},
    ]
    path = tmp_path / "depot.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths(store, [path])
    (flag,) = _reversals(store)  # (not the buses' safety, which the concession shares only a noun with)
    assert flag.reason == "conceded" and "Not one bus" in flag.data["a"]["text"]


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


# --- flags computed again: a person's correction, speakers merged, split and relinked ---------------------------------


def _task_of(store: Store, doc_id: str, speaker: str | None = None) -> list[dict]:
    """Label Studio's export of one article after a person accepted its pre-annotations (naming ``speaker``
    as the speaker of every statement when given)."""
    (article_id,) = store.one("SELECT id FROM articles WHERE doc_id = ?", (doc_id,))  # type: ignore[misc]
    (task,) = labelstudio.export_tasks(store, article_ids=[article_id])
    result = [dict(r) for r in task["predictions"][0]["result"]]
    for r in result:
        if speaker and r["type"] == "textarea":
            r["value"] = {**r["value"], "text": [speaker]}
    return [{"id": 1, "data": task["data"], "annotations": [{"id": 1, "result": result, "was_cancelled": False}]}]


def test_correction_recomputes_flags(store: Store, articles: Path, tmp_path: Path) -> None:
    ingest_paths(store, [articles])
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(_task_of(store, "lake-2")), encoding="utf-8")
    assert labelstudio.import_tasks(store, path).articles == 1
    # the corrected statements are new rows: their claims and the reversal are computed again from them
    assert store.one("SELECT count(*) FROM claims")[0] == store.attribution_count()  # type: ignore[index]
    _check_reversal(store)
    (flag,) = _reversals(store)
    (human,) = store.one("SELECT human_corrected FROM attributions WHERE id = ?",  # type: ignore[misc]
                         (flag.b["attribution_id"],))  # type: ignore[index]
    assert human == 1
    # the person says the later words were Ivo Tarn's: no reversal of Ana Lind's any more
    path.write_text(json.dumps(_task_of(store, "lake-2", speaker="Ivo Tarn")), encoding="utf-8")
    labelstudio.import_tasks(store, path)
    assert _reversals(store) == []
    assert store.one("SELECT count(*) FROM claims")[0] == store.attribution_count()  # type: ignore[index]


SPEAKERS = [
    {"id": "mill-1", "title": "Mill to shut", "outlet": "Lakeview Ledger", "published": "2031-05-02",
     "text": "The Lakeview mill will shut, Ana Lind said on Monday."},
    {"id": "mill-2", "title": "Mill stays", "outlet": "Harlow Post", "published": "2031-05-20",
     "text": "Mira Oduya said on Friday that the Lakeview mill will not shut."},
]


@pytest.fixture
def mill(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "mill.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in SPEAKERS), encoding="utf-8")
    assert ingest_paths(store, [path]).stored == 2
    return store


def _kinds(store: Store) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.rating, f.speaker) for f in stored.flags(store)]


def test_merge_split_relink_recompute_flags(mill: Store) -> None:
    assert [k for k in _kinds(mill) if k[0] == "reversal"] == []  # two speakers: no reversal
    before = _kinds(mill)
    # a person says Mira Oduya is Ana Lind (the same woman, under another name): one speaker, one reversal
    mill.merge_speakers("Ana Lind", ["Mira Oduya"])
    assert _kinds(mill) == [("reversal", "full", "Ana Lind")]
    (flag,) = stored.flags(mill)
    assert flag.a and flag.b and flag.a["text"] == "The Lakeview mill will shut"
    assert flag.b["text"].endswith("the Lakeview mill will not shut")
    # and then that she is not: two speakers again, as before the merge
    mill.split_speaker("Ana Lind", "Mira Oduya")
    assert _kinds(mill) == before
    # relinking re-applies the merge and the split: no change
    mill.relink()
    assert _kinds(mill) == before
    # a merge not recorded is undone by relinking, and its reversal with it
    mill.merge_speakers("Ana Lind", ["Mira Oduya"], record=False)
    assert [k[0] for k in _kinds(mill)] == ["reversal"]
    mill.relink()
    assert _kinds(mill) == before
    assert mill.one("SELECT count(*) FROM flags")[0] == len(before)  # type: ignore[index]


RESTATED = [
    {"id": "depot-1", "outlet": "Lakeview Ledger", "published": "2031-03-01",
     "text": "“The Kestrel depot will stay open,” Ana Lind, the Lakeview mayor, said on Monday."},
    {"id": "depot-2", "outlet": "Harlow Post", "published": "2031-05-01",
     "text": "Ana Lind, who had promised in March that the Kestrel depot would stay open, said on Friday that the "
             "council had run out of money. “The Kestrel depot will close in June,” she said."},
]


def test_a_claim_restated_in_the_next_article_is_stored_as_one_flag(store: Store, tmp_path: Path) -> None:
    """The store joins one claim said twice (a quotation in March, the reporter's recap of it in May) against the
    statement that takes it back, as ``onrecord provenance`` and the eval do (flags.group_flags): ``onrecord
    flags`` lists the disagreement once, with the other pair in ``also``; a rerun and a reprocess keep it so."""
    path = tmp_path / "depot.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RESTATED), encoding="utf-8")

    def check() -> None:
        (flag,) = _reversals(store)
        assert (flag.rating, flag.speaker) == ("full", "Ana Lind")
        pairs = [(flag.data["a"], flag.data["b"]), *flag.data["also"]]
        assert len(pairs) == 2
        assert {p[0]["text"].strip(" ,") for p in pairs} == {"The Kestrel depot will stay open",
                                                              "that the Kestrel depot would stay open"}

    ingest_paths(store, [path])
    check()
    assert ingest_paths(store, [path]).known == 2
    check()
    assert reprocess(store, every=True).done == 2
    check()
    assert store.one("SELECT count(*) FROM flags WHERE kind = 'reversal'")[0] == 1  # type: ignore[index]


def test_one_claim_against_two_other_parties_stays_two_stored_conflicts(store: Store, tmp_path: Path) -> None:
    rows = [
        {"id": "depot-1", "outlet": "Lakeview Ledger", "published": "2031-03-01",
         "text": "“The Kestrel depot will stay open,” Ana Lind, the Lakeview mayor, said on Monday."},
        {"id": "depot-2", "outlet": "Harlow Post", "published": "2031-05-01",
         "text": "“The Kestrel depot will close in June,” Ivo Tarn, the council's treasurer, said on Friday."},
        {"id": "depot-3", "outlet": "Harlow Post", "published": "2031-05-02",
         "text": "“The Kestrel depot will close in June,” Mara Lees, the depot's manager, said on Tuesday."},
    ]
    path = tmp_path / "depot.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths(store, [path])
    conflicts = [f for f in stored.flags(store, kind="conflict") if "Ana Lind" in (f.speaker, f.other)]
    assert len(conflicts) == 2


def test_a_position_repeated_in_a_third_article_joins_the_stored_flag(store: Store, tmp_path: Path) -> None:
    """A reversal a later ingest finds on a statement a stored flag of another article already holds, with the same
    concept, speaker and rating, is that flag's disagreement again: not listed a second time."""
    rows = [
        {"id": "depot-1", "outlet": "Lakeview Ledger", "published": "2031-03-01",
         "text": "“The Kestrel depot will stay open,” Ana Lind, the Lakeview mayor, said on Monday."},
        {"id": "depot-2", "outlet": "Harlow Post", "published": "2031-05-01",
         "text": "“The Kestrel depot will close in June,” Ana Lind, the Lakeview mayor, said on Friday."},
        {"id": "depot-3", "outlet": "Harlow Post", "published": "2031-06-01",
         "text": "“The Kestrel depot will close this month,” Ana Lind, the Lakeview mayor, said on Tuesday."},
    ]
    path = tmp_path / "depot.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths(store, [path])
    (flag,) = _reversals(store)
    assert flag.a and flag.a["text"].startswith("The Kestrel depot will stay open")
