"""Dispatch and tracking settings in the settings table (keys "dispatch" and "tracking")."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.data.tables import Setting
from desktop.data.uow import UnitOfWork
from desktop.domain.dispatch_settings import DispatchSettings, TrackingSettings
from desktop.domain.errors import ConflictError, DomainError, ValidationError
from desktop.services.common import Actor, Permission, require

log = logging.getLogger(__name__)

DISPATCH_KEY = "dispatch"
TRACKING_KEY = "tracking"


@dataclass(frozen=True)
class SettingsRecord:
    """The effective values (defaults filled in) and the row's version (None: never saved)."""

    key: str
    values: dict[str, Any]
    version: int | None


def _stored(uow: UnitOfWork, key: str) -> tuple[dict, int | None]:
    row = uow.session.get(Setting, key)
    if row is None:
        return {}, None
    try:
        data = json.loads(row.value)
    except ValueError:
        log.warning("setting %r is not JSON; using the defaults", key)
        return {}, row.version
    return (data if isinstance(data, dict) else {}), row.version


def get_dispatch_settings(uow: UnitOfWork) -> DispatchSettings:
    """The effective settings; a broken stored value falls back to the defaults (and is logged),
    so dispatch never stops over a setting."""
    data, _ = _stored(uow, DISPATCH_KEY)
    try:
        return DispatchSettings.from_json(data)
    except DomainError as exc:
        log.warning("dispatch settings invalid (%s); using the defaults", exc.message)
        return DispatchSettings()


def get_tracking_settings(uow: UnitOfWork) -> TrackingSettings:
    data, _ = _stored(uow, TRACKING_KEY)
    try:
        return TrackingSettings.from_json(data)
    except DomainError as exc:
        log.warning("tracking settings invalid (%s); using the defaults", exc.message)
        return TrackingSettings()


def settings_record(uow: UnitOfWork, key: str) -> SettingsRecord:
    if key == DISPATCH_KEY:
        values = get_dispatch_settings(uow).to_json()
    elif key == TRACKING_KEY:
        values = get_tracking_settings(uow).to_json()
    else:
        raise ValidationError("key", f"unknown settings {key!r}")
    return SettingsRecord(key, values, _stored(uow, key)[1])


def update_settings(uow: UnitOfWork, actor: Actor, key: str, changes: Mapping[str, Any], *,
                    expected_version: int | None) -> SettingsRecord:
    """Merge `changes` into the stored settings after validating the whole result.

    `expected_version` is the version read with the form (None when it was never saved)."""
    require(actor, Permission.CONFIGURE)
    parse = {DISPATCH_KEY: DispatchSettings.from_json, TRACKING_KEY: TrackingSettings.from_json}.get(key)
    if parse is None:
        raise ValidationError("key", f"unknown settings {key!r}")
    s = uow.session
    row = s.get(Setting, key)
    current = None if row is None else row.version
    if current != expected_version:
        raise ConflictError("settings", key, f"now at version {current}")
    data, _ = _stored(uow, key)
    merged = {**data, **dict(changes)}
    values = parse(merged).to_json()  # raises ValidationError naming the field
    text = json.dumps(values, ensure_ascii=False, sort_keys=True)
    if row is None:
        row = Setting(key=key, value=text)
        s.add(row)
    else:
        row.value = text
    s.flush()
    uow.record(actor.username, "setting", key, "updated", f"{key} settings: {', '.join(sorted(changes))}")
    uow.commit()
    return SettingsRecord(key, values, row.version)
