"""A PostgreSQL server for the store tests and benchmarks.

:func:`postgres_url` gives ``$ONRECORD_TEST_PG`` when set (CI starts Debian's cluster and exports it); otherwise
it starts a throwaway server from the installed binaries: ``initdb`` into a temporary directory, a unix socket
there and a random port, run as the ``postgres`` user when we are root (PostgreSQL refuses to run as root).
:class:`Unavailable` says why there is none (no binaries at all).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL to test against, and why."""


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


class TempServer:
    """A PostgreSQL server in a temporary directory; :meth:`stop` removes it."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        bindir = _bindir()
        if bindir is None:
            raise Unavailable("no PostgreSQL binaries (initdb) found and ONRECORD_TEST_PG is not set")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
            self.user = "postgres"
            shutil.chown(self.root, "postgres")
        self.data = self.root / "data"
        self.port = random.randint(20000, 60000)
        self._run([str(bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                   "--no-sync"])
        opts = (f"-c listen_addresses='' -c unix_socket_directories='{self.root}' -p {self.port} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
                + "".join(f" -c {k}={v}" for k, v in (settings or {}).items()))
        self._run([str(bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w",
                   "-t", "60", "start"])
        self.url = f"postgresql://postgres@/postgres?host={self.root}&port={self.port}"

    def _run(self, argv: list[str]) -> None:
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise Unavailable(f"{Path(argv[-1] if self.user else argv[0]).name} failed: "
                              f"{(result.stderr or result.stdout).strip()[-500:]}")

    def database(self, name: str) -> str:
        """A fresh database on this server; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.replace("/postgres?", f"/{name}?")

    def stop(self) -> None:
        with contextlib.suppress(Unavailable):
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.root, ignore_errors=True)


class ExternalServer:
    """The server named by ``$ONRECORD_TEST_PG``; each test database is created on it and dropped after."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            raise Unavailable(f"ONRECORD_TEST_PG={url!r} cannot be reached: {exc}") from None

    def database(self, name: str) -> str:
        from urllib.parse import urlsplit

        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(self.url)
        # built by hand: urlunsplit drops the "//" of a URL with an empty host (postgresql:///db?host=/socket)
        return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")

    def stop(self) -> None:
        pass


def server(settings: dict[str, str] | None = None) -> TempServer | ExternalServer:
    """``$ONRECORD_TEST_PG``, else a throwaway server (with these extra server ``settings``, for benchmarks)."""
    url = os.environ.get("ONRECORD_TEST_PG")
    if url:
        return ExternalServer(url)
    for attempt in range(3):
        try:
            return TempServer(settings)
        except Unavailable as exc:  # a port taken by chance: try another
            if attempt == 2 or "binaries" in str(exc) or "'postgres' user" in str(exc):
                raise
            time.sleep(0.5)
    raise AssertionError("unreachable")
