"""The Reports screen: pick a report, fill its form, generate it off the GUI thread (progress,
Cancel), preview the PDF in the app, print it or save it.

The report kinds come from `report_forms.report_entries()` (Qt side) and
`desktop.reports.kinds` (builders); this screen knows none of them by name.
"""

from __future__ import annotations

import shutil
import tempfile
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.progress import Cancelled
from desktop.reports.base import EmptyReport, ReportOutcome
from desktop.reports.kinds import report_kind
from desktop.views.report_forms import ReportEntry, ReportForm, report_entries

if TYPE_CHECKING:  # QtPdf is imported on the first preview, never at start-up
    from desktop.widgets.pdf_preview import PdfPreview


class ReportsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: tuple[ReportEntry, ...] = report_entries()
        self.forms: dict[str, ReportForm] = {}
        self.outcome: ReportOutcome | None = None
        self.preview: PdfPreview | None = None
        self._job: int | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="safegrid-reports-")
        self._numbers = count(1)

        self.kinds = QListWidget()
        self.kinds.setObjectName("reportKinds")
        self.kinds.setMaximumHeight(140)
        for entry in self.entries:
            item = QListWidgetItem(entry.label())
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(entry.description())
            self.kinds.addItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        self.form_stack = QStackedWidget()
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        side = QVBoxLayout(left)
        heading = QLabel(self.tr("Reports"))
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        side.addWidget(heading)
        side.addWidget(self.kinds)
        side.addWidget(self.description)
        side.addWidget(self.form_stack)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        side.addLayout(buttons)
        side.addWidget(self.progress)
        side.addWidget(self.message)
        side.addStretch(1)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save_report)
        self.file_label = QLabel()
        self.placeholder = QLabel(self.tr("Choose a report on the left and press Generate; it is shown here to check before printing."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.placeholder)
        right = QWidget()
        main = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        main.addLayout(top)
        main.addWidget(self.preview_stack, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.kinds.currentRowChanged.connect(self._on_kind)
        ctx.ops.progress_changed.connect(self._on_progress)
        self.kinds.setCurrentRow(0)
        self._set_running(False)

    # -- the form ------------------------------------------------------------------------------
    def current_entry(self) -> ReportEntry:
        return self.entries[max(self.kinds.currentRow(), 0)]

    def current_form(self) -> ReportForm:
        return self.forms[self.current_entry().key]

    def _on_kind(self, row: int) -> None:
        if row < 0:
            return
        entry = self.entries[row]
        if entry.key not in self.forms:  # built on first choice: each form loads its own pickers
            form = entry.form(self.ctx, self)
            form.changed.connect(lambda: self.message.setText(""))
            self.forms[entry.key] = form
            self.form_stack.addWidget(form)
        self.form_stack.setCurrentWidget(self.forms[entry.key])
        self.description.setText(entry.description())

    # -- generating ----------------------------------------------------------------------------
    def generate(self) -> None:
        if self._job is not None:
            return
        entry = self.current_entry()
        try:
            params = self.current_form().params()
        except ValidationError as exc:
            self._show_error(exc)
            return
        kind = report_kind(entry.key)
        out = Path(self._tmp.name) / f"{entry.key}-{next(self._numbers)}.pdf"
        actor = self.ctx.actor
        self.message.setText(self.tr("Generating…"))
        self.progress.setRange(0, 0)
        self._set_running(True)
        self._job = self.ctx.ops.run(lambda uow, progress: kind.build(uow, actor, params, out, progress),
                                     self._on_built, self._on_failed, write=False, progress=True)

    def cancel(self) -> None:
        if self._job is not None:
            self.ctx.ops.cancel(self._job)
            self.message.setText(self.tr("Cancelling…"))

    def _on_progress(self, job_id: int, done: int, total: int, _text: str) -> None:
        if job_id != self._job:
            return
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m pages"))

    def _on_built(self, outcome: ReportOutcome) -> None:
        self._job = None
        self._set_running(False)
        preview = self._preview()
        old = self.outcome
        if not preview.load(outcome.path):
            self.message.setText(self.tr("The report was written but cannot be shown: {0}").format(outcome.path))
            return
        if old is not None and old.path != outcome.path:
            old.path.unlink(missing_ok=True)
        self.outcome = outcome
        self.preview_stack.setCurrentWidget(preview)
        self.file_label.setText(f"<b>{outcome.title}</b>")
        self.message.setText(self.tr("Ready: {0} pages.").format(outcome.pages))
        self._set_running(False)

    def _on_failed(self, error: DomainError) -> None:
        self._job = None
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.message.setText(self.tr("Cancelled: no report was written."))
        else:
            self._show_error(error)

    def _show_error(self, error: DomainError) -> None:
        if isinstance(error, EmptyReport):
            text = self.tr("Nothing to report for this selection; no file was written.")
            self.message.setToolTip(error.what)
        elif isinstance(error, ValidationError):
            text = self.tr("Please check “{0}”: {1}").format(error.field, error.reason)
        else:
            text = error.message
        self.message.setText(f"<span style='color:#c62828'>{text}</span>")

    def _set_running(self, running: bool) -> None:
        self.generate_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.kinds.setEnabled(not running)
        self.form_stack.setEnabled(not running)
        ready = not running and self.outcome is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _preview(self) -> PdfPreview:
        if self.preview is None:
            from desktop.widgets.pdf_preview import PdfPreview

            self.preview = PdfPreview(self)
            self.preview_stack.addWidget(self.preview)
        return self.preview

    # -- print and save ---------------------------------------------------------------------------
    def print_report(self) -> None:
        if self.outcome is None or self.preview is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.widgets.pdf_preview import print_pdf

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.outcome.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.preview.page_count())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        waiting = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, self.preview.page_count(), self)
        waiting.setWindowModality(Qt.WindowModality.WindowModal)
        waiting.setMinimumDuration(500)

        def on_page(done: int, total: int) -> bool:
            waiting.setMaximum(total)
            waiting.setValue(done)
            return not waiting.wasCanceled()

        try:
            printed = print_pdf(self.preview.document, printer, on_page)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Print"), str(exc))
            return
        finally:
            waiting.close()
        self.message.setText(self.tr("Sent {0} pages to the printer.").format(printed))

    def save_report(self) -> None:
        if self.outcome is None:
            return
        suggested = str(Path.home() / self.current_form().suggested_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"), suggested, self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if self.outcome is None:
            return
        try:
            shutil.copyfile(self.outcome.path, path)
        except OSError as exc:
            self.message.setText(self.tr("Could not save: {0}").format(exc.strerror or exc))
            return
        self.message.setText(self.tr("Saved to {0}").format(path))
