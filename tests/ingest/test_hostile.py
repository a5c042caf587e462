"""Hostile files for every reader: each one gives one clear line naming the file and the reason, or is read
correctly, and `onrecord extract` (`onrecord run` for WARC) finishes on it within 30 s of CPU and 1.5 GB.

The files are made at test time (invented names and sentences). Each command runs in a child process; a small
wrapper waits for it and reports its peak resident memory and CPU time (``getrusage(RUSAGE_CHILDREN)``, which
covers `run`'s worker processes too). Wall time is capped at 120 s only to stop a hang on a machine shared by
other jobs; the bound asserted is CPU time, which does not depend on what else runs.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from warcs import Page, article_html, write_warc

pytestmark = pytest.mark.model

CPU_SECONDS = 30
MEMORY_BYTES = 1.5 * 2**30
WALL_SECONDS = 120

STORY = ("\u201cWe fixed the roads before the winter,\u201d said Ana Lind, the mayor of Port Wenlow, on Monday.\n\n"
         "Councillor Bo Tarn said the town would pay for the work from its reserves.\n")
PAGE = (f"<!doctype html><html lang=\"en\"><head><title>Roads fixed</title></head><body><article><h1>Roads</h1>"
        f"<p>{STORY.splitlines()[0]}</p><p>{STORY.splitlines()[2]}</p></article></body></html>")

_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))
    rc, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as exc:
    rc, out, err = "timeout", exc.stdout or b"", exc.stderr or b""
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss": usage.ru_maxrss * 1024, "stdout": out.decode("utf-8", "replace"),
                  "stderr": err.decode("utf-8", "replace")}))
"""

_ONRECORD = [sys.executable, "-c", "import sys; from onrecord.cli import main; sys.exit(main())"]


@dataclass(frozen=True)
class Outcome:
    rc: int | str
    wall: float
    cpu: float
    rss: int
    stdout: str
    stderr: str

    @property
    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def measure(*args: str, cwd: Path) -> Outcome:
    """Run ``onrecord ARGS`` in a child process; its exit status, output, CPU time and peak memory."""
    wrapper = subprocess.run([sys.executable, "-c", _MEASURE, str(WALL_SECONDS), *_ONRECORD, *args],
                             capture_output=True, cwd=cwd, check=True)
    return Outcome(**json.loads(wrapper.stdout))


def assert_bounded(outcome: Outcome, what: str) -> None:
    print(f"{what}: {outcome.cpu:.1f} s CPU, {outcome.wall:.1f} s wall, {outcome.rss / 2**20:.0f} MiB peak")
    assert outcome.rc != "timeout", f"{what}: still running after {WALL_SECONDS} s"
    assert outcome.cpu < CPU_SECONDS, f"{what}: {outcome.cpu:.1f} s of CPU"
    assert outcome.rss < MEMORY_BYTES, f"{what}: {outcome.rss / 2**20:.0f} MiB"
    assert "Traceback" not in outcome.stderr, outcome.stderr[-3000:]
    lines = outcome.stderr.splitlines()
    assert all(line.startswith("onrecord: ") for line in lines), outcome.stderr[-3000:]


# --- the files -------------------------------------------------------------------------------------------------


def gzip_stream(unit: bytes, total: int, *, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head``, ``unit`` repeated to ``total`` bytes and ``tail``, gzipped as one stream without holding it."""
    block = unit * (2**20 // len(unit))
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    out = io.BytesIO()
    out.write(packer.compress(head))
    for _ in range(total // len(block)):
        out.write(packer.compress(block))
    out.write(packer.compress(tail))
    out.write(packer.flush())
    return out.getvalue()


def nested_html(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + STORY.encode() + b"</div>" * depth + b"</body></html>")


def entity_bomb() -> bytes:
    entities = ['<!ENTITY a "Ana Lind said the roads were fixed. ">']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        entities.append(f'<!ENTITY {name} "{("&" + prev + ";") * 10}">')
    return (f"<?xml version=\"1.0\"?><!DOCTYPE html [{''.join(entities)}]>"
            f"<html><body><article><p>&j;</p><p>{STORY}</p></article></body></html>").encode()


def noise(size: int) -> bytes:
    return random.Random(12).randbytes(size)


GB = 2**30
PARAGRAPH = "Ana Lind said the roads were fixed and the bridge would open in the spring. "

#: name -> (file contents, articles it must give (None: any), a fragment of the reason that one line naming the
#: file must give (None: no such line, or any reason when no article is given))
FILES: dict[str, tuple[Callable[[], bytes], int | None, str | None]] = {
    # plain text
    "empty.txt": (lambda: b"", 0, "document is empty"),
    "binary.txt": (lambda: noise(200_000), 0, "looks binary"),
    "invalid-utf8.txt": (lambda: STORY.encode("cp1252"), 0, "not valid UTF-8 at byte"),
    "utf16-bom.txt": (lambda: codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), 1, None),
    "utf16.txt": (lambda: STORY.encode("utf-16-be"), 1, None),
    "paragraph.txt": (lambda: paragraph(20_000_000).encode(), 0, "over 4,000,004 bytes"),
    "bomb.txt.gz": (lambda: gzip_stream(b"\0", GB), 0, "over 4,000,004 bytes"),
    "blank-bomb.txt.gz": (lambda: gzip_stream(b" ", GB), 0, "over 4,000,004 bytes"),
    # HTML
    "empty.html": (lambda: b"", 0, "document is empty"),
    "binary.html": (lambda: noise(200_000), 0, "looks binary"),
    "invalid-utf8.html": (lambda: PAGE.encode("cp1252"), 1, None),
    "utf16-bom.html": (lambda: codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), 1, None),
    "utf16.html": (lambda: PAGE.encode("utf-16-le"), 1, None),
    "paragraph.html": (lambda: f"<html><body><p>{paragraph(20_000_000)}</p></body></html>".encode(), 0,
                       "over 20,000,000 bytes"),
    "paragraph-19mb.html": (lambda: f"<html><body><p>{paragraph(19_000_000)}</p></body></html>".encode(), None,
                            None),
    "nested.html": (lambda: nested_html(100_000), None, None),
    "entity-bomb.html": (entity_bomb, 1, None),
    "bomb.html.gz": (lambda: gzip_stream(b" ", GB, head=b"<html><body><p>"), 0, "a gzip bomb?"),
    # JSONL
    "empty.jsonl": (lambda: b"", 0, "file is empty"),
    "binary.jsonl": (lambda: noise(200_000), 0, "looks binary"),
    "invalid-utf8.jsonl": (lambda: json.dumps({"id": "x", "text": STORY}, ensure_ascii=False).encode("cp1252"), 0,
                           "not valid UTF-8 at byte"),
    "utf16.jsonl": (lambda: json.dumps({"id": "x", "text": STORY}).encode("utf-16"), 0, "JSONL must be UTF-8"),
    "nested.jsonl": (lambda: b'{"id": "x", "text": "Hi.", "tags": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 0,
                     "JSON nested too deeply"),
    "paragraph.jsonl": (lambda: json.dumps({"id": "x", "text": paragraph(20_000_000)}).encode(), 0,
                        "over the limit of 13,048,576 bytes"),
    "bomb.jsonl.gz": (lambda: gzip_stream(b"\0", 3 * GB), 0, "looks binary"),
    "line-bomb.jsonl.gz": (lambda: gzip_stream(b"a", 3 * GB, head=b'{"id": "x", "text": "'), 0, "a gzip bomb?"),
    "blank-bomb.jsonl.gz": (lambda: gzip_stream(b"\n", 3 * GB, head=json.dumps({"id": "x", "text": STORY}).encode()
                                                + b"\n"), 1, "a gzip bomb?"),
}


def paragraph(size: int) -> str:
    """One paragraph of ``size`` characters or a few more."""
    return PARAGRAPH * (size // len(PARAGRAPH) + 1)


def make(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(FILES[name][0]())
    return path


@pytest.mark.parametrize("name", list(FILES))
def test_extract_on_a_hostile_file(tmp_path: Path, name: str) -> None:
    make(tmp_path, name)
    _, articles, reason = FILES[name]
    outcome = measure("extract", name, "--no-text", cwd=tmp_path)
    assert_bounded(outcome, name)
    about = [line for line in outcome.stderr.splitlines() if line.startswith(f"onrecord: {name}")]
    if articles is not None:
        assert len(outcome.records) == articles, outcome.stderr
    if outcome.records:
        assert outcome.rc == 0
        speakers = {a["speaker"] for r in outcome.records for a in r["attributions"]}
        assert "Ana Lind" in speakers, (outcome.records, outcome.stderr)
    else:
        assert outcome.rc == 1 and len(about) == 1, outcome.stderr
    if reason is not None:
        assert len(about) == 1 and reason in about[0], outcome.stderr
    elif outcome.records:
        assert about == [], outcome.stderr


def test_extract_on_a_directory_with_a_symlink_loop_and_a_fifo(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "up").symlink_to(".")
    os.mkfifo(root / "pipe.txt")
    outcome = measure("extract", "in", "--no-text", cwd=tmp_path)
    assert_bounded(outcome, "a directory with a loop")
    assert outcome.rc == 0 and [r["id"] for r in outcome.records] == ["a"]
    assert outcome.stderr.splitlines() == [
        "onrecord: in/loop.txt: symbolic link loop (too many levels of symbolic links)",
        "onrecord: in/pipe.txt: a named pipe (FIFO), not a regular file: only files and directories are read",
    ]


# --- WARC, through `onrecord run` ------------------------------------------------------------------------------


def _pages() -> list[Page]:
    ferry = [STORY.splitlines()[0], "The new timetable was drawn up after a survey of commuters in the winter.",
             "Tickets will cost the same as last year, and season passes go on sale at the quay office in May."]
    return [Page(f"https://post.example/{i}", article_html(f"Roads {i}", ferry)) for i in range(3)]


def _truncated(tmp_path: Path) -> Path:
    whole = write_warc(tmp_path / "whole.warc.gz", _pages())
    data = whole.read_bytes()
    path = tmp_path / "truncated.warc.gz"
    path.write_bytes(data[: len(data) - 300])  # inside the last page
    whole.unlink()
    return path


def _bomb_warc(tmp_path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = gzip_stream(b" ", GB, head=b"<html><body><p>")
    path = tmp_path / "bomb.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                           ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://post.example/bomb", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    return path


def _single(tmp_path: Path, name: str, body: bytes) -> Path:
    return write_warc(tmp_path / name, [*_pages()[:1], Page("https://post.example/hostile", body)])


#: name -> (how to make it, what must happen: a fragment of the reason, in report.json or on stderr)
WARCS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty.warc.gz": (lambda d: (d / "empty.warc.gz").write_bytes(b"") or d / "empty.warc.gz",
                      "no response record in the file"),
    "binary.warc": (lambda d: (d / "binary.warc").write_bytes(noise(200_000)) or d / "binary.warc",
                    "cannot read WARC file"),
    "truncated.warc.gz": (_truncated, "record cut short"),
    "bomb.warc.gz": (_bomb_warc, "payload decodes to over 20,000,000 bytes"),
    "nested.warc.gz": (lambda d: _single(d, "nested.warc.gz", nested_html(100_000)), ""),
    "paragraph.warc.gz": (lambda d: _single(d, "paragraph.warc.gz", f"<html><body><p>{PARAGRAPH * 270_000}</p>"
                                            "</body></html>".encode()), "over the limit of 20,000,000"),
}


@pytest.mark.parametrize("name", list(WARCS))
def test_run_on_a_hostile_warc(tmp_path: Path, name: str) -> None:
    make_warc, expected = WARCS[name]
    make_warc(tmp_path)
    outcome = measure("run", name, "-o", "out", "--workers", "1", cwd=tmp_path)
    assert_bounded(outcome, name)
    report = tmp_path / "out" / "report.json"
    told = outcome.stderr + (report.read_text(encoding="utf-8") if report.exists() else "")
    assert expected in told, told[-3000:]


# --- ingest and run read the same way (items 2 and 3 of issue 12) ---------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    """A directory: a JSONL file with a deeply nested line between two good ones, a self-link and a text file."""
    root = tmp_path / "in"
    root.mkdir()
    lines = [json.dumps({"id": "first", "text": STORY}).encode(),
             b'{"id": "deep", "text": "Hi.", "tags": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
             json.dumps({"id": "last", "text": STORY.replace("Ana Lind", "Eva Moor")}).encode()]
    (root / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "story.txt").write_text(STORY.replace("Ana Lind", "Ida Berg"), encoding="utf-8")
    return root


def test_ingest_stores_every_good_document_past_a_nested_line_and_a_link_loop(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    outcome = measure("ingest", "in", "--db", "store.db", cwd=tmp_path)
    assert_bounded(outcome, "ingest")
    assert outcome.rc == 0
    assert "onrecord: in/feed.jsonl:2: JSON nested too deeply to read" in outcome.stderr.splitlines()
    assert "onrecord: in/loop.txt: symbolic link loop (too many levels of symbolic links)" in outcome.stderr
    assert "stored 3 articles" in outcome.stderr
    del root


def test_run_writes_every_good_document_past_a_nested_line_and_a_link_loop(tmp_path: Path) -> None:
    _corpus(tmp_path)
    outcome = measure("run", "in", "-o", "out", "--workers", "1", cwd=tmp_path)
    assert_bounded(outcome, "run")
    assert outcome.rc == 0, outcome.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    told = json.dumps(report) + outcome.stderr
    assert "JSON nested too deeply to read" in told and "symbolic link loop" in told
    assert "3 articles" in outcome.stderr
