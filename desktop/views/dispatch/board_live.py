"""The squad board's data, kept live: one snapshot at start, then only the touched rows.

    start() ─► board_snapshot ─► state.load ─► loaded
    changes_committed("squad_member" / "vehicle" ids) ─► member_rows(ids), vehicle_rows(ids)
                                                      ─► state.apply ─► rows_changed(member ids, vehicle ids)
    "equipment", "setting", "district" ─► a fresh snapshot (ready stock, minimum free, stale time)

One read job at a time; ids touched meanwhile are merged into the next one. A slow timer re-reads
the snapshot so stale-status flags appear as time passes, even when nothing is written.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.context import AppContext
from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError
from desktop.models.squad_models import BoardState
from desktop.services import squad

RESNAPSHOT = ("equipment", "setting", "district", "grid")
STALE_CHECK_MS = 60_000


class BoardLive(QObject):
    loaded = Signal()  # a whole snapshot arrived
    rows_changed = Signal(object, object)  # set[int] member ids, set[int] vehicle ids
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = BoardState()
        self.ready = False
        self._busy = False
        self._pending_members: set[int] = set()
        self._pending_vehicles: set[int] = set()
        self._pending_snapshot = False
        self._timer = QTimer(self, interval=STALE_CHECK_MS)
        self._timer.timeout.connect(self.reload)
        ctx.sync.changes_committed.connect(self.on_changes)

    def start(self) -> None:
        self.reload()
        self._timer.start()

    @property
    def busy(self) -> bool:
        return self._busy or not self.ready

    def reload(self) -> None:
        self._pending_snapshot = True
        self._next()

    def refresh(self, members: set[int] = frozenset(), vehicles: set[int] = frozenset()) -> None:
        """Re-read these rows now (after a conflict, say)."""
        self._pending_members |= set(members)
        self._pending_vehicles |= set(vehicles)
        self._next()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*RESNAPSHOT):
            self._pending_snapshot = True
        self._pending_members |= {int(i) for i in changes.ids("squad_member") if i.isdigit()}
        self._pending_vehicles |= {int(i) for i in changes.ids("vehicle") if i.isdigit()}
        self._next()

    def _next(self) -> None:
        if self._busy:
            return
        if self._pending_snapshot:
            self._busy, self._pending_snapshot = True, False
            self._pending_members.clear()
            self._pending_vehicles.clear()
            self._run(squad.board_snapshot, self._on_snapshot)
        elif self._pending_members or self._pending_vehicles:
            mids, vids = self._pending_members, self._pending_vehicles
            self._pending_members, self._pending_vehicles = set(), set()
            self._busy = True

            def read(uow: UnitOfWork) -> tuple:
                return squad.member_rows(uow, mids) if mids else [], squad.vehicle_rows(
                    uow, vids
                ) if vids else []

            self._run(read, lambda result: self._on_rows(mids, vids, result))

    def _run(self, fn, on_done) -> None:
        def done(value) -> None:
            if shiboken6.isValid(self):
                on_done(value)

        def failed(err: DomainError) -> None:
            if shiboken6.isValid(self):
                self._busy = False
                self.failed.emit(err.message)
                self._next()

        self.ctx.ops.run(fn, done, failed, write=False)

    def _on_snapshot(self, snap: squad.BoardSnapshot) -> None:
        self._busy = False
        self.state.load(snap)
        self.ready = True
        self.loaded.emit()
        self._next()

    def _on_rows(self, mids: set[int], vids: set[int], result: tuple) -> None:
        self._busy = False
        members, vehicles = result
        gone = mids - {m.id for m in members}
        self.state.apply(members, vehicles, gone)
        self.rows_changed.emit(mids, vids)
        self._next()
