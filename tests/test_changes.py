"""pgdoc.history.changes: two schema.json documents in, the changes in words out. Pure: every
kind of change with its exact line, both formats, renames, and properties over generated
documents (hostile names included)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pgdoc.history.changes import (
    Change,
    change_lines,
    describe_changes,
    render_markdown,
)
from pgdoc.history.log import parse_chunked
from pgdoc.text import one_line


def col(name: str, type_: str = "text", nullable: bool = True, **extra: Any) -> dict[str, Any]:
    base = {"name": name, "type": type_, "nullable": nullable, "default": None,
            "identity": None, "generated": None, "generation_expression": None,
            "comment": None, "enum_values": None, "domain": None}
    return {**base, **extra}


def table(name: str, *columns: dict[str, Any], schema: str = "public", **fields: Any
          ) -> dict[str, Any]:
    """A table as format 1 writes it: every field present."""
    base: dict[str, Any] = {
        "schema": schema, "name": name, "sql_name": name if schema == "public" else
        f"{schema}.{name}", "kind": "table", "file": f"{name}.sql", "status": "current",
        "comment": None, "columns": list(columns), "primary_key": None, "unique_keys": [],
        "check_constraints": [], "exclusion_constraints": [], "indexes": [],
        "foreign_keys": [], "referenced_by": [], "partition_key": None, "partition_of": None,
        "partitions": [], "row_level_security": {"enabled": False, "forced": False},
        "policies": [], "triggers": [],
    }
    return {**base, **fields}


def doc(*tables: dict[str, Any], fmt: str = "pgdoc.schema/1", **top: Any) -> dict[str, Any]:
    return {"format": fmt, "database": "app", "fingerprint": "x", "orphaned_files": [],
            "tables": list(tables), **top}


def lines(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    return [c.line for c in describe_changes(old, new)]


ROLE = ["owner", "admin", "member"]
USERS = table(
    "users",
    col("id", "bigint", False, identity="always"),
    col("email", "text", False),
    col("role", "user_role", False, default="'member'::user_role", enum_values=ROLE),
    col("created_at", "timestamp with time zone", False, default="now()"),
    primary_key={"name": "users_pkey", "columns": ["id"]},
    indexes=[{"name": "users_pkey", "definition":
              "CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)",
              "unique": True, "primary": True},
             {"name": "users_email_idx", "definition":
              "CREATE INDEX users_email_idx ON public.users USING btree (email)",
              "unique": False, "primary": False}],
    triggers=[{"name": "users_touch", "definition": "CREATE TRIGGER users_touch BEFORE UPDATE "
               "ON public.users FOR EACH ROW EXECUTE FUNCTION touch()"}],
)
NOTES = table(
    "survey_notes",
    col("id", "bigint", False),
    col("user_id", "bigint"),
    col("body", "text"),
    foreign_keys=[{"name": "survey_notes_user_id_fkey", "columns": ["user_id"],
                   "references": {"schema": "public", "table": "users", "columns": ["id"]},
                   "on_delete": "NO ACTION", "on_delete_columns": None,
                   "on_update": "NO ACTION"}],
    row_level_security={"enabled": True, "forced": False},
    policies=[{"name": "notes_owner", "command": "ALL", "permissive": True, "roles": ["app"],
               "using": "(user_id = current_user_id())", "check": None}],
)
BASE = doc(copy.deepcopy(USERS), copy.deepcopy(NOTES))


def changed(edit: Any) -> dict[str, Any]:
    new = copy.deepcopy(BASE)
    edit({t["name"]: t for t in new["tables"]}, new)
    return new


# -- each kind of change, with its line -----------------------------------------------------


def test_the_same_docs_have_no_changes() -> None:
    assert lines(BASE, copy.deepcopy(BASE)) == []
    assert lines(None, None) == []


def test_columns_added_removed_and_changed() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"].append(col("nickname"))
        t["users"]["columns"][1]["type"] = "character varying(80)"
        t["users"]["columns"][1]["nullable"] = True
        t["users"]["columns"][2]["default"] = "'admin'::user_role"
        t["users"]["columns"][3]["default"] = None
        t["users"]["columns"][3]["comment"] = "When the row was made."
        t["users"]["columns"][0]["identity"] = "by default"
        del t["survey_notes"]["columns"][2]
    assert lines(BASE, changed(edit)) == [
        "survey_notes: column body removed (text)",
        "users: column nickname added (text, NULL)",
        "users.id: identity ALWAYS -> BY DEFAULT",
        "users.email: type text -> character varying(80)",
        "users.email: NOT NULL -> NULL",
        "users.role: default 'member'::user_role -> 'admin'::user_role",
        "users.created_at: default removed (was now())",
        "users.created_at: comment added: When the row was made.",
    ]


def test_added_columns_say_what_they_are() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"] += [
            col("n", "integer", False, default="0"),
            col("k", "bigint", False, identity="always"),
            col("full", "text", generated="stored", generation_expression="(a || b)"),
        ]
    assert lines(BASE, changed(edit)) == [
        "users: column n added (integer, NOT NULL, DEFAULT 0)",
        "users: column k added (bigint, NOT NULL, GENERATED ALWAYS AS IDENTITY)",
        "users: column full added (text, NULL, GENERATED ALWAYS AS ((a || b)) STORED)",
    ]


def test_generated_columns() -> None:
    def gen(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"][1].update(generated="stored", generation_expression="lower(x)")
    def regen(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"][1].update(generated="stored", generation_expression="upper(x)")
    assert lines(BASE, changed(gen)) == ["users.email: now generated: lower(x) STORED"]
    assert lines(changed(gen), BASE) == ["users.email: no longer generated (was lower(x) STORED)"]
    assert lines(changed(gen), changed(regen)) == [
        "users.email: generation expression lower(x) -> upper(x)"]


def test_a_column_rename_is_told_when_provable() -> None:
    def rename(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"][1]["name"] = "mail"
    assert lines(BASE, changed(rename)) == ["users: column email renamed to mail"]

    def rename_and_retype(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"][1].update(name="mail", type="citext")
    # Not provable: another type is another column.
    assert lines(BASE, changed(rename_and_retype)) == [
        "users: column email removed (text)", "users: column mail added (citext, NOT NULL)"]

    def two(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"][1]["name"] = "mail"
        t["users"]["columns"][3]["name"] = "made_at"
    assert len(lines(BASE, changed(two))) == 4  # two gone, two new: cannot be told apart

    def moved(t: dict[str, Any], _d: Any) -> None:
        c = t["users"]["columns"].pop(1)
        t["users"]["columns"].append({**c, "name": "mail"})
    assert "renamed" not in " ".join(lines(BASE, changed(moved)))


def test_a_table_rename_is_told_when_provable() -> None:
    def rename(t: dict[str, Any], _d: Any) -> None:
        n = t["survey_notes"]
        n.update(name="notes", sql_name="notes", file="notes.sql")
    assert lines(BASE, changed(rename)) == ["notes: table renamed from survey_notes"]

    def rename_users(t: dict[str, Any], _d: Any) -> None:
        u = t["users"]
        u.update(name="people", sql_name="people", file="people.sql")
        for i in u["indexes"]:
            i["definition"] = i["definition"].replace(" ON public.users ", " ON public.people ")
        u["triggers"][0]["definition"] = u["triggers"][0]["definition"].replace(
            "public.users", "public.people")
        t["survey_notes"]["foreign_keys"][0]["references"]["table"] = "people"
    # The indexes, trigger and the foreign key into it follow the table: one line.
    assert lines(BASE, changed(rename_users)) == ["people: table renamed from users"]

    def replace(t: dict[str, Any], _d: Any) -> None:
        t["survey_notes"].update(name="notes", sql_name="notes")
        t["survey_notes"]["columns"].append(col("extra"))
    assert lines(BASE, changed(replace)) == ["notes: table added (4 columns)",
                                             "survey_notes: table removed"]


def test_tables_added_and_removed() -> None:
    flags = table("feature_flags", col("name"), col("on", "boolean"))
    hostile = table("a|b`c", col("x"))
    view = table("active_users", col("id", "bigint"), kind="view")
    assert lines(doc(hostile), doc(flags, view)) == [
        "active_users: view added (1 column)",
        "a|b`c: table removed",
        "feature_flags: table added (2 columns)",
    ]
    assert lines(None, doc(flags)) == ["feature_flags: table added (2 columns)"]


def test_keys_constraints_and_foreign_keys() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["survey_notes"]["foreign_keys"] = []
        t["survey_notes"]["primary_key"] = {"name": "survey_notes_pkey", "columns": ["id"]}
        t["users"]["unique_keys"] = [{"name": "users_email_key", "columns": ["email"]}]
        t["users"]["check_constraints"] = [{"name": "email_has_at",
                                            "definition": "CHECK ((email ~ '@'::text))"}]
        t["users"]["exclusion_constraints"] = [
            {"name": "no_overlap", "definition": "EXCLUDE USING gist (during WITH &&)"}]
        t["users"]["foreign_keys"] = [{
            "name": "users_manager_fkey", "columns": ["company_id", "manager_id"],
            "references": {"schema": "billing", "table": "staff", "columns": ["company_id", "id"]},
            "on_delete": "SET NULL", "on_delete_columns": ["manager_id"], "on_update": "CASCADE"}]
    assert lines(BASE, changed(edit)) == [
        "survey_notes: primary key survey_notes_pkey (id) added",
        "survey_notes: foreign key survey_notes_user_id_fkey (user_id -> users.id) removed",
        "users: unique key users_email_key (email) added",
        "users: check constraint email_has_at CHECK ((email ~ '@'::text)) added",
        "users: exclusion constraint no_overlap EXCLUDE USING gist (during WITH &&) added",
        "users: foreign key users_manager_fkey (company_id, manager_id -> billing.staff(company_id,"
        " id) ON DELETE SET NULL (manager_id) ON UPDATE CASCADE) added",
    ]

    def on_delete(t: dict[str, Any], _d: Any) -> None:
        t["survey_notes"]["foreign_keys"][0]["on_delete"] = "CASCADE"
    assert lines(BASE, changed(on_delete)) == [
        "survey_notes: foreign key survey_notes_user_id_fkey (user_id -> users.id) -> "
        "(user_id -> users.id ON DELETE CASCADE)"]

    def check(t: dict[str, Any], _d: Any) -> None:
        t["users"]["check_constraints"] = [{"name": "c", "definition": "CHECK ((id > 1))"}]
    one = changed(check)
    two = copy.deepcopy(one)
    two["tables"][0]["check_constraints"][0]["definition"] = "CHECK ((id > 2))"
    assert lines(one, two) == ["users: check constraint c CHECK ((id > 1)) -> CHECK ((id > 2))"]


def test_indexes_and_triggers() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["indexes"][1]["definition"] = (
            "CREATE INDEX users_email_idx ON public.users USING btree (lower(email))")
        t["users"]["indexes"].append({
            "name": "users_role_idx", "definition":
            "CREATE UNIQUE INDEX users_role_idx ON public.users USING hash (role)",
            "unique": True, "primary": False})
        t["users"]["triggers"] = []
    assert lines(BASE, changed(edit)) == [
        "users: index users_role_idx (unique, hash (role)) added",
        "users: index users_email_idx (btree (email)) -> (btree (lower(email)))",
        "users: trigger users_touch removed",
    ]

    def rename(t: dict[str, Any], _d: Any) -> None:
        t["users"]["indexes"][1] = {
            "name": "users_mail_idx", "unique": False, "primary": False,
            "definition": "CREATE INDEX users_mail_idx ON public.users USING btree (email)"}
    assert lines(BASE, changed(rename)) == [
        "users: index users_email_idx renamed to users_mail_idx"]


def test_policies_and_row_level_security() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["survey_notes"]["policies"] = []
        t["survey_notes"]["row_level_security"] = {"enabled": False, "forced": False}
        t["users"]["row_level_security"] = {"enabled": True, "forced": True}
        t["users"]["policies"] = [{"name": "own", "command": "SELECT", "permissive": False,
                                   "roles": ["app", "admin"], "using": "(id = 1)",
                                   "check": None}]
    assert lines(BASE, changed(edit)) == [
        "survey_notes: row level security disabled",
        "survey_notes: policy notes_owner removed",
        "users: row level security enabled",
        "users: row level security forced",
        "users: policy own (SELECT RESTRICTIVE TO app, admin USING (id = 1)) added",
    ]


def test_partitions() -> None:
    events = table("events", col("at", "date"), kind="partitioned table",
                   partition_key="RANGE (at)", partitions=[
                       {"schema": "public", "table": "events_2024", "bound": "FOR VALUES FROM "
                        "('2024-01-01') TO ('2025-01-01')", "partitions": []}])
    after = copy.deepcopy(events)
    after["partitions"].append({"schema": "public", "table": "events_2025",
                                "bound": "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                                "partitions": []})
    after["partitions"][0]["partitions"] = [
        {"schema": "archive", "table": "old", "bound": "DEFAULT", "partitions": []}]
    after["partition_key"] = "RANGE (at, id)"
    assert lines(doc(events), doc(after)) == [
        "events: partition key RANGE (at) -> RANGE (at, id)",
        "events: partition archive.old added (DEFAULT)",
        "events: partition events_2025 added (FOR VALUES FROM ('2025-01-01') TO ('2026-01-01'))",
    ]
    part = table("events_2024", col("at", "date"), partition_of={
        "schema": "public", "table": "events", "bound": "DEFAULT"})
    assert lines(doc(table("events_2024", col("at", "date"))), doc(part)) == [
        "events_2024: attached to events (DEFAULT)"]


def test_comments_and_kinds() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["comment"] = "People.\nWho log in."
        t["survey_notes"]["kind"] = "partitioned table"
    assert lines(BASE, changed(edit)) == [
        "survey_notes: now a partitioned table (was a table)",
        "users: comment added: People.\\nWho log in.",
    ]


def test_enum_values_and_domains() -> None:
    domain = {"schema": "public", "name": "email", "base_type": "text", "not_null": False,
              "checks": ["CHECK ((VALUE ~ '@'::text))"]}

    def with_values(values: list[str], checks: list[str]) -> dict[str, Any]:
        d = copy.deepcopy(BASE)
        d["tables"][0]["columns"][2]["enum_values"] = values
        d["tables"][0]["columns"][1].update(type="email", domain={**domain, "checks": checks})
        return d
    base = with_values(ROLE, domain["checks"])
    assert lines(base, with_values([*ROLE, "auditor"], [])) == [
        "email: domain check CHECK ((VALUE ~ '@'::text)) removed",
        "user_role: enum value auditor added",
    ]
    assert lines(base, with_values(["owner", "auditor", "admin", "member"], domain["checks"])) \
        == ["user_role: enum value auditor added (after owner)"]
    assert lines(base, with_values(["owner", "administrator", "member"], domain["checks"])) == [
        "user_role: enum value admin renamed to administrator"]
    assert lines(base, with_values(["owner", "member"], domain["checks"])) == [
        "user_role: enum value admin removed"]


def test_views_of_format_2() -> None:
    view = {"schema": "public", "name": "active_users", "kind": "view",
            "columns": [{"name": "id", "type": "bigint"}],
            "definition": [" SELECT id", "   FROM users;"],
            "reads": [{"schema": "public", "name": "users", "kind": "table"}]}
    after = {**view, "definition": [" SELECT id", "   FROM people;"],
             "reads": [{"schema": "public", "name": "people", "kind": "table"}]}
    v2 = "pgdoc.schema/2"
    assert lines(doc(view, fmt=v2), doc(after, fmt=v2)) == [
        "active_users: view definition changed",
        "active_users: now reads people",
        "active_users: no longer reads users",
    ]
    # A format-1 document says nothing about definitions: no change when the format moves.
    old = table("active_users", col("id", "bigint"), kind="view")
    assert lines(doc(old), doc(view, fmt=v2)) == []


def prune(value: Any) -> Any:
    """What format 2 leaves out: null, empty and false fields (NOT NULL kept: nullable)."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items()
                if k == "nullable" or v not in (None, [], {}, False, "NO ACTION")}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def test_format_1_and_2_of_the_same_schema_have_no_changes() -> None:
    new = prune(copy.deepcopy(BASE))
    new["format"] = "pgdoc.schema/2"
    del new["database"]
    for t in new["tables"]:
        del t["status"]
    assert lines(BASE, new) == []
    assert lines(new, BASE) == []

    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["columns"].append(col("nickname"))
    newer = prune(changed(edit))
    newer["format"] = "pgdoc.schema/2"
    assert lines(BASE, newer) == ["users: column nickname added (text, NULL)"]


def test_other_top_level_lists_are_compared_by_their_fields() -> None:
    fn = {"schema": "public", "name": "touch", "arguments": "", "returns": "trigger",
          "language": "plpgsql"}
    fn2 = {**fn, "arguments": "integer", "returns": "integer"}
    seq = {"schema": "billing", "name": "invoice_no", "kind": "sequence", "start": 1}
    old = doc(functions=[fn], sequences=[seq])
    new = doc(functions=[{**fn, "language": "sql"}, fn2], sequences=[])
    assert lines(old, new) == [
        "touch: function language plpgsql -> sql",
        "touch(integer): function added",
        "billing.invoice_no: sequence removed",
    ]
    types_old = doc(types=[{"schema": "public", "name": "mood", "kind": "enum",
                            "values": ["sad", "ok"]}])
    types_new = doc(types=[{"schema": "public", "name": "mood", "kind": "enum",
                            "values": ["sad", "ok", "happy"]}])
    assert lines(types_old, types_new) == ["mood: enum value happy added"]


def test_unknown_table_fields_are_compared_too() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["access_method"] = "heap"
    before = changed(lambda t, _d: t["users"].update(access_method="columnar"))
    assert lines(before, changed(edit)) == ["users: access_method columnar -> heap"]


def test_external_references_are_reported_on_the_referenced_table() -> None:
    def edit(t: dict[str, Any], _d: Any) -> None:
        t["users"]["referenced_by"] = [
            {"name": "audit_user_fkey", "schema": "audit", "table": "log", "columns": ["uid"],
             "referenced_columns": ["id"]},
            {"name": "survey_notes_user_id_fkey", "schema": "public", "table": "survey_notes",
             "columns": ["user_id"], "referenced_columns": ["id"]}]
    assert lines(BASE, changed(edit)) == [
        "users: now referenced by audit.log(uid) [audit_user_fkey]"]


def test_change_lines_reads_json_text() -> None:
    new = changed(lambda t, _d: t["users"]["columns"].append(col("nickname")))
    assert change_lines(json.dumps(BASE), json.dumps(new)) == [
        "users: column nickname added (text, NULL)"]
    assert change_lines(None, None) == []
    assert change_lines("not json", json.dumps(doc())) == []


def test_markdown_groups_by_relation_with_names_in_code_spans() -> None:
    hostile = table("a|b`c", col("x"))
    new = changed(lambda t, _d: t["users"]["columns"].append(col("nick`name")))
    new["tables"].append(hostile)
    text = render_markdown(describe_changes(BASE, new))
    assert text == (
        "## Schema changes\n\n2 changes in 2 relations:\n\n"
        "**``a|b`c``**\n\n- table added (1 column)\n\n"
        "**`users`**\n\n- column ``nick`name`` added (`text`, NULL)\n")
    assert render_markdown([]) == "## Schema changes\n\nNo schema change.\n"


def test_names_never_break_a_line() -> None:
    evil = "x\ny\r\u2028z\x85{0}"
    old = doc(table(evil, col("a\nb")), table("k", kind="{0}"), table("gone", kind="v\n{"),
              things=[{"schema": "s\n", "name": "{}", "kind": "a\n{0}b"}])
    new = doc(table(evil, col("a\nb", "integer", **{"x{1}\n": 1}), comment="line 1\nline 2",
                    **{"f{0}\n": "v{1}"}), table("k", kind="{1}\n"),
              things=[{"schema": "s\n", "name": "{}", "kind": "a\n{0}b", "y\n{": 2}])
    changes = describe_changes(old, new)
    assert len(changes) == 7
    for c in changes:
        assert len(c.line.splitlines()) == 1
        assert len(c.markdown().splitlines()) == 1


# -- properties over generated documents ----------------------------------------------------

NAMES = st.text(alphabet=st.sampled_from("ab_Z. |`\n\"\u2028é"), min_size=1, max_size=4)
TEXTS = st.none() | st.text(alphabet=st.sampled_from("ab (\n|`*"), min_size=1, max_size=6)
TYPES = ["text", "bigint", "mood", "character varying(80)"]
ENUMS = {"mood": st.lists(st.sampled_from(["sad", "ok", "happy", "meh"]), unique=True,
                          min_size=1, max_size=4)}


@st.composite
def columns(draw: st.DrawFn, moods: list[str]) -> list[dict[str, Any]]:
    names = draw(st.lists(NAMES, unique=True, min_size=1, max_size=4))
    out = []
    for name in names:
        type_ = draw(st.sampled_from(TYPES))
        identity = draw(st.sampled_from([None, "always"])) if type_ == "bigint" else None
        out.append(col(name, type_, draw(st.booleans()), default=draw(TEXTS),
                       identity=identity, comment=draw(TEXTS),
                       enum_values=moods if type_ == "mood" else None))
    return out


def named(draw: st.DrawFn, prefix: str, make: Any) -> list[dict[str, Any]]:
    names = draw(st.lists(st.sampled_from(["1", "2", "3"]), unique=True, max_size=2))
    return [{"name": prefix + n, **make(draw)} for n in sorted(names)]


@st.composite
def tables(draw: st.DrawFn, name: str, moods: list[str]) -> dict[str, Any]:
    cols = draw(columns(moods))
    names = [c["name"] for c in cols]
    pk = draw(st.none() | st.just({"name": "pk", "columns": names[:1]}))
    return table(
        name, *cols, kind=draw(st.sampled_from(["table", "view", "partitioned table"])),
        comment=draw(TEXTS), primary_key=pk,
        unique_keys=named(draw, "uq", lambda d: {"columns": d(st.lists(
            st.sampled_from(names), min_size=1, max_size=2, unique=True))}),
        check_constraints=named(draw, "ck", lambda d: {"definition": d(NAMES)}),
        indexes=named(draw, "ix", lambda d: {"definition": "CREATE INDEX i ON t USING " +
                                             d(NAMES), "unique": d(st.booleans()),
                                             "primary": False}),
        foreign_keys=named(draw, "fk", lambda d: {
            "columns": names[:1], "references": {"schema": "public", "table": d(NAMES),
                                                 "columns": ["id"]},
            "on_delete": d(st.sampled_from(["NO ACTION", "CASCADE"])),
            "on_delete_columns": None, "on_update": "NO ACTION"}),
        triggers=named(draw, "tg", lambda d: {"definition": d(NAMES)}),
        policies=named(draw, "po", lambda d: {
            "command": d(st.sampled_from(["ALL", "SELECT"])), "permissive": d(st.booleans()),
            "roles": d(st.lists(st.sampled_from(["app", "x\ny"]), max_size=2, unique=True)),
            "using": d(TEXTS), "check": None}),
        row_level_security={"enabled": draw(st.booleans()), "forced": draw(st.booleans())},
        partition_key=draw(TEXTS),
        partitions=[{"schema": "public", "table": p, "bound": draw(TEXTS), "partitions": []}
                    for p in draw(st.lists(NAMES, unique=True, max_size=2))],
    )


@st.composite
def docs(draw: st.DrawFn) -> dict[str, Any]:
    moods = draw(ENUMS["mood"])
    names = draw(st.lists(NAMES, unique=True, max_size=4))
    return doc(*[draw(tables(n, moods)) for n in sorted(names)])


@st.composite
def doc_pairs(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A document and a copy with up to three random edits (possibly none, possibly
    ones that leave it as it was)."""
    a = draw(docs())
    b = copy.deepcopy(a)
    for _ in range(draw(st.integers(0, 3))):
        what = draw(st.sampled_from(["field", "add", "remove", "enum"]))
        moods = next((c["enum_values"] for t in b["tables"] for c in t["columns"]
                      if c["enum_values"]), ["sad"])
        if what == "add":
            name = draw(NAMES)
            if all(t["name"] != name for t in b["tables"]):
                b["tables"].append(draw(tables(name, moods)))
        elif what == "remove" and b["tables"]:
            b["tables"].pop(draw(st.integers(0, len(b["tables"]) - 1)))
        elif what == "enum":
            new_moods = draw(ENUMS["mood"])
            for t in b["tables"]:
                for c in t["columns"]:
                    if c["enum_values"]:
                        c["enum_values"] = new_moods
        elif b["tables"]:
            i = draw(st.integers(0, len(b["tables"]) - 1))
            fresh = draw(tables(b["tables"][i]["name"], moods))
            field = draw(st.sampled_from(sorted(k for k in fresh if k not in (
                "name", "schema", "sql_name", "file", "status", "referenced_by"))))
            b["tables"][i][field] = fresh[field]
    return a, b


FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(docs())
def test_a_document_has_no_changes_from_itself(a: dict[str, Any]) -> None:
    assert describe_changes(a, copy.deepcopy(a)) == []


@FAST
@given(doc_pairs())
def test_no_changes_exactly_when_the_facts_are_equal(pair: tuple[dict[str, Any], ...]) -> None:
    a, b = pair
    changes = describe_changes(a, b)
    assert (changes == []) == (a == b)
    assert (describe_changes(b, a) == []) == (a == b)
    for c in changes:
        assert isinstance(c, Change)
        assert c.line == one_line(c.line)
        assert len(c.line.splitlines()) == 1
        assert len(c.markdown().splitlines()) == 1
    relations = [c.relation for c in changes]
    # Grouped: a relation's lines are together.
    assert all(relations.index(r) == i or relations[i - 1] == r
               for i, r in enumerate(relations))


def layout_1(data: dict[str, Any]) -> str:
    """Format 1's layout: head keys sorted, one table per line."""
    head = "".join(f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)},\n"
                   for k, v in sorted(data.items()) if k != "tables")
    rows = ",\n".join(json.dumps(t, sort_keys=True, ensure_ascii=False) for t in data["tables"])
    return "{\n" + head + '"tables": [' + (f"\n{rows}\n" if rows else "") + "]\n}\n"


@FAST
@given(docs(), st.sampled_from(["1", "indent"]))
def test_parsing_per_table_equals_parsing_whole(a: dict[str, Any], layout: str) -> None:
    a["functions"] = [{"schema": "public", "name": "f", "arguments": "x\ny"}]
    text = layout_1(a) if layout == "1" else json.dumps(a, indent=2, ensure_ascii=False)
    parsed, chunks = parse_chunked(text)
    assert parsed == json.loads(text)
    again, _ = parse_chunked(text, chunks)
    assert again == parsed
    # An unchanged table is the very same object the next time.
    assert all(x is y for x, y in zip(again["tables"], parsed["tables"], strict=True))


@FAST
# Unique: a schema.json never lists a table twice (two equal chunks share one object).
@given(st.lists(st.integers(0, 30), max_size=12, unique=True),
       st.lists(st.integers(0, 30), max_size=12, unique=True),
       st.sampled_from(["1", "indent"]))
def test_parsing_the_next_revision_reuses_what_did_not_change(
        old: list[int], new: list[int], layout: str) -> None:
    def render(ids: list[int]) -> str:
        data = {"format": "x", "tables": [{"name": f"t{i}", "n": i, "s": "a,\n{b"} for i in ids]}
        return layout_1(data) if layout == "1" else json.dumps(data, indent=2)
    before, chunks = parse_chunked(render(old))
    after, _ = parse_chunked(render(new), chunks)
    assert after == json.loads(render(new))
    assert before is not None and after is not None
    if new and new == old:
        assert all(x is y for x, y in zip(after["tables"], before["tables"], strict=True))
    if new[:1] == old[:1] and new:
        assert after["tables"][0] is before["tables"][0]
    if new[-1:] == old[-1:] and len(new) > 1 and len(old) > 1:
        assert after["tables"][-1] is before["tables"][-1]


@pytest.mark.parametrize("text", ["", "[]", "{", '{\n"tables": [\n{"a": 1}', "null"])
def test_parsing_odd_text(text: str) -> None:
    parsed, _ = parse_chunked(text)
    assert parsed is None or isinstance(parsed, dict)
