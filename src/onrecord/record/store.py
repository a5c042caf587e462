"""The record store: articles, their attributions and the speakers linked across articles.

One :class:`Store` class over two real backends that differ only in their connection, their placeholders and
their full-text machinery (SQLite: FTS5 in a WAL-mode file; PostgreSQL: a generated ``tsvector`` with a GIN
index). The store owns identity: ids and timestamps are columns here, never fields of the value types.

Guarantees:

- one transaction per batch: :meth:`Store.add` stores a batch of extractions, or nothing of it;
- idempotence: an article whose URL or content hash (sha256 of its normalised text) is already stored is not
  stored again, whether it comes twice in a batch, in a rerun, or in the rerun after a crash;
- every attribution carries the pipeline version and model that produced it (or ``human`` once corrected);
- speakers are linked across articles as attributions are stored (:mod:`onrecord.analysis.identity`); merges and
  splits made by users are recorded in ``speaker_overrides`` and re-applied after reprocessing and relinking.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from onrecord.analysis.identity import (
    NEAR_DAYS,
    ORGANISATION,
    PERSON,
    KnownPerson,
    Mention,
    Name,
    closeness_score,
    link,
    mention_name,
    parse_date,
    parse_name,
)
from onrecord.errors import NotFoundError, StoreError, StoreFault
from onrecord.record import migrations
from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay

#: The store used when none is given: a SQLite file in the current directory.
DEFAULT_URL = "onrecord.db"

#: ``pipeline_version`` of attributions corrected by a person (Label Studio import).
HUMAN = "human"

#: The largest id a store gives (a signed 64-bit integer).
MAX_ID = 2**63 - 1

#: A speaker name (as written, or its identity key) longer than this is not linked to a speaker record: no name is
#: that long, and PostgreSQL's btree indexes refuse keys over about 2,700 bytes. The attribution keeps the name.
MAX_SPEAKER_NAME = 200

#: U+0000 in a stored string is replaced by U+FFFD, on both backends (PostgreSQL's text cannot hold U+0000): one
#: character for one, so every offset into an article's text stays valid.
NUL, NUL_REPLACEMENT = "\x00", "\ufffd"

SQLITE, POSTGRES = "sqlite", "postgresql"


# --- URLs --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoreURL:
    """A parsed store location: the backend and what to connect to (a file path, a libpq URL or a libpq
    ``key=value`` string)."""

    backend: str
    target: str

    @property
    def display(self) -> str:
        """The location without its password (in the user part of a URL, a ``password=`` parameter, or a
        ``password=`` key of a key=value string), for messages."""
        if self.backend != POSTGRES:
            return self.target
        if "://" not in self.target:
            return " ".join(f"{k}={'***' if k == 'password' else _quote_conninfo(v)}"
                            for k, v in _conninfo(self.target).items())
        scheme, _, rest = self.target.partition("://")
        rest, question, query = rest.partition("?")
        at = rest.rfind("@")
        if at >= 0:
            user, colon, _password = rest[:at].partition(":")
            rest = f"{user}{':***' if colon else ''}@{rest[at + 1:]}"
        query = re.sub(r"(^|&)(password=)[^&]*", r"\1\2***", query, flags=re.IGNORECASE)
        return f"{scheme}://{rest}{question}{query}"

    def secrets(self) -> list[str]:
        """The passwords this location holds (as written and decoded), to keep out of any message."""
        if self.backend != POSTGRES:
            return []
        found: list[str] = []
        if "://" not in self.target:
            found.append(_conninfo(self.target).get("password", ""))
        else:
            rest, _, query = self.target.partition("://")[2].partition("?")
            at = rest.rfind("@")
            if at >= 0 and ":" in rest[:at]:
                found.append(rest[:at].partition(":")[2])
            found.extend(m[1] for m in re.finditer(r"(?:^|&)password=([^&]*)", query, flags=re.IGNORECASE))
        found += [unquote(f) for f in found]
        found += [part for f in found for part in re.split(r"[@/:]", f)]  # the pieces libpq may misparse it into
        return sorted({f for f in found if len(f) >= 3}, key=len, reverse=True)

    def scrub(self, message: str) -> str:
        """A message (a driver's error) with any password of this location masked."""
        for secret in self.secrets():
            message = message.replace(secret, "***")
        return message


def _conninfo(text: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    return {k: str(v) for k, v in conninfo_to_dict(text).items()}


def _quote_conninfo(value: str) -> str:
    return value if value and not re.search(r"[\s'\\]", value) else "'" + re.sub(r"(['\\])", r"\\\1", value) + "'"


def _is_conninfo(text: str) -> bool:
    """A libpq ``key=value`` connection string ("host=db.internal dbname=onrecord user=ana")?"""
    if "=" not in text:
        return False
    try:
        return bool(_conninfo(text))
    except Exception:  # noqa: BLE001 -- psycopg's parse error: not a connection string, so a path
        return False


def parse_url(url: str | Path) -> StoreURL:
    """``sqlite:///relative.db``, ``sqlite:////absolute.db``, a plain path, ``postgresql://…`` (``postgres://``), or
    a libpq ``key=value`` string (``"host=db.internal dbname=onrecord user=ana"``, PostgreSQL)."""
    text = str(url).strip()
    if not text:
        raise StoreError("empty store URL (give a path, sqlite:///path or postgresql://…)")
    if text.startswith(("postgresql://", "postgres://")):
        where = StoreURL(POSTGRES, text)
        if text.partition("://")[2].partition("?")[0].count("@") > 1:  # libpq would take part of it for the host
            raise StoreError("the user name or password in the URL holds an unencoded '@': write it as %40, or give "
                             "the password in $PGPASSWORD or ~/.pgpass", document=where.display)
        return where
    if text.startswith("sqlite://"):
        path = text[len("sqlite://"):]
        if not path.startswith("/") or path == "/":
            raise StoreError("a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path", document=text)
        return StoreURL(SQLITE, path[1:])
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", text)
    if scheme:
        raise StoreError(f"unsupported store URL scheme {scheme[1]!r} (use a path, sqlite:///path or "
                         "postgresql://…)", document=re.sub(r"(://[^:/]*):[^/]*@", r"\1:***@", text))
    if _is_conninfo(text):
        return StoreURL(POSTGRES, text)
    return StoreURL(SQLITE, text)


# --- values the store hands out ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did: articles stored, articles already there, attributions stored."""

    stored: int = 0
    duplicates: int = 0
    attributions: int = 0
    article_ids: tuple[int, ...] = ()
    #: articles the store refused for their data, each a :class:`StoreError` naming the article and the reason
    refused: tuple[StoreError, ...] = ()

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(self.stored + other.stored, self.duplicates + other.duplicates,
                         self.attributions + other.attributions, self.article_ids + other.article_ids,
                         self.refused + other.refused)


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A speaker record: id, canonical name, kind and identity key."""

    id: int
    name: str
    kind: str
    key: str


def content_hash(text: str) -> str:
    """sha256 of the text after Unicode NFC and whitespace collapsing: the same story re-encoded hashes the same.
    (U+0000 counts as U+FFFD, as it is stored.)"""
    normal = " ".join(unicodedata.normalize("NFC", _clean(text)).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _clean(value: Any) -> Any:
    """A parameter as the store keeps it: U+0000 in a string becomes U+FFFD (see :data:`NUL_REPLACEMENT`)."""
    if isinstance(value, str) and NUL in value:
        return value.replace(NUL, NUL_REPLACEMENT)
    return value


def _json(records: list[dict[str, Any]]) -> str:
    """Records as a JSON column, their strings as the store keeps strings (U+0000 would hide in JSON as ``\\u0000``
    and come back from it)."""
    return json.dumps([{k: _clean(v) for k, v in r.items()} for r in records])


def _params(params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(_clean(p) for p in params)


def _article_name(article: Article) -> str:
    """How an article is named in messages: its id, else its URL or title."""
    return article.id or article.url or article.title or "<article without id>"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(published: str | None) -> str | None:
    d = parse_date(published)
    return d.isoformat() if d else None


# --- the store ---------------------------------------------------------------------------------------------------


class Store:
    """A record store. Open with :func:`open_store` (or ``Store.open``); use as a context manager to close it."""

    def __init__(self, conn: Any, url: StoreURL, *, read_only: bool = False) -> None:
        self.conn = conn
        self.url = url
        self.backend = url.backend
        self.read_only = read_only

    # opening ---------------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | Path = DEFAULT_URL, *, read_only: bool = False) -> Store:
        """Open the store at ``url``. Writable (the default): created and migrated as needed. ``read_only``: the
        store must exist already; nothing is created, migrated or locked (SQLite: a ``mode=ro`` connection that
        never waits on a writer, and works on a read-only mount; PostgreSQL: read-only transactions)."""
        where = parse_url(url)
        if where.backend == POSTGRES:
            conn = _connect_postgres(where, read_only=read_only)
        else:
            conn = _connect_sqlite(where, read_only=read_only)
        store = cls(conn, where, read_only=read_only)
        try:
            if read_only:
                store._check_is_store()
            else:
                store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url.display!r})"

    # SQL plumbing ----------------------------------------------------------------------------------------------

    def sql(self, statement: str) -> str:
        """A statement written with ``?`` placeholders, in this backend's placeholder style."""
        return statement.replace("?", "%s") if self.backend == POSTGRES else statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(self.sql(statement), _params(params))
        except _db_errors() as exc:
            raise self._error(exc) from exc

    def _error(self, exc: BaseException) -> StoreError:
        """A database error as a :class:`StoreError` naming the store: a :class:`StoreFault` when the store itself
        failed, else a refusal of the data given."""
        kind = StoreError if _is_data_error(exc) else StoreFault
        return kind(self.url.scrub(_reason(exc)), document=self.url.display)

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(statement, params).fetchall()]

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(statement, params).fetchone()
        return tuple(row) if row is not None else None

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        rows = [_params(r) for r in rows]
        try:
            if self.backend == POSTGRES:
                with self.conn.cursor() as cur:
                    cur.executemany(self.sql(statement), rows)
            else:
                self.conn.executemany(statement, rows)
        except _db_errors() as exc:
            raise self._error(exc) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: committed when the block ends, rolled back when it raises (or the process dies).
        Nested in another, it is a savepoint: rolled back alone when it raises, the enclosing work going on."""
        if self.backend == POSTGRES:
            try:
                with self.conn.transaction():  # nested: psycopg makes it a savepoint
                    yield
            except _pg_errors() as exc:
                raise self._error(exc) from exc
            return
        if self.conn.in_transaction:
            name = f"onrecord_{next(_savepoints)}"
            self.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:  # (SQLite ends the whole transaction itself on some faults)
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute(f"ROLLBACK TO {name}")
                        self.conn.execute(f"RELEASE {name}")
                raise
            self.execute(f"RELEASE {name}")
            return
        # a writer takes the write lock at once (waiting up to BUSY_TIMEOUT_MS); a read-only store's transaction is
        # a snapshot that never waits
        self.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # the error that got us here is the one to report
                    self.conn.execute("ROLLBACK")
            raise
        try:
            self.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    # migrations ------------------------------------------------------------------------------------------------

    def migrations(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return migrations.POSTGRES if self.backend == POSTGRES else migrations.SQLITE

    def migrate(self) -> list[str]:
        """Apply the named migrations this store lacks; returns their names (none when up to date).

        An up-to-date store is recognised with a plain read, so opening it takes no write lock (an ingest opening a
        store while ``speakers relink`` holds it does not wait here). A SQLite file that holds tables but none of
        onrecord's (another application's database) is refused, unchanged."""
        if self.read_only:
            raise StoreError("the store is open read-only; it cannot be migrated", document=self.url.display)
        if not self._missing_migrations():
            return []
        applied_now: list[str] = []
        with self.transaction():
            if self.backend == POSTGRES:
                self.execute("SELECT pg_advisory_xact_lock(7413281)")
            else:
                self._refuse_foreign_sqlite()
            self.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {name for (name,) in self.rows("SELECT name FROM migrations")}
            for name, statements in self.migrations():
                if name in done:
                    continue
                for statement in statements:
                    self.execute(statement)
                self.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
                applied_now.append(name)
        return applied_now

    def _has_migrations_table(self) -> bool:
        if self.backend == POSTGRES:
            return self.one("SELECT to_regclass('migrations') IS NOT NULL") == (True,)
        return self.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'") is not None

    def _missing_migrations(self) -> list[str]:
        if not self._has_migrations_table():
            return [name for name, _ in self.migrations()]
        done = {name for (name,) in self.rows("SELECT name FROM migrations")}
        return [name for name, _ in self.migrations() if name not in done]

    def _refuse_foreign_sqlite(self) -> None:
        """Refuse a SQLite file with tables of its own and no ``migrations`` table: not an onrecord store."""
        if self._has_migrations_table():
            return
        tables = [n for (n,) in self.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                                          " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        if tables:
            shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
            raise StoreError(f"not an onrecord store (it holds other tables: {shown}); give another file",
                             document=self.url.display)

    def _check_is_store(self) -> None:
        """A read-only open: the store must exist and be an onrecord store (migrations are left to writers)."""
        if self._has_migrations_table():
            return
        if self.backend == SQLITE:
            self._refuse_foreign_sqlite()
            raise StoreError("no such store (an empty file; a write command such as `onrecord ingest` creates one)",
                             document=self.url.display)
        raise StoreError("no such store: this database holds no onrecord tables (`onrecord ingest` creates them)",
                         document=self.url.display)

    def applied_migrations(self) -> list[str]:
        return [name for (name,) in self.rows("SELECT name FROM migrations ORDER BY name")]

    # articles --------------------------------------------------------------------------------------------------

    def contains(self, article: Article) -> bool:
        """Whether this article (same URL, or same normalised text) is already stored."""
        if article.url and self.one("SELECT 1 FROM articles WHERE url = ?", (article.url,)):  # (a hash index on PG)
            return True
        return self.one("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash(article.text),)) is not None

    def add(self, extractions: Iterable[Extraction], *, batch_size: int = 200) -> AddResult:
        """Store already extracted articles with their attributions, linking speakers; no NLP runs here.

        Each ``batch_size`` extractions form one transaction. An article already stored (same URL or content
        hash) is counted in ``duplicates`` and left as it is. An article the store refuses for its data (a
        :class:`StoreError`: a value the database cannot hold) is left out, named with the reason in
        ``refused``, and the others of its batch are stored. A fault of the store itself (:class:`StoreFault`:
        disk full, an I/O error, a lost connection) is raised at once: the batch in progress is rolled back, the
        batches before it stay committed, and a rerun stores the rest.
        """
        if batch_size < 1:
            raise StoreError(f"batch size must be at least 1, not {batch_size}", document=self.url.display)
        total = AddResult()
        for batch in _batched(extractions, batch_size):
            total += self._add_batch(batch)
        return total

    def _add_batch(self, batch: Sequence[Extraction]) -> AddResult:
        stored = duplicates = count = 0
        ids: list[int] = []
        refused: list[StoreError] = []
        now = _now()
        with self.transaction():
            linker = _Linker(self)
            for extraction in batch:
                try:
                    with self.transaction():  # a savepoint: a refused article is rolled back alone
                        linker.begin()
                        added = self._add_one(linker, extraction, now)
                except StoreFault:
                    raise
                except (StoreError, ValueError, TypeError, OverflowError) as exc:
                    linker.rollback()
                    reason = exc.reason if isinstance(exc, StoreError) else _why(exc)
                    refused.append(StoreError(f"not stored: {reason}", document=_article_name(extraction.article)))
                    continue
                linker.commit()
                if added is None:
                    duplicates += 1
                    continue
                ids.append(added[0])
                stored += 1
                count += added[1]
        return AddResult(stored, duplicates, count, tuple(ids), tuple(refused))

    def _add_one(self, linker: _Linker, extraction: Extraction, now: str) -> tuple[int, int] | None:
        """Insert one article and its attributions; (article id, attributions stored), or None for a duplicate."""
        if not isinstance(extraction, Extraction):
            raise TypeError(f"not an Extraction: {type(extraction).__name__}")
        art = extraction.article
        row = self.one(
            "INSERT INTO articles (doc_id, url, content_hash, title, outlet, author, published, published_on,"
            " text, skipped, pipeline_version, model, ingested_at, extracted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            (art.id, art.url or None, content_hash(art.text), art.title, art.outlet, art.author,
             art.published, _day(art.published), art.text, _json([s.to_dict() for s in extraction.skipped]),
             extraction.pipeline_version, extraction.model, now, now),
        )
        if row is None:
            return None
        article_id = int(row[0])
        count = self._insert_attributions(linker, article_id, art, extraction.attributions,
                                          pipeline_version=extraction.pipeline_version,
                                          model=extraction.model, human=False, now=now)
        if extraction.provenance is not None:  # its claims and flags, in this article's transaction
            from onrecord.record import provenance

            provenance.write(self, article_id, extraction)
        return article_id, count

    def _insert_attributions(self, linker: _Linker, article_id: int, art: Article,
                             attributions: Sequence[Attribution], *, pipeline_version: str, model: str,
                             human: bool, now: str, first_ordinal: int = 0) -> int:
        published_on = _day(art.published)
        rows = []
        for ordinal, a in enumerate(attributions, first_ordinal):
            name = _linkable(mention_name(a.speaker, a.speaker_kind, a.speaker_description, scope=art.outlet))
            speaker_id = linker.link(name, art.outlet, published_on) if name else None
            text = art.text
            rows.append((
                article_id, ordinal, a.content.start, a.content.end,
                a.source.start if a.source else None, a.source.end if a.source else None,
                a.cue.start if a.cue else None, a.cue.end if a.cue else None,
                a.content.of(text), a.source.of(text) if a.source else None, a.cue.of(text) if a.cue else None,
                a.speaker, a.speaker_kind, a.speaker_description, name.key if name else None, speaker_id,
                a.type, a.medium, a.cue_kind, _json([r.to_dict() for r in a.via]), float(a.confidence),
                pipeline_version, model, int(human), published_on, now, json.dumps([q.to_list() for q in a.quoted]),
            ))
            if speaker_id is not None:
                # visible to the next mention's closeness check in this batch
                linker.seen(speaker_id, art.outlet, published_on)
        self.executemany(
            "INSERT INTO attributions (article_id, ordinal, content_start, content_end, source_start, source_end,"
            " cue_start, cue_end, content_text, source_text, cue_text, speaker, speaker_kind, speaker_description,"
            " speaker_key, speaker_id, type, medium, cue_kind, via, confidence, pipeline_version, model,"
            " human_corrected, published_on, created_at, quoted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)

    def article_count(self) -> int:
        return int(self.one("SELECT count(*) FROM articles")[0])  # type: ignore[index]

    def attribution_count(self) -> int:
        return int(self.one("SELECT count(*) FROM attributions")[0])  # type: ignore[index]

    def article(self, article_id: int) -> Article:
        row = self.one("SELECT text, doc_id, title, outlet, url, published, author FROM articles WHERE id = ?",
                       (article_id,))
        if row is None:
            raise NotFoundError(f"no article with id {article_id}", document=self.url.display)
        return Article(text=row[0], id=row[1], title=row[2], outlet=row[3], url=row[4], published=row[5],
                       author=row[6])

    def attributions_of(self, article_id: int) -> tuple[Attribution, ...]:
        """The stored attributions of one article as value types, in order."""
        rows = self.rows(
            "SELECT content_start, content_end, source_start, source_end, cue_start, cue_end, speaker, speaker_kind,"
            " speaker_description, type, medium, cue_kind, via, confidence, quoted FROM attributions"
            " WHERE article_id = ? ORDER BY ordinal", (article_id,))
        return tuple(_attribution(r) for r in rows)

    def extraction(self, article_id: int) -> Extraction:
        """A stored article as an :class:`Extraction` value (the round trip of :meth:`add`)."""
        row = self.one("SELECT pipeline_version, model FROM articles WHERE id = ?", (article_id,))
        article = self.article(article_id)
        assert row is not None
        return Extraction(article=article, attributions=self.attributions_of(article_id),
                          pipeline_version=row[0], model=row[1])

    def article_ids(self, *, stale_for: str | None = None, model: str | None = None,
                    include_reviewed: bool = False) -> list[int]:
        """Ids of stored articles; with ``stale_for`` (a pipeline version) and optionally ``model``, those extracted
        by another version or another model."""
        where, params = [], []
        if stale_for is not None and model is not None:
            where.append("(pipeline_version <> ? OR model <> ?)")
            params.extend([stale_for, model])
        elif stale_for is not None:
            where.append("pipeline_version <> ?")
            params.append(stale_for)
        if not include_reviewed:
            where.append("human_reviewed = 0")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return [int(i) for (i,) in self.rows(f"SELECT id FROM articles{clause} ORDER BY id", params)]

    def replace_extraction(self, article_id: int, extraction: Extraction) -> int:
        """Replace an article's machine attributions with a new extraction of it (``onrecord reprocess``).

        An article a person has reviewed (Label Studio import) keeps its attributions. Returns how many were stored.
        """
        now = _now()
        with self.transaction():
            row = self.one("SELECT human_reviewed FROM articles WHERE id = ?", (article_id,))
            if row is None:
                raise NotFoundError(f"no article with id {article_id}", document=self.url.display)
            if row[0]:
                return 0
            self.execute("DELETE FROM flags WHERE article_id = ?", (article_id,))  # recomputed below
            self.execute("DELETE FROM attributions WHERE article_id = ? AND human_corrected = 0", (article_id,))
            self.execute("UPDATE articles SET pipeline_version = ?, model = ?, skipped = ?, extracted_at = ?"
                         " WHERE id = ?", (extraction.pipeline_version, extraction.model,
                                           _json([s.to_dict() for s in extraction.skipped]), now, article_id))
            stored_article = self.article(article_id)
            count = self._insert_attributions(_Linker(self), article_id, stored_article, extraction.attributions,
                                              pipeline_version=extraction.pipeline_version,
                                              model=extraction.model, human=False, now=now)
            self.apply_overrides()
            if extraction.provenance is not None:  # after the merges and splits: flags follow speaker identity
                from onrecord.record import provenance

                provenance.write(self, article_id, extraction)
        return count

    def replace_with_corrections(self, article_id: int, attributions: Sequence[Attribution]) -> int:
        """Store a person's corrected attributions for an article, replacing what was there; the article is marked
        reviewed, so reprocessing keeps them."""
        now = _now()
        with self.transaction():
            article = self.article(article_id)
            for a in attributions:
                for span in (a.content, a.source, a.cue):
                    if span is not None and span.end > len(article.text):
                        raise StoreError(f"span [{span.start}, {span.end}) is outside article {article_id}'s text "
                                         f"({len(article.text)} characters)", document=self.url.display)
            # its flags go with the machine statements they compared (import-labels computes them again from the
            # corrected statements: provenance.recompute_article; flags are never carried over a correction)
            self.execute("DELETE FROM flags WHERE article_id = ?", (article_id,))
            self.execute("DELETE FROM attributions WHERE article_id = ?", (article_id,))
            self.execute("UPDATE articles SET human_reviewed = 1 WHERE id = ?", (article_id,))
            count = self._insert_attributions(_Linker(self), article_id, article, attributions,
                                              pipeline_version=HUMAN, model=HUMAN, human=True, now=now)
            self.apply_overrides()
        return count

    # speakers --------------------------------------------------------------------------------------------------

    def speaker(self, speaker_id: int) -> SpeakerRef:
        row = self.one("SELECT id, name, kind, key FROM speakers WHERE id = ?", (speaker_id,))
        if row is None:
            raise NotFoundError(f"no speaker with id {speaker_id}", document=self.url.display)
        return SpeakerRef(int(row[0]), row[1], row[2], row[3])

    def find_speakers(self, name: str) -> list[SpeakerRef]:
        """Speakers a user's name can mean: ``#12`` (an id), an alias ("Defense Secretary Mark Esper" ->
        Mark Esper), a surname ("Esper": every person with it), or a name matched case-insensitively."""
        text = name.strip()
        if re.fullmatch(r"#\d+", text):
            if len(text) > 20 or int(text[1:]) > MAX_ID:  # no store holds such an id (and SQLite cannot take it)
                raise NotFoundError(f"no speaker with id {text[1:]}", document=self.url.display)
            return [self.speaker(int(text[1:]))]
        found: dict[int, None] = {}
        typed = text.title() if text == text.lower() else text  # a user may type "esper" for Esper
        for kind in (PERSON, ORGANISATION):
            parsed = parse_name(typed, kind)
            if parsed is None:
                continue
            hit = self.one("SELECT speaker_id FROM speaker_aliases WHERE key = ?", (parsed.key,))
            if hit and not parsed.surname_only:
                return [self.speaker(int(hit[0]))]
            if hit:
                found[int(hit[0])] = None
            if parsed.surname_only:
                for (sid,) in self.rows("SELECT id FROM speakers WHERE kind = ? AND last = ? ORDER BY id",
                                        (PERSON, parsed.last)):
                    found[int(sid)] = None
        if not found:
            for (sid,) in self.rows("SELECT id FROM speakers WHERE lower(name) = lower(?) ORDER BY id", (text,)):
                found[int(sid)] = None
        return [self.speaker(i) for i in found]

    def resolve_speaker(self, name: str) -> SpeakerRef:
        """The one speaker ``name`` means; :class:`NotFoundError` when none or several (listing them)."""
        found = self.find_speakers(name)
        if not found:
            raise NotFoundError(f"no speaker named {name!r} in the store", document=self.url.display)
        if len(found) > 1:
            # a surname-only record and one full name: the full name is meant
            full = [s for s in found if " " in s.key.split(":", 1)[1]]
            if len(full) == 1:
                return full[0]
            listing = ", ".join(f"#{s.id} {s.name}" for s in found[:10])
            raise NotFoundError(f"{name!r} is ambiguous: {listing} (give the full name or #id)",
                                document=self.url.display)
        return found[0]

    def merge_speakers(self, keep: str, others: Sequence[str], *, record: bool = True) -> SpeakerRef:
        """Make the speakers named in ``others`` one with ``keep``: their statements and aliases move to it.
        Recorded as a user decision, re-applied after reprocessing and relinking."""
        with self.transaction():
            target = self.resolve_speaker(keep)
            absorbed = [self.resolve_speaker(o) for o in others]
            for other in absorbed:
                if other.id == target.id:
                    raise StoreError(f"cannot merge {other.name!r} (#{other.id}) into itself",
                                     document=self.url.display)
            for other in absorbed:
                self._merge_ids(target.id, other.id)
            self._speakers_changed([target.id])
            if record:
                self._record_override("merge", {"keep": target.key, "absorb": [o.key for o in absorbed]})
        return target

    def _merge_ids(self, keep: int, other: int) -> None:
        self.execute("UPDATE attributions SET speaker_id = ? WHERE speaker_id = ?", (keep, other))
        self.execute("UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?", (keep, other))
        self.execute("DELETE FROM speakers WHERE id = ?", (other,))

    def split_speaker(self, speaker: str, mention: str, *, name: str | None = None,
                      record: bool = True) -> SpeakerRef:
        """Separate the statements of ``speaker`` made under ``mention`` (an alias such as "Esper" or
        "Mary Esper") into a speaker of their own, named ``name`` (default: the mention). Recorded as a user
        decision, re-applied after reprocessing and relinking."""
        with self.transaction():
            source = self.resolve_speaker(speaker)
            parsed = parse_name(mention, source.kind)
            if parsed is None:
                raise StoreError(f"{mention!r} is not a name to split by", document=self.url.display)
            if parsed.key == source.key:
                raise StoreError(f"{mention!r} is the canonical name of #{source.id} {source.name}; split off the "
                                 "other mention instead", document=self.url.display)
            new = self._split_ids(source.id, parsed, name)
            if new is None:
                keys = [k for (k,) in self.rows("SELECT DISTINCT speaker_key FROM attributions WHERE speaker_id = ?"
                                                 " ORDER BY 1", (source.id,))]
                forms = ", ".join(repr(k.split(":", 1)[1]) for k in keys if k) or "none"
                raise NotFoundError(f"#{source.id} {source.name} has no statements under {mention!r} "
                                    f"(its mentions: {forms})", document=self.url.display)
            self._speakers_changed([source.id, new.id])
            if record:
                self._record_override("split", {"from": source.key, "mention": parsed.key,
                                                "name": name or parsed.display})
        return new

    def _split_ids(self, source_id: int, mention: Name, name: str | None) -> SpeakerRef | None:
        moved = self.rows("SELECT id FROM attributions WHERE speaker_id = ? AND speaker_key = ?",
                          (source_id, mention.key))
        if not moved:
            return None
        display = name or mention.display
        target = self.one("SELECT id FROM speakers WHERE key = ? AND id <> ?", (mention.key, source_id))
        if target is None:
            target = self.one("INSERT INTO speakers (name, kind, key, first, last, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                              (display, mention.kind, mention.key, mention.first, mention.last, _now()))
        assert target is not None
        new_id = int(target[0])
        self.execute("UPDATE attributions SET speaker_id = ? WHERE speaker_id = ? AND speaker_key = ?",
                     (new_id, source_id, mention.key))
        self.execute("UPDATE speaker_aliases SET speaker_id = ? WHERE key = ? AND speaker_id = ?",
                     (new_id, mention.key, source_id))
        self.execute("INSERT INTO speaker_aliases (key, speaker_id, alias) VALUES (?, ?, ?)"
                     " ON CONFLICT (key) DO NOTHING", (mention.key, new_id, mention.display))
        return self.speaker(new_id)

    def _speakers_changed(self, speaker_ids: list[int]) -> None:
        """Their flags across articles follow the new identity (onrecord.record.provenance)."""
        from onrecord.record import provenance

        provenance.recompute_for_speakers(self, speaker_ids)

    def _record_override(self, action: str, data: dict[str, Any]) -> None:
        self.execute("INSERT INTO speaker_overrides (action, data, created_at) VALUES (?, ?, ?)",
                     (action, json.dumps(data, sort_keys=True), _now()))

    def overrides(self) -> list[tuple[int, str, dict[str, Any], str]]:
        """The recorded merges and splits, oldest first: (id, action, data, created_at)."""
        return [(int(i), a, json.loads(d), t) for i, a, d, t in
                self.rows("SELECT id, action, data, created_at FROM speaker_overrides ORDER BY id")]

    def apply_overrides(self) -> None:
        """Re-apply every recorded merge and split, in order; each is a no-op when already in effect."""
        with self.transaction():
            for _id, action, data, _at in self.overrides():
                if action == "merge":
                    keep = self._by_alias(data["keep"])
                    for key in data["absorb"]:
                        other = self._by_alias(key)
                        if keep is not None and other is not None and other != keep:
                            self._merge_ids(keep, other)
                elif action == "split":
                    source = self._by_alias(data["from"])
                    mention = _name_from_key(data["mention"], data.get("name"))
                    if source is not None:
                        self._split_ids(source, mention, data.get("name"))
                elif action == "gender":
                    from onrecord.record.gender import apply_gender

                    apply_gender(self, data)

    def _by_alias(self, key: str) -> int | None:
        row = self.one("SELECT speaker_id FROM speaker_aliases WHERE key = ?", (key,))
        return int(row[0]) if row else None

    def prune_speakers(self) -> int:
        """Delete speakers left without statements (after reprocessing); returns how many."""
        with self.transaction():
            orphans = self.rows("SELECT s.id FROM speakers s WHERE NOT EXISTS"
                                " (SELECT 1 FROM attributions a WHERE a.speaker_id = s.id)")
            self.executemany("DELETE FROM speakers WHERE id = ?", orphans)
        return len(orphans)

    def relink(self) -> int:
        """Link every stored attribution to speakers again from scratch (after a change of the linking rules or a
        large reprocess), then re-apply the recorded merges and splits. Returns the number of speakers."""
        from onrecord.record import provenance

        with self.transaction():
            before = provenance.speaker_groups(self)  # flags follow speaker identity: recomputed where it changed
            self.execute("UPDATE attributions SET speaker_id = NULL WHERE speaker_id IS NOT NULL")
            self.execute("DELETE FROM speaker_aliases")
            self.execute("DELETE FROM speakers")
            linker = _Linker(self)
            rows = self.rows(
                "SELECT a.id, a.speaker, a.speaker_kind, a.speaker_description, r.outlet, a.published_on"
                " FROM attributions a JOIN articles r ON r.id = a.article_id"
                " ORDER BY COALESCE(a.published_on, '9999-99-99'), a.article_id, a.ordinal")
            updates = []
            for attribution_id, speaker, kind, description, outlet, published_on in rows:
                name = _linkable(mention_name(speaker, kind, description, scope=outlet))
                if name is None:
                    continue
                speaker_id = linker.link(name, outlet, published_on)
                linker.seen(speaker_id, outlet, published_on)
                updates.append((speaker_id, name.key, attribution_id))
                if len(updates) >= 5000:
                    self.executemany("UPDATE attributions SET speaker_id = ?, speaker_key = ? WHERE id = ?", updates)
                    updates = []
            self.executemany("UPDATE attributions SET speaker_id = ?, speaker_key = ? WHERE id = ?", updates)
            self.apply_overrides()
            provenance.recompute_changed(self, before)
            return int(self.one("SELECT count(*) FROM speakers")[0])  # type: ignore[index]


def _linkable(name: Name | None) -> Name | None:
    """The name to link, or None for one too long to be a name (see :data:`MAX_SPEAKER_NAME`)."""
    if name is not None and max(len(name.key), len(name.display)) > MAX_SPEAKER_NAME:
        return None
    return name


def _batched(items: Iterable[Any], size: int) -> Iterator[tuple[Any, ...]]:
    iterator = iter(items)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch


_savepoints = itertools.count()


def _name_from_key(key: str, display: str | None) -> Name:
    kind, _, rest = key.partition(":")
    words = rest.split("@")[0].split()
    if kind == PERSON:
        first = words[0] if len(words) > 1 else None
        return Name(kind=PERSON, display=display or rest.title(), key=key, first=first, last=words[-1])
    return Name(kind=kind, display=display or rest, key=key)


def _attribution(r: Sequence[Any]) -> Attribution:
    def span(a: Any, b: Any) -> CharSpan | None:
        return CharSpan(int(a), int(b)) if a is not None and b is not None else None

    return Attribution(
        content=CharSpan(int(r[0]), int(r[1])), source=span(r[2], r[3]), cue=span(r[4], r[5]),
        speaker=r[6], speaker_kind=r[7], speaker_description=r[8], type=r[9], medium=r[10], cue_kind=r[11],
        via=tuple(Relay.from_dict(v) for v in json.loads(r[12] or "[]")), confidence=float(r[13]),
        quoted=tuple(CharSpan(int(a), int(b)) for a, b in json.loads(r[14] or "[]")),
    )


class _Linker:
    """The store's :class:`onrecord.analysis.identity.Directory`, over its tables, inside the open transaction,
    with a cache of this batch's decisions and of the (outlet, date) where each speaker was just seen."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[tuple[str, str | None, str | None], int] = {}
        self.recent: dict[int, set[tuple[str | None, str | None]]] = {}
        self._saved: tuple[dict[Any, int], dict[int, set[Any]]] | None = None

    def begin(self) -> None:
        """Mark the state at a savepoint (one article of a batch), to go back to when the store refuses it."""
        self._saved = (dict(self.cache), {k: set(v) for k, v in self.recent.items()})

    def commit(self) -> None:
        self._saved = None

    def rollback(self) -> None:
        """Forget the decisions since :meth:`begin`: the speaker records they point to were rolled back."""
        if self._saved is not None:
            self.cache, self.recent = self._saved
            self._saved = None

    def link(self, name: Name, outlet: str | None, published_on: str | None) -> int:
        cache_key = (name.key, outlet, published_on) if name.surname_only else (name.key, None, None)
        found = self.cache.get(cache_key)
        if found is None:
            found = link(self, Mention(name=name, outlet=outlet, published=parse_date(published_on)))
            self.cache[cache_key] = found
        return found

    def seen(self, speaker_id: int, outlet: str | None, published_on: str | None) -> None:
        self.recent.setdefault(speaker_id, set()).add((outlet, published_on))

    # Directory
    def by_key(self, key: str) -> int | None:
        row = self.store.one("SELECT speaker_id FROM speaker_aliases WHERE key = ?", (key,))
        return int(row[0]) if row else None

    def by_surname(self, last: str) -> list[KnownPerson]:
        return [KnownPerson(int(i), first) for i, first in
                self.store.rows("SELECT id, first FROM speakers WHERE kind = ? AND last = ? ORDER BY id",
                                (PERSON, last))]

    def closeness(self, speaker_id: int, outlet: str | None, published: date | None) -> int:
        lo = hi = None
        if published is not None:
            lo = (published - timedelta(days=NEAR_DAYS)).isoformat()
            hi = (published + timedelta(days=NEAR_DAYS)).isoformat()
        recent = self.recent.get(speaker_id, set())

        def near(d: str | None) -> bool:
            return lo is not None and d is not None and lo <= d <= hi  # type: ignore[operator]

        same = outlet is not None and (any(o == outlet for o, _ in recent) or self.store.one(
            "SELECT 1 FROM attributions a JOIN articles r ON r.id = a.article_id"
            " WHERE a.speaker_id = ? AND r.outlet = ? LIMIT 1", (speaker_id, outlet)) is not None)
        close = lo is not None and (any(near(d) for _, d in recent) or self.store.one(
            "SELECT 1 FROM attributions WHERE speaker_id = ? AND published_on BETWEEN ? AND ? LIMIT 1",
            (speaker_id, lo, hi)) is not None)
        both = same and close and (any(o == outlet and near(d) for o, d in recent) or self.store.one(
            "SELECT 1 FROM attributions a JOIN articles r ON r.id = a.article_id"
            " WHERE a.speaker_id = ? AND r.outlet = ? AND a.published_on BETWEEN ? AND ? LIMIT 1",
            (speaker_id, outlet, lo, hi)) is not None)
        return 3 if both else closeness_score(same, close)

    def create(self, name: Name) -> int:
        row = self.store.one("INSERT INTO speakers (name, kind, key, first, last, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
                             (name.display, name.kind, name.key, name.first, name.last, _now()))
        if row is None:  # another ingest created it meanwhile (PostgreSQL waits for its commit, then lands here)
            row = self.store.one("SELECT id FROM speakers WHERE key = ?", (name.key,))
        assert row is not None
        self.add_alias(int(row[0]), name)
        return int(row[0])

    def add_alias(self, speaker_id: int, name: Name) -> None:
        self.store.execute("INSERT INTO speaker_aliases (key, speaker_id, alias) VALUES (?, ?, ?)"
                           " ON CONFLICT (key) DO NOTHING", (name.key, speaker_id, name.display))

    def give_first_name(self, speaker_id: int, name: Name) -> None:
        self.store.execute("UPDATE speakers SET name = ?, key = ?, first = ? WHERE id = ?",
                           (name.display, name.key, name.first, speaker_id))
        self.add_alias(speaker_id, name)
        # cached surname-only decisions stay valid: the record they point to is this one


# --- connections -------------------------------------------------------------------------------------------------


def _db_errors() -> tuple[type[Exception], ...]:
    """What a statement can raise for a bad value or a failed store (read only when one was raised)."""
    return (sqlite3.Error, *_pg_errors(), OverflowError, UnicodeError)


def _pg_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return ()
    return (psycopg.Error,)


#: SQLite result codes (primary) that refuse the data of one statement; any other is a fault of the store.
_SQLITE_DATA_CODES = frozenset({"SQLITE_CONSTRAINT", "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE"})

#: PostgreSQL SQLSTATE classes that refuse the data of one statement (data exception, integrity constraint,
#: program limit exceeded such as an index row too large); any other (connection, insufficient resources such as
#: a full disk, operator intervention, system error ...) is a fault of the store.
_PG_DATA_CLASSES = frozenset({"22", "23", "54"})


def _is_data_error(exc: BaseException) -> bool:
    """Whether a database error refuses the data given (one article's), rather than the store failing."""
    if isinstance(exc, (OverflowError, UnicodeError)):  # a value the driver cannot send: too large an integer, …
        return True
    if isinstance(exc, sqlite3.Error):
        if isinstance(exc, (sqlite3.InterfaceError, sqlite3.DataError)):
            return True
        if isinstance(exc, sqlite3.ProgrammingError) and "binding" in str(exc).lower():
            return True
        name = getattr(exc, "sqlite_errorname", None) or ""
        return any(name == code or name.startswith(code + "_") for code in _SQLITE_DATA_CODES)
    sqlstate = getattr(exc, "sqlstate", None)
    if sqlstate:
        return sqlstate[:2] in _PG_DATA_CLASSES
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    # raised by psycopg itself before the server saw the value (e.g. U+0000 in a text field)
    return isinstance(exc, (psycopg.DataError, psycopg.IntegrityError))


def _why(exc: BaseException) -> str:
    """The reason an article's values were refused before they reached the database."""
    if isinstance(exc, UnicodeEncodeError):
        return (f"its text cannot be written as UTF-8 ({exc.reason}: {exc.object[exc.start:exc.end]!r} at character "
                f"{exc.start})")
    return f"{type(exc).__name__}: {exc}"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


#: How long a writer waits for another writer's transaction (``speakers relink``, another ingest's batch) before
#: giving up with "database is locked", in milliseconds. Readers never wait: WAL lets them read the last commit.
BUSY_TIMEOUT_MS = 300_000


def _connect_sqlite(where: StoreURL, *, read_only: bool = False) -> sqlite3.Connection:
    path = where.target
    if path == ":memory:":
        if read_only:
            raise StoreError("no such store (an in-memory database is empty)", document=path)
    elif read_only:
        if not Path(path).expanduser().exists():
            raise StoreError("no such store", document=path)
        if Path(path).expanduser().is_dir():
            raise StoreError("is a directory, not a store file", document=path)
    else:
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create the store: directory {parent} does not exist", document=path)
        if Path(path).is_dir():
            raise StoreError("is a directory, not a store file", document=path)
    if read_only:
        return _connect_sqlite_read_only(Path(path).expanduser())
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # the schema is read before anything is written: another application's file is refused untouched
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "migrations" in tables or not tables:  # an onrecord store, or a new one
            _wal(conn, where)
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open as a SQLite store: {_reason(exc)}", document=path) from None
    return conn


def _wal(conn: sqlite3.Connection, where: StoreURL) -> None:
    """Switch an onrecord store to WAL (a no-op once it is): readers then never wait on writers. The switch wants
    the file to itself and SQLite does not wait for it (no busy handler): while another process or thread opens
    or migrates the same new store, it is tried again for up to the busy timeout."""
    waited, pause = 0.0, 0.02
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or waited >= BUSY_TIMEOUT_MS / 1000:
                raise StoreError(f"cannot open as a SQLite store: {_reason(exc)}", document=where.display) from None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open as a SQLite store: {_reason(exc)}", document=where.display) from None
        time.sleep(pause)
        waited += pause
        pause = min(pause * 2, 0.5)


def _connect_sqlite_read_only(path: Path) -> sqlite3.Connection:
    """A ``mode=ro`` connection: it changes nothing (no journal-mode switch, no -wal file made on a file in rollback
    mode) and, the store being in WAL mode, reads the last commit without waiting on a writer. On a read-only mount
    where the WAL's shared-memory file cannot be made, the file is opened as immutable (nothing can change it)."""
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{flags}", uri=True, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            last = exc
            if "file is not a database" in str(exc) or "not a database" in str(exc):
                break
            continue
        return conn
    assert last is not None
    raise StoreError(f"cannot open as a SQLite store: {_reason(last)}", document=str(path)) from None


def _connect_postgres(where: StoreURL, *, read_only: bool = False) -> Any:
    import psycopg

    try:
        conn = psycopg.connect(where.target, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {where.scrub(_reason(exc))}",
                         document=where.display) from None
    if read_only:
        try:  # every statement of this session runs in a read-only transaction: the server refuses any write
            conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(f"cannot open read-only: {where.scrub(_reason(exc))}", document=where.display) from None
    return conn


def open_store(url: str | Path = DEFAULT_URL, *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at ``url``: a path or ``sqlite:///path`` for SQLite, a
    ``postgresql://`` URL for PostgreSQL. With ``read_only`` the store must exist and nothing is written (see
    :meth:`Store.open`). Raises :class:`onrecord.errors.StoreError` naming the store and why."""
    return Store.open(url, read_only=read_only)
