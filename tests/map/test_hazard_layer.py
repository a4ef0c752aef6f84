"""The map's open-hazards layer: what it holds, its overdue flag, and its incremental update."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from desktop.data.feed import Change, Changes
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.hazard_terms import HazardStatus, district_today
from desktop.maps.catalogue import default_registry
from desktop.maps.hazard_layer import COLUMNS, HAZARDS
from desktop.services import hazards as hz
from tests.services.hazard_support import DUTY, LI, act, png, rectifying


def _rows(db, ids=None) -> dict[str, list]:
    with UnitOfWork(db, write=False) as uow:
        payload = json.loads((HAZARDS.update(uow, ids).upsert if ids else HAZARDS.build(uow)).json())
    return {r[0]: r for r in payload["rows"]}


def test_open_hazards_are_drawn_coloured_by_status_and_flagged_when_overdue(demo_sqlite):
    rows = _rows(demo_sqlite)
    col = {c: i for i, c in enumerate(COLUMNS)}
    with UnitOfWork(demo_sqlite, write=False) as uow:
        today = district_today()
        late = set(uow.session.scalars(select(Hazard.id).where(Hazard.overdue_able == 1, Hazard.deadline < today)))
    assert {r[col["status"]] for r in rows.values()} <= {s.value for s in HazardStatus if s.is_open}
    assert {int(i) for i, r in rows.items() if r[col["overdue"]]} == late and late
    assert all(r[col["name"]].startswith("YH") for r in rows.values())
    definition = HAZARDS.definition()
    assert definition["style"]["flag"] == "overdue" and len(definition["style"]["legend"]) == 5
    assert "hazards" in default_registry().ids()
    assert default_registry().affected(Changes((Change("hazard", "7", "updated"),)))["hazards"] == {"7"}


def test_a_closed_ticket_leaves_the_layer_and_a_new_one_joins_it(demo_sqlite):
    row = rectifying(demo_sqlite, deadline=district_today() + timedelta(days=2))
    assert str(row.id) in _rows(demo_sqlite, {str(row.id)})
    done = act(demo_sqlite, lambda u: hz.report_done(u, DUTY, row.id, note="已整改", expected_version=row.version,
                                                      evidence=[hz.NewAttachment("a.png", png(), "evidence")]))
    act(demo_sqlite, lambda u: hz.reinspect(u, LI, row.id, passed=True, expected_version=done.version))
    with UnitOfWork(demo_sqlite, write=False) as uow:
        update = HAZARDS.update(uow, {str(row.id), "x"})
    assert update.remove == (str(row.id),) and len(update.upsert) == 0

