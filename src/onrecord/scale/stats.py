"""Who gets quoted and how each outlet sources its news, over a corpus run's Parquet output (``onrecord run
--provenance`` writes each article's speaker genders and each attribution's sourcing; runs without it have
neither, and every share is then of nothing). Read by DuckDB straight from the Parquet files of the complete
shards, in the shapes of :mod:`onrecord.record.gender`'s store figures.

A run has no speaker identity across articles, so each person counts once per article with that article's call
(its own evidence first, then the first name); the store combines the calls of all a speaker's articles.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict

from onrecord.record.gender import GenderRow, SourcingRow
from onrecord.scale.output import run_tables


def run_gender_shares(outdir: str | os.PathLike[str]) -> list[GenderRow]:
    """Per month and outlet, the people quoted (each person speaker once per article) by gender."""
    counts: dict[tuple[str | None, str | None], Counter[str]] = defaultdict(Counter)
    with run_tables(outdir) as (con, shards, articles, _attributions):
        cur = con.execute(
            "SELECT substr(published, 1, 7), outlet, genders FROM read_parquet(?, union_by_name = true)"
            " WHERE genders IS NOT NULL AND list_contains(?, shard)", [articles, shards])
        while rows := cur.fetchmany(10_000):
            for month, outlet, genders in rows:
                for call in json.loads(genders).values():
                    counts[(month, outlet)][call.get("label", "unknown")] += 1
    return [GenderRow(m, o, c["woman"], c["man"], c["unknown"]) for (m, o), c in
            sorted(counts.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1] or ""))]


def run_sourcing_shares(outdir: str | os.PathLike[str]) -> list[SourcingRow]:
    """Per outlet, how the run's statements are sourced, counted by DuckDB from the JSON of each."""
    with run_tables(outdir) as (con, shards, articles, attributions):
        rows = con.execute(
            "SELECT r.outlet, count(*),"
            " sum(CAST(json_extract(t.sourcing, '$.anonymous') AS BOOLEAN)::INT),"
            " sum((CAST(json_extract(t.sourcing, '$.anonymous') AS BOOLEAN)"
            "      AND json_extract(t.sourcing, '$.reason') IS NOT NULL"
            "      AND json_type(t.sourcing, '$.reason') <> 'NULL')::INT),"
            " sum(CAST(json_extract(t.sourcing, '$.relay_only') AS BOOLEAN)::INT),"
            " sum(CAST(json_extract(t.sourcing, '$.single_source') AS BOOLEAN)::INT),"
            " list(json_extract_string(t.sourcing, '$.kind'))"
            " FROM read_parquet(?, union_by_name = true) t"
            " JOIN read_parquet(?, union_by_name = true) r ON r.id = t.doc_id AND r.shard = t.shard"
            " WHERE t.sourcing IS NOT NULL AND list_contains(?, t.shard) GROUP BY r.outlet ORDER BY r.outlet",
            [attributions, articles, shards]).fetchall()
    return [SourcingRow(o, int(n), int(anon or 0), int(reason or 0), int(relay or 0), int(single or 0),
                        dict(Counter(kinds))) for o, n, anon, reason, relay, single, kinds in rows]


__all__ = ["run_gender_shares", "run_sourcing_shares"]
