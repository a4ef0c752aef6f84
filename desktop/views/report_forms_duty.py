"""Parameter forms of the duty room's reports: the duty daily (a day or a shift), the hazard ledger
(street, department, found-date range, status, with a live count of its rows), and one incident.
Registered in `report_forms.report_entries()`; the Reports screen runs them."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.hazard_terms import HazardStatus, district_today, local_time
from desktop.reports.kinds import DailyParams, IncidentParams, LedgerParams
from desktop.services.hazard_query import count
from desktop.services.incident_queries import IncidentFilter, list_incidents
from desktop.services.ledger_query import ledger_selection
from desktop.services.reference import reference_lists
from desktop.views.report_forms import ReportForm

# desktop.reports.ledger_pdf's layout (not imported: reportlab stays out of start-up)
LEDGER_ROWS_PER_PAGE, LEDGER_FIRST_PAGE_ROWS = 19, 15


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _today() -> QDate:
    return QDate(district_today())


def _info() -> QLabel:
    info = QLabel()
    info.setWordWrap(True)
    info.setStyleSheet("color: #555;")
    return info


class DailyForm(ReportForm):
    """The day reported, and optionally one duty shift of it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.date = _date_edit("dailyDate", _today())
        self.date.setMaximumDate(_today())
        self.shift = QComboBox()
        self.shift.setObjectName("dailyShift")
        self.shift.addItem(self.tr("Whole day (00:00–24:00)"), None)
        self.shift.addItem(self.tr("Day shift (08:00–20:00)"), "day")
        self.shift.addItem(self.tr("Night shift (20:00–08:00 next day)"), "night")
        info = _info()
        info.setText(self.tr("Compared with the previous day or shift. A quiet period is reported too."))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Period:"), self.shift)
        form.addRow(info)
        self.date.dateChanged.connect(lambda _: self.changed.emit())
        self.shift.currentIndexChanged.connect(lambda _: self.changed.emit())

    def params(self) -> DailyParams:
        return DailyParams(self.date.date().toPython(), self.shift.currentData())

    def suggested_name(self) -> str:
        shift = {"day": "-白班", "night": "-夜班"}.get(self.shift.currentData() or "", "")
        return f"值班日报-{self.date.date().toString('yyyy-MM-dd')}{shift}.pdf"


class LedgerForm(ReportForm):
    """Any filter of the hazard ledger; the number of rows (and pages) is counted as it changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.street = self._combo("ledgerStreet", self.tr("All streets and parks"))
        self.department = self._combo("ledgerDepartment", self.tr("All departments"))
        self.dated = QCheckBox(self.tr("Found between"))
        self.dated.setObjectName("ledgerDated")
        today = _today()
        self.date_from = _date_edit("ledgerFrom", QDate(today.year(), 1, 1))
        self.date_to = _date_edit("ledgerTo", today)
        self.status = QComboBox()
        self.status.setObjectName("ledgerStatus")
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Open (not closed off)"), "open")
        self.status.addItem(self.tr("Overdue"), "overdue")
        for s in HazardStatus:
            self.status.addItem(labels.hazard_status(s.value), s.value)
        self.info = _info()
        self.info.setObjectName("ledgerInfo")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.date_to)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Street:"), self.street)
        form.addRow(self.tr("Department:"), self.department)
        form.addRow(self.dated, dates)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.info)
        self._count = QTimer(self, singleShot=True, interval=300)
        self._count.timeout.connect(self._on_count)
        for combo in (self.street, self.department, self.status):
            combo.currentIndexChanged.connect(lambda _: self._on_edit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self._on_edit())
        self.dated.toggled.connect(lambda _: self._on_edit())
        self._enable_dates()
        ctx.ops.run(reference_lists, self._on_loaded, lambda e: self.info.setText(str(e)), write=False)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _on_loaded(self, lists) -> None:
        for combo, choices in ((self.street, lists.streets), (self.department, lists.departments)):
            combo.blockSignals(True)
            for c in choices:
                combo.addItem(c.name, c.name)
            combo.blockSignals(False)
        self._count.start()

    def _on_edit(self) -> None:
        self._enable_dates()
        self.changed.emit()
        self._count.start()

    def _enable_dates(self) -> None:
        self.date_from.setEnabled(self.dated.isChecked())
        self.date_to.setEnabled(self.dated.isChecked())

    def _on_count(self) -> None:
        params, actor = self.params(), self.ctx.actor

        def work(uow) -> int:
            return count(uow, ledger_selection(uow, actor, street=params.street, department=params.department,
                                               date_from=params.date_from, date_to=params.date_to,
                                               status=params.status).query)

        self.ctx.ops.run(work, self._on_counted, self._on_count_failed, write=False)

    def _on_counted(self, rows: int) -> None:
        pages = 1 + max(0, -(-(rows - LEDGER_FIRST_PAGE_ROWS) // LEDGER_ROWS_PER_PAGE))
        self.info.setText(self.tr("{0} hazards, about {1} landscape pages.").format(f"{rows:,}", pages)
                          if rows else self.tr("No hazard matches this filter."))

    def _on_count_failed(self, error: DomainError) -> None:
        self.info.setText(getattr(error, "message", str(error)))

    def _chosen(self, combo: QComboBox) -> str | None:
        """The picked name, or the typed text (the service refuses an unknown one by name)."""
        text = combo.currentText().strip()
        index = combo.currentIndex()
        if index >= 0 and combo.itemText(index) == combo.currentText():
            return combo.itemData(index)
        return text or None

    def params(self) -> LedgerParams:
        dated = self.dated.isChecked()
        return LedgerParams(self._chosen(self.street), self._chosen(self.department),
                            self.date_from.date().toPython() if dated else None,
                            self.date_to.date().toPython() if dated else None, self.status.currentData())

    def suggested_name(self) -> str:
        return f"隐患排查治理台账-{self._chosen(self.street) or '全区'}.pdf"


class IncidentForm(ReportForm):
    """One incident: picked from the latest calls, or typed as its number or code."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.incident = QComboBox()
        self.incident.setObjectName("incidentPicker")
        self.incident.setEditable(True)
        self.incident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.incident.lineEdit().setPlaceholderText(self.tr("Loading incidents…"))
        self.incident.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.incident.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        info = _info()
        info.setText(self.tr("Timeline, units dispatched, response times against the targets, hand-over and closure."))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Incident:"), self.incident)
        form.addRow(info)
        self.incident.editTextChanged.connect(lambda _: self.changed.emit())
        ctx.ops.run(lambda uow: list_incidents(uow, IncidentFilter(limit=300)), self._on_loaded,
                    lambda e: info.setText(str(e)), write=False)

    def _on_loaded(self, rows) -> None:
        self.incident.blockSignals(True)
        for r in rows:
            when = local_time(r.reported_at).strftime("%m-%d %H:%M")
            self.incident.addItem(f"{r.code}  {when}  {labels.incident_type(r.type)}  {r.address}", r.code)
        self.incident.lineEdit().setPlaceholderText(self.tr("Number or code, e.g. JQ000123"))
        self.incident.setCurrentIndex(0 if rows else -1)
        self.incident.blockSignals(False)

    def select(self, code: str) -> None:
        index = self.incident.findData(code)
        self.incident.setCurrentIndex(index)
        if index < 0:
            self.incident.setEditText(code)

    def params(self) -> IncidentParams:
        index = self.incident.currentIndex()
        if index >= 0 and self.incident.itemText(index) == self.incident.currentText():
            return IncidentParams(self.incident.itemData(index))
        return IncidentParams(self.incident.currentText().strip().split(" ")[0])

    def suggested_name(self) -> str:
        return f"突发事件处置情况报告-{self.params().incident or '警情'}.pdf"
