"""The incident report read back: its facts, response times and units equal the incident's rows, the
timeline is worded in Chinese, the hand-over names who took over and when."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from desktop.data.engine import Database, open_database
from desktop.data.tables import SquadMember
from desktop.data.tables_dispatch import Dispatch, Incident
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import local_time
from desktop.domain.incident import EventKind, IncidentStatus, incident_code
from desktop.reports.incident_text import describe
from desktop.reports.kinds import INCIDENT, IncidentParams
from desktop.reports.report_text import duration
from desktop.services.common import SYSTEM
from desktop.services.incident_queries import TimelineEntry
from tests.reports.pdf import assert_fonts_embedded, page_texts


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("incident") / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


def _build(db: Database, ident: str, out):
    with UnitOfWork(db, write=False) as uow:
        return INCIDENT.build(uow, SYSTEM, IncidentParams(ident), out)


def _flat(texts: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(texts))


def test_a_handed_over_incident_reads_back_as_recorded(demo_db, tmp_path):
    with UnitOfWork(demo_db, write=False) as uow:
        s = uow.session
        i = s.scalars(select(Incident).where(Incident.handed_over_to != "", Incident.dispatched_at.is_not(None),
                                             Incident.arrived_at.is_not(None)).order_by(Incident.id.desc())).first()
        names = s.scalars(select(SquadMember.name).join(Dispatch, Dispatch.member_id == SquadMember.id)
                          .where(Dispatch.incident_id == i.id)).all()
        facts = (i.id, i.handed_over_to, i.handed_over_at, i.reported_at, i.dispatched_at, i.arrived_at, i.address)
    ident, receiver, handed_at, called, sent, arrived, address = facts
    out = tmp_path / "incident.pdf"
    outcome = _build(demo_db, incident_code(ident), out)
    texts = page_texts(out)
    flat = _flat(texts)
    assert outcome.pages == len(texts)
    assert "突发事件处置情况报告" in texts[0] and "泉山区应急管理局" in texts[0] and incident_code(ident) in texts[0]
    day = local_time(called)
    assert f"{day.year}年{day.month}月{day.day}日" in texts[0]
    assert _flat([address]) in flat
    assert f"{local_time(handed_at):%H:%M}，由" in flat and f"移交{_flat([receiver])}" in flat
    assert duration((sent - called).total_seconds()) in flat and duration((arrived - sent).total_seconds()) in flat
    assert names and all(n in flat for n in names)
    assert all(f"派出{n}" in flat for n in names)  # the timeline, worded in Chinese
    assert "一、基本情况" in flat and "四、处置经过" in flat and "五、移交与结案" in flat
    assert "dispatched" not in flat and "on_scene" not in flat
    assert_fonts_embedded(out)


def test_an_open_call_without_units_says_so(demo, tmp_path):
    with UnitOfWork(demo, write=False) as uow:
        ident = uow.session.scalar(select(Incident.id).where(Incident.status == IncidentStatus.REPORTED)
                                   .order_by(Incident.id.desc()))
    out = tmp_path / "open.pdf"
    _build(demo, str(ident), out)
    flat = _flat(page_texts(out))
    assert "未调派突击队力量" in flat and "本警情未移交消防救援力量" in flat and "仍在处置中（已接警）" in flat


@pytest.mark.parametrize("ident", ["JQ999999", "0", "abc", "JQ"])
def test_an_unknown_incident_is_refused_naming_the_field(demo, tmp_path, ident):
    with pytest.raises(ValidationError) as err:
        _build(demo, ident, tmp_path / "x.pdf")
    assert err.value.field == "incident" and not (tmp_path / "x.pdf").exists()


def _entry(kind: EventKind, data: dict, text: str = "english") -> TimelineEntry:
    return TimelineEntry(1, datetime(2026, 11, 28, 2, 0, tzinfo=UTC), "duty", kind, text, data, None, None)


@pytest.mark.parametrize(("kind", "data", "words"), [
    (EventKind.REPORTED, {"type": "gas_leak", "severity": "medium", "address": "大学路1号", "caller": "王敏"},
     "接警：燃气泄漏，较大(Ⅲ级)，地点 大学路1号；报警人 王敏"),
    (EventKind.STATUS, {"from": "dispatched", "to": "on_scene", "first_arrival": "梁慧"},
     "警情状态：已调度 → 已到场（首到：梁慧）"),
    (EventKind.STATUS, {"from": "on_scene", "to": "handed_over", "to_whom": "金山消防站", "note": ""},
     "移交金山消防站，由其接手处置"),
    (EventKind.STATUS, {"from": "reported", "to": "closed", "reason": "误报"}, "结案：误报"),
    (EventKind.STATUS, {"from": "reported", "to": "closed", "reason": "x", "merged_into": "JQ000007"},
     "结案：重复报警，并入 JQ000007"),
    (EventKind.DISPATCH, {"name": "林颖浩", "distance_m": 1396.0, "eta_s": 390.9, "override_off_duty": False},
     "派出 林颖浩，距离约 1.4公里，预计 6分31秒 到达"),
    (EventKind.MEMBER, {"name": "梁慧", "from": "on_scene", "to": "returning", "note": ""}, "梁慧：到场 → 返回"),
    (EventKind.MEMBER, {"name": "梁慧", "from": "on_scene", "to": "on_scene", "note": "check-in"},
     "与 梁慧 联络确认（到场）"),
    (EventKind.EDIT, {"fields": ["address", "phone"]}, "更正警情信息：地址、电话"),
    (EventKind.NOTE, {"similar": ["JQ000001", "JQ000002"]}, "附近有相似警情：JQ000001、JQ000002"),
    (EventKind.NOTE, {}, "备注：english"),
    (EventKind.STATUS, {"unexpected": 1}, "english"),  # an entry it cannot word keeps its own
])
def test_timeline_entries_in_chinese(kind, data, words):
    assert describe(_entry(kind, data)) == words
