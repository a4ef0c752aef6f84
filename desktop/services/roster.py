"""The roster around the board: a member's card (certifications with expiry, shifts, recent
dispatches, this quarter's assessment), certifications, and the equipment register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from desktop.data.tables import SquadMember, SubSquad
from desktop.data.tables_dispatch import Certification, Dispatch, Equipment, Incident, Shift, Vehicle
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.errors import ValidationError
from desktop.domain.incident import IncidentType, incident_code
from desktop.domain.squad import EquipmentKind, EquipmentState, ShiftKind, cert_state
from desktop.domain.training import quarter_of
from desktop.services.common import Actor, Permission, clean_name, clean_text, get_or_404, require
from desktop.services.dispatch_settings import get_dispatch_settings
from desktop.services.squad import MemberRow, member_rows
from desktop.services.training import MemberAssessment, quarterly_assessment
from desktop.services.unit_status import check_row_version

LOCAL = timedelta(hours=8)  # Beijing time: which quarter "now" is in


@dataclass(frozen=True)
class CertificationRow:
    id: int
    name: str
    number: str
    issued_on: date | None
    expires_on: date | None
    state: str          # valid | expiring | expired | permanent
    version: int


@dataclass(frozen=True)
class ShiftRow:
    kind: ShiftKind
    starts_at: datetime
    ends_at: datetime
    whole_sub_squad: bool


@dataclass(frozen=True)
class MemberDispatch:
    incident_id: int
    incident_code: str
    type: IncidentType
    dispatched_at: datetime
    arrived_at: datetime | None
    released_at: datetime | None


@dataclass(frozen=True)
class MemberDetail:
    row: MemberRow
    certifications: tuple[CertificationRow, ...]
    shifts: tuple[ShiftRow, ...]              # current and the next 7 days
    dispatches: tuple[MemberDispatch, ...]    # the 20 latest
    assessment: MemberAssessment | None       # this quarter so far


def member_detail(uow: UnitOfWork, member_id: int, *, now: datetime | None = None) -> MemberDetail:
    s = uow.session
    now = now or utcnow()
    m: SquadMember = get_or_404(s, SquadMember, member_id, "squad member")
    warn = get_dispatch_settings(uow).cert_warning_days
    today = (now + LOCAL).date()
    certs = tuple(CertificationRow(c.id, c.name, c.number, c.issued_on, c.expires_on,
                                   cert_state(c.expires_on, today, warn), c.version)
                  for c in s.scalars(select(Certification).where(Certification.member_id == m.id)
                                     .order_by(Certification.expires_on, Certification.id)))
    shifts = tuple(ShiftRow(ShiftKind(x.kind), x.starts_at, x.ends_at, x.member_id is None) for x in s.scalars(
        select(Shift).where(or_(Shift.member_id == m.id, Shift.sub_squad_id == m.sub_squad_id),
                            Shift.ends_at > now, Shift.starts_at < now + timedelta(days=7)).order_by(Shift.starts_at)))
    dispatches = tuple(MemberDispatch(i.id, incident_code(i.id), IncidentType(i.type), d.dispatched_at, d.arrived_at,
                                      d.released_at) for d, i in s.execute(
        select(Dispatch, Incident).join(Incident, Dispatch.incident_id == Incident.id)
        .where(Dispatch.member_id == m.id).order_by(Dispatch.dispatched_at.desc()).limit(20)))
    year, quarter = quarter_of(today)
    assessment = next((a for a in quarterly_assessment(uow, year, quarter, sub_squad_id=m.sub_squad_id)
                       if a.member_id == m.id), None)
    return MemberDetail(member_rows(uow, [m.id], now=now)[0], certs, shifts, dispatches, assessment)


def add_certification(uow: UnitOfWork, actor: Actor, member_id: int, name: str, *, number: str = "",
                      issued_on: date | None = None, expires_on: date | None = None) -> int:
    require(actor, Permission.MANAGE_SQUAD)
    get_or_404(uow.session, SquadMember, member_id, "squad member")
    if issued_on is not None and expires_on is not None and expires_on < issued_on:
        raise ValidationError("expires_on", "is before the issue date")
    c = Certification(member_id=member_id, name=clean_name("name", name, 80), number=clean_text("number", number, 40),
                      issued_on=issued_on, expires_on=expires_on)
    uow.session.add(c)
    uow.session.flush()
    uow.record(actor.username, "squad_member", member_id, "updated", f"certification {c.name} added")
    uow.commit()
    return c.id


def remove_certification(uow: UnitOfWork, actor: Actor, certification_id: int) -> None:
    require(actor, Permission.MANAGE_SQUAD)
    c = get_or_404(uow.session, Certification, certification_id, "certification")
    uow.session.delete(c)
    uow.session.flush()
    uow.record(actor.username, "squad_member", c.member_id, "updated", f"certification {c.name} removed")
    uow.commit()


# -- the equipment register ----------------------------------------------------------------------


@dataclass(frozen=True)
class EquipmentRow:
    id: int
    kind: EquipmentKind
    state: EquipmentState
    count: int
    sub_squad_id: int | None     # held by a sub-squad ...
    vehicle_id: int | None       # ... or by a vehicle
    holder: str                  # the sub-squad's or vehicle's name
    next_check: date | None
    check_due: bool              # next check today or earlier
    note: str
    version: int


@dataclass(frozen=True)
class EquipmentInput:
    kind: EquipmentKind | str
    state: EquipmentState | str
    count: int
    sub_squad_id: int | None = None
    vehicle_id: int | None = None
    next_check: date | None = None
    note: str = ""


def equipment_register(uow: UnitOfWork, *, now: datetime | None = None) -> list[EquipmentRow]:
    """Every register line, by holder (sub-squads first, then vehicles), kind and state."""
    s = uow.session
    today = ((now or utcnow()) + LOCAL).date()
    squads = dict(s.execute(select(SubSquad.id, SubSquad.name)).all())
    vehicles = dict(s.execute(select(Vehicle.id, Vehicle.name)).all())
    rows = [EquipmentRow(e.id, EquipmentKind(e.kind), EquipmentState(e.state), e.count, e.sub_squad_id, e.vehicle_id,
                         squads.get(e.sub_squad_id) or vehicles.get(e.vehicle_id, ""), e.next_check,
                         e.next_check is not None and e.next_check <= today, e.note, e.version)
            for e in s.scalars(select(Equipment))]
    kinds, states = list(EquipmentKind), list(EquipmentState)
    rows.sort(key=lambda r: (r.vehicle_id is not None, r.holder, kinds.index(r.kind), states.index(r.state)))
    return rows


def _clean_equipment(uow: UnitOfWork, data: EquipmentInput) -> dict:
    try:
        kind, state = EquipmentKind(data.kind), EquipmentState(data.state)
    except ValueError as exc:
        raise ValidationError("state" if "State" in str(exc) else "kind", str(exc)) from None
    if isinstance(data.count, bool) or not isinstance(data.count, int) or not 0 <= data.count <= 10_000:
        raise ValidationError("count", "must be a whole number, 0..10000")
    if (data.sub_squad_id is None) == (data.vehicle_id is None):
        raise ValidationError("holder", "a sub-squad or a vehicle holds it, not both")
    if data.sub_squad_id is not None and uow.session.get(SubSquad, data.sub_squad_id) is None:
        raise ValidationError("holder", f"unknown sub-squad {data.sub_squad_id!r}")
    if data.vehicle_id is not None and uow.session.get(Vehicle, data.vehicle_id) is None:
        raise ValidationError("holder", f"unknown vehicle {data.vehicle_id!r}")
    if data.next_check is not None and not isinstance(data.next_check, date):
        raise ValidationError("next_check", "must be a date")
    return dict(kind=kind, state=state, count=data.count, sub_squad_id=data.sub_squad_id, vehicle_id=data.vehicle_id,
                next_check=data.next_check, note=clean_text("note", data.note, 200))


def add_equipment(uow: UnitOfWork, actor: Actor, data: EquipmentInput) -> int:
    require(actor, Permission.MANAGE_SQUAD)
    e = Equipment(**_clean_equipment(uow, data))
    uow.session.add(e)
    uow.session.flush()
    uow.record(actor.username, "equipment", e.id, "created", f"{e.kind} ×{e.count} ({e.state})")
    uow.commit()
    return e.id


def update_equipment(uow: UnitOfWork, actor: Actor, equipment_id: int, data: EquipmentInput, *,
                     expected_version: int | None) -> EquipmentRow:
    """Change a register line (count, state, next check, holder); stale edits are conflicts."""
    require(actor, Permission.MANAGE_SQUAD)
    e = get_or_404(uow.session, Equipment, equipment_id, "equipment")
    check_row_version(e, expected_version, "equipment", equipment_id)
    for k, v in _clean_equipment(uow, data).items():
        setattr(e, k, v)
    uow.session.flush()
    uow.record(actor.username, "equipment", e.id, "updated", f"{e.kind} ×{e.count} ({e.state})")
    uow.commit()
    return next(r for r in equipment_register(uow) if r.id == e.id)
