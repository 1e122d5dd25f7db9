"""The output folder: a lock against concurrent syncs, and atomic, change-only writes."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from pgdoc.errors import OutputError

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
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(f"cannot read {path}: {exc}") from exc


def existing_files(folder: Path, marker: str) -> dict[str, str]:
    """The table files pgdoc wrote earlier: `*.sql` files whose first line is its marker."""
    out: dict[str, str] = {}
    if not folder.is_dir():
        return out
    try:
        paths = sorted(folder.iterdir())
    except OSError as exc:
        raise OutputError(f"cannot read output folder {folder}: {exc.strerror or exc}",
                          hint="check its permissions") from exc
    for path in paths:
        if path.suffix != ".sql" or not path.is_file() or path.name.startswith("."):
            continue
        text = read_text(path)
        if text is not None and text.startswith(marker + "\n"):
            out[path.name] = text
    return out


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
    """Sync the temp files, then rename each over its document and delete `delete`. A run
    killed during the renames leaves each file whole, old or new. Table files are renamed
    first and the overview files (`_index.md`, ...) last, so an overview never lists a
    table file that is not there yet."""
    try:
        _sync(folder, temps.values())
        for name, tmp in sorted(temps.items(), key=lambda item: (not item[0].endswith(".sql"),
                                                                    item[0])):
            os.replace(tmp, folder / name)
        for name in delete:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        _fsync_dir(folder)
    except OSError as exc:
        discard(temps)
        raise _write_error(folder, exc) from exc


def discard(temps: Mapping[str, str]) -> None:
    """Remove temp files that will not be renamed (those already renamed are gone)."""
    for tmp in temps.values():
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_error(folder: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write to {folder}: {exc.strerror or exc}",
                       hint="check free space and permissions; the docs were not changed")


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
