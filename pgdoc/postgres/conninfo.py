"""Connection settings: parse a libpq URL or keyword/value string into keywords,
and turn keywords into the environment variables psql and pg_dump read.

pgdoc hands every connection setting to psql/pg_dump through their environment
(`PGHOST`, `PGPASSWORD`, ...), never on the command line, so that no secret is
visible to other users in `ps`.
"""

from __future__ import annotations

import difflib
import re
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


_URL_HINT = ("percent-encode '/', '?', '#', '@' and ':' in the user name and password, "
             "e.g. %2F for '/'")
_QUOTE_HINT = "quote a value that holds spaces: password='two words'"
_PORTS = re.compile(r"\d+(,\d*)*|,[\d,]*")


def valid_port(value: str) -> bool:
    """A port as libpq takes it: a number, or a comma-separated list (one per host)."""
    return bool(_PORTS.fullmatch(value))
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_dsn(dsn: str) -> dict[str, str]:
    """Parse a `postgresql://` URL or a `key=value ...` conninfo string into keywords.

    A string that does not parse is reported without any part of it but its keys: a
    stray word or a misplaced '/' is most often a piece of the password."""
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
    # A '/', '#' or '?' in an unencoded password ends the host part early: what follows
    # the '@' lands in the path, the fragment or the query.
    if "@" in parts.path or "@" in parts.query or parts.fragment or "#" in url:
        raise ConfigError("invalid connection URL: a '@' or '#' after the host part",
                          hint=_URL_HINT)
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
        if not _PORTS.fullmatch(",".join(ports)):
            raise ConfigError("invalid connection URL: the port is not a number",
                              hint=_URL_HINT)
        out["port"] = ",".join(ports)
    if parts.path and parts.path != "/":
        out["dbname"] = unquote(parts.path[1:])
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        out[key] = value
    return out


def _parse_keywords(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i, n = 0, len(text)
    key = ""
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        after = f"after the value of {key!r}" if key else "at its start"
        eq = text.find("=", i)
        # A word without '=' (or a key that is no word) is most often the rest of an
        # unquoted value: only the key before it is named.
        word = text[i:eq].strip() if eq >= 0 else ""
        if eq < 0 or not _KEY.fullmatch(word):
            raise ConfigError(f"invalid connection string: a word without '=' {after}",
                              hint=_QUOTE_HINT)
        key = word
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
            # The key is named only when it is close to a keyword: a word that is none
            # may be a piece of a password (an unquoted space, an unencoded '?').
            close = difflib.get_close_matches(key, list(KEYWORD_ENV), n=1, cutoff=0.75)
            if close:
                raise ConfigError(f"unsupported connection setting {key!r} "
                                  f"(did you mean {close[0]!r}?)")
            raise ConfigError(
                "unsupported connection setting: a key that is no libpq keyword",
                hint=f"{_QUOTE_HINT}; {_URL_HINT}; use a libpq service file (PGSERVICE) "
                "for exotic settings",
            )
        if key == "port" and not valid_port(str(value)):
            raise ConfigError("invalid connection setting: 'port' is not a number")
        env[KEYWORD_ENV[key]] = str(value)
    return env


def describe(env: Mapping[str, str]) -> str:
    """A short, secret-free description of where a connection goes: `user@host:port/db`."""
    user = env.get("PGUSER", "")
    host = env.get("PGHOST", "") or env.get("PGHOSTADDR", "") or "localhost"
    port = env.get("PGPORT", "5432")
    if not _PORTS.fullmatch(port):
        port = "(not a number)"  # what it holds may be a piece of a misplaced password
    db = env.get("PGDATABASE", "") or user
    if "=" in db or db.startswith(("postgresql:", "postgres:")):
        db = "(a connection string)"  # libpq reads such a dbname as one: it may hold secrets
    service = env.get("PGSERVICE")
    if service and not env.get("PGHOST"):
        return f"service {service}"
    return f"{user + '@' if user else ''}{host}:{port}/{db}"
