"""The configuration, built once and immutable.

Precedence, highest first: command-line flags, then the PG* environment (for the
connection), then the config file, then defaults. The file is `-c FILE`, else
`./pgdoc.yaml` when present. Every key is shown in `config.example.yaml`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pgdoc.errors import ConfigError
from pgdoc.postgres.conninfo import KEYWORD_ENV, parse_dsn, valid_port

if TYPE_CHECKING:
    import yaml

DEFAULT_CONFIG_FILE = "pgdoc.yaml"
DEFAULT_OUTPUT = "docs/schemas"
# PostgreSQL's lock_timeout is an int of milliseconds.
MAX_LOCK_TIMEOUT = 2_147_483
DEFAULT_TIMEOUT = 600.0


@dataclass(frozen=True)
class GitConfig:
    commit: bool = False
    push: bool = False
    remote: str | None = None
    branch: str | None = None
    pull: str | None = None  # None or "rebase"
    author: str | None = None  # "Name <email>"
    message: str | None = None


@dataclass(frozen=True)
class Config:
    output: Path = Path(DEFAULT_OUTPUT)
    # Connection keywords from the config file (lower precedence than PG* env vars).
    database: Mapping[str, str] = field(default_factory=dict, repr=False)
    # Connection keywords from --dsn (higher precedence than PG* env vars).
    dsn: Mapping[str, str] = field(default_factory=dict, repr=False)
    schemas: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int = 2
    lock_timeout: float = 30.0
    pg_bin_dir: str | None = None
    partitions: str = "fold"
    views: bool = True
    erd_max_tables: int = 100
    owners: bool = False  # owners are environment facts: left out unless asked for
    grants: bool = False  # so are grants (GRANT/REVOKE, default privileges)
    timeout: float = DEFAULT_TIMEOUT  # seconds a whole sync or check may take
    title: str = "Database schema"  # the heading of _index.md
    adopt: bool = False  # overwrite same-named files pgdoc did not write (sync --adopt)
    git: GitConfig = field(default_factory=GitConfig)
    source: Path | None = None
    # Things worth saying on stderr that are no error (a password in the config file).
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def with_flags(self, **flags: Any) -> Config:
        """Apply command-line flags (None means 'not given')."""
        given = {k: v for k, v in flags.items() if v is not None}
        if "git" in given:
            git_flags = {k: v for k, v in given.pop("git").items() if v is not None}
            given["git"] = replace(self.git, **git_flags)
        if "dsn" in given:
            given["dsn"] = _dsn_keywords(given["dsn"], "--dsn")
        cfg = replace(self, **given)
        _validate_values(cfg)
        return cfg


# key -> (expected python type(s), human description)
_TOP_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "database": ((dict, str), "a mapping of connection settings or a DSN string"),
    "output": ((str,), "a folder path"),
    "schemas": ((list,), "a list of schema names"),
    "include": ((list,), "a list of glob patterns"),
    "exclude": ((list,), "a list of glob patterns"),
    "jobs": ((int,), "a positive integer"),
    "lock_timeout": ((int, float), "a number of seconds"),
    "pg_bin_dir": ((str,), "a folder path"),
    "partitions": ((str,), "'fold' or 'separate'"),
    "views": ((bool,), "true or false"),
    "erd_max_tables": ((int,), "a positive integer"),
    "owners": ((bool,), "true or false"),
    "grants": ((bool,), "true or false"),
    "timeout": ((int, float), "a number of seconds"),
    "title": ((str,), "a heading for the index"),
    "adopt": ((bool,), "true or false"),
    "git": ((dict,), "a mapping"),
}
_DB_KEYS = ("dsn", *KEYWORD_ENV.keys())
_GIT_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "commit": ((bool,), "true or false"),
    "push": ((bool,), "true or false"),
    "remote": ((str,), "a remote name"),
    "branch": ((str,), "a branch name"),
    "pull": ((str,), "'rebase' or 'none'"),
    "author": ((str,), "'Name <email>'"),
    "message": ((str,), "a commit message"),
}


def find_config_file(path: str | os.PathLike[str] | None) -> Path | None:
    if path is not None:
        p = Path(path)
        if not p.exists():
            raise ConfigError(f"config file {p} not found")
        if not p.is_file():
            raise ConfigError(f"config file {p} is not a regular file",
                              hint="give -c a YAML file, e.g. pgdoc.yaml")
        return p
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.is_file() else None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load the config file (or defaults when there is none)."""
    file = find_config_file(path)
    if file is None:
        return Config()
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read config file: {exc}") from exc
    return parse_config(text, file)


def parse_config(text: str, file: Path) -> Config:
    import yaml  # here: most runs have no config file, and importing PyYAML takes a while

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = f"{file}:{mark.line + 1}" if mark else str(file)
        context = ""
        if exc.context and exc.context_mark and exc.context_mark.line != getattr(mark, "line", -1):
            context = f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise ConfigError(f"{loc}: invalid YAML: {exc.problem or exc}{context}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{file}: invalid YAML: {exc}") from exc
    if data is None:
        return Config(source=file)
    if not isinstance(data, dict):
        raise ConfigError(f"{file}:1: the config file must be a mapping of keys to values")
    lines = _key_lines(node, file)

    def where(*path: str) -> str:
        return f"{file}:{lines.get(path, 1)}"

    _check_keys(data, _TOP_KEYS, (), where)
    base = file.parent
    kwargs: dict[str, Any] = {"source": file}
    if "output" in data:
        kwargs["output"] = base / data["output"]
    if "pg_bin_dir" in data:
        kwargs["pg_bin_dir"] = str(base / data["pg_bin_dir"])
    for key in ("schemas", "include", "exclude"):
        if key in data:
            items = data[key]
            if not all(isinstance(i, str) for i in items):
                raise ConfigError(f"{where(key)}: '{key}' must be a list of strings")
            kwargs[key] = tuple(items)
    for key in ("jobs", "lock_timeout", "partitions", "views", "erd_max_tables", "owners",
                "grants", "timeout", "title", "adopt"):
        if key in data:
            kwargs[key] = data[key]
    if "database" in data:
        db = data["database"]
        if isinstance(db, str):
            kwargs["database"] = _dsn_keywords(db, where("database"))
            password_at = where("database")
        else:
            unknown = [k for k in db if k not in _DB_KEYS]
            if unknown:
                raise ConfigError(
                    f"{where('database', unknown[0])}: unknown key 'database.{unknown[0]}'"
                    + _did_you_mean(unknown[0], _DB_KEYS, "database.")
                )
            settings = {k: str(v) for k, v in db.items() if k != "dsn" and v is not None}
            if "port" in settings and not valid_port(settings["port"]):
                # Not echoed: a value in the wrong place may be a password.
                raise ConfigError(f"{where('database', 'port')}: invalid connection setting: "
                                  "'port' is not a number")
            password_at = where("database", "password" if "password" in settings else "dsn")
            if db.get("dsn"):
                settings = {**_dsn_keywords(str(db["dsn"]), where("database", "dsn")), **settings}
            kwargs["database"] = settings
        if kwargs["database"].get("password"):
            kwargs["warnings"] = (
                f"{password_at}: the config file holds the database password, readable by "
                f"anyone who can read {file.name}: put it in ~/.pgpass or PGPASSWORD "
                "instead",)
    if "git" in data:
        git = data["git"]
        _check_keys(git, _GIT_KEYS, ("git",), where)
        if git.get("pull") == "none":
            git = {**git, "pull": None}
        if git.get("author") is not None and not AUTHOR.match(git["author"]):
            raise ConfigError(f"{where('git', 'author')}: 'git.author' must look like "
                              f"'Name <email>', not {git['author'][:60]!r}")
        kwargs["git"] = GitConfig(**git)
    cfg = Config(**kwargs)
    _validate_values(cfg, where)
    return cfg


# "Name <email>", as git.author must be (pgdoc.history.repo reads it so).
AUTHOR = re.compile(r"^\s*([^<>]*[^<>\s])\s*<([^<>\s]+)>\s*$")


def _dsn_keywords(dsn: str, where: str) -> dict[str, str]:
    try:
        return parse_dsn(dsn)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc.message}") from exc


def _check_keys(
    data: dict[str, Any],
    spec: Mapping[str, tuple[tuple[type, ...], str]],
    prefix: tuple[str, ...],
    where: Any,
) -> None:
    for key, value in data.items():
        dotted = ".".join((*prefix, str(key)))
        if key not in spec:
            raise ConfigError(
                f"{where(*prefix, key)}: unknown key '{dotted}'"
                + _did_you_mean(str(key), spec, "".join(f"{p}." for p in prefix))
            )
        types, desc = spec[key]
        ok = isinstance(value, types) and not (bool not in types and isinstance(value, bool))
        if not ok:
            got = "nothing" if value is None else type(value).__name__
            raise ConfigError(f"{where(*prefix, key)}: '{dotted}' must be {desc}, not {got}")


def _validate_values(cfg: Config, where: Any = None) -> None:
    def loc(*path: str) -> str:
        return f"{where(*path)}: " if where else ""

    resolved = cfg.output.absolute().resolve()
    if resolved == resolved.parent:
        raise ConfigError(f"{loc('output')}the output folder {cfg.output} is a file-system "
                          "root: pgdoc would write its files (and take the folder over) there",
                          hint="use a folder of its own, e.g. docs/schemas")
    if cfg.jobs < 1:
        raise ConfigError(f"{loc('jobs')}'jobs' must be a positive integer, not {cfg.jobs}")
    if not 0.001 <= cfg.lock_timeout <= MAX_LOCK_TIMEOUT:  # also rejects NaN
        raise ConfigError(f"{loc('lock_timeout')}'lock_timeout' must be a number of seconds "
                          f"from 0.001 to {MAX_LOCK_TIMEOUT}, not {cfg.lock_timeout}")
    if not 1 <= cfg.timeout <= 86400:  # also rejects NaN
        raise ConfigError(f"{loc('timeout')}'timeout' must be a number of seconds from 1 to "
                          f"86400, not {cfg.timeout}")
    if cfg.partitions not in ("fold", "separate"):
        raise ConfigError(
            f"{loc('partitions')}'partitions' must be 'fold' or 'separate', not {cfg.partitions!r}"
        )
    if cfg.git.pull not in (None, "rebase"):
        raise ConfigError(f"{loc('git', 'pull')}'git.pull' must be 'rebase' or 'none', "
                          f"not {cfg.git.pull!r}")
    if cfg.erd_max_tables < 1:
        raise ConfigError(f"{loc('erd_max_tables')}'erd_max_tables' must be a positive integer")


def _did_you_mean(key: str, choices: Any, prefix: str = "") -> str:
    close = difflib.get_close_matches(key, list(choices), n=1)
    return f" (did you mean '{prefix}{close[0]}'?)" if close else ""


def _key_lines(node: yaml.Node | None, file: Path) -> dict[tuple[str, ...], int]:
    """Line number (1-based) of every mapping key, by its path, for error messages.
    A key given twice is an error (YAML would silently keep the last one)."""
    import yaml

    lines: dict[tuple[str, ...], int] = {}

    def walk(n: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key_path = (*path, str(k.value))
                if key_path in lines:
                    raise ConfigError(
                        f"{file}:{k.start_mark.line + 1}: duplicate key '{'.'.join(key_path)}' "
                        f"(first given on line {lines[key_path]})"
                    )
                lines[key_path] = k.start_mark.line + 1
                walk(v, key_path)

    if node is not None:
        walk(node, ())
    return lines
