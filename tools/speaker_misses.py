"""List the wrong-speaker pairs of a speakers gold (data/speakers/), counted exactly as the scorer counts them.

For every pair of the scorer's content matching whose gold names a speaker and whose predicted speaker does not
match it (:func:`onrecord.eval.speakers.speaker_pairs`, :func:`onrecord.eval.scorer.speakers_match`), prints the
gold speaker and kind, the predicted speaker, the predicted source, the speaker rules that decided it (outermost
last: "relative-pronoun>known-surname" is a "who" resolved through its antecedent) and ~200 characters of context
with the gold source in [[brackets]]. Each miss is classed: SAME (the predicted source overlaps the gold one: a
resolution error), OTHER (another source) or NOSRC (the prediction has no source at all).

Predictions are cached in a JSONL file and reused; ``--redo`` extracts again (all, or only ``--docs``).

    PYTHONPATH=src .venv/bin/python tools/speaker_misses.py data/speakers /tmp/pred.jsonl > /tmp/misses.txt
    PYTHONPATH=src .venv/bin/python tools/speaker_misses.py data/speakers/polnear-train-l.jsonl /tmp/pred.jsonl --quiet
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from onrecord.eval.run import read_documents
from onrecord.eval.scorer import speakers_match
from onrecord.eval.speakers import overlay_speakers, read_speakers, speaker_pairs

#: The corpus the speakers files describe (ONRECORD_SHARED names the shared folder, as for the evals).
CORPUS = os.path.join(os.environ.get("ONRECORD_SHARED", "../shared"), "data/polnear/train.jsonl.gz")


def extract(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Onrecord's predictions (scope all, as the eval runs) for ``docs``, each sourced attribution given the chain
    of speaker rules that decided it under ``rule``."""
    from onrecord.api import extract_many
    from onrecord.attribution.resolution import resolver
    from onrecord.attribution.resolution.speaker_rules import SPEAKER_RULES
    from onrecord.settings import Settings
    from onrecord.types import Article

    decided: dict[tuple[int, int, int], str] = {}
    stack: list[list[str]] = []
    first, resolve = SPEAKER_RULES.first, resolver.SpeakerResolver.resolve

    def traced_first(case: Any) -> Any:
        out = first(case)
        if stack and out is not None:
            stack[-1].append(out[0].name.removeprefix("speakers."))
        return out

    def traced_resolve(self: Any, source: Any) -> Any:
        stack.append([])
        try:
            return resolve(self, source)
        finally:
            chain = stack.pop()
            if stack:
                stack[-1].extend(chain)
            else:
                decided[(len(self.text), source.start_char, source.end_char)] = ">".join(reversed(chain))

    SPEAKER_RULES.first = traced_first  # type: ignore[method-assign]
    resolver.SpeakerResolver.resolve = traced_resolve  # type: ignore[method-assign]
    articles = [Article(text=d["text"], id=d["id"]) for d in docs]
    out = {}
    for art, result in zip(articles, extract_many(articles, settings=Settings(scope="all", doc_timeout=0)),
                           strict=True):
        found = result.to_dict(include_text=False)
        for att in found["attributions"]:
            if att.get("source"):
                att["rule"] = decided.get((len(art.text), att["source"][0], att["source"][1]))
        out[art.id] = found
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("speakers", help="a speakers file or folder (data/speakers)")
    ap.add_argument("cache", type=Path, help="JSONL of predictions, written when missing")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--redo", action="store_true", help="extract again (only --docs when given)")
    ap.add_argument("--docs", default="", help="comma-separated ids to extract again")
    ap.add_argument("--quiet", action="store_true", help="only the accuracy")
    args = ap.parse_args()
    gold = overlay_speakers(read_documents(args.corpus), read_speakers(args.speakers))
    pred: dict[str, dict[str, Any]] = {}
    if args.cache.exists() and not (args.redo and not args.docs):
        pred = {d["id"]: d for d in map(json.loads, args.cache.open(encoding="utf-8"))}
    again = set(filter(None, args.docs.split(",")))
    todo = [d for d in gold if d["id"] not in pred or d["id"] in again]
    if todo:
        pred.update(extract(todo))
        with args.cache.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(d) + "\n" for d in pred.values())
    texts = {d["id"]: d["text"] for d in gold}
    right = total = 0
    for doc_id, g, p in speaker_pairs(gold, [pred[d["id"]] for d in gold]):
        if not g.get("speaker"):
            continue
        total += 1
        said = p.get("speaker") or p.get("speaker_description")
        if speakers_match(said, g["speaker"]):
            right += 1
            continue
        if args.quiet:
            continue
        text, (s, e), src = texts[doc_id], g["source"], p.get("source")
        where = "NOSRC" if not src else ("SAME" if src[0] < e and s < src[1] else "OTHER")
        sure = "" if g.get("speaker_certain", True) else ",uncertain"
        print(f"=== {where} {doc_id} gold={g['speaker']!r} ({g['speaker_kind']}{sure}) pred={said!r} "
              f"psrc={text[src[0]:src[1]] if src else None!r} rule={p.get('rule')}")
        print("   " + (text[max(0, s - 200) : s] + "[[" + text[s:e] + "]]" + text[e : e + 80]).replace("\n", " "))
    print(f"speaker accuracy {right}/{total} = {right / max(total, 1):.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
