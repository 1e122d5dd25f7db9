"""Parse `pg_dump --schema-only --verbose` plain text into TOC entries, and clean them.

pg_dump's verbose mode heads every entry with its dump id, its catalog row and
the entries it depends on:

    --
    -- TOC entry 215 (class 1259 OID 16390)
    -- Dependencies: 214
    -- Name: users; Type: TABLE; Schema: public; Owner: app
    --

pgdoc keeps those numbers to assign each entry to its table, then drops them
(they change when unrelated objects do) along with everything else that varies
between runs of an unchanged schema: the `\restrict` key, version banners,
timestamps and the `SET` preamble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pgdoc.errors import ToolError

_HEADER = re.compile(
    r"^--\n"
    r"-- TOC entry (\d+) \(class (\d+) OID (\d+)\)\n"
    r"(?:-- Dependencies: ([\d ]+)\n)?"
    r"(-- (?:Data for )?Name: [^\n]*)\n"
    r"--\n",
    re.MULTILINE,
)
_NAME_LINE = re.compile(r"^-- (?:Data for )?Name: (.*); Type: (.*?); Schema: (.*?); Owner: (.*?)"
                        r"(?:; Tablespace: (.*))?$")
# Statements pg_dump emits *between* entries when its session state changes: they
# depend on what came before, not on the entry, so they are cut from entry ends.
_STATE_LINE = re.compile(
    r"^(SET (default_tablespace|default_table_access_method|default_with_oids) = .*;"
    r"|-- Completed on .*)$"
)
_TRAILER = "--\n-- PostgreSQL database dump complete\n"


@dataclass(frozen=True, slots=True)  # slots: a dump of 10,000 tables has 90,000 entries
class Entry:
    """One TOC entry of a dump: its header line and its statements."""

    dump_id: int
    class_oid: int
    oid: int
    deps: tuple[int, ...]
    desc: str  # TABLE, INDEX, FK CONSTRAINT, COMMENT, ACL, ...
    tag: str  # the `Name:` field
    schema: str  # `-` for objects outside a schema
    name_line: str  # `-- Name: ...; Type: ...; Schema: ...; Owner: ...`
    body: str  # the statements, cleaned, without leading/trailing blank lines

    @property
    def text(self) -> str:
        """The entry as pgdoc writes it: pg_dump's non-verbose header, then the statements."""
        return f"--\n{self.name_line}\n--\n\n{self.body}\n"


def parse_dump(text: str) -> list[Entry]:
    """Split verbose pg_dump output into entries; the preamble before the first is dropped."""
    entries: list[Entry] = []
    matches = list(_HEADER.finditer(text))
    seen: set[int] = set()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        dump_id = int(m.group(1))
        if dump_id in seen:
            raise ToolError(
                f"pg_dump output has two entries with dump id {dump_id}",
                hint="an object's text imitates a pg_dump header; use 'pgdoc sync --per-table'",
            )
        seen.add(dump_id)
        name_line = m.group(5)
        nm = _NAME_LINE.match(name_line)
        tag, desc, schema = (nm.group(1), nm.group(2), nm.group(3)) if nm else ("", "", "-")
        entries.append(
            Entry(
                dump_id=dump_id,
                class_oid=int(m.group(2)),
                oid=int(m.group(3)),
                deps=tuple(int(d) for d in (m.group(4) or "").split()),
                desc=desc,
                tag=tag,
                schema=schema,
                name_line=name_line,
                body=clean_body(text[m.end():end], last=i + 1 == len(matches)),
            )
        )
    return entries


def clean_body(body: str, last: bool = False) -> str:
    """An entry's statements without surrounding blank lines, session-state `SET`s or, for
    the last entry, the dump's trailer (banner, timestamp, `\\unrestrict`)."""
    if last:
        cut = body.rfind(_TRAILER)
        if cut >= 0:
            body = body[:cut]
    lines = body.split("\n")
    while lines and (not lines[-1].strip() or _STATE_LINE.match(lines[-1])):
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    return "\n".join(lines[start:])
