"""An incident timeline entry in the user's language, worded from its `data` (the English `text`
stays the fallback and the tooltip). Keys per kind: desktop/services/incident_queries.TimelineEntry."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop import formats as fmt
from desktop import labels
from desktop.services.incident_queries import TimelineEntry


def _status(kind: str, value: str) -> str:
    try:
        return labels.member_status(value) if kind else labels.incident_status(value)
    except KeyError:
        return value


def _reported(d: dict) -> str:
    text = QCoreApplication.translate("Timeline", "Call logged: {type}, {severity}, at {address}").format(
        type=labels.incident_type(d["type"]),
        severity=labels.incident_severity(d["severity"]),
        address=d.get("address", ""),
    )
    if d.get("caller"):
        text += QCoreApplication.translate("Timeline", "; caller {caller}").format(caller=d["caller"])
    return text


def _incident_status(d: dict) -> str:
    text = QCoreApplication.translate("Timeline", "Status: {old} → {new}").format(
        old=_status("", d["from"]), new=_status("", d["to"])
    )
    if d.get("first_arrival"):
        text += QCoreApplication.translate("Timeline", " (first arrival: {name})").format(
            name=d["first_arrival"]
        )
    if d.get("to_whom"):
        text += QCoreApplication.translate("Timeline", ", handed over to {whom}").format(whom=d["to_whom"])
        if d.get("note"):
            text += f"; {d['note']}"
    if d.get("merged_into"):
        text += QCoreApplication.translate("Timeline", ", merged into {code}").format(code=d["merged_into"])
    elif d.get("reason"):
        text += QCoreApplication.translate("Timeline", ", reason: {reason}").format(reason=d["reason"])
    return text


def _dispatch(d: dict) -> str:
    text = QCoreApplication.translate("Timeline", "Dispatched {name}").format(name=d["name"])
    if d.get("eta_s") is not None:
        text += QCoreApplication.translate("Timeline", ", about {min} away ({km})").format(
            min=fmt.minutes(float(d["eta_s"])), km=fmt.km(float(d["distance_m"] or 0))
        )
    if d.get("override_off_duty"):
        text += QCoreApplication.translate("Timeline", " — off duty, dispatched by override")
        if d.get("reason"):
            text += f": {d['reason']}"
    return text


def _unit(d: dict) -> str:
    if d.get("from") == d.get("to") and d.get("note") == "check-in":
        return QCoreApplication.translate("Timeline", "{name} checked in ({status})").format(
            name=d["name"], status=_status("m", d["to"])
        )
    text = QCoreApplication.translate("Timeline", "{name}: {old} → {new}").format(
        name=d["name"], old=_status("m", d["from"]), new=_status("m", d["to"])
    )
    return text + (f" ({d['note']})" if d.get("note") else "")


def _merge(d: dict) -> str:
    try:
        at = fmt.clock(datetime.fromisoformat(d["reported_at"]))
    except (KeyError, TypeError, ValueError):
        at = ""
    if d.get("merged"):
        text = QCoreApplication.translate("Timeline", "Merged the duplicate report {code} (called {at})").format(
            code=d["merged"], at=at
        )
    else:  # the demo history records merges without the duplicate's number
        text = QCoreApplication.translate("Timeline", "Merged a repeat call")
    who = " ".join(x for x in (d.get("caller"), d.get("phone")) if x)
    if who:
        text += QCoreApplication.translate("Timeline", "; caller {caller}").format(caller=who)
    if d.get("description"):
        text += f"; {d['description']}"
    return text


def _note(e: TimelineEntry) -> str:
    d = e.data
    if "similar" in d:
        return QCoreApplication.translate("Timeline", "Similar incidents nearby: {codes}").format(
            codes=", ".join(d["similar"])
        )
    if d.get("override_min_free"):
        text = QCoreApplication.translate("Timeline", "Minimum of free members per sub-squad overridden")
        return text + (f": {d['reason']}" if d.get("reason") else "")
    return e.text  # a person's own words


def describe(e: TimelineEntry) -> str:
    d = e.data
    try:
        if e.kind == "note":
            return _note(e)
        if not d:
            return e.text
        if e.kind == "reported":
            return _reported(d)
        if e.kind == "status":
            return _incident_status(d)
        if e.kind == "dispatch":
            return _dispatch(d)
        if e.kind == "member":
            return _unit(d)
        if e.kind == "edit":
            return QCoreApplication.translate("Timeline", "Details corrected: {fields}").format(
                fields="、".join(labels.dispatch_field(f) for f in d.get("fields", []))
            )
        if e.kind == "merge":
            return _merge(d)
    except (KeyError, TypeError, ValueError):
        pass  # an older or unexpected entry: its own words
    return e.text
