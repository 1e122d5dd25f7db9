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
from pathlib import Path

import pytest

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
from pgdoc.history.repo import BODY_NAMES_MAX, SUBJECT_MAX, FolderChanges, commit_message, redact

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
    assert {"_index.md", "_table_list.txt", "users.sql", "legacy_sessions.sql"} <= {
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
    assert "Added (300):\n  new_table_000\n" in body
    assert "... and 250 more" in body and len(body.splitlines()) < BODY_NAMES_MAX + 10

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

    data = json.loads(run(capsys, "sync", "--commit", "--json")[1])
    assert data["commit"] is None and data["changed"] is False


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
        ("git:\n  author: pgdoc\n", ["--commit"], "git.author must look like 'Name <email>'"),
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
