"""git, through GitPython, as small named verbs. (Placeholder: filled in by the git issue.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pgdoc.config import GitConfig
from pgdoc.errors import GitUsageError


def preflight(folder: Path, cfg: GitConfig, push: bool) -> Any:
    raise GitUsageError("--commit and --push are not implemented yet")


def pull(ctx: Any, cfg: GitConfig) -> None:
    raise GitUsageError("git.pull is not implemented yet")


def commit_changes(ctx: Any, folder: Path, plan: Any, cfg: GitConfig, message: str | None
                   ) -> str | None:
    raise GitUsageError("--commit is not implemented yet")


def push(ctx: Any, cfg: GitConfig) -> None:
    raise GitUsageError("--push is not implemented yet")
