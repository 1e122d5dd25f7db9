"""Read the database in one snapshot: catalog and pg_dump archive -> entries per file -> render.

`collect` opens a session whose exported snapshot every pg_dump imports, reads the catalog
in that same transaction, reads the output folder meanwhile (see pgdoc.folder.plan), and
renders every table file in memory; `survey` adds the comparison with the folder. Nothing
is written here: pgdoc.folder.plan.apply writes, only after every dump has succeeded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ParamSpec

from pgdoc.config import Config
from pgdoc.docs.objects import (
    assign_objects,
    index_sections,
    render_object_file,
    schema_json_objects,
)
from pgdoc.docs.overview import REQUIRED
from pgdoc.docs.pieces import Memo, Pieces
from pgdoc.docs.render import MARKER, compose, render_header
from pgdoc.docs.split import (
    PG_CLASS,
    PG_STATISTIC_EXT,
    Options,
    canonical_order,
    render_ddl,
    split_entries,
)
from pgdoc.errors import ConfigError, SchemaChanged, ToolError
from pgdoc.folder.contents import read_head
from pgdoc.folder.naming import table_filename
from pgdoc.folder.plan import Docs, Plan, look, plan
from pgdoc.folder.writer import Spares, existing_files
from pgdoc.model import Catalog, ForeignKey, Index, Relation, fold_foreign_keys, root_of
from pgdoc.model_objects import ObjectFacts
from pgdoc.postgres.archive import Archive, ArchiveError, Entry, read_archive
from pgdoc.postgres.catalog import (
    documented,
    load_catalog,
    load_indexes,
    matches,
    merge_catalog,
    select_tables,
    with_indexes,
)
from pgdoc.postgres.fingerprint import (
    MIN_SERVER_VERSION,
    STAMP_VARIABLE,
    parse_stamp,
    stamp_sql,
)
from pgdoc.postgres.objects import read_objects
from pgdoc.postgres.session import Probe, Session
from pgdoc.postgres.tools import Buffer, Child, PgTools, choose_bin_dir, end_children
from pgdoc.progress import Progress

P = ParamSpec("P")


def options_of(cfg: Config) -> Options:
    return Options(owners=cfg.owners, grants=cfg.grants)


def _pattern(schema: str, name: str) -> str:
    """A pg_dump -t/-n pattern matching exactly this name: quoted, so that case, dots,
    `*` and `?` are literal; an embedded `"` is doubled."""
    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'
    return f"{q(schema)}.{q(name)}" if name else q(schema)


def _retry_if_changed(func: Callable[P, Docs]) -> Callable[P, Docs]:
    """Read everything once more when a table was dropped between the snapshot and
    pg_dump's lock on it (concurrent DDL); a second failure is reported, nothing having
    been written."""
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Docs:
        try:
            return func(*args, **kwargs)
        except SchemaChanged:
            return func(*args, **kwargs)
    return wrapper


class Dump:
    """One pg_dump writing a custom-format archive to its stdout, in the session's snapshot."""

    def __init__(self, tools: PgTools, args: list[str], probe: Probe) -> None:
        self.sink = Buffer()
        encoding = ["--encoding=SQL_ASCII"] if probe.encoding == "SQL_ASCII" else []
        self.child: Child = tools.start(
            "pg_dump", [*tools.pg_dump_args(args, probe.snapshot), *encoding], out=self.sink)

    def archive(self) -> Archive:
        self.child.wait()
        data = self.sink.take()
        try:
            return read_archive(data)
        except ArchiveError as exc:
            raise ToolError(f"cannot read pg_dump's archive: {exc}",
                            hint="use a pg_dump from PostgreSQL 12 to 18, or set pg_bin_dir") \
                from None


@dataclasses.dataclass(frozen=True)
class Earlier:
    """What the last whole read saw, for a sync that reads again only the relations whose
    files may have changed (see pgdoc.unchanged.earlier)."""

    catalog: Catalog  # the whole catalog then (without owners and names)
    object_entries: list[Entry]  # the archive's entries of the other objects then
    changed: frozenset[int]  # relations (by oid) changed, added or gone since
    parents: Mapping[int, int]  # partition -> parent, now
    stamp: str  # the catalog's stamp when `changed` was found
    existing: dict[str, str] | None = None  # the folder's table files, when read already
    pieces: Pieces | None = None  # the overview's pieces then (pgdoc.docs.pieces)
    # oid -> (the relation as the model held it, its pickle), kept for the next model
    pickled: Mapping[int, tuple[Relation, bytes]] = dataclasses.field(default_factory=dict)


class NotPartial(Exception):
    """What changed needs a whole read (a sequence of its own, extended statistics, a
    change while the refresh was being read, ...)."""


@_retry_if_changed
def collect(cfg: Config, tools: PgTools, tables: Iterable[str] = (), per_table: bool = False,
            progress: Progress | None = None, folder: Path | None = None,
            prune: bool = False, earlier: Earlier | None = None,
            spares: Spares | None = None) -> Docs:
    """Read the database and render every table file in memory; with `folder`, also read
    that folder (see FolderView), and have `spares` make the temp files its new table files
    will need.

    pg_dump is the long pole, and the rest happens while it runs: the catalog query in the
    snapshot's session, the folder read, the headers and the overview rendered. Only the
    split waits for the dump. Any failure ends every child process at once."""
    try:
        if earlier is not None:
            return _refresh(cfg, tools, earlier, progress, folder, prune)
        return _collect(cfg, tools, list(tables), per_table, progress, folder, prune, spares)
    except BaseException:
        end_children()
        raise


def _collect(cfg: Config, tools: PgTools, tables: list[str], per_table: bool,
             progress: Progress | None, folder: Path | None, prune: bool,
             spares: Spares | None = None) -> Docs:
    progress = progress or Progress(enabled=False)
    fold = cfg.partitions == "fold"
    options = options_of(cfg)
    progress.phase("Connecting")
    with gc_paused(freeze=True), ThreadPoolExecutor(max_workers=2) as pool:
        # pg_dump's version is asked (and cached) while psql connects.
        pool.submit(warm_version, tools)
        with Session(tools, cfg.schemas) as session:
            found = _opened(session, cfg, tools, folder)
            progress.phase("Reading the catalog and dumping the schema")
            # The whole database's dump needs nothing from the catalog: it starts at once. It
            # also gives the other objects' files (with --per-table too), unless only some
            # tables are refreshed.
            at_once = not tables and not cfg.exclude
            dumps: list[Dump] = []
            if at_once:
                dumps.append(Dump(tools, _schema_args(cfg.schemas, found.partition_schemas),
                                  found))
            # The other objects' facts are read in a second session that joins the
            # snapshot, beside the catalog query (not when only some tables are refreshed).
            side = pool.submit(_read_objects, tools, cfg, found) if not tables else None
            catalog = load_catalog(session, found.version, cfg.schemas, cfg.views,
                                   indexes=side is None)
            facts, stamp = None, None
            if side is not None:
                facts, stamp, indexes = side.result()
                catalog = with_indexes(catalog, indexes)
            rels = documented(catalog, cfg.include, cfg.exclude, fold)
            filenames = {r.oid: table_filename(r.schema, r.name) for r in rels}
            wanted = select_tables(rels, tables) if tables else rels
            if not dumps and not (per_table and tables):
                # pg_dump -t leaves extended statistics out: tables with some are read from
                # the whole dump.
                if tables and len(wanted) <= 2 * cfg.jobs and not _has_statistics(
                        catalog, wanted, fold):
                    args = _table_args(catalog, wanted, fold)
                else:
                    args = (_schema_args(cfg.schemas, found.partition_schemas)
                            + _excluded_args(catalog, cfg.exclude, fold))
                dumps.append(Dump(tools, args, found))
            if per_table:
                by_rel = dump_per_table(tools, catalog, wanted, fold, cfg.jobs, progress,
                                        found, options)
            headers = render_headers(catalog, wanted, filenames)
            existing = existing_files(folder, MARKER) if folder is not None else {}
            if spares is not None:
                spares.make(_spares_needed(wanted, filenames, existing))
            # A first sync (no table file of pgdoc's yet) saves no model: its pieces go
            # unkept.
            memo = Memo(keep=bool(existing))
            view = (look(folder, catalog, rels, filenames, prune, cfg.erd_max_tables, existing,
                         cfg.title, tools.version("pg_dump")[0], memo=memo)
                    if folder is not None else None)
            del existing
            _wait_dumped(dumps)
            # The transaction ends once every pg_dump is done with its snapshot.
        unassigned: list[Entry] = []
        if dumps:
            entries = [e for d in dumps for e in d.archive().entries]
            dumps.clear()
            whole_by_rel, unassigned = _split(entries, catalog, wanted, fold, options)
            del entries
            if not per_table:
                by_rel = whole_by_rel
                check_complete(wanted, by_rel, _dumped_schemas(cfg, found, tables))
            else:
                _add_statistics(by_rel, whole_by_rel)
            del whole_by_rel
        objects, sections, object_json = (
            _object_files(unassigned, facts, options) if facts is not None else (None, [], {}))
    # The catalog's owners and names serve only the split: freed before the files are
    # rendered and compared.
    catalog = dataclasses.replace(catalog, owners={}, names={})
    files = _table_files(wanted, filenames, headers, by_rel, options)
    progress.close()
    return Docs(catalog=catalog, relations=rels, filenames=filenames, files=files,
                subset=bool(tables), unassigned=unassigned, view=view, objects=objects,
                object_sections=sections, object_json=object_json, stamp=stamp,
                whole=not tables, memo=memo)


def _refresh(cfg: Config, tools: PgTools, earlier: Earlier, progress: Progress | None,
             folder: Path | None, prune: bool) -> Docs:
    """Read again only what `earlier.changed` names: those relations' catalog facts, merged
    into the earlier whole catalog, and one `pg_dump -t` for them; the other objects'
    files from their earlier entries with their facts read now. The other table files are
    the folder's, unchanged. The result is what a whole read gives (see the battery in
    tests/test_battery.py); raises NotPartial when only a whole read can be sure."""
    progress = progress or Progress(enabled=False)
    fold = cfg.partitions == "fold"
    options = options_of(cfg)
    with gc_paused(freeze=True), ThreadPoolExecutor(max_workers=2) as pool:
        pool.submit(warm_version, tools)
        with Session(tools, cfg.schemas) as session:
            found = _opened(session, cfg, tools, folder)
            progress.phase("Reading what changed")
            joined = threading.Event()
            # Facts only of the sequences with files of their own (the rest are in their
            # tables' files): the other objects' entries are the earlier ones.
            sequences = {e.oid for e in earlier.object_entries if e.tableoid == PG_CLASS}
            side = pool.submit(_read_objects, tools, cfg, found, False, joined, sequences)
            only = _trees(earlier) if fold else set(earlier.changed)
            fresh = load_catalog(session, found.version, cfg.schemas, cfg.views, only=only)
            known = {*earlier.catalog.relations, *fresh.relations}
            owned = {oid for (tableoid, oid) in fresh.owners if tableoid == PG_CLASS}
            objects_then = {e.oid for e in earlier.object_entries if e.tableoid == PG_CLASS}
            for oid in earlier.changed:
                # A sequence of its own (or a relation of a kind or schema not documented)
                # has an object file, or none: only a whole read is sure of it.
                if oid in objects_then or (oid not in known and oid not in owned):
                    raise NotPartial(f"relation {oid} has no table file")
            catalog = merge_catalog(earlier.catalog, fresh, only | earlier.changed,
                                    cfg.schemas)
            rels = documented(catalog, cfg.include, cfg.exclude, fold)
            filenames = {r.oid: table_filename(r.schema, r.name) for r in rels}
            files_of = {root_of(catalog, o) if fold else o for o in only if o in fresh.relations}
            wanted = [r for r in rels if r.oid in files_of]
            if _has_statistics(catalog, wanted, fold):
                raise NotPartial("pg_dump -t leaves extended statistics out")
            dumps = []
            if wanted:
                args = _table_args(catalog, wanted, fold)
                dumps.append(Dump(tools, args, found))
            # While pg_dump -t runs (it reads the whole catalog first): the headers, the
            # folder and the overview, which needs the catalog alone (and a write is
            # likely).
            headers = render_headers(catalog, wanted, filenames)
            # The overview's pieces that read no relation read again are kept.
            memo = Memo(earlier.pieces, only | earlier.changed)
            view = (look(folder, catalog, rels, filenames, prune, cfg.erd_max_tables,
                         earlier.existing, cfg.title, tools.version("pg_dump")[0],
                         expect_writes=bool(wanted), memo=memo)
                    if folder is not None else None)
            while not joined.wait(0.05):
                if side.done():  # it failed before joining: its error is raised below
                    break
            _wait_dumped(dumps)
        facts, stamp, _ = side.result()
        if stamp != earlier.stamp:  # in the snapshot: what changed is not what was found
            raise NotPartial("the catalog changed again before it was read")
        by_rel: dict[int, list[Entry]] = {}
        if dumps:
            by_rel, unassigned = _split(dumps[0].archive().entries, catalog, wanted, fold,
                                        options)
            if unassigned:
                raise NotPartial("the refreshed tables' dump holds entries of other objects")
            check_complete(wanted, by_rel)
        objects, sections, object_json = _object_files(earlier.object_entries, facts, options)
    catalog = dataclasses.replace(catalog, owners={}, names={})
    files = _table_files(wanted, filenames, headers, by_rel, options)
    progress.close()
    return Docs(catalog=catalog, relations=rels, filenames=filenames, files=files,
                subset=True, unassigned=list(earlier.object_entries), view=view,
                objects=objects, object_sections=sections, object_json=object_json,
                stamp=earlier.stamp, whole=True, memo=memo, pickled=earlier.pickled)


def _spares_needed(wanted: list[Relation], filenames: dict[int, str],
                   existing: Mapping[str, str]) -> int:
    """Temp files worth making ahead: one per new table file, and then the overview's."""
    new = sum(1 for r in wanted if filenames[r.oid] not in existing)
    return new + len(REQUIRED) if new else 0


def _opened(session: Session, cfg: Config, tools: PgTools, folder: Path | None) -> Probe:
    """What the snapshot's session found first, checked, with the pg_dump to use chosen
    and the session's client encoding set."""
    found = session.probe
    assert found is not None
    _check_schemas(cfg, found)
    tools.bin_dir = choose_bin_dir(tools, found.version,
                                   recorded_pg_dump_major(folder) if folder else None)
    _set_client_encoding(session, found)
    return found


def _table_args(catalog: Catalog, rels: list[Relation], fold: bool) -> list[str]:
    """`-t` for each relation (and its partitions, when they fold into it)."""
    return [a for r in rels for t in _tree(catalog, r, fold)
            for a in ("-t", _pattern(t.schema, t.name))]


def _table_files(wanted: list[Relation], filenames: dict[int, str], headers: dict[int, str],
                 by_rel: dict[int, list[Entry]], options: Options) -> dict[str, str]:
    """Each relation's file: its header, then its entries (both dicts emptied as they go)."""
    return {filenames[r.oid]: compose(headers.pop(r.oid),
                                      render_ddl(by_rel.pop(r.oid, []), options))
            for r in wanted}


def _object_files(entries: list[Entry], facts: ObjectFacts, options: Options
                  ) -> tuple[dict[str, str], list[str], dict[str, list[dict[str, Any]]]]:
    """The other objects' files (path -> text), their index sections and schema.json lists."""
    assigned = assign_objects(entries, facts, grants=options.grants)
    objects = {path: render_object_file(path, es, facts, options)
               for path, es in assigned.items()}
    return objects, index_sections(facts, assigned), schema_json_objects(facts, assigned)


def _trees(earlier: Earlier) -> set[int]:
    """The changed relations' whole partition trees (their roots' files show them all),
    as the partitions' parents are now and were then."""
    parents = dict(earlier.parents)
    for rel in earlier.catalog.relations.values():
        if rel.parent is not None:
            parents.setdefault(rel.oid, rel.parent)
    kids: dict[int, list[int]] = {}
    for kid, parent in parents.items():
        kids.setdefault(parent, []).append(kid)
    out: set[int] = set()
    for oid in earlier.changed:
        root = oid
        while root in parents and root not in out:
            root = parents[root]
        stack = [root]
        while stack:
            here = stack.pop()
            if here not in out:
                out.add(here)
                stack.extend(kids.get(here, ()))
    return out


def _has_statistics(catalog: Catalog, rels: list[Relation], fold: bool) -> bool:
    """Whether any of these relations (or a partition folded into one) owns extended
    statistics, which only a dump of its schema writes."""
    owning = {rel for (tableoid, _oid), rel in catalog.owners.items()
              if tableoid == PG_STATISTIC_EXT}
    return any(t.oid in owning for r in rels for t in _tree(catalog, r, fold))


def _add_statistics(by_rel: dict[int, list[Entry]], whole: dict[int, list[Entry]]) -> None:
    """The per-table path: each table's extended statistics (and what annotates them) from
    the whole dump, since `pg_dump -t` leaves them out."""
    for oid, entries in whole.items():
        stats = {e.dump_id for e in entries if e.desc == "STATISTICS"}
        if not stats or oid not in by_rel:
            continue
        extra = [e for e in entries if e.dump_id in stats or set(e.deps) & stats]
        by_rel[oid] = canonical_order([*by_rel[oid], *extra], oid)


def _read_objects(tools: PgTools, cfg: Config, found: Probe, indexes: bool = True,
                  joined: threading.Event | None = None,
                  sequences: Collection[int] | None = None,
                  ) -> tuple[ObjectFacts, str | None, dict[int, tuple[Index, ...]]]:
    """The other objects' facts (with `sequences`, of those sequences only), the catalog's
    stamp and (with `indexes`) the relations' indexes, read in a session of the same
    snapshot, beside the catalog query. `joined` is set once the session has imported the
    snapshot (the exporting transaction must last until then)."""
    with Session(tools, cfg.schemas, snapshot=found.snapshot) as side:
        if joined is not None:
            joined.set()
        _set_client_encoding(side, found)
        return (read_objects(side, found.version, sequences), read_stamp(side, found.version),
                load_indexes(side, found.version, cfg.views) if indexes else {})


def read_stamp(session: Session, version: int) -> str | None:
    """The catalog's stamp (pgdoc.postgres.fingerprint.stamp_sql) in the session's
    snapshot; None on a server too old for one."""
    if version < MIN_SERVER_VERSION:
        return None
    answer = Buffer()
    session.query(stamp_sql(version) + f"SELECT :'{STAMP_VARIABLE}';", answer)
    return parse_stamp(answer.data().decode("ascii", "replace").strip("\0\n"))


def _set_client_encoding(session: Session, found: Probe) -> None:
    """In an SQL_ASCII database names may be any bytes: passed through as they are."""
    if found.encoding == "SQL_ASCII":
        session.query("SET client_encoding = 'SQL_ASCII';", Buffer())


def _check_schemas(cfg: Config, found: Probe) -> None:
    """`schemas:` naming a schema that does not exist is a config mistake, not an empty
    database: exit 2 naming the key."""
    missing = sorted(set(cfg.schemas) - set(found.existing_schemas))
    if missing:
        where = f"{cfg.source}: " if cfg.source else ""
        raise ConfigError(
            f"{where}'schemas' names schemas the database does not have: "
            + ", ".join(repr(m) for m in missing),
            hint="check the spelling (names are case-sensitive); `psql -c '\\dn'` lists them")


def _wait_dumped(dumps: list[Dump]) -> None:
    """Wait for every pg_dump to end. The snapshot's transaction must last until each has
    imported the snapshot, and pg_dump says so in no way that is the same in every major
    (18 prints a line before it imports): its end is the one sure sign. Waiting costs no
    time (the archive is needed next) and no lock pg_dump does not hold anyway."""
    for dump in dumps:
        dump.child.wait()


def _dumped_schemas(cfg: Config, found: Probe, tables: list[str]) -> Collection[str] | None:
    # With `schemas:` the whole dump covers only those (and their partitions').
    if cfg.schemas and not tables:
        return {*cfg.schemas, *found.partition_schemas}
    return None


def _tree(catalog: Catalog, rel: Relation, fold: bool) -> list[Relation]:
    """A relation and, when partitions fold into it, every partition below it."""
    out = [rel]
    if fold:
        for kid in catalog.children.get(rel.oid, []):
            out.extend(_tree(catalog, kid, fold))
    return out


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while the catalog and the dump are read: they make
    hundreds of thousands of objects and almost no cycles, and each full collection
    walks all of them. With `freeze`, what was made meanwhile is frozen at the end
    (gc.freeze): the first collection after would walk all of it (0.3 s for a catalog of
    10,000 tables), and it lives until the run ends anyway. What is garbage then stays
    (a run makes almost none: no recursive closures, which are cycles; see
    tests/test_sync.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def render_headers(catalog: Catalog, rels: list[Relation], documented: Collection[int]
                   ) -> dict[int, str]:
    """The headers of `rels` (they need only the catalog): oid -> text. `documented`: the
    relations that have a file (see fold_foreign_keys)."""
    catalog = fold_foreign_keys(catalog, documented)
    rels = [catalog.relations.get(r.oid, r) for r in rels]
    refs: dict[int, list[ForeignKey]] = {}
    for rel in catalog.relations.values():
        for fk in rel.foreign_keys:
            refs.setdefault(fk.ref_table, []).append(fk)
    return {r.oid: render_header(r, catalog, refs.get(r.oid, [])) for r in rels}


def _split(entries: list[Entry], catalog: Catalog, wanted: list[Relation], fold: bool,
           options: Options) -> tuple[dict[int, list[Entry]], list[Entry]]:
    """The dump's entries, by the relation whose file shows them."""
    wanted_oids = {r.oid for r in wanted}

    def file_of(oid: int) -> int | None:
        target = root_of(catalog, oid) if fold else oid
        return target if target in wanted_oids else None

    split = split_entries(entries, catalog, file_of, options)
    return split.by_relation, split.unassigned


def warm_version(tools: PgTools) -> None:
    """Ask pg_dump its version now (cached): beside other work."""
    with contextlib.suppress(Exception):  # choose_bin_dir asks again, and reports failures
        tools.version("pg_dump")


def _excluded_args(catalog: Catalog, exclude: Iterable[str], fold: bool) -> list[str]:
    """`-T` for every relation whose file the config excludes, so that pg_dump does not even
    lock it: the role may lack the privilege to (see README, Permissions)."""
    exclude = tuple(exclude)
    args: list[str] = []
    for rel in catalog.relations.values() if exclude else ():
        documenting = catalog.relations.get(root_of(catalog, rel.oid) if fold else rel.oid, rel)
        if matches(documenting, exclude):
            args += ["-T", _pattern(rel.schema, rel.name)]
    return args


def check_complete(wanted: Iterable[Relation], by_rel: dict[int, list[Entry]],
                   dumped_schemas: Collection[str] | None = None) -> None:
    """Each relation's own entry is in the dump: else it was dropped between the snapshot
    and pg_dump's lock. Only relations in `dumped_schemas` (None: all) are checked."""
    for rel in wanted:
        if dumped_schemas is not None and rel.schema not in dumped_schemas:
            continue
        if not any(e.tableoid == PG_CLASS and e.oid == rel.oid for e in by_rel.get(rel.oid, ())):
            raise SchemaChanged(
                f"table {rel.qualified} was dropped or recreated while pgdoc was reading the "
                "schema", hint="run pgdoc sync again; nothing was written")


def _schema_args(schemas: Iterable[str], partition_schemas: Iterable[str]) -> list[str]:
    chosen = sorted(set(schemas) | set(partition_schemas)) if schemas else []
    return [arg for s in chosen for arg in ("-n", _pattern(s, ""))]


def dump_per_table(tools: PgTools, catalog: Catalog, rels: list[Relation], fold: bool,
                   jobs: int, progress: Progress, found: Probe,
                   options: Options) -> dict[int, list[Entry]]:
    """One `pg_dump -t` per documented relation (with its partitions when folded), each in
    the session's snapshot: the reference path, slower, since every call loads the catalog
    again."""
    def one(rel: Relation) -> tuple[int, list[Entry]]:
        args = _table_args(catalog, [rel], fold)
        entries = Dump(tools, args, found).archive().entries
        split = split_entries(entries, catalog, lambda _oid: rel.oid, options)
        progress.advance()
        mine = [e for es in split.by_relation.values() for e in es]
        return rel.oid, canonical_order(mine, rel.oid)

    progress.phase("Dumping tables", total=len(rels))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(pool.map(one, rels))


def survey(cfg: Config, tools: PgTools, folder: Path, tables: Iterable[str] = (),
           per_table: bool = False, prune: bool = False,
           progress: Progress | None = None, earlier: Earlier | None = None,
           spares: Spares | None = None) -> Plan:
    """What a sync would do: the database and the folder read, rendered and compared; with
    `earlier`, only what changed since is read again, unless that cannot be sure. With
    `spares`, the temp files for new files are made meanwhile (see plan.apply)."""
    try:
        docs = collect(cfg, tools, tables, per_table, progress, folder=folder, prune=prune,
                       earlier=earlier, spares=spares)
    except NotPartial:
        docs = collect(cfg, tools, tables, per_table, progress, folder=folder, prune=prune,
                       spares=spares)
    return plan(docs, folder, prune, cfg.erd_max_tables)


def read_catalog(cfg: Config, tools: PgTools) -> Catalog:
    """The catalog alone (for `pgdoc list`), in a read-only transaction of its own."""
    try:
        with Session(tools, cfg.schemas) as session:
            found = session.probe
            assert found is not None
            _check_schemas(cfg, found)
            _set_client_encoding(session, found)
            return load_catalog(session, found.version, cfg.schemas, cfg.views)
    except BaseException:
        end_children()
        raise


_RECORDED = re.compile(r'^  "pg_dump_major": (\d+),?$', re.MULTILINE)


def recorded_pg_dump_major(folder: Path) -> int | None:
    """The pg_dump major that wrote the docs in `folder`, as schema.json records it (its
    head: the field comes before the tables), or None."""
    head = read_head(folder / "schema.json", 2048)  # never blocks: regular files only
    if head is None:
        return None
    match = _RECORDED.search(head)
    return int(match.group(1)) if match else None


def major_note(recorded: int | None, tools: PgTools) -> str | None:
    """One line when the docs were written by another pg_dump major (`recorded`, as
    recorded_pg_dump_major read it before this run wrote anything) than the one this run
    uses (its DDL may print differently), saying what to do; else None. Asked after the
    read, whose pg_dump version is known by then: no pg_dump run of its own."""
    if recorded is None:
        return None
    running = tools.version("pg_dump")[0]
    if recorded == running:
        return None
    return (f"docs written by pg_dump {recorded}, this is pg_dump {running}: the DDL it "
            f"prints can differ. Install pg_dump {recorded} (pgdoc prefers it when it can "
            f"dump the server; or set pg_bin_dir), or sync once with {running} and commit, "
            "so the whole team uses one major (see README, Versions)")
