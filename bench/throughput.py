"""Throughput of bare spaCy parsing against full extraction, measured in the same process on the same texts.

    .venv/bin/python bench/throughput.py [--repeat 3] [--limit N] [--input FILE.jsonl[.gz] ...]
                                         [--mode accurate] [--json]

By default the texts are PolNeAR dev + GGT dev from the shared data folder (``$ONRECORD_SHARED`` or
``../shared/data``). After a warm-up of both paths, the rounds alternate their order (bare then full, then full
then bare, ...) so that drift in the machine's speed falls on both; the best and the median round are reported, in
wall-clock time and in the process's CPU time (which the load of other processes moves less, though not nothing).
Prints figures only: it never asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from onrecord.api import extract_many
from onrecord.eval.corpora import corpus_file
from onrecord.eval.run import iter_documents
from onrecord.nlp import load_pipeline
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction

DEFAULT_INPUTS = ("polnear/dev.jsonl.gz", "ggt/dev.jsonl")
COMPONENT = "onrecord_attribution"


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process().memory_info().rss / (1024 * 1024)


def load_articles(paths: list[Path], limit: int | None) -> list[Article]:
    articles: list[Article] = []
    for path in paths:
        for doc in iter_documents(path):
            if limit is not None and len(articles) >= limit:
                return articles
            articles.append(Article(text=doc["text"], id=doc["id"]))
    return articles


def run_bare(texts: list[str], settings: Settings) -> dict[str, Any]:
    """spaCy alone: the model's own pipes, no onrecord component, docs dropped with the memory zone."""
    nlp = load_pipeline(settings, with_attribution=False)
    pipes = list(nlp.pipe_names)
    if COMPONENT in pipes:
        raise RuntimeError(f"{COMPONENT} still in the pipeline after load_pipeline(with_attribution=False)")
    with nlp.memory_zone():
        start, cpu = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=settings.batch_size))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        tokens = sum(len(doc) for doc in docs)
        del docs
    return {"seconds": seconds, "cpu_seconds": cpu, "tokens": tokens, "pipes": pipes}


def run_textacy(texts: list[str], settings: Settings) -> dict[str, Any]:
    """The peer: the same bare parse, then textacy's direct-quotation extraction on each doc (its only quotation
    extractor; it finds direct quotes only, so it does less work than onrecord)."""
    from textacy.extract.triples import direct_quotations

    nlp = load_pipeline(settings, with_attribution=False)
    pipes = list(nlp.pipe_names)
    with nlp.memory_zone():
        start = time.perf_counter()
        found = 0
        errors = 0
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            try:
                found += sum(1 for _ in direct_quotations(doc))
            except (ValueError, IndexError):  # textacy refuses some texts (e.g. unbalanced quotation marks)
                errors += 1
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "quotations": found, "errors": errors, "pipes": pipes}


def run_full(articles: list[Article], settings: Settings) -> dict[str, Any]:
    """The public batch API: parse + attribution + conversion to Extraction records."""
    start, cpu = time.perf_counter(), time.process_time()
    results = list(extract_many(articles, settings=settings))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    pipes = list(load_pipeline(settings).pipe_names)
    if COMPONENT not in pipes:
        raise RuntimeError(f"{COMPONENT} missing from the pipeline after extract_many")
    found = [r for r in results if isinstance(r, Extraction)]
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "attributions": sum(len(r.attributions) for r in found),
        "errors": len(results) - len(found),
        "pipes": pipes,
    }


def summarise(seconds: list[float], n_docs: int, n_tokens: int) -> dict[str, Any]:
    best, median = min(seconds), statistics.median(seconds)
    return {
        "rounds_s": [round(s, 4) for s in seconds],
        "best_s": round(best, 4),
        "median_s": round(median, 4),
        "docs_per_s_best": round(n_docs / best, 2),
        "docs_per_s_median": round(n_docs / median, 2),
        "tokens_per_s_best": round(n_tokens / best, 1),
        "tokens_per_s_median": round(n_tokens / median, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", action="append", type=Path, metavar="FILE",
                        help="FORMAT.md JSONL(.gz) file(s) to read texts from (default: PolNeAR dev + GGT dev)")
    parser.add_argument("--limit", type=int, default=None, help="use at most this many documents")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of each path (default 3)")
    parser.add_argument("--warmup", type=int, default=8, help="documents in the warm-up pass (default 8)")
    parser.add_argument("--batch-size", type=int, default=None, help=f"spaCy batch size (default {DEFAULT.batch_size})")
    parser.add_argument("--generated", type=int, metavar="N",
                        help="use N generated articles (bench/corpus.py) instead of the shared corpora")
    parser.add_argument("--mode", choices=("fast", "accurate"), default=None,
                        help="extraction mode to measure (default: fast; accurate needs the 'accurate' extra)")
    parser.add_argument("--no-textacy", action="store_true", help="leave out the textacy peer even if installed")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args(argv)

    settings = DEFAULT.with_(batch_size=args.batch_size, mode=args.mode)
    if args.generated:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from corpus import articles as generated

        paths = [Path(f"generated:{args.generated}")]
        articles = [Article(text=d["text"], id=d["id"]) for d in generated(args.generated)]
    elif args.input:
        paths = list(args.input)
    else:
        found = [corpus_file(rel) for rel in DEFAULT_INPUTS]
        paths = [p for p in found if p is not None]
        if not paths:
            print("no input: the shared corpora were not found; pass --input FILE or set ONRECORD_SHARED",
                  file=sys.stderr)
            return 2
    if not args.generated:
        articles = load_articles(paths, args.limit)
    if not articles:
        print("no documents to measure", file=sys.stderr)
        return 2
    texts = [a.text for a in articles]

    rss_start = current_rss_mib()
    t0 = time.perf_counter()
    load_pipeline(settings)
    load_s = time.perf_counter() - t0
    rss_loaded = current_rss_mib()

    textacy_version = None if args.no_textacy else _textacy_version()
    warm = max(1, min(args.warmup, len(articles)))
    run_bare(texts[:warm], settings)
    run_full(articles[:warm], settings)
    if textacy_version:
        run_textacy(texts[:warm], settings)

    phases: dict[str, Callable[[], dict[str, Any]]] = {
        "bare": lambda: run_bare(texts, settings),
        "full": lambda: run_full(articles, settings),
    }
    if textacy_version:
        phases["textacy"] = lambda: run_textacy(texts, settings)
    seconds: dict[str, list[float]] = {name: [] for name in phases}
    cpu: dict[str, list[float]] = {name: [] for name in phases}  # (the process's CPU time: what other load moves less)
    last: dict[str, dict[str, Any]] = {}
    rss_after: dict[str, float | None] = {}
    names = list(phases)
    for round_no in range(max(1, args.repeat)):
        # rotate the order each round, so that drift in the machine's speed falls on every path
        order = names[round_no % len(names):] + names[: round_no % len(names)]
        for name in order:
            last[name] = phases[name]()
            seconds[name].append(last[name]["seconds"])
            cpu[name].append(last[name].get("cpu_seconds", last[name]["seconds"]))
            rss_after[name] = current_rss_mib()

    n_docs, n_tokens = len(articles), last["bare"]["tokens"]
    bare = summarise(seconds["bare"], n_docs, n_tokens)
    full = summarise(seconds["full"], n_docs, n_tokens)
    result = {
        "inputs": [str(p) for p in paths],
        "docs": n_docs,
        "chars": sum(len(t) for t in texts),
        "tokens": n_tokens,
        "repeat": max(1, args.repeat),
        "batch_size": settings.batch_size,
        "model": settings.model,
        "mode": settings.mode,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "model_load_s": round(load_s, 3),
        "bare": {**bare, "pipes": last["bare"]["pipes"]},
        "full": {**full, "pipes": last["full"]["pipes"], "attributions": last["full"]["attributions"],
                 "errors": last["full"]["errors"]},
        "ratio_full_over_bare_time": {
            "best": round(full["best_s"] / bare["best_s"], 3),
            "median": round(full["median_s"] / bare["median_s"], 3),
        },
        "cpu_s": {name: [round(c, 3) for c in cpu[name]] for name in ("bare", "full")},
        "ratio_full_over_bare_cpu": {
            "best": round(min(cpu["full"]) / min(cpu["bare"]), 3),
            "median": round(statistics.median(cpu["full"]) / statistics.median(cpu["bare"]), 3),
        },
        "memory_mib": {
            "peak_rss": round(peak_rss_mib(), 1),
            "rss_start": _round(rss_start),
            "rss_model_loaded": _round(rss_loaded),
            "rss_after_bare": _round(rss_after.get("bare")),
            "rss_after_full": _round(rss_after.get("full")),
        },
    }
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if textacy_version:
        peer = summarise(seconds["textacy"], n_docs, n_tokens)
        result["textacy"] = {**peer, "version": textacy_version, "quotations": last["textacy"]["quotations"],
                             "errors": last["textacy"]["errors"]}
        result["ratio_textacy_over_bare_time"] = {
            "best": round(peer["best_s"] / bare["best_s"], 3),
            "median": round(peer["median_s"] / bare["median_s"], 3),
        }
    else:
        result["textacy"] = None
    print(json.dumps(result, indent=2) if args.json else as_text(result))
    return 0


def _textacy_version() -> str | None:
    try:
        import textacy
    except ImportError:
        return None
    return textacy.__version__


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def as_text(r: dict[str, Any]) -> str:
    mem = r["memory_mib"]
    lines = [
        f"inputs: {', '.join(r['inputs'])}",
        f"{r['docs']} docs, {r['chars']:,} chars, {r['tokens']:,} tokens; model {r['model']}, mode {r['mode']} "
        f"(spaCy {r['spacy']}, "
        f"Python {r['python']}, {r['cpus']} CPUs); batch size {r['batch_size']}; {r['repeat']} alternating rounds",
        f"model load: {r['model_load_s']:.2f} s",
        "",
        f"{'path':<6}{'best s':>9}{'median s':>10}{'docs/s':>9}{'tokens/s':>11}   (docs/s, tokens/s: best round)",
    ]
    for name in ("bare", "full", "textacy"):
        p = r.get(name)
        if p is None:
            continue
        lines.append(
            f"{name:<6}{p['best_s']:>9.3f}{p['median_s']:>10.3f}"
            f"{p['docs_per_s_best']:>9.1f}{p['tokens_per_s_best']:>11,.0f}"
        )
    ratio = r["ratio_full_over_bare_time"]
    lines += [
        "",
        f"full / bare time: {ratio['best']:.2f}x (best rounds), {ratio['median']:.2f}x (medians)",
        f"full / bare CPU time of the process: {r['ratio_full_over_bare_cpu']['best']:.2f}x (best rounds), "
        f"{r['ratio_full_over_bare_cpu']['median']:.2f}x (medians); CPU s bare {r['cpu_s']['bare']}, "
        f"full {r['cpu_s']['full']}",
        f"full: {r['full']['attributions']} attributions, {r['full']['errors']} refused documents",
        *([f"textacy {r['textacy']['version']} / bare time: {r['ratio_textacy_over_bare_time']['best']:.2f}x "
           f"(best rounds), {r['ratio_textacy_over_bare_time']['median']:.2f}x (medians); "
           f"{r['textacy']['quotations']} direct quotations, {r['textacy']['errors']} documents refused"]
          if r.get("textacy") else ["textacy: not installed (pip install -e '.[bench]'), not measured"]),
        f"load average at the end: {r['load_average']}",
        f"bare pipes: {', '.join(r['bare']['pipes'])}",
        f"full pipes: {', '.join(r['full']['pipes'])}",
        "memory (MiB): peak RSS {peak}; RSS at start {s}, model loaded {m}, after bare {b}, after full {f}".format(
            peak=mem["peak_rss"], s=mem["rss_start"], m=mem["rss_model_loaded"], b=mem["rss_after_bare"],
            f=mem["rss_after_full"],
        ),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
