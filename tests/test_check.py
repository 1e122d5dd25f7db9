"""`pgdoc check` (and the read-only previews `sync --dry-run`, `list`, `--json`): compare the
database with the docs, write nothing, exit 0 when they match and 1 when they differ."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pgdoc.cli import main
from pgdoc.devserver import ThrowawayPostgres

DOCS = Path("docs/schemas")
PGDOC = Path(sys.executable).parent / "pgdoc"
SCHEMA = """
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE legacy_sessions (id bigint PRIMARY KEY, token text);
"""


@pytest.fixture
def sql(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """A private database with two tables, libpq pointed at it, run from an empty folder;
    call the fixture to run more SQL in that database."""
    def run_sql(text: str) -> None:
        pg.psql(text, db)

    run_sql(SCHEMA)
    monkeypatch.chdir(tmp_path)
    return run_sql


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def synced(capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[bytes, int]]:
    assert run(capsys, "sync", "--quiet")[0] == 0
    return snapshot(DOCS)


def test_check_passes_on_fresh_docs(sql: object, capsys: pytest.CaptureFixture[str]) -> None:
    synced(capsys)
    assert run(capsys, "check") == (0, f"Docs are up to date (2 tables in {DOCS}).\n", "")
    assert run(capsys, "check", "--quiet") == (0, "", "")
    assert run(capsys, "check", "--diff") == (0, f"Docs are up to date (2 tables in {DOCS}).\n",
                                              "")


def test_check_names_new_changed_and_orphaned_tables_and_writes_nothing(
        sql: Callable[[str], None], capsys: pytest.CaptureFixture[str]) -> None:
    before = synced(capsys)
    sql("CREATE TABLE survey_notes (id bigint PRIMARY KEY);"
        "ALTER TABLE users ADD COLUMN name text;"
        "DROP TABLE legacy_sessions;")

    code, out, err = run(capsys, "check")

    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "Docs are out of date: Found 2 tables (+1 new, 1 changed, 1 orphaned)",
        "  + survey_notes",
        "  ~ users",
        "  ⚠ legacy_sessions (orphaned: legacy_sessions.sql)",
        "What changed:",
        "  legacy_sessions: table removed",
        "  survey_notes: table added (1 column)",
        "  users: column name added (text, NULL)",
        "Run 'pgdoc sync' and commit the output folder.",
    ]
    assert snapshot(DOCS) == before


def test_check_diff_prints_a_unified_diff(sql: Callable[[str], None],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    synced(capsys)
    sql("ALTER TABLE users ADD COLUMN name text; DROP TABLE legacy_sessions;")

    code, out, _ = run(capsys, "check", "--diff")

    assert code == 1
    assert f"--- a/{DOCS}/users.sql\n+++ b/{DOCS}/users.sql\n" in out
    assert "+    name text\n" in out or "+    name text,\n" in out
    # Overview files: one line each, unless --full.
    assert f"  {DOCS}/_table_list.txt: 1 line (+0 -1)\n" in out
    assert f"--- a/{DOCS}/_table_list.txt\n" not in out
    full = run(capsys, "check", "--diff", "--full")[1]
    assert f"--- a/{DOCS}/_table_list.txt\n" in full and "-legacy_sessions\n" in full
    assert f"orphaned: {DOCS}/legacy_sessions.sql" in out


def test_check_quiet_and_json(sql: Callable[[str], None],
                              capsys: pytest.CaptureFixture[str]) -> None:
    synced(capsys)
    data = json.loads(run(capsys, "check", "--json")[1])
    assert data["drift"] is False and data["changed"] is False
    assert data["counts"] == {"tables": 2, "new": 0, "changed": 0, "orphaned": 0}
    full = json.loads(run(capsys, "check", "--json", "--full")[1])
    assert full.keys() == data.keys() and full["tables"] == data["tables"]
    sql("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")

    assert run(capsys, "check", "--quiet") == (
        1, "Docs are out of date: Found 3 tables (+1 new, 0 changed, 0 orphaned); "
           "run 'pgdoc sync'\n", "")
    code, out, err = run(capsys, "check", "--json", "--diff")
    assert (code, err) == (1, "")
    data = json.loads(out)  # nothing but JSON on stdout, even with --diff
    assert data["drift"] is True
    assert data["counts"] == {"tables": 3, "new": 1, "changed": 0, "orphaned": 0}
    assert {"name": "survey_notes", "schema": "public", "kind": "table", "status": "new",
            "file": str(DOCS / "survey_notes.sql")} in data["tables"]
    assert "commit" not in data


def test_check_without_docs_fails_and_creates_nothing(
        sql: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 1 and "  + users" in out and "  + legacy_sessions" in out
    assert list(tmp_path.iterdir()) == []


def test_dry_run_and_list_json_write_nothing(sql: object, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sync", "--dry-run", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["dry_run"] is True and data["commit"] is None
    assert {"_index.md", "_table_list.txt", "legacy_sessions.sql", "users.sql"} <= set(
        data["files_written"])

    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    assert [(t["name"], t["status"]) for t in json.loads(out)["tables"]] == [
        ("legacy_sessions", "new"), ("users", "new")]
    assert list(tmp_path.iterdir()) == []


def test_ci_step_as_a_process(sql: Callable[[str], None],
                              capsys: pytest.CaptureFixture[str]) -> None:
    """The README's CI job runs `pgdoc check --diff`; the job fails on exit 1."""
    synced(capsys)
    ok = subprocess.run([str(PGDOC), "check", "--diff"], capture_output=True, text=True,
                        check=False)
    assert (ok.returncode, ok.stderr) == (0, "")
    sql("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    stale = subprocess.run([str(PGDOC), "check", "--diff"], capture_output=True, text=True,
                           check=False)
    assert stale.returncode == 1 and stale.stderr == ""
    assert f"+++ b/{DOCS}/survey_notes.sql" in stale.stdout
    assert "  + survey_notes" in stale.stdout


def test_a_marked_orphan_is_no_drift_whatever_the_cache_holds(
        sql: Callable[[str], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """check exits 0 exactly when a sync would write nothing: a table dropped since is
    drift (the sync marks its file orphaned); a file it marked already is not. Whether
    the quiet path (the cache) or a full read answers, the answer is the same."""
    synced(capsys)
    sql("DROP TABLE legacy_sessions;")
    assert run(capsys, "check", "--quiet")[0] == 1
    assert run(capsys, "sync")[0] == 0  # keeps legacy_sessions.sql, marked orphaned
    answers = []
    for cache in ("used", "empty"):
        if cache == "empty":  # a fresh clone: nothing saved by an earlier run
            monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
        answers.append(run(capsys, "check"))
        answers.append(run(capsys, "check", "--full"))
    assert answers == 4 * [(0, f"Docs are up to date (1 tables in {DOCS}); 1 orphaned file "
                               "kept, marked (pgdoc sync --prune deletes them).\n", "")]



def test_check_diff_escapes_what_a_terminal_would_act_on(
        sql: Callable[[str], None], capsys: pytest.CaptureFixture[str]) -> None:
    synced(capsys)
    sql("COMMENT ON COLUMN users.id IS E'x\\ry\\u001b[2J\\tz';"
        "ALTER TABLE users ADD COLUMN U&\"b\\001b]0;pwned\\0007\" int;")
    code, out, err = run(capsys, "check", "--diff")
    assert code == 1, err
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), repr(out)
    # A carriage return is part of its line (as git sees it), shown escaped.
    assert "x\\ry\\x1b[2J\tz" in out
    assert "\\x1b]0;pwned\\x07" in out
