"""Training sessions and drills per member and sub-squad, and the quarterly assessment from them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.data.tables import SquadMember, SubSquad
from desktop.data.tables_dispatch import TrainingRecord, TrainingSession
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ValidationError
from desktop.domain.training import (
    Assessment,
    Attendance,
    TrainingKind,
    TrainingResult,
    assess,
    quarter_bounds,
)
from desktop.services.common import Actor, Permission, clean_name, clean_text, get_or_404, require
from desktop.services.dispatch_settings import get_dispatch_settings

MAX_MINUTES = 24 * 60


@dataclass(frozen=True)
class SessionInput:
    kind: TrainingKind | str
    subject: str
    held_on: date
    minutes: int
    sub_squad_id: int | None = None   # None: squad-wide
    location: str = ""
    note: str = ""


@dataclass(frozen=True)
class SessionRow:
    id: int
    kind: TrainingKind
    subject: str
    held_on: date
    minutes: int
    sub_squad_id: int | None
    sub_squad: str                    # "" for squad-wide sessions
    location: str
    attended: int
    absent: int
    version: int


@dataclass(frozen=True)
class RecordRow:
    member_id: int
    name: str
    call_sign: str
    sub_squad: str
    result: TrainingResult
    note: str


@dataclass(frozen=True)
class SessionDetail:
    row: SessionRow
    note: str
    created_by: str
    records: tuple[RecordRow, ...]


@dataclass(frozen=True)
class MemberAssessment:
    member_id: int
    name: str
    call_sign: str
    sub_squad_id: int
    sub_squad: str
    year: int
    quarter: int
    required_hours: float
    assessment: Assessment


def _clean(data: SessionInput) -> dict:
    try:
        kind = TrainingKind(data.kind)
    except ValueError:
        raise ValidationError("kind", f"unknown kind {data.kind!r}; one of {', '.join(TrainingKind)}") from None
    if not isinstance(data.held_on, date):
        raise ValidationError("held_on", "must be a date")
    if isinstance(data.minutes, bool) or not isinstance(data.minutes, int) or not 1 <= data.minutes <= MAX_MINUTES:
        raise ValidationError("minutes", f"must be a whole number of minutes, 1..{MAX_MINUTES}")
    return dict(kind=kind, subject=clean_name("subject", data.subject), held_on=data.held_on, minutes=data.minutes,
                sub_squad_id=data.sub_squad_id, location=clean_text("location", data.location, 200),
                note=clean_text("note", data.note, 500))


def _results(uow: UnitOfWork, attendance: Mapping[int, str]) -> dict[int, TrainingResult]:
    out = {}
    known = set(uow.session.scalars(select(SquadMember.id).where(SquadMember.id.in_(list(attendance)))))
    for member_id, result in attendance.items():
        if member_id not in known:
            raise ValidationError("attendance", f"unknown squad member {member_id!r}")
        try:
            out[member_id] = TrainingResult(result)
        except ValueError:
            raise ValidationError("attendance", f"unknown result {result!r}; one of {', '.join(TrainingResult)}") from None
    return out


def record_session(uow: UnitOfWork, actor: Actor, data: SessionInput, attendance: Mapping[int, str]) -> int:
    """A session or drill with each member's result (absent included)."""
    require(actor, Permission.MANAGE_SQUAD)
    fields = _clean(data)
    if fields["sub_squad_id"] is not None and uow.session.get(SubSquad, fields["sub_squad_id"]) is None:
        raise ValidationError("sub_squad", f"unknown sub-squad {fields['sub_squad_id']!r}")
    results = _results(uow, attendance)
    session = TrainingSession(**fields, created_by=actor.username)
    uow.session.add(session)
    uow.session.flush()
    uow.session.add_all(TrainingRecord(session_id=session.id, member_id=m, result=r, note="") for m, r in results.items())
    uow.session.flush()
    uow.record(actor.username, "training_session", session.id, "created",
               f"{fields['kind']} {fields['subject']} on {fields['held_on']}, {len(results)} members")
    uow.commit()
    return session.id


def set_result(uow: UnitOfWork, actor: Actor, session_id: int, member_id: int, result: TrainingResult | str,
               note: str = "") -> None:
    """Record or correct one member's result at a session."""
    require(actor, Permission.MANAGE_SQUAD)
    s = uow.session
    get_or_404(s, TrainingSession, session_id, "training session")
    res = _results(uow, {member_id: result})[member_id]
    rec = s.scalars(select(TrainingRecord).where(TrainingRecord.session_id == session_id,
                                                 TrainingRecord.member_id == member_id)).first()
    if rec is None:
        rec = TrainingRecord(session_id=session_id, member_id=member_id, result=res, note="")
        s.add(rec)
    rec.result, rec.note = res, clean_text("note", note, 200)
    s.flush()
    uow.record(actor.username, "training_session", session_id, "updated", f"member {member_id}: {res}")
    uow.commit()


def list_sessions(uow: UnitOfWork, *, sub_squad_id: int | None = None, since: date | None = None,
                  until: date | None = None, limit: int = 500) -> list[SessionRow]:
    """Newest first. A sub-squad's list includes the squad-wide sessions."""
    s = uow.session
    q = select(TrainingSession, SubSquad.name).outerjoin(SubSquad, TrainingSession.sub_squad_id == SubSquad.id)
    if sub_squad_id is not None:
        q = q.where((TrainingSession.sub_squad_id == sub_squad_id) | TrainingSession.sub_squad_id.is_(None))
    if since is not None:
        q = q.where(TrainingSession.held_on >= since)
    if until is not None:
        q = q.where(TrainingSession.held_on < until)
    rows = s.execute(q.order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc()).limit(limit)).all()
    ids = [t.id for t, _ in rows]
    counts: dict[int, dict[bool, int]] = defaultdict(lambda: {True: 0, False: 0})
    if ids:
        for sid, result, n in s.execute(select(TrainingRecord.session_id, TrainingRecord.result, func.count())
                                        .where(TrainingRecord.session_id.in_(ids))
                                        .group_by(TrainingRecord.session_id, TrainingRecord.result)):
            counts[sid][result != TrainingResult.ABSENT] += n
    return [SessionRow(t.id, TrainingKind(t.kind), t.subject, t.held_on, t.minutes, t.sub_squad_id, name or "",
                       t.location, counts[t.id][True], counts[t.id][False], t.version) for t, name in rows]


def session_detail(uow: UnitOfWork, session_id: int) -> SessionDetail:
    s = uow.session
    t: TrainingSession = get_or_404(s, TrainingSession, session_id, "training session")
    row = next(r for r in list_sessions(uow, since=t.held_on, until=date.fromordinal(t.held_on.toordinal() + 1))
               if r.id == t.id)
    recs = s.execute(select(TrainingRecord, SquadMember, SubSquad.name)
                     .join(SquadMember, TrainingRecord.member_id == SquadMember.id)
                     .join(SubSquad, SquadMember.sub_squad_id == SubSquad.id)
                     .where(TrainingRecord.session_id == t.id).order_by(SquadMember.call_sign)).all()
    return SessionDetail(row, t.note, t.created_by, tuple(
        RecordRow(m.id, m.name, m.call_sign, sq, TrainingResult(r.result), r.note) for r, m, sq in recs))


def quarterly_assessment(uow: UnitOfWork, year: int, quarter: int, *,
                         sub_squad_id: int | None = None) -> list[MemberAssessment]:
    """Every member's assessment for the quarter (每季一考核), by sub-squad and call sign."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("quarter", "must be 1, 2, 3 or 4")
    start, end = quarter_bounds(year, quarter)
    required = get_dispatch_settings(uow).training_hours_per_quarter
    s = uow.session
    q = select(SquadMember, SubSquad).join(SubSquad, SquadMember.sub_squad_id == SubSquad.id)
    if sub_squad_id is not None:
        q = q.where(SquadMember.sub_squad_id == sub_squad_id)
    members = s.execute(q.order_by(SubSquad.number, SquadMember.call_sign)).all()
    per: dict[int, list[Attendance]] = defaultdict(list)
    for member_id, kind, held_on, minutes, result in s.execute(
            select(TrainingRecord.member_id, TrainingSession.kind, TrainingSession.held_on, TrainingSession.minutes,
                   TrainingRecord.result)
            .join(TrainingSession, TrainingRecord.session_id == TrainingSession.id)
            .where(TrainingSession.held_on >= start, TrainingSession.held_on < end)):
        per[member_id].append(Attendance(TrainingKind(kind), held_on, minutes, TrainingResult(result)))
    return [MemberAssessment(m.id, m.name, m.call_sign, sq.id, sq.name, year, quarter, required,
                             assess(per[m.id], required)) for m, sq in members]
