"""Training and drills, and the simple quarterly assessment of a member built from them.

The assessment (每季一考核) scores 0..100: up to 60 points for attendance (hours attended against
the quarter's required hours), up to 40 for results (the mean of the results of the sessions
attended: excellent 100, pass 80, fail 40, scaled to 40), minus 5 points per unexcused absence.
Grades: excellent ≥ 90, good ≥ 75, qualified ≥ 60, else unqualified.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class TrainingKind(StrEnum):
    TRAINING = "training"  # 培训
    DRILL = "drill"        # 演练


class TrainingResult(StrEnum):
    EXCELLENT = "excellent"  # 优秀
    PASS = "pass"            # 合格
    FAIL = "fail"            # 不合格
    ABSENT = "absent"        # 缺勤


class Grade(StrEnum):
    EXCELLENT = "excellent"      # 优秀
    GOOD = "good"                # 良好
    QUALIFIED = "qualified"      # 合格
    UNQUALIFIED = "unqualified"  # 不合格


RESULT_POINTS = {TrainingResult.EXCELLENT: 100.0, TrainingResult.PASS: 80.0, TrainingResult.FAIL: 40.0}
ABSENCE_PENALTY = 5.0


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First day of the quarter and first day of the next one."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1..4, not {quarter}")
    start = date(year, 3 * (quarter - 1) + 1, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, end


@dataclass(frozen=True)
class Attendance:
    """One member at one session."""

    kind: TrainingKind
    held_on: date
    minutes: int
    result: TrainingResult


@dataclass(frozen=True)
class Assessment:
    sessions: int          # attended
    drills: int            # attended drills
    hours: float           # attended
    absences: int
    excellent: int
    passed: int
    failed: int
    score: float
    grade: Grade


def grade_for(score: float) -> Grade:
    if score >= 90:
        return Grade.EXCELLENT
    if score >= 75:
        return Grade.GOOD
    if score >= 60:
        return Grade.QUALIFIED
    return Grade.UNQUALIFIED


def assess(records: Iterable[Attendance], required_hours: float) -> Assessment:
    records = list(records)
    attended = [r for r in records if r.result is not TrainingResult.ABSENT]
    absences = len(records) - len(attended)
    hours = sum(r.minutes for r in attended) / 60
    attendance = 60.0 * min(1.0, hours / required_hours) if required_hours > 0 else 60.0
    results = 0.4 * (sum(RESULT_POINTS[r.result] for r in attended) / len(attended)) if attended else 0.0
    score = max(0.0, min(100.0, attendance + results - ABSENCE_PENALTY * absences))
    score = round(score, 1)
    return Assessment(
        sessions=len(attended),
        drills=sum(1 for r in attended if r.kind is TrainingKind.DRILL),
        hours=round(hours, 2),
        absences=absences,
        excellent=sum(1 for r in attended if r.result is TrainingResult.EXCELLENT),
        passed=sum(1 for r in attended if r.result is TrainingResult.PASS),
        failed=sum(1 for r in attended if r.result is TrainingResult.FAIL),
        score=score,
        grade=grade_for(score),
    )
