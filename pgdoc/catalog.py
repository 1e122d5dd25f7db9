"""One catalog query, through psql, that returns everything pgdoc documents as JSON.

The query names its catalogs with `regclass` casts, so the object map it returns
(catalog class oid, object oid) -> relation matches the `class`/`OID` numbers
in pg_dump's verbose TOC headers on any server version.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable
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
)
from pgdoc.pgtools import PgTools

MIN_SERVER_VERSION = 100000

_SQL = r"""
WITH rels AS (
  SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition,
         c.relrowsecurity, c.relforcerowsecurity, {relam} AS amname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ({kinds})
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
    AND (:'schemas_json' = '[]' OR n.nspname IN (
          SELECT json_array_elements_text(:'schemas_json'::json))
         OR c.relispartition)
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')
),
typs AS (
  SELECT DISTINCT t.oid
  FROM pg_catalog.pg_attribute a
  JOIN rels r ON r.oid = a.attrelid
  JOIN pg_catalog.pg_type t0 ON t0.oid = a.atttypid
  JOIN pg_catalog.pg_type t ON t.oid IN (t0.oid, t0.typelem)
  WHERE a.attnum > 0 AND NOT a.attisdropped AND t.typtype IN ('e', 'd')
)
SELECT json_build_object(
 'server_version', current_setting('server_version_num')::int,
 'database', current_database(),
 'relations', (SELECT coalesce(json_agg(json_build_object(
    'oid', r.oid, 'schema', r.nspname, 'name', r.relname, 'kind', r.relkind,
    'comment', pg_catalog.obj_description(r.oid, 'pg_class'),
    'parent', (SELECT i.inhparent FROM pg_catalog.pg_inherits i
               WHERE r.relispartition AND i.inhrelid = r.oid),
    'bound', CASE WHEN r.relispartition THEN (SELECT pg_catalog.pg_get_expr(c.relpartbound, c.oid)
               FROM pg_catalog.pg_class c WHERE c.oid = r.oid) END,
    'key', CASE WHEN r.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(r.oid) END,
    'rls', r.relrowsecurity, 'rls_forced', r.relforcerowsecurity, 'am', r.amname,
    'columns', (SELECT coalesce(json_agg(json_build_array(
        a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
        pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, {attgenerated},
        pg_catalog.col_description(a.attrelid, a.attnum),
        CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0 THEN ty.typelem ELSE a.atttypid END)
        ORDER BY a.attnum), '[]')
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped),
    'constraints', (SELECT coalesce(json_agg(json_build_array(
        co.conname, co.contype, pg_catalog.pg_get_constraintdef(co.oid, true))
        ORDER BY co.contype, co.conname), '[]')
      FROM pg_catalog.pg_constraint co
      WHERE co.conrelid = r.oid AND co.contype <> 'f' AND {conparent}),
    'fks', (SELECT coalesce(json_agg(json_build_array(
        co.conname,
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),
        co.confrelid, fn.nspname, fc.relname,
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n),
        co.confdeltype, co.confupdtype) ORDER BY co.conname), '[]')
      FROM pg_catalog.pg_constraint co
      JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
      JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE co.conrelid = r.oid AND co.contype = 'f' AND {conparent}),
    'indexes', (SELECT coalesce(json_agg(json_build_array(
        ic.relname, pg_catalog.pg_get_indexdef(x.indexrelid), x.indisprimary, x.indisunique)
        ORDER BY ic.relname), '[]')
      FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
      WHERE x.indrelid = r.oid),
    'triggers', (SELECT coalesce(json_agg(json_build_array(
        t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true)) ORDER BY t.tgname), '[]')
      FROM pg_catalog.pg_trigger t WHERE t.tgrelid = r.oid AND NOT t.tgisinternal
        AND {tgparent}),
    'policies', (SELECT coalesce(json_agg(json_build_array(
        p.polname, p.polcmd, p.polpermissive,
        (SELECT coalesce(array_agg(CASE WHEN ro = 0 THEN 'public' ELSE
            (SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ro) END ORDER BY k), '{{}}')
           FROM unnest(p.polroles) WITH ORDINALITY u(ro, k)),
        pg_catalog.pg_get_expr(p.polqual, p.polrelid),
        pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.polname), '[]')
      FROM pg_catalog.pg_policy p WHERE p.polrelid = r.oid)
  ) ORDER BY r.nspname, r.relname), '[]') FROM rels r),
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
 'owners', (SELECT coalesce(json_agg(json_build_array(o.classid, o.objid, o.rel)), '[]') FROM (
    SELECT 'pg_catalog.pg_class'::regclass::oid AS classid, rels.oid AS objid, rels.oid AS rel
      FROM rels
    UNION ALL
    SELECT 'pg_catalog.pg_class'::regclass::oid, x.indexrelid, x.indrelid
      FROM pg_catalog.pg_index x JOIN rels ON rels.oid = x.indrelid
    UNION ALL
    SELECT 'pg_catalog.pg_class'::regclass::oid, d.objid, d.refobjid
      FROM pg_catalog.pg_depend d JOIN rels ON rels.oid = d.refobjid
      JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.classid = 'pg_catalog.pg_class'::regclass
        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::regclass::oid, co.oid, co.conrelid
      FROM pg_catalog.pg_constraint co JOIN rels ON rels.oid = co.conrelid
    UNION ALL
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
    SELECT 'pg_catalog.pg_statistic_ext'::regclass::oid, se.oid, se.stxrelid
      FROM pg_catalog.pg_statistic_ext se JOIN rels ON rels.oid = se.stxrelid
    UNION ALL
    SELECT 'pg_catalog.pg_publication_rel'::regclass::oid, pr.oid, pr.prrelid
      FROM pg_catalog.pg_publication_rel pr JOIN rels ON rels.oid = pr.prrelid
  ) o),
 'names', (SELECT coalesce(json_agg(json_build_array(n.nspname, c.relname, c.oid)), '[]')
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid IN (SELECT oid FROM rels) OR c.oid IN (
     SELECT x.indexrelid FROM pg_catalog.pg_index x JOIN rels ON rels.oid = x.indrelid))
)
"""


def catalog_sql(server_version: int, views: bool) -> str:
    """The catalog query for a server version (features differ before 12 and 13)."""
    kinds = "'r', 'p', 'v', 'm', 'f'" if views else "'r', 'p'"
    return _SQL.format(
        kinds=kinds,
        relam=(
            "(SELECT amname FROM pg_catalog.pg_am WHERE oid = c.relam)"
            if server_version >= 120000
            else "NULL::name"
        ),
        attgenerated="a.attgenerated" if server_version >= 120000 else "''",
        conparent="co.conparentid = 0" if server_version >= 110000 else "true",
        tgparent="t.tgparentid = 0" if server_version >= 130000 else "true",
    )


def server_version(tools: PgTools) -> int:
    """The server's version number (e.g. 150018); also proves the connection works."""
    out = tools.run(
        "psql", ["-X", "-A", "-t", "-q", "-c", "SELECT current_setting('server_version_num')"]
    )
    try:
        return int(out.strip())
    except ValueError:
        raise DatabaseError(f"unexpected answer to a version query: {out.strip()!r}") from None


def load_catalog(
    tools: PgTools,
    version: int,
    schemas: Iterable[str] = (),
    views: bool = True,
) -> Catalog:
    if version < MIN_SERVER_VERSION:
        raise DatabaseError(
            f"server version {version} is too old: pgdoc needs PostgreSQL 10 or newer"
        )
    sql = catalog_sql(version, views)
    schemas_json = json.dumps(sorted(set(schemas)))
    out = tools.run(
        "psql",
        ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-v", f"schemas_json={schemas_json}",
         "-f", "-"],
        sql,
    )
    return parse_catalog(json.loads(out))


def parse_catalog(data: dict[str, Any]) -> Catalog:
    relations: dict[int, Relation] = {}
    for r in data["relations"]:
        oid = int(r["oid"])
        relations[oid] = Relation(
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
            constraints=tuple(Constraint(name=c[0], kind=c[1], definition=c[2])
                              for c in r["constraints"]),
            foreign_keys=tuple(
                ForeignKey(name=f[0], table=oid, columns=tuple(f[1] or ()), ref_table=int(f[2]),
                           ref_schema=f[3], ref_name=f[4], ref_columns=tuple(f[5] or ()),
                           on_delete=f[6], on_update=f[7])
                for f in r["fks"]
            ),
            indexes=tuple(Index(name=i[0], definition=i[1], primary=i[2], unique=i[3])
                          for i in r["indexes"]),
            triggers=tuple(Trigger(name=t[0], definition=t[1]) for t in r["triggers"]),
            policies=tuple(
                Policy(name=p[0], command=p[1], permissive=p[2], roles=tuple(p[3]), using=p[4],
                       check=p[5])
                for p in r["policies"]
            ),
        )
    types = {
        int(t[0]): TypeInfo(schema=t[1], name=t[2], kind="enum" if t[3] == "e" else "domain",
                       values=tuple(t[4]), base=t[5], checks=tuple(t[6]), not_null=t[7])
        for t in data["types"]
    }
    owners = {(int(o[0]), int(o[1])): int(o[2]) for o in data["owners"]}
    names = {(n[0], n[1]): int(n[2]) for n in data["names"]}
    return Catalog(
        server_version=data["server_version"],
        database=data["database"],
        relations=relations,
        types=types,
        owners=owners,
        names=names,
    )


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


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
    by_name: dict[str, list[Relation]] = {}
    for rel in rels:
        for key in {rel.display, rel.qualified, f"{rel.schema}.{rel.name}", rel.name}:
            by_name.setdefault(key, []).append(rel)
    chosen: dict[int, Relation] = {}
    for name in names:
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
