"""Where quiet nights' records wait between runs (pgdoc.folder.cache): in the git dir or the
user's cache folder, never in the docs; atomic; anything wrong with it is a miss."""

from __future__ import annotations

import os
from pathlib import Path

import git
import pytest

from pgdoc.folder import cache, state
from pgdoc.postgres.fingerprint import Fingerprint
from pgdoc.unchanged import Record

PARTS = {"server": "7714444753331177428", "database": "app", "pgdoc": "0.1.0",
         "pg_dump": "18.1", "config": "schemas=[];owners=false"}


def fingerprint(rest: str = "r") -> str:
    """A record's text (the cache stores any text)."""
    return Fingerprint(server_version=180001, relations={16400: "a" * 64, 16410: "b" * 64},
                       rest=rest, names={16400: ("public", "users"), 16410: ("app", "é")},
                       parents={16410: 16400}, system_identifier="77",
                       database="app").to_json()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "xdg")}


def test_key_is_stable_and_distinct(tmp_path: Path) -> None:
    k = cache.key(PARTS)
    assert k == cache.key(dict(reversed(list(PARTS.items()))))  # order does not matter
    assert len(k) == 32 and k.isalnum()
    assert cache.key({**PARTS, "database": "other"}) != k
    assert cache.key({**PARTS, "pg_dump": "18.2"}) != k
    assert cache.key(PARTS, tmp_path / "a") != cache.key(PARTS, tmp_path / "b")
    assert cache.key(PARTS, tmp_path / "a") == cache.key(PARTS, tmp_path / "x" / ".." / "a")


def test_in_a_git_work_tree_the_cache_is_in_the_git_dir(tmp_path: Path,
                                                         env: dict[str, str]) -> None:
    git.Repo.init(tmp_path / "repo")
    docs = tmp_path / "repo" / "docs" / "schemas"  # need not exist yet
    assert cache.location(docs, env) == tmp_path / "repo" / ".git" / "pgdoc"
    k = cache.key(PARTS, docs)
    assert cache.load(docs, k, env) is None
    assert cache.save(docs, k, fingerprint(), env)
    assert cache.load(docs, k, env) == fingerprint()
    files = [p for p in (tmp_path / "repo").rglob("*") if p.is_file() and ".git" not in p.parts]
    assert files == []  # nothing in the work tree, so nothing to commit
    assert list((tmp_path / "repo" / ".git" / "pgdoc").iterdir()) == [
        tmp_path / "repo" / ".git" / "pgdoc" / f"record-{k}.json"]
    assert not (tmp_path / "xdg").exists()


def test_worktree_git_file(tmp_path: Path, env: dict[str, str]) -> None:
    main = git.Repo.init(tmp_path / "main")
    main.index.commit("first", author=git.Actor("a", "a@b"), committer=git.Actor("a", "a@b"))
    main.git.worktree("add", str(tmp_path / "wt"), "-b", "side")
    assert (tmp_path / "wt" / ".git").is_file()
    where = cache.location(tmp_path / "wt" / "docs", env)
    assert where == (tmp_path / "main" / ".git" / "worktrees" / "wt" / "pgdoc").resolve()
    assert cache.save(tmp_path / "wt" / "docs", "k1", fingerprint(), env)
    assert cache.load(tmp_path / "wt" / "docs", "k1", env) == fingerprint()
    assert cache.load(tmp_path / "main" / "docs", "k1", env) is None


def test_outside_git_the_xdg_cache(tmp_path: Path, env: dict[str, str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "plain" / "docs"
    assert cache.location(docs, env) == tmp_path / "xdg" / "pgdoc"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.location(docs, {}) == tmp_path / "home" / ".cache" / "pgdoc"
    assert cache.location(docs, {"XDG_CACHE_HOME": "relative"}) == (
        tmp_path / "home" / ".cache" / "pgdoc")  # ignored, as the XDG spec says
    assert cache.save(docs, "k", fingerprint(), env)
    assert cache.load(docs, "k", env) == fingerprint()
    assert oct((tmp_path / "xdg" / "pgdoc").stat().st_mode & 0o777) == "0o700"
    assert not docs.exists()


def test_never_inside_the_docs_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    env = {"XDG_CACHE_HOME": str(docs / ".cache")}
    assert not cache.save(docs, "k", fingerprint(), env)
    assert cache.load(docs, "k", env) is None
    assert not docs.exists()


def test_overwrite_and_other_keys(tmp_path: Path, env: dict[str, str]) -> None:
    docs = tmp_path / "docs"
    assert cache.save(docs, "k", fingerprint("one"), env)
    assert cache.save(docs, "k", fingerprint("two"), env)
    assert cache.save(docs, "other", fingerprint("three"), env)
    loaded = cache.load(docs, "k", env)
    assert loaded is not None and Fingerprint.from_json(loaded).rest == "two"
    leftovers = [p.name for p in (tmp_path / "xdg" / "pgdoc").iterdir()
                 if not p.name.startswith("record-")]
    assert leftovers == []  # no temp files


def test_old_entries_are_pruned(tmp_path: Path, env: dict[str, str]) -> None:
    docs = tmp_path / "docs"
    for i in range(cache.KEEP + 5):
        assert cache.save(docs, f"k{i}", fingerprint(), env)
        path = tmp_path / "xdg" / "pgdoc" / f"record-k{i}.json"
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    assert cache.save(docs, "k0", fingerprint(), env)  # the newest again
    names = {p.name for p in (tmp_path / "xdg" / "pgdoc").iterdir()}
    assert len(names) == cache.KEEP
    assert "record-k0.json" in names and "record-k1.json" not in names


@pytest.mark.parametrize("content", [
    b"", b"{", b"null", b"[]", b'{"format": 1}', b"\xff\xfe garbage",
    b'{"format": 999, "relations": [], "rest": "", "server_version": 1}',
])
def test_corrupt_entry_is_a_miss(tmp_path: Path, env: dict[str, str], content: bytes) -> None:
    docs = tmp_path / "docs"
    where = tmp_path / "xdg" / "pgdoc"
    where.mkdir(parents=True)
    (where / "record-k.json").write_bytes(content)
    text = cache.load(docs, "k", env)
    if text is not None:
        with pytest.raises(ValueError):
            Record.from_json(text)
    assert cache.save(docs, "k", fingerprint(), env)  # and is replaced by the next save
    assert cache.load(docs, "k", env) == fingerprint()


def test_unreadable_or_unwritable_is_a_miss(tmp_path: Path, env: dict[str, str]) -> None:
    docs = tmp_path / "docs"
    (tmp_path / "xdg").write_text("a file where the cache folder should be")
    assert not cache.save(docs, "k", fingerprint(), env)
    assert cache.load(docs, "k", env) is None
    where = tmp_path / "xdg2" / "pgdoc"
    where.mkdir(parents=True)
    (where / "record-k.json").mkdir()  # a folder where the entry should be
    env2 = {"XDG_CACHE_HOME": str(tmp_path / "xdg2")}
    assert cache.load(docs, "k", env2) is None
    assert not cache.save(docs, "k", fingerprint(), env2)
    assert [p.name for p in where.iterdir()] == ["record-k.json"]  # no temp file left


def test_key_must_be_a_key(tmp_path: Path, env: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        cache.load(tmp_path, "../escape", env)


def test_serialisation_is_stable(tmp_path: Path) -> None:
    text = fingerprint()
    fp = Fingerprint.from_json(text)
    assert fp.to_json() == text
    assert "é" in text  # names as they are
    (tmp_path / "a.sql").write_text("x")
    record = Record("0" * 32, fp, state.take(tmp_path), 1)
    again = Record.from_json(record.to_json())
    assert again == record and again.to_json() == record.to_json()
    assert Record.from_json(Record("1" * 32, None, record.folder, 0).to_json()).fingerprint is None
