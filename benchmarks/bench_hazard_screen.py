"""The hazard screen at a million tickets: a filter or sort change → the first screen of rows in the
model, measured the way the user meets it — from the GUI event (`set_query`, what the filter bar
and a header click call) through Ops' worker thread and the queued delivery to the rows inserted
in the model (a shown QTableView attached, the background count started alongside, as on screen)
— against the bare service call for the same page (`hazards.page` in one unit of work) and the
bare SQL. Also the next page on scroll (fetchMore) and a live refresh of touched rows.

Reuses bench_hazards' datasets (built once, cached: SQLite in the user cache, PostgreSQL in the
schema bench_hazards_N; SAFEGRID_BENCH_HAZARDS=N for another size).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import Report, median_of  # noqa: E402
from bench_hazards import DATASET, PAGE, pg_dataset, scenarios, sqlite_dataset  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.data.engine import Database  # noqa: E402
from desktop.data.uow import UnitOfWork  # noqa: E402
from desktop.domain.enums import Role  # noqa: E402
from desktop.models.hazard_table import HazardTableModel  # noqa: E402
from desktop.ops import Ops  # noqa: E402
from desktop.services import hazards as hz  # noqa: E402
from desktop.services.common import Actor  # noqa: E402
from desktop.views.hazard_table_view import HazardTableView  # noqa: E402

ACTOR = Actor("bench", "基准测试", Role.DUTY)
TIMEOUT_MS = 30_000


def _wait(signal, start: Callable[[], None], view: HazardTableView | None = None) -> tuple[float, float]:
    """Seconds from `start()` (the GUI event) until `signal` fires on the GUI thread (the rows are
    in the model), and until `view` has then painted that first screen (0 without a view)."""
    loop = QEventLoop()
    guard = QTimer(singleShot=True, interval=TIMEOUT_MS)
    guard.timeout.connect(loop.quit)
    marks: dict[str, float] = {}

    def arrived(*_args) -> None:
        marks["rows"] = time.perf_counter()
        if view is not None:
            view.viewport().repaint()  # synchronous: the first screen drawn, as the user sees it
        marks["painted"] = time.perf_counter()
        loop.quit()

    signal.connect(arrived)
    began = time.perf_counter()
    start()
    guard.start()
    if "rows" not in marks:
        loop.exec()
    signal.disconnect(arrived)
    if "rows" not in marks:
        raise TimeoutError("no answer within 30 s")
    guard.stop()
    return marks["rows"] - began, (marks["painted"] - began) if view is not None else 0.0


def _settle(ops: Ops) -> None:
    """Between runs: the background count ends and the view paints, as long before the user's next
    click; otherwise the next figure would carry the last one's leftovers."""
    ops.wait_idle(TIMEOUT_MS)
    until = time.perf_counter() + 0.05  # delayed layouts post their paints: a few passes
    while time.perf_counter() < until:
        QApplication.processEvents()


def _service(db: Database, query: hz.HazardQuery) -> Callable[[], object]:
    def run() -> object:
        with UnitOfWork(db, write=False) as uow:
            return hz.page(uow, query, limit=PAGE)
    return run


def _bare(db: Database, sql: str) -> Callable[[], object]:
    def run() -> object:
        with db.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            cur.execute(sql)
            return cur.fetchall()
    return run


def _median(fn: Callable[[], float], repeat: int) -> float:
    fn()  # warm-up
    return statistics.median(fn() for _ in range(repeat))


def _backend(report: Report, repeat: int, db: Database, label: str, built: str) -> None:
    print(f"# {label}: {built}", flush=True)
    ops = Ops(db, lambda: ACTOR.username)
    model = HazardTableModel(ops)
    view = HazardTableView(model)
    view.resize(1400, 800)
    view.show()

    def through_model(query: hz.HazardQuery) -> tuple[float, float]:
        seconds = _wait(model.first_page, lambda: model.set_query(query), view)
        _settle(ops)
        return seconds

    ours_all, painted_all, ratios, floors = [], [], [], []
    for sc in scenarios(db):
        through_model(sc.query)  # warm-up: first-call costs (plans, caches) are not what a change costs
        runs = [through_model(sc.query) for _ in range(repeat)]
        ours, painted = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        service, _ = median_of(_service(db, sc.query), repeat, warmup=1)
        bare, _ = median_of(_bare(db, sc.bare(db)), repeat, warmup=1)
        ours_all.append(ours)
        painted_all.append(painted)
        ratios.append((ours / service, sc.name))
        floors.append(ours / bare)
        report(f"hazard screen {label}: {sc.name}", ours * 1e3, "ms", DATASET,
               f"event → {PAGE} rows in the model; service {service * 1e3:.1f} ms ({ours / service:.2f}x), "
               f"bare SQL {bare * 1e3:.1f} ms ({ours / bare:.2f}x); painted {painted * 1e3:.1f} ms")
    worst = max(ratios)
    report(f"hazard screen {label}: filter/sort → rows in the model, median", statistics.median(ours_all) * 1e3,
           "ms", DATASET, f"{len(ours_all)} changes; worst {max(ours_all) * 1e3:.1f} ms; goal ≤ 50 ms")
    report(f"hazard screen {label}: filter/sort → first screen painted, median",
           statistics.median(painted_all) * 1e3, "ms", DATASET,
           f"the same, until the table has drawn its first screen; worst {max(painted_all) * 1e3:.1f} ms")
    report(f"hazard screen {label}: model / service call, median", statistics.median(r for r, _ in ratios), "x",
           DATASET, f"worst {worst[0]:.2f}x ({worst[1]}); floor: hazards.page in one unit of work")
    report(f"hazard screen {label}: model / bare SQL, median", statistics.median(floors), "x", DATASET,
           f"worst {max(floors):.2f}x; floor: the hand-written SQL of the same page")

    def next_page() -> float:
        _wait(model.first_page, lambda: model.set_query(hz.HazardQuery()))
        _settle(ops)
        return _wait(model.rows_fetched, model.fetchMore)[0]

    report(f"hazard screen {label}: next page on scroll", _median(next_page, repeat) * 1e3, "ms", DATASET,
           f"fetchMore → {PAGE} more rows appended (keyset cursor)")

    def live_refresh() -> float:
        ids = set(model.ids()[:20])
        seconds = _wait(model.live_applied, lambda: model.refresh_ids(ids))[0]
        _settle(ops)
        return seconds

    report(f"hazard screen {label}: live refresh of 20 rows", _median(live_refresh, repeat) * 1e3, "ms", DATASET,
           "touched ids → rows_by_ids with the filter → rows updated in place")
    view.close()
    view.deleteLater()
    ops.wait_idle(TIMEOUT_MS)


def run(report: Report, repeat: int) -> None:
    _app = QApplication.instance() or QApplication([])  # noqa: F841 - the widgets need it
    db, built = sqlite_dataset()
    try:
        _backend(report, repeat, db, "SQLite", built)
    finally:
        db.dispose()
    pg, built = pg_dataset()
    if pg is None:
        print(f"# {built}", flush=True)
        return
    try:
        _backend(report, repeat, pg, "PostgreSQL", built)
    finally:
        pg.dispose()
