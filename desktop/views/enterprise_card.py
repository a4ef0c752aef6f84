"""An enterprise's card: identity, place, supervision (with 抄告属地) and its grid officer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import labels
from desktop.models.enterprise_table import GAP_COLOUR
from desktop.services.enterprises import EnterpriseCard
from desktop.widgets.risk_badge import RiskBadge


class EnterpriseCardPanel(QFrame):
    """The selected enterprise's card: identity, place, supervision and its grid officer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enterpriseCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card: EnterpriseCard | None = None
        self.title = QLabel()
        self.title.setObjectName("enterpriseCardTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.risk = RiskBadge()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("enterpriseCardNote")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in self._captions().items():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(caption, value)
        self._form = form
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.risk, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addStretch(1)
        self.clear()

    def _captions(self) -> dict[str, str]:
        return {
            "credit_code": labels.field("credit_code"), "address": labels.field("address"),
            "coordinates": self.tr("Coordinates"), "industry": labels.field("industry"),
            "scale": self.tr("Scale"), "tier": self.tr("Supervision"),
            "lead": self.tr("Lead department"), "copied": self.tr("Copied to street"),
            "place": self.tr("Street / community"), "grid": self.tr("Grid"),
            "grid_code": self.tr("Grid code"),
            "officer": labels.field("officer"), "phone": labels.field("officer_phone"),
        }

    def clear(self, note: str = "") -> None:
        self.card = None
        self.title.setText(self.tr("No enterprise selected"))
        self.risk.set_level(None)
        self.risk.setVisible(False)
        self.note.setText(note or self.tr("Select an enterprise in the list to see its card."))
        self.note.setVisible(True)
        self._set_form_visible(False)

    def show_message(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_card(self, card: EnterpriseCard) -> None:
        self.card = card
        row = card.row
        self.title.setText(row.name)
        self.risk.set_level(row.risk)
        self.risk.setVisible(True)
        self.show_message("")
        f = self.fields
        f["credit_code"].setText(row.credit_code)
        f["address"].setText(card.address or "—")
        f["coordinates"].setText(f"{card.lon:.6f}, {card.lat:.6f}")
        f["industry"].setText(row.industry)
        f["scale"].setText(labels.scale(row.scale))
        f["tier"].setText(labels.tier(row.tier))
        gap = not row.lead_department
        f["lead"].setText(self.tr("None: supervision gap") if gap else row.lead_department)
        f["lead"].setStyleSheet(f"color: {GAP_COLOUR.name()}; font-weight: bold;" if gap else "")
        f["copied"].setText(card.copied_to_street or "")
        f["place"].setText(f"{row.street} / {row.community}")
        f["grid"].setText(card.grid_name)
        f["grid_code"].setText(row.grid_code)
        f["officer"].setText(card.grid_officer or self.tr("No officer posted"))
        f["phone"].setText(card.grid_officer_phone or "—")
        self._set_form_visible(True)
        self._form.setRowVisible(f["copied"], card.copied_to_street is not None)

    def row_visible(self, key: str) -> bool:
        return self._form.isRowVisible(self.fields[key])

    def _set_form_visible(self, visible: bool) -> None:
        for value in self.fields.values():
            self._form.setRowVisible(value, visible)
