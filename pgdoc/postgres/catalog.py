"""One catalog query, through psql, that returns everything pgdoc documents as JSON.

The query names its catalogs with `regclass` casts, so the object map it returns
(catalog class oid, object oid) -> relation matches the `class`/`OID` numbers
in pg_dump's verbose TOC headers on any server version.
"""

from __future__ import annotations

import codecs
import dataclasses
import fnmatch
import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from pgdoc.errors import DatabaseError, UsageError
from pgdoc.model import (
    Catalog,
    Column,
    Constraint,
    ForeignKey,
    Index,
    Policy,
    Relation,
    Trigger,
    TypeInfo,
    root_of,
)
from pgdoc.postgres.session import Session

MIN_SERVER_VERSION = 100000

# The relations documented (a CTE of both queries below).
_RELS = r"""
rels AS {materialized} (
  SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, c.relpartbound,
         c.relrowsecurity, c.relforcerowsecurity, {relam} AS amname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ({kinds})
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
    AND (:'schemas_json' = '[]' OR n.nspname IN (
          SELECT json_array_elements_text(:'schemas_json'::json))
         OR c.relispartition)
    AND c.oid NOT IN (SELECT d.objid FROM pg_catalog.pg_depend d
                      WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
                        AND d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e')
    {only}
)"""

_SQL = r"""
-- Parallel workers and JIT cost more than they save on catalogs, and compete with pg_dump.
SET max_parallel_workers_per_gather = 0;
{jit}
WITH {rels},
attrs AS {materialized} (
  SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity,
         {attgenerated} AS attgenerated, ty.typcategory, ty.typelem
  FROM rels r
  JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
  JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
  WHERE a.attnum > 0 AND NOT a.attisdropped
),
cols AS (
  SELECT a.attrelid, json_agg(json_build_array(
      a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
      -- A default never refers to a column, so it is deparsed without opening the table
      -- (which costs a relcache build and waits for locks); a generated column's does.
      pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END),
      a.attidentity, a.attgenerated, d.description,
      CASE WHEN a.typcategory = 'A' AND a.typelem <> 0 THEN a.typelem ELSE a.atttypid END)
      ORDER BY a.attnum) AS j
  FROM attrs a
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid
    AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
  GROUP BY a.attrelid
),
cons AS (
  SELECT co.conrelid,
    json_agg(json_build_array(
      co.conname, co.contype, pg_catalog.pg_get_constraintdef(co.oid, true),
      (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n))
      ORDER BY co.contype, co.conname) FILTER (WHERE co.contype <> 'f') AS j,
    json_agg(json_build_array(
      co.conname,
      (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),
      co.confrelid, fn.nspname, fc.relname,
      (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n),
      co.confdeltype, co.confupdtype, {delsetcols})
      ORDER BY co.conname) FILTER (WHERE co.contype = 'f') AS fks
  FROM rels r
  JOIN pg_catalog.pg_constraint co ON co.conrelid = r.oid
  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
  WHERE {conparent}
  GROUP BY co.conrelid
),
idx AS ({idx}),
trg AS (
  SELECT t.tgrelid, json_agg(json_build_array(
      t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true)) ORDER BY t.tgname) AS j
  FROM rels r
  JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
  WHERE NOT t.tgisinternal AND {tgparent}
  GROUP BY t.tgrelid
),
pol AS (
  SELECT p.polrelid, json_agg(json_build_array(
      p.polname, p.polcmd, p.polpermissive,
      (SELECT coalesce(array_agg(CASE WHEN ro = 0 THEN 'public' ELSE
          (SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ro) END ORDER BY k), '{{}}')
         FROM unnest(p.polroles) WITH ORDINALITY u(ro, k)),
      pg_catalog.pg_get_expr(p.polqual, p.polrelid),
      pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.polname) AS j
  FROM rels r
  JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
  GROUP BY p.polrelid
),
typs AS (
  SELECT t.oid
  FROM (SELECT atttypid AS oid FROM attrs UNION SELECT typelem FROM attrs) u
  JOIN pg_catalog.pg_type t ON t.oid = u.oid
  WHERE t.typtype IN ('e', 'd')
)
-- One record per relation (psql ends each with a NUL), between a first and a last record:
-- read one at a time, thousands of tables never exist as one tree of JSON values. Each
-- ends with a newline too: psql's output reaches pgdoc line by line, so the records are
-- decoded while the query still runs.
SELECT json_build_object(
 'server_version', current_setting('server_version_num')::int,
 'database', current_database())::text || chr(10)
UNION ALL (
 SELECT json_build_object(
    'oid', r.oid, 'schema', r.nspname, 'name', r.relname, 'kind', r.relkind,
    'comment', rd.description,
    'parent', i.inhparent,
    -- A partition bound holds only constants: deparsed without opening the table.
    'bound', CASE WHEN r.relispartition THEN pg_catalog.pg_get_expr(r.relpartbound, 0) END,
    'key', CASE WHEN r.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(r.oid) END,
    'rls', r.relrowsecurity, 'rls_forced', r.relforcerowsecurity, 'am', r.amname,
    'columns', coalesce(cols.j, '[]'),
    'constraints', coalesce(cons.j, '[]'),
    'fks', coalesce(cons.fks, '[]'),
    'indexes', {indexes},
    'triggers', coalesce(trg.j, '[]'),
    'policies', coalesce(pol.j, '[]'),
    -- A view's query, and the relations its rewrite rule depends on (what it reads).
    'definition', CASE WHEN r.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(r.oid, true) END,
    'reads', CASE WHEN r.relkind IN ('v', 'm') THEN (
      SELECT json_agg(json_build_array(dn.nspname, dc.relname, dc.relkind)
                      ORDER BY dn.nspname, dc.relname)
      FROM (SELECT DISTINCT d.refobjid FROM pg_catalog.pg_rewrite w
            JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass
              AND d.objid = w.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass
              AND d.refobjid <> w.ev_class
            WHERE w.ev_class = r.oid) dep
      JOIN pg_catalog.pg_class dc ON dc.oid = dep.refobjid
      JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace) END
  )::text || chr(10)
   FROM rels r
   LEFT JOIN pg_catalog.pg_description rd ON rd.objoid = r.oid
     AND rd.classoid = 'pg_catalog.pg_class'::regclass AND rd.objsubid = 0
   LEFT JOIN pg_catalog.pg_inherits i ON r.relispartition AND i.inhrelid = r.oid
   LEFT JOIN cols ON cols.attrelid = r.oid
   LEFT JOIN cons ON cons.conrelid = r.oid
   {indexes_join}
   LEFT JOIN trg ON trg.tgrelid = r.oid
   LEFT JOIN pol ON pol.polrelid = r.oid
   ORDER BY r.nspname, r.relname)
UNION ALL
SELECT json_build_object(
 'types', (SELECT coalesce(json_agg(json_build_array(
    t.oid, n.nspname, t.typname, t.typtype,
    (SELECT coalesce(array_agg(e.enumlabel ORDER BY e.enumsortorder), '{{}}')
       FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
    CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
    (SELECT coalesce(array_agg(pg_catalog.pg_get_constraintdef(co.oid, true) ORDER BY co.conname),
       '{{}}') FROM pg_catalog.pg_constraint co WHERE co.contypid = t.oid),
    t.typnotnull) ORDER BY t.oid), '[]')
   FROM typs JOIN pg_catalog.pg_type t ON t.oid = typs.oid
   JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace),
 -- Three lists of numbers, not one list of triples: half the server's time, and the JSON
 -- of an oid is a string.
 'owners', (SELECT json_build_array(coalesce(array_agg(o.classid::int8), '{{}}'),
    coalesce(array_agg(o.objid::int8), '{{}}'), coalesce(array_agg(o.rel::int8), '{{}}')) FROM (
    SELECT 'pg_catalog.pg_class'::regclass::oid AS classid, rels.oid AS objid, rels.oid AS rel
      FROM rels
    UNION ALL
    SELECT 'pg_catalog.pg_class'::regclass::oid, x.indexrelid, x.indrelid
      FROM pg_catalog.pg_index x JOIN rels ON rels.oid = x.indrelid
    UNION ALL
    -- Sequences owned by a column (serial: 'a', identity: 'i').
    SELECT 'pg_catalog.pg_class'::regclass::oid, d.objid, d.refobjid
      FROM pg_catalog.pg_class s
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass
        AND d.objid = s.oid AND d.objsubid = 0
        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN rels ON rels.oid = d.refobjid
      WHERE s.relkind = 'S'
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::regclass::oid, co.oid, co.conrelid
      FROM pg_catalog.pg_constraint co JOIN rels ON rels.oid = co.conrelid
    UNION ALL
    -- Internal triggers too: servers 13 and 14 mark triggers cloned onto partitions
    -- internal, yet pg_dump writes their ENABLE/DISABLE state when it differs.
    SELECT 'pg_catalog.pg_trigger'::regclass::oid, t.oid, t.tgrelid
      FROM pg_catalog.pg_trigger t JOIN rels ON rels.oid = t.tgrelid
    UNION ALL
    SELECT 'pg_catalog.pg_policy'::regclass::oid, p.oid, p.polrelid
      FROM pg_catalog.pg_policy p JOIN rels ON rels.oid = p.polrelid
    UNION ALL
    SELECT 'pg_catalog.pg_rewrite'::regclass::oid, w.oid, w.ev_class
      FROM pg_catalog.pg_rewrite w JOIN rels ON rels.oid = w.ev_class
    UNION ALL
    SELECT 'pg_catalog.pg_attrdef'::regclass::oid, ad.oid, ad.adrelid
      FROM pg_catalog.pg_attrdef ad JOIN rels ON rels.oid = ad.adrelid
    UNION ALL
    -- Extended statistics (CREATE STATISTICS) belong to their table's file.
    SELECT 'pg_catalog.pg_statistic_ext'::regclass::oid, x.oid, x.stxrelid
      FROM pg_catalog.pg_statistic_ext x JOIN rels ON rels.oid = x.stxrelid
  ) o),
 -- The `_RETURN` rules of views: a whole-database dump may split a view into a placeholder
 -- and this rule (see pgdoc.docs.split).
 'view_rules', (SELECT coalesce(json_agg(w.oid), '[]') FROM pg_catalog.pg_rewrite w
    JOIN rels ON rels.oid = w.ev_class
    WHERE w.rulename = '_RETURN' AND rels.relkind IN ('v', 'm')),
 -- Names of the partitions and of their indexes attached to a parent's (an index lives in
 -- its table's schema): pg_dump names its ATTACH entries only by these.
 'names', (SELECT coalesce(json_agg(json_build_array(o.nspname, o.relname, o.oid)), '[]') FROM (
    SELECT rels.nspname, rels.relname, rels.oid FROM rels WHERE rels.relispartition
    UNION ALL
    SELECT rels.nspname, ic.relname, ic.oid
      FROM rels JOIN pg_catalog.pg_index x ON x.indrelid = rels.oid
      JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
      WHERE rels.relispartition AND ic.relispartition
  ) o)
)::text || chr(10)
"""


# Each relation's indexes: (indrelid, [[name, definition, primary, unique], ...]).
_IDX = r"""
  SELECT x.indrelid, json_agg(json_build_array(
      ic.relname, d.def, x.indisprimary, x.indisunique,
      CASE WHEN left(d.def, length(d.head)) = d.head THEN length(d.head) - 6 END)
      ORDER BY ic.relname) AS j
  FROM rels r
  JOIN pg_catalog.pg_index x ON x.indrelid = r.oid
  JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
  -- Where `USING method (...)` starts: after the head pg_get_indexdef writes, spelled
  -- here as it spells it (names may hold " USING " themselves).
  CROSS JOIN LATERAL (SELECT pg_catalog.pg_get_indexdef(x.indexrelid) AS def,
      'CREATE ' || CASE WHEN x.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '
      || pg_catalog.quote_ident(ic.relname) || ' ON '
      || CASE WHEN ic.relkind = 'I' THEN 'ONLY ' ELSE '' END
      || pg_catalog.quote_ident(r.nspname) || '.' || pg_catalog.quote_ident(r.relname)
      || ' USING ' AS head) d
  GROUP BY x.indrelid
"""

# The indexes alone, one record per relation that has some: deparsing every index costs a
# third of the catalog query, so a whole read runs this beside it in a second session.
_INDEX_SQL = r"""
SET max_parallel_workers_per_gather = 0;
{jit}
WITH {rels}
SELECT json_build_array(idx.indrelid, idx.j)::text || chr(10) FROM ({idx}) idx
"""


def catalog_sql(server_version: int, views: bool, only: Collection[int] | None = None,
                indexes: bool = True) -> str:
    """The catalog query for a server version (features differ before 12 and 13); with
    `only`, for those relations alone; without `indexes`, the relations have none (see
    index_sql)."""
    return _SQL.format(
        rels=_rels(server_version, views, only), idx=_IDX,
        indexes="coalesce(idx.j, '[]')" if indexes else "'[]'::json",
        indexes_join="LEFT JOIN idx ON idx.indrelid = r.oid" if indexes else "",
        **_features(server_version))


def index_sql(server_version: int, views: bool) -> str:
    """Every documented relation's indexes, as catalog_sql(indexes=True) gives them."""
    return _INDEX_SQL.format(rels=_rels(server_version, views, None), idx=_IDX,
                             **_features(server_version))


def _rels(server_version: int, views: bool, only: Collection[int] | None) -> str:
    kinds = "'r', 'p', 'v', 'm', 'f'" if views else "'r', 'p'"
    return _RELS.format(
        kinds=kinds,
        only=("AND c.oid = ANY('{" + ",".join(str(int(o)) for o in sorted(only))
              + "}'::pg_catalog.oid[])") if only is not None else "",
        **_features(server_version))


def _features(server_version: int) -> dict[str, str]:
    return dict(
        relam=(
            "(SELECT amname FROM pg_catalog.pg_am WHERE oid = c.relam)"
            if server_version >= 120000
            else "NULL::name"
        ),
        attgenerated="a.attgenerated" if server_version >= 120000 else "''",
        conparent="co.conparentid = 0" if server_version >= 110000 else "true",
        tgparent="t.tgparentid = 0" if server_version >= 130000 else "true",
        jit="SET jit = off;" if server_version >= 110000 else "",
        materialized="MATERIALIZED" if server_version >= 120000 else "",  # always, before 12
        # ON DELETE SET NULL / SET DEFAULT (columns), PostgreSQL 15+
        delsetcols=(
            "(SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.confdelsetcols) "
            "WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a "
            "ON a.attrelid = co.conrelid AND a.attnum = k.n)"
            if server_version >= 150000 else "NULL"
        ),
    )


def load_catalog(session: Session, version: int, schemas: Iterable[str] = (),
                 views: bool = True, only: Collection[int] | None = None,
                 indexes: bool = True) -> Catalog:
    """The catalog, read in the session's transaction (the snapshot pg_dump reads too).
    With `only`, the facts of those relations alone (their types, owners and names too),
    to be merged into a whole catalog (see `merge_catalog`). Without `indexes`, the
    relations have none: `load_indexes`, in a second session of the same snapshot, reads
    them meanwhile (`with_indexes` puts them in)."""
    if version < MIN_SERVER_VERSION:
        raise DatabaseError(
            f"server version {version} is too old: pgdoc needs PostgreSQL 10 or newer"
        )
    reader = CatalogReader()
    session.query(catalog_sql(version, views, only, indexes), reader)
    return _in_schemas(reader.catalog(), schemas) if only is None else reader.catalog()


def load_indexes(session: Session, version: int, views: bool = True
                 ) -> dict[int, tuple[Index, ...]]:
    """Every documented relation's indexes (by the relation's oid), as load_catalog reads
    them."""
    reader = Records()
    session.query(index_sql(version, views), reader)
    return {int(relid): tuple(Index(name=i[0], definition=i[1], primary=i[2], unique=i[3],
                  using=-1 if i[4] is None else i[4])
                              for i in items)
            for relid, items in reader.records}


def with_indexes(catalog: Catalog, indexes: Mapping[int, tuple[Index, ...]]) -> Catalog:
    """The catalog with its relations' indexes from load_indexes."""
    relations = {oid: dataclasses.replace(rel, indexes=indexes[oid]) if oid in indexes else rel
                 for oid, rel in catalog.relations.items()}
    return dataclasses.replace(catalog, relations=relations)


def merge_catalog(whole: Catalog, fresh: Catalog, replaced: Collection[int],
                  schemas: Iterable[str] = ()) -> Catalog:
    """`whole` (an earlier whole catalog) with the relations `replaced` (read again, or
    gone) taken from `fresh`, a catalog read with `only=replaced`: what a whole read would
    give when nothing else changed. Types are looked up by the columns' type oids: the
    fresh ones win. Owners and names are the fresh ones' (the split needs them only for
    the relations read again)."""
    relations = {oid: rel for oid, rel in whole.relations.items() if oid not in replaced}
    relations.update(fresh.relations)
    merged = Catalog(
        server_version=fresh.server_version, database=fresh.database,
        relations=dict(sorted(relations.items(), key=lambda kv: (kv[1].schema, kv[1].name))),
        types={**whole.types, **fresh.types}, owners=fresh.owners, names=fresh.names,
        view_rules=fresh.view_rules)
    return _in_schemas(merged, schemas)


class Records:
    """A query's answer as psql streams it: records that each end with a NUL (psql -0; no
    JSON text holds one), each one JSON value, decoded one at a time (`add`)."""

    def __init__(self) -> None:
        # surrogateescape: names in an SQL_ASCII database may be any bytes; they reach the
        # files byte for byte, as pg_dump's text does.
        self._decode = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode
        self._pieces: list[str] = []  # the record being received
        self.records: list[Any] = []

    def write(self, data: bytes) -> None:
        text, start = self._decode(data), 0
        while (end := text.find("\0", start)) >= 0:
            self._pieces.append(text[start:end])
            record = "".join(self._pieces)
            self._pieces.clear()
            self.add(json.loads(record))
            start = end + 1
        if start < len(text):
            self._pieces.append(text[start:])

    def add(self, record: Any) -> None:
        self.records.append(record)


class CatalogReader(Records):
    """The catalog query's answer: the server's record, one per relation, then types,
    owners and names. Thousands of tables never exist as one tree of JSON values, nor as
    one text."""

    def __init__(self) -> None:
        super().__init__()
        self._head: dict[str, Any] | None = None
        self._rest: dict[str, Any] | None = None
        self._relations: dict[int, Relation] = {}

    def add(self, record: dict[str, Any]) -> None:
        if self._head is None:
            self._head = record
        elif "oid" in record:
            rel = _relation(record)
            self._relations[rel.oid] = rel
        else:
            self._rest = record

    def catalog(self) -> Catalog:
        head, data = self._head, self._rest
        if (head is None or "server_version" not in head or data is None
                or "types" not in data or "".join(self._pieces).strip()):
            raise DatabaseError("unexpected answer from the server: the catalog query's "
                                "result is incomplete")
        return Catalog(
            server_version=head["server_version"],
            database=head["database"],
            relations=self._relations,
            types={
                int(t[0]): TypeInfo(schema=t[1], name=t[2],
                                    kind="enum" if t[3] == "e" else "domain",
                                    values=tuple(t[4]), base=t[5], checks=tuple(t[6]),
                                    not_null=t[7])
                for t in data["types"]
            },
            owners=_owners(data["owners"]),
            names={(n[0], n[1]): int(n[2]) for n in data["names"]},
            view_rules=frozenset(int(o) for o in data["view_rules"]),
        )


def _owners(lists: list[list[int]]) -> dict[tuple[int, int], int]:
    """(catalog, object) -> relation, from the query's three lists of the same length."""
    classids, objids, rels = lists
    return dict(zip(zip(classids, objids, strict=True), rels, strict=True))


def _in_schemas(catalog: Catalog, schemas: Iterable[str]) -> Catalog:
    """With `schemas:` set, the query also returns partitions from other schemas, so that a
    selected table keeps its partitions; drop those whose partition tree has no root in a
    selected schema (they belong to tables nobody asked for)."""
    selected = set(schemas)
    if not selected:
        return catalog
    keep = {oid: rel for oid, rel in catalog.relations.items()
            if catalog.relations[root_of(catalog, oid)].schema in selected}
    if len(keep) == len(catalog.relations):
        return catalog
    return dataclasses.replace(catalog, relations=keep)


def _relation(r: dict[str, Any]) -> Relation:
    oid = int(r["oid"])
    return Relation(
        oid=oid,
        schema=r["schema"],
        name=r["name"],
        kind=r["kind"],
        comment=r["comment"],
        parent=_opt_int(r["parent"]),
        partition_bound=r["bound"],
        partition_key=r["key"],
        rls=r["rls"],
        rls_forced=r["rls_forced"],
        access_method=r["am"],
        columns=tuple(
            Column(name=c[0], type=c[1], not_null=c[2], default=c[3], identity=c[4] or "",
                   generated=c[5] or "", comment=c[6], type_oid=int(c[7]))
            for c in r["columns"]
        ),
        constraints=tuple(Constraint(name=c[0], kind=c[1], definition=c[2],
                                     columns=tuple(c[3] or ()) if len(c) > 3 else ())
                          for c in r["constraints"]),
        foreign_keys=tuple(
            ForeignKey(name=f[0], table=oid, columns=tuple(f[1] or ()), ref_table=int(f[2]),
                       ref_schema=f[3], ref_name=f[4], ref_columns=tuple(f[5] or ()),
                       on_delete=f[6], on_update=f[7],
                       on_delete_columns=tuple(f[8] or ()) if len(f) > 8 else ())
            for f in r["fks"]
        ),
        indexes=tuple(Index(name=i[0], definition=i[1], primary=i[2], unique=i[3],
                  using=-1 if i[4] is None else i[4])
                      for i in r["indexes"]),
        triggers=tuple(Trigger(name=t[0], definition=t[1]) for t in r["triggers"]),
        policies=tuple(
            Policy(name=p[0], command=p[1], permissive=p[2], roles=tuple(p[3]), using=p[4],
                   check=p[5])
            for p in r["policies"]
        ),
        definition=r.get("definition"),
        reads=tuple((d[0], d[1], d[2]) for d in r.get("reads") or ()),
    )


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def matches(rel: Relation, patterns: Iterable[str]) -> bool:
    """Glob match on the unquoted qualified name `schema.name` (and `name` for public)."""
    qualified = f"{rel.schema}.{rel.name}"
    return any(
        fnmatch.fnmatchcase(qualified, p) or (rel.schema == "public" and fnmatch.fnmatchcase(
            rel.name, p))
        for p in patterns
    )


def documented(catalog: Catalog, include: Iterable[str], exclude: Iterable[str],
               fold_partitions: bool) -> list[Relation]:
    """The relations that get a file of their own, in a stable order."""
    include, exclude = tuple(include), tuple(exclude)
    out = []
    for rel in catalog.relations.values():
        if fold_partitions and rel.is_partition and root_of(catalog, rel.oid) != rel.oid:
            continue
        if include and not matches(rel, include):
            continue
        if exclude and matches(rel, exclude):
            continue
        out.append(rel)
    return sorted(out, key=lambda r: (r.schema, r.name))


def select_tables(rels: list[Relation], names: Iterable[str]) -> list[Relation]:
    """Resolve the TABLE arguments of `pgdoc sync TABLE...` (`users`, `billing.invoices`)."""
    # How pgdoc prints a name (`users`, `a.b`, `"a.b"`, `test."Foo"`) names exactly one
    # relation; the looser spellings (`schema.name` unquoted, a bare name) come second.
    exact: dict[str, list[Relation]] = {}
    loose: dict[str, list[Relation]] = {}
    for rel in rels:
        for key in {rel.display, rel.qualified}:
            exact.setdefault(key, []).append(rel)
        for key in {f"{rel.schema}.{rel.name}", rel.name}:
            loose.setdefault(key, []).append(rel)
    chosen: dict[int, Relation] = {}
    for name in names:
        by_name = exact if name in exact else loose
        hits = by_name.get(name, [])
        if name in by_name and len({h.oid for h in hits}) > 1:
            hits = [h for h in hits if h.schema == "public"] or hits
        if not hits:
            raise UsageError(
                f"no table named {name!r} in the documented schemas",
                hint="run 'pgdoc list' to see the table names",
            )
        if len({h.oid for h in hits}) > 1:
            options = ", ".join(sorted(h.qualified for h in hits))
            raise UsageError(f"table name {name!r} is ambiguous: {options}",
                             hint="qualify it with its schema")
        chosen[hits[0].oid] = hits[0]
    return sorted(chosen.values(), key=lambda r: (r.schema, r.name))
