"""The hazard loop's vocabulary (隐患闭环): enums whose values the database stores, the district's
clock, and the Chinese names the Qt-free reports and messages use (the GUI has its own labels)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

# The district keeps China Standard Time all year (no daylight saving): dates such as a
# rectification deadline are days in this zone.
DISTRICT_TZ = timezone(timedelta(hours=8), "CST")


def district_today(now: datetime | None = None) -> date:
    """The calendar day in the district at `now` (aware; default: the current time)."""
    return (now or datetime.now(UTC)).astimezone(DISTRICT_TZ).date()


def local_time(at: datetime) -> datetime:
    return at.astimezone(DISTRICT_TZ)


class HazardStatus(StrEnum):
    FOUND = "found"                          # 发现 (待分类)
    CLASSIFIED = "classified"                # 已分类 (待整改)
    RECTIFYING = "rectifying"                # 整改中
    AWAITING_REINSPECTION = "awaiting_reinspection"  # 待复查
    CLOSED = "closed"                        # 已销号
    DISMISSED = "dismissed"                  # 不予立案 (not a hazard)

    @property
    def is_open(self) -> bool:
        return self not in (HazardStatus.CLOSED, HazardStatus.DISMISSED)


OPEN_STATUSES = tuple(s for s in HazardStatus if s.is_open)


class Severity(StrEnum):
    GENERAL = "general"  # 一般隐患
    MAJOR = "major"      # 重大隐患


class Category(StrEnum):
    FIRE = "fire"                            # 消防
    ELECTRICAL = "electrical"                # 用电
    HAZCHEM = "hazchem"                      # 危险化学品
    SPECIAL_EQUIPMENT = "special_equipment"  # 特种设备
    CONSTRUCTION = "construction"            # 建筑施工
    GAS = "gas"                              # 燃气
    CONFINED_SPACE = "confined_space"        # 有限空间
    CROWDED_PLACE = "crowded_place"          # 人员密集场所
    TRANSPORT = "transport"                  # 交通运输
    OTHER = "other"                          # 其他


class Source(StrEnum):
    PATROL = "patrol"          # 网格巡查
    INSPECTION = "inspection"  # 执法检查
    PUBLIC = "public"          # 群众举报
    DEPARTMENT = "department"  # 部门移交


class AttachmentKind(StrEnum):
    PHOTO = "photo"        # 现场照片 (image required)
    EVIDENCE = "evidence"  # 整改佐证 (image required)
    PLAN = "plan"          # 整改方案 (document or image)
    DOCUMENT = "document"  # 其他材料 (document or image)

    @property
    def image_only(self) -> bool:
        return self in (AttachmentKind.PHOTO, AttachmentKind.EVIDENCE)


class Reinspection(StrEnum):
    NONE = ""
    PASSED = "passed"
    FAILED = "failed"


STATUS_ZH = {
    HazardStatus.FOUND: "待分类",
    HazardStatus.CLASSIFIED: "待整改",
    HazardStatus.RECTIFYING: "整改中",
    HazardStatus.AWAITING_REINSPECTION: "待复查",
    HazardStatus.CLOSED: "已销号",
    HazardStatus.DISMISSED: "不予立案",
}
SEVERITY_ZH = {Severity.GENERAL: "一般隐患", Severity.MAJOR: "重大隐患"}
CATEGORY_ZH = {
    Category.FIRE: "消防安全",
    Category.ELECTRICAL: "用电安全",
    Category.HAZCHEM: "危险化学品",
    Category.SPECIAL_EQUIPMENT: "特种设备",
    Category.CONSTRUCTION: "建筑施工",
    Category.GAS: "燃气安全",
    Category.CONFINED_SPACE: "有限空间",
    Category.CROWDED_PLACE: "人员密集场所",
    Category.TRANSPORT: "交通运输",
    Category.OTHER: "其他",
}
SOURCE_ZH = {
    Source.PATROL: "网格巡查",
    Source.INSPECTION: "执法检查",
    Source.PUBLIC: "群众举报",
    Source.DEPARTMENT: "部门移交",
}
REINSPECTION_ZH = {Reinspection.NONE: "", Reinspection.PASSED: "复查合格", Reinspection.FAILED: "复查不合格"}
ATTACHMENT_ZH = {
    AttachmentKind.PHOTO: "现场照片",
    AttachmentKind.EVIDENCE: "整改佐证",
    AttachmentKind.PLAN: "整改方案",
    AttachmentKind.DOCUMENT: "其他材料",
}
