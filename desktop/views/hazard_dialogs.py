"""The forms behind the hazard actions. A form only collects input: the screen's HazardActions runs
the service and, on a refusal, calls `show_error(field, text)`, which names and marks the field.

Forms open with `open()` (window-modal, never a nested event loop) and stay open while the
action runs; they close when it succeeded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.domain.hazard_terms import AttachmentKind, district_today
from desktop.services.hazards import MAX_BYTES

ERROR_STYLE = "border: 1.5px solid #c62828; border-radius: 3px;"
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff"


class HazardForm(QDialog):
    """A titled form with an error line and OK/Cancel; `submitted` when the user confirms."""

    submitted = Signal()

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.ok.setObjectName("formOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.widgets: dict[str, QWidget] = {}

    def add(self, field: str, caption: str, widget: QWidget) -> QWidget:
        """A row for `field` (the name the services use in ValidationError.field)."""
        self.widgets[field] = widget
        self.form.addRow(caption, widget)
        return widget

    def _on_ok(self) -> None:
        self.clear_error()
        self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)

    def show_error(self, field: str | None, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        widget = self.widgets.get(field or "")
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.error.setVisible(False)
        for w in self.widgets.values():
            w.setStyleSheet("")


def text_box(max_lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * max_lines + 14)
    return box


def date_box(default: date, minimum: date | None = None) -> QDateEdit:
    box = QDateEdit(QDate(default))
    box.setCalendarPopup(True)
    box.setDisplayFormat("yyyy-MM-dd")
    if minimum is not None:
        box.setMinimumDate(QDate(minimum))
    return box


class FileList(QWidget):
    """Files to attach: Add… (a file dialog), Remove; a file over the cap is refused at once."""

    def __init__(self, kind: AttachmentKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.list = QListWidget()
        self.list.setObjectName("fileList")
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 4 + 10)
        self.message = QLabel()
        self.message.setObjectName("fileMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setVisible(False)
        add, remove = QPushButton(self.tr("Add…")), QPushButton(self.tr("Remove"))
        add.setObjectName("addFiles")
        add.clicked.connect(self._choose)
        remove.clicked.connect(lambda: [self.list.takeItem(self.list.row(i)) for i in self.list.selectedItems()])
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(side)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(row)
        col.addWidget(self.message)
        hint = (self.tr("Images only (JPEG, PNG, …), at most {mb} MB each") if kind.image_only
                else self.tr("Images, PDF, Word or Excel, at most {mb} MB each")).format(mb=MAX_BYTES // (1024 * 1024))
        self.list.setToolTip(hint)
        self.list.setStatusTip(hint)

    def _choose(self) -> None:
        if self.kind.image_only:
            pattern = self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER)
        else:
            pattern = self.tr("Images and documents ({patterns})").format(
                patterns=IMAGE_FILTER + " *.pdf *.doc *.docx *.xls *.xlsx")
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files"), "", pattern)
        self.add_files(paths)

    def add_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Adds the files within the cap; returns the messages of those refused (also shown)."""
        refused = []
        for p in map(Path, paths):
            size = p.stat().st_size if p.exists() else -1
            if size < 0:
                refused.append(self.tr("{name} does not exist").format(name=p.name))
            elif size > MAX_BYTES:
                refused.append(self.tr("{name} is {size:.1f} MB; at most {mb} MB allowed").format(
                    name=p.name, size=size / (1024 * 1024), mb=MAX_BYTES // (1024 * 1024)))
            elif self.kind.image_only and not QImageReader(str(p)).canRead():  # the service checks again
                refused.append(self.tr("{name} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF)").format(
                    name=p.name))
            elif str(p) not in self.paths():
                self.list.addItem(str(p))
        self.message.setText("\n".join(refused))
        self.message.setVisible(bool(refused))
        return refused

    def paths(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


# -- the simple forms --------------------------------------------------------------------------------


class DismissDialog(HazardForm):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dismiss {code}: not a hazard").format(code=code), self.tr("Dismiss"), parent)
        self.reason = self.add("reason", self.tr("Reason"), text_box())
        self.reason.setPlaceholderText(self.tr("Why this report is not a hazard (required)"))


class NoteDialog(HazardForm):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Note on {code}").format(code=code), self.tr("Add note"), parent)
        self.text = self.add("note", self.tr("Note"), text_box(5))
        self.text.setPlaceholderText(self.tr("A remark or a leader's instruction (批示)"))


class AttachDialog(HazardForm):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attach files to {code}").format(code=code), self.tr("Attach"), parent)
        self.kind = QComboBox()
        for k in (AttachmentKind.PHOTO, AttachmentKind.PLAN, AttachmentKind.DOCUMENT):
            self.kind.addItem(labels.attachment_kind(k), k)
        self.add("kind", self.tr("Kind"), self.kind)
        self.files = self.add("files", self.tr("Files"), FileList(AttachmentKind.DOCUMENT))
        self.note = self.add("note", self.tr("Note"), QLineEdit())


class ReportDoneDialog(HazardForm):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rectification of {code} done").format(code=code), self.tr("Report done"), parent)
        self.note = self.add("note", self.tr("What was done"), text_box())
        self.files = self.add("evidence", self.tr("Evidence photos"), FileList(AttachmentKind.EVIDENCE))
        self.widgets["files"] = self.files


class ReinspectDialog(HazardForm):
    def __init__(self, code: str, passed: bool, responsible: str, default_deadline: date,
                 parent: QWidget | None = None) -> None:
        title = (self.tr("Re-inspection of {code}: passed") if passed
                 else self.tr("Re-inspection of {code}: failed")).format(code=code)
        super().__init__(title, self.tr("Close off") if passed else self.tr("Send back"), parent)
        self.passed = passed
        self.note = self.add("note", self.tr("Findings"), text_box())
        self.note.setPlaceholderText(self.tr("What the re-inspection found") + ("" if passed else self.tr(" (required)")))
        self.deadline = self.responsible = None
        if not passed:
            self.deadline = self.add("deadline", self.tr("New deadline"), date_box(default_deadline, district_today()))
            self.responsible = self.add("responsible", self.tr("Responsible"), QLineEdit(responsible))
        self.files = self.add("files", self.tr("Photos"), FileList(AttachmentKind.PHOTO))


class AttachmentViewer(QDialog):
    """A photo at full size (fitted to the window), with Save as…; documents are only saved."""

    def __init__(self, filename: str, mime: str, data: bytes, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QPixmap
        from PySide6.QtWidgets import QScrollArea

        super().__init__(parent)
        self.setWindowTitle(filename)
        self.filename, self.data = filename, data
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(data)
        self.image = QLabel()
        self.image.setObjectName("fullImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if not self.pixmap.isNull():
            self.image.setPixmap(self.pixmap.scaled(900, 680, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
        else:
            self.image.setText(self.tr("{name} ({mime}) cannot be shown here: save it and open it with "
                                       "its program.").format(name=filename, mime=mime))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        save = QPushButton(self.tr("Save as…"))
        save.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(940, 760)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the file"), self.filename)
        if path:
            Path(path).write_bytes(self.data)
