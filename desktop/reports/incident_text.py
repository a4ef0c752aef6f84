"""An incident's timeline entries worded in Chinese from their kind and `data` (the keys per kind
are listed on desktop.services.incident_queries.TimelineEntry); an entry this does not know, or a
person's own note, keeps its recorded words. The Qt screen words the same entries through tr()."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.incident import EventKind
from desktop.domain.incident_terms import (
    EDIT_FIELD_ZH,
    INCIDENT_SEVERITY_ZH,
    INCIDENT_STATUS_ZH,
    INCIDENT_TYPE_ZH,
    MEMBER_STATUS_ZH,
    zh,
)
from desktop.reports.report_text import clock, duration
from desktop.services.incident_queries import TimelineEntry


def km(metres: float | None) -> str:
    if metres is None:
        return "—"
    return f"{metres:.0f}米" if metres < 1000 else f"{metres / 1000:.1f}公里"


def _reported(d: dict) -> str:
    text = (f"接警：{zh(INCIDENT_TYPE_ZH, d['type'])}，{zh(INCIDENT_SEVERITY_ZH, d['severity'])}，"
            f"地点 {d.get('address', '')}")
    return text + (f"；报警人 {d['caller']}" if d.get("caller") else "")


def _status(d: dict) -> str:
    new = d["to"]
    if new == "handed_over" and d.get("to_whom"):
        text = f"移交{d['to_whom']}，由其接手处置"
        return text + (f"；{d['note']}" if d.get("note") else "")
    if new == "closed":
        if d.get("merged_into"):
            return f"结案：重复报警，并入 {d['merged_into']}"
        return "结案" + (f"：{d['reason']}" if d.get("reason") else "")
    text = f"警情状态：{zh(INCIDENT_STATUS_ZH, d['from'])} → {zh(INCIDENT_STATUS_ZH, new)}"
    if d.get("first_arrival"):
        text += f"（首到：{d['first_arrival']}）"
    return text


def _dispatch(d: dict) -> str:
    text = f"派出 {d['name']}"
    if d.get("eta_s") is not None:
        text += f"，距离约 {km(d.get('distance_m'))}，预计 {duration(float(d['eta_s']))} 到达"
    if d.get("override_off_duty"):
        text += "（下班人员，经确认派出" + (f"：{d['reason']}" if d.get("reason") else "") + "）"
    return text


def _unit(d: dict) -> str:
    if d.get("from") == d.get("to") and d.get("note") == "check-in":
        return f"与 {d['name']} 联络确认（{zh(MEMBER_STATUS_ZH, d['to'])}）"
    text = f"{d['name']}：{zh(MEMBER_STATUS_ZH, d['from'])} → {zh(MEMBER_STATUS_ZH, d['to'])}"
    return text + (f"（{d['note']}）" if d.get("note") else "")


def _merge(d: dict) -> str:
    try:
        at = clock(datetime.fromisoformat(d["reported_at"]))
    except (KeyError, TypeError, ValueError):
        at = ""
    text = f"并入重复报警 {d['merged']}" + (f"（{at} 来电）" if at else "")
    who = " ".join(x for x in (d.get("caller"), d.get("phone")) if x)
    if who:
        text += f"；报警人 {who}"
    return text + (f"；{d['description']}" if d.get("description") else "")


def _note(e: TimelineEntry) -> str:
    d = e.data
    if "similar" in d:
        return "附近有相似警情：" + "、".join(d["similar"])
    if d.get("override_min_free"):
        return "经确认突破各中队最低待命人数" + (f"：{d['reason']}" if d.get("reason") else "")
    return "备注：" + e.text  # a person's own words


def describe(e: TimelineEntry) -> str:
    """The entry in Chinese."""
    d = e.data
    try:
        if e.kind == EventKind.NOTE:
            return _note(e)
        if not d:
            return e.text
        if e.kind == EventKind.REPORTED:
            return _reported(d)
        if e.kind == EventKind.STATUS:
            return _status(d)
        if e.kind == EventKind.DISPATCH:
            return _dispatch(d)
        if e.kind == EventKind.MEMBER:
            return _unit(d)
        if e.kind == EventKind.EDIT:
            return "更正警情信息：" + "、".join(EDIT_FIELD_ZH.get(f, f) for f in d.get("fields", []))
        if e.kind == EventKind.MERGE:
            return _merge(d)
    except (KeyError, TypeError, ValueError):
        pass  # an older or unexpected entry: its own words
    return e.text
