"""git, through GitPython, as small named verbs: preflight, pull, commit_changes, push.

pgdoc commits the output folder and nothing else. The commit is built in a temporary
index (HEAD's tree plus the folder as it is on disk), so whatever the user has staged or
left unstaged elsewhere stays exactly as it was; afterwards only the folder's entries of
the real index are brought in line with the new commit. Every check runs before the
first write (`preflight`), and every git failure becomes a GitError with one line that
says what happened and what to do.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import git

from pgdoc.config import GitConfig
from pgdoc.errors import GitError, GitUsageError
from pgdoc.folder.naming import SUFFIX, decode_filename

# Never wait for a password prompt: cron has nobody to type it.
_NO_PROMPT = {"GIT_TERMINAL_PROMPT": "0"}
# Identity must come from config or the environment, never be guessed from the host name.
_STRICT_IDENT = ("-c", "user.useConfigOnly=true")
_AUTHOR = re.compile(r"^\s*([^<>]*[^<>\s])\s*<([^<>\s]+)>\s*$")
_URL_USERINFO = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")
_BUSY_STATES = {"MERGE_HEAD": "a merge", "rebase-merge": "a rebase", "rebase-apply": "a rebase",
                "CHERRY_PICK_HEAD": "a cherry-pick", "REVERT_HEAD": "a revert"}
SUBJECT_MAX = 90  # room for the common 'added a; changed b; removed c'
BODY_NAMES_MAX = 50


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
         check: bool = True, what: str | None = None, hint: str | None = None
         ) -> tuple[int, str, str]:
    """Run one git command; returns (status, stdout, stderr). The one place git runs."""
    repo = ctx_or_repo.repo if isinstance(ctx_or_repo, GitContext) else ctx_or_repo
    base = ctx_or_repo.env if isinstance(ctx_or_repo, GitContext) else {}
    status, out, err = repo.git.execute(
        ["git", *args], with_extended_output=True, with_exceptions=False,
        env={**_NO_PROMPT, **base, **(env or {})},
    )
    if check and status != 0:
        raise GitError(f"{what or 'git ' + args[0]} failed: {last_line(err or out)}",
                       hint=hint)
    return int(status), str(out), str(err)


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
                     remote_branch=remote_branch, env=identity_env(cfg))
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
    match = _AUTHOR.match(cfg.author)
    if not match:
        raise GitUsageError(f"git.author must look like 'Name <email>', not {cfg.author!r}",
                            hint="e.g. author: 'pgdoc bot <pgdoc@example.com>'")
    name, email = match.groups()
    return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}


def check_identity(ctx: GitContext) -> None:
    """Ask git itself, as strictly as the commit will: no identity guessed from the host."""
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        status, _, _ = _run(ctx, *_STRICT_IDENT, "var", var, check=False)
        if status != 0:
            raise GitUsageError(
                f"no git identity to commit as in {ctx.root}",
                hint="set git.author: 'Name <email>' in the config, or run "
                "`git config user.name NAME` and `git config user.email EMAIL`")


def not_ignored(ctx: GitContext) -> None:
    probes = [ctx.folder, f"{ctx.folder}/_index.md", f"{ctx.folder}/pgdoc-probe{SUFFIX}"]
    status, out, _ = _run(ctx, "check-ignore", "--", *probes, check=False)
    if status == 0:
        raise GitUsageError(f"git ignores {out.splitlines()[0]} (see .gitignore)",
                            hint=f"un-ignore {ctx.folder} so pgdoc can commit it")


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


def commit_changes(ctx: GitContext, names: dict[str, str], message: str | None
                   ) -> str | None:
    """Commit the output folder's changes (and nothing else); the new sha, or None when
    the folder already matches HEAD. `names` maps file names to the table each documents."""
    branch = current_branch(ctx.repo)
    if branch != ctx.branch:
        raise GitError(f"HEAD moved from {ctx.branch or 'a detached commit'} to "
                       f"{branch or 'a detached commit'} while pgdoc ran; nothing was committed",
                       hint="run the sync again")
    parent = head_commit(ctx)
    with tempfile.TemporaryDirectory(prefix="pgdoc-git-") as tmp:
        index = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        if parent:
            _run(ctx, "read-tree", parent, env=index)
        else:
            _run(ctx, "read-tree", "--empty", env=index)
        _run(ctx, "add", "--all", "--", ctx.folder, env=index,
             what=f"git add {ctx.folder}")
        changes = folder_changes(ctx, index)
        if not changes:
            return None
        tree = _run(ctx, "write-tree", env=index)[1].strip()
    text = commit_message(changes, names, message)
    parents = ["-p", parent] if parent else []
    sha = _run(ctx, *_STRICT_IDENT, "commit-tree", tree, *parents, "-m", text,
               what="git commit-tree")[1].strip()
    ref = f"refs/heads/{ctx.branch}" if ctx.branch else "HEAD"
    subject = text.splitlines()[0]
    _run(ctx, "update-ref", "--no-deref", "-m", f"pgdoc: {subject}", ref, sha, parent or "",
         what=f"updating {ctx.branch or 'HEAD'}",
         hint="another git command moved it meanwhile; run the sync again")
    # Bring only the folder's entries of the real index in line with the commit.
    _run(ctx, "reset", "--quiet", sha, "--", ctx.folder,
         what=f"committed {sha[:10]}, but updating the index",
         hint=f"run `git reset -q -- {ctx.folder}` in {ctx.root}")
    _run(ctx, "update-index", "-q", "--refresh", check=False)
    return sha


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


def commit_message(changes: FolderChanges, names: dict[str, str], message: str | None) -> str:
    """`Update schemas: added a; changed b; removed c`, shortened to fit one line, with
    every name in the body when it was. `{summary}` in a custom message is replaced."""
    groups = []
    for verb, paths in (("added", changes.added), ("changed", changes.changed),
                        ("removed", changes.removed)):
        tables = sorted(_table_name(p, names) for p in paths if _is_table_file(p))
        if tables:
            groups.append((verb, tables))
    others = sorted(PurePosixPath(p).name for p in changes.added + changes.changed
                    + changes.removed if not _is_table_file(p))
    summary, shortened = _summary(groups, others)
    body = _body(groups) if shortened else ""
    if message:
        return message.replace("{summary}", summary)
    subject = f"Update schemas: {summary}"
    return f"{subject}\n\n{body}" if body else subject


def _is_table_file(path: str) -> bool:
    name = PurePosixPath(path).name
    return name.endswith(SUFFIX) and not name.startswith(("_", "."))


def _table_name(path: str, names: dict[str, str]) -> str:
    name = PurePosixPath(path).name
    if name in names:
        return names[name]
    decoded = decode_filename(name)
    if decoded is None:
        return name.removesuffix(SUFFIX)
    schema, table = decoded
    return table if schema == "public" else f"{schema}.{table}"


def _summary(groups: list[tuple[str, list[str]]], others: list[str]) -> tuple[str, bool]:
    if not groups:
        return "updated " + ", ".join(others), False
    parts = {verb: ", ".join(tables) for verb, tables in groups}
    budget = SUBJECT_MAX - len("Update schemas: ")
    shortened = False
    # Replace the longest lists by counts until the line fits.
    for verb, tables in sorted(groups, key=lambda g: -len(parts[g[0]])):
        if len("; ".join(f"{v} {parts[v]}" for v, _ in groups)) <= budget:
            break
        count = f"{len(tables)} table" + ("s" if len(tables) > 1 else "")
        if len(count) < len(parts[verb]):
            parts[verb], shortened = count, True
    return "; ".join(f"{v} {parts[v]}" for v, _ in groups), shortened


def _body(groups: list[tuple[str, list[str]]]) -> str:
    lines = []
    for verb, tables in groups:
        lines.append(f"{verb.capitalize()} ({len(tables)}):")
        lines += [f"  {t}" for t in tables[:BODY_NAMES_MAX]]
        if len(tables) > BODY_NAMES_MAX:
            lines.append(f"  ... and {len(tables) - BODY_NAMES_MAX} more")
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
