"""An inline message strip for a screen: the outcome of the last action, with an optional Undo.

Chosen over the status bar because an Undo must stay visible until the user acts or dismisses it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class Kind(Enum):
    INFO = ("#e8f5e9", "#a5d6a7", "#1b5e20")      # background, border, text
    WARNING = ("#fff8e1", "#ffd54f", "#5d4300")
    ERROR = ("#ffebee", "#ef9a9a", "#b71c1c")


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.kind = Kind.INFO
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("messageText")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self._on_undo)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self._undo: Callable[[], None] | None = None
        self.setVisible(False)

    def show_message(self, text: str, kind: Kind = Kind.INFO, undo: Callable[[], None] | None = None) -> None:
        """Replace the current message; a new message withdraws any earlier Undo."""
        self.kind = kind
        background, border, colour = kind.value
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QLabel#messageText {{ color: {colour}; }}"
        )
        self.label.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setEnabled(True)
        self.setVisible(True)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def has_undo(self) -> bool:
        return self._undo is not None and self.isVisible()

    def dismiss(self) -> None:
        self._undo = None
        self.setVisible(False)

    def _on_undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_button.setEnabled(False)  # one click, one undo
        if undo is not None:
            undo()
