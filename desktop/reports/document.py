"""The bureau's official document: A4 portrait or landscape, the issuer's name, the title, the
date and "第 N 页 共 M 页" on every page, the CJK font embedded.

Two ways to fill it:

* flowing content (tables, paragraphs, charts) — `build_document(out, info, story, progress)`:
  a `title_block(info)` opens the story; every page gets a running header and a footer with
  page numbers (a `NumberedCanvas` knows M only after layout, so it draws footers at save);
* pages drawn directly on a canvas when each page is a fixed form (posting sheets) —
  `open_canvas(path, info)` and `draw_running_header` / `draw_footer` on each page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from desktop.domain.progress import Progress
from desktop.reports.base import ISSUER, ReportOutcome, atomic_output
from desktop.reports.fonts import register_fonts
from desktop.reports.styles import GREY, INK, RED, styles

MARGIN = 18 * mm
HEADER_H = 12 * mm    # running header band inside the top margin
FOOTER_H = 10 * mm


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class DocumentInfo:
    title: str                                   # 值班日报, 隐患排查治理台账, ...
    on: date                                     # the document's date (printed, and in metadata)
    subtitle: str = ""                           # scope or period
    orientation: Orientation = Orientation.PORTRAIT
    issuer: tuple[str, ...] = field(default=ISSUER)
    subject: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.orientation == Orientation.LANDSCAPE else portrait(A4)

    @property
    def date_text(self) -> str:
        return f"{self.on.year}年{self.on.month}月{self.on.day}日"

    @property
    def issuer_text(self) -> str:
        return " · ".join(self.issuer)


def page_number_text(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def set_metadata(c: Canvas, info: DocumentInfo) -> None:
    c.setTitle(info.title)
    c.setAuthor(ISSUER[0])
    c.setCreator("SafeGrid 安全生产网格化监管指挥中心")
    c.setSubject(info.subject or info.subtitle or info.title)
    if info.keywords:
        c.setKeywords(", ".join(info.keywords))


def draw_running_header(c: Canvas, info: DocumentInfo) -> None:
    """Issuer left, title right, a red rule: at the top of every page after the first."""
    w, h = info.pagesize
    font = register_fonts()
    y = h - MARGIN + 4 * mm
    c.saveState()
    c.setFont(font, 8.5)
    c.setFillColor(RED)
    c.drawString(MARGIN, y, info.issuer_text)
    c.setFillColor(GREY)
    c.drawRightString(w - MARGIN, y, info.title)
    c.setStrokeColor(RED)
    c.setLineWidth(0.8)
    c.line(MARGIN, y - 2.2 * mm, w - MARGIN, y - 2.2 * mm)
    c.restoreState()


def draw_footer(c: Canvas, info: DocumentInfo, page: int, total: int, *, rule: bool = True) -> None:
    """"第 N 页 共 M 页" centred; the issuer left, the date right; a hairline above."""
    w, _ = info.pagesize
    font = register_fonts()
    y = MARGIN - 8 * mm
    c.saveState()
    if rule:
        c.setStrokeColor(GREY)
        c.setLineWidth(0.3)
        c.line(MARGIN, y + 4 * mm, w - MARGIN, y + 4 * mm)
    c.setFillColor(INK)
    c.setFont(font, 9)
    c.drawCentredString(w / 2, y, page_number_text(page, total))
    c.setFillColor(GREY)
    c.setFont(font, 8)
    c.drawRightString(w - MARGIN, y, info.date_text)
    c.drawString(MARGIN, y, info.issuer[0])
    c.restoreState()


class NumberedCanvas(Canvas):
    """Keeps each page until the end, so every footer can say how many pages there are."""

    def __init__(self, *args: Any, info: DocumentInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict] = []
        self.page_count = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self._pages
        for number, state in enumerate(pages, 1):
            self.__dict__.update(state)  # (restores page_count too: set it last)
            draw_footer(self, self._info, number, len(pages))
            super().showPage()
        self.page_count = len(pages)
        super().save()


class OfficialDocTemplate(BaseDocTemplate):
    """A4 in the document's orientation; the first page opens with the title block, the
    others carry the running header; cancellation is checked after every page."""

    def __init__(self, filename: str, info: DocumentInfo, progress: Progress | None = None,
                 expected_pages: int | None = None) -> None:
        super().__init__(filename, pagesize=info.pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=info.title,
                         author=ISSUER[0], subject=info.subject or info.subtitle or info.title,
                         creator="SafeGrid 安全生产网格化监管指挥中心", initialFontName=register_fonts())
        self.info = info
        self.progress = progress
        self.expected_pages = expected_pages or 0
        w, h = info.pagesize
        first = Frame(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN, id="first", showBoundary=0,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN - HEADER_H + 6 * mm, id="later",
                      showBoundary=0, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=lambda c, d: draw_running_header(c, info)),
        ])

    def afterPage(self) -> None:  # noqa: N802 - reportlab API
        if self.progress is not None:
            self.progress.check()
            page = self.page
            total = max(self.expected_pages, page)
            self.progress.report(page, total, page_number_text(page, total))


def title_block(info: DocumentInfo) -> list[Flowable]:
    """The red issuer line, the title, the subtitle and date: the top of the first page."""
    st = styles()
    out: list[Flowable] = [Paragraph(info.issuer_text, st.issuer), _RedRule(), Paragraph(info.title, st.title)]
    sub = f"{info.subtitle}　　{info.date_text}" if info.subtitle else info.date_text
    out += [Paragraph(sub, st.subtitle), Spacer(1, 2 * mm)]
    return out


class _RedRule(Flowable):
    """The double red rule under the issuer (红头文件的红线)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 3.5 * mm

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RED)
        c.setLineWidth(1.6)
        c.line(0, 2.4 * mm, self.width, 2.4 * mm)
        c.setLineWidth(0.5)
        c.line(0, 1.3 * mm, self.width, 1.3 * mm)


def build_document(out: Path | str, info: DocumentInfo, story: Iterable[Flowable], *,
                   progress: Progress | None = None, expected_pages: int | None = None,
                   summary: str = "") -> ReportOutcome:
    """Lay out `story` into `out` (written only on success); the outcome has the page count.

    `progress` gets one report per page (total = `expected_pages` when the caller can guess
    it, else the pages so far) and is checked after each, so a cancel stops within a page.
    """
    register_fonts()
    with atomic_output(out) as tmp:
        doc = OfficialDocTemplate(str(tmp), info, progress, expected_pages)
        holder: dict[str, NumberedCanvas] = {}

        def maker(*args: Any, **kwargs: Any) -> NumberedCanvas:
            c = NumberedCanvas(*args, info=info, **kwargs)
            holder["canvas"] = c
            return c

        doc.build(list(story), canvasmaker=maker)
        pages = holder["canvas"].page_count
    return ReportOutcome(Path(out), pages, info.title, summary or f"{pages} pages")


def open_canvas(path: Path | str, info: DocumentInfo) -> Canvas:
    """A canvas for pages drawn directly, with the document's size and metadata."""
    register_fonts()
    c = Canvas(str(path), pagesize=info.pagesize, pageCompression=1, initialFontName=register_fonts())
    set_metadata(c, info)
    return c


__all__ = [
    "DocumentInfo", "NumberedCanvas", "OfficialDocTemplate", "Orientation", "build_document",
    "draw_footer", "draw_running_header", "open_canvas", "page_number_text", "title_block",
]
