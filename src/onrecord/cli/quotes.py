"""``onrecord quotes``: quote families — one quotation as many articles carried it, its root and how it changed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the families module brings DuckDB and pyarrow: loaded only when the command runs)
    from onrecord.analysis.families import Family, Variant


def _when(v: Variant) -> str:
    a = v.appearance
    return " · ".join(x for x in (a.published, a.outlet, a.speaker) if x) or a.key


def family_lines(family: Family, family_id: int | str | None = None, *, full: bool = True) -> list[str]:
    """A family as text: its root (first appearance), then every appearance with its changes."""
    head = f"#{family_id} " if family_id is not None else ""
    dangerous = f", {len(family.dangerous)} with a dangerous change" if family.dangerous else ""
    lines = [f"{head}{family.size} appearances in {len(family.outlets)} outlets{dangerous}",
             f"  first: {_when(family.members[0])}",
             f"    “{family.root.text}”"]
    if not full:
        return lines
    for v in family.members[1:]:
        changes = ", ".join(v.changes)
        lines.append(f"  {_when(v)} — {changes}")
        lines.append(f"    “{v.appearance.text}”")
        for d in v.dangerous:
            lines.append(f"    ⚠ {d.describe()}")
        if v.appearance.url:
            lines.append(f"    {v.appearance.url}")
    return lines


def cmd_quotes(args: argparse.Namespace) -> int:
    """Quote families: the same quotation carried by several articles, each family with its root (the earliest,
    then fullest, appearance), every appearance and how it differs from the root (truncated, extended, reworded),
    flagging dangerous changes: a negation lost or added, a number changed, another speaker credited.

    With no ID, lists the store's families, the most carried first (--speaker, --dangerous, --text filter them);
    with an ID, shows one family in full. --claimreview prints schema.org Claim objects (firstAppearance,
    appearance). --run OUTDIR groups the quotations of a corpus run's Parquet output instead of the store.
    --rebuild groups the store's quotations again first (ingest and reprocess do it themselves).

    Example:
      onrecord quotes --dangerous
      onrecord quotes 12 --claimreview
      onrecord quotes --run out/crawl --json > families.json
    """
    from onrecord.cli.record import _open

    if args.run_output:
        from onrecord.scale.families import run_families

        found: list[tuple[int | str | None, Family]] = [(None, f) for f in run_families(args.run_output)]
        if args.speaker:
            found = [(i, f) for i, f in found if f.speaker and args.speaker.lower() in f.speaker.lower()]
        if args.dangerous:
            found = [(i, f) for i, f in found if f.dangerous]
        found = found[: args.limit] if args.limit else found
    else:
        from onrecord.record.families import families, family, rebuild

        if args.rebuild:
            with _open(args) as store:
                n = rebuild(store)
            print(f"onrecord: {n} quote families in {store.url.display}", file=sys.stderr)
        with _open(args, read_only=True) as store:
            if args.id is not None:
                stored = [family(store, args.id)]
            else:
                stored = families(store, speaker=args.speaker, dangerous=args.dangerous, text=args.text,
                                  limit=args.limit or None)
        found = [(s.id, s.family) for s in stored]
    if args.claimreview:
        print(json.dumps([{**f.to_claimreview(), **({"identifier": f"onrecord-family-{i}"} if i is not None else {})}
                          for i, f in found], ensure_ascii=False, indent=2))
        return 0
    if args.json:
        print(json.dumps([{"family_id": i, **f.to_dict()} for i, f in found], ensure_ascii=False, indent=2))
        return 0
    if args.id is None:
        print(f"{len(found)} quote families")
    for k, (i, f) in enumerate(found):
        if k:
            print()
        print("\n".join(family_lines(f, i if i is not None else k + 1, full=args.id is not None or args.full)))
    return 0


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add the quotes command."""
    from onrecord.cli.record import _count, _db

    p = add_command(sub, "quotes", cmd_quotes, settings=False)
    p.add_argument("id", nargs="?", type=int, metavar="ID", help="show this family in full")
    p.add_argument("--speaker", metavar="NAME", help="only families said by NAME (as most articles credit it)")
    p.add_argument("--dangerous", action="store_true", help="only families with a dangerous change")
    p.add_argument("--text", metavar="WORDS", help="only families whose root contains these words")
    p.add_argument("--full", action="store_true", help="list every appearance of each family")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--claimreview", action="store_true", help="print schema.org Claim objects (ClaimReview)")
    p.add_argument("--run", dest="run_output", metavar="OUTDIR",
                   help="the families of a corpus run's output (onrecord run), not the store")
    p.add_argument("--rebuild", action="store_true", help="group the store's quotations again first")
    p.add_argument("--limit", type=_count, default=100, metavar="N", help="at most N families (default 100; 0: all)")
    _db(p)


__all__ = ["cmd_quotes", "family_lines", "register"]
