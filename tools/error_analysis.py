"""Count onrecord's errors on a gold corpus by class: the figures behind docs/accuracy.md.

Reads a gold file in ../shared/data/FORMAT.md's shape and onrecord's predictions for it (the JSONL that
``onrecord extract`` writes), and prints, for the gold attributions that give a source:

* recall side -- found with the right source; content found but another source; content found but no source;
  content missed entirely (no predicted content overlaps it) or only partly (overlap below the 0.5 of the scorer);
* precision side -- predictions whose content overlaps no gold at all or only partly, by cue kind and type;
* content boundaries of matched pairs -- exact, or which end differs and how;
* cue spans of matched pairs -- exact, prediction inside the gold cue (the gold marks more words), the reverse,
  different, none;
* the most frequent gold cues among the missed attributions.

Spans are compared after trimming whitespace and punctuation, contents matched by token overlap >= 0.5, as in
onrecord.eval.scorer.

    .venv/bin/onrecord extract ../shared/data/polnear/dev.jsonl.gz --scope all -o /tmp/pred.jsonl
    .venv/bin/python tools/error_analysis.py ../shared/data/polnear/dev.jsonl.gz /tmp/pred.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tokens(text: str, span: list[int] | None) -> set[int]:
    if not span:
        return set()
    return {m.start() for m in WORD.finditer(text, span[0], span[1])}


def overlap(text: str, a: list[int], b: list[int]) -> float:
    x, y = tokens(text, a), tokens(text, b)
    return len(x & y) / max(1, len(x | y))


def trimmed(text: str, span: list[int] | None) -> str | None:
    return EDGE.sub("", text[span[0] : span[1]]) if span else None


def bounds(text: str, span: list[int]) -> tuple[int, int]:
    piece = text[span[0] : span[1]]
    lead = len(piece) - len(EDGE.sub("", piece, count=1)) if EDGE.match(piece) else 0
    core = EDGE.sub("", piece)
    return span[0] + lead, span[0] + lead + len(core)


def analyse(gold: list[dict], predicted: dict[str, list[dict]]) -> dict[str, Counter]:
    out: dict[str, Counter] = {k: Counter() for k in ("recall", "precision", "boundaries", "cues", "missed_cues")}
    for doc in gold:
        text, preds = doc["text"], predicted.get(doc["id"], [])
        for g in doc["attributions"]:
            matched = [p for p in preds if overlap(text, g["content"], p["content"]) >= 0.5]
            if g.get("source"):
                if not matched:
                    best = max((overlap(text, g["content"], p["content"]) for p in preds), default=0.0)
                    out["recall"]["content partly found (overlap < 0.5)" if best > 0 else "content missed"] += 1
                    if best == 0:
                        out["missed_cues"][(trimmed(text, g.get("cue")) or "(none)").lower()] += 1
                elif any(trimmed(text, p.get("source")) == trimmed(text, g["source"]) for p in matched):
                    out["recall"]["right source"] += 1
                elif all(not p.get("source") for p in matched):
                    out["recall"]["content found, no source"] += 1
                else:
                    out["recall"]["content found, another source"] += 1
            if matched and g.get("cue"):
                gc = trimmed(text, g["cue"])
                pcs = [trimmed(text, p.get("cue")) for p in matched if p.get("cue")]
                if gc in pcs:
                    kind = "exact"
                elif not pcs:
                    kind = "no predicted cue"
                elif any(c and gc and c in gc for c in pcs):
                    kind = "prediction inside the gold cue"
                elif any(c and gc and gc in c for c in pcs):
                    kind = "gold cue inside the prediction"
                else:
                    kind = "different word"
                out["cues"][kind] += 1
        for p in preds:
            scored = [(overlap(text, g["content"], p["content"]), g) for g in doc["attributions"]]
            best, g = max(scored, key=lambda x: x[0], default=(0.0, None))
            if best < 0.5:
                where = "partly overlaps a gold content" if best > 0 else "overlaps no gold content"
                out["precision"][f"{where}: {p.get('cue_kind', '?')} / {p.get('type', '?')}"] += 1
                continue
            gs, ge = bounds(text, g["content"])
            ps, pe = bounds(text, p["content"])
            if (gs, ge) == (ps, pe):
                out["boundaries"]["exact"] += 1
            else:
                start = "same" if ps == gs else ("earlier" if ps < gs else "later")
                end = "same" if pe == ge else ("later" if pe > ge else "earlier")
                out["boundaries"][f"predicted start {start}, end {end}"] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path, help="onrecord extract's JSONL for the same documents")
    parser.add_argument("--top", type=int, default=15, help="how many missed cues to list")
    args = parser.parse_args()
    predicted = {r["id"]: r["attributions"] for r in read_jsonl(args.predictions)}
    result = analyse(read_jsonl(args.gold), predicted)
    for name, counts in result.items():
        total = sum(counts.values())
        print(f"== {name} ({total})")
        items = counts.most_common(args.top) if name == "missed_cues" else counts.most_common()
        for key, n in items:
            print(f"  {n:6d}  {100 * n / max(1, total):5.1f}%  {key}")


if __name__ == "__main__":
    main()
