"""Commands for corpus runs on many cores or a Dask cluster.

``register(sub, add_command)`` adds this module's subcommands to the top-level parser built in
:func:`onrecord.cli.build_parser`; ``add_command(sub, name, func, settings=True)`` creates one subcommand whose help
and description come from ``func``'s docstring (which must contain an ``Example:``).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: How many failed documents the summary on stderr names (all are in OUTDIR/report.json).
SHOWN_FAILURES = 10


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add ``onrecord run``."""
    from onrecord.scale.options import RunOptions

    p = add_command(sub, "run", cmd_run)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="WARC/WARC.gz files, JSONL(.gz) files, directories (of .txt/.html files, and any WARC or "
                        "JSONL files in them)")
    p.add_argument("-o", "--output", dest="outdir", metavar="OUTDIR", required=True,
                   help="output directory: articles/, attributions/ (Parquet), shards/ (markers), report.json")
    group = p.add_argument_group("run options", "How the corpus is cut into shards and where they run.")
    hints = typing.get_type_hints(RunOptions)
    for field in dataclasses.fields(RunOptions):
        flag = "--" + field.name.replace("_", "-")
        help = field.metadata["help"] + (f" (default: {field.default!r})" if field.default is not None else "")
        if hints[field.name] is bool:
            group.add_argument(flag, dest=field.name, action=argparse.BooleanOptionalAction, default=None, help=help)
        else:
            base = next(a for a in (typing.get_args(hints[field.name]) or (hints[field.name],)) if a is not type(None))
            metavar = {"scheduler": "ADDRESS"}.get(field.name, {int: "N", float: "SECONDS"}.get(base, "VALUE"))
            if field.name == "memory_limit_mb":
                metavar = "MIB"
            group.add_argument(flag, dest=field.name, type=base, default=None, metavar=metavar, help=help)


def cmd_run(args: argparse.Namespace) -> int:
    """Process a corpus on every core (or a Dask cluster) into Parquet files, one pair per shard.

    Inputs are cut into shards of --shard-size documents; each shard becomes OUTDIR/articles/SHARD.parquet and
    OUTDIR/attributions/SHARD.parquet, written atomically, then a marker OUTDIR/shards/SHARD.json. A shard whose
    marker exists is not done again, so running the same command after an interruption resumes where it stopped.
    WARC pages that are not HTML, not articles or not English are skipped and counted; documents that cannot be
    read, are too large or take longer than --doc-timeout are left out and listed in OUTDIR/report.json. A
    summary goes to stderr; the exit status is 0 when every shard ran, 1 when some shard failed or nothing could
    be processed, 2 for a usage error. Progress (documents/s, shards, failures, ETA) shows when stderr is a
    terminal.

    Example:
      onrecord run CC-NEWS-20240101*.warc.gz -o out/ccnews
      onrecord run corpus.jsonl.gz articles/ -o out/corpus --workers 2 --shard-size 500
      onrecord run crawl/ -o /shared/out --scheduler tcp://10.0.0.5:8786
    """
    from onrecord.cli import _settings
    from onrecord.scale.options import RunOptions
    from onrecord.scale.runner import run

    settings = _settings(args)
    # a bad value raises SettingError, which main() reports as a usage error naming the flag
    options = RunOptions().with_(**{f.name: getattr(args, f.name) for f in dataclasses.fields(RunOptions)})
    show = settings.progress if settings.progress is not None else sys.stderr.isatty()
    with _progress(show) as on_event:
        report = run(args.inputs, args.outdir, settings=settings, options=options, on_event=on_event)
    return _summary(report)


def _summary(report: Any) -> int:
    data = report.to_dict()
    shards = data["shards"]
    for error in report.input_errors:
        print(f"onrecord: {error}", file=sys.stderr)
    listed = [f for r in report.results if r.status == "done" for f in r.failures]
    for failure in listed[:SHOWN_FAILURES]:
        print(f"onrecord: {failure.document}: {failure.reason} [{failure.code}]", file=sys.stderr)
    if len(listed) > SHOWN_FAILURES:
        print(f"onrecord: … and {len(listed) - SHOWN_FAILURES} more documents left out (see report.json)",
              file=sys.stderr)
    for failed in report.failed_shards:
        print(f"onrecord: shard {failed.shard} failed: {failed.reason}", file=sys.stderr)
    left = ", ".join(f"{n} {code}" for code, n in data["left_out"].items()) or "none"
    rate = f", {data['docs_per_s_this_run']:.1f} documents/s" if data["docs_per_s_this_run"] else ""
    print(f"onrecord: {shards['done']} shards done, {shards['resumed']} already done, {shards['failed']} failed "
          f"({shards['total']} in all); {data['documents']} articles, {data['attributions']} attributions; "
          f"left out: {left}; {data['seconds']:.1f} s{rate}; report: {report.outdir}/report.json", file=sys.stderr)
    if not shards["total"]:
        print("onrecord: nothing to process: no readable input", file=sys.stderr)
        return 1
    if shards["failed"] or (data["documents"] == 0 and shards["done"]):
        if data["documents"] == 0 and shards["done"]:
            print("onrecord: no document could be processed", file=sys.stderr)
        return 1
    return 0


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[str, Any], None] | None]:
    """An event handler that draws a rich progress bar on stderr (documents/s, shards, failures, ETA)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    state = {"shards": 0, "total": 0, "failed": 0, "left_out": 0, "start": time.perf_counter(), "docs": 0,
             "doc_events": False}
    with Progress(
        TextColumn("{task.completed:>8,.0f}/{task.fields[planned]} documents"),
        BarColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.fields[shards]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task("run", total=None, rate="", shards="", planned="?")

        def fields() -> dict[str, Any]:
            elapsed = time.perf_counter() - state["start"]
            rate = f"{state['docs'] / elapsed:,.1f} docs/s" if elapsed > 0 and state["docs"] else ""
            shards = f"shards {state['shards']}/{state['total']}, {state['failed']} failed, " \
                     f"{state['left_out']} docs left out"
            return {"rate": rate, "shards": shards}

        def on_event(kind: str, value: Any) -> None:
            if kind == "planned":
                state["total"] = len(value.pending)
                bar.update(task, total=value.documents, planned=f"{value.documents:,}", **fields())
            elif kind == "docs":
                state["doc_events"] = True
                state["docs"] += value
                bar.update(task, advance=value, **fields())
            elif kind == "shard":
                state["shards"] += 1
                state["failed"] += value.status == "failed"
                state["left_out"] += value.left_out
                if not state["doc_events"]:  # Dask reports whole shards only: advance by the shard's documents
                    n = value.documents + value.left_out
                    state["docs"] += n
                    bar.update(task, advance=n)
                bar.update(task, **fields())

        yield on_event
