"""Store overhead of ingest: extraction alone against storing the same extractions, in the same run.

    .venv/bin/python bench/store_overhead.py [--input FILE.jsonl[.gz] ...] [--limit N] [--repeat 3] [--postgres]

Extracts the texts once with the public batch API (``onrecord.extract_many``), timing it, then stores those very
extractions ``--repeat`` times into fresh stores (``Store.add``: articles, attributions, speaker linking, FTS, one
transaction per batch of 32, as ``onrecord ingest`` does), timing each. Overhead = store time / (extraction time +
store time), i.e. the store's share of ingest time (best store round). Default texts: GGT dev + PolNeAR dev from
the shared data folder (``$ONRECORD_SHARED`` or ``../shared/data``), read at run time. With ``--postgres`` the
stores are also made on PostgreSQL (``$ONRECORD_TEST_PG``, else a throwaway server from the installed binaries).
Prints figures only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from onrecord.api import extract_many
from onrecord.eval.corpora import corpus_file
from onrecord.eval.run import iter_documents
from onrecord.record import open_store
from onrecord.settings import DEFAULT
from onrecord.types import Article, Extraction

DEFAULT_INPUTS = ("ggt/dev.jsonl", "polnear/dev.jsonl.gz")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", action="append", type=Path, help="FORMAT.md JSONL corpus (repeatable)")
    parser.add_argument("--limit", type=int, help="at most N documents")
    parser.add_argument("--repeat", type=int, default=3, help="store rounds (default 3)")
    parser.add_argument("--postgres", action="store_true", help="also measure a PostgreSQL store")
    args = parser.parse_args(argv)
    paths = args.input or [p for p in (corpus_file(r) for r in DEFAULT_INPUTS) if p]
    if not paths:
        print("no input: the shared corpora were not found; pass --input FILE or set ONRECORD_SHARED",
              file=sys.stderr)
        return 2
    articles = [Article(text=d["text"], id=d["id"]) for p in paths for d in iter_documents(p)][: args.limit]

    list(extract_many(articles[:4]))  # load the model outside the timing
    t0 = time.perf_counter()
    extractions = [e for e in extract_many(articles) if isinstance(e, Extraction)]
    extract_s = time.perf_counter() - t0
    n_attr = sum(len(e.attributions) for e in extractions)
    print(f"documents: {len(extractions)} from {', '.join(str(p) for p in paths)}; attributions: {n_attr}")
    print(f"extraction: {extract_s:.2f} s ({len(extractions) / extract_s:.1f} docs/s)")

    backends = ["sqlite"]
    server = None
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import pgserver

        server = pgserver.server()
        backends.append("postgresql")
    try:
        for backend in backends:
            rounds = []
            for n in range(args.repeat):
                with tempfile.TemporaryDirectory() as tmp:
                    url = f"{tmp}/bench.db" if backend == "sqlite" else server.database(f"bench_overhead_{n}")
                    with open_store(url) as store:
                        t0 = time.perf_counter()
                        result = store.add(extractions, batch_size=DEFAULT.batch_size)
                        rounds.append(time.perf_counter() - t0)
                        assert result.stored + result.duplicates == len(extractions)
            best = min(rounds)
            share = best / (extract_s + best)
            print(f"store ({backend}): best {best:.3f} s of {', '.join(f'{r:.3f}' for r in rounds)} "
                  f"({len(extractions) / best:.0f} docs/s, {n_attr / best:.0f} attributions/s); "
                  f"store share of ingest time: {share:.1%}")
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
