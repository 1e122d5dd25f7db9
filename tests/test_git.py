"""`pgdoc sync --commit --push`: real repositories in tmp_path with a bare remote, and the
throwaway PostgreSQL. Also the README's cron line, post-merge hook and `make schemas`,
run as written, and config.example.yaml."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pgdoc.cli import main
from pgdoc.config import (
    _DB_KEYS,
    _GIT_KEYS,
    _TOP_KEYS,
    DEFAULT_OUTPUT,
    Config,
    load_config,
    parse_config,
)
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.history.repo import SUBJECT_MAX, FolderChanges, commit_message, redact, unattended
from pgdoc.text import for_terminal

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PGDOC = BIN / "pgdoc"
DOCS = "docs/schemas"
SCHEMA = """
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE legacy_sessions (id bigint PRIMARY KEY, token text);
"""
_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL")


def git(cwd: Path, *args: str, check: bool = True) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if check and out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {out.stderr}")
    return out.stdout.strip()


def write_gitconfig(path: Path, identity: bool = True) -> None:
    text = "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n"
    if identity:
        text += "[user]\n\tname = Test Dev\n\temail = dev@example.com\n"
    path.write_text(text)


@pytest.fixture(autouse=True)
def git_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Git sees only a config of our own: a known identity, no system or user settings."""
    cfg = tmp_path / "gitconfig"
    write_gitconfig(cfg)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(cfg))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in _GIT_ENV:
        monkeypatch.delenv(key, raising=False)
    return cfg


@dataclass
class Repos:
    remote: Path  # bare
    work: Path  # a clone with an upstream, where pgdoc runs

    def clone(self, name: str) -> Path:
        path = self.remote.parent / name
        git(self.remote.parent, "clone", "-q", str(self.remote), str(path))
        return path

    def head(self, where: Path | None = None, ref: str = "HEAD") -> str:
        return git(where or self.work, "rev-parse", ref)

    def remote_head(self) -> str:
        return git(self.remote, "rev-parse", "refs/heads/main")


@pytest.fixture
def repos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repos:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(remote), str(work))
    (work / "README.md").write_text("app\n")
    git(work, "add", "README.md")
    git(work, "commit", "-q", "-m", "initial")
    git(work, "push", "-q", "-u", "origin", "main")
    monkeypatch.chdir(work)
    return Repos(remote=remote, work=work)


@pytest.fixture
def schema(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str]) -> Callable[[str], None]:
    """A private database (libpq's environment points at it) with `users` and
    `legacy_sessions`; call the fixture to run more SQL in it."""
    def run_sql(sql: str) -> None:
        pg.psql(sql, db)

    run_sql(SCHEMA)
    return run_sql


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def commits(repo: Path, since: str) -> list[str]:
    return git(repo, "rev-list", f"{since}..HEAD").split()


def files_of(repo: Path, sha: str) -> list[str]:
    return git(repo, "show", "--name-only", "--format=", sha).split("\n")


def subject(repo: Path, rev: str = "HEAD") -> str:
    return git(repo, "log", "-1", "--format=%s", rev)


# -- commit and push -----------------------------------------------------------------------


def test_sync_commits_only_the_docs_and_pushes(repos: Repos, schema: object,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    work = repos.work
    before = repos.head()
    (work / "staged.txt").write_text("work in progress\n")
    git(work, "add", "staged.txt")
    (work / "README.md").write_text("app, edited but not staged\n")

    code, out, err = run(capsys, "sync", "--commit", "--push")

    assert (code, err) == (0, "")
    new = commits(work, before)
    assert len(new) == 1
    assert all(f.startswith(f"{DOCS}/") for f in files_of(work, new[0]))
    assert {"_index.md", "_table_list.txt", "schema.json", "users.sql", "legacy_sessions.sql"} == {
        Path(f).name for f in files_of(work, new[0])}
    assert subject(work) == "Update schemas: added legacy_sessions, users"
    assert repos.remote_head() == new[0]
    assert f"Committed {new[0][:10]}, pushed to origin/main." in out
    # The user's own work is exactly as it was: still staged, still unstaged.
    assert git(work, "diff", "--cached", "--name-only") == "staged.txt"
    assert git(work, "diff", "--name-only") == "README.md"
    assert git(work, "status", "--porcelain", "--", DOCS) == ""
    assert git(work, "show", ":staged.txt") == "work in progress"


def test_second_sync_without_schema_change_makes_no_commit(
        repos: Repos, schema: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sync", "--commit", "--push")[0] == 0
    head = repos.head()

    code, out, err = run(capsys, "sync", "--commit", "--push")
    assert (code, err) == (0, "")
    assert "No schema change" in out and "Nothing to commit." in out
    assert repos.head() == head == repos.remote_head()

    # --quiet: nothing at all when nothing changed (cron mails only when it matters).
    assert run(capsys, "sync", "--commit", "--push", "--quiet") == (0, "", "")
    assert repos.head() == head


def test_commit_message_names_added_changed_and_removed_tables(
        repos: Repos, schema: Callable[[str], None], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sync", "--commit")[0] == 0
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY, body text);"
           "ALTER TABLE users ADD COLUMN name text;"
           "DROP TABLE legacy_sessions;")
    before = repos.head()

    code, out, err = run(capsys, "sync", "--commit", "--prune", "--quiet")

    assert (code, err) == (0, "")
    assert len(commits(repos.work, before)) == 1
    assert subject(repos.work) == (
        "Update schemas: added survey_notes; changed users; removed legacy_sessions")
    sha = repos.head()
    assert out == f"Found 2 tables (+1 new, 1 changed, 1 orphaned); committed {sha[:10]}\n"
    assert not (repos.work / DOCS / "legacy_sessions.sql").exists()


def test_check_then_commit_names_the_new_table(repos: Repos, schema: Callable[[str], None],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sync", "--commit", "--push", "--quiet")[0] == 0
    assert run(capsys, "check")[0] == 0
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")

    code, out, _ = run(capsys, "check")
    assert code == 1 and "  + survey_notes" in out

    assert run(capsys, "sync", "--commit", "--push", "--quiet")[0] == 0
    assert subject(repos.work, "origin/main") == "Update schemas: added survey_notes"
    assert run(capsys, "check")[0] == 0


def test_message_flag_and_config_template(repos: Repos, schema: Callable[[str], None],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sync", "--commit", "-m", "Schema docs for release 7")[0] == 0
    assert git(repos.work, "log", "-1", "--format=%B") == "Schema docs for release 7"

    Path("pgdoc.yaml").write_text("git:\n  commit: true\n  message: 'docs(db): {summary}'\n")
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    assert run(capsys, "sync")[0] == 0
    assert subject(repos.work) == "docs(db): added survey_notes"


def test_commit_message_is_shortened_for_hundreds_of_tables() -> None:
    changes = FolderChanges(
        added=[f"{DOCS}/new_table_{i:03}.sql" for i in range(300)] + [f"{DOCS}/_index.md"],
        changed=[f"{DOCS}/users.sql"],
        removed=[f"{DOCS}/billing.old_invoices.sql"],
    )
    text = commit_message(changes, {"users.sql": "users"}, None)
    first, _, body = text.partition("\n\n")
    assert first == ("Update schemas: added 300 tables; changed users; "
                     "removed billing.old_invoices")
    assert len(first) <= SUBJECT_MAX
    # The README promises every name in the body: all 300, not "... and 250 more".
    names, removed_files = body.split("\n\n")
    assert names.splitlines() == [
        "Added (300):", *[f"  new_table_{i:03}" for i in range(300)],
        "Changed (1):", "  users", "Removed (1):", "  billing.old_invoices"]
    assert removed_files == "Removed files (1):\n  billing.old_invoices.sql"

    only_index = FolderChanges(changed=[f"{DOCS}/_index.md"])
    assert commit_message(only_index, {}, None) == "Update schemas: updated _index.md"


def test_author_from_config_and_unborn_branch(tmp_path: Path, schema: object,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "fresh"
    git(tmp_path, "init", "-q", str(repo))
    monkeypatch.chdir(repo)
    Path("pgdoc.yaml").write_text("git:\n  author: 'pgdoc bot <pgdoc@example.com>'\n")

    assert run(capsys, "sync", "--commit")[0] == 0

    assert git(repo, "log", "--format=%an <%ae>|%cn <%ce>") == (
        "pgdoc bot <pgdoc@example.com>|pgdoc bot <pgdoc@example.com>")
    assert git(repo, "status", "--porcelain") == "?? pgdoc.yaml"


def test_json_summary_has_the_commit_sha(repos: Repos, schema: object,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sync", "--commit", "--push", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["commit"] == repos.head() and data["pushed"] is True
    assert data["counts"] == {"tables": 2, "new": 2, "changed": 0, "orphaned": 0}
    assert {(t["name"], t["status"], t["file"]) for t in data["tables"]} == {
        ("legacy_sessions", "new", f"{DOCS}/legacy_sessions.sql"),
        ("users", "new", f"{DOCS}/users.sql")}

    quiet = json.loads(run(capsys, "sync", "--commit", "--json")[1])
    assert quiet["commit"] is None and quiet["changed"] is False
    # A night that reads no catalog says the same things, in the same keys.
    assert quiet["dumped"] is False and data["dumped"] is True
    assert quiet.keys() == data.keys()
    assert quiet["counts"] == {"tables": 2, "new": 0, "changed": 0, "orphaned": 0}
    assert quiet["database"] == data["database"] and quiet["tables"] == [
        {**t, "status": "current"} for t in data["tables"]]


def test_dry_run_writes_nothing(repos: Repos, schema: object,
                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sync", "--dry-run", "--commit")
    assert code == 0
    assert "dry run, nothing written" in out and f"would write {DOCS}/users.sql" in out
    assert not (repos.work / "docs").exists()
    assert git(repos.work, "status", "--porcelain") == ""


# -- a rejected push, and git.pull: rebase ---------------------------------------------------


def test_rejected_push_exits_3_and_keeps_the_local_commit(
        repos: Repos, schema: object, capsys: pytest.CaptureFixture[str]) -> None:
    other = repos.clone("other")
    (other / "CHANGELOG.md").write_text("someone else was first\n")
    git(other, "add", "CHANGELOG.md")
    git(other, "commit", "-q", "-m", "other work")
    git(other, "push", "-q")
    theirs = repos.remote_head()

    code, out, err = run(capsys, "sync", "--commit", "--push")

    assert code == 3
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    local = repos.head()
    assert err.startswith("pgdoc: error: push to origin/main rejected: the remote has commits")
    assert f"the local commit {local[:10]} is kept" in err
    assert "git pull --rebase" in err and "git.pull: rebase" in err
    assert subject(repos.work) == "Update schemas: added legacy_sessions, users"
    assert repos.remote_head() == theirs
    # What the sync wrote is still reported before the error (issue 14).
    assert out.startswith("Found 2 tables (+2 new, 0 changed, 0 orphaned)\n")
    assert f" files in {DOCS}; index: " in out and out.endswith(f"Committed {local[:10]}.\n")

    # The remedy the message names: with git.pull: rebase the next run catches up.
    Path("pgdoc.yaml").write_text("git:\n  pull: rebase\n")
    git(repos.work, "add", "pgdoc.yaml")
    git(repos.work, "commit", "-q", "-m", "pgdoc config")
    code, out, err = run(capsys, "sync", "--commit", "--push", "--quiet")
    assert (code, out, err) == (0, "Found 2 tables (+0 new, 0 changed, 0 orphaned); "
                                   "nothing to commit, pushed to origin/main\n", "")
    assert repos.remote_head() == repos.head()
    assert git(repos.work, "log", "--format=%s", "-4").splitlines() == [
        "pgdoc config", "Update schemas: added legacy_sessions, users", "other work", "initial"]


def test_pull_rebase_fast_forwards_around_unrelated_local_changes(
        repos: Repos, schema: Callable[[str], None], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    server = repos.clone("server")
    (server / "pgdoc.yaml").write_text("git:\n  pull: rebase\n  push: true\n")
    git(server, "add", "pgdoc.yaml")
    git(server, "commit", "-q", "-m", "config")
    git(server, "push", "-q")
    monkeypatch.chdir(server)
    assert run(capsys, "sync", "--quiet")[0] == 0

    # Meanwhile a developer pushes; the server has an unrelated uncommitted edit.
    git(repos.work, "pull", "-q")
    (repos.work / "app.py").write_text("print('hi')\n")
    git(repos.work, "add", "app.py")
    git(repos.work, "commit", "-q", "-m", "feature")
    git(repos.work, "push", "-q")
    (server / "README.md").write_text("local tweak\n")
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")

    code, _, err = run(capsys, "sync", "--quiet")

    assert (code, err) == (0, "")
    assert git(server, "log", "--format=%s", "-2").splitlines() == [
        "Update schemas: added survey_notes", "feature"]
    assert repos.remote_head() == repos.head(server)
    assert git(server, "diff", "--name-only") == "README.md"


# -- preconditions, checked before anything is written -------------------------------------


def assert_one_line_error(err: str, *parts: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for part in parts:
        assert part in err


def test_output_outside_a_work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    schema: object, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.chdir(plain)
    code, out, err = run(capsys, "sync", "--commit")
    assert code == 2 and out == ""
    assert_one_line_error(err, "not inside a git work tree", "git init")
    assert list(plain.iterdir()) == []


def test_detached_head_refuses_to_push(repos: Repos, schema: object,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    git(repos.work, "checkout", "-q", "--detach")
    code, _, err = run(capsys, "sync", "--push")
    assert code == 2
    assert_one_line_error(err, "HEAD in", "is detached: cannot push", "switch")
    assert not (repos.work / "docs").exists()
    # A commit there is allowed (a bisect, a CI checkout), and said to be on no branch.
    code, _, err = run(capsys, "sync", "--commit")
    assert code == 0, err
    head = git(repos.work, "rev-parse", "HEAD").strip()
    assert f"committed {head[:10]} on a detached HEAD: no branch has it" in err


def test_missing_identity(repos: Repos, schema: object, git_home: Path,
                          monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    write_gitconfig(git_home, identity=False)
    code, _, err = run(capsys, "sync", "--commit")
    assert code == 2
    assert_one_line_error(err, "no git identity to commit as", "git.author", "user.email")
    assert not (repos.work / "docs").exists()

    # Identity from the environment counts as well as git config or git.author.
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Env")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "env@example.com")
    assert run(capsys, "sync", "--commit")[0] == 0
    assert git(repos.work, "log", "-1", "--format=%an %ce") == "Env env@example.com"


def test_bad_author_no_upstream_unknown_remote_and_ignored_folder(
        repos: Repos, schema: object, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ("git:\n  author: pgdoc\n", ["--commit"], "'git.author' must look like 'Name <email>'"),
        ("git:\n  remote: upstream\n", ["--push"], "git remote 'upstream' does not exist"),
        ("output: build/schemas\n", ["--commit"], "git ignores build/schemas"),
        ("output: .\n", ["--commit"], "is the repository's top level"),
    ]
    (repos.work / ".gitignore").write_text("build/\n")
    for text, flags, expected in cases:
        Path("pgdoc.yaml").write_text(text)
        code, _, err = run(capsys, "sync", *flags)
        assert code == 2, err
        assert_one_line_error(err, expected)
    Path("pgdoc.yaml").unlink()
    git(repos.work, "checkout", "-q", "-b", "topic")
    code, _, err = run(capsys, "sync", "--push")
    assert code == 2
    assert_one_line_error(err, "branch topic has no upstream", "git push -u origin topic")
    assert not (repos.work / "docs").exists() and not (repos.work / "build").exists()


def test_push_failure_hides_credentials(repos: Repos, schema: object,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    git(repos.work, "remote", "set-url", "origin", "http://deploy:s3cret@127.0.0.1:9/app.git")
    code, _, err = run(capsys, "sync", "--push")
    assert code == 3
    assert_one_line_error(err, "push to origin/main failed", "is kept")
    assert "s3cret" not in err
    assert redact("fatal: unable to access 'https://u:tok@host/r.git/'") == (
        "fatal: unable to access 'https://***@host/r.git/'")


def test_merge_in_progress_is_refused(repos: Repos, schema: object,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (Path(git(repos.work, "rev-parse", "--git-dir")) / "MERGE_HEAD").write_text(repos.head())
    code, _, err = run(capsys, "sync", "--commit")
    assert code == 3
    assert_one_line_error(err, "in the middle of a merge")


# -- unattended runs: processes, as cron and git run them ----------------------------------


def sh(cmd: str, cwd: Path | None = None, env: dict[str, str] | None = None
       ) -> subprocess.CompletedProcess[str]:
    """Run a shell line the way cron or a terminal would, with the venv's bin on PATH."""
    full = {**os.environ, **(env or {}), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["sh", "-c", cmd], cwd=cwd, env=full, capture_output=True,
                          text=True, timeout=180, check=False)


@pytest.fixture
def demo_env(demo_db: str, use_db: Callable[[str], dict[str, str]]) -> dict[str, str]:
    return use_db(demo_db)


def test_readme_cron_line(repos: Repos, schema: Callable[[str], None]) -> None:
    (repos.work / "pgdoc.yaml").write_text(f"output: {DOCS}\n")
    git(repos.work, "add", "pgdoc.yaml")
    git(repos.work, "commit", "-q", "-m", "pgdoc config")
    git(repos.work, "push", "-q")
    cron = f"cd {repos.work} && pgdoc sync --commit --push --quiet"

    first = sh(cron, cwd=Path("/"))
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.count("\n") == 1 and "committed" in first.stdout
    assert repos.remote_head() == repos.head()

    second = sh(cron, cwd=Path("/"))
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")

    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    third = sh(cron, cwd=Path("/"))
    assert third.returncode == 0 and third.stdout.count("\n") == 1
    assert subject(repos.work, "origin/main") == "Update schemas: added survey_notes"


def test_concurrent_syncs_take_turns(repos: Repos, demo_env: dict[str, str]) -> None:
    before = repos.head()
    cmd = [str(PGDOC), "sync", "--commit", "--push", "--quiet"]
    procs = [subprocess.Popen(cmd, cwd=repos.work, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=180), *p.communicate()) for p in procs]

    assert any(code == 0 for code, _, _ in results), results
    for code, _out, err in results:
        assert "Traceback" not in err
        assert code == 0 or (code == 3 and "another pgdoc run holds" in err), results
    # One run documented and committed everything; the other found nothing left to do.
    assert sum(out.count("\n") for _, out, _ in results) == 1
    assert len(commits(repos.work, before)) == 1
    assert repos.remote_head() == repos.head()
    assert git(repos.work, "status", "--porcelain") == ""
    assert not list((repos.work / DOCS).glob(".pgdoc-tmp-*"))
    check = subprocess.run([str(PGDOC), "check"], cwd=repos.work, capture_output=True,
                           text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_post_merge_hook_example(repos: Repos, schema: Callable[[str], None]) -> None:
    hook = REPO_ROOT / "examples/post-merge"
    laptop = repos.clone("laptop")
    shutil.copy(hook, laptop / ".git/hooks/post-merge")

    # The server documents the database and pushes; the laptop's pull is quiet: they match.
    assert sh("pgdoc sync --commit --push --quiet", cwd=repos.work).returncode == 0
    pulled = sh("git pull -q", cwd=laptop)
    assert pulled.returncode == 0 and (laptop / DOCS / "users.sql").is_file()
    assert "pgdoc" not in pulled.stdout + pulled.stderr

    # The database moved on (a migration the docs do not show yet): the hook says so.
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    (repos.work / "app.py").write_text("pass\n")
    git(repos.work, "add", "app.py")
    git(repos.work, "commit", "-q", "-m", "feature")
    git(repos.work, "push", "-q")
    pulled = sh("git pull -q", cwd=laptop)
    said = pulled.stdout + pulled.stderr  # git sends a hook's stdout to stderr
    assert pulled.returncode == 0
    # (The pull did not change the docs: the local database is ahead, see tests/test_hook.py.)
    assert "pgdoc: docs/schemas and your database differ (new: survey_notes)" in said
    assert "run 'pgdoc sync' and commit the folder" in said
    assert "Traceback" not in said


def test_makefile_snippet(repos: Repos, schema: Callable[[str], None]) -> None:
    snippet = REPO_ROOT / "examples/Makefile.snippet"
    make = f"make -s -f {snippet} PGDOC={PGDOC}"
    done = sh(f"{make} schemas", cwd=repos.work)
    assert done.returncode == 0, done.stderr
    assert subject(repos.work) == "Update schemas: added legacy_sessions, users"
    assert sh(f"{make} schemas-check", cwd=repos.work).returncode == 0

    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    stale = sh(f"{make} schemas-check", cwd=repos.work)
    assert stale.returncode != 0 and "+ survey_notes" in stale.stdout
    pushed = sh(f"{make} schemas-push", cwd=repos.work)
    assert pushed.returncode == 0, pushed.stderr
    assert subject(repos.work, "origin/main") == "Update schemas: added survey_notes"


# -- config.example.yaml -------------------------------------------------------------------

EXAMPLE = REPO_ROOT / "config.example.yaml"
_COMMENTED_KEY = re.compile(r"(?m)^( *)#( *[a-z_]+:( .*)?)$")


def test_config_example_parses_as_is_and_uncommented() -> None:
    cfg = load_config(EXAMPLE)  # as shipped: every key at its default
    assert cfg.output == REPO_ROOT / DEFAULT_OUTPUT
    assert replace(cfg, output=Path(DEFAULT_OUTPUT), source=None) == Config()
    uncommented = _COMMENTED_KEY.sub(r"\1\2", EXAMPLE.read_text())
    cfg = parse_config(uncommented, EXAMPLE)
    assert set(cfg.database) == set(_DB_KEYS) - {"dsn"}
    assert cfg.pg_bin_dir and cfg.git.remote and cfg.git.branch and cfg.git.author
    assert "{summary}" in (cfg.git.message or "")


def test_config_example_shows_every_key() -> None:
    uncommented = _COMMENTED_KEY.sub(r"\1\2", EXAMPLE.read_text())
    top = set(re.findall(r"(?m)^([a-z_]+):", uncommented))
    nested = set(re.findall(r"(?m)^  ([a-z_]+):", uncommented))
    assert top == set(_TOP_KEYS)
    assert nested == set(_DB_KEYS) | set(_GIT_KEYS)


# -- a safe folder, a safe repository (issue 12) --------------------------------------------


def pgdoc_process(*args: str, cwd: Path, path_first: Path | None = None
                  ) -> subprocess.CompletedProcess[str]:
    """`pgdoc ARGS` as its own process (no terminal), optionally with `path_first` ahead on
    PATH (where the git wrapper below lives)."""
    path = os.pathsep.join([*([str(path_first)] if path_first else []), str(BIN),
                            os.environ["PATH"]])
    return subprocess.run([str(PGDOC), *args], cwd=cwd, env={**os.environ, "PATH": path},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=180, check=False)


def interrupting_git(tmp_path: Path, action: str) -> Path:
    """A folder with a `git` that is the real git, except that `git reset` (pgdoc's index
    update right after it moved the branch) first runs `action`: `kill -9 $PPID` kills
    pgdoc there, `: > .git/index.lock` makes another process hold the index."""
    real = shutil.which("git")
    assert real
    folder = tmp_path / "interrupting-bin"
    folder.mkdir()
    script = folder / "git"
    script.write_text(f'#!/bin/sh\nfor arg in "$@"; do\n  if [ "$arg" = reset ]; then\n'
                      f'    {action}\n  fi\ndone\nexec {real} "$@"\n')
    script.chmod(0o755)
    return folder


def status_lines(repo: Path, *paths: str) -> list[str]:
    """`git status --porcelain` lines, leading spaces kept."""
    return subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=repo,
                          capture_output=True, text=True, check=True).stdout.splitlines()


def tree_files(repo: Path, rev: str = "HEAD") -> list[str]:
    return git(repo, "ls-tree", "-r", "--name-only", rev).splitlines()


def test_glob_characters_in_the_folder_name_match_only_that_folder(
        repos: Repos, schema: object, capsys: pytest.CaptureFixture[str]) -> None:
    work = repos.work
    (work / "dsecret").mkdir()
    (work / "dsecret/creds.env").write_text("API_KEY=hunter2\n")
    (work / "dx.txt").write_text("scratch\n")

    code, _, err = run(capsys, "sync", "--commit", "--push", "-o", "d*")

    assert (code, err) == (0, "")
    committed = files_of(work, repos.head())
    assert "d*/users.sql" in committed and all(f.startswith("d*/") for f in committed)
    assert not {"dsecret/creds.env", "dx.txt"} & set(tree_files(repos.remote, "main"))
    assert git(work, "status", "--porcelain").splitlines() == ["?? dsecret/", "?? dx.txt"]
    assert "hunter2" not in git(repos.remote, "log", "-p", "--all")

    # Pathspec magic is taken literally too: ':(top)...' is a folder of that name.
    code, _, err = run(capsys, "sync", "--commit", "-o", ":(glob)**")
    assert (code, err) == (0, "")
    assert all(f.startswith(":(glob)**/") for f in files_of(work, repos.head()))
    assert git(work, "status", "--porcelain").splitlines() == ["?? dsecret/", "?? dx.txt"]


def test_only_files_pgdoc_wrote_are_committed_and_the_rest_is_named(
        repos: Repos, schema: Callable[[str], None], capsys: pytest.CaptureFixture[str]) -> None:
    work, docs = repos.work, repos.work / DOCS
    assert run(capsys, "sync", "--commit", "--push")[0] == 0
    (docs / "README.md").write_text("About these docs\n")
    (docs / "owner.txt").write_text("team-db\n")
    git(work, "add", f"{DOCS}/README.md", f"{DOCS}/owner.txt")
    git(work, "commit", "-q", "-m", "docs readme")
    # The user's files beside pgdoc's: an untracked secret, an edit, a deletion, a .sql and
    # a subfolder without pgdoc's marker, and a symlink with a pgdoc-like name.
    (docs / "NOTES.local").write_text("prod password: hunter2\n")
    (docs / "README.md").write_text("About these docs, edited\n")
    (docs / "owner.txt").unlink()
    (docs / "scratch.sql").write_text("select 1; -- prod password: hunter2\n")
    (docs / "sub").mkdir()
    (docs / "sub/copy.sql").write_text((docs / "users.sql").read_text())
    (docs / "evil.md").symlink_to(docs / "_index.md")
    schema("ALTER TABLE users ADD COLUMN name text; DROP TABLE legacy_sessions;")
    before = repos.head()

    code, _, err = run(capsys, "sync", "--commit", "--push", "--prune")

    assert code == 0 and "Traceback" not in err
    new = commits(work, before)
    assert len(new) == 1
    committed = set(files_of(work, new[0]))
    assert {f"{DOCS}/users.sql", f"{DOCS}/legacy_sessions.sql"} <= committed
    assert all(PurePosixPath(f).name.startswith(("_", "schema.json", "users.sql",
                                                 "legacy_sessions.sql")) for f in committed)
    assert "hunter2" not in git(repos.remote, "log", "-p", "--all")
    assert {f"{DOCS}/README.md", f"{DOCS}/owner.txt"} <= set(tree_files(repos.remote, "main"))
    left_out = sorted(f"{DOCS}/{name}" for name in (
        "NOTES.local", "README.md", "evil.md", "owner.txt", "scratch.sql", "sub/copy.sql"))
    assert err.count("\n") == 1 and err.startswith(
        "pgdoc: left out of the commit, not written by pgdoc: ")
    assert sorted(err.split(": ", 2)[2].strip().split(", ")) == left_out
    # The message names the removed table and the pruned file.
    message = git(work, "log", "-1", "--format=%B")
    assert message.splitlines()[0] == (
        "Update schemas: changed users; removed legacy_sessions")
    assert "\n\nRemoved files (1):\n  legacy_sessions.sql" in message
    # The user's files are exactly as they were.
    assert sorted(status_lines(work, DOCS)) == [
        f" D {DOCS}/owner.txt", f" M {DOCS}/README.md", f"?? {DOCS}/NOTES.local",
        f"?? {DOCS}/evil.md", f"?? {DOCS}/scratch.sql", f"?? {DOCS}/sub/"]

    # Nothing new to commit: --quiet stays silent (cron mails nothing every night).
    assert run(capsys, "sync", "--commit", "--quiet") == (0, "", "")


def test_a_kill_between_branch_update_and_index_reset_is_repaired(
        repos: Repos, schema: Callable[[str], None], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    work = repos.work
    assert run(capsys, "sync", "--commit", "--push")[0] == 0
    schema("ALTER TABLE users ADD COLUMN name text;")
    (work / "staged.txt").write_text("work in progress\n")
    (work / DOCS / "README.md").write_text("the user's, staged\n")
    git(work, "add", "staged.txt", f"{DOCS}/README.md")

    killed = pgdoc_process("sync", "--commit", cwd=work,
                           path_first=interrupting_git(tmp_path, "kill -9 $PPID; exit 1"))

    assert killed.returncode == -9, killed.stderr
    # The branch moved, the index did not: the user's next commit would revert the docs.
    assert subject(work) == "Update schemas: changed users"
    assert f"{DOCS}/users.sql" in git(work, "diff", "--cached", "--name-only").splitlines()

    code, out, err = run(capsys, "sync", "--commit", "--push")

    assert code == 0 and "Traceback" not in err
    head = repos.head()
    assert err == (f"pgdoc: repaired git's index: 3 files in {DOCS} still had their state "
                   f"from before commit {head[:10]} (an earlier pgdoc run stopped before "
                   "updating the index); they now match the commit\n"
                   f"pgdoc: left out of the commit, not written by pgdoc: {DOCS}/README.md\n")
    assert "Nothing to commit, pushed to origin/main." in out
    assert repos.remote_head() == head
    # Only pgdoc's entries were repaired: the user's staged work is still staged.
    assert sorted(git(work, "diff", "--cached", "--name-only").splitlines()) == [
        f"{DOCS}/README.md", "staged.txt"]
    git(work, "commit", "-q", "-m", "feature")
    assert sorted(files_of(work, "HEAD")) == [f"{DOCS}/README.md", "staged.txt"]
    assert "name text" in git(work, "show", f"HEAD:{DOCS}/users.sql")
    assert git(work, "status", "--porcelain") == ""


def test_a_held_index_lock_gives_one_line_and_the_next_run_repairs(
        repos: Repos, schema: Callable[[str], None], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    work = repos.work
    lock = work / ".git/index.lock"
    lock.write_text("")
    code, out, err = run(capsys, "sync", "--commit")
    assert (code, out) == (3, "")
    assert_one_line_error(err, "git's index is locked: .git/index.lock exists",
                          "pgdoc wrote nothing")
    assert not (work / "docs").exists()
    lock.unlink()

    # Another git command takes the lock just after pgdoc moved the branch.
    assert run(capsys, "sync", "--commit", "--push")[0] == 0
    schema("ALTER TABLE users ADD COLUMN name text;")
    held = pgdoc_process("sync", "--commit", "--push", cwd=work,
                         path_first=interrupting_git(tmp_path, ": > .git/index.lock"))
    assert held.returncode == 3
    head = repos.head()
    assert_one_line_error(held.stderr, f"committed {head[:10]} to main, but could not update "
                          "git's index: git's index is locked: .git/index.lock exists",
                          "the commit is safe; the next pgdoc run repairs the index")
    assert held.stdout.startswith("Found 2 tables (+0 new, 1 changed, 0 orphaned)\n")
    assert subject(work) == "Update schemas: changed users"
    assert repos.remote_head() != head

    # While the lock is held, every run stops before writing, with the same one line.
    code, out, err = run(capsys, "sync", "--commit", "--push")
    assert (code, out) == (3, "")
    assert_one_line_error(err, "git's index is locked")

    lock.unlink()
    code, out, err = run(capsys, "sync", "--commit", "--push")
    assert code == 0
    assert err.startswith("pgdoc: repaired git's index: ") and err.count("\n") == 1
    assert repos.remote_head() == repos.head() == head
    assert git(work, "status", "--porcelain") == ""


FORGED = "zz\n\nCo-authored-by: Mallory <m@evil.example>"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31mred"
BIDI = "invoice\u202etxt.exe"


def test_names_cannot_forge_trailers_or_escape_into_the_message(
        repos: Repos, schema: Callable[[str], None], capsys: pytest.CaptureFixture[str]) -> None:
    schema(f'CREATE TABLE "{FORGED}" (id int); CREATE TABLE "{ESCAPES}" (id int);'
           f'CREATE TABLE "{BIDI}" (id int);')

    code, out, err = run(capsys, "sync", "--commit")

    assert code == 0 and "Traceback" not in err
    message = git(repos.work, "log", "-1", "--format=%B")
    assert git(repos.work, "log", "-1", "--format=%(trailers)") == ""
    assert trailers(message) == ""
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\n\nCo-authored-by"):
        assert raw not in message
    assert '"zz\\n\\nCo-authored-by: Mallory <m@evil.example>"' in message
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31mred" in message and "invoice\\u202etxt" in message
    assert not any(line.startswith("Co-authored-by") for line in message.splitlines())
    assert f"Committed {repos.head()[:10]}." in out


def trailers(message: str) -> str:
    """What git itself reads as trailers in `message`."""
    return subprocess.run(["git", "interpret-trailers", "--parse"], input=message,
                          capture_output=True, text=True, check=True).stdout


# -- the commit message (issue 14) ---------------------------------------------------------


def test_commit_message_names_pruned_files_and_renders_details() -> None:
    changes = FolderChanges(changed=[f"{DOCS}/users.sql", f"{DOCS}/_index.md"],
                            removed=[f"{DOCS}/legacy_sessions.sql", f"{DOCS}/_erd_billing.md"])
    details = ["users: column name added", f"evil: {FORGED}", "",
               "Signed-off-by: Mallory <m@evil.example>"]
    text = commit_message(changes, {"legacy_sessions.sql": "legacy_sessions"}, None, details)
    assert text == (
        "Update schemas: changed users; removed legacy_sessions\n\n"
        "Removed files (2):\n  _erd_billing.md\n  legacy_sessions.sql\n\n"
        "  users: column name added\n"
        "  evil: zz\\n\\nCo-authored-by: Mallory <m@evil.example>\n"
        "\n"
        "  Signed-off-by: Mallory <m@evil.example>")
    assert trailers(text) == ""
    # A custom message is the user's, as given, with the summary filled in.
    assert commit_message(changes, {}, "docs(db): {summary}", details) == (
        "docs(db): changed users; removed legacy_sessions")


@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=40, unique=True),
       st.lists(st.text(max_size=40), max_size=5))
def test_no_name_or_detail_can_start_a_line_of_the_message(names: list[str],
                                                           details: list[str]) -> None:
    files = {f"t{i}.sql": name for i, name in enumerate(names)}
    half = len(files) // 2
    changes = FolderChanges(added=[f"{DOCS}/{f}" for f in list(files)[:half]],
                            removed=[f"{DOCS}/{f}" for f in list(files)[half:]])
    lines = commit_message(changes, files, None, details).split("\n")
    assert lines[0].startswith("Update schemas: ")
    for line in lines[1:]:
        assert line == "" or line.startswith("  ") or re.fullmatch(
            r"(Added|Removed|Removed files) \(\d+\):", line), line
    text = "\n".join(lines)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", text)


@given(st.text())
def test_for_terminal_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = for_terminal(text)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                         r"\u2066-\u2069\ud800-\udfff]", shown)
    assert len(shown.splitlines()) <= 1
    if text.isprintable():
        assert shown == text


def test_for_terminal_examples() -> None:
    assert for_terminal("users") == "users"
    assert for_terminal("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert for_terminal("\x1b[31mred\x1b]0;t\x07\x9b\x7f") == (
        "\\x1b[31mred\\x1b]0;t\\x07\\x9b\\x7f")
    assert for_terminal("a\u202eb\u2066c\u2069\u200e\u200f\u061c\u2028\u2029") == (
        "a\\u202eb\\u2066c\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029")
    assert for_terminal("caf\u00e9 \U0001f680 back\\slash") == "caf\u00e9 \U0001f680 back\\slash"
    assert for_terminal("bad\udcff") == "bad\\udcff"


# -- who commits: git.author only when nobody is at the terminal (issue 14) -----------------


def test_git_author_only_for_unattended_runs(repos: Repos, schema: Callable[[str], None],
                                             git_home: Path) -> None:
    work = repos.work
    (work / "pgdoc.yaml").write_text("git:\n  author: 'pgdoc bot <pgdoc@example.com>'\n")

    def at_terminal() -> int:
        primary, secondary = os.openpty()
        try:
            done = subprocess.run([str(PGDOC), "sync", "--commit", "--quiet"], cwd=work,
                                  stdin=secondary, stderr=secondary, stdout=subprocess.PIPE,
                                  timeout=180, check=False)
        finally:
            os.close(secondary)
            os.close(primary)
        return done.returncode

    who = ["log", "-1", "--format=%an <%ae>|%cn <%ce>"]
    # Somebody at a terminal: their own identity, although the shared config names a bot.
    assert at_terminal() == 0
    assert git(work, *who) == "Test Dev <dev@example.com>|Test Dev <dev@example.com>"
    # cron, CI (no terminal): the bot.
    schema("CREATE TABLE survey_notes (id bigint PRIMARY KEY);")
    assert pgdoc_process("sync", "--commit", "--quiet", cwd=work).returncode == 0
    assert git(work, *who) == "pgdoc bot <pgdoc@example.com>|pgdoc bot <pgdoc@example.com>"
    # At a terminal, but git knows nobody: the bot rather than a failure.
    write_gitconfig(git_home, identity=False)
    schema("ALTER TABLE users ADD COLUMN name text;")
    assert at_terminal() == 0
    assert git(work, *who) == "pgdoc bot <pgdoc@example.com>|pgdoc bot <pgdoc@example.com>"


def test_unattended_means_no_terminal_on_stdin_or_stderr() -> None:
    primary, secondary = os.openpty()
    try:
        with open(secondary, "w", closefd=False) as tty, open(os.devnull) as null:
            assert unattended((null, null)) is True
            assert unattended((tty, null)) is False
            assert unattended((null, tty)) is False
            assert unattended((None, None)) is True
    finally:
        os.close(secondary)
        os.close(primary)


def test_commit_message_names_other_objects_by_kind_and_counts_them_apart() -> None:
    fresh = FolderChanges(added=[
        f"{DOCS}/users.sql", f"{DOCS}/functions/touch.sql", f"{DOCS}/types/rating.sql",
        f"{DOCS}/objects/schemas.sql", f"{DOCS}/_index.md"])
    assert commit_message(fresh, {}, None, folder=str(DOCS)) == (
        "Update schemas: added users, function touch, type rating, object list schemas")
    many = FolderChanges(
        added=[f"{DOCS}/t{i}.sql" for i in range(23)]
        + [f"{DOCS}/functions/f{i}.sql" for i in range(10)]
        + [f"{DOCS}/sequences/s{i}.sql" for i in range(13)],
        changed=[f"{DOCS}/types/mpaa_rating.sql"])
    subject, _, body = commit_message(many, {}, None, folder=str(DOCS)).partition("\n\n")
    assert subject == ("Update schemas: added 23 tables, 10 functions, 13 sequences; "
                       "changed type mpaa_rating")
    assert "  function f0" in body.splitlines() and "  t0" in body.splitlines()
    assert commit_message(FolderChanges(changed=[f"{DOCS}/_prisma_migrations.sql"]), {},
                          None, folder=str(DOCS)) == "Update schemas: changed _prisma_migrations"
    # A table file in a folder that happens to be called "types" is a table's.
    assert commit_message(FolderChanges(changed=["db/types/users.sql"]), {}, None,
                          folder="db/types") == "Update schemas: changed users"
