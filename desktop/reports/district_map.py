"""The district map of a situation report, drawn as vector graphics from the data (no tiles, no
browser: it works headless): street and park outlines from the grids' GeoJSON with their names,
hazards and incidents as coloured symbols, a legend, a north arrow and a scale bar."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.charts import canvas_drawing
from desktop.reports.fonts import register_fonts
from desktop.reports.styles import GREY, INK, RULE
from desktop.services.situation import MapHazard, MapIncident, StreetShape

STREET_FILLS = tuple(colors.HexColor(c) for c in ("#eef3f8", "#f3f6ee", "#f8f2ec", "#f1eef6"))
STREET_EDGE = colors.HexColor("#8a96a8")
GENERAL = colors.HexColor("#f0a04b")
MAJOR = colors.HexColor("#c62828")
OVERDUE_RING = colors.HexColor("#7b1fa2")
NEW_RING = colors.HexColor("#1e66c8")
INCIDENT = colors.HexColor("#d50000")
LEGEND_W = 46 * 72 / 25.4          # 46 mm for the legend column
METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Projection:
    """Equirectangular lon/lat → drawing points, true to scale at the district's latitude."""

    lon0: float
    lat0: float
    kx: float       # cos(latitude)
    scale: float    # points per degree of latitude
    x0: float
    y0: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return self.x0 + (lon - self.lon0) * self.kx * self.scale, self.y0 + (lat - self.lat0) * self.scale

    @property
    def metres_per_point(self) -> float:
        return METRES_PER_DEGREE / self.scale


def fit(shapes: Sequence[StreetShape], x: float, y: float, w: float, h: float) -> Projection:
    """The projection that fits every outline into the box, centred."""
    xs = [p[0] for s in shapes for ring in s.rings for p in ring] or [0.0, 1.0]
    ys = [p[1] for s in shapes for ring in s.rings for p in ring] or [0.0, 1.0]
    kx = math.cos(math.radians((min(ys) + max(ys)) / 2))
    span_x, span_y = max((max(xs) - min(xs)) * kx, 1e-9), max(max(ys) - min(ys), 1e-9)
    scale = min(w / span_x, h / span_y)
    x0 = x + (w - span_x * scale) / 2
    y0 = y + (h - span_y * scale) / 2
    return Projection(min(xs), min(ys), kx, scale, x0, y0)


def _symbol(kind: str, x: float, y: float) -> Group:
    """One legend / map symbol."""
    g = Group()
    if kind == "general":
        g.add(Circle(x, y, 1.7, fillColor=GENERAL, strokeColor=colors.white, strokeWidth=0.3))
    elif kind == "closed":  # found in the period and closed off since: a small grey dot in its ring
        g.add(Circle(x, y, 1.4, fillColor=GREY, strokeColor=None))
    elif kind == "major":
        g.add(makeMarker("FilledTriangle", x=x, y=y, size=6, fillColor=MAJOR, strokeColor=colors.white,
                         strokeWidth=0.3))
    elif kind == "overdue":
        g.add(Circle(x, y, 3.4, fillColor=None, strokeColor=OVERDUE_RING, strokeWidth=0.9))
    elif kind == "new":
        g.add(Circle(x, y, 4.2, fillColor=None, strokeColor=NEW_RING, strokeWidth=0.9))
    elif kind == "incident":
        g.add(makeMarker("FilledStarFive", x=x, y=y, size=9, fillColor=INCIDENT, strokeColor=colors.white,
                         strokeWidth=0.3))
    return g


def _north_arrow(d: Drawing, x: float, y: float) -> None:
    font = register_fonts()
    d.add(Polygon([x, y + 16, x - 5, y, x, y + 4], fillColor=INK, strokeColor=INK, strokeWidth=0.5))
    d.add(Polygon([x, y + 16, x + 5, y, x, y + 4], fillColor=colors.white, strokeColor=INK, strokeWidth=0.5))
    d.add(String(x, y + 19, "北", fontName=font, fontSize=8, fillColor=INK, textAnchor="middle"))


def _scale_bar(d: Drawing, proj: Projection, x: float, y: float, room: float) -> None:
    """Two segments of a round length in kilometres, fitting in `room` points."""
    font = register_fonts()
    km = next((k for k in (10, 5, 2, 1, 0.5, 0.2, 0.1) if 2 * k * 1000 / proj.metres_per_point <= room), 0.1)
    seg = km * 1000 / proj.metres_per_point
    for i in range(2):
        d.add(Rect(x + i * seg, y, seg, 3, fillColor=INK if i == 0 else colors.white, strokeColor=INK,
                   strokeWidth=0.5))
    for i, text in enumerate(("0", f"{km:g}", f"{2 * km:g} 公里")):
        d.add(String(x + i * seg, y + 5, text, fontName=font, fontSize=6.5, fillColor=GREY, textAnchor="middle"))


def _legend(d: Drawing, x: float, top: float, counts: dict[str, int]) -> float:
    font = register_fonts()
    d.add(String(x, top, "图　例", fontName=font, fontSize=9, fillColor=INK))
    y = top - 15
    for kind, label in (("general", "在办一般隐患"), ("major", "在办重大隐患"), ("overdue", "逾期未整改（外圈）"),
                        ("new", "本期新发现（外圈）"), ("incident", "本期警情")):
        if kind in ("overdue", "new"):
            d.add(_symbol("general", x + 5, y + 2.5))
        d.add(_symbol(kind, x + 5, y + 2.5))
        d.add(String(x + 14, y, f"{label} {counts.get(kind, 0)}", fontName=font, fontSize=7.5, fillColor=INK))
        y -= 14
    return y


def district_map(streets: Sequence[StreetShape], hazards: Sequence[MapHazard], incidents: Sequence[MapIncident],
                 width: float, height: float) -> Drawing:
    """The map drawing, `width` x `height` points: the map on the left, the legend column right."""
    font = register_fonts()
    d = canvas_drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
    map_w = width - LEGEND_W
    proj = fit(streets, 8, 8, map_w - 16, height - 16)
    for i, s in enumerate(streets):
        for ring in s.rings:
            points = [v for lon, lat in ring for v in proj(lon, lat)]
            d.add(Polygon(points, fillColor=STREET_FILLS[i % len(STREET_FILLS)], strokeColor=STREET_EDGE,
                          strokeWidth=0.6, strokeLineJoin=1))
    for h in sorted(hazards, key=lambda h: h.major):  # majors on top
        x, y = proj(h.lon, h.lat)
        if h.new:
            d.add(_symbol("new", x, y))
        if h.overdue:
            d.add(_symbol("overdue", x, y))
        d.add(_symbol(("major" if h.major else "general") if h.open else "closed", x, y))
    for inc in incidents:
        d.add(_symbol("incident", *proj(inc.lon, inc.lat)))
    for s in streets:  # names last: over the symbols, not under them
        x, y = proj(*s.label)
        size = 7.0
        while size > 4.5 and stringWidth(s.name, font, size) > 60:
            size -= 0.5
        d.add(String(x, y - size / 3, s.name, fontName=font, fontSize=size, fillColor=INK, textAnchor="middle"))
    d.add(Line(map_w, 6, map_w, height - 6, strokeColor=RULE, strokeWidth=0.4))
    counts = {"general": sum(h.open and not h.major for h in hazards), "major": sum(h.open and h.major for h in hazards),
              "overdue": sum(h.overdue for h in hazards), "new": sum(h.new for h in hazards),
              "incident": len(incidents)}
    lx = map_w + 10
    _legend(d, lx, height - 18, counts)
    _north_arrow(d, width - 22, 44)
    _scale_bar(d, proj, lx + 4, 16, LEGEND_W - 30)
    return d
