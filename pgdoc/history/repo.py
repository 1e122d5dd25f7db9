"""git, through GitPython, as small named verbs: preflight, repair_index, pull,
commit_changes, push.

pgdoc commits the files it wrote in the output folder and nothing else: files that carry
its marker (pgdoc.folder.markers), and the deletion of such files. Anything else in the
folder (a user's notes, a file somebody edited by hand) is left out and named. Every path
reaches git literally (`--literal-pathspecs`), so a folder called `d*` is that folder.

The commit is built in a temporary index (HEAD's tree plus pgdoc's files as they are on
disk), so whatever the user has staged or left unstaged stays exactly as it was; then the
branch moves (update-ref) and only the committed paths of the real index are brought in
line. A run killed between those two steps leaves the real index holding the previous
commit's blobs for pgdoc's files; the next run finds exactly that (`repair_index`, under
the output folder's lock, before anything is written), puts them right and says so. Every
other check runs before the first write too (`preflight`), and every git failure becomes
a GitError with one line that says what happened and what to do.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TextIO

import git

from pgdoc.config import AUTHOR, GitConfig
from pgdoc.errors import GitError, GitUsageError
from pgdoc.folder.markers import HEAD_BYTES, OBJECT_FOLDERS, has_marker, legacy_marker
from pgdoc.folder.naming import SUFFIX, decode_filename
from pgdoc.text import for_terminal

# Never wait for a password prompt: cron has nobody to type it.
_NO_PROMPT = {"GIT_TERMINAL_PROMPT": "0"}
# Identity must come from config or the environment, never be guessed from the host name.
_STRICT_IDENT = ("-c", "user.useConfigOnly=true")
_URL_USERINFO = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")
_BUSY_STATES = {"MERGE_HEAD": "a merge", "rebase-merge": "a rebase", "rebase-apply": "a rebase",
                "CHERRY_PICK_HEAD": "a cherry-pick", "REVERT_HEAD": "a revert"}
# Verbs that take no pathspecs but run the user's hooks, which would inherit
# GIT_LITERAL_PATHSPECS from --literal-pathspecs; check-ignore refuses literal mode (its
# paths get a "./" prefix instead).
_NOT_LITERAL = frozenset({"fetch", "merge", "rebase", "push", "check-ignore"})
_ZERO = "0" * 40
_NO_ENTRY = ("000000", _ZERO)
INDEX_FILE = "_index.md"
LIST_FILE = "_table_list.txt"  # pgdoc 0.1 wrote it without a marker
INDEX_LOCK_WAIT = 2.0  # seconds: another git command (an editor's `git status`) may hold it
SUBJECT_MAX = 90  # room for the common 'added a; changed b; removed c'
LEFT_OUT_SHOWN = 10  # file names in the "left out of the commit" note


@dataclass(frozen=True)
class GitContext:
    """The repository and where pgdoc commits and pushes, as checked by `preflight`."""

    repo: git.Repo
    root: Path
    folder: str  # the output folder, relative to root, POSIX style
    branch: str | None  # None when HEAD is detached
    remote: str | None = None  # where to pull from and push to, when asked to
    remote_branch: str | None = None
    env: dict[str, str] = field(default_factory=dict)  # the commit identity (git.author)

    @property
    def target(self) -> str:
        return f"{self.remote}/{self.remote_branch}"


def redact(text: str) -> str:
    """Hide `user:password@` in URLs that git prints."""
    return _URL_USERINFO.sub(r"\1***@", text)


def _run(ctx_or_repo: GitContext | git.Repo, *args: str, env: dict[str, str] | None = None,
         check: bool = True, what: str | None = None, hint: str | None = None,
         stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run one git command; returns (status, stdout, stderr). The one place git runs.
    Pathspecs are always literal; long path lists go through `stdin` (no length limit)."""
    repo = ctx_or_repo.repo if isinstance(ctx_or_repo, GitContext) else ctx_or_repo
    base = ctx_or_repo.env if isinstance(ctx_or_repo, GitContext) else {}
    literal = [] if _verb(args) in _NOT_LITERAL else ["--literal-pathspecs"]
    with tempfile.TemporaryFile() if stdin is not None else nullcontext() as istream:
        if istream is not None and stdin is not None:
            istream.write(stdin)
            istream.seek(0)
        status, out, err = repo.git.execute(
            ["git", *literal, *args], with_extended_output=True, with_exceptions=False,
            env={**_NO_PROMPT, **base, **(env or {})}, istream=istream,
        )
    if check and status != 0:
        raise GitError(f"{what or 'git ' + _verb(args)} failed: {last_line(err or out)}",
                       hint=hint)
    return int(status), str(out), str(err)


def _verb(args: tuple[str, ...]) -> str:
    """The git command in `args`, past global options such as `-c key=value`."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "-c":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return ""


def last_line(text: str) -> str:
    """The most telling line of git's output, credentials hidden."""
    lines = [ln.strip() for ln in redact(text).splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.startswith(("fatal:", "error:"))]
    line = (fatal or lines or ["(no output)"])[-1]
    return line.removeprefix("fatal: ").removeprefix("error: ")


# -- preflight -----------------------------------------------------------------------------


def preflight(folder: Path, cfg: GitConfig, commit: bool = True, push: bool = False,
              pull: bool = False) -> GitContext:
    """Check every git precondition before anything is written; return the context."""
    repo, root = open_repo(folder)
    rel = folder_in_repo(folder, root)
    not_busy(repo, root)
    branch = current_branch(repo)
    if branch is None and (push or pull):
        verb = "push" if push else "pull (git.pull)"
        raise GitUsageError(f"HEAD in {root} is detached: cannot {verb}",
                            hint=f"check out a branch, e.g. `git -C {root} switch main`")
    remote = remote_branch = None
    if push or pull:
        assert branch is not None
        remote, remote_branch = push_target(repo, branch, cfg)
    ctx = GitContext(repo=repo, root=root, folder=rel, branch=branch, remote=remote,
                     remote_branch=remote_branch)
    ctx = replace(ctx, env=commit_identity(ctx, cfg))
    if commit or pull:
        check_identity(ctx)
        not_ignored(ctx)
    return ctx


def open_repo(folder: Path) -> tuple[git.Repo, Path]:
    start = folder.absolute()
    while not start.exists() and start != start.parent:
        start = start.parent  # the folder may not exist yet: nothing is created here
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitUsageError(
            f"output folder {folder} is not inside a git work tree",
            hint="run pgdoc in your repository, `git init` it, or point -o/output into one",
        ) from None
    if repo.bare or repo.working_tree_dir is None:
        raise GitUsageError(f"{repo.git_dir} is a bare repository: it has no work tree",
                            hint="run pgdoc in a clone")
    return repo, Path(repo.working_tree_dir).resolve()


def folder_in_repo(folder: Path, root: Path) -> str:
    resolved = folder.resolve()
    try:
        rel = resolved.relative_to(root)
    except ValueError:
        raise GitUsageError(f"output folder {folder} is outside the git work tree {root}",
                            hint="choose an output folder inside the repository") from None
    if not rel.parts:
        raise GitUsageError(
            f"output folder {folder} is the repository's top level: pgdoc commits its whole "
            "output folder", hint="use a subfolder such as docs/schemas")
    if ".git" in rel.parts:
        raise GitUsageError(f"output folder {folder} is inside .git",
                            hint="choose a folder in the work tree")
    return rel.as_posix()


def not_busy(repo: git.Repo, root: Path) -> None:
    for name, what in _BUSY_STATES.items():
        if (Path(repo.git_dir) / name).exists():
            raise GitError(f"{root} is in the middle of {what}",
                           hint="finish or abort it first; pgdoc did not write anything")


def current_branch(repo: git.Repo) -> str | None:
    status, out, _ = _run(repo, "symbolic-ref", "-q", "--short", "HEAD", check=False)
    return out.strip() if status == 0 and out.strip() else None


def push_target(repo: git.Repo, branch: str, cfg: GitConfig) -> tuple[str, str]:
    """Where to push (and pull): git.remote/git.branch, else the branch's upstream."""
    up_remote = _config_value(repo, f"branch.{branch}.remote")
    up_merge = _config_value(repo, f"branch.{branch}.merge")
    remote = cfg.remote or (up_remote if up_remote != "." else None)
    if remote is None:
        raise GitUsageError(
            f"branch {branch} has no upstream to push to",
            hint=f"run `git push -u origin {branch}` once, or set git.remote in the config")
    names = [r.name for r in repo.remotes]
    if remote not in names:
        known = ", ".join(names) or "none"
        raise GitUsageError(f"git remote {remote!r} does not exist (remotes: {known})",
                            hint="fix git.remote in the config or `git remote add` it")
    if cfg.branch:
        target = cfg.branch
    elif up_merge and remote == up_remote:
        target = up_merge.removeprefix("refs/heads/")
    else:
        target = branch
    return remote, target


def _config_value(repo: git.Repo, key: str) -> str | None:
    status, out, _ = _run(repo, "config", "--get", key, check=False)
    return out.strip() if status == 0 and out.strip() else None


def identity_env(cfg: GitConfig) -> dict[str, str]:
    """git.author ('Name <email>') as the author and committer of pgdoc's commits."""
    if not cfg.author:
        return {}
    match = AUTHOR.match(cfg.author)
    if not match:
        raise GitUsageError(f"git.author must look like 'Name <email>', not {cfg.author!r}",
                            hint="e.g. author: 'pgdoc bot <pgdoc@example.com>'")
    name, email = match.groups()
    return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}


def commit_identity(ctx: GitContext, cfg: GitConfig) -> dict[str, str]:
    """Who commits: git.author only when the run is unattended (no terminal on stdin or
    stderr: cron, CI, a hook, a service) or when git has no identity of its own;
    otherwise the user's own git identity (user.name/user.email, GIT_AUTHOR_*), so a
    shared config's bot author never takes credit for somebody's manual sync."""
    env = identity_env(cfg)  # validated even when unused: a typo fails on a laptop too
    if env and not unattended() and has_identity(ctx):
        return {}
    return env


def unattended(streams: tuple[TextIO | None, ...] | None = None) -> bool:
    """No terminal on stdin or stderr (the streams given, else sys.stdin and sys.stderr)."""
    for stream in streams if streams is not None else (sys.stdin, sys.stderr):
        try:
            if stream is not None and stream.isatty():
                return False
        except (ValueError, OSError):  # closed or detached
            continue
    return True


def has_identity(ctx: GitContext) -> bool:
    """Whether git itself knows who commits, as strictly as the commit will ask: no
    identity guessed from the host name."""
    return all(_run(ctx, *_STRICT_IDENT, "var", var, check=False)[0] == 0
               for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))


def check_identity(ctx: GitContext) -> None:
    if not has_identity(ctx):
        raise GitUsageError(
            f"no git identity to commit as in {ctx.root}",
            hint="set git.author: 'Name <email>' in the config, or run "
            "`git config user.name NAME` and `git config user.email EMAIL`")


def index_lock(ctx: GitContext) -> Path:
    """Where git locks the index of this work tree (each linked worktree has its own)."""
    out = _run(ctx, "rev-parse", "--git-path", "index")[1].strip()
    return ctx.root / f"{out}.lock"  # git prints it relative to the top level, or absolute


def index_unlocked(ctx: GitContext, wait: float = INDEX_LOCK_WAIT) -> None:
    """Fail while another git command holds the index (a moment's wait covers an
    editor's background `git status`)."""
    lock = index_lock(ctx)
    deadline = time.monotonic() + wait
    while lock.exists():
        if time.monotonic() >= deadline:
            raise GitError(_LOCKED.format(lock=_shown(ctx, lock)),
                           hint="wait for it to finish, or delete the lock file if no git "
                           "command is running; pgdoc wrote nothing")
        time.sleep(0.1)


_LOCKED = ("git's index is locked: {lock} exists (another git command is running, or one "
           "was killed)")


def _shown(ctx: GitContext, path: Path) -> str:
    try:
        return for_terminal(path.relative_to(ctx.root).as_posix())
    except ValueError:
        return for_terminal(str(path))


def not_ignored(ctx: GitContext) -> None:
    probes = [ctx.folder, f"{ctx.folder}/_index.md", f"{ctx.folder}/pgdoc-probe{SUFFIX}"]
    status, out, _ = _run(ctx, "check-ignore", "--", *[f"./{p}" for p in probes],
                          check=False)
    if status == 0:
        ignored = for_terminal(out.splitlines()[0].removeprefix("./"))
        raise GitUsageError(f"git ignores {ignored} (see .gitignore)",
                            hint=f"un-ignore {for_terminal(ctx.folder)} so pgdoc can commit it")


# -- pull ----------------------------------------------------------------------------------


def pull(ctx: GitContext) -> str | None:
    """git.pull: rebase. Fetch, then fast-forward, or rebase local commits onto the remote.
    Local uncommitted work is never stashed or touched: git refuses if it would be."""
    assert ctx.remote and ctx.remote_branch, "preflight(pull=True) sets the target"
    _run(ctx, "fetch", "--quiet", ctx.remote, f"refs/heads/{ctx.remote_branch}",
         what=f"git fetch from {ctx.target}",
         hint="check the remote's URL, network and credentials")
    theirs = _run(ctx, "rev-parse", "--verify", "FETCH_HEAD^{commit}")[1].strip()
    ours = head_commit(ctx)
    if ours == theirs or (ours and is_ancestor(ctx, theirs, ours)):
        return None
    if ours is None or is_ancestor(ctx, ours, theirs):
        _run(ctx, "merge", "--ff-only", "--quiet", theirs,
             what=f"fast-forward to {ctx.target}",
             hint=f"local changes in {ctx.root} conflict with the remote: commit or move them")
        return "fast-forward"
    status, out, err = _run(ctx, *_STRICT_IDENT, "rebase", "--quiet", theirs, check=False)
    if status != 0:
        if (Path(ctx.repo.git_dir) / "rebase-merge").exists() or \
                (Path(ctx.repo.git_dir) / "rebase-apply").exists():
            _run(ctx, "rebase", "--abort", check=False)
        raise GitError(
            f"could not rebase {ctx.branch} onto {ctx.target}: {last_line(err or out)}",
            hint=f"nothing was written; rebase by hand in {ctx.root} (`git pull --rebase`)")
    return "rebase"


def head_commit(ctx: GitContext) -> str | None:
    status, out, _ = _run(ctx, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    return out.strip() if status == 0 else None


def is_ancestor(ctx: GitContext, older: str, newer: str) -> bool:
    return _run(ctx, "merge-base", "--is-ancestor", older, newer, check=False)[0] == 0


# -- commit --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FolderChanges:
    """The output folder's files that differ from HEAD, by kind of change."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def paths(self) -> list[str]:
        return [*self.added, *self.changed, *self.removed]


@dataclass(frozen=True)
class CommitResult:
    """What `commit_changes` did: the new commit (None when the folder already matched
    HEAD), what it holds, the folder's files it left out, and a note when it first
    repaired an index an interrupted run had left stale."""

    sha: str | None = None
    changes: FolderChanges = field(default_factory=FolderChanges)
    left_out: list[str] = field(default_factory=list)
    repaired: str | None = None
    detached: bool = False  # made on a detached HEAD: no branch points at it

    def notes(self, quiet: bool = False) -> list[str]:
        """Lines for stderr. With `quiet`, the left-out files are named only when a commit
        was made (cron should not mail the same note every night)."""
        notes = [self.repaired] if self.repaired else []
        if self.sha and self.detached:
            notes.append(f"committed {self.sha[:10]} on a detached HEAD: no branch has it "
                         "(git switch -c <branch> keeps it)")
        if self.left_out and (self.sha or not quiet):
            shown = ", ".join(for_terminal(p) for p in self.left_out[:LEFT_OUT_SHOWN])
            more = len(self.left_out) - LEFT_OUT_SHOWN
            notes.append(f"left out of the commit, not written by pgdoc: {shown}"
                         + (f" and {more} more (see `git status`)" if more > 0 else ""))
        return notes


def commit_changes(ctx: GitContext, names: dict[str, str], message: str | None,
                   details: list[str] | None = None) -> CommitResult:
    """Commit the files pgdoc wrote in the output folder, and the deletion of files it had
    written (nothing else, not even other files in the folder: those are named in
    `left_out`). `names` maps file names to the table each documents; `details` are extra
    lines for the message body (see `commit_message`)."""
    branch = current_branch(ctx.repo)
    if branch != ctx.branch:
        raise GitError(f"HEAD moved from {ctx.branch or 'a detached commit'} to "
                       f"{branch or 'a detached commit'} while pgdoc ran; nothing was committed",
                       hint="run the sync again")
    repaired = repair_index(ctx)  # and fails now, not after committing, if the index is locked
    parent = head_commit(ctx)
    with tempfile.TemporaryDirectory(prefix="pgdoc-git-") as tmp:
        index = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        if parent:
            _run(ctx, "read-tree", parent, env=index)
        else:
            _run(ctx, "read-tree", "--empty", env=index)
        written, deleted = pgdoc_paths(ctx, parent)
        paths = [*_not_ignored(ctx, written, index), *deleted]
        if paths:
            _run(ctx, "add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul",
                 env=index, stdin=_nul(paths), what=f"git add (in {for_terminal(ctx.folder)})")
        changes = folder_changes(ctx, index)
        left_out = left_out_paths(ctx, index)
        if not changes:
            return CommitResult(None, changes, left_out, repaired)
        tree = _run(ctx, "write-tree", env=index)[1].strip()
    text = commit_message(changes, names, message, details, ctx.folder)
    parents = ["-p", parent] if parent else []
    sha = _run(ctx, *_STRICT_IDENT, "commit-tree", tree, *parents, "-m", text,
               what="git commit-tree")[1].strip()
    ref = f"refs/heads/{ctx.branch}" if ctx.branch else "HEAD"
    subject = text.splitlines()[0]
    _run(ctx, "update-ref", "--no-deref", "-m", f"pgdoc: {subject}", ref, sha, parent or "",
         what=f"updating {ctx.branch or 'HEAD'}",
         hint="another git command moved it meanwhile; run the sync again")
    # Bring only the committed paths of the real index in line with the commit. If this
    # fails or the run dies here, the next run's repair_index finds and fixes it.
    status, out, err = _run(ctx, "reset", "-q", sha, "--pathspec-from-file=-",
                            "--pathspec-file-nul", stdin=_nul(changes.paths), check=False)
    if status != 0:
        lock = index_lock(ctx)
        why = (_LOCKED.format(lock=_shown(ctx, lock)) if "index.lock" in err
               else last_line(err or out))
        raise GitError(
            f"committed {sha[:10]} to {ctx.branch or 'HEAD'}, but could not update git's "
            f"index: {why}",
            hint="the commit is safe; the next pgdoc run repairs the index (or run "
            f"`git reset -q -- {for_terminal(ctx.folder)}` once no git command is running)")
    _run(ctx, "update-index", "-q", "--refresh", check=False)
    return CommitResult(sha, changes, left_out, repaired, detached=ctx.branch is None)


def _nul(items: list[str]) -> bytes:
    return b"".join(os.fsencode(item) + b"\0" for item in items)


def pgdoc_paths(ctx: GitContext, parent: str | None) -> tuple[list[str], list[str]]:
    """The files pgdoc wrote directly in the output folder (regular files carrying its
    marker), and the files it had written in `parent` that are gone from the folder
    (pruned tables, stale diagrams); paths from the top level."""
    folder = ctx.root / ctx.folder
    disk = _disk_heads(folder)
    index_ours = _ours(INDEX_FILE, disk.get(INDEX_FILE, ""), False)
    written = [name for name, head in disk.items() if _ours(name, head, index_ours)]
    tree = _tree_entries(ctx, parent)
    gone = {name: sha for name, (_mode, sha) in tree.items()
            if not os.path.lexists(folder / name)}
    deleted: list[str] = []
    if gone:
        index_sha = tree.get(INDEX_FILE, _NO_ENTRY)[1]
        heads = _blob_heads(ctx, [*gone.values(), index_sha])
        tree_index_ours = _ours(INDEX_FILE, heads.get(index_sha, ""), False)
        deleted = [name for name, sha in gone.items()
                   if _ours(name, heads.get(sha, ""), tree_index_ours)]
    return ([f"{ctx.folder}/{name}" for name in sorted(written)],
            [f"{ctx.folder}/{name}" for name in sorted(deleted)])


def _ours(name: str, head: str, index_is_ours: bool) -> bool:
    """Whether pgdoc wrote the file: its marker, pgdoc 0.1's, or 0.1's unmarked
    `_table_list.txt` beside a `_index.md` of pgdoc's."""
    if name.startswith(".") or "/." in name:
        return False
    return (has_marker(name, head) or legacy_marker(name, head)
            or (name == LIST_FILE and index_is_ours))


def _disk_heads(folder: Path) -> dict[str, str]:
    """Regular files directly in the folder (no symlinks, no hidden temp files) -> the
    characters the marker checks read."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise GitError(f"cannot read output folder {for_terminal(str(folder))}: "
                       f"{exc.strerror or exc}", hint="check its permissions") from exc
    heads = {}
    for entry in entries:
        if entry.name in OBJECT_FOLDERS and entry.is_dir(follow_symlinks=False):
            # pgdoc's own subfolders of object files (functions/, types/, ...)
            heads.update({f"{entry.name}/{name}": head
                          for name, head in _disk_heads(Path(entry.path)).items()
                          if "/" not in name})
            continue
        try:
            if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            with open(entry.path, "rb") as handle:
                data = handle.read(HEAD_BYTES * 4)
        except OSError:
            continue  # unreadable: not one pgdoc can have written
        heads[entry.name] = data.decode("utf-8", "replace")[:HEAD_BYTES]
    return heads


def _tree_entries(ctx: GitContext, commit: str | None) -> dict[str, tuple[str, str]]:
    """The blobs directly in the output folder in `commit`, and in pgdoc's own subfolders
    of object files: name (`users.sql`, `functions/f.sql`) -> (mode, sha)."""
    if commit is None:
        return {}
    out = _run(ctx, "ls-tree", "-r", "-z", commit, "--", f"{ctx.folder}/")[1]
    entries = {}
    prefix = f"{ctx.folder}/"
    for record in out.split("\0"):
        meta, _, path = record.partition("\t")
        if not path.startswith(prefix) or len(meta.split()) != 3:
            continue
        mode, kind, sha = meta.split()
        name = path[len(prefix):]
        top, _, rest = name.partition("/")
        if kind == "blob" and (not rest or (top in OBJECT_FOLDERS and "/" not in rest)):
            entries[name] = (mode, sha)
    return entries


def _blob_heads(ctx: GitContext, shas: list[str]) -> dict[str, str]:
    """The first characters of each blob (as the marker checks read them)."""
    wanted = sorted({sha for sha in shas if sha != _ZERO})
    if not wanted:
        return {}
    out = _run(ctx, "cat-file", "--batch",
               stdin="".join(f"{sha}\n" for sha in wanted).encode())[1]
    data = out.encode("utf-8", "surrogateescape")  # GitPython decoded it losslessly
    heads: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        header = data[pos:end].split()
        if len(header) != 3:  # "<sha> missing"
            pos = end + 1
            continue
        size = int(header[2])
        body = data[end + 1:end + 1 + min(size, HEAD_BYTES * 4)]
        heads[header[0].decode()] = body.decode("utf-8", "replace")[:HEAD_BYTES]
        pos = end + 1 + size + 1
    return heads


def _not_ignored(ctx: GitContext, paths: list[str], index: dict[str, str]) -> list[str]:
    """`paths` less those .gitignore ignores (and HEAD does not track): git add --all
    would skip them too."""
    if not paths:
        return []
    # check-ignore reads its paths as pathspecs, with no literal mode: "./" keeps a name
    # such as ":(glob)x" from being read as magic.
    status, out, err = _run(ctx, "check-ignore", "-z", "--stdin", env=index,
                            stdin=_nul([f"./{p}" for p in paths]), check=False)
    if status not in (0, 1):
        raise GitError(f"git check-ignore failed: {last_line(err or out)}")
    ignored = {p.removeprefix("./") for p in out.split("\0")}
    return [p for p in paths if p not in ignored]


def folder_changes(ctx: GitContext, index: dict[str, str]) -> FolderChanges:
    out = _run(ctx, "diff", "--cached", "--name-status", "--no-renames", "-z", "--",
               ctx.folder, env=index)[1]
    fields = out.split("\0")
    changes = FolderChanges()
    buckets = {"A": changes.added, "M": changes.changed, "T": changes.changed,
               "D": changes.removed}
    for status, path in zip(fields[::2], fields[1::2], strict=False):
        buckets.get(status[:1], changes.changed).append(path)
    return changes


def left_out_paths(ctx: GitContext, index: dict[str, str]) -> list[str]:
    """The folder's files that differ from what is committed but that pgdoc did not
    write: untracked or edited by somebody (ignored files are not mentioned, as in
    `git status`)."""
    out = _run(ctx, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames",
               "--", ctx.folder, env=index)[1]
    return [record[3:] for record in out.split("\0")
            if len(record) > 3 and record[1] != " "]


# -- repairing what an interrupted run left ------------------------------------------------


def repair_index(ctx: GitContext) -> str | None:
    """Check that git's index is not locked (GitError, exit 3, before anything is
    written), then put it right after a run that died between moving the branch and
    updating the index (or found `index.lock` taken then): the index still holds the
    previous commit's version of files pgdoc wrote in HEAD, and the user's next commit
    would silently revert them. Only entries that exactly that explains are reset (a
    file pgdoc wrote, whose index entry is HEAD's parent's); anything else staged in the
    folder is the user's and stays. Returns a one-line note when it repaired something.
    Call it under the output folder's lock, so it never races another pgdoc run."""
    index_unlocked(ctx)
    head = head_commit(ctx)
    if head is None:
        return None
    out = _run(ctx, "diff-index", "--cached", "-z", "--no-renames", head, "--",
               f"{ctx.folder}/")[1]
    fields = out.split("\0")
    prefix = f"{ctx.folder}/"
    differing: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
    for meta, path in zip(fields[::2], fields[1::2], strict=False):
        parts = meta.lstrip(":").split()
        name = path[len(prefix):] if path.startswith(prefix) else ""
        if len(parts) != 5 or not name or "/" in name:
            continue
        differing[name] = ((parts[0], parts[2]), (parts[1], parts[3]))
    if not differing:
        return None
    status, parent_out, _ = _run(ctx, "rev-parse", "-q", "--verify", f"{head}^1",
                                 check=False)
    before = _tree_entries(ctx, parent_out.strip() if status == 0 else None)
    explained = {name: (in_head, in_index) for name, (in_head, in_index) in differing.items()
                 if before.get(name, _NO_ENTRY) == in_index}
    if not explained:
        return None
    now = _tree_entries(ctx, head)
    index_sha = now.get(INDEX_FILE, _NO_ENTRY)[1]
    shas = [in_head[1] if in_head != _NO_ENTRY else in_index[1]
            for in_head, in_index in explained.values()]
    heads = _blob_heads(ctx, [*shas, index_sha])
    index_ours = _ours(INDEX_FILE, heads.get(index_sha, ""), False)
    stale = [f"{prefix}{name}" for (name, _), sha in zip(explained.items(), shas, strict=True)
             if _ours(name, heads.get(sha, ""), index_ours)]
    if not stale:
        return None
    status, out, err = _run(ctx, "reset", "-q", head, "--pathspec-from-file=-",
                            "--pathspec-file-nul", stdin=_nul(sorted(stale)), check=False)
    if status != 0:
        why = (_LOCKED.format(lock=_shown(ctx, index_lock(ctx))) if "index.lock" in err
               else last_line(err or out))
        raise GitError(f"git's index still holds {len(stale)} file(s) of "
                       f"{for_terminal(ctx.folder)} from before {head[:10]}, and pgdoc "
                       f"could not repair it: {why}",
                       hint="run pgdoc again once no git command is running")
    _run(ctx, "update-index", "-q", "--refresh", check=False)
    files = f"{len(stale)} file" + ("s" if len(stale) != 1 else "")
    return (f"repaired git's index: {files} in {for_terminal(ctx.folder)} still had their "
            f"state from before commit {head[:10]} (an earlier pgdoc run stopped before "
            "updating the index); they now match the commit")


# -- the message ---------------------------------------------------------------------------


def commit_message(changes: FolderChanges, names: dict[str, str], message: str | None,
                   details: list[str] | None = None, folder: str | None = None) -> str:
    """`Update schemas: added a; changed b; removed c`, shortened to fit one line. The
    body lists every name when the subject shortened them to counts, names every file
    removed (pruned tables, stale diagrams), and ends with `details` ("what changed, in
    words"), one indented line each. Names and details are escaped (`for_terminal`: one
    line, no control characters) and every body line holding one is indented, so no name
    can start a line: none can forge a trailer such as `Co-authored-by:`. Files of other
    objects than tables are named with their kind (`function f`) and counted apart
    (`10 functions`); `folder` is the output folder the paths are in.
    A custom message (`-m`, git.message) is used as it is, with `{summary}` replaced."""
    groups = []
    for verb, paths in (("added", changes.added), ("changed", changes.changed),
                        ("removed", changes.removed)):
        items = sorted(((kind, _object_name(p, kind, names)) for p in paths
                        if (kind := _kind_of(p, folder)) is not None),
                       key=lambda item: (_KIND_ORDER.index(item[0]), item[1]))
        if items:
            groups.append((verb, items))
    others = sorted(for_terminal(PurePosixPath(p).name) for p in changes.paths
                    if _kind_of(p, folder) is None)
    summary, shortened = _summary(groups, others)
    if message:
        return message.replace("{summary}", summary)
    removed = sorted(for_terminal(PurePosixPath(p).name) for p in changes.removed)
    paragraphs = [f"Update schemas: {summary}"]
    if shortened:
        paragraphs.append(_body(groups))
    if removed:
        paragraphs.append(_body([("removed files", [("", name) for name in removed])]))
    lines = [f"  {for_terminal(line)}".rstrip() for line in details or []]
    if any(lines):
        paragraphs.append("\n".join(lines).strip("\n"))
    return "\n\n".join(paragraphs)


# The output folder's subfolders of other objects' files (pgdoc.docs.objects), by the
# kind a message names them with; "" is a table ("objects/" holds one file per kind).
_KINDS = {"": "table", "functions": "function", "types": "type", "sequences": "sequence",
          "objects": "object list"}
_KIND_ORDER = list(_KINDS.values())


def _kind_of(path: str, folder: str | None) -> str | None:
    """The kind of object `path` documents; None for the overview files (`_index.md`)."""
    pure = PurePosixPath(path)
    # pgdoc's own files (`_index.md`, ...) end otherwise: `_prisma_migrations.sql` is a
    # table's.
    if not pure.name.endswith(SUFFIX) or pure.name.startswith("."):
        return None
    if folder is not None and folder not in ("", "."):
        try:
            parts = pure.relative_to(folder).parts
        except ValueError:
            return None
        sub = parts[0] if len(parts) == 2 else "" if len(parts) == 1 else None
    else:  # the folder unknown: a file in a subfolder of one of these names
        sub = pure.parent.name if pure.parent.name in OBJECT_FOLDERS else ""
    return _KINDS.get(sub) if sub is not None else None


def _object_name(path: str, kind: str, names: dict[str, str]) -> str:
    if kind == "table":
        return _table_name(path, names)
    name = PurePosixPath(path).name
    if kind == "object list":
        return for_terminal(name.removesuffix(SUFFIX))
    return _decoded_name(name)


def _table_name(path: str, names: dict[str, str]) -> str:
    name = PurePosixPath(path).name
    return for_terminal(names[name]) if name in names else _decoded_name(name)


def _decoded_name(filename: str) -> str:
    """The object a file is named after, as SQL spells it (`users`, `billing.invoices`);
    the file name itself when it cannot be decoded (a hashed long name)."""
    decoded = decode_filename(filename)
    if decoded is None:
        return for_terminal(filename.removesuffix(SUFFIX))
    schema, name = decoded
    return for_terminal(name if schema == "public" else f"{schema}.{name}")


def _label(kind: str, name: str) -> str:
    return name if kind in ("table", "") else f"{kind} {name}"


def _counted(items: list[tuple[str, str]]) -> str:
    """`23 tables, 10 functions, 1 type`."""
    counts: dict[str, int] = {}
    for kind, _ in items:
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{n} {kind}{'s' if n > 1 else ''}"
                     for kind in _KIND_ORDER if (n := counts.get(kind, 0)))


def _summary(groups: list[tuple[str, list[tuple[str, str]]]], others: list[str]
             ) -> tuple[str, bool]:
    if not groups:
        return "updated " + ", ".join(others), False
    parts = {verb: ", ".join(_label(k, n) for k, n in items) for verb, items in groups}
    budget = SUBJECT_MAX - len("Update schemas: ")
    shortened = False
    # Replace the longest lists by counts until the line fits.
    for verb, items in sorted(groups, key=lambda g: -len(parts[g[0]])):
        if len("; ".join(f"{v} {parts[v]}" for v, _ in groups)) <= budget:
            break
        count = _counted(items)
        if len(count) < len(parts[verb]):
            parts[verb], shortened = count, True
    return "; ".join(f"{v} {parts[v]}" for v, _ in groups), shortened


def _body(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """`Added (3):` then every name, indented. The heading holds `(`, so git never reads
    it as a trailer's key, and an indented line can only continue a trailer."""
    lines = []
    for verb, items in groups:
        lines.append(f"{verb.capitalize()} ({len(items)}):")
        lines += [f"  {_label(kind, name)}" for kind, name in items]
    return "\n".join(lines)


# -- push ----------------------------------------------------------------------------------


def push(ctx: GitContext) -> bool:
    """Push the branch to its target; True when the remote moved, False when up to date.
    A rejected push keeps the local commit and says how to recover."""
    local = head_commit(ctx)
    if local is None:
        return False
    refspec = f"refs/heads/{ctx.branch}:refs/heads/{ctx.remote_branch}"
    assert ctx.remote, "preflight(push=True) sets the target"
    status, out, err = _run(ctx, "push", "--porcelain", ctx.remote, refspec, check=False)
    # --porcelain: one "<flag>\t<from>:<to>\t<summary>" line per ref.
    refs = [ln.split("\t") for ln in out.splitlines() if ln.count("\t") >= 2]
    if status == 0:
        return any(flag in (" ", "+", "*") for flag, *_ in refs)
    rejected = [fields[2] for fields in refs if fields[0] == "!"]
    if any("fetch first" in why or "non-fast-forward" in why for why in rejected):
        raise GitError(
            f"push to {ctx.target} rejected: the remote has commits you do not have; "
            f"the local commit {local[:10]} is kept",
            hint="run `git pull --rebase` then `git push`, or set git.pull: rebase")
    if rejected:
        raise GitError(f"push to {ctx.target} rejected: {redact(rejected[0])}; "
                       f"the local commit {local[:10]} is kept",
                       hint="see the remote's rules (protected branch, hooks), then `git push`")
    raise GitError(f"push to {ctx.target} failed: {last_line(err or out)}; "
                   f"the local commit {local[:10]} is kept",
                   hint="check the remote's URL, network and credentials, then `git push`")
