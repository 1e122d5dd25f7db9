"""examples/post-merge, run by git itself after `git pull`, in two clones of one bare remote,
each with a database of its own: after a teammate's migration it says the local database
is behind (never "run pgdoc sync", which would revert their docs); after a pull that did
not touch the docs it says the local change is undocumented."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres

HOOK = Path(__file__).resolve().parents[1] / "examples/post-merge"
PGDOC = Path(sys.executable).parent / "pgdoc"
SCHEMA = "CREATE TABLE rooms (room_id text PRIMARY KEY, name text);"

pytestmark = pytest.mark.skipif(shutil.which("python3") is None, reason="the hook needs python3")


def git(cwd: Path, *args: str,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False,
                         env=env)
    assert out.returncode == 0, f"git {' '.join(args)}: {out.stderr}"
    return out


class Clone:
    """A clone whose pgdoc talks to its own database."""

    def __init__(self, path: Path, pg: ThrowawayPostgres, dbname: str, base_env: dict[str, str]):
        self.path, self.pg, self.dbname = path, pg, dbname
        self.env = {**base_env, **pg.env(dbname), "PGDOC": str(PGDOC)}
        for key in ("PGPASSWORD", "PGSERVICE"):
            self.env.pop(key, None)

    def sql(self, text: str) -> None:
        self.pg.psql(text, self.dbname)

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        return git(self.path, *args, env=self.env)

    def pgdoc(self, *args: str) -> None:
        subprocess.run([str(PGDOC), *args], cwd=self.path, env=self.env, check=True,
                       capture_output=True)

    def document_and_push(self, message: str) -> None:
        self.pgdoc("sync", "-q")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        self.git("push", "-q")


@pytest.fixture
def clones(pg: ThrowawayPostgres, tmp_path: Path) -> Iterator[tuple[Clone, Clone]]:
    cfg = tmp_path / "gitconfig"
    cfg.write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = Dev\n"
                   "\temail = dev@example.com\n[pull]\n\trebase = false\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PG"))}
    env.update(GIT_CONFIG_GLOBAL=str(cfg), GIT_CONFIG_NOSYSTEM="1")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote), env=env)
    names = [f"hook_{side}_{uuid.uuid4().hex[:8]}" for side in "ab"]
    for name in names:
        pg.create_database(name)
        pg.psql(SCHEMA, name)
    try:
        ours = []
        for side, name in zip("ab", names, strict=True):
            git(tmp_path, "clone", "-q", str(remote), str(tmp_path / side), env=env)
            ours.append(Clone(tmp_path / side, pg, name, env))
        a, b = ours
        (a.path / "README.md").write_text("app\n")
        a.document_and_push("docs")
        b.git("pull", "-q", "origin", "main")
        b.git("branch", "-q", "--set-upstream-to=origin/main")
        hook = b.path / ".git/hooks/post-merge"
        shutil.copy(HOOK, hook)
        hook.chmod(0o755)
        yield a, b
    finally:
        for name in names:
            pg.drop_database(name)


def test_after_a_teammates_migration_the_local_database_is_behind(
        clones: tuple[Clone, Clone]) -> None:
    a, b = clones
    a.sql("CREATE TABLE room_bans (room_id text REFERENCES rooms, user_id text);")
    a.document_and_push("Add room_bans")

    pulled = b.git("pull")
    print(pulled.stderr)

    assert "your local database is behind them: apply the new migrations" in pulled.stderr
    assert "room_bans is missing" in pulled.stderr
    assert "run 'pgdoc sync'" not in pulled.stderr.replace("Do not run 'pgdoc sync'", "")


def test_after_a_pull_without_docs_a_local_change_wants_a_sync(
        clones: tuple[Clone, Clone]) -> None:
    a, b = clones
    b.sql("ALTER TABLE rooms ADD COLUMN topic text;")
    (a.path / "README.md").write_text("app, now with a readme\n")
    a.git("commit", "-q", "-am", "README")
    a.git("push", "-q")

    pulled = b.git("pull")
    print(pulled.stderr)

    assert "and your database differ (changed: rooms)" in pulled.stderr
    assert "run 'pgdoc sync' and commit the folder" in pulled.stderr
    assert "behind" not in pulled.stderr


def test_no_output_when_the_docs_match(clones: tuple[Clone, Clone]) -> None:
    a, b = clones
    b.sql("CREATE TABLE room_bans (room_id text REFERENCES rooms, user_id text);")
    a.sql("CREATE TABLE room_bans (room_id text REFERENCES rooms, user_id text);")
    a.document_and_push("Add room_bans")

    pulled = b.git("pull", "-q")

    assert "pgdoc:" not in pulled.stderr
