"""Tables of the squad and dispatch feature (Alembic revision 0003_dispatch).

The roster itself (`squad_members`, `sub_squads`) is the foundation's; this module adds each
member's live state, certifications, shifts, the vehicles and equipment register, incidents with
their timeline and dispatches, tracker devices and position reports, and training records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.data.tables import Base, BigId, UTCDateTime, Versioned

ONE_UNIT = "(member_id IS NULL) <> (vehicle_id IS NULL)"  # exactly one of the two is set


class MemberState(Versioned, Base):
    """A squad member's live status (with the time it last changed) and dispatch profile."""

    __tablename__ = "member_states"
    member_id: Mapped[int] = mapped_column(ForeignKey("squad_members.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    status_since: Mapped[datetime] = mapped_column(UTCDateTime())
    status_note: Mapped[str] = mapped_column(String(200), default="")
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    travel_mode: Mapped[str] = mapped_column(String(16), default="ebike")
    home_lon: Mapped[float | None] = mapped_column(Float)
    home_lat: Mapped[float | None] = mapped_column(Float)


class Certification(Versioned, Base):
    __tablename__ = "certifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("squad_members.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    number: Mapped[str] = mapped_column(String(40), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)


class Shift(Base):
    """A duty period of a whole sub-squad (member_id NULL) or of one member."""

    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sub_squad_id: Mapped[int | None] = mapped_column(ForeignKey("sub_squads.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("(sub_squad_id IS NULL) <> (member_id IS NULL)", name="one_holder"),)


class Vehicle(Versioned, Base):
    """A micro fire engine (微型消防车): its own status, position and crew."""

    __tablename__ = "vehicles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    plate: Mapped[str] = mapped_column(String(20), default="")
    sub_squad_id: Mapped[int] = mapped_column(ForeignKey("sub_squads.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    status_since: Mapped[datetime] = mapped_column(UTCDateTime())
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    home_lon: Mapped[float | None] = mapped_column(Float)
    home_lat: Mapped[float | None] = mapped_column(Float)


class VehicleCrew(Base):
    __tablename__ = "vehicle_crew"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("squad_members.id"), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="crew")  # driver | crew


class Equipment(Versioned, Base):
    """Equipment register: a count of one kind in one state, held by a sub-squad or a vehicle."""

    __tablename__ = "equipment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    sub_squad_id: Mapped[int | None] = mapped_column(ForeignKey("sub_squads.id"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    count: Mapped[int] = mapped_column(Integer)
    next_check: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        CheckConstraint("(sub_squad_id IS NULL) <> (vehicle_id IS NULL)", name="one_holder"),
        CheckConstraint("count >= 0", name="count_positive"),
    )


class Incident(Versioned, Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(24), index=True)
    severity: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(16), index=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    street_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)
    sub_community_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)
    enterprise_grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    caller: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # the call
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())     # first dispatch
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())        # first arrival
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handed_over_to: Mapped[str] = mapped_column(String(200), default="")
    close_reason: Mapped[str] = mapped_column(String(500), default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    created_by: Mapped[str] = mapped_column(String(64))


class IncidentEvent(Base):
    """The timeline: every status change, dispatch and note (author, time, text)."""

    __tablename__ = "incident_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)           # English sentence, or the author's note
    data: Mapped[str] = mapped_column(Text, default="")  # JSON values for a localised rendering
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    __table_args__ = (Index("ix_incident_events_incident", "incident_id", "at"),)


class Dispatch(Base):
    """One member or vehicle sent to one incident; active until released (back available)."""

    __tablename__ = "dispatches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    dispatched_at: Mapped[datetime] = mapped_column(UTCDateTime())
    dispatched_by: Mapped[str] = mapped_column(String(64))
    override_off_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    override_min_free: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(String(300), default="")
    distance_m: Mapped[float | None] = mapped_column(Float)
    eta_s: Mapped[float | None] = mapped_column(Float)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint(ONE_UNIT, name="one_unit"),
        # The database itself refuses a second active dispatch of the same member or vehicle.
        Index("ux_dispatches_active_member", "member_id", unique=True,
              sqlite_where=text("released_at IS NULL AND member_id IS NOT NULL"),
              postgresql_where=text("released_at IS NULL AND member_id IS NOT NULL")),
        Index("ux_dispatches_active_vehicle", "vehicle_id", unique=True,
              sqlite_where=text("released_at IS NULL AND vehicle_id IS NOT NULL"),
              postgresql_where=text("released_at IS NULL AND vehicle_id IS NOT NULL")),
    )


class Tracker(Versioned, Base):
    """A tracker device id (Traccar Client / OsmAnd `id`) mapped to a member or a vehicle."""

    __tablename__ = "trackers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"), unique=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"), unique=True)
    label: Mapped[str] = mapped_column(String(80), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (CheckConstraint(ONE_UNIT, name="one_unit"),)


class PositionReport(Base):
    """Every accepted position report (history); the latest per unit is in current_positions."""

    __tablename__ = "position_reports"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())           # the fix time (device clock)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    speed_kmh: Mapped[float | None] = mapped_column(Float)
    bearing: Mapped[float | None] = mapped_column(Float)
    accuracy_m: Mapped[float | None] = mapped_column(Float)
    altitude_m: Mapped[float | None] = mapped_column(Float)
    battery_pct: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(12))  # tracker | simulated
    __table_args__ = (
        Index("ix_position_reports_member", "member_id", "at"),
        Index("ix_position_reports_vehicle", "vehicle_id", "at"),
    )


class CurrentPosition(Base):
    """Where a member or vehicle is now, with the grids at every level (last writer wins by
    fix time; not versioned, so a position never conflicts with a dispatcher's edit)."""

    __tablename__ = "current_positions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("squad_members.id"), unique=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"), unique=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    speed_kmh: Mapped[float | None] = mapped_column(Float)
    bearing: Mapped[float | None] = mapped_column(Float)
    battery_pct: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(12))  # home | tracker | simulated | manual
    street_id: Mapped[int | None] = mapped_column(Integer)
    community_id: Mapped[int | None] = mapped_column(Integer)
    sub_community_id: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (CheckConstraint(ONE_UNIT, name="one_unit"),)


class TrainingSession(Versioned, Base):
    __tablename__ = "training_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # training | drill
    subject: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    sub_squad_id: Mapped[int | None] = mapped_column(ForeignKey("sub_squads.id"), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[str] = mapped_column(String(64))


class TrainingRecord(Base):
    """One member's attendance and result at one session."""

    __tablename__ = "training_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("squad_members.id"), index=True)
    result: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (UniqueConstraint("session_id", "member_id", name="uq_training_records_session_member"),)


__all__ = [
    "Certification", "CurrentPosition", "Dispatch", "Equipment", "Incident", "IncidentEvent",
    "MemberState", "PositionReport", "Shift", "Tracker", "TrainingRecord", "TrainingSession",
    "Vehicle", "VehicleCrew",
]
