"""The output folder: a lock against concurrent syncs, and atomic, all-or-nothing,
change-only writes. What may be overwritten is decided in pgdoc.folder.contents."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from pgdoc.errors import OutputError

# Reading the folder lives in pgdoc.folder.contents; these stay importable from here.
from pgdoc.folder.contents import existing_files as existing_files
from pgdoc.folder.contents import few
from pgdoc.folder.contents import read_text as read_text

# How long a second sync waits for the first to finish before giving up (cron overlap).
LOCK_WAIT_SECONDS = 30.0
TEMP_PREFIX = ".pgdoc-tmp-"
_CHUNK = 1 << 20  # characters encoded and written at a time
FSYNC_EACH_MAX = 64  # more temp files than this are synced by one syncfs (Linux)


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


class Spares:
    """Empty temp files created ahead of `stage`, in a thread, while pg_dump runs. On some
    file systems creating a file costs the kernel far more than writing one (here 0.2 to
    1 ms against 15 µs), and a first sync creates one per table. Made only under the
    folder's lock; `close` removes those not taken (a killed run's are removed by the
    next run, see clean_temp_files)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ready: list[tuple[str, int, int]] = []  # path, st_dev, st_ino
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def make(self, count: int) -> None:
        """Start creating `count` temp files (a failure just leaves fewer: `stage` creates
        the rest itself, and reports what fails)."""
        if count > 0 and self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._make, args=(count,), daemon=True,
                                            name="pgdoc-spares")
            self._thread.start()

    def _make(self, count: int) -> None:
        for _ in range(count):
            if self._stop.is_set():
                return
            path = str(self.folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}")
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except OSError:
                return
            try:
                st = os.fstat(fd)
            finally:
                os.close(fd)
            with self._lock:
                self._ready.append((path, st.st_dev, st.st_ino))

    def _halt(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def take(self) -> tuple[str, int] | None:
        """A spare temp file opened for writing (path, fd), or None. It must still be the
        empty regular file made here: anything else in its place is left alone."""
        self._halt()
        while True:
            with self._lock:
                if not self._ready:
                    return None
                path, dev, ino = self._ready.pop()
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                continue
            st = os.fstat(fd)
            if (st.st_dev, st.st_ino) == (dev, ino) and stat.S_ISREG(st.st_mode) \
                    and st.st_size == 0:
                os.set_blocking(fd, True)
                return path, fd
            os.close(fd)

    def close(self) -> None:
        """Remove the spare files not taken."""
        self._halt()
        with self._lock:
            ready, self._ready = self._ready, []
        for path, _dev, _ino in ready:
            with contextlib.suppress(OSError):
                os.unlink(path)


@contextlib.contextmanager
def spare_files(folder: Path) -> Iterator[Spares]:
    """Spares for one run's writes, removed at its end whatever happens."""
    spares = Spares(folder)
    try:
        yield spares
    finally:
        spares.close()


def stage(folder: Path, files: Mapping[str, str], spares: Spares | None = None
          ) -> dict[str, str]:
    """Write every file to a temp file in the folder (a spare one when there is); returns
    name -> temp path. Nothing a reader sees changes yet, so a full disk fails here,
    before any document changes."""
    temps: dict[str, str] = {}
    try:
        for top in sorted({n.partition("/")[0] for n in files if "/" in n}):
            with contextlib.suppress(FileExistsError):  # checked: a folder, not a link
                os.mkdir(folder / top)
        for name, text in sorted(files.items()):
            spare = spares.take() if spares is not None else None
            if spare is not None:
                tmp, fd = spare
            else:
                tmp = str(folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}")
                # O_EXCL: never follow or reuse a planted file; mode 0666 minus the
                # umask, like any file the user creates.
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                for at in range(0, len(text), _CHUNK):  # no second copy of a big file
                    fh.write(text[at:at + _CHUNK].encode("utf-8", "surrogateescape"))
    except OSError as exc:
        discard(temps)
        raise _write_error(folder, exc) from exc
    return temps


def publish(folder: Path, temps: Mapping[str, str], delete: Iterable[str] = ()) -> None:
    """Sync the temp files that replace a file, then rename each over its document and
    delete `delete`: all or nothing. Every file to be replaced or deleted is first kept
    under a temp name (a hard link: nothing is copied), before the first rename; should a
    rename or deletion still fail, what was replaced is put back and the new files are
    removed. A run killed during the renames leaves each file whole, old or new. Table
    files are renamed first and the overview files (`_index.md`, ...) last, so an overview
    never lists a table file that is not there yet."""
    order = sorted(temps, key=lambda name: (not name.endswith(".sql"), name))
    delete = list(delete)
    kept: dict[str, str] = {}  # name -> temp path holding the file it replaces or deletes
    try:
        for name in [*order, *delete]:
            backup = _keep(folder / name, folder)
            if backup is not None:
                kept[name] = backup
        # Only a file that replaces one must be on disk before its rename: after a crash,
        # a new file (nothing there before) is at worst empty, the next run rewrites it.
        _sync(folder, [temps[name] for name in order if name in kept])
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
    """Make the temp files durable before any rename: an fsync per file when they are
    few, else one syncfs(2) of the folder's file system on Linux (thousands of per-file
    fsyncs cost seconds; but syncfs also waits for everyone else's dirty data, a
    database's included, which costs more than a few fsyncs)."""
    paths = list(paths)
    if _syncfs is not None and len(paths) > FSYNC_EACH_MAX:
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
