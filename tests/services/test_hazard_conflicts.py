"""Two duty officers on the same ticket, on two workstations (two engines): the second is refused
with a message naming what changed, and nothing of theirs is written."""

from __future__ import annotations

import threading

import pytest

from desktop.domain.errors import ConflictError
from desktop.domain.hazard_terms import HazardStatus, Severity
from desktop.services import hazards as hz
from tests.services.hazard_support import DUTY, LI, ZHANG, act, new_hazard, photo, read, rectifying, snapshot


def test_second_officer_gets_a_conflict_naming_the_change(demo_db, reopen):
    other = reopen(demo_db)  # a second workstation
    row = new_hazard(demo_db)
    seen_here = read(demo_db, lambda u: hz.detail(u, row.id, ZHANG)).row.version
    seen_there = read(other, lambda u: hz.detail(u, row.id, LI)).row.version
    assert seen_here == seen_there
    act(demo_db, lambda u: hz.classify(u, ZHANG, row.id, severity=Severity.GENERAL, expected_version=seen_here))
    before = snapshot(demo_db)
    with pytest.raises(hz.HazardConflict) as err:
        act(other, lambda u: hz.dismiss(u, LI, row.id, "不是隐患", expected_version=seen_there))
    message = err.value.message
    assert "status is now 待整改" in message and "changed by 张伟 at" in message
    assert err.value.status is HazardStatus.CLASSIFIED and err.value.changed_by == "张伟"
    assert isinstance(err.value, ConflictError)
    assert snapshot(demo_db) == before
    assert read(demo_db, lambda u: hz.detail(u, row.id, DUTY)).row.status is HazardStatus.CLASSIFIED


def test_a_reassignment_is_named_even_when_the_status_stays(demo_sqlite, reopen):
    other = reopen(demo_sqlite)
    row = rectifying(demo_sqlite)
    act(demo_sqlite, lambda u: hz.assign(u, ZHANG, row.id, responsible="赵六", expected_version=row.version))
    with pytest.raises(hz.HazardConflict, match="re-assigned \\(changed by 张伟"):
        act(other, lambda u: hz.assign(u, LI, row.id, responsible="钱七", expected_version=row.version))


def test_notes_and_files_from_a_colleague_do_not_block_an_action(demo_sqlite, reopen):
    other = reopen(demo_sqlite)
    row = new_hazard(demo_sqlite)
    act(demo_sqlite, lambda u: hz.add_note(u, ZHANG, row.id, "已电话联系企业"))
    act(demo_sqlite, lambda u: hz.attach(u, ZHANG, row.id, [photo("more.png")]))
    done = act(other, lambda u: hz.classify(u, LI, row.id, severity=Severity.GENERAL, expected_version=row.version))
    assert done.status is HazardStatus.CLASSIFIED


@pytest.mark.pg
def test_simultaneous_actions_on_postgres_one_wins_one_is_told(demo_pg, reopen):
    """Both start at the same moment with the same version: the row lock serialises them."""
    row = new_hazard(demo_pg)
    engines = [demo_pg, reopen(demo_pg)]
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def officer(i: int) -> None:
        actor = (ZHANG, LI)[i]
        barrier.wait()
        try:
            outcomes[i] = act(engines[i], lambda u: hz.classify(u, actor, row.id, severity=Severity.GENERAL,
                                                                expected_version=row.version))
        except ConflictError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=officer, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    errors = [o for o in outcomes if isinstance(o, ConflictError)]
    assert len(errors) == 1 and "status is now 待整改" in errors[0].message
    events = read(demo_pg, lambda u: [e.action for e in hz.detail(u, row.id, DUTY).timeline])
    assert len(events) == 2  # reported, classified once
