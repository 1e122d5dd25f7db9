"""The folder's state (pgdoc.folder.state): one lstat per entry tells whether anything in the
folder changed; files written within the racy window are compared by content too."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from pgdoc.docs.render import MARKER
from pgdoc.folder import state


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "functions").mkdir(parents=True)
    (docs / "users.sql").write_text(MARKER + "\nCREATE TABLE users ();\n")
    (docs / "functions" / "f.sql").write_text(MARKER + "\nCREATE FUNCTION f() ...;\n")
    (docs / "README.txt").write_text("somebody else's\n")
    return docs


def aged(saved: state.FolderState) -> state.FolderState:
    """The same state as if taken long after the files were written (nothing racy)."""
    return replace(saved, taken_ns=saved.taken_ns + 10 * state.RACY_NS)


def test_nothing_changed(folder: Path) -> None:
    (folder / "README.txt").unlink()
    saved = state.take(folder)
    assert state.unchanged_since(folder, saved)  # pgdoc's racy files: by their content
    assert state.unchanged_since(folder, aged(saved))
    (folder / ".pgdoc.tmp").write_text("hidden entries are not the docs")
    assert state.unchanged_since(folder, saved)


def test_a_foreign_file_just_written_counts_as_changed(folder: Path) -> None:
    """pgdoc never reads somebody else's file whole, so one written within the racy window
    cannot be told by content: one full read more, never a missed change."""
    saved = state.take(folder)
    assert saved.entries["README.txt"][5] == ""
    assert not state.unchanged_since(folder, saved)
    assert state.unchanged_since(folder, aged(saved))


@pytest.mark.parametrize("change", [
    lambda d: (d / "users.sql").write_text(MARKER + "\nCREATE TABLE users (id int);\n"),
    lambda d: (d / "users.sql").write_text(MARKER + "\nCREATE TABLE USERS ();\n"),  # same size
    lambda d: (d / "functions" / "f.sql").write_text("edited"),
    lambda d: (d / "functions" / "g.sql").write_text(MARKER + "\n"),
    lambda d: (d / "users.sql").unlink(),
    lambda d: (d / "README.txt").write_text("somebody else's, edited\n"),
    lambda d: (d / "new.sql").write_text("x"),
    lambda d: os.utime(d / "users.sql", ns=(1, 1)),
    lambda d: (d / "users.sql").chmod(0o600),
])
def test_any_change_is_seen(folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    saved = state.take(folder)
    change(folder)
    assert not state.unchanged_since(folder, saved)
    assert not state.unchanged_since(folder, aged(saved))


def test_racy_files_are_compared_by_content(folder: Path) -> None:
    """A write in the same tick of the clock leaves every time as it was: the content of a
    file written just before the state was taken decides."""
    saved = state.take(folder)
    users = saved.entries["users.sql"]
    assert users[5]  # written just now: its sha256 is kept
    (folder / "README.txt").unlink()
    saved = state.take(folder)
    assert state.unchanged_since(folder, saved)
    forged = replace(saved, entries={**saved.entries, "users.sql": (*users[:5], "0" * 64)})
    assert not state.unchanged_since(folder, forged)  # same times, other bytes


def test_an_aged_state_hashes_nothing(folder: Path) -> None:
    saved = state.take(folder)
    later = state.take(folder, previous=saved)
    assert later.entries["users.sql"][5] == saved.entries["users.sql"][5]  # reused
    old = aged(saved)  # taken long after the writes: nothing is racy, no content is read
    assert state.unchanged_since(folder, replace(old, entries={
        k: (*v[:5], "") for k, v in old.entries.items()}))


def test_missing_folder(tmp_path: Path) -> None:
    empty = state.take(tmp_path / "none")
    assert empty.entries == {}
    assert state.unchanged_since(tmp_path / "none", empty)
    (tmp_path / "a.sql").write_text("x")
    assert not state.unchanged_since(tmp_path / "none", state.take(tmp_path))


def test_serialisation(folder: Path) -> None:
    saved = state.take(folder)
    assert state.FolderState.from_json(saved.to_json()) == saved
    with pytest.raises(ValueError):
        state.FolderState.from_json({"entries": {"a": [1]}, "taken_ns": 0})


def test_any_file_name_survives_the_record(folder: Path, tmp_path: Path) -> None:
    """A file whose name is no UTF-8 (or holds escape codes) lives in the folder: the
    record saves and loads it like any other (json escapes the undecodable bytes)."""
    from pgdoc.folder import cache
    from pgdoc.unchanged import Record

    os.close(os.open(os.fsencode(folder) + b"/bad\xff\x1b[31m.txt", os.O_CREAT | os.O_WRONLY))
    record = Record("0" * 32, None, aged(state.take(folder)), 1)
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    assert cache.save(folder, "k", record.to_json(), env)
    text = cache.load(folder, "k", env)
    assert text is not None and Record.from_json(text) == record
    assert state.unchanged_since(folder, Record.from_json(text).folder)
