"""The hazard table's view: badge delegates, widths from the font (never ResizeToContents on a
million rows), sorting by header click through the model (in SQL; a column without a sort keeps
the indicator where it was), and the scroll kept still while live rows come and go."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.models.hazard_table import ID_ROLE, SORT_OF, Column, HazardTableModel
from desktop.services.hazards import HazardRow
from desktop.widgets.badges import BadgeDelegate

# Column widths in CJK characters (longer text elides; the tooltip shows it whole).
COLUMN_CHARS = {Column.CODE: 8, Column.FOUND: 8, Column.STATUS: 6, Column.SEVERITY: 5, Column.CATEGORY: 5,
                Column.PLACE: 11, Column.DESCRIPTION: 16, Column.STREET: 5, Column.COMMUNITY: 5, Column.GRID: 7,
                Column.DEPARTMENT: 6, Column.TIER: 4, Column.RESPONSIBLE: 7, Column.DEADLINE: 6,
                Column.OVERDUE: 6, Column.ESCALATION: 6}


class HazardTableView(QTableView):
    not_sortable = Signal()   # the user clicked a column that has no sort

    def __init__(self, model: HazardTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazardTable")
        self.setModel(model)
        self._model = model
        self._anchor: tuple[int, int] | None = None   # (hazard id at the top of the view, scroll value)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # the anchor below counts rows
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setStyleSheet("QTableView#hazardTable { gridline-color: #e3e7ed; selection-background-color: #d6e4f5;"
                           " selection-color: #111; }")
        badges = BadgeDelegate(self)
        for col in (Column.STATUS, Column.SEVERITY, Column.OVERDUE, Column.ESCALATION):
            self.setItemDelegateForColumn(col, badges)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        width = self.fontMetrics().horizontalAdvance("中")
        for col, chars in COLUMN_CHARS.items():
            header.resizeSection(col, width * chars + 22)
        header.setSortIndicator(*model.sort_column())
        self.setSortingEnabled(True)   # a header click calls model.sort: a new query
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        model.query_started.connect(self.show_sort)
        model.live_started.connect(self._remember_anchor)
        model.live_applied.connect(self._restore_anchor)

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if SORT_OF[Column(column)] is None:  # the model ignored it: put the indicator back
            self.show_sort()
            self.not_sortable.emit()

    def show_sort(self) -> None:
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._model.sort_column())
        header.blockSignals(False)
        header.viewport().update()

    # -- selection -------------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.selectionModel().currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_rows(self) -> list[HazardRow]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self._model.row_at(r) for r in rows]

    def select_hazard(self, hazard_id: int, *, scroll: bool = True) -> bool:
        row = self._model.row_of(hazard_id)
        if row is None:
            return False
        index = self._model.index(row, Column.CODE)
        sel = self.selectionModel()
        if sel.currentIndex().data(ID_ROLE) != hazard_id:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            sel.setCurrentIndex(index, flags)
        if scroll:
            self.scrollTo(index)
        return True

    # -- the scroll through live changes -----------------------------------------------------------------
    def _remember_anchor(self) -> None:
        """Before live rows come or go: which ticket sits at the top of the view."""
        self._anchor = None
        bar = self.verticalScrollBar().value()
        top = max(self.rowAt(0), 0)
        if bar > 0 and top < self._model.rowCount():
            self._anchor = (self._model.row_at(top).id, bar)

    def _restore_anchor(self) -> None:
        """After them: the same ticket at the top (at the very top, new tickets show instead)."""
        anchor, self._anchor = self._anchor, None
        if anchor is not None:
            row = self._model.row_of(anchor[0])
            self.verticalScrollBar().setValue(row if row is not None else anchor[1])
