"""The hazard table: filters, sorting and keyset paging in SQL (never OFFSET), counts, queues.

    first = page(uow, query)                          # first screen
    more = page(uow, query, after=first.next_cursor)  # next screen, exactly where it left off
    total = count(uow, query)                         # separately, in the background
    fresh = rows_by_ids(uow, changed_ids, query)      # live refresh: rows still inside the filter

Every sort is (one indexed expression, id): ties are broken by id, so paging never skips or
repeats a row. Nullable sort columns sort through an expression index (no value = last).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Select, String, func, literal_column, select, type_coerce
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from desktop.data.tables import Department, Grid
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Tier
from desktop.domain.escalation import overdue_days
from desktop.domain.hazard_terms import (
    Category,
    HazardStatus,
    Reinspection,
    Severity,
    district_today,
    local_time,
)
from desktop.services.common import Actor
from desktop.services.hazard_filters import (
    HazardQuery,
    HazardSort,
    ascending,
    filters,
    keyset_rowvalue,
    order_by,
    short_term_conditions,
    short_terms,
    sort_expr,
    sqlite_page_keys,
)

DUE_SOON_DAYS = 3


def hazard_code(hazard_id: int, created_at: datetime) -> str:
    """隐患编号: YH + year found + the id, e.g. YH20260001234."""
    return f"YH{local_time(created_at).year}{hazard_id:07d}"


@dataclass(frozen=True)
class HazardCursor:
    """Where a page ended: only valid for a query with the same sort and direction."""

    sort: HazardSort
    descending: bool
    value: Any
    id: int


class HazardRow(NamedTuple):
    """One table row. A NamedTuple, not a frozen dataclass: a page builds a hundred of them and
    this is several times cheaper to construct (immutable all the same)."""

    id: int
    code: str
    created_at: datetime
    status: HazardStatus
    severity: Severity
    category: Category
    place: str
    description: str
    enterprise_id: int | None
    street_id: int
    street: str
    community_id: int
    community: str
    grid_id: int
    grid: str
    department_id: int | None
    department: str               # "" when none (public area, or unrouted)
    tier: Tier
    unrouted: bool
    responsible: str
    deadline: date | None
    overdue_days: int             # > 0 only while rectifying past the deadline
    escalation_level: int
    return_count: int
    reinspection: Reinspection
    closed_at: datetime | None
    lon: float
    lat: float
    version: int


@dataclass(frozen=True)
class HazardPage:
    rows: tuple[HazardRow, ...]
    next_cursor: HazardCursor | None  # None: this was the last page


@dataclass(frozen=True)
class QueueCounts:
    to_classify: int                      # found, waiting for classification
    unrouted: int                         # supervision gaps waiting for a route
    my_department: int | None             # classified or awaiting re-inspection at the user's department
    due_soon: int                         # rectifying, deadline within DUE_SOON_DAYS
    overdue: int
    overdue_by_level: tuple[tuple[int, int], ...] = field(default=())  # (escalation level, count)


class Queue(StrEnum):
    TO_CLASSIFY = "to_classify"
    UNROUTED = "unrouted"
    MY_DEPARTMENT = "my_department"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


_street, _community, _grid = aliased(Grid), aliased(Grid), aliased(Grid)
# Dates travel raw (ISO text on SQLite, objects from psycopg) and are parsed in C below: the
# generic result processors would cost more than the query itself on a fast page.
_RAW = String()
_COLUMNS = (
    Hazard.id, type_coerce(Hazard.created_at, _RAW).label("created_at"), Hazard.status, Hazard.severity,
    Hazard.category, Hazard.place, Hazard.description, Hazard.enterprise_id, Hazard.street_id,
    _street.name.label("street_name"), Hazard.community_id, _community.name.label("community_name"),
    Hazard.grid_id, _grid.name.label("grid_name"), Hazard.department_id, Department.name.label("department_name"),
    Hazard.tier, Hazard.unrouted, Hazard.responsible, type_coerce(Hazard.deadline, _RAW).label("deadline"),
    Hazard.overdue_able, Hazard.escalation_level, Hazard.return_count, Hazard.reinspection,
    type_coerce(Hazard.closed_at, _RAW).label("closed_at"), Hazard.lon, Hazard.lat, Hazard.version,
)
_STATUS = HazardStatus._value2member_map_
_SEVERITY = Severity._value2member_map_
_CATEGORY = Category._value2member_map_
_TIER = Tier._value2member_map_
_REINSPECTION = Reinspection._value2member_map_


# SQLAlchemy statements are immutable: build the joined select once, derive each query from it.
_BASE = (select(*_COLUMNS)
         .outerjoin(_street, _street.id == Hazard.street_id)
         .outerjoin(_community, _community.id == Hazard.community_id)
         .outerjoin(_grid, _grid.id == Hazard.grid_id)
         .outerjoin(Department, Department.id == Hazard.department_id))


def _select() -> Select:
    return _BASE


def _dt(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


_CST = timedelta(hours=8)  # the district's offset: the year of the ticket code


def _row(r, today: date) -> HazardRow:
    # Unpacked by position (in _COLUMNS order): a hundred rows per page, read by name this costs
    # more than the query.
    (ident, created, status, severity, category, place, description, enterprise_id, street_id, street,
     community_id, community, grid_id, grid, department_id, department, tier, unrouted, responsible,
     deadline, overdue_able, level, returns, reinspection, closed, lon, lat, version) = r[:28]
    created, deadline = _dt(created), _date(deadline)
    return HazardRow(
        ident, f"YH{(created + _CST).year}{ident:07d}", created, _STATUS[status], _SEVERITY[severity],
        _CATEGORY[category], place, description, enterprise_id, street_id, street or "", community_id,
        community or "", grid_id, grid or "", department_id, department or "", _TIER[tier], bool(unrouted),
        responsible, deadline, overdue_days(deadline, today) if overdue_able else 0, level, returns,
        _REINSPECTION[reinspection], _dt(closed), lon, lat, version,
    )


def page(uow: UnitOfWork, query: HazardQuery, after: HazardCursor | None = None, limit: int = 100) -> HazardPage:
    """One screen of rows in the query's order, starting after `after` (keyset, never OFFSET)."""
    if limit < 1:
        raise ValueError("limit must be positive")
    if after is not None and (after.sort, after.descending) != (query.sort, query.descending):
        raise ValueError("the cursor belongs to another sort order")
    today = query.today or district_today()
    start = (after.value, after.id) if after else None
    plain = False
    if uow.db.is_postgres:  # its planner has statistics: one statement, unless a short term
        keys = _pg_short_text_walk(uow, query, start, limit) if short_terms(query.text) else None
    else:  # a list of keys, or (first page only) one plain statement
        found = sqlite_page_keys(uow, query, start, limit)
        keys, plain = (found, False) if isinstance(found, list) else (None, found)
    if keys is not None:  # the keys are known: fetch those rows
        fetched = {r.id: r for r in _rows_by_ids(uow, [i for _, i in keys[:limit]], [], today)}
        rows = [fetched[i] for _, i in keys[:limit]]
    else:  # one statement: filters, keyset, order, rows and all
        asc = ascending(query)
        stmt = _select().add_columns(sort_expr(query.sort).label("sort_key")).where(
            *filters(uow, query, plain=plain))
        if start is not None:  # PostgreSQL only (SQLite pages on come back as keys)
            stmt = stmt.where(*keyset_rowvalue(query.sort, asc, start[0], start[1]))
        found_rows = uow.session.connection().execute(
            stmt.order_by(*order_by(query.sort, asc)).limit(limit + 1)).all()
        rows = [_row(r, today) for r in found_rows[:limit]]
        keys = [(r.sort_key, r.id) for r in found_rows]
    more = len(keys) > limit
    cursor = HazardCursor(query.sort, query.descending, keys[limit - 1][0], keys[limit - 1][1]) if more else None
    return HazardPage(tuple(rows), cursor)


SHORT_TEXT_WALK = 50_000


def _pg_short_text_walk(uow: UnitOfWork, q: HazardQuery, start: tuple[Any, int] | None, limit: int
                        ) -> list[tuple[Any, int]] | None:
    """PostgreSQL cannot estimate a short '%term%', and may scan the whole table for it: first
    walk the next SHORT_TEXT_WALK rows in sort order; None if they hold less than a page."""
    asc = ascending(q)
    where = filters(uow, q, with_short=False)
    if start is not None:
        where += keyset_rowvalue(q.sort, asc, start[0], start[1])
    inner = (select(sort_expr(q.sort).label("k"), Hazard.id.label("id"), Hazard.place, Hazard.description)
             .where(*where).order_by(*order_by(q.sort, asc)).limit(SHORT_TEXT_WALK).subquery())
    stmt = (select(inner.c.k, inner.c.id)
            .where(*short_term_conditions(uow, q.text, inner.c.place, inner.c.description))
            .order_by(*(c.asc() if asc else c.desc() for c in (inner.c.k, inner.c.id))).limit(limit + 1))
    found = [(r.k, r.id) for r in uow.session.execute(stmt)]
    return found if len(found) > limit else None


def count(uow: UnitOfWork, query: HazardQuery) -> int:
    """How many tickets the query holds (run it in the background: a full count can take a while)."""
    return uow.session.scalar(select(func.count()).select_from(Hazard).where(*filters(uow, query)))


def rows_by_ids(uow: UnitOfWork, ids: Iterable[int], query: HazardQuery | None = None) -> list[HazardRow]:
    """Fresh rows for these ids that pass the query's filter (all of them when query is None),
    in id order. An id missing from the answer was deleted or has left the filter: drop it."""
    where = filters(uow, query) if query is not None else []
    return _rows_by_ids(uow, ids, where, (query.today if query else None) or district_today())


def _rows_by_ids(uow: UnitOfWork, ids: Iterable[int], where: list[ColumnElement], today: date) -> list[HazardRow]:
    wanted = sorted({int(i) for i in ids})
    out: list[HazardRow] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        stmt = _select().where(Hazard.id.in_(chunk), *where).order_by(Hazard.id)
        out += [_row(r, today) for r in uow.session.connection().execute(stmt)]
    return out


def cursor_of(query: HazardQuery, row: HazardRow) -> HazardCursor:
    """The cursor sitting on `row` under `query`'s order (to place a live-inserted row)."""
    value: Any = {
        HazardSort.ID: row.id, HazardSort.CREATED: row.created_at, HazardSort.STATUS: row.status.value,
        HazardSort.SEVERITY: row.severity.value, HazardSort.CATEGORY: row.category.value,
        HazardSort.PLACE: row.place, HazardSort.STREET: row.street_id, HazardSort.COMMUNITY: row.community_id,
        HazardSort.GRID: row.grid_id, HazardSort.DEPARTMENT: row.department_id or 0,
        HazardSort.TIER: row.tier.value, HazardSort.DEADLINE: row.deadline or date(9999, 12, 31),
        HazardSort.OVERDUE: (row.deadline or date(9999, 12, 31))
        if row.status is HazardStatus.RECTIFYING else date(9999, 12, 31),
        HazardSort.ESCALATION: row.escalation_level,
    }[query.sort]
    return HazardCursor(query.sort, query.descending, value, row.id)


def sort_key(query: HazardQuery, row: HazardRow) -> tuple[Any, int]:
    """A key that orders rows exactly as `page` does when used with `reverse=sort_reversed(query)`."""
    c = cursor_of(query, row)
    return (c.value, c.id)


def sort_reversed(query: HazardQuery) -> bool:
    return not ascending(query)


def queues(uow: UnitOfWork, actor: Actor, today: date | None = None) -> QueueCounts:
    """The "my queues" counts; `my_department` is None for a user without a department."""
    today = today or district_today()
    department_id = actor.department_id
    s = uow.session

    def n(*where: ColumnElement) -> int:
        return s.scalar(select(func.count()).select_from(Hazard).where(*where))

    mine = None
    if department_id is not None:
        mine = n(Hazard.department_id == department_id, Hazard.status.in_(
            [HazardStatus.CLASSIFIED.value, HazardStatus.AWAITING_REINSPECTION.value]))
    # "+ 0": grouping by the bare column would tempt SQLite to walk the whole escalation index
    # instead of the small overdue range of ix_hazards_open_deadline.
    level = (Hazard.escalation_level + 0).label("level")
    levels = s.execute(select(level, func.count()).where(Hazard.overdue_able == 1, Hazard.deadline < today)
                       .group_by(level).order_by(level)).all()
    return QueueCounts(
        to_classify=n(Hazard.status == HazardStatus.FOUND.value),
        unrouted=n(Hazard.unrouted == literal_column("1")),
        my_department=mine,
        due_soon=n(Hazard.overdue_able == 1, Hazard.deadline >= today,
                   Hazard.deadline <= today + timedelta(days=DUE_SOON_DAYS)),
        overdue=sum(c for _, c in levels),
        overdue_by_level=tuple((int(lv), int(c)) for lv, c in levels),
    )


def queue_query(queue: Queue, actor: Actor, level: int | None = None) -> HazardQuery:
    """The table query behind a queue (click a queue → the table shows exactly what it counts);
    `level` narrows OVERDUE to one escalation level."""
    department_id = actor.department_id
    if queue is Queue.TO_CLASSIFY:
        return HazardQuery(statuses=frozenset({HazardStatus.FOUND}), sort=HazardSort.CREATED, descending=False)
    if queue is Queue.UNROUTED:
        return HazardQuery(unrouted=True, sort=HazardSort.CREATED, descending=False)
    if queue is Queue.MY_DEPARTMENT:
        return HazardQuery(department_id=department_id if department_id is not None else -1,
                           statuses=frozenset({HazardStatus.CLASSIFIED, HazardStatus.AWAITING_REINSPECTION}),
                           sort=HazardSort.CREATED, descending=False)
    if queue is Queue.DUE_SOON:
        return HazardQuery(due_within_days=DUE_SOON_DAYS, sort=HazardSort.DEADLINE, descending=False)
    return HazardQuery(overdue=True, escalation_levels=frozenset({level}) if level is not None else frozenset(),
                       sort=HazardSort.OVERDUE, descending=True)
