"""split_dump assigns each entry of a whole-schema dump to the file `pg_dump -t` would put it
in, through the catalog; what -t never writes stays out. Pure: no database."""

from __future__ import annotations

from pgdoc.docs.split import PG_CLASS, canonical_order, render_ddl, split_dump
from pgdoc.model import Catalog, Relation
from pgdoc.postgres.dump import Entry

PG_CONSTRAINT, PG_STATISTIC_EXT, PG_PUBLICATION_REL, PG_PROC = 2606, 3381, 6106, 1255
USERS, EVENTS, P1, P2, USERS_PKEY, EVENTS_IDX, P1_IDX, P2_IDX = range(16384, 16392)


def entry(dump_id: int, desc: str, tag: str, schema: str = "public", class_oid: int = 0,
          oid: int = 0, deps: tuple[int, ...] = (), body: str = "") -> Entry:
    return Entry(dump_id=dump_id, class_oid=class_oid, oid=oid, deps=deps, desc=desc, tag=tag,
                 schema=schema, body=body or f"-- {desc} {tag}",
                 name_line=f"-- Name: {tag}; Type: {desc}; Schema: {schema}; Owner: app")


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
                   (PG_CONSTRAINT, 30001): USERS})
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
        # ATTACH entries carry no oid: the partition's name (shown with a space for a line
        # break) and, when that is ambiguous, the statement tell whose they are.
        entry(7, "TABLE ATTACH", "p x y", schema="parts",
              body='ALTER TABLE ONLY public.events ATTACH PARTITION parts."p x y" '
                   "FOR VALUES IN (2);"),
        entry(8, "TABLE ATTACH", "p x y", schema="parts",
              body='ALTER TABLE ONLY public.events ATTACH PARTITION parts."p x\ny" '
                   "FOR VALUES IN (1);"),
        entry(9, "CONSTRAINT", "users users_pkey", class_oid=PG_CONSTRAINT, oid=30001, deps=(3,)),
        entry(10, "INDEX", "events_idx", class_oid=PG_CLASS, oid=EVENTS_IDX, deps=(4,)),
        entry(11, "INDEX", "p x y_idx", schema="parts", class_oid=PG_CLASS, oid=P1_IDX),
        entry(12, "INDEX", "p x y_idx", schema="parts", class_oid=PG_CLASS, oid=P2_IDX),
        entry(13, "INDEX ATTACH", "p x y_idx", schema="parts",
              body='ALTER INDEX public.events_idx ATTACH PARTITION parts."p x\ny_idx";'),
        entry(14, "INDEX ATTACH", "p x y_idx", schema="parts",
              body='ALTER INDEX public.events_idx ATTACH PARTITION parts."p x y_idx";'),
        # Annotations: assigned through what they depend on.
        entry(15, "COMMENT", "CONSTRAINT users_pkey ON users", deps=(9,)),
        entry(16, "ACL", "TABLE users", deps=(3,)),
        entry(17, "COMMENT", "FUNCTION f()", deps=(2,)),
        # What pg_dump -t never writes, and a comment that follows it out.
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
    split = split_dump(dump(), cat, lambda oid: EVENTS if oid in (P1, P2) else
                       oid if oid in roots else None)
    assert ids(split.by_relation[USERS]) == [3, 16, 9, 15]
    assert sorted(ids(split.by_relation[EVENTS])) == [4, 5, 6, 7, 8, 10, 11, 12, 13, 14]
    assert ids(split.unassigned) == [1, 2, 17, 18, 19, 20]


def test_attach_entries_with_lookalike_names_go_to_their_own_partition() -> None:
    split = split_dump(dump(), catalog(), lambda oid: oid)
    assert ids(split.by_relation[P1]) == [5, 8, 11, 13]
    assert ids(split.by_relation[P2]) == [6, 7, 12, 14]
    assert ids(split.by_relation[EVENTS]) == [4, 10]


def test_statistics_and_publication_membership_are_left_out_with_their_comments() -> None:
    split = split_dump(dump(), catalog(), lambda oid: oid)
    placed = {e.desc for es in split.by_relation.values() for e in es}
    assert not placed & {"STATISTICS", "PUBLICATION TABLE"}
    assert {18, 19, 20} <= set(ids(split.unassigned))


def test_a_relation_left_out_of_the_docs_leaves_all_its_entries_out() -> None:
    split = split_dump(dump(), catalog(), lambda oid: oid if oid == EVENTS else None)
    assert set(split.by_relation) == {EVENTS}
    assert set(ids(split.unassigned)) == set(range(1, 21)) - {4, 10}


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
