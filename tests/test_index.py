"""The overview files: `_index.md` (pgdoc.docs.index), its Mermaid diagrams (pgdoc.docs.erd) and
`schema.json` (pgdoc.docs.schema_json). Golden files and properties, no database.

Regenerate the golden files after an intended change (and review the diff):

    PGDOC_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py tests/test_index.py
"""

from __future__ import annotations

import difflib
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pgdoc.docs import schema_json
from pgdoc.docs.erd import (
    MAX_EDGES,
    diagram,
    entity_ids,
    erd_filename,
    erd_files,
    foreign_key_edges,
    index_section,
    key_attributes,
    mermaid_text,
)
from pgdoc.docs.index import (
    CURRENT,
    DEFAULT_TITLE,
    NEW,
    ORPHANED,
    Row,
    fingerprint,
    render_index,
    render_table_list,
    table_list_names,
)
from pgdoc.docs.schema_json import FORMAT, render_schema_json
from pgdoc.folder.markers import MD_MARKER, TXT_MARKER, has_marker
from pgdoc.folder.naming import table_filename
from pgdoc.model import Catalog, Column, Constraint, ForeignKey, Relation
from pgdoc.text import md_cell, md_code
from tests.test_render import HOSTILE, assert_golden, sample_catalog

# --- A strict reading of GitHub-flavoured Markdown tables -----------------------------

_DELIMITER_ROW = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def split_cells(row: str, strict: bool = True) -> list[str]:
    """The cells of a GFM table row. GFM ends a cell at every `|` not escaped by a backslash
    (even inside a code span). `strict` reads backslash escapes pairwise (`\\\\|` is an
    escaped backslash, then a cell break); otherwise any backslash before a pipe escapes it,
    like cmark-gfm. pgdoc's rows must split the same way under both readings."""
    cells, cur, i = [], "", 0
    while i < len(row):
        ch = row[i]
        if ch == "\\" and i + 1 < len(row) and (strict or row[i + 1] == "|"):
            cur += row[i:i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    cells.append(cur)
    if row.startswith("|"):
        cells = cells[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        cells = cells[:-1]
    return cells


def _strip_code_spans(text: str) -> str:
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)


def check_markdown_tables(text: str) -> int:
    """Every row of every table has as many cells as its header, and no cell holds raw HTML
    or a line break; returns the number of rows checked."""
    lines = text.split("\n")
    rows = 0
    in_fence = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence:
            continue
        assert not any(ch in line for ch in "\r\x0b\x0c\x85\u2028\u2029"), repr(line)
        if not (line.startswith("|") and i + 1 < len(lines)
                and _DELIMITER_ROW.match(lines[i + 1])):
            continue
        width = len(split_cells(line))
        assert len(split_cells(lines[i + 1])) == width
        j = i + 2
        while j < len(lines) and lines[j].startswith("|"):
            row = lines[j]
            assert len(split_cells(row)) == width, row
            assert len(split_cells(row, strict=False)) == width, row
            assert "<" not in _strip_code_spans(row), row
            rows += 1
            j += 1
    return rows


# --- A strict reading of the Mermaid pgdoc emits ---------------------------------------

_ID = r"[A-Za-z_][A-Za-z0-9_]*"
_TEXT = r'[^"%\\#<>&`{}\[\]|\r\n\x0b\x08]+'
_ENTITY_LINE = re.compile(rf'^    ({_ID})\["({_TEXT})"\]$')
_RELATION_LINE = re.compile(rf'^    ({_ID}) (\}}o|\|o)--(\|\||o\|) ({_ID}) : "({_TEXT})"$')
_ENTITY_OPEN = re.compile(rf'^    ({_ID})\["({_TEXT})"\] \{{$')
_WORD = r"[A-Za-z_][A-Za-z0-9_\[\]()]*"
_ATTRIBUTE_LINE = re.compile(rf'^        ({_WORD}) ({_WORD}) ((?:PK|FK|UK)(?:, (?:PK|FK|UK))*)'
                             rf'(?: "({_TEXT})")?$')
# Words Mermaid's erDiagram lexer (case-insensitive) reads as something else.
_MERMAID_WORDS = {"erdiagram", "end", "one", "many", "only", "zero", "to", "optionally", "u",
                  "style", "classdef", "class", "subgraph", "direction", "title", "acctitle",
                  "accdescr", "1"}
_DIRECTION = re.compile(r"direction\s+(tb|bt|lr|rl)", re.IGNORECASE)


def check_mermaid_block(block: list[str]) -> tuple[int, int]:
    """Every line of an erDiagram block is one of the two statements pgdoc writes; returns
    (entities, relationships)."""
    assert block[0] == "erDiagram", block[0]
    entities: dict[str, str] = {}
    relations = 0
    in_entity = False
    for line in block[1:]:
        assert not _DIRECTION.search(line), line
        if in_entity:
            if line == "    }":
                in_entity = False
                continue
            attribute = _ATTRIBUTE_LINE.match(line)
            assert attribute, f"not pgdoc's Mermaid attribute: {line!r}"
            assert attribute.group(1).lower() not in ("pk", "fk", "uk"), line
            assert attribute.group(2).lower() not in ("pk", "fk", "uk"), line
            continue
        entity = _ENTITY_LINE.match(line) or _ENTITY_OPEN.match(line)
        in_entity = entity is not None and line.endswith("{")
        if entity:
            ident, label = entity.groups()
            assert ident not in entities, f"duplicate entity {ident}"
            assert ident.lower() not in _MERMAID_WORDS
            assert label.strip() == label and label
            entities[ident] = label
            continue
        relation = _RELATION_LINE.match(line)
        assert relation, f"not pgdoc's Mermaid: {line!r}"
        assert relation.group(1) in entities and relation.group(4) in entities, line
        relations += 1
    assert not in_entity, "an attribute block is not closed"
    assert relations >= 1
    assert relations <= MAX_EDGES
    assert len(set(entities.values())) == len(entities), "two entities look the same"
    return len(entities), relations


def check_mermaid_blocks(text: str) -> int:
    """Check every ```mermaid block of a Markdown file; returns how many there are."""
    lines = text.split("\n")
    blocks = 0
    i = 0
    while i < len(lines):
        if lines[i] == "```mermaid":
            end = lines.index("```", i + 1)
            check_mermaid_block(lines[i + 1:end])
            blocks += 1
            i = end
        else:
            assert not lines[i].startswith("```mermaid"), lines[i]
        i += 1
    return blocks


# --- The sample ------------------------------------------------------------------------

def sample_rows(catalog: Catalog) -> list[Row]:
    """The rows pgdoc.read builds (partitions folded), one current, one orphaned file."""
    rows = []
    for rel in sorted(catalog.relations.values(), key=lambda r: (r.schema, r.name)):
        if rel.parent is not None:
            continue
        status = CURRENT if rel.name in ("users", "company") else NEW
        rows.append(Row(status=status, filename=table_filename(rel.schema, rel.name), rel=rel))
    rows.append(Row(status=ORPHANED, filename="old_table.sql", orphan_name="old_table"))
    return rows


def sample_files(rows: list[Row]) -> dict[str, str]:
    return {r.filename: f"-- {r.filename}\n" for r in rows if r.rel is not None}


def test_index_matches_golden_file() -> None:
    catalog = sample_catalog()
    rows = sample_rows(catalog)
    text = render_index("Sample schema", rows, sample_files(rows), pg_dump_major=17)
    assert_golden("_index.md", text)
    assert check_markdown_tables(text) == len(rows)
    assert check_mermaid_blocks(text) == 3  # billing, public, we"ird|schema; ext has no FK
    lines = text.split("\n")
    assert lines[0] == MD_MARKER
    assert lines[1] == "# Sample schema"
    assert "- DDL written by: pg_dump 17" in lines
    # Nothing names the database (the catalog's is "sample"), its host or port.
    assert "sample" not in text.replace("Sample schema", "")


def test_index_title_defaults_to_something_neutral() -> None:
    rows = sample_rows(sample_catalog())
    text = render_index(DEFAULT_TITLE, rows, sample_files(rows))
    assert text.split("\n")[1] == "# Database schema"
    assert "pg_dump" not in text.split("## ")[0].split("- Documented")[1]  # major unknown


def test_diagrams_show_key_columns_with_their_marks() -> None:
    catalog = sample_catalog()
    rels = [r for r in catalog.relations.values() if r.parent is None]
    text = "\n".join(index_section(rels, 100))
    public = text.split("### Schema `public`")[1].split("```\n")[0]
    users = public.split('t_users["users"] {\n')[1].split("    }")[0].split("\n")
    assert users[:4] == ["        bigint id PK", "        bigint company_id FK, UK",
                         "        bigint manager_id FK", "        email email UK"]
    # A table that only references: its FK columns; a hostile name keeps its real one.
    assert '        bigint owner FK' in public
    assert "[`_erd_public.md`](_erd_public.md)" in text
    # The tables no foreign key touches are named, one per line.
    assert ("3 tables with no foreign key either way (none declared, none pointing at them), "
            "so in no diagram:\n\n`billing.stats`,\n`ext.remote_things`,\n`active_users`.\n"
            ) in text


def test_diagram_attributes_fold_what_mermaid_cannot_read() -> None:
    rel = Relation(oid=1, schema="public", name="t", kind="r", columns=(
        Column("Mixed Case", "character varying(20)", True), Column("pk", "uk", True),
        Column("1st", "text[]", True), Column("naïve", "timestamp with time zone", True)),
        constraints=(Constraint("t_pkey", "p", "", ("Mixed Case", "pk", "1st", "naïve")),))
    assert key_attributes(rel) == [
        'character_varying(20) Mixed_Case PK "Mixed Case"', '_uk _pk PK "pk"',
        'text[] _1st PK "1st"', 'timestamp_with_time_zone naive PK "naïve"']


def test_big_schemas_get_one_diagram_per_table_in_their_own_file() -> None:
    catalog = sample_catalog()
    rows = sample_rows(catalog)
    rels = [r.rel for r in rows if r.rel is not None]
    text = render_index("sample", rows, sample_files(rows), erd_max_tables=3)
    assert_golden("_index_erd_max_3.md", text)
    files = erd_files(rels, 3)
    # Every schema with foreign keys has its file of diagrams per table; billing (3 linked
    # tables) and we"ird|schema (2) also fit one diagram in the index, public does not.
    assert sorted(files) == [erd_filename(s) for s in ("billing", "public", 'we"ird|schema')]
    assert "[`_erd_public.md`](_erd_public.md) has a diagram per table" in text
    assert text.count("```mermaid") == 2
    for content in files.values():
        check_mermaid_blocks(content)
        check_markdown_tables(content)
    assert_golden("_erd_public.md", files["_erd_public.md"])
    # One section per table of the schema that a foreign key touches, linked to its file.
    public = files["_erd_public.md"]
    assert "## [`users`](users.sql)" in public
    assert "## [`events`](events.sql)" in public
    assert check_mermaid_blocks(public) == 3  # company, events, user_profile
    # users has 6 neighbours, more than erd_max_tables: no diagram, a pointer instead.
    assert "## [`users`](users.sql)\n\n6 foreign keys: too many to draw" in public


def test_schema_json_matches_golden_file() -> None:
    catalog = sample_catalog()
    rows = sample_rows(catalog)
    text = render_schema_json(catalog, rows, fingerprint(sample_files(rows)), pg_dump_major=17)
    assert_golden("schema.json", text)
    assert '"format": "pgdoc.schema/2"' in text[:400]  # how pgdoc recognises its file
    assert max(len(line) for line in text.split("\n")) <= 200
    assert ": null" not in text and ": []" not in text and ": {}" not in text
    assert text == schema_json.canonical(json.loads(text))
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["format"] == FORMAT
    assert [(t["schema"], t["name"]) for t in data["tables"]] == sorted(
        (r.rel.schema, r.rel.name) for r in rows if r.rel is not None)
    assert data["pg_dump_major"] == 17
    assert "database" not in data and "status" not in text
    users = next(t for t in data["tables"] if t["name"] == "users")
    assert users["file"] == "users.sql"
    role = next(c for c in users["columns"] if c["name"] == "role")
    assert role["enum_values"] == ["owner", "admin", "member", "viewer"]
    assert users["primary_key"] == {"name": "users_pkey", "columns": ["id"]}
    assert users["unique_keys"] == [{"name": "users_email_key",
                                     "columns": ["company_id", "email"]}]
    assert [(r["schema"], r["table"]) for r in users["referenced_by"]] == [
        ("billing", "invoices"), ("public", "events"), ("public", "user_profile"),
        ("public", "users"), ('we"ird|schema', "Weird | name`<b>\n")]
    events = next(t for t in data["tables"] if t["name"] == "events")
    assert [p["table"] for p in events["partitions"]] == [
        "events_2024_01", "events_2024_02", "events_default"]
    assert events["partitions"][1]["partitions"][0]["bound"] == "DEFAULT"
    assert data["orphaned_files"] == [{"file": "old_table.sql", "was": "old_table"}]
    view = next(t for t in data["tables"] if t["name"] == "active_users")
    assert view["reads"] == [{"schema": "public", "name": "users", "kind": "table"}]
    assert view["definition"][-1] == "  WHERE u.role <> 'viewer'::user_role;"
    assert all("nullable" not in c for c in view["columns"])  # unknown for a view
    assert [c.get("nullable") for c in users["columns"]][:3] == [False, False, True]


def test_schema_json_one_column_more_changes_one_line() -> None:
    from dataclasses import replace

    catalog = sample_catalog()
    rows = sample_rows(catalog)
    before = render_schema_json(catalog, rows, "f1")
    users = catalog.relations[100]
    wider = replace(users, columns=(*users.columns, Column("nickname", "text", False)))
    catalog2 = replace(catalog, relations={**catalog.relations, 100: wider})
    rows2 = [replace(r, rel=wider) if r.rel is not None and r.rel.oid == 100 else r
             for r in rows]
    after = render_schema_json(catalog2, rows2, "f1")
    diff = [ln for ln in difflib.unified_diff(before.split("\n"), after.split("\n"), n=0)
            if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
    assert diff == ['+        {"name": "nickname", "type": "text", "nullable": true}'] or \
        len(diff) <= 3, diff


def test_index_keeps_hostile_comments_and_names_inside_their_cells() -> None:
    catalog = sample_catalog()
    rows = sample_rows(catalog)
    text = render_index("sample", rows, sample_files(rows))
    row = next(ln for ln in text.split("\n") if "Weird" in ln and ln.startswith("|"))
    cells = split_cells(row)
    assert len(cells) == 5
    # The first line of the comment only, escaped; the name as a code span.
    assert cells[4].strip() == "first line"
    assert cells[1].strip() == "[``Weird \\| name`<b>\\n``](we%2522ird%257cschema.Weird%2520%257c" \
        "%2520name%2560%253cb%253e%250a%5E1.sql)"


@settings(max_examples=300, deadline=None)
@given(name=st.text(min_size=1).filter(lambda s: "\0" not in s), comment=st.text(),
       schema=st.text(min_size=1).filter(lambda s: "\0" not in s))
def test_every_index_row_has_as_many_cells_as_its_header(name: str, comment: str,
                                                         schema: str) -> None:
    rel = Relation(oid=1, schema=schema, name=name, kind="r", comment=comment,
                   columns=(Column(name, "text", False),))
    other = Relation(oid=2, schema=schema, name=name + "_2", kind="v", comment=HOSTILE)
    rows = [Row(CURRENT, table_filename(schema, name), rel),
            Row(NEW, table_filename(schema, name + "_2"), other),
            Row(ORPHANED, "x.sql", orphan_name=comment or "x")]
    text = render_index(name, rows, {})
    assert check_markdown_tables(text) == 3


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), min_size=1,
                      max_size=6, unique=True),
       columns=st.text(min_size=1))
def test_any_names_make_a_valid_diagram(names: list[tuple[str, str]], columns: str) -> None:
    rels = [Relation(oid=i, schema=s, name=n, kind="r", columns=(Column(columns, "int", False),))
            for i, (s, n) in enumerate(names, start=1)]
    rels = [
        Relation(oid=r.oid, schema=r.schema, name=r.name, kind="r", columns=r.columns,
                 foreign_keys=(ForeignKey(columns, r.oid, (columns,), t.oid, t.schema, t.name,
                                          (columns,), "a", "a"),))
        for r, t in zip(rels, rels[1:] + rels[:1], strict=True)
    ]
    block = diagram(foreign_key_edges(rels))
    assert block[0] == "```mermaid" and block[-1] == "```"
    check_mermaid_block(block[1:-1])


def test_names_mermaid_cannot_tell_apart_get_distinct_labels() -> None:
    rels = [Relation(oid=i, schema="public", name=n, kind="r") for i, n in
            enumerate(["a%b", "a#b", "a<b"], start=1)]
    target = Relation(oid=9, schema="public", name="t", kind="r")
    rels = [Relation(oid=r.oid, schema=r.schema, name=r.name, kind="r", foreign_keys=(
        ForeignKey("fk", r.oid, ("x",), 9, "public", "t", ("id",), "a", "a"),)) for r in rels]
    block = diagram(foreign_key_edges([*rels, target]))
    assert "    t_a_b[\"'a_b'\"]" in block
    assert "    t_a_b_2[\"'a_b' (2)\"]" in block
    assert "    t_a_b_3[\"'a_b' (3)\"]" in block
    check_mermaid_block(block[1:-1])


def test_entity_ids_are_unique_deterministic_and_prefer_plain_names() -> None:
    keys = [("public", "Users"), ("public", "users"), ("public", "users_2"), ("a", "b"),
            ("public", "a__b"), ("public", "café"), ("public", "cafe"), ("public", "end")]
    ids = entity_ids(keys)
    assert ids == entity_ids(reversed(keys))
    assert len(set(ids.values())) == len(keys)
    assert ids[("public", "users")] == "t_users"
    assert ids[("public", "cafe")] == "t_cafe"
    assert ids[("public", "end")] == "t_end"
    assert ids[("public", "Users")] not in ("t_users", "t_users_2")


def test_mermaid_text_keeps_names_readable_and_drops_the_dangerous() -> None:
    assert mermaid_text("billing.invoices") == "billing.invoices"
    assert mermaid_text("'Mixed Table'") == "'Mixed Table'"
    assert mermaid_text("تست.موارد") == "تست.موارد"
    assert mermaid_text('a"b%c\\d#e<f>g&h`i{j}k[l]m|n') == "a_b_c_d_e_f_g_h_i_j_k_l_m_n"
    assert mermaid_text("x\ny\u2028z") == "x_ny_u2028z"
    assert mermaid_text("Direction  TB") == "Direction_TB"
    assert mermaid_text("") == "_"


def test_md_cell_and_md_code_never_leave_an_unescaped_pipe() -> None:
    for text in ["a|b", "a\\|b", "a\\", "`|`", "<b>|</b>", "x\n|y", "[a](b)"]:
        assert len(split_cells(f"| {md_cell(text)} |")) == 1
        assert len(split_cells(f"| {md_code(text)} |")) == 1
        assert len(split_cells(f"| {md_cell(text)} |", strict=False)) == 1
        assert len(split_cells(f"| {md_code(text)} |", strict=False)) == 1


def test_index_has_no_clock_and_is_deterministic() -> None:
    catalog = sample_catalog()
    rows = sample_rows(catalog)
    first = render_index("sample", rows, sample_files(rows))
    assert first == render_index("sample", list(reversed(rows)), sample_files(rows))
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b|\d\d:\d\d:\d\d", first)
    changed = dict(sample_files(rows), **{"users.sql": "-- changed\n"})
    assert render_index("sample", rows, changed) != first  # the fingerprint follows the files


def test_table_list_starts_with_pgdoc_marker() -> None:
    rels = [r for r in sample_catalog().relations.values() if r.parent is None]
    text = render_table_list(rels)
    assert text.split("\n")[0] == TXT_MARKER
    assert has_marker("_table_list.txt", text)
    assert table_list_names(text)[:2] == ["billing.invoices", "billing.stats"]
    assert len(table_list_names(text)) == len(rels)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), min_size=1,
                      max_size=5, unique=True),
       columns=st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), min_size=1,
                        max_size=3, unique_by=lambda c: c[0]))
def test_any_key_columns_make_a_valid_diagram(names: list[tuple[str, str]],
                                              columns: list[tuple[str, str]]) -> None:
    cols = tuple(Column(n, t, True) for n, t in columns)
    first = cols[0].name
    rels = [Relation(oid=i, schema=s, name=n, kind="r", columns=cols,
                     constraints=(Constraint("pk", "p", "", (first,)),))
            for i, (s, n) in enumerate(names, start=1)]
    rels = [
        Relation(oid=r.oid, schema=r.schema, name=r.name, kind="r", columns=r.columns,
                 constraints=r.constraints,
                 foreign_keys=(ForeignKey("fk", r.oid, tuple(c.name for c in cols), t.oid,
                                          t.schema, t.name, (first,), "a", "a"),))
        for r, t in zip(rels, rels[1:] + rels[:1], strict=True)
    ]
    block = diagram(foreign_key_edges(rels), {(r.schema, r.name): r for r in rels})
    assert block[0] == "```mermaid" and block[-1] == "```"
    check_mermaid_block(block[1:-1])


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300)
@given(_JSON_VALUES)
def test_schema_json_encoding_is_json_dumps_with_line_breaks_and_surrogates_escaped(
        value: object) -> None:
    """The encoder made once (the C one, see schema_json._encoder) writes what json.dumps
    writes, with U+2028, U+2029, U+0085 and lone surrogates escaped, and reads back as
    the value."""
    reference = json.dumps(value, ensure_ascii=False)
    for ch, esc in (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085")):
        reference = reference.replace(ch, esc)
    reference = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", reference)
    text = schema_json._encode(value)
    assert text == reference
    assert json.loads(text) == value
