"""The ORM tables (SQLAlchemy 2 typed mappings). Migrations in `migrations/` create them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite wants INTEGER PRIMARY KEY for rowid aliasing; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on both backends (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Mutable rows carry a version: a stale edit raises instead of overwriting."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


class Department(Versioned, Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    name_en: Mapped[str] = mapped_column(String(120), default="")


class Industry(Versioned, Base):
    __tablename__ = "industries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    name_en: Mapped[str] = mapped_column(String(120), default="")


class BoundaryRule(Versioned, Base):
    """责任边界: an industry's lead supervising department. Data, edited by an administrator."""

    __tablename__ = "boundary_rules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    industry_id: Mapped[int] = mapped_column(ForeignKey("industries.id"), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    note: Mapped[str] = mapped_column(String(500), default="")


class GridOfficer(Versioned, Base):
    __tablename__ = "grid_officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(32))
    employment: Mapped[str] = mapped_column(String(16))
    duties: Mapped[str] = mapped_column(String(500), default="")


class Grid(Versioned, Base):
    __tablename__ = "grids"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    level: Mapped[str] = mapped_column(String(16), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    street_kind: Mapped[str | None] = mapped_column(String(8))
    geometry: Mapped[str | None] = mapped_column(Text)  # GeoJSON geometry, lon/lat
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("grid_officers.id"), index=True)
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)


class Enterprise(Versioned, Base):
    __tablename__ = "enterprises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    industry_id: Mapped[int] = mapped_column(ForeignKey("industries.id"), index=True)
    scale: Mapped[str] = mapped_column(String(8))
    risk: Mapped[str] = mapped_column(String(8), index=True)
    tier: Mapped[str] = mapped_column(String(8), index=True)  # derived: domain.tier
    lead_department_id: Mapped[int | None] = mapped_column(  # derived: boundary rules
        ForeignKey("departments.id"), index=True
    )
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)  # smallest grid
    # Derived from the location, kept for filtering without walking the tree.
    street_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)


class SubSquad(Versioned, Base):
    __tablename__ = "sub_squads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(40))


class SquadMember(Versioned, Base):
    __tablename__ = "squad_members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    sub_squad_id: Mapped[int] = mapped_column(ForeignKey("sub_squads.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(32))
    call_sign: Mapped[str] = mapped_column(String(32), unique=True)
    home_grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))


class User(Versioned, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Setting(Versioned, Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class AuditEntry(Base):
    """Who wrote what, when: one row for every write, in the same transaction."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)


class ChangeFeedEntry(Base):
    """The change feed: workstations follow it by sequence number."""

    __tablename__ = "change_feed"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))

__all__ = [
    "AuditEntry", "Base", "BoundaryRule", "ChangeFeedEntry", "Department", "Enterprise", "Grid",
    "GridOfficer", "Industry", "Setting", "SquadMember", "SubSquad", "User",
]
