"""The dashboard: refresh after a change (goal ≤ 50 ms) on the demo district, in-process and
offscreen, from the change signal (`sync.changes_committed`) to the new data set on the existing
chart items (`refreshed`), and on to the screen repainted; the service's incremental refresh alone;
a full load for 30 and 365 days. Then the aggregate queries on a million tickets, when
bench_hazards' cached datasets exist (they are not built here: a few minutes each).

The debounce (300 ms in the app, gathering a burst of changes into one read) is set to 0 here:
it is a deliberate wait, not work. The change itself is committed before the clock starts.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import platformdirs  # noqa: E402
from _util import Report, median_of  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desktop.data.engine import Database, open_database  # noqa: E402
from desktop.data.feed import Change, Changes  # noqa: E402
from desktop.data.migrate import upgrade  # noqa: E402
from desktop.data.tables import Enterprise  # noqa: E402
from desktop.data.tables_dispatch import MemberState  # noqa: E402
from desktop.data.tables_hazards import Hazard  # noqa: E402
from desktop.data.uow import UnitOfWork  # noqa: E402
from desktop.demo.load import load_demo  # noqa: E402
from desktop.domain.enums import Role  # noqa: E402
from desktop.domain.hazard_terms import Category, district_today  # noqa: E402
from desktop.domain.squad import MemberStatus  # noqa: E402
from desktop.services import dashboard as dash  # noqa: E402
from desktop.services import dashboard_figures as figs  # noqa: E402
from desktop.services import hazards as hz  # noqa: E402
from desktop.services.common import Actor  # noqa: E402
from desktop.services.squad import set_member_status  # noqa: E402

ACTOR = Actor("bench", "基准测试", Role.DUTY)
DEMO = "demo district (3,000 hazards)"
TIMEOUT_MS = 30_000


class Live:
    """A dashboard on `db` whose change signal we fire ourselves (no polling in between)."""

    def __init__(self, db: Database) -> None:
        from desktop.context import AppContext
        from desktop.ops import Ops
        from desktop.sync import ChangeSync
        from desktop.views.dashboard import DashboardScreen

        self.db = db
        self.ops = Ops(db, lambda: ACTOR.username)
        self.sync = ChangeSync(db, self.ops)  # not started: changes are emitted by hand
        self.screen = DashboardScreen(AppContext(db, self.ops, self.sync, ACTOR), debounce_ms=0)
        self.screen.resize(1600, 950)
        self.screen.show()
        self._wait(lambda: None, lambda: self.screen.figures is not None)
        self.enterprises = self._read(lambda u: list(u.session.scalars(select(Enterprise.id).where(
            Enterprise.lead_department_id.is_not(None)).order_by(Enterprise.id).limit(50))))
        self.member = self._read(lambda u: u.session.scalars(select(MemberState.member_id).where(
            MemberState.status == MemberStatus.AVAILABLE.value).order_by(MemberState.member_id)).first())
        self.training = False
        self.n = 0

    def _read(self, fn):
        with UnitOfWork(self.db, write=False) as uow:
            return fn(uow)

    def _wait(self, start: Callable[[], None], done: Callable[[], bool]) -> None:
        loop, guard = QEventLoop(), QTimer(singleShot=True, interval=TIMEOUT_MS)
        guard.timeout.connect(loop.quit)
        poll = QTimer(interval=5)
        poll.timeout.connect(lambda: done() and loop.quit())
        start()
        poll.start()
        guard.start()
        loop.exec()
        poll.stop()
        if not done():
            raise TimeoutError("the dashboard did not answer within 30 s")

    def commit_hazard(self) -> Changes:
        self.n += 1
        eid = self.enterprises[self.n % len(self.enterprises)]
        with UnitOfWork(self.db) as uow:
            row = hz.report(uow, ACTOR, hz.HazardReport(category=Category.FIRE, description=f"基准测试隐患 {self.n}",
                                                        enterprise_id=eid))
        return Changes((Change("hazard", str(row.id), "created"),))

    def commit_squad(self) -> Changes:
        self.training = not self.training
        status = MemberStatus.TRAINING if self.training else MemberStatus.AVAILABLE
        with UnitOfWork(self.db) as uow:
            set_member_status(uow, ACTOR, self.member, status)
        return Changes((Change("squad_member", str(self.member), "updated"),))

    def refresh_once(self, commit: Callable[[], Changes]) -> tuple[float, float]:
        """(signal → setData done, signal → repainted) in seconds."""
        changes = commit()
        marks: dict[str, float] = {}

        def shown(_figures) -> None:
            marks["set"] = time.perf_counter()
            self.screen.repaint()  # synchronous: what the wall shows
            marks["painted"] = time.perf_counter()

        self.screen.refreshed.connect(shown)
        began = time.perf_counter()
        self._wait(lambda: self.sync.changes_committed.emit(changes), lambda: "painted" in marks)
        self.screen.refreshed.disconnect(shown)
        self.ops.wait_idle(TIMEOUT_MS)
        return marks["set"] - began, marks["painted"] - began

    def close(self) -> None:
        self.ops.wait_idle(TIMEOUT_MS)
        self.screen.close()
        self.screen.deleteLater()


def _median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1e3


def demo_figures(report: Report, repeat: int, db: Database, backend: str) -> None:
    live = Live(db)
    dataset = f"{DEMO}, {backend}"
    try:
        n = max(repeat * 4, 20)
        live.refresh_once(live.commit_hazard)  # warm-up: first setData of each item
        runs = [live.refresh_once(live.commit_hazard) for _ in range(n)]
        set_, painted = ([r[i] for r in runs] for i in (0, 1))
        report("dashboard refresh after a hazard change → setData done (median)", _median_ms(set_), "ms", dataset,
               f"goal ≤ 50 ms; max {max(set_) * 1e3:.0f} ms; n={n}; debounce excluded")
        report("… → dashboard repainted (median)", _median_ms(painted), "ms", dataset,
               f"max {max(painted) * 1e3:.0f} ms")
        runs = [live.refresh_once(live.commit_squad)[0] for _ in range(n)]
        report("dashboard refresh after a squad status change → setData done (median)", _median_ms(runs), "ms",
               dataset, f"max {max(runs) * 1e3:.0f} ms; n={n}")
        figures = live.screen.figures
        ids = frozenset(live._read(lambda u: list(u.session.scalars(select(Hazard.id).order_by(Hazard.id.desc())
                                                                     .limit(1)))))
        t, _ = median_of(lambda: live._read(lambda u: dash.refresh(u, figures, dash.Touched(hazard_ids=ids))),
                         repeat, warmup=1)
        report("service: incremental refresh, one hazard touched (median)", t * 1e3, "ms", dataset, "30 days")
        t, _ = median_of(lambda: live.screen.board.show_figures(figures), repeat, warmup=1)
        report("GUI: feeding every chart and tile (median)", t * 1e3, "ms", dataset, "setData / setOpts only")
        for days in (30, 365):
            t, _ = median_of(lambda d=days: live._read(lambda u: dash.load(u, dash.Period.last(d))), repeat, warmup=1)
            report(f"service: full load, {days} days (median)", t * 1e3, "ms", dataset)
    finally:
        live.close()


# -- a million tickets (bench_hazards' cached datasets, never built here) ---------------------------


def _big_datasets() -> list[tuple[Database, str]]:
    from bench_hazards import DATASET, N, _marker, _stored_marker

    out = []
    path = Path(platformdirs.user_cache_dir("SafeGrid", appauthor=False)) / "bench" / f"hazards-{N}.db"
    if path.exists():
        db = open_database(f"sqlite:///{path}")
        if _stored_marker(db) == _marker():
            out.append((db, f"{DATASET}, SQLite"))
        else:
            db.dispose()
    try:
        url = make_url(_pg_url())
        db = open_database(url.update_query_dict({"options": f"-csearch_path=bench_hazards_{N}"}).render_as_string(
            hide_password=False))
        with db.engine.connect() as conn:
            exists = conn.execute(text("SELECT to_regclass('hazards') IS NOT NULL")).scalar()
        if exists and _stored_marker(db) == _marker():
            out.append((db, f"{DATASET}, PostgreSQL"))
        else:
            db.dispose()
    except Exception as exc:  # no server: SQLite only
        print(f"# PostgreSQL {N:,}-hazard dataset unavailable ({type(exc).__name__}): skipped")
    if not out:
        print(f"# no cached {N:,}-hazard dataset (run benchmarks/run.py hazards once to build it): skipped")
    return out


def big_figures(report: Report, repeat: int) -> None:
    for db, dataset in _big_datasets():
        try:
            started = time.perf_counter()
            upgrade(db)  # 0004_dashboard's indexes, once
            spent = time.perf_counter() - started
            if spent > 1:
                print(f"# {dataset}: schema upgraded in {spent:.1f} s")
            _big(report, repeat, db, dataset)
        finally:
            db.dispose()


def _big(report: Report, repeat: int, db: Database, dataset: str) -> None:
    def timed(fn) -> float:
        def run() -> object:
            with UnitOfWork(db, write=False) as uow:
                return fn(uow)
        return median_of(run, repeat, warmup=1)[0] * 1e3

    note = ""
    if db.is_postgres:  # index-only scans visit the heap until a VACUUM fills the visibility map
        with db.engine.connect() as conn:
            seen = conn.execute(text("SELECT relallvisible::float / greatest(relpages, 1) FROM pg_class "
                                     "WHERE oid = 'hazards'::regclass")).scalar()
            auto = conn.execute(text("SHOW autovacuum")).scalar()
        note = f"visibility map {seen:.0%} (autovacuum {auto})"
    today = district_today()
    month, year = dash.Period.last(30, today), dash.Period.last(365, today)
    for name, fn in (
        ("open hazards by status", figs.open_by_status),
        ("major hazards open", figs.major_open),
        ("overdue by street/park", lambda u: figs.overdue_by_street(u, today)),
        ("per-day figures, 30 days", lambda u: figs.day_counts(u, month.days())),
        ("per-day figures, 365 days", lambda u: figs.day_counts(u, year.days())),
        ("full load, 30 days", lambda u: dash.load(u, month)),
        ("full load, 365 days", lambda u: dash.load(u, year)),
    ):
        report(f"aggregate: {name} (median)", timed(fn), "ms", dataset, note)
    with UnitOfWork(db, write=False) as uow:
        base = dash.load(uow, month)
        ids = frozenset(uow.session.scalars(select(Hazard.id).where(Hazard.status == "rectifying")
                                            .order_by(Hazard.id.desc()).limit(1)))
    report("service: incremental refresh, one hazard touched (median)",
           timed(lambda u: dash.refresh(u, base, dash.Touched(hazard_ids=ids))), "ms", dataset, "30 days")


def _pg_url() -> str:
    raw = os.environ.get("SAFEGRID_BENCH_PG_URL") or os.environ.get("SAFEGRID_TEST_PG_URL") \
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    return make_url(raw).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def pg_demo(report: Report, repeat: int) -> None:
    """The same on PostgreSQL, in a schema of its own (loaded, measured, dropped)."""
    schema = "bench_dashboard_demo"
    try:
        admin = open_database(_pg_url())
        with admin.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # no server: SQLite only
        print(f"# PostgreSQL unavailable ({type(exc).__name__}): demo figures on SQLite only")
        return
    db = open_database(make_url(_pg_url()).update_query_dict({"options": f"-csearch_path={schema}"})
                       .render_as_string(hide_password=False))
    try:
        upgrade(db)
        load_demo(db)
        demo_figures(report, repeat, db, "PostgreSQL")
    finally:
        db.dispose()
        with admin.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def run(report: Report, repeat: int) -> None:
    from desktop.app import install_font_and_language

    app = QApplication.instance() or QApplication([])
    keep = install_font_and_language(app, "zh")  # noqa: F841 - the translators must stay referenced
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            upgrade(db)
            load_demo(db)
            demo_figures(report, repeat, db, "SQLite")
        finally:
            db.dispose()
    pg_demo(report, repeat)
    big_figures(report, repeat)
