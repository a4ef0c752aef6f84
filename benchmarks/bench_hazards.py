"""Hazard figures at a million tickets, on SQLite and on PostgreSQL: the table's first screen after a
filter or sort change (through the service, against the bare SQL for the same page), free-text
search, a ticket's detail with 20 events and 5 photos, the ledger export of 10,000 rows.

The datasets are built once (`load_demo(hazards=N)`, a few minutes each) and reused while their
marker matches: SQLite in `<user cache>/SafeGrid/bench/hazards-N.db`, PostgreSQL in the schema
`bench_hazards_N` of SAFEGRID_BENCH_PG_URL (default: SAFEGRID_TEST_PG_URL; none: skipped).
SAFEGRID_BENCH_HAZARDS=N picks another size (e.g. 100000 for a quick look).
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import platformdirs
from _util import Report, median_of
from PIL import Image
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import Grid, Setting
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.enums import Role, Tier
from desktop.domain.hazard_terms import AttachmentKind, Category, HazardStatus, Severity, district_today
from desktop.reports.ledger_xlsx import export_ledger
from desktop.services import hazards as hz
from desktop.services.common import Actor

N = int(os.environ.get("SAFEGRID_BENCH_HAZARDS", "1000000"))
DATASET = f"{N:,} hazards"
MARKER_KEY = "bench_hazards"
DETAIL_MARK = "基准测试工单：20条事件、5张照片"
DUTY = Actor("bench", "基准测试", Role.DUTY)
OTHER = Actor("bench2", "复查员", Role.DUTY)
PAGE = 100


# -- datasets, built once ----------------------------------------------------------------


def _marker() -> dict:
    return {"hazards": N, "seed": 2026, "generator": 1}  # bump "generator" when the demo history changes


def _stored_marker(db: Database) -> dict | None:
    try:
        with UnitOfWork(db, write=False) as uow:
            row = uow.session.get(Setting, MARKER_KEY)
            return json.loads(row.value) if row else None
    except Exception:  # no schema yet
        return None


def _ensure(db: Database, where: str) -> str:
    if _stored_marker(db) == _marker():
        upgrade(db)
        return f"reused {where}"
    print(f"# building {DATASET} in {where} (once; later runs reuse it) ...", flush=True)
    started = time.perf_counter()
    upgrade(db)
    load_demo(db, hazards=N, force=True)
    with UnitOfWork(db) as uow:
        uow.session.merge(Setting(key=MARKER_KEY, value=json.dumps(_marker())))
        uow.session.commit()
    return f"built {where} in {time.perf_counter() - started:.0f} s"


def sqlite_dataset() -> tuple[Database, str]:
    folder = Path(platformdirs.user_cache_dir("SafeGrid", appauthor=False)) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"hazards-{N}.db"
    db = open_database(f"sqlite:///{path}")
    return db, _ensure(db, str(path))


def pg_dataset() -> tuple[Database | None, str]:
    raw = os.environ.get("SAFEGRID_BENCH_PG_URL") or os.environ.get("SAFEGRID_TEST_PG_URL") \
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    schema = f"bench_hazards_{N}"
    url = make_url(raw).set(drivername="postgresql+psycopg")
    try:
        admin = open_database(url.render_as_string(hide_password=False))
        with admin.engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        admin.dispose()
    except Exception as exc:  # no server: say so, measure SQLite only
        return None, f"PostgreSQL unavailable ({type(exc).__name__}): skipped"
    db = open_database(url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False))
    return db, _ensure(db, f"PostgreSQL schema {schema}")


# -- what the user does ------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    name: str
    query: hz.HazardQuery
    bare: Callable[[Database], str]  # the hand-written SQL for the same first page


COLS = ("h.id, h.created_at, h.status, h.severity, h.category, h.place, h.description, h.enterprise_id, "
        "h.street_id, s.name, h.community_id, c.name, h.grid_id, g.name, h.department_id, d.name, h.tier, "
        "h.unrouted, h.responsible, h.deadline, h.overdue_able, h.escalation_level, h.return_count, "
        "h.reinspection, h.closed_at, h.lon, h.lat, h.version")
JOINS = ("FROM hazards h LEFT JOIN grids s ON s.id = h.street_id LEFT JOIN grids c ON c.id = h.community_id "
         "LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN departments d ON d.id = h.department_id")


def _bare(where: str, order: str) -> Callable[[Database], str]:
    return lambda db: f"SELECT {COLS} {JOINS} {('WHERE ' + where) if where else ''} ORDER BY {order} LIMIT {PAGE + 1}"


def _ids(db: Database) -> dict[str, int]:
    with UnitOfWork(db, write=False) as uow:
        s = uow.session
        street = s.scalar(select(Grid.id).where(Grid.level == "street").order_by(Grid.code).offset(5))
        community = s.scalar(select(Hazard.community_id).where(Hazard.street_id == street).limit(1))
        dept = s.scalar(select(Hazard.department_id).where(Hazard.department_id.is_not(None)).limit(1))
    return {"street": street, "community": community, "department": dept}


def scenarios(db: Database) -> list[Scenario]:
    ids = _ids(db)
    today = district_today()
    month = today - timedelta(days=30)
    S = hz.HazardSort
    q = hz.HazardQuery
    deadline = "coalesce(h.deadline, '9999-12-31')"
    overdue = "(CASE WHEN h.overdue_able = 1 THEN h.deadline ELSE '9999-12-31' END)"
    return [
        Scenario("default: newest first", q(), _bare("", "h.created_at DESC, h.id DESC")),
        Scenario("sort by place", q(sort=S.PLACE, descending=False), _bare("", "h.place, h.id")),
        Scenario("sort by deadline", q(sort=S.DEADLINE, descending=False), _bare("", f"{deadline}, h.id")),
        Scenario("sort by overdue days", q(sort=S.OVERDUE), _bare("", f"{overdue}, h.id")),
        Scenario("sort by department", q(sort=S.DEPARTMENT, descending=False),
                 _bare("", "coalesce(h.department_id, 0), h.id")),
        Scenario("filter status = rectifying", q(statuses=frozenset({HazardStatus.RECTIFYING})),
                 _bare("h.status = 'rectifying'", "h.created_at DESC, h.id DESC")),
        Scenario("filter street", q(street_id=ids["street"]),
                 _bare(f"h.street_id = {ids['street']}", "h.created_at DESC, h.id DESC")),
        Scenario("filter community", q(community_id=ids["community"]),
                 _bare(f"h.community_id = {ids['community']}", "h.created_at DESC, h.id DESC")),
        Scenario("filter department + open", q(department_id=ids["department"], statuses=frozenset(
            {HazardStatus.CLASSIFIED, HazardStatus.RECTIFYING, HazardStatus.AWAITING_REINSPECTION})),
            _bare(f"h.department_id = {ids['department']} AND h.status IN ('classified', 'rectifying', "
                  "'awaiting_reinspection')", "h.created_at DESC, h.id DESC")),
        Scenario("filter major, by deadline", q(severities=frozenset({Severity.MAJOR}), sort=S.DEADLINE,
                                                descending=False),
                 _bare("h.severity = 'major'", f"{deadline}, h.id")),
        Scenario("filter category gas", q(categories=frozenset({Category.GAS})),
                 _bare("h.category = 'gas'", "h.created_at DESC, h.id DESC")),
        Scenario("filter overdue, most overdue first", q(overdue=True, sort=S.OVERDUE),
                 _bare(f"h.overdue_able = 1 AND h.deadline < '{today}'", f"{overdue}, h.id")),
        Scenario("filter escalation level 4", q(escalation_levels=frozenset({4})),
                 _bare("h.escalation_level = 4", "h.created_at DESC, h.id DESC")),
        Scenario("filter last 30 days, by place", q(created_from=month, sort=S.PLACE, descending=False),
                 _bare(f"h.created_at >= '{month} 00:00:00'", "h.place, h.id")),
        Scenario("filter district tier + major", q(tier=Tier.DISTRICT, severities=frozenset({Severity.MAJOR})),
                 _bare("h.tier = 'district' AND h.severity = 'major'", "h.created_at DESC, h.id DESC")),
    ]


def _search_bare(db: Database, term: str) -> str:
    if db.is_postgres:
        cond = f"(h.place || ' ' || h.description) ILIKE '%{term}%'" if len(term) >= 3 else \
            f"(h.place ILIKE '%{term}%' OR h.description ILIKE '%{term}%')"
    elif len(term) >= 3:
        cond = f"h.id IN (SELECT rowid FROM hazards_fts WHERE hazards_fts MATCH '\"{term}\"')"
    else:
        cond = f"(h.place LIKE '%{term}%' OR h.description LIKE '%{term}%')"
    return _bare(cond, "h.created_at DESC, h.id DESC")(db)


def _timed_page(db: Database, query: hz.HazardQuery) -> Callable[[], object]:
    def run() -> object:
        with UnitOfWork(db, write=False) as uow:  # as Ops runs it: one unit of work per action
            return hz.page(uow, query, limit=PAGE)
    return run


def _timed_bare(db: Database, sql: str) -> Callable[[], object]:
    def run() -> object:
        with db.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            cur.execute(sql)
            return cur.fetchall()
    return run


def _deep_cursor(db: Database, query: hz.HazardQuery, expr: str, row: int) -> hz.HazardCursor:
    """The cursor of the `row`-th row, found once with OFFSET (setup only, not timed)."""
    with UnitOfWork(db, write=False) as uow:
        ident = uow.session.scalar(text(f"SELECT id FROM hazards ORDER BY {expr}, id LIMIT 1 OFFSET {row}"))
        return hz.cursor_of(query, hz.rows_by_ids(uow, [ident])[0])


def _page_after(db: Database, query: hz.HazardQuery, cursor: hz.HazardCursor) -> hz.HazardPage:
    with UnitOfWork(db, write=False) as uow:
        return hz.page(uow, query, after=cursor, limit=PAGE)


def _photo(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.effect_noise((1600, 1200), 40 + seed).convert("RGB")
    img = Image.blend(img, Image.new("RGB", img.size, tuple(rng.randrange(256) for _ in range(3))), 0.5)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def detail_ticket(db: Database) -> int:
    """A ticket with 20 events and 5 photos (made once per dataset through the services)."""
    with UnitOfWork(db, write=False) as uow:
        found = uow.session.scalar(select(Hazard.id).where(Hazard.description == DETAIL_MARK))
    if found:
        return found
    photos = [hz.NewAttachment(f"现场{i}.jpg", _photo(i), AttachmentKind.PHOTO) for i in range(5)]
    with UnitOfWork(db, write=False) as uow:
        enterprise = uow.session.scalar(select(Hazard.enterprise_id).where(Hazard.department_id.is_not(None),
                                                                           Hazard.enterprise_id.is_not(None)))
    with UnitOfWork(db) as uow:
        row = hz.report(uow, DUTY, hz.HazardReport(Category.FIRE, DETAIL_MARK, enterprise_id=enterprise,
                                                   photos=(photos[0],)))
    with UnitOfWork(db) as uow:
        hz.classify(uow, DUTY, row.id, severity=Severity.GENERAL, expected_version=None)
    with UnitOfWork(db) as uow:
        hz.assign(uow, DUTY, row.id, responsible="王建国（企业负责人）", expected_version=None)
    for p in photos[1:]:
        with UnitOfWork(db) as uow:
            hz.attach(uow, DUTY, row.id, [p], note="补充现场照片")
    for i in range(20 - 3 - 4):
        with UnitOfWork(db) as uow:
            hz.add_note(uow, OTHER, row.id, f"督办记录 {i + 1}：已电话催办企业负责人")
    return row.id


# -- the figures -------------------------------------------------------------------------


def _backend(report: Report, repeat: int, db: Database, label: str, built: str) -> None:
    print(f"# {label}: {built}", flush=True)
    ratios: list[tuple[float, str]] = []
    ours_all: list[float] = []
    for sc in scenarios(db):
        ours, _ = median_of(_timed_page(db, sc.query), repeat, warmup=1)
        bare, _ = median_of(_timed_bare(db, sc.bare(db)), repeat, warmup=1)
        ratios.append((ours / bare, sc.name))
        ours_all.append(ours)
        report(f"hazards {label}: {sc.name}", ours * 1e3, "ms", DATASET,
               f"first {PAGE} rows via service; bare SQL {bare * 1e3:.1f} ms, ratio {ours / bare:.2f}x")
    worst = max(ratios)
    report(f"hazards {label}: first screen, median of scenarios", statistics.median(ours_all) * 1e3, "ms",
           DATASET, f"{len(ours_all)} filter/sort changes; worst {max(ours_all) * 1e3:.1f} ms; goal ≤ 50 ms")
    report(f"hazards {label}: service / bare SQL, worst", worst[0], "x", DATASET,
           f"{worst[1]}; median {statistics.median(r for r, _ in ratios):.2f}x; goal ≤ 2")
    for sort, expr in ((hz.HazardSort.STATUS, "status"), (hz.HazardSort.DEADLINE, "coalesce(deadline, '9999-12-31')")):
        query = hz.HazardQuery(sort=sort, descending=False)
        cursor = _deep_cursor(db, query, expr, int(N * 0.8))
        ms, _ = median_of(lambda q=query, c=cursor: _page_after(db, q, c), repeat, warmup=1)
        report(f"hazards {label}: a page deep in sort by {sort.value}", ms * 1e3, "ms", DATASET,
               f"the {PAGE} rows after row {int(N * 0.8):,} (inside a tie group: keyset, no OFFSET)")
    for term in ("灭火器", "消防通道", "压力容器安全阀", "化工 仓库", "鑫源"):
        ours, _ = median_of(_timed_page(db, hz.HazardQuery(text=term)), repeat, warmup=1)
        bare_sql = _search_bare(db, term.split()[0])
        bare, _ = median_of(_timed_bare(db, bare_sql), repeat, warmup=1)
        with UnitOfWork(db, write=False) as uow:
            hits = hz.count(uow, hz.HazardQuery(text=term))
        report(f"hazards {label}: search “{term}”", ours * 1e3, "ms", DATASET,
               f"{hits:,} matches; first {PAGE}; bare SQL {bare * 1e3:.1f} ms; goal ≤ 150 ms")
    ticket = detail_ticket(db)

    def open_detail() -> hz.HazardDetail:
        with UnitOfWork(db, write=False) as uow:
            return hz.detail(uow, ticket, DUTY)

    d = open_detail()
    ms, _ = median_of(open_detail, repeat, warmup=1)
    report(f"hazards {label}: open a ticket's detail", ms * 1e3, "ms", DATASET,
           f"{len(d.timeline)} events, {sum(1 for a in d.attachments if a.is_image)} photos (thumbnails); "
           "goal ≤ 100 ms")

    def count_all() -> int:
        with UnitOfWork(db, write=False) as uow:
            return hz.count(uow, hz.HazardQuery())

    ms, _ = median_of(count_all, repeat, warmup=1)
    report(f"hazards {label}: total count (background)", ms * 1e3, "ms", DATASET, "all tickets, no filter")

    def my_queues() -> hz.QueueCounts:
        with UnitOfWork(db, write=False) as uow:
            return hz.queues(uow, Actor("q", "q", Role.DUTY, department_id=3))

    ms, _ = median_of(my_queues, repeat, warmup=1)
    report(f"hazards {label}: my queues", ms * 1e3, "ms", DATASET, "five counts + overdue by level")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ledger.xlsx"

        def export() -> int:
            with UnitOfWork(db, write=False) as uow:
                return export_ledger(uow, hz.HazardQuery(), out, max_rows=10_000)

        rows = export()
        secs, _ = median_of(export, max(1, min(3, repeat)))
        report(f"hazards {label}: ledger export", secs, "s", DATASET,
               f"{rows:,} rows to .xlsx ({out.stat().st_size / 1e6:.1f} MB), {rows / secs:,.0f} rows/s")


def run(report: Report, repeat: int) -> None:
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
