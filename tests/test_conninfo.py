"""Connection settings: libpq URLs and keyword strings become PG* environment variables for
psql and pg_dump (never arguments), with one precedence, and no message shows a password."""

from __future__ import annotations

import pytest

from pgdoc.config import Config
from pgdoc.errors import ConfigError
from pgdoc.postgres.conninfo import describe, keywords_to_env, parse_dsn
from pgdoc.postgres.tools import DEPARSE_OPTIONS, connection_env, secrets_of


@pytest.mark.parametrize(("dsn", "keywords"), [
    ("postgresql://app:p%40ss%3Aw%2Frd@db.internal:6432/prod?sslmode=require",
     {"user": "app", "password": "p@ss:w/rd", "host": "db.internal", "port": "6432",
      "dbname": "prod", "sslmode": "require"}),
    ("postgres://app@db/prod", {"user": "app", "host": "db", "dbname": "prod"}),
    ("postgresql://app:pa:ss@db/prod", {"user": "app", "password": "pa:ss", "host": "db",
                                        "dbname": "prod"}),
    ("postgresql://a@b:c@db/x", {"user": "a@b", "password": "c", "host": "db", "dbname": "x"}),
    ("postgresql://[::1]:5433/x", {"host": "::1", "port": "5433", "dbname": "x"}),
    ("postgresql://h1:1,h2:2/x", {"host": "h1,h2", "port": "1,2", "dbname": "x"}),
    ("postgresql:///x?host=/var/run/postgresql", {"dbname": "x", "host": "/var/run/postgresql"}),
    ("postgresql://db/My%20Db", {"host": "db", "dbname": "My Db"}),
    ("prod", {"dbname": "prod"}),
    ("host=db port=5432 password='two words' user=app",
     {"host": "db", "port": "5432", "password": "two words", "user": "app"}),
    ("host=db password='a \\'quoted\\' secret'", {"host": "db", "password": "a 'quoted' secret"}),
    ("password=back\\\\slash dbname = x", {"password": "back\\slash", "dbname": "x"}),
    ("", {}),
])
def test_parse_dsn(dsn: str, keywords: dict[str, str]) -> None:
    assert parse_dsn(dsn) == keywords


@pytest.mark.parametrize(("dsn", "message"), [
    ("host=db password='s3cret", "invalid connection string: unterminated quoted value"),
    ("host=db s3cret", "invalid connection string: a word without '=' after the value of "
     "'host'"),
    ("host=db password s3cret", "invalid connection string: a word without '=' after the "
     "value of 'host'"),
    ("host=db password=S3cret PW", "invalid connection string: a word without '=' after the "
     "value of 'password'"),
    ("S3cretPW host=db", "invalid connection string: a word without '=' at its start"),
    ("host=db pass word=S3cret", "invalid connection string: a word without '=' after the "
     "value of 'host'"),
    ("postgresql://u:s3cret@[::1/db", "invalid connection URL: Invalid IPv6 URL"),
    ("postgresql://app:Sup3r@db:Sup3r/prod", "invalid connection URL: the port is not a "
     "number"),
    ("postgresql://app:Sup3r/db", "invalid connection URL: the port is not a number"),
    ("postgresql://app:Sup/3r@db/prod", "invalid connection URL: a '@' or '#' after the host "
     "part"),
    ("postgresql://app:Sup#3r@db/prod", "invalid connection URL: a '@' or '#' after the host "
     "part"),
    ("postgresql://app:Sup?3r@db/prod", "invalid connection URL: a '@' or '#' after the host "
     "part"),
])
def test_bad_connection_strings_name_no_value(dsn: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_dsn(dsn)
    assert info.value.message == message
    for fragment in ("s3cret", "S3cret", "Sup", "3r", "PW"):
        assert fragment not in str(info.value)


def test_unknown_keyword_is_refused_not_passed_on() -> None:
    with pytest.raises(ConfigError, match="unsupported connection setting 'pasword' "
                       r"\(did you mean 'password'\?\)"):
        keywords_to_env({"pasword": "x"})
    # A key that is no near miss may be a piece of a password: it is not named.
    with pytest.raises(ConfigError) as info:
        keywords_to_env(parse_dsn("postgresql://db/x?Sup3rS3cret=1"))
    assert "Sup3r" not in str(info.value) and "no libpq keyword" in str(info.value)
    with pytest.raises(ConfigError) as info:
        keywords_to_env({"port": "Sup3r"})
    assert str(info.value) == "invalid connection setting: 'port' is not a number"


def test_describe_never_shows_the_password() -> None:
    env = keywords_to_env(parse_dsn("postgresql://app:hunter2@db:6432/prod"))
    assert env["PGPASSWORD"] == "hunter2"
    assert describe(env) == "app@db:6432/prod"
    assert describe({"PGSERVICE": "prod"}) == "service prod"


def test_precedence_config_file_then_environment_then_dsn() -> None:
    cfg = Config(database={"host": "file-host", "port": "1", "user": "file-user",
                           "password": "file-pw", "dbname": "file-db"},
                 dsn={"port": "3", "password": "dsn-pw"})
    env = connection_env(cfg, base={"PGPORT": "2", "PGUSER": "env-user", "PATH": "/bin"})
    assert env["PGHOST"] == "file-host"  # only the file says it
    assert env["PGUSER"] == "env-user"  # the environment beats the file
    assert env["PGPORT"] == "3"  # --dsn beats both
    assert env["PGPASSWORD"] == "dsn-pw"
    assert env["PGDATABASE"] == "file-db"
    assert env["PATH"] == "/bin"
    assert secrets_of(env) == ("dsn-pw",)


def test_session_settings_are_appended_to_the_users_pgoptions() -> None:
    cfg = Config(lock_timeout=2.5)
    env = connection_env(cfg, base={"PGOPTIONS": "-c search_path=app"})
    # ours come last, so they win (search_path too: see test_environment)
    assert env["PGOPTIONS"] == ("-c search_path=app -c default_transaction_read_only=on "
                                f"{DEPARSE_OPTIONS} -c lock_timeout=2500")
    assert "-c search_path=public" in DEPARSE_OPTIONS
    assert (env["PGTZ"], env["PGDATESTYLE"]) == ("UTC", "ISO")
    assert connection_env(cfg, base={"PGTZ": "Europe/Berlin", "PGDATESTYLE": "German"})[
        "PGTZ"] == "UTC"
    assert env["PGAPPNAME"] == "pgdoc"
    assert env["PGCLIENTENCODING"] == "UTF8"
    assert connection_env(Config(lock_timeout=0.0001), base={})["PGOPTIONS"].endswith(
        "lock_timeout=1")  # never 0, which would mean 'wait forever'
