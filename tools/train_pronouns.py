"""Would a learned choice of a he/she's antecedent beat the rules? Collects, labels, cross-validates, trains.

For every he/she the speaker rules resolve (``speakers.person-pronoun``), the candidates are the people of its
gender in view (:mod:`onrecord.attribution.resolution.pronoun_features`), with cheap salience features and the
rules' choice. A case is labelled where a gold attribution has that very pronoun as its source and a named
speaker; a candidate is right when ``speakers_match(candidate, gold)``.

Training: the pooled PolNeAR train speaker gold (``data/speakers``) and GGT dev. A logistic regression (scikit-learn,
the ``train`` extra) over the candidates' rows; the candidate with the highest score is chosen. Scored with
document-level cross-validation (five folds by document, never a document in both) against the rules on the same
cases, and, trained on all of it, on the news sets' dev halves (never trained on) as a transfer test.

    .venv/bin/python tools/train_pronouns.py collect /tmp/pron.json   # run the extractor, keep labelled cases
    .venv/bin/python tools/train_pronouns.py cv /tmp/pron.json        # cross-validation and transfer figures
    .venv/bin/python tools/train_pronouns.py train /tmp/pron.json OUT # write the weights (json)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from onrecord.attribution.resolution import speaker_rules
from onrecord.attribution.resolution.pronoun_features import candidates
from onrecord.eval.corpora import corpus_file, repo_file
from onrecord.eval.run import read_documents
from onrecord.eval.scorer import match_contents, speakers_match
from onrecord.eval.speakers import overlay_speakers, read_speakers
from onrecord.nlp import load_pipeline
from onrecord.settings import Settings

#: name: (gold file, speakers laid over it, scope, cue span, used for training)
SETS: dict[str, tuple[Path | None, Path | None, str, str, bool]] = {
    "polnear-train": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers"), "all", "phrase", True),
    "ggt-dev": (corpus_file("ggt/dev.jsonl"), None, "quotes", "word", True),
    **{f"news{n}-dev": (repo_file(f"data/news{'' if n == 1 else n}/dev.jsonl"), None, "quotes", "word", False)
       for n in range(1, 10)},
    "realnews-dev": (repo_file("data/realnews/dev.jsonl"), None, "quotes", "word", False),
}
PRONOUNS = frozenset({"he", "she"})
SEED = 0
FOLDS = 5


def collect(out: Path) -> None:
    """Run the extractor over every set; keep each labelled he/she with its candidates."""
    seen: dict[tuple[str, int], tuple[str, list[tuple[str, dict[str, float]]]]] = {}
    original = speaker_rules.person_antecedent

    def recording(r: Any, pronoun: Any, gender: Any, **kw: Any) -> Any:
        choice = original(r, pronoun, gender, **kw)
        if gender is not None and not kw and pronoun.lower_ in PRONOUNS:
            seen[(r.text, pronoun.idx)] = (choice.name or "", candidates(r, pronoun, gender, choice))
        return choice

    speaker_rules.person_antecedent = recording  # type: ignore[assignment]
    cases = []
    for name, (path, speakers, scope, cue, _) in SETS.items():
        gold = read_documents(path)
        if speakers is not None:
            gold = overlay_speakers(gold, read_speakers(speakers))
        nlp = load_pipeline(Settings().with_(scope=scope, cue_span=cue))
        for d in gold:
            seen.clear()
            doc = nlp(d["text"])
            labels = {a["source"][0]: a["speaker"] for a in d["attributions"] if a.get("source") and a.get("speaker")
                      and d["text"][a["source"][0]:a["source"][1]].strip().lower() in PRONOUNS}
            if not any(a.get("source") for a in d["attributions"]):  # (a gold without sources: by the content)
                labels = _labels_by_content(d, list(doc._.onrecord_attributions))
            for (text, at), (choice, cands) in seen.items():
                if text == d["text"] and at in labels:
                    cases.append({"set": name, "doc": d["id"], "at": at, "gold": labels[at], "rule": choice,
                                  "rule_right": speakers_match(choice, labels[at]),
                                  "cands": [[c, f, speakers_match(c, labels[at])] for c, f in cands]})
        print(name, sum(c["set"] == name for c in cases), file=sys.stderr)
    out.write_text(json.dumps(cases))


def _labels_by_content(d: dict[str, Any], atts: list[Any]) -> dict[int, str]:
    """The gold speakers of the predicted he/she sources whose content matches a gold one's."""
    gold = [a for a in d["attributions"] if a.get("speaker")]
    pairs, _ = match_contents(d["text"], [a["content"] for a in gold], [a.content.to_list() for a in atts])
    return {atts[pi].source.start: gold[gi]["speaker"] for gi, pi in pairs if atts[pi].source is not None
            and atts[pi].source.of(d["text"]).strip().lower() in PRONOUNS}


def _rows(cases: list[dict[str, Any]], keys: list[str]) -> tuple[list[list[float]], list[int]]:
    xs, ys = [], []
    for c in cases:
        if len(c["cands"]) < 2 or not any(ok for _, _, ok in c["cands"]):
            continue
        for _, f, ok in c["cands"]:
            xs.append([f[k] for k in keys])
            ys.append(int(ok))
    return xs, ys


def _fit(cases: list[dict[str, Any]], keys: list[str], c: float) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    xs, ys = _rows(cases, keys)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(xs, ys)
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def choose(case: dict[str, Any], keys: list[str], weights: list[float], margin: float | None = None) -> bool:
    """Is the model right on one case (the rules' choice where fewer than two candidates)? With ``margin``, the
    rules' choice stays unless another candidate scores higher by that much."""
    if len(case["cands"]) < 2:
        return bool(case["rule_right"])

    def score(cand: list[Any]) -> float:
        return sum(w * cand[1][k] for k, w in zip(keys, weights, strict=True))

    best = max(case["cands"], key=score)
    if margin is not None:
        ruled = [cand for cand in case["cands"] if cand[1]["rule"]]
        if not ruled or score(best) - score(ruled[0]) <= margin:
            return bool(case["rule_right"])
    return bool(best[2])


def _folds(cases: list[dict[str, Any]]) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    docs = sorted({c["doc"] for c in cases})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    for k in range(FOLDS):
        yield [c for c in cases if fold[c["doc"]] != k], [c for c in cases if fold[c["doc"]] == k]


def _keys(cases: list[dict[str, Any]], with_rule: bool) -> list[str]:
    keys = list(next(c for c in cases if c["cands"])["cands"][0][1])
    return keys if with_rule else [k for k in keys if k != "rule"]


def cv(path: Path) -> None:
    cases = json.loads(path.read_text())
    train = [c for c in cases if SETS[c["set"]][4]]
    test = [c for c in cases if not SETS[c["set"]][4]]
    for label, with_rule, margin in (("with the rules' choice", True, None), ("features alone", False, None),
                                     ("reranker, margin 1", True, 1.0), ("reranker, margin 2", True, 2.0)):
        keys = _keys(cases, with_rule)
        for c in (0.1, 1.0):
            right = contested = rules_contested = 0
            for tr, te in _folds(train):
                w, _ = _fit(tr, keys, c)
                right += sum(choose(x, keys, w, margin) for x in te)
                multi = [x for x in te if len(x["cands"]) >= 2]
                contested += sum(choose(x, keys, w, margin) for x in multi)
                rules_contested += sum(x["rule_right"] for x in multi)
            w, _ = _fit(train, keys, c)
            n_multi = sum(len(x["cands"]) >= 2 for x in train)
            print(f"{label}, C={c}: CV rules {sum(x['rule_right'] for x in train)} -> model {right} of {len(train)}"
                  f" (two or more candidates: {rules_contested} -> {contested} of {n_multi})")
            by_set = {}
            for x in test:
                by_set.setdefault(x["set"], [0, 0, 0])
                by_set[x["set"]][0] += x["rule_right"]
                by_set[x["set"]][1] += choose(x, keys, w, margin)
                by_set[x["set"]][2] += 1
            cells = " | ".join(f"{s} {a}->{b}/{n}" for s, (a, b, n) in by_set.items())
            tot = [sum(v[i] for v in by_set.values()) for i in range(3)]
            print(f"    transfer (news dev, not trained on): {tot[0]} -> {tot[1]} of {tot[2]}: {cells}")
    for s in SETS:
        sub = [x for x in cases if x["set"] == s]
        print(f"  {s}: cases {len(sub)}, rules right {sum(x['rule_right'] for x in sub)}, two+ candidates "
              f"{sum(len(x['cands']) >= 2 for x in sub)}, gold among candidates "
              f"{sum(any(ok for *_, ok in x['cands']) for x in sub)}")
    keys = _keys(cases, True)
    w, _ = _fit(train, keys, 1.0)
    print("weights:", ", ".join(f"{k} {v:+.2f}" for k, v in zip(keys, w, strict=True)))


def train(path: Path, out: Path) -> None:
    cases = [c for c in json.loads(path.read_text()) if SETS[c["set"]][4]]
    keys = _keys(cases, True)
    w, _ = _fit(cases, keys, 1.0)
    out.write_text(json.dumps({k: round(v, 4) for k, v in zip(keys, w, strict=True)}, indent=1) + "\n")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "collect":
        collect(Path(args[0]))
    elif cmd == "cv":
        cv(Path(args[0]))
    else:
        train(Path(args[0]), Path(args[1]))
