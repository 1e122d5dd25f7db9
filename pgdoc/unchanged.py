"""Quiet nights: know that nothing changed without running pg_dump.

After a run that left the output folder matching the database, pgdoc saves a record of that
moment (outside the docs, see pgdoc.folder.cache): the catalog's stamp and fingerprint (see
pgdoc.postgres.fingerprint) and the folder's state (pgdoc.folder.state). The next run looks
before it reads anything else:

1. the folder's state against the record's (one lstat per file);
2. the catalog's stamp (one scan of each catalog, ~0.2 s at 10,000 tables): when it and the
   folder are as recorded, nothing changed, and sync and check end there;
3. else the fingerprint, in the same psql run: when it is the recorded one, the change was
   none that shapes a file (a TRUNCATE, a temporary table); the record takes the new stamp.
   With the record's base (pgdoc.postgres.delta), only of the relations the catalog rows
   written since touch, merged with the record's.

The record is keyed by the server, the database, pgdoc's and pg_dump's versions and every
config fact that shapes a file. Anything that cannot be ruled out counts as a change (a full
read, never a missed one). `--full` skips the shortcut.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import pickle
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pgdoc import __version__
from pgdoc.config import Config
from pgdoc.docs.objects import defn_of
from pgdoc.docs.overview import prepare_overview
from pgdoc.docs.pieces import Memo, Pieces
from pgdoc.docs.render import MARKER
from pgdoc.errors import PgdocError
from pgdoc.folder import cache, state
from pgdoc.folder.contents import existing_files, has_own_files
from pgdoc.folder.plan import Docs
from pgdoc.model import Catalog
from pgdoc.postgres.archive import Entry
from pgdoc.postgres.fingerprint import (
    MIN_SERVER_VERSION,
    Fingerprint,
    read_stamped,
)
from pgdoc.postgres.tools import PgTools, choose_bin_dir
from pgdoc.read import Earlier, gc_paused, warm_version

FORMAT = 4  # of the record


@dataclass(frozen=True, eq=False)  # (equality: __eq__ below, by the parsed fingerprint)
class Record:
    """What the last run that left the folder matching the database saw."""

    stamp: str
    # None: only the stamp is known (a first sync). Read from a file, its data, parsed
    # when first asked for (`fingerprint`): a quiet night needs none of it.
    fingerprint_source: Fingerprint | Mapping[str, Any] | None
    folder: state.FolderState
    tables: int  # table files, for messages
    model: str = ""  # sha256 of the saved model (catalog and objects' entries), "" none
    # What `--json` says of the folder's tables when nothing changed since (pgdoc.cli)
    summary: Mapping[str, Any] | None = None
    # The catalog's rows then, for finding what changed since (pgdoc.postgres.delta); ""
    # none
    base: str = ""

    @functools.cached_property
    def fingerprint(self) -> Fingerprint | None:
        """The fingerprint of the catalog then; None when only the stamp is known (or the
        saved one does not parse: then the next change is read whole)."""
        source = self.fingerprint_source
        if source is None or isinstance(source, Fingerprint):
            return source
        try:
            return Fingerprint.from_data(source)
        except ValueError:
            return None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return ((self.stamp, self.fingerprint, self.folder, self.tables, self.model,
                 self.summary, self.base) == (other.stamp, other.fingerprint, other.folder,
                                              other.tables, other.model, other.summary,
                                              other.base))

    __hash__ = None  # type: ignore[assignment]  # (mutable parts)

    def to_json(self) -> str:
        source = self.fingerprint_source
        return json.dumps({
            "format": FORMAT, "stamp": self.stamp, "tables": self.tables, "model": self.model,
            "summary": self.summary, "base": self.base,
            "fingerprint": (source.to_data() if isinstance(source, Fingerprint)
                            else source),
            "folder": self.folder.to_json(),
        }, ensure_ascii=True, separators=(",", ":"), sort_keys=True)  # names may be any bytes

    @classmethod
    def from_json(cls, text: str) -> Record:
        """ValueError when the text is not a record of this format."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a pgdoc record of this format")
            fp = data["fingerprint"]
            return cls(stamp=str(data["stamp"]),
                       fingerprint_source=fp if isinstance(fp, dict) else None,
                       folder=state.FolderState.from_json(data["folder"]),
                       tables=int(data["tables"]), model=str(data["model"]),
                       summary=data.get("summary") if isinstance(data.get("summary"), dict)
                       else None,
                       base=data["base"] if isinstance(data.get("base"), str) else "")
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"not a pgdoc record: {exc}") from exc


@dataclass(frozen=True)
class Look:
    """What this run found before reading the database."""

    stamp: str | None  # None: not read (a folder without pgdoc's files, an old server)
    fingerprint: Fingerprint | None  # None: not read (the stamp was the recorded one)
    unchanged: bool  # the catalog and the folder are as the last matching run left them
    record: Record | None = None  # the record compared with
    same_folder: bool = False  # the folder is as the record saw it
    # The folder's table files (name -> text) and the record's model, read while the
    # fingerprint ran: None when not read (no refresh could start from the record, or
    # nothing changed).
    existing: dict[str, str] | None = None
    model: Model | None = None
    base: str | None = None  # read with the fingerprint (pgdoc.postgres.delta)


NOTHING = Look(None, None, False)


def look(cfg: Config, tools: PgTools, folder: Path) -> Look:
    """Compare the folder, then the catalog's stamp and (only when that differs) its
    fingerprint, with the saved record. A folder without pgdoc's files (a first sync) is
    not compared: nothing is read."""
    if not has_own_files(folder):
        return NOTHING
    with ThreadPoolExecutor(max_workers=1) as pool:
        # pg_dump's version (which pg_dump, and the record's key) while psql asks the
        # server for its own: two processes' start-up side by side.
        pool.submit(warm_version, tools)
        version = _server_version(tools)
    if version is None:
        return NOTHING
    tools.bin_dir = choose_bin_dir(tools, version)
    record = _load(cfg, tools, folder)
    same_folder = record is not None and _unchanged_since(folder, record.folder)
    saved_stamp = record.stamp if record is not None and same_folder else None
    # A refresh reads every table file (the index's fingerprint covers them all) and the
    # last whole read's model: when one may follow, both are read while the server
    # computes the fingerprint.
    refresh_possible = (same_folder and record is not None
                        and record.fingerprint_source is not None and bool(record.model))
    ahead = (cfg, tools, folder, record) if refresh_possible and record else None
    with _reading_ahead(ahead) as read:
        # The record's fingerprint, for a base to start from: parsed in the thread while
        # the server works (a cached property), asked for when the server answered.
        reading = read_stamped(tools, version, cfg.schemas, cfg.owners, cfg.grants,
                               saved_stamp, record.base if record else None,
                               (lambda: record.fingerprint) if record else None)
        if reading.fingerprint is None:  # the stamp, and the folder, are the recorded ones
            return Look(reading.stamp, None, True, record, same_folder)
        same = (same_folder and record is not None and record.fingerprint is not None
                and reading.fingerprint.comparable(record.fingerprint)
                and record.fingerprint == reading.fingerprint)
        existing, model = (None, None) if same else read()
    return Look(reading.stamp, reading.fingerprint, same, record, same_folder, existing, model,
                reading.base)


# The last whole read's catalog, the other objects' entries, the overview's pieces, and
# each relation's pickle (oid -> bytes)
Model = tuple[Catalog, list[Entry], "Pieces | None", dict[int, bytes]]


@contextlib.contextmanager
def _reading_ahead(what: tuple[Config, PgTools, Path, Record] | None
                   ) -> Iterator[Callable[[], tuple[dict[str, str] | None, Model | None]]]:
    """The folder's table files, then the model saved with the record, read in a thread
    meanwhile (nothing without `what`): yields what waits for them, each None when it
    could not be read (the refresh reads the files again, and reports what fails; a
    model that does not load means a whole read). At the end an unfinished reading stops
    (a quiet night needs neither)."""
    stop = threading.Event()

    def ahead() -> tuple[dict[str, str] | None, Model | None]:
        assert what is not None
        cfg, tools, folder, record = what
        try:
            files: dict[str, str] | None = existing_files(folder, MARKER, stop)
        except (OSError, PgdocError):
            files = None
        if stop.is_set():
            return files, None
        record.fingerprint  # noqa: B018 - parsed here, while the server works
        return files, None if stop.is_set() else _load_model(cfg, tools, folder, record.model)

    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(ahead) if what is not None else None

        def result() -> tuple[dict[str, str] | None, Model | None]:
            if reading is None or reading.exception() is not None:
                return None, None
            return reading.result()
        try:
            yield result
        finally:
            stop.set()


# A refresh of what changed pays one `pg_dump -t` (which still reads the whole catalog) and
# one pattern lookup per table: past this many tables, the whole dump is as cheap.
REFRESH_MAX = 100


def earlier(cfg: Config, tools: PgTools, folder: Path, seen: Look) -> Earlier | None:
    """What a sync may start from to read again only the relations that changed since the
    record (see pgdoc.read.Earlier), or None when it must read everything: no record of a
    whole read, the folder touched since, objects other than relations changed, or too
    many relations."""
    record, now = seen.record, seen.fingerprint
    if (record is None or not seen.same_folder or now is None or seen.stamp is None
            or record.fingerprint is None or not record.model
            or now.rest_changed(record.fingerprint)):
        return None
    changed = now.changed_relations(record.fingerprint)
    if not changed or len(changed) > REFRESH_MAX:
        return None
    model = seen.model or _load_model(cfg, tools, folder, record.model)
    if model is None:
        return None
    catalog, entries, pieces, blobs = model
    return Earlier(catalog=catalog, object_entries=entries, changed=frozenset(changed),
                   parents=dict(now.parents), stamp=seen.stamp, existing=seen.existing,
                   pieces=pieces, pickled={oid: (catalog.relations[oid], blob)
                                           for oid, blob in blobs.items()})


def settle(cfg: Config, tools: PgTools, folder: Path, seen: Look) -> None:
    """After a look that found nothing changed: save what the next look should compare with
    when this one had to do more than the least (a new stamp, files that were racy)."""
    record = seen.record
    if record is None or seen.stamp is None:
        return
    if seen.stamp == record.stamp and not any(e[5] for e in record.folder.entries.values()):
        return
    with contextlib.suppress(OSError, PgdocError):
        now = state.take(folder, previous=record.folder)
        # The base read with this look's fingerprint (the same moment as its stamp); else the
        # record's still holds (the rows written since shaped no file: the next look reads
        # them again).
        _save(cfg, tools, folder, Record(seen.stamp,
                                         seen.fingerprint or record.fingerprint_source,
                                         now, record.tables, record.model, record.summary,
                                         (seen.base or "") if seen.fingerprint is not None
                                         else record.base))


def start_model(cfg: Config, tools: PgTools, folder: Path, seen: Look | None,
                docs: Docs) -> Future[str] | None:
    """Start saving the model `remember` saves after this run, in a thread (the model needs
    the docs alone, the record the folder as written): while the files are written and
    committed. None when there is no model to save. A run that fails after leaves a model
    its record does not name: the next one reads everything."""
    memo = docs.memo
    if (_fingerprint_kept(seen, docs) is None or not docs.whole or memo is None
            or docs.view is None or len(memo.pieces.tables) != len(docs.relations)):
        return None  # (without all the overview's pieces yet, remember renders them)
    # A copy: the overview's writing may still hand pieces out meanwhile.
    pieces = Pieces(dict(memo.pieces.tables), dict(memo.pieces.erd))
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(_save_model, cfg, tools, folder, docs, pieces)
    finally:
        pool.shutdown(wait=False)


def remember(cfg: Config, tools: PgTools, folder: Path, seen: Look | None,
             docs: Docs, written: Mapping[str, str] | None = None,
             summary: Mapping[str, Any] | None = None,
             model: Future[str] | None = None) -> None:
    """After a run that left the folder matching the database as the dump's snapshot saw
    it (`snapshot_stamp`: the stamp read in that snapshot): save the record for the next
    run. The fingerprint read before the dump is kept only when the stamp shows nothing
    changed between the two; else only the stamp is (the next change costs a full read).
    `written`: what this run wrote (path -> text), whose hashes need no reading back;
    `summary`: what the next quiet night's `--json` says; `model`: the model's saving, when
    start_model started it. A failure here only costs a dump next time."""
    snapshot_stamp = docs.stamp
    if snapshot_stamp is None:
        return
    fp = _fingerprint_kept(seen, docs)
    with contextlib.suppress(OSError, PgdocError):
        sha = ""
        if model is not None:
            sha = model.result()
        elif docs.whole and fp is not None:
            sha = _save_model(cfg, tools, folder, docs, _pieces(cfg, docs))
        _save(cfg, tools, folder, Record(snapshot_stamp, fp,
                                         state.take(folder, written=written),
                                         len(docs.relations), sha, summary,
                                         (seen.base or "") if fp is not None and seen
                                         else ""))


def _fingerprint_kept(seen: Look | None, docs: Docs) -> Fingerprint | None:
    """The fingerprint the record keeps: the one read before the dump, when the stamp in
    the dump's snapshot shows nothing changed between the two (nor, then, between the
    look's stamp and its base: the record keeps that base with it)."""
    if docs.stamp is None or seen is None or seen.stamp != docs.stamp:
        return None
    return seen.fingerprint


def _save_model(cfg: Config, tools: PgTools, folder: Path, docs: Docs,
                pieces: Pieces | None) -> str:
    """Save the model of a whole read (or a refresh of one): its sha256, "" when it could
    not be saved. Secrets the docs withhold (a subscription's connection string, a user
    mapping's options) stay out of it too: a refresh writes the same."""
    try:
        entries = [dataclasses.replace(e, defn=d) if (d := defn_of(e)) != e.defn else e
                   for e in docs.unassigned]
        with gc_paused():
            # Each relation pickled on its own: a refresh keeps the bytes of those it did
            # not read again (the same objects as the model it started from held).
            blobs = {oid: kept[1] if (kept := docs.pickled.get(oid)) is not None
                     and kept[0] is rel else pickle.dumps(rel, protocol=_PROTOCOL)
                     for oid, rel in docs.catalog.relations.items()}
            shell = dataclasses.replace(docs.catalog, relations={})
            data = pickle.dumps((shell, blobs, entries, pieces), protocol=_PROTOCOL)
        sha = hashlib.sha256(data).hexdigest()
        # Not synced to disk: the record names its sha256, so a model a crash cut short
        # does not load (a whole read then), and the record is saved after it.
        if not cache.save_bytes(folder, _key(cfg, tools, folder), data, kind="model",
                                durable=False):
            return ""
        return sha
    except Exception:  # a model that cannot be saved is a miss next time, as one not loaded
        return ""


def _pieces(cfg: Config, docs: Docs) -> Pieces | None:
    """The overview's pieces for the model (pgdoc.docs.pieces): this run's, rendered now
    when it rendered no overview (it wrote nothing), so that the next refresh keeps them."""
    memo = docs.memo
    if memo is None or docs.view is None:
        return None
    if len(memo.pieces.tables) != len(docs.relations):
        memo = Memo()
        prepare_overview(docs.catalog, docs.view.rows, cfg.erd_max_tables, memo=memo)
    return memo.pieces


def _server_version(tools: PgTools) -> int | None:
    try:
        version = int(tools.run("psql", ["-X", "-A", "-t", "-q", "-c",
                                         "SHOW server_version_num"]).strip())
    except ValueError:
        return None
    return version if version >= MIN_SERVER_VERSION else None


def _unchanged_since(folder: Path, saved: state.FolderState) -> bool:
    try:
        return state.unchanged_since(folder, saved)
    except OSError:
        return False


_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _load_model(cfg: Config, tools: PgTools, folder: Path, sha: str) -> Model | None:
    """The catalog, the objects' entries, the overview's pieces and each relation's pickle
    saved with the record, if they are the ones it names. The cache folder is the user's
    own (0700, or the git dir): what pickle loads there, pgdoc wrote."""
    data = cache.load_bytes(folder, _key(cfg, tools, folder), kind="model")
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        return None
    try:
        with gc_paused(freeze=True):
            shell, blobs, entries, pieces = pickle.loads(data)
            relations = {oid: pickle.loads(blob) for oid, blob in blobs.items()}
            catalog = dataclasses.replace(shell, relations=relations)
    except Exception:  # a model that does not load is a miss
        return None
    if (not isinstance(catalog, Catalog) or not isinstance(entries, list)
            or not isinstance(pieces, Pieces | None)):
        return None
    return catalog, entries, pieces, blobs


def _load(cfg: Config, tools: PgTools, folder: Path) -> Record | None:
    text = cache.load(folder, _key(cfg, tools, folder))
    if text is None:
        return None
    try:
        return Record.from_json(text)
    except ValueError:
        return None


def _save(cfg: Config, tools: PgTools, folder: Path, record: Record) -> None:
    cache.save(folder, _key(cfg, tools, folder), record.to_json())


def _key(cfg: Config, tools: PgTools, folder: Path) -> str:
    shaping: dict[str, Any] = {
        "schemas": sorted(cfg.schemas), "include": list(cfg.include),
        "exclude": list(cfg.exclude), "partitions": cfg.partitions, "views": cfg.views,
        "erd_max_tables": cfg.erd_max_tables, "owners": cfg.owners, "grants": cfg.grants,
        "title": cfg.title,
    }
    parts: dict[str, str] = {
        # The record's stamp holds the cluster's identity and the database's name; the
        # target keeps two databases' records apart.
        "target": tools.target,
        "pgdoc": __version__,
        "pg_dump": ".".join(map(str, tools.version("pg_dump"))),
        "config": json.dumps(shaping, sort_keys=True),
    }
    return cache.key(parts, folder)
