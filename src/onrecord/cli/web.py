"""``onrecord serve``: the web app and JSON API over a store.

``register(sub, add_command)`` adds the command to the parser built in :func:`onrecord.cli.build_parser`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable
from typing import Any


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the record as web pages and a JSON API (every page has .json and .csv twins).

    Reads need no token. Writes (paste/upload an article, merge/split/relink speakers, set a gender) are refused
    unless the server is started with --token (or $ONRECORD_TOKEN); then the API takes "Authorization: Bearer
    TOKEN" and the pages a sign-in form. The OpenAPI document is at /openapi.json. Ctrl-C stops the server.

    Example:
      onrecord serve --db out/onrecord.db
      onrecord serve --db postgresql://newsroom@db/onrecord --host 0.0.0.0 --port 8080 --token "$TOKEN"
    """
    from onrecord.settings import Settings
    from onrecord.web import Config, create_app
    from onrecord.web.serving import serve

    settings = Settings().with_(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Settings)})
    token = args.token or os.environ.get("ONRECORD_TOKEN") or None
    config = Config(db=args.db, token=token, readers=args.readers, query_seconds=args.query_seconds,
                    max_upload=args.max_upload, queue=args.queue, settings=settings)
    app = create_app(config)  # opens (creating and migrating) the store now: a bad --db fails here, clearly
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    writes = "writes need the token" if token else "read-only (no --token)"
    processes = f"{args.workers} processes; " if args.workers > 1 else ""
    print(f"onrecord: serving {app.state.writer.store.url.display} at {url}  ({processes}{writes}; Ctrl-C stops)",
          file=sys.stderr, flush=True)
    serve(config, host=args.host, port=args.port, workers=args.workers, log_level=args.log_level,
          access_log=args.access_log, app=app)
    return 0


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add ``onrecord serve``."""
    from onrecord.cli.record import _db
    from onrecord.web.limits import MAX_UPLOAD, QUERY_SECONDS, QUEUE, READERS

    p = add_command(sub, "serve", cmd_serve)
    _db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", metavar="TOKEN",
                   help="allow writes to those who give this token (default: $ONRECORD_TOKEN; none: read-only)")
    p.add_argument("--readers", type=int, default=READERS, metavar="N",
                   help=f"read-only store connections of each process (default {READERS})")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes serving requests on the port (default 1); the first holds the writable store "
                        "and the extraction worker, the others serve reads and hand it the rest")
    p.add_argument("--query-seconds", type=float, default=QUERY_SECONDS, metavar="S",
                   help=f"time limit of one request's queries (default {QUERY_SECONDS:g})")
    p.add_argument("--max-upload", type=int, default=MAX_UPLOAD, metavar="BYTES",
                   help=f"largest article accepted by paste/upload (default {MAX_UPLOAD:,})")
    p.add_argument("--queue", type=int, default=QUEUE, metavar="N",
                   help=f"articles waiting for extraction before the server answers 503 (default {QUEUE})")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"),
                   help="server log level (default warning)")
    p.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=False,
                   help="log every request (default: off)")
