"""The docs are true: text inside the schema is data, never structure, and every file's header
and DDL describe the same moment (one snapshot for the catalog query and pg_dump)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pgdoc.devserver import ThrowawayPostgres
from tests.helpers import run

# Text that imitates pg_dump's verbose headers (fresh and reused dump ids, real table oids
# filled in below) and its session lines, in every place a role can write text.
FAKE_HEADER = (
    "--\n-- TOC entry {id} (class 1259 OID {oid})\n-- Dependencies: 1\n"
    "-- Name: users; Type: ACL; Schema: public; Owner: app\n--\n\n"
    "GRANT ALL ON TABLE public.users TO PUBLIC;\n\n"
    "--\n-- TOC entry {id2} (class 1259 OID {oid})\n-- Name: victim; Type: TABLE; Schema: "
    "public; Owner: app\n--\n\nDROP TABLE public.victim;\n"
    "SET default_tablespace = x;\n-- Completed on 2026-01-01 00:00:00 UTC"
)


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_text_that_imitates_pg_dump_stays_data(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    pg.psql("CREATE TABLE users (id int PRIMARY KEY, a text, b text, c text);"
            "CREATE TABLE victim (id int);", db)
    oid = pg.psql("SELECT 'users'::regclass::oid", db, args=["-At"]).strip()
    fake = FAKE_HEADER.format(id=5, id2=3, oid=oid)  # small ids: they exist in the dump
    pg.psql(f"""
        COMMENT ON TABLE users IS {_lit(fake)};
        COMMENT ON COLUMN users.a IS {_lit(fake)};
        ALTER TABLE users ALTER COLUMN b SET DEFAULT {_lit(fake)};
        CREATE FUNCTION body() RETURNS text LANGUAGE sql AS $$ SELECT {_lit(fake)} $$;
        COMMENT ON FUNCTION body() IS {_lit(fake)};
        CREATE POLICY p ON users USING (a <> {_lit(fake)});
        COMMENT ON TABLE victim IS {_lit(fake)};
    """, db)
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-q", "-o", str(out))
    assert code == 0, err
    assert "Traceback" not in err
    users = (out / "users.sql").read_text(encoding="utf-8")
    victim = (out / "victim.sql").read_text(encoding="utf-8")
    # No planted statement became an entry: every GRANT/DROP sits inside a quoted literal.
    for text in (users, victim):
        outside = re.sub(r"'(?:[^']|'')*'", "''", text.split("\n\n--\n-- Name:", 1)[1])
        assert "GRANT ALL" not in outside and "DROP TABLE" not in outside
    # Every comment and default is whole, exactly as the catalog holds it.
    literal = _lit(fake)
    assert f"COMMENT ON TABLE public.users IS {literal};" in users
    assert f"COMMENT ON COLUMN public.users.a IS {literal};" in users
    assert f"DEFAULT {literal}::text" in users
    assert "c text\n);" in users  # the column after the default is there
    assert f"COMMENT ON TABLE public.victim IS {literal};" in victim
    assert "CREATE TABLE public.victim" in victim
    # The per-table path reads the same entries: same bytes.
    per = tmp_path / "per"
    assert run(capsys, "sync", "-q", "--per-table", "-o", str(per))[0] == 0
    for name in ("users.sql", "victim.sql"):
        assert (per / name).read_bytes() == (out / name).read_bytes()
    # And check agrees that nothing differs.
    assert run(capsys, "check", "-q", "-o", str(out))[0] == 0


def _header_and_ddl_agree(text: str) -> None:
    header, _, ddl = text.partition("\n\n--\n-- Name:")
    desc = re.search(r"^-- Description: (.*)$", header, re.M)
    comment = re.search(r"COMMENT ON TABLE public\.t IS '(.*)';", ddl)
    assert (desc.group(1) if desc else None) == (comment.group(1) if comment else None), text
    hdefault = re.search(r"^--   v +integer +NULL +DEFAULT (\d+)$", header, re.M)
    ddefault = re.search(r"    v integer DEFAULT (\d+)", ddl)
    assert (hdefault.group(1) if hdefault else None) == \
        (ddefault.group(1) if ddefault else None), text


def test_header_and_ddl_describe_the_same_moment_while_ddl_runs(
    pg: ThrowawayPostgres, db: str, pg_env: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    pg.psql("CREATE TABLE t (id int, v integer DEFAULT 0);"
            "COMMENT ON TABLE t IS 'c0';", db)
    # Some bulk, so that pg_dump takes a while after the catalog was read.
    pg.psql("DO $$ BEGIN FOR i IN 1..150 LOOP EXECUTE format("
            "'CREATE TABLE bulk_%s (id int PRIMARY KEY, x text DEFAULT ''y'')', i); END LOOP;"
            " END $$;", db)
    stop = threading.Event()

    def migrate() -> None:
        i = 0
        while not stop.is_set():
            i += 1
            pg.psql(f"ALTER TABLE t ALTER COLUMN v SET DEFAULT {i}; "
                    f"COMMENT ON TABLE t IS 'c{i}';", db)

    worker = threading.Thread(target=migrate, daemon=True)
    worker.start()
    try:
        for n in range(10):
            out = tmp_path / f"o{n}"
            code, _, err = run(capsys, "sync", "-q", "-o", str(out))
            assert code == 0, err
            _header_and_ddl_agree((out / "t.sql").read_text(encoding="utf-8"))
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=30)


def test_a_named_refresh_reads_like_the_whole_dump(
    demo_db: str, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`pgdoc sync TABLE` (one pg_dump -t for the named tables) writes the same bytes as the
    whole dump: the split view `survey_stats` and a partitioned table among them."""
    monkeypatch.chdir(tmp_path)
    use_db(demo_db)
    whole, named = tmp_path / "whole", tmp_path / "named"
    assert run(capsys, "sync", "-q", "-o", str(whole))[0] == 0
    names = ["survey_stats", "events", "users", "billing.invoices"]
    assert run(capsys, "sync", "-q", "-o", str(named), *names)[0] == 0
    for name in ("survey_stats.sql", "events.sql", "users.sql", "billing.invoices.sql"):
        assert (named / name).read_bytes() == (whole / name).read_bytes(), name
