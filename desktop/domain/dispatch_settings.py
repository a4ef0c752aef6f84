"""Dispatch and tracking settings: values with defaults, validated field by field.

Stored as JSON in the settings table (keys "dispatch" and "tracking"); an administrator edits
them. Every field is optional in the stored JSON: a missing one takes its default, so a newer
SafeGrid with more settings reads an older database unchanged.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from desktop.domain.errors import ValidationError
from desktop.domain.incident import IncidentType, Severity
from desktop.domain.squad import EquipmentKind, TravelMode

E = EquipmentKind

DEFAULT_NEEDS: dict[str, dict[str, int]] = {
    IncidentType.FIRE: {E.EXTINGUISHER: 4, E.FIRE_ENGINE: 1, E.RADIO: 2},
    IncidentType.GAS_LEAK: {E.EXTINGUISHER: 2, E.CORDON_KIT: 1},
    IncidentType.HAZMAT: {E.CORDON_KIT: 2, E.EXTINGUISHER: 2, E.RADIO: 2},
    IncidentType.COLLAPSE: {E.CORDON_KIT: 1},
    IncidentType.TRAFFIC: {E.CORDON_KIT: 1, E.EXTINGUISHER: 1},
    IncidentType.FLOODING: {E.CORDON_KIT: 1},
    IncidentType.OTHER: {},
}
DEFAULT_SPEEDS = {TravelMode.FOOT: 5.0, TravelMode.EBIKE: 18.0, TravelMode.VEHICLE: 30.0}
DEFAULT_TEAM = {Severity.LOW: 2, Severity.MEDIUM: 4, Severity.HIGH: 6, Severity.CRITICAL: 8}


def _frozen(d: Mapping) -> Mapping:
    return MappingProxyType(dict(d))


@dataclass(frozen=True)
class DispatchSettings:
    dispatch_target_s: float = 180.0       # call → dispatch
    arrival_target_s: float = 480.0        # dispatch → first arrival
    road_factor: float = 1.4               # road distance ÷ straight-line distance
    speeds_kmh: Mapping[str, float] = field(default_factory=lambda: _frozen(DEFAULT_SPEEDS))
    equipment_needs: Mapping[str, Mapping[str, int]] = field(
        default_factory=lambda: _frozen({k: _frozen(v) for k, v in DEFAULT_NEEDS.items()}))
    team_size: Mapping[str, int] = field(default_factory=lambda: _frozen(DEFAULT_TEAM))
    min_free_per_sub_squad: int = 2        # members kept free in each sub-squad
    duplicate_radius_m: float = 300.0      # similar-incident warning: this close ...
    duplicate_window_min: float = 30.0     # ... and this recent
    stale_minutes: float = 20.0            # engaged with no status change this long: flagged
    cert_warning_days: int = 30            # certifications expiring this soon are flagged
    training_hours_per_quarter: float = 24.0
    arrival_radius_m: float = 50.0         # simulate: this close counts as arrived

    def speed(self, mode: str) -> float:
        return float(self.speeds_kmh.get(mode, DEFAULT_SPEEDS[TravelMode.EBIKE]))

    def needs(self, incident_type: str) -> Mapping[str, int]:
        return self.equipment_needs.get(incident_type, {})

    def members_for(self, severity: str) -> int:
        return int(self.team_size.get(severity, DEFAULT_TEAM[Severity.MEDIUM]))

    def to_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["speeds_kmh"] = dict(self.speeds_kmh)
        out["team_size"] = dict(self.team_size)
        out["equipment_needs"] = {k: dict(v) for k, v in self.equipment_needs.items()}
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> DispatchSettings:
        """Defaults overridden by `data`; ValidationError names the bad field."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationError(unknown[0], "is not a dispatch setting")
        base = cls()
        values: dict[str, Any] = {}
        positive = ("dispatch_target_s", "arrival_target_s", "duplicate_radius_m",
                    "duplicate_window_min", "training_hours_per_quarter", "arrival_radius_m")
        for name in positive:
            if name in data:
                values[name] = _number(name, data[name], 0.0, 1e7, exclusive_low=True)
        if "road_factor" in data:
            values["road_factor"] = _number("road_factor", data["road_factor"], 1.0, 5.0)
        if "stale_minutes" in data:  # 0 switches the stale-status flag off
            values["stale_minutes"] = _number("stale_minutes", data["stale_minutes"], 0.0, 24 * 60)
        if "min_free_per_sub_squad" in data:
            values["min_free_per_sub_squad"] = int(_number("min_free_per_sub_squad",
                                                           data["min_free_per_sub_squad"], 0, 50, whole=True))
        if "cert_warning_days" in data:
            values["cert_warning_days"] = int(_number("cert_warning_days", data["cert_warning_days"],
                                                      0, 3650, whole=True))
        if "speeds_kmh" in data:
            speeds = dict(base.speeds_kmh)
            for mode, v in _mapping("speeds_kmh", data["speeds_kmh"]).items():
                _member("speeds_kmh", mode, TravelMode)
                speeds[mode] = _number(f"speeds_kmh.{mode}", v, 0.5, 200.0)
            values["speeds_kmh"] = _frozen(speeds)
        if "team_size" in data:
            team = dict(base.team_size)
            for sev, v in _mapping("team_size", data["team_size"]).items():
                _member("team_size", sev, Severity)
                team[sev] = int(_number(f"team_size.{sev}", v, 1, 36, whole=True))
            values["team_size"] = _frozen(team)
        if "equipment_needs" in data:
            needs = {k: dict(v) for k, v in base.equipment_needs.items()}
            for itype, kinds in _mapping("equipment_needs", data["equipment_needs"]).items():
                _member("equipment_needs", itype, IncidentType)
                row: dict[str, int] = {}
                for kind, count in _mapping(f"equipment_needs.{itype}", kinds).items():
                    _member(f"equipment_needs.{itype}", kind, EquipmentKind)
                    n = int(_number(f"equipment_needs.{itype}.{kind}", count, 0, 100, whole=True))
                    if n:
                        row[kind] = n
                needs[itype] = row
            values["equipment_needs"] = _frozen({k: _frozen(v) for k, v in needs.items()})
        return replace(base, **values)


@dataclass(frozen=True)
class TrackingSettings:
    """The position receiver: opt-in, loopback by default (5055 is the OsmAnd protocol's port)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 5055
    max_body_bytes: int = 16_384
    max_future_s: float = 600.0   # a fix stamped further ahead than this is refused
    max_connections: int = 32     # concurrent requests; more are refused at once

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> TrackingSettings:
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationError(unknown[0], "is not a tracking setting")
        values: dict[str, Any] = {}
        if "enabled" in data:
            if not isinstance(data["enabled"], bool):
                raise ValidationError("enabled", "must be true or false")
            values["enabled"] = data["enabled"]
        if "host" in data:
            host = str(data["host"]).strip()
            try:
                ipaddress.ip_address(host)
            except ValueError:
                raise ValidationError("host", f"{host!r} is not an IP address") from None
            values["host"] = host
        if "port" in data:
            values["port"] = int(_number("port", data["port"], 1, 65535, whole=True))
        if "max_body_bytes" in data:
            values["max_body_bytes"] = int(_number("max_body_bytes", data["max_body_bytes"], 256,
                                                   1_048_576, whole=True))
        if "max_future_s" in data:
            values["max_future_s"] = _number("max_future_s", data["max_future_s"], 0, 86_400)
        if "max_connections" in data:
            values["max_connections"] = int(_number("max_connections", data["max_connections"], 1, 1024,
                                                    whole=True))
        return replace(cls(), **values)


def _number(name: str, value: Any, low: float, high: float, *, whole: bool = False,
            exclusive_low: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(name, f"must be a number, not {value!r}")
    v = float(value)
    if v != v or (v <= low if exclusive_low else v < low) or v > high:
        bound = f"more than {low:g}" if exclusive_low else f"at least {low:g}"
        raise ValidationError(name, f"must be {bound} and at most {high:g}")
    if whole and v != int(v):
        raise ValidationError(name, "must be a whole number")
    return v


def _mapping(name: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(name, "must be a table of names to values")
    return value


def _member(name: str, key: str, enum: type) -> None:
    try:
        enum(key)
    except ValueError:
        raise ValidationError(name, f"unknown key {key!r}; one of {', '.join(enum)}") from None
