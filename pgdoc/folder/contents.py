"""What the output folder holds: pgdoc's own files (by their marker, see
pgdoc.folder.markers) and everybody else's, which pgdoc never overwrites, deletes, or
reads past their first bytes. Nothing that is not a regular file is ever opened: a FIFO
where a file should be cannot hang a sync, a device is never touched."""

from __future__ import annotations

import errno
import fcntl
import functools
import os
import stat
import struct
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from pgdoc.errors import FolderConflict, OutputError
from pgdoc.folder.markers import (
    HEAD_BYTES,
    INDEX_NAME,
    LEGACY_UNMARKED,
    OBJECT_FOLDERS,
    has_marker,
    is_pgdoc_file,
)


def read_text(path: Path) -> str | None:
    """The text of a regular file; None when there is none (missing, or a directory, FIFO,
    device or symlink: never opened, so a FIFO cannot hang the sync). Bytes that are not
    UTF-8 read as surrogates (`surrogateescape`), as the archive's text does: a file of an
    SQL_ASCII database's bytes reads back as the text it was written from."""
    return _read(path, lambda _head: True)


def read_head(path: Path, size: int = HEAD_BYTES) -> str | None:
    """The first `size` bytes of a regular file, as text (see read_text); enough to tell
    pgdoc's files by their marker without reading a foreign file whole."""
    return _read(path, lambda _head: False, size)


def _read(path: Path, whole: Callable[[str], bool], size: int = HEAD_BYTES) -> str | None:
    """The first `size` bytes of a regular file as text, and the rest too when `whole`
    says so of those: one open, and a foreign file is never read past its head."""
    fd = _open_regular(path)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(size)
            head = data.decode("utf-8", "replace")
            if not whole(head):
                return head
            return (data + fh.read()).decode("utf-8", "surrogateescape")
    except OSError as exc:
        raise OutputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _open_regular(path: Path) -> int | None:
    """A descriptor of `path` when it is a regular file, else None. lstat decides before
    anything is opened (opening a FIFO blocks, opening a device may act); O_NOFOLLOW,
    O_NONBLOCK and fstat cover a swap in between."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a symlink
            return None
        raise OutputError(f"cannot read {path}: {exc.strerror or exc}",
                          hint="check its permissions") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _what(mode: int) -> str | None:
    """What a directory entry is, for messages; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a symbolic link"),
                       (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return what
    return "not a regular file"


def is_pgdocs(folder: Path, name: str) -> bool:
    """Whether `folder/name` is a regular file pgdoc wrote (by its first bytes)."""
    head = read_head(folder / name)
    if head is None:
        return False
    index_is_pgdocs = name == LEGACY_UNMARKED and is_pgdocs(folder, INDEX_NAME)
    return is_pgdoc_file(name, head, index_is_pgdocs)


def read_pgdocs(folder: Path, name: str) -> str | None:
    """The text of `folder/name` when pgdoc wrote it; None otherwise (a foreign file is
    never read beyond its first bytes)."""
    return read_text(folder / name) if is_pgdocs(folder, name) else None


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    """The folder's entries but hidden ones (temp files, .git, ...), by name."""
    if not folder.is_dir():
        return []
    try:
        with os.scandir(folder) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        raise OutputError(f"cannot read output folder {folder}: {exc.strerror or exc}",
                          hint="check its permissions") from exc


def existing_files(folder: Path, marker: str | None = None,
                   stop: threading.Event | None = None) -> dict[str, str]:
    """The table files pgdoc wrote earlier: regular `*.sql` files that start with its
    marker (see pgdoc.folder.markers; `marker`, when given, must start the file exactly).
    Any other `.sql` file, of any encoding, is somebody else's and is not read past its
    first bytes. Once `stop` is set, it returns what it has read so far."""
    out: dict[str, str] = {}
    prefix = (marker or "")[:HEAD_BYTES]

    def ours(name: str, head: str) -> bool:
        return has_marker(name, head) and head.startswith(prefix)

    for entry in _entries(folder):
        if stop is not None and stop.is_set():
            break
        if not entry.name.endswith(".sql") or not entry.is_file(follow_symlinks=False):
            continue
        text = _read(folder / entry.name, functools.partial(ours, entry.name))
        if text is not None and ours(entry.name, text):
            out[entry.name] = text
    return out


def existing_object_files(folder: Path) -> dict[str, str]:
    """The object files pgdoc wrote earlier, directly in its subfolders (`functions/`,
    `types/`, `sequences/`, `objects/`; real folders, never symlinks): path -> text."""
    out: dict[str, str] = {}
    for entry in _entries(folder):
        if entry.name in OBJECT_FOLDERS and entry.is_dir(follow_symlinks=False):
            for name, text in existing_files(folder / entry.name).items():
                out[f"{entry.name}/{name}"] = text
    return out


def own_files(folder: Path) -> list[str]:
    """Every regular file of the folder that pgdoc wrote (by its first bytes), by name:
    what a commit of the folder should take, and nothing else."""
    return [e.name for e in _entries(folder)
            if e.is_file(follow_symlinks=False) and is_pgdocs(folder, e.name)]


def has_own_files(folder: Path) -> bool:
    """Whether the folder holds any file pgdoc wrote (stops at the first)."""
    return any(e.is_file(follow_symlinks=False) and is_pgdocs(folder, e.name)
               for e in _entries(folder))


def foreign_entries(folder: Path, tables: Mapping[str, str]) -> dict[str, str]:
    """What else the folder holds that pgdoc did not write, besides its table files
    `tables` (see existing_files): name -> what it is. pgdoc leaves all of it alone."""
    out: dict[str, str] = {}
    for entry in _entries(folder):
        if entry.name in tables:
            continue
        try:
            what = _what(entry.stat(follow_symlinks=False).st_mode)
        except FileNotFoundError:
            continue
        if what is not None:
            out[entry.name] = what
        elif not is_pgdocs(folder, entry.name):
            out[entry.name] = "a file pgdoc did not write"
    return out


def check_targets(folder: Path, names: Iterable[str], adopt: bool = False) -> None:
    """Refuse, before anything is written, to write where pgdoc may not: over a
    directory, FIFO, socket, device or symlink (always), over an immutable file, or over
    a file pgdoc did not write (unless `adopt`). Names up to a few of them."""
    odd, frozen, foreign = [], [], []
    for top in sorted({n.partition("/")[0] for n in names if "/" in n}):
        try:  # pgdoc's subfolder of object files: a real folder, or nothing yet
            if not stat.S_ISDIR(os.lstat(folder / top).st_mode):
                odd.append(f"{top} (not a folder)")
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OutputError(f"cannot check {folder / top}: {exc.strerror or exc}",
                              hint="check its permissions; nothing was written") from exc
    for name in sorted(set(names)):
        path = folder / name
        try:
            what = _what(os.lstat(path).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise OutputError(f"cannot check {path}: {exc.strerror or exc}",
                              hint="check its permissions; nothing was written") from exc
        if what is not None:
            odd.append(f"{name} ({what})")
        elif _immutable(path):
            frozen.append(name)
        elif not adopt and not is_pgdocs(folder, name):
            foreign.append(name)
    if odd:
        raise FolderConflict(
            f"cannot write in {folder}: {few(odd)} stand{'s' if len(odd) == 1 else ''} "
            "where pgdoc's files go",
            hint="move or rename them; nothing was written",
        )
    if frozen:
        raise OutputError(
            f"cannot write in {folder}: {few(frozen)} "
            f"{'is' if len(frozen) == 1 else 'are'} immutable or append-only",
            hint="lift it with chattr -i / chattr -a; nothing was written",
        )
    if foreign:
        raise FolderConflict(
            f"{folder} holds {'a file' if len(foreign) == 1 else 'files'} pgdoc did not write "
            f"where it would write: {few(foreign)}",
            hint="move them away, or let pgdoc take them over with --adopt (adopt: true in "
            "the config); nothing was written",
        )


def few(names: list[str], limit: int = 3) -> str:
    """`a, b, c and 4 more`."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"


# FS_IOC_GETFLAGS is _IOR('f', 1, long); the kernel reads and writes an int.
_FS_IOC_GETFLAGS = 0x80006601 | (struct.calcsize("l") << 16)
_FS_IMMUTABLE_FL, _FS_APPEND_FL = 0x10, 0x20


def _immutable(path: Path) -> bool:
    """chattr +i or +a (Linux): rename(2) over such a file fails with EPERM."""
    if not sys.platform.startswith("linux"):
        return False
    fd = _open_regular(path)
    if fd is None:
        return False
    try:
        flags = struct.unpack("i", fcntl.ioctl(fd, _FS_IOC_GETFLAGS, b"\0" * 8)[:4])[0]
    except OSError:  # a file system without these flags
        return False
    finally:
        os.close(fd)
    return bool(flags & (_FS_IMMUTABLE_FL | _FS_APPEND_FL))
