"""The four-colour risk grade (红橙黄蓝) drawn as a coloured badge: a table delegate and a label."""

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

from desktop import labels
from desktop.domain.enums import RiskLevel

# The role under which a model hands the delegate its RiskLevel (EnterpriseTableModel uses it).
RISK_ROLE = Qt.ItemDataRole.UserRole + 2
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


class RiskBadgeDelegate(QStyledItemDelegate):
    """Paints a cell's risk as a pill in the risk colour; the display text is the label."""

    def __init__(self, parent: QWidget | None = None, role: int = RISK_ROLE) -> None:
        super().__init__(parent)
        self._role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        level = index.data(self._role)
        if level is None:
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
        paint_badge(painter, opt.rect, labels.RISK_COLOURS[RiskLevel(level)], text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PAD_X + 8, max(size.height(), option.fontMetrics.height() + 2 * _PAD_Y + 4))


class RiskBadge(QWidget):
    """One risk grade as a badge, drawn like the table's (for cards and forms)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level: RiskLevel | None = None
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_level(self, level: RiskLevel | str | None) -> None:
        self.level = RiskLevel(level) if level is not None else None
        self._text = labels.risk(level) if level is not None else ""
        self.setAccessibleName(self._text)
        self.setToolTip(self._text)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 2 * _PAD_X + 8, metrics.height() + 2 * _PAD_Y + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.level is None:
            return
        painter = QPainter(self)
        paint_badge(painter, self.rect(), labels.RISK_COLOURS[self.level], self._text)
