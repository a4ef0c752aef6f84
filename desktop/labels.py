"""User-visible names of the domain's enum values, in one place (translated through Qt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.domain.enums import Employment, GridLevel, RiskLevel, Role, Scale, StreetKind, Tier


def grid_level(level: GridLevel | str) -> str:
    return {
        GridLevel.DISTRICT: QCoreApplication.translate("Labels", "District"),
        GridLevel.DEPARTMENT: QCoreApplication.translate("Labels", "Department grid"),
        GridLevel.STREET: QCoreApplication.translate("Labels", "Street / park grid"),
        GridLevel.COMMUNITY: QCoreApplication.translate("Labels", "Community grid"),
        GridLevel.SUB_COMMUNITY: QCoreApplication.translate("Labels", "Sub-community grid"),
        GridLevel.ENTERPRISE: QCoreApplication.translate("Labels", "Enterprise grid"),
    }[GridLevel(level)]


def risk(level: RiskLevel | str) -> str:
    return {
        RiskLevel.RED: QCoreApplication.translate("Labels", "Red (major)"),
        RiskLevel.ORANGE: QCoreApplication.translate("Labels", "Orange (high)"),
        RiskLevel.YELLOW: QCoreApplication.translate("Labels", "Yellow (moderate)"),
        RiskLevel.BLUE: QCoreApplication.translate("Labels", "Blue (low)"),
    }[RiskLevel(level)]


RISK_COLOURS = {
    RiskLevel.RED: QColor("#d7263d"),
    RiskLevel.ORANGE: QColor("#f46036"),
    RiskLevel.YELLOW: QColor("#e8c547"),
    RiskLevel.BLUE: QColor("#2e86de"),
}


def scale(value: Scale | str) -> str:
    return {
        Scale.LARGE: QCoreApplication.translate("Labels", "Large"),
        Scale.MEDIUM: QCoreApplication.translate("Labels", "Medium"),
        Scale.SMALL: QCoreApplication.translate("Labels", "Small"),
        Scale.MICRO: QCoreApplication.translate("Labels", "Micro"),
    }[Scale(value)]


def tier(value: Tier | str) -> str:
    return {
        Tier.DISTRICT: QCoreApplication.translate("Labels", "District-direct"),
        Tier.STREET: QCoreApplication.translate("Labels", "Street"),
    }[Tier(value)]


def employment(value: Employment | str) -> str:
    return {
        Employment.FULL_TIME: QCoreApplication.translate("Labels", "Full-time"),
        Employment.PART_TIME: QCoreApplication.translate("Labels", "Part-time"),
    }[Employment(value)]


def street_kind(value: StreetKind | str | None) -> str:
    if value is None:
        return ""
    return {
        StreetKind.STREET: QCoreApplication.translate("Labels", "Street"),
        StreetKind.PARK: QCoreApplication.translate("Labels", "Park"),
    }[StreetKind(value)]


def role(value: Role | str) -> str:
    return {
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
        Role.DUTY: QCoreApplication.translate("Labels", "Duty officer"),
        Role.VIEWER: QCoreApplication.translate("Labels", "Viewer"),
    }[Role(value)]


def field(name: str) -> str:
    """Form-field names that services put in ValidationError.field."""
    names = {
        "name": QCoreApplication.translate("Labels", "Name"),
        "code": QCoreApplication.translate("Labels", "Code"),
        "credit_code": QCoreApplication.translate("Labels", "Unified social credit code"),
        "location": QCoreApplication.translate("Labels", "Location"),
        "industry": QCoreApplication.translate("Labels", "Industry"),
        "department": QCoreApplication.translate("Labels", "Department"),
        "officer": QCoreApplication.translate("Labels", "Grid officer"),
        "officer_name": QCoreApplication.translate("Labels", "Officer name"),
        "officer_phone": QCoreApplication.translate("Labels", "Officer phone"),
        "address": QCoreApplication.translate("Labels", "Address"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "responsible_unit": QCoreApplication.translate("Labels", "Responsible unit"),
        "parent": QCoreApplication.translate("Labels", "Parent grid"),
        "username": QCoreApplication.translate("Labels", "User name"),
        "password": QCoreApplication.translate("Labels", "Password"),
    }
    return names.get(name, name)
