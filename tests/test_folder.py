"""The output folder is shared with people: pgdoc overwrites or deletes only files it wrote,
never opens a FIFO or device, and publishes all or nothing. Each case against a real
PostgreSQL and a real folder; `+` in the index is history, not schema."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from pgdoc.folder import contents, writer
from pgdoc.folder.contents import existing_files, foreign_entries, is_pgdocs
from pgdoc.folder.markers import HEAD_BYTES, is_pgdoc_file
from pgdoc.folder.writer import TEMP_PREFIX
from tests.helpers import run

State = dict[str, tuple[str, bytes, int]]


def state(folder: Path) -> State:
    """Every entry of the folder: its kind, its bytes (regular files only: a FIFO is never
    opened) and its mtime, to prove that nothing was rewritten."""
    out: State = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        data = path.read_bytes() if stat.S_ISREG(st.st_mode) else b""
        out[str(path.relative_to(folder))] = (stat.filemode(st.st_mode)[0], data,
                                              st.st_mtime_ns)
    return out


def pgdoc(folder: Path, *args: str, timeout: float = 120) -> tuple[int, str, str]:
    """`pgdoc sync -o FOLDER ARGS` in a child process, which a hang cannot take along."""
    proc = subprocess.run([sys.executable, "-m", "pgdoc", "sync", "-o", str(folder), *args],
                          capture_output=True, text=True, timeout=timeout, check=False)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def shop(pg: ThrowawayPostgres, db: str, pg_env: dict[str, str]) -> str:
    pg.psql("CREATE TABLE users (id int PRIMARY KEY);"
            "CREATE TABLE orders (id int, user_id int REFERENCES users);", db)
    return db


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "docs"
    out.mkdir()
    return out


def change_everything(pg: ThrowawayPostgres, db: str) -> None:
    """After a first sync: both table files change and a new one appears."""
    pg.psql("ALTER TABLE users ADD COLUMN email text; ALTER TABLE orders ADD COLUMN total int;"
            "CREATE TABLE zz (id int);", db)


# --------------------------------------------------------------------------- foreign files


@pytest.mark.parametrize("name", ["users.sql", "schema.json", "_index.md", "_table_list.txt"])
def test_file_pgdoc_did_not_write_is_not_overwritten_without_adopt(
    shop: str, folder: Path, capsys: pytest.CaptureFixture[str], name: str,
) -> None:
    (folder / name).write_text("-- our hand-made dump of users, keep\n")
    before = state(folder)
    code, out, err = run(capsys, "sync", "-o", str(folder))
    assert code == 2, err
    assert name in err and "--adopt" in err and "nothing was written" in err
    assert "Traceback" not in err and "+ new" not in out
    assert state(folder) == before

    code, out, err = run(capsys, "sync", "--adopt", "-o", str(folder))
    assert code == 0, err
    assert is_pgdocs(folder, name)
    assert run(capsys, "sync", "-o", str(folder))[0] == 0  # pgdoc's own from now on


def test_adopt_from_the_config_file(
    shop: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (folder / "users.sql").write_text("CREATE TABLE users (id int);\n")
    config = tmp_path / "pgdoc.yaml"
    config.write_text("adopt: true\n")
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(folder))
    assert code == 0, err
    assert is_pgdocs(folder, "users.sql")


def test_many_foreign_files_are_named_a_few_at_a_time(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], folder: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg.psql("".join(f"CREATE TABLE t{i} (id int);" for i in range(6)), db)
    for i in range(6):
        (folder / f"t{i}.sql").write_text(f"-- t{i}\n")
    code, _, err = run(capsys, "sync", "-o", str(folder))
    assert code == 2
    assert "t0.sql, t1.sql, t2.sql and 3 more" in err
    assert len(err.strip().splitlines()) == 1


def test_foreign_files_of_any_encoding_are_left_alone(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    (folder / "notes.sql").write_bytes(b"-- \xe9t\xe9 \xff\xfe latin-1 notes\n" * 10_000)
    (folder / "README.md").write_text("# Our schema docs\n")
    (folder / "logo.png").write_bytes(bytes(range(256)))
    (folder / "old").mkdir()
    theirs = {n: v for n, v in state(folder).items() if not is_pgdocs(folder, n.split("/")[0])}
    pg.psql("ALTER TABLE users ADD COLUMN email text", shop)
    code, out, err = run(capsys, "sync", "-o", str(folder))
    assert code == 0, err
    assert "~ users" in out and "notes" not in out
    assert {n: v for n, v in state(folder).items() if n in theirs} == theirs
    assert foreign_entries(folder, existing_files(folder)) == {
        "README.md": "a file pgdoc did not write", "logo.png": "a file pgdoc did not write",
        "notes.sql": "a file pgdoc did not write", "old": "a directory"}
    assert run(capsys, "sync", "--prune", "-o", str(folder))[0] == 0  # never deleted either
    assert {n: v for n, v in state(folder).items() if n in theirs} == theirs
    code, _, err = run(capsys, "check", "-o", str(folder))
    assert code == 0, err


def test_foreign_file_is_read_no_further_than_its_head(
    folder: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    (folder / "big.sql").write_bytes(b"x" * 5_000_000)
    (folder / "_index.md").write_bytes(b"# ours\n" * 500_000)
    real_read = contents._read
    judged: list[tuple[str, int, bool]] = []

    def spy(path: Path, whole: Callable[[str], bool], size: int = HEAD_BYTES
            ) -> str | None:
        def judge(head: str) -> bool:
            judged.append((path.name, len(head), whole(head)))
            return judged[-1][2]
        return real_read(path, judge, size)

    monkeypatch.setattr(contents, "_read", spy)
    assert existing_files(folder) == {}
    assert foreign_entries(folder, {}) == {"big.sql": "a file pgdoc did not write",
                                           "_index.md": "a file pgdoc did not write"}
    assert {name for name, _, _ in judged} == {"big.sql", "_index.md"}
    assert all(size == HEAD_BYTES and not whole for _, size, whole in judged)


def test_files_of_pgdoc_0_1_are_pgdocs(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    # pgdoc 0.1: the index said so on its third line, the table list said nothing.
    (folder / "_index.md").write_text("# Schema of `app`\n\nGenerated by pgdoc from the "
                                      "database catalog and `pg_dump --schema-only`.\n")
    (folder / "_table_list.txt").write_text("orders\nusers\n")
    assert is_pgdocs(folder, "_index.md") and is_pgdocs(folder, "_table_list.txt")
    pg.psql("CREATE TABLE zz (id int)", shop)
    code, _out, err = run(capsys, "sync", "-o", str(folder))
    assert code == 0, err
    assert (folder / "_table_list.txt").read_text().endswith("zz\n")
    # Without a 0.1 index beside it, an unmarked table list is somebody else's.
    (folder / "_index.md").write_text("# our own index\n")
    (folder / "_table_list.txt").write_text("orders\nusers\n")
    assert not is_pgdocs(folder, "_table_list.txt")


@pytest.mark.parametrize(("name", "head", "index", "ours"), [
    ("users.sql", "-- Generated by pgdoc from the database catalog", False, True),
    ("users.sql", "-- generated by hand", False, False),
    ("users.sql", "\n-- Generated by pgdoc", False, False),
    ("_index.md", "<!-- Generated by pgdoc from the database catalog. Do not edit. -->", False,
     True),
    ("_index.md", "# Schema of `x`\n\nGenerated by pgdoc from the database catalog and", False,
     True),
    ("_index.md", "# Our notes\n", True, False),
    ("_table_list.txt", "# Generated by pgdoc from the database catalog.", False, True),
    ("_table_list.txt", "users\n", True, True),
    ("_table_list.txt", "users\n", False, False),
    ("schema.json", '{\n  "format": "pgdoc.schema/1",', False, True),
    ("schema.json", '{"format": "other"}', False, False),
    ("logo.png", "\ufffdPNG", True, False),
])
def test_markers_new_and_legacy(name: str, head: str, index: bool, ours: bool) -> None:
    assert is_pgdoc_file(name, head, index) is ours


# --------------------------------------------------------------------------- odd entries


@contextlib.contextmanager
def odd_entry(path: Path, kind: str, outside: Path) -> Iterator[None]:
    if kind == "directory":
        path.mkdir()
        (path / "keep.txt").write_text("mine\n")
    elif kind == "FIFO":
        os.mkfifo(path)
    else:
        outside.write_text("somebody's file\n")
        path.symlink_to(outside)
    yield


@pytest.mark.parametrize("kind", ["directory", "FIFO", "symbolic link"])
@pytest.mark.parametrize("name", ["zz.sql", "users.sql", "_table_list.txt", "schema.json"])
def test_directory_fifo_or_symlink_where_a_file_goes_is_refused_before_writing(
    pg: ThrowawayPostgres, shop: str, folder: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], kind: str, name: str,
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    change_everything(pg, shop)
    (folder / name).unlink(missing_ok=True)
    outside = tmp_path / "outside.txt"
    with odd_entry(folder / name, kind, outside):
        before = state(folder)
        code, _out, err = pgdoc(folder)  # a child: a FIFO that hangs it cannot hang the test
    assert code == 2, err
    assert f"{name} (a {kind})" in err and "nothing was written" in err
    assert "Traceback" not in err
    assert state(folder) == before
    if kind == "symbolic link":
        assert outside.read_text() == "somebody's file\n"


def test_fifo_in_an_empty_folder_does_not_hang_the_first_sync(
    shop: str, folder: Path,
) -> None:
    os.mkfifo(folder / "_table_list.txt")
    code, _, err = pgdoc(folder, timeout=60)
    assert code == 2, err
    assert "_table_list.txt (a FIFO)" in err and "Traceback" not in err
    assert [p.name for p in folder.iterdir()] == ["_table_list.txt"]


# --------------------------------------------------------------------------- all or nothing


def _chattr(flag: str, path: Path) -> bool:
    return subprocess.run(["chattr", flag, str(path)], capture_output=True,
                          check=False).returncode == 0


def test_immutable_file_fails_the_sync_before_any_rename(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    change_everything(pg, shop)
    if not _chattr("+i", folder / "users.sql"):
        pytest.skip("chattr +i is not supported here")
    try:
        before = state(folder)
        code, _, err = run(capsys, "sync", "-o", str(folder))
        assert code == 3, err
        assert "users.sql is immutable or append-only" in err
        assert "nothing was written" in err and "Traceback" not in err
        assert state(folder) == before
    finally:
        _chattr("-i", folder / "users.sql")


def _fail_rename_of(target: str, monkeypatch: pytest.MonkeyPatch,
                    before: Callable[[], None] = lambda: None) -> None:
    """The rename of a staged file over `target` fails for real reasons the test cannot
    provoke on demand (a full disk at that moment): ENOSPC, once."""
    real_replace = os.replace
    failed = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if (not failed and os.path.basename(dst) == target
                and os.path.basename(src).startswith(TEMP_PREFIX)):
            failed.append(dst)
            before()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(src), None, str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", replace)


def test_failed_rename_puts_back_every_file_it_replaced(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, "sync", "--prune", "-o", str(folder))[0] == 0
    pg.psql("CREATE TABLE gone (id int)", shop)
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    pg.psql("DROP TABLE gone", shop)
    change_everything(pg, shop)
    before = state(folder)
    real_replace = os.replace
    # The table files are renamed first, schema.json last: it fails with all else
    # replaced and the orphan not yet deleted.
    _fail_rename_of("schema.json", monkeypatch)
    code, _, err = run(capsys, "sync", "--prune", "-o", str(folder))
    assert code == 3, err
    assert f"cannot write {folder / 'schema.json'}: No space left on device" in err
    assert "the docs were not changed: the 5 files already replaced were put back" in err
    assert "Traceback" not in err
    assert state(folder) == before  # same bytes, same mtimes: the very same files
    monkeypatch.setattr(writer.os, "replace", real_replace)
    code, _out, err = run(capsys, "sync", "--prune", "-o", str(folder))
    assert code == 0, err
    assert not (folder / "gone.sql").exists() and (folder / "zz.sql").exists()


def test_first_sync_that_fails_leaves_the_folder_empty(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The temp files a first sync makes ahead, while pg_dump runs, go too.
    _fail_rename_of("schema.json", monkeypatch)
    code, _, err = run(capsys, "sync", "-o", str(folder))
    assert code == 3, err
    assert list(folder.iterdir()) == []


def _wait_for_entries(folder: Path, count: int) -> list[Path]:
    deadline = time.monotonic() + 30
    while len(found := list(folder.iterdir())) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return found


def test_spare_temp_files_are_used_once_and_the_rest_removed(tmp_path: Path) -> None:
    spares = writer.Spares(tmp_path)
    spares.make(3)
    _wait_for_entries(tmp_path, 3)  # a take stops the making: the rest is made in stage
    temps = writer.stage(tmp_path, {"a.sql": "a\n", "b.sql": "b\n"}, spares)
    third = spares.take()
    assert third is not None
    os.close(third[1])
    os.unlink(third[0])  # a taken one is the taker's
    spares.close()
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(os.path.basename(t) for t in temps.values())
    assert sorted(Path(t).read_text() for t in temps.values()) == ["a\n", "b\n"]
    assert spares.take() is None
    spares.make(1)  # once per run: a closed one makes no more
    assert sorted(p.name for p in tmp_path.iterdir()) == left


def test_spare_temp_file_replaced_meanwhile_is_not_written(tmp_path: Path) -> None:
    spares = writer.Spares(tmp_path)
    spares.make(1)
    (spare,) = _wait_for_entries(tmp_path, 1)
    target = tmp_path / "elsewhere"
    target.write_text("keep\n")
    spare.unlink()
    spare.symlink_to(target)
    temps = writer.stage(tmp_path, {"a.sql": "a\n"}, spares)
    assert target.read_text() == "keep\n"
    assert spare.is_symlink()  # left alone
    assert Path(temps["a.sql"]) != spare and Path(temps["a.sql"]).read_text() == "a\n"
    spares.close()


def test_folder_that_cannot_be_put_back_says_so(
    pg: ThrowawayPostgres, shop: str, folder: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    change_everything(pg, shop)

    def block_orders() -> None:  # somebody puts a folder where orders.sql was
        (folder / "orders.sql").unlink()
        (folder / "orders.sql").mkdir()
        (folder / "orders.sql" / "x").write_text("x")

    _fail_rename_of("_index.md", monkeypatch, block_orders)
    code, _, err = run(capsys, "sync", "-o", str(folder))
    assert code == 3, err
    assert "the folder is partly updated: orders.sql could not be put back" in err
    assert "Traceback" not in err and "were not changed" not in err


# --------------------------------------------------------------------------- + is history


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


def test_first_sync_marks_nothing_new_then_only_the_added_table(
    pg: ThrowawayPostgres, shop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[init]\n\tdefaultBranch = main\n"
                         "[user]\n\tname = Test Dev\n\temail = dev@example.com\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    work = tmp_path / "work"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "README.md").write_text("app\n")
    _git(work, "add", "README.md")
    _git(work, "commit", "-q", "-m", "initial")
    monkeypatch.chdir(work)

    code, _, err = run(capsys, "sync", "--commit")
    assert code == 0, err
    index = (work / "docs/schemas/_index.md").read_text()
    assert "| ✓ | [`users`]" in index and "| ✓ | [`orders`]" in index
    assert "| + |" not in index
    assert '"status": "new"' not in (work / "docs/schemas/schema.json").read_text()

    pg.psql("CREATE TABLE zz (id int)", shop)
    code, out, err = run(capsys, "sync", "--commit")
    assert code == 0, err
    index = (work / "docs/schemas/_index.md").read_text()
    assert [ln for ln in index.splitlines() if ln.startswith("| + |")] == [
        "| + | [`zz`](zz.sql) | table | 1 |  |"]
    assert "+ zz" in out
    assert _git(work, "status", "--porcelain") == ""


def test_stale_diagram_file_is_deleted_a_foreign_one_is_not(
    pg: ThrowawayPostgres, shop: str, folder: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "pgdoc.yaml"
    config.write_text("erd_max_tables: 1\n")
    assert run(capsys, "sync", "-c", str(config), "-o", str(folder))[0] == 0
    assert (folder / "_erd_public.md").is_file()
    (folder / "_erd_mine.md").write_bytes(b"# my diagram \xff\n" * 100_000)
    theirs = state(folder)["_erd_mine.md"]
    # With no foreign key left, the schema needs no diagram file.
    pg.psql("DO $$ DECLARE r record; BEGIN FOR r IN SELECT conrelid::regclass AS t, conname "
            "FROM pg_constraint WHERE contype = 'f' LOOP EXECUTE format('ALTER TABLE %s DROP "
            "CONSTRAINT %I', r.t, r.conname); END LOOP; END $$;", shop)
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(folder))
    assert code == 0, err
    assert not (folder / "_erd_public.md").exists()
    assert state(folder)["_erd_mine.md"] == theirs


def test_only_files_that_replace_one_are_synced_before_their_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "old.sql").write_text("old\n")
    synced: list[list[str]] = []
    real_sync = writer._sync
    monkeypatch.setattr(writer, "_sync", lambda folder, paths: (
        synced.append(sorted(paths)), real_sync(folder, paths))[1])
    temps = writer.stage(tmp_path, {"old.sql": "new\n", "new.sql": "first\n"})
    writer.publish(tmp_path, temps)
    # A new file has nothing to protect from a power cut: it is not waited for.
    assert synced == [[temps["old.sql"]]]
    assert (tmp_path / "old.sql").read_text() == "new\n"
    assert (tmp_path / "new.sql").read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sql", "old.sql"]


def test_a_read_that_finds_no_table_never_orphans_the_whole_folder(
    pg: ThrowawayPostgres, shop: str, folder: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "sync", "-o", str(folder))[0] == 0
    before = state(folder)
    config = tmp_path / "pgdoc.yaml"
    config.write_text("include: ['nosuch*']\n")  # a typo in the filter
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(folder))
    assert code == 2, err
    assert "no tables found in database" in err and "yet the folder documents 2" in err
    assert "run pgdoc sync --prune" in err and "Traceback" not in err
    assert state(folder) == before
    pg.psql("DROP TABLE orders; DROP TABLE users", shop)  # really gone: --prune says so
    assert run(capsys, "sync", "-o", str(folder))[0] == 2
    assert state(folder) == before
    code, _, err = run(capsys, "sync", "--prune", "-o", str(folder))
    assert code == 0, err
    assert not (folder / "users.sql").exists() and not (folder / "orders.sql").exists()
