"""The equipment register: the four kinds per sub-squad and vehicle, state, next check; a line
is corrected in a small form (stale edits refused as conflicts)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import formats as fmt
from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import DomainError
from desktop.domain.squad import EquipmentState
from desktop.models.keyed_table import KeyedTableModel
from desktop.models.simple_table import RIGHT, Column
from desktop.services import roster
from desktop.services.common import Permission
from desktop.services.roster import EquipmentInput, EquipmentRow
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board import table
from desktop.views.dispatch.dialog_buttons import dialog_buttons, ok_text
from desktop.views.dispatch.messages import error_text
from desktop.widgets.badges import BADGE_ROLE, BadgeDelegate

STATE_COLOURS = {"ready": QColor("#2e7d32"), "in_use": QColor("#f57c00"), "maintenance": QColor("#78909c")}
DUE = QColor("#c62828")


class EquipmentTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.MANAGE_SQUAD)
        self.model: KeyedTableModel[EquipmentRow] = KeyedTableModel([
            Column(self.tr("Held by"), lambda r: r.holder, bold=lambda r: r.vehicle_id is not None),
            Column(self.tr("Kind"), lambda r: labels.equipment_kind(r.kind)),
            Column(self.tr("State"), lambda r: labels.equipment_state(r.state),
                   roles={BADGE_ROLE: lambda r: STATE_COLOURS.get(str(r.state))}),
            Column(self.tr("Count"), lambda r: str(r.count), align=RIGHT, sort_key=lambda r: r.count),
            Column(self.tr("Next check"), lambda r: ("⚠ " if r.check_due else "") + fmt.day(r.next_check),
                   foreground=lambda r: DUE if r.check_due else None, bold=lambda r: r.check_due),
            Column(self.tr("Note"), lambda r: r.note),
        ], key=lambda r: r.id, parent=self)
        self.only_due = QCheckBox(self.tr("Only checks due"))
        self.only_due.setObjectName("equipmentOnlyDue")
        self.only_due.toggled.connect(self._show)
        self.summary = QLabel()
        self.summary.setObjectName("equipmentSummary")
        self.edit_button = QPushButton(self.tr("Edit line…"))
        self.edit_button.setObjectName("editEquipment")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_selected)
        self.view = table("equipmentTable", self.model)
        self.view.setItemDelegateForColumn(2, BadgeDelegate(self.view))
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self.edit_button.setEnabled(self.can_edit and cur.isValid()))
        em = self.fontMetrics().horizontalAdvance("中")
        for col, chars in enumerate((8, 8, 5, 4, 8)):
            self.view.horizontalHeader().resizeSection(col, em * chars + 16)
        self.messages = MessageBar()
        bar = QHBoxLayout()
        bar.addWidget(self.only_due)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.edit_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 4, 0, 0)
        col.addLayout(bar)
        col.addWidget(self.messages)
        col.addWidget(self.view, 1)
        self._rows: list[EquipmentRow] = []
        ctx.sync.changes_committed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        run(self, roster.equipment_register, self._on_rows, self._on_error, write=False)

    def _on_rows(self, rows: list[EquipmentRow]) -> None:
        # Sub-squads by number (the service sorts holders by name: 第一, 第三, 第二), then vehicles.
        self._rows = sorted(rows, key=lambda r: (r.vehicle_id is not None, r.sub_squad_id or 0, r.vehicle_id or 0))
        self._show()

    def _show(self) -> None:
        rows = [r for r in self._rows if r.check_due] if self.only_due.isChecked() else self._rows
        self.model.sync_rows(rows)
        ready: dict[str, int] = {}
        for r in self._rows:
            if r.state == EquipmentState.READY:
                ready[r.kind] = ready.get(r.kind, 0) + r.count
        due = sum(1 for r in self._rows if r.check_due)
        text = self.tr("Ready in the squad: {kit}").format(
            kit="  ".join(f"{labels.equipment_kind(k)} {n}" for k, n in sorted(ready.items())))
        if due:
            text += "  ·  " + self.tr("{n} lines due for a check").format(n=due)
        self.summary.setText(text)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("equipment", "vehicle", "district"):
            self.reload()

    def _on_error(self, err: DomainError) -> None:
        self.messages.show_message(error_text(err), Kind.ERROR)

    def selected(self) -> EquipmentRow | None:
        index: QModelIndex = self.view.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None or not self.can_edit:
            return
        dialog = EquipmentDialog(row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(row, dialog.value())

    def save(self, row: EquipmentRow, data: EquipmentInput) -> None:
        actor = self.ctx.actor
        run(self, lambda uow: roster.update_equipment(uow, actor, row.id, data, expected_version=row.version),
                         lambda r: self.messages.show_message(self.tr("Saved: {holder}, {kind}.").format(
                             holder=r.holder, kind=labels.equipment_kind(r.kind)), Kind.INFO),
                         lambda err: (self._on_error(err), self.reload()))


class EquipmentDialog(QDialog):
    def __init__(self, row: EquipmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Equipment: {holder}").format(holder=row.holder))
        self.state = QComboBox()
        for s in EquipmentState:
            self.state.addItem(labels.equipment_state(s), str(s))
        self.state.setCurrentIndex(self.state.findData(str(row.state)))
        self.count = QSpinBox()
        self.count.setRange(0, 10_000)
        self.count.setValue(row.count)
        self.next_check = QDateEdit()
        self.next_check.setCalendarPopup(True)
        self.next_check.setDisplayFormat("yyyy-MM-dd")
        d = row.next_check or date.today()
        self.next_check.setDate(QDate(d.year, d.month, d.day))
        self.note = QLineEdit(row.note)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), QLabel(labels.equipment_kind(row.kind)))
        form.addRow(labels.dispatch_field("state"), self.state)
        form.addRow(labels.dispatch_field("count"), self.count)
        form.addRow(labels.dispatch_field("next_check"), self.next_check)
        form.addRow(labels.dispatch_field("note"), self.note)
        buttons, _ok = dialog_buttons(self, ok_text())
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(buttons)

    def value(self) -> EquipmentInput:
        q = self.next_check.date()
        return EquipmentInput(kind=self.row.kind, state=self.state.currentData(), count=self.count.value(),
                              sub_squad_id=self.row.sub_squad_id, vehicle_id=self.row.vehicle_id,
                              next_check=date(q.year(), q.month(), q.day()), note=self.note.text())
