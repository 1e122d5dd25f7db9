"""What `pgdoc check --diff` prints: a review-sized diff of what a sync would change.

The table files are the review: their diffs are printed in full, long lines cut with a
marker. The overview files (`_index.md`, `schema.json`, `_table_list.txt`, diagrams) only
restate the table files, so each gets one line saying how much of it would change;
`--full` prints every diff with every line whole.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from pgdoc.folder.plan import Plan
from pgdoc.folder.writer import read_text
from pgdoc.text import for_terminal

MAX_LINE = 200  # characters of a diff line shown before it is cut


def cut(line: str, width: int = MAX_LINE) -> str:
    """A diff line of at most about `width` characters: a longer one ends with a marker
    saying how much was left out (its newline kept)."""
    body = line.rstrip("\n")
    if len(body) <= width:
        return line
    end = "\n" if line.endswith("\n") else ""
    return f"{body[:width]} [... {len(body) - width} more characters]{end}"


def _lines(text: str) -> list[str]:
    """The file's lines as git sees them: cut at newlines only (a carriage return or a
    form feed inside a comment is part of its line)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return [*out, lines[-1]] if lines[-1] else out


def shown(line: str) -> str:
    """A diff line as it may reach a terminal or a CI log: control characters but tabs
    escaped (for_terminal), its newline kept."""
    end = "\n" if line.endswith("\n") else ""
    body = line[:len(line) - len(end)]
    if not body.replace("\t", " ").isprintable():
        body = "\t".join(for_terminal(piece) for piece in body.split("\t"))
    return body + end


def _diff(old: str, new: str, path: Path) -> list[str]:
    return [shown(line) for line in difflib.unified_diff(
        _lines(old), _lines(new), fromfile=f"a/{for_terminal(str(path))}",
        tofile=f"b/{for_terminal(str(path))}")]


def _counted(diff: list[str]) -> tuple[int, int]:
    """(lines added, lines removed) of a unified diff."""
    added = sum(1 for ln in diff if ln.startswith("+") and not ln.startswith("+++ "))
    removed = sum(1 for ln in diff if ln.startswith("-") and not ln.startswith("--- "))
    return added, removed


def drift_diff(plan: Plan, folder: Path, full: bool = False) -> Iterator[str]:
    """The lines `check --diff` prints (each ends with a newline): the table files'
    diffs, then one line per overview file ("_index.md: 2 lines (+1 -1)"), then the
    orphaned files. With `full`, every file's diff, no line cut."""
    tables = plan.table_writes
    for name in sorted(tables):
        diff = _diff(read_text(folder / name) or "", tables[name], folder / name)
        yield from diff if full else (cut(line) for line in diff)
        if diff and not diff[-1].endswith("\n"):
            yield "\n"
    overview = {n: t for n, t in plan.writes.items() if n not in tables}
    summaries = []
    for name in sorted(overview):
        old = read_text(folder / name)
        diff = _diff(old or "", overview[name], folder / name)
        if full:
            yield from diff
            if diff and not diff[-1].endswith("\n"):
                yield "\n"
            continue
        added, removed = _counted(diff)
        what = "new file, " if old is None else ""
        lines = added + removed
        summaries.append(f"{folder / name}: {what}{lines} line{'s' if lines != 1 else ''} "
                         f"(+{added} -{removed})\n")
    if summaries:
        yield "Overview files (they restate the table files; --full shows their diffs):\n"
        yield from (f"  {s}" for s in summaries)
    for name in plan.deletes:
        yield f"deleted: {folder / name}\n"
    for name in sorted(plan.orphans):
        yield f"orphaned: {folder / name}\n"
