"""Expected failures, each with the exit code the CLI maps it to.

Exit codes (documented in the README and `pgdoc --help`):
  0  success
  1  `pgdoc check` found documentation that differs from the database
  2  usage or configuration error
  3  database, tool (psql/pg_dump), filesystem or git failure
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DRIFT = 1
EXIT_USAGE = 2
EXIT_FAILURE = 3


class PgdocError(Exception):
    """A failure the user can act on: printed as one line, never as a traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(PgdocError):
    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """The configuration file or a flag is invalid."""


class ToolError(PgdocError):
    """psql or pg_dump is missing, failed, or could not reach the database."""


class DatabaseError(ToolError):
    """The database answered with an error (connection, permission, lock, missing table)."""


class SchemaChanged(DatabaseError):
    """A table was dropped, renamed or recreated while pgdoc read the schema (a race with
    concurrent DDL): reading again usually succeeds."""


class OutputError(PgdocError):
    """The output folder cannot be read, locked or written."""


class FolderConflict(UsageError):
    """Something pgdoc did not write stands where a sync would write (a hand-made file, a
    directory, a FIFO): the user decides (move it, or `--adopt`), nothing is written."""


class GitError(PgdocError):
    """A git precondition or operation failed."""


class GitUsageError(GitError):
    """A git precondition the user must fix in their setup (not a transient failure)."""

    exit_code = EXIT_USAGE
