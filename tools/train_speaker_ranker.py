"""Train the speaker ranker (onrecord.attribution.resolution.ranker) on the resolved speaker golds, measure it
honestly and write onrecord/data/speaker_ranker.json.

For every extracted attribution matched to a gold one with a named speaker (the scorer's content matching) whose
source the ranker weighs (a he/she, a role noun, a bare surname), the ranker's candidates and features are
recorded as the extraction runs (with no model packaged, or ``ONRECORD_NO_RANKER``, so the rules decide); a
candidate is right when the eval's own name matching (``speakers_match``) pairs it with the gold speaker.

Figures: per source set, per mention kind, how many such sources, how often the gold is among the candidates
(the ceiling), how often the rules are right, and the ranker's accuracy out of fold -- grouped cross-validation
by document, so every document's figure comes from a model that never saw it. The margin over the rules and the
kinds the ranker may decide are chosen on those out-of-fold figures (summed over all sets), then a model is
trained on everything and written.

    .venv/bin/python tools/train_speaker_ranker.py collect /tmp/ranker.pkl   # run the extraction (slow)
    .venv/bin/python tools/train_speaker_ranker.py train /tmp/ranker.pkl [--write]
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from onrecord.attribution.resolution import ranker
from onrecord.eval.corpora import corpus_file, repo_file
from onrecord.eval.run import read_documents
from onrecord.eval.scorer import match_contents, speakers_match
from onrecord.eval.speakers import overlay_speakers, read_speakers
from onrecord.nlp import load_pipeline
from onrecord.settings import Settings

#: name: (gold file, speakers file laid over it, scope, cue span) -- as dev.sh scores them (fast mode)
SETS: dict[str, tuple[Path, Path | None, str, str]] = {
    "polnear-a": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers/polnear-train.jsonl"), "all",
                  "phrase"),
    "polnear-b": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers/polnear-train-b.jsonl"), "all",
                  "phrase"),
    "polnear-c": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers/polnear-train-c.jsonl"), "all",
                  "phrase"),
    "polnear-d": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers/polnear-train-d.jsonl"), "all",
                  "phrase"),
    "ggt-dev": (corpus_file("ggt/dev.jsonl"), None, "quotes", "word"),
}
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
C = 1.0


@dataclass
class Item:
    """One weighed source: its set, document, kind, candidates, their gold labels, whether the rules are right."""

    set: str
    doc: str
    kind: str
    names: tuple[str, ...]
    rows: tuple[dict[str, float], ...]
    labels: tuple[bool, ...]
    rules_ok: bool
    rules: str | None


def collect(out: Path) -> None:
    items: list[Item] = []
    for name, (path, speakers, scope, cue) in SETS.items():
        gold = read_documents(path)
        gold = overlay_speakers(gold, read_speakers(speakers)) if speakers is not None else gold
        nlp = load_pipeline(Settings().with_(scope=scope, cue_span=cue, mode="fast"))
        for d in gold:
            with ranker.recording() as recorded:
                doc = nlp(d["text"])
            by_span = {(r.start, r.end): r for r in recorded}
            atts = list(doc._.onrecord_attributions)
            g = [x for x in d["attributions"] if x.get("speaker")]
            pairs, _ = match_contents(d["text"], [x["content"] for x in g], [a.content.to_list() for a in atts])
            for gi, pi in pairs:
                a, truth = atts[pi], g[gi]["speaker"]
                r = by_span.get((a.source.start, a.source.end)) if a.source is not None else None
                if r is None:
                    continue
                ok = speakers_match(a.speaker or a.speaker_description, truth)
                items.append(Item(name, d["id"], r.kind, r.names, r.features, tuple(speakers_match(n, truth) for n in
                                                                                 r.names), ok, r.rules))
        print(name, sum(it.set == name for it in items), flush=True)
    out.write_bytes(pickle.dumps(items))


def _keys(items: list[Item]) -> list[str]:
    return sorted({k for it in items for row in it.rows for k in row})


def _matrix(items: list[Item], keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = [[row.get(k, 0.0) for k in keys] for it in items for row in it.rows]
    y = [int(label) for it in items for label in it.labels]
    return np.array(x, dtype=float), np.array(y)


def _fit(items: list[Item], keys: list[str]) -> LogisticRegression:
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(*_matrix(items, keys))
    return model


def _decide(scores: np.ndarray, it: Item, margin: float) -> bool:
    """Is the ranker (with the rules kept unless outscored by ``margin``) right on this item?"""
    if not it.names or it.rules is None:  # (as the ranker: only where the rules chose a named person)
        return it.rules_ok
    best = int(scores.argmax())
    held = scores[it.names.index(it.rules)] if it.rules in it.names else 0.0
    if it.names[best] != it.rules and scores[best] >= 0.5 and scores[best] - held > margin:
        return it.labels[best]
    return it.rules_ok


def out_of_fold(items: list[Item], keys: list[str]) -> list[np.ndarray]:
    """Every item's candidate scores from a model trained on the other documents (5 folds grouped by document)."""
    groups = [f"{it.set}:{it.doc}" for it in items]
    scores: list[np.ndarray] = [np.zeros(0)] * len(items)
    for train, test in GroupKFold(n_splits=5).split(items, groups=groups):
        model = _fit([items[i] for i in train], keys)
        for i in test:
            if items[i].rows:
                x = np.array([[row.get(k, 0.0) for k in keys] for row in items[i].rows])
                scores[i] = model.predict_proba(x)[:, 1]
    return scores


def report(items: list[Item], scores: list[np.ndarray], cues: list[np.ndarray]) -> tuple[float, set[str]]:
    """Print the figures; the margin and kinds chosen on the out-of-fold sums."""
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for it in items:
        for key in ((it.set, it.kind), (it.set, "all"), ("ALL", it.kind), ("ALL", "all")):
            c = cells[key]
            c[0] += 1
            c[1] += any(it.labels)
            c[2] += it.rules_ok
    gains: dict[tuple[str, float], int] = defaultdict(int)
    for it, s in zip(items, scores, strict=True):
        for m in MARGINS:
            gains[(it.kind, m)] += _decide(s, it, m) - it.rules_ok if it.names else 0
    print("set        kind     sources  ceiling  rules")
    for (st, kind), c in sorted(cells.items()):
        print(f"{st:10} {kind:8} {c[0]:7} {c[1]:8} {c[2]:6}")
    for kind in (*ranker.KINDS,):
        print(kind, " ".join(f"m{m}:{gains[(kind, m)]:+d}" for m in MARGINS))
    total = {m: sum(gains[(k, m)] for k in ranker.KINDS) for m in MARGINS}
    plateau = [m for m in MARGINS if total[m] == max(total.values())]
    best = plateau[len(plateau) // 2]  # the middle of the margins that do best: not at the edge of a cliff
    kinds = {k for k in ranker.KINDS if gains[(k, best)] > 0}
    print(f"margin {best}, kinds {sorted(kinds)}")
    for st in [*SETS, "ALL"]:
        sel = [(it, s) for it, s in zip(items, scores, strict=True) if (st == "ALL" or it.set == st)]
        rules = sum(it.rules_ok for it, _ in sel)
        ranked = sum(_decide(s, it, best) if it.kind in kinds else it.rules_ok for it, s in sel)
        top = sum(bool(it.names) and it.labels[int(s.argmax())] for it, s in sel)
        alone = sum(bool(it.names) and it.labels[int(c.argmax())] for it, c in zip(items, cues, strict=True)
                    if st == "ALL" or it.set == st)
        print(f"{st:10} out of fold: rules {rules} -> ranker {ranked} of {len(sel)} (its best candidate, no "
              f"margin: {top}; the cues alone, without the rules' choice: {alone})")
    return best, kinds


def train(data: Path, write: bool) -> None:
    items: list[Item] = pickle.loads(data.read_bytes())
    keys = _keys(items)
    alone = [k for k in keys if "rules" not in k]  # what the reader's cues reach without the rules' answer
    margin, kinds = report(items, out_of_fold(items, keys), out_of_fold(items, alone))
    if write:
        model = _fit(items, keys)
        weights: dict[str, Any] = {"bias": round(float(model.intercept_[0]), 4)}
        weights |= {k: round(float(w), 4) for k, w in zip(keys, model.coef_[0], strict=True) if abs(w) >= 1e-4}
        path = Path(ranker.__file__).parents[2] / "data" / "speaker_ranker.json"
        path.write_text(json.dumps({
            "about": "Logistic regression over onrecord.attribution.resolution.ranker.features, trained by "
                     "tools/train_speaker_ranker.py on the resolved speaker golds (PolNeAR train parts a-d, GGT "
                     "dev); margin and kinds chosen by cross-validation grouped by document.",
            "sources": len(items), "margin": margin, "kinds": sorted(kinds), "weights": weights,
        }, indent=0) + "\n", encoding="utf-8")
        print("wrote", path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("collect", "train"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.step == "collect":
        collect(args.data)
    else:
        train(args.data, args.write)


if __name__ == "__main__":
    main()
