"""Coloured pills for any cell or card: the model says which colour (BADGE_ROLE), the display text
is the label. Drawn with risk_badge's painter, so every badge in the app looks the same."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.widgets.risk_badge import paint_badge

# The role under which a model hands the delegate a cell's badge colour (a QColor, or None for
# plain text). Away from risk_badge.RISK_ROLE (+2) and simple_table's roles (+100...).
BADGE_ROLE = Qt.ItemDataRole.UserRole + 40
_PAD_X = 8
_PAD_Y = 3

Index = QModelIndex | QPersistentModelIndex


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell as a pill in the colour the model gives under BADGE_ROLE."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colour = index.data(BADGE_ROLE)
        if not isinstance(colour, QColor):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # the style draws background, selection and focus; we draw the pill
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setFont(opt.font)
        paint_badge(painter, opt.rect, colour, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PAD_X + 8, max(size.height(), option.fontMetrics.height() + 2 * _PAD_Y + 4))


class Badge(QWidget):
    """One pill (a status, a severity, days overdue) for cards and headers; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour: QColor | None = None
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_badge(self, text: str, colour: QColor | None) -> None:
        self._text, self._colour = text, colour
        self.setAccessibleName(text)
        self.setToolTip(text)
        self.setVisible(bool(text) and colour is not None)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 2 * _PAD_X + 8, metrics.height() + 2 * _PAD_Y + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._colour is None or not self._text:
            return
        painter = QPainter(self)
        paint_badge(painter, self.rect(), self._colour, self._text)
