"""What changed in the catalog since a record, found from the rows written since, so that a
night after a migration computes the fingerprint (pgdoc.postgres.fingerprint) of the
relations that migration touched, not of all of them.

Every catalog row carries the id of the transaction that wrote it (its xmin); VACUUM and
freezing keep it. Each fingerprint comes with a *base*, read in the same psql run: its
statement's oldest running transaction id, and for every catalog the fingerprint reads the
number of rows written before it and a sum of 64-bit hashes of their keys. The record keeps
both when the stamp in the dump's snapshot shows that nothing changed since the look's own
(pgdoc.unchanged). A later look then scans each catalog once (no text of any row, no lock on
a user table) and splits its rows in two: those written before the base's transaction id
(*old*), and the rest (*new*, a superset of what was written since: the window also covers
transactions that were running when the base was taken). The same scan gives the next
base. Then, per catalog:

- old rows can only have gone (deleted, or replaced by a new version): the base's count
  minus the old rows' count is how many went, the difference of the key sums the sum of
  their keys' hashes;
- every row that went must be matched by a new row with the same key (an update: that key
  is then counted as touched). Rows that went without a successor (a DROP, a comment
  removed) cannot be assigned to a relation any more: then the whole fingerprint is read;
- new rows are assigned by the oids they name (KEYS): a column to its table, an index to
  its table, a comment to what it describes, a dependency to the object that depends.

The touched oids then become relations (fingerprint_sql's `touched` CTE): the objects they
are, the objects that depend on them (pg_depend: the names pg_dump writes for a table are
those of what it depends on), a type's columns, a sequence's owner, an index's or a toast
table's table, and every partition's ancestors. The fingerprint of those relations (and of
the rest, always) is computed as a whole one would be, and merged with the record's for
the others. A change in any catalog not in KEYS (schemas, roles, operators, extensions,
...), in the few things the stamp reads otherwise, or a base taken while transactions
were writing, means the whole fingerprint: never a missed change, at worst the old cost.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pgdoc.errors import DatabaseError

# catalog -> (the columns of its key: what stays the same when a row is updated in place
# of itself; the objects a new row touches, each as (its class, the column of its oid): the
# class a catalog's name, `self` (the row's own catalog) or the column holding it). Every
# other catalog's change means a whole fingerprint.
_C = "pg_class"
KEYS: Mapping[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = MappingProxyType({
    "pg_class": (("oid",), (("self", "oid"),)),
    "pg_attribute": (("attrelid", "attnum"), ((_C, "attrelid"),)),
    "pg_attrdef": (("oid",), (("self", "oid"), (_C, "adrelid"))),
    "pg_constraint": (("oid",), (("self", "oid"), (_C, "conrelid"), (_C, "confrelid"),
                                 ("pg_type", "contypid"))),
    # With the states updated in place (without a new version): a change of one is a row
    # without its successor, so a whole fingerprint.
    "pg_index": (("indexrelid", "indisvalid", "indisready", "indislive"),
                 ((_C, "indexrelid"), (_C, "indrelid"))),
    "pg_trigger": (("oid",), (("self", "oid"), (_C, "tgrelid"))),
    "pg_rewrite": (("oid",), (("self", "oid"), (_C, "ev_class"))),
    "pg_policy": (("oid",), (("self", "oid"), (_C, "polrelid"))),
    "pg_statistic_ext": (("oid",), (("self", "oid"), (_C, "stxrelid"))),
    "pg_sequence": (("seqrelid",), ((_C, "seqrelid"),)),
    "pg_foreign_table": (("ftrelid",), ((_C, "ftrelid"),)),
    "pg_partitioned_table": (("partrelid",), ((_C, "partrelid"),)),
    # Whole rows: a partition moved to another parent is a row gone and a row new.
    "pg_inherits": (("inhrelid", "inhparent", "inhseqno"), ((_C, "inhrelid"), (_C, "inhparent"))),
    "pg_type": (("oid",), (("self", "oid"), (_C, "typrelid"))),
    "pg_enum": (("oid",), (("pg_type", "enumtypid"),)),
    "pg_proc": (("oid",), (("self", "oid"),)),
    "pg_description": (("objoid", "classoid", "objsubid"), (("classoid", "objoid"),)),
    "pg_seclabel": (("objoid", "classoid", "objsubid", "provider"), (("classoid", "objoid"),)),
    # A dependency is hashed with the object that depends (it names what it points at).
    "pg_depend": (("classid", "objid", "objsubid", "refclassid", "refobjid", "refobjsubid",
                   "deptype"), (("classid", "objid"),)),
})
_TEXT = frozenset({"provider"})
_CHAR = frozenset({"deptype"})
_BOOL = frozenset({"indisvalid", "indisready", "indislive"})
# Subsets of new rows tried as the successors of the rows gone, at most.
MAX_MATCHES = 20000
BASE_VARIABLE = "pgdoc_base"


def _key_hash(columns: Iterable[str]) -> str:
    h = "0::int8"
    for col in columns:
        if col in _TEXT:
            h = f"hashtextextended({col}, {h})"
        elif col in _BOOL:
            h = f"hashint8extended({col}::int::int8, {h})"
        elif col in _CHAR:
            h = f"hashint8extended(ascii({col}::text)::int8, {h})"
        else:
            h = f"hashint8extended({col}::int8, {h})"
    return h


def _class_sql(catalog: str, cls: str) -> str:
    if cls == "self":
        return f"'pg_catalog.{catalog}'::regclass::oid"
    if cls.startswith("pg_"):
        return f"'pg_catalog.{cls}'::regclass::oid"
    return cls


# The moments a row is compared with, computed in the statement that compares (age() counts
# from the transaction's own latest id: in one transaction, the same for every row). `fresh`
# is the snapshot's oldest running transaction id: the next base's. A row written since has
# an age from 0 to the window's width; a frozen row more than 2^31 transactions old keeps its
# xmin, whose age() wraps below 0: old.
_LIMITS = """lim AS MATERIALIZED (
  SELECT x AS fresh_xmin, age((x % 4294967296)::text::xid) AS fresh,
    age((:'rec_xmin'::bigint % 4294967296)::text::xid) AS rec,
    pg_snapshot_xmax(pg_current_snapshot())::text::bigint - :'rec_xmin'::bigint AS width
  FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS x) s
)"""


def scan_sql(catalogs: Iterable[str], rows: bool) -> str:
    """One SELECT (after _LIMITS): a row per catalog (name; the count and key sum of the
    rows older than the next base's transaction id, and the count of the others; with
    `rows`, the same against the base whose id is the psql variable rec_xmin, with the
    newer rows as JSON). A row is newer when its xmin is no older than the id."""
    parts = []
    for name in catalogs:
        inner, row_json = "", "'[]'::json"
        if name in KEYS:
            key_cols, touched = KEYS[name]
            key = _key_hash(key_cols)
            if rows:
                inner = "".join(
                    f", {_class_sql(name, cls)}::int8 AS c{i}, {col}::int8 AS t{i}"
                    for i, (cls, col) in enumerate(touched))
                oids = ", ".join(f"c{i}, t{i}" for i in range(len(touched)))
                row_json = (f"coalesce(json_agg(json_build_array(k, json_build_array({oids})))"
                            f" FILTER (WHERE n), '[]')")
        else:
            key = "hashtextextended(xmin::text, 0)"
        against = (f", count(*) FILTER (WHERE NOT n) AS old, "
                   f"coalesce(sum(k) FILTER (WHERE NOT n), 0) AS old_sum, "
                   f"count(*) FILTER (WHERE n) AS new, {row_json} AS rows"
                   if rows else "")
        # (OFFSET 0: each row's values computed once, not once per aggregate using them)
        parts.append(
            f"SELECT '{name}' AS name, count(*) FILTER (WHERE NOT r) AS f_old, "
            f"coalesce(sum(k) FILTER (WHERE NOT r), 0) AS f_sum, "
            f"count(*) FILTER (WHERE r) AS f_new{against} "
            f"FROM (SELECT {key} AS k, age(x.xmin) BETWEEN 0 AND lim.fresh AS r"
            f"{', age(x.xmin) BETWEEN 0 AND lim.rec AS n' if rows else ''}{inner} "
            f"FROM pg_catalog.{name} x, lim OFFSET 0) y")
    return "\nUNION ALL ".join(parts)


def base_sql(catalogs: Iterable[str], extras: list[str]) -> str:
    """psql script that sets `pgdoc_base` to the base JSON: its statement's snapshot's
    oldest running transaction id, the digest of `extras` (what the stamp reads besides
    the catalogs' rows), and per catalog the count and key sum of the rows written before
    that id and the count of the others (rows of transactions the snapshot may not see: a
    base with any is not used). One scan of each catalog."""
    return (f"\\set rec_xmin 0\n{_answer_sql(catalogs, extras, rows=False)}"
            f" AS {BASE_VARIABLE} \\gset\n")


def delta_sql(catalogs: Iterable[str], extras: list[str]) -> str:
    """psql script printing what changed since the base whose transaction id is the psql
    variable `rec_xmin` (see touched_objects), and, from the same scan, the next base."""
    return _answer_sql(catalogs, extras, rows=True) + ";\n"


def _answer_sql(catalogs: Iterable[str], extras: list[str], rows: bool) -> str:
    digest = f"md5(concat_ws(' ', {', '.join(extras)}))"
    base = (f"json_build_object('xmin', (SELECT fresh_xmin::text FROM lim), 'extras', {digest}, "
            f"'catalogs', (SELECT json_object_agg(s.name, json_build_array(s.f_old, s.f_sum, "
            f"s.f_new)) FROM s))")
    answer = (f"json_build_object('width', (SELECT width FROM lim), 'extras', {digest}, "
              f"'catalogs', (SELECT json_object_agg(s.name, json_build_array(s.old, s.old_sum, "
              f"s.new, s.rows)) FROM s), 'base', {base})" if rows else base)
    return (f"WITH {_LIMITS},\ns AS MATERIALIZED ({scan_sql(catalogs, rows)})\n"
            f"SELECT {answer}::text")


@dataclass(frozen=True)
class Base:
    """What a record's sync saw of the catalog's rows (see base_sql)."""

    xmin: int
    extras: str
    catalogs: Mapping[str, tuple[int, int, int]]  # name -> (old rows, their key sum, new)

    def to_json(self) -> str:
        return json.dumps({"xmin": self.xmin, "extras": self.extras,
                           "catalogs": {k: list(v) for k, v in sorted(self.catalogs.items())}},
                          separators=(",", ":"), sort_keys=True)

    @classmethod
    def parse(cls, text: str) -> Base:
        """The base as base_sql (or to_json) wrote it; ValueError when it is not one."""
        try:
            data = json.loads(text)
            catalogs = {str(k): (int(v[0]), int(v[1]), int(v[2]))
                        for k, v in data["catalogs"].items()}
            if not isinstance(data["extras"], str):
                raise ValueError("extras")
            return cls(xmin=int(data["xmin"]), extras=data["extras"], catalogs=catalogs)
        except (TypeError, KeyError, IndexError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a catalog base: {exc}") from None

    @property
    def usable(self) -> bool:
        """Whether no transaction the snapshot may not have seen had written any row."""
        return all(new == 0 for _, _, new in self.catalogs.values())


def parse_delta(text: str) -> dict[str, Any]:
    """delta_sql's answer; its `base` as text (Base.to_json)."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("catalogs"), dict):
            raise ValueError
        data["base"] = Base.parse(json.dumps(data["base"])).to_json()
        return data
    except (ValueError, KeyError):
        raise DatabaseError("unexpected answer from the server: the catalog delta is "
                            f"{text.strip()[:80]!r}") from None


def touched_objects(base: Base, delta: Mapping[str, Any]) -> set[tuple[int, int]] | None:
    """The objects (class oid, oid) the rows written since `base` name (see the module's
    doc), or None when what changed cannot be assigned: then the whole fingerprint is
    read."""
    if not base.usable or delta.get("extras") != base.extras:
        return None
    width = int(delta["width"])
    if not 0 <= width < 2 ** 31:  # (ids are compared modulo 2^32)
        return None
    now: Mapping[str, Any] = delta["catalogs"]
    if now.keys() != base.catalogs.keys():
        return None
    touched: set[tuple[int, int]] = set()
    for name, (old, old_sum, _) in base.catalogs.items():
        count, key_sum, new, rows = int(now[name][0]), int(now[name][1]), int(now[name][2]), \
            now[name][3]
        if count == old and key_sum == old_sum and new == 0:
            continue
        if name not in KEYS:
            return None
        gone, gone_sum = old - count, old_sum - key_sum
        keys = [int(k) for k, _ in rows]
        if gone < 0 or not _successors(keys, gone, gone_sum):
            return None
        for _, pairs in rows:
            touched.update((int(c), int(o)) for c, o in zip(pairs[::2], pairs[1::2], strict=True)
                           if o)
    return touched


def _successors(keys: list[int], gone: int, gone_sum: int) -> bool:
    """Whether `gone` of the new rows' key hashes (distinct rows) sum to `gone_sum`: the rows
    that went are those rows' earlier versions (with a chance of 2^-64 of a false match)."""
    if gone == 0:
        return gone_sum == 0
    if gone > len(keys):
        return False
    if gone == len(keys):
        return sum(keys) == gone_sum
    subsets = itertools.islice(itertools.combinations(keys, gone), MAX_MATCHES)
    return any(sum(subset) == gone_sum for subset in subsets)
