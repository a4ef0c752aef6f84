"""User-visible names of the domain's enum values, in one place (translated through Qt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.domain.enums import Employment, GridLevel, RiskLevel, Role, Scale, StreetKind, Tier

# Literal translate() calls, so pyside6-lupdate finds every label.
_t = QCoreApplication.translate


def grid_level(level: GridLevel | str) -> str:
    return {
        GridLevel.DISTRICT: _t("Labels", "District"),
        GridLevel.DEPARTMENT: _t("Labels", "Department grid"),
        GridLevel.STREET: _t("Labels", "Street / park grid"),
        GridLevel.COMMUNITY: _t("Labels", "Community grid"),
        GridLevel.SUB_COMMUNITY: _t("Labels", "Sub-community grid"),
        GridLevel.ENTERPRISE: _t("Labels", "Enterprise grid"),
    }[GridLevel(level)]


def risk(level: RiskLevel | str) -> str:
    return {
        RiskLevel.RED: _t("Labels", "Red (major)"),
        RiskLevel.ORANGE: _t("Labels", "Orange (high)"),
        RiskLevel.YELLOW: _t("Labels", "Yellow (moderate)"),
        RiskLevel.BLUE: _t("Labels", "Blue (low)"),
    }[RiskLevel(level)]


RISK_COLOURS = {
    RiskLevel.RED: QColor("#d7263d"),
    RiskLevel.ORANGE: QColor("#f46036"),
    RiskLevel.YELLOW: QColor("#e8c547"),
    RiskLevel.BLUE: QColor("#2e86de"),
}


def scale(value: Scale | str) -> str:
    return {
        Scale.LARGE: _t("Labels", "Large"),
        Scale.MEDIUM: _t("Labels", "Medium"),
        Scale.SMALL: _t("Labels", "Small"),
        Scale.MICRO: _t("Labels", "Micro"),
    }[Scale(value)]


def tier(value: Tier | str) -> str:
    return {Tier.DISTRICT: _t("Labels", "District-direct"), Tier.STREET: _t("Labels", "Street")}[Tier(value)]


def employment(value: Employment | str) -> str:
    return {Employment.FULL_TIME: _t("Labels", "Full-time"), Employment.PART_TIME: _t("Labels", "Part-time")}[Employment(value)]


def street_kind(value: StreetKind | str | None) -> str:
    if value is None:
        return ""
    return {StreetKind.STREET: _t("Labels", "Street"), StreetKind.PARK: _t("Labels", "Park")}[StreetKind(value)]


def role(value: Role | str) -> str:
    return {Role.ADMIN: _t("Labels", "Administrator"), Role.DUTY: _t("Labels", "Duty officer"), Role.VIEWER: _t("Labels", "Viewer")}[Role(value)]


def field(name: str) -> str:
    """Form-field names that services put in ValidationError.field."""
    names = {
        "name": _t("Labels", "Name"),
        "code": _t("Labels", "Code"),
        "credit_code": _t("Labels", "Unified social credit code"),
        "location": _t("Labels", "Location"),
        "industry": _t("Labels", "Industry"),
        "department": _t("Labels", "Department"),
        "officer": _t("Labels", "Grid officer"),
        "officer_name": _t("Labels", "Officer name"),
        "officer_phone": _t("Labels", "Officer phone"),
        "address": _t("Labels", "Address"),
        "note": _t("Labels", "Note"),
        "responsible_unit": _t("Labels", "Responsible unit"),
        "parent": _t("Labels", "Parent grid"),
        "username": _t("Labels", "User name"),
        "password": _t("Labels", "Password"),
    }
    return names.get(name, name)
