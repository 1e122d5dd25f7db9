"""The default sync (one `pg_dump` of the whole schema, split per table through the catalog)
and `pgdoc sync --per-table` (one `pg_dump -t` per table, the reference) write byte-identical
folders, on every test schema: the awkward-names one, the demo, the real-world schemas of
../shared/fixtures/real, and EDGE_SQL below, which gathers what a split can get wrong."""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pgdoc.cli import main
from pgdoc.devserver import ThrowawayPostgres

# Each part: (minimum server version, SQL). What pg_dump -t writes for a table, and what a
# split must therefore put in its file, or leave out.
EDGE_SQL: list[tuple[int, str]] = [(100000, """
SET client_min_messages = error;
CREATE SCHEMA other;
CREATE SCHEMA parts;
DO $$ BEGIN CREATE ROLE edge_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- Left out (pg_dump -t never writes them): extended statistics, publication membership.
CREATE TABLE pubbed (id int PRIMARY KEY, a int, b int, CONSTRAINT a_pos CHECK (a > 0));
CREATE PUBLICATION pub_one FOR TABLE pubbed;
CREATE STATISTICS pubbed_ab ON a, b FROM pubbed;
CREATE STATISTICS other.pubbed_ab2 (ndistinct) ON a, b FROM pubbed;
COMMENT ON STATISTICS pubbed_ab IS 'stats comment';
-- Comments on sub-objects, column grants, CLUSTER ON, replica identity, column settings.
COMMENT ON CONSTRAINT a_pos ON pubbed IS 'constraint comment';
COMMENT ON CONSTRAINT pubbed_pkey ON pubbed IS 'pk comment';
CREATE INDEX pubbed_b ON pubbed (b);
COMMENT ON INDEX pubbed_b IS 'index comment';
ALTER TABLE pubbed CLUSTER ON pubbed_b;
ALTER TABLE pubbed REPLICA IDENTITY USING INDEX pubbed_pkey;
ALTER TABLE pubbed ALTER COLUMN a SET STATISTICS 500;
GRANT SELECT (id, a) ON pubbed TO edge_reader;

-- Rules, views with INSTEAD OF triggers, rules and column defaults, matview indexes.
CREATE TABLE logged (id serial PRIMARY KEY, msg text);
CREATE RULE logged_no_delete AS ON DELETE TO logged DO INSTEAD NOTHING;
COMMENT ON RULE logged_no_delete ON logged IS 'rule comment';
ALTER TABLE logged OWNER TO edge_reader;
ALTER TABLE logged REPLICA IDENTITY FULL;
GRANT USAGE ON SEQUENCE logged_id_seq TO edge_reader;
CREATE VIEW logged_v AS SELECT id, msg FROM logged;
ALTER VIEW logged_v ALTER COLUMN msg SET DEFAULT 'x';
COMMENT ON COLUMN logged_v.msg IS 'view column comment';
CREATE FUNCTION logged_v_ins() RETURNS trigger LANGUAGE plpgsql
  AS $$BEGIN INSERT INTO logged(msg) VALUES (NEW.msg); RETURN NEW; END$$;
CREATE TRIGGER logged_v_ins INSTEAD OF INSERT ON logged_v
  FOR EACH ROW EXECUTE PROCEDURE logged_v_ins();
COMMENT ON TRIGGER logged_v_ins ON logged_v IS 'trigger comment';
CREATE VIEW logged_r AS SELECT id, msg FROM logged;
CREATE RULE logged_r_ins AS ON INSERT TO logged_r
  DO INSTEAD INSERT INTO logged(msg) VALUES (NEW.msg);
CREATE MATERIALIZED VIEW logged_m AS SELECT id, msg FROM logged WITH NO DATA;
-- A view that needs another table's primary key: a whole dump splits it into a placeholder
-- and its _RETURN rule; pg_dump -t writes one CREATE VIEW. Options and CHECK OPTION too.
CREATE TABLE keyed (id int PRIMARY KEY, v text);
CREATE VIEW keyed_v WITH (security_barrier) AS SELECT id, v FROM keyed GROUP BY id;
COMMENT ON VIEW keyed_v IS 'split view';
CREATE VIEW keyed_w AS SELECT id, v FROM keyed_v WHERE id > 0 WITH LOCAL CHECK OPTION;
CREATE UNIQUE INDEX logged_m_id ON logged_m (id);
GRANT SELECT ON logged_v, logged_m TO edge_reader;

-- Identity and owned sequences (with a comment), a shared sequence owned by no table.
CREATE TABLE ident (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n int);
COMMENT ON SEQUENCE ident_id_seq IS 'identity seq comment';
CREATE SEQUENCE ident_n_seq OWNED BY ident.n;
ALTER TABLE ident ALTER COLUMN n SET DEFAULT nextval('ident_n_seq');
CREATE SEQUENCE shared_seq;
CREATE TABLE uses_shared (id int DEFAULT nextval('shared_seq'), x int);

-- NOT VALID constraints (written apart), constraint and disabled triggers, RLS, policies.
CREATE TABLE nv (id int PRIMARY KEY, p int, q int);
ALTER TABLE nv ADD CONSTRAINT nv_q CHECK (q > 0) NOT VALID;
ALTER TABLE nv ADD CONSTRAINT nv_p FOREIGN KEY (p) REFERENCES nv(id) NOT VALID;
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
CREATE CONSTRAINT TRIGGER nv_ct AFTER INSERT ON nv DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE PROCEDURE noop();
CREATE TRIGGER nv_dis AFTER UPDATE ON nv FOR EACH ROW EXECUTE PROCEDURE noop();
ALTER TABLE nv DISABLE TRIGGER nv_dis;
ALTER TABLE nv ENABLE ROW LEVEL SECURITY;
CREATE POLICY nv_pol ON nv FOR SELECT TO edge_reader USING (id > 0);
COMMENT ON POLICY nv_pol ON nv IS 'policy comment';

-- Inheritance across schemas, a typed table, an unlogged table with storage parameters.
CREATE TABLE base (id int, note text);
CREATE TABLE other.child (extra int) INHERITS (base);
CREATE TYPE pair AS (a int, b int);
CREATE TABLE typed OF pair (PRIMARY KEY (a));
CREATE UNLOGGED TABLE unl (id int) WITH (fillfactor = 70);

-- A foreign table (a wrapper without handler: core only).
CREATE FOREIGN DATA WRAPPER edge_fdw;
CREATE SERVER edge_srv FOREIGN DATA WRAPPER edge_fdw;
CREATE FOREIGN TABLE remote_things (id int NOT NULL, label text OPTIONS (column_name 'name'))
  SERVER edge_srv OPTIONS (table_name 'things');
COMMENT ON FOREIGN TABLE remote_things IS 'foreign';
"""), (110000, """
-- Partitions two levels deep in other schemas, one attached with a dropped column, indexes
-- of partitions attached to the parents' (INDEX ATTACH), a partition's own index with a
-- comment, a trigger cloned to partitions, foreign keys to and from partitioned tables.
CREATE TABLE ev (id int, at date, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE parts.ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
  PARTITION BY LIST (id);
CREATE TABLE parts.ev_2024_a PARTITION OF parts.ev_2024 FOR VALUES IN (1);
CREATE TABLE parts.ev_2024_b (id int NOT NULL, at date NOT NULL, kind text, gone boolean);
ALTER TABLE parts.ev_2024_b DROP COLUMN gone;
ALTER TABLE parts.ev_2024 ATTACH PARTITION parts.ev_2024_b FOR VALUES IN (2);
CREATE INDEX ev_kind ON ev (kind);
CREATE INDEX ev_2024_a_own ON parts.ev_2024_a (at);
COMMENT ON INDEX parts.ev_2024_a_own IS 'comment on a partition index';
COMMENT ON TABLE parts.ev_2024_a IS 'leaf partition';
GRANT SELECT ON parts.ev_2024_a TO edge_reader;
CREATE TRIGGER ev_trg AFTER INSERT ON ev FOR EACH ROW EXECUTE PROCEDURE noop();
-- The same partition and index names in another schema.
CREATE TABLE other.ev (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE other.ev_2024 PARTITION OF other.ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_kind2 ON other.ev (id);
-- Partitions whose names differ only by a line break: pg_dump's headers show both with a
-- space, so only the ATTACH statements tell them apart.
CREATE TABLE lines (id int, k int, PRIMARY KEY (id, k)) PARTITION BY LIST (k);
CREATE TABLE "lines x
y" PARTITION OF lines FOR VALUES IN (1);
CREATE TABLE "lines x y" PARTITION OF lines FOR VALUES IN (2);
CREATE INDEX "lines k
idx" ON lines (k);
"""), (120000, """
CREATE TABLE ev_ref (id int, at date, FOREIGN KEY (id, at) REFERENCES ev (id, at));
CREATE TABLE pev (id int, at date, FOREIGN KEY (id, at) REFERENCES ev (id, at))
  PARTITION BY HASH (id);
CREATE TABLE other.pev_0 PARTITION OF pev FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE other.pev_1 PARTITION OF pev FOR VALUES WITH (MODULUS 2, REMAINDER 1);
"""), (140000, """
-- Dependency loops through functions whose bodies pg_dump sees (BEGIN ATOMIC): it writes
-- the check, the default and the view's query apart, with -t as in a whole dump.
CREATE TABLE looped (id int PRIMARY KEY, v int);
CREATE FUNCTION looped_count() RETURNS bigint LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT count(*) FROM public.looped; END;
ALTER TABLE looped ADD CONSTRAINT looped_chk CHECK (looped_count() >= 0);
CREATE TABLE looped_def (id int PRIMARY KEY, v int);
CREATE FUNCTION looped_def_max() RETURNS int LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT max(v) FROM public.looped_def; END;
ALTER TABLE looped_def ALTER COLUMN v SET DEFAULT looped_def_max();
CREATE VIEW loopv AS SELECT 1 AS x;
CREATE FUNCTION loopv_f() RETURNS bigint LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT count(*) FROM public.loopv; END;
CREATE OR REPLACE VIEW loopv AS SELECT 1 AS x, loopv_f() AS y;
"""), (150000, """
CREATE PUBLICATION pub_schema FOR TABLES IN SCHEMA other;
""")]

SEPARATE = "partitions: separate\n"


def edge_sql(server_version: int) -> str:
    return "\n".join(sql for since, sql in EDGE_SQL if server_version >= since)


@pytest.fixture(scope="session")
def edge_db(pg: ThrowawayPostgres) -> Iterator[str]:
    """A read-only database loaded from EDGE_SQL (as much as the server supports)."""
    name = f"s_edge_{uuid.uuid4().hex[:8]}"
    pg.create_database(name)
    pg.psql(edge_sql(pg.version_num), name)
    yield name
    pg.drop_database(name)


def sync_both_ways(folder: Path, config: str | None = None) -> tuple[Path, Path]:
    """`pgdoc sync` into folder/one, `pgdoc sync --per-table -j 2` into folder/per-table."""
    args = []
    if config is not None:
        (folder / "pgdoc.yaml").write_text(config, encoding="utf-8")
        args = ["-c", str(folder / "pgdoc.yaml")]
    one, per_table = folder / "one", folder / "per-table"
    assert main(["sync", "-q", *args, "-o", str(one)]) == 0
    assert main(["sync", "-q", "--per-table", "-j", "2", *args, "-o", str(per_table)]) == 0
    return one, per_table


def _names(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_identical(one: Path, per_table: Path) -> None:
    names = _names(one)
    assert names == _names(per_table)
    assert any(n.endswith(".sql") for n in names)
    differ = [n for n in names if (one / n).read_bytes() != (per_table / n).read_bytes()]
    if differ:
        first = differ[0]
        diff = difflib.unified_diff(
            (per_table / first).read_text(encoding="utf-8").splitlines(),
            (one / first).read_text(encoding="utf-8").splitlines(),
            "per-table/" + first, "one-dump/" + first, lineterm="", n=2)
        shown = "\n".join(list(diff)[:80])
        pytest.fail(f"{len(differ)} of {len(names)} files differ: {differ[:10]}\n{shown}")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's folder, also the working directory (so no ./pgdoc.yaml is picked up)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- the default layout: partitions folded into their root's file ---------------------------

@pytest.mark.parametrize("schema", ["awkward", "demo", "edge"])
def test_one_dump_equals_per_table(
    request: pytest.FixtureRequest, use_db: Callable[[str], dict[str, str]], in_tmp: Path,
    schema: str,
) -> None:
    use_db(request.getfixturevalue(f"{schema}_db"))
    assert_identical(*sync_both_ways(in_tmp))


@pytest.mark.parametrize("schema", ["pagila", "postgrest", "synapse"])
def test_one_dump_equals_per_table_on_real_schemas(
    real_db: Callable[[str], str], use_db: Callable[[str], dict[str, str]], in_tmp: Path,
    schema: str,
) -> None:
    use_db(real_db(schema))
    assert_identical(*sync_both_ways(in_tmp))


@pytest.mark.slow
def test_one_dump_equals_per_table_on_gitlab(
    real_db: Callable[[str], str], use_db: Callable[[str], dict[str, str]], in_tmp: Path,
) -> None:
    """1,401 tables, 432 partitions in another schema than their parents: about two minutes
    for the per-table side with two jobs."""
    use_db(real_db("gitlab"))
    assert_identical(*sync_both_ways(in_tmp))


# -- partitions: separate (each partition its own file) -------------------------------------

@pytest.mark.parametrize("schema", ["awkward", "edge"])
def test_separate_partitions_one_dump_equals_per_table(
    request: pytest.FixtureRequest, use_db: Callable[[str], dict[str, str]], in_tmp: Path,
    schema: str,
) -> None:
    use_db(request.getfixturevalue(f"{schema}_db"))
    assert_identical(*sync_both_ways(in_tmp, SEPARATE))


def test_separate_partitions_one_dump_equals_per_table_on_pagila(
    real_db: Callable[[str], str], use_db: Callable[[str], dict[str, str]], in_tmp: Path,
) -> None:
    use_db(real_db("pagila"))
    assert_identical(*sync_both_ways(in_tmp, SEPARATE))


# -- a newer server, with its own pg_dump -----------------------------------------------------

@pytest.mark.parametrize("config", ["", SEPARATE], ids=["fold", "separate"])
def test_one_dump_equals_per_table_on_pg18(
    pg18: ThrowawayPostgres, monkeypatch: pytest.MonkeyPatch, in_tmp: Path, config: str,
) -> None:
    name = f"e_{uuid.uuid4().hex[:10]}"
    pg18.create_database(name)
    try:
        pg18.psql(edge_sql(pg18.version_num), name)
        pg18.psql_file(Path(__file__).parent / "sql/awkward.sql", name)
        for key, value in pg18.env(name).items():
            monkeypatch.setenv(key, value)
        for key in ("PGPASSWORD", "PGSERVICE", "PGHOSTADDR", "PGSERVICEFILE", "PGPASSFILE"):
            monkeypatch.delenv(key, raising=False)
        assert_identical(*sync_both_ways(in_tmp, f"pg_bin_dir: {pg18.bindir}\n{config}"))
    finally:
        pg18.drop_database(name)


@pytest.mark.parametrize("schema", ["edge", "awkward"])
def test_named_refreshes_equal_the_whole_dump(
    request: pytest.FixtureRequest, use_db: Callable[[str], dict[str, str]], in_tmp: Path,
    schema: str,
) -> None:
    """`pgdoc sync TABLE...` a few tables at a time (one pg_dump -t for them) writes the same
    bytes as the whole dump, for every table."""
    import json

    use_db(request.getfixturevalue(f"{schema}_db"))
    whole, named = in_tmp / "whole", in_tmp / "named"
    assert main(["sync", "-q", "-o", str(whole)]) == 0
    listed = json.loads(_stdout(["list", "--json", "-o", str(whole)]))
    names = [t["name"] for t in listed["tables"] if t.get("status") != "orphaned"]
    for at in range(0, len(names), 4):
        assert main(["sync", "-q", "-o", str(named), *names[at:at + 4]]) == 0
    for path in whole.glob("*.sql"):
        assert (named / path.name).read_bytes() == path.read_bytes(), path.name


def _stdout(args: list[str]) -> str:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(args) == 0
    return buf.getvalue()
