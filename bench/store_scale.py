"""Query latency on a large generated store: full-text search and speaker timelines.

    .venv/bin/python bench/store_scale.py [--attributions 1000000] [--backend sqlite|postgresql|both]
                                          [--queries 500] [--db PATH_OR_URL] [--keep]

Generates a store of synthetic articles (deterministic, seed 7): ``--attributions`` statements, ten per article,
by 20,000 invented people and 200 organisations in 40 outlets over three years; the words are drawn from a
Zipf-like distribution over 30,000 generated words plus a few hundred common English words, so term frequencies
look like text. It is filled through the public ``Store.add`` (speaker linking, FTS, one transaction per batch),
then measures:

- search: ``queries.search``, top 20 with snippets, three sets: 2-word queries taken from stored statements
  (words outside the 150 most frequent; a quarter with an outlet or date filter); 2 frequent topical words
  ("withdraw troops", "budget vote"); 1 frequent topical word (thousands of matches to rank);
- timeline: ``queries.timeline`` of random speakers (default limit 200 statements).

Prints p50, p95 and max in milliseconds over ``--queries`` of each, after 20 warm-up queries. With ``--db`` an
existing generated store is reused (no generation). Prints figures only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

from onrecord.record import Store, open_store, queries
from onrecord.types import Article, Attribution, CharSpan, Extraction

COMMON = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they "
    "which one you were her all she there would their we him been has when who will more no if out so said what up "
    "its about into than them can only other new some could time these two may then do first any my now such like "
    "our over man me even most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world still own see men work "
    "long get here between both life being under never day same another know while last might us great old year "
    "off come since against go came right used take three troops withdraw letter border plan vote budget council "
    "minister government court ruling harbour contract ferry bridge election tax health school police war peace "
    "talks deal trade union strike price market bank rate water road city army law report"
).split()


def vocabulary(rng: random.Random, n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10))))
    return sorted(words)


def generate(n_attributions: int, seed: int = 7):
    rng = random.Random(seed)
    vocab = COMMON + vocabulary(rng, 30_000)
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(vocab))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    firsts = [w.title() for w in vocabulary(rng, 3000)]
    lasts = [w.title() for w in vocabulary(rng, 8000)]
    people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(20_000)})
    orgs = [f"{rng.choice(lasts)} {rng.choice(['Ministry', 'Council', 'Authority', 'Party', 'Union'])}"
            for _ in range(200)]
    outlets = [f"{rng.choice(lasts)} {rng.choice(['Ledger', 'Courier', 'Star', 'Times', 'Herald'])}"
               for _ in range(40)]
    media = ["statement", "remarks", "interview", "post", "letter", "unknown"]

    def sentence() -> str:
        words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(8, 22))
        return " ".join(words)

    n_articles = n_attributions // 10
    for i in range(n_articles):
        day = 1 + rng.randrange(3 * 365)
        published = f"{2020 + (day - 1) // 365}-{1 + ((day - 1) % 365) // 31:02d}-{1 + ((day - 1) % 365) % 28:02d}"
        parts: list[str] = []
        attributions = []
        pos = 0
        for _ in range(10):
            roll = rng.random()
            if roll < 0.8:
                speaker, kind, description = rng.choice(people), "person", None
            elif roll < 0.9:
                speaker, kind, description = rng.choice(orgs), "organisation", None
            else:
                speaker, kind, description = None, "anonymous", "a senior official"
            who = speaker or description or ""
            words = sentence()
            lead = f"{who} said "
            chunk = f"{lead}{words}. "
            parts.append(chunk)
            attributions.append(Attribution(
                content=CharSpan(pos + len(lead), pos + len(lead) + len(words)),
                source=CharSpan(pos, pos + len(who)), cue=CharSpan(pos + len(who) + 1, pos + len(who) + 5),
                speaker=speaker, speaker_kind=kind, speaker_description=description, type="indirect",
                medium=rng.choice(media), confidence=0.8))
            pos += len(chunk)
        yield Extraction(article=Article(text="".join(parts), id=f"gen-{i}", outlet=rng.choice(outlets),
                                         published=published, url=f"https://gen.example/{i}"),
                         attributions=tuple(attributions), pipeline_version="bench", model="synthetic")


def measure(store: Store, n_queries: int, seed: int = 11) -> dict[str, list[float]]:
    rng = random.Random(seed)
    max_id = int(store.one("SELECT max(id) FROM attributions")[0])
    common = set(COMMON[:150])
    outlets = [o for (o,) in store.rows("SELECT DISTINCT outlet FROM articles LIMIT 40")]
    speakers = [n for (n,) in store.rows("SELECT name FROM speakers WHERE kind = 'person' ORDER BY id LIMIT 20000")]
    search_args = []
    while len(search_args) < n_queries + 20:
        row = store.one("SELECT content_text FROM attributions WHERE id = ?", (rng.randint(1, max_id),))
        if not row:
            continue
        words = [w for w in row[0].split() if w not in common]
        if len(words) < 2:
            continue
        kwargs = {}
        roll = rng.random()
        if roll < 0.125:
            kwargs["outlet"] = rng.choice(outlets)
        elif roll < 0.25:
            kwargs["since"] = f"{rng.choice([2020, 2021, 2022])}-{rng.randint(1, 12):02d}"
        search_args.append((" ".join(rng.sample(words, 2)), kwargs))
    topical = COMMON[COMMON.index("troops"):]
    topical_args = [(" ".join(rng.sample(topical, 2)), {}) for _ in range(n_queries + 20)]
    single_args = [(rng.choice(topical), {}) for _ in range(n_queries + 20)]
    timings: dict[str, list[float]] = {"search": [], "search_topical": [], "search_one_word": [], "timeline": []}
    hits: dict[str, list[int]] = {"search": [], "search_topical": [], "search_one_word": []}
    for label, args in (("search", search_args), ("search_topical", topical_args),
                        ("search_one_word", single_args)):
        for n, (query, kwargs) in enumerate(args):
            t0 = time.perf_counter()
            found = queries.search(store, query, **kwargs)
            if n >= 20:
                timings[label].append((time.perf_counter() - t0) * 1000)
                hits[label].append(len(found))
    for label, counts in hits.items():
        print(f"[{store.backend}] {label}: {sum(1 for c in counts if c) / len(counts):.0%} of queries found "
              f"something, {statistics.mean(counts):.1f} results on average (top 20)")
    names = rng.sample(speakers, min(len(speakers), n_queries + 20))
    for n, name in enumerate(names):
        t0 = time.perf_counter()
        queries.timeline(store, f"{name}")
        if n >= 20:
            timings["timeline"].append((time.perf_counter() - t0) * 1000)
    return timings


def report(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)]
    return f"{label}: p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms ({len(ms)} queries)"


def run(url: str, n_attributions: int, n_queries: int, fill: bool) -> None:
    with open_store(url) as store:
        if fill:
            t0 = time.perf_counter()
            result = store.add(generate(n_attributions), batch_size=1000)
            took = time.perf_counter() - t0
            print(f"[{store.backend}] generated {result.stored:,} articles, {result.attributions:,} attributions in "
                  f"{took:.0f} s ({result.attributions / took:,.0f} attributions/s)", flush=True)
            if store.backend == "postgresql":
                store.execute("ANALYZE")
        count = store.attribution_count()
        speakers = store.one("SELECT count(*) FROM speakers")[0]
        print(f"[{store.backend}] store: {count:,} attributions, {speakers:,} speakers", flush=True)
        timings = measure(store, n_queries)
        print(f"[{store.backend}] {report('search (2 words from a statement)', timings['search'])}")
        print(f"[{store.backend}] {report('search (2 frequent topical words)', timings['search_topical'])}")
        print(f"[{store.backend}] {report('search (1 frequent topical word)', timings['search_one_word'])}")
        print(f"[{store.backend}] {report('timeline', timings['timeline'])}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributions", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--db", help="reuse this generated store (no generation)")
    parser.add_argument("--keep", action="store_true", help="keep the generated SQLite file (printed)")
    parser.add_argument("--pg-shared-buffers", metavar="SIZE",
                        help="shared_buffers of the throwaway PostgreSQL server (default: PostgreSQL's, 128MB)")
    args = parser.parse_args(argv)
    if args.db:
        run(args.db, args.attributions, args.queries, fill=False)
        return 0
    if args.backend in ("sqlite", "both"):
        tmp = Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
        path = tmp / "bench.db"
        try:
            run(str(path), args.attributions, args.queries, fill=True)
            print(f"[sqlite] file size: {sum(p.stat().st_size for p in tmp.iterdir()) / 2**20:,.0f} MiB")
        finally:
            if args.keep:
                print(f"kept {path}")
            else:
                for p in tmp.iterdir():
                    p.unlink()
                tmp.rmdir()
    if args.backend in ("postgresql", "both"):
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import pgserver

        try:
            server = pgserver.server({"shared_buffers": args.pg_shared_buffers} if args.pg_shared_buffers else None)
        except pgserver.Unavailable as exc:
            print(f"[postgresql] skipped: {exc}")
            return 0
        try:
            run(server.database("bench_scale"), args.attributions, args.queries, fill=True)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
