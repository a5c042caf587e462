"""Reading the record: search, speaker timelines, statistics and speaker listings, as frozen values.

The CLI and the web app use these functions; each takes an open :class:`onrecord.record.Store` and returns
plain records (frozen dataclasses with ``to_dict``). Dates are ISO strings (``YYYY-MM-DD``); ``since`` and
``until`` are inclusive and accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from onrecord.errors import OnrecordError
from onrecord.record.store import POSTGRES, SpeakerRef, Store

#: Up to this many full-text matches, SQLite search ranks, joins and makes snippets in one query.
FEW_MATCHES = 1000

#: A search query is at most this many characters and words (each word of a phrase counts, and OR): a query of
#: thousands of words took minutes on SQLite, and no one types one.
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 32

#: Marks around matched words in search snippets.
MARK_START, MARK_END = "[", "]"


def _plain(value: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict."""
    return asdict(value)


def _relays(via_json: str) -> tuple[str, ...]:
    return tuple(", ".join(v for v in (r.get("name"), r.get("outlet")) if v) for r in json.loads(via_json or "[]"))


#: The most rows a query returns at once.
MAX_LIMIT = 1_000_000


def _limit(value: int | None, what: str = "limit") -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LIMIT):
        raise OnrecordError(f"{what} must be a whole number from 0 to {MAX_LIMIT:,}, not {value!r}")


def _bound(value: str | None, *, end: bool, what: str) -> str | None:
    """A date bound as a comparable ISO prefix: until 2020-03 covers the whole of March."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise OnrecordError(f"{what} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    if end:
        return value + "-99" * (2 - value.count("-"))
    return value


# --- search ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One attribution matching a search, with where it was said and a snippet of the matched words."""

    attribution_id: int
    article_id: int
    score: float
    snippet: str
    content: str
    speaker: str | None  # the linked speaker's canonical name, else the name or description in the article
    speaker_id: int | None
    speaker_kind: str
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    type: str
    medium: str
    via: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def fts5_query(text: str) -> str:
    """A web-search style query ("withdraw troops", '"exact phrase"', 'a OR b', '-word') as an FTS5 expression.
    A query over :data:`MAX_QUERY_CHARS` characters or :data:`MAX_QUERY_WORDS` words is refused."""
    if len(text) > MAX_QUERY_CHARS:
        raise OnrecordError(f"the search query is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} are "
                            "searched for (shorten it)")
    words = len(re.findall(r"\w+", text))
    if words > MAX_QUERY_WORDS:
        raise OnrecordError(f"the search query has {words:,} words; at most {MAX_QUERY_WORDS} are searched for "
                            "(shorten it)")
    parts: list[str] = []
    positive = 0
    for m in re.finditer(r'(-?)"([^"]*)"|(\S+)', text):
        negate, phrase, word = m[1], m[2], m[3]
        if word is not None and word.upper() == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negate, word = "-", word[1:]
        body = phrase if phrase is not None else word
        tokens = re.findall(r"\w+", body or "")
        if not tokens:
            continue
        term = '"' + " ".join(tokens) + '"'
        if negate:
            if positive:
                parts.append(f"NOT {term}")
        else:
            parts.append(term)
            positive += 1
    while parts and parts[-1] == "OR":
        parts.pop()
    if not positive:
        raise OnrecordError(f"nothing to search for in {text!r} (give at least one word)")
    return " ".join(parts)


def search(store: Store, query: str, *, speaker: str | None = None, outlet: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Full-text search over what was said, best first. ``speaker`` is a name (resolved like
    :meth:`Store.resolve_speaker`), ``outlet`` matched case-insensitively."""
    match = fts5_query(query)  # also checks, for both backends, that there is a word to look for
    _limit(limit)
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        who = store.resolve_speaker(speaker)
        where.append("a.speaker_id = ?")
        params.append(who.id)
    if outlet:
        where.append("lower(r.outlet) = lower(?)")
        params.append(outlet)
    if since:
        where.append("a.published_on >= ?")
        params.append(_bound(since, end=False, what="since"))
    if until:
        where.append("a.published_on <= ?")
        params.append(_bound(until, end=True, what="until"))
    filters = "".join(f" AND {w}" for w in where)
    columns = ("a.id, a.article_id, a.content_text, COALESCE(s.name, a.speaker, a.speaker_description), a.speaker_id,"
               " a.speaker_kind, a.published_on, r.outlet, r.title, r.url, a.type, a.medium, a.via")
    if store.backend == POSTGRES:
        # rank the matches first (joining articles only when a filter needs it), then read the top rows and
        # make their headlines: the joins and ts_headline are paid for the rows shown only
        joins = " JOIN articles r ON r.id = a.article_id" if filters else ""
        rows = store.rows(
            f"SELECT {columns}, t.score, ts_headline('english', a.content_text, websearch_to_tsquery('english', ?),"
            " 'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1') FROM ("
            f"SELECT a.id, ts_rank_cd(a.content_tsv, q) AS score FROM attributions a{joins},"
            " websearch_to_tsquery('english', ?) q"
            f" WHERE a.content_tsv @@ q{filters} ORDER BY score DESC, a.id LIMIT ?) t"
            " JOIN attributions a ON a.id = t.id JOIN articles r ON r.id = a.article_id"
            " LEFT JOIN speakers s ON s.id = a.speaker_id ORDER BY t.score DESC, t.id",
            [query, query, *params, limit])
    else:
        rows = _search_sqlite(store, match, columns, filters, params, limit)
    return [SearchHit(attribution_id=int(r[0]), article_id=int(r[1]), content=r[2], speaker=r[3],
                      speaker_id=int(r[4]) if r[4] is not None else None, speaker_kind=r[5], published=r[6],
                      outlet=r[7], title=r[8], url=r[9], type=r[10], medium=r[11], via=_relays(r[12]),
                      score=round(float(r[13]), 4), snippet=" ".join(str(r[14]).split())) for r in rows]


def _search_sqlite(store: Store, match: str, columns: str, filters: str, params: list[Any],
                   limit: int) -> list[tuple[Any, ...]]:
    """FTS5 search. Few matches (counting them is cheap): one query with joins and snippets. Many matches: three
    steps, so that only the rows shown pay for joins and snippets: rank the matches (joining only when a filter
    needs it), read the top rows, then one snippet per row (a ``rowid =`` lookup in the FTS cursor;
    ``rowid IN (…)`` would scan every match). Measured in bench/store_scale.py: each way is the faster one on
    its side of the threshold."""
    (matches,) = store.one("SELECT count(*) FROM attributions_fts WHERE attributions_fts MATCH ?", (match,)) or (0,)
    if matches <= FEW_MATCHES:
        return store.rows(
            f"SELECT {columns}, -attributions_fts.rank, snippet(attributions_fts, 0, '[', ']', '…', 24)"
            " FROM attributions_fts JOIN attributions a ON a.id = attributions_fts.rowid"
            " JOIN articles r ON r.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id"
            f" WHERE attributions_fts MATCH ?{filters} ORDER BY attributions_fts.rank, a.id LIMIT ?",
            [match, *params, limit])
    joins = (" JOIN attributions a ON a.id = attributions_fts.rowid JOIN articles r ON r.id = a.article_id"
             if filters else "")
    ranked = store.rows(
        f"SELECT attributions_fts.rowid, -attributions_fts.rank FROM attributions_fts{joins}"
        f" WHERE attributions_fts MATCH ?{filters} ORDER BY attributions_fts.rank, attributions_fts.rowid LIMIT ?",
        [match, *params, limit])
    if not ranked:
        return []
    ids = [int(i) for i, _ in ranked]
    details = {int(r[0]): r for r in store.rows(
        f"SELECT {columns} FROM attributions a JOIN articles r ON r.id = a.article_id"
        f" LEFT JOIN speakers s ON s.id = a.speaker_id WHERE a.id IN ({', '.join('?' for _ in ids)})", ids)}
    out = []
    for attribution_id, score in ranked:
        snippet = store.one("SELECT snippet(attributions_fts, 0, '[', ']', '…', 24) FROM attributions_fts"
                            " WHERE attributions_fts MATCH ? AND rowid = ?", (match, attribution_id))
        out.append((*details[int(attribution_id)], score, snippet[0] if snippet else ""))
    return out


# --- speaker timeline --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One statement of a speaker: when, where, through which channel, relayed by whom, the words."""

    attribution_id: int
    article_id: int
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    medium: str
    type: str
    via: tuple[str, ...]
    mention: str | None  # how the article named the speaker
    cue: str | None
    content: str
    flags: tuple[str, ...] = ()  # the provenance flags it takes part in: "reversal (full)", "conflict"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Timeline:
    """A speaker, the names they appear under, and their statements in date order (undated last)."""

    speaker: SpeakerRef
    aliases: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": _plain(self.speaker), "aliases": list(self.aliases), "total": self.total,
                "entries": [e.to_dict() for e in self.entries]}


def timeline(store: Store, speaker: str, *, since: str | None = None, until: str | None = None,
             limit: int | None = 200) -> Timeline:
    """The statements of ``speaker`` across articles. :class:`onrecord.errors.NotFoundError` for an unknown or
    ambiguous name."""
    _limit(limit)
    who = store.resolve_speaker(speaker)
    where: list[str] = ["a.speaker_id = ?"]
    params: list[Any] = [who.id]
    if since:
        where.append("a.published_on >= ?")
        params.append(_bound(since, end=False, what="since"))
    if until:
        where.append("a.published_on <= ?")
        params.append(_bound(until, end=True, what="until"))
    clause = " AND ".join(where)
    total = int(store.one(f"SELECT count(*) FROM attributions a WHERE {clause}", params)[0])  # type: ignore[index]
    rows = store.rows(
        "SELECT a.id, a.article_id, a.published_on, r.outlet, r.title, r.url, a.medium, a.type, a.via,"
        " COALESCE(a.source_text, a.speaker), a.cue_text, a.content_text"
        " FROM attributions a JOIN articles r ON r.id = a.article_id"
        f" WHERE {clause} ORDER BY a.published_on IS NULL, a.published_on, a.article_id, a.ordinal"
        + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params)
    aliases = tuple(a for (a,) in store.rows("SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias",
                                             (who.id,)))
    from onrecord.record.provenance import marks

    flagged = marks(store, (int(r[0]) for r in rows))
    entries = tuple(TimelineEntry(attribution_id=int(r[0]), article_id=int(r[1]), published=r[2], outlet=r[3],
                                  title=r[4], url=r[5], medium=r[6], type=r[7], via=_relays(r[8]), mention=r[9],
                                  cue=r[10], content=r[11], flags=flagged.get(int(r[0]), ())) for r in rows)
    return Timeline(speaker=who, aliases=aliases, entries=entries, total=total)


# --- speakers ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """A speaker with how often and where they are quoted."""

    id: int
    name: str
    kind: str
    statements: int
    articles: int
    outlets: int
    first_seen: str | None
    last_seen: str | None
    aliases: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def speakers(store: Store, *, name: str | None = None, kind: str | None = None,
             limit: int = 50) -> list[SpeakerSummary]:
    """Speakers, most quoted first; ``name`` filters to those it can mean (see :meth:`Store.find_speakers`)."""
    _limit(limit)
    where: list[str] = []
    params: list[Any] = []
    if name:
        ids = [s.id for s in store.find_speakers(name)]
        if not ids:
            return []
        where.append(f"s.id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = store.rows(
        "SELECT s.id, s.name, s.kind, count(a.id), count(DISTINCT a.article_id), count(DISTINCT r.outlet),"
        " min(a.published_on), max(a.published_on) FROM speakers s"
        " LEFT JOIN attributions a ON a.speaker_id = s.id LEFT JOIN articles r ON r.id = a.article_id"
        f"{clause} GROUP BY s.id, s.name, s.kind ORDER BY count(a.id) DESC, s.name LIMIT ?", [*params, limit])
    aliases: dict[int, list[str]] = defaultdict(list)
    if rows:
        ids = [int(r[0]) for r in rows]
        for sid, alias in store.rows(f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN "
                                     f"({', '.join('?' for _ in ids)}) ORDER BY alias", ids):
            aliases[int(sid)].append(alias)
    return [SpeakerSummary(id=int(r[0]), name=r[1], kind=r[2], statements=int(r[3]), articles=int(r[4]),
                           outlets=int(r[5]), first_seen=r[6], last_seen=r[7], aliases=tuple(aliases[int(r[0])]))
            for r in rows]


# --- stats -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuotedRow:
    """How often a speaker is quoted by an outlet in a month, and their share of that outlet-month's statements."""

    month: str | None
    outlet: str | None
    speaker: str
    speaker_id: int
    kind: str
    count: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class AnonymousRow:
    """Statements by unnamed sources in an outlet, and their share of its statements."""

    outlet: str | None
    anonymous: int
    total: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Stats:
    articles: int
    attributions: int
    speakers: int
    quoted: tuple[QuotedRow, ...]
    anonymous: tuple[AnonymousRow, ...]
    gender: tuple[Any, ...] = ()  # record.gender.GenderRow: people quoted by gender, per month and outlet
    sourcing: tuple[Any, ...] = ()  # record.gender.SourcingRow: how statements are sourced, per outlet

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "attributions": self.attributions, "speakers": self.speakers,
                "quoted": [r.to_dict() for r in self.quoted], "anonymous": [r.to_dict() for r in self.anonymous],
                "gender": [r.to_dict() for r in self.gender], "sourcing": [r.to_dict() for r in self.sourcing]}


def outlet_and_dates(outlet: str | None, since: str | None, until: str | None,
                     date: str = "r.published_on") -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of an outlet (``r`` is the articles table) and a date range on the
    column ``date`` (``since``/``until``: YYYY, YYYY-MM or YYYY-MM-DD)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if outlet:
        where.append("lower(r.outlet) = lower(?)")
        params.append(outlet)
    if since:
        where.append(f"{date} >= ?")
        params.append(_bound(since, end=False, what="since"))
    if until:
        where.append(f"{date} <= ?")
        params.append(_bound(until, end=True, what="until"))
    return " AND ".join(where), params


def stats(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
          top: int = 10) -> Stats:
    """Who is quoted, by outlet and month (the ``top`` speakers of each outlet-month, with counts and shares), and
    the share of statements from anonymous sources by outlet."""
    _limit(top, "top")
    clause, params = outlet_and_dates(outlet, since, until, "a.published_on")
    base = " FROM attributions a JOIN articles r ON r.id = a.article_id"
    totals = {(m, o): int(n) for m, o, n in store.rows(
        f"SELECT substr(a.published_on, 1, 7), r.outlet, count(*){base} WHERE {clause}"
        " GROUP BY substr(a.published_on, 1, 7), r.outlet", params)}
    counted = store.rows(
        f"SELECT substr(a.published_on, 1, 7), r.outlet, s.id, s.name, s.kind, count(*){base}"
        f" JOIN speakers s ON s.id = a.speaker_id WHERE {clause}"
        " GROUP BY substr(a.published_on, 1, 7), r.outlet, s.id, s.name, s.kind", params)
    groups: dict[tuple[str | None, str | None], list[QuotedRow]] = defaultdict(list)
    for month, out, sid, name, kind, n in counted:
        total = totals.get((month, out)) or 1
        groups[(month, out)].append(QuotedRow(month, out, name, int(sid), kind, int(n), round(int(n) / total, 4)))
    quoted: list[QuotedRow] = []
    for key in sorted(groups, key=lambda k: (k[0] is None, k[0] or "", k[1] is None, k[1] or "")):
        quoted.extend(sorted(groups[key], key=lambda r: (-r.count, r.speaker))[:top])
    anonymous = tuple(
        AnonymousRow(o, int(anon), int(total), round(int(anon) / int(total), 4) if total else 0.0)
        for o, anon, total in store.rows(
            f"SELECT r.outlet, sum(CASE WHEN a.speaker_kind = 'anonymous' THEN 1 ELSE 0 END), count(*){base}"
            f" WHERE {clause} GROUP BY r.outlet ORDER BY r.outlet", params))
    n_articles = int(store.one(f"SELECT count(DISTINCT r.id){base} WHERE {clause}", params)[0] or 0)  # type: ignore[index]
    n_attributions = sum(totals.values())
    n_speakers = int(store.one(f"SELECT count(DISTINCT a.speaker_id){base} WHERE {clause}", params)[0] or 0)  # type: ignore[index]
    from onrecord.record.gender import gender_shares, sourcing_shares

    return Stats(n_articles, n_attributions, n_speakers, tuple(quoted), anonymous,
                 tuple(gender_shares(store, outlet=outlet, since=since, until=until)),
                 tuple(sourcing_shares(store, outlet=outlet, since=since, until=until)))
