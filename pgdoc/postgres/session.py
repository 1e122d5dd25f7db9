"""One snapshot for everything a sync reads.

A psql session opens a REPEATABLE READ READ ONLY transaction and exports its snapshot;
pg_dump imports it (`--snapshot`), and the catalog query runs in the same transaction, so
the headers and the DDL of every file describe the same moment, whatever migrations run
meanwhile. The transaction ends once the catalog is read and every pg_dump is done (the one
sure sign, in every major, that it imported the snapshot: pg_dump 18 prints a line before).

The session talks to psql through its stdin and stdout: each step's output ends with a
line holding a token that is random for every run, right after a record's NUL (psql
`-0`); no text from the database can hold a NUL, so none can end a step early.
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

from pgdoc.errors import DatabaseError
from pgdoc.postgres.tools import KEEPALIVES, Buffer, Child, PgTools

_PROBE_SQL = r"""
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT json_build_object(
  'version', current_setting('server_version_num')::int,
  'encoding', current_setting('server_encoding'),
  'snapshot', pg_catalog.pg_export_snapshot(),
  'schemas', (SELECT coalesce(json_agg(s ORDER BY s), '[]')
              FROM json_array_elements_text(:'schemas_json'::json) s
              WHERE s IN (SELECT nspname FROM pg_catalog.pg_namespace)),
  'partition_schemas', (SELECT coalesce(json_agg(DISTINCT cn.nspname), '[]')
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
    WHERE pn.nspname IN (SELECT json_array_elements_text(:'schemas_json'::json))));
"""


@dataclass(frozen=True)
class Probe:
    """What the session's first answer tells."""

    version: int  # server_version_num
    encoding: str  # the database's encoding (SQL_ASCII: names may be any bytes)
    snapshot: str  # for pg_dump --snapshot
    existing_schemas: list[str]  # the configured schemas that exist
    partition_schemas: list[str]  # schemas holding partitions of the configured schemas


class Sink(Protocol):
    def write(self, data: bytes) -> object: ...


class _Router:
    """psql's stdout, cut into steps at the token lines; each step's bytes go to its sink."""

    def __init__(self, token: bytes) -> None:
        self.marker = token + b"\n"
        self.pending = b""
        self.at_start = True  # the next byte starts a step
        self.last = b""  # the last byte handed to a sink
        self.sinks: queue.Queue[Sink] = queue.Queue()
        self.current: Sink | None = None
        self.finished = 0  # steps whose token line has arrived
        self.event = threading.Condition()

    def write(self, data: bytes) -> None:
        buf = self.pending + data
        start = 0
        while True:
            at = self._find(buf, start)
            if at < 0:
                break
            self._deliver(buf[start:at])
            if self.current is None:  # a step without output: its sink is done with too
                self.sinks.get_nowait()
            self.current, self.at_start = None, True
            start = at + len(self.marker)
            with self.event:
                self.finished += 1
                self.event.notify_all()
        # Keep back what could be the start of a token line.
        keep = min(len(buf) - start, len(self.marker))
        self._deliver(buf[start:len(buf) - keep])
        self.pending = buf[len(buf) - keep:]

    def _find(self, buf: bytes, start: int) -> int:
        """The next token line that ends a step: at the step's very start (no output) or
        right after a record's NUL; anywhere else it is data."""
        at = buf.find(self.marker, start)
        while at >= 0 and not (buf[at - 1:at] == b"\0" if at > start else
                               self.at_start or self.last == b"\0"):
            at = buf.find(self.marker, at + 1)
        return at

    def _deliver(self, data: bytes) -> None:
        if not data:
            return
        self.at_start, self.last = False, data[-1:]
        if self.current is None:
            self.current = self.sinks.get_nowait()
        self.current.write(data)


class Session:
    """`with Session(tools, schemas) as s:` opens the transaction; `s.probe` is its first
    answer; `s.query(sql, sink)` runs SQL in it; `s.release()` ends it."""

    def __init__(self, tools: PgTools, schemas: Iterable[str] = (),
                 snapshot: str | None = None) -> None:
        """`snapshot`: join that exported snapshot (a second session reading the same
        moment) instead of exporting one; `probe` then stays None."""
        self.tools = tools
        self.schemas = sorted(set(schemas))
        self.snapshot = snapshot
        token = f"--pgdoc-{secrets.token_hex(16)}--"
        self._echo = f"\\echo {token}\n"
        self._router = _Router(token.encode())
        self._stdin: queue.Queue[Any] = queue.Queue()
        self._steps = 0
        self._child: Child | None = None
        self._released = False
        self.probe: Probe | None = None

    def __enter__(self) -> Session:
        self._child = self.tools.start(
            "psql",
            ["-X", "-A", "-t", "-q", "-0", "-v", "ON_ERROR_STOP=1",
             "-v", f"schemas_json={json.dumps(self.schemas)}", *KEEPALIVES],
            stdin=self._stdin, out=self._router, interactive=True)
        if self.snapshot is not None:
            literal = "'" + self.snapshot.replace("'", "''") + "'"
            self.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"
                       f"SET TRANSACTION SNAPSHOT {literal};", Buffer())
            return self
        answer = Buffer()
        self._send(_PROBE_SQL, answer)
        self._wait_for(self._steps)
        raw = answer.data().rstrip(b"\0\n")
        try:
            data = json.loads(raw.decode("utf-8", "replace"))
            self.probe = Probe(int(data["version"]), str(data["encoding"]),
                               str(data["snapshot"]), list(data["schemas"]),
                               list(data["partition_schemas"]))
        except (ValueError, KeyError, TypeError):
            raise DatabaseError(f"unexpected answer from the server: {raw[:80]!r}") from None
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is not None:
            self.end()
        else:
            self.release()

    def query(self, sql: str, sink: Sink) -> None:
        """Run SQL in the snapshot's transaction; its output goes to `sink` as it comes."""
        self._send(sql, sink)
        self._wait_for(self._steps)

    def release(self) -> None:
        """End the transaction and the session (the snapshot stays valid for every pg_dump
        that imported it)."""
        if self._released or self._child is None:
            return
        self._released = True
        self._stdin.put("COMMIT;\n\\q\n")
        self._stdin.put(None)
        self._child.wait()

    def end(self) -> None:
        """Stop the session at once (after a failure elsewhere)."""
        self._released = True
        if self._child is not None:
            self._child.end()

    def _send(self, sql: str, sink: Sink) -> None:
        self._router.sinks.put(sink)
        self._steps += 1
        # A `;` of its own ends the SQL's last statement even after a comment (psql sends
        # no empty statement), so that the token line follows every result.
        self._stdin.put(sql.rstrip() + "\n;\n" + self._echo)

    def _wait_for(self, step: int) -> None:
        """Wait until `step` has answered, or psql has ended (an SQL error: ON_ERROR_STOP)."""
        assert self._child is not None
        router = self._router
        while True:
            with router.event:
                if router.finished >= step:
                    return
                router.event.wait(0.1)
            if self._child.done():
                time.sleep(0.05)  # the reader thread may still hand over the last bytes
                if router.finished >= step:
                    return
                self._child.wait()  # raises the classified failure
                raise DatabaseError("psql ended before answering the catalog query")
