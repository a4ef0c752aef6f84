"""Register a new enterprise or edit one: tier, lead department and grids are derived, not typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop import labels
from desktop.context import AppContext
from desktop.domain.enums import RiskLevel, Scale
from desktop.domain.errors import ConflictError, DomainError, ValidationError
from desktop.services import enterprises as ents
from desktop.services.reference import ReferenceLists


class EnterpriseEditDialog(QDialog):
    def __init__(self, ctx: AppContext, refs: ReferenceLists, card: ents.EnterpriseCard | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.card = card
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Edit enterprise") if card else self.tr("New enterprise"))
        row = card.row if card else None
        self.name = QLineEdit(row.name if row else "")
        self.credit_code = QLineEdit(row.credit_code if row else "")
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText("91320311XXXXXXXXXX")
        self.address = QLineEdit(card.address if card else "")
        self.lon = QLineEdit(f"{card.lon:.6f}" if card else "")
        self.lat = QLineEdit(f"{card.lat:.6f}" if card else "")
        self.lon.setPlaceholderText(self.tr("longitude, e.g. 117.16"))
        self.lat.setPlaceholderText(self.tr("latitude, e.g. 34.23"))
        self.industry = QComboBox()
        for c in refs.industries:
            self.industry.addItem(c.name, c.id)
        self.scale = QComboBox()
        for s in Scale:
            self.scale.addItem(labels.scale(s), s)
        self.risk = QComboBox()
        for r in RiskLevel:
            self.risk.addItem(labels.risk(r), r)
        if card:
            self.industry.setCurrentIndex(max(self.industry.findData(card.industry_id), 0))
            self.scale.setCurrentIndex(list(Scale).index(row.scale))
            self.risk.setCurrentIndex(list(RiskLevel).index(row.risk))
        else:
            self.scale.setCurrentIndex(list(Scale).index(Scale.SMALL))
            self.risk.setCurrentIndex(list(RiskLevel).index(RiskLevel.BLUE))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        where = QHBoxLayout()
        where.addWidget(self.lon)
        where.addWidget(self.lat)
        form = QFormLayout()
        form.addRow(labels.field("name"), self.name)
        form.addRow(labels.field("credit_code"), self.credit_code)
        form.addRow(labels.field("address"), self.address)
        form.addRow(labels.field("location"), where)
        form.addRow(labels.field("industry"), self.industry)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Risk colour"), self.risk)
        hint = QLabel(self.tr("The supervision tier, the lead department and the grids follow from these."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def data(self) -> ents.EnterpriseInput | None:
        try:
            lon, lat = float(self.lon.text().strip()), float(self.lat.text().strip())
        except ValueError:
            self.error.setText(f"{labels.field('location')}: "
                               + self.tr("longitude and latitude must be numbers"))
            return None
        return ents.EnterpriseInput(self.name.text(), self.credit_code.text(), self.address.text(), lon, lat,
                                    self.industry.currentData(), self.scale.currentData(), self.risk.currentData())

    def _save(self) -> None:
        data = self.data()
        if data is None:
            return
        actor, card = self.ctx.actor, self.card
        self.buttons.setEnabled(False)
        if card is None:
            job = lambda uow: ents.create_enterprise(uow, actor, data)  # noqa: E731
        else:
            def job(uow):
                ents.update_enterprise(uow, actor, card.row.id, data, expected_version=card.row.version)
                return card.row.id
        self.ctx.ops.run(job, self._done, self._on_error)

    def _done(self, enterprise_id: int) -> None:
        self.saved_id = enterprise_id
        self.accept()

    def _on_error(self, err: DomainError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(err, ValidationError):
            self.error.setText(f"{labels.field(err.field)}: {err.reason}")
        elif isinstance(err, ConflictError):
            self.error.setText(self.tr("Someone else changed this enterprise while you were editing. "
                                       "Close this dialog to see their version, then edit again."))
        else:
            self.error.setText(err.message)
