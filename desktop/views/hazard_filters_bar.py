"""The hazard screen's filter bar: free text (Ctrl+F), status, severity, category, overdue,
escalation level, street → community → grid, department, supervising level and the date found.

It only describes what the user chose (`fields()`: HazardQuery keywords); the screen builds the
query. Every change is emitted at once except typing, which waits for a pause.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from desktop import labels
from desktop.domain.enums import Tier
from desktop.domain.hazard_terms import OPEN_STATUSES, Category, HazardStatus, Severity, district_today
from desktop.services.hazards import DUE_SOON_DAYS
from desktop.services.reference import Choice, ReferenceLists

TEXT_PAUSE_MS = 250
ESCALATION_LEVELS = (1, 2, 3, 4)


def swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


class HazardFilterBar(QWidget):
    changed = Signal()
    community_chosen = Signal(int)   # the screen loads that community's grids (set_grids)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._combos: list[QComboBox] = []
        self.text = QLineEdit()
        self.text.setObjectName("hazardSearch")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search description, place or ticket no.  (Ctrl+F)"))
        self.text.setToolTip(self.tr("Words in the description or the enterprise/place; a ticket number "
                                     "such as YH20260001234 finds that ticket (Ctrl+F)"))
        self.text.setMinimumWidth(260)
        self.status = self._combo("statusFilter", self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), frozenset())
        self.status.addItem(self.tr("All open tickets"), frozenset(OPEN_STATUSES))
        for s in HazardStatus:
            self.status.addItem(swatch(labels.HAZARD_STATUS_COLOURS[s.value]), labels.hazard_status(s), frozenset({s}))
        self.severity = self._combo("severityFilter", self.tr("Severity"))
        self.severity.addItem(self.tr("All severities"), frozenset())
        for v in Severity:
            self.severity.addItem(swatch(labels.SEVERITY_COLOURS[v.value]), labels.severity(v), frozenset({v}))
        self.category = self._combo("categoryFilter", self.tr("Category"))
        self.category.addItem(self.tr("All categories"), frozenset())
        for c in Category:
            self.category.addItem(labels.hazard_category(c), frozenset({c}))
        self.overdue = self._combo("overdueFilter", self.tr("Deadline"))
        self.overdue.addItem(self.tr("Any deadline"), {})
        self.overdue.addItem(swatch(QColor("#c62828")), self.tr("Overdue"), {"overdue": True})
        self.overdue.addItem(self.tr("Due within %n day(s)", "", DUE_SOON_DAYS), {"due_within_days": DUE_SOON_DAYS})
        self.overdue.addItem(self.tr("Not overdue"), {"overdue": False})
        self.escalation = self._combo("escalationFilter", self.tr("Escalation level"))
        self.escalation.addItem(self.tr("Any escalation"), frozenset())
        for level in ESCALATION_LEVELS:
            self.escalation.addItem(swatch(labels.ESCALATION_COLOURS[level]), labels.escalation_level(level),
                                    frozenset({level}))
        self.street = self._combo("streetFilter", self.tr("Street or park"))
        self.community = self._combo("communityFilter", self.tr("Community"))
        self.grid = self._combo("gridFilter", self.tr("Grid (with the grids inside it)"))
        self.department = self._combo("departmentFilter", self.tr("Lead department"))
        self.tier = self._combo("tierFilter", self.tr("Supervising level"))
        self.tier.addItem(self.tr("All levels"), None)
        for t in Tier:
            self.tier.addItem(labels.tier(t), t)
        self.period = self._combo("periodFilter", self.tr("Date found"))
        for text, days in ((self.tr("Any date"), None), (self.tr("Today"), 0), (self.tr("Last 7 days"), 6),
                           (self.tr("Last 30 days"), 29), (self.tr("Last 12 months"), 364),
                           (self.tr("Between…"), -1)):
            self.period.addItem(text, days)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, "dateFrom"), (self.date_to, "dateTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        today = district_today()
        self.date_from.setDate(QDate(today - timedelta(days=30)))
        self.date_to.setDate(QDate(today))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear every filter"))
        self.clear_button.clicked.connect(self.clear)
        self.set_references(None)
        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_PAUSE_MS)
        self._text_timer.timeout.connect(self.changed.emit)
        self.text.textChanged.connect(lambda _t: self._text_timer.start())
        self.text.returnPressed.connect(self.flush_text)
        for box in self._combos:
            box.currentIndexChanged.connect(lambda _i, b=box: self._on_combo(b))
        self._layout()

    def _combo(self, name: str, tip: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(7)
        box.view().setMinimumWidth(220)
        self._combos.append(box)
        return box

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        first = QHBoxLayout()
        first.addWidget(self.text, 2)
        for box in (self.status, self.severity, self.category, self.overdue, self.escalation):
            first.addWidget(box, 1)
        first.addWidget(self.clear_button)
        second = QHBoxLayout()
        for box in (self.street, self.community, self.grid, self.department, self.tier, self.period):
            second.addWidget(box, 1)
        second.addWidget(self.date_from)
        second.addWidget(self.date_to)
        grid.addLayout(first, 0, 0)
        grid.addLayout(second, 1, 0)

    # -- reference lists ------------------------------------------------------------------------------
    def set_references(self, refs: ReferenceLists | None) -> None:
        self._refs = refs
        for box, all_text, items in (
            (self.street, self.tr("All streets"), refs.streets if refs else ()),
            (self.department, self.tr("All departments"), refs.departments if refs else ()),
        ):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(all_text, None)
            for c in items:
                box.addItem(c.name, c.id)
            box.setCurrentIndex(max(box.findData(keep), 0))
            box.blockSignals(False)
        self._fill_communities(self.community.currentData())
        if self.grid.count() == 0:
            self.set_grids(())

    def _fill_communities(self, keep: Any = None) -> None:
        street_id = self.street.currentData()
        box = self.community
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All communities"), None)
        if self._refs is not None:
            streets = {c.id: c.name for c in self._refs.streets}
            for c in self._refs.communities:
                if street_id is None:
                    box.addItem(f"{c.name} · {streets.get(c.parent_id, '')}", c.id)
                elif c.parent_id == street_id:
                    box.addItem(c.name, c.id)
        box.setCurrentIndex(max(box.findData(keep), 0))
        box.blockSignals(False)

    def set_grids(self, grids: tuple[Choice, ...] | list[Choice]) -> None:
        """The chosen community's sub-community grids (the grid filter offers only those)."""
        keep = self.grid.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("All grids"), None)
        for c in grids:
            self.grid.addItem(c.name, c.id)
        self.grid.setCurrentIndex(max(self.grid.findData(keep), 0))
        self.grid.setEnabled(bool(grids))
        self.grid.blockSignals(False)

    def _on_combo(self, box: QComboBox) -> None:
        if box is self.street:
            self._fill_communities(self.community.currentData())
        if box in (self.street, self.community):
            self.set_grids(())
            if self.community.currentData() is not None:
                self.community_chosen.emit(self.community.currentData())
        if box is self.period:
            custom = self.period.currentData() == -1
            self.date_from.setVisible(custom)
            self.date_to.setVisible(custom)
        self.changed.emit()

    # -- what the user chose --------------------------------------------------------------------------
    def flush_text(self) -> None:
        if self._text_timer.isActive():
            self._text_timer.stop()
            self.changed.emit()

    def fields(self) -> dict[str, Any]:
        """The HazardQuery keywords the user set (defaults left out)."""
        out: dict[str, Any] = {}
        for key, box in (("statuses", self.status), ("severities", self.severity), ("categories", self.category),
                         ("escalation_levels", self.escalation)):
            if box.currentData():
                out[key] = box.currentData()
        out.update(self.overdue.currentData() or {})
        for key, box in (("street_id", self.street), ("community_id", self.community), ("grid_id", self.grid),
                         ("department_id", self.department), ("tier", self.tier)):
            if box.currentData() is not None:
                out[key] = box.currentData()
        days = self.period.currentData()
        if days == -1:
            start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
            out["created_from"], out["created_to"] = min(start, end), max(start, end)
        elif days is not None:
            out["created_from"] = district_today() - timedelta(days=days)
        if self.text.text().strip():
            out["text"] = self.text.text().strip()
        return out

    def describe(self) -> str:
        """The chosen filters in words (the ledger's filter line)."""
        parts = [box.currentText() for box in self._combos
                 if box.currentIndex() > 0 and box is not self.period]
        if self.period.currentData() == -1:
            f = self.fields()
            parts.append(f"{_iso(f['created_from'])} – {_iso(f['created_to'])}")
        elif self.period.currentIndex() > 0:
            parts.append(self.period.currentText())
        if self.text.text().strip():
            parts.append(f"“{self.text.text().strip()}”")
        return "；".join(parts)

    def clear(self) -> None:
        """Every filter back to "all" (one `changed`)."""
        self.blockSignals(True)
        self.text.clear()
        self._text_timer.stop()
        for box in self._combos:
            box.setCurrentIndex(0)
        self.blockSignals(False)
        self.date_from.setVisible(False)
        self.date_to.setVisible(False)
        self.changed.emit()

    def is_clear(self) -> bool:
        return not self.fields()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()


def _iso(day: date) -> str:
    return day.isoformat()
