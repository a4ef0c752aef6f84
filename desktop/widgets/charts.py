"""Reusable pyqtgraph pieces for a wall display: titled panels on a dark theme, clickable bars
(vertical or horizontal, stacked), lines on a district date axis, and target levels.

Every item is created once; `set_*` methods only feed new data to the same items (setData /
setOpts), so a live update never rebuilds a plot. pyqtgraph costs start-up time: import this
module only where a chart is shown (the dashboard imports it when it is first opened).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.hazard_terms import DISTRICT_TZ

BACKGROUND = "#0e1d2c"
PANEL = "#12263a"
GRID = "#27445f"
TEXT = "#d7e6f3"
MUTED = "#8aa4bb"
DISTRICT_OFFSET_S = 8 * 3600
MAX_DOTS = 100  # a line with more points is drawn without its dots (and its points are not clickable)


def chart_font(point_size: int = 10) -> QFont:
    """The application's font (the shipped CJK font once installed) at the given size."""
    font = QFont(QApplication.font())
    font.setPointSize(point_size)
    return font


class Panel(QFrame):
    """A titled frame around one chart."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.title = QLabel(title)
        self.title.setObjectName("chartTitle")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 8)
        self.body.setSpacing(4)
        self.body.addWidget(self.title)


def plot_widget(axis_items: dict | None = None) -> pg.PlotWidget:
    """A PlotWidget in the wall-display theme: no mouse zoom (a wall display is read, not
    explored), light grid, CJK-capable tick labels."""
    w = pg.PlotWidget(background=PANEL, axisItems=axis_items or {})
    item = w.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.getViewBox().setMouseEnabled(x=False, y=False)
    item.showGrid(x=False, y=True, alpha=0.18)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(GRID))
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setStyle(tickFont=chart_font(9))
    return w


class ClickableBars(pg.BarGraphItem):
    """Bars that say which one was clicked (its index) and show a tooltip per bar."""

    def __init__(self, horizontal: bool, on_click: Callable[[int], None], **opts) -> None:
        base = dict(x0=0, y=[], width=[], height=0.62) if horizontal else dict(x=[], y0=0, height=[], width=0.62)
        super().__init__(**{**base, **opts})
        self.horizontal = horizontal
        self.on_click = on_click
        self.tips: list[str] = []
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(True)

    def count(self) -> int:
        return len(self.opts["y" if self.horizontal else "x"])

    def index_at(self, pos) -> int | None:
        i = round(pos.y() if self.horizontal else pos.x())
        return i if 0 <= i < self.count() else None

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        i = self.index_at(ev.pos())
        if ev.button() == Qt.MouseButton.LeftButton and i is not None:
            ev.accept()
            self.on_click(i)

    def hoverEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        if ev.isExit():
            return
        i = self.index_at(ev.pos())
        self.setToolTip(self.tips[i] if i is not None and i < len(self.tips) else "")


class BarChart(Panel):
    """Category bars, stacked in layers (one BarGraphItem each), with the total at each bar's end.
    Horizontal bars list the categories top to bottom on the left axis."""

    bar_clicked = Signal(int)

    def __init__(self, title: str, layers: Sequence[tuple[str, str]], *, horizontal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.horizontal = horizontal
        self.plot = plot_widget()
        item = self.plot.getPlotItem()
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.18)
        if horizontal:
            item.invertY(True)
        if len(layers) > 1:  # the key as a line of text under the title (a plot legend would cover bars)
            key = QLabel("　".join(f'<span style="color:{colour}">■</span> {name}' for name, colour in layers))
            key.setObjectName("chartKey")
            key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.body.addWidget(key)
        self.layers: list[ClickableBars] = []
        for name, colour in layers:
            bars = ClickableBars(horizontal, self.bar_clicked.emit, brush=QColor(colour), pen=pg.mkPen(None),
                                 name=name)
            item.addItem(bars)
            self.layers.append(bars)
        self.labels: list[pg.TextItem] = []  # the totals, a pool reused across updates
        self.body.addWidget(self.plot, 1)

    def category_axis(self) -> pg.AxisItem:
        return self.plot.getPlotItem().getAxis("left" if self.horizontal else "bottom")

    def set_data(self, categories: Sequence[str], layers: Sequence[Sequence[float]],
                 tips: Sequence[str] = (), brushes: Sequence[QColor] | None = None) -> None:
        n = len(categories)
        pos = list(range(n))
        base = [0.0] * n
        for i, (bars, values) in enumerate(zip(self.layers, layers, strict=True)):
            extra = {"brushes": list(brushes)} if brushes is not None and i == 0 else {}
            if self.horizontal:
                bars.setOpts(x0=list(base), y=pos, width=list(values), **extra)
            else:
                bars.setOpts(x=pos, y0=list(base), height=list(values), **extra)
            bars.tips = list(tips)
            base = [b + v for b, v in zip(base, values, strict=True)]
        self.category_axis().setTicks([[(i, c) for i, c in enumerate(categories)]])
        self._totals(base)
        top = max(base, default=0) or 1
        item = self.plot.getPlotItem()
        if self.horizontal:
            item.setXRange(0, top * 1.15, padding=0)
            item.setYRange(-0.6, n - 0.4, padding=0)
        else:
            item.setYRange(0, top * 1.18, padding=0)
            item.setXRange(-0.6, n - 0.4, padding=0)

    def _totals(self, totals: list[float]) -> None:
        while len(self.labels) < len(totals):
            label = pg.TextItem(color=TEXT, anchor=(0, 0.5) if self.horizontal else (0.5, 1))
            label.setFont(chart_font(9))
            self.plot.getPlotItem().addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            if i < len(totals):
                label.setText(f"{totals[i]:g}")
                label.setPos(totals[i], i) if self.horizontal else label.setPos(i, totals[i])
                label.show()
            else:
                label.hide()


class DistrictDateAxis(pg.DateAxisItem):
    """District calendar dates (UTC+8, whatever the machine's zone) with short localised labels,
    ticked on whole days, Mondays, months or years: as fine as the labels fit side by side."""

    STEPS = (1, 2, 7, 14, 30, 91, 365)  # days; 30 = month starts, 91 = quarters, 365 = years

    def __init__(self, orientation: str = "bottom", **kw) -> None:
        super().__init__(orientation, utcOffset=-DISTRICT_OFFSET_S, **kw)

    @staticmethod
    def format_date(at: datetime, step_days: float) -> str:
        if step_days >= 365:
            return f"{at.year}"
        if step_days >= 28:
            return QCoreApplication.translate("Charts", "{y}-{m:02d}").format(y=at.year, m=at.month)
        return QCoreApplication.translate("Charts", "{m}/{d}").format(m=at.month, d=at.day)

    def _label_px(self, step: int) -> int:
        font = self.style.get("tickFont") or chart_font(9)
        sample = datetime(2026, 12, 28, tzinfo=DISTRICT_TZ)
        return QFontMetrics(font).horizontalAdvance(self.format_date(sample, step)) + 14

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph override
        if maxVal <= minVal or size <= 0:
            return []
        first = datetime.fromtimestamp(minVal, UTC).astimezone(DISTRICT_TZ).date()
        last = datetime.fromtimestamp(maxVal, UTC).astimezone(DISTRICT_TZ).date()
        for step in self.STEPS:
            days = _ticks(first, last, step)
            if len(days) <= max(1, int(size / self._label_px(step))) or step == self.STEPS[-1]:
                break
        values = [datetime.combine(d, datetime.min.time(), DISTRICT_TZ).timestamp() for d in days]
        return [(step * 86400.0, [v for v in values if minVal <= v <= maxVal])]

    def tickStrings(self, values, scale, spacing) -> list[str]:  # noqa: N802 - pyqtgraph override
        return [self.format_date(datetime.fromtimestamp(v, UTC).astimezone(DISTRICT_TZ), spacing / 86400)
                for v in values]


def _ticks(first: date, last: date, step: int) -> list[date]:
    """Days from `first` to `last` on which a tick of `step` days falls."""
    if step >= 28:  # month starts, every 1 / 3 / 12 months
        months = {30: 1, 91: 3, 365: 12}[step]
        out, y, m = [], first.year, first.month
        while date(y, m, 1) <= last:
            if date(y, m, 1) >= first and (m - 1) % months == 0:
                out.append(date(y, m, 1))
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        return out
    if step >= 7:  # Mondays (every other one for 14)
        d = first + timedelta(days=-first.weekday() % 7)
        span = timedelta(days=step)
    else:
        d, span = first, timedelta(days=step)
    out = []
    while d <= last:
        out.append(d)
        d += span
    return out


class TimeChart(Panel):
    """Named lines over district dates (x: Unix seconds), with horizontal target levels."""

    point_clicked = Signal(str, float)  # line key, x of the clicked point

    def __init__(self, title: str, parent: QWidget | None = None, *, y_suffix: str = "") -> None:
        super().__init__(title, parent)
        self.plot = plot_widget({"bottom": DistrictDateAxis()})
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setPen(pg.mkPen(GRID))
        item.getAxis("bottom").setTextPen(pg.mkPen(TEXT))
        item.getAxis("bottom").setStyle(tickFont=chart_font(9))
        if y_suffix:
            item.getAxis("left").setLabel(y_suffix, color=MUTED)
        self.legend = item.addLegend(offset=(6, 4), labelTextColor=TEXT, labelTextSize="9pt",
                                     brush=pg.mkBrush(18, 38, 58, 200))
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.symbols: dict[str, str | None] = {}
        self.levels: dict[str, pg.InfiniteLine] = {}
        self.body.addWidget(self.plot, 1)

    def add_line(self, key: str, name: str, colour: str, *, symbol: str | None = "o", pen: bool = True,
                 dashed: bool = False) -> pg.PlotDataItem:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        line = pg.PlotDataItem([], [], name=name, pen=pg.mkPen(colour, width=2, style=style) if pen else None,
                               symbol=symbol, symbolSize=6 if pen else 7, symbolBrush=QColor(colour),
                               symbolPen=pg.mkPen(None))
        self.symbols[key] = symbol
        if symbol:
            line.sigPointsClicked.connect(lambda _item, points, _ev, k=key: self._clicked(k, points))
        self.plot.getPlotItem().addItem(line)
        self.lines[key] = line
        return line

    def _clicked(self, key: str, points) -> None:
        if len(points):
            self.point_clicked.emit(key, float(points[0].pos().x()))

    def set_line(self, key: str, xs: Sequence[float], ys: Sequence[float]) -> None:
        line = self.lines[key]
        line.setData(list(xs), list(ys))
        if line.opts["pen"] is not None and self.symbols.get(key):  # dots only while they stay apart
            line.setSymbol(self.symbols[key] if len(xs) <= MAX_DOTS else None)

    def add_level(self, key: str, colour: str) -> pg.InfiniteLine:
        level = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                                label="", labelOpts={"color": colour, "position": 0.97, "anchors": [(1, 1), (1, 1)],
                                           "fill": pg.mkBrush(18, 38, 58, 220)})
        self.plot.getPlotItem().addItem(level, ignoreBounds=False)
        self.levels[key] = level
        return level

    def set_level(self, key: str, value: float, text: str) -> None:
        level = self.levels[key]
        level.setValue(value)
        level.label.setFormat(text)

    def set_x_range(self, start: float, end: float) -> None:
        self.plot.getPlotItem().setXRange(start, end, padding=0.02)

    def set_y_range(self, low: float, high: float) -> None:
        self.plot.getPlotItem().setYRange(low, high, padding=0.02)
