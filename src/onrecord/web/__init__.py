"""The web app and JSON API over the record: ``onrecord serve``.

    from onrecord.web import Config, create_app
    app = create_app(Config(db="out/onrecord.db", token=None))   # an ASGI app (FastAPI); uvicorn serves it

Pages are rendered on the server (Jinja2, autoescaped) and read well without JavaScript; every list and record
page has ``.json`` and ``.csv`` twins. Reads use read-only connections with a time limit; writes need the
server's token. Extraction runs in a worker thread that loads the spaCy model on first use: importing this
package never imports spaCy. docs/web.md describes the pages, the API and the safety measures.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Config", "create_app"]


def __getattr__(name: str) -> Any:  # FastAPI is imported when the app is wanted, not with onrecord.web.limits
    if name in __all__:
        from onrecord.web import app

        return getattr(app, name)
    raise AttributeError(name)
