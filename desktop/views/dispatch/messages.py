"""Refusals of the squad and dispatch services, worded for the dispatcher (the service's English
message is kept for anything not recognised)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop import labels
from desktop.domain.errors import ConflictError, DomainError, NotFound, PermissionDenied, ValidationError
from desktop.domain.incident import IncidentRefused, incident_code
from desktop.domain.squad import StatusRefused
from desktop.services.dispatch import AlreadyEngaged

_MIN_FREE = re.compile(
    r"this leaves (?P<squad>.+) with (?P<free>\d+) free members \(minimum (?P<minimum>\d+)\)"
)
_OFF_DUTY = re.compile(r"(?P<name>.+) is off duty")
_NO_MATCH = re.compile(r"no enterprise address or grid name matches '(?P<text>.*)'")
_MANY = re.compile(r"'(?P<text>.*)' matches (?P<n>\d+) places")
_ABSENT = re.compile(r"(?P<name>.+) is (?P<what>on leave|in training)$")


def _status_word(value: str) -> str:
    for fn in (labels.incident_status, labels.member_status):
        try:
            return fn(value)
        except KeyError:
            continue
    return value


def error_text(err: DomainError) -> str:
    """A refusal in the user's language, saying what happened and what to do."""
    if isinstance(err, AlreadyEngaged):
        where = (
            incident_code(err.incident_id)
            if err.incident_id
            else QCoreApplication.translate("DispatchMessages", "another incident")
        )
        return QCoreApplication.translate(
            "DispatchMessages",
            "{name} is already dispatched to {where}: a unit is never dispatched twice. Nothing was "
            "dispatched; untick them or choose someone else.",
        ).format(name=err.name, where=where)
    if isinstance(err, ConflictError):
        return QCoreApplication.translate(
            "DispatchMessages",
            "A colleague changed this {what} since you opened it; nothing was saved. The view now "
            "shows their change: check it and try again.",
        ).format(what=_entity(err.entity))
    if isinstance(err, IncidentRefused):
        return QCoreApplication.translate(
            "DispatchMessages", "Not possible: the incident is “{current}”, it cannot become “{new}”."
        ).format(current=_status_word(err.current), new=_status_word(err.new))
    if isinstance(err, StatusRefused):
        return QCoreApplication.translate(
            "DispatchMessages", "Not possible: “{current}” cannot change to “{new}”."
        ).format(current=_status_word(err.current), new=_status_word(err.new))
    if isinstance(err, PermissionDenied):
        return QCoreApplication.translate("DispatchMessages", "Your account may not do this.")
    if isinstance(err, NotFound):
        return QCoreApplication.translate(
            "DispatchMessages", "It no longer exists (deleted by a colleague?)."
        )
    if isinstance(err, ValidationError):
        return _validation(err)
    return err.message


def _entity(name: str) -> str:
    return {
        "incident": QCoreApplication.translate("DispatchMessages", "incident"),
        "squad member": QCoreApplication.translate("DispatchMessages", "member"),
        "vehicle": QCoreApplication.translate("DispatchMessages", "vehicle"),
        "equipment": QCoreApplication.translate("DispatchMessages", "register line"),
        "settings": QCoreApplication.translate("DispatchMessages", "setting"),
    }.get(name, name)


def _validation(err: ValidationError) -> str:
    if err.field == "override_min_free" and (m := _MIN_FREE.search(err.reason)):
        return QCoreApplication.translate(
            "DispatchMessages",
            "This would leave {squad} with {free} free members (minimum {minimum}). Tick “override the "
            "minimum”, give a reason, and dispatch again.",
        ).format(**m.groupdict())
    if err.field == "override_off_duty" and (m := _OFF_DUTY.match(err.reason)):
        return QCoreApplication.translate(
            "DispatchMessages",
            "{name} is off duty. Tick “dispatch off-duty members”, give a reason, and dispatch again.",
        ).format(name=m["name"])
    if err.field == "team" and (m := _ABSENT.match(err.reason)):
        what = labels.member_status("leave" if m["what"] == "on leave" else "training")
        return QCoreApplication.translate(
            "DispatchMessages", "{name} is “{what}” and cannot be dispatched."
        ).format(name=m["name"], what=what)
    if err.field == "team":
        return QCoreApplication.translate("DispatchMessages", "Choose at least one member or vehicle.")
    if err.field == "reason":
        return QCoreApplication.translate(
            "DispatchMessages", "Closing an incident that was not handed over needs a reason."
        )
    if err.field == "to":
        return QCoreApplication.translate(
            "DispatchMessages", "Name who took over (for example the fire and rescue station)."
        )
    if err.field == "location":
        return _location(err.reason)
    return f"{labels.dispatch_field(err.field)}: {err.reason}"


def _location(reason: str) -> str:
    if m := _NO_MATCH.search(reason):
        return QCoreApplication.translate(
            "DispatchMessages", "No enterprise address or grid name matches “{text}”."
        ).format(text=m["text"])
    if m := _MANY.search(reason):
        return QCoreApplication.translate(
            "DispatchMessages", "“{text}” matches {n} places: choose one from the list."
        ).format(text=m["text"], n=m["n"])
    if "outside the district" in reason:
        return QCoreApplication.translate("DispatchMessages", "That point is outside the district.")
    if reason.startswith("give a point"):
        return QCoreApplication.translate(
            "DispatchMessages",
            "Type an address, enterprise, grid name or coordinates, or right-click the map.",
        )
    return QCoreApplication.translate("DispatchMessages", "Location: {reason}").format(reason=reason)
