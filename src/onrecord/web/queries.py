"""The web app's own reads: pages of articles, attributions and speakers with keyset pagination, one article with
everything needed to highlight it, a speaker's page, search with facets, and the statistics behind the charts.

All SQL is parameterized and written with ``?`` placeholders (``Store.sql`` turns them into ``%s`` for
PostgreSQL); every list query has a row limit, and a page says whether there is more (``next``, a keyset cursor:
the sort key of the last row shown, never an offset). The library's :mod:`onrecord.record.queries` is used where it
already answers the question (the top speakers per outlet and month).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.errors import NotFoundError, OnrecordError
from onrecord.record import Store
from onrecord.record import queries as library
from onrecord.record.store import POSTGRES
from onrecord.types import QUOTED_SEPARATOR, Extraction
from onrecord.web.db import data_version

#: The largest page a list may ask for.
MAX_PAGE = 500

#: Search ranks, and counts its facets over, at most this many matches: the most recently stored (and says so when
#: there are more), so that a query matching much of the store costs about what one matching this many does.
SEARCH_SAMPLE = 1000

#: How many search samples are kept for the next pages of a search and for the same search asked again, and for
#: how many seconds at most (they are dropped at once when the data changes).
SAMPLES_KEPT = 256
SAMPLE_SECONDS = 300.0

#: PostgreSQL searches only the statements stored last when its planner expects a query to match more than this
#: many times the sample: reading every match would cost more than finding the newest in a window.
WINDOW_AFTER = 10

#: How many values each facet lists.
FACET_VALUES = 12

#: Marks around the matched words in search snippets (private-use characters: they never reach the page as such;
#: the template turns the marked parts into <mark> elements over escaped text).
HIT_START, HIT_END = "\ue000", "\ue001"

_NO_DATE = "9999-99-99"


class BadRequest(OnrecordError):
    """A query parameter the app cannot use (a malformed cursor or date); answered with 422."""


# --- helpers -----------------------------------------------------------------------------------------------------


def page_size(limit: int | None, default: int = 50) -> int:
    if limit is None:
        return default
    if limit < 1 or limit > MAX_PAGE:
        raise BadRequest(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    return limit


def _date(value: str | None, *, end: bool, what: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise BadRequest(f"{what} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value + "-99" * (2 - value.count("-")) if end else value


def _cursor(value: str | None, kinds: Sequence[type], what: str = "after") -> tuple[Any, ...] | None:
    """A keyset cursor ``v1~v2~…`` parsed into typed values; :class:`BadRequest` when malformed."""
    if not value:
        return None
    parts = value.split("~")
    if len(parts) != len(kinds):
        raise BadRequest(f"{what} is not a cursor this page gave out: {value!r}")
    try:
        return tuple(kind(p) for kind, p in zip(kinds, parts, strict=True))
    except ValueError:
        raise BadRequest(f"{what} is not a cursor this page gave out: {value!r}") from None


def make_cursor(*values: Any) -> str:
    return "~".join(repr(v) if isinstance(v, float) else str(v) for v in values)


def _relays(via_json: str | None) -> list[dict[str, Any]]:
    return [{"name": r.get("name"), "outlet": r.get("outlet"), "span": r.get("span")}
            for r in json.loads(via_json or "[]")]


def _marks(ids: Sequence[Any]) -> str:
    return ", ".join("?" for _ in ids)


@dataclass(frozen=True)
class Page:
    """Rows of a list page, the cursor of the next page (None on the last) and what the page was asked for."""

    rows: list[dict[str, Any]]
    next: str | None
    limit: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "next": self.next, "limit": self.limit, **self.extra}


def _paged(rows: list[dict[str, Any]], limit: int, key: Any) -> Page:
    """``rows`` were read with ``limit + 1``: the extra row only says there is a next page."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, make_cursor(*key(rows[-1])) if more and rows else None, limit)


# --- articles ----------------------------------------------------------------------------------------------------

ARTICLE_COLUMNS = ["id", "title", "outlet", "published", "url", "attributions", "doc_id"]


def articles(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
             after: str | None = None, limit: int | None = None) -> Page:
    """Articles, newest stored first (keyset on id)."""
    size = page_size(limit)
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if outlet:
        where.append("outlet = ?")
        params.append(outlet)
    if since:
        where.append("published_on >= ?")
        params.append(_date(since, end=False, what="since"))
    if until:
        where.append("published_on <= ?")
        params.append(_date(until, end=True, what="until"))
    cursor = _cursor(after, (int,))
    if cursor:
        where.append("id < ?")
        params.append(cursor[0])
    rows = store.rows(f"SELECT id, title, outlet, published_on, url, doc_id FROM articles WHERE {' AND '.join(where)}"
                      " ORDER BY id DESC LIMIT ?", [*params, size + 1])
    counts: dict[int, int] = {}
    if rows:
        ids = [int(r[0]) for r in rows]
        counts = {int(a): int(n) for a, n in store.rows(
            f"SELECT article_id, count(*) FROM attributions WHERE article_id IN ({_marks(ids)}) GROUP BY article_id",
            ids)}
    out = [{"id": int(r[0]), "title": r[1], "outlet": r[2], "published": r[3], "url": r[4],
            "attributions": counts.get(int(r[0]), 0), "doc_id": r[5]} for r in rows]
    return _paged(out, size, lambda r: (r["id"],))


ATTRIBUTION_COLUMNS = ["id", "article_id", "ordinal", "speaker", "speaker_id", "speaker_kind", "speaker_description",
                       "source_text", "cue_text", "content_text", "type", "medium", "cue_kind", "via", "confidence",
                       "published", "outlet", "title", "content_start", "content_end", "source_start",
                       "source_end", "cue_start", "cue_end", "pipeline_version", "model", "human_corrected",
                       "quoted", "quoted_text"]

_ATTRIBUTION_SELECT = (
    "SELECT a.id, a.article_id, a.ordinal, COALESCE(s.name, a.speaker), a.speaker_id, a.speaker_kind,"
    " a.speaker_description, a.source_text, a.cue_text, a.content_text, a.type, a.medium, a.cue_kind, a.via,"
    " a.confidence, a.published_on, r.outlet, r.title, a.content_start, a.content_end, a.source_start,"
    " a.source_end, a.cue_start, a.cue_end, a.pipeline_version, a.model, a.human_corrected, a.quoted")
_ATTRIBUTION_FROM = (" FROM attributions a JOIN articles r ON r.id = a.article_id"
                     " LEFT JOIN speakers s ON s.id = a.speaker_id")


def _attribution_row(r: Sequence[Any]) -> dict[str, Any]:
    row = dict(zip(ATTRIBUTION_COLUMNS, (*r, None), strict=True))
    row["id"], row["article_id"], row["ordinal"] = int(r[0]), int(r[1]), int(r[2])
    row["speaker_id"] = int(r[4]) if r[4] is not None else None
    row["via"] = _relays(r[13])
    row["confidence"] = round(float(r[14]), 3)
    row["human_corrected"] = bool(r[26])
    # the quoted parts lie within the content: their words are read off the content's text
    row["quoted"] = [[int(a), int(b)] for a, b in json.loads(r[27] or "[]")]
    start, content = int(r[18]), r[9]
    row["quoted_text"] = QUOTED_SEPARATOR.join(content[a - start : b - start] for a, b in row["quoted"]) \
        if row["quoted"] else None
    return row


@dataclass(frozen=True)
class Filters:
    """Filters on statements shared by the attributions list and search."""

    speaker_id: int | None = None
    outlet: str | None = None
    medium: str | None = None
    type: str | None = None
    speaker_kind: str | None = None
    since: str | None = None
    until: str | None = None

    def clauses(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("a.speaker_id", self.speaker_id), ("r.outlet", self.outlet),
                              ("a.medium", self.medium), ("a.type", self.type),
                              ("a.speaker_kind", self.speaker_kind)):
            if value is not None and value != "":
                where.append(f"{column} = ?")
                params.append(value)
        if self.since:
            where.append("a.published_on >= ?")
            params.append(_date(self.since, end=False, what="since"))
        if self.until:
            where.append("a.published_on <= ?")
            params.append(_date(self.until, end=True, what="until"))
        return where, params

    def needs_articles(self) -> bool:
        return bool(self.outlet)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


def attributions(store: Store, filters: Filters, *, article_id: int | None = None, after: str | None = None,
                 limit: int | None = None) -> Page:
    """Statements, newest stored first (keyset on id)."""
    size = page_size(limit)
    where, params = filters.clauses()
    if article_id is not None:
        where.append("a.article_id = ?")
        params.append(article_id)
    cursor = _cursor(after, (int,))
    if cursor:
        where.append("a.id < ?")
        params.append(cursor[0])
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = [_attribution_row(r) for r in store.rows(
        f"{_ATTRIBUTION_SELECT}{_ATTRIBUTION_FROM}{clause} ORDER BY a.id DESC LIMIT ?", [*params, size + 1])]
    return _paged(rows, size, lambda r: (r["id"],))


# --- one article -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    doc_id: str | None
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    text: str
    skipped: list[dict[str, Any]]
    pipeline_version: str
    model: str
    attributions: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def article(store: Store, article_id: int) -> ArticleRecord:
    row = store.one("SELECT id, doc_id, title, outlet, author, published, url, text, skipped, pipeline_version,"
                    " model FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    rows = [_attribution_row(r) for r in store.rows(
        f"{_ATTRIBUTION_SELECT}{_ATTRIBUTION_FROM} WHERE a.article_id = ? ORDER BY a.ordinal", (article_id,))]
    return ArticleRecord(id=int(row[0]), doc_id=row[1], title=row[2], outlet=row[3], author=row[4],
                         published=row[5], url=row[6], text=row[7], skipped=json.loads(row[8] or "[]"),
                         pipeline_version=row[9], model=row[10], attributions=rows)


def unsaved_article(extraction: Extraction) -> ArticleRecord:
    """An extraction that is not stored (a pasted article checked) as the article page shows a stored one: its
    statements as :data:`ATTRIBUTION_COLUMNS` rows, without store ids."""
    art = extraction.article
    text = art.text
    rows = []
    for i, a in enumerate(extraction.attributions):
        quoted = [[q.start, q.end] for q in a.quoted]
        rows.append({
            "id": None, "article_id": None, "ordinal": i, "speaker": a.speaker, "speaker_id": None,
            "speaker_kind": a.speaker_kind, "speaker_description": a.speaker_description,
            "source_text": a.source.of(text) if a.source else None, "cue_text": a.cue.of(text) if a.cue else None,
            "content_text": a.content.of(text), "type": a.type, "medium": a.medium, "cue_kind": a.cue_kind,
            "via": [{"name": r.name, "outlet": r.outlet, "span": r.span.to_list()} for r in a.via],
            "confidence": round(float(a.confidence), 3), "published": art.published, "outlet": art.outlet,
            "title": art.title, "content_start": a.content.start, "content_end": a.content.end,
            "source_start": a.source.start if a.source else None, "source_end": a.source.end if a.source else None,
            "cue_start": a.cue.start if a.cue else None, "cue_end": a.cue.end if a.cue else None,
            "pipeline_version": extraction.pipeline_version, "model": extraction.model, "human_corrected": False,
            "quoted": quoted, "quoted_text": QUOTED_SEPARATOR.join(text[x:y] for x, y in quoted) if quoted else None,
        })
    return ArticleRecord(id=0, doc_id=art.id, title=art.title, outlet=art.outlet, author=art.author,
                         published=art.published, url=art.url, text=text,
                         skipped=[sk.to_dict() for sk in extraction.skipped],
                         pipeline_version=extraction.pipeline_version, model=extraction.model, attributions=rows)


# --- provenance flags ----------------------------------------------------------------------------------------------


def flags(store: Store, *, kind: str | None = None, speaker: str | None = None, after: str | None = None,
          limit: int | None = None) -> Page:
    """Provenance flags, newest first (keyset on id), each with both statements, their articles' titles and
    their relays (:func:`onrecord.record.provenance.flags` and ``flag_records``); ``speaker``: any name the store
    resolves (an alias, "#12"); ``kind``: reversal, conflict or document."""
    from onrecord.record import provenance

    size = page_size(limit)
    cursor = _cursor(after, (int,))
    found = provenance.flags(store, speaker=speaker or None, kind=kind or None, limit=size + 1,
                             before=cursor[0] if cursor else None)
    page = _paged(provenance.flag_records(store, found), size, lambda r: (r["id"],))
    return Page(page.rows, page.next, page.limit, {"filters": {k: v for k, v in (("kind", kind),
                                                                                 ("speaker", speaker)) if v}})


# --- speakers ----------------------------------------------------------------------------------------------------

SPEAKER_COLUMNS = ["id", "name", "kind", "statements", "articles", "first_seen", "last_seen"]


class _Ranking:
    """Speakers ordered by how often they are quoted, computed once per version of the data (the counts need a
    pass over every statement) and shared by the requests that come until the data changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[Any, ...], list[tuple[int, str, str, int, int, Any, Any]]]] = {}

    def get(self, store: Store) -> list[tuple[int, str, str, int, int, Any, Any]]:
        version = data_version(store)
        key = store.url.target
        cached = self._cache.get(key)
        if cached and cached[0] == version:
            return cached[1]
        rows = [(int(i), n, k, int(c), int(na), f, la) for i, n, k, c, na, f, la in store.rows(
            "SELECT s.id, s.name, s.kind, count(a.id), count(DISTINCT a.article_id), min(a.published_on),"
            " max(a.published_on) FROM speakers s JOIN attributions a ON a.speaker_id = s.id"
            " GROUP BY s.id, s.name, s.kind ORDER BY count(a.id) DESC, s.id")]
        with self._lock:
            self._cache[key] = (version, rows)
        return rows

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


RANKING = _Ranking()


def speakers(store: Store, *, kind: str | None = None, name: str | None = None, after: str | None = None,
             limit: int | None = None) -> Page:
    """Speakers with statements, most quoted first (keyset on (statements, id)); ``name`` keeps those whose
    name contains it (case-insensitive)."""
    size = page_size(limit)
    cursor = _cursor(after, (int, int))
    needle = (name or "").casefold().strip()
    out = []
    for sid, sname, skind, count, n_articles, first, last in RANKING.get(store):
        if cursor and (count > cursor[0] or (count == cursor[0] and sid <= cursor[1])):
            continue
        if kind and skind != kind:
            continue
        if needle and needle not in sname.casefold():
            continue
        out.append({"id": sid, "name": sname, "kind": skind, "statements": count, "articles": n_articles,
                    "first_seen": first, "last_seen": last})
        if len(out) > size:
            break
    return _paged(out, size, lambda r: (r["statements"], r["id"]))


@dataclass(frozen=True)
class SpeakerRecord:
    id: int
    name: str
    kind: str
    key: str
    aliases: list[str]
    statements: int
    by_month: list[dict[str, Any]]  # {"month", "outlet", "medium", "count"}
    page: Page

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "key": self.key, "aliases": self.aliases,
                "statements": self.statements, "by_month": self.by_month, "timeline": self.page.to_dict()}


TIMELINE_COLUMNS = ["id", "article_id", "number", "published", "outlet", "title", "medium", "type", "via",
                    "source_text", "cue_text", "content_text", "flags"]


def speaker(store: Store, speaker_id: int, *, since: str | None = None, until: str | None = None,
            after: str | None = None, limit: int | None = None) -> SpeakerRecord:
    """A speaker, their aliases, their statements per month (by outlet and channel) and a page of their timeline
    in date order (undated last; keyset on (date, id))."""
    size = page_size(limit)
    ref = store.speaker(speaker_id)
    where: list[str] = ["a.speaker_id = ?"]
    params: list[Any] = [speaker_id]
    if since:
        where.append("a.published_on >= ?")
        params.append(_date(since, end=False, what="since"))
    if until:
        where.append("a.published_on <= ?")
        params.append(_date(until, end=True, what="until"))
    clause = " AND ".join(where)
    by_month = [{"month": m, "outlet": o, "medium": md, "count": int(n)} for m, o, md, n in store.rows(
        "SELECT substr(a.published_on, 1, 7), r.outlet, a.medium, count(*) FROM attributions a"
        f" JOIN articles r ON r.id = a.article_id WHERE {clause}"
        " GROUP BY substr(a.published_on, 1, 7), r.outlet, a.medium", params)]
    by_month.sort(key=lambda r: (r["month"] is None, r["month"] or "", r["outlet"] or "", r["medium"]))
    cursor = _cursor(after, (str, int))
    page_where, page_params = list(where), list(params)
    if cursor:
        page_where.append("(COALESCE(a.published_on, ?) > ? OR (COALESCE(a.published_on, ?) = ? AND a.id > ?))")
        page_params += [_NO_DATE, cursor[0], _NO_DATE, cursor[0], cursor[1]]
    rows = store.rows(
        "SELECT a.id, a.article_id, a.ordinal + 1, a.published_on, r.outlet, r.title, a.medium, a.type, a.via,"
        " a.source_text, a.cue_text, a.content_text FROM attributions a JOIN articles r ON r.id = a.article_id"
        f" WHERE {' AND '.join(page_where)} ORDER BY COALESCE(a.published_on, ?), a.id LIMIT ?",
        [*page_params, _NO_DATE, size + 1])
    entries = [{**dict(zip(TIMELINE_COLUMNS, (*r, None), strict=True)), "id": int(r[0]), "article_id": int(r[1]),
                "number": int(r[2]), "via": _relays(r[8])} for r in rows]
    from onrecord.record.provenance import marks

    flagged = marks(store, [e["id"] for e in entries])  # the statements that take part in a flag: ⚑ on the page
    for e in entries:
        e["flags"] = list(flagged.get(e["id"], ()))
    page = _paged(entries, size, lambda r: (r["published"] or _NO_DATE, r["id"]))
    aliases = [a for (a,) in store.rows("SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias",
                                        (speaker_id,))]
    return SpeakerRecord(id=ref.id, name=ref.name, kind=ref.kind, key=ref.key,
                         aliases=[a for a in aliases if a != ref.name],
                         statements=sum(r["count"] for r in by_month), by_month=by_month, page=page)


# --- search ------------------------------------------------------------------------------------------------------

SEARCH_COLUMNS = ["id", "article_id", "number", "score", "snippet", "speaker", "speaker_id", "speaker_kind",
                  "published", "outlet", "title", "type", "medium", "content_text"]


def _match(store: Store, q: str) -> str:
    """The query in the backend's syntax: an FTS5 expression built from words and quoted phrases (never the user's
    text as FTS5 syntax), or for PostgreSQL the text itself, read by ``websearch_to_tsquery`` (which never fails)."""
    text = (q or "").strip()
    if not text:
        raise BadRequest("give words to search for (q)")
    try:
        fts = library.fts5_query(text)
    except OnrecordError as exc:
        raise BadRequest(exc.reason) from None
    return text if store.backend == POSTGRES else fts


@dataclass(frozen=True)
class _Sample:
    """The most recently stored matches (at most :data:`SEARCH_SAMPLE`), each ``(id, score, speaker_id, outlet,
    medium, type, month)``, and how many statements match in all (None when not counted)."""

    rows: list[tuple[Any, ...]]
    total: int | None
    facets: dict[str, Any] = field(default_factory=dict)


def _sample(store: Store, match: str, filters: Filters, size: int, newest: int | None = None) -> _Sample:
    """The ``size`` most recently stored statements that match (and pass the filters), newest first, with their
    score and what the facets count, in one query (two on PostgreSQL). The work is bounded by ``size``, not by the
    number of matches: FTS5 walks its index newest first and stops. PostgreSQL's GIN index gives the matching rows
    in storage order, so every match is read to find the newest ones; for a query the planner expects to match
    more than :data:`WINDOW_AFTER` times ``size`` statements, only the statements stored last (``newest`` is the
    largest id) are searched, a window sized from that estimate to hold about 1.5 times ``size`` matches, and
    all of them only when the window holds fewer."""
    where, params = filters.clauses()
    filter_sql = "".join(f" AND {w}" for w in where)
    if store.backend == POSTGRES:
        join = " JOIN articles r ON r.id = a.article_id" if filters.needs_articles() else ""
        cond = f"a.content_tsv @@ websearch_to_tsquery('english', ?){filter_sql}"
        if newest:
            plan = store.one(f"EXPLAIN (FORMAT JSON) SELECT a.id FROM attributions a{join} WHERE {cond}",
                             [match, *params])
            estimate, visits = _estimates(plan[0][0]["Plan"] if plan else {})
            window = int(1.5 * size * newest / max(estimate, 1.0))
            if visits > WINDOW_AFTER * size and window < newest // 2:
                window = max(10 * size, window)
                with store.transaction():  # the window through the GIN and primary key bitmaps, not a walk of
                    store.execute("SET LOCAL enable_indexscan = off")  # the key testing each row's words
                    ids = [int(i) for (i,) in store.rows(
                        f"SELECT a.id FROM attributions a{join} WHERE {cond} AND a.id > ? ORDER BY a.id DESC"
                        " LIMIT ?", [match, *params, newest - window, size])]
                if len(ids) >= size:
                    rows = store.rows(
                        "SELECT a.id, ts_rank_cd(a.content_tsv, websearch_to_tsquery('english', ?))::float8,"
                        " a.speaker_id, r.outlet, a.medium, a.type, substr(a.published_on, 1, 7) FROM attributions a"
                        " JOIN articles r ON r.id = a.article_id WHERE a.id = ANY(?)", [match, ids])
                    return _Sample(sorted(rows, key=lambda r: -r[0]), None)
        rows = _pg_sample(store, join, cond, [match, *params], size)
        total = int(rows[0][7]) if rows else 0
        return _Sample([r[:7] for r in rows], total)
    # SQLite: FTS5 first (CROSS JOIN keeps that order), newest rowid first; the other tables are looked up per row
    rows = store.rows(
        "SELECT attributions_fts.rowid, bm25(attributions_fts), a.speaker_id, r.outlet, a.medium, a.type,"
        " substr(a.published_on, 1, 7) FROM attributions_fts CROSS JOIN attributions a ON a.id = attributions_fts.rowid"
        f" CROSS JOIN articles r ON r.id = a.article_id WHERE attributions_fts MATCH ?{filter_sql}"
        " ORDER BY attributions_fts.rowid DESC LIMIT ?", [match, *params, size])
    if len(rows) < size:
        return _Sample(rows, len(rows))
    if where:  # counting the filtered matches would join every match: not counted
        return _Sample(rows, None)
    found = store.one("SELECT count(*) FROM attributions_fts WHERE attributions_fts MATCH ?", (match,))
    return _Sample(rows, int(found[0]) if found else None)


class _Samples:
    """Search samples, with their facet counts, kept by (store, version of its data, query, filters): the next
    pages of a search, and the same search asked again before the data changes, read the sample instead of
    searching again (so the pages of one search also rank the same sample). At most :data:`SAMPLES_KEPT` are
    kept, the least recently used dropped, and none is used after :data:`SAMPLE_SECONDS` (a bound on what the
    version cannot see: another program relinking the store's speakers)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], tuple[float, _Sample]] = OrderedDict()

    def get(self, store: Store, match: str, filters: Filters, size: int) -> _Sample:
        version = data_version(store)
        key = (store.url.target, version, match, filters, size)
        now = time.monotonic()
        with self._lock:
            kept = self._cache.get(key)
            if kept and now - kept[0] < SAMPLE_SECONDS:
                self._cache.move_to_end(key)
                return kept[1]
        found = _sample(store, match, filters, size, newest=version[1])
        sample = _Sample(found.rows, found.total, _facets(store, found.rows))
        with self._lock:
            self._cache[key] = (now, sample)
            self._cache.move_to_end(key)
            while len(self._cache) > SAMPLES_KEPT:
                self._cache.popitem(last=False)
        return sample

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


SAMPLES = _Samples()


def _estimates(plan: dict[str, Any]) -> tuple[float, float]:
    """From PostgreSQL's plan of a search: the rows it expects to match, and the rows it expects to read for them
    (what the bitmap of the full-text index, alone or ANDed with another index, hands the heap scan; a filter
    no index serves, a channel say, is tested on each of those)."""
    rows = float(plan.get("Plan Rows") or 0.0)
    node = plan
    while node.get("Node Type") not in ("Bitmap Heap Scan", None) and len(node.get("Plans") or ()) == 1:
        node = node["Plans"][0]
    if node.get("Node Type") == "Bitmap Heap Scan" and node.get("Plans"):
        return rows, float(node["Plans"][0].get("Plan Rows") or rows)
    return rows, rows


def _pg_sample(store: Store, join: str, cond: str, params: list[Any], size: int) -> list[tuple[Any, ...]]:
    """PostgreSQL: the newest ``size`` statements meeting ``cond``, sorted as bare ids, then read again for their
    score and facets, each row ending with the count of all (count(*) OVER () counts before the LIMIT: the bitmap
    scan visits every match anyway). Ordering by "a.id + 0" keeps the planner off a backward walk of the primary
    key testing every row (seconds at 1M statements for a rare word)."""
    return store.rows(
        "SELECT a.id, ts_rank_cd(a.content_tsv, websearch_to_tsquery('english', ?))::float8, a.speaker_id,"
        " r.outlet, a.medium, a.type, substr(a.published_on, 1, 7), m.total"
        f" FROM (SELECT a.id, count(*) OVER () AS total FROM attributions a{join} WHERE {cond}"
        " ORDER BY a.id + 0 DESC LIMIT ?) m JOIN attributions a ON a.id = m.id JOIN articles r ON r.id = a.article_id",
        [params[0], *params, size])


def search(store: Store, q: str, filters: Filters, *, after: str | None = None, limit: int | None = None,
           facets: bool = True, sample: int | None = None) -> Page:
    """Statements matching ``q``, best first (keyset on (score, id)), with snippets marked by
    :data:`HIT_START`/:data:`HIT_END`.

    Ranking and the facet counts are over the :data:`SEARCH_SAMPLE` most recently stored matches (``sample``),
    so that a query matching a large part of the store costs no more than one matching that many: the page
    says so (``matches_capped``, ``sample``) with the number of matches in all (``matches``; None where it was
    not counted: SQLite with a filter)."""
    size = page_size(limit, 20)
    match = _match(store, q)
    cursor = _cursor(after, (float, int))
    found = SAMPLES.get(store, match, filters, sample or SEARCH_SAMPLE)
    # best first: bm25 is lower for a better match, ts_rank_cd higher; ties by id
    sign = -1.0 if store.backend == POSTGRES else 1.0
    ranked = sorted(found.rows, key=lambda r: (sign * r[1], r[0]))
    if cursor:
        edge = (sign * cursor[0], cursor[1])
        ranked = [r for r in ranked if (sign * r[1], r[0]) > edge]
    shown = ranked[:size + 1]
    ids = [int(r[0]) for r in shown]
    details = _details(store, match, ids)
    rows = []
    for r in shown:
        d = details[int(r[0])]
        rows.append({"id": d["id"], "article_id": d["article_id"], "number": d["ordinal"] + 1, "score": float(r[1]),
                     "snippet": d["snippet"] or d["content_text"], "speaker": d["speaker"],
                     "speaker_id": d["speaker_id"], "speaker_kind": d["speaker_kind"],
                     "speaker_description": d["speaker_description"], "published": d["published"],
                     "outlet": d["outlet"], "title": d["title"], "type": d["type"], "medium": d["medium"],
                     "content_text": d["content_text"]})
    page = _paged(rows, size, lambda r: (r["score"], r["id"]))
    capped = found.total is None or found.total > len(found.rows)
    extra: dict[str, Any] = {"q": q, "filters": filters.to_dict(), "matches": found.total,
                             "matches_capped": capped, "sample": len(found.rows)}
    if facets:
        extra["facets"] = found.facets
    return Page(page.rows, page.next, page.limit, extra)


def _details(store: Store, match: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The statements shown, with their snippet (one query)."""
    if not ids:
        return {}
    if store.backend == POSTGRES:
        options = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=35, MinWords=15, MaxFragments=1"
        found = store.rows(f"{_ATTRIBUTION_SELECT}, ts_headline('english', a.content_text,"
                           f" websearch_to_tsquery('english', ?), ?){_ATTRIBUTION_FROM} WHERE a.id IN ({_marks(ids)})",
                           [match, options, *ids])
    else:
        found = store.rows(f"{_ATTRIBUTION_SELECT}, snippet(attributions_fts, 0, ?, ?, '…', 32){_ATTRIBUTION_FROM}"
                           " JOIN attributions_fts ON attributions_fts.rowid = a.id"
                           f" WHERE attributions_fts MATCH ? AND a.id IN ({_marks(ids)})",
                           [HIT_START, HIT_END, match, *ids])
    return {int(r[0]): {**_attribution_row(r[:-1]), "snippet": r[-1]} for r in found}


def _facets(store: Store, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Counts of speaker, outlet, channel, type and month over the sampled matches."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7  # rows of one query: one length
    counters = [Counter(columns[i]) for i in range(2, 7)]
    top_speakers = [(sid, n) for sid, n in counters[0].most_common(FACET_VALUES + 1) if sid is not None]
    top_speakers = top_speakers[:FACET_VALUES]
    names = {}
    if top_speakers:
        ids = [int(s) for s, _ in top_speakers]
        names = {int(i): n for i, n in store.rows(f"SELECT id, name FROM speakers WHERE id IN ({_marks(ids)})", ids)}

    def listing(counter: Counter[Any]) -> list[dict[str, Any]]:
        return [{"value": v, "count": n} for v, n in counter.most_common(FACET_VALUES + 1) if v is not None][
            :FACET_VALUES]

    months = sorted(((m, n) for m, n in counters[4].items() if m), reverse=True)
    return {
        "speaker": [{"value": int(s), "label": names.get(int(s), f"#{s}"), "count": n} for s, n in top_speakers],
        "outlet": listing(counters[1]),
        "medium": listing(counters[2]),
        "type": listing(counters[3]),
        "month": [{"value": m, "count": n} for m, n in months[:24]],
    }


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, is_hit) parts, for the template to escape and wrap."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({HIT_START}[^{HIT_END}]*{HIT_END})", snippet):
        if not piece:
            continue
        if piece.startswith(HIT_START) and piece.endswith(HIT_END):
            parts.append((piece[1:-1], True))
        else:
            parts.append((piece.replace(HIT_START, "").replace(HIT_END, ""), False))
    return parts


def plain_snippet(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


# --- stats -------------------------------------------------------------------------------------------------------


class _StatsCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], dict[str, Any]] = {}

    def get(self, store: Store, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        full = (store.url.target, data_version(store), *key)
        found = self._cache.get(full)
        if found is None:
            found = compute()
            with self._lock:
                if len(self._cache) > 64:
                    self._cache.clear()
                self._cache[full] = found
        return found

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


STATS = _StatsCache()


def stats(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
          top: int = 5) -> dict[str, Any]:
    """Who is quoted by outlet and month, the anonymous share by outlet, the channel mix and statements per month
    by outlet; cached until the data changes."""
    since_b = _date(since, end=False, what="since")
    until_b = _date(until, end=True, what="until")

    def compute() -> dict[str, Any]:
        result = library.stats(store, outlet=outlet, since=since, until=until, top=top)
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if outlet:
            where.append("r.outlet = ?")
            params.append(outlet)
        if since_b:
            where.append("a.published_on >= ?")
            params.append(since_b)
        if until_b:
            where.append("a.published_on <= ?")
            params.append(until_b)
        clause = " AND ".join(where)
        base = f" FROM attributions a JOIN articles r ON r.id = a.article_id WHERE {clause}"
        channels = [{"medium": m, "count": int(n)} for m, n in store.rows(
            f"SELECT a.medium, count(*){base} GROUP BY a.medium ORDER BY count(*) DESC, a.medium", params)]
        types = [{"type": t, "count": int(n)} for t, n in store.rows(
            f"SELECT a.type, count(*){base} GROUP BY a.type ORDER BY count(*) DESC, a.type", params)]
        monthly = [{"month": m, "outlet": o, "count": int(n)} for m, o, n in store.rows(
            f"SELECT substr(a.published_on, 1, 7), r.outlet, count(*){base} AND a.published_on IS NOT NULL"
            " GROUP BY substr(a.published_on, 1, 7), r.outlet", params)]
        monthly.sort(key=lambda r: (r["month"], r["outlet"] or ""))
        out = result.to_dict()
        out.update(channels=channels, types=types, monthly=monthly,
                   filters={k: v for k, v in (("outlet", outlet), ("since", since), ("until", until)) if v})
        return out

    return STATS.get(store, (outlet, since_b, until_b, top), compute)


def outlets(store: Store, limit: int = 200) -> list[str]:
    """Outlet names for the filter menus (cached with the stats)."""
    names: list[str] = STATS.get(store, ("outlets", limit), lambda: {"outlets": [o for (o,) in store.rows(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT ?", (limit,))]})[
        "outlets"]
    return names
