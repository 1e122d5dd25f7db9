"""Tests of the (schema, table) -> file name mapping in pgdoc.folder.naming."""

from __future__ import annotations

import hashlib
import ntpath
import posixpath
import unicodedata
from typing import Literal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pgdoc.folder.naming import (
    MAX_FILENAME_BYTES,
    decode_filename,
    encode_identifier,
    table_filename,
)

# --------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("name", "encoded"),
    [
        ("foo", "foo"),
        ("Foo", "Foo^1"),
        ("UnitTest", "UnitTest^11"),
        ("a.b", "a%2eb"),
        ("../x", "%2e%2e%2fx"),
        ("a-b c", "a%2db%20c"),
        ("50%", "50%25"),
        ("a^1", "a%5e1"),
        ("~x", "%7ex"),
        ('"Foo"', "%22Foo%22^8"),
        ("it's", "it%27s"),
        ("line\nbreak", "line%0abreak"),
        ("é", "%c3%a9"),
        ("_9", "_9"),
    ],
)
def test_encode_identifier_examples(name: str, encoded: str) -> None:
    assert encode_identifier(name) == encoded


def test_public_lower_case_table_is_plain() -> None:
    assert table_filename("public", "users") == "users.sql"
    assert decode_filename("users.sql") == ("public", "users")


def test_other_schema_is_prefixed() -> None:
    assert table_filename("billing", "invoices") == "billing.invoices.sql"
    assert decode_filename("billing.invoices.sql") == ("billing", "invoices")


def test_case_differs_case_insensitively() -> None:
    lower, upper = table_filename("public", "foo"), table_filename("public", "Foo")
    assert (lower, upper) == ("foo.sql", "Foo^1.sql")
    assert lower.casefold() != upper.casefold()
    assert table_filename("public", "FOO").casefold() != upper.casefold()


def test_path_traversal_is_escaped() -> None:
    assert table_filename("public", "../x") == "%2e%2e%2fx.sql"
    assert table_filename("public", "..") == "%2e%2e.sql"
    assert table_filename("..", "..") == "%2e%2e.%2e%2e.sql"
    assert table_filename("public", "a\\b") == "a%5cb.sql"


def test_newline_and_quotes() -> None:
    assert table_filename("public", "a\nb") == "a%0ab.sql"
    assert table_filename("public", '"Foo"') == "%22Foo%22^8.sql"
    assert table_filename("public", "Foo") != table_filename("public", '"Foo"')
    assert table_filename("public", "it's") == "it%27s.sql"


def test_arabic() -> None:
    filename = table_filename("تست", "موارد")
    assert filename == ("%d8%aa%d8%b3%d8%aa.%d9%85%d9%88%d8%a7%d8%b1%d8%af.sql")
    assert decode_filename(filename) == ("تست", "موارد")


def test_dotted_public_name_differs_from_schema_and_table() -> None:
    dotted = table_filename("public", "a.b")
    split = table_filename("a", "b")
    assert (dotted, split) == ("a%2eb.sql", "a.b.sql")
    assert decode_filename(dotted) == ("public", "a.b")
    assert decode_filename(split) == ("a", "b")


def test_public_schema_named_explicitly_is_not_a_valid_output() -> None:
    assert decode_filename("public.users.sql") is None


@pytest.mark.parametrize("device", ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt0"])
def test_windows_device_names(device: str) -> None:
    filename = table_filename("public", device)
    assert filename == f"%{ord(device[0]):02x}{device[1:]}.sql"
    assert decode_filename(filename) == ("public", device)
    as_schema = table_filename(device, "t")
    assert as_schema.split(".")[0].upper() != device.upper()
    assert decode_filename(as_schema) == (device, "t")
    # Only canonical output decodes: a needlessly escaped letter is rejected.
    assert decode_filename("%63at.sql") is None


def test_device_names_with_case_or_suffix_are_not_escaped() -> None:
    assert table_filename("public", "CON") == "CON^7.sql"
    assert table_filename("public", "console") == "console.sql"
    assert table_filename("public", "com10") == "com10.sql"
    assert table_filename("t", "con") == "t.con.sql"


def test_percent_caret_tilde() -> None:
    assert table_filename("public", "%") == "%25.sql"
    assert table_filename("public", "^") == "%5e.sql"
    assert table_filename("public", "~") == "%7e.sql"
    assert table_filename("public", "Foo^1") == "Foo%5e1^1.sql"
    assert table_filename("public", "Foo^1") != table_filename("public", "Foo")
    for name in ("%", "^", "~", "Foo^1", "%2e"):
        assert decode_filename(table_filename("public", name)) == ("public", name)


def test_long_names_are_cut_and_hashed() -> None:
    name = "x" * 300
    filename = table_filename("public", name)
    digest = hashlib.sha256(("public\0" + name).encode()).hexdigest()[:16]
    assert filename.endswith(f"~{digest}.sql")
    assert len(filename.encode()) <= MAX_FILENAME_BYTES
    assert filename.startswith("x" * 170)
    assert decode_filename(filename) is None
    assert table_filename("public", name + "y") != filename


def test_long_name_cut_never_splits_escapes_or_masks() -> None:
    for length in range(60, 80):
        name = "é" * length  # 6 bytes of escape per character
        filename = table_filename("s", name)
        assert len(filename) <= MAX_FILENAME_BYTES
        prefix = filename.split("~")[0]
        assert prefix.startswith("s.")
        assert len(prefix[2:]) % 6 == 0  # whole characters: both escapes of each é
    upper = table_filename("public", "A" * 250)
    assert "^" not in upper
    assert upper.startswith("A" * 179 + "~")


def test_schema_mask_kept_when_name_is_cut() -> None:
    filename = table_filename("Sales", "y" * 300)
    assert filename.startswith("Sales^1.yyy")
    assert "~" in filename


def test_boundary_exactly_200_bytes_is_not_hashed() -> None:
    name = "a" * (MAX_FILENAME_BYTES - len(".sql"))
    assert table_filename("public", name) == name + ".sql"
    assert decode_filename(name + ".sql") == ("public", name)
    assert "~" in table_filename("public", name + "a")


def test_63_byte_identifiers_fit_unhashed() -> None:
    schema, name = "s" * 63, "t" * 63
    assert table_filename(schema, name) == f"{schema}.{name}.sql"


@pytest.mark.parametrize(
    "filename",
    [
        "users",
        "users.txt",
        ".sql",
        "a.b.c.sql",
        "a..sql",
        "%2E.sql",
        "%2.sql",
        "%zz.sql",
        "foo^1.sql",
        "Foo.sql",
        "Foo^3.sql",
        "foo^.sql",
        "%ff.sql",
        "x~0123456789abcdef.sql",
        "a-b.sql",
    ],
)
def test_decode_rejects_non_outputs(filename: str) -> None:
    assert decode_filename(filename) is None


@pytest.mark.parametrize(("schema", "name"), [("", "t"), ("public", ""), ("a\0", "t"), ("s", "\0")])
def test_empty_or_nul_identifiers_rejected(schema: str, name: str) -> None:
    with pytest.raises(ValueError):
        table_filename(schema, name)


# --------------------------------------------------------------------------- properties

_FORMS: list[Literal["NFC", "NFD", "NFKC", "NFKD"]] = ["NFC", "NFD", "NFKC", "NFKD"]

identifiers = st.text(st.characters(exclude_characters="\0"), min_size=1, max_size=80)
tricky_alphabet = st.sampled_from(
    [*"aAbBzZ09_.%^~-/\\ \n\"'éÉEe\u0301\u0130ıßſﬁÅÅK", "\u212a", "con", "nul"]
)
tricky_identifiers = st.lists(tricky_alphabet, min_size=1, max_size=12).map("".join)
any_identifier = st.one_of(identifiers, tricky_identifiers, st.sampled_from(["public", "con"]))
tables = st.tuples(st.one_of(st.just("public"), any_identifier), any_identifier)


def _swap_some_case(text: str, flips: list[bool]) -> str:
    padded = flips + [False] * (len(text) - len(flips))
    return "".join(c.swapcase() if flip else c for c, flip in zip(text, padded, strict=True))


@st.composite
def case_variant_pairs(draw: st.DrawFn) -> tuple[tuple[str, str], tuple[str, str]]:
    schema, name = draw(tables)
    flips_schema = draw(st.lists(st.booleans(), max_size=len(schema)))
    flips_name = draw(st.lists(st.booleans(), max_size=len(name)))
    other = (_swap_some_case(schema, flips_schema), _swap_some_case(name, flips_name))
    return (schema, name), other


@st.composite
def normalisation_variant_pairs(draw: st.DrawFn) -> tuple[tuple[str, str], tuple[str, str]]:
    schema, name = draw(tables)
    forms = st.sampled_from(_FORMS)
    other_schema = unicodedata.normalize(draw(forms), schema)
    other_name = unicodedata.normalize(draw(forms), name)
    return (schema, name), (other_schema or schema, other_name or name)


def _fold_keys(filename: str) -> set[str]:
    keys = {filename.casefold()}
    for form in _FORMS:
        keys.add(unicodedata.normalize(form, filename).casefold())
        keys.add(unicodedata.normalize(form, filename.casefold()))
    return keys


def _assert_never_confused(a: tuple[str, str], b: tuple[str, str]) -> None:
    assume(a != b)
    fa, fb = table_filename(*a), table_filename(*b)
    assert fa != fb
    assert _fold_keys(fa).isdisjoint(_fold_keys(fb))


@settings(max_examples=300, deadline=None)
@given(tables, tables)
def test_distinct_tables_never_collide(a: tuple[str, str], b: tuple[str, str]) -> None:
    _assert_never_confused(a, b)


@settings(max_examples=300, deadline=None)
@given(case_variant_pairs())
def test_case_variants_never_collide(pair: tuple[tuple[str, str], tuple[str, str]]) -> None:
    _assert_never_confused(*pair)


@settings(max_examples=300, deadline=None)
@given(normalisation_variant_pairs())
def test_normalisation_variants_never_collide(
    pair: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    _assert_never_confused(*pair)


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("aé"), min_size=1, max_size=6))
def test_composed_and_decomposed_accents_differ(name: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)
    assume(nfc != nfd)
    _assert_never_confused(("public", nfc), ("public", nfd))


@settings(max_examples=300, deadline=None)
@given(tables)
def test_filename_is_one_safe_component(table: tuple[str, str]) -> None:
    filename = table_filename(*table)
    assert filename.isascii()
    assert filename.isprintable()
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in filename)
    assert "/" not in filename
    assert "\\" not in filename
    assert "\0" not in filename
    assert ":" not in filename
    assert filename not in (".", "..")
    assert not filename.startswith(".")
    assert filename.endswith(".sql")
    assert len(filename.encode("utf-8")) <= MAX_FILENAME_BYTES
    assert filename.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    for pathmod, base in ((posixpath, "/out/docs"), (ntpath, "C:\\out\\docs")):
        joined = pathmod.normpath(pathmod.join(base, filename))
        assert pathmod.dirname(joined) == base
        assert pathmod.basename(joined) == filename


@settings(max_examples=300, deadline=None)
@given(tables)
def test_deterministic_and_round_trips(table: tuple[str, str]) -> None:
    filename = table_filename(*table)
    assert table_filename(*table) == filename
    decoded = decode_filename(filename)
    if "~" in filename:
        assert decoded is None
    else:
        assert decoded == table
        assert decode_filename(filename.swapcase()) in (None, table)


@settings(max_examples=300, deadline=None)
@given(identifiers)
def test_encoded_identifier_alphabet(name: str) -> None:
    encoded = encode_identifier(name)
    assert set(encoded) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%^")
    assert "." not in encoded
    assert "~" not in encoded


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_characters="\0"), min_size=200, max_size=400), identifiers)
def test_long_names_within_limit(name: str, schema: str) -> None:
    filename = table_filename(schema, name)
    assert len(filename) <= MAX_FILENAME_BYTES
    assert "~" in filename
    assert decode_filename(filename) is None


def test_an_orphan_with_a_hashed_file_name_keeps_its_name_once_marked() -> None:
    from pgdoc.docs.render import MARKER, mark_orphaned
    from pgdoc.folder.plan import _orphan_name

    name = "é" * 40
    filename = table_filename(name, name)
    assert decode_filename(filename) is None  # too long: hashed, not decodable
    text = f"{MARKER}\n--\n-- Table: \"{name}\".\"{name}\"\n--\n"
    first = _orphan_name(filename, text)
    assert first == f'"{name}"."{name}"'
    assert _orphan_name(filename, mark_orphaned(text, first)) == first  # a second sync's
