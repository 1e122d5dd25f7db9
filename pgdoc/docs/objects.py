"""Files for the schema's objects other than tables: which file documents each pg_dump
archive entry that no table claims, in which order, and the `--` header each file opens
with.

Layout (paths relative to the output folder; names encoded like table files):
- `functions/[schema.]name.sql`: every overload of one name (functions, procedures,
  aggregates), ordered by signature;
- `types/[schema.]name.sql`: an enum, composite, range or base type (with its shell),
  or a domain (with its `NOT VALID` checks);
- `sequences/[schema.]name.sql`: a sequence no documented column owns;
- `objects/<kind>.sql`: one file per kind for the rest (`schemas`, `extensions`, `casts`,
  `operators`, ...); `objects/other.sql` for an entry type pgdoc does not know yet, so that
  no entry is ever dropped.

Comments, security labels and grants go with the object they annotate (the entry they
depend on). Left out: the session preamble (ENCODING, STDSTRINGS, SEARCHPATH), the
database's own entries, which pg_restore writes only with `--create` (DATABASE, DATABASE
PROPERTIES and what annotates them), and grants unless asked for. Owners are never
written. Statement text is pg_dump's, verbatim, with one exception: connection strings
of subscriptions and option values of user mappings, which can hold passwords, are
replaced by `'<withheld by pgdoc>'`.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from pgdoc.docs.split import GRANTS, PREAMBLE, Options
from pgdoc.docs.split import entry_text as split_entry_text
from pgdoc.folder.markers import SQL_MARKER
from pgdoc.folder.naming import object_path
from pgdoc.model_objects import (
    PARALLEL,
    VOLATILITY,
    FunctionFacts,
    ObjectFacts,
    SequenceFacts,
    TypeFacts,
    column_ref,
    qualified,
)
from pgdoc.postgres.archive import Entry
from pgdoc.text import first_line, md_cell, md_code, one_line

FUNCTIONS, TYPES, SEQUENCES, OBJECTS = "functions", "types", "sequences", "objects"
OTHER_FILE = f"{OBJECTS}/other.sql"
WITHHELD = "'<withheld by pgdoc>'"

_FOLDERS = {
    "FUNCTION": FUNCTIONS, "PROCEDURE": FUNCTIONS, "AGGREGATE": FUNCTIONS,
    "TYPE": TYPES, "SHELL TYPE": TYPES, "DOMAIN": TYPES,
    "SEQUENCE": SEQUENCES,
}
# objects/<file>.sql: (file, title), by entry type
_KIND_FILES: dict[str, tuple[str, str]] = {}
for _file, _title, _descs in (
    ("schemas", "Schemas", ("SCHEMA",)),
    ("extensions", "Extensions", ("EXTENSION",)),
    ("languages", "Procedural languages", ("PROCEDURAL LANGUAGE",)),
    ("access_methods", "Access methods", ("ACCESS METHOD",)),
    ("casts", "Casts", ("CAST",)),
    ("operators", "Operators, operator classes and families",
     ("OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY")),
    ("collations", "Collations", ("COLLATION",)),
    ("conversions", "Conversions", ("CONVERSION",)),
    ("text_search", "Text search parsers, templates, dictionaries and configurations",
     ("TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "TEXT SEARCH DICTIONARY",
      "TEXT SEARCH CONFIGURATION")),
    ("foreign_servers", "Foreign-data wrappers, servers and user mappings",
     ("FOREIGN DATA WRAPPER", "SERVER", "USER MAPPING")),
    ("transforms", "Transforms", ("TRANSFORM",)),
    ("event_triggers", "Event triggers", ("EVENT TRIGGER",)),
    ("publications", "Publications", ("PUBLICATION",)),
    ("subscriptions", "Subscriptions", ("SUBSCRIPTION",)),
    ("statistics", "Extended statistics of tables not documented", ("STATISTICS",)),
    ("default_privileges", "Default privileges", ("DEFAULT ACL",)),
):
    for _desc in _descs:
        _KIND_FILES[_desc] = (_file, _title)
_TITLES = {f"{OBJECTS}/{file}.sql": title for file, title in _KIND_FILES.values()}
_TITLES[OTHER_FILE] = "Other objects"

# Entries that belong with another entry, and the types that other entry may have
# (None: any). They go to its file, right after it.
_DEPENDENTS: dict[str, frozenset[str] | None] = {
    "COMMENT": None, "SECURITY LABEL": None, "ACL": None,
    "SEQUENCE OWNED BY": frozenset({"SEQUENCE"}),
    "CHECK CONSTRAINT": frozenset({"DOMAIN"}),
    "CONSTRAINT": frozenset({"DOMAIN"}),
    "PUBLICATION TABLE": frozenset({"PUBLICATION"}),
    "PUBLICATION TABLES IN SCHEMA": frozenset({"PUBLICATION"}),
    "SUBSCRIPTION TABLE": frozenset({"SUBSCRIPTION"}),
}
# The order of entry types inside a file (overloads share a rank: ordered by signature).
_ORDER = (
    ("SCHEMA",), ("EXTENSION",), ("PROCEDURAL LANGUAGE",), ("ACCESS METHOD",),
    ("SHELL TYPE",), ("TYPE",), ("DOMAIN",), ("CHECK CONSTRAINT", "CONSTRAINT"),
    ("FUNCTION", "PROCEDURE", "AGGREGATE"), ("SEQUENCE",), ("SEQUENCE OWNED BY",),
    ("CAST",), ("OPERATOR",), ("OPERATOR FAMILY",), ("OPERATOR CLASS",), ("COLLATION",),
    ("CONVERSION",), ("TEXT SEARCH PARSER",), ("TEXT SEARCH TEMPLATE",),
    ("TEXT SEARCH DICTIONARY",), ("TEXT SEARCH CONFIGURATION",),
    ("FOREIGN DATA WRAPPER",), ("SERVER",), ("USER MAPPING",), ("TRANSFORM",),
    ("EVENT TRIGGER",), ("PUBLICATION",), ("PUBLICATION TABLE",),
    ("PUBLICATION TABLES IN SCHEMA",), ("SUBSCRIPTION",), ("SUBSCRIPTION TABLE",),
    ("STATISTICS",), ("DEFAULT ACL",), ("COMMENT",), ("SECURITY LABEL",), ("ACL",),
)
_RANK = {desc: rank for rank, descs in enumerate(_ORDER) for desc in descs}
_MAX_DEPTH = 8


def entry_text(entry: Entry, options: Options | None = None) -> str:
    """An entry as pgdoc writes it (see pgdoc.docs.split.entry_text), with `defn_of`'s
    secrets withheld."""
    return split_entry_text(replace(entry, defn=defn_of(entry)), options or Options())


def defn_of(entry: Entry) -> str:
    """The statement text pgdoc writes for an entry: pg_dump's, except that the connection
    string of a subscription and the option values of a user mapping are withheld (they
    can hold passwords). A statement whose string literals cannot be found is withheld
    whole."""
    if entry.desc == "SUBSCRIPTION":
        spans = _literals(entry.defn)
        conn = [s for s in spans or () if entry.defn[:s[0]].rstrip().endswith("CONNECTION")]
        return _replace(entry.defn, conn[:1]) if conn else _withheld(entry)
    if entry.desc == "USER MAPPING":
        spans = _literals(entry.defn)
        return _replace(entry.defn, spans) if spans is not None else _withheld(entry)
    return entry.defn


def _withheld(entry: Entry) -> str:
    return f"-- {one_line(entry.desc)} statement withheld by pgdoc: it can hold a password\n"


def _replace(sql: str, spans: Iterable[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [sql[last:start], WITHHELD]
        last = end
    out.append(sql[last:])
    return "".join(out)


def _literals(sql: str) -> list[tuple[int, int]] | None:
    """The spans of the string literals (`'...'`, `E'...'`) in a statement pg_dump wrote,
    skipping quoted identifiers; None if a quote is not closed."""
    spans, i, n = [], 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == '"':
            end = i + 1
            while True:
                end = sql.find('"', end)
                if end < 0:
                    return None
                if sql.startswith('""', end):
                    end += 2
                    continue
                break
            i = end + 1
        elif ch == "'":
            escapes = i > 0 and sql[i - 1] in "eE" and (
                i < 2 or not (sql[i - 2].isalnum() or sql[i - 2] in "_$\""))
            j = i + 1
            while True:
                if j >= n:
                    return None
                if escapes and sql[j] == "\\":
                    j += 2
                    continue
                if sql[j] == "'":
                    if sql.startswith("''", j):
                        j += 2
                        continue
                    break
                j += 1
            spans.append((i - 1 if escapes else i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


# -- which file ---------------------------------------------------------------------------

def left_out(entry: Entry, grants: bool = False) -> bool:
    """Whether an entry's own type keeps it out of every file (preamble; grants when off)."""
    return entry.desc in PREAMBLE or (not grants and entry.desc in GRANTS)


class _Homes:
    """The main entry each entry goes with (itself, or for a comment, grant, domain check,
    publication member... the entry it annotates, followed to the end), memoized."""

    def __init__(self, by_id: Mapping[int, Entry]) -> None:
        self.by_id = by_id
        self.cache: dict[int, Entry | None] = {}

    def parent(self, e: Entry) -> Entry | None:
        allowed = _DEPENDENTS[e.desc]
        found = [self.by_id[d] for d in e.deps if d in self.by_id]
        found = [p for p in found if p.desc in _DEPENDENTS
                 or (allowed is None or p.desc in allowed)]
        if not found:
            return None
        return min(found, key=lambda p: (p.desc in _DEPENDENTS, _own_key(p), p.dump_id))

    def home(self, e: Entry, depth: int = 0) -> Entry | None:
        if e.desc not in _DEPENDENTS:
            return e
        if e.dump_id in self.cache:
            return self.cache[e.dump_id]
        self.cache[e.dump_id] = None  # guards against dependency cycles
        p = self.parent(e)
        found = self.home(p, depth + 1) if p is not None and depth < _MAX_DEPTH else None
        self.cache[e.dump_id] = found
        return found

    def chain(self, e: Entry) -> list[Entry]:
        """The entries from e's home down to e."""
        out = [e]
        while out[-1].desc in _DEPENDENTS and len(out) <= _MAX_DEPTH:
            p = self.parent(out[-1])
            if p is None or p in out:
                break
            out.append(p)
        return out[::-1]


def object_file(entry: Entry, facts: ObjectFacts, entries: Mapping[int, Entry] | None = None,
                grants: bool = False) -> str | None:
    """The path (relative to the output folder) of the file documenting an entry no table
    claims, or None when the entry is left out (see the module docstring). `entries`
    (dump id -> entry) finds what a comment or grant annotates. For many entries at once,
    `assign_objects` is the faster way."""
    by_id: Mapping[int, Entry] = entries if entries is not None else {}
    if entry.dump_id not in by_id:
        by_id = ChainMap({entry.dump_id: entry}, dict(by_id))
    return _file_of(entry, _Homes(by_id), facts, grants)


def _file_of(entry: Entry, homes: _Homes, facts: ObjectFacts, grants: bool) -> str | None:
    if left_out(entry, grants):
        return None
    home = homes.home(entry)
    if home is None:
        return OTHER_FILE
    if left_out(home, grants=True):  # what annotates the database goes with it
        return None
    return _main_file(home, facts)


def _main_file(e: Entry, facts: ObjectFacts) -> str:
    folder = _FOLDERS.get(e.desc)
    if folder is not None and e.namespace:
        name = _object_name(e, facts)
        try:
            return object_path(folder, e.namespace, name)
        except ValueError:
            return OTHER_FILE
    if e.desc in _KIND_FILES:
        return f"{OBJECTS}/{_KIND_FILES[e.desc][0]}.sql"
    return OTHER_FILE


def _object_name(e: Entry, facts: ObjectFacts) -> str:
    """A function's name without its arguments (from the catalog: a name may hold `(`),
    or a type's or sequence's name (the entry's tag)."""
    if e.desc in ("FUNCTION", "PROCEDURE", "AGGREGATE"):
        fn = facts.functions.get(e.oid)
        return fn.name if fn is not None else e.tag.partition("(")[0]
    return e.tag


def assign_objects(entries: Iterable[Entry], facts: ObjectFacts,
                   grants: bool = False) -> dict[str, list[Entry]]:
    """The entries no table claimed, by the file that documents them (sorted by path),
    each file's in canonical order: by entry type, schema, name, then text; what
    annotates an entry right after it. Entries left out (preamble, grants when off)
    are in no file."""
    entries = list(entries)
    homes = _Homes({e.dump_id: e for e in entries})
    files: dict[str, list[Entry]] = {}
    for e in entries:
        path = _file_of(e, homes, facts, grants)
        if path is not None:
            files.setdefault(path, []).append(e)

    def key(e: Entry) -> tuple[tuple[tuple[int, str, str, str], ...], int]:
        # dump ids only order entries whose text is the same
        return tuple((*_own_key(x), x.defn) for x in homes.chain(e)), e.dump_id

    return {path: sorted(files[path], key=key) for path in sorted(files)}


def _own_key(e: Entry) -> tuple[int, str, str]:
    return (_RANK.get(e.desc, len(_RANK)), e.namespace, e.tag)


# -- rendering ----------------------------------------------------------------------------

def render_object_file(path: str, entries: list[Entry], facts: ObjectFacts,
                       options: Options | None = None) -> str:
    """A whole file: pgdoc's marker, the `--` header, a blank line, the entries (written as
    table files write theirs, with owners when `options.owners`)."""
    header = [SQL_MARKER, "--", *header_lines(path, entries, facts)]
    body = "\n".join(entry_text(e, options) for e in entries)
    return "\n".join(line.rstrip() for line in header) + "\n\n" + body


def header_lines(path: str, entries: list[Entry], facts: ObjectFacts) -> list[str]:
    """The header's lines after the marker, each a `--` comment."""
    out: list[str] = []
    mains = [e for e in entries if e.desc not in _DEPENDENTS]
    folder = path.partition("/")[0]
    if folder in (FUNCTIONS, TYPES, SEQUENCES):
        seen: set[tuple[str, int]] = set()
        for e in mains:
            if e.oid and (folder, e.oid) in seen:  # a base type after its shell
                continue
            seen.add((folder, e.oid))
            out += _object_block(e, facts)
    else:
        title = _TITLES.get(path, "Objects")
        out += [f"-- {title}: {len(mains)}"]
        out += [f"--   {one_line(_kind_and_name(e))}" for e in mains]
        out.append("--")
    for e in entries:
        if defn_of(e) != e.defn:
            what = "connection string" if e.desc == "SUBSCRIPTION" else "option values"
            out += [f"-- Withheld: the {what} of {one_line(e.desc.lower())} "
                    f"{one_line(e.tag)} (it can hold a password)", "--"]
    return out


def _kind_and_name(e: Entry) -> str:
    """`schema app`, `cast CAST (integer AS text)` would repeat itself: `CAST (integer AS
    text)`, `USER MAPPING app SERVER s`."""
    if e.tag.startswith(e.desc + " "):
        return _display_tag(e)
    return f"{e.desc.lower()} {_display_tag(e)}"


def _display_tag(e: Entry) -> str:
    return f"{e.namespace}.{e.tag}" if e.namespace else e.tag


def _object_block(e: Entry, facts: ObjectFacts) -> list[str]:
    if e.desc in ("FUNCTION", "PROCEDURE", "AGGREGATE") and e.oid in facts.functions:
        return _function_block(facts.functions[e.oid])
    if e.desc in ("TYPE", "DOMAIN", "SHELL TYPE") and e.oid in facts.types:
        return _type_block(facts.types[e.oid], e.desc)
    if e.desc == "SEQUENCE" and e.oid in facts.sequences:
        return _sequence_block(facts.sequences[e.oid])
    return [f"-- {one_line(e.desc.capitalize())}: {one_line(_display_tag(e))}", "--"]


def _description(comment: str | None) -> list[str]:
    if not comment:
        return []
    lines = comment.strip().splitlines() or [""]
    return [f"--   Description: {one_line(lines[0])}",
            *(f"--     {one_line(ln)}" for ln in lines[1:])]


def _list(title: str, items: Iterable[str]) -> list[str]:
    items = list(items)
    return [f"--   {title}:", *(f"--     {one_line(i)}" for i in items)] if items else []


def _function_block(fn: FunctionFacts) -> list[str]:
    out = [f"-- {fn.kind_name.capitalize()}: {one_line(fn.signature)}"]
    if fn.result is not None:
        out.append(f"--   Returns: {one_line(fn.result)}")
    if fn.kind == "a":  # its own row's language and volatility say nothing: see its SFUNC
        traits = [f"parallel {PARALLEL.get(fn.parallel, fn.parallel)}"]
    else:
        traits = [f"Language: {fn.language}",
                  VOLATILITY.get(fn.volatility, fn.volatility),
                  "security definer" if fn.security_definer else "security invoker",
                  f"parallel {PARALLEL.get(fn.parallel, fn.parallel)}"]
        if fn.strict:
            traits.append("strict")
    out.append(f"--   {one_line('; '.join(traits))}")
    out += _description(fn.comment)
    out += _list("Used by triggers", (t.display for t in fn.triggers))
    out += _list("Used by defaults of", (column_ref(c) for c in fn.defaults))
    out += _list("Used by aggregates", (a.display for a in fn.aggregates))
    return [*out, "--"]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _type_block(t: TypeFacts, desc: str) -> list[str]:
    kind = "domain" if t.kind == "d" else f"{t.kind_name} type"
    out = [f"-- {kind.capitalize()}: {one_line(t.qualified)}"]
    out += _description(t.comment)
    if t.kind == "e":
        out.append(f"--   Values: {one_line(', '.join(_literal(v) for v in t.values))}")
    if t.attributes:
        width = min(max(len(one_line(a[0])) for a in t.attributes), 32)
        out += ["--   Fields:", *(f"--     {one_line(n).ljust(width)}  {one_line(ty)}"
                                  for n, ty in t.attributes)]
    if t.subtype:
        out.append(f"--   Subtype: {one_line(t.subtype)}")
    if t.kind == "d":
        base = f"--   Over: {one_line(t.base or '?')}" + (" NOT NULL" if t.not_null else "")
        if t.default is not None:
            base += f" DEFAULT {one_line(t.default)}"
        out.append(base)
        out += _list("Checks", t.checks)
    out += _list("Used by columns", (column_ref(c) for c in t.columns))
    out += _list("Used by fields of types", (column_ref(c) for c in t.attribute_of))
    out += _list("Domains over it", (qualified(s, n) for s, n in t.domains))
    return [*out, "--"]


def _sequence_block(s: SequenceFacts) -> list[str]:
    out = [f"-- Sequence: {one_line(s.qualified)}"]
    out += _description(s.comment)
    out.append(f"--   {one_line(s.data_type)}, start {s.start}, increment {s.increment}, "
               f"min {s.minimum}, max {s.maximum}, cache {s.cache}"
               + (", cycle" if s.cycle else ", no cycle"))
    out.append("--   Owned by: " + (one_line(column_ref(s.owned_by)) if s.owned_by else "none"))
    out += _list("Used by defaults of", (column_ref(c) for c in s.used_by))
    return [*out, "--"]


# -- _index.md and schema.json ------------------------------------------------------------

def _link(text: str, path: str) -> str:
    return f"[{md_code(text)}]({quote(path, safe='/')})"


def _mains(files: Mapping[str, list[Entry]], folder: str) -> list[tuple[str, Entry]]:
    """The objects (not what annotates them) of a folder's files; a base type once, not
    again for its shell."""
    out, seen = [], set()
    for path in sorted(files):
        if not path.startswith(folder + "/"):
            continue
        for e in files[path]:
            if e.desc in _DEPENDENTS or (e.oid and (path, e.oid) in seen):
                continue
            seen.add((path, e.oid))
            out.append((path, e))
    return out


def index_sections(facts: ObjectFacts, files: Mapping[str, list[Entry]]) -> list[str]:
    """`_index.md` sections (Markdown, one string each) for the objects in `files` (the
    result of `assign_objects`): functions, types, sequences, then the other kinds."""
    sections = []
    functions = _mains(files, FUNCTIONS)
    if functions:
        rows = ["| Name | Kind | Returns | Language | Description |", "|---|---|---|---|---|"]
        for path, e in functions:
            fn = facts.functions.get(e.oid)
            name = fn.signature if fn else _display_tag(e)
            rows.append(
                f"| {_link(name, path)} | {md_cell(fn.kind_name if fn else e.desc.lower())} | "
                f"{md_cell(fn.result or '') if fn else ''} | {md_cell(fn.language) if fn else ''}"
                f" | {md_cell(first_line(fn.comment)) if fn else ''} |")
        sections.append("\n".join([f"## Functions ({len(functions)})", "", *rows]))
    types = _mains(files, TYPES)
    if types:
        rows = ["| Name | Kind | Definition | Used by | Description |", "|---|---|---|---:|---|"]
        for path, e in types:
            t = facts.types.get(e.oid)
            name = t.qualified if t else _display_tag(e)
            rows.append(
                f"| {_link(name, path)} | {md_cell(t.kind_name if t else e.desc.lower())} | "
                f"{md_cell(_type_summary(t)) if t else ''} | "
                f"{len(t.columns) if t else ''} | "
                f"{md_cell(first_line(t.comment)) if t else ''} |")
        sections.append("\n".join([f"## Types ({len(types)})", "", *rows]))
    sequences = _mains(files, SEQUENCES)
    if sequences:
        rows = ["| Name | Type | Owned by | Used by | Description |", "|---|---|---|---|---|"]
        for path, e in sequences:
            s = facts.sequences.get(e.oid)
            name = s.qualified if s else _display_tag(e)
            rows.append(
                f"| {_link(name, path)} | {md_cell(s.data_type) if s else ''} | "
                f"{md_cell(column_ref(s.owned_by)) if s and s.owned_by else ''} | "
                f"{md_cell(', '.join(column_ref(c) for c in s.used_by)) if s else ''} | "
                f"{md_cell(first_line(s.comment)) if s else ''} |")
        sections.append("\n".join([f"## Sequences ({len(sequences)})", "", *rows]))
    others = _mains(files, OBJECTS)
    if others:
        rows = ["| Kind | Name | File |", "|---|---|---|"]
        for path, e in others:
            rows.append(f"| {md_cell(e.desc.lower())} | {md_code(_display_tag(e))} | "
                        f"[{md_cell(path)}]({quote(path, safe='/')}) |")
        sections.append("\n".join([f"## Other objects ({len(others)})", "", *rows]))
    return sections


def _type_summary(t: TypeFacts) -> str:
    if t.kind == "e":
        return ", ".join(_literal(v) for v in t.values)
    if t.kind == "c":
        return ", ".join(f"{n} {ty}" for n, ty in t.attributes)
    if t.kind == "r":
        return f"range of {t.subtype or '?'}"
    if t.kind == "d":
        return (f"{t.base or '?'}" + (" NOT NULL" if t.not_null else "")
                + "".join(f" {c}" for c in t.checks))
    return ""


def schema_json_objects(facts: ObjectFacts,
                        files: Mapping[str, list[Entry]]) -> dict[str, list[dict[str, Any]]]:
    """`schema.json` data for the objects in `files` (the result of `assign_objects`):
    lists `functions`, `types`, `sequences` and `objects` (the other kinds), each sorted
    like the index; no field is null (absent instead)."""
    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v is not None}

    def col(c: tuple[str, str, str]) -> dict[str, str]:
        return {"schema": c[0], "table": c[1], "column": c[2]}

    functions, types, sequences, objects = [], [], [], []
    for path, e in _mains(files, FUNCTIONS):
        fn = facts.functions.get(e.oid)
        if fn is None:
            functions.append(clean({"schema": e.namespace, "name": e.tag, "file": path}))
            continue
        functions.append(clean({
            "schema": fn.schema, "name": fn.name, "arguments": fn.arguments,
            "kind": fn.kind_name, "returns": fn.result, "language": fn.language,
            "volatility": VOLATILITY.get(fn.volatility), "strict": fn.strict,
            "security_definer": fn.security_definer,
            "parallel": PARALLEL.get(fn.parallel), "comment": fn.comment, "file": path,
            "triggers": [{"schema": t.schema, "table": t.table, "name": t.trigger}
                         if t.table else {"event_trigger": t.trigger} for t in fn.triggers],
            "used_by_defaults": [col(c) for c in fn.defaults],
            # Absent when none: the files of pgdoc 0.2 stay as they were.
            "used_by_aggregates": [{"schema": a.schema, "name": a.name,
                                    "arguments": a.arguments, "as": list(a.roles)}
                                   for a in fn.aggregates] or None,
        }))
    for path, e in _mains(files, TYPES):
        t = facts.types.get(e.oid)
        if t is None:
            types.append(clean({"schema": e.namespace, "name": e.tag, "file": path}))
            continue
        types.append(clean({
            "schema": t.schema, "name": t.name, "kind": t.kind_name, "comment": t.comment,
            "values": list(t.values) if t.kind == "e" else None,
            "fields": [{"name": n, "type": ty} for n, ty in t.attributes],
            "subtype": t.subtype, "base_type": t.base,
            "not_null": t.not_null if t.kind == "d" else None, "default": t.default,
            "checks": list(t.checks), "file": path,
            "used_by_columns": [col(c) for c in t.columns],
            "used_by_fields": [{"schema": c[0], "type": c[1], "field": c[2]}
                               for c in t.attribute_of],
            "domains": [{"schema": s, "name": n} for s, n in t.domains],
        }))
    for path, e in _mains(files, SEQUENCES):
        s = facts.sequences.get(e.oid)
        if s is None:
            sequences.append(clean({"schema": e.namespace, "name": e.tag, "file": path}))
            continue
        sequences.append(clean({
            "schema": s.schema, "name": s.name, "type": s.data_type, "start": s.start,
            "increment": s.increment, "min": s.minimum, "max": s.maximum, "cache": s.cache,
            "cycle": s.cycle, "comment": s.comment, "file": path,
            "owned_by": col(s.owned_by) if s.owned_by else None,
            "used_by_defaults": [col(c) for c in s.used_by],
        }))
    for path, e in _mains(files, OBJECTS):
        objects.append(clean({"kind": e.desc.lower(), "schema": e.namespace, "name": e.tag,
                              "file": path}))
    return {"functions": functions, "types": types, "sequences": sequences,
            "objects": objects}
