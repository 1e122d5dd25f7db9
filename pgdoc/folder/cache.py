"""Where the records of quiet nights (pgdoc.unchanged) wait between runs: outside the docs,
so a cache never makes a commit.

The place is `<git-dir>/pgdoc/` when the output folder is in a git work tree (git never
commits its own folder, and a clone starts without a cache), else
`${XDG_CACHE_HOME:-~/.cache}/pgdoc/`. One file per key: the key is a digest of everything
that shapes the files (server, database, pgdoc and pg_dump versions, config) and of the
output folder's path, so two configurations never share an entry. A cache that is missing,
unreadable or corrupt is a miss, never an error; a save that fails is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

CACHE_SUBDIR = "pgdoc"
LEGACY_PREFIX = "fingerprint-"  # pgdoc 0.2.0's entries: removed when seen
KEEP = 16  # entries kept per cache folder (a new pgdoc or pg_dump version makes new keys)


def key(key_parts: Mapping[str, str], folder: Path | None = None) -> str:
    """A file-name-safe digest of `key_parts` (and of the output folder's absolute path).
    Pass no secrets: the parts are hashed, but still."""
    parts = dict(key_parts)
    if folder is not None:
        parts["pgdoc.output_folder"] = str(_absolute(folder))
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def find_git_dir(start: Path) -> Path | None:
    """The git dir of the work tree holding `start` (which need not exist yet), found the
    way git finds it: the nearest `.git` folder, or `.git` file (`gitdir: ...`, as in
    worktrees and submodules), upwards. None outside any work tree."""
    here = _absolute(start)
    for folder in (here, *here.parents):
        dot_git = folder / ".git"
        try:
            if dot_git.is_dir():
                return dot_git
            if dot_git.is_file():
                text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("gitdir:"):
                    target = Path(text.removeprefix("gitdir:").strip())
                    return target if target.is_absolute() else (folder / target).resolve()
        except OSError:
            return None
    return None


def location(folder: Path, env: Mapping[str, str] | None = None) -> Path:
    """The cache folder for an output folder (see the module's docstring)."""
    git_dir = find_git_dir(folder)
    if git_dir is not None:
        return git_dir / CACHE_SUBDIR
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or ""
    # Per the XDG spec a relative XDG_CACHE_HOME is invalid and ignored.
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / CACHE_SUBDIR


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path.expanduser()))


KINDS = {"record": ".json", "model": ".pickle"}  # what a cache folder holds, by prefix


def _entry(folder: Path, entry_key: str, env: Mapping[str, str] | None,
           kind: str = "record") -> Path | None:
    """The file for a key, or None when the cache would sit inside the docs themselves
    (a cache folder in the output folder, but not in a git dir, could be committed)."""
    if not entry_key.isalnum():
        raise ValueError(f"not a cache key: {entry_key!r}")
    where = location(folder, env)
    docs = _absolute(folder)
    if find_git_dir(folder) is None and (where == docs or docs in where.parents):
        return None
    return where / f"{kind}-{entry_key}{KINDS[kind]}"


def load(folder: Path, entry_key: str, env: Mapping[str, str] | None = None) -> str | None:
    """The text saved under `entry_key` for this output folder, or None."""
    data = load_bytes(folder, entry_key, env)
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return None


def load_bytes(folder: Path, entry_key: str, env: Mapping[str, str] | None = None,
               kind: str = "record") -> bytes | None:
    path = _entry(folder, entry_key, env, kind)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except (OSError, ValueError):
        return None


def save(folder: Path, entry_key: str, text: str,
         env: Mapping[str, str] | None = None) -> bool:
    """Save atomically (temp file + rename: a reader sees the old entry or the new one,
    never half of one); False when it could not be saved, which only costs a dump later."""
    return save_bytes(folder, entry_key, text.encode("utf-8", "surrogateescape"), env)


def save_bytes(folder: Path, entry_key: str, data: bytes,
               env: Mapping[str, str] | None = None, kind: str = "record",
               durable: bool = True) -> bool:
    """Save atomically (see save); with `durable`, synced to disk before it replaces the
    old entry. Without, a crash may leave the new entry cut short or empty: only for
    entries whose readers check them whole (a model's sha256)."""
    path = _entry(folder, entry_key, env, kind)
    if path is None:
        return False
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(path.parent, keep=path, kind=kind)
    return True


def _prune(where: Path, keep: Path, kind: str = "record") -> None:
    """Drop all but the KEEP most recently written entries of a kind (old versions' keys)."""
    try:
        entries = sorted(where.glob(f"{kind}-*{KINDS[kind]}"),
                         key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    with contextlib.suppress(OSError):
        entries += where.glob(f"{LEGACY_PREFIX}*.json")
    for old in entries[KEEP:] + [e for e in entries[:KEEP] if e.name.startswith(LEGACY_PREFIX)]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
