"""The overview's pieces kept from one render to the next (pgdoc.docs.pieces): a render
that keeps the pieces reading no relation read again gives the bytes a render from scratch
gives, and renders again only those pieces. No database (the battery, tests/test_battery.py,
checks the same end to end: every refresh there starts from a model with pieces)."""

from __future__ import annotations

import dataclasses

from pgdoc.docs.index import CURRENT, Row
from pgdoc.docs.overview import prepare_overview
from pgdoc.docs.pieces import Memo
from pgdoc.folder.naming import table_filename
from pgdoc.model import Catalog, Column, Relation
from tests.test_render import sample_catalog


def _rows(catalog: Catalog) -> list[Row]:
    return [Row(CURRENT, table_filename(r.schema, r.name), r)
            for r in catalog.relations.values()]


def _files(catalog: Catalog, memo: Memo | None = None) -> dict[str, str]:
    return prepare_overview(catalog, _rows(catalog), 100, memo=memo).files("f" * 16)


def _with(catalog: Catalog, rel: Relation) -> Catalog:
    return dataclasses.replace(catalog, relations={**catalog.relations, rel.oid: rel})


def test_a_render_with_nothing_dirty_keeps_every_piece() -> None:
    catalog = sample_catalog()
    first = Memo()
    want = _files(catalog, first)
    assert first.rendered == len(first.pieces.tables) + len(first.pieces.erd) > 0
    again = Memo(first.pieces)
    assert _files(catalog, again) == want
    assert again.rendered == 0


def test_a_changed_relation_is_rendered_again_and_its_neighbours_diagrams_too() -> None:
    catalog = sample_catalog()
    first = Memo()
    _files(catalog, first)
    company = next(r for r in catalog.relations.values() if r.name == "company")
    changed = _with(catalog, dataclasses.replace(
        company, comment="Renamed tenant.",
        columns=(*company.columns, Column("plan", "text", False))))
    memo = Memo(first.pieces, {company.oid})
    assert _files(changed, memo) == _files(changed)
    assert 0 < memo.rendered < first.rendered
    # Its schema.json entry is new; the tables that reference it keep theirs (their own
    # digests cover what they say of it), but diagrams that show it are drawn again.
    assert memo.pieces.tables[company.oid] != first.pieces.tables[company.oid]
    assert all(memo.pieces.tables[o] == first.pieces.tables[o]
               for o in catalog.relations if o != company.oid)


def test_a_dirty_set_that_misses_a_change_is_what_the_fingerprint_rules_out() -> None:
    """The memo trusts `dirty`: a change it is not told of keeps the old piece. That is
    why dirty is every relation the fingerprint finds changed (and their trees)."""
    catalog = sample_catalog()
    first = Memo()
    _files(catalog, first)
    company = next(r for r in catalog.relations.values() if r.name == "company")
    changed = _with(catalog, dataclasses.replace(company, comment="Renamed tenant."))
    assert _files(changed, Memo(first.pieces)) != _files(changed)
    assert _files(changed, Memo(first.pieces, {company.oid})) == _files(changed)


def test_a_renamed_file_is_rendered_again_even_when_not_dirty() -> None:
    catalog = sample_catalog()
    first = Memo()
    _files(catalog, first)
    rows = [dataclasses.replace(r, filename="other.sql") if r.rel and r.rel.name == "company"
            else r for r in _rows(catalog)]
    memo = Memo(first.pieces)
    got = prepare_overview(catalog, rows, 100, memo=memo).files("f" * 16)
    assert got == prepare_overview(catalog, rows, 100).files("f" * 16)
    assert memo.rendered >= 1


def test_a_memo_that_keeps_nothing_renders_the_same() -> None:
    catalog = sample_catalog()
    memo = Memo(keep=False)
    assert _files(catalog, memo) == _files(catalog)
    assert memo.pieces.tables == {} and memo.pieces.erd == {}
