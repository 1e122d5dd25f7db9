"""Progress on stderr: a bar at a terminal, nothing in cron or under --quiet."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class Progress:
    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._lock = threading.Lock()
        self._label = ""
        self._total = 0
        self._done = 0
        self._last = 0.0
        self._shown = False

    def phase(self, label: str, total: int = 0) -> None:
        with self._lock:
            self._label, self._total, self._done = label, total, 0
            self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self._done += n
            self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and self._done < self._total:
            return
        self._last = now
        if self._total:
            width = 30
            filled = int(width * self._done / self._total)
            bar = "#" * filled + "-" * (width - filled)
            text = f"{self._label} [{bar}] {self._done}/{self._total}"
        else:
            text = f"{self._label}..."
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        with self._lock:
            if self.enabled and self._shown:
                self.stream.write("\r\033[K")
                self.stream.flush()
            self._shown = False
