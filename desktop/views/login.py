"""Sign-in: user name and password, checked against the argon2id hash off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.data.engine import Database
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError
from desktop.services import users
from desktop.services.common import Actor


class LoginDialog(QDialog):
    def __init__(self, db: Database, username: str = "", parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to SafeGrid"))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(db.describe()))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _try(self) -> None:
        # One argon2 verification (~50 ms) is the only work here; a modal dialog may wait on it.
        try:
            with UnitOfWork(self.db, write=False) as uow:
                self.actor = users.authenticate(uow, self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(self.tr("Wrong user name or password") if "password" in exc.message
                               else exc.message)
            self.password.selectAll()
            return
        self.accept()
