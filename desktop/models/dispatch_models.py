"""Item models of the incident side: the incident list, the recommendation's candidates (with a
tick per unit: the team), an incident's dispatched units and its timeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop import formats as fmt
from desktop import labels
from desktop.domain.recommend import Candidate, Reason, Recommendation
from desktop.domain.squad import SquadUnitKind
from desktop.models.keyed_table import KeyedTableModel
from desktop.models.simple_table import KEY_ROLE, RIGHT, Column, SimpleTableModel
from desktop.services.incident_queries import DispatchRow, IncidentRow, TimelineEntry
from desktop.widgets.badges import BADGE_ROLE

Index = QModelIndex | QPersistentModelIndex
MET, MISSED, PENDING = QColor("#2e7d32"), QColor("#c62828"), QColor("#78909c")


def response_colour(value: float | None, target: float) -> QColor:
    if value is None:
        return PENDING
    return MET if value <= target else MISSED


def _response(r: IncidentRow) -> str:
    t = r.response
    if t.call_to_dispatch_s is None:
        return ""
    text = fmt.duration(t.call_to_dispatch_s)
    if t.dispatch_to_arrival_s is not None:
        text += " / " + fmt.duration(t.dispatch_to_arrival_s)
    return text


def _response_colour(r: IncidentRow) -> QColor:
    t = r.response
    if t.dispatch_met is False or t.arrival_met is False:
        return MISSED
    return MET if t.dispatch_met else PENDING


class IncidentTableModel(KeyedTableModel[IncidentRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        cols = [
            Column(
                QCoreApplication.translate("DispatchModels", "Number"),
                lambda r: r.code,
                bold=lambda r: r.status == "reported",
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Call"),
                lambda r: fmt.clock(r.reported_at),
                tooltip=lambda r: fmt.stamp(r.reported_at),
                sort_key=lambda r: r.reported_at,
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Type"), lambda r: labels.incident_type(r.type)
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Severity"),
                lambda r: labels.incident_severity(r.severity),
                roles={BADGE_ROLE: lambda r: labels.INCIDENT_SEVERITY_COLOURS.get(str(r.severity))},
                sort_key=lambda r: ["low", "medium", "high", "critical"].index(str(r.severity)),
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Status"),
                lambda r: labels.incident_status(r.status),
                roles={BADGE_ROLE: lambda r: labels.INCIDENT_STATUS_COLOURS.get(str(r.status))},
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Address"),
                lambda r: r.address,
                tooltip=lambda r: " › ".join(x for x in (r.street, r.community, r.sub_community) if x),
            ),
            Column(QCoreApplication.translate("DispatchModels", "Street"), lambda r: r.street),
            Column(
                QCoreApplication.translate("DispatchModels", "Units"),
                lambda r: str(r.units_active) if r.units_active else "",
                align=RIGHT,
                sort_key=lambda r: r.units_active,
            ),
            Column(
                QCoreApplication.translate("DispatchModels", "Response"),
                _response,
                foreground=_response_colour,
                tooltip=lambda r: QCoreApplication.translate(
                    "DispatchModels", "Call → dispatch / dispatch → first arrival"
                ),
            ),
        ]
        super().__init__(cols, key=lambda r: r.id, parent=parent)


# -- the recommendation ------------------------------------------------------------------------


def reason_text(reason: Reason, squads: Mapping[int, str]) -> str:
    d = reason.detail
    if reason.code == "grid":
        return labels.grid_match(int(d["match"]))
    if reason.code == "distance":
        return QCoreApplication.translate("DispatchModels", "{km} straight line").format(
            km=fmt.km(float(d["metres"]))
        )
    if reason.code == "eta":
        return QCoreApplication.translate("DispatchModels", "about {min} {mode}").format(
            min=fmt.minutes(float(d["seconds"])), mode=labels.travel_mode(d["mode"])
        )
    if reason.code == "equipment":
        items = "、".join(f"{labels.equipment_kind(k)}×{n}" for k, n in dict(d["items"]).items())
        source = (
            QCoreApplication.translate("DispatchModels", "carries")
            if d["source"] == "carries"
            else QCoreApplication.translate("DispatchModels", "sub-squad stock")
        )
        return (
            f"{source}: {items}"
            if items
            else QCoreApplication.translate("DispatchModels", "{source}: nothing ready").format(source=source)
        )
    if reason.code == "off_duty":
        return QCoreApplication.translate("DispatchModels", "off duty: dispatching needs an override")
    if reason.code == "min_free":
        return QCoreApplication.translate(
            "DispatchModels", "would leave {squad} with {free} free (minimum {minimum}): needs an override"
        ).format(squad=squads.get(int(d["sub_squad_id"]), "?"), free=d["free"], minimum=d["minimum"])
    if reason.code == "added_for":
        return QCoreApplication.translate("DispatchModels", "added for {kinds}").format(
            kinds="、".join(labels.equipment_kind(k) for k in d["kinds"])
        )
    if reason.code == "no_position":
        return QCoreApplication.translate("DispatchModels", "position unknown")
    return reason.text


class CandidateTableModel(QAbstractTableModel):
    """Ranked candidates in the service's order; column 0 ticks a unit into the team."""

    team_changed = Signal()
    CHECK, RANK, UNIT, CALL, SQUAD, STATUS, GRID, DISTANCE, ETA, NOTE, EQUIPMENT = range(11)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rec: Recommendation | None = None
        self.squads: Mapping[int, str] = {}
        self.call_signs: Mapping[int, str] = {}
        self._rows: list[Candidate] = []
        self.team: list[str] = []  # ticked unit keys, in rank order
        self._titles = [
            QCoreApplication.translate("DispatchModels", "Send"),
            "#",
            QCoreApplication.translate("DispatchModels", "Unit"),
            QCoreApplication.translate("DispatchModels", "Call sign"),
            QCoreApplication.translate("DispatchModels", "Sub-squad"),
            QCoreApplication.translate("DispatchModels", "Status"),
            QCoreApplication.translate("DispatchModels", "Grid"),
            QCoreApplication.translate("DispatchModels", "Distance"),
            QCoreApplication.translate("DispatchModels", "ETA"),
            QCoreApplication.translate("DispatchModels", "Notes"),
            QCoreApplication.translate("DispatchModels", "Equipment"),
        ]

    def set_recommendation(
        self,
        rec: Recommendation,
        squads: Mapping[int, str],
        call_signs: Mapping[int, str],
        team: Iterable[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.rec, self.squads, self.call_signs = rec, squads, call_signs
        self._rows = list(rec.candidates)
        keys = {c.unit.key for c in self._rows}
        wanted = set(rec.team if team is None else team) & keys
        self.team = [c.unit.key for c in self._rows if c.unit.key in wanted]
        self.endResetModel()
        self.team_changed.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self.rec, self._rows, self.team = None, [], []
        self.endResetModel()
        self.team_changed.emit()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def candidates(self) -> list[Candidate]:
        return list(self._rows)

    def set_ticked(self, key: str, ticked: bool) -> None:
        for i, c in enumerate(self._rows):
            if c.unit.key == key:
                self.setData(
                    self.index(i, self.CHECK),
                    Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )
                return

    def team_candidates(self) -> list[Candidate]:
        chosen = set(self.team)
        return [c for c in self._rows if c.unit.key in chosen]

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.CHECK else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.CHECK:
            return Qt.CheckState.Checked if c.unit.key in self.team else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(c, col)
        if role == BADGE_ROLE and col == self.STATUS:
            return labels.MEMBER_STATUS_COLOURS.get(str(c.unit.status))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NOTE and c.needs_override:
            return MISSED
        if role == Qt.ItemDataRole.FontRole and c.unit.key in self.team and col in (self.UNIT, self.RANK):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(reason_text(r, self.squads) for r in c.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RANK, self.DISTANCE, self.ETA):
            return RIGHT
        if role == KEY_ROLE:
            return c.unit.key
        return None

    def _text(self, c: Candidate, col: int) -> str:
        u = c.unit
        vehicle = u.kind is SquadUnitKind.VEHICLE
        if col == self.RANK:
            return str(c.rank)
        if col == self.UNIT:
            return u.name
        if col == self.CALL:
            return (
                QCoreApplication.translate("DispatchModels", "fire engine")
                if vehicle
                else self.call_signs.get(u.id, "")
            )
        if col == self.SQUAD:
            return self.squads.get(u.sub_squad_id, "") if u.sub_squad_id is not None else ""
        if col == self.STATUS:
            return labels.member_status(u.status)
        if col == self.GRID:
            return labels.grid_match(int(c.grid_match))
        if col == self.DISTANCE:
            return (
                fmt.km(c.distance_m)
                if c.distance_m is not None
                else QCoreApplication.translate("DispatchModels", "unknown")
            )
        if col == self.ETA:
            return fmt.minutes(c.eta_s)
        if col == self.EQUIPMENT:
            return "、".join(f"{labels.equipment_kind(k)}×{n}" for k, n in c.brings.items())
        if col == self.NOTE:
            return "; ".join(
                reason_text(r, self.squads)
                for r in c.reasons
                if r.code in ("off_duty", "min_free", "added_for", "no_position")
            )
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.CHECK or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._rows[index.row()].unit.key
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        chosen = set(self.team)
        if ticked == (key in chosen):
            return True
        chosen = chosen | {key} if ticked else chosen - {key}
        self.team = [c.unit.key for c in self._rows if c.unit.key in chosen]
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.team_changed.emit()
        return True


# -- an incident's dispatches and timeline ---------------------------------------------------


def dispatch_model(parent: QObject) -> SimpleTableModel[DispatchRow]:
    cols = [
        Column(
            QCoreApplication.translate("DispatchModels", "Unit"), lambda d: d.name, bold=lambda d: d.active
        ),
        Column(QCoreApplication.translate("DispatchModels", "Call sign"), lambda d: d.call_sign),
        Column(QCoreApplication.translate("DispatchModels", "Sub-squad"), lambda d: d.sub_squad),
        Column(
            QCoreApplication.translate("DispatchModels", "Now"),
            lambda d: labels.member_status(d.unit_status),
            roles={
                BADGE_ROLE: lambda d: labels.MEMBER_STATUS_COLOURS.get(d.unit_status) if d.active else None
            },
        ),
        Column(
            QCoreApplication.translate("DispatchModels", "Dispatched"),
            lambda d: fmt.clock(d.dispatched_at),
            tooltip=lambda d: d.dispatched_by,
        ),
        Column(
            QCoreApplication.translate("DispatchModels", "ETA then"),
            lambda d: fmt.minutes(d.eta_s),
            align=RIGHT,
        ),
        Column(QCoreApplication.translate("DispatchModels", "Arrived"), lambda d: fmt.clock(d.arrived_at)),
        Column(QCoreApplication.translate("DispatchModels", "Released"), lambda d: fmt.clock(d.released_at)),
        Column(
            QCoreApplication.translate("DispatchModels", "Override"),
            lambda d: (
                ("⚑ " + (d.override_reason or QCoreApplication.translate("DispatchModels", "yes")))
                if (d.override_off_duty or d.override_min_free)
                else ""
            ),
            foreground=lambda d: MISSED,
        ),
    ]
    return SimpleTableModel(cols, key=lambda d: d.id, parent=parent)


def timeline_model(
    parent: QObject, describe: Callable[[TimelineEntry], str]
) -> SimpleTableModel[TimelineEntry]:
    cols = [
        Column(
            QCoreApplication.translate("DispatchModels", "Time"),
            lambda e: fmt.clock(e.at, seconds=True),
            tooltip=lambda e: fmt.stamp(e.at),
        ),
        Column(QCoreApplication.translate("DispatchModels", "By"), lambda e: e.actor),
        Column(
            QCoreApplication.translate("DispatchModels", "What"),
            describe,
            tooltip=lambda e: e.text,
            bold=lambda e: e.kind in ("reported", "status"),
            foreground=lambda e: QColor("#1565c0") if e.kind == "note" and not e.data else None,
        ),
    ]
    return SimpleTableModel(cols, key=lambda e: e.id, parent=parent)
