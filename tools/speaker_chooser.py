"""Would a learned speaker chooser beat the speaker rules? Trains one on the gold speakers and prints the answer.

For every predicted quotation matched to a gold one with a named speaker, the candidates are the people and
organisations the article's index names (outside quotations) and every speaker the rules gave in the article. Each
candidate gets generic features (distance to its nearest mention before and after the content, in characters and
paragraphs, whether that mention is a subject or inside the source, how often the article names it, whether the
rules chose it, chose it for the attribution before or after, the source's form: none, a pronoun, a name). A
gradient-boosted classifier (scikit-learn, the ``train`` extra) scores the candidates; it is trained on three of
the four gold sets and scored on the fourth, two ways:

- **reranker**: the rules' speaker stays unless another candidate scores higher by ``margin``;
- **alone**: the best candidate by features alone, without the rules' choice (what the rules add).

Speaker accuracy is counted on matched quotations as ``onrecord eval`` counts it (``speakers_match``).

    .venv/bin/python tools/speaker_chooser.py            # GGT dev, data/news dev, data/news2 dev, PolNeAR train
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from onrecord.attribution.resolution.resolver import index_of
from onrecord.eval.corpora import corpus_file, repo_file
from onrecord.eval.run import read_documents
from onrecord.eval.scorer import match_contents, speakers_match
from onrecord.eval.speakers import overlay_speakers, read_speakers
from onrecord.lexicon.en import GROUP_PRONOUNS, PERSON_PRONOUNS
from onrecord.nlp import load_pipeline
from onrecord.settings import Settings
from onrecord.types import Attribution

#: name: (gold file, speakers file laid over it, types scored, scope, cue span) -- as `make eval` scores them
SETS: dict[str, tuple[Path | None, Path | None, set[str] | None, str, str]] = {
    "ggt-dev": (corpus_file("ggt/dev.jsonl"), None, None, "quotes", "word"),
    "news-dev": (repo_file("data/news/dev.jsonl"), None, {"direct", "mixed"}, "quotes", "word"),
    "news2-dev": (repo_file("data/news2/dev.jsonl"), None, {"direct", "mixed"}, "quotes", "word"),
    "polnear-train": (corpus_file("polnear/train.jsonl.gz"), repo_file("data/speakers/polnear-train.jsonl"), None,
                      "all", "phrase"),
}
FAR = 100_000
#: One matched quotation: the rules were right; each candidate's features and whether it is the gold speaker.
Item = tuple[bool, list[tuple[dict[str, float], bool]]]


class Names:
    """The article's speakers, one key per person however the text shortens the name."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def key(self, name: str) -> str:
        for k in self.keys:
            if speakers_match(name, k) or speakers_match(k, name):
                return k
        self.keys.append(name)
        return name


def _mentions(doc: Any, atts: Sequence[Attribution], names: Names) -> dict[str, list[tuple[int, bool, bool]]]:
    """Each candidate's mentions: (character offset, is a person, is a subject)."""
    out: dict[str, list[tuple[int, bool, bool]]] = {}
    ix = index_of(doc)
    if ix is not None:
        for i, name, subject in ix.persons:
            out.setdefault(names.key(ix.fullest(name)), []).append((doc[i].idx, True, subject))
        for i, name, subject, quoted, label in ix.org_mentions:
            if not quoted and label == "ORG":
                out.setdefault(names.key(ix.fullest_org(name)), []).append((doc[i].idx, False, subject))
    for a in atts:
        if a.speaker:
            out.setdefault(names.key(a.speaker), [])
    return out


def features(doc: Any, text: str, atts: Sequence[Attribution]) -> list[list[tuple[str, dict[str, float]]]]:
    """For each attribution, its candidates and their features."""
    names = Names()
    mentions = _mentions(doc, atts, names)
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n", text)]
    chose = [names.key(a.speaker) if a.speaker else None for a in atts]
    share = {k: chose.count(k) / max(1, len(atts)) for k in mentions}
    rows = []
    for j, a in enumerate(atts):
        start, end = a.content.start, a.content.end
        para = bisect.bisect_right(paragraphs, start)
        source = a.source.of(text).strip().lower() if a.source is not None else ""
        cands = []
        for k, ms in mentions.items():
            before = [m for m in ms if m[0] < start]
            after = [m for m in ms if m[0] >= end]
            near = max(before) if before else None
            cands.append((k, {
                "chosen": float(k == chose[j]), "chose_none": float(chose[j] is None),
                "chosen_before": float(j > 0 and k == chose[j - 1]),
                "chosen_after": float(j + 1 < len(atts) and k == chose[j + 1]),
                "log_before": math.log1p(start - near[0] if near else FAR),
                "log_after": math.log1p(min(after)[0] - end if after else FAR),
                "paras_before": float(para - bisect.bisect_right(paragraphs, near[0]) if near else 99),
                "subject_before": float(bool(near and near[2])),
                "in_source": float(a.source is not None and any(a.source.start <= m[0] < a.source.end for m in ms)),
                "inside": float(any(start <= m[0] < end for m in ms)),
                "mentions": math.log1p(len(ms)), "share": share[k],
                "person": float(any(m[1] for m in ms)), "in_lede": float(any(m[0] < 500 for m in ms)),
                "no_source": float(a.source is None), "source_pronoun": float(source in PERSON_PRONOUNS),
                "source_group": float(source in GROUP_PRONOUNS),
                "direct": float(a.type == "direct"), "confidence": a.confidence,
            }))
        rows.append(cands)
    return rows


def items(name: str) -> list[Item]:
    """The matched quotations of one gold set, with their candidates."""
    path, speakers, types, scope, cue = SETS[name]
    if path is None:
        return []
    gold = read_documents(path)
    if speakers is not None:
        gold = overlay_speakers(gold, read_speakers(speakers))
    nlp = load_pipeline(Settings().with_(scope=scope, cue_span=cue))
    out: list[Item] = []
    for d in gold:
        doc = nlp(d["text"])
        atts = list(doc._.onrecord_attributions)
        rows = features(doc, d["text"], atts)
        g = [x for x in d["attributions"] if (types is None or x["type"] in types) and x.get("speaker")]
        keep = [i for i, a in enumerate(atts) if types is None or a.type in types]
        pairs, _ = match_contents(d["text"], [x["content"] for x in g], [atts[i].content.to_list() for i in keep])
        for gi, pi in pairs:
            a, truth = atts[keep[pi]], g[gi]["speaker"]
            ok = speakers_match(a.speaker or a.speaker_description, truth)
            out.append((ok, [(f, speakers_match(k, truth)) for k, f in rows[keep[pi]]]))
    return out


def _matrix(data: Sequence[Item], keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [([f[k] for k in keys], gold) for _, cands in data for f, gold in cands]
    return np.array([r for r, _ in rows]), np.array([int(g) for _, g in rows])


def _right(model: Any, item: Item, keys: list[str], margin: float | None) -> bool:
    """Is the chooser right on one quotation (``margin`` None: by features alone)?"""
    ok, cands = item
    if not cands:
        return ok if margin is not None else False
    p = model.predict_proba(np.array([[f[k] for k in keys] for f, _ in cands]))[:, 1]
    best = int(p.argmax())
    if margin is None:
        return cands[best][1]
    chosen = [i for i, (f, _) in enumerate(cands) if f["chosen"]]
    if chosen and best == chosen[0]:
        return ok
    if p[best] > 0.5 and p[best] - (p[chosen[0]] if chosen else 0.0) > margin:
        return cands[best][1]
    return ok


def main() -> None:
    data = {name: items(name) for name in SETS}
    data = {k: v for k, v in data.items() if v}
    every = next(iter(data.values()))[0][1][0][0].keys()
    alone = [k for k in every if not k.startswith("chose")]
    for label, keys, margin in (("reranker, margin 0.0", list(every), 0.0), ("reranker, margin 0.3", list(every), 0.3),
                                ("alone (no rules' choice)", alone, None)):
        cells = []
        for held in data:
            train = [it for name, v in data.items() if name != held for it in v]
            model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
            model.fit(*_matrix(train, keys))
            rules = sum(ok for ok, _ in data[held])
            chooser = sum(_right(model, it, keys, margin) for it in data[held])
            cells.append(f"{held} rules {rules} -> {chooser} of {len(data[held])}")
        print(f"{label}: " + " | ".join(cells))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
