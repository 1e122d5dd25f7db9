"""The output folder: a lock against concurrent syncs, and atomic, change-only writes.

pgdoc reads, overwrites and deletes only regular files that carry its marker (see
pgdoc.folder.markers); anything else is never opened, or read past its first bytes."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import secrets
import shutil
import stat
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from pgdoc.errors import FolderConflict, OutputError
from pgdoc.folder.markers import (
    HEAD_BYTES,
    INDEX_NAME,
    LEGACY_UNMARKED,
    has_marker,
    is_pgdoc_file,
)

# How long a second sync waits for the first to finish before giving up (cron overlap).
LOCK_WAIT_SECONDS = 30.0
TEMP_PREFIX = ".pgdoc-tmp-"
_CHUNK = 1 << 20  # characters encoded and written at a time


@contextlib.contextmanager
def locked(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the output folder itself (flock: it dies with the process,
    so a killed sync never leaves a stale lock, and no lock file litters the folder).
    Folders created for it are removed again when the run fails with them still empty."""
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(f"cannot use output folder {folder}: {exc.strerror}",
                          hint="check the path and its permissions") from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"another pgdoc run holds {folder} (waited {wait:g}s)",
                        hint="wait for it to finish, or check for a stuck process",
                    ) from None
                time.sleep(0.1)
        clean_temp_files(folder)
        _check_writable(folder)
        yield
    except BaseException:
        for path in created:  # deepest first; rmdir refuses folders that are not empty
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    finally:
        os.close(fd)


def _check_writable(folder: Path) -> None:
    """Fail before reading the database, not after, when the folder cannot take files."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {folder}: {exc.strerror or exc}",
                          hint="check its permissions and that it is not on a read-only "
                          "file system; nothing was changed") from exc


def clean_temp_files(folder: Path) -> None:
    """Remove temp files a killed run left behind (only ever called under the lock)."""
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def read_text(path: Path) -> str | None:
    """The text of a regular file; None when there is none (missing, or a directory, FIFO,
    device or symlink: never opened, so a FIFO cannot hang the sync). Bytes that are not
    UTF-8 read as U+FFFD: such a file differs from anything pgdoc writes."""
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
            return (data + fh.read()).decode("utf-8", "replace")
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


def existing_files(folder: Path, marker: str | None = None) -> dict[str, str]:
    """The table files pgdoc wrote earlier: regular `*.sql` files that start with its
    marker (see pgdoc.folder.markers; `marker`, when given, must start the file exactly).
    Any other `.sql` file, of any encoding, is somebody else's and is not read past its
    first bytes."""
    out: dict[str, str] = {}
    prefix = (marker or "")[:HEAD_BYTES]

    def ours(name: str, head: str) -> bool:
        return has_marker(name, head) and head.startswith(prefix)

    for entry in _entries(folder):
        if not entry.name.endswith(".sql") or not entry.is_file(follow_symlinks=False):
            continue
        text = _read(folder / entry.name, functools.partial(ours, entry.name))
        if text is not None and ours(entry.name, text):
            out[entry.name] = text
    return out


def own_files(folder: Path) -> list[str]:
    """Every regular file of the folder that pgdoc wrote (by its first bytes), by name:
    what a commit of the folder should take, and nothing else."""
    return [e.name for e in _entries(folder)
            if e.is_file(follow_symlinks=False) and is_pgdocs(folder, e.name)]


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
        elif not is_pgdocs(folder, name):
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
    if foreign and not adopt:
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


def stage(folder: Path, files: Mapping[str, str]) -> dict[str, str]:
    """Write every file to a temp file in the folder; returns name -> temp path. Nothing a
    reader sees changes yet, so a full disk fails here, before any document changes."""
    temps: dict[str, str] = {}
    try:
        for name, text in sorted(files.items()):
            tmp = str(folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}")
            # O_EXCL: never follow or reuse a planted file; mode 0666 minus the umask,
            # like any file the user creates.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                for at in range(0, len(text), _CHUNK):  # no second copy of a big file
                    fh.write(text[at:at + _CHUNK].encode("utf-8"))
    except OSError as exc:
        discard(temps)
        raise _write_error(folder, exc) from exc
    return temps


def publish(folder: Path, temps: Mapping[str, str], delete: Iterable[str] = ()) -> None:
    """Sync the temp files, then rename each over its document and delete `delete`: all
    or nothing. Every file to be replaced or deleted is first kept under a temp name (a
    hard link: nothing is copied), before the first rename; should a rename or deletion
    still fail, what was replaced is put back and the new files are removed. A run killed
    during the renames leaves each file whole, old or new. Table files are renamed first
    and the overview files (`_index.md`, ...) last, so an overview never lists a table
    file that is not there yet."""
    order = sorted(temps, key=lambda name: (not name.endswith(".sql"), name))
    delete = list(delete)
    kept: dict[str, str] = {}  # name -> temp path holding the file it replaces or deletes
    try:
        _sync(folder, temps.values())
        for name in [*order, *delete]:
            backup = _keep(folder / name, folder)
            if backup is not None:
                kept[name] = backup
    except OSError as exc:
        discard(temps)
        discard(kept)
        raise _write_error(folder, exc) from exc
    done: list[str] = []
    try:
        for name in order:
            os.replace(temps[name], folder / name)
            done.append(name)
        for name in delete:
            if name in kept:
                os.unlink(folder / name)
                done.append(name)
    except BaseException as exc:
        unrestored = _put_back(folder, done, kept, temps)
        discard(temps)
        discard({n: b for n, b in kept.items() if n not in unrestored})
        if not isinstance(exc, OSError):
            raise
        raise _publish_error(folder, exc, len(done), unrestored) from exc
    discard(kept)
    _fsync_dir(folder)


def _keep(path: Path, folder: Path) -> str | None:
    """Keep the file at `path` under a new temp name (None when there is no file): a hard
    link, or a copy where the file system has none."""
    backup = str(folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        os.link(path, backup, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        shutil.copyfile(path, backup, follow_symlinks=False)
    return backup


def _put_back(folder: Path, done: list[str], kept: Mapping[str, str],
              temps: Mapping[str, str]) -> list[str]:
    """Undo the renames and deletions in `done`; returns the names that could not be."""
    failed = []
    for name in reversed(done):
        try:
            if name in kept:
                os.replace(kept[name], folder / name)
            elif name in temps:
                os.unlink(folder / name)
        except OSError:
            failed.append(name)
    _fsync_dir(folder)
    return sorted(failed)


def discard(temps: Mapping[str, str]) -> None:
    """Remove temp files that will not be renamed (those already renamed are gone)."""
    for tmp in temps.values():
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_error(folder: Path, exc: OSError) -> OutputError:
    where = f"{exc.filename}" if exc.filename else str(folder)
    if where.startswith(str(folder / TEMP_PREFIX)):
        where = str(folder)
    return OutputError(f"cannot write to {where}: {exc.strerror or exc}",
                       hint="check free space and permissions; the docs were not "
                       "changed")


def _publish_error(folder: Path, exc: OSError, done: int,
                   unrestored: list[str]) -> OutputError:
    target = next((f for f in (exc.filename2, exc.filename)
                   if f and not os.path.basename(f).startswith(TEMP_PREFIX)), None)
    what = f"cannot write {target}" if target else f"cannot write to {folder}"
    if unrestored:
        return OutputError(
            f"{what}: {exc.strerror or exc}; the folder is partly updated: "
            f"{few(unrestored)} could not be put back",
            hint="fix the cause and run pgdoc sync again, or restore the folder from git",
        )
    back = f": the {done} files already replaced were put back" if done else ""
    return OutputError(f"{what}: {exc.strerror or exc}",
                       hint=f"check free space and permissions; the docs were not "
                       f"changed{back}")


def _sync(folder: Path, paths: Iterable[str]) -> None:
    """Make the temp files durable before any rename: one syncfs(2) of the folder's file
    system on Linux (thousands of per-file fsyncs cost seconds), else an fsync per file."""
    if _syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if _syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _load_syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.syncfs
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int]
    func.restype = ctypes.c_int
    return func


_syncfs = _load_syncfs()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
