"""Training and drills: the sessions (newest first) with each one's results, recording a session
with a result per member, and the quarterly assessment table (每季一考核)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formats as fmt
from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.domain.training import TrainingKind, TrainingResult, quarter_of
from desktop.models.simple_table import RIGHT, Column, SimpleTableModel
from desktop.services import training
from desktop.services.common import Permission
from desktop.services.squad import MemberRow
from desktop.services.training import MemberAssessment, RecordRow, SessionDetail, SessionInput, SessionRow
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board import table
from desktop.views.dispatch.dialog_buttons import dialog_buttons, ok_text
from desktop.views.dispatch.messages import error_text
from desktop.widgets.badges import BADGE_ROLE, BadgeDelegate

RESULT_COLOURS = {"excellent": labels.GRADE_COLOURS["excellent"], "pass": labels.GRADE_COLOURS["good"],
                  "fail": labels.GRADE_COLOURS["unqualified"], "absent": labels.MEMBER_STATUS_COLOURS["off_duty"]}


class TrainingTab(QWidget):
    def __init__(self, ctx: AppContext, members: Callable[[], list[MemberRow]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members = members  # () -> list[MemberRow], from the board
        self.sessions: SimpleTableModel[SessionRow] = SimpleTableModel([
            Column(self.tr("Date"), lambda r: fmt.day(r.held_on)),
            Column(self.tr("Kind"), lambda r: labels.training_kind(r.kind), bold=lambda r: r.kind == "drill"),
            Column(self.tr("Subject"), lambda r: r.subject),
            Column(self.tr("Sub-squad"), lambda r: r.sub_squad or self.tr("whole squad")),
            Column(self.tr("Hours"), lambda r: f"{r.minutes / 60:.1f}", align=RIGHT),
            Column(self.tr("Attended"), lambda r: f"{r.attended}/{r.attended + r.absent}", align=RIGHT),
        ], key=lambda r: r.id, parent=self)
        self.records: SimpleTableModel[RecordRow] = SimpleTableModel([
            Column(self.tr("Call sign"), lambda r: r.call_sign),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Sub-squad"), lambda r: r.sub_squad),
            Column(self.tr("Result"), lambda r: labels.training_result(r.result),
                   roles={BADGE_ROLE: lambda r: RESULT_COLOURS.get(str(r.result))}),
        ], key=lambda r: r.member_id, parent=self)
        self.assessment: SimpleTableModel[MemberAssessment] = SimpleTableModel([
            Column(self.tr("Call sign"), lambda a: a.call_sign),
            Column(self.tr("Name"), lambda a: a.name),
            Column(self.tr("Sub-squad"), lambda a: a.sub_squad),
            Column(self.tr("Score"), lambda a: f"{a.assessment.score:.1f}", align=RIGHT,
                   sort_key=lambda a: a.assessment.score, bold=lambda a: True),
            Column(self.tr("Grade"), lambda a: labels.grade(a.assessment.grade),
                   roles={BADGE_ROLE: lambda a: labels.GRADE_COLOURS.get(str(a.assessment.grade))}),
            Column(self.tr("Hours"), lambda a: f"{a.assessment.hours:.1f} / {a.required_hours:.0f}", align=RIGHT),
            Column(self.tr("Sessions"), lambda a: str(a.assessment.sessions), align=RIGHT),
            Column(self.tr("Drills"), lambda a: str(a.assessment.drills), align=RIGHT),
            Column(self.tr("Absences"), lambda a: str(a.assessment.absences), align=RIGHT),
            Column(self.tr("Excellent / pass / fail"), lambda a: f"{a.assessment.excellent} / {a.assessment.passed}"
                   f" / {a.assessment.failed}", align=RIGHT),
        ], key=lambda a: a.member_id, parent=self)
        self._build()
        ctx.sync.changes_committed.connect(self._on_changes)
        self.reload()

    def _build(self) -> None:
        self.session_view = table("sessionTable", self.sessions)
        self.session_view.selectionModel().currentRowChanged.connect(self._on_session)
        self.record_view = table("recordTable", self.records)
        self.record_view.setItemDelegateForColumn(3, BadgeDelegate(self.record_view))
        self.assessment_view = table("assessmentTable", self.assessment)
        self.assessment_view.setItemDelegateForColumn(4, BadgeDelegate(self.assessment_view))
        self.assessment_view.setSortingEnabled(True)
        em = self.fontMetrics().horizontalAdvance("中")
        for view, widths in ((self.session_view, (6, 3, 10, 5, 3, 4)), (self.record_view, (5, 4, 5)),
                             (self.assessment_view, (5, 4, 5, 3, 4, 5, 3, 3, 3))):
            for c, chars in enumerate(widths):
                view.horizontalHeader().resizeSection(c, em * chars + 16)
        today = datetime.now(UTC).date()
        year, quarter = quarter_of(today)
        self.year = QSpinBox()
        self.year.setObjectName("assessmentYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.quarter = QComboBox()
        self.quarter.setObjectName("assessmentQuarter")
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("Quarter {q}").format(q=q), q)
        self.quarter.setCurrentIndex(quarter - 1)
        self.year.valueChanged.connect(self.reload_assessment)
        self.quarter.currentIndexChanged.connect(self.reload_assessment)
        self.record_button = QPushButton(self.tr("Record a session…"))
        self.record_button.setObjectName("recordSession")
        self.record_button.setEnabled(self.ctx.actor.can(Permission.MANAGE_SQUAD))
        self.record_button.clicked.connect(self.record_session)
        self.detail = QLabel()
        self.detail.setObjectName("sessionDetail")
        self.detail.setWordWrap(True)
        self.messages = MessageBar()
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>" + self.tr("Training sessions and drills") + "</b>"))
        top.addStretch(1)
        top.addWidget(self.record_button)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addLayout(top)
        lcol.addWidget(self.session_view, 1)
        mid = QWidget()
        mcol = QVBoxLayout(mid)
        mcol.setContentsMargins(0, 0, 0, 0)
        mcol.addWidget(self.detail)
        mcol.addWidget(self.record_view, 1)
        upper = QSplitter()
        upper.addWidget(left)
        upper.addWidget(mid)
        upper.setSizes([700, 450])
        lower = QWidget()
        bcol = QVBoxLayout(lower)
        bcol.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>" + self.tr("Quarterly assessment") + "</b>"))
        head.addWidget(self.year)
        head.addWidget(self.quarter)
        head.addStretch(1)
        bcol.addLayout(head)
        bcol.addWidget(self.assessment_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([380, 360])
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 4, 0, 0)
        col.addWidget(self.messages)
        col.addWidget(split, 1)

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        run(self, lambda uow: training.list_sessions(uow, limit=300), self._on_sessions, self._on_error,
                         write=False)
        self.reload_assessment()

    def reload_assessment(self) -> None:
        year, quarter = self.year.value(), self.quarter.currentData()
        run(self, lambda uow: training.quarterly_assessment(uow, year, quarter),
                         self.assessment.set_rows, self._on_error, write=False)

    def _on_sessions(self, rows: list[SessionRow]) -> None:
        self.sessions.set_rows(rows)
        if rows and not self.session_view.selectionModel().currentIndex().isValid():
            self.session_view.selectRow(0)

    def _on_session(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.sessions.row_at(current.row()) if current.isValid() else None
        if row is not None:
            sid = row.id
            run(self, lambda uow: training.session_detail(uow, sid), self._on_detail, self._on_error,
                             write=False)

    def _on_detail(self, d: SessionDetail) -> None:
        r = d.row
        head = f"{fmt.day(r.held_on)} {labels.training_kind(r.kind)}: {r.subject}"
        where = self.tr("{minutes} min at {place}, recorded by {who}").format(
            minutes=r.minutes, place=r.location or "—", who=d.created_by)
        self.detail.setText(f"<b>{head}</b><br>{where}" + (f"<br><i>{d.note}</i>" if d.note else ""))
        self.records.set_rows(list(d.records))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("training_session", "setting"):
            self.reload()

    def _on_error(self, err: DomainError) -> None:
        self.messages.show_message(error_text(err), Kind.ERROR)

    # -- recording --------------------------------------------------------------------------------
    def record_session(self) -> None:
        dialog = SessionDialog(self.members(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_session(*dialog.value())

    def save_session(self, data: SessionInput, attendance: dict[int, str]) -> None:
        actor = self.ctx.actor
        run(self, lambda uow: training.record_session(uow, actor, data, attendance),
                         lambda _sid: self.messages.show_message(self.tr("Session recorded: {subject}.").format(
                             subject=data.subject), Kind.INFO), self._on_error)


class SessionDialog(QDialog):
    """A session's facts and one result per member (a whole sub-squad, or the squad)."""

    def __init__(self, members: list[MemberRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a training session or drill"))
        self.all_members = members
        self.kind = QComboBox()
        for k in TrainingKind:
            self.kind.addItem(labels.training_kind(k), str(k))
        self.subject = QLineEdit()
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(120)
        self.minutes.setSuffix(self.tr(" min"))
        self.sub_squad = QComboBox()
        self.sub_squad.addItem(self.tr("Whole squad"), None)
        for sid, name in sorted({(m.sub_squad_id, m.sub_squad) for m in members}):
            self.sub_squad.addItem(name, sid)
        self.sub_squad.currentIndexChanged.connect(self._fill)
        self.location = QLineEdit()
        self.results = QTableWidget(0, 3)
        self.results.setHorizontalHeaderLabels([self.tr("Call sign"), self.tr("Name"), self.tr("Result")])
        self.results.verticalHeader().setVisible(False)
        self.results.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        form.addRow(labels.dispatch_field("kind"), self.kind)
        form.addRow(labels.dispatch_field("subject"), self.subject)
        form.addRow(labels.dispatch_field("held_on"), self.held_on)
        form.addRow(labels.dispatch_field("minutes"), self.minutes)
        form.addRow(labels.dispatch_field("sub_squad"), self.sub_squad)
        form.addRow(self.tr("Place"), self.location)
        buttons, _ok = dialog_buttons(self, ok_text())
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.results, 1)
        col.addWidget(buttons)
        self.resize(560, 620)
        self._fill()

    def _fill(self) -> None:
        sid = self.sub_squad.currentData()
        shown = [m for m in self.all_members if sid is None or m.sub_squad_id == sid]
        self.results.setRowCount(len(shown))
        for i, m in enumerate(shown):
            for c, text in enumerate((m.call_sign, m.name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.results.setItem(i, c, item)
            box = QComboBox()
            for r in TrainingResult:
                box.addItem(labels.training_result(r), str(r))
            box.setCurrentIndex(box.findData(str(TrainingResult.PASS)))
            self.results.setCellWidget(i, 2, box)

    def set_result(self, member_id: int, result: str) -> None:
        for i in range(self.results.rowCount()):
            if self.results.item(i, 0).data(Qt.ItemDataRole.UserRole) == member_id:
                box = self.results.cellWidget(i, 2)
                box.setCurrentIndex(box.findData(result))

    def value(self) -> tuple[SessionInput, dict[int, str]]:
        q = self.held_on.date()
        data = SessionInput(kind=self.kind.currentData(), subject=self.subject.text(),
                            held_on=date(q.year(), q.month(), q.day()), minutes=self.minutes.value(),
                            sub_squad_id=self.sub_squad.currentData(), location=self.location.text())
        attendance = {self.results.item(i, 0).data(Qt.ItemDataRole.UserRole): self.results.cellWidget(i, 2).currentData()
                      for i in range(self.results.rowCount())}
        return data, attendance
