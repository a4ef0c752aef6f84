"""The escalation run (督查督办) on a timer: once shortly after the hazard screen opens, then every
ten minutes. It runs only where the signed-in role may escalate (the hazard flow's ROLE_ACTIONS),
as the system (the events read "system", as from `safegrid escalate`). The run is idempotent, so
several workstations running it at once change nothing twice."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.context import AppContext
from desktop.domain.enums import Role
from desktop.domain.errors import DomainError
from desktop.domain.hazard_flow import ROLE_ACTIONS, HazardAction
from desktop.services.escalation import EscalationRun, run_escalation

FIRST_MS = 5_000
EVERY_MS = 10 * 60_000


def may_escalate(role: Role | str) -> bool:
    return HazardAction.ESCALATE in ROLE_ACTIONS[Role(role)]


class EscalationTimer(QObject):
    ran = Signal(object)   # EscalationRun
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, first_ms: int = FIRST_MS,
                 every_ms: int = EVERY_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.allowed = may_escalate(ctx.actor.role)
        self.running = False
        self.last: EscalationRun | None = None
        self._first = QTimer(self, singleShot=True, interval=first_ms)
        self._first.timeout.connect(self.run_now)
        self._every = QTimer(self, interval=every_ms)
        self._every.timeout.connect(self.run_now)

    def start(self) -> None:
        if self.allowed:
            self._first.start()
            self._every.start()

    def stop(self) -> None:
        self._first.stop()
        self._every.stop()

    @property
    def active(self) -> bool:
        return self._every.isActive()

    def run_now(self) -> bool:
        """Start a run unless one is in flight or the role may not; True if started."""
        if not self.allowed or self.running:
            return False
        self.running = True
        self.ctx.ops.run(lambda uow: run_escalation(uow), self._alive(self._on_done), self._alive(self._on_error))
        return True

    def _alive(self, cb):
        return lambda value: cb(value) if shiboken6.isValid(self) else None

    def _on_done(self, run: EscalationRun) -> None:
        self.running = False
        self.last = run
        self.ran.emit(run)

    def _on_error(self, err: DomainError) -> None:
        self.running = False
        self.failed.emit(err.message)
