"""Hostile input files, written for the tests (nothing is downloaded or copied): what a crawl, a disk or a
malicious sender can hand to onrecord's readers.

:func:`write_hostile_files` writes them into a directory and returns, per file name, what must happen to it:
``"refused"`` (reported on one line naming the file and the reason, nothing written for it) or ``"either"``
(decodable with some loss, so it may be read; if it is refused, it is on one line, as above). Names end in the
extension that selects the reader, so a directory of them goes through every reader of ``extract`` (text, HTML,
JSONL, each also gzipped). :func:`write_hostile_warcs` does the same for the WARC reader of ``run``.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcs import Page, article_html, write_warc

GOOD_TEXT = "\u201cThe bridge will reopen in May,\u201d said Ana Lind, the chief engineer of Brackwater.\n"
#: Uncompressed size of the gzip bombs: far over every size limit, and 1000 times their compressed size.
BOMB_BYTES = 256 * 2**20
#: A command still running after this is killed (a stall): the test then fails on its time bound.
KILL_AFTER_S = 180

ONRECORD = str(Path(sys.executable).with_name("onrecord"))


@dataclass(frozen=True)
class Finished:
    code: int
    stderr: str
    cpu_s: float
    rss_mib: int
    wall_s: float


#: Runs a command and prints its exit status and resource use as JSON. A small process of its own: the peak memory
#: of a child counts what it had before ``exec`` (a copy of its parent), so the command is started from this
#: wrapper, not from the test process with its model loaded.
_WRAPPER = """
import json, os, resource, subprocess, sys, time
start = time.monotonic()
with open(sys.argv[2], "wb") as err:
    process = subprocess.Popen(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
    try:
        code = process.wait(timeout=float(sys.argv[1]))
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss,
                  "wall": time.monotonic() - start}))
"""


def measured(*argv: str, cwd: Path) -> Finished:
    """Run ``onrecord ARGV`` in a new process; its exit status (negative: killed by that signal, as after
    :data:`KILL_AFTER_S`), stderr, CPU time and peak memory (of the process and the worker processes it waited
    for)."""
    err = cwd / "stderr.txt"
    done = subprocess.run([sys.executable, "-c", _WRAPPER, str(KILL_AFTER_S), str(err), ONRECORD, *argv], cwd=cwd,
                          capture_output=True, text=True, check=True)
    usage = json.loads(done.stdout)
    return Finished(usage["code"], err.read_text(encoding="utf-8", errors="replace"), usage["cpu"],
                    usage["rss_kib"] // 1024, usage["wall"])


def gzip_bomb(path: Path, unit: bytes = b"\0", *, prefix: bytes = b"") -> Path:
    """A small .gz that decompresses to :data:`BOMB_BYTES` (``prefix`` then ``unit`` repeated), written in chunks."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    chunk = unit * (2**20 // len(unit))
    with open(path, "wb") as out:
        out.write(compressor.compress(prefix))
        for _ in range(BOMB_BYTES // len(chunk)):
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())
    return path


def write_hostile_files(directory: Path) -> dict[str, str]:
    """Write the hostile files (and ``good.txt``, one ordinary article) into ``directory``; see the module
    docstring for the values."""
    d = directory
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, what: str = "refused") -> None:
        (d / name).write_bytes(data)
        expect[name] = what

    (d / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    # text
    put("empty.txt", b"")
    put("blank.txt", " \n\t\r\n\u3000".encode())
    put("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    put("invalid-utf8.txt", b"Ana Lind said the roads \xff\xfe were \xc3\x28 fixed \xed\xa0\x80.\n", "either")
    put("utf16.txt", ("\ufeff" + GOOD_TEXT.replace("Ana Lind", "Hana Okoro")).encode("utf-16-le"), "either")
    put("utf16-nobom.txt", GOOD_TEXT.replace("Ana Lind", "Piet Vermeer").encode("utf-16-be"), "either")
    put("nul-bytes.txt", b"\0" * 4096)
    # one paragraph of 20 MB: over the size limit at the default max_chars
    put("huge-paragraph.txt", b"Ana Lind said the roads were fixed and " * (20 * 2**20 // 39))
    gzip_bomb(d / "bomb.txt.gz", b"a ")
    expect["bomb.txt.gz"] = "refused"
    put("not-gzip.txt.gz", b"\x1f\x8b\x08\x00 this is not a gzip stream")
    story = "".join(f"{i}: {GOOD_TEXT}" for i in range(2000)).encode()
    whole = gzip.compress(story)
    put("cut.txt.gz", whole[: len(whole) // 2])  # cut in the middle of the stream: not the whole story
    # HTML
    put("nested-tags.html", b"<html><body>" + b"<div>" * 100_000 + b"Ana Lind said so." + b"</div>" * 100_000 +
        b"</body></html>", "either")
    put("unclosed-tags.html", b"<html><body><p>" + b"<b><i><span>" * 30_000 + b"Ana Lind said so.", "either")
    entities = b"".join(b'<!ENTITY e%d "&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;">' % ((i,) + (i - 1,) * 10)
                        for i in range(1, 10))
    put("entity-bomb.html", b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e0 "lol">' + entities +
        b"]><html><body><p>&e9;</p><p>Ana Lind said the bridge is safe.</p></body></html>", "either")
    put("empty.html", b"")
    put("no-article.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "either")
    put("binary.html", bytes(range(256)) * 256)
    gzip_bomb(d / "bomb.html.gz", b"<p>", prefix=b"<html><body>")
    expect["bomb.html.gz"] = "refused"
    put("huge.html", b"<html><body><p>" + b"Ana Lind said the roads were fixed. " * (24 * 2**20 // 36) +
        b"</p></body></html>")
    # JSONL: errors are per line (path:line), so these files each hold one bad line and nothing else
    put("nested.jsonl", b'{"id": "n", "text": "Ana Lind said so.", "meta": ' + b"[" * 100_000 + b"]" * 100_000 +
        b"}\n")
    put("nested-text.jsonl", b'{"id": "m", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    put("empty.jsonl", b"")
    put("binary.jsonl", bytes(range(256)) * 64)
    put("utf16.jsonl", '{"id": "u", "text": "Ana Lind said so."}\n'.encode("utf-16"), "either")
    put("not-json.jsonl", b"{this is not json\n")
    put("long-line.jsonl", b'{"id": "long", "text": "' + b"a " * (10 * 2**20) + b'"}\n')
    gzip_bomb(d / "bomb.jsonl.gz", b"0")
    expect["bomb.jsonl.gz"] = "refused"
    # the file system
    os.symlink("loop.txt", d / "loop.txt")
    expect["loop.txt"] = "refused"
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "up")  # a directory that contains itself: followed, the walk never ends
    os.symlink("missing-target.txt", d / "dangling.txt")
    expect["dangling.txt"] = "refused"
    os.mkfifo(d / "fifo.txt")
    expect["fifo.txt"] = "refused"
    return expect


def write_hostile_warcs(directory: Path) -> dict[str, str]:
    """WARC files for ``run``: cut inside a record, empty, not a WARC, a gzip bomb (and ``good.warc.gz``)."""
    d = directory
    page = Page("https://post.example/bridge", article_html("Bridge to reopen", [
        GOOD_TEXT.strip(),
        "The new deck will carry cyclists as well as cars, and the council has kept the tolls as they were.",
        "Work on the approach roads went on through the winter, and the last inspection is due in April."],
        site="Harbour Post"))
    good = write_warc(d / "good.warc.gz", [page])
    data = good.read_bytes()
    (d / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    (d / "empty.warc.gz").write_bytes(b"")
    (d / "garbage.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nshort")
    gzip_bomb(d / "bomb.warc.gz", b"\0", prefix=b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\n")
    return {"cut.warc.gz": "refused", "empty.warc.gz": "refused", "garbage.warc": "refused",
            "bomb.warc.gz": "refused"}
