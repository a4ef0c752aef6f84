"""Hazard tickets (隐患闭环): the one module the hazard screen imports.

Actions (commit; return the fresh HazardRow): report, classify, dismiss, assign, bulk_assign,
report_done, reinspect, add_note, attach. Queries: page, count, rows_by_ids, detail, queues,
attachment_content. Settings: hazard_policy, set_hazard_policy. See each module for details.
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.data.tables import Setting
from desktop.data.uow import UnitOfWork
from desktop.domain.hazard_policy import SETTINGS_KEY, HazardPolicy
from desktop.services.common import Actor, Permission, check_version, require
from desktop.services.hazard_actions import (
    BulkResult,
    HazardReport,
    add_note,
    assign,
    attach,
    bulk_assign,
    classify,
    dismiss,
    reinspect,
    report,
    report_done,
)
from desktop.services.hazard_detail import (
    AttachmentContent,
    AttachmentInfo,
    EnterpriseBits,
    GridBits,
    HazardDetail,
    TimelineEntry,
    attachment_content,
    detail,
)
from desktop.services.hazard_files import MAX_BYTES, NewAttachment
from desktop.services.hazard_filters import HazardQuery, HazardSort
from desktop.services.hazard_query import (
    DUE_SOON_DAYS,
    HazardCursor,
    HazardPage,
    HazardRow,
    Queue,
    QueueCounts,
    count,
    cursor_of,
    hazard_code,
    page,
    queue_query,
    queues,
    rows_by_ids,
    sort_key,
    sort_reversed,
)
from desktop.services.hazard_store import HazardConflict, RouteOverride, default_deadline, policy


def hazard_policy(uow: UnitOfWork) -> tuple[HazardPolicy, int | None]:
    """The settings and their version (None while the defaults were never saved)."""
    row = uow.session.get(Setting, SETTINGS_KEY)
    return policy(uow), (row.version if row else None)


def set_hazard_policy(uow: UnitOfWork, actor: Actor, new: HazardPolicy, *, expected_version: int | None) -> int:
    """Save the deadline defaults and the escalation ladder (administrators). Returns the version."""
    require(actor, Permission.EDIT_RULES)
    row = uow.session.scalar(select(Setting).where(Setting.key == SETTINGS_KEY))
    if row is None:
        row = Setting(key=SETTINGS_KEY, value=new.to_json())
        uow.session.add(row)
    else:
        check_version(row, expected_version, "setting", "the hazard settings were changed meanwhile")
        row.value = new.to_json()
    uow.session.flush()
    uow.record(actor.username, "setting", SETTINGS_KEY, "updated",
               f"hazard settings: general {new.general_days} d, major {new.major_days} d, "
               f"reminder {new.escalation.reminder_days} d, overdue levels {list(new.escalation.overdue_days)}")
    uow.commit()
    return row.version


__all__ = [
    "DUE_SOON_DAYS", "MAX_BYTES", "AttachmentContent", "AttachmentInfo", "BulkResult", "EnterpriseBits",
    "GridBits", "HazardConflict", "HazardCursor", "HazardDetail", "HazardPage", "HazardPolicy", "HazardQuery",
    "HazardReport", "HazardRow", "HazardSort", "NewAttachment", "Queue", "QueueCounts", "RouteOverride",
    "TimelineEntry", "add_note", "assign", "attach", "attachment_content", "bulk_assign", "classify", "count",
    "cursor_of", "default_deadline", "detail", "dismiss", "hazard_code", "hazard_policy", "page", "queue_query",
    "queues", "reinspect", "report", "report_done", "rows_by_ids", "set_hazard_policy", "sort_key",
    "sort_reversed",
]
