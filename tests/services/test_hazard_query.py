"""The hazard table's query: keyset paging equals a full ORDER BY for every sort (ties included),
filters agree with counts, free text finds Chinese substrings, queues match their queries.

Read-only, on one demo district (3,000 tickets) per backend shared by the whole module.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.enums import Tier
from desktop.domain.hazard_terms import Category, HazardStatus, Severity, district_today
from desktop.services import hazards as hz
from desktop.services.common import Actor
from desktop.services.hazard_filters import HazardSort
from tests.services.hazard_support import DUTY, read

# Each sort as the test writes it independently of the service: (SQL expression, ascending for
# the UI's "descending").
REFERENCE = {
    HazardSort.ID: ("id", False), HazardSort.CREATED: ("created_at", False), HazardSort.STATUS: ("status", False),
    HazardSort.SEVERITY: ("severity", False), HazardSort.CATEGORY: ("category", False),
    HazardSort.PLACE: ("place", False), HazardSort.STREET: ("street_id", False),
    HazardSort.COMMUNITY: ("community_id", False), HazardSort.GRID: ("grid_id", False),
    HazardSort.DEPARTMENT: ("coalesce(department_id, 0)", False), HazardSort.TIER: ("tier", False),
    HazardSort.DEADLINE: ("coalesce(deadline, '9999-12-31')", False),
    HazardSort.OVERDUE: ("(CASE WHEN overdue_able = 1 THEN deadline ELSE '9999-12-31' END)", True),
    HazardSort.ESCALATION: ("escalation_level", False),
}


@pytest.fixture(scope="module")
def sqlite_demo(demo_template) -> Iterator[Database]:
    db = open_database(f"sqlite:///{demo_template}")  # read-only use: the template stays intact
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def pg_demo(pg_server) -> Iterator[Database]:
    schema = pg_server.new_schema_name()
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = open_database(pg_server.url_for_schema(schema).render_as_string(hide_password=False))
    try:
        upgrade(db)
        load_demo(db)
        yield db
    finally:
        db.dispose()
        with pg_server.admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def shared(request) -> Database:
    return request.getfixturevalue(f"{request.param}_demo")


def _all_pages(db: Database, query: hz.HazardQuery, limit: int) -> list[int]:
    ids: list[int] = []
    cursor = None
    with UnitOfWork(db, write=False) as uow:
        while True:
            page = hz.page(uow, query, after=cursor, limit=limit)
            ids += [r.id for r in page.rows]
            assert len(page.rows) <= limit
            cursor = page.next_cursor
            if cursor is None:
                return ids


def _reference(db: Database, sort: HazardSort, descending: bool, where: str = "") -> list[int]:
    expr, flip = REFERENCE[sort]
    direction = "ASC" if descending == flip else "DESC"
    sql = f"SELECT id FROM hazards {where} ORDER BY {expr} {direction}, id {direction}"
    return read(db, lambda u: list(u.session.scalars(text(sql))))


@pytest.mark.parametrize("sort", list(HazardSort))
def test_keyset_pages_equal_a_full_order_by_both_ways(shared, sort):
    for descending in (False, True):
        assert _all_pages(shared, hz.HazardQuery(sort=sort, descending=descending), 211) == \
            _reference(shared, sort, descending), (sort, descending)


@pytest.mark.parametrize("sort", [HazardSort.DEADLINE, HazardSort.STATUS, HazardSort.DEPARTMENT])
def test_keyset_with_a_filter_and_pages_of_one(shared, sort):
    query = hz.HazardQuery(statuses=frozenset({HazardStatus.RECTIFYING, HazardStatus.CLASSIFIED}), sort=sort)
    where = "WHERE status IN ('rectifying', 'classified')"
    expected = _reference(shared, sort, True, where)
    assert _all_pages(shared, query, 37) == expected
    assert _all_pages(shared, query, 1)[:60] == expected[:60]


@pytest.mark.parametrize(("query", "where"), [
    (hz.HazardQuery(statuses=frozenset({HazardStatus.CLOSED})), "WHERE status = 'closed'"),  # many: walk
    (hz.HazardQuery(text="灭火器"), "WHERE (description LIKE '%灭火器%' OR place LIKE '%灭火器%')"),
    (hz.HazardQuery(text="井"), "WHERE (description LIKE '%井%' OR place LIKE '%井%')"),  # short term
    (hz.HazardQuery(text="消防 通道"), "WHERE (description LIKE '%消防%' OR place LIKE '%消防%') AND "
                                      "(description LIKE '%通道%' OR place LIKE '%通道%')"),
    (hz.HazardQuery(severities=frozenset({Severity.GENERAL}), text="有限公司"),
     "WHERE severity = 'general' AND (description LIKE '%有限公司%' OR place LIKE '%有限公司%')"),
])
@pytest.mark.parametrize("sort", [HazardSort.CREATED, HazardSort.PLACE, HazardSort.OVERDUE])
def test_keyset_pages_equal_order_by_under_every_plan(shared, query, where, sort):
    from dataclasses import replace

    for descending in (True, False):
        q = replace(query, sort=sort, descending=descending)
        expected = _reference(shared, sort, descending, where)
        assert expected
        assert _all_pages(shared, q, 29) == expected, (query, sort, descending)


def test_a_cursor_from_another_sort_is_refused(shared):
    page = read(shared, lambda u: hz.page(u, hz.HazardQuery(sort=HazardSort.PLACE), limit=5))
    with pytest.raises(ValueError):
        read(shared, lambda u: hz.page(u, hz.HazardQuery(sort=HazardSort.CREATED), after=page.next_cursor))


def test_sort_key_orders_rows_like_the_page(shared):
    for sort in (HazardSort.OVERDUE, HazardSort.DEADLINE, HazardSort.DEPARTMENT):
        query = hz.HazardQuery(sort=sort, descending=True)
        rows = read(shared, lambda u, q=query: hz.page(u, q, limit=300)).rows
        again = sorted(rows, key=lambda r, q=query: hz.sort_key(q, r), reverse=hz.sort_reversed(query))
        assert [r.id for r in again] == [r.id for r in rows]


def _count(db, **kw) -> int:
    return read(db, lambda u: hz.count(u, hz.HazardQuery(**kw)))


def _sql_count(db, where: str, **params) -> int:
    return read(db, lambda u: u.session.scalar(text(f"SELECT count(*) FROM hazards WHERE {where}"), params))


def test_filters_agree_with_sql(shared):
    street, community, dept = read(shared, lambda u: u.session.execute(text(
        "SELECT street_id, community_id, department_id FROM hazards WHERE department_id IS NOT NULL "
        "ORDER BY id LIMIT 1")).one())
    assert _count(shared, street_id=street) == _sql_count(shared, "street_id = :s", s=street) > 0
    assert _count(shared, community_id=community) == _sql_count(shared, "community_id = :c", c=community) > 0
    assert _count(shared, department_id=dept) == _sql_count(shared, "department_id = :d", d=dept) > 0
    assert _count(shared, severities=frozenset({Severity.MAJOR})) == _sql_count(shared, "severity = 'major'") > 0
    assert _count(shared, categories=frozenset({Category.GAS, Category.FIRE})) == \
        _sql_count(shared, "category IN ('gas', 'fire')")
    assert _count(shared, tier=Tier.DISTRICT) == _sql_count(shared, "tier = 'district'") > 0
    assert _count(shared, escalation_levels=frozenset({4})) == _sql_count(shared, "escalation_level = 4") > 0
    today = district_today()
    assert _count(shared, overdue=True) == _sql_count(shared, "overdue_able = 1 AND deadline < :t", t=today) > 0
    assert _count(shared, overdue=True) + _count(shared, overdue=False) == _count(shared)
    first = today - timedelta(days=30)
    recent = _count(shared, created_from=first, created_to=today)
    assert 0 < recent < _count(shared)
    both = _count(shared, street_id=street, statuses=frozenset({HazardStatus.CLOSED}), severities=frozenset(
        {Severity.GENERAL}))
    assert both == _sql_count(shared, "street_id = :s AND status = 'closed' AND severity = 'general'", s=street)


def test_grid_filter_includes_the_enterprise_grids_inside(shared):
    parent = read(shared, lambda u: u.session.execute(text(
        "SELECT g.parent_id FROM hazards h JOIN grids g ON g.id = h.grid_id WHERE g.level = 'enterprise' "
        "LIMIT 1")).scalar())
    inside = _sql_count(shared, "grid_id = :p OR grid_id IN (SELECT id FROM grids WHERE parent_id = :p)", p=parent)
    assert _count(shared, grid_id=parent) == inside > _sql_count(shared, "grid_id = :p", p=parent)


@pytest.mark.parametrize("term", ["消防通道", "灭火器", "通道被杂物", "危险化学品", "化工", "井", "KTV"])
def test_free_text_finds_chinese_substrings(shared, term):
    like = f"%{term}%"
    expected = _sql_count(shared, "(description LIKE :p OR place LIKE :p)", p=like)
    assert expected > 0
    assert _count(shared, text=term) == expected
    rows = read(shared, lambda u: hz.page(u, hz.HazardQuery(text=term), limit=50)).rows
    assert rows and all(term.lower() in (r.description + r.place).lower() for r in rows)


def test_free_text_terms_combine_and_codes_find_one_ticket(shared):
    both = _sql_count(shared, "(description LIKE '%灭火器%' OR place LIKE '%灭火器%') AND "
                              "(description LIKE '%仓库%' OR place LIKE '%仓库%')")
    assert _count(shared, text="灭火器 仓库") == both > 0
    first = read(shared, lambda u: hz.page(u, hz.HazardQuery(), limit=1)).rows[0]
    assert [r.id for r in read(shared, lambda u: hz.page(u, hz.HazardQuery(text=first.code)).rows)] == [first.id]
    assert _count(shared, text='"引号" 100%_') == 0  # quotes and LIKE wildcards are literal


def test_queues_count_what_their_queries_show(shared):
    actor = Actor("d", "部门用户", DUTY.role, department_id=read(shared, lambda u: u.session.scalar(text(
        "SELECT department_id FROM hazards WHERE status = 'classified' AND department_id IS NOT NULL LIMIT 1"))))
    counts = read(shared, lambda u: hz.queues(u, actor))
    assert counts.to_classify == _count(shared, statuses=frozenset({HazardStatus.FOUND})) > 0
    for queue, n in ((hz.Queue.TO_CLASSIFY, counts.to_classify), (hz.Queue.UNROUTED, counts.unrouted),
                     (hz.Queue.MY_DEPARTMENT, counts.my_department), (hz.Queue.DUE_SOON, counts.due_soon),
                     (hz.Queue.OVERDUE, counts.overdue)):
        assert read(shared, lambda u, q=queue: hz.count(u, hz.queue_query(q, actor))) == n, queue
    assert counts.my_department > 0 and counts.overdue > 0
    for level, n in counts.overdue_by_level:
        assert read(shared, lambda u, lv=level: hz.count(u, hz.queue_query(hz.Queue.OVERDUE, actor, lv))) == n
    assert read(shared, lambda u: hz.queues(u, Actor("x", "x", DUTY.role))).my_department is None


def test_rows_by_ids_drops_rows_outside_the_filter(shared):
    rows = read(shared, lambda u: hz.page(u, hz.HazardQuery(sort=HazardSort.ID, descending=False), limit=40)).rows
    ids = [r.id for r in rows] + [10**9]
    query = hz.HazardQuery(statuses=frozenset({HazardStatus.CLOSED}))
    fresh = read(shared, lambda u: hz.rows_by_ids(u, ids, query))
    assert {r.id for r in fresh} == {r.id for r in rows if r.status is HazardStatus.CLOSED}
    assert [r.id for r in read(shared, lambda u: hz.rows_by_ids(u, ids))] == [r.id for r in rows]


def test_detail_of_a_demo_ticket(shared):
    row = read(shared, lambda u: hz.page(u, hz.HazardQuery(statuses=frozenset({HazardStatus.CLOSED}),
                                                            sort=HazardSort.CREATED), limit=1)).rows[0]
    detail = read(shared, lambda u: hz.detail(u, row.id, DUTY))
    assert detail.row == row
    assert detail.timeline[0].from_status is None and detail.timeline[-1].to_status is HazardStatus.CLOSED
    assert detail.grid.officer_name and detail.grid.id == row.grid_id
    assert (detail.enterprise is None) == (row.enterprise_id is None)
