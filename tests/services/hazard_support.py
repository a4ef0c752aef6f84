"""Helpers for the hazard service tests: actors, files, places in the demo district, snapshots."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PIL import Image
from sqlalchemy import func, select

from desktop.data.engine import Database
from desktop.data.tables import AuditEntry, ChangeFeedEntry, Enterprise, Grid
from desktop.data.tables_hazards import Hazard, HazardAttachment, HazardAttachmentData, HazardEvent
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, Role, Tier
from desktop.domain.hazard_terms import AttachmentKind, Category, Severity, district_today
from desktop.services import hazards as hz
from desktop.services.common import Actor

DUTY = Actor("duty", "值班员", Role.DUTY, 2)
ZHANG = Actor("zhangwei", "张伟", Role.DUTY, 3)
LI = Actor("lina", "李娜", Role.DUTY, 4)
VIEWER = Actor("viewer", "领导查阅", Role.VIEWER, 5)
ADMIN = Actor("admin", "系统管理员", Role.ADMIN, 1)


def png(size: tuple[int, int] = (64, 48), colour: str = "orange") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def photo(name: str = "site.png", kind: AttachmentKind = AttachmentKind.PHOTO) -> hz.NewAttachment:
    return hz.NewAttachment(name, png(), kind)


def plan() -> hz.NewAttachment:
    return hz.NewAttachment("整改方案.pdf", PDF, AttachmentKind.PLAN)


def read(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with UnitOfWork(db, write=False) as uow:
        return fn(uow)


def act(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with UnitOfWork(db) as uow:
        return fn(uow)


def enterprise(db: Database, *, tier: Tier | None = None, gap: bool = False) -> int:
    q = select(Enterprise.id).order_by(Enterprise.id)
    q = q.where(Enterprise.lead_department_id.is_(None) if gap else Enterprise.lead_department_id.is_not(None))
    if tier is not None:
        q = q.where(Enterprise.tier == tier.value)
    return read(db, lambda u: u.session.scalars(q).first())


def public_point(db: Database) -> tuple[float, float, int, int]:
    """A point inside a sub-community grid: (lon, lat, that grid's id, its street's id)."""
    import shapely

    def find(u: UnitOfWork):
        g = u.session.execute(select(Grid.id, Grid.geometry, Grid.parent_id)
                              .where(Grid.level == GridLevel.SUB_COMMUNITY).order_by(Grid.id)).first()
        street = u.session.scalar(select(Grid.parent_id).where(Grid.id == g.parent_id))
        p = shapely.from_geojson(g.geometry).representative_point()
        return p.x, p.y, g.id, street

    return read(db, find)


def new_hazard(db: Database, actor: Actor = DUTY, *, enterprise_id: int | None = None, severity=Severity.GENERAL,
               description: str = "消防通道被杂物堵塞", category=Category.FIRE) -> hz.HazardRow:
    if enterprise_id is None:
        enterprise_id = enterprise(db)
    data = hz.HazardReport(category=category, description=description, severity=severity,
                           enterprise_id=enterprise_id, photos=(photo(),))
    return act(db, lambda u: hz.report(u, actor, data))


def rectifying(db: Database, *, severity=Severity.GENERAL, deadline: date | None = None,
               enterprise_id: int | None = None) -> hz.HazardRow:
    row = new_hazard(db, severity=severity, enterprise_id=enterprise_id)
    row = act(db, lambda u: hz.classify(u, DUTY, row.id, severity=severity, expected_version=row.version))
    extra = {"plan": plan()} if severity is Severity.MAJOR else {}
    return act(db, lambda u: hz.assign(u, DUTY, row.id, responsible="王建国（企业负责人）",
                                       deadline=deadline or district_today() + timedelta(days=10),
                                       expected_version=row.version, **extra))


def snapshot(db: Database) -> tuple:
    """Counts and versions that any write would change."""
    def take(u: UnitOfWork):
        s = u.session
        n = [s.scalar(select(func.count()).select_from(t)) for t in
             (Hazard, HazardEvent, HazardAttachment, HazardAttachmentData, AuditEntry, ChangeFeedEntry)]
        return (*n, s.scalar(select(func.sum(Hazard.version))))
    return read(db, take)
