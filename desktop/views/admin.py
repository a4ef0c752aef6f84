"""The Administration screen: responsibility boundaries, supervision gaps, the district-direct list.

All three tabs show one consistent read (a single unit of work) of small lists; it reloads, off
the GUI thread, whenever a committed change touches rules or enterprises, here or elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError
from desktop.services import rules
from desktop.services.reference import Choice, reference_lists
from desktop.services.rules import DistrictDirectRow, Gaps, RuleRow
from desktop.views.admin_lists import DistrictDirectTab, GapsTab
from desktop.views.admin_rules import RulesTab

# What the lists are derived from; grid renames ("grid") are rare and do not justify a reload.
WATCHED = ("boundary_rule", "enterprise", "industry", "department")
RELOAD_DELAY_MS = 150  # a re-route commits one change per enterprise: take them as one reload


@dataclass(frozen=True)
class AdminData:
    rules: list[RuleRow]
    gaps: Gaps
    district: list[DistrictDirectRow]
    departments: tuple[Choice, ...]


def load_admin_data(uow: UnitOfWork) -> AdminData:
    return AdminData(rules.list_rules(uow), rules.supervision_gaps(uow), rules.district_direct(uow),
                     reference_lists(uow).departments)


class AdminScreen(QWidget):
    loaded = Signal()  # after every (re)load has reached the tabs

    RULES, GAPS, DISTRICT = range(3)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: AdminData | None = None
        self._loading = False
        self._again = False  # a change arrived while loading: load once more afterwards

        self.rules_tab = RulesTab(ctx, self)
        self.gaps_tab = GapsTab(self)
        self.district_tab = DistrictDirectTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.addTab(self.rules_tab, self.tr("Responsibility boundaries"))
        self.tabs.addTab(self.gaps_tab, self.tr("Supervision gaps"))
        self.tabs.addTab(self.district_tab, self.tr("District-direct list"))
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("adminStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.rules_tab.changed.connect(self.reload)
        self.gaps_tab.industry_activated.connect(self._go_to_rule)
        ctx.sync.changes_committed.connect(self._on_changes)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Load everything again; calls made while a load runs collapse into one more load."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._again = False
        self.ctx.ops.run(load_admin_data, self._on_loaded, self._on_load_error, write=False)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self._debounce.start()

    def _on_loaded(self, data: AdminData) -> None:
        if not isValid(self):  # the screen was closed while the read ran
            return
        self._loading = False
        self.data = data
        self.rules_tab.set_data(data.rules, data.departments)
        self.gaps_tab.set_data(data.gaps)
        self.district_tab.set_data(data.district)
        self._set_titles(data)
        self.status.setVisible(False)  # each tab states its own counts
        self.loaded.emit()
        if self._again:
            self.reload()

    def _on_load_error(self, err: DomainError) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.status.setText(self.tr("Could not load the administration lists: {reason}").format(reason=err.message))
        self.status.setStyleSheet("color: #c62828;")
        self.status.setVisible(True)
        if self._again:
            self.reload()

    def _set_titles(self, data: AdminData) -> None:
        n_ind, n_ent = len(data.gaps.industries), len(data.gaps.enterprises)
        if n_ind or n_ent:
            gaps = self.tr("Supervision gaps ({industries} industries, {enterprises} enterprises)").format(
                industries=n_ind, enterprises=n_ent)
        else:
            gaps = self.tr("Supervision gaps (none)")
        self.tabs.setTabText(self.GAPS, gaps)
        self.tabs.tabBar().setTabTextColor(self.GAPS, QColor("#c62828") if n_ind or n_ent else QColor())
        self.tabs.setTabText(self.DISTRICT, self.tr("District-direct list ({n})").format(n=len(data.district)))

    def _go_to_rule(self, industry_id: int) -> None:
        self.tabs.setCurrentIndex(self.RULES)
        if self.rules_tab.select_industry(industry_id):
            self.rules_tab.department.setFocus(Qt.FocusReason.OtherFocusReason)
