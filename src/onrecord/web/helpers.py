"""The small helpers of the app's routes: URLs of a page and its twins, an upload's format, a JSON body, a pasted
text's headline, a safe redirect target, an SVG response."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from onrecord.web.security import SVG_CSP
from onrecord.web.views import WebError


def _version() -> str:
    from onrecord import __version__

    return __version__


def _svg(svg: bytes | str) -> Response:
    return Response(svg, media_type="image/svg+xml", headers={"content-security-policy": SVG_CSP,
                                                               "cache-control": "no-cache"})


def _format(name: str, content_type: str, data: bytes) -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")) or content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if lower.endswith((".txt", ".text", ".md")) or content_type.startswith("text/"):
        return "text"
    if content_type in ("", "application/octet-stream"):
        from onrecord.ingest import sniff_format

        found = sniff_format(data[:4096])
        return "html" if found == "html" else "text"
    raise WebError(415, "unsupported_media_type",
                   f"{name}: upload a text (.txt) or HTML (.html) file, not {content_type}")


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise WebError(422, "bad_input", "the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise WebError(422, "bad_input", "the body must be a JSON object")
    return body


def _headline(text: str) -> str | None:
    """The first line of a text when it reads as a headline (short, followed by a blank line; a form sends its
    lines ended by CRLF)."""
    first, _, rest = text.strip().replace("\r\n", "\n").partition("\n")
    first = first.strip()
    return first if first and len(first) <= 160 and rest.startswith("\n") and not first.endswith((".", ",")) \
        else None


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _url(path: str, **params: Any) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(clean)}" if clean else path


def _with(request: Request, *, ext: str | None = None, **changes: Any) -> str:
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    path = request.url.path
    if ext is not None:
        path = _strip_ext(path) + f".{ext}"
    return _url(path, **params)


def _strip_ext(path: str) -> str:
    for ext in (".json", ".csv"):
        if path.endswith(ext):
            return path[: -len(ext)]
    return path


def _twin(request: Request, ext: str) -> str:
    params = dict(request.query_params.items())
    return _url(_strip_ext(request.url.path) + f".{ext}", **params)


def _twin_of(request: Request) -> bool:
    return request.url.path.endswith((".json", ".csv"))


def _filename(request: Request) -> str:
    name = _strip_ext(request.url.path).strip("/").replace("/", "-") or "onrecord"
    return "".join(c for c in name if c.isalnum() or c in "-_") or "onrecord"
