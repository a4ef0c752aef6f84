"""The hazard closed loop (隐患排查 → 分类整理 → 落实整改 → 复查验收 → 销号管理) as a state machine.

    found → classified → rectifying → awaiting re-inspection → closed
    found | classified → dismissed;   awaiting re-inspection --fail--> rectifying (returns + 1)

Commands (`classify`, `assign`, ...) check the rules and return a `FlowEvent`; `apply(state,
event)` is the only way a state changes, so replaying a ticket's events gives its state.
Nothing here does I/O: the services load a `HazardState`, call a command, store the event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from desktop.domain.enums import Role, Tier
from desktop.domain.errors import DomainError, PermissionDenied, ValidationError
from desktop.domain.hazard_routing import Route
from desktop.domain.hazard_terms import (
    STATUS_ZH,
    AttachmentKind,
    Category,
    HazardStatus,
    Reinspection,
    Severity,
)

S = HazardStatus
MAX_NOTE = 2000
MAX_RESPONSIBLE = 80


class HazardAction(StrEnum):
    REPORT = "report"                  # 上报 (发现)
    CLASSIFY = "classify"              # 分类 / 分派 (also re-classify, re-route)
    DISMISS = "dismiss"                # 不予立案
    ASSIGN = "assign"                  # 落实整改 (also re-assign while rectifying)
    REPORT_DONE = "report_done"        # 整改完成, with evidence
    REINSPECT_PASS = "reinspect_pass"  # 复查合格 → 销号
    REINSPECT_FAIL = "reinspect_fail"  # 复查不合格 → back to rectifying
    NOTE = "note"                      # 备注 / 批示
    ATTACH = "attach"                  # 补充材料
    ESCALATE = "escalate"              # 督查督办 (the escalation run only)


A = HazardAction
TRANSITIONS: Mapping[tuple[HazardStatus | None, HazardAction], HazardStatus] = {
    (None, A.REPORT): S.FOUND,
    (S.FOUND, A.CLASSIFY): S.CLASSIFIED,
    (S.CLASSIFIED, A.CLASSIFY): S.CLASSIFIED,
    (S.FOUND, A.DISMISS): S.DISMISSED,
    (S.CLASSIFIED, A.DISMISS): S.DISMISSED,
    (S.CLASSIFIED, A.ASSIGN): S.RECTIFYING,
    (S.RECTIFYING, A.ASSIGN): S.RECTIFYING,
    (S.RECTIFYING, A.REPORT_DONE): S.AWAITING_REINSPECTION,
    (S.AWAITING_REINSPECTION, A.REINSPECT_PASS): S.CLOSED,
    (S.AWAITING_REINSPECTION, A.REINSPECT_FAIL): S.RECTIFYING,
    (S.RECTIFYING, A.ESCALATE): S.RECTIFYING,
    **{(s, A.NOTE): s for s in HazardStatus},
    **{(s, A.ATTACH): s for s in HazardStatus if s is not S.DISMISSED},
}

# Events that add to a ticket without deciding anything: a colleague's stale view of the ticket
# is still valid after them, so they never make another action a conflict.
ADDITIVE_ACTIONS = frozenset({A.NOTE, A.ATTACH, A.ESCALATE})

_HANDLING = frozenset(A) - {A.ESCALATE}
ROLE_ACTIONS: Mapping[Role, frozenset[HazardAction]] = {
    Role.VIEWER: frozenset({A.NOTE}),  # leaders read, and may add an instruction (批示)
    Role.DUTY: _HANDLING,
    Role.ADMIN: frozenset(A),
}


class IllegalTransition(ValidationError):
    def __init__(self, status: HazardStatus | None, action: HazardAction) -> None:
        where = f"is {status.value} ({STATUS_ZH[status]})" if status else "does not exist yet"
        super().__init__("status", f"cannot {action.value.replace('_', ' ')}: the hazard {where}")
        self.status = status
        self.action = action


class ReplayError(DomainError):
    """An event log that the state machine could not have produced."""


@dataclass(frozen=True)
class HazardState:
    status: HazardStatus
    severity: Severity
    category: Category
    department_id: int | None = None
    tier: Tier = Tier.STREET
    unrouted: bool = False
    responsible: str = ""
    deadline: date | None = None
    rectifier: str = ""           # who reported this round's rectification done
    reinspection: Reinspection = Reinspection.NONE
    return_count: int = 0         # failed re-inspections
    escalation_level: int = 0
    has_plan: bool = False        # a rectification plan is attached
    round_evidence: int = 0       # evidence files attached in this rectification round

    @property
    def overdue_able(self) -> bool:
        """Only a ticket under rectification can run past its deadline."""
        return self.status is S.RECTIFYING


@dataclass(frozen=True)
class FlowEvent:
    action: HazardAction
    actor: str                    # user name
    from_status: HazardStatus | None
    to_status: HazardStatus
    note: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)  # JSON-ready (dates as ISO strings)


# -- what may happen ---------------------------------------------------------------------


def target(status: HazardStatus | None, action: HazardAction) -> HazardStatus:
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise IllegalTransition(status, action) from None


def check_role(role: Role, action: HazardAction) -> None:
    if action not in ROLE_ACTIONS[Role(role)]:
        raise PermissionDenied(f"a {Role(role).value} user may not {action.value.replace('_', ' ')} hazards")


def allowed_actions(state: HazardState, role: Role, username: str = "") -> frozenset[HazardAction]:
    """What the detail panel offers this user now (inputs are still checked on the action)."""
    out = {a for (s, a) in TRANSITIONS if s is state.status} & ROLE_ACTIONS[Role(role)]
    out.discard(A.ESCALATE)
    if username and username == state.rectifier:
        out -= {A.REINSPECT_PASS, A.REINSPECT_FAIL}
    if state.unrouted:
        out.discard(A.ASSIGN)
    return frozenset(out)


# -- the only way a state changes --------------------------------------------------------


def apply(state: HazardState | None, event: FlowEvent) -> HazardState:
    status = state.status if state else None
    if event.from_status is not status or TRANSITIONS.get((status, event.action)) is not event.to_status:
        raise ReplayError(f"{event.action.value} from {event.from_status} to {event.to_status} "
                          f"does not follow {status}")
    d = event.data
    kinds = [AttachmentKind(k) for k in d.get("attachments", ())]
    if state is None:
        state = HazardState(S.FOUND, Severity(d["severity"]), Category(d["category"]),
                            tier=Tier(d.get("tier", Tier.STREET)))
    changes: dict[str, Any] = {"status": event.to_status}
    a = event.action
    if a is A.CLASSIFY:
        changes.update(severity=Severity(d["severity"]), category=Category(d["category"]),
                       department_id=d["department_id"], tier=Tier(d["tier"]), unrouted=bool(d["unrouted"]))
    elif a is A.DISMISS:
        changes.update(unrouted=False)
    elif a is A.ASSIGN:
        changes.update(responsible=d["responsible"], deadline=date.fromisoformat(d["deadline"]),
                       escalation_level=0)
        if status is not S.RECTIFYING:
            changes.update(rectifier="", round_evidence=0)
    elif a is A.REPORT_DONE:
        changes.update(rectifier=event.actor)
    elif a is A.REINSPECT_PASS:
        if event.actor == state.rectifier:
            raise ReplayError("the rectifier re-inspected their own work")
        changes.update(reinspection=Reinspection.PASSED)
    elif a is A.REINSPECT_FAIL:
        changes.update(reinspection=Reinspection.FAILED, return_count=state.return_count + 1,
                       deadline=date.fromisoformat(d["deadline"]), responsible=d["responsible"],
                       rectifier="", round_evidence=0, escalation_level=0)
    elif a is A.ESCALATE:
        changes.update(escalation_level=int(d["to_level"]))
    if kinds:
        changes["has_plan"] = state.has_plan or AttachmentKind.PLAN in kinds
        changes["round_evidence"] = changes.get("round_evidence", state.round_evidence) + kinds.count(
            AttachmentKind.EVIDENCE)
    return HazardState(**(vars(state) | changes))  # dataclasses.replace, without its introspection


def replay(events: Iterable[FlowEvent]) -> HazardState:
    state: HazardState | None = None
    for event in events:
        state = apply(state, event)
    if state is None:
        raise ReplayError("no events")
    return state


# -- commands: check, then describe the change as an event -------------------------------


def _text(field_name: str, value: str | None, max_len: int, *, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(field_name, "must not be empty")
    if len(text) > max_len:
        raise ValidationError(field_name, f"is {len(text)} characters long; at most {max_len} allowed")
    return text


def check_deadline(deadline: date, today: date) -> None:
    if deadline < today:
        raise ValidationError("deadline", f"{deadline.isoformat()} is in the past (today is {today.isoformat()})")


def _event(state: HazardState | None, action: HazardAction, actor: str, role: Role, note: str = "",
           attachments: Sequence[AttachmentKind] = (), **data: Any) -> FlowEvent:
    check_role(role, action)
    status = state.status if state else None
    to = target(status, action)
    if attachments:
        data["attachments"] = [AttachmentKind(k).value for k in attachments]
    return FlowEvent(action, actor, status, to, note, data)


def report(actor: str, role: Role, severity: Severity, category: Category, tier: Tier = Tier.STREET,
           attachments: Sequence[AttachmentKind] = ()) -> FlowEvent:
    """`tier` is provisional (the enterprise's, or street in a public area) until classification."""
    return _event(None, A.REPORT, actor, role, "", attachments, severity=Severity(severity).value,
                  category=Category(category).value, tier=Tier(tier).value)


def classify(state: HazardState, actor: str, role: Role, severity: Severity, category: Category,
             route: Route, note: str = "") -> FlowEvent:
    return _event(state, A.CLASSIFY, actor, role, _text("note", note, MAX_NOTE, required=False),
                  severity=Severity(severity).value, category=Category(category).value,
                  department_id=route.department_id, tier=route.tier.value, unrouted=route.unrouted,
                  overridden=route.overridden, reason=route.reason)


def dismiss(state: HazardState, actor: str, role: Role, reason: str) -> FlowEvent:
    event = _event(state, A.DISMISS, actor, role)
    return replace(event, note=_text("reason", reason, MAX_NOTE, required=True))


def assign(state: HazardState, actor: str, role: Role, responsible: str, deadline: date, today: date,
           note: str = "", attachments: Sequence[AttachmentKind] = ()) -> FlowEvent:
    event = _event(state, A.ASSIGN, actor, role, _text("note", note, MAX_NOTE, required=False), attachments,
                   responsible=_text("responsible", responsible, MAX_RESPONSIBLE, required=True),
                   deadline=deadline.isoformat())
    if state.unrouted:
        raise ValidationError("department", "the hazard is unrouted (its industry has no boundary rule): "
                                            "route it to a department first")
    check_deadline(deadline, today)
    if state.severity is Severity.MAJOR and not state.has_plan and AttachmentKind.PLAN not in attachments:
        raise ValidationError("plan", "a major hazard needs a rectification plan attached before rectification")
    return event


def report_done(state: HazardState, actor: str, role: Role, note: str,
                attachments: Sequence[AttachmentKind] = ()) -> FlowEvent:
    event = _event(state, A.REPORT_DONE, actor, role, _text("note", note, MAX_NOTE, required=True), attachments)
    if state.round_evidence + list(attachments).count(AttachmentKind.EVIDENCE) < 1:
        raise ValidationError("evidence", "attach at least one photo of the rectified site")
    return event


def reinspect(state: HazardState, actor: str, role: Role, passed: bool, note: str, today: date,
              new_deadline: date | None = None, responsible: str | None = None,
              attachments: Sequence[AttachmentKind] = ()) -> FlowEvent:
    action = A.REINSPECT_PASS if passed else A.REINSPECT_FAIL
    if not passed:
        if new_deadline is None:
            raise ValidationError("deadline", "a failed re-inspection needs a new deadline")
        event = _event(state, action, actor, role, _text("note", note, MAX_NOTE, required=True), attachments,
                       deadline=new_deadline.isoformat(),
                       responsible=_text("responsible", responsible or state.responsible, MAX_RESPONSIBLE,
                                         required=True))
        check_deadline(new_deadline, today)
    else:
        event = _event(state, action, actor, role, _text("note", note, MAX_NOTE, required=False), attachments)
    if actor == state.rectifier:
        raise ValidationError("reinspector", f"{actor} reported the rectification done; "
                                             "someone else must re-inspect it")
    return event


def escalate(state: HazardState, actor: str, role: Role, to_level: int, note: str = "") -> FlowEvent:
    if to_level <= state.escalation_level:
        raise ValidationError("escalation", f"already at level {state.escalation_level}")
    return _event(state, A.ESCALATE, actor, role, note, from_level=state.escalation_level, to_level=to_level)


def add_note(state: HazardState, actor: str, role: Role, text: str) -> FlowEvent:
    return _event(state, A.NOTE, actor, role, _text("note", text, MAX_NOTE, required=True))


def attach(state: HazardState, actor: str, role: Role, attachments: Sequence[AttachmentKind],
           note: str = "") -> FlowEvent:
    if not attachments:
        raise ValidationError("files", "choose at least one file")
    return _event(state, A.ATTACH, actor, role, _text("note", note, MAX_NOTE, required=False), attachments)
