"""Assign pg_dump's entries to the relations they document, and order them canonically.

An entry belongs to a relation when its catalog row does (a table's own row, its
indexes, owned sequences, constraints, defaults, triggers, rules, policies), when it
depends on an entry that does (comments, grants, security labels, `SEQUENCE OWNED BY`,
row security), or, for the `ATTACH` entries pg_dump heads only with names, when its
name is a relation's.

A table's file holds exactly what `pg_dump -t` writes for it (the reference path,
`pgdoc sync --per-table`). So these are returned apart, with the entries that belong
to no documented relation (schemas, types, functions, extensions, ...), and left out
of the table files:
- extended statistics (`CREATE STATISTICS`): pg_dump writes them only with their
  schema, never with `-t`;
- publication memberships (`ALTER PUBLICATION ... ADD TABLE`): written only in a dump
  of the whole database, with the publication itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pgdoc.model import Catalog, quote_ident
from pgdoc.postgres.dump import Entry

# pg_dump's object types in the order a table file lists them.
TYPE_ORDER = (
    "TABLE",
    "FOREIGN TABLE",
    "VIEW",
    "MATERIALIZED VIEW",
    "SEQUENCE",
    "SEQUENCE OWNED BY",
    "DEFAULT",
    "TABLE ATTACH",
    "CONSTRAINT",
    "CHECK CONSTRAINT",
    "INDEX",
    "INDEX ATTACH",
    "STATISTICS",
    "RULE",
    "TRIGGER",
    "FK CONSTRAINT",
    "POLICY",
    "ROW SECURITY",
    "PUBLICATION TABLE",
    "COMMENT",
    "SECURITY LABEL",
    "ACL",
)
# pg_class's own oid (RelationRelationId), fixed since PostgreSQL's first catalogs.
PG_CLASS = 1259
_RANK = {desc: i for i, desc in enumerate(TYPE_ORDER)}
# Entries that annotate another entry and are listed right after it.
_ANNOTATIONS = frozenset({"COMMENT", "SECURITY LABEL", "ACL", "SEQUENCE OWNED BY"})
# Entries about a table that `pg_dump -t` never writes (see the module's docstring); their
# comments follow them out, through their dependencies.
NOT_WITH_TABLE = frozenset({"STATISTICS", "PUBLICATION TABLE"})


@dataclass(frozen=True)
class Split:
    by_relation: dict[int, list[Entry]]  # documented relation oid -> its entries, in order
    unassigned: list[Entry]  # entries that belong to no documented relation


def header_name(name: str) -> str:
    """A name as pg_dump writes it in its `-- Name:` comments: newlines become spaces."""
    return name.replace("\r", " ").replace("\n", " ")


def split_dump(
    entries: Iterable[Entry],
    catalog: Catalog,
    file_of: Callable[[int], int | None],
) -> Split:
    """Group entries by documented relation. `file_of(rel_oid)` maps a catalog relation
    to the relation whose file documents it (partitions fold into their root), or None."""
    entries = list(entries)
    owners = _Owners(entries, catalog)
    by_relation: dict[int, list[Entry]] = {}
    unassigned: list[Entry] = []
    for e in entries:
        rel = owners.of(e)
        target = file_of(rel) if rel is not None else None
        if target is None:
            unassigned.append(e)
        else:
            by_relation.setdefault(target, []).append(e)
    return Split(
        by_relation={oid: canonical_order(es, oid) for oid, es in by_relation.items()},
        unassigned=unassigned,
    )


class _Owners:
    """The relation each entry belongs to, memoized. (A class, not nested functions: a
    recursive closure is a reference cycle that would keep every entry alive until the
    garbage collector's next full pass.)"""

    def __init__(self, entries: list[Entry], catalog: Catalog) -> None:
        self.catalog = catalog
        self.by_id = {e.dump_id: e for e in entries}
        self.cache: dict[int, int | None] = {}
        # pg_dump heads ATTACH entries with the attached partition's name and nothing else.
        self.named: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
        for (schema, name), oid in catalog.names.items():
            key = (header_name(schema), header_name(name))
            self.named.setdefault(key, []).append((schema, name, oid))

    def of(self, e: Entry, depth: int = 0) -> int | None:
        if e.dump_id in self.cache:
            return self.cache[e.dump_id]
        self.cache[e.dump_id] = None  # guards against dependency cycles
        if e.desc in NOT_WITH_TABLE:
            return None
        rel = self.catalog.owners.get((e.class_oid, e.oid))
        if rel is None and e.desc in ("TABLE ATTACH", "INDEX ATTACH"):
            obj = self.attached(e)
            if obj is not None:
                rel = self.catalog.owners.get((PG_CLASS, obj))
        if rel is None and e.class_oid == 0 and depth < 8:
            found = {self.of(self.by_id[d], depth + 1) for d in e.deps if d in self.by_id}
            found.discard(None)
            if len(found) == 1:
                rel = found.pop()
        self.cache[e.dump_id] = rel
        return rel

    def attached(self, e: Entry) -> int | None:
        """The table or index an ATTACH entry attaches, by its name, or when names differ
        only by a line break (the header shows a space), by its statement."""
        found = self.named.get((e.schema, e.tag), [])
        if len(found) > 1:
            found = [f for f in found
                     if f" ATTACH PARTITION {quote_ident(f[0])}.{quote_ident(f[1])}" in e.body]
        return found[0][2] if len(found) == 1 else None


def canonical_order(entries: list[Entry], main_oid: int | None = None) -> list[Entry]:
    """A table's entries in an order that depends only on the entries themselves.

    pg_dump's whole-database order moves a table's entries around when unrelated
    objects change; sorting by object type, then name, keeps each file stable and
    makes the one-dump and per-table paths agree. Annotations (comments, grants)
    follow the entry they annotate.
    """
    by_id = {e.dump_id: e for e in entries}

    def anchor(e: Entry) -> Entry:
        if e.desc in _ANNOTATIONS:
            deps = [by_id[d] for d in e.deps if d in by_id and by_id[d].desc not in _ANNOTATIONS]
            if len(deps) == 1:
                return deps[0]
        return e

    def own_key(e: Entry) -> tuple[int, str, str]:
        is_main = e.class_oid == PG_CLASS and e.oid == main_oid
        rank = -1 if is_main else _RANK.get(e.desc, len(_RANK))
        return (rank, e.schema, e.tag)

    def key(e: Entry) -> tuple[object, ...]:
        a = anchor(e)
        return (*own_key(a), 0 if a is e else 1, *own_key(e), e.name_line, e.body)

    return sorted(entries, key=key)


def render_ddl(entries: Iterable[Entry]) -> str:
    """The DDL part of a table file: the entries, separated by one blank line."""
    return "\n".join(e.text for e in entries)
