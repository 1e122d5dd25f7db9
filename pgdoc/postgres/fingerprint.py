"""A catalog fingerprint: one cheap, read-only query whose answer changes whenever a file
pgdoc writes could change, so that a sync which finds nothing new runs no pg_dump.

The query reads catalog rows only. It calls no function that opens a user relation or takes
a lock on one (no pg_get_expr, pg_get_indexdef, format_type, ...): a row is hashed as its
columns' stored text, or, in the catalogs that hold most rows and the longest texts (columns,
defaults, constraints, indexes, triggers, rules: see BY_VERSION), as its version. So a table
held ACCESS EXCLUSIVE by another session does not stop it.

The answer is one digest per relation (tables, partitioned tables, views, materialized views,
foreign tables, sequences) over every catalog row that shapes that relation's file, plus one
digest (`rest`) over everything else in the documented schemas. A relation's digest covers:

- its own rows: pg_class (minus what VACUUM, ANALYZE and rewrites change), pg_attribute,
  pg_attrdef, pg_constraint (those it declares, and the foreign keys that point at it: the
  header lists them), pg_index with the index's pg_class and pg_attribute rows, pg_trigger,
  pg_rewrite, pg_policy, pg_statistic_ext, pg_sequence, pg_foreign_table,
  pg_partitioned_table, pg_inherits, the sequences its columns own, the toast table's
  options, and the names and bounds of all its partitions (the header lists the tree);
- the enum labels and domain definitions of its column types (the header shows them);
- comments and security labels on all of these;
- the name, with its schema, of every object any of these rows refers to by oid (through
  pg_depend): renaming a type, a function, a sequence or another table's column changes
  the text pg_dump writes for this table, though none of this table's own rows changes;
- with `owners`, owners' role names; with `grants`, the ACLs (whose text names the roles).

A false alarm (a digest changes though the file would not) costs one dump; a missed change
would leave a stale file, so when in doubt a row is hashed. Every column of every catalog
read is either hashed (by value, or through the row's version) or listed in `IGNORED` with
its reason; a test checks that the two
cover each catalog exactly on the server under test, so a column a new PostgreSQL adds is
noticed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pgdoc.errors import DatabaseError
from pgdoc.postgres import delta
from pgdoc.postgres.tools import PgTools

MIN_SERVER_VERSION = 130000
FORMAT = 3  # of Fingerprint.to_json; bump when the query's meaning changes

# The columns hashed per catalog. `name>=14`: only from PostgreSQL 14 (`<17`: before 17);
# `name@owner`: only with `owners`, as the role's name; `name@acl`: only with `grants`;
# `name!oid`: a regproc column, hashed as its oid (its name would cost a lookup per row).
COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "pg_class": (
        "relname", "relnamespace", "reltype", "reloftype", "relowner@owner", "relam",
        "reltablespace", "relisshared", "relpersistence", "relkind", "relnatts", "relchecks",
        "relrowsecurity", "relforcerowsecurity", "relreplident", "relispartition",
        "relacl@acl", "reloptions", "relpartbound",
    ),
    "pg_attribute": (
        "attnum", "attname", "atttypid", "atttypmod", "attndims", "attstattarget",
        "attstorage", "attcompression>=14", "attnotnull", "atthasdef", "attidentity",
        "attgenerated", "attisdropped", "attislocal", "attinhcount", "attcollation",
        "attacl@acl", "attoptions", "attfdwoptions",
    ),
    "pg_index": (
        "indrelid", "indnatts", "indnkeyatts", "indisunique", "indnullsnotdistinct>=15",
        "indisprimary", "indisexclusion", "indimmediate", "indisclustered", "indisvalid",
        "indisready", "indislive", "indisreplident", "indkey", "indcollation", "indclass",
        "indoption", "indexprs", "indpred",
    ),
    "pg_attrdef": ("adrelid", "adnum", "adbin"),
    "pg_constraint": (
        "conname", "connamespace", "contype", "condeferrable", "condeferred",
        "conenforced>=18", "convalidated", "conrelid", "contypid", "conindid", "conparentid",
        "confrelid", "confupdtype", "confdeltype", "confmatchtype", "conislocal",
        "coninhcount", "connoinherit", "conperiod>=18", "conkey", "confkey", "conpfeqop",
        "conppeqop", "conffeqop", "confdelsetcols>=15", "conexclop", "conbin",
    ),
    "pg_trigger": (
        "tgrelid", "tgparentid", "tgname", "tgfoid", "tgtype", "tgenabled", "tgisinternal",
        "tgconstrrelid", "tgconstrindid", "tgconstraint", "tgdeferrable", "tginitdeferred",
        "tgnargs", "tgattr", "tgargs", "tgqual", "tgoldtable", "tgnewtable",
    ),
    "pg_rewrite": ("rulename", "ev_class", "ev_type", "ev_enabled", "is_instead", "ev_qual",
                   "ev_action"),
    "pg_policy": ("polname", "polrelid", "polcmd", "polpermissive", "polroles", "polqual",
                  "polwithcheck"),
    "pg_statistic_ext": ("stxrelid", "stxname", "stxnamespace", "stxowner@owner",
                         "stxstattarget", "stxkeys", "stxkind", "stxexprs>=14"),
    "pg_sequence": ("seqtypid", "seqstart", "seqincrement", "seqmax", "seqmin", "seqcache",
                    "seqcycle"),
    "pg_foreign_table": ("ftserver", "ftoptions"),
    "pg_partitioned_table": ("partstrat", "partnatts", "partdefid", "partattrs", "partclass",
                             "partcollation", "partexprs"),
    "pg_inherits": ("inhrelid", "inhparent", "inhseqno", "inhdetachpending>=14"),
    "pg_namespace": ("nspname", "nspowner@owner", "nspacl@acl"),
    "pg_type": (
        "typname", "typnamespace", "typowner@owner", "typlen", "typbyval", "typtype",
        "typcategory", "typispreferred", "typisdefined", "typdelim", "typrelid",
        "typsubscript>=14!oid", "typelem", "typarray", "typinput!oid", "typoutput!oid",
        "typreceive!oid", "typsend!oid", "typmodin!oid", "typmodout!oid", "typanalyze!oid",
        "typalign", "typstorage", "typnotnull", "typbasetype", "typtypmod", "typndims",
        "typcollation", "typdefaultbin", "typdefault", "typacl@acl",
    ),
    "pg_enum": ("enumtypid", "enumsortorder", "enumlabel"),
    "pg_proc": (
        "proname", "pronamespace", "proowner@owner", "prolang", "procost", "prorows",
        "provariadic", "prosupport!oid", "prokind", "prosecdef", "proleakproof",
        "proisstrict", "proretset", "provolatile", "proparallel", "pronargs",
        "pronargdefaults", "prorettype", "proargtypes", "proallargtypes", "proargmodes",
        "proargnames", "proargdefaults", "protrftypes", "prosrc", "probin", "prosqlbody>=14",
        "proconfig", "proacl@acl",
    ),
    "pg_aggregate": (
        "aggfnoid!oid", "aggkind", "aggnumdirectargs", "aggtransfn!oid", "aggfinalfn!oid",
        "aggcombinefn!oid", "aggserialfn!oid", "aggdeserialfn!oid", "aggmtransfn!oid",
        "aggminvtransfn!oid", "aggmfinalfn!oid", "aggfinalextra", "aggmfinalextra",
        "aggfinalmodify", "aggmfinalmodify", "aggsortop", "aggtranstype", "aggtransspace",
        "aggmtranstype", "aggmtransspace", "agginitval", "aggminitval",
    ),
    "pg_operator": (
        "oprname", "oprnamespace", "oprowner@owner", "oprkind", "oprcanmerge", "oprcanhash",
        "oprleft", "oprright", "oprresult", "oprcom", "oprnegate", "oprcode!oid",
        "oprrest!oid", "oprjoin!oid",
    ),
    "pg_opclass": ("opcmethod", "opcname", "opcnamespace", "opcowner@owner", "opcfamily",
                   "opcintype", "opcdefault", "opckeytype"),
    "pg_opfamily": ("opfmethod", "opfname", "opfnamespace", "opfowner@owner"),
    "pg_amop": ("amopfamily", "amoplefttype", "amoprighttype", "amopstrategy", "amoppurpose",
                "amopopr", "amopmethod", "amopsortfamily"),
    "pg_amproc": ("amprocfamily", "amproclefttype", "amprocrighttype", "amprocnum",
                  "amproc!oid"),
    "pg_cast": ("castsource", "casttarget", "castfunc", "castcontext", "castmethod"),
    "pg_collation": (
        "collname", "collnamespace", "collowner@owner", "collprovider", "collisdeterministic",
        "collencoding", "collcollate", "collctype", "colliculocale>=15<17", "colllocale>=17",
        "collicurules>=16",
    ),
    "pg_conversion": ("conname", "connamespace", "conowner@owner", "conforencoding",
                      "contoencoding", "conproc!oid", "condefault"),
    "pg_ts_config": ("cfgname", "cfgnamespace", "cfgowner@owner", "cfgparser"),
    "pg_ts_config_map": ("mapcfg", "maptokentype", "mapseqno", "mapdict"),
    "pg_ts_dict": ("dictname", "dictnamespace", "dictowner@owner", "dicttemplate",
                   "dictinitoption"),
    "pg_ts_parser": ("prsname", "prsnamespace", "prsstart!oid", "prstoken!oid", "prsend!oid",
                     "prsheadline!oid", "prslextype!oid"),
    "pg_ts_template": ("tmplname", "tmplnamespace", "tmplinit!oid", "tmpllexize!oid"),
    "pg_extension": ("extname", "extowner@owner", "extnamespace", "extrelocatable",
                     "extversion", "extconfig", "extcondition"),
    "pg_event_trigger": ("evtname", "evtevent", "evtowner@owner", "evtfoid", "evtenabled",
                         "evttags"),
    "pg_publication": ("pubname", "pubowner@owner", "puballtables", "pubinsert", "pubupdate",
                       "pubdelete", "pubtruncate", "pubviaroot", "pubgencols>=18"),
    "pg_publication_rel": ("prpubid", "prrelid", "prqual>=15", "prattrs>=15"),
    "pg_publication_namespace": ("pnpubid", "pnnspid"),
    "pg_foreign_data_wrapper": ("fdwname", "fdwowner@owner", "fdwhandler", "fdwvalidator",
                                "fdwacl@acl", "fdwoptions"),
    "pg_foreign_server": ("srvname", "srvowner@owner", "srvfdw", "srvtype", "srvversion",
                          "srvacl@acl", "srvoptions"),
    "pg_language": ("lanname", "lanowner@owner", "lanispl", "lanpltrusted", "lanplcallfoid",
                    "laninline", "lanvalidator", "lanacl@acl"),
    "pg_transform": ("trftype", "trflang", "trffromsql!oid", "trftosql!oid"),
    "pg_am": ("amname", "amhandler!oid", "amtype"),
    "pg_default_acl": ("defaclrole", "defaclnamespace", "defaclobjtype", "defaclacl"),
})

# Columns deliberately not hashed, and why. `oid` and the like are the key of the item.
_KEY = "the row's key, hashed beside the row"
_STATS = "maintained by VACUUM, ANALYZE or a rewrite, not by DDL; not in pg_dump's output"
_LAZY = "set by DDL but cleared lazily by VACUUM; the rows it summarises are hashed"
_TYPE = "follows from the column's type, which is hashed"
IGNORED: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "pg_class": {
        "oid": _KEY, "relfilenode": _STATS, "relpages": _STATS, "reltuples": _STATS,
        "relallvisible": _STATS, "relallfrozen": _STATS, "relfrozenxid": _STATS,
        "relminmxid": _STATS, "relrewrite": _STATS,
        "reltoastrelid": "VACUUM FULL and CLUSTER may swap toast tables; the toast table's "
                         "options are hashed",
        "relispopulated": "REFRESH MATERIALIZED VIEW sets it; pg_dump --schema-only writes "
                          "WITH NO DATA either way",
        "relhasindex": _LAZY, "relhasrules": _LAZY, "relhastriggers": _LAZY,
        "relhassubclass": _LAZY,
    },
    "pg_attribute": {
        "attrelid": _KEY, "attlen": _TYPE, "attbyval": _TYPE, "attalign": _TYPE,
        "attcacheoff": "always -1 on disk",
        "atthasmissing": "a rewrite clears it; the default is hashed from pg_attrdef",
        "attmissingval": "a rewrite clears it; the default is hashed from pg_attrdef",
    },
    "pg_index": {
        "indexrelid": _KEY,
        "indcheckxmin": "depends on the table's row versions when the index was built",
    },
    "pg_attrdef": {"oid": _KEY},
    "pg_constraint": {"oid": _KEY},
    "pg_trigger": {"oid": _KEY},
    "pg_rewrite": {"oid": _KEY},
    "pg_policy": {"oid": _KEY},
    "pg_statistic_ext": {"oid": _KEY},
    "pg_sequence": {"seqrelid": _KEY},
    "pg_foreign_table": {"ftrelid": _KEY},
    "pg_partitioned_table": {"partrelid": _KEY},
    "pg_inherits": {},
    "pg_namespace": {"oid": _KEY},
    "pg_type": {"oid": _KEY},
    "pg_enum": {"oid": "a label's oid says nothing that its sort order does not"},
    "pg_proc": {"oid": _KEY},
    "pg_aggregate": {},
    "pg_operator": {"oid": _KEY},
    "pg_opclass": {"oid": _KEY},
    "pg_opfamily": {"oid": _KEY},
    "pg_amop": {"oid": _KEY},
    "pg_amproc": {"oid": _KEY},
    "pg_cast": {"oid": _KEY},
    "pg_collation": {"oid": _KEY,
                     "collversion": "ALTER COLLATION REFRESH VERSION sets it; pg_dump writes "
                                    "it only for binary upgrades"},
    "pg_conversion": {"oid": _KEY},
    "pg_ts_config": {"oid": _KEY},
    "pg_ts_config_map": {},
    "pg_ts_dict": {"oid": _KEY},
    "pg_ts_parser": {"oid": _KEY},
    "pg_ts_template": {"oid": _KEY},
    "pg_extension": {"oid": _KEY},
    "pg_event_trigger": {"oid": _KEY},
    "pg_publication": {"oid": _KEY},
    "pg_publication_rel": {"oid": _KEY},
    "pg_publication_namespace": {"oid": _KEY},
    "pg_foreign_data_wrapper": {"oid": _KEY},
    "pg_foreign_server": {"oid": _KEY},
    "pg_language": {"oid": _KEY},
    "pg_transform": {"oid": _KEY},
    "pg_am": {"oid": _KEY},
    "pg_default_acl": {"oid": _KEY},
})

# Columns hashed as something other than their stored value.
_EXPRESSIONS = {
    # Role names, not oids: pg_dump writes `TO role` (and a renamed role changes that).
    "polroles": "ARRAY(SELECT pg_get_userbyid(u.r) FROM unnest({a}.polroles) WITH ORDINALITY "
                "u(r, i) ORDER BY u.i)",
    "defaclrole": "pg_get_userbyid({a}.defaclrole)",
}
_TOKEN = re.compile(r"(?P<name>\w+)(?:>=(?P<since>\d+))?(?:<(?P<until>\d+))?"
                    r"(?P<flag>@owner|@acl|!oid)?\Z")


def hashed_columns(catalog: str, server_version: int, owners: bool = True,
                   grants: bool = True) -> list[tuple[str, str]]:
    """(column, flag) of the columns of `catalog` hashed on this server version; flag is
    "", "@owner", "@acl" or "!oid"."""
    major = server_version // 10000
    out = []
    for token in COLUMNS[catalog]:
        m = _TOKEN.match(token)
        if m is None:  # pragma: no cover - a typo in COLUMNS
            raise ValueError(f"bad column token {token!r}")
        if (m["since"] and major < int(m["since"])) or (m["until"] and major >= int(m["until"])):
            continue
        flag = m["flag"] or ""
        if (flag == "@owner" and not owners) or (flag == "@acl" and not grants):
            continue
        out.append((m["name"], flag))
    return out


# Catalogs whose rows are hashed as their version (xmin: the transaction that wrote this
# version of the row) rather than as their columns' text: every DDL that changes such a row
# writes a new version, which no version visible before carries (VACUUM and freezing keep
# a row's xmin). They hold most of the rows the query reads (a table's columns, defaults,
# constraints, indexes, triggers, rules) and their longest texts (expression trees), whose
# output as text cost the query a third of its time. A new version with the same content
# (a statement repeated) is a false alarm, never a missed change. What a row shows that is
# not in the row, or that is changed in place without a new version, is still hashed by
# value: role names (a role's rename changes no row that names it by oid) and an index's
# state flags (updated in place on servers before the 2024 minor releases). pg_class rows
# stay hashed by value: TRUNCATE, CLUSTER and REFRESH MATERIALIZED VIEW write new versions
# of them, which nights would pay for. (An xmin is 32 bits: a new version could carry an old
# one's only some four billion transactions later, and then only by chance.)
BY_VERSION = frozenset({
    "pg_attribute", "pg_attrdef", "pg_constraint", "pg_index", "pg_trigger", "pg_rewrite",
    "pg_policy", "pg_statistic_ext",
})
IN_PLACE = frozenset({"indisvalid", "indisready", "indislive"})


def row_text(catalog: str, alias: str, server_version: int, owners: bool,
             grants: bool) -> str:
    """SQL for one row of `catalog` (as `alias`) as text: a record of its hashed columns,
    or, for a catalog in BY_VERSION, of its version and what is hashed by value."""
    by_version = catalog in BY_VERSION
    parts = [f"{alias}.xmin"] if by_version else []
    for name, flag in hashed_columns(catalog, server_version, owners, grants):
        if by_version and not (flag in ("@owner", "@acl") or name in _EXPRESSIONS
                               or name in IN_PLACE):
            continue
        if name in _EXPRESSIONS:
            parts.append(_EXPRESSIONS[name].format(a=alias))
        elif flag == "@owner":
            parts.append(f"pg_get_userbyid({alias}.{name})")
        elif flag == "!oid":
            parts.append(f"{alias}.{name}::oid")
        else:
            parts.append(f"{alias}.{name}")
    return f"ROW({', '.join(parts)})::text"


# The cluster's identity, for the cache key: every role may read pg_control unless an
# administrator revoked it (a function's privilege is checked even where it is not called).
# And when its server started: the stamp and the row versions the fingerprint hashes (see
# BY_VERSION) hold transaction ids, which a cluster hands out again once it went back in
# time (restored from a backup or a disk snapshot, failed over to a standby that had not
# seen the last transactions, rewound, reset): then another change can carry the id of the
# one recorded. No cluster goes back without starting again, so a fingerprint or stamp of
# an earlier start is never compared with (a restart costs one whole read). As text in UTC,
# whatever the session's settings.
_SYSTEM_IDENTIFIER = r"""
SELECT has_function_privilege('pg_control_system()', 'EXECUTE') AS may_read_control \gset
\if :may_read_control
SELECT system_identifier FROM pg_control_system() \gset
\else
\set system_identifier ''
\endif
SELECT has_function_privilege('pg_postmaster_start_time()', 'EXECUTE') AS may_read_start \gset
\if :may_read_start
SELECT to_char(pg_postmaster_start_time() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')
  AS server_started \gset
\else
\set server_started ''
\endif
"""

# Subscriptions live in a shared catalog, readable whole by superusers only (the
# connection string is withheld from others), and pg_dump dumps them only for a superuser:
# for one, every column but the connection string (which the docs withhold: it may hold a
# password) and the comment and label of this database's subscriptions; for anyone else,
# their names, a column every server lets everyone read (all pg_dump would say then is
# that it leaves them out).
_SUBSCRIPTIONS = r"""
SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user),
                false) AS pgdoc_superuser \gset
\if :pgdoc_superuser
SELECT coalesce(md5(string_agg(concat_ws(' ', (to_jsonb(s) - 'subconninfo')::text,
                                         d.description, l.provider,
                                         l.label), ',' ORDER BY s.oid)), '')
  AS pgdoc_subscriptions
FROM pg_catalog.pg_subscription s
LEFT JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_subscription'::regclass
  AND d.objoid = s.oid
LEFT JOIN pg_catalog.pg_seclabel l ON l.classoid = 'pg_catalog.pg_subscription'::regclass
  AND l.objoid = s.oid
WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
\gset
\else
SELECT coalesce(md5(string_agg(s.subname, ',' ORDER BY s.subname)), '')
  AS pgdoc_subscriptions
FROM pg_catalog.pg_subscription s
WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
\gset
\endif
"""

_SQL = r"""
-- Catalog rows only: no function here opens a user relation or locks one.
SET search_path = pg_catalog;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET work_mem = '64MB';  -- sorts and hashes of a few MB each stay in memory
SET bytea_output = hex;
SET extra_float_digits = 1;
{system_identifier}WITH RECURSIVE nsp AS MATERIALIZED (
  SELECT n.oid, n.nspname, {nsp_row} AS body
  FROM pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
),
docnsp AS MATERIALIZED (
  SELECT oid FROM nsp
  WHERE :'schemas_json' = '[]'
     OR nspname IN (SELECT json_array_elements_text(:'schemas_json'::json))
),
ext AS MATERIALIZED (
  SELECT d.classid, d.objid FROM pg_depend d
  WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
),
{touched}rels AS MATERIALIZED (
  SELECT c.oid, c.relkind, c.relispartition, n.nspname, c.relname
  FROM pg_class c
  JOIN nsp n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
    AND (c.relnamespace IN (SELECT oid FROM docnsp) OR c.relispartition)
    AND c.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_class'::regclass){only}
),
-- pg_class rows of every relation, index, sequence and composite type in a user schema,
-- with the names of its schema and tablespace and its toast table's options.
cls AS {cls_materialized} (
  SELECT c.oid, c.relkind, c.reltype,
    ROW({class_row}, n.nspname, ts.spcname, toast.reloptions)::text AS body
  FROM pg_class c
  JOIN nsp n ON n.oid = c.relnamespace
  LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
  LEFT JOIN pg_class toast ON toast.oid = c.reltoastrelid
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I', 'c')
),
-- Sequences owned by a column (serial: 'a', identity: 'i'): part of the owner's file.
owned AS (
  SELECT d.refobjid AS rel, d.objid AS seq
  FROM pg_depend d
  JOIN rels r ON r.oid = d.refobjid
  JOIN cls s ON s.oid = d.objid AND s.relkind = 'S'
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.objsubid = 0 AND d.deptype IN ('a', 'i')
),
idx AS MATERIALIZED (
  SELECT x.indrelid AS rel, x.indexrelid AS oid, x.indexprs IS NOT NULL AS expressions,
    {index_row} AS body
  FROM pg_index x JOIN rels r ON r.oid = x.indrelid
),
-- Every partition under each of its ancestors: a partitioned table's header lists the tree.
tree(anc, child) AS (
  SELECT i.inhparent, i.inhrelid
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid AND c.relispartition
  WHERE i.inhparent IN (SELECT oid FROM rels WHERE relkind = 'p')
  UNION ALL
  SELECT t.anc, i.inhrelid
  FROM tree t
  JOIN pg_inherits i ON i.inhparent = t.child
  JOIN pg_class c ON c.oid = i.inhrelid AND c.relispartition
),
-- Enum and domain types of columns (and of array columns' elements): the header shows
-- their labels and checks.
coltypes AS (
  SELECT DISTINCT a.attrelid AS rel, m.typ
  FROM (
    SELECT t.oid AS col, t.oid AS typ FROM pg_type t WHERE t.typtype IN ('e', 'd')
    UNION ALL
    SELECT t.typarray, t.oid FROM pg_type t WHERE t.typtype IN ('e', 'd') AND t.typarray <> 0
  ) m
  JOIN pg_attribute a ON a.atttypid = m.col AND a.attnum > 0 AND NOT a.attisdropped
  JOIN rels r ON r.oid = a.attrelid
),
-- Types documented as themselves: not a relation's row type, not an automatic array type.
types AS MATERIALIZED (
  SELECT t.oid, {type_row} AS body
  FROM pg_type t
  LEFT JOIN pg_class rc ON rc.oid = t.typrelid
  LEFT JOIN pg_type e ON e.oid = t.typelem
  WHERE t.typnamespace IN (SELECT oid FROM docnsp)
    AND (t.typrelid = 0 OR rc.relkind = 'c')
    AND (t.typelem = 0 OR e.typarray <> t.oid)
),
enums AS MATERIALIZED (
  SELECT e.enumtypid AS typ,
    string_agg({enum_row}, ',' ORDER BY e.enumsortorder) AS body
  FROM pg_enum e
  GROUP BY e.enumtypid
),
-- (rel, classid, objid, sub, body): every catalog row that shapes relation `rel`'s file,
-- or, with rel 0, the rest. Rows with sub 0 are the objects whose comments, security labels
-- and dependencies count too.
objs AS MATERIALIZED (
  SELECT r.oid AS rel, 'pg_class'::regclass::oid AS classid, r.oid AS objid, 0 AS sub,
    cls.body
  FROM rels r JOIN cls ON cls.oid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_class'::regclass, r.oid, 1, {sequence_row}
  FROM rels r JOIN pg_sequence s ON s.seqrelid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_class'::regclass, r.oid, 2, {foreign_table_row}
  FROM rels r JOIN pg_foreign_table f ON f.ftrelid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_class'::regclass, r.oid, 3, {partitioned_row}
  FROM rels r JOIN pg_partitioned_table pt ON pt.partrelid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_class'::regclass, r.oid, 10 + i.inhseqno, {inherits_row}
  FROM rels r JOIN pg_inherits i ON i.inhrelid = r.oid
  UNION ALL
  SELECT o.rel, 'pg_class'::regclass, o.seq, 0, cls.body
  FROM owned o JOIN cls ON cls.oid = o.seq
  UNION ALL
  SELECT o.rel, 'pg_class'::regclass, o.seq, 1, {sequence_row}
  FROM owned o JOIN pg_sequence s ON s.seqrelid = o.seq
  UNION ALL
  SELECT x.rel, 'pg_class'::regclass, x.oid, 0, cls.body
  FROM idx x JOIN cls ON cls.oid = x.oid
  UNION ALL
  SELECT x.rel, 'pg_class'::regclass, x.oid, 4, x.body FROM idx x
  UNION ALL
  SELECT t.anc, 'pg_class'::regclass, t.child, 5, cls.body
  FROM tree t JOIN cls ON cls.oid = t.child
  UNION ALL
  SELECT r.oid, 'pg_constraint'::regclass, co.oid, 0, {constraint_row}
  FROM rels r JOIN pg_constraint co ON co.conrelid = r.oid
  UNION ALL
  -- Foreign keys pointing at the relation: its header lists them under "Referenced by".
  SELECT r.oid, 'pg_constraint'::regclass, co.oid, 0, {constraint_row}
  FROM rels r JOIN pg_constraint co ON co.confrelid = r.oid AND co.conrelid <> r.oid
  UNION ALL
  SELECT r.oid, 'pg_attrdef'::regclass, ad.oid, 0, {attrdef_row}
  FROM rels r JOIN pg_attrdef ad ON ad.adrelid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_trigger'::regclass, tg.oid, 0, {trigger_row}
  FROM rels r JOIN pg_trigger tg ON tg.tgrelid = r.oid
  -- A foreign key's or deferrable key's own triggers follow from its (hashed) row.
  WHERE NOT (tg.tgisinternal AND tg.tgconstraint <> 0)
  UNION ALL
  SELECT r.oid, 'pg_rewrite'::regclass, rw.oid, 0, {rewrite_row}
  FROM rels r JOIN pg_rewrite rw ON rw.ev_class = r.oid
  UNION ALL
  SELECT r.oid, 'pg_policy'::regclass, pol.oid, 0, {policy_row}
  FROM rels r JOIN pg_policy pol ON pol.polrelid = r.oid
  UNION ALL
  SELECT r.oid, 'pg_statistic_ext'::regclass, sx.oid, 0, {statistic_row}
  FROM rels r JOIN pg_statistic_ext sx ON sx.stxrelid = r.oid
  UNION ALL
  SELECT ct.rel, 'pg_type'::regclass, ct.typ, 0, {type_row}
  FROM coltypes ct JOIN pg_type t ON t.oid = ct.typ
  UNION ALL
  SELECT ct.rel, 'pg_type'::regclass, ct.typ, 1, en.body
  FROM coltypes ct JOIN enums en ON en.typ = ct.typ
  UNION ALL
  SELECT ct.rel, 'pg_constraint'::regclass, co.oid, 0, {constraint_row}
  FROM coltypes ct JOIN pg_constraint co ON co.contypid = ct.typ
  {rest_branch}
),
-- The owner of every pg_attribute row hashed: a relation's own columns, its indexes'.
attowners AS (
  SELECT oid AS attrelid, oid AS rel FROM rels
  UNION ALL
  -- Only an expression's column has settings of its own (ALTER INDEX ... SET STATISTICS).
  SELECT oid, rel FROM idx WHERE expressions
  UNION ALL
  SELECT o.objid, 0 FROM objs o
  WHERE o.rel = 0 AND o.classid = 'pg_class'::regclass AND o.sub = 0
),
-- What a dependency can point at, by name and schema: pg_dump writes names, not oids.
named(classid, oid, nsp, name) AS (
  SELECT 'pg_class'::regclass::oid, c.oid, c.relnamespace, c.relname FROM pg_class c
  UNION ALL SELECT 'pg_type'::regclass, t.oid, t.typnamespace, t.typname FROM pg_type t
  UNION ALL SELECT 'pg_proc'::regclass, p.oid, p.pronamespace, p.proname FROM pg_proc p
  UNION ALL SELECT 'pg_namespace'::regclass, n.oid, n.oid, n.nspname FROM pg_namespace n
  UNION ALL SELECT 'pg_collation'::regclass, c.oid, c.collnamespace, c.collname
  FROM pg_collation c
  UNION ALL SELECT 'pg_operator'::regclass, o.oid, o.oprnamespace, o.oprname
  FROM pg_operator o
  UNION ALL SELECT 'pg_opclass'::regclass, o.oid, o.opcnamespace, o.opcname FROM pg_opclass o
  UNION ALL SELECT 'pg_opfamily'::regclass, o.oid, o.opfnamespace, o.opfname
  FROM pg_opfamily o
  UNION ALL SELECT 'pg_constraint'::regclass, c.oid, c.connamespace, c.conname
  FROM pg_constraint c
  UNION ALL SELECT 'pg_ts_config'::regclass, c.oid, c.cfgnamespace, c.cfgname
  FROM pg_ts_config c
  UNION ALL SELECT 'pg_ts_dict'::regclass, d.oid, d.dictnamespace, d.dictname
  FROM pg_ts_dict d
  UNION ALL SELECT 'pg_statistic_ext'::regclass, s.oid, s.stxnamespace, s.stxname
  FROM pg_statistic_ext s
  UNION ALL SELECT 'pg_foreign_server'::regclass, s.oid, 0, s.srvname FROM pg_foreign_server s
  UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, w.oid, 0, w.fdwname
  FROM pg_foreign_data_wrapper w
  UNION ALL SELECT 'pg_extension'::regclass, e.oid, 0, e.extname FROM pg_extension e
  UNION ALL SELECT 'pg_language'::regclass, l.oid, 0, l.lanname FROM pg_language l
  UNION ALL SELECT 'pg_am'::regclass, a.oid, 0, a.amname FROM pg_am a
),
items(rel, k1, k2, k3, k4, txt) AS (
  SELECT o.rel, o.classid, o.objid, 0, o.sub, o.body FROM objs o
  UNION ALL
  SELECT ao.rel, 'pg_attribute'::regclass, a.attrelid, a.attnum, 0, {attribute_row}
  FROM attowners ao
  JOIN pg_attribute a ON a.attrelid = ao.attrelid AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  -- What the rows point at, by name. A relation's own columns are hashed above.
  SELECT o.rel, 'pg_depend'::regclass, d.classid, d.objid, d.objsubid,
    ROW(d.refclassid, d.refobjid, d.refobjsubid, d.deptype, rn.nspname, nm.name,
        ra.attname)::text
  FROM objs o
  JOIN pg_depend d ON d.classid = o.classid AND d.objid = o.objid AND d.deptype <> 'p'
  LEFT JOIN named nm ON nm.classid = d.refclassid AND nm.oid = d.refobjid
  LEFT JOIN pg_attribute ra ON d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
    AND ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid
  LEFT JOIN pg_namespace rn ON rn.oid = nm.nsp
  WHERE o.sub = 0
    -- Hashed already: the relation's own columns, every schema's name (with the objects
    -- in it), and the constraint an index implements (the same relation's).
    AND NOT (d.refclassid = 'pg_class'::regclass AND d.refobjid = o.rel)
    AND d.refclassid <> 'pg_namespace'::regclass
    AND NOT (d.deptype = 'i' AND d.classid = 'pg_class'::regclass
             AND d.refclassid = 'pg_constraint'::regclass)
  UNION ALL
  SELECT o.rel, 'pg_description'::regclass, o.classid, o.objid, de.objsubid,
    de.description
  FROM objs o
  JOIN pg_description de ON de.classoid = o.classid AND de.objoid = o.objid
  WHERE o.sub = 0
  UNION ALL
  SELECT o.rel, 'pg_seclabel'::regclass, o.classid, o.objid, sl.objsubid,
    ROW(sl.provider, sl.label)::text
  FROM objs o
  JOIN pg_seclabel sl ON sl.classoid = o.classid AND sl.objoid = o.objid
  WHERE o.sub = 0
),
digests AS (
  SELECT it.rel, encode(sha256(convert_to(string_agg(
      concat_ws(' ', it.k1, it.k2, it.k3, it.k4, octet_length(it.txt), it.txt), E'\n'
      ORDER BY it.k1, it.k2, it.k3, it.k4, it.txt COLLATE "C"),
      pg_catalog.getdatabaseencoding())), 'hex') AS digest
  FROM items it
  GROUP BY it.rel
)
SELECT json_build_object(
  'server_version', current_setting('server_version_num')::int,
  'system_identifier', :'system_identifier',
  'server_started', :'server_started',
  'database', current_database(),
  'relations', (
    SELECT coalesce(json_agg(json_build_array(
        r.oid::bigint, r.nspname, r.relname, i.inhparent::bigint, dg.digest) ORDER BY r.oid),
      '[]')
    FROM rels r
    LEFT JOIN digests dg ON dg.rel = r.oid
    LEFT JOIN pg_inherits i ON r.relispartition AND i.inhrelid = r.oid),
  'rest', (SELECT digest FROM digests WHERE rel = 0){candidates});
"""

# With `touched`: only the relations whose file the touched oids (the psql variable
# `touched_json`, see pgdoc.postgres.delta) may shape. A relation's digest does not depend
# on which others are computed beside it.
_TOUCHED = r"""touched(classid, oid) AS MATERIALIZED (
  SELECT DISTINCT (t->>0)::oid, (t->>1)::oid FROM json_array_elements(:'touched_json'::json) t
),
-- The touched objects and what depends on them: what a table depends on, pg_dump names.
near(classid, oid) AS MATERIALIZED (
  SELECT classid, oid FROM touched
  UNION
  SELECT d.classid, d.objid FROM touched t
  JOIN pg_depend d ON d.refclassid = t.classid AND d.refobjid = t.oid
),
-- Types among them (and the domains whose checks are), with their array types.
neartypes(oid) AS MATERIALIZED (
  SELECT oid FROM near WHERE classid = 'pg_type'::regclass
  UNION
  SELECT co.contypid FROM near n JOIN pg_constraint co ON co.oid = n.oid
  WHERE n.classid = 'pg_constraint'::regclass AND co.contypid <> 0
),
alltypes(oid) AS MATERIALIZED (
  SELECT oid FROM neartypes
  UNION
  SELECT t.typarray FROM neartypes n JOIN pg_type t ON t.oid = n.oid WHERE t.typarray <> 0
),
hit(rel) AS MATERIALIZED (
  SELECT oid FROM near WHERE classid = 'pg_class'::regclass
  UNION SELECT t.typrelid FROM near n JOIN pg_type t ON t.oid = n.oid
  WHERE n.classid = 'pg_type'::regclass AND t.typrelid <> 0
  -- Columns of these types (a column of a type not pinned by initdb depends on it).
  UNION SELECT d.objid FROM alltypes x
  JOIN pg_depend d ON d.refclassid = 'pg_type'::regclass AND d.refobjid = x.oid
  WHERE d.classid = 'pg_class'::regclass
  -- A toast table's table; a sequence's owner; an index's table.
  UNION SELECT c.oid FROM pg_class c
  WHERE c.reltoastrelid IN (SELECT oid FROM near WHERE classid = 'pg_class'::regclass)
  UNION SELECT d.refobjid FROM near n
  JOIN pg_depend d ON d.classid = n.classid AND d.objid = n.oid
  WHERE n.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.deptype IN ('a', 'i')
{owners}),
-- An index's table; every partition's ancestors (a partitioned table lists its tree).
candidates(rel) AS (
  SELECT rel FROM hit WHERE rel <> 0
  UNION
  SELECT x.indrelid FROM pg_index x WHERE x.indexrelid IN (SELECT rel FROM hit)
  UNION
  SELECT i.inhparent FROM candidates ca JOIN pg_inherits i ON i.inhrelid = ca.rel
),
""".replace("{owners}", "".join(
    f"  UNION SELECT o.{column} FROM near n JOIN {catalog} o ON o.oid = n.oid\n"
    f"  WHERE n.classid = '{catalog}'::regclass\n" for catalog, column in (
        # The relation each of these objects belongs to (or, for a foreign key, points at).
        ("pg_constraint", "conrelid"), ("pg_constraint", "confrelid"),
        ("pg_attrdef", "adrelid"), ("pg_trigger", "tgrelid"), ("pg_rewrite", "ev_class"),
        ("pg_policy", "polrelid"), ("pg_statistic_ext", "stxrelid"))))

# Everything else in the documented schemas (and the database-wide objects pg_dump writes):
# (classid, objid, sub, body).
_REST = r"""
  SELECT 'pg_namespace'::regclass::oid AS classid, n.oid AS objid, 0 AS sub, n.body
  FROM nsp n
  UNION ALL SELECT 'pg_type'::regclass, t.oid, 0, t.body FROM types t
  UNION ALL SELECT 'pg_type'::regclass, t.oid, 1, en.body
  FROM types t JOIN enums en ON en.typ = t.oid
  UNION ALL SELECT 'pg_constraint'::regclass, co.oid, 0, {constraint_row}
  FROM types t JOIN pg_constraint co ON co.contypid = t.oid
  UNION ALL SELECT 'pg_class'::regclass, c.oid, 0, c.body
  FROM cls c JOIN types t ON t.oid = c.reltype
  WHERE c.relkind = 'c'
  UNION ALL SELECT 'pg_statistic_ext'::regclass, sx.oid, 0, {statistic_row}
  FROM pg_statistic_ext sx WHERE sx.stxnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_proc'::regclass, p.oid, 0, {proc_row}
  FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_proc'::regclass, p.oid, 1, {aggregate_row}
  FROM pg_proc p JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
  WHERE p.pronamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_operator'::regclass, o.oid, 0, {operator_row}
  FROM pg_operator o WHERE o.oprnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_opclass'::regclass, o.oid, 0, {opclass_row}
  FROM pg_opclass o WHERE o.opcnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_opfamily'::regclass, o.oid, 0, {opfamily_row}
  FROM pg_opfamily o WHERE o.opfnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_amop'::regclass, ao.oid, 0, {amop_row}
  FROM pg_amop ao JOIN pg_opfamily o ON o.oid = ao.amopfamily
  WHERE o.opfnamespace IN (SELECT oid FROM docnsp)
    AND o.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_opfamily'::regclass)
  UNION ALL SELECT 'pg_amproc'::regclass, ap.oid, 0, {amproc_row}
  FROM pg_amproc ap JOIN pg_opfamily o ON o.oid = ap.amprocfamily
  WHERE o.opfnamespace IN (SELECT oid FROM docnsp)
    AND o.oid NOT IN (SELECT objid FROM ext WHERE classid = 'pg_opfamily'::regclass)
  UNION ALL SELECT 'pg_collation'::regclass, c.oid, 0, {collation_row}
  FROM pg_collation c WHERE c.collnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_conversion'::regclass, c.oid, 0, {conversion_row}
  FROM pg_conversion c WHERE c.connamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_ts_config'::regclass, c.oid, 0, {ts_config_row}
  FROM pg_ts_config c WHERE c.cfgnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_ts_config'::regclass, c.oid, 1,
    string_agg({ts_config_map_row}, ',' ORDER BY m.maptokentype, m.mapseqno)
  FROM pg_ts_config c JOIN pg_ts_config_map m ON m.mapcfg = c.oid
  WHERE c.cfgnamespace IN (SELECT oid FROM docnsp) GROUP BY c.oid
  UNION ALL SELECT 'pg_ts_dict'::regclass, d.oid, 0, {ts_dict_row}
  FROM pg_ts_dict d WHERE d.dictnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_ts_parser'::regclass, p.oid, 0, {ts_parser_row}
  FROM pg_ts_parser p WHERE p.prsnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_ts_template'::regclass, t.oid, 0, {ts_template_row}
  FROM pg_ts_template t WHERE t.tmplnamespace IN (SELECT oid FROM docnsp)
  UNION ALL SELECT 'pg_extension'::regclass, e.oid, 0, {extension_row}
  FROM pg_extension e
  -- User-defined objects of kinds that have no schema (oids below 16384 are initdb's).
  UNION ALL SELECT 'pg_cast'::regclass, c.oid, 0, {cast_row}
  FROM pg_cast c WHERE c.oid >= 16384
  UNION ALL SELECT 'pg_language'::regclass, l.oid, 0, {language_row}
  FROM pg_language l WHERE l.oid >= 16384
  UNION ALL SELECT 'pg_transform'::regclass, t.oid, 0, {transform_row}
  FROM pg_transform t
  UNION ALL SELECT 'pg_am'::regclass, a.oid, 0, {am_row}
  FROM pg_am a WHERE a.oid >= 16384
  UNION ALL SELECT 'pg_event_trigger'::regclass, e.oid, 0, {event_trigger_row}
  FROM pg_event_trigger e
  UNION ALL SELECT 'pg_publication'::regclass, p.oid, 0, {publication_row}
  FROM pg_publication p
  UNION ALL SELECT 'pg_publication_rel'::regclass, pr.oid, 0, {publication_rel_row}
  FROM pg_publication_rel pr
  {publication_namespace}
  UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, w.oid, 0, {fdw_row}
  FROM pg_foreign_data_wrapper w
  UNION ALL SELECT 'pg_foreign_server'::regclass, s.oid, 0, {server_row}
  FROM pg_foreign_server s
  -- User mappings: which exist and the names of their options, never the values
  -- (passwords); pg_user_mapping itself is readable by superusers only.
  UNION ALL SELECT 'pg_user_mapping'::regclass, um.umid, 0,
    ROW(um.srvid, um.usename,
        ARRAY(SELECT split_part(o, '=', 1) FROM unnest(um.umoptions) o ORDER BY 1))::text
  FROM pg_user_mappings um
  UNION ALL SELECT 'pg_subscription'::regclass, 0, 0, :'pgdoc_subscriptions'
  {default_acl}
"""


_REST_BRANCH = r"""UNION ALL
  SELECT 0, x.classid, x.objid, x.sub, x.body
  FROM ({rest}) x
  WHERE (x.classid, x.objid) NOT IN (SELECT classid, objid FROM ext)"""


def fingerprint_sql(server_version: int, owners: bool, grants: bool,
                    touched: bool = False) -> str:
    """The fingerprint query for a server version (PostgreSQL 13 or newer). It expects the
    psql variable `schemas_json`: a JSON array of the documented schemas ([] = all). With
    `touched`, only the relations the oids in the psql variable `touched_json` may shape,
    and their list (`candidates`: those gone from `relations` are gone)."""
    if server_version < MIN_SERVER_VERSION:
        raise ValueError(f"catalog fingerprints need PostgreSQL 13 or newer, not "
                         f"{server_version}")

    def row(catalog: str, alias: str) -> str:
        return row_text(catalog, alias, server_version, owners, grants)

    rows = {
        "nsp_row": row("pg_namespace", "n"),
        "class_row": row("pg_class", "c").removeprefix("ROW(").removesuffix(")::text"),
        "index_row": row("pg_index", "x"),
        "type_row": row("pg_type", "t"),
        "enum_row": row("pg_enum", "e"),
        "sequence_row": row("pg_sequence", "s"),
        "foreign_table_row": row("pg_foreign_table", "f"),
        "partitioned_row": row("pg_partitioned_table", "pt"),
        "inherits_row": row("pg_inherits", "i"),
        "constraint_row": row("pg_constraint", "co"),
        "attrdef_row": row("pg_attrdef", "ad"),
        "trigger_row": row("pg_trigger", "tg"),
        "rewrite_row": row("pg_rewrite", "rw"),
        "policy_row": row("pg_policy", "pol"),
        "statistic_row": row("pg_statistic_ext", "sx"),
        "attribute_row": row("pg_attribute", "a"),
    }
    rest_rows = {
        "constraint_row": rows["constraint_row"],
        "statistic_row": row("pg_statistic_ext", "sx"),
        "proc_row": row("pg_proc", "p"),
        "aggregate_row": row("pg_aggregate", "ag"),
        "operator_row": row("pg_operator", "o"),
        "opclass_row": row("pg_opclass", "o"),
        "opfamily_row": row("pg_opfamily", "o"),
        "amop_row": row("pg_amop", "ao"),
        "amproc_row": row("pg_amproc", "ap"),
        "collation_row": row("pg_collation", "c"),
        "conversion_row": row("pg_conversion", "c"),
        "ts_config_row": row("pg_ts_config", "c"),
        "ts_config_map_row": row("pg_ts_config_map", "m"),
        "ts_dict_row": row("pg_ts_dict", "d"),
        "ts_parser_row": row("pg_ts_parser", "p"),
        "ts_template_row": row("pg_ts_template", "t"),
        "extension_row": row("pg_extension", "e"),
        "cast_row": row("pg_cast", "c"),
        "language_row": row("pg_language", "l"),
        "transform_row": row("pg_transform", "t"),
        "am_row": row("pg_am", "a"),
        "event_trigger_row": row("pg_event_trigger", "e"),
        "publication_row": row("pg_publication", "p"),
        "publication_rel_row": row("pg_publication_rel", "pr"),
        "fdw_row": row("pg_foreign_data_wrapper", "w"),
        "server_row": row("pg_foreign_server", "s"),
        "publication_namespace": (
            "UNION ALL SELECT 'pg_publication_namespace'::regclass, pn.oid, 0, "
            f"{row('pg_publication_namespace', 'pn')} FROM pg_publication_namespace pn"
            if server_version >= 150000 else ""),
        "default_acl": (
            "UNION ALL SELECT 'pg_default_acl'::regclass, da.oid, 0, "
            f"{row('pg_default_acl', 'da')} FROM pg_default_acl da" if grants else ""),
    }
    rest = _REST_BRANCH.format(rest=_REST.format(**rest_rows))
    return _SQL.format(
        rest_branch=rest, system_identifier=_SYSTEM_IDENTIFIER,
        touched=_TOUCHED if touched else "",
        # For a few relations, each row looked up where it is needed, not all rendered.
        cls_materialized="NOT MATERIALIZED" if touched else "MATERIALIZED",
        only="\n    AND c.oid IN (SELECT rel FROM candidates)" if touched else "",
        candidates=(",\n  'candidates', (SELECT coalesce(json_agg(rel::bigint ORDER BY rel), "
                    "'[]') FROM candidates)") if touched else "",
        **rows)


@dataclass(frozen=True)
class Fingerprint:
    """The fingerprint of a database's catalog, as `read_fingerprint` returns it.

    relations: relation oid -> digest of everything in its file; names: relation oid ->
    (schema, name); parents: partition oid -> its parent's oid; rest: digest of everything
    else in the documented schemas. Partitions have digests of their own: with partitions
    folded, a changed partition means its root's file (a partitioned table's digest also
    changes when a partition anywhere below it is added, dropped, renamed or re-bounded)."""

    server_version: int
    relations: Mapping[int, str]
    rest: str
    names: Mapping[int, tuple[str, str]]
    parents: Mapping[int, int] = field(default_factory=dict)
    system_identifier: str = ""  # of the cluster (pg_control): use it in the cache key
    database: str = ""
    server_started: str = ""  # when the server started (see _SYSTEM_IDENTIFIER)

    def __post_init__(self) -> None:
        # Read-only views over private copies: a Fingerprint never changes once built.
        object.__setattr__(self, "relations", MappingProxyType(dict(self.relations)))
        object.__setattr__(self, "names", MappingProxyType(
            {k: (v[0], v[1]) for k, v in self.names.items()}))
        object.__setattr__(self, "parents", MappingProxyType(dict(self.parents)))

    def changed_relations(self, old: Fingerprint | None) -> set[int] | None:
        """Oids of the relations whose file may differ from when `old` was read: changed,
        added (only in self) or gone (only in old; `old.names` names them). None when the
        two cannot be compared (no old fingerprint, another server version): treat every
        relation as changed. Whether `rest` changed is a separate question (`rest_changed`):
        it shapes no table file."""
        if not self.comparable(old):
            return None
        assert old is not None
        keys = self.relations.keys() | old.relations.keys()
        return {oid for oid in keys if self.relations.get(oid) != old.relations.get(oid)}

    def comparable(self, old: Fingerprint | None) -> bool:
        """Whether `old` was read from the same cluster, database and server version, since
        the server's same start (see _SYSTEM_IDENTIFIER)."""
        return (old is not None and old.server_version == self.server_version
                and old.system_identifier == self.system_identifier
                and old.server_started == self.server_started
                and old.database == self.database)

    def rest_changed(self, old: Fingerprint | None) -> bool:
        return not self.comparable(old) or old is None or old.rest != self.rest

    def to_json(self) -> str:
        """A stable serialisation: the same fingerprint gives the same text."""
        return json.dumps(self.to_data(), ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True)

    def to_data(self) -> dict[str, Any]:
        """What `to_json` writes, as data."""
        return {
            "format": FORMAT,
            "server_version": self.server_version,
            "system_identifier": self.system_identifier,
            "server_started": self.server_started,
            "database": self.database,
            "rest": self.rest,
            "relations": [[oid, self.names.get(oid, ("", ""))[0],
                           self.names.get(oid, ("", ""))[1], self.parents.get(oid),
                           digest] for oid, digest in sorted(self.relations.items())],
        }

    @classmethod
    def from_json(cls, text: str) -> Fingerprint:
        """The inverse of `to_json`; ValueError when the text is not one (of this format)."""
        return cls.from_data(json.loads(text))

    @classmethod
    def from_data(cls, data: Any) -> Fingerprint:
        """The inverse of `to_data`; ValueError when `data` is not one (of this format)."""
        try:
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a pgdoc fingerprint of this format")
            return _from_answer(data)
        except (TypeError, KeyError, IndexError, AttributeError) as exc:
            raise ValueError(f"not a pgdoc fingerprint: {exc}") from exc


def _from_answer(data: dict[str, Any]) -> Fingerprint:
    relations: dict[int, str] = {}
    names: dict[int, tuple[str, str]] = {}
    parents: dict[int, int] = {}
    for oid, schema, name, parent, digest in data["relations"]:
        if not (isinstance(schema, str) and isinstance(name, str) and isinstance(digest, str)):
            raise ValueError("a relation's name or digest is not a string")
        relations[int(oid)] = digest
        names[int(oid)] = (schema, name)
        if parent is not None:
            parents[int(oid)] = int(parent)
    rest = data["rest"]
    if not isinstance(rest, str):
        raise ValueError("the rest digest is not a string")
    system_identifier, database = data["system_identifier"] or "", data["database"]
    started = data["server_started"] or ""
    if not all(isinstance(v, str) for v in (system_identifier, database, started)):
        raise ValueError("the system identifier, start or database name is not a string")
    return Fingerprint(server_version=int(data["server_version"]), relations=relations,
                       rest=rest, names=names, parents=parents,
                       system_identifier=system_identifier, database=database,
                       server_started=started)


# -- the stamp: has any catalog row the fingerprint reads changed at all? ---------------------

# Read by the fingerprint, but not as tables: the stamp summarises them otherwise.
_NOT_TABLES = frozenset({"pg_control_system", "pg_user_mappings"})
_CATALOG_NAMES = re.compile(r"\b(?:FROM|JOIN)\s+(pg_\w+)")
STAMP_VARIABLE = "pgdoc_stamp"


def stamped_catalogs(server_version: int) -> tuple[str, ...]:
    """Every catalog table the fingerprint query reads (with owners and grants), by name."""
    sql = fingerprint_sql(server_version, owners=True, grants=True)
    return tuple(sorted(set(_CATALOG_NAMES.findall(sql)) - _NOT_TABLES))


def stamp_sql(server_version: int) -> str:
    """psql script that sets the variable `pgdoc_stamp` to the catalog stamp: a digest of,
    for every catalog the fingerprint reads, its number of rows and a sum of 64-bit hashes
    of their xmin, and of the few things read otherwise (role names, user mappings' option
    names, index states, the server's version, identity and start, the database's name).

    Every row a transaction writes carries that transaction's id as its xmin, which no row
    visible before it committed carries (since the server's start: see _SYSTEM_IDENTIFIER):
    so when any row of these catalogs was added,
    changed or deleted since, the multiset of xmins differs, and so (but with a chance of
    2^-64) does the stamp. Only the index states are updated in place (without a new xmin,
    on servers before the 2024 minor releases); they are counted by value. The stamp costs
    a scan of each catalog, no text of any row and no lock on any user table: it says
    "nothing at all changed" far more cheaply than the fingerprint says what changed. A
    change that shapes no file (TRUNCATE, VACUUM FULL, a temporary table) changes the stamp
    too: then the fingerprint decides."""
    catalogs = stamped_catalogs(server_version)
    parts = [
        f"(SELECT count(*) || ':' || coalesce(sum(hashtextextended(xmin::text, 0)), 0) "
        f"FROM pg_catalog.{name})"
        for name in catalogs
    ]
    return (_SYSTEM_IDENTIFIER + _SUBSCRIPTIONS + "SELECT md5(concat_ws(' ', "
            + ",\n  ".join(parts + _STAMP_EXTRAS) + f")) AS {STAMP_VARIABLE} \\gset\n")


# What the stamp reads besides the catalogs' rows: the index states (updated in place; the
# base hashes them with each pg_index row's key instead, see delta.KEYS), then the rest.
_INDEX_STATES = (
    "(SELECT count(*) FILTER (WHERE indisvalid) || ':' || count(*) FILTER (WHERE "
    "indisready) || ':' || count(*) FILTER (WHERE indislive) FROM pg_catalog.pg_index)")
_OTHER_EXTRAS = [
    "(SELECT md5(string_agg(oid || ' ' || rolname, ',' ORDER BY oid)) "
    "FROM pg_catalog.pg_roles)",
    # Option names only, as the fingerprint: the values may be passwords.
    "(SELECT md5(string_agg(ROW(umid, srvid, usename, ARRAY(SELECT split_part(o, '=', 1) "
    "FROM unnest(umoptions) o ORDER BY 1))::text, ',' ORDER BY umid)) "
    "FROM pg_catalog.pg_user_mappings)",
    "current_setting('server_version_num')",
    "current_database()",
    ":'system_identifier'",
    ":'server_started'",
    ":'pgdoc_subscriptions'",
]
_STAMP_EXTRAS = [_INDEX_STATES, *_OTHER_EXTRAS]


@dataclass(frozen=True)
class Reading:
    """What one look at the catalog found: its stamp, and its fingerprint unless the stamp
    was the one given (nothing changed since it was read: no need)."""

    stamp: str
    fingerprint: Fingerprint | None
    # How many relations were fingerprinted again (pgdoc.postgres.delta); None: all.
    computed: int | None = None
    # The base read with the fingerprint (pgdoc.postgres.delta), for the next look to start
    # from: it describes the same moment when the stamp read in the dump's snapshot is this
    # one (pgdoc.unchanged.remember keeps it only then)
    base: str | None = None


def read_fingerprint(tools: PgTools, server_version: int, schemas: Iterable[str] = (),
                     owners: bool = False, grants: bool = False) -> Fingerprint:
    """Run the fingerprint query through psql (read-only, with pgdoc's lock_timeout)."""
    reading = read_stamped(tools, server_version, schemas, owners, grants)
    assert reading.fingerprint is not None
    return reading.fingerprint


def read_stamped(tools: PgTools, server_version: int, schemas: Iterable[str] = (),
                 owners: bool = False, grants: bool = False,
                 saved_stamp: str | None = None, base: str | None = None,
                 old: Fingerprint | Callable[[], Fingerprint | None] | None = None
                 ) -> Reading:
    """The stamp, then (in the same psql run, so never from an earlier moment) the
    fingerprint, unless the stamp equals `saved_stamp`. (Read in two sessions side by side,
    each repeats the scans all relations share: at 10,000 tables two took 3.2 s where one
    took 3.3, and starved the folder's reading beside them.)

    With the record's `base` (pgdoc.postgres.delta) and fingerprint `old` (or what gives it,
    asked for once the server answered), what changed since is found from the rows written
    since, and only the relations those rows touch are fingerprinted again (in a second
    psql run); when that cannot be, the whole."""
    base_read = None
    if saved_stamp is not None and base and old is not None:
        with contextlib.suppress(ValueError):
            base_read = delta.Base.parse(base)
    if base_read is not None and not base_read.usable:
        base_read = None
    catalogs = stamped_catalogs(server_version)
    whole = (delta.base_sql(catalogs, _OTHER_EXTRAS) + f"\\echo :{delta.BASE_VARIABLE}\n"
             + fingerprint_sql(server_version, owners, grants))
    follow = delta.delta_sql(catalogs, _OTHER_EXTRAS) if base_read is not None else whole
    stamped = _SQL_ASCII_AS_IS + stamp_sql(server_version) + f"\\echo :{STAMP_VARIABLE}\n"
    script = (_BEGIN + stamped
              + f"SELECT :'{STAMP_VARIABLE}' = :'saved_stamp' AS pgdoc_same \\gset\n"
              + "\\if :pgdoc_same\n\\else\n" + follow + "\n\\endif\nCOMMIT;\n")
    out = _psql(tools, script, schemas, saved_stamp=saved_stamp or "",
                rec_xmin=str(base_read.xmin if base_read is not None else 0))
    first, _, out = out.partition("\n")
    stamp = parse_stamp(first)
    if saved_stamp is not None and stamp == saved_stamp and not out.strip():
        return Reading(stamp, None)

    def read_whole(out: str | None = None) -> Reading:
        """Stamp, base and whole fingerprint of one moment (`out`: already read so)."""
        if out is None:
            out = _psql(tools, _BEGIN + stamped + whole + "\nCOMMIT;\n", schemas, rec_xmin="0")
            first, _, out = out.partition("\n")
        else:
            first = stamp
        base_now, _, out = out.partition("\n")
        return Reading(parse_stamp(first), _parse_fingerprint(out), base=base_now)

    if base_read is None:
        return read_whole(out)
    answer = delta.parse_delta(out)
    touched = delta.touched_objects(base_read, answer)
    if callable(old):
        old = old()
    if touched is None or old is None:
        return read_whole()
    # The relations touched, in a second run: it counts only if the catalog is still as the
    # first saw it (its stamp the same), else a change that came between and went before
    # the dump's snapshot could stay in the record's digests.
    out = _psql(tools, _BEGIN + stamped
                + fingerprint_sql(server_version, owners, grants, touched=True) + "\nCOMMIT;\n",
                schemas, touched_json=json.dumps([list(t) for t in sorted(touched)]))
    again, _, out = out.partition("\n")
    part = _parse_fingerprint(out)
    if parse_stamp(again) != stamp or not part.comparable(old):
        return read_whole()
    candidates = _parse_candidates(out)
    return Reading(stamp, merged(old, part, candidates), computed=len(candidates),
                   base=answer["base"])


# One reading, one moment: the stamp, the base and the fingerprint (and pg_current_snapshot()
# and age(), which the base compares rows with) all in one snapshot.
_BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"


def _psql(tools: PgTools, script: str, schemas: Iterable[str], **variables: str) -> str:
    args = ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-v",
            f"schemas_json={json.dumps(sorted(set(schemas)))}"]
    for name, value in variables.items():
        args += ["-v", f"{name}={value}"]
    return tools.run("psql", [*args, "-f", "-"], script)


def merged(old: Fingerprint, part: Fingerprint, candidates: Iterable[int]) -> Fingerprint:
    """`old` with the relations in `candidates` as `part` has them (gone when it has not),
    and part's rest."""
    relations, names, parents = dict(old.relations), dict(old.names), dict(old.parents)
    for oid in candidates:
        relations.pop(oid, None)
        names.pop(oid, None)
        parents.pop(oid, None)
    relations.update(part.relations)
    names.update(part.names)
    parents.update(part.parents)
    return dataclasses.replace(part, relations=relations, names=names, parents=parents)


def _parse_candidates(out: str) -> list[int]:
    try:
        found = json.loads(out)["candidates"]
        return [int(oid) for oid in found]
    except (ValueError, TypeError, KeyError):
        raise DatabaseError("unexpected answer from the server: the fingerprint query's "
                            f"result is {out.strip()[:80]!r}") from None


# In an SQL_ASCII database names and comments may be any bytes, which the server refuses
# to send as UTF-8: they come as they are (as in the catalog's session, pgdoc.read).
_SQL_ASCII_AS_IS = (
    "SELECT pg_catalog.getdatabaseencoding() = 'SQL_ASCII' AS pgdoc_sql_ascii \\gset\n"
    "\\if :pgdoc_sql_ascii\nSET client_encoding = 'SQL_ASCII';\n\\endif\n")


def parse_stamp(text: str) -> str:
    """The stamp psql printed (an md5 in hex), or DatabaseError."""
    if not re.fullmatch(r"[0-9a-f]{32}", text):
        raise DatabaseError("unexpected answer from the server: the catalog stamp is "
                            f"{text[:80]!r}")
    return text


def _parse_fingerprint(out: str) -> Fingerprint:
    try:
        data = json.loads(out)
        if data.get("rest") is None:  # nothing at all to hash: an empty digest
            data["rest"] = ""
        return _from_answer(data)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise DatabaseError("unexpected answer from the server: the fingerprint query's "
                            f"result is {out.strip()[:80]!r}") from None
