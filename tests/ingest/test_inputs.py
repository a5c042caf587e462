"""Walking paths and stdin: which files are read, in what order, with which ids and errors."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest

from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, InputError
from onrecord.ingest import file_format, iter_inputs, sniff_format
from onrecord.types import Article

PAGE = (
    "<!doctype html><html><head><title>Ferry timetable changes</title></head><body><article>"
    "<p>\u201cWe will run an extra crossing on Sundays,\u201d the operator said on Monday.</p>"
    "<p>Passengers had asked for a later boat for two summers running, a council report found.</p>"
    "</article></body></html>"
)


def outcome(items: list[Article | InputError]) -> list[tuple[str, str | None]]:
    return [("ok", i.id) if isinstance(i, Article) else ("error", str(i)) for i in items]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.TXT", "text"),
        ("a.txt.gz", "text"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("001-site.example.html.gz", "html"),
        ("docs.jsonl", "jsonl"),
        ("docs.jsonl.gz", "jsonl"),
        ("notes.md", None),
        ("archive.gz", None),
        ("README", None),
    ],
)
def test_file_format(name: str, kind: str | None) -> None:
    assert file_format(Path(name)) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b'{"id": 1}', "jsonl"), (b"\n  {", "jsonl"), (b"<!doctype html>", "html"), (b"\xef\xbb\xbf<html>", "html"),
     (b"The mayor said", "text"), (b"", "text")],
)
def test_sniff_format(head: bytes, kind: str) -> None:
    assert sniff_format(head) == kind


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "2024" / "03").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "b.txt").write_text("The council said the ferry would run.", encoding="utf-8")
    (root / "a.html").write_text(PAGE, encoding="utf-8")
    (root / "2024" / "03" / "c.txt.gz").write_bytes(gzip.compress(b"A gzipped note."))
    (root / "2024" / "batch.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "From a feed."}) + "\nnot json\n", encoding="utf-8"
    )
    (root / "2024" / "empty.txt").write_bytes(b"")
    (root / "notes.md").write_text("# not read", encoding="utf-8")
    (root / ".hidden.txt").write_text("not read", encoding="utf-8")
    (root / ".cache" / "x.txt").write_text("not read", encoding="utf-8")
    return root


def test_directories_are_walked_sorted_and_recursively(tree: Path) -> None:
    assert outcome(list(iter_inputs([tree]))) == [
        ("ok", "2024/03/c"),
        ("ok", "wire-1"),
        ("error", f"{tree}/2024/batch.jsonl:2: not JSON: Expecting value at column 1"),
        ("error", f"{tree}/2024/empty.txt: document is empty (no text to read)"),
        ("ok", "a"),
        ("ok", "b"),
    ]


def test_named_files_keep_their_stem_and_order(tree: Path) -> None:
    items = list(iter_inputs([tree / "b.txt", tree / "2024" / "03" / "c.txt.gz", tree / "a.html"]))
    assert outcome(items) == [("ok", "b"), ("ok", "c"), ("ok", "a")]
    assert items[2].title == "Ferry timetable changes"


def test_named_file_errors(tree: Path) -> None:
    items = list(iter_inputs([tree / "notes.md", tree / "missing.txt", tree / "2024" / "empty.txt"]))
    assert [type(i) for i in items] == [InputError, InputError, EmptyDocumentError]
    assert str(items[0]).startswith(f"{tree}/notes.md: unsupported file type (expected .txt, .html")
    assert str(items[1]) == f"{tree}/missing.txt: no such file or directory"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"The harbour master said the tide was late.", [("ok", "stdin")]),
        (PAGE.encode(), [("ok", "stdin")]),
        (b'\n{"id": "x", "text": "one"}\n{"id": "y"}\n', [("ok", "x"), ("error", "<stdin>:3: no 'text' field")]),
        (b"", [("error", "<stdin>: document is empty (no text to read)")]),
        (b"\x00\x01binary", [("error", "<stdin>: looks binary (contains NUL bytes); expected UTF-8 text")]),
    ],
)
def test_stdin_format_is_sniffed(data: bytes, expected: list[tuple[str, str]]) -> None:
    assert outcome(list(iter_inputs([], stdin=io.BytesIO(data)))) == expected


def test_stdin_between_paths(tree: Path) -> None:
    items = list(iter_inputs([tree / "b.txt", "-", tree / "a.html"], stdin=io.BytesIO(b"Piped text.")))
    assert outcome(items) == [("ok", "b"), ("ok", "stdin"), ("ok", "a")]
    assert items[1].text == "Piped text."


def test_stdin_without_a_stream() -> None:
    assert outcome(list(iter_inputs(["-"]))) == [("error", "<stdin>: no stdin stream to read")]


def test_size_guard_applies_to_files_and_stdin(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"y" * 500)
    file_error, stdin_error = iter_inputs([big, "-"], stdin=io.BytesIO(b"z" * 500), max_chars=100)
    assert isinstance(file_error, DocumentTooLargeError) and file_error.document == str(big)
    assert isinstance(stdin_error, DocumentTooLargeError) and stdin_error.document == "<stdin>"
    assert "100 characters (settings.max_chars)" in str(file_error)


# --- what cannot be read in a directory or on the command line (issue 12) -----------------------------------


@pytest.fixture
def links(tmp_path: Path) -> Path:
    """A directory with two good files between a self-link, a loop of two links, a broken link and a link up."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Ana Lind spoke on Monday.", encoding="utf-8")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "ping.txt").symlink_to("pong.txt")
    (root / "pong.txt").symlink_to("ping.txt")
    (root / "gone.html").symlink_to("missing.html")
    (root / "sub" / "up").symlink_to("..")  # a loop of directories: links to directories are not followed
    (root / "z.txt").write_text("Bo Tarn replied on Tuesday.", encoding="utf-8")
    return root


LOOP = "symbolic link loop (too many levels of symbolic links)"


def test_links_that_cannot_be_read_are_reported_and_the_rest_is_read(links: Path) -> None:
    assert outcome(list(iter_inputs([links]))) == [
        ("ok", "a"),
        ("error", f"{links}/gone.html: broken symbolic link (its target does not exist)"),
        ("error", f"{links}/loop.txt: {LOOP}"),
        ("error", f"{links}/ping.txt: {LOOP}"),
        ("error", f"{links}/pong.txt: {LOOP}"),
        ("ok", "z"),
    ]


def test_a_link_loop_named_as_input_is_reported(links: Path) -> None:
    items = list(iter_inputs([links / "loop.txt", links / "z.txt", links / "gone.html"]))
    assert outcome(items) == [("error", f"{links}/loop.txt: {LOOP}"), ("ok", "z"),
                              ("error", f"{links}/gone.html: broken symbolic link (its target does not exist)")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ana Lind spoke.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bo Tarn replied.", encoding="utf-8")
    (tmp_path / "a.txt").chmod(0)
    assert outcome(list(iter_inputs([tmp_path]))) == [
        ("error", f"{tmp_path}/a.txt: cannot read file: Permission denied"), ("ok", "b")]


FIFO = "a named pipe (FIFO), not a regular file: only files and directories are read"


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text("Ana Lind spoke.", encoding="utf-8")
    os.mkfifo(tmp_path / "dir" / "feed.jsonl")
    items: list[Article | InputError] = []
    reader = threading.Thread(target=lambda: items.extend(iter_inputs([fifo, tmp_path / "dir"])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    blocked = reader.is_alive()
    for path in (fifo, tmp_path / "dir" / "feed.jsonl"):  # let a reader stuck in open() go
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=5)
    assert not blocked, "reading a FIFO blocked"
    assert outcome(items) == [("error", f"{fifo}: {FIFO}"), ("ok", "a"),
                              ("error", f"{tmp_path}/dir/feed.jsonl: {FIFO}")]


def test_an_over_long_stdin_line_is_passed_over() -> None:
    data = (b'{"id": "a", "text": "Ana Lind spoke."}\n{"text": "' + b"b" * 3_000_000
            + b'"}\n{"id": "c", "text": "Bo."}\n')
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data), max_chars=1000))
    assert [i.id if isinstance(i, Article) else i.document for i in items] == ["a", "<stdin>:2", "c"]
    assert isinstance(items[1], DocumentTooLargeError) and "over the limit of 1,060,576 bytes" in items[1].reason


def test_a_directory_tree_too_deep_to_walk_is_reported(tmp_path: Path) -> None:
    deep = tmp_path / "in"
    deep.mkdir()
    for _ in range(1200):  # deeper than Python's recursion limit
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text("Ana Lind spoke.", encoding="utf-8")
    (tmp_path / "in" / "top.txt").write_text("Bo Tarn replied.", encoding="utf-8")
    try:
        items = list(iter_inputs([tmp_path / "in"]))
    finally:  # removed here, from the bottom up: shutil.rmtree (pytest's clean-up) recurses and would fail on it
        (deep / "bottom.txt").unlink()
        while deep != tmp_path / "in":
            deep.rmdir()
            deep = deep.parent
    assert outcome(items)[1:] == [("ok", "top")]
    assert isinstance(items[0], InputError) and items[0].reason == "directory nested over 256 levels deep: not read"


# --- one file, or a part of one: the readers corpus runs use too -----------------------------------------------


def test_read_file_by_its_format_with_a_reading_time_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.errors import DocumentTimeoutError
    from onrecord.ingest import read_file, readers

    (tmp_path / "a.txt").write_text("Ana Lind said so.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "j", "text": "Ivo Tarn replied."}\n', encoding="utf-8")
    (tmp_path / "slow.html").write_text(PAGE, encoding="utf-8")

    def spinning_read_html(*args: object, **kwargs: object) -> Article:  # a page trafilatura never finishes
        while True:
            pass

    monkeypatch.setattr(readers, "read_html", spinning_read_html)
    assert list(read_file(tmp_path / "a.txt", id="x/a")) == [Article(text="Ana Lind said so.", id="x/a")]
    assert list(read_file(tmp_path / "b.jsonl", id="unused")) == [Article(text="Ivo Tarn replied.", id="j")]
    (error,) = read_file(tmp_path / "slow.html", id="slow", timeout=0.2)
    assert isinstance(error, DocumentTimeoutError) and error.code == "timeout"
    assert str(error) == f"{tmp_path}/slow.html: reading took over the time cap of 0.2 s (--doc-timeout)"


@pytest.mark.parametrize("gz", [False, True])
def test_read_jsonl_file_reads_a_part_numbered_as_in_the_whole_file(tmp_path: Path, gz: bool) -> None:
    from onrecord.ingest import read_jsonl_file

    lines = [json.dumps({"text": f"Mira Oduya spoke {n} times."}) for n in range(4)]
    lines[2] = "{broken"
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("x.jsonl.gz" if gz else "x.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    offset = data.index(b"{broken")
    broken = f"{path}:3: not JSON: Expecting property name enclosed in double quotes at column 2"
    assert outcome(read_jsonl_file(path, start=1, count=2, whole=False)) == [("ok", f"{path}:2"), ("error", broken)]
    assert outcome(read_jsonl_file(path, start=2, offset=offset, count=2, whole=False)) == [("error", broken),
                                                                                           ("ok", f"{path}:4")]
    assert list(read_jsonl_file(path, start=9, whole=False)) == []
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    assert list(read_jsonl_file(tmp_path / "blank.jsonl", whole=False)) == []
    (empty,) = read_jsonl_file(tmp_path / "blank.jsonl")
    assert isinstance(empty, EmptyDocumentError)
