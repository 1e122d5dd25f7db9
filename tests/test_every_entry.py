"""Entries in = entries out: every entry of pg_dump's archive stands verbatim in exactly one
file that `pgdoc sync` wrote, but the session preamble, the database's own entries and (by
default) grants; on rich schemas, PostgreSQL's own regression-suite objects among them."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pgdoc.config import Config
from pgdoc.docs.objects import defn_of
from pgdoc.docs.split import GRANTS, PG_CLASS, PG_REWRITE, PREAMBLE, entry_text
from pgdoc.postgres.archive import Entry, read_archive
from pgdoc.postgres.tools import PgTools
from tests.helpers import run


def _archive() -> list[Entry]:
    tools = PgTools.from_config(Config())
    raw = subprocess.run([tools.tool("pg_dump"), "--schema-only", "--format=custom"],
                         capture_output=True, check=True).stdout
    return read_archive(raw).entries


def _check_every_entry(folder: Path, entries: list[Entry], grants: bool = False) -> None:
    files = {str(p.relative_to(folder)): p.read_text(encoding="utf-8", errors="surrogateescape")
             for p in folder.rglob("*.sql")}
    views = {e.oid for e in entries if e.desc == "VIEW" and e.tableoid == PG_CLASS}
    missing, twice = [], []
    for e in entries:
        if e.desc in PREAMBLE or (e.desc in GRANTS and not grants):
            continue
        text = entry_text(e.__class__(**{**_fields(e), "defn": defn_of(e)}))
        if e.desc in ("VIEW", "RULE") and (e.oid in views or e.tableoid == PG_REWRITE):
            # A split view's placeholder and _RETURN rule become one CREATE VIEW: its
            # heading stands once, its text is checked by the equivalence tests.
            text = text.split("\n\n", 1)[0]
            if e.desc == "RULE" and not any(text in t for t in files.values()):
                continue  # merged into its view
        where = [name for name, t in files.items() if text in t]
        if not where:
            missing.append(f"{e.desc} {e.tag}")
        elif len(where) > 1 and not all(w.startswith(("objects/", "functions/"))
                                        for w in where):
            twice.append((f"{e.desc} {e.tag}", where))
    assert not missing, missing[:10]
    assert not twice, twice[:10]


def _fields(e: Entry) -> dict[str, object]:
    return {name: getattr(e, name) for name in e.__slots__}  # type: ignore[attr-defined]


@pytest.mark.parametrize("schema", ["regress", "demo", "awkward"])
def test_every_entry_is_in_exactly_one_file(
    request: pytest.FixtureRequest, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, schema: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    use_db(request.getfixturevalue(f"{schema}_db"))
    out = tmp_path / "docs"
    code, _, err = run(capsys, "sync", "-q", "-o", str(out))
    assert code == 0, err
    _check_every_entry(out, _archive())


@pytest.mark.parametrize("schema", ["pagila", "postgrest"])
def test_every_entry_of_real_schemas_is_in_exactly_one_file(
    real_db: Callable[[str], str], use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, schema: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    use_db(real_db(schema))
    out = tmp_path / "docs"
    assert run(capsys, "sync", "-q", "--grants", "-o", str(out))[0] == 0
    _check_every_entry(out, _archive(), grants=True)


def test_regression_objects_read_the_same_every_way(
    regress_db: str, use_db: Callable[[str], dict[str, str]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole dump and the per-table reference give the same bytes on the regression
    suite's objects (typed tables, inheritance, partitions of partitions, rules, ...)."""
    from tests.test_equivalence import assert_identical

    monkeypatch.chdir(tmp_path)
    use_db(regress_db)
    one, per = tmp_path / "one", tmp_path / "per"
    assert run(capsys, "sync", "-q", "-o", str(one))[0] == 0
    assert run(capsys, "sync", "-q", "--per-table", "-o", str(per))[0] == 0
    assert_identical(one, per)
