"""A grid's card: the posting information (一格一员) plus what lies inside the grid."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.services.grids import GridDetail


class GridCard(QWidget):
    navigate = Signal(int)  # a grid id the user clicked (parent chain, child grid)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: GridDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("gridTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.chain = QLabel()
        self.chain.setObjectName("gridChain")
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.chain.linkActivated.connect(lambda href: self.navigate.emit(int(href)))
        self.fields: dict[str, QLabel] = {}
        info = QGroupBox(self.tr("Posting information"))
        form = QFormLayout(info)
        for key, text in (
            ("code", self.tr("Code")),
            ("level", self.tr("Level")),
            ("officer", self.tr("Responsible officer")),
            ("phone", self.tr("Phone")),
            ("employment", self.tr("Full / part-time")),
            ("duties", self.tr("Duties")),
            ("unit", self.tr("Responsible unit")),
            ("department", self.tr("Department")),
            ("area", self.tr("Area")),
        ):
            label = QLabel()
            label.setObjectName(f"field_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.fields[key] = label
            form.addRow(text, label)
        self.enterprises = self._table([self.tr("Enterprise"), self.tr("Industry"), self.tr("Risk")])
        self.enterprises.setObjectName("gridEnterprises")
        self.children_table = self._table([self.tr("Code"), self.tr("Grid"), self.tr("Level")])
        self.children_table.setObjectName("gridChildren")
        self.children_table.cellDoubleClicked.connect(self._on_child)
        self.ent_box = QGroupBox()
        QVBoxLayout(self.ent_box).addWidget(self.enterprises)
        self.child_box = QGroupBox()
        QVBoxLayout(self.child_box).addWidget(self.children_table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.chain)
        layout.addWidget(info)
        layout.addWidget(self.ent_box, 1)
        layout.addWidget(self.child_box, 1)
        self.clear()

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setStretchLastSection(True)
        t.setColumnWidth(0, 260)
        t.setColumnWidth(1, 160)
        return t

    def clear(self) -> None:
        self.detail = None
        self.title.setText(f"<h3>{escape(self.tr('Select a grid'))}</h3>")
        self.chain.setText("")
        for label in self.fields.values():
            label.setText("")
        self.enterprises.setRowCount(0)
        self.children_table.setRowCount(0)
        self.ent_box.setTitle(self.tr("Enterprises inside"))
        self.child_box.setTitle(self.tr("Child grids"))

    def show_detail(self, d: GridDetail) -> None:
        self.detail = d
        self.title.setText(f"<h3>{escape(d.name)}</h3>")
        links = [f'<a href="{p.id}">{escape(p.name)}</a>' for p in d.parents]
        self.chain.setText(" › ".join([*links, escape(d.name)]))
        f = self.fields
        f["code"].setText(d.code)
        f["level"].setText(labels.grid_level(d.level) + (f" · {labels.street_kind(d.street_kind)}"
                                                          if d.street_kind else ""))
        o = d.officer
        f["officer"].setText(o.name if o else self.tr("(none: assign an officer)"))
        f["phone"].setText(o.phone if o else "")
        f["employment"].setText(labels.employment(o.employment) if o else "")
        f["duties"].setText(o.duties if o else "")
        f["unit"].setText(d.responsible_unit)
        f["department"].setText(d.department or "")
        f["area"].setText(self.tr("{km2} km²").format(km2=f"{d.area_km2:.2f}") if d.area_km2 else "")
        self.enterprises.setRowCount(len(d.enterprises))
        for r, e in enumerate(d.enterprises):
            risk_item = QTableWidgetItem(labels.risk(e.risk))
            risk_item.setForeground(labels.RISK_COLOURS[e.risk])
            for c, item in enumerate((QTableWidgetItem(e.name), QTableWidgetItem(e.industry), risk_item)):
                self.enterprises.setItem(r, c, item)
        self.ent_box.setTitle(self.tr("Enterprises inside ({n})").format(n=len(d.enterprises)))
        self.children_table.setRowCount(len(d.children))
        for r, g in enumerate(d.children):
            code = QTableWidgetItem(g.code)
            code.setData(Qt.ItemDataRole.UserRole, g.id)
            for c, item in enumerate((code, QTableWidgetItem(g.name), QTableWidgetItem(labels.grid_level(g.level)))):
                self.children_table.setItem(r, c, item)
        self.child_box.setTitle(self.tr("Child grids ({n})").format(n=len(d.children)))

    def _on_child(self, row: int, _col: int) -> None:
        item = self.children_table.item(row, 0)
        if item is not None:
            self.navigate.emit(item.data(Qt.ItemDataRole.UserRole))
