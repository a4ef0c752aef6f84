"""The Dashboard screen on the demo district: it shows the service's figures; a hazard committed by
another workstation updates tiles and charts in place (the same pyqtgraph items, new data);
clicks open the matching list; the time range reloads the series."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop.app import build_context
from desktop.data.feed import Change, Changes
from desktop.data.tables import Enterprise
from desktop.domain.hazard_terms import Category, HazardStatus, district_today
from desktop.services import dashboard as dash
from desktop.services import hazards as hz
from desktop.services.dashboard_figures import day_start
from desktop.views import dashboard as dashboard_view
from desktop.views.dashboard import DashboardScreen
from desktop.views.main_window import MainWindow
from tests.gui.hazard_env import DUTY, WAIT_MS, ZHANG, act, read

pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot) -> Iterator[Callable[..., DashboardScreen]]:
    contexts = []

    def make(db, **kw) -> DashboardScreen:
        ctx = build_context(db, DUTY)
        contexts.append(ctx)
        screen = DashboardScreen(ctx, **kw)
        qtbot.addWidget(screen)
        screen.resize(1500, 900)
        screen.show()
        qtbot.waitUntil(lambda: screen.figures is not None, timeout=WAIT_MS)
        return screen

    yield make
    for ctx in contexts:
        ctx.sync.stop()
        ctx.ops.cancel_all()
        ctx.ops.wait_idle(10_000)


def ys(item) -> list[float]:
    return [float(v) for v in item.getData()[1]]


def xs(item) -> list[float]:
    return [float(v) for v in item.getData()[0]]


def shown(screen: DashboardScreen) -> dict:
    """What the charts and tiles hold, read back from the pyqtgraph items and labels."""
    b = screen.board
    return {
        "open": b.tiles["open"].value.text(), "major": b.tiles["major"].value.text(),
        "overdue": b.tiles["overdue"].value.text(), "incidents": b.tiles["incidents"].value.text(),
        "squad": b.tiles["squad"].value.text(),
        "new": ys(b.daily.lines["new"]), "closed": ys(b.daily.lines["closed"]), "days": xs(b.daily.lines["new"]),
        "status": [float(v) for v in b.status.layers[0].opts["height"]],
        "streets": [float(v) for v in b.streets.layers[0].opts["width"]],
        "squad_bars": [[float(v) for v in layer.opts["height"]] for layer in b.squad.layers],
        "five": {k: b.five.value(k) for k in b.five.rows},
        "dispatch": ys(b.response.lines["dispatch"]),
    }


def expected(f: dash.Figures) -> dict:
    five = f.five
    return {
        "open": str(f.open_total), "major": str(f.major_open), "overdue": str(f.overdue_total),
        "incidents": str(f.incidents.today), "squad": f"{int(f.squad_available.part)}/{int(f.squad_available.whole)}",
        "new": [d.new for d in f.days], "closed": [d.closed for d in f.days],
        "days": [day_start(d.day).timestamp() for d in f.days],
        "status": [n for _, n in f.open_by_status], "streets": [s.overdue for s in f.streets],
        "squad_bars": [[s.available for s in f.squad], [s.engaged for s in f.squad], [s.off for s in f.squad]],
        "five": {k: round((r.value or 0) * 1000) for k, r in (
            ("area", five.area_covered), ("enterprises", five.enterprises_supervised), ("key", five.key_included),
            ("tasks", five.tasks_done), ("records", five.inspections_recorded))},
        "dispatch": pytest.approx([p.call_to_dispatch_s / 60 for p in f.incidents.points
                                   if p.call_to_dispatch_s is not None]),
    }


def plot_items(screen: DashboardScreen) -> list:
    b = screen.board
    return [*b.daily.lines.values(), *b.weekly.lines.values(), *b.response.lines.values(),
            *b.response.levels.values(), *b.status.layers, *b.streets.layers, *b.squad.layers,
            *b.streets.labels, b.daily.plot, b.streets.plot]


def test_the_dashboard_shows_the_service_figures(qtbot, sqlite_hdb, dashboard) -> None:
    screen = dashboard(sqlite_hdb)
    assert screen.period == dash.Period.last(30)
    f = read(sqlite_hdb, lambda u: dash.load(u, screen.period))
    assert shown(screen) == expected(f)
    assert sum(f.days[i].new for i in range(30)) > 0 and f.overdue_total > 0
    axis = screen.board.streets.category_axis()
    assert [label for _, label in axis._tickLevels[0]] == [s.name for s in f.streets]
    assert "泉山经济开发区" in [s.name for s in f.streets]
    weekly = screen.board.weekly.lines["rate"]
    assert ys(weekly) == [round(w.rate * 100, 1) for w in f.weeks() if w.rate is not None]
    assert screen.updated.text()


def test_a_hazard_from_another_workstation_updates_the_same_items(qtbot, hdb, dashboard, reopen) -> None:
    screen = dashboard(hdb)
    items = plot_items(screen)
    before = shown(screen)
    eid = read(hdb, lambda u: u.session.scalars(select(Enterprise.id).order_by(Enterprise.id)).first())
    other = reopen(hdb)
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        act(other, lambda u: hz.report(u, ZHANG, hz.HazardReport(category=Category.GAS, description="燃气管道锈蚀",
                                                                enterprise_id=eid)))
    qtbot.waitUntil(lambda: shown(screen)["open"] == str(int(before["open"]) + 1), timeout=WAIT_MS)
    after = shown(screen)
    assert all(a is b for a, b in zip(plot_items(screen), items, strict=True))
    assert after["new"][-1] == before["new"][-1] + 1 and after["new"][:-1] == before["new"][:-1]
    found = [s for s, _ in screen.figures.open_by_status].index(HazardStatus.FOUND)
    assert after["status"][found] == before["status"][found] + 1
    assert after == expected(read(hdb, lambda u: dash.load(u, screen.period)))


def _click(qtbot, chart, x: float, y: float) -> None:
    """A real mouse click at data point (x, y) of a chart."""
    vb = chart.plot.getPlotItem().getViewBox()
    pos = chart.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    QTest.mouseMove(chart.plot.viewport(), pos)
    QTest.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_clicking_a_bar_or_a_tile_asks_for_its_list(qtbot, sqlite_hdb, dashboard) -> None:
    screen = dashboard(sqlite_hdb)
    f = screen.figures
    qtbot.wait(50)  # the first paint lays the plots out
    i = max(range(len(f.streets)), key=lambda k: f.streets[k].overdue)
    with qtbot.waitSignal(screen.drill_requested, timeout=WAIT_MS) as got:
        _click(qtbot, screen.board.streets, f.streets[i].overdue / 2, i)
    assert got.args[0] == dash.drill_overdue(f.streets[i].street_id)
    assert got.args[0].hazards == hz.HazardQuery(overdue=True, street_id=f.streets[i].street_id,
                                                 sort=hz.HazardSort.OVERDUE, descending=True)
    k = [s for s, _ in f.open_by_status].index(HazardStatus.RECTIFYING)
    with qtbot.waitSignal(screen.drill_requested, timeout=WAIT_MS) as got:
        _click(qtbot, screen.board.status, k, f.open_by_status[k][1] / 2)
    assert got.args[0].hazards.statuses == frozenset({HazardStatus.RECTIFYING})
    with qtbot.waitSignal(screen.drill_requested, timeout=WAIT_MS) as got:
        _click(qtbot, screen.board.squad, 1, 1)
    assert got.args[0] == dash.drill_squad(f.squad[1].sub_squad_id)
    with qtbot.waitSignal(screen.drill_requested, timeout=WAIT_MS) as got:
        qtbot.mouseClick(screen.board.tiles["major"], Qt.MouseButton.LeftButton)
    assert got.args[0] == dash.drill_major()
    with qtbot.waitSignal(screen.drill_requested, timeout=WAIT_MS) as got:
        qtbot.mouseClick(screen.board.five.rows["enterprises"][1], Qt.MouseButton.LeftButton)
    assert got.args[0] == dash.drill_unsupervised()
    with qtbot.assertNotEmitted(screen.drill_requested, wait=100):  # between the bars: nothing
        _click(qtbot, screen.board.streets, f.streets[i].overdue / 2, i + 0.5)


def test_a_burst_of_changes_is_one_read_off_the_gui_thread(qtbot, sqlite_hdb, dashboard, monkeypatch) -> None:
    screen = dashboard(sqlite_hdb)
    calls: list[tuple[threading.Thread, dash.Touched]] = []
    real = dash.refresh

    def spy(uow, previous, touched, **kw):
        calls.append((threading.current_thread(), touched))
        return real(uow, previous, touched, **kw)

    monkeypatch.setattr(dash, "refresh", spy)
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        for i in (1, 2, 3):
            screen.ctx.sync.changes_committed.emit(Changes((Change("hazard", str(i), "updated"),)))
        screen.ctx.sync.changes_committed.emit(Changes((Change("squad_member", "1", "moved"),)))  # no figure
    with qtbot.assertNotEmitted(screen.refreshed, wait=dashboard_view.DEBOUNCE_MS + 200):
        pass
    assert len(calls) == 1
    thread, touched = calls[0]
    assert thread is not threading.main_thread()
    assert touched == dash.Touched(hazard_ids=frozenset({1, 2, 3}))


def test_the_time_range_reloads_the_series(qtbot, sqlite_hdb, dashboard) -> None:
    screen = dashboard(sqlite_hdb)
    daily = screen.board.daily.lines["new"]
    today = district_today()
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.range.setCurrentIndex(screen.range.findData(7))
    assert screen.period == dash.Period.last(7)
    assert xs(daily) == [day_start(today - timedelta(days=6 - i)).timestamp() for i in range(7)]
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.range.setCurrentIndex(screen.range.findData(365))
    assert len(xs(daily)) == 365 and screen.board.daily.lines["new"] is daily
    assert ys(daily) == [d.new for d in read(sqlite_hdb, lambda u: dash.load(u, dash.Period.last(365))).days]
    screen.range.setCurrentIndex(screen.range.findData(-1))  # custom: the two dates appear
    assert screen.date_from.isVisibleTo(screen) and screen.date_to.isVisibleTo(screen)
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.date_from.setDate(today - timedelta(days=59))
    with qtbot.waitSignal(screen.refreshed, timeout=WAIT_MS):
        screen.date_to.setDate(today - timedelta(days=50))
    assert screen.period == dash.Period(today - timedelta(days=59), today - timedelta(days=50))
    assert len(xs(daily)) == 10 and screen.figures.period == screen.period


def test_the_main_window_opens_the_list_behind_a_figure(qtbot, sqlite_hdb, tmp_path) -> None:
    ctx = build_context(sqlite_hdb, DUTY)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "dashboard")  # not the map (a web view) first
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    try:
        window.show_screen("dashboard")
        screen = window.screen("dashboard")
        qtbot.waitUntil(lambda: screen.figures is not None, timeout=WAIT_MS)
        street = next(s for s in screen.figures.streets if s.overdue)
        screen.board.drill.emit(dash.drill_overdue(street.street_id))
        assert window.current_screen() == "hazards"
        hazards = window.screen("hazards")
        assert hazards.model.query == dash.drill_overdue(street.street_id).hazards
        qtbot.waitUntil(lambda: hazards.model.total == street.overdue, timeout=WAIT_MS)
        window.show_screen("dashboard")
        screen.board.drill.emit(dash.drill_squad(screen.figures.squad[0].sub_squad_id))
        assert window.current_screen() == "dispatch"
        from desktop.views.dispatch.screen import BOARD

        assert window.screen("dispatch").tabs.currentIndex() == BOARD
    finally:
        ctx.sync.stop()
        ctx.ops.cancel_all()
        ctx.ops.wait_idle(10_000)
