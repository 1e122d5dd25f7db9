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

import codecs
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
_HEADER_START = "--\n-- TOC entry "


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
    parser = DumpParser()
    parser.feed(text)
    return parser.close()


class DumpParser:
    """Parses pg_dump's output while it arrives: `write` takes its bytes (a sink for the
    `sh` package), `close` returns the entries. Each entry is made as soon as the next
    header shows where it ends, so parsing ends right after pg_dump does and the whole
    text never exists at once. Every character is searched once, however the output is
    cut into chunks."""

    def __init__(self) -> None:
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        self._text = ""  # not made into entries yet: the newest header on, or the preamble
        self._header = False  # whether _text starts with a complete header
        self._scan = 0  # where in _text the next header may start
        self._seen: set[int] = set()
        self.entries: list[Entry] = []

    def write(self, data: bytes) -> None:
        self.feed(self._decode(data))

    def feed(self, text: str) -> None:
        self._text += text
        self._advance(final=False)

    def close(self) -> list[Entry]:
        self._text += self._decode(b"", True)
        self._advance(final=True)
        return self.entries

    def _advance(self, final: bool) -> None:
        text = self._text
        current = _HEADER.match(text) if self._header else None
        pos = self._scan
        while (at := text.find(_HEADER_START, pos)) >= 0:
            m = _HEADER.match(text, at) if at == 0 or text[at - 1] == "\n" else None
            if m is None:
                if not final and text.find("\n--\n", at + 3) < 0:
                    break  # a header still arriving: looked at again with more text
                pos = at + 1
                continue
            if current is not None:
                self._add(current, text[current.end():at], last=False)
            current, pos = m, m.end()
        else:  # no header starts before the end, but one may begin in its last characters
            at = max(pos, len(text) - len(_HEADER_START) + 1)
        if final:
            if current is not None:
                self._add(current, text[current.end():], last=True)
            self._text, self._header, self._scan = "", False, 0
            return
        keep = current.start() if current is not None else max(0, at - 1)
        self._text, self._header, self._scan = text[keep:], current is not None, at - keep

    def _add(self, m: re.Match[str], body: str, last: bool) -> None:
        dump_id = int(m.group(1))
        if dump_id in self._seen:
            raise ToolError(
                f"pg_dump output has two entries with dump id {dump_id}",
                hint="an object's text imitates a pg_dump header; use 'pgdoc sync --per-table'",
            )
        self._seen.add(dump_id)
        name_line = m.group(5)
        nm = _NAME_LINE.match(name_line)
        tag, desc, schema = (nm.group(1), nm.group(2), nm.group(3)) if nm else ("", "", "-")
        self.entries.append(Entry(
            dump_id=dump_id,
            class_oid=int(m.group(2)),
            oid=int(m.group(3)),
            deps=tuple(int(d) for d in (m.group(4) or "").split()),
            desc=desc,
            tag=tag,
            schema=schema,
            name_line=name_line,
            body=clean_body(body, last=last),
        ))


def clean_body(body: str, last: bool = False) -> str:
    """An entry's statements without surrounding blank lines, session-state `SET`s or, for
    the last entry, the dump's trailer (banner, timestamp, `\\unrestrict`)."""
    if last:
        cut = body.rfind(_TRAILER)
        if cut >= 0:
            body = body[:cut]
    # Only the ends are looked at: the lines in between are kept as they are.
    end = len(body)
    while True:  # drop trailing blank and session-state lines
        nl = body.rfind("\n", 0, end)
        line = body[nl + 1:end]
        if line.strip() and not _STATE_LINE.match(line):
            break
        if nl < 0:
            return ""
        end = nl
    start = 0
    while (nl := body.find("\n", start, end)) >= 0 and not body[start:nl].strip():
        start = nl + 1  # drop leading blank lines
    return body[start:end]
