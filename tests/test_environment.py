"""The same schema gives the same bytes on every machine: no owners, grants, database names or
connection details of one environment in any file; the pg_dump major is recorded and a
difference is named."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pgdoc.config import Config
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.postgres.tools import PgTools
from tests.conftest import DEMO_SQL
from tests.helpers import run


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def two_environments(pg: ThrowawayPostgres) -> Iterator[tuple[str, str]]:
    """The demo schema twice: in `demo_<x>` loaded by the superuser, and in `ci_<y>` loaded
    by another role, whose objects it owns, granting to other roles."""
    first, second = f"demo_{uuid.uuid4().hex[:6]}", f"ci_{uuid.uuid4().hex[:6]}"
    owner = f"own_{uuid.uuid4().hex[:6]}"
    pg.psql(f"CREATE ROLE {owner} LOGIN CREATEROLE; "
            "DO $$ BEGIN CREATE ROLE app_readonly NOLOGIN; EXCEPTION WHEN duplicate_object "
            "THEN NULL; END $$;")
    pg.create_database(first, DEMO_SQL)
    pg.psql(f"CREATE DATABASE {second} OWNER {owner}")
    sql = DEMO_SQL.read_text(encoding="utf-8")
    pg.psql(f"SET ROLE {owner};\n{sql}\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO "
            f"PUBLIC;", second)
    yield first, second
    pg.drop_database(first)
    pg.drop_database(second)
    pg.psql(f"DROP ROLE IF EXISTS {owner}")


def test_two_environments_write_the_same_bytes(
    two_environments: tuple[str, str], use_db: Callable[[str], dict[str, str]],
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    first, second = two_environments
    folders = []
    for db in (first, second):
        use_db(db)
        out = tmp_path / db
        code, _, err = run(capsys, "sync", "-q", "-o", str(out))
        assert code == 0, err
        folders.append(out)
    a, b = (_files(f) for f in folders)
    assert a.keys() == b.keys()
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, differ
    text = b"".join(a.values()).decode("utf-8")
    for fact in (first, second, "OWNER TO", "Owner:", "GRANT ", "REVOKE ", "127.0.0.1",
                 "postgres"):
        assert fact not in text, fact
    assert "# Database schema" in (folders[0] / "_index.md").read_text(encoding="utf-8")


def test_owners_and_grants_come_back_when_asked(
    demo_db: str, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    use_db(demo_db)
    plain, owned, granted = tmp_path / "plain", tmp_path / "owned", tmp_path / "granted"
    assert run(capsys, "sync", "-q", "-o", str(plain))[0] == 0
    assert run(capsys, "sync", "-q", "--owners", "-o", str(owned))[0] == 0
    (tmp_path / "pgdoc.yaml").write_text("grants: true\ntitle: Survey app\n", encoding="utf-8")
    assert run(capsys, "sync", "-q", "-c", str(tmp_path / "pgdoc.yaml"), "-o",
               str(granted))[0] == 0
    users = {f: (f / "users.sql").read_text(encoding="utf-8") for f in (plain, owned, granted)}
    assert "OWNER TO" not in users[plain] and "GRANT " not in users[plain]
    assert "ALTER TABLE public.users OWNER TO postgres;" in users[owned]
    assert "; Owner: postgres\n" in users[owned]
    assert "GRANT SELECT ON TABLE public.users TO app_readonly;" in users[granted]
    assert "OWNER TO" not in users[granted]
    assert "# Survey app" in (granted / "_index.md").read_text(encoding="utf-8")


def test_docs_of_another_pg_dump_major_are_named(
    demo_db: str, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Docs written by another pg_dump major (here: their record says so), checked with the
    pg_dump the config pins: one line names both majors."""
    monkeypatch.chdir(tmp_path)
    use_db(demo_db)
    out = tmp_path / "docs"
    assert run(capsys, "sync", "-q", "-o", str(out))[0] == 0
    schema = out / "schema.json"
    text = schema.read_text(encoding="utf-8")
    found = re.search(r'"pg_dump_major": (\d+)', text)
    assert found is not None
    running = int(found.group(1))
    other = running + 1 if running < 18 else running - 1
    schema.write_text(text.replace(f'"pg_dump_major": {running}', f'"pg_dump_major": {other}'),
                      encoding="utf-8")
    tools = PgTools.from_config(Config())
    pinned = tmp_path / "pgdoc.yaml"
    pinned.write_text(f"pg_bin_dir: {Path(tools.tool('pg_dump')).parent}\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--full", "-c", str(pinned), "-o", str(out))
    assert code == 0, err  # the table files are the same
    assert f"docs written by pg_dump {other}, this is pg_dump {running}" in err
    assert err.count("\n") == 1


def test_the_connecting_sessions_settings_change_no_byte(
    pg: ThrowawayPostgres, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The server spells what it deparses (type and sequence names, constants in defaults,
    checks and views) by the session's search_path, TimeZone, DateStyle, IntervalStyle,
    bytea_output, extra_float_digits, lc_monetary and quote_all_identifiers, and pg_dump pins
    only some of them: a teammate whose
    role, database or environment sets others must still write the same files."""
    monkeypatch.chdir(tmp_path)
    db = f"sp_{uuid.uuid4().hex[:6]}"
    pg.create_database(db, DEMO_SQL)
    pg.psql("CREATE TABLE billing.pins (at timestamptz DEFAULT '2020-01-01 00:00:00+00', "
            "d date DEFAULT '2020-03-04', span interval DEFAULT '1 day 2 hours', "
            "raw bytea DEFAULT '\\x0102', f float8 DEFAULT 0.1 + 0.2, "
            "price money DEFAULT '12.50'::money, "
            "CHECK (at > '2019-06-01 12:00:00+00'));\n"
            "CREATE VIEW billing.pinned AS SELECT at, span FROM billing.pins "
            "WHERE at < '2030-01-01 00:00:00+00' AND span > '1 hour';", db)
    try:
        use_db(db)
        code, _, err = run(capsys, "sync", "-q", "-o", str(tmp_path / "default"))
        assert code == 0, err
        pg.psql(f"ALTER ROLE CURRENT_USER IN DATABASE {db} SET search_path = billing, \"$user\";"
                f"ALTER DATABASE {db} SET timezone = 'Asia/Tokyo';"
                f"ALTER ROLE CURRENT_USER IN DATABASE {db} SET DateStyle = 'SQL, DMY';"
                f"ALTER ROLE CURRENT_USER IN DATABASE {db} SET quote_all_identifiers = on")
        code, _, err = run(capsys, "sync", "-q", "-o", str(tmp_path / "role"))
        assert code == 0, err
        monkeypatch.setenv("PGOPTIONS", "-c search_path=pg_catalog,billing "
                           "-c IntervalStyle=sql_standard -c bytea_output=escape "
                           "-c extra_float_digits=0 -c timezone=America/New_York")
        monkeypatch.setenv("PGTZ", "Europe/Berlin")
        monkeypatch.setenv("PGDATESTYLE", "German")
        code, _, err = run(capsys, "sync", "-q", "-o", str(tmp_path / "environment"))
        assert code == 0, err
        want = _files(tmp_path / "default")
        pins = want["billing.pins.sql"].decode()
        assert "DEFAULT '2020-01-01 00:00:00+00'::timestamp with time zone" in pins
        for other in ("role", "environment"):
            got = _files(tmp_path / other)
            assert got.keys() == want.keys()
            assert [n for n in want if got[n] != want[n]] == [], other
    finally:
        pg.drop_database(db)
