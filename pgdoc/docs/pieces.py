"""The overview's pieces per relation, kept from one sync to the next.

Most of the overview's cost is per relation: its entry in `schema.json` and its
neighbourhood diagram in `_erd_<schema>.md`. A whole read renders them all and keeps them
with its model (pgdoc.unchanged); a refresh of what changed since (pgdoc.read) renders
again only the pieces that read a relation it read again, and takes the others as they
were. A piece is a function of the relations it reads, and a relation the catalog
fingerprint finds unchanged is the same object as in the model (pgdoc.postgres.catalog.
merge_catalog): so a kept piece is the piece a whole read would render, as the refresh's
kept table files are. The battery (tests/test_battery.py) compares refreshes with whole
reads byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

Key = tuple[str, str]  # (schema, name)
K = TypeVar("K")
T = TypeVar("T")


@dataclass
class Pieces:
    """What one render of the overview made, by relation."""

    # relation oid -> (its file name, its entry in schema.json's "tables")
    tables: dict[int, tuple[str, str]] = field(default_factory=dict)
    # (schema, name) -> (the oids its diagram reads, its section of _erd_<schema>.md)
    erd: dict[Key, tuple[frozenset[int], str]] = field(default_factory=dict)


class Memo:
    """Renders pieces, or takes them from `earlier` when they read no relation in `dirty`
    (the relations read again: changed, added or gone). Without `earlier`, renders all.
    Collects what it hands out in `pieces`, for the next refresh, unless `keep` is false
    (a first sync saves no model: its pieces would only hold memory)."""

    def __init__(self, earlier: Pieces | None = None, dirty: Collection[int] = (),
                 keep: bool = True) -> None:
        self.earlier = earlier
        self.dirty = frozenset(dirty)
        self.keep = keep
        self.pieces = Pieces()
        self.rendered = 0  # pieces rendered now (the rest were kept)

    def table(self, oid: int, filename: str, render: Callable[[], str]) -> str:
        """Relation `oid`'s entry in schema.json (it reads that relation alone: its
        partitions' and referencing keys' facts are in its own fingerprint digest)."""
        earlier = self.earlier.tables if self.earlier is not None else {}
        return self._piece(earlier, self.pieces.tables, oid, filename, {oid}, render)

    def erd(self, key: Key, reads: Iterable[int], render: Callable[[], str]) -> str:
        """Table `key`'s neighbourhood diagram, which reads the relations `reads` (the
        table and its neighbours that have files)."""
        oids = frozenset(reads)
        earlier = self.earlier.erd if self.earlier is not None else {}
        return self._piece(earlier, self.pieces.erd, key, oids, oids, render)

    def _piece(self, earlier: Mapping[K, tuple[T, str]], store: dict[K, tuple[T, str]],
               key: K, tag: T, reads: Collection[int], render: Callable[[], str]) -> str:
        """The earlier piece under `key` when its `tag` is the same and it reads nothing
        dirty, else a new one; kept in `store` (with `keep`)."""
        kept = earlier.get(key)
        if kept is not None and kept[0] == tag and self.dirty.isdisjoint(reads):
            text = kept[1]
        else:
            text = render()
            self.rendered += 1
        if self.keep:
            store[key] = (tag, text)
        return text
