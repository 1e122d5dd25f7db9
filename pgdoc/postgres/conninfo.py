"""Connection settings: parse a libpq URL or keyword/value string into keywords,
and turn keywords into the environment variables psql and pg_dump read.

pgdoc hands every connection setting to psql/pg_dump through their environment
(`PGHOST`, `PGPASSWORD`, ...), never on the command line, so that no secret is
visible to other users in `ps`.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, unquote, urlsplit

from pgdoc.errors import ConfigError

# libpq connection keywords and the environment variable each one reads.
KEYWORD_ENV: dict[str, str] = {
    "host": "PGHOST",
    "hostaddr": "PGHOSTADDR",
    "port": "PGPORT",
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "passfile": "PGPASSFILE",
    "channel_binding": "PGCHANNELBINDING",
    "service": "PGSERVICE",
    "servicefile": "PGSERVICEFILE",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "sslmode": "PGSSLMODE",
    "requiressl": "PGREQUIRESSL",
    "sslcompression": "PGSSLCOMPRESSION",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcrl": "PGSSLCRL",
    "sslcrldir": "PGSSLCRLDIR",
    "sslsni": "PGSSLSNI",
    "requirepeer": "PGREQUIREPEER",
    "ssl_min_protocol_version": "PGSSLMINPROTOCOLVERSION",
    "ssl_max_protocol_version": "PGSSLMAXPROTOCOLVERSION",
    "gssencmode": "PGGSSENCMODE",
    "krbsrvname": "PGKRBSRVNAME",
    "gsslib": "PGGSSLIB",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "client_encoding": "PGCLIENTENCODING",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "load_balance_hosts": "PGLOADBALANCEHOSTS",
}
SECRET_KEYWORDS = frozenset({"password", "sslpassword"})
ENV_KEYWORD = {env: kw for kw, env in KEYWORD_ENV.items()}


def parse_dsn(dsn: str) -> dict[str, str]:
    """Parse a `postgresql://` URL or a `key=value ...` conninfo string into keywords."""
    dsn = dsn.strip()
    if dsn.startswith(("postgresql://", "postgres://")):
        return _parse_url(dsn)
    if "=" not in dsn:
        # A bare word is a database name, as psql treats it.
        return {"dbname": dsn} if dsn else {}
    return _parse_keywords(dsn)


def _parse_url(url: str) -> dict[str, str]:
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed `[` of an IPv6 address; never echo the URL
        raise ConfigError(f"invalid connection URL: {exc}") from None
    out: dict[str, str] = {}
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
        user, sep, password = userinfo.partition(":")
        if user:
            out["user"] = unquote(user)
        if sep:
            out["password"] = unquote(password)
    hosts, ports = [], []
    for hostport in filter(None, netloc.split(",")):
        if hostport.startswith("["):  # IPv6 literal
            host, _, rest = hostport[1:].partition("]")
            port = rest.lstrip(":")
        else:
            host, _, port = hostport.partition(":")
        hosts.append(unquote(host))
        ports.append(port)
    if any(hosts):
        out["host"] = ",".join(hosts)
    if any(ports):
        out["port"] = ",".join(ports)
    if parts.path and parts.path != "/":
        out["dbname"] = unquote(parts.path[1:])
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        out[key] = value
    return out


def _parse_keywords(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        eq = text.find("=", i)
        if eq < 0:
            # Only the first word: what follows may be a password.
            word = text[i:].split()[0]
            raise ConfigError(f"invalid connection string: missing '=' after {word!r}")
        key = text[i:eq].strip()
        i = eq + 1
        while i < n and text[i].isspace():
            i += 1
        value = []
        if i < n and text[i] == "'":
            i += 1
            while True:
                if i >= n:
                    raise ConfigError("invalid connection string: unterminated quoted value")
                ch = text[i]
                if ch == "\\" and i + 1 < n:
                    value.append(text[i + 1])
                    i += 2
                    continue
                if ch == "'":
                    i += 1
                    break
                value.append(ch)
                i += 1
        else:
            while i < n and not text[i].isspace():
                if text[i] == "\\" and i + 1 < n:
                    value.append(text[i + 1])
                    i += 2
                    continue
                value.append(text[i])
                i += 1
        out[key] = "".join(value)
    return out


def keywords_to_env(keywords: Mapping[str, str]) -> dict[str, str]:
    """Map connection keywords to PG* environment variables; unknown keywords are an error."""
    env: dict[str, str] = {}
    for key, value in keywords.items():
        if key not in KEYWORD_ENV:
            raise ConfigError(
                f"unsupported connection setting {key!r}",
                hint="use a libpq service file (PGSERVICE) for exotic settings",
            )
        env[KEYWORD_ENV[key]] = str(value)
    return env


def describe(env: Mapping[str, str]) -> str:
    """A short, secret-free description of where a connection goes: `user@host:port/db`."""
    user = env.get("PGUSER", "")
    host = env.get("PGHOST", "") or env.get("PGHOSTADDR", "") or "localhost"
    port = env.get("PGPORT", "5432")
    db = env.get("PGDATABASE", "") or user
    service = env.get("PGSERVICE")
    if service and not env.get("PGHOST"):
        return f"service {service}"
    return f"{user + '@' if user else ''}{host}:{port}/{db}"
