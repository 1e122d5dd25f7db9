"""Assign pg_dump's archive entries to the relations they document, order them, render them.

An entry belongs to a relation when its catalog row does (the archive names it by
(tableoid, oid): a table's own row, its indexes, owned sequences, constraints, defaults,
triggers, rules, policies), or when it depends on an entry that does (comments, grants,
security labels, `SEQUENCE OWNED BY`, row security, `ATTACH PARTITION`). Nothing is ever
assigned by what its text or its name looks like.

A table's file holds exactly what `pg_dump -t` writes for it (the reference path,
`pgdoc sync --per-table`). Entries that belong to no documented relation (schemas, types,
functions, ...) are returned apart, and so are, by rule:
- the session preamble (`ENCODING`, `STDSTRINGS`, `SEARCHPATH`) and the `DATABASE` entries,
  which hold the database's name: environment facts, never written;
- grants (`ACL`, `DEFAULT ACL`) unless `grants` is on;
- publication memberships, which `pg_dump -t` never writes with a table (they go with their
  publication). Extended statistics (`CREATE STATISTICS`), which `pg_dump -t` leaves out too,
  do belong to their table's file: the per-table path takes them from the whole dump.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from pgdoc.model import Catalog, quote_ident
from pgdoc.postgres.archive import Entry
from pgdoc.text import one_line

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
# pg_class's and pg_rewrite's own oids, fixed since PostgreSQL's first catalogs.
PG_CLASS = 1259
PG_REWRITE = 2618
_RANK = {desc: i for i, desc in enumerate(TYPE_ORDER)}
# Entries that annotate another entry and are listed right after it.
_ANNOTATIONS = frozenset({"COMMENT", "SECURITY LABEL", "ACL", "SEQUENCE OWNED BY"})
# Entries about a table that `pg_dump -t` never writes (see the module's docstring); their
# comments follow them out, through their dependencies.
NOT_WITH_TABLE = frozenset({"PUBLICATION TABLE"})
# pg_statistic_ext's oid: extended statistics go to their table's file, though `pg_dump -t`
# leaves them out (the per-table path takes them from the whole dump).
PG_STATISTIC_EXT = 3381
# Never in any file: the session's settings and the database's own entries (its name).
PREAMBLE = frozenset({"ENCODING", "STDSTRINGS", "SEARCHPATH", "DATABASE",
                      "DATABASE PROPERTIES"})
GRANTS = frozenset({"ACL", "DEFAULT ACL"})
_ATTACH = frozenset({"TABLE ATTACH", "INDEX ATTACH"})


@dataclass(frozen=True)
class Options:
    """What the config says about environment facts (issue: the same bytes everywhere)."""

    owners: bool = False  # `Owner:` in headings and `ALTER ... OWNER TO` statements
    grants: bool = False  # GRANT/REVOKE entries


@dataclass(frozen=True)
class Split:
    by_relation: dict[int, list[Entry]]  # documented relation oid -> its entries, in order
    unassigned: list[Entry]  # entries of no relation (schemas, functions, types, ...)
    left_out: list[Entry]  # entries no file holds, by rule (preamble, grants when off)
    undocumented: list[Entry] = field(default_factory=list)  # of relations left out



def split_entries(
    entries: Iterable[Entry],
    catalog: Catalog,
    file_of: Callable[[int], int | None],
    options: Options = Options(),
) -> Split:
    """Group entries by documented relation. `file_of(rel_oid)` maps a catalog relation to
    the relation whose file documents it (partitions fold into their root), or None."""
    entries = merge_split_views(list(entries), catalog)
    owners = _Owners(entries, catalog)
    by_relation: dict[int, list[Entry]] = {}
    unassigned: list[Entry] = []
    left_out: list[Entry] = []
    undocumented: list[Entry] = []
    for e in entries:
        if e.desc in PREAMBLE or (e.desc in GRANTS and not options.grants):
            left_out.append(e)
            continue
        rel = owners.of(e)
        target = file_of(rel) if rel is not None else None
        if target is not None:
            by_relation.setdefault(target, []).append(e)
        elif rel is not None:
            undocumented.append(e)  # a relation the config leaves out (exclude, ...)
        else:
            unassigned.append(e)
    return Split(
        by_relation={oid: canonical_order(es, oid) for oid, es in by_relation.items()},
        unassigned=unassigned,
        left_out=left_out,
        undocumented=undocumented,
    )


def merge_split_views(entries: list[Entry], catalog: Catalog) -> list[Entry]:
    """A view that depends on another table's key is dumped by a whole-database pg_dump as a
    placeholder `CREATE VIEW ... AS SELECT NULL::...` plus its `_RETURN` rule holding
    `CREATE OR REPLACE VIEW`; `pg_dump -t` writes one `CREATE VIEW` (or the same pair, when
    the view reaches itself through a function). The rule is known by its catalog row (a
    view's `_RETURN` rule), the placeholder by the view's catalog row: the pair becomes one
    entry, under the view's own heading. pg_dump builds both statements from the same
    parts, so the rule's text with `CREATE VIEW` for `CREATE OR REPLACE VIEW` is exactly
    what `-t` writes (a test holds it to that)."""
    if not catalog.view_rules:
        return entries
    views = {e.oid: e for e in entries if e.desc == "VIEW" and e.tableoid == PG_CLASS}
    merged: dict[int, Entry] = {}  # view entry's dump id -> merged entry
    rules: set[int] = set()
    prefix = "CREATE OR REPLACE VIEW "
    for e in entries:
        if (e.desc != "RULE" or e.tableoid != PG_REWRITE or e.oid not in catalog.view_rules
                or not e.defn.startswith(prefix)):
            continue
        view = views.get(catalog.owners.get((PG_REWRITE, e.oid), 0))
        if view is None or view.dump_id in merged:
            continue
        merged[view.dump_id] = replace(view, defn="CREATE VIEW " + e.defn[len(prefix):])
        rules.add(e.dump_id)
    if not merged:
        return entries
    return [merged.get(e.dump_id, e) for e in entries if e.dump_id not in rules]


class _Owners:
    """The relation each entry belongs to, memoized. (A class, not nested functions: a
    recursive closure is a reference cycle that would keep every entry alive until the
    garbage collector's next full pass.)"""

    def __init__(self, entries: list[Entry], catalog: Catalog) -> None:
        self.catalog = catalog
        self.by_id = {e.dump_id: e for e in entries}
        self.cache: dict[int, int | None] = {}

    def of(self, e: Entry, depth: int = 0) -> int | None:
        if e.dump_id in self.cache:
            return self.cache[e.dump_id]
        self.cache[e.dump_id] = None  # guards against dependency cycles
        if e.desc in NOT_WITH_TABLE:
            return None
        rel = self.catalog.owners.get((e.tableoid, e.oid)) if e.tableoid else None
        if rel is None and e.tableoid == 0 and depth < 8:
            found = {self.of(self.by_id[d], depth + 1) for d in e.deps if d in self.by_id}
            found.discard(None)
            if len(found) > 1 and e.desc in _ATTACH:
                found = self.attached(found)
            if len(found) == 1:
                rel = found.pop()
        self.cache[e.dump_id] = rel
        return rel

    def attached(self, found: set[int | None]) -> set[int | None]:
        """An ATTACH entry depends on the parent and on the partition it attaches (or on
        their indexes): it is the partition's, the one below all the others."""
        rels = {r for r in found if r is not None}
        lowest = {r for r in rels if all(r == o or self.below(r, o) for o in rels)}
        return set(lowest) if len(lowest) == 1 else found

    def below(self, rel: int, other: int) -> bool:
        seen: set[int] = set()
        node = self.catalog.relations.get(rel)
        while node is not None and node.parent is not None and node.oid not in seen:
            seen.add(node.oid)
            if node.parent == other:
                return True
            node = self.catalog.relations.get(node.parent)
        return False


def canonical_order(entries: list[Entry], main_oid: int | None = None) -> list[Entry]:
    """A table's entries in an order that depends only on the entries themselves.

    pg_dump's whole-database order moves a table's entries around when unrelated objects
    change; sorting by object type, then schema and name, keeps each file stable and makes
    the one-dump and per-table paths agree. Annotations (comments, grants) follow the entry
    they annotate."""
    by_id = {e.dump_id: e for e in entries}

    def anchor(e: Entry) -> Entry:
        if e.desc in _ANNOTATIONS:
            deps = [by_id[d] for d in e.deps if d in by_id and by_id[d].desc not in _ANNOTATIONS]
            if len(deps) == 1:
                return deps[0]
        return e

    def own_key(e: Entry) -> tuple[int, str, str]:
        is_main = e.tableoid == PG_CLASS and e.oid == main_oid
        rank = -1 if is_main else _RANK.get(e.desc, len(_RANK))
        return (rank, e.namespace, e.tag)

    def key(e: Entry) -> tuple[object, ...]:
        a = anchor(e)
        return (*own_key(a), 0 if a is e else 1, *own_key(e), e.desc, e.defn)

    return sorted(entries, key=key)


def heading(e: Entry, options: Options = Options()) -> str:
    """pgdoc's short heading of an entry: pg_dump's `-- Name: ...; Type: ...` line, each
    value on one line (escaped, so no name can end the comment), no owner unless asked."""
    parts = [f"Name: {one_line(e.tag)}", f"Type: {one_line(e.desc)}",
             f"Schema: {one_line(e.namespace) if e.namespace else '-'}"]
    if options.owners:
        parts.append(f"Owner: {one_line(e.owner) if e.owner else '-'}")
    if e.tablespace:
        parts.append(f"Tablespace: {one_line(e.tablespace)}")
    return "--\n-- " + "; ".join(parts) + "\n--\n"


def entry_text(e: Entry, options: Options = Options()) -> str:
    """One entry as a file shows it: the heading, a blank line, the statement text verbatim,
    and with `owners` the `ALTER ... OWNER TO` that pg_restore makes from the owner field."""
    text = heading(e, options) + "\n" + e.defn
    if not text.endswith("\n"):
        text += "\n"
    if options.owners:
        owner = owner_statement(e)
        if owner:
            text += "\n" + owner + "\n"
    return text


def render_ddl(entries: Iterable[Entry], options: Options = Options()) -> str:
    """The DDL part of a file: the entries, separated by one blank line."""
    return "\n".join(entry_text(e, options) for e in entries)


# pg_restore's rules (pg_backup_archiver.c, _printTocEntry and _getObjectDescription).
_OWNED_PLAIN = frozenset({
    "COLLATION", "CONVERSION", "DOMAIN", "TABLE", "TYPE", "FOREIGN TABLE",
    "TEXT SEARCH DICTIONARY", "TEXT SEARCH CONFIGURATION", "STATISTICS", "DATABASE",
    "PROCEDURAL LANGUAGE", "SCHEMA", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "SERVER",
    "PUBLICATION", "SUBSCRIPTION",
})
_OWNED_BY_DROP = frozenset({"AGGREGATE", "FUNCTION", "OPERATOR", "OPERATOR CLASS",
                            "OPERATOR FAMILY", "PROCEDURE"})
_AS_TABLE = frozenset({"VIEW", "SEQUENCE", "MATERIALIZED VIEW"})


def owner_statement(e: Entry) -> str | None:
    """`ALTER <object> OWNER TO <role>;` as pg_restore writes it, or None for entries that
    have no owner of their own (indexes, constraints, comments, ...)."""
    if not e.owner or not e.drop:
        return None
    kind = "TABLE" if e.desc in _AS_TABLE else e.desc
    if kind in _OWNED_PLAIN:
        name = (f"{quote_ident(e.namespace)}." if e.namespace else "") + quote_ident(e.tag)
        described = f"{kind} {name}"
    elif kind in _OWNED_BY_DROP and e.drop.startswith("DROP "):
        described = e.drop[5:].rstrip("\n;")
    else:
        return None
    return f"ALTER {described} OWNER TO {quote_ident(e.owner)};"
