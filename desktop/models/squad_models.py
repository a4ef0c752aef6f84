"""Item models of the squad board: members and vehicles (live by row), and the board's state.

The board holds all 36 members (one `board_snapshot` read at start); the filter bar filters them
here, instantly, with the service's BoardFilter rules; the change feed re-reads only the touched
members and vehicles (`member_rows(ids)`, `vehicle_rows(ids)`) and the sub-squad counts are
recounted from the held rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from desktop import formats as fmt
from desktop import labels
from desktop.domain.squad import ENGAGED, MemberStatus
from desktop.models.keyed_table import KeyedTableModel
from desktop.models.simple_table import KEY_ROLE, Column
from desktop.services.squad import BoardFilter, BoardSnapshot, MemberRow, SubSquadSummary, VehicleRow
from desktop.widgets.badges import BADGE_ROLE

STALE_COLOUR = QColor("#c62828")
WARN_COLOUR = QColor("#ef6c00")
MUTED = QColor("#78909c")
ID_ROLE = KEY_ROLE  # the row's id


def member_matches(row: MemberRow, flt: BoardFilter) -> bool:
    """The service's BoardFilter rules (squad.board_snapshot), applied to a held row."""
    if flt.sub_squad_id is not None and row.sub_squad_id != flt.sub_squad_id:
        return False
    if flt.statuses is not None and row.status not in flt.statuses:
        return False
    if flt.only_stale and not row.stale:
        return False
    t = flt.text.strip()
    return not t or t in row.name or t in row.call_sign or t in row.phone


def recount(
    base: Iterable[SubSquadSummary], members: Iterable[MemberRow], min_free: int
) -> list[SubSquadSummary]:
    """The sub-squad cards' counts from the held member rows (equipment and vehicles as read)."""
    members = list(members)
    out = []
    for sq in base:
        mine = [m for m in members if m.sub_squad_id == sq.id]
        by = Counter(m.status for m in mine)
        available = by[MemberStatus.AVAILABLE]
        out.append(
            replace(
                sq,
                total=len(mine),
                available=available,
                engaged=sum(by[s] for s in ENGAGED),
                off_duty=by[MemberStatus.OFF_DUTY],
                training=by[MemberStatus.TRAINING],
                leave=by[MemberStatus.LEAVE],
                stale=sum(1 for m in mine if m.stale),
                below_min_free=available < min_free,
            )
        )
    return out


def _place(p) -> str:
    return " · ".join(x for x in (p.street, p.community) if x)


def _place_tip(p) -> str:
    if p.lon is None:
        return QCoreApplication.translate("SquadBoard", "Position unknown")
    source = {
        "tracker": QCoreApplication.translate("SquadBoard", "tracker"),
        "simulated": QCoreApplication.translate("SquadBoard", "simulated tracker"),
        "home": QCoreApplication.translate("SquadBoard", "home position"),
        "manual": QCoreApplication.translate("SquadBoard", "entered by hand"),
    }.get(p.source or "", p.source or "")
    where = " › ".join(x for x in (p.street, p.community, p.sub_community) if x)
    return QCoreApplication.translate("SquadBoard", "{where}\n{lon:.5f}, {lat:.5f} ({source}, {at})").format(
        where=where, lon=p.lon, lat=p.lat, source=source, at=fmt.stamp(p.at)
    )


def _since(r: MemberRow | VehicleRow) -> str:
    if r.status_since is None:
        return ""
    text = f"{fmt.clock(r.status_since)}  ({fmt.since(r.status_since)})"
    return "◷ " + text if r.stale else text


def _stale_tip(r: MemberRow | VehicleRow, minutes: float) -> str | None:
    if not r.stale:
        return fmt.stamp(r.status_since) or None
    return QCoreApplication.translate(
        "SquadBoard", "No status change for {m:.0f} minutes or more: call them on the radio and check in."
    ).format(m=minutes)


def _certs(r: MemberRow) -> str:
    parts = []
    if r.certs_expired:
        parts.append(QCoreApplication.translate("SquadBoard", "{n} expired").format(n=r.certs_expired))
    if r.certs_expiring:
        parts.append(QCoreApplication.translate("SquadBoard", "{n} expiring").format(n=r.certs_expiring))
    return ("⚠ " + ", ".join(parts)) if parts else "✓"


class MemberTableModel(KeyedTableModel[MemberRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        self.stale_minutes = 20.0
        cols = [
            Column(
                QCoreApplication.translate("SquadBoard", "Call sign"),
                lambda r: r.call_sign,
                bold=lambda r: r.role != "member",
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Name"),
                lambda r: r.name,
                bold=lambda r: r.role != "member",
                tooltip=lambda r: f"{labels.squad_role(r.role)} · {r.phone}",
            ),
            Column(QCoreApplication.translate("SquadBoard", "Sub-squad"), lambda r: r.sub_squad),
            Column(QCoreApplication.translate("SquadBoard", "Role"), lambda r: labels.squad_role(r.role)),
            Column(
                QCoreApplication.translate("SquadBoard", "Status"),
                lambda r: labels.member_status(r.status),
                roles={BADGE_ROLE: lambda r: labels.MEMBER_STATUS_COLOURS.get(str(r.status))},
                sort_key=lambda r: list(MemberStatus).index(r.status),
                tooltip=lambda r: r.status_note or None,
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Since"),
                _since,
                foreground=lambda r: STALE_COLOUR if r.stale else None,
                bold=lambda r: r.stale,
                tooltip=lambda r: _stale_tip(r, self.stale_minutes),
                sort_key=lambda r: r.status_since or datetime.min.replace(tzinfo=UTC),
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Where"),
                lambda r: _place(r.place),
                tooltip=lambda r: _place_tip(r.place),
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Incident"),
                lambda r: r.incident_code or "",
                foreground=lambda r: STALE_COLOUR,
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Shift"),
                lambda r: (
                    labels.shift_kind(r.shift)
                    if r.shift
                    else (
                        QCoreApplication.translate("SquadBoard", "Off shift") if r.on_shift is False else ""
                    )
                ),
                foreground=lambda r: MUTED if r.on_shift is False else None,
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Certificates"),
                _certs,
                foreground=lambda r: (
                    STALE_COLOUR if r.certs_expired else WARN_COLOUR if r.certs_expiring else MUTED
                ),
            ),
            Column(QCoreApplication.translate("SquadBoard", "Phone"), lambda r: r.phone),
        ]
        super().__init__(cols, key=lambda r: r.id, parent=parent)


class VehicleTableModel(KeyedTableModel[VehicleRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        self.stale_minutes = 20.0
        cols = [
            Column(
                QCoreApplication.translate("SquadBoard", "Vehicle"), lambda r: r.name, bold=lambda r: True
            ),
            Column(QCoreApplication.translate("SquadBoard", "Plate"), lambda r: r.plate),
            Column(QCoreApplication.translate("SquadBoard", "Sub-squad"), lambda r: r.sub_squad),
            Column(
                QCoreApplication.translate("SquadBoard", "Status"),
                lambda r: labels.vehicle_status(r.status),
                roles={BADGE_ROLE: lambda r: labels.MEMBER_STATUS_COLOURS.get(str(r.status))},
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Since"),
                _since,
                foreground=lambda r: STALE_COLOUR if r.stale else None,
                tooltip=lambda r: _stale_tip(r, self.stale_minutes),
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Where"),
                lambda r: _place(r.place),
                tooltip=lambda r: _place_tip(r.place),
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Crew"),
                lambda r: "、".join(
                    c.name
                    + (QCoreApplication.translate("SquadBoard", " (driver)") if c.role == "driver" else "")
                    for c in r.crew
                ),
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Incident"),
                lambda r: r.incident_code or "",
                foreground=lambda r: STALE_COLOUR,
            ),
            Column(
                QCoreApplication.translate("SquadBoard", "Equipment aboard"),
                lambda r: "  ".join(
                    f"{labels.equipment_kind(k)} ×{n}" for k, n in sorted(r.equipment_ready.items())
                ),
            ),
        ]
        super().__init__(cols, key=lambda r: r.id, parent=parent)


class BoardState:
    """What the board holds: every member and vehicle, the sub-squad cards, the settings read."""

    def __init__(self) -> None:
        self.members: dict[int, MemberRow] = {}
        self.vehicles: dict[int, VehicleRow] = {}
        self.sub_squads: list[SubSquadSummary] = []
        self.min_free = 2
        self.stale_minutes = 20.0
        self.at: datetime | None = None

    def load(self, snap: BoardSnapshot) -> None:
        self.members = {m.id: m for m in snap.members}
        self.vehicles = {v.id: v for v in snap.vehicles}
        self.sub_squads = list(snap.sub_squads)
        self.min_free, self.stale_minutes, self.at = snap.min_free, snap.stale_minutes, snap.at

    def apply(
        self, members: Iterable[MemberRow], vehicles: Iterable[VehicleRow], gone: Iterable[int] = ()
    ) -> None:
        for m in members:
            self.members[m.id] = m
        for v in vehicles:
            self.vehicles[v.id] = v
        for mid in gone:
            self.members.pop(mid, None)
        self.sub_squads = recount(self.sub_squads, self.members.values(), self.min_free)

    def shown(self, flt: BoardFilter) -> list[MemberRow]:
        """The members the filter lets through, in the service's order (sub-squad, call sign)."""
        order = {sq.id: sq.number for sq in self.sub_squads}
        rows = [m for m in self.members.values() if member_matches(m, flt)]
        return sorted(rows, key=lambda m: (order.get(m.sub_squad_id, 99), m.call_sign))
