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


def contents(folder: Path) -> dict[str, bytes]:
    """The folder's files, with the index's `+` (new since the last sync, which a first
    sync never marks) read as `✓`."""
    out = {name: data for name, (data, _mtime) in snapshot(folder).items()}
    if "_index.md" in out:
        out["_index.md"] = out["_index.md"].replace(b"| + |", "| ✓ |".encode())
    return out


def test_a_migration_reads_again_only_what_changed(
    pg: ThrowawayPostgres, db: str, synced: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After a whole read, a sync that finds a few relations changed dumps only those
    (`pg_dump -t`), and writes exactly what a first sync into an empty folder writes."""
    pg.psql("CREATE TYPE mood AS ENUM ('ok');"
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
            "'BEGIN RETURN NEW; END';", db)
    assert run(capsys, "sync", "-q", "-o", str(synced))[0] == 0  # a whole read: the model
    for n, ddl in enumerate([
        "ALTER TABLE users ADD COLUMN m mood",  # the type's file lists its columns
        "CREATE TRIGGER t BEFORE UPDATE ON busy FOR EACH ROW EXECUTE FUNCTION touch()",
        "ALTER TABLE users RENAME TO people",
        "CREATE TABLE fresh (id int REFERENCES people)",
        "DROP TABLE busy",
    ]):
        pg.psql(ddl, db)
        code, _, err = run(capsys, "sync", "-v", "-o", str(synced))
        assert code == 0, err
        assert "reading those again" in err, ddl
        assert run(capsys, "check", "-q", "-o", str(synced))[0] == 0
        scratch = tmp_path / f"scratch-{n}"
        assert run(capsys, "sync", "-q", "--prune", "-o", str(scratch))[0] == 0
        # Kept orphans (a renamed or dropped table's file) are the one difference from a
        # first sync, as with any sync without --prune.
        ours = contents(synced)
        orphans = {name for name in ours if name not in contents(scratch)}
        assert all(b"orphan" in ours[name].lower() for name in orphans), orphans
        if not orphans:
            assert ours == contents(scratch), ddl
        assert {k: v for k, v in ours.items() if k not in orphans
                and k not in ("_index.md", "schema.json")} == {
            k: v for k, v in contents(scratch).items() if k not in ("_index.md", "schema.json")}


def test_a_sequence_of_its_own_reads_everything(
    pg: ThrowawayPostgres, db: str, synced: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg.psql("CREATE SEQUENCE counter", db)
    assert run(capsys, "sync", "-q", "-o", str(synced))[0] == 0
    pg.psql("ALTER SEQUENCE counter INCREMENT BY 5", db)
    code, _, err = run(capsys, "sync", "-v", "-o", str(synced))
    assert code == 0, err
    assert b"INCREMENT BY 5" in (synced / "sequences" / "counter.sql").read_bytes()
    assert run(capsys, "sync", "-q", "-o", str(tmp_path / "scratch"))[0] == 0
    assert contents(synced) == contents(tmp_path / "scratch")


@pytest.mark.parametrize("partitions", ["fold", "separate"])
def test_a_migration_of_a_partition_tree_reads_the_tree_again(
    pg: ThrowawayPostgres, db: str, synced: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], partitions: str,
) -> None:
    pg.psql("CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);"
            "CREATE TABLE events_2025 PARTITION OF events "
            "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');", db)
    config = tmp_path / f"pgdoc-{partitions}.yaml"
    config.write_text(f"partitions: {partitions}\n")
    flags = ["-c", str(config)]
    assert run(capsys, "sync", "-q", *flags, "-o", str(synced))[0] == 0
    for n, ddl in enumerate([
        "CREATE TABLE events_2026 PARTITION OF events "
        "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        "ALTER TABLE events ADD COLUMN kind text",
        "CREATE INDEX events_at ON events (at)",
        "ALTER TABLE events_2025 ALTER COLUMN kind SET DEFAULT 'x'",
        "ALTER TABLE events DETACH PARTITION events_2025",
    ]):
        pg.psql(ddl, db)
        code, _, err = run(capsys, "sync", "-v", *flags, "-o", str(synced))
        assert code == 0, err
        assert "reading those again" in err, ddl
        scratch = tmp_path / f"scratch-{n}"
        assert run(capsys, "sync", "-q", *flags, "-o", str(scratch))[0] == 0
        assert contents(synced) == contents(scratch), ddl
