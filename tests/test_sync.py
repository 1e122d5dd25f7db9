"""`pgdoc sync` end to end against a real throwaway PostgreSQL."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs.overview import render_overview
from pgdoc.folder.markers import TXT_MARKER
from pgdoc.folder.plan import Plan, apply, plan
from pgdoc.postgres.tools import PgTools
from pgdoc.read import collect
from tests.helpers import run, snapshot

pytestmark = pytest.mark.usefixtures("pg")


def _tables(pg: ThrowawayPostgres, dbname: str) -> list[tuple[str, str, str]]:
    """(schema, name, pg_dump's quoted qualified name) of every ordinary/partitioned table."""
    out = pg.psql(
        "SELECT json_agg(json_build_array(n.nspname, c.relname, format('%I.%I', n.nspname, "
        "c.relname))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%'",
        dbname, args=["-At"],
    )
    import json

    return [tuple(t) for t in json.loads(out)]


def _files_creating(texts: dict[str, str], qualified: str) -> list[str]:
    """The files (name -> text) holding the CREATE TABLE of `qualified`."""
    pattern = re.compile(r"^CREATE (?:UNLOGGED )?TABLE " + re.escape(qualified) + r"(?: |$)",
                         re.MULTILINE)
    return [name for name, text in texts.items() if pattern.search(text)]


def test_awkward_names_every_table_in_exactly_one_safe_file(
    pg: ThrowawayPostgres, awkward_db: str, use_db, tmp_path: Path, capsys
) -> None:
    use_db(awkward_db)
    out_dir = tmp_path / "repo" / "docs" / "schemas"
    code, _out, err = run(capsys, "sync", "-o", str(out_dir))
    assert code == 0, err
    assert "Traceback" not in err
    # Nothing was written outside the output folder.
    assert sorted(p.name for p in (tmp_path / "repo").iterdir()) == ["docs"]
    assert sorted(p.name for p in (tmp_path / "repo" / "docs").iterdir()) == ["schemas"]
    files = sorted(p.name for p in out_dir.iterdir())
    # Paths are safe: one component, printable ASCII, short, distinct under case folding
    # and Unicode normalisation.
    for name in files:
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert name.isascii() and name.isprintable(), name
        assert len(name.encode()) < 255
    folded = [unicodedata.normalize("NFKC", n).casefold() for n in files]
    assert len(set(folded)) == len(folded)
    # Every table's CREATE TABLE stands in exactly one file.
    tables = _tables(pg, awkward_db)
    assert len(tables) > 40
    texts = {p.name: p.read_text() for p in out_dir.glob("*.sql")}
    for schema, name, qualified in tables:
        hits = _files_creating(texts, qualified)
        assert len(hits) == 1, (schema, name, hits)
    # A lower-case public table is exactly <name>.sql.
    assert "users.sql" in files
    assert "CREATE TABLE public.users (" in (out_dir / "users.sql").read_text()


def test_no_schema_change_writes_nothing(awkward_db: str, use_db, tmp_path: Path, capsys) -> None:
    use_db(awkward_db)
    code, _, err = run(capsys, "sync", "-o", str(tmp_path))
    assert code == 0, err
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "sync", "-o", str(tmp_path))
    assert code == 0, err
    assert "nothing written" in out
    assert snapshot(tmp_path) == before
    # Refreshing one named table with no change writes nothing either.
    code, out, err = run(capsys, "sync", "users", "-o", str(tmp_path))
    assert code == 0, err
    assert snapshot(tmp_path) == before


def test_dropped_table_is_orphaned_and_new_table_is_marked(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE legacy_sessions (id int);", db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    pg.psql("DROP TABLE legacy_sessions; CREATE TABLE survey_notes (id int, body text);", db)
    code, out, err = run(capsys, "sync", "-o", str(tmp_path))
    assert code == 0, err
    assert "Found 2 tables (+1 new, 0 changed, 1 orphaned)" in out
    assert "+ survey_notes" in out
    assert "⚠ legacy_sessions" in out
    assert (tmp_path / "legacy_sessions.sql").exists()  # kept unless --prune
    index = (tmp_path / "_index.md").read_text()
    assert re.search(r"^\| \S+ \| \[`legacy_sessions.sql`\]", index, re.MULTILINE)
    assert re.search(r"^\| \S+ \| \[`survey_notes`\]\(survey_notes.sql\)", index, re.MULTILINE)
    assert re.search(r"^\| \S+ \| \[`users`\]\(users.sql\)", index, re.MULTILINE)
    assert (tmp_path / "_table_list.txt").read_text() == f"{TXT_MARKER}\nsurvey_notes\nusers\n"
    # --prune deletes the orphan.
    code, out, err = run(capsys, "sync", "--prune", "-o", str(tmp_path))
    assert code == 0, err
    assert not (tmp_path / "legacy_sessions.sql").exists()
    assert "legacy_sessions" not in (tmp_path / "_index.md").read_text()


def test_changed_table_is_reported_and_rewritten(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE teams (id int);", db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    teams_before = snapshot(tmp_path)["teams.sql"]
    pg.psql("ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT ''", db)
    code, out, _ = run(capsys, "sync", "-o", str(tmp_path))
    assert code == 0
    assert "(+0 new, 1 changed, 0 orphaned)" in out and "~ users" in out
    assert "email" in (tmp_path / "users.sql").read_text()
    assert snapshot(tmp_path)["teams.sql"] == teams_before
    # The index no longer marks the tables of the first sync as new.
    assert "| + |" not in (tmp_path / "_index.md").read_text()


def test_sync_named_tables_only_touches_those(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql("CREATE SCHEMA billing; CREATE TABLE users (id int); CREATE TABLE billing.invoices "
            "(id int); CREATE TABLE other (id int);", db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    pg.psql("ALTER TABLE users ADD COLUMN a int; ALTER TABLE billing.invoices ADD COLUMN b int;"
            "ALTER TABLE other ADD COLUMN c int;", db)
    code, _out, err = run(capsys, "sync", "users", "billing.invoices", "-o", str(tmp_path))
    assert code == 0, err
    assert " a " in (tmp_path / "users.sql").read_text()
    assert " b " in (tmp_path / "billing.invoices.sql").read_text()
    assert " c " not in (tmp_path / "other.sql").read_text()


def test_unknown_table_name_fails_cleanly(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql("CREATE TABLE users (id int)", db)
    code, _out, err = run(capsys, "sync", "nosuchtable", "-o", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and "nosuchtable" in err and "pgdoc list" in err
    assert "Traceback" not in err
    assert not any(tmp_path.iterdir())


def test_closed_port_fails_without_traceback_or_changes(
    awkward_db: str, use_db, tmp_path: Path, capsys, monkeypatch
) -> None:
    use_db(awkward_db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    before = snapshot(tmp_path)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends
    monkeypatch.setenv("PGHOST", "127.0.0.1")
    monkeypatch.setenv("PGPORT", str(port))
    code, _out, err = run(capsys, "sync", "-o", str(tmp_path))
    assert code == 3
    assert "Traceback" not in err
    assert err.startswith("pgdoc: error: cannot connect to") and err.count("\n") == 1
    assert snapshot(tmp_path) == before


def test_missing_pg_dump_is_one_clear_line(
    demo_db: str, use_db, tmp_path: Path, capsys
) -> None:
    use_db(demo_db)
    config = tmp_path / "pgdoc.yaml"
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    config.write_text(f"pg_bin_dir: {empty_bin}\n")
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(tmp_path / "out"))
    assert code == 3
    assert "not found in pg_bin_dir" in err and "Traceback" not in err


def test_demo_schema_users_file(demo_db: str, use_db, tmp_path: Path, capsys) -> None:
    use_db(demo_db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    users = (tmp_path / "users.sql").read_text()
    assert users.startswith("-- Generated by pgdoc")
    assert "'owner', 'admin', 'member', 'viewer'" in users
    assert "Referenced by:" in users and "survey_notes(author_id)" in users
    assert "\\restrict" not in users and "Dumped by" not in users
    events = (tmp_path / "events.sql").read_text()
    assert "Partition key: RANGE (created_at)" in events
    assert "FOR VALUES FROM" in events
    # Partitions are folded into their parent: no file of their own.
    assert not [p for p in tmp_path.glob("events_*.sql")]
    assert (tmp_path / "billing.invoices.sql").exists()


def test_output_is_identical_across_folders_and_runs(
    demo_db: str, use_db, tmp_path: Path, capsys
) -> None:
    use_db(demo_db)
    a, b = tmp_path / "a", tmp_path / "b"
    assert run(capsys, "sync", "-o", str(a))[0] == 0
    assert run(capsys, "sync", "-o", str(b))[0] == 0
    files_a = {k: v[0] for k, v in snapshot(a).items()}
    files_b = {k: v[0] for k, v in snapshot(b).items()}
    assert files_a == files_b


def test_second_sync_waits_for_the_lock_then_gives_up(
    demo_db: str, use_db, tmp_path: Path, capsys, monkeypatch
) -> None:
    import fcntl

    from pgdoc.folder import writer

    use_db(demo_db)
    tmp_path.mkdir(exist_ok=True)
    monkeypatch.setattr(writer, "LOCK_WAIT_SECONDS", 0.5)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a concurrent sync holds the folder
        code, _, err = run(capsys, "sync", "-o", str(tmp_path))
    finally:
        os.close(fd)
    assert code == 3
    assert "another pgdoc run holds" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())


def test_list_shows_statuses_without_writing(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql("CREATE TABLE users (id int); CREATE TABLE gone (id int);", db)
    assert run(capsys, "sync", "-o", str(tmp_path))[0] == 0
    pg.psql("DROP TABLE gone; CREATE TABLE fresh (id int);", db)
    before = snapshot(tmp_path)
    code, out, _ = run(capsys, "list", "-o", str(tmp_path))
    assert code == 0
    assert re.search(r"^\+ fresh\s+table$", out, re.MULTILINE)
    assert re.search(r"^✓ users\s+table$", out, re.MULTILINE)
    assert re.search(r"^⚠ gone.sql", out, re.MULTILINE)
    assert snapshot(tmp_path) == before


def test_real_fixtures_every_table_documented_once(
    pg: ThrowawayPostgres, real_db, use_db, tmp_path: Path, capsys
) -> None:
    for name in ("pagila", "synapse", "postgrest", "gitlab"):
        dbname = real_db(name)
        use_db(dbname)
        out_dir = tmp_path / name
        code, _out, err = run(capsys, "sync", "-o", str(out_dir))
        assert code == 0, err
        text = {p.name: p.read_text() for p in out_dir.glob("*.sql")}
        for schema, table, qualified in _tables(pg, dbname):
            hits = _files_creating(text, qualified)
            assert len(hits) == 1, (name, schema, table, hits)


def test_schemas_setting_keeps_partitions_in_other_schemas_only_for_selected_tables(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path, capsys
) -> None:
    pg.psql(
        "CREATE SCHEMA app; CREATE SCHEMA parts; CREATE SCHEMA other;"
        "CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at);"
        "CREATE TABLE parts.events_2024 PARTITION OF app.events"
        "  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
        "CREATE TABLE other.logs (id int, at date) PARTITION BY RANGE (at);"
        "CREATE TABLE parts.logs_2024 PARTITION OF other.logs"
        "  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
        db,
    )
    config = tmp_path / "pgdoc.yaml"
    config.write_text("schemas: [app]\n")
    one, per = tmp_path / "one", tmp_path / "per"
    assert run(capsys, "sync", "-c", str(config), "-o", str(one))[0] == 0
    assert run(capsys, "sync", "-c", str(config), "--per-table", "-o", str(per))[0] == 0
    assert sorted(p.name for p in one.glob("*.sql")) == ["app.events.sql"]
    events = (one / "app.events.sql").read_text()
    assert "CREATE TABLE parts.events_2024" in events
    assert "logs" not in events
    assert {k: v[0] for k, v in snapshot(one).items()} == {
        k: v[0] for k, v in snapshot(per).items()}


def test_failed_first_sync_leaves_no_empty_folder(
    pg_env, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("PGHOST", "127.0.0.1")
    monkeypatch.setenv("PGPORT", "1")  # nothing listens there
    code, _, err = run(capsys, "sync", "-o", str(tmp_path / "docs" / "schemas"))
    assert code == 3 and "Traceback" not in err
    assert not (tmp_path / "docs").exists()


def test_overview_rendered_while_dumping_or_on_demand_is_the_same(
    pg: ThrowawayPostgres, db: str, pg_env, tmp_path: Path
) -> None:
    """A sync that will surely write (new files) renders the overview while pg_dump runs;
    one that may not (only table contents changed) renders it once it knows. Both give
    exactly what rendering the folder's table files from scratch gives."""
    pg.psql("CREATE TABLE users (id int PRIMARY KEY);"
            "CREATE TABLE teams (id int, owner int REFERENCES users);", db)
    cfg = Config(output=tmp_path)
    tools = PgTools.from_config(cfg)

    def assert_overview_matches_table_files(p: Plan) -> None:
        assert p.docs.view is not None
        table_files = {f.name: f.read_text() for f in tmp_path.glob("*.sql")}
        expected = render_overview(p.docs.catalog, p.docs.view.rows, table_files,
                                   cfg.erd_max_tables, cfg.title, p.docs.view.pg_dump_major)
        assert {n: (tmp_path / n).read_text() for n in expected} == expected

    docs = collect(cfg, tools, folder=tmp_path)
    assert docs.view is not None and docs.view.overview is not None
    first = plan(docs, tmp_path)
    apply(first, tmp_path)
    assert_overview_matches_table_files(first)

    pg.psql("ALTER TABLE users ADD COLUMN email text", db)
    docs = collect(cfg, tools, folder=tmp_path)
    assert docs.view is not None and docs.view.overview is None
    second = plan(docs, tmp_path)
    assert [r.name for r in second.changed] == ["users"]
    apply(second, tmp_path)
    assert_overview_matches_table_files(second)

    # Nothing changed: nothing rendered, nothing to write.
    docs = collect(cfg, tools, folder=tmp_path)
    assert docs.view is not None and docs.view.overview is None
    assert not plan(docs, tmp_path).has_changes


def test_keys_partitions_declare_are_shown_in_their_roots_file(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path, capsys
) -> None:
    """pagila's way: the partitions of `payment` each declare the foreign key. With
    partitions folded, their DDL is in payment.sql, and so are their keys: in its header,
    in the header of the table they reference, in the index and in the diagrams."""
    pg.psql("CREATE TABLE customer (id int PRIMARY KEY);"
            "CREATE TABLE payment (id int, customer_id int NOT NULL, at date NOT NULL)"
            "  PARTITION BY RANGE (at);"
            "CREATE TABLE payment_a PARTITION OF payment FOR VALUES FROM ('2020-01-01') "
            "  TO ('2021-01-01');"
            "CREATE TABLE payment_b PARTITION OF payment FOR VALUES FROM ('2021-01-01') "
            "  TO ('2022-01-01');"
            "ALTER TABLE payment_a ADD CONSTRAINT payment_a_customer_fkey FOREIGN KEY "
            "  (customer_id) REFERENCES customer;"
            "ALTER TABLE payment_b ADD CONSTRAINT payment_b_customer_fkey FOREIGN KEY "
            "  (customer_id) REFERENCES customer;", db)
    out = tmp_path / "docs"
    assert run(capsys, "sync", "-o", str(out))[0] == 0
    payment = (out / "payment.sql").read_text()
    assert ("--   (customer_id) -> public.customer(id)  [payment_a_customer_fkey on partition "
            "public.payment_a]\n") in payment
    assert "[payment_b_customer_fkey on partition public.payment_b]" in payment
    customer = (out / "customer.sql").read_text()
    assert ("--   public.payment(customer_id) -> (id)  [payment_a_customer_fkey on partition "
            "public.payment_a]\n") in customer
    index = (out / "_index.md").read_text()
    assert "no foreign key either way" not in index
    assert index.count('t_payment }o--|| t_customer : "customer_id"') == 1  # one line drawn
    schema = json.loads((out / "schema.json").read_text())
    tables = {t["name"]: t for t in schema["tables"]}
    assert [fk["name"] for fk in tables["payment"]["foreign_keys"]] == [
        "payment_a_customer_fkey", "payment_b_customer_fkey"]
    assert {r["table"] for r in tables["customer"]["referenced_by"]} == {"payment"}

    # A refresh after one partition's key goes writes what a first sync does.
    pg.psql("ALTER TABLE payment_b DROP CONSTRAINT payment_b_customer_fkey", db)
    assert run(capsys, "sync", "-o", str(out))[0] == 0
    fresh = tmp_path / "fresh"
    assert run(capsys, "sync", "--full", "-o", str(fresh))[0] == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {
        p.name: p.read_bytes() for p in fresh.iterdir()}
    assert "payment_b_customer_fkey" not in (out / "customer.sql").read_text()

    # Partitions each in their own file: each shows its own key, as before.
    config = tmp_path / "separate.yaml"
    config.write_text("partitions: separate\n")
    apart = tmp_path / "apart"
    assert run(capsys, "sync", "-c", str(config), "-o", str(apart))[0] == 0
    assert "[payment_a_customer_fkey]\n" in (apart / "payment_a.sql").read_text()
    assert "References:" not in (apart / "payment.sql").read_text()
    assert "--   public.payment_a(customer_id) -> (id)  [payment_a_customer_fkey]\n" in (
        apart / "customer.sql").read_text()


def test_a_sync_leaves_no_catalog_in_reference_cycles(
    awkward_db: str, use_db, tmp_path: Path, capsys
) -> None:
    """A run freezes what the dump's read made (see pgdoc.read.gc_paused): garbage in
    cycles then stays until the process ends. None of the catalog's objects may be in one
    (a recursive closure over the catalog kept a whole copy of it alive per header)."""
    import gc

    from pgdoc.model import Catalog, Column, Relation

    use_db(awkward_db)
    was = gc.isenabled()
    gc.unfreeze()  # what earlier tests' runs froze, and their garbage, out of the way
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        code, _out, err = run(capsys, "sync", "-o", str(tmp_path / "docs"))
        gc.unfreeze()  # what the run froze is looked at too
        gc.collect()
        cyclic = [o for o in gc.garbage if isinstance(o, (Catalog, Relation, Column))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert code == 0, err
    assert cyclic == []
