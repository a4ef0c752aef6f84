"""The four-colour risk grade (红橙黄蓝) as a badge: a table delegate and a label, drawn by the
app's one badge painter (widgets.badges)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop import labels
from desktop.domain.enums import RiskLevel
from desktop.widgets.badges import Badge, BadgeDelegate, Index

# The role under which a model hands the delegate its RiskLevel (EnterpriseTableModel uses it).
RISK_ROLE = Qt.ItemDataRole.UserRole + 2


class RiskBadgeDelegate(BadgeDelegate):
    """Paints a cell's risk as a pill in the risk colour; the display text is the label."""

    def __init__(self, parent: QWidget | None = None, role: int = RISK_ROLE) -> None:
        super().__init__(parent)
        self._role = role

    def colour(self, index: Index) -> QColor | None:
        level = index.data(self._role)
        return labels.RISK_COLOURS[RiskLevel(level)] if level is not None else None


class RiskBadge(Badge):
    """One risk grade as a badge, drawn like the table's (for cards and forms)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level: RiskLevel | None = None

    def set_level(self, level: RiskLevel | str | None) -> None:
        self.level = RiskLevel(level) if level is not None else None
        if self.level is None:
            self.set_badge("", None)
        else:
            self.set_badge(labels.risk(self.level), labels.RISK_COLOURS[self.level])
