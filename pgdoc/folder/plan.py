"""Compare what a sync rendered with the output folder, then write the difference.

`look` reads the folder and works out what needs only the catalog (statuses, orphans,
the overview); a sync calls it while pg_dump runs. `plan` compares the table files;
`apply` writes, atomically, and only what changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pgdoc.docs.index import (
    CURRENT,
    DEFAULT_ERD_MAX_TABLES,
    DEFAULT_TITLE,
    LIST_FILE,
    NEW,
    ORPHANED,
    Row,
    fingerprint,
    render_table_list,
)
from pgdoc.docs.overview import REQUIRED, Overview, prepare_overview, stale_erd_files
from pgdoc.docs.pieces import Memo
from pgdoc.docs.render import MARKER, mark_orphaned
from pgdoc.folder.contents import (
    check_targets,
    existing_files,
    existing_object_files,
    foreign_entries,
    read_pgdocs,
)
from pgdoc.folder.naming import decode_filename
from pgdoc.folder.writer import Spares, discard, publish, stage
from pgdoc.model import Catalog, Relation
from pgdoc.postgres.archive import Entry


@dataclass(frozen=True)
class Docs:
    """Everything a sync would write, rendered in memory."""

    catalog: Catalog
    relations: list[Relation]  # every documented relation
    filenames: dict[int, str]  # relation oid -> file name
    files: dict[str, str]  # file name -> content, for the relations that were dumped
    subset: bool  # only some tables were dumped (`pgdoc sync TABLE...`)
    unassigned: list[Entry] = field(default_factory=list)
    view: FolderView | None = None  # the output folder, read while pg_dump ran
    # The other objects' files (`functions/f.sql`, ...): path -> content; None when this
    # run does not write them (`pgdoc sync TABLE...`)
    objects: dict[str, str] | None = None
    object_sections: list[str] = field(default_factory=list)  # their sections of the index
    object_json: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # schema.json's
    stamp: str | None = None  # the catalog's stamp in the dump's snapshot (pgdoc.unchanged)
    # Whether `catalog` and `unassigned` are the whole schema's (a whole read, or a refresh
    # of what changed since one): what the next refresh can start from.
    whole: bool = False
    # Renders the overview's pieces per relation, or keeps an earlier render's, and holds
    # them for the next refresh (pgdoc.docs.pieces)
    memo: Memo | None = None
    # oid -> (a relation as the model this run started from held it, its pickle): the
    # next model keeps the bytes of those still the same objects (pgdoc.unchanged)
    pickled: Mapping[int, tuple[Relation, bytes]] = field(default_factory=dict)


@dataclass(frozen=True)
class FolderView:
    """The output folder as the catalog sees it, before any table file exists: everything
    here needs only the catalog and the folder, so a sync gathers it while pg_dump runs."""

    existing: dict[str, str]  # table files pgdoc wrote earlier: name -> text
    rows: list[Row]  # the index's rows
    orphans: dict[str, str]  # file name -> what it documented
    deletes: list[str]  # orphaned files to delete (--prune)
    overview_stale: bool  # the table list differs, or an overview file is missing
    # Rendered early only when a write is certain (a new file, a stale overview, a
    # deletion), so that a sync that finds no change renders nothing.
    overview: Overview | None
    title: str = DEFAULT_TITLE  # the index's heading (config `title:`)
    pg_dump_major: int | None = None  # the pg_dump that wrote the DDL, recorded in the docs
    # What else is in the folder, which pgdoc did not write and leaves alone: name -> what
    # it is ("a file pgdoc did not write", "a directory", ...).
    foreign: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    docs: Docs
    new: list[Relation]
    changed: list[Relation]
    orphans: dict[str, str]  # file name -> what it documented
    table_writes: dict[str, str]  # table files whose bytes change: name -> content
    orphan_deletes: list[str]
    # Renders the overview files: (those whose bytes change, stale ones to delete). None
    # when no table changed: then nothing at all is written.
    overview: Callable[[], tuple[dict[str, str], list[str]]] | None = None

    @functools.cached_property
    def _overview(self) -> tuple[dict[str, str], list[str]]:
        return self.overview() if self.overview is not None else ({}, [])

    @property
    def overview_writes(self) -> dict[str, str]:
        return self._overview[0]

    @property
    def writes(self) -> dict[str, str]:
        """Every file whose bytes change: name -> content."""
        return {**self.table_writes, **self.overview_writes}

    @property
    def deletes(self) -> list[str]:
        return [*self.orphan_deletes, *self._overview[1]]

    @property
    def has_changes(self) -> bool:
        return self.overview is not None

    @property
    def foreign(self) -> dict[str, str]:
        """Entries of the folder pgdoc did not write (see FolderView.foreign)."""
        return self.docs.view.foreign if self.docs.view is not None else {}


def look(folder: Path, catalog: Catalog, rels: list[Relation], filenames: dict[int, str],
         prune: bool = False, erd_max_tables: int = DEFAULT_ERD_MAX_TABLES,
         existing: dict[str, str] | None = None, title: str = DEFAULT_TITLE,
         pg_dump_major: int | None = None, expect_writes: bool = False,
         memo: Memo | None = None) -> FolderView:
    """Read the folder (unless `existing` holds its table files) and work out what needs
    no table file: statuses, orphans, whether the overview is stale, and the overview
    itself when a write is certain (or `expect_writes`: a refresh of changed tables).

    `+` (new) is history: a table whose file this sync adds to a folder pgdoc has written
    before. The first sync into a folder (no file of pgdoc's there yet) marks every table
    current. Files pgdoc did not write are never read past their first bytes."""
    if existing is None:
        existing = existing_files(folder, MARKER)
    foreign = foreign_entries(folder, existing)
    first = not existing and not any(
        (folder / name).exists() and name not in foreign for name in REQUIRED)
    documented_files = set(filenames.values())
    orphans = {n: _orphan_name(n, t) for n, t in existing.items() if n not in documented_files}
    rows = [Row(status=CURRENT if first or filenames[r.oid] in existing else NEW,
                filename=filenames[r.oid], rel=r) for r in rels]
    if not prune:
        rows += [Row(status=ORPHANED, filename=n, orphan_name=o) for n, o in orphans.items()]
    listing = render_table_list(rels)
    stale = (read_pgdocs(folder, LIST_FILE) != listing
             or any(name in foreign or not (folder / name).is_file() for name in REQUIRED))
    deletes = sorted(orphans) if prune else []
    certain = (expect_writes or stale or bool(deletes)
               or any(filenames[r.oid] not in existing for r in rels))
    return FolderView(existing, rows, orphans, deletes, stale,
                      prepare_overview(catalog, rows, erd_max_tables, title, pg_dump_major,
                                       memo=memo, table_list=listing)
                      if certain else None, title, pg_dump_major, foreign)


def plan(docs: Docs, folder: Path, prune: bool = False,
         erd_max_tables: int = DEFAULT_ERD_MAX_TABLES) -> Plan:
    """Compare the rendered docs with the folder (read now unless `docs.view` holds it).
    When no table file changed, no table appeared or disappeared and every overview file
    exists, nothing is written at all: the overview files only say things about the table
    files."""
    view = docs.view or look(folder, docs.catalog, docs.relations, docs.filenames, prune,
                             erd_max_tables)
    existing = view.existing
    by_file = {docs.filenames[r.oid]: r for r in docs.relations}
    new, changed = [], []
    for name, text in docs.files.items():
        if name not in existing:
            new.append(by_file[name])
        elif existing[name] != text:
            changed.append(by_file[name])
    existing_objects = existing_object_files(folder)
    objects = docs.objects if docs.objects is not None else existing_objects
    object_writes = {n: t for n, t in objects.items() if existing_objects.get(n) != t}
    object_deletes = sorted(n for n in existing_objects if n not in objects)
    if not (new or changed or view.overview_stale or view.deletes or object_writes
            or object_deletes):
        return Plan(docs, new, changed, view.orphans, {}, [])

    current = {**{n: t for n, t in existing.items() if n in by_file}, **docs.files, **objects}
    # The overview rendered early is held by the plan's closure alone, and dropped once its
    # files exist: its pieces are as big as its files (30 MB of schema.json at 10,000
    # tables). A second call would render it again.
    early = [view.overview] if view.overview is not None else []
    view = dataclasses.replace(view, overview=None)
    docs = dataclasses.replace(docs, view=view)

    def overview() -> tuple[dict[str, str], list[str]]:
        prepared = (early.pop() if early
                    else prepare_overview(docs.catalog, view.rows, erd_max_tables, view.title,
                                          view.pg_dump_major, memo=docs.memo))
        files = prepared.files(fingerprint(current), docs.object_sections, docs.object_json)
        del prepared
        writes = {n: t for n, t in files.items() if read_pgdocs(folder, n) != t}
        return writes, stale_erd_files(folder, files)

    table_writes = {n: t for n, t in docs.files.items() if existing.get(n) != t}
    for name, was in view.orphans.items():  # kept orphans say so in their second line
        if name not in view.deletes and name in existing:
            marked = mark_orphaned(existing[name], was)
            if marked != existing[name]:
                table_writes[name] = marked
    table_writes.update(object_writes)
    return Plan(docs, new, changed, view.orphans, table_writes,
                [*view.deletes, *object_deletes], overview)


def _orphan_name(filename: str, text: str) -> str:
    decoded = decode_filename(filename)
    if decoded is not None:
        schema, name = decoded
        return name if schema == "public" else f"{schema}.{name}"
    for line in text.splitlines()[:6]:  # the kind's line: `-- Table: "é…"."é…"`
        if ": " in line and not line.startswith((MARKER, "-- ORPHANED: ")):
            return line.split(": ", 1)[1]
    return filename


def apply(plan: Plan, folder: Path, adopt: bool = False, spares: Spares | None = None
          ) -> list[str]:
    """Write the plan; returns the names written. The table files are staged in a thread
    while the overview renders, when it was not rendered early (creating thousands of
    files is mostly the kernel's work), then everything is published at once.

    Before anything is written, every target is checked (see check_targets): a file
    pgdoc did not write is overwritten only with `adopt`; a directory, FIFO, device or
    symlink never. The overview files are checked again once rendered. Temp files come
    from `spares` while it has some (whoever made them removes the rest)."""
    if not plan.has_changes:
        return []
    check_targets(folder, [*plan.table_writes, *REQUIRED], adopt)
    with ThreadPoolExecutor(max_workers=1) as pool:
        staged = pool.submit(stage, folder, plan.table_writes, spares)
        try:
            overview = plan.overview_writes
        except BaseException:
            with contextlib.suppress(Exception):
                discard(staged.result())
            raise
        temps = staged.result()
    try:
        check_targets(folder, overview, adopt)
        temps.update(stage(folder, overview, spares))
    except BaseException:
        discard(temps)
        raise
    publish(folder, temps, plan.deletes)
    return sorted(temps)
