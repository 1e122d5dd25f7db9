"""parse_dump: verbose pg_dump text -> TOC entries, cleaned of what varies between runs; and the
whole-schema dump as pgdoc takes it (through a temp file), byte for byte what pg_dump wrote."""

from __future__ import annotations

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs.split import PG_CLASS
from pgdoc.postgres.dump import parse_dump
from pgdoc.postgres.tools import PgTools
from pgdoc.read import dump_schema

KEY = "Abc123" * 10 + "xyz"
VERBOSE_DUMP = f"""--
-- PostgreSQL database dump
--

\\restrict {KEY}

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

-- Started on 2025-11-24 02:30:53 UTC

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

--
-- TOC entry 7 (class 2615 OID 16385)
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- TOC entry 215 (class 1259 OID 16390)
-- Dependencies: 7
-- Name: users; Type: TABLE; Schema: app; Owner: app
--

CREATE TABLE app.users (
    id integer NOT NULL,
    note text DEFAULT 'a\r\nb'::text
);


ALTER TABLE app.users OWNER TO app;

--
-- TOC entry 3350 (class 0 OID 0)
-- Dependencies: 215
-- Name: TABLE users; Type: COMMENT; Schema: app; Owner: app
--

COMMENT ON TABLE app.users IS 'x; Type: y';


-- Completed on 2025-11-24 02:30:54 UTC

--
-- PostgreSQL database dump complete
--

\\unrestrict {KEY}

"""


def test_entries_carry_their_catalog_row_dependencies_and_names() -> None:
    schema, table, comment = parse_dump(VERBOSE_DUMP)
    assert (schema.dump_id, schema.class_oid, schema.oid, schema.deps) == (7, 2615, 16385, ())
    assert (schema.desc, schema.tag, schema.schema) == ("SCHEMA", "app", "-")
    assert (table.dump_id, table.class_oid, table.oid, table.deps) == (215, PG_CLASS, 16390,
                                                                      (7,))
    assert (comment.desc, comment.tag, comment.deps) == ("COMMENT", "TABLE users", (215,))


def test_bodies_lose_session_state_and_the_trailer_but_keep_every_other_byte() -> None:
    schema, table, comment = parse_dump(VERBOSE_DUMP)
    assert schema.body == "CREATE SCHEMA app;\n\n\nALTER SCHEMA app OWNER TO postgres;"
    assert "note text DEFAULT 'a\r\nb'::text" in table.body
    assert table.body.endswith("ALTER TABLE app.users OWNER TO app;")
    assert comment.body == "COMMENT ON TABLE app.users IS 'x; Type: y';"
    assert table.text == ("--\n-- Name: users; Type: TABLE; Schema: app; Owner: app\n--\n\n"
                          f"{table.body}\n")
    text = "".join(e.text for e in parse_dump(VERBOSE_DUMP))
    for noise in (KEY, "Dumped", "Started on", "Completed on", "dump complete", "SET "):
        assert noise not in text


def test_a_dump_without_entries_has_none() -> None:
    assert parse_dump("") == []
    head = VERBOSE_DUMP.split("--\n-- TOC entry 7")[0]
    assert parse_dump(head) == []


def test_the_whole_schema_dump_keeps_line_breaks_and_unicode_byte_for_byte(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str],
) -> None:
    """dump_schema parses pg_dump's output as it streams, without translating line ends: a
    `\\r\\n` in a comment or a name stays one, as it is in pg_dump's own output."""
    pg.psql('CREATE TABLE "odd\r\nname" (id int PRIMARY KEY, "café" text);\n'
            "COMMENT ON TABLE \"odd\r\nname\" IS E'line\\r\\nbreak \\u00e9 \\U0001F680';\n"
            "CREATE TABLE plain (id int);", db)
    tools = PgTools.from_config(Config())
    streamed = dump_schema(tools, [])
    assert streamed == parse_dump(tools.pg_dump([]))
    bodies = "\n".join(e.body for e in streamed)
    assert 'CREATE TABLE public."odd\r\nname"' in bodies
    assert "'line\r\nbreak é 🚀'" in bodies
    assert {e.tag for e in streamed if e.desc == "TABLE"} == {"odd  name", "plain"}
