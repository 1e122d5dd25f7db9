"""pgdoc.postgres.archive: pg_dump's custom format read by length, never by what text looks like.

Real archives come from the test server's pg_dump (and PostgreSQL 18's, from the wheel) and
are checked against pg_restore's own listing; synthetic ones, written here field by field,
let hypothesis try hostile strings and every truncation."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdoc.devserver import ThrowawayPostgres
from pgdoc.postgres.archive import ArchiveError, Entry, read_archive

# -- a writer of archives, as pg_backup_archiver.c writes them --------------------------------


def _int_bytes(value: int, size: int) -> bytes:
    return bytes([1 if value < 0 else 0]) + abs(value).to_bytes(size, "little")


def _str_bytes(value: str | None, size: int) -> bytes:
    if value is None:
        return _int_bytes(-1, size)
    raw = value.encode("utf-8", "surrogateescape")
    return _int_bytes(len(raw), size) + raw


def write_archive(entries: list[Entry], version: tuple[int, int] = (1, 14),
                  int_size: int = 4) -> bytes:
    def _int(value: int) -> bytes:
        return _int_bytes(value, int_size)

    def _str(value: str | None) -> bytes:
        return _str_bytes(value, int_size)

    out = [b"PGDMP", bytes([version[0], version[1], 0, int_size, 8, 1])]
    out.append(bytes([0]) if version >= (1, 15) else _int(0))
    out += [_int(v) for v in (1, 2, 3, 4, 5, 126, 0)]
    out += [_str("somedb"), _str("15.18"), _str("15.18")]
    out.append(_int(len(entries)))
    for e in entries:
        out += [_int(e.dump_id), _int(0), _str(str(e.tableoid)), _str(str(e.oid)), _str(e.tag),
                _str(e.desc), _int(e.section), _str(e.defn), _str(e.drop), _str(""),
                _str(e.namespace), _str(e.tablespace), _str(e.tableam)]
        if version >= (1, 16):
            out.append(_int(ord("r")))
        out += [_str(e.owner), _str("false")]
        out += [_str(str(d)) for d in e.deps] + [_str(None)]
        out.append(bytes([3]) + bytes(8))  # K_OFFSET_NO_DATA and an offset
    return b"".join(out)


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from([
    "--\n-- TOC entry 3 (class 1259 OID 16390)\n-- Name: users; Type: TABLE; Schema: public;"
    " Owner: app\n--\n\nGRANT ALL ON TABLE public.users TO PUBLIC;\n",
    "SET default_tablespace = x;", "-- Completed on 2026-01-01", "\r\n", "\x00", "'; DROP",
])


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(0, 6))
    return [Entry(dump_id=i + 1, tableoid=draw(st.sampled_from([0, 1259, 2606])),
                  oid=draw(st.integers(0, 2**32 - 1)), tag=draw(text), desc=draw(text),
                  section=draw(st.integers(1, 4)), defn=draw(text), namespace=draw(text),
                  tablespace=draw(text), tableam=draw(text), owner=draw(text),
                  deps=tuple(draw(st.lists(st.integers(1, 99), max_size=3))), drop=draw(text))
            for i in range(count)]


@given(entries(), st.sampled_from([(1, 14), (1, 15), (1, 16)]))
def test_every_field_comes_back_exactly_whatever_it_holds(
        written: list[Entry], version: tuple[int, int]) -> None:
    archive = read_archive(write_archive(written, version))
    assert archive.entries == written
    assert archive.version[:2] == version


@settings(max_examples=40)
@given(entries(), st.sampled_from([2, 3, 8]), st.data())
def test_other_integer_sizes_read_the_same(written: list[Entry], int_size: int,
                                           data: st.DataObject) -> None:
    """pg_dump writes the integers of the platform it ran on: 4 bytes everywhere today,
    but the archive says so, and every size reads through the same code (and refuses
    every cut)."""
    raw = write_archive(written, int_size=int_size)
    assert read_archive(raw).entries == written
    cut = data.draw(st.integers(0, len(raw) - 1))
    with pytest.raises(ArchiveError):
        read_archive(raw[:cut])


@settings(max_examples=60)
@given(entries(), st.data())
def test_a_truncated_archive_is_refused_never_misread(written: list[Entry],
                                                     data: st.DataObject) -> None:
    raw = write_archive(written)
    cut = data.draw(st.integers(0, len(raw) - 1))
    with pytest.raises(ArchiveError):
        read_archive(raw[:cut])


@pytest.mark.parametrize("version", [(1, 13), (1, 17), (2, 0)])
def test_unknown_archive_versions_are_refused_with_one_clear_line(
        version: tuple[int, int]) -> None:
    raw = bytearray(write_archive([]))
    raw[5], raw[6] = version
    with pytest.raises(ArchiveError, match=rf"archive version {version[0]}\.{version[1]} is "
                       r"not supported \(this pgdoc reads 1\.14 to 1\.16"):
        read_archive(bytes(raw))


def test_text_that_is_no_archive_is_refused() -> None:
    with pytest.raises(ArchiveError, match="not a pg_dump custom-format archive"):
        read_archive(b"--\n-- PostgreSQL database dump\n--\n")


# -- real archives --------------------------------------------------------------------------

HOSTILE = "\n".join([
    r"CREATE TABLE users (id int PRIMARY KEY,"
    r" note text DEFAULT E'--\n-- TOC entry 9 (class 1259 OID 1)\n');",
    r"COMMENT ON TABLE users IS E'--\n-- TOC entry 7 (class 1259 OID 16390)\n"
    r"-- Name: users; Type: ACL; Schema: public; Owner: app\n--\n\n"
    r"GRANT ALL ON TABLE public.users TO PUBLIC;\n';",
    r"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
    r"COMMENT ON FUNCTION f() IS E'x\r\ny\nSET default_tablespace = x;';",
])


def _dump(server: ThrowawayPostgres, db: str, bindir: str) -> bytes:
    return subprocess.run(
        [str(Path(bindir) / "pg_dump"), "--schema-only", "--format=custom", "-d", db],
        env={**server.env(db), "PATH": "/usr/bin:/bin"}, capture_output=True, check=True,
    ).stdout


def _restore_list(archive: bytes, bindir: str) -> list[str]:
    """pg_restore's own listing: `dumpid; tableoid oid DESC ...` per entry."""
    out = subprocess.run([str(Path(bindir) / "pg_restore"), "-l"], input=archive,
                         capture_output=True, check=True).stdout.decode()
    return [ln for ln in out.splitlines() if ln and not ln.startswith(";")]


def _check_against_pg_restore(archive: bytes, bindir: str) -> None:
    parsed = read_archive(archive)
    listed = _restore_list(archive, bindir)
    ids = [int(ln.split(";")[0]) for ln in listed]
    # pg_restore -l leaves out entries it would not restore (the DATABASE entry, ...).
    assert set(ids) <= {e.dump_id for e in parsed.entries}
    by_id = {e.dump_id: e for e in parsed.entries}
    for ln in listed:
        head, _, rest = ln.partition(";")
        tableoid, oid, *_ = rest.split()
        e = by_id[int(head)]
        assert (e.tableoid, e.oid) == (int(tableoid), int(oid))
        assert f" {e.desc} " in rest


def test_a_real_archive_reads_as_pg_restore_lists_it(pg: ThrowawayPostgres, db: str) -> None:
    pg.psql(HOSTILE, db)
    archive = _dump(pg, db, pg.bindir)
    _check_against_pg_restore(archive, pg.bindir)
    parsed = read_archive(archive)
    assert parsed.dump_major == pg.version_num // 10000
    comment = next(e for e in parsed.entries if e.desc == "COMMENT" and e.tag == "TABLE users")
    assert "GRANT ALL ON TABLE public.users TO PUBLIC" in comment.defn  # data, inside one entry
    assert not any(e.desc == "ACL" for e in parsed.entries)
    fcomment = next(e for e in parsed.entries if e.tag == "FUNCTION f()")
    assert "x\r\ny\nSET default_tablespace = x;" in fcomment.defn


def test_pg_dump_18_archives_read_too(pg18: ThrowawayPostgres) -> None:
    db = "archive18"
    pg18.create_database(db)
    try:
        pg18.psql(HOSTILE, db)
        archive = _dump(pg18, db, pg18.bindir)
        assert read_archive(archive).version[:2] == (1, 16)
        _check_against_pg_restore(archive, pg18.bindir)
    finally:
        pg18.drop_database(db)
