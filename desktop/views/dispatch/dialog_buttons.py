"""OK / Cancel rows in the user's language (Qt's own standard-button texts are not translated
unless Qt's catalogue ships, so the dispatch dialogs name their buttons themselves)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def dialog_buttons(dialog: QDialog, ok_text: str, *, connect_ok: bool = True) -> tuple[QDialogButtonBox, QPushButton]:
    """A button row with `ok_text` (accept) and Cancel (reject); returns (row, the ok button)."""
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("DispatchDialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    if connect_ok:
        box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def ok_text() -> str:
    return QCoreApplication.translate("DispatchDialogs", "OK")
