"""Hostile JSONL through the commands: ``extract`` -> ``ingest --extracted`` round-trips what extraction gave, and
``run`` -> Parquet -> ``read_output`` -> ``ingest OUTDIR`` gives the Extractions ``extract_many`` gives.

Inputs are JSONL files with odd records: texts from fuzz/strategies.py, lone surrogates written as ``\\ud800``,
nested extra fields, blank lines, lines that are not records, CRLF line ends, gzip.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fuzz.checks import FUZZ_SETTINGS, as_stored, check_extraction, cli, expected_stored, note, rounded, without_blanks
from fuzz.findings import open_findings_in
from fuzz.strategies import fuzz_settings, jsonl_records
from onrecord.api import extract_many
from onrecord.record.store import Store
from onrecord.scale import read_output
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model


def write_input(directory: Path, lines: list[str], *, newline: str, gz: bool) -> Path:
    data = (newline.join(lines) + newline).encode("utf-8", "surrogatepass")
    path = directory / ("input.jsonl.gz" if gz else "input.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def good_records(lines: list[str]) -> list[tuple[int, dict[str, Any]]]:
    """(line number, record) of the lines that are documents: a JSON object whose text is a string with something
    besides whitespace in it (a lone surrogate counts as a character: readers make it U+FFFD)."""
    out = []
    for n, line in enumerate(lines, 1):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("text"), str) and data["text"].strip():
            out.append((n, data))
    return out


def unicode(text: str) -> str:
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


@fuzz_settings(12)
@given(lines=jsonl_records(), newline=st.sampled_from(("\n", "\r\n")), gz=st.booleans())
def test_extract_then_ingest_extracted_round_trips(nlp: object, lines: list[str], newline: str, gz: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="onrecord-fuzz-") as tmp:
        directory = Path(tmp)
        source = write_input(directory, lines, newline=newline, gz=gz)
        good = good_records(lines)
        bad = [n for n, line in enumerate(lines, 1) if line.strip() and n not in {m for m, _ in good}]

        # extract: one record per document, in order; one line on stderr per line that is not one
        code, _, err = cli("extract", str(source), "-o", str(directory / "x.jsonl"), "--no-progress")
        assert code == (0 if good else 1), err
        reported = [line for line in err.splitlines() if line.startswith(f"onrecord: {source}:")]
        assert len(reported) == len(bad), err
        for n, line in zip(bad, reported, strict=True):
            assert line.startswith(f"onrecord: {source}:{n}"), (n, line)
        if not good:
            return
        # (split at line feeds only: U+0085 and U+2028, left as they are in the JSON, are not line ends)
        written = (directory / "x.jsonl").read_text(encoding="utf-8").split("\n")
        records = [json.loads(line) for line in written if line]
        assert [r["id"] for r in records] == [str(d.get("id") or f"{source}:{n}") for n, d in good]
        extractions = [Extraction.from_dict(r) for r in records]
        for (_, d), r, ex in zip(good, records, extractions, strict=True):
            assert ex.article.text == unicode(d["text"])
            check_extraction(ex)
            for a in r["attributions"]:
                for what in ("content", "source", "cue"):
                    if a[what] is not None:
                        start, end = a[what]
                        assert ex.article.text[start:end] == a[f"{what}_text"], (r["id"], what)
        assume(not any(open_findings_in(ex, ("extract", "store")) for ex in extractions))

        # ingest --extracted stores exactly what extract wrote
        db = directory / "record.db"
        code, _, err = cli("ingest", "--extracted", str(directory / "x.jsonl"), "--db", str(db), "--no-progress")
        assert code == 0, err
        kept = expected_stored(extractions)
        with Store.open(db) as store:
            assert store.article_count() == len(kept), err
            ids = [i for (i,) in store.rows("SELECT id FROM articles ORDER BY id")]
            stored = [store.extraction(i) for i in ids]
        for back, ex in zip(stored, kept, strict=True):
            want = as_stored(ex)
            assert without_blanks(back.article) == without_blanks(want.article)
            assert back.attributions == want.attributions

        # ... and the same as ingesting the input itself (which extracts), but for confidence's rounding in JSONL
        db2 = directory / "direct.db"
        code, _, err = cli("ingest", str(source), "--db", str(db2), "--no-progress")
        assert code == 0, err
        with Store.open(db2) as store:
            direct = [store.extraction(i) for (i,) in store.rows("SELECT id FROM articles ORDER BY id")]
        assert [without_blanks(d.article) for d in direct] == [without_blanks(b.article) for b in stored]
        assert [tuple(rounded(a) for a in d.attributions) for d in direct] == [b.attributions for b in stored]


@fuzz_settings(3)
@given(lines=jsonl_records(min_size=2, max_size=6), shard_size=st.integers(1, 4))
def test_run_output_reads_back_as_extract_many_gives(nlp: object, lines: list[str], shard_size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="onrecord-fuzz-") as tmp:
        directory = Path(tmp)
        source = write_input(directory, lines, newline="\n", gz=False)
        good = good_records(lines)
        out = directory / "out"
        code, _, err = cli("run", str(source), "-o", str(out), "--workers", "1", "--shard-size", str(shard_size),
                           "--no-progress")
        assert code == (0 if good else 1), err
        got = list(read_output(out))
        articles = [Article.from_dict({**d, "text": unicode(d["text"]), "id": str(d.get("id") or f"{source}:{n}")})
                    for n, d in good]
        expected = list(extract_many(articles, settings=FUZZ_SETTINGS))
        assert all(isinstance(e, Extraction) for e in expected), expected
        assert [g.article.id for g in got] == [a.id for a in articles], err
        for g, e in zip(got, expected, strict=True):
            assert without_blanks(g.article) == without_blanks(e.article)  # type: ignore[union-attr]
            assert g.attributions == e.attributions  # type: ignore[union-attr]
            assert g.skipped == e.skipped  # type: ignore[union-attr]
        texts = {g.article.id: g.article.text for g in got}
        rows = [r for f in sorted((out / "attributions").glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
        assert len(rows) == sum(len(g.attributions) for g in got)
        for r in rows:
            for what in ("content", "source", "cue"):
                if r[f"{what}_start"] is not None:
                    assert texts[r["doc_id"]][r[f"{what}_start"]:r[f"{what}_end"]] == r[f"{what}_text"]
        note(f"run: {len(got)} documents, {len(rows)} attributions")
        if any(open_findings_in(g, ("extract", "store")) for g in got):
            return

        # ingest OUTDIR: every document stored, as read back
        db = directory / "record.db"
        code, _, err = cli("ingest", str(out), "--db", str(db), "--no-progress")
        assert code == 0, err
        with Store.open(db) as store:
            assert store.article_count() == len(expected_stored(got))
            assert store.attribution_count() == sum(len(g.attributions) for g in expected_stored(got))
