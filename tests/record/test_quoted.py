"""The quoted parts of attributions in the store (both backends), its exports and the quotations view; a store made
before the field reads its rows as nothing quoted."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from onrecord.cli import main
from onrecord.record import Store, export, open_store
from onrecord.types import CharSpan, Extraction
from storydata import Said, story

TEXT = ("Ivo Tarn said the budget was \u201ca gift to the wealthy\u201d and \u201cfar too late\u201d for Lakeview. "
        "\u201cWe will vote against it,\u201d Tarn said. Mira Oduya said the vote would come in June.")


def _span(words: str) -> CharSpan:
    start = TEXT.index(words)
    return CharSpan(start, start + len(words))


def quoted_story() -> Extraction:
    ex = story(TEXT,
               Said("the budget was \u201ca gift to the wealthy\u201d and \u201cfar too late\u201d for Lakeview",
                    "Ivo Tarn", "said", "Ivo Tarn", type="mixed"),
               Said("We will vote against it,", "Tarn", "said", "Ivo Tarn"),
               Said("the vote would come in June", "Mira Oduya", "said", "Mira Oduya", type="indirect"),
               id="lakeview-budget", outlet="Lakeview Ledger", published="2031-02-03")
    mixed, direct, indirect = ex.attributions
    return replace(ex, attributions=(
        replace(mixed, quoted=(_span("a gift to the wealthy"), _span("far too late"))),
        replace(direct, quoted=(direct.content,)),
        indirect,
    ))


def test_quoted_round_trips_through_the_store(store: Store) -> None:
    original = quoted_story()
    (article_id,) = store.add([original]).article_ids
    back = store.extraction(article_id)
    assert back.attributions == original.attributions
    assert [q.of(TEXT) for q in back.attributions[0].quoted] == ["a gift to the wealthy", "far too late"]


def test_rows_stored_before_the_migration_read_as_nothing_quoted(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add([quoted_story()])
        name = next(n for n, _ in store.migrations() if n.endswith("_attributions_quoted"))
        with store.transaction():  # the store as it was before the migration
            store.execute("ALTER TABLE attributions DROP COLUMN quoted")
            store.execute("DELETE FROM migrations WHERE name = ?", (name,))
    with open_store(store_url) as store:  # opening applies it: old rows get '[]'
        assert name in store.applied_migrations()
        (article_id,) = store.article_ids()
        assert [a.quoted for a in store.attributions_of(article_id)] == [(), (), ()]
        rows = list(export.rows(store, "attributions"))
        assert [(r["quoted"], r["quoted_text"]) for r in rows] == [([], None)] * 3
        assert list(export.rows(store, "quotations")) == []


def _rows(path: Path, fmt: str) -> list[dict[str, Any]]:
    """The rows of an exported table, whatever its format."""
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    return list(pq.read_table(path).to_pylist())


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_exports_carry_quoted_and_quoted_text(store: Store, tmp_path: Path, fmt: str) -> None:
    store.add([quoted_story()])
    counts = export.export_all(store, fmt, tmp_path)
    assert set(counts) == {"articles", "attributions", "speakers", "flags", "quote_families", "quote_members",
                           "speaker_genders"}  # the quotations view only when asked for
    path = tmp_path / f"attributions.{fmt}"
    rows = _rows(path, fmt)
    assert [c for c, _ in export.TABLES["attributions"]] == list(rows[0])
    quoted = [r["quoted"] if fmt == "jsonl" else json.loads(r["quoted"]) for r in rows]
    assert quoted == [[_span("a gift to the wealthy").to_list(), _span("far too late").to_list()],
                      [_span("We will vote against it,").to_list()], []]
    assert [r["quoted_text"] for r in rows] == ["a gift to the wealthy \u2026 far too late",
                                                "We will vote against it,", "" if fmt == "csv" else None]


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_the_quotations_view_exports_one_row_per_quoted_part(store: Store, tmp_path: Path, fmt: str) -> None:
    store.add([quoted_story()])
    path = tmp_path / f"quotations.{fmt}"
    assert export.export_table(store, "quotations", fmt, path) == 3
    rows = _rows(path, fmt)
    assert [c for c, _ in export.TABLES["quotations"]] == list(rows[0])
    assert [(r["quotation"], r["speaker"], r["type"], str(r["part"])) for r in rows] == [
        ("a gift to the wealthy", "Ivo Tarn", "mixed", "0"), ("far too late", "Ivo Tarn", "mixed", "1"),
        ("We will vote against it,", "Ivo Tarn", "direct", "0")]
    for r in rows:
        assert TEXT[int(r["quotation_start"]):int(r["quotation_end"])] == r["quotation"]
        assert r["doc_id"] == "lakeview-budget" and r["cue_text"] == "said"


def test_export_quotations_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "record.db"
    with open_store(db) as store:
        store.add([quoted_story()])
    assert main(["export", "--quotations", "--db", str(db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["quotation"] for r in rows] == ["a gift to the wealthy", "far too late", "We will vote against it,"]
    assert main(["export", "--quotations", "--format", "csv", "-o", str(tmp_path / "q.csv"), "--db", str(db)]) == 0
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").startswith("attribution_id,article_id,doc_id,part,")
    assert main(["export", "--quotations", "--table", "articles", "--db", str(db)]) == 1
    assert "cannot be combined with --table articles" in capsys.readouterr().err
