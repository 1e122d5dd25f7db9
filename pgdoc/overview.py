"""The folder's overview files, rendered from what a sync already holds: `_index.md`,
`_table_list.txt`, `schema.json`, and `_erd_<schema>.md` for each schema with too many
linked tables for one diagram in the index."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pgdoc.erd import ERD_MARKER, erd_files
from pgdoc.index import (
    INDEX_FILE,
    LIST_FILE,
    SCHEMA_JSON_FILE,
    Row,
    fingerprint,
    render_index,
    render_table_list,
)
from pgdoc.model import Catalog
from pgdoc.schema_json import render_schema_json
from pgdoc.writer import read_text

# Overview files every documented folder has; a missing one makes the next sync write.
REQUIRED = (INDEX_FILE, LIST_FILE, SCHEMA_JSON_FILE)
ERD_GLOB = "_erd_*.md"


def render_overview(catalog: Catalog, rows: list[Row], table_files: Mapping[str, str],
                    erd_max_tables: int) -> dict[str, str]:
    rels = [r.rel for r in rows if r.rel is not None]
    return {
        LIST_FILE: render_table_list(rels),
        INDEX_FILE: render_index(catalog.database, rows, table_files,
                                 erd_max_tables=erd_max_tables),
        SCHEMA_JSON_FILE: render_schema_json(catalog, rows, fingerprint(table_files)),
        **erd_files(rels, erd_max_tables),
    }


def stale_erd_files(folder: Path, keep: Mapping[str, str]) -> list[str]:
    """Diagram files pgdoc wrote earlier that the current schema no longer needs."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.glob(ERD_GLOB)
        if p.name not in keep and (read_text(p) or "").startswith(ERD_MARKER + "\n")
    )
