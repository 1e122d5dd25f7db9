"""Command line: parse, call the pipeline, report. No logic lives here."""

from __future__ import annotations

import dataclasses
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from pgdoc import __version__, unchanged
from pgdoc.config import Config, load_config
from pgdoc.deadline import deadline
from pgdoc.docs.index import CURRENT, NEW, ORPHANED
from pgdoc.docs.render import MARKER
from pgdoc.errors import (
    EXIT_DRIFT,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    GitError,
    GitUsageError,
    PgdocError,
    UsageError,
)
from pgdoc.folder.naming import table_filename
from pgdoc.folder.plan import Plan, apply
from pgdoc.folder.writer import existing_files, locked, spare_files
from pgdoc.postgres.catalog import documented
from pgdoc.postgres.tools import PgTools, redact
from pgdoc.progress import Progress
from pgdoc.read import major_note, read_catalog, recorded_pg_dump_major, survey
from pgdoc.report import drift_diff
from pgdoc.text import for_terminal

EPILOG = """\b
Exit codes: 0 ok, 1 `check` found drift, 2 usage or config error,
3 database, tool (psql/pg_dump), output folder or git failure.
Connection: libpq's environment (PGHOST, PGPORT, PGUSER, PGDATABASE,
PGPASSWORD, PGSERVICE, ~/.pgpass ...), the config file's `database:`
section, or --dsn. Precedence: flags > environment > config file.
"""


class Reporter:
    """What pgdoc prints: results on stdout, errors and progress on stderr."""

    def __init__(self, quiet: bool, verbose: bool, as_json: bool) -> None:
        self.quiet, self.verbose, self.as_json = quiet, verbose, as_json

    def out(self, text: str = "") -> None:
        if not self.quiet and not self.as_json:
            click.echo(text)

    def always(self, text: str) -> None:
        """Printed even with --quiet (a one-line summary when something changed)."""
        if not self.as_json:
            click.echo(text)

    def debug(self, text: str) -> None:
        if self.verbose:
            click.echo(f"pgdoc: {text}", err=True)

    def json(self, data: dict[str, Any]) -> None:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))


def _output_options() -> list[Callable[[Any], Any]]:
    return [
        click.option("-q", "--quiet", is_flag=True, help="Print only errors (and a one-line "
                     "summary when something changed). Also accepted before the command."),
        click.option("-v", "--verbose", is_flag=True, help="Explain each step on stderr. "
                     "Also accepted before the command (pgdoc -v sync)."),
    ]


def _common_options(jobs: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options every command takes (`jobs=False`: no -j, for commands that never run
    pg_dump per table)."""
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            click.option("-c", "--config", "config_file", type=click.Path(dir_okay=False),
                         help="Config file (default: ./pgdoc.yaml when present)."),
            click.option("-o", "--output", type=click.Path(file_okay=False),
                         help="Output folder (default: docs/schemas)."),
            click.option("--dsn", help="Connection URL or conninfo, e.g. "
                         "postgresql://app@db/prod. Prefer PGPASSWORD or ~/.pgpass for the "
                         "password."),
            *([click.option("-j", "--jobs", type=click.IntRange(min=1),
                            help="Parallel pg_dump runs for --per-table (default 2).")]
              if jobs else []),
            click.option("--lock-timeout", type=click.FloatRange(min=0, min_open=True),
                         help="Seconds to wait for a table lock before giving up "
                         "(default 30)."),
            click.option("--timeout", type=click.FloatRange(min=1, max=86400),
                         help="Seconds the whole run may take before pgdoc gives up "
                         "(default 600)."),
            click.option("--owners/--no-owners", default=None,
                         help="Objects' owners in the docs (OWNER TO, Owner:); off by default."),
            click.option("--grants/--no-grants", default=None,
                         help="GRANT/REVOKE and default privileges in the docs; off by default."),
            *_output_options(),
        ]
        for option in reversed(options):
            func = option(func)
        return func
    return decorate


common_options = _common_options(jobs=True)
common_options_without_jobs = _common_options(jobs=False)


def _reporter(kw: dict[str, Any]) -> Reporter:
    """The command's Reporter; -q/-v count whether given before or after the command."""
    ctx = click.get_current_context(silent=True)
    top = ctx.find_root().params if ctx is not None else {}
    return Reporter(kw.pop("quiet") or bool(top.get("quiet")),
                    kw.pop("verbose") or bool(top.get("verbose")), kw.get("as_json", False))


def _config(ctx_args: dict[str, Any]) -> Config:
    cfg = load_config(ctx_args.pop("config_file"))
    cfg = cfg.with_flags(
        output=Path(ctx_args.pop("output")) if ctx_args.get("output") else None,
        dsn=ctx_args.pop("dsn"),
        jobs=ctx_args.pop("jobs", None),
        lock_timeout=ctx_args.pop("lock_timeout"),
        timeout=ctx_args.pop("timeout"),
        owners=ctx_args.pop("owners"),
        grants=ctx_args.pop("grants"),
    )
    if cfg.output.exists() and not cfg.output.is_dir():  # e.g. -o /dev/null
        raise UsageError(f"the output folder {for_terminal(str(cfg.output))} is not a folder",
                         hint="give -o (or output:) a folder; pgdoc makes it when missing")
    for warning in cfg.warnings:
        click.echo(f"pgdoc: warning: {warning}", err=True)
    if cfg.dsn and cfg.dsn.get("password"):
        click.echo("pgdoc: warning: the password in --dsn shows in pgdoc's own command line "
                   "(ps, shell history): put it in ~/.pgpass or PGPASSWORD instead", err=True)
    # The whole command runs under the timeout: it ends with the command's context.
    click.get_current_context().with_resource(deadline(cfg.timeout))
    return cfg


def _tools(cfg: Config, rep: Reporter) -> PgTools:
    tools = PgTools.from_config(cfg, echo=(lambda s: rep.debug(f"running: {for_terminal(s)}"))
                                if rep.verbose else None)
    rep.debug(f"connecting to {tools.target}")
    return tools


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="pgdoc")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (see each command).")
@click.option("-v", "--verbose", is_flag=True, help="Explain each step on stderr.")
def cli(quiet: bool, verbose: bool) -> None:
    """Keep a PostgreSQL schema documented in git: one readable file per table.

    \b
    Examples:
      pgdoc sync                       document every table into docs/schemas
      pgdoc sync users billing.invoices   refresh two tables
      pgdoc sync --commit --push       document, commit the folder, push
      pgdoc check --diff               CI: fail (exit 1) when the docs are stale
      pgdoc list                       tables and the status each would get
      pgdoc log -n 5                   what the last five doc commits did, in words
      pgdoc diff origin/main           this branch's schema changes, one line each
    """


def _summary_lines(p: Plan) -> list[str]:
    rels = p.docs.relations
    has_views = any(r.kind in "vmf" for r in rels)
    noun = "tables and views" if has_views else "tables"
    counts = f"+{len(p.new)} new, {len(p.changed)} changed, {len(p.orphans)} orphaned"
    if p.docs.subset:
        head = f"Refreshed {len(p.docs.files)} of {len(rels)} {noun} ({counts})"
    else:
        head = f"Found {len(rels)} {noun} ({counts})"
    lines = [head]
    # Names reach the terminal escaped: no control character, escape sequence or bidi
    # override from the database is printed raw.
    lines += [f"  {NEW} {for_terminal(r.display)}" for r in p.new]
    lines += [f"  ~ {for_terminal(r.display)}" for r in p.changed]
    deleted = set(p.deletes)
    lines += [f"  {ORPHANED} {for_terminal(name)} (orphaned: {for_terminal(file)}"
              + (", deleted)" if file in deleted else ")")
              for file, name in sorted(p.orphans.items())]
    return lines


def _plan_json(p: Plan, folder: Path, **extra: Any) -> dict[str, Any]:
    new = {r.oid for r in p.new}
    changed = {r.oid for r in p.changed}
    tables = [
        {"schema": r.schema, "name": r.name, "kind": r.kind_name,
         "file": str(folder / p.docs.filenames[r.oid]),
         "status": "new" if r.oid in new else "changed" if r.oid in changed else "current"}
        for r in p.docs.relations
    ]
    tables += [{"name": name, "file": str(folder / f), "status": "orphaned"}
               for f, name in sorted(p.orphans.items())]
    return {
        "database": p.docs.catalog.database,
        "output": str(folder),
        "tables": tables,
        "counts": {"tables": len(p.docs.relations), "new": len(p.new),
                   "changed": len(p.changed), "orphaned": len(p.orphans)},
        "changed": p.has_changes,
        "files_written": sorted(p.writes),
        "files_deleted": p.deletes,
        **extra,
    }


@cli.command()
@click.argument("tables", nargs=-1)
@common_options
@click.option("--per-table", is_flag=True,
              help="One pg_dump per table instead of one for the whole schema (slower; the "
              "reference path).")
@click.option("--prune", is_flag=True, help="Delete files of tables that no longer exist.")
@click.option("--full", is_flag=True, help="Read the whole schema even when the catalog "
              "fingerprint says nothing changed.")
@click.option("-n", "--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--adopt", is_flag=True, help="Take over files of the same names that pgdoc did "
              "not write (a hand-made dump's users.sql, _index.md): overwrite them instead of "
              "refusing (adopt).")
@click.option("--commit/--no-commit", default=None,
              help="Commit the output folder's changes, and nothing else (git.commit).")
@click.option("--push/--no-push", default=None, help="Push the branch to its upstream, or to "
              "git.remote/git.branch (git.push); implies --commit.")
@click.option("-m", "--message", help="Commit message (default: generated from the changes, "
              "e.g. 'Update schemas: added survey_notes'; {summary} in it is replaced by that).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
def sync(tables: tuple[str, ...], **kw: Any) -> int:
    """Document every table (or only TABLES) into the output folder.

    \b
    Examples:
      pgdoc sync
      pgdoc sync users billing.invoices
      pgdoc sync --dsn postgresql://app@db.internal/prod -o docs/schemas
      cd /srv/app && pgdoc sync --commit --push --quiet     # nightly cron
    """
    rep = _reporter(kw)
    adopt = kw.pop("adopt") or None
    cfg = _config(kw).with_flags(adopt=adopt)
    folder = cfg.output
    push = bool(kw["push"] if kw["push"] is not None else cfg.git.push)
    commit = push or bool(kw["commit"] if kw["commit"] is not None else cfg.git.commit)
    pull = bool(cfg.git.pull) and not kw["dry_run"]
    message = kw["message"] or cfg.git.message
    git_ctx = None
    if commit or pull:
        # Every git precondition is checked before connecting or writing anything.
        git_ctx = _gitops().preflight(folder, cfg.git, commit=commit, push=push, pull=pull)
    tools = _tools(cfg, rep)
    progress = Progress(enabled=None if not (rep.quiet or rep.as_json) else False)
    if kw["dry_run"]:
        p = survey(cfg, tools, folder, tables, kw["per_table"], kw["prune"], progress)
        _report_plan(rep, p, folder, dry_run=True)
        return EXIT_OK
    outcome = GitOutcome(committing=commit)
    # The lock covers pull, write, commit and push: overlapping runs (cron) take turns.
    with locked(folder):
        if git_ctx is not None and (note := _gitops().repair_index(git_ctx)):
            click.echo(f"pgdoc: {note}", err=True)  # what an interrupted run left
        if git_ctx is not None and pull:
            rep.debug(f"pulling from {git_ctx.target}")
            _gitops().pull(git_ctx)
        started = time.monotonic()
        whole = not (tables or kw["per_table"] or kw["full"] or kw["prune"])
        seen = unchanged.look(cfg, tools, folder) if whole else None
        if seen is not None and seen.unchanged:
            rep.debug("the catalog and the folder are as the last run left them: no pg_dump "
                      "needed (--full reads everything)")
            unchanged.settle(cfg, tools, folder, seen)
            return _quiet_night(rep, folder, seen, git_ctx, commit, push, message)
        recorded = recorded_pg_dump_major(folder)  # before writing: the docs' major, as found
        since = unchanged.earlier(cfg, tools, folder, seen) if seen is not None else None
        if since is not None:
            rep.debug(f"{len(since.changed)} relation(s) changed since the last run: reading "
                      "those again (--full reads everything)")
        with spare_files(folder) as spares:
            p = survey(cfg, tools, folder, tables, kw["per_table"], kw["prune"], progress,
                       earlier=since, spares=spares)
            _refuse_emptying(p, kw["prune"])
            model = unchanged.start_model(cfg, tools, folder, seen, p.docs) if not tables \
                else None
            planned = time.monotonic()
            if note := major_note(recorded, tools):
                click.echo(f"pgdoc: note: {note}", err=True)
            written = apply(p, folder, adopt=cfg.adopt, spares=spares)
        rep.debug(f"read the database and the folder in {planned - started:.2f}s, wrote "
                  f"{len(written)} files in {time.monotonic() - planned:.2f}s")
        if git_ctx is not None and commit:
            try:
                details = _history().committed_change_lines(folder)
                result = _gitops().commit_changes(git_ctx, _file_names(p), message, details)
                outcome.sha = result.sha
                for note in result.notes(quiet=rep.quiet):
                    click.echo(f"pgdoc: {note}", err=True)
                if push:
                    outcome.target = git_ctx.target
                    outcome.pushed = _gitops().push(git_ctx)
            except GitError:
                # The docs are written (maybe committed): say what changed, then the error
                # (which says whether a local commit was made and is kept).
                _report_plan(rep, p, folder, dry_run=False, git=GitOutcome(sha=outcome.sha))
                raise
        if not tables:
            unchanged.remember(cfg, tools, folder, seen, p.docs,
                               p.writes if p.has_changes else None, _settled(p), model)
    _report_plan(rep, p, folder, dry_run=False, git=outcome)
    return EXIT_OK


def _refuse_emptying(p: Plan, prune: bool) -> None:
    """A read that finds no table at all, beside a folder documenting some, is most likely
    the wrong database or a filter that matches nothing: it would mark every file
    orphaned (and commit and push that). Only --prune says the tables are really gone."""
    if p.docs.relations or not p.orphans or prune or p.docs.subset:
        return
    where = f"database {p.docs.catalog.database!r}"
    raise UsageError(
        f"no tables found in {where}, yet the folder documents {len(p.orphans)}: "
        "nothing was written",
        hint="check PGDATABASE, 'schemas:', 'include:'/'exclude:' and the role's USAGE on "
        "the schemas; if every table was dropped, run pgdoc sync --prune")


def _settled(p: Plan) -> dict[str, Any]:
    """What `--json` says of the folder once this run is done, for the nights that find
    nothing changed since (they read no catalog): every table current, orphans orphaned
    unless deleted. File names only: the folder is given on each run."""
    tables: list[dict[str, Any]] = [
        {"schema": r.schema, "name": r.name, "kind": r.kind_name,
         "file": p.docs.filenames[r.oid], "status": "current"} for r in p.docs.relations]
    deleted = set(p.deletes)
    orphans = [{"name": name, "file": f, "status": "orphaned"}
               for f, name in sorted(p.orphans.items()) if f not in deleted]
    return {"database": p.docs.catalog.database, "tables": tables + orphans,
            "counts": {"tables": len(tables), "new": 0, "changed": 0,
                       "orphaned": len(orphans)}}


def _quiet_json(seen: unchanged.Look, folder: Path) -> dict[str, Any]:
    """The JSON summary of a run that found nothing changed: the same keys as any run's
    (see _plan_json), from what the last run that wrote the folder saved."""
    summary = dict(seen.record.summary or {}) if seen.record is not None else {}
    tables = [{**t, "file": str(folder / t["file"])} for t in summary.get("tables", [])]
    return {"database": summary.get("database"), "output": str(folder), "tables": tables,
            "counts": summary.get("counts", {"tables": 0, "new": 0, "changed": 0,
                                              "orphaned": 0}),
            "changed": False, "files_written": [], "files_deleted": [], "dumped": False}


def _quiet_night(rep: Reporter, folder: Path, seen: unchanged.Look, git_ctx: Any,
                 commit: bool, push: bool, message: str | None) -> int:
    """A sync that the catalog fingerprint showed has nothing to do (still commits and
    pushes what an earlier run may have left)."""
    outcome = GitOutcome(committing=commit)
    if git_ctx is not None and commit:
        result = _gitops().commit_changes(git_ctx, {}, message,
                                          _history().committed_change_lines(folder))
        outcome.sha = result.sha
        if push:
            outcome.target = git_ctx.target
            outcome.pushed = _gitops().push(git_ctx)
    git_line = _git_line(outcome)
    if rep.as_json:
        rep.json({**_quiet_json(seen, folder), "dry_run": False, "commit": outcome.sha,
                  "pushed": outcome.pushed})
    elif rep.quiet:
        if outcome.sha or outcome.pushed:
            rep.always(git_line[0].upper() + git_line[1:])
    else:
        rep.out(f"No schema change (catalog fingerprint unchanged): nothing written in "
                f"{folder}.")
        if git_line:
            rep.out(git_line[0].upper() + git_line[1:] + ".")
    return EXIT_OK


@dataclasses.dataclass
class GitOutcome:
    committing: bool = False
    sha: str | None = None
    pushed: bool = False
    target: str | None = None


def _git_module(name: str, hint: str) -> Any:
    """A module of pgdoc.history, imported only when git is used (GitPython needs the git
    program)."""
    try:
        return importlib.import_module(f"pgdoc.history.{name}")
    except ImportError as exc:
        raise GitUsageError(f"cannot use git: {str(exc).splitlines()[0]}", hint=hint) from None


def _gitops() -> Any:
    return _git_module("repo", "install git, or run without --commit/--push")


def _file_names(p: Plan) -> dict[str, str]:
    """File name -> the table it documents, for commit messages."""
    names = {p.docs.filenames[r.oid]: r.display for r in p.docs.relations}
    return {**p.orphans, **names}


def _report_plan(rep: Reporter, p: Plan, folder: Path, dry_run: bool,
                 git: GitOutcome | None = None) -> None:
    git = git or GitOutcome()
    if not p.docs.relations:
        click.echo(f"pgdoc: warning: no tables found in database {p.docs.catalog.database!r} "
                   "(check PGDATABASE, 'schemas:'/'include:' and the role's USAGE on the schemas)",
                   err=True)
    if rep.as_json:
        rep.json(_plan_json(p, folder, dumped=True, dry_run=dry_run, commit=git.sha,
                            pushed=git.pushed))
        return
    lines = _summary_lines(p)
    if dry_run:
        rep.out(lines[0] + (" - dry run, nothing written" if p.has_changes else ""))
        for ln in lines[1:]:
            rep.out(ln)
        for name in sorted(p.writes):
            rep.out(f"  would write {folder / name}")
        for name in p.deletes:
            rep.out(f"  would delete {folder / name}")
        return
    git_line = _git_line(git)
    if rep.quiet:
        # cron mails any output: say nothing unless something changed.
        if p.has_changes or git.sha or git.pushed:
            rep.always("; ".join([lines[0], *([git_line] if git_line else [])]))
        return
    for ln in lines if p.has_changes else lines[:1]:
        rep.out(ln)
    if p.has_changes:
        files = f"{len(p.writes)} file{'s' if len(p.writes) != 1 else ''}"
        gone = f", deleted {len(p.deletes)}" if p.deletes else ""
        rep.out(f"Wrote {files}{gone} in {folder}; index: {folder / '_index.md'}")
    elif git.sha:
        # The commit holds files an earlier sync wrote: "nothing written" would read as
        # "nothing committed".
        rep.out(f"No schema change since the last sync; committing the files it left "
                f"uncommitted in {folder}.")
    else:
        rep.out(f"No schema change: nothing written in {folder}.")
    if git_line:
        rep.out(git_line[0].upper() + git_line[1:] + ".")


def _git_line(git: GitOutcome) -> str:
    parts = []
    if git.sha:
        parts.append(f"committed {git.sha[:10]}")
    elif git.committing:
        parts.append("nothing to commit")
    if git.pushed:
        parts.append(f"pushed to {git.target}")
    return ", ".join(parts)


@cli.command(name="list")
@common_options_without_jobs
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
def list_cmd(**kw: Any) -> int:
    """List the database's tables with the status each would get; writes nothing.

    \b
    Status: ✓ documented, + new (no file yet), ⚠ orphaned file (table gone).
    Example:
      pgdoc list --dsn postgresql://app@localhost/app
    """
    rep = _reporter(kw)
    cfg = _config(kw)
    tools = _tools(cfg, rep)
    catalog = read_catalog(cfg, tools)
    rels = documented(catalog, cfg.include, cfg.exclude, cfg.partitions == "fold")
    existing = existing_files(cfg.output, MARKER)
    names = {table_filename(r.schema, r.name): r for r in rels}
    rows = [(CURRENT if f in existing else NEW, r.display, r.kind_name, f)
            for f, r in names.items()]
    rows.sort(key=lambda x: (names[x[3]].schema, names[x[3]].name))
    orphans = sorted(f for f in existing if f not in names)
    if rep.as_json:
        rep.json({"database": catalog.database, "output": str(cfg.output), "tables": [
            {"status": {CURRENT: "current", NEW: "new"}[s], "name": n, "kind": k,
             "file": str(cfg.output / f)} for s, n, k, f in rows
        ] + [{"status": "orphaned", "file": str(cfg.output / f)} for f in orphans]})
        return EXIT_OK
    width = max((len(r[1]) for r in rows), default=0)
    for status, name, kind, _f in rows:
        click.echo(f"{status} {for_terminal(name).ljust(width)}  {kind}")
    for f in orphans:
        click.echo(f"{ORPHANED} {f}  (orphaned file)")
    return EXIT_OK


@cli.command()
@common_options
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the table "
              "files that differ (long lines cut) and one line per overview file.")
@click.option("--full", is_flag=True, help="Read the whole schema even when the catalog "
              "fingerprint says nothing changed; with --diff: every file's diff, overview "
              "files too, no line cut.")
@click.option("--per-table", is_flag=True, help="Use one pg_dump per table.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
def check(**kw: Any) -> int:
    """Compare the database with the docs; write nothing. Exit 1 when they differ.

    \b
    For CI and pre-merge checks:
      pgdoc check --diff || echo "run 'pgdoc sync' and commit docs/schemas"
      pgdoc check --diff --full     # the overview files' diffs too
    """
    rep = _reporter(kw)
    cfg = _config(kw)
    tools = _tools(cfg, rep)
    seen = None if kw["per_table"] or kw["full"] else unchanged.look(cfg, tools, cfg.output)
    if seen is not None and seen.unchanged:
        rep.debug("the catalog and the folder are as when they last matched: no pg_dump "
                  "needed (--full reads everything)")
        unchanged.settle(cfg, tools, cfg.output, seen)
        if rep.as_json:
            rep.json({**_quiet_json(seen, cfg.output), "drift": False})
        else:
            tables = seen.record.tables if seen.record else len(existing_files(cfg.output))
            rep.out(f"Docs are up to date ({tables} tables in {cfg.output})"
                    f"{_kept(_orphans_recorded(seen))}.")
        return EXIT_OK
    p = survey(cfg, tools, cfg.output, per_table=kw["per_table"],
               progress=Progress(enabled=None if not (rep.quiet or rep.as_json) else False))
    if note := major_note(recorded_pg_dump_major(cfg.output), tools):
        click.echo(f"pgdoc: note: {note}", err=True)
    # An orphaned file a sync already marked is what a sync leaves: no drift (a table
    # dropped since is, as the sync would mark its file).
    table_drift = bool(p.new or p.changed)
    drift = table_drift or p.has_changes
    if not drift:
        unchanged.remember(cfg, tools, cfg.output, seen, p.docs, summary=_settled(p))
    if rep.as_json:
        rep.json(_plan_json(p, cfg.output, dumped=True, drift=drift))
    else:
        if drift and rep.quiet:
            click.echo(f"Docs are out of date: {_summary_lines(p)[0]}; run 'pgdoc sync'")
        elif drift:
            lines = _summary_lines(p)
            click.echo(f"Docs are out of date: {lines[0]}")
            for ln in lines[1:]:
                click.echo(ln)
            if not table_drift:
                click.echo(f"  overview files differ: {', '.join(sorted(p.writes))}")
            changes = _history().pending_change_lines(cfg.output, p.writes)
            if changes:
                click.echo("What changed:")
                for line in changes:
                    click.echo(f"  {for_terminal(line)}")
            click.echo("Run 'pgdoc sync' and commit the output folder.")
        else:
            rep.out(f"Docs are up to date ({len(p.docs.relations)} tables in {cfg.output})"
                    f"{_kept(len(p.orphans))}.")
        if kw["show_diff"] and drift:
            sys.stdout.writelines(drift_diff(p, cfg.output, full=kw["full"]))
    return EXIT_DRIFT if drift else EXIT_OK


def _orphans_recorded(seen: unchanged.Look) -> int:
    summary = seen.record.summary if seen.record is not None else None
    return int((summary or {}).get("counts", {}).get("orphaned") or 0)


def _kept(orphans: int) -> str:
    if not orphans:
        return ""
    files = f"{orphans} orphaned file{'s' if orphans != 1 else ''}"
    return f"; {files} kept, marked (pgdoc sync --prune deletes them)"


@cli.command(name="diff")
@click.argument("revisions", nargs=-1, metavar="[FROM [TO]]")
@common_options_without_jobs
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True, help="markdown: a pull-request comment.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def diff_cmd(revisions: tuple[str, ...], **kw: Any) -> int:
    """What changed in the schema, in words: one line per change, grouped by relation.

    FROM and TO are git revisions of the docs folder; without TO, FROM is compared with
    the working folder; without either, the database with the committed docs (HEAD).
    Only `schema.json` is read, from git.

    \b
    Examples:
      pgdoc diff HEAD~1 HEAD           what the last commit did to the schema
      pgdoc diff origin/main           this branch's docs (working folder) against main
      pgdoc diff                       the database against the committed docs
      pgdoc diff origin/main --format markdown > comment.md    a PR comment
    \b
    Output, e.g.:
      users: column nickname added (text, NULL)
      company.slug: type text -> character varying(80)
      user_role: enum value auditor added
    """
    rep = Reporter(kw.pop("quiet"), kw.pop("verbose"), kw["as_json"])
    cfg = _config(kw)
    click.echo(_history().diff_command(cfg, revisions, kw["fmt"], kw["as_json"],
                                       tools=lambda: _tools(cfg, rep)), nl=False)
    return EXIT_OK


@cli.command(name="log")
@click.argument("rev_range", required=False, metavar="[REV_RANGE]")
@common_options_without_jobs
@click.option("-n", "--max-count", type=click.IntRange(min=0), help="Only the N newest commits.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True, help="markdown: headings and bullets.")
@click.option("--json", "as_json", is_flag=True, help="Print the commits as JSON.")
def log_cmd(rev_range: str | None, **kw: Any) -> int:
    """The schema's history in words: per commit that touched the docs folder, newest
    first, its sha, date, author and subject, then one line per schema change.

    Reads only the folder's git history (no database: the connection options are
    accepted for symmetry and not used).

    \b
    Examples:
      pgdoc log                        every commit of the docs on this branch
      pgdoc log -n 5                   the last five
      pgdoc log v1.2..HEAD             since a release
      pgdoc log --json | jq '.commits[].changes[].line'
    """
    cfg = _config(kw)
    click.echo(_history().log_command(cfg.output, rev_range, kw["max_count"], kw["fmt"],
                                      kw["as_json"]), nl=False)
    return EXIT_OK


def _history() -> Any:
    return _git_module("log", "install git: pgdoc reads the docs' git history")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code; expected failures print one line, no traceback."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args)
    finally:
        gc.unfreeze()  # what a run froze (pgdoc.read.gc_paused) is the collector's again


def _main(args: list[str]) -> int:
    try:
        result = cli.main(args=args, prog_name="pgdoc", standalone_mode=False)
    except PgdocError as exc:
        # One line, whatever a name in it holds: no escape sequence reaches a terminal.
        click.echo(f"pgdoc: error: {for_terminal(_redact_env(str(exc)))}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("pgdoc: interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("pgdoc: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE
    return int(result) if isinstance(result, int) else EXIT_OK


def run() -> None:
    """The `pgdoc` command (and `python -m pgdoc`): main, then `finish`."""
    finish(main())


def finish(code: int) -> None:
    """Exit with `code` without tearing the interpreter down: freeing a run's objects one
    by one (the catalog of 10,000 tables is millions) costs more than some whole quiet
    nights. Output is flushed first; by then every file pgdoc writes is closed and every
    psql and pg_dump waited for (git's helper processes end when their pipes close), and
    pgdoc registers no exit handlers."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            code = code or EXIT_FAILURE
    os._exit(code)


def _redact_env(text: str) -> str:
    return redact(text, [os.environ.get("PGPASSWORD", "")])


if __name__ == "__main__":  # pragma: no cover
    run()
