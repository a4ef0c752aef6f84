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


# -- hazards (隐患闭环): statuses, severities, categories, escalation levels, and their colours --

def hazard_status(value: str) -> str:
    return {
        "found": QCoreApplication.translate("Labels", "To classify"),
        "classified": QCoreApplication.translate("Labels", "To rectify"),
        "rectifying": QCoreApplication.translate("Labels", "Rectifying"),
        "awaiting_reinspection": QCoreApplication.translate("Labels", "Awaiting re-inspection"),
        "closed": QCoreApplication.translate("Labels", "Closed off"),
        "dismissed": QCoreApplication.translate("Labels", "Not a hazard"),
    }[str(value)]


# Same hues as the map's hazard layer (desktop/maps/hazard_layer.py STATUS_COLOURS).
HAZARD_STATUS_COLOURS = {"found": QColor("#8e24aa"), "classified": QColor("#1e88e5"), "rectifying": QColor("#f57c00"),
                         "awaiting_reinspection": QColor("#00897b"), "closed": QColor("#43a047"),
                         "dismissed": QColor("#9e9e9e")}
SEVERITY_COLOURS = {"general": QColor("#f2b01e"), "major": QColor("#d32f2f")}
ESCALATION_COLOURS = (QColor("#9e9e9e"), QColor("#fbc02d"), QColor("#fb8c00"), QColor("#e53935"), QColor("#8e0000"))


def severity(value: str) -> str:
    return {
        "general": QCoreApplication.translate("Labels", "General hazard"),
        "major": QCoreApplication.translate("Labels", "Major hazard"),
    }[str(value)]


def hazard_category(value: str) -> str:
    return {
        "fire": QCoreApplication.translate("Labels", "Fire safety"),
        "electrical": QCoreApplication.translate("Labels", "Electrical safety"),
        "hazchem": QCoreApplication.translate("Labels", "Hazardous chemicals"),
        "special_equipment": QCoreApplication.translate("Labels", "Special equipment"),
        "construction": QCoreApplication.translate("Labels", "Construction"),
        "gas": QCoreApplication.translate("Labels", "Gas safety"),
        "confined_space": QCoreApplication.translate("Labels", "Confined space"),
        "crowded_place": QCoreApplication.translate("Labels", "Crowded place"),
        "transport": QCoreApplication.translate("Labels", "Transport"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }[str(value)]


def hazard_source(value: str) -> str:
    return {
        "patrol": QCoreApplication.translate("Labels", "Grid patrol"),
        "inspection": QCoreApplication.translate("Labels", "Law-enforcement inspection"),
        "public": QCoreApplication.translate("Labels", "Report from the public"),
        "department": QCoreApplication.translate("Labels", "Referred by a department"),
    }[str(value)]


def attachment_kind(value: str) -> str:
    return {
        "photo": QCoreApplication.translate("Labels", "Site photo"),
        "evidence": QCoreApplication.translate("Labels", "Rectification evidence"),
        "plan": QCoreApplication.translate("Labels", "Rectification plan"),
        "document": QCoreApplication.translate("Labels", "Other document"),
    }[str(value)]


def hazard_action(value: str) -> str:
    return {
        "report": QCoreApplication.translate("Labels", "Reported"),
        "classify": QCoreApplication.translate("Labels", "Classified"),
        "dismiss": QCoreApplication.translate("Labels", "Dismissed"),
        "assign": QCoreApplication.translate("Labels", "Rectification assigned"),
        "report_done": QCoreApplication.translate("Labels", "Rectification reported done"),
        "reinspect_pass": QCoreApplication.translate("Labels", "Re-inspection passed"),
        "reinspect_fail": QCoreApplication.translate("Labels", "Re-inspection failed"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "attach": QCoreApplication.translate("Labels", "Files attached"),
        "escalate": QCoreApplication.translate("Labels", "Escalated"),
    }[str(value)]


def escalation_level(level: int) -> str:
    names = ("",
             QCoreApplication.translate("Labels", "Deadline reminder"),
             QCoreApplication.translate("Labels", "Overdue notice"),
             QCoreApplication.translate("Labels", "Local supervision"),
             QCoreApplication.translate("Labels", "District supervision"))
    if 0 <= level < len(names):
        return names[level]
    return QCoreApplication.translate("Labels", "Supervision level {n}").format(n=level)


def hazard_field(name: str) -> str:
    """Field names the hazard services put in ValidationError.field."""
    names = {
        "description": QCoreApplication.translate("Labels", "Description"),
        "category": QCoreApplication.translate("Labels", "Category"),
        "severity": QCoreApplication.translate("Labels", "Severity"),
        "source": QCoreApplication.translate("Labels", "Source"),
        "found_at": QCoreApplication.translate("Labels", "Found at"),
        "found_by": QCoreApplication.translate("Labels", "Found by"),
        "enterprise": QCoreApplication.translate("Labels", "Enterprise"),
        "place": QCoreApplication.translate("Labels", "Place"),
        "files": QCoreApplication.translate("Labels", "Files"),
        "selection": QCoreApplication.translate("Labels", "Selection"),
        "responsible": QCoreApplication.translate("Labels", "Responsible party"),
        "deadline": QCoreApplication.translate("Labels", "Deadline"),
        "reason": QCoreApplication.translate("Labels", "Reason"),
        "evidence": QCoreApplication.translate("Labels", "Evidence"),
        "reinspector": QCoreApplication.translate("Labels", "Re-inspector"),
        "plan": QCoreApplication.translate("Labels", "Rectification plan"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "tier": QCoreApplication.translate("Labels", "Supervising level"),
        "escalation": QCoreApplication.translate("Labels", "Escalation"),
    }
    return names.get(name) or field(name)


# -- squad and dispatch (issue 5): statuses, incidents, equipment, training, and their colours --

# Same hues as the map (desktop/maps/members.py, squad_layers.py).
MEMBER_STATUS_COLOURS = {"available": QColor("#2e7d32"), "dispatched": QColor("#d32f2f"),
                         "en_route": QColor("#f57c00"), "on_scene": QColor("#8e24aa"),
                         "returning": QColor("#0288d1"), "off_duty": QColor("#78909c"),
                         "training": QColor("#00897b"), "leave": QColor("#b0bec5"), "maintenance": QColor("#607d8b")}
INCIDENT_STATUS_COLOURS = {"reported": QColor("#d50000"), "dispatched": QColor("#ff6d00"),
                           "on_scene": QColor("#aa00ff"), "handed_over": QColor("#2962ff"),
                           "closed": QColor("#757575")}
INCIDENT_SEVERITY_COLOURS = {"low": QColor("#1e88e5"), "medium": QColor("#f9a825"), "high": QColor("#ef6c00"),
                             "critical": QColor("#b71c1c")}
CERT_COLOURS = {"valid": QColor("#2e7d32"), "expiring": QColor("#ef6c00"), "expired": QColor("#c62828"),
                "permanent": QColor("#546e7a")}
GRADE_COLOURS = {"excellent": QColor("#2e7d32"), "good": QColor("#558b2f"), "qualified": QColor("#f9a825"),
                 "unqualified": QColor("#c62828")}


def member_status(value: str) -> str:
    return {
        "available": QCoreApplication.translate("Labels", "Available"),
        "dispatched": QCoreApplication.translate("Labels", "Dispatched"),
        "en_route": QCoreApplication.translate("Labels", "En route"),
        "on_scene": QCoreApplication.translate("Labels", "On scene"),
        "returning": QCoreApplication.translate("Labels", "Returning"),
        "off_duty": QCoreApplication.translate("Labels", "Off duty"),
        "training": QCoreApplication.translate("Labels", "Training"),
        "leave": QCoreApplication.translate("Labels", "On leave"),
        "maintenance": QCoreApplication.translate("Labels", "Maintenance"),  # vehicles
    }[str(value)]


vehicle_status = member_status  # the same words; vehicles add "maintenance"


def squad_role(value: str) -> str:
    return {
        "captain": QCoreApplication.translate("Labels", "Captain"),
        "deputy": QCoreApplication.translate("Labels", "Deputy captain"),
        "member": QCoreApplication.translate("Labels", "Team member"),
    }[str(value)]


def incident_type(value: str) -> str:
    return {
        "fire": QCoreApplication.translate("Labels", "Fire"),
        "gas_leak": QCoreApplication.translate("Labels", "Gas leak"),
        "hazardous_chemicals": QCoreApplication.translate("Labels", "Hazardous chemicals incident"),
        "collapse": QCoreApplication.translate("Labels", "Collapse"),
        "traffic": QCoreApplication.translate("Labels", "Traffic accident"),
        "flooding": QCoreApplication.translate("Labels", "Flooding"),
        "other": QCoreApplication.translate("Labels", "Other incident"),
    }[str(value)]


def incident_severity(value: str) -> str:
    return {
        "low": QCoreApplication.translate("Labels", "Ordinary (level IV)"),
        "medium": QCoreApplication.translate("Labels", "Large (level III)"),
        "high": QCoreApplication.translate("Labels", "Major (level II)"),
        "critical": QCoreApplication.translate("Labels", "Especially major (level I)"),
    }[str(value)]


def incident_status(value: str) -> str:
    return {
        "reported": QCoreApplication.translate("Labels", "Call logged"),
        "dispatched": QCoreApplication.translate("Labels", "Units dispatched"),
        "on_scene": QCoreApplication.translate("Labels", "Units on scene"),
        "handed_over": QCoreApplication.translate("Labels", "Handed over"),
        "closed": QCoreApplication.translate("Labels", "Case closed"),
    }[str(value)]


def equipment_kind(value: str) -> str:
    return {
        "extinguisher": QCoreApplication.translate("Labels", "Portable extinguisher"),
        "radio": QCoreApplication.translate("Labels", "Walkie-talkie"),
        "cordon_kit": QCoreApplication.translate("Labels", "Cordon and isolation kit"),
        "fire_engine": QCoreApplication.translate("Labels", "Micro fire engine"),
    }[str(value)]


def equipment_state(value: str) -> str:
    return {
        "ready": QCoreApplication.translate("Labels", "Ready"),
        "in_use": QCoreApplication.translate("Labels", "In use"),
        "maintenance": QCoreApplication.translate("Labels", "Under maintenance"),
    }[str(value)]


def shift_kind(value: str) -> str:
    return {
        "day": QCoreApplication.translate("Labels", "Day shift"),
        "night": QCoreApplication.translate("Labels", "Night shift"),
        "standby": QCoreApplication.translate("Labels", "Standby"),
    }[str(value)]


def travel_mode(value: str) -> str:
    return {
        "foot": QCoreApplication.translate("Labels", "on foot"),
        "ebike": QCoreApplication.translate("Labels", "by e-bike"),
        "vehicle": QCoreApplication.translate("Labels", "by fire engine"),
    }[str(value)]


def grid_match(value: int) -> str:
    """The recommender's GridMatch (0 best)."""
    return (QCoreApplication.translate("Labels", "Same sub-community grid"),
            QCoreApplication.translate("Labels", "Same community"),
            QCoreApplication.translate("Labels", "Same street"),
            QCoreApplication.translate("Labels", "Another street"))[int(value)]


def cert_state(value: str) -> str:
    return {
        "valid": QCoreApplication.translate("Labels", "Valid"),
        "expiring": QCoreApplication.translate("Labels", "Expiring soon"),
        "expired": QCoreApplication.translate("Labels", "Expired"),
        "permanent": QCoreApplication.translate("Labels", "No expiry"),
    }[str(value)]


def training_kind(value: str) -> str:
    return {
        "training": QCoreApplication.translate("Labels", "Training session"),
        "drill": QCoreApplication.translate("Labels", "Drill"),
    }[str(value)]


def training_result(value: str) -> str:
    return {
        "excellent": QCoreApplication.translate("Labels", "Excellent"),
        "pass": QCoreApplication.translate("Labels", "Passed"),
        "fail": QCoreApplication.translate("Labels", "Failed"),
        "absent": QCoreApplication.translate("Labels", "Absent"),
    }[str(value)]


def grade(value: str) -> str:
    return {
        "excellent": QCoreApplication.translate("Labels", "Excellent"),
        "good": QCoreApplication.translate("Labels", "Good"),
        "qualified": QCoreApplication.translate("Labels", "Qualified"),
        "unqualified": QCoreApplication.translate("Labels", "Unqualified"),
    }[str(value)]


def dispatch_field(name: str) -> str:
    """Field names the squad and dispatch services put in ValidationError.field."""
    names = {
        "type": QCoreApplication.translate("Labels", "Incident type"),
        "severity": QCoreApplication.translate("Labels", "Severity"),
        "caller": QCoreApplication.translate("Labels", "Caller"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "description": QCoreApplication.translate("Labels", "Description"),
        "reported_at": QCoreApplication.translate("Labels", "Call time"),
        "to": QCoreApplication.translate("Labels", "Handed over to"),
        "text": QCoreApplication.translate("Labels", "Note"),
        "team": QCoreApplication.translate("Labels", "Team"),
        "override_off_duty": QCoreApplication.translate("Labels", "Off-duty override"),
        "override_min_free": QCoreApplication.translate("Labels", "Minimum-free override"),
        "override_reason": QCoreApplication.translate("Labels", "Override reason"),
        "into": QCoreApplication.translate("Labels", "Merge into"),
        "duplicate": QCoreApplication.translate("Labels", "Duplicate report"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "subject": QCoreApplication.translate("Labels", "Subject"),
        "held_on": QCoreApplication.translate("Labels", "Date"),
        "minutes": QCoreApplication.translate("Labels", "Duration"),
        "attendance": QCoreApplication.translate("Labels", "Attendance"),
        "sub_squad": QCoreApplication.translate("Labels", "Sub-squad"),
        "quarter": QCoreApplication.translate("Labels", "Quarter"),
        "count": QCoreApplication.translate("Labels", "Count"),
        "holder": QCoreApplication.translate("Labels", "Held by"),
        "next_check": QCoreApplication.translate("Labels", "Next check"),
        "state": QCoreApplication.translate("Labels", "State"),
        "enabled": QCoreApplication.translate("Labels", "Enabled"),
        "host": QCoreApplication.translate("Labels", "Listen address"),
        "port": QCoreApplication.translate("Labels", "Port"),
    }
    return names.get(name) or hazard_field(name)
