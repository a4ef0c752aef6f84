"""The duty daily (值班日报) read back from the PDF: its figures equal what the database holds for
the period, counted here straight through the ORM; a quiet day is still issued and says so."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.data.engine import Database, open_database
from desktop.data.tables_dispatch import Incident
from desktop.data.tables_hazards import Hazard, HazardEvent
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import DISTRICT_TZ, HazardStatus, district_today
from desktop.domain.incident import incident_code
from desktop.domain.progress import Cancelled, Progress
from desktop.domain.squad import ShiftKind
from desktop.reports.kinds import DAILY, DailyParams
from desktop.services.common import SYSTEM
from desktop.services.hazard_history import open_at
from desktop.services.hazard_query import hazard_code
from desktop.services.situation import report_period
from tests.reports.pdf import assert_fonts_embedded, page_texts


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Iterator[Database]:
    """One read-only copy of the demo district for the module."""
    path = tmp_path_factory.mktemp("daily") / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


def _build(db: Database, day: date, out, shift: str | None = None, progress: Progress | None = None):
    with UnitOfWork(db, write=False) as uow:
        return DAILY.build(uow, SYSTEM, DailyParams(day, shift), out, progress)


def _span(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, DISTRICT_TZ)
    return start, start + timedelta(days=1)


def _orm_figures(db: Database, day: date) -> dict[str, int]:
    """Found, closed off and called in on `day`, counted here without the report's service."""
    start, end = _span(day)
    with UnitOfWork(db, write=False) as uow:
        s = uow.session

        def n(*where) -> int:
            return s.scalar(select(func.count()).select_from(Hazard).where(*where))

        return {
            "found": n(Hazard.created_at >= start, Hazard.created_at < end),
            "closed": n(Hazard.closed_at >= start, Hazard.closed_at < end),
            "incidents": s.scalar(select(func.count()).select_from(Incident).where(
                Incident.reported_at >= start, Incident.reported_at < end, Incident.merged_into_id.is_(None))),
        }


def _flat(texts: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(texts))


def _change(now: int, before: int, unit: str) -> str:
    diff = now - before
    return "与上日持平" if not diff else f"较上日{'增加' if diff > 0 else '减少'}{abs(diff)}{unit}"


def test_yesterdays_figures_equal_the_database(demo_db, tmp_path):
    day = district_today() - timedelta(days=1)
    want, before = _orm_figures(demo_db, day), _orm_figures(demo_db, day - timedelta(days=1))
    assert want["found"] and want["closed"]  # the demo's history has activity every day
    out = tmp_path / "daily.pdf"
    outcome = _build(demo_db, day, out)
    texts = page_texts(out)
    assert outcome.pages == len(texts) >= 2
    first = texts[0]
    assert "安全生产值班日报" in first and "泉山区应急管理局" in first
    assert f"{day.year}年{day.month}月{day.day}日" in first and "统计时段：全天 00:00—24:00" in first
    flat = _flat(texts)
    assert f"本日新发现隐患{want['found']}条（{_change(want['found'], before['found'], '条')}）" in flat
    assert f"销号{want['closed']}条（{_change(want['closed'], before['closed'], '条')}）" in flat
    tiles = re.sub(r"\s+", " ", first)
    assert re.search(rf"\b{want['found']} 新发现隐患", tiles) and re.search(rf"\b{want['closed']} 销号隐患", tiles)
    with UnitOfWork(demo_db, write=False) as uow:  # every call of the day is listed by its code
        start, end = _span(day)
        calls = uow.session.scalars(select(Incident.id).where(Incident.reported_at >= start, Incident.reported_at < end,
                                                              Incident.merged_into_id.is_(None))).all()
    assert len(calls) == want["incidents"]
    assert all(incident_code(i) in flat for i in calls)
    if calls:
        assert f"本日接报突发事件{len(calls)}起" in flat
    for n, text in enumerate(texts, 1):
        assert f"第 {n} 页 共 {len(texts)} 页" in text
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert_fonts_embedded(out)


def test_todays_overdue_and_major_hazards_are_the_hazard_screens(demo, tmp_path):
    today = district_today()
    with UnitOfWork(demo, write=False) as uow:
        s = uow.session
        overdue = s.scalar(select(func.count()).select_from(Hazard).where(Hazard.overdue_able == 1,
                                                                          Hazard.deadline < today))
        open_statuses = [st.value for st in HazardStatus if st.is_open]
        majors = s.execute(select(Hazard.id, Hazard.created_at).where(Hazard.severity == "major",
                                                                      Hazard.status.in_(open_statuses))).all()
        open_count = s.scalar(select(func.count()).select_from(Hazard).where(Hazard.status.in_(open_statuses)))
    out = tmp_path / "today.pdf"
    _build(demo, today, out)
    flat = _flat(page_texts(out))
    assert f"全区在办隐患{open_count}条，其中逾期未整改{overdue}条" in flat
    assert f"重大隐患{len(majors)}条" in flat and f"在办重大隐患清单（{len(majors)}条）" in flat
    assert all(hazard_code(i, at) in flat for i, at in majors)
    assert "截至" in flat


def test_a_quiet_day_is_still_issued_and_says_so(demo, tmp_path):
    day = district_today() - timedelta(days=500)  # before the demo's year of history
    assert _orm_figures(demo, day) == {"found": 0, "closed": 0, "incidents": 0}
    out = tmp_path / "quiet.pdf"
    outcome = _build(demo, day, out)
    flat = _flat(page_texts(out))
    assert "本日无新增隐患，无隐患销号，未接报突发事件。" in flat
    assert "本日新发现隐患0条" in flat and "当前无在办重大隐患" in flat and "本日未接报突发事件" in flat
    assert "quiet" in outcome.summary


def test_a_shift_is_compared_with_the_shift_before(demo, tmp_path):
    day = district_today() - timedelta(days=1)
    p = report_period(day, ShiftKind.DAY)
    assert (p.start.hour, p.end.hour) == (8, 20)
    assert p.previous() == report_period(day - timedelta(days=1), ShiftKind.NIGHT)
    assert report_period(day, "night").previous() == p
    assert report_period(day).previous() == report_period(day - timedelta(days=1))
    with UnitOfWork(demo, write=False) as uow:
        found = uow.session.scalar(select(func.count()).select_from(Hazard).where(
            Hazard.created_at >= p.start, Hazard.created_at < p.end))
    out = tmp_path / "shift.pdf"
    _build(demo, day, out, "day")
    flat = _flat(page_texts(out))
    assert "统计时段：白班08:00—20:00" in flat and f"本班新发现隐患{found}条" in flat and "较上一班" in flat


def test_a_day_not_begun_is_refused_naming_the_date(demo, tmp_path):
    with pytest.raises(ValidationError) as err:
        _build(demo, district_today() + timedelta(days=2), tmp_path / "x.pdf")
    assert err.value.field == "date" and not (tmp_path / "x.pdf").exists()


def test_a_cancel_leaves_no_file(demo, tmp_path):
    progress = Progress(lambda d, t, _: d >= 1 and progress.cancel())
    with pytest.raises(Cancelled):
        _build(demo, district_today(), tmp_path / "c.pdf", progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_open_tickets_at_a_past_moment_replay_the_log(demo_db):
    """At midnight a week ago: open = found by then and neither closed off nor dismissed by then;
    and now, the replayed log agrees with the rows exactly (status, severity and deadline)."""
    at = datetime.combine(district_today() - timedelta(days=7), time.min, DISTRICT_TZ)
    with UnitOfWork(demo_db, write=False) as uow:
        s = uow.session
        dismissed_by_then = select(HazardEvent.hazard_id).where(HazardEvent.to_status == "dismissed",
                                                                HazardEvent.at <= at)
        expected = set(s.scalars(select(Hazard.id).where(
            Hazard.created_at <= at, (Hazard.closed_at.is_(None)) | (Hazard.closed_at > at),
            Hazard.id.not_in(dismissed_by_then))))
        then = open_at(uow, at)
        now = utcnow()
        assert open_at(uow, now, now=now, replay=True) == open_at(uow, now, now=now)
    assert {h.id for h in then} == expected and len(expected) > 50
    assert all(h.status.is_open for h in then)
