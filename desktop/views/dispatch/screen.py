"""The Dispatch screen (应急调度): the squad at a glance on top; below, tabs for incidents and
dispatch, the squad board, the equipment register, and training.

Keys: Ctrl+N logs a new call; Ctrl+D dispatches the recommended team to the selected incident
(一键调度); Ctrl+Enter dispatches the ticked team; Ctrl+F searches the current tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.services.common import Permission
from desktop.views.dispatch.board import BoardTab
from desktop.views.dispatch.board_live import BoardLive
from desktop.views.dispatch.equipment_tab import EquipmentTab
from desktop.views.dispatch.incidents_tab import IncidentsTab
from desktop.views.dispatch.intake import IntakeDialog, LocatorCache
from desktop.views.dispatch.summary import SquadStrip
from desktop.views.dispatch.training_tab import TrainingTab

INCIDENTS, BOARD, EQUIPMENT, TRAINING = range(4)


class DispatchScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locators = LocatorCache()
        self.live = BoardLive(ctx, self)
        self.strip = SquadStrip()
        self.live.loaded.connect(self._show_strip)
        self.live.rows_changed.connect(lambda *_: self._show_strip())
        self.strip.sub_squad_clicked.connect(self._show_sub_squad)
        self.incidents = IncidentsTab(ctx)
        self.incidents.new_requested.connect(self.open_intake)
        self.board = BoardTab(ctx, self.live)
        self.equipment = EquipmentTab(ctx)
        self.training = TrainingTab(ctx, lambda: sorted(self.live.state.members.values(), key=lambda m: m.call_sign))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dispatchTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.incidents, self.tr("Incidents and dispatch"))
        self.tabs.addTab(self.board, self.tr("Squad board"))
        self.tabs.addTab(self.equipment, self.tr("Equipment register"))
        self.tabs.addTab(self.training, self.tr("Training and assessment"))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #cfd8dc;")
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 8, 8, 4)
        col.addWidget(self.strip)
        col.addWidget(line)
        col.addWidget(self.tabs, 1)
        self.setStyleSheet(
            "QTabBar::tab { padding: 6px 16px; font-size: 14px; }"
            "QTabBar::tab:selected { color: #b71c1c; font-weight: 700; border-bottom: 3px solid #c62828; }"
            "QTableView { gridline-color: #e6ebef; selection-background-color: #cfe3fb; selection-color: #102a43; }"
            "QHeaderView::section { background: #eef2f5; padding: 4px; border: none;"
            " border-right: 1px solid #dde3e8; font-weight: 600; }"
        )
        self._shortcuts()
        self.live.start()

    def _shortcuts(self) -> None:
        can = self.ctx.actor.can(Permission.DISPATCH)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot, enabled in ((QKeySequence.StandardKey.New, self.open_intake, can),
                                   (QKeySequence("Ctrl+D"), self.dispatch_recommended, can),
                                   (QKeySequence("Ctrl+Return"), self.dispatch_ticked, can),
                                   (QKeySequence("Ctrl+Enter"), self.dispatch_ticked, can),
                                   (QKeySequence.StandardKey.Find, self.focus_search, True)):
            if enabled:
                QShortcut(key, self, activated=slot, context=ctx)
        self.incidents.new_button.setEnabled(can)
        self.tabs.setTabToolTip(INCIDENTS, self.tr(
            "New call: Ctrl+N · dispatch the recommended team to the selected incident: Ctrl+D (一键调度)"))

    @property
    def busy(self) -> bool:
        """True until the board and the incident list have loaded (--exit-when-ready waits)."""
        return self.live.busy or self.incidents.loading

    def _show_strip(self) -> None:
        self.strip.show_state(self.live.state)

    def _show_sub_squad(self, sub_squad_id: int) -> None:
        self.tabs.setCurrentIndex(BOARD)
        self.board.show_sub_squad(sub_squad_id)

    # -- actions ----------------------------------------------------------------------------------
    def open_intake(self, lon: float | None = None, lat: float | None = None) -> IntakeDialog | None:
        """The intake form; with a point (a map right-click) the place is filled in. Modal."""
        dialog = self.intake_dialog(lon, lat)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.after_intake(dialog)
        return dialog

    def intake_dialog(self, lon: float | None = None, lat: float | None = None) -> IntakeDialog:
        point = (lon, lat) if isinstance(lon, float | int) and isinstance(lat, float | int) else None
        return IntakeDialog(self.ctx, self.locators, point, self)

    def after_intake(self, dialog: IntakeDialog) -> None:
        target = dialog.merged_into or dialog.saved_id
        if target is not None:
            self.tabs.setCurrentIndex(INCIDENTS)
            self.incidents.show_incident(target)

    def dispatch_recommended(self) -> None:
        d = self.incidents.panel.detail
        if d is None or "dispatch" not in d.allowed:
            return
        self.tabs.setCurrentIndex(INCIDENTS)
        self.incidents.panel.recommend.dispatch_recommended(d.row.id, d.row.version)

    def dispatch_ticked(self) -> None:
        if self.tabs.currentIndex() == INCIDENTS:
            self.incidents.panel.recommend.dispatch_ticked()

    def focus_search(self) -> None:
        target = {INCIDENTS: self.incidents.text, BOARD: self.board.text}.get(self.tabs.currentIndex())
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            target.selectAll()
