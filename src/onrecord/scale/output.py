"""The Parquet output of a corpus run, written shard by shard and atomically, and read back as Extractions.

Layout of ``OUTDIR``::

    articles/<shard>.parquet        one row per article read (ARTICLES_SCHEMA)
    attributions/<shard>.parquet    one row per attribution (ATTRIBUTIONS_SCHEMA), in article order
    shards/<shard>.json             the shard's result (counts, failures); written last: a shard is complete
                                    exactly when this file exists
    report.json                     the run report (written by the runner at the end of each run)

Each file is written to a temporary name in its directory, flushed to disk (fsync) and renamed into place, and
the directory is synced; the marker ``shards/<shard>.json`` comes after both Parquet files, so a shard
interrupted half-way has no marker and is done again on the next run (its stale files are replaced).

``articles/`` and ``attributions/`` are each a Parquet dataset that pyarrow, pandas, Dask and DuckDB read
directly (``SELECT … FROM 'OUTDIR/articles/*.parquet'``); join them on ``attributions.doc_id = articles.id AND
attributions.shard = articles.shard``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from onrecord.errors import OnrecordError
from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay, Skipped

ARTICLES = "articles"
ATTRIBUTIONS = "attributions"
SHARDS = "shards"
REPORT = "report.json"

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])

#: One row per article. ``skipped``: the parts of the text extraction could not use (``Extraction.skipped``),
#: with a null span when the reason concerns the whole text. ``content_hash``: SHA-256 of ``text`` (hex), for
#: finding the same article twice. ``n_attributions``: how many rows of the attributions file belong to it.
#: ``genders``: with ``--provenance``, each person speaker's gender call as JSON (``{name: GenderCall.to_dict()}``),
#: else null.
ARTICLES_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("title", pa.string()),
    ("outlet", pa.string()),
    ("url", pa.string()),
    ("published", pa.string()),
    ("author", pa.string()),
    ("text", pa.large_string()),
    ("content_hash", pa.string()),
    ("n_attributions", pa.int32()),
    ("skipped", pa.list_(pa.struct([("reason", pa.string()), ("start", pa.int32()), ("end", pa.int32())]))),
    ("pipeline_version", pa.string()),
    ("model", pa.string()),
    ("shard", pa.string()),
    ("genders", pa.large_string()),
])

#: One row per attribution, in article order, then in the order extraction gave them (``index``, from 0).
#: Spans are ``[start, end)`` character offsets into the article's ``text``; ``*_text`` the strings they cover.
#: ``via``: the relays, each with its name (a person), outlet and span. ``shard`` with ``doc_id`` names the
#: article row (ids are unique within a shard; across inputs they are as unique as the inputs make them).
#: ``quoted``: the parts of the content inside quotation marks (``Attribution.quoted``), ``quoted_text`` their
#: words joined by " … " (null when nothing is quoted). ``sourcing``: with ``--provenance``, how the statement is
#: sourced as JSON (``Sourcing.to_dict()``), else null.
ATTRIBUTIONS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("index", pa.int32()),
    ("content_start", pa.int32()),
    ("content_end", pa.int32()),
    ("content_text", pa.large_string()),
    ("source_start", pa.int32()),
    ("source_end", pa.int32()),
    ("source_text", pa.string()),
    ("cue_start", pa.int32()),
    ("cue_end", pa.int32()),
    ("cue_text", pa.string()),
    ("speaker", pa.string()),
    ("speaker_kind", pa.string()),
    ("speaker_description", pa.string()),
    ("type", pa.string()),
    ("medium", pa.string()),
    ("cue_kind", pa.string()),
    ("via", pa.list_(pa.struct([("name", pa.string()), ("outlet", pa.string()),
                                ("start", pa.int32()), ("end", pa.int32())]))),
    ("confidence", pa.float64()),
    ("quoted", pa.list_(_SPAN)),
    ("quoted_text", pa.large_string()),
    ("shard", pa.string()),
    ("sourcing", pa.string()),
])


class OutputError(OnrecordError):
    """The output directory cannot be written or read (``document`` names the file or shard)."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- writing -------------------------------------------------------------------------------------------------------


def article_rows(extractions: Iterable[Extraction], *, shard: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of the articles and attributions tables for ``extractions``."""
    articles: list[dict[str, Any]] = []
    attributions: list[dict[str, Any]] = []
    for ex in extractions:
        art = ex.article
        if art.id is None:
            raise ValueError("an article written to Parquet needs an id")
        prov = ex.provenance  # with Settings.provenance (onrecord run --provenance): genders and sourcing
        articles.append({
            "id": art.id, "title": art.title, "outlet": art.outlet, "url": art.url, "published": art.published,
            "author": art.author, "text": art.text, "content_hash": content_hash(art.text),
            "n_attributions": len(ex.attributions),
            "skipped": [{"reason": s.reason, "start": s.span.start if s.span is not None else None,
                         "end": s.span.end if s.span is not None else None} for s in ex.skipped],
            "pipeline_version": ex.pipeline_version, "model": ex.model, "shard": shard,
            "genders": json.dumps({n: c.to_dict() for n, c in prov.genders}, ensure_ascii=False) if prov else None,
        })
        text = art.text
        sourced = prov.sourcing if prov is not None and len(prov.sourcing) == len(ex.attributions) else None
        for index, a in enumerate(ex.attributions):
            attributions.append({
                "doc_id": art.id, "index": index,
                "content_start": a.content.start, "content_end": a.content.end, "content_text": a.content.of(text),
                **_span_columns("source", a.source, text),
                **_span_columns("cue", a.cue, text),
                "speaker": a.speaker, "speaker_kind": a.speaker_kind, "speaker_description": a.speaker_description,
                "type": a.type, "medium": a.medium, "cue_kind": a.cue_kind,
                "via": [{"name": r.name, "outlet": r.outlet, "start": r.span.start, "end": r.span.end} for r in a.via],
                "confidence": a.confidence,
                "quoted": [{"start": q.start, "end": q.end} for q in a.quoted], "quoted_text": a.quoted_text(text),
                "shard": shard,
                "sourcing": json.dumps(sourced[index].to_dict(), ensure_ascii=False) if sourced else None,
            })
    return articles, attributions


def _span_columns(name: str, span: CharSpan | None, text: str) -> dict[str, Any]:
    # an empty span is falsy (CharSpan has a length): test for None
    if span is None:
        return {f"{name}_start": None, f"{name}_end": None, f"{name}_text": None}
    return {f"{name}_start": span.start, f"{name}_end": span.end, f"{name}_text": span.of(text)}


def write_shard(outdir: str | os.PathLike[str], shard: str, extractions: Iterable[Extraction],
                result: dict[str, Any]) -> None:
    """Write a shard's two Parquet files, then its marker ``shards/<shard>.json`` holding ``result``; each file
    atomically (temporary file, fsync, rename), the marker last."""
    out = Path(outdir)
    articles, attributions = article_rows(extractions, shard=shard)
    _write_table(out / ATTRIBUTIONS / f"{shard}.parquet", pa.Table.from_pylist(attributions, ATTRIBUTIONS_SCHEMA))
    _write_table(out / ARTICLES / f"{shard}.parquet", pa.Table.from_pylist(articles, ARTICLES_SCHEMA))
    write_json(out / SHARDS / f"{shard}.json", result)


def _write_table(path: Path, table: pa.Table) -> None:
    def write(stream: Any) -> None:
        pq.write_table(table, stream, compression="zstd")

    _atomic(path, write, binary=True)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically."""
    def write(stream: Any) -> None:
        stream.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    _atomic(path, write, binary=False)


def _atomic(path: Path, write: Any, *, binary: bool) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
        _sync_directory(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write output: {exc.strerror or exc}", document=str(path)) from None


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the rename is done all the same
    finally:
        os.close(fd)


# --- reading -------------------------------------------------------------------------------------------------------


def is_complete(outdir: str | os.PathLike[str], shard: str) -> bool:
    """Whether ``shard`` has been written completely (its marker exists)."""
    return (Path(outdir) / SHARDS / f"{shard}.json").is_file()


def completed_shards(outdir: str | os.PathLike[str]) -> list[str]:
    """The names of the complete shards in ``outdir``, sorted."""
    directory = Path(outdir) / SHARDS
    if not directory.is_dir():
        return []
    return sorted(p.name[: -len(".json")] for p in directory.glob("*.json") if not p.name.startswith("."))


@contextlib.contextmanager
def run_tables(outdir: str | os.PathLike[str]) -> Iterator[tuple[Any, list[str], str, str]]:
    """DuckDB over a run's output, for what reads it whole (quote families, gender and sourcing figures): the
    connection (memory bounded; what does not fit spills), the complete shards, and the Parquet globs of the
    articles and the attributions. A folder with no complete shard, or Parquet DuckDB cannot read, is an
    :class:`OutputError` naming the run."""
    shards = completed_shards(outdir)
    if not shards:
        raise OutputError("no complete shard: not the output of `onrecord run`, or nothing finished yet",
                          document=str(outdir))
    import duckdb  # (only here: reading a run back as Extractions does not need it)

    con = duckdb.connect(config={"memory_limit": "1GB"})
    try:
        yield con, shards, str(Path(outdir) / ARTICLES / "*.parquet"), str(Path(outdir) / ATTRIBUTIONS / "*.parquet")
    except duckdb.Error as exc:
        raise OutputError(f"cannot read the run's Parquet files: {exc}", document=str(outdir)) from exc
    finally:
        con.close()


def read_shard_result(outdir: str | os.PathLike[str], shard: str) -> dict[str, Any]:
    path = Path(outdir) / SHARDS / f"{shard}.json"
    try:
        result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return result
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read shard result: {exc}", document=str(path)) from None


def read_output(outdir: str | os.PathLike[str]) -> Iterator[Extraction]:
    """Every Extraction of a corpus run's output, rebuilt exactly as it was extracted.

    Reads the complete shards of ``outdir`` (those with a ``shards/<shard>.json`` marker; a shard interrupted
    half-way is ignored) in sorted shard-name order, and within a shard in input order. Each value equals the
    :class:`~onrecord.types.Extraction` that :func:`onrecord.extract_many` gave when the run wrote it: article
    text and metadata, attributions with their spans, speaker, type, medium, relays and confidence (a float64,
    not rounded), the quoted parts (none from a run written before they were), the skipped parts, the pipeline
    version and model. Run-level columns (``content_hash``, ``shard``, the ``*_text`` strings) are derived and not
    part of the value.

    Memory: one shard at a time. Raises :class:`OutputError` naming the file when ``outdir`` is not an output
    directory or a shard's files are missing or inconsistent.

    This is what ``onrecord ingest OUTDIR`` loads into the store::

        from onrecord.scale import read_output
        for extraction in read_output("out/"):
            store.add(extraction)
    """
    out = Path(outdir)
    if not (out / SHARDS).is_dir():
        raise OutputError("not an onrecord run output directory (no shards/ folder)", document=str(out))
    for shard in completed_shards(out):
        yield from read_shard(out, shard)


def read_shard(outdir: str | os.PathLike[str], shard: str) -> Iterator[Extraction]:
    """The Extractions of one complete shard, in input order (see :func:`read_output`)."""
    out = Path(outdir)
    articles = _read_table(out / ARTICLES / f"{shard}.parquet").to_pylist()
    attributions = _read_table(out / ATTRIBUTIONS / f"{shard}.parquet").to_pylist()
    position = 0
    for row in articles:
        n = row["n_attributions"]
        mine = attributions[position : position + n]
        position += n
        if len(mine) != n or any(a["doc_id"] != row["id"] for a in mine):
            raise OutputError(f"attributions of document {row['id']!r} do not match its article row",
                              document=str(out / ATTRIBUTIONS / f"{shard}.parquet"))
        yield _extraction(row, mine)
    if position != len(attributions):
        raise OutputError(f"{len(attributions) - position} attribution rows belong to no article",
                          document=str(out / ATTRIBUTIONS / f"{shard}.parquet"))


def _read_table(path: Path) -> pa.Table:
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(f"cannot read Parquet file: {exc}", document=str(path)) from None


def _span(start: int | None, end: int | None) -> CharSpan | None:
    return None if start is None else CharSpan(start, end)  # type: ignore[arg-type]  # (CharSpan refuses None)


def _extraction(row: dict[str, Any], attributions: list[dict[str, Any]]) -> Extraction:
    article = Article(text=row["text"], id=row["id"], title=row["title"], outlet=row["outlet"], url=row["url"],
                      published=row["published"], author=row["author"])
    return Extraction(
        article=article,
        attributions=tuple(
            Attribution(
                content=CharSpan(a["content_start"], a["content_end"]),
                source=_span(a["source_start"], a["source_end"]),
                cue=_span(a["cue_start"], a["cue_end"]),
                speaker=a["speaker"],
                speaker_kind=a["speaker_kind"],
                speaker_description=a["speaker_description"],
                type=a["type"],
                medium=a["medium"],
                cue_kind=a["cue_kind"],
                via=tuple(Relay(span=CharSpan(r["start"], r["end"]), name=r["name"], outlet=r["outlet"])
                          for r in a["via"] or ()),
                confidence=a["confidence"],
                quoted=tuple(CharSpan(q["start"], q["end"]) for q in a.get("quoted") or ()),  # (none in older runs)
            )
            for a in attributions
        ),
        skipped=tuple(Skipped(reason=s["reason"], span=_span(s["start"], s["end"])) for s in row["skipped"] or ()),
        pipeline_version=row["pipeline_version"],
        model=row["model"],
    )


__all__ = [
    "ARTICLES_SCHEMA",
    "ATTRIBUTIONS_SCHEMA",
    "OutputError",
    "completed_shards",
    "is_complete",
    "read_output",
    "read_shard",
    "run_tables",
    "write_shard",
]
