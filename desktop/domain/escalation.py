"""Escalation (督查督办): the ladder a ticket under rectification climbs as its deadline nears and
passes. Level 1 is a reminder `reminder_days` before the deadline; levels 2, 3, 4, ... are reached
when the ticket is `overdue_days[0]`, `[1]`, `[2]`, ... days overdue.

`level_at` is a pure function of the deadline and the day, so a run can be repeated at will:
`next_level` only ever answers a level *above* the one a ticket already holds (idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import ValidationError

NONE = 0
REMINDER = 1
# Names of the levels (Chinese, for reports and event notes); the GUI labels them itself.
LEVEL_ZH = ("", "临期提醒", "逾期催办", "属地督办", "区安委办挂牌督办")
LEVEL_EN = ("", "reminder", "overdue notice", "supervision by the street/department",
            "district supervision (listed by the Safety Committee office)")


@dataclass(frozen=True)
class EscalationPolicy:
    reminder_days: int = 3                          # remind this many days before the deadline
    overdue_days: tuple[int, ...] = (1, 7, 15)      # days overdue for each overdue level

    def __post_init__(self) -> None:
        if not 0 <= self.reminder_days <= 90:
            raise ValidationError("reminder_days", "must be between 0 and 90 days")
        steps = tuple(self.overdue_days)
        if len(steps) < 3:
            raise ValidationError("overdue_days", "the ladder needs at least three overdue levels")
        if steps[0] < 1 or any(b <= a for a, b in zip(steps, steps[1:], strict=False)):
            raise ValidationError("overdue_days", "thresholds must start at 1 day or more and increase")
        object.__setattr__(self, "overdue_days", steps)

    @property
    def top(self) -> int:
        return REMINDER + len(self.overdue_days)


def level_name(level: int) -> str:
    return LEVEL_ZH[level] if level < len(LEVEL_ZH) else f"督办{level}级"


def overdue_days(deadline: date | None, today: date) -> int:
    """Whole days past the deadline (0 on the deadline day and before)."""
    return max(0, (today - deadline).days) if deadline else 0


def level_at(deadline: date | None, today: date, policy: EscalationPolicy) -> int:
    """The level a ticket under rectification with this deadline has reached on `today`."""
    if deadline is None:
        return NONE
    late = (today - deadline).days
    level = NONE
    if late >= -policy.reminder_days:
        level = REMINDER
    for i, threshold in enumerate(policy.overdue_days):
        if late >= threshold:
            level = REMINDER + 1 + i
    return level


def next_level(current: int, deadline: date | None, today: date, policy: EscalationPolicy) -> int | None:
    """The level to escalate to now, or None when there is nothing to do (never goes down)."""
    due = level_at(deadline, today, policy)
    return due if due > current else None
