"""The district's vocabulary as enums; their values are what the database stores."""

from __future__ import annotations

from enum import StrEnum


class GridLevel(StrEnum):
    """The grid levels of "五级五覆盖", top to bottom (the district root plus five kinds of grid)."""

    DISTRICT = "district"            # 区级党委政府: the root of the tree
    DEPARTMENT = "department"        # 行业部门网格 (sectoral, no geometry)
    STREET = "street"                # 街道(园区)网格
    COMMUNITY = "community"          # 社区网格
    SUB_COMMUNITY = "sub_community"  # 社区以下网格
    ENTERPRISE = "enterprise"        # 企业专属网格

    @property
    def territorial(self) -> bool:
        return self in TERRITORIAL_LEVELS


TERRITORIAL_LEVELS = (
    GridLevel.STREET,
    GridLevel.COMMUNITY,
    GridLevel.SUB_COMMUNITY,
    GridLevel.ENTERPRISE,
)

# Which level a grid's parent must be at.
PARENT_LEVEL: dict[GridLevel, GridLevel | None] = {
    GridLevel.DISTRICT: None,
    GridLevel.DEPARTMENT: GridLevel.DISTRICT,
    GridLevel.STREET: GridLevel.DISTRICT,
    GridLevel.COMMUNITY: GridLevel.STREET,
    GridLevel.SUB_COMMUNITY: GridLevel.COMMUNITY,
    GridLevel.ENTERPRISE: GridLevel.SUB_COMMUNITY,
}


class StreetKind(StrEnum):
    STREET = "street"   # 街道
    PARK = "park"       # 园区


class Employment(StrEnum):
    FULL_TIME = "full_time"  # 专职
    PART_TIME = "part_time"  # 兼职


class RiskLevel(StrEnum):
    """Four-colour risk grading, highest first (红橙黄蓝)."""

    RED = "red"
    ORANGE = "orange"
    YELLOW = "yellow"
    BLUE = "blue"


class Scale(StrEnum):
    LARGE = "large"    # 大型
    MEDIUM = "medium"  # 中型
    SMALL = "small"    # 小型
    MICRO = "micro"    # 微型


class Tier(StrEnum):
    """Who supervises a unit: "上级管大、下级管小"."""

    DISTRICT = "district"  # district industry department, copied to the street (抄告属地)
    STREET = "street"      # the street / park


class Role(StrEnum):
    ADMIN = "admin"        # 管理员
    DUTY = "duty"          # 值班员
    VIEWER = "viewer"      # 只读


class SquadRole(StrEnum):
    CAPTAIN = "captain"    # 中队长
    DEPUTY = "deputy"      # 副中队长
    MEMBER = "member"      # 队员
