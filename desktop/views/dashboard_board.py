"""The dashboard's tiles and charts, built once; `show(figures)` feeds them new data in place.

Every click becomes a `Drill` (services.dashboard) on `drill`: which list the figure stands for.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop import labels
from desktop.domain.hazard_terms import DISTRICT_TZ, HazardStatus
from desktop.services import dashboard as dash
from desktop.services.dashboard_figures import day_start
from desktop.widgets.charts import BarChart, Panel, TimeChart
from desktop.widgets.tiles import RatioBars, Tile

STATUS_COLOURS = {
    HazardStatus.FOUND: "#90a4ae", HazardStatus.CLASSIFIED: "#4fc3f7",
    HazardStatus.RECTIFYING: "#ffb300", HazardStatus.AWAITING_REINSPECTION: "#ba68c8",
}
NEW, CLOSED, ON_TIME, DISPATCH, ARRIVAL = "#4fc3f7", "#66bb6a", "#ffd54f", "#4fc3f7", "#ff8a65"
PARK, STREET = "#ffb74d", "#ef5350"


def _ts(day: date) -> float:
    return day_start(day).timestamp()


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


class DashboardBoard(QWidget):
    drill = Signal(object)  # dash.Drill

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: dash.Figures | None = None
        self._build_tiles()
        self._build_charts()
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.daily, 0, 0)
        grid.addWidget(self.weekly, 0, 1)
        grid.addWidget(self.five_panel, 0, 2)
        grid.addWidget(self.streets, 0, 3, 2, 1)
        grid.addWidget(self.response, 1, 0)
        grid.addWidget(self.squad, 1, 1)
        grid.addWidget(self.status, 1, 2)
        for c, stretch in enumerate((5, 4, 4, 4)):
            grid.setColumnStretch(c, stretch)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(10)
        col.addLayout(self.tile_row)
        col.addLayout(grid, 1)

    # -- building ------------------------------------------------------------------------------------
    def _build_tiles(self) -> None:
        self.tile_row = QHBoxLayout()
        self.tile_row.setSpacing(10)
        tiles = (
            ("open", "tileOpen", self.tr("Open hazards"), self.tr("Tickets not yet closed off; click for the list")),
            ("major", "tileMajor", self.tr("Major hazards open"),
             self.tr("Open major hazards (重大隐患); click for the list")),
            ("overdue", "tileOverdue", self.tr("Overdue"),
             self.tr("Rectifying past the deadline; click for the list")),
            ("on_time", "tileOnTime", self.tr("Rectified on time"), self.tr(
                "Tickets due in the period closed off by the end of their deadline day; click for the overdue list")),
            ("incidents", "tileIncidents", self.tr("Incidents today"),
             self.tr("Calls today (duplicates merged); click for the incident list")),
            ("squad", "tileSquad", self.tr("Squad available"),
             self.tr("Squad members on standby now; click for the squad board")),
        )
        self.tiles = {key: Tile(name, title, tip) for key, name, title, tip in tiles}
        drills = {"open": dash.drill_open, "major": dash.drill_major, "overdue": dash.drill_overdue,
                  "on_time": dash.drill_overdue, "incidents": dash.drill_incidents, "squad": dash.drill_squad}
        for key, tile in self.tiles.items():
            tile.clicked.connect(lambda k=key: self.drill.emit(drills[k]()))
            self.tile_row.addWidget(tile, 1)

    def _build_charts(self) -> None:
        self.daily = TimeChart(self.tr("Hazards found and closed per day"))
        self.daily.add_line("new", self.tr("Found"), NEW)
        self.daily.add_line("closed", self.tr("Closed off"), CLOSED)
        self.daily.point_clicked.connect(self._on_day_clicked)
        self.weekly = TimeChart(self.tr("On-time rectification rate per week (%)"))
        self.weekly.add_line("rate", self.tr("On time"), ON_TIME)
        self.response = TimeChart(self.tr("Response times (minutes)"))
        self.response.add_line("dispatch", self.tr("Call → dispatch"), DISPATCH, pen=False)
        self.response.add_line("arrival", self.tr("Dispatch → arrival"), ARRIVAL, pen=False)
        self.response.add_level("dispatch", DISPATCH)
        self.response.add_level("arrival", ARRIVAL)
        self.squad = BarChart(self.tr("Squad availability by sub-squad"), [
            (self.tr("Available"), "#66bb6a"), (self.tr("Engaged"), "#ff7043"),
            (self.tr("Off / training / leave"), "#546e7a")])
        self.squad.bar_clicked.connect(self._on_squad_clicked)
        self.status = BarChart(self.tr("Open hazards by status"), [(self.tr("Tickets"), "#4fc3f7")])
        self.status.bar_clicked.connect(self._on_status_clicked)
        self.streets = BarChart(self.tr("Overdue by street / park"), [(self.tr("Overdue"), STREET)], horizontal=True)
        self.streets.bar_clicked.connect(self._on_street_clicked)
        self.five_panel = Panel(self.tr("Five completes (五全)"))
        self.five = RatioBars()
        rows = (
            ("area", self.tr("Every area covered"), self.tr(
                "Share of the district's territory in a sub-community grid that has its officer "
                "(the district outline, or the union of the street/park grids); beside it, the sub-community grids "
                "with an officer")),
            ("enterprises", self.tr("Every enterprise supervised"), self.tr(
                "Enterprises with a lead supervising department / all enterprises; click for the gaps")),
            ("key", self.tr("Every key item included"), self.tr(
                "Red and orange enterprises supervised at district tier or with an exclusive grid / all of them")),
            ("tasks", self.tr("Every daily task done"), self.tr(
                "Tickets due on a past day of the period closed off by the end of their deadline day / all of them "
                "(no patrol log yet: rectification deadlines stand for the daily tasks); click for the overdue list")),
            ("records", self.tr("Every inspection recorded"), self.tr(
                "Tickets closed off in the period with a passed re-inspection and rectification evidence / all "
                "tickets closed off in the period")),
        )
        for key, label, tip in rows:
            self.five.add_row(key, label, tip, clickable=key in ("enterprises", "tasks"))
        self.five.clicked.connect(lambda k: self.drill.emit(
            dash.drill_unsupervised() if k == "enterprises" else dash.drill_overdue()))
        self.five_panel.body.addWidget(self.five, 1)

    # -- clicks ----------------------------------------------------------------------------------------
    def _on_status_clicked(self, i: int) -> None:
        if self.figures is not None:
            self.drill.emit(dash.drill_open(self.figures.open_by_status[i][0]))

    def _on_street_clicked(self, i: int) -> None:
        if self.figures is not None:
            self.drill.emit(dash.drill_overdue(self.figures.streets[i].street_id))

    def _on_squad_clicked(self, i: int) -> None:
        if self.figures is not None:
            self.drill.emit(dash.drill_squad(self.figures.squad[i].sub_squad_id))

    def _on_day_clicked(self, key: str, x: float) -> None:
        if key == "new":
            self.drill.emit(dash.drill_found_on(datetime.fromtimestamp(x + 3600, DISTRICT_TZ).date()))

    # -- showing ---------------------------------------------------------------------------------------
    def show_figures(self, f: dash.Figures) -> None:
        self.figures = f
        self._show_tiles(f)
        days = f.days
        xs = [_ts(d.day) for d in days]
        self.daily.set_line("new", xs, [d.new for d in days])
        self.daily.set_line("closed", xs, [d.closed for d in days])
        self.daily.set_x_range(_ts(f.period.start), _ts(f.period.end))
        weeks = [w for w in f.weeks() if w.rate is not None]
        # a week begun before the period is drawn at the period's first day (its days inside it)
        self.weekly.set_line("rate", [_ts(max(w.week, f.period.start)) for w in weeks],
                             [round(w.rate * 100, 1) for w in weeks])
        self.weekly.set_x_range(_ts(f.period.start), _ts(f.period.end))
        self.weekly.set_y_range(0, 100)
        self._show_response(f)
        self._show_bars(f)
        self._show_five(f.five)

    def _show_tiles(self, f: dash.Figures) -> None:
        last = f.days[-1] if f.days and f.days[-1].day == f.today else None
        self.tiles["open"].set(str(f.open_total), self.tr("found {0} · closed {1} today").format(
            last.new if last else 0, last.closed if last else 0))
        self.tiles["major"].set(str(f.major_open), self.tr("major hazards (重大隐患)"),
                                "alert" if f.major_open else "good")
        self.tiles["overdue"].set(str(f.overdue_total), self.tr("in {0} streets / parks").format(
            sum(1 for s in f.streets if s.overdue)), "alert" if f.overdue_total else "good")
        tasks = f.five.tasks_done
        self.tiles["on_time"].set(_pct(tasks.value), self.tr("{0} of {1} due in the period").format(
            int(tasks.part), int(tasks.whole)), "good" if (tasks.value or 1) >= 0.9 else "warn")
        inc = f.incidents
        self.tiles["incidents"].set(str(inc.today), self.tr("{0} open now").format(inc.open_now),
                                    "warn" if inc.open_now else "normal")
        sq, veh = f.squad_available, f.vehicles_available
        self.tiles["squad"].set(f"{int(sq.part)}/{int(sq.whole)}", self.tr("engines {0}/{1} available").format(
            int(veh.part), int(veh.whole)), "good" if (sq.value or 0) >= 0.5 else "warn")

    def _show_response(self, f: dash.Figures) -> None:
        pts = f.incidents.points
        s = f.incidents.summary
        d = [(p.reported_at.timestamp(), p.call_to_dispatch_s / 60)
             for p in pts if p.call_to_dispatch_s is not None]
        a = [(p.reported_at.timestamp(), p.dispatch_to_arrival_s / 60)
             for p in pts if p.dispatch_to_arrival_s is not None]
        self.response.set_line("dispatch", [x for x, _ in d], [y for _, y in d])
        self.response.set_line("arrival", [x for x, _ in a], [y for _, y in a])
        self.response.set_level("dispatch", s.dispatch_target_s / 60, self.tr("dispatch target {0:g} min").format(
            s.dispatch_target_s / 60))
        self.response.set_level("arrival", s.arrival_target_s / 60, self.tr("arrival target {0:g} min").format(
            s.arrival_target_s / 60))
        self.response.set_x_range(_ts(f.period.start), _ts(f.period.end) + 86400)
        self.response.title.setText(self.tr("Response times (min) · on target: dispatch {0}, arrival {1}").format(
            _pct(s.dispatch_within_target), _pct(s.arrival_within_target)))

    def _show_bars(self, f: dash.Figures) -> None:
        self.status.set_data([labels.hazard_status(s) for s, _ in f.open_by_status],
                             [[n for _, n in f.open_by_status]],
                             [f"{labels.hazard_status(s)}: {n}" for s, n in f.open_by_status],
                             [QColor(STATUS_COLOURS[s]) for s, _ in f.open_by_status])
        self.streets.set_data([s.name for s in f.streets], [[s.overdue for s in f.streets]],
                              [self.tr("{0}: {1} overdue").format(s.name, s.overdue) for s in f.streets],
                              [QColor(PARK if s.park else STREET) for s in f.streets])
        self.squad.set_data([s.name for s in f.squad], [[s.available for s in f.squad], [s.engaged for s in f.squad],
                                                        [s.off for s in f.squad]],
                            [self.tr("{0}: {1} of {2} available, {3} engaged; engines {4}/{5}").format(
                                s.name, s.available, s.total, s.engaged, s.vehicles_available, s.vehicles)
                             for s in f.squad])

    def _show_five(self, five: dash.FiveCompletes) -> None:

        def share(r: dash.Ratio) -> str:
            return f"{int(r.part)}/{int(r.whole)}"

        self.five.set_ratio("area", five.area_covered.value, share(five.grids_with_officer))
        for key, ratio in (("enterprises", five.enterprises_supervised), ("key", five.key_included),
                           ("tasks", five.tasks_done), ("records", five.inspections_recorded)):
            self.five.set_ratio(key, ratio.value, share(ratio))
