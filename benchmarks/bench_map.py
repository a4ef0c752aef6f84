"""The live map: launch to every layer drawn (vs an empty Leaflet page), live updates, memory.

Dataset: the full demo district (1,273 grids, 420 enterprises, 139 cameras, 36 squad members) plus
5,000 synthetic open-hazard points in a benchmark layer (benchmarks/_map_data.py): the hazard
feature has not registered its map layer yet, so the stand-in uses the same Layer API.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _map_data
from _util import Report

from desktop.data.engine import open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import SquadMember
from desktop.demo.load import load_demo

HERE = Path(__file__).resolve().parent
DATASET = "demo district + 5,000 hazard points + 36 members"


def _launch(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / "_map_launch.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        if line.strip() == "ready":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("never ready: " + proc.stderr.read()[-2000:])
    proc.wait(timeout=60)
    return elapsed


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(p for p, pp in parents.items() if pp == pid)
    return out


def _in_process(db, report: Report, repeat: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    import desktop.maps.catalogue as catalogue
    from desktop.app import build_context
    from desktop.data.uow import UnitOfWork
    from desktop.demo.load import DEMO_PASSWORD
    from desktop.services import users
    from desktop.views.map import MapScreen

    def wait(pred, timeout=60.0):
        end = time.monotonic() + timeout
        while not pred():
            if time.monotonic() > end:
                raise RuntimeError("timed out")
            QTest.qWait(1)

    builtin = catalogue._point_layers
    catalogue._point_layers = lambda: [*builtin(), _map_data.layer(), _map_data.layer("bench_2000", True)]
    with UnitOfWork(db, write=False) as uow:
        actor = users.authenticate(uow, "admin", DEMO_PASSWORD)
    ctx = build_context(db, actor)
    tmp = tempfile.mkdtemp()
    screen = MapScreen(ctx, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
    screen.resize(1400, 900)
    screen.show()
    wait(lambda: not screen.busy)
    view, controller = screen.view, screen.controller
    drawn: set[int] = set()
    view.applied.connect(drawn.add)
    pushed: list[tuple[str, int]] = []
    controller.update_pushed.connect(lambda lay, tok: pushed.append((lay, tok)))
    controller.layer_pushed.connect(lambda lay, tok: pushed.append((lay, tok)))

    arrived: list[float] = []
    ctx.sync.changes_committed.connect(lambda _c: arrived.append(time.perf_counter()))
    from_feed: list[float] = []

    def until_drawn(layer: str, fn) -> float:
        pushed.clear()
        arrived.clear()
        start = time.perf_counter()
        fn()
        wait(lambda: any(lay == layer and tok in drawn for lay, tok in pushed))
        end = time.perf_counter()
        if arrived:
            from_feed.append(end - arrived[0])
        return end - start

    runs = []
    for i in range(max(repeat * 4, 20)):
        runs.append(until_drawn("bench_hazards", lambda i=i: ctx.ops.run(
            lambda uow: _map_data.move_point(uow, 1 + i, 117.16 + i * 1e-4, 34.23))))
    report("map: one hazard point change → drawn (median)", statistics.median(runs) * 1e3, "ms", DATASET,
           f"from the write (SQLite commit on a worker) to painted; goal ≤ 20 ms; n={len(runs)}")
    report("map: … of which change feed → drawn (median)", statistics.median(from_feed) * 1e3, "ms", DATASET,
           "changes_committed → update(uow, ids) on a worker → page → painted (clustered layer of 5,000)")
    from_feed.clear()

    member_ids = ctx.ops.call(lambda uow: [m.id for m in uow.session.query(SquadMember).all()], write=False)

    def move_member(uow, k: int) -> None:
        m = uow.session.get(SquadMember, member_ids[k % len(member_ids)])
        m.name = m.name  # the position comes from the home grid; a touch is enough to re-send it
        uow.record("bench", "squad_member", m.id, "updated", "moved")
        uow.commit()

    runs = [until_drawn("members", lambda k=k: ctx.ops.run(lambda uow: move_member(uow, k)))
            for k in range(max(repeat * 4, 20))]
    report("map: one member change → drawn (median)", statistics.median(runs) * 1e3, "ms", DATASET,
           f"from the write to painted; goal ≤ 20 ms; n={len(runs)}")
    report("map: … of which change feed → drawn (median)", statistics.median(from_feed) * 1e3, "ms", DATASET,
           "changes_committed → member_positions(uow, ids) → page → painted")

    runs = [until_drawn("bench_2000", lambda: controller.refresh("bench_2000")) for _ in range(repeat)]
    report("map: full refresh of 2,000 points (median)", statistics.median(runs) * 1e3, "ms", DATASET,
           f"rebuild from the database + JSON + push + redraw; goal ≤ 100 ms; n={len(runs)}")

    QTest.qWait(500)
    pids = _tree(os.getpid())
    pss = sum(_pss_kib(p) for p in pids) / 1024
    report("map: memory with the map open (PSS, all processes)", pss, "MB", DATASET,
           f"{len(pids)} processes (this one + QtWebEngineProcess children); goal ≤ 450 MB")
    ctx.sync.stop()
    ctx.ops.wait_idle()
    screen.close()
    catalogue._point_layers = builtin


def run(report: Report, repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import prepare_environment

    prepare_environment()
    from desktop.widgets.map_scheme import register_map_schemes

    register_map_schemes()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - keep it alive
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        db = open_database(f"sqlite:///{path}")
        upgrade(db)
        load_demo(db)
        from desktop.data.uow import UnitOfWork
        from desktop.services.locate import GridLocator

        with UnitOfWork(db, write=False) as uow:
            bounds = GridLocator.from_session(uow.session).bounds()
        _map_data.create_points(db, 5000, bounds)
        env = {**os.environ, "XDG_CONFIG_HOME": tmp}  # default settings: the map is the first screen
        n = max(3, repeat)
        floor = [_launch(["floor"], env) for _ in range(n + 1)][1:]
        ours = [_launch(["app", str(path)], env) for _ in range(n + 1)][1:]
        f, o = statistics.median(floor), statistics.median(ours)
        report("map: bare floor, empty Leaflet page (cold process)", f, "s", "QtWebEngine + leaflet.js",
               "runs " + ", ".join(f"{r:.2f}" for r in floor))
        report("map: app launch → every map layer drawn (cold)", o, "s", DATASET,
               "runs " + ", ".join(f"{r:.2f}" for r in ours))
        report("map: launch vs bare floor", o / f, "x", DATASET, "goal ≤ 2 ×; floor measured in the same run")
        _in_process(db, report, repeat)
        db.dispose()
