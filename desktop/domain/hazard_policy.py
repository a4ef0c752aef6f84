"""The bureau's hazard settings: default rectification periods per severity and the escalation
ladder. Stored as JSON in the `settings` table (key "hazards"); edited by an administrator."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.domain.errors import ValidationError
from desktop.domain.escalation import EscalationPolicy
from desktop.domain.hazard_terms import Severity

SETTINGS_KEY = "hazards"


@dataclass(frozen=True)
class HazardPolicy:
    general_days: int = 15   # 一般隐患: default rectification period
    major_days: int = 60     # 重大隐患
    escalation: EscalationPolicy = field(default_factory=EscalationPolicy)

    def __post_init__(self) -> None:
        for name in ("general_days", "major_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 1 <= value <= 365:
                raise ValidationError(name, "must be a whole number of days between 1 and 365")

    def period(self, severity: Severity) -> int:
        return self.major_days if Severity(severity) is Severity.MAJOR else self.general_days

    def default_deadline(self, severity: Severity, today: date) -> date:
        return today + timedelta(days=self.period(severity))

    def to_json(self) -> str:
        return json.dumps({
            "deadline_days": {"general": self.general_days, "major": self.major_days},
            "reminder_days": self.escalation.reminder_days,
            "overdue_days": list(self.escalation.overdue_days),
        })

    @classmethod
    def from_json(cls, text: str | None) -> HazardPolicy:
        if not text:
            return cls()
        try:
            raw = json.loads(text)
            days = raw.get("deadline_days", {})
            default = cls()
            esc = EscalationPolicy(int(raw.get("reminder_days", default.escalation.reminder_days)),
                                   tuple(int(d) for d in raw.get("overdue_days", default.escalation.overdue_days)))
            return cls(int(days.get("general", default.general_days)), int(days.get("major", default.major_days)),
                       esc)
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValidationError("settings", f"the stored hazard settings are not readable: {exc}") from None
