"""Queries over both backends: search, speaker timelines, speakers, stats, export and the Label Studio round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from onrecord.errors import LabelFileError, NotFoundError, OnrecordError
from onrecord.record import Store, export, labelstudio, queries
from storydata import corpus


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(corpus())
    return store


# --- search ----------------------------------------------------------------------------------------------------------


def test_search_is_stemmed_ranked_and_has_snippets(filled: Store) -> None:
    hits = queries.search(filled, "withdraw troops")
    contents = [h.content for h in hits]
    # "withdrawing troops" matches "withdraw troops" (stemming); "withdrawal" alone does not have "troops"
    assert set(contents) == {
        "the garrison would withdraw its troops from the northern border by spring",
        "withdrawing troops was a question of cost, not of courage",
        "it had no plans to withdraw troops",
    }
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        assert "[" in h.snippet and "]" in h.snippet
        assert h.speaker in ("Oren Valdez", "Defence Ministry")
    letter = next(h for h in hits if h.medium == "letter")
    assert (letter.outlet, letter.published, letter.url) == ("Tarnwick Evening Star", "2030-03-04",
                                                              "https://star.example/a2")


def test_search_filters(filled: Store) -> None:
    assert {h.speaker for h in queries.search(filled, "troops", speaker="Defence Minister Oren Valdez")} == \
        {"Oren Valdez"}
    assert [h.outlet for h in queries.search(filled, "troops", outlet="coastline courier")] == ["Coastline Courier"]
    assert {h.published for h in queries.search(filled, "troops", since="2030-03-03")} == {"2030-03-04", "2030-05-01"}
    assert {h.published for h in queries.search(filled, "troops", until="2030-03")} == {"2030-03-02", "2030-03-04"}
    assert queries.search(filled, "troops", since="2031") == []


def test_search_gives_the_same_hits_when_matches_are_many(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite ranks first and makes snippets for the shown rows only when matches are many: same hits either way."""
    if filled.backend != "sqlite":
        pytest.skip("the threshold concerns FTS5")
    cases = [("troops", {}), ("troops", {"outlet": "Harlow Ledger"}), ("said OR troops OR rigged", {"limit": 3}),
             ("troops", {"speaker": "Oren Valdez", "since": "2030-03-03"})]
    few = [queries.search(filled, q, **kw) for q, kw in cases]
    monkeypatch.setattr(queries, "FEW_MATCHES", 0)
    many = [queries.search(filled, q, **kw) for q, kw in cases]
    assert [[(h.attribution_id, h.score, h.snippet, h.speaker) for h in hits] for hits in many] == \
        [[(h.attribution_id, h.score, h.snippet, h.speaker) for h in hits] for hits in few]
    assert all(few[:2]) and len(few[2]) == 3


def test_search_syntax(filled: Store) -> None:
    assert [h.content for h in queries.search(filled, '"play on"')] == ["We will play on,"]
    assert {h.content for h in queries.search(filled, "rigged OR appeal")} == {"The tender was rigged,",
                                                                                "the club would appeal"}
    assert {h.content for h in queries.search(filled, "troops -courage")} == {
        "the garrison would withdraw its troops from the northern border by spring",
        "it had no plans to withdraw troops"}
    assert queries.search(filled, "zebra") == []
    for nothing in ("-- !!", "-troops"):
        with pytest.raises(OnrecordError, match="nothing to search for"):
            queries.search(filled, nothing)
    with pytest.raises(NotFoundError, match="no speaker named 'Hal Nobody'"):
        queries.search(filled, "troops", speaker="Hal Nobody")
    with pytest.raises(OnrecordError, match="since must be a date"):
        queries.search(filled, "troops", since="last week")


def test_fts5_query_translation() -> None:
    assert queries.fts5_query("withdraw troops") == '"withdraw" "troops"'
    assert queries.fts5_query('"the letter" OR memo -draft') == '"the letter" OR "memo" NOT "draft"'
    assert queries.fts5_query("AND NEAR( x*") == '"AND" "NEAR" "x"'  # operators are words, not syntax


# --- timeline ----------------------------------------------------------------------------------------------------


def test_timeline_across_articles(filled: Store) -> None:
    line = queries.timeline(filled, "Valdez")
    assert line.speaker.name == "Oren Valdez" and line.total == 4
    assert [e.published for e in line.entries] == ["2030-03-02", "2030-03-02", "2030-03-04", "2030-04-10"]
    assert [e.outlet for e in line.entries] == ["Harlow Ledger", "Harlow Ledger", "Tarnwick Evening Star",
                                                "Westbury Weekly"]
    assert [e.medium for e in line.entries] == ["unknown", "statement", "letter", "remarks"]
    assert line.entries[0].mention == "Defence Minister Oren Valdez" and line.entries[1].mention == "Valdez"
    assert set(line.aliases) >= {"Oren Valdez"}
    limited = queries.timeline(filled, "Oren Valdez", since="2030-03-03", limit=1)
    assert (limited.total, len(limited.entries), limited.entries[0].published) == (2, 1, "2030-03-04")
    data = json.loads(json.dumps(line.to_dict()))
    assert data["speaker"]["name"] == "Oren Valdez" and len(data["entries"]) == 4


def test_timeline_shows_relays(store: Store) -> None:
    from storydata import Said, story

    store.add([story("Mina Castell said the vote was rigged, according to Courier reporter Abe Lund.",
                     Said("the vote was rigged", "Mina Castell", "said", "Mina Castell", type="indirect",
                          via=(("Courier reporter Abe Lund", "Abe Lund", "Courier"),)),
                     outlet="Coastline Courier", published="2030-06-01")])
    (entry,) = queries.timeline(store, "Mina Castell").entries
    assert entry.via == ("Abe Lund, Courier",)


def test_speakers_listing(filled: Store) -> None:
    listed = queries.speakers(filled)
    assert listed[0].name == "Oren Valdez" and listed[0].statements == 4 and listed[0].outlets == 3
    assert {s.name for s in queries.speakers(filled, name="Brennan")} == {"Alma Brennan", "Colm Brennan"}
    assert [s.name for s in queries.speakers(filled, kind="organisation")] == ["Defence Ministry"]
    assert queries.speakers(filled, name="Hal Nobody") == []


# --- stats -------------------------------------------------------------------------------------------------------


def test_stats_by_outlet_and_month(filled: Store) -> None:
    result = queries.stats(filled)
    assert (result.articles, result.attributions) == (6, 11)
    rows = {(r.month, r.outlet, r.speaker): (r.count, r.share) for r in result.quoted}
    assert rows[("2030-03", "Harlow Ledger", "Oren Valdez")] == (2, 1.0)
    # the anonymous official is half of that outlet-month's statements, Valdez the other half
    assert rows[("2030-03", "Tarnwick Evening Star", "Oren Valdez")] == (1, 0.5)
    anonymous = {r.outlet: (r.anonymous, r.total, r.share) for r in result.anonymous}
    assert anonymous["Tarnwick Evening Star"] == (1, 2, 0.5)
    assert anonymous["Harlow Ledger"] == (0, 4, 0.0)
    only = queries.stats(filled, outlet="Coastline Courier", until="2030-01", top=1)
    assert [(r.month, r.speaker, r.count) for r in only.quoted] == [("2030-01", "Colm Brennan", 2)]


# --- export --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_export_every_table(filled: Store, tmp_path: Path, fmt: str) -> None:
    counts = export.export_all(filled, fmt, tmp_path)
    assert counts["articles"] == 6 and counts["attributions"] == 11
    assert counts["speakers"] == filled.one("SELECT count(*) FROM speakers")[0]
    path = tmp_path / f"attributions.{fmt}"
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        speakers = [json.loads(line) for line in (tmp_path / "speakers.jsonl").read_text().splitlines()]
        valdez = next(s for s in speakers if s["name"] == "Oren Valdez")
        assert "Oren Valdez" in valdez["aliases"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    else:
        rows = pq.read_table(path).to_pylist()
        assert pq.read_table(tmp_path / "articles.parquet").num_rows == 6
    assert [c for c, _ in export.TABLES["attributions"]] == list(rows[0])
    relayed = next(r for r in rows if r["speaker_kind"] == "anonymous")
    via = relayed["via"] if fmt == "jsonl" else json.loads(relayed["via"])
    assert via[0]["name"] == "Nadia Ferris"
    assert {str(r["pipeline_version"]) for r in rows} == {"0.1.0"}


def test_export_errors(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(OnrecordError, match="unknown export format 'xml'"):
        export.export_table(filled, "articles", "xml", tmp_path / "x")
    with pytest.raises(OnrecordError, match="directory does not exist"):
        export.export_all(filled, "csv", tmp_path / "nope")


# --- Label Studio ------------------------------------------------------------------------------------------------


def _annotate(tasks: list[dict], edit=None) -> list[dict]:
    """What Label Studio's export looks like after a person accepted (and maybe edited) the pre-annotations."""
    out = []
    for n, task in enumerate(tasks, 1):
        result = [dict(r) for r in task["predictions"][0]["result"]]
        if edit:
            result = edit(task, result)
        out.append({"id": n, "data": task["data"], "annotations": [{"id": n, "result": result,
                                                                    "was_cancelled": False}]})
    return out


def test_label_studio_round_trip(filled: Store, tmp_path: Path) -> None:
    tasks = labelstudio.export_tasks(filled)
    assert len(tasks) == 6
    task = next(t for t in tasks if t["data"]["outlet"] == "Harlow Ledger" and "Alma" in t["data"]["text"])
    text = task["data"]["text"]
    labels = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    for region in labels:
        value = region["value"]
        assert text[value["start"]: value["end"]] == value["text"]
    assert sorted(r["value"]["labels"][0] for r in labels) == ["Content", "Content", "Cue", "Cue", "Source",
                                                              "Source"]
    assert sum(r["type"] == "relation" for r in task["predictions"][0]["result"]) == 4

    def edit(t: dict, result: list[dict]) -> list[dict]:
        if t is not task:
            return result
        # the person removes the first attribution and says the second was someone else
        first = next(r["id"] for r in result if r["type"] == "labels" and r["value"]["labels"] == ["Content"])
        prefix = first.rsplit("-", 1)[0] + "-"
        kept = [r for r in result if not str(r.get("id", r.get("from_id", ""))).startswith(prefix)]
        for r in kept:
            if r["type"] == "textarea":
                r["value"] = {**r["value"], "text": ["Vera Brennan"]}
        return kept

    path = tmp_path / "export.json"
    path.write_text(json.dumps(_annotate(tasks, edit)), encoding="utf-8")
    result = labelstudio.import_tasks(filled, path)
    assert (result.articles, result.skipped_tasks) == (6, 0)
    article_id = task["data"]["article_id"]
    (only,) = filled.attributions_of(article_id)
    assert only.content.of(text) == "The tender was rigged,"
    assert only.speaker == "Vera Brennan" and only.source.of(text) == "Brennan" and only.cue.of(text) == "said"
    assert filled.rows("SELECT DISTINCT pipeline_version, human_corrected FROM attributions") == [("human", 1)]
    assert queries.timeline(filled, "Vera Brennan").total == 1
    # unchanged tasks keep what they had
    assert queries.timeline(filled, "Oren Valdez").total == 4


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not JSON"),
    ('"a string"', "expected a JSON list of Label Studio tasks"),
    ('[{"nodata": 1}]', "task 1: not a task"),
    ('[{"data": {"text": "x"}}]', "task 1: data.article_id is missing"),
    ('[{"data": {"article_id": 999}, "annotations": [{"result": []}]}]', "article 999 is not in the store"),
    # issue 12, item 14: no traceback for a nested file, no `true` taken for article 1, no "at at"
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply to read"),
    ('[{"data": {"article_id": true}, "annotations": [{"result": []}]}]', "task 1: data.article_id is missing or not"),
    ('[{"data": {"article_id": 99999999999999999999999}, "annotations": [{"result": []}]}]',
     "task 1: data.article_id is missing or not"),
    ('[{"data": {"article_id": 1}, "annotations": [{"result": [{"id": "r", "type": "labels", "value": '
     '{"labels": ["Content"], "start": true, "end": 4}}]}]}]', "region 'r' has offsets True..4 outside"),
    ('[{"data": {"text": "unterminated', "not JSON: Unterminated string starting at line 1 column 20$"),
])
def test_malformed_label_studio_files(filled: Store, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LabelFileError, match=message) as info:
        labelstudio.import_tasks(filled, path)
    assert info.value.document == str(path)


def test_malformed_regions_change_nothing(filled: Store, tmp_path: Path) -> None:
    tasks = labelstudio.export_tasks(filled)
    before = filled.rows("SELECT id, content_start FROM attributions ORDER BY id")

    def shift(t: dict, result: list[dict]) -> list[dict]:
        if t is tasks[-1]:
            for r in result:
                if r["type"] == "labels":
                    r["value"] = {**r["value"], "start": r["value"]["start"] + 1}
        return result

    path = tmp_path / "shifted.json"
    path.write_text(json.dumps(_annotate(tasks, shift)), encoding="utf-8")
    with pytest.raises(LabelFileError, match=r"task 6 \(article \d+\): region .* but the article has"):
        labelstudio.import_tasks(filled, path)
    assert filled.rows("SELECT id, content_start FROM attributions ORDER BY id") == before
    missing = tmp_path / "absent.json"
    with pytest.raises(LabelFileError, match="no such file"):
        labelstudio.import_tasks(filled, missing)


def test_a_very_long_speaker_name_does_not_refuse_the_file(filled: Store, tmp_path: Path) -> None:
    """PostgreSQL's btree refused a 10,000-character speaker key, and with it the whole file (issue 12, item 6)."""
    tasks = labelstudio.export_tasks(filled)
    long_name = _long_name()

    def rename(t: dict, result: list[dict]) -> list[dict]:
        for r in result:
            if r["type"] == "textarea":
                r["value"] = {**r["value"], "text": [long_name]}
        return result

    path = tmp_path / "long.json"
    path.write_text(json.dumps(_annotate(tasks[:2], rename)), encoding="utf-8")
    result = labelstudio.import_tasks(filled, path)
    assert result.articles == 2
    assert filled.one("SELECT count(*) FROM attributions WHERE speaker = ?", (long_name,))[0] >= 2


def _long_name() -> str:
    """A 10,000-character name that does not compress (PostgreSQL compresses index entries before their limit)."""
    import random

    rng = random.Random(12)
    return "Ana " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10_000)).title()
