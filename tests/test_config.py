"""The config file: every mistake names the file, the line and the key, and says what was
expected; through the CLI it exits 2 before touching the database or the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pgdoc.config import Config, load_config, parse_config
from pgdoc.errors import ConfigError
from tests.helpers import run

REPO_ROOT = Path(__file__).resolve().parents[1]


def _error(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("conf/pgdoc.yaml"))
    return str(info.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("output: docs\njobs: [1, 2\n",
     "conf/pgdoc.yaml:3: invalid YAML: expected ',' or ']', but got '<stream end>' "
     "(while parsing a flow sequence on line 2)"),
    ("output: docs\n\tjobs: 2\n",
     "conf/pgdoc.yaml:2: invalid YAML: found character '\\t' that cannot start any token"),
    ("jobs: 2\noutput: docs\n  nested: x\n",
     "conf/pgdoc.yaml:3: invalid YAML: mapping values are not allowed here"),
    ("views: true\noutput: \"docs\n", "conf/pgdoc.yaml:3: invalid YAML: found unexpected end "
     "of stream (while scanning a quoted scalar on line 2)"),
    ("jobs: 1\nviews: true\njobs: 2\n",
     "conf/pgdoc.yaml:3: duplicate key 'jobs' (first given on line 1)"),
    ("- output\n", "conf/pgdoc.yaml:1: the config file must be a mapping of keys to values"),
])
def test_yaml_errors_name_file_and_line(text: str, expected: str) -> None:
    assert _error(text).startswith(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("output: docs\nlock_timout: 5\n",
     "conf/pgdoc.yaml:2: unknown key 'lock_timout' (did you mean 'lock_timeout'?)"),
    ("schema: [public]\n", "conf/pgdoc.yaml:1: unknown key 'schema' (did you mean 'schemas'?)"),
    ("git:\n  commit: true\n  comit: true\n",
     "conf/pgdoc.yaml:3: unknown key 'git.comit' (did you mean 'git.commit'?)"),
    ("database:\n  dbname: app\n  hots: db\n",
     "conf/pgdoc.yaml:3: unknown key 'database.hots' (did you mean 'database.host'?)"),
    ("database:\n  passwd: x\n",
     "conf/pgdoc.yaml:2: unknown key 'database.passwd' (did you mean 'database.password'?)"),
    ("frobnicate: 1\n", "conf/pgdoc.yaml:1: unknown key 'frobnicate'"),
])
def test_unknown_keys_are_named_with_a_suggestion(text: str, expected: str) -> None:
    assert _error(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("jobs: two\n", "conf/pgdoc.yaml:1: 'jobs' must be a positive integer, not str"),
    ("jobs: 2.5\n", "conf/pgdoc.yaml:1: 'jobs' must be a positive integer, not float"),
    ("jobs: true\n", "conf/pgdoc.yaml:1: 'jobs' must be a positive integer, not bool"),
    ("jobs: 0\n", "conf/pgdoc.yaml:1: 'jobs' must be a positive integer, not 0"),
    ("views: yes please\n", "conf/pgdoc.yaml:1: 'views' must be true or false, not str"),
    ("output:\n", "conf/pgdoc.yaml:1: 'output' must be a folder path, not nothing"),
    ("schemas: public\n", "conf/pgdoc.yaml:1: 'schemas' must be a list of schema names, not str"),
    ("exclude: [1]\n", "conf/pgdoc.yaml:1: 'exclude' must be a list of strings"),
    ("database: 5432\n",
     "conf/pgdoc.yaml:1: 'database' must be a mapping of connection settings or a DSN string, "
     "not int"),
    ("lock_timeout: soon\n", "conf/pgdoc.yaml:1: 'lock_timeout' must be a number of seconds, "
     "not str"),
    ("views: true\nlock_timeout: 0\n", "conf/pgdoc.yaml:2: 'lock_timeout' must be a number of "
     "seconds from 0.001 to 2147483, not 0"),
    ("lock_timeout: .inf\n", "conf/pgdoc.yaml:1: 'lock_timeout' must be a number of seconds "
     "from 0.001 to 2147483, not inf"),
    ("lock_timeout: .nan\n", "conf/pgdoc.yaml:1: 'lock_timeout' must be a number of seconds "
     "from 0.001 to 2147483, not nan"),
    ("partitions: merge\n",
     "conf/pgdoc.yaml:1: 'partitions' must be 'fold' or 'separate', not 'merge'"),
    ("git:\n  commit: 'yes'\n", "conf/pgdoc.yaml:2: 'git.commit' must be true or false, not str"),
    ("git:\n  push: true\n  pull: always\n",
     "conf/pgdoc.yaml:3: 'git.pull' must be 'rebase' or 'none', not 'always'"),
    ("git: true\n", "conf/pgdoc.yaml:1: 'git' must be a mapping, not bool"),
    ("adopt: yes please\n", "conf/pgdoc.yaml:1: 'adopt' must be true or false, not str"),
    ("views: true\noutput: /\n", "conf/pgdoc.yaml:2: the output folder / is a file-system "
     "root: pgdoc would write its files (and take the folder over) there (use a folder of "
     "its own, e.g. docs/schemas)"),
])
def test_wrong_types_name_the_key_and_the_expected_type(text: str, expected: str) -> None:
    assert _error(text) == expected


def test_bad_dsn_in_file_names_the_line_and_hides_the_password() -> None:
    message = _error("views: true\ndatabase: \"host=db password='s3cret\"\n")
    assert message == ("conf/pgdoc.yaml:2: invalid connection string: unterminated quoted "
                       "value")
    message = _error("database:\n  dsn: postgresql://app:s3cret@[::1/db\n")
    assert message.startswith("conf/pgdoc.yaml:2: invalid connection URL")
    assert "s3cret" not in message


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "pgdoc.yaml"
    binary.write_bytes(b"output: \xff\xfe\n")
    with pytest.raises(ConfigError, match=r"pgdoc.yaml: cannot read config file"):
        load_config(binary)
    with pytest.raises(ConfigError, match=r"config file .*nope.yaml not found"):
        load_config(tmp_path / "nope.yaml")
    for odd in ("/dev/null", tmp_path):
        with pytest.raises(ConfigError, match=r"is not a regular file"):
            load_config(odd)


def test_password_in_file_is_not_in_the_config_repr() -> None:
    cfg = parse_config("database:\n  host: db\n  password: hunter2-secret\n", Path("p.yaml"))
    assert cfg.database["password"] == "hunter2-secret"
    assert "hunter2-secret" not in repr(cfg)
    assert "hunter2-secret" not in str(cfg)


@pytest.mark.parametrize("text", [
    "database:\n  host: db\n  password: hunter2-secret\n",
    "database: postgresql://app:hunter2-secret@db/app\n",
    "database:\n  host: db\n  dsn: host=db password=hunter2-secret\n",
])
def test_password_in_file_warns_pointing_to_pgpass(text: str) -> None:
    cfg = parse_config(text, Path("conf/pgdoc.yaml"))
    line = 3 if "password:" in text or "dsn:" in text else 1
    assert cfg.warnings == (
        f"conf/pgdoc.yaml:{line}: the config file holds the database password, readable by "
        "anyone who can read pgdoc.yaml: put it in ~/.pgpass or PGPASSWORD instead",)
    assert "hunter2" not in cfg.warnings[0]


def test_no_password_no_warning() -> None:
    assert parse_config("database:\n  host: db\n  user: app\n", Path("p.yaml")).warnings == ()
    assert Config().warnings == ()


def test_adopt_from_file_and_flag() -> None:
    assert parse_config("adopt: true\n", Path("p.yaml")).adopt is True
    assert Config().adopt is False
    assert Config().with_flags(adopt=True).adopt is True
    assert Config(adopt=True).with_flags(adopt=None).adopt is True


def test_example_config_is_valid() -> None:
    example = REPO_ROOT / "config.example.yaml"
    if not example.is_file():
        pytest.skip("config.example.yaml not present")
    assert load_config(example) == Config(source=example, output=REPO_ROOT / "docs/schemas")


@pytest.mark.parametrize(("text", "flags", "expected"), [
    ("jobs: [1\n", [], "pgdoc.yaml:2: invalid YAML"),
    ("lock_timout: 5\n", [], "unknown key 'lock_timout' (did you mean 'lock_timeout'?)"),
    ("jobs: many\n", [], "'jobs' must be a positive integer, not str"),
    ("", ["--lock-timeout", "inf"], "'lock_timeout' must be a number of seconds"),
    ("", ["--lock-timeout", "0.0001"], "'lock_timeout' must be a number of seconds"),
    ("", ["--dsn", "host=db password=Sup3r S3cret"], "a word without '=' after the value of "
     "'password'"),
    ("adopt: 1\n", [], "'adopt' must be true or false, not int"),
])
def test_cli_exits_2_before_touching_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, flags: list[str],
    expected: str,
) -> None:
    config = tmp_path / "pgdoc.yaml"
    config.write_text(text)
    out = tmp_path / "docs"
    # No database is reachable here: the config is checked first.
    code, _, err = run(capsys, "sync", "-c", str(config), "-o", str(out),
                       "--dsn", "host=/nonexistent port=1", *flags)
    assert code == 2, err
    assert err.startswith("pgdoc: error: ")
    assert expected in err
    assert "Traceback" not in err and "Sup3r" not in err and "S3cret" not in err
    assert not out.exists()


@pytest.mark.parametrize("root", ["/", "/..", "//"])
def test_output_at_a_file_system_root_is_refused(
    capsys: pytest.CaptureFixture[str], root: str,
) -> None:
    for command in ("sync", "check", "list"):
        code, _, err = run(capsys, command, "-o", root, "--dsn", "host=/nonexistent port=1")
        assert code == 2, err
        assert "is a file-system root" in err and "Traceback" not in err


@pytest.mark.parametrize("text, message", [
    ("database:\n  host: db\n  port: abc\n",
     "p.yaml:3: invalid connection setting: 'port' is not a number"),
    ("git:\n  commit: true\n  author: bob\n",
     "p.yaml:3: 'git.author' must look like 'Name <email>', not 'bob'"),
])
def test_values_checked_when_the_file_is_read(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("p.yaml"))
    assert str(info.value) == message
