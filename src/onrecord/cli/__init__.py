"""The command line: thin commands over the public API.

Each command reads its arguments, calls the library, and writes JSONL or a terminal rendering. Library errors
(:class:`onrecord.errors.OnrecordError`) are turned here into ``onrecord: <document>: <reason>`` on stderr and an
exit status. Settings flags map one to one onto :class:`onrecord.settings.Settings` fields.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
import tempfile
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from onrecord import __version__
from onrecord.errors import InputError, OnrecordError
from onrecord.settings import SettingError, Settings
from onrecord.types import Article, Attribution, Extraction

if TYPE_CHECKING:
    from rich.console import Console

Report = Callable[[OnrecordError], None]


# --- settings <-> flags ----------------------------------------------------------------------------------------


def settings_flag(name: str) -> str:
    """The command-line flag for a Settings field: ``max_chars`` -> ``--max-chars``."""
    return "--" + name.replace("_", "-")


_METAVARS = {int: "N", float: "X", str: "NAME"}


def _is_bool(hint: Any) -> bool:
    return hint is bool or set(typing.get_args(hint)) == {bool, type(None)}


def _add_settings_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("settings", "Each flag sets the Settings field of the same name.")
    hints = typing.get_type_hints(Settings)
    for field in dataclasses.fields(Settings):
        help = field.metadata.get("help", "")
        if field.default is not None:  # a None default is explained by the help text itself
            help += f" (default: {field.default!r})"
        hint = hints[field.name]
        if _is_bool(hint):
            group.add_argument(settings_flag(field.name), dest=field.name, action=argparse.BooleanOptionalAction,
                               default=None, help=help)
        else:
            base = next(a for a in (typing.get_args(hint) or (hint,)) if a is not type(None))
            group.add_argument(settings_flag(field.name), dest=field.name, type=base, default=None,
                               metavar=_METAVARS.get(base, "VALUE"), help=help)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings().with_(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Settings)})


# --- helpers -----------------------------------------------------------------------------------------------------


def _stdin() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)  # (none when a test puts a text stream there, or stdin is closed)
    return cast(IO[bytes], sys.stdin if buffer is None else buffer)


def _print_error(exc: OnrecordError) -> None:
    print(f"onrecord: {exc}", file=sys.stderr, flush=True)


def _articles(items: Iterable[Article | InputError], report: Report) -> Iterator[Article]:
    """Articles from ingest, reporting each unreadable document on the way."""
    for item in items:
        if isinstance(item, Article):
            yield item
        else:
            report(item)


@contextlib.contextmanager
def _progress(settings: Settings) -> Iterator[tuple[Callable[[int], None] | None, Report]]:
    """A progress callback and an error reporter; the bar shows on stderr only when it is a terminal."""
    show = settings.progress if settings.progress is not None else sys.stderr.isatty()
    if not show:
        yield None, _print_error
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("extract", total=None)

        def report(exc: OnrecordError) -> None:
            bar.console.print(f"onrecord: {exc}", markup=False, highlight=False, soft_wrap=True)

        yield (lambda n: bar.advance(task, n)), report


class _Output:
    """Where JSONL goes: stdout, or a file written atomically (temp file beside it, renamed on commit)."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path and path != "-" else None
        self.tmp: Path | None = None
        if self.path is None:
            self.stream: IO[str] = sys.stdout
        else:
            try:
                fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            except OSError as exc:
                raise OnrecordError(f"cannot write output: {exc.strerror}", document=str(self.path)) from None
            self.tmp = Path(tmp)
            self.stream = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 -- closed in commit/discard

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self.stream.flush()
        if self.tmp is not None and self.path is not None:
            os.fsync(self.stream.fileno())
            self.stream.close()
            from onrecord.record.export import new_file_mode

            os.chmod(self.tmp, new_file_mode(self.path))  # mkstemp makes it 0600
            os.replace(self.tmp, self.path)
            self.tmp = None

    def discard(self) -> None:
        if self.tmp is not None:
            self.stream.close()
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


# --- commands ----------------------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    """Find who said what in articles; write one JSON line per document.

    Reads .txt, .html/.htm and .jsonl files (each optionally .gz) and directories (recursively), or stdin
    when no path or "-" is given. Each output line has the document's id, metadata, text (unless --no-text)
    and its attributions, with character offsets into that text. A document that cannot be read or is
    refused is reported on stderr and skipped; the exit status is 1 only when no document was processed.
    With --quotations, writes instead one JSON line per quoted part of each direct or mixed attribution (the
    quoted words, their span, the speaker, cue, type, channel and confidence, and the document's id).

    Example:
      onrecord extract articles/ -o attributions.jsonl
      cat story.txt | onrecord extract --no-text --min-confidence 0.5
      onrecord extract articles/ --quotations -o quotations.jsonl
    """
    from onrecord.api import extract_many
    from onrecord.ingest import iter_inputs

    settings = _settings(args)
    if not args.paths and sys.stdin is not None and sys.stdin.isatty():
        print("onrecord: no input: give files or directories, or pipe text to stdin", file=sys.stderr)
        return 2
    done = failed = 0
    output = _Output(args.output)
    try:
        with _progress(settings) as (advance, report):

            def fail(exc: OnrecordError) -> None:
                nonlocal failed
                failed += 1
                report(exc)

            inputs = iter_inputs(args.paths, stdin=_stdin(), max_chars=settings.max_chars)
            results = extract_many(_articles(inputs, fail), settings=settings, on_error="yield", progress=advance)
            for result in results:
                if isinstance(result, OnrecordError):
                    fail(result)
                    continue
                if args.quotations:
                    for record in result.quotations():
                        output.write(record)
                else:
                    output.write(result.to_dict(include_text=not args.no_text))
                done += 1
        if done:
            output.commit()
    finally:
        output.discard()
    if not done:
        what = f"none of {failed} documents could be processed" if failed else "no documents found"
        print(f"onrecord: {what}", file=sys.stderr)
        return 1
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Show one article in the terminal with its attributions highlighted, then a table of them.

    Each speaker gets a colour: the content they are credited with is printed in it, the mention of the
    speaker in bold underline and the cue in italics. Reads a .txt, .html or .jsonl file (the first
    document, or the one given by --id) or stdin ("-").

    Example:
      onrecord show story.html
      onrecord show corpus.jsonl.gz --id doc-0042
    """
    from rich.console import Console

    from onrecord.api import extract_many
    from onrecord.ingest import iter_inputs

    settings = _settings(args)
    article = _pick(iter_inputs([args.path], stdin=_stdin(), max_chars=settings.max_chars), doc_id=args.id,
                    path=args.path)
    (result,) = extract_many([article], settings=settings, on_error="raise")
    assert isinstance(result, Extraction)
    render(result, Console(file=sys.stdout, highlight=False))
    return 0


def _pick(items: Iterable[Article | InputError], *, doc_id: str | None, path: str) -> Article:
    """The first article (or the one with ``doc_id``); errors met before it are reported on stderr."""
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        elif doc_id is None or item.id == doc_id:
            for error in errors:
                _print_error(error)
            return item
    if len(errors) == 1 and doc_id is None:  # the one document there is could not be read: say why
        raise errors[0]
    for error in errors:
        _print_error(error)
    reason = f"no document with id {doc_id!r}" if doc_id else "no readable document" if errors else "no documents found"
    raise InputError(reason, document=path)


_PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red",
            "bright_cyan", "bright_magenta", "bright_green", "bright_yellow", "bright_blue", "bright_red")


def _who(a: Attribution, text: str) -> str:
    return a.speaker or a.speaker_description or (a.source.of(text) if a.source else None) or "unknown"


def _snippet(s: str, width: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def render(extraction: Extraction, console: Console) -> None:
    """Print an extraction to a rich Console: metadata, highlighted text, a table of attributions, skips."""
    from rich.table import Table
    from rich.text import Text

    art, text = extraction.article, extraction.article.text
    colours: dict[str, str] = {}
    for a in extraction.attributions:
        colours.setdefault(_who(a, text), _PALETTE[len(colours) % len(_PALETTE)])

    console.print(Text(art.title or art.id or "(untitled)", style="bold"))
    meta = " · ".join(v for v in (art.outlet, art.author, art.published, art.url) if v)
    if meta:
        console.print(Text(meta, style="dim"))
    console.print()
    body = Text(text)
    for a in extraction.attributions:
        colour = colours[_who(a, text)]
        body.stylize(colour, a.content.start, a.content.end)
        if a.source:
            body.stylize(f"bold underline {colour}", a.source.start, a.source.end)
        if a.cue:
            body.stylize("bold italic", a.cue.start, a.cue.end)
    console.print(body)
    console.print()

    if not extraction.attributions:
        console.print("No attributions found.")
    else:
        table = Table(title=f"{len(extraction.attributions)} attributions", title_justify="left")
        for column in ("#", "type", "speaker", "cue", "medium", "via", "confidence", "content"):
            table.add_column(column, justify="right" if column in ("#", "confidence") else "left",
                             no_wrap=column in ("#", "type", "medium", "confidence"))
        for i, a in enumerate(extraction.attributions, 1):
            who = _who(a, text)
            speaker = Text(who, style=colours[who])
            if a.speaker_kind == "anonymous":
                speaker.append(" (anonymous)", style="dim")
            via = "; ".join(", ".join(v for v in (r.name, r.outlet) if v) or r.span.of(text) for r in a.via)
            table.add_row(str(i), a.type, speaker, a.cue.of(text) if a.cue else "", a.medium, via,
                          f"{a.confidence:.2f}", _snippet(a.content.of(text)))
        console.print(table)
    for s in extraction.skipped:
        where = f" at [{s.span.start}, {s.span.end})" if s.span else ""
        console.print(Text(f"skipped{where}: {s.reason}", style="dim"))


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against a gold corpus in the ../shared/data/FORMAT.md shape.

    Prints precision, recall and F1 for content (exact and overlap) and for content plus speaker.

    Example:
      onrecord eval ../shared/data/polnear/dev.jsonl.gz --limit 100
      onrecord eval ../shared/data/ggt/dev.jsonl --json > ggt-dev.json
      onrecord eval ../shared/data/ggt/dev.jsonl --types direct,mixed
      onrecord eval ../shared/data/polnear/train.jsonl.gz --scope all --speakers data/speakers/polnear-train.jsonl
      onrecord eval data/provenance --split dev
      onrecord eval data/sourcing/polnear-dev.jsonl
      onrecord eval data/quotes
      onrecord eval data/gender

    GOLD may also be a speaker-gender gold folder or file (doc_id, speaker, gender lines, as data/gender/): then the
    gold's articles are extracted and each person speaker's gender call is scored: accuracy where a gender is given,
    coverage, each basis alone (article evidence, first names), the share unknown; -v lists the wrong calls.

    GOLD may also be a provenance gold folder (articles-*.jsonl and gold-*.jsonl, as data/provenance/): then the
    reversal and conflict flags are scored (precision, recall, the rating), and the documents; --split picks the
    stories (dev, heldout: every fourth story, kept for the final measurement, or all). --scope defaults to all.

    GOLD may also be a file of sourcing labels (data/sourcing/*.jsonl, or a FORMAT.md file whose attributions carry
    anonymous, reason_given, relay_only, single_source and kind): then the sourcing signals are scored, end to end
    and on the gold spans (precision and recall per signal, kind accuracy, the match rate). --corpus names the
    corpus file holding the documents of a data/sourcing file (default: found in the shared folder by id).

    GOLD may also be a quote-family gold folder (data/quotes/): then the families of every quotation in PolNeAR
    train and dev are scored against the hand-verified ones (pairwise precision and recall, the earliest outlet,
    the dangerous changes); --split heldout scores the held-out sample (seeds from PolNeAR test) over train, dev
    and test.
    """
    from onrecord.eval import evaluate_file
    from onrecord.eval.gender import is_gender_gold
    from onrecord.eval.provenance import is_gold_folder

    settings = _settings(args)
    from onrecord.eval.families import is_families_gold
    from onrecord.eval.sourcing import is_sourcing_gold

    if is_families_gold(args.gold):
        from onrecord.eval.families import score as score_families

        fam = score_families(args.gold, split="heldout" if args.split == "heldout" else "dev")
        print(json.dumps(fam.to_dict(), indent=2, ensure_ascii=False) if args.json else "\n".join(fam.lines()))
        if args.verbose:
            print("missed pairs:", *fam.misses, sep="\n  ")
            print("false pairs:", *fam.false_alarms, sep="\n  ")
        return 0

    if is_sourcing_gold(args.gold):
        from onrecord.eval.sourcing import score as score_sourcing

        src = score_sourcing(args.gold, corpus=args.corpus, settings=settings if args.scope else
                             settings.with_(scope="all"))
        print(json.dumps(src.to_dict(), indent=2, ensure_ascii=False) if args.json else "\n".join(src.lines()))
        if args.verbose:
            print("end to end, wrong:", *src.end_to_end.misses, sep="\n  ")
            print("on gold spans, wrong:", *src.gold_spans.misses, sep="\n  ")
        return 0
    if is_gender_gold(args.gold):
        from onrecord.eval.gender import score as score_genders

        with _progress(settings) as (advance, _report):
            genders = score_genders(args.gold, settings=settings, limit=args.limit, progress=advance)
        print(json.dumps(genders.to_dict(), indent=2, ensure_ascii=False) if args.json else "\n".join(genders.lines()))
        if args.verbose:
            print("wrong:", *genders.wrong, sep="\n  ")
        return 0
    if is_gold_folder(args.gold):
        from onrecord.eval.provenance import score

        prov = score(args.gold, split=args.split, settings=settings if args.scope else settings.with_(scope="all"))
        print(json.dumps(prov.to_dict(), indent=2, ensure_ascii=False) if args.json else "\n".join(prov.lines()))
        if args.verbose:
            print("missed:", *prov.misses, sep="\n  ")
            print("false alarms:", *prov.false_alarms, sep="\n  ")
        return 0
    with _progress(settings) as (advance, _report):
        report = evaluate_file(args.gold, settings=settings, limit=args.limit, progress=advance,
                               speakers=args.speakers, types=args.types, quoted=args.quoted)
    print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.json else report.to_text())
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """List every setting with its flag, default and help.

    Example:
      onrecord settings
    """
    hints = typing.get_type_hints(Settings)
    for name, (default, help) in Settings.describe().items():
        flag = settings_flag(name)
        if _is_bool(hints[name]):
            flag += f" / --no-{flag[2:]}"
        print(f"{name}  ({flag}, default: {default!r})\n    {help}")
    return 0


# --- parser and entry point ----------------------------------------------------------------------------------------


def _add_command(sub: Any, name: str, func: Callable[[argparse.Namespace], int],
                 settings: bool = True) -> argparse.ArgumentParser:
    doc = func.__doc__ or ""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=doc.strip().splitlines()[0],
                                                     description=_dedent(doc),
                                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(run=func)
    if settings:
        _add_settings_flags(parser)
    return parser


def _types(value: str) -> frozenset[str]:
    """An argparse type: a comma-separated set of attribution types."""
    found = frozenset(t.strip() for t in value.split(",") if t.strip())
    unknown = found - {"direct", "mixed", "indirect", "unknown"}
    if not found or unknown:
        named = ", ".join(sorted(unknown)) or repr(value)
        raise argparse.ArgumentTypeError(f"not attribution types: {named} (direct, mixed, indirect, unknown)")
    return found


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a negative --limit scored nothing, silently)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _dedent(doc: str) -> str:
    import textwrap

    first, _, rest = doc.partition("\n")
    return (first + "\n" + textwrap.dedent(rest)).strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onrecord",
        description="Who said what in the news: quotations, speakers, channels and relay chains.",
        epilog="Example:\n  onrecord extract articles/ -o attributions.jsonl\n\n"
               "Run `onrecord COMMAND --help` for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    sub = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")

    p = _add_command(sub, "extract", cmd_extract)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' or none reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write JSONL here (atomically) instead of stdout")
    p.add_argument("--no-text", action="store_true", help="leave each document's text out of the output")
    p.add_argument("--quotations", action="store_true",
                   help="write one line per quoted part of each direct or mixed attribution instead (the "
                        "direct-quotations view)")

    p = _add_command(sub, "show", cmd_show)
    p.add_argument("path", metavar="PATH", help="a .txt, .html or .jsonl file, or '-' for stdin")
    p.add_argument("--id", help="in a JSONL file, the id of the document to show (default: the first)")

    p = _add_command(sub, "eval", cmd_eval)
    p.add_argument("gold", metavar="GOLD", help="gold corpus, .jsonl or .jsonl.gz, or a provenance gold folder")
    p.add_argument("--split", choices=("dev", "heldout", "all"), default="dev",
                   help="a provenance gold folder's stories to score (default: dev)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="with a provenance gold folder, list the missed gold flags and the false alarms")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--corpus", metavar="FILE",
                   help="with a sourcing gold file, the FORMAT.md corpus its doc_id values point into")
    p.add_argument("--limit", type=_positive, metavar="N", help="score only the first N documents")
    p.add_argument("--speakers", metavar="FILE",
                   help="resolved speaker names to lay over a gold corpus that has none (data/speakers/*.jsonl, or "
                        "the folder data/speakers/ for all its files pooled); only the documents FILE covers are "
                        "scored")
    p.add_argument("--types", type=_types, metavar="T,T",
                   help="score only attributions of these types, gold and predicted (direct, mixed, indirect, "
                        "unknown): --types direct,mixed scores the quotations")
    p.add_argument("--quoted", action="store_true",
                   help="score the quoted words themselves: one record per quoted part of each direct or mixed "
                        "attribution, gold and predicted (what extract --quotations writes)")

    _add_command(sub, "settings", cmd_settings, settings=False)

    # Commands of the other layers live in their own modules; each registers its subcommands here.
    from onrecord.cli import provenance, quotes, record, scale, web

    for module in (record, provenance, quotes, scale, web):
        module.register(sub, _add_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 1 failure, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else 2
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except SettingError as exc:  # a flag's value the settings refuse: a usage error, not a failure
        print(f"onrecord: {settings_flag(exc.name)}: {exc.reason}", file=sys.stderr)
        return 2
    except OnrecordError as exc:
        _print_error(exc)
        return 1
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # the reader went away (`onrecord extract | head`)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 1
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"onrecord: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("onrecord: interrupted", file=sys.stderr)
        return 130
