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


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, and no character that could end the cell,
    open a code span or a link, or start raw HTML."""
    return "".join(_MD_CELL_ESCAPES.get(ch, ch) for ch in one_line(text))


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
