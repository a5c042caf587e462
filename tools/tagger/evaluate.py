"""Score the accurate mode's role tagger on PolNeAR dev: the rules alone, the tagger's spans alone, and the rules
corrected by the tagger under several decoder settings (src/onrecord/attribution/decoder.py).

    .venv/bin/python tools/tagger/evaluate.py DEV.pkl [--rules-dev CACHE.json] [--grid '[{"gain": 2}]']

DEV.pkl is what ``train.py --dump-dev`` wrote. Scores come from onrecord's own scorer (FORMAT.md rules).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train import read, rule_predictions

from onrecord.attribution.decoder import Decoding, refine, spans_of
from onrecord.eval.scorer import score_documents, trim
from onrecord.types import CharSpan

METRICS = ("content_overlap", "content_exact", "source_exact", "cue_exact")
DEFAULT_GRID = [
    {},
    {"gain": 0.5},
    {"gain": 2.0},
    {"gain_source": 6.0},
    {"drop_below": 0.05},
    {"add_min": 0.5},
    {"add_min": 0.7},
    {"spans": "labels"},
]


def figures(gold: list[dict], preds: list[dict]) -> dict[str, float]:
    s = score_documents(gold, preds)
    return {k: round(s.metrics[k].f1 * 100, 2) for k in METRICS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", type=Path)
    ap.add_argument("--rules-dev", type=Path, help="cache of the rules' output on dev (JSON)")
    ap.add_argument("--cue-threshold", type=float, default=None,
                    help="the cue model threshold the tagger was trained with (train.py --cue-threshold)")
    ap.add_argument("--grid", help="JSON list of Decoding settings to score (default: a small sweep)")
    args = ap.parse_args()

    from onrecord.nlp.pipeline import load_pipeline

    gold = read("dev")
    rules = rule_predictions(gold, args.rules_dev, args.cue_threshold)
    with open(args.dump, "rb") as fh:
        dump = {d["id"]: d for d in pickle.load(fh)}
    nlp = load_pipeline()
    sentences = {g["id"]: [(s.start_char, s.end_char) for s in d.sents]
                 for g, d in zip(gold, nlp.pipe(g["text"] for g in gold), strict=True)}

    print("rules alone", figures(gold, [{"id": g["id"], "attributions": r} for g, r in zip(gold, rules, strict=True)]))
    for li, layer in enumerate(("content", "cue", "source")):
        tp = n_pred = n_gold = 0
        for g in gold:
            t, d = g["text"], dump[g["id"]]
            want = {trim(t, a[layer]) for a in g["attributions"] if a.get(layer)}
            got = {trim(t, (s.span.start, s.span.end)) for s in spans_of(t, d["offsets"], d["probs"], li)}
            tp, n_pred, n_gold = tp + len(want & got), n_pred + len(got), n_gold + len(want)
        print(f"tagger spans alone, {layer}: exact span-set F1 {200 * tp / max(1, n_pred + n_gold):.1f}")

    grid = json.loads(args.grid) if args.grid else DEFAULT_GRID
    for knobs in grid:
        preds = []
        for g, r in zip(gold, rules, strict=True):
            d = dump[g["id"]]
            triples = [(CharSpan.from_list(a["content"]), CharSpan.from_list(a.get("cue")),
                        CharSpan.from_list(a.get("source"))) for a in r]
            out = refine(g["text"], triples, d["offsets"], d["probs"], sentences[g["id"]], Decoding(**knobs))
            preds.append({"id": g["id"], "attributions": [
                {"content": x.content.to_list(), "cue": x.cue.to_list() if x.cue else None,
                 "source": x.source.to_list() if x.source else None} for x in out]})
        print("rules + tagger", knobs or "(defaults)", figures(gold, preds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
