"""Quiet nights: when the catalog fingerprint and the folder are as the last matching run left
them, sync and check end without pg_dump, even with a table locked by a migration."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from tests.helpers import run, snapshot
from tests.test_hardening import Session


@pytest.fixture
def synced(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pg.psql("CREATE TABLE users (id int PRIMARY KEY, v text DEFAULT 'x');"
            "CREATE TABLE busy (id int, twice int GENERATED ALWAYS AS (id * 2) STORED);", db)
    out = tmp_path / "docs"
    # A first sync saves the catalog's stamp (read in the dump's snapshot), not its
    # fingerprint: a second run with nothing changed ends after the stamp.
    assert run(capsys, "sync", "-q", "-o", str(out))[0] == 0
    code, _, err = run(capsys, "sync", "-v", "-o", str(out))
    assert code == 0 and "running: pg_dump" not in err
    return out


def test_no_change_runs_no_pg_dump(synced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(synced)
    code, out, err = run(capsys, "sync", "-v", "-o", str(synced))
    assert code == 0, err
    assert "running: pg_dump" not in err and "no pg_dump needed" in err
    assert "No schema change" in out
    code, out, err = run(capsys, "check", "-v", "-o", str(synced))
    assert code == 0, err
    assert "running: pg_dump" not in err
    assert out.startswith("Docs are up to date (2 tables in")
    assert snapshot(synced) == before
    # --full reads everything, and finds nothing either.
    code, _, err = run(capsys, "check", "-v", "--full", "-o", str(synced))
    assert code == 0 and "running: pg_dump" in err


def test_a_locked_table_does_not_hold_up_a_no_change_check(
    pg: ThrowawayPostgres, db: str, synced: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    with Session(pg, db) as other:
        other.run("BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE;")
        started = time.monotonic()
        code, _, err = run(capsys, "check", "--lock-timeout", "5", "-o", str(synced))
        elapsed = time.monotonic() - started
    assert code == 0, err
    assert elapsed < 5  # no wait for the lock at all


@pytest.mark.parametrize("ddl", [
    "COMMENT ON TABLE users IS 'people'",
    "ALTER TABLE users ALTER COLUMN v SET DEFAULT 'y'",
    "CREATE INDEX users_v ON users (v)",
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
])
def test_any_change_is_seen(pg: ThrowawayPostgres, db: str, synced: Path,
                            capsys: pytest.CaptureFixture[str], ddl: str) -> None:
    pg.psql(ddl, db)
    assert run(capsys, "check", "-q", "-o", str(synced))[0] == 1
    assert run(capsys, "sync", "-q", "-o", str(synced))[0] == 0
    assert run(capsys, "check", "-q", "-o", str(synced))[0] == 0


def test_a_hand_edit_of_the_folder_is_seen(synced: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    users = synced / "users.sql"
    original = users.read_bytes()
    users.write_bytes(original.replace(b"CREATE TABLE", b"CREATE  TABLE"))
    code, out, _ = run(capsys, "sync", "-o", str(synced))
    assert code == 0 and "~ users" in out
    assert users.read_bytes() == original
