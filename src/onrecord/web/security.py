"""Response headers every answer carries, and the token that guards writes.

The Content-Security-Policy allows nothing inline and nothing from elsewhere: scripts, styles, images and forms
come from this server only. SVG charts are separate documents whose own policy allows their inline stylesheet
and nothing else (no script). The token is compared in constant time and never logged; pages get a session
cookie (``Secure``, ``HttpOnly``, ``SameSite=Strict``) holding an HMAC of the token, never the token itself.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
       " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

#: The policy of an SVG chart document: its own <style>, nothing else.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

COOKIE = "onrecord_session"


class SecurityHeaders:
    """ASGI middleware adding the headers above (and the CSP, unless the response set its own)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                for name, value in HEADERS.items():
                    if name.encode() not in names:
                        headers.append((name.encode(), value.encode()))
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Token:
    """The write token (or none: writes refused)."""

    def __init__(self, token: str | None) -> None:
        self._token = token.encode() if token else None

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def matches(self, given: str | None) -> bool:
        if self._token is None or not given:
            return False
        return hmac.compare_digest(hashlib.sha256(given.encode()).digest(), hashlib.sha256(self._token).digest())

    def session(self) -> str:
        """The cookie value for a signed-in browser."""
        assert self._token is not None
        return hmac.new(self._token, b"onrecord web session", hashlib.sha256).hexdigest()

    def session_matches(self, cookie: str | None) -> bool:
        if self._token is None or not cookie:
            return False
        return hmac.compare_digest(cookie.encode(), self.session().encode())

    def __repr__(self) -> str:  # never the token itself
        return f"Token(enabled={self.enabled})"
