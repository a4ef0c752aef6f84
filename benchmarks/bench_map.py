"""The live map: launch to every layer drawn (vs an empty Leaflet page), live updates, memory.

Dataset: the full demo district (1,273 grids, 420 enterprises, 139 cameras, 36 squad members) with
a history of 80,000 hazard tickets, of which about 5,100 are open (the map's hazard layer draws the
open ones). The in-process part adds a layer of 2,000 synthetic points that only the benchmark
refreshes (benchmarks/_map_data.py), for the full-refresh figure.

The launch is measured twice per run: to "drawn" (every map layer on screen; from the second
launch on, the last session's snapshot painted before the rest of the app has loaded, see
desktop/views/map_early.py) and to "ready" (the whole window loaded, its map live and idle).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _map_data
from _util import Report
from sqlalchemy import func, select

from desktop.data.engine import open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import SquadMember
from desktop.data.tables_hazards import Hazard
from desktop.demo.load import load_demo
from desktop.domain.hazard_terms import OPEN_STATUSES

HERE = Path(__file__).resolve().parent
HAZARD_HISTORY = 80_000  # tickets in the year of demo history: about 5,100 of them are still open
DATASET = "demo district + ~5,100 open hazards + 36 members"


def _launched_pss(db_path: Path, env: dict) -> tuple[float, int]:
    """PSS (MB) of a launched app's process tree, 3 s after every map layer is drawn."""
    proc = subprocess.Popen([sys.executable, str(HERE / "_map_launch.py"), "app", str(db_path), "6"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        for line in proc.stdout:
            if line.strip() == "ready":
                break
        time.sleep(3.0)
        pids = _tree(proc.pid)
        return sum(_pss_kib(p) for p in pids) / 1024, len(pids)
    finally:
        proc.wait(timeout=60)


def _launch(args: list[str], env: dict) -> dict[str, float]:
    """Seconds from the start of the process to each line it prints ("drawn", "ready")."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / "_map_launch.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
        if line.strip() == "ready":
            break
    else:
        raise RuntimeError("never ready: " + proc.stderr.read()[-2000:])
    proc.wait(timeout=60)
    return marks


def _pss_kib(pid: int) -> int:
    with contextlib.suppress(OSError):  # the process ended meanwhile
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):  # gone, or not a process
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
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
    catalogue._point_layers = lambda: [*builtin(), _map_data.layer()]
    with UnitOfWork(db, write=False) as uow:
        actor = users.authenticate(uow, "admin", DEMO_PASSWORD)
    ctx = build_context(db, actor)
    tmp = tempfile.mkdtemp()
    screen = MapScreen(ctx, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
    screen.resize(1400, 900)
    screen.show()
    wait(lambda: not screen.busy)
    view, controller = screen.view, screen.controller

    def js(expression: str):
        box: list = []
        view.evaluate(expression, box.append)
        wait(lambda: box)
        return box[0]

    first = js("SafeGridMap.timings()") or []
    by_layer = sorted(first, key=lambda t: -(t["parse"] + t["apply"]))
    report("map: first paint, page work for every layer (parse + build)",
           sum(t["parse"] + t["apply"] for t in first), "ms", DATASET,
           "in the page (console timing); biggest: " + ", ".join(
               f"{t['layer']} {t['parse'] + t['apply']:.0f}" for t in by_layer[:3]))
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

    open_ids = ctx.ops.call(lambda uow: list(uow.session.execute(select(Hazard.id).where(
        Hazard.status.in_([st.value for st in OPEN_STATUSES])).order_by(Hazard.id).limit(100)).scalars()), write=False)

    def move_hazard(uow, k: int) -> None:  # as an edit of the ticket's place would
        h = uow.session.get(Hazard, open_ids[k % len(open_ids)])
        h.lon += 1e-4 if k % 2 else -1e-4
        uow.record("bench", "hazard", h.id, "updated", "moved")
        uow.commit()

    runs = [until_drawn("hazards", lambda k=k: ctx.ops.run(lambda uow: move_hazard(uow, k)))
            for k in range(max(repeat * 4, 20))]
    report("map: one hazard change → drawn (median)", statistics.median(runs) * 1e3, "ms", DATASET,
           f"from the write (SQLite commit on a worker) to painted; goal ≤ 20 ms; n={len(runs)}")
    report("map: … of which change feed → drawn (median)", statistics.median(from_feed) * 1e3, "ms", DATASET,
           "changes_committed → update(uow, ids) on a worker → page → painted (clustered layer of ~5,100)")
    _page_stages(report, js("SafeGridMap.timings()") or [], "update", "hazard update")
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
    _page_stages(report, js("SafeGridMap.timings()") or [], "update", "member update")

    runs = [until_drawn("bench_2000", lambda: controller.refresh("bench_2000")) for _ in range(repeat)]
    report("map: full refresh of 2,000 points (median)", statistics.median(runs) * 1e3, "ms", DATASET,
           f"rebuild from the database + JSON + push + redraw; goal ≤ 100 ms; n={len(runs)}")
    _page_stages(report, js("SafeGridMap.timings()") or [], "layer", "full refresh")

    def move_all(uow, k: int) -> None:  # every one of the 2,000 points moves: nothing to keep
        _map_data.shift_all(uow, 1e-5 * (1 if k % 2 else -1))

    runs = []
    for k in range(repeat):
        ctx.ops.call(lambda uow, k=k: move_all(uow, k))
        runs.append(until_drawn("bench_2000", lambda: controller.refresh("bench_2000")))
    report("map: full refresh of 2,000 points, every one moved (median)", statistics.median(runs) * 1e3, "ms",
           DATASET, f"as above, but no point is unchanged (the page re-clusters all 2,000); n={len(runs)}")
    _page_stages(report, js("SafeGridMap.timings()") or [], "layer", "full refresh, all moved")

    QTest.qWait(500)
    pids = _tree(os.getpid())
    pss = sum(_pss_kib(p) for p in pids) / 1024
    report("map: … memory of the benchmark process after all of the above", pss, "MB", DATASET,
           f"{len(pids)} processes; this one also built the dataset and holds a second 2,000-point layer")
    ctx.sync.stop()
    ctx.ops.wait_idle()
    screen.close()
    catalogue._point_layers = builtin


def _page_stages(report: Report, timings: list[dict], what: str, label: str) -> None:
    """The page's share of the pushes since the last call: parse + apply, then the wait for paint."""
    rows = [t for t in timings if t["what"] == what]
    if not rows:
        return
    work = statistics.median(t["parse"] + t["apply"] for t in rows)
    paint = statistics.median(t["paint"] for t in rows)
    report(f"map: … {label}: page parse + apply / wait for the frame (median)", work, "ms", DATASET,
           f"then {paint:.1f} ms until the next animation frame painted it; n={len(rows)}")


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
        load_demo(db, hazards=HAZARD_HISTORY)
        from desktop.data.uow import UnitOfWork
        from desktop.services.locate import GridLocator

        with UnitOfWork(db, write=False) as uow:
            bounds = GridLocator.from_session(uow.session).bounds()
            open_hazards = uow.session.execute(select(func.count(Hazard.id)).where(
                Hazard.status.in_([st.value for st in OPEN_STATUSES]))).scalar_one()
        print(f"# dataset: {open_hazards:,} open hazards of {HAZARD_HISTORY:,}", flush=True)
        _map_data.create_points(db, 2000, bounds)
        # Default settings (the map is the first screen); the caches start empty: the first launch
        # renders the page (folium) and builds every layer, later ones read the page and paint the
        # snapshot the one before left, as every launch after the first does.
        env = {**os.environ, "XDG_CONFIG_HOME": tmp, "SAFEGRID_CACHE_DIR": str(Path(tmp) / "cache")}
        n = max(3, repeat)
        floor = [_launch(["floor"], env)["ready"] for _ in range(n + 1)][1:]
        first = _launch(["app", str(path)], env)
        ours = [_launch(["app", str(path)], env) for _ in range(n)]
        f = statistics.median(floor)
        drawn = statistics.median(r["drawn"] for r in ours)
        ready = statistics.median(r["ready"] for r in ours)
        report("map: bare floor, empty Leaflet page (cold process)", f, "s", "QtWebEngine + leaflet.js",
               "runs " + ", ".join(f"{r:.2f}" for r in floor))
        report("map: app launch → every map layer drawn (cold)", drawn, "s", DATASET,
               "the last session's snapshot, checked against the change feed; runs "
               + ", ".join(f"{r['drawn']:.2f}" for r in ours))
        report("map: launch vs bare floor", drawn / f, "x", DATASET, "goal ≤ 2 ×; floor measured in the same run")
        report("map: app launch → window loaded, map live and idle", ready, "s", DATASET,
               "every layer rebuilt from the database and compared with the snapshot; runs "
               + ", ".join(f"{r['ready']:.2f}" for r in ours))
        report("map: first launch ever (no page, no snapshot yet)", first["drawn"], "s", DATASET,
               f"renders the static page with folium and builds every layer; ready at {first['ready']:.2f} s; one run")
        mem = [_launched_pss(path, env) for _ in range(max(2, repeat // 2))]
        report("map: memory with the map open (PSS, all processes)", statistics.median(m for m, _ in mem), "MB",
               DATASET, f"the launched app, 3 s after every layer is drawn; {mem[0][1]} processes "
               f"(app + QtWebEngineProcess children); goal ≤ 450 MB; runs "
               + ", ".join(f"{m:.0f}" for m, _ in mem))
        os.environ["SAFEGRID_CACHE_DIR"] = str(Path(tmp) / "cache")  # the in-process screen's caches too
        try:
            _in_process(db, report, repeat)
        finally:
            os.environ.pop("SAFEGRID_CACHE_DIR", None)
        db.dispose()
