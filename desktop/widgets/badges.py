"""Coloured pills for any cell or card: the model says which colour (BADGE_ROLE), the display text
is the label. One painter, so every badge in the app (risk, status, severity...) looks the same."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# The role under which a model hands the delegate a cell's badge colour (a QColor, or None for
# plain text). Away from risk_badge.RISK_ROLE (+2) and simple_table's roles (+100...).
BADGE_ROLE = Qt.ItemDataRole.UserRole + 40
_PAD_X = 8
_PAD_Y = 3

Index = QModelIndex | QPersistentModelIndex


def text_colour(background: QColor) -> QColor:
    """White on dark badges, near-black on light ones (yellow), so the label stays readable."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#1b1b1b") if luminance > 160 else QColor("#ffffff")


def paint_badge(painter: QPainter, rect: QRect, colour: QColor, text: str) -> None:
    """A rounded pill of `colour` holding `text`, left-aligned and vertically centred in `rect`."""
    metrics = painter.fontMetrics()
    width = min(metrics.horizontalAdvance(text) + 2 * _PAD_X, rect.width() - 4)
    height = min(metrics.height() + 2 * _PAD_Y, rect.height() - 2)
    pill = QRectF(rect.left() + 4, rect.center().y() - height / 2 + 1, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(text_colour(colour))
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(pill.width()) - 2 * _PAD_X + 2)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell as a pill in the colour the model gives under BADGE_ROLE."""

    def colour(self, index: Index) -> QColor | None:
        """The cell's badge colour, or None for plain text (subclasses map their own role)."""
        colour = index.data(BADGE_ROLE)
        return colour if isinstance(colour, QColor) else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colour = self.colour(index)
        if colour is None:
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
