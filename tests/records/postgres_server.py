"""A real PostgreSQL server for the tests, started from the machine's binaries.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free loopback port, trust
authentication (only this machine's loopback can reach it), stopped at the end. The
binaries are found on PATH or under /usr/lib/postgresql/*/bin (Debian's package,
which ``.ci/run`` installs when missing). PostgreSQL refuses to run as root, so as
root the server runs as the ``postgres`` user the package creates.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bin() -> Path | None:
    """The folder of ``pg_ctl`` and ``initdb``, if the server is installed."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=_version)
    return versions[-1].parent if versions else None


def _version(path: Path) -> int:
    name = path.parent.parent.name
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """A running server: its URL, and how to stop it."""

    bindir: Path
    folder: Path
    port: int
    user_prefix: tuple[str, ...]

    @property
    def url(self) -> str:
        """The URL of the ``postgres`` database, as the tests' superuser."""
        return f"postgresql://baokao@127.0.0.1:{self.port}/postgres"

    def database(self, name: str) -> str:
        """Create a fresh database ``name``; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://baokao@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop the server and remove its files."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.user_prefix, str(self.bindir / tool), *args],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )


def start_server(bindir: Path) -> PostgresServer:
    """initdb and start a server on a free loopback port."""
    folder = Path(tempfile.mkdtemp(prefix="baokao-pg-"))
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        prefix = ("runuser", "-u", "postgres", "--")
    server = PostgresServer(bindir, folder, _free_port(), prefix)
    data = str(folder / "data")
    server._run("initdb", "-D", data, "-U", "baokao", "--auth=trust", "-E", "UTF8", "--no-sync")
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} -c fsync=off"
    server._run("pg_ctl", "-D", data, "-o", options, "-l", str(folder / "log"), "-w", "start")
    return server
