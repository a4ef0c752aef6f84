"""The hazard table as a Qt model over keyset pages (a million tickets stay instant).

Nothing here runs SQL on the GUI thread: `rowCount()` is the length of what has arrived; the
first page, every further page (`fetchMore`, when the view scrolls to the end), the total count
and live refreshes all go through `Ops` and arrive as signals. Sorting and filtering are the
service's (`HazardQuery`): `sort()` builds a new query and asks again, never sorts rows here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from desktop.domain.errors import DomainError
from desktop.domain.hazard_terms import district_today
from desktop.models import hazard_cells as cells
from desktop.models.hazard_cells import COLUMN_OF, FIRST_DESCENDING, SORT_OF, Column
from desktop.ops import Ops
from desktop.services import hazards as hz
from desktop.services.hazards import HazardQuery, HazardRow
from desktop.widgets.badges import BADGE_ROLE

ID_ROLE = Qt.ItemDataRole.UserRole + 1   # the hazard id (int), on every column
PAGE = 100                               # rows per page: a few screens
MAX_KEEP = 2000                          # a re-query "keeping scroll" reloads at most this many rows
_DISPLAY, _TOOLTIP, _FOREGROUND = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                   int(Qt.ItemDataRole.ForegroundRole))
_ID, _BADGE = int(ID_ROLE), int(BADGE_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ID, _BADGE})

Index = QModelIndex | QPersistentModelIndex


class HazardTableModel(QAbstractTableModel):
    """Rows of the current `HazardQuery`, page by page; see the module doc."""

    query_started = Signal()     # a new query was sent; its first page replaces the rows
    first_page = Signal()        # ... and has arrived (model reset)
    rows_fetched = Signal(int)   # a further page was appended (number of rows)
    total_changed = Signal()     # `total` arrived, or was cleared for a new query
    live_started = Signal()      # a live refresh is about to change rows (the view notes its scroll)
    live_applied = Signal()      # ... and has changed, removed or inserted them
    failed = Signal(str)

    def __init__(self, ops: Ops, parent: QObject | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(parent)
        self._ops = ops
        self.page_size = page_size
        self._query = HazardQuery()
        self._rows: list[HazardRow] = []
        self._pos: dict[int, int] = {}
        self._cursor: hz.HazardCursor | None = None
        self._edge: HazardRow | None = None      # the last row the pages delivered (where the cursor sits)
        self._gen = 0                            # the current query's number; older answers are dropped
        self._pending = False                    # the current query's first page is on its way
        self._fetching = False
        self._total: int | None = None
        self._count_gen = 0
        self._today = district_today()
        self._shown: dict[int, tuple] = {}       # hazard id -> (row, texts, badges, foreground): paint cache

    # -- the query -------------------------------------------------------------------------------
    @property
    def query(self) -> HazardQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """How many tickets the query holds; None while counting."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._pending or self._fetching

    @property
    def fully_loaded(self) -> bool:
        return not self._pending and self._cursor is None

    def set_query(self, query: HazardQuery, *, keep_rows: bool = False) -> None:
        """Show `query`: its first page replaces the rows when it arrives (the old ones stay until
        then). `keep_rows`: load as many rows as are shown now (a re-query that keeps the scroll)."""
        self._gen += 1
        gen = self._gen
        self._query = query
        self._pending = True
        self._fetching = False
        self._today = query.today or district_today()
        limit = min(max(self.page_size, len(self._rows)), MAX_KEEP) if keep_rows else self.page_size
        self.query_started.emit()
        self._count_gen += 1  # a count still running for the previous query is dropped
        if not keep_rows and self._total is not None:
            self._total = None  # "counting…" from now: the old total is not this query's
            self.total_changed.emit()
        self._run(lambda uow: hz.page(uow, query, limit=limit), lambda p: self._on_first_page(gen, p),
                  lambda err: self._on_failed(gen, err))

    def reload(self) -> None:
        """Ask again for the current query, keeping as many rows (and so the scroll)."""
        self.set_query(self._query, keep_rows=True)

    def recount(self, *, quiet: bool = False) -> None:
        """Count in the background; `quiet` keeps showing the old total until the new one arrives."""
        self._count_gen += 1
        gen, query = self._count_gen, self._query
        if not quiet and self._total is not None:
            self._total = None
            self.total_changed.emit()
        self._run(lambda uow: hz.count(uow, query), lambda n: self._on_count(gen, n), lambda err: None)

    def _on_count(self, gen: int, n: int) -> None:
        if gen == self._count_gen:
            self._total = n
            self.total_changed.emit()

    def _on_first_page(self, gen: int, page: hz.HazardPage) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self._shown.clear()
        self._rows = list(page.rows)
        self._cursor = page.next_cursor
        self._edge = page.rows[-1] if page.rows else None
        self._reindex()
        self._pending = False
        self.endResetModel()
        self.first_page.emit()
        # Counted once the first screen is in: a full count must not compete with the page it waits on.
        self.recount(quiet=True)

    def _on_failed(self, gen: int, err: DomainError) -> None:
        if gen == self._gen:
            self._pending = self._fetching = False
            self.failed.emit(err.message)

    # -- sorting: a new query, in SQL ----------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or SORT_OF[Column(column)] is None:
            return
        sort = SORT_OF[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=sort, descending=descending))

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the current query sorts by (for the header's indicator)."""
        order = Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        return COLUMN_OF[self._query.sort], order

    # -- paging ------------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt's signature
        return not parent.isValid() and self._cursor is not None and not self._pending and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        gen, query, cursor, limit = self._gen, self._query, self._cursor, self.page_size
        self._run(lambda uow: hz.page(uow, query, after=cursor, limit=limit), lambda p: self._on_more(gen, p),
                  lambda err: self._on_failed(gen, err))

    def _on_more(self, gen: int, page: hz.HazardPage) -> None:
        if gen != self._gen:
            return
        self._fetching = False
        self._cursor = page.next_cursor
        if page.rows:
            self._edge = page.rows[-1]
        new = []
        for r in page.rows:  # a row refreshed live may come again: the newer version stays
            at = self._pos.get(r.id)
            if at is None:
                new.append(r)
            elif r.version > self._rows[at].version:
                self._replace(at, r)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows += new
            self._reindex()
            self.endInsertRows()
        self.rows_fetched.emit(len(new))

    # -- live changes --------------------------------------------------------------------------------
    def refresh_ids(self, ids: Iterable[int]) -> None:
        """Refresh these tickets (changed elsewhere) in place: changed rows update, rows that left
        the filter vanish, new matching rows are inserted where the order puts them (or come with
        a later page). Selection and scroll stay (persistent indexes follow the rows)."""
        wanted = {int(i) for i in ids}
        if not wanted:
            return
        if self._pending:  # the first page may have been read before this change: ask again
            self.set_query(self._query, keep_rows=True)
            return
        gen, query = self._gen, self._query
        self._run(lambda uow: hz.rows_by_ids(uow, wanted, query), lambda rows: self.apply_fresh(gen, wanted, rows),
                  lambda err: self.failed.emit(err.message))

    def apply_fresh(self, gen: int, ids: set[int], rows: list[HazardRow]) -> None:
        """`rows`: those of `ids` that exist and pass the filter of query `gen`."""
        if gen != self._gen:
            return
        self.live_started.emit()
        fresh = {r.id: r for r in rows}
        for hid in sorted((i for i in ids if i in self._pos and i not in fresh), key=self._pos.get, reverse=True):
            at = self._pos[hid]
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self._reindex()
            self.endRemoveRows()
        for r in rows:
            at = self._pos.get(r.id)
            if at is not None:
                if r.version >= self._rows[at].version:
                    self._replace(at, r)
            else:
                self._place(r)
        self.live_applied.emit()
        self.recount(quiet=True)  # rows came or went: the total follows, in the background

    def _place(self, row: HazardRow) -> bool:
        """Insert a newly matching row where the query's order puts it; False if that lies past
        the rows loaded so far (a later page brings it)."""
        q = self._query
        key, rev = hz.sort_key(q, row), hz.sort_reversed(q)

        def after(other: HazardRow) -> bool:
            k = hz.sort_key(q, other)
            return k < key if rev else k > key

        if self._cursor is not None and self._edge is not None and not after(self._edge):
            return False
        at = next((i for i, other in enumerate(self._rows) if after(other)), len(self._rows))
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self._reindex()
        self.endInsertRows()
        return True

    def _replace(self, at: int, row: HazardRow) -> None:
        self._rows[at] = row
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))

    # -- the Qt model interface ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.headers()[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole and SORT_OF[Column(section)] is None:
            return cells.not_sortable()
        if role == Qt.ItemDataRole.InitialSortOrderRole and SORT_OF[Column(section)] in FIRST_DESCENDING:
            return Qt.SortOrder.DescendingOrder.value  # a header's first click on it: most first
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks ~10 roles of every visible cell: answer the unused ones first, and the
        # rest from a per-row cache of texts and colours (a screen of rows paints in a few ms).
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        r = index.row()
        if r >= len(self._rows):
            return None
        row = self._rows[r]
        if role == _ID:
            return row.id
        shown = self._shown.get(row.id)
        if shown is None or shown[0] is not row:
            shown = self._shown[row.id] = self._render(row)
        col = index.column()
        if role == _DISPLAY:
            return shown[1][col]
        if role == _BADGE:
            return shown[2][col]
        if role == _FOREGROUND:
            return cells.GAP_COLOUR if col == Column.DEPARTMENT and row.unrouted else shown[3]
        return cells.tooltip(row, Column(col), self._today)

    def _render(self, row: HazardRow) -> tuple:
        today = self._today
        return (row, tuple(cells.text(row, c, today) for c in Column), tuple(cells.badge(row, c, today) for c in Column),
                None if row.status.is_open else cells.MUTED)

    # -- what the screen uses ------------------------------------------------------------------------
    def row_at(self, row: int) -> HazardRow:
        return self._rows[row]

    def row_of(self, hazard_id: int) -> int | None:
        return self._pos.get(hazard_id)

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def today(self) -> date:
        return self._today

    # -- internals -----------------------------------------------------------------------------------
    def _reindex(self) -> None:
        self._pos = {r.id: i for i, r in enumerate(self._rows)}

    def _run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[DomainError], None]) -> None:
        def alive(cb: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: cb(value) if shiboken6.isValid(self) else None

        self._ops.run(fn, alive(on_done), alive(on_error), write=False)


__all__ = ["COLUMN_OF", "FIRST_DESCENDING", "ID_ROLE", "PAGE", "SORT_OF", "Column", "HazardTableModel"]
