"""Quote families in the store (both backends), in ``onrecord quotes`` and over a corpus run's Parquet output:
invented articles that carry one invented quotation, one of them with a lost negation and another speaker."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from onrecord.cli import main
from onrecord.errors import OnrecordError
from onrecord.record import Store, open_store
from onrecord.record.families import families, family, member_families, rebuild, summary
from onrecord.scale.families import run_appearances, run_families
from onrecord.scale.output import write_shard
from onrecord.types import CharSpan, Extraction
from storydata import Said, story

QUOTE = "We will not close the Lakeview plant this year, and every one of the 200 jobs is safe"


def carried(quote: str, speaker: str, outlet: str, published: str, key: str) -> Extraction:
    text = f"The plant's future was debated on Monday. \u201c{quote},\u201d {speaker} said. Others were less sure."
    ex = story(text, Said(f"{quote},", speaker, "said", speaker), id=key, outlet=outlet, published=published,
               url=f"https://news.example/{key}")
    start = text.index(quote)
    (a,) = ex.attributions
    return replace(ex, attributions=(replace(a, quoted=(CharSpan(start, start + len(quote)),)),))


def three() -> list[Extraction]:
    return [carried(QUOTE, "Ana Lind", "Lakeview Ledger", "2031-03-01", "ledger"),
            carried(QUOTE.replace(", and every one of the 200 jobs is safe", ""), "Ana Lind", "Valley Tribune",
                    "2031-03-02", "tribune"),
            carried(QUOTE.replace("will not close", "will close"), "Ivo Tarn", "Regional Digest", "2031-03-04",
                    "digest")]


def test_rebuild_stores_one_family_with_its_root_and_dangerous_changes(store: Store) -> None:
    ids = store.add(three()).article_ids
    assert rebuild(store) == 1
    (stored,) = families(store)
    fam = stored.family
    assert fam.root.outlet == "Lakeview Ledger" and fam.root.published == "2031-03-01"
    assert fam.root.url == "https://news.example/ledger"
    assert [v.changes for v in fam.members] == [("identical",), ("truncated",), ("reworded",)]
    digest = fam.members[2]
    assert sorted(d.kind for d in digest.dangerous) == ["negation", "speaker"]
    assert summary(store) == {"families": 1, "appearances": 3, "dangerous": 1}
    assert family(store, stored.id).family == fam
    attribution_ids = [a for (a,) in store.rows("SELECT id FROM attributions ORDER BY id")]
    members = member_families(store, attribution_ids)
    assert sorted(members) == attribution_ids and all(m[0][1] == stored.id for m in members.values())
    assert len(ids) == 3


def test_rebuild_twice_keeps_one_set_and_filters_work(store: Store) -> None:
    store.add(three())
    rebuild(store)
    first = families(store)
    assert rebuild(store) == 1
    assert [f.family for f in families(store)] == [f.family for f in first]
    assert store.one("SELECT COUNT(*) FROM quote_members") == (3,)
    assert families(store, speaker="lind") and not families(store, speaker="oduya")
    assert families(store, dangerous=True) and not families(store, min_size=4)
    assert families(store, text="lakeview plant") and not families(store, text="ferry")


def test_the_family_speaker_is_the_one_most_articles_credit_not_the_roots(store: Store) -> None:
    # the earliest article credits the words to someone else; two later ones to Ana Lind
    store.add([carried(QUOTE, "Ivo Tarn", "Regional Digest", "2031-02-27", "digest"),
               carried(QUOTE, "Ana Lind", "Lakeview Ledger", "2031-03-01", "ledger"),
               carried(QUOTE.replace(", and every one of the 200 jobs is safe", ""), "Ana Lind", "Valley Tribune",
                       "2031-03-02", "tribune")])
    assert rebuild(store) == 1
    (stored,) = families(store, speaker="lind")
    assert stored.family.root.speaker == "Ivo Tarn" and stored.family.speaker == "Ana Lind"
    assert not families(store, speaker="tarn")
    assert store.one("SELECT speaker FROM quote_families") == ("Ana Lind",)


def test_deleting_an_article_removes_its_memberships(store: Store) -> None:
    ids = store.add(three()).article_ids
    rebuild(store)
    with store.transaction():
        store.execute("DELETE FROM articles WHERE id = ?", (ids[2],))
    assert store.one("SELECT COUNT(*) FROM quote_members") == (2,)
    assert rebuild(store) == 1 and families(store)[0].family.size == 2


def test_a_missing_family_is_an_error_naming_it(store: Store) -> None:
    with pytest.raises(OnrecordError, match="no quote family 99"):
        family(store, 99)


def test_quotes_command_lists_shows_and_prints_claimreview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "q.db"
    with open_store(db) as store:
        store.add(three())
    assert main(["quotes", "--db", str(db), "--rebuild"]) == 0
    out = capsys.readouterr()
    assert "1 quote families" in out.err and "3 appearances in 3 outlets, 1 with a dangerous change" in out.out
    assert main(["quotes", "1", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "negation lost" in shown and "credited to Ivo Tarn, not Ana Lind" in shown and "truncated" in shown
    assert main(["quotes", "--db", str(db), "--claimreview"]) == 0
    (claim,) = json.loads(capsys.readouterr().out)
    assert claim["@type"] == "Claim" and claim["firstAppearance"]["url"] == "https://news.example/ledger"
    assert len(claim["appearance"]) == 3
    assert main(["quotes", "7", "--db", str(db)]) == 1
    assert "no quote family 7" in capsys.readouterr().err


def test_families_of_a_corpus_run_read_from_its_parquet_files(tmp_path: Path) -> None:
    one, two, three_ = three()
    write_shard(tmp_path, "s1", [one, two], {"shard": "s1", "status": "done"})
    write_shard(tmp_path, "s2", [three_], {"shard": "s2", "status": "done"})
    keys = sorted(a.key for a in run_appearances(tmp_path))
    assert keys == ["s1/ledger#0.0", "s1/tribune#0.0", "s2/digest#0.0"]
    (fam,) = run_families(tmp_path)
    assert fam.root.key == "s1/ledger#0.0" and fam.size == 3


def test_a_run_resumed_across_versions_mixes_shards_with_and_without_quoted_parts(tmp_path: Path) -> None:
    one, two, three_ = three()
    write_shard(tmp_path, "s0", [carried("An older shard of the same run said this", "Ivo Tarn", "Old Post",
                                         "2030-01-01", "old")], {"shard": "s0", "status": "done"})
    old = tmp_path / "attributions" / "s0.parquet"
    pq.write_table(pq.read_table(old).drop_columns(["quoted", "quoted_text"]), old)
    assert list(run_appearances(tmp_path)) == []  # only the old shard so far: nothing quoted, no error
    write_shard(tmp_path, "s1", [one, two], {"shard": "s1", "status": "done"})
    write_shard(tmp_path, "s2", [three_], {"shard": "s2", "status": "done"})
    assert sorted(a.key for a in run_appearances(tmp_path)) == ["s1/ledger#0.0", "s1/tribune#0.0", "s2/digest#0.0"]
    (fam,) = run_families(tmp_path)
    assert fam.size == 3


def test_a_folder_that_is_no_run_output_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OnrecordError, match="no complete shard"):
        list(run_appearances(tmp_path))


@pytest.mark.model
def test_a_reversal_between_two_versions_of_one_quotation_says_it_may_be_a_misquote(tmp_path: Path) -> None:
    """The examples carry "It is a warning we cannot ignore" and, in a later digest, "... we can ignore": the
    reversal provenance finds is flagged as a possible change made on the way, with its family."""
    from onrecord.record.commands import ingest_paths
    from onrecord.record.provenance import flag_records, flags

    examples = Path(__file__).resolve().parents[2] / "examples"
    with open_store(tmp_path / "ex.db") as store:
        result = ingest_paths(store, [str(examples)])
        assert result.families and result.families >= 2
        records = flag_records(store, flags(store, kind="reversal"))
    marked = [r for r in records if r.get("quotation")]
    assert marked and "misquote" in marked[0]["quotation"]["note"]
    assert all("cannot" in (r["a"]["text"] + r["b"]["text"]) for r in marked)
