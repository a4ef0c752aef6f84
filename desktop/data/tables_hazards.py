"""Hazard tickets (隐患), their event log, and their attachments. Migration 0002_hazards.

`hazards` carries denormalised filter columns (street, community, grid, department, tier, ...)
so the table screen filters and sorts a million tickets on indexes alone; every sortable column
has an index ending in `id` for keyset paging. Free text: an FTS5 trigram table on SQLite, a
pg_trgm GIN index on PostgreSQL (see `hazard_search`; both created by the migration only).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.data.tables import Base, BigId, UTCDateTime, Versioned

# Sentinels that put "no value" last in ascending order, written as literals: SQLite only uses an
# expression index when the query repeats the expression exactly (a bound parameter would not).
NO_DEADLINE = "'9999-12-31'"
DEADLINE_KEY = f"coalesce(deadline, {NO_DEADLINE})"
OVERDUE_KEY = f"(CASE WHEN overdue_able = 1 THEN deadline ELSE {NO_DEADLINE} END)"
DEPARTMENT_KEY = "coalesce(department_id, 0)"

HazardRef = BigInteger().with_variant(Integer(), "sqlite")


class Hazard(Versioned, Base):
    __tablename__ = "hazards"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    status: Mapped[str] = mapped_column(String(24))
    severity: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(200))           # enterprise name, or where in public
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    street_id: Mapped[int] = mapped_column(ForeignKey("grids.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("grids.id"))
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id"))  # smallest grid at the place
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))  # lead department
    tier: Mapped[str] = mapped_column(String(8))              # supervising level
    unrouted: Mapped[int] = mapped_column(SmallInteger, default=0)  # 1: in the unrouted queue (gap)
    route_note: Mapped[str] = mapped_column(String(500), default="")
    found_by: Mapped[str] = mapped_column(String(80))         # who found it (name)
    reported_by: Mapped[str] = mapped_column(String(64))      # user name of the reporter
    responsible: Mapped[str] = mapped_column(String(80), default="")  # 整改责任人
    deadline: Mapped[date | None] = mapped_column(Date)        # 整改期限 (district calendar day)
    overdue_able: Mapped[int] = mapped_column(SmallInteger, default=0)  # 1 while rectifying
    escalation_level: Mapped[int] = mapped_column(SmallInteger, default=0)
    return_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    rectifier: Mapped[str] = mapped_column(String(64), default="")
    reinspection: Mapped[str] = mapped_column(String(8), default="")
    has_plan: Mapped[int] = mapped_column(SmallInteger, default=0)
    round_evidence: Mapped[int] = mapped_column(SmallInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())  # found (发现时间)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_hazards_created", "created_at", "id"),
        Index("ix_hazards_status", "status", "id"),
        Index("ix_hazards_severity", "severity", "id"),
        Index("ix_hazards_category", "category", "id"),
        Index("ix_hazards_place", "place", "id"),
        Index("ix_hazards_street", "street_id", "id"),
        Index("ix_hazards_community", "community_id", "id"),
        Index("ix_hazards_grid", "grid_id", "id"),
        Index("ix_hazards_department", "department_id", "status"),
        Index("ix_hazards_department_key", literal_column(DEPARTMENT_KEY), "id"),
        Index("ix_hazards_tier", "tier", "id"),
        Index("ix_hazards_deadline_key", literal_column(DEADLINE_KEY), "id"),
        Index("ix_hazards_overdue_key", literal_column(OVERDUE_KEY), "id"),
        Index("ix_hazards_escalation", "escalation_level", "id"),
        Index("ix_hazards_open_deadline", "overdue_able", "deadline", "escalation_level"),
        Index("ix_hazards_enterprise", "enterprise_id"),
        Index("ix_hazards_unrouted", "id", sqlite_where=text("unrouted = 1"),
              postgresql_where=text("unrouted = 1")),
    )


class HazardEvent(Base):
    """One step of a ticket: who, when, from, to, a note; `data` holds the step's parameters
    (JSON) so the log replays to the ticket's state; `version` is the ticket's version after it."""

    __tablename__ = "hazard_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    hazard_id: Mapped[int] = mapped_column(HazardRef, ForeignKey("hazards.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    actor_name: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="{}")
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_hazard_events_hazard", "hazard_id", "id"),)


class HazardAttachment(Base):
    """A photo or document of a ticket; the bytes live in `hazard_attachment_data` so listing a
    timeline never reads them. Images carry a small JPEG thumbnail."""

    __tablename__ = "hazard_attachments"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    hazard_id: Mapped[int] = mapped_column(HazardRef, ForeignKey("hazards.id"))
    event_id: Mapped[int | None] = mapped_column(HazardRef, ForeignKey("hazard_events.id"))
    kind: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_hazard_attachments_hazard", "hazard_id", "id"),)


class HazardAttachmentData(Base):
    __tablename__ = "hazard_attachment_data"
    attachment_id: Mapped[int] = mapped_column(HazardRef, ForeignKey("hazard_attachments.id"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


__all__ = ["Hazard", "HazardAttachment", "HazardAttachmentData", "HazardEvent"]
