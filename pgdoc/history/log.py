"""The docs folder's history in words: `pgdoc diff` and `pgdoc log`.

Everything comes from git, never the database (except `pgdoc diff` with no revision,
which compares the database with the committed docs): one `git log` names the commits
that touched the folder and the blob of `schema.json` before and after each, and one
`git cat-file --batch` process (GitPython's) reads those blobs. A blob is parsed per
table and a table's text that did not change since the revision before is not parsed
again, so the comparison (`pgdoc.history.changes`) sees unchanged tables as the very same
object and skips them: 200 revisions of a 1,400-table `schema.json` take seconds.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import git

from pgdoc.errors import GitError, GitUsageError, PgdocError, UsageError
from pgdoc.folder.contents import read_text
from pgdoc.history.changes import (
    Change,
    change_lines,
    describe_changes,
    render_markdown,
    render_text,
)
from pgdoc.text import md_cell, md_code, one_line

if TYPE_CHECKING:
    from pgdoc.config import Config
    from pgdoc.postgres.tools import PgTools

SCHEMA_JSON = "schema.json"
_NULL_SHA = "0" * 40
_FORMAT = "%x1e%H%x00%an%x00%ae%x00%aI%x00%s"
_WORKING = "the working folder"
_DATABASE = "the database"


@dataclass(frozen=True)
class DocsRepo:
    """The git repository holding the docs folder, and the folder in it."""

    repo: git.Repo
    root: Path
    folder: str  # relative to root, POSIX style ("" for the top level)

    @property
    def schema_path(self) -> str:
        return f"{self.folder}/{SCHEMA_JSON}" if self.folder else SCHEMA_JSON


@dataclass(frozen=True)
class Revision:
    """One commit that touched the docs folder, and what it did to the schema."""

    sha: str
    author: str
    email: str
    date: str  # ISO 8601, the author's date
    subject: str
    changes: list[Change] = field(default_factory=list)
    schema_changed: bool = True  # False: the commit left schema.json as it was

    def as_json(self) -> dict[str, Any]:
        return {"sha": self.sha, "author": self.author, "email": self.email,
                "date": self.date, "subject": self.subject,
                "changes": [c.as_json() for c in self.changes]}


# -- the commands ---------------------------------------------------------------------------


def diff_command(cfg: Config, revisions: Sequence[str], fmt: str = "text",
                 as_json: bool = False, tools: Callable[[], PgTools] | None = None) -> str:
    """`pgdoc diff [FROM [TO]]`: what `pgdoc diff` prints. FROM and TO are git revisions;
    no TO: the working folder; no revision: the database against the committed docs."""
    docs = open_docs(cfg.output)
    if len(revisions) > 2:
        raise UsageError("pgdoc diff takes at most two revisions (FROM and TO)")
    reader = BlobReader(docs.repo)
    if not revisions:
        old_label, new_label = "HEAD", _DATABASE
        old = reader.doc_at(resolve(docs, "HEAD"), docs.schema_path) if has_head(docs) else None
        if tools is None:
            raise UsageError("pgdoc diff without a revision needs the database")
        new = parse_text(database_schema_json(cfg, tools()))
    else:
        old_label = revisions[0]
        old = reader.doc_at(resolve(docs, revisions[0]), docs.schema_path)
        if len(revisions) == 2:
            new_label = revisions[1]
            new = reader.doc_at(resolve(docs, revisions[1]), docs.schema_path)
        else:
            new_label = _WORKING
            new = parse_text(_read_working(cfg.output))
    changes = describe_changes(old, new)
    if as_json:
        return _json({"from": old_label.removeprefix("the "),
                      "to": new_label.removeprefix("the "),
                      "changes": [c.as_json() for c in changes]})
    if fmt == "markdown":
        def name(label: str) -> str:
            return label if label in (_WORKING, _DATABASE) else md_code(label, in_table=False)
        return render_markdown(changes, note=f"From {name(old_label)} to {name(new_label)}, "
                               "by pgdoc.")
    return render_text(changes)


def log_command(folder: Path, rev_range: str | None = None, max_count: int | None = None,
                fmt: str = "text", as_json: bool = False) -> str:
    """`pgdoc log [-n N] [REV_RANGE]`: what `pgdoc log` prints, newest commit first."""
    revisions = docs_log(open_docs(folder), rev_range, max_count)
    if as_json:
        return _json({"commits": [r.as_json() for r in revisions]})
    if fmt == "markdown":
        return render_log_markdown(revisions)
    return render_log_text(revisions)


def database_schema_json(cfg: Config, tools: PgTools) -> str | None:
    """`schema.json` as the database would have it now (the folder's, when it would not
    change); None when there is none either way."""
    from pgdoc.read import survey  # the database side, only when asked for

    plan = survey(cfg, tools, cfg.output)
    if SCHEMA_JSON in plan.writes:
        return plan.writes[SCHEMA_JSON]
    return _read_working(cfg.output)


def pending_change_lines(folder: Path, writes: Mapping[str, str]) -> list[str]:
    """For `pgdoc check`: what writing `writes` (a Plan's file name -> text) would change in
    the schema, as lines; none when `schema.json` is not among them. Reads no git."""
    new = writes.get(SCHEMA_JSON)
    if new is None:
        return []
    return change_lines(_read_working(folder), new)


def committed_change_lines(folder: Path) -> list[str]:
    """For `pgdoc sync --commit`, after the files are written and before the commit: what
    the folder's `schema.json` changes against HEAD's, as lines for the message body."""
    docs = open_docs(folder)
    old = BlobReader(docs.repo).doc_at("HEAD", docs.schema_path) if has_head(docs) else None
    return [c.line for c in describe_changes(old, parse_text(_read_working(folder)))]


# -- git ------------------------------------------------------------------------------------


def open_docs(folder: Path) -> DocsRepo:
    start = folder.absolute()
    while not start.exists() and start != start.parent:
        start = start.parent
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitUsageError(f"docs folder {folder} is not inside a git work tree",
                            hint="pgdoc diff and pgdoc log read the folder's git history; "
                            "run them in your repository or point -o/output into it") from None
    if repo.working_tree_dir is None:
        raise GitUsageError(f"{repo.git_dir} is a bare repository: it has no work tree",
                            hint="run pgdoc in a clone")
    root = Path(repo.working_tree_dir).resolve()
    try:
        rel = folder.resolve().relative_to(root).as_posix()
    except ValueError:
        raise GitUsageError(f"docs folder {folder} is outside the git work tree {root}",
                            hint="choose an output folder inside the repository") from None
    return DocsRepo(repo, root, "" if rel == "." else rel)


def _git(docs: DocsRepo, *args: str) -> tuple[int, str, str]:
    status, out, err = docs.repo.git.execute(
        ["git", "--literal-pathspecs", *args], with_extended_output=True,
        with_exceptions=False, env={"GIT_TERMINAL_PROMPT": "0"}, strip_newline_in_stdout=False)
    return int(status), str(out), str(err)


def _unknown(docs: DocsRepo | None, rev: str) -> UsageError:
    shallow = docs is not None and (Path(docs.repo.git_dir) / "shallow").exists()
    return UsageError(f"unknown revision {one_line(rev)!r} (see git log)",
                      hint="this is a shallow clone: fetch the history, e.g. `git fetch "
                      "--unshallow` or actions/checkout's fetch-depth: 0" if shallow else None)


def _check_revision(rev: str, docs: DocsRepo | None = None) -> None:
    if not rev or rev.startswith("-") or "\n" in rev or "\0" in rev:
        raise _unknown(docs, rev)


def resolve(docs: DocsRepo, rev: str) -> str:
    """The commit a revision names; exit 2 with one line when there is none."""
    _check_revision(rev, docs)
    status, out, _ = _git(docs, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if status != 0 or not out.strip():
        raise _unknown(docs, rev)
    return out.strip()


def has_head(docs: DocsRepo) -> bool:
    return _git(docs, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")[0] == 0


def docs_log(docs: DocsRepo, rev_range: str | None = None, max_count: int | None = None
             ) -> list[Revision]:
    """Every commit (merges left out, as their branches' commits say it) that touched the
    docs folder, newest first, with the changes its `schema.json` made."""
    if rev_range is None and not has_head(docs):
        return []  # a repository without commits has no history yet
    if rev_range is not None:
        _check_revision(rev_range, docs)
    args = ["log", "--no-merges", "--no-renames", "--root", "--raw", "--no-abbrev", "-z",
            f"--format={_FORMAT}"]
    if max_count is not None:
        args.append(f"--max-count={max_count}")
    args += [rev_range or "HEAD", "--", docs.folder or "."]
    status, out, _err = _git(docs, *args)
    if status != 0:
        raise _unknown(docs, rev_range or "HEAD")
    entries = _parse_log(out, docs.schema_path)
    reader = BlobReader(docs.repo)
    revisions = []
    # Oldest first, so that each blob is parsed right after the one it was changed from.
    for head, blobs in reversed(entries):
        sha, author, email, date, subject = head
        if blobs is None:
            revisions.append(Revision(sha, author, email, date, subject, [], False))
            continue
        old = reader.doc(blobs[0]) if blobs[0] != _NULL_SHA else None
        new = reader.doc(blobs[1]) if blobs[1] != _NULL_SHA else None
        revisions.append(Revision(sha, author, email, date, subject,
                                  describe_changes(old, new)))
    revisions.reverse()
    return revisions


def _parse_log(out: str, schema_path: str
               ) -> list[tuple[tuple[str, str, str, str, str], tuple[str, str] | None]]:
    """`git log --raw -z` records: each commit's fields and schema.json's blobs (before,
    after), or None when the commit did not change it."""
    entries = []
    for record in out.split("\x1e")[1:]:
        fields = record.split("\0")
        if len(fields) < 5:
            raise GitError("unexpected output from git log", hint="is git 2.x installed?")
        sha, author, email, date, subject = fields[:5]
        blobs = None
        rest = fields[5:]
        for meta, path in zip(rest[::2], rest[1::2], strict=False):
            parts = meta.strip().split()
            if path == schema_path and len(parts) >= 4 and parts[0].startswith(":"):
                blobs = (parts[2], parts[3])
        entries.append(((sha, author, email, date, subject), blobs))
    return entries


class BlobReader:
    """`schema.json` blobs through one `git cat-file --batch` process, parsed, the last
    few kept, and each table parsed only when its text is new since the last blob."""

    def __init__(self, repo: git.Repo, keep: int = 3) -> None:
        self.repo = repo
        self.keep = keep
        self.docs: OrderedDict[str, dict[str, Any] | None] = OrderedDict()
        self.chunks: Chunks = {}

    def doc(self, blob: str) -> dict[str, Any] | None:
        """The parsed blob `blob` (a sha)."""
        if blob in self.docs:
            self.docs.move_to_end(blob)
            return self.docs[blob]
        try:
            return self._read(blob)
        except ValueError:
            raise GitError(f"git object {blob} could not be read",
                           hint="is the repository complete? (a shallow or partial clone)"
                           ) from None

    def doc_at(self, commit: str, path: str) -> dict[str, Any] | None:
        """`path` at `commit`, parsed; None when the commit has no such file."""
        try:
            return self._read(f"{commit}:{path}")
        except ValueError:
            return None

    def _read(self, spec: str) -> dict[str, Any] | None:
        raw_sha, raw_kind, _size, data = self.repo.git.get_object_data(spec)
        sha, kind = _str(raw_sha), _str(raw_kind)
        if sha in self.docs:
            return self.docs[sha]
        parsed = None
        if kind == "blob":
            parsed, self.chunks = parse_chunked(data, self.chunks)
        self.docs[sha] = parsed
        while len(self.docs) > self.keep:
            self.docs.popitem(last=False)
        return parsed


def _str(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


# -- parsing schema.json per table ----------------------------------------------------------


def parse_text(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    return parse_chunked(text, {})[0]


# list key -> its elements' texts (the first with its opening brace, the others without:
# they are split at `,\n{`) and values
Chunks = dict[str, tuple[list[bytes], list[Any]]]


def parse_chunked(text: str | bytes, previous: Chunks | None = None
                  ) -> tuple[dict[str, Any] | None, Chunks]:
    """The parsed document, and its top-level lists' elements as text and values (to pass
    as `previous` for the next revision: an element whose text was there is not parsed
    again, and is the same object).

    `schema.json` is laid out one element of a top-level list per line (format 1) or
    pretty-printed (format 2): either way an element of a top-level list starts on a
    line of its own at one indentation and no line inside it does, because JSON strings
    hold no raw line breaks. Anything else is parsed whole."""
    data = text.encode() if isinstance(text, str) else text
    try:
        return _parse_chunked(data, previous or {})
    except (ValueError, KeyError, IndexError):
        pass
    try:
        parsed = json.loads(data)
    except ValueError:
        return None, {}
    return (parsed if isinstance(parsed, dict) else None), {}


def _parse_chunked(text: bytes, previous: Chunks) -> tuple[dict[str, Any] | None, Chunks]:
    if not text.startswith(b"{\n"):
        raise ValueError("not laid out")
    top = text[2:202]
    indent = b" " * (len(top) - len(top.lstrip(b" ")))
    head: list[bytes] = []
    bodies: dict[str, tuple[bytes, bytes]] = {}  # list key -> (its text, the separator)
    pos = 0
    member = re.compile(rb'\n' + indent + rb'"((?:[^"\\\n]|\\.)*)": \[\n')
    # Each search starts after the last list: the lists' insides are scanned once, by find.
    while (match := member.search(text, pos)) is not None:
        start = match.end()
        end = text.find(b"\n" + indent + b"]", start)
        if end < 0:
            raise ValueError("unbalanced list")
        window = text[start:start + 200]
        first = start + len(window) - len(window.lstrip(b" "))
        if text[first:first + 1] != b"{":
            head.append(text[pos:end])  # a list of plain values: parsed with the rest
        else:
            bodies[json.loads(b'"' + match.group(1) + b'"')] = (
                text[start:end], b",\n" + text[start:first] + b"{")
            head.append(text[pos:start])
        pos = end
    head.append(text[pos:])
    data = json.loads(b"".join(head))
    if not isinstance(data, dict):
        return None, {}
    out: Chunks = {}
    for key, (body, separator) in bodies.items():
        if data.get(key) != []:
            raise ValueError("list not where expected")
        old_chunks, old_items = previous.get(key, ([], []))
        chunks, items = _elements(body, separator, old_chunks, old_items)
        data[key] = items
        out[key] = (chunks, items)
    return data, out


def _elements(body: bytes, sep: bytes, old_chunks: list[bytes], old_items: list[Any]
              ) -> tuple[list[bytes], list[Any]]:
    """The elements of a list's text, the last revision's reused where the text is the
    same: the elements the two share at the start and at the end are compared in place
    (no copy, no hashing: as fast as memory), only those between are split and parsed."""
    n_old = len(old_chunks)
    i = off = 0
    while i < n_old:
        chunk = old_chunks[i]
        after = off + len(chunk)
        if not body.startswith(chunk, off) or not (
                after == len(body) or body.startswith(sep, after)):
            break
        off, i = after + len(sep), i + 1
    if i == n_old and off >= len(body):
        return old_chunks, old_items  # the same list
    j, end = n_old, len(body)
    while j > i:
        chunk = old_chunks[j - 1]
        begin = end - len(chunk)
        # The first element has its brace and starts the list; any other follows a
        # separator.
        if begin < off or not body.startswith(chunk, begin):
            break
        if (j - 1 == 0) != (begin == 0) or (
                begin > 0 and (begin < len(sep) or not body.startswith(sep, begin - len(sep)))):
            break
        end, j = begin - len(sep), j - 1
    middle = body[off:end].split(sep) if off < end else []
    items = _reuse(middle, i, old_chunks, old_items, i, j)
    return (old_chunks[:i] + middle + old_chunks[j:], old_items[:i] + items + old_items[j:])


_WINDOW = 8  # how far ahead an element is looked for among the last revision's, by position


def _reuse(chunks: list[bytes], first: int, old_chunks: list[bytes], old_items: list[Any],
           lo: int, hi: int) -> list[Any]:
    """The values of `chunks` (the elements from index `first` on), taken from the last
    revision's `old_chunks[lo:hi]` where the text is the same. Elements are sorted, so
    an unchanged one is at the same place or a few places on: compared there (equal
    texts compare as fast as memory); several misses in a row (many elements added or
    removed at one place) are looked up by text."""
    items = []
    j, misses = lo, 0
    by_text: dict[bytes, int] | None = None
    for k, chunk in enumerate(chunks):
        found = -1
        for candidate in range(j, min(j + _WINDOW, hi)):
            if old_chunks[candidate] == chunk:
                found = candidate
                break
        if found < 0 and misses and hi > lo:
            if by_text is None:
                by_text = {old_chunks[n]: n for n in range(lo, hi)}
            found = by_text.get(chunk, -1)
        if found >= 0 and (found == 0) == (first + k == 0):  # only the first has its brace
            items.append(old_items[found])
            j, misses = found + 1, 0
        else:
            items.append(json.loads(chunk if first + k == 0 else b"{" + chunk))
            misses += 1
    return items


# -- output ---------------------------------------------------------------------------------


def _read_working(folder: Path) -> str | None:
    """The folder's schema.json, when it is a regular file (a FIFO is never opened)."""
    try:
        return read_text(folder / SCHEMA_JSON)
    except PgdocError as exc:
        raise UsageError(f"cannot read {folder / SCHEMA_JSON}: {exc.message}") from None


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _when(date: str) -> str:
    """`2026-12-01 21:09` from the ISO date."""
    return f"{date[:10]} {date[11:16]}" if len(date) >= 16 else date


def render_log_text(revisions: Sequence[Revision]) -> str:
    blocks = []
    for r in revisions:
        head = f"{r.sha[:10]} {_when(r.date)} {one_line(r.author)}  {one_line(r.subject)}\n"
        if r.changes:
            body = render_text(r.changes, indent="    ")
        else:
            body = "    (no schema change)\n" if r.schema_changed else \
                "    (schema.json unchanged)\n"
        blocks.append(head + body)
    return "\n".join(blocks)


def render_log_markdown(revisions: Sequence[Revision]) -> str:
    out = ["## Schema history", ""]
    if not revisions:
        return "\n".join([*out, "No commit touched the docs.", ""])
    for r in revisions:
        out += [f"### {md_code(r.sha[:10], in_table=False)} {_when(r.date)} "
                f"{md_cell(r.author)}: {md_cell(r.subject)}", ""]
        if not r.changes:
            out += ["No schema change.", ""]
            continue
        out += [f"- {c.markdown()}" for c in r.changes]
        out.append("")
    return "\n".join(out)
