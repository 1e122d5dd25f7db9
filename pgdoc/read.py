"""Read the database: catalog -> pg_dump -> split per table -> render.

`collect` reads the database (and the output folder, see pgdoc.folder.plan) and renders every
table file in memory; `survey` adds the comparison with the folder. Nothing is written
here: pgdoc.folder.plan.apply writes, only after every dump has succeeded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import json
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec

from pgdoc.config import Config
from pgdoc.docs.render import MARKER, compose, render_header
from pgdoc.docs.split import PG_CLASS, canonical_order, header_name, render_ddl, split_dump
from pgdoc.errors import DatabaseError, SchemaChanged
from pgdoc.folder.naming import table_filename
from pgdoc.folder.plan import Docs, Plan, look, plan
from pgdoc.folder.writer import existing_files
from pgdoc.model import Catalog, ForeignKey, Relation
from pgdoc.postgres.catalog import documented, load_catalog, matches, root_of, select_tables
from pgdoc.postgres.dump import DumpParser, Entry
from pgdoc.postgres.tools import PgTools, choose_bin_dir
from pgdoc.progress import Progress

P = ParamSpec("P")
_PROBE_SQL = r"""
SELECT current_setting('server_version_num')::int, coalesce((
  SELECT json_agg(DISTINCT cn.nspname)
  FROM pg_catalog.pg_inherits i
  JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
  JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
  JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
  WHERE pn.nspname IN (SELECT json_array_elements_text(:'schemas_json'::json))), '[]')
"""


@dataclass(frozen=True)
class Probe:
    """What one quick query tells before the real work starts."""

    version: int  # server_version_num; the answer also proves the connection works
    partition_schemas: list[str]  # schemas holding partitions of the configured schemas


def probe(tools: PgTools, cfg: Config) -> Probe:
    out = tools.run(
        "psql",
        ["-X", "-A", "-t", "-q", "-F", "\t", "-v", "ON_ERROR_STOP=1",
         "-v", f"schemas_json={json.dumps(sorted(cfg.schemas))}", "-f", "-"],
        _PROBE_SQL,
    )
    try:
        version, extra = out.strip().split("\t")
        return Probe(int(version), json.loads(extra or "[]"))
    except ValueError:
        raise DatabaseError(f"unexpected answer from the server: {out.strip()[:80]!r}") from None


def _pattern(schema: str, name: str) -> str:
    """A pg_dump -t/-n pattern matching exactly this name: quoted, so that case, dots,
    `*` and `?` are literal; an embedded `"` is doubled."""
    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'
    return f"{q(schema)}.{q(name)}" if name else q(schema)


def _retry_if_changed(func: Callable[P, Docs]) -> Callable[P, Docs]:
    """Read everything once more when a table was dropped or renamed under pgdoc's feet
    (concurrent DDL); a second failure is reported, nothing having been written."""
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Docs:
        try:
            return func(*args, **kwargs)
        except SchemaChanged:
            return func(*args, **kwargs)
    return wrapper


@_retry_if_changed
def collect(cfg: Config, tools: PgTools, tables: Iterable[str] = (), per_table: bool = False,
            progress: Progress | None = None, folder: Path | None = None,
            prune: bool = False) -> Docs:
    """Read the database and render every table file in memory; with `folder`, also read
    that folder (see FolderView).

    The whole-schema pg_dump is the long pole, and the rest happens while it runs: the
    catalog query beside it, the folder read meanwhile, and once the catalog is there
    the headers and the overview rendered. Only the split waits for the dump."""
    progress = progress or Progress(enabled=False)
    fold = cfg.partitions == "fold"
    tables = list(tables)
    progress.phase("Connecting")
    with _gc_paused(), ThreadPoolExecutor(max_workers=3) as pool:
        # pg_dump's version is asked (and cached) while the probe connects.
        pool.submit(_warm_version, tools)
        # One dump of everything, started before the catalog is known; else one after it
        # (of all but the excluded) or, for a few named tables, one per table.
        at_once = not per_table and not tables and not cfg.exclude
        whole = early = None
        if at_once and not cfg.schemas:
            # The whole database's dump needs nothing from the probe: it starts at once,
            # with the pg_dump found first. Should that one be too old for the server, it
            # fails (version mismatch) and the dump runs again with the one chosen below.
            early = dataclasses.replace(tools)
            whole = pool.submit(dump_schema, early, [])
        found = probe(tools, cfg)
        tools.bin_dir = choose_bin_dir(tools, found.version)

        progress.phase("Reading the catalog and dumping the schema")
        if early is not None and early.bin_dir != tools.bin_dir:
            whole = None
        if whole is None and at_once:
            whole = pool.submit(dump_schema, tools,
                                _schema_args(cfg.schemas, found.partition_schemas))
        reading = pool.submit(load_catalog, tools, found.version, cfg.schemas, cfg.views)
        existing = existing_files(folder, MARKER) if folder is not None else {}
        catalog = reading.result()
        rels = documented(catalog, cfg.include, cfg.exclude, fold)
        filenames = {r.oid: table_filename(r.schema, r.name) for r in rels}
        wanted = select_tables(rels, tables) if tables else rels
        if whole is None and not per_table and len(wanted) > 2 * cfg.jobs:
            whole = pool.submit(dump_schema, tools,
                                _schema_args(cfg.schemas, found.partition_schemas)
                                + _excluded_args(catalog, cfg.exclude, fold))
        headers = render_headers(catalog, wanted)
        view = (look(folder, catalog, rels, filenames, prune, cfg.erd_max_tables, existing)
                if folder is not None else None)
        del existing
        one_dump = whole is not None
        if whole is not None:
            by_rel, unassigned = _split(whole, catalog, wanted, fold)
            whole = None  # the future holds every entry until dropped
        else:
            by_rel = dump_per_table(tools, catalog, wanted, fold, cfg.jobs, progress)
            unassigned = []
        # With `schemas:` the whole dump covers only those (and their partitions').
        dumped = ({*cfg.schemas, *found.partition_schemas}
                  if one_dump and cfg.schemas else None)
        check_complete(wanted, by_rel, dumped)
    # The catalog's owners and names serve only the split: freed before the files are
    # rendered and compared (25 MB at 10,000 tables).
    catalog = dataclasses.replace(catalog, owners={}, names={})

    files = {filenames[r.oid]: compose(headers.pop(r.oid), render_ddl(by_rel.pop(r.oid, [])))
             for r in wanted}
    progress.close()
    return Docs(catalog=catalog, relations=rels, filenames=filenames, files=files,
                subset=bool(tables), unassigned=unassigned, view=view)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the catalog and the dump are read: they make
    hundreds of thousands of objects and almost no cycles, and each full collection
    walks all of them (a tenth of the time, at 2,000 tables)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_headers(catalog: Catalog, rels: list[Relation]) -> dict[int, str]:
    """Every relation's header (they need only the catalog): oid -> text."""
    refs: dict[int, list[ForeignKey]] = {}
    for rel in catalog.relations.values():
        for fk in rel.foreign_keys:
            refs.setdefault(fk.ref_table, []).append(fk)
    return {r.oid: render_header(r, catalog, refs.get(r.oid, [])) for r in rels}


def _split(whole: Future[list[Entry]], catalog: Catalog, wanted: list[Relation],
           fold: bool) -> tuple[dict[int, list[Entry]], list[Entry]]:
    """The whole-schema dump's entries, by the relation whose file shows them."""
    wanted_oids = {r.oid for r in wanted}

    def file_of(oid: int) -> int | None:
        target = root_of(catalog, oid) if fold else oid
        return target if target in wanted_oids else None

    split = split_dump(whole.result(), catalog, file_of)
    return split.by_relation, split.unassigned


def _warm_version(tools: PgTools) -> None:
    with contextlib.suppress(Exception):  # choose_bin_dir asks again, and reports failures
        tools.version("pg_dump")


def dump_schema(tools: PgTools, args: list[str]) -> list[Entry]:
    """One `pg_dump --schema-only` (of the schemas in `args`), parsed while it runs: the
    entries are made from its output as it arrives, and the text is never held whole."""
    parser = DumpParser()
    tools.pg_dump(args, out=parser)
    return parser.close()


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
    """Each relation's own entry is in the dump, under the catalog's name: else it was
    dropped, renamed or recreated between the catalog query and pg_dump. Only relations
    in `dumped_schemas` (None: all) are checked."""
    for rel in wanted:
        if dumped_schemas is not None and rel.schema not in dumped_schemas:
            continue
        name_prefix = f"-- Name: {header_name(rel.name)}; Type: "
        schema_part = f"; Schema: {header_name(rel.schema)}; Owner: "
        if not any(e.class_oid == PG_CLASS and e.oid == rel.oid
                   and e.name_line.startswith(name_prefix) and schema_part in e.name_line
                   for e in by_rel.get(rel.oid, ())):
            raise SchemaChanged(
                f"table {rel.qualified} was dropped, renamed or recreated while pgdoc was "
                "reading the schema",
                hint="run pgdoc sync again; nothing was written",
            )


def _schema_args(schemas: Iterable[str], partition_schemas: Iterable[str]) -> list[str]:
    chosen = sorted(set(schemas) | set(partition_schemas)) if schemas else []
    return [arg for s in chosen for arg in ("-n", _pattern(s, ""))]


def dump_per_table(tools: PgTools, catalog: Catalog, rels: list[Relation], fold: bool,
                   jobs: int, progress: Progress) -> dict[int, list[Entry]]:
    """One `pg_dump -t` per documented relation (with its partitions when folded): the
    reference path, slower, since every call loads the catalog again."""
    def tree(rel: Relation) -> list[Relation]:
        out = [rel]
        if fold:
            for kid in catalog.children.get(rel.oid, []):
                out.extend(tree(kid))
        return out

    def one(rel: Relation) -> tuple[int, list[Entry]]:
        args = [a for r in tree(rel) for a in ("-t", _pattern(r.schema, r.name))]
        entries = dump_schema(tools, args)
        progress.advance()
        return rel.oid, canonical_order(entries, rel.oid)

    progress.phase("Dumping tables", total=len(rels))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(pool.map(one, rels))


def survey(cfg: Config, tools: PgTools, folder: Path, tables: Iterable[str] = (),
           per_table: bool = False, prune: bool = False,
           progress: Progress | None = None) -> Plan:
    """What a sync would do: the database and the folder read, rendered and compared."""
    docs = collect(cfg, tools, tables, per_table, progress, folder=folder, prune=prune)
    return plan(docs, folder, prune, cfg.erd_max_tables)
