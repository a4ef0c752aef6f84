"""The rows of a demo district plan: plain frozen values, ready for a loader to insert.

Geometry travels as `geometry_json`: a compact GeoJSON geometry string (Polygon or MultiPolygon,
lon/lat degrees, coordinates rounded to 6 decimals), so the loader can store it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import Employment, GridLevel, RiskLevel, Scale, SquadRole, StreetKind


@dataclass(frozen=True)
class DepartmentRow:
    code: str     # "D01"
    name: str     # 区应急管理局
    name_en: str


@dataclass(frozen=True)
class IndustryRow:
    code: str     # "I01"
    name: str
    name_en: str


@dataclass(frozen=True)
class RuleRow:
    """Boundary rule: enterprises of this industry are led by this department."""

    industry_code: str
    department_code: str


@dataclass(frozen=True)
class GridRow:
    code: str                      # "QS", "QS-D07", "QS-03", "QS-03-07", "QS-03-07-04", "QS-03-07-04-Q1"
    name: str
    level: GridLevel
    parent_code: str | None        # None only for the district root
    geometry_json: str | None      # None for the district root and the department grids
    officer_key: str               # "一格一员": exactly one officer per grid
    responsible_unit: str
    department_code: str | None    # department grids only
    street_kind: StreetKind | None  # street/park grids only


@dataclass(frozen=True)
class OfficerRow:
    key: str                       # "OF0001"
    name: str
    phone: str                     # 11-digit mobile, unique
    employment: Employment
    duties: str


@dataclass(frozen=True)
class EnterpriseRow:
    name: str
    credit_code: str               # valid GB 32100 code, unique
    address: str
    lon: float                     # 6 decimals, inside the grid named by grid_code
    lat: float
    industry_code: str
    scale: Scale
    risk: RiskLevel
    grid_code: str                 # its enterprise grid if own_grid, else its sub-community grid
    own_grid: bool


@dataclass(frozen=True)
class SquadMemberRow:
    key: str                       # "SQ01"
    name: str
    sub_squad: int                 # 1..3, index into DistrictPlan.sub_squads (1-based)
    role: SquadRole
    phone: str
    call_sign: str                 # "突击1-01"
    home_grid_code: str            # a sub-community grid


@dataclass(frozen=True)
class DistrictPlan:
    seed: int
    outline_json: str              # the district outline (the union of the street/park grids)
    departments: tuple[DepartmentRow, ...]
    industries: tuple[IndustryRow, ...]
    rules: tuple[RuleRow, ...]
    grids: tuple[GridRow, ...]     # parents before children
    officers: tuple[OfficerRow, ...]
    enterprises: tuple[EnterpriseRow, ...]
    squad: tuple[SquadMemberRow, ...]
    sub_squads: tuple[str, ...]    # 第一中队, 第二中队, 第三中队
