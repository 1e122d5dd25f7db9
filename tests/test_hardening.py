"""Faults pgdoc meets unattended, each provoked for real against a throwaway PostgreSQL:
locks held by another session, a role that may not read a table, tables dropped or renamed
mid-sync, passwords that must stay secret, row data that must stay unread; and property
tests of the dump parser, the splitter and the file-name mapping with hostile input."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs.split import PG_CLASS, Options, canonical_order, render_ddl, split_entries
from pgdoc.errors import ToolError
from pgdoc.folder.naming import table_filename
from pgdoc.model import Catalog, Relation, root_of
from pgdoc.postgres.archive import Entry
from pgdoc.postgres.tools import PgTools
from pgdoc.read import collect
from tests.helpers import run, snapshot

# --------------------------------------------------------------------------- helpers


def _clean_env() -> dict[str, str]:
    """Our environment without any PG* variable (each test says where to connect)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


class Session:
    """A second psql session fed statement by statement, so that a transaction (and its
    locks) stays open between `run` calls; closing it ends the session."""

    def __init__(self, pg: ThrowawayPostgres, db: str) -> None:
        env = {**_clean_env(), **pg.env(db), "PGAPPNAME": "pgdoc-test-session"}
        self.proc = subprocess.Popen(
            [os.path.join(pg.bindir, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, env=env,
        )

    def run(self, sql: str) -> None:
        """Run SQL and wait until it has finished."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{sql}\n\\echo __done__\n")
        self.proc.stdin.flush()
        seen = []
        for line in self.proc.stdout:
            if line.strip() == "__done__":
                return
            seen.append(line)
        raise AssertionError(f"the session ended: {''.join(seen)}")

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()  # ends the session; an open transaction rolls back
        self.proc.wait(timeout=60)


def wait_for(predicate: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def oid_of(pg: ThrowawayPostgres, db: str, table: str) -> int:
    return int(pg.psql(f"SELECT '{table}'::regclass::oid", db, args=["-At"]).strip())


def pgdoc_waits_for(pg: ThrowawayPostgres, db: str, oids: list[int]) -> list[int]:
    """The relations (of `oids`) a pgdoc session is waiting to lock."""
    out = pg.psql(
        "SELECT l.relation FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        f"WHERE NOT l.granted AND a.application_name = 'pgdoc' "
        f"AND l.relation IN ({', '.join(map(str, oids))})", db, args=["-At"])
    return [int(x) for x in out.split()]


def pgdoc_sessions(pg: ThrowawayPostgres, db: str) -> int:
    out = pg.psql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}' "
                  "AND application_name = 'pgdoc'", db, args=["-At"])
    return int(out)


def pgdoc_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "pgdoc", *args]


# --------------------------------------------------------------------------- locks


def test_sessions_are_read_only_and_carry_the_lock_timeout(pg_env: dict[str, str]) -> None:
    tools = PgTools.from_config(Config(lock_timeout=1.5))
    out = tools.run("psql", ["-X", "-A", "-t", "-c", "SHOW default_transaction_read_only",
                             "-c", "SHOW lock_timeout", "-c", "SHOW application_name"])
    assert out.split() == ["on", "1500ms", "pgdoc"]
    with pytest.raises(ToolError, match="read-only transaction"):
        tools.run("psql", ["-X", "-v", "ON_ERROR_STOP=1", "-c", "CREATE TABLE intruder ()"])
    # A tiny timeout is rounded up, never down to 0 (which would mean 'wait forever').
    tiny = PgTools.from_config(Config(lock_timeout=0.0001))
    assert tiny.run("psql", ["-X", "-A", "-t", "-c", "SHOW lock_timeout"]).strip() == "1ms"


@pytest.mark.parametrize("where", ["catalog", "pg_dump"])
def test_locked_table_ends_the_wait_after_lock_timeout(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], where: str,
) -> None:
    # The catalog query deparses generated columns and policies with pg_get_expr(), which
    # opens the table and so waits for a lock held in ACCESS EXCLUSIVE mode; pg_dump waits
    # in its own LOCK TABLE.
    pg.psql("CREATE TABLE busy (id int, twice int GENERATED ALWAYS AS (id * 2) STORED);"
            "CREATE POLICY positive ON busy USING (id > 0);"
            "CREATE TABLE bare (id int); CREATE TABLE calm (id int);", db)
    out = tmp_path / "docs"
    assert run(capsys, "sync", "-o", str(out))[0] == 0
    before = snapshot(out)
    locked, mode = ("busy", ["--per-table"]) if where == "catalog" else ("bare", [])
    with Session(pg, db) as other:
        other.run(f"BEGIN; LOCK TABLE {locked} IN ACCESS EXCLUSIVE MODE;")
        started = time.monotonic()
        code, _stdout, err = run(capsys, "sync", *mode, "--full", "--lock-timeout", "1", "-v",
                                "-o", str(out))
        elapsed = time.monotonic() - started
    assert code == 3, err
    message = err.splitlines()[-1]
    assert message.startswith("pgdoc: error: timed out after 1s waiting for a lock"), err
    if where == "catalog":
        assert "while reading the catalog" in message, err
    else:
        # pg_dump 18 locks tables in batches: then pgdoc cannot tell which one waited.
        assert "on table public.bare" in message or (
            "on one of" in message and "public.bare" in message), message
    assert "--lock-timeout" in message  # the fix
    assert elapsed < 20
    assert "Traceback" not in err
    assert snapshot(out) == before


# --------------------------------------------------------------------------- permissions


@pytest.fixture
def reader(pg: ThrowawayPostgres, db: str) -> Iterator[str]:
    """A login role with no privilege on any table (it may connect: CONNECT is public)."""
    role = f"reader_{uuid.uuid4().hex[:8]}"
    pg.psql(f"CREATE ROLE {role} LOGIN")
    try:
        yield role
    finally:
        pg.psql(f"DROP OWNED BY {role}", db)
        pg.psql(f"DROP ROLE {role}")


@pytest.mark.parametrize("per_table", [False, True], ids=["whole", "per-table"])
def test_table_the_role_may_not_read(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], reader: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], per_table: bool,
) -> None:
    # Six tables: enough for the one-dump path (more than 2 x jobs tables).
    opened = [f"open{i}" for i in range(5)]
    pg.psql("".join(f"CREATE TABLE {t} (id int); GRANT SELECT ON {t} TO {reader};"
                    for t in opened) + "CREATE TABLE payroll (id int PRIMARY KEY);", db)
    out = tmp_path / "docs"
    assert run(capsys, "sync", "-o", str(out))[0] == 0  # as the superuser
    before = snapshot(out)
    mode = ["--per-table"] if per_table else []

    code, _, err = run(capsys, "sync", *mode, "--full", "--dsn", f"user={reader}", "-o",
                       str(out))
    assert code == 3, err
    message = err.strip().splitlines()[-1]
    assert f"role {reader} lacks the SELECT privilege on table public.payroll" in message
    assert f"GRANT SELECT ON public.payroll TO {reader}" in message  # fix 1
    assert "add 'public.payroll' to 'exclude'" in message  # fix 2
    assert "Traceback" not in err
    assert snapshot(out) == before

    # Fix 2: exclude it. pg_dump then leaves it alone (-T), so it needs no privilege.
    config = tmp_path / "pgdoc.yaml"
    config.write_text("exclude:\n  - public.payroll\n")
    code, _, err = run(capsys, "sync", *mode, "-c", str(config), "-v",
                      "--dsn", f"user={reader}", "-o", str(out))
    assert code == 0, err
    if not per_table:
        assert """-T '"public"."payroll"'""" in err
    assert sorted(p.name for p in out.glob("*.sql")) == sorted(
        [f"{t}.sql" for t in opened] + ["payroll.sql"])  # its old file stays, orphaned

    # Fix 1: grant it.
    pg.psql(f"GRANT SELECT ON payroll TO {reader}", db)
    code, _stdout, err = run(capsys, "sync", *mode, "--dsn", f"user={reader}", "-o", str(out))
    assert code == 0, err


@pytest.mark.parametrize("per_table", [False, True], ids=["whole", "per-table"])
def test_schema_the_role_may_not_use(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], reader: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], per_table: bool,
) -> None:
    pg.psql("CREATE SCHEMA hidden; CREATE TABLE hidden.secrets (id int);"
            + "".join(f"CREATE TABLE open{i} (id int);" for i in range(5))
            + f"GRANT SELECT ON ALL TABLES IN SCHEMA public, hidden TO {reader};", db)
    out = tmp_path / "docs"
    mode = ["--per-table"] if per_table else []
    code, _, err = run(capsys, "sync", *mode, "--full", "--dsn", f"user={reader}", "-o",
                       str(out))
    assert code == 3, err
    assert err.strip().splitlines()[-1] == (
        f"pgdoc: error: permission denied: role {reader} lacks the USAGE privilege on schema "
        f"hidden (GRANT USAGE ON SCHEMA hidden TO {reader}, or add 'hidden.*' to 'exclude' in "
        "the config; see README, Permissions)")
    assert not any(out.glob("*"))
    config = tmp_path / "pgdoc.yaml"
    config.write_text("exclude: ['hidden.*']\n")
    code, _, err = run(capsys, "sync", *mode, "-c", str(config), "--dsn", f"user={reader}",
                       "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.glob("*.sql")) == [f"open{i}.sql" for i in range(5)]


def test_exclude_hint_is_an_exact_pattern_for_a_name_with_glob_characters(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], reader: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `sec[1]` as a glob matches `sec1`: the hint escapes it, so that only `sec[1]` goes.
    pg.psql('CREATE TABLE "sec[1]" (id int); CREATE TABLE sec1 (id int);'
            + "".join(f"CREATE TABLE open{i} (id int);" for i in range(5))
            + f"GRANT SELECT ON sec1, {', '.join(f'open{i}' for i in range(5))} TO {reader};",
            db)
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "--dsn", f"user={reader}", "-o", str(out))
    assert code == 3, err
    assert "add 'public.sec[[]1]' to 'exclude'" in err and "Traceback" not in err
    config = tmp_path / "pgdoc.yaml"
    config.write_text("exclude: ['public.sec[[]1]']\n")
    code, _, err = run(capsys, "sync", "-c", str(config), "--dsn", f"user={reader}",
                       "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.glob("*.sql")) == sorted(
        ["sec1.sql", *(f"open{i}.sql" for i in range(5))])


# --------------------------------------------------------------------------- races


@pytest.mark.parametrize("per_table", [False, True], ids=["whole", "per-table"])
@pytest.mark.parametrize("ddl", ["DROP TABLE victim", "ALTER TABLE victim RENAME TO renamed"])
def test_table_dropped_or_renamed_while_pg_dump_waits_is_read_again(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], per_table: bool, ddl: str,
) -> None:
    pg.psql("CREATE TABLE keep (id int); CREATE TABLE victim (id int);", db)
    victim = oid_of(pg, db, "victim")
    commands: list[str] = []
    cfg = Config()
    tools = PgTools.from_config(cfg, echo=commands.append)
    with Session(pg, db) as other, ThreadPoolExecutor(1) as pool:
        other.run("BEGIN; LOCK TABLE victim IN ACCESS EXCLUSIVE MODE;")
        # The catalog query has listed `victim` (it does not wait for it: no defaults), and
        # pg_dump waits for its lock; the table changes before pg_dump gets it.
        future = pool.submit(collect, cfg, tools, per_table=per_table)
        wait_for(lambda: bool(pgdoc_waits_for(pg, db, [victim])), "pg_dump to wait for victim")
        other.run(f"{ddl}; COMMIT;")
        docs = future.result(timeout=120)
    expected = ["keep.sql"] + (["renamed.sql"] if "RENAME" in ddl else [])
    assert sorted(docs.files) == expected
    assert sorted(docs.filenames.values()) == expected
    if "RENAME" in ddl:
        assert "CREATE TABLE public.renamed (" in docs.files["renamed.sql"]
    catalog_queries = [c for c in commands if c.startswith("psql") and "schemas_json" in c]
    # Two sessions per read (the snapshot's, and the one joining it for the objects):
    # the first read was retried.
    assert len(catalog_queries) == 4


@pytest.mark.parametrize("per_table", [False, True], ids=["whole", "per-table"])
def test_hostile_names_pass_the_consistency_check(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], per_table: bool,
) -> None:
    """Names that break lines or imitate pg_dump's header fields are no race."""
    pg.psql('CREATE SCHEMA "we\nird"; CREATE TABLE "we\nird"."li\nne\r x" (id int);'
            'CREATE TABLE "a; Type: TABLE; Schema: b" (id int);'
            'CREATE TABLE "Owner: x; Schema: y" (id int);', db)
    docs = collect(Config(), PgTools.from_config(Config()), per_table=per_table)
    assert len(docs.files) == 3
    assert all("CREATE TABLE " in text for text in docs.files.values())


def test_second_race_in_a_row_fails_cleanly_and_writes_nothing(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
) -> None:
    pg.psql("CREATE TABLE keep (id int); CREATE TABLE v1 (id int); CREATE TABLE v2 (id int);",
            db)
    oids = {oid_of(pg, db, t): t for t in ("v1", "v2")}
    out = tmp_path / "docs"
    env = {**os.environ}
    assert subprocess.run(pgdoc_cmd("sync", "-o", str(out)), env=env, check=False,
                          capture_output=True).returncode == 0
    before = snapshot(out)
    with Session(pg, db) as s1, Session(pg, db) as s2:
        sessions = dict(zip(oids, (s1, s2), strict=True))
        for s, table in zip((s1, s2), oids.values(), strict=True):
            s.run(f"BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE;")
        proc = subprocess.Popen(pgdoc_cmd("sync", "--full", "-o", str(out)), env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            remaining = list(oids)
            for _attempt in range(2):  # the first read and its retry each lose one table
                wait_for(lambda: bool(pgdoc_waits_for(pg, db, remaining)),
                         "pg_dump to wait for a lock")
                oid = pgdoc_waits_for(pg, db, remaining)[0]
                sessions[oid].run(f"DROP TABLE {oids[oid]}; COMMIT;")
                remaining.remove(oid)
            _stdout, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == 3, err
    assert re.search(r"pgdoc: error: .*(dropped|changed)", err), err
    assert "sync again" in err
    assert "Traceback" not in err
    assert snapshot(out) == before


# --------------------------------------------------------------------------- secrets


class ChildWatcher(threading.Thread):
    """Polls /proc for the psql/pg_dump processes a pgdoc process starts, recording the argv
    and environment each one runs with (what `ps` and other users could see)."""

    def __init__(self, parent: int) -> None:
        super().__init__(daemon=True)
        self.parent = parent
        self.children: dict[int, tuple[list[str], dict[str, str]]] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            for entry in os.scandir("/proc"):
                if entry.name.isdigit() and int(entry.name) not in self.children:
                    self._look(int(entry.name))

    def _look(self, pid: int) -> None:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            if ppid != self.parent:
                return
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                argv = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
            if not argv or os.path.basename(argv[0]) not in ("psql", "pg_dump"):
                return  # forked but not yet exec'ed: still pgdoc's own image
            with open(f"/proc/{pid}/environ", "rb") as fh:
                env = dict(kv.decode("utf-8", "replace").partition("=")[::2]
                           for kv in fh.read().split(b"\0") if kv)
        except (OSError, IndexError, ValueError):
            return
        self.children[pid] = (argv, env)

    def tools_seen(self) -> set[str]:
        return {os.path.basename(argv[0]) for argv, _env in self.children.values()}


def run_watched(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str,
                                                                         ChildWatcher]:
    proc = subprocess.Popen(pgdoc_cmd(*args), env=env, cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = ChildWatcher(proc.pid)
    watcher.start()
    try:
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        watcher.done.set()
        watcher.join()
    return proc.returncode, stdout, stderr, watcher


@pytest.fixture
def secret_role(pg: ThrowawayPostgres) -> Iterator[tuple[str, str]]:
    """A role that logs in over TCP (scram) with an awkward password."""
    role = f"sec_{uuid.uuid4().hex[:8]}"
    password = f"Pw-{uuid.uuid4().hex[:12]}:@/%+ ä'"
    sql_password = password.replace("'", "''")
    pg.psql(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{sql_password}'")
    try:
        yield role, password
    finally:
        pg.psql(f"DROP ROLE {role}")


def _files_text(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("via", ["dsn", "config", "PGPASSWORD"])
def test_password_never_leaves_the_environment(
    pg: ThrowawayPostgres, db: str, secret_role: tuple[str, str], tmp_path: Path, via: str,
) -> None:
    role, password = secret_role
    pg.psql("".join(f"CREATE TABLE t{i} (id int PRIMARY KEY, note text DEFAULT 'n');"
                    for i in range(3)), db)
    url = (f"postgresql://{quote(role, safe='')}:{quote(password, safe='')}@127.0.0.1:"
           f"{pg.port}/{quote(db, safe='')}")
    env = _clean_env()
    out = tmp_path / "docs"
    args = ["sync", "-v", "-o", str(out)]
    if via == "dsn":
        args += ["--dsn", url]
    elif via == "config":
        (tmp_path / "pgdoc.yaml").write_text(json.dumps({"database": {
            "host": "127.0.0.1", "port": pg.port, "user": role, "dbname": db,
            "password": password}}))  # JSON is YAML
    else:
        env["PGPASSWORD"] = password
        args += ["--dsn", f"postgresql://{role}@127.0.0.1:{pg.port}/{quote(db, safe='')}"]

    for mode in ([], ["--per-table"]):
        code, stdout, stderr, watcher = run_watched(args + mode, env, tmp_path)
        assert code == 0, stderr
        assert {"psql", "pg_dump"} <= watcher.tools_seen(), watcher.children
        for argv, child_env in watcher.children.values():
            assert not any(password in a for a in argv), argv
            if argv[1:] == ["--version"]:
                continue  # not connecting
            assert child_env.get("PGPASSWORD") == password  # the only way it travels
            if os.path.basename(argv[0]) == "pg_dump":
                assert any(a.startswith("--lock-wait-timeout=") for a in argv)
            assert "default_transaction_read_only=on" in child_env["PGOPTIONS"]
        assert password not in stdout + stderr
        assert "running: pg_dump" in stderr  # the --verbose echoes were checked
        # A password where others can read it is said, once per run, on stderr.
        warned = {"dsn": "the password in --dsn shows in pgdoc's own command line",
                  "config": "the config file holds the database password"}
        assert (warned[via] in stderr) if via in warned else "warning" not in stderr
    assert sorted(p.name for p in out.glob("*.sql")) == ["t0.sql", "t1.sql", "t2.sql"]
    assert password not in _files_text(out)


@pytest.mark.parametrize("fault", ["port", "database", "password", "host"])
def test_password_not_in_failure_messages(
    pg: ThrowawayPostgres, db: str, secret_role: tuple[str, str], tmp_path: Path, fault: str,
) -> None:
    role, password = secret_role
    host, port, dbname, given = "127.0.0.1", pg.port, db, password
    if fault == "port":
        port = 1
    elif fault == "database":
        dbname = f"no_such_db_{uuid.uuid4().hex[:6]}"
    elif fault == "password":
        given = f"wrong-{uuid.uuid4().hex}"
    else:
        host = "no-such-host.invalid"
    url = f"postgresql://{role}:{quote(given, safe='')}@{host}:{port}/{dbname}"
    for args in (["--dsn", url], ["--dsn", url, "--per-table"]):
        code, stdout, stderr, watcher = run_watched(["sync", "-v", "-o", str(tmp_path / "o"),
                                                     *args], _clean_env(), tmp_path)
        assert code == 3, stderr
        assert stderr.startswith("pgdoc: ") and "pgdoc: error: " in stderr
        assert "Traceback" not in stderr
        for secret in (password, given, quote(given, safe="")):
            assert secret not in stdout + stderr
        for argv, _env in watcher.children.values():
            assert not any(given in a for a in argv)
    expected = {"port": "cannot connect", "database": f'database "{dbname}" does not exist',
                "password": "authentication failed", "host": "cannot connect"}[fault]
    assert expected in stderr


_FRAGMENTS = ("Sup3r", "S3cret", "PW!")


@pytest.mark.parametrize("via", ["--dsn", "config string", "config dsn"])
@pytest.mark.parametrize("dsn", [
    "postgresql://app:Sup3r/S3cret@127.0.0.1:{port}/{db}",  # an unencoded '/'
    "postgresql://app:Sup3r#S3cret@127.0.0.1:{port}/{db}",  # an unencoded '#'
    "postgresql://app:Sup3r?S3cret@127.0.0.1:{port}/{db}",  # an unencoded '?'
    "postgresql://app:Sup3rS3cret@127.0.0.1:{port}/{db}?S3cret=PW!",
    "host=127.0.0.1 port={port} dbname={db} password=Sup3r S3cret PW!",  # unquoted spaces
    "host=127.0.0.1 port=Sup3r password=S3cret dbname={db}",
    "password='Sup3r S3cret host=127.0.0.1",  # unterminated quote
])
def test_malformed_dsn_echoes_no_part_of_it(
    pg: ThrowawayPostgres, db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, dsn: str, via: str,
) -> None:
    for key in [k for k in os.environ if k.startswith("PG")]:
        monkeypatch.delenv(key)
    dsn = dsn.format(port=pg.port, db=db)
    out = tmp_path / "docs"
    if via == "--dsn":
        args = ["--dsn", dsn]
    else:
        config = tmp_path / "pgdoc.yaml"
        config.write_text(json.dumps({"database": dsn if via == "config string"
                                      else {"dsn": dsn}}))
        args = ["-c", str(config)]
    code, stdout, stderr = run(capsys, "sync", "-v", *args, "-o", str(out))
    assert code == 2, stderr
    assert "pgdoc: error: " in stderr and "Traceback" not in stderr
    for fragment in _FRAGMENTS:
        assert fragment not in stdout + stderr
    assert not out.exists()


@pytest.mark.parametrize(("variable", "value"), [
    ("PGPORT", "Sup3rS3cret"),
    ("PGSSLMODE", "Sup3rS3cret"),
    ("PGCONNECT_TIMEOUT", "Sup3rS3cret"),
    ("PGTARGETSESSIONATTRS", "Sup3rS3cret"),
])
def test_libpqs_own_complaints_lose_their_values(
    pg_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str,
) -> None:
    monkeypatch.setenv(variable, value)
    if variable == "PGCONNECT_TIMEOUT":  # pgdoc sets a default only
        monkeypatch.setenv("PGHOST", "127.0.0.1")
    code, stdout, stderr = run(capsys, "sync", "-v", "-o", str(tmp_path / "docs"))
    assert code in (2, 3), stderr
    assert "Traceback" not in stderr and "pgdoc: error: " in stderr
    assert "Sup3r" not in stdout + stderr and "S3cret" not in stdout + stderr


def test_config_file_port_that_is_no_number_is_not_echoed(
    pg_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "pgdoc.yaml"
    config.write_text("database:\n  host: 127.0.0.1\n  port: Sup3rS3cret\n")
    code, stdout, stderr = run(capsys, "sync", "-c", str(config), "-o", str(tmp_path / "d"))
    assert code == 2, stderr
    assert "'port' is not a number" in stderr and "Sup3r" not in stdout + stderr


@pytest.mark.parametrize("what", ["database", "role"])
def test_missing_database_or_role_is_said_so(
    pg: ThrowawayPostgres, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, what: str,
) -> None:
    name = f"no_such_{uuid.uuid4().hex[:6]}"
    monkeypatch.setenv("PGDATABASE" if what == "database" else "PGUSER", name)
    code, _, err = run(capsys, "sync", "-o", str(tmp_path / "docs"))
    assert code == 3, err
    assert f'pgdoc: error: {what} "{name}" does not exist on ' in err
    assert f":{pg.port} " in err
    assert "is the server running" not in err and "Traceback" not in err
    assert ("psql -l lists the databases" in err) == (what == "database")
    assert not (tmp_path / "docs").exists()


def test_password_not_in_reprs(pg_env: dict[str, str]) -> None:
    cfg = Config().with_flags(dsn="postgresql://u:hunter2-secret@db.example/app")
    tools = PgTools.from_config(cfg)
    for text in (repr(cfg), str(cfg), repr(tools), tools.target):
        assert "hunter2-secret" not in text
    assert tools.env["PGPASSWORD"] == "hunter2-secret"


def test_password_not_in_commit_message(
    pg: ThrowawayPostgres, db: str, secret_role: tuple[str, str], tmp_path: Path,
) -> None:
    role, password = secret_role
    pg.psql("CREATE TABLE t (id int);", db)
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**_clean_env(), "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=env)
    url = f"postgresql://{role}:{quote(password, safe='')}@127.0.0.1:{pg.port}/{db}"
    code, stdout, stderr, _w = run_watched(["sync", "--commit", "-v", "--dsn", url,
                                            "-o", "docs/schemas"], env, repo)
    if code != 0 and "not implemented" in stderr:
        pytest.skip("pgdoc sync --commit is not implemented yet")
    assert code == 0, stderr
    log = subprocess.run(["git", "log", "-p", "--format=%B"], cwd=repo, check=True, env=env,
                         capture_output=True, text=True).stdout
    assert "t.sql" in log
    assert password not in log
    assert password not in stdout + stderr


# --------------------------------------------------------------------------- no row data


def test_no_row_data_is_read_or_written(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    pg.psql(f"""
        CREATE TABLE holder (id int PRIMARY KEY, secret text, blob bytea);
        INSERT INTO holder VALUES (1, '{canary}', convert_to('{canary}', 'UTF8'));
        CREATE MATERIALIZED VIEW frozen AS SELECT secret FROM holder;
        CREATE VIEW peek AS SELECT secret FROM holder;
        CREATE SEQUENCE counter;
        SELECT setval('counter', 987654321987);
        CREATE TABLE parted (id int, secret text) PARTITION BY LIST (id);
        CREATE TABLE parted_1 PARTITION OF parted FOR VALUES IN (1);
        INSERT INTO parted VALUES (1, '{canary}');
    """, db)

    def reads() -> list[int]:
        out = pg.psql("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM "
                      "pg_stat_user_tables WHERE relname IN ('holder', 'parted_1') "
                      "ORDER BY relname", db, args=["-At"])
        return [int(x) for x in out.split()]

    # The setup's own reads (the materialized view scanned holder) show once flushed.
    wait_for(lambda: reads()[0] >= 1, "the setup's statistics")
    baseline = reads()
    out = tmp_path / "docs"
    for mode in ([], ["--per-table"]):
        code, stdout, err = run(capsys, "sync", *mode, "-o", str(out))
        assert code == 0, err
        assert canary not in stdout + err
    text = _files_text(out)
    assert "holder" in text and "frozen" in text
    assert canary not in text
    assert canary.encode().hex() not in text
    assert "987654321987" not in text
    # A backend flushes its statistics before it leaves pg_stat_activity.
    wait_for(lambda: pgdoc_sessions(pg, db) == 0, "pgdoc's sessions to end")
    assert reads() == baseline
    # Control: a read does show.
    pg.psql("SELECT count(*) FROM holder", db)
    wait_for(lambda: reads()[0] > baseline[0], "a control read to show in the statistics")


# --------------------------------------------------------------------------- hostile input:
# the dump parser and the splitter, fuzzed with odd but valid verbose pg_dump text

_LINE_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\n\r\0")
_body_line = st.one_of(
    st.text(_LINE_CHARS, min_size=1, max_size=40).filter(str.strip),
    st.sampled_from([
        "--", "-- ", "-- Name: fake; Type: TABLE; Schema: public; Owner: x", "--\t",
        "SET default_tablespace = '';", "SET search_path = public;", "\\restrict inside",
        "$$", "$_$ -- TOC", "    id integer NOT NULL,", "COMMENT ON TABLE t IS '--';",
        "-- PostgreSQL database dump complete", "-- Dumped from database version 1",
        "ÄÖÜ ß İı ﬁ ǅ \u200b \u202e", "\t", "  ",
    ]),
)


@st.composite
def catalogs_and_entries(draw: st.DrawFn) -> tuple[Catalog, list[Entry], set[int]]:
    """A small catalog (tables, some partitions) and valid-looking entries for it: each one
    a relation's own row, an object of a relation, an annotation of an earlier entry, an
    ATTACH of a partition, or an object that belongs to no relation."""
    n_rels = draw(st.integers(1, 5))
    rels: dict[int, Relation] = {}
    for i in range(n_rels):
        oid = 16384 + 10 * i
        parent = draw(st.sampled_from([None, *rels])) if rels else None
        rels[oid] = Relation(oid=oid, schema=draw(st.sampled_from(["public", "app"])),
                             name=f"t{i}", kind="r", parent=parent)
    owners = {(PG_CLASS, oid): oid for oid in rels}
    names = {(r.schema, r.name): oid for oid, r in rels.items()}
    entries: list[Entry] = []
    ids = draw(st.lists(st.integers(1, 9999), min_size=0, max_size=20, unique=True))
    for k, dump_id in enumerate(ids):
        kind = draw(st.sampled_from(["own", "object", "annotation", "attach", "foreign"]))
        rel = draw(st.sampled_from(sorted(rels)))
        deps: tuple[int, ...] = ()
        tag, schema, class_oid, oid, desc = rels[rel].name, rels[rel].schema, PG_CLASS, rel, "TABLE"
        if kind == "object":
            class_oid, oid = draw(st.sampled_from([(2606, 30000 + k), (1259, 40000 + k),
                                                   (2620, 50000 + k)]))
            owners[(class_oid, oid)] = rel
            desc = {2606: "CONSTRAINT", 1259: "INDEX", 2620: "TRIGGER"}[class_oid]
            tag = f"{tag} obj{k}"
        elif kind == "annotation" and entries:
            class_oid, oid = 0, 0
            deps = tuple(draw(st.lists(st.sampled_from([e.dump_id for e in entries]),
                                       min_size=1, max_size=2, unique=True)))
            desc = draw(st.sampled_from(["COMMENT", "ACL", "SECURITY LABEL"]))
            tag = f"TABLE {tag}"
        elif kind == "attach":
            class_oid, oid, desc = 0, 0, "TABLE ATTACH"
        elif kind == "foreign":
            class_oid, oid, desc = 1255, 60000 + k, "FUNCTION"
            tag, schema = f"f{k}()", "public"
        body = draw(st.sampled_from(["CREATE TABLE x ();\n", "--\n-- TOC entry 1 (class "
                                     "1259 OID 16384)\n", "\r\n", "COMMENT ON x IS '';"]))
        if kind == "attach":
            deps = (rel, *([rels[rel].parent] if rels[rel].parent else []))
            deps = tuple(e.dump_id for e in entries if e.tableoid == PG_CLASS
                         and e.oid in deps)[:2]
        entries.append(Entry(dump_id=dump_id, tableoid=class_oid, oid=oid, tag=tag, desc=desc,
                             section=2, defn=body, namespace=schema, tablespace="",
                             tableam="", owner="app", deps=deps))
    catalog = Catalog(server_version=150000, database="d", relations=rels, owners=owners,
                      names=names)
    documented_roots = set(draw(st.lists(st.sampled_from(sorted(rels)), unique=True)))
    return catalog, entries, documented_roots


@settings(max_examples=300, deadline=None)
@given(catalogs_and_entries(), st.booleans(), st.randoms(use_true_random=False))
def test_split_is_a_deterministic_partition_of_the_entries(
    case: tuple[Catalog, list[Entry], set[int]], fold: bool, rnd: random.Random,
) -> None:
    catalog, entries, chosen = case

    def file_of(oid: int) -> int | None:
        target = root_of(catalog, oid) if fold else oid
        return target if target in chosen else None

    split = split_entries(entries, catalog, file_of, Options(grants=True))
    # A partition: every entry exactly once, in a documented relation's file or set apart.
    placed = ([e for es in split.by_relation.values() for e in es] + split.unassigned
              + split.left_out + split.undocumented)
    assert sorted(e.dump_id for e in placed) == sorted(e.dump_id for e in entries)
    assert set(split.by_relation) <= chosen
    for oid, es in split.by_relation.items():
        assert es, oid
        for e in es:
            owner = catalog.owners.get((e.tableoid, e.oid))
            if owner is not None:  # an entry with its own catalog row goes to that file
                assert file_of(owner) == oid
    # Deterministic.
    assert split_entries(list(entries), catalog, file_of, Options(grants=True)) == split
    # Canonical order depends on the entries only, not on the order they came in.
    for oid, es in split.by_relation.items():
        shuffled = list(es)
        rnd.shuffle(shuffled)
        assert render_ddl(canonical_order(shuffled, oid)) == render_ddl(es)
        assert canonical_order(es, oid) == es  # idempotent


_hostile_names = st.one_of(
    st.text(st.characters(exclude_characters="\0", exclude_categories=("Cs",)), min_size=1,
            max_size=70),
    st.lists(st.sampled_from([*"aAéÉ.%^~-/\\ \n\"'", "e\u0301", "ß", "SS", "ﬁ", "\u212a", "K",
                              "con", "..", "İ", "i̇"]), min_size=1, max_size=10).map("".join),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.just("public"), _hostile_names), _hostile_names),
                min_size=1, max_size=25, unique=True))
def test_hostile_names_map_to_distinct_files_inside_the_folder(
    tmp_path_factory: pytest.TempPathFactory, tables: list[tuple[str, str]],
) -> None:
    folder = tmp_path_factory.mktemp("names")
    for schema, name in tables:
        path = folder / table_filename(schema, name)
        assert path.resolve().parent == folder.resolve()
        with open(path, "x", encoding="utf-8") as fh:  # "x": an existing file is a collision
            fh.write(f"{schema}.{name}")
    files = sorted(folder.iterdir())
    assert len(files) == len(tables)
    keys = {unicodedata.normalize("NFKC", p.name).casefold() for p in files}
    assert len(keys) == len(tables)
    # The same names give the same files, whatever else exists.
    assert {table_filename(s, n) for s, n in tables} == {p.name for p in files}
    assert {table_filename(s, n) for s, n in reversed(tables)} == {p.name for p in files}


def test_pg_dump_18_batched_locks_name_the_right_table() -> None:
    """pg_dump 18 locks tables in batches (`LOCK TABLE a, b, c`): the permission message
    still names the one table it may not read, and a lock timeout names the batch."""
    from pgdoc.postgres.tools import classify_failure

    tools = PgTools(env={"PGUSER": "docs"}, lock_timeout=1.0)
    denied = ("pg_dump: error: query failed: ERROR:  permission denied for table payroll\n"
              "pg_dump: detail: Query was: LOCK TABLE public.open1, public.payroll, "
              'public."x, y" IN ACCESS SHARE MODE\n')
    error = classify_failure("pg_dump", 1, denied, tools)
    assert "lacks the SELECT privilege on table public.payroll" in str(error)
    assert "add 'public.payroll' to 'exclude'" in str(error)
    waited = ("pg_dump: error: query failed: ERROR:  canceling statement due to statement "
              "timeout\npg_dump: detail: Query was: LOCK TABLE public.a, public.bare IN "
              "ACCESS SHARE MODE\n")
    assert "on one of 2 tables (public.a, public.bare)" in str(
        classify_failure("pg_dump", 1, waited, tools))


def test_a_backend_that_stops_answering_ends_at_the_timeout(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
) -> None:
    """A backend stopped (SIGSTOP) after pgdoc connected: the run ends at --timeout with one
    line and exit 3, its children ended, nothing written."""
    import signal

    pg.psql("DO $$ BEGIN FOR i IN 1..300 LOOP EXECUTE format('CREATE TABLE t_%s (id int "
            "PRIMARY KEY, v text DEFAULT ''x'')', i); END LOOP; END $$;", db)
    out = tmp_path / "docs"
    proc = subprocess.Popen(pgdoc_cmd("sync", "--full", "--timeout", "4", "-o", str(out)),
                            env=os.environ.copy(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    stopped: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while not stopped and proc.poll() is None and time.monotonic() < deadline:
            pids = pg.psql("SELECT pid FROM pg_stat_activity WHERE application_name = 'pgdoc'",
                           db, args=["-At"]).split()
            for pid in map(int, pids):
                os.kill(pid, signal.SIGSTOP)
                stopped.append(pid)
        assert stopped, "pgdoc finished before one of its backends could be stopped"
        started = time.monotonic()
        _out, err = proc.communicate(timeout=60)
        elapsed = time.monotonic() - started
    finally:
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 3, err
    assert "gave up after 4s (timeout)" in err and "Traceback" not in err
    assert err.count("\n") == 1
    assert elapsed < 15
    assert not out.exists() or not any(out.iterdir())


def test_sql_ascii_database_with_bytes_that_are_not_utf8(
    pg: ThrowawayPostgres, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An SQL_ASCII database holds whatever bytes its clients sent: in names, comments,
    defaults and enum labels. They reach the files as they are (bytes in, bytes out), the
    second sync writes nothing, and a refresh gives what a first sync does."""
    name = f"t_sql_ascii_{uuid.uuid4().hex[:8]}"
    pg.psql(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 "
            "LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        def raw(hex_bytes: str) -> str:  # text of those bytes, unchecked in SQL_ASCII
            return f"convert_from('\\x{hex_bytes}'::bytea, 'SQL_ASCII')"

        pg.psql(f"""
            DO $$ BEGIN
              EXECUTE format('CREATE TABLE %I (a text DEFAULT %L)', {raw('78ff79')},
                             {raw('71fe')});
              EXECUTE format('CREATE TYPE mood AS ENUM (%L, %L)', {raw('e961')}, 'b');
              EXECUTE format('COMMENT ON TYPE mood IS %L', {raw('cafe')});
            END $$;
            CREATE TABLE t (m mood);
            DO $$ BEGIN
              EXECUTE format('COMMENT ON TABLE t IS %L', {raw('636166e9')});
            END $$;""", name)
        use_db(name)
        out = tmp_path / "docs"
        code, _, err = run(capsys, "sync", "-o", str(out))
        assert code == 0, err
        assert "Traceback" not in err
        files = snapshot(out)
        assert b"caf\xe9" in (out / "t.sql").read_bytes()  # pg_dump's bytes, as they were
        assert b"DEFAULT 'q\xfe'" in b"".join(p.read_bytes() for p in out.glob("*.sql"))
        json.loads((out / "schema.json").read_text(encoding="utf-8"))  # still UTF-8 JSON
        assert run(capsys, "sync", "-o", str(out))[0] == 0
        assert snapshot(out) == files  # nothing written
        assert run(capsys, "check", "-o", str(out))[0] == 0
        assert run(capsys, "check", "--full", "-o", str(out))[0] == 0
        pg.psql("ALTER TABLE t ADD COLUMN n int;"
                f"DO $$ BEGIN EXECUTE format('COMMENT ON TYPE mood IS %L', {raw('fa')}); "
                "END $$;", name)
        assert run(capsys, "check", "-o", str(out))[0] == 1
        code, _, err = run(capsys, "sync", "-o", str(out))
        assert code == 0, err
        fresh = tmp_path / "fresh"
        assert run(capsys, "sync", "--full", "-o", str(fresh))[0] == 0
        assert {k: v[0] for k, v in snapshot(out).items()} == {
            k: v[0] for k, v in snapshot(fresh).items()}
    finally:
        pg.drop_database(name)


def test_table_the_role_may_not_read_named_right_whatever_its_name_holds(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], reader: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `nl` exists too: a message cut at the newline would name (and exclude) it instead.
    pg.psql("CREATE TABLE nl (id int); CREATE TABLE U&\"nl\\000aFAKE \\001b[31mLINE\" (id int);"
            f"GRANT SELECT ON nl TO {reader};", db)
    code, _, err = run(capsys, "sync", "--full", "--dsn", f"user={reader}", "-o",
                       str(tmp_path / "docs"))
    assert code == 3, err
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", err), repr(err)
    message = err.strip().splitlines()[-1]
    assert 'on table public."nl\\nFAKE \\x1b[31mLINE"' in message, message
    assert "on table nl " not in message and "'nl' to 'exclude'" not in message


def test_sh_formats_debug_messages_only_when_someone_listens(
        caplog: pytest.LogCaptureFixture) -> None:
    """pgdoc.postgres.tools makes sh's Logger.debug lazy: a message whose arguments cannot
    even be formatted costs nothing while sh's loggers are quiet, and still reaches a
    handler that asks for debug messages."""
    import logging

    from pgdoc.postgres import tools
    logger_class = tools._SH_LOGGER
    assert logger_class is not None and logger_class.debug is tools._debug_when_heard

    class Unprintable:
        def __repr__(self) -> str:
            raise AssertionError("formatted although nobody listens")

    log = logger_class("command", "psql -c 'SELECT 1'")
    with caplog.at_level(logging.INFO, logger="sh"):  # quiet (as by default): never formatted
        log.debug("got chunk %r", Unprintable())
    with caplog.at_level(logging.DEBUG, logger="sh"):
        log.debug("got chunk size %d", 42)
    assert "psql -c 'SELECT 1': got chunk size 42" in caplog.text


def test_index_names_holding_using_keep_the_header_true(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The header shows an index from its access method on: where the server wrote that,
    not where " USING " first appears (a table's or an index's name may hold it)."""
    pg.psql('CREATE TABLE "t USING x" (a int, b int);'
            'CREATE INDEX "i USING y" ON "t USING x" (a) WHERE a > 1;'
            'CREATE UNIQUE INDEX "u USING z" ON "t USING x" USING btree (b);'
            'CREATE TABLE "p USING q" (a int) PARTITION BY RANGE (a);'
            'CREATE INDEX "pi USING r" ON "p USING q" (a);', db)
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-o", str(out))
    assert code == 0, err
    header = (out / table_filename("public", "t USING x")).read_text().split("CREATE TABLE")[0]
    assert '"i USING y": USING btree (a) WHERE (a > 1)\n' in header
    assert '"u USING z": UNIQUE INDEX USING btree (b)\n' in header
    header = (out / table_filename("public", "p USING q")).read_text().split("CREATE TABLE")[0]
    assert '"pi USING r": USING btree (a)\n' in header
    data = json.loads((out / "schema.json").read_text())
    table = next(t for t in data["tables"] if t["name"] == "t USING x")
    assert {i["definition"] for i in table["indexes"]} == {
        'CREATE INDEX "i USING y" ON public."t USING x" USING btree (a) WHERE (a > 1)',
        'CREATE UNIQUE INDEX "u USING z" ON public."t USING x" USING btree (b)'}
