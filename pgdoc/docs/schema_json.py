"""`schema.json`: what the table files say, as data for tools and coding assistants.

Deterministic: keys sorted (`tables` last, one table per line), tables by (schema, name),
columns in table order, lists of keys and references sorted, UTF-8 as is, one trailing
newline. `format` names the layout
and changes only when a field changes meaning or disappears (new fields may be added).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from pgdoc.docs.index import CURRENT, NEW, ORPHANED, Row
from pgdoc.model import FK_ACTIONS, POLICY_COMMANDS, Catalog, Column, Relation

FORMAT = "pgdoc.schema/1"
_STATUS = {CURRENT: "current", NEW: "new", ORPHANED: "orphaned"}
_IDENTITY = {"a": "always", "d": "by default"}
_GENERATED = {"s": "stored", "v": "virtual"}


def render_schema_json(catalog: Catalog, rows: list[Row], fingerprint: str) -> str:
    """The whole file: every documented relation (rows with a relation) and the orphaned
    files, with the statuses the index shows."""
    return schema_json_renderer(catalog, rows)(fingerprint)


def schema_json_renderer(catalog: Catalog, rows: list[Row]) -> Callable[[str], str]:
    """`schema.json` rendered now but for its fingerprint, which needs every table file:
    returns what fills that in."""
    referenced_by: dict[int, list[dict[str, Any]]] = {}
    for src in catalog.relations.values():
        for fk in src.foreign_keys:
            referenced_by.setdefault(fk.ref_table, []).append({
                "name": fk.name,
                "schema": src.schema,
                "table": src.name,
                "columns": list(fk.columns),
                "referenced_columns": list(fk.ref_columns),
                "on_delete": FK_ACTIONS.get(fk.on_delete, fk.on_delete),
                "on_delete_columns": list(fk.on_delete_columns) or None,
                "on_update": FK_ACTIONS.get(fk.on_update, fk.on_update),
            })
    # Each table is encoded as soon as it is built: at 10,000 tables the dicts of all of
    # them at once would cost more memory than everything else pgdoc holds.
    tables = [
        _encode(_relation(row.rel, catalog, row, referenced_by))
        for row in sorted(rows, key=lambda r: (r.rel.schema, r.rel.name) if r.rel else ("", ""))
        if row.rel is not None
    ]
    orphans = [{"file": r.filename, "was": r.orphan_name, "status": _STATUS.get(r.status, r.status)}
               for r in sorted(rows, key=lambda r: r.filename) if r.rel is None]
    database = catalog.database  # not the catalog: it may be big, and is not kept

    def finish(fingerprint: str) -> str:
        head = {
            "format": FORMAT,
            "database": database,
            "fingerprint": fingerprint,
            "orphaned_files": orphans,
        }
        return _layout(head, tables)
    return finish


def _dump(data: dict[str, Any]) -> str:
    """The canonical text of parsed `schema.json` data (used to check files)."""
    head = {k: v for k, v in data.items() if k != "tables"}
    return _layout(head, (_encode(t) for t in data["tables"]))


def _layout(head: dict[str, Any], tables: Iterable[str]) -> str:
    """JSON with one table per line: `git diff` shows which tables changed, and the C
    encoder stays in use (an indented dump takes seconds for 10,000 tables)."""
    pieces = ["{\n"]
    for key, value in sorted(head.items()):
        pieces += [_encode(key), ": ", _encode(value), ",\n"]
    pieces.append('"tables": [')
    separator = "\n"
    for table in tables:
        pieces += [separator, table]
        separator = ",\n"
    pieces.append("]\n}\n" if separator == "\n" else "\n]\n}\n")
    return "".join(pieces)  # one join: the file's text exists once, not three times


def _encode(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    # Characters some editors and tools treat as line breaks, escaped inside strings.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace(
        "\x85", "\\u0085")


def _relation(rel: Relation, catalog: Catalog, row: Row,
              referenced_by: dict[int, list[dict[str, Any]]]) -> dict[str, Any]:
    keys = {k: [c for c in rel.constraints if c.kind == k] for k in "pucx"}
    pk = keys["p"][0] if keys["p"] else None
    parent = catalog.relations.get(rel.parent) if rel.parent is not None else None
    return {
        "schema": rel.schema,
        "name": rel.name,
        "sql_name": rel.display,
        "kind": rel.kind_name,
        "file": row.filename,
        "status": _STATUS.get(row.status, row.status),
        "comment": rel.comment,
        "columns": [_column(c, catalog) for c in rel.columns],
        "primary_key": {"name": pk.name, "columns": list(pk.columns)} if pk else None,
        "unique_keys": [{"name": c.name, "columns": list(c.columns)} for c in keys["u"]],
        "check_constraints": [{"name": c.name, "definition": c.definition} for c in keys["c"]],
        "exclusion_constraints": [{"name": c.name, "definition": c.definition}
                                  for c in keys["x"]],
        "indexes": [{"name": i.name, "definition": i.definition, "unique": i.unique,
                     "primary": i.primary} for i in rel.indexes],
        "foreign_keys": [
            {"name": fk.name, "columns": list(fk.columns),
             "references": {"schema": fk.ref_schema, "table": fk.ref_name,
                            "columns": list(fk.ref_columns)},
             "on_delete": FK_ACTIONS.get(fk.on_delete, fk.on_delete),
             "on_delete_columns": list(fk.on_delete_columns) or None,
             "on_update": FK_ACTIONS.get(fk.on_update, fk.on_update)}
            for fk in rel.foreign_keys
        ],
        "referenced_by": sorted(referenced_by.get(rel.oid, []),
                                key=lambda r: (r["schema"], r["table"], r["name"])),
        "partition_key": rel.partition_key,
        "partition_of": ({"schema": parent.schema, "table": parent.name,
                          "bound": rel.partition_bound} if parent is not None else None),
        "partitions": _partitions(rel.oid, catalog) if rel.kind == "p" else [],
        "row_level_security": {"enabled": rel.rls, "forced": rel.rls_forced},
        "policies": [{"name": p.name, "command": POLICY_COMMANDS.get(p.command, p.command),
                      "permissive": p.permissive, "roles": list(p.roles), "using": p.using,
                      "check": p.check}
                     for p in rel.policies],
        "triggers": [{"name": t.name, "definition": t.definition} for t in rel.triggers],
    }


def _column(col: Column, catalog: Catalog) -> dict[str, Any]:
    info = catalog.types.get(col.type_oid)
    generated = _GENERATED.get(col.generated)
    return {
        "name": col.name,
        "type": col.type,
        "nullable": not col.not_null,
        # A generated column's default is its expression: it is listed as `generated`.
        "default": None if generated else col.default,
        "identity": _IDENTITY.get(col.identity),
        "generated": generated,
        "generation_expression": col.default if generated else None,
        "comment": col.comment,
        "enum_values": list(info.values) if info is not None and info.kind == "enum" else None,
        "domain": ({"schema": info.schema, "name": info.name, "base_type": info.base,
                    "not_null": info.not_null, "checks": list(info.checks)}
                   if info is not None and info.kind == "domain" else None),
    }


def _partitions(oid: int, catalog: Catalog) -> list[dict[str, Any]]:
    kids = catalog.children.get(oid, [])
    return [{"schema": k.schema, "table": k.name, "bound": k.partition_bound,
             "partitions": _partitions(k.oid, catalog) if k.kind == "p" else []}
            for k in kids]
