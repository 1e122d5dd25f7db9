"""Servers 13 to 18: each syncs a rich schema (awkward names, partitions of partitions, split
views, rules, triggers), the whole dump equals the per-table reference, a re-sync writes
nothing, and a partition's trigger state (internal triggers on 13 and 14) stays in its
parent's file. Servers come from the machine, a wheel or the npm registry (see
pgdoc.devserver); a major that cannot be had here skips with the reason."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.conftest import AWKWARD_SQL, ServerMatrix
from tests.helpers import run, snapshot
from tests.test_equivalence import assert_identical, edge_sql

PARTITION_TRIGGER = """
CREATE TABLE tr_parent (id int, v int) PARTITION BY RANGE (id);
CREATE TABLE tr_child PARTITION OF tr_parent FOR VALUES FROM (0) TO (10)
  PARTITION BY RANGE (id);
CREATE TABLE tr_grandchild PARTITION OF tr_child FOR VALUES FROM (0) TO (5);
CREATE FUNCTION tr_f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER tr_t BEFORE INSERT ON tr_parent FOR EACH ROW EXECUTE FUNCTION tr_f();
ALTER TABLE tr_child DISABLE TRIGGER tr_t;
"""


@pytest.mark.parametrize("major", [13, 14, 15, 16, 17, 18])
def test_a_rich_schema_on_every_server_major(
    pg_major: ServerMatrix, major: int, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = pg_major(major)
    db = f"m_{uuid.uuid4().hex[:10]}"
    server.create_database(db)
    try:
        server.psql(edge_sql(server.version_num) + PARTITION_TRIGGER, db)
        server.psql_file(AWKWARD_SQL, db)
        monkeypatch.chdir(tmp_path)
        for key, value in server.env(db).items():
            monkeypatch.setenv(key, value)
        for key in ("PGPASSWORD", "PGSERVICE", "PGHOSTADDR", "PGSERVICEFILE", "PGPASSFILE"):
            monkeypatch.delenv(key, raising=False)
        one, per = tmp_path / "one", tmp_path / "per-table"
        code, _, err = run(capsys, "sync", "-q", "-o", str(one))
        assert code == 0, err
        assert run(capsys, "sync", "-q", "--per-table", "-o", str(per))[0] == 0
        assert_identical(one, per)
        parent = (one / "tr_parent.sql").read_text(encoding="utf-8")
        assert "ALTER TABLE public.tr_child DISABLE TRIGGER tr_t;" in parent
        before = snapshot(one)
        assert run(capsys, "sync", "-q", "--full", "-o", str(one))[0] == 0
        assert snapshot(one) == before  # a re-sync writes nothing
    finally:
        server.drop_database(db)
