"""The folder's overview files: `_index.md` and `_table_list.txt`."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from pgdoc.docs.erd import Edge, index_section
from pgdoc.folder.markers import MD_MARKER, TXT_MARKER
from pgdoc.model import KIND_NAMES, Relation
from pgdoc.text import first_line, md_cell, md_code, one_line

INDEX_FILE = "_index.md"
LIST_FILE = "_table_list.txt"
SCHEMA_JSON_FILE = "schema.json"
DEFAULT_ERD_MAX_TABLES = 100
DEFAULT_TITLE = "Database schema"

CURRENT, NEW, ORPHANED = "✓", "+", "⚠"


@dataclass(frozen=True)
class Row:
    """One line of the index: a documented relation, or an orphaned file (rel is None)."""

    status: str
    filename: str
    rel: Relation | None = None
    orphan_name: str | None = None


def render_table_list(rels: Iterable[Relation]) -> str:
    """pgdoc's marker, then one relation per line, sorted by (schema, name); names are
    escaped onto one line."""
    lines = [one_line(r.display) for r in sorted(rels, key=lambda r: (r.schema, r.name))]
    return TXT_MARKER + "\n" + "".join(f"{ln}\n" for ln in lines)


def table_list_names(text: str) -> list[str]:
    """The names in a `_table_list.txt` (its marker and comment lines left out)."""
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


def fingerprint(files: Mapping[str, str]) -> str:
    """A digest of every table file: changes exactly when the documented schema does."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(files[name].encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _link(text: str, filename: str) -> str:
    return f"[{md_code(text)}]({quote(filename, safe='')})"


def render_index(title: str, rows: list[Row], files: Mapping[str, str],
                 extra_sections: Iterable[str] = (),
                 erd_max_tables: int = DEFAULT_ERD_MAX_TABLES,
                 pg_dump_major: int | None = None) -> str:
    """`_index.md`: counts, one Markdown table per schema, orphaned files, then the
    foreign-key diagrams (see pgdoc.docs.erd)."""
    return index_renderer(title, rows, extra_sections, erd_max_tables,
                          pg_dump_major)(fingerprint(files))


def index_renderer(title: str, rows: list[Row], extra_sections: Iterable[str] = (),
                   erd_max_tables: int = DEFAULT_ERD_MAX_TABLES,
                   pg_dump_major: int | None = None,
                   edges: list[Edge] | None = None) -> Callable[[str], str]:
    """`_index.md` rendered now but for its fingerprint line, which needs every table file:
    returns what fills that in. The rows and diagrams take the time; that takes none.

    `title` comes from the config (`title:`): nothing here names the database, its host
    or any other connection detail. `pg_dump_major` is the pg_dump that wrote the DDL."""
    rels = [r.rel for r in rows if r.rel is not None]
    counts = Counter(r.kind for r in rels)
    parts = [
        f"{counts[k]} {KIND_NAMES[k]}{'s' if counts[k] != 1 else ''}"
        for k in ("r", "p", "v", "m", "f") if counts[k]
    ]
    head = [
        MD_MARKER,
        f"# {md_cell(title.strip()) or DEFAULT_TITLE}",
        "",
        "Written by `pgdoc sync` from the database catalog and `pg_dump --schema-only`; "
        "do not edit.",
        "",
        "Each `.sql` file documents one table, view, materialized view or foreign table: a `--`",
        "comment header (columns with types, defaults, comments and enum values; keys;",
        "references both ways; partitions; indexes; triggers; policies), then its DDL.",
        f"`{SCHEMA_JSON_FILE}` holds the same facts as data. Foreign keys as diagrams: "
        "[Relationships](#relationships).",
        "",
        f"- Documented: {', '.join(parts) if parts else 'nothing'}",
    ]
    if pg_dump_major is not None:
        # Different pg_dump majors print some DDL differently: say which one wrote these.
        head.append(f"- DDL written by: pg_dump {pg_dump_major}")
    # `+` marks only the tables the last sync that changed something added (a first sync
    # into an empty folder marks none), so a sync that adds nothing leaves these alone.
    out = [
        f"- Status: {CURRENT} current, {NEW} added by the last sync that changed something, "
        f"{ORPHANED} orphaned (the table is gone, its file remains; `pgdoc sync --prune` "
        "removes it)",
        "",
    ]
    by_schema: dict[str, list[Row]] = {}
    for row in rows:
        if row.rel is not None:
            by_schema.setdefault(row.rel.schema, []).append(row)
    for schema in sorted(by_schema):
        out += [f"## Schema {md_code(schema, in_table=False)}", "",
                "| Status | Name | Kind | Columns | Description |",
                "|---|---|---|---:|---|"]
        for row in sorted(by_schema[schema], key=lambda r: r.rel.name if r.rel else ""):
            rel = row.rel
            assert rel is not None
            out.append(
                f"| {row.status} | {_link(rel.name, row.filename)} | {rel.kind_name} | "
                f"{len(rel.columns)} | {md_cell(first_line(rel.comment))} |"
            )
        out.append("")
    orphans = [r for r in rows if r.rel is None]
    if orphans:
        out += ["## Orphaned files", "",
                "The table is gone; its file remains until `pgdoc sync --prune` "
                "(or `git rm`) removes it.", "",
                "| Status | File | Was |", "|---|---|---|"]
        for row in sorted(orphans, key=lambda r: r.filename):
            out.append(f"| {row.status} | {_link(row.filename, row.filename)} | "
                       f"{md_code(row.orphan_name or '?')} |")
        out.append("")
    out += index_section(rels, erd_max_tables, edges)
    for section in extra_sections:
        out += [section.rstrip(), ""]
    before, after = "\n".join(head), "\n".join(out).rstrip()

    def fill(fp: str, later_sections: Iterable[str] = ()) -> str:
        """The index with its fingerprint, and sections known only after the dump."""
        tail = "".join(f"\n\n{section.rstrip()}" for section in later_sections)
        return (f"{before}\n- Schema fingerprint: `{fp}` (changes only when the schema "
                f"does; `git log -1 -- .` in this folder says when it last did)\n"
                f"{after}{tail}\n")
    return fill
