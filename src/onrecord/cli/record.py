"""Commands for the record (store, speakers, search, timelines, stats, export).

``register(sub, add_command)`` adds this module's subcommands to the top-level parser built in
:func:`onrecord.cli.build_parser`; ``add_command(sub, name, func, settings=True)`` creates one subcommand whose help
and description come from ``func``'s docstring (which must contain an ``Example:``).

Every command takes ``--db URL`` (default ``$ONRECORD_DB``, else ``onrecord.db`` in the current directory). Query
commands print a table, or with ``--json`` one JSON document and with ``--csv`` CSV rows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from onrecord.errors import OnrecordError


def _db_default() -> str:
    from onrecord.record import DEFAULT_URL

    return os.environ.get("ONRECORD_DB") or DEFAULT_URL


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    """The store of ``--db``; the read-only commands open it read-only: they never create, migrate or lock it."""
    from onrecord.record import open_store

    return open_store(args.db, read_only=read_only)


def _console() -> Any:
    from rich.console import Console

    # a pipe or file gets wide lines rather than words wrapped in narrow cells
    return Console(file=sys.stdout, highlight=False, soft_wrap=False, markup=False,
                   width=None if sys.stdout.isatty() else 200)


def _write_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    from onrecord.record.export import csv_writer

    writer = csv_writer(sys.stdout)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["; ".join(v) if isinstance(v := row.get(c), (list, tuple)) else "" if v is None else v
                         for c in columns])


def _json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _marked(snippet: str) -> Any:
    """A search snippet with its [matched] words in bold (the brackets kept, for terminals without bold)."""
    import re

    from rich.text import Text

    out = Text()
    for part in re.split(r"(\[[^\]]*\])", snippet):
        out.append(part, style="bold" if part.startswith("[") and part.endswith("]") else "")
    return out


def _clip(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- ingest and reprocess ----------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    """Extract who said what from articles and store them (and their attributions) in the record.

    Reads what `onrecord extract` reads (.txt, .html, .jsonl, optionally .gz, and directories). An article already
    in the store (same URL or same text) is skipped before extraction; each batch of --batch-size articles is
    stored in one transaction, so an interrupted ingest loses at most the batch in progress and a rerun completes
    it with no duplicates. A document that cannot be read is reported on stderr and never stops the batch; an
    article that could not be extracted or that the store refused is named on stderr, the others are stored, and
    the exit status is 1. A fault of the store itself (a full disk, a lost connection) stops the ingest at once
    with one message, keeping the batches stored before it: a rerun stores the rest.
    With --extracted the inputs are JSONL written by `onrecord extract` and no extraction runs. A directory that
    `onrecord run` wrote (it has a shards/ folder) is loaded from its Parquet files, also without extraction.

    Example:
      onrecord ingest articles/ --db out/onrecord.db
      onrecord ingest feed.jsonl.gz --db postgresql://newsroom@db.internal/onrecord
      onrecord extract articles/ -o x.jsonl && onrecord ingest --extracted x.jsonl
      onrecord run crawl.warc.gz -o out/crawl && onrecord ingest out/crawl
    """
    from onrecord.cli import _progress, _settings, _stdin
    from onrecord.record.commands import ingest_paths

    settings = _settings(args)
    if not args.paths:
        print("onrecord: no input: give files or directories to ingest ('-' reads stdin)", file=sys.stderr)
        return 2
    with _open(args) as store, _progress(settings) as (advance, report):
        result = ingest_paths(store, args.paths, settings=settings, extracted=args.extracted, stdin=_stdin(),
                              on_error=report, progress=advance)
        where = store.url.display
    families = f"; {result.families} quote families" if result.families is not None else ""
    print(f"onrecord: stored {result.stored} articles ({result.attributions} attributions) in {where}; "
          f"{result.known} already stored, {result.failed} failed{families}", file=sys.stderr)
    return 0 if result.ok else 1


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Run extraction again on stored articles (after an upgrade) and replace their machine attributions.

    By default only articles extracted by another pipeline version or model are re-extracted; --all re-extracts
    every one. An article that cannot be re-extracted or stored keeps what it had, is named on stderr, and makes
    the exit status 1; the others are reprocessed.
    Articles corrected by a person (import-labels) keep their attributions, and recorded speaker merges and splits
    are re-applied. Each batch is one transaction.

    Example:
      onrecord reprocess --db out/onrecord.db
      onrecord reprocess --all --batch-size 64
    """
    from onrecord.cli import _progress, _settings
    from onrecord.record.commands import reprocess

    settings = _settings(args)
    with _open(args) as store, _progress(settings) as (advance, report):
        result = reprocess(store, settings=settings, every=args.all, on_error=report, progress=advance)
    families = f"; {result.families} quote families" if result.families is not None else ""
    print(f"onrecord: reprocessed {result.done} articles ({result.attributions} attributions), {result.failed} "
          f"failed{families}", file=sys.stderr)
    return 1 if result.failed else 0


# --- speakers ------------------------------------------------------------------------------------------------------


def cmd_speakers(args: argparse.Namespace) -> int:
    """List speakers, or merge, split and relink them (merges and splits are kept across reprocessing).

    list [NAME]: speakers most quoted first, with their aliases (NAME narrows to those it can mean).
    merge KEEP OTHER...: OTHER speakers are the same person as KEEP; their statements and aliases move to KEEP.
    split SPEAKER MENTION: the statements of SPEAKER made under MENTION belong to someone else (--name).
    relink: link every stored statement again from scratch, then re-apply merges and splits.
    gender SPEAKER [woman|man|unknown|auto]: show a person's gender and its evidence, or set it by hand (kept
    across reprocessing; auto goes back to what the articles show).
    A speaker is named as written ("Mark Esper", "Defense Secretary Mark Esper") or by id ("#12").

    Example:
      onrecord speakers list Esper
      onrecord speakers merge "Mark Esper" "M. T. Esper"
      onrecord speakers split "Mark Esper" "Esper" --name "Mary Esper"
      onrecord speakers gender "Ana Lind" woman
    """
    from onrecord.record import queries

    action = args.action or "list"
    with _open(args, read_only=action == "list") as store:
        if action == "merge":
            if not args.names or len(args.names) < 2:
                raise OnrecordError("merge needs the speaker to keep and at least one other")
            kept = store.merge_speakers(args.names[0], args.names[1:])
            print(f"merged {', '.join(repr(n) for n in args.names[1:])} into #{kept.id} {kept.name}")
            return 0
        if action == "split":
            if not args.names or len(args.names) != 2:
                raise OnrecordError("split needs a speaker and the mention to split off")
            new = store.split_speaker(args.names[0], args.names[1], name=args.name)
            print(f"split {args.names[1]!r} off {args.names[0]!r} as #{new.id} {new.name}")
            return 0
        if action == "relink":
            print(f"relinked: {store.relink()} speakers")
            return 0
        if action == "gender":
            return _speaker_gender(store, args.names or [], json_out=args.json)
        if args.names and len(args.names) > 1:
            raise OnrecordError("list takes at most one name")
        found = queries.speakers(store, name=args.names[0] if args.names else None, kind=args.kind,
                                 limit=args.limit)
    if args.json:
        _json([s.to_dict() for s in found])
    elif args.csv:
        _write_csv((s.to_dict() for s in found), ["id", "name", "kind", "statements", "articles", "outlets",
                                                  "first_seen", "last_seen", "aliases"])
    else:
        from rich.table import Table

        table = Table(title=f"{len(found)} speakers", title_justify="left")
        for column in ("#", "name", "kind", "statements", "articles", "outlets", "first", "last", "aliases"):
            table.add_column(column)
        for s in found:
            table.add_row(str(s.id), s.name, s.kind, str(s.statements), str(s.articles), str(s.outlets),
                          s.first_seen or "", s.last_seen or "", "; ".join(a for a in s.aliases if a != s.name))
        _console().print(table)
    return 0


def _speaker_gender(store: Any, names: list[str], *, json_out: bool) -> int:
    from onrecord.record.gender import set_gender, speaker_gender

    if len(names) not in (1, 2):
        raise OnrecordError("gender needs a speaker, and to set it woman, man, unknown or auto")
    if len(names) == 2:
        sid, name, found = set_gender(store, names[0], names[1])
    else:
        ref = store.resolve_speaker(names[0])
        sid, name, found = ref.id, ref.name, speaker_gender(store, ref.id)
    if json_out:
        _json({"id": sid, "name": name, **found.to_dict()})
        return 0
    print(f"#{sid} {name}: {found.label} ({found.basis})")
    for article_id, words in found.evidence:
        print(f"  article {article_id}: {words}")
    return 0


# --- queries -------------------------------------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    """Full-text search over what was said, best match first, with snippets ([matched] words).

    The query is web-search style: words (all must appear, stemmed), "exact phrases", OR, -excluded.
    Filters: --speaker NAME, --outlet NAME, --since DATE, --until DATE (YYYY, YYYY-MM or YYYY-MM-DD, inclusive).

    Example:
      onrecord search "withdraw troops" --speaker "Mark Esper" --since 2020-01
      onrecord search '"the letter" OR memo' --outlet Ledger --json
    """
    from onrecord.record import queries

    query = " ".join(args.query)
    with _open(args, read_only=True) as store:
        hits = queries.search(store, query, speaker=args.speaker, outlet=args.outlet, since=args.since,
                              until=args.until, limit=args.limit)
    if args.json:
        _json([h.to_dict() for h in hits])
    elif args.csv:
        _write_csv((h.to_dict() for h in hits), ["published", "outlet", "speaker", "type", "medium", "via",
                                                 "score", "content", "title", "url", "article_id",
                                                 "attribution_id"])
    else:
        from rich.table import Table

        table = Table(title=f"{len(hits)} results for {query!r}", title_justify="left")
        for column in ("date", "outlet", "speaker", "medium", "via", "snippet"):
            table.add_column(column, no_wrap=column == "date")
        for h in hits:
            table.add_row(h.published or "", h.outlet or "", h.speaker or "", h.medium, "; ".join(h.via),
                          _marked(_clip(h.snippet, 110)))
        _console().print(table)
    return 0


def cmd_speaker(args: argparse.Namespace) -> int:
    """The timeline of one speaker's statements across articles: date, outlet, channel, relay, the words.

    NAME may be written as in any article ("Esper", "Defense Secretary Mark Esper") or as an id ("#12"); an
    ambiguous name lists the speakers it could mean.

    Example:
      onrecord speaker "Mark Esper"
      onrecord speaker "Mark Esper" --since 2020-01 --until 2020-06 --csv > esper.csv
    """
    from onrecord.record import queries

    with _open(args, read_only=True) as store:
        line = queries.timeline(store, args.name, since=args.since, until=args.until, limit=args.limit or None)
    if args.json:
        _json(line.to_dict())
    elif args.csv:
        _write_csv((e.to_dict() for e in line.entries), ["published", "outlet", "medium", "type", "via", "mention",
                                                         "cue", "content", "title", "url", "article_id",
                                                         "attribution_id", "flags"])
    else:
        from rich.table import Table

        s = line.speaker
        others = [a for a in line.aliases if a != s.name]
        title = f"#{s.id} {s.name} ({s.kind}): {line.total} statements" + (
            f", shown {len(line.entries)}" if len(line.entries) < line.total else "")
        if others:
            title += f"; also written {', '.join(others)}"
        table = Table(title=title, title_justify="left")
        for column in ("date", "outlet", "channel", "type", "via", "words"):
            table.add_column(column, no_wrap=column in ("date", "type"))
        for e in line.entries:
            flagged = "".join(f"⚑ {f} " for f in e.flags)
            table.add_row(e.published or "(undated)", e.outlet or "", e.medium, e.type, "; ".join(e.via),
                          flagged + _clip(e.content, 110))
        _console().print(table)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Who is quoted, by outlet and month (counts and shares), their gender, and how each outlet sources its news.

    Shows the --top speakers of each outlet-month (a share is of all that outlet-month's statements); the people
    quoted by gender per outlet-month (each person once per article; the share unknown beside the others); and
    per outlet the statements from anonymous sources (with and without a stated reason), relayed only, resting on
    a single source, and by kind of source. --csv prints the quoted table, or with --anonymous the anonymous-source
    table, --gender the gender table, --sourcing the sourcing table.
    --run OUTDIR gives the gender and sourcing figures of a corpus run's output instead (a run made with
    --provenance; each person counts once per article with that article's call).

    Example:
      onrecord stats --since 2020-01 --top 5
      onrecord stats --csv --anonymous > anonymous-by-outlet.csv
      onrecord stats --run out/crawl --csv --gender > women-quoted.csv
    """
    from onrecord.record import queries

    if args.run_output:
        from onrecord.scale.stats import run_gender_shares, run_sourcing_shares

        gender, sourcing = run_gender_shares(args.run_output), run_sourcing_shares(args.run_output)
        result = queries.Stats(sum(g.people for g in gender), sum(r.statements for r in sourcing), 0, (), (),
                               tuple(gender), tuple(sourcing))
        if not (gender or sourcing):
            print(f"onrecord: {args.run_output} has no gender or sourcing: run it with --provenance",
                  file=sys.stderr)
    else:
        with _open(args, read_only=True) as store:
            result = queries.stats(store, outlet=args.outlet, since=args.since, until=args.until, top=args.top)
    if args.json:
        _json(result.to_dict())
        return 0
    if args.csv:
        if args.gender:
            _write_csv((r.to_dict() for r in result.gender), ["month", "outlet", "people", "women", "men", "unknown",
                                                              "women_share", "men_share", "unknown_share",
                                                              "women_of_gendered"])
        elif args.sourcing:
            rows = [r.to_dict() for r in result.sourcing]
            kinds = sorted({k for r in rows for k in r if k.startswith("kind_")})
            _write_csv(rows, ["outlet", "statements", "anonymous", "anonymous_with_reason", "anonymous_without_reason",
                              "relay_only", "single_source", "anonymous_share", "without_reason_share",
                              "relay_only_share", "single_source_share", *kinds])
        elif args.anonymous:
            _write_csv((r.to_dict() for r in result.anonymous), ["outlet", "anonymous", "total", "share"])
        else:
            _write_csv((r.to_dict() for r in result.quoted), ["month", "outlet", "speaker", "speaker_id", "kind",
                                                              "count", "share"])
        return 0
    from rich.table import Table

    console = _console()
    if args.run_output:
        console.print(f"{args.run_output}: {result.articles} people quoted, {result.attributions} statements")
    else:
        console.print(f"{result.articles} articles, {result.attributions} statements, {result.speakers} speakers")
    if not args.run_output:  # (a run has no speaker identity: who is quoted comes from the store)
        table = Table(title="Who is quoted, by outlet and month", title_justify="left")
        for column in ("month", "outlet", "speaker", "kind", "count", "share"):
            table.add_column(column, justify="right" if column in ("count", "share") else "left")
        for r in result.quoted:
            table.add_row(r.month or "(undated)", r.outlet or "(no outlet)", r.speaker, r.kind, str(r.count),
                          f"{r.share:.1%}")
        console.print(table)
        table = Table(title="Anonymous sources, by outlet", title_justify="left")
        for column in ("outlet", "anonymous", "statements", "share"):
            table.add_column(column, justify="left" if column == "outlet" else "right")
        for a in result.anonymous:
            table.add_row(a.outlet or "(no outlet)", str(a.anonymous), str(a.total), f"{a.share:.1%}")
        console.print(table)
    table = Table(title="People quoted, by gender (each person once per article)", title_justify="left")
    for column in ("month", "outlet", "people", "women", "men", "unknown", "women of known"):
        table.add_column(column, justify="left" if column in ("month", "outlet") else "right")
    for g in result.gender:
        table.add_row(g.month or "(undated)", g.outlet or "(no outlet)", str(g.people),
                      f"{g.women} ({g.share(g.women):.0%})", f"{g.men} ({g.share(g.men):.0%})",
                      f"{g.unknown} ({g.share(g.unknown):.0%})", f"{g.women_of_gendered:.1%}")
    console.print(table)
    table = Table(title="How each outlet sources its statements", title_justify="left")
    for column in ("outlet", "statements", "anonymous", "no reason given", "relayed only", "single source",
                   "people / orgs / documents / groups"):
        table.add_column(column, justify="left" if column == "outlet" else "right")
    for r in result.sourcing:
        k = r.kinds
        table.add_row(r.outlet or "(no outlet)", str(r.statements), f"{r.anonymous} ({r.share(r.anonymous):.0%})",
                      f"{r.anonymous - r.with_reason}", f"{r.relay_only} ({r.share(r.relay_only):.0%})",
                      f"{r.single_source} ({r.share(r.single_source):.0%})",
                      f"{k.get('person', 0)} / {k.get('organisation', 0)} / {k.get('document', 0)} / "
                      f"{k.get('group', 0)}")
    console.print(table)
    return 0


# --- export and import ---------------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    """Export the record: articles, attributions, speakers and flags as JSONL, CSV or Parquet, or Label Studio tasks.

    With -o DIR, writes DIR/articles.FORMAT, DIR/attributions.FORMAT, DIR/speakers.FORMAT and DIR/flags.FORMAT (the
    provenance flags, each with both statements in its data) (or only --table).
    With --table and no -o, JSONL or CSV goes to stdout. --quotations (the same as --table quotations) exports the
    direct-quotations view: one row per quoted part of each direct or mixed attribution, with its speaker.
    --format labelstudio writes one JSON file of tasks with the attributions as pre-annotations (content, source
    and cue spans); correct them in Label Studio and bring them back with `onrecord import-labels`.
    --label-config prints the labelling interface to create the project.

    Example:
      onrecord export --format parquet -o out/
      onrecord export --format csv --table attributions > attributions.csv
      onrecord export --quotations > quotations.jsonl
      onrecord export --format labelstudio --outlet "Harlow Ledger" --limit 50 -o tasks.json
    """
    from onrecord.record import export, labelstudio

    if args.label_config:
        print(labelstudio.LABEL_CONFIG, end="")
        return 0
    if args.quotations:
        if args.format == "labelstudio":
            raise OnrecordError("--quotations exports JSONL, CSV or Parquet, not Label Studio tasks")
        if args.table not in (None, "quotations"):
            raise OnrecordError(f"--quotations is the quotations table: it cannot be combined with --table "
                                f"{args.table}")
        args.table = "quotations"
    with _open(args, read_only=True) as store:
        if args.format == "labelstudio":
            ids = None
            if args.outlet or args.limit:
                where = " WHERE lower(outlet) = lower(?)" if args.outlet else ""
                ids = [int(i) for (i,) in store.rows(
                    f"SELECT id FROM articles{where} ORDER BY id" + (" LIMIT ?" if args.limit else ""),
                    [*([args.outlet] if args.outlet else []), *([args.limit] if args.limit else [])])]
            tasks = labelstudio.export_tasks(store, article_ids=ids)
            text = json.dumps(tasks, ensure_ascii=False, indent=1)
            if args.output and args.output != "-":
                export.write_file(Path(args.output), text)
                print(f"onrecord: wrote {len(tasks)} Label Studio tasks to {args.output}", file=sys.stderr)
            else:
                _to_stdout(lambda: print(text))
            return 0
        if args.output and args.output != "-":
            target = Path(args.output)
            if args.table and not target.is_dir():
                if not target.parent.is_dir():
                    raise OnrecordError("directory does not exist", document=str(target.parent))
                n = export.export_table(store, args.table, args.format, target)
                print(f"onrecord: wrote {n} {args.table} to {target}", file=sys.stderr)
                return 0
            counts = export.export_all(store, args.format, target, (args.table,) if args.table else
                                       export.DEFAULT_TABLES)
            print("onrecord: wrote " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" to {target}/",
                  file=sys.stderr)
            return 0
        if not args.table:
            raise OnrecordError("give -o DIR to export every table, or --table NAME to write one to stdout")
        if args.format == "parquet":
            raise OnrecordError("Parquet is binary: give an output directory or file with -o")
        _to_stdout(lambda: export.export_table(store, args.table, args.format, sys.stdout))
    return 0


def _to_stdout(write: Callable[[], Any]) -> None:
    """Run ``write`` (which writes to stdout) and flush; a failed write (a full disk, a closed pipe) is one clear
    error, and stdout is pointed at /dev/null so that Python does not fail again flushing it at exit ("Exception
    ignored ...")."""
    try:
        write()
        sys.stdout.flush()
    except OSError as exc:
        with contextlib.suppress(OSError, ValueError):  # (a stdout without a file descriptor: nothing to redirect)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        if isinstance(exc, BrokenPipeError):
            raise
        raise OnrecordError(f"cannot write: {exc.strerror or exc}", document="<stdout>") from None


def cmd_import_labels(args: argparse.Namespace) -> int:
    """Import attributions corrected in Label Studio (its JSON export of tasks from `onrecord export --format
    labelstudio`).

    Each annotated task replaces its article's attributions with the corrected ones, stored as corrected by a
    person (pipeline version "human"): reprocessing keeps them. Tasks without an annotation are left alone. The
    whole file is imported in one transaction; a malformed file changes nothing and the error says where.

    Example:
      onrecord import-labels project-1-export.json --db out/onrecord.db
    """
    from onrecord.record import labelstudio

    with _open(args) as store:
        result = labelstudio.import_tasks(store, Path(args.file))
    print(f"onrecord: imported {result.attributions} corrected attributions for {result.articles} articles; "
          f"{result.skipped_tasks} tasks without annotations left alone", file=sys.stderr)
    return 0


# --- registration --------------------------------------------------------------------------------------------------


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=_db_default(),
                        help="the store: a SQLite path or sqlite:///path, or postgresql://… "
                             "(default: $ONRECORD_DB, else onrecord.db)")


def _output(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print JSON")
    group.add_argument("--csv", action="store_true", help="print CSV")


def _dash_words_are_positional(parser: argparse.ArgumentParser) -> None:
    """Let ``onrecord search troops -trump`` read ``-trump`` as an excluded word rather than an unknown option.

    argparse reads an argument that starts with a dash as a positional only when it looks like a negative number
    and the parser has no option that does; here every single-dash word that is not one of the parser's own
    options (``-h``) is taken as one. ``--speaker`` and the other long options are unaffected."""
    if hasattr(parser, "_negative_number_matcher") and hasattr(parser, "_has_negative_number_optionals"):
        parser._negative_number_matcher = re.compile(r"^-[^-]")
    # (without these private attributes, `onrecord search -- -trump` still works)


def _count(text: str) -> int:
    """An argparse type: a whole number from 0 to a million (--limit, --top)."""
    from onrecord.record.queries import MAX_LIMIT

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{text} is not from 0 to {MAX_LIMIT:,}")
    return value


def _dates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive")
    parser.add_argument("--until", metavar="DATE", help="up to this date, inclusive")


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add the record's subcommands: ingest, reprocess, speakers, search, speaker, stats, export, import-labels."""
    p = add_command(sub, "ingest", cmd_ingest)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to ingest; '-' reads stdin")
    p.add_argument("--extracted", action="store_true",
                   help="the inputs are JSONL from `onrecord extract` (with text): store them without extracting")
    _db(p)

    p = add_command(sub, "reprocess", cmd_reprocess)
    p.add_argument("--all", action="store_true", help="re-extract every article, not only those of other versions")
    _db(p)

    p = add_command(sub, "speakers", cmd_speakers, settings=False)
    p.add_argument("action", nargs="?", choices=("list", "merge", "split", "relink", "gender"), help="default: list")
    p.add_argument("names", nargs="*", metavar="NAME", help="speakers (and for split, the mention)")
    p.add_argument("--name", help="split: the name of the speaker split off (default: the mention)")
    p.add_argument("--kind", choices=("person", "organisation"), help="list: only speakers of this kind")
    p.add_argument("--limit", type=_count, default=50, metavar="N", help="list: at most N speakers (default 50)")
    _output(p)
    _db(p)

    p = add_command(sub, "search", cmd_search, settings=False)
    p.add_argument("query", nargs="+", metavar="QUERY", help='words, "phrases", OR, -excluded (a word starting with '
                   "a dash is a query word, not an option; `--` before the query also says so)")
    _dash_words_are_positional(p)
    p.add_argument("--speaker", metavar="NAME", help="only statements of this speaker")
    p.add_argument("--outlet", metavar="NAME", help="only articles of this outlet")
    _dates(p)
    p.add_argument("--limit", type=_count, default=20, metavar="N", help="at most N results (default 20)")
    _output(p)
    _db(p)

    p = add_command(sub, "speaker", cmd_speaker, settings=False)
    p.add_argument("name", metavar="NAME", help="the speaker, as written in an article or #id")
    _dates(p)
    p.add_argument("--limit", type=_count, default=200, metavar="N",
                   help="at most N statements (default 200; 0: all)")
    _output(p)
    _db(p)

    p = add_command(sub, "stats", cmd_stats, settings=False)
    p.add_argument("--outlet", metavar="NAME", help="only this outlet")
    _dates(p)
    p.add_argument("--top", type=_count, default=10, metavar="N",
                   help="speakers shown per outlet and month (default 10)")
    p.add_argument("--anonymous", action="store_true", help="--csv: the anonymous-source table")
    p.add_argument("--gender", action="store_true", help="--csv: the people-quoted-by-gender table")
    p.add_argument("--sourcing", action="store_true", help="--csv: the sourcing table")
    p.add_argument("--run", dest="run_output", metavar="OUTDIR",
                   help="the gender and sourcing of a corpus run's output (onrecord run --provenance)")
    _output(p)
    _db(p)

    p = add_command(sub, "export", cmd_export, settings=False)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "labelstudio"), default="jsonl",
                   help="default: jsonl")
    p.add_argument("--table", choices=("articles", "attributions", "speakers", "flags", "quotations"),
                   help="only this table (quotations: the direct-quotations view, written only when asked for)")
    p.add_argument("--quotations", action="store_true",
                   help="the direct-quotations view: one row per quoted part of each direct or mixed attribution")
    p.add_argument("-o", "--output", metavar="OUT", help="a directory (every table), or a file")
    p.add_argument("--label-config", action="store_true", help="print the Label Studio labelling config and exit")
    p.add_argument("--outlet", metavar="NAME", help="labelstudio: only articles of this outlet")
    p.add_argument("--limit", type=_count, metavar="N", help="labelstudio: only the first N articles")
    _db(p)

    p = add_command(sub, "import-labels", cmd_import_labels, settings=False)
    p.add_argument("file", metavar="FILE", help="Label Studio JSON export")
    _db(p)
