"""The table-file header (pgdoc.docs.render): golden files and properties, no database.

The golden files live in tests/golden/. After an intended change of the output,
regenerate them and review the diff:

    PGDOC_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py tests/test_index.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdoc.docs.render import MARKER, header_lines, mark_orphaned, render_table_file
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
    quote_ident,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PGDOC_UPDATE_GOLDEN") == "1"

# Every way a comment could try to end a line, a cell, a code span or an HTML comment.
HOSTILE = ("first line\r\nsecond | pipe `tick` <script>alert(1)</script> --> -- */\n"
           "third\u2028fourth\u2029fifth\x85sixth\x0bseventh\rcarriage [link](x) & end\\")


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; with PGDOC_UPDATE_GOLDEN=1, (re)write it instead."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.is_file(), f"missing golden file {path}: run with PGDOC_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (f"{name} differs from its golden file; if the change is "
                              "intended, regenerate with PGDOC_UPDATE_GOLDEN=1 and review")


def _fk(name: str, table: int, cols: tuple[str, ...], ref: Relation, ref_cols: tuple[str, ...],
        on_delete: str = "a", on_update: str = "a", set_columns: tuple[str, ...] = ()
        ) -> ForeignKey:
    return ForeignKey(name=name, table=table, columns=cols, ref_table=ref.oid,
                      ref_schema=ref.schema, ref_name=ref.name, ref_columns=ref_cols,
                      on_delete=on_delete, on_update=on_update, on_delete_columns=set_columns)


def sample_catalog() -> Catalog:
    """A small schema with one of everything the header shows, built without a database."""
    role, email = 900, 901
    types = {
        role: TypeInfo("public", "user_role", "enum", values=("owner", "admin", "member",
                                                                "viewer")),
        email: TypeInfo("public", "email", "domain", base="text",
                        checks=("CHECK (VALUE ~ '^[^@]+@[^@]+$'::text)",)),
    }
    company = Relation(
        oid=101, schema="public", name="company", kind="r",
        comment="A tenant: every customer organisation is one company.",
        columns=(Column("id", "bigint", True, identity="d"),
                 Column("name", "text", True, comment="Display name.")),
        constraints=(Constraint("company_pkey", "p", "PRIMARY KEY (id)", ("id",)),),
        indexes=(Index("company_pkey", "CREATE UNIQUE INDEX company_pkey ON public.company "
                       "USING btree (id)", True, True),),
    )
    users_cols = (
        Column("id", "bigint", True, identity="a"),
        Column("company_id", "bigint", True),
        Column("manager_id", "bigint", False,
               comment="Line manager, if any.\nSet to NULL when the manager is deleted."),
        Column("email", "email", True, type_oid=email),
        Column("role", "user_role", True, default="'member'::user_role",
               comment="Permission level.", type_oid=role),
        Column("first_name", "text", True),
        Column("last_name", "text", True),
        Column("full_name", "text", False, default="((first_name || ' '::text) || last_name)",
               generated="s"),
        Column("created_at", "timestamp with time zone", True, default="now()"),
    )
    users = Relation(
        oid=100, schema="public", name="users", kind="r",
        comment="People who log in.\nAlways belong to one company.",
        rls=True, columns=users_cols,
        constraints=(
            Constraint("users_pkey", "p", "PRIMARY KEY (id)", ("id",)),
            Constraint("users_email_key", "u", "UNIQUE (company_id, email)",
                       ("company_id", "email")),
            Constraint("users_not_own_manager", "c", "CHECK (manager_id IS DISTINCT FROM id)",
                       ("manager_id", "id")),
        ),
        indexes=(
            Index("users_email_key", "CREATE UNIQUE INDEX users_email_key ON public.users "
                  "USING btree (company_id, email)", False, True),
            Index("users_lower_email_idx", "CREATE UNIQUE INDEX users_lower_email_idx ON "
                  "public.users USING btree (lower((email)::text)) WHERE (manager_id IS NULL)",
                  False, True),
            Index("users_pkey", "CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)",
                  True, True),
        ),
        triggers=(Trigger("users_touch", "CREATE TRIGGER users_touch BEFORE UPDATE ON users "
                          "FOR EACH ROW EXECUTE FUNCTION touch()"),),
        policies=(Policy("users: same company", "r", True, ("app",),
                         "(company_id = current_setting('app.company')::bigint)", None),),
    )
    users = _with_fks(users, (
        _fk("users_company_id_fkey", 100, ("company_id",), company, ("id",), on_delete="c"),
        _fk("users_manager_id_fkey", 100, ("manager_id",), users, ("id",), on_delete="n"),
    ))
    invoices = Relation(
        oid=112, schema="billing", name="invoices", kind="r", comment="Issued invoices.",
        columns=(Column("id", "bigint", True), Column("company_id", "bigint", True),
                 Column("issued_by", "bigint", False)),
        constraints=(Constraint("invoices_pkey", "p", "PRIMARY KEY (id)", ("id",)),),
    )
    invoices = _with_fks(invoices, (
        _fk("invoices_company_id_fkey", 112, ("company_id",), company, ("id",), on_delete="r"),
        _fk("invoices_issued_by_fkey", 112, ("company_id", "issued_by"), users,
            ("company_id", "id"), on_delete="n", on_update="c", set_columns=("issued_by",)),
    ))
    profile = Relation(
        oid=113, schema="public", name="user_profile", kind="r",
        columns=(Column("user_id", "bigint", True), Column("bio", "text", False)),
        constraints=(Constraint("user_profile_pkey", "p", "PRIMARY KEY (user_id)", ("user_id",)),),
    )
    profile = _with_fks(profile, (
        _fk("user_profile_user_id_fkey", 113, ("user_id",), users, ("id",), on_delete="c"),))
    events = Relation(
        oid=103, schema="public", name="events", kind="p",
        comment="Append-only events, one partition per month.",
        partition_key="RANGE (created_at)",
        columns=(Column("id", "bigint", True), Column("user_id", "bigint", False),
                 Column("created_at", "timestamp with time zone", True, default="now()")),
        constraints=(Constraint("events_pkey", "p", "PRIMARY KEY (id, created_at)",
                                ("id", "created_at")),),
    )
    events = _with_fks(events, (
        _fk("events_user_id_fkey", 103, ("user_id",), users, ("id",), on_delete="n"),))
    bound = "FOR VALUES FROM ('{0}-01 00:00:00+00') TO ('{1}-01 00:00:00+00')"
    partitions = [
        Relation(oid=104, schema="public", name="events_2024_01", kind="r", parent=103,
                 partition_bound=bound.format("2024-01", "2024-02")),
        Relation(oid=106, schema="public", name="events_2024_02", kind="p", parent=103,
                 partition_bound=bound.format("2024-02", "2024-03"),
                 partition_key="LIST (user_id)"),
        Relation(oid=107, schema="archive", name="events_2024_02_rest", kind="r", parent=106,
                 partition_bound="DEFAULT"),
        Relation(oid=105, schema="public", name="events_default", kind="r", parent=103,
                 partition_bound="DEFAULT"),
    ]
    view = Relation(
        oid=108, schema="public", name="active_users", kind="v",
        comment="Users that can log in.",
        columns=(Column("id", "bigint", False,
                        comment="The user's id.\nSame as users.id."),
                 Column("email", "email", False, type_oid=email),
                 Column("role", "user_role[]", False, type_oid=role)),
        definition=" SELECT u.id,\n    u.email,\n    ARRAY[u.role] AS role\n   FROM users u\n"
                   "  WHERE u.role <> 'viewer'::user_role;",
        reads=(("public", "users", "r"),),
    )
    matview = Relation(
        oid=109, schema="billing", name="stats", kind="m",
        columns=(Column("company_id", "bigint", False), Column("n", "bigint", False)),
        indexes=(Index("stats_company_id_idx", "CREATE UNIQUE INDEX stats_company_id_idx ON "
                       "billing.stats USING btree (company_id)", False, True),),
        definition=" SELECT company_id,\n    count(*) AS n\n   FROM billing.invoices\n"
                   "  GROUP BY company_id;",
        reads=(("billing", "invoices", "r"), ("public", "company_ids", "v")),
    )
    foreign = Relation(
        oid=110, schema="ext", name="remote_things", kind="f",
        comment="Rows of a CSV file (file_fdw).",
        columns=(Column("id", "integer", False), Column("label", "text", False)),
    )
    hostile = Relation(
        oid=111, schema="we\"ird|schema", name="Weird | name`<b>\n", kind="r",
        comment=HOSTILE,
        columns=(Column("select", "text", False, comment=HOSTILE),
                 Column("Mixed Case", "integer", True, default="42"),
                 Column("owner", "bigint", False)),
        constraints=(Constraint("weird \"pk\"", "p", "PRIMARY KEY (\"Mixed Case\")",
                                ("Mixed Case",)),),
    )
    hostile = _with_fks(hostile, (
        _fk("fk: owner -> users\n", 111, ("owner",), users, ("id",)),))
    rels = [company, users, invoices, profile, events, *partitions, view, matview, foreign,
            hostile]
    return Catalog(server_version=150018, database="sample", relations={r.oid: r for r in rels},
                   types=types)


def _with_fks(rel: Relation, fks: tuple[ForeignKey, ...]) -> Relation:
    from dataclasses import replace

    return replace(rel, foreign_keys=fks)


def referenced_by(catalog: Catalog, rel: Relation) -> list[ForeignKey]:
    """What pgdoc.read passes: every foreign key that points at `rel`."""
    return [fk for r in catalog.relations.values() for fk in r.foreign_keys
            if fk.ref_table == rel.oid]


def file_for(catalog: Catalog, oid: int, ddl: str = "CREATE TABLE x ();") -> str:
    rel = catalog.relations[oid]
    return render_table_file(rel, catalog, referenced_by(catalog, rel), ddl)


def header_of(text: str) -> list[str]:
    return text.split("\n\n", 1)[0].split("\n")


GOLDEN_TABLES = {
    "users.sql": 100,
    "company.sql": 101,
    "events.sql": 103,
    "events_2024_02.sql": 106,
    "active_users.sql": 108,
    "billing.stats.sql": 109,
    "ext.remote_things.sql": 110,
    "hostile.sql": 111,
}


@pytest.mark.parametrize("golden", sorted(GOLDEN_TABLES))
def test_header_matches_golden_file(golden: str) -> None:
    catalog = sample_catalog()
    rel = catalog.relations[GOLDEN_TABLES[golden]]
    ddl = "--\n-- (pg_dump's DDL of the relation)\n--\n\nCREATE TABLE t ();\n"
    assert_golden(golden, render_table_file(rel, catalog, referenced_by(catalog, rel), ddl))


def test_users_header_answers_the_usual_questions() -> None:
    catalog = sample_catalog()
    lines = header_of(file_for(catalog, 100))
    text = "\n".join(lines)
    assert lines[0] == MARKER
    assert "-- Table: public.users" in lines
    assert "-- Description: People who log in." in lines
    assert "--   Always belong to one company." in lines
    # Enum values in declaration order, domain base type and check, column comments.
    assert "enum user_role: 'owner', 'admin', 'member', 'viewer'" in text
    assert "domain email over text" in text
    assert "CHECK (VALUE ~ '^[^@]+@[^@]+$'::text)" in text
    # A comment over two lines reads as two lines, not as one with a `\n` in it.
    assert ("--               -- Line manager, if any.\n"
            "--                  Set to NULL when the manager is deleted.\n") in text
    assert "GENERATED ALWAYS AS IDENTITY" in text
    assert "GENERATED ALWAYS AS (((first_name || ' '::text) || last_name)) STORED" in text
    # Keys, both directions of every foreign key, policies and triggers, one line each.
    assert "--   users_pkey: PRIMARY KEY (id)" in lines
    assert "--   users_email_key: UNIQUE (company_id, email)" in lines
    assert "--   users_lower_email_idx: UNIQUE INDEX USING btree (lower((email)::text)) WHERE " \
        "(manager_id IS NULL)" in lines  # a unique index is a unique key too
    # Names as the DDL spells them: `grep 'public.company('` finds every reference.
    assert ("--   (company_id) -> public.company(id) ON DELETE CASCADE  [users_company_id_fkey]"
            in lines)
    assert "-- Diagram: _erd_public.md (this table and its neighbours)" in lines
    referrers = lines[lines.index("-- Referenced by:") + 1:]
    referrers = referrers[:referrers.index("--")]
    assert [r.split("(")[0].strip("- ") for r in referrers] == [
        '"we""ird|schema"."Weird | name`<b>\\n"', "billing.invoices", "public.events",
        "public.user_profile", "public.users"]
    assert ("--   billing.invoices(company_id, issued_by) -> (company_id, id) "
            "ON DELETE SET NULL (issued_by) ON UPDATE CASCADE  [invoices_issued_by_fkey]") in lines
    assert "-- Row-level security: enabled" in lines
    assert any(ln.startswith('--   "users: same company": SELECT TO app USING') for ln in lines)
    assert any(ln.startswith("--   users_touch BEFORE UPDATE ON users") for ln in lines)


def test_partitioned_table_lists_every_partition_with_its_bounds() -> None:
    catalog = sample_catalog()
    lines = header_of(file_for(catalog, 103))
    assert "-- Partitioned table: public.events" in lines
    assert "-- Partition key: RANGE (created_at)" in lines
    start = lines.index("-- Partitions:") + 1
    assert lines[start:start + 5] == [
        "--   public.events_2024_01          FOR VALUES FROM ('2024-01-01 00:00:00+00') "
        "TO ('2024-02-01 00:00:00+00')",
        "--   public.events_2024_02          FOR VALUES FROM ('2024-02-01 00:00:00+00') "
        "TO ('2024-03-01 00:00:00+00')",
        "--     archive.events_2024_02_rest  DEFAULT",
        "--   public.events_default          DEFAULT",
        "--",
    ]
    sub = header_of(file_for(catalog, 106))
    assert any(ln.startswith("-- Partition of: public.events FOR VALUES FROM") for ln in sub)


def test_view_headers_say_what_they_read_and_no_unknown_nullability() -> None:
    catalog = sample_catalog()
    view = header_of(file_for(catalog, 108))
    start = view.index("-- Reads from:")
    assert view[start:start + 3] == ["-- Reads from:", "--   public.users  (table)", "--"]
    columns = _rows(view, "Columns")
    # attnotnull is always false on a view's columns: no NULL / NOT NULL is claimed.
    assert columns[0] == "id     bigint"
    assert not any("NULL" in c for c in columns)
    # A table's columns keep theirs.
    assert "NOT NULL" in _rows(header_of(file_for(catalog, 100)), "Columns")[0]


def _rows(header: list[str], title: str) -> list[str]:
    rows = header[header.index(f"-- {title}:") + 1:]
    return [r[len("--   "):] for r in rows[:rows.index("--")]]


def test_views_and_foreign_tables_name_their_kind() -> None:
    catalog = sample_catalog()
    assert "-- View: public.active_users" in header_of(file_for(catalog, 108))
    assert "-- Materialized view: billing.stats" in header_of(file_for(catalog, 109))
    foreign = header_of(file_for(catalog, 110))
    assert "-- Foreign table: ext.remote_things" in foreign
    # An array of an enum lists the element type's values.
    assert any("enum user_role: 'owner'" in ln for ln in header_of(file_for(catalog, 108)))


def _assert_safe_header(lines: list[str]) -> None:
    for line in lines:
        # PostgreSQL ends a `--` comment at \n or \r only; nothing else may either, in any
        # editor or diff viewer (U+2028, NEL, VT, FF...).
        assert line.startswith("--"), repr(line)
        assert not any(ch in line for ch in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), line
        assert line == line.rstrip(), repr(line)


def test_hostile_comments_and_names_stay_inside_the_comment_header() -> None:
    catalog = sample_catalog()
    text = file_for(catalog, 111, ddl="SELECT 1;")
    header, ddl = text.split("\n\n", 1)
    _assert_safe_header(header.split("\n"))
    assert ddl == "SELECT 1;\n"
    assert "-- Table: \"we\"\"ird|schema\".\"Weird | name`<b>\\n\"" in header
    # The comment's own lines stay lines of the description; the escapes are visible.
    assert "-- Description: first line" in header
    assert "--   second | pipe `tick` <script>alert(1)</script> --> -- */" in header
    assert "--   carriage [link](x) & end\\" in header
    assert '--   "select"' in header


@settings(max_examples=200, deadline=None)
@given(comment=st.text(), name=st.text(min_size=1).filter(lambda s: "\0" not in s),
       column_comment=st.text())
def test_no_comment_or_name_can_end_the_header(comment: str, name: str,
                                               column_comment: str) -> None:
    rel = Relation(oid=1, schema=name, name=name, kind="r", comment=comment,
                   columns=(Column(name, name, False, default=name, comment=column_comment),),
                   constraints=(Constraint(name, "p", name, (name,)),),
                   triggers=(Trigger(name, name),),
                   policies=(Policy(name, "*", True, (name,), name, name),))
    rel2 = Relation(oid=2, schema="public", name="t", kind="r")
    fk = _fk(name, 1, (name,), rel2, (name,))
    catalog = Catalog(150018, "db", {1: rel, 2: rel2})
    lines = header_lines(rel2, catalog, [fk]) + header_lines(rel, catalog, [])
    _assert_safe_header(lines)


def test_header_is_deterministic() -> None:
    a, b = sample_catalog(), sample_catalog()
    for oid in a.relations:
        assert file_for(a, oid) == file_for(b, oid)


@pytest.mark.parametrize(("name", "quoted"), [
    ("users", "users"), ("Users", '"Users"'), ("user", '"user"'), ("select", '"select"'),
    ("order", '"order"'), ("name", "name"), ("_x1", "_x1"), ("1x", '"1x"'),
    ("café", '"café"'), ('say "hi"', '"say ""hi"""'),
])
def test_quote_ident_quotes_like_postgresql(name: str, quoted: str) -> None:
    assert quote_ident(name) == quoted


def test_an_orphaned_file_says_so_right_after_the_marker() -> None:
    catalog = sample_catalog()
    text = file_for(catalog, 101)
    orphaned = mark_orphaned(text, "public.company")
    assert_golden("orphaned_company.sql", orphaned)
    lines = orphaned.split("\n")
    assert lines[0] == MARKER
    assert lines[1] == ("-- ORPHANED: public.company no longer exists in the database. This "
                        "file only records what it was: delete it, or run `pgdoc sync --prune`.")
    assert "\n".join(lines[:1] + lines[2:]) == text  # nothing else changes
    assert mark_orphaned(orphaned, "public.company") == orphaned
    hostile = mark_orphaned(text, "x\nDROP TABLE y; --")
    assert hostile.split("\n")[1].startswith("-- ORPHANED: x\\nDROP TABLE y; --")
