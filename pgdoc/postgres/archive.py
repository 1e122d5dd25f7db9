"""Read pg_dump's custom-format archive (`pg_dump --format=custom --schema-only`).

The archive's table of contents frames every field of every entry by its length, so no
text inside an object (a comment, a function body, a default) can be taken for structure.
Only the table of contents is read: a schema-only archive has no data blocks.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

# pg_dump's archive sections (pg_backup.h: teSection)
SECTION_NONE, SECTION_PRE_DATA, SECTION_DATA, SECTION_POST_DATA = 1, 2, 3, 4


# slots: 10,000 tables make ~100,000 entries. Not frozen, by convention never changed:
# a frozen dataclass's __init__ costs eight times as much (0.2 s of a first sync at 10,000
# tables); dataclasses.replace makes a changed copy.
@dataclass(slots=True)
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
    drop: str = ""  # the DROP statement (names the object the way `ALTER ... OWNER` needs)


# Archive versions this reader knows: 1.14 is written by pg_dump 12-15, 1.15 by 16, 1.16 by
# 17 and 18. Older ones never come from a pg_dump that can dump a supported server.
MIN_VERSION = (1, 14)
MAX_VERSION = (1, 16)
_CUSTOM_FORMAT = 1  # pg_backup.h: archCustom
_OFFSET_FLAGS = (1, 2, 3)  # K_OFFSET_POS_NOT_SET, K_OFFSET_POS_SET, K_OFFSET_NO_DATA


class ArchiveError(ValueError):
    """The bytes are not an archive this reader understands; the message says why."""


@dataclass(frozen=True)
class Archive:
    version: tuple[int, int, int]  # the archive format's (major, minor, revision)
    dump_version: str  # the pg_dump that wrote it, e.g. "15.18 (Debian 15.18-0+deb12u1)"
    server_version: str  # the server it dumped
    entries: list[Entry]

    @property
    def dump_major(self) -> int:
        """pg_dump's major version (15 for "15.18 (Debian ...)", 18 for "18.6")."""
        digits = ""
        for ch in self.dump_version:
            if not ch.isdigit():
                break
            digits += ch
        return int(digits or 0)


def read_archive(data: bytes | bytearray | memoryview) -> Archive:
    """Parse a custom-format archive's header and table of contents.

    Every field is read by the length the archive gives it; a truncated or corrupt archive
    raises ArchiveError, never a wrong entry."""
    buf = data if isinstance(data, (bytes, bytearray)) else bytes(data)  # never a copy
    if buf[:5] != b"PGDMP":
        raise ArchiveError("not a pg_dump custom-format archive (no PGDMP signature)")
    if len(buf) < 11:
        raise ArchiveError("the archive ends inside its header")
    vmaj, vmin, vrev, int_size, off_size, fmt = buf[5], buf[6], buf[7], buf[8], buf[9], buf[10]
    if not MIN_VERSION <= (vmaj, vmin) <= MAX_VERSION:
        lo, hi = ".".join(map(str, MIN_VERSION)), ".".join(map(str, MAX_VERSION))
        raise ArchiveError(f"archive version {vmaj}.{vmin} is not supported (this pgdoc reads "
                           f"{lo} to {hi}, written by pg_dump 12 to 18)")
    if fmt != _CUSTOM_FORMAT:
        raise ArchiveError(f"archive format {fmt} is not the custom format")
    if not 1 <= int_size <= 8 or not 1 <= off_size <= 16:
        raise ArchiveError(f"implausible integer sizes in the archive header ({int_size}, "
                           f"{off_size})")
    reader = _Reader(buf, 11, int_size, off_size, relkind=(vmaj, vmin) >= (1, 16))
    if (vmaj, vmin) >= (1, 15):
        reader.octet()  # compression algorithm
    else:
        reader.integer()  # compression level
    for _ in range(7):  # creation time: sec, min, hour, mday, mon, year, isdst
        reader.integer()
    reader.text()  # database name: an environment fact, never kept
    server_version = reader.text() or ""
    dump_version = reader.text() or ""
    count = reader.integer()
    if count < 0:
        raise ArchiveError(f"negative entry count {count} in the archive")
    entries = reader.entries(count)
    return Archive((vmaj, vmin, vrev), dump_version, server_version, entries)


# The fields between an entry's "had a data dumper" and its dependencies: s a string, i an
# integer. tableoid, oid, tag, desc, section, defn, drop, COPY statement, namespace,
# tablespace, table access method, [relkind (1.16+)], owner, "WITH OIDS".
_LAYOUT_114 = "ssssissssssss"
_LAYOUT_116 = "ssssissssssiss"
_FORMATS = {1: "B", 2: "H", 4: "I", 8: "Q"}
_INT4 = struct.Struct("<BI")
_UTF8, _AS_IS = "utf-8", "surrogateescape"  # struct's codes for the usual integer sizes


def _unpacker(int_size: int) -> Callable[[bytes | bytearray, int], tuple[int, int]]:
    """Reads an archive integer at a position: (its sign byte, its magnitude)."""
    if int_size in _FORMATS:
        return struct.Struct("<B" + _FORMATS[int_size]).unpack_from

    def unpack(buf: bytes | bytearray, pos: int) -> tuple[int, int]:
        end = pos + 1 + int_size
        if end > len(buf):
            raise struct.error("the integer runs past the end")
        return buf[pos], int.from_bytes(buf[pos + 1:end], "little")
    return unpack


def _str(raw: int | bytes | bytearray | None) -> str:
    if isinstance(raw, int):  # pragma: no cover - the layouts put integers elsewhere
        raise ArchiveError("an entry's string field is an integer")
    return raw.decode("utf-8", "surrogateescape") if raw else ""


def _oid(raw: int | bytes | bytearray | None) -> int:
    text = raw if isinstance(raw, (bytes, bytearray)) and raw else b"0"
    if not text.isdigit():
        raise ArchiveError(f"an entry's catalog id is not a number: {text[:20]!r}")
    return int(text)


class _Reader:
    """Reads the archive's integers (a sign byte, then `int_size` little-endian bytes),
    strings (a length, -1 for NULL, then that many bytes) and offsets."""

    __slots__ = ("buf", "int_size", "off_size", "pos", "relkind", "unpack")

    def __init__(self, buf: bytes | bytearray, pos: int, int_size: int, off_size: int,
                 relkind: bool) -> None:
        self.buf, self.pos, self.int_size, self.off_size = buf, pos, int_size, off_size
        self.relkind = relkind
        self.unpack = _unpacker(int_size)

    def _take(self, n: int) -> bytes | bytearray:
        end = self.pos + n
        if end > len(self.buf):
            raise ArchiveError("the archive ends in the middle of its table of contents")
        piece = self.buf[self.pos:end]
        self.pos = end
        return piece

    def octet(self) -> int:
        return self._take(1)[0]

    def integer(self) -> int:
        try:
            sign, value = self.unpack(self.buf, self.pos)
        except struct.error:
            raise ArchiveError("the archive ends in the middle of its table of contents") \
                from None
        self.pos += 1 + self.int_size
        return -value if sign else value

    def raw_str(self) -> bytes | bytearray | None:
        n = self.integer()
        if n < 0:
            return None
        return self._take(n)

    def text(self) -> str | None:
        raw = self.raw_str()
        return None if raw is None else raw.decode("utf-8", "surrogateescape")

    def entries(self, count: int) -> list[Entry]:
        """`count` table-of-contents entries."""
        if self.int_size == 4:
            return self._entries_int4(count)
        return [self.entry() for _ in range(count)]

    def _entries_int4(self, count: int) -> list[Entry]:
        """The entries of an archive with 4-byte integers (every pg_dump's), each field read
        in line: a whole database's table of contents has a million fields. A NULL string
        (a negative length) reads as an empty one, as in `entry`."""
        buf, pos, size, skip = self.buf, self.pos, len(self.buf), 1 + self.off_size
        unpack = _INT4.unpack_from
        relkind = 5 if self.relkind else 0
        out: list[Entry] = []
        append = out.append
        try:
            for _ in range(count):
                id_sign, dump_id = unpack(buf, pos)
                pos += 10  # the id, then "had a data dumper"
                s, n = unpack(buf, pos)
                n = 0 if s else n
                tableoid = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                oid = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                tag = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                desc = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, section = unpack(buf, pos)
                section = -section if s else section
                pos += 5
                s, n = unpack(buf, pos)
                n = 0 if s else n
                defn = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                drop = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)  # the COPY statement
                pos += 5 + (0 if s else n)
                s, n = unpack(buf, pos)
                n = 0 if s else n
                namespace = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                tablespace = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)
                n = 0 if s else n
                tableam = buf[pos + 5:pos + 5 + n]
                pos += 5 + n + relkind  # relkind: an integer (1.16+)
                s, n = unpack(buf, pos)
                n = 0 if s else n
                owner = buf[pos + 5:pos + 5 + n]
                pos += 5 + n
                s, n = unpack(buf, pos)  # "WITH OIDS"
                pos += 5 + (0 if s else n)
                deps = []
                while True:
                    s, n = unpack(buf, pos)
                    pos += 5
                    if s:
                        break
                    dep = buf[pos:pos + n]
                    pos += n
                    if not dep.isdigit():
                        raise ArchiveError(
                            f"entry {dump_id} has a dependency that is not an id")
                    deps.append(int(dep))
                flag = buf[pos]
                pos += skip
                if pos > size:
                    raise IndexError
                if id_sign or dump_id == 0:
                    raise ArchiveError(f"entry id {dump_id} out of range: a corrupt archive")
                if flag not in _OFFSET_FLAGS:
                    raise ArchiveError(
                        f"entry {dump_id} has an invalid data offset flag {flag}")
                append(Entry(
                    dump_id, int(tableoid) if tableoid.isdigit() else _oid(tableoid),
                    int(oid) if oid.isdigit() else _oid(oid), tag.decode(_UTF8, _AS_IS),
                    desc.decode(_UTF8, _AS_IS), section, defn.decode(_UTF8, _AS_IS),
                    namespace.decode(_UTF8, _AS_IS), tablespace.decode(_UTF8, _AS_IS),
                    tableam.decode(_UTF8, _AS_IS), owner.decode(_UTF8, _AS_IS), tuple(deps),
                    drop.decode(_UTF8, _AS_IS)))
        except (struct.error, IndexError):
            raise ArchiveError("the archive ends in the middle of its table of contents") \
                from None
        self.pos = pos
        return out

    def entry(self) -> Entry:
        """One table-of-contents entry, its fields read inline (a whole database's table of
        contents has a million)."""
        buf, pos, unpack, step = self.buf, self.pos, self.unpack, 1 + self.int_size
        layout = _LAYOUT_116 if self.relkind else _LAYOUT_114
        values: list[int | bytes | bytearray | None] = []
        try:
            id_sign, dump_id = unpack(buf, pos)
            pos += 2 * step  # the id, then "had a data dumper"
            for kind in layout:
                sign, n = unpack(buf, pos)
                pos += step
                if kind == "i":
                    values.append(-n if sign else n)
                elif sign:  # a negative length: NULL
                    values.append(None)
                else:
                    values.append(buf[pos:pos + n])
                    pos += n
            deps = []
            while True:
                sign, n = unpack(buf, pos)
                pos += step
                if sign:
                    break
                dep = buf[pos:pos + n]
                pos += n
                if not dep.isdigit():
                    raise ArchiveError(f"entry {dump_id} has a dependency that is not an id")
                deps.append(int(dep))
            flag = buf[pos]
        except (struct.error, IndexError):
            raise ArchiveError("the archive ends in the middle of its table of contents") \
                from None
        pos += 1 + self.off_size
        if pos > len(buf):
            raise ArchiveError("the archive ends in the middle of its table of contents")
        if id_sign or dump_id == 0:
            raise ArchiveError(f"entry id {dump_id} out of range: a corrupt archive")
        if flag not in _OFFSET_FLAGS:
            raise ArchiveError(f"entry {dump_id} has an invalid data offset flag {flag}")
        self.pos = pos
        tableoid, oid, tag, desc, section, defn, drop, _copy, namespace, tablespace, \
            tableam = values[:11]
        owner = values[-2]
        return Entry(dump_id, _oid(tableoid), _oid(oid), _str(tag), _str(desc),
                     section if isinstance(section, int) else 0, _str(defn), _str(namespace),
                     _str(tablespace), _str(tableam), _str(owner), tuple(deps), _str(drop))

