"""onrecord's own time, apart from spaCy's: each text is parsed once, then only the attribution component (and the
conversion to Extraction records) runs under cProfile, timed by CPU time, so that other processes on the machine
weigh less on the figures than on wall-clock timings.

    .venv/bin/python bench/profile_rules.py [--input FILE.jsonl[.gz] ...] [--limit N] [--top 15]
                                            [--scope quotes] [--cue-span phrase] [--save FILE.pstats]
    .venv/bin/python bench/profile_rules.py --compare BEFORE.pstats AFTER.pstats [--top 15]

By default the texts are PolNeAR dev + GGT dev (what bench/throughput.py reads). Prints the CPU seconds of
onrecord's functions in all and per document, and onrecord's functions ranked by own time with their call counts.
``--compare`` ranks the functions of two saved profiles by how much their own time grew. Profiling slows Python
code more than compiled code: the figures rank hot spots; bench/throughput.py gives the unprofiled ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from onrecord.api import _Batches
from onrecord.eval.corpora import corpus_file
from onrecord.eval.run import iter_documents
from onrecord.nlp import load_pipeline
from onrecord.settings import DEFAULT
from onrecord.types import Article

DEFAULT_INPUTS = ("polnear/dev.jsonl.gz", "ggt/dev.jsonl")
Row = tuple[int, int, float, float]  # primitive calls, calls, own time, cumulative time
Key = tuple[str, int, str]


def own_rows(stats: pstats.Stats) -> dict[Key, Row]:
    """onrecord's functions only, keyed by (path below onrecord/, line, name)."""
    rows: dict[Key, Row] = {}
    for (filename, line, name), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        path = filename.replace("\\", "/")
        if "/onrecord/" in path:
            rows[(path.split("/onrecord/", 1)[1], line, name)] = (cc, nc, tt, ct)
    return rows


def label(key: Key) -> str:
    return f"{key[2]}  ({key[0].removesuffix('.py')}:{key[1]})"


def profile(args: argparse.Namespace) -> int:
    paths = args.input or [p for p in (corpus_file(rel) for rel in DEFAULT_INPUTS) if p is not None]
    articles: list[Article] = []
    for path in paths:
        articles += [Article(text=d["text"], id=d["id"]) for d in iter_documents(path)]
    articles = articles[: args.limit] if args.limit else articles
    if not articles:
        print("profile_rules: no documents to read: give --input FILE, or put the shared data where "
              "ONRECORD_SHARED (or ../shared) points", file=sys.stderr)
        return 2
    settings = DEFAULT.with_(scope=args.scope, cue_span=args.cue_span)
    nlp = load_pipeline(settings)
    batches = _Batches(nlp, settings, "profile")
    started = time.process_time()
    docs = list(nlp.pipe((a.text for a in articles), disable=["onrecord_attribution"]))
    parsing = time.process_time() - started
    for doc, article in zip(docs, articles, strict=True):  # warm up: the lexicons and lists read once, the memos
        batches._record(article, batches.attribution(doc))
    rules = []
    for _ in range(args.repeat):
        started = time.process_time()
        for doc, article in zip(docs, articles, strict=True):
            batches._record(article, batches.attribution(doc))
        rules.append(time.process_time() - started)
    print(f"{len(docs)} documents from {', '.join(map(str, paths))}; scope {args.scope}, cue span {args.cue_span}")
    print(f"CPU time unprofiled: parsing {parsing:.2f} s; the rules and records "
          f"{', '.join(f'{s:.2f}' for s in rules)} s ({min(rules) / parsing:.1%} of parsing at best)")
    if args.no_profile:
        return 0
    profiler = cProfile.Profile(time.process_time)
    for doc, article in zip(docs, articles, strict=True):
        profiler.enable()
        batches._record(article, batches.attribution(doc))
        profiler.disable()
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(args.save)
    rows = own_rows(stats)
    total = sum(r[2] for r in rows.values())
    whole = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    print(f"CPU time under the profiler: {whole:.2f} s in all ({1000 * whole / len(docs):.1f} ms a document), "
          f"{total:.2f} s in onrecord's own functions ({1000 * total / len(docs):.1f} ms a document)")
    print(f"\ntop {args.top} onrecord functions by own time:")
    for key, (_cc, nc, tt, ct) in sorted(rows.items(), key=lambda kv: -kv[1][2])[: args.top]:
        print(f"  {tt:7.3f} s own  {ct:7.3f} s cum  {nc:>9,} calls  {label(key)}")
    return 0


def compare(args: argparse.Namespace) -> int:
    before, after = (own_rows(pstats.Stats(str(p))) for p in args.compare)
    t_before, t_after = (sum(r[2] for r in rows.values()) for rows in (before, after))
    print(f"onrecord's own time: {t_before:.2f} s before, {t_after:.2f} s after ({t_after - t_before:+.2f} s)")
    # functions move between lines from one version to another: matched by (file, name)
    def by_name(rows: dict[Key, Row]) -> dict[tuple[str, str], Row]:
        out: dict[tuple[str, str], Row] = {}
        for (path, _line, name), row in rows.items():
            old = out.get((path, name), (0, 0, 0.0, 0.0))
            out[(path, name)] = (old[0] + row[0], old[1] + row[1], old[2] + row[2], old[3] + row[3])
        return out

    b, a = by_name(before), by_name(after)
    zero: Row = (0, 0, 0.0, 0.0)
    delta = sorted(set(a) | set(b), key=lambda k: -(a.get(k, zero)[2] - b.get(k, zero)[2]))
    print(f"\ntop {args.top} growths of own time (before -> after, calls before -> after):")
    for key in delta[: args.top]:
        rb, ra = b.get(key, zero), a.get(key, zero)
        print(f"  {ra[2] - rb[2]:+7.3f} s  {rb[2]:7.3f} -> {ra[2]:7.3f} s  {rb[1]:>9,} -> {ra[1]:>9,} calls"
              f"  {key[1]}  ({key[0].removesuffix('.py')})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", action="append", type=Path, metavar="FILE",
                        help="FORMAT.md JSONL(.gz) file(s) (default: PolNeAR dev + GGT dev)")
    parser.add_argument("--limit", type=int, default=None, help="use at most this many documents")
    parser.add_argument("--scope", default=DEFAULT.scope, help=f"(default {DEFAULT.scope})")
    parser.add_argument("--cue-span", default=DEFAULT.cue_span, help=f"(default {DEFAULT.cue_span})")
    parser.add_argument("--repeat", type=int, default=3, help="unprofiled rounds of the rules (default 3)")
    parser.add_argument("--no-profile", action="store_true", help="only the unprofiled rounds")
    parser.add_argument("--top", type=int, default=15, help="functions listed (default 15)")
    parser.add_argument("--save", type=Path, help="write the whole profile here (pstats format)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="compare two profiles saved with --save instead of profiling")
    args = parser.parse_args(argv)
    return compare(args) if args.compare else profile(args)


if __name__ == "__main__":
    sys.exit(main())
