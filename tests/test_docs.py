"""What the docs must show, checked against the real throwaway PostgreSQL: on the awkward
test schema, the demo schema, and pagila and postgrest from ../shared/fixtures/real.

Each database is documented once per module (`pgdoc sync` in-process); the facts are
compared with what the server's own catalog says, queried independently here.

Optional: PGDOC_MERMAID_DIR=<folder with node_modules/mermaid and node_modules/jsdom>
also parses every diagram with Mermaid itself (needs `node`), e.g.
    cd /tmp/mm && npm install mermaid jsdom
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from pgdoc.cli import main
from pgdoc.devserver import ThrowawayPostgres
from pgdoc.docs import schema_json
from pgdoc.docs.erd import erd_filename
from pgdoc.docs.render import comment_lines
from pgdoc.docs.schema_json import FORMAT
from pgdoc.folder.naming import table_filename
from pgdoc.text import one_line
from tests.conftest import _FOREIGN_PG_ENV, AWKWARD_SQL, DEMO_SQL, SHARED_FIXTURES, SchemaLoader
from tests.helpers import snapshot
from tests.test_index import check_markdown_tables, check_mermaid_blocks

DATABASES = ["awkward", "demo", "pagila", "postgrest"]

# Ground truth, from the catalog directly: every relation pgdoc could document, with its
# enum columns, column comments, incoming foreign keys and partitions.
_TRUTH_SQL = r"""
SELECT json_agg(json_build_object(
  'server_version', current_setting('server_version_num')::int,
  'schema', n.nspname, 'name', c.relname, 'kind', c.relkind, 'is_partition', c.relispartition,
  'sql', CASE WHEN n.nspname = 'public' THEN format('%I', c.relname)
              ELSE format('%I.%I', n.nspname, c.relname) END,
  'qualified', format('%I.%I', n.nspname, c.relname),
  'enums', (SELECT coalesce(json_agg(json_build_array(a.attname,
              (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e
                WHERE e.enumtypid = t.oid)) ORDER BY a.attnum), '[]')
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              AND t.typtype = 'e'),
  'column_comments', (SELECT coalesce(json_agg(json_build_array(a.attname, d.description)), '[]')
            FROM pg_attribute a JOIN pg_description d ON d.classoid = 'pg_class'::regclass
              AND d.objoid = a.attrelid AND d.objsubid = a.attnum
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'referenced_by', (SELECT coalesce(json_agg(json_build_array(
              format('%I.%I', sn.nspname, s.relname), format('%I', co.conname))), '[]')
            FROM pg_constraint co JOIN pg_class s ON s.oid = co.conrelid
            JOIN pg_namespace sn ON sn.oid = s.relnamespace
            WHERE co.confrelid = c.oid AND co.contype = 'f' AND co.conparentid = 0),
  'partitions', (SELECT coalesce(json_agg(json_build_array(format('%I.%I', pn.nspname, p.relname),
              pg_get_expr(p.relpartbound, p.oid))), '[]')
            FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
            JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhparent = c.oid)
))
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype = 'e')
"""


class Documented:
    """One database documented into a folder, with the catalog's own answers beside it."""

    def __init__(self, folder: Path, truth: list[dict[str, Any]]) -> None:
        self.folder = folder
        self.truth = truth
        self.index = (folder / "_index.md").read_text(encoding="utf-8")
        self.schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))

    def relations(self, kinds: str = "rpvmf") -> list[dict[str, Any]]:
        """The relations that get a file (partitions are folded into their root)."""
        return [t for t in self.truth if t["kind"] in kinds and not t["is_partition"]]

    def file(self, rel: dict[str, Any]) -> str:
        return (self.folder / table_filename(rel["schema"], rel["name"])).read_text(
            encoding="utf-8")

    def header(self, rel: dict[str, Any]) -> list[str]:
        return self.file(rel).split("\n\n", 1)[0].split("\n")

    def find(self, schema: str, name: str) -> dict[str, Any]:
        return next(t for t in self.truth if (t["schema"], t["name"]) == (schema, name))


def _server_version(docs: Documented) -> int:
    return int(docs.truth[0]["server_version"])


def _section(header: list[str], title: str) -> list[str]:
    if f"-- {title}:" not in header:
        return []
    rows = header[header.index(f"-- {title}:") + 1:]
    return [r[len("--   "):] for r in rows[:rows.index("--")]]


@pytest.fixture(scope="module")
def documented(pg: ThrowawayPostgres, schema_loader: SchemaLoader,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Documented]]:
    """`documented("pagila")` or `documented("awkward", config="views: false\\n")`: the
    database synced once per module into a fresh folder."""
    cache: dict[tuple[str, str], Documented] = {}

    def get(name: str, config: str = "") -> Documented:
        if (name, config) in cache:
            return cache[(name, config)]
        sql = {"awkward": AWKWARD_SQL, "demo": DEMO_SQL}.get(name, SHARED_FIXTURES / f"{name}.sql")
        if not sql.is_file():
            pytest.skip(f"{sql} not present")
        dbname = schema_loader(name, sql)
        root = tmp_path_factory.mktemp(name)
        args = ["sync", "-q", "-o", str(root / "schemas")]
        if config:
            (root / "pgdoc.yaml").write_text(config, encoding="utf-8")
            args += ["-c", str(root / "pgdoc.yaml")]
        with pytest.MonkeyPatch.context() as mp:
            for key, value in pg.env(dbname).items():
                mp.setenv(key, value)
            for key in _FOREIGN_PG_ENV:
                mp.delenv(key, raising=False)
            assert main(args) == 0
        truth = json.loads(pg.psql(_TRUTH_SQL, dbname, args=["-At"]))
        cache[(name, config)] = Documented(root / "schemas", truth)
        return cache[(name, config)]

    yield get


@pytest.mark.parametrize("name", DATABASES)
def test_every_table_file_lists_enum_values_comments_and_referrers(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    checked = 0
    for rel in docs.relations():
        header = docs.header(rel)
        text = "\n".join(header)
        for column, values in rel["enums"]:
            listed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
            assert f": {one_line(listed)}" in text, (rel["qualified"], column)
        for column, comment in rel["column_comments"]:
            # A comment over several lines reads as several lines, aligned.
            first, *more = comment_lines(comment)
            assert f"  -- {first}".rstrip() in text, (rel["qualified"], column)
            for line in more:
                assert f"     {line}".rstrip() in text, (rel["qualified"], column)
        referrers = _section(header, "Referenced by")
        assert len(referrers) == len(rel["referenced_by"]), rel["qualified"]
        for source, constraint in rel["referenced_by"]:
            # A folded partition's key is shown as its root's, naming the partition.
            assert any((r.startswith(one_line(source) + "(")
                       and r.endswith(f"[{one_line(constraint)}]"))
                       or r.endswith(f"[{one_line(constraint)} on partition {one_line(source)}]")
                       for r in referrers), (rel["qualified"], source, constraint)
        checked += 1
    assert checked == len(docs.schema["tables"])


def test_users_files_answer_role_values_comments_and_referrers(
        documented: Callable[..., Documented]) -> None:
    awkward = documented("awkward")
    users = "\n".join(awkward.header(awkward.find("public", "users")))
    assert "enum user_status: 'pending', 'active', 'suspended', 'deleted'" in users
    assert "-- Lifecycle: pending -> active -> suspended -> deleted." in users
    assert "-- Secret token | never documented `verbatim`\n" in users
    assert "\n--                  (second line of the comment)\n" in users
    for referrer in ['"Mixed Schema"."Mixed Table"(user_id)', 'public."Users"("UserId")',
                     "public.measurements(user_id)", "public.orders(user_id)",
                     "sales.accounts(owner_id)", "public.user_sessions_log(user_id)"]:
        assert f"--   {referrer} -> (id)" in users
    assert "SECRET-ROW-VALUE-7f3a" not in "".join(
        p.read_text(encoding="utf-8") for p in awkward.folder.rglob("*") if p.is_file())

    demo = documented("demo")
    users = "\n".join(demo.header(demo.find("public", "users")))
    assert "enum user_role: 'owner', 'admin', 'member', 'viewer'" in users
    assert "--   public.api_keys(created_by) -> (id) ON DELETE SET NULL" in users
    if _server_version(demo) >= 150000:
        # Only team_id is set to NULL: company_id is NOT NULL and shared with the team.
        assert ("--   (company_id, team_id) -> public.teams(company_id, id) ON DELETE SET NULL "
                "(team_id)  [users_team_fk]") in users

    pagila = documented("pagila")
    info = pagila.header(pagila.find("public", "actor_info"))
    assert _section(info, "Reads from") == [
        "public.actor  (table)", "public.category  (table)", "public.film  (table)",
        "public.film_actor  (table)", "public.film_category  (table)"]
    assert _section(info, "Columns")[0] == "actor_id    integer"  # no guessed NULL
    film = "\n".join(pagila.header(pagila.find("public", "film")))
    assert "enum mpaa_rating: 'G', 'PG', 'PG-13', 'R', 'NC-17'" in film
    for referrer in ("public.film_actor(film_id)", "public.film_category(film_id)",
                     "public.inventory(film_id)"):
        assert f"--   {referrer} -> (film_id)" in film


@pytest.mark.parametrize("name", DATABASES)
def test_headers_are_nothing_but_sql_comments(documented: Callable[..., Documented],
                                              pg: ThrowawayPostgres, name: str) -> None:
    """psql runs every header, hostile names and comments included, as a no-op."""
    docs = documented(name)
    headers = "\n".join("\n".join(docs.header(rel)) for rel in docs.relations())
    assert pg.psql(headers + "\nSELECT 'only comments';\n", args=["-At"]) == "only comments\n"


def _partition_tree(rel: dict[str, Any], by_name: dict[str, dict[str, Any]]
                    ) -> list[tuple[str, str]]:
    out = []
    for qualified, bound in rel["partitions"]:
        out.append((qualified, bound))
        out += _partition_tree(by_name[qualified], by_name)
    return out


@pytest.mark.parametrize("name", DATABASES)
def test_partitioned_tables_list_each_partition_with_its_bounds(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    parents = docs.relations("p")
    if name != "demo":
        assert parents, "the fixture has partitioned tables"
    by_parent = {t["qualified"]: t for t in docs.truth if t["kind"] in "rp"}
    for rel in parents:
        header = docs.header(rel)
        assert "-- Partitioned table: " + one_line(rel["qualified"]) in header
        listed = [r.strip() for r in _section(header, "Partitions")]
        expected = _partition_tree(rel, by_parent)
        assert len(listed) == max(len(expected), 1)
        for qualified, bound in expected:
            assert any(r.startswith(one_line(qualified) + " ") and r.endswith(one_line(bound))
                       for r in listed), (qualified, bound)
    if name == "pagila":
        payment = _section(docs.header(docs.find("public", "payment")), "Partitions")
        assert len(payment) == 55  # the fixture's README counts them
        assert payment[0] == ("public.payment_p2022_01  FOR VALUES FROM ('2022-01-01 00:00:00+00')"
                              " TO ('2022-02-01 00:00:00+00')")


@pytest.mark.parametrize("name", DATABASES)
def test_views_materialized_views_and_foreign_tables_have_files_with_their_ddl(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    statements = {"v": "CREATE VIEW", "m": "CREATE MATERIALIZED VIEW",
                  "f": "CREATE FOREIGN TABLE"}
    kinds = {"v": "View", "m": "Materialized view", "f": "Foreign table"}
    found = {k: 0 for k in statements}
    for rel in docs.relations("vmf"):
        text = docs.file(rel)
        assert f"\n{statements[rel['kind']]} {rel['qualified']}" in text, rel["qualified"]
        assert f"-- {kinds[rel['kind']]}: {one_line(rel['qualified'])}\n" in text
        found[rel["kind"]] += 1
        # Listed in the index with its kind.
        assert f" | {kinds[rel['kind']].lower()} | " in docs.index
    if name in ("pagila", "postgrest", "awkward"):
        assert found["v"] and found["m"], found
    if name == "postgrest":
        assert found["f"] == 1


@pytest.mark.parametrize("name", DATABASES)
def test_index_rows_have_as_many_cells_as_their_header(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    # Every table of the index well formed (the objects' sections too); one row per relation
    # in the schemas' tables, which come before the diagrams.
    check_markdown_tables(docs.index)
    schemas_part = docs.index.split("\n## Relationships", 1)[0]
    assert check_markdown_tables(schemas_part) == len(docs.relations())
    for rel in docs.relations():
        assert f"]({quote(table_filename(rel['schema'], rel['name']), safe='')})" in docs.index


@pytest.mark.parametrize("name", DATABASES)
def test_foreign_keys_are_drawn_as_mermaid_er_diagrams(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    blocks = check_mermaid_blocks(docs.index)
    erd_files = sorted(docs.folder.glob("_erd_*.md"))
    for path in erd_files:
        text = path.read_text(encoding="utf-8")
        assert f"[`{path.name}`]({quote(path.name, safe='')})" in docs.index
        blocks += check_mermaid_blocks(text)
    assert blocks >= 1
    linked = {t["schema"] for t in docs.schema["tables"] if t.get("foreign_keys")}
    linked |= {f["references"]["schema"] for t in docs.schema["tables"]
               for f in t.get("foreign_keys", [])}
    # Every schema foreign keys touch has its diagram per table; each linked table's
    # header points to it.
    assert {p.name for p in erd_files} == {erd_filename(s) for s in linked}
    for table in docs.schema["tables"]:
        header = (docs.folder / table["file"]).read_text(encoding="utf-8").split("\n\n")[0]
        if table.get("foreign_keys"):
            assert f"-- Diagram: {one_line(erd_filename(table['schema']))} " in header
    if name == "postgrest":
        # test has more linked tables than erd_max_tables (100): no diagram in the index.
        assert "linked by" in docs.index.split("### Schema `test`")[1].split("###")[0]


@pytest.mark.parametrize("name", DATABASES)
def test_schema_json_describes_every_documented_relation(
        documented: Callable[..., Documented], name: str) -> None:
    docs = documented(name)
    data = docs.schema
    assert data["format"] == FORMAT
    tables = data["tables"]
    assert [(t["schema"], t["name"]) for t in tables] == sorted(
        (t["schema"], t["name"]) for t in docs.relations())
    for table in tables:
        assert (docs.folder / table["file"]).is_file()
        rel = docs.find(table["schema"], table["name"])
        assert sorted(r["name"] for r in table.get("referenced_by", [])) == sorted(
            c.strip('"').replace('""', '"') for _, c in rel["referenced_by"])
        columns = table.get("columns", [])
        enums = {c["name"]: c["enum_values"] for c in columns if "enum_values" in c}
        assert enums == dict(rel["enums"])
        if table["kind"] in ("view", "materialized view"):
            assert table["definition"] and all("\n" not in ln for ln in table["definition"])
            assert all("nullable" not in c for c in table.get("columns", []))
        else:
            assert all(isinstance(c["nullable"], bool) for c in table.get("columns", []))
    raw = (docs.folder / "schema.json").read_text(encoding="utf-8")
    # Canonical form, one fact per line; nothing a line-based reader would cut off.
    assert raw == schema_json.canonical(data)
    assert max(len(line) for line in raw.split("\n")) <= 2000
    assert ": null" not in raw
    assert "status" not in raw.split('"tables"')[0] and "database" not in data


def test_a_second_sync_rewrites_nothing(documented: Callable[..., Documented], pg:
                                        ThrowawayPostgres, schema_loader: SchemaLoader,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    docs = documented("postgrest")
    before = snapshot(docs.folder)
    for key, value in pg.env(schema_loader("postgrest", SHARED_FIXTURES / "postgrest.sql")).items():
        monkeypatch.setenv(key, value)
    for key in _FOREIGN_PG_ENV:
        monkeypatch.delenv(key, raising=False)
    assert main(["sync", "-q", "-o", str(docs.folder)]) == 0
    assert snapshot(docs.folder) == before


def test_partitions_separate_gives_each_partition_its_file(
        documented: Callable[..., Documented]) -> None:
    docs = documented("awkward", config="partitions: separate\n")
    partition = docs.header(docs.find("public", "measurements_2024"))
    assert ("-- Partition of: public.measurements FOR VALUES FROM ('2024-01-01') "
            "TO ('2025-01-01')") in partition
    other_schema = docs.header(docs.find("Mixed Schema", "sessions p2"))
    assert "-- Partition of: public.sessions FOR VALUES WITH (modulus 3, remainder 2)" \
        in other_schema
    # The parent still lists all of them.
    assert len(_section(docs.header(docs.find("public", "measurements")), "Partitions")) == 3
    names = {t["name"] for t in docs.schema["tables"]}
    assert {"measurements_2024", "measurements_default", "sessions p2"} <= names
    check_markdown_tables(docs.index)
    schemas_part = docs.index.split("\n## Relationships", 1)[0]
    assert check_markdown_tables(schemas_part) == len(docs.schema["tables"])


def test_views_false_documents_tables_only(documented: Callable[..., Documented]) -> None:
    docs = documented("awkward", config="views: false\n")
    kinds = {t["kind"] for t in docs.schema["tables"]}
    assert kinds == {"table", "partitioned table"}
    assert not (docs.folder / table_filename("public", "active users?")).exists()
    documented_line = next(ln for ln in docs.index.split("\n") if ln.startswith("- Documented:"))
    assert documented_line == "- Documented: 38 tables, 2 partitioned tables"


def test_include_and_exclude_match_globs_on_the_qualified_name(
        documented: Callable[..., Documented]) -> None:
    config = ('include: ["sales.*", "support.*", "users", "Mixed Schema.*"]\n'
              'exclude: ["*.accounts"]\n')
    docs = documented("awkward", config=config)
    assert sorted((t["schema"], t["name"]) for t in docs.schema["tables"]) == [
        ("Mixed Schema", "Mat/View \"stats\""), ("Mixed Schema", "Mixed Table"),
        ("public", "users")]
    # References to tables left out are still listed (they exist), and still drawn.
    users = "\n".join(docs.header(docs.find("public", "users")))
    assert "--   sales.accounts(owner_id) -> (id)" in users
    check_mermaid_blocks(docs.index)


@pytest.mark.skipif(not os.environ.get("PGDOC_MERMAID_DIR") or shutil.which("node") is None,
                    reason="set PGDOC_MERMAID_DIR to a folder with node_modules/{mermaid,jsdom}")
@pytest.mark.parametrize("name", DATABASES)
def test_mermaid_itself_parses_every_diagram(documented: Callable[..., Documented], name: str,
                                             tmp_path: Path) -> None:
    docs = documented(name)
    script = tmp_path / "parse.mjs"
    script.write_text(_MERMAID_PARSE, encoding="utf-8")
    files = [str(docs.folder / "_index.md"), *map(str, docs.folder.glob("_erd_*.md"))]
    result = subprocess.run(["node", str(script), *files], capture_output=True, text=True,
                            cwd=os.environ["PGDOC_MERMAID_DIR"], check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed" in result.stdout


_MERMAID_PARSE = r"""
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(process.cwd() + '/');
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const { default: mermaid } = await import(require.resolve('mermaid'));
mermaid.initialize({ startOnLoad: false });
let bad = 0, n = 0;
for (const f of process.argv.slice(2)) {
  const re = /```mermaid\n([\s\S]*?)```/g; let m;
  const text = fs.readFileSync(f, 'utf8');
  while ((m = re.exec(text))) {
    n++;
    try { await mermaid.parse(m[1]); } catch (e) { bad++; console.log(f, String(e)); }
  }
}
console.log(`parsed ${n} blocks, ${bad} failed`);
process.exit(bad ? 1 : 0);
"""
