"""Opening the store read-only (issue 12, items 12 and 14): reads never create a store, never migrate or lock it,
never wait on a writer, work on a read-only mount, and another application's SQLite file is refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.errors import StoreError
from onrecord.record import Store, open_store, queries
from storydata import corpus


@pytest.fixture
def filled(store_url: str) -> str:
    with open_store(store_url) as store:
        store.add(corpus())
    return store_url


def test_read_only_reads_what_was_stored(filled: str) -> None:
    with Store.open(filled, read_only=True) as store:
        assert store.read_only and store.article_count() == 6
        assert len(queries.search(store, "withdraw troops")) == 3
        assert queries.timeline(store, "Valdez").total == 4


def test_read_only_refuses_writes(filled: str) -> None:
    with Store.open(filled, read_only=True) as store:
        with pytest.raises(StoreError, match=r"read-only|readonly"):
            store.add([_renamed(corpus()[0])])
        with pytest.raises(StoreError, match="read-only"):
            store.migrate()
    with open_store(filled) as store:
        assert store.article_count() == 6


def _renamed(extraction):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    article = replace(extraction.article, id="new", url=None, text=extraction.article.text + " Added.")
    return replace(extraction, article=article)


def test_reading_never_creates_a_store(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such store") as info:
        Store.open(typo, read_only=True)
    assert info.value.document == str(typo)
    assert not typo.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_reading_an_empty_postgres_database_creates_nothing(pg_server: object) -> None:
    url = pg_server.database("onrecord_test_ro_empty")  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="no such store"):
        Store.open(url, read_only=True)
    import psycopg

    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('migrations')").fetchone() == (None,)


@pytest.mark.parametrize("command", [
    ["search", "troops"], ["speaker", "Valdez"], ["speakers"], ["speakers", "list"], ["stats"],
    ["export", "--table", "articles"],
])
def test_read_commands_never_create_a_store(command: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo.db"
    code = main([*command, "--db", str(typo)])
    out, err = capsys.readouterr()
    assert (code, out, err) == (1, "", f"onrecord: {typo}: no such store\n")
    assert list(tmp_path.iterdir()) == []


def test_reads_do_not_wait_on_a_writer(filled: str) -> None:
    """A writer holds its transaction open (as `speakers relink` does for a minute on a large store); a read-only
    open and a search answer at once, with the last committed state."""
    writer = open_store(filled)
    release = threading.Event()
    holding = threading.Event()

    def hold() -> None:
        with writer.transaction():
            writer.execute("UPDATE attributions SET speaker_id = NULL")
            writer.execute("DELETE FROM speakers")
            holding.set()
            release.wait(30)
            raise RuntimeError("rolled back")

    def hold_then_roll_back() -> None:
        with pytest.raises(RuntimeError):
            hold()

    thread = threading.Thread(target=hold_then_roll_back)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with Store.open(filled, read_only=True) as store:
            hits = queries.search(store, "withdraw troops", speaker="Valdez")
            speakers = queries.speakers(store)
        assert time.monotonic() - started < 5
        assert len(hits) == 2 and len(speakers) > 0  # the committed state, not the writer's
    finally:
        release.set()
        thread.join(30)
        writer.close()


def test_a_writer_opening_does_not_wait_for_another_writer(tmp_path: Path) -> None:
    """An up-to-date store is recognised with a read: opening it for writing takes no lock (before, every open ran
    the migrations under BEGIN IMMEDIATE and waited for a relink in progress, or failed 'database is locked')."""
    path = tmp_path / "r.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with open_store(path) as store:
            assert store.article_count() == 0
        assert time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_writer_waits_for_another_writer_rather_than_failing(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(2.0, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        with open_store(path) as store:
            result = store.add(corpus()[:1])
        assert result.stored == 1
    finally:
        timer.join()
        holder.close()


def test_another_applications_sqlite_file_is_refused_untouched(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ana Lind')")
    conn.close()
    before = other.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"not an onrecord store \(it holds other tables: customers\)"):
            Store.open(other, read_only=read_only)
    assert other.read_bytes() == before
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert [n for (n,) in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]
    code = main(["ingest", "--extracted", "-", "--db", str(other)])
    _, err = capsys.readouterr()
    assert code == 1 and err == (f"onrecord: {other}: not an onrecord store (it holds other tables: customers); "
                                 "give another file\n")


def test_an_empty_file_is_no_store_to_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="no such store"):
        Store.open(empty, read_only=True)
    assert empty.stat().st_size == 0
    with open_store(empty) as store:  # a writer makes it a store
        assert store.article_count() == 0


def _unshare() -> list[str]:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux unshare for a read-only bind mount")
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"user namespaces unavailable: {probe.stderr.decode().strip()}")
    return ["unshare", "--user", "--map-root-user", "--mount"]


def test_a_store_on_a_read_only_mount_can_be_searched(tmp_path: Path) -> None:
    prefix = _unshare()
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    with open_store(source / "r.db") as store:
        store.add(corpus())
    assert sorted(p.name for p in source.iterdir()) == ["r.db"]  # closed cleanly: no -wal, no -shm
    script = (f"mount --bind -o ro {source} {mount} && "
              f"{sys.executable} -c 'import sys; from onrecord.cli import main; sys.exit(main())' "
              f"search troops --csv --db {mount / 'r.db'}")
    done = subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1 + 3
