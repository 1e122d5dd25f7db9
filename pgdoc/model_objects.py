"""What pgdoc knows about the schema's objects other than tables: functions, types,
sequences, and which table each extended statistics object belongs to.

Plain, immutable data built from one catalog query (pgdoc.postgres.objects). Names are
raw (unquoted) identifiers; a column is `(schema, table, column)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pgdoc.model import quote_ident

# pg_proc.prokind
FUNCTION_KINDS = {"f": "function", "p": "procedure", "a": "aggregate", "w": "window function"}
# pg_proc.provolatile, proparallel
VOLATILITY = {"i": "immutable", "s": "stable", "v": "volatile"}
PARALLEL = {"s": "safe", "r": "restricted", "u": "unsafe"}
# pg_type.typtype, and "shell" for a type that is declared but not defined yet
TYPE_KINDS = {"e": "enum", "c": "composite", "r": "range", "b": "base", "d": "domain",
              "m": "multirange", "p": "pseudo", "shell": "shell"}

ColumnRef = tuple[str, str, str]  # (schema, table, column)


def qualified(schema: str, name: str) -> str:
    """`schema.name`, each part quoted only when needed."""
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def column_ref(ref: ColumnRef) -> str:
    """`schema.table.column`, each part quoted only when needed."""
    return ".".join(quote_ident(part) for part in ref)


@dataclass(frozen=True)
class TriggerUse:
    schema: str
    table: str
    trigger: str  # a table's trigger; for an event trigger, table is ""

    @property
    def display(self) -> str:
        if not self.table:
            return f"event trigger {quote_ident(self.trigger)}"
        return f"{quote_ident(self.trigger)} ON {qualified(self.schema, self.table)}"


@dataclass(frozen=True)
class AggregateUse:
    """An aggregate that calls a function, and as which of its support functions."""

    schema: str
    name: str
    arguments: str  # pg_get_function_identity_arguments of the aggregate
    roles: tuple[str, ...]  # SFUNC, FINALFUNC, COMBINEFUNC, ... in CREATE AGGREGATE's order

    @property
    def display(self) -> str:
        return f"{qualified(self.schema, self.name)}({self.arguments}) as {', '.join(self.roles)}"


@dataclass(frozen=True)
class FunctionFacts:
    oid: int
    schema: str
    name: str
    arguments: str  # pg_get_function_identity_arguments: `a integer, b text`
    result: str | None  # pg_get_function_result; None for procedures
    kind: str  # f p a w
    language: str
    volatility: str  # i s v
    strict: bool
    security_definer: bool
    parallel: str  # s r u
    comment: str | None = None
    triggers: tuple[TriggerUse, ...] = ()
    defaults: tuple[ColumnRef, ...] = ()  # columns whose default (or generation) calls it
    aggregates: tuple[AggregateUse, ...] = ()  # aggregates it is a support function of

    @property
    def signature(self) -> str:
        return f"{qualified(self.schema, self.name)}({self.arguments})"

    @property
    def kind_name(self) -> str:
        return FUNCTION_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class TypeFacts:
    oid: int
    schema: str
    name: str
    kind: str  # a key of TYPE_KINDS
    comment: str | None = None
    values: tuple[str, ...] = ()  # enum labels in order
    attributes: tuple[tuple[str, str], ...] = ()  # composite: (name, type) in order
    subtype: str | None = None  # range
    base: str | None = None  # domain
    not_null: bool = False  # domain
    default: str | None = None  # domain
    checks: tuple[str, ...] = ()  # domain CHECK constraints (definitions)
    columns: tuple[ColumnRef, ...] = ()  # table columns of this type (or arrays of it)
    domains: tuple[tuple[str, str], ...] = ()  # domains over it: (schema, name)
    attribute_of: tuple[ColumnRef, ...] = ()  # composite types' fields of it

    @property
    def qualified(self) -> str:
        return qualified(self.schema, self.name)

    @property
    def kind_name(self) -> str:
        return TYPE_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class SequenceFacts:
    oid: int
    schema: str
    name: str
    data_type: str
    start: int
    increment: int
    minimum: int
    maximum: int
    cache: int
    cycle: bool
    comment: str | None = None
    owned_by: ColumnRef | None = None
    used_by: tuple[ColumnRef, ...] = ()  # columns whose default calls nextval() on it

    @property
    def qualified(self) -> str:
        return qualified(self.schema, self.name)


@dataclass(frozen=True)
class ObjectFacts:
    """Keyed by the object's oid in its catalog (pg_proc, pg_type, pg_class), which is the
    `oid` of its pg_dump archive entry."""

    functions: dict[int, FunctionFacts] = field(default_factory=dict)
    types: dict[int, TypeFacts] = field(default_factory=dict)
    sequences: dict[int, SequenceFacts] = field(default_factory=dict)
    # (pg_statistic_ext's oid, statistics oid) -> oid of its table: the same shape as
    # Catalog.owners, so the table side can merge it in
    statistics: dict[tuple[int, int], int] = field(default_factory=dict)
