"""One catalog query, through psql, for the headers of the files that document objects
other than tables: functions (and who calls them: triggers, defaults, aggregates), types (and
the columns of them), sequences (and who draws from them), and the table each extended
statistics object belongs to.

Like pg_dump, it skips the system schemas and the members of extensions. Nothing here
opens a user table: defaults are found through pg_depend, not deparsed.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import Any

from pgdoc.errors import DatabaseError
from pgdoc.model_objects import (
    AggregateUse,
    FunctionFacts,
    ObjectFacts,
    SequenceFacts,
    TriggerUse,
    TypeFacts,
)
from pgdoc.postgres.session import Session
from pgdoc.postgres.tools import Buffer, PgTools

_SQL = r"""
-- Parallel workers and JIT cost more than they save on catalogs, and compete with pg_dump.
SET max_parallel_workers_per_gather = 0;
{jit}
WITH nsp AS {materialized} (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
    AND (:'schemas_json' = '[]' OR n.nspname IN (
          SELECT json_array_elements_text(:'schemas_json'::json)))
),
ext AS {materialized} (
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
  WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
),
-- Objects made with another and dropped with it (a range's constructors, its multirange),
-- which pg_dump writes as part of that other object.
internal AS {materialized} (
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
  WHERE d.deptype = 'i' AND d.classid IN ('pg_catalog.pg_proc'::regclass,
                                          'pg_catalog.pg_type'::regclass)
),
-- Relations whose columns count as users of a type, function or sequence (a partition's
-- columns and defaults are its parent's, so partitions are left out).
rels AS {materialized} (
  SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c
  JOIN nsp n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND NOT {relispartition}
    AND c.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_catalog.pg_class'::regclass)
),
procs AS {materialized} (
  SELECT p.oid, n.nspname, p.proname, {prokind} AS prokind, p.prolang, p.provolatile,
         p.proisstrict, p.prosecdef, p.proparallel
  FROM pg_catalog.pg_proc p JOIN nsp n ON n.oid = p.pronamespace
  WHERE p.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_catalog.pg_proc'::regclass)
    AND p.oid NOT IN (SELECT objid FROM internal WHERE classid = 'pg_catalog.pg_proc'::regclass)
),
proc_triggers AS (
  SELECT u.fn, json_agg(json_build_array(u.nspname, u.relname, u.name)
                        ORDER BY u.nspname, u.relname, u.name) AS j
  FROM (
    SELECT t.tgfoid AS fn, n.nspname, c.relname, t.tgname AS name
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND {tgparent} AND t.tgfoid IN (SELECT oid FROM procs)
    UNION ALL
    SELECT e.evtfoid, '', '', e.evtname FROM pg_catalog.pg_event_trigger e
    WHERE e.evtfoid IN (SELECT oid FROM procs)
  ) u
  GROUP BY u.fn
),
-- Aggregates (documented ones, as the fingerprint's) that call a function: the support
-- functions in CREATE AGGREGATE's order (a role's number sorts them).
proc_aggregates AS (
  -- (in no order: pgdoc.postgres.objects._function sorts them by code point)
  SELECT u.fn, json_agg(json_build_array(u.nspname, u.proname, u.args, u.roles)) AS j
  FROM (
    SELECT s.fn, ap.nspname, ap.proname,
           pg_catalog.pg_get_function_identity_arguments(ap.oid) AS args,
           json_agg(s.role ORDER BY s.k) AS roles
    FROM pg_catalog.pg_aggregate a
    JOIN procs ap ON ap.oid = a.aggfnoid
    CROSS JOIN LATERAL (VALUES
      (1, a.aggtransfn::oid, 'SFUNC'), (2, a.aggfinalfn::oid, 'FINALFUNC'),
      (3, a.aggcombinefn::oid, 'COMBINEFUNC'), (4, a.aggserialfn::oid, 'SERIALFUNC'),
      (5, a.aggdeserialfn::oid, 'DESERIALFUNC'), (6, a.aggmtransfn::oid, 'MSFUNC'),
      (7, a.aggminvtransfn::oid, 'MINVFUNC'), (8, a.aggmfinalfn::oid, 'MFINALFUNC')
    ) s(k, fn, role)
    WHERE s.fn IN (SELECT oid FROM procs)
    GROUP BY s.fn, ap.oid, ap.nspname, ap.proname
  ) u
  GROUP BY u.fn
),
-- Columns whose default (or generation expression) refers to a function or a sequence.
default_uses AS (
  SELECT d.refclassid, d.refobjid, r.nspname, r.relname, a.attname
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_attrdef ad ON ad.oid = d.objid
  JOIN rels r ON r.oid = ad.adrelid
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
  WHERE d.classid = 'pg_catalog.pg_attrdef'::regclass
    AND d.refclassid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_class'::regclass)
),
defaults_by AS (
  SELECT refclassid, refobjid, json_agg(DISTINCT jsonb_build_array(nspname, relname, attname))
         AS j
  FROM default_uses GROUP BY refclassid, refobjid
),
typs AS {materialized} (
  SELECT t.oid, n.nspname, t.typname, t.typtype, t.typisdefined, t.typrelid, t.typbasetype,
         t.typtypmod, t.typnotnull, t.typdefault
  FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace
  WHERE t.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_catalog.pg_type'::regclass)
    AND t.oid NOT IN (SELECT objid FROM internal WHERE classid = 'pg_catalog.pg_type'::regclass)
    -- not an array type made for another type, nor a table's row type
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
    AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c
                            WHERE c.oid = t.typrelid) = 'c')
),
-- Attributes of relations and composite types, by the type they hold (or hold arrays of).
attr_uses AS (
  SELECT CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0 THEN ty.typelem
              ELSE a.atttypid END AS typ,
         r.relkind, r.nspname, r.relname, a.attname
  FROM rels r
  JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
),
attrs_by AS (
  SELECT u.typ,
    json_agg(json_build_array(u.nspname, u.relname, u.attname)
             ORDER BY u.nspname, u.relname, u.attname) FILTER (WHERE u.relkind <> 'c') AS cols,
    json_agg(json_build_array(u.nspname, u.relname, u.attname)
             ORDER BY u.nspname, u.relname, u.attname) FILTER (WHERE u.relkind = 'c') AS fields
  FROM attr_uses u WHERE u.typ IN (SELECT oid FROM typs)
  GROUP BY u.typ
)
SELECT json_build_object(
 'functions', (SELECT coalesce(json_agg(json_build_array(
    p.oid, p.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),
    CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END,
    p.prokind, l.lanname, p.provolatile, p.proisstrict, p.prosecdef, p.proparallel,
    ds.description, coalesce(tr.j, '[]'), coalesce(df.j, '[]'), coalesce(ag.j, '[]'))
    ORDER BY p.oid), '[]')
   FROM procs p
   JOIN pg_catalog.pg_language l ON l.oid = p.prolang
   LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = p.oid
     AND ds.classoid = 'pg_catalog.pg_proc'::regclass AND ds.objsubid = 0
   LEFT JOIN proc_triggers tr ON tr.fn = p.oid
   LEFT JOIN proc_aggregates ag ON ag.fn = p.oid
   LEFT JOIN defaults_by df ON df.refclassid = 'pg_catalog.pg_proc'::regclass
     AND df.refobjid = p.oid),
 'types', (SELECT coalesce(json_agg(json_build_array(
    t.oid, t.nspname, t.typname,
    CASE WHEN NOT t.typisdefined THEN 'shell' ELSE t.typtype::text END,
    ds.description,
    (SELECT coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder), '[]')
       FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
    (SELECT coalesce(json_agg(json_build_array(
        a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum), '[]')
       FROM pg_catalog.pg_attribute a
       WHERE t.typrelid <> 0 AND a.attrelid = t.typrelid AND a.attnum > 0
         AND NOT a.attisdropped),
    (SELECT pg_catalog.format_type(rg.rngsubtype, NULL)
       FROM pg_catalog.pg_range rg WHERE rg.rngtypid = t.oid),
    CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
    t.typtype = 'd' AND t.typnotnull,
    CASE WHEN t.typtype = 'd' THEN t.typdefault END,
    (SELECT coalesce(json_agg(pg_catalog.pg_get_constraintdef(co.oid, true)
                              ORDER BY co.conname), '[]')
       FROM pg_catalog.pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c'),
    coalesce(ab.cols, '[]'),
    (SELECT coalesce(json_agg(json_build_array(dn.nspname, d.typname)
                              ORDER BY dn.nspname, d.typname), '[]')
       FROM pg_catalog.pg_type d JOIN pg_catalog.pg_namespace dn ON dn.oid = d.typnamespace
       WHERE d.typtype = 'd' AND d.typbasetype IN (
         SELECT t.oid UNION ALL
         SELECT ar.oid FROM pg_catalog.pg_type ar WHERE ar.typelem = t.oid
           AND ar.typcategory = 'A')),
    coalesce(ab.fields, '[]')) ORDER BY t.oid), '[]')
   FROM typs t
   LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = t.oid
     AND ds.classoid = 'pg_catalog.pg_type'::regclass AND ds.objsubid = 0
   LEFT JOIN attrs_by ab ON ab.typ = t.oid),
 'sequences', (SELECT coalesce(json_agg(json_build_array(
    c.oid, n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL),
    s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, ds.description,
    (SELECT json_build_array(orn.nspname, orc.relname, ora.attname)
       FROM pg_catalog.pg_depend od
       JOIN pg_catalog.pg_class orc ON orc.oid = od.refobjid
       JOIN pg_catalog.pg_namespace orn ON orn.oid = orc.relnamespace
       JOIN pg_catalog.pg_attribute ora ON ora.attrelid = od.refobjid
         AND ora.attnum = od.refobjsubid
       WHERE od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = c.oid
         AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.deptype IN ('a', 'i')
         AND od.refobjsubid > 0
       LIMIT 1),
    coalesce(df.j, '[]')) ORDER BY c.oid), '[]')
   FROM pg_catalog.pg_class c
   JOIN nsp n ON n.oid = c.relnamespace
   JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
   LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid
     AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = 0
   LEFT JOIN defaults_by df ON df.refclassid = 'pg_catalog.pg_class'::regclass
     AND df.refobjid = c.oid
   WHERE c.relkind = 'S'
     AND c.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_catalog.pg_class'::regclass)
     {sequences}),
 'statistics', (SELECT coalesce(json_agg(json_build_array(
    'pg_catalog.pg_statistic_ext'::regclass::oid, x.oid, x.stxrelid) ORDER BY x.oid), '[]')
   FROM pg_catalog.pg_statistic_ext x JOIN nsp n ON n.oid = x.stxnamespace)
);
"""


def objects_sql(server_version: int, sequences: Collection[int] | None = None) -> str:
    """The objects query for a server version (PostgreSQL 10 or newer): with `sequences`,
    of those sequences only (a refresh needs the facts of the sequences with files of
    their own; most are a column's, documented in its table's file)."""
    only = ",".join(map(str, sorted(int(oid) for oid in sequences or ())))
    return _SQL.format(
        sequences="" if sequences is None else f"AND c.oid = ANY ('{{{only}}}'::pg_catalog.oid[])",
        jit="SET jit = off;" if server_version >= 110000 else "",
        materialized="MATERIALIZED" if server_version >= 120000 else "",
        relispartition="c.relispartition",
        prokind=(
            "p.prokind" if server_version >= 110000
            else "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END"
        ),
        tgparent="t.tgparentid = 0" if server_version >= 130000 else "true",
    )


def load_objects(tools: PgTools, version: int, schemas: Iterable[str] = ()) -> ObjectFacts:
    """The facts of every function, type and sequence pg_dump documents (in `schemas`
    only, when given), and the table of each extended statistics object."""
    schemas_json = json.dumps(sorted(set(schemas)))
    out = tools.run(
        "psql",
        ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-v",
         f"schemas_json={schemas_json}", "-f", "-"],
        objects_sql(version),
    )
    try:
        data = json.loads(out)
    except ValueError:
        raise DatabaseError("unexpected answer from the server: the objects query's result "
                            "is not JSON") from None
    return parse_objects(data)


def read_objects(session: Session, version: int, sequences: Collection[int] | None = None
                 ) -> ObjectFacts:
    """The same facts, read in the snapshot's session (see pgdoc.postgres.session)."""
    out = Buffer()
    session.query(objects_sql(version, sequences), out)
    raw = out.data().rstrip(b"\0\n")
    try:
        data = json.loads(raw.decode("utf-8", "surrogateescape"))
    except ValueError:
        raise DatabaseError("unexpected answer from the server: the objects query's result "
                            "is not JSON") from None
    return parse_objects(data)


def parse_objects(data: dict[str, Any]) -> ObjectFacts:
    return ObjectFacts(
        functions={int(f[0]): _function(f) for f in data["functions"]},
        types={int(t[0]): _type(t) for t in data["types"]},
        sequences={int(s[0]): _sequence(s) for s in data["sequences"]},
        statistics={(int(x[0]), int(x[1])): int(x[2]) for x in data["statistics"]},
    )


def _column(ref: list[str]) -> tuple[str, str, str]:
    return (ref[0], ref[1], ref[2])


def _columns(refs: list[list[str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted(_column(r) for r in refs))


def _function(f: list[Any]) -> FunctionFacts:
    return FunctionFacts(
        oid=int(f[0]), schema=f[1], name=f[2], arguments=f[3], result=f[4], kind=f[5],
        language=f[6], volatility=f[7], strict=f[8], security_definer=f[9], parallel=f[10],
        comment=f[11],
        triggers=tuple(TriggerUse(schema=t[0], table=t[1], trigger=t[2]) for t in f[12]),
        defaults=_columns(f[13]),
        # Sorted here, by code point: the query's order of the arguments' text would
        # follow the database's collation.
        aggregates=tuple(sorted(
            (AggregateUse(schema=a[0], name=a[1], arguments=a[2], roles=tuple(a[3]))
             for a in f[14]), key=lambda a: (a.schema, a.name, a.arguments))),
    )


def _type(t: list[Any]) -> TypeFacts:
    return TypeFacts(
        oid=int(t[0]), schema=t[1], name=t[2], kind=t[3], comment=t[4],
        values=tuple(t[5]), attributes=tuple((a[0], a[1]) for a in t[6]), subtype=t[7],
        base=t[8], not_null=bool(t[9]), default=t[10], checks=tuple(t[11]),
        columns=_columns(t[12]), domains=tuple((d[0], d[1]) for d in t[13]),
        attribute_of=_columns(t[14]),
    )


def _sequence(s: list[Any]) -> SequenceFacts:
    return SequenceFacts(
        oid=int(s[0]), schema=s[1], name=s[2], data_type=s[3], start=int(s[4]),
        increment=int(s[5]), minimum=int(s[6]), maximum=int(s[7]), cache=int(s[8]),
        cycle=bool(s[9]), comment=s[10], owned_by=_column(s[11]) if s[11] else None,
        used_by=_columns(s[12]),
    )
