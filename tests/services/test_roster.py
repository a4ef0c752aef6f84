"""A member's card, certifications, and the equipment register."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, ValidationError
from desktop.services import roster
from desktop.services.common import Actor
from tests.squad_world import T0

DUTY = Actor("duty", "值班员", Role.DUTY)


def test_member_card_and_certifications(world_sqlite):
    db, w = world_sqlite
    today = (T0 + timedelta(hours=8)).date()
    with UnitOfWork(db) as uow:
        roster.add_certification(uow, DUTY, w.members[0], "应急救援员（四级）", number="YJ1",
                                 issued_on=date(2021, 1, 1), expires_on=today - timedelta(days=1))
    with UnitOfWork(db) as uow:
        roster.add_certification(uow, DUTY, w.members[0], "红十字救护员证", expires_on=today + timedelta(days=10))
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        roster.add_certification(uow, DUTY, w.members[0], "x", issued_on=date(2026, 1, 2), expires_on=date(2026, 1, 1))
    assert err.value.field == "expires_on"
    with UnitOfWork(db, write=False) as uow:
        card = roster.member_detail(uow, w.members[0], now=T0)
    assert [c.state for c in card.certifications] == ["expired", "expiring"]
    assert (card.row.certs_expired, card.row.certs_expiring) == (1, 1) and card.row.call_sign == "T1"
    assert card.dispatches == () and card.assessment is not None and card.assessment.quarter == 2
    with UnitOfWork(db) as uow:
        roster.remove_certification(uow, DUTY, card.certifications[0].id)
    with UnitOfWork(db, write=False) as uow:
        assert len(roster.member_detail(uow, w.members[0], now=T0).certifications) == 1


def test_equipment_register(world_sqlite):
    db, w = world_sqlite
    with UnitOfWork(db, write=False) as uow:
        rows = roster.equipment_register(uow, now=T0)
    assert [(r.holder, r.kind, r.count) for r in rows[:3]] == [
        ("第一中队", "extinguisher", 10), ("第一中队", "radio", 6), ("第一中队", "cordon_kit", 2)]
    assert rows[-1].holder == "微型消防车1号"
    line = rows[0]
    data = roster.EquipmentInput("extinguisher", "maintenance", 2, sub_squad_id=w.squads[0],
                                 next_check=date(2026, 4, 30))
    with UnitOfWork(db) as uow:
        updated = roster.update_equipment(uow, DUTY, line.id, data, expected_version=line.version)
    assert (updated.state, updated.count, updated.check_due) == ("maintenance", 2, True)
    with UnitOfWork(db) as uow, pytest.raises(ConflictError):
        roster.update_equipment(uow, DUTY, line.id, data, expected_version=line.version)
    for bad, field in [(dict(count=-1), "count"), (dict(kind="hose"), "kind"), (dict(vehicle_id=w.vehicle), "holder")]:
        fields = dict(kind="radio", state="ready", count=1, sub_squad_id=w.squads[1]) | bad
        with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
            roster.add_equipment(uow, DUTY, roster.EquipmentInput(**fields))
        assert err.value.field == field
