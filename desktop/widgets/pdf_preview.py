"""An in-app PDF preview (QtPdf) with page navigation and zoom, and printing its pages.

QtPdf is heavy: import this module only when a preview is first needed (never at start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI_CAP = 300  # pages are rendered as images: 300 dpi is print quality without huge jobs


class PdfPreview(QWidget):
    """Pages of one PDF, scrolled continuously; page box, previous/next, zoom (fit width, fit
    page, fixed steps). Keys: PgUp/PgDn change page, Ctrl++/Ctrl+- zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.prev_button = self._tool("◀", self.tr("Previous page (PgUp)"), self.previous_page)
        self.next_button = self._tool("▶", self.tr("Next page (PgDn)"), self.next_page)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.page_total = QLabel()
        self.zoom_out_button = self._tool("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._tool("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoomBox")
        self.zoom_box.addItem(self.tr("Fit width"), "width")
        self.zoom_box.addItem(self.tr("Fit page"), "page")
        for z in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(z * 100)} %", z)
        self.zoom_box.activated.connect(self._on_zoom_chosen)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (self.prev_button, self.page_box, self.page_total, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._on_page_changed)
        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, self.previous_page),
                           (QKeySequence.StandardKey.MoveToNextPage, self.next_page),
                           (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_controls()

    def _tool(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    # -- document ---------------------------------------------------------------------------
    def load(self, path: Path | str) -> bool:
        """Show the PDF at `path`; False if it cannot be read."""
        self.document.close()
        ok = self.document.load(str(path)) == QPdfDocument.Error.None_
        self._update_controls()
        if ok:
            self.go_to(0)
        return ok

    def clear(self) -> None:
        self.document.close()
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # -- navigation and zoom ---------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._on_page_changed(page)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def set_zoom(self, zoom: float | str) -> None:
        """A factor (1.0 = 100 %), or "width" / "page" to fit."""
        if zoom == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(zoom))
        index = self.zoom_box.findData(zoom)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)
        else:
            self.zoom_box.setEditText(f"{round(float(zoom) * 100)} %")

    def zoom_in(self) -> None:
        current = self.view.zoomFactor()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.view.zoomFactor()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-3), ZOOM_STEPS[0]))

    def _on_zoom_chosen(self, index: int) -> None:
        self.set_zoom(self.zoom_box.itemData(index))

    def _on_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def _update_controls(self) -> None:
        n = self.page_count()
        self.page_box.setMaximum(max(n, 1))
        self.page_total.setText(self.tr("of {0}").format(n))
        for w in (self.page_box, self.zoom_box, self.zoom_in_button, self.zoom_out_button):
            w.setEnabled(n > 0)
        self._on_page_changed(0)


def print_pdf(document: QPdfDocument, printer: QPrinter,
              on_page: Callable[[int, int], bool] | None = None) -> int:
    """Print the document's pages (the printer's page range, else all) by rendering each page
    with QPdfDocument and drawing it into the printable area, aspect kept. `on_page(done,
    total)` after each page; returning False stops. Returns the number of pages printed."""
    count = document.pageCount()
    if count == 0:
        return 0
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(printer.fromPage(), count) - 1
        last = min(max(printer.toPage(), printer.fromPage()), count) - 1
    size = document.pagePointSize(first)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if size.width() > size.height()
                               else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    printed = 0
    try:
        total = last - first + 1
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            pt = document.pagePointSize(page)
            area = QRectF(painter.viewport())
            scale = min(area.width() / pt.width(), area.height() / pt.height())
            w, h = pt.width() * scale, pt.height() * scale
            image = document.render(page, QSize(round(pt.width() / 72 * dpi), round(pt.height() / 72 * dpi)))
            painter.drawImage(QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h),
                              image)
            printed += 1
            if on_page is not None and on_page(printed, total) is False:
                break
    finally:
        painter.end()
    return printed
