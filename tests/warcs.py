"""Small WARC files written with warcio for tests, from pages written for these tests.

    path = write_warc(tmp_path / "crawl.warc.gz", [page("https://a.example/x", html), ...])

Each :class:`Page` becomes a request record and a response record (as crawlers write them); ``content_type``,
``status`` and ``date`` set the HTTP and WARC headers. ``gzip=True`` compresses record by record, as the WARC
standard recommends; :func:`gzip_whole` makes a file compressed as one stream instead.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2024-03-05T10:00:00Z"


def article_html(title: str, paragraphs: list[str], *, lang: str = "en", site: str = "The Tidewater Ledger",
                 published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">{meta}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
{body}
</article><footer>Copyright {site}</footer></body></html>""".encode()


def write_warc(path: Path, pages: list[Page], *, gzip: bool = True) -> Path:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for page in pages:
            headers = [("Content-Length", str(len(page.body)))]
            if page.content_type:
                headers.insert(0, ("Content-Type", page.content_type))
            request = writer.create_warc_record(
                page.url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
                warc_headers_dict={"WARC-Date": page.date})
            writer.write_record(request)
            http = StatusAndHeaders(page.status, headers, protocol="HTTP/1.1")
            response = writer.create_warc_record(page.url, "response", payload=io.BytesIO(page.body),
                                                 http_headers=http, warc_headers_dict={"WARC-Date": page.date})
            writer.write_record(response)
    return path


def gzip_whole(source: Path, target: Path) -> Path:
    """``source`` (an uncompressed WARC) compressed as a single gzip stream."""
    target.write_bytes(gzip.compress(source.read_bytes()))
    return target
