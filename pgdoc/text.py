"""Make untrusted text (names, comments) safe for the place it is written to."""

from __future__ import annotations

import re
import unicodedata

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


_PLAIN = re.compile(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]*\Z")


def one_line(text: str) -> str:
    """Text on a single line: line breaks and other control characters become visible
    escapes (`\\n`, `\\u2028`), so a value can never end an SQL `--` comment, a Markdown
    table row or a line of `_table_list.txt`."""
    if _PLAIN.match(text):
        return text
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def first_line(text: str | None) -> str:
    """The first non-empty line of a comment, for one-line descriptions."""
    if not text:
        return ""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


_MD_CELL_ESCAPES = {"\\": "\\\\", "|": "\\|", "`": "\\`", "<": "&lt;", ">": "&gt;",
                    "&": "&amp;", "[": "\\[", "]": "\\]"}


_MD_CELL_TABLE = str.maketrans(_MD_CELL_ESCAPES)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, and no character that could end the cell,
    open a code span or a link, or start raw HTML."""
    return one_line(text).translate(_MD_CELL_TABLE)


def md_code(text: str, in_table: bool = True) -> str:
    """A name as an inline code span that renders literally (inside a table cell when
    `in_table`: there a `|` must be written `\\|`, even in a code span)."""
    text = one_line(text)
    if in_table:
        if "\\|" in text:
            # A backslash before a pipe cannot be shown in a code span in a table cell
            # (GFM reads `\\|` as an escaped pipe): escaped plain text renders it exactly.
            return md_cell(text)
        text = text.replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") or text.strip() != text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def for_terminal(text: str) -> str:
    """Text shown as it is, for a terminal or a commit message: control characters (C0,
    DEL, C1) become `\\n`, `\\r`, `\\t` or `\\xNN`, so no escape sequence (ESC, CSI, OSC)
    reaches a terminal; bidi overrides, isolates and marks and line/paragraph separators
    become `\\uNNNN`, so nothing reorders or breaks a line. The result is one line;
    other characters, backslashes included, stay as they are."""
    if text.isprintable():  # the usual case: none of the characters below
        return text
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = []
    for ch in text:
        code = ord(ch)
        if ch in named:
            out.append(named[ch])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif (ch in "\u061c\u200e\u200f\u2028\u2029" or 0x202A <= code <= 0x202E
              or 0x2066 <= code <= 0x2069 or 0xD800 <= code <= 0xDFFF):
            # 0xD800-0xDFFF: undecodable bytes of a file name (surrogateescape)
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
