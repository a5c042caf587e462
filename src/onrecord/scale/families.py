"""Quote families of a corpus run's output: the quotations of ``OUTDIR/attributions/*.parquet`` (complete shards
only) with their articles' outlet and date, read by DuckDB straight from the Parquet files and grouped by
:func:`onrecord.analysis.families.quote_families`."""

from __future__ import annotations

import os
from collections.abc import Iterator

from onrecord.analysis.families import Appearance, Family, quote_families
from onrecord.scale.output import run_tables


def run_appearances(outdir: str | os.PathLike[str]) -> Iterator[Appearance]:
    """Every quoted part of the direct and mixed attributions of the run's complete shards, keyed
    ``<shard>/<doc_id>#<index>.<part>``. A run resumed across versions mixes shards with and without the quoted
    parts (the Parquet files are read by column name); a shard written before them has none."""
    with run_tables(outdir) as (con, shards, articles, attributions):
        columns = {row[0] for row in con.execute(
            "DESCRIBE SELECT * FROM read_parquet(?, union_by_name = true)", [attributions]).fetchall()}
        if "quoted" not in columns:  # every shard was written before attributions had their quoted parts
            return
        cur = con.execute(
            "SELECT t.shard, t.doc_id, t.\"index\", t.content_start, t.content_text, t.quoted, t.speaker, r.outlet,"
            " r.published, r.url, r.title"
            " FROM read_parquet(?, union_by_name = true) t"
            " JOIN read_parquet(?, union_by_name = true) r ON r.id = t.doc_id AND r.shard = t.shard"
            " WHERE t.type IN ('direct', 'mixed') AND len(t.quoted) > 0 AND list_contains(?, t.shard)"
            " ORDER BY t.shard, t.doc_id, t.\"index\"",
            [attributions, articles, shards])
        while rows := cur.fetchmany(10_000):
            for shard, doc_id, index, start, content, quoted, speaker, outlet, published, url, title in rows:
                for part, q in enumerate(quoted):
                    yield Appearance(f"{shard}/{doc_id}#{index}.{part}", content[q["start"] - start : q["end"] - start],
                                     speaker, outlet, published[:10] if published else None, url, doc_id, title)


def run_families(outdir: str | os.PathLike[str], *, min_size: int = 2) -> list[Family]:
    """The quote families of a corpus run's output."""
    return quote_families(run_appearances(outdir), min_size=min_size)


__all__ = ["run_appearances", "run_families"]
