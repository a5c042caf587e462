"""Cross-article speaker linking: precision and recall over pairs of mentions of the same person in different
documents.

    .venv/bin/python bench/speaker_linking.py [--gold FILE.jsonl] [--json]

Test sets (see ``onrecord.analysis.linkeval``): the invented mentions of ``own_cases()``; GGT dev's gold speaker
names, read at run time from the shared data folder (``$ONRECORD_SHARED`` or ``../shared/data``) or ``--gold``:
once as gold names (the article's fullest name, what the extractor hands the store) and once as written in each
source mention (titles, bare surnames: the harder case of a failed in-article resolution); and the union of own
and gold-name cases, which ``tests/analysis/test_speakers.py`` gates (P >= 0.95, R >= 0.90). Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from onrecord.analysis.linkeval import evaluate, gold_cases, own_cases
from onrecord.eval.corpora import corpus_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="FORMAT.md corpus with gold speaker names (default: GGT dev)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    own = own_cases()
    sets = {"own (invented)": own}
    gold_path = args.gold or corpus_file("ggt/dev.jsonl")
    if gold_path:
        gold = gold_cases(gold_path)
        sets[f"{gold_path.name}: gold names"] = gold
        sets[f"{gold_path.name}: mentions as written"] = gold_cases(gold_path, as_written=True)
        sets["own + gold names (gated)"] = own + gold
    else:
        print("GGT dev not found: own cases only (set ONRECORD_SHARED or pass --gold)", file=sys.stderr)
    figures = {}
    for label, cases in sets.items():
        score = evaluate(cases)
        figures[label] = {"mentions": len(cases), "documents": len({c.document for c in cases}),
                          "true_pairs": score.true_pairs, "predicted_pairs": score.predicted_pairs,
                          "correct_pairs": score.correct_pairs, "precision": round(score.precision, 4),
                          "recall": round(score.recall, 4)}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'test set':<42} {'mentions':>8} {'docs':>5} {'true':>5} {'pred':>5} {'ok':>5} {'P':>7} {'R':>7}")
    for label, f in figures.items():
        print(f"{label:<42} {f['mentions']:>8} {f['documents']:>5} {f['true_pairs']:>5} {f['predicted_pairs']:>5} "
              f"{f['correct_pairs']:>5} {f['precision']:>7.1%} {f['recall']:>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
