"""Chinese names of the incident and squad vocabulary, for the Qt-free reports (the GUI has its own
translated labels in desktop/labels.py; the words here are the same as its Chinese catalogue)."""

from __future__ import annotations

from desktop.domain.incident import IncidentStatus, IncidentType, Severity
from desktop.domain.squad import MemberStatus, ShiftKind, VehicleStatus

INCIDENT_TYPE_ZH = {
    IncidentType.FIRE: "火灾",
    IncidentType.GAS_LEAK: "燃气泄漏",
    IncidentType.HAZMAT: "危化品事故",
    IncidentType.COLLAPSE: "坍塌",
    IncidentType.TRAFFIC: "交通事故",
    IncidentType.FLOODING: "内涝",
    IncidentType.OTHER: "其他警情",
}
INCIDENT_SEVERITY_ZH = {
    Severity.LOW: "一般(Ⅳ级)",
    Severity.MEDIUM: "较大(Ⅲ级)",
    Severity.HIGH: "重大(Ⅱ级)",
    Severity.CRITICAL: "特别重大(Ⅰ级)",
}
INCIDENT_STATUS_ZH = {
    IncidentStatus.REPORTED: "已接警",
    IncidentStatus.DISPATCHED: "已调度",
    IncidentStatus.ON_SCENE: "已到场",
    IncidentStatus.HANDED_OVER: "已移交",
    IncidentStatus.CLOSED: "已结案",
}
MEMBER_STATUS_ZH = {
    MemberStatus.AVAILABLE: "待命",
    MemberStatus.DISPATCHED: "已派遣",
    MemberStatus.EN_ROUTE: "途中",
    MemberStatus.ON_SCENE: "到场",
    MemberStatus.RETURNING: "返回",
    MemberStatus.OFF_DUTY: "下班",
    MemberStatus.TRAINING: "训练",
    MemberStatus.LEAVE: "请假",
    VehicleStatus.MAINTENANCE: "维修",
}
SHIFT_ZH = {ShiftKind.DAY: "白班", ShiftKind.NIGHT: "夜班", ShiftKind.STANDBY: "备勤"}
EDIT_FIELD_ZH = {
    "type": "警情类型", "severity": "等级", "caller": "报警人", "phone": "电话", "description": "警情描述",
    "address": "地址",
}


def zh(table: dict, value: object) -> str:
    """The Chinese name of an enum value, or the value itself when the table lacks it (data
    written by a newer SafeGrid)."""
    try:
        return table[value]
    except (KeyError, ValueError):
        return str(value)
