"""Load test of the web app: a real uvicorn server (``onrecord serve``) on loopback over a large generated store.

    .venv/bin/python bench/web_load.py [--articles 100000] [--per-article 10] [--backend sqlite|postgresql|both]
                                       [--clients 16] [--duration 60] [--max-requests 500000] [--workers 2]
                                       [--db URL | --store-cache DIR]

Generates a store quickly by bulk inserts into the store's own schema (no spaCy, no speaker linking: the rows
are made with their speakers already linked): ``--articles`` articles of ``--per-article`` statements each, by
20,000 invented people and 200 organisations (a Zipf-like share of statements: a few are quoted very often),
in 40 outlets over three years, with words drawn from a Zipf-like distribution (bench/store_scale.py's
vocabulary). Then starts ``onrecord serve --workers N`` on 127.0.0.1 and runs ``--clients`` concurrent clients
(threads with keep-alive connections) for ``--duration`` seconds (and at most ``--max-requests``), each request
one of:

- article view: ``/articles/ID`` of a random article (the highlighted page);
- speaker page: ``/speakers/ID`` of a random speaker who has statements (uniform over speakers);
- search: ``/search?q=...``: two words of a random stored statement, or one frequent topical word.

Prints, per kind: requests, errors, p50/p95/p99/max latency in ms, against the targets (article p95 < 100 ms,
speaker p95 < 150 ms, search p95 < 250 ms, no errors), and the machine's load average. Figures only, no
assertions. With ``--db`` an existing generated store is reused; with ``--store-cache DIR`` the generated stores
are kept in DIR (a SQLite file, and a PostgreSQL cluster started for the run and stopped after it) and reused by
the next run of the same size.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from onrecord.analysis.identity import parse_name
from onrecord.record import Store, open_store
from onrecord.record.store import POSTGRES
from store_scale import COMMON, vocabulary

TARGETS = {"article": 100.0, "speaker": 150.0, "search": 250.0}
MEDIA = ["statement", "remarks", "interview", "post", "letter", "press_conference", "unknown"]


# --- generation ------------------------------------------------------------------------------------------------


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def generate(store: Store, n_articles: int, per_article: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    vocab = COMMON + vocabulary(rng, 30_000)
    word_weights = _cumulative([1.0 / (rank + 1) ** 1.05 for rank in range(len(vocab))])
    firsts = [w.title() for w in vocabulary(rng, 3000)]
    lasts = [w.title() for w in vocabulary(rng, 8000)]
    people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(20_000)})
    orgs = sorted({f"{rng.choice(lasts)} {rng.choice(['Ministry', 'Council', 'Authority', 'Party', 'Union'])}"
                   for _ in range(200)})
    outlets = [f"{rng.choice(lasts)} {rng.choice(['Ledger', 'Courier', 'Star', 'Times', 'Herald'])}"
               for _ in range(40)]
    now = "2030-01-01T00:00:00+00:00"
    speakers = [("person", p) for p in people] + [("organisation", o) for o in orgs]
    rng.shuffle(speakers)  # popularity (below) is by position: shuffle so it is not alphabetical
    speaker_rows, alias_rows = [], []
    for sid, (kind, name) in enumerate(speakers, 1):
        parsed = parse_name(name, kind)
        assert parsed is not None
        speaker_rows.append((sid, parsed.display, kind, parsed.key, parsed.first, parsed.last, now))
        alias_rows.append((parsed.key, sid, parsed.display))
    speaker_weights = _cumulative([1.0 / (rank + 20) for rank in range(len(speakers))])
    t0 = time.perf_counter()
    pg = store.backend == POSTGRES
    with store.transaction():
        store.executemany("INSERT INTO speakers (id, name, kind, key, first, last, created_at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)", speaker_rows)
        store.executemany("INSERT INTO speaker_aliases (key, speaker_id, alias) VALUES (?, ?, ?)", alias_rows)
    if pg:  # the GIN index is built once at the end, not row by row
        store.execute("DROP INDEX IF EXISTS attributions_content_tsv")

    def sentence() -> str:
        return " ".join(rng.choices(vocab, cum_weights=word_weights, k=rng.randint(8, 22)))

    articles, attributions = [], []
    next_attribution = 1

    def flush() -> None:
        with store.transaction():
            if pg:
                _copy(store, "articles", ARTICLE_COLUMNS, articles)
                _copy(store, "attributions", ATTRIBUTION_COLUMNS, attributions)
            else:
                store.executemany(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
                                  f"({', '.join('?' for _ in ARTICLE_COLUMNS)})", articles)
                store.executemany(f"INSERT INTO attributions ({', '.join(ATTRIBUTION_COLUMNS)}) VALUES "
                                  f"({', '.join('?' for _ in ATTRIBUTION_COLUMNS)})", attributions)
        articles.clear()
        attributions.clear()

    for article_id in range(1, n_articles + 1):
        day = rng.randrange(3 * 365)
        published = f"{2028 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + (day % 365) % 28:02d}"
        outlet = rng.choice(outlets)
        title = " ".join(rng.choices(vocab[:600], k=rng.randint(4, 9))).capitalize()
        parts, pos = [title + "\n\n"], len(title) + 2
        rows = []
        for ordinal in range(per_article):
            roll = rng.random()
            if roll < 0.9:
                sid = rng.choices(range(1, len(speakers) + 1), cum_weights=speaker_weights)[0]
                kind, name = speakers[sid - 1]
                speaker, description = name, None
            else:
                sid, kind, speaker, description = None, "anonymous", None, "a senior official"
            who = speaker or description or ""
            words = sentence()
            if rng.random() < 0.4:  # “words,” Who said.
                chunk = f"\u201c{words},\u201d {who} said. "
                content = (pos + 1, pos + 1 + len(words) + 1)
                source = (pos + len(words) + 4, pos + len(words) + 4 + len(who))
                cue = (source[1] + 1, source[1] + 5)
                kind_of = "direct"
            else:  # Who said words.
                chunk = f"{who} said {words}. "
                source = (pos, pos + len(who))
                cue = (source[1] + 1, source[1] + 5)
                content = (cue[1] + 1, cue[1] + 1 + len(words))
                kind_of = "indirect"
            parts.append(chunk + ("\n\n" if ordinal % 3 == 2 else ""))
            rows.append((next_attribution, article_id, ordinal, content[0], content[1], source[0], source[1],
                         cue[0], cue[1], chunk[content[0] - pos:content[1] - pos], who, "said", speaker,
                         kind, description, parse_name(speaker, kind).key if speaker else None, sid,  # type: ignore[union-attr]
                         kind_of, rng.choice(MEDIA), "speech", "[]", round(rng.uniform(0.5, 0.99), 3), "bench",
                         "synthetic", 0, published, now))
            next_attribution += 1
            pos += len(parts[-1])
        text = "".join(parts)
        for r in rows:
            assert text[r[3]:r[4]] == r[9]
        articles.append((article_id, f"gen-{article_id}", f"https://gen.example/{article_id}",
                         hashlib.sha256(text.encode()).hexdigest(), title, outlet, None, published, published,
                         text, "[]", "bench", "synthetic", 0, now, now))
        attributions.extend(rows)
        if len(articles) >= 2000:
            flush()
            done = article_id / n_articles
            print(f"\r  generating: {done:.0%} ({time.perf_counter() - t0:.0f} s)", end="", file=sys.stderr,
                  flush=True)
    flush()
    if pg:
        for table in ("speakers", "articles", "attributions"):
            store.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        store.execute("CREATE INDEX attributions_content_tsv ON attributions USING GIN (content_tsv)")
        # as a store in use would be: visibility map and hint bits set, so that autovacuum does not start on the
        # freshly loaded million rows in the middle of the measurement
        store.execute("VACUUM (ANALYZE)")
    else:
        store.execute("ANALYZE")
    print(f"\r  generated {n_articles:,} articles, {next_attribution - 1:,} attributions, {len(speakers):,} "
          f"speakers in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)


ARTICLE_COLUMNS = ["id", "doc_id", "url", "content_hash", "title", "outlet", "author", "published", "published_on",
                   "text", "skipped", "pipeline_version", "model", "human_reviewed", "ingested_at", "extracted_at"]
ATTRIBUTION_COLUMNS = ["id", "article_id", "ordinal", "content_start", "content_end", "source_start", "source_end",
                       "cue_start", "cue_end", "content_text", "source_text", "cue_text", "speaker", "speaker_kind",
                       "speaker_description", "speaker_key", "speaker_id", "type", "medium", "cue_kind", "via",
                       "confidence", "pipeline_version", "model", "human_corrected", "published_on", "created_at"]


def _copy(store: Store, table: str, columns: list[str], rows: list[tuple[object, ...]]) -> None:
    with store.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# --- the load ----------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def targets(store: Store, n: int, seed: int = 11) -> dict[str, list[str]]:
    rng = random.Random(seed)
    max_article = int(store.one("SELECT max(id) FROM articles")[0])  # type: ignore[index]
    max_attribution = int(store.one("SELECT max(id) FROM attributions")[0])  # type: ignore[index]
    speaker_ids = [int(i) for (i,) in store.rows("SELECT DISTINCT speaker_id FROM attributions"
                                                 " WHERE speaker_id IS NOT NULL")]
    common = set(COMMON[:150])
    topical = COMMON[COMMON.index("troops"):]
    queries = []
    while len(queries) < n:
        if rng.random() < 0.25:
            queries.append(rng.choice(topical))
            continue
        row = store.one("SELECT content_text FROM attributions WHERE id = ?", (rng.randint(1, max_attribution),))
        words = [w for w in (row[0] if row else "").split() if w not in common]
        if len(words) >= 2:
            queries.append(" ".join(rng.sample(words, 2)))
    return {"article": [f"/articles/{rng.randint(1, max_article)}" for _ in range(n)],
            "speaker": [f"/speakers/{rng.choice(speaker_ids)}" for _ in range(n)],
            "search": [f"/search?q={quote(q)}" for q in queries]}


def load(port: int, paths: dict[str, list[str]], *, clients: int, duration: float, max_requests: int,
         seed: int = 5) -> tuple[dict[str, list[float]], dict[str, int], float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    count = [0]
    stop = time.monotonic() + duration
    kinds = list(paths)

    def client(n: int) -> None:
        rng = random.Random(seed + n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            kind = rng.choice(kinds)
            path = rng.choice(paths[kind])
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies[kind].append(ms)
                if not ok:
                    errors[kind] += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def serve(url: str, port: int, readers: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """``onrecord serve`` in a process of its own (uvicorn, access log off as by default)."""
    exe = shutil.which("onrecord", path=str(Path(sys.executable).parent)) or "onrecord"
    process = subprocess.Popen([exe, "serve", "--db", url, "--port", str(port), "--readers", str(readers),
                                "--workers", str(workers), "--log-level", "warning"], stderr=subprocess.PIPE)
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                stderr = process.stderr.read().decode() if process.stderr else ""
                raise SystemExit(f"the server did not start: {stderr[-2000:]}") from None
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start within 60 s")


def run(url: str, args: argparse.Namespace, fill: bool) -> dict[str, object]:
    with open_store(url) as store:
        if fill:
            generate(store, args.articles, args.per_article)
        n_articles, n_attributions = store.article_count(), store.attribution_count()
        n_speakers = int(store.one("SELECT count(*) FROM speakers")[0])  # type: ignore[index]
        backend = store.backend
        paths = targets(store, 3000)
    port = _free_port()
    server = serve(url, port, args.readers, args.workers)
    try:
        warm = {k: v[:100] for k, v in paths.items()}
        load(port, warm, clients=args.clients, duration=10, max_requests=300)  # warm the caches and the pool
        latencies, errors, took = load(port, paths, clients=args.clients, duration=args.duration,
                                       max_requests=args.max_requests)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    total = sum(len(v) for v in latencies.values())
    print(f"[{backend}] store: {n_articles:,} articles, {n_attributions:,} attributions, {n_speakers:,} speakers")
    print(f"[{backend}] {args.clients} clients for {took:.0f} s, {args.workers} server process"
          f"{'es' if args.workers != 1 else ''}: {total:,} requests ({total / took:,.0f}/s), "
          f"{sum(errors.values())} errors; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores")
    summary: dict[str, object] = {"backend": backend, "articles": n_articles, "attributions": n_attributions,
                                  "clients": args.clients, "workers": args.workers, "seconds": round(took, 1),
                                  "requests": total, "load_average": round(os.getloadavg()[0], 1)}
    for kind, target in TARGETS.items():
        ms = latencies.get(kind) or [float("nan")]
        p95 = percentile(ms, 95)
        verdict = "meets" if p95 < target and not errors.get(kind) else "MISSES"
        print(f"[{backend}] {kind:8s} {len(ms):6,} requests, {errors.get(kind, 0)} errors: p50 "
              f"{statistics.median(ms):6.1f} ms, p95 {p95:6.1f} ms, p99 {percentile(ms, 99):6.1f} ms, max "
              f"{max(ms):6.1f} ms  ({verdict} the p95 target of {target:.0f} ms)", flush=True)
        summary[kind] = {"requests": len(ms), "errors": errors.get(kind, 0), "p50": round(statistics.median(ms), 1),
                         "p95": round(p95, 1), "p99": round(percentile(ms, 99), 1), "max": round(max(ms), 1)}
    return summary


class KeptCluster:
    """A PostgreSQL cluster kept in a folder between runs (Debian's binaries, as tests/pgserver.py starts them):
    created there once, started for a run on a unix socket in the folder and stopped after it."""

    def __init__(self, root: Path, settings: dict[str, str]) -> None:
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
        found = shutil.which("initdb")
        if not found and not candidates:
            raise RuntimeError("no PostgreSQL binaries (initdb) found")
        self.bin = Path(found).resolve().parent if found else candidates[0].parent
        self.root = root.resolve()
        self.user = "postgres" if os.geteuid() == 0 else None
        self.root.mkdir(parents=True, exist_ok=True)
        if self.user:
            shutil.chown(self.root, self.user)
        data = self.root / "data"
        if not (data / "PG_VERSION").exists():
            shutil.rmtree(data, ignore_errors=True)
            self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        self.port = 40000 + int(hashlib.sha256(str(self.root).encode()).hexdigest(), 16) % 20000
        opts = (f"-c listen_addresses='' -c unix_socket_directories='{self.root}' -p {self.port} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off"
                + "".join(f" -c {k}={v}" for k, v in settings.items()))
        self._run("pg_ctl", "-D", str(data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "60", "start")
        self.url = f"postgresql://postgres@/postgres?host={self.root}&port={self.port}"

    def _run(self, tool: str, *args: str) -> None:
        argv = [str(self.bin / tool), *args]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=180)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {(result.stderr or result.stdout).strip()[-500:]}")

    def database(self, name: str) -> tuple[str, bool]:
        """The URL of database ``name`` and whether it is new (created empty: to be filled)."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            filled = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s AND datallowconn", (name,)).fetchone()
            if filled and (self.root / f"{name}.done").exists():
                return self.url.replace("/postgres?", f"/{name}?"), False
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.replace("/postgres?", f"/{name}?"), True

    def mark_filled(self, name: str) -> None:
        (self.root / f"{name}.done").touch()

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        except RuntimeError as exc:
            print(f"[postgresql] could not stop the kept cluster: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--readers", type=int, default=16,
                        help="read connections of each server process (default 16)")
    parser.add_argument("--workers", type=int, default=2,
                        help="server processes (onrecord serve --workers; default 2, the cores of the machine "
                             "the figures in docs/performance.md were measured on)")
    parser.add_argument("--db", help="reuse this generated store (no generation)")
    parser.add_argument("--store-cache", metavar="DIR",
                        help="keep the generated stores here and reuse them in the next runs of the same size")
    parser.add_argument("--keep", action="store_true", help="keep the generated SQLite file (its path is printed)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here as JSON")
    args = parser.parse_args(argv)
    results = []
    if args.db:
        results.append(run(args.db, args, fill=False))
    elif args.store_cache:
        cache = Path(args.store_cache)
        cache.mkdir(parents=True, exist_ok=True)
        size = f"{args.articles}x{args.per_article}"
        if args.backend in ("sqlite", "both"):
            path = cache / f"web-load-{size}.db"
            done = cache / f"web-load-{size}.db.done"
            if not done.exists():
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            results.append(run(str(path), args, fill=not done.exists()))
            done.touch()
        if args.backend in ("postgresql", "both"):
            try:
                cluster = KeptCluster(cache / f"pg-{size}", {"max_connections": "60"})
            except RuntimeError as exc:
                print(f"[postgresql] skipped: {exc}")
            else:
                try:
                    url, fresh = cluster.database("web_load")
                    results.append(run(url, args, fill=fresh))
                    cluster.mark_filled("web_load")
                finally:
                    cluster.stop()
    else:
        if args.backend in ("sqlite", "both"):
            tmp = Path(tempfile.mkdtemp(prefix="onrecord-web-load-"))
            try:
                results.append(run(str(tmp / "load.db"), args, fill=True))
            finally:
                if args.keep:
                    print(f"kept {tmp / 'load.db'}")
                else:
                    shutil.rmtree(tmp, ignore_errors=True)
        if args.backend in ("postgresql", "both"):
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
            import pgserver

            try:
                server = pgserver.server({"max_connections": "60"})
            except pgserver.Unavailable as exc:
                print(f"[postgresql] skipped: {exc}")
            else:
                try:
                    results.append(run(server.database("web_load"), args, fill=True))
                finally:
                    server.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
