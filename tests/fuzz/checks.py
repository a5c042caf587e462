"""What must hold for any input, checked stage by stage: extraction, the store, the exports read back.

Each check states the contract it enforces; a failure message names the article and the field.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import event
from hypothesis.errors import InvalidArgument

from fuzz.findings import open_findings_in
from onrecord.api import extract_many
from onrecord.errors import EmptyDocumentError, OnrecordError
from onrecord.record.export import TABLES, export_all
from onrecord.record.store import NUL, NUL_REPLACEMENT, POSTGRES, Store, content_hash, parse_url
from onrecord.settings import DEFAULT, Settings
from onrecord.types import (
    ATTRIBUTION_TYPES,
    CUE_KINDS,
    MEDIA,
    SPEAKER_KINDS,
    Article,
    Attribution,
    CharSpan,
    Extraction,
)

#: The time cap (``Settings.doc_timeout``) the fuzz tests extract under: generous, as they are about what extraction
#: gives, and on a loaded machine wall time alone must not decide them (the cap has its own tests).
GENEROUS_CAP_S = 300.0
FUZZ_SETTINGS = DEFAULT.with_(doc_timeout=GENEROUS_CAP_S)
#: The commands that extract, and so take ``--doc-timeout``.
_EXTRACTING = ("extract", "ingest", "run")


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``onrecord ARGV`` in this process: (exit status, stdout, stderr). A command that extracts runs under
    :data:`GENEROUS_CAP_S`."""
    from onrecord.cli import main

    args = list(argv)
    if args and args[0] in _EXTRACTING and "--doc-timeout" not in args:
        args += ["--doc-timeout", str(GENEROUS_CAP_S)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def note(what: str) -> None:
    """A Hypothesis event (shown with --hypothesis-show-statistics); nothing outside a Hypothesis test."""
    with contextlib.suppress(InvalidArgument):
        event(what)


def run_pipeline(batch: list[Article], settings: Settings = FUZZ_SETTINGS, *, store_url: str | None = None,
                 set_aside_open: bool = True) -> None:
    """The whole path for one batch, with every check: extract, store (``store_url``, else a SQLite file in a
    temporary directory), export in every format, read back. ``set_aside_open``: leave out the extractions that
    show a finding still open (see findings.py), so that the rest is still checked."""
    stages = {"extract", "store", "csv", POSTGRES if store_url and parse_url(store_url).backend == POSTGRES else ""}
    results = list(extract_many(batch, settings=settings))
    assert len(results) == len(batch), (len(results), len(batch))
    aside = set()
    for i, r in enumerate(results):
        for n in open_findings_in(r, stages) if set_aside_open and isinstance(r, Extraction) else ():
            note(f"set aside: open finding {n}")
            aside.add(i)
    batch = [a for i, a in enumerate(batch) if i not in aside]
    results = [r for i, r in enumerate(results) if i not in aside]
    check_results(batch, results)
    extractions = [r for r in results if isinstance(r, Extraction)]
    found = sum(len(ex.attributions) for ex in extractions)
    note(f"attributions found: {'0' if not found else '1-3' if found <= 3 else '4+'}")
    for ex in extractions:
        for a in ex.attributions:
            note(f"found: {a.type}, {a.medium}, speaker {'named' if a.speaker else 'unnamed'}")
    with (
        tempfile.TemporaryDirectory(prefix="onrecord-fuzz-") as tmp,
        Store.open(store_url or Path(tmp) / "record.db") as store,
    ):
            check_store(store, extractions)
            check_exports(store, Path(tmp))


def spans_of(a: Attribution) -> list[tuple[str, CharSpan | None]]:
    """Every span of an attribution, as (what, span)."""
    return [("content", a.content), ("source", a.source), ("cue", a.cue),
            *((f"via[{i}]", r.span) for i, r in enumerate(a.via))]


def is_blank(text: str) -> bool:
    return not text or not text.strip()


def check_results(batch: Sequence[Article], results: Sequence[Extraction | OnrecordError]) -> None:
    """``extract_many`` gives one result per input, in order: an EmptyDocumentError for a blank article, an
    Extraction of exactly that article otherwise (never an ExtractionError: that is a defect inside onrecord)."""
    assert len(results) == len(batch), (len(results), len(batch))
    for art, result in zip(batch, results, strict=True):
        if is_blank(art.text):
            assert isinstance(result, EmptyDocumentError), (art.id, result)
            assert result.document == art.id
            continue
        assert isinstance(result, Extraction), f"{art.id}: {type(result).__name__}: {result}"
        assert result.article == art
        check_extraction(result)


def check_extraction(ex: Extraction) -> None:
    """Every value of every attribution is valid and every span lies inside the text."""
    text = ex.article.text
    n = len(text)
    where = ex.article.id
    for k, a in enumerate(ex.attributions):
        at = f"{where} attribution {k}"
        assert a.type in ATTRIBUTION_TYPES, (at, "type", a.type)
        assert a.medium in MEDIA, (at, "medium", a.medium)
        assert a.cue_kind in CUE_KINDS, (at, "cue_kind", a.cue_kind)
        assert a.speaker_kind in SPEAKER_KINDS, (at, "speaker_kind", a.speaker_kind)
        assert isinstance(a.confidence, float) and math.isfinite(a.confidence) and 0.0 <= a.confidence <= 1.0, \
            (at, "confidence", a.confidence)
        for name in (a.speaker, a.speaker_description, *(r.name for r in a.via), *(r.outlet for r in a.via)):
            assert name is None or (isinstance(name, str) and name.strip()), (at, "blank name", name)
        for what, span in spans_of(a):
            if span is not None:
                assert 0 <= span.start <= span.end <= n, (at, what, span, n)
        assert len(a.content) > 0, (at, "empty content", a.content)
    for s in ex.skipped:
        assert isinstance(s.reason, str) and s.reason, (where, "skipped without a reason")
        if s.span is not None:
            assert 0 <= s.span.start <= s.span.end <= n, (where, "skipped", s.span, n)
    # writable as a JSONL line (extract's output) and read back as the same value
    line = json.dumps(ex.to_dict(), ensure_ascii=False).encode("utf-8")
    again = Extraction.from_dict(json.loads(line))
    assert without_blanks(again.article) == without_blanks(ex.article)
    assert again.attributions == tuple(rounded(a) for a in ex.attributions)


def differences(got: Sequence[Attribution], want: Sequence[Attribution]) -> list[str]:
    """What differs between two lists of attributions, field by field (for assertion messages)."""
    if len(got) != len(want):
        return [f"{len(got)} attributions, not {len(want)}"]
    return [f"attribution {i} {f}: {getattr(g, f)!r} != {getattr(w, f)!r}"
            for i, (g, w) in enumerate(zip(got, want, strict=True)) for f in Attribution.__slots__
            if getattr(g, f) != getattr(w, f)]


def without_blanks(article: Article) -> Article:
    """The article with empty metadata as none: an empty URL or date is no URL or date (the readers give none,
    the store keeps an empty URL as none, a JSONL record an empty date as none)."""
    return replace(article, **{k: getattr(article, k) or None for k in ("title", "outlet", "url", "published",
                                                                         "author")})


def as_stored(ex: Extraction) -> Extraction:
    """The extraction as the store keeps it: exactly, but for U+0000, which it replaces by U+FFFD, one character
    for one (PostgreSQL's text cannot hold U+0000; both backends do the same)."""
    def s(v: str | None) -> str | None:
        return v.replace(NUL, NUL_REPLACEMENT) if v is not None else None

    art = ex.article
    article = replace(art, **{k: s(getattr(art, k)) for k in ("text", "id", "title", "outlet", "url", "published",
                                                             "author")})
    attributions = tuple(replace(a, speaker=s(a.speaker), speaker_description=s(a.speaker_description),
                                 via=tuple(replace(r, name=s(r.name), outlet=s(r.outlet)) for r in a.via))
                         for a in ex.attributions)
    return replace(ex, article=article, attributions=attributions)


def rounded(a: Attribution) -> Attribution:
    """The attribution as a JSONL record carries it (confidence to three places)."""
    return replace(a, confidence=round(a.confidence, 3))


def expected_stored(extractions: Iterable[Extraction]) -> list[Extraction]:
    """The extractions a store keeps, in order: the first of each text (by content hash) and of each URL."""
    hashes: set[str] = set()
    urls: set[str] = set()
    kept = []
    for ex in extractions:
        h, url = content_hash(ex.article.text), ex.article.url or None
        if h in hashes or (url is not None and url in urls):
            continue
        hashes.add(h)
        if url is not None:
            urls.add(url)
        kept.append(ex)
    return kept


def check_store(store: Store, extractions: Sequence[Extraction]) -> None:
    """``Store.add`` keeps every article (but the repeats) with all its attributions, exactly as given."""
    result = store.add(extractions)
    kept = expected_stored(extractions)
    assert result.stored == len(kept), (result, len(kept))
    assert result.duplicates == len(extractions) - len(kept)
    assert store.article_count() == len(kept)
    assert store.attribution_count() == sum(len(ex.attributions) for ex in kept)
    for article_id, ex in zip(result.article_ids, kept, strict=True):
        back = store.extraction(article_id)
        want = as_stored(ex)
        assert without_blanks(back.article) == without_blanks(want.article), ex.article.id
        assert back.attributions == want.attributions, (ex.article.id, differences(back.attributions,
                                                                                 want.attributions))
        assert (back.pipeline_version, back.model) == (ex.pipeline_version, ex.model)
    again = store.add(extractions)  # idempotent
    assert (again.stored, again.duplicates) == (0, len(extractions))


def check_exports(store: Store, directory: Path) -> None:
    """Each table exported as JSONL, CSV and Parquet reads back as the store's rows, and in every format each
    attribution's ``*_text`` is the text its span covers in its article."""
    from onrecord.record.export import rows

    expected = {table: list(rows(store, table)) for table in TABLES}
    for fmt in ("jsonl", "csv", "parquet"):
        out = directory / fmt
        out.mkdir()
        counts = export_all(store, fmt, out, tuple(TABLES))  # (the quotations view too)
        assert counts == {t: len(r) for t, r in expected.items()}, (fmt, counts)
        for table, columns in TABLES.items():
            got = read_export(out / f"{table}.{fmt}", fmt, columns)
            want = [as_exported(r, fmt, columns) for r in expected[table]]
            assert got == want, (fmt, table)
            if table == "attributions":
                texts = {r["id"]: r["text"] for r in read_export(out / f"articles.{fmt}", fmt, TABLES["articles"])}
                check_attribution_rows(got, texts, fmt)


def read_export(path: Path, fmt: str, columns: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        with open(path, encoding="utf-8", newline="") as stream:
            return [json.loads(line) for line in stream.read().split("\n") if line]
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader)
            assert header == [c for c, _ in columns]
            out = []
            for row in reader:
                assert len(row) == len(header), f"{path}: CSV row {reader.line_num} has {len(row)} fields, not " \
                                                f"{len(header)}: {row!r}"
                out.append(dict(zip(header, row, strict=True)))
            return out
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def as_exported(row: dict[str, Any], fmt: str, columns: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """A store row as the format carries it: CSV is all strings (JSON for lists, "" for null), Parquet has lists
    as JSON text."""
    if fmt == "jsonl":
        return row
    out = {}
    for c, kind in columns:
        v = row[c]
        if kind == "json":
            out[c] = json.dumps(v, ensure_ascii=False)
        elif fmt == "csv":
            out[c] = "" if v is None else str(v)
        else:
            out[c] = v
    return out


def check_attribution_rows(got: list[dict[str, Any]], texts: dict[Any, str], fmt: str) -> None:
    def num(v: Any) -> int | None:
        return None if v in (None, "") else int(v)

    for r in got:
        text = texts[r["article_id"]]
        for what in ("content", "source", "cue"):
            start, end = num(r[f"{what}_start"]), num(r[f"{what}_end"])
            if start is None:
                assert r[f"{what}_text"] in (None, ""), (fmt, what, r)
                continue
            assert 0 <= start <= end <= len(text), (fmt, what, start, end, len(text))
            assert text[start:end] == r[f"{what}_text"], (fmt, what, r["id"])
        assert r["type"] in ATTRIBUTION_TYPES and r["medium"] in MEDIA and r["cue_kind"] in CUE_KINDS, (fmt, r)
        assert r["speaker_kind"] in SPEAKER_KINDS, (fmt, r)
        quoted = r["quoted"] if fmt == "jsonl" else json.loads(r["quoted"])
        assert (r["quoted_text"] or None) == (" \u2026 ".join(text[a:b] for a, b in quoted) or None), (fmt, r)
        via = r["via"] if fmt == "jsonl" else json.loads(r["via"])
        for relay in via:
            start, end = relay["span"]
            assert 0 <= start <= end <= len(text), (fmt, "via", relay)
