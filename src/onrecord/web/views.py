"""What a page handler returns (:class:`View`: the HTML context and the rows of its twins) and the error it raises
(:class:`WebError`: an HTTP status with a stable ``type``), shared by the app and its route modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.errors import OnrecordError


class WebError(OnrecordError):
    """An error with an HTTP status and a stable ``type``."""

    def __init__(self, status: int, type: str, reason: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.type = type
        self.headers = headers or {}


@dataclass
class View:
    """What a page handler found: the template's context, the JSON payload and the CSV rows of its twins."""

    template: str
    context: dict[str, Any]
    payload: Any = None
    rows: list[dict[str, Any]] | None = None
    columns: list[str] | None = None
    next: str | None = None
    title: str = ""


__all__ = ["View", "WebError"]
