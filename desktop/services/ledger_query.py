"""The hazard ledger's filter in a user's words (street and department by name, found-date range,
a status) turned into the hazard table's own `HazardQuery`, with its description in Chinese.

The PDF ledger and the .xlsx workbook are both written from the query this returns, so they
always hold the same rows in the same order (oldest found first: 序号 1 is the earliest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from desktop.data.tables import Department, Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import OPEN_STATUSES, STATUS_ZH, HazardStatus, district_today
from desktop.services.common import Actor, Permission, require
from desktop.services.hazard_filters import HazardQuery, HazardSort

OPEN = "open"
OVERDUE = "overdue"
STATUS_WORDS = {OPEN: "在办（未销号）", OVERDUE: "逾期未整改"}
_ALIASES = {"在办": OPEN, "未销号": OPEN, "逾期": OVERDUE, "逾期未整改": OVERDUE}


@dataclass(frozen=True)
class LedgerSelection:
    query: HazardQuery
    description: str        # "街道：湖滨街道；状态：在办（未销号）", or "全部隐患"


def status_key(text: str) -> str:
    """`open`, `overdue` or a HazardStatus value, from the value or its Chinese name."""
    raw = text.strip()
    key = raw.lower()
    if key in (OPEN, OVERDUE) or key in HazardStatus._value2member_map_:
        return key
    if raw in _ALIASES:
        return _ALIASES[raw]
    for status, name in STATUS_ZH.items():
        if raw == name:
            return status.value
    choices = ", ".join([OPEN, OVERDUE, *HazardStatus])
    raise ValidationError("status", f"{text!r} is not a status (one of {choices})")


def _street(uow: UnitOfWork, text: str) -> tuple[int, str]:
    key = text.strip()
    row = uow.session.execute(select(Grid.id, Grid.name).where(
        Grid.level == GridLevel.STREET, or_(Grid.name == key, Grid.code == key.upper()))).first()
    if row is None:
        raise ValidationError("street", f"no street or park is called {text!r}")
    return row.id, row.name


def _department(uow: UnitOfWork, text: str) -> tuple[int, str]:
    key = text.strip()
    row = uow.session.execute(select(Department.id, Department.name).where(
        or_(Department.name == key, Department.code == key.upper()))).first()
    if row is None:
        raise ValidationError("department", f"no department is called {text!r}")
    return row.id, row.name


def ledger_selection(uow: UnitOfWork, actor: Actor, *, street: str | None = None, department: str | None = None,
                     date_from: date | None = None, date_to: date | None = None, status: str | None = None,
                     today: date | None = None) -> LedgerSelection:
    """The query for a ledger; an unknown name, an inverted range or an unknown status is refused
    naming its field."""
    require(actor, Permission.READ)
    today = today or district_today()
    parts: list[str] = []
    kw: dict = {"sort": HazardSort.CREATED, "descending": False, "today": today}
    if street and street.strip():
        kw["street_id"], name = _street(uow, street)
        parts.append(f"街道（园区）：{name}")
    if department and department.strip():
        kw["department_id"], name = _department(uow, department)
        parts.append(f"责任部门：{name}")
    if date_from and date_to and date_from > date_to:
        raise ValidationError("date_from", f"{date_from.isoformat()} is after {date_to.isoformat()}")
    if date_from or date_to:
        kw["created_from"], kw["created_to"] = date_from, date_to
        parts.append("发现日期：" + (date_from.isoformat() if date_from else "……") + " 至 "
                     + (date_to.isoformat() if date_to else "……"))
    if status and status.strip():
        key = status_key(status)
        if key == OPEN:
            kw["statuses"] = frozenset(OPEN_STATUSES)
        elif key == OVERDUE:
            kw["overdue"] = True
        else:
            kw["statuses"] = frozenset({HazardStatus(key)})
        parts.append("状态：" + (STATUS_WORDS.get(key) or STATUS_ZH[HazardStatus(key)]))
    return LedgerSelection(HazardQuery(**kw), "；".join(parts) or "全部隐患")
