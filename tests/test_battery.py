"""Issue #15's battery, end to end through the CLI, on PostgreSQL 15 (`pg`) and 18 (`pg18`):
after each kind of DDL that changes a file, `pgdoc check` exits 1, and a `pgdoc sync` leaves
the folder byte-identical to a sync from scratch; after DDL that changes no file, `check`
exits 0 and `sync` writes nothing. False alarms (an extra dump) are allowed; a missed change
never is.

The cases are test_fingerprint's (CASES, NON_CHANGES, BASE_SQL): that module checks the
fingerprint's digests against rendered files; this one checks what a user sees, through
whatever path `sync` and `check` take (fingerprint, full or partial dump). Nothing here asks
pgdoc's internals what happened: only exit codes and the folder's bytes count.
"""

from __future__ import annotations

import difflib
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from tests.conftest import _FOREIGN_PG_ENV
from tests.helpers import run, snapshot
from tests.test_fingerprint import CASES, NON_CHANGES, SERVERS, Case, Server

Files = dict[str, bytes]

ORPHAN_LINE = b"-- ORPHANED: "


class BatteryServer(Server):
    """test_fingerprint's Server, plus the baseline folders: BASE_SQL synced from scratch
    once per set of flags, copied into each case's folder A (a sync from scratch per case
    would cost a full pg_dump each, for the same bytes)."""

    def __init__(self, pg: ThrowawayPostgres, baselines: Path) -> None:
        super().__init__(pg)
        self.baselines = baselines

    def new_database(self) -> str:
        # FILE_COPY: copying the template's files beats WAL-logging each block (15+).
        name = f"bt_{uuid.uuid4().hex[:12]}"
        self.pg.psql(f"CREATE DATABASE {name} TEMPLATE {self.template} STRATEGY FILE_COPY")
        return name


@pytest.fixture(scope="session", params=SERVERS)
def battery_server(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> BatteryServer:
    """A server of each major with BASE_SQL in a template database."""
    return BatteryServer(request.getfixturevalue(request.param),
                         tmp_path_factory.mktemp(f"baselines-{request.param}"))


class Run:
    """One case's database and folders; `pgdoc(...)` runs the CLI in-process against it."""

    def __init__(self, server: BatteryServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch, flags: tuple[str, ...] = ()) -> None:
        self.server, self.tmp_path, self.capsys, self.flags = server, tmp_path, capsys, flags
        self.database = server.new_database()
        # The fingerprint cache: outside any git work tree it lives under XDG_CACHE_HOME.
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        for key, value in server.pg.env(self.database).items():
            monkeypatch.setenv(key, value)
        for key in _FOREIGN_PG_ENV:
            monkeypatch.delenv(key, raising=False)
        self.u = uuid.uuid4().hex[:8]  # cases' `{u}`: roles are cluster-wide

    def sql(self, text: str) -> None:
        self.server.pg.psql(text.replace("{u}", self.u), self.database)

    def pgdoc(self, command: str, folder: Path, *args: str) -> tuple[int, str]:
        code, out, err = run(self.capsys, command, "-q", "-o", str(folder), *self.flags, *args)
        return code, out + err

    def synced(self, name: str, where: Path | None = None) -> Path:
        """A folder synced from scratch (into an empty folder) now."""
        folder = (where or self.tmp_path) / name
        code, out = self.pgdoc("sync", folder)
        assert code == 0, out
        return folder

    def prepared(self, setup: str) -> tuple[Path, Files]:
        """Folder A as a sync from scratch leaves it for BASE_SQL (and `setup`), synced once
        more (which saves the fingerprint, whatever a first sync does) and checked: nothing
        changed. Without `setup`, the first sync is the baseline's, copied."""
        a = self.tmp_path / "a"
        if setup:
            self.sql(setup)
            self.synced("a")
        else:
            name = "-".join(("base", *self.flags))
            baseline = self.server.baselines / name
            if not baseline.exists():
                self.synced(name, self.server.baselines)
            shutil.copytree(baseline, a)
        first = files(a)
        code, out = self.pgdoc("sync", a)
        assert code == 0, out
        same_files(files(a), first, "a second sync")
        code, out = self.pgdoc("check", a)
        assert code == 0, out
        return a, first


@pytest.fixture
def case_run(battery_server: BatteryServer, request: pytest.FixtureRequest, tmp_path: Path,
             capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
             ) -> Iterator[Run]:
    case: Case | None = getattr(request, "param", None)
    flags = () if case is None else (*(("--owners",) if case.owners else ()),
                                     *(("--grants",) if case.grants else ()))
    if case is not None and battery_server.major < case.since:
        pytest.skip(f"needs PostgreSQL {case.since}")
    r = Run(battery_server, tmp_path, capsys, monkeypatch, flags)
    try:
        yield r
    finally:
        battery_server.pg.drop_database(r.database)


def files(folder: Path) -> Files:
    """Every file below `folder`, by its path relative to it."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def orphaned(data: bytes) -> bool:
    """A file pgdoc keeps for a table that is gone: its second line says so."""
    lines = data.split(b"\n", 2)
    return len(lines) > 1 and lines[1].startswith(ORPHAN_LINE)


def as_first_sync(updated: Files) -> Files:
    """An updated folder as a first sync into an empty folder would write it. Two
    differences are documented (README, "Statuses"), and only these are undone:

    - `+` marks, in `_index.md`, the tables added by the last sync that changed something;
      a first sync marks every table `✓`;
    - a table that is gone keeps its file, marked in its second line `-- ORPHANED: ...`,
      until `sync --prune`: listed in `_index.md` ("## Orphaned files") and in schema.json
      ("orphaned_files", its last key); a first sync has no such file.
    """
    out = {name: data for name, data in updated.items() if not orphaned(data)}
    if "_index.md" in out:
        text = out["_index.md"].decode()
        text = re.sub(r"^\| \+ \| ", "| ✓ | ", text, flags=re.M)
        text = re.sub(r"^## Orphaned files\n.*?(?=^## |\Z)", "", text, flags=re.M | re.S)
        out["_index.md"] = text.encode()
    if "schema.json" in out:
        text = out["schema.json"].decode()
        text = re.sub(r',\n  "orphaned_files": \[.*\]\n}\n\Z', "\n}\n", text, flags=re.S)
        out["schema.json"] = text.encode()
    return out


def differing(got: Files, want: Files) -> list[str]:
    return sorted(n for n in got.keys() | want.keys() if got.get(n) != want.get(n))


def same_files(got: Files, want: Files, what: str) -> None:
    """Assert byte-identical folders; else fail with each differing file's diff."""
    names = differing(got, want)
    if not names:
        return
    report = [f"{what}: {len(names)} files differ from a sync from scratch"]
    for name in names:
        old = want.get(name, b"").decode(errors="replace").splitlines(keepends=True)
        new = got.get(name, b"").decode(errors="replace").splitlines(keepends=True)
        report += difflib.unified_diff(old, new, f"scratch/{name}", f"updated/{name}", n=1)
    pytest.fail("\n".join(line.rstrip("\n") for line in report)[:6000], pytrace=False)


@pytest.mark.parametrize("case_run", CASES, ids=[c.id for c in CASES], indirect=True)
def test_ddl_is_seen_and_synced(case_run: Run, request: pytest.FixtureRequest) -> None:
    r = case_run
    case: Case = request.node.callspec.params["case_run"]
    a, before = r.prepared(case.setup)
    r.sql(case.ddl)

    checked, check_out = r.pgdoc("check", a)
    fresh = files(r.synced("b"))
    # The case changes a file with this config (else it would prove nothing here).
    assert differing(fresh, before), "the DDL changed no file"
    assert checked == 1, f"check missed the change:\n{check_out}"

    code, out = r.pgdoc("sync", a)
    assert code == 0, out
    updated = files(a)
    same_files(as_first_sync(updated), fresh, "after sync")
    if as_first_sync(updated).keys() != updated.keys():
        # Orphaned files are drift to `check` (it names them) until `sync --prune` deletes
        # them, after which the folder is exactly a sync from scratch, `+` marks and all.
        code, out = r.pgdoc("sync", a, "--prune")
        assert code == 0, out
        same_files(files(a), fresh, "after sync --prune")
    code, out = r.pgdoc("check", a)
    assert code == 0, out


def test_no_file_change_no_drift(case_run: Run) -> None:
    """One database takes every NON_CHANGES statement in turn: after each, check finds
    nothing and sync rewrites no file (bytes and mtimes as before)."""
    r = case_run
    a, _ = r.prepared("")
    before = snapshot(a)
    for sql in NON_CHANGES:
        r.sql(sql)
        code, out = r.pgdoc("check", a)
        assert code == 0, f"after {sql!r}:\n{out}"
        code, out = r.pgdoc("sync", a)
        assert code == 0, f"after {sql!r}:\n{out}"
        assert snapshot(a) == before, f"after {sql!r}, sync rewrote files"


def test_as_first_sync_undoes_only_the_documented_differences() -> None:
    marker = b"-- Generated by pgdoc from the database catalog. Do not edit.\n"
    index = ("<!-- Generated by pgdoc -->\n## Schema `app`\n\n| Status | Name |\n|---|---|\n"
             "| + | [a](app.a.sql) |\n| ✓ | [b](app.b.sql) |\n\n## Orphaned files\n\n"
             "| Status | File | Was |\n|---|---|---|\n| ⚠ | [app.o.sql](app.o.sql) | `app.o` |\n"
             "\n## Relationships\n\n+ | kept\n")
    schema = ('{\n  "format": "pgdoc.schema/2",\n  "tables": [],\n  "orphaned_files": [\n'
              '    {"file": "app.o.sql", "was": "app.o"}\n  ]\n}\n')
    updated = {"_index.md": index.encode(), "schema.json": schema.encode(),
               "app.a.sql": marker + b"CREATE TABLE a ();\n",
               "app.o.sql": marker + b"-- ORPHANED: app.o no longer exists.\n--\n"}
    assert as_first_sync(updated) == {
        "_index.md": ("<!-- Generated by pgdoc -->\n## Schema `app`\n\n| Status | Name |\n"
                      "|---|---|\n| ✓ | [a](app.a.sql) |\n| ✓ | [b](app.b.sql) |\n\n"
                      "## Relationships\n\n+ | kept\n").encode(),
        "schema.json": b'{\n  "format": "pgdoc.schema/2",\n  "tables": []\n}\n',
        "app.a.sql": updated["app.a.sql"],
    }
    # Nothing else is touched: a `-- ORPHANED: ` that is not the second line, a `+` that
    # is no status cell.
    other = {"x.sql": marker + b"--\n-- ORPHANED: x\n", "_index.md": b"| +1 | x |\n"}
    assert as_first_sync(other) == other
