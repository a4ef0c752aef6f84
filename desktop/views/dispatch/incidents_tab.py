"""The incidents tab: the list (open ones by default; filters and keyset paging in SQL), kept live
by row, and the selected incident's panel (detail, recommendation, dispatch, timeline)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.domain.incident import OPEN, IncidentStatus, IncidentType
from desktop.models.dispatch_models import IncidentTableModel
from desktop.services import incident_queries
from desktop.services.incident_queries import IncidentFilter, IncidentRow
from desktop.services.reference import ReferenceLists, reference_lists
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board import table
from desktop.views.dispatch.incident_panel import IncidentPanel
from desktop.widgets.badges import BadgeDelegate

PAGE = 200
SEARCH_MS = 250
LIVE_DELAY_MS = 40


class IncidentsTab(QWidget):
    new_requested = Signal()
    incident_selected = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = IncidentTableModel(self)
        self._gen = 0
        self._done_gen = 0
        self._last: tuple | None = None   # keyset: (reported_at, id) of the last row of the last page
        self._select_after: int | None = None
        self._touched: set[int] = set()
        self._later = QTimer(self, singleShot=True, interval=LIVE_DELAY_MS)
        self._later.timeout.connect(self._refresh_touched)
        self._build()
        ctx.sync.changes_committed.connect(self._on_changes)
        run(self, reference_lists, self._on_refs, write=False)
        self.reload()

    def _build(self) -> None:
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setObjectName("incidentOpenOnly")
        self.open_only.setChecked(True)
        self.status = QComboBox()
        self.status.setObjectName("incidentStatusFilter")
        self.status.addItem(self.tr("Any status"), None)
        for s in IncidentStatus:
            self.status.addItem(labels.incident_status(s), s)
        self.kind = QComboBox()
        self.kind.setObjectName("incidentTypeFilter")
        self.kind.addItem(self.tr("All types"), None)
        for t in IncidentType:
            self.kind.addItem(labels.incident_type(t), t)
        self.street = QComboBox()
        self.street.setObjectName("incidentStreetFilter")
        self.street.addItem(self.tr("All streets"), None)
        self.text = QLineEdit()
        self.text.setObjectName("incidentSearch")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("JQ number, address, caller, phone"))
        self.count = QLabel()
        self.count.setObjectName("incidentCount")
        self.new_button = QPushButton(self.tr("New incident…"))
        self.new_button.setObjectName("newIncident")
        self.new_button.setToolTip(self.tr("Log a new call (Ctrl+N)"))
        self.new_button.setStyleSheet("QPushButton { background: #c62828; color: white; font-weight: 700;"
                                      " padding: 5px 14px; border-radius: 4px; }")
        self.new_button.clicked.connect(self.new_requested)
        self._search = QTimer(self, singleShot=True, interval=SEARCH_MS)
        self._search.timeout.connect(self.reload)
        self.open_only.toggled.connect(self.reload)
        for box in (self.status, self.kind, self.street):
            box.currentIndexChanged.connect(self.reload)
        self.text.textChanged.connect(lambda _t: self._search.start())
        bar = QHBoxLayout()
        for w in (self.open_only, self.status, self.kind, self.street):
            bar.addWidget(w)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.new_button)
        self.list = table("incidentTable", self.model)
        for col in (3, 4):
            self.list.setItemDelegateForColumn(col, BadgeDelegate(self.list))
        em = self.fontMetrics().horizontalAdvance("中")
        for col, chars in enumerate((6, 4, 5, 6, 5, 12, 5, 2.5, 8)):
            self.list.horizontalHeader().resizeSection(col, int(em * chars) + 14)
        self.list.selectionModel().currentRowChanged.connect(self._on_current)
        self.more = QPushButton(self.tr("Load older incidents"))
        self.more.setObjectName("incidentMore")
        self.more.clicked.connect(self.load_more)
        self.more.setVisible(False)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(self.list, 1)
        lcol.addWidget(self.more)
        self.panel = IncidentPanel(self.ctx)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 780])
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 4, 0, 0)
        col.addLayout(bar)
        col.addWidget(split, 1)

    def _on_refs(self, refs: ReferenceLists) -> None:
        for c in refs.streets:
            self.street.addItem(c.name, c.id)

    # -- the list -------------------------------------------------------------------------------
    def current_filter(self) -> IncidentFilter:
        status = self.status.currentData()
        return IncidentFilter(open_only=self.open_only.isChecked(),
                              statuses=frozenset({status}) if status else None, type=self.kind.currentData(),
                              street_id=self.street.currentData(), text=self.text.text().strip(), limit=PAGE)

    @property
    def loading(self) -> bool:
        return self._done_gen != self._gen

    def reload(self) -> None:
        self._search.stop()
        self._gen += 1
        gen, flt = self._gen, self.current_filter()
        run(self, lambda uow: incident_queries.list_incidents(uow, flt),
                         lambda rows: self._on_page(gen, rows, first=True), lambda e: self._failed(gen, e),
                         write=False)

    def load_more(self) -> None:
        if self._last is None:
            return
        self._gen += 1
        gen, flt = self._gen, replace(self.current_filter(), before=self._last)
        run(self, lambda uow: incident_queries.list_incidents(uow, flt),
                         lambda rows: self._on_page(gen, rows, first=False), lambda e: self._failed(gen, e),
                         write=False)

    def _on_page(self, gen: int, rows: list[IncidentRow], *, first: bool) -> None:
        if gen != self._gen:
            return
        self._done_gen = gen
        keep = self._select_after or self.selected_id()
        self._select_after = None
        if first:
            self.model.set_rows(rows)
        else:
            self.model.append_rows(rows)
        self._last = (rows[-1].reported_at, rows[-1].id) if rows else self._last
        self.more.setVisible(len(rows) >= PAGE)
        self._update_count()
        if keep is not None and not self.select_incident(keep) and first:
            self.panel.show_incident(None)
        elif keep is None and first and self.model.rowCount():
            self.select_incident(self.model.key_of(0))  # the newest call, ready for dispatch

    def _failed(self, gen: int, err: DomainError) -> None:
        if gen == self._gen:
            self._done_gen = gen
            self.count.setText(err.message)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n incidents", "", self.model.rowCount()))

    # -- selection --------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.list.selectionModel().currentIndex()
        return self.model.key_of(index.row()) if index.isValid() else None

    def select_incident(self, incident_id: int) -> bool:
        row = self.model.row_of(incident_id)
        if row < 0:
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self.list.scrollTo(self.model.index(row, 0))
        return True

    def show_incident(self, incident_id: int) -> None:
        """Select it in the list (reloading it if the filter hides it) and show its panel."""
        if not self.select_incident(incident_id):
            self._select_after = incident_id
            self.panel.show_incident(incident_id)
            self.reload()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            iid = self.model.key_of(current.row())
            if iid != self.panel.incident_id:
                self.panel.show_incident(iid)
            self.incident_selected.emit(iid)

    # -- live -------------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        self._touched |= {int(i) for i in changes.ids("incident") if i.isdigit()}
        if self._touched:
            self._later.start()  # coalesce a burst; the board's and the map's reads go first

    def _refresh_touched(self) -> None:
        ids, self._touched = self._touched, set()
        if ids:
            self._refresh_ids(ids)

    def _refresh_ids(self, ids: set[int]) -> None:
        gen = self._gen
        run(self, lambda uow: incident_queries.incident_rows(uow, ids),
                         lambda rows: self._on_rows(gen, rows), write=False)

    def _on_rows(self, gen: int, rows: list[IncidentRow]) -> None:
        if gen != self._gen:
            return  # a reload is on its way with these too
        flt = self.current_filter()
        known = [r for r in rows if self.model.row_of(r.id) >= 0]
        new = [r for r in rows if self.model.row_of(r.id) < 0]
        gone = [r.id for r in known if not _passes(r, flt)]
        self.model.upsert([r for r in known if r.id not in gone])
        if self.selected_id() in gone:
            # The incident on show left the list (closed, say): keep it on show, select nothing.
            self.list.selectionModel().blockSignals(True)
            self.model.remove_keys(gone)
            self.list.selectionModel().clear()
            self.list.selectionModel().blockSignals(False)
            self.list.viewport().update()
        else:
            self.model.remove_keys(gone)
        if new and flt.text:
            self.reload()  # the text filter is SQL's to decide
        elif new:
            self.model.upsert(sorted((r for r in new if _passes(r, flt)), key=lambda r: r.reported_at,
                                     reverse=True), insert_at=0)
        self._update_count()


def _passes(r: IncidentRow, f: IncidentFilter) -> bool:
    """The list filter's simple fields, for a row that changed under it (text: see _on_rows)."""
    return ((not f.open_only or r.status in OPEN) and (f.statuses is None or r.status in f.statuses)
            and (f.type is None or r.type == f.type) and (f.street_id is None or r.street_id == f.street_id))
