"""The "Responsibility boundaries" tab (责任边界): every industry's lead department, edited in place.

Administrators pick a department and a note for the selected industry and save; a deletion asks
first and can be undone from the message bar. Everyone else sees the same table read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop import labels
from desktop.context import AppContext
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ConflictError, DomainError, ValidationError
from desktop.models.rule_table import RuleTableModel
from desktop.services import rules
from desktop.services.common import Permission
from desktop.services.reference import Choice
from desktop.services.rules import RuleRow
from desktop.views.admin_message import Kind, MessageBar

NOTE_MAX = 500  # BoundaryRule.note


class RulesTab(QWidget):
    changed = Signal()  # a write succeeded or was refused as stale: the data needs reloading

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.EDIT_RULES)
        self.model = RuleTableModel(self)
        self._editing: RuleRow | None = None  # the row as it was when the form was filled
        self._busy = False

        intro = QLabel(self.tr(
            "Each industry's lead supervising department. Every enterprise and hazard is routed by "
            "these rules; an industry without a rule is a supervision gap."))
        intro.setWordWrap(True)
        self.read_only_notice = QLabel(self.tr(
            "Read-only: only administrators can change responsibility boundaries."))
        self.read_only_notice.setObjectName("readOnlyNotice")
        self.read_only_notice.setStyleSheet("color: #5d4300;")
        self.read_only_notice.setVisible(not self.can_edit)
        self.summary = QLabel()
        self.message = MessageBar(self)

        self.table = QTableView()
        self.table.setObjectName("ruleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RuleTableModel.CODE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for col, width in ((RuleTableModel.CODE, 70), (RuleTableModel.INDUSTRY, 220),
                           (RuleTableModel.DEPARTMENT, 200), (RuleTableModel.ENTERPRISES, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(RuleTableModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        # Ops reports unexpected failures only through `failed`, never to on_error: without this
        # the form would stay disabled after one.
        ctx.ops.failed.connect(self._on_ops_failed)
        self.table.doubleClicked.connect(lambda _i: self.department.setFocus())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.read_only_notice)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_editor())
        self._update_buttons()

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rule for the selected industry"))
        self.industry_label = QLabel(self.tr("Select an industry in the table."))
        self.industry_label.setObjectName("editorIndustry")
        self.department = QComboBox()
        self.department.setObjectName("departmentPicker")
        self.department.setPlaceholderText(self.tr("Choose the lead department…"))
        self.department.setMinimumContentsLength(16)
        self.note = QLineEdit()
        self.note.setObjectName("ruleNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Why this department (optional)"))
        self.save_button = QPushButton(self.tr("Save rule"))
        self.save_button.setObjectName("saveRule")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.delete_button = QPushButton(self.tr("Delete rule…"))
        self.delete_button.setObjectName("deleteRule")
        self.department.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.note.textChanged.connect(lambda _t: self._update_buttons())
        self.note.returnPressed.connect(self._on_save)
        self.save_button.clicked.connect(self._on_save)
        self.revert_button.clicked.connect(lambda: self._fill_editor(self.current_row()))
        self.delete_button.clicked.connect(self._on_delete)
        save = QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if not self.can_edit:
            why = self.tr("Only administrators can change responsibility boundaries.")
            for w in (self.department, self.note, self.save_button, self.revert_button, self.delete_button):
                w.setEnabled(False)
                w.setToolTip(why)
        form = QFormLayout()
        form.addRow(self.tr("Industry"), self.industry_label)
        form.addRow(self.tr("Lead department"), self.department)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(box)
        outer.addLayout(form)
        outer.addLayout(buttons)
        return box

    # -- data ------------------------------------------------------------------------------
    def set_data(self, rows: list[RuleRow], departments: tuple[Choice, ...]) -> None:
        """New rows from a (re)load: keep the selection, and the form unless it holds edits."""
        keep = self.current_industry()
        self._set_departments(departments)
        self.model.set_rows(rows)
        if keep is not None and self.current_industry() != keep:
            self.select_industry(keep)
        gaps = self.model.gap_count()
        self.summary.setText(self.tr("{n} industries, {gaps} without a rule").format(n=len(rows), gaps=gaps))
        self.summary.setStyleSheet("color: #c62828;" if gaps else "")
        if not self._dirty():
            self._fill_editor(self.current_row())
        self._update_buttons()

    def _set_departments(self, departments: tuple[Choice, ...]) -> None:
        current = [(self.department.itemData(i), self.department.itemText(i)) for i in range(self.department.count())]
        if current == [(d.id, d.name) for d in departments]:
            return
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        for d in departments:
            self.department.addItem(d.name, d.id)
        self.department.setCurrentIndex(self.department.findData(chosen) if chosen is not None else -1)
        self.department.blockSignals(False)

    def current_row(self) -> RuleRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def current_industry(self) -> int | None:
        row = self.current_row()
        return row.industry_id if row is not None else None

    def select_industry(self, industry_id: int) -> bool:
        row = self.model.row_of(industry_id)
        if row < 0:
            return False
        index = self.model.index(row, RuleTableModel.INDUSTRY)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    # -- the form --------------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._fill_editor(self.model.row_at(current.row()))

    def _fill_editor(self, row: RuleRow | None) -> None:
        self._editing = row
        self.department.blockSignals(True)
        self.note.blockSignals(True)
        if row is None:
            self.industry_label.setText(self.tr("Select an industry in the table."))
            self.industry_label.setStyleSheet("")
            self.department.setCurrentIndex(-1)
            self.note.clear()
        else:
            text = f"{row.industry}  ({row.industry_code})"
            if row.department_id is None:
                text += "  —  " + self.tr("no rule — supervision gap")
            self.industry_label.setText(text)
            self.industry_label.setStyleSheet("color: #c62828;" if row.department_id is None else "")
            self.department.setCurrentIndex(
                -1 if row.department_id is None else self.department.findData(row.department_id))
            self.note.setText(row.note)
        self.department.blockSignals(False)
        self.note.blockSignals(False)
        self._update_buttons()

    def _dirty(self) -> bool:
        row = self._editing
        if row is None:
            return False
        return self.department.currentData() != row.department_id or self.note.text().strip() != row.note

    def _update_buttons(self) -> None:
        if not self.can_edit:
            return
        row = self._editing
        idle = not self._busy and row is not None
        self.department.setEnabled(idle)
        self.note.setEnabled(idle)
        self.save_button.setEnabled(idle and self.department.currentData() is not None and self._dirty())
        self.revert_button.setEnabled(idle and self._dirty())
        self.delete_button.setEnabled(idle and row is not None and row.rule_id is not None)

    def _run(self, fn: Callable[[UnitOfWork], Any], on_done: Callable[[Any], None],
             on_error: Callable[[DomainError], None]) -> None:
        self._busy = True
        self._update_buttons()

        def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if not isValid(self):  # closed while the write ran; the write itself stands
                    return
                self._busy = False
                callback(value)
                self._update_buttons()
                self.changed.emit()
            return call

        self.ctx.ops.run(fn, finish(on_done), finish(on_error))

    def _on_ops_failed(self, _message: str) -> None:
        if self._busy:
            self._busy = False
            self._update_buttons()
            self.changed.emit()

    # -- save, delete, undo ----------------------------------------------------------------
    def _on_save(self) -> None:
        row = self._editing
        dept_id = self.department.currentData()
        if not self.can_edit or self._busy or row is None or dept_id is None or not self._dirty():
            return
        actor, note, version = self.ctx.actor, self.note.text().strip(), row.version
        dept_name = self.department.currentText()

        def done(moved: int) -> None:
            self._editing = None  # the reload refills the form with the saved rule
            self.message.show_message(self.tr(
                "Saved: {industry} → {department}. {n} enterprises re-routed.").format(
                industry=row.industry, department=dept_name, n=moved))

        self._run(lambda uow: rules.set_rule(uow, actor, row.industry_id, dept_id, note,
                                                 expected_version=version if version is not None else rules.NO_RULE),
                  done, lambda err: self._on_error(row, err))

    def _on_delete(self) -> None:
        row = self._editing
        if not self.can_edit or self._busy or row is None or row.rule_id is None or row.department_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete rule"),
            self.tr("Delete the rule “{industry} → {department}”?\n\nIts {n} enterprises will have no "
                    "lead department — a supervision gap — until a new rule is set.").format(
                industry=row.industry, department=row.department, n=row.enterprise_count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, dept_id, dept_name, note = self.ctx.actor, row.department_id, row.department, row.note

        def restore() -> None:
            def restored(moved: int) -> None:
                self._editing = None
                self.message.show_message(self.tr(
                    "Restored: {industry} → {department}. {n} enterprises re-routed.").format(
                    industry=row.industry, department=dept_name, n=moved))

            self._run(lambda uow: rules.set_rule(uow, actor, row.industry_id, dept_id, note,
                                                     expected_version=rules.NO_RULE),
                      restored, lambda err: self._on_error(row, err))

        def done(moved: int) -> None:
            self._editing = None
            self.message.show_message(self.tr(
                "Deleted the rule for {industry}; {n} enterprises now have no lead department.").format(
                industry=row.industry, n=moved), Kind.WARNING, undo=restore)

        self._run(lambda uow: rules.delete_rule(uow, actor, row.industry_id, expected_version=row.version),
                  done, lambda err: self._on_error(row, err))

    def _on_error(self, row: RuleRow, err: DomainError) -> None:
        stale = isinstance(err, ConflictError) or (isinstance(err, ValidationError) and err.field == "rule")
        if stale:
            self._editing = None  # drop the stale form: the reload shows what is there now
            text = self.tr("Someone else changed the rule for {industry} meanwhile, so nothing was saved. "
                           "The table now shows the current rule; check it and try again.").format(
                industry=row.industry)
        elif isinstance(err, ValidationError):
            text = self.tr("Not saved — {field}: {reason}").format(field=labels.field(err.field), reason=err.reason)
        else:
            text = self.tr("Not saved: {reason}").format(reason=err.message)
        self.message.show_message(text, Kind.ERROR)
