"""挂牌公示: one A4 posting sheet per grid — the grid, its officer with photo box, phone and
duties, the responsible unit and supervising department, and a QR code that dials the officer.

Each sheet is a fixed form, so it is drawn straight onto the canvas (no flowable layout): the
whole district's 1,273 sheets take a few seconds.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.enums import Employment, GridLevel
from desktop.domain.progress import Progress
from desktop.reports.base import BUREAU, COMMITTEE_OFFICE, EmptyReport, ReportOutcome, atomic_output, steps
from desktop.reports.document import DocumentInfo, draw_footer, open_canvas
from desktop.reports.kinds import POSTING, PostingParams
from desktop.reports.styles import GREY, INK, RED, RULE, wrap_text
from desktop.services.common import Actor
from desktop.services.postings import PostingSheet, posting_sheets

TITLE = POSTING.title
HOTLINE = "12350"  # the national safety-production report and complaint line

LEVEL_NAMES = {
    GridLevel.DISTRICT: "区级网格",
    GridLevel.DEPARTMENT: "行业部门网格",
    GridLevel.STREET: "街道（园区）网格",
    GridLevel.COMMUNITY: "社区网格",
    GridLevel.SUB_COMMUNITY: "社区以下网格",
    GridLevel.ENTERPRISE: "企业专属网格",
}
EMPLOYMENT_NAMES = {Employment.FULL_TIME: "专职网格员", Employment.PART_TIME: "兼职网格员"}
DUTY_TEXT = {
    "安全巡查": "定期巡查网格内生产经营单位和场所，发现安全隐患及时劝导、制止并报告。",
    "信息采集": "采集、更新网格内企业和场所的基础信息，做到底数清、情况明。",
    "整改督查": "督促隐患单位按期整改，跟踪复查直至销号，逾期未改的及时上报督办。",
    "政策宣传": "宣传安全生产法律法规和政策，普及安全知识，引导群众参与监督。",
    "行业监管": "依法履行本行业领域安全生产监督管理职责，指导企业落实主体责任。",
    "统筹协调": "统筹协调全区网格化安全生产监管工作。",
    "督查督办": "对重大隐患和逾期未整改隐患开展督查督办。",
    "考核通报": "组织网格化监管工作考核，每季度通报结果。",
}

PAGE_W, PAGE_H = 210 * mm, 297 * mm
LEFT, RIGHT = 22 * mm, PAGE_W - 22 * mm
WIDTH = RIGHT - LEFT
QR_SIZE = 30 * mm
SUPERVISION_TOP = 86 * mm  # the bottom block (contacts, QR code, issuer) starts here


def qr_value(sheet: PostingSheet) -> str:
    """What the QR code holds: a tel: link, so scanning it offers to call the officer."""
    digits = "".join(ch for ch in sheet.officer_phone if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


def qr_widget(sheet: PostingSheet, size: float = QR_SIZE) -> QrCodeWidget | None:
    """reportlab's QR widget for the sheet, `size` points square; None without a phone."""
    value = qr_value(sheet)
    if not value:
        return None
    return QrCodeWidget(value, barLevel="M", barBorder=2, barWidth=size, barHeight=size)


def qr_runs(widget: QrCodeWidget, x: float = 0, y: float = 0) -> list[tuple[float, float, float, float]]:
    """The dark runs of the widget's code as rectangles, placed exactly as `QrCodeWidget.draw`
    places them. The widget's own encoder (`widget.qr`) makes the code; drawing the runs as one
    path avoids building, validating and rendering a shape per run (3x the rest of the page)."""
    qr = widget.qr
    qr.make()
    border = widget.barBorder
    box = min(widget.barWidth, widget.barHeight) / (qr.getModuleCount() + 2 * border)
    top = y + widget.barHeight
    runs = []
    for r, row in enumerate(qr.modules):
        col = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            count = sum(1 for _ in run)
            if dark:
                runs.append((x + (col + border) * box, top - (r + border + 1) * box, count * box, box))
            col += count
    return runs


def clip(lines: list[str], most: int) -> list[str]:
    """At most `most` lines, the last one ending in "…" when text was cut."""
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], lines[most - 1][:-1] + "…"]


class SheetPainter:
    """Draws posting sheets onto one canvas; fonts and fixed texts are set up once."""

    def __init__(self, c: Canvas, info: DocumentInfo) -> None:
        self.c = c
        self.info = info
        self.font = "CJK"

    # -- text helpers ---------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, size: float, color=INK, *, bold: bool = False,
             align: str = "left") -> None:
        c = self.c
        w = stringWidth(s, self.font, size)
        x = {"left": x, "center": x - w / 2, "right": x - w}[align]
        if not bold:
            c.setFont(self.font, size)
            c.setFillColor(color)
            c.drawString(x, y, s)
            return
        # One weight in the font: bold is fill + a thin stroke of the same colour. The text
        # render mode lives in the graphics state, so it is saved and restored around it.
        c.saveState()
        c.setFillColor(color)
        c.setStrokeColor(color)
        c.setLineWidth(size * 0.035)
        t = c.beginText(x, y)
        t.setFont(self.font, size)
        t.setTextRenderMode(2)
        t.textOut(s)
        c.drawText(t)
        c.restoreState()

    def fit(self, s: str, size: float, width: float, minimum: float = 7) -> float:
        """The largest size up to `size` at which `s` fits in `width`."""
        w = stringWidth(s, self.font, size)
        return size if w <= width else max(minimum, size * width / w)

    # -- the sheet --------------------------------------------------------------------------
    def draw(self, sheet: PostingSheet, page: int, total: int) -> None:
        c = self.c
        self._border()
        y = PAGE_H - 27 * mm
        issuer = self.info.issuer_text
        self.text(PAGE_W / 2, y, issuer, self.fit(issuer, 20, WIDTH), RED, bold=True, align="center")
        y -= 5 * mm
        c.setStrokeColor(RED)
        c.setLineWidth(1.8)
        c.line(LEFT, y, RIGHT, y)
        c.setLineWidth(0.6)
        c.line(LEFT, y - 1.4 * mm, RIGHT, y - 1.4 * mm)
        y -= 15 * mm
        self.text(PAGE_W / 2, y, TITLE, 28, INK, bold=True, align="center")
        y -= 7.5 * mm
        self.text(PAGE_W / 2, y, "一格一员 · 定岗定责 · 接受社会监督", 11, GREY, align="center")
        y = self._grid_band(sheet, y - 6.5 * mm)
        y = self._officer(sheet, y - 7 * mm)
        self._duties(sheet, y - 8 * mm, SUPERVISION_TOP + 7 * mm)
        self._supervision(sheet)
        draw_footer(c, self.info, page, total, rule=False)

    def _border(self) -> None:
        c = self.c
        c.setStrokeColor(RED)
        c.setLineWidth(2.2)
        c.rect(12 * mm, 17 * mm, PAGE_W - 24 * mm, PAGE_H - 29 * mm)
        c.setLineWidth(0.5)
        c.rect(14 * mm, 19 * mm, PAGE_W - 28 * mm, PAGE_H - 33 * mm)

    def _grid_band(self, sheet: PostingSheet, top: float) -> float:
        """The grid's name (one line, or two smaller ones for long enterprise names) and its
        code, level and parents on a tinted band."""
        c = self.c
        width = WIDTH - 10 * mm
        lines, size = self._name_lines(sheet.name, width)
        extra = (len(lines) - 1) * size * 1.25
        h = 23 * mm + extra
        c.setFillColor(colors.HexColor("#fbf1f1"))
        c.setStrokeColor(colors.HexColor("#e6b8b8"))
        c.setLineWidth(0.6)
        c.roundRect(LEFT, top - h, WIDTH, h, 2 * mm, stroke=1, fill=1)
        for i, ln in enumerate(lines):
            self.text(PAGE_W / 2, top - 10.5 * mm - i * size * 1.25, ln, size, INK, bold=True, align="center")
        line = f"网格编码：{sheet.code}　　{LEVEL_NAMES[sheet.level]}"
        if sheet.path:
            line += "　　所属：" + " › ".join(sheet.path)
        self.text(PAGE_W / 2, top - 18 * mm - extra, line, self.fit(line, 10.5, WIDTH - 8 * mm), GREY,
                  align="center")
        return top - h

    def _name_lines(self, name: str, width: float) -> tuple[list[str], float]:
        for size in (21, 18, 16):
            if stringWidth(name, self.font, size) <= width:
                return [name], size
        for size in (16, 14, 12):
            lines = wrap_text(name, self.font, size, width)
            if len(lines) <= 2:
                return lines, size
        return clip(wrap_text(name, self.font, 12, width), 2), 12

    def _officer(self, sheet: PostingSheet, top: float) -> float:
        c = self.c
        pw, ph = 35 * mm, 45 * mm  # a two-inch ID photo
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.setDash(3, 2)
        c.rect(LEFT, top - ph, pw, ph)
        c.setDash()
        self.text(LEFT + pw / 2, top - ph / 2 + 1 * mm, "照　片", 13, RULE, align="center")
        self.text(LEFT + pw / 2, top - ph / 2 - 6 * mm, "（二寸免冠）", 8, RULE, align="center")

        x0 = LEFT + pw + 8 * mm
        label_w = 22 * mm
        value_x = x0 + label_w
        value_w = RIGHT - value_x
        rows: list[tuple[str, str, float, bool]] = [
            ("网 格 员", sheet.officer_name or "（待配备）", 18, True),
            ("人员类别", EMPLOYMENT_NAMES.get(sheet.employment, "—") if sheet.employment else "—", 11.5, False),
            ("联系电话", sheet.officer_phone or "—", 17, True),
            ("责任单位", sheet.responsible_unit or "—", 11.5, False),
            ("监管部门", sheet.supervising_department or "—", 11.5, False),
        ]
        y = top
        for label, value, size, bold in rows:
            lines = clip(wrap_text(value, self.font, size, value_w), 3)
            row_h = (len(lines) - 1) * size * 1.35 + 9.5 * mm
            base = y - 6.5 * mm
            self.text(x0, base, label, 11, GREY)
            for i, ln in enumerate(lines):
                self.text(value_x, base - i * size * 1.35, ln, size,
                          RED if label == "联系电话" else INK, bold=bold)
            y -= row_h
            c.setStrokeColor(colors.HexColor("#d5d5d5"))
            c.setLineWidth(0.5)
            c.line(x0, y, RIGHT, y)
        return min(y, top - ph)

    def _section(self, title: str, y: float) -> float:
        c = self.c
        c.setFillColor(RED)
        c.rect(LEFT, y - 1.2 * mm, 1.6 * mm, 6 * mm, stroke=0, fill=1)
        self.text(LEFT + 4 * mm, y, title, 14, INK, bold=True)
        c.setStrokeColor(colors.HexColor("#d5d5d5"))
        c.setLineWidth(0.5)
        c.line(LEFT, y - 3.5 * mm, RIGHT, y - 3.5 * mm)
        return y - 10 * mm

    def _duties(self, sheet: PostingSheet, top: float, bottom: float) -> None:
        """Numbered duties with their descriptions; smaller type if a long custom text needs it,
        cut with "…" rather than run into the block below."""
        y = self._section("工作职责", top)
        indent = 7 * mm
        items = [(f"{d}：" if d in DUTY_TEXT else "", d + "：" + DUTY_TEXT[d] if d in DUTY_TEXT else d)
                 for d in (sheet.duties or ("—",))]
        for size in (11.5, 10.5, 9.5):  # then cut: smaller is not readable on a wall
            leading = size * 1.55
            wrapped = [wrap_text(text, self.font, size, WIDTH - indent) for _, text in items]
            height = sum(len(w) for w in wrapped) * leading + len(items) * 1.5 * mm
            if y - height >= bottom:
                break
        for n, ((head, _), lines) in enumerate(zip(items, wrapped, strict=True), 1):
            if y - leading < bottom:
                self.text(LEFT + indent, y, "……", size, GREY)
                return
            self.text(LEFT + 1 * mm, y, f"{n}.", size, RED, bold=True)
            for i, ln in enumerate(lines):
                if y - leading < bottom and i < len(lines) - 1:
                    ln = ln[:-1] + "…"
                x = LEFT + indent
                if i == 0 and head:  # the duty's name in bold, its description after it
                    self.text(x, y, head, size, INK, bold=True)
                    x, ln = x + stringWidth(head, self.font, size), ln[len(head):]
                self.text(x, y, ln, size, INK)
                y -= leading
                if y < bottom:
                    return
            y -= 1.5 * mm

    def _qr(self, widget: QrCodeWidget, x: float, y: float) -> None:
        c = self.c
        path = c.beginPath()
        for rx, ry, rw, rh in qr_runs(widget, x, y):
            path.rect(rx, ry, rw, rh)
        c.setFillColor(widget.barFillColor)
        c.drawPath(path, stroke=0, fill=1)

    def _supervision(self, sheet: PostingSheet) -> None:
        """The bottom block at a fixed place: how to reach and oversee, the QR code, the issuer."""
        qr_size = QR_SIZE
        qr_x, qr_y = RIGHT - qr_size, SUPERVISION_TOP - 4 * mm - qr_size
        top = SUPERVISION_TOP
        self._section("监督方式", top)
        widget = qr_widget(sheet, qr_size)
        if widget is not None:
            self._qr(widget, qr_x, qr_y)
            self.text(qr_x + qr_size / 2, qr_y - 4.5 * mm, "扫码拨打网格员电话", 8.5, GREY, align="center")
        lines = [
            ("网格员电话", sheet.officer_phone or "—"),
            ("举报投诉电话", f"{HOTLINE}（安全生产举报投诉热线）"),
            ("监督单位", f"{BUREAU}（区安委会办公室）"),
        ]
        y = top - 12 * mm
        value_x = LEFT + 30 * mm
        text_w = qr_x - value_x - 4 * mm
        for label, value in lines:
            self.text(LEFT + 1 * mm, y, label + "：", 10.5, GREY)
            for ln in wrap_text(value, self.font, 10.5, text_w):
                self.text(value_x, y, ln, 10.5, INK)
                y -= 6.5 * mm
            y -= 0.5 * mm
        self.text(LEFT + 1 * mm, y - 1 * mm, "对网格员履职情况，欢迎社会各界监督。", 9.5, GREY)
        # The issuer and date, right-aligned like the signature of an official notice.
        self.text(RIGHT, 38 * mm, BUREAU, 12, INK, align="right")
        self.text(RIGHT, 32 * mm, COMMITTEE_OFFICE, 12, INK, align="right")
        self.text(RIGHT, 25.5 * mm, self.info.date_text, 11, INK, align="right")


def build_posting(uow, actor: Actor, params: PostingParams, out: Path,
                  progress: Progress | None = None) -> ReportOutcome:
    """The posting sheets of a selection, one page each, into `out` (written only on success)."""
    if progress is not None:
        progress.report(0, 0, "读取网格和网格员")
    data = posting_sheets(uow, actor, params.selection)
    if not data.sheets:
        raise EmptyReport(f"the selection ({data.scope}) holds no grid")
    total = len(data.sheets)
    info = DocumentInfo(TITLE, params.on or date.today(), subtitle=data.scope, subject=f"网格员挂牌公示：{data.scope}",
                        keywords=("挂牌公示", "网格员"))
    step = steps(progress, total, "公示牌")
    with atomic_output(out) as tmp:
        c = open_canvas(tmp, info)
        painter = SheetPainter(c, info)
        for n, sheet in enumerate(data.sheets, 1):
            painter.draw(sheet, n, total)
            c.showPage()
            step(n)
        c.save()
    return ReportOutcome(Path(out), total, TITLE, f"{total} posting sheets ({data.scope})")
