"""process_shard in this process: output, resume, partial shards, failures, the time cap, a bad shard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import onrecord
import onrecord.api
from onrecord.errors import InputError
from onrecord.scale.deadline import DocumentTimeout, deadline
from onrecord.scale.output import read_output, read_shard_result
from onrecord.scale.plan import Shard, plan_shards
from onrecord.scale.shard import ShardResult, process_shard
from onrecord.settings import Settings

pytestmark = pytest.mark.model


def _one_shard(path: Path, size: int = 100) -> Shard:
    (shard,) = plan_shards([path], shard_size=size)[0]
    return shard


def test_a_shard_is_written_and_equals_direct_extraction(corpus: Path, tmp_path: Path, expected: list) -> None:
    out = tmp_path / "out"
    result = process_shard(_one_shard(corpus), out)
    assert result.status == "done" and result.documents == 5 and result.attributions > 0
    assert result.counts == {"unreadable": 1}
    (failure,) = result.failures
    assert failure.document == f"{corpus}:3" and failure.reason == "no 'text' field"
    assert list(read_output(out)) == expected
    assert ShardResult.from_dict(read_shard_result(out, result.shard)) == result


def test_a_shard_whose_output_exists_is_not_done_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shard = _one_shard(corpus)
    first = process_shard(shard, out)
    parquet = out / "articles" / f"{shard.name}.parquet"
    stamp = parquet.stat().st_mtime_ns
    again = process_shard(shard, out)
    assert again.status == "resumed" and again.documents == first.documents and again.counts == first.counts
    assert parquet.stat().st_mtime_ns == stamp


def test_a_partial_shard_is_done_again(corpus: Path, tmp_path: Path, expected: list) -> None:
    out = tmp_path / "out"
    shard = _one_shard(corpus)
    process_shard(shard, out)
    (out / "shards" / f"{shard.name}.json").unlink()  # the run stopped after the Parquet files
    (out / "articles" / f"{shard.name}.parquet").write_bytes(b"half a file")
    result = process_shard(shard, out)
    assert result.status == "done"
    assert list(read_output(out)) == expected


def test_documents_over_the_size_cap_are_left_out(corpus: Path, tmp_path: Path, longest_text: int) -> None:
    result = process_shard(_one_shard(corpus), tmp_path, settings=Settings(max_chars=longest_text - 1))
    assert result.status == "done" and result.counts["too-large"] >= 1
    assert result.documents == 5 - result.counts["too-large"]
    assert all("over the limit" in f.reason for f in result.failures if f.code == "too-large")


def _slow_or_broken(real):
    """extract_many that spins on the article 'library' and raises on 'bridge'."""

    def extract_many(articles, **kwargs):
        articles = list(articles)
        for article in articles:
            if article.id == "library":
                while True:  # a pathological document, in Python
                    pass
            if article.id == "bridge":
                raise RuntimeError("a bug met on this document")
        return real(articles, **kwargs)

    return extract_many


def test_one_slow_and_one_broken_document_cost_only_themselves(corpus: Path, tmp_path: Path, expected: list,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onrecord.api, "extract_many", _slow_or_broken(onrecord.api.extract_many))
    started = time.perf_counter()
    result = process_shard(_one_shard(corpus), tmp_path, settings=Settings(doc_timeout=0.5))
    elapsed = time.perf_counter() - started
    assert result.status == "done"
    assert result.counts == {"unreadable": 1, "timeout": 1, "error": 1}
    by_code = {f.code: f for f in result.failures}
    assert by_code["timeout"].document == "library"
    assert by_code["error"].document == "bridge" and "RuntimeError: a bug met on this document" in \
        by_code["error"].reason
    expected = [e for e in expected if e.article.id not in ("library", "bridge")]
    assert list(read_output(tmp_path)) == expected
    assert elapsed < 60  # the batch budget (5 x 0.5 s) plus 0.5 s alone, not forever


def test_deadline() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout), deadline(0.1):
        while True:
            pass
    assert time.perf_counter() - started < 5
    with deadline(0.2):
        total = sum(range(1000))
    time.sleep(0.3)  # a deadline that ended in time leaves nothing pending
    assert total == 499500
    with deadline(0):  # no cap
        time.sleep(0.01)


def test_a_bad_shard_fails_with_its_reason_and_writes_nothing(tmp_path: Path) -> None:
    shard = Shard(name="gone-0000000-0000002", kind="files", path=str(tmp_path), start=0, count=2,
                  files=("a.txt", "b.txt"))
    (tmp_path / "a.txt").write_text("A short text.")
    out = tmp_path / "out"
    (out).mkdir()
    (out / "articles").write_text("not a directory")  # the output cannot be written
    result = process_shard(shard, out)
    assert result.status == "failed" and "cannot write output" in result.reason
    assert "articles" in result.reason
    assert not (out / "shards" / f"{shard.name}.json").exists()


def test_files_of_a_directory_and_a_reading_time_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.ingest import readers  # a shard reads its files with the readers of extract and ingest

    root = tmp_path / "pages"
    root.mkdir()
    (root / "a.txt").write_text("\u201cWe open at nine,\u201d said the librarian, Hana Okoro.")
    (root / "slow.html").write_text("<html><body><p>Never read in time.</p></body></html>")
    (root / "z.txt").write_text("Tomas Reyes said the bridge works were late.")
    real = readers.read_html

    def spinning_read_html(path, **kwargs):
        if Path(path).name == "slow.html":
            while True:
                pass
        return real(path, **kwargs)

    monkeypatch.setattr(readers, "read_html", spinning_read_html)
    (shard,) = plan_shards([root], shard_size=10)[0]
    result = process_shard(shard, tmp_path / "out", settings=Settings(doc_timeout=0.3))
    assert result.status == "done" and result.documents == 2 and result.counts == {"timeout": 1}
    (failure,) = result.failures
    assert failure.document == str(root / "slow.html") and "time cap of 0.3 s" in failure.reason
    assert [e.article.id for e in read_output(tmp_path / "out")] == ["a", "z"]


# --- reading a shard: the same bounded readers as extract and ingest (issue 12) --------------------------------


def _documents(inputs: list, shard_size: int, settings: Settings | None = None) -> tuple[list, list]:
    """Everything the shards of ``inputs`` read, in order, and the planning errors."""
    from onrecord.scale.shard import shard_documents

    settings = settings or Settings()

    shards, errors = plan_shards(inputs, shard_size=shard_size)
    return [item for shard in shards for item in shard_documents(shard, settings)], errors


def _outcome(items: list) -> list[tuple[str, str]]:
    from onrecord.types import Article

    return [("ok", i.id) if isinstance(i, Article) else ("error", str(i)) for i in items]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("shard_size", [1, 2, 10])
def test_a_nested_line_and_an_over_long_line_cost_only_themselves(tmp_path: Path, gz: bool, shard_size: int) -> None:
    import gzip
    import json

    lines = [json.dumps({"id": "a", "text": "Ana Lind spoke."}).encode(),
             b'{"id": "deep", "text": "x", "tags": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
             json.dumps({"id": "b", "text": "Bo Tarn replied."}).encode(),
             b'{"id": "huge", "text": "' + b"y" * 3_000_000 + b'"}',
             json.dumps({"id": "c", "text": "Cy Moor agreed."}).encode()]
    data = b"\n".join(lines) + b"\n"
    path = tmp_path / ("feed.jsonl.gz" if gz else "feed.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    items, errors = _documents([path], shard_size, Settings(max_chars=1000))
    assert not errors
    shown = str(path.resolve())
    assert _outcome(items) == [
        ("ok", "a"),
        ("error", f"{shown}:2: JSON nested too deeply to read"),
        ("ok", "b"),
        ("error", f"{shown}:4: line of 3,000,027 bytes, over the limit of 1,060,576 bytes for a JSONL line "
                  "(settings.max_chars); passed over"),
        ("ok", "c"),
    ]


@pytest.mark.parametrize("shard_size", [1, 2, 10])
@pytest.mark.parametrize("where", ["response", "request"])
def test_a_warc_cut_inside_its_last_page_is_reported_by_the_last_shard(crawl: Path, tmp_path: Path,
                                                                      shard_size: int, where: str) -> None:
    from fastwarc.warc import ArchiveIterator

    data = crawl.read_bytes()
    with open(crawl, "rb") as stream:
        starts = [r.stream_pos for r in ArchiveIterator(stream, parse_http=False)]
    cut = tmp_path / "cut.warc.gz"
    if where == "response":  # half way into the market page's response record
        cut.write_bytes(data[: (starts[-1] + len(data)) // 2])
    else:  # into the first bytes of its request record, so the response is not in the file at all
        cut.write_bytes(data[: starts[-2] + 20])
    items, errors = _documents([cut], shard_size)
    assert not errors
    codes = [(i.id if not isinstance(i, InputError) else getattr(i, "code", "?")) for i in items]
    assert codes[:3] == [items[0].id, "not-html", "not-english"] and items[0].url == "https://post.example/ferry"
    assert codes[3:] == ["unreadable"] and "truncated" in items[3].reason


def test_unreadable_entries_are_reported_at_planning(tmp_path: Path) -> None:
    import os

    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Ana Lind spoke on Monday.", encoding="utf-8")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "feed.jsonl").symlink_to("feed.jsonl")
    (root / "gone.warc.gz").symlink_to("missing.warc.gz")
    (root / "z.txt").write_text("Bo Tarn replied on Tuesday.", encoding="utf-8")
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    items, errors = _documents([root, fifo], 10)
    assert [i.id for i in items] == ["a", "z"]
    assert [str(e) for e in errors] == [
        f"{root}/feed.jsonl: symbolic link loop (too many levels of symbolic links)",
        f"{root}/gone.warc.gz: broken symbolic link (its target does not exist)",
        f"{root}/loop.txt: symbolic link loop (too many levels of symbolic links)",
        f"{fifo}: a named pipe (FIFO), not a regular file: only files and directories are read",
    ]


def test_a_utf16_or_binary_jsonl_file_is_refused_at_planning(tmp_path: Path) -> None:
    utf16 = tmp_path / "wide.jsonl"
    utf16.write_bytes('{"id": "a", "text": "Ana Lind spoke."}\n'.encode("utf-16"))
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(bytes(range(256)) * 10)
    items, errors = _documents([utf16, binary], 10)
    assert items == []
    assert [(e.document, e.reason.split(",")[0]) for e in errors] == [
        (str(utf16), "JSONL must be UTF-8"),
        (str(binary), "looks binary (contains NUL bytes); expected JSONL (UTF-8 JSON")]


@pytest.mark.parametrize("data", [b"", b"\n  \n\n"])
def test_an_empty_jsonl_file_is_reported_at_planning(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(data)
    items, errors = _documents([path], 10)
    assert items == [] and [str(e) for e in errors] == [f"{path}: file is empty (no JSON lines to read)"]
