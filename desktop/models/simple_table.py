"""A small read-only table over a list of frozen dataclasses, described by column specs.

For the short lists of the admin and reference screens (tens to a few thousand rows), which a
service returns whole. Big tables page in SQL instead (see ARCHITECTURE.md, "Tables of a million
rows"); do not grow this into a sort/filter engine for them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

# High numbers: low UserRole offsets are taken by delegates (widgets.risk_badge.RISK_ROLE is +2).
KEY_ROLE = Qt.ItemDataRole.UserRole + 100   # the row's key (what keeps a selection across reloads)
SORT_ROLE = Qt.ItemDataRole.UserRole + 101  # the value a column sorts by

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows a row. Only `title` and `text` are required."""

    title: str
    text: Callable[[T], str]
    foreground: Callable[[T], QColor | None] | None = None
    decoration: Callable[[T], QColor | None] | None = None  # a colour swatch before the text
    tooltip: Callable[[T], str | None] | None = None
    sort_key: Callable[[T], Any] | None = None  # default: the text
    align: Qt.AlignmentFlag | None = None
    bold: Callable[[T], bool] | None = None
    roles: Mapping[int, Callable[[T], Any]] = field(default_factory=dict)  # extra roles, for delegates


class SimpleTableModel(QAbstractTableModel, Generic[T]):
    """Read-only rows with unique keys; `set_rows` keeps selections when the keys are unchanged."""

    def __init__(self, columns: Sequence[Column[T]], key: Callable[[T], Hashable],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._source: list[T] = []  # as given, for "unsorted"
        self._rows: list[T] = []    # as shown
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace the rows. Same keys in the same order: an in-place update (views keep their
        selection, current index and scroll); otherwise a reset."""
        self._source = list(rows)
        new = self._ordered(self._source)
        if [self._key(r) for r in new] == [self._key(r) for r in self._rows]:
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self._columns) - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    # -- data out ------------------------------------------------------------------------------
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: Hashable) -> int:
        """The row number holding `key`, or -1."""
        for i, r in enumerate(self._rows):
            if self._key(r) == key:
                return i
        return -1

    def key_of(self, row: int) -> Hashable | None:
        item = self.row_at(row)
        return None if item is None else self._key(item)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].align is not None:
                return self._columns[section].align
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1 if 0 <= section < len(self._rows) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        col = self._columns[index.column()]
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            return col.foreground(item)
        if role == Qt.ItemDataRole.DecorationRole and col.decoration is not None:
            return col.decoration(item)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return col.align
        if role == Qt.ItemDataRole.FontRole and col.bold is not None and col.bold(item):
            font = QFont()
            font.setBold(True)
            return font
        if role in col.roles:
            return col.roles[role](item)
        if role == KEY_ROLE:
            return self._key(item)
        if role == SORT_ROLE:
            return self._sort_value(col, item)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in memory (these lists are short); column -1 restores the order rows came in."""
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self.layoutAboutToBeChanged.emit()
        old_keys = [self._key(r) for r in self._rows]
        self._rows = self._ordered(self._source)
        where = {self._key(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(where[old_keys[i.row()]], i.column()) for i in old])
        self.layoutChanged.emit()

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _sort_value(col: Column[T], item: T) -> Any:
        return col.sort_key(item) if col.sort_key is not None else col.text(item)

    def _ordered(self, rows: list[T]) -> list[T]:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        col = self._columns[column]
        return sorted(rows, key=lambda r: self._sort_value(col, r),
                      reverse=order == Qt.SortOrder.DescendingOrder)
