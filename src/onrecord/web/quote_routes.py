"""The routes of quote families and speaker genders (issue 16): ``/quotes`` and ``/quotes/{id}`` with their twins,
each family's ClaimReview ``Claim``, and the token-protected gender of a speaker (API and form).

Registered by :func:`onrecord.web.app.create_app` through :func:`register`, with the app's own ``twins`` decorator,
readers and write check, so these pages behave as every other (errors, twins, read-only connections).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from onrecord.errors import NotFoundError, OnrecordError
from onrecord.web import families as fam
from onrecord.web import queries as q
from onrecord.web.db import GENERATION, Readers, Writer
from onrecord.web.views import View, WebError

#: The families a page of /quotes lists by default (``limit`` up to :data:`queries.MAX_PAGE`).
PAGE = 50
#: What a speaker's gender may be set to (``auto``: back to what the articles show).
GENDERS = ("woman", "man", "unknown", "auto")


def _stored(store: Any, family_id: int) -> Any:
    from onrecord.record.families import family

    try:
        return family(store, family_id)
    except OnrecordError:
        raise NotFoundError(f"no quote family with id {family_id}") from None


def register(app: FastAPI, *, twins: Callable[..., Callable[[Callable[..., View]], Callable[..., View]]],
             readers: Readers, writer: Callable[[], Writer], require_write: Callable[[Request], None]) -> None:
    """Add the quote-family pages, their ClaimReview and the gender write to ``app``."""

    @twins("/quotes{suffix}", summary="Quote families, the most carried first")
    def quotes_list(request: Request, speaker: str | None = None, dangerous: bool = False,
                    text: str | None = None, after: str | None = None, limit: int | None = None) -> View:
        """Quotations carried by several articles, grouped into families, the most carried first: each with its
        root's words and speaker, its first appearance (outlet, date), how many appearances and outlets, and how
        many appearances change something dangerous (a negation, a number, the speaker credited). ``speaker``
        keeps families whose root's speaker contains it, ``text`` those whose root contains it, ``dangerous``
        those with a dangerous change; pagination with ``after`` (the ``next`` of the previous page)."""
        from onrecord.record.families import families

        size = q.page_size(limit, PAGE)
        cursor = q._cursor(after, (int,))
        offset = int(cursor[0]) if cursor else 0
        with readers.reader() as store:
            found = families(store, speaker=(speaker or "").strip() or None, dangerous=dangerous,
                             text=(text or "").strip() or None, limit=size + 1, offset=offset)
            where = fam.places(store, [f.family.members[0].appearance.key for f in found if f.family.members])
        rows = [fam.row(f, where) for f in found[:size]]
        nxt = q.make_cursor(offset + size) if len(found) > size else None
        payload = {"rows": rows, "next": nxt}
        return View("quotes.html", {"rows": rows, "offset": offset,
                                    "filters": {"speaker": speaker or "", "text": text or "",
                                                "dangerous": dangerous}},
                    payload=payload, rows=rows, columns=fam.COLUMNS, next=nxt, title="Quote families")

    @twins("/quotes/{family_id:int}{suffix}", summary="One quote family: its root and every appearance")
    def quote_view(request: Request, family_id: int) -> View:
        """A quote family: the root in full (its first appearance), then every appearance in date order with
        its outlet, the speaker it credits, its article, how it differs from the root (truncated, extended,
        reworded, other part) and its dangerous changes. The CSV twin lists the appearances;
        ``/quotes/{id}.claimreview.json`` gives the family as a schema.org Claim."""
        with readers.reader() as store:
            stored = _stored(store, family_id)
            where = fam.places(store, [m.appearance.key for m in stored.family.members])
        detail = fam.detail(stored, where)
        payload = {**stored.to_dict(), "appearances": [
            {k: v for k, v in m.items() if k not in ("diff", "index", "root")} for m in detail["members"]]}
        return View("quote.html", {"family": detail}, payload=payload, rows=fam.member_rows(detail),
                    columns=fam.MEMBER_COLUMNS, title=f"Quote family {family_id}")

    def claimreview(family_id: int) -> Response:
        with readers.reader() as store:
            stored = _stored(store, family_id)
        return JSONResponse(stored.to_claimreview(), media_type="application/ld+json")

    app.add_api_route("/quotes/{family_id:int}.claimreview.json", claimreview, methods=["GET"], tags=["read"],
                      summary="A quote family as a schema.org Claim (ClaimReview's firstAppearance, appearance)",
                      response_class=JSONResponse)
    app.add_api_route("/api/quotes/{family_id:int}/claimreview", claimreview, methods=["GET"], tags=["read"],
                      summary="A quote family as a schema.org Claim (the same as /quotes/{id}.claimreview.json)",
                      response_class=JSONResponse, name="claimreview_api")

    def set_gender(speaker_id: int, label: str) -> dict[str, Any]:
        from onrecord.record.gender import set_gender as store_gender

        if label not in GENDERS:
            raise WebError(422, "bad_input", f"gender must be one of {', '.join(GENDERS)}, not {label!r}")
        with writer().writing() as w:
            try:
                sid, name, now = store_gender(w, f"#{speaker_id}", label)
            except NotFoundError:
                raise
            except OnrecordError as exc:
                raise WebError(422, "refused", exc.reason) from None
        GENERATION.bump()
        q.STATS.clear()
        return {"id": sid, "name": name, "gender": now.to_dict()}

    @app.post("/api/speakers/{speaker_id:int}/gender", tags=["write"], summary="Set a speaker's gender by hand")
    async def api_gender(request: Request, speaker_id: int) -> JSONResponse:
        """JSON ``{"gender": "woman" | "man" | "unknown" | "auto"}``: a person's gender set by hand (kept across
        reprocessing); ``auto`` goes back to what the articles show. Needs the token."""
        require_write(request)
        try:
            body = await request.json()
        except ValueError:
            raise WebError(422, "bad_input", "the body is not valid JSON") from None
        if not isinstance(body, dict) or not isinstance(body.get("gender"), str):
            raise WebError(422, "bad_input", 'the JSON body needs "gender": woman, man, unknown or auto')
        return JSONResponse(await asyncio.to_thread(set_gender, speaker_id, body["gender"]))

    @app.post("/speakers/{speaker_id:int}/gender", include_in_schema=False)
    async def gender_form(request: Request, speaker_id: int) -> Response:
        require_write(request)
        form = await request.form(max_fields=5)
        await asyncio.to_thread(set_gender, speaker_id, str(form.get("gender") or ""))
        return RedirectResponse(f"/speakers/{speaker_id}#gender", status_code=303)


__all__ = ["GENDERS", "PAGE", "register"]
