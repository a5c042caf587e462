"""Quote families at scale: a generated set of statements, clustered by ``onrecord.analysis.families``.

    .venv/bin/python bench/families.py [--sizes 100000 300000 1000000] [--seed 16] [--json]

The statements are made up: words drawn from a Zipf-like vocabulary of 50,000 invented words, quotations of 6 to
40 words; a third of them are versions of an earlier quotation (cut at either end, a word swapped, a negation
dropped or added, a number changed, another speaker credited), as news carries them. Each size runs in a fresh
process so that its peak memory is its own. Prints time, peak RSS, families and the share of planted versions
found in their quotation's family. Prints figures only: it never asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time


def generate(n: int, seed: int) -> tuple[list[tuple[str, str, str, str, str]], list[int]]:
    """``n`` statements (key, text, speaker, outlet, date) and, for each, the index of the quotation it is a
    version of (itself for an original)."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(50_000)]
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    speakers = [f"Person{i} Name{i}" for i in range(5_000)]
    outlets = [f"outlet{i}" for i in range(300)]
    originals: list[list[str]] = []
    origin: list[int] = []
    rows: list[tuple[str, str, str, str, str]] = []
    pool = rng.choices(vocab, weights, k=n * 25)
    pos = 0
    origin_of: list[int] = []  # for each original quotation, the statement that carries it first
    for i in range(n):
        day = f"2026-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        if originals and rng.random() < 1 / 3:
            j = rng.randrange(len(originals))
            words = list(originals[j])
            r = rng.random()
            if r < 0.4 and len(words) > 10:
                a = rng.randrange(0, len(words) // 4)
                words = words[a : len(words) - rng.randrange(0, len(words) // 4)]
            elif r < 0.6:
                words[rng.randrange(len(words))] = rng.choice(vocab)
            elif r < 0.7:
                words.insert(rng.randrange(len(words)), "not")
            elif r < 0.8:
                words.insert(rng.randrange(len(words)), str(rng.randrange(100)))
            speaker = speakers[j % len(speakers)] if rng.random() > 0.05 else rng.choice(speakers)
            origin.append(origin_of[j])
        else:
            k = rng.randrange(6, 41)
            words = pool[pos : pos + k]
            pos += k
            if pos > len(pool) - 50:
                pos = 0
            originals.append(words)
            origin_of.append(i)
            speaker = speakers[(len(originals) - 1) % len(speakers)]
            origin.append(i)
        rows.append((f"s{i}", " ".join(words), speaker, rng.choice(outlets), day))
    return rows, origin


def run_one(n: int, seed: int) -> dict[str, float]:
    from onrecord.analysis.families import Appearance, quote_families

    rows, origin = generate(n, seed)
    generated_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    families = quote_families(Appearance(k, t, s, o, d) for k, t, s, o, d in rows)
    seconds = time.perf_counter() - started
    family_of = {m.appearance.key: f.id for f in families for m in f.members}
    planted = [(i, o) for i, o in enumerate(origin) if i != o and len(rows[i][1].split()) >= 5]
    found = sum(1 for i, o in planted if f"s{i}" in family_of and family_of[f"s{i}"] == family_of.get(f"s{o}"))
    return {"statements": n, "seconds": round(seconds, 1), "peak_rss_mib": round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "generated_rss_mib": round(generated_mib, 1),
        "families": len(families),
        "members": sum(f.size for f in families), "planted_versions": len(planted),
        "found_with_original": round(found / max(1, len(planted)), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if not args.json:
            r = results[-1]
            print(f"{r['statements']:>9,} statements: {r['seconds']:>7.1f} s, peak RSS {r['peak_rss_mib']:>7.1f} MiB "
                  f"(the generated statements alone: {r['generated_rss_mib']:.0f} MiB), "
                  f"{r['families']:,} families ({r['members']:,} members); planted versions found with their "
                  f"original: {r['found_with_original']:.1%} of {r['planted_versions']:,}", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
