"""Quiet nights: know that nothing changed without running pg_dump.

Before reading the database, pgdoc reads the catalog fingerprint (one lock-free query, see
pgdoc.postgres.fingerprint) and compares it with the one it saved after the last run that
left this folder matching the database. The saved one is keyed by the server, the
database, pgdoc's and pg_dump's versions, every config fact that shapes a file, and the
bytes of the folder's own files: when all of these are the same, so are the docs, and a
sync or check ends there. Anything that cannot be ruled out counts as a change (a full
read, never a missed one). `--full` skips the shortcut.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pgdoc import __version__
from pgdoc.config import Config
from pgdoc.errors import PgdocError
from pgdoc.folder import cache
from pgdoc.folder.contents import own_files
from pgdoc.postgres.fingerprint import MIN_SERVER_VERSION, Fingerprint, read_fingerprint
from pgdoc.postgres.tools import PgTools, choose_bin_dir


@dataclass(frozen=True)
class Look:
    """What the fingerprint said before this run read the database."""

    fingerprint: Fingerprint | None  # None: no fingerprint on this server (too old)
    unchanged: bool  # the catalog and the folder are as the last matching run left them


def look(cfg: Config, tools: PgTools, folder: Path) -> Look:
    """Read the fingerprint (before any pg_dump) and compare it with the saved one. A
    folder without pgdoc's files (a first sync) cannot be unchanged: nothing is read."""
    if not own_files(folder):
        return Look(None, False)
    try:
        version = int(tools.run("psql", ["-X", "-A", "-t", "-q", "-c",
                                         "SHOW server_version_num"]).strip())
    except ValueError:
        return Look(None, False)
    if version < MIN_SERVER_VERSION:
        return Look(None, False)
    tools.bin_dir = choose_bin_dir(tools, version)
    fp = read_fingerprint(tools, version, cfg.schemas, cfg.owners, cfg.grants)
    saved = cache.load(folder, _key(cfg, tools, folder, fp))
    same = saved is not None and fp.comparable(saved) and saved.to_json() == fp.to_json()
    return Look(fp, same)


def remember(cfg: Config, tools: PgTools, folder: Path, fp: Fingerprint | None) -> None:
    """After a run that left the folder matching the database as `fp` (read before the
    dump) describes it: save it for the next run. A failure here only costs a dump next
    time."""
    if fp is None:
        return
    with contextlib.suppress(OSError, PgdocError):
        cache.save(folder, _key(cfg, tools, folder, fp), fp)


def _key(cfg: Config, tools: PgTools, folder: Path, fp: Fingerprint) -> str:
    shaping = {
        "schemas": sorted(cfg.schemas), "include": list(cfg.include),
        "exclude": list(cfg.exclude), "partitions": cfg.partitions, "views": cfg.views,
        "erd_max_tables": cfg.erd_max_tables, "owners": cfg.owners, "grants": cfg.grants,
        "title": cfg.title,
    }
    return cache.key({
        "cluster": fp.system_identifier or tools.target,
        "database": fp.database,
        "pgdoc": __version__,
        "pg_dump": ".".join(map(str, tools.version("pg_dump"))),
        "config": json.dumps(shaping, sort_keys=True),
        "folder": _folder_digest(folder),
    }, folder)


def _folder_digest(folder: Path) -> str:
    """The names and bytes of the folder's own files (a hand edit, a deleted file, a new
    file of pgdoc's all change it)."""
    digest = hashlib.sha256()
    for name in sorted(own_files(folder)):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(b"\1unreadable")
        digest.update(b"\0")
    return digest.hexdigest()
