"""The responsibility-boundary table (责任边界): every industry, its lead department or the gap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from desktop.models.simple_table import RIGHT, Column, SimpleTableModel
from desktop.services.rules import RuleRow

GAP_COLOUR = QColor("#c62828")  # the red the app already uses for errors and disconnections

# Column titles are built before the QObject exists, so they use translate() with the class name
# as context (written out literally: pyside6-lupdate only extracts literal calls).


def is_gap(row: RuleRow) -> bool:
    return row.department_id is None


def _red(row: RuleRow) -> QColor | None:
    return GAP_COLOUR if is_gap(row) else None


def _gap_tip(row: RuleRow) -> str | None:
    if not is_gap(row):
        return None
    return QCoreApplication.translate(
        "RuleTableModel",
        "No department is responsible for this industry: its {n} enterprises have no lead department.",
    ).format(n=row.enterprise_count)


class RuleTableModel(SimpleTableModel[RuleRow]):
    """Rows keyed by industry id; a row without a rule reads "no rule — supervision gap" in red."""

    CODE, INDUSTRY, DEPARTMENT, NOTE, ENTERPRISES = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        gap_text = QCoreApplication.translate("RuleTableModel", "no rule — supervision gap")
        super().__init__([
            Column(QCoreApplication.translate("RuleTableModel", "Code"), lambda r: r.industry_code,
                   foreground=_red),
            Column(QCoreApplication.translate("RuleTableModel", "Industry"), lambda r: r.industry,
                   foreground=_red, tooltip=_gap_tip),
            Column(QCoreApplication.translate("RuleTableModel", "Lead department"),
                   lambda r: r.department or gap_text, foreground=_red, tooltip=_gap_tip, bold=is_gap,
                   sort_key=lambda r: (not is_gap(r), r.department)),
            Column(QCoreApplication.translate("RuleTableModel", "Note"), lambda r: r.note,
                   tooltip=lambda r: r.note or None),
            Column(QCoreApplication.translate("RuleTableModel", "Enterprises"),
                   lambda r: str(r.enterprise_count), align=RIGHT, sort_key=lambda r: r.enterprise_count),
        ], key=lambda r: r.industry_id, parent=parent)

    def gap_count(self) -> int:
        return sum(1 for r in self.rows() if is_gap(r))
