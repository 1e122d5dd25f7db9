"""A sync killed at any moment leaves every file whole (old or new), its temp files are
cleaned by the next run, and its lock dies with it; a read-only or full output folder
fails cleanly. Real processes (SIGKILL of a real `pgdoc sync`), real mounts."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from pgdoc.folder.writer import TEMP_PREFIX
from tests.helpers import run, snapshot
from tests.test_hardening import Session, oid_of, pgdoc_waits_for, wait_for

TABLES = 1000  # enough for a write phase of a second or more


def _env(pg: ThrowawayPostgres, db: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    return {**clean, **pg.env(db)}


def _sync(env: dict[str, str], folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pgdoc", "sync", "-q", "-o", str(folder),
                             *args], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry.name}/stat").read_bytes()
                if int(stat.rsplit(b")", 1)[1].split()[1]) == pid:
                    kids.append(int(entry.name))
    return kids


def _kill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the pgdoc process, as the OOM killer or a power cut would; then end the
    psql/pg_dump it had started (by pid: they are ours), which SIGKILL leaves running."""
    kids = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    for pid in kids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _lock_is_free(folder: Path) -> bool:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    finally:
        os.close(fd)


@dataclass(frozen=True)
class States:
    """A database in schema state B, and the docs of state A (old) and B (new)."""

    env: dict[str, str]
    db: str
    old: Path
    new: Path


@pytest.fixture(scope="module")
def states(pg: ThrowawayPostgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[States]:
    db = f"crash_{os.getpid()}"
    pg.create_database(db)
    try:
        pg.psql("".join(f"CREATE TABLE t{i:04d} (id int PRIMARY KEY, note text DEFAULT 'x');"
                        f"COMMENT ON TABLE t{i:04d} IS 'state A';" for i in range(TABLES)), db)
        env = _env(pg, db)
        base = tmp_path_factory.mktemp("states")
        old, new = base / "old", base / "new"
        assert _sync(env, old).wait(timeout=300) == 0
        pg.psql("".join(f"COMMENT ON TABLE t{i:04d} IS 'state B';" for i in range(TABLES)), db)
        shutil.copytree(old, new)
        proc = _sync(env, new)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        yield States(env, db, old, new)
    finally:
        pg.drop_database(db)


def _assert_whole(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> tuple[int, int]:
    """Every file is the old or the new version, never a mix or a fragment."""
    counts = [0, 0]
    for name, data in _files(folder).items():
        if name.startswith(TEMP_PREFIX):
            continue
        assert name in old or name in new, name
        assert data in (old.get(name), new.get(name)), f"{name} is neither old nor new"
        counts[data == new.get(name) and data != old.get(name)] += 1
    return counts[0], counts[1]


def _kill_when(states: States, folder: Path, point: str, pg: ThrowawayPostgres,
               env: dict[str, str]) -> None:
    """Start a sync (with `env`) and SIGKILL it at `point`."""
    if point == "waiting-for-a-table-lock":
        oid = oid_of(pg, states.db, "t0000")
        with Session(pg, states.db) as other:
            other.run("BEGIN; LOCK TABLE t0000 IN ACCESS EXCLUSIVE MODE;")
            proc = _sync(env, folder)
            wait_for(lambda: bool(pgdoc_waits_for(pg, states.db, [oid])), "pgdoc to wait")
            _kill(proc)
        return
    proc = _sync(env, folder)
    first = folder / "t0000.sql"
    inode = first.stat().st_ino
    reached = {
        "pg_dump-running": lambda: any(_is_pg_dump(pid) for pid in _children(proc.pid)),
        # Two: the folder's write check makes (and removes) one temp file of its own.
        "writing-temp-files": lambda: len(_temps(folder)) >= 2,
        "halfway-through-temp-files": lambda: len(_temps(folder)) >= TABLES // 2,
        "renaming": lambda: first.stat().st_ino != inode,
    }[point]
    while proc.poll() is None and not reached():
        pass
    assert proc.poll() is None, "the sync ended before it could be killed"
    _kill(proc)


def _is_pg_dump(pid: int) -> bool:
    try:
        argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
    except OSError:
        return False
    return os.path.basename(argv0) == b"pg_dump"


@pytest.mark.parametrize("point", ["waiting-for-a-table-lock", "pg_dump-running",
                                   "writing-temp-files", "halfway-through-temp-files",
                                   "renaming"])
def test_sync_killed_leaves_every_file_whole(
    pg: ThrowawayPostgres, states: States, tmp_path: Path, point: str,
) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(states.old, folder)
    before = snapshot(folder)
    old, new = _files(states.old), _files(states.new)
    assert old != new

    scratch = tmp_path / "tmp"  # the sync's TMPDIR
    scratch.mkdir()
    _kill_when(states, folder, point, pg, {**states.env, "TMPDIR": str(scratch)})

    # The folder lock died with the process: free at once (a child forked at the very
    # moment holds its copy until it execs: a few milliseconds). pg_dump's and psql's
    # output stream into pgdoc: no temp file outside the folder was left behind either.
    deadline = time.monotonic() + 5
    while not _lock_is_free(folder):
        assert time.monotonic() < deadline, "the folder lock outlived the killed sync"
        time.sleep(0.01)
    assert list(scratch.iterdir()) == []
    kept, replaced = _assert_whole(folder, old, new)
    if point in ("waiting-for-a-table-lock", "pg_dump-running"):
        assert snapshot(folder) == before  # killed before writing anything
        assert _temps(folder) == []
    if "temp-files" in point:
        assert _temps(folder)  # leftovers for the next run to clean
        assert replaced == 0  # no rename before every temp file is written
    print(f"killed at {point}: {kept} files old, {replaced} new, {len(_temps(folder))} temp")

    # The next run cleans the leftovers and finishes the job.
    proc = _sync(states.env, folder)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _temps(folder) == []
    assert _files(folder) == new


# --------------------------------------------------------------------------- read-only / full


@contextlib.contextmanager
def _mount(*args: str, target: Path) -> Iterator[None]:
    done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here (needs root and CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=True)


@pytest.fixture
def small_db(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str]) -> str:
    pg.psql("CREATE TABLE users (id int PRIMARY KEY, email text);"
            "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);", db)
    return db


def test_read_only_output_folder(
    pg: ThrowawayPostgres, small_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "docs"
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    pg.psql("ALTER TABLE users ADD COLUMN name text", small_db)
    before = snapshot(folder)
    with _mount("--bind", str(folder), target=folder):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        code, _, err = run(capsys, "sync", "-o", str(folder))
        assert code == 3, err
        assert f"pgdoc: error: cannot write to output folder {folder}: Read-only file " \
               "system" in err
        assert "Traceback" not in err
        assert snapshot(folder) == before
    assert snapshot(folder) == before
    assert run(capsys, "sync", "-o", str(folder))[0] == 0  # writable again: it works


def test_full_output_folder(
    pg: ThrowawayPostgres, small_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    with _mount("-t", "tmpfs", "-o", "size=256k", "tmpfs", target=folder):
        assert run(capsys, "sync", "-o", str(folder))[0] == 0
        filler = folder / "filler.bin"
        with contextlib.suppress(OSError), open(filler, "wb", buffering=0) as fh:
            while True:
                fh.write(b"\0" * 4096)
        pg.psql("ALTER TABLE users ADD COLUMN name text;"
                "COMMENT ON TABLE orders IS '" + "long comment " * 2000 + "'", small_db)
        before = snapshot(folder)
        code, _, err = run(capsys, "sync", "-o", str(folder))
        assert code == 3, err
        assert "No space left on device" in err and "the docs were not changed" in err
        assert "Traceback" not in err
        assert snapshot(folder) == before
        assert _temps(folder) == []
        filler.unlink()
        assert run(capsys, "sync", "-o", str(folder))[0] == 0
        assert "name text" in (folder / "users.sql").read_text()
