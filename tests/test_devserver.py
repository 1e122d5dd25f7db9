from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from pgdoc import devserver
from pgdoc.devserver import ThrowawayPostgres, find_bindir


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
        [os.path.join(pg.bindir, "psql"), "-X", "-At", "-c", "select 42", *args],
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
        [os.path.join(pg.bindir, "psql"), "-X", "-At", "-c", "select current_database()"],
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
    bindir = find_bindir()
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
    monkeypatch.setattr(devserver, "find_bindir", lambda preferred=None: None)
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
