"""Objects other than tables: the catalog facts (real server), which file documents each
archive entry, the files' headers, the index sections and schema.json data."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs.objects import (
    OTHER_FILE,
    WITHHELD,
    assign_objects,
    defn_of,
    entry_text,
    index_sections,
    left_out,
    object_file,
    render_object_file,
    schema_json_objects,
)
from pgdoc.folder.markers import SQL_MARKER, has_marker
from pgdoc.folder.naming import object_path
from pgdoc.model_objects import (
    AggregateUse,
    FunctionFacts,
    ObjectFacts,
    SequenceFacts,
    TriggerUse,
    TypeFacts,
)
from pgdoc.postgres.archive import SECTION_PRE_DATA, Entry, read_archive
from pgdoc.postgres.objects import load_objects, parse_objects
from pgdoc.postgres.tools import PgTools
from tests.helpers import run

PG_PROC, PG_TYPE, PG_CLASS = 1255, 1247, 1259

_ids = iter(range(1, 10**9))


def entry(desc: str, tag: str, namespace: str = "public", defn: str | None = None,
          deps: tuple[int, ...] = (), oid: int = 0, dump_id: int | None = None) -> Entry:
    return Entry(dump_id=dump_id if dump_id is not None else next(_ids), tableoid=0, oid=oid,
                 tag=tag, desc=desc, section=SECTION_PRE_DATA,
                 defn=defn if defn is not None else f"-- {desc} {tag}\n",
                 namespace=namespace, tablespace="", tableam="", owner="alice", deps=deps)


def comment_on(target: Entry, text: str = "x") -> Entry:
    return entry("COMMENT", f"{target.desc} {target.tag}", target.namespace,
                 f"COMMENT ON {target.desc} {target.tag} IS '{text}';\n", deps=(target.dump_id,))


def acl_on(target: Entry) -> Entry:
    return entry("ACL", f"{target.desc} {target.tag}", target.namespace,
                 f"GRANT ALL ON {target.desc} {target.tag} TO bob;\n", deps=(target.dump_id,))


NO_FACTS = ObjectFacts()


def placed(files: dict[str, list[Entry]]) -> Counter[int]:
    return Counter(e.dump_id for es in files.values() for e in es)


# -- which file -----------------------------------------------------------------------------

def test_each_kind_has_its_file() -> None:
    cases = {
        ("FUNCTION", "set_updated_at()", "public"): "functions/set_updated_at.sql",
        ("PROCEDURE", "do_it(integer)", "app"): "functions/app.do_it.sql",
        ("AGGREGATE", "total(integer)", "app"): "functions/app.total.sql",
        ("TYPE", "mpaa_rating", "public"): "types/mpaa_rating.sql",
        ("SHELL TYPE", "mytype", "public"): "types/mytype.sql",
        ("DOMAIN", "year", "public"): "types/year.sql",
        ("SEQUENCE", "events_stream_seq", "public"): "sequences/events_stream_seq.sql",
        ("SCHEMA", "app", ""): "objects/schemas.sql",
        ("EXTENSION", "pgcrypto", ""): "objects/extensions.sql",
        ("CAST", "CAST (text AS public.color)", ""): "objects/casts.sql",
        ("OPERATOR", "===", "public"): "objects/operators.sql",
        ("OPERATOR CLASS", "c USING btree", "public"): "objects/operators.sql",
        ("OPERATOR FAMILY", "f USING btree", "public"): "objects/operators.sql",
        ("COLLATION", "ci", "public"): "objects/collations.sql",
        ("TEXT SEARCH CONFIGURATION", "english2", "app"): "objects/text_search.sql",
        ("TEXT SEARCH DICTIONARY", "simple2", "app"): "objects/text_search.sql",
        ("FOREIGN DATA WRAPPER", "dummy", ""): "objects/foreign_servers.sql",
        ("SERVER", "srv", ""): "objects/foreign_servers.sql",
        ("USER MAPPING", "USER MAPPING bob SERVER srv", ""): "objects/foreign_servers.sql",
        ("EVENT TRIGGER", "ddl_watch", ""): "objects/event_triggers.sql",
        ("PUBLICATION", "pub", ""): "objects/publications.sql",
        ("SUBSCRIPTION", "sub", ""): "objects/subscriptions.sql",
        ("PROCEDURAL LANGUAGE", "plsample", ""): "objects/languages.sql",
        ("CONVERSION", "myconv", "app"): "objects/conversions.sql",
        ("ACCESS METHOD", "heap2", ""): "objects/access_methods.sql",
        ("TRANSFORM", "TRANSFORM FOR hstore LANGUAGE plperl", ""): "objects/transforms.sql",
        ("STATISTICS", "film_stats", "public"): "objects/statistics.sql",
        ("SOMETHING NEW", "x", "public"): OTHER_FILE,
    }
    for (desc, tag, schema), path in cases.items():
        assert object_file(entry(desc, tag, schema), NO_FACTS) == path, desc


def test_preamble_database_and_grants_are_left_out_unless_grants_are_on() -> None:
    database = entry("DATABASE", "app", "")
    by_id = {database.dump_id: database}
    for desc in ("ENCODING", "STDSTRINGS", "SEARCHPATH", "DATABASE PROPERTIES"):
        assert object_file(entry(desc, desc, ""), NO_FACTS, grants=True) is None
    assert object_file(comment_on(database), NO_FACTS, by_id, grants=True) is None
    schema = entry("SCHEMA", "app", "")
    grant, default_acl = acl_on(schema), entry("DEFAULT ACL", "DEFAULT PRIVILEGES FOR TABLES", "")
    by_id = {e.dump_id: e for e in (schema, grant)}
    assert object_file(grant, NO_FACTS, by_id) is None
    assert object_file(default_acl, NO_FACTS) is None
    assert object_file(grant, NO_FACTS, by_id, grants=True) == "objects/schemas.sql"
    assert object_file(default_acl, NO_FACTS, grants=True) == "objects/default_privileges.sql"
    assert left_out(grant) and not left_out(grant, grants=True)


def test_annotations_follow_what_they_annotate_even_when_it_is_itself_a_dependent() -> None:
    domain = entry("DOMAIN", "year", oid=7)
    check = entry("CHECK CONSTRAINT", "year year_late", deps=(domain.dump_id,))
    check_comment = comment_on(check)
    seq = entry("SEQUENCE", "s")
    owned = entry("SEQUENCE OWNED BY", "s", deps=(seq.dump_id,))
    pub, table = entry("PUBLICATION", "pub", ""), entry("TABLE", "film")
    member = entry("PUBLICATION TABLE", "pub film", deps=(pub.dump_id, table.dump_id))
    schema = entry("SCHEMA", "app", "")
    in_schema = entry("PUBLICATION TABLES IN SCHEMA", "pub app", "app",
                      deps=(schema.dump_id, pub.dump_id))
    orphan = comment_on(entry("TABLE", "gone"))  # what it annotates is not given
    files = assign_objects([in_schema, member, pub, schema, check_comment, owned, seq, check,
                            domain, orphan], NO_FACTS)
    assert [e.desc for e in files["types/year.sql"]] == ["DOMAIN", "CHECK CONSTRAINT", "COMMENT"]
    assert [e.desc for e in files["sequences/s.sql"]] == ["SEQUENCE", "SEQUENCE OWNED BY"]
    assert [e.tag for e in files["objects/publications.sql"]] == ["pub", "pub film", "pub app"]
    assert files["objects/schemas.sql"] == [schema]
    assert files[OTHER_FILE] == [orphan]


def test_overloads_share_a_file_ordered_by_signature_with_their_annotations() -> None:
    f_text = entry("FUNCTION", "add(text, text)", oid=2)
    f_int = entry("FUNCTION", "add(integer, integer)", oid=1)
    agg = entry("AGGREGATE", "add(bigint)", oid=3)
    other_schema = entry("FUNCTION", "add(integer, integer)", "app", oid=4)
    notes = [comment_on(f_text), acl_on(f_int), comment_on(f_int)]
    files = assign_objects([*notes, f_text, agg, other_schema, f_int], NO_FACTS, grants=True)
    assert [(e.desc, e.tag) for e in files["functions/add.sql"]] == [
        ("AGGREGATE", "add(bigint)"),
        ("FUNCTION", "add(integer, integer)"),
        ("COMMENT", "FUNCTION add(integer, integer)"),
        ("ACL", "FUNCTION add(integer, integer)"),
        ("FUNCTION", "add(text, text)"),
        ("COMMENT", "FUNCTION add(text, text)"),
    ]
    assert files["functions/app.add.sql"] == [other_schema]


def test_a_function_file_is_named_by_the_catalog_name_not_the_tag() -> None:
    # A name may hold "(": the tag `a(b(integer)` cannot be split without the catalog.
    fn = entry("FUNCTION", "a(b(integer)", oid=42)
    facts = ObjectFacts(functions={42: _function(42, "a(b", "integer")})
    assert object_file(fn, facts) == object_path("functions", "public", "a(b")
    assert object_file(fn, NO_FACTS) == "functions/a.sql"  # without facts: a best guess


def test_hostile_names_make_safe_distinct_paths() -> None:
    names = ["Foo", "foo", "FOO", "a/b", "..", "a.b", "con", "x\ny", "-- Name: t; Type: TABLE",
             "é", "a" * 300, "b" * 300]
    paths = set()
    for i, name in enumerate(names):
        path = object_file(entry("TYPE", name, oid=i), NO_FACTS)
        assert path is not None and path.startswith("types/")
        leaf = path.removeprefix("types/")
        assert "/" not in leaf and "\\" not in leaf and leaf not in (".", "..")
        assert leaf.isascii() and len(leaf) <= 200 and leaf.endswith(".sql")
        paths.add(path.lower())  # distinct even on a case-insensitive file system
    assert len(paths) == len(names)
    assert object_path("functions", "app", "Foo") == "functions/app.Foo^1.sql"
    with pytest.raises(ValueError):
        object_path("../x", "public", "f")


_DESCS = ["FUNCTION", "AGGREGATE", "TYPE", "DOMAIN", "SEQUENCE", "SCHEMA", "EXTENSION", "CAST",
          "COMMENT", "ACL", "SECURITY LABEL", "CHECK CONSTRAINT", "SEQUENCE OWNED BY",
          "PUBLICATION", "PUBLICATION TABLE", "ENCODING", "SEARCHPATH", "DATABASE",
          "DEFAULT ACL", "SUBSCRIPTION", "NEW KIND"]


@st.composite
def entry_lists(draw: st.DrawFn) -> list[Entry]:
    n = draw(st.integers(1, 25))
    out = []
    for i in range(n):
        deps = tuple(draw(st.lists(st.integers(1, n + 2), max_size=3)))  # cycles, dangling
        out.append(entry(draw(st.sampled_from(_DESCS)),
                         draw(st.text(min_size=1, max_size=8).filter(lambda s: "\0" not in s)),
                         draw(st.sampled_from(["public", "app", "", "Ä"])),
                         draw(st.text(max_size=20)), deps=deps, oid=i, dump_id=i + 1))
    return out


@settings(max_examples=300, deadline=None)
@given(entry_lists(), st.booleans(), st.randoms())
def test_every_entry_is_in_exactly_one_file_or_left_out(
        entries: list[Entry], grants: bool, rnd: object) -> None:
    files = assign_objects(entries, NO_FACTS, grants=grants)
    count = placed(files)
    for e in entries:
        assert count[e.dump_id] == (0 if object_file(
            e, NO_FACTS, {x.dump_id: x for x in entries}, grants) is None else 1)
        if left_out(e, grants):
            assert count[e.dump_id] == 0
    assert sum(count.values()) == sum(len(es) for es in files.values())
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert assign_objects(shuffled, NO_FACTS, grants=grants) == files  # order-independent
    for path, es in files.items():
        text = render_object_file(path, es, NO_FACTS)
        for e in es:
            assert entry_text(e) in text


# -- statement text ---------------------------------------------------------------------------

def test_statements_are_verbatim_even_when_they_imitate_pg_dump_headers() -> None:
    body = ("CREATE FUNCTION public.evil() RETURNS text\n    LANGUAGE sql\n    AS $$SELECT '\n"
            "--\n-- Name: users; Type: TABLE; Schema: public; Owner: postgres\n--\n\n"
            "CREATE TABLE users (id int);\n-- Generated by pgdoc\n'$$;\n")
    fn = entry("FUNCTION", "evil\n-- Name: x; Type: TABLE; Schema: public()", defn=body, oid=5)
    facts = ObjectFacts(functions={5: _function(5, "evil\n-- Name: x; Type: TABLE", "")})
    files = assign_objects([fn], facts)
    [(path, es)] = files.items()
    text = render_object_file(path, es, facts)
    assert body in text
    assert text.startswith(SQL_MARKER + "\n") and has_marker(path, text)
    header = text[: text.index("\n\n")]
    assert all(line.startswith("--") for line in header.splitlines())
    heading = text[len(header):].split("\n")[3]
    assert heading == ("-- Name: evil\\n-- Name: x; Type: TABLE; Schema: public(); "
                       "Type: FUNCTION; Schema: public")
    assert "Owner" not in text.replace(body, "")


def test_a_base_type_and_its_shell_share_a_file_and_one_header_block() -> None:
    facts = ObjectFacts(types={9: TypeFacts(oid=9, schema="public", name="t", kind="b")})
    shell, full = entry("SHELL TYPE", "t", oid=9), entry("TYPE", "t", oid=9)
    files = assign_objects([full, shell], facts)
    assert files == {"types/t.sql": [shell, full]}
    text = render_object_file("types/t.sql", files["types/t.sql"], facts)
    assert text.count("-- Base type: public.t\n") == 1
    assert index_sections(facts, files)[0].startswith("## Types (1)")
    assert len(schema_json_objects(facts, files)["types"]) == 1


def test_a_statement_without_a_final_line_break_gets_one() -> None:
    assert entry_text(entry("CAST", "c", "", "CREATE CAST x;")).endswith("CREATE CAST x;\n")
    assert entry_text(entry("SCHEMA", "public", "", "")).endswith("--\n\n")


@pytest.mark.parametrize("defn, secret", [
    ("CREATE SUBSCRIPTION sub CONNECTION 'host=h password=hunter2' PUBLICATION p "
     "WITH (connect = false, slot_name = 'x');\n", "hunter2"),
    ("CREATE SUBSCRIPTION sub CONNECTION 'password=it''s-a-secret' PUBLICATION p;\n",
     "secret"),
    ("CREATE SUBSCRIPTION sub CONNECTION E'password=a\\'b\\\\secret' PUBLICATION p;\n",
     "secret"),
    ('CREATE SUBSCRIPTION "CONNECTION \'x" CONNECTION \'password=secret\' PUBLICATION p;\n',
     "secret"),
])
def test_a_subscription_connection_string_is_withheld(defn: str, secret: str) -> None:
    sub = entry("SUBSCRIPTION", "sub", "", defn)
    text = render_object_file("objects/subscriptions.sql", [sub], NO_FACTS)
    assert secret not in text
    assert f"CONNECTION {WITHHELD} PUBLICATION p" in text
    assert "-- Withheld: the connection string of subscription sub" in text
    if "slot_name" in defn:
        assert "slot_name = 'x'" in text  # only the connection string is withheld


def test_a_subscription_that_cannot_be_read_is_withheld_whole() -> None:
    sub = entry("SUBSCRIPTION", "sub", "", "CREATE SUBSCRIPTION sub CONNECTION 'password=s")
    assert "password=" not in defn_of(sub) and "withheld" in defn_of(sub)


def test_user_mapping_option_values_are_withheld() -> None:
    um = entry("USER MAPPING", "USER MAPPING bob SERVER srv", "",
               "CREATE USER MAPPING FOR bob SERVER srv OPTIONS (\n    password 'p4ss',\n"
               "    \"user\" 'u'\n);\n")
    assert defn_of(um) == ("CREATE USER MAPPING FOR bob SERVER srv OPTIONS (\n    password "
                           f"{WITHHELD},\n    \"user\" {WITHHELD}\n);\n")


# -- headers, index, schema.json ------------------------------------------------------------------

def _function(oid: int, name: str, args: str, **kw: object) -> FunctionFacts:
    base: dict[str, object] = dict(oid=oid, schema="public", name=name, arguments=args,
                                   result="integer", kind="f", language="sql", volatility="i",
                                   strict=False, security_definer=False, parallel="s")
    base.update(kw)
    return FunctionFacts(**base)  # type: ignore[arg-type]


HOSTILE = "x\n-- Name: t; Type: TABLE\r\u2028|`<b>[a](b)"


def _facts() -> ObjectFacts:
    return ObjectFacts(
        functions={
            1: _function(1, "set_updated_at", "", result="trigger", language="plpgsql",
                         volatility="v", security_definer=True, parallel="u", comment=HOSTILE,
                         triggers=(TriggerUse("public", "film", "film_touch"),
                                   TriggerUse("", "", "ddl_watch")),
                         defaults=(("public", "review", "code"),)),
            2: _function(2, HOSTILE, "a integer", strict=True,
                         aggregates=(AggregateUse("app", "Sum Up", "integer",
                                                  ("SFUNC", "FINALFUNC")),)),
        },
        types={10: TypeFacts(oid=10, schema="public", name="mpaa_rating", kind="e",
                             comment="<b>|x [a](b)\nmore",
                             values=("G", "PG-13", "it's", HOSTILE),
                             columns=(("app", "poster", "rating"), ("public", "film", "rating"),
                                      ("public", "review", "rating")),
                             domains=(("public", "rating_d"),),
                             attribute_of=(("app", "addr", "rating"),)),
               11: TypeFacts(oid=11, schema="app", name="addr", kind="c",
                             attributes=(("street", "text"), (HOSTILE, "integer"))),
               12: TypeFacts(oid=12, schema="public", name="year", kind="d", base="integer",
                             not_null=True, default="2000", checks=("CHECK (VALUE > 0)",))},
        sequences={20: SequenceFacts(oid=20, schema="public", name="events_stream_seq",
                                     data_type="bigint", start=100, increment=5, minimum=1,
                                     maximum=2**63 - 1, cache=10, cycle=True,
                                     used_by=(("public", "events", "id"),))},
    )


def _files(facts: ObjectFacts) -> dict[str, list[Entry]]:
    return assign_objects([
        entry("FUNCTION", "set_updated_at()", oid=1),
        entry("FUNCTION", f"{HOSTILE}(integer)", oid=2),
        entry("TYPE", "mpaa_rating", oid=10), entry("TYPE", "addr", "app", oid=11),
        entry("DOMAIN", "year", oid=12), entry("SEQUENCE", "events_stream_seq", oid=20),
        entry("SCHEMA", "app", ""), entry("EXTENSION", "pgcrypto", ""),
        entry("CAST", "CAST (text AS public.color)", ""),
    ], facts)


def test_headers_say_what_each_object_is_and_who_uses_it() -> None:
    facts = _facts()
    files = _files(facts)
    texts = {p: render_object_file(p, es, facts) for p, es in files.items()}
    for text in texts.values():
        header = text[: text.index("\n\n")]
        assert all(line.startswith("--") for line in header.splitlines())
        assert "\u2028" not in header and "\r" not in header
    fn = texts["functions/set_updated_at.sql"]
    assert "-- Function: public.set_updated_at()\n--   Returns: trigger\n" in fn
    assert "--   Language: plpgsql; volatile; security definer; parallel unsafe\n" in fn
    assert "--   Used by triggers:\n--     film_touch ON public.film\n" in fn
    assert "--     event trigger ddl_watch\n" in fn
    assert "--   Used by defaults of:\n--     public.review.code\n" in fn
    assert "Used by aggregates" not in fn
    assert ('--   Used by aggregates:\n--     app."Sum Up"(integer) as SFUNC, FINALFUNC\n'
            in texts[next(p for p in texts if p.startswith("functions/") and "set_" not in p)])
    enum = texts["types/mpaa_rating.sql"]
    assert "--   Values: 'G', 'PG-13', 'it''s', 'x\\n-- Name: t" in enum
    assert ("--   Used by columns:\n--     app.poster.rating\n--     public.film.rating\n"
            "--     public.review.rating\n") in enum
    assert "--   Domains over it:\n--     public.rating_d\n" in enum
    assert "--   Used by fields of types:\n--     app.addr.rating\n" in enum
    assert "--   Fields:\n--     street" in texts["types/app.addr.sql"]
    assert "--   Over: integer NOT NULL DEFAULT 2000\n--   Checks:\n--     CHECK (VALUE > 0)" \
        in texts["types/year.sql"]
    seq = texts["sequences/events_stream_seq.sql"]
    assert ("--   bigint, start 100, increment 5, min 1, max 9223372036854775807, cache 10, "
            "cycle\n--   Owned by: none\n--   Used by defaults of:\n--     public.events.id\n"
            ) in seq
    assert "-- Schemas: 1\n--   schema app\n" in texts["objects/schemas.sql"]
    assert "-- Casts: 1\n--   CAST (text AS public.color)\n" in texts["objects/casts.sql"]


def test_index_sections_count_and_escape() -> None:
    facts = _facts()
    sections = index_sections(facts, _files(facts))
    assert [s.splitlines()[0] for s in sections] == [
        "## Functions (2)", "## Types (3)", "## Sequences (1)", "## Other objects (3)"]
    for section in sections:
        rows = section.splitlines()[2:]
        columns = rows[0].count("|")
        for line in rows:
            assert line.startswith("|") and line.endswith("|")
            # every cell ends where the header's do: no name or comment adds a pipe
            assert len(re.findall(r"(?<!\\)\|", line.replace("\\\\", ""))) == columns
    assert "| &lt;b&gt;\\|x \\[a\\](b) |" in sections[1]  # a description, outside a code span
    assert "[`public.set_updated_at()`](functions/set_updated_at.sql)" in sections[0]
    hostile_path = object_path("functions", "public", HOSTILE)
    assert "%25" in sections[0] and hostile_path.replace("%", "%25") in sections[0].replace(
        "%5E", "^")


def test_schema_json_objects_is_stable_data_without_nulls() -> None:
    facts = _facts()
    data = schema_json_objects(facts, _files(facts))
    assert list(data) == ["functions", "types", "sequences", "objects"]
    assert ": null" not in json.dumps(data)
    fn = data["functions"][0]  # by path: set_updated_at.sql, then x%0a...sql
    assert fn["name"] == "set_updated_at" and fn["arguments"] == ""
    assert fn["triggers"] == [{"schema": "public", "table": "film", "name": "film_touch"},
                              {"event_trigger": "ddl_watch"}]
    assert "used_by_aggregates" not in fn  # absent when none
    assert data["functions"][1]["used_by_aggregates"] == [
        {"schema": "app", "name": "Sum Up", "arguments": "integer", "as": ["SFUNC", "FINALFUNC"]}]
    enum = next(t for t in data["types"] if t["name"] == "mpaa_rating")
    assert enum["values"][:2] == ["G", "PG-13"]
    assert [c["table"] for c in enum["used_by_columns"]] == ["poster", "film", "review"]
    assert data["sequences"][0]["max"] == 2**63 - 1
    assert {"kind": "schema", "name": "app", "file": "objects/schemas.sql", "schema": ""} \
        in data["objects"]
    assert schema_json_objects(facts, _files(facts)) == data


# -- against a real server ----------------------------------------------------------------------

RICH_SQL = r"""
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');
COMMENT ON TYPE mpaa_rating IS 'film ratings';
CREATE TYPE app.addr AS (street text, zip integer, rating mpaa_rating);
COMMENT ON COLUMN app.addr.zip IS 'postal code';
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE shell_only;
CREATE DOMAIN year AS integer NOT NULL DEFAULT 2000 CONSTRAINT year_check CHECK (VALUE >= 1901);
ALTER DOMAIN year ADD CONSTRAINT year_late CHECK (VALUE < 3000) NOT VALID;
CREATE DOMAIN rating_d AS mpaa_rating;
CREATE TABLE film (id serial PRIMARY KEY, rating mpaa_rating, ratings mpaa_rating[], y year,
  updated_at timestamptz);
CREATE TABLE review (id int, rating mpaa_rating);
CREATE TABLE app.poster (id int, rating mpaa_rating, home app.addr);
CREATE TABLE parted (id int, rating mpaa_rating) PARTITION BY LIST (id);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES IN (1);
CREATE SEQUENCE events_stream_seq AS bigint START 100 INCREMENT 5 CACHE 10 CYCLE;
COMMENT ON SEQUENCE events_stream_seq IS 'stream positions';
CREATE TABLE events (id bigint DEFAULT nextval('events_stream_seq'),
  code text DEFAULT gen_random_uuid()::text);
CREATE STATISTICS film_stats (dependencies) ON id, y FROM film;
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
COMMENT ON FUNCTION set_updated_at() IS 'touches updated_at';
CREATE TRIGGER film_touch BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER review_touch BEFORE UPDATE ON review FOR EACH ROW
  EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER parted_touch BEFORE UPDATE ON parted FOR EACH ROW
  EXECUTE FUNCTION set_updated_at();
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
  PARALLEL SAFE AS 'SELECT a + b';
CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a || b';
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS 'SELECT 7::text';
ALTER TABLE review ADD COLUMN code text DEFAULT next_code();
CREATE FUNCTION "Evil
-- Name: users; Type: TABLE; Schema: public; Owner: x
name"() RETURNS text LANGUAGE plpgsql AS $$BEGIN RETURN '
--
-- Name: users; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE users (id int);
'; END $$;
CREATE FUNCTION "Add"(integer) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE app.do_it(IN n integer) LANGUAGE sql AS 'SELECT 1';
CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE app.add_up(integer) (SFUNC = add, STYPE = integer, MSFUNC = add,
  MINVFUNC = add, MSTYPE = integer);
CREATE CAST (mpaa_rating AS text) WITH INOUT;
CREATE FUNCTION rating_eq(mpaa_rating, text) RETURNS boolean LANGUAGE sql
  AS 'SELECT $1::text = $2';
CREATE OPERATOR === (LEFTARG = mpaa_rating, RIGHTARG = text, FUNCTION = rating_eq);
CREATE OPERATOR FAMILY fam USING btree;
CREATE COLLATION c2 (provider = libc, locale = 'C');
CREATE TEXT SEARCH CONFIGURATION app.english2 (COPY = english);
CREATE TEXT SEARCH DICTIONARY app.simple2 (TEMPLATE = simple);
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER srv FOREIGN DATA WRAPPER dummy OPTIONS (host 'h');
CREATE USER MAPPING FOR postgres SERVER srv OPTIONS (user 'u', password 'mapping-secret');
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER ddl_watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
CREATE PUBLICATION pub FOR TABLE film;
ALTER PUBLICATION pub ADD TABLE review;
CREATE PUBLICATION pub_all FOR TABLES IN SCHEMA app;
SET client_min_messages = error;
CREATE SUBSCRIPTION sub CONNECTION 'host=nowhere dbname=x password=sub-secret'
  PUBLICATION pub WITH (connect = false, slot_name = NONE);
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE DEFAULT CONVERSION app.myconv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE LANGUAGE plsample HANDLER plpgsql_call_handler;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
GRANT USAGE ON SCHEMA app TO PUBLIC;
"""
SECRETS = ("sub-secret", "mapping-secret")


def _rich_on(server: ThrowawayPostgres, monkeypatch: pytest.MonkeyPatch,
             extensions: bool = True) -> Iterator[str]:
    name = f"o_{uuid.uuid4().hex[:10]}"
    server.create_database(name)
    try:
        sql = RICH_SQL if extensions else RICH_SQL.replace(
            "CREATE EXTENSION IF NOT EXISTS pgcrypto;", "")
        server.psql(sql, name)
        for key, value in server.env(name).items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("PGPASSWORD", raising=False)
        yield name
    finally:
        # A database holding a subscription cannot be dropped.
        server.psql("DROP SUBSCRIPTION IF EXISTS sub", name)
        server.drop_database(name)


@pytest.fixture
def rich_db(pg: ThrowawayPostgres, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield from _rich_on(pg, monkeypatch)


def _tools() -> PgTools:
    return PgTools.from_config(Config())


def _archive_entries(tools: PgTools) -> list[Entry]:
    sink = io.BytesIO()
    tools.run("pg_dump", ["--format=custom", "--schema-only", "--encoding=UTF8"], out=sink)
    return read_archive(sink.getvalue()).entries


# What the table side claims (the lead's assignment, stood in for here): the entries of
# relations and what hangs on them, sequences owned by a column, and extended statistics.
_TABLE_DESCS = frozenset({"TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "INDEX",
                          "CONSTRAINT", "FK CONSTRAINT", "DEFAULT", "TRIGGER", "RULE",
                          "POLICY", "ROW SECURITY", "TABLE ATTACH", "INDEX ATTACH",
                          "STATISTICS"})


def _table_claims(entries: list[Entry], facts: ObjectFacts) -> set[int]:
    by_id = {e.dump_id: e for e in entries}
    owned = {oid for oid, s in facts.sequences.items() if s.owned_by is not None}
    claimed: set[int] = set()

    def claims(e: Entry, depth: int = 0) -> bool:
        if e.desc in _TABLE_DESCS and not (e.desc == "CONSTRAINT" and e.tableoid != 2606):
            return True
        if e.desc == "SEQUENCE" and e.oid in owned:
            return True
        if e.desc in ("COMMENT", "ACL", "SECURITY LABEL", "SEQUENCE OWNED BY") and depth < 4:
            return any(claims(by_id[d], depth + 1) for d in e.deps if d in by_id)
        return False

    for e in entries:
        if claims(e):
            claimed.add(e.dump_id)
    return claimed


def _document(tools: PgTools, grants: bool = False) -> tuple[list[Entry], set[int],
                                                               dict[str, str], ObjectFacts]:
    facts = load_objects(tools, _server_version(tools))
    entries = _archive_entries(tools)
    claimed = _table_claims(entries, facts)
    files = assign_objects([e for e in entries if e.dump_id not in claimed], facts,
                           grants=grants)
    texts = {path: render_object_file(path, es, facts) for path, es in files.items()}
    return entries, claimed, texts, facts


def _server_version(tools: PgTools) -> int:
    return int(tools.run("psql", ["-X", "-A", "-t", "-c", "SHOW server_version_num"]))


def _assert_total(entries: list[Entry], claimed: set[int], texts: dict[str, str],
                  grants: bool) -> None:
    """Every entry but the left-out ones stands verbatim in exactly one object file (or
    is the table side's)."""
    by_id = {e.dump_id: e for e in entries}
    homes: dict[str, int] = {}
    for path, text in texts.items():
        for e in entries:
            if e.dump_id not in claimed and entry_text(e) in text:
                homes[path] = homes.get(path, 0) + 1
    for e in entries:
        if e.dump_id in claimed:
            continue
        path = object_file(e, ObjectFacts(), by_id, grants)
        found = [p for p, t in texts.items() if entry_text(e) in t]
        if path is None:
            assert left_out(e, grants) or e.tag.startswith("DATABASE "), e
            assert not found, e
        else:
            assert len(found) == 1, (e, found)
            if defn_of(e) == e.defn:
                assert e.defn in texts[found[0]]


def test_facts_from_the_catalog(rich_db: str) -> None:
    facts = load_objects(_tools(), _server_version(_tools()))
    fns = {(f.name, f.arguments): f for f in facts.functions.values()}
    touch = fns[("set_updated_at", "")]
    assert (touch.result, touch.language, touch.volatility, touch.security_definer) == (
        "trigger", "plpgsql", "v", True)
    assert touch.comment == "touches updated_at"
    # the partition's clone of parted_touch is not listed: only the parent's trigger
    assert [(t.table, t.trigger) for t in touch.triggers] == [
        ("film", "film_touch"), ("parted", "parted_touch"), ("review", "review_touch")]
    assert fns[("add", "a integer, b integer")].strict
    assert fns[("add", "a integer, b integer")].parallel == "s"
    assert fns[("next_code", "")].defaults == (("public", "review", "code"),)
    assert fns[("do_it", "IN n integer")].kind == "p" and fns[("do_it", "IN n integer")].result \
        is None
    assert fns[("total", "integer")].kind == "a"
    # a support function names its aggregates and its roles there, in CREATE AGGREGATE's order
    assert fns[("add", "a integer, b integer")].aggregates == (
        AggregateUse("app", "add_up", "integer", ("SFUNC", "MSFUNC", "MINVFUNC")),)
    assert fns[("add", "a text, b text")].aggregates == ()
    assert [(t.table, t.trigger) for t in fns[("on_ddl", "")].triggers] == [("", "ddl_watch")]
    assert "floatrange" not in {f.name for f in facts.functions.values()}  # made by the range
    assert "crypt" not in {f.name for f in facts.functions.values()}  # pgcrypto's
    types = {t.name: t for t in facts.types.values()}
    assert set(types) == {"mpaa_rating", "addr", "floatrange", "shell_only", "year", "rating_d"}
    rating = types["mpaa_rating"]
    assert rating.values == ("G", "PG", "PG-13", "R", "NC-17")
    assert rating.columns == (("app", "poster", "rating"), ("public", "film", "rating"),
                              ("public", "film", "ratings"), ("public", "parted", "rating"),
                              ("public", "review", "rating"))
    assert rating.domains == (("public", "rating_d"),)
    assert rating.attribute_of == (("app", "addr", "rating"),)
    assert types["addr"].attributes == (("street", "text"), ("zip", "integer"),
                                        ("rating", "mpaa_rating"))
    assert types["floatrange"].subtype == "double precision"
    assert types["shell_only"].kind == "shell"
    year = types["year"]
    assert (year.base, year.not_null, year.default) == ("integer", True, "2000")
    assert year.checks == ("CHECK (VALUE >= 1901)", "CHECK (VALUE < 3000) NOT VALID")
    seqs = {s.name: s for s in facts.sequences.values()}
    stream = seqs["events_stream_seq"]
    assert (stream.data_type, stream.start, stream.increment, stream.cache, stream.cycle,
            stream.owned_by, stream.used_by) == (
        "bigint", 100, 5, 10, True, None, (("public", "events", "id"),))
    assert seqs["film_id_seq"].owned_by == ("public", "film", "id")
    assert list(facts.statistics.values()) == [
        next(int(x) for x in _tools().run("psql", ["-X", "-A", "-t", "-c",
                                                   "SELECT 'film'::regclass::oid"]).split())]


@pytest.mark.parametrize("grants", [False, True])
def test_every_archive_entry_of_a_rich_schema_is_documented_once(
        rich_db: str, grants: bool) -> None:
    tools = _tools()
    entries, claimed, texts, _facts = _document(tools, grants)
    _assert_total(entries, claimed, texts, grants)
    everything = "".join(texts.values())
    for secret in SECRETS:
        assert secret not in everything
    assert "CONNECTION '<withheld by pgdoc>' PUBLICATION pub" in everything
    assert ("ACL" in everything) == grants
    assert "CREATE DATABASE" not in everything and "client_encoding" not in everything
    adds = texts["functions/add.sql"]
    assert adds.index("add(integer, integer); Type: FUNCTION") < adds.index(
        "add(text, text); Type: FUNCTION")
    assert "functions/Add^1.sql" in texts  # case-distinct from add.sql
    evil = next(t for p, t in texts.items() if p.startswith("functions/Evil"))
    assert "\nCREATE TABLE users (id int);\n" in evil  # the body, verbatim
    assert "--     public.review.rating\n" in texts["types/mpaa_rating.sql"]
    assert "--     film_touch ON public.film\n" in texts["functions/set_updated_at.sql"]
    assert "year_late" in texts["types/year.sql"]
    assert "ALTER PUBLICATION pub ADD TABLE ONLY public.film;" in texts[
        "objects/publications.sql"]
    assert "sequences/events_stream_seq.sql" in texts
    assert "sequences/film_id_seq.sql" not in texts  # owned by film.id: in film.sql
    assert OTHER_FILE not in texts
    assert all(has_marker(p, t) for p, t in texts.items())
    # A re-sync of the unchanged schema writes the same bytes.
    assert _document(tools, grants)[2] == texts


def test_the_query_runs_on_postgresql_18(pg18: ThrowawayPostgres,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _rich_on(pg18, monkeypatch, extensions=False):  # the wheel has none
        facts = load_objects(_tools(), _server_version(_tools()))
        rating = next(t for t in facts.types.values() if t.name == "mpaa_rating")
        assert len(rating.columns) == 5
        assert {f.name for f in facts.functions.values()} >= {"set_updated_at", "add"}
        assert name


@pytest.mark.parametrize("name", ["pagila", "postgrest"])
def test_real_schemas_document_every_entry_once(
        name: str, real_db: Callable[[str], str],
        use_db: Callable[[str], dict[str, str]]) -> None:
    use_db(real_db(name))
    tools = _tools()
    entries, claimed, texts, facts = _document(tools)
    _assert_total(entries, claimed, texts, grants=False)
    functions = sum(1 for e in entries if e.desc in ("FUNCTION", "AGGREGATE", "PROCEDURE"))
    in_files = sum(t.count("; Type: FUNCTION;") + t.count("; Type: AGGREGATE;")
                   + t.count("; Type: PROCEDURE;") for t in texts.values())
    assert in_files == functions > 0
    sections = index_sections(facts, assign_objects(
        [e for e in entries if e.dump_id not in claimed], facts))
    assert sections[0].startswith(f"## Functions ({functions})")
    if name == "pagila":
        rating = texts["types/mpaa_rating.sql"]
        assert "--   Values: 'G', 'PG', 'PG-13', 'R', 'NC-17'\n" in rating
        assert "--     public.film.rating\n" in rating
    else:
        overloaded = texts["functions/test.overloaded.sql"]
        assert overloaded.count("; Type: FUNCTION; Schema: test") == 4
        assert "objects/casts.sql" in texts and "objects/extensions.sql" in texts
    assert _document(tools)[2] == texts


def test_demo_schema(demo_db: str, use_db: Callable[[str], dict[str, str]]) -> None:
    use_db(demo_db)
    entries, claimed, texts, _facts = _document(_tools(), grants=True)
    _assert_total(entries, claimed, texts, grants=True)
    assert texts


def test_secrets_reach_no_file_the_cache_included(
        pg: ThrowawayPostgres, rich_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The model a quiet night keeps beside the record holds the entries as the docs have
    them: a refresh after a change writes what a first sync does, and no password is kept
    on disk anywhere."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "docs"
    for _ in range(2):  # the second run saves the fingerprint and the model
        assert run(capsys, "sync", "-o", str(out))[0] == 0
    pg.psql("COMMENT ON SUBSCRIPTION sub IS 'changed'", rich_db)
    code, _, err = run(capsys, "sync", "-o", str(out))
    assert code == 0, err
    fresh = tmp_path / "fresh"
    assert run(capsys, "sync", "--full", "-o", str(fresh))[0] == 0
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == {
        p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    models = list((tmp_path / "cache").rglob("model-*"))
    assert models, "no model saved"
    for path in [*models, *(tmp_path / "cache").rglob("*"), *out.rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert not any(s.encode() in data for s in SECRETS), path


def test_an_aggregates_header_leaves_out_what_its_own_row_says_nothing_of() -> None:
    facts = ObjectFacts(functions={3: _function(3, "group_concat", "text", result="text",
                                                kind="a", language="internal",
                                                parallel="u")})
    files = assign_objects([entry("AGGREGATE", "group_concat(text)", oid=3)], facts)
    (path, entries), = files.items()
    header = render_object_file(path, entries, facts).split("\n\n")[0]
    assert "-- Aggregate: public.group_concat(text)\n--   Returns: text\n" in header
    assert "--   parallel unsafe\n" in header + "\n"
    assert "Language" not in header and "security" not in header


def test_a_functions_aggregates_are_sorted_by_code_point_not_by_the_servers_collation() -> None:
    row = [7, "public", "add", "a integer, b integer", "integer", "f", "sql", "i", True, False,
           "s", None, [], [],
           [["app", "sum", "text", ["SFUNC"]], ["app", "Sum", "integer", ["SFUNC", "FINALFUNC"]],
            ["app", "sum", "integer", ["MSFUNC"]]]]
    facts = parse_objects({"functions": [row], "types": [], "sequences": [], "statistics": []})
    assert [(a.name, a.arguments, a.roles) for a in facts.functions[7].aggregates] == [
        ("Sum", "integer", ("SFUNC", "FINALFUNC")), ("sum", "integer", ("MSFUNC",)),
        ("sum", "text", ("SFUNC",))]
