"""split_entries assigns each archive entry of a whole-schema dump to the file `pg_dump -t`
would put it in, through the catalog ids and dependencies the archive gives; names and text
never decide. What -t never writes stays out. Pure: no database."""

from __future__ import annotations

from pgdoc.docs.split import (
    PG_CLASS,
    PG_REWRITE,
    PG_STATISTIC_EXT,
    Options,
    canonical_order,
    entry_text,
    merge_split_views,
    owner_statement,
    render_ddl,
    split_entries,
)
from pgdoc.model import Catalog, Relation
from pgdoc.postgres.archive import Entry

PG_CONSTRAINT, PG_PUBLICATION_REL, PG_PROC = 2606, 6106, 1255
USERS, EVENTS, P1, P2, USERS_PKEY, EVENTS_IDX, P1_IDX, P2_IDX = range(16384, 16392)


def entry(dump_id: int, desc: str, tag: str, schema: str = "public", class_oid: int = 0,
          oid: int = 0, deps: tuple[int, ...] = (), body: str = "", drop: str = "") -> Entry:
    return Entry(dump_id=dump_id, tableoid=class_oid, oid=oid, tag=tag, desc=desc, section=2,
                 defn=body or f"-- {desc} {tag}\n", namespace="" if schema == "-" else schema,
                 tablespace="", tableam="", owner="app", deps=deps, drop=drop)


def catalog() -> Catalog:
    """users; events partitioned into p1 and p2 (in schema parts), whose names differ only by
    a line break, each with an index attached to the parent's."""
    rels = {
        USERS: Relation(oid=USERS, schema="public", name="users", kind="r"),
        EVENTS: Relation(oid=EVENTS, schema="public", name="events", kind="p"),
        P1: Relation(oid=P1, schema="parts", name="p x\ny", kind="r", parent=EVENTS),
        P2: Relation(oid=P2, schema="parts", name="p x y", kind="r", parent=EVENTS),
    }
    owners = {(PG_CLASS, oid): oid for oid in rels}
    owners.update({(PG_CLASS, USERS_PKEY): USERS, (PG_CLASS, EVENTS_IDX): EVENTS,
                   (PG_CLASS, P1_IDX): P1, (PG_CLASS, P2_IDX): P2,
                   (PG_CONSTRAINT, 30001): USERS, (PG_STATISTIC_EXT, 40001): USERS})
    names = {(r.schema, r.name): oid for oid, r in rels.items()}
    names.update({("public", "users_pkey"): USERS_PKEY, ("public", "events_idx"): EVENTS_IDX,
                  ("parts", "p x\ny_idx"): P1_IDX, ("parts", "p x y_idx"): P2_IDX})
    return Catalog(server_version=150000, database="d", relations=rels, owners=owners,
                   names=names)


def dump() -> list[Entry]:
    return [
        entry(1, "SCHEMA", "parts", schema="-", class_oid=2615, oid=16000),
        entry(2, "FUNCTION", "f()", class_oid=PG_PROC, oid=16001),
        entry(3, "TABLE", "users", class_oid=PG_CLASS, oid=USERS),
        entry(4, "TABLE", "events", class_oid=PG_CLASS, oid=EVENTS),
        entry(5, "TABLE", "p x y", schema="parts", class_oid=PG_CLASS, oid=P1, deps=(1,)),
        entry(6, "TABLE", "p x y", schema="parts", class_oid=PG_CLASS, oid=P2, deps=(1,)),
        # ATTACH entries carry no catalog id: they depend on the parent and the partition,
        # and belong to the partition (their names and text never decide).
        entry(7, "TABLE ATTACH", "p x y", schema="parts", deps=(4, 6),
              body='ALTER TABLE ONLY public.events ATTACH PARTITION parts."p x y" '
                   "FOR VALUES IN (2);"),
        entry(8, "TABLE ATTACH", "p x y", schema="parts", deps=(5, 4),
              body='ALTER TABLE ONLY public.events ATTACH PARTITION parts."p x\ny" '
                   "FOR VALUES IN (1);"),
        entry(9, "CONSTRAINT", "users users_pkey", class_oid=PG_CONSTRAINT, oid=30001, deps=(3,)),
        entry(10, "INDEX", "events_idx", class_oid=PG_CLASS, oid=EVENTS_IDX, deps=(4,)),
        entry(11, "INDEX", "p x y_idx", schema="parts", class_oid=PG_CLASS, oid=P1_IDX),
        entry(12, "INDEX", "p x y_idx", schema="parts", class_oid=PG_CLASS, oid=P2_IDX),
        entry(13, "INDEX ATTACH", "p x y_idx", schema="parts", deps=(10, 11),
              body='ALTER INDEX public.events_idx ATTACH PARTITION parts."p x\ny_idx";'),
        entry(14, "INDEX ATTACH", "p x y_idx", schema="parts", deps=(12, 10),
              body='ALTER INDEX public.events_idx ATTACH PARTITION parts."p x y_idx";'),
        # Annotations: assigned through what they depend on.
        entry(15, "COMMENT", "CONSTRAINT users_pkey ON users", deps=(9,)),
        entry(16, "ACL", "TABLE users", deps=(3,)),
        entry(17, "COMMENT", "FUNCTION f()", deps=(2,)),
        # Extended statistics (their table's, though pg_dump -t leaves them out) and a
        # publication's membership (the publication's), each with what annotates it.
        entry(18, "STATISTICS", "users_stats", class_oid=PG_STATISTIC_EXT, oid=40001,
              deps=(3,)),
        entry(19, "COMMENT", "STATISTICS users_stats", deps=(18,)),
        entry(20, "PUBLICATION TABLE", "pub users", class_oid=PG_PUBLICATION_REL, oid=40002,
              deps=(3,)),
    ]


def ids(entries: list[Entry]) -> list[int]:
    return [e.dump_id for e in entries]


def test_partitions_fold_into_their_root_and_the_rest_goes_apart() -> None:
    cat = catalog()
    roots = {USERS, EVENTS}
    split = split_entries(dump(), cat, lambda oid: EVENTS if oid in (P1, P2) else
                       oid if oid in roots else None)
    assert ids(split.by_relation[USERS]) == [3, 9, 15, 18, 19]
    assert sorted(ids(split.by_relation[EVENTS])) == [4, 5, 6, 7, 8, 10, 11, 12, 13, 14]
    assert ids(split.unassigned) == [1, 2, 17, 20]
    assert ids(split.left_out) == [16]  # the grant: grants are off by default
    with_grants = split_entries(dump(), cat, lambda oid: oid if oid in roots else EVENTS
                                if oid in (P1, P2) else None, Options(grants=True))
    assert ids(with_grants.by_relation[USERS]) == [3, 16, 9, 15, 18, 19]


def test_attach_entries_with_lookalike_names_go_to_their_own_partition() -> None:
    split = split_entries(dump(), catalog(), lambda oid: oid)
    assert ids(split.by_relation[P1]) == [5, 8, 11, 13]
    assert ids(split.by_relation[P2]) == [6, 7, 12, 14]
    assert ids(split.by_relation[EVENTS]) == [4, 10]


def test_statistics_go_to_their_table_publication_membership_does_not() -> None:
    split = split_entries(dump(), catalog(), lambda oid: oid)
    assert {18, 19} <= set(ids(split.by_relation[USERS]))
    assert 20 in ids(split.unassigned)


def test_a_relation_left_out_of_the_docs_leaves_all_its_entries_out() -> None:
    split = split_entries(dump(), catalog(), lambda oid: oid if oid == EVENTS else None)
    assert set(split.by_relation) == {EVENTS}
    assert set(ids(split.unassigned)) == {1, 2, 17, 20}
    assert set(ids(split.undocumented)) == set(range(1, 21)) - {1, 2, 4, 10, 16, 17, 20}


def test_canonical_order_main_entry_then_types_then_names_annotations_after_theirs() -> None:
    entries = [
        entry(1, "ACL", "TABLE t", deps=(4,)),
        entry(2, "INDEX", "t_b", class_oid=PG_CLASS, oid=2),
        entry(3, "COMMENT", "INDEX t_a", deps=(5,)),
        entry(4, "TABLE", "t", class_oid=PG_CLASS, oid=1),
        entry(5, "INDEX", "t_a", class_oid=PG_CLASS, oid=3),
        entry(6, "CONSTRAINT", "t t_pkey", class_oid=PG_CONSTRAINT, oid=4),
        entry(7, "COMMENT", "TABLE t", deps=(4,)),
    ]
    ordered = canonical_order(entries, main_oid=1)
    assert ids(ordered) == [4, 7, 1, 6, 5, 3, 2]
    assert canonical_order(list(reversed(entries)), main_oid=1) == ordered
    assert render_ddl(ordered).count("\n--\n-- Name:") == len(entries) - 1


def test_a_split_view_becomes_the_one_create_view_of_pg_dump_t() -> None:
    """The placeholder and the `_RETURN` rule are known by their catalog rows, not their
    text: a rule that is no view's `_RETURN` rule stays as it is."""
    view, rule, other_rule = 16500, 16501, 16502
    cat = Catalog(server_version=150000, database="d",
                  relations={view: Relation(oid=view, schema="public", name="v", kind="v")},
                  owners={(PG_CLASS, view): view, (PG_REWRITE, rule): view,
                          (PG_REWRITE, other_rule): view},
                  view_rules=frozenset({rule}))
    entries = [
        entry(1, "VIEW", "v", class_oid=PG_CLASS, oid=view,
              body="CREATE VIEW public.v AS\nSELECT\n    NULL::integer AS id;\n"),
        entry(2, "RULE", "v _RETURN", class_oid=PG_REWRITE, oid=rule, deps=(1,),
              body="CREATE OR REPLACE VIEW public.v AS\n SELECT t.id\n   FROM t;\n"),
        entry(3, "RULE", "v r", class_oid=PG_REWRITE, oid=other_rule, deps=(1,),
              body="CREATE OR REPLACE VIEW public.x AS SELECT 1;\n"),
    ]
    merged = merge_split_views(entries, cat)
    assert ids(merged) == [1, 3]
    assert merged[0].defn == "CREATE VIEW public.v AS\n SELECT t.id\n   FROM t;\n"
    assert merged[0].desc == "VIEW" and merged[0].tag == "v"
    assert merge_split_views(entries, Catalog(150000, "d", cat.relations, owners=cat.owners)) \
        == entries


def test_entries_are_written_verbatim_under_a_heading_no_name_can_break() -> None:
    e = entry(1, "TABLE", "a\n-- Name: b; Type: ACL", class_oid=PG_CLASS, oid=1,
              body="CREATE TABLE public.t (\r\n  x int\r\n);")
    text = entry_text(e)
    assert text.startswith("--\n-- Name: a\\n-- Name: b; Type: ACL; Type: TABLE; Schema: "
                           "public\n--\n\n")
    assert "CREATE TABLE public.t (\r\n  x int\r\n);\n" in text
    assert "Owner" not in text and "OWNER TO" not in text
    owned = entry_text(e, Options(owners=True))
    assert "; Owner: app\n" in owned


def test_owner_statements_follow_pg_restore() -> None:
    table = entry(1, "TABLE", "Odd Name", class_oid=PG_CLASS, oid=1, drop="DROP TABLE x;")
    assert owner_statement(table) == 'ALTER TABLE public."Odd Name" OWNER TO app;'
    view = entry(2, "VIEW", "v", drop="DROP VIEW public.v;")
    assert owner_statement(view) == "ALTER TABLE public.v OWNER TO app;"
    func = entry(3, "FUNCTION", "f(integer)", drop="DROP FUNCTION public.f(integer);\n")
    assert owner_statement(func) == "ALTER FUNCTION public.f(integer) OWNER TO app;"
    index = entry(4, "INDEX", "i", drop="DROP INDEX public.i;")
    assert owner_statement(index) is None
    assert owner_statement(entry(5, "TABLE", "t")) is None  # nothing to drop: not ownable
