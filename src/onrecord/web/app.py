"""The FastAPI application: server-rendered pages, their ``.json`` and ``.csv`` twins, and the write endpoints.

Every list or record page ``/X`` has ``/X.json`` and ``/X.csv`` with the same query parameters (filters and the
keyset cursor ``after``); the JSON twins are the read API and are described in ``/openapi.json``. Errors are JSON
``{"error": {"type", "message", "status"}}`` on API and twin URLs, an HTML page elsewhere; never a stack trace.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import io
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from onrecord.errors import DocumentTooLargeError, InputError, NotFoundError, OnrecordError, StoreError
from onrecord.record.export import csv_writer
from onrecord.record.gender import speaker_gender
from onrecord.record.provenance import KINDS, article_flags, flag_records
from onrecord.settings import MODES, Settings
from onrecord.types import Article, Extraction
from onrecord.web import charts, highlight, quote_routes
from onrecord.web import families as famv
from onrecord.web import provenance as prov
from onrecord.web import queries as q
from onrecord.web.db import GENERATION, Busy, QueryTimeout, Readers, Writer
from onrecord.web.helpers import (
    _filename,
    _format,
    _headline,
    _json,
    _safe_next,
    _svg,
    _twin,
    _twin_of,
    _url,
    _version,
    _with,
)
from onrecord.web.limits import EXTRACT_SECONDS, MAX_UPLOAD, QUERY_SECONDS, QUEUE, READERS
from onrecord.web.security import COOKIE, SecurityHeaders, Token
from onrecord.web.views import View, WebError
from onrecord.web.worker import QueueFull, Worker, accurate_available, model_extractor

log = logging.getLogger("onrecord.web")

#: How many of a speaker's flags their page shows (the rest: /flags?speaker_id=ID).
SPEAKER_FLAGS = 50
#: How long the app, stopping, waits for the jobs already queued (a rebuild of the quote families) before it closes
#: the store they write to.
SHUTDOWN_SECONDS = 30.0
#: The tables of /stats.csv (``table=``) and their columns (sourcing adds one ``kind_K`` column per kind).
STATS_TABLES = {
    "quoted": ["month", "outlet", "speaker", "speaker_id", "kind", "count", "share"],
    "gender": ["month", "outlet", "people", "women", "men", "unknown", "women_share", "men_share", "unknown_share",
               "women_of_gendered"],
    "sourcing": ["outlet", "statements", "anonymous", "anonymous_with_reason", "anonymous_without_reason",
                 "relay_only", "single_source", "anonymous_share", "without_reason_share", "relay_only_share",
                 "single_source_share"],
}

HERE = Path(__file__).parent

_TYPES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "bad_request", 500: "internal",
          503: "unavailable"}


@dataclass
class Config:
    """What ``onrecord serve`` passes to the app."""

    db: str
    token: str | None = None
    readers: int = READERS
    query_seconds: float = QUERY_SECONDS
    max_upload: int = MAX_UPLOAD
    queue: int = QUEUE
    settings: Settings = field(default_factory=Settings)
    extractor: Callable[[Article, Settings], Extraction] = model_extractor
    #: In the other worker processes of ``--workers N``: the unix socket of the first, which holds the writable
    #: store and the extraction worker; every request but a read is handed to it (see onrecord.web.serving).
    primary: str | None = None


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(
            ", ".join(str(x) for x in (v.get("name"), v.get("outlet")) if x) if isinstance(v, dict) else str(v)
            for v in value)
    return "" if value is None else value


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Templates(jinja2.Environment):
    """Jinja2 with ``row.name`` read as ``row["name"]`` first when ``row`` is a dict (the rows of every page are):
    Jinja2 tries the attribute first, and a missing attribute costs an exception per lookup. A dict's own methods
    (``query.get``) keep their meaning whatever keys the dict holds."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def create_app(config: Config) -> FastAPI:
    """The application over the store at ``config.db`` (created and migrated when missing). With
    ``config.primary``, an app that serves reads and forwards everything else to that process (no writable store,
    no extraction worker here)."""
    forwarding = config.primary is not None
    writer = None if forwarding else Writer(config.db)
    readers = Readers(config.db, size=config.readers, seconds=config.query_seconds)
    worker = None if forwarding else Worker(capacity=config.queue, extractor=config.extractor)
    token = Token(config.token)

    def writable() -> Writer:
        assert writer is not None, "writes are forwarded to the first worker process"
        return writer

    def extracting() -> Worker:
        assert worker is not None, "extraction is forwarded to the first worker process"
        return worker

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if worker is not None:
            worker.close(wait=SHUTDOWN_SECONDS)  # a quote-family rebuild queued by the last write finishes first
        readers.close()
        if writer is not None:
            writer.close()

    app = FastAPI(title="onrecord", summary="Who said what in the news: the record as pages and JSON.",
                  version=_version(), docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.writer, app.state.readers, app.state.worker, app.state.token = writer, readers, worker, token
    accurate = accurate_available()

    env = _Templates(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                     lstrip_blocks=True, auto_reload=False)
    env.globals.update(palette_names=highlight.PALETTE_NAMES, modes=MODES, snippet_parts=q.snippet_parts)
    env.filters["dict_with"] = lambda d, key, value: {**{k: v for k, v in d.items() if k != "after"}, key: value}
    env.filters["dict_without"] = lambda d, *keys: {k: v for k, v in d.items() if k not in keys}

    app.add_middleware(SecurityHeaders)
    if config.primary is not None:
        from onrecord.web.serving import Forward

        app.add_middleware(Forward, primary=config.primary, max_body=config.max_upload + 65536)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # --- rendering ---------------------------------------------------------------------------------------------

    def signed_in(request: Request) -> bool:
        return token.session_matches(request.cookies.get(COOKIE))

    def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        html = env.get_template(template).render(
            request=request, path=request.url.path, query=dict(request.query_params), writes=token.enabled,
            signed_in=signed_in(request), url=_url, twin=lambda ext: _twin(request, ext), accurate=accurate,
            **context)
        return HTMLResponse(html, status_code=status)

    def render(request: Request, view: View, fmt: str) -> Response:
        if fmt == "json":
            return JSONResponse(view.payload)
        if fmt == "csv":
            out = io.StringIO()
            writer_ = csv_writer(out)
            columns = view.columns or []
            writer_.writerow(columns)
            for row in view.rows or []:
                writer_.writerow([_csv_value(row.get(c)) for c in columns])
            headers = {"content-disposition": f'attachment; filename="{_filename(request)}.csv"'}
            if view.next:
                headers["link"] = f'<{_with(request, after=view.next, ext="csv")}>; rel="next"'
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        return page(request, view.template, {**view.context, "title": view.title,
                                             "next_url": _with(request, after=view.next) if view.next else None})

    def twins(path: str, *, summary: str) -> Callable[[Callable[..., View]], Callable[..., View]]:
        """Register ``func`` (returning a View) at ``path`` (HTML), ``path.json`` and ``path.csv``."""

        def register(func: Callable[..., View]) -> Callable[..., View]:
            signature = inspect.signature(func)
            for fmt in ("html", "json", "csv"):
                def endpoint(*args: Any, _fmt: str = fmt, **kwargs: Any) -> Response:
                    request = kwargs["request"]
                    return render(request, func(*args, **kwargs), _fmt)

                endpoint.__signature__ = signature  # type: ignore[attr-defined]
                endpoint.__name__ = f"{func.__name__}_{fmt}"
                endpoint.__doc__ = func.__doc__
                suffix = "" if fmt == "html" else f".{fmt}"
                responses: dict[int | str, dict[str, Any]] = {}
                if fmt == "csv":
                    responses = {200: {"content": {"text/csv": {}}}}
                app.add_api_route(path.replace("{suffix}", suffix), endpoint, methods=["GET"],
                                  include_in_schema=fmt != "html", summary=f"{summary} ({fmt.upper()})",
                                  response_class=Response if fmt != "json" else JSONResponse,
                                  responses=responses, tags=["read"])
            return func

        return register

    # --- errors ------------------------------------------------------------------------------------------------

    def wants_json(request: Request) -> bool:
        path = request.url.path
        accept = request.headers.get("accept", "")
        return path.startswith("/api/") or path.endswith((".json", ".csv", ".svg")) or \
            ("application/json" in accept and "text/html" not in accept)

    def error(request: Request, status: int, type_: str, message: str,
              headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"error": {"type": type_, "message": message, "status": status}},
                                status_code=status, headers=headers)
        response = page(request, "error.html", {"status": status, "type": type_, "message": message,
                                                "title": f"{status} {type_.replace('_', ' ')}"}, status=status)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error(request, exc.status, exc.type, exc.reason, exc.headers)

    @app.exception_handler(OnrecordError)
    async def _onrecord_error(request: Request, exc: OnrecordError) -> Response:
        if isinstance(exc, NotFoundError):
            return error(request, 404, "not_found", exc.reason)
        if isinstance(exc, QueueFull):
            return error(request, 503, "busy", exc.reason, {"retry-after": str(exc.retry_after)})
        if isinstance(exc, Busy):
            return error(request, 503, "busy", exc.reason, {"retry-after": "5"})
        if isinstance(exc, QueryTimeout):
            return error(request, 503, "query_timeout", exc.reason, {"retry-after": "5"})
        if isinstance(exc, DocumentTooLargeError):
            return error(request, 413, "too_large", str(exc))
        if isinstance(exc, InputError):
            return error(request, 422, "bad_input", str(exc))
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return error(request, 500, "store_error", exc.reason)
        return error(request, 422, "bad_request", exc.reason)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, exc.status_code, _TYPES.get(exc.status_code, "error"), str(exc.detail),
                     dict(exc.headers or {}))

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def _starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, _TYPES.get(exc.status_code, "error"), str(exc.detail),
                     dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                             for e in exc.errors()[:5])
        return error(request, 422, "validation_error", problems or "invalid request")

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error(request, 500, "internal", "internal error; the server's log has the details")

    # --- reads -------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> Response:
        with readers.reader() as store:
            recent = q.articles(store, limit=10)
            top = q.speakers(store, limit=10)
        return page(request, "home.html", {"title": "onrecord", "recent": recent.rows, "speakers": top.rows})

    @twins("/articles{suffix}", summary="Articles, newest first")
    def articles_list(request: Request, outlet: str | None = None, since: str | None = None,
                      until: str | None = None, after: str | None = None, limit: int | None = None) -> View:
        """Stored articles, newest first; filters: outlet, since/until (YYYY, YYYY-MM, YYYY-MM-DD); keyset
        pagination with ``after`` (the ``next`` of the previous page)."""
        with readers.reader() as store:
            found = q.articles(store, outlet=outlet, since=since, until=until, after=after, limit=limit)
            outlets = q.outlets(store)
        return View("articles.html", {"page": found, "outlets": outlets}, payload=found.to_dict(), rows=found.rows,
                    columns=q.ARTICLE_COLUMNS, next=found.next, title="Articles")

    @twins("/articles/{article_id:int}{suffix}", summary="One article with its attributions")
    def article_view(request: Request, article_id: int) -> View:
        """An article: text, metadata, its attributions (with character offsets, end exclusive) and the
        paragraphs extraction skipped, with their reasons. The CSV twin lists the attributions."""
        with readers.reader() as store:
            record = q.article(store, article_id)
            flags = flag_records(store, article_flags(store, article_id))
            badges = famv.article_badges(store, [int(a["id"]) for a in record.attributions])
        positions = {int(a["id"]): i for i, a in enumerate(record.attributions)}
        payload = record.to_dict()
        payload["attributions"] = [{**a, "families": [{k: b[k] for k in ("family_id", "part", "size", "outlets",
                                                                         "changes", "dangerous")}
                                                      for b in badges.get(int(a["id"]), [])]}
                                   for a in record.attributions]
        return View("article.html", article_context(record, flags, prov.statement_marks(flags, positions),
                                                    here=article_id, badges=badges),
                    payload={**payload, "flags": flags}, rows=record.attributions,
                    columns=q.ATTRIBUTION_COLUMNS, title=record.title or record.doc_id or f"Article {record.id}")

    def article_context(record: q.ArticleRecord, flags: list[dict[str, Any]],
                        marks: dict[int, list[dict[str, str]]], *, here: int | None,
                        badges: dict[int, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
        """What the article page shows: the text cut into highlights (⚑ beside the statements that take part
        in a flag), the statements (each with the badges of its quote families), the speakers, the skipped
        paragraphs and the provenance card."""
        segments = highlight.segments(record.text, record.attributions, record.skipped, marks)
        colours = highlight.speaker_colours(record.attributions)
        statements = [{**a, "number": i, "colour": colours[highlight.speaker_key(a)],
                       "label": highlight.speaker_label(a), "flags": marks.get(i - 1, []),
                       "families": (badges or {}).get(a["id"], []) if a.get("id") is not None else []}
                      for i, a in enumerate(record.attributions, 1)]
        skipped = [{**s, "text": record.text[s["span"][0]:s["span"][1]] if s.get("span") else None}
                   for s in record.skipped]
        return {"article": record, "segments": segments, "statements": statements,
                "speakers": highlight.side_list(record.attributions), "skipped": skipped,
                "provenance": prov.card(flags, here=here)}

    @twins("/attributions{suffix}", summary="Attributions (statements), newest first")
    def attributions_list(request: Request, speaker_id: int | None = None, outlet: str | None = None,
                          medium: str | None = None, type: str | None = None, speaker_kind: str | None = None,
                          article_id: int | None = None, since: str | None = None, until: str | None = None,
                          after: str | None = None, limit: int | None = None) -> View:
        """Statements with their speaker, channel, type, relays and offsets; filters as named; keyset pagination
        with ``after``."""
        filters = q.Filters(speaker_id=speaker_id, outlet=outlet, medium=medium, type=type,
                            speaker_kind=speaker_kind, since=since, until=until)
        with readers.reader() as store:
            found = q.attributions(store, filters, article_id=article_id, after=after, limit=limit)
        return View("attributions.html", {"page": found, "filters": filters}, payload=found.to_dict(),
                    rows=found.rows, columns=q.ATTRIBUTION_COLUMNS, next=found.next, title="Statements")

    @twins("/speakers{suffix}", summary="Speakers, most quoted first")
    def speakers_list(request: Request, kind: str | None = None, name: str | None = None,
                      after: str | None = None, limit: int | None = None) -> View:
        """Speakers linked across articles, most quoted first; ``name`` keeps names containing it; keyset
        pagination with ``after``."""
        with readers.reader() as store:
            found = q.speakers(store, kind=kind, name=name, after=after, limit=limit)
        return View("speakers.html", {"page": found}, payload=found.to_dict(), rows=found.rows,
                    columns=q.SPEAKER_COLUMNS, next=found.next, title="Speakers")

    @twins("/speakers/{speaker_id:int}{suffix}", summary="A speaker and their timeline")
    def speaker_view(request: Request, speaker_id: int, since: str | None = None, until: str | None = None,
                     by: str = "outlet", after: str | None = None, limit: int | None = None) -> View:
        """A speaker: name, aliases, kind, statements per month (by outlet and channel) and their statements in
        date order (keyset pagination with ``after``). The CSV twin lists the statements."""
        with readers.reader() as store:
            record = q.speaker(store, speaker_id, since=since, until=until, after=after, limit=limit)
            flags = q.flags(store, speaker=f"#{speaker_id}", limit=SPEAKER_FLAGS)
            gender = speaker_gender(store, speaker_id) if record.kind == "person" else None
        by = by if by in ("outlet", "medium") else "outlet"
        chart_query = urlencode({k: v for k, v in (("since", since), ("until", until), ("by", by)) if v})
        views = [prov.flag(r) for r in flags.rows if r.get("kind") != "document"]
        # each flagged statement of the timeline links to its flag on this page, else to the speaker's flags
        shown = prov.statement_marks(flags.rows, {e["id"]: e["id"] for e in record.page.rows})
        marks = {e["id"]: shown.get(e["id"]) or [{"anchor": "", "label": label} for label in e["flags"]]
                 for e in record.page.rows if e["flags"]}
        return View("speaker.html", {"speaker": record, "by": by, "flags": views, "more_flags": flags.next,
                                     "marks": marks, "gender": gender, "genders": quote_routes.GENDERS,
                                     "chart_url": f"/speakers/{speaker_id}/timeline.svg?{chart_query}"},
                    payload={**record.to_dict(), "flags": flags.rows,
                             "gender": gender.to_dict() if gender is not None else None}, rows=record.page.rows,
                    columns=q.TIMELINE_COLUMNS, next=record.page.next, title=record.name)

    @app.get("/speakers/{speaker_id:int}/timeline.svg", tags=["charts"], summary="A speaker's timeline chart (SVG)",
             response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
    def speaker_chart(speaker_id: int, since: str | None = None, until: str | None = None,
                      by: str = "outlet") -> Response:
        with readers.reader() as store:
            record = q.speaker(store, speaker_id, since=since, until=until, limit=1)
        key = by if by in ("outlet", "medium") else "outlet"
        title = f"{record.name}: statements per month by {'channel' if key == 'medium' else 'outlet'}"
        return _svg(charts.stacked_by_month(record.by_month, series_key=key, title=title))

    @twins("/flags{suffix}", summary="Provenance flags: reversals, conflicts and documents, newest first")
    def flags_list(request: Request, kind: str | None = None, speaker: str | None = None,
                   speaker_id: int | None = None, after: str | None = None, limit: int | None = None) -> View:
        """Reversals by one speaker (rated full or half), conflicts between two speakers or a speaker and a
        document, and documents that are unsigned, drafts, leaked or disputed: each with its subject, reason,
        evidence and both statements (their articles' titles, outlets and dates). ``kind`` keeps one kind;
        ``speaker`` (a name, an alias or #id) or ``speaker_id`` keeps the flags with a statement of that speaker;
        keyset pagination with ``after``. Suggestions with their evidence, never verdicts."""
        who = f"#{speaker_id}" if speaker_id is not None else (speaker or "").strip() or None
        with readers.reader() as store:
            found = q.flags(store, kind=kind, speaker=who, after=after, limit=limit)
            named = store.resolve_speaker(who) if who else None
        views = [prov.flag(r) for r in found.rows]
        return View("flags.html", {"page": found, "flags": views, "kinds": KINDS, "named": named},
                    payload=found.to_dict(),
                    rows=[prov.row(r) for r in found.rows], columns=prov.COLUMNS, next=found.next,
                    title="Flags")

    @twins("/search{suffix}", summary="Full-text search over what was said")
    def search_view(request: Request, q_: str | None = Query(None, alias="q"), speaker_id: int | None = None,
                    outlet: str | None = None, medium: str | None = None, type: str | None = None,
                    speaker_kind: str | None = None, since: str | None = None, until: str | None = None,
                    after: str | None = None, limit: int | None = None) -> View:
        """Statements matching the words of ``q`` (web-search style: words, "a phrase", -word, OR), best first,
        with facet counts (speaker, outlet, channel, type, month) over the first matches and snippets with the
        matched words marked; keyset pagination with ``after``."""
        text = q_ or ""
        filters = q.Filters(speaker_id=speaker_id, outlet=outlet, medium=medium, type=type,
                            speaker_kind=speaker_kind, since=since, until=until)
        found = None
        if text.strip() or _twin_of(request):
            with readers.reader() as store:
                found = q.search(store, text, filters, after=after, limit=limit)
        rows = [{**r, "snippet": q.plain_snippet(r["snippet"])} for r in found.rows] if found else []
        payload = {**found.to_dict(), "rows": rows} if found else None
        return View("search.html", {"page": found, "q": text, "filters": filters}, payload=payload, rows=rows,
                    columns=q.SEARCH_COLUMNS, next=found.next if found else None,
                    title=f"Search: {text}" if text else "Search")

    @twins("/stats{suffix}", summary="Who is quoted, anonymous share, channel mix")
    def stats_view(request: Request, outlet: str | None = None, since: str | None = None,
                   until: str | None = None, top: int = 5, table: str = "quoted") -> View:
        """Statements per month by outlet, the most quoted speakers per outlet and month, the share of anonymous
        sources by outlet, the channel mix, the people quoted by gender per outlet and month (women, men and
        unknown, each person once per article) and how each outlet sources its statements. The CSV twin lists
        one table: ``table=quoted`` (who is quoted by outlet and month, the default), ``gender`` or
        ``sourcing``."""
        if not 1 <= top <= 50:
            raise q.BadRequest(f"top must be between 1 and 50, not {top}")
        if table not in STATS_TABLES:
            raise q.BadRequest(f"table must be one of {', '.join(STATS_TABLES)}, not {table!r}")
        with readers.reader() as store:
            data = q.stats(store, outlet=outlet, since=since, until=until, top=top)
            outlets = q.outlets(store)
        chart_query = urlencode({k: v for k, v in (("outlet", outlet), ("since", since), ("until", until)) if v})
        sourcing_kinds = sorted({k[5:] for r in data["sourcing"] for k in r if k.startswith("kind_")})
        return View("stats.html", {"stats": data, "outlets": outlets, "chart_query": chart_query,
                                   "gender_outlets": charts.gender_by_outlet_rows(data["gender"]),
                                   "sourcing_kinds": sourcing_kinds},
                    payload=data, rows=[{**{f"kind_{k}": 0 for k in sourcing_kinds}, **r}
                                        for r in data[table]] if table == "sourcing" else data[table],
                    columns=STATS_TABLES[table] + ([f"kind_{k}" for k in sourcing_kinds] if table == "sourcing"
                                                   else []),
                    title="Statistics")

    @app.get("/stats/{chart}.svg", tags=["charts"], summary="A statistics chart (SVG)", response_class=Response,
             responses={200: {"content": {"image/svg+xml": {}}}})
    def stats_chart(chart: str, outlet: str | None = None, since: str | None = None,
                    until: str | None = None) -> Response:
        if chart not in ("monthly", "anonymous", "channels", "gender"):
            raise WebError(404, "not_found", f"no chart named {chart!r} (monthly, anonymous, channels, gender)")
        with readers.reader() as store:
            data = q.stats(store, outlet=outlet, since=since, until=until)
        if chart == "monthly":
            svg = charts.stacked_by_month(data["monthly"], series_key="outlet", title="Statements per month")
        elif chart == "gender":
            svg = charts.gender_by_outlet(data["gender"])
        elif chart == "anonymous":
            svg = charts.horizontal([(r["outlet"] or "unknown", r["share"]) for r in data["anonymous"]],
                                    title="Share of statements from anonymous sources", percent=True)
        else:
            svg = charts.horizontal([(r["medium"], r["count"]) for r in data["channels"]], title="Channel mix")
        return _svg(svg)

    # --- writes ------------------------------------------------------------------------------------------------

    def require_write(request: Request) -> None:
        """Writes need the server's token: a Bearer header (API) or the session cookie (pages)."""
        if not token.enabled:
            raise WebError(403, "writes_disabled", "this server was started without --token: writes are refused")
        origin = request.headers.get("origin")
        if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
            raise WebError(403, "forbidden", "a write from another site is refused")
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and token.matches(auth[7:].strip()):
            return
        if signed_in(request):
            return
        if request.url.path.startswith("/api/"):
            raise WebError(401, "unauthorized", "this write needs the server's token (Authorization: Bearer …)",
                           headers={"www-authenticate": "Bearer"})
        raise WebError(401, "unauthorized", "sign in with the server's token to make changes")

    quote_routes.register(app, twins=twins, readers=readers, writer=writable, require_write=require_write)

    def rebuild_families() -> None:
        """Queue the regrouping of the store's quotations into families on the worker, once (a rebuild already
        waiting will see this write too); the response that stored the article does not wait for it."""
        if worker is None:
            return

        def job() -> None:
            from onrecord.record.families import rebuild

            try:
                with writable().writing() as w:
                    rebuild(w)
            except Exception:  # nobody waits for this job: say so in the log
                log.exception("rebuilding the quote families failed")
                return
            GENERATION.bump()

        try:
            worker.submit_once("families", job)
        except QueueFull:
            log.warning("the queue is full: the quote families will be rebuilt after the next write")

    async def article_from_request(request: Request) -> tuple[Callable[[], Article], str]:
        """How to build the posted article (run in the worker: HTML is parsed there) and the mode asked for."""
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > config.max_upload:
            raise WebError(413, "too_large", f"the request body is {int(length):,} bytes, over the limit of "
                                             f"{config.max_upload:,}")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        meta: dict[str, Any] = {}
        mode = "fast"
        if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form(max_part_size=config.max_upload + 1, max_files=1, max_fields=20)
            for key in ("title", "outlet", "published", "url", "author"):
                value = form.get(key)
                if isinstance(value, str) and value.strip():
                    meta[key] = value.strip()
            mode = str(form.get("mode") or "fast")
            upload = form.get("file")
            if upload is not None and not isinstance(upload, str) and upload.filename:
                data = await upload.read(config.max_upload + 1)
                name = upload.filename
                fmt = _format(name, upload.content_type or "", data)
            else:
                text = form.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise WebError(422, "bad_input", "paste an article's text or choose a file to upload")
                data, name, fmt = text.encode("utf-8"), "<pasted text>", "text"
        elif kind == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise WebError(422, "bad_input", "the body is not valid JSON") from None
            if not isinstance(body, dict) or not isinstance(body.get("text") or body.get("html"), str):
                raise WebError(422, "bad_input", 'the JSON body needs "text" (or "html") as a string')
            for key in ("title", "outlet", "published", "url", "author", "id"):
                if isinstance(body.get(key), str):
                    meta[key] = body[key]
            mode = str(body.get("mode") or "fast")
            fmt = "html" if isinstance(body.get("html"), str) else "text"
            data, name = str(body.get("html") or body.get("text")).encode("utf-8"), "<posted JSON>"
        elif kind in ("text/plain", "text/html", "application/xhtml+xml"):
            data = await request.body()
            fmt, name = ("text", "<posted text>") if kind == "text/plain" else ("html", "<posted HTML>")
        else:
            raise WebError(415, "unsupported_media_type",
                           f"send text/plain, text/html, application/json or a form, not {kind or 'no type'!r}")
        if len(data) > config.max_upload:
            raise WebError(413, "too_large", f"the document is over the limit of {config.max_upload:,} bytes")
        if mode not in MODES:
            raise WebError(422, "bad_input", f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if mode == "accurate" and not accurate:
            raise WebError(422, "bad_input", "the accurate mode needs the 'accurate' extra, not installed here")
        return _builder(data, fmt, name, meta), mode

    def _builder(data: bytes, fmt: str, name: str, meta: dict[str, Any]) -> Callable[[], Article]:
        upload_name = not name.startswith("<")  # an uploaded file's name, not "<pasted text>"

        def build() -> Article:
            from dataclasses import replace

            from onrecord.ingest import read_html, read_text

            if fmt == "html":
                found = read_html(data, name=name, id=meta.get("id") or None, url=meta.get("url"))
            else:
                found = read_text(data, name=name, id=meta.get("id") or None)
            # a pasted or posted document has no name of its own: its id is the one given, or none
            doc_id = found.id if upload_name else meta.get("id") or None
            found = replace(found, id=doc_id, title=found.title or _headline(found.text))
            return replace(found, **{k: v for k, v in meta.items() if k != "id" and v})

        return build

    async def run_job(job: Callable[[], Any]) -> Any:
        future = extracting().submit(job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), EXTRACT_SECONDS)
        except TimeoutError:
            future.cancel()
            raise WebError(503, "busy", f"extraction took longer than {EXTRACT_SECONDS:g} s; try again later",
                           headers={"retry-after": "30"}) from None

    def extract_job(build: Callable[[], Article], mode: str, store: bool) -> Callable[[], dict[str, Any]]:
        # a stored article gets its provenance (claims and flags), as ingest always gives it
        settings = config.settings.with_(mode=mode, provenance=True if store else None)

        def job() -> dict[str, Any]:
            article = build()
            extraction = config.extractor(article, settings)
            if not store:
                return {"extraction": extraction.to_dict(), "quotations": extraction.quotations()}
            from onrecord.record import content_hash

            with writable().writing() as w:
                added = w.add([extraction])
                if added.article_ids:
                    article_id, new = added.article_ids[0], True
                else:
                    row = w.one("SELECT id FROM articles WHERE content_hash = ?", (content_hash(article.text),))
                    if row is None and article.url:
                        row = w.one("SELECT id FROM articles WHERE url = ?", (article.url,))
                    assert row is not None
                    article_id, new = int(row[0]), False
            if new:
                GENERATION.bump()
                rebuild_families()
            return {"id": article_id, "stored": new, "attributions": len(extraction.attributions),
                    "url": f"/articles/{article_id}"}

        return job

    @app.post("/api/extract", tags=["write"], summary="Extract who said what from a posted text (not stored)")
    async def api_extract(request: Request, quotations: bool = False) -> JSONResponse:
        """Body: text/plain, text/html, a form (``text`` or ``file``) or JSON ``{"text"|"html", "title", "outlet",
        "published", "url", "mode"}``. Nothing is stored, so no token is needed. 503 with Retry-After when the
        extraction queue is full. ``?quotations=true`` answers with the direct-quotations view instead:
        ``{"quotations": [...]}``, one record per quoted part of each direct or mixed attribution."""
        build, mode = await article_from_request(request)
        result = await run_job(extract_job(build, mode, store=False))
        return JSONResponse({"quotations": result["quotations"]} if quotations else result["extraction"])

    @app.post("/api/articles", tags=["write"], summary="Extract and store an article (needs the token)")
    async def api_ingest(request: Request) -> JSONResponse:
        """The same bodies as /api/extract; the article is stored with its attributions (an article already
        stored, by URL or text, is not stored again) and its id and URL returned."""
        require_write(request)
        build, mode = await article_from_request(request)
        result = await run_job(extract_job(build, mode, store=True))
        return JSONResponse(result, status_code=201 if result["stored"] else 200)

    @app.get("/paste", response_class=HTMLResponse, include_in_schema=False)
    def paste_form(request: Request) -> Response:
        return page(request, "paste.html", {"title": "Paste or upload an article", "max_upload": config.max_upload})

    def check_job(build: Callable[[], Article], mode: str) -> Callable[[], tuple[q.ArticleRecord, list[Any]]]:
        # read broadly, as `onrecord provenance FILE` does: a stance ("disputed the memo's authenticity") is not a
        # quotation, but it is what a reversal is made of
        settings = config.settings.with_(mode=mode, provenance=True, scope="all")

        def job() -> tuple[q.ArticleRecord, list[Any]]:
            extraction = config.extractor(build(), settings)
            found = extraction.provenance.flags if extraction.provenance is not None else ()
            return q.unsaved_article(extraction), [f.to_dict() for f in found]

        return job

    @app.post("/paste/check", include_in_schema=False)
    async def paste_check(request: Request) -> Response:
        """A pasted article read with provenance and shown, not stored (no token needed, as /api/extract): its
        statements and its provenance card (the flags within it, its documents)."""
        build, mode = await article_from_request(request)
        record, flags = await run_job(check_job(build, mode))
        context = article_context(record, flags, prov.statement_marks(flags), here=None)
        return page(request, "article.html", {**context, "unsaved": True,
                                              "title": record.title or "Pasted article (not stored)"})

    @app.post("/paste", include_in_schema=False)
    async def paste(request: Request) -> Response:
        require_write(request)
        build, mode = await article_from_request(request)
        result = await run_job(extract_job(build, mode, store=True))
        return RedirectResponse(result["url"], status_code=303)

    def speaker_write(action: str, speaker_id: int, values: dict[str, Any]) -> dict[str, Any]:
        with writable().writing() as w:
            try:
                if action == "merge":
                    others = [o for o in values.get("others") or [] if isinstance(o, str) and o.strip()]
                    if not others:
                        raise WebError(422, "bad_input", "name at least one speaker to merge into this one")
                    kept = w.merge_speakers(f"#{speaker_id}", others)
                    result = {"id": kept.id, "name": kept.name}
                elif action == "split":
                    mention = values.get("mention")
                    if not isinstance(mention, str) or not mention.strip():
                        raise WebError(422, "bad_input", "give the mention to split off")
                    new = w.split_speaker(f"#{speaker_id}", mention.strip(), name=(values.get("name") or None))
                    result = {"id": new.id, "name": new.name}
                else:
                    result = {"speakers": w.relink()}
            except NotFoundError:
                raise
            except StoreError as exc:
                raise WebError(422, "refused", exc.reason) from None
        GENERATION.bump()  # this process's caches, and (shared) the other worker processes'
        rebuild_families()  # a family's appearances credit the speakers by their names
        q.RANKING.clear()
        q.STATS.clear()
        q.SAMPLES.clear()
        return result

    @app.post("/api/speakers/{speaker_id:int}/merge", tags=["write"], summary="Merge speakers into this one")
    async def api_merge(request: Request, speaker_id: int) -> JSONResponse:
        """JSON ``{"others": ["name or #id", ...]}``: their statements and aliases move to this speaker (kept
        across reprocessing)."""
        require_write(request)
        return JSONResponse(await asyncio.to_thread(speaker_write, "merge", speaker_id, await _json(request)))

    @app.post("/api/speakers/{speaker_id:int}/split", tags=["write"], summary="Split a mention off a speaker")
    async def api_split(request: Request, speaker_id: int) -> JSONResponse:
        """JSON ``{"mention": "Esper", "name": "Mary Esper"}``: the statements made under the mention become
        another speaker's."""
        require_write(request)
        return JSONResponse(await asyncio.to_thread(speaker_write, "split", speaker_id, await _json(request)))

    @app.post("/api/speakers/relink", tags=["write"], summary="Link every statement to speakers again")
    async def api_relink(request: Request) -> JSONResponse:
        require_write(request)
        return JSONResponse(await asyncio.to_thread(speaker_write, "relink", 0, {}))

    @app.post("/speakers/{speaker_id:int}/{action}", include_in_schema=False)
    async def speaker_form(request: Request, speaker_id: int, action: str) -> Response:
        require_write(request)
        if action not in ("merge", "split"):
            raise WebError(404, "not_found", f"no speaker action {action!r}")
        form = await request.form(max_fields=10)
        values = {"others": [str(form.get("other") or "")], "mention": str(form.get("mention") or ""),
                  "name": str(form.get("name") or "") or None}
        result = await asyncio.to_thread(speaker_write, action, speaker_id, values)
        return RedirectResponse(f"/speakers/{result['id']}", status_code=303)

    @app.post("/speakers/relink", include_in_schema=False)
    async def relink_form(request: Request) -> Response:
        require_write(request)
        await asyncio.to_thread(speaker_write, "relink", 0, {})
        return RedirectResponse("/speakers", status_code=303)

    # --- signing in --------------------------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> Response:
        return page(request, "login.html", {"title": "Sign in", "next": _safe_next(next), "failed": False})

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_fields=5)
        target = _safe_next(str(form.get("next") or "/"))
        if not token.enabled:
            raise WebError(403, "writes_disabled", "this server was started without --token: writes are refused")
        if not token.matches(str(form.get("token") or "")):
            return page(request, "login.html", {"title": "Sign in", "next": target, "failed": True}, status=401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, token.session(), httponly=True, secure=True, samesite="strict", path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout() -> Response:
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")
        return response

    @app.get("/healthz", tags=["read"], summary="Liveness and the extraction queue")
    def health() -> dict[str, Any]:
        return {"ok": True, "extraction_queue": extracting().waiting, "writes": token.enabled}

    return app
