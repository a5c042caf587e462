"""What provenance adds to ingest: ingest with provenance against ingest without it, in the same run.

    .venv/bin/python bench/provenance.py [--corpus html|polnear|both] [--limit 200] [--repeat 3] [--json]
                                         [--profile N]

The texts (read at run time, never copied into the repository): the saved article pages in the shared data
folder's ``html/`` (read as ``onrecord ingest`` reads them: trafilatura, metadata) and the first ``--limit``
PolNeAR dev documents (``$ONRECORD_SHARED`` or ``../shared/data``). Each round ingests all of them into a fresh
SQLite file, as ``onrecord ingest`` does: ``extract_many`` with ``Settings(provenance=...)`` (provenance is
computed from extraction's own parse), then ``Store.add`` in transactions of ``batch_size`` articles (with
provenance it also writes the claims, the article's own flags and the flags across the stored articles). The
rounds alternate the two paths (with, without; without, with; ...) so that drift in the machine's speed falls on
both; after a warm-up of both. For each path the best and the median round of extraction alone, of storing and of
the whole ingest, and the added share: with / without - 1 (the target of issue 15: at most 10%).

``--profile N``: afterwards, one cProfile of an ingest with provenance of the first N documents, with the time
of the provenance code (onrecord/provenance/ and onrecord/record/provenance.py) by function. Prints figures only:
it never asserts a timing.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from itertools import islice
from typing import Any

import onrecord.provenance
from onrecord.api import extract_many
from onrecord.eval.corpora import corpus_file, shared_data_dir
from onrecord.eval.run import iter_documents
from onrecord.ingest import iter_inputs
from onrecord.record import open_store
from onrecord.settings import DEFAULT
from onrecord.types import Article, Extraction

PATHS = ("with", "without")


def load(corpus: str, limit: int) -> tuple[list[Article], list[str]]:
    """The articles to ingest and where they come from."""
    articles: list[Article] = []
    sources: list[str] = []
    root = shared_data_dir()
    if corpus in ("html", "both") and root is not None and (root / "html").is_dir():
        pages = [a for a in iter_inputs([root / "html"]) if isinstance(a, Article)]
        articles += pages
        sources.append(f"{len(pages)} pages of {root / 'html'}")
    polnear = corpus_file("polnear/dev.jsonl.gz")
    if corpus in ("polnear", "both") and polnear is not None:
        docs = [Article(text=d["text"], id=d["id"]) for d in islice(iter_documents(polnear), limit)]
        articles += docs
        sources.append(f"{len(docs)} documents of {polnear}")
    return articles, sources


class Timed:
    """``onrecord.provenance.analyse`` (what ``Settings(provenance=True)`` adds to extraction), timed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.analyse = onrecord.provenance.analyse

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self.analyse(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t0


def ingest(articles: list[Article], provenance: bool, folder: str, n: int) -> dict[str, Any]:
    """One ingest into a fresh SQLite file: the time (wall-clock and this process's CPU) of extraction and of
    storing, the time inside ``analyse``, and what was stored."""
    settings = DEFAULT.with_(provenance=provenance)
    timed = Timed()
    onrecord.provenance.analyse = timed  # type: ignore[assignment]  # (extraction imports it when it calls it)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        extractions = [e for e in extract_many(articles, settings=settings) if isinstance(e, Extraction)]
        t1, c1 = time.perf_counter(), time.process_time()
    finally:
        onrecord.provenance.analyse = timed.analyse  # type: ignore[assignment]
    with open_store(os.path.join(folder, f"{'with' if provenance else 'without'}-{n}.db")) as store:
        t2, c2 = time.perf_counter(), time.process_time()
        result = store.add(extractions, batch_size=settings.batch_size)
        t3, c3 = time.perf_counter(), time.process_time()
        flags = int(store.one("SELECT count(*) FROM flags")[0])  # type: ignore[index]
    assert result.stored == len(extractions), result
    return {"extract_s": t1 - t0, "store_s": t3 - t2, "ingest_s": (t1 - t0) + (t3 - t2),
            "extract_cpu_s": c1 - c0, "store_cpu_s": c3 - c2, "ingest_cpu_s": (c1 - c0) + (c3 - c2),
            "analyse_s": timed.seconds, "documents": len(extractions), "attributions": result.attributions,
            "flags": flags}


def summary(rounds: list[dict[str, Any]], part: str) -> tuple[float, float]:
    values = [r[part] for r in rounds]
    return min(values), statistics.median(values)


def profile(articles: list[Article], folder: str, top: int = 30) -> None:
    """cProfile of one ingest with provenance: the provenance code's own time by function."""
    profiler = cProfile.Profile()
    profiler.enable()
    ingest(articles, True, folder, 999)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    mine = {k: row for k, row in stats.stats.items()  # type: ignore[attr-defined]
            if "/onrecord/provenance/" in k[0].replace(os.sep, "/")
            or k[0].replace(os.sep, "/").endswith("/onrecord/record/provenance.py")}
    own = sum(row[2] for row in mine.values())
    print(f"\nprofile of one ingest with provenance ({len(articles)} documents): total own time {total:.2f} s; "
          f"provenance code {own:.2f} s ({own / total:.1%})")
    by_module: dict[str, float] = {}
    for (filename, _line, _name), row in mine.items():
        module = filename.replace(os.sep, "/").split("/onrecord/", 1)[1]
        by_module[module] = by_module.get(module, 0.0) + row[2]
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds:7.3f} s  {module}")
    print("functions with the most time, calls below included (cumulative), provenance code only:")
    rows = sorted(mine.items(), key=lambda kv: -kv[1][3])[:top]
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in rows:
        module = filename.replace(os.sep, "/").split("/onrecord/", 1)[1]
        print(f"  cum {cumtime:7.3f} s  own {tottime:7.3f} s  {calls:8d} calls  {module}:{line} {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("html", "polnear", "both"), default="both")
    parser.add_argument("--limit", type=int, default=200, help="PolNeAR dev documents (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of each path (default 3)")
    parser.add_argument("--warmup", type=int, default=8, help="documents of the warm-up (default 8)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="then profile an ingest with provenance of N documents")
    parser.add_argument("--json", action="store_true", help="one JSON object with every figure")
    args = parser.parse_args(argv)
    articles, sources = load(args.corpus, args.limit)
    if not articles:
        print("no input: the shared data folder was not found; set ONRECORD_SHARED", file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    rounds: dict[str, list[dict[str, Any]]] = {p: [] for p in PATHS}
    with tempfile.TemporaryDirectory() as folder:
        for path in PATHS:  # warm-up: the model, the provenance code, the store's first open
            ingest(articles[: args.warmup], path == "with", folder, -1)
        for n in range(args.repeat):
            for path in PATHS if n % 2 == 0 else PATHS[::-1]:
                rounds[path].append(ingest(articles, path == "with", folder, n))
    load_after = os.getloadavg()
    figures: dict[str, Any] = {"sources": sources, "load_before": load_before, "load_after": load_after,
                               "rounds": rounds, "added": {}}
    for part in ("extract_s", "store_s", "ingest_s", "extract_cpu_s", "store_cpu_s", "ingest_cpu_s"):
        (wb, wm), (ob, om) = summary(rounds["with"], part), summary(rounds["without"], part)
        figures["added"][part] = {"best": wb / ob - 1, "median": wm / om - 1}
    if args.json:
        print(json.dumps(figures, indent=1))
        if args.profile:
            print("--profile is left out with --json", file=sys.stderr)
        return 0
    first = rounds["with"][0]
    print(f"documents: {first['documents']} ({'; '.join(sources)}); attributions: {first['attributions']}; "
          f"flags stored: {first['flags']}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} CPUs); "
          f"{args.repeat} rounds of each path, alternated")
    for part, label in (("extract_s", "extraction"), ("store_s", "store"), ("ingest_s", "ingest"),
                        ("extract_cpu_s", "extraction CPU"), ("store_cpu_s", "store CPU"),
                        ("ingest_cpu_s", "ingest CPU")):
        cells = []
        for path in PATHS:
            best, median = summary(rounds[path], part)
            cells.append(f"{path} best {best:7.2f} s median {median:7.2f} s")
        added = figures["added"][part]
        print(f"{label:>14}: {'; '.join(cells)}; provenance adds {added['best']:+.1%} (best) "
              f"{added['median']:+.1%} (median)")
    inside = [r["analyse_s"] / r["ingest_s"] for r in rounds["with"]]
    print(f"time inside onrecord.provenance.analyse: {min(inside):.1%} to {max(inside):.1%} of each ingest with "
          "provenance (the rest of what it adds is in storing)")
    print("target (issue 15): ingest with provenance at most 10% slower than without")
    if args.profile:
        with tempfile.TemporaryDirectory() as folder:
            profile(articles[: args.profile], folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
