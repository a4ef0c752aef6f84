"""What the hazard table asks for (HazardQuery), turned into SQL conditions and a sort key.

Every sort is one indexed expression plus id. On SQLite, whose planner has no histograms, a page
first probes how many rows the filters hold (at most a few thousand index entries) and then
steers the plan: many rows → walk the sort index and test the filters row by row (the first
screen is found after a short walk); few rows → fetch them by the filter's index and sort them.
Either way a page costs at most ~sqrt(limit × table) row visits. PostgreSQL plans by statistics.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Integer, and_, func, literal, literal_column, or_, select, text, tuple_
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeEngine

from desktop.data.hazard_search import MIN_INDEXED, fts_phrase, like_pattern, pg_search_expr, split_terms
from desktop.data.tables import Grid
from desktop.data.tables_hazards import NO_DEADLINE, Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Tier
from desktop.domain.hazard_terms import DISTRICT_TZ, Category, HazardStatus, Severity, district_today

CODE_RE = re.compile(r"^YH(\d{4})(\d{7,})$", re.IGNORECASE)


class HazardSort(StrEnum):
    ID = "id"
    CREATED = "created"
    STATUS = "status"
    SEVERITY = "severity"
    CATEGORY = "category"
    PLACE = "place"
    STREET = "street"          # by the street's id (= its official code order)
    COMMUNITY = "community"
    GRID = "grid"
    DEPARTMENT = "department"  # unrouted / none first
    TIER = "tier"
    DEADLINE = "deadline"      # no deadline last
    OVERDUE = "overdue"        # by overdue days: descending = most overdue first
    ESCALATION = "escalation"


@dataclass(frozen=True)
class HazardQuery:
    """What the table shows. Empty sets and None mean "any"; all given filters must hold."""

    statuses: frozenset[HazardStatus] = frozenset()
    severities: frozenset[Severity] = frozenset()
    categories: frozenset[Category] = frozenset()
    street_id: int | None = None
    community_id: int | None = None
    grid_id: int | None = None            # this grid and the grids inside it
    department_id: int | None = None
    tier: Tier | None = None
    unrouted: bool = False                # only the unrouted queue (supervision gaps)
    overdue: bool | None = None           # True: past the deadline while rectifying; False: not
    due_within_days: int | None = None    # rectifying, deadline from today to today + n
    escalation_levels: frozenset[int] = frozenset()
    created_from: date | None = None      # district calendar days, inclusive
    created_to: date | None = None
    enterprise_id: int | None = None
    text: str = ""                        # words in the description or place (all must match)
    sort: HazardSort = HazardSort.CREATED
    descending: bool = True
    today: date | None = None             # "now" for overdue filters; default: today in the district


@dataclass(frozen=True)
class SortSpec:
    sql: str                  # the indexed expression, spelled as the index spells it
    type_: TypeEngine
    flip: bool = False        # the UI's "descending" is ascending in SQL


def _c(name: str) -> str:
    return f"hazards.{name}"


SORTS: dict[HazardSort, SortSpec] = {
    HazardSort.ID: SortSpec(_c("id"), Integer()),
    HazardSort.CREATED: SortSpec(_c("created_at"), Hazard.created_at.type),
    HazardSort.STATUS: SortSpec(_c("status"), Hazard.status.type),
    HazardSort.SEVERITY: SortSpec(_c("severity"), Hazard.severity.type),
    HazardSort.CATEGORY: SortSpec(_c("category"), Hazard.category.type),
    HazardSort.PLACE: SortSpec(_c("place"), Hazard.place.type),
    HazardSort.STREET: SortSpec(_c("street_id"), Integer()),
    HazardSort.COMMUNITY: SortSpec(_c("community_id"), Integer()),
    HazardSort.GRID: SortSpec(_c("grid_id"), Integer()),
    HazardSort.DEPARTMENT: SortSpec("coalesce(hazards.department_id, 0)", Integer()),
    HazardSort.TIER: SortSpec(_c("tier"), Hazard.tier.type),
    HazardSort.DEADLINE: SortSpec(f"coalesce(hazards.deadline, {NO_DEADLINE})", Date()),
    HazardSort.OVERDUE: SortSpec(f"(CASE WHEN hazards.overdue_able = 1 THEN hazards.deadline ELSE {NO_DEADLINE} END)",
                                 Date(), flip=True),
    HazardSort.ESCALATION: SortSpec(_c("escalation_level"), Integer()),
}


def ascending(q: HazardQuery) -> bool:
    return q.descending == SORTS[q.sort].flip


def sort_expr(sort: HazardSort, hidden: bool = False) -> ColumnElement:
    """The sort key; `hidden` (SQLite) keeps the planner off its index (unary plus)."""
    spec = SORTS[sort]
    return literal_column(f"+({spec.sql})" if hidden else spec.sql, spec.type_)


class _Columns:
    """Hazard columns for conditions; `plain` ones (+col on SQLite) cannot use an index."""

    def __init__(self, plain: bool) -> None:
        self.plain = plain

    def __getattr__(self, name: str) -> ColumnElement:
        column = getattr(Hazard, name)
        return literal_column(f"+hazards.{name}", column.type) if self.plain else column


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, DISTRICT_TZ)


def _grid_ids(uow: UnitOfWork, grid_id: int) -> list[int]:
    """The grid and every grid below it (a sub-community grid holds enterprise grids)."""
    ids, frontier = [grid_id], [grid_id]
    while frontier:
        frontier = list(uow.session.scalars(select(Grid.id).where(Grid.parent_id.in_(frontier))))
        ids += frontier
    return ids


def _fts_match(raw: str) -> str | None:
    terms = [fts_phrase(t) for t in split_terms(raw) if not CODE_RE.match(t) and len(t) >= MIN_INDEXED]
    return " ".join(terms) or None


def short_terms(raw: str) -> list[str]:
    """Terms too short for a trigram index (and not a ticket code)."""
    return [t for t in split_terms(raw) if len(t) < MIN_INDEXED and not CODE_RE.match(t)]


def short_term_conditions(uow: UnitOfWork, raw: str, place: ColumnElement, description: ColumnElement
                          ) -> list[ColumnElement]:
    """No trigram in a short term: a trigram index would read all of itself, so the columns are
    tested row by row (walking the sort order, a common short term is found quickly)."""
    out = []
    for term in short_terms(raw):
        pattern = like_pattern(term)
        if uow.db.is_postgres:
            out.append(or_(place.ilike(pattern), description.ilike(pattern)))
        else:
            out.append(or_(place.like(pattern, escape="\\"), description.like(pattern, escape="\\")))
    return out


def _text(uow: UnitOfWork, raw: str, h: _Columns, with_short: bool) -> list[ColumnElement]:
    out: list[ColumnElement] = []
    for term in split_terms(raw):
        code = CODE_RE.match(term)
        if code:
            out.append(h.id == int(code.group(2)))
        elif uow.db.is_postgres and len(term) >= MIN_INDEXED:
            out.append(pg_search_expr.ilike(like_pattern(term)))
    if with_short:
        out += short_term_conditions(uow, raw, Hazard.place, Hazard.description)
    match = None if uow.db.is_postgres else _fts_match(raw)
    if match:
        rowids = text("SELECT rowid FROM hazards_fts WHERE hazards_fts MATCH :fts").bindparams(fts=match)
        out.append(h.id.in_(rowids.columns(literal_column("rowid", Integer))))
    return out


def filters(uow: UnitOfWork, q: HazardQuery, *, plain: bool = False, with_short: bool = True
            ) -> list[ColumnElement]:
    """The query's conditions. `plain` (SQLite): spelled so that no filter index is used;
    `with_short=False` leaves out the short free-text terms (see `short_term_conditions`)."""
    h = _Columns(plain)
    today = q.today or district_today()
    w: list[ColumnElement] = []
    if q.statuses:
        w.append(h.status.in_(sorted(HazardStatus(s).value for s in q.statuses)))
    if q.severities:
        w.append(h.severity.in_(sorted(Severity(s).value for s in q.severities)))
    if q.categories:
        w.append(h.category.in_(sorted(Category(c).value for c in q.categories)))
    if q.street_id is not None:
        w.append(h.street_id == q.street_id)
    if q.community_id is not None:
        w.append(h.community_id == q.community_id)
    if q.grid_id is not None:
        ids = _grid_ids(uow, q.grid_id)
        w.append(h.grid_id == ids[0] if len(ids) == 1 else h.grid_id.in_(ids))
    if q.department_id is not None:
        w.append(h.department_id == q.department_id)
    if q.tier is not None:
        w.append(h.tier == Tier(q.tier).value)
    if q.unrouted:
        w.append(h.unrouted == literal_column("1"))  # a literal, so the partial index applies
    if q.overdue is True:
        w.append(and_(h.overdue_able == 1, h.deadline < today))
    elif q.overdue is False:
        w.append(or_(h.overdue_able == 0, h.deadline >= today))
    if q.due_within_days is not None:
        w.append(and_(h.overdue_able == 1, h.deadline >= today,
                      h.deadline <= today + timedelta(days=q.due_within_days)))
    if q.escalation_levels:
        w.append(h.escalation_level.in_(sorted(q.escalation_levels)))
    if q.created_from is not None:
        w.append(h.created_at >= _day_start(q.created_from))
    if q.created_to is not None:
        w.append(h.created_at < _day_start(q.created_to + timedelta(days=1)))
    if q.enterprise_id is not None:
        w.append(h.enterprise_id == q.enterprise_id)
    if q.text.strip():
        w += _text(uow, q.text, h, with_short)
    return w


def keyset(sort: HazardSort, asc: bool, value: Any, ident: int, *, hidden: bool = False) -> list[ColumnElement]:
    """Rows strictly after (value, id) in the sort order, as one condition (for a query that
    sorts its matches anyway; a walk uses `keyset_rowvalue` or `keyset_branches`)."""
    key, hid = sort_expr(sort, hidden), sort_expr(HazardSort.ID, hidden)
    if sort is HazardSort.ID:
        return [hid > ident if asc else hid < ident]
    if asc:
        return [key >= value, or_(key > value, hid > ident)]
    return [key <= value, or_(key < value, hid < ident)]


def keyset_rowvalue(sort: HazardSort, asc: bool, value: Any, ident: int) -> list[ColumnElement]:
    """PostgreSQL: a row comparison, which a btree seeks to directly (even deep in a tie)."""
    if sort is HazardSort.ID:
        return [Hazard.id > ident if asc else Hazard.id < ident]
    row, at = tuple_(sort_expr(sort), Hazard.id), tuple_(literal(value, SORTS[sort].type_), literal(ident))
    return [row > at if asc else row < at]


def keyset_branches(sort: HazardSort, asc: bool, after: tuple[Any, int] | None) -> list[list[ColumnElement]]:
    """SQLite: "after (v, id)" as consecutive seekable ranges — the rest of v's tie group, then
    the keys past v. (One OR-ed condition would rescan the tie group from its start: a page
    deep inside "status = closed" would cost its position.)"""
    if after is None:
        return [[]]
    value, ident = after
    key, hid = sort_expr(sort), sort_expr(HazardSort.ID)
    if sort is HazardSort.ID:
        return [[hid > ident if asc else hid < ident]]
    if asc:
        return [[key == value, hid > ident], [key > value]]
    return [[key == value, hid < ident], [key < value]]


def order_by(sort: HazardSort, asc: bool, *, hidden: bool = False) -> list[ColumnElement]:
    keys = [sort_expr(sort, hidden)] if sort is HazardSort.ID else [sort_expr(sort, hidden),
                                                                     sort_expr(HazardSort.ID, hidden)]
    return [k.asc() if asc else k.desc() for k in keys]


def sqlite_walk_keys(uow: UnitOfWork, q: HazardQuery, after: tuple[Any, int] | None, limit: int, *,
                     plain: bool, steps: int | None = None) -> list[tuple[Any, int]]:
    """Walk the sort index from `after`, testing the filters on each step (in a correlated
    EXISTS, so the scan stops at the screenful); at most `steps` index entries per range."""
    asc = ascending(q)
    conn = uow.session.connection()
    where = filters(uow, q, plain=plain)
    found: list[tuple[Any, int]] = []
    for branch in keyset_branches(q.sort, asc, after):
        walk = (select(sort_expr(q.sort).label("k"), Hazard.id.label("id")).where(*branch)
                .order_by(*order_by(q.sort, asc)))
        if steps is not None:
            walk = walk.limit(steps)
        walked = walk.subquery()
        if where:
            test = select(literal_column("1")).select_from(Hazard).where(Hazard.id == walked.c.id, *where)
            hits = select(walked.c.k, walked.c.id).where(test.exists())
        else:
            hits = select(walked.c.k, walked.c.id)
        found += [(r.k, r.id) for r in conn.execute(hits.limit(limit + 1 - len(found)))]
        if len(found) > limit:
            break
    found.sort(reverse=not asc)  # already in walk order; sorting makes that a guarantee
    return found


def sqlite_page_keys(uow: UnitOfWork, q: HazardQuery, after: tuple[Any, int] | None, limit: int
                     ) -> list[tuple[Any, int]] | bool:
    """SQLite's plan for a page (module doc): the (sort value, id) of the next `limit` + 1 rows,
    or, for a first page best served by one statement, whether its filters must be `plain`.

    1. One filter: count its matches up to a bound through its index alone (no row is read).
       Fewer: fetch their keys through that index and sort them. That is the whole answer.
    2. Many matches, or several filters (whose combination no count can judge cheaply): walk
       the sort index for a bounded number of rows, testing the filters on each; a screenful
       found there is the answer.
    3. Otherwise the matches lie late in the sort order: one filter with many matches walks on;
       a combination of filters, probably rare, is fetched through its indexes and sorted."""
    where = filters(uow, q)
    if not where or short_terms(q.text):  # nothing to steer; or a LIKE scan, as costly to probe
        plain = bool(where)
        return plain if after is None else sqlite_walk_keys(uow, q, after, limit, plain=plain)
    asc = ascending(q)
    conn = uow.session.connection()
    table = conn.execute(select(func.max(Hazard.id))).scalar() or 0
    bound = int(min(10_000, max(500, math.sqrt(limit * table) / 2)))
    hidden_after = keyset(q.sort, asc, after[0], after[1], hidden=True) if after else []
    by_filters = (select(sort_expr(q.sort, hidden=True).label("k"), Hazard.id).where(*where, *hidden_after)
                  .order_by(*order_by(q.sort, asc, hidden=True)).limit(limit + 1))
    if len(where) == 1:
        probe = select(literal_column("1")).select_from(Hazard).where(*where, *hidden_after).limit(bound)
        if conn.execute(select(func.count()).select_from(probe.subquery())).scalar() < bound:
            return [(r.k, r.id) for r in conn.execute(by_filters)]
    steps = int(min(100_000, 2 * limit * max(table, 1) / bound))
    found = sqlite_walk_keys(uow, q, after, limit, plain=True, steps=steps)
    if len(found) > limit:
        return found
    if len(where) == 1:
        return sqlite_walk_keys(uow, q, after, limit, plain=True)
    return [(r.k, r.id) for r in conn.execute(by_filters)]
