"""Read pg_dump's custom-format archive (`pg_dump --format=custom --schema-only`).

The archive's table of contents frames every field of every entry by its length, so no
text inside an object (a comment, a function body, a default) can be taken for structure.
Only the table of contents is read: a schema-only archive has no data blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

# pg_dump's archive sections (pg_backup.h: teSection)
SECTION_NONE, SECTION_PRE_DATA, SECTION_DATA, SECTION_POST_DATA = 1, 2, 3, 4


@dataclass(frozen=True, slots=True)  # slots: 10,000 tables make ~100,000 entries
class Entry:
    """One table-of-contents entry, as pg_dump wrote it.

    `defn` is the statement text, verbatim (decoded from UTF-8 with `surrogateescape`, so
    that writing it back with the same error handler gives pg_dump's bytes exactly).
    Owners are never part of `defn` (pg_restore makes `OWNER TO` from `owner`); grants are
    entries of their own (`desc` "ACL", "DEFAULT ACL")."""

    dump_id: int
    tableoid: int  # the catalog the object lives in (pg_class's oid 1259, ...); 0 if none
    oid: int  # the object's oid in that catalog; 0 if none
    tag: str  # the object's name as pg_dump labels it (`users`, `f(integer)`, ...)
    desc: str  # TABLE, INDEX, FK CONSTRAINT, COMMENT, ACL, FUNCTION, ...
    section: int  # SECTION_PRE_DATA, ...
    defn: str  # the statement text, verbatim
    namespace: str  # the schema, "" for objects outside one
    tablespace: str  # "" when default
    tableam: str  # "" when none (archive 1.14+)
    owner: str
    deps: tuple[int, ...]  # dump ids this entry depends on
