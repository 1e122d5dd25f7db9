"""The output folder's state, told cheaply: every entry's kind, size, times and inode.

A quiet night must know that nobody touched the folder since the last run left it matching
the database, without reading thousands of files. Like git's index, pgdoc keeps what
`lstat` said of each entry (the folder and its object subfolders); when all of it is the
same, so are the files: any write changes a file's ctime, which no program can set back.

The one doubt is git's "racily clean" file: a write in the same tick of the file system's
clock as the one recorded leaves the times as they were. So a file whose times are less
than RACY_NS older than the moment its state was taken is also compared by content: its
sha256 is recorded (only pgdoc's own files, which pgdoc may read; any other such file
counts as changed), and checked again on the next look.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pgdoc.folder.contents import is_pgdocs
from pgdoc.folder.markers import OBJECT_FOLDERS

# Two seconds: well above any file system's timestamp tick that records nanoseconds or
# hundredths (ext4, xfs, btrfs, APFS, NTFS), and FAT's two seconds.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class FolderState:
    """path (relative, `/`-separated) -> (mode, size, mtime_ns, ctime_ns, inode, sha256 or
    ""), and when it was taken (ns since the epoch)."""

    entries: Mapping[str, tuple[int, int, int, int, int, str]]
    taken_ns: int

    def to_json(self) -> dict[str, Any]:
        return {"taken_ns": self.taken_ns,
                "entries": {k: list(v) for k, v in sorted(self.entries.items())}}

    @classmethod
    def from_json(cls, data: Any) -> FolderState:
        """ValueError when `data` is not one."""
        try:
            entries = {str(k): (int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]),
                                str(v[5])) for k, v in data["entries"].items()}
            return cls(entries, int(data["taken_ns"]))
        except (TypeError, KeyError, IndexError, AttributeError) as exc:
            raise ValueError(f"not a folder state: {exc}") from exc


def take(folder: Path, previous: FolderState | None = None,
         written: Mapping[str, str] | None = None) -> FolderState:
    """The folder's state now. Racy own files are hashed: from `written` (what this run
    just wrote there, by path: no need to read it back), or as `previous` recorded them
    (taken after that very write), else read."""
    now = time.time_ns()
    entries: dict[str, tuple[int, int, int, int, int, str]] = {}
    for rel, st in _scan(folder):
        key = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        sha = ""
        if _racy(st, now) and stat.S_ISREG(st.st_mode):
            old = previous.entries.get(rel) if previous is not None else None
            if written is not None and rel in written:
                sha = hashlib.sha256(written[rel].encode("utf-8", "surrogateescape")).hexdigest()
            elif old is not None and old[:5] == key and old[5]:
                sha = old[5]
            else:
                sha = _sha(folder, rel)
        entries[rel] = (*key, sha)
    return FolderState(entries, now)


def unchanged_since(folder: Path, saved: FolderState) -> bool:
    """Whether the folder holds exactly what it held when `saved` was taken."""
    seen = 0
    for rel, st in _scan(folder):
        old = saved.entries.get(rel)
        if old is None or old[:5] != (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns,
                                      st.st_ino):
            return False
        if (stat.S_ISREG(st.st_mode) and _racy(st, saved.taken_ns)
                and (not old[5] or _sha(folder, rel) != old[5])):
            return False
        seen += 1
    return seen == len(saved.entries)


def _racy(st: os.stat_result, taken_ns: int) -> bool:
    return max(st.st_mtime_ns, st.st_ctime_ns) > taken_ns - RACY_NS


def _sha(folder: Path, rel: str) -> str:
    """The content's sha256 of one of pgdoc's own files; "" for any other (not read)."""
    parent, _, name = rel.rpartition("/")
    where = folder / parent if parent else folder
    if not is_pgdocs(where, name):
        return ""
    try:
        with open(where / name, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return ""


def _scan(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every entry of the folder and of its object subfolders but hidden ones, by path."""
    try:
        top = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in sorted(top, key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        st = entry.stat(follow_symlinks=False)
        yield entry.name, st
        if entry.name in OBJECT_FOLDERS and stat.S_ISDIR(st.st_mode):
            with os.scandir(entry.path) as it:
                for sub in sorted(it, key=lambda e: e.name):
                    if not sub.name.startswith("."):
                        yield f"{entry.name}/{sub.name}", sub.stat(follow_symlinks=False)
