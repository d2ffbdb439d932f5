"""Fixtures for the records tests: a real PostgreSQL server, started once per run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from .postgres_server import PostgresServer, find_bin, start_server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this machine's binaries (skipped only outside CI)."""
    bindir = find_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing (.ci/run installs them)")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    server = start_server(bindir)
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> str:
    """The URL of a fresh, empty database on the test server."""
    return postgres_server.database(f"t{uuid.uuid4().hex[:12]}")
