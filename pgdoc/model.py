"""What pgdoc knows about a database: plain, immutable data built from one catalog query."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

# pg_constraint.confdeltype / confupdtype
FK_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL",
              "d": "SET DEFAULT"}

# pg_policy.polcmd
POLICY_COMMANDS = {"*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}

KIND_NAMES = {
    "r": "table",
    "p": "partitioned table",
    "v": "view",
    "m": "materialized view",
    "f": "foreign table",
}


# Keywords that are not UNRESERVED_KEYWORD in any PostgreSQL from 10 to 18 (pg_get_keywords()
# catcode R, T or C): quote_ident and pg_dump quote these, and so must SQL written from the docs.
_KEYWORDS = """
all analyse analyze and any array as asc asymmetric authorization between bigint binary bit
boolean both case cast char character check coalesce collate collation column concurrently
constraint create cross current_catalog current_date current_role current_schema current_time
current_timestamp current_user dec decimal default deferrable desc distinct do else end except
exists extract false fetch float for foreign freeze from full grant greatest group grouping
having ilike in initially inner inout int integer intersect interval into is isnull join json
json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar
json_serialize json_table json_value lateral leading least left like limit localtime
localtimestamp merge_action national natural nchar none normalize not notnull null nullif
numeric offset on only or order out outer overlaps overlay placing position precision primary
real references returning right row select session_user setof similar smallint some substring
symmetric system_user table tablesample then time timestamp to trailing treat trim true union
unique user using values varchar variadic verbose when where window with xmlattributes
xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize
xmltable
"""
_QUOTED_KEYWORDS = frozenset(_KEYWORDS.split())


_PLAIN_IDENT = re.compile(r"[a-z_][a-z0-9_]*\Z")


def quote_ident(name: str) -> str:
    """Quote an identifier the way PostgreSQL's quote_ident does: unless it is lower-case
    ASCII letters, digits and `_` (not starting with a digit) and no reserved keyword."""
    if _PLAIN_IDENT.match(name) and name not in _QUOTED_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    default: str | None = None
    identity: str = ""  # "" | "a" (ALWAYS) | "d" (BY DEFAULT)
    generated: str = ""  # "" | "s" (STORED) | "v" (VIRTUAL, PG 18)
    comment: str | None = None
    type_oid: int = 0


@dataclass(frozen=True)
class Constraint:
    name: str
    kind: str  # p primary, u unique, c check, x exclusion, f foreign key
    definition: str
    columns: tuple[str, ...] = ()  # the key's columns in key order (empty for expressions)


@dataclass(frozen=True)
class ForeignKey:
    name: str
    table: int  # oid of the table declaring it
    columns: tuple[str, ...]
    ref_table: int
    ref_schema: str
    ref_name: str
    ref_columns: tuple[str, ...]
    on_delete: str
    on_update: str
    on_delete_columns: tuple[str, ...] = ()  # ON DELETE SET NULL (a, b), PostgreSQL 15+


@dataclass(frozen=True)
class Index:
    name: str
    definition: str
    primary: bool
    unique: bool
    using: int = -1  # where `USING method (...)` starts in `definition`; -1: not known


@dataclass(frozen=True)
class Trigger:
    name: str
    definition: str


@dataclass(frozen=True)
class Policy:
    name: str
    command: str
    permissive: bool
    roles: tuple[str, ...]
    using: str | None
    check: str | None


@dataclass(frozen=True)
class Relation:
    oid: int
    schema: str
    name: str
    kind: str  # r p v m f
    comment: str | None = None
    parent: int | None = None  # direct partition parent
    partition_bound: str | None = None
    partition_key: str | None = None
    rls: bool = False
    rls_forced: bool = False
    access_method: str | None = None
    columns: tuple[Column, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[Index, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    policies: tuple[Policy, ...] = ()
    # Views and materialized views: the query (pg_get_viewdef) and the relations it reads,
    # as (schema, name, relkind), sorted.
    definition: str | None = None
    reads: tuple[tuple[str, str, str], ...] = ()

    @property
    def qualified(self) -> str:
        """`schema.name` with each part quoted only when needed: `public.users`, `test."Foo"`."""
        return f"{quote_ident(self.schema)}.{quote_ident(self.name)}"

    @property
    def display(self) -> str:
        """The name users type: `users` for public tables, else `schema.name` (quoted as needed)."""
        return quote_ident(self.name) if self.schema == "public" else self.qualified

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def is_partition(self) -> bool:
        return self.parent is not None


@dataclass(frozen=True)
class TypeInfo:
    schema: str
    name: str
    kind: str  # "enum" | "domain"
    values: tuple[str, ...] = ()  # enum labels in order
    base: str | None = None  # domain base type
    checks: tuple[str, ...] = ()  # domain CHECK constraints
    not_null: bool = False


@dataclass(frozen=True)
class Catalog:
    server_version: int
    database: str
    relations: dict[int, Relation]
    types: dict[int, TypeInfo] = field(default_factory=dict)
    # (catalog class oid, object oid) -> oid of the relation the object belongs to
    owners: dict[tuple[int, int], int] = field(default_factory=dict)
    # (schema, name) -> oid of the partitions and their attached indexes, the objects
    # pg_dump's ATTACH entries name only by name
    names: dict[tuple[str, str], int] = field(default_factory=dict)
    # pg_rewrite oids of the views' `_RETURN` rules
    view_rules: frozenset[int] = frozenset()

    @functools.cached_property
    def children(self) -> dict[int, list[Relation]]:
        """Direct partitions of each partitioned relation, sorted by (schema, name)."""
        kids: dict[int, list[Relation]] = {}
        for rel in self.relations.values():
            if rel.parent is not None:
                kids.setdefault(rel.parent, []).append(rel)
        for group in kids.values():
            group.sort(key=lambda r: (r.schema, r.name))
        return kids


def root_of(catalog: Catalog, oid: int) -> int:
    """The top of a partition tree (the relation itself when it is no partition)."""
    seen = set()
    rel = catalog.relations.get(oid)
    while rel is not None and rel.parent is not None and rel.parent in catalog.relations:
        if rel.oid in seen:
            break
        seen.add(rel.oid)
        rel = catalog.relations[rel.parent]
    return rel.oid if rel is not None else oid


def fold_foreign_keys(catalog: Catalog, documented: Collection[int]) -> Catalog:
    """The catalog as the docs show it when partitions are folded: a partition without a
    file of its own (its DDL is in its root's file) has its foreign keys shown there, so
    they become the root's (after its own, by name: the root is their source) and the
    partition has none; each keeps `table`, the partition that declares it. `documented`:
    the oids that have a file. The same catalog when no partition declares a key of its
    own (a key declared on the parent is the parent's)."""
    moved: dict[int, list[ForeignKey]] = {}
    relations = dict(catalog.relations)
    for oid, rel in catalog.relations.items():
        if rel.foreign_keys and rel.parent is not None and oid not in documented:
            root = root_of(catalog, oid)
            if root != oid and root in documented:
                moved.setdefault(root, []).extend(rel.foreign_keys)
                relations[oid] = dataclasses.replace(rel, foreign_keys=())
    if not moved:
        return catalog
    for root, fks in moved.items():
        own = relations[root].foreign_keys
        relations[root] = dataclasses.replace(
            relations[root], foreign_keys=(*own, *sorted(fks, key=lambda fk: fk.name)))
    return dataclasses.replace(catalog, relations=relations)
