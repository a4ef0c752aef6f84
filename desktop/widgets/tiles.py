"""Wall-display widgets without pyqtgraph: a figure tile (a big number that opens its list when
clicked) and a column of ratio bars (the five completes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

LEVEL_COLOURS = {"normal": "#4fc3f7", "good": "#66bb6a", "warn": "#ffb300", "alert": "#ff5252"}


class Tile(QFrame):
    """Title, value, a line of detail; the value's colour says normal / good / warn / alert."""

    clicked = Signal()

    def __init__(self, name: str, title: str, tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("tile", True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.title = QLabel(title)
        self.title.setObjectName("tileTitle")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.detail = QLabel("")
        self.detail.setObjectName("tileDetail")
        col = QVBoxLayout(self)
        col.setContentsMargins(14, 8, 14, 8)
        col.setSpacing(0)
        col.addWidget(self.title)
        col.addWidget(self.value)
        col.addWidget(self.detail)
        self.level = "normal"

    def set(self, value: str, detail: str = "", level: str = "normal") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.level = level
        self.value.setStyleSheet(f"color: {LEVEL_COLOURS[level]};")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class RatioBars(QFrame):
    """Rows of label, bar (per mille resolution) and "part / whole" text; clickable rows say so."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratioBars")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}

    def add_row(self, key: str, label: str, tip: str, clickable: bool = False) -> None:
        row = len(self.rows)
        name, bar, text = QLabel(label), QProgressBar(), QLabel("–")
        name.setObjectName("ratioLabel")
        text.setObjectName("ratioText")
        bar.setObjectName(f"ratio_{key}")
        bar.setRange(0, 1000)
        bar.setTextVisible(True)
        bar.setFormat("–")
        for w in (name, bar, text):
            w.setToolTip(tip)
            if clickable:
                w.setCursor(Qt.CursorShape.PointingHandCursor)
                w.setProperty("ratioKey", key)
                w.installEventFilter(self)
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(bar, row, 1)
        self.grid.addWidget(text, row, 2)
        self.rows[key] = (name, bar, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonRelease and watched.property("ratioKey"):
            self.clicked.emit(watched.property("ratioKey"))
            return True
        return super().eventFilter(watched, event)

    def set_ratio(self, key: str, value: float | None, text: str) -> None:
        _, bar, label = self.rows[key]
        bar.setValue(round((value or 0.0) * 1000))
        bar.setFormat("–" if value is None else f"{value * 100:.1f}%")
        colour = "#66bb6a" if value is None or value >= 0.95 else "#ffb300" if value >= 0.8 else "#ff5252"
        bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}")
        label.setText(text)

    def value(self, key: str) -> int:
        return self.rows[key][1].value()
