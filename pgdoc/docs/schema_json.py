"""`schema.json`: what the table files say, as data for tools and coding assistants.

Laid out for `git diff` and for readers that take a file line by line: pretty-printed,
one fact per line (a column, a key, an index, a foreign key each on its own line while
it fits in `WIDTH` characters, else spread over lines itself), fields that are null,
empty or false left out, keys in a fixed order. A one-column change touches a few lines.

Deterministic: tables by (schema, name), columns in table order, lists of keys and
references sorted, UTF-8 as is, one trailing newline. `format` names the layout and
changes only when a field changes meaning or disappears (new fields may be added).
Nothing here describes the connection or the sync (no database name, host, status).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from pgdoc.docs.index import Row
from pgdoc.docs.pieces import Memo
from pgdoc.model import (
    FK_ACTIONS,
    KIND_NAMES,
    POLICY_COMMANDS,
    Catalog,
    Column,
    ForeignKey,
    Relation,
)

FORMAT = "pgdoc.schema/2"
WIDTH = 160  # a compound value fits on one line up to this width (indent included)
_IDENTITY = {"a": "always", "d": "by default"}
_GENERATED = {"s": "stored", "v": "virtual"}
_INDENT = "  "


def render_schema_json(catalog: Catalog, rows: list[Row], fingerprint: str,
                       pg_dump_major: int | None = None) -> str:
    """The whole file: every documented relation (rows with a relation) and the orphaned
    files."""
    return schema_json_renderer(catalog, rows, pg_dump_major)(fingerprint)


def schema_json_renderer(catalog: Catalog, rows: list[Row],
                         pg_dump_major: int | None = None,
                         objects: Mapping[str, list[dict[str, Any]]] | None = None,
                         memo: Memo | None = None) -> Callable[[str], str]:
    """`schema.json` rendered now but for its fingerprint, which needs every table file:
    returns what fills that in. `objects`: the other objects' lists (`functions`,
    `types`, `sequences`, `objects`), written after the tables; `memo`: keeps the
    tables' entries of an earlier render that read no relation read again."""
    memo = memo or Memo()
    referenced: dict[int, list[tuple[Relation, ForeignKey]]] | None = None

    def entry(row: Row) -> str:
        nonlocal referenced
        if referenced is None:  # needed only when some table's entry is rendered
            referenced = _referenced_by(catalog)
        assert row.rel is not None
        return _layout(_relation(row.rel, catalog, row, referenced), 2)

    # Each table is laid out as soon as it is built: at 10,000 tables the dicts of all of
    # them at once would cost more memory than everything else pgdoc holds.
    tables = [
        memo.table(row.rel.oid, row.filename, functools.partial(entry, row))
        for row in sorted(rows, key=lambda r: (r.rel.schema, r.rel.name) if r.rel else ("", ""))
        if row.rel is not None
    ]
    orphans = [{"file": r.filename, "was": r.orphan_name or r.filename}
               for r in sorted(rows, key=lambda r: r.filename) if r.rel is None]

    def finish(fingerprint: str,
               later: Mapping[str, list[dict[str, Any]]] | None = None) -> str:
        head: dict[str, Any] = {"format": FORMAT, "fingerprint": fingerprint}
        if pg_dump_major is not None:
            head["pg_dump_major"] = pg_dump_major
        return _document(head, tables, orphans, later if later is not None else objects or {})
    return finish


def _referenced_by(catalog: Catalog) -> dict[int, list[tuple[Relation, ForeignKey]]]:
    """Relation oid -> the foreign keys that reference it, with the relations declaring
    them: laid out only for the entries rendered (a refresh renders a few of 10,000)."""
    referenced_by: dict[int, list[tuple[Relation, ForeignKey]]] = {}
    for src in catalog.relations.values():
        for fk in src.foreign_keys:
            referenced_by.setdefault(fk.ref_table, []).append((src, fk))
    return referenced_by


def _reference(src: Relation, fk: ForeignKey) -> dict[str, Any]:
    return _prune({
        "name": fk.name,
        "schema": src.schema,
        "table": src.name,
        "columns": list(fk.columns),
        "referenced_columns": list(fk.ref_columns),
        **_actions(fk.on_delete, fk.on_update, fk.on_delete_columns),
    })


def _document(head: dict[str, Any], tables: list[str], orphans: list[dict[str, Any]],
              objects: Mapping[str, list[dict[str, Any]]] | None = None) -> str:
    pieces = ["{\n"]
    for key, value in head.items():
        pieces += [_INDENT, _encode(key), ": ", _layout(value, 1), ",\n"]
    pieces.append(f'{_INDENT}"tables": [')
    if tables:
        pieces += ["\n", _INDENT * 2, f",\n{_INDENT * 2}".join(tables), f"\n{_INDENT}"]
    pieces.append("]")
    for key, items in (objects or {}).items():
        if items:
            pieces += [",\n", _INDENT, _encode(key), ": ", _layout(items, 1)]
    if orphans:
        pieces += [",\n", _INDENT, '"orphaned_files": ', _layout(orphans, 1)]
    pieces.append("\n}\n")
    return "".join(pieces)  # one join: the file's text exists once, not three times


# The other objects' lists, after the tables (see pgdoc.docs.objects.schema_json_objects).
OBJECT_LISTS = ("functions", "types", "sequences", "objects")


def canonical(data: dict[str, Any]) -> str:
    """The canonical text of parsed `schema.json` data (used to check files)."""
    objects = {k: data[k] for k in OBJECT_LISTS if k in data}
    head = {k: v for k, v in data.items()
            if k not in ("tables", "orphaned_files", *OBJECT_LISTS)}
    return _document(head, [_layout(t, 2) for t in data["tables"]],
                     data.get("orphaned_files", []), objects)


def _layout(value: Any, depth: int) -> str:
    """`value` as JSON starting at indentation `depth` (its first line not indented): on
    one line when it fits in WIDTH, else one member per line, each laid out the same way.
    A table (depth 2) is always spread out, so that each fact has a line of its own."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if depth > 2:
            flat = _encode(value)
            if len(flat) + len(_INDENT) * depth <= WIDTH:
                return flat
        inner = _INDENT * (depth + 1)
        # Scalars encoded here, not in a call of _layout each: most members are.
        members = [f"{inner}{_key(k)}: "
                   f"{_layout(v, depth + 1) if isinstance(v, _COMPOUND) else _encode(v)}"
                   for k, v in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + _INDENT * depth + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if not isinstance(value[0], dict):  # lists hold one kind of item
            flat = _encode(value)
            if len(flat) + len(_INDENT) * depth <= WIDTH:
                return flat
        inner = _INDENT * (depth + 1)
        items = [f"{inner}{_layout(v, depth + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + _INDENT * depth + "]"
    return _encode(value)


_STRING = json.encoder.encode_basestring
_COMPOUND = (dict, list)
_KEYS: dict[str, str] = {}  # pgdoc's own field names: a few dozen


def _encoder() -> Callable[[Any], str]:
    """json.dumps(value, ensure_ascii=False), made once: JSONEncoder.encode builds its C
    encoder again on every call (a third of this file's time at 2,000 tables)."""
    plain = json.JSONEncoder(ensure_ascii=False)
    slow = plain.encode
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # an interpreter without the C accelerator
        return slow
    try:
        fast = make(None, plain.default, _STRING, None, ": ", ", ", False, False, True)

        def encode(value: Any) -> str:
            return "".join(fast(value, 0))
        probe = {"a": [1, None, True, "\u00e9\n"], "b": {}}
        if encode(probe) == slow(probe):
            return encode
    except (TypeError, ValueError):  # another signature in another Python
        pass
    return slow


_ENCODER = _encoder()


def _key(key: str) -> str:
    text = _KEYS.get(key)
    if text is None:
        text = _KEYS[key] = _encode(key)
    return text


def _encode(value: Any) -> str:
    text = _STRING(value) if isinstance(value, str) else _ENCODER(value)
    if text.isascii():  # the escapes below concern characters beyond ASCII only
        return text
    # Characters some editors and tools treat as line breaks, escaped inside strings.
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace(
            "\x85", "\\u0085")
    # Bytes that are not UTF-8 (names in an SQL_ASCII database, held as surrogates):
    # escaped, so that the file stays UTF-8 JSON.
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _prune(data: dict[str, Any]) -> dict[str, Any]:
    """Fields that say nothing (None, empty) left out."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


def _actions(on_delete: str, on_update: str, set_columns: tuple[str, ...]) -> dict[str, Any]:
    """Foreign key actions other than the default NO ACTION."""
    return _prune({
        "on_delete": FK_ACTIONS.get(on_delete, on_delete) if on_delete != "a" else None,
        "on_delete_columns": list(set_columns),
        "on_update": FK_ACTIONS.get(on_update, on_update) if on_update != "a" else None,
    })


def _relation(rel: Relation, catalog: Catalog, row: Row,
              referenced_by: dict[int, list[tuple[Relation, ForeignKey]]]) -> dict[str, Any]:
    keys = {k: [c for c in rel.constraints if c.kind == k] for k in "pucx"}
    pk = keys["p"][0] if keys["p"] else None
    parent = catalog.relations.get(rel.parent) if rel.parent is not None else None
    is_view = rel.kind in "vm"
    return _prune({
        "schema": rel.schema,
        "name": rel.name,
        "sql_name": rel.display,
        "kind": rel.kind_name,
        "file": row.filename,
        "comment": rel.comment,
        "columns": [_column(c, catalog, nullability=not is_view) for c in rel.columns],
        "reads": [{"schema": s, "name": n, "kind": _kind_name(k)} for s, n, k in rel.reads],
        # The query as its lines (split at \n only, so that joining them with \n gives
        # it back exactly): a changed view shows as changed lines.
        "definition": rel.definition.rstrip("\n").split("\n") if rel.definition else None,
        "primary_key": {"name": pk.name, "columns": list(pk.columns)} if pk else None,
        "unique_keys": [{"name": c.name, "columns": list(c.columns)} for c in keys["u"]],
        "check_constraints": [{"name": c.name, "definition": c.definition} for c in keys["c"]],
        "exclusion_constraints": [{"name": c.name, "definition": c.definition}
                                  for c in keys["x"]],
        "indexes": [_prune({"name": i.name, "definition": i.definition, "unique": i.unique or None,
                            "primary": i.primary or None}) for i in rel.indexes],
        "foreign_keys": [
            {"name": fk.name, "columns": list(fk.columns),
             "references": {"schema": fk.ref_schema, "table": fk.ref_name,
                            "columns": list(fk.ref_columns)},
             **_actions(fk.on_delete, fk.on_update, fk.on_delete_columns)}
            for fk in rel.foreign_keys
        ],
        "referenced_by": sorted(
            (_reference(src, fk) for src, fk in referenced_by.get(rel.oid, ())),
            key=lambda r: (r["schema"], r["table"], r["name"])),
        "partition_key": rel.partition_key,
        "partition_of": (_prune({"schema": parent.schema, "table": parent.name,
                                 "bound": rel.partition_bound})
                         if parent is not None else None),
        "partitions": _partitions(rel.oid, catalog) if rel.kind == "p" else [],
        "row_level_security": ({"enabled": True, "forced": rel.rls_forced}
                               if rel.rls else None),
        "policies": [_prune({"name": p.name,
                             "command": POLICY_COMMANDS.get(p.command, p.command),
                             "permissive": p.permissive, "roles": list(p.roles),
                             "using": p.using, "check": p.check})
                     for p in rel.policies],
        "triggers": [{"name": t.name, "definition": t.definition} for t in rel.triggers],
    })


def _kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, {"S": "sequence"}.get(kind, kind))


def _column(col: Column, catalog: Catalog, nullability: bool = True) -> dict[str, Any]:
    info = catalog.types.get(col.type_oid)
    generated = _GENERATED.get(col.generated)
    return _prune({
        "name": col.name,
        "type": col.type,
        # A view's columns carry no NOT NULL of their own: unknown, so left out.
        "nullable": (not col.not_null) if nullability else None,
        # A generated column's default is its expression: it is listed as `generated`.
        "default": None if generated else col.default,
        "identity": _IDENTITY.get(col.identity),
        "generated": generated,
        "generation_expression": col.default if generated else None,
        "comment": col.comment,
        "enum_values": list(info.values) if info is not None and info.kind == "enum" else None,
        "domain": (_prune({"schema": info.schema, "name": info.name, "base_type": info.base,
                           "not_null": info.not_null or None, "checks": list(info.checks)})
                   if info is not None and info.kind == "domain" else None),
    })


def _partitions(oid: int, catalog: Catalog) -> list[dict[str, Any]]:
    kids = catalog.children.get(oid, [])
    return [_prune({"schema": k.schema, "table": k.name, "bound": k.partition_bound,
                    "partitions": _partitions(k.oid, catalog) if k.kind == "p" else []})
            for k in kids]
