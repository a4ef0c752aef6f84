"""Charts of the bureau's documents, drawn with reportlab.graphics.charts (vector, headless): open
hazards by street as stacked bars, and new vs closed-off hazards per day as lines."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from desktop.reports.fonts import register_fonts
from desktop.reports.styles import GREY, INK, RULE

OPEN_COLOUR = colors.HexColor("#f0a04b")      # open, not overdue
OVERDUE_COLOUR = colors.HexColor("#c62828")
FOUND_COLOUR = colors.HexColor("#1e66c8")
CLOSED_COLOUR = colors.HexColor("#2e8b57")


def canvas_drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose initial font is the embedded CJK one (reportlab's default would
    add an unembedded Helvetica to the page even when no text uses it)."""
    d = Drawing(width, height)
    d.initialFontName = register_fonts()
    return d


def nice_top(value: float, steps: int = 4) -> tuple[float, float]:
    """A round axis maximum at or above `value` and its step (at least 1: counts are whole)."""
    step = 1.0
    for unit in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = float(unit)
        if value <= unit * steps:
            break
    top = max(step, step * -(-value // step))
    return top, step


def _title(d: Drawing, text: str, width: float, y: float) -> None:
    d.add(String(width / 2, y, text, fontName=register_fonts(), fontSize=9, fillColor=INK, textAnchor="middle"))


def _legend(items: Sequence[tuple[colors.Color, str]], x: float, y: float, *, marker: bool = False) -> Legend:
    lg = Legend()
    lg.x, lg.y = x, y
    lg.fontName, lg.fontSize = register_fonts(), 7.5
    lg.alignment = "right"
    lg.columnMaximum = 1
    lg.dx, lg.dy = 7, 7
    lg.deltax, lg.dxTextSpace = 66, 3
    lg.boxAnchor = "nw"
    lg.strokeWidth, lg.strokeColor = 0, None
    lg.colorNamePairs = list(items)
    return lg


def street_bars(rows: Sequence[tuple[str, int, int]], width: float, height: float, title: str) -> Drawing:
    """Horizontal stacked bars, one per street (name, open, of which overdue), first at the top;
    each bar's total written at its end."""
    font = register_fonts()
    d = canvas_drawing(width, height)
    _title(d, title, width, height - 11)
    names = [n for n, _, _ in rows]
    late = [o for _, _, o in rows]
    rest = [max(0, t - o) for _, t, o in rows]
    label_w = 52
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 26
    chart.width, chart.height = width - label_w - 22, height - 26 - 20
    chart.data = [rest[::-1], late[::-1]]  # reportlab draws the first category at the bottom
    chart.categoryAxis.categoryNames = names[::-1]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = font, 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.visibleTicks = False
    top, step = nice_top(max((t for _, t, _ in rows), default=0) or 1)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = font, 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor, chart.valueAxis.gridStrokeWidth = colors.HexColor("#e3e3e3"), 0.4
    chart.bars[0].fillColor, chart.bars[1].fillColor = OPEN_COLOUR, OVERDUE_COLOUR
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 0, 3
    d.add(chart)
    band = chart.height / max(1, len(rows))
    for i, (_, total, _) in enumerate(rows):  # totals at the bars' ends
        y = chart.y + chart.height - (i + 0.5) * band - 2.5
        x = chart.x + chart.width * (total / top) + 3
        d.add(String(x, y, str(total), fontName=font, fontSize=6.5, fillColor=GREY))
    d.add(_legend([(OPEN_COLOUR, "在办未逾期"), (OVERDUE_COLOUR, "逾期")], label_w, 12))
    return d


def trend_lines(rows: Sequence[tuple[str, int, int]], width: float, height: float, title: str) -> Drawing:
    """Two lines over days (label, found, closed off), with markers and a legend."""
    font = register_fonts()
    d = canvas_drawing(width, height)
    _title(d, title, width, height - 11)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 40
    chart.width, chart.height = width - 28 - 12, height - 40 - 20
    chart.data = [[f for _, f, _ in rows], [c for _, _, c in rows]]
    chart.categoryAxis.categoryNames = [label for label, _, _ in rows]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = font, 7
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.visibleTicks = False
    top, step = nice_top(max([v for _, f, c in rows for v in (f, c)], default=0) or 1)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = font, 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor, chart.valueAxis.gridStrokeWidth = colors.HexColor("#e3e3e3"), 0.4
    chart.joinedLines = 1
    for i, (colour, marker) in enumerate(((FOUND_COLOUR, "FilledCircle"), (CLOSED_COLOUR, "FilledSquare"))):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.4
        chart.lines[i].symbol = makeMarker(marker, size=4, fillColor=colour, strokeColor=colour)
    chart.lineLabelFormat = "%d"
    chart.lineLabels.fontName, chart.lineLabels.fontSize, chart.lineLabels.fillColor = font, 6.5, GREY
    chart.lineLabels.dy = 4
    for col in range(len(rows)):  # the closed-off figures under their points, apart from the others
        chart.lineLabels[(1, col)].dy = -11
    d.add(chart)
    d.add(_legend([(FOUND_COLOUR, "新发现隐患"), (CLOSED_COLOUR, "销号隐患")], 28, 14))
    return d
