"""The overview files beside `_index.md`, rendered from what a sync already holds.

`pgdoc.sync.plan` calls `extra_files(cfg, docs, rows, current_files)` (bound to the config
by the CLI) whenever it rewrites the index, and writes what it returns:

- `_index.md`, rendered again with the configured `erd_max_tables` (the plan's own
  rendering uses the default), so the index and the diagram files always agree;
- `schema.json`: tables, columns, keys, references both ways and statuses as data;
- `_erd_<schema>.md` for each schema with too many linked tables for one diagram.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pgdoc.erd import erd_files
from pgdoc.index import INDEX_FILE, SCHEMA_JSON_FILE, Row, fingerprint, render_index
from pgdoc.schema_json import render_schema_json

if TYPE_CHECKING:
    from pgdoc.config import Config
    from pgdoc.sync import Docs


def extra_files(cfg: Config, docs: Docs, rows: list[Row],
                current_files: dict[str, str]) -> dict[str, str]:
    rels = [r.rel for r in rows if r.rel is not None]
    return {
        INDEX_FILE: render_index(docs.catalog.database, rows, current_files,
                                 erd_max_tables=cfg.erd_max_tables),
        SCHEMA_JSON_FILE: render_schema_json(docs.catalog, rows, fingerprint(current_files)),
        **erd_files(rels, cfg.erd_max_tables),
    }
