"""Export of the table's current filter and order as the hazard ledger (隐患排查治理台账, .xlsx):
off the GUI thread, with a progress dialog whose Cancel stops it (no partial file is left)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.domain.hazard_terms import district_today
from desktop.domain.progress import Cancelled, Progress
from desktop.services.hazards import HazardQuery


class LedgerExport(QObject):
    finished = Signal(bool, str)   # written?, message for the user

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.job: int | None = None
        self.dialog: QProgressDialog | None = None
        ctx.ops.progress_changed.connect(self._on_progress)

    @property
    def running(self) -> bool:
        return self.job is not None

    def ask(self, query: HazardQuery, filter_text: str, total: int | None) -> None:
        name = self.tr("Hazard ledger {day}.xlsx").format(day=district_today().strftime("%Y%m%d"))
        path, _ = QFileDialog.getSaveFileName(self.host, self.tr("Export the hazard ledger"), name,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.start(query, path, filter_text, total)

    def start(self, query: HazardQuery, path: str, filter_text: str = "", total: int | None = None) -> int | None:
        if self.running:
            return None
        dialog = QProgressDialog(self.tr("Writing the hazard ledger…"), self.tr("Cancel"), 0, max(total or 0, 1),
                                 self.host)
        dialog.setObjectName("ledgerProgress")
        dialog.setWindowTitle(self.tr("Export the hazard ledger"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

        def work(uow, progress: Progress) -> int:
            from desktop.reports.ledger_xlsx import export_ledger  # openpyxl loads only to export

            return export_ledger(uow, query, path, progress, filter_text=filter_text)

        self.job = self.ctx.ops.run(work, lambda n: self._done(path, n), self._failed, write=False, progress=True)
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.ctx.ops.cancel(self.job)

    def _on_progress(self, job: int, done: int, total: int, _text: str) -> None:
        if job == self.job and self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            self.dialog.setLabelText(self.tr("Writing the hazard ledger… {done:,} of {total:,} tickets").format(
                done=done, total=total))

    def _close(self) -> None:
        self.job = None
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None

    def _done(self, path: str, rows: int) -> None:
        self._close()
        self.finished.emit(True, self.tr("Ledger saved: %n ticket(s) in {path}", "", rows).format(path=Path(path).name))

    def _failed(self, err: DomainError) -> None:
        self._close()
        if isinstance(err, Cancelled):
            self.finished.emit(False, self.tr("Export cancelled; no file was written."))
        else:
            self.finished.emit(False, self.tr("Export failed: {reason}").format(reason=err.message))
