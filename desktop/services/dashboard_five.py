"""The "five completes" (五全) as ratios, as far as the data allows. Definitions (also in the
dashboard's tooltips):

1. 监管区域全覆盖 (every area covered): the share of the district's territory lying in a
   sub-community grid (the finest territorial grid) that has its officer. The territory is the
   district grid's outline when one is stored, else the union of the street/park grids. Areas are
   taken in lon/lat degrees: over one district the ratio is the same as in square metres.
   Beside it, the share of sub-community grids with an officer.
2. 生产经营单位全监管 (every enterprise supervised): enterprises with a lead supervising
   department (from the boundary rules) / all enterprises; the rest are supervision gaps.
3. 重点监管内容全纳入 (every key item included): high-risk (red and orange) enterprises that are
   supervised at district tier or have an enterprise-exclusive grid / all high-risk enterprises.
4. 日常监管任务全完成 (every daily task done): rectification tickets whose deadline fell in the
   period (and has passed) that were closed off by the end of their deadline day / all of them.
   There is no patrol log yet, so the rectification deadlines stand for the daily tasks.
5. 检查信息全记录 (every inspection recorded): tickets closed off in the period with a passed
   re-inspection and rectification evidence on file / all tickets closed off in the period.

4 and 5 come from the per-day counts (`dashboard_figures.day_counts`); 1-3 from the grids and the
enterprise register, recomputed only when those change.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from desktop.data.tables import Enterprise, Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, RiskLevel, Tier

HIGH_RISK = (RiskLevel.RED.value, RiskLevel.ORANGE.value)


@dataclass(frozen=True)
class Ratio:
    part: float
    whole: float

    @property
    def value(self) -> float | None:
        """part / whole, None when there is nothing to measure."""
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Structure:
    """The register-based completes (1-3), which hazard and incident changes never touch."""

    area_covered: Ratio            # 1: degrees² covered / degrees² of the district
    grids_with_officer: Ratio      # 1, beside it: sub-community grids with an officer
    enterprises_supervised: Ratio  # 2
    key_included: Ratio            # 3


def area_coverage(uow: UnitOfWork) -> tuple[Ratio, Ratio]:
    """(territory covered by staffed sub-community grids, sub-community grids with an officer)."""
    import shapely  # only the dashboard needs it here: kept off the start-up path

    s = uow.session
    subs = s.execute(select(Grid.geometry, Grid.officer_id).where(
        Grid.level == GridLevel.SUB_COMMUNITY.value)).all()
    staffed = Ratio(sum(1 for _, o in subs if o is not None), len(subs))
    outline_json = s.scalar(select(Grid.geometry).where(Grid.level == GridLevel.DISTRICT.value,
                                                        Grid.geometry.is_not(None)).limit(1))
    if outline_json:
        outline = shapely.from_geojson(outline_json)
    else:
        parts = [shapely.from_geojson(g) for g in s.scalars(select(Grid.geometry).where(
            Grid.level == GridLevel.STREET.value, Grid.geometry.is_not(None)))]
        outline = shapely.union_all(parts) if parts else None
    if outline is None or outline.is_empty:
        return Ratio(0.0, 0.0), staffed
    covered = shapely.union_all([shapely.from_geojson(g) for g, o in subs if g and o is not None])
    part = covered.intersection(outline).area if not covered.is_empty else 0.0
    # Noding leaves a sliver of 1e-12 of the area: a full coverage reads as full.
    whole = outline.area
    return Ratio(whole if abs(whole - part) <= whole * 1e-9 else part, whole), staffed


def enterprises_supervised(uow: UnitOfWork) -> Ratio:
    s = uow.session
    total = s.scalar(select(func.count()).select_from(Enterprise))
    led = s.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.lead_department_id.is_not(None)))
    return Ratio(int(led), int(total))


def key_included(uow: UnitOfWork) -> Ratio:
    s = uow.session
    high = Enterprise.risk.in_(HIGH_RISK)
    total = s.scalar(select(func.count()).select_from(Enterprise).where(high))
    included = s.scalar(select(func.count()).select_from(Enterprise).join(Grid, Grid.id == Enterprise.grid_id).where(
        high, or_(Enterprise.tier == Tier.DISTRICT.value, Grid.level == GridLevel.ENTERPRISE.value)))
    return Ratio(int(included), int(total))


def structure(uow: UnitOfWork) -> Structure:
    area, staffed = area_coverage(uow)
    return Structure(area, staffed, enterprises_supervised(uow), key_included(uow))
