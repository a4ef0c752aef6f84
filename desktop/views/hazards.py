"""The Hazards screen (隐患排查治理): my queues, the filter bar, the ticket table (a million rows,
paged in SQL), the open ticket with its timeline and actions, bulk assign, the ledger export,
the escalation timer — all live: a colleague's change updates the rows and the open ticket in
place, without losing the selection or the scroll position.

Keyboard: Ctrl+F search, Enter opens the ticket, Ctrl+N new hazard, Ctrl+B bulk assign, Ctrl+E
export the ledger, F5 reload; F3 classify, F4 assign, F6 report done, F7 / Shift+F7 re-inspect
pass / fail, F8 note, F9 attach, Ctrl+Shift+D dismiss (see hazard_detail_panel.ACTION_KEYS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.domain.hazard_flow import HazardAction
from desktop.models.hazard_table import ID_ROLE, HazardTableModel
from desktop.services import hazards as hz
from desktop.services.hazard_picks import grid_choices
from desktop.services.reference import ReferenceLists, reference_lists
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.hazard_actions_ui import HazardActions
from desktop.views.hazard_detail_panel import ACTION_KEYS, HazardDetailPanel
from desktop.views.hazard_escalation import EscalationTimer
from desktop.views.hazard_export import LedgerExport
from desktop.views.hazard_filters_bar import HazardFilterBar
from desktop.views.hazard_queues import ALL, HazardQueues
from desktop.views.hazard_table_view import HazardTableView

LIVE_BATCH_MS = 150        # coalesce a burst of feed entries into one refresh
QUEUES_DEBOUNCE_MS = 1000  # queue counts follow changes at most once a second


class HazardsScreen(QWidget):
    hazard_opened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, escalation: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.refs: ReferenceLists | None = None
        self.model = HazardTableModel(ctx.ops, self)
        self._queue: tuple = ALL
        self._queue_query: hz.HazardQuery | None = None
        self._detail_gen = 0
        self._touched: set[int] = set()
        self.filters = HazardFilterBar()
        self.queues = HazardQueues(ctx.actor.department_id is not None)
        self.queues.setMinimumWidth(190)
        self.table = HazardTableView(self.model)
        self.detail = HazardDetailPanel()
        self.actions = HazardActions(ctx, self)
        self.export = LedgerExport(ctx, self)
        self.escalation = EscalationTimer(ctx, self)
        self.message = MessageBar()
        self._build_layout()
        self._connect()
        self._shortcuts()
        self._load_references()
        self.load_queues()
        self.model.set_query(self.current_query())
        if escalation:
            self.escalation.start()

    # -- building ----------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        title = QLabel(self.tr("Hazard investigation and rectification"))
        title.setObjectName("hazardTitle")
        title.setStyleSheet("font-size: 17px; font-weight: bold; color: #1f2d3d;")
        self.count = QLabel()
        self.count.setObjectName("hazardCount")
        self.count.setStyleSheet("font-size: 14px; color: #1f2d3d; padding: 0 8px;")
        self.status = QLabel()
        self.status.setObjectName("hazardStatus")
        self.status.setStyleSheet("color: #5f6b7a;")
        self.new_button = self._button("newHazard", self.tr("New hazard…"), self.tr("Report a newly found hazard (Ctrl+N)"),
                                       self.new_hazard)
        self.bulk_button = self._button("bulkAssign", self.tr("Bulk assign…"),
                                        self.tr("Assign rectification of every selected ticket at once (Ctrl+B)"),
                                        self.bulk_assign)
        self.export_button = self._button("exportLedger", self.tr("Export ledger…"),
                                          self.tr("Save the current filter as the hazard ledger, .xlsx (Ctrl+E)"),
                                          self.ask_export)
        self.new_button.setStyleSheet("QPushButton { background: #c62828; color: white; font-weight: bold;"
                                      " padding: 4px 12px; border-radius: 3px; }")
        handles = HazardAction.ASSIGN in _role_actions(self.ctx)
        self.new_button.setEnabled(HazardAction.REPORT in _role_actions(self.ctx))
        self.bulk_button.setEnabled(False)
        self.bulk_button.setVisible(handles)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.count)
        head.addWidget(self.status, 1)
        for b in (self.new_button, self.bulk_button, self.export_button):
            head.addWidget(b)
        centre = QWidget()
        col = QVBoxLayout(centre)
        col.setContentsMargins(6, 6, 6, 0)
        col.addLayout(head)
        col.addWidget(self.filters)
        col.addWidget(self.message)
        col.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.setObjectName("hazardSplitter")
        splitter.addWidget(self.queues)
        splitter.addWidget(centre)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 900, 440])
        splitter.setCollapsible(1, False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _connect(self) -> None:
        m = self.model
        m.total_changed.connect(self._update_count)
        m.query_started.connect(self._on_query_started)
        m.first_page.connect(self._on_first_page)
        m.failed.connect(lambda text: self._set_status(text, error=True))
        self.filters.changed.connect(self._on_filters)
        self.filters.community_chosen.connect(self._load_grids)
        self.queues.chosen.connect(self._on_queue)
        sel = self.table.selectionModel()
        sel.currentRowChanged.connect(self._on_current_row)
        sel.selectionChanged.connect(lambda *_: self._update_bulk())
        self.table.activated.connect(self._on_activated)
        self.table.not_sortable.connect(lambda: self._set_status(self.tr("This column cannot be sorted")))
        self.detail.action_requested.connect(self.start_action)
        self.detail.attachment_clicked.connect(self.actions.open_attachment)
        self.actions.changed.connect(self._on_acted)
        self.actions.conflict.connect(self._on_conflict)
        self.actions.message.connect(lambda text, kind: self.message.show_message(text, kind))
        self.export.finished.connect(lambda ok, text: self.message.show_message(text, Kind.INFO if ok else Kind.WARNING))
        self.escalation.ran.connect(self._on_escalated)
        self.escalation.failed.connect(lambda text: self._set_status(text, error=True))
        self._detail_timer = QTimer(self, singleShot=True, interval=60)   # arrow-key scrolling
        self._detail_timer.timeout.connect(lambda: self.load_detail(self.current_id()))
        self._live_timer = QTimer(self, singleShot=True, interval=LIVE_BATCH_MS)
        self._live_timer.timeout.connect(self._refresh_touched)
        self._queues_timer = QTimer(self, singleShot=True, interval=QUEUES_DEBOUNCE_MS)
        self._queues_timer.timeout.connect(self.load_queues)
        self.ctx.sync.changes_committed.connect(self._on_changes)

    def _shortcuts(self) -> None:
        def key(seq: QKeySequence | str, slot: Callable[[], None]) -> None:
            sc = QShortcut(QKeySequence(seq), self, activated=slot)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        key(QKeySequence.StandardKey.Find, self.filters.focus_search)
        key("Ctrl+N", self.new_hazard)
        key("Ctrl+B", self.bulk_assign)
        key("Ctrl+E", self.ask_export)
        key("F5", self.refresh)
        for action, seq in ACTION_KEYS.items():
            key(seq, lambda a=action: self.start_action(a))

    # -- the query ---------------------------------------------------------------------------------
    def current_query(self, sort: tuple[hz.HazardSort, bool] | None = None) -> hz.HazardQuery:
        """The queue's query (or all tickets) narrowed by the filter bar, in the table's order
        (or in `sort`)."""
        base = self._queue_query or hz.HazardQuery()
        order = sort or (self.model.query.sort, self.model.query.descending)
        return replace(base, **self.filters.fields(), sort=order[0], descending=order[1])

    def _on_filters(self) -> None:
        q = self.current_query()
        if q != self.model.query:
            self.model.set_query(q)

    def _on_queue(self, key: tuple) -> None:
        if key == self._queue and self.filters.is_clear():
            return
        self._queue = key
        queue, level = key
        self._queue_query = hz.queue_query(queue, self.ctx.actor, level) if queue is not None else None
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        base = self._queue_query or hz.HazardQuery()
        self.model.set_query(self.current_query((base.sort, base.descending)))

    def show_queue(self, queue: hz.Queue | None, level: int | None = None) -> None:
        self.queues.select((queue, level))
        self._on_queue((queue, level))

    def show_filtered(self, query: hz.HazardQuery) -> None:
        """Exactly the tickets of `query` (a dashboard figure clicked): no queue highlighted, the
        filter bar cleared (it then narrows this query, as it narrows a queue's)."""
        self._queue, self._queue_query = ("filtered", None), query
        self.queues.select(self._queue)
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self.model.set_query(self.current_query((query.sort, query.descending)))

    def _on_query_started(self) -> None:
        self._set_status(self.tr("Loading…"))

    def _on_first_page(self) -> None:
        self._set_status("")
        hid = self.detail.detail.row.id if self.detail.detail else None
        if hid is not None:
            self.select_hazard(hid, scroll=False)
        self._update_bulk()

    def _update_count(self) -> None:
        total = self.model.total
        self.count.setText(self.tr("counting…") if total is None else self.tr("%n ticket(s)", "", total))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828;" if error else "color: #5f6b7a;")

    def refresh(self) -> None:
        self.model.reload()
        self.load_queues()
        if self.detail.detail is not None:
            self.load_detail(self.detail.detail.row.id)

    def focus_search(self) -> None:
        self.filters.focus_search()

    # -- loading side lists ----------------------------------------------------------------------------
    def _load_references(self) -> None:
        def done(refs: ReferenceLists) -> None:
            self.refs = refs
            self.actions.refs = refs
            self.filters.set_references(refs)

        self._run(reference_lists, done)

    def _load_grids(self, community_id: int) -> None:
        def done(grids) -> None:
            if self.filters.community.currentData() == community_id:
                self.filters.set_grids(grids)

        self._run(lambda uow: grid_choices(uow, community_id), done)

    def load_queues(self) -> None:
        actor = self.ctx.actor
        self._run(lambda uow: hz.queues(uow, actor), self.queues.set_counts)

    # -- selection and the open ticket -----------------------------------------------------------------
    def current_id(self) -> int | None:
        return self.table.current_id()

    def selected_rows(self) -> list[hz.HazardRow]:
        return self.table.selected_rows()

    def select_hazard(self, hazard_id: int, *, scroll: bool = True) -> bool:
        return self.table.select_hazard(hazard_id, scroll=scroll)

    def open_hazard(self, hazard_id: int) -> None:
        """Open a ticket (from the map, a link): select it if the table holds it, show it anyway."""
        self.select_hazard(hazard_id)
        self._detail_timer.stop()
        self.load_detail(hazard_id)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shown = self.detail.detail.row.id if self.detail.detail else None
        if current.isValid() and current.data(ID_ROLE) != shown:
            self._detail_timer.start()

    def _on_activated(self, index: QModelIndex) -> None:
        self._detail_timer.stop()
        self.load_detail(index.data(ID_ROLE))
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_detail(self, hazard_id: int | None) -> None:
        if hazard_id is None:
            return
        self._detail_gen += 1
        gen, actor = self._detail_gen, self.ctx.actor
        same = self.detail.detail is not None and self.detail.detail.row.id == hazard_id
        if not same:
            self.detail.show_note(self.tr("Loading…"))

        def done(d: hz.HazardDetail) -> None:
            if gen != self._detail_gen:
                return
            bar = self.detail.verticalScrollBar()
            keep = bar.value() if same else 0
            self.detail.show_detail(d, {c.id: c.name for c in self.refs.departments} if self.refs else {})
            QTimer.singleShot(0, lambda: bar.setValue(keep) if shiboken6.isValid(bar) else None)
            self.hazard_opened.emit(d.row.id)

        def failed(err: DomainError) -> None:
            if gen == self._detail_gen:
                self.detail.clear(err.message)

        self._run(lambda uow: hz.detail(uow, hazard_id, actor), done, failed)

    # -- actions -----------------------------------------------------------------------------------------
    def start_action(self, action: HazardAction) -> None:
        d = self.detail.detail
        if d is None or action not in d.allowed:
            if d is not None:
                self._set_status(self.tr("Not possible for this ticket now: {what}").format(
                    what=labels.hazard_action(action.value)))
            return
        self.actions.start(action, d)

    def new_hazard(self) -> None:
        if self.new_button.isEnabled():
            self.actions.new_hazard()

    def bulk_assign(self) -> None:
        rows = self.selected_rows()
        if rows and self.bulk_button.isVisible():
            self.actions.bulk_assign(rows)

    def _update_bulk(self) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.bulk_button.setEnabled(n >= 1)
        self.bulk_button.setText(self.tr("Bulk assign (%n)…", "", n) if n > 1 else self.tr("Bulk assign…"))

    def ask_export(self) -> None:
        self.export.ask(self.model.query, self.describe_filter(), self.model.total)

    def export_ledger(self, path: str) -> int | None:
        """The ledger of the current filter to `path`, without asking (tests, scripted use)."""
        return self.export.start(self.model.query, path, self.describe_filter(), self.model.total)

    def describe_filter(self) -> str:
        parts = [self.queues.count_text(*self._queue).split("　")[0].strip()] if self._queue != ALL else []
        return "；".join(p for p in [*parts, self.filters.describe()] if p)

    def _on_acted(self, row: hz.HazardRow) -> None:
        self.model.refresh_ids({row.id})  # also arrives through the feed: harmless twice
        if self.detail.detail is None or self.detail.detail.row.id == row.id or row.version == 1:
            self.load_detail(row.id)

    def _on_conflict(self, hazard_id: int, text: str) -> None:
        self.message.show_message(text, Kind.WARNING)
        if hazard_id >= 0:
            self.model.refresh_ids({hazard_id})
            self.load_detail(hazard_id)

    def _on_escalated(self, run) -> None:
        if run.steps:
            self.message.show_message(self.tr("Escalation run: %n ticket(s) raised a level.", "", len(run.steps)),
                                      Kind.WARNING)

    # -- live changes ----------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("district"):
            self._load_references()
            self.refresh()
            return
        if changes.touches("hazard"):
            self._touched |= {int(i) for i in changes.ids("hazard") if i.isdigit()}
            self._live_timer.start()
            self._queues_timer.start()
        if changes.touches("department", "grid"):
            self._load_references()

    def _refresh_touched(self) -> None:
        ids, self._touched = self._touched, set()
        self.model.refresh_ids(ids)
        d = self.detail.detail
        if d is not None and d.row.id in ids:
            self.load_detail(d.row.id)

    def _run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
             on_error: Callable[[DomainError], None] | None = None) -> None:
        def alive(cb: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: cb(value) if shiboken6.isValid(self) else None

        self.ctx.ops.run(fn, alive(on_done), alive(on_error or (lambda e: self._set_status(e.message, error=True))),
                         write=False)


def _role_actions(ctx: AppContext) -> frozenset[HazardAction]:
    from desktop.domain.hazard_flow import ROLE_ACTIONS

    return ROLE_ACTIONS[ctx.actor.role]
