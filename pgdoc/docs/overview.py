"""The folder's overview files, rendered from what a sync already holds: `_index.md`,
`_table_list.txt`, `schema.json`, and `_erd_<schema>.md` for each schema with too many
linked tables for one diagram in the index."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pgdoc.docs.erd import ERD_MARKER, erd_files, foreign_key_edges
from pgdoc.docs.index import (
    DEFAULT_TITLE,
    INDEX_FILE,
    LIST_FILE,
    SCHEMA_JSON_FILE,
    Row,
    fingerprint,
    index_renderer,
    render_table_list,
)
from pgdoc.docs.pieces import Memo
from pgdoc.docs.schema_json import schema_json_renderer
from pgdoc.folder.contents import read_head
from pgdoc.model import Catalog, fold_foreign_keys

# Overview files every documented folder has; a missing one makes the next sync write.
REQUIRED = (INDEX_FILE, LIST_FILE, SCHEMA_JSON_FILE)
ERD_GLOB = "_erd_*.md"


@dataclass(frozen=True)
class Overview:
    """The overview files, rendered but for the schema fingerprint, which needs every table
    file: a sync renders this while pg_dump runs, and fills the fingerprint in after."""

    fixed: dict[str, str]  # file name -> content: the files without a fingerprint
    # file name -> (fingerprint, what the other objects add) -> content
    pending: dict[str, Callable[..., str]]

    def files(self, fingerprint: str, extra_sections: Sequence[str] = (),
              objects_json: Mapping[str, list[dict[str, Any]]] | None = None
              ) -> dict[str, str]:
        """The files, with the fingerprint and what the other objects add (the index's
        sections for them, schema.json's lists): known only once the dump is read."""
        out = dict(self.fixed)
        for name, fill in self.pending.items():
            if name == INDEX_FILE:
                out[name] = fill(fingerprint, extra_sections)
            elif name == SCHEMA_JSON_FILE:
                out[name] = fill(fingerprint, objects_json)
            else:
                out[name] = fill(fingerprint)
        return out


def prepare_overview(catalog: Catalog, rows: list[Row], erd_max_tables: int,
                     title: str = DEFAULT_TITLE,
                     pg_dump_major: int | None = None,
                     extra_sections: Sequence[str] = (),
                     objects_json: Mapping[str, list[dict[str, Any]]] | None = None,
                     memo: Memo | None = None, table_list: str | None = None) -> Overview:
    """`title`: the config's `title:`; `pg_dump_major`: the pg_dump that wrote the DDL
    (recorded in `_index.md` and `schema.json`), None when unknown; `extra_sections`: the
    index's sections for the other objects (functions, types, ...); `memo`: keeps the
    pieces of an earlier render that read no relation read again (pgdoc.docs.pieces),
    and collects this render's; `table_list`: `_table_list.txt` when already rendered
    for these relations. With partitions
    folded, the keys a partition declares are its root's (see fold_foreign_keys)."""
    catalog = fold_foreign_keys(catalog, {r.rel.oid for r in rows if r.rel is not None})
    rows = [dataclasses.replace(r, rel=rel) if r.rel is not None
            and (rel := catalog.relations.get(r.rel.oid, r.rel)) is not r.rel else r
            for r in rows]
    rels = [r.rel for r in rows if r.rel is not None]
    edges = foreign_key_edges(rels)
    return Overview(
        fixed={LIST_FILE: render_table_list(rels) if table_list is None else table_list,
               **erd_files(rels, erd_max_tables, memo, edges)},
        pending={
            INDEX_FILE: index_renderer(title, rows, extra_sections,
                                       erd_max_tables=erd_max_tables,
                                       pg_dump_major=pg_dump_major, edges=edges),
            SCHEMA_JSON_FILE: schema_json_renderer(catalog, rows, pg_dump_major, objects_json,
                                                   memo),
        },
    )


def render_overview(catalog: Catalog, rows: list[Row], table_files: Mapping[str, str],
                    erd_max_tables: int, title: str = DEFAULT_TITLE,
                    pg_dump_major: int | None = None) -> dict[str, str]:
    return prepare_overview(catalog, rows, erd_max_tables, title,
                            pg_dump_major).files(fingerprint(table_files))


def stale_erd_files(folder: Path, keep: Mapping[str, str]) -> list[str]:
    """Diagram files pgdoc wrote earlier that the current schema no longer needs."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.glob(ERD_GLOB)
        if p.name not in keep and (read_head(p) or "").startswith(ERD_MARKER + "\n")
    )
