"""The rapid-response squad's vocabulary and rules: member and vehicle statuses, equipment.

A member is *engaged* from the moment of dispatch until back as available (dispatched, en route,
on scene, returning). An engaged member is never dispatched again, and an engaged member whose
status has not changed for the configured time is flagged as *stale* — the check-in timer of
dispatch systems: the duty officer should call them on the radio.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.errors import DomainError


class MemberStatus(StrEnum):
    AVAILABLE = "available"    # 待命
    DISPATCHED = "dispatched"  # 已派遣
    EN_ROUTE = "en_route"      # 途中
    ON_SCENE = "on_scene"      # 到场
    RETURNING = "returning"    # 返回
    OFF_DUTY = "off_duty"      # 下班
    TRAINING = "training"      # 训练
    LEAVE = "leave"            # 请假


class VehicleStatus(StrEnum):
    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    RETURNING = "returning"
    MAINTENANCE = "maintenance"  # 维修 / out of service


class SquadUnitKind(StrEnum):
    MEMBER = "member"
    VEHICLE = "vehicle"


class TravelMode(StrEnum):
    """How a unit moves; the speed per mode is a dispatch setting."""

    FOOT = "foot"
    EBIKE = "ebike"      # the electric bikes members patrol on
    VEHICLE = "vehicle"  # micro fire engines


class EquipmentKind(StrEnum):
    """The squad's four kinds of light equipment."""

    EXTINGUISHER = "extinguisher"  # 轻便灭火器
    RADIO = "radio"                # 对讲机
    CORDON_KIT = "cordon_kit"      # 警戒隔离器材
    FIRE_ENGINE = "fire_engine"    # 微型消防车 (a vehicle counts as one)


class EquipmentState(StrEnum):
    READY = "ready"              # 完好
    IN_USE = "in_use"            # 使用中
    MAINTENANCE = "maintenance"  # 维修


class ShiftKind(StrEnum):
    DAY = "day"          # 白班
    NIGHT = "night"      # 夜班
    STANDBY = "standby"  # 备勤


ENGAGED = frozenset({MemberStatus.DISPATCHED, MemberStatus.EN_ROUTE, MemberStatus.ON_SCENE,
                     MemberStatus.RETURNING})
# Not engaged and not free: the roster states a dispatcher cannot pick without a word.
ABSENT = frozenset({MemberStatus.OFF_DUTY, MemberStatus.TRAINING, MemberStatus.LEAVE})

MEMBER_TRANSITIONS: dict[MemberStatus, frozenset[MemberStatus]] = {
    MemberStatus.AVAILABLE: frozenset({MemberStatus.DISPATCHED, MemberStatus.OFF_DUTY,
                                       MemberStatus.TRAINING, MemberStatus.LEAVE}),
    # Off duty can be dispatched only with an explicit, recorded override (the dispatch service).
    MemberStatus.OFF_DUTY: frozenset({MemberStatus.AVAILABLE, MemberStatus.DISPATCHED,
                                      MemberStatus.TRAINING, MemberStatus.LEAVE}),
    MemberStatus.TRAINING: frozenset({MemberStatus.AVAILABLE, MemberStatus.OFF_DUTY,
                                      MemberStatus.LEAVE}),
    MemberStatus.LEAVE: frozenset({MemberStatus.AVAILABLE, MemberStatus.OFF_DUTY}),
    # Dispatched and stood down before leaving: straight back to available.
    MemberStatus.DISPATCHED: frozenset({MemberStatus.EN_ROUTE, MemberStatus.ON_SCENE,
                                        MemberStatus.RETURNING, MemberStatus.AVAILABLE}),
    MemberStatus.EN_ROUTE: frozenset({MemberStatus.ON_SCENE, MemberStatus.RETURNING}),
    MemberStatus.ON_SCENE: frozenset({MemberStatus.RETURNING}),
    MemberStatus.RETURNING: frozenset({MemberStatus.AVAILABLE, MemberStatus.OFF_DUTY}),
}

VEHICLE_TRANSITIONS: dict[VehicleStatus, frozenset[VehicleStatus]] = {
    VehicleStatus.AVAILABLE: frozenset({VehicleStatus.DISPATCHED, VehicleStatus.MAINTENANCE}),
    VehicleStatus.MAINTENANCE: frozenset({VehicleStatus.AVAILABLE}),
    VehicleStatus.DISPATCHED: frozenset({VehicleStatus.EN_ROUTE, VehicleStatus.ON_SCENE,
                                         VehicleStatus.RETURNING, VehicleStatus.AVAILABLE}),
    VehicleStatus.EN_ROUTE: frozenset({VehicleStatus.ON_SCENE, VehicleStatus.RETURNING}),
    VehicleStatus.ON_SCENE: frozenset({VehicleStatus.RETURNING}),
    VehicleStatus.RETURNING: frozenset({VehicleStatus.AVAILABLE, VehicleStatus.MAINTENANCE}),
}

VEHICLE_ENGAGED = frozenset({VehicleStatus.DISPATCHED, VehicleStatus.EN_ROUTE,
                             VehicleStatus.ON_SCENE, VehicleStatus.RETURNING})


class StatusRefused(DomainError):
    """A status change the machine does not allow (e.g. on scene -> available)."""

    def __init__(self, what: str, current: str, new: str, hint: str = "") -> None:
        text = f"{what} cannot go from {current} to {new}"
        super().__init__(text + (f": {hint}" if hint else ""))
        self.current = current
        self.new = new


def check_member_transition(current: MemberStatus | str, new: MemberStatus | str) -> None:
    cur, nxt = MemberStatus(current), MemberStatus(new)
    if nxt not in MEMBER_TRANSITIONS[cur]:
        hint = "the member is already engaged" if nxt is MemberStatus.DISPATCHED and cur in ENGAGED else ""
        raise StatusRefused("a squad member", cur, nxt, hint)


def check_vehicle_transition(current: VehicleStatus | str, new: VehicleStatus | str) -> None:
    cur, nxt = VehicleStatus(current), VehicleStatus(new)
    if nxt not in VEHICLE_TRANSITIONS[cur]:
        raise StatusRefused("a vehicle", cur, nxt)


def is_engaged(status: str) -> bool:
    return status in ENGAGED or status in VEHICLE_ENGAGED


def is_stale(status: str, since: datetime | None, now: datetime, stale_minutes: float) -> bool:
    """Engaged with no status change for `stale_minutes` (0 or less switches the rule off)."""
    if stale_minutes <= 0 or since is None or not is_engaged(status):
        return False
    return now - since >= timedelta(minutes=stale_minutes)


def cert_state(expires_on, today, warn_days: int) -> str:
    """"valid", "expiring" (within `warn_days`), "expired", or "permanent" (no expiry)."""
    if expires_on is None:
        return "permanent"
    if expires_on < today:
        return "expired"
    if (expires_on - today).days <= warn_days:
        return "expiring"
    return "valid"
