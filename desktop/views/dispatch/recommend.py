"""Recommendation and one-click dispatch (一键调度) for the selected incident.

The ranked candidates come from `dispatch.recommend_for_incident` with their reasons (grid match,
distance, ETA, equipment); the proposed team is ticked. The dispatcher ticks or unticks units (the
equipment coverage is recomputed with `Recommendation.coverage`); an off-duty member or a team
that leaves a sub-squad below its minimum needs the matching override box and a reason. One
action dispatches the ticked team in one transaction.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import labels
from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.domain.errors import ConflictError, DomainError
from desktop.domain.squad import SquadUnitKind
from desktop.models.dispatch_models import CandidateTableModel
from desktop.services import dispatch
from desktop.services.dispatch import AlreadyEngaged, DispatchPlan, DispatchResult
from desktop.views.admin_message import Kind, MessageBar
from desktop.views.dispatch.alive import run
from desktop.views.dispatch.board import table
from desktop.views.dispatch.messages import error_text
from desktop.widgets.badges import BadgeDelegate

SQUAD_DEBOUNCE_MS = 250  # after a dispatch the board and map go first


def _kit(items) -> str:
    return "、".join(f"{labels.equipment_kind(k)}×{n}" for k, n in items.items())


class RecommendPanel(QWidget):
    dispatched = Signal(object)  # DispatchResult
    refused = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id: int | None = None
        self.plan: DispatchPlan | None = None
        self.can_dispatch = False
        self._edited = False
        self._gen = 0
        self._sending = False
        self.model = CandidateTableModel(self)
        self.model.team_changed.connect(self._on_team_changed)
        self._build()
        self._squad_timer = QTimer(self, singleShot=True, interval=SQUAD_DEBOUNCE_MS)
        self._squad_timer.timeout.connect(self.reload)
        ctx.sync.changes_committed.connect(self._on_changes)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("recommendSummary")
        self.summary.setWordWrap(True)
        self.coverage = QLabel()
        self.coverage.setObjectName("recommendCoverage")
        self.coverage.setWordWrap(True)
        self.table = table("candidateTable", self.model)
        self.table.setItemDelegateForColumn(CandidateTableModel.STATUS, BadgeDelegate(self.table))
        self.table.clicked.connect(self._on_clicked)
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("中")
        for col, chars in enumerate((2.5, 2, 6.5, 4.5, 4.5, 4, 5, 4.5, 4.5, 12, 16)):
            header.resizeSection(col, int(em * chars) + 14)
        header.setSectionResizeMode(CandidateTableModel.CHECK, QHeaderView.ResizeMode.Fixed)
        self.excluded = QLabel()
        self.excluded.setObjectName("recommendExcluded")
        self.excluded.setWordWrap(True)
        self.off_duty = QCheckBox(self.tr("Dispatch off-duty members"))
        self.off_duty.setObjectName("overrideOffDuty")
        self.off_duty.setToolTip(self.tr("Off-duty members may be proposed and dispatched; recorded as an override"))
        self.min_free = QCheckBox(self.tr("Override the minimum free per sub-squad"))
        self.min_free.setObjectName("overrideMinFree")
        self.min_free.setToolTip(self.tr("Take members even below the sub-squad's minimum free; recorded"))
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("Reason for the override (required with an override)"))
        self.off_duty.toggled.connect(self._on_override_toggled)
        self.min_free.toggled.connect(self._on_override_toggled)
        self.send_button = QPushButton(self.tr("Dispatch"))
        self.send_button.setObjectName("dispatchTicked")
        self.send_button.setToolTip(self.tr("Dispatch the ticked units now (Ctrl+Enter; Ctrl+D sends the "
                                            "recommended team as proposed)"))
        self.send_button.setStyleSheet(
            "QPushButton { background: #c62828; color: white; font-weight: 700; padding: 6px 16px;"
            " border-radius: 4px; } QPushButton:disabled { background: #e0a0a0; }"
        )
        self.send_button.clicked.connect(self.dispatch_ticked)
        self.reset_button = QPushButton(self.tr("Back to the proposal"))
        self.reset_button.setObjectName("resetTeam")
        self.reset_button.setToolTip(self.tr("Tick exactly the recommended team again"))
        self.reset_button.clicked.connect(self.reset_team)
        self.messages = MessageBar()
        overrides = QHBoxLayout()
        overrides.addWidget(self.off_duty)
        overrides.addWidget(self.min_free)
        overrides.addWidget(self.reason, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.coverage, 1)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.send_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.summary)
        col.addWidget(self.messages)
        col.addWidget(self.table, 1)
        col.addWidget(self.excluded)
        col.addLayout(overrides)
        col.addLayout(actions)
        self._refresh_controls()

    # -- loading --------------------------------------------------------------------------------
    def show_incident(self, incident_id: int | None, can_dispatch: bool) -> None:
        same = incident_id == self.incident_id
        self.incident_id, self.can_dispatch = incident_id, can_dispatch
        if not same:
            self._edited = False
            self.messages.dismiss()
            self.off_duty.setChecked(False)
            self.min_free.setChecked(False)
            self.reason.clear()
        if incident_id is None or not can_dispatch:
            self.plan = None
            self.model.clear()
            self.summary.setText(self.tr("This incident takes no more units.") if incident_id else "")
            self._refresh_controls()
            return
        if not same or self.plan is None:
            self.reload()  # the same incident again: the change feed keeps its plan fresh

    def reload(self) -> None:
        if self.incident_id is None or not self.can_dispatch:
            return
        self._gen += 1
        gen, iid = self._gen, self.incident_id
        off, free = self.off_duty.isChecked(), self.min_free.isChecked()
        run(self,
            lambda uow: dispatch.recommend_for_incident(uow, iid, allow_off_duty=off, override_min_free=free),
            lambda plan: self._on_plan(gen, plan),
            lambda err: self._on_plan_failed(gen, err),
            write=False,
        )

    @property
    def loading(self) -> bool:
        return self.plan is None or self.plan.incident_id != self.incident_id

    def _on_plan(self, gen: int, plan: DispatchPlan) -> None:
        if gen != self._gen:
            return
        keep = self.model.team if (self._edited and self.plan and self.plan.incident_id == plan.incident_id) else None
        self.plan = plan
        rec = plan.recommendation
        self.model.set_recommendation(rec, plan.sub_squads, plan.call_signs, keep)
        needs = _kit(rec.needs) or self.tr("no special equipment")
        self.summary.setText(
            "<b>"
            + escape(self.tr("Recommended for {code}").format(code=plan.incident_code))
            + "</b> — "
            + escape(
                self.tr("{n} members wanted; equipment needed: {needs}. Ranked: same grid, community, street, "
                        "then travel time.").format(n=rec.members_wanted, needs=needs)
            )
        )
        reasons: dict[str, list[str]] = {}
        for e in rec.excluded:
            reasons.setdefault(e.reason, []).append(e.unit.name)
        words = {"engaged": self.tr("engaged"), "training": labels.member_status("training"),
                 "leave": labels.member_status("leave"), "maintenance": labels.member_status("maintenance")}
        text = "；".join(f"{words.get(k, k)}: {'、'.join(v)}" for k, v in reasons.items())
        self.excluded.setText(self.tr("Not available now — {who}").format(who=text) if text else "")
        self._refresh_controls()

    def _on_plan_failed(self, gen: int, err: DomainError) -> None:
        if gen == self._gen:
            self.messages.show_message(error_text(err), Kind.ERROR)

    def _on_changes(self, changes: Changes) -> None:
        if self.incident_id is None or not self.can_dispatch:
            return
        if changes.touches("squad_member", "vehicle", "equipment", "setting") or str(self.incident_id) in changes.ids(
            "incident"
        ):
            self._squad_timer.start()  # positions and statuses move the ranking

    # -- the team -------------------------------------------------------------------------------
    def _on_clicked(self, index) -> None:
        if index.column() != CandidateTableModel.CHECK and index.isValid():
            c = self.model.candidate(index.row())
            if c is not None:  # a click anywhere on the row toggles it: quicker than aiming at the box
                self.model.set_ticked(c.unit.key, c.unit.key not in self.model.team)

    def _on_team_changed(self) -> None:
        if self.plan is not None and list(self.model.team) != list(self.plan.recommendation.team):
            self._edited = True
        self._refresh_controls()

    def _on_override_toggled(self) -> None:
        self._refresh_controls()
        self.reload()  # the proposal changes with the overrides

    def reset_team(self) -> None:
        self._edited = False
        if self.plan is not None:
            rec = self.plan.recommendation
            self.model.set_recommendation(rec, self.plan.sub_squads, self.plan.call_signs, rec.team)

    def _refresh_controls(self) -> None:
        plan, team = self.plan, self.model.team_candidates()
        if plan is None:
            self.coverage.setText("")
            self.send_button.setEnabled(False)
            self.reset_button.setEnabled(False)
            return
        covered, missing = plan.recommendation.coverage([c.unit.key for c in team])
        members = sum(1 for c in team if c.unit.kind is SquadUnitKind.MEMBER)
        vehicles = len(team) - members
        parts = [self.tr("Team: {m} members, {v} fire engines").format(m=members, v=vehicles)]
        if covered:
            parts.append(self.tr("covered: {kit}").format(kit=_kit(covered)))
        line = escape("  ·  ".join(parts))
        if missing:
            short = escape(self.tr("missing: {kit}").format(kit=_kit(missing)))
            line += f"  ·  <b style='color:#c62828'>⚠ {short}</b>"
        blocked = self.override_problem()
        if blocked:
            line += f"<br><b style='color:#c62828'>{escape(blocked)}</b>"
        self.coverage.setText(line)
        if self._edited:
            self.send_button.setText(self.tr("Dispatch the {n} ticked units").format(n=len(team)))
        else:  # the proposal as it stands: 一键调度
            self.send_button.setText(self.tr("One-click dispatch: {n} units").format(n=len(team)))
        self.send_button.setEnabled(self.can_dispatch and bool(team) and not self._sending)
        self.reset_button.setEnabled(self._edited)

    def override_problem(self) -> str:
        """Why the ticked team cannot go as the boxes stand ("" when it can)."""
        team = self.model.team_candidates()
        off = [c.unit.name for c in team if c.needs_override == "off_duty"]
        held = [c.unit.name for c in team if c.needs_override == "min_free"]
        if off and not self.off_duty.isChecked():
            return self.tr("{names}: off duty — tick “Dispatch off-duty members” and give a reason.").format(
                names="、".join(off))
        if held and not self.min_free.isChecked():
            return self.tr("{names}: below the sub-squad minimum — tick the override and give a reason.").format(
                names="、".join(held))
        if (self.off_duty.isChecked() or self.min_free.isChecked()) and not self.reason.text().strip():
            return self.tr("An override needs a reason.")
        return ""

    # -- dispatching ----------------------------------------------------------------------------
    def dispatch_ticked(self) -> None:
        plan = self.plan
        if plan is None or self._sending or not self.model.team:
            return
        problem = self.override_problem()
        if problem:
            self.messages.show_message(problem, Kind.ERROR)
            self.refused.emit(problem)
            return
        team = self.model.team_candidates()
        members = [c.unit.id for c in team if c.unit.kind is SquadUnitKind.MEMBER]
        vehicles = [c.unit.id for c in team if c.unit.kind is SquadUnitKind.VEHICLE]
        actor, iid, version = self.ctx.actor, plan.incident_id, plan.incident_version
        off, free, reason = self.off_duty.isChecked(), self.min_free.isChecked(), self.reason.text()
        self._send(lambda uow: dispatch.dispatch(
            uow, actor, iid, member_ids=members, vehicle_ids=vehicles, expected_version=version,
            override_off_duty=off, override_min_free=free, override_reason=reason))

    def dispatch_recommended(self, incident_id: int, version: int) -> None:
        """一键调度: the proposed team as the service ranks it now, no overrides."""
        actor = self.ctx.actor
        self._send(lambda uow: dispatch.dispatch_recommended(uow, actor, incident_id, expected_version=version))

    def _send(self, fn) -> None:
        self._sending = True
        self._refresh_controls()
        run(self, fn, self._on_dispatched, self._on_refused)

    def _on_dispatched(self, result: DispatchResult) -> None:
        self._sending, self._edited = False, False
        n = len(result.member_ids) + len(result.vehicle_ids)
        self.messages.show_message(self.tr("Dispatched {n} units to {code}.").format(n=n, code=result.incident_code),
                                   Kind.INFO)
        self.dispatched.emit(result)
        # No reload here: the change feed's debounced refresh follows, after the board and the map.

    def _on_refused(self, err: DomainError) -> None:
        self._sending = False
        text = error_text(err)
        self.messages.show_message(text, Kind.ERROR)
        self.refused.emit(text)
        if isinstance(err, AlreadyEngaged | ConflictError):
            self.reload()  # show who is free now; the dispatcher's ticks stay where still possible
        self._refresh_controls()
