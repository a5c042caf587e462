"""Exporting the record: articles, attributions, speakers and provenance flags as JSONL, CSV or Parquet.

Rows are streamed from the store in chunks, so a large store exports in flat memory. Column order and types are
fixed (:data:`TABLES`), the same in every format; ``via`` (relays), ``quoted`` (the quoted parts of the content)
and ``aliases`` are JSON text in CSV and Parquet and lists in JSONL, as is each flag's ``data`` (the flag with
both statements, an object in JSONL). ``quotations`` is a view, exported only when asked for (``onrecord export
--quotations``): one row per quoted part of each direct or mixed attribution.

Files are written under a temporary name beside their final one and renamed onto it once complete
(:func:`atomic_paths`): a full disk or any other failure leaves neither a truncated file under the final name
nor a temporary file behind, and a file exported before keeps its content.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from onrecord.errors import OnrecordError
from onrecord.record.store import Store
from onrecord.types import QUOTED_SEPARATOR

FORMATS = ("jsonl", "csv", "parquet")

_ARTICLES = (
    ("id", "int"), ("doc_id", "str"), ("url", "str"), ("content_hash", "str"), ("title", "str"), ("outlet", "str"),
    ("author", "str"), ("published", "str"), ("published_on", "str"), ("pipeline_version", "str"),
    ("model", "str"), ("human_reviewed", "bool"), ("ingested_at", "str"), ("extracted_at", "str"), ("text", "str"),
)
_ATTRIBUTIONS = (
    ("id", "int"), ("article_id", "int"), ("ordinal", "int"), ("content_start", "int"), ("content_end", "int"),
    ("source_start", "int"), ("source_end", "int"), ("cue_start", "int"), ("cue_end", "int"),
    ("content_text", "str"), ("source_text", "str"), ("cue_text", "str"), ("speaker", "str"),
    ("speaker_kind", "str"), ("speaker_description", "str"), ("speaker_id", "int"), ("type", "str"),
    ("medium", "str"), ("cue_kind", "str"), ("via", "json"), ("confidence", "float"), ("pipeline_version", "str"),
    ("model", "str"), ("human_corrected", "bool"), ("published_on", "str"), ("created_at", "str"),
    ("quoted", "json"), ("quoted_text", "str"), ("sourcing", "json"),
)
#: The direct-quotations view: one row per quoted part (``part`` from 0) of each direct or mixed attribution.
_QUOTATIONS = (
    ("attribution_id", "int"), ("article_id", "int"), ("doc_id", "str"), ("part", "int"), ("quotation", "str"),
    ("quotation_start", "int"), ("quotation_end", "int"), ("speaker", "str"), ("speaker_kind", "str"),
    ("speaker_description", "str"), ("speaker_id", "int"), ("source_text", "str"), ("cue_text", "str"),
    ("type", "str"), ("medium", "str"), ("cue_kind", "str"), ("confidence", "float"), ("published_on", "str"),
)
#: ``gender``: the speaker's gender across the store (record/gender.py), ``gender_basis``: hand, article, first name
#: or none (the evidence is in the ``speaker_genders`` table, per article).
_SPEAKERS = (("id", "int"), ("name", "str"), ("kind", "str"), ("aliases", "json"), ("created_at", "str"),
             ("gender", "str"), ("gender_basis", "str"))
#: The provenance flags (onrecord.record.provenance): ``data`` is the whole flag with both statements.
_FLAGS = (
    ("id", "int"), ("kind", "str"), ("rating", "str"), ("subject", "str"), ("reason", "str"), ("speaker", "str"),
    ("other", "str"), ("a_attribution_id", "int"), ("b_attribution_id", "int"), ("article_id", "int"),
    ("data", "json"), ("created_at", "str"),
)

#: Quote families (record/families.py): ``data`` is the whole family with every appearance; members say how each
#: quoted part differs from the root.
_QUOTE_FAMILIES = (
    ("id", "int"), ("root_attribution_id", "int"), ("root_part", "int"), ("text", "str"), ("speaker", "str"),
    ("size", "int"), ("outlets", "int"), ("first_published", "str"), ("dangerous", "int"), ("data", "json"),
)
_QUOTE_MEMBERS = (("attribution_id", "int"), ("part", "int"), ("family_id", "int"), ("changes", "json"),
                  ("dangerous", "json"))
#: Each person speaker's gender as one article shows it, with the evidence.
_SPEAKER_GENDERS = (("article_id", "int"), ("name", "str"), ("label", "str"), ("basis", "str"),
                    ("evidence", "json"))

#: Table name -> (column, type) in export order.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _ARTICLES, "attributions": _ATTRIBUTIONS, "speakers": _SPEAKERS, "flags": _FLAGS,
    "quotations": _QUOTATIONS, "quote_families": _QUOTE_FAMILIES, "quote_members": _QUOTE_MEMBERS,
    "speaker_genders": _SPEAKER_GENDERS,
}
#: What a directory export writes unless told which tables: the tables, not the quotations view.
DEFAULT_TABLES = ("articles", "attributions", "speakers", "flags", "quote_families", "quote_members",
                  "speaker_genders")
#: Columns computed from the stored ones, not selected.
_DERIVED = frozenset({"quoted_text", "gender", "gender_basis"})

_QUERIES = {
    "articles": "SELECT {cols} FROM articles ORDER BY id",
    "attributions": "SELECT {cols} FROM attributions ORDER BY id",
    "speakers": "SELECT s.id, s.name, s.kind, (SELECT {agg} FROM speaker_aliases x WHERE x.speaker_id = s.id),"
                " s.created_at FROM speakers s ORDER BY s.id",
    "flags": "SELECT {cols} FROM flags ORDER BY id",
    "quote_families": "SELECT {cols} FROM quote_families ORDER BY id",
    "quote_members": "SELECT {cols} FROM quote_members ORDER BY family_id, attribution_id, part",
    "speaker_genders": "SELECT {cols} FROM speaker_genders ORDER BY article_id, name",
    "quotations": "SELECT a.id, a.article_id, r.doc_id, a.content_start, a.content_text, a.quoted, a.speaker,"
                  " a.speaker_kind, a.speaker_description, a.speaker_id, a.source_text, a.cue_text, a.type,"
                  " a.medium, a.cue_kind, a.confidence, a.published_on FROM attributions a"
                  " JOIN articles r ON r.id = a.article_id"
                  " WHERE a.type IN ('direct', 'mixed') AND a.quoted <> '[]' ORDER BY a.id",
}


def rows(store: Store, table: str, *, chunk: int = 5000) -> Generator[dict[str, Any], None, None]:
    """The rows of an exported table as dicts, typed as in :data:`TABLES`."""
    if table not in TABLES:
        raise OnrecordError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    columns = TABLES[table]
    if table == "flags":
        from onrecord.record.provenance import has_flags

        if not has_flags(store):  # a store made before provenance, opened read-only: no flags
            return
    from onrecord.record.families import has_families
    from onrecord.record.gender import has_gender, speaker_genders

    if (table.startswith("quote_") and not has_families(store)) or (table == "speaker_genders" and
                                                                    not has_gender(store)):
        return  # a store made before these tables, opened read-only: none
    genders = speaker_genders(store) if table == "speakers" else {}
    stored = tuple((c, k) for c, k in columns if c not in _DERIVED)
    names = [c if c != "sourcing" or has_gender(store) else "NULL AS sourcing" for c, _ in stored]
    agg = "json_agg(x.alias ORDER BY x.alias)" if store.backend == "postgresql" else "json_group_array(x.alias)"
    statement = _QUERIES[table].format(cols=", ".join(names), agg=agg)
    # PostgreSQL: a server-side cursor (WITH HOLD, as the connection is in autocommit), else psycopg would fetch
    # the whole result at once; SQLite's cursor steps through the rows anyway
    cursor = store.conn.cursor(name=f"onrecord_export_{table}", withhold=True) if store.backend == "postgresql" \
        else store.conn.cursor()
    try:
        cursor.execute(store.sql(statement))
        while True:
            batch = cursor.fetchmany(chunk)
            if not batch:
                break
            for raw in batch:
                if table == "quotations":
                    yield from _quotations(raw)
                    continue
                record = {name: _value(kind, v) for (name, kind), v in zip(stored, raw, strict=True)}
                if table == "attributions":
                    record["quoted_text"] = QUOTED_SEPARATOR.join(_parts(record)) if record["quoted"] else None
                elif table == "speakers":
                    found = genders.get(record["id"])
                    record["gender"] = found.label if found else ("unknown" if record["kind"] == "person" else None)
                    record["gender_basis"] = found.basis if found else ("none" if record["kind"] == "person" else None)
                yield {c: record[c] for c, _ in columns} if len(stored) < len(columns) else record
    finally:
        cursor.close()


def _parts(record: dict[str, Any]) -> list[str]:
    """The quoted words of an attribution row (its quoted parts lie within its content)."""
    start, content = record["content_start"], record["content_text"]
    return [content[a - start : b - start] for a, b in record["quoted"]]


def _quotations(raw: Sequence[Any]) -> Iterator[dict[str, Any]]:
    """The rows of the quotations view for one attribution (as its query selects it)."""
    (attribution_id, article_id, doc_id, content_start, content_text, quoted, *rest) = raw
    spans = _value("json", quoted)
    words = _parts({"content_start": content_start, "content_text": content_text, "quoted": spans})
    for part, ((start, end), said) in enumerate(zip(spans, words, strict=True)):
        values = (attribution_id, article_id, doc_id, part, said, start, end, *rest)
        yield {name: _value(kind, v) for (name, kind), v in zip(_QUOTATIONS, values, strict=True)}


def _value(kind: str, v: Any) -> Any:
    if v is None:
        return [] if kind == "json" else None
    if kind == "int":
        return int(v)
    if kind == "float":
        return float(v)
    if kind == "bool":
        return bool(v)
    if kind == "json":
        return json.loads(v) if isinstance(v, str) else list(v)
    return str(v)


def write_jsonl(records: Iterator[dict[str, Any]], stream: IO[str]) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_writer(stream: IO[str]) -> Any:
    """A CSV writer as RFC 4180 has it: rows end with CRLF, so a field holding a carriage return or a line feed
    (old Mac line ends, a stray CR in a title) is quoted and reads back as one field. (Python's writer quotes only
    the characters of its line terminator: with a bare LF terminator, a lone CR was written unquoted and every
    reader split the row there.)"""
    return csv.writer(stream, lineterminator="\r\n")


def write_csv(records: Iterator[dict[str, Any]], stream: IO[str], columns: tuple[tuple[str, str], ...]) -> int:
    writer = csv_writer(stream)
    writer.writerow([c for c, _ in columns])
    n = 0
    for record in records:
        writer.writerow([json.dumps(record[c], ensure_ascii=False) if k == "json" else
                         "" if record[c] is None else record[c] for c, k in columns])
        n += 1
    return n


def write_parquet(records: Iterator[dict[str, Any]], path: Path, columns: tuple[tuple[str, str], ...],
                  *, chunk: int = 50_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_(),
             "json": pa.string()}
    schema = pa.schema([(c, types[k]) for c, k in columns])

    def table(batch: list[dict[str, Any]]) -> Any:
        data = {c: [json.dumps(r[c], ensure_ascii=False) if k == "json" else r[c] for r in batch] for c, k in columns}
        return pa.Table.from_pydict(data, schema=schema)

    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= chunk:
                writer.write_table(table(batch))
                n += len(batch)
                batch = []
        writer.write_table(table(batch))
        n += len(batch)
    return n


@contextlib.contextmanager
def atomic_paths(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary paths beside ``paths`` (same directory, so the rename is atomic), to write; when the block ends
    they are flushed to disk and renamed onto ``paths``; when it raises they are removed. An ``OSError`` (a full
    disk, a directory not writable) becomes an :class:`OnrecordError` naming the file and the reason."""
    temps: list[Path] = []
    current = paths[0] if paths else None
    try:
        for path in paths:
            current = path
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            temps.append(Path(name))
        current = None
        yield temps
        for tmp, path in zip(temps, paths, strict=True):
            current = path
            _sync(tmp)
            os.chmod(tmp, new_file_mode(path))  # mkstemp makes it 0600
        for tmp, path in zip(temps, paths, strict=True):
            current = path
            os.replace(tmp, path)
    except OSError as exc:
        if current is None:  # while the block wrote: name the file it was writing, when known
            named = dict(zip(map(str, temps), map(str, paths), strict=False)).get(str(exc.filename or ""))
            current = Path(named) if named else paths[0] if len(paths) == 1 else paths[0].parent
        raise OnrecordError(f"cannot write: {exc.strerror or exc}", document=str(current)) from None
    finally:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def write_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`atomic_paths`)."""
    if not path.parent.is_dir():
        raise OnrecordError("directory does not exist", document=str(path.parent))
    with atomic_paths([path]) as (tmp,), open(tmp, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_file_mode(path: Path) -> int:
    """The permissions ``path`` has, or those a new file gets under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def export_table(store: Store, table: str, fmt: str, target: Path | IO[str]) -> int:
    """Write one table in ``fmt`` to a path (atomically) or (JSONL and CSV only) a text stream; returns the row
    count."""
    if fmt not in FORMATS:
        raise OnrecordError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    columns = TABLES.get(table)
    if columns is None:
        raise OnrecordError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    if fmt == "parquet" and not isinstance(target, Path):
        raise OnrecordError("Parquet is binary: give an output directory or file with -o")
    if isinstance(target, Path):
        with atomic_paths([target]) as (tmp,):
            return _write(store, table, fmt, tmp)
    with contextlib.closing(rows(store, table)) as records:  # its cursor closed now, even when a write fails
        return write_jsonl(records, target) if fmt == "jsonl" else write_csv(records, target, columns)


def _write(store: Store, table: str, fmt: str, path: Path) -> int:
    columns = TABLES[table]
    with contextlib.closing(rows(store, table)) as records:
        if fmt == "parquet":
            return write_parquet(records, path, columns)
        with open(path, "w", encoding="utf-8", newline="") as stream:
            return write_jsonl(records, stream) if fmt == "jsonl" else write_csv(records, stream, columns)


def export_all(store: Store, fmt: str, directory: Path, tables: tuple[str, ...] = DEFAULT_TABLES) -> dict[str, int]:
    """Write each table to ``directory/<table>.<fmt>``; returns rows written per table. The files appear together
    once all are written: a failure leaves the directory as it was."""
    if not directory.is_dir():
        raise OnrecordError("directory does not exist", document=str(directory))
    for table in tables:
        if table not in TABLES:
            raise OnrecordError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    if fmt not in FORMATS:
        raise OnrecordError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    paths = [directory / f"{table}.{fmt}" for table in tables]
    with atomic_paths(paths) as temps:
        return {table: _write(store, table, fmt, tmp) for table, tmp in zip(tables, temps, strict=True)}
