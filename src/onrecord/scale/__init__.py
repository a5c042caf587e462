"""Corpus runs: many cores on one machine, or a Dask cluster; Parquet out.

- :func:`plan_shards` cuts inputs (WARC/WARC.gz, JSONL(.gz), directories of text/HTML) into :class:`Shard` values;
- :func:`process_shard` reads, extracts and writes one shard (``OUTDIR/articles/<shard>.parquet``,
  ``OUTDIR/attributions/<shard>.parquet``, then the marker ``OUTDIR/shards/<shard>.json``);
- :func:`run` does a whole run on local processes or a Dask cluster, resumes where a previous run stopped
  and writes ``OUTDIR/report.json``;
- :func:`read_output` gives back the :class:`onrecord.Extraction` values of an output directory.
"""

from onrecord.scale.options import RunOptions
from onrecord.scale.output import ARTICLES_SCHEMA, ATTRIBUTIONS_SCHEMA, OutputError, read_output
from onrecord.scale.plan import Shard, plan_shards
from onrecord.scale.runner import RunPlan, RunReport, run, run_dask, run_local
from onrecord.scale.shard import Failure, ShardResult, process_shard

__all__ = [
    "ARTICLES_SCHEMA",
    "ATTRIBUTIONS_SCHEMA",
    "Failure",
    "OutputError",
    "RunOptions",
    "RunPlan",
    "RunReport",
    "Shard",
    "ShardResult",
    "plan_shards",
    "process_shard",
    "read_output",
    "run",
    "run_dask",
    "run_local",
]
