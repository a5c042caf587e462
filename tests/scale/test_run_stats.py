"""Gender, sourcing and quote families over a corpus run's Parquet output (onrecord run --provenance)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from onrecord.cli import main
from onrecord.provenance import ArticleProvenance, GenderCall, Sourcing
from onrecord.provenance.claims import Claim
from onrecord.scale.output import OutputError, write_shard
from onrecord.scale.stats import run_gender_shares, run_sourcing_shares
from onrecord.types import Extraction
from storydata import Said, story


def said(key: str, outlet: str, published: str, calls: dict[str, GenderCall], sourced: list[Sourcing]) -> Extraction:
    text = " ".join(f"{name} said the ferry was late again." for name in calls)
    ex = story(text, *(Said("the ferry was late again.", name, "said", name) for name in calls), id=key,
               outlet=outlet, published=published)
    prov = ArticleProvenance(claims=tuple(Claim(i) for i in range(len(ex.attributions))), sourcing=tuple(sourced),
                             genders=tuple(calls.items()))
    return replace(ex, provenance=prov)


def test_run_output_carries_genders_and_sourcing_and_stats_count_them(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    a = said("a", "Ledger", "2031-03-01", {"Ana Lind": GenderCall("woman", "article", ("she said",)),
                                           "Ivo Tarn": GenderCall("man", "first name", ("first name Ivo",))},
             [Sourcing(anonymous=True, kind="anonymous", reason=None), Sourcing(relay_only=True)])
    b = said("b", "Ledger", "2031-03-05", {"Mira Oduya": GenderCall()}, [Sourcing(single_source=False)])
    write_shard(tmp_path, "s1", [a], {"shard": "s1", "status": "done"})
    write_shard(tmp_path, "s2", [b], {"shard": "s2", "status": "done"})
    row = pq.read_table(tmp_path / "articles" / "s1.parquet").to_pylist()[0]
    assert json.loads(row["genders"])["Ana Lind"]["label"] == "woman"
    (g,) = run_gender_shares(tmp_path)
    assert (g.month, g.outlet, g.women, g.men, g.unknown) == ("2031-03", "Ledger", 1, 1, 1)
    (s,) = run_sourcing_shares(tmp_path)
    assert (s.statements, s.anonymous, s.with_reason, s.relay_only, s.single_source) == (3, 1, 0, 1, 2)
    assert main(["stats", "--run", str(tmp_path), "--csv", "--gender"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("2031-03,Ledger,3,1,1,1")


def test_a_run_without_provenance_has_no_figures_and_says_why(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    plain = replace(said("a", "Ledger", "2031-03-01", {"Ana Lind": GenderCall()}, [Sourcing()]), provenance=None)
    write_shard(tmp_path, "s1", [plain], {"shard": "s1", "status": "done"})
    assert run_gender_shares(tmp_path) == [] and run_sourcing_shares(tmp_path) == []
    assert main(["stats", "--run", str(tmp_path)]) == 0
    assert "run it with --provenance" in capsys.readouterr().err
    with pytest.raises(OutputError, match="no complete shard"):
        run_gender_shares(tmp_path / "nothing")
