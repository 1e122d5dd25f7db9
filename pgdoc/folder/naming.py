"""Map a PostgreSQL table (schema, name) to the file name it is documented in.

Each identifier is encoded on its own: ASCII letters, digits and ``_`` stay as they are;
every other character (``.``, ``-``, space, ``%``, ``^``, ``~``, quotes, control and
non-ASCII characters) becomes ``%xx`` escapes of its UTF-8 bytes, with lower-case hex.
If the identifier has upper-case letters, ``^`` and a lower-case hex bitmask of their
positions follows (``Foo`` -> ``Foo^1``), so names that differ only by case still differ
on case-insensitive file systems. A table in ``public`` is ``<name>.sql``
(``users`` -> ``users.sql``); any other is ``<schema>.<name>.sql`` (``a.b`` in ``public``
-> ``a%2eb.sql``, table ``b`` in schema ``a`` -> ``a.b.sql``). If the part before the
first dot is a Windows device name (``con``, ``nul``, ``com1``...), its first letter is
escaped (``con`` -> ``%63on.sql``). A name longer than 200 bytes is cut and ends in ``~``
plus 16 hex digits of the SHA-256 of ``schema + "\\0" + name`` (``~`` appears nowhere else).
The mapping is pure and one-to-one: file names are plain ASCII, one path component, and a
table gets the same file name whatever other tables exist.
"""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "MAX_FILENAME_BYTES",
    "SUFFIX",
    "decode_filename",
    "encode_identifier",
    "object_path",
    "table_filename",
]

SUFFIX = ".sql"
MAX_FILENAME_BYTES = 200
_HASH_CHARS = 16
_PUBLIC = "public"

_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Reserved device names on Windows (any extension); COM0/LPT0 are listed by current
# Microsoft documentation too. Superscript variants (COM¹...) cannot occur: non-ASCII
# is always escaped.
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(10)] + [f"LPT{i}" for i in range(10)]
)
# One token of an encoded stem: the escapes of one character (a UTF-8 lead byte and its
# continuation bytes), a literal, a case mask or the schema separator.
_TOKEN = re.compile(r"%[0-9a-f]{2}(?:%[89ab][0-9a-f])*|\^[0-9a-f]+|[A-Za-z0-9_.]")
_ENCODED_IDENTIFIER = re.compile(r"((?:%[0-9a-f]{2}|[A-Za-z0-9_])+)(?:\^([0-9a-f]+))?")


def _utf8(text: str) -> bytes:
    # surrogatepass: total over Python str (lone surrogates never come from PostgreSQL).
    return text.encode("utf-8", "surrogatepass")


def encode_identifier(name: str) -> str:
    """Encode one identifier as file-name-safe ASCII (see the module docstring).

    Only ``[A-Za-z0-9_]``, ``%``, lower-case hex digits and ``^`` occur in the result;
    never ``.`` or ``~``.
    """
    parts: list[str] = []
    for char in name:
        if char in _LITERAL:
            parts.append(char)
        else:
            parts.extend(f"%{byte:02x}" for byte in _utf8(char))
    escaped = "".join(parts)
    mask = 0
    for position, char in enumerate(escaped):
        if char in _UPPER:
            mask |= 1 << position
    return f"{escaped}^{mask:x}" if mask else escaped


def _protect_device_name(encoded: str) -> str:
    """Escape the first character of an encoded identifier that is a Windows device name."""
    if encoded.upper() in _WINDOWS_DEVICES:
        return f"%{ord(encoded[0]):02x}{encoded[1:]}"
    return encoded


def _check_identifier(kind: str, value: str) -> None:
    if not value:
        raise ValueError(f"empty {kind} name: PostgreSQL identifiers cannot be empty")
    if "\0" in value:
        raise ValueError(f"{kind} name {value!r} contains NUL, which PostgreSQL does not allow")


def _hashed(schema: str, name: str, stem: str) -> str:
    digest = hashlib.sha256(_utf8(schema + "\0" + name)).hexdigest()[:_HASH_CHARS]
    tail = f"~{digest}{SUFFIX}"
    budget = MAX_FILENAME_BYTES - len(tail)
    prefix: list[str] = []
    used = 0
    for token in _TOKEN.findall(stem):
        if used + len(token) > budget:
            break  # never split a character's escapes; a case mask that does not fit is dropped
        prefix.append(token)
        used += len(token)
    return "".join(prefix) + tail


def table_filename(schema: str, name: str) -> str:
    """The file name (one path component, ASCII, <= 200 bytes) documenting ``schema.name``.

    Raises ValueError if ``schema`` or ``name`` is empty or contains NUL (PostgreSQL allows
    neither).
    """
    _check_identifier("schema", schema)
    _check_identifier("table", name)
    encoded_name = encode_identifier(name)
    if schema == _PUBLIC:
        stem = _protect_device_name(encoded_name)
    else:
        stem = f"{_protect_device_name(encode_identifier(schema))}.{encoded_name}"
    filename = stem + SUFFIX
    if len(filename) > MAX_FILENAME_BYTES:  # ASCII only: characters == bytes
        filename = _hashed(schema, name, stem)
    return filename


def _decode_identifier(encoded: str) -> str | None:
    match = _ENCODED_IDENTIFIER.fullmatch(encoded)
    if match is None:
        return None
    data = bytearray()
    body = match.group(1)
    position = 0
    while position < len(body):
        if body[position] == "%":
            data.append(int(body[position + 1 : position + 3], 16))
            position += 3
        else:
            data.append(ord(body[position]))
            position += 1
    try:
        return bytes(data).decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def decode_filename(filename: str) -> tuple[str, str] | None:
    """Return ``(schema, name)`` for a file name produced by :func:`table_filename`.

    Returns None for hashed (shortened) names and for anything ``table_filename`` would
    not produce (so a non-None result always maps back to exactly ``filename``).
    """
    if not filename.endswith(SUFFIX) or "~" in filename:
        return None
    pieces = filename[: -len(SUFFIX)].split(".")
    decoded = [_decode_identifier(piece) for piece in pieces]
    if len(decoded) == 1 and decoded[0] is not None:
        schema, name = _PUBLIC, decoded[0]
    elif len(decoded) == 2 and decoded[0] is not None and decoded[1] is not None:
        schema, name = decoded[0], decoded[1]
    else:
        return None
    try:
        canonical = table_filename(schema, name)
    except ValueError:
        return None
    return (schema, name) if canonical == filename else None


def object_path(folder: str, schema: str, name: str) -> str:
    """The path, relative to the output folder, of the file documenting a schema object
    other than a table: ``<folder>/`` plus the object's name encoded like a table's
    (``functions/set_updated_at.sql``, ``types/app.addr.sql``). ``folder`` is one plain
    path component chosen by pgdoc (``functions``, ``types``, ``sequences``)."""
    if not folder or not set(folder) <= _LITERAL:
        raise ValueError(f"object folder {folder!r} must be ASCII letters, digits and _")
    return f"{folder}/{table_filename(schema, name)}"
