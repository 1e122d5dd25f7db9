"""What a schema change did, in words: two `schema.json` documents in, one line per change out.

`describe_changes(old, new)` compares the facts, not the text: tables and views by
(schema, name), their columns, keys, constraints, indexes, triggers, policies and
partitions by name, enum values and domains through the columns that use them (or a
top-level `types` list), and any other top-level list of objects with `schema` and `name`
field by field. Derived fields (`file`, `status`, `sql_name`, `fingerprint`, `database`,
`referenced_by` between documented tables, `unique_indexes`) say nothing new and are
skipped. Both formats are read: "pgdoc.schema/1" (every field present) and
"pgdoc.schema/2" (null, empty and false fields left out), so a missing key is empty.

A rename is reported as one when it can be proven: one column gone and one new at the
same position with the same type and attributes; a table gone and one new with the same
columns and keys; an enum value replaced in place. Otherwise it is an addition and a
removal, which is what the facts say.

Every name and value that comes from the database is kept apart from pgdoc's words
(`Change.args`), so the same change renders as a plain line (`one_line`) and as Markdown
(`md_code`), and no name can break either.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pgdoc.model import quote_ident
from pgdoc.text import md_code, one_line

Doc = Mapping[str, Any]
_VALUE_MAX = 120  # longer values (comments, expressions) are shortened to this many characters
# Table fields that are derived from others or describe the file, not the schema.
_DERIVED = frozenset({"schema", "name", "sql_name", "file", "status", "referenced_by",
                      "unique_indexes"})
# Fields of other objects that say who uses them (triggers, defaults, columns) or where
# they are written: those changes are the users' own, reported with them.
_USES = frozenset({"file", "triggers", "used_by_defaults", "used_by_columns",
                   "used_by_fields", "domains"})
# Table fields only format 2 and later carry: a format-1 document says nothing about them.
_SINCE_2 = frozenset({"definition", "reads"})
_TOP_SKIPPED = frozenset({"tables", "orphaned_files", "format", "fingerprint", "database",
                          "status"})
_SIGNATURE_FIELDS = ("identity_arguments", "arguments", "signature", "args")


@dataclass(frozen=True)
class Change:
    """One change, e.g. `users: column nickname added (text, NULL)`.

    `relation` is the table, view, type or other object as SQL spells it (`users`,
    `billing.invoices`, `"Users"`); `column` is set for a change of one column; `kind`
    is a stable identifier for tools (`column.added`, `foreign_key.removed`, ...);
    `template` is pgdoc's words with a `{}` for each of `args` (names and values)."""

    relation: str
    kind: str
    template: str
    args: tuple[str, ...] = ()
    column: str | None = None

    @property
    def subject(self) -> str:
        if self.column is None:
            return self.relation
        return f"{self.relation}.{quote_ident(self.column)}"

    @property
    def text(self) -> str:
        return one_line(self.template.format(*self.args))

    @property
    def line(self) -> str:
        return f"{one_line(self.subject)}: {self.text}"

    def markdown(self, with_relation: bool = True) -> str:
        """The change in Markdown, names and values as code spans; without the relation
        when the caller groups by it (a column change then starts with its column)."""
        text = self.template.format(*(md_code(_short(a), in_table=False) for a in self.args))
        if with_relation:
            return f"{md_code(self.subject, in_table=False)}: {text}"
        if self.column is not None:
            return f"{md_code(quote_ident(self.column), in_table=False)}: {text}"
        return text

    def as_json(self) -> dict[str, Any]:
        column = self.column
        if column is None and self.kind in _NAMED_COLUMN:  # its words name it first
            column = self.args[_NAMED_COLUMN[self.kind]]
        return {"relation": self.relation, "column": column, "kind": self.kind,
                "text": self.text, "line": self.line}


# Changes whose words carry the column's name (the line says `users: column x added`, not
# `users.x: ...`): which argument it is (a renamed column's new name).
_NAMED_COLUMN = {"column.added": 0, "column.removed": 0, "column.renamed": 1}


# -- the entry points -----------------------------------------------------------------------


def describe_changes(old: Doc | None, new: Doc | None) -> list[Change]:
    """Every change from `old` to `new` (parsed `schema.json`; None: no docs), grouped by
    relation: tables and views by (schema, name), then types, then other objects."""
    old, new = old or {}, new or {}
    old_tables, new_tables = _tables(old), _tables(new)
    formats = (_format(old), _format(new))
    # Unchanged tables are often the very same objects (see pgdoc.history.log).
    changed = [k for k, t in new_tables.items() if old_tables.get(k) is not t]
    changed += [k for k in old_tables if k not in new_tables]
    changed = [k for k in changed if old_tables.get(k) != new_tables.get(k)]
    groups: list[tuple[tuple[Any, ...], list[Change]]] = []
    groups += _table_changes(old_tables, new_tables, changed, formats)
    # Types: from a top-level `types` list when both documents have one, else through
    # the columns that use them.
    if not (isinstance(old.get("types"), list) and isinstance(new.get("types"), list)):
        groups += _column_type_changes(old_tables, new_tables, changed)
    groups += _object_list_changes(old, new)
    groups.sort(key=lambda g: g[0])
    return [c for _key, changes in groups for c in changes]


def change_lines(old_json_text: str | None, new_json_text: str | None) -> list[str]:
    """The changes between two `schema.json` texts as lines (for commit messages and
    `check`). Text that is not JSON counts as no docs."""
    return [c.line for c in describe_changes(parse_doc(old_json_text),
                                             parse_doc(new_json_text))]


def parse_doc(text: str | bytes | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def render_text(changes: Iterable[Change], indent: str = "") -> str:
    return "".join(f"{indent}{c.line}\n" for c in changes)


def render_markdown(changes: list[Change], title: str = "Schema changes",
                    note: str | None = None, level: int = 2) -> str:
    """A pull-request comment: a heading, then per relation its name and one bullet per
    change."""
    out = [f"{'#' * level} {title}", ""]
    if note:
        out += [note, ""]
    if not changes:
        return "\n".join([*out, "No schema change.", ""])
    relations = len({c.relation for c in changes})
    out += [f"{len(changes)} change{'s' if len(changes) != 1 else ''} in {relations} "
            f"relation{'s' if relations != 1 else ''}:", ""]
    current: str | None = None
    for c in changes:
        if c.relation != current:
            if current is not None:
                out.append("")
            out += [f"**{md_code(c.relation, in_table=False)}**", ""]
            current = c.relation
        out.append(f"- {c.markdown(with_relation=False)}")
    return "\n".join([*out, ""])


# -- reading tolerantly ---------------------------------------------------------------------


def _format(doc: Doc) -> int:
    fmt = doc.get("format")
    if isinstance(fmt, str) and fmt.startswith("pgdoc.schema/"):
        try:
            return int(fmt.rsplit("/", 1)[1])
        except ValueError:
            pass
    return 1


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    """A text fact: missing and empty are the same."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else _value(value)


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


_UNSAFE_WORD = re.compile(r"[^A-Za-z0-9_ .-]")


def _word(text: str) -> str:
    """A word of pgdoc's vocabulary that comes from the data (a kind, a field name), made
    safe for the template it goes into: no brace, no line break, no Markdown."""
    return _UNSAFE_WORD.sub("?", text)[:60]


def _short(text: str) -> str:
    return text if len(text) <= _VALUE_MAX else text[:_VALUE_MAX - 1] + "…"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value is False


def _label(schema: str, name: str) -> str:
    """How SQL spells the name, `public` left out (as `sql_name` does)."""
    return quote_ident(name) if schema == "public" else f"{quote_ident(schema)}.{quote_ident(name)}"


def _qualified(schema: str, name: str) -> str:
    return f"{quote_ident(schema)}.{quote_ident(name)}"


TableKey = tuple[str, str]


# The tables of the last documents compared: a revision is compared twice in a row in a
# log (as the new side, then as the old one). Kept with the document and its list, and
# used only while the list is that same list of that length.
_LAST: list[tuple[Doc, Any, int, dict[TableKey, Mapping[str, Any]]]] = []


def _tables(doc: Doc) -> dict[TableKey, Mapping[str, Any]]:
    tables = doc.get("tables")
    size = len(tables) if isinstance(tables, list) else 0
    for known, known_tables, known_size, out in _LAST:
        if known is doc and known_tables is tables and known_size == size:
            return out
    out = _index_tables(doc)
    _LAST.append((doc, tables, size, out))
    del _LAST[:-2]
    return out


def _index_tables(doc: Doc) -> dict[TableKey, Mapping[str, Any]]:
    out: dict[TableKey, Mapping[str, Any]] = {}
    for t in _list(doc.get("tables")):
        # dict, not Mapping: an abstract class check costs more than the rest here
        if isinstance(t, dict) and isinstance(t.get("name"), str):
            out[(t.get("schema") or "public", t["name"])] = t
    return out


def _table_label(key: TableKey, table: Mapping[str, Any]) -> str:
    sql_name = table.get("sql_name")
    return sql_name if isinstance(sql_name, str) and sql_name else _label(*key)


def _column_facts(col: Mapping[str, Any]) -> dict[str, Any]:
    """A column's facts with defaults filled in; enum values and domains are facts of
    their type, compared there."""
    facts = {k: v for k, v in col.items()
             if k not in ("name", "enum_values", "domain") and not _empty(v)}
    nullable = col.get("nullable")
    facts["nullable"] = nullable if isinstance(nullable, bool) else None
    if facts.get("generated"):
        facts.pop("default", None)
    return facts


def _columns(table: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(str(c["name"]), _column_facts(c)) for c in _list(table.get("columns"))
            if isinstance(c, Mapping) and "name" in c]


def _fk_facts(fk: Mapping[str, Any], rename: Callable[[TableKey], TableKey] | None = None
              ) -> dict[str, Any]:
    ref = fk.get("references") or {}
    key = (str(ref.get("schema") or "public"), str(ref.get("table") or ""))
    if rename is not None:
        key = rename(key)
    return {
        "columns": tuple(_list(fk.get("columns"))),
        "references": key,
        "ref_columns": tuple(_list(ref.get("columns"))),
        "on_delete": fk.get("on_delete") or "NO ACTION",
        "on_delete_columns": tuple(_list(fk.get("on_delete_columns"))),
        "on_update": fk.get("on_update") or "NO ACTION",
        **{k: v for k, v in fk.items() if k not in (
            "name", "columns", "references", "on_delete", "on_delete_columns", "on_update")
           and not _empty(v)},
    }


def _item_facts(item: Mapping[str, Any], defaults: Mapping[str, Any] | None = None
                ) -> dict[str, Any]:
    facts = dict(defaults or {})
    for k, v in item.items():
        if k != "name":
            facts[k] = tuple(v) if isinstance(v, list) else v
    for k in [k for k, v in facts.items() if _empty(v) and not (defaults and k in defaults)]:
        del facts[k]
    return facts


def _rls(table: Mapping[str, Any]) -> tuple[bool, bool]:
    rls = table.get("row_level_security") or {}
    return bool(rls.get("enabled")), bool(rls.get("forced"))


def _partitions(table: Mapping[str, Any]) -> dict[TableKey, str | None]:
    """Every partition below the table (nested ones too) and its bound."""
    out: dict[TableKey, str | None] = {}
    stack = list(reversed(_list(table.get("partitions"))))  # no recursive closure: no cycle
    while stack:
        p = stack.pop()
        if isinstance(p, Mapping):
            out[(str(p.get("schema") or "public"), str(p.get("table") or ""))] = \
                _str(p.get("bound"))
            stack.extend(reversed(_list(p.get("partitions"))))
    return out


def _definition(table: Mapping[str, Any]) -> str | None:
    value = table.get("definition")
    if isinstance(value, list):  # format 2: one string per line
        value = "\n".join(str(v) for v in value)
    return _str(value)


def _reads(table: Mapping[str, Any]) -> set[str]:
    out = set()
    for r in _list(table.get("reads")):
        if isinstance(r, Mapping):
            out.add(_label(str(r.get("schema") or "public"), str(r.get("name") or
                                                                 r.get("table") or "")))
        elif isinstance(r, str):
            out.add(r)
    return out


# -- tables ---------------------------------------------------------------------------------


def _shape(table: Mapping[str, Any]) -> str:
    """What a renamed table keeps: kind, columns and keys (names included)."""
    return json.dumps([
        table.get("kind") or "table",
        _columns(table),
        table.get("primary_key") or None,
        sorted(json.dumps(k, sort_keys=True) for k in _list(table.get("unique_keys"))),
        sorted(json.dumps(k, sort_keys=True) for k in _list(table.get("check_constraints"))),
        sorted(json.dumps(k, sort_keys=True) for k in _list(table.get("exclusion_constraints"))),
        sorted(json.dumps(_fk_facts(k), sort_keys=True, default=list)
               for k in _list(table.get("foreign_keys"))),
    ], sort_keys=True, default=list)


def _renamed_tables(removed: dict[TableKey, Mapping[str, Any]],
                    added: dict[TableKey, Mapping[str, Any]]) -> dict[TableKey, TableKey]:
    """old key -> new key for every removed table with exactly one added twin (and the
    twin with exactly one removed one)."""
    if not removed or not added:
        return {}
    by_shape_old: dict[str, list[TableKey]] = {}
    for key, t in removed.items():
        by_shape_old.setdefault(_shape(t), []).append(key)
    by_shape_new: dict[str, list[TableKey]] = {}
    for key, t in added.items():
        by_shape_new.setdefault(_shape(t), []).append(key)
    return {olds[0]: by_shape_new[shape][0] for shape, olds in by_shape_old.items()
            if len(olds) == 1 and len(by_shape_new.get(shape, [])) == 1}


def _table_changes(old: dict[TableKey, Mapping[str, Any]], new: dict[TableKey, Mapping[str, Any]],
                   changed: list[TableKey], formats: tuple[int, int]
                   ) -> list[tuple[tuple[Any, ...], list[Change]]]:
    removed = {k: old[k] for k in changed if k not in new}
    added = {k: new[k] for k in changed if k not in old}
    renames = _renamed_tables(removed, added)
    known = set(old) | set(new)

    def rename(key: TableKey) -> TableKey:
        return renames.get(key, key)

    groups = []
    for key, t in removed.items():
        if key not in renames:
            label = _table_label(key, t)
            kind = str(t.get("kind") or "table")
            groups.append(((0, key), [Change(label, "table.removed", f"{_word(kind)} removed")]))
    for key, t in added.items():
        if key in renames.values():
            continue
        label = _table_label(key, t)
        kind = str(t.get("kind") or "table")
        n = len(_list(t.get("columns")))
        groups.append(((0, key), [Change(
            label, "table.added",
            f"{_word(kind)} added ({n} column{'s' if n != 1 else ''})")]))
    for old_key, new_key in renames.items():
        t = new[new_key]
        label = _table_label(new_key, t)
        kind = str(t.get("kind") or "table")
        moved = [Change(label, "table.renamed", f"{_word(kind)} renamed from {{}}",
                        (_table_label(old_key, old[old_key]),))]
        moved += _table_diff(label, _qualified(*new_key), old[old_key], t, formats, rename, known,
                             (_qualified(*old_key), _qualified(*new_key)))
        groups.append(((0, new_key), moved))
    for key in changed:
        before, after = old.get(key), new.get(key)
        if before is None or after is None:
            continue
        changes = _table_diff(_table_label(key, after), _qualified(*key), before, after,
                              formats, rename, known, None)
        if changes:
            groups.append(((0, key), changes))
    return groups


def _table_diff(label: str, qualified: str, old: Mapping[str, Any], new: Mapping[str, Any],
                formats: tuple[int, int], rename: Callable[[TableKey], TableKey],
                known: set[TableKey], moved: tuple[str, str] | None) -> list[Change]:
    """The changes of one table present on both sides (`qualified`: its name in SQL)."""
    if old == new:
        return []
    out: list[Change] = []

    def add(kind: str, template: str, *args: str, column: str | None = None) -> None:
        out.append(Change(label, kind, template, tuple(args), column))

    def moved_text(text: Any) -> Any:
        """A definition of the old table as if written for the new name."""
        if moved is None or not isinstance(text, str):
            return text
        before, after = moved
        return text.replace(f" ON {before} ", f" ON {after} ").replace(
            f" ON ONLY {before} ", f" ON ONLY {after} ")

    old_kind, new_kind = str(old.get("kind") or "table"), str(new.get("kind") or "table")
    if old_kind != new_kind:
        add("table.kind", f"now a {_word(new_kind)} (was a {_word(old_kind)})")
    _text_fact(add, "table.comment", "comment", _str(old.get("comment")),
               _str(new.get("comment")))
    out += _column_diff(label, _columns(old), _columns(new))

    # Keys and constraints.
    old_pk, new_pk = old.get("primary_key") or None, new.get("primary_key") or None
    if old_pk != new_pk:
        if old_pk and new_pk:
            add("primary_key.changed", "primary key {} ({}) -> {} ({})",
                str(old_pk.get("name")), _value(_list(old_pk.get("columns"))),
                str(new_pk.get("name")), _value(_list(new_pk.get("columns"))))
        elif new_pk:
            add("primary_key.added", "primary key {} ({}) added", str(new_pk.get("name")),
                _value(_list(new_pk.get("columns"))))
        elif old_pk:
            add("primary_key.removed", "primary key {} ({}) removed", str(old_pk.get("name")),
                _value(_list(old_pk.get("columns"))))
    out += _named_diff(label, "unique_key", "unique key", old.get("unique_keys"),
                       new.get("unique_keys"), _item_facts,
                       lambda _n, f: ("({})", (_value(list(f.get("columns", ()))),)))
    for field, kind, noun in (("check_constraints", "check", "check constraint"),
                              ("exclusion_constraints", "exclusion", "exclusion constraint")):
        out += _named_diff(label, kind, noun, old.get(field), new.get(field), _item_facts,
                           lambda _n, f: ("{}", (_value(f.get("definition")),)))
    out += _named_diff(
        label, "foreign_key", "foreign key", old.get("foreign_keys"), new.get("foreign_keys"),
        lambda item: _fk_facts(item, rename), _fk_text, new_facts=_fk_facts)
    out += _named_diff(
        label, "index", "index", _own_indexes(old), _own_indexes(new),
        lambda item: _item_facts({**item, "definition": moved_text(item.get("definition"))},
                                 {"unique": False, "primary": False}),
        _index_text, new_facts=lambda item: _item_facts(item, {"unique": False,
                                                               "primary": False}))
    out += _external_references(label, old.get("referenced_by"), new.get("referenced_by"),
                                known, rename)

    # Partitions.
    _text_fact(add, "partition_key", "partition key", _str(old.get("partition_key")),
               _str(new.get("partition_key")))
    old_of, new_of = old.get("partition_of") or None, new.get("partition_of") or None
    if old_of != new_of:
        def parent(p: Mapping[str, Any]) -> str:
            return _label(str(p.get("schema") or "public"), str(p.get("table") or ""))
        if old_of and new_of and parent(old_of) == parent(new_of):
            _text_fact(add, "partition_of.bound", "partition bound", _str(old_of.get("bound")),
                       _str(new_of.get("bound")))
        else:
            if old_of:
                add("partition_of.detached", "detached from {}", parent(old_of))
            if new_of:
                add("partition_of.attached", "attached to {} ({})", parent(new_of),
                    _value(new_of.get("bound")))
    old_parts, new_parts = _partitions(old), _partitions(new)
    for key in sorted(old_parts.keys() | new_parts.keys()):
        name = _label(*key)
        if key not in new_parts:
            add("partition.removed", "partition {} removed", name)
        elif key not in old_parts:
            add("partition.added", "partition {} added ({})", name, _value(new_parts[key]))
        elif old_parts[key] != new_parts[key]:
            add("partition.bound", "partition {} bound {} -> {}", name,
                _value(old_parts[key]), _value(new_parts[key]))

    # Triggers, row-level security, policies.
    out += _named_diff(
        label, "trigger", "trigger", old.get("triggers"), new.get("triggers"),
        lambda item: _item_facts({**item, "definition": moved_text(item.get("definition"))}),
        lambda n, f: ("({})", (_trigger_text(n, f.get("definition"), (qualified, label)),)),
        new_facts=_item_facts, removal_details=False)
    old_rls, new_rls = _rls(old), _rls(new)
    if old_rls[0] != new_rls[0]:
        add("rls.enabled" if new_rls[0] else "rls.disabled",
            f"row level security {'enabled' if new_rls[0] else 'disabled'}")
    if old_rls[1] != new_rls[1]:
        add("rls.forced" if new_rls[1] else "rls.unforced",
            "row level security forced" if new_rls[1] else "row level security no longer forced")
    out += _named_diff(label, "policy", "policy", old.get("policies"), new.get("policies"),
                       lambda item: _item_facts(item, {"permissive": True}), _policy_text,
                       removal_details=False)

    # Views.
    if min(formats) >= 2 or any(k in old and k in new for k in _SINCE_2):
        if _definition(old) != _definition(new):
            add("view.definition", f"{_word(new_kind)} definition changed")
        old_reads, new_reads = _reads(old), _reads(new)
        for name in sorted(new_reads - old_reads):
            add("view.reads_added", "now reads {}", name)
        for name in sorted(old_reads - new_reads):
            add("view.reads_removed", "no longer reads {}", name)

    # Anything else a later format adds, compared as values.
    handled = {"kind", "comment", "columns", "primary_key", "unique_keys", "check_constraints",
               "exclusion_constraints", "foreign_keys", "indexes", "partition_key",
               "partition_of", "partitions", "triggers", "row_level_security", "policies",
               *_SINCE_2, *_DERIVED}
    same_format = formats[0] == formats[1]
    for field in sorted((old.keys() | new.keys()) - handled):
        a, b = old.get(field), new.get(field)
        if (_empty(a) and _empty(b)) or a == b:
            continue
        if not same_format and (field not in old or field not in new):
            continue  # a field one format has and the other has not: no change
        add("table.field", f"{_word(field)} {{}} -> {{}}", _short(_value(a)), _short(_value(b)))
    return out


def _own_indexes(table: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Indexes other than those behind the primary key and unique and exclusion
    constraints, which are reported as those."""
    backed = {str(k.get("name")) for f in ("unique_keys", "exclusion_constraints")
              for k in _list(table.get(f)) if isinstance(k, Mapping)}
    pk = table.get("primary_key")
    if isinstance(pk, Mapping):
        backed.add(str(pk.get("name")))
    return [i for i in _list(table.get("indexes")) if isinstance(i, Mapping)
            and not i.get("primary") and str(i.get("name")) not in backed]


def _text_fact(add: Callable[..., None], kind: str, noun: str, old: str | None,
               new: str | None) -> None:
    """A fact that is text or absent: added, removed or changed."""
    if old == new:
        return
    if old is None:
        add(f"{kind}.added", f"{noun} added: {{}}", _short(new or ""))
    elif new is None:
        add(f"{kind}.removed", f"{noun} removed (was {{}})", _short(old))
    else:
        # `default 0 -> 1`, but `comment changed: People. -> Persons.`
        verb = " changed:" if noun == "comment" else ""
        add(f"{kind}.changed", f"{noun}{verb} {{}} -> {{}}", _short(old), _short(new))


# -- columns --------------------------------------------------------------------------------


def _column_desc(facts: Mapping[str, Any]) -> tuple[str, list[str]]:
    """`text, NULL, DEFAULT now()` as a template and its values."""
    parts, args = ["{}"], [str(facts.get("type") or "?")]
    if facts.get("nullable") is not None:
        parts.append("NULL" if facts["nullable"] else "NOT NULL")
    if facts.get("default") is not None:
        parts.append("DEFAULT {}")
        args.append(_short(_value(facts["default"])))
    if facts.get("identity"):
        parts.append("GENERATED {} AS IDENTITY")
        args.append(str(facts["identity"]).upper())
    if facts.get("generated"):
        parts.append("GENERATED ALWAYS AS ({}) {}")
        args += [_short(_value(facts.get("generation_expression"))),
                 str(facts["generated"]).upper()]
    return ", ".join(parts), args


def _column_diff(label: str, old: list[tuple[str, dict[str, Any]]],
                 new: list[tuple[str, dict[str, Any]]]) -> list[Change]:
    if old == new:
        return []
    out: list[Change] = []
    old_names, new_names = [n for n, _ in old], [n for n, _ in new]
    old_set, new_set = set(old_names), set(new_names)
    gone = [n for n in old_names if n not in new_set]
    came = [n for n in new_names if n not in old_set]
    renamed: dict[str, str] = {}
    if len(gone) == 1 and len(came) == 1:
        i, j = old_names.index(gone[0]), new_names.index(came[0])
        a, b = dict(old[i][1]), dict(new[j][1])
        a.pop("comment", None)
        b.pop("comment", None)
        if i == j and a == b:
            renamed[gone[0]] = came[0]
    old_facts, new_facts = dict(old), dict(new)
    for name in gone:
        if name in renamed:
            out.append(Change(label, "column.renamed", "column {} renamed to {}",
                              (name, renamed[name])))
        else:
            out.append(Change(label, "column.removed", "column {} removed ({})",
                              (name, str(old_facts[name].get("type") or "?"))))
    for name in came:
        if name not in renamed.values():
            template, args = _column_desc(new_facts[name])
            out.append(Change(label, "column.added", f"column {{}} added ({template})",
                              (name, *args)))
    back = {v: k for k, v in renamed.items()}
    for name in new_names:
        before = old_facts.get(back.get(name, name))
        if before is not None:
            out += _column_change(label, name, before, new_facts[name])
    kept_old = [renamed.get(n, n) for n in old_names if n not in gone or n in renamed]
    kept_new = [n for n in new_names if n not in came or n in back]
    if kept_old != kept_new:
        out.append(Change(label, "columns.reordered", "columns reordered: {} -> {}",
                          (_value(kept_old), _value(kept_new))))
    return out


def _column_change(label: str, column: str, old: Mapping[str, Any], new: Mapping[str, Any]
                   ) -> list[Change]:
    if old == new:
        return []
    out: list[Change] = []

    def add(kind: str, template: str, *args: str, column: str | None = column) -> None:
        out.append(Change(label, kind, template, tuple(args), column))

    if old.get("type") != new.get("type"):
        add("column.type", "type {} -> {}", _value(old.get("type")), _value(new.get("type")))
    a, b = old.get("nullable"), new.get("nullable")
    if a is not None and b is not None and a != b:
        add("column.nullable", "NOT NULL -> NULL" if b else "NULL -> NOT NULL")
    _text_fact(add, "column.default", "default", _str(old.get("default")),
               _str(new.get("default")))
    a, b = old.get("identity"), new.get("identity")
    if a != b:
        if a and b:
            add("column.identity.changed", "identity {} -> {}", str(a).upper(), str(b).upper())
        elif b:
            add("column.identity.added", "identity GENERATED {} AS IDENTITY added",
                str(b).upper())
        else:
            add("column.identity.removed", "identity removed (was GENERATED {} AS IDENTITY)",
                str(a).upper())
    a, b = old.get("generated"), new.get("generated")
    if a != b:
        if a and b:
            add("column.generated.changed", "generated {} -> {}", str(a).upper(), str(b).upper())
        elif b:
            add("column.generated.added", "now generated: {} {}",
                _short(_value(new.get("generation_expression"))), str(b).upper())
        else:
            add("column.generated.removed", "no longer generated (was {} {})",
                _short(_value(old.get("generation_expression"))), str(a).upper())
    if a and b:
        _text_fact(add, "column.generation_expression", "generation expression",
                   _str(old.get("generation_expression")), _str(new.get("generation_expression")))
    _text_fact(add, "column.comment", "comment", _str(old.get("comment")),
               _str(new.get("comment")))
    handled = {"type", "nullable", "default", "identity", "generated", "generation_expression",
               "comment"}
    for field in sorted((old.keys() | new.keys()) - handled):
        if old.get(field) != new.get(field):
            add("column.field", f"{_word(field)} {{}} -> {{}}", _short(_value(old.get(field))),
                _short(_value(new.get(field))))
    return out


# -- named things: keys, constraints, indexes, triggers, policies ---------------------------

Describe = Callable[[str, Mapping[str, Any]], tuple[str, tuple[str, ...]]]


def _named_diff(label: str, kind: str, noun: str, old_items: Any, new_items: Any,
                facts: Callable[[Mapping[str, Any]], dict[str, Any]], describe: Describe,
                new_facts: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None,
                removal_details: bool = True) -> list[Change]:
    """Items identified by name: added, removed, renamed (same facts, new name, when that
    pairs exactly one with one), changed."""
    if old_items == new_items:
        return []
    old = {str(i.get("name")): facts(i) for i in _list(old_items) if isinstance(i, Mapping)}
    new = {str(i.get("name")): (new_facts or facts)(i) for i in _list(new_items)
           if isinstance(i, Mapping)}
    gone = [n for n in old if n not in new]
    came = [n for n in new if n not in old]
    renamed: dict[str, str] = {}
    if gone and came:
        def key(name: str, f: Mapping[str, Any]) -> str:
            return json.dumps({k: _unnamed(v, name) for k, v in f.items()}, sort_keys=True,
                              default=list)
        olds: dict[str, list[str]] = {}
        for n in gone:
            olds.setdefault(key(n, old[n]), []).append(n)
        news: dict[str, list[str]] = {}
        for n in came:
            news.setdefault(key(n, new[n]), []).append(n)
        renamed = {names[0]: news[k][0] for k, names in olds.items()
                   if len(names) == 1 and len(news.get(k, [])) == 1}
    out = []
    for n in gone:
        if n in renamed:
            out.append(Change(label, f"{kind}.renamed", f"{noun} {{}} renamed to {{}}",
                              (n, renamed[n])))
        else:
            template, args = describe(n, old[n]) if removal_details else ("", ())
            out.append(Change(label, f"{kind}.removed",
                              f"{noun} {{}} {template} removed".replace("  ", " "), (n, *args)))
    for n in came:
        if n not in renamed.values():
            template, args = describe(n, new[n])
            out.append(Change(label, f"{kind}.added", f"{noun} {{}} {template} added",
                              (n, *args)))
    for n in new:
        if n in old and old[n] != new[n]:
            t_old, a_old = describe(n, old[n])
            t_new, a_new = describe(n, new[n])
            if (t_old, a_old) == (t_new, a_new):  # a fact the short form leaves out
                t_old, a_old = "{}", (_value(old[n]),)
                t_new, a_new = "{}", (_value(new[n]),)
            out.append(Change(label, f"{kind}.changed", f"{noun} {{}} {t_old} -> {t_new}",
                              (n, *a_old, *a_new)))
    return out


def _unnamed(value: Any, name: str) -> Any:
    """A definition with the item's own name taken out, to see that two are the same."""
    if isinstance(value, str):
        return value.replace(f" {quote_ident(name)} ", " \0 ", 1)
    return value


def _fk_text(_name: str, f: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    cols = list(f.get("columns", ()))
    ref_cols = list(f.get("ref_columns", ()))
    target = _label(*f.get("references", ("public", "?")))
    if len(ref_cols) == 1:
        ref = f"{target}.{quote_ident(ref_cols[0])}"
    else:
        ref = f"{target}({', '.join(quote_ident(c) for c in ref_cols)})"
    template, args = "({} -> {}", [", ".join(cols), ref]
    if f.get("on_delete") and f["on_delete"] != "NO ACTION":
        template += " ON DELETE {}"
        on_delete = str(f["on_delete"])
        if f.get("on_delete_columns"):
            on_delete += f" ({', '.join(f['on_delete_columns'])})"
        args.append(on_delete)
    if f.get("on_update") and f["on_update"] != "NO ACTION":
        template += " ON UPDATE {}"
        args.append(str(f["on_update"]))
    return template + ")", tuple(args)


def _index_text(_name: str, f: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    definition = str(f.get("definition") or "")
    _, using, rest = definition.partition(" USING ")
    unique = "unique, " if f.get("unique") else ""
    return f"({unique}{{}})", (rest if using else definition,)


def _trigger_text(name: str, definition: Any, tables: tuple[str, ...]) -> str:
    """`CREATE TRIGGER t BEFORE UPDATE ON public.users FOR EACH ROW ...` without what the
    line already says: `BEFORE UPDATE FOR EACH ROW ...`."""
    text = str(definition or "")
    for head in ("CREATE TRIGGER ", "CREATE CONSTRAINT TRIGGER "):
        prefix = f"{head}{quote_ident(name)} "
        if text.startswith(prefix):
            short = text[len(prefix):]
            for table in tables:  # qualified or not, as the server's search_path had it
                if f" ON {table} " in short:
                    short = short.replace(f" ON {table} ", " ", 1)
                    break
            return ("CONSTRAINT " if "CONSTRAINT" in head else "") + short
    return text


def _policy_text(_name: str, f: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    parts, args = ["{}"], [str(f.get("command") or "ALL")]
    if not f.get("permissive", True):
        parts.append("RESTRICTIVE")
    if f.get("roles"):
        parts.append("TO {}")
        args.append(", ".join(str(r) for r in f["roles"]))
    if f.get("using"):
        parts.append("USING {}")
        args.append(_short(str(f["using"])))
    if f.get("check"):
        parts.append("WITH CHECK {}")
        args.append(_short(str(f["check"])))
    return "(" + " ".join(parts) + ")", tuple(args)


def _external_references(label: str, old_items: Any, new_items: Any, known: set[TableKey],
                         rename: Callable[[TableKey], TableKey]) -> list[Change]:
    """Foreign keys into this table from tables the docs leave out (those of documented
    tables are reported on the table that declares them)."""
    if old_items == new_items:
        return []

    def refs(items: Any, translate: bool) -> dict[tuple[Any, ...], str]:
        out = {}
        for r in _list(items):
            if not isinstance(r, Mapping):
                continue
            src = (str(r.get("schema") or "public"), str(r.get("table") or ""))
            if src in known or rename(src) in known:
                continue
            if translate:
                src = rename(src)
            cols = ", ".join(str(c) for c in _list(r.get("columns")))
            out[(src, r.get("name"), cols)] = f"{_label(*src)}({cols})"
        return out
    old, new = refs(old_items, True), refs(new_items, False)
    out = []
    for k in old.keys() - new.keys():
        out.append(Change(label, "referenced_by.removed", "no longer referenced by {} [{}]",
                          (old[k], str(k[1]))))
    for k in new.keys() - old.keys():
        out.append(Change(label, "referenced_by.added", "now referenced by {} [{}]",
                          (new[k], str(k[1]))))
    return sorted(out, key=lambda c: c.args)


# -- enum values and domains, through the columns that use them -----------------------------


def _types_in(tables: Iterable[Mapping[str, Any]]
              ) -> tuple[dict[str, list[str]], dict[str, dict[str, Any]]]:
    enums: dict[str, list[str]] = {}
    domains: dict[str, dict[str, Any]] = {}
    for t in tables:
        for c in _list(t.get("columns")):
            if not isinstance(c, Mapping):
                continue
            values = c.get("enum_values")
            if isinstance(values, list) and c.get("type"):
                enums.setdefault(str(c["type"]), [str(v) for v in values])
            d = c.get("domain")
            if isinstance(d, Mapping) and d.get("name"):
                domains.setdefault(_label(str(d.get("schema") or "public"), str(d["name"])), {
                    "base_type": d.get("base_type"),
                    "not_null": bool(d.get("not_null")),
                    "checks": [str(x) for x in _list(d.get("checks"))],
                })
    return enums, domains


def _column_type_changes(old: dict[TableKey, Mapping[str, Any]],
                         new: dict[TableKey, Mapping[str, Any]], changed: list[TableKey]
                         ) -> list[tuple[tuple[Any, ...], list[Change]]]:
    """Only tables that changed can show a type change: a type's values change in every
    column that uses it, so the changed tables on both sides hold all there is to see. A
    type seen on one side only is not reported: the docs show types only where used."""
    old_enums, old_domains = _types_in(old[k] for k in changed if k in old)
    new_enums, new_domains = _types_in(new[k] for k in changed if k in new)
    groups = []
    for name in sorted(old_enums.keys() & new_enums.keys()):
        changes = enum_changes(name, old_enums[name], new_enums[name])
        if changes:
            groups.append(((1, name), changes))
    for name in sorted(old_domains.keys() & new_domains.keys()):
        changes = _domain_changes(name, old_domains[name], new_domains[name])
        if changes:
            groups.append(((1, name), changes))
    return groups


def enum_changes(name: str, old: list[str], new: list[str]) -> list[Change]:
    if old == new:
        return []
    gone = [v for v in old if v not in new]
    came = [v for v in new if v not in old]
    if len(gone) == 1 and len(came) == 1 and old.index(gone[0]) == new.index(came[0]) and \
            [v for v in old if v != gone[0]] == [v for v in new if v != came[0]]:
        return [Change(name, "enum.value_renamed", "enum value {} renamed to {}",
                       (gone[0], came[0]))]
    out = []
    for v in came:
        i = new.index(v)
        if i == 0 and len(new) > 1:
            out.append(Change(name, "enum.value_added", "enum value {} added (before {})",
                              (v, new[1])))
        elif 0 < i < len(new) - 1:
            out.append(Change(name, "enum.value_added", "enum value {} added (after {})",
                              (v, new[i - 1])))
        else:
            out.append(Change(name, "enum.value_added", "enum value {} added", (v,)))
    for v in gone:
        out.append(Change(name, "enum.value_removed", "enum value {} removed", (v,)))
    kept_old = [v for v in old if v in new]
    kept_new = [v for v in new if v in old]
    if kept_old != kept_new:
        out.append(Change(name, "enum.reordered", "enum values reordered: {} -> {}",
                          (", ".join(kept_old), ", ".join(kept_new))))
    return out


def _domain_changes(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    out: list[Change] = []
    if old.get("base_type") != new.get("base_type"):
        out.append(Change(name, "domain.base_type", "domain base type {} -> {}",
                          (_value(old.get("base_type")), _value(new.get("base_type")))))
    if bool(old.get("not_null")) != bool(new.get("not_null")):
        out.append(Change(name, "domain.not_null", "domain NOT NULL -> NULL"
                          if old.get("not_null") else "domain NULL -> NOT NULL"))
    old_checks, new_checks = list(old.get("checks") or []), list(new.get("checks") or [])
    for c in new_checks:
        if c not in old_checks:
            out.append(Change(name, "domain.check_added", "domain check {} added", (_short(c),)))
    for c in old_checks:
        if c not in new_checks:
            out.append(Change(name, "domain.check_removed", "domain check {} removed",
                              (_short(c),)))
    for field in sorted((old.keys() | new.keys()) - {"base_type", "not_null", "checks"}):
        if old.get(field) != new.get(field):
            out.append(Change(name, "domain.field", f"domain {_word(field)} {{}} -> {{}}",
                              (_value(old.get(field)), _value(new.get(field)))))
    return out


# -- other top-level lists of objects (functions, types, sequences, ...) --------------------


def _object_lists(doc: Doc) -> Iterator[str]:
    for key, value in doc.items():
        if key in _TOP_SKIPPED or not isinstance(value, list):
            continue
        if any(isinstance(v, Mapping) and "name" in v for v in value):
            yield key


def _noun(list_key: str, item: Mapping[str, Any]) -> str:
    kind = item.get("kind")
    if isinstance(kind, str) and kind:
        return kind
    word = list_key.replace("_", " ")
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _object_changes(key: str, items: Any) -> dict[tuple[str, ...], Mapping[str, Any]]:
    out: dict[tuple[str, ...], Mapping[str, Any]] = {}
    for item in _list(items):
        if not isinstance(item, Mapping) or "name" not in item:
            continue
        signature = next((_value(item[f]) for f in _SIGNATURE_FIELDS if f in item), "")
        ident = (str(item.get("schema") or "public"), str(item["name"]), signature)
        n = 2
        base = ident
        while ident in out:  # same name twice: tell them apart by order
            ident = (*base[:2], f"{base[2]}#{n}")
            n += 1
        out[ident] = item
    return out


def _object_list_changes(old: Doc, new: Doc) -> list[tuple[tuple[Any, ...], list[Change]]]:
    groups = []
    for key in sorted(set(_object_lists(old)) | set(_object_lists(new))):
        if old.get(key) == new.get(key):
            continue
        before, after = _object_changes(key, old.get(key)), _object_changes(key, new.get(key))
        for ident in sorted(before.keys() | after.keys()):
            a, b = before.get(ident), after.get(ident)
            if a == b:
                continue
            label = _label(ident[0], ident[1]) + (f"({ident[2]})" if ident[2] else "")
            noun = _noun(key, b or a or {})
            if a is None:
                changes = [Change(label, f"{key}.added", f"{_word(noun)} added")]
            elif b is None:
                changes = [Change(label, f"{key}.removed", f"{_word(noun)} removed")]
            else:
                changes = _object_diff(label, key, noun, a, b)
            if changes:
                groups.append(((2, key, ident), changes))
    return groups


def _object_diff(label: str, key: str, noun: str, old: Mapping[str, Any],
                 new: Mapping[str, Any]) -> list[Change]:
    if noun == "domain":
        def facts(d: Mapping[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in d.items() if k not in _USES | {"schema", "name", "kind"}}
        return _domain_changes(label, facts(old), facts(new))
    values = {"values", "labels", "enum_values"}
    if noun == "enum" or (key == "types" and any(
            isinstance(old.get(f), list) and isinstance(new.get(f), list) for f in values)):
        field = next((f for f in values if isinstance(old.get(f), list)), "values")
        out = enum_changes(label, [str(v) for v in old.get(field) or []],
                           [str(v) for v in new.get(field) or []])
        skip = {field}
    else:
        out, skip = [], set()
    for field in sorted((old.keys() | new.keys()) - skip - {"schema", "name"} - _USES):
        a, b = old.get(field), new.get(field)
        if a == b or (_empty(a) and _empty(b)):
            continue
        out.append(Change(label, f"{key}.changed", f"{_word(noun)} {_word(field)} {{}} -> {{}}",
                          (_short(_value(a)), _short(_value(b)))))
    return out
