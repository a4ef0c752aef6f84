"""The Reports screen's registry: each report kind's name, description and parameter form.

A report kind is registered twice, once per side: its Qt-free part (params, CLI options, the
builder) in `desktop.reports.kinds`, and here its label and form. To add one:

    class DailyForm(ReportForm):           # widgets for the date / shift
        def params(self) -> DailyParams: ...
        def suggested_name(self) -> str: ...

    ReportEntry("daily", lambda: QCoreApplication.translate("ReportForms", "Duty daily report"),
                lambda: QCoreApplication.translate("ReportForms", "..."), DailyForm)

and add the entry to `report_entries()`. The screen does the rest (running the builder off the
GUI thread with progress and cancel, the preview, printing, saving).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.posting import PostingSelection
from desktop.reports.kinds import PostingParams
from desktop.services import grids, postings


class ReportForm(QWidget):
    """A report's parameters. `params()` returns the kind's params object (the service refuses
    bad values, naming the field); `changed` fires when the user edits anything."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def params(self) -> Any:
        raise NotImplementedError

    def suggested_name(self) -> str:
        """A file name for "Save as…"."""
        raise NotImplementedError


@dataclass(frozen=True)
class ReportEntry:
    key: str                                                    # as in desktop.reports.kinds
    label: Callable[[], str]                                    # translated, for the list
    description: Callable[[], str]
    form: Callable[[AppContext, QWidget | None], ReportForm]


def report_entries() -> tuple[ReportEntry, ...]:
    from desktop.views.report_forms_duty import DailyForm, IncidentForm, LedgerForm  # (imports ReportForm)

    return (
        ReportEntry(
            "posting",
            lambda: QCoreApplication.translate("ReportForms", "Grid-officer posting sheets"),
            lambda: QCoreApplication.translate(
                "ReportForms",
                "One A4 sheet per grid for public posting: its officer, phone (with a QR code), duties, responsible unit and supervising department."),
            PostingForm,
        ),
        ReportEntry(
            "daily",
            lambda: QCoreApplication.translate("ReportForms", "Duty daily report"),
            lambda: QCoreApplication.translate(
                "ReportForms",
                "The situation report for a day or a duty shift: hazards found, closed off and overdue, major hazards, incidents with response times, the squad, a district map and charts."),
            DailyForm,
        ),
        ReportEntry(
            "ledger",
            lambda: QCoreApplication.translate("ReportForms", "Hazard ledger"),
            lambda: QCoreApplication.translate(
                "ReportForms",
                "The hazard ledger for any street, department, period and status: landscape A4, one row per hazard, the header on every page."),
            LedgerForm,
        ),
        ReportEntry(
            "incident",
            lambda: QCoreApplication.translate("ReportForms", "Incident report"),
            lambda: QCoreApplication.translate(
                "ReportForms",
                "One incident from the call to its closure: timeline, units dispatched, response times against the targets, hand-over."),
            IncidentForm,
        ),
    )


class PostingForm(ReportForm):
    """Which grids: the whole district, a community with every grid below it, or one grid."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._total = 0
        self.all_radio = QRadioButton(self.tr("All grids of the district"))
        self.community_radio = QRadioButton(self.tr("A community and every grid below it"))
        self.grid_radio = QRadioButton(self.tr("One grid"))
        self.scope = QButtonGroup(self)
        for i, b in enumerate((self.all_radio, self.community_radio, self.grid_radio)):
            self.scope.addButton(b, i)
        self.community_radio.setChecked(True)

        self.community = QComboBox()
        self.community.setObjectName("communityPicker")
        self.community.setEditable(True)
        self.community.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.community.lineEdit().setPlaceholderText(self.tr("Loading communities…"))
        completer = self.community.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

        self.grid = QLineEdit()
        self.grid.setObjectName("gridPicker")
        self.grid.setPlaceholderText(self.tr("Grid code or name, e.g. QS-01-01-01"))
        self._hits = QStringListModel(self)
        grid_completer = QCompleter(self._hits, self)
        grid_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.grid.setCompleter(grid_completer)
        self._search = QTimer(self, singleShot=True, interval=250)
        self._search.timeout.connect(self._on_search)
        self.grid.textEdited.connect(lambda _: self._search.start())

        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("postingDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.info = QLabel()
        self.info.setObjectName("postingInfo")
        self.info.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Grid:"), self.grid)
        form.addRow(self.tr("Date printed:"), self.date)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for b in (self.all_radio, self.community_radio, self.grid_radio):
            layout.addWidget(b)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addStretch(1)

        self.scope.idToggled.connect(lambda _id, on: on and self._on_scope())
        self.community.currentIndexChanged.connect(lambda _: self._on_scope())
        self.community.editTextChanged.connect(lambda _: self.changed.emit())
        self.grid.textChanged.connect(lambda _: self._on_scope())
        self.date.dateChanged.connect(lambda _: self.changed.emit())
        self._on_scope()
        actor = ctx.actor
        ctx.ops.run(lambda uow: (postings.posting_communities(uow, actor), postings.grid_count(uow)),
                    self._on_loaded, self._on_load_failed, write=False)

    # -- loading ------------------------------------------------------------------------------
    def _on_loaded(self, result: tuple[list[postings.CommunityChoice], int]) -> None:
        communities, self._total = result
        self.community.blockSignals(True)
        self.community.clear()
        for c in communities:
            self.community.addItem(f"{c.name}（{c.code}）· {c.street}", c.code)
            self.community.setItemData(self.community.count() - 1, c.sheet_count, Qt.ItemDataRole.UserRole + 1)
        self.community.lineEdit().setPlaceholderText(self.tr("Type to filter communities"))
        self.community.setCurrentIndex(0 if communities else -1)
        self.community.blockSignals(False)
        self._refresh()  # not `changed`: the user edited nothing (a message must stay up)

    def _on_load_failed(self, error: Exception) -> None:
        self.info.setText(self.tr("Could not load the communities: {0}").format(error))

    def _on_search(self) -> None:
        text = self.grid.text().strip()
        if not text:
            return
        self.ctx.ops.run(lambda uow: grids.search_grids(uow, text, 30),
                         lambda hits: self._hits.setStringList([f"{h.code} {h.name}" for h in hits]),
                         write=False)

    # -- state ------------------------------------------------------------------------------------
    def _on_scope(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        self.community.setEnabled(self.community_radio.isChecked())
        self.grid.setEnabled(self.grid_radio.isChecked())
        if self.all_radio.isChecked():
            self.info.setText(self.tr("{0} sheets, one A4 page per grid.").format(self._total)
                              if self._total else "")
        elif self.community_radio.isChecked():
            count = self.community.currentData(Qt.ItemDataRole.UserRole + 1)
            self.info.setText(self.tr("{0} sheets: the community and every grid below it.").format(count)
                              if count else "")
        else:
            self.info.setText(self.tr("One sheet."))

    def select_community(self, code: str) -> None:
        self.community_radio.setChecked(True)
        index = self.community.findData(code)
        self.community.setCurrentIndex(index)
        if index < 0:
            self.community.setEditText(code)

    def params(self) -> PostingParams:
        on = self.date.date().toPython()
        if self.all_radio.isChecked():
            return PostingParams(PostingSelection(all=True), on)
        if self.community_radio.isChecked():
            text = self.community.currentText().strip()
            index = self.community.currentIndex()
            chosen = index >= 0 and self.community.itemText(index) == self.community.currentText()
            return PostingParams(PostingSelection(community=self.community.itemData(index) if chosen else text), on)
        text = self.grid.text().strip()
        return PostingParams(PostingSelection(grid=text.split()[0] if " " in text else text), on)

    def suggested_name(self) -> str:
        if self.all_radio.isChecked():
            scope = "全区"
        elif self.community_radio.isChecked():
            scope = self.community.currentText().split("（")[0].strip() or "社区"
        else:
            scope = self.grid.text().strip().split(" ")[0] or "网格"
        return f"网格员公示牌-{scope}.pdf"
