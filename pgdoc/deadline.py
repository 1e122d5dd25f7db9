"""A whole run's time limit (`--timeout`, `timeout:`).

A backend that stops answering after connecting, a network that drops packets without a
reset, a remote that never answers a push: none of these ends by itself. Past the limit
pgdoc ends every psql and pg_dump it started, gives up the folder lock (by unwinding the
run), prints one line and exits 3, leaving the docs as they were.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from pgdoc.errors import PgdocError
from pgdoc.postgres.tools import end_children


class RunTimeout(PgdocError):
    """The run took longer than its timeout."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise RunTimeout in the main thread once `seconds` have passed (a real-time timer,
    so blocking waits are interrupted too). Elsewhere than in the main thread, or with no
    limit, nothing happens."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        end_children()
        raise RunTimeout(f"gave up after {seconds:g}s (timeout): the database, the folder or "
                         "git did not answer in time",
                         hint="the docs were not changed; check the server and the network, "
                         "or raise --timeout")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
