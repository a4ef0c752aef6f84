"""Paragraph and table styles of the bureau's documents, and helpers to lay text out fast."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Table, TableStyle

from desktop.reports.fonts import register_fonts

RED = colors.HexColor("#c00000")      # 红头: the issuer's name and rules
INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e8ecf2")
ZEBRA_FILL = colors.HexColor("#f6f7f9")


@dataclass(frozen=True)
class Styles:
    font: str
    issuer: ParagraphStyle      # 泉山区应急管理局, red, large, centred
    title: ParagraphStyle       # the document's title
    subtitle: ParagraphStyle    # scope / period line under the title
    heading: ParagraphStyle     # a section heading
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle        # table body cell (wrapping text)
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_header: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (built once: creating styles per page is measurable on 1,000 pages)."""
    font = register_fonts()

    def ps(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return Styles(
        font=font,
        issuer=ps("issuer", 22, 28, alignment=TA_CENTER, textColor=RED),
        title=ps("title", 18, 24, alignment=TA_CENTER, spaceBefore=6, spaceAfter=4),
        subtitle=ps("subtitle", 10.5, 15, alignment=TA_CENTER, textColor=GREY, spaceAfter=8),
        heading=ps("heading", 13, 18, spaceBefore=10, spaceAfter=4),
        body=ps("body", 10.5, 16, alignment=TA_LEFT),
        small=ps("small", 8.5, 11, textColor=GREY),
        cell=ps("cell", 9, 12),
        cell_center=ps("cell_center", 9, 12, alignment=TA_CENTER),
        cell_right=ps("cell_right", 9, 12, alignment=TA_RIGHT),
        cell_header=ps("cell_header", 9, 12, alignment=TA_CENTER),
    )


def table_style(*, header_rows: int = 1, zebra: bool = True, font_size: float = 9,
                zebra_odd_first: bool = False) -> TableStyle:
    """Grid lines, a tinted header (repeated on every page by the table), optional zebra rows."""
    font = register_fonts()
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, font_size, font_size * 1.35),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ]
    if zebra:
        fills = [ZEBRA_FILL, colors.white] if zebra_odd_first else [colors.white, ZEBRA_FILL]
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), fills))
    return TableStyle(cmds)


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    col_widths: Sequence[float],
    *,
    wrap: Iterable[int] = (),
    align: dict[int, str] | None = None,
    zebra: bool = True,
) -> Flowable:
    """A table whose header row repeats on every page it breaks onto; rows never split.

    Only the columns in `wrap` become wrapping paragraphs (CJK line breaking); the others stay
    plain strings, which is what keeps a 10,000-row ledger fast. `align` maps a column to
    "LEFT" / "CENTER" / "RIGHT". Long tables are laid out a page at a time (`RowStream`), so
    the time grows with the rows, not with rows x pages as a single reportlab Table's does.
    """
    st = styles()
    wrap_cols = set(wrap)
    para_style = {"CENTER": st.cell_center, "RIGHT": st.cell_right}
    align = align or {}
    head = [Paragraph(_escape(h), st.cell_header) for h in header]
    body: list[list[object]] = [
        [
            Paragraph(_escape(str(v)), para_style.get(align.get(i, ""), st.cell)) if i in wrap_cols
            else ("" if v is None else str(v))
            for i, v in enumerate(row)
        ]
        for row in rows
    ]

    def make(start: int, stop: int) -> Table:
        table = LongTable([head, *body[start:stop]], colWidths=list(col_widths), repeatRows=1, splitByRow=1)
        style = table_style(zebra=zebra, zebra_odd_first=start % 2 == 1)
        for col, how in align.items():
            style.add("ALIGN", (col, 1), (col, -1), how)
        table.setStyle(style)
        return table

    return RowStream(make, len(body))


class RowStream(Flowable):
    """A long table fed to the frame one page's worth of rows at a time.

    Each step lays out a chunk of rows (header included) and lets reportlab split it at the
    page end; the rows that did not fit start the next step, with the header again. `make(start,
    stop)` builds the Table of rows [start, stop). The chunk is what fitted on the previous
    page plus a margin, doubled while it all fits; a reportlab Table measures every row it holds."""

    FIRST_CHUNK = 40

    def __init__(self, make: Callable[[int, int], Table], count: int, start: int = 0,
                 chunk: int = FIRST_CHUNK) -> None:
        super().__init__()
        self.make, self.count, self.start, self.chunk = make, count, start, chunk
        self._table: Table | None = None
        self._size = (0.0, 0.0)

    def _stop(self, chunk: int) -> int:
        return min(self.count, self.start + chunk)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # The header and one row first: at a page's end there is often not even room for that,
        # and then measuring a page's worth of rows would be wasted.
        table = self.make(self.start, self.start + 1)
        w, h = table.wrap(avail_width, avail_height)
        if h > avail_height or self.start + 1 == self.count:
            self._table, self._size = table, (w, h)
            return w, h
        chunk = self.chunk
        while True:
            stop = self._stop(chunk)
            table = self.make(self.start, stop)
            w, h = table.wrap(avail_width, avail_height)
            if stop == self.count or h > avail_height:
                break
            chunk *= 2  # the whole chunk fits on the page: take more rows
        self._table, self._size = table, (w, h)
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._table is None:
            self.wrap(avail_width, avail_height)
        parts = self._table.split(avail_width, avail_height)
        if not parts:
            return []
        first = parts[0]
        taken = len(first._cellvalues) - 1  # data rows on this page (the header is row 0)
        if taken <= 0:
            return []
        rest = self.start + taken
        more = [RowStream(self.make, self.count, rest, taken + 8)] if rest < self.count else []
        return [first, *more]

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking for Chinese (any character may end a line) that keeps Latin words
    and numbers whole and never starts a line with closing punctuation. For canvas drawing,
    where a Paragraph per field would cost more than the whole page."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if token == "\n":
            lines.append(line)
            line = ""
            continue
        candidate = line + token
        if not line or stringWidth(candidate, font, size) <= width or token in _NO_LINE_START:
            line = candidate
        else:
            lines.append(line.rstrip())
            line = token.lstrip()
    if line or not lines:
        lines.append(line)
    return lines


_NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)%")


def _tokens(text: str) -> Iterable[str]:
    word = ""
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in "-+_./@"):
            word += ch
            continue
        if word:
            yield word
            word = ""
        yield ch
    if word:
        yield word
