"""Hazard actions through the services: the loop, routing, refusals (nothing written), files."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.data.tables import AuditEntry, ChangeFeedEntry, Department
from desktop.domain.enums import Tier
from desktop.domain.errors import DomainError, PermissionDenied, ValidationError
from desktop.domain.hazard_flow import HazardAction as A
from desktop.domain.hazard_terms import (
    AttachmentKind,
    Category,
    HazardStatus,
    Reinspection,
    Severity,
    district_today,
)
from desktop.services import hazards as hz
from desktop.services.hazard_files import MAX_BYTES
from tests.services.hazard_support import (
    ADMIN,
    DUTY,
    LI,
    PDF,
    VIEWER,
    ZHANG,
    act,
    enterprise,
    new_hazard,
    photo,
    plan,
    png,
    public_point,
    read,
    rectifying,
    snapshot,
)

S = HazardStatus


def test_the_closed_loop_through_the_services(demo_db):
    row = rectifying(demo_db)
    assert row.status is S.RECTIFYING and row.responsible.startswith("王建国")
    done = act(demo_db, lambda u: hz.report_done(u, ZHANG, row.id, note="已清理", evidence=[photo("after.png")],
                                                 expected_version=row.version))
    assert done.status is S.AWAITING_REINSPECTION
    closed = act(demo_db, lambda u: hz.reinspect(u, LI, row.id, passed=True, note="合格",
                                                 expected_version=done.version))
    assert closed.status is S.CLOSED and closed.reinspection is Reinspection.PASSED and closed.closed_at
    detail = read(demo_db, lambda u: hz.detail(u, row.id, DUTY))
    assert [e.action for e in detail.timeline] == [A.REPORT, A.CLASSIFY, A.ASSIGN, A.REPORT_DONE, A.REINSPECT_PASS]
    assert [e.actor_name for e in detail.timeline][-2:] == ["张伟", "李娜"]
    assert detail.timeline[3].attachments[0].kind is AttachmentKind.EVIDENCE
    assert detail.timeline[0].attachments[0].thumbnail.startswith(b"\xff\xd8")  # a JPEG thumbnail
    assert detail.allowed == {A.NOTE, A.ATTACH}
    feed = read(demo_db, lambda u: u.session.scalars(select(ChangeFeedEntry.action).where(
        ChangeFeedEntry.entity == "hazard", ChangeFeedEntry.entity_id == str(row.id))).all())
    assert feed == ["created"] + ["updated"] * 4
    audit = read(demo_db, lambda u: u.session.scalars(select(AuditEntry.actor).where(
        AuditEntry.entity == "hazard", AuditEntry.entity_id == str(row.id))).all())
    assert audit == ["duty", "duty", "duty", "zhangwei", "lina"]


def test_a_failed_reinspection_returns_it_with_a_new_deadline(demo_sqlite):
    row = rectifying(demo_sqlite)
    done = act(demo_sqlite, lambda u: hz.report_done(u, ZHANG, row.id, note="好了", evidence=[photo()],
                                                     expected_version=row.version))
    new = district_today() + timedelta(days=7)
    back = act(demo_sqlite, lambda u: hz.reinspect(u, LI, row.id, passed=False, note="仍有杂物", new_deadline=new,
                                                   expected_version=done.version))
    assert (back.status, back.deadline, back.return_count, back.reinspection) == (S.RECTIFYING, new, 1,
                                                                                  Reinspection.FAILED)
    # the next round needs fresh evidence
    with pytest.raises(ValidationError, match="evidence"):
        act(demo_sqlite, lambda u: hz.report_done(u, ZHANG, row.id, note="again", expected_version=back.version))


def _refusals(db):
    """(name, action, expected error field) for one ticket in each relevant state."""
    found = new_hazard(db)
    rect = rectifying(db)
    done = act(db, lambda u: hz.report_done(u, ZHANG, rect.id, note="好了", evidence=[photo()],
                                            expected_version=rect.version))
    major = new_hazard(db, severity=Severity.MAJOR)
    major = act(db, lambda u: hz.classify(u, DUTY, major.id, severity=Severity.MAJOR, expected_version=major.version))
    past = district_today() - timedelta(days=1)
    classified = act(db, lambda u: hz.classify(u, DUTY, found.id, severity=Severity.GENERAL,
                                               expected_version=found.version))
    big = hz.NewAttachment("huge.jpg", b"\xff" * (MAX_BYTES + 1), AttachmentKind.PHOTO)
    return [
        ("illegal transition", lambda u: hz.report_done(u, DUTY, classified.id, note="x", evidence=[photo()],
                                                        expected_version=classified.version), "status"),
        ("deadline in the past", lambda u: hz.assign(u, DUTY, classified.id, responsible="王", deadline=past,
                                                     expected_version=classified.version), "deadline"),
        ("empty responsible", lambda u: hz.assign(u, DUTY, classified.id, responsible="  ",
                                                  expected_version=classified.version), "responsible"),
        ("re-inspection by the rectifier", lambda u: hz.reinspect(u, ZHANG, done.id, passed=True,
                                                                  expected_version=done.version), "reinspector"),
        ("major without plan", lambda u: hz.assign(u, DUTY, major.id, responsible="王",
                                                   expected_version=major.version), "plan"),
        ("empty dismissal reason", lambda u: hz.dismiss(u, DUTY, classified.id, "",
                                                        expected_version=classified.version), "reason"),
        ("empty description", lambda u: hz.report(u, DUTY, hz.HazardReport(Category.FIRE, "  ",
                                                  enterprise_id=enterprise(db))), "description"),
        ("attachment over the cap", lambda u: hz.attach(u, DUTY, classified.id, [big]), "files"),
        ("not an image where one is required", lambda u: hz.attach(u, DUTY, classified.id, [
            hz.NewAttachment("notes.txt", b"just text", AttachmentKind.PHOTO)]), "files"),
        ("a PDF as a photo", lambda u: hz.attach(u, DUTY, classified.id, [
            hz.NewAttachment("plan.pdf", PDF, AttachmentKind.EVIDENCE)]), "files"),
        ("empty file", lambda u: hz.attach(u, DUTY, classified.id, [hz.NewAttachment("a.png", b"")]), "files"),
        ("override without reason", lambda u: hz.classify(u, DUTY, classified.id, severity=Severity.GENERAL,
                                                          override=hz.RouteOverride(1, Tier.STREET, ""),
                                                          expected_version=classified.version), "reason"),
        ("point outside the district", lambda u: hz.report(u, DUTY, hz.HazardReport(
            Category.OTHER, "井盖缺失", lon=100.0, lat=20.0, place="远方")), "location"),
        ("no place for a point", lambda u: hz.report(u, DUTY, hz.HazardReport(
            Category.OTHER, "井盖缺失", lon=public_point(db)[0], lat=public_point(db)[1])), "place"),
    ]


def test_every_refusal_names_its_field_and_writes_nothing(demo_sqlite):
    for name, action, field in _refusals(demo_sqlite):
        before = snapshot(demo_sqlite)
        with pytest.raises(ValidationError) as err:
            act(demo_sqlite, action)
        assert err.value.field == field, (name, err.value.message)
        assert snapshot(demo_sqlite) == before, name


def test_refusals_write_nothing_on_postgres_too(demo_pg):
    for name, action, field in _refusals(demo_pg)[:4]:
        before = snapshot(demo_pg)
        with pytest.raises(ValidationError) as err:
            act(demo_pg, action)
        assert err.value.field == field, name
        assert snapshot(demo_pg) == before, name


def test_viewers_may_only_add_notes(demo_sqlite):
    row = new_hazard(demo_sqlite)
    before = snapshot(demo_sqlite)
    with pytest.raises(PermissionDenied):
        act(demo_sqlite, lambda u: hz.classify(u, VIEWER, row.id, severity=Severity.GENERAL, expected_version=None))
    with pytest.raises(PermissionDenied):
        act(demo_sqlite, lambda u: hz.report(u, VIEWER, hz.HazardReport(Category.FIRE, "x", enterprise_id=1)))
    assert snapshot(demo_sqlite) == before
    noted = act(demo_sqlite, lambda u: hz.add_note(u, VIEWER, row.id, "请抓紧整改"))
    assert noted.status is S.FOUND and noted.version == row.version + 1


def _dept(db, name: str) -> int:
    return read(db, lambda u: u.session.scalar(select(Department.id).where(Department.name == name)))


def test_routing_by_tier_rule_and_place(demo_sqlite):
    district = new_hazard(demo_sqlite, enterprise_id=enterprise(demo_sqlite, tier=Tier.DISTRICT))
    street = new_hazard(demo_sqlite, enterprise_id=enterprise(demo_sqlite, tier=Tier.STREET))
    lon, lat, grid, street_grid = public_point(demo_sqlite)
    public = act(demo_sqlite, lambda u: hz.report(u, DUTY, hz.HazardReport(
        Category.OTHER, "广告牌松动", lon=lon, lat=lat, place="解放南路口")))
    assert (public.grid_id, public.street_id) == (grid, street_grid)
    routed = {}
    for row in (district, street, public):
        routed[row.id] = act(demo_sqlite, lambda u, r=row: hz.classify(u, DUTY, r.id, severity=Severity.GENERAL,
                                                                       expected_version=r.version))
    d, s, p = routed[district.id], routed[street.id], routed[public.id]
    assert d.tier is Tier.DISTRICT and d.department_id is not None and not d.unrouted
    assert s.tier is Tier.STREET and s.department_id is not None
    assert p.tier is Tier.STREET and p.department_id is None and not p.unrouted
    card = read(demo_sqlite, lambda u: hz.detail(u, district.id, DUTY))
    assert card.supervisor == f"{d.department}(抄告{d.street})"
    assert read(demo_sqlite, lambda u: hz.detail(u, public.id, DUTY)).supervisor == p.street


def test_a_gap_industry_waits_unrouted_until_overridden_with_a_reason(demo_sqlite):
    queued = read(demo_sqlite, lambda u: hz.queues(u, DUTY)).unrouted
    row = new_hazard(demo_sqlite, enterprise_id=enterprise(demo_sqlite, gap=True))
    gap = act(demo_sqlite, lambda u: hz.classify(u, DUTY, row.id, severity=Severity.GENERAL,
                                                 expected_version=row.version))
    assert gap.unrouted and gap.department_id is None
    assert read(demo_sqlite, lambda u: hz.queues(u, DUTY)).unrouted == queued + 1
    listed = read(demo_sqlite, lambda u: hz.page(u, hz.queue_query(hz.Queue.UNROUTED, DUTY), limit=500))
    assert row.id in {r.id for r in listed.rows}
    with pytest.raises(ValidationError, match="department"):
        act(demo_sqlite, lambda u: hz.assign(u, DUTY, row.id, responsible="王", expected_version=gap.version))
    culture = _dept(demo_sqlite, "区文体旅局")
    routed = act(demo_sqlite, lambda u: hz.classify(
        u, DUTY, row.id, severity=Severity.GENERAL, expected_version=gap.version,
        override=hz.RouteOverride(culture, Tier.STREET, "新业态暂由文体旅局牵头")))
    assert routed.department_id == culture and not routed.unrouted
    assert read(demo_sqlite, lambda u: hz.detail(u, row.id, DUTY)).route_note == "新业态暂由文体旅局牵头"
    assert read(demo_sqlite, lambda u: hz.queues(u, DUTY)).unrouted == queued


def test_major_hazard_with_a_plan_and_the_default_deadline(demo_sqlite):
    row = new_hazard(demo_sqlite, severity=Severity.MAJOR)
    row = act(demo_sqlite, lambda u: hz.classify(u, DUTY, row.id, severity=Severity.MAJOR,
                                                 expected_version=row.version))
    policy, _ = read(demo_sqlite, hz.hazard_policy)
    assigned = act(demo_sqlite, lambda u: hz.assign(u, DUTY, row.id, responsible="王", plan=plan(),
                                                    expected_version=row.version))
    assert assigned.deadline == district_today() + timedelta(days=policy.major_days)
    files = read(demo_sqlite, lambda u: hz.detail(u, row.id, DUTY)).attachments
    assert [(f.kind, f.mime, f.thumbnail) for f in files][-1] == (AttachmentKind.PLAN, "application/pdf", None)
    content = read(demo_sqlite, lambda u: hz.attachment_content(u, files[-1].id))
    assert content.data == PDF and content.filename == "整改方案.pdf"


def test_bulk_assign_assigns_what_it_can_and_says_why_not(demo_sqlite):
    a = act(demo_sqlite, lambda u: hz.classify(u, DUTY, new_hazard(demo_sqlite).id, severity=Severity.GENERAL,
                                               expected_version=None))
    b = act(demo_sqlite, lambda u: hz.classify(u, DUTY, new_hazard(demo_sqlite).id, severity=Severity.MAJOR,
                                               expected_version=None))
    c = new_hazard(demo_sqlite)
    result = act(demo_sqlite, lambda u: hz.bulk_assign(u, DUTY, {a.id: a.version, b.id: b.version, c.id: c.version},
                                                       responsible="街道安监办"))
    assert result.done == (a.id,)
    assert dict(result.skipped).keys() == {b.id, c.id}
    assert "plan" in dict(result.skipped)[b.id] and "found" in dict(result.skipped)[c.id]
    with pytest.raises(ValidationError, match="deadline"):
        act(demo_sqlite, lambda u: hz.bulk_assign(u, DUTY, {c.id: None}, responsible="x",
                                                  deadline=district_today() - timedelta(days=3)))


def test_attachments_get_thumbnails_and_images_only_where_required(demo_sqlite):
    row = new_hazard(demo_sqlite)
    big_photo = hz.NewAttachment("big.png", png((2000, 1000)), AttachmentKind.PHOTO)
    act(demo_sqlite, lambda u: hz.attach(u, DUTY, row.id, [big_photo, hz.NewAttachment("说明.pdf", PDF,
                                                                                         AttachmentKind.DOCUMENT)]))
    files = read(demo_sqlite, lambda u: hz.detail(u, row.id, DUTY)).attachments
    big = next(f for f in files if f.filename == "big.png")
    assert (big.width, big.height, big.is_image) == (2000, 1000, True)
    from io import BytesIO

    from PIL import Image

    assert max(Image.open(BytesIO(big.thumbnail)).size) <= 240
    assert next(f for f in files if f.filename == "说明.pdf").thumbnail is None


def test_settings_are_for_administrators_and_drive_the_defaults(demo_sqlite):
    policy, version = read(demo_sqlite, hz.hazard_policy)
    new = hz.HazardPolicy(7, 30, policy.escalation)
    with pytest.raises(PermissionDenied):
        act(demo_sqlite, lambda u: hz.set_hazard_policy(u, DUTY, new, expected_version=version))
    act(demo_sqlite, lambda u: hz.set_hazard_policy(u, ADMIN, new, expected_version=version))
    assert read(demo_sqlite, hz.hazard_policy)[0] == new
    row = new_hazard(demo_sqlite)
    assert read(demo_sqlite, lambda u: hz.detail(u, row.id, DUTY)).default_deadline == \
        district_today() + timedelta(days=7)


def test_notes_and_files_on_a_closed_ticket_but_nothing_on_a_dismissed_one(demo_sqlite):
    row = new_hazard(demo_sqlite)
    gone = act(demo_sqlite, lambda u: hz.dismiss(u, DUTY, row.id, "重复上报", expected_version=row.version))
    assert gone.status is S.DISMISSED
    act(demo_sqlite, lambda u: hz.add_note(u, VIEWER, row.id, "已知悉"))
    with pytest.raises(DomainError):
        act(demo_sqlite, lambda u: hz.attach(u, DUTY, row.id, [photo()]))
