"""What each cell of the hazard table shows: the columns, the SQL sort behind each, the texts,
the badge colours (status, severity, overdue days, escalation) and the tooltips."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop import labels
from desktop.domain.hazard_terms import HazardStatus, local_time
from desktop.services.hazards import DUE_SOON_DAYS, HazardRow, HazardSort

GAP_COLOUR = QColor("#c62828")
MUTED = QColor("#8a8f98")
DUE_SOON_COLOUR = QColor("#fbc02d")


class Column(IntEnum):
    """In the order a duty officer reads a row: which ticket, how urgent, where, what, who."""

    CODE = 0
    STATUS = 1
    SEVERITY = 2
    OVERDUE = 3
    ESCALATION = 4
    PLACE = 5
    DESCRIPTION = 6
    CATEGORY = 7
    FOUND = 8
    DEADLINE = 9
    RESPONSIBLE = 10
    DEPARTMENT = 11
    TIER = 12
    STREET = 13
    COMMUNITY = 14
    GRID = 15


# The SQL sort behind each column; None: not sortable (free text without an index).
SORT_OF: dict[Column, HazardSort | None] = {
    Column.CODE: HazardSort.ID, Column.FOUND: HazardSort.CREATED, Column.STATUS: HazardSort.STATUS,
    Column.SEVERITY: HazardSort.SEVERITY, Column.CATEGORY: HazardSort.CATEGORY, Column.PLACE: HazardSort.PLACE,
    Column.DESCRIPTION: None, Column.STREET: HazardSort.STREET, Column.COMMUNITY: HazardSort.COMMUNITY,
    Column.GRID: HazardSort.GRID, Column.DEPARTMENT: HazardSort.DEPARTMENT, Column.TIER: HazardSort.TIER,
    Column.RESPONSIBLE: None, Column.DEADLINE: HazardSort.DEADLINE, Column.OVERDUE: HazardSort.OVERDUE,
    Column.ESCALATION: HazardSort.ESCALATION,
}
COLUMN_OF = {s: c for c, s in SORT_OF.items() if s is not None}
# A first click on these shows the "most" first (newest, most overdue, highest level, major).
FIRST_DESCENDING = frozenset({HazardSort.ID, HazardSort.CREATED, HazardSort.OVERDUE, HazardSort.ESCALATION,
                              HazardSort.SEVERITY})


def headers() -> dict[Column, str]:
    return {
        Column.CODE: QCoreApplication.translate("HazardTableModel", "Ticket no."),
        Column.FOUND: QCoreApplication.translate("HazardTableModel", "Found"),
        Column.STATUS: QCoreApplication.translate("HazardTableModel", "Status"),
        Column.SEVERITY: QCoreApplication.translate("HazardTableModel", "Severity"),
        Column.CATEGORY: QCoreApplication.translate("HazardTableModel", "Category"),
        Column.PLACE: QCoreApplication.translate("HazardTableModel", "Enterprise / place"),
        Column.DESCRIPTION: QCoreApplication.translate("HazardTableModel", "Description"),
        Column.STREET: QCoreApplication.translate("HazardTableModel", "Street"),
        Column.COMMUNITY: QCoreApplication.translate("HazardTableModel", "Community"),
        Column.GRID: QCoreApplication.translate("HazardTableModel", "Grid"),
        Column.DEPARTMENT: QCoreApplication.translate("HazardTableModel", "Department"),
        Column.TIER: QCoreApplication.translate("HazardTableModel", "Level"),
        Column.RESPONSIBLE: QCoreApplication.translate("HazardTableModel", "Responsible"),
        Column.DEADLINE: QCoreApplication.translate("HazardTableModel", "Deadline"),
        Column.OVERDUE: QCoreApplication.translate("HazardTableModel", "Overdue"),
        Column.ESCALATION: QCoreApplication.translate("HazardTableModel", "Escalation"),
    }


def not_sortable() -> str:
    return QCoreApplication.translate("HazardTableModel", "This column cannot be sorted")


def text(row: HazardRow, col: Column, today: date) -> str:
    match col:
        case Column.CODE:
            return row.code
        case Column.FOUND:
            return local_time(row.created_at).strftime("%Y-%m-%d %H:%M")
        case Column.STATUS:
            return labels.hazard_status(row.status)
        case Column.SEVERITY:
            return labels.severity(row.severity)
        case Column.CATEGORY:
            return labels.hazard_category(row.category)
        case Column.PLACE:
            return row.place
        case Column.DESCRIPTION:
            return row.description.replace("\n", " ")
        case Column.STREET:
            return row.street
        case Column.COMMUNITY:
            return row.community
        case Column.GRID:
            return row.grid
        case Column.DEPARTMENT:
            if row.unrouted:
                return QCoreApplication.translate("HazardTableModel", "Unrouted (gap)")
            if row.department:
                return row.department
            return "—" if row.status is HazardStatus.FOUND else QCoreApplication.translate(
                "HazardTableModel", "Street (public area)")
        case Column.TIER:
            return labels.tier(row.tier)
        case Column.RESPONSIBLE:
            return row.responsible
        case Column.DEADLINE:
            return row.deadline.isoformat() if row.deadline else ""
        case Column.OVERDUE:
            return overdue_text(row, today)
        case Column.ESCALATION:
            return labels.escalation_level(row.escalation_level) if row.escalation_level else ""
    return ""


def days_left(row: HazardRow, today: date) -> int | None:
    """Days to the deadline of a ticket under rectification that is not overdue yet."""
    if row.status is not HazardStatus.RECTIFYING or row.deadline is None or row.overdue_days:
        return None
    return (row.deadline - today).days


def overdue_text(row: HazardRow, today: date) -> str:
    days = row.overdue_days  # a plain name: lupdate misses translate() whose count is an attribute
    if days > 0:
        return QCoreApplication.translate("HazardTableModel", "%n day(s) overdue", "", days)
    left = days_left(row, today)
    if left is not None and left <= DUE_SOON_DAYS:
        if left <= 0:
            return QCoreApplication.translate("HazardTableModel", "Due today")
        return QCoreApplication.translate("HazardTableModel", "Due in %n day(s)", "", left)
    return ""


def badge(row: HazardRow, col: Column, today: date) -> QColor | None:
    if col == Column.STATUS:
        return labels.HAZARD_STATUS_COLOURS[row.status.value]
    if col == Column.SEVERITY:
        return labels.SEVERITY_COLOURS[row.severity.value]
    if col == Column.OVERDUE:
        if row.overdue_days > 0:
            return overdue_colour(row.overdue_days)
        return DUE_SOON_COLOUR if overdue_text(row, today) else None
    if col == Column.ESCALATION and row.escalation_level:
        return escalation_colour(row.escalation_level)
    return None


def tooltip(row: HazardRow, col: Column, today: date) -> str | None:
    if col == Column.DEPARTMENT and row.unrouted:
        return QCoreApplication.translate(
            "HazardTableModel", "Unrouted: no boundary rule names a lead department (supervision gap)")
    if col in (Column.PLACE, Column.DESCRIPTION, Column.GRID, Column.DEPARTMENT, Column.RESPONSIBLE):
        return text(row, col, today) or None
    return None


def overdue_colour(days: int) -> QColor:
    """Deeper red the longer a ticket is overdue (one week, two weeks)."""
    if days >= 15:
        return QColor("#8e0000")
    if days >= 7:
        return QColor("#c62828")
    return QColor("#ef6c00")


def escalation_colour(level: int) -> QColor:
    return labels.ESCALATION_COLOURS[max(0, min(level, len(labels.ESCALATION_COLOURS) - 1))]
