"""The Dashboard screen (态势看板): a wall display of the live situation.

Figures come from `services.dashboard` off the GUI thread. The feed keeps them live: changes to
hazards, incidents, the squad, grids or enterprises are gathered for DEBOUNCE_MS, then only the
figures they touch are recomputed (on a worker) and fed to the existing chart items (setData /
setOpts: a plot is never rebuilt). One read at a time; what arrives meanwhile waits for the
next. A time-range selector (7 / 30 / 90 / 365 days, or custom dates) reloads the series.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.domain.hazard_terms import district_today, local_time
from desktop.services import dashboard as dash
from desktop.views.dashboard_board import DashboardBoard

DEBOUNCE_MS = 300       # gather a burst of changes into one refresh
CLOCK_MS = 60_000       # look for a new district day once a minute
DEFAULT_DAYS = 30
CUSTOM = -1

STYLE = """
DashboardScreen { background: #0b1622; }
QLabel { color: #d7e6f3; }
QLabel#dashTitle { font-size: 22px; font-weight: bold; color: #e3f2fd; letter-spacing: 2px; }
QLabel#dashUpdated, QLabel#dashRange { color: #8aa4bb; font-size: 13px; }
QFrame#chartPanel { background: #12263a; border: 1px solid #1f3b57; border-radius: 6px; }
QLabel#chartTitle { color: #9fd3ff; font-size: 15px; font-weight: bold; }
QLabel#chartKey { color: #9fb7cc; font-size: 12px; }
QFrame[tile="true"] { background: #12263a; border: 1px solid #1f3b57; border-top: 3px solid #1e88e5;
                      border-radius: 6px; }
QFrame[tile="true"]:hover { border-color: #4fc3f7; }
QLabel#tileTitle { color: #9fb7cc; font-size: 14px; }
QLabel#tileValue { font-size: 36px; font-weight: bold; }
QLabel#tileDetail { color: #7f9bb3; font-size: 12px; }
QLabel#ratioLabel { font-size: 14px; }
QLabel#ratioText { color: #8aa4bb; font-size: 12px; min-width: 64px; }
QProgressBar { background: #0e1d2c; border: 1px solid #27445f; border-radius: 4px; color: #ffffff;
               min-height: 20px; text-align: center; font-weight: bold; }
QComboBox, QDateEdit { background: #12263a; color: #d7e6f3; border: 1px solid #27445f; padding: 3px 8px;
                       border-radius: 3px; font-size: 13px; }
QComboBox QAbstractItemView { background: #12263a; color: #d7e6f3; selection-background-color: #1e88e5; }
"""


class DashboardScreen(QWidget):
    drill_requested = Signal(object)  # dash.Drill: open the list behind a clicked figure
    refreshed = Signal(object)        # dash.Figures, once shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: dash.Figures | None = None
        self.period = dash.Period.last(DEFAULT_DAYS)
        self._days: int | None = DEFAULT_DAYS   # None: a custom range
        self._pending = dash.Touched()
        self._gen = 0
        self._busy = False
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.board = DashboardBoard()
        self.board.drill.connect(self.drill_requested)
        self._build_header()
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 10, 12, 10)
        col.setSpacing(10)
        col.addLayout(self.header)
        col.addWidget(self.board, 1)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self._refresh_touched)
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()
        QShortcut(QKeySequence("F5"), self, activated=self.reload,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.sync.changes_committed.connect(self._on_changes)
        self.reload()

    def _build_header(self) -> None:
        title = QLabel(self.tr("Safety situation · live"))
        title.setObjectName("dashTitle")
        self.range = QComboBox()
        self.range.setObjectName("dashRangeBox")
        self.range.setToolTip(self.tr("The period of the series and the period figures"))
        for days in dash.RANGES:
            self.range.addItem(self.tr("Last %n day(s)", "", days), days)
        self.range.addItem(self.tr("Custom…"), CUSTOM)
        self.range.setCurrentIndex(dash.RANGES.index(DEFAULT_DAYS))
        self.range.currentIndexChanged.connect(self._on_range)
        today = QDate(district_today())
        self.date_from, self.date_to = QDateEdit(today.addDays(-DEFAULT_DAYS + 1)), QDateEdit(today)
        for edit, name in ((self.date_from, "dashFrom"), (self.date_to, "dashTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_custom_dates)
        self.range_label = QLabel()
        self.range_label.setObjectName("dashRange")
        self.updated = QLabel(self.tr("Loading…"))
        self.updated.setObjectName("dashUpdated")
        self.header = QHBoxLayout()
        self.header.addWidget(title)
        self.header.addSpacing(16)
        self.header.addWidget(self.range_label)
        self.header.addStretch(1)
        for w in (self.updated, self.range, self.date_from, self.date_to):
            self.header.addWidget(w)

    # -- the period -----------------------------------------------------------------------------------
    def set_range(self, days: int) -> None:
        """The last `days` district days, today included."""
        self._days = days
        self.period = dash.Period.last(days)
        self._show_choice(days)
        self.reload()

    def set_custom_range(self, start, end) -> None:
        """Days start..end (dates, either order)."""
        self._days = None
        self.period = dash.Period(min(start, end), max(start, end))
        self._show_choice(CUSTOM)
        self.reload()

    def _show_choice(self, data: int) -> None:
        """The selector shows the range (also when it was set from code)."""
        self.range.blockSignals(True)
        self.range.setCurrentIndex(self.range.findData(data))
        self.range.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.setVisible(data == CUSTOM)

    def _on_range(self) -> None:
        days = self.range.currentData()
        custom = days == CUSTOM
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        if custom:
            self._on_custom_dates()
        else:
            self.set_range(days)

    def _on_custom_dates(self) -> None:
        if self.range.currentData() == CUSTOM:
            try:
                self.set_custom_range(self.date_from.date().toPython(), self.date_to.date().toPython())
            except DomainError as exc:
                self.updated.setText(exc.message)

    def _on_clock(self) -> None:
        if self.figures is not None and district_today() != self.figures.today:
            if self._days is not None:
                self.period = dash.Period.last(self._days)
            self.reload()

    # -- reading ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Every figure for the current period (what came before is dropped)."""
        self._gen += 1
        self._pending = dash.Touched()
        self._debounce.stop()
        period = self.period
        self.range_label.setText(f"{period.start.isoformat()} – {period.end.isoformat()}")
        self.updated.setText(self.tr("Loading…"))
        self._start(lambda uow: dash.load(uow, period))

    def _on_changes(self, changes: Changes) -> None:
        touched = dash.Touched.of(changes.items)
        if touched:
            self._pending = self._pending | touched
            self._debounce.start()

    def _refresh_touched(self) -> None:
        if self._busy or self.figures is None or not self._pending:
            return  # the read in flight looks at _pending when it ends
        previous, touched = self.figures, self._pending
        self._pending = dash.Touched()
        self._start(lambda uow: dash.refresh(uow, previous, touched))

    def _start(self, fn: Callable[[Any], dash.Figures]) -> None:
        self._busy = True
        gen = self._gen

        def done(figures: dash.Figures) -> None:
            if shiboken6.isValid(self) and gen == self._gen:
                self._busy = False
                self.show_figures(figures)
                if self._pending:
                    self._debounce.start()

        def failed(err: DomainError) -> None:
            if shiboken6.isValid(self) and gen == self._gen:
                self._busy = False
                self.updated.setText(err.message)

        self.ctx.ops.run(fn, on_done=done, on_error=failed, write=False)

    def show_figures(self, figures: dash.Figures) -> None:
        self.figures = figures
        self.board.show_figures(figures)
        self.updated.setText(self.tr("Updated {0}").format(local_time(figures.at).strftime("%H:%M:%S")))
        self.refreshed.emit(figures)

    @property
    def busy(self) -> bool:
        """True until the first figures are shown (--exit-when-ready waits) and while reading."""
        return self._busy or self.figures is None
