"""The enterprise list as a Qt table model over EnterpriseRow DTOs (a few hundred rows: the
district's register, so sorting the DTO list here is cheap and keeps the SQL simple)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop import labels
from desktop.domain.enums import Scale, Tier
from desktop.services.enterprises import RISK_RANK, EnterpriseRow
from desktop.widgets.risk_badge import RISK_ROLE

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the enterprise id (int) of the row, on every column
GAP_COLOUR = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    CREDIT_CODE = 1
    INDUSTRY = 2
    RISK = 3
    SCALE = 4
    TIER = 5
    LEAD = 6
    STREET = 7
    COMMUNITY = 8
    GRID = 9


_SCALE_RANK = {Scale.LARGE: 0, Scale.MEDIUM: 1, Scale.SMALL: 2, Scale.MICRO: 3}
_TIER_RANK = {Tier.DISTRICT: 0, Tier.STREET: 1}


class EnterpriseTableModel(QAbstractTableModel):
    """Rows are EnterpriseRow DTOs; `update_rows` refreshes rows in place by id (live changes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EnterpriseRow] = []
        self._pos: dict[int, int] = {}  # enterprise id -> row number
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: the service's order
        self._collator = QCollator(QLocale())  # pinyin order for Chinese names
        self._collator.setNumericMode(True)

    # -- the Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(Column):
            return self._headers()[Column(section)]
        return None

    def _headers(self) -> dict[Column, str]:
        return {
            Column.NAME: self.tr("Enterprise"),
            Column.CREDIT_CODE: self.tr("Credit code"),
            Column.INDUSTRY: self.tr("Industry"),
            Column.RISK: self.tr("Risk"),
            Column.SCALE: self.tr("Scale"),
            Column.TIER: self.tr("Supervision"),
            Column.LEAD: self.tr("Lead department"),
            Column.STREET: self.tr("Street / park"),
            Column.COMMUNITY: self.tr("Community"),
            Column.GRID: self.tr("Grid code"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == ID_ROLE:
            return row.id
        if role == RISK_ROLE and col == Column.RISK:
            return row.risk
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.LEAD and not row.lead_department:
            return GAP_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.LEAD and not row.lead_department:
                return self.tr("No boundary rule names a lead department for this industry")
            if col in (Column.NAME, Column.INDUSTRY, Column.LEAD):
                return self._display(row, col)
        return None

    def _display(self, row: EnterpriseRow, col: Column) -> str:
        match col:
            case Column.NAME:
                return row.name
            case Column.CREDIT_CODE:
                return row.credit_code
            case Column.INDUSTRY:
                return row.industry
            case Column.RISK:
                return labels.risk(row.risk)
            case Column.SCALE:
                return labels.scale(row.scale)
            case Column.TIER:
                return labels.tier(row.tier)
            case Column.LEAD:
                return row.lead_department or self.tr("Gap")
            case Column.STREET:
                return row.street
            case Column.COMMUNITY:
                return row.community
            case Column.GRID:
                return row.grid_code

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old_persistent]
        self._apply_sort()
        self.changePersistentIndexList(
            old_persistent, [self.index(self._pos[eid], i.column()) for eid, i in zip(old_ids, old_persistent, strict=True)]
        )
        self.layoutChanged.emit()

    # -- what the screen uses --------------------------------------------------------------------
    def set_rows(self, rows: Iterable[EnterpriseRow]) -> None:
        """Replace the whole list (a new filter); the current sort is kept."""
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def update_rows(self, rows: Iterable[EnterpriseRow]) -> list[int]:
        """Refresh rows already shown, in place (no re-sort: the row stays under the cursor).

        Returns the ids it did not hold (for the caller to decide whether to reload)."""
        missing: list[int] = []
        for fresh in rows:
            r = self._pos.get(fresh.id)
            if r is None:
                missing.append(fresh.id)
                continue
            self._rows[r] = fresh
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(Column) - 1))
        return missing

    def remove_ids(self, ids: Iterable[int]) -> None:
        """Drop the rows of these ids (deleted, or no longer matching the filter)."""
        for r in sorted((self._pos[i] for i in set(ids) if i in self._pos), reverse=True):
            self.beginRemoveRows(QModelIndex(), r, r)
            del self._rows[r]
            self.endRemoveRows()
        self._reindex()

    def row_at(self, row: int) -> EnterpriseRow:
        return self._rows[row]

    def row_of(self, enterprise_id: int) -> int | None:
        return self._pos.get(enterprise_id)

    def ids(self) -> set[int]:
        return set(self._pos)

    # -- internals -----------------------------------------------------------------------------
    def _apply_sort(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            # Two stable passes: by name, then by the column, so ties read alphabetically.
            self._rows.sort(key=lambda e: self._collator.sortKey(e.name))
            self._rows.sort(key=self._key(Column(column)), reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()

    def _reindex(self) -> None:
        self._pos = {row.id: i for i, row in enumerate(self._rows)}

    def _key(self, col: Column) -> Callable[[EnterpriseRow], Any]:
        if col == Column.RISK:
            return lambda e: RISK_RANK[e.risk]
        if col == Column.SCALE:
            return lambda e: _SCALE_RANK[e.scale]
        if col == Column.TIER:
            return lambda e: _TIER_RANK[e.tier]
        if col in (Column.CREDIT_CODE, Column.GRID):
            return lambda e: self._display(e, col)
        if col == Column.LEAD:  # gaps ("") first: they are what a duty officer looks for
            return lambda e: self._collator.sortKey(e.lead_department)
        return lambda e: self._collator.sortKey(self._display(e, col))
