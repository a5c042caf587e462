"""Where extraction spends its time: cProfile of ``onrecord.extract_many`` over a corpus.

    .venv/bin/python bench/profile_extract.py [--generated 300 | --input FILE.jsonl[.gz] --limit N] [--top 25]

Prints the share of time by area (spaCy's model: tok2vec/tagger/parser/ner; onrecord's rules, module by module;
the rest), then the functions with the most time of their own. Profiling slows Python code more than compiled
code, so onrecord's share is overstated here; bench/throughput.py gives the unprofiled ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

from onrecord.api import extract_many
from onrecord.nlp import load_pipeline
from onrecord.settings import DEFAULT
from onrecord.types import Article


def area(filename: str) -> str:
    """Which part of the system a source file belongs to."""
    path = filename.replace(os.sep, "/")
    if "/onrecord/" in path:
        rel = path.split("/onrecord/", 1)[1]
        return "onrecord/" + rel.removesuffix(".py")
    if path.endswith((".pyx", ".pxd")):  # Cython code of spaCy and thinc (compiled, reported by file name only)
        return "spaCy/thinc/numpy (the model)"
    for name in ("spacy", "thinc", "numpy", "srsly", "cymem", "preshed", "blis"):
        if f"/{name}/" in path or f"{name}." in path.rsplit("/", 1)[-1]:
            return "spaCy/thinc/numpy (the model)"
    if path.startswith("~") or path.startswith("<"):
        return "builtins"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--input", type=Path, help="a FORMAT.md JSONL(.gz) file instead of generated articles")
    parser.add_argument("--limit", type=int, default=200, help="with --input: documents read (default 200)")
    parser.add_argument("--top", type=int, default=25, help="functions listed (default 25)")
    args = parser.parse_args(argv)

    if args.input:
        from onrecord.eval.run import iter_documents

        docs = [Article(text=d["text"], id=d["id"]) for d in islice(iter_documents(args.input), args.limit)]
        source = f"{args.input} (first {len(docs)})"
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from corpus import articles

        docs = [Article(text=d["text"], id=d["id"]) for d in articles(args.generated)]
        source = f"{len(docs)} generated articles"
    load_pipeline(DEFAULT)
    list(extract_many(docs[:8]))  # warm up

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    results = list(extract_many(docs))
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # tottime

    by_area: dict[str, float] = defaultdict(float)
    others: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():
        by_area[area(filename)] += row[2]
        if area(filename) == "other":
            others[filename] += row[2]
    print(f"{source}: {len(results)} results, {wall:.2f} s under the profiler; load {os.getloadavg()[0]:.2f}")
    print("\nown time by area:")
    for name, seconds in sorted(by_area.items(), key=lambda kv: -kv[1]):
        if seconds / total >= 0.005:
            print(f"  {seconds / total:6.1%}  {seconds:7.2f} s  {name}")
    print("  'other' is mostly: " + ", ".join(f"{Path(f).name} {t:.2f} s"
                                            for f, t in sorted(others.items(), key=lambda kv: -kv[1])[:4]))
    print(f"\ntop {args.top} functions by own time:")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[: args.top]
    for (filename, line, name), row in rows:
        where = f"{area(filename)}:{line}" if area(filename).startswith("onrecord") else Path(filename).name
        print(f"  {row[2] / total:6.1%}  {row[2]:7.2f} s  {row[1]:>9,} calls  {name}  ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
