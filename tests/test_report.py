"""`pgdoc check --diff` (pgdoc.report) and what one migration changes in the docs, on a real
schema (synapse, from ../shared/fixtures/real) in a real git repository."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs.render import MARKER
from pgdoc.report import MAX_LINE, cut
from tests.helpers import run

DOCS = Path("docs/schemas")


def git(cwd: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return out.stdout


@pytest.fixture
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "gitconfig"
    cfg.write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = Test Dev\n"
                   "\temail = dev@example.com\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(cfg))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def test_cut_keeps_short_lines_and_marks_long_ones() -> None:
    assert cut("+short\n") == "+short\n"
    long = "+" + "x" * 5000 + "\n"
    shown = cut(long)
    assert shown.startswith("+" + "x" * (MAX_LINE - 1))
    assert shown.endswith(f" [... {5001 - MAX_LINE} more characters]\n")
    assert len(shown) < MAX_LINE + 40
    assert cut("x" * (MAX_LINE + 1)).endswith("[... 1 more characters]")


def test_global_options_go_before_or_after_the_command(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "-v", "check", "--dsn", "host=/nonexistent port=1",
                          "-o", str(tmp_path))
    assert code == 3 and "pgdoc: connecting to" in err  # -v took effect
    code, out, _ = run(capsys, "list", "--help")
    assert code == 0 and "--jobs" not in out and "--per-table" not in out
    assert "Also accepted before the command" in " ".join(out.split())


@pytest.fixture
def synapse(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str],
            shared_fixtures: Path) -> str:
    """A private, writable copy of synapse's schema (138 tables)."""
    pg.psql_file(shared_fixtures / "synapse.sql", db)
    return db


def _numstat(repo: Path) -> dict[str, int]:
    """File -> lines changed (added + removed) in the working tree."""
    out = {}
    for line in git(repo, "diff", "--numstat").splitlines():
        added, removed, name = line.split("\t")
        out[Path(name).name] = int(added) + int(removed)
    return out


def test_one_column_migration_is_a_small_review(
        synapse: str, pg: ThrowawayPostgres, tmp_path: Path, git_identity: None,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "app"
    repo.mkdir()
    git(repo, "init", "-q")
    monkeypatch.chdir(repo)
    assert run(capsys, "sync", "-q")[0] == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "docs")
    raw = (repo / DOCS / "schema.json").read_text(encoding="utf-8")
    assert max(len(line) for line in raw.split("\n")) <= 2000
    assert ": null" not in raw
    assert len(json.loads(raw)["tables"]) == 138

    pg.psql("ALTER TABLE rooms ADD COLUMN topic_note text;", synapse)
    code, out, _ = run(capsys, "check", "--diff")
    assert code == 1
    assert len(out.encode()) < 8 * 1024, out
    assert max(len(line) for line in out.split("\n")) < MAX_LINE + 40
    assert f"  {DOCS}/schema.json: " in out and f"--- a/{DOCS}/schema.json" not in out
    assert "+    topic_note text" in out

    assert run(capsys, "sync", "-q")[0] == 0
    changed = _numstat(repo)
    print(f"check --diff: {len(out.encode())} bytes; changed lines: {changed}")
    assert [n for n in changed if n.endswith(".sql")] == ["rooms.sql"]
    assert changed["schema.json"] <= 12, git(repo, "diff", "--", str(DOCS / "schema.json"))
    assert changed["_index.md"] <= 6, git(repo, "diff", "--", str(DOCS / "_index.md"))
    assert set(changed) <= {"rooms.sql", "schema.json", "_index.md"}, changed


def test_an_orphaned_file_says_the_table_is_gone(
        pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    pg.psql("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE room_bans (id int);", db)
    out_dir = str(tmp_path / "docs")
    assert run(capsys, "sync", "-q", "-o", out_dir)[0] == 0
    before = (tmp_path / "docs/room_bans.sql").read_text(encoding="utf-8")
    pg.psql("DROP TABLE room_bans;", db)
    code, out, _ = run(capsys, "check", "--diff", "-o", out_dir)
    assert code == 1 and "+-- ORPHANED: room_bans no longer exists in the database." in out

    assert run(capsys, "sync", "-q", "-o", out_dir)[0] == 0
    lines = (tmp_path / "docs/room_bans.sql").read_text(encoding="utf-8").split("\n")
    assert lines[0] == MARKER
    assert lines[1].startswith("-- ORPHANED: room_bans no longer exists in the database.")
    assert "\n".join(lines[:1] + lines[2:]) == before
    mtime = (tmp_path / "docs/room_bans.sql").stat().st_mtime_ns
    assert run(capsys, "sync", "-q", "-o", out_dir)[0] == 0
    assert (tmp_path / "docs/room_bans.sql").stat().st_mtime_ns == mtime
    assert run(capsys, "sync", "-q", "--prune", "-o", out_dir)[0] == 0
    assert not (tmp_path / "docs/room_bans.sql").exists()


@pytest.mark.parametrize("name", ["synapse", "gitlab"])
def test_schema_json_lines_stay_short_on_real_schemas(
        real_db: Callable[[str], str], use_db: Callable[[str], dict[str, str]], name: str,
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    use_db(real_db(name))
    assert run(capsys, "sync", "-q", "-o", str(tmp_path))[0] == 0
    raw = (tmp_path / "schema.json").read_text(encoding="utf-8")
    longest = max(raw.split("\n"), key=len)
    assert len(longest) <= 2000, longest[:200]
    assert ": null" not in raw
    assert '"format": "pgdoc.schema/2"' in raw[:400]
