"""Edit a grid's posting information: its name, responsible unit and its one officer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop import labels
from desktop.context import AppContext
from desktop.domain.enums import Employment
from desktop.domain.errors import ConflictError, DomainError, ValidationError
from desktop.services import grids


class GridEditDialog(QDialog):
    def __init__(self, ctx: AppContext, detail: grids.GridDetail, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Edit grid {code}").format(code=detail.code))
        o = detail.officer
        self.name = QLineEdit(detail.name)
        self.unit = QLineEdit(detail.responsible_unit)
        self.officer = QLineEdit(o.name if o else "")
        self.phone = QLineEdit(o.phone if o else "")
        self.employment = QComboBox()
        for e in Employment:
            self.employment.addItem(labels.employment(e), e.value)
        if o:
            self.employment.setCurrentIndex(list(Employment).index(o.employment))
        self.duties = QLineEdit(o.duties if o else grids.OfficerInput("", "").duties)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(labels.field("name"), self.name)
        form.addRow(labels.field("responsible_unit"), self.unit)
        form.addRow(labels.field("officer_name"), self.officer)
        form.addRow(labels.field("officer_phone"), self.phone)
        form.addRow(self.tr("Full / part-time"), self.employment)
        form.addRow(self.tr("Duties"), self.duties)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        d = self.detail
        officer = grids.OfficerInput(self.officer.text(), self.phone.text(),
                                     Employment(self.employment.currentData()), self.duties.text())
        name, unit = self.name.text(), self.unit.text()
        self.buttons.setEnabled(False)
        self.ctx.ops.run(
            lambda uow: grids.update_grid(uow, self.ctx.actor, d.id, expected_version=d.version,
                                          name=name, responsible_unit=unit, officer=officer),
            lambda _r: self.accept(),
            self._on_error,
        )

    def _on_error(self, err: DomainError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(err, ValidationError):
            self.error.setText(f"{labels.field(err.field)}: {err.reason}")
        elif isinstance(err, ConflictError):
            self.error.setText(self.tr("Someone else changed this grid while you were editing. "
                                       "Close this dialog to see their version, then edit again."))
        else:
            self.error.setText(err.message)
